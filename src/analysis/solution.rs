//! Solutions with their parameters of fit, as R QCA's `minimize()` reports
//! them: per term inclS, PRI, raw coverage (covS), unique coverage (covU)
//! and the cases it covers; per model inclS, PRI, covS; the terms of all
//! models together (R's `IC$overall`); the case × term membership table and
//! the configuration chart's core / peripheral conditions.
//!
//! R quirks reproduced:
//! * a term's `cases` are the cases of the *positive* truth-table rows the
//!   term covers (R's `expr.cases`), row by row;
//! * `pof()` turns every parameter below 1e-5 into 0, but below 1e-4 when
//!   it reports the individual models of a solution with several models;
//! * covU is not reported (NA) for a model, or an overall list, of one term.

use serde::{Deserialize, Serialize};

use super::expr::{ExprError, Term};
use super::fit::{FitSums, pof_round, tolerance, unique_coverage};
use super::minimize::{Implicant, Minimization, MinimizeError, Problem};
use super::truth_table::{Out, TruthTable};

/// Errors of solution details.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SolutionError {
    /// The minimization failed.
    #[error(transparent)]
    Minimize(#[from] MinimizeError),
    /// A term could not be evaluated on the data.
    #[error(transparent)]
    Expr(#[from] ExprError),
    /// The data do not match the truth table.
    #[error("{what}: {found} values for {expected} cases")]
    LengthMismatch {
        /// Which input.
        what: &'static str,
        /// Its length.
        found: usize,
        /// The number of cases.
        expected: usize,
    },
}

/// The minimization problem of a truth table: rows with OUT 1 positive; OUT
/// 0 (excluded remainders included) negative; contradictions negative, or
/// don't-care when `include_contradictions` (R's `include = "C"`);
/// remainders (`?`) neither.
///
/// # Errors
/// [`MinimizeError::NothingToExplain`] when no row has OUT 1, and the
/// validation errors of [`Problem::new`].
pub fn problem_from_truth_table(
    tt: &TruthTable,
    include_contradictions: bool,
) -> Result<Problem, MinimizeError> {
    let mut pos = Vec::new();
    let mut neg = Vec::new();
    let mut dc = Vec::new();
    for row in &tt.rows {
        let config = row.number().saturating_sub(1);
        match row.out {
            Out::One => pos.push(config),
            Out::Zero => neg.push(config),
            Out::Contradiction if include_contradictions => dc.push(config),
            Out::Contradiction => neg.push(config),
            Out::Remainder => {}
        }
    }
    Problem::new(tt.conditions.len(), pos, neg, dc)
}

/// Parameters of fit of one term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermFit {
    /// The term in R notation.
    pub term: String,
    /// The term as an implicant.
    pub implicant: Implicant,
    /// Sufficiency consistency.
    #[serde(rename = "inclS")]
    pub incl_s: f64,
    /// Proportional reduction in inconsistency.
    #[serde(rename = "PRI")]
    pub pri: f64,
    /// Raw coverage.
    #[serde(rename = "covS")]
    pub cov_s: f64,
    /// Unique coverage (`None` when the list has one term).
    #[serde(rename = "covU")]
    pub cov_u: Option<f64>,
    /// Cases of the positive rows the term covers, one list per row.
    pub cases: Vec<Vec<String>>,
    /// Deviant cases for consistency: membership above 0.5 in the term and
    /// below 0.5 in the outcome.
    pub deviant_cases: Vec<String>,
}

impl TermFit {
    /// The cases as R writes them: `","` within a row, `"; "` between rows.
    pub fn r_cases(&self) -> String {
        self.cases
            .iter()
            .map(|row| row.join(","))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// One model (M1, M2, …) with its fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFit {
    /// The model in R notation, `"A*~B + C"`.
    pub expression: String,
    /// Sufficiency consistency of the model (the union of its terms).
    #[serde(rename = "inclS")]
    pub incl_s: f64,
    /// PRI of the model.
    #[serde(rename = "PRI")]
    pub pri: f64,
    /// Coverage of the model.
    #[serde(rename = "covS")]
    pub cov_s: f64,
    /// The terms, covU relative to the model's other terms.
    pub terms: Vec<TermFit>,
    /// Simplifying assumptions (R row numbers), `None` when too many.
    pub simplifying_assumptions: Option<Vec<u64>>,
}

/// Membership of every case in every term used by some model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseTermTable {
    /// Case names.
    pub cases: Vec<String>,
    /// Terms (columns), R notation.
    pub terms: Vec<String>,
    /// `values[case][term]`.
    pub values: Vec<Vec<f64>>,
    /// The outcome membership of each case (negated for `~Y`).
    pub outcome: Vec<f64>,
}

