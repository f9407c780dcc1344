//! A text input that keeps what the user is typing.
//!
//! A plain `<input value={…} onchange={…}>` is reset by yew to the
//! committed value whenever its component re-renders for another reason
//! (an autosave finishing, a worker result, an import's progress) — so
//! text typed but not yet committed (the `change` event comes on Enter or
//! when the field loses focus) could vanish. This field holds the typed
//! text as a draft until the `change` event, and shows the committed
//! value again afterwards (so a rejected value falls back to the old one).

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`TextField`]: the attributes of the `<input>` it draws.
#[derive(Properties, PartialEq, Clone)]
pub struct TextFieldProps {
    /// The committed value.
    pub value: AttrValue,
    /// Called with the native `change` event (its target is the input).
    pub onchange: Callback<Event>,
    /// The element id (for `<label for>`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// CSS classes.
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// The input type (`text` unless given).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    /// The `inputmode` hint (`decimal`, `numeric`…).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    /// The `size` attribute.
    #[prop_or_default]
    pub size: Option<AttrValue>,
    /// The `step` attribute (number inputs).
    #[prop_or_default]
    pub step: Option<AttrValue>,
    /// The accessible name, when no `<label for>` names it.
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// Placeholder text.
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Whether the field is disabled.
    #[prop_or_default]
    pub disabled: bool,
}

/// A text `<input>` whose typed text survives re-renders until committed.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    // The draft and the committed value it was typed over: a draft typed
    // over a value that has since been replaced (a project opened) is
    // dropped.
    let draft = use_state(|| None::<(AttrValue, String)>);
    let oninput = {
        let draft = draft.clone();
        let base = props.value.clone();
        Callback::from(move |e: InputEvent| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            draft.set(Some((base.clone(), input.value())));
        })
    };
    let onchange = {
        let draft = draft.clone();
        let parent = props.onchange.clone();
        Callback::from(move |e: Event| {
            draft.set(None);
            parent.emit(e);
        })
    };
    let value = match &*draft {
        Some((base, text)) if *base == props.value => AttrValue::from(text.clone()),
        _ => props.value.clone(),
    };
    html! {
        <input id={props.id.clone()} class={props.class.clone()} type={props.kind.clone()}
            inputmode={props.inputmode.clone()} size={props.size.clone()} step={props.step.clone()}
            aria-label={props.aria_label.clone()} placeholder={props.placeholder.clone()}
            disabled={props.disabled} {value} {oninput} {onchange} />
    }
}
