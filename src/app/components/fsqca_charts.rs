//! The fsQCA charts built from the section's data, with their texts in the
//! user's language: calibration curve, histogram, truth-table heat map,
//! XY plot (with the case under the pointer), Venn diagram.

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::chart_view::{ChartRef, ChartView};
use crate::analysis::calibrate::{CROSSOVER_CONSTANT, Calibration, CrossoverCases, calibrate};
use crate::analysis::minimize::{Implicant, Minimization};
use crate::analysis::solution::ChartCell;
use crate::analysis::truth_table::{Out, TruthTable};
use crate::app::i18n::Lang;
use crate::charts::{
    Bins, CalibrationCase, CalibrationChart, CalibrationTexts, ConfigurationTexts, Guide,
    HeatmapRow, HeatmapTexts, HistogramChart, HistogramTexts, OutValue, Presence, RegionLabels,
    TruthTableHeatmap, VennDiagram, VennRegion, VennTexts, XyCase, XyPlot, XyTexts,
    qca_venn::project_regions,
};

/// Points sampled along a calibration curve.
pub const CURVE_POINTS: usize = 200;
/// Font size of the section's charts, in CSS pixels.
pub const FONT: f64 = 13.0;

fn zh(lang: Lang) -> bool {
    lang == Lang::ZhHans
}

/// Converts a truth-table OUT to the charts' code.
pub fn out_value(o: Out) -> OutValue {
    match o {
        Out::One => OutValue::Positive,
        Out::Zero => OutValue::Negative,
        Out::Contradiction => OutValue::Contradiction,
        Out::Remainder => OutValue::Remainder,
    }
}

/// The terms of every model of a minimization (`[model][term]`), e.g. the
/// parsimonious models whose terms decide the core conditions.
pub fn model_terms(m: &Minimization) -> Vec<Vec<Implicant>> {
    m.models
        .iter()
        .map(|model| {
            model
                .iter()
                .filter_map(|&p| m.prime_implicants.get(p).copied())
                .collect()
        })
        .collect()
}

/// The symbol of a configuration-chart cell (Fiss 2011): blank for a
/// condition the configuration does not name, large for core, small for
/// peripheral, ● present, ⊗ absent.
pub fn presence(cell: Option<&ChartCell>) -> Presence {
    match cell {
        None => Presence::DontCare,
        Some(c) if c.core && c.present => Presence::CorePresent,
        Some(c) if c.core => Presence::CoreAbsent,
        Some(c) if c.present => Presence::PeripheralPresent,
        Some(_) => Presence::PeripheralAbsent,
    }
}

/// The configuration chart's texts in the user's language, titled `title`
/// (the page and the report use the same words).
pub fn config_texts(lang: Lang, title: String) -> ConfigurationTexts {
    let mut t = ConfigurationTexts::english();
    t.title = title;
    if zh(lang) {
        t.condition_header = "条件".into();
        t.raw_coverage = "原始覆盖度".into();
        t.unique_coverage = "唯一覆盖度".into();
        t.consistency = "一致性".into();
        t.solution_consistency = "解的一致性".into();
        t.solution_coverage = "解的覆盖度".into();
        t.core_present = "核心条件存在".into();
        t.core_absent = "核心条件缺失".into();
        t.peripheral_present = "边缘条件存在".into();
        t.peripheral_absent = "边缘条件缺失".into();
        t.dont_care = "空白：无关".into();
    }
    t
}

/// The anchors or thresholds of a method, as guides.
fn guides(method: &Calibration) -> Vec<Guide> {
    let g = |value: f64, label: &str| Guide {
        value,
        label: label.to_owned(),
    };
    match method {
        Calibration::Logistic { anchors, .. } | Calibration::Linear { anchors, .. } => vec![
            g(anchors.exclusion(), "e"),
            g(anchors.crossover(), "c"),
            g(anchors.inclusion(), "i"),
        ],
        Calibration::Bell { anchors, .. } => ["e1", "c1", "i1", "i2", "c2", "e2"]
            .iter()
            .zip(anchors.to_array())
            .map(|(l, v)| g(v, l))
            .collect(),
        Calibration::Crisp { thresholds } | Calibration::Indirect { thresholds } => {
            thresholds.iter().map(|t| g(*t, "t")).collect()
        }
        _ => Vec::new(),
    }
}

