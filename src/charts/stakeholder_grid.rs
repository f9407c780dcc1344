//! The power–interest bubble grid: x interest, y power, bubble size a third
//! dimension, colour (and glyph) the stakeholder's stance; the cut points
//! divide the plot into Mendelow's four quadrants.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::{Anchor, Rect, format_number, nice_ticks, place_labels, text_width};
use super::palette::{BLACK, GREY, LIGHT_GREY, Shape, Stance, WHITE};
use crate::analysis::stakeholder::{
    Attitude, GridPlacement, Lang, MendelowModel, Quadrant, Ratings, StakeholderError, fill, text,
};

/// Font size of bubble labels.
const LABEL_SIZE: f64 = 13.0;
/// Font size of quadrant names.
const QUADRANT_SIZE: f64 = 13.0;
/// Bubble radius range in pixels (before scaling to the plot size).
const R_MIN: f64 = 7.0;
const R_MAX: f64 = 24.0;

/// One stakeholder on the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bubble {
    /// Label (the stakeholder's name).
    pub label: String,
    /// Interest (x), in the units of `x_range`.
    pub x: f64,
    /// Power (y), in the units of `y_range`.
    pub y: f64,
    /// Bubble size in [0, 1] (e.g. the normalised third dimension).
    pub size: f64,
    /// Colour and glyph.
    pub stance: Stance,
}

/// The power–interest bubble grid. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerInterestChart {
    /// Title.
    pub title: String,
    /// X axis label (interest).
    pub x_label: String,
    /// Y axis label (power).
    pub y_label: String,
    /// What bubble size shows (the size legend is drawn only when non-empty).
    pub size_label: String,
    /// Legend texts for support, neutral, oppose.
    pub legend: [String; 3],
    /// Quadrant names in the order manage closely (top right), keep
    /// satisfied (top left), keep informed (bottom right), monitor (bottom left).
    pub quadrant_labels: [String; 4],
    /// X range (interest scale).
    pub x_range: (f64, f64),
    /// Y range (power scale).
    pub y_range: (f64, f64),
    /// Interest cut point.
    pub x_cut: f64,
    /// Power cut point.
    pub y_cut: f64,
    /// The stakeholders.
    pub bubbles: Vec<Bubble>,
}

/// Geometry of one rendering (pixels).
#[derive(Debug, Clone)]
pub(crate) struct GridLayout {
    plot: Rect,
    legend_x: f64,
    centres: Vec<(f64, f64, f64)>,
    labels: Vec<Rect>,
}

impl PowerInterestChart {
    /// The grid of a power–interest classification: axes the model's
    /// dimensions and cut points, bubble size the normalised `size`
    /// dimension (all equal when `None`), colours from `stances` (one per
    /// stakeholder, e.g. `Stance::from(player.side)`; neutral when
    /// missing), texts in `lang`.
    ///
    /// # Errors
    /// Unknown dimensions or invalid cut points.
    pub fn from_grid(
        ratings: &Ratings,
        model: &MendelowModel,
        grid: &[GridPlacement],
        size: Option<&str>,
        stances: &[Stance],
        lang: Lang,
    ) -> Result<Self, StakeholderError> {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        let (power_cut, interest_cut) = model.cuts(ratings)?;
        let ps = ratings.scale(&model.power)?;
        let is = ratings.scale(&model.interest)?;
        let size_dim = match size {
            Some(d) => Some((
                ratings.dimension_index(d)?,
                ratings.scale(d)?.clone(),
                d.to_string(),
            )),
            None => None,
        };
        Ok(Self {
            title: t("chart.grid.title"),
            x_label: model.interest.clone(),
            y_label: model.power.clone(),
            size_label: size_dim
                .as_ref()
                .map(|(_, _, d)| fill(&t("chart.grid.size"), &[("dimension".into(), d.clone())]))
                .unwrap_or_default(),
            legend: [Attitude::Support, Attitude::Neutral, Attitude::Oppose].map(|a| t(a.key())),
            quadrant_labels: Quadrant::ALL.map(|q| t(q.key())),
            x_range: (is.min(), is.max()),
            y_range: (ps.min(), ps.max()),
            x_cut: interest_cut,
            y_cut: power_cut,
            bubbles: grid
                .iter()
                .map(|g| Bubble {
                    label: ratings
                        .stakeholders()
                        .get(g.stakeholder)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    x: g.interest,
                    y: g.power,
                    size: size_dim
                        .as_ref()
                        .and_then(|(d, scale, _)| {
                            ratings.get(g.stakeholder, *d).map(|v| scale.normalize(v))
                        })
                        .unwrap_or(0.5),
                    stance: stances
                        .get(g.stakeholder)
                        .copied()
                        .unwrap_or(Stance::Neutral),
                })
                .collect(),
        })
    }

