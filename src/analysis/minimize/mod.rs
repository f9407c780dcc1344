//! Boolean minimization of truth tables, as R QCA 3.25 does it.
//!
//! * Configurations are `u64` bit patterns: condition `j` of `k` is bit
//!   `k - 1 - j`, so R's truth-table row number is `1 + value`.
//! * A [`Problem`] lists the positive rows (to explain), the negative rows
//!   (observed rows with OUT 0, contradictions not included, and remainders
//!   the user excluded) and the don't-care rows that may be used but need
//!   not be covered (contradictions included with `include = "C"`).
//! * [`minimize`] gives the complex (conservative) solution — no remainder
//!   used, R's `C_QMC` — or the parsimonious one — remainders as
//!   don't-cares, R's CCubes — with the PI chart, **every** model with the
//!   fewest prime implicants (or every irredundant one, R's `all.sol`), R's
//!   row dominance, and the simplifying assumptions of each model.
//! * [`minimize_intermediate`] gives the intermediate solutions, one per
//!   pair of complex and parsimonious model, from directional expectations.
//!
//! The code is pure (no threads, no clock) so that it runs in a web worker;
//! long searches report through a progress callback that may cancel them.
//!
//! # Agreement with R QCA 3.25
//! * Prime implicants: complex and intermediate solutions use every prime
//!   implicant of the on-set (R's `C_QMC`); the parsimonious solution uses
//!   R's CCubes set, including its stopping rule (once the positive rows are
//!   covered, the search stops after two complexity levels without a new
//!   prime implicant), so longer prime implicants are left out exactly as R
//!   leaves them out.
//! * Models: every cover with the fewest prime implicants, exactly (R
//!   enumerates all combinations of that size; we branch and bound). With
//!   `all_sol`, every irredundant cover.
//! * Order: prime implicants by number of literals, then condition by
//!   condition with `~X` before `X` before absent (R's `sort_cols`, quirk
//!   included, see [`sort_r_order`]); terms of a model in that order; models
//!   lexicographically by the positions of their terms (R's `find_models`),
//!   with `all_sol` first by number of terms.
//! * Row dominance drops prime implicants whose positive rows are a strict
//!   subset of another's; "essential" lists the prime implicants in every
//!   model; simplifying assumptions are the configurations the model's
//!   terms cover minus the positive rows.
//!
//! Guards: `max_models` stops the listing ([`Completeness::Truncated`]),
//! `first_min` asks for one model, simplifying assumptions beyond
//! `max_assumptions` are not listed, and the progress callback can cancel.
//! The fixture test `tests/fixtures_part2.rs` checks all of this against
//! R's own output, the property tests against brute force.
//!
//! # Example
//! ```
//! use std::ops::ControlFlow;
//! use policylens::analysis::minimize::{minimize, Kind, Options, Problem};
//! // LF data, incl.cut 0.8: rows 22 and 32 positive, seven negative rows.
//! let p = Problem::new(5, vec![21, 31], vec![0, 1, 4, 5, 22, 23, 30], vec![]).unwrap();
//! let m = minimize(&p, Kind::Parsimonious, &Options::default(), &mut |_| ControlFlow::Continue(())).unwrap();
//! let names = ["DEV", "URB", "LIT", "IND", "STB"];
//! assert_eq!(m.model_expressions(&names), vec!["DEV*~IND + URB*STB"]);
//! ```

mod chart;
mod implicant;
mod intermediate;
mod primes;

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

pub use chart::{BitSet, Completeness, SolveLimits, row_dominance};
pub use implicant::{Implicant, bit_of, full_mask, sort_r_order};
pub use intermediate::{
    DirectionalExpectations, Expectation, IntermediatePair, IntermediateSolution,
    contradictory_simplifying_assumptions, minimize_intermediate,
};

/// The largest number of conditions accepted.
pub const MAX_CONDITIONS: usize = 62;

/// Default limit on the number of models listed per chart.
pub const DEFAULT_MAX_MODELS: usize = 10_000;

/// Default limit on the number of simplifying assumptions enumerated per
/// model (beyond it they are not listed, as R skips them for k ≥ 20).
pub const DEFAULT_MAX_ASSUMPTIONS: usize = 1 << 22;

