//! Calibration of raw values into set memberships (METHODS.md §2), equal to
//! R QCA 3.25's `calibrate()`.
//!
//! Pick a [`Calibration`] (logistic, linear, bell-shaped, crisp, indirect,
//! TFR) and call [`calibrate`] on a column of raw values; the result holds
//! the memberships and the cases that land exactly on the crossover (0.5),
//! which the truth table will have to leave out.
//!
//! Validating constructors ([`Anchors::new`], [`BellAnchors::new`]) make
//! invalid anchors unrepresentable: not finite, equal, or not ordered.
//!
//! # R quirks reproduced
//! * Every *direct* fuzzy calibration (logistic, linear, bell) and the
//!   indirect one set memberships below 1e-4 to 0 and above 0.9999 to 1
//!   (`fs[fs < 0.0001] <- 0; fs[fs > 0.9999] <- 1`).
//! * Logistic with decreasing anchors (e > i) is computed as the increasing
//!   function with `e` and `i` swapped, then `1 −` it (before the clamping).
//! * Linear and bell shapes decide "x equals an anchor" with R's
//!   `all.equal()` (relative tolerance 1.5e-8), and the bell's rising edge
//!   uses a strict `x < i1` (inverse bell: `x < e1`), exactly as R's code.
//! * Crisp calibration refuses thresholds outside the range of the data
//!   ("Threshold value(s) outside the range of x.") and counts the thresholds
//!   `≤ x` (R's `findInterval`), so a value equal to a threshold is above it.
//! * Indirect: targets are `round(m / t, 3)` for a value above m of the t
//!   sorted thresholds (strictly above), zeros are replaced by 1e-5, a
//!   quasi-binomial logit GLM `y ~ log(x) + x^(1/2) + x + x^2` is fitted by
//!   R's IRLS (same start, same convergence rule, ε = 1e-8, 25 iterations),
//!   and the fitted values are rounded to 6 decimals before clamping.
//!
//! # Deliberate differences
//! * R accepts unordered logistic anchors and only warns about equal linear
//!   anchors; PolicyLens refuses both with [`CalibrationError::Unordered`].
//! * Missing values (NaN) give NaN memberships for every method; R propagates
//!   them for logistic, drops them from the indirect method's result (a
//!   shorter vector) and stops with an error for crisp, linear and bell.
//! * `ecdf` linear calibration uses the values between the extreme anchors;
//!   R fails when no value lies outside them (its `x[-which(...)]` idiom
//!   empties the vector).

use serde::{Deserialize, Serialize};

use crate::analysis::fit::tolerance::{ALL_EQUAL_TOL, CALIBRATION_CLAMP, aeqb};

/// An invalid calibration setting or input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CalibrationError {
    /// A setting is NaN or infinite.
    #[error("{name} must be a finite number, got {value}")]
    NotFinite {
        /// Which setting (`exclusion`, `crossover`, `threshold`, …).
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// The three anchors are equal or not monotone.
    #[error(
        "anchors must be finite and strictly ordered (exclusion < crossover < inclusion, or the reverse), got {exclusion}, {crossover}, {inclusion}"
    )]
    Unordered {
        /// Full exclusion.
        exclusion: f64,
        /// Crossover.
        crossover: f64,
        /// Full inclusion.
        inclusion: f64,
    },
    /// The six bell anchors are not in bell (or inverse-bell) order.
    #[error(
        "bell anchors must satisfy e1 < c1 < i1 <= i2 < c2 < e2 (or i1 < c1 < e1 <= e2 < c2 < i2 for an inverse bell), got {e1}, {c1}, {i1}, {i2}, {c2}, {e2}"
    )]
    BellUnordered {
        /// First exclusion.
        e1: f64,
        /// First crossover.
        c1: f64,
        /// First inclusion.
        i1: f64,
        /// Second inclusion.
        i2: f64,
        /// Second crossover.
        c2: f64,
        /// Second exclusion.
        e2: f64,
    },
    /// The degree of membership at the inclusion anchor is not in (0.5, 1).
    #[error("the inclusion degree of membership must be above 0.5 and below 1, got {idm}")]
    InvalidIdm {
        /// The value.
        idm: f64,
    },
    /// `below` or `above` is not a positive number.
    #[error("`{name}` must be a positive number, got {value}")]
    InvalidExponent {
        /// `below` or `above`.
        name: &'static str,
        /// The value.
        value: f64,
    },
    /// Crisp or indirect calibration without thresholds.
    #[error("no thresholds were given")]
    NoThresholds,
    /// A crisp threshold outside the range of the data (R refuses it).
    #[error("threshold {threshold} is outside the range of the data ({min} to {max})")]
    ThresholdOutsideRange {
        /// The threshold.
        threshold: f64,
        /// Smallest value.
        min: f64,
        /// Largest value.
        max: f64,
    },
    /// The method needs data and the column has no (non-missing) value.
    #[error("the column has no values to calibrate")]
    NoData,
    /// Indirect calibration needs non-negative values (it takes logarithms).
    #[error("row {row}: {value} is negative; the indirect method needs values ≥ 0")]
    NegativeValue {
        /// 1-based row.
        row: usize,
        /// The value.
        value: f64,
    },
    /// The indirect method's regression could not be computed.
    #[error("the indirect calibration's regression failed: {reason}")]
    RegressionFailed {
        /// Why.
        reason: &'static str,
    },
    /// A percentile outside [0, 1].
    #[error("percentile {p} must be between 0 and 1")]
    InvalidPercentile {
        /// The value.
        p: f64,
    },
}

