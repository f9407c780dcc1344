//! The four-dimension model of Chinese health-reform stakeholder studies
//! (e.g. the Tianchang county health-care alliance study, seed 000):
//! interest, cognition, capability and resources, each high / moderate /
//! low → influence, expected attitude and role.
//!
//! Rule (all tables are data, editable and serializable):
//! 1. Each rating is normalised to its scale, n = (x − min)/(max − min),
//!    and read as a level: n < `low_below` → low, n ≥ `high_from` → high,
//!    otherwise moderate (defaults 1/3 and 2/3, so on the 1–3 scale
//!    1 = low, 2 = moderate, 3 = high; on 1–5: 1–2 low, 3 moderate, 4–5 high).
//! 2. Influence = `influence[capability][resources]`.
//! 3. Expected attitude = `attitude[interest][cognition]` (interest: high =
//!    clear gains from the reform, low = risks or losses).
//! 4. Role = `role[attitude][influence]`: driving force, supporter, neutral
//!    or resistance.
//!
//! Scores for charts: influence score = mean of normalised capability and
//! resources; position = 2·n(interest) − 1 ∈ [−1, 1].

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::model::{Level, Ratings, Scale};
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_fraction};
use super::tolerance::SCALE_EPS;

/// Cut points that read a rating as a level, as fractions of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LevelCuts {
    /// Normalised values below this are low.
    pub low_below: f64,
    /// Normalised values at or above this are high.
    pub high_from: f64,
}

impl Default for LevelCuts {
    fn default() -> Self {
        Self {
            low_below: 1.0 / 3.0,
            high_from: 2.0 / 3.0,
        }
    }
}

impl LevelCuts {
    /// Checks 0 ≤ low_below ≤ high_from ≤ 1.
    ///
    /// # Errors
    /// [`StakeholderError::InvalidSetting`].
    pub fn validate(&self) -> Result<(), StakeholderError> {
        if !(0.0..=1.0).contains(&self.low_below) {
            return Err(StakeholderError::InvalidSetting {
                setting: "four_dim.low_below".into(),
                value: self.low_below,
                rule: "must lie in [0, 1]",
            });
        }
        if !(self.low_below..=1.0).contains(&self.high_from) {
            return Err(StakeholderError::InvalidSetting {
                setting: "four_dim.high_from".into(),
                value: self.high_from,
                rule: "must lie in [low_below, 1]",
            });
        }
        Ok(())
    }

    /// The level of `value` on `scale` (ties within [`SCALE_EPS`] go up).
    pub fn level(&self, scale: &Scale, value: f64) -> Level {
        let n = scale.normalize(value);
        if n + SCALE_EPS < self.low_below {
            Level::Low
        } else if n + SCALE_EPS >= self.high_from {
            Level::High
        } else {
            Level::Moderate
        }
    }
}

/// Expected attitude towards the reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attitude {
    /// Expected to oppose.
    Oppose,
    /// Neither.
    Neutral,
    /// Expected to support.
    Support,
}

impl Attitude {
    /// Oppose, neutral, support: the index order of rule tables.
    pub const ALL: [Attitude; 3] = [Attitude::Oppose, Attitude::Neutral, Attitude::Support];

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            Attitude::Oppose => "attitude.oppose",
            Attitude::Neutral => "attitude.neutral",
            Attitude::Support => "attitude.support",
        }
    }
}

/// Role in the reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Resistance (a drag on the reform).
    Resistance,
    /// Neutral.
    Neutral,
    /// Supporter.
    Supporter,
    /// Driving force (main force of the reform).
    DrivingForce,
}

impl Role {
    /// All roles, from resistance to driving force.
    pub const ALL: [Role; 4] = [
        Role::Resistance,
        Role::Neutral,
        Role::Supporter,
        Role::DrivingForce,
    ];

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            Role::Resistance => "role.resistance",
            Role::Neutral => "role.neutral",
            Role::Supporter => "role.supporter",
            Role::DrivingForce => "role.driving_force",
        }
    }
}

/// The editable rule tables of the four-dimension model; rows and columns
/// are indexed low, moderate, high (attitude rows: oppose, neutral, support).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FourDimRules {
    /// Reading ratings as levels.
    pub cuts: LevelCuts,
    /// `influence[capability][resources]`.
    pub influence: [[Level; 3]; 3],
    /// `attitude[interest][cognition]`.
    pub attitude: [[Attitude; 3]; 3],
    /// `role[attitude][influence]`.
    pub role: [[Role; 3]; 3],
}

