//! Parameters of fit (METHODS.md §3): consistency, coverage, PRI and
//! relevance of necessity, computed exactly as the R package QCA 3.25
//! computes them (`pof()`, its C routine `C_pof`).
//!
//! All functions take plain membership slices: `x` is the membership of every
//! case in a set (a condition, a configuration, a solution — see
//! [`crate::analysis::expr`] to compute it from an expression) and `y` the
//! membership in the outcome (pass `1 − y` for the negated outcome, or use
//! [`negate`]).
//!
//! Missing values are `f64::NAN`. Like R's `pof()`, a case with a missing
//! value in `x` or `y` is left out of every sum (listwise deletion).
//!
//! A parameter that R reports as `NA` (0/0, e.g. the consistency of a set
//! nobody belongs to) is `f64::NAN` here; `serde_json` writes it as `null`.
//!
//! R quirk reproduced: `pof()` replaces every parameter below
//! [`tolerance::POF_ZERO_BELOW`] (1e-5) by exactly 0 (`incl.cov[incl.cov <
//! 0.00001] <- 0`). [`sufficiency`] and [`necessity`] do the same; the raw
//! values are available from [`FitSums`].

use serde::{Deserialize, Serialize};

/// Every floating-point tolerance of the fsQCA engine, in one place.
pub mod tolerance {
    /// R's `admisc.tol`, `sqrt(.Machine$double.eps)`: the tolerance of
    /// admisc's approximate comparisons `agteb` (a ≥ b: `a + tol > b`) and
    /// `aeqb` (a = b: `|a − b| < tol`), which QCA uses to compare inclusion
    /// and PRI with their cut-offs and to detect memberships of 0.5.
    pub const R_TOL: f64 = 1.490_116_119_384_765_6e-8;
    /// `pof()` sets every parameter of fit below this value to 0.
    pub const POF_ZERO_BELOW: f64 = 0.00001;
    /// `pof()` called for the individual models of a solution
    /// (`solution.list`) uses a coarser threshold: values below 1e-4 become 0.
    pub const POF_MODEL_ZERO_BELOW: f64 = 0.0001;
    /// Direct and indirect calibration set memberships below this value to 0
    /// (`fs[fs < 0.0001] <- 0`) and above `1 −` this value to 1.
    pub const CALIBRATION_CLAMP: f64 = 0.0001;
    /// Tolerance of R's `all.equal()` (mean relative difference), used by
    /// linear and bell-shaped calibration to decide that a value equals an
    /// anchor.
    pub const ALL_EQUAL_TOL: f64 = 1.5e-8;

    /// admisc `agteb(a, b)`: `a` is greater than or (approximately) equal to
    /// `b`. NaN compares false.
    #[must_use]
    pub fn agteb(a: f64, b: f64) -> bool {
        a + R_TOL > b
    }

    /// admisc `aeqb(a, b)`: `a` approximately equals `b`.
    #[must_use]
    pub fn aeqb(a: f64, b: f64) -> bool {
        (a - b).abs() < R_TOL
    }
}

/// The raw sums from which every parameter of fit is computed, over the
/// cases where neither `x` nor `y` is missing.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct FitSums {
    /// Number of cases used (both memberships present).
    pub cases: usize,
    /// Σ x.
    pub sum_x: f64,
    /// Σ y.
    pub sum_y: f64,
    /// Σ min(x, y).
    pub sum_min: f64,
    /// Σ min(x, y, 1 − y).
    pub sum_min_neg_y: f64,
    /// Σ (1 − x).
    pub sum_neg_x: f64,
    /// Σ (1 − min(x, y)).
    pub sum_neg_min: f64,
}

impl FitSums {
    /// Accumulates the sums over the cases, in case order (as R's C code
    /// does), skipping cases where `x` or `y` is NaN. Extra elements of the
    /// longer slice are ignored.
    ///
    /// Complexity: O(n).
    #[must_use]
    pub fn new(x: &[f64], y: &[f64]) -> Self {
        let mut s = FitSums::default();
        for (&xi, &yi) in x.iter().zip(y) {
            if xi.is_nan() || yi.is_nan() {
                continue;
            }
            let m = if xi < yi { xi } else { yi };
            let neg_y = 1.0 - yi;
            s.cases += 1;
            s.sum_x += xi;
            s.sum_y += yi;
            s.sum_min += m;
            s.sum_min_neg_y += if m < neg_y { m } else { neg_y };
            s.sum_neg_x += 1.0 - xi;
            s.sum_neg_min += 1.0 - m;
        }
        s
    }

    /// Sufficiency inclusion Σmin(x,y)/Σx, unrounded (NaN when Σx = 0).
    #[must_use]
    pub fn incl_s(&self) -> f64 {
        self.sum_min / self.sum_x
    }

