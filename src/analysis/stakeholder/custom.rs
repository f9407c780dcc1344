//! A custom scoring model: any dimensions, each with a weight (and
//! optionally reversed), give a weighted score from 0 to 100 and a ranking.
//!
//! Rule: score = 100 × Σ wᵢ·nᵢ / Σ wᵢ over the model's dimensions, with
//! nᵢ = (x − min)/(max − min) (or 1 − that when reversed). Ranking: highest
//! score first, ties share the best rank (1, 2, 2, 4). Class: low below
//! `bands.0`, high at or above `bands.1`, moderate between (defaults 100/3
//! and 200/3). O(stakeholders × dimensions).

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::model::{Level, Ratings, rank_descending};
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_cut, perturb_weight};
use super::text::{Lang, text};
use super::tolerance::SCORE_EPS;

/// One term of a custom model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightedDimension {
    /// Dimension name.
    pub dimension: String,
    /// Weight (≥ 0).
    pub weight: f64,
    /// Whether a low rating counts as high (e.g. "resistance").
    #[serde(default)]
    pub reversed: bool,
}

/// Settings of a custom model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomModel {
    /// Name the user gave the model.
    pub name: String,
    /// Its terms.
    pub terms: Vec<WeightedDimension>,
    /// Score cut points (low below the first, high from the second), 0–100.
    pub bands: (f64, f64),
}

impl Default for CustomModel {
    fn default() -> Self {
        Self {
            name: String::new(),
            terms: Vec::new(),
            bands: (100.0 / 3.0, 200.0 / 3.0),
        }
    }
}

/// One stakeholder's custom score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomScore {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Weighted score, 0–100.
    pub score: f64,
    /// Rank (1 = highest).
    pub rank: usize,
    /// Band of the score.
    pub class: Level,
}

impl CustomModel {
    fn validate(&self) -> Result<f64, StakeholderError> {
        let mut total = 0.0;
        for t in &self.terms {
            if !(t.weight.is_finite() && t.weight >= 0.0) {
                return Err(StakeholderError::InvalidSetting {
                    setting: format!("custom.weight.{}", t.dimension),
                    value: t.weight,
                    rule: "weights must be finite and not negative",
                });
            }
            total += t.weight;
        }
        if total <= SCORE_EPS {
            return Err(StakeholderError::InvalidSetting {
                setting: "custom.weights".into(),
                value: total,
                rule: "at least one weight must be positive",
            });
        }
        let (lo, hi) = self.bands;
        if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
            return Err(StakeholderError::InvalidSetting {
                setting: "custom.bands".into(),
                value: lo,
                rule: "bands must be finite with low ≤ high",
            });
        }
        Ok(total)
    }

    /// Scores and ranks every stakeholder.
    ///
    /// # Errors
    /// No positive weight, a negative weight, unordered bands, unknown
    /// dimensions or missing ratings.
    pub fn score(&self, ratings: &Ratings) -> Result<Vec<CustomScore>, StakeholderError> {
        let total = self.validate()?;
        let mut scores = Vec::with_capacity(ratings.len());
        for s in 0..ratings.len() {
            let mut acc = 0.0;
            for t in &self.terms {
                let scale = ratings.scale(&t.dimension)?;
                let n = scale.normalize(ratings.require(s, &t.dimension)?);
                acc += t.weight * if t.reversed { 1.0 - n } else { n };
            }
            scores.push((100.0 * acc / total).clamp(0.0, 100.0));
        }
        let ranks = rank_descending(&scores);
        Ok(scores
            .into_iter()
            .zip(ranks)
            .enumerate()
            .map(|(s, (score, rank))| CustomScore {
                stakeholder: s,
                score,
                rank,
                class: if score + SCORE_EPS >= self.bands.1 {
                    Level::High
                } else if score + SCORE_EPS >= self.bands.0 {
                    Level::Moderate
                } else {
                    Level::Low
                },
            })
            .collect())
    }
}

/// The name shown for custom model `index` (0-based) of `models`: its own
/// name, trimmed, or "Custom weighted score n" (`model.custom` text) when
/// it has none.
pub fn custom_model_name(models: &[CustomModel], index: usize, lang: Lang) -> String {
    match models.get(index).map(|m| m.name.trim()) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => format!(
            "{} {}",
            text("model.custom", lang).unwrap_or("Custom model"),
            index + 1
        ),
    }
}

