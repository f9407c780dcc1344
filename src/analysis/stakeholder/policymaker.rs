//! PolicyMaker (Reich & Cooper, PolicyMaker 5, Harvard School of Public
//! Health): each player's position on the policy (−7 … +7) and power
//! (1 … 7), with an optional weight, give the feasibility indices.
//!
//! Rule:
//! - position bands: |p| ≥ `position_high` (default 5) high, ≥
//!   `position_medium` (3) medium, otherwise low support (p > 0) or
//!   opposition (p < 0); p = 0 is non-mobilized;
//! - power bands: ≥ `power_high` (5) high, ≥ `power_medium` (3) medium,
//!   below low;
//! - each player contributes |position| × power × weight to the
//!   supporters' or opponents' index; a non-mobilized player contributes
//!   `non_mobilized_intensity` (5) × power × weight to the non-mobilized
//!   index. Example: position 5.5, power 4.2, weight 1 → 23.1 to the supporters.
//! - feasibility balance = supporters − opponents; support share =
//!   supporters / (supporters + opponents).
//!
//! Source of the default cut points: PolicyMaker names the seven position
//! bands (high / medium / low support, non-mobilized, low / medium / high
//! opposition) and three power levels, but the numeric cuts 5 and 3 on the
//! 1–7 intensity (and the intensity 5 of non-mobilized players) are a
//! convention that splits the scale into roughly equal thirds, not values
//! read from the PolicyMaker 5 documentation; they are settings
//! ([`PolicyMakerCuts`]) that the page shows and lets the user change.

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::model::{Level, Ratings};
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_cut, perturb_weight};
use super::tolerance::SCALE_EPS;

/// The seven position bands of PolicyMaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PositionBand {
    /// |p| ≥ high cut, p < 0.
    HighOpposition,
    /// Medium opposition.
    MediumOpposition,
    /// Low opposition.
    LowOpposition,
    /// p = 0.
    NonMobilized,
    /// Low support.
    LowSupport,
    /// Medium support.
    MediumSupport,
    /// High support.
    HighSupport,
}

impl PositionBand {
    /// From high opposition to high support (the columns of the position map).
    pub const ALL: [PositionBand; 7] = [
        PositionBand::HighOpposition,
        PositionBand::MediumOpposition,
        PositionBand::LowOpposition,
        PositionBand::NonMobilized,
        PositionBand::LowSupport,
        PositionBand::MediumSupport,
        PositionBand::HighSupport,
    ];

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            PositionBand::HighOpposition => "pm.position.high_opposition",
            PositionBand::MediumOpposition => "pm.position.medium_opposition",
            PositionBand::LowOpposition => "pm.position.low_opposition",
            PositionBand::NonMobilized => "pm.position.non_mobilized",
            PositionBand::LowSupport => "pm.position.low_support",
            PositionBand::MediumSupport => "pm.position.medium_support",
            PositionBand::HighSupport => "pm.position.high_support",
        }
    }

    /// Which index the player feeds.
    pub fn side(self) -> Side {
        match self {
            PositionBand::HighOpposition
            | PositionBand::MediumOpposition
            | PositionBand::LowOpposition => Side::Opponents,
            PositionBand::NonMobilized => Side::NonMobilized,
            _ => Side::Supporters,
        }
    }
}

/// The three feasibility indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Position > 0.
    Supporters,
    /// Position = 0.
    NonMobilized,
    /// Position < 0.
    Opponents,
}

impl Side {
    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            Side::Supporters => "pm.side.supporters",
            Side::NonMobilized => "pm.side.non_mobilized",
            Side::Opponents => "pm.side.opponents",
        }
    }
}

/// Cut points of PolicyMaker (raw units of position and power). Defaults:
/// 5 and 3 for both |position| and power, intensity 5 (a convention, see
/// the module docs). A field missing from an older project file takes its
/// default.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyMakerCuts {
    /// |position| at or above: high.
    pub position_high: f64,
    /// |position| at or above: medium.
    pub position_medium: f64,
    /// Power at or above: high.
    pub power_high: f64,
    /// Power at or above: medium.
    pub power_medium: f64,
    /// Intensity counted for non-mobilized players.
    pub non_mobilized_intensity: f64,
}

impl Default for PolicyMakerCuts {
    fn default() -> Self {
        Self {
            position_high: 5.0,
            position_medium: 3.0,
            power_high: 5.0,
            power_medium: 3.0,
            non_mobilized_intensity: 5.0,
        }
    }
}

