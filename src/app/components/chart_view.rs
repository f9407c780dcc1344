//! Any [`Chart`] drawn on a `<canvas>` (sharp at the screen's device-pixel
//! ratio), with its export buttons: "PNG" (the screen size, at twice the
//! pixels), "PNG 300 dpi" (a print width chosen in cm or inches → pixels;
//! everything, fonts included, scaled so the print looks like the screen)
//! and "SVG" (via [`render_svg`]).
//!
//! # Use
//! ```ignore
//! let chart = ChartRef::new(PowerInterestChart { .. });
//! html! { <ChartView chart={chart} file_name="power_interest" label="Power–interest grid" /> }
//! ```
//! The chart is drawn at a fixed logical size (`width` × `height`, default
//! 800 × 520 CSS px); CSS scales the canvas down on narrow screens. The
//! chart is redrawn whenever a chart with different contents is given.
//!
//! The export functions [`export_png`] and [`export_svg`] are public so a
//! section (or the report) can save a chart without showing it.

use std::any::Any;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::download::{self, DownloadError, PNG_MIME, SVG_MIME};
use crate::app::i18n::{Lang, Translate};
use crate::app::importer::AppContext;
use crate::charts::{Chart, render_svg};

/// Print resolution of the "PNG 300 dpi" export.
pub const PRINT_DPI: f64 = 300.0;
/// Default print width of the 300 dpi export, in cm (a single-column
/// figure in most journals is 8–9 cm, a full-width one 16–17 cm).
pub const DEFAULT_PRINT_WIDTH_CM: f64 = 16.0;
/// Pixel ratio of the plain "PNG" export.
pub const SCREEN_PNG_SCALE: f64 = 2.0;
/// Largest side, in pixels, of an exported PNG (browsers refuse larger
/// canvases; 60 cm at 300 dpi fits).
pub const MAX_PNG_SIDE: u32 = 8_000;

/// A chart of any type, object-safe: what [`ChartView`] takes.
pub trait DynChart {
    /// Draws on a canvas-backed drawing area.
    ///
    /// # Errors
    /// The canvas backend's error.
    fn draw_canvas(
        &self,
        area: &DrawingArea<CanvasBackend, Shift>,
    ) -> Result<
        (),
        DrawingAreaErrorKind<<CanvasBackend as plotters::prelude::DrawingBackend>::ErrorType>,
    >;
    /// Renders to an SVG document.
    ///
    /// # Errors
    /// See [`render_svg`].
    fn svg(&self, width: u32, height: u32) -> Result<String, crate::charts::ChartError>;
    /// The chart as `Any`, to compare charts of the same type.
    fn as_any(&self) -> &dyn Any;
    /// Whether `other` is a chart of the same type with equal contents.
    fn dyn_eq(&self, other: &dyn DynChart) -> bool;
}

impl<C: Chart + PartialEq + 'static> DynChart for C {
    fn draw_canvas(
        &self,
        area: &DrawingArea<CanvasBackend, Shift>,
    ) -> Result<
        (),
        DrawingAreaErrorKind<<CanvasBackend as plotters::prelude::DrawingBackend>::ErrorType>,
    > {
        self.draw(area)
    }
    fn svg(&self, width: u32, height: u32) -> Result<String, crate::charts::ChartError> {
        render_svg(self, width, height)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn dyn_eq(&self, other: &dyn DynChart) -> bool {
        other.as_any().downcast_ref::<C>() == Some(self)
    }
}

/// A shared chart for [`ChartView`]; equal when the charts are equal.
#[derive(Clone)]
pub struct ChartRef(pub Rc<dyn DynChart>);

impl ChartRef {
    /// Wraps a chart.
    pub fn new<C: Chart + PartialEq + 'static>(chart: C) -> Self {
        ChartRef(Rc::new(chart))
    }
}

impl PartialEq for ChartRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.dyn_eq(other.0.as_ref())
    }
}

