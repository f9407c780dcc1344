//! The XY plot of fsQCA: a term or model's membership (x) against the
//! outcome (y) for every case, with the diagonal (points on or above it
//! are consistent with sufficiency), dashed 0.5 guides, case labels placed
//! so that they do not overlap, and the consistency and coverage printed
//! inside the plot.
//!
//! The plot computes its own geometry (no font metrics from the backend),
//! so [`XyPlot::case_positions`] gives the exact pixel of every case for a
//! drawing size: the app uses it for hover.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_xy::*;
//!
//! let plot = XyPlot {
//!     cases: vec![XyCase { name: "甲".into(), x: 0.2, y: 0.7 }],
//!     consistency: 1.0,
//!     coverage: 0.29,
//!     texts: XyTexts::english("A*B", "Y"),
//!     show_labels: true,
//!     font_size: 13.0,
//! };
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (500, 500)).into_drawing_area();
//!     plot.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! assert!(svg.contains("甲"));
//! let hover = plot.case_positions(500, 500);
//! assert_eq!(hover.len(), 1);
//! ```

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_common::{
    BLACK, BLUE, GREY, LIGHT_GREY, MIN_FONT, WHITE, bold_style, dash_length, fmt3, font_px,
    line_widths, scaled, text_style, text_width, wrap_expression,
};

/// One case of the plot.
#[derive(Debug, Clone, PartialEq)]
pub struct XyCase {
    /// The case name, drawn as its label.
    pub name: String,
    /// Membership in the term or model (x axis), in [0, 1].
    pub x: f64,
    /// Membership in the outcome (y axis), in [0, 1].
    pub y: f64,
}

/// Every text of the plot, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct XyTexts {
    /// Title; empty for none.
    pub title: String,
    /// X axis label (the term or model, e.g. `"DEV*~IND"`).
    pub x_label: String,
    /// Y axis label (the outcome).
    pub y_label: String,
    /// The word printed before the consistency value.
    pub consistency: String,
    /// The word printed before the coverage value.
    pub coverage: String,
}

impl XyTexts {
    /// English texts for a plot of `x_label` against `y_label`.
    #[must_use]
    pub fn english(x_label: &str, y_label: &str) -> Self {
        Self {
            title: String::new(),
            x_label: x_label.into(),
            y_label: y_label.into(),
            consistency: "Consistency".into(),
            coverage: "Coverage".into(),
        }
    }
}

/// The XY plot (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct XyPlot {
    /// The cases; a case with a non-finite coordinate is not drawn.
    pub cases: Vec<XyCase>,
    /// Sufficiency consistency of x for y (printed; non-finite: omitted).
    pub consistency: f64,
    /// Sufficiency coverage of x for y (printed; non-finite: omitted).
    pub coverage: f64,
    /// Texts in the user's language.
    pub texts: XyTexts,
    /// Draw case labels.
    pub show_labels: bool,
    /// Font size in pixels.
    pub font_size: f64,
}

/// Where a case is drawn, for hover: pixel coordinates relative to the
/// top-left corner of the drawing area.
#[derive(Debug, Clone, PartialEq)]
pub struct CasePosition {
    /// Index of the case in [`XyPlot::cases`].
    pub index: usize,
    /// Pixel column of the point's centre.
    pub x: i32,
    /// Pixel row of the point's centre.
    pub y: i32,
}

/// Radius of a case marker in pixels at the nominal font size.
const POINT_RADIUS: f64 = 4.0;
/// Outer margin in pixels.
const MARGIN: f64 = 10.0;

/// An axis-aligned box (left, top, right, bottom) in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Boxf {
    l: f64,
    t: f64,
    r: f64,
    b: f64,
}

impl Boxf {
    fn overlaps(&self, o: &Boxf) -> bool {
        self.l < o.r && o.l < self.r && self.t < o.b && o.t < self.b
    }
    fn inside(&self, o: &Boxf) -> bool {
        self.l >= o.l && self.r <= o.r && self.t >= o.t && self.b <= o.b
    }
}

