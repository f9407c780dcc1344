//! Necessity analysis: the table of every condition and its negation
//! ([`necessity_table`], and its sufficiency twin [`sufficiency_table`]), and
//! the search for necessary conjunctions and disjunctions ([`super_subset`],
//! R QCA's `superSubset(relation = "necessity")`).
//!
//! Inputs are plain slices: condition names, one membership column per
//! condition, the outcome column. Missing values are `f64::NAN`.

use serde::{Deserialize, Serialize};

use crate::analysis::expr::{Literal, Term};
use crate::analysis::fit::{self, Necessity, Sufficiency};

/// An error of a necessity analysis.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum NecessityError {
    /// No condition was given.
    #[error("no conditions were given")]
    NoConditions,
    /// The number of names does not match the number of columns.
    #[error("{names} condition names for {columns} columns")]
    NamesMismatch {
        /// Names given.
        names: usize,
        /// Columns given.
        columns: usize,
    },
    /// A column has the wrong number of cases.
    #[error("column `{column}` has {found} values, expected {expected}")]
    LengthMismatch {
        /// Column name.
        column: String,
        /// Its length.
        found: usize,
        /// Number of outcome values.
        expected: usize,
    },
    /// A membership outside [0, 1].
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
    /// A missing value where the method does not allow one (superSubset).
    #[error(
        "column `{column}` has a missing value in row {row}; the superset search does not allow missing values"
    )]
    MissingValue {
        /// Column name.
        column: String,
        /// 1-based case number.
        row: usize,
    },
    /// A cut-off outside [0, 1].
    #[error("{name} = {value} must be between 0 and 1")]
    InvalidCut {
        /// `incl.cut`, `cov.cut` or `ron.cut`.
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// More conditions than the search can handle.
    #[error("{count} conditions given; the superset search handles at most {max}")]
    TooManyConditions {
        /// Conditions given.
        count: usize,
        /// The maximum.
        max: usize,
    },
}

/// Parameters of fit of one set (a condition `A` or its negation `~A`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetFit<F> {
    /// The set in R notation (`A`, `~A`).
    pub set: String,
    /// The literal.
    pub literal: Literal,
    /// Its parameters of fit.
    #[serde(flatten)]
    pub fit: F,
}

fn check_inputs(
    names: &[String],
    columns: &[&[f64]],
    outcome: &[f64],
    allow_missing: bool,
) -> Result<(), NecessityError> {
    if names.len() != columns.len() {
        return Err(NecessityError::NamesMismatch {
            names: names.len(),
            columns: columns.len(),
        });
    }
    if columns.is_empty() {
        return Err(NecessityError::NoConditions);
    }
    let n = outcome.len();
    let all = names
        .iter()
        .map(String::as_str)
        .zip(columns.iter().copied())
        .chain(std::iter::once(("outcome", outcome)));
    for (name, col) in all {
        if col.len() != n {
            return Err(NecessityError::LengthMismatch {
                column: name.to_string(),
                found: col.len(),
                expected: n,
            });
        }
        for (i, &v) in col.iter().enumerate() {
            if v.is_nan() {
                if !allow_missing {
                    return Err(NecessityError::MissingValue {
                        column: name.to_string(),
                        row: i + 1,
                    });
                }
            } else if !(0.0..=1.0).contains(&v) {
                return Err(NecessityError::NotCalibrated {
                    column: name.to_string(),
                    row: i + 1,
                    value: v,
                });
            }
        }
    }
    Ok(())
}

/// The cases without a missing value in any column nor the outcome (R's
/// `pof()` listwise deletion over all the sets of the table), returned as
/// filtered columns and outcome.
fn complete_cases(columns: &[&[f64]], outcome: &[f64], negate: bool) -> (Vec<Vec<f64>>, Vec<f64>) {
    let keep: Vec<usize> = (0..outcome.len())
        .filter(|&i| {
            !outcome.get(i).is_none_or(|v| v.is_nan())
                && columns.iter().all(|c| !c.get(i).is_none_or(|v| v.is_nan()))
        })
        .collect();
    let cols = columns
        .iter()
        .map(|c| keep.iter().filter_map(|&i| c.get(i).copied()).collect())
        .collect();
    let y = keep
        .iter()
        .filter_map(|&i| outcome.get(i).map(|v| if negate { 1.0 - v } else { *v }))
        .collect();
    (cols, y)
}

