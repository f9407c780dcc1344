//! The root: owns the reducer, shares it, lays out header, navigation and
//! the section on screen, and accepts files dropped anywhere on the page.

use gloo::events::EventListener;
use yew::prelude::*;

use super::data_section::DataSection;
use super::fsqca_section::FsqcaSection;
use super::header::Header;
use super::persist_bar::ProjectBar;
use super::report_section::ReportSection;
use super::section_nav::SectionNav;
use super::stakeholders_section::StakeholdersSection;
use crate::app::browser;
use crate::app::i18n::Text;
use crate::app::importer::{self, AppContext};
use crate::app::persist;
use crate::app::state::{Action, AppState, Section};

/// The root component.
#[component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState {
        lang: browser::initial_lang(),
        section: Section::from_fragment(&browser::location_hash()).unwrap_or_default(),
        ..AppState::default()
    });
    let dragging = use_state(|| false);

    // Mark the first render for the benchmark (scripts/bench-browser.mjs).
    use_effect_with((), |_| browser::mark_first_render());

    // Restore the saved work (or open the share link in the address), and
    // keep the bundle for offline use.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            persist::start(dispatcher);
            persist::register_service_worker();
        });
    }

    // Remember the language and tell the document.
    use_effect_with(state.lang, |lang| browser::apply_lang(*lang));

    // Back / forward and typed fragments switch sections.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if let Some(section) = Section::from_fragment(&browser::location_hash()) {
                    dispatcher.dispatch(Action::Show(section));
                } else {
                    persist::open_link_in_address(&dispatcher);
                }
            });
            move || drop(listener)
        });
    }

    // `dragenter`/`dragleave` fire for every child element crossed: count
    // them, so the overlay stays until the pointer leaves the page.
    let depth = use_mut_ref(|| 0i32);
    let ondragenter = {
        let (dragging, depth) = (dragging.clone(), depth.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            *depth.borrow_mut() += 1;
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondragleave = {
        let (dragging, depth) = (dragging.clone(), depth.clone());
        Callback::from(move |_: DragEvent| {
            let mut d = depth.borrow_mut();
            *d = (*d - 1).max(0);
            if *d == 0 {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dragging, depth) = (dragging.clone(), depth.clone());
        let ctx: AppContext = state.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            *depth.borrow_mut() = 0;
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                ctx.dispatch(Action::Show(Section::Data));
                importer::open_file(&ctx, file);
            }
        })
    };

    let lang = state.lang;
    let body = match state.section {
        Section::Data => html! { <DataSection /> },
        Section::Stakeholders => html! { <StakeholdersSection /> },
        Section::Fsqca => html! { <FsqcaSection /> },
        Section::Report => html! { <ReportSection /> },
    };

    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class={classes!("app", dragging.then_some("dragging"))} {ondragenter} {ondragover} {ondragleave} {ondrop}>
                <Header />
                <ProjectBar />
                <SectionNav />
                <main id="main" class="main" tabindex="-1">
                    { body }
                </main>
                <footer class="footer"><p>{ lang.t(Text::PrivacyNote) }</p></footer>
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true">
                        <p>{ lang.t(Text::DropActive) }</p>
                    </div>
                }
            </div>
        </ContextProvider<AppContext>>
    }
}