/// A placed label: the text, its anchor point (left/top), and whether it
/// needs a leader line back to its point.
#[derive(Debug, Clone, PartialEq)]
struct PlacedLabel {
    text: String,
    bounds: Boxf,
    point: (f64, f64),
    leader: bool,
    /// The side of the box the text is anchored to (the side nearest the
    /// point, since the width estimate is conservative).
    anchor: Side,
}

/// The side of a label box its text is anchored to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
    Centre,
}

impl Side {
    fn hpos(self) -> HPos {
        match self {
            Self::Left => HPos::Left,
            Self::Right => HPos::Right,
            Self::Centre => HPos::Center,
        }
    }
}

impl PlacedLabel {
    /// The x at which the text is anchored.
    fn anchor_x(&self) -> f64 {
        match self.anchor {
            Side::Left => self.bounds.l,
            Side::Right => self.bounds.r,
            Side::Centre => (self.bounds.l + self.bounds.r) / 2.0,
        }
    }
}

/// The computed geometry of the plot for one drawing size.
struct Frame {
    font: f64,
    title_y: f64,
    /// The title's lines (long expressions wrapped).
    title_lines: Vec<String>,
    /// The x axis title's lines and their font size.
    x_lines: (Vec<String>, f64),
    /// The y axis title's font size (smaller when it is longer than the axis).
    y_font: f64,
    /// The square plotting region.
    plot: Boxf,
}

/// Line height of wrapped titles, in font sizes.
const LINE_HEIGHT: f64 = 1.25;
/// The most lines an axis title takes at the full font size; a longer one
/// is set smaller (down to [`SMALLEST_LABEL`] of the font) so the whole
/// expression stays readable.
const MAX_LABEL_LINES: usize = 3;
/// The smallest scale of an axis title relative to the chart's font.
const SMALLEST_LABEL: f64 = 0.7;

/// `text` wrapped to `width`, at the largest size from `font` down to
/// `SMALLEST_LABEL · font` that needs at most [`MAX_LABEL_LINES`] lines
/// (the smallest size otherwise, with as many lines as it takes).
fn fit_label(text: &str, width: f64, font: f64) -> (Vec<String>, f64) {
    let mut size = font;
    loop {
        let lines = wrap_expression(text, width, size);
        let smaller = (size * 0.9).max(MIN_FONT);
        if lines.len() <= MAX_LABEL_LINES || smaller < font * SMALLEST_LABEL || smaller >= size {
            return (lines, size);
        }
        size = smaller;
    }
}

impl XyPlot {
    fn frame(&self, width: f64, height: f64) -> Frame {
        let font = font_px(self.font_size);
        let title_font = font * 1.15;
        let title_lines = if self.texts.title.is_empty() {
            Vec::new()
        } else {
            wrap_expression(
                &self.texts.title,
                (width - 2.0 * MARGIN).max(10.0),
                title_font,
            )
        };
        let title_h = if title_lines.is_empty() {
            0.0
        } else {
            title_lines.len() as f64 * title_font * LINE_HEIGHT + font * 0.55
        };
        let left_extra = font * 1.4 + text_width("0.0", font) + font * 0.8;
        let avail_w = (width - 2.0 * MARGIN - left_extra - font).max(10.0);
        // The x title is centred under the plot, which is centred in
        // `avail_w`: it may use that whole width whatever the plot's size.
        let x_lines = fit_label(&self.texts.x_label, avail_w, font);
        let bottom_extra = font * 1.7 + x_lines.0.len() as f64 * x_lines.1 * LINE_HEIGHT;
        let avail_h = (height - 2.0 * MARGIN - title_h - bottom_extra - font * 0.5).max(10.0);
        let side = avail_w.min(avail_h);
        let l = MARGIN + left_extra + (avail_w - side) / 2.0;
        let t = MARGIN + title_h + font * 0.5 + (avail_h - side) / 2.0;
        // The y title runs along the side: set smaller when longer.
        let y_width = text_width(&self.texts.y_label, font);
        let y_font = if y_width > side && y_width > 0.0 {
            (font * side / y_width).max(MIN_FONT.min(font))
        } else {
            font
        };
        Frame {
            font,
            title_y: MARGIN,
            title_lines,
            x_lines,
            y_font,
            plot: Boxf {
                l,
                t,
                r: l + side,
                b: t + side,
            },
        }
    }