fn finite(name: &'static str, value: f64) -> Result<f64, CalibrationError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(CalibrationError::NotFinite { name, value })
    }
}

/// The three anchors of direct calibration; a value of this type is always
/// finite and strictly ordered (increasing or decreasing).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Anchors {
    exclusion: f64,
    crossover: f64,
    inclusion: f64,
}

impl Anchors {
    /// Validates the anchors: finite, and `e < c < i` (increasing set) or
    /// `e > c > i` (decreasing set).
    ///
    /// # Errors
    /// [`CalibrationError::NotFinite`], [`CalibrationError::Unordered`].
    pub fn new(
        exclusion: f64,
        crossover: f64,
        inclusion: f64,
    ) -> Result<Anchors, CalibrationError> {
        finite("exclusion", exclusion)?;
        finite("crossover", crossover)?;
        finite("inclusion", inclusion)?;
        let up = exclusion < crossover && crossover < inclusion;
        let down = exclusion > crossover && crossover > inclusion;
        if !(up || down) {
            return Err(CalibrationError::Unordered {
                exclusion,
                crossover,
                inclusion,
            });
        }
        Ok(Anchors {
            exclusion,
            crossover,
            inclusion,
        })
    }

    /// Anchors at percentiles of the data (R's `quantile(type = 7)`), e.g.
    /// `(0.05, 0.5, 0.95)` or `(0.2, 0.5, 0.8)`; missing values are ignored.
    ///
    /// # Errors
    /// [`CalibrationError::InvalidPercentile`], [`CalibrationError::NoData`],
    /// and [`CalibrationError::Unordered`] when the percentiles coincide.
    pub fn from_percentiles(
        x: &[f64],
        exclusion: f64,
        crossover: f64,
        inclusion: f64,
    ) -> Result<Anchors, CalibrationError> {
        let e = quantile(x, exclusion)?;
        let c = quantile(x, crossover)?;
        let i = quantile(x, inclusion)?;
        Anchors::new(e, c, i)
    }

    /// Likert preset for a 7-point scale: exclusion 2, crossover 4, inclusion 6.
    #[must_use]
    pub fn likert7() -> Anchors {
        Anchors {
            exclusion: 2.0,
            crossover: 4.0,
            inclusion: 6.0,
        }
    }

    /// Likert preset for a 5-point scale: exclusion 2, crossover 3, inclusion 4.
    #[must_use]
    pub fn likert5() -> Anchors {
        Anchors {
            exclusion: 2.0,
            crossover: 3.0,
            inclusion: 4.0,
        }
    }

    /// Full-exclusion anchor.
    #[must_use]
    pub fn exclusion(&self) -> f64 {
        self.exclusion
    }

    /// Crossover anchor.
    #[must_use]
    pub fn crossover(&self) -> f64 {
        self.crossover
    }

    /// Full-inclusion anchor.
    #[must_use]
    pub fn inclusion(&self) -> f64 {
        self.inclusion
    }

    /// True when membership rises with the raw value (e < i).
    #[must_use]
    pub fn is_increasing(&self) -> bool {
        self.exclusion < self.inclusion
    }
}

/// The six anchors of a bell-shaped (or inverse-bell) set; always finite
/// and ordered `e1 < c1 < i1 ≤ i2 < c2 < e2` (bell) or
/// `i1 < c1 < e1 ≤ e2 < c2 < i2` (inverse bell).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BellAnchors {
    e1: f64,
    c1: f64,
    i1: f64,
    i2: f64,
    c2: f64,
    e2: f64,
}

impl BellAnchors {
    /// Validates the six anchors (R's names `e1, c1, i1, i2, c2, e2`).
    ///
    /// # Errors
    /// [`CalibrationError::NotFinite`], [`CalibrationError::BellUnordered`].
    pub fn new(
        e1: f64,
        c1: f64,
        i1: f64,
        i2: f64,
        c2: f64,
        e2: f64,
    ) -> Result<BellAnchors, CalibrationError> {
        for (name, v) in [
            ("e1", e1),
            ("c1", c1),
            ("i1", i1),
            ("i2", i2),
            ("c2", c2),
            ("e2", e2),
        ] {
            finite(name, v)?;
        }
        let bell = e1 < c1 && c1 < i1 && i1 <= i2 && i2 < c2 && c2 < e2;
        let inverse = i1 < c1 && c1 < e1 && e1 <= e2 && e2 < c2 && c2 < i2;
        if !(bell || inverse) {
            return Err(CalibrationError::BellUnordered {
                e1,
                c1,
                i1,
                i2,
                c2,
                e2,
            });
        }
        Ok(BellAnchors {
            e1,
            c1,
            i1,
            i2,
            c2,
            e2,
        })
    }

    /// True for the inverse bell (membership 1 at both ends).
    #[must_use]
    pub fn is_inverse(&self) -> bool {
        self.i1 < self.e1
    }

    /// The anchors in R's order `e1, c1, i1, i2, c2, e2`.
    #[must_use]
    pub fn to_array(&self) -> [f64; 6] {
        [self.e1, self.c1, self.i1, self.i2, self.c2, self.e2]
    }
}