/// Checks that `name` can be given to custom model `index` (`None` for a
/// new model): names are compared trimmed and case-insensitively with the
/// other models' shown names. An empty name is allowed (the model is then
/// numbered). O(models).
///
/// # Errors
/// [`StakeholderError::DuplicateCustomModel`] with the 1-based position of
/// the model that has the name.
pub fn check_custom_name(
    models: &[CustomModel],
    index: Option<usize>,
    name: &str,
) -> Result<(), StakeholderError> {
    let key = name.trim().to_lowercase();
    if key.is_empty() {
        return Ok(());
    }
    for lang in [Lang::En, Lang::Zh] {
        if let Some(other) = (0..models.len())
            .find(|&i| Some(i) != index && custom_model_name(models, i, lang).to_lowercase() == key)
        {
            return Err(StakeholderError::DuplicateCustomModel {
                name: name.trim().to_string(),
                model: other + 1,
            });
        }
    }
    Ok(())
}

impl Classifier for CustomModel {
    /// Class: the score band; score: the weighted score.
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .score(ratings)?
            .into_iter()
            .map(|c| Outcome {
                class: c.class.key(),
                score: Some(c.score),
            })
            .collect())
    }

    /// Moves every weight by up to ±spread (relative) and both bands by up
    /// to ±spread × 100.
    fn perturbed(
        &self,
        _ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let mut m = self.clone();
        for t in &mut m.terms {
            t.weight = perturb_weight(t.weight, rng, spread);
        }
        let a = perturb_cut(self.bands.0, 100.0, rng, spread);
        let b = perturb_cut(self.bands.1, 100.0, rng, spread);
        m.bands = (a.min(b), a.max(b));
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::{Dimension, Scale, Stakeholder};

    #[test]
    fn weighted_score_is_hand_computed() -> Result<(), StakeholderError> {
        let r = Ratings::new(
            ["a", "b", "c"].map(|n| Stakeholder::new(n, "")).to_vec(),
            vec![
                Dimension::new("x", Scale::likert(5)?),
                Dimension::new("y", Scale::new(0.0, 10.0)?),
            ],
            vec![
                vec![Some(5.0), Some(0.0)],
                vec![Some(3.0), Some(5.0)],
                vec![Some(1.0), Some(10.0)],
            ],
        )?;
        let m = CustomModel {
            terms: vec![
                WeightedDimension {
                    dimension: "x".into(),
                    weight: 3.0,
                    reversed: false,
                },
                WeightedDimension {
                    dimension: "y".into(),
                    weight: 1.0,
                    reversed: true,
                },
            ],
            ..CustomModel::default()
        };
        let out = m.score(&r)?;
        // a: (3·1 + 1·1)/4 = 100; b: (3·0.5 + 0.5)/4 = 50; c: 0.
        let got: Vec<(f64, usize, Level)> =
            out.iter().map(|c| (c.score, c.rank, c.class)).collect();
        assert_eq!(
            got,
            vec![
                (100.0, 1, Level::High),
                (50.0, 2, Level::Moderate),
                (0.0, 3, Level::Low)
            ]
        );
        Ok(())
    }

    #[test]
    fn custom_models_are_named_or_numbered_and_names_are_unique() {
        let models = vec![
            CustomModel {
                name: " Influence ".into(),
                ..CustomModel::default()
            },
            CustomModel::default(),
        ];
        assert_eq!(custom_model_name(&models, 0, Lang::En), "Influence");
        assert_eq!(
            custom_model_name(&models, 1, Lang::En),
            "Custom weighted score 2"
        );
        assert_eq!(custom_model_name(&models, 1, Lang::Zh), "自定义加权评分 2");
        assert_eq!(
            check_custom_name(&models, Some(1), "influence"),
            Err(StakeholderError::DuplicateCustomModel {
                name: "influence".into(),
                model: 1
            })
        );
        assert_eq!(
            check_custom_name(&models, None, "Custom weighted score 2"),
            Err(StakeholderError::DuplicateCustomModel {
                name: "Custom weighted score 2".into(),
                model: 2
            })
        );
        assert_eq!(check_custom_name(&models, Some(0), "Influence"), Ok(()));
        assert_eq!(check_custom_name(&models, None, " "), Ok(()));
    }

    #[test]
    fn zero_total_weight_is_an_error() -> Result<(), StakeholderError> {
        let r = Ratings::new(
            vec![Stakeholder::new("a", "")],
            vec![Dimension::new("x", Scale::likert(5)?)],
            vec![vec![Some(1.0)]],
        )?;
        let m = CustomModel {
            terms: vec![WeightedDimension {
                dimension: "x".into(),
                weight: 0.0,
                reversed: false,
            }],
            ..CustomModel::default()
        };
        assert!(matches!(
            m.score(&r),
            Err(StakeholderError::InvalidSetting { .. })
        ));
        Ok(())
    }
}
