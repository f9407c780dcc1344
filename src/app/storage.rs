//! The browser's IndexedDB, as a few async functions: the saved projects
//! live in the database `policylens`, store `saved`, as text records.
//!
//! # Layout
//! * `index` — the [`SavedIndex`](super::state::persist::SavedIndex) JSON:
//!   the list of projects, the current one, and for each the key of its
//!   good copy.
//! * `copy:<id>:<generation>` — a project file's text
//!   ([`Project::to_file_json`](crate::analysis::project::Project::to_file_json));
//!   since index version 2 without its table, which is in
//! * `data:<hash>` — a table (the `Dataset` JSON), stored once under the
//!   hash of its text and shared by every project with the same table, so
//!   that saving changed settings does not write the table again. A
//!   version-1 copy still holds its table and is read as it is; its next
//!   save moves the table into a `data:` record.
//! * `aside:<time>` — a record that could not be read, kept for the user
//!   (never deleted by the app).
//!
//! # Atomic saving
//! [`write`] puts the new copy (and a new table record, if the table is
//! not stored yet) under new keys, then switches the index to them, then
//! deletes the old copy (and a table no project refers to any more) — all
//! in ONE read-write transaction, which
//! IndexedDB commits whole or not at all: a crash or a full disk in the
//! middle leaves the old index pointing at the old, complete copy.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database's name.
pub const DB_NAME: &str = "policylens";
/// The database's version (of its stores, not of the project file).
const DB_VERSION: u32 = 1;
/// The one object store.
pub const STORE: &str = "saved";
/// The key of the index record.
pub const INDEX_KEY: &str = "index";

/// Why the browser storage failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StorageError {
    /// IndexedDB is missing or refused (private mode, blocked by settings).
    #[error("browser storage is not available: {0}")]
    Unavailable(String),
    /// A request or transaction failed (quota exceeded, …).
    #[error("browser storage failed: {0}")]
    Failed(String),
}

fn describe(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    if let Some(e) = value.dyn_ref::<web_sys::DomException>() {
        return e.message();
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Waits for a request's `success` (its result) or `error`.
async fn request(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move || {
            let value = r.result().unwrap_or(JsValue::UNDEFINED);
            // A resolve failure cannot be reported anywhere better.
            let _ = resolve.call1(&JsValue::NULL, &value);
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move || {
            let e = r
                .error()
                .ok()
                .flatten()
                .map_or_else(|| JsValue::from_str("request failed"), JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Waits for a transaction to commit.
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let fail = Closure::once_into_js(move || {
            let e = t
                .error()
                .map_or_else(|| JsValue::from_str("transaction aborted"), JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        let fail: &js_sys::Function = fail.unchecked_ref();
        tx.set_onerror(Some(fail));
        tx.set_onabort(Some(fail));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Opens (and on first use creates) the database.
///
/// # Errors
/// [`StorageError::Unavailable`] when the browser has no usable IndexedDB.
pub async fn open() -> Result<IdbDatabase, StorageError> {
    let factory = web_sys::window()
        .ok_or_else(|| StorageError::Unavailable("no window".into()))?
        .indexed_db()
        .map_err(|e| StorageError::Unavailable(describe(&e)))?
        .ok_or_else(|| StorageError::Unavailable("no indexedDB".into()))?;
    let req: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| StorageError::Unavailable(describe(&e)))?;
    let r = req.clone();
    let upgrade = Closure::<dyn FnMut()>::new(move || {
        if let Ok(db) = r.result().and_then(|v| v.dyn_into::<IdbDatabase>())
            && !db.object_store_names().contains(STORE)
            && let Err(e) = db.create_object_store(STORE)
        {
            log::error!("cannot create the store: {}", describe(&e));
        }
    });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&req).await;
    req.set_onupgradeneeded(None);
    drop(upgrade);
    result
        .map_err(|e| StorageError::Unavailable(e.to_string()))?
        .dyn_into::<IdbDatabase>()
        .map_err(|e| StorageError::Unavailable(describe(&e)))
}

fn transaction(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
    db.transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| StorageError::Failed(describe(&e)))
}

/// Reads a text record (`None` when there is none, or it is not text).
///
/// # Errors
/// [`StorageError::Failed`] when the read fails.
pub async fn get(db: &IdbDatabase, key: &str) -> Result<Option<String>, StorageError> {
    let tx = transaction(db, IdbTransactionMode::Readonly)?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    let req = store
        .get(&JsValue::from_str(key))
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    Ok(request(&req).await?.as_string())
}

/// Writes `puts` (key, text) and deletes `deletes`, in one transaction that
/// commits whole or not at all. Put the new copy before the index that
/// points to it.
///
/// # Errors
/// [`StorageError::Failed`] when the transaction aborts (nothing changed).
pub async fn write(
    db: &IdbDatabase,
    puts: &[(&str, &str)],
    deletes: &[&str],
) -> Result<(), StorageError> {
    let tx = transaction(db, IdbTransactionMode::Readwrite)?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    let fail = |e: JsValue| StorageError::Failed(describe(&e));
    for (key, text) in puts {
        store
            .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
            .map_err(fail)?;
    }
    for key in deletes {
        store.delete(&JsValue::from_str(key)).map_err(fail)?;
    }
    committed(&tx).await
}

/// Every key in the store (to find copies no index points to).
///
/// # Errors
/// [`StorageError::Failed`] when the read fails.
pub async fn keys(db: &IdbDatabase) -> Result<Vec<String>, StorageError> {
    let tx = transaction(db, IdbTransactionMode::Readonly)?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    let req = store
        .get_all_keys()
        .map_err(|e| StorageError::Failed(describe(&e)))?;
    let all: Array = request(&req).await?.unchecked_into();
    Ok(all.iter().filter_map(|k| k.as_string()).collect())
}
