//! Drawing helpers shared by the charts, generic over the backend.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{BLACK, Shape};

/// The result of a drawing step.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The font of all chart text (the browser and rsvg fall back to a CJK font
/// for Chinese).
pub const FONT: &str = "sans-serif";

/// Pixel coordinate from floats (rounded).
pub fn px(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Draws `s` at (x, y) with the given anchor.
#[allow(clippy::too_many_arguments)]
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (f64, f64),
    size: f64,
    color: &RGBColor,
    h: HPos,
    v: VPos,
) -> DrawResult<DB> {
    if s.is_empty() {
        return Ok(());
    }
    let style = TextStyle::from((FONT, size).into_font())
        .color(color)
        .pos(Pos::new(h, v));
    area.draw(&Text::new(s.to_string(), px(x, y), style))
}

/// Draws `s` rotated by 270° (reading upwards), centred at (x, y).
pub fn text_vertical<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (f64, f64),
    size: f64,
) -> DrawResult<DB> {
    if s.is_empty() {
        return Ok(());
    }
    let style = TextStyle::from((FONT, size).into_font().transform(FontTransform::Rotate270))
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(s.to_string(), px(x, y), style))
}

/// Draws a title centred at the top.
pub fn title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    width: f64,
) -> DrawResult<DB> {
    text(
        area,
        s,
        (width / 2.0, 10.0),
        20.0,
        &BLACK,
        HPos::Center,
        VPos::Top,
    )
}

/// Draws a marker of `shape` centred at (x, y) with "radius" r: filled in
/// `fill` (with `opacity`) and outlined in `stroke`.
pub fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: Shape,
    (x, y): (f64, f64),
    r: f64,
    fill: &RGBColor,
    opacity: f64,
    stroke: &RGBColor,
) -> DrawResult<DB> {
    let fill_style = fill.mix(opacity).filled();
    let line = stroke.stroke_width(1);
    let poly = |pts: &[(f64, f64)]| -> Vec<(i32, i32)> {
        pts.iter().map(|&(a, b)| px(x + a * r, y + b * r)).collect()
    };
    let closed = |mut v: Vec<(i32, i32)>| {
        if let Some(&f) = v.first() {
            v.push(f);
        }
        v
    };
    match shape {
        Shape::Circle => {
            let ri = r.round().max(1.0) as u32;
            area.draw(&Circle::new(px(x, y), ri, fill_style))?;
            area.draw(&Circle::new(px(x, y), ri, line))
        }
        Shape::Square => {
            let s = r * 0.886; // same area as the circle
            let rect = [px(x - s, y - s), px(x + s, y + s)];
            area.draw(&Rectangle::new(rect, fill_style))?;
            area.draw(&Rectangle::new(rect, line))
        }
        _ => {
            let pts: Vec<(f64, f64)> = match shape {
                Shape::Triangle => vec![(0.0, -1.25), (1.1, 0.7), (-1.1, 0.7)],
                Shape::TriangleDown => vec![(0.0, 1.25), (1.1, -0.7), (-1.1, -0.7)],
                Shape::Diamond => vec![(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)],
                _ => vec![
                    (-0.35, -1.1),
                    (0.35, -1.1),
                    (0.35, -0.35),
                    (1.1, -0.35),
                    (1.1, 0.35),
                    (0.35, 0.35),
                    (0.35, 1.1),
                    (-0.35, 1.1),
                    (-0.35, 0.35),
                    (-1.1, 0.35),
                    (-1.1, -0.35),
                    (-0.35, -0.35),
                ],
            };
            let p = poly(&pts);
            area.draw(&Polygon::new(p.clone(), fill_style))?;
            area.draw(&PathElement::new(closed(p), line))
        }
    }
}

/// Draws a straight line.
pub fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: (f64, f64),
    b: (f64, f64),
    style: ShapeStyle,
) -> DrawResult<DB> {
    area.draw(&PathElement::new(vec![px(a.0, a.1), px(b.0, b.1)], style))
}

/// Draws a dashed straight line (dash and gap in pixels).
pub fn dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: (f64, f64),
    b: (f64, f64),
    dash: f64,
    style: ShapeStyle,
) -> DrawResult<DB> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if len <= 0.0 {
        return Ok(());
    }
    let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
    let mut t = 0.0;
    while t < len {
        let e = (t + dash).min(len);
        line(
            area,
            (a.0 + ux * t, a.1 + uy * t),
            (a.0 + ux * e, a.1 + uy * e),
            style,
        )?;
        t += 2.0 * dash;
    }
    Ok(())
}

/// Hatches a rectangle with diagonal lines every `gap` pixels (pattern
/// redundancy for greyscale print).
pub fn hatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0, x1, y1): (f64, f64, f64, f64),
    gap: f64,
    style: ShapeStyle,
) -> DrawResult<DB> {
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= 0.0 || h <= 0.0 || gap <= 0.0 {
        return Ok(());
    }
    let mut k = gap;
    while k < w + h {
        // line from (x0 + k, y1) going up-left at 45°, clipped to the box
        let (mut ax, mut ay) = (x0 + k, y1);
        if ax > x1 {
            ay -= ax - x1;
            ax = x1;
        }
        let (mut bx, mut by) = (x0 + k - h, y0);
        if bx < x0 {
            by += x0 - bx;
            bx = x0;
        }
        line(area, (ax, ay), (bx, by), style)?;
        k += gap;
    }
    Ok(())
}
