//! A section that is not built yet says so, and nothing more.

use yew::prelude::*;

use crate::app::i18n::Text;
use crate::app::importer::AppContext;

/// Props of [`NotAvailable`].
#[derive(Properties, PartialEq)]
pub struct NotAvailableProps {
    /// The section's name.
    pub title: AttrValue,
    /// What is missing, in the user's language.
    pub text: AttrValue,
}

/// A plain "not available yet" section.
#[component(NotAvailable)]
pub fn not_available(props: &NotAvailableProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    html! {
        <section class="section" aria-labelledby="section-title">
            <h2 id="section-title">{ props.title.clone() }</h2>
            <div class="notice" role="status">
                <h3>{ ctx.lang.t(Text::NotAvailableTitle) }</h3>
                <p>{ props.text.clone() }</p>
            </div>
        </section>
    }
}
