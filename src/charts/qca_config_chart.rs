//! The configuration chart of Fiss (2011): one column per configuration
//! (sufficient term), one row per condition, ● present and ⊗ absent, large
//! for core and small for peripheral conditions, blank for "don't care";
//! below, the raw coverage, unique coverage and consistency of each
//! configuration and the consistency and coverage of the whole solution;
//! then the legend and an optional note (which solution, and how core and
//! peripheral conditions were decided), so an exported figure explains
//! itself.
//!
//! The chart is a table drawn with plotters primitives, in black on white
//! with grey rules only, so it prints in black and white unchanged.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_config_chart::*;
//!
//! let chart = ConfigurationChart {
//!     conditions: vec!["A".into(), "B".into()],
//!     configurations: vec![Configuration {
//!         model: String::new(),
//!         label: "S1".into(),
//!         cells: vec![Presence::CorePresent, Presence::PeripheralAbsent],
//!         raw_coverage: 0.6,
//!         unique_coverage: 0.6,
//!         consistency: 0.9,
//!     }],
//!     solution_fit: vec![SolutionFit { model: String::new(), consistency: 0.9, coverage: 0.6 }],
//!     texts: ConfigurationTexts::english(),
//!     font_size: 14.0,
//!     show_legend: true,
//! };
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
//!     chart.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! assert!(svg.contains("S1"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_common::{
    BLACK, GREY, WHITE, bold_style, fmt3, font_px, line_widths, text_style, text_width,
    wrap_balanced, wrap_text,
};

/// How a condition appears in a configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Presence {
    /// Core condition present: large ●.
    CorePresent,
    /// Core condition absent: large ⊗.
    CoreAbsent,
    /// Peripheral condition present: small ●.
    PeripheralPresent,
    /// Peripheral condition absent: small ⊗.
    PeripheralAbsent,
    /// The condition does not appear in the configuration: blank.
    DontCare,
}

/// One column of the chart: a configuration (a sufficient term).
#[derive(Debug, Clone, PartialEq)]
pub struct Configuration {
    /// The model the term belongs to (`"M1"`); consecutive columns with
    /// the same model share one header cell. Empty: no model header.
    pub model: String,
    /// The column label (`"S1"`, `"1a"`, `"路径1"`).
    pub label: String,
    /// One cell per condition, in the order of
    /// [`ConfigurationChart::conditions`]; missing cells are blank.
    pub cells: Vec<Presence>,
    /// Raw coverage of the term.
    pub raw_coverage: f64,
    /// Unique coverage of the term.
    pub unique_coverage: f64,
    /// Consistency (inclS) of the term.
    pub consistency: f64,
}

/// The consistency and coverage of a whole solution (model), printed
/// across the columns of that model.
#[derive(Debug, Clone, PartialEq)]
pub struct SolutionFit {
    /// The model, matching [`Configuration::model`] (empty for a chart
    /// without model headers).
    pub model: String,
    /// Solution consistency.
    pub consistency: f64,
    /// Solution coverage.
    pub coverage: f64,
}

/// Every text of the chart, supplied by the caller in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigurationTexts {
    /// Title above the table; empty for none.
    pub title: String,
    /// Header of the first column ("Condition", "条件变量").
    pub condition_header: String,
    /// Row label "Raw coverage".
    pub raw_coverage: String,
    /// Row label "Unique coverage".
    pub unique_coverage: String,
    /// Row label "Consistency".
    pub consistency: String,
    /// Row label "Solution consistency".
    pub solution_consistency: String,
    /// Row label "Solution coverage".
    pub solution_coverage: String,
    /// Legend text for a large ●.
    pub core_present: String,
    /// Legend text for a large ⊗.
    pub core_absent: String,
    /// Legend text for a small ●.
    pub peripheral_present: String,
    /// Legend text for a small ⊗.
    pub peripheral_absent: String,
    /// Legend text for blank cells.
    pub dont_care: String,
    /// A note under the legend, e.g. which solution the chart shows and
    /// how its core and peripheral conditions were decided; empty for none.
    pub note: String,
}

