//! The bundled examples, each with what it is; the made-up ones say so.

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::importer::{self, AppContext};
use crate::app::state::Example;

fn texts(lang: Lang, example: Example) -> (&'static str, &'static str) {
    let (title, note) = match example {
        Example::CountyAlliances => (Text::ExampleAlliances, Text::ExampleAlliancesNote),
        Example::StakeholderRatings => (Text::ExampleStakeholders, Text::ExampleStakeholdersNote),
        Example::Lipset => (Text::ExampleLipset, Text::ExampleLipsetNote),
    };
    (lang.t(title), lang.t(note))
}

/// The examples menu.
#[component(ExamplesMenu)]
pub fn examples_menu() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! {
        <div class="card examples">
            <h3 id="examples-title">{ lang.t(Text::ExamplesTitle) }</h3>
            <ul aria-labelledby="examples-title">
                { for Example::ALL.into_iter().map(|example| {
                    let (title, note) = texts(lang, example);
                    let onclick = {
                        let ctx = ctx.clone();
                        Callback::from(move |_: MouseEvent| importer::open_example(&ctx, example))
                    };
                    let id = format!("example-{}", example.file_name().trim_end_matches(".csv"));
                    html! {
                        <li class="example">
                            <div>
                                <strong id={id.clone()}>{ title }</strong>
                                if example.is_illustrative() {
                                    <span class="badge">{ lang.t(Text::Illustrative) }</span>
                                }
                                <p class="hint">{ note }</p>
                            </div>
                            <button type="button" aria-describedby={id} aria-label={format!("{} {}", lang.t(Text::LoadExample), title)} {onclick}>
                                { lang.t(Text::LoadExample) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