impl Default for FourDimRules {
    /// The defaults reproduce the classification of seed 000:
    /// influence is high when capability and resources sum to at least
    /// moderate + high, low when they sum to at most low + moderate;
    /// clear gains → support whatever the cognition; mixed interest →
    /// support only with high cognition; risk → oppose when the risk is
    /// understood (moderate or high cognition), neutral when it is not;
    /// a supporter with high influence is a driving force.
    fn default() -> Self {
        use Attitude as A;
        use Level::{High as H, Low as L, Moderate as M};
        Self {
            cuts: LevelCuts::default(),
            influence: [[L, L, M], [L, M, H], [M, H, H]],
            attitude: [
                [A::Neutral, A::Oppose, A::Oppose],
                [A::Neutral, A::Neutral, A::Support],
                [A::Support, A::Support, A::Support],
            ],
            role: [
                [Role::Resistance, Role::Resistance, Role::Resistance],
                [Role::Neutral, Role::Neutral, Role::Neutral],
                [Role::Supporter, Role::Supporter, Role::DrivingForce],
            ],
        }
    }
}

/// Settings of the four-dimension model: which dimensions hold what, and the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FourDimModel {
    /// Dimension of interest (gain high, risk low).
    pub interest: String,
    /// Dimension of cognition of the policy.
    pub cognition: String,
    /// Dimension of capability.
    pub capability: String,
    /// Dimension of resources.
    pub resources: String,
    /// The rule tables.
    pub rules: FourDimRules,
}

impl Default for FourDimModel {
    fn default() -> Self {
        Self {
            interest: "interest".into(),
            cognition: "cognition".into(),
            capability: "capability".into(),
            resources: "resources".into(),
            rules: FourDimRules::default(),
        }
    }
}

/// The classification of one stakeholder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FourDimResult {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Level of interest.
    pub interest: Level,
    /// Level of cognition.
    pub cognition: Level,
    /// Level of capability.
    pub capability: Level,
    /// Level of resources.
    pub resources: Level,
    /// Influence (from capability and resources).
    pub influence: Level,
    /// Expected attitude (from interest and cognition).
    pub attitude: Attitude,
    /// Role (from attitude and influence).
    pub role: Role,
    /// Mean normalised capability and resources, in [0, 1].
    pub influence_score: f64,
    /// 2·n(interest) − 1, in [−1, 1].
    pub position: f64,
}

fn get3<T: Copy>(table: &[[T; 3]; 3], row: usize, col: usize) -> Option<T> {
    table.get(row).and_then(|r| r.get(col)).copied()
}

impl FourDimModel {
    /// Classifies every stakeholder.
    ///
    /// # Errors
    /// Invalid cuts, an unknown dimension, or a missing rating (with stakeholder and dimension).
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::stakeholder::*;
    /// let dims = ["interest", "cognition", "capability", "resources"]
    ///     .map(|d| Dimension::new(d, Scale::three_level())).to_vec();
    /// let r = Ratings::new(vec![Stakeholder::new("Health bureau", "")], dims,
    ///     vec![vec![Some(3.0), Some(3.0), Some(3.0), Some(3.0)]]).unwrap();
    /// let out = FourDimModel::default().classify(&r).unwrap();
    /// assert_eq!(out[0].role, Role::DrivingForce);
    /// ```
    pub fn classify(&self, ratings: &Ratings) -> Result<Vec<FourDimResult>, StakeholderError> {
        self.rules.cuts.validate()?;
        let scales = [
            ratings.scale(&self.interest)?.clone(),
            ratings.scale(&self.cognition)?.clone(),
            ratings.scale(&self.capability)?.clone(),
            ratings.scale(&self.resources)?.clone(),
        ];
        let names = [
            &self.interest,
            &self.cognition,
            &self.capability,
            &self.resources,
        ];
        let mut out = Vec::with_capacity(ratings.len());
        for s in 0..ratings.len() {
            let mut v = [0.0; 4];
            for (slot, name) in v.iter_mut().zip(names) {
                *slot = ratings.require(s, name)?;
            }
            let [vi, vc, vp, vr] = v;
            let [si, sc, sp, sr] = &scales;
            let cuts = &self.rules.cuts;
            let (i, c, p, r) = (
                cuts.level(si, vi),
                cuts.level(sc, vc),
                cuts.level(sp, vp),
                cuts.level(sr, vr),
            );
            let influence =
                get3(&self.rules.influence, p.index(), r.index()).unwrap_or(Level::Moderate);
            let attitude =
                get3(&self.rules.attitude, i.index(), c.index()).unwrap_or(Attitude::Neutral);
            let role = get3(&self.rules.role, attitude as usize, influence.index())
                .unwrap_or(Role::Neutral);
            out.push(FourDimResult {
                stakeholder: s,
                interest: i,
                cognition: c,
                capability: p,
                resources: r,
                influence,
                attitude,
                role,
                influence_score: (sp.normalize(vp) + sr.normalize(vr)) / 2.0,
                position: 2.0 * si.normalize(vi) - 1.0,
            });
        }
        Ok(out)
    }
}