/// A calibration method and its settings (R's `calibrate()` arguments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Calibration {
    /// Direct method, logistic (`type = "fuzzy"`, default). `idm` is the
    /// membership at the inclusion anchor (R default 0.95).
    Logistic {
        /// The anchors.
        anchors: Anchors,
        /// Inclusion degree of membership, in (0.5, 1).
        idm: f64,
    },
    /// Direct method, linear (`logistic = FALSE`), with R's exponents
    /// `below`/`above` (1 = straight) and the optional `ecdf` shape.
    Linear {
        /// The anchors.
        anchors: Anchors,
        /// Exponent of the lower half.
        below: f64,
        /// Exponent of the upper half.
        above: f64,
        /// Use the empirical distribution between the anchors.
        ecdf: bool,
    },
    /// Bell-shaped (six anchors), linear pieces bent by `below`/`above`.
    Bell {
        /// The anchors.
        anchors: BellAnchors,
        /// Exponent of the outer halves.
        below: f64,
        /// Exponent of the inner halves.
        above: f64,
    },
    /// Crisp (`type = "crisp"`): the number of thresholds at or below the value.
    Crisp {
        /// Thresholds (any order).
        thresholds: Vec<f64>,
    },
    /// Indirect method (Ragin's fractional logit on grouped targets).
    Indirect {
        /// Thresholds separating the qualitative groups (any order).
        thresholds: Vec<f64>,
    },
    /// Totally fuzzy and relative (`method = "TFR"`): the empirical
    /// distribution rescaled above the value 1.
    Tfr,
}

/// The result of calibrating one column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibrated {
    /// One membership per input value, in input order (NaN for missing).
    pub values: Vec<f64>,
    /// 0-based indices of the values at 0.5 (within 1.49e-8): those cases
    /// will belong to no truth-table row.
    pub at_crossover: Vec<usize>,
}

/// How much [`CrossoverCases::AddConstant`] adds to a membership of
/// exactly 0.5 (0.5 → 0.501): the constant R users add by hand
/// (`x[x == 0.5] <- 0.501`), small enough to leave every parameter of fit
/// practically unchanged while the case joins the row where it is "more in
/// than out".
pub const CROSSOVER_CONSTANT: f64 = 0.001;

/// What happens to the cases that a calibration puts at exactly 0.5 —
/// the user's documented choice (METHODS.md §4): nothing is done silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum CrossoverCases {
    /// Keep 0.5: the cases belong to no truth-table row and are left out of
    /// the analysis of sufficiency, as R QCA does (the default).
    #[default]
    LeaveOut,
    /// Add [`CROSSOVER_CONSTANT`] to their membership (0.5 → 0.501), so that
    /// each joins the row in which it is slightly more in than out.
    AddConstant,
}

impl Calibrated {
    /// Memberships with the cases at 0.5 listed (within the tolerance of
    /// [`aeqb`]): what [`calibrate`] returns, and how a column used as it
    /// is ("already calibrated") is read, so that the user's
    /// [`CrossoverCases`] choice applies to them too.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::calibrate::{Calibrated, CrossoverCases};
    /// let c = Calibrated::as_is(vec![0.2, 0.5, f64::NAN]);
    /// assert_eq!(c.at_crossover, vec![1]);
    /// assert_eq!(c.with_choice(CrossoverCases::AddConstant).values[1], 0.501);
    /// ```
    #[must_use]
    pub fn as_is(values: Vec<f64>) -> Calibrated {
        let at_crossover = values
            .iter()
            .enumerate()
            .filter(|(_, v)| aeqb(**v, 0.5))
            .map(|(i, _)| i)
            .collect();
        Calibrated {
            values,
            at_crossover,
        }
    }

    /// The memberships after the user's choice for the cases at 0.5: with
    /// [`CrossoverCases::AddConstant`] each value listed in
    /// [`Calibrated::at_crossover`] becomes `0.5 + CROSSOVER_CONSTANT`;
    /// `at_crossover` keeps listing those cases, so that the page can flag
    /// them. O(number of cases at 0.5).
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::calibrate::*;
    /// let anchors = Anchors::new(1.0, 2.0, 3.0).unwrap();
    /// let out = calibrate(&[2.0, 3.0], &Calibration::Logistic { anchors, idm: 0.95 }).unwrap();
    /// let kept = out.with_choice(CrossoverCases::AddConstant);
    /// assert_eq!(kept.values[0], 0.501);
    /// assert_eq!(kept.at_crossover, vec![0]);
    /// ```
    #[must_use]
    pub fn with_choice(mut self, choice: CrossoverCases) -> Calibrated {
        if choice == CrossoverCases::AddConstant {
            for &i in &self.at_crossover {
                if let Some(v) = self.values.get_mut(i) {
                    *v = 0.5 + CROSSOVER_CONSTANT;
                }
            }
        }
        self
    }
}

/// R's `quantile(x, p, type = 7)`, ignoring NaN.
///
/// # Errors
/// [`CalibrationError::InvalidPercentile`], [`CalibrationError::NoData`].
pub fn quantile(x: &[f64], p: f64) -> Result<f64, CalibrationError> {
    if !(0.0..=1.0).contains(&p) {
        return Err(CalibrationError::InvalidPercentile { p });
    }
    let mut v: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
    if v.is_empty() {
        return Err(CalibrationError::NoData);
    }
    v.sort_by(f64::total_cmp);
    let h = (v.len() - 1) as f64 * p;
    let lo = h.floor();
    let at = |i: f64| v.get(i as usize).copied().unwrap_or(f64::NAN);
    let (a, b) = (at(lo), at(h.ceil()));
    Ok(a + (h - lo) * (b - a))
}

/// R's `all.equal(x, y)` for two numbers (relative tolerance 1.5e-8).
fn all_equal(x: f64, y: f64) -> bool {
    let diff = (x - y).abs();
    let scale = x.abs();
    if scale.is_finite() && scale > ALL_EQUAL_TOL {
        diff / scale <= ALL_EQUAL_TOL
    } else {
        diff <= ALL_EQUAL_TOL
    }
}

