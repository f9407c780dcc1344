//! Properties of Boolean minimization on random truth tables (k ≤ 6),
//! checked against brute force.

use std::ops::ControlFlow;

use policylens::analysis::minimize::{
    Completeness, Implicant, Kind, Minimization, Options, Problem, Progress, full_mask, minimize,
};
use proptest::prelude::*;

fn go(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// A random truth table: each configuration positive (1), negative (0),
/// don't-care (2, included contradiction) or remainder (3).
fn table() -> impl Strategy<Value = (usize, Vec<u8>)> {
    (2usize..=6).prop_flat_map(|k| {
        let n = 1usize << k;
        (
            Just(k),
            proptest::collection::vec(
                prop_oneof![3 => Just(1u8), 3 => Just(0u8), 1 => Just(2u8), 3 => Just(3u8)],
                n,
            ),
        )
    })
}

fn problem_of(k: usize, roles: &[u8]) -> Option<Problem> {
    let pick = |r: u8| -> Vec<u64> {
        roles
            .iter()
            .enumerate()
            .filter(|(_, x)| **x == r)
            .map(|(c, _)| c as u64)
            .collect()
    };
    Problem::new(k, pick(1), pick(0), pick(2)).ok()
}

/// Every cube over k conditions.
fn all_cubes(k: usize) -> Vec<Implicant> {
    let mut out = Vec::new();
    let full = full_mask(k);
    for mask in 0..=full {
        let mut v = mask;
        loop {
            out.push(Implicant::new(mask, v));
            if v == 0 {
                break;
            }
            v = (v - 1) & mask;
        }
    }
    out
}

fn allowed(p: &Problem, kind: Kind, c: u64) -> bool {
    match kind {
        Kind::Parsimonious => p.negative().binary_search(&c).is_err(),
        _ => p.positive().binary_search(&c).is_ok() || p.dont_care().binary_search(&c).is_ok(),
    }
}

fn is_implicant(p: &Problem, kind: Kind, t: &Implicant) -> bool {
    (0..=full_mask(p.k()))
        .filter(|&c| t.covers(c))
        .all(|c| allowed(p, kind, c))
}

fn is_prime(p: &Problem, kind: Kind, t: &Implicant) -> bool {
    is_implicant(p, kind, t)
        && (0..p.k()).all(|j| {
            let b = 1u64 << j;
            t.mask() & b == 0 || !is_implicant(p, kind, &Implicant::new(t.mask() & !b, t.value()))
        })
}

/// Number of covers of the positive rows with exactly `size` chart PIs.
fn count_covers(m: &Minimization, size: usize) -> usize {
    fn rec(m: &Minimization, start: usize, left: usize, chosen: &mut Vec<usize>) -> usize {
        if left == 0 {
            let covers = m
                .columns
                .iter()
                .all(|&c| chosen.iter().any(|&i| m.prime_implicants[i].covers(c)));
            return usize::from(covers);
        }
        let mut n = 0;
        for i in start..m.prime_implicants.len() {
            chosen.push(i);
            n += rec(m, i + 1, left - 1, chosen);
            chosen.pop();
        }
        n
    }
    rec(m, 0, size, &mut Vec::new())
}

fn binomial(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

fn check(p: &Problem, kind: Kind) -> Result<(), TestCaseError> {
    let Ok(m) = minimize(p, kind, &Options::default(), &mut go) else {
        // Only the tautology (no negative row) may fail.
        prop_assert!(kind == Kind::Parsimonious && p.negative().is_empty());
        return Ok(());
    };
    prop_assert_eq!(m.completeness, Completeness::All);
    prop_assert!(!m.models.is_empty());
    for t in &m.prime_implicants {
        prop_assert!(is_prime(p, kind, t), "not prime: {:?}", t);
    }
    for model in &m.models {
        let terms: Vec<&Implicant> = model.iter().map(|&i| &m.prime_implicants[i]).collect();
        for &c in p.positive() {
            prop_assert!(terms.iter().any(|t| t.covers(c)), "row {} uncovered", c + 1);
        }
        for &c in p.negative() {
            prop_assert!(
                !terms.iter().any(|t| t.covers(c)),
                "negative row {} covered",
                c + 1
            );
        }
        if kind == Kind::Complex {
            for t in &terms {
                let configs = t.configurations(p.k(), 1 << 20).unwrap_or_default();
                prop_assert!(
                    configs.iter().all(|&c| !p.is_remainder(c)),
                    "complex term uses a remainder"
                );
            }
        }
    }
    // Every model has the fewest terms, and every such cover is listed.
    let size = m.models.first().map(Vec::len).unwrap_or(0);
    prop_assert!(m.models.iter().all(|x| x.len() == size));
    if binomial(m.prime_implicants.len(), size) < 2e5 {
        for s in 1..size {
            prop_assert_eq!(count_covers(&m, s), 0, "a cover with {} terms exists", s);
        }
        prop_assert_eq!(count_covers(&m, size), m.models.len());
    }
    // The chart holds every prime implicant covering a positive row (complex),
    // and, for the parsimonious solution, every one up to the longest listed
    // (R's CCubes stops its search by complexity).
    let max_len = m
        .prime_implicants
        .iter()
        .map(Implicant::literal_count)
        .max()
        .unwrap_or(0);
    for t in all_cubes(p.k()) {
        let relevant = p.positive().iter().any(|&c| t.covers(c))
            && (kind == Kind::Complex || t.literal_count() <= max_len);
        if relevant && is_prime(p, kind, &t) {
            prop_assert!(
                m.prime_implicants.contains(&t),
                "prime implicant missing: {:?}",
                t
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn complex_models_are_minimal_covers_by_prime_implicants((k, roles) in table()) {
        if let Some(p) = problem_of(k, &roles) {
            check(&p, Kind::Complex)?;
        }
    }

    #[test]
    fn parsimonious_models_are_minimal_covers_by_prime_implicants((k, roles) in table()) {
        if let Some(p) = problem_of(k, &roles) {
            check(&p, Kind::Parsimonious)?;
        }
    }

    #[test]
    fn all_sol_models_are_irredundant_and_include_the_minimal_ones((k, roles) in table()) {
        let Some(p) = problem_of(k, &roles) else { return Ok(()); };
        let all = Options { all_sol: true, max_models: 2000, ..Options::default() };
        let (Ok(a), Ok(m)) = (
            minimize(&p, Kind::Parsimonious, &all, &mut go),
            minimize(&p, Kind::Parsimonious, &Options::default(), &mut go),
        ) else { return Ok(()); };
        for model in &a.models {
            for &i in model {
                let others: Vec<usize> = model.iter().copied().filter(|&j| j != i).collect();
                let redundant = a.columns.iter().all(|&c| {
                    others.iter().any(|&j| a.prime_implicants[j].covers(c))
                });
                prop_assert!(!redundant, "redundant term in an all.sol model");
            }
        }
        if a.completeness != Completeness::All {
            return Ok(());
        }
        let minimal = m.model_expressions(&["A", "B", "C", "D", "E", "F"][..k]);
        let listed = a.model_expressions(&["A", "B", "C", "D", "E", "F"][..k]);
        for e in &minimal {
            prop_assert!(listed.contains(e), "minimal model {} missing from all.sol", e);
        }
    }
}
