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
//! - knowledge level: the rating read as a level on its scale (thirds; on
//!   Schmeer's 1–3 scale 3 = a lot → high, 2 = some → moderate, 1 = none
//!   → low);
//! - position category: the position scale is cut into five equal bands,
//!   lowest = opponent, highest = supporter (so −2…+2, 1…5 and −7…+7 all
//!   work); a value on a band boundary goes to the band nearer neutral's
//!   lower side (the lower band);
//! - power index = (quantity + mobilization) / 2 on Schmeer's 1–3 scale:
//!   each rating is first mapped linearly onto 1–3 (`1 + 2 (x − min) /
//!   (max − min)`), so a resources rating on a 1–5 scale (shared with the
//!   four-dimension model) counts like a 1–3 one; on 1–3 scales this is the
//!   plain mean of the guidelines. High when ≥ `power_high` (2.5), medium
//!   when ≥ `power_medium` (1.5), else low — i.e. of the guidelines' five
//!   possible indices 3 and 2.5 are high, 2 and 1.5 medium, 1 low;
//! - leadership (the guidelines' separate yes/no column: willing to
//!   initiate or lead action for or against the policy) is *not* part of
//!   the power index; it is yes when the (aggregated) rating is ≥ the
//!   midpoint of its scale (yes/no as 1/0: a majority of raters, a tie
//!   counts as yes). It is read when the leadership dimension is rated
//!   and reported as not rated (`None`) otherwise.
//!
//! O(stakeholders).

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
    /// Dimension of leadership (yes/no as 1/0); `None`, or a dimension
    /// that is not rated, leaves leadership out.
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
            leadership: Some("leadership".into()),
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
    /// Power index: mean of resources and mobilization, each mapped onto 1–3.
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
        let qs = ratings.scale(&self.resources)?.clone();
        let ms = ratings.scale(&self.mobilization)?.clone();
        let leadership_dim = self
            .leadership
            .as_deref()
            .filter(|d| ratings.dimension_index(d).is_ok());
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
                let power_index = (to_three(&qs, q) + to_three(&ms, m)) / 2.0;
                let power = if power_index + SCALE_EPS >= self.power_high {
                    Level::High
                } else if power_index + SCALE_EPS >= self.power_medium {
                    Level::Moderate
                } else {
                    Level::Low
                };
                let leadership = match leadership_dim {
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

/// `v` mapped linearly from its scale onto Schmeer's 1–3.
fn to_three(scale: &Scale, v: f64) -> f64 {
    1.0 + 2.0 * scale.normalize(v)
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

    /// Moves both power cuts by up to ±spread × 2 (the width of the 1–3
    /// power index).
    fn perturbed(
        &self,
        _ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let w = 2.0;
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

    #[test]
    fn power_index_maps_other_scales_onto_one_to_three_and_leadership_is_separate()
    -> Result<(), StakeholderError> {
        let three = Scale::new(1.0, 3.0)?;
        let r = Ratings::new(
            ["Bureau", "Staff"]
                .map(|n| Stakeholder::new(n, ""))
                .to_vec(),
            vec![
                Dimension::new("knowledge", three.clone()),
                Dimension::new("position", Scale::new(-7.0, 7.0)?),
                Dimension::new("resources", Scale::likert(5)?),
                Dimension::new("mobilization", three),
                Dimension::new("leadership", Scale::yes_no()),
            ],
            vec![
                // resources 4 on 1–5 → 2.5 on 1–3; (2.5 + 3) / 2 = 2.75
                vec![Some(3.0), Some(6.0), Some(4.0), Some(3.0), Some(0.6)],
                // resources 2 on 1–5 → 1.5; (1.5 + 1) / 2 = 1.25
                vec![Some(1.0), Some(-1.5), Some(2.0), Some(1.0), Some(0.4)],
            ],
        )?;
        let out = SchmeerModel::default().classify(&r)?;
        let got: Vec<(SchmeerPosition, f64, Level, Option<bool>)> = out
            .iter()
            .map(|x| (x.position, x.power_index, x.power, x.leadership))
            .collect();
        assert_eq!(
            got,
            vec![
                (SchmeerPosition::Supporter, 2.75, Level::High, Some(true)),
                (
                    SchmeerPosition::ModerateOpponent,
                    1.25,
                    Level::Low,
                    Some(false)
                ),
            ]
        );
        // Without a leadership dimension the model still runs.
        let model = SchmeerModel {
            leadership: Some("not rated".into()),
            ..SchmeerModel::default()
        };
        assert!(model.classify(&r)?.iter().all(|x| x.leadership.is_none()));
        Ok(())
    }
}