/// The calibration chart of a column (`None` when the method fails); the
/// cases at exactly 0.5 are marked, and the legend says when the user
/// raised them by the small constant (`choice`).
pub fn calibration_chart(
    lang: Lang,
    name: &str,
    raw: &[f64],
    cases: &[String],
    method: &Calibration,
    choice: CrossoverCases,
) -> Option<CalibrationChart> {
    let values = calibrate(raw, method).ok()?.values;
    let finite: Vec<f64> = raw.iter().copied().filter(|v| v.is_finite()).collect();
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let gs = guides(method);
    let lo = gs.iter().map(|g| g.value).fold(lo, f64::min);
    let hi = gs.iter().map(|g| g.value).fold(hi, f64::max);
    let curve = if matches!(method, Calibration::Indirect { .. })
        || hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater)
    {
        // The indirect method fits the data themselves: draw through the cases.
        let mut pts: Vec<(f64, f64)> = raw
            .iter()
            .copied()
            .zip(values.iter().copied())
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .collect();
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        pts
    } else {
        let xs: Vec<f64> = (0..=CURVE_POINTS)
            .map(|i| lo + (hi - lo) * i as f64 / CURVE_POINTS as f64)
            .collect();
        let ys = calibrate(&xs, method).ok()?.values;
        xs.into_iter().zip(ys).collect()
    };
    let mut texts = CalibrationTexts::english(name, &format!("{name} (membership)"));
    if zh(lang) {
        texts = CalibrationTexts {
            title: String::new(),
            x_label: format!("{name}（原始值）"),
            y_label: format!("{name}（隶属度）"),
            cases: "案例".into(),
            crossover_cases: "隶属度恰为 0.5".into(),
            curve: "校准函数".into(),
        };
    }
    // The cases at 0.5 stay marked on the curve; the legend says what the
    // user chose for them.
    if choice == CrossoverCases::AddConstant {
        let raised = 0.5 + CROSSOVER_CONSTANT;
        texts.crossover_cases = if zh(lang) {
            format!("隶属度恰为 0.5（已改为 {raised}）")
        } else {
            format!("Membership exactly 0.5 (raised to {raised})")
        };
    }
    Some(CalibrationChart {
        curve,
        cases: raw
            .iter()
            .zip(values)
            .enumerate()
            .map(|(i, (r, m))| CalibrationCase {
                name: cases.get(i).cloned().unwrap_or_default(),
                raw: *r,
                membership: m,
            })
            .collect(),
        anchors: gs,
        texts,
        font_size: FONT,
    })
}

/// The histogram of memberships (or raw values) of a column.
pub fn histogram(
    lang: Lang,
    label: &str,
    values: &[f64],
    method: Option<&Calibration>,
) -> HistogramChart {
    let mut texts = HistogramTexts::english(label);
    if zh(lang) {
        texts.y_label = "案例数".into();
    }
    HistogramChart {
        values: values.to_vec(),
        bins: Bins::Auto,
        guides: method.map(guides).unwrap_or_default(),
        texts,
        font_size: FONT,
    }
}

/// The heat map of the truth table's rows.
pub fn heatmap(lang: Lang, t: &TruthTable) -> TruthTableHeatmap {
    let mut texts = HeatmapTexts::english();
    if zh(lang) {
        texts.row_header = "行".into();
        texts.n = "案例数".into();
        texts.incl = "一致性".into();
    }
    TruthTableHeatmap {
        conditions: t.conditions.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| HeatmapRow {
                label: r.number().to_string(),
                values: r.config.iter().map(|v| *v == 1).collect(),
                out: out_value(r.out),
                n: r.n,
                incl: r.is_observed().then_some(r.incl),
            })
            .collect(),
        texts,
        font_size: FONT,
    }
}

/// The Venn diagram of the truth table over the conditions `drawn`
/// (indices into the table's conditions, in order); `covered` says whether
/// a row (1-based R number, any row of the full table) is covered by the
/// solution.
///
/// With every condition drawn, each of the 2^k rows is a region: the
/// listed rows with their OUT and cases, the others remainders (outlined
/// when the solution uses them as simplifying assumptions). With fewer
/// conditions drawn (too many to draw them all), see [`venn_regions`].
pub fn venn(
    lang: Lang,
    t: &TruthTable,
    drawn: &[usize],
    covered: &dyn Fn(u64) -> bool,
) -> VennDiagram {
    let mut texts = VennTexts::english();
    if zh(lang) {
        texts.positive = "OUT = 1".into();
        texts.negative = "OUT = 0".into();
        texts.contradiction = "矛盾行 (C)".into();
        texts.remainder = "逻辑余项".into();
        texts.solution = "被解覆盖".into();
        texts.too_many_sets = format!(
            "维恩图最多绘制 {} 个条件",
            crate::charts::qca_venn::MAX_SETS
        );
    }
    VennDiagram {
        conditions: drawn
            .iter()
            .filter_map(|&j| t.conditions.get(j).cloned())
            .collect(),
        regions: venn_regions(t, drawn, covered),
        texts,
        labels: RegionLabels::Names,
        font_size: FONT,
    }
}

