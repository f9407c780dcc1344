//! Truth tables (METHODS.md §4), computed as R QCA 3.25's `truthTable()`.
//!
//! Build one with [`TruthTable::new`] from plain slices: one membership
//! column per condition, the outcome column, the case names and the
//! [`TruthTableOptions`] (R's `incl.cut`, `n.cut`, `pri.cut`, `complete`,
//! `exclude`, negated outcome).
//!
//! # Rules (and the R quirks reproduced on purpose)
//! 1. **Configuration of a case**: condition membership `> 0.5` codes 1,
//!    anything else — *including exactly 0.5* — codes 0. The table's rows are
//!    the distinct configurations of all cases (so a case with a 0.5 still
//!    creates a row, possibly with n = 0), sorted by R's row number
//!    `1 + Σ config[j]·2^(k−1−j)` (first condition most significant).
//! 2. **n** counts the cases whose membership in the row (min over the
//!    conditions of `x` or `1 − x`) is strictly above 0.5 (R's C code).
//! 3. **incl** = Σmin(m, y)/Σm and **PRI** = (Σmin(m,y) − Σmin(m,y,1−y)) /
//!    (Σm − Σmin(m,y,1−y)) over *all* cases (m = membership in the row),
//!    unrounded (R does not apply `pof()`'s 1e-5 rounding here).
//! 4. **OUT**: a row with n < n.cut is a remainder `?`. Otherwise `1` when
//!    `agteb(incl, ic1)` and `agteb(PRI, pri.cut)` — R compares with a
//!    tolerance: `a + 1.49e-8 > b` — else `0`. Then `C` is written where
//!    `incl < ic1` (exact) and `agteb(incl, ic0)`; ic0 is the second
//!    incl.cut, **1 by default** (so with the default incl.cut = 1 a row with
//!    incl within 1.49e-8 below 1 is coded `C`, as in R).
//!    **R bug reproduced**: R computes that `C` test only for the rows kept
//!    (n ≥ n.cut) but assigns it to the vector of *all* rows, so the logical
//!    index is recycled: row at position p (0-based, in row order) becomes `C`
//!    when the test holds for the kept row number `p mod (number kept)`.
//!    This only matters when a second incl.cut is given and some row has
//!    n < n.cut. [`Row::out_if_kept`] holds the aligned value (R's
//!    `removed$OUT`).
//! 5. **cases** of a row: the cases whose configuration is the row, in input
//!    order, *except* any case with a condition approximately 0.5
//!    (`|x − 0.5| < 1.49e-8`); those are listed in
//!    [`TruthTable::ambiguous_cases`] instead and belong to no row.
//! 6. **Exclusions** (R's `exclude`) are recorded row numbers: an excluded
//!    remainder gets OUT `0` and [`Row::excluded`] set (R sets OUT to "0").
//!    An exclusion naming a row that is not a remainder is ignored and listed
//!    in [`TruthTable::ignored_exclusions`] (QCA ≤ 3.x removed those with
//!    `setdiff(exclude, rownames(tt))`). Excluded rows are always listed,
//!    also when `complete` is off (as R does).
//!    OUT values set by hand ([`TruthTableOptions::set_out`]) are applied
//!    after that and flagged in [`Row::overridden`].
//! 7. **Missing values** are refused, as R refuses them ("Missing values in
//!    the data are not allowed"); R checks the whole data frame, PolicyLens
//!    only the columns used.
//! 8. Conditions must be calibrated memberships in [0, 1] (crisp 0/1 or
//!    fuzzy); multi-value conditions are not supported. At most 25
//!    conditions (R's limit).
//!
//! Complexity: O(n·k) to code the cases, O(r·n·k) for r observed rows,
//! plus O(2^k) rows when `complete` is on.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::analysis::fit::tolerance::{aeqb, agteb};

/// Largest number of conditions (R QCA's limit).
pub const MAX_CONDITIONS: usize = 25;
/// Largest number of conditions for which all 2^k rows (`complete`) are listed.
pub const MAX_COMPLETE_CONDITIONS: usize = 20;

