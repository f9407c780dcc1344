//! How the latest file is read: the text encoding (detected, or chosen by
//! the user) and, for workbooks, the sheet. Changing either imports the
//! file again; the table loaded so far stays until the new one is ready.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::i18n::{ENCODINGS, Text, encoding_name};
use crate::app::importer::{self, AppContext};
use crate::app::state::{ImportChoices, Origin};

/// The import options form.
#[component(ImportOptionsForm)]
pub fn import_options_form() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    // The encoding applies to the latest text input (also one that failed to
    // decode); pasted text is already decoded.
    let text_input = ctx
        .input
        .clone()
        .filter(|i| i.origin != Origin::Pasted && !i.bytes.is_empty());
    let workbook = ctx.loaded.clone().filter(|l| !l.imported.sheets.is_empty());
    if text_input.is_none() && workbook.is_none() {
        return Html::default();
    }
    // No encoding choice for the workbook that is the latest input.
    let show_encoding = workbook
        .as_ref()
        .is_none_or(|w| Some(&w.input) != ctx.input.as_ref())
        && text_input.is_some();
    let detected = ctx
        .loaded
        .as_ref()
        .filter(|l| Some(&l.input) == ctx.input.as_ref())
        .and_then(|l| l.imported.encoding);

    let on_encoding = {
        let ctx = ctx.clone();
        let input = text_input.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(input) = input.clone() {
                let choices = ImportChoices {
                    encoding: (!value.is_empty()).then_some(value),
                    sheet: None,
                };
                importer::import_input(&ctx, input, choices);
            }
        })
    };
    let on_sheet = {
        let ctx = ctx.clone();
        let workbook = workbook.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(loaded) = workbook.clone() {
                let choices = ImportChoices {
                    encoding: None,
                    sheet: Some(value),
                };
                importer::import_input(&ctx, loaded.input, choices);
            }
        })
    };
    let chosen = ctx.choices.encoding.clone().unwrap_or_default();
    let auto = match detected {
        Some(name) if ctx.choices.encoding.is_none() => {
            format!("{} ({})", lang.t(Text::EncodingAuto), name.to_uppercase())
        }
        _ => lang.t(Text::EncodingAuto).to_owned(),
    };

    html! {
        <fieldset class="import-options">
            <legend>{ lang.t(Text::ImportOptions) }</legend>
            if show_encoding {
                <div class="field inline">
                    <label for="encoding">{ lang.t(Text::EncodingLabel) }</label>
                    <select id="encoding" onchange={on_encoding}>
                        <option value="" selected={chosen.is_empty()}>{ auto }</option>
                        { for ENCODINGS.iter().map(|(label, _, _)| html! {
                            <option value={*label} selected={chosen == *label}>{ encoding_name(lang, label) }</option>
                        }) }
                    </select>
                </div>
            }
            if let Some(loaded) = workbook {
                <div class="field inline">
                    <label for="sheet">{ lang.t(Text::SheetLabel) }</label>
                    <select id="sheet" onchange={on_sheet}>
                        { for loaded.imported.sheets.iter().map(|name| html! {
                            <option value={name.clone()} selected={loaded.imported.sheet.as_ref() == Some(name)}>{ name.clone() }</option>
                        }) }
                    </select>
                </div>
            }
        </fieldset>
    }
}