/// Errors of Boolean minimization.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MinimizeError {
    /// More conditions than a 64-bit configuration can hold.
    #[error("{k} conditions are too many to minimize (at most {max})")]
    TooManyConditions {
        /// Number of conditions given.
        k: usize,
        /// The maximum.
        max: usize,
    },
    /// A configuration has bits beyond the `k` conditions.
    #[error("configuration {config} (row {}) does not exist with {k} conditions", config + 1)]
    ConfigurationOutOfRange {
        /// The offending configuration.
        config: u64,
        /// Number of conditions.
        k: usize,
    },
    /// A configuration is listed in two of positive / negative / don't-care.
    #[error("row {} is listed both as {first} and as {second}", config + 1)]
    ConflictingRow {
        /// The configuration.
        config: u64,
        /// The first role it was given.
        first: &'static str,
        /// The second role.
        second: &'static str,
    },
    /// No positive row: nothing to explain (R: "Nothing to explain").
    #[error("no positive row: nothing to explain")]
    NothingToExplain,
    /// Every configuration may be used: the solution is the tautology (R:
    /// "All truth table configurations are used, all conditions are
    /// minimized").
    #[error("no negative row: every configuration is used and the solution is the tautology")]
    Tautology,
    /// The PI chart has a positive row no prime implicant covers.
    #[error("the PI chart cannot be solved: row {} is not covered", config + 1)]
    Unsolvable {
        /// The uncovered configuration.
        config: u64,
    },
    /// Directional expectations given for a different number of conditions.
    #[error("{found} directional expectations given for {expected} conditions")]
    ExpectationCount {
        /// Number of conditions.
        expected: usize,
        /// Number of expectations.
        found: usize,
    },
    /// A directional expectation names an unknown condition.
    #[error("directional expectation `{term}`: unknown condition `{name}`")]
    UnknownCondition {
        /// The term as written.
        term: String,
        /// The unknown name.
        name: String,
    },
    /// A result would be too large to enumerate.
    #[error("too many {what} to enumerate")]
    TooLarge {
        /// What overflowed.
        what: &'static str,
    },
    /// The computation was cancelled through the progress callback.
    #[error("minimization cancelled")]
    Cancelled,
}

/// Progress of a long minimization, passed to the caller's callback, which
/// returns `ControlFlow::Break(())` to cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Searching prime implicants at `level` literals; `found` so far.
    PrimeSearch {
        /// Complexity level being searched.
        level: usize,
        /// Candidates found so far.
        found: usize,
    },
    /// Solving the PI chart: search nodes visited and models found.
    ChartSearch {
        /// Nodes visited.
        nodes: u64,
        /// Models found so far.
        models: usize,
    },
}

/// A minimization problem over `k` binary conditions.
///
/// A value of this type is valid: configurations fit in `k` bits and the
/// three lists are sorted, distinct and disjoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    k: usize,
    positive: Vec<u64>,
    negative: Vec<u64>,
    dont_care: Vec<u64>,
}

impl Problem {
    /// Builds a problem from positive rows, negative rows and observed
    /// don't-care rows (included contradictions). Remainders (rows in none
    /// of the lists) are don't-cares for the parsimonious solution only; to
    /// exclude a remainder, list it as negative.
    ///
    /// # Errors
    /// [`MinimizeError::TooManyConditions`], [`MinimizeError::ConfigurationOutOfRange`],
    /// [`MinimizeError::ConflictingRow`], [`MinimizeError::NothingToExplain`].
    pub fn new(
        k: usize,
        mut positive: Vec<u64>,
        mut negative: Vec<u64>,
        mut dont_care: Vec<u64>,
    ) -> Result<Self, MinimizeError> {
        if k == 0 || k > MAX_CONDITIONS {
            return Err(MinimizeError::TooManyConditions {
                k,
                max: MAX_CONDITIONS,
            });
        }
        let full = full_mask(k);
        for list in [&mut positive, &mut negative, &mut dont_care] {
            list.sort_unstable();
            list.dedup();
            if let Some(&c) = list.iter().find(|&&c| c & !full != 0) {
                return Err(MinimizeError::ConfigurationOutOfRange { config: c, k });
            }
        }
        let clash = |a: &[u64], b: &[u64]| a.iter().find(|c| b.binary_search(c).is_ok()).copied();
        if let Some(c) = clash(&positive, &negative) {
            return Err(MinimizeError::ConflictingRow {
                config: c,
                first: "positive",
                second: "negative",
            });
        }
        if let Some(c) = clash(&positive, &dont_care) {
            return Err(MinimizeError::ConflictingRow {
                config: c,
                first: "positive",
                second: "don't-care",
            });
        }
        if let Some(c) = clash(&negative, &dont_care) {
            return Err(MinimizeError::ConflictingRow {
                config: c,
                first: "negative",
                second: "don't-care",
            });
        }
        if positive.is_empty() {
            return Err(MinimizeError::NothingToExplain);
        }
        Ok(Problem {
            k,
            positive,
            negative,
            dont_care,
        })
    }

