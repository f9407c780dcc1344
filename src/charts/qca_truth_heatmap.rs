//! The truth table as a heat map: one row per truth-table row, one column
//! per condition (dark cell with "1" = present, white cell with "0" =
//! absent), then the OUT code (coloured: dark = 1, orange = C, light = 0,
//! white = remainder, and printed), n and incl.
//!
//! Cells carry their value as text as well as colour, so the map reads in
//! greyscale; the texts are left out only when rows become too small to
//! hold them.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_common::OutValue;
//! use policylens::charts::qca_truth_heatmap::*;
//!
//! let map = TruthTableHeatmap {
//!     conditions: vec!["A".into(), "B".into()],
//!     rows: vec![HeatmapRow {
//!         label: "4".into(),
//!         values: vec![true, true],
//!         out: OutValue::Positive,
//!         n: 3,
//!         incl: Some(0.91),
//!     }],
//!     texts: HeatmapTexts::english(),
//!     font_size: 12.0,
//! };
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
//!     map.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! assert!(svg.contains("0.910"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_common::{
    BLACK, GREY, LIGHT_GREY, OutValue, WHITE, bold_style, fmt3, font_px, line_widths, text_style,
    text_width, wrap_balanced,
};

/// One truth-table row.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapRow {
    /// Row label (the row number, as R QCA prints it).
    pub label: String,
    /// One value per condition (true = 1); missing values are drawn blank.
    pub values: Vec<bool>,
    /// The OUT code.
    pub out: OutValue,
    /// Number of cases in the row.
    pub n: usize,
    /// Inclusion (consistency) of the row; `None` for a row without
    /// cases, printed as "-".
    pub incl: Option<f64>,
}

/// Every text of the heat map, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapTexts {
    /// Title; empty for none.
    pub title: String,
    /// Header of the row-label column.
    pub row_header: String,
    /// Header of the OUT column.
    pub out: String,
    /// Header of the n column.
    pub n: String,
    /// Header of the incl column.
    pub incl: String,
}

impl HeatmapTexts {
    /// The English texts (R QCA's column names).
    #[must_use]
    pub fn english() -> Self {
        Self {
            title: String::new(),
            row_header: "Row".into(),
            out: "OUT".into(),
            n: "n".into(),
            incl: "incl".into(),
        }
    }
}

/// The truth-table heat map (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct TruthTableHeatmap {
    /// Condition names, one column each.
    pub conditions: Vec<String>,
    /// The rows, top to bottom, in the caller's order.
    pub rows: Vec<HeatmapRow>,
    /// Texts in the user's language.
    pub texts: HeatmapTexts,
    /// Preferred font size in pixels; smaller when rows do not fit.
    pub font_size: f64,
}

/// Fill of a cell whose condition is present.
const PRESENT_FILL: RGBColor = RGBColor(55, 55, 55);
/// Rows smaller than this many pixels carry no text.
const MIN_TEXT_ROW: f64 = 8.0;
/// Outer margin in pixels.
const MARGIN: f64 = 10.0;
/// Header lines beyond which condition names are turned vertical.
const MAX_HEADER_LINES: usize = 3;

struct Layout {
    font: f64,
    title_lines: Vec<String>,
    /// Left edges of: label column, each condition, OUT, n, incl, end.
    columns: Vec<f64>,
    header_top: f64,
    header_h: f64,
    rotate_headers: bool,
    body_top: f64,
    row_h: f64,
}

impl TruthTableHeatmap {
    /// The height the map needs, at its preferred font size, `width` wide.
    #[must_use]
    pub fn preferred_height(&self, width: u32) -> u32 {
        let l = self.layout(f64::from(width), f64::INFINITY);
        (l.body_top + l.row_h * self.rows.len() as f64 + MARGIN).ceil() as u32
    }

