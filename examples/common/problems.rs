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

/// xorshift64* — a small deterministic generator for synthetic problems.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Generated problems timed next to the fixtures: (name, k, positive rows,
/// negative rows). `gen_k22_planted` has the row counts of the fixtures'
/// `tt_k20_planted` (600 / 3000); the `small` ones a fifth of the rows
/// (200 / 1000), which keeps the number of prime implicants lower.
pub const GENERATED: [(&str, usize, usize, usize); 3] = [
    ("gen_k22_small", 22, 200, 1000),
    ("gen_k22_planted", 22, 600, 3000),
    ("gen_k25_small", 25, 200, 1000),
];

/// The hidden formula of the `planted` family for `k` conditions (`k` ≥ 5):
/// 4 random terms `(mask, values)` of 3–4 literals, drawn from a generator
/// seeded by `k`, which is returned as it stands after them so that the
/// rows are drawn next. Deterministic in `k`.
pub fn planted_formula(k: usize) -> (Rng, Vec<(u64, u64)>) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ k as u64);
    let mut terms = Vec::new();
    for _ in 0..4 {
        let lits = 3 + (rng.next_u64() % 2) as usize;
        let mut mask = 0u64;
        while (mask.count_ones() as usize) < lits {
            mask |= 1 << (rng.next_u64() % k as u64);
        }
        terms.push((mask, rng.next_u64() & mask));
    }
    (rng, terms)
}

/// A problem of the fixtures' `planted` family: 4 random terms of 3–4
/// literals over `k` conditions; distinct random configurations are drawn
/// until `n_pos` satisfy the formula and `n_neg` do not. Deterministic in
/// `k`. `None` when `k` is outside 5..=62.
pub fn planted(k: usize, n_pos: usize, n_neg: usize) -> Option<Problem> {
    if !(5..=62).contains(&k) {
        return None;
    }
    let (mut rng, terms) = planted_formula(k);
    let full = (1u64 << k) - 1;
    let (mut pos, mut neg) = (BTreeSet::new(), BTreeSet::new());
    // Bounded: the formula covers between 1/16 and 15/16 of the space.
    for _ in 0..(n_pos + n_neg) * 1000 {
        if pos.len() >= n_pos && neg.len() >= n_neg {
            break;
        }
        let r = rng.next_u64() & full;
        if terms.iter().any(|&(m, v)| r & m == v) {
            if pos.len() < n_pos {
                pos.insert(r);
            }
        } else if neg.len() < n_neg {
            neg.insert(r);
        }
    }
    Problem::new(
        k,
        pos.into_iter().collect(),
        neg.into_iter().collect(),
        vec![],
    )
    .ok()
}