impl ConfigurationTexts {
    /// The English texts (the app supplies translated ones).
    #[must_use]
    pub fn english() -> Self {
        Self {
            title: String::new(),
            condition_header: "Condition".into(),
            raw_coverage: "Raw coverage".into(),
            unique_coverage: "Unique coverage".into(),
            consistency: "Consistency".into(),
            solution_consistency: "Solution consistency".into(),
            solution_coverage: "Solution coverage".into(),
            core_present: "Core condition present".into(),
            core_absent: "Core condition absent".into(),
            peripheral_present: "Peripheral condition present".into(),
            peripheral_absent: "Peripheral condition absent".into(),
            dont_care: "Blank: don't care".into(),
            note: String::new(),
        }
    }
}

/// The configuration chart (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigurationChart {
    /// Condition names, one row each, top to bottom.
    pub conditions: Vec<String>,
    /// Configurations, one column each, left to right.
    pub configurations: Vec<Configuration>,
    /// Solution consistency and coverage per model.
    pub solution_fit: Vec<SolutionFit>,
    /// Texts in the user's language.
    pub texts: ConfigurationTexts,
    /// Preferred font size in pixels; the chart shrinks it (down to
    /// [`MIN_FONT_SIZE`]) when the table does not fit the area.
    pub font_size: f64,
    /// Draw the legend of the symbols under the table.
    pub show_legend: bool,
}

/// The smallest font size the chart shrinks to.
pub const MIN_FONT_SIZE: f64 = 7.0;
/// Radius of a peripheral symbol relative to a core one.
const PERIPHERAL_RATIO: f64 = 0.6;
/// Outer margin in pixels.
const MARGIN: f64 = 10.0;
/// Shrink step of the font when the table does not fit.
const SHRINK: f64 = 0.92;
/// Size of the note's text relative to the table's.
const NOTE_SCALE: f64 = 0.85;

/// A row of the table body: its label lines and height.
struct RowBox {
    lines: Vec<String>,
    top: f64,
    height: f64,
}

/// The computed geometry of the chart for one area size.
struct Layout {
    font: f64,
    title_lines: Vec<String>,
    title_top: f64,
    table_left: f64,
    table_right: f64,
    label_width: f64,
    column_width: f64,
    /// Top of the table (thick rule).
    table_top: f64,
    model_header: Option<(f64, f64)>,
    column_header: (f64, f64),
    column_labels: Vec<Vec<String>>,
    condition_rows: Vec<RowBox>,
    fit_rows: Vec<RowBox>,
    solution_rows: Vec<RowBox>,
    table_bottom: f64,
    legend: Vec<(f64, f64, LegendItem)>,
    /// Top of the note and its lines.
    note: (f64, Vec<String>),
    bottom: f64,
}

#[derive(Clone, Copy)]
enum LegendItem {
    Marker(Presence),
    Blank,
}

/// Groups consecutive configurations with the same model:
/// (model, first column, number of columns).
fn model_groups(configurations: &[Configuration]) -> Vec<(&str, usize, usize)> {
    let mut groups: Vec<(&str, usize, usize)> = Vec::new();
    for (i, c) in configurations.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.0 == c.model => g.2 += 1,
            _ => groups.push((c.model.as_str(), i, 1)),
        }
    }
    groups
}

impl ConfigurationChart {
    /// The number of ● and ⊗ symbols the table shows (legend excluded):
    /// (present, absent).
    #[must_use]
    pub fn symbol_counts(&self) -> (usize, usize) {
        let cells = self
            .configurations
            .iter()
            .flat_map(|c| c.cells.iter().take(self.conditions.len()));
        cells.fold((0, 0), |(p, a), cell| match cell {
            Presence::CorePresent | Presence::PeripheralPresent => (p + 1, a),
            Presence::CoreAbsent | Presence::PeripheralAbsent => (p, a + 1),
            Presence::DontCare => (p, a),
        })
    }

    /// The height in pixels the chart needs at its preferred font size
    /// when drawn `width` pixels wide (for sizing exports).
    #[must_use]
    pub fn preferred_height(&self, width: u32) -> u32 {
        let layout = self.layout_at(f64::from(width), font_px(self.font_size).max(MIN_FONT_SIZE));
        layout.bottom.ceil() as u32
    }

