//! Calibration of one column: method, anchors typed or suggested, the
//! shape parameters (`idm` of the logistic function, the `below`/`above`
//! exponents of the linear and bell shapes), the live curve and histogram,
//! the cases at exactly 0.5 with the user's choice for them (left out as R
//! QCA does, or raised by a small constant), and the message for bad
//! settings.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart_view::{ChartRef, ChartView};
use super::fsqca_charts::{calibration_chart, histogram};
use crate::analysis::calibrate::{
    Anchors, BellAnchors, CROSSOVER_CONSTANT, Calibrated, Calibration, CalibrationError,
    CrossoverCases, calibrate,
};
use crate::analysis::project::CalibrationSetting;
use crate::app::i18n::fsqca::{
    FsqcaText as T, calibration_error, crossover_case_flag, crossover_cases,
};
use crate::app::importer::AppContext;
use crate::app::state::Action;
use crate::app::state::fsqca::FsqcaAction;

/// Props of [`FsqcaCalibration`].
#[derive(Properties, PartialEq)]
pub struct FsqcaCalibrationProps {
    /// The raw column (also the set's name).
    pub name: String,
    /// Its values (NaN where missing).
    pub raw: Vec<f64>,
    /// Case names, for the cases at 0.5.
    pub cases: Vec<String>,
    /// The calibration in the project, if any.
    pub setting: Option<CalibrationSetting>,
    /// The choice for the cases at 0.5 when the column is used as it is
    /// (no calibration; `QcaSettings::crossover_as_is`).
    #[prop_or_default]
    pub as_is_choice: CrossoverCases,
}

/// R's default `idm` (membership at the inclusion anchor), as typed.
const DEFAULT_IDM: &str = "0.95";
/// R's default `below`/`above` exponent (a straight line), as typed.
const DEFAULT_EXPONENT: &str = "1";

/// The method choices of the select.
const METHODS: [&str; 6] = ["none", "logistic", "linear", "bell", "crisp", "indirect"];

fn method_key(c: Option<&Calibration>) -> &'static str {
    match c {
        None => "none",
        Some(Calibration::Logistic { .. }) => "logistic",
        Some(Calibration::Linear { .. }) => "linear",
        Some(Calibration::Bell { .. }) => "bell",
        Some(Calibration::Crisp { .. }) => "crisp",
        Some(Calibration::Indirect { .. }) => "indirect",
        Some(_) => "logistic",
    }
}

fn fmt_num(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

fn anchor_texts(c: Option<&Calibration>) -> Vec<String> {
    match c {
        Some(Calibration::Logistic { anchors, .. }) | Some(Calibration::Linear { anchors, .. }) => {
            vec![
                fmt_num(anchors.exclusion()),
                fmt_num(anchors.crossover()),
                fmt_num(anchors.inclusion()),
            ]
        }
        Some(Calibration::Bell { anchors, .. }) => {
            anchors.to_array().iter().map(|v| fmt_num(*v)).collect()
        }
        Some(Calibration::Crisp { thresholds }) | Some(Calibration::Indirect { thresholds }) => {
            vec![
                thresholds
                    .iter()
                    .map(|v| fmt_num(*v))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        }
        _ => Vec::new(),
    }
}

/// The typed shape parameters of a method: `[idm]` for the logistic
/// function, `[below, above]` for the linear and bell shapes.
fn shape_texts(c: Option<&Calibration>) -> Vec<String> {
    match c {
        Some(Calibration::Logistic { idm, .. }) => vec![fmt_num(*idm)],
        Some(Calibration::Linear { below, above, .. })
        | Some(Calibration::Bell { below, above, .. }) => vec![fmt_num(*below), fmt_num(*above)],
        _ => Vec::new(),
    }
}

/// The shape fields for method `m`: the typed ones when they fit, else
/// R's defaults.
fn shape_for(m: &str, typed: &[String]) -> Vec<String> {
    match (m, typed.len()) {
        ("logistic", 1) | ("linear" | "bell", 2) => typed.to_vec(),
        ("logistic", _) => vec![DEFAULT_IDM.to_owned()],
        ("linear" | "bell", _) => vec![DEFAULT_EXPONENT.to_owned(); 2],
        _ => Vec::new(),
    }
}

/// Parses a typed number (comma or point as decimal mark is not guessed:
/// the point is the decimal mark).
fn parse(text: &str, name: &'static str) -> Result<f64, CalibrationError> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(CalibrationError::NotFinite {
            name,
            value: f64::NAN,
        })
}

