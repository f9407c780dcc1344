//! Everything derived from the ratings and settings: raters (combined
//! ratings with spread, Kendall's W, disputed stakeholders), sensitivity,
//! the charts and the results table with recommendations (CSV export).
//! Nothing here is stored: it is recomputed from the project.

use std::collections::BTreeSet;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::chart_view::{ChartRef, ChartView};
use crate::analysis::stakeholder::{
    Aggregated, ModelKind, Ratings, Stability, StakeholderError, StakeholderSettings,
    custom_model_name, disagreement, results_table, sensitivity,
};
use crate::app::components::text_field::TextField;
use crate::app::download;
use crate::app::i18n::Lang;
use crate::app::i18n::stakeholders::{
    StakeholderText as S, engine, engine_lang, percent, stakeholder_error,
};
use crate::app::importer::AppContext;
use crate::charts::{
    CustomScoreChart, FeasibilityChart, PositionMapChart, PowerInterestChart, RadarChart,
    SalienceVennChart, StabilityChart, Stance,
};

fn num(v: f64, digits: usize) -> String {
    format!("{v:.digits$}")
}

/// Combined ratings with their spread, agreement and disputed stakeholders.
fn raters_panel(
    lang: Lang,
    agg: &Aggregated,
    data: &crate::analysis::stakeholder::RaterData,
    dispute_controls: Html,
    settings: &StakeholderSettings,
) -> Html {
    let ratings = &agg.ratings;
    let dims = ratings.dimensions();
    let agreement = data.agreement();
    let disputes = disagreement(agg, &settings.disagreement);
    html! {
        <div class="card stakeholder-raters">
            <h3>{ lang.t(S::RatersTitle) }</h3>
            <h4 id="sh-spread-title">{ lang.t(S::SpreadTitle) }</h4>
            <p class="hint">{ format!("{}: {}", lang.t(S::SpreadHeader), match settings.aggregation {
                crate::analysis::stakeholder::Aggregation::Mean => lang.t(S::Mean),
                crate::analysis::stakeholder::Aggregation::Median => lang.t(S::Median),
            }) }</p>
            <div class="table-scroll">
                <table class="data-table" aria-labelledby="sh-spread-title">
                    <thead><tr><th scope="col">{ lang.t(S::Name) }</th>
                        { for dims.iter().map(|d| html! { <th scope="col">{ &d.name }</th> }) }</tr></thead>
                    <tbody>
                        { for ratings.stakeholders().iter().enumerate().map(|(s, st)| html! {
                            <tr><th scope="row">{ &st.name }</th>
                                { for (0..dims.len()).map(|d| {
                                    let value = ratings.get(s, d);
                                    let spread = agg.spread.get(s).and_then(|r| r.get(d)).copied().flatten();
                                    let text = match (value, spread) {
                                        (Some(v), Some(sp)) => format!("{} ({}; {}–{})", num(v, 2),
                                            sp.sd.map(|x| num(x, 2)).unwrap_or_else(|| "–".into()), num(sp.min, 1), num(sp.max, 1)),
                                        (Some(v), None) => num(v, 2),
                                        _ => "—".to_owned(),
                                    };
                                    html! { <td class="num">{ text }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h4 id="sh-agreement-title">{ lang.t(S::AgreementTitle) }</h4>
            <table class="data-table" aria-labelledby="sh-agreement-title">
                <thead><tr>
                    <th scope="col">{ lang.t(S::Dimension) }</th>
                    <th scope="col">{ lang.t(S::KendallW) }</th>
                    <th scope="col">{ lang.t(S::ChiSquare) }</th>
                    <th scope="col">{ lang.t(S::Df) }</th>
                    <th scope="col">{ lang.t(S::PValue) }</th>
                    <th scope="col">{ lang.t(S::RatersCount) }</th>
                </tr></thead>
                <tbody>
                    { for agreement.iter().zip(dims).map(|(a, d)| match a {
                        Ok(k) => html! { <tr>
                            <th scope="row">{ &k.dimension }</th>
                            <td class="num">{ num(k.w, 3) }</td>
                            <td class="num">{ num(k.chi_square, 2) }</td>
                            <td class="num">{ k.df }</td>
                            <td class="num">{ if k.p_value < 0.001 { "< 0.001".to_owned() } else { num(k.p_value, 3) } }</td>
                            <td class="num">{ k.raters.len() }</td>
                        </tr> },
                        Err(e) => html! { <tr>
                            <th scope="row">{ &d.name }</th>
                            <td colspan="5" class="hint">{ stakeholder_error(lang, e) }</td>
                        </tr> },
                    }) }
                </tbody>
            </table>
            <h4>{ lang.t(S::Disputed) }</h4>
            { dispute_controls }
            { {
                let flagged: Vec<_> = disputes.iter().filter(|d| d.flagged).collect();
                if flagged.is_empty() {
                    html! { <p>{ lang.t(S::NoDisputes) }</p> }
                } else {
                    html! { <ul class="disputed">
                        { for flagged.iter().map(|d| {
                            let name = ratings.stakeholders().get(d.stakeholder).map(|s| s.name.clone()).unwrap_or_default();
                            let dim = d.worst_dimension.and_then(|i| dims.get(i)).map(|x| x.name.clone()).unwrap_or_default();
                            html! { <li>{ format!("{name}: {} ({dim})", num(d.spread, 2)) }</li> }
                        }) }
                    </ul> }
                }
            } }
        </div>
    }
}

/// A model the sensitivity analysis can run: a built-in one, or custom
/// model `n` of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SensModel {
    BuiltIn(ModelKind),
    Custom(usize),
}

/// Stability per model.
fn stability_of(
    model: SensModel,
    ratings: &Ratings,
    s: &StakeholderSettings,
) -> Result<Vec<Stability>, StakeholderError> {
    let set = &s.sensitivity;
    match model {
        SensModel::BuiltIn(ModelKind::FourDimension) => sensitivity(&s.four_dim, ratings, set),
        SensModel::BuiltIn(ModelKind::PolicyMaker) => sensitivity(&s.policymaker, ratings, set),
        SensModel::BuiltIn(ModelKind::Mendelow) => sensitivity(&s.mendelow, ratings, set),
        SensModel::BuiltIn(ModelKind::Salience) => sensitivity(&s.salience, ratings, set),
        SensModel::BuiltIn(ModelKind::Schmeer) => sensitivity(&s.schmeer, ratings, set),
        SensModel::BuiltIn(ModelKind::Custom) | SensModel::Custom(_) => {
            let n = match model {
                SensModel::Custom(n) => n,
                SensModel::BuiltIn(_) => 0,
            };
            match s.custom.get(n) {
                Some(m) => sensitivity(m, ratings, set),
                None => Err(StakeholderError::NoStakeholders),
            }
        }
    }
}

const BUILT_IN_MODELS: [ModelKind; 5] = [
    ModelKind::FourDimension,
    ModelKind::PolicyMaker,
    ModelKind::Mendelow,
    ModelKind::Salience,
    ModelKind::Schmeer,
];

fn model_key(kind: ModelKind) -> &'static str {
    crate::analysis::stakeholder::describe(kind).name
}

/// Properties of [`StakeholderResults`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The combined ratings.
    pub aggregated: std::rc::Rc<Aggregated>,
}

/// Raters, sensitivity, charts and results.
#[component(StakeholderResults)]
pub fn stakeholder_results(props: &ResultsProps) -> Html {
    let ctx = use_context::<AppContext>();
    let sens_model = use_state(|| SensModel::BuiltIn(ModelKind::FourDimension));
    let radar = use_state(|| None::<BTreeSet<usize>>);
    let copied = use_state(|| None::<bool>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let elang = engine_lang(lang);
    let settings = &ctx.project.stakeholder.settings;
    let data = &ctx.project.stakeholder.ratings;
    let agg = props.aggregated.as_ref();
    let ratings = &agg.ratings;
    let names: Vec<String> = ratings
        .stakeholders()
        .iter()
        .map(|s| s.name.clone())
        .collect();

    // Results table.
    let table = results_table(ratings, settings, elang);
    let on_csv = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::download_csv("stakeholder_results.csv", &table.header, &table.rows);
        })
    };
    let on_copy = {
        let (table, copied) = (table.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let text = download::csv_text(&table.header, &table.rows);
            let copied = copied.clone();
            spawn_local(async move {
                copied.set(Some(download::copy_text(&text).await.is_ok()));
            });
        })
    };

    // Sensitivity: the built-in models, then every custom model by name.
    let sens_options: Vec<(SensModel, String)> = BUILT_IN_MODELS
        .iter()
        .map(|k| (SensModel::BuiltIn(*k), engine(lang, model_key(*k))))
        .chain((0..settings.custom.len()).map(|n| {
            (
                SensModel::Custom(n),
                custom_model_name(&settings.custom, n, elang),
            )
        }))
        .collect();
    let kind = match *sens_model {
        SensModel::Custom(n) if n >= settings.custom.len() => {
            SensModel::BuiltIn(ModelKind::FourDimension)
        }
        k => k,
    };
    let stability = stability_of(kind, ratings, settings);
    let on_sens_model = {
        let (sens_model, options) = (sens_model.clone(), sens_options.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                && let Ok(i) = s.value().parse::<usize>()
                && let Some((k, _)) = options.get(i)
            {
                sens_model.set(*k);
            }
        })
    };
    let sens_edit = |f: fn(&mut StakeholderSettings, f64)| {
        let (ctx, settings) = (ctx.clone(), settings.clone());
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>()
                && let Ok(v) = i.value().trim().replace(',', ".").parse::<f64>()
                && v.is_finite()
            {
                let mut s = settings.clone();
                f(&mut s, v);
                ctx.dispatch(crate::app::state::Action::Stakeholder(
                    crate::app::state::stakeholders::StakeholderAction::SetSettings(Box::new(s)),
                ));
            }
        })
    };
    let on_spread = sens_edit(|s, v| s.sensitivity.spread = (v / 100.0).clamp(0.0, 1.0));
    let on_draws = sens_edit(|s, v| s.sensitivity.draws = v.clamp(1.0, 5000.0) as usize);
    let on_top = sens_edit(|s, v| s.disagreement.top = v.clamp(0.0, 1000.0) as usize);
    let on_min = sens_edit(|s, v| s.disagreement.min_spread = v.clamp(0.0, 1.0));
    let dispute_controls = html! {
        <p class="field-row">
            <span class="field">
                <label for="sh-dispute-top">{ lang.t(S::DisputeTop) }</label>
                <TextField id="sh-dispute-top" inputmode="numeric" size="4"
                    value={settings.disagreement.top.to_string()} onchange={on_top} />
            </span>
            <span class="field">
                <label for="sh-dispute-min">{ lang.t(S::DisputeMin) }</label>
                <TextField id="sh-dispute-min" inputmode="decimal" size="5"
                    value={num(settings.disagreement.min_spread, 2)} onchange={on_min} />
            </span>
        </p>
    };

    // Charts.
    let four = settings.four_dim.classify(ratings);
    let feas = settings.policymaker.feasibility(ratings);
    let grid = settings.mendelow.classify(ratings);
    let sal = settings.salience.classify(ratings);
    let stances: Vec<Stance> = match (&feas, &four) {
        (Ok(f), _) => f.players.iter().map(|p| Stance::from(p.side)).collect(),
        (_, Ok(r)) => r.iter().map(|r| Stance::from(r.attitude)).collect(),
        _ => Vec::new(),
    };
    let size_dim = ratings
        .dimensions()
        .iter()
        .find(|d| d.name == "resources")
        .map(|d| d.name.clone());
    let mut charts: Vec<Html> = Vec::new();
    let mut chart_errors: Vec<String> = Vec::new();
    match grid.and_then(|g| {
        PowerInterestChart::from_grid(
            ratings,
            &settings.mendelow,
            &g,
            size_dim.as_deref(),
            &stances,
            elang,
        )
    }) {
        Ok(c) => {
            let label = c.title.clone();
            charts.push(html! { <ChartView chart={ChartRef::new(c)} file_name="power_interest" label={label} /> })
        }
        Err(e) => chart_errors.push(stakeholder_error(lang, &e)),
    }
    match &feas {
        Ok(f) => {
            let pm = PositionMapChart::from_feasibility(ratings, f, elang);
            let label = pm.title.clone();
            charts.push(html! { <ChartView chart={ChartRef::new(pm)} file_name="position_map" label={label} /> });
            let fc = FeasibilityChart::from_feasibility(f, elang);
            let label = fc.title.clone();
            charts.push(html! { <ChartView chart={ChartRef::new(fc)} file_name="feasibility" label={label} height={420} /> });
        }
        Err(e) => chart_errors.push(stakeholder_error(lang, e)),
    }
    // Radar: the chosen stakeholders (default the first three).
    let chosen: BTreeSet<usize> = radar
        .as_ref()
        .cloned()
        .unwrap_or_else(|| (0..names.len().min(3)).collect());
    let dim_names: Vec<String> = ratings
        .dimensions()
        .iter()
        .map(|d| d.name.clone())
        .collect();
    let dim_refs: Vec<&str> = dim_names.iter().map(String::as_str).collect();
    let selected: Vec<usize> = chosen.iter().copied().collect();
    let radar_picker = html! {
        <fieldset class="radar-picker">
            <legend>{ lang.t(S::RadarChoose) }</legend>
            { for names.iter().enumerate().map(|(i, n)| {
                let (radar, base) = (radar.clone(), chosen.clone());
                let onchange = Callback::from(move |_: Event| {
                    let mut c = base.clone();
                    if !c.remove(&i) { c.insert(i); }
                    radar.set(Some(c));
                });
                html! { <label class="check"><input type="checkbox" checked={chosen.contains(&i)} {onchange} />{ n }</label> }
            }) }
        </fieldset>
    };
    match RadarChart::from_ratings(ratings, &selected, &dim_refs, elang) {
        Ok(c) => {
            let label = c.title.clone();
            charts.push(html! { <div>{ radar_picker }<ChartView chart={ChartRef::new(c)} file_name="radar" label={label} height={560} /></div> });
        }
        Err(e) => chart_errors.push(stakeholder_error(lang, &e)),
    }
    match &sal {
        Ok(r) => {
            let c = SalienceVennChart::from_salience(ratings, r, elang);
            let label = c.title.clone();
            charts.push(html! { <ChartView chart={ChartRef::new(c)} file_name="salience_venn" label={label} height={560} /> });
        }
        Err(e) => chart_errors.push(stakeholder_error(lang, e)),
    }
    if !settings.custom.is_empty() {
        match CustomScoreChart::from_models(ratings, &settings.custom, elang) {
            Ok(c) => {
                let label = c.title.clone();
                let height =
                    (150 + names.len() as u32 * (14 + 16 * c.models.len() as u32)).clamp(360, 1200);
                charts.push(html! { <ChartView chart={ChartRef::new(c)} file_name="custom_scores" label={label} height={height} /> });
            }
            Err(e) => chart_errors.push(stakeholder_error(lang, &e)),
        }
    }
    let stability_chart = stability.as_ref().ok().map(|st| {
        let c = StabilityChart::from_stability(ratings, st, elang);
        let label = c.title.clone();
        html! { <ChartView chart={ChartRef::new(c)} file_name="stability" label={label} height={Some(120 + 34 * names.len() as u32).map(|h| h.min(900)).unwrap_or(400)} /> }
    });

    html! {
        <>
            { raters_panel(lang, agg, data, dispute_controls, settings) }
            <div class="card stakeholder-sensitivity">
                <h3 id="sh-sens-title">{ lang.t(S::SensitivityTitle) }</h3>
                <p class="hint">{ lang.t(S::SensitivityHint) }</p>
                <p class="field-row">
                    <span class="field">
                        <label for="sh-sens-model">{ lang.t(S::Model) }</label>
                        <select id="sh-sens-model" onchange={on_sens_model}>
                            { for sens_options.iter().enumerate().map(|(i, (k, name))| html! {
                                <option value={i.to_string()} selected={*k == kind}>{ name }</option>
                            }) }
                        </select>
                    </span>
                    <span class="field">
                        <label for="sh-sens-spread">{ lang.t(S::SpreadPercent) }</label>
                        <TextField id="sh-sens-spread" inputmode="decimal" size="4"
                            value={num(settings.sensitivity.spread * 100.0, 0)} onchange={on_spread} />
                    </span>
                    <span class="field">
                        <label for="sh-sens-draws">{ lang.t(S::Draws) }</label>
                        <TextField id="sh-sens-draws" inputmode="numeric" size="5"
                            value={settings.sensitivity.draws.to_string()} onchange={on_draws} />
                    </span>
                </p>
                { match &stability {
                    Err(e) => html! { <p class="hint">{ stakeholder_error(lang, e) }</p> },
                    Ok(st) => html! {
                        <table class="data-table" aria-labelledby="sh-sens-title">
                            <thead><tr>
                                <th scope="col">{ lang.t(S::Name) }</th>
                                <th scope="col">{ lang.t(S::Class) }</th>
                                <th scope="col">{ lang.t(S::ClassStability) }</th>
                                <th scope="col">{ lang.t(S::RankStability) }</th>
                                <th scope="col">{ lang.t(S::Alternatives) }</th>
                            </tr></thead>
                            <tbody>
                                { for st.iter().map(|x| html! { <tr>
                                    <th scope="row">{ names.get(x.stakeholder).cloned().unwrap_or_default() }</th>
                                    <td>{ engine(lang, x.class) }</td>
                                    <td class="num">{ percent(x.class_stability) }</td>
                                    <td class="num">{ x.rank_stability.map(percent).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ x.alternatives.iter().map(|(k, p)| format!("{} {}", engine(lang, k), percent(*p))).collect::<Vec<_>>().join("; ") }</td>
                                </tr> }) }
                            </tbody>
                        </table>
                    },
                } }
                { stability_chart.unwrap_or_default() }
            </div>
            <div class="card stakeholder-charts">
                <h3>{ lang.t(S::ChartsTitle) }</h3>
                { for chart_errors.iter().map(|e| html! { <p class="hint">{ e }</p> }) }
                <div class="chart-list">{ for charts }</div>
            </div>
            <div class="card stakeholder-results">
                <h3 id="sh-results-title">{ lang.t(S::ResultsTitle) }</h3>
                <div class="table-scroll">
                    <table class="data-table results-table" aria-labelledby="sh-results-title">
                        <thead><tr>{ for table.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for table.rows.iter().map(|r| html! { <tr>
                                { for r.iter().enumerate().map(|(i, c)| if i == 0 {
                                    html! { <th scope="row">{ c }</th> }
                                } else {
                                    html! { <td>{ c }</td> }
                                }) }
                            </tr> }) }
                        </tbody>
                    </table>
                </div>
                if !table.skipped.is_empty() {
                    <ul class="hint">
                        { for table.skipped.iter().map(|(k, e)| html! {
                            <li>{ format!("{} — {}: {}", lang.t(S::Skipped), engine(lang, model_key(*k)), stakeholder_error(lang, e)) }</li>
                        }) }
                    </ul>
                }
                <p class="button-row">
                    <button type="button" onclick={on_csv}>{ lang.t(S::DownloadCsv) }</button>
                    <button type="button" class="secondary" onclick={on_copy}>{ lang.t(S::CopyCsv) }</button>
                    if *copied == Some(true) { <span role="status">{ lang.t(S::Copied) }</span> }
                </p>
            </div>
        </>
    }
}
