//! The fsQCA section: choose the sets, calibrate, necessity, truth table,
//! minimize (in a web worker) and the solutions.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::fsqca_calibration::FsqcaCalibration;
use super::fsqca_results::FsqcaResults;
use crate::analysis::data::ColumnData;
use crate::analysis::minimize::Expectation;
use crate::analysis::necessity::{SuperSubsetOptions, necessity_table, super_subset};
use crate::analysis::project::Project;
use crate::analysis::project::ProjectError;
use crate::analysis::truth_table::{Out, TruthTable};
use crate::app::components::text_field::TextField;
use crate::app::i18n::Text;
use crate::app::i18n::fsqca::{FsqcaText as T, failure_text, progress_text, project_error};
use crate::app::importer::AppContext;
use crate::app::state::Action;
use crate::app::state::fsqca::{FsqcaAction, expectation_vector};
use crate::app::worker::{Failure, Minimizer, Outcome, Reply, Request, request_for};

/// Rows of the truth table shown before "show all" (the table of a large
/// data set would slow every change down).
pub const TRUTH_TABLE_ROWS_SHOWN: usize = 64;

/// Threshold from which necessity consistency is highlighted.
pub const NECESSITY_HIGHLIGHT: f64 = 0.9;

/// The state of the minimization run.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Run {
    /// Nothing ran yet.
    #[default]
    Idle,
    /// Running; the text of the latest progress.
    Running {
        /// Run id.
        id: u64,
        /// Latest progress (step, count).
        progress: Option<(crate::app::worker::Step, u64)>,
    },
    /// Finished for this request.
    Done {
        /// The request it answers (to know when it is out of date).
        request: Rc<Request>,
        /// The solutions.
        outcome: Rc<Outcome>,
    },
    /// Stopped by the user.
    Cancelled,
    /// The worker failed.
    Failed(String),
}

fn dispatch(ctx: &AppContext, a: FsqcaAction) {
    ctx.dispatch(Action::Fsqca(a));
}

fn f3(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else {
        format!("{v:.3}")
    }
}

