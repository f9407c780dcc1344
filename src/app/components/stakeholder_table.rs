//! The stakeholder table: name, group, notes and one rater's ratings,
//! edited in place; rows added, moved and deleted with buttons (all
//! reachable by keyboard, every input labelled).

use yew::prelude::*;

use crate::analysis::stakeholder::{Dimension, OutOfScale, Scale, StakeholderError};
use crate::app::components::text_field::TextField;
use crate::app::i18n::stakeholders::{StakeholderText as S, stakeholder_error};
use crate::app::importer::AppContext;
use crate::app::state::Action;
use crate::app::state::stakeholders::{StakeholderAction as A, StakeholderField};

/// Name of the rater used when ratings are typed before any exist.
pub const DEFAULT_RATER: &str = "R1";

fn input_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Asks the user to confirm a deletion that cannot be undone (true when
/// the browser has no dialog).
fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(true)
}

/// The editable stakeholder table.
#[component(StakeholderTable)]
pub fn stakeholder_table() -> Html {
    let ctx = use_context::<AppContext>();
    let error = use_state(|| None::<StakeholderError>);
    let rater = use_state(|| None::<String>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let data = &ctx.project.stakeholder.ratings;
    let raters = &data.respondents;
    // The rater being edited: the one chosen (a new name is kept until
    // its first rating creates it), else the first, else R1.
    let current = rater
        .as_ref()
        .cloned()
        .or_else(|| raters.first().cloned())
        .unwrap_or_else(|| DEFAULT_RATER.to_owned());
    let mut rater_options = raters.clone();
    if !rater_options.contains(&current) {
        rater_options.push(current.clone());
    }
    let current_index = raters.iter().position(|r| *r == current);

    let dispatch = {
        let ctx = ctx.clone();
        let error = error.clone();
        move |a: A| {
            error.set(None);
            ctx.dispatch(Action::Stakeholder(a));
        }
    };
    let on_add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch(A::Add))
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        let question = lang.t(S::ConfirmClear);
        Callback::from(move |_: MouseEvent| {
            if confirm(question) {
                dispatch(A::Clear)
            }
        })
    };
    let on_rater = {
        let rater = rater.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                rater.set(Some(s.value()));
            }
        })
    };
    let on_new_rater = {
        let rater = rater.clone();
        Callback::from(move |e: Event| {
            let name = input_value(&e).trim().to_owned();
            if !name.is_empty() {
                rater.set(Some(name));
            }
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                i.set_value("");
            }
        })
    };
    let new_dim = use_state(|| (String::new(), "1".to_owned(), "5".to_owned()));
    let on_dim_field = |which: usize| {
        let new_dim = new_dim.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let mut v = (*new_dim).clone();
                match which {
                    0 => v.0 = i.value(),
                    1 => v.1 = i.value(),
                    _ => v.2 = i.value(),
                }
                new_dim.set(v);
            }
        })
    };
    let on_add_dim = {
        let (dispatch, error, new_dim) = (dispatch.clone(), error.clone(), new_dim.clone());
        let names: Vec<String> = data.dimensions.iter().map(|d| d.name.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            let (name, min, max) = (*new_dim).clone();
            let name = name.trim().to_owned();
            let parse = |t: &str| {
                t.trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .unwrap_or(f64::NAN)
            };
            if name.is_empty() {
                return;
            }
            if names.contains(&name) {
                error.set(Some(StakeholderError::DuplicateDimension { name }));
                return;
            }
            match Scale::new(parse(&min), parse(&max)) {
                Ok(scale) => {
                    dispatch(A::AddDimension(Dimension::new(name, scale)));
                    new_dim.set((String::new(), min, max));
                }
                Err(_) => error.set(Some(StakeholderError::InvalidScale {
                    dimension: name,
                    min: parse(&min),
                    max: parse(&max),
                })),
            }
        })
    };
    let n = data.stakeholders.len();
    let rows = data.stakeholders.iter().enumerate().map(|(i, s)| {
        let on_name = {
            let (dispatch, error, names) = (
                dispatch.clone(),
                error.clone(),
                data.stakeholders
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>(),
            );
            Callback::from(move |e: Event| {
                let value = input_value(&e).trim().to_owned();
                if value.is_empty() {
                    error.set(Some(StakeholderError::EmptyName { row: i + 1 }));
                } else if let Some(j) = names.iter().position(|n| *n == value && n != &names[i]) {
                    error.set(Some(StakeholderError::DuplicateStakeholder {
                        name: value,
                        first_row: j + 1,
                        row: i + 1,
                    }));
                } else {
                    dispatch(A::Edit {
                        index: i,
                        field: StakeholderField::Name,
                        value,
                    });
                }
            })
        };
        let field_cb = |field: StakeholderField| {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                dispatch(A::Edit {
                    index: i,
                    field,
                    value: input_value(&e),
                })
            })
        };
        let cells = data.dimensions.iter().enumerate().map(|(d, dim)| {
            let value = current_index
                .and_then(|r| {
                    data.ratings
                        .iter()
                        .find(|x| x.respondent == r && x.stakeholder == i && x.dimension == d)
                })
                .map(|x| x.value.to_string())
                .unwrap_or_default();
            let onchange = {
                let (dispatch, error) = (dispatch.clone(), error.clone());
                let (scale, dim_name, st_name, current) =
                    (dim.scale.clone(), dim.name.clone(), s.name.clone(), current.clone());
                Callback::from(move |e: Event| {
                    let text = input_value(&e);
                    match scale.parse(&text) {
                        Err(()) => error.set(Some(StakeholderError::NotNumeric {
                            row: i + 1,
                            column: dim_name.clone(),
                            stakeholder: st_name.clone(),
                            dimension: dim_name.clone(),
                            value: text.trim().to_owned(),
                        })),
                        Ok(Some(v)) if !scale.contains(v) => {
                            error.set(Some(StakeholderError::OutOfScale(Box::new(OutOfScale {
                                row: Some(i + 1),
                                column: Some(dim_name.clone()),
                                respondent: Some(current.clone()),
                                stakeholder: st_name.clone(),
                                dimension: dim_name.clone(),
                                value: v,
                                min: scale.min(),
                                max: scale.max(),
                            }))))
                        }
                        Ok(value) => dispatch(A::SetRating {
                            respondent: current.clone(),
                            stakeholder: i,
                            dimension: d,
                            value,
                        }),
                    }
                })
            };
            let label = format!("{} — {} ({}…{})", s.name, dim.name, dim.scale.min(), dim.scale.max());
            html! {
                <td><TextField class="rating" inputmode="decimal" size="3"
                    aria_label={label} value={value} {onchange} /></td>
            }
        });
        let move_cb = |to: usize| {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch(A::Move { from: i, to }))
        };
        let on_delete = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch(A::Remove(i)))
        };
        html! {
            <tr key={s.name.clone()}>
                <th scope="row">{ i + 1 }</th>
                <td><TextField aria_label={format!("{} {}", lang.t(S::Name), i + 1)}
                    value={s.name.clone()} onchange={on_name} /></td>
                <td><TextField size="10" aria_label={format!("{} — {}", lang.t(S::Group), s.name)}
                    value={s.group.clone()} onchange={field_cb(StakeholderField::Group)} /></td>
                <td><TextField size="12" aria_label={format!("{} — {}", lang.t(S::Notes), s.name)}
                    value={s.notes.clone()} onchange={field_cb(StakeholderField::Notes)} /></td>
                { for cells }
                <td class="row-actions">
                    <button type="button" class="icon" disabled={i == 0} onclick={move_cb(i.saturating_sub(1))}
                        aria-label={format!("{} — {}", lang.t(S::MoveUp), s.name)} title={lang.t(S::MoveUp)}>{ "↑" }</button>
                    <button type="button" class="icon" disabled={i + 1 == n} onclick={move_cb(i + 1)}
                        aria-label={format!("{} — {}", lang.t(S::MoveDown), s.name)} title={lang.t(S::MoveDown)}>{ "↓" }</button>
                    <button type="button" class="icon danger" onclick={on_delete}
                        aria-label={format!("{} — {}", lang.t(S::Delete), s.name)} title={lang.t(S::Delete)}>{ "✕" }</button>
                </td>
            </tr>
        }
    });

    html! {
        <div class="card stakeholder-table">
            <h3 id="sh-table-title">{ lang.t(S::TableTitle) }</h3>
            if let Some(e) = error.as_ref() {
                <div class="error" role="alert">
                    <p class="error-text">{ stakeholder_error(lang, e) }</p>
                    <p>{ lang.t(S::KeptPrevious) }</p>
                </div>
            }
            if n > 0 {
                <p class="field-row">
                    <span class="field">
                        <label for="sh-rater">{ lang.t(S::Rater) }</label>
                        <select id="sh-rater" onchange={on_rater}>
                            { for rater_options.iter().map(|r| html! { <option value={r.clone()} selected={*r == current}>{ r }</option> }) }
                        </select>
                    </span>
                    <span class="field">
                        <label for="sh-new-rater">{ lang.t(S::NewRater) }</label>
                        <input id="sh-new-rater" type="text" size="10" onchange={on_new_rater} />
                    </span>
                </p>
                <p class="hint">{ lang.t(S::RaterHint) }</p>
            }
            if n == 0 {
                <p class="hint">{ lang.t(S::TableEmpty) }</p>
            } else {
                <p class="hint">{ lang.t(S::RatingHint) }</p>
                <div class="table-scroll">
                    <table class="data-table" aria-labelledby="sh-table-title">
                        <thead><tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ lang.t(S::Name) }</th>
                            <th scope="col">{ lang.t(S::Group) }</th>
                            <th scope="col">{ lang.t(S::Notes) }</th>
                            { for data.dimensions.iter().enumerate().map(|(d, dim)| {
                                let dispatch = dispatch.clone();
                                let question = lang.t(S::ConfirmDeleteDimension).replace("{}", &dim.name);
                                let onclick = Callback::from(move |_: MouseEvent| {
                                    if confirm(&question) {
                                        dispatch(A::RemoveDimension(d))
                                    }
                                });
                                html! { <th scope="col">{ &dim.name }
                                    <button type="button" class="icon danger small" {onclick}
                                        aria-label={format!("{} — {}", lang.t(S::DeleteDimension), dim.name)}
                                        title={lang.t(S::DeleteDimension)}>{ "✕" }</button>
                                </th> }
                            }) }
                            <th scope="col">{ lang.t(S::Actions) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <fieldset class="field-row add-dimension">
                <legend>{ lang.t(S::AddDimension) }</legend>
                <span class="field">
                    <label for="sh-new-dim">{ lang.t(S::Dimension) }</label>
                    <input id="sh-new-dim" type="text" size="12" value={new_dim.0.clone()} oninput={on_dim_field(0)} />
                </span>
                <span class="field">
                    <label for="sh-new-dim-min">{ lang.t(S::ScaleMin) }</label>
                    <input id="sh-new-dim-min" type="text" size="4" value={new_dim.1.clone()} oninput={on_dim_field(1)} />
                </span>
                <span class="field">
                    <label for="sh-new-dim-max">{ lang.t(S::ScaleMax) }</label>
                    <input id="sh-new-dim-max" type="text" size="4" value={new_dim.2.clone()} oninput={on_dim_field(2)} />
                </span>
                <button type="button" class="secondary" onclick={on_add_dim}>{ lang.t(S::AddDimension) }</button>
            </fieldset>
            <p class="button-row">
                <button type="button" onclick={on_add}>{ lang.t(S::AddStakeholder) }</button>
                if n > 0 {
                    <button type="button" class="secondary" onclick={on_clear}>{ lang.t(S::ClearAll) }</button>
                }
            </p>
        </div>
    }
}