    /// PRI (Σmin(x,y) − Σmin(x,y,1−y)) / (Σx − Σmin(x,y,1−y)), unrounded.
    #[must_use]
    pub fn pri(&self) -> f64 {
        (self.sum_min - self.sum_min_neg_y) / (self.sum_x - self.sum_min_neg_y)
    }

    /// Sufficiency coverage Σmin(x,y)/Σy, unrounded.
    #[must_use]
    pub fn cov_s(&self) -> f64 {
        self.sum_min / self.sum_y
    }

    /// Necessity inclusion Σmin(x,y)/Σy, unrounded.
    #[must_use]
    pub fn incl_n(&self) -> f64 {
        self.sum_min / self.sum_y
    }

    /// Relevance of necessity Σ(1−x)/Σ(1−min(x,y)), unrounded.
    #[must_use]
    pub fn ron(&self) -> f64 {
        self.sum_neg_x / self.sum_neg_min
    }

    /// Necessity coverage Σmin(x,y)/Σx, unrounded.
    #[must_use]
    pub fn cov_n(&self) -> f64 {
        self.sum_min / self.sum_x
    }
}

/// Parameters of fit of a sufficiency relation X → Y.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Sufficiency {
    /// Consistency (inclusion) of X in Y: Σmin(X,Y)/ΣX.
    #[serde(rename = "inclS")]
    pub incl_s: f64,
    /// Proportional reduction in inconsistency.
    #[serde(rename = "PRI")]
    pub pri: f64,
    /// Coverage of Y by X: Σmin(X,Y)/ΣY.
    #[serde(rename = "covS")]
    pub cov_s: f64,
}

/// Parameters of fit of a necessity relation X ← Y.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Necessity {
    /// Consistency of necessity: Σmin(X,Y)/ΣY.
    #[serde(rename = "inclN")]
    pub incl_n: f64,
    /// Relevance of necessity: Σ(1−X)/Σ(1−min(X,Y)).
    #[serde(rename = "RoN")]
    pub ron: f64,
    /// Coverage of necessity: Σmin(X,Y)/ΣX.
    #[serde(rename = "covN")]
    pub cov_n: f64,
}

/// R's `pof()` post-processing: values below `threshold` become exactly 0;
/// NaN (R's NA) stays NaN.
#[must_use]
pub fn pof_round(value: f64, threshold: f64) -> f64 {
    if value < threshold { 0.0 } else { value }
}

/// Sufficiency parameters of X for Y as R's `pof(X, Y, relation = "suf")`
/// reports them: inclS, PRI, covS, with cases missing either membership left
/// out and values below 1e-5 set to 0.
///
/// # Example
/// ```
/// use policylens::analysis::fit::sufficiency;
/// let f = sufficiency(&[0.8, 0.2, 0.6], &[0.9, 0.1, 0.4]);
/// assert!((f.incl_s - 1.3 / 1.6).abs() < 1e-12);
/// ```
///
/// Complexity: O(n).
#[must_use]
pub fn sufficiency(x: &[f64], y: &[f64]) -> Sufficiency {
    let s = FitSums::new(x, y);
    let r = |v| pof_round(v, tolerance::POF_ZERO_BELOW);
    Sufficiency {
        incl_s: r(s.incl_s()),
        pri: r(s.pri()),
        cov_s: r(s.cov_s()),
    }
}

/// Necessity parameters of X for Y as R's `pof(X, Y)` reports them: inclN,
/// RoN, covN (same missing-value and rounding rules as [`sufficiency`]).
///
/// # Example
/// ```
/// use policylens::analysis::fit::necessity;
/// let f = necessity(&[0.8, 0.2, 0.6], &[0.9, 0.1, 0.4]);
/// assert!((f.incl_n - 1.3 / 1.4).abs() < 1e-12);
/// ```
///
/// Complexity: O(n).
#[must_use]
pub fn necessity(x: &[f64], y: &[f64]) -> Necessity {
    let s = FitSums::new(x, y);
    let r = |v| pof_round(v, tolerance::POF_ZERO_BELOW);
    Necessity {
        incl_n: r(s.incl_n()),
        ron: r(s.ron()),
        cov_n: r(s.cov_n()),
    }
}

