//! The results table: every stakeholder with its aggregated ratings and
//! the class and score of every model that can run on the data, plus an
//! engagement recommendation — for the page, the CSV export, the report
//! and the CLI, in English or Chinese.

use super::model::Ratings;
use super::recommend::recommend;
use super::text::{Lang, ModelKind, text};
use super::{StakeholderError, StakeholderSettings};

/// A table of strings with a header (numbers rounded to 3 decimals).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResultsTable {
    /// Column names.
    pub header: Vec<String>,
    /// One row per stakeholder.
    pub rows: Vec<Vec<String>>,
    /// Models left out because the data does not fit them (e.g. a
    /// dimension they need is not rated), with the reason.
    pub skipped: Vec<(ModelKind, StakeholderError)>,
}

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn t(key: &str, lang: Lang) -> String {
    text(key, lang).unwrap_or(key).to_string()
}

impl ResultsTable {
    fn push_column(&mut self, name: String, values: Vec<String>) {
        self.header.push(name);
        for (row, v) in self.rows.iter_mut().zip(values) {
            row.push(v);
        }
    }

    /// The table as CSV (RFC 4180, comma-separated, UTF-8 without BOM).
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let mut ok = w.write_record(&self.header).is_ok();
        for r in &self.rows {
            ok &= w.write_record(r).is_ok();
        }
        match (ok, w.into_inner()) {
            (true, Ok(bytes)) => String::from_utf8_lossy(&bytes).into_owned(),
            _ => String::new(),
        }
    }
}

