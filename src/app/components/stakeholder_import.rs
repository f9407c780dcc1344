//! Importing ratings from the table loaded in the Data section, in wide
//! shape (one row per stakeholder — and rater — one column per dimension)
//! or long shape (rater × stakeholder × dimension × rating), with a
//! column → dimension mapping. Cell problems are listed with their row and
//! column; the valid ratings are imported.

use yew::prelude::*;

use crate::analysis::data::Dataset;
use crate::analysis::stakeholder::{
    LongLayout, MergedName, StakeholderError, WideLayout, example_dimensions, read_long, read_wide,
};
use crate::app::components::text_field::TextField;
use crate::app::i18n::Lang;
use crate::app::i18n::stakeholders::{
    StakeholderText as S, imported_summary, merged_name, stakeholder_error,
};
use crate::app::importer::AppContext;
use crate::app::state::Action;
use crate::app::state::stakeholders::StakeholderAction;

/// Shape of the table being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Wide,
    Long,
}

/// The user's column choices (indices into the loaded table).
#[derive(Debug, Clone, PartialEq)]
struct Mapping {
    shape: Shape,
    name: Option<usize>,
    group: Option<usize>,
    respondent: Option<usize>,
    dimension: Option<usize>,
    rating: Option<usize>,
    /// Wide: the column of each standard dimension.
    dims: Vec<Option<usize>>,
    /// Further dimensions chosen by the user: name → scale.
    extra: Vec<Extra>,
}

/// A dimension beyond the standard ones: a wide column or a long
/// dimension value, with the scale the user declares.
#[derive(Debug, Clone, PartialEq)]
struct Extra {
    name: String,
    on: bool,
    min: f64,
    max: f64,
}

/// Candidates for further dimensions: in wide shape the numeric columns
/// not otherwise used, in long shape the values of the dimension column
/// that are not standard dimensions; scales from the observed values.
fn extra_candidates(dataset: &Dataset, m: &Mapping) -> Vec<Extra> {
    let standard: Vec<String> = example_dimensions().into_iter().map(|d| d.name).collect();
    let span = |values: &[f64]| {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi.is_finite() && lo < hi {
            (lo.floor(), hi.ceil())
        } else {
            (1.0, 5.0)
        }
    };
    let mut out = Vec::new();
    match m.shape {
        Shape::Wide => {
            for (i, c) in dataset.columns.iter().enumerate() {
                let used =
                    [m.name, m.group, m.respondent].contains(&Some(i)) || m.dims.contains(&Some(i));
                if used || standard.contains(&c.name) {
                    continue;
                }
                if let crate::analysis::data::ColumnData::Numeric(v) = &c.data {
                    let values: Vec<f64> = v.iter().copied().flatten().collect();
                    let (min, max) = span(&values);
                    out.push(Extra {
                        name: c.name.clone(),
                        on: false,
                        min,
                        max,
                    });
                }
            }
        }
        Shape::Long => {
            let (Some(dc), Some(rc)) = (m.dimension, m.rating) else {
                return out;
            };
            let (Some(dcol), Some(rcol)) = (dataset.columns.get(dc), dataset.columns.get(rc))
            else {
                return out;
            };
            let mut names: Vec<String> = Vec::new();
            for r in 0..dataset.n_rows() {
                if let Some(n) = dcol.data.text(r)
                    && !standard.contains(&n)
                    && !names.contains(&n)
                    && names.len() < 50
                {
                    names.push(n);
                }
            }
            for n in names {
                let values: Vec<f64> = (0..dataset.n_rows())
                    .filter(|&r| dcol.data.text(r).as_deref() == Some(n.as_str()))
                    .filter_map(|r| rcol.data.text(r).and_then(|t| t.trim().parse::<f64>().ok()))
                    .collect();
                let (min, max) = span(&values);
                out.push(Extra {
                    name: n,
                    on: false,
                    min,
                    max,
                });
            }
        }
    }
    out
}

/// The user's choices over the current candidates (kept by name).
fn merged_extra(candidates: Vec<Extra>, chosen: &[Extra]) -> Vec<Extra> {
    candidates
        .into_iter()
        .map(|c| {
            chosen
                .iter()
                .find(|x| x.name == c.name)
                .cloned()
                .unwrap_or(c)
        })
        .collect()
}