/// The regions of [`venn`]. When `drawn` leaves conditions out, the
/// listed rows are merged by [`project_regions`].
pub fn venn_regions(
    t: &TruthTable,
    drawn: &[usize],
    covered: &dyn Fn(u64) -> bool,
) -> Vec<VennRegion> {
    let k = t.conditions.len();
    let project = |config: &[u8]| -> Vec<bool> {
        drawn
            .iter()
            .map(|&j| config.get(j).is_some_and(|v| *v == 1))
            .collect()
    };
    if drawn.len() == k && k <= crate::charts::qca_venn::MAX_SETS {
        let listed: std::collections::HashMap<u64, &crate::analysis::truth_table::Row> =
            t.rows.iter().map(|r| (r.number(), r)).collect();
        return (1..=(1u64 << k))
            .map(|number| match listed.get(&number) {
                Some(r) => VennRegion {
                    values: project(&r.config),
                    out: out_value(r.out),
                    cases: r.cases.clone(),
                    in_solution: covered(number),
                },
                None => VennRegion {
                    values: project(&crate::analysis::truth_table::config_of_row(number, k)),
                    out: OutValue::Remainder,
                    cases: Vec::new(),
                    in_solution: covered(number),
                },
            })
            .collect();
    }
    let listed: Vec<VennRegion> = t
        .rows
        .iter()
        .map(|r| VennRegion {
            values: r.config.iter().map(|v| *v == 1).collect(),
            out: out_value(r.out),
            cases: r.cases.clone(),
            in_solution: covered(r.number()),
        })
        .collect();
    project_regions(&listed, drawn)
}

/// An XY plot of `x_label` (a term or model) against the outcome;
/// `fit` is (consistency, coverage).
pub fn xy_plot(
    lang: Lang,
    x_label: &str,
    y_label: &str,
    x: &[f64],
    y: &[f64],
    cases: &[String],
    fit: (f64, f64),
) -> XyPlot {
    let (consistency, coverage) = fit;
    let mut texts = XyTexts::english(x_label, y_label);
    if zh(lang) {
        texts.consistency = "一致性".into();
        texts.coverage = "覆盖度".into();
    }
    XyPlot {
        cases: x
            .iter()
            .zip(y)
            .enumerate()
            .map(|(i, (a, b))| XyCase {
                name: cases.get(i).cloned().unwrap_or_default(),
                x: *a,
                y: *b,
            })
            .collect(),
        consistency,
        coverage,
        texts,
        show_labels: true,
        font_size: FONT,
    }
}

/// Props of [`XyView`].
#[derive(Properties, PartialEq)]
pub struct XyViewProps {
    /// The plot.
    pub plot: XyPlot,
    /// Accessible name and caption.
    pub label: AttrValue,
    /// File name of the exports.
    pub file_name: AttrValue,
}

/// Logical size of the XY plot.
const XY_SIZE: (u32, u32) = (560, 520);

/// An XY plot whose case under the pointer is named below it.
#[component(XyView)]
pub fn xy_view(props: &XyViewProps) -> Html {
    let hovered = use_state(|| None::<String>);
    let onmousemove = {
        let hovered = hovered.clone();
        let plot = props.plot.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(canvas) = e.target_dyn_into::<HtmlCanvasElement>() else {
                return;
            };
            let cw = f64::from(canvas.client_width().max(1));
            let scale = f64::from(XY_SIZE.0) / cw;
            let x = (f64::from(e.offset_x()) * scale) as i32;
            let y = (f64::from(e.offset_y()) * scale) as i32;
            let hits = plot.cases_at(XY_SIZE.0, XY_SIZE.1, x, y, 8);
            let text = hits
                .iter()
                .filter_map(|&i| plot.cases.get(i))
                .map(|c| format!("{} ({:.3}, {:.3})", c.name, c.x, c.y))
                .collect::<Vec<_>>()
                .join("; ");
            hovered.set((!text.is_empty()).then_some(text));
        })
    };
    html! {
        <div class="fsqca-xy" {onmousemove}>
            <ChartView chart={ChartRef::new(props.plot.clone())} file_name={props.file_name.clone()} label={props.label.clone()}
                width={XY_SIZE.0} height={XY_SIZE.1} />
            <p class="fsqca-hover" role="status" aria-live="polite">{ hovered.as_deref().unwrap_or("\u{a0}") }</p>
        </div>
    }
}