    /// The x at which the x axis title is centred: the middle of the width
    /// the title was wrapped to (the plot's centre).
    fn x_label_centre(&self, frame: &Frame) -> f64 {
        (frame.plot.l + frame.plot.r) / 2.0
    }

    fn to_px(frame: &Frame, x: f64, y: f64) -> (f64, f64) {
        let p = frame.plot;
        (
            p.l + x.clamp(0.0, 1.0) * (p.r - p.l),
            p.b - y.clamp(0.0, 1.0) * (p.b - p.t),
        )
    }

    /// Pixel position of every drawn case for a `width` × `height` drawing
    /// area, in the order of [`XyPlot::cases`] (cases with a non-finite
    /// coordinate are left out). Identical to where [`XyPlot::draw`] puts
    /// the points. On a canvas drawn at a device pixel ratio `r` (canvas
    /// `width` = CSS width × r, `font_size` × r), pass the canvas size
    /// and multiply the pointer's CSS offset by `r` before comparing.
    #[must_use]
    pub fn case_positions(&self, width: u32, height: u32) -> Vec<CasePosition> {
        let frame = self.frame(f64::from(width), f64::from(height));
        self.cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.x.is_finite() && c.y.is_finite())
            .map(|(index, c)| {
                let (x, y) = Self::to_px(&frame, c.x, c.y);
                CasePosition {
                    index,
                    x: x.round() as i32,
                    y: y.round() as i32,
                }
            })
            .collect()
    }

    /// The cases whose point lies within `radius` pixels of `(x, y)`,
    /// nearest first (ties by index) — what a hover at that pixel shows.
    #[must_use]
    pub fn cases_at(&self, width: u32, height: u32, x: i32, y: i32, radius: i32) -> Vec<usize> {
        let mut hits: Vec<(i64, usize)> = self
            .case_positions(width, height)
            .into_iter()
            .map(|p| {
                let (dx, dy) = (i64::from(p.x - x), i64::from(p.y - y));
                (dx * dx + dy * dy, p.index)
            })
            .filter(|(d2, _)| *d2 <= i64::from(radius) * i64::from(radius))
            .collect();
        hits.sort_unstable();
        hits.into_iter().map(|(_, i)| i).collect()
    }

    /// The box of the consistency/coverage text: in the lower-right corner
    /// of the plot, or the upper-left one when fewer points lie there.
    fn fit_box(&self, frame: &Frame, points: &[(f64, f64)]) -> (Boxf, Vec<String>) {
        let font = frame.font;
        let lines: Vec<String> = [
            (&self.texts.consistency, self.consistency),
            (&self.texts.coverage, self.coverage),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_finite())
        .map(|(word, v)| format!("{word}: {}", fmt3(v)))
        .collect();
        let w = lines
            .iter()
            .map(|s| text_width(s, font))
            .fold(0.0, f64::max)
            + font;
        let h = lines.len() as f64 * font * 1.3 + font * 0.5;
        let p = frame.plot;
        let inset = font * 0.5;
        let lower_right = Boxf {
            l: p.r - inset - w,
            t: p.b - inset - h,
            r: p.r - inset,
            b: p.b - inset,
        };
        let upper_left = Boxf {
            l: p.l + inset,
            t: p.t + inset,
            r: p.l + inset + w,
            b: p.t + inset + h,
        };
        let count = |b: &Boxf| {
            points
                .iter()
                .filter(|(x, y)| *x >= b.l && *x <= b.r && *y >= b.t && *y <= b.b)
                .count()
        };
        let chosen = if count(&upper_left) < count(&lower_right) {
            upper_left
        } else {
            lower_right
        };
        (chosen, lines)
    }

    /// Places the labels greedily, in case order: each label (cases drawn
    /// at the same pixel share one label, names joined by ", ") takes the
    /// first of 8 positions around its point, then of 8 positions twice as
    /// far (with a leader line), that stays inside the plot and overlaps
    /// no placed label, point or the fit box. A label that finds no place
    /// is left out (hover still shows the case). O(n² · 16).
    fn place_labels(&self, frame: &Frame, fit: &Boxf) -> Vec<PlacedLabel> {
        let font = frame.font * 0.85;
        let r = scaled(frame.font, POINT_RADIUS).round();
        // Group cases by pixel.
        let mut groups: Vec<((i32, i32), Vec<&str>)> = Vec::new();
        for c in self
            .cases
            .iter()
            .filter(|c| c.x.is_finite() && c.y.is_finite())
        {
            let (x, y) = Self::to_px(frame, c.x, c.y);
            let key = (x.round() as i32, y.round() as i32);
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.1.push(&c.name),
                None => groups.push((key, vec![&c.name])),
            }
        }
        let point_boxes: Vec<Boxf> = groups
            .iter()
            .map(|((x, y), _)| {
                let (x, y) = (f64::from(*x), f64::from(*y));
                Boxf {
                    l: x - r,
                    t: y - r,
                    r: x + r,
                    b: y + r,
                }
            })
            .collect();
        let mut placed: Vec<PlacedLabel> = Vec::new();
        for ((px, py), names) in &groups {
            let text = names.join(", ");
            if text.is_empty() {
                continue;
            }
            let (x, y) = (f64::from(*px), f64::from(*py));
            let w = text_width(&text, font);
            let h = font * 1.2;
            let mut found = None;
            'search: for (ring, gap) in [(false, 2.0), (true, h * 1.6)] {
                let d = r + gap;
                // E, W, N, S, NE, NW, SE, SW.
                let candidates = [
                    (x + d, y - h / 2.0, Side::Left),
                    (x - d - w, y - h / 2.0, Side::Right),
                    (x - w / 2.0, y - d - h, Side::Centre),
                    (x - w / 2.0, y + d, Side::Centre),
                    (x + d * 0.7, y - d * 0.7 - h, Side::Left),
                    (x - d * 0.7 - w, y - d * 0.7 - h, Side::Right),
                    (x + d * 0.7, y + d * 0.7, Side::Left),
                    (x - d * 0.7 - w, y + d * 0.7, Side::Right),
                ];
                for (l, t, anchor) in candidates {
                    let b = Boxf {
                        l,
                        t,
                        r: l + w,
                        b: t + h,
                    };
                    let free = b.inside(&frame.plot)
                        && !b.overlaps(fit)
                        && !placed.iter().any(|p| p.bounds.overlaps(&b))
                        && !point_boxes.iter().any(|p| p.overlaps(&b));
                    if free {
                        found = Some((b, ring, anchor));
                        break 'search;
                    }
                }
            }
            if let Some((bounds, leader, anchor)) = found {
                placed.push(PlacedLabel {
                    text,
                    bounds,
                    point: (x, y),
                    leader,
                    anchor,
                });
            }
        }
        placed
    }

    /// The number of labels [`XyPlot::draw`] places for a drawing size
    /// (cases at the same pixel share a label; crowded labels are left out).
    #[must_use]
    pub fn placed_label_count(&self, width: u32, height: u32) -> usize {
        if !self.show_labels {
            return 0;
        }
        let frame = self.frame(f64::from(width), f64::from(height));
        let points = self.point_pixels(&frame);
        let (fit, _) = self.fit_box(&frame, &points);
        self.place_labels(&frame, &fit).len()
    }

    fn point_pixels(&self, frame: &Frame) -> Vec<(f64, f64)> {
        self.cases
            .iter()
            .filter(|c| c.x.is_finite() && c.y.is_finite())
            .map(|c| Self::to_px(frame, c.x, c.y))
            .collect()
    }

    /// Draws the plot on `area`.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let frame = self.frame(f64::from(w), f64::from(h));
        let font = frame.font;
        let (thin, _) = line_widths(font);
        let dash_len = |n: f64| dash_length(font, n);
        let p = frame.plot;
        let px = |v: f64| v.round() as i32;
        let at = |x: f64, y: f64| {
            let (a, b) = Self::to_px(&frame, x, y);
            (px(a), px(b))
        };
        area.fill(&WHITE)?;

        for (i, line) in frame.title_lines.iter().enumerate() {
            area.draw_text(
                line,
                &bold_style(font * 1.15, BLACK, HPos::Center, VPos::Top),
                (
                    px(f64::from(w) / 2.0),
                    px(frame.title_y + i as f64 * font * 1.15 * LINE_HEIGHT),
                ),
            )?;
        }

        // Grid, ticks and tick labels every 0.1 / 0.2.
        for k in 0..=10 {
            let v = f64::from(k) / 10.0;
            let (gx, _) = at(v, 0.0);
            let (_, gy) = at(0.0, v);
            if k % 2 == 0 && k > 0 && k < 10 && k != 5 {
                area.draw(&PathElement::new(
                    vec![(gx, px(p.t)), (gx, px(p.b))],
                    LIGHT_GREY.stroke_width(thin),
                ))?;
                area.draw(&PathElement::new(
                    vec![(px(p.l), gy), (px(p.r), gy)],
                    LIGHT_GREY.stroke_width(thin),
                ))?;
            }
            let tick = if k % 2 == 0 { font * 0.5 } else { font * 0.3 };
            area.draw(&PathElement::new(
                vec![(gx, px(p.b)), (gx, px(p.b + tick))],
                BLACK.stroke_width(thin),
            ))?;
            area.draw(&PathElement::new(
                vec![(px(p.l - tick), gy), (px(p.l), gy)],
                BLACK.stroke_width(thin),
            ))?;
            if k % 2 == 0 {
                let label = format!("{v:.1}");
                area.draw_text(
                    &label,
                    &text_style(font * 0.9, BLACK, HPos::Center, VPos::Top),
                    (gx, px(p.b + font * 0.6)),
                )?;
                area.draw_text(
                    &label,
                    &text_style(font * 0.9, BLACK, HPos::Right, VPos::Center),
                    (px(p.l - font * 0.7), gy),
                )?;
            }
        }
        // 0.5 guides (dashed) and the diagonal.
        let dash = |a: (i32, i32), b: (i32, i32)| {
            area.draw(&DashedPathElement::new(
                vec![a, b],
                dash_len(5.0),
                dash_len(4.0),
                GREY.stroke_width(thin),
            ))
        };
        dash(at(0.5, 0.0), at(0.5, 1.0))?;
        dash(at(0.0, 0.5), at(1.0, 0.5))?;
        area.draw(&PathElement::new(
            vec![at(0.0, 0.0), at(1.0, 1.0)],
            BLACK.stroke_width(thin),
        ))?;
        area.draw(&Rectangle::new(
            [(px(p.l), px(p.t)), (px(p.r), px(p.b))],
            BLACK.stroke_width(thin),
        ))?;

        // Axis titles.
        let (x_lines, x_font) = &frame.x_lines;
        for (i, line) in x_lines.iter().enumerate() {
            area.draw_text(
                line,
                &text_style(*x_font, BLACK, HPos::Center, VPos::Top),
                (
                    px(self.x_label_centre(&frame)),
                    px(p.b + font * 1.9 + i as f64 * x_font * LINE_HEIGHT),
                ),
            )?;
        }
        let y_style = text_style(frame.y_font, BLACK, HPos::Center, VPos::Bottom)
            .transform(FontTransform::Rotate270);
        area.draw_text(
            &self.texts.y_label,
            &y_style,
            (
                px(p.l - font * 1.0 - text_width("0.0", font * 0.9) - font * 0.4),
                px((p.t + p.b) / 2.0),
            ),
        )?;

        // Fit box.
        let points = self.point_pixels(&frame);
        let (fit, fit_lines) = self.fit_box(&frame, &points);
        if !fit_lines.is_empty() {
            area.draw(&Rectangle::new(
                [(px(fit.l), px(fit.t)), (px(fit.r), px(fit.b))],
                WHITE.filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(px(fit.l), px(fit.t)), (px(fit.r), px(fit.b))],
                GREY.stroke_width(thin),
            ))?;
            for (i, line) in fit_lines.iter().enumerate() {
                area.draw_text(
                    line,
                    &text_style(font, BLACK, HPos::Left, VPos::Center),
                    (
                        px(fit.l + font * 0.5),
                        px(fit.t + font * 0.25 + font * 1.3 * (i as f64 + 0.5)),
                    ),
                )?;
            }
        }

        // Labels (leaders first, under the points), then the points.
        let labels = if self.show_labels {
            self.place_labels(&frame, &fit)
        } else {
            Vec::new()
        };
        let label_font = font * 0.85;
        let point_r = scaled(font, POINT_RADIUS).round().max(2.0);
        for label in labels.iter().filter(|l| l.leader) {
            let b = label.bounds;
            let target = (
                label
                    .point
                    .0
                    .clamp(b.l, b.r)
                    .clamp(label.anchor_x() - point_r, label.anchor_x() + point_r),
                label.point.1.clamp(b.t, b.b),
            );
            area.draw(&PathElement::new(
                vec![
                    (px(label.point.0), px(label.point.1)),
                    (px(target.0), px(target.1)),
                ],
                GREY.stroke_width(thin),
            ))?;
        }
        for (x, y) in &points {
            area.draw(&Circle::new(
                (px(*x), px(*y)),
                point_r as i32,
                BLUE.filled(),
            ))?;
            area.draw(&Circle::new(
                (px(*x), px(*y)),
                point_r as i32,
                BLACK.stroke_width(thin),
            ))?;
        }
        for label in &labels {
            area.draw_text(
                &label.text,
                &text_style(label_font, BLACK, label.anchor.hpos(), VPos::Center),
                (
                    px(label.anchor_x()),
                    px((label.bounds.t + label.bounds.b) / 2.0),
                ),
            )?;
        }
        Ok(())
    }
}

