//! Stability bars: for each stakeholder, the share of sensitivity draws
//! that keep its class (solid bar) and its rank (hatched bar), 0–100 %.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::{format_number, text_width};
use super::palette::{BLACK, BLUE, LIGHT_GREY, ORANGE, WHITE};
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
        let left = 16.0
            + self
                .rows
                .iter()
                .map(|r| text_width(&r.label, 13.0))
                .fold(40.0, f64::max);
        let (x0, y0, x1, y1) = (left.min(w * 0.45), 76.0, w - 50.0, h - 56.0);
        let to_x = |v: f64| x0 + v.clamp(0.0, 100.0) / 100.0 * (x1 - x0);
        for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let x = to_x(t);
            draw::line(area, (x, y0), (x, y1), LIGHT_GREY.stroke_width(1))?;
            draw::text(
                area,
                &format_number(t),
                (x, y1 + 6.0),
                12.0,
                &BLACK,
                HPos::Center,
                VPos::Top,
            )?;
        }
        draw::text(
            area,
            &self.x_label,
            ((x0 + x1) / 2.0, h - 20.0),
            14.0,
            &BLACK,
            HPos::Center,
            VPos::Center,
        )?;
        // legend
        let has_rank = self.rows.iter().any(|r| r.rank.is_some());
        let mut lx = x0;
        for (k, label) in self.legend.iter().enumerate() {
            if k == 1 && !has_rank {
                break;
            }
            let c = if k == 0 { BLUE } else { ORANGE };
            area.draw(&Rectangle::new(
                [draw::px(lx, 46.0), draw::px(lx + 18.0, 58.0)],
                c.mix(0.8).filled(),
            ))?;
            if k == 1 {
                draw::hatch(
                    area,
                    (lx, 46.0, lx + 18.0, 58.0),
                    5.0,
                    BLACK.mix(0.6).stroke_width(1),
                )?;
            }
            draw::text(
                area,
                label,
                (lx + 24.0, 52.0),
                13.0,
                &BLACK,
                HPos::Left,
                VPos::Center,
            )?;
            lx += 24.0 + text_width(label, 13.0) + 24.0;
        }
        let n = self.rows.len().max(1) as f64;
        let slot = (y1 - y0) / n;
        let bh = (slot * if has_rank { 0.36 } else { 0.6 }).min(22.0);
        for (i, r) in self.rows.iter().enumerate() {
            let yc = y0 + (i as f64 + 0.5) * slot;
            draw::text(
                area,
                &r.label,
                (x0 - 8.0, yc),
                13.0,
                &BLACK,
                HPos::Right,
                VPos::Center,
            )?;
            let bars: Vec<(f64, bool)> = std::iter::once((r.class, false))
                .chain(r.rank.map(|v| (v, true)))
                .collect();
            let total = bars.len() as f64 * bh;
            for (k, (v, hatched)) in bars.into_iter().enumerate() {
                let top = yc - total / 2.0 + k as f64 * bh;
                let rect = (x0, top + 1.0, to_x(v), top + bh - 1.0);
                let c = if hatched { ORANGE } else { BLUE };
                area.draw(&Rectangle::new(
                    [draw::px(rect.0, rect.1), draw::px(rect.2, rect.3)],
                    c.mix(0.8).filled(),
                ))?;
                if hatched {
                    draw::hatch(area, rect, 6.0, BLACK.mix(0.6).stroke_width(1))?;
                }
                draw::text(
                    area,
                    &format!("{}%", format_number((v * 10.0).round() / 10.0)),
                    (to_x(v) + 4.0, top + bh / 2.0),
                    11.0,
                    &BLACK,
                    HPos::Left,
                    VPos::Center,
                )?;
            }
        }
        draw::line(area, (x0, y0), (x0, y1), BLACK.stroke_width(1))?;
        Ok(())
    }
}
