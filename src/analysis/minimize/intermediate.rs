//! Intermediate solutions from directional expectations, and ESA helpers.
//!
//! For every pair of a complex model (C1, C2, …) and a parsimonious model
//! (P1, P2, …), R QCA (`C_getEC`) derives the *easy counterfactuals*: each
//! complex term is paired with every parsimonious term that contains it;
//! the complex term's literals that are not in the parsimonious term are
//! kept when they agree with the expectations (or no expectation concerns
//! them) and dropped otherwise; the remainders covered by the resulting
//! terms are the easy counterfactuals (EC), the parsimonious model's other
//! simplifying assumptions are the difficult ones (DC). The intermediate
//! solution is then the complex minimization of the positive rows plus the
//! easy counterfactuals, solved over the positive rows.
//!
//! Expectations are terms: a single literal (`DEV`, `~LIT`) is a simple
//! expectation; a conjunction (`~LIT*IND`) is a joint one whose literals are
//! dropped together when any of them disagrees with the complex term.
//!
//! R quirk reproduced: R recomputes the kept literals from scratch for each
//! conjunctional expectation, so when there are conjunctional expectations
//! only the last one (in the order given) decides, and the simple
//! expectations are then not applied.

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use super::implicant::{Implicant, bit_of};
use super::{
    Kind, Minimization, MinimizeError, Options, Problem, Progress, minimize, primes, solve_chart,
};

/// The expectation about one condition (R's vector form of `dir.exp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expectation {
    /// The condition's presence is expected to contribute (`"1"`).
    Present,
    /// Its absence is expected to contribute (`"0"`).
    Absent,
    /// No expectation (`"-"`).
    Either,
}

/// Directional expectations as terms over the conditions: each term is a
/// list of (condition index, present?) literals.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DirectionalExpectations {
    terms: Vec<Vec<(usize, bool)>>,
}

impl DirectionalExpectations {
    /// One expectation per condition, in condition order.
    pub fn from_vector(expectations: &[Expectation]) -> Self {
        let terms = expectations
            .iter()
            .enumerate()
            .filter_map(|(j, e)| match e {
                Expectation::Present => Some(vec![(j, true)]),
                Expectation::Absent => Some(vec![(j, false)]),
                Expectation::Either => None,
            })
            .collect();
        DirectionalExpectations { terms }
    }

