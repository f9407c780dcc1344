//! The solutions of a minimization: one table per solution type with every
//! model (M1, M2, …), the simplifying assumptions, the contradictory
//! simplifying assumptions, and the configuration chart (Fiss 2011).

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::{ChartRef, ChartView};
use super::fsqca_charts::{XyView, model_terms, presence, venn, xy_plot};
use super::fsqca_section::{DownloadButton, csv_field};
use crate::analysis::minimize::{Implicant, Minimization};
use crate::analysis::solution::{Solution, configuration_chart, describe};
use crate::analysis::truth_table::TruthTable;
use crate::app::i18n::fsqca::{FsqcaText as T, failure_text, venn_too_many};
use crate::app::importer::AppContext;
use crate::app::worker::{Failure, Outcome};
use crate::charts::qca_venn::MAX_SETS;
use crate::charts::{Configuration, ConfigurationChart, ConfigurationTexts, SolutionFit};

/// Props of [`FsqcaResults`].
#[derive(Properties, PartialEq)]
pub struct FsqcaResultsProps {
    /// The solutions.
    pub outcome: Rc<Outcome>,
    /// The truth table minimized.
    pub table: Rc<TruthTable>,
    /// Membership columns of the conditions.
    pub columns: Rc<Vec<Vec<f64>>>,
    /// Outcome memberships (not negated).
    pub y: Rc<Vec<f64>>,
    /// Case names.
    pub cases: Rc<Vec<String>>,
    /// The outcome's name.
    pub outcome_name: String,
    /// Whether the negated outcome is analysed.
    pub negated: bool,
}

fn f3(v: f64) -> String {
    format!("{v:.3}")
}

