//! The yew application (browser only).
use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! { <main><h1>{ "PolicyLens" }</h1></main> }
}