/// Builds the method from the typed anchors and shape parameters (an
/// empty shape field means R's default).
fn build(
    method: &str,
    texts: &[String],
    shape: &[String],
) -> Result<Option<Calibration>, CalibrationError> {
    let t = |i: usize| texts.get(i).map(String::as_str).unwrap_or("");
    let sh = |i: usize, name: &'static str, default: f64| match shape.get(i).map(|s| s.trim()) {
        None | Some("") => Ok(default),
        Some(s) => parse(s, name),
    };
    Ok(match method {
        "logistic" | "linear" => {
            let anchors = Anchors::new(
                parse(t(0), "exclusion")?,
                parse(t(1), "crossover")?,
                parse(t(2), "inclusion")?,
            )?;
            Some(if method == "logistic" {
                Calibration::Logistic {
                    anchors,
                    idm: sh(0, "idm", 0.95)?,
                }
            } else {
                Calibration::Linear {
                    anchors,
                    below: sh(0, "below", 1.0)?,
                    above: sh(1, "above", 1.0)?,
                    ecdf: false,
                }
            })
        }
        "bell" => Some(Calibration::Bell {
            anchors: BellAnchors::new(
                parse(t(0), "e1")?,
                parse(t(1), "c1")?,
                parse(t(2), "i1")?,
                parse(t(3), "i2")?,
                parse(t(4), "c2")?,
                parse(t(5), "e2")?,
            )?,
            below: sh(0, "below", 1.0)?,
            above: sh(1, "above", 1.0)?,
        }),
        "crisp" | "indirect" => {
            let thresholds = t(0)
                .split([',', ';', ' '])
                .filter(|s| !s.trim().is_empty())
                .map(|s| parse(s, "threshold"))
                .collect::<Result<Vec<_>, _>>()?;
            if thresholds.is_empty() {
                return Err(CalibrationError::NoThresholds);
            }
            Some(if method == "crisp" {
                Calibration::Crisp { thresholds }
            } else {
                Calibration::Indirect { thresholds }
            })
        }
        _ => None,
    })
}