    fn layout(&self, width: f64, height: f64) -> Layout {
        let font = font_px(self.font_size);
        let inner = (width - 2.0 * MARGIN).max(1.0);
        let title_font = font * 1.15;
        let title_lines = if self.texts.title.is_empty() {
            Vec::new()
        } else {
            wrap_balanced(&self.texts.title, inner, title_font)
        };
        let mut y = MARGIN + title_lines.len() as f64 * title_font * 1.3;
        if !title_lines.is_empty() {
            y += font * 0.5;
        }

        let label_w = self
            .rows
            .iter()
            .map(|r| text_width(&r.label, font))
            .chain([text_width(&self.texts.row_header, font)])
            .fold(0.0, f64::max)
            .min(inner * 0.25)
            + font;
        let value_w = [&self.texts.out, &self.texts.n]
            .iter()
            .map(|t| text_width(t, font))
            .fold(text_width("999", font), f64::max)
            + font;
        let incl_w = text_width(&self.texts.incl, font).max(text_width("0.000", font)) + font;
        let fixed = label_w + 2.0 * value_w + incl_w + font * 0.5;
        let cond_w = if self.conditions.is_empty() {
            0.0
        } else {
            ((inner - fixed) / self.conditions.len() as f64).clamp(font * 1.6, font * 8.0)
        };
        let mut columns = vec![MARGIN, MARGIN + label_w];
        for _ in &self.conditions {
            let last = columns.last().copied().unwrap_or(MARGIN);
            columns.push(last + cond_w);
        }
        let start_values = columns.last().copied().unwrap_or(MARGIN) + font * 0.5;
        columns.push(start_values + value_w);
        columns.push(start_values + 2.0 * value_w);
        columns.push(start_values + 2.0 * value_w + incl_w);
        // Columns: [label, c1.., (end of conditions), OUT end, n end, incl end];
        // OUT starts at start_values.

        let line_h = font * 1.25;
        let wrapped: Vec<Vec<String>> = self
            .conditions
            .iter()
            .map(|c| wrap_balanced(c, cond_w - font * 0.3, font))
            .collect();
        let max_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        let rotate_headers = max_lines > MAX_HEADER_LINES;
        let header_h = if rotate_headers {
            self.conditions
                .iter()
                .map(|c| text_width(c, font))
                .fold(0.0, f64::max)
                .min(inner * 0.4)
                + font
        } else {
            max_lines.max(1) as f64 * line_h + font * 0.5
        };
        let header_top = y;
        let body_top = header_top + header_h;
        let natural_row = font * 1.6;
        let rows = self.rows.len().max(1) as f64;
        let row_h = if height.is_finite() {
            ((height - MARGIN - body_top) / rows)
                .min(natural_row)
                .max(1.0)
        } else {
            natural_row
        };
        let font = font.min(row_h / 1.4).max(1.0);
        Layout {
            font,
            title_lines,
            columns,
            header_top,
            header_h,
            rotate_headers,
            body_top,
            row_h,
        }
    }

    /// Draws the heat map on `area`.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let l = self.layout(f64::from(w), f64::from(h));
        let px = |v: f64| v.round() as i32;
        let header_font = font_px(self.font_size);
        area.fill(&WHITE)?;

        let title_font = header_font * 1.15;
        for (i, line) in l.title_lines.iter().enumerate() {
            area.draw_text(
                line,
                &bold_style(title_font, BLACK, HPos::Center, VPos::Top),
                (
                    px(f64::from(w) / 2.0),
                    px(MARGIN + i as f64 * title_font * 1.3),
                ),
            )?;
        }

        let k = self.conditions.len();
        let col = |i: usize| l.columns.get(i).copied().unwrap_or(MARGIN);
        let out_l = col(k + 1) + header_font * 0.5;
        let value_cols = [
            (out_l, col(k + 2)),
            (col(k + 2), col(k + 3)),
            (col(k + 3), col(k + 4)),
        ];
        let right = col(k + 4);
        let header_bottom = l.header_top + l.header_h;
        let mid = |a: f64, b: f64| px((a + b) / 2.0);

        // Headers.
        let line_h = header_font * 1.25;
        area.draw_text(
            &self.texts.row_header,
            &bold_style(header_font, BLACK, HPos::Left, VPos::Bottom),
            (px(col(0)), px(header_bottom - header_font * 0.3)),
        )?;
        for (i, name) in self.conditions.iter().enumerate() {
            let (x0, x1) = (col(i + 1), col(i + 2));
            if l.rotate_headers {
                let style = bold_style(header_font, BLACK, HPos::Left, VPos::Center)
                    .transform(FontTransform::Rotate270);
                area.draw_text(
                    name,
                    &style,
                    (mid(x0, x1), px(header_bottom - header_font * 0.4)),
                )?;
            } else {
                let lines = wrap_balanced(name, x1 - x0 - header_font * 0.3, header_font);
                let n = lines.len() as f64;
                for (j, line) in lines.iter().enumerate() {
                    let y = header_bottom - header_font * 0.3 - (n - 1.0 - j as f64) * line_h;
                    area.draw_text(
                        line,
                        &bold_style(header_font, BLACK, HPos::Center, VPos::Bottom),
                        (mid(x0, x1), px(y)),
                    )?;
                }
            }
        }
        for ((x0, x1), text) in
            value_cols
                .iter()
                .zip([&self.texts.out, &self.texts.n, &self.texts.incl])
        {
            area.draw_text(
                text,
                &bold_style(header_font, BLACK, HPos::Center, VPos::Bottom),
                (mid(*x0, *x1), px(header_bottom - header_font * 0.3)),
            )?;
        }