/// The section.
#[component(FsqcaSection)]
pub fn fsqca_section() -> Html {
    let ctx = use_context::<AppContext>();
    let run = use_state(Run::default);
    let minimizer = use_mut_ref(|| None::<Minimizer>);
    let next_id = use_mut_ref(|| 0_u64);
    let superset = use_state(|| false);
    let sort = use_state(|| 0_usize);
    let auto_run = use_state(|| false);
    let show_all = use_state(|| false);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let Some(loaded) = ctx.loaded.clone() else {
        return html! {
            <section class="section fsqca" aria-labelledby="fsqca-title">
                <h2 id="fsqca-title">{ lang.t(Text::SectionFsqca) }</h2>
                <p>{ lang.t(T::NeedData) }</p>
            </section>
        };
    };
    {
        let c = ctx.clone();
        use_effect_with(loaded.imported.clone(), move |imported| {
            let names = imported
                .dataset
                .columns
                .iter()
                .map(|col| col.name.clone())
                .collect();
            c.dispatch(Action::Fsqca(FsqcaAction::KeepColumns(names)));
        });
    }
    // Derived values are memoized on the settings and the table, so that a
    // progress message of the worker re-renders cheaply.
    let project_rc: Rc<Project> = {
        let c = ctx.clone();
        use_memo(
            (
                ctx.project.clone(),
                loaded.imported.clone(),
                loaded.case_column,
            ),
            move |_| c.to_project(),
        )
    };
    let project: &Project = &project_rc;
    let Some(dataset) = project.data.clone() else {
        return Html::default();
    };
    let cases = dataset.case_names();
    let numeric: Vec<String> = dataset
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| Some(*i) != loaded.case_column && matches!(c.data, ColumnData::Numeric(_)))
        .map(|(_, c)| c.name.clone())
        .collect();
    let qca = &project.qca;
    let outcome = qca.outcome.clone();

    // 1. Sets.
    let on_outcome = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch(&ctx, FsqcaAction::SetOutcome((!v.is_empty()).then_some(v)));
        })
    };
    let sets_html = html! {
        <section class="fsqca-step" aria-labelledby="fsqca-sets">
            <h3 id="fsqca-sets">{ lang.t(T::StepSets) }</h3>
            <div class="field inline">
                <label for="fsqca-outcome">{ lang.t(T::Outcome) }</label>
                <select id="fsqca-outcome" onchange={on_outcome}>
                    <option value="" selected={outcome.is_none()}>{ lang.t(T::ChooseOutcome) }</option>
                    { for numeric.iter().map(|n| html! {
                        <option value={n.clone()} selected={outcome.as_ref() == Some(n)}>{ n.clone() }</option>
                    }) }
                </select>
            </div>
            <fieldset class="fsqca-conditions">
                <legend>{ lang.t(T::Conditions) }</legend>
                { for numeric.iter().filter(|n| outcome.as_ref() != Some(*n)).map(|n| {
                    let checked = qca.conditions.contains(n);
                    let ctx = ctx.clone();
                    let name = n.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        dispatch(&ctx, FsqcaAction::SetCondition(name.clone(), on));
                    });
                    html! { <label class="check"><input type="checkbox" {checked} {onchange} />{ n.clone() }</label> }
                }) }
            </fieldset>
        </section>
    };

    // 2. Calibration.
    let selected: Vec<String> = outcome
        .iter()
        .chain(qca.conditions.iter())
        .cloned()
        .collect();
    let raw_of = |name: &str| -> Vec<f64> {
        dataset
            .numeric(name)
            .map(|v| v.into_iter().map(|x| x.unwrap_or(f64::NAN)).collect())
            .unwrap_or_default()
    };
    let memberships: Vec<(String, Result<Vec<f64>, _>)> = selected
        .iter()
        .map(|n| (n.clone(), project.memberships(n)))
        .collect();
    let calibrated_csv = {
        let mut s = String::from("case");
        for (n, _) in &memberships {
            s.push(',');
            s.push_str(&csv_field(n));
        }
        s.push('\n');
        for (i, c) in cases.iter().enumerate() {
            s.push_str(&csv_field(c));
            for (_, m) in &memberships {
                s.push(',');
                if let Ok(v) = m
                    && let Some(x) = v.get(i)
                    && !x.is_nan()
                {
                    s.push_str(&format!("{x}"));
                }
            }
            s.push('\n');
        }
        s
    };
    let calibration_html = html! {
        <section class="fsqca-step" aria-labelledby="fsqca-cal">
            <h3 id="fsqca-cal">{ lang.t(T::StepCalibrate) }</h3>
            if selected.is_empty() {
                <p>{ lang.t(T::ChooseSetsFirst) }</p>
            } else {
                <p class="hint">{ lang.t(T::CalibrateHint) }</p>
                { for selected.iter().map(|n| html! {
                    <FsqcaCalibration key={format!("{n}#{}", ctx.persist.generation)} name={n.clone()} raw={raw_of(n)} cases={cases.clone()}
                        setting={project.calibration(n).cloned()} as_is_choice={project.qca.crossover_as_is(n)} />
                }) }
                { for memberships.iter().filter_map(|(n, m)| m.as_ref().err().map(|e| html! {
                    <p class="error" role="alert">{ format!("{n}: {}", project_error(lang, e)) }</p>
                })) }
                <DownloadButton label={lang.t(T::DownloadCalibrated)} file="calibrated_sets.csv" text={calibrated_csv} />
            }
        </section>
    };

    // 3. Necessity.
    let ready = outcome.is_some() && !qca.conditions.is_empty();
    let sets_rc = use_memo(project_rc.clone(), |p| {
        let cols: Option<Vec<Vec<f64>>> = p
            .qca
            .conditions
            .iter()
            .map(|c| p.memberships(c).ok())
            .collect();
        let y = p.qca.outcome.as_ref().and_then(|o| p.memberships(o).ok());
        (cols, y)
    });
    let (cols, y) = &*sets_rc;
    let necessity_html = match (cols, y) {
        (Some(cols), Some(y)) if ready => {
            let refs: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
            let table = |neg: bool| {
                let caption = if neg {
                    format!(
                        "{} ~{}",
                        lang.t(T::NecessityFor),
                        outcome.clone().unwrap_or_default()
                    )
                } else {
                    format!(
                        "{} {}",
                        lang.t(T::NecessityFor),
                        outcome.clone().unwrap_or_default()
                    )
                };
                match necessity_table(&qca.conditions, &refs, y, neg) {
                    Ok(rows) => {
                        let csv = std::iter::once("set,inclN,RoN,covN".to_string())
                            .chain(rows.iter().map(|r| {
                                format!(
                                    "{},{},{},{}",
                                    csv_field(&r.set),
                                    r.fit.incl_n,
                                    r.fit.ron,
                                    r.fit.cov_n
                                )
                            }))
                            .collect::<Vec<_>>()
                            .join("\n");
                        html! {
                            <div class="fsqca-table-wrap">
                            <table class="fsqca-table">
                                <caption>{ caption }</caption>
                                <thead><tr><th scope="col">{ lang.t(T::Set) }</th><th scope="col">{"inclN"}</th><th scope="col">{"RoN"}</th><th scope="col">{"covN"}</th></tr></thead>
                                <tbody>
                                { for rows.iter().map(|r| html! {
                                    <tr class={classes!((r.fit.incl_n >= NECESSITY_HIGHLIGHT).then_some("high"))}>
                                        <th scope="row">{ r.set.clone() }</th>
                                        <td>{ f3(r.fit.incl_n) }</td><td>{ f3(r.fit.ron) }</td><td>{ f3(r.fit.cov_n) }</td>
                                    </tr>
                                }) }
                                </tbody>
                            </table>
                            <DownloadButton label={lang.t(T::Csv)} file={if neg {"necessity_negated.csv"} else {"necessity.csv"}} text={csv} />
                            </div>
                        }
                    }
                    Err(e) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
                }
            };
            let superset_html = if *superset {
                let opts = SuperSubsetOptions {
                    incl_cut: NECESSITY_HIGHLIGHT,
                    cov_cut: 0.6,
                    negate_outcome: qca.truth_table.negate_outcome,
                    ..SuperSubsetOptions::default()
                };
                match super_subset(&qca.conditions, &refs, y, &opts) {
                    Ok(rows) if rows.is_empty() => html! { <p>{ lang.t(T::NoSuperset) }</p> },
                    Ok(rows) => html! {
                        <table class="fsqca-table">
                            <caption>{ lang.t(T::SupersetCaption) }</caption>
                            <thead><tr><th scope="col">{ lang.t(T::Expression) }</th><th scope="col">{"inclN"}</th><th scope="col">{"RoN"}</th><th scope="col">{"covN"}</th></tr></thead>
                            <tbody>{ for rows.iter().take(50).map(|r| html! {
                                <tr><th scope="row">{ r.expression.clone() }</th><td>{ f3(r.fit.incl_n) }</td><td>{ f3(r.fit.ron) }</td><td>{ f3(r.fit.cov_n) }</td></tr>
                            }) }</tbody>
                        </table>
                    },
                    Err(e) => html! { <p class="error" role="alert">{ e.to_string() }</p> },
                }
            } else {
                let superset = superset.clone();
                html! { <button type="button" onclick={Callback::from(move |_| superset.set(true))}>{ lang.t(T::SupersetSearch) }</button> }
            };
            html! { <>{ table(false) }{ table(true) }{ superset_html }</> }
        }
        _ => html! { <p>{ lang.t(T::ChooseSetsFirst) }</p> },
    };
    let necessity_html = html! {
        <section class="fsqca-step" aria-labelledby="fsqca-nec">
            <h3 id="fsqca-nec">{ lang.t(T::StepNecessity) }</h3>
            <p class="hint">{ lang.t(T::NecessityHint) }</p>
            { necessity_html }
        </section>
    };

    // 4. Truth table.
    let derived = use_memo(project_rc.clone(), |p| {
        let ready = p.qca.outcome.is_some() && !p.qca.conditions.is_empty();
        let tt: Option<Result<TruthTable, ProjectError>> = ready.then(|| p.truth_table());
        let request: Option<Result<Request, Failure>> = match &tt {
            Some(Ok(t)) => Some(request_for(p, t)),
            _ => None,
        };
        (tt, request)
    });
    let (tt, request) = &*derived;
    let opts = &qca.truth_table;
    let num_input = |id: &'static str,
                     label: &'static str,
                     value: String,
                     f: fn(&str) -> Option<FsqcaAction>| {
        let ctx = ctx.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(a) = f(&v) {
                dispatch(&ctx, a);
            }
        });
        html! {
            <span class="field inline">
                <label for={id}>{ label }</label>
                <TextField {id} kind="number" step="0.01" size="6" {value} {onchange} />
            </span>
        }
    };
    let thresholds = html! {
        <div class="fsqca-thresholds">
            { num_input("tt-incl", lang.t(T::InclCut), opts.incl_cut.to_string(), |v| v.trim().parse().ok().map(FsqcaAction::SetInclCut)) }
            { num_input("tt-incl0", lang.t(T::InclCut0), opts.incl_cut0.map(|v| v.to_string()).unwrap_or_default(),
                |v| Some(FsqcaAction::SetInclCut0(v.trim().parse().ok()))) }
            { num_input("tt-n", lang.t(T::NCut), opts.n_cut.to_string(), |v| v.trim().parse().ok().map(FsqcaAction::SetNCut)) }
            { num_input("tt-pri", lang.t(T::PriCut), opts.pri_cut.to_string(), |v| v.trim().parse().ok().map(FsqcaAction::SetPriCut)) }
            <label class="check">
                <input type="checkbox" checked={opts.negate_outcome} onchange={{
                    let ctx = ctx.clone();
                    Callback::from(move |e: Event| dispatch(&ctx, FsqcaAction::SetNegateOutcome(e.target_unchecked_into::<HtmlInputElement>().checked())))
                }} />
                { lang.t(T::NegateOutcome) }
            </label>
            <label class="check">
                <input type="checkbox" checked={opts.complete} onchange={{
                    let ctx = ctx.clone();
                    Callback::from(move |e: Event| dispatch(&ctx, FsqcaAction::SetComplete(e.target_unchecked_into::<HtmlInputElement>().checked())))
                }} />
                { lang.t(T::ShowRemainders) }
            </label>
        </div>
    };
    let tt_body = {
        let c = ctx.clone();
        let sort_state = sort.clone();
        let all_state = show_all.clone();
        use_memo(
            (derived.clone(), *sort, lang, *show_all),
            move |(d, sort, lang, all)| match &d.0 {
                None => html! { <p>{ lang.t(T::ChooseSetsFirst) }</p> },
                Some(Err(e)) => {
                    html! { <p class="error" role="alert">{ project_error(*lang, e) }</p> }
                }
                Some(Ok(t)) => truth_table_html(&c, t, (*sort, &sort_state), (*all, &all_state)),
            },
        )
    };
    let tt_body = (*tt_body).clone();
    let tt_html = html! {
        <section class="fsqca-step" aria-labelledby="fsqca-tt">
            <h3 id="fsqca-tt">{ lang.t(T::StepTruthTable) }</h3>
            { thresholds }
            { tt_body }
        </section>
    };

    // 5. Minimize.
    let k = qca.conditions.len();
    let expectations = expectation_vector(&qca.minimize.directional_expectations, k);
    let request: Option<Result<Request, String>> = request
        .as_ref()
        .map(|r| r.clone().map_err(|f| failure_text(lang, &f)));
    let running = matches!(*run, Run::Running { .. });
    let on_run = {
        let run = run.clone();
        let minimizer = minimizer.clone();
        let next_id = next_id.clone();
        let request = request.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(mut req)) = request.clone() else {
                return;
            };
            let id = {
                let mut n = next_id.borrow_mut();
                *n += 1;
                *n
            };
            req.id = id;
            let req = Rc::new(req);
            start(&run, &minimizer, req, id);
        })
    };
    let on_cancel = {
        let run = run.clone();
        let minimizer = minimizer.clone();
        Callback::from(move |_: MouseEvent| {
            minimizer.borrow_mut().take();
            run.set(Run::Cancelled);
        })
    };
    {
        // Runs once more after the negated-outcome button changed the settings.
        let run = run.clone();
        let minimizer = minimizer.clone();
        let next_id = next_id.clone();
        let auto = auto_run.clone();
        use_effect_with((*auto_run, request.clone()), move |(on, request)| {
            if *on && let Some(Ok(req)) = request.clone() {
                auto.set(false);
                let id = {
                    let mut n = next_id.borrow_mut();
                    *n += 1;
                    *n
                };
                start(&run, &minimizer, Rc::new(Request { id, ..req }), id);
            } else if *on && request.is_some() {
                auto.set(false);
            }
        });
    }
    let negated = qca.truth_table.negate_outcome;
    let on_negate = {
        let ctx = ctx.clone();
        let auto_run = auto_run.clone();
        let minimizer = minimizer.clone();
        Callback::from(move |_: MouseEvent| {
            minimizer.borrow_mut().take();
            dispatch(&ctx, FsqcaAction::SetNegateOutcome(!negated));
            auto_run.set(true);
        })
    };
    let expectation_html = html! {
        <fieldset class="fsqca-expectations">
            <legend>{ lang.t(T::Expectations) }</legend>
            { for qca.conditions.iter().enumerate().map(|(i, c)| {
                let ctx = ctx.clone();
                let onchange = Callback::from(move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    let x = match v.as_str() { "1" => Expectation::Present, "0" => Expectation::Absent, _ => Expectation::Either };
                    dispatch(&ctx, FsqcaAction::SetExpectation(i, x));
                });
                let cur = expectations.get(i).copied().unwrap_or(Expectation::Either);
                let id = format!("dir-{i}");
                html! {
                    <span class="field inline">
                        <label for={id.clone()}>{ c.clone() }</label>
                        <select {id} {onchange}>
                            <option value="-" selected={cur == Expectation::Either}>{ lang.t(T::Either) }</option>
                            <option value="1" selected={cur == Expectation::Present}>{ lang.t(T::Present) }</option>
                            <option value="0" selected={cur == Expectation::Absent}>{ lang.t(T::Absent) }</option>
                        </select>
                    </span>
                }
            }) }
            <label class="check">
                <input type="checkbox" checked={qca.minimize.include_contradictions} onchange={{
                    let ctx = ctx.clone();
                    Callback::from(move |e: Event| dispatch(&ctx, FsqcaAction::SetIncludeContradictions(e.target_unchecked_into::<HtmlInputElement>().checked())))
                }} />
                { lang.t(T::IncludeContradictions) }
            </label>
        </fieldset>
    };
    let status = match &*run {
        Run::Idle => Html::default(),
        Run::Running { progress, .. } => html! {
            <p role="status" class="fsqca-progress"><progress></progress>{ " " }{ progress_text(lang, *progress) }</p>
        },
        Run::Cancelled => html! { <p role="status">{ lang.t(T::Cancelled) }</p> },
        Run::Failed(e) => {
            html! { <p class="error" role="alert">{ format!("{}: {e}", lang.t(T::WorkerFailed)) }</p> }
        }
        Run::Done { request: r, .. } => {
            let stale = match &request {
                Some(Ok(now)) => {
                    now.problem != r.problem
                        || now.expectations != r.expectations
                        || now.options != r.options
                }
                _ => true,
            };
            if stale {
                html! { <p class="warning" role="status">{ lang.t(T::Stale) }</p> }
            } else {
                Html::default()
            }
        }
    };
    let minimize_html = html! {
        <section class="fsqca-step" aria-labelledby="fsqca-min">
            <h3 id="fsqca-min">{ lang.t(T::StepMinimize) }</h3>
            if k > 0 { { expectation_html } }
            if let Some(Err(e)) = &request {
                <p class="error" role="alert">{ e.clone() }</p>
            }
            <div class="fsqca-run">
                <button type="button" class="primary" onclick={on_run} disabled={running || !matches!(request, Some(Ok(_)))}>{ lang.t(T::Minimize) }</button>
                if running {
                    <button type="button" onclick={on_cancel}>{ lang.t(T::Cancel) }</button>
                }
                <button type="button" onclick={on_negate} disabled={running || request.is_none()}>
                    { if negated { format!("{} ({})", lang.t(T::AnalysePositive), outcome.clone().unwrap_or_default()) }
                      else { format!("{} (~{})", lang.t(T::AnalyseNegated), outcome.clone().unwrap_or_default()) } }
                </button>
            </div>
            { status }
        </section>
    };

    // 6. Results.
    let results_html = match (&*run, &tt, &cols, &y) {
        (Run::Done { outcome: o, .. }, Some(Ok(t)), Some(cols), Some(y)) => html! {
            <FsqcaResults outcome={o.clone()} table={Rc::new(t.clone())} columns={Rc::new(cols.clone())} y={Rc::new(y.clone())}
                cases={Rc::new(cases.clone())} outcome_name={outcome.clone().unwrap_or_default()} negated={qca.truth_table.negate_outcome} />
        },
        _ => Html::default(),
    };

    html! {
        <section class="section fsqca" aria-labelledby="fsqca-title">
            <h2 id="fsqca-title">{ lang.t(Text::SectionFsqca) }</h2>
            { sets_html }
            { calibration_html }
            { necessity_html }
            { tt_html }
            { minimize_html }
            { results_html }
        </section>
    }
}