    /// Parses expectations written as R does: either the vector form, one of
    /// `1`, `0`, `-` per condition separated by commas (`"1, 1, -, 0"`), or
    /// terms separated by commas or `+`, literals by `*`, `~` for absence
    /// (`"DEV, STB, ~LIT*IND"`). Names are matched exactly.
    ///
    /// # Errors
    /// [`MinimizeError::ExpectationCount`] (vector form of the wrong length),
    /// [`MinimizeError::UnknownCondition`].
    pub fn parse<S: AsRef<str>>(text: &str, names: &[S]) -> Result<Self, MinimizeError> {
        let tokens: Vec<&str> = text
            .split([',', '+'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let vector_form = !tokens.is_empty()
            && tokens
                .iter()
                .all(|t| t.split(';').all(|v| matches!(v.trim(), "0" | "1" | "-")));
        if vector_form {
            if tokens.len() != names.len() {
                return Err(MinimizeError::ExpectationCount {
                    expected: names.len(),
                    found: tokens.len(),
                });
            }
            let mut terms = Vec::new();
            for (j, t) in tokens.iter().enumerate() {
                for v in t.split(';').map(str::trim) {
                    match v {
                        "1" => terms.push(vec![(j, true)]),
                        "0" => terms.push(vec![(j, false)]),
                        _ => {}
                    }
                }
            }
            return Ok(DirectionalExpectations { terms });
        }
        let mut terms = Vec::new();
        for t in tokens {
            let mut lits = Vec::new();
            for lit in t.split('*').map(str::trim) {
                let (present, name) = match lit.strip_prefix('~') {
                    Some(rest) => (false, rest.trim()),
                    None => (true, lit),
                };
                let j = names
                    .iter()
                    .position(|n| n.as_ref() == name)
                    .ok_or_else(|| MinimizeError::UnknownCondition {
                        term: t.to_string(),
                        name: name.to_string(),
                    })?;
                lits.push((j, present));
            }
            lits.sort_unstable();
            lits.dedup();
            if !terms.contains(&lits) {
                terms.push(lits);
            }
        }
        Ok(DirectionalExpectations { terms })
    }

    /// The expectation terms.
    pub fn terms(&self) -> &[Vec<(usize, bool)>] {
        &self.terms
    }

    /// Whether no condition has an expectation.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// R's `C_getEC` rule: the term kept from complex term `comp` for the
    /// parsimonious term `pars` (which must contain it).
    fn keep(&self, k: usize, comp: &Implicant, pars: &Implicant) -> Implicant {
        // Literals of the complex term that the parsimonious term lacks.
        let extra = comp.mask() & !pars.mask();
        let simple: Vec<(usize, bool)> = self
            .terms
            .iter()
            .filter(|t| t.len() == 1)
            .filter_map(|t| t.first().copied())
            .collect();
        let joint: Vec<&Vec<(usize, bool)>> = self.terms.iter().filter(|t| t.len() > 1).collect();
        let present = |j: usize| comp.value() & bit_of(k, j) != 0;
        let mut drop = 0u64;
        if let Some(last) = joint.last() {
            let constrained: Vec<&(usize, bool)> = last
                .iter()
                .filter(|(j, _)| extra & bit_of(k, *j) != 0)
                .collect();
            let agrees = constrained.iter().all(|(j, p)| present(*j) == *p);
            if !agrees {
                for (j, _) in constrained {
                    drop |= bit_of(k, *j);
                }
            }
        } else {
            for j in 0..k {
                let b = bit_of(k, j);
                if extra & b == 0 {
                    continue;
                }
                let about: Vec<bool> = simple
                    .iter()
                    .filter(|(c, _)| *c == j)
                    .map(|(_, p)| *p)
                    .collect();
                if !about.is_empty() && !about.contains(&present(j)) {
                    drop |= b;
                }
            }
        }
        Implicant::new(comp.mask() & !drop, comp.value())
    }
}

/// One intermediate solution: complex model × parsimonious model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntermediatePair {
    /// Index of the complex model (R's `C<i+1>`).
    pub complex_model: usize,
    /// Index of the parsimonious model (R's `P<j+1>`).
    pub parsimonious_model: usize,
    /// Easy counterfactuals (remainders), increasing.
    pub easy: Vec<u64>,
    /// Difficult counterfactuals: the parsimonious model's other simplifying
    /// assumptions; `None` when they are too many to list.
    pub difficult: Option<Vec<u64>>,
    /// The solved intermediate chart.
    pub solution: Minimization,
}

/// Complex, parsimonious and intermediate solutions of one problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntermediateSolution {
    /// The complex (conservative) solution.
    pub complex: Minimization,
    /// The parsimonious solution.
    pub parsimonious: Minimization,
    /// One entry per (complex model, parsimonious model), C1P1, C1P2, ….
    pub pairs: Vec<IntermediatePair>,
}

impl IntermediateSolution {
    /// R's key of pair `i`: `"C1P2"`.
    pub fn key(&self, i: usize) -> String {
        self.pairs
            .get(i)
            .map(|p| format!("C{}P{}", p.complex_model + 1, p.parsimonious_model + 1))
            .unwrap_or_default()
    }
}

