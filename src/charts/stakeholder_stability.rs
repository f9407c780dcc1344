//! Stability bars: for each stakeholder, the share of sensitivity draws
//! that keep its class (solid bar) and its rank (hatched bar), 0–100 %.

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

use super::Chart;
use super::bars;
use super::draw::{self, DrawResult};
use super::layout::label_column_width;
use super::palette::{BLACK, BLUE, ORANGE, WHITE};
use crate::analysis::stakeholder::{Lang, Ratings, Stability, text};

/// One stakeholder's stability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StabilityRow {
    /// Name.
    pub label: String,
    /// Class stability, 0–100.
    pub class: f64,
    /// Rank stability, 0–100, when the model ranks.
    pub rank: Option<f64>,
}

/// The stability chart. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StabilityChart {
    /// Title.
    pub title: String,
    /// X axis label (e.g. "share of draws (%)").
    pub x_label: String,
    /// Legend texts: class, rank.
    pub legend: [String; 2],
    /// One row per stakeholder, top to bottom.
    pub rows: Vec<StabilityRow>,
}

impl StabilityChart {
    /// Rows from a sensitivity result, with texts in `lang`.
    pub fn from_stability(ratings: &Ratings, stability: &[Stability], lang: Lang) -> Self {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        Self {
            title: t("chart.stability.title"),
            x_label: t("chart.stability.x"),
            legend: [t("chart.stability.class"), t("chart.stability.rank")],
            rows: stability
                .iter()
                .map(|s| StabilityRow {
                    label: ratings
                        .stakeholders()
                        .get(s.stakeholder)
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                    class: s.class_stability,
                    rank: s.rank_stability,
                })
                .collect(),
        }
    }
}

impl Chart for StabilityChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let left = label_column_width(self.rows.iter().map(|r| r.label.as_str()), 40.0, 16.0);
        let (x0, y0, x1, y1) = (left.min(w * 0.45), 76.0, w - 50.0, h - 56.0);
        let to_x = |v: f64| bars::percent_x(x0, x1, v);
        bars::percent_axis(area, (x0, y0, x1, y1), &self.x_label, h - 20.0)?;
        // legend
        let has_rank = self.rows.iter().any(|r| r.rank.is_some());
        let mut lx = x0;
        for (k, label) in self.legend.iter().enumerate() {
            if k == 1 && !has_rank {
                break;
            }
            let c = if k == 0 { BLUE } else { ORANGE };
            bars::legend_item(area, (lx, 46.0), label, c, 0.8, (k == 1).then_some(5.0))?;
            lx += bars::legend_item_width(label);
        }
        let n = self.rows.len().max(1) as f64;
        let slot = (y1 - y0) / n;
        let bh = (slot * if has_rank { 0.36 } else { 0.6 }).min(22.0);
        for (i, r) in self.rows.iter().enumerate() {
            let yc = y0 + (i as f64 + 0.5) * slot;
            bars::row_label(area, &r.label, x0, yc)?;
            let bars: Vec<(f64, bool)> = std::iter::once((r.class, false))
                .chain(r.rank.map(|v| (v, true)))
                .collect();
            let total = bars.len() as f64 * bh;
            for (k, (v, hatched)) in bars.into_iter().enumerate() {
                let top = yc - total / 2.0 + k as f64 * bh;
                let c = if hatched { ORANGE } else { BLUE };
                let text = format!("{}%", bars::one_decimal(v));
                let style = (c, 0.8, hatched.then_some(6.0));
                bars::labelled_bar(area, (x0, to_x(v)), (top, bh), style, &text)?;
            }
        }
        draw::line(area, (x0, y0), (x0, y1), BLACK.stroke_width(1))?;
        Ok(())
    }
}
