//! Per column: type, count, missing, min, max, mean.

use yew::prelude::*;

use crate::analysis::data::ColumnSummary as ColumnSummaryData;
use crate::app::i18n::{Lang, Text, column_kind};
use crate::app::importer::AppContext;
use crate::app::state::Shared;

/// Props of [`ColumnSummary`].
#[derive(Properties, PartialEq)]
pub struct ColumnSummaryProps {
    /// The summary of every column of the loaded table.
    pub summaries: Shared<Vec<ColumnSummaryData>>,
}

/// Numbers shown to users: 3 decimals, trailing zeros dropped.
pub fn format_number(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    if s == "-0" { "0".to_owned() } else { s }
}

fn cell(lang: Lang, x: Option<f64>) -> String {
    x.map(format_number)
        .unwrap_or_else(|| lang.t(Text::NoValue).to_owned())
}

/// The column summary table.
#[component(ColumnSummary)]
pub fn column_summary(props: &ColumnSummaryProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    html! {
        <section class="card column-summary" aria-labelledby="columns-title">
            <h3 id="columns-title">{ lang.t(Text::ColumnsTitle) }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="columns-title">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t(Text::ColName) }</th>
                            <th scope="col">{ lang.t(Text::ColType) }</th>
                            <th scope="col" class="num">{ lang.t(Text::ColCount) }</th>
                            <th scope="col" class="num">{ lang.t(Text::ColMissing) }</th>
                            <th scope="col" class="num">{ lang.t(Text::ColMin) }</th>
                            <th scope="col" class="num">{ lang.t(Text::ColMax) }</th>
                            <th scope="col" class="num">{ lang.t(Text::ColMean) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.summaries.iter().map(|s| html! {
                            <tr>
                                <th scope="row">{ s.name.clone() }</th>
                                <td>{ column_kind(lang, s.kind) }</td>
                                <td class="num">{ s.count }</td>
                                <td class={classes!("num", (s.missing > 0).then_some("has-missing"))}>{ s.missing }</td>
                                <td class="num">{ cell(lang, s.min) }</td>
                                <td class="num">{ cell(lang, s.max) }</td>
                                <td class="num">{ cell(lang, s.mean) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