impl super::Chart for XyPlot {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        XyPlot::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plot(cases: Vec<(f64, f64)>) -> XyPlot {
        XyPlot {
            cases: cases
                .into_iter()
                .enumerate()
                .map(|(i, (x, y))| XyCase {
                    name: format!("case{i}"),
                    x,
                    y,
                })
                .collect(),
            consistency: 0.9,
            coverage: 0.8,
            texts: XyTexts::english("X", "Y"),
            show_labels: true,
            font_size: 13.0,
        }
    }

    #[test]
    fn the_plot_is_square_and_inside_the_area() {
        let f = plot(vec![]).frame(800.0, 500.0);
        assert!(((f.plot.r - f.plot.l) - (f.plot.b - f.plot.t)).abs() < 1e-9);
        assert!(f.plot.l >= 0.0 && f.plot.r <= 800.0 && f.plot.t >= 0.0 && f.plot.b <= 500.0);
    }

    #[test]
    fn higher_membership_is_drawn_further_right_and_higher() {
        let p = plot(vec![(0.1, 0.2), (0.9, 0.8)]);
        let pos = p.case_positions(400, 400);
        assert!(pos[1].x > pos[0].x);
        assert!(pos[1].y < pos[0].y);
    }

    #[test]
    fn hover_finds_the_case_under_the_pointer() {
        let p = plot(vec![(0.1, 0.2), (0.9, 0.8)]);
        let pos = p.case_positions(400, 400);
        assert_eq!(p.cases_at(400, 400, pos[1].x + 1, pos[1].y, 5), vec![1]);
        assert!(p.cases_at(400, 400, 0, 0, 5).is_empty());
    }

