//! The Stakeholders section.

use yew::prelude::*;

use super::not_available::NotAvailable;
use crate::app::i18n::Text;
use crate::app::importer::AppContext;

/// The section (not built yet: says so).
#[component(StakeholdersSection)]
pub fn stakeholders_section() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! { <NotAvailable title={lang.t(Text::SectionStakeholders)} text={lang.t(Text::NotAvailableStakeholders)} /> }
}
