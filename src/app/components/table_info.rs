//! What was loaded: the source, its size, and what was detected.

use yew::prelude::*;

use crate::app::i18n::{Text, delimiter_name, import_warning, rows_by_columns};
use crate::app::importer::AppContext;
use crate::app::state::{Loaded, Origin};

/// Props of [`TableInfo`].
#[derive(Properties, PartialEq)]
pub struct TableInfoProps {
    /// The loaded table.
    pub loaded: Loaded,
}

/// One line about the loaded table, and the import's notes.
#[component(TableInfo)]
pub fn table_info(props: &TableInfoProps) -> Html {
    let Some(ctx) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = ctx.lang;
    let imported = &props.loaded.imported;
    let source = match &props.loaded.origin {
        Origin::File(name) => name.clone(),
        Origin::Pasted => lang.t(Text::Pasted).to_owned(),
        Origin::Example(e) => e.file_name().to_owned(),
    };
    let mut details = vec![rows_by_columns(
        lang,
        imported.dataset.n_rows(),
        imported.dataset.n_columns(),
    )];
    if let Some(sheet) = &imported.sheet {
        details.push(format!("{} {sheet}", lang.t(Text::Sheet)));
    }
    if let Some(encoding) = imported.encoding {
        details.push(format!(
            "{} {}",
            lang.t(Text::DetectedEncoding),
            encoding.to_uppercase()
        ));
    }
    if let Some(d) = imported.delimiter {
        details.push(format!(
            "{} {}",
            lang.t(Text::DetectedDelimiter),
            delimiter_name(lang, d)
        ));
    }
    html! {
        <div class="table-info">
            <p aria-live="polite"><strong class="file-name">{ source }</strong>{ " — " }{ details.join(" · ") }</p>
            if !imported.warnings.is_empty() {
                <details>
                    <summary>{ lang.t(Text::Warnings) }{ format!(" ({})", imported.warnings.len()) }</summary>
                    <ul>{ for imported.warnings.iter().map(|w| html! { <li>{ import_warning(lang, w) }</li> }) }</ul>
                </details>
            }
        </div>
    }
}
