//! Power–interest grid (Mendelow 1991; Johnson & Scholes): power and
//! interest, each high or low by a cut point, give four quadrants.
//!
//! Rule: high power ⇔ power ≥ power cut; high interest ⇔ interest ≥
//! interest cut (cuts in raw scale units; default: the scale midpoint).
//! Quadrants: high/high manage closely (key players), high power/low
//! interest keep satisfied, low power/high interest keep informed,
//! low/low monitor (minimum effort).

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::model::Ratings;
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_cut};
use super::tolerance::SCALE_EPS;

/// The four quadrants of the power–interest grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High power, high interest.
    ManageClosely,
    /// High power, low interest.
    KeepSatisfied,
    /// Low power, high interest.
    KeepInformed,
    /// Low power, low interest.
    Monitor,
}

impl Quadrant {
    /// All quadrants.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::ManageClosely,
        Quadrant::KeepSatisfied,
        Quadrant::KeepInformed,
        Quadrant::Monitor,
    ];

    /// The quadrant of a (high power?, high interest?) pair.
    pub fn from_flags(high_power: bool, high_interest: bool) -> Self {
        match (high_power, high_interest) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "mendelow.manage_closely",
            Quadrant::KeepSatisfied => "mendelow.keep_satisfied",
            Quadrant::KeepInformed => "mendelow.keep_informed",
            Quadrant::Monitor => "mendelow.monitor",
        }
    }
}

/// Settings of the power–interest grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MendelowModel {
    /// Dimension of power.
    pub power: String,
    /// Dimension of interest.
    pub interest: String,
    /// Power cut point (raw units); `None` = midpoint of the power scale.
    pub power_cut: Option<f64>,
    /// Interest cut point (raw units); `None` = midpoint of the interest scale.
    pub interest_cut: Option<f64>,
}

impl Default for MendelowModel {
    fn default() -> Self {
        Self {
            power: "power".into(),
            interest: "interest".into(),
            power_cut: None,
            interest_cut: None,
        }
    }
}

/// One stakeholder on the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridPlacement {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Power rating.
    pub power: f64,
    /// Interest rating.
    pub interest: f64,
    /// Quadrant.
    pub quadrant: Quadrant,
}

impl MendelowModel {
    /// The cut points in use (defaults resolved to midpoints).
    ///
    /// # Errors
    /// Unknown dimensions or a non-finite cut.
    pub fn cuts(&self, ratings: &Ratings) -> Result<(f64, f64), StakeholderError> {
        let p = self
            .power_cut
            .unwrap_or(ratings.scale(&self.power)?.midpoint());
        let i = self
            .interest_cut
            .unwrap_or(ratings.scale(&self.interest)?.midpoint());
        for (setting, v) in [("mendelow.power_cut", p), ("mendelow.interest_cut", i)] {
            if !v.is_finite() {
                return Err(StakeholderError::InvalidSetting {
                    setting: setting.into(),
                    value: v,
                    rule: "must be a finite number",
                });
            }
        }
        Ok((p, i))
    }

    /// Places every stakeholder in its quadrant.
    ///
    /// # Errors
    /// Unknown dimensions, missing ratings, or invalid cuts.
    pub fn classify(&self, ratings: &Ratings) -> Result<Vec<GridPlacement>, StakeholderError> {
        let (pc, ic) = self.cuts(ratings)?;
        (0..ratings.len())
            .map(|s| {
                let power = ratings.require(s, &self.power)?;
                let interest = ratings.require(s, &self.interest)?;
                Ok(GridPlacement {
                    stakeholder: s,
                    power,
                    interest,
                    quadrant: Quadrant::from_flags(
                        power + SCALE_EPS >= pc,
                        interest + SCALE_EPS >= ic,
                    ),
                })
            })
            .collect()
    }
}

impl Classifier for MendelowModel {
    /// Class: the quadrant; no score (the grid does not rank).
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .classify(ratings)?
            .into_iter()
            .map(|g| Outcome {
                class: g.quadrant.key(),
                score: None,
            })
            .collect())
    }

    /// Moves both cuts by up to ±spread × their scale width.
    fn perturbed(
        &self,
        ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let (pc, ic) = self.cuts(ratings)?;
        let pw = ratings.scale(&self.power)?.range();
        let iw = ratings.scale(&self.interest)?.range();
        Ok(Self {
            power_cut: Some(perturb_cut(pc, pw, rng, spread)),
            interest_cut: Some(perturb_cut(ic, iw, rng, spread)),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::{Dimension, Scale, Stakeholder};

    #[test]
    fn quadrants_follow_the_cut_points() -> Result<(), StakeholderError> {
        let r = Ratings::new(
            ["a", "b", "c", "d"]
                .map(|n| Stakeholder::new(n, ""))
                .to_vec(),
            vec![
                Dimension::new("power", Scale::likert(5)?),
                Dimension::new("interest", Scale::likert(5)?),
            ],
            vec![
                vec![Some(5.0), Some(3.0)],
                vec![Some(4.0), Some(2.0)],
                vec![Some(2.9), Some(5.0)],
                vec![Some(1.0), Some(1.0)],
            ],
        )?;
        let q: Vec<Quadrant> = MendelowModel::default()
            .classify(&r)?
            .iter()
            .map(|g| g.quadrant)
            .collect();
        assert_eq!(
            q,
            vec![
                Quadrant::ManageClosely,
                Quadrant::KeepSatisfied,
                Quadrant::KeepInformed,
                Quadrant::Monitor
            ]
        );
        let moved = MendelowModel {
            power_cut: Some(4.5),
            ..MendelowModel::default()
        };
        assert_eq!(
            moved.classify(&r)?.get(1).map(|g| g.quadrant),
            Some(Quadrant::Monitor)
        );
        Ok(())
    }
}