    fn has_models(&self) -> bool {
        self.configurations.iter().any(|c| !c.model.is_empty())
    }

    /// Lays the chart out at the largest font size (≤ `font_size`) at
    /// which it fits in `width` × `height`.
    fn layout(&self, width: f64, height: f64) -> Layout {
        let mut font = font_px(self.font_size).max(MIN_FONT_SIZE);
        loop {
            let layout = self.layout_at(width, font);
            let narrow = layout.column_width < font * 2.2 || layout.label_width < font * 3.0;
            if (layout.bottom <= height && !narrow) || font * SHRINK < MIN_FONT_SIZE {
                return layout;
            }
            font *= SHRINK;
        }
    }

    fn layout_at(&self, width: f64, font: f64) -> Layout {
        let line_h = font * 1.25;
        let pad = font * 0.45;
        let inner = (width - 2.0 * MARGIN).max(1.0);
        let mut y = MARGIN;

        let title_font = font * 1.15;
        let title_lines = if self.texts.title.is_empty() {
            Vec::new()
        } else {
            wrap_balanced(&self.texts.title, inner, title_font)
        };
        let title_top = y;
        y += title_lines.len() as f64 * title_font * 1.25;
        if !title_lines.is_empty() {
            y += pad;
        }

        // Label column: as wide as the widest label, up to 45% of the width.
        let t = &self.texts;
        let row_labels = self
            .conditions
            .iter()
            .chain([
                &t.condition_header,
                &t.raw_coverage,
                &t.unique_coverage,
                &t.consistency,
                &t.solution_consistency,
                &t.solution_coverage,
            ])
            .map(|s| text_width(s, font))
            .fold(0.0, f64::max);
        let n_cols = self.configurations.len().max(1) as f64;
        let min_columns = n_cols * font * 3.6;
        let label_width = (row_labels + 2.0 * pad)
            .min(inner * 0.45)
            .min((inner - min_columns).max(inner * 0.25));
        let column_width = (inner - label_width) / n_cols;
        let table_left = MARGIN;
        let table_right = MARGIN + label_width + column_width * n_cols;
        let wrap_label = |s: &str| wrap_balanced(s, label_width - 2.0 * pad, font);
        let wrap_column = |s: &str| wrap_balanced(s, column_width - pad, font);

        let table_top = y;
        y += pad * 0.5;
        let model_header = if self.has_models() {
            let lines = model_groups(&self.configurations)
                .iter()
                .map(|g| wrap_balanced(g.0, column_width * g.2 as f64 - pad, font).len())
                .max()
                .unwrap_or(1);
            let h = lines as f64 * line_h + pad;
            let top = y;
            y += h;
            Some((top, h))
        } else {
            None
        };
        let column_labels: Vec<Vec<String>> = self
            .configurations
            .iter()
            .map(|c| wrap_column(&c.label))
            .collect();
        let header_lines = column_labels
            .iter()
            .map(Vec::len)
            .chain([wrap_label(&t.condition_header).len()])
            .max()
            .unwrap_or(1);
        let column_header = (y, header_lines as f64 * line_h + pad);
        y += column_header.1 + pad * 0.5;

        let rows = |labels: &[&str], min_h: f64, y: &mut f64| -> Vec<RowBox> {
            labels
                .iter()
                .map(|label| {
                    let lines = wrap_label(label);
                    let height = (lines.len() as f64 * line_h + pad).max(min_h);
                    let row = RowBox {
                        lines,
                        top: *y,
                        height,
                    };
                    *y += height;
                    row
                })
                .collect()
        };
        let names: Vec<&str> = self.conditions.iter().map(String::as_str).collect();
        let condition_rows = rows(&names, font * 2.0, &mut y);
        y += pad * 0.5;
        let fit_rows = rows(
            &[&t.raw_coverage, &t.unique_coverage, &t.consistency],
            line_h + pad,
            &mut y,
        );
        let solution_rows = rows(
            &[&t.solution_consistency, &t.solution_coverage],
            line_h + pad,
            &mut y,
        );
        let table_bottom = y + pad * 0.5;
        y = table_bottom;

        // Legend: items flow left to right and wrap.
        let mut legend = Vec::new();
        if self.show_legend {
            y += font;
            let items = [
                (LegendItem::Marker(Presence::CorePresent), &t.core_present),
                (LegendItem::Marker(Presence::CoreAbsent), &t.core_absent),
                (
                    LegendItem::Marker(Presence::PeripheralPresent),
                    &t.peripheral_present,
                ),
                (
                    LegendItem::Marker(Presence::PeripheralAbsent),
                    &t.peripheral_absent,
                ),
                (LegendItem::Blank, &t.dont_care),
            ];
            // A grid of equal columns, as many as fit side by side.
            let row_h = font * 1.8;
            let item_w = items
                .iter()
                .map(|(_, text)| font * 2.0 + text_width(text, font * 0.9) + font)
                .fold(0.0, f64::max);
            let per_row = ((inner / item_w).floor() as usize).clamp(1, items.len());
            for (k, (item, _)) in items.into_iter().enumerate() {
                if k > 0 && k % per_row == 0 {
                    y += row_h;
                }
                let x = MARGIN + (k % per_row) as f64 * (inner / per_row as f64);
                legend.push((x, y + row_h / 2.0, item));
            }
            y += row_h;
        }
        let note_lines = if t.note.is_empty() {
            Vec::new()
        } else {
            wrap_text(&t.note, inner, font * NOTE_SCALE)
        };
        let note_top = y + font * 0.4;
        if !note_lines.is_empty() {
            y = note_top + note_lines.len() as f64 * font * NOTE_SCALE * 1.3;
        }

        Layout {
            font,
            title_lines,
            title_top,
            table_left,
            table_right,
            label_width,
            column_width,
            table_top,
            model_header,
            column_header,
            column_labels,
            condition_rows,
            fit_rows,
            solution_rows,
            table_bottom,
            legend,
            note: (note_top, note_lines),
            bottom: y + MARGIN,
        }
    }