/// `x < a` or `x` all.equal to `a` (R's `x < a | check.equal(x, a)`).
fn le(x: f64, a: f64) -> bool {
    x < a || all_equal(x, a)
}

fn clamp(v: f64) -> f64 {
    if v < CALIBRATION_CLAMP {
        0.0
    } else if v > 1.0 - CALIBRATION_CLAMP {
        1.0
    } else {
        v
    }
}

/// The empirical distribution function of `sample` (sorted, no NaN).
fn ecdf_at(sample: &[f64], t: f64) -> f64 {
    let count = sample.partition_point(|&v| v <= t);
    count as f64 / sample.len() as f64
}

fn logistic(x: f64, a: &Anchors, idm: f64) -> f64 {
    let (mut ex, cr, mut inc) = (a.exclusion, a.crossover, a.inclusion);
    let decreasing = ex > inc;
    if decreasing {
        std::mem::swap(&mut ex, &mut inc);
    }
    let s = (idm / (1.0 - idm)).ln();
    let fs = if x < cr {
        1.0 / (1.0 + ((x - cr) * s / (ex - cr)).exp())
    } else {
        1.0 / (1.0 + (-(x - cr) * s / (inc - cr)).exp())
    };
    if decreasing { 1.0 - fs } else { fs }
}

fn linear(x: f64, a: &Anchors, below: f64, above: f64, fnx: Option<&[f64]>) -> f64 {
    let (ex, cr, inc) = (a.exclusion, a.crossover, a.inclusion);
    let f = |t: f64| fnx.map(|s| ecdf_at(s, t));
    if a.is_increasing() {
        if le(x, ex) {
            0.0
        } else if le(x, cr) {
            match (f(x), f(cr)) {
                (Some(fx), Some(fc)) => (fx / fc) / 2.0,
                _ => ((ex - x) / (ex - cr)).powf(below) / 2.0,
            }
        } else if le(x, inc) {
            match (f(x), f(cr)) {
                (Some(fx), Some(fc)) => 1.0 - ((1.0 - fx) / (1.0 - fc)) / 2.0,
                _ => 1.0 - ((inc - x) / (inc - cr)).powf(above) / 2.0,
            }
        } else {
            1.0
        }
    } else if le(x, inc) {
        1.0
    } else if le(x, cr) {
        match (f(x), f(cr)) {
            (Some(fx), Some(fc)) => 1.0 - (fx / fc) / 2.0,
            _ => 1.0 - ((inc - x) / (inc - cr)).powf(above) / 2.0,
        }
    } else if le(x, ex) {
        match (f(x), f(cr)) {
            (Some(fx), Some(fc)) => ((1.0 - fx) / (1.0 - fc)) / 2.0,
            _ => ((ex - x) / (ex - cr)).powf(below) / 2.0,
        }
    } else {
        0.0
    }
}

fn bell(x: f64, b: &BellAnchors, below: f64, above: f64) -> f64 {
    let BellAnchors {
        e1,
        c1,
        i1,
        i2,
        c2,
        e2,
    } = *b;
    let rise_out = |x: f64| ((e1 - x) / (e1 - c1)).powf(below) / 2.0;
    let rise_in = |x: f64| 1.0 - ((i1 - x) / (i1 - c1)).powf(above) / 2.0;
    let fall_in = |x: f64| 1.0 - ((i2 - x) / (i2 - c2)).powf(above) / 2.0;
    let fall_out = |x: f64| ((e2 - x) / (e2 - c2)).powf(below) / 2.0;
    if !b.is_inverse() {
        if le(x, e1) {
            0.0
        } else if le(x, c1) {
            rise_out(x)
        } else if x < i1 {
            rise_in(x)
        } else if le(x, i2) {
            1.0
        } else if le(x, c2) {
            fall_in(x)
        } else if le(x, e2) {
            fall_out(x)
        } else {
            0.0
        }
    } else if le(x, i1) {
        1.0
    } else if le(x, c1) {
        rise_in(x)
    } else if x < e1 {
        rise_out(x)
    } else if le(x, e2) {
        0.0
    } else if le(x, c2) {
        fall_out(x)
    } else if le(x, i2) {
        fall_in(x)
    } else {
        1.0
    }
}

fn check_exponent(name: &'static str, v: f64) -> Result<(), CalibrationError> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(CalibrationError::InvalidExponent { name, value: v })
    }
}

fn check_thresholds(thresholds: &[f64]) -> Result<Vec<f64>, CalibrationError> {
    if thresholds.is_empty() {
        return Err(CalibrationError::NoThresholds);
    }
    let mut t = thresholds.to_vec();
    for &v in &t {
        finite("threshold", v)?;
    }
    t.sort_by(f64::total_cmp);
    Ok(t)
}

