//! The project bar under the header: the project's name, whether it is
//! saved, the list of saved projects, project files, the share link, and
//! messages about them. It also runs the autosave: every change of the
//! project, table, case column or language is saved once restored.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::components::text_field::TextField;
use crate::app::i18n::persist::{self as text, PersistText};
use crate::app::importer::AppContext;
use crate::app::persist;
use crate::app::state::Action;
use crate::app::state::persist::{PersistAction, PersistMessage, SaveStatus};

/// The project bar.
#[component(ProjectBar)]
pub fn project_bar() -> Html {
    let ctx = use_context::<AppContext>();

    // Autosave: after every change that a project holds (settings, table,
    // case column, language, id), once the saved work was restored.
    {
        let key = ctx.as_ref().map(|c| {
            (
                c.project.clone(),
                c.loaded.clone(),
                c.lang,
                c.persist.current.clone(),
                c.persist.ready,
            )
        });
        let ctx = ctx.clone();
        use_effect_with(key, move |key| {
            if let (Some(ctx), Some((_, _, _, _, true))) = (ctx, key) {
                persist::attach_waiting_data(&ctx.dispatcher(), &ctx);
                persist::autosave(ctx.dispatcher(), &ctx);
            }
        });
    }

    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let dispatch = |a: PersistAction| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Persist(a.clone())))
    };
    let onrename = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            ctx.dispatch(Action::Persist(PersistAction::Rename(input.value())));
        })
    };
    let onsave = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| persist::save_file(&ctx.dispatcher(), &ctx))
    };
    let onopen = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                persist::open_file(ctx.dispatcher(), file);
            }
            input.set_value("");
        })
    };
    let onlink = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| persist::copy_link(ctx.dispatcher(), &ctx))
    };
    let onnew = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| persist::new_project(&ctx.dispatcher()))
    };

    let storage_ok = !matches!(
        ctx.persist.message,
        Some(PersistMessage::StorageUnavailable(_))
    );
    // What the status says: storage unavailable, or where the autosave
    // stands; `data-saved` is "true" only once the write completed (tests
    // wait for it before reloading).
    let (status_text, saved) = match (storage_ok, ctx.persist.save) {
        (false, _) => (PersistText::NotSaved, false),
        (true, SaveStatus::Saved) => (PersistText::SavedHere, true),
        (true, SaveStatus::Saving) => (PersistText::Saving, false),
        (true, SaveStatus::Failed) => (PersistText::SaveFailedStatus, false),
    };
    let name = ctx.project.name.clone();
    let placeholder = ctx.loaded.as_ref().map_or_else(
        || lang.t(PersistText::Untitled).to_owned(),
        |l| l.imported.dataset.name.clone(),
    );

    let list = ctx.persist.list_open.then(|| {
        let entries = ctx.persist.index.projects.iter().rev().map(|entry| {
            let current = entry.id == ctx.persist.current;
            let shown = if entry.name.is_empty() {
                lang.t(PersistText::Untitled).to_owned()
            } else {
                entry.name.clone()
            };
            let when = String::from(
                js_sys::Date::new(&entry.saved_at.into())
                    .to_locale_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED),
            );
            let open = {
                let (ctx, id) = (ctx.clone(), entry.id.clone());
                Callback::from(move |_: MouseEvent| {
                    persist::switch_to(ctx.dispatcher(), id.clone())
                })
            };
            let rename = {
                let (ctx, id, old) = (ctx.clone(), entry.id.clone(), entry.name.clone());
                Callback::from(move |_: MouseEvent| {
                    let window = gloo::utils::window();
                    if let Ok(Some(new)) = window.prompt_with_message_and_default(
                        ctx.lang.t(PersistText::RenamePrompt),
                        &old,
                    ) {
                        let new = new.trim().to_owned();
                        if id == ctx.persist.current {
                            ctx.dispatch(Action::Persist(PersistAction::Rename(new)));
                        } else {
                            persist::rename(ctx.dispatcher(), id.clone(), new);
                        }
                    }
                })
            };
            let delete = {
                let (ctx, id) = (ctx.clone(), entry.id.clone());
                Callback::from(move |_: MouseEvent| {
                    let window = gloo::utils::window();
                    if window
                        .confirm_with_message(ctx.lang.t(PersistText::DeleteConfirm))
                        .unwrap_or(false)
                    {
                        persist::delete(ctx.dispatcher(), id.clone());
                        if id == ctx.persist.current {
                            persist::new_project(&ctx.dispatcher());
                        }
                    }
                })
            };
            html! {
                <li class={classes!("persist-entry", current.then_some("current"))}>
                    <span class="persist-entry-name">{ shown.clone() }</span>
                    if current { <span class="badge">{ lang.t(PersistText::Current) }</span> }
                    <span class="hint">{ text::saved_at(lang, &when) }</span>
                    <span class="persist-entry-actions">
                        if !current {
                            <button type="button" class="secondary" onclick={open}
                                aria-label={format!("{} {shown}", lang.t(PersistText::Open))}>
                                { lang.t(PersistText::Open) }</button>
                        }
                        <button type="button" class="secondary" onclick={rename}
                            aria-label={format!("{} {shown}", lang.t(PersistText::Rename))}>
                            { lang.t(PersistText::Rename) }</button>
                        <button type="button" class="secondary" onclick={delete}
                            aria-label={format!("{} {shown}", lang.t(PersistText::Delete))}>
                            { lang.t(PersistText::Delete) }</button>
                    </span>
                </li>
            }
        });
        html! {
            <div id="persist-list" class="persist-list">
                <h2 id="persist-list-title">{ lang.t(PersistText::ProjectsTitle) }</h2>
                if ctx.persist.index.projects.is_empty() {
                    <p class="hint">{ lang.t(PersistText::NoProjects) }</p>
                } else {
                    <ul aria-labelledby="persist-list-title">{ for entries }</ul>
                }
                <button type="button" onclick={onnew}>{ lang.t(PersistText::NewProject) }</button>
            </div>
        }
    });

    let message = ctx.persist.message.as_ref().map(|m| {
        let problem = text::is_problem(m);
        html! {
            <div class={classes!("persist-message", problem.then_some("error"))}
                role={if problem { "alert" } else { "status" }}>
                <p>{ text::message(lang, m) }</p>
                <button type="button" class="secondary" onclick={dispatch(PersistAction::Dismiss)}>
                    { lang.t(PersistText::Dismiss) }</button>
            </div>
        }
    });
    let waiting = ctx.persist.waiting_for_data.as_ref().map(|d| {
        html! {
            <p class="persist-waiting" role="status">
                { text::waiting_for_data(lang, &d.name, d.rows, d.columns.len()) }
            </p>
        }
    });
    let link = ctx.persist.link.as_ref().map(|url| {
        let onfocus = Callback::from(|e: FocusEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                input.select();
            }
        });
        html! {
            <div class="persist-link">
                <label for="share-link">{ lang.t(PersistText::LinkLabel) }</label>
                <input id="share-link" type="text" readonly=true value={url.clone()} {onfocus} />
            </div>
        }
    });

    html! {
        <section class="persist-bar" aria-label={lang.t(PersistText::BarLabel)}>
            <div class="persist-row">
                <label for="project-name">{ lang.t(PersistText::ProjectName) }</label>
                <TextField id="project-name" value={name} placeholder={placeholder}
                    onchange={onrename} />
                <span class="persist-status hint" data-saved={saved.to_string()}>
                    { lang.t(status_text) }
                </span>
                <button type="button" class="secondary" aria-expanded={ctx.persist.list_open.to_string()}
                    aria-controls="persist-list" onclick={dispatch(PersistAction::ToggleList)}>
                    { format!("{} ({})", lang.t(PersistText::Projects), ctx.persist.index.projects.len()) }
                </button>
                <button type="button" class="secondary" onclick={onsave}>{ lang.t(PersistText::SaveFile) }</button>
                <input id="project-file" class="visually-hidden" type="file"
                    accept=".json,application/json" onchange={onopen} />
                <label for="project-file" class="button secondary">{ lang.t(PersistText::OpenFile) }</label>
                <button type="button" class="secondary" onclick={onlink}
                    aria-describedby="link-limit">{ lang.t(PersistText::CopyLink) }</button>
            </div>
            <p id="link-limit" class="hint persist-limit">{ lang.t(PersistText::LinkLimit) }</p>
            { for link }
            { for waiting }
            { for message }
            { for list }
        </section>
    }
}