/// A solution with every number R reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// The PI chart's prime implicants, R notation, R order.
    pub prime_implicants: Vec<String>,
    /// Every model.
    pub models: Vec<ModelFit>,
    /// Every term of any model, covU relative to all of them (R's `IC$overall`).
    pub terms_overall: Vec<TermFit>,
    /// Prime implicants in every model.
    pub essential: Vec<String>,
    /// Case × term memberships.
    pub table: CaseTermTable,
}

/// Computes the fit of every term and model of `min` on the data the truth
/// table was built from: `columns[j]` are the memberships in condition `j`,
/// `y` the outcome memberships (not negated: the truth table's setting
/// decides). Complexity: O(terms² · cases).
///
/// # Errors
/// [`SolutionError::LengthMismatch`] when the data and the truth table
/// disagree; [`SolutionError::Expr`].
pub fn describe(
    min: &Minimization,
    tt: &TruthTable,
    columns: &[&[f64]],
    y: &[f64],
    case_names: &[String],
) -> Result<Solution, SolutionError> {
    let n = y.len();
    if columns.len() != tt.conditions.len() {
        return Err(SolutionError::LengthMismatch {
            what: "conditions",
            found: columns.len(),
            expected: tt.conditions.len(),
        });
    }
    if let Some(c) = columns.iter().find(|c| c.len() != n) {
        return Err(SolutionError::LengthMismatch {
            what: "condition memberships",
            found: c.len(),
            expected: n,
        });
    }
    let y: Vec<f64> = if tt.options.negate_outcome {
        y.iter().map(|v| 1.0 - v).collect()
    } else {
        y.to_vec()
    };
    let names = &tt.conditions;
    let k = names.len();
    let used = min.used_prime_implicants();
    let mut memberships: Vec<Vec<f64>> = Vec::with_capacity(used.len());
    for &i in &used {
        let codes = min
            .prime_implicants
            .get(i)
            .map(|t| (0..k).map(|j| t.code(k, j)).collect::<Vec<u8>>())
            .unwrap_or_default();
        memberships.push(Term::from_implicant(&codes).membership(columns)?);
    }
    let position = |i: usize| used.iter().position(|&u| u == i);
    let several = min.models.len() > 1;
    let threshold = if several {
        tolerance::POF_MODEL_ZERO_BELOW
    } else {
        tolerance::POF_ZERO_BELOW
    };
    let term_fit = |i: usize, others: &[usize], threshold: f64| -> Option<TermFit> {
        let t = min.prime_implicants.get(i)?;
        let x = memberships.get(position(i)?)?;
        let s = FitSums::new(x, &y);
        let other_x: Vec<&[f64]> = others
            .iter()
            .filter(|&&o| o != i)
            .filter_map(|&o| {
                position(o)
                    .and_then(|p| memberships.get(p))
                    .map(Vec::as_slice)
            })
            .collect();
        let cov_u = if others.len() > 1 {
            Some(pof_round(unique_coverage(x, &other_x, &y), threshold))
        } else {
            None
        };
        let cases = tt
            .rows
            .iter()
            .filter(|r| r.out == Out::One && t.covers(r.number().saturating_sub(1)))
            .map(|r| r.cases.clone())
            .collect();
        let deviant_cases = x
            .iter()
            .zip(&y)
            .enumerate()
            .filter(|(_, (m, o))| **m > 0.5 && **o < 0.5)
            .filter_map(|(c, _)| case_names.get(c).cloned())
            .collect();
        Some(TermFit {
            term: t.to_expression(names),
            implicant: *t,
            incl_s: pof_round(s.incl_s(), threshold),
            pri: pof_round(s.pri(), threshold),
            cov_s: pof_round(s.cov_s(), threshold),
            cov_u,
            cases,
            deviant_cases,
        })
    };
    let mut models = Vec::with_capacity(min.models.len());
    for (m, model) in min.models.iter().enumerate() {
        let terms: Vec<TermFit> = model
            .iter()
            .filter_map(|&i| term_fit(i, model, threshold))
            .collect();
        let union: Vec<f64> = (0..n)
            .map(|c| {
                model
                    .iter()
                    .filter_map(|&i| position(i).and_then(|p| memberships.get(p)))
                    .filter_map(|x| x.get(c).copied())
                    .fold(0.0_f64, f64::max)
            })
            .collect();
        let s = FitSums::new(&union, &y);
        models.push(ModelFit {
            expression: terms
                .iter()
                .map(|t| t.term.clone())
                .collect::<Vec<_>>()
                .join(" + "),
            incl_s: pof_round(s.incl_s(), threshold),
            pri: pof_round(s.pri(), threshold),
            cov_s: pof_round(s.cov_s(), threshold),
            terms,
            simplifying_assumptions: min
                .simplifying_assumptions
                .get(m)
                .cloned()
                .flatten()
                .map(|v| v.into_iter().map(|c| c + 1).collect()),
        });
    }
    let terms_overall = used
        .iter()
        .filter_map(|&i| term_fit(i, &used, tolerance::POF_ZERO_BELOW))
        .collect::<Vec<_>>();
    let table = CaseTermTable {
        cases: case_names.to_vec(),
        terms: terms_overall.iter().map(|t| t.term.clone()).collect(),
        values: (0..n)
            .map(|c| {
                memberships
                    .iter()
                    .map(|x| x.get(c).copied().unwrap_or(f64::NAN))
                    .collect()
            })
            .collect(),
        outcome: y,
    };
    Ok(Solution {
        prime_implicants: min
            .prime_implicants
            .iter()
            .map(|t| t.to_expression(names))
            .collect(),
        models,
        terms_overall,
        essential: min
            .essential
            .iter()
            .filter_map(|&i| min.prime_implicants.get(i))
            .map(|t| t.to_expression(names))
            .collect(),
        table,
    })
}