/// Draws `chart` on `canvas` at a logical size of `width` × `height` with
/// `scale` device pixels per logical pixel: the canvas gets
/// `width·scale` × `height·scale` pixels and the chart is drawn through a
/// scaling transform, so lines and fonts grow with the pixels.
///
/// # Errors
/// [`DownloadError::Chart`] when the canvas has no 2-D context or drawing
/// fails.
pub fn draw_on_canvas(
    chart: &dyn DynChart,
    canvas: &HtmlCanvasElement,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<(), DownloadError> {
    let fail = |message: String| DownloadError::Chart { message };
    // plotters reads the backend's size once, when the drawing area is
    // made: make it at the logical size, then enlarge the bitmap (which
    // resets the context) and scale the context.
    canvas.set_width(width);
    canvas.set_height(height);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| fail("no 2-D canvas context".to_owned()))?;
    let area = backend.into_drawing_area();
    let px = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    canvas.set_width(px(width));
    canvas.set_height(px(height));
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| fail("no 2-D canvas context".to_owned()))?;
    context
        .scale(scale, scale)
        .map_err(|_| fail("scale".to_owned()))?;
    chart.draw_canvas(&area).map_err(|e| fail(e.to_string()))?;
    area.present().map_err(|e| fail(e.to_string()))
}

/// The chart as PNG bytes at `width` × `height` logical pixels times
/// `scale`, drawn on a detached canvas; with `dpi`, a pHYs chunk records
/// the resolution.
///
/// # Errors
/// [`DownloadError::Chart`] or [`DownloadError::NotPng`].
pub fn export_png(
    chart: &dyn DynChart,
    width: u32,
    height: u32,
    scale: f64,
    dpi: Option<f64>,
) -> Result<Vec<u8>, DownloadError> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| DownloadError::Chart {
            message: "no canvas".to_owned(),
        })?;
    draw_on_canvas(chart, &canvas, width, height, scale)?;
    let url = canvas
        .to_data_url_with_type(PNG_MIME)
        .map_err(|_| DownloadError::NotPng)?;
    let bytes = download::data_url_bytes(&url).ok_or(DownloadError::NotPng)?;
    if !download::is_png(&bytes) {
        return Err(DownloadError::NotPng);
    }
    Ok(match dpi {
        Some(dpi) => download::png_set_dpi(&bytes, dpi).unwrap_or(bytes),
        None => bytes,
    })
}

/// The chart as an SVG document of `width` × `height` pixels.
///
/// # Errors
/// [`DownloadError::Chart`].
pub fn export_svg(chart: &dyn DynChart, width: u32, height: u32) -> Result<String, DownloadError> {
    chart.svg(width, height).map_err(|e| DownloadError::Chart {
        message: e.to_string(),
    })
}

/// Unit of the print width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintUnit {
    /// Centimetres.
    Cm,
    /// Inches.
    Inch,
}

/// Pixel width of a print `width` in `unit` at [`PRINT_DPI`]; `None` when
/// not a positive finite number or beyond [`MAX_PNG_SIDE`].
pub fn print_pixels(width: f64, unit: PrintUnit) -> Option<u32> {
    let inches = match unit {
        PrintUnit::Cm => width / 2.54,
        PrintUnit::Inch => width,
    };
    let px = (inches * PRINT_DPI).round();
    (px.is_finite() && px >= 1.0 && px <= f64::from(MAX_PNG_SIDE)).then_some(px as u32)
}

/// Fixed text of the chart view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ChartText {
    Export,
    Png,
    Png300,
    Svg,
    PrintWidth,
    Cm,
    Inch,
    BadWidth,
    Saved,
    Failed,
}

impl Translate for ChartText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            ChartText::Export => ("Save the chart", "保存图表"),
            ChartText::Png => ("PNG", "PNG"),
            ChartText::Png300 => ("PNG 300 dpi", "PNG 300 dpi"),
            ChartText::Svg => ("SVG", "SVG"),
            ChartText::PrintWidth => ("Print width", "打印宽度"),
            ChartText::Cm => ("cm", "厘米"),
            ChartText::Inch => ("in", "英寸"),
            ChartText::BadWidth => (
                "The print width must be a positive number up to 60 cm (23.6 in).",
                "打印宽度须为不超过 60 厘米（23.6 英寸）的正数。",
            ),
            ChartText::Saved => ("Saved", "已保存"),
            ChartText::Failed => ("The file could not be saved", "无法保存文件"),
        }
    }
}