/// Calibrates the raw values `x` (NaN = missing) with `method`.
///
/// # Example
/// ```
/// use policylens::analysis::calibrate::{calibrate, Anchors, Calibration};
/// let anchors = Anchors::new(165.0, 175.0, 185.0).unwrap();
/// let out = calibrate(&[175.0, 185.0, 130.0], &Calibration::Logistic { anchors, idm: 0.95 }).unwrap();
/// assert_eq!(out.values[0], 0.5);
/// assert!((out.values[1] - 0.95).abs() < 1e-12);
/// assert_eq!(out.values[2], 0.0); // below 1e-4: clamped like R
/// assert_eq!(out.at_crossover, vec![0]);
/// ```
///
/// # Errors
/// [`CalibrationError`] for invalid settings (idm, exponents, thresholds),
/// crisp thresholds outside the data, negative values for the indirect
/// method, or a regression that fails.
///
/// Complexity: O(n) for direct methods, O(n log n) with `ecdf`/TFR, O(n)
/// per IRLS iteration (≤ 25) for the indirect method.
pub fn calibrate(x: &[f64], method: &Calibration) -> Result<Calibrated, CalibrationError> {
    let values: Vec<f64> = match method {
        Calibration::Logistic { anchors, idm } => {
            if !(*idm > 0.5 && *idm < 1.0) {
                return Err(CalibrationError::InvalidIdm { idm: *idm });
            }
            x.iter()
                .map(|&v| clamp(logistic(v, anchors, *idm)))
                .collect()
        }
        Calibration::Linear {
            anchors,
            below,
            above,
            ecdf,
        } => {
            check_exponent("below", *below)?;
            check_exponent("above", *above)?;
            let sample = if *ecdf {
                let lo = anchors.exclusion.min(anchors.inclusion);
                let hi = anchors.exclusion.max(anchors.inclusion);
                let mut s: Vec<f64> = x
                    .iter()
                    .copied()
                    .filter(|v| !v.is_nan() && *v >= lo && *v <= hi)
                    .collect();
                if s.is_empty() {
                    return Err(CalibrationError::NoData);
                }
                s.sort_by(f64::total_cmp);
                Some(s)
            } else {
                None
            };
            x.iter()
                .map(|&v| {
                    if v.is_nan() {
                        v
                    } else {
                        clamp(linear(v, anchors, *below, *above, sample.as_deref()))
                    }
                })
                .collect()
        }
        Calibration::Bell {
            anchors,
            below,
            above,
        } => {
            check_exponent("below", *below)?;
            check_exponent("above", *above)?;
            x.iter()
                .map(|&v| {
                    if v.is_nan() {
                        v
                    } else {
                        clamp(bell(v, anchors, *below, *above))
                    }
                })
                .collect()
        }
        Calibration::Crisp { thresholds } => {
            let t = check_thresholds(thresholds)?;
            let present = x.iter().copied().filter(|v| !v.is_nan());
            let min = present.clone().fold(f64::INFINITY, f64::min);
            let max = present.fold(f64::NEG_INFINITY, f64::max);
            if !min.is_finite() {
                return Err(CalibrationError::NoData);
            }
            if let Some(&threshold) = t.iter().find(|&&th| th < min || th > max) {
                return Err(CalibrationError::ThresholdOutsideRange {
                    threshold,
                    min,
                    max,
                });
            }
            x.iter()
                .map(|&v| {
                    if v.is_nan() {
                        v
                    } else {
                        t.partition_point(|&th| th <= v) as f64
                    }
                })
                .collect()
        }
        Calibration::Indirect { thresholds } => indirect(x, &check_thresholds(thresholds)?)?,
        Calibration::Tfr => {
            let mut s: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
            if s.is_empty() {
                return Err(CalibrationError::NoData);
            }
            s.sort_by(f64::total_cmp);
            let e1 = ecdf_at(&s, 1.0);
            x.iter()
                .map(|&v| {
                    if v.is_nan() {
                        v
                    } else {
                        ((ecdf_at(&s, v) - e1) / (1.0 - e1)).max(0.0)
                    }
                })
                .collect()
        }
    };
    Ok(Calibrated::as_is(values))
}

/// R's logit link inverse (`family.c`), with its ±30 thresholds.
fn linkinv(eta: f64) -> f64 {
    const THRESH: f64 = 30.0;
    let tmp = if eta < -THRESH {
        f64::EPSILON
    } else if eta > THRESH {
        1.0 / f64::EPSILON
    } else {
        eta.exp()
    };
    tmp / (1.0 + tmp)
}

/// R's d mu / d eta for the logit link.
fn mu_eta(eta: f64) -> f64 {
    const THRESH: f64 = 30.0;
    if !(-THRESH..=THRESH).contains(&eta) {
        f64::EPSILON
    } else {
        let opexp = 1.0 + eta.exp();
        eta.exp() / (opexp * opexp)
    }
}

fn binomial_deviance(y: &[f64], mu: &[f64]) -> f64 {
    let ylogy = |y: f64, mu: f64| if y > 0.0 { y * (y / mu).ln() } else { 0.0 };
    y.iter()
        .zip(mu)
        .map(|(&y, &m)| 2.0 * (ylogy(y, m) + ylogy(1.0 - y, 1.0 - m)))
        .sum()
}

