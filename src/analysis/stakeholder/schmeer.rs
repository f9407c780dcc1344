//! Schmeer's stakeholder analysis (Schmeer 1999, *Guidelines for
//! Conducting a Stakeholder Analysis*, PHR/Abt Associates; WHO 2000
//! stakeholder analysis guidelines).
//!
//! Inputs per stakeholder: knowledge of the policy (3 a lot, 2 some,
//! 1 none), position (supporter, moderate supporter, neutral, moderate
//! opponent, opponent), resources — quantity and ability to mobilize, each
//! 1–3 — and optionally leadership (willingness to initiate or lead action
//! for or against the policy: yes/no).
//!
//! Rule:
//! - knowledge level: the rating read as a level on its scale (thirds);
//! - position category: the position scale is cut into five equal bands,
//!   lowest = opponent, highest = supporter (so −2…+2 and 1…5 both work);
//! - power index = (quantity + mobilization) / 2 on the 1–3 scale;
//!   high when ≥ `power_high` (2.5), medium when ≥ `power_medium` (1.5), else low;
//! - leadership = rating ≥ the midpoint of its scale (yes/no as 1/0).

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::four_dim::LevelCuts;
use super::model::{Level, Ratings, Scale, ScaleLabel};
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_cut};
use super::tolerance::SCALE_EPS;

/// Schmeer's five positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchmeerPosition {
    /// O.
    Opponent,
    /// MO.
    ModerateOpponent,
    /// N.
    Neutral,
    /// MS.
    ModerateSupporter,
    /// S.
    Supporter,
}

impl SchmeerPosition {
    /// From opponent to supporter.
    pub const ALL: [SchmeerPosition; 5] = [
        SchmeerPosition::Opponent,
        SchmeerPosition::ModerateOpponent,
        SchmeerPosition::Neutral,
        SchmeerPosition::ModerateSupporter,
        SchmeerPosition::Supporter,
    ];

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            SchmeerPosition::Opponent => "schmeer.position.opponent",
            SchmeerPosition::ModerateOpponent => "schmeer.position.moderate_opponent",
            SchmeerPosition::Neutral => "schmeer.position.neutral",
            SchmeerPosition::ModerateSupporter => "schmeer.position.moderate_supporter",
            SchmeerPosition::Supporter => "schmeer.position.supporter",
        }
    }

    /// −2 (opponent) … +2 (supporter).
    pub fn signed(self) -> i8 {
        self as i8 - 2
    }
}

/// The position scale −2…+2 with Schmeer's letter codes and Chinese labels
/// (O/MO/N/MS/S; 反对/中度反对/中立/中度支持/支持).
pub fn position_scale() -> Scale {
    let l = |t: &str, v: f64| ScaleLabel {
        text: t.to_string(),
        value: v,
    };
    let base = Scale::new(-2.0, 2.0).unwrap_or_else(|_| Scale::three_level());
    base.with_labels(vec![
        l("O", -2.0),
        l("opponent", -2.0),
        l("反对", -2.0),
        l("MO", -1.0),
        l("moderate opponent", -1.0),
        l("中度反对", -1.0),
        l("N", 0.0),
        l("neutral", 0.0),
        l("中立", 0.0),
        l("MS", 1.0),
        l("moderate supporter", 1.0),
        l("中度支持", 1.0),
        l("S", 2.0),
        l("supporter", 2.0),
        l("支持", 2.0),
    ])
}

/// Settings of the Schmeer model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchmeerModel {
    /// Dimension of knowledge (1–3).
    pub knowledge: String,
    /// Dimension of position.
    pub position: String,
    /// Dimension of the quantity of resources (1–3).
    pub resources: String,
    /// Dimension of the ability to mobilize resources (1–3).
    pub mobilization: String,
    /// Dimension of leadership (yes/no as 1/0), if rated.
    pub leadership: Option<String>,
    /// Power index at or above: high.
    pub power_high: f64,
    /// Power index at or above: medium.
    pub power_medium: f64,
}

impl Default for SchmeerModel {
    fn default() -> Self {
        Self {
            knowledge: "knowledge".into(),
            position: "position".into(),
            resources: "resources".into(),
            mobilization: "mobilization".into(),
            leadership: None,
            power_high: 2.5,
            power_medium: 1.5,
        }
    }
}

/// One stakeholder in Schmeer's analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchmeerResult {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Knowledge level.
    pub knowledge: Level,
    /// Position.
    pub position: SchmeerPosition,
    /// Power index (mean of resources and mobilization), 1–3 on the default scales.
    pub power_index: f64,
    /// Power level.
    pub power: Level,
    /// Leadership, if rated.
    pub leadership: Option<bool>,
}