/// Builds the results table: name, group, each aggregated rating, then for
/// each model that runs on `ratings` its classes and scores, then custom
/// scores and ranks, then the recommendations (four-dimension role and
/// power–interest quadrant, when those models run). Models that cannot run
/// are listed in [`ResultsTable::skipped`]. O(stakeholders × columns).
pub fn results_table(
    ratings: &Ratings,
    settings: &StakeholderSettings,
    lang: Lang,
) -> ResultsTable {
    let mut table = ResultsTable {
        header: vec![t("col.stakeholder", lang), t("col.group", lang)],
        rows: ratings
            .stakeholders()
            .iter()
            .map(|s| vec![s.name.clone(), s.group.clone()])
            .collect(),
        skipped: Vec::new(),
    };
    for (d, dim) in ratings.dimensions().iter().enumerate() {
        let values = (0..ratings.len())
            .map(|s| ratings.get(s, d).map(num).unwrap_or_default())
            .collect();
        table.push_column(dim.name.clone(), values);
    }
    let mut recs: Vec<Vec<String>> = vec![Vec::new(); ratings.len()];
    match settings.four_dim.classify(ratings) {
        Ok(res) => {
            table.push_column(
                t("col.influence", lang),
                res.iter().map(|r| t(r.influence.key(), lang)).collect(),
            );
            table.push_column(
                t("col.attitude", lang),
                res.iter().map(|r| t(r.attitude.key(), lang)).collect(),
            );
            table.push_column(
                t("col.role", lang),
                res.iter().map(|r| t(r.role.key(), lang)).collect(),
            );
            for r in recommend(ratings, res.iter().map(|r| (r.stakeholder, r.role.key()))) {
                if let Some(v) = recs.get_mut(r.stakeholder) {
                    v.push(r.render(lang));
                }
            }
        }
        Err(e) => table.skipped.push((ModelKind::FourDimension, e)),
    }
    match settings.policymaker.feasibility(ratings) {
        Ok(f) => {
            table.push_column(
                t("col.pm_position", lang),
                f.players.iter().map(|p| t(p.band.key(), lang)).collect(),
            );
            table.push_column(
                t("col.pm_power", lang),
                f.players
                    .iter()
                    .map(|p| t(p.power_band.key(), lang))
                    .collect(),
            );
            table.push_column(
                t("col.pm_contribution", lang),
                f.players.iter().map(|p| num(p.contribution)).collect(),
            );
        }
        Err(e) => table.skipped.push((ModelKind::PolicyMaker, e)),
    }
    match settings.mendelow.classify(ratings) {
        Ok(g) => {
            table.push_column(
                t("col.quadrant", lang),
                g.iter().map(|x| t(x.quadrant.key(), lang)).collect(),
            );
            for r in recommend(ratings, g.iter().map(|x| (x.stakeholder, x.quadrant.key()))) {
                if let Some(v) = recs.get_mut(r.stakeholder) {
                    v.push(r.render(lang));
                }
            }
        }
        Err(e) => table.skipped.push((ModelKind::Mendelow, e)),
    }
    match settings.salience.classify(ratings) {
        Ok(res) => table.push_column(
            t("col.salience", lang),
            res.iter().map(|x| t(x.class.key(), lang)).collect(),
        ),
        Err(e) => table.skipped.push((ModelKind::Salience, e)),
    }
    match settings.schmeer.classify(ratings) {
        Ok(res) => {
            table.push_column(
                t("col.schmeer_position", lang),
                res.iter().map(|x| t(x.position.key(), lang)).collect(),
            );
            table.push_column(
                t("col.schmeer_knowledge", lang),
                res.iter().map(|x| t(x.knowledge.key(), lang)).collect(),
            );
            table.push_column(
                t("col.schmeer_power", lang),
                res.iter().map(|x| num(x.power_index)).collect(),
            );
            table.push_column(
                t("col.schmeer_power_level", lang),
                res.iter().map(|x| t(x.power.key(), lang)).collect(),
            );
            if res.iter().any(|x| x.leadership.is_some()) {
                table.push_column(
                    t("col.schmeer_leadership", lang),
                    res.iter()
                        .map(|x| match x.leadership {
                            Some(true) => t("answer.yes", lang),
                            Some(false) => t("answer.no", lang),
                            None => String::new(),
                        })
                        .collect(),
                );
            }
        }
        Err(e) => table.skipped.push((ModelKind::Schmeer, e)),
    }
    for (i, m) in settings.custom.iter().enumerate() {
        let name = super::custom_model_name(&settings.custom, i, lang);
        match m.score(ratings) {
            Ok(res) => {
                table.push_column(
                    format!("{name}: {}", t("col.score", lang)),
                    res.iter().map(|x| num(x.score)).collect(),
                );
                table.push_column(
                    format!("{name}: {}", t("col.rank", lang)),
                    res.iter().map(|x| x.rank.to_string()).collect(),
                );
            }
            Err(e) => table.skipped.push((ModelKind::Custom, e)),
        }
    }
    let sep = if lang == Lang::Zh { "" } else { " " };
    table.push_column(
        t("col.recommendation", lang),
        recs.into_iter().map(|v| v.join(sep)).collect(),
    );
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::{Dimension, Scale, Stakeholder};

    #[test]
    fn models_without_their_dimensions_are_skipped_with_the_reason() -> Result<(), StakeholderError>
    {
        let r = Ratings::new(
            vec![Stakeholder::new("A, the first", "g")],
            vec![
                Dimension::new("power", Scale::likert(5)?),
                Dimension::new("interest", Scale::likert(5)?),
            ],
            vec![vec![Some(5.0), Some(2.0)]],
        )?;
        let table = results_table(&r, &StakeholderSettings::default(), Lang::En);
        assert!(
            table
                .header
                .contains(&"power–interest quadrant".to_string())
        );
        assert_eq!(
            table
                .rows
                .first()
                .and_then(|row| row.get(4))
                .map(String::as_str),
            Some("keep satisfied")
        );
        assert!(
            table
                .skipped
                .iter()
                .any(|(k, _)| *k == ModelKind::FourDimension)
        );
        let csv = table.to_csv();
        assert!(csv.starts_with("stakeholder,group,power,interest"));
        assert!(csv.contains("\"A, the first\""));
        Ok(())
    }
}
