//! The Report section: one click makes a self-contained HTML report of the
//! current analysis ([`super::report_html::report_html`]); another
//! downloads the R script that repeats the fsQCA with the R package QCA.

use yew::prelude::*;

use super::report_html::{report_html, script_error};
use crate::analysis::project::{RScriptOptions, r_script};
use crate::app::i18n::Text;
use crate::app::i18n::persist::PersistText;
use crate::app::importer::AppContext;
use crate::app::persist::{display_name, download, file_stem};

/// The section.
#[component(ReportSection)]
pub fn report_section() -> Html {
    let error = use_state(|| None::<String>);
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onreport = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let project = ctx.to_saved_project();
            let now = String::from(
                js_sys::Date::new_0()
                    .to_locale_string(ctx.lang.code(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            let html = report_html(&project, ctx.lang, &now);
            let name = format!("{} report.html", file_stem(&display_name(&project)));
            download(&name, "text/html;charset=utf-8", html.as_bytes());
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
                <button type="button" onclick={onreport} disabled={!has_data}>
                    { lang.t(PersistText::MakeReport) }</button>
            </div>
            <div class="card">
                <p>{ lang.t(PersistText::RIntro) }</p>
                <button type="button" onclick={onscript} disabled={!has_data}>
                    { lang.t(PersistText::DownloadR) }</button>
                if let Some(e) = &*error {
                    <p class="error" role="alert">{ e.clone() }</p>
                }
            </div>
            <p class="hint">{ lang.t(PersistText::OfflineNote) }</p>
        </section>
    }
}
