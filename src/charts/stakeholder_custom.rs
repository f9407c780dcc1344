//! Custom model scores: for each stakeholder, one bar per custom model
//! with its weighted score (0–100) and rank; stakeholders sorted by the
//! first model's rank. Model k has colour `series_color(k)` and, for odd
//! k, a hatch, so the bars stay apart in greyscale print.

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::Chart;
use super::bars;
use super::draw::{self, DrawResult};
use super::layout::label_column_width;
use super::palette::{BLACK, WHITE, series_color};
use crate::analysis::stakeholder::{
    CustomModel, Lang, Ratings, StakeholderError, custom_model_name, text,
};

/// One stakeholder's scores, one per model (`None` when a model could not
/// score it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomScoreRow {
    /// Name.
    pub label: String,
    /// (score 0–100, rank) per model, in model order.
    pub scores: Vec<Option<(f64, usize)>>,
}

/// The custom scores chart. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomScoreChart {
    /// Title.
    pub title: String,
    /// X axis label (e.g. "weighted score (0–100)").
    pub x_label: String,
    /// Model names (the legend), in model order.
    pub models: Vec<String>,
    /// One row per stakeholder, top to bottom.
    pub rows: Vec<CustomScoreRow>,
}

impl CustomScoreChart {
    /// Scores every custom model that can run on `ratings`; rows sorted by
    /// the first scored model's rank (ties keep table order). O(models ×
    /// stakeholders × dimensions + stakeholders · log stakeholders).
    ///
    /// # Errors
    /// The first model's error when no model can be scored.
    pub fn from_models(
        ratings: &Ratings,
        models: &[CustomModel],
        lang: Lang,
    ) -> Result<Self, StakeholderError> {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        let mut names = Vec::new();
        let mut columns = Vec::new();
        let mut first_error = None;
        for (i, m) in models.iter().enumerate() {
            match m.score(ratings) {
                Ok(s) => {
                    names.push(custom_model_name(models, i, lang));
                    columns.push(s);
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        if columns.is_empty() {
            return Err(first_error.unwrap_or(StakeholderError::NoStakeholders));
        }
        let mut rows: Vec<(usize, CustomScoreRow)> = ratings
            .stakeholders()
            .iter()
            .enumerate()
            .map(|(s, st)| {
                let scores = columns
                    .iter()
                    .map(|c| c.get(s).map(|x| (x.score, x.rank)))
                    .collect::<Vec<_>>();
                let key = scores
                    .first()
                    .copied()
                    .flatten()
                    .map_or(usize::MAX, |x| x.1);
                (
                    key,
                    CustomScoreRow {
                        label: st.name.clone(),
                        scores,
                    },
                )
            })
            .collect();
        rows.sort_by_key(|(k, _)| *k);
        Ok(Self {
            title: t("chart.custom.title"),
            x_label: t("chart.custom.x"),
            models: names,
            rows: rows.into_iter().map(|(_, r)| r).collect(),
        })
    }
}

impl Chart for CustomScoreChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let left = label_column_width(self.rows.iter().map(|r| r.label.as_str()), 40.0, 16.0);
        // legend rows: as many models per row as fit
        let mut legend: Vec<(f64, f64, &str, usize)> = Vec::new();
        let (mut lx, mut ly) = (16.0, 46.0);
        for (k, name) in self.models.iter().enumerate() {
            let lw = bars::legend_item_width(name);
            if lx + lw > w - 16.0 && lx > 16.0 {
                lx = 16.0;
                ly += 20.0;
            }
            legend.push((lx, ly, name, k));
            lx += lw;
        }
        let (x0, y0, x1, y1) = (left.min(w * 0.45), ly + 30.0, w - 80.0, h - 56.0);
        let to_x = |v: f64| bars::percent_x(x0, x1, v);
        for (lx, ly, name, k) in legend {
            let (color, alpha, hatch) = model_style(k);
            bars::legend_item(area, (lx, ly), name, color, alpha, hatch)?;
        }
        bars::percent_axis(area, (x0, y0, x1, y1), &self.x_label, h - 20.0)?;
        let n = self.rows.len().max(1) as f64;
        let m = self.models.len().max(1) as f64;
        let slot = (y1 - y0) / n;
        let bh = (slot * 0.8 / m).min(22.0);
        for (i, r) in self.rows.iter().enumerate() {
            let yc = y0 + (i as f64 + 0.5) * slot;
            bars::row_label(area, &r.label, x0, yc)?;
            let total = m * bh;
            for (k, s) in r.scores.iter().enumerate() {
                let Some((v, rank)) = *s else { continue };
                let top = yc - total / 2.0 + k as f64 * bh;
                let text = format!("{} (#{rank})", bars::one_decimal(v));
                bars::labelled_bar(area, (x0, to_x(v)), (top, bh), model_style(k), &text)?;
            }
        }
        draw::line(area, (x0, y0), (x0, y1), BLACK.stroke_width(1))?;
        Ok(())
    }
}

/// The bar style of model `k`: its colour, opacity, and a hatch for odd `k`.
fn model_style(k: usize) -> (RGBColor, f64, Option<f64>) {
    (series_color(k), 0.85, (k % 2 == 1).then_some(5.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::{Dimension, Scale, Stakeholder, WeightedDimension};

    #[test]
    fn rows_follow_the_first_models_ranking_and_every_model_has_a_bar()
    -> Result<(), StakeholderError> {
        let r = Ratings::new(
            ["low", "high"].map(|n| Stakeholder::new(n, "")).to_vec(),
            vec![
                Dimension::new("x", Scale::likert(5)?),
                Dimension::new("y", Scale::likert(5)?),
            ],
            vec![vec![Some(1.0), Some(5.0)], vec![Some(5.0), Some(1.0)]],
        )?;
        let term = |d: &str| WeightedDimension {
            dimension: d.into(),
            weight: 1.0,
            reversed: false,
        };
        let models = vec![
            CustomModel {
                name: "by x".into(),
                terms: vec![term("x")],
                ..CustomModel::default()
            },
            CustomModel {
                terms: vec![term("y")],
                ..CustomModel::default()
            },
        ];
        let c = CustomScoreChart::from_models(&r, &models, Lang::En)?;
        assert_eq!(c.models, vec!["by x", "Custom weighted score 2"]);
        let labels: Vec<&str> = c.rows.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, vec!["high", "low"]);
        assert_eq!(
            c.rows.first().map(|x| x.scores.clone()),
            Some(vec![Some((100.0, 1)), Some((0.0, 2))])
        );
        Ok(())
    }
}
