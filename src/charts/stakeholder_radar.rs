//! Radar (spider) chart of selected stakeholders: one spoke per dimension,
//! one closed polygon per stakeholder, values normalised to [0, 1] (the
//! centre is the bottom of each scale, the rim its top). Each series has a
//! colour and its own vertex marker shape.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::text_width;
use super::palette::{BLACK, GREY, LIGHT_GREY, WHITE, series_color, series_shape};
use crate::analysis::stakeholder::{Lang, Ratings, StakeholderError, text};

/// One stakeholder's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RadarSeries {
    /// Name (legend).
    pub label: String,
    /// One value in [0, 1] per axis (missing axes count as 0).
    pub values: Vec<f64>,
}

/// The radar chart. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RadarChart {
    /// Title.
    pub title: String,
    /// Axis (dimension) labels, clockwise from the top.
    pub axes: Vec<String>,
    /// The stakeholders.
    pub series: Vec<RadarSeries>,
}

impl RadarChart {
    /// Profiles of the `selected` stakeholders on `dimensions`, each rating
    /// normalised to its scale; axis labels are the dimension names.
    ///
    /// # Errors
    /// An unknown dimension or a missing rating.
    pub fn from_ratings(
        ratings: &Ratings,
        selected: &[usize],
        dimensions: &[&str],
        lang: Lang,
    ) -> Result<Self, StakeholderError> {
        let series = selected
            .iter()
            .filter_map(|&i| ratings.stakeholders().get(i).map(|s| (i, s.name.clone())))
            .map(|(i, label)| {
                let values = dimensions
                    .iter()
                    .map(|d| Ok(ratings.scale(d)?.normalize(ratings.require(i, d)?)))
                    .collect::<Result<Vec<f64>, StakeholderError>>()?;
                Ok(RadarSeries { label, values })
            })
            .collect::<Result<Vec<_>, StakeholderError>>()?;
        Ok(Self {
            title: text("chart.radar.title", lang)
                .unwrap_or_default()
                .to_string(),
            axes: dimensions.iter().map(|d| (*d).to_string()).collect(),
            series,
        })
    }
}

impl Chart for RadarChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        // Marker (30 px before the text), the widest name, and a 12 px
        // margin on the right so that a name measured exactly (CJK) does
        // not touch the edge.
        let legend_w = 52.0
            + self
                .series
                .iter()
                .map(|s| text_width(&s.label, 13.0))
                .fold(60.0, f64::max);
        let axis_w = self
            .axes
            .iter()
            .map(|a| text_width(a, 13.0))
            .fold(0.0, f64::max);
        let cx = (w - legend_w) / 2.0;
        let cy = (h + 40.0) / 2.0;
        let r = ((w - legend_w) / 2.0 - axis_w - 16.0)
            .min((h - 40.0) / 2.0 - 34.0)
            .max(30.0);
        let n = self.axes.len();
        if n < 3 {
            return Ok(());
        }
        let angle = |k: usize| {
            -std::f64::consts::FRAC_PI_2 + k as f64 * 2.0 * std::f64::consts::PI / n as f64
        };
        let at = |k: usize, v: f64| {
            let a = angle(k);
            (cx + r * v * a.cos(), cy + r * v * a.sin())
        };
        // rings
        for ring in [0.25, 0.5, 0.75, 1.0] {
            let mut pts: Vec<(i32, i32)> = (0..n)
                .map(|k| at(k, ring))
                .map(|(x, y)| draw::px(x, y))
                .collect();
            if let Some(&f) = pts.first() {
                pts.push(f);
            }
            let style = if ring == 1.0 {
                GREY.stroke_width(1)
            } else {
                LIGHT_GREY.stroke_width(1)
            };
            area.draw(&PathElement::new(pts, style))?;
        }
        // spokes and axis labels
        for (k, label) in self.axes.iter().enumerate() {
            draw::line(area, (cx, cy), at(k, 1.0), LIGHT_GREY.stroke_width(1))?;
            let a = angle(k);
            let (x, y) = (cx + (r + 10.0) * a.cos(), cy + (r + 10.0) * a.sin());
            let hpos = if a.cos() > 0.2 {
                HPos::Left
            } else if a.cos() < -0.2 {
                HPos::Right
            } else {
                HPos::Center
            };
            let vpos = if a.sin() > 0.2 {
                VPos::Top
            } else if a.sin() < -0.2 {
                VPos::Bottom
            } else {
                VPos::Center
            };
            draw::text(area, label, (x, y), 13.0, &BLACK, hpos, vpos)?;
        }
        // series
        for (i, s) in self.series.iter().enumerate() {
            let c = series_color(i);
            let pts: Vec<(f64, f64)> = (0..n)
                .map(|k| {
                    at(
                        k,
                        s.values
                            .get(k)
                            .copied()
                            .filter(|v| v.is_finite())
                            .unwrap_or(0.0)
                            .clamp(0.0, 1.0),
                    )
                })
                .collect();
            let ipts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| draw::px(x, y)).collect();
            area.draw(&Polygon::new(ipts.clone(), c.mix(0.10).filled()))?;
            let mut closed = ipts;
            if let Some(&f) = closed.first() {
                closed.push(f);
            }
            area.draw(&PathElement::new(closed, c.stroke_width(2)))?;
            for &p in &pts {
                draw::marker(area, series_shape(i), p, 4.5, &c, 1.0, &BLACK)?;
            }
        }
        // legend
        let lx = w - legend_w + 10.0;
        let mut ly = 60.0;
        for (i, s) in self.series.iter().enumerate() {
            let c = series_color(i);
            draw::line(area, (lx, ly), (lx + 22.0, ly), c.stroke_width(2))?;
            draw::marker(area, series_shape(i), (lx + 11.0, ly), 4.5, &c, 1.0, &BLACK)?;
            draw::text(
                area,
                &s.label,
                (lx + 30.0, ly),
                13.0,
                &BLACK,
                HPos::Left,
                VPos::Center,
            )?;
            ly += 24.0;
        }
        Ok(())
    }
}