/// What an export button saves.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Export {
    /// A PNG at `scale` times the logical size, its resolution recorded
    /// as `dpi` when given.
    Png { scale: f64, dpi: Option<f64> },
    /// An SVG document.
    Svg,
}

impl Export {
    /// The end of the file name: `.png`, `_300dpi.png` or `.svg`.
    fn suffix(self) -> &'static str {
        match self {
            Export::Png { dpi: None, .. } => ".png",
            Export::Png { dpi: Some(_), .. } => "_300dpi.png",
            Export::Svg => ".svg",
        }
    }
}

/// Renders `chart` (logical size `width` × `height`) as `export`, adds its
/// story (title, data, settings, app version) and downloads it as `name`.
fn save_chart(
    chart: &dyn DynChart,
    width: u32,
    height: u32,
    export: Export,
    name: &str,
    story: &download::ChartStory,
) -> Result<(), DownloadError> {
    match export {
        Export::Png { scale, dpi } => export_png(chart, width, height, scale, dpi)
            .map(|bytes| download::png_with_story(&bytes, story))
            .and_then(|bytes| download::download_bytes(name, PNG_MIME, &bytes)),
        Export::Svg => export_svg(chart, width, height)
            .map(|svg| download::svg_with_story(&svg, story))
            .and_then(|svg| download::download_text(name, SVG_MIME, &svg)),
    }
}

/// Properties of [`ChartView`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChartViewProps {
    /// The chart.
    pub chart: ChartRef,
    /// File name without extension (made safe before use).
    pub file_name: AttrValue,
    /// Accessible name of the chart (also its caption).
    pub label: AttrValue,
    /// A text alternative: what the chart shows, for screen readers.
    #[prop_or_default]
    pub description: AttrValue,
    /// Logical width in CSS pixels.
    #[prop_or(800)]
    pub width: u32,
    /// Logical height in CSS pixels.
    #[prop_or(520)]
    pub height: u32,
}

/// Outcome of the last export, shown under the buttons.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    None,
    Saved(String),
    Failed(String),
    BadWidth,
}

fn status_text(lang: Lang, status: &Status) -> Option<(bool, String)> {
    match status {
        Status::None => None,
        Status::Saved(name) => Some((false, format!("{}: {name}", lang.t(ChartText::Saved)))),
        Status::Failed(why) => Some((true, format!("{}: {why}", lang.t(ChartText::Failed)))),
        Status::BadWidth => Some((true, lang.t(ChartText::BadWidth).to_owned())),
    }
}