    /// Draws the chart on `area`, scaled to fit it.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let l = self.layout(f64::from(w), f64::from(h));
        let font = l.font;
        let (thin, thick) = line_widths(font);
        let line_h = font * 1.25;
        let pad = font * 0.45;
        let px = |v: f64| v.round() as i32;
        area.fill(&WHITE)?;

        // Title.
        let title_font = font * 1.15;
        for (i, line) in l.title_lines.iter().enumerate() {
            let y = l.title_top + i as f64 * title_font * 1.25;
            area.draw_text(
                line,
                &bold_style(title_font, BLACK, HPos::Center, VPos::Top),
                (px(f64::from(w) / 2.0), px(y)),
            )?;
        }

        let rule = |y: f64, width: u32| {
            area.draw(&PathElement::new(
                vec![(px(l.table_left), px(y)), (px(l.table_right), px(y))],
                BLACK.stroke_width(width),
            ))
        };
        let column_x = |i: usize| l.table_left + l.label_width + l.column_width * (i as f64 + 0.5);
        let label_x = l.table_left + pad;
        let draw_lines = |lines: &[String], x: f64, top: f64, height: f64, hpos: HPos| {
            let block = lines.len() as f64 * line_h;
            let mut y = top + (height - block) / 2.0 + line_h / 2.0;
            for line in lines {
                area.draw_text(
                    line,
                    &text_style(font, BLACK, hpos, VPos::Center),
                    (px(x), px(y)),
                )?;
                y += line_h;
            }
            Ok(())
        };

        rule(l.table_top, thick)?;
        // Model header: one cell spanning each model's columns, underlined.
        if let Some((top, height)) = l.model_header {
            for (model, first, count) in model_groups(&self.configurations) {
                if model.is_empty() {
                    continue;
                }
                let x0 = l.table_left + l.label_width + l.column_width * first as f64;
                let x1 = x0 + l.column_width * count as f64;
                let lines = wrap_balanced(model, x1 - x0 - pad, font);
                draw_lines(&lines, (x0 + x1) / 2.0, top, height, HPos::Center)?;
                area.draw(&PathElement::new(
                    vec![
                        (px(x0 + pad / 2.0), px(top + height)),
                        (px(x1 - pad / 2.0), px(top + height)),
                    ],
                    GREY.stroke_width(thin),
                ))?;
            }
        }
        let (header_top, header_h) = l.column_header;
        let header_lines = wrap_balanced(
            &self.texts.condition_header,
            l.label_width - 2.0 * pad,
            font,
        );
        draw_lines(&header_lines, label_x, header_top, header_h, HPos::Left)?;
        for (i, lines) in l.column_labels.iter().enumerate() {
            draw_lines(lines, column_x(i), header_top, header_h, HPos::Center)?;
        }
        rule(header_top + header_h + pad * 0.25, thin)?;