    fn layout(&self, w: f64, h: f64) -> GridLayout {
        let legend_w = 40.0
            + self
                .legend
                .iter()
                .chain(std::iter::once(&self.size_label))
                .map(|s| text_width(s, 13.0))
                .fold(90.0, f64::max);
        let plot = Rect {
            x0: 78.0,
            y0: 52.0,
            x1: (w - legend_w - 24.0).max(120.0),
            y1: (h - 62.0).max(100.0),
        };
        let scale = (plot.width().min(plot.height()) / 500.0).clamp(0.6, 1.6);
        let (xr, yr) = (span(self.x_range), span(self.y_range));
        let mut centres: Vec<(f64, f64, f64)> = self
            .bubbles
            .iter()
            .map(|b| {
                let x = plot.x0 + (b.x.clamp(xr.0, xr.1) - xr.0) / (xr.1 - xr.0) * plot.width();
                let y = plot.y1 - (b.y.clamp(yr.0, yr.1) - yr.0) / (yr.1 - yr.0) * plot.height();
                let r = (R_MIN + b.size.clamp(0.0, 1.0) * (R_MAX - R_MIN)) * scale;
                (x, y, r)
            })
            .collect();
        // Stakeholders with identical ratings would hide each other: fan
        // exact duplicates out on a small circle (deterministic).
        for i in 0..centres.len() {
            let dups: Vec<usize> = (0..i)
                .filter(|&j| {
                    let (a, b) = (centres.get(i), centres.get(j));
                    matches!((a, b), (Some(a), Some(b)) if (a.0 - b.0).abs() < 1.0 && (a.1 - b.1).abs() < 1.0)
                })
                .collect();
            if !dups.is_empty() {
                let k = dups.len() as f64;
                if let Some(c) = centres.get_mut(i) {
                    let t = k * 2.4;
                    c.0 += 9.0 * scale * t.cos();
                    c.1 += 9.0 * scale * t.sin();
                }
            }
        }
        let anchors: Vec<Anchor> = centres
            .iter()
            .map(|&(x, y, r)| Anchor { x, y, r })
            .collect();
        let sizes: Vec<(f64, f64)> = self
            .bubbles
            .iter()
            .map(|b| (text_width(&b.label, LABEL_SIZE) + 4.0, LABEL_SIZE + 4.0))
            .collect();
        let labels = place_labels(
            &anchors,
            &sizes,
            &quadrant_boxes(&self.quadrant_labels, plot),
            plot,
        );
        GridLayout {
            plot,
            legend_x: plot.x1 + 24.0,
            centres,
            labels,
        }
    }

    /// The label boxes (pixels) of a `width` × `height` rendering, in bubble
    /// order: what [`Chart::draw`] uses, exposed for tests and hit-testing.
    pub fn label_boxes(&self, width: u32, height: u32) -> Vec<Rect> {
        self.layout(f64::from(width), f64::from(height)).labels
    }
}

/// Share of the range added on each side so that bubbles at the ends of
/// the scales stay inside the frame and clear of the quadrant names.
const PAD: f64 = 0.10;

/// The plotted range: the scale padded by [`PAD`] (or [0, 1] if invalid).
fn span((a, b): (f64, f64)) -> (f64, f64) {
    let (a, b) = if a.is_finite() && b.is_finite() && b > a {
        (a, b)
    } else {
        (0.0, 1.0)
    };
    let p = (b - a) * PAD;
    (a - p, b + p)
}

/// Boxes of the four quadrant names (corners of the plot), in
/// `quadrant_labels` order.
fn quadrant_boxes(labels: &[String; 4], p: Rect) -> [Rect; 4] {
    let qh = QUADRANT_SIZE + 4.0;
    let wd = |i: usize| labels.get(i).map_or(0.0, |s| text_width(s, QUADRANT_SIZE)) + 4.0;
    [
        Rect::new(p.x1 - 4.0 - wd(0), p.y0 + 4.0, wd(0), qh),
        Rect::new(p.x0 + 4.0, p.y0 + 4.0, wd(1), qh),
        Rect::new(p.x1 - 4.0 - wd(2), p.y1 - 4.0 - qh, wd(2), qh),
        Rect::new(p.x0 + 4.0, p.y1 - 4.0 - qh, wd(3), qh),
    ]
}

