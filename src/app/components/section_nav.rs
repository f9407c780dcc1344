//! Navigation between the sections: links to `#data`, `#stakeholders`, …,
//! the current one marked with `aria-current="page"`.

use yew::prelude::*;

use crate::app::i18n::{Lang, Text};
use crate::app::importer::AppContext;
use crate::app::state::{Action, Section};

fn label(lang: Lang, section: Section) -> &'static str {
    lang.t(match section {
        Section::Data => Text::SectionData,
        Section::Stakeholders => Text::SectionStakeholders,
        Section::Fsqca => Text::SectionFsqca,
        Section::Report => Text::SectionReport,
    })
}

/// The section navigation.
#[component(SectionNav)]
pub fn section_nav() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! {
        <nav class="section-nav" aria-label={lang.t(Text::SectionsLabel)}>
            <ul>
                { for Section::ALL.into_iter().map(|section| {
                    let current = section == ctx.section;
                    let onclick = {
                        let ctx = ctx.clone();
                        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Show(section)))
                    };
                    html! {
                        <li>
                            <a href={format!("#{}", section.fragment())}
                               class={classes!(current.then_some("current"))}
                               aria-current={current.then_some("page")}
                               {onclick}>
                                { label(lang, section) }
                            </a>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