    #[test]
    fn placed_labels_never_overlap_each_other() {
        let cases: Vec<(f64, f64)> = (0..60)
            .map(|i| {
                let t = f64::from(i) / 60.0;
                (t, (t * 7.0).sin().abs())
            })
            .collect();
        let p = plot(cases);
        let frame = p.frame(500.0, 500.0);
        let points = p.point_pixels(&frame);
        let (fit, _) = p.fit_box(&frame, &points);
        let labels = p.place_labels(&frame, &fit);
        assert!(!labels.is_empty());
        for (i, a) in labels.iter().enumerate() {
            assert!(!a.bounds.overlaps(&fit));
            for b in &labels[i + 1..] {
                assert!(!a.bounds.overlaps(&b.bounds), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn a_long_x_title_is_wrapped_whole_inside_the_area() {
        let expr =
            "DEV*~IND*URB*LIT + ~DEV*LIT*STB*IND*~URB + URB*LIT*STB*~IND + 发展*~工业*城市化";
        let mut p = plot(vec![(0.2, 0.4), (0.7, 0.9)]);
        p.texts = XyTexts::english(expr, "SURV");
        for (w, h) in [(560, 520), (300, 300)] {
            let f = p.frame(f64::from(w), f64::from(h));
            let (lines, size) = &f.x_lines;
            assert!(lines.len() > 1);
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let expected: String = expr.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, expected);
            let half = lines
                .iter()
                .map(|l| text_width(l, *size))
                .fold(0.0, f64::max)
                / 2.0;
            let c = p.x_label_centre(&f);
            assert!(c - half >= 0.0 && c + half <= f64::from(w), "{lines:?}");
            let bottom = f.plot.b + f.font * 1.9 + lines.len() as f64 * size * LINE_HEIGHT;
            assert!(bottom <= f64::from(h), "{bottom} > {h}");
            let svg = crate::charts::render_svg(&p, w, h).unwrap();
            for l in lines {
                assert!(svg.contains(l.as_str()), "{l}");
            }
        }
    }

    #[test]
    fn a_long_title_is_wrapped_and_the_plot_moves_down() {
        let mut p = plot(vec![(0.2, 0.4)]);
        let short = p.frame(560.0, 520.0).plot.t;
        p.texts.title = "DEV*~IND*URB*LIT + ~DEV*LIT*STB*IND*~URB + URB*LIT*STB*~IND → SURV".into();
        let f = p.frame(560.0, 520.0);
        assert!(f.title_lines.len() > 1);
        assert!(f.plot.t > short);
    }

    #[test]
    fn a_y_title_longer_than_the_axis_is_set_smaller() {
        let mut p = plot(vec![(0.2, 0.4)]);
        p.texts.y_label = "~".to_owned() + &"LONGOUTCOME".repeat(8);
        let f = p.frame(400.0, 400.0);
        assert!(f.y_font < f.font);
        assert!(
            text_width(&p.texts.y_label, f.y_font) <= f.plot.b - f.plot.t + 1e-9
                || f.y_font <= MIN_FONT
        );
    }

    #[test]
    fn cases_at_one_pixel_share_one_label() {
        let p = plot(vec![(0.3, 0.7), (0.3, 0.7), (0.8, 0.9)]);
        assert_eq!(p.placed_label_count(500, 500), 2);
    }
}