impl Chart for PowerInterestChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let l = self.layout(w, h);
        let p = l.plot;
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let (xr, yr) = (span(self.x_range), span(self.y_range));
        let to_x = |v: f64| p.x0 + (v - xr.0) / (xr.1 - xr.0) * p.width();
        let to_y = |v: f64| p.y1 - (v - yr.0) / (yr.1 - yr.0) * p.height();
        // grid and ticks
        for t in nice_ticks(self.x_range.0, self.x_range.1, 5)
            .into_iter()
            .filter(|t| *t >= xr.0 && *t <= xr.1)
        {
            let x = to_x(t);
            draw::line(area, (x, p.y0), (x, p.y1), LIGHT_GREY.stroke_width(1))?;
            draw::text(
                area,
                &format_number(t),
                (x, p.y1 + 6.0),
                12.0,
                &BLACK,
                HPos::Center,
                VPos::Top,
            )?;
        }
        for t in nice_ticks(self.y_range.0, self.y_range.1, 5)
            .into_iter()
            .filter(|t| *t >= yr.0 && *t <= yr.1)
        {
            let y = to_y(t);
            draw::line(area, (p.x0, y), (p.x1, y), LIGHT_GREY.stroke_width(1))?;
            draw::text(
                area,
                &format_number(t),
                (p.x0 - 6.0, y),
                12.0,
                &BLACK,
                HPos::Right,
                VPos::Center,
            )?;
        }
        area.draw(&Rectangle::new(
            [draw::px(p.x0, p.y0), draw::px(p.x1, p.y1)],
            BLACK.stroke_width(1),
        ))?;
        // quadrants
        let (cx, cy) = (
            to_x(self.x_cut.clamp(xr.0, xr.1)),
            to_y(self.y_cut.clamp(yr.0, yr.1)),
        );
        draw::dashed(area, (cx, p.y0), (cx, p.y1), 6.0, GREY.stroke_width(2))?;
        draw::dashed(area, (p.x0, cy), (p.x1, cy), 6.0, GREY.stroke_width(2))?;
        for (label, b) in self
            .quadrant_labels
            .iter()
            .zip(quadrant_boxes(&self.quadrant_labels, p))
        {
            draw::text(
                area,
                label,
                (b.x0 + 2.0, (b.y0 + b.y1) / 2.0),
                QUADRANT_SIZE,
                &GREY,
                HPos::Left,
                VPos::Center,
            )?;
        }
        // axis labels
        draw::text(
            area,
            &self.x_label,
            ((p.x0 + p.x1) / 2.0, h - 24.0),
            15.0,
            &BLACK,
            HPos::Center,
            VPos::Center,
        )?;
        draw::text_vertical(area, &self.y_label, (22.0, (p.y0 + p.y1) / 2.0), 15.0)?;
        // bubbles, largest first so small ones stay visible
        let mut order: Vec<usize> = (0..self.bubbles.len()).collect();
        order.sort_by(|&a, &b| {
            let ra = l.centres.get(a).map_or(0.0, |c| c.2);
            let rb = l.centres.get(b).map_or(0.0, |c| c.2);
            rb.total_cmp(&ra).then(a.cmp(&b))
        });
        for &i in &order {
            let (Some(b), Some(&(x, y, r))) = (self.bubbles.get(i), l.centres.get(i)) else {
                continue;
            };
            draw::marker(
                area,
                Shape::Circle,
                (x, y),
                r,
                &b.stance.color(),
                0.55,
                &BLACK,
            )?;
            draw::marker(area, b.stance.shape(), (x, y), 3.5, &BLACK, 1.0, &BLACK)?;
        }
        // labels, with a leader line when pushed away from the bubble
        for (i, b) in self.bubbles.iter().enumerate() {
            let (Some(rect), Some(&(x, y, r))) = (l.labels.get(i), l.centres.get(i)) else {
                continue;
            };
            let (lx, ly) = ((rect.x0 + rect.x1) / 2.0, (rect.y0 + rect.y1) / 2.0);
            let dist = ((lx - x).powi(2) + (ly - y).powi(2)).sqrt();
            if dist > r + rect.width() / 2.0 + 10.0 {
                let ex = x.clamp(rect.x0, rect.x1);
                let ey = y.clamp(rect.y0, rect.y1);
                draw::line(area, (x, y), (ex, ey), GREY.stroke_width(1))?;
            }
            draw::text(
                area,
                &b.label,
                (rect.x0 + 2.0, ly),
                LABEL_SIZE,
                &BLACK,
                HPos::Left,
                VPos::Center,
            )?;
        }
        // legend
        let lx = l.legend_x;
        let mut ly = p.y0 + 8.0;
        for s in Stance::ALL {
            let label = self.legend.get(s.index()).map(String::as_str).unwrap_or("");
            draw::marker(
                area,
                Shape::Circle,
                (lx + 10.0, ly),
                9.0,
                &s.color(),
                0.55,
                &BLACK,
            )?;
            draw::marker(area, s.shape(), (lx + 10.0, ly), 3.5, &BLACK, 1.0, &BLACK)?;
            draw::text(
                area,
                label,
                (lx + 26.0, ly),
                13.0,
                &BLACK,
                HPos::Left,
                VPos::Center,
            )?;
            ly += 28.0;
        }
        if self.size_label.is_empty() {
            return Ok(());
        }
        ly += 10.0;
        draw::text(
            area,
            &self.size_label,
            (lx, ly),
            13.0,
            &BLACK,
            HPos::Left,
            VPos::Center,
        )?;
        ly += 14.0;
        let scale = (p.width().min(p.height()) / 500.0).clamp(0.6, 1.6);
        let bottom = ly + 2.0 * R_MAX * scale;
        let mut x = lx;
        for size in [0.0, 0.5, 1.0] {
            let r = (R_MIN + size * (R_MAX - R_MIN)) * scale;
            area.draw(&Circle::new(
                draw::px(x + r, bottom - r),
                r.round() as u32,
                BLACK.stroke_width(1),
            ))?;
            x += 2.0 * r + 8.0;
        }
        Ok(())
    }
}
