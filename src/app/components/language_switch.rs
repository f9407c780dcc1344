//! English / 简体中文: a labelled select; the choice is remembered.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::importer::AppContext;
use crate::app::state::Action;

/// The language switch.
#[component(LanguageSwitch)]
pub fn language_switch() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_code(&value) {
                ctx.dispatch(Action::SetLang(lang));
            }
        })
    };
    html! {
        <div class="language-switch">
            <label for="language">{ lang.t(Text::LanguageLabel) }</label>
            <select id="language" {onchange}>
                { for Lang::ALL.into_iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={l == lang}>{ l.native_name() }</option>
                }) }
            </select>
        </div>
    }
}
