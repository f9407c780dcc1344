//! Starting imports: the effects behind the file picker, drag-and-drop,
//! paste and the examples menu. Each import gets an id; the reducer ignores
//! progress and results of imports that a newer one superseded.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::browser::{self, ReadError, SlicedOutcome};
use super::state::{
    Action, AppState, Example, ImportChoices, ImportFailure, Origin, RawInput, Shared, Table,
    guess_case_column,
};
use super::worker::{WorkbookFailure, read_workbook};
use crate::analysis::data::{ImportOptions, import_pasted, sniff_workbook};

/// The app's state handle, shared through the context.
pub type AppContext = UseReducerHandle<AppState>;

/// The name the data module sees (it uses the extension to recognise
/// workbooks and names the dataset after the file's stem).
fn input_name(origin: &Origin) -> String {
    match origin {
        Origin::File(name) => name.clone(),
        Origin::Pasted => "pasted".to_owned(),
        Origin::Example(example) => example.file_name().to_owned(),
    }
}

/// Imports bytes already in memory with `choices`.
pub fn import_input(ctx: &AppContext, input: Shared<RawInput>, choices: ImportChoices) {
    let job = browser::start_job();
    ctx.dispatch(Action::ImportStarted {
        job,
        input: Some(input.clone()),
        choices: choices.clone(),
    });
    run(ctx.dispatcher(), job, input, choices);
}

fn run(
    dispatcher: UseReducerDispatcher<AppState>,
    job: u64,
    input: Shared<RawInput>,
    choices: ImportChoices,
) {
    spawn_local(async move {
        let name = input_name(&input.origin);
        let outcome = if input.origin == Origin::Pasted {
            let text = String::from_utf8_lossy(&input.bytes);
            SlicedOutcome::Done(import_pasted(&text))
        } else if sniff_workbook(&name, &input.bytes).is_some() {
            // In the worker: a reader panic on a damaged file kills only it.
            let options = ImportOptions {
                encoding: None,
                delimiter: None,
                sheet: choices.sheet.clone(),
            };
            match read_workbook(&name, input.bytes.clone(), options).await {
                _ if !browser::is_current(job) => return,
                Ok(imported) => SlicedOutcome::Done(Ok(imported)),
                Err(WorkbookFailure::Data(e)) => SlicedOutcome::Done(Err(e)),
                Err(WorkbookFailure::Crashed(message)) => {
                    log::warn!("the workbook reader failed on {name}: {message}");
                    dispatcher.dispatch(Action::Imported {
                        job,
                        input,
                        result: Err(ImportFailure::ReaderCrashed { file: name }),
                    });
                    return;
                }
            }
        } else {
            let options = ImportOptions {
                encoding: choices.encoding.clone(),
                delimiter: None,
                sheet: choices.sheet.clone(),
            };
            let progress = dispatcher.clone();
            browser::import_in_slices(job, input.clone(), &name, options, move |fraction| {
                progress.dispatch(Action::ImportProgressed { job, fraction })
            })
            .await
        };
        let result = match outcome {
            SlicedOutcome::Superseded => return,
            SlicedOutcome::Done(Err(e)) => Err(ImportFailure::Data(e)),
            SlicedOutcome::Done(Ok(imported)) => {
                // Each O(cells) pass over a large table in its own task, so
                // the page can paint in between.
                let case_column = guess_case_column(&input.origin, &imported);
                browser::yield_to_browser().await;
                let summaries = Shared::new(imported.dataset.summaries());
                browser::yield_to_browser().await;
                Ok(Table {
                    imported: Shared::new(imported),
                    summaries,
                    case_column,
                })
            }
        };
        if browser::is_current(job) {
            dispatcher.dispatch(Action::Imported { job, input, result });
        }
    });
}

/// Reads a file the user picked or dropped, then imports it with the
/// encoding and sheet detected.
pub fn open_file(ctx: &AppContext, file: web_sys::File) {
    let job = browser::start_job();
    let choices = ImportChoices::default();
    ctx.dispatch(Action::ImportStarted {
        job,
        input: None,
        choices: choices.clone(),
    });
    let dispatcher = ctx.dispatcher();
    spawn_local(async move {
        let origin = Origin::File(file.name());
        match browser::read_file(&file).await {
            Ok(bytes) => {
                let input = Shared::new(RawInput { origin, bytes });
                dispatcher.dispatch(Action::InputRead {
                    job,
                    input: input.clone(),
                });
                run(dispatcher, job, input, choices);
            }
            Err(e) => {
                let input = Shared::new(RawInput {
                    origin,
                    bytes: Vec::new(),
                });
                let failure = match e {
                    ReadError::TooLarge(e) => ImportFailure::Data(e),
                    ReadError::Browser => ImportFailure::Read,
                };
                dispatcher.dispatch(Action::Imported {
                    job,
                    input,
                    result: Err(failure),
                });
            }
        }
    });
}

/// Imports cells pasted from a spreadsheet (tab-separated text).
pub fn import_text(ctx: &AppContext, text: String) {
    let input = Shared::new(RawInput {
        origin: Origin::Pasted,
        bytes: text.into_bytes(),
    });
    import_input(ctx, input, ImportChoices::default());
}

/// Imports a bundled example.
pub fn open_example(ctx: &AppContext, example: Example) {
    let input = Shared::new(RawInput {
        origin: Origin::Example(example),
        bytes: browser::example_bytes(example).to_vec(),
    });
    import_input(ctx, input, ImportChoices::default());
}

/// Stops the running import; the table loaded before stays.
pub fn cancel(ctx: &AppContext) {
    let job = browser::start_job();
    ctx.dispatch(Action::ImportCancelled { job });
}