/// Starts a worker on `req` and routes its replies into `run`.
fn start(
    run: &UseStateHandle<Run>,
    minimizer: &Rc<RefCell<Option<Minimizer>>>,
    req: Rc<Request>,
    id: u64,
) {
    run.set(Run::Running { id, progress: None });
    let on_reply = {
        let run = run.clone();
        let req = req.clone();
        let minimizer = minimizer.clone();
        Callback::from(move |reply: Reply| match reply {
            Reply::Progress {
                id: rid,
                step,
                count,
            } if rid == id => {
                run.set(Run::Running {
                    id,
                    progress: Some((step, count)),
                });
            }
            Reply::Done { id: rid, outcome } if rid == id => {
                run.set(Run::Done {
                    request: req.clone(),
                    outcome: Rc::new(*outcome),
                });
                minimizer.borrow_mut().take();
            }
            _ => {}
        })
    };
    let on_error = {
        let run = run.clone();
        Callback::from(move |e: String| run.set(Run::Failed(e)))
    };
    match Minimizer::start(&req, on_reply, on_error) {
        Ok(m) => *minimizer.borrow_mut() = Some(m),
        Err(e) => run.set(Run::Failed(e)),
    }
}

/// Quotes a CSV field when needed.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn out_code(o: Out) -> &'static str {
    o.code()
}

