//! Timing problems shared by the native (`bench`) and browser (`wasm_bench`)
//! minimization benchmarks: the CSV format of `shared/fixtures/timing/`.

use std::collections::BTreeSet;

use policylens::analysis::minimize::Problem;

/// Parses `X1..Xk,OUT` (0/1) CSV text into a problem and its number of data
/// rows. A configuration seen with both outcomes is a contradiction, negative
/// at incl.cut 1. `None` when the text is not such a table.
pub fn parse_problem(text: &str) -> Option<(Problem, usize)> {
    let mut lines = text.lines();
    let header = lines.next()?;
    let k = header.split(',').count().checked_sub(1)?;
    let mut pos = BTreeSet::new();
    let mut neg = BTreeSet::new();
    let mut n_rows = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let v: Vec<u64> = line
            .split(',')
            .map(|s| s.trim().trim_matches('"').parse().unwrap_or(0))
            .collect();
        let (out, bits) = v.split_last()?;
        let config = bits.iter().fold(0u64, |acc, &b| (acc << 1) | (b & 1));
        if *out == 1 {
            pos.insert(config);
        } else {
            neg.insert(config);
        }
        n_rows += 1;
    }
    let pos: Vec<u64> = pos.difference(&neg).copied().collect();
    let problem = Problem::new(k, pos, neg.into_iter().collect(), vec![]).ok()?;
    Some((problem, n_rows))
}
