//! Drawing pieces shared by the horizontal bar charts (stability, custom
//! scores): a 0–100 % axis, row labels, bars with an optional hatch, value
//! labels and legend items. Generic over the backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{self, DrawResult};
use super::layout::format_number;
use super::palette::{BLACK, LIGHT_GREY};

/// Font size of row labels and legend entries.
const LABEL_SIZE: f64 = 13.0;

/// The x of value `v` (clamped to 0–100) on a percent axis from `x0` to `x1`.
pub fn percent_x(x0: f64, x1: f64, v: f64) -> f64 {
    x0 + v.clamp(0.0, 100.0) / 100.0 * (x1 - x0)
}

/// Draws a horizontal 0–100 % axis over the plot box `(x0, y0, x1, y1)`:
/// grid lines at 0, 25, 50, 75 and 100 from `y0` to `y1`, their numbers
/// under `y1`, and the axis title `label` centred under the box at height
/// `label_y`.
pub fn percent_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    label: &str,
    label_y: f64,
) -> DrawResult<DB> {
    for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = percent_x(x0, x1, t);
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
        label,
        ((x0 + x1) / 2.0, label_y),
        14.0,
        &BLACK,
        HPos::Center,
        VPos::Center,
    )
}

/// Draws a row's label right-aligned 8 px left of `x0`, centred on `yc`.
pub fn row_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    x0: f64,
    yc: f64,
) -> DrawResult<DB> {
    draw::text(
        area,
        label,
        (x0 - 8.0, yc),
        LABEL_SIZE,
        &BLACK,
        HPos::Right,
        VPos::Center,
    )
}

/// Draws the rectangle `(x0, y0, x1, y1)` filled in `color` at opacity
/// `alpha`, hatched every `hatch` pixels when given.
pub fn bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: (f64, f64, f64, f64),
    color: RGBColor,
    alpha: f64,
    hatch: Option<f64>,
) -> DrawResult<DB> {
    area.draw(&Rectangle::new(
        [draw::px(rect.0, rect.1), draw::px(rect.2, rect.3)],
        color.mix(alpha).filled(),
    ))?;
    if let Some(gap) = hatch {
        draw::hatch(area, rect, gap, BLACK.mix(0.6).stroke_width(1))?;
    }
    Ok(())
}

/// Draws a bar's value `text` left-aligned at (x, y) in small type.
pub fn value_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (x, y): (f64, f64),
) -> DrawResult<DB> {
    draw::text(area, text, (x, y), 11.0, &BLACK, HPos::Left, VPos::Center)
}

/// Draws a bar `bh` high whose top is at `top`, from `x0` to `x`, in
/// `style` (colour, opacity, hatch gap as for [`bar`]), and its value
/// `text` just right of its end.
pub fn labelled_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, x): (f64, f64),
    (top, bh): (f64, f64),
    (color, alpha, hatch): (RGBColor, f64, Option<f64>),
    text: &str,
) -> DrawResult<DB> {
    bar(
        area,
        (x0, top + 1.0, x, top + bh - 1.0),
        color,
        alpha,
        hatch,
    )?;
    value_label(area, text, (x + 4.0, top + bh / 2.0))
}

/// `v` rounded to one decimal, as a bar's value is written.
pub fn one_decimal(v: f64) -> String {
    format_number((v * 10.0).round() / 10.0)
}

/// Draws a legend entry with its top-left corner at (x, y): an 18 × 12
/// swatch like [`bar`], then `label`.
pub fn legend_item<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (f64, f64),
    label: &str,
    color: RGBColor,
    alpha: f64,
    hatch: Option<f64>,
) -> DrawResult<DB> {
    bar(area, (x, y, x + 18.0, y + 12.0), color, alpha, hatch)?;
    draw::text(
        area,
        label,
        (x + 24.0, y + 6.0),
        LABEL_SIZE,
        &BLACK,
        HPos::Left,
        VPos::Center,
    )
}

/// The width [`legend_item`] takes for `label`, with the gap to the next.
pub fn legend_item_width(label: &str) -> f64 {
    24.0 + super::layout::text_width(label, LABEL_SIZE) + 24.0
}