/// Every solution.
#[component(FsqcaResults)]
pub fn fsqca_results(props: &FsqcaResultsProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let xy_choice = use_state(String::new);
    let chart_of = use_state(|| None::<ChartOf>);
    let refs: Vec<&[f64]> = props.columns.iter().map(Vec::as_slice).collect();
    let k = props.table.conditions.len();
    // A 0-based configuration as R shows it: the row number and its values.
    let config = |row: u64| -> String {
        let bits = crate::analysis::truth_table::config_of_row(row + 1, k)
            .iter()
            .map(|v| v.to_string())
            .collect::<String>();
        format!("{} ({bits})", row + 1)
    };
    let describe_min = |m: &Minimization| describe(m, &props.table, &refs, &props.y, &props.cases);
    let section = |id: &str, title: &str, sol: Result<Solution, String>, sa: Vec<String>| -> Html {
        match sol {
            Err(e) => html! {
                <section class="fsqca-solution" aria-labelledby={id.to_owned()}>
                    <h4 id={id.to_owned()}>{ title.to_owned() }</h4>
                    <p class="error" role="alert">{ e }</p>
                </section>
            },
            Ok(s) => {
                let mut csv = String::from("model,term,inclS,PRI,covS,covU,cases\n");
                for (mi, m) in s.models.iter().enumerate() {
                    for t in &m.terms {
                        csv.push_str(&format!(
                            "M{},{},{},{},{},{},{}\n",
                            mi + 1,
                            csv_field(&t.term),
                            t.incl_s,
                            t.pri,
                            t.cov_s,
                            t.cov_u.map(|v| v.to_string()).unwrap_or_default(),
                            csv_field(&t.r_cases())
                        ));
                    }
                    csv.push_str(&format!(
                        "M{},{},{},{},{},,\n",
                        mi + 1,
                        csv_field(&m.expression),
                        m.incl_s,
                        m.pri,
                        m.cov_s
                    ));
                }
                html! {
                    <section class="fsqca-solution" aria-labelledby={id.to_owned()}>
                        <h4 id={id.to_owned()}>{ title.to_owned() }</h4>
                        { for s.models.iter().enumerate().map(|(mi, m)| html! {
                            <div class="fsqca-model">
                                <p class="expression"><strong>{ format!("M{}: ", mi + 1) }</strong>
                                    <span class="solution-expression">{ format!("{} → {}", m.expression, outcome_label(props)) }</span></p>
                                <div class="fsqca-table-wrap">
                                <table class="fsqca-table">
                                    <caption>{ format!("{} M{}", title, mi + 1) }</caption>
                                    <thead><tr><th scope="col">{ lang.t(T::Term) }</th><th scope="col">{"inclS"}</th><th scope="col">{"PRI"}</th>
                                        <th scope="col">{"covS"}</th><th scope="col">{"covU"}</th><th scope="col">{ lang.t(T::Cases) }</th></tr></thead>
                                    <tbody>
                                    { for m.terms.iter().map(|t| html! {
                                        <tr><th scope="row">{ t.term.clone() }</th><td>{ f3(t.incl_s) }</td><td>{ f3(t.pri) }</td>
                                            <td>{ f3(t.cov_s) }</td><td>{ t.cov_u.map(f3).unwrap_or_default() }</td><td class="cases">{ t.r_cases() }</td></tr>
                                    }) }
                                    </tbody>
                                    <tfoot><tr class="model-fit"><th scope="row">{ lang.t(T::ModelFit) }</th><td>{ f3(m.incl_s) }</td><td>{ f3(m.pri) }</td><td>{ f3(m.cov_s) }</td><td></td><td></td></tr></tfoot>
                                </table>
                                </div>
                            </div>
                        }) }
                        if !sa.is_empty() {
                            <p class="hint">{ format!("{}: {}", lang.t(T::SimplifyingAssumptions), sa.join(", ")) }</p>
                        }
                        <DownloadButton label={lang.t(T::Csv)} file={format!("{id}.csv")} text={csv} />
                    </section>
                }
            }
        }
    };
    let fail = |f: &Failure| failure_text(lang, f);
    let o = &props.outcome;
    let complex = o
        .complex
        .as_ref()
        .map_err(fail)
        .and_then(|m| describe_min(m).map_err(|e| e.to_string()));
    let sa_of = |m: &Minimization| -> Vec<String> {
        let mut v: Vec<u64> = m
            .simplifying_assumptions
            .iter()
            .flatten()
            .flatten()
            .copied()
            .collect();
        v.sort_unstable();
        v.dedup();
        v.into_iter().map(config).collect()
    };
    let pars_sa = o.parsimonious.as_ref().map(sa_of).unwrap_or_default();
    let pars = o
        .parsimonious
        .as_ref()
        .map_err(fail)
        .and_then(|m| describe_min(m).map_err(|e| e.to_string()));
    let mut inter_html = Vec::new();
    let mut inter_chart = ChartColumns::default();
    if let Some(inter) = &o.intermediate {
        match inter {
            Err(f) => inter_html.push(section(
                "sol-intermediate",
                lang.t(T::Intermediate),
                Err(fail(f)),
                Vec::new(),
            )),
            Ok(is) => {
                for (i, pair) in is.pairs.iter().enumerate() {
                    let key = is.key(i);
                    let mut easy = pair.easy.clone();
                    easy.sort_unstable();
                    let sol = describe_min(&pair.solution).map_err(|e| e.to_string());
                    if let Ok(s) = &sol {
                        // Configuration chart columns: the terms of every model;
                        // core = in the parsimonious model this one was built from.
                        let pars_terms: Vec<Implicant> = model_terms(&is.parsimonious)
                            .into_iter()
                            .nth(pair.parsimonious_model)
                            .unwrap_or_default();
                        let several = is.pairs.len() > 1;
                        push_columns(&mut inter_chart, s, k, &|_| pars_terms.clone(), &|mi| {
                            if s.models.len() > 1 || several {
                                format!("{key} M{}", mi + 1)
                            } else {
                                String::new()
                            }
                        });
                    }
                    let title = format!("{} {key}", lang.t(T::Intermediate));
                    inter_html.push(section(
                        &format!("sol-intermediate-{}", i + 1),
                        &title,
                        sol,
                        easy.into_iter().map(config).collect(),
                    ));
                }
            }
        }
    }
    // The configuration chart of the chosen solution (Fiss 2011).
    let mut complex_chart = ChartColumns::default();
    if let Ok(s) = &complex {
        // Core: the literals of the parsimonious term that contains the
        // complex term (Fiss 2011). With several parsimonious models the
        // core depends on which one is taken, so — as R QCA pairs them
        // for intermediate solutions (C1P1, C1P2, …) — the chart shows
        // every complex model once per parsimonious model ("M1 · P2"),
        // each column's core read from that one model only; never "core
        // if any parsimonious model has it".
        let pars_models: Vec<Vec<Implicant>> =
            o.parsimonious.as_ref().map(model_terms).unwrap_or_default();
        if pars_models.len() > 1 {
            for (pj, pis) in pars_models.iter().enumerate() {
                push_columns(&mut complex_chart, s, k, &|_| pis.clone(), &|mi| {
                    format!("M{} · P{}", mi + 1, pj + 1)
                });
            }
        } else {
            let pis = pars_models.into_iter().next().unwrap_or_default();
            push_columns(&mut complex_chart, s, k, &|_| pis.clone(), &|mi| {
                model_label(s, mi)
            });
        }
    }
    let mut pars_chart = ChartColumns::default();
    if let Ok(s) = &pars {
        // Every literal of a parsimonious term is core.
        let own = |mi: usize| -> Vec<Implicant> {
            s.models
                .get(mi)
                .map(|m| m.terms.iter().map(|t| t.implicant).collect())
                .unwrap_or_default()
        };
        push_columns(&mut pars_chart, s, k, &own, &|mi| model_label(s, mi));
    }
    let kinds: Vec<(ChartOf, ChartColumns)> = [
        (ChartOf::Intermediate, inter_chart),
        (ChartOf::Complex, complex_chart),
        (ChartOf::Parsimonious, pars_chart),
    ]
    .into_iter()
    .filter(|(_, c)| !c.configurations.is_empty())
    .collect();
    let chart_html = {
        let shown = (*chart_of)
            .filter(|c| kinds.iter().any(|(k, _)| k == c))
            .or_else(|| kinds.first().map(|(k, _)| *k));
        match kinds.iter().find(|(k, _)| Some(*k) == shown) {
            None => Html::default(),
            Some((kind, columns)) => {
                let mut texts = config_texts(lang, *kind);
                texts.note = lang.t(kind.note()).to_owned();
                let chart = ConfigurationChart {
                    conditions: props.table.conditions.clone(),
                    configurations: columns.configurations.clone(),
                    solution_fit: columns.fits.clone(),
                    texts,
                    font_size: 13.0,
                    show_legend: true,
                };
                let h = chart.preferred_height(720);
                let onchange = {
                    let chart_of = chart_of.clone();
                    Callback::from(move |e: Event| {
                        let v = e
                            .target_unchecked_into::<web_sys::HtmlSelectElement>()
                            .value();
                        chart_of.set(ChartOf::from_key(&v));
                    })
                };
                html! {
                    <section class="fsqca-figure" aria-labelledby="fsqca-config-title">
                        <h4 id="fsqca-config-title">{ lang.t(T::ConfigurationChart) }</h4>
                        <div class="field inline">
                            <label for="fsqca-config-pick">{ lang.t(T::ConfigChartOf) }</label>
                            <select id="fsqca-config-pick" {onchange}>
                                { for kinds.iter().map(|(k, _)| html! {
                                    <option value={k.key()} selected={*k == *kind}>{ lang.t(k.title()) }</option>
                                }) }
                            </select>
                        </div>
                        <ChartView chart={ChartRef::new(chart)} file_name={format!("configuration_chart_{}", kind.key())}
                            label={lang.t(T::ConfigurationChart)} description={lang.t(kind.note())} width={720} height={h} />
                    </section>
                }
            }
        }
    };
    // XY plot and Venn diagram of a chosen model or term.
    let mut choices: Vec<(String, crate::analysis::solution::ModelFit)> = Vec::new();
    let mut add = |prefix: &str, sol: &Result<Solution, String>| {
        if let Ok(s) = sol {
            for (mi, m) in s.models.iter().enumerate() {
                choices.push((format!("{prefix} M{}", mi + 1), m.clone()));
            }
        }
    };
    add(lang.t(T::Complex), &complex);
    add(lang.t(T::Parsimonious), &pars);
    if let Some(Ok(is)) = &o.intermediate {
        for (i, pair) in is.pairs.iter().enumerate() {
            if let Ok(s) = describe_min(&pair.solution) {
                for (mi, m) in s.models.iter().enumerate() {
                    choices.push((
                        format!("{} {} M{}", lang.t(T::Intermediate), is.key(i), mi + 1),
                        m.clone(),
                    ));
                }
            }
        }
    }
    let picked = (*xy_choice).clone();
    let xy_html = {
        // Options: every model, then every term of every model.
        let mut options: Vec<(
            String,
            String,
            Vec<crate::analysis::minimize::Implicant>,
            f64,
            f64,
        )> = Vec::new();
        for (label, m) in &choices {
            options.push((
                format!("{label}: {}", m.expression),
                m.expression.clone(),
                m.terms.iter().map(|t| t.implicant).collect(),
                m.incl_s,
                m.cov_s,
            ));
        }
        for (label, m) in &choices {
            for t in &m.terms {
                let key = format!("{label} · {}", t.term);
                if !options.iter().any(|o| o.1 == t.term) {
                    options.push((key, t.term.clone(), vec![t.implicant], t.incl_s, t.cov_s));
                }
            }
        }
        let index = options.iter().position(|o| o.0 == picked).unwrap_or(0);
        match options.get(index) {
            None => Html::default(),
            Some((_, expr, imps, incl, cov)) => {
                let x: Vec<f64> = (0..props.y.len())
                    .map(|i| {
                        imps.iter()
                            .map(|imp| {
                                imp.literals(k)
                                    .iter()
                                    .map(|&(j, present)| {
                                        let v = props
                                            .columns
                                            .get(j)
                                            .and_then(|c| c.get(i))
                                            .copied()
                                            .unwrap_or(f64::NAN);
                                        if present { v } else { 1.0 - v }
                                    })
                                    .fold(1.0, f64::min)
                            })
                            .fold(0.0, f64::max)
                    })
                    .collect();
                let y: Vec<f64> = props
                    .y
                    .iter()
                    .map(|v| if props.negated { 1.0 - v } else { *v })
                    .collect();
                let plot = xy_plot(
                    lang,
                    expr,
                    &outcome_label(props),
                    &x,
                    &y,
                    &props.cases,
                    (*incl, *cov),
                );
                let onchange = {
                    let xy_choice = xy_choice.clone();
                    Callback::from(move |e: Event| {
                        xy_choice.set(
                            e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                                .value(),
                        )
                    })
                };
                // The conditions drawn: the user's choice saved in the
                // project (so a file, a link or a reload keeps it), else
                // the first ones.
                let drawn = venn_drawn(&props.table.conditions, &ctx.project.qca.venn_conditions);
                let v = venn(lang, &props.table, &drawn, &|n| {
                    n >= 1 && imps.iter().any(|imp| imp.covers(n - 1))
                });
                let venn_choice = if k > MAX_SETS {
                    let toggle = |j: usize| {
                        let ctx = ctx.clone();
                        let drawn = drawn.clone();
                        let conditions = props.table.conditions.clone();
                        Callback::from(move |e: Event| {
                            let on = e
                                .target_unchecked_into::<web_sys::HtmlInputElement>()
                                .checked();
                            let mut d = drawn.clone();
                            if on && !d.contains(&j) && d.len() < MAX_SETS {
                                d.push(j);
                                d.sort_unstable();
                            } else if !on && d.len() > 1 {
                                d.retain(|&x| x != j);
                            }
                            let names = d
                                .iter()
                                .filter_map(|&j| conditions.get(j).cloned())
                                .collect();
                            ctx.dispatch(crate::app::state::Action::Fsqca(
                                crate::app::state::fsqca::FsqcaAction::SetVennConditions(names),
                            ));
                        })
                    };
                    html! {
                        <fieldset class="fsqca-venn-pick">
                            <legend>{ venn_too_many(lang, k, MAX_SETS) }</legend>
                            { for props.table.conditions.iter().enumerate().map(|(j, c)| {
                                let on = drawn.contains(&j);
                                html! {
                                    <label class="check">
                                        <input type="checkbox" checked={on} disabled={!on && drawn.len() >= MAX_SETS}
                                            onchange={toggle(j)} />{ c.clone() }
                                    </label>
                                }
                            }) }
                            <p class="hint">{ lang.t(T::VennMerged) }</p>
                        </fieldset>
                    }
                } else {
                    Html::default()
                };
                html! {
                    <section class="fsqca-figure" aria-labelledby="fsqca-xy-title">
                        <h4 id="fsqca-xy-title">{ lang.t(T::XyPlot) }</h4>
                        <div class="field inline fsqca-pick-field">
                            <label for="fsqca-xy-pick">{ lang.t(T::XyOf) }</label>
                            // Long expressions are cut with an ellipsis in the
                            // closed menu; the full text stays in the options
                            // and in the title (tooltip) of the menu and each option.
                            <select id="fsqca-xy-pick" class="fsqca-pick" title={options.get(index).map(|o| o.0.clone()).unwrap_or_default()} {onchange}>
                                { for options.iter().enumerate().map(|(i, o)| html! { <option value={o.0.clone()} title={o.0.clone()} selected={i == index}>{ o.0.clone() }</option> }) }
                            </select>
                        </div>
                        <XyView plot={plot} label={format!("{} {expr}", lang.t(T::XyPlot))} file_name="xy_plot" />
                        <h4>{ lang.t(T::Venn) }</h4>
                        { venn_choice }
                        <ChartView chart={ChartRef::new(v)} file_name="venn_diagram" label={lang.t(T::Venn)} width={640} height={560} />
                    </section>
                }
            }
        }
    };
    let csa = o.contradictory.clone().unwrap_or_default();
    html! {
        <section class="fsqca-step fsqca-results" aria-labelledby="fsqca-res">
            <h3 id="fsqca-res">{ lang.t(T::StepResults) }</h3>
            { section("sol-complex", lang.t(T::Complex), complex, Vec::new()) }
            { section("sol-parsimonious", lang.t(T::Parsimonious), pars, pars_sa) }
            { for inter_html }
            if !csa.is_empty() {
                <p class="warning">{ format!("{}: {}", lang.t(T::Contradictory), csa.into_iter().map(config).collect::<Vec<_>>().join(", ")) }</p>
            }
            { chart_html }
            { xy_html }
        </section>
    }
}