/// An error that prevents building a truth table.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TruthTableError {
    /// No condition was given.
    #[error("no conditions were given")]
    NoConditions,
    /// More conditions than QCA can handle.
    #[error("{count} conditions given; at most {max} are possible")]
    TooManyConditions {
        /// Conditions given.
        count: usize,
        /// The maximum.
        max: usize,
    },
    /// `complete` asked for more rows than can be listed.
    #[error("cannot list all rows of a truth table with {count} conditions (at most {max})")]
    CompleteTooLarge {
        /// Conditions given.
        count: usize,
        /// The maximum for a complete table.
        max: usize,
    },
    /// The same condition was given twice.
    #[error("condition `{name}` is given twice")]
    DuplicateCondition {
        /// Its name.
        name: String,
    },
    /// The number of names does not match the number of columns.
    #[error("{names} condition names for {columns} columns")]
    NamesMismatch {
        /// Names given.
        names: usize,
        /// Columns given.
        columns: usize,
    },
    /// A column (or the case names) has the wrong number of cases.
    #[error("column `{column}` has {found} values, expected {expected}")]
    LengthMismatch {
        /// Column name (`case names` for the names).
        column: String,
        /// Its length.
        found: usize,
        /// Number of outcome values.
        expected: usize,
    },
    /// A missing value in a condition or the outcome.
    #[error(
        "column `{column}` has a missing value in row {row}; QCA does not allow missing values"
    )]
    MissingValue {
        /// Column name.
        column: String,
        /// 1-based case number.
        row: usize,
    },
    /// A membership outside [0, 1] (uncalibrated data).
    #[error(
        "column `{column}` row {row}: {value} is not a membership between 0 and 1 (calibrate it first)"
    )]
    NotCalibrated {
        /// Column name.
        column: String,
        /// 1-based case number.
        row: usize,
        /// The value.
        value: f64,
    },
    /// A cut-off outside its range.
    #[error("{name} = {value} must be between 0 and 1")]
    InvalidCut {
        /// `incl.cut`, `incl.cut0` or `pri.cut`.
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// Every row has fewer cases than n.cut (R: "There are no
    /// configurations, using these cutoff values.").
    #[error("no configuration has at least {n_cut} case(s)")]
    NoConfigurations {
        /// The n.cut used.
        n_cut: usize,
    },
}

/// The output value of a truth-table row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Out {
    /// `1`: sufficient for the outcome.
    #[serde(rename = "1")]
    One,
    /// `0`: not sufficient (or an excluded remainder).
    #[serde(rename = "0")]
    Zero,
    /// `C`: contradiction (between the two inclusion cuts).
    #[serde(rename = "C")]
    Contradiction,
    /// `?`: logical remainder (n < n.cut).
    #[serde(rename = "?")]
    Remainder,
}

impl Out {
    /// R's code: "1", "0", "C" or "?".
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Out::One => "1",
            Out::Zero => "0",
            Out::Contradiction => "C",
            Out::Remainder => "?",
        }
    }
}

/// Settings of a truth table, named after R's arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthTableOptions {
    /// `incl.cut[1]`: inclusion needed for OUT = 1 (R default 1).
    pub incl_cut: f64,
    /// `incl.cut[2]`: lower inclusion cut for contradictions (R default: none, which acts as 1).
    pub incl_cut0: Option<f64>,
    /// `n.cut`: rows with fewer cases are remainders (R default 1).
    pub n_cut: usize,
    /// `pri.cut`: PRI needed for OUT = 1 (R default 0).
    pub pri_cut: f64,
    /// `complete`: list all 2^k rows, remainders included.
    pub complete: bool,
    /// `exclude`: row numbers of remainders to exclude (untenable, impossible).
    pub exclude: BTreeSet<u64>,
    /// Analyse the negated outcome `~Y` (R's `outcome = "~Y"`).
    pub negate_outcome: bool,
    /// OUT values set by hand, by row number (R: editing `tt$tt$OUT`).
    /// Applied last, after the cut-offs and exclusions; a row number beyond
    /// 2^k is ignored and reported in [`TruthTable::ignored_overrides`].
    #[serde(default)]
    pub set_out: BTreeMap<u64, Out>,
}