/// One column's calibration editor.
#[component(FsqcaCalibration)]
pub fn fsqca_calibration(props: &FsqcaCalibrationProps) -> Html {
    let ctx = use_context::<AppContext>();
    let current = props.setting.as_ref().map(|s| &s.method);
    // The choice a new calibration starts with (R's default), and the one
    // in force: the calibration's own, or the as-is one without a calibration.
    let cal_choice = props
        .setting
        .as_ref()
        .map(|s| s.crossover_cases)
        .unwrap_or_default();
    let choice = props
        .setting
        .as_ref()
        .map_or(props.as_is_choice, |s| s.crossover_cases);
    let method = use_state(|| method_key(current).to_owned());
    let texts = use_state(|| anchor_texts(current));
    let shape = use_state(|| shape_texts(current));
    let error = use_state(|| None::<CalibrationError>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let name = props.name.clone();
    let id = |part: &str| format!("cal-{}-{part}", props.name.replace(' ', "_"));

    // Applies the typed fields: dispatches a valid method, else shows why not.
    let apply = {
        let ctx = ctx.clone();
        let error = error.clone();
        let name = name.clone();
        let raw = props.raw.clone();
        move |m: &str, t: &[String], sh: &[String]| match build(m, t, sh) {
            Ok(Some(method)) => match calibrate(&raw, &method) {
                Ok(_) => {
                    error.set(None);
                    ctx.dispatch(Action::Fsqca(FsqcaAction::SetCalibration(
                        CalibrationSetting {
                            source: name.clone(),
                            target: name.clone(),
                            method,
                            crossover_cases: cal_choice,
                        },
                    )));
                }
                Err(e) => error.set(Some(e)),
            },
            Ok(None) => {
                error.set(None);
                ctx.dispatch(Action::Fsqca(FsqcaAction::RemoveCalibration(name.clone())));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let fields = match method.as_str() {
        "logistic" | "linear" => 3,
        "bell" => 6,
        "crisp" | "indirect" => 1,
        _ => 0,
    };
    let on_method = {
        let method = method.clone();
        let texts = texts.clone();
        let shape = shape.clone();
        let apply = apply.clone();
        let raw = props.raw.clone();
        Callback::from(move |e: Event| {
            let m = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut t = (*texts).clone();
            let needed = match m.as_str() {
                "logistic" | "linear" => 3,
                "bell" => 6,
                "crisp" | "indirect" => 1,
                _ => 0,
            };
            if t.len() != needed {
                t = suggest(&raw, &m, (0.05, 0.5, 0.95));
            }
            let sh = shape_for(&m, &shape);
            apply(&m, &t, &sh);
            texts.set(t);
            shape.set(sh);
            method.set(m);
        })
    };
    // A typed anchor or shape parameter: applied at once (or its error shown).
    let on_typed = |field: Typed| {
        let texts = texts.clone();
        let shape = shape.clone();
        let method = method.clone();
        let apply = apply.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut t = (*texts).clone();
            let mut sh = shape_for(&method, &shape);
            let slot = match field {
                Typed::Anchor(i) => {
                    t.resize(t.len().max(i + 1), String::new());
                    t.get_mut(i)
                }
                Typed::Shape(i) => sh.get_mut(i),
            };
            if let Some(slot) = slot {
                *slot = v;
            }
            apply(&method, &t, &sh);
            texts.set(t);
            shape.set(sh);
        })
    };
    let on_field = |i: usize| on_typed(Typed::Anchor(i));
    let on_shape = |i: usize| on_typed(Typed::Shape(i));
    let preset = |p: Preset| {
        let texts = texts.clone();
        let shape = shape.clone();
        let method = method.clone();
        let apply = apply.clone();
        let raw = props.raw.clone();
        Callback::from(move |_: MouseEvent| {
            let m = if matches!(method.as_str(), "logistic" | "linear") {
                (*method).clone()
            } else {
                "logistic".to_owned()
            };
            let t = match p {
                Preset::Pct(a, b, c) => suggest(&raw, "logistic", (a, b, c)),
                Preset::Likert5 => {
                    let a = Anchors::likert5();
                    vec![
                        fmt_num(a.exclusion()),
                        fmt_num(a.crossover()),
                        fmt_num(a.inclusion()),
                    ]
                }
                Preset::Likert7 => {
                    let a = Anchors::likert7();
                    vec![
                        fmt_num(a.exclusion()),
                        fmt_num(a.crossover()),
                        fmt_num(a.inclusion()),
                    ]
                }
            };
            let sh = shape_for(&m, &shape);
            apply(&m, &t, &sh);
            texts.set(t);
            shape.set(sh);
            method.set(m);
        })
    };
    let labels: Vec<&str> = match method.as_str() {
        "bell" => vec!["e1", "c1", "i1", "i2", "c2", "e2"],
        "crisp" | "indirect" => vec![lang.t(T::Thresholds)],
        _ => vec![
            lang.t(T::Exclusion),
            lang.t(T::Crossover),
            lang.t(T::Inclusion),
        ],
    };
    let shape_labels: Vec<(&str, &str)> = match method.as_str() {
        "logistic" => vec![("idm", lang.t(T::Idm))],
        "linear" | "bell" => vec![("below", lang.t(T::Below)), ("above", lang.t(T::Above))],
        _ => Vec::new(),
    };
    let shown_shape = shape_for(&method, &shape);
    // The cases at 0.5 of the calibrated set, or of the column used as it
    // is ("already calibrated"): the same choice is offered for both.
    let calibrated = match current {
        Some(m) => calibrate(&props.raw, m).ok(),
        None => Some(Calibrated::as_is(props.raw.clone())),
    };
    let at_half: Vec<String> = calibrated
        .as_ref()
        .map(|c| {
            c.at_crossover
                .iter()
                .filter_map(|&i| props.cases.get(i).cloned())
                .collect()
        })
        .unwrap_or_default();
    let on_choice = |c: CrossoverCases| {
        let ctx = ctx.clone();
        let setting = props.setting.clone();
        let name = props.name.clone();
        Callback::from(move |_: Event| match setting.clone() {
            Some(mut s) => {
                s.crossover_cases = c;
                ctx.dispatch(Action::Fsqca(FsqcaAction::SetCalibration(s)));
            }
            None => ctx.dispatch(Action::Fsqca(FsqcaAction::SetCrossoverAsIs(
                name.clone(),
                c,
            ))),
        })
    };
    let safe = props.name.replace(|c: char| !c.is_alphanumeric(), "_");
    let charts = match current {
        Some(m) => {
            let curve = calibration_chart(lang, &props.name, &props.raw, &props.cases, m, choice);
            let values = calibrate(&props.raw, m)
                .map(|c| c.with_choice(choice).values)
                .unwrap_or_default();
            html! {
                <div class="fsqca-charts">
                    if let Some(c) = curve {
                        <ChartView chart={ChartRef::new(c)} file_name={format!("calibration_{safe}")}
                            label={format!("{} {}", lang.t(T::CalibrationCurve), props.name)} width={480} height={360} />
                    }
                    <ChartView chart={ChartRef::new(histogram(lang, &format!("{} ({})", props.name, lang.t(T::Membership)), &values, None))}
                        file_name={format!("histogram_{safe}")} label={format!("{} {}", lang.t(T::Histogram), props.name)} width={480} height={360} />
                </div>
            }
        }
        None => html! {
            <div class="fsqca-charts">
                <ChartView chart={ChartRef::new(histogram(lang, &props.name, &calibrated.map(|c| c.with_choice(choice).values).unwrap_or_default(), None))}
                    file_name={format!("histogram_{safe}")} label={format!("{} {}", lang.t(T::Histogram), props.name)} width={480} height={360} />
            </div>
        },
    };
    let method_label = |m: &str| match m {
        "none" => lang.t(T::MethodNone),
        "logistic" => lang.t(T::MethodLogistic),
        "linear" => lang.t(T::MethodLinear),
        "bell" => lang.t(T::MethodBell),
        "crisp" => lang.t(T::MethodCrisp),
        _ => lang.t(T::MethodIndirect),
    };
    let choice_name = id("half");
    html! {
        <fieldset class="fsqca-calibration" aria-label={format!("{} {}", lang.t(T::CalibrationOf), props.name)}>
            <legend>{ props.name.clone() }</legend>
            <div class="field inline">
                <label for={id("method")}>{ lang.t(T::Method) }</label>
                <select id={id("method")} onchange={on_method}>
                    { for METHODS.iter().map(|m| html! {
                        <option value={*m} selected={*method == *m}>{ method_label(m) }</option>
                    }) }
                </select>
            </div>
            if fields > 0 {
                <div class="fsqca-anchors">
                    { for (0..fields).map(|i| html! {
                        <span class="field inline">
                            <label for={id(&format!("a{i}"))}>{ labels.get(i).copied().unwrap_or("") }</label>
                            <input id={id(&format!("a{i}"))} type="text" inputmode="decimal" size="8"
                                value={texts.get(i).cloned().unwrap_or_default()} oninput={on_field(i)} />
                        </span>
                    }) }
                </div>
            }
            if !shape_labels.is_empty() {
                <div class="fsqca-anchors fsqca-shape" role="group" aria-label={lang.t(T::Shape)}>
                    { for shape_labels.iter().enumerate().map(|(i, (key, label))| html! {
                        <span class="field inline">
                            <label for={id(key)}>{ *label }</label>
                            <input id={id(key)} type="text" inputmode="decimal" size="5"
                                value={shown_shape.get(i).cloned().unwrap_or_default()} oninput={on_shape(i)} />
                        </span>
                    }) }
                    <span class="hint">{ lang.t(if method.as_str() == "logistic" { T::IdmHint } else { T::ExponentHint }) }</span>
                </div>
            }
            if matches!(method.as_str(), "none" | "logistic" | "linear") {
                <div class="fsqca-presets" role="group" aria-label={lang.t(T::SuggestAnchors)}>
                    <span>{ lang.t(T::SuggestAnchors) }</span>
                    <button type="button" onclick={preset(Preset::Pct(0.05, 0.5, 0.95))}>{ lang.t(T::Pct95) }</button>
                    <button type="button" onclick={preset(Preset::Pct(0.2, 0.5, 0.8))}>{ lang.t(T::Pct80) }</button>
                    <button type="button" onclick={preset(Preset::Likert5)}>{ lang.t(T::Likert5) }</button>
                    <button type="button" onclick={preset(Preset::Likert7)}>{ lang.t(T::Likert7) }</button>
                </div>
            }
            if let Some(e) = &*error {
                <p class="error" role="alert">{ calibration_error(lang, &props.name, e) }</p>
            }
            if !at_half.is_empty() {
                <div class="warning fsqca-half" role="group" aria-label={format!("{} {}", lang.t(T::AtHalfChoice), props.name)}>
                    <p role="status">{ crossover_cases(lang, &props.name, &at_half) }</p>
                    <div class="fsqca-half-choice">
                        <span>{ lang.t(T::AtHalfChoice) }</span>
                        <label><input type="radio" name={choice_name.clone()} checked={choice == CrossoverCases::LeaveOut}
                            onchange={on_choice(CrossoverCases::LeaveOut)} />{ lang.t(T::LeaveOutAtHalf) }</label>
                        <label><input type="radio" name={choice_name} checked={choice == CrossoverCases::AddConstant}
                            onchange={on_choice(CrossoverCases::AddConstant)} />{ lang.t(T::AddConstantAtHalf) }</label>
                    </div>
                    <ul class="fsqca-half-cases" aria-label={lang.t(T::AtHalfCases)}>
                        { for at_half.iter().map(|c| html! {
                            <li>{ crossover_case_flag(lang, c, choice, 0.5 + CROSSOVER_CONSTANT) }</li>
                        }) }
                    </ul>
                </div>
            }
            <details class="fsqca-chart-details" open=true>
                <summary>{ lang.t(T::ShowCharts) }</summary>
                { charts }
            </details>
        </fieldset>
    }
}

/// A typed field: anchor (or threshold list) `i`, or shape parameter `i`.
#[derive(Clone, Copy)]
enum Typed {
    Anchor(usize),
    Shape(usize),
}

#[derive(Clone, Copy)]
enum Preset {
    Pct(f64, f64, f64),
    Likert5,
    Likert7,
}

/// Anchors at percentiles (exclusion, crossover, inclusion) of the data;
/// for crisp/indirect the median; bell: quantiles spread over the range.
fn suggest(raw: &[f64], method: &str, p: (f64, f64, f64)) -> Vec<String> {
    let q = |x: f64| {
        crate::analysis::calibrate::quantile(raw, x)
            .map(fmt_num)
            .unwrap_or_default()
    };
    match method {
        "logistic" | "linear" => vec![q(p.0), q(p.1), q(p.2)],
        "bell" => [0.05, 0.2, 0.4, 0.6, 0.8, 0.95]
            .iter()
            .map(|x| q(*x))
            .collect(),
        "crisp" | "indirect" => vec![q(0.5)],
        _ => Vec::new(),
    }
}
