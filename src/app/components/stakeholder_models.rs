//! Model settings: aggregation, the four-dimension rules (level cuts and
//! the three rule tables, every cell editable), PolicyMaker, Mendelow cut
//! points, salience thresholds, Schmeer power cuts and any number of named
//! custom weighted models (added, renamed, deleted here); each with its
//! formulas in a help panel.

use yew::prelude::*;

use crate::analysis::stakeholder::{
    Aggregation, Attitude, CustomModel, Level, ModelKind, Role, StakeholderSettings,
    WeightedDimension, check_custom_name, custom_model_name, describe, fill,
};
use crate::app::components::text_field::TextField;
use crate::app::i18n::Lang;
use crate::app::i18n::stakeholders::{
    StakeholderText as S, engine, engine_lang, stakeholder_error,
};
use crate::app::importer::AppContext;
use crate::app::state::Action;
use crate::app::state::stakeholders::StakeholderAction;

/// The help of a model: its rules (placeholders filled with `params`, the
/// model's current settings) and references.
fn help(lang: Lang, kind: ModelKind, params: &[(String, String)]) -> Html {
    let d = describe(kind);
    html! {
        <details class="model-help">
            <summary>{ format!("{} — {}", lang.t(S::Help), engine(lang, d.name)) }</summary>
            <ul>{ for d.rules.iter().map(|k| html! { <li>{ fill(&engine(lang, k), params) }</li> }) }</ul>
            if !d.references.is_empty() {
                <p class="hint">{ lang.t(S::References) }{ ": " }
                    { for d.references.iter().map(|k| html! { <span>{ engine(lang, k) }{ " " }</span> }) }</p>
            }
        </details>
    }
}

/// A number for an input: at most 4 decimals, no trailing zeros.
fn short(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A select of the rated dimensions for one input of a model (models name
/// their dimensions; the user picks which rated dimension plays the role).
fn dimension_select(
    id: String,
    label: String,
    dimensions: &[String],
    value: Option<&str>,
    optional: bool,
    none_text: &str,
    onchange: Callback<Option<String>>,
) -> Html {
    let on = Callback::from(move |e: Event| {
        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            let v = s.value();
            onchange.emit((!v.is_empty()).then_some(v));
        }
    });
    let missing = value.is_some_and(|v| !dimensions.iter().any(|d| d == v));
    html! {
        <span class="field">
            <label for={id.clone()}>{ label }</label>
            <select id={id} onchange={on}>
                if optional {
                    <option value="" selected={value.is_none()}>{ none_text.to_owned() }</option>
                }
                if missing {
                    <option value={value.unwrap_or_default().to_owned()} selected=true>{ format!("{} ?", value.unwrap_or_default()) }</option>
                }
                { for dimensions.iter().map(|d| html! { <option value={d.clone()} selected={Some(d.as_str()) == value}>{ d }</option> }) }
            </select>
        </span>
    }
}

/// A number input committing on change; empty gives `None`.
fn number_input(
    id: String,
    label: String,
    value: Option<f64>,
    onchange: Callback<Option<f64>>,
) -> Html {
    let on = number_event(onchange);
    html! {
        <span class="field">
            <label for={id.clone()}>{ label }</label>
            <TextField id={id} inputmode="decimal" size="6"
                value={value.map(short).unwrap_or_default()} onchange={on} />
        </span>
    }
}

/// A change event of a number field as `Option<f64>` (empty gives `None`;
/// text that is not a number is ignored).
fn number_event(onchange: Callback<Option<f64>>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            let t = i.value();
            let t = t.trim().replace(',', ".");
            if t.is_empty() {
                onchange.emit(None);
            } else if let Ok(v) = t.parse::<f64>()
                && v.is_finite()
            {
                onchange.emit(Some(v));
            }
        }
    })
}