/// Simultaneous subset relations (ESA): truth-table rows that are coded
/// sufficient (OUT 1) both in the truth table of the outcome and in that of
/// its negation — configurations whose consistency passes the cut-off for
/// `Y` and for `~Y` at once. Returns R row numbers, increasing.
pub fn simultaneous_subset_relations(
    for_outcome: &TruthTable,
    for_negation: &TruthTable,
) -> Vec<u64> {
    let negated: std::collections::BTreeSet<u64> = for_negation
        .rows
        .iter()
        .filter(|r| r.out == Out::One)
        .map(|r| r.number())
        .collect();
    for_outcome
        .rows
        .iter()
        .filter(|r| r.out == Out::One && negated.contains(&r.number()))
        .map(|r| r.number())
        .collect()
}

/// A cell of the configuration chart (Fiss 2011).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartCell {
    /// ● present (true) or ⊗ absent (false).
    pub present: bool,
    /// Core (large symbol) when the literal belongs to a parsimonious term
    /// contained in the intermediate term; peripheral (small) otherwise.
    pub core: bool,
}

/// The configuration chart of intermediate terms: one column per term, one
/// cell per condition (`None` = blank, the condition is not in the term).
/// A literal is core when some parsimonious term that contains the
/// intermediate term has that literal.
pub fn configuration_chart(
    k: usize,
    intermediate: &[Implicant],
    parsimonious: &[Implicant],
) -> Vec<Vec<Option<ChartCell>>> {
    intermediate
        .iter()
        .map(|t| {
            let core_mask = parsimonious
                .iter()
                .filter(|p| p.subsumes(t))
                .fold(0u64, |acc, p| acc | p.mask());
            (0..k)
                .map(|j| match t.code(k, j) {
                    0 => None,
                    c => Some(ChartCell {
                        present: c == 2,
                        core: core_mask & super::minimize::bit_of(k, j) != 0,
                    }),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_chart_marks_parsimonious_literals_as_core() {
        let k = 3;
        // Intermediate A*B*~C, parsimonious A*~C.
        let inter = Implicant::new(0b111, 0b110);
        let pars = Implicant::new(0b101, 0b100);
        let chart = configuration_chart(k, &[inter], &[pars]);
        assert_eq!(
            chart,
            vec![vec![
                Some(ChartCell {
                    present: true,
                    core: true
                }),
                Some(ChartCell {
                    present: true,
                    core: false
                }),
                Some(ChartCell {
                    present: false,
                    core: true
                }),
            ]]
        );
    }

    #[test]
    fn simultaneous_subset_relations_need_out_one_for_both_outcomes() {
        use crate::analysis::truth_table::TruthTableOptions;
        let names = vec!["A".to_string()];
        let a = [0.9, 0.8, 0.2];
        let y = [0.6, 0.6, 0.1];
        let cases = vec!["x".to_string(), "y".to_string(), "z".to_string()];
        let low = TruthTableOptions {
            incl_cut: 0.4,
            ..Default::default()
        };
        let neg = TruthTableOptions {
            negate_outcome: true,
            ..low.clone()
        };
        let (Ok(ty), Ok(tn)) = (
            TruthTable::new(&names, &[&a], &y, &cases, &low),
            TruthTable::new(&names, &[&a], &y, &cases, &neg),
        ) else {
            panic!("truth tables failed");
        };
        // Row 2 (A): inclusion 1.3/1.9 in Y and 1.0/1.9 in ~Y, both above
        // 0.4; row 1 (~A): 0.4/1.1 in Y, below.
        assert_eq!(simultaneous_subset_relations(&ty, &tn), vec![2]);
    }

    #[test]
    fn r_cases_join_rows_with_semicolons() {
        let t = TermFit {
            term: "A".into(),
            implicant: Implicant::new(1, 1),
            incl_s: 1.0,
            pri: 1.0,
            cov_s: 1.0,
            cov_u: None,
            cases: vec![vec!["a".into(), "b".into()], vec!["c".into()]],
            deviant_cases: vec![],
        };
        assert_eq!(t.r_cases(), "a,b; c");
    }
}