impl SchmeerModel {
    /// Analyses every stakeholder.
    ///
    /// # Errors
    /// Unknown dimensions, missing ratings, or unordered power cuts.
    pub fn classify(&self, ratings: &Ratings) -> Result<Vec<SchmeerResult>, StakeholderError> {
        if !(self.power_medium.is_finite()
            && self.power_high.is_finite()
            && self.power_medium <= self.power_high)
        {
            return Err(StakeholderError::InvalidSetting {
                setting: "schmeer.power_medium".into(),
                value: self.power_medium,
                rule: "power cuts must be finite with medium ≤ high",
            });
        }
        let ks = ratings.scale(&self.knowledge)?.clone();
        let ps = ratings.scale(&self.position)?.clone();
        let cuts = LevelCuts::default();
        (0..ratings.len())
            .map(|s| {
                let k = ratings.require(s, &self.knowledge)?;
                let p = ratings.require(s, &self.position)?;
                let q = ratings.require(s, &self.resources)?;
                let m = ratings.require(s, &self.mobilization)?;
                let band = ((ps.normalize(p) * 5.0 - SCALE_EPS).floor().max(0.0) as usize).min(4);
                let position = SchmeerPosition::ALL
                    .get(band)
                    .copied()
                    .unwrap_or(SchmeerPosition::Neutral);
                let power_index = (q + m) / 2.0;
                let power = if power_index + SCALE_EPS >= self.power_high {
                    Level::High
                } else if power_index + SCALE_EPS >= self.power_medium {
                    Level::Moderate
                } else {
                    Level::Low
                };
                let leadership = match &self.leadership {
                    Some(d) => {
                        let v = ratings.require(s, d)?;
                        Some(v + SCALE_EPS >= ratings.scale(d)?.midpoint())
                    }
                    None => None,
                };
                Ok(SchmeerResult {
                    stakeholder: s,
                    knowledge: cuts.level(&ks, k),
                    position,
                    power_index,
                    power,
                    leadership,
                })
            })
            .collect()
    }
}

impl Classifier for SchmeerModel {
    /// Class: the power level; no score (the power cuts do not move the
    /// power index, so its rank would be trivially stable).
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .classify(ratings)?
            .into_iter()
            .map(|r| Outcome {
                class: r.power.key(),
                score: None,
            })
            .collect())
    }

    /// Moves both power cuts by up to ±spread × the resources scale width.
    fn perturbed(
        &self,
        ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let w = ratings.scale(&self.resources)?.range();
        let a = perturb_cut(self.power_medium, w, rng, spread);
        let b = perturb_cut(self.power_high, w, rng, spread);
        Ok(Self {
            power_medium: a.min(b),
            power_high: a.max(b),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::{Dimension, Stakeholder};

    #[test]
    fn schmeer_reads_position_codes_and_combines_resources() -> Result<(), StakeholderError> {
        let three = Scale::new(1.0, 3.0)?;
        let ps = position_scale();
        let codes = ["S", "MO", "N"];
        let values: Vec<Vec<Option<f64>>> = codes
            .iter()
            .zip([[3.0, 3.0, 3.0], [2.0, 2.0, 1.0], [1.0, 1.0, 1.0]])
            .map(|(c, v)| {
                let p = ps.parse(c).ok().flatten();
                vec![Some(v[0]), p, Some(v[1]), Some(v[2])]
            })
            .collect();
        let r = Ratings::new(
            ["MoH", "Union", "Patients"]
                .map(|n| Stakeholder::new(n, ""))
                .to_vec(),
            vec![
                Dimension::new("knowledge", three.clone()),
                Dimension::new("position", ps),
                Dimension::new("resources", three.clone()),
                Dimension::new("mobilization", three),
            ],
            values,
        )?;
        let out = SchmeerModel::default().classify(&r)?;
        let got: Vec<(Level, SchmeerPosition, f64, Level)> = out
            .iter()
            .map(|x| (x.knowledge, x.position, x.power_index, x.power))
            .collect();
        assert_eq!(
            got,
            vec![
                (Level::High, SchmeerPosition::Supporter, 3.0, Level::High),
                (
                    Level::Moderate,
                    SchmeerPosition::ModerateOpponent,
                    1.5,
                    Level::Moderate
                ),
                (Level::Low, SchmeerPosition::Neutral, 1.0, Level::Low),
            ]
        );
        Ok(())
    }
}