/// One editable 3×3 rule table: cells chosen among `options`, named by
/// their text `key`; rows and columns labelled by text keys.
#[allow(clippy::too_many_arguments)]
fn rule_table<T: Copy + PartialEq + 'static>(
    lang: Lang,
    id: &str,
    caption: &str,
    row_keys: [&'static str; 3],
    col_keys: [&'static str; 3],
    table: [[T; 3]; 3],
    options: &'static [T],
    key: fn(T) -> &'static str,
    onchange: Callback<(usize, usize, T)>,
) -> Html {
    html! {
        <table class="rule-table" id={id.to_owned()}>
            <caption>{ caption }</caption>
            <thead><tr><th scope="col">{ lang.t(S::RowsCols) }</th>
                { for col_keys.iter().map(|k| html! { <th scope="col">{ engine(lang, k) }</th> }) }</tr></thead>
            <tbody>
                { for (0..3).map(|r| html! {
                    <tr>
                        <th scope="row">{ engine(lang, row_keys[r]) }</th>
                        { for (0..3).map(|c| {
                            let onchange = onchange.clone();
                            let on = Callback::from(move |e: Event| {
                                if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>()
                                    && let Ok(i) = s.value().parse::<usize>()
                                    && let Some(v) = options.get(i)
                                {
                                    onchange.emit((r, c, *v));
                                }
                            });
                            let label = format!("{caption}: {} × {}", engine(lang, row_keys[r]), engine(lang, col_keys[c]));
                            html! { <td><select aria-label={label} onchange={on}>
                                { for options.iter().enumerate().map(|(i, o)| html! {
                                    <option value={i.to_string()} selected={*o == table[r][c]}>{ engine(lang, key(*o)) }</option>
                                }) }
                            </select></td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

const LEVEL_KEYS: [&str; 3] = ["level.low", "level.moderate", "level.high"];
const ATTITUDE_KEYS: [&str; 3] = ["attitude.oppose", "attitude.neutral", "attitude.support"];

/// The model settings panel.
#[component(StakeholderModels)]
pub fn stakeholder_models() -> Html {
    let custom_error = use_state(|| None::<String>);
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let settings = ctx.project.stakeholder.settings.clone();
    let dimensions = ctx.project.stakeholder.ratings.dimensions.clone();
    // Every edit: copy the settings, change one thing, dispatch.
    let edit = {
        let (ctx, settings) = (ctx.clone(), settings.clone());
        move |f: Box<dyn Fn(&mut StakeholderSettings)>| {
            let mut s = settings.clone();
            f(&mut s);
            ctx.dispatch(Action::Stakeholder(StakeholderAction::SetSettings(
                Box::new(s),
            )));
        }
    };
    macro_rules! num_cb {
        ($($field:tt)+) => {{
            let edit = edit.clone();
            Callback::from(move |v: Option<f64>| edit(Box::new(move |s: &mut StakeholderSettings| s.$($field)+ = v)))
        }};
    }
    macro_rules! req_cb {
        ($($field:tt)+) => {{
            let edit = edit.clone();
            Callback::from(move |v: Option<f64>| if let Some(v) = v { edit(Box::new(move |s: &mut StakeholderSettings| s.$($field)+ = v)) })
        }};
    }
    let dim_names: Vec<String> = dimensions.iter().map(|d| d.name.clone()).collect();
    macro_rules! dim_sel {
        ($id:expr, $label:expr, $($field:tt)+) => {{
            let edit = edit.clone();
            let cb = Callback::from(move |v: Option<String>| {
                if let Some(v) = v {
                    edit(Box::new(move |s: &mut StakeholderSettings| s.$($field)+ = v.clone()))
                }
            });
            dimension_select($id.to_owned(), $label.to_owned(), &dim_names, Some(settings.$($field)+.as_str()), false, lang.t(S::NotMapped), cb)
        }};
    }
    let dim_opt = |id: &str,
                   label: &str,
                   value: Option<&str>,
                   set: fn(&mut StakeholderSettings, Option<String>)| {
        let edit = edit.clone();
        let cb = Callback::from(move |v: Option<String>| {
            edit(Box::new(move |s: &mut StakeholderSettings| {
                set(s, v.clone())
            }))
        });
        dimension_select(
            id.to_owned(),
            label.to_owned(),
            &dim_names,
            value,
            true,
            lang.t(S::NotMapped),
            cb,
        )
    };
    let on_aggregation = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(sel) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let how = if sel.value() == "median" {
                    Aggregation::Median
                } else {
                    Aggregation::Mean
                };
                edit(Box::new(move |s| s.aggregation = how));
            }
        })
    };
    let rules = &settings.four_dim.rules;
    let on_influence = {
        let edit = edit.clone();
        Callback::from(move |(r, c, v): (usize, usize, Level)| {
            edit(Box::new(move |s| {
                if let Some(cell) = s
                    .four_dim
                    .rules
                    .influence
                    .get_mut(r)
                    .and_then(|row| row.get_mut(c))
                {
                    *cell = v;
                }
            }))
        })
    };
    let on_attitude = {
        let edit = edit.clone();
        Callback::from(move |(r, c, v): (usize, usize, Attitude)| {
            edit(Box::new(move |s| {
                if let Some(cell) = s
                    .four_dim
                    .rules
                    .attitude
                    .get_mut(r)
                    .and_then(|row| row.get_mut(c))
                {
                    *cell = v;
                }
            }))
        })
    };
    let on_role = {
        let edit = edit.clone();
        Callback::from(move |(r, c, v): (usize, usize, Role)| {
            edit(Box::new(move |s| {
                if let Some(cell) = s
                    .four_dim
                    .rules
                    .role
                    .get_mut(r)
                    .and_then(|row| row.get_mut(c))
                {
                    *cell = v;
                }
            }))
        })
    };
    let custom_models = settings.custom.clone();
    let custom_section = |m: usize, model: &CustomModel| -> Html {
        let title = custom_model_name(&custom_models, m, engine_lang(lang));
        // Every edit of model m: copy the settings, change the model, dispatch.
        let edit_model = {
            let edit = edit.clone();
            move |f: Box<dyn Fn(&mut CustomModel)>| {
                edit(Box::new(move |s: &mut StakeholderSettings| {
                    if let Some(x) = s.custom.get_mut(m) {
                        f(x);
                    }
                }))
            }
        };
        let terms = dimensions.iter().enumerate().map(|(d, dim)| {
            let term = model.terms.iter().find(|t| t.dimension == dim.name).cloned();
            let name = dim.name.clone();
            let on_weight = {
                let (edit_model, name) = (edit_model.clone(), name.clone());
                Callback::from(move |v: Option<f64>| {
                    let name = name.clone();
                    edit_model(Box::new(move |x| {
                        let reversed = x.terms.iter().find(|t| t.dimension == name).is_some_and(|t| t.reversed);
                        let at = x.terms.iter().position(|t| t.dimension == name);
                        x.terms.retain(|t| t.dimension != name);
                        if let Some(w) = v.filter(|w| *w > 0.0) {
                            let t = WeightedDimension { dimension: name.clone(), weight: w, reversed };
                            x.terms.insert(at.unwrap_or(x.terms.len()).min(x.terms.len()), t);
                        }
                    }))
                })
            };
            let on_reversed = {
                let (edit_model, name) = (edit_model.clone(), name.clone());
                Callback::from(move |e: Event| {
                    let checked = e
                        .target_dyn_into::<web_sys::HtmlInputElement>()
                        .is_some_and(|i| i.checked());
                    let name = name.clone();
                    edit_model(Box::new(move |x| {
                        if let Some(t) = x.terms.iter_mut().find(|t| t.dimension == name) {
                            t.reversed = checked;
                        }
                    }))
                })
            };
            let weight_label = format!("{title}: {} — {}", dim.name, lang.t(S::Weight));
            html! {
                <span class="field custom-term">
                    <label for={format!("sh-custom-{m}-w-{d}")}>{ format!("{} — {}", dim.name, lang.t(S::Weight)) }</label>
                    <TextField id={format!("sh-custom-{m}-w-{d}")} inputmode="decimal" size="6" aria_label={weight_label}
                        value={term.as_ref().map(|t| short(t.weight)).unwrap_or_default()} onchange={number_event(on_weight)} />
                    <label>
                        <input type="checkbox" disabled={term.is_none()} checked={term.as_ref().is_some_and(|t| t.reversed)} onchange={on_reversed}
                            aria-label={format!("{title}: {} — {}", dim.name, lang.t(S::Reversed))} />
                        { lang.t(S::Reversed) }
                    </label>
                </span>
            }
        });
        let band = |which: usize| {
            let edit_model = edit_model.clone();
            Callback::from(move |v: Option<f64>| {
                if let Some(v) = v {
                    edit_model(Box::new(move |x| {
                        if which == 0 {
                            x.bands.0 = v
                        } else {
                            x.bands.1 = v
                        }
                    }))
                }
            })
        };
        let on_name = {
            let (edit_model, models, custom_error) = (
                edit_model.clone(),
                custom_models.clone(),
                custom_error.clone(),
            );
            Callback::from(move |e: Event| {
                if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                    let v = i.value();
                    match check_custom_name(&models, Some(m), &v) {
                        Ok(()) => {
                            custom_error.set(None);
                            edit_model(Box::new(move |x| x.name = v.trim().to_owned()));
                        }
                        Err(e) => custom_error.set(Some(stakeholder_error(lang, &e))),
                    }
                }
            })
        };
        let on_delete = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| {
                edit(Box::new(move |s: &mut StakeholderSettings| {
                    if m < s.custom.len() {
                        s.custom.remove(m);
                    }
                }))
            })
        };
        let delete_label = format!("{} — {title}", lang.t(S::CustomDelete));
        html! {
            <fieldset class="custom-model">
                <legend>{ &title }</legend>
                <p class="field-row">
                    <span class="field">
                        <label for={format!("sh-custom-{m}-name")}>{ lang.t(S::CustomName) }</label>
                        <TextField id={format!("sh-custom-{m}-name")} value={model.name.clone()} onchange={on_name}
                            aria_label={format!("{} — {title}", lang.t(S::CustomName))} />
                    </span>
                    <button type="button" class="secondary" aria-label={delete_label} onclick={on_delete}>{ lang.t(S::CustomDelete) }</button>
                </p>
                <p class="field-row">{ for terms }</p>
                <p class="field-row">
                    { number_input(format!("sh-custom-{m}-low"), lang.t(S::CustomLow).into(), Some(model.bands.0), band(0)) }
                    { number_input(format!("sh-custom-{m}-high"), lang.t(S::CustomHigh).into(), Some(model.bands.1), band(1)) }
                </p>
            </fieldset>
        }
    };
    let on_add_custom = {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| {
            edit(Box::new(|s: &mut StakeholderSettings| {
                s.custom.push(CustomModel::default())
            }))
        })
    };

    html! {
        <div class="card stakeholder-models">
            <h3>{ lang.t(S::ModelsTitle) }</h3>
            <p class="field-row">
                <span class="field">
                    <label for="sh-aggregation">{ lang.t(S::Aggregation) }</label>
                    <select id="sh-aggregation" onchange={on_aggregation}>
                        <option value="mean" selected={settings.aggregation == Aggregation::Mean}>{ lang.t(S::Mean) }</option>
                        <option value="median" selected={settings.aggregation == Aggregation::Median}>{ lang.t(S::Median) }</option>
                    </select>
                </span>
            </p>
            <section class="model" aria-labelledby="sh-m-four">
                <h4 id="sh-m-four">{ lang.t(S::FourDimTitle) }</h4>
                <p class="field-row">
                    { dim_sel!("sh-fd-dim-interest", "interest", four_dim.interest) }
                    { dim_sel!("sh-fd-dim-cognition", "cognition", four_dim.cognition) }
                    { dim_sel!("sh-fd-dim-capability", "capability", four_dim.capability) }
                    { dim_sel!("sh-fd-dim-resources", "resources", four_dim.resources) }
                </p>
                <p class="field-row">
                    { number_input("sh-fd-low".into(), lang.t(S::LowBelow).into(), Some(rules.cuts.low_below), req_cb!(four_dim.rules.cuts.low_below)) }
                    { number_input("sh-fd-high".into(), lang.t(S::HighFrom).into(), Some(rules.cuts.high_from), req_cb!(four_dim.rules.cuts.high_from)) }
                </p>
                <div class="rule-tables">
                    { rule_table(lang, "sh-rule-influence", lang.t(S::InfluenceTable), LEVEL_KEYS, LEVEL_KEYS, rules.influence, &Level::ALL, Level::key, on_influence) }
                    { rule_table(lang, "sh-rule-attitude", lang.t(S::AttitudeTable), LEVEL_KEYS, LEVEL_KEYS, rules.attitude, &Attitude::ALL, Attitude::key, on_attitude) }
                    { rule_table(lang, "sh-rule-role", lang.t(S::RoleTable), ATTITUDE_KEYS, LEVEL_KEYS, rules.role, &Role::ALL, Role::key, on_role) }
                </div>
                { help(lang, ModelKind::FourDimension, &[]) }
            </section>
            <section class="model" aria-labelledby="sh-m-pm">
                <h4 id="sh-m-pm">{ lang.t(S::PolicyMakerTitle) }</h4>
                <p class="field-row">
                    { dim_sel!("sh-pm-dim-position", "position", policymaker.position) }
                    { dim_sel!("sh-pm-dim-power", "power", policymaker.power) }
                    { dim_opt("sh-pm-dim-weight", "weight", settings.policymaker.weight.as_deref(), |s, v| s.policymaker.weight = v) }
                </p>
                <p class="field-row">
                    { number_input("sh-pm-pos-high".into(), lang.t(S::PmPositionHigh).into(), Some(settings.policymaker.cuts.position_high), req_cb!(policymaker.cuts.position_high)) }
                    { number_input("sh-pm-pos-medium".into(), lang.t(S::PmPositionMedium).into(), Some(settings.policymaker.cuts.position_medium), req_cb!(policymaker.cuts.position_medium)) }
                    { number_input("sh-pm-power-high".into(), lang.t(S::PmPowerHigh).into(), Some(settings.policymaker.cuts.power_high), req_cb!(policymaker.cuts.power_high)) }
                    { number_input("sh-pm-power-medium".into(), lang.t(S::PmPowerMedium).into(), Some(settings.policymaker.cuts.power_medium), req_cb!(policymaker.cuts.power_medium)) }
                    { number_input("sh-pm-nonmob".into(), lang.t(S::PmNonMobilized).into(), Some(settings.policymaker.cuts.non_mobilized_intensity), req_cb!(policymaker.cuts.non_mobilized_intensity)) }
                </p>
                { help(lang, ModelKind::PolicyMaker, &settings.policymaker.cuts.text_params()) }
            </section>
            <section class="model" aria-labelledby="sh-m-mendelow">
                <h4 id="sh-m-mendelow">{ lang.t(S::MendelowTitle) }</h4>
                <p class="field-row">
                    { dim_sel!("sh-mendelow-dim-power", "power", mendelow.power) }
                    { dim_sel!("sh-mendelow-dim-interest", "interest", mendelow.interest) }
                </p>
                <p class="field-row">
                    { number_input("sh-mendelow-power".into(), lang.t(S::PowerCut).into(), settings.mendelow.power_cut, num_cb!(mendelow.power_cut)) }
                    { number_input("sh-mendelow-interest".into(), lang.t(S::InterestCut).into(), settings.mendelow.interest_cut, num_cb!(mendelow.interest_cut)) }
                    <span class="hint">{ lang.t(S::Midpoint) }</span>
                </p>
                { help(lang, ModelKind::Mendelow, &[]) }
            </section>
            <section class="model" aria-labelledby="sh-m-salience">
                <h4 id="sh-m-salience">{ lang.t(S::SalienceTitle) }</h4>
                <p class="field-row">
                    { dim_sel!("sh-sal-dim-power", "power", salience.power) }
                    { dim_sel!("sh-sal-dim-legitimacy", "legitimacy", salience.legitimacy) }
                    { dim_sel!("sh-sal-dim-urgency", "urgency", salience.urgency) }
                </p>
                <p class="field-row">
                    { number_input("sh-sal-power".into(), lang.t(S::ThresholdPower).into(), settings.salience.thresholds[0], num_cb!(salience.thresholds[0])) }
                    { number_input("sh-sal-legitimacy".into(), lang.t(S::ThresholdLegitimacy).into(), settings.salience.thresholds[1], num_cb!(salience.thresholds[1])) }
                    { number_input("sh-sal-urgency".into(), lang.t(S::ThresholdUrgency).into(), settings.salience.thresholds[2], num_cb!(salience.thresholds[2])) }
                    <span class="hint">{ lang.t(S::Midpoint) }</span>
                </p>
                { help(lang, ModelKind::Salience, &[]) }
            </section>
            <section class="model" aria-labelledby="sh-m-schmeer">
                <h4 id="sh-m-schmeer">{ lang.t(S::SchmeerTitle) }</h4>
                <p class="field-row">
                    { dim_sel!("sh-schmeer-dim-knowledge", "knowledge", schmeer.knowledge) }
                    { dim_sel!("sh-schmeer-dim-position", "position", schmeer.position) }
                    { dim_sel!("sh-schmeer-dim-resources", "resources", schmeer.resources) }
                    { dim_sel!("sh-schmeer-dim-mobilization", "mobilization", schmeer.mobilization) }
                    { dim_opt("sh-schmeer-dim-leadership", "leadership", settings.schmeer.leadership.as_deref(), |s, v| s.schmeer.leadership = v) }
                </p>
                <p class="field-row">
                    { number_input("sh-schmeer-high".into(), lang.t(S::PowerHigh).into(), Some(settings.schmeer.power_high), req_cb!(schmeer.power_high)) }
                    { number_input("sh-schmeer-medium".into(), lang.t(S::PowerMedium).into(), Some(settings.schmeer.power_medium), req_cb!(schmeer.power_medium)) }
                </p>
                { help(lang, ModelKind::Schmeer, &[]) }
            </section>
            <section class="model" aria-labelledby="sh-m-custom">
                <h4 id="sh-m-custom">{ lang.t(S::CustomTitle) }</h4>
                if custom_models.is_empty() {
                    <p class="hint">{ lang.t(S::CustomNone) }</p>
                }
                { for custom_models.iter().enumerate().map(|(m, model)| custom_section(m, model)) }
                if let Some(e) = custom_error.as_ref() {
                    <p class="error-text" role="alert">{ e }</p>
                }
                <p class="button-row">
                    <button type="button" onclick={on_add_custom}>{ lang.t(S::CustomAdd) }</button>
                </p>
                { help(lang, ModelKind::Custom, &[]) }
            </section>
        </div>
    }
}
