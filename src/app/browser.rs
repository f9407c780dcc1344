//! Browser glue: storage, the URL fragment, reading files, and importing a
//! table in slices so the page stays responsive. Everything here is an
//! effect called from components; the reducer never calls it.

use std::cell::Cell;

use gloo::storage::{LocalStorage, Storage};
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::i18n::{Lang, Text};
use super::state::{Example, RawInput, Shared};
use crate::analysis::data::{
    DataError, DelimitedImport, ImportOptions, Imported, MAX_IMPORT_BYTES,
};

const LANG_KEY: &str = "policylens.lang";

/// Rows parsed per slice before yielding to the browser: small enough that
/// one slice of a 25-column table takes well under a frame budget of work.
pub const ROWS_PER_SLICE: usize = 4_000;

thread_local! {
    static CURRENT_JOB: Cell<u64> = const { Cell::new(0) };
}

/// The interface language: the one remembered in local storage, else the
/// browser's.
pub fn initial_lang() -> Lang {
    let stored: Option<String> = LocalStorage::get(LANG_KEY).ok();
    stored
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| {
            let tag = web_sys::window()
                .and_then(|w| w.navigator().language())
                .unwrap_or_default();
            Lang::from_browser_tag(&tag)
        })
}

/// Remembers the language and sets `<html lang>` so that fonts, screen
/// readers and hyphenation follow it.
pub fn apply_lang(lang: Lang) {
    if let Err(e) = LocalStorage::set(LANG_KEY, lang.code()) {
        log::warn!("cannot remember the language: {e}");
    }
    if let Some(root) = gloo::utils::document().document_element()
        && let Err(e) = root.set_attribute("lang", lang.code())
    {
        log::warn!("cannot set the document language: {e:?}");
    }
}

/// Shows a message (in both languages) instead of a silently dead page
/// if the app ever panics, and logs the panic to the console.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        // A worker has no document: there the console line is all.
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (Ok(banner), Some(body)) = (document.create_element("div"), document.body()) {
            banner.set_class_name("panic");
            if let Err(e) = banner.set_attribute("role", "alert") {
                gloo::console::error!(e);
            }
            banner.set_text_content(Some(&format!(
                "{} {}",
                Lang::En.t(Text::InternalError),
                Lang::ZhHans.t(Text::InternalError)
            )));
            if let Err(e) = body.prepend_with_node_1(&banner) {
                gloo::console::error!(e);
            }
        }
    }));
}

/// Records the performance mark `policylens-first-render`, once the app's
/// first render is in the DOM (read by the first-render benchmark).
pub fn mark_first_render() {
    if let Some(performance) = gloo::utils::window().performance()
        && let Err(e) = performance.mark("policylens-first-render")
    {
        log::warn!("cannot mark the first render: {e:?}");
    }
}

/// The URL fragment, with its `#`.
pub fn location_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Starts a new import and returns its id; older imports stop at their
/// next slice.
pub fn start_job() -> u64 {
    CURRENT_JOB.with(|c| {
        let id = c.get() + 1;
        c.set(id);
        id
    })
}

/// Whether `job` is the latest import.
pub fn is_current(job: u64) -> bool {
    CURRENT_JOB.with(|c| c.get() == job)
}

/// The bytes of a bundled example (compiled into the app: no request).
pub fn example_bytes(example: Example) -> &'static [u8] {
    example.bytes()
}

/// Why a file could not be read into memory.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than the import limit: not read at all.
    TooLarge(DataError),
    /// The browser failed to read it.
    Browser,
}

/// Reads a user's file into memory, refusing files over the import limit
/// before reading them.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        return Err(ReadError::TooLarge(DataError::TooLarge {
            bytes: size as usize,
            limit: MAX_IMPORT_BYTES,
        }));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Browser)?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|_| ReadError::Browser)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser handle events and paint before the next piece of work.
pub async fn yield_to_browser() {
    TimeoutFuture::new(0).await;
}

/// What an import in slices ended with.
pub enum SlicedOutcome {
    /// Finished, successfully or not.
    Done(Result<Imported, DataError>),
    /// A newer import started; this one stopped.
    Superseded,
}

/// Imports `input` with `options`, parsing delimited text in slices of
/// [`ROWS_PER_SLICE`] rows and yielding to the browser between slices;
/// `on_progress` gets the fraction done after each slice. Workbooks are
/// not read here but in the worker ([`super::worker::read_workbook`]).
pub async fn import_in_slices(
    job: u64,
    input: Shared<RawInput>,
    name: &str,
    options: ImportOptions,
    on_progress: impl Fn(f64),
) -> SlicedOutcome {
    // Let the browser paint the progress bar before the first slice.
    TimeoutFuture::new(0).await;
    if !is_current(job) {
        return SlicedOutcome::Superseded;
    }
    let mut parser = match DelimitedImport::new(name, &input.bytes, &options) {
        Ok(p) => p,
        Err(e) => return SlicedOutcome::Done(Err(e)),
    };
    loop {
        match parser.step(ROWS_PER_SLICE) {
            Ok(progress) if progress.done => break,
            Ok(progress) => on_progress(progress.fraction()),
            Err(e) => return SlicedOutcome::Done(Err(e)),
        }
        TimeoutFuture::new(0).await;
        if !is_current(job) {
            return SlicedOutcome::Superseded;
        }
    }
    yield_to_browser().await;
    SlicedOutcome::Done(parser.finish())
}