        // Condition rows with their symbols.
        for (r, row) in l.condition_rows.iter().enumerate() {
            draw_lines(&row.lines, label_x, row.top, row.height, HPos::Left)?;
            let cy = row.top + row.height / 2.0;
            let core_r = (l.column_width * 0.28)
                .min(row.height * 0.36)
                .min(font * 0.62);
            for (i, config) in self.configurations.iter().enumerate() {
                if let Some(&cell) = config.cells.get(r) {
                    draw_marker(area, (column_x(i), cy), cell, core_r)?;
                }
            }
        }
        let fit_top = l.fit_rows.first().map_or(l.table_bottom, |r| r.top);
        rule(fit_top - pad * 0.25, thin)?;

        // Fit rows per configuration.
        for (k, row) in l.fit_rows.iter().enumerate() {
            draw_lines(&row.lines, label_x, row.top, row.height, HPos::Left)?;
            for (i, c) in self.configurations.iter().enumerate() {
                let value = match k {
                    0 => c.raw_coverage,
                    1 => c.unique_coverage,
                    _ => c.consistency,
                };
                let text = if value.is_finite() {
                    fmt3(value)
                } else {
                    String::new()
                };
                draw_lines(&[text], column_x(i), row.top, row.height, HPos::Center)?;
            }
        }
        // Solution rows: one value centred across each model's columns.
        for (k, row) in l.solution_rows.iter().enumerate() {
            draw_lines(&row.lines, label_x, row.top, row.height, HPos::Left)?;
            for (model, first, count) in model_groups(&self.configurations) {
                let Some(fit) = self.solution_fit.iter().find(|f| f.model == model) else {
                    continue;
                };
                let value = if k == 0 {
                    fit.consistency
                } else {
                    fit.coverage
                };
                if !value.is_finite() {
                    continue;
                }
                let x0 = l.table_left + l.label_width + l.column_width * first as f64;
                let x = x0 + l.column_width * count as f64 / 2.0;
                draw_lines(&[fmt3(value)], x, row.top, row.height, HPos::Center)?;
            }
        }
        rule(l.table_bottom, thick)?;

        // Legend.
        let legend_texts = [
            &self.texts.core_present,
            &self.texts.core_absent,
            &self.texts.peripheral_present,
            &self.texts.peripheral_absent,
            &self.texts.dont_care,
        ];
        let legend_r = font * 0.5;
        for ((x, y, item), text) in l.legend.iter().zip(legend_texts) {
            match item {
                LegendItem::Marker(p) => draw_marker(area, (x + font * 0.7, *y), *p, legend_r)?,
                LegendItem::Blank => area.draw(&Rectangle::new(
                    [
                        (px(x + font * 0.2), px(y - font * 0.5)),
                        (px(x + font * 1.2), px(y + font * 0.5)),
                    ],
                    GREY.stroke_width(thin),
                ))?,
            }
            area.draw_text(
                text,
                &text_style(font * 0.9, BLACK, HPos::Left, VPos::Center),
                (px(x + font * 1.7), px(*y)),
            )?;
        }
        // Note.
        let (note_top, note_lines) = &l.note;
        for (i, line) in note_lines.iter().enumerate() {
            area.draw_text(
                line,
                &text_style(font * NOTE_SCALE, BLACK, HPos::Left, VPos::Top),
                (
                    px(MARGIN),
                    px(note_top + i as f64 * font * NOTE_SCALE * 1.3),
                ),
            )?;
        }
        Ok(())
    }
}

