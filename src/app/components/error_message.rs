//! Why the latest import failed, in the user's language; the table loaded
//! before stays loaded.

use yew::prelude::*;

use crate::app::i18n::{Text, data_error, reader_crashed};
use crate::app::importer::AppContext;
use crate::app::state::{Action, ImportFailure, Origin};

/// The error message of the latest import, if it failed.
#[component(ErrorMessage)]
pub fn error_message() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let Some(error) = ctx.error.clone() else {
        return Html::default();
    };
    let message = match &error {
        ImportFailure::Data(e) => data_error(lang, e),
        ImportFailure::Read => lang.t(Text::ReadFailed).to_owned(),
        ImportFailure::ReaderCrashed { file } => reader_crashed(lang, file),
    };
    let source = ctx.input.as_ref().and_then(|i| match &i.origin {
        Origin::File(name) => Some(name.clone()),
        _ => None,
    });
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::DismissError))
    };
    html! {
        <div class="error" role="alert">
            <h3>
                { lang.t(Text::ErrorTitle) }
                if let Some(name) = source { <span class="file-name">{ format!(" — {name}") }</span> }
            </h3>
            <p class="error-text">{ message }</p>
            if ctx.loaded.is_some() {
                <p>{ lang.t(Text::KeptPrevious) }</p>
            }
            <button type="button" class="secondary" {onclick}>{ lang.t(Text::Dismiss) }</button>
        </div>
    }
}
