//! The calibration curve: raw value (x) against set membership (y). The
//! caller samples the fitted curve of the chosen method (direct, linear,
//! bell, …) and passes the points; the chart draws it with the cases as
//! points, the anchors as dashed vertical guides, the 0.5 line, and the
//! cases whose membership is exactly 0.5 (they belong to no truth-table
//! row) as larger diamonds with their names.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_calibration::*;
//!
//! let chart = CalibrationChart {
//!     curve: (0..=20).map(|i| (f64::from(i), f64::from(i) / 20.0)).collect(),
//!     cases: vec![CalibrationCase { name: "甲".into(), raw: 10.0, membership: 0.5 }],
//!     anchors: vec![Guide { value: 10.0, label: "0.5".into() }],
//!     texts: CalibrationTexts::english("GDP", "membership in RICH"),
//!     font_size: 13.0,
//! };
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (500, 350)).into_drawing_area();
//!     chart.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! assert!(svg.contains("甲"));
//! ```

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_common::{
    Axes, BLACK, BLUE, GREY, VERMILLION, dash_length, finite_range, font_px, is_crossover,
    line_widths, numeric_axes, padded, scaled, text_style, text_width,
};

/// One case: its raw value and calibrated membership.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationCase {
    /// Case name (drawn only for cases at exactly 0.5).
    pub name: String,
    /// Raw value (x).
    pub raw: f64,
    /// Calibrated membership (y), in [0, 1].
    pub membership: f64,
}

/// A vertical guide at a raw value, with a short label (an anchor such
/// as "e = 2.1", or a bin edge, or a percentile).
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// Raw value at which the guide is drawn.
    pub value: f64,
    /// Label printed at the top of the guide.
    pub label: String,
}

/// Every text of the chart, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationTexts {
    /// Title; empty for none.
    pub title: String,
    /// X axis title (the raw column).
    pub x_label: String,
    /// Y axis title (the set).
    pub y_label: String,
    /// Legend text for ordinary cases.
    pub cases: String,
    /// Legend text for cases at exactly 0.5.
    pub crossover_cases: String,
    /// Legend text for the fitted curve.
    pub curve: String,
}

impl CalibrationTexts {
    /// English texts for the calibration of `x_label` into `y_label`.
    #[must_use]
    pub fn english(x_label: &str, y_label: &str) -> Self {
        Self {
            title: String::new(),
            x_label: x_label.into(),
            y_label: y_label.into(),
            cases: "Case".into(),
            crossover_cases: "Membership exactly 0.5".into(),
            curve: "Calibration function".into(),
        }
    }
}

/// The calibration chart (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationChart {
    /// Sampled points (raw, membership) of the fitted function, in
    /// increasing raw order; non-finite points are skipped.
    pub curve: Vec<(f64, f64)>,
    /// The cases; non-finite values are not drawn.
    pub cases: Vec<CalibrationCase>,
    /// Anchors (or thresholds), drawn as dashed vertical guides.
    pub anchors: Vec<Guide>,
    /// Texts in the user's language.
    pub texts: CalibrationTexts,
    /// Font size in pixels.
    pub font_size: f64,
}

/// Radius of an ordinary case marker.
const POINT_RADIUS: f64 = 4.0;
/// Half-diagonal of the diamond of a case at 0.5.
const CROSSOVER_RADIUS: f64 = 7.0;

