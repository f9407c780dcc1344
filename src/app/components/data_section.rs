//! The Data section: bring a table in (file, drop, paste, example), choose
//! how it is read, see its columns and a preview.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::case_column_picker::CaseColumnPicker;
use super::column_summary::ColumnSummary;
use super::error_message::ErrorMessage;
use super::examples_menu::ExamplesMenu;
use super::import_options::ImportOptionsForm;
use super::import_status::ImportStatusView;
use super::paste_box::PasteBox;
use super::preview_grid::PreviewGrid;
use super::table_info::TableInfo;
use crate::app::i18n::Text;
use crate::app::importer::{self, AppContext};
use crate::app::state::ImportStatus;

/// File types offered by the file picker.
const ACCEPT: &str = ".csv,.tsv,.txt,.tab,.xlsx,.xlsm,.xls,.ods,text/csv,text/tab-separated-values";

/// The Data section.
#[component(DataSection)]
pub fn data_section() -> Html {
    let ctx = use_context::<AppContext>();
    let info = use_node_ref();
    {
        // Bring a newly loaded table into view.
        let info = info.clone();
        let table = ctx
            .as_ref()
            .and_then(|c| c.loaded.as_ref().map(|l| l.imported.clone()));
        use_effect_with(table, move |table| {
            if table.is_some()
                && let Some(el) = info.cast::<web_sys::Element>()
            {
                el.scroll_into_view();
            }
        });
    }
    // Hooks first (same order on every render), then the context check.
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                importer::open_file(&ctx, file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };

    html! {
        <section class="section data-section" aria-labelledby="section-title"
            aria-busy={(ctx.status != ImportStatus::Idle).then_some("true")}>
            <h2 id="section-title">{ lang.t(Text::SectionData) }</h2>
            <div class="import-grid">
                <div class="card">
                    <h3>{ lang.t(Text::BringData) }</h3>
                    <div class="field">
                        // The native input is kept (keyboard, screen readers,
                        // tests) but drawn as a drop area in the page's language.
                        <input id="file-input" class="visually-hidden" type="file" accept={ACCEPT}
                            aria-describedby="file-hint" {onchange} />
                        <label for="file-input" class="file-drop">
                            <span class="file-button">{ lang.t(Text::OpenFile) }</span>
                            <span class="drop-hint">{ lang.t(Text::DropHere) }</span>
                        </label>
                        <p id="file-hint" class="hint">{ lang.t(Text::FileHint) }</p>
                    </div>
                    <PasteBox />
                </div>
                <ExamplesMenu />
            </div>
            <ImportOptionsForm />
            <ImportStatusView />
            <ErrorMessage />
            if let Some(loaded) = ctx.loaded.clone() {
                <div ref={info} class="loaded-anchor"></div>
                <TableInfo loaded={loaded.clone()} />
                <CaseColumnPicker table={loaded.imported.clone()} selected={loaded.case_column} />
                <ColumnSummary summaries={loaded.summaries.clone()} />
                <PreviewGrid table={loaded.imported.clone()} case_column={loaded.case_column} />
            } else {
                <p class="empty-state">{ lang.t(Text::NoDataYet) }</p>
            }
        </section>
    }
}