        // Body.
        let show_text = l.row_h >= MIN_TEXT_ROW;
        let font = l.font;
        let (thin, _) = line_widths(font);
        for (r, row) in self.rows.iter().enumerate() {
            let top = l.body_top + l.row_h * r as f64;
            let bottom = top + l.row_h;
            let cy = px((top + bottom) / 2.0);
            if show_text {
                area.draw_text(
                    &row.label,
                    &text_style(font, BLACK, HPos::Left, VPos::Center),
                    (px(col(0)), cy),
                )?;
            }
            for i in 0..k {
                let (x0, x1) = (col(i + 1), col(i + 2));
                let Some(&value) = row.values.get(i) else {
                    continue;
                };
                let fill = if value { PRESENT_FILL } else { WHITE };
                area.draw(&Rectangle::new(
                    [(px(x0), px(top)), (px(x1), px(bottom))],
                    fill.filled(),
                ))?;
                if show_text {
                    let (text, ink) = if value { ("1", WHITE) } else { ("0", GREY) };
                    area.draw_text(
                        text,
                        &text_style(font, ink, HPos::Center, VPos::Center),
                        (mid(x0, x1), cy),
                    )?;
                }
            }
            let (ox0, ox1) = value_cols[0];
            area.draw(&Rectangle::new(
                [(px(ox0), px(top)), (px(ox1), px(bottom))],
                row.out.fill().filled(),
            ))?;
            if show_text {
                area.draw_text(
                    row.out.symbol(),
                    &bold_style(font, row.out.ink(), HPos::Center, VPos::Center),
                    (mid(ox0, ox1), cy),
                )?;
                let incl = row.incl.filter(|v| v.is_finite()).map_or("-".into(), fmt3);
                for ((x0, x1), text) in value_cols[1..].iter().zip([row.n.to_string(), incl]) {
                    area.draw_text(
                        &text,
                        &text_style(font, BLACK, HPos::Center, VPos::Center),
                        (mid(*x0, *x1), cy),
                    )?;
                }
            }
        }

        // Grid: thin light lines between cells, a frame around each block.
        let body_bottom = l.body_top + l.row_h * self.rows.len() as f64;
        if l.row_h >= 4.0 {
            for r in 0..=self.rows.len() {
                let y = px(l.body_top + l.row_h * r as f64);
                area.draw(&PathElement::new(
                    vec![(px(col(1)), y), (px(col(k + 1)), y)],
                    LIGHT_GREY.stroke_width(thin),
                ))?;
                area.draw(&PathElement::new(
                    vec![(px(out_l), y), (px(right), y)],
                    LIGHT_GREY.stroke_width(thin),
                ))?;
            }
        }
        for i in 1..=k + 1 {
            let x = px(col(i));
            area.draw(&PathElement::new(
                vec![(x, px(l.body_top)), (x, px(body_bottom))],
                LIGHT_GREY.stroke_width(thin),
            ))?;
        }
        if k > 0 {
            area.draw(&Rectangle::new(
                [
                    (px(col(1)), px(l.body_top)),
                    (px(col(k + 1)), px(body_bottom)),
                ],
                BLACK.stroke_width(thin),
            ))?;
        }
        area.draw(&Rectangle::new(
            [
                (px(out_l), px(l.body_top)),
                (px(value_cols[0].1), px(body_bottom)),
            ],
            BLACK.stroke_width(thin),
        ))?;
        Ok(())
    }
}

impl super::Chart for TruthTableHeatmap {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        TruthTableHeatmap::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(rows: usize, conditions: usize) -> TruthTableHeatmap {
        TruthTableHeatmap {
            conditions: (0..conditions).map(|i| format!("C{i}")).collect(),
            rows: (0..rows)
                .map(|r| HeatmapRow {
                    label: (r + 1).to_string(),
                    values: (0..conditions).map(|c| (r >> c) & 1 == 1).collect(),
                    out: OutValue::Remainder,
                    n: 0,
                    incl: None,
                })
                .collect(),
            texts: HeatmapTexts::english(),
            font_size: 12.0,
        }
    }

    #[test]
    fn many_rows_shrink_to_fit_the_height() {
        let m = map(128, 7);
        let l = m.layout(600.0, 400.0);
        assert!(l.body_top + l.row_h * 128.0 <= 400.0 - MARGIN + 1e-9);
    }

    #[test]
    fn columns_increase_from_left_to_right() {
        let l = map(4, 5).layout(600.0, 400.0);
        assert!(l.columns.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn long_condition_names_turn_vertical() {
        let mut m = map(4, 8);
        m.conditions = (0..8)
            .map(|i| format!("非常长的条件变量名称第{i}个"))
            .collect();
        assert!(m.layout(500.0, 400.0).rotate_headers);
    }
}