impl CalibrationChart {
    /// The cases drawn as "exactly 0.5" diamonds (indices into `cases`).
    #[must_use]
    pub fn crossover_cases(&self) -> Vec<usize> {
        self.cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.raw.is_finite() && is_crossover(c.membership))
            .map(|(i, _)| i)
            .collect()
    }

    fn x_range(&self) -> (f64, f64) {
        let values = self
            .curve
            .iter()
            .filter(|(_, m)| m.is_finite())
            .map(|(x, _)| *x)
            .chain(
                self.cases
                    .iter()
                    .filter(|c| c.membership.is_finite())
                    .map(|c| c.raw),
            )
            .chain(self.anchors.iter().map(|a| a.value));
        let (lo, hi) = finite_range(values).unwrap_or((0.0, 1.0));
        padded(lo, hi, 0.04)
    }

    /// Draws the chart on `area`.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font = font_px(self.font_size);
        let (thin, thick) = line_widths(font);
        let dash_len = |n: f64| dash_length(font, n);
        let point_r = scaled(font, POINT_RADIUS).round().max(2.0) as i32;
        let diamond_r = scaled(font, CROSSOVER_RADIUS).round().max(3.0) as i32;
        area.fill(&WHITE)?;
        let (x0, x1) = self.x_range();
        let legend_h = (font * 1.8) as u32;
        let chart = numeric_axes(
            area,
            Axes {
                title: &self.texts.title,
                x_label: &self.texts.x_label,
                y_label: &self.texts.y_label,
                x: x0..x1,
                y: -0.03..1.03,
                font,
                bottom_extra: legend_h,
                top_extra: if self.anchors.is_empty() {
                    0
                } else {
                    (font * 2.4) as u32
                },
                integer_y: false,
            },
        )?;
        let plot = chart.plotting_area();
        let (plot_x, plot_y) = plot.get_pixel_range();

        // 0.5 line and anchor guides with their labels (staggered when
        // neighbours would collide).
        plot.draw(&DashedPathElement::new(
            vec![(x0, 0.5), (x1, 0.5)],
            dash_len(5.0),
            dash_len(4.0),
            GREY.stroke_width(thin),
        ))?;
        let mut anchors: Vec<&Guide> = self
            .anchors
            .iter()
            .filter(|a| a.value.is_finite())
            .collect();
        anchors.sort_by(|a, b| a.value.total_cmp(&b.value));
        let mut previous_right: Option<(i32, usize)> = None;
        for anchor in anchors {
            plot.draw(&DashedPathElement::new(
                vec![(anchor.value, -0.03), (anchor.value, 1.03)],
                dash_len(3.0),
                dash_len(3.0),
                GREY.stroke_width(thin),
            ))?;
            let (ax, _) = chart.backend_coord(&(anchor.value, 1.0));
            let top = plot_y.start.min(plot_y.end);
            let half = (text_width(&anchor.label, font * 0.85) / 2.0) as i32;
            // Above the plot, kept within its width.
            let (left, right) = (plot_x.start, plot_x.end);
            let ax = ax.clamp(left + half, (right - half).max(left + half));
            let level = match previous_right {
                Some((right, level)) if ax - half < right => (level + 1) % 2,
                _ => 0,
            };
            previous_right = Some((ax + half, level));
            let y = top - 3 - (level as f64 * font) as i32;
            area.draw_text(
                &anchor.label,
                &text_style(font * 0.85, BLACK, HPos::Center, VPos::Bottom),
                {
                    let base = area.get_base_pixel();
                    (ax - base.0, y - base.1)
                },
            )?;
        }

        // The fitted curve.
        let curve: Vec<(f64, f64)> = self
            .curve
            .iter()
            .copied()
            .filter(|(x, m)| x.is_finite() && m.is_finite())
            .collect();
        plot.draw(&PathElement::new(curve, BLUE.stroke_width(thick)))?;

        // Cases: circles; at exactly 0.5, diamonds with the case name.
        let crossover = self.crossover_cases();
        for (i, case) in self.cases.iter().enumerate() {
            if !(case.raw.is_finite() && case.membership.is_finite()) || crossover.contains(&i) {
                continue;
            }
            let c = (case.raw, case.membership);
            plot.draw(&Circle::new(c, point_r, WHITE.filled()))?;
            plot.draw(&Circle::new(c, point_r, BLACK.stroke_width(thin)))?;
        }
        // Diamonds; cases at the same pixel share one label.
        let base = area.get_base_pixel();
        let mut spots: Vec<((i32, i32), Vec<&str>)> = Vec::new();
        for case in crossover.iter().filter_map(|&i| self.cases.get(i)) {
            let (x, y) = chart.backend_coord(&(case.raw, case.membership));
            let spot = (x - base.0, y - base.1);
            match spots.iter_mut().find(|s| s.0 == spot) {
                Some(s) => s.1.push(&case.name),
                None => spots.push((spot, vec![&case.name])),
            }
        }
        for ((x, y), names) in &spots {
            let (x, y) = (*x, *y);
            let r = diamond_r;
            area.draw(&Polygon::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
                VERMILLION.filled(),
            ))?;
            area.draw(&PathElement::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)],
                BLACK.stroke_width(thin),
            ))?;
            area.draw_text(
                &names.join(", "),
                &text_style(font * 0.85, BLACK, HPos::Left, VPos::Bottom),
                (x + r, y - r),
            )?;
        }

        // Legend under the x axis title.
        let (w, h) = area.dim_in_pixel();
        let y = h as i32 - (legend_h as i32) / 2 - 4;
        let items = [
            &self.texts.curve,
            &self.texts.cases,
            &self.texts.crossover_cases,
        ];
        // One row; the legend font shrinks when the row would not fit.
        let natural: f64 = items
            .iter()
            .map(|t| font * 3.2 + text_width(t, font * 0.9))
            .sum();
        let shrink = ((f64::from(w) - 8.0) / natural).clamp(0.5, 1.0);
        let legend_font = font * 0.9 * shrink;
        let widths: Vec<f64> = items
            .iter()
            .map(|t| font * 3.2 * shrink + text_width(t, legend_font))
            .collect();
        let total: f64 = widths.iter().sum();
        let mut x = ((f64::from(w) - total) / 2.0).max(4.0);
        for (k, (text, width)) in items.iter().zip(&widths).enumerate() {
            let cx = (x + font * 0.8) as i32;
            match k {
                0 => area.draw(&PathElement::new(
                    vec![(cx - point_r * 2, y), (cx + point_r * 2, y)],
                    BLUE.stroke_width(thick),
                ))?,
                1 => {
                    area.draw(&Circle::new((cx, y), point_r, WHITE.filled()))?;
                    area.draw(&Circle::new((cx, y), point_r, BLACK.stroke_width(thin)))?;
                }
                _ => {
                    let r = diamond_r - 1;
                    area.draw(&Polygon::new(
                        vec![(cx, y - r), (cx + r, y), (cx, y + r), (cx - r, y)],
                        VERMILLION.filled(),
                    ))?;
                }
            }
            area.draw_text(
                text,
                &text_style(legend_font, BLACK, HPos::Left, VPos::Center),
                ((x + font * 2.2 * shrink) as i32, y),
            )?;
            x += width;
        }
        Ok(())
    }
}

impl super::Chart for CalibrationChart {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        CalibrationChart::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cases_at_exactly_one_half_are_crossover_cases() {
        let chart = CalibrationChart {
            curve: vec![],
            cases: [0.2, 0.5, 0.5000001, f64::NAN, 0.5]
                .iter()
                .enumerate()
                .map(|(i, m)| CalibrationCase {
                    name: i.to_string(),
                    raw: i as f64,
                    membership: *m,
                })
                .collect(),
            anchors: vec![],
            texts: CalibrationTexts::english("x", "y"),
            font_size: 12.0,
        };
        assert_eq!(chart.crossover_cases(), vec![1, 4]);
    }

    #[test]
    fn the_x_range_covers_curve_cases_and_anchors() {
        let chart = CalibrationChart {
            curve: vec![(1.0, 0.1), (5.0, 0.9)],
            cases: vec![CalibrationCase {
                name: "a".into(),
                raw: 7.0,
                membership: 1.0,
            }],
            anchors: vec![Guide {
                value: -2.0,
                label: "e".into(),
            }],
            texts: CalibrationTexts::english("x", "y"),
            font_size: 12.0,
        };
        let (lo, hi) = chart.x_range();
        assert!(lo < -2.0 && hi > 7.0);
    }
}
