//! Stakeholder salience (Mitchell, Agle & Wood 1997): power, legitimacy
//! and urgency, each possessed or not, give seven classes.
//!
//! Rule: an attribute is possessed when its rating ≥ its threshold (raw
//! units; default: the scale midpoint). Classes: power only dormant,
//! legitimacy only discretionary, urgency only demanding (latent, one
//! attribute); power + legitimacy dominant, power + urgency dangerous,
//! legitimacy + urgency dependent (expectant, two); all three definitive;
//! none: not a stakeholder in this sense. Salience (the score used for
//! ranking) is the number of attributes possessed, 0–3.

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::model::Ratings;
use super::sensitivity::{Classifier, Outcome, SplitMix64, perturb_cut};
use super::tolerance::SCALE_EPS;

/// The seven salience classes and none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalienceClass {
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// All three.
    Definitive,
    /// None.
    None,
}

impl SalienceClass {
    /// All eight outcomes.
    pub const ALL: [SalienceClass; 8] = [
        SalienceClass::Dormant,
        SalienceClass::Discretionary,
        SalienceClass::Demanding,
        SalienceClass::Dominant,
        SalienceClass::Dangerous,
        SalienceClass::Dependent,
        SalienceClass::Definitive,
        SalienceClass::None,
    ];

    /// The class of a (power, legitimacy, urgency) combination.
    pub fn from_attributes(power: bool, legitimacy: bool, urgency: bool) -> Self {
        match (power, legitimacy, urgency) {
            (true, false, false) => SalienceClass::Dormant,
            (false, true, false) => SalienceClass::Discretionary,
            (false, false, true) => SalienceClass::Demanding,
            (true, true, false) => SalienceClass::Dominant,
            (true, false, true) => SalienceClass::Dangerous,
            (false, true, true) => SalienceClass::Dependent,
            (true, true, true) => SalienceClass::Definitive,
            (false, false, false) => SalienceClass::None,
        }
    }

    /// The attributes (power, legitimacy, urgency) of the class.
    pub fn attributes(self) -> (bool, bool, bool) {
        match self {
            SalienceClass::Dormant => (true, false, false),
            SalienceClass::Discretionary => (false, true, false),
            SalienceClass::Demanding => (false, false, true),
            SalienceClass::Dominant => (true, true, false),
            SalienceClass::Dangerous => (true, false, true),
            SalienceClass::Dependent => (false, true, true),
            SalienceClass::Definitive => (true, true, true),
            SalienceClass::None => (false, false, false),
        }
    }

    /// Text key.
    pub fn key(self) -> &'static str {
        match self {
            SalienceClass::Dormant => "salience.dormant",
            SalienceClass::Discretionary => "salience.discretionary",
            SalienceClass::Demanding => "salience.demanding",
            SalienceClass::Dominant => "salience.dominant",
            SalienceClass::Dangerous => "salience.dangerous",
            SalienceClass::Dependent => "salience.dependent",
            SalienceClass::Definitive => "salience.definitive",
            SalienceClass::None => "salience.none",
        }
    }
}

/// Settings of the salience model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalienceModel {
    /// Dimension of power.
    pub power: String,
    /// Dimension of legitimacy.
    pub legitimacy: String,
    /// Dimension of urgency.
    pub urgency: String,
    /// Thresholds (power, legitimacy, urgency) in raw units; `None` = midpoint.
    pub thresholds: [Option<f64>; 3],
}

impl Default for SalienceModel {
    fn default() -> Self {
        Self {
            power: "power".into(),
            legitimacy: "legitimacy".into(),
            urgency: "urgency".into(),
            thresholds: [None; 3],
        }
    }
}

/// One stakeholder's salience.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalienceResult {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Possesses power.
    pub power: bool,
    /// Possesses legitimacy.
    pub legitimacy: bool,
    /// Possesses urgency.
    pub urgency: bool,
    /// The class.
    pub class: SalienceClass,
    /// Number of attributes (0–3).
    pub salience: u8,
}

impl SalienceModel {
    fn dims(&self) -> [&String; 3] {
        [&self.power, &self.legitimacy, &self.urgency]
    }

    /// The thresholds in use (defaults resolved to scale midpoints).
    ///
    /// # Errors
    /// Unknown dimension or a non-finite threshold.
    pub fn resolved_thresholds(&self, ratings: &Ratings) -> Result<[f64; 3], StakeholderError> {
        let mut out = [0.0; 3];
        for ((slot, name), t) in out.iter_mut().zip(self.dims()).zip(self.thresholds) {
            let v = match t {
                Some(v) => v,
                None => ratings.scale(name)?.midpoint(),
            };
            if !v.is_finite() {
                return Err(StakeholderError::InvalidSetting {
                    setting: format!("salience.threshold.{name}"),
                    value: v,
                    rule: "must be a finite number",
                });
            }
            *slot = v;
        }
        Ok(out)
    }

    /// Classifies every stakeholder.
    ///
    /// # Errors
    /// Unknown dimensions, missing ratings or invalid thresholds.
    pub fn classify(&self, ratings: &Ratings) -> Result<Vec<SalienceResult>, StakeholderError> {
        let t = self.resolved_thresholds(ratings)?;
        (0..ratings.len())
            .map(|s| {
                let mut has = [false; 3];
                for ((h, name), th) in has.iter_mut().zip(self.dims()).zip(t) {
                    *h = ratings.require(s, name)? + SCALE_EPS >= th;
                }
                let [p, l, u] = has;
                Ok(SalienceResult {
                    stakeholder: s,
                    power: p,
                    legitimacy: l,
                    urgency: u,
                    class: SalienceClass::from_attributes(p, l, u),
                    salience: has.iter().filter(|&&b| b).count() as u8,
                })
            })
            .collect()
    }
}

impl Classifier for SalienceModel {
    /// Class: the salience class; score: the number of attributes.
    fn outcomes(&self, ratings: &Ratings) -> Result<Vec<Outcome>, StakeholderError> {
        Ok(self
            .classify(ratings)?
            .into_iter()
            .map(|r| Outcome {
                class: r.class.key(),
                score: Some(f64::from(r.salience)),
            })
            .collect())
    }

    /// Moves each threshold by up to ±spread × its scale width.
    fn perturbed(
        &self,
        ratings: &Ratings,
        rng: &mut SplitMix64,
        spread: f64,
    ) -> Result<Self, StakeholderError> {
        let t = self.resolved_thresholds(ratings)?;
        let mut m = self.clone();
        for ((slot, name), v) in m.thresholds.iter_mut().zip(self.dims()).zip(t) {
            let w = ratings.scale(name)?.range();
            *slot = Some(perturb_cut(v, w, rng, spread));
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_combination_maps_to_its_class_and_back() {
        for c in SalienceClass::ALL {
            let (p, l, u) = c.attributes();
            assert_eq!(SalienceClass::from_attributes(p, l, u), c);
        }
        assert_eq!(
            SalienceClass::from_attributes(true, false, true),
            SalienceClass::Dangerous
        );
        assert_eq!(
            SalienceClass::from_attributes(false, true, true),
            SalienceClass::Dependent
        );
    }
}