/// The truth table: sortable by column, OUT editable, remainders excludable.
fn truth_table_html(
    ctx: &AppContext,
    t: &TruthTable,
    (sort, sort_state): (usize, &UseStateHandle<usize>),
    (show_all, all_state): (bool, &UseStateHandle<bool>),
) -> Html {
    let lang = ctx.lang;
    let mut rows: Vec<&crate::analysis::truth_table::Row> = t.rows.iter().collect();
    match sort {
        1 => rows.sort_by(|a, b| b.incl.total_cmp(&a.incl)),
        2 => rows.sort_by_key(|r| std::cmp::Reverse(r.n)),
        3 => rows.sort_by(|a, b| b.pri.total_cmp(&a.pri)),
        _ => {}
    }
    let header = |label: &'static str, key: usize| {
        let s = sort_state.clone();
        let aria = if sort == key { "descending" } else { "none" };
        html! { <th scope="col" aria-sort={aria}><button type="button" class="link" onclick={Callback::from(move |_| s.set(key))}>{ label }</button></th> }
    };
    let csv = {
        let mut s = String::from("row");
        for c in &t.conditions {
            s.push(',');
            s.push_str(&csv_field(c));
        }
        s.push_str(",OUT,n,incl,PRI,cases\n");
        for r in &t.rows {
            s.push_str(&r.number().to_string());
            for v in &r.config {
                s.push_str(&format!(",{v}"));
            }
            s.push_str(&format!(
                ",{},{},{},{},{}\n",
                r.out.code(),
                r.n,
                r.incl,
                r.pri,
                csv_field(&r.cases.join(";"))
            ));
        }
        s
    };
    let observed = t.rows.iter().filter(|r| r.is_observed()).count();
    let total = rows.len();
    if !show_all {
        rows.truncate(TRUTH_TABLE_ROWS_SHOWN);
    }
    let more = if total > rows.len() {
        let all_state = all_state.clone();
        html! {
            <button type="button" onclick={Callback::from(move |_| all_state.set(true))}>
                { crate::app::i18n::fsqca::show_all_rows(lang, rows.len(), total) }
            </button>
        }
    } else {
        Html::default()
    };
    html! {
        <>
        if !t.ambiguous_cases.is_empty() {
            <p class="warning" role="status">{ crate::app::i18n::fsqca::ambiguous_cases(lang, &t.ambiguous_cases.iter().map(|a| a.name.clone()).collect::<Vec<_>>()) }</p>
        }
        <p class="hint">{ crate::app::i18n::fsqca::tt_summary(lang, observed, t.numbers_with(Out::One).len()) }</p>
        <div class="fsqca-table-wrap">
        <table class="fsqca-table truth-table">
            <caption>{ lang.t(T::TruthTableCaption) }</caption>
            <thead><tr>
                { header(lang.t(T::Row), 0) }
                { for t.conditions.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                <th scope="col">{"OUT"}</th>
                { header("n", 2) }
                { header("incl", 1) }
                { header("PRI", 3) }
                <th scope="col" class="cases">{ lang.t(T::Cases) }</th>
                <th scope="col">{ lang.t(T::Exclude) }</th>
            </tr></thead>
            <tbody>
            { for rows.iter().map(|r| {
                let number = r.number();
                let ctx1 = ctx.clone();
                let on_out = Callback::from(move |e: Event| {
                    let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                    let o = match v.as_str() { "1" => Some(Out::One), "0" => Some(Out::Zero), "C" => Some(Out::Contradiction), _ => None };
                    dispatch(&ctx1, FsqcaAction::SetOut(number, o));
                });
                let ctx2 = ctx.clone();
                let on_excl = Callback::from(move |e: Event| {
                    dispatch(&ctx2, FsqcaAction::SetExcluded(number, e.target_unchecked_into::<HtmlInputElement>().checked()));
                });
                let cls = match r.out { Out::One => "out-1", Out::Zero => "out-0", Out::Contradiction => "out-c", Out::Remainder => "out-r" };
                html! {
                    <tr class={cls}>
                        <th scope="row">{ number }</th>
                        { for r.config.iter().map(|v| html! { <td>{ v }</td> }) }
                        <td>
                            if r.is_observed() {
                                <select aria-label={format!("OUT {number}")} onchange={on_out}>
                                    <option value="auto" selected={!r.overridden}>{ format!("{} ({})", lang.t(T::Auto), out_code(r.out_if_kept)) }</option>
                                    <option value="1" selected={r.overridden && r.out == Out::One}>{"1"}</option>
                                    <option value="0" selected={r.overridden && r.out == Out::Zero}>{"0"}</option>
                                    <option value="C" selected={r.overridden && r.out == Out::Contradiction}>{"C"}</option>
                                </select>
                            } else {
                                { out_code(r.out) }
                            }
                        </td>
                        <td>{ r.n }</td>
                        <td>{ f3(r.incl) }</td>
                        <td>{ f3(r.pri) }</td>
                        <td class="cases">{ r.cases.join(", ") }</td>
                        <td>
                            if !r.is_observed() || r.excluded {
                                <input type="checkbox" aria-label={format!("{} {number}", lang.t(T::Exclude))} checked={r.excluded} onchange={on_excl} />
                            }
                        </td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
        { more }
        <DownloadButton label={lang.t(T::Csv)} file="truth_table.csv" text={csv} />
        <details class="fsqca-chart-details">
            <summary>{ lang.t(T::HeatMap) }</summary>
            { {
                let h = super::fsqca_charts::heatmap(lang, t);
                let height = h.preferred_height(720);
                html! { <super::chart_view::ChartView chart={super::chart_view::ChartRef::new(h)} file_name="truth_table_heatmap"
                    label={lang.t(T::HeatMap)} width={720} height={height} /> }
            } }
        </details>
        </>
    }
}

/// Props of [`DownloadButton`].
#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    /// Button text.
    pub label: AttrValue,
    /// File name.
    pub file: AttrValue,
    /// The text to save.
    pub text: AttrValue,
}

/// Saves text as a file (CSV) when clicked.
#[component(DownloadButton)]
pub fn download_button(props: &DownloadButtonProps) -> Html {
    let onclick = {
        let file = props.file.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| save_text(&file, &text))
    };
    html! { <button type="button" class="download" {onclick}>{ props.label.clone() }</button> }
}

/// Downloads text as a UTF-8 CSV file (with a BOM so that spreadsheets
/// read Chinese), through the shared download helper.
pub fn save_text(file: &str, text: &str) {
    let body = format!("\u{feff}{text}");
    let _ = crate::app::download::download_text(file, crate::app::download::CSV_MIME, &body);
}