/// Unique coverage of `term` within a solution whose other terms are
/// `others`: the coverage of the whole solution minus the coverage of the
/// solution without `term`, computed as R's `C_pof` does:
/// covS(term) − Σ min(min(term,Y), max over others of min(other,Y)) / ΣY.
/// Cases with a missing value in any input are left out. Not rounded; apply
/// [`pof_round`] with the threshold R uses in the context.
///
/// Complexity: O(n · (1 + others)).
#[must_use]
pub fn unique_coverage(term: &[f64], others: &[&[f64]], y: &[f64]) -> f64 {
    let mut sum_y = 0.0;
    let mut sum_min = 0.0;
    let mut sum_overlap = 0.0;
    for (i, (&t, &yi)) in term.iter().zip(y).enumerate() {
        let other_vals: Vec<f64> = others
            .iter()
            .map(|o| o.get(i).copied().unwrap_or(f64::NAN))
            .collect();
        if t.is_nan() || yi.is_nan() || other_vals.iter().any(|v| v.is_nan()) {
            continue;
        }
        let m = if t < yi { t } else { yi };
        let max_other = other_vals
            .iter()
            .map(|&o| if o < yi { o } else { yi })
            .fold(0.0_f64, |a, b| if a < b { b } else { a });
        sum_y += yi;
        sum_min += m;
        sum_overlap += if m < max_other { m } else { max_other };
    }
    sum_min / sum_y - sum_overlap / sum_y
}

/// The negation `1 − v` of every membership (NaN stays NaN).
#[must_use]
pub fn negate(v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| 1.0 - x).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sufficiency_matches_the_formulas_by_hand() {
        let x = [0.8, 0.2, 0.6, 1.0];
        let y = [0.9, 0.1, 0.4, 0.3];
        let f = sufficiency(&x, &y);
        let sum_min: f64 = 0.8 + 0.1 + 0.4 + 0.3;
        let pri_min: f64 = 0.1 + 0.1 + 0.4 + 0.3;
        assert!((f.incl_s - sum_min / 2.6).abs() < 1e-12);
        assert!((f.cov_s - sum_min / 1.7).abs() < 1e-12);
        assert!((f.pri - (sum_min - pri_min) / (2.6 - pri_min)).abs() < 1e-12);
    }

    #[test]
    fn necessity_matches_the_formulas_by_hand() {
        let x = [0.8, 0.2, 0.6];
        let y = [0.9, 0.1, 0.4];
        let f = necessity(&x, &y);
        assert!((f.incl_n - 1.3 / 1.4).abs() < 1e-12);
        assert!((f.cov_n - 1.3 / 1.6).abs() < 1e-12);
        assert!((f.ron - (0.2 + 0.8 + 0.4) / (0.2 + 0.9 + 0.6)).abs() < 1e-12);
    }

    #[test]
    fn cases_with_missing_values_are_left_out() {
        let f = sufficiency(&[0.8, f64::NAN, 0.6], &[0.9, 0.1, f64::NAN]);
        assert!((f.incl_s - 1.0).abs() < 1e-12);
        assert_eq!(FitSums::new(&[0.8, f64::NAN], &[0.1, 0.2]).cases, 1);
    }

    #[test]
    fn zero_denominator_gives_nan_like_r_na() {
        let f = sufficiency(&[0.0, 0.0], &[0.3, 0.9]);
        assert!(f.incl_s.is_nan());
        assert!(f.pri.is_nan());
        assert_eq!(f.cov_s, 0.0);
    }

    #[test]
    fn tiny_values_are_rounded_to_zero_like_pof() {
        let f = sufficiency(&[1.0, 0.000_001], &[0.0, 0.000_001]);
        assert_eq!(f.incl_s, 0.0);
        assert!(pof_round(f64::NAN, 1e-5).is_nan());
    }

    #[test]
    fn unique_coverage_is_solution_coverage_minus_coverage_without_the_term() {
        let a: [f64; 4] = [0.9, 0.1, 0.6, 0.3];
        let b = [0.2, 0.8, 0.7, 0.1];
        let y = [0.8, 0.7, 0.9, 0.2];
        let union: Vec<f64> = a.iter().zip(&b).map(|(p, q)| p.max(*q)).collect();
        let expected = sufficiency(&union, &y).cov_s - sufficiency(&b, &y).cov_s;
        assert!((unique_coverage(&a, &[&b], &y) - expected).abs() < 1e-12);
    }

    #[test]
    fn approximate_comparisons_follow_admisc() {
        assert!(tolerance::agteb(0.799_999_999_9, 0.8));
        assert!(!tolerance::agteb(0.7999, 0.8));
        assert!(tolerance::aeqb(0.500_000_000_1, 0.5));
        assert!(!tolerance::agteb(f64::NAN, 0.0));
    }

    proptest! {
        #[test]
        fn consistency_and_coverage_are_between_zero_and_one(
            pairs in proptest::collection::vec((0.0..=1.0f64, 0.0..=1.0f64), 1..40)
        ) {
            let (x, y): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
            let s = sufficiency(&x, &y);
            let n = necessity(&x, &y);
            for v in [s.incl_s, s.pri, s.cov_s, n.incl_n, n.ron, n.cov_n] {
                prop_assert!(v.is_nan() || (-1e-12..=1.0 + 1e-12).contains(&v), "{v}");
            }
        }
    }
}