/// Weighted least squares by Householder QR with R's limited pivoting
/// (a column whose remaining norm falls below `tol` times its original norm
/// is aliased: its coefficient is 0). Returns the coefficients.
fn least_squares(cols: &[Vec<f64>], z: &[f64], tol: f64) -> Result<Vec<f64>, CalibrationError> {
    let n = z.len();
    let p = cols.len();
    let mut a: Vec<Vec<f64>> = cols.to_vec();
    let mut b = z.to_vec();
    let norms: Vec<f64> = a
        .iter()
        .map(|c| c.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect();
    let mut order: Vec<usize> = (0..p).collect();
    let mut rank = 0;
    let mut pending: Vec<usize> = (0..p).collect();
    while let Some(j) = pending.first().copied() {
        pending.remove(0);
        let col = a.get(j).cloned().unwrap_or_default();
        let norm: f64 = col.iter().skip(rank).map(|v| v * v).sum::<f64>().sqrt();
        if norm <= tol * norms.get(j).copied().unwrap_or(0.0) || norm == 0.0 {
            // Aliased column: coefficient 0.
            continue;
        }
        // Householder vector for rows rank..n of column j.
        let head = col.get(rank).copied().unwrap_or(0.0);
        let alpha = if head > 0.0 { -norm } else { norm };
        let mut v: Vec<f64> = col.iter().skip(rank).copied().collect();
        if let Some(v0) = v.first_mut() {
            *v0 -= alpha;
        }
        let vnorm2: f64 = v.iter().map(|x| x * x).sum();
        if vnorm2 > 0.0 {
            let reflect = |target: &mut Vec<f64>| {
                let dot: f64 = v
                    .iter()
                    .zip(target.iter().skip(rank))
                    .map(|(a, b)| a * b)
                    .sum();
                let f = 2.0 * dot / vnorm2;
                for (t, vi) in target.iter_mut().skip(rank).zip(&v) {
                    *t -= f * vi;
                }
            };
            for &other in pending.iter().chain(std::iter::once(&j)) {
                if let Some(c) = a.get_mut(other) {
                    reflect(c);
                }
            }
            reflect(&mut b);
        }
        if let Some(o) = order.get_mut(rank) {
            *o = j;
        }
        rank += 1;
        if rank >= n {
            pending.clear();
        }
    }
    // Back substitution on the rank × rank triangle.
    let mut coef = vec![0.0; p];
    for r in (0..rank).rev() {
        let j = order.get(r).copied().unwrap_or(0);
        let mut s = b.get(r).copied().unwrap_or(0.0);
        for r2 in r + 1..rank {
            let j2 = order.get(r2).copied().unwrap_or(0);
            s -= a.get(j2).and_then(|c| c.get(r)).copied().unwrap_or(0.0)
                * coef.get(j2).copied().unwrap_or(0.0);
        }
        let d = a.get(j).and_then(|c| c.get(r)).copied().unwrap_or(0.0);
        if d == 0.0 {
            return Err(CalibrationError::RegressionFailed {
                reason: "singular design",
            });
        }
        if let Some(c) = coef.get_mut(j) {
            *c = s / d;
        }
    }
    Ok(coef)
}

/// Ragin's indirect method as R QCA computes it (module docs).
fn indirect(x: &[f64], thresholds: &[f64]) -> Result<Vec<f64>, CalibrationError> {
    const EPSILON: f64 = 1e-8;
    const MAX_ITER: usize = 25;
    let t = thresholds.len();
    let target = |v: f64| {
        let above = thresholds.iter().filter(|&&th| v > th).count();
        (above as f64 / t as f64 * 1000.0).round() / 1000.0
    };
    for (i, &v) in x.iter().enumerate() {
        if v < 0.0 {
            return Err(CalibrationError::NegativeValue {
                row: i + 1,
                value: v,
            });
        }
    }
    let rows: Vec<usize> = (0..x.len())
        .filter(|&i| x.get(i).is_some_and(|v| !v.is_nan()))
        .collect();
    if rows.is_empty() {
        return Err(CalibrationError::NoData);
    }
    let xs: Vec<f64> = rows
        .iter()
        .filter_map(|&i| x.get(i))
        .map(|&v| if v == 0.0 { 0.00001 } else { v })
        .collect();
    let y: Vec<f64> = rows
        .iter()
        .filter_map(|&i| x.get(i))
        .map(|&v| target(v))
        .collect();
    let design: Vec<Vec<f64>> = vec![
        vec![1.0; xs.len()],
        xs.iter().map(|v| v.ln()).collect(),
        xs.iter().map(|v| v.sqrt()).collect(),
        xs.clone(),
        xs.iter().map(|v| v.powi(2)).collect(),
    ];
    let mut mu: Vec<f64> = y.iter().map(|&v| (v + 0.5) / 2.0).collect();
    let mut eta: Vec<f64> = mu.iter().map(|&m| (m / (1.0 - m)).ln()).collect();
    let mut dev_old = binomial_deviance(&y, &mu);
    let mut converged = false;
    for _ in 0..MAX_ITER {
        let me: Vec<f64> = eta.iter().map(|&e| mu_eta(e)).collect();
        let z: Vec<f64> = eta
            .iter()
            .zip(&y)
            .zip(&mu)
            .zip(&me)
            .map(|(((e, yv), m), d)| e + (yv - m) / d)
            .collect();
        let w: Vec<f64> = me
            .iter()
            .zip(&mu)
            .map(|(d, m)| (d * d / (m * (1.0 - m))).sqrt())
            .collect();
        let wcols: Vec<Vec<f64>> = design
            .iter()
            .map(|c| c.iter().zip(&w).map(|(a, b)| a * b).collect())
            .collect();
        let wz: Vec<f64> = z.iter().zip(&w).map(|(a, b)| a * b).collect();
        let coef = least_squares(&wcols, &wz, 1e-11)?;
        eta = (0..xs.len())
            .map(|i| {
                design
                    .iter()
                    .zip(&coef)
                    .map(|(c, b)| c.get(i).copied().unwrap_or(0.0) * b)
                    .sum()
            })
            .collect();
        mu = eta.iter().map(|&e| linkinv(e)).collect();
        let dev = binomial_deviance(&y, &mu);
        if !dev.is_finite() {
            return Err(CalibrationError::RegressionFailed {
                reason: "the deviance is not finite",
            });
        }
        if (dev - dev_old).abs() / (dev.abs() + 0.1) < EPSILON {
            converged = true;
            break;
        }
        dev_old = dev;
    }
    // R warns but still returns the last fit when IRLS does not converge.
    let _ = converged;
    let mut out = vec![f64::NAN; x.len()];
    for (&i, &m) in rows.iter().zip(&mu) {
        if let Some(o) = out.get_mut(i) {
            *o = clamp((m * 1e6).round() / 1e6);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn anchors(e: f64, c: f64, i: f64) -> Anchors {
        Anchors::new(e, c, i).unwrap_or_else(|err| panic!("{err}"))
    }

    fn run(x: &[f64], m: &Calibration) -> Vec<f64> {
        calibrate(x, m).unwrap_or_else(|e| panic!("{e}")).values
    }

    #[test]
    fn logistic_gives_idm_at_the_inclusion_anchor_and_half_at_the_crossover() {
        let v = run(
            &[165.0, 175.0, 185.0],
            &Calibration::Logistic {
                anchors: anchors(165.0, 175.0, 185.0),
                idm: 0.95,
            },
        );
        assert!((v[0] - 0.05).abs() < 1e-12);
        assert_eq!(v[1], 0.5);
        assert!((v[2] - 0.95).abs() < 1e-12);
    }

    #[test]
    fn decreasing_anchors_invert_the_set() {
        let up = run(
            &[170.0, 181.0],
            &Calibration::Logistic {
                anchors: anchors(165.0, 175.0, 185.0),
                idm: 0.95,
            },
        );
        let down = run(
            &[170.0, 181.0],
            &Calibration::Logistic {
                anchors: anchors(185.0, 175.0, 165.0),
                idm: 0.95,
            },
        );
        for (u, d) in up.iter().zip(&down) {
            assert!((u + d - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn linear_is_piecewise_through_the_anchors() {
        let m = Calibration::Linear {
            anchors: anchors(0.0, 10.0, 20.0),
            below: 1.0,
            above: 1.0,
            ecdf: false,
        };
        assert_eq!(
            run(&[-1.0, 0.0, 5.0, 10.0, 15.0, 20.0, 30.0], &m),
            vec![0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0]
        );
        let m = Calibration::Linear {
            anchors: anchors(20.0, 10.0, 0.0),
            below: 1.0,
            above: 1.0,
            ecdf: false,
        };
        assert_eq!(
            run(&[-1.0, 5.0, 15.0, 30.0], &m),
            vec![1.0, 0.75, 0.25, 0.0]
        );
    }

    #[test]
    fn bell_rises_and_falls() {
        let b = BellAnchors::new(0.0, 1.0, 2.0, 3.0, 4.0, 5.0).unwrap_or_else(|e| panic!("{e}"));
        let v = run(
            &[0.0, 1.0, 2.5, 4.0, 6.0],
            &Calibration::Bell {
                anchors: b,
                below: 1.0,
                above: 1.0,
            },
        );
        assert_eq!(v, vec![0.0, 0.5, 1.0, 0.5, 0.0]);
        let inv = BellAnchors::new(2.0, 1.0, 0.0, 5.0, 4.0, 3.0).unwrap_or_else(|e| panic!("{e}"));
        assert!(inv.is_inverse());
        let v = run(
            &[0.0, 1.0, 2.5, 4.0, 6.0],
            &Calibration::Bell {
                anchors: inv,
                below: 1.0,
                above: 1.0,
            },
        );
        assert_eq!(v, vec![1.0, 0.5, 0.0, 0.5, 1.0]);
    }

    #[test]
    fn crisp_counts_thresholds_at_or_below_the_value() {
        let v = run(
            &[1.0, 5.0, 7.0, 10.0],
            &Calibration::Crisp {
                thresholds: vec![7.0, 5.0],
            },
        );
        assert_eq!(v, vec![0.0, 1.0, 2.0, 2.0]);
    }

    #[test]
    fn tfr_rescales_the_empirical_distribution() {
        let v = run(&[1.0, 2.0, 3.0, 4.0], &Calibration::Tfr);
        assert_eq!(v, vec![0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0]);
    }

    #[test]
    fn indirect_fits_monotone_memberships() {
        let x: Vec<f64> = (1..=30).map(f64::from).collect();
        let v = run(
            &x,
            &Calibration::Indirect {
                thresholds: vec![8.0, 15.0, 22.0],
            },
        );
        assert!(v.windows(2).all(|w| w[0] <= w[1] + 1e-6), "{v:?}");
        assert!(v[0] < 0.2 && v[29] > 0.8);
    }

    #[test]
    fn missing_values_stay_missing_and_crossover_cases_are_reported() {
        let out = calibrate(
            &[f64::NAN, 10.0, 3.0],
            &Calibration::Linear {
                anchors: anchors(0.0, 10.0, 20.0),
                below: 1.0,
                above: 1.0,
                ecdf: false,
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.values[0].is_nan());
        assert_eq!(out.at_crossover, vec![1]);
    }

    #[test]
    fn percentile_and_likert_helpers() {
        let x: Vec<f64> = (0..=100).map(f64::from).collect();
        let a = Anchors::from_percentiles(&x, 0.05, 0.5, 0.95).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.exclusion(), a.crossover(), a.inclusion()),
            (5.0, 50.0, 95.0)
        );
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5).ok(), Some(2.5));
        assert_eq!(Anchors::likert7().crossover(), 4.0);
        assert_eq!(Anchors::likert5().inclusion(), 4.0);
    }

    #[test]
    fn every_error_path_is_reported() {
        assert!(matches!(
            Anchors::new(1.0, 1.0, 2.0),
            Err(CalibrationError::Unordered { .. })
        ));
        assert!(matches!(
            Anchors::new(1.0, 3.0, 2.0),
            Err(CalibrationError::Unordered { .. })
        ));
        assert!(matches!(
            Anchors::new(f64::NAN, 1.0, 2.0),
            Err(CalibrationError::NotFinite {
                name: "exclusion",
                ..
            })
        ));
        assert!(matches!(
            BellAnchors::new(0.0, 1.0, 2.0, 3.0, 4.0, 4.0),
            Err(CalibrationError::BellUnordered { .. })
        ));
        assert!(matches!(
            BellAnchors::new(0.0, 1.0, f64::INFINITY, 3.0, 4.0, 5.0),
            Err(CalibrationError::NotFinite { name: "i1", .. })
        ));
        let a = anchors(0.0, 1.0, 2.0);
        assert!(matches!(
            calibrate(
                &[1.0],
                &Calibration::Logistic {
                    anchors: a,
                    idm: 0.5
                }
            ),
            Err(CalibrationError::InvalidIdm { .. })
        ));
        assert!(matches!(
            calibrate(
                &[1.0],
                &Calibration::Linear {
                    anchors: a,
                    below: 0.0,
                    above: 1.0,
                    ecdf: false
                }
            ),
            Err(CalibrationError::InvalidExponent { name: "below", .. })
        ));
        assert!(matches!(
            calibrate(
                &[5.0],
                &Calibration::Linear {
                    anchors: a,
                    below: 1.0,
                    above: 1.0,
                    ecdf: true
                }
            ),
            Err(CalibrationError::NoData)
        ));
        let b = BellAnchors::new(0.0, 1.0, 2.0, 3.0, 4.0, 5.0).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            calibrate(
                &[1.0],
                &Calibration::Bell {
                    anchors: b,
                    below: 1.0,
                    above: -1.0
                }
            ),
            Err(CalibrationError::InvalidExponent { name: "above", .. })
        ));
        assert!(matches!(
            calibrate(&[1.0], &Calibration::Crisp { thresholds: vec![] }),
            Err(CalibrationError::NoThresholds)
        ));
        assert!(matches!(
            calibrate(
                &[1.0, 2.0],
                &Calibration::Crisp {
                    thresholds: vec![5.0]
                }
            ),
            Err(CalibrationError::ThresholdOutsideRange { threshold: 5.0, .. })
        ));
        assert!(matches!(
            calibrate(
                &[1.0],
                &Calibration::Crisp {
                    thresholds: vec![f64::NAN]
                }
            ),
            Err(CalibrationError::NotFinite {
                name: "threshold",
                ..
            })
        ));
        assert!(matches!(
            calibrate(
                &[f64::NAN],
                &Calibration::Crisp {
                    thresholds: vec![1.0]
                }
            ),
            Err(CalibrationError::NoData)
        ));
        assert!(matches!(
            calibrate(
                &[1.0, -2.0],
                &Calibration::Indirect {
                    thresholds: vec![1.0]
                }
            ),
            Err(CalibrationError::NegativeValue { row: 2, .. })
        ));
        assert!(matches!(
            calibrate(
                &[f64::NAN],
                &Calibration::Indirect {
                    thresholds: vec![1.0]
                }
            ),
            Err(CalibrationError::NoData)
        ));
        assert!(matches!(
            calibrate(&[], &Calibration::Tfr),
            Err(CalibrationError::NoData)
        ));
        assert!(matches!(
            quantile(&[1.0], 1.5),
            Err(CalibrationError::InvalidPercentile { .. })
        ));
    }

    proptest! {
        #[test]
        fn membership_is_monotone_between_anchors_and_within_zero_one(
            e in -100.0..0.0f64, gap1 in 0.1..50.0f64, gap2 in 0.1..50.0f64,
            mut xs in proptest::collection::vec(-200.0..200.0f64, 2..30),
            idm in 0.51..0.999f64, below in 0.2..5.0f64, above in 0.2..5.0f64,
        ) {
            xs.sort_by(f64::total_cmp);
            let a = anchors(e, e + gap1, e + gap1 + gap2);
            for m in [
                Calibration::Logistic { anchors: a, idm },
                Calibration::Linear { anchors: a, below, above, ecdf: false },
            ] {
                let v = run(&xs, &m);
                prop_assert!(v.iter().all(|m| (0.0..=1.0).contains(m)));
                prop_assert!(v.windows(2).all(|w| w[0] <= w[1] + 1e-12), "{:?}", v);
            }
        }
    }

    #[test]
    fn adding_the_constant_moves_only_the_cases_at_one_half() {
        let anchors = Anchors::new(1.0, 2.0, 3.0).unwrap_or_else(|e| panic!("{e}"));
        let method = Calibration::Logistic { anchors, idm: 0.95 };
        let out =
            calibrate(&[2.0, 3.0, f64::NAN, 2.0, 1.5], &method).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.at_crossover, vec![0, 3]);
        let left = out.clone().with_choice(CrossoverCases::LeaveOut);
        let bits = |c: &Calibrated| c.values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&left), bits(&out));
        let kept = out.clone().with_choice(CrossoverCases::AddConstant);
        assert_eq!(kept.at_crossover, vec![0, 3]);
        assert_eq!(kept.values[0], 0.5 + CROSSOVER_CONSTANT);
        assert_eq!(kept.values[3], 0.5 + CROSSOVER_CONSTANT);
        assert_eq!(kept.values[1], out.values[1]);
        assert!(kept.values[2].is_nan());
        assert_eq!(kept.values[4], out.values[4]);
    }

    #[test]
    fn the_crossover_choice_defaults_to_leaving_the_cases_out() {
        assert_eq!(CrossoverCases::default(), CrossoverCases::LeaveOut);
    }
}
