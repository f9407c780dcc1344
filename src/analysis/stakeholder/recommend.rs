//! Engagement recommendations: one per stakeholder, chosen by its class
//! or quadrant, as a text key (`rec.<class key>`) with parameters, so the
//! page, the report and the CLI can render it in English or Chinese.

use serde::Serialize;

use super::model::Ratings;
use super::text::{Lang, fill, static_key, text};

/// A recommendation for one stakeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// The class key it was drawn from (e.g. `mendelow.keep_informed`).
    pub class: &'static str,
    /// The text key (e.g. `rec.mendelow.keep_informed`).
    pub key: &'static str,
    /// Template parameters (`name` = the stakeholder's name).
    pub params: Vec<(String, String)>,
}

impl Recommendation {
    /// The recommendation's text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        fill(text(self.key, lang).unwrap_or(self.key), &self.params)
    }
}

/// The recommendation key of a class key (`rec.` + class), if there is one.
/// Classes without a recommendation (levels, Schmeer positions) give `None`.
pub fn recommendation_key(class: &str) -> Option<&'static str> {
    static_key(&format!("rec.{class}"))
}

/// One recommendation per (stakeholder, class key) pair that has one.
///
/// # Example
/// ```
/// use policylens::analysis::stakeholder::*;
/// let dims = vec![Dimension::new("power", Scale::likert(5).unwrap()),
///                 Dimension::new("interest", Scale::likert(5).unwrap())];
/// let r = Ratings::new(vec![Stakeholder::new("Patients", "")], dims,
///     vec![vec![Some(1.0), Some(5.0)]]).unwrap();
/// let grid = MendelowModel::default().classify(&r).unwrap();
/// let recs = recommend(&r, grid.iter().map(|g| (g.stakeholder, g.quadrant.key())));
/// assert!(recs[0].render(Lang::En).starts_with("Patients: interested"));
/// ```
pub fn recommend<'a>(
    ratings: &Ratings,
    classes: impl IntoIterator<Item = (usize, &'a str)>,
) -> Vec<Recommendation> {
    classes
        .into_iter()
        .filter_map(|(s, class)| {
            let key = recommendation_key(class)?;
            let class = static_key(class)?;
            let name = ratings.stakeholders().get(s)?.name.clone();
            Some(Recommendation {
                stakeholder: s,
                class,
                key,
                params: vec![("name".to_string(), name)],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_quadrant_salience_class_and_side_has_a_recommendation() {
        use crate::analysis::stakeholder::{PositionBand, Quadrant, Role, SalienceClass};
        let classes = Role::ALL
            .iter()
            .map(|r| r.key())
            .chain(Quadrant::ALL.iter().map(|q| q.key()))
            .chain(SalienceClass::ALL.iter().map(|c| c.key()))
            .chain(PositionBand::ALL.iter().map(|b| b.side().key()));
        for c in classes {
            assert!(recommendation_key(c).is_some(), "no recommendation for {c}");
        }
    }
}