impl Default for TruthTableOptions {
    fn default() -> Self {
        TruthTableOptions {
            incl_cut: 1.0,
            incl_cut0: None,
            n_cut: 1,
            pri_cut: 0.0,
            complete: false,
            exclude: BTreeSet::new(),
            negate_outcome: false,
            set_out: BTreeMap::new(),
        }
    }
}

/// One configuration of the truth table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// 0/1 per condition, in condition order.
    pub config: Vec<u8>,
    /// The output value.
    pub out: Out,
    /// The OUT the row would have if n.cut were ignored (R's `OUT_if_kept` /
    /// `removed$OUT`); equals `out` for kept rows except for R's recycling
    /// bug (module docs, rule 4).
    pub out_if_kept: Out,
    /// Number of cases with membership above 0.5 in the row.
    pub n: usize,
    /// Sufficiency inclusion of the row in the outcome (NaN for unobserved rows).
    pub incl: f64,
    /// PRI of the row (NaN for unobserved rows).
    pub pri: f64,
    /// Names of the cases in the row (input order).
    pub cases: Vec<String>,
    /// Indices (0-based) of the same cases.
    pub case_indices: Vec<usize>,
    /// True for a remainder excluded by the user (then `out` is `Zero`).
    pub excluded: bool,
    /// True when the user set `out` by hand ([`TruthTableOptions::set_out`]).
    #[serde(default)]
    pub overridden: bool,
}

impl Row {
    /// R's row number: 1 + the configuration read as a binary number, first
    /// condition most significant.
    #[must_use]
    pub fn number(&self) -> u64 {
        row_number(&self.config)
    }

    /// True when some case belongs to the row (n > 0).
    #[must_use]
    pub fn is_observed(&self) -> bool {
        self.n > 0
    }
}

/// R's row number of a configuration (see [`Row::number`]).
#[must_use]
pub fn row_number(config: &[u8]) -> u64 {
    1 + config
        .iter()
        .fold(0u64, |acc, &b| (acc << 1) | u64::from(b != 0))
}

/// The configuration (0/1 per condition) of an R row number for `k` conditions.
#[must_use]
pub fn config_of_row(number: u64, k: usize) -> Vec<u8> {
    let v = number.saturating_sub(1);
    (0..k)
        .map(|j| u8::from((v >> (k - 1 - j)) & 1 == 1))
        .collect()
}

/// A case left out of every row because a condition is (approximately) 0.5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmbiguousCase {
    /// 0-based case index.
    pub index: usize,
    /// Case name.
    pub name: String,
    /// Indices of the conditions at 0.5.
    pub conditions: Vec<usize>,
}

/// A truth table: settings, rows sorted by row number, ambiguous cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TruthTable {
    /// Condition names, in order.
    pub conditions: Vec<String>,
    /// The settings it was built with.
    pub options: TruthTableOptions,
    /// Rows in row-number order: every configuration some case falls into,
    /// excluded remainders, and with `complete` every other configuration.
    pub rows: Vec<Row>,
    /// Cases with a condition at 0.5, in input order.
    pub ambiguous_cases: Vec<AmbiguousCase>,
    /// Requested exclusions that were not remainders (ignored).
    pub ignored_exclusions: Vec<u64>,
    /// OUT overrides naming no row of the table (ignored).
    #[serde(default)]
    pub ignored_overrides: Vec<u64>,
}

fn check_column(name: &str, values: &[f64], expected: usize) -> Result<(), TruthTableError> {
    if values.len() != expected {
        return Err(TruthTableError::LengthMismatch {
            column: name.to_string(),
            found: values.len(),
            expected,
        });
    }
    for (i, &v) in values.iter().enumerate() {
        if v.is_nan() {
            return Err(TruthTableError::MissingValue {
                column: name.to_string(),
                row: i + 1,
            });
        }
        if !(0.0..=1.0).contains(&v) {
            return Err(TruthTableError::NotCalibrated {
                column: name.to_string(),
                row: i + 1,
                value: v,
            });
        }
    }
    Ok(())
}

fn check_cut(name: &'static str, value: f64) -> Result<(), TruthTableError> {
    if (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(TruthTableError::InvalidCut { name, value })
    }
}