    /// Number of conditions.
    pub fn k(&self) -> usize {
        self.k
    }

    /// Positive rows (sorted).
    pub fn positive(&self) -> &[u64] {
        &self.positive
    }

    /// Negative rows, including excluded remainders (sorted).
    pub fn negative(&self) -> &[u64] {
        &self.negative
    }

    /// Observed don't-care rows (sorted).
    pub fn dont_care(&self) -> &[u64] {
        &self.dont_care
    }

    /// The same problem with the given remainders excluded (made negative):
    /// untenable or impossible configurations, or those contradicting a
    /// necessary condition (ESA). Rows that are positive or don't-care are
    /// not remainders and are ignored.
    pub fn with_excluded(&self, remainders: &[u64]) -> Result<Problem, MinimizeError> {
        let mut negative = self.negative.clone();
        negative.extend(remainders.iter().copied().filter(|c| {
            self.positive.binary_search(c).is_err() && self.dont_care.binary_search(c).is_err()
        }));
        Problem::new(
            self.k,
            self.positive.clone(),
            negative,
            self.dont_care.clone(),
        )
    }

    /// Whether `config` is a logical remainder (in none of the lists).
    pub fn is_remainder(&self, config: u64) -> bool {
        self.positive.binary_search(&config).is_err()
            && self.negative.binary_search(&config).is_err()
            && self.dont_care.binary_search(&config).is_err()
    }
}

/// Which solution to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Conservative solution: no remainder is used.
    Complex,
    /// Remainders (not excluded) are used as don't-cares.
    Parsimonious,
    /// Only easy counterfactuals are used (see [`minimize_intermediate`]).
    Intermediate,
}

/// Settings of the PI chart solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// R's `row.dom`: drop prime implicants whose coverage is a strict subset
    /// of another's before solving the chart.
    pub row_dom: bool,
    /// R's `all.sol`: every irredundant cover, not only the smallest ones.
    pub all_sol: bool,
    /// Only the first minimal model (for charts too large to enumerate).
    pub first_min: bool,
    /// Stop listing models after this many (the result says so).
    pub max_models: usize,
    /// Do not enumerate simplifying assumptions beyond this many per model.
    pub max_assumptions: usize,
    /// R's `pi.depth`: search parsimonious prime implicants with at most
    /// this many literals (`None`: no limit). A guard for large problems
    /// whose PI charts hold millions of long prime implicants.
    pub pi_depth: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            row_dom: false,
            all_sol: false,
            first_min: false,
            max_models: DEFAULT_MAX_MODELS,
            max_assumptions: DEFAULT_MAX_ASSUMPTIONS,
            pi_depth: None,
        }
    }
}

/// The solved PI chart of one minimization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Minimization {
    /// Number of conditions.
    pub k: usize,
    /// Which solution this is.
    pub kind: Kind,
    /// Prime implicants of the chart, in R's order (after row dominance).
    pub prime_implicants: Vec<Implicant>,
    /// The chart's columns: the positive rows, increasing.
    pub columns: Vec<u64>,
    /// Models: indices into `prime_implicants`, increasing, in R's order.
    pub models: Vec<Vec<usize>>,
    /// Prime implicants that appear in every model (R's `essential`).
    pub essential: Vec<usize>,
    /// Whether every model is listed.
    pub completeness: Completeness,
    /// Simplifying assumptions per model (remainders covered by the
    /// model's terms), increasing; `None` when there are too many to list.
    pub simplifying_assumptions: Vec<Option<Vec<u64>>>,
}