fn single_sets<F>(names: &[String], cols: &[Vec<f64>], f: impl Fn(&[f64]) -> F) -> Vec<SetFit<F>> {
    let mut out = Vec::with_capacity(2 * names.len());
    for (j, (name, col)) in names.iter().zip(cols).enumerate() {
        out.push(SetFit {
            set: name.clone(),
            literal: Literal::present(j),
            fit: f(col),
        });
        let neg: Vec<f64> = col.iter().map(|v| 1.0 - v).collect();
        out.push(SetFit {
            set: format!("~{name}"),
            literal: Literal::absent(j),
            fit: f(&neg),
        });
    }
    out
}

/// Necessity table: inclN, RoN and covN of every condition and its
/// negation, in the order `A, ~A, B, ~B, …`, for the outcome or (with
/// `negate_outcome`) its negation — R's `pof()` on each single set.
///
/// Missing values: as in R's `pof()` on the expression `A + ~A + B + …`
/// (which `pofind()` builds), a case with a missing value in *any* of the
/// conditions or the outcome is left out of every row. (R's `pofind()`
/// refuses missing values outright when `conditions` is given by name.)
/// Values below 1e-5 are reported as 0, as `pof()` does.
///
/// # Errors
/// [`NecessityError`] for mismatched lengths or uncalibrated values.
///
/// Complexity: O(n·k).
pub fn necessity_table(
    names: &[String],
    columns: &[&[f64]],
    outcome: &[f64],
    negate_outcome: bool,
) -> Result<Vec<SetFit<Necessity>>, NecessityError> {
    check_inputs(names, columns, outcome, true)?;
    let (cols, y) = complete_cases(columns, outcome, negate_outcome);
    Ok(single_sets(names, &cols, |x| fit::necessity(x, &y)))
}

/// Sufficiency of every single condition and its negation (inclS, PRI,
/// covS), same order, missing-value and rounding rules as [`necessity_table`].
///
/// # Errors
/// As [`necessity_table`].
///
/// Complexity: O(n·k).
pub fn sufficiency_table(
    names: &[String],
    columns: &[&[f64]],
    outcome: &[f64],
    negate_outcome: bool,
) -> Result<Vec<SetFit<Sufficiency>>, NecessityError> {
    check_inputs(names, columns, outcome, true)?;
    let (cols, y) = complete_cases(columns, outcome, negate_outcome);
    Ok(single_sets(names, &cols, |x| fit::sufficiency(x, &y)))
}

/// Settings of [`super_subset`], named after R's arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuperSubsetOptions {
    /// `incl.cut`: minimal necessity consistency (R default 1).
    pub incl_cut: f64,
    /// `cov.cut`: minimal necessity coverage (R default 0).
    pub cov_cut: f64,
    /// `ron.cut`: minimal relevance of necessity (R default 0).
    pub ron_cut: f64,
    /// `depth`: largest number of conditions combined (R default: all).
    pub depth: Option<usize>,
    /// Search supersets of the negated outcome `~Y`.
    pub negate_outcome: bool,
}

impl Default for SuperSubsetOptions {
    fn default() -> Self {
        SuperSubsetOptions {
            incl_cut: 1.0,
            cov_cut: 0.0,
            ron_cut: 0.0,
            depth: None,
            negate_outcome: false,
        }
    }
}

/// How the literals of a [`SupersetRow`] are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Combination {
    /// `A*B`: minimum of the literals.
    Conjunction,
    /// `A + B`: maximum of the literals.
    Disjunction,
}

/// One necessary expression found by [`super_subset`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupersetRow {
    /// The expression in R notation (`DEV*~URB`, `LIT + IND`).
    pub expression: String,
    /// Conjunction or disjunction.
    pub combination: Combination,
    /// The literals, in condition order.
    pub literals: Vec<Literal>,
    /// inclN, RoN, covN (not rounded; 0/0 is reported as 0, as R's C code does).
    #[serde(flatten)]
    pub fit: Necessity,
    /// Membership of every case in the expression.
    pub membership: Vec<f64>,
}

/// Largest number of conditions for [`super_subset`] (the search visits
/// up to 3^k expressions).
pub const MAX_SUPERSET_CONDITIONS: usize = 16;

/// R's `a/b` with `0/0` reported as 0 (`superSubset`'s C code).
fn ratio(a: f64, b: f64) -> f64 {
    if a == 0.0 && b == 0.0 { 0.0 } else { a / b }
}