/// Settings of the PolicyMaker model (missing fields of an older project
/// file take their defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyMakerModel {
    /// Dimension of position (−7 … +7).
    pub position: String,
    /// Dimension of power (1 … 7).
    pub power: String,
    /// Dimension of the weight, if any (otherwise every weight is 1).
    pub weight: Option<String>,
    /// Cut points.
    pub cuts: PolicyMakerCuts,
    /// Per-player weight multipliers (table order; missing = 1), drawn by
    /// the sensitivity analysis; not saved in the project file.
    #[serde(skip)]
    pub weight_jitter: Vec<f64>,
}

impl Default for PolicyMakerModel {
    fn default() -> Self {
        Self {
            position: "position".into(),
            power: "power".into(),
            weight: None,
            cuts: PolicyMakerCuts::default(),
            weight_jitter: Vec::new(),
        }
    }
}

/// One player of the PolicyMaker analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Player {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Position.
    pub position: f64,
    /// Power.
    pub power: f64,
    /// Weight.
    pub weight: f64,
    /// Position band.
    pub band: PositionBand,
    /// Power band.
    pub power_band: Level,
    /// The index it contributes to.
    pub side: Side,
    /// Its contribution to that index.
    pub contribution: f64,
}

/// The PolicyMaker result: players and feasibility indices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feasibility {
    /// Every player, in table order.
    pub players: Vec<Player>,
    /// Σ |p| × power × weight over supporters.
    pub supporters: f64,
    /// Σ intensity × power × weight over non-mobilized players.
    pub non_mobilized: f64,
    /// Σ |p| × power × weight over opponents.
    pub opponents: f64,
}

impl Feasibility {
    /// supporters − opponents.
    pub fn balance(&self) -> f64 {
        self.supporters - self.opponents
    }

    /// supporters / (supporters + opponents); `None` when both are 0.
    pub fn support_share(&self) -> Option<f64> {
        let t = self.supporters + self.opponents;
        (t > 0.0).then(|| self.supporters / t)
    }
}