/// R's OUT coding of a row that is kept (rule 4, without the recycling).
fn code_out(incl: f64, pri: f64, ic1: f64, ic0: f64, pri_cut: f64) -> Out {
    if incl < ic1 && agteb(incl, ic0) {
        Out::Contradiction
    } else if agteb(incl, ic1) && agteb(pri, pri_cut) {
        Out::One
    } else {
        Out::Zero
    }
}

impl TruthTable {
    /// Builds the truth table of `outcome` on the `conditions`.
    ///
    /// * `condition_names[j]` names `columns[j]`, the memberships of every case;
    /// * `outcome`: the outcome memberships (not negated; set
    ///   `options.negate_outcome` for `~Y`), also giving the number of cases;
    /// * `case_names`: one per case.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::truth_table::{TruthTable, TruthTableOptions, Out};
    /// let names = vec!["A".to_string(), "B".to_string()];
    /// let a = [0.9, 0.8, 0.2];
    /// let b = [0.1, 0.3, 0.7];
    /// let y = [0.9, 0.7, 0.1];
    /// let cases = vec!["x".to_string(), "y".to_string(), "z".to_string()];
    /// let opts = TruthTableOptions { incl_cut: 0.8, ..Default::default() };
    /// let tt = TruthTable::new(&names, &[&a, &b], &y, &cases, &opts).unwrap();
    /// assert_eq!(tt.rows.len(), 2);
    /// assert_eq!(tt.rows[1].number(), 3); // A*~B
    /// assert_eq!(tt.rows[1].out, Out::One);
    /// assert_eq!(tt.rows[1].cases, vec!["x", "y"]);
    /// ```
    ///
    /// # Errors
    /// See [`TruthTableError`]; every variant says which column and row.
    pub fn new(
        condition_names: &[String],
        columns: &[&[f64]],
        outcome: &[f64],
        case_names: &[String],
        options: &TruthTableOptions,
    ) -> Result<TruthTable, TruthTableError> {
        let k = columns.len();
        if condition_names.len() != k {
            return Err(TruthTableError::NamesMismatch {
                names: condition_names.len(),
                columns: k,
            });
        }
        if k == 0 {
            return Err(TruthTableError::NoConditions);
        }
        if k > MAX_CONDITIONS {
            return Err(TruthTableError::TooManyConditions {
                count: k,
                max: MAX_CONDITIONS,
            });
        }
        if options.complete && k > MAX_COMPLETE_CONDITIONS {
            return Err(TruthTableError::CompleteTooLarge {
                count: k,
                max: MAX_COMPLETE_CONDITIONS,
            });
        }
        for (i, name) in condition_names.iter().enumerate() {
            if condition_names.iter().take(i).any(|n| n == name) {
                return Err(TruthTableError::DuplicateCondition { name: name.clone() });
            }
        }
        check_cut("incl.cut", options.incl_cut)?;
        if let Some(ic0) = options.incl_cut0 {
            check_cut("incl.cut0", ic0)?;
        }
        check_cut("pri.cut", options.pri_cut)?;
        let n_cases = outcome.len();
        if case_names.len() != n_cases {
            return Err(TruthTableError::LengthMismatch {
                column: "case names".to_string(),
                found: case_names.len(),
                expected: n_cases,
            });
        }
        for (name, col) in condition_names.iter().zip(columns) {
            check_column(name, col, n_cases)?;
        }
        check_column("outcome", outcome, n_cases)?;
        let y: Vec<f64> = if options.negate_outcome {
            outcome.iter().map(|v| 1.0 - v).collect()
        } else {
            outcome.to_vec()
        };

        // Rule 1: crisp coding of each case and its row number.
        let value = |j: usize, i: usize| {
            columns
                .get(j)
                .and_then(|c| c.get(i))
                .copied()
                .unwrap_or(f64::NAN)
        };
        let case_rows: Vec<u64> = (0..n_cases)
            .map(|i| {
                let config: Vec<u8> = (0..k).map(|j| u8::from(value(j, i) > 0.5)).collect();
                row_number(&config)
            })
            .collect();
        let ambiguous_cases: Vec<AmbiguousCase> = (0..n_cases)
            .filter_map(|i| {
                let conds: Vec<usize> = (0..k).filter(|&j| aeqb(value(j, i), 0.5)).collect();
                (!conds.is_empty()).then(|| AmbiguousCase {
                    index: i,
                    name: case_names.get(i).cloned().unwrap_or_default(),
                    conditions: conds,
                })
            })
            .collect();
        let observed: BTreeSet<u64> = case_rows.iter().copied().collect();
        // Cases listed in each row: its configuration, no condition at 0.5.
        let mut members: std::collections::BTreeMap<u64, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, &number) in case_rows.iter().enumerate() {
            if !ambiguous_cases.iter().any(|a| a.index == i) {
                members.entry(number).or_default().push(i);
            }
        }

