//! The Report section: one click makes a self-contained HTML report of the
//! current analysis ([`super::report_html::report_html`]) — its
//! minimization runs in the web worker, with progress, so the page stays
//! responsive; another downloads the R script that repeats the fsQCA with
//! the R package QCA.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::report_html::{report_html, report_tables, script_error};
use crate::analysis::project::Project;
use crate::analysis::project::{RScriptOptions, r_script};
use crate::app::i18n::Lang;
use crate::app::i18n::Text;
use crate::app::i18n::fsqca::{failure_text, progress_text};
use crate::app::i18n::persist::PersistText;
use crate::app::importer::AppContext;
use crate::app::persist::{display_name, download, file_stem};
use crate::app::worker::{Outcome, Reply, Task, request_for, run_once, write_workbook};

/// Runs the project's minimization in the worker (`on_progress` gets its
/// progress as text); `Err` says why there are no solutions.
pub async fn minimize_in_worker(
    project: &Project,
    lang: Lang,
    on_progress: Callback<String>,
) -> Result<Outcome, String> {
    let tt = project.truth_table().map_err(|e| e.to_string())?;
    let request = request_for(project, &tt).map_err(|f| failure_text(lang, &f))?;
    let progress = on_progress.reform(move |reply: Reply| match reply {
        Reply::Progress { step, count, .. } => progress_text(lang, Some((step, count))),
        _ => progress_text(lang, None),
    });
    match run_once(Task::Minimize(request), None, progress).await {
        Ok((Reply::Done { outcome, .. }, _)) => Ok(*outcome),
        Ok(_) => Err("unexpected reply from the worker".to_owned()),
        Err(e) => Err(format!("{} {e}", lang.t(PersistText::ReportFailed))),
    }
}

/// Runs the minimization for `project` (when it has an fsQCA) with its
/// progress in `busy`.
async fn minimized_for(
    project: &Project,
    lang: Lang,
    busy: &UseStateHandle<Option<String>>,
) -> Result<Outcome, String> {
    let ready = project.qca.outcome.is_some() && !project.qca.conditions.is_empty();
    if !ready {
        return Err(String::new());
    }
    let progress = {
        let busy = busy.clone();
        Callback::from(move |p: String| {
            busy.set(Some(format!(
                "{} {p}",
                lang.t(PersistText::PreparingReport)
            )));
        })
    };
    minimize_in_worker(project, lang, progress).await
}

/// The section.
#[component(ReportSection)]
pub fn report_section() -> Html {
    let error = use_state(|| None::<String>);
    let busy = use_state(|| None::<String>);
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onreport = {
        let (ctx, busy) = (ctx.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            let project = ctx.to_saved_project();
            let lang = ctx.lang;
            let busy = busy.clone();
            busy.set(Some(lang.t(PersistText::PreparingReport).to_owned()));
            spawn_local(async move {
                let minimized = minimized_for(&project, lang, &busy).await;
                let now = String::from(
                    js_sys::Date::new_0()
                        .to_locale_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED),
                );
                let html = report_html(&project, lang, &now, &minimized);
                let name = format!("{} report.html", file_stem(&display_name(&project)));
                download(&name, "text/html;charset=utf-8", html.as_bytes());
                busy.set(None);
            });
        })
    };
    let onxlsx = {
        let (ctx, busy, error) = (ctx.clone(), busy.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let project = ctx.to_saved_project();
            let lang = ctx.lang;
            let (busy, error) = (busy.clone(), error.clone());
            busy.set(Some(lang.t(PersistText::PreparingReport).to_owned()));
            spawn_local(async move {
                let minimized = minimized_for(&project, lang, &busy).await;
                let sheets = report_tables(&project, lang, &minimized);
                match write_workbook(sheets).await {
                    Ok(bytes) => {
                        error.set(None);
                        let name = format!("{} tables.xlsx", file_stem(&display_name(&project)));
                        download(
                            &name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            &bytes,
                        );
                    }
                    Err(e) => error.set(Some(format!("{} {e}", lang.t(PersistText::XlsxFailed)))),
                }
                busy.set(None);
            });
        })
    };
    let onscript = {
        let (ctx, error) = (ctx.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            let project = ctx.to_saved_project();
            match r_script(&project, &RScriptOptions::default()) {
                Ok(script) => {
                    error.set(None);
                    let name = format!("{}.R", file_stem(&display_name(&project)));
                    download(&name, "text/plain;charset=utf-8", script.as_bytes());
                }
                Err(e) => error.set(Some(script_error(ctx.lang, &e))),
            }
        })
    };
    let has_data = ctx.loaded.is_some();
    html! {
        <section class="section report-section" aria-labelledby="report-title">
            <h2 id="report-title">{ lang.t(Text::SectionReport) }</h2>
            if !has_data {
                <p class="hint">{ lang.t(PersistText::NothingToReport) }</p>
            }
            <div class="card">
                <p>{ lang.t(PersistText::ReportIntro) }</p>
                <button type="button" onclick={onreport} disabled={!has_data || busy.is_some()}>
                    { lang.t(PersistText::MakeReport) }</button>
            </div>
            <div class="card">
                <p>{ lang.t(PersistText::XlsxIntro) }</p>
                <button type="button" onclick={onxlsx} disabled={!has_data || busy.is_some()}>
                    { lang.t(PersistText::DownloadXlsx) }</button>
            </div>
            if let Some(status) = &*busy {
                <p class="hint" role="status">{ status.clone() }</p>
            }
            <div class="card">
                <p>{ lang.t(PersistText::RIntro) }</p>
                <button type="button" onclick={onscript} disabled={!has_data}>
                    { lang.t(PersistText::DownloadR) }</button>
            </div>
            if let Some(e) = &*error {
                <p class="error" role="alert">{ e.clone() }</p>
            }
            <p class="hint">{ lang.t(PersistText::OfflineNote) }</p>
        </section>
    }
}
