//! The preview grid. Only the rows in view (plus a margin) are in the DOM;
//! two spacer rows give the scroll area the height of the whole table, so
//! 200,000 rows scroll as smoothly as 20.

use web_sys::Element;
use yew::prelude::*;

use crate::analysis::data::{ColumnKind, Imported};
use crate::app::i18n::Text;
use crate::app::importer::AppContext;
use crate::app::state::Shared;

/// Height of one row in CSS pixels (the stylesheet sets the same).
const ROW_HEIGHT: usize = 28;
/// Height of the scroll area in CSS pixels.
const VIEWPORT_HEIGHT: usize = 420;
/// Rows drawn above and below the visible ones.
const OVERSCAN: usize = 8;

/// Props of [`PreviewGrid`].
#[derive(Properties, PartialEq)]
pub struct PreviewGridProps {
    /// The loaded table.
    pub table: Shared<Imported>,
    /// The column that names the cases, highlighted.
    pub case_column: Option<usize>,
}

/// Which rows to draw when the first visible row is `first`:
/// `start..end`, clamped to the table.
pub fn window(first: usize, n_rows: usize) -> (usize, usize) {
    let start = first.saturating_sub(OVERSCAN).min(n_rows);
    let end = (first + VIEWPORT_HEIGHT / ROW_HEIGHT + 1 + OVERSCAN).min(n_rows);
    (start, end)
}

/// The virtual-scrolling preview of the loaded table.
#[component(PreviewGrid)]
pub fn preview_grid(props: &PreviewGridProps) -> Html {
    let first = use_state(|| 0usize);
    let viewport = use_node_ref();
    {
        // A new table starts at its top.
        let first = first.clone();
        let viewport = viewport.clone();
        use_effect_with(props.table.clone(), move |_| {
            if let Some(el) = viewport.cast::<Element>() {
                el.set_scroll_top(0);
            }
            first.set(0);
        });
    }
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let dataset = &props.table.dataset;
    let n_rows = dataset.n_rows();
    let onscroll = {
        let first = first.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<Element>();
            let row = usize::try_from(el.scroll_top()).unwrap_or(0) / ROW_HEIGHT;
            if row != *first {
                first.set(row);
            }
        })
    };
    let (start, end) = window(*first, n_rows);
    // Short tables get a short scroll area: header, rows, border.
    let height = VIEWPORT_HEIGHT.min((n_rows + 1) * ROW_HEIGHT + 2);
    let top = start * ROW_HEIGHT;
    let bottom = (n_rows - end) * ROW_HEIGHT;

    html! {
        <section class="card preview" aria-labelledby="preview-title">
            <h3 id="preview-title">{ lang.t(Text::PreviewTitle) }</h3>
            <p class="hint">{ lang.t(Text::PreviewHint) }</p>
            <div class="grid-viewport" ref={viewport} tabindex="0" role="region"
                aria-labelledby="preview-title" style={format!("height: {height}px")} {onscroll}>
                <table class="grid" aria-labelledby="preview-title"
                    aria-rowcount={(n_rows + 1).to_string()} aria-colcount={(dataset.n_columns() + 1).to_string()}>
                    <thead>
                        <tr aria-rowindex="1">
                            <th scope="col" class="row-number">{ lang.t(Text::RowNumber) }</th>
                            { for dataset.columns.iter().enumerate().map(|(i, c)| html! {
                                <th scope="col" class={classes!(
                                    (props.case_column == Some(i)).then_some("case"),
                                    (c.data.kind() == ColumnKind::Numeric).then_some("num"),
                                )}>{ c.name.clone() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        if top > 0 {
                            <tr class="spacer" aria-hidden="true" style={format!("height: {top}px")}></tr>
                        }
                        { for (start..end).map(|row| html! {
                            <tr key={row} aria-rowindex={(row + 2).to_string()}>
                                <th scope="row" class="row-number">{ row + 1 }</th>
                                { for dataset.columns.iter().enumerate().map(|(i, c)| {
                                    let class = classes!(
                                        (props.case_column == Some(i)).then_some("case"),
                                        (c.data.kind() == ColumnKind::Numeric).then_some("num"),
                                    );
                                    match c.data.text(row) {
                                        Some(text) => html! { <td {class}>{ text }</td> },
                                        None => html! { <td class={classes!(class, "missing")}>{ lang.t(Text::MissingCell) }</td> },
                                    }
                                }) }
                            </tr>
                        }) }
                        if bottom > 0 {
                            <tr class="spacer" aria-hidden="true" style={format!("height: {bottom}px")}></tr>
                        }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