        // Rules 2-3: n, incl and PRI of each observed configuration.
        let mut rows: Vec<Row> = Vec::with_capacity(observed.len());
        for &number in &observed {
            let config = config_of_row(number, k);
            let (mut sum_x, mut sum_min, mut sum_pri, mut n) = (0.0, 0.0, 0.0, 0usize);
            for (i, &yi) in y.iter().enumerate() {
                let mut m = 1000.0_f64;
                for (j, &bit) in config.iter().enumerate() {
                    let x = value(j, i);
                    let lit = if bit == 0 { 1.0 - x } else { x };
                    if lit < m {
                        m = lit;
                    }
                    // Memberships are in [0, 1]: once 0, the case adds
                    // exactly 0 to every sum (crisp data stops here at once).
                    if m <= 0.0 {
                        break;
                    }
                }
                sum_x += m;
                let my = if m < yi { m } else { yi };
                sum_min += my;
                let neg_y = 1.0 - yi;
                sum_pri += if my < neg_y { my } else { neg_y };
                n += usize::from(m > 0.5);
            }
            let case_indices: Vec<usize> = members.remove(&number).unwrap_or_default();
            rows.push(Row {
                config,
                out: Out::Remainder,
                out_if_kept: Out::Remainder,
                n,
                incl: sum_min / sum_x,
                pri: (sum_min - sum_pri) / (sum_x - sum_pri),
                cases: case_indices
                    .iter()
                    .map(|&i| case_names.get(i).cloned().unwrap_or_default())
                    .collect(),
                case_indices,
                excluded: false,
                overridden: false,
            });
        }

        // Rule 4: OUT, with R's recycled contradiction index.
        let ic1 = options.incl_cut;
        let ic0 = options.incl_cut0.unwrap_or(1.0);
        for r in &mut rows {
            r.out_if_kept = code_out(r.incl, r.pri, ic1, ic0, options.pri_cut);
        }
        let kept: Vec<usize> = (0..rows.len())
            .filter(|&p| rows.get(p).is_some_and(|r| r.n >= options.n_cut))
            .collect();
        if kept.is_empty() {
            return Err(TruthTableError::NoConfigurations {
                n_cut: options.n_cut,
            });
        }
        let contradiction: Vec<bool> = kept
            .iter()
            .map(|&p| {
                rows.get(p)
                    .is_some_and(|r| r.incl < ic1 && agteb(r.incl, ic0))
            })
            .collect();
        for (p, r) in rows.iter_mut().enumerate() {
            if r.n >= options.n_cut {
                r.out = if agteb(r.incl, ic1) && agteb(r.pri, options.pri_cut) {
                    Out::One
                } else {
                    Out::Zero
                };
            }
            if contradiction
                .get(p % contradiction.len())
                .copied()
                .unwrap_or(false)
            {
                r.out = Out::Contradiction;
            }
        }

        // Rule 6 and `complete`: remainders, exclusions.
        let mut ignored_exclusions = Vec::new();
        let max_row = 1u64 << k;
        for &ex in &options.exclude {
            match rows.iter_mut().find(|r| r.number() == ex) {
                Some(r) if r.out == Out::Remainder => {
                    r.out = Out::Zero;
                    r.excluded = true;
                }
                Some(_) => ignored_exclusions.push(ex),
                None if (1..=max_row).contains(&ex) => rows.push(Self::remainder(ex, k, true)),
                None => ignored_exclusions.push(ex),
            }
        }
        let mut ignored_overrides = Vec::new();
        for (&number, &out) in &options.set_out {
            if !(1..=max_row).contains(&number) {
                ignored_overrides.push(number);
                continue;
            }
            if !rows.iter().any(|r| r.number() == number) {
                rows.push(Self::remainder(number, k, false));
            }
            if let Some(r) = rows.iter_mut().find(|r| r.number() == number) {
                r.out = out;
                r.overridden = true;
            }
        }
        if options.complete {
            let present: BTreeSet<u64> = rows.iter().map(Row::number).collect();
            for number in 1..=max_row {
                if !present.contains(&number) {
                    rows.push(Self::remainder(number, k, false));
                }
            }
        }
        rows.sort_by_key(Row::number);

