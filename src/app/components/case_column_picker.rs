//! Which column names the cases.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::analysis::data::Imported;
use crate::app::i18n::Text;
use crate::app::importer::AppContext;
use crate::app::state::{Action, Shared};

/// Props of [`CaseColumnPicker`].
#[derive(Properties, PartialEq)]
pub struct CaseColumnPickerProps {
    /// The loaded table.
    pub table: Shared<Imported>,
    /// The column chosen now.
    pub selected: Option<usize>,
}

/// A select of the columns, plus "none".
#[component(CaseColumnPicker)]
pub fn case_column_picker(props: &CaseColumnPickerProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onchange = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            ctx.dispatch(Action::SetCaseColumn(value.parse::<usize>().ok()));
        })
    };
    html! {
        <div class="field inline case-column">
            <label for="case-column">{ lang.t(Text::CaseColumnLabel) }</label>
            <select id="case-column" {onchange}>
                <option value="" selected={props.selected.is_none()}>{ lang.t(Text::CaseColumnNone) }</option>
                { for props.table.dataset.columns.iter().enumerate().map(|(i, c)| html! {
                    <option value={i.to_string()} selected={props.selected == Some(i)}>{ c.name.clone() }</option>
                }) }
            </select>
        </div>
    }
}
