//! Feasibility bars: the PolicyMaker indices (supporters, non-mobilized,
//! opponents) — or any signed totals — as vertical bars with their values.
//! Support is a solid fill, neutral a light fill with horizontal lines,
//! opposition a fill with diagonal hatching, so the bars read in greyscale.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::{format_number, nice_ticks, text_width};
use super::palette::{BLACK, LIGHT_GREY, Stance, WHITE};
use crate::analysis::stakeholder::{Feasibility, Lang, Side, text};

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeasibilityBar {
    /// Label under the bar.
    pub label: String,
    /// Value (≥ 0 for the PolicyMaker indices).
    pub value: f64,
    /// Colour and pattern.
    pub stance: Stance,
}

/// The bar chart. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeasibilityChart {
    /// Title.
    pub title: String,
    /// Y axis label.
    pub y_label: String,
    /// The bars, left to right.
    pub bars: Vec<FeasibilityBar>,
}

impl FeasibilityChart {
    /// The three PolicyMaker indices as bars, with texts in `lang`.
    pub fn from_feasibility(feasibility: &Feasibility, lang: Lang) -> Self {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        Self {
            title: t("chart.feasibility.title"),
            y_label: t("chart.feasibility.y"),
            bars: [
                (Side::Supporters, feasibility.supporters),
                (Side::NonMobilized, feasibility.non_mobilized),
                (Side::Opponents, feasibility.opponents),
            ]
            .into_iter()
            .map(|(side, value)| FeasibilityBar {
                label: t(side.key()),
                value,
                stance: Stance::from(side),
            })
            .collect(),
        }
    }
}

impl Chart for FeasibilityChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let (x0, y0, x1, y1) = (80.0, 56.0, w - 24.0, h - 56.0);
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        let max = self
            .bars
            .iter()
            .map(|b| finite(b.value))
            .fold(0.0, f64::max);
        let min = self
            .bars
            .iter()
            .map(|b| finite(b.value))
            .fold(0.0, f64::min);
        let ticks = nice_ticks(min, if max > min { max } else { min + 1.0 }, 5);
        let top = ticks.last().copied().unwrap_or(1.0).max(max);
        let bottom = ticks.first().copied().unwrap_or(0.0).min(min);
        let span = if top > bottom { top - bottom } else { 1.0 };
        let to_y = |v: f64| y1 - (v - bottom) / span * (y1 - y0);
        for t in &ticks {
            let y = to_y(*t);
            draw::line(area, (x0, y), (x1, y), LIGHT_GREY.stroke_width(1))?;
            draw::text(
                area,
                &format_number(*t),
                (x0 - 6.0, y),
                12.0,
                &BLACK,
                HPos::Right,
                VPos::Center,
            )?;
        }
        draw::text_vertical(area, &self.y_label, (22.0, (y0 + y1) / 2.0), 15.0)?;
        let n = self.bars.len().max(1) as f64;
        let slot = (x1 - x0) / n;
        let bw = (slot * 0.6).min(140.0);
        let zero = to_y(0.0);
        for (i, b) in self.bars.iter().enumerate() {
            let v = finite(b.value);
            let cx = x0 + (i as f64 + 0.5) * slot;
            let (top_y, bot_y) = if v >= 0.0 {
                (to_y(v), zero)
            } else {
                (zero, to_y(v))
            };
            let rect = [
                draw::px(cx - bw / 2.0, top_y),
                draw::px(cx + bw / 2.0, bot_y),
            ];
            let c = b.stance.color();
            match b.stance {
                Stance::Support => {
                    area.draw(&Rectangle::new(rect, c.mix(0.85).filled()))?;
                }
                Stance::Neutral => {
                    area.draw(&Rectangle::new(rect, c.mix(0.35).filled()))?;
                    let mut y = top_y + 6.0;
                    while y < bot_y {
                        draw::line(
                            area,
                            (cx - bw / 2.0, y),
                            (cx + bw / 2.0, y),
                            BLACK.mix(0.5).stroke_width(1),
                        )?;
                        y += 6.0;
                    }
                }
                Stance::Oppose => {
                    area.draw(&Rectangle::new(rect, c.mix(0.55).filled()))?;
                    draw::hatch(
                        area,
                        (cx - bw / 2.0, top_y, cx + bw / 2.0, bot_y),
                        8.0,
                        BLACK.mix(0.6).stroke_width(1),
                    )?;
                }
            }
            area.draw(&Rectangle::new(rect, BLACK.stroke_width(1)))?;
            let label_y = if v >= 0.0 { top_y - 4.0 } else { bot_y + 4.0 };
            let vpos = if v >= 0.0 { VPos::Bottom } else { VPos::Top };
            draw::text(
                area,
                &format_number(v),
                (cx, label_y),
                13.0,
                &BLACK,
                HPos::Center,
                vpos,
            )?;
            let size = if text_width(&b.label, 13.0) > slot - 4.0 {
                11.0
            } else {
                13.0
            };
            draw::text(
                area,
                &b.label,
                (cx, y1 + 10.0),
                size,
                &BLACK,
                HPos::Center,
                VPos::Top,
            )?;
        }
        draw::line(area, (x0, zero), (x1, zero), BLACK.stroke_width(1))?;
        draw::line(area, (x0, y0), (x0, y1), BLACK.stroke_width(1))?;
        Ok(())
    }
}