impl Classifier for FourDimModel {
    /// Class: the role; no score (the level cuts, the only settings that
    /// move, cannot change the influence score, so a rank would be
    /// trivially stable).
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .classify(ratings)?
            .into_iter()
            .map(|r| Outcome {
                class: r.role.key(),
                score: None,
            })
            .collect())
    }

    /// Moves both level cuts by ±`spread` (as a share of the scale width).
    fn perturbed(
        &self,
        _ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let mut m = self.clone();
        let low = perturb_fraction(m.rules.cuts.low_below, rng, spread);
        let high = perturb_fraction(m.rules.cuts.high_from, rng, spread);
        m.rules.cuts = LevelCuts {
            low_below: low.min(high),
            high_from: high.max(low),
        };
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::{Dimension, Stakeholder};

    fn ratings(rows: &[(&str, [f64; 4])]) -> Result<Ratings, StakeholderError> {
        let dims = ["interest", "cognition", "capability", "resources"]
            .map(|d| Dimension::new(d, Scale::three_level()))
            .to_vec();
        Ratings::new(
            rows.iter().map(|(n, _)| Stakeholder::new(*n, "")).collect(),
            dims,
            rows.iter()
                .map(|(_, v)| v.iter().map(|x| Some(*x)).collect())
                .collect(),
        )
    }

    #[test]
    fn seed_000_stakeholders_get_the_roles_of_the_study() -> Result<(), StakeholderError> {
        // interest: 3 gain, 1 risk; then cognition, capability, resources.
        let r = ratings(&[
            ("health bureau", [3.0, 3.0, 3.0, 3.0]),
            ("other departments", [1.0, 1.0, 3.0, 3.0]),
            ("county hospitals", [3.0, 3.0, 2.0, 2.0]),
            ("township centres", [3.0, 3.0, 1.0, 1.0]),
            ("county staff", [3.0, 3.0, 1.0, 1.0]),
            ("primary staff", [1.0, 1.0, 1.0, 1.0]),
            ("patients", [3.0, 1.0, 1.0, 1.0]),
        ])?;
        let roles: Vec<Role> = FourDimModel::default()
            .classify(&r)?
            .iter()
            .map(|x| x.role)
            .collect();
        use Role::*;
        assert_eq!(
            roles,
            vec![
                DrivingForce,
                Neutral,
                Supporter,
                Supporter,
                Supporter,
                Neutral,
                Supporter
            ]
        );
        Ok(())
    }

    #[test]
    fn levels_follow_the_cuts_on_a_five_point_scale() -> Result<(), StakeholderError> {
        let s = Scale::likert(5)?;
        let c = LevelCuts::default();
        let got: Vec<Level> = [1.0, 2.0, 3.0, 4.0, 5.0]
            .iter()
            .map(|&v| c.level(&s, v))
            .collect();
        assert_eq!(
            got,
            vec![
                Level::Low,
                Level::Low,
                Level::Moderate,
                Level::High,
                Level::High
            ]
        );
        Ok(())
    }

    #[test]
    fn edited_rules_change_the_role() -> Result<(), StakeholderError> {
        let r = ratings(&[("patients", [3.0, 1.0, 1.0, 1.0])])?;
        let mut m = FourDimModel::default();
        m.rules.attitude[2][0] = Attitude::Neutral;
        assert_eq!(m.classify(&r)?.first().map(|x| x.role), Some(Role::Neutral));
        Ok(())
    }

    #[test]
    fn a_missing_rating_names_stakeholder_and_dimension() -> Result<(), StakeholderError> {
        let dims = ["interest", "cognition", "capability", "resources"]
            .map(|d| Dimension::new(d, Scale::three_level()))
            .to_vec();
        let r = Ratings::new(
            vec![Stakeholder::new("X", "")],
            dims,
            vec![vec![Some(1.0), None, Some(1.0), Some(1.0)]],
        )?;
        assert_eq!(
            FourDimModel::default().classify(&r),
            Err(StakeholderError::Missing {
                stakeholder: "X".into(),
                dimension: "cognition".into()
            })
        );
        Ok(())
    }
}
