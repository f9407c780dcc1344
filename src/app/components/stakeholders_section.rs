//! The Stakeholders section: the stakeholder table (typed or imported
//! ratings), the models, and everything derived from them (raters,
//! sensitivity, charts, results). Ratings and settings live in
//! `AppState.project.stakeholder`; results are recomputed from them.

use std::rc::Rc;

use yew::prelude::*;

use super::stakeholder_import::StakeholderImport;
use super::stakeholder_models::StakeholderModels;
use super::stakeholder_results::StakeholderResults;
use super::stakeholder_table::StakeholderTable;
use crate::app::i18n::Text;
use crate::app::i18n::stakeholders::{StakeholderText as S, stakeholder_error};
use crate::app::importer::AppContext;

/// The section.
#[component(StakeholdersSection)]
pub fn stakeholders_section() -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let section = &ctx.project.stakeholder;
    let data = &section.ratings;
    let gaps = data.gaps();
    let derived = if data.stakeholders.is_empty() {
        None
    } else {
        Some(data.aggregate(section.settings.aggregation))
    };
    html! {
        <section class="section stakeholders" aria-labelledby="stakeholders-title">
            <h2 id="stakeholders-title">{ lang.t(Text::SectionStakeholders) }</h2>
            <p class="hint">{ lang.t(S::Intro) }</p>
            <StakeholderImport />
            <StakeholderTable />
            if !data.stakeholders.is_empty() {
                <StakeholderModels />
            }
            { match derived {
                None => Html::default(),
                Some(Err(e)) => html! {
                    <div class="error" role="alert">
                        <h3>{ lang.t(S::NotComputed) }</h3>
                        <p class="error-text">{ stakeholder_error(lang, &e) }</p>
                    </div>
                },
                Some(Ok(agg)) => html! {
                    <>
                        if !agg.unrated.is_empty() {
                            <div class="warning" role="status">
                                <h3>{ lang.t(S::Unrated) }</h3>
                                <ul>{ for agg.unrated.iter().take(30).map(|e| html! { <li>{ stakeholder_error(lang, e) }</li> }) }</ul>
                            </div>
                        }
                        if !gaps.is_empty() {
                            <div class="warning partial-raters" role="status">
                                <h3>{ lang.t(S::PartialRaters) }</h3>
                                <ul>{ for gaps.iter().take(30).map(|e| html! { <li>{ stakeholder_error(lang, e) }</li> }) }</ul>
                                if gaps.len() > 30 {
                                    <p class="hint">{ format!("… {}", gaps.len() - 30) }</p>
                                }
                            </div>
                        }
                        <StakeholderResults aggregated={Rc::new(agg)} />
                    </>
                },
            } }
        </section>
    }
}