/// Draws one cell symbol centred at `(x, y)`: a filled circle for
/// presence, a circle with an X for absence; peripheral symbols have
/// [`PERIPHERAL_RATIO`] of the core radius `core_r`.
fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    cell: Presence,
    core_r: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let small_r = core_r * PERIPHERAL_RATIO;
    let centre = (x.round() as i32, y.round() as i32);
    match cell {
        Presence::DontCare => Ok(()),
        Presence::CorePresent | Presence::PeripheralPresent => {
            let r = if cell == Presence::CorePresent {
                core_r
            } else {
                small_r
            };
            area.draw(&Circle::new(
                centre,
                r.max(1.5).round() as u32,
                BLACK.filled(),
            ))
        }
        Presence::CoreAbsent | Presence::PeripheralAbsent => {
            let core = cell == Presence::CoreAbsent;
            let r = if core { core_r } else { small_r }.max(2.0);
            // Line width in proportion to the symbol (2 px at a 9 px core).
            let stroke = (r / 4.5).round().clamp(1.0, 8.0) as u32;
            area.draw(&Circle::new(
                centre,
                r.round() as u32,
                BLACK.stroke_width(stroke),
            ))?;
            let d = r * std::f64::consts::FRAC_1_SQRT_2;
            for (dx, dy) in [(d, d), (d, -d)] {
                area.draw(&PathElement::new(
                    vec![
                        ((x - dx).round() as i32, (y - dy).round() as i32),
                        ((x + dx).round() as i32, (y + dy).round() as i32),
                    ],
                    BLACK.stroke_width(stroke),
                ))?;
            }
            Ok(())
        }
    }
}

impl super::Chart for ConfigurationChart {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        ConfigurationChart::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(model: &str, cells: Vec<Presence>) -> Configuration {
        Configuration {
            model: model.into(),
            label: "S".into(),
            cells,
            raw_coverage: 0.5,
            unique_coverage: 0.1,
            consistency: 0.9,
        }
    }

    #[test]
    fn consecutive_columns_of_one_model_form_one_group() {
        let cs = vec![
            config("M1", vec![]),
            config("M1", vec![]),
            config("M2", vec![]),
        ];
        assert_eq!(model_groups(&cs), vec![("M1", 0, 2), ("M2", 2, 1)]);
    }

    #[test]
    fn symbol_counts_ignore_cells_beyond_the_conditions() {
        let chart = ConfigurationChart {
            conditions: vec!["A".into()],
            configurations: vec![config(
                "",
                vec![Presence::CoreAbsent, Presence::CorePresent],
            )],
            solution_fit: vec![],
            texts: ConfigurationTexts::english(),
            font_size: 14.0,
            show_legend: false,
        };
        assert_eq!(chart.symbol_counts(), (0, 1));
    }

    #[test]
    fn a_narrow_area_shrinks_the_font_but_not_below_the_minimum() {
        let chart = ConfigurationChart {
            conditions: (0..12).map(|i| format!("条件变量{i}")).collect(),
            configurations: (0..9).map(|_| config("", vec![])).collect(),
            solution_fit: vec![],
            texts: ConfigurationTexts::english(),
            font_size: 14.0,
            show_legend: true,
        };
        let l = chart.layout(300.0, 200.0);
        assert!(l.font < 14.0);
        assert!(l.font >= MIN_FONT_SIZE);
        let roomy = chart.layout(1600.0, 1600.0);
        assert!((roomy.font - 14.0).abs() < 1e-9);
    }

    #[test]
    fn the_note_is_drawn_under_the_legend_and_makes_the_chart_taller() {
        let mut chart = ConfigurationChart {
            conditions: vec!["A".into()],
            configurations: vec![config("", vec![Presence::CorePresent])],
            solution_fit: vec![],
            texts: ConfigurationTexts::english(),
            font_size: 14.0,
            show_legend: true,
        };
        let plain = chart.preferred_height(600);
        chart.texts.note = "Parsimonious solution: every condition is core.".into();
        assert!(chart.preferred_height(600) > plain);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area();
            chart.draw(&root).unwrap_or_else(|e| panic!("{e:?}"));
            root.present().unwrap_or_else(|e| panic!("{e:?}"));
        }
        assert!(svg.contains("every condition is core"), "{svg}");
    }
}