/// Intermediate solutions: see the module docs.
///
/// # Errors
/// Those of [`minimize`]; [`MinimizeError::TooLarge`] when the easy
/// counterfactuals are too many to enumerate.
pub fn minimize_intermediate(
    problem: &Problem,
    expectations: &DirectionalExpectations,
    options: &Options,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<IntermediateSolution, MinimizeError> {
    let k = problem.k();
    if let Some(&(j, _)) = expectations.terms.iter().flatten().find(|(j, _)| *j >= k) {
        return Err(MinimizeError::ExpectationCount {
            expected: k,
            found: j + 1,
        });
    }
    let complex = minimize(problem, Kind::Complex, options, progress)?;
    let parsimonious = minimize(problem, Kind::Parsimonious, options, progress)?;
    let mut pairs = Vec::new();
    for (ci, cm) in complex.models.iter().enumerate() {
        for (pi, pm) in parsimonious.models.iter().enumerate() {
            let sa = parsimonious
                .simplifying_assumptions
                .get(pi)
                .cloned()
                .flatten();
            if expectations.is_empty() {
                let mut solution = complex.clone();
                solution.models = vec![cm.clone()];
                solution.essential = cm.clone();
                solution.simplifying_assumptions = vec![Some(Vec::new())];
                solution.kind = Kind::Intermediate;
                pairs.push(IntermediatePair {
                    complex_model: ci,
                    parsimonious_model: pi,
                    easy: Vec::new(),
                    difficult: sa,
                    solution,
                });
                continue;
            }
            let mut easy = Vec::new();
            for comp in cm.iter().filter_map(|&i| complex.prime_implicants.get(i)) {
                for pars in pm
                    .iter()
                    .filter_map(|&i| parsimonious.prime_implicants.get(i))
                {
                    if !pars.subsumes(comp) {
                        continue;
                    }
                    let kept = expectations.keep(k, comp, pars);
                    let configs = kept.configurations(k, options.max_assumptions).ok_or(
                        MinimizeError::TooLarge {
                            what: "easy counterfactuals",
                        },
                    )?;
                    easy.extend(configs);
                    if easy.len() > options.max_assumptions {
                        return Err(MinimizeError::TooLarge {
                            what: "easy counterfactuals",
                        });
                    }
                }
            }
            easy.sort_unstable();
            easy.dedup();
            easy.retain(|c| problem.positive().binary_search(c).is_err());
            if let Some(sa) = &sa {
                easy.retain(|c| sa.binary_search(c).is_ok());
            }
            let difficult = sa.map(|sa| {
                sa.into_iter()
                    .filter(|c| easy.binary_search(c).is_err())
                    .collect::<Vec<u64>>()
            });
            let mut on: Vec<u64> = problem.positive().to_vec();
            on.extend_from_slice(&easy);
            on.sort_unstable();
            on.dedup();
            let primes = primes::primes_of_on_set(k, &on, progress)?;
            let solution = solve_chart(problem, Kind::Intermediate, primes, options, progress)?;
            pairs.push(IntermediatePair {
                complex_model: ci,
                parsimonious_model: pi,
                easy,
                difficult,
                solution,
            });
        }
    }
    Ok(IntermediateSolution {
        complex,
        parsimonious,
        pairs,
    })
}

/// Contradictory simplifying assumptions (ESA): remainders used both in a
/// solution for the outcome and in one for its negation. Inputs are the
/// simplifying assumptions of the two solutions (any order); the result is
/// increasing.
pub fn contradictory_simplifying_assumptions(
    for_outcome: &[u64],
    for_negation: &[u64],
) -> Vec<u64> {
    let mut a = for_outcome.to_vec();
    a.sort_unstable();
    a.dedup();
    let mut b = for_negation.to_vec();
    b.sort_unstable();
    b.dedup();
    a.retain(|c| b.binary_search(c).is_ok());
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(_: Progress) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    const NAMES: [&str; 5] = ["DEV", "URB", "LIT", "IND", "STB"];

    fn lf() -> Problem {
        match Problem::new(5, vec![21, 31], vec![0, 1, 4, 5, 22, 23, 30], vec![]) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn all_present_expectations_give_rs_intermediate_for_lf() {
        let d = DirectionalExpectations::from_vector(&[Expectation::Present; 5]);
        let r = minimize_intermediate(&lf(), &d, &Options::default(), &mut go);
        let Ok(r) = r else { panic!("failed") };
        assert_eq!(r.pairs.len(), 1);
        let pair = &r.pairs[0];
        assert_eq!(pair.easy, vec![29]);
        assert_eq!(
            pair.solution.model_expressions(&NAMES),
            vec!["DEV*URB*LIT*STB + DEV*LIT*~IND*STB"]
        );
    }

    #[test]
    fn conjunctional_expectations_drop_literals_together() {
        let d = DirectionalExpectations::parse("DEV, STB, ~LIT*IND", &NAMES);
        let Ok(d) = d else { panic!("parse") };
        let r = minimize_intermediate(&lf(), &d, &Options::default(), &mut go);
        let Ok(r) = r else { panic!("failed") };
        let pair = &r.pairs[0];
        let rows: Vec<u64> = pair.easy.iter().map(|c| c + 1).collect();
        assert_eq!(rows, vec![18, 26, 28, 30]);
        assert_eq!(
            pair.solution.model_expressions(&NAMES),
            vec!["DEV*URB*STB + DEV*~IND*STB"]
        );
    }

    #[test]
    fn expectations_for_more_conditions_are_refused() {
        let d = DirectionalExpectations::from_vector(&[Expectation::Present; 6]);
        let r = minimize_intermediate(&lf(), &d, &Options::default(), &mut go);
        assert!(matches!(
            r,
            Err(MinimizeError::ExpectationCount { expected: 5, .. })
        ));
    }

    #[test]
    fn vector_form_is_recognised() {
        let d = DirectionalExpectations::parse("1, 0, -, 1;0, -", &NAMES);
        let Ok(d) = d else { panic!("parse") };
        assert_eq!(d.terms().len(), 4);
        assert!(DirectionalExpectations::parse("1, 0", &NAMES).is_err());
    }
}
