//! The page header: the app's name, what it does, and the language switch.

use yew::prelude::*;

use super::language_switch::LanguageSwitch;
use crate::app::i18n::Text;
use crate::app::importer::AppContext;

/// The page header.
#[component(Header)]
pub fn header() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! {
        <header class="header">
            <a class="skip-link" href="#main">{ lang.t(Text::SkipToContent) }</a>
            <div class="brand">
                <h1 class="app-name">{ lang.t(Text::AppName) }</h1>
                <p class="tagline">{ lang.t(Text::Tagline) }</p>
            </div>
            <LanguageSwitch />
        </header>
    }
}