/// The conditions the Venn diagram draws (indices, in order): all of them
/// up to [`MAX_SETS`]; with more, those named in `chosen` (the project's
/// `venn_conditions`) that are still conditions, when there are from one
/// to [`MAX_SETS`] of them, else the first [`MAX_SETS`].
fn venn_drawn(conditions: &[String], chosen: &[String]) -> Vec<usize> {
    let k = conditions.len();
    let picked: Vec<usize> = (0..k)
        .filter(|&j| conditions.get(j).is_some_and(|c| chosen.contains(c)))
        .collect();
    if k > MAX_SETS && (1..=MAX_SETS).contains(&picked.len()) {
        picked
    } else {
        (0..k.min(MAX_SETS)).collect()
    }
}

/// Which solution the configuration chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChartOf {
    Intermediate,
    Complex,
    Parsimonious,
}

impl ChartOf {
    fn key(self) -> &'static str {
        match self {
            ChartOf::Intermediate => "intermediate",
            ChartOf::Complex => "complex",
            ChartOf::Parsimonious => "parsimonious",
        }
    }

    fn from_key(key: &str) -> Option<ChartOf> {
        [
            ChartOf::Intermediate,
            ChartOf::Complex,
            ChartOf::Parsimonious,
        ]
        .into_iter()
        .find(|c| c.key() == key)
    }

    fn title(self) -> T {
        match self {
            ChartOf::Intermediate => T::Intermediate,
            ChartOf::Complex => T::Complex,
            ChartOf::Parsimonious => T::Parsimonious,
        }
    }

    /// The chart's note: the solution and how core and peripheral
    /// conditions are decided for it.
    fn note(self) -> T {
        match self {
            ChartOf::Intermediate => T::ConfigNoteIntermediate,
            ChartOf::Complex => T::ConfigNoteComplex,
            ChartOf::Parsimonious => T::ConfigNoteParsimonious,
        }
    }
}

