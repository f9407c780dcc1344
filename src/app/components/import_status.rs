//! Progress of a running import.

use yew::prelude::*;

use crate::app::i18n::{Text, progress};
use crate::app::importer::{self, AppContext};
use crate::app::state::ImportStatus;

/// The progress bar, while an import runs.
#[component(ImportStatusView)]
pub fn import_status_view() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let cancel = html! {
        <button type="button" class="secondary" onclick={
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| importer::cancel(&ctx))
        }>{ lang.t(Text::Cancel) }</button>
    };
    match ctx.status {
        ImportStatus::Idle => Html::default(),
        ImportStatus::Reading => html! {
            <div class="import-status" role="status">
                <label for="import-progress">{ lang.t(Text::Reading) }</label>
                <div class="progress-row">
                    <progress id="import-progress" aria-label={lang.t(Text::ImportProgressLabel)}></progress>
                    { cancel }
                </div>
            </div>
        },
        ImportStatus::Parsing(fraction) => html! {
            <div class="import-status" role="status">
                <label for="import-progress">{ progress(lang, fraction) }</label>
                <div class="progress-row">
                <progress id="import-progress" aria-label={lang.t(Text::ImportProgressLabel)}
                    max="1" value={format!("{fraction:.3}")}></progress>
                    { cancel }
                </div>
            </div>
        },
    }
}