impl Minimization {
    /// Rows (indices into `columns`) that prime implicant `i` covers.
    pub fn covered_columns(&self, i: usize) -> Vec<usize> {
        match self.prime_implicants.get(i) {
            Some(t) => self
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| t.covers(**c))
                .map(|(j, _)| j)
                .collect(),
            None => Vec::new(),
        }
    }

    /// The terms of model `m` in R notation.
    pub fn model_terms<S: AsRef<str>>(&self, m: usize, names: &[S]) -> Vec<String> {
        self.models
            .get(m)
            .map(|model| {
                model
                    .iter()
                    .filter_map(|&i| self.prime_implicants.get(i))
                    .map(|t| t.to_expression(names))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every model as an R expression, `"A*~B + C"`.
    pub fn model_expressions<S: AsRef<str>>(&self, names: &[S]) -> Vec<String> {
        (0..self.models.len())
            .map(|m| self.model_terms(m, names).join(" + "))
            .collect()
    }

    /// Prime implicants that appear in at least one model, in chart order
    /// (R's `IC$overall` terms).
    pub fn used_prime_implicants(&self) -> Vec<usize> {
        let mut used: Vec<usize> = self.models.iter().flatten().copied().collect();
        used.sort_unstable();
        used.dedup();
        used
    }
}

/// Minimizes the problem: prime implicants, PI chart, every minimal model.
///
/// * `Kind::Complex`: prime implicants of the positive (and don't-care)
///   rows with every other configuration forbidden (R's `C_QMC`).
/// * `Kind::Parsimonious`: remainders are don't-cares; R's CCubes search and
///   its stopping rule (see `primes`).
///
/// Then the chart over the positive rows is solved exactly for every cover
/// with the fewest prime implicants (or every irredundant one with
/// `all_sol`), after R's row dominance when `row_dom` is set. Prime
/// implicants with the same coverage are interchangeable in such a cover, so
/// the chart is solved on the distinct coverages and the models list every
/// choice of members (up to `max_models`; a truncated listing is the first
/// models in R's order among those found).
///
/// Every step (prime implicant search, ordering, grouping, cover search)
/// calls `progress` regularly, so a `Break` cancels within a fraction of a
/// second.
///
/// # Errors
/// [`MinimizeError::Tautology`] (parsimonious with no negative row),
/// [`MinimizeError::Unsolvable`], [`MinimizeError::Cancelled`].
pub fn minimize(
    problem: &Problem,
    kind: Kind,
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Minimization, MinimizeError> {
    let k = problem.k;
    let primes = match kind {
        Kind::Complex | Kind::Intermediate => {
            let mut on: Vec<u64> = problem.positive.clone();
            on.extend_from_slice(&problem.dont_care);
            on.sort_unstable();
            primes::primes_of_on_set(k, &on, progress)?
        }
        Kind::Parsimonious => {
            if problem.negative.is_empty() {
                return Err(MinimizeError::Tautology);
            }
            primes::primes_with_remainders(
                k,
                &problem.positive,
                &problem.negative,
                options.pi_depth,
                progress,
            )?
            .primes
        }
    };
    solve_chart(problem, kind, primes, options, progress)
}

/// Builds and solves the PI chart of `primes` over the positive rows.
pub(crate) fn solve_chart(
    problem: &Problem,
    kind: Kind,
    primes: Vec<Implicant>,
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Minimization, MinimizeError> {
    let k = problem.k;
    let columns = problem.positive.clone();
    let index = chart::RowIndex::new(k, &columns);
    let mut primes = primes;
    let mut scratch = vec![0u64; columns.len().div_ceil(64)];
    // Only prime implicants that cover a positive row enter the chart (the
    // remainder search lists only such terms).
    if kind != Kind::Parsimonious {
        let mut i = 0;
        let mut err = None;
        primes.retain(|t| {
            i += 1;
            if err.is_none()
                && let Err(e) = chart::checkpoint(i, progress)
            {
                err = Some(e);
            }
            index.first_covered(t, &mut scratch).is_some()
        });
        if let Some(e) = err {
            return Err(e);
        }
    }
    if options.row_dom {
        let grouped = chart::coverage_classes(&index, &primes, progress)?;
        let mut kept = vec![false; grouped.classes.len()];
        for c in row_dominance(&grouped.classes) {
            if let Some(x) = kept.get_mut(c) {
                *x = true;
            }
        }
        primes = primes
            .iter()
            .zip(&grouped.class_of)
            .filter(|&(_, &c)| kept.get(c as usize).copied().unwrap_or(false))
            .map(|(t, _)| *t)
            .collect();
    }
    chart::checkpoint(0, progress)?;
    if !implicant::sort_r_order_by_key(k, &mut primes) {
        // R's order depends on the incoming order here: first the order in
        // which R meets the terms (literals, conditions, first positive
        // row), which determines each term, so the terms are sorted as keys.
        let mut keys: Vec<u128> = Vec::with_capacity(primes.len());
        for (i, t) in primes.iter().enumerate() {
            chart::checkpoint(i, progress)?;
            if let Some(first) = index.first_covered(t, &mut scratch) {
                let (n, conds, first) = implicant::found_order_key(t, first);
                let first = u32::try_from(first).map_err(|_| MinimizeError::TooLarge {
                    what: "positive rows",
                })?;
                keys.push(u128::from(n) << 96 | u128::from(!conds.0) << 32 | u128::from(first));
            }
        }
        keys.sort_unstable();
        primes = keys
            .iter()
            .filter_map(|&key| {
                let mask = !((key >> 32) as u64);
                let first = (key & u128::from(u32::MAX)) as usize;
                columns.get(first).map(|&c| Implicant::new(mask, c))
            })
            .collect();
        drop(keys);
        implicant::sort_r_order_checked(k, &mut primes, progress)?;
    }
    // Terms with the same coverage are interchangeable in a cover: the chart
    // is solved on the distinct coverages, then every choice of members is
    // listed.
    let grouped = chart::coverage_classes(&index, &primes, progress)?;
    let limits = SolveLimits {
        max_models: options.max_models.max(1),
        first_only: options.first_min,
    };
    let solved = if options.all_sol {
        chart::irredundant_covers(&grouped.classes, columns.len(), &limits, progress)?
    } else {
        chart::minimal_covers(&grouped.classes, columns.len(), &limits, progress)?
    };
    let Some((class_models, completeness)) = solved else {
        let config = columns
            .iter()
            .enumerate()
            .find(|(j, _)| !grouped.classes.iter().any(|s| s.contains(*j)))
            .map_or(0, |(_, &c)| c);
        return Err(MinimizeError::Unsolvable { config });
    };
    let (mut models, cut) =
        chart::expand_class_models(&class_models, &grouped.class_of, limits.max_models);
    if options.all_sol {
        models.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    } else {
        models.sort();
    }
    if limits.first_only {
        models.truncate(1);
    }
    let completeness = match completeness {
        Completeness::All if cut => Completeness::Truncated,
        other => other,
    };
    // Terms in every model: intersect the models (each sorted).
    let mut essential: Vec<usize> = models.first().cloned().unwrap_or_default();
    for m in models.iter().skip(1) {
        essential.retain(|i| m.binary_search(i).is_ok());
    }
    let simplifying_assumptions = models
        .iter()
        .map(|m| {
            let terms: Vec<Implicant> = m.iter().filter_map(|&i| primes.get(i).copied()).collect();
            simplifying_assumptions(problem, &terms, options.max_assumptions)
        })
        .collect();
    Ok(Minimization {
        k,
        kind,
        prime_implicants: primes,
        columns,
        models,
        essential,
        completeness,
        simplifying_assumptions,
    })
}

/// The remainders a set of terms covers (R's `SA`): every configuration
/// covered by some term, minus the positive rows, increasing. `None` when
/// the terms cover more than `limit` configurations. Complexity: O(Σ 2^free).
pub fn simplifying_assumptions(
    problem: &Problem,
    terms: &[Implicant],
    limit: usize,
) -> Option<Vec<u64>> {
    let mut all = Vec::new();
    for t in terms {
        let configs = t.configurations(problem.k, limit)?;
        all.extend(configs);
        if all.len() > limit {
            return None;
        }
    }
    all.sort_unstable();
    all.dedup();
    all.retain(|c| problem.positive.binary_search(c).is_err());
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LF, incl.cut 0.8 (see the module example).
    fn lf() -> Problem {
        match Problem::new(5, vec![21, 31], vec![0, 1, 4, 5, 22, 23, 30], vec![]) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn cancelling_during_the_chart_steps_stops_minimization() {
        for kind in [Kind::Complex, Kind::Parsimonious] {
            // Cancel at the first call from the chart steps: the prime
            // implicants are known then, the chart is not solved yet.
            let mut calls = 0;
            let r = minimize(&lf(), kind, &Options::default(), &mut |p| {
                calls += 1;
                if matches!(p, Progress::ChartSearch { .. }) {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            assert_eq!(r, Err(MinimizeError::Cancelled));
            assert!(calls >= 1);
        }
    }

    #[test]
    fn a_run_that_is_not_cancelled_reports_the_chart_steps() {
        let mut chart_calls = 0;
        let r = minimize(&lf(), Kind::Parsimonious, &Options::default(), &mut |p| {
            if matches!(p, Progress::ChartSearch { .. }) {
                chart_calls += 1;
            }
            ControlFlow::Continue(())
        });
        assert!(r.is_ok());
        // Ordering the terms and grouping them by coverage each call once.
        assert!(chart_calls >= 2);
    }
}