fn extra_dimensions(
    extra: &[Extra],
) -> Result<Vec<crate::analysis::stakeholder::Dimension>, StakeholderError> {
    extra
        .iter()
        .filter(|e| e.on)
        .map(|e| {
            crate::analysis::stakeholder::Scale::new(e.min, e.max)
                .map(|s| crate::analysis::stakeholder::Dimension::new(e.name.clone(), s))
        })
        .collect()
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n)
    })
}

/// Guesses the mapping from the column names; the stakeholder column is
/// the one named in the page's language when the table has both (the
/// bundled example names each stakeholder in English and in Chinese).
fn guess(header: &[String], lang: Lang) -> Mapping {
    let dims = example_dimensions();
    let dim_cols: Vec<Option<usize>> = dims
        .iter()
        .map(|d| find(header, &[d.name.as_str()]))
        .collect();
    let dimension = find(header, &["dimension", "维度"]);
    let rating = find(header, &["rating", "score", "value", "评分", "得分"]);
    let shape = if dimension.is_some() && rating.is_some() && dim_cols.iter().all(Option::is_none) {
        Shape::Long
    } else {
        Shape::Wide
    };
    Mapping {
        shape,
        name: match lang {
            Lang::ZhHans => find(header, &["利益相关者", "名称"]),
            Lang::En => None,
        }
        .or_else(|| find(header, &["stakeholder", "name", "利益相关者", "名称"]))
        .or(Some(0)),
        group: find(header, &["group", "类别", "组"]),
        respondent: find(header, &["respondent", "rater", "评分者", "受访者"]),
        dimension,
        rating,
        dims: dim_cols,
        extra: Vec::new(),
    }
}

fn header_and_rows(dataset: &Dataset) -> (Vec<String>, Vec<Vec<String>>) {
    let header = dataset.columns.iter().map(|c| c.name.clone()).collect();
    let rows = (0..dataset.n_rows())
        .map(|r| {
            dataset
                .columns
                .iter()
                .map(|c| c.data.text(r).unwrap_or_default())
                .collect()
        })
        .collect();
    (header, rows)
}

/// What the last import did.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Done {
        stakeholders: usize,
        ratings: usize,
        raters: usize,
        problems: Vec<StakeholderError>,
        merged: Vec<MergedName>,
    },
    Failed(StakeholderError),
}

fn column_select(
    id: &str,
    label: &str,
    header: &[String],
    value: Option<usize>,
    optional: bool,
    lang: Lang,
    onchange: Callback<Option<usize>>,
) -> Html {
    let on = Callback::from(move |e: Event| {
        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            onchange.emit(s.value().parse::<usize>().ok());
        }
    });
    html! {
        <span class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} onchange={on}>
                if optional || value.is_none() {
                    <option value="" selected={value.is_none()}>{ lang.t(S::NotMapped) }</option>
                }
                { for header.iter().enumerate().map(|(i, h)| html! {
                    <option value={i.to_string()} selected={value == Some(i)}>{ h }</option>
                }) }
            </select>
        </span>
    }
}

