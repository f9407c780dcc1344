//! Stakeholder scoring: the field's standard models of health-policy
//! stakeholder analysis, several raters, agreement, sensitivity and
//! engagement recommendations. Pure Rust: no browser, no plotting.
//!
//! The flow: ratings are imported ([`read_wide`], [`read_long`]) or entered
//! as [`RaterData`]; several respondents are aggregated
//! ([`RaterData::aggregate`]) into [`Ratings`], one value per stakeholder
//! and dimension, with the spread; agreement is [`RaterData::kendall_w`].
//! The models read [`Ratings`]:
//!
//! | model | settings | result |
//! |---|---|---|
//! | four-dimension (seed 000) | [`FourDimModel`] | [`FourDimResult`] |
//! | PolicyMaker | [`PolicyMakerModel`] | [`Feasibility`] |
//! | power–interest grid | [`MendelowModel`] | [`GridPlacement`] |
//! | salience | [`SalienceModel`] | [`SalienceResult`] |
//! | Schmeer | [`SchmeerModel`] | [`SchmeerResult`] |
//! | custom | [`CustomModel`] | [`CustomScore`] |
//!
//! Every model implements [`Classifier`], so [`sensitivity`] can re-run it
//! with perturbed settings; [`describe`] gives the text keys of its rules
//! and [`text`] their English and Chinese text; [`recommend`] draws an
//! engagement recommendation from each class; [`results_table`] gathers
//! every model's classes and scores into one table (CSV via
//! [`ResultsTable::to_csv`]). Raters who agree least are found by
//! [`disagreement`]. [`StakeholderSettings`] holds every setting for the
//! project file. [`example_long`] is the bundled seed-000-style example.
//!
//! ```
//! use policylens::analysis::stakeholder::*;
//! let (header, rows) = example_long(Lang::En);
//! let layout = LongLayout { respondent: 0, stakeholder: 1, group: Some(2), dimension: 3, rating: 4 };
//! let import = read_long(&header, &rows, &layout, &example_dimensions(), None).unwrap();
//! let ratings = import.data.aggregate(Aggregation::Mean).unwrap().ratings;
//! let roles = FourDimModel::default().classify(&ratings).unwrap();
//! assert_eq!(roles[0].role, Role::DrivingForce); // the health bureau
//! ```

mod custom;
mod error;
mod example;
mod four_dim;
mod mendelow;
mod model;
mod policymaker;
mod raters;
mod recommend;
mod report;
mod salience;
mod schmeer;
mod sensitivity;
mod stats;
mod text;

pub use custom::{
    CustomModel, CustomScore, WeightedDimension, check_custom_name, custom_model_name,
};
pub use error::{OutOfScale, StakeholderError};
pub use example::{
    DIMENSIONS as EXAMPLE_DIMENSIONS, example_csv, example_dimensions, example_long,
};
pub use four_dim::{Attitude, FourDimModel, FourDimResult, FourDimRules, LevelCuts, Role};
pub use mendelow::{GridPlacement, MendelowModel, Quadrant};
pub use model::{
    Dimension, Level, Ratings, Scale, ScaleLabel, Stakeholder, check_names, rank_descending,
};
pub use policymaker::{Feasibility, Player, PolicyMakerCuts, PolicyMakerModel, PositionBand, Side};
pub use raters::{
    Aggregated, Aggregation, Disagreement, DisagreementSettings, Import, KendallW, LongLayout,
    MergedName, NameKind, RaterData, Rating, Spread, WideLayout, disagreement, read_long,
    read_wide, row_list, summarize,
};
pub use recommend::{Recommendation, recommend, recommendation_key};
pub use report::{ResultsTable, results_table};
pub use salience::{SalienceClass, SalienceModel, SalienceResult};
pub use schmeer::{SchmeerModel, SchmeerPosition, SchmeerResult, position_scale};
pub use sensitivity::{
    Classifier, Outcome, SensitivitySettings, SplitMix64, Stability, sensitivity,
};
pub use stats::{chi_square_sf, gamma_q, ln_gamma};
pub use text::{Lang, ModelDescription, ModelKind, describe, fill, keys, text};

use serde::{Deserialize, Serialize};

/// Float tolerances of stakeholder scoring, in one place.
pub mod tolerance {
    /// Slack when comparing a rating with a scale bound or a cut point
    /// (a rating equal to a cut point within this counts as at the cut).
    pub const SCALE_EPS: f64 = 1e-9;
    /// Scores closer than this are tied in rankings.
    pub const SCORE_EPS: f64 = 1e-9;
    /// Ratings closer than this are tied when raters' rankings are built.
    pub const RANK_TIE_EPS: f64 = 1e-9;
}

/// Every stakeholder setting of a project, as saved in the project file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StakeholderSettings {
    /// How several raters are combined.
    pub aggregation: Aggregation,
    /// Four-dimension model.
    pub four_dim: FourDimModel,
    /// PolicyMaker.
    pub policymaker: PolicyMakerModel,
    /// Power–interest grid.
    pub mendelow: MendelowModel,
    /// Salience.
    pub salience: SalienceModel,
    /// Schmeer.
    pub schmeer: SchmeerModel,
    /// User-defined models, each with its own name, dimensions, weights
    /// and bands. A file holding a single model object here (rather than a
    /// list) opens as a list of that one model.
    #[serde(deserialize_with = "one_or_many")]
    pub custom: Vec<CustomModel>,
    /// Sensitivity runs.
    pub sensitivity: SensitivitySettings,
    /// Flagging of disputed stakeholders.
    pub disagreement: DisagreementSettings,
}

/// Reads a list of custom models, or a single model object (migrated to a
/// list of one), or `null` (no models).
fn one_or_many<'de, D>(deserializer: D) -> Result<Vec<CustomModel>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<CustomModel>),
        One(Box<CustomModel>),
        Nothing(()),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(m) => vec![*m],
        OneOrMany::Nothing(()) => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_with_one_custom_model_object_open_as_a_list_of_one() -> Result<(), serde_json::Error>
    {
        let one = r#"{"custom":{"name":"influence","terms":[{"dimension":"power","weight":2}],"bands":[30,70]}}"#;
        let s: StakeholderSettings = serde_json::from_str(one)?;
        assert_eq!(s.custom.len(), 1);
        assert_eq!(s.custom.first().map(|m| m.name.as_str()), Some("influence"));
        let many: StakeholderSettings = serde_json::from_str(&serde_json::to_string(&s)?)?;
        assert_eq!(many, s);
        let none: StakeholderSettings = serde_json::from_str(r#"{"custom":null}"#)?;
        assert!(none.custom.is_empty());
        let absent: StakeholderSettings = serde_json::from_str("{}")?;
        assert!(absent.custom.is_empty());
        Ok(())
    }
}
