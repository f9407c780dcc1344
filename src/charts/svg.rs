//! Rendering any chart to an SVG string (export and native tests).

use plotters::prelude::*;

use super::Chart;

/// A chart could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// Width or height is zero.
    #[error("chart size {width}×{height} is empty")]
    EmptySize {
        /// Width asked for.
        width: u32,
        /// Height asked for.
        height: u32,
    },
    /// The backend failed while drawing.
    #[error("drawing failed: {message}")]
    Draw {
        /// The backend's message.
        message: String,
    },
}

/// Renders `chart` to an SVG document of `width` × `height` pixels.
///
/// # Errors
/// [`ChartError::EmptySize`] or [`ChartError::Draw`].
///
/// # Example
/// ```
/// use policylens::charts::{render_svg, FeasibilityChart, FeasibilityBar};
/// let chart = FeasibilityChart {
///     title: "Feasibility".into(),
///     y_label: "index".into(),
///     bars: vec![FeasibilityBar { label: "supporters".into(), value: 23.1, stance: policylens::charts::Stance::Support }],
/// };
/// let svg = render_svg(&chart, 600, 400).unwrap();
/// assert!(svg.contains("23.1"));
/// ```
pub fn render_svg<C: Chart>(chart: &C, width: u32, height: u32) -> Result<String, ChartError> {
    if width == 0 || height == 0 {
        return Err(ChartError::EmptySize { width, height });
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let err = |e: DrawingAreaErrorKind<_>| ChartError::Draw {
            message: e.to_string(),
        };
        chart.draw(&root).map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(fix_font_sizes(&out))
}

/// plotters' SVG backend writes `font-size` as the requested size / 1.24,
/// while its canvas backend uses the requested size in pixels; this scales
/// every `font-size="…"` back so the SVG export matches the screen.
fn fix_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let (num, after) = tail.split_at(end);
        match num.parse::<f64>() {
            Ok(v) => out.push_str(&format!("{:.2}", v * 1.24)),
            Err(_) => out.push_str(num),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}