/// The import panel.
#[component(StakeholderImport)]
pub fn stakeholder_import() -> Html {
    let ctx = use_context::<AppContext>();
    let mapping = use_state(|| None::<(usize, Mapping)>);
    let outcome = use_state(|| None::<Outcome>);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let Some(loaded) = ctx.loaded.as_ref() else {
        return html! {
            <div class="card stakeholder-import">
                <h3>{ lang.t(S::ImportTitle) }</h3>
                <p class="hint">{ lang.t(S::NoTable) }</p>
            </div>
        };
    };
    let dataset = &loaded.imported.dataset;
    let (header, rows) = header_and_rows(dataset);
    // The mapping belongs to the table it was made for (keyed by its size
    // and header): a new table gets a fresh guess.
    let key = header.len() * 1_000_003 + rows.len();
    let current = match mapping.as_ref() {
        Some((k, m)) if *k == key => m.clone(),
        _ => guess(&header, lang),
    };
    let dims = example_dimensions();
    let extra = merged_extra(extra_candidates(dataset, &current), &current.extra);

    let set = |f: fn(&mut Mapping, Option<usize>)| {
        let (mapping, current) = (mapping.clone(), current.clone());
        Callback::from(move |v: Option<usize>| {
            let mut m = current.clone();
            f(&mut m, v);
            mapping.set(Some((key, m)));
        })
    };
    let on_shape = {
        let (mapping, current) = (mapping.clone(), current.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let mut m = current.clone();
                m.shape = if s.value() == "long" {
                    Shape::Long
                } else {
                    Shape::Wide
                };
                mapping.set(Some((key, m)));
            }
        })
    };
    let on_import = {
        let (ctx, outcome, current, header, rows, dims, extra) = (
            ctx.clone(),
            outcome.clone(),
            current.clone(),
            header.clone(),
            rows.clone(),
            dims.clone(),
            extra.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let added = match extra_dimensions(&extra) {
                Ok(d) => d,
                Err(e) => {
                    outcome.set(Some(Outcome::Failed(e)));
                    return;
                }
            };
            let mut dims = dims.clone();
            dims.extend(added);
            let result = match current.shape {
                Shape::Wide => {
                    let mut mapped: Vec<(usize, String)> = current
                        .dims
                        .iter()
                        .zip(&dims)
                        .filter_map(|(c, d)| c.map(|c| (c, d.name.clone())))
                        .collect();
                    mapped.extend(extra.iter().filter(|e| e.on).filter_map(|e| {
                        header
                            .iter()
                            .position(|h| *h == e.name)
                            .map(|c| (c, e.name.clone()))
                    }));
                    let used: Vec<_> = dims
                        .iter()
                        .filter(|d| mapped.iter().any(|(_, n)| *n == d.name))
                        .cloned()
                        .collect();
                    let layout = WideLayout {
                        name: current.name.unwrap_or(0),
                        group: current.group,
                        notes: None,
                        respondent: current.respondent,
                        dimensions: mapped,
                    };
                    read_wide(&header, &rows, &layout, &used)
                }
                Shape::Long => match (
                    current.respondent,
                    current.name,
                    current.dimension,
                    current.rating,
                ) {
                    (Some(respondent), Some(stakeholder), Some(dimension), Some(rating)) => {
                        let layout = LongLayout {
                            respondent,
                            stakeholder,
                            dimension,
                            rating,
                            group: current.group,
                        };
                        read_long(&header, &rows, &layout, &dims, None)
                    }
                    _ => Err(StakeholderError::ColumnOutOfRange {
                        column: header.len(),
                        width: header.len(),
                    }),
                },
            };
            match result {
                Ok(import) => {
                    let data = import.data;
                    outcome.set(Some(Outcome::Done {
                        stakeholders: data.stakeholders.len(),
                        ratings: data.ratings.len(),
                        raters: data.respondents.len(),
                        problems: import.problems,
                        merged: import.merged,
                    }));
                    if !data.stakeholders.is_empty() {
                        ctx.dispatch(Action::Stakeholder(StakeholderAction::Replace(Box::new(
                            data,
                        ))));
                    }
                }
                Err(e) => outcome.set(Some(Outcome::Failed(e))),
            }
        })
    };

    let wide = current.shape == Shape::Wide;
    html! {
        <div class="card stakeholder-import">
            <h3 id="sh-import-title">{ lang.t(S::ImportTitle) }</h3>
            <p class="hint">{ lang.t(S::ImportHint) }</p>
            <div class="field-row" role="group" aria-labelledby="sh-import-title">
                <span class="field">
                    <label for="sh-shape">{ lang.t(S::Shape) }</label>
                    <select id="sh-shape" onchange={on_shape}>
                        <option value="wide" selected={wide}>{ lang.t(S::ShapeWide) }</option>
                        <option value="long" selected={!wide}>{ lang.t(S::ShapeLong) }</option>
                    </select>
                </span>
                { column_select("sh-col-name", lang.t(S::ColumnStakeholder), &header, current.name, false, lang, set(|m, v| m.name = v)) }
                { column_select("sh-col-group", lang.t(S::ColumnGroup), &header, current.group, true, lang, set(|m, v| m.group = v)) }
                { column_select("sh-col-respondent", lang.t(S::ColumnRespondent), &header, current.respondent, wide, lang, set(|m, v| m.respondent = v)) }
                if !wide {
                    { column_select("sh-col-dimension", lang.t(S::ColumnDimension), &header, current.dimension, false, lang, set(|m, v| m.dimension = v)) }
                    { column_select("sh-col-rating", lang.t(S::ColumnRating), &header, current.rating, false, lang, set(|m, v| m.rating = v)) }
                }
            </div>
            if wide {
                <fieldset class="field-row">
                    <legend>{ lang.t(S::DimensionMapping) }</legend>
                    { for dims.iter().enumerate().map(|(d, dim)| {
                        let (mapping, base) = (mapping.clone(), current.clone());
                        let cb = Callback::from(move |v: Option<usize>| {
                            let mut m = base.clone();
                            if let Some(slot) = m.dims.get_mut(d) { *slot = v; }
                            mapping.set(Some((key, m)));
                        });
                        let label = format!("{} ({}…{})", dim.name, dim.scale.min(), dim.scale.max());
                        column_select(&format!("sh-dim-{d}"), &label, &header, current.dims.get(d).copied().flatten(), true, lang, cb)
                    }) }
                </fieldset>
            }
            if !extra.is_empty() {
                <fieldset class="field-row extra-dims">
                    <legend>{ lang.t(S::ExtraDimensions) }</legend>
                    { for extra.iter().enumerate().map(|(i, e)| {
                        let update = |f: fn(&mut Extra, &str)| {
                            let (mapping, base, all) = (mapping.clone(), current.clone(), extra.clone());
                            Callback::from(move |ev: Event| {
                                let Some(input) = ev.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
                                let value = if input.type_() == "checkbox" {
                                    if input.checked() { "1".to_owned() } else { String::new() }
                                } else {
                                    input.value()
                                };
                                let mut m = base.clone();
                                let mut all = all.clone();
                                if let Some(x) = all.get_mut(i) { f(x, &value); }
                                m.extra = all;
                                mapping.set(Some((key, m)));
                            })
                        };
                        html! {
                            <span class="field custom-term">
                                <label class="check">
                                    <input type="checkbox" checked={e.on} onchange={update(|x, v| x.on = !v.is_empty())} />
                                    { &e.name }
                                </label>
                                <label for={format!("sh-extra-min-{i}")}>{ lang.t(S::ScaleMin) }</label>
                                <TextField id={format!("sh-extra-min-{i}")} size="4" value={e.min.to_string()}
                                    onchange={update(|x, v| if let Ok(n) = v.trim().replace(',', ".").parse::<f64>() { x.min = n })} />
                                <label for={format!("sh-extra-max-{i}")}>{ lang.t(S::ScaleMax) }</label>
                                <TextField id={format!("sh-extra-max-{i}")} size="4" value={e.max.to_string()}
                                    onchange={update(|x, v| if let Ok(n) = v.trim().replace(',', ".").parse::<f64>() { x.max = n })} />
                            </span>
                        }
                    }) }
                </fieldset>
            }
            <p class="button-row">
                <button type="button" onclick={on_import}>{ lang.t(S::ImportButton) }</button>
            </p>
            { match outcome.as_ref() {
                None => Html::default(),
                Some(Outcome::Failed(e)) => html! {
                    <div class="error" role="alert">
                        <p class="error-text">{ stakeholder_error(lang, e) }</p>
                        <p>{ lang.t(S::KeptPrevious) }</p>
                    </div>
                },
                Some(Outcome::Done { stakeholders, ratings, raters, problems, merged }) => html! {
                    <div role="status">
                        <p>{ imported_summary(lang, *stakeholders, *ratings, *raters) }</p>
                        if !merged.is_empty() {
                            <div class="warning merged-names">
                                <h4>{ lang.t(S::MergedNames) }</h4>
                                <ul>
                                    { for merged.iter().take(50).map(|m| html! { <li>{ merged_name(lang, m) }</li> }) }
                                </ul>
                                if merged.len() > 50 {
                                    <p class="hint">{ format!("… {}", merged.len() - 50) }</p>
                                }
                            </div>
                        }
                        if !problems.is_empty() {
                            <div class="error" role="alert">
                                <h4>{ lang.t(S::Problems) }</h4>
                                <ul class="problems">
                                    { for problems.iter().take(50).map(|p| html! { <li>{ stakeholder_error(lang, p) }</li> }) }
                                </ul>
                            </div>
                        }
                    </div>
                },
            } }
        </div>
    }
}
