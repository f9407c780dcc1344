//! The Report section.

use yew::prelude::*;

use super::not_available::NotAvailable;
use crate::app::i18n::Text;
use crate::app::importer::AppContext;

/// The section (not built yet: says so).
#[component(ReportSection)]
pub fn report_section() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! { <NotAvailable title={lang.t(Text::SectionReport)} text={lang.t(Text::NotAvailableReport)} /> }
}
