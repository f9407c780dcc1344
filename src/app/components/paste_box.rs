//! Paste cells copied from Excel: pasting imports at once; typed or edited
//! text is imported with the button.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::i18n::Text;
use crate::app::importer::{self, AppContext};

/// The paste box.
#[component(PasteBox)]
pub fn paste_box() -> Html {
    let area = use_node_ref();
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let onpaste = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::ClipboardEvent>(&e) else {
                return;
            };
            let text = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if !text.trim().is_empty() {
                // Keep the pasted text visible in the box, and import it.
                e.prevent_default();
                let area = e.target_unchecked_into::<HtmlTextAreaElement>();
                area.set_value(&text);
                importer::import_text(&ctx, text);
            }
        })
    };
    let onclick = {
        let ctx = ctx.clone();
        let area = area.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                importer::import_text(&ctx, area.value());
            }
        })
    };
    html! {
        <div class="field paste-box">
            <label for="paste-input">{ lang.t(Text::PasteLabel) }</label>
            <textarea id="paste-input" ref={area} rows="3" spellcheck="false"
                placeholder={lang.t(Text::PastePlaceholder)} {onpaste} />
            <button type="button" class="secondary" {onclick}>{ lang.t(Text::UsePasted) }</button>
        </div>
    }
}