        Ok(TruthTable {
            conditions: condition_names.to_vec(),
            options: options.clone(),
            rows,
            ambiguous_cases,
            ignored_exclusions,
            ignored_overrides,
        })
    }

    fn remainder(number: u64, k: usize, excluded: bool) -> Row {
        let out = if excluded { Out::Zero } else { Out::Remainder };
        Row {
            config: config_of_row(number, k),
            out,
            out_if_kept: out,
            n: 0,
            incl: f64::NAN,
            pri: f64::NAN,
            cases: Vec::new(),
            case_indices: Vec::new(),
            excluded,
            overridden: false,
        }
    }

    /// The rows some case belongs to (n > 0).
    pub fn observed_rows(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.is_observed())
    }

    /// Row numbers of the observed configurations (n > 0).
    #[must_use]
    pub fn observed_numbers(&self) -> BTreeSet<u64> {
        self.observed_rows().map(Row::number).collect()
    }

    /// The row with this R row number, if listed.
    #[must_use]
    pub fn row(&self, number: u64) -> Option<&Row> {
        self.rows.iter().find(|r| r.number() == number)
    }

    /// Row numbers with the given OUT among the listed rows. Remainders that
    /// are not listed (when `complete` is off) are every number in
    /// 1..=2^k missing from [`TruthTable::rows`].
    #[must_use]
    pub fn numbers_with(&self, out: Out) -> Vec<u64> {
        self.rows
            .iter()
            .filter(|r| r.out == out)
            .map(Row::number)
            .collect()
    }

    /// Number of cases in the rows (Σ n).
    #[must_use]
    pub fn total_n(&self) -> usize {
        self.rows.iter().map(|r| r.n).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn build(
        cols: &[&[f64]],
        y: &[f64],
        opts: &TruthTableOptions,
    ) -> Result<TruthTable, TruthTableError> {
        let names: Vec<String> = (0..cols.len()).map(|j| format!("C{j}")).collect();
        let cases: Vec<String> = (0..y.len()).map(|i| format!("c{i}")).collect();
        TruthTable::new(&names, cols, y, &cases, opts)
    }

    #[test]
    fn row_numbers_read_the_first_condition_as_most_significant() {
        assert_eq!(row_number(&[0, 0, 0]), 1);
        assert_eq!(row_number(&[1, 0, 1]), 6);
        assert_eq!(config_of_row(6, 3), vec![1, 0, 1]);
        assert_eq!(config_of_row(1, 2), vec![0, 0]);
    }

    #[test]
    fn a_case_at_one_half_creates_a_row_but_belongs_to_none() {
        let a = [0.5, 0.9, 0.8];
        let b = [0.2, 0.1, 0.3];
        let y = [0.4, 0.9, 0.6];
        let tt = build(
            &[&a, &b],
            &y,
            &TruthTableOptions {
                incl_cut: 0.8,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tt.rows.len(), 2);
        let r1 = tt.row(1).unwrap_or_else(|| panic!("row 1"));
        assert_eq!(r1.n, 0);
        assert!(r1.cases.is_empty());
        assert_eq!(r1.out, Out::Remainder);
        assert_eq!(tt.ambiguous_cases.len(), 1);
        assert_eq!(tt.ambiguous_cases[0].name, "c0");
        assert_eq!(tt.ambiguous_cases[0].conditions, vec![0]);
        assert_eq!(tt.total_n(), 2);
    }

    #[test]
    fn out_codes_follow_incl_pri_and_contradiction_cuts() {
        assert_eq!(code_out(0.85, 0.6, 0.8, 1.0, 0.0), Out::One);
        assert_eq!(code_out(0.799_999_999_99, 0.6, 0.8, 1.0, 0.0), Out::One);
        assert_eq!(code_out(0.85, 0.4, 0.8, 1.0, 0.5), Out::Zero);
        assert_eq!(code_out(0.7, 0.4, 0.8, 0.6, 0.0), Out::Contradiction);
        assert_eq!(code_out(0.5, 0.4, 0.8, 0.6, 0.0), Out::Zero);
        // R quirk: ic0 defaults to 1, so incl a hair below 1 with incl.cut 1 is C.
        assert_eq!(
            code_out(1.0 - 1e-12, 1.0, 1.0, 1.0, 0.0),
            Out::Contradiction
        );
    }

    #[test]
    fn contradiction_index_is_recycled_like_r_when_rows_are_removed() {
        // Rows (by number): 1 has n=1 (removed with n.cut 2), 2 has n=2, incl between cuts.
        let a = [0.0, 1.0, 1.0];
        let y = [0.0, 0.7, 0.7];
        let opts = TruthTableOptions {
            incl_cut: 0.8,
            incl_cut0: Some(0.6),
            n_cut: 2,
            ..Default::default()
        };
        let tt = build(&[&a], &y, &opts).unwrap_or_else(|e| panic!("{e}"));
        // kept = [row 2] whose test is true; recycled over both rows.
        assert_eq!(tt.rows[0].out, Out::Contradiction);
        assert_eq!(tt.rows[0].out_if_kept, Out::Zero);
        assert_eq!(tt.rows[1].out, Out::Contradiction);
    }

    #[test]
    fn negated_outcome_flips_inclusion() {
        let a = [1.0, 1.0, 0.0];
        let y = [1.0, 1.0, 1.0];
        let opts = TruthTableOptions {
            negate_outcome: true,
            ..Default::default()
        };
        let tt = build(&[&a], &y, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert!(tt.rows.iter().all(|r| r.incl == 0.0 && r.out == Out::Zero));
    }

    #[test]
    fn complete_lists_every_row_and_exclusions_mark_remainders() {
        let a = [1.0, 0.0];
        let b = [1.0, 0.0];
        let y = [1.0, 0.0];
        let opts = TruthTableOptions {
            complete: true,
            exclude: [2, 4, 9].into_iter().collect(),
            ..Default::default()
        };
        let tt = build(&[&a, &b], &y, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tt.rows.len(), 4);
        assert_eq!(
            tt.rows.iter().map(|r| r.out.code()).collect::<String>(),
            "00?1"
        );
        assert!(tt.rows[1].excluded);
        assert!(tt.rows[2].incl.is_nan() && tt.rows[2].out == Out::Remainder);
        assert_eq!(tt.ignored_exclusions, vec![4, 9]);
        assert_eq!(tt.observed_numbers(), [1, 4].into_iter().collect());
        let opts = TruthTableOptions {
            exclude: [3].into_iter().collect(),
            ..Default::default()
        };
        let tt = build(&[&a, &b], &y, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            tt.rows.iter().map(Row::number).collect::<Vec<_>>(),
            vec![1, 3, 4]
        );
    }

    #[test]
    fn out_set_by_hand_is_applied_last_and_recorded() {
        let a = [1.0, 0.0];
        let y = [1.0, 0.0];
        let opts = TruthTableOptions {
            set_out: [(1, Out::One), (2, Out::Zero), (9, Out::One)]
                .into_iter()
                .collect(),
            ..Default::default()
        };
        let tt = build(&[&a], &y, &opts).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            tt.rows.iter().map(|r| r.out.code()).collect::<String>(),
            "10"
        );
        assert!(tt.rows.iter().all(|r| r.overridden));
        assert_eq!(tt.rows[0].out_if_kept, Out::Zero);
        assert_eq!(tt.ignored_overrides, vec![9]);
    }

    #[test]
    fn every_error_path_is_reported() {
        let a = [0.2, 0.8];
        let y = [0.1, 0.9];
        let d = TruthTableOptions::default();
        assert!(matches!(
            build(&[], &y, &d),
            Err(TruthTableError::NoConditions)
        ));
        let many: Vec<&[f64]> = vec![&a; 26];
        assert!(matches!(
            build(&many, &y, &d),
            Err(TruthTableError::TooManyConditions { count: 26, .. })
        ));
        let c = TruthTableOptions {
            complete: true,
            ..Default::default()
        };
        let lots: Vec<&[f64]> = vec![&a; 21];
        assert!(matches!(
            build(&lots, &y, &c),
            Err(TruthTableError::CompleteTooLarge { .. })
        ));
        let names = s(&["A", "A"]);
        let cases = s(&["x", "y"]);
        assert!(matches!(
            TruthTable::new(&names, &[&a, &a], &y, &cases, &d),
            Err(TruthTableError::DuplicateCondition { .. })
        ));
        assert!(matches!(
            TruthTable::new(&s(&["A"]), &[&a, &a], &y, &cases, &d),
            Err(TruthTableError::NamesMismatch {
                names: 1,
                columns: 2
            })
        ));
        assert!(matches!(
            TruthTable::new(&s(&["A"]), &[&a], &y, &s(&["x"]), &d),
            Err(TruthTableError::LengthMismatch { .. })
        ));
        assert!(matches!(
            build(&[&[0.2]], &y, &d),
            Err(TruthTableError::LengthMismatch { found: 1, .. })
        ));
        assert!(matches!(
            build(&[&[0.2, f64::NAN]], &y, &d),
            Err(TruthTableError::MissingValue { row: 2, .. })
        ));
        assert!(matches!(
            build(&[&a], &[0.1, 2.0], &d),
            Err(TruthTableError::NotCalibrated { row: 2, .. })
        ));
        let bad = TruthTableOptions {
            incl_cut: 1.2,
            ..Default::default()
        };
        assert!(matches!(
            build(&[&a], &y, &bad),
            Err(TruthTableError::InvalidCut {
                name: "incl.cut",
                ..
            })
        ));
        let bad = TruthTableOptions {
            incl_cut0: Some(-0.1),
            ..Default::default()
        };
        assert!(matches!(
            build(&[&a], &y, &bad),
            Err(TruthTableError::InvalidCut {
                name: "incl.cut0",
                ..
            })
        ));
        let bad = TruthTableOptions {
            pri_cut: f64::NAN,
            ..Default::default()
        };
        assert!(matches!(
            build(&[&a], &y, &bad),
            Err(TruthTableError::InvalidCut {
                name: "pri.cut",
                ..
            })
        ));
        let bad = TruthTableOptions {
            n_cut: 3,
            ..Default::default()
        };
        assert!(matches!(
            build(&[&a], &y, &bad),
            Err(TruthTableError::NoConfigurations { n_cut: 3 })
        ));
    }

    proptest! {
        #[test]
        fn n_sums_to_cases_minus_ambiguous_ones(
            data in proptest::collection::vec(
                (proptest::collection::vec(prop_oneof![Just(0.5), 0.0..=1.0f64], 3), 0.0..=1.0f64), 1..30)
        ) {
            let cols: Vec<Vec<f64>> = (0..3).map(|j| data.iter().map(|(c, _)| c[j]).collect()).collect();
            let refs: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
            let y: Vec<f64> = data.iter().map(|(_, y)| *y).collect();
            let opts = TruthTableOptions { n_cut: 0, ..Default::default() };
            let tt = build(&refs, &y, &opts).unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(tt.total_n(), y.len() - tt.ambiguous_cases.len());
            let listed: usize = tt.rows.iter().map(|r| r.cases.len()).sum();
            prop_assert_eq!(listed, tt.total_n());
            for r in &tt.rows {
                prop_assert!(r.incl.is_nan() || (0.0..=1.0 + 1e-12).contains(&r.incl));
            }
            // The row's incl and PRI are the fit of its configuration term.
            for r in &tt.rows {
                let m = crate::analysis::expr::Term::from_config(&r.config)
                    .membership(&refs)
                    .unwrap_or_default();
                let sums = crate::analysis::fit::FitSums::new(&m, &y);
                prop_assert!(sums.incl_s().is_nan() && r.incl.is_nan() || (sums.incl_s() - r.incl).abs() < 1e-12);
                prop_assert!(sums.pri().is_nan() && r.pri.is_nan() || (sums.pri() - r.pri).abs() < 1e-12);
            }
        }
    }
}