/// A chart on a canvas with its export buttons.
#[component(ChartView)]
pub fn chart_view(props: &ChartViewProps) -> Html {
    let ctx = use_context::<AppContext>();
    let lang = ctx.as_ref().map_or(Lang::En, |c| c.lang);
    // Exports carry their story: title, data, settings, app version.
    let story = {
        let (ctx, label) = (ctx.clone(), props.label.to_string());
        move || {
            ctx.as_ref()
                .map(|c| crate::app::persist::chart_story(c, &label))
                .unwrap_or_default()
        }
    };
    let canvas_ref = use_node_ref();
    let status = use_state(|| Status::None);
    let print_width = use_state(|| DEFAULT_PRINT_WIDTH_CM.to_string());
    let unit = use_state(|| PrintUnit::Cm);
    let draw_error = use_state(|| None::<String>);

    {
        let canvas_ref = canvas_ref.clone();
        let draw_error = draw_error.clone();
        let (width, height) = (props.width, props.height);
        use_effect_with(
            (props.chart.clone(), width, height),
            move |(chart, _, _)| {
                if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                    let ratio = web_sys::window()
                        .map(|w| w.device_pixel_ratio())
                        .filter(|r| r.is_finite() && *r > 0.0)
                        .unwrap_or(1.0);
                    let result = draw_on_canvas(chart.0.as_ref(), &canvas, width, height, ratio);
                    draw_error.set(result.err().map(|e| e.to_string()));
                }
            },
        );
    }

    let base = download::safe_file_name(&props.file_name);
    let finish = {
        let status = status.clone();
        move |name: String, result: Result<(), DownloadError>| {
            status.set(match result {
                Ok(()) => Status::Saved(name),
                Err(e) => Status::Failed(e.to_string()),
            });
        }
    };
    // Every export button: render, add the story, download, say how it went.
    let save = {
        let (chart, w, h, base) = (props.chart.clone(), props.width, props.height, base.clone());
        move |export: Export| {
            let name = format!("{base}{}", export.suffix());
            let result = save_chart(chart.0.as_ref(), w, h, export, &name, &story());
            finish(name, result);
        }
    };
    let on_png = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| {
            save(Export::Png {
                scale: SCREEN_PNG_SCALE,
                dpi: None,
            });
        })
    };
    let on_png300 = {
        let save = save.clone();
        let (w, h) = (props.width, props.height);
        let (print_width, unit, status) = (print_width.clone(), unit.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(px) = print_width
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .and_then(|v| print_pixels(v, *unit))
            else {
                status.set(Status::BadWidth);
                return;
            };
            let scale = f64::from(px) / f64::from(w.max(1));
            if (f64::from(h) * scale).round() > f64::from(MAX_PNG_SIDE) {
                status.set(Status::BadWidth);
                return;
            }
            save(Export::Png {
                scale,
                dpi: Some(PRINT_DPI),
            });
        })
    };
    let on_svg = Callback::from(move |_: MouseEvent| save(Export::Svg));
    let on_width = {
        let print_width = print_width.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                print_width.set(input.value());
            }
        })
    };
    let on_unit = {
        let unit = unit.clone();
        let print_width = print_width.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let new = if select.value() == "in" {
                    PrintUnit::Inch
                } else {
                    PrintUnit::Cm
                };
                if new != *unit {
                    // Keep the same physical width in the new unit.
                    if let Ok(v) = print_width.trim().replace(',', ".").parse::<f64>() {
                        let converted = match new {
                            PrintUnit::Inch => v / 2.54,
                            PrintUnit::Cm => v * 2.54,
                        };
                        print_width.set(format!("{:.1}", converted));
                    }
                    unit.set(new);
                }
            }
        })
    };

    let width_id = format!("print-width-{base}");
    let unit_id = format!("print-unit-{base}");
    let style = format!(
        "max-width:{}px;aspect-ratio:{} / {};",
        props.width, props.width, props.height
    );
    html! {
        <figure class="chart-view">
            <canvas ref={canvas_ref} class="chart-canvas" role="img"
                aria-label={props.label.clone()} style={style}>
                { props.description.clone() }
            </canvas>
            <figcaption class="chart-caption">{ props.label.clone() }</figcaption>
            if let Some(e) = (*draw_error).clone() {
                <p class="error-text" role="alert">{ e }</p>
            }
            <div class="chart-export" role="group" aria-label={format!("{} — {}", lang.t(ChartText::Export), props.label)}>
                <span class="chart-export-quick">
                    <button type="button" class="secondary" onclick={on_png}
                        aria-label={format!("{} {}", lang.t(ChartText::Png), props.label)}>{ lang.t(ChartText::Png) }</button>
                    <button type="button" class="secondary" onclick={on_svg}
                        aria-label={format!("{} {}", lang.t(ChartText::Svg), props.label)}>{ lang.t(ChartText::Svg) }</button>
                </span>
                <span class="chart-export-print">
                    <label for={width_id.clone()}>{ lang.t(ChartText::PrintWidth) }</label>
                    <input id={width_id} type="text" inputmode="decimal" size="5" value={(*print_width).clone()} oninput={on_width} />
                    <select id={unit_id} aria-label={lang.t(ChartText::PrintWidth)} onchange={on_unit}>
                        <option value="cm" selected={*unit == PrintUnit::Cm}>{ lang.t(ChartText::Cm) }</option>
                        <option value="in" selected={*unit == PrintUnit::Inch}>{ lang.t(ChartText::Inch) }</option>
                    </select>
                    <button type="button" class="secondary" onclick={on_png300}
                        aria-label={format!("{} {}", lang.t(ChartText::Png300), props.label)}>{ lang.t(ChartText::Png300) }</button>
                </span>
            </div>
            if let Some((is_error, text)) = status_text(lang, &status) {
                <p class={if is_error { "error-text" } else { "hint" }} role="status">{ text }</p>
            }
        </figure>
    }
}