impl PolicyMakerCuts {
    /// The values for the placeholders of the model's help text
    /// (`{position_high}`, `{position_medium}`, `{power_high}`,
    /// `{power_medium}`, `{intensity}`), at most 3 decimals.
    pub fn text_params(&self) -> Vec<(String, String)> {
        let n = |v: f64| {
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        vec![
            ("position_high".into(), n(self.position_high)),
            ("position_medium".into(), n(self.position_medium)),
            ("power_high".into(), n(self.power_high)),
            ("power_medium".into(), n(self.power_medium)),
            ("intensity".into(), n(self.non_mobilized_intensity)),
        ]
    }

    fn validate(&self) -> Result<(), StakeholderError> {
        let checks = [
            (
                "policymaker.position_medium",
                self.position_medium,
                self.position_medium > 0.0,
            ),
            (
                "policymaker.position_high",
                self.position_high,
                self.position_high >= self.position_medium,
            ),
            (
                "policymaker.power_medium",
                self.power_medium,
                self.power_medium.is_finite(),
            ),
            (
                "policymaker.power_high",
                self.power_high,
                self.power_high >= self.power_medium,
            ),
            (
                "policymaker.non_mobilized_intensity",
                self.non_mobilized_intensity,
                self.non_mobilized_intensity >= 0.0,
            ),
        ];
        for (setting, value, ok) in checks {
            if !(ok && value.is_finite()) {
                return Err(StakeholderError::InvalidSetting {
                    setting: setting.into(),
                    value,
                    rule: "cuts must be finite, positive and ordered (medium ≤ high)",
                });
            }
        }
        Ok(())
    }

    /// The band of a position.
    pub fn band(&self, position: f64) -> PositionBand {
        let a = position.abs();
        if a <= SCALE_EPS {
            return PositionBand::NonMobilized;
        }
        let (h, m, l) = if position > 0.0 {
            (
                PositionBand::HighSupport,
                PositionBand::MediumSupport,
                PositionBand::LowSupport,
            )
        } else {
            (
                PositionBand::HighOpposition,
                PositionBand::MediumOpposition,
                PositionBand::LowOpposition,
            )
        };
        if a + SCALE_EPS >= self.position_high {
            h
        } else if a + SCALE_EPS >= self.position_medium {
            m
        } else {
            l
        }
    }

    /// The band of a power rating.
    pub fn power_band(&self, power: f64) -> Level {
        if power + SCALE_EPS >= self.power_high {
            Level::High
        } else if power + SCALE_EPS >= self.power_medium {
            Level::Moderate
        } else {
            Level::Low
        }
    }
}

impl PolicyMakerModel {
    /// Computes every player's band and contribution, and the three indices.
    ///
    /// # Errors
    /// Invalid cuts, unknown dimensions, missing ratings, or a negative weight.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::stakeholder::*;
    /// let dims = vec![Dimension::new("position", Scale::new(-7.0, 7.0).unwrap()),
    ///                 Dimension::new("power", Scale::new(1.0, 7.0).unwrap())];
    /// let r = Ratings::new(vec![Stakeholder::new("Ministry", "")], dims,
    ///     vec![vec![Some(5.5), Some(4.2)]]).unwrap();
    /// let f = PolicyMakerModel::default().feasibility(&r).unwrap();
    /// assert!((f.supporters - 23.1).abs() < 1e-12);
    /// ```
    pub fn feasibility(&self, ratings: &Ratings) -> Result<Feasibility, StakeholderError> {
        self.cuts.validate()?;
        let mut f = Feasibility {
            players: Vec::with_capacity(ratings.len()),
            supporters: 0.0,
            non_mobilized: 0.0,
            opponents: 0.0,
        };
        for s in 0..ratings.len() {
            let position = ratings.require(s, &self.position)?;
            let power = ratings.require(s, &self.power)?;
            let weight = match &self.weight {
                Some(w) => ratings.require(s, w)?,
                None => 1.0,
            } * self.weight_jitter.get(s).copied().unwrap_or(1.0);
            if weight < 0.0 {
                return Err(StakeholderError::InvalidSetting {
                    setting: format!(
                        "policymaker.weight[{}]",
                        ratings
                            .stakeholders()
                            .get(s)
                            .map(|x| x.name.as_str())
                            .unwrap_or("")
                    ),
                    value: weight,
                    rule: "weights must not be negative",
                });
            }
            let band = self.cuts.band(position);
            let side = band.side();
            let intensity = if side == Side::NonMobilized {
                self.cuts.non_mobilized_intensity
            } else {
                position.abs()
            };
            let contribution = intensity * power * weight;
            match side {
                Side::Supporters => f.supporters += contribution,
                Side::NonMobilized => f.non_mobilized += contribution,
                Side::Opponents => f.opponents += contribution,
            }
            f.players.push(Player {
                stakeholder: s,
                position,
                power,
                weight,
                band,
                power_band: self.cuts.power_band(power),
                side,
                contribution,
            });
        }
        Ok(f)
    }
}

impl Classifier for PolicyMakerModel {
    /// Class: the position band; score: the contribution.
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .feasibility(ratings)?
            .players
            .into_iter()
            .map(|p| Outcome {
                class: p.band.key(),
                score: Some(p.contribution),
            })
            .collect())
    }

    /// Moves the position cuts (by up to ±spread × half the position scale
    /// width), the power cuts (±spread × power scale width), the
    /// non-mobilized intensity and every player's weight (±spread, relative).
    fn perturbed(
        &self,
        ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let pw = ratings.scale(&self.position)?.range() / 2.0;
        let qw = ratings.scale(&self.power)?.range();
        let mut m = self.clone();
        let c = &mut m.cuts;
        let med = perturb_cut(c.position_medium, pw, rng, spread).max(SCALE_EPS * 10.0);
        let high = perturb_cut(c.position_high, pw, rng, spread);
        c.position_medium = med.min(high);
        c.position_high = high.max(med);
        let pmed = perturb_cut(c.power_medium, qw, rng, spread);
        let phigh = perturb_cut(c.power_high, qw, rng, spread);
        c.power_medium = pmed.min(phigh);
        c.power_high = phigh.max(pmed);
        c.non_mobilized_intensity = perturb_weight(c.non_mobilized_intensity, rng, spread);
        m.weight_jitter = (0..ratings.len())
            .map(|_| perturb_weight(1.0, rng, spread))
            .collect();
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::{Dimension, Scale, Stakeholder};

    #[test]
    fn settings_without_cut_points_open_with_the_defaults() -> Result<(), serde_json::Error> {
        let old: PolicyMakerModel =
            serde_json::from_str(r#"{"position":"pos","power":"pow","weight":null}"#)?;
        assert_eq!(old.cuts, PolicyMakerCuts::default());
        assert_eq!(old.position, "pos");
        let partial: PolicyMakerModel = serde_json::from_str(r#"{"cuts":{"position_high":6}}"#)?;
        assert_eq!(partial.cuts.position_high, 6.0);
        assert_eq!(partial.cuts.position_medium, 3.0);
        assert_eq!(partial.power, "power");
        Ok(())
    }

    #[test]
    fn edited_cut_points_move_the_bands_and_fill_the_help() -> Result<(), StakeholderError> {
        let r = ratings(&[(5.5, 4.2), (-4.0, 6.0)])?;
        let m = PolicyMakerModel {
            cuts: PolicyMakerCuts {
                position_high: 6.0,
                position_medium: 4.0,
                power_high: 4.0,
                ..PolicyMakerCuts::default()
            },
            ..PolicyMakerModel::default()
        };
        let f = m.feasibility(&r)?;
        let bands: Vec<(PositionBand, Level)> =
            f.players.iter().map(|p| (p.band, p.power_band)).collect();
        assert_eq!(
            bands,
            [
                (PositionBand::MediumSupport, Level::High),
                (PositionBand::MediumOpposition, Level::High)
            ]
        );
        let help = crate::analysis::stakeholder::fill(
            crate::analysis::stakeholder::text(
                "rule.policymaker.bands",
                crate::analysis::stakeholder::Lang::En,
            )
            .unwrap_or(""),
            &m.cuts.text_params(),
        );
        assert!(
            help.contains("|position| ≥ 6 is high, 4 to below 6 medium"),
            "{help}"
        );
        assert!(
            help.contains("power ≥ 4 high, 3 to below 4 medium"),
            "{help}"
        );
        Ok(())
    }

    #[test]
    fn a_power_cut_that_is_not_a_number_is_refused() -> Result<(), StakeholderError> {
        let m = PolicyMakerModel {
            cuts: PolicyMakerCuts {
                power_medium: f64::NAN,
                ..PolicyMakerCuts::default()
            },
            ..PolicyMakerModel::default()
        };
        assert!(matches!(
            m.feasibility(&ratings(&[(1.0, 1.0)])?),
            Err(StakeholderError::InvalidSetting { setting, .. }) if setting == "policymaker.power_medium"
        ));
        Ok(())
    }

    fn ratings(rows: &[(f64, f64)]) -> Result<Ratings, StakeholderError> {
        Ratings::new(
            (0..rows.len())
                .map(|i| Stakeholder::new(format!("P{i}"), ""))
                .collect(),
            vec![
                Dimension::new("position", Scale::new(-7.0, 7.0)?),
                Dimension::new("power", Scale::new(1.0, 7.0)?),
            ],
            rows.iter().map(|&(p, q)| vec![Some(p), Some(q)]).collect(),
        )
    }

    #[test]
    fn policymaker_example_gives_23_1_to_the_supporters() -> Result<(), StakeholderError> {
        let f = PolicyMakerModel::default().feasibility(&ratings(&[(5.5, 4.2)])?)?;
        assert!((f.supporters - 23.1).abs() < 1e-12);
        assert_eq!(
            f.players.first().map(|p| p.band),
            Some(PositionBand::HighSupport)
        );
        assert_eq!(
            f.players.first().map(|p| p.power_band),
            Some(Level::Moderate)
        );
        Ok(())
    }

    #[test]
    fn non_mobilized_players_count_with_intensity_five() -> Result<(), StakeholderError> {
        let f = PolicyMakerModel::default().feasibility(&ratings(&[
            (0.0, 3.0),
            (-4.0, 2.0),
            (2.0, 6.0),
        ])?)?;
        assert!((f.non_mobilized - 15.0).abs() < 1e-12);
        assert!((f.opponents - 8.0).abs() < 1e-12);
        assert!((f.supporters - 12.0).abs() < 1e-12);
        assert!((f.balance() - 4.0).abs() < 1e-12);
        let bands: Vec<PositionBand> = f.players.iter().map(|p| p.band).collect();
        assert_eq!(
            bands,
            vec![
                PositionBand::NonMobilized,
                PositionBand::MediumOpposition,
                PositionBand::LowSupport
            ]
        );
        Ok(())
    }

    #[test]
    fn sensitivity_moves_weights_so_ranks_can_change() -> Result<(), StakeholderError> {
        use crate::analysis::stakeholder::{SensitivitySettings, sensitivity};
        // two supporters with nearly equal contributions: 4 × 5 = 20 and 5 × 4.1 = 20.5
        let r = ratings(&[(4.0, 5.0), (5.0, 4.1)])?;
        let st = sensitivity(
            &PolicyMakerModel::default(),
            &r,
            &SensitivitySettings::default(),
        )?;
        assert!(
            st.iter()
                .all(|x| x.rank_stability.is_some_and(|p| p < 100.0 && p > 0.0))
        );
        Ok(())
    }

    #[test]
    fn power_bands_follow_methods() {
        let c = PolicyMakerCuts::default();
        assert_eq!(c.power_band(5.0), Level::High);
        assert_eq!(c.power_band(4.99), Level::Moderate);
        assert_eq!(c.power_band(3.0), Level::Moderate);
        assert_eq!(c.power_band(2.9), Level::Low);
    }
}