/// Next k-combination of 0..n in lexicographic order; false after the last.
fn next_combination(c: &mut [usize], n: usize) -> bool {
    let k = c.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if c.get(i).is_some_and(|&v| v < n - k + i) {
            if let Some(v) = c.get_mut(i) {
                *v += 1;
            }
            for j in i + 1..k {
                let prev = c.get(j - 1).copied().unwrap_or(0);
                if let Some(v) = c.get_mut(j) {
                    *v = prev + 1;
                }
            }
            return true;
        }
    }
    false
}

/// True when every literal of `found` is among `candidate`'s literals.
fn contains_all(candidate: &[Literal], found: &[Literal]) -> bool {
    found.iter().all(|l| candidate.contains(l))
}

/// Superset search for necessity, as R QCA 3.25's
/// `superSubset(data, outcome, conditions, relation = "necessity", incl.cut,
/// cov.cut, ron.cut, depth)`.
///
/// Rule (R's C code `C_superSubset`, reproduced step by step):
/// * for k = 1, 2, … up to `depth`, for every k-combination of conditions
///   (lexicographic) and every assignment of presence/absence to them
///   (absence first, first condition most significant), evaluate the
///   conjunction (min) and the disjunction (max) of the k literals;
/// * the conjunction is kept when inclN ≥ incl.cut − 1.49e-8 and covN ≥
///   cov.cut − 1.49e-8 (cov.cut 0 is compared exactly); conjunctions are never
///   pruned as redundant;
/// * only when the conjunction fails is the disjunction tried, with the same
///   cuts; it is kept unless it contains every literal (with the same sign) of
///   a conjunction or disjunction kept at an *earlier* k (a superset of a
///   necessary set is trivially necessary);
/// * the search stops after a level k > 3 at which nothing new was kept, when
///   something had been kept before (R's `foundk` rule);
/// * results list every conjunction first, then every disjunction, each in
///   the order found; then rows with RoN < ron.cut are dropped.
///
/// 0/0 parameters are 0 (R's C code), values are not rounded. An empty list
/// means nothing reached the cuts (R returns `NULL` with a message).
///
/// # Errors
/// [`NecessityError`]: missing values (R's `verify.data` refuses them),
/// uncalibrated values, cuts outside [0, 1], too many conditions.
///
/// Complexity: O(3^k · n · k) in the worst case (depth = k).
pub fn super_subset(
    names: &[String],
    columns: &[&[f64]],
    outcome: &[f64],
    options: &SuperSubsetOptions,
) -> Result<Vec<SupersetRow>, NecessityError> {
    check_inputs(names, columns, outcome, false)?;
    let k_all = columns.len();
    if k_all > MAX_SUPERSET_CONDITIONS {
        return Err(NecessityError::TooManyConditions {
            count: k_all,
            max: MAX_SUPERSET_CONDITIONS,
        });
    }
    for (name, v) in [
        ("incl.cut", options.incl_cut),
        ("cov.cut", options.cov_cut),
        ("ron.cut", options.ron_cut),
    ] {
        if !(0.0..=1.0).contains(&v) {
            return Err(NecessityError::InvalidCut { name, value: v });
        }
    }
    let tol = fit::tolerance::R_TOL;
    let incl_cut = options.incl_cut - tol;
    let cov_cut = if options.cov_cut > 0.0 {
        options.cov_cut - tol
    } else {
        options.cov_cut
    };
    let y: Vec<f64> = outcome
        .iter()
        .map(|v| if options.negate_outcome { 1.0 - v } else { *v })
        .collect();
    let so: f64 = y.iter().sum();
    let n = y.len();
    let depth = options.depth.filter(|&d| d > 0).unwrap_or(k_all).min(k_all);

    let mut conj: Vec<(Vec<Literal>, Necessity, Vec<f64>)> = Vec::new();
    let mut disj: Vec<(Vec<Literal>, Necessity, Vec<f64>)> = Vec::new();
    let (mut prev_conj, mut prev_disj) = (0usize, 0usize);
    let mut k = 1;
    let mut found_k = true;
    while k <= depth && found_k {
        if conj.len() + disj.len() > 0 && k > 3 {
            found_k = false;
        }
        let mut combo: Vec<usize> = (0..k).collect();
        loop {
            for assignment in 0..(1usize << k) {
                let literals: Vec<Literal> = combo
                    .iter()
                    .enumerate()
                    .map(|(pos, &c)| Literal {
                        condition: c,
                        negated: (assignment >> (k - 1 - pos)) & 1 == 0,
                    })
                    .collect();
                let mut minx = vec![0.0; n];
                let mut maxx = vec![0.0; n];
                for (i, (mi, ma)) in minx.iter_mut().zip(maxx.iter_mut()).enumerate() {
                    let (mut lo, mut hi) = (1_000_000.0_f64, 0.0_f64);
                    for l in &literals {
                        let v = l.membership_of(
                            columns
                                .get(l.condition)
                                .and_then(|c| c.get(i))
                                .copied()
                                .unwrap_or(0.0),
                        );
                        if v < lo {
                            lo = v;
                        }
                        if v > hi {
                            hi = v;
                        }
                    }
                    *mi = lo;
                    *ma = hi;
                }
                let stats = |x: &[f64]| {
                    let (mut sx, mut smin, mut s1x, mut s1min) = (0.0, 0.0, 0.0, 0.0);
                    for (&xi, &yi) in x.iter().zip(&y) {
                        let m = if xi < yi { xi } else { yi };
                        sx += xi;
                        smin += m;
                        s1x += 1.0 - xi;
                        s1min += 1.0 - m;
                    }
                    Necessity {
                        incl_n: ratio(smin, so),
                        ron: ratio(s1x, s1min),
                        cov_n: ratio(smin, sx),
                    }
                };
                let c_fit = stats(&minx);
                if c_fit.incl_n >= incl_cut && c_fit.cov_n >= cov_cut {
                    conj.push((literals, c_fit, minx));
                    found_k = true;
                    continue;
                }
                let d_fit = stats(&maxx);
                if d_fit.incl_n >= incl_cut && d_fit.cov_n >= cov_cut {
                    let redundant = conj
                        .iter()
                        .take(prev_conj)
                        .any(|(f, _, _)| contains_all(&literals, f))
                        || disj
                            .iter()
                            .take(prev_disj)
                            .any(|(f, _, _)| contains_all(&literals, f));
                    if !redundant {
                        disj.push((literals, d_fit, maxx));
                        found_k = true;
                    }
                }
            }
            if !next_combination(&mut combo, k_all) {
                break;
            }
        }
        prev_conj = conj.len();
        prev_disj = disj.len();
        k += 1;
    }

    let write = |lits: &[Literal], sep: &str| {
        lits.iter()
            .map(|l| l.display(names))
            .collect::<Vec<_>>()
            .join(sep)
    };
    let rows = conj
        .into_iter()
        .map(|(l, f, m)| SupersetRow {
            expression: Term::new(l.clone()).map_or_else(|| write(&l, "*"), |t| t.display(names)),
            combination: Combination::Conjunction,
            literals: l,
            fit: f,
            membership: m,
        })
        .chain(disj.into_iter().map(|(l, f, m)| SupersetRow {
            expression: write(&l, " + "),
            combination: Combination::Disjunction,
            literals: l,
            fit: f,
            membership: m,
        }))
        .filter(|r| r.fit.ron >= options.ron_cut)
        .collect();
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(k: usize) -> Vec<String> {
        ["A", "B", "C", "D", "E"]
            .iter()
            .take(k)
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn necessity_table_lists_each_condition_then_its_negation() {
        let a = [0.9, 0.2, 0.7];
        let b = [0.1, 0.6, 0.8];
        let y = [0.8, 0.1, 0.6];
        let t = necessity_table(&names(2), &[&a, &b], &y, false).unwrap_or_default();
        let sets: Vec<&str> = t.iter().map(|r| r.set.as_str()).collect();
        assert_eq!(sets, ["A", "~A", "B", "~B"]);
        assert_eq!(t[0].fit, fit::necessity(&a, &y));
        let neg_y: Vec<f64> = y.iter().map(|v| 1.0 - v).collect();
        let t = sufficiency_table(&names(2), &[&a, &b], &y, true).unwrap_or_default();
        assert_eq!(t[2].fit, fit::sufficiency(&b, &neg_y));
    }

    #[test]
    fn necessity_table_drops_cases_missing_in_any_column() {
        let a = [0.9, 0.2, 0.7];
        let b = [0.1, f64::NAN, 0.8];
        let y = [0.8, 0.1, 0.6];
        let t = necessity_table(&names(2), &[&a, &b], &y, false).unwrap_or_default();
        assert_eq!(t[0].fit, fit::necessity(&[0.9, 0.7], &[0.8, 0.6]));
    }

    #[test]
    fn combinations_are_lexicographic() {
        let mut c = vec![0, 1];
        let mut all = vec![c.clone()];
        while next_combination(&mut c, 4) {
            all.push(c.clone());
        }
        assert_eq!(
            all,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
    }

    #[test]
    fn super_subset_finds_necessary_conjunctions_and_minimal_disjunctions() {
        // Y ⊆ A, Y ⊆ B; Y ⊆ C + D but neither C nor D alone.
        let a = [1.0, 1.0, 1.0, 0.0];
        let b = [1.0, 1.0, 1.0, 1.0];
        let c = [1.0, 0.0, 1.0, 0.0];
        let d = [0.0, 1.0, 0.0, 1.0];
        let y = [1.0, 1.0, 0.0, 0.0];
        let rows = super_subset(
            &names(4),
            &[&a, &b, &c, &d],
            &y,
            &SuperSubsetOptions::default(),
        )
        .unwrap_or_default();
        let exprs: Vec<&str> = rows.iter().map(|r| r.expression.as_str()).collect();
        assert!(exprs.contains(&"A"));
        assert!(exprs.contains(&"B"));
        assert!(exprs.contains(&"A*B"));
        assert!(exprs.contains(&"C + D"));
        // A + C contains the necessary A: redundant.
        assert!(!exprs.contains(&"A + C"));
        let cd = rows
            .iter()
            .find(|r| r.expression == "C + D")
            .map(|r| r.membership.clone());
        assert_eq!(cd, Some(vec![1.0, 1.0, 1.0, 1.0]));
        // Conjunctions come first.
        let first_disj = rows
            .iter()
            .position(|r| r.combination == Combination::Disjunction)
            .unwrap_or(0);
        assert!(
            rows.iter()
                .skip(first_disj)
                .all(|r| r.combination == Combination::Disjunction)
        );
    }

    #[test]
    fn super_subset_applies_ron_and_depth() {
        let a = [1.0, 1.0, 1.0, 0.0];
        let b = [1.0, 1.0, 1.0, 1.0];
        let y = [1.0, 1.0, 0.0, 0.0];
        let opts = SuperSubsetOptions {
            ron_cut: 0.5,
            depth: Some(1),
            ..Default::default()
        };
        let rows = super_subset(&names(2), &[&a, &b], &y, &opts).unwrap_or_default();
        // B is everywhere 1: RoN = 0/2 = 0, dropped.
        assert_eq!(
            rows.iter()
                .map(|r| r.expression.as_str())
                .collect::<Vec<_>>(),
            ["A"]
        );
    }

    #[test]
    fn every_error_path_is_reported() {
        let a = [0.2, 0.8];
        let y = [0.1, 0.9];
        let o = SuperSubsetOptions::default();
        assert!(matches!(
            super_subset(&[], &[], &y, &o),
            Err(NecessityError::NoConditions)
        ));
        assert!(matches!(
            super_subset(&names(2), &[&a], &y, &o),
            Err(NecessityError::NamesMismatch { .. })
        ));
        assert!(matches!(
            super_subset(&names(1), &[&[0.2]], &y, &o),
            Err(NecessityError::LengthMismatch { found: 1, .. })
        ));
        assert!(matches!(
            super_subset(&names(1), &[&[0.2, f64::NAN]], &y, &o),
            Err(NecessityError::MissingValue { row: 2, .. })
        ));
        assert!(matches!(
            necessity_table(&names(1), &[&[0.2, 1.5]], &y, false),
            Err(NecessityError::NotCalibrated { row: 2, .. })
        ));
        let bad = SuperSubsetOptions {
            incl_cut: 2.0,
            ..Default::default()
        };
        assert!(matches!(
            super_subset(&names(1), &[&a], &y, &bad),
            Err(NecessityError::InvalidCut { .. })
        ));
        let many: Vec<&[f64]> = vec![&a; 17];
        let nm: Vec<String> = (0..17).map(|i| format!("X{i}")).collect();
        assert!(matches!(
            super_subset(&nm, &many, &y, &o),
            Err(NecessityError::TooManyConditions { .. })
        ));
    }
}