/// The columns and model fits of one configuration chart.
#[derive(Debug, Clone, Default)]
struct ChartColumns {
    configurations: Vec<Configuration>,
    fits: Vec<SolutionFit>,
}

/// "M1", "M2"… when a solution has several models; nothing otherwise.
fn model_label(s: &Solution, mi: usize) -> String {
    if s.models.len() > 1 {
        format!("M{}", mi + 1)
    } else {
        String::new()
    }
}

/// Adds a column per term of every model of `s`: a literal is core when
/// a term of `core_terms(model)` containing the term has it
/// ([`configuration_chart`]), peripheral otherwise.
fn push_columns(
    out: &mut ChartColumns,
    s: &Solution,
    k: usize,
    core_terms: &dyn Fn(usize) -> Vec<Implicant>,
    model: &dyn Fn(usize) -> String,
) {
    for (mi, m) in s.models.iter().enumerate() {
        let model = model(mi);
        let imps: Vec<Implicant> = m.terms.iter().map(|t| t.implicant).collect();
        let cells = configuration_chart(k, &imps, &core_terms(mi));
        for (t, col) in m.terms.iter().zip(cells) {
            out.configurations.push(Configuration {
                model: model.clone(),
                label: format!("{}", out.configurations.len() + 1),
                cells: col.iter().map(|c| presence(c.as_ref())).collect(),
                raw_coverage: t.cov_s,
                unique_coverage: t.cov_u.unwrap_or(0.0),
                consistency: t.incl_s,
            });
        }
        out.fits.push(SolutionFit {
            model,
            consistency: m.incl_s,
            coverage: m.cov_s,
        });
    }
}

fn outcome_label(p: &FsqcaResultsProps) -> String {
    if p.negated {
        format!("~{}", p.outcome_name)
    } else {
        p.outcome_name.clone()
    }
}

/// The configuration chart's texts. The title names the chart and the
/// solution in both languages ("Configuration chart: Complex solution"),
/// so an exported file says what it shows in either.
fn config_texts(lang: crate::app::i18n::Lang, kind: ChartOf) -> ConfigurationTexts {
    let colon = if lang == crate::app::i18n::Lang::ZhHans {
        "："
    } else {
        ": "
    };
    super::fsqca_charts::config_texts(
        lang,
        format!(
            "{}{colon}{}",
            lang.t(T::ConfigurationChart),
            lang.t(kind.title())
        ),
    )
}
