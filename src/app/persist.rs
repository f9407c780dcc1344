//! The effects of keeping and sharing work: restoring at start-up,
//! autosaving every change to IndexedDB ([`super::storage`]), switching,
//! renaming and deleting saved projects, project files, share links, and
//! downloads.
//!
//! Storage operations run one at a time, in order (a queue), so that two
//! saves never race on the index; a queued save of a project replaces an
//! older queued save of the same project. While the queue holds or runs an
//! operation the state's [`SaveStatus`] is `Saving` (dispatched as the
//! operation is queued, in the same turn as the change that asked for it);
//! when it runs empty, `Saved` or `Failed` after its last write — what the
//! project bar shows.
//!
//! The table is stored apart from the settings, once, under its content
//! hash (`data:<hash>`, see [`super::storage`]): a change of settings
//! writes a few kilobytes, not the table again. The table's hash is
//! computed once per table on screen (cached while the same table stays
//! loaded), and its record is written only when no saved project refers
//! to it yet.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::IdbDatabase;
use yew::prelude::*;

use super::state::persist::{
    INDEX_VERSION, PersistAction, PersistMessage, SaveStatus, SavedEntry, SavedIndex, SavedOrigin,
    Unreadable, content_hash, copy_key, data_key, settings_fingerprint,
};
use super::state::{Action, AppState, Loaded, Shared};
use super::storage::{self, INDEX_KEY};
use crate::analysis::data::{Dataset, Imported};
use crate::analysis::project::{
    FILE_EXTENSION, LinkContent, LinkError, Project, SharedProject, decode_share_link,
    encode_share_link,
};

type Dispatcher = UseReducerDispatcher<AppState>;

/// The table of a save: its record's key and the table itself (its text
/// is made only if the record must be written).
struct DataRef {
    key: String,
    table: Shared<Imported>,
    case_column: Option<usize>,
}

/// The table on screen whose hash is known, with its text until written.
struct CachedData {
    table: Shared<Imported>,
    case_column: Option<usize>,
    key: String,
    text: Option<Rc<String>>,
}

/// A storage operation waiting its turn.
enum Op {
    /// Save a project's settings text under its id, with its table.
    Save {
        id: String,
        name: String,
        text: String,
        origin: SavedOrigin,
        data: Option<DataRef>,
        settings_hash: Option<String>,
    },
    /// Rename a saved project.
    Rename { id: String, name: String },
    /// Delete a saved project.
    Delete { id: String },
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static INDEX: RefCell<SavedIndex> = RefCell::new(SavedIndex::default());
    static QUEUE: RefCell<VecDeque<Op>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static DATA_CACHE: RefCell<Option<CachedData>> = const { RefCell::new(None) };
}

/// The saved form of a table: the dataset with the chosen case column.
fn dataset_of(table: &Imported, case_column: Option<usize>) -> Dataset {
    let mut dataset = table.dataset.clone();
    dataset.case_column = case_column;
    dataset
}

/// The record key of the table on screen: from the cache while the same
/// table (and case column) stays loaded, else hashed once (O(cells)).
fn data_ref(loaded: &Loaded) -> Result<DataRef, String> {
    let cached = DATA_CACHE.with(|c| {
        c.borrow().as_ref().and_then(|d| {
            (Rc::ptr_eq(&d.table.0, &loaded.imported.0) && d.case_column == loaded.case_column)
                .then(|| d.key.clone())
        })
    });
    let key = match cached {
        Some(key) => key,
        None => {
            let dataset = dataset_of(&loaded.imported, loaded.case_column);
            let text = serde_json::to_string(&dataset).map_err(|e| e.to_string())?;
            let key = data_key(&content_hash(&text));
            DATA_CACHE.with(|c| {
                *c.borrow_mut() = Some(CachedData {
                    table: loaded.imported.clone(),
                    case_column: loaded.case_column,
                    key: key.clone(),
                    text: Some(Rc::new(text)),
                });
            });
            key
        }
    };
    Ok(DataRef {
        key,
        table: loaded.imported.clone(),
        case_column: loaded.case_column,
    })
}

/// The text of a table record to write: the cached one when it is that
/// table, else made again.
fn data_text(data: &DataRef) -> Result<Rc<String>, String> {
    let cached = DATA_CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|d| d.key == data.key)
            .and_then(|d| d.text.clone())
    });
    match cached {
        Some(text) => Ok(text),
        None => serde_json::to_string(&dataset_of(&data.table, data.case_column))
            .map(Rc::new)
            .map_err(|e| e.to_string()),
    }
}

/// Once written, the cached text is not needed any more.
fn forget_data_text(key: &str) {
    DATA_CACHE.with(|c| {
        if let Some(d) = c.borrow_mut().as_mut().filter(|d| d.key == key) {
            d.text = None;
        }
    });
}

fn db() -> Option<IdbDatabase> {
    DB.with(|d| d.borrow().clone())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// A new project id: time and randomness, unique enough for one browser.
pub fn new_id() -> String {
    // Truncation is intended: the digits only need to differ.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("p{:x}{random:x}", now() as u64)
}

/// The fragment of the address, without `#`, if it is a share link.
fn link_fragment() -> Option<String> {
    let hash = super::browser::location_hash();
    let f = hash.trim_start_matches('#');
    (f.starts_with("p1.") || f.starts_with("s1.")).then(|| f.to_owned())
}

/// Start-up: opens the storage, restores the current project (or opens the
/// share link in the address), lists the saved projects, then allows
/// autosave. An unreadable saved state is reported and kept.
pub fn start(dispatcher: Dispatcher) {
    spawn_local(async move {
        let say = |m: PersistMessage| dispatcher.dispatch(Action::Persist(PersistAction::Say(m)));
        let mut index = SavedIndex::default();
        match storage::open().await {
            Ok(database) => {
                DB.with(|d| *d.borrow_mut() = Some(database.clone()));
                match read_index(&database).await {
                    Ok(found) => index = found,
                    Err(problem) => say(PersistMessage::Unreadable(problem)),
                }
            }
            Err(e) => say(PersistMessage::StorageUnavailable(e.to_string())),
        }
        INDEX.with(|i| *i.borrow_mut() = index.clone());
        dispatcher.dispatch(Action::Persist(PersistAction::Listed(index.clone())));
        if !open_link_in_address(&dispatcher) {
            let current = index
                .current
                .as_ref()
                .and_then(|id| index.projects.iter().find(|p| &p.id == id))
                .cloned();
            match current {
                Some(entry) => {
                    if let Err(problem) = open_saved(&dispatcher, &entry).await {
                        say(PersistMessage::Unreadable(problem));
                        dispatcher.dispatch(Action::Persist(PersistAction::Adopt { id: new_id() }));
                    }
                }
                None => dispatcher.dispatch(Action::Persist(PersistAction::Adopt { id: new_id() })),
            }
        }
        dispatcher.dispatch(Action::Persist(PersistAction::Ready));
    });
}

/// Reads the index; a damaged one is copied aside (never wiped) and an
/// empty list is used; a newer one is left alone and not written over.
async fn read_index(db: &IdbDatabase) -> Result<SavedIndex, Unreadable> {
    let Ok(Some(text)) = storage::get(db, INDEX_KEY).await else {
        return Ok(SavedIndex::default());
    };
    #[derive(serde::Deserialize)]
    struct Version {
        version: u32,
    }
    match serde_json::from_str::<Version>(&text) {
        Ok(v) if v.version > INDEX_VERSION => {
            // Not written over: saves go nowhere until the user updates.
            DB.with(|d| *d.borrow_mut() = None);
            return Err(Unreadable::NewerIndex { found: v.version });
        }
        _ => {}
    }
    match serde_json::from_str::<SavedIndex>(&text) {
        Ok(index) => Ok(index),
        Err(_) => {
            let key = format!("aside:{}", now());
            let kept = storage::write(db, &[(&key, &text)], &[]).await;
            if kept.is_err() {
                // Could not keep it: do not write over it either.
                DB.with(|d| *d.borrow_mut() = None);
            }
            Err(Unreadable::Index { key })
        }
    }
}

/// Puts a saved project on screen, or says why it cannot be read (and
/// changes nothing).
async fn open_saved(dispatcher: &Dispatcher, entry: &SavedEntry) -> Result<(), Unreadable> {
    let Some(db) = db() else {
        return Err(Unreadable::Missing {
            name: entry.name.clone(),
        });
    };
    let text = storage::get(&db, &entry.copy_key())
        .await
        .ok()
        .flatten()
        .ok_or_else(|| Unreadable::Missing {
            name: entry.name.clone(),
        })?;
    let mut project = Project::from_file_json(&text).map_err(|error| Unreadable::Project {
        name: entry.name.clone(),
        error,
    })?;
    if let Some(key) = &entry.data {
        // Index version 2: the table is in its own record.
        let missing = || Unreadable::Missing {
            name: entry.name.clone(),
        };
        let data = storage::get(&db, key)
            .await
            .ok()
            .flatten()
            .ok_or_else(missing)?;
        let dataset: Dataset = serde_json::from_str(&data).map_err(|_| Unreadable::Project {
            name: entry.name.clone(),
            error: crate::analysis::project::ProjectError::NotAProject,
        })?;
        project.data = Some(dataset);
        project.validate().map_err(|error| Unreadable::Project {
            name: entry.name.clone(),
            error,
        })?;
    }
    project.name.clone_from(&entry.name);
    dispatcher.dispatch(Action::Persist(PersistAction::Load {
        id: entry.id.clone(),
        project: Box::new(project),
        origin: entry.origin.clone(),
    }));
    Ok(())
}

/// Switches to a saved project (the one on screen is already saved).
pub fn switch_to(dispatcher: Dispatcher, id: String) {
    let entry = INDEX.with(|i| i.borrow().projects.iter().find(|p| p.id == id).cloned());
    let Some(entry) = entry else { return };
    spawn_local(async move {
        if let Err(problem) = open_saved(&dispatcher, &entry).await {
            dispatcher.dispatch(Action::Persist(PersistAction::Say(
                PersistMessage::Unreadable(problem),
            )));
        }
    });
}

/// Starts a new, empty project.
pub fn new_project(dispatcher: &Dispatcher) {
    dispatcher.dispatch(Action::Persist(PersistAction::New { id: new_id() }));
}

/// Saves the state on screen (called on every change once restored).
///
/// The [`SaveStatus`] turns `Saving` at once and back to `Saved` once the
/// write completed (`Failed`, with a message, if it did not).
pub fn autosave(dispatcher: Dispatcher, state: &AppState) {
    // An empty page is not a project: nothing to keep until a table is
    // loaded or a setting chosen (so fresh visits do not fill the list).
    let known = INDEX.with(|i| {
        i.borrow()
            .projects
            .iter()
            .any(|p| p.id == state.persist.current)
    });
    if !known && state.loaded.is_none() && state.project == Project::default() {
        return;
    }
    let settings = state.to_saved_settings();
    let say_failed = |e: String| {
        dispatcher.dispatch(Action::Persist(PersistAction::Say(
            PersistMessage::SaveFailed(e),
        )));
        if state.persist.save != SaveStatus::Saving {
            dispatcher.dispatch(Action::Persist(PersistAction::SaveDone { ok: false }));
        }
    };
    let text = match settings.to_file_json() {
        Ok(text) => text,
        Err(e) => return say_failed(e.to_string()),
    };
    let data = match state.loaded.as_ref().map(data_ref).transpose() {
        Ok(data) => data,
        Err(e) => return say_failed(e),
    };
    let name = display_name(&settings);
    let settings_hash = settings_fingerprint(&settings);
    enqueue(
        dispatcher,
        Op::Save {
            id: state.persist.current.clone(),
            name,
            text,
            origin: state.saved_origin(),
            data,
            settings_hash,
        },
    );
}

/// The name a project is listed under.
pub fn display_name(project: &Project) -> String {
    if !project.name.trim().is_empty() {
        project.name.clone()
    } else if let Some(d) = &project.data {
        d.name.clone()
    } else {
        String::new()
    }
}

/// Renames a saved project (the one on screen is renamed in the state).
pub fn rename(dispatcher: Dispatcher, id: String, name: String) {
    enqueue(dispatcher, Op::Rename { id, name });
}

/// Deletes a saved project.
pub fn delete(dispatcher: Dispatcher, id: String) {
    enqueue(dispatcher, Op::Delete { id });
}

fn enqueue(dispatcher: Dispatcher, op: Op) {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        if let Op::Save { id, .. } = &op {
            q.retain(|o| !matches!(o, Op::Save { id: other, .. } if other == id));
        }
        q.push_back(op);
    });
    dispatcher.dispatch(Action::Persist(PersistAction::Saving));
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    spawn_local(async move {
        let mut ok = true;
        while let Some(op) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
            ok = match run(op).await {
                Ok(()) => true,
                Err(e) => {
                    dispatcher.dispatch(Action::Persist(PersistAction::Say(
                        PersistMessage::SaveFailed(e.to_string()),
                    )));
                    false
                }
            };
            let index = INDEX.with(|i| i.borrow().clone());
            dispatcher.dispatch(Action::Persist(PersistAction::Listed(index)));
        }
        // No await between the empty queue and this: an operation queued
        // from now on starts a new run.
        RUNNING.with(|r| r.set(false));
        dispatcher.dispatch(Action::Persist(PersistAction::SaveDone { ok }));
    });
}

/// Runs one operation: a new index is written in the same transaction as
/// the copy it points to, and only then replaces the one in memory.
async fn run(op: Op) -> Result<(), storage::StorageError> {
    let Some(db) = db() else { return Ok(()) };
    let mut index = INDEX.with(|i| i.borrow().clone());
    match op {
        Op::Save {
            id,
            name,
            text,
            origin,
            data,
            settings_hash,
        } => {
            let old = index.projects.iter().find(|p| p.id == id).cloned();
            let generation = old.as_ref().map_or(1, |p| p.generation + 1);
            // The table's record is written only if no project has it yet.
            let data_key = data.as_ref().map(|d| d.key.clone());
            let data_text = match &data {
                Some(d)
                    if !index
                        .projects
                        .iter()
                        .any(|p| p.data.as_ref() == Some(&d.key)) =>
                {
                    Some(data_text(d).map_err(storage::StorageError::Failed)?)
                }
                _ => None,
            };
            let entry = SavedEntry {
                id: id.clone(),
                name,
                generation,
                saved_at: now(),
                origin,
                data: data_key.clone(),
                settings_hash,
            };
            match index.projects.iter_mut().find(|p| p.id == id) {
                Some(p) => *p = entry,
                None => index.projects.push(entry),
            }
            index.current = Some(id.clone());
            index.version = INDEX_VERSION;
            let index_text = serde_json::to_string(&index)
                .map_err(|e| storage::StorageError::Failed(e.to_string()))?;
            let new_key = copy_key(&id, generation);
            let old_copy = old.as_ref().map(SavedEntry::copy_key);
            let old_data = old
                .and_then(|p| p.data)
                .filter(|k| !index.projects.iter().any(|p| p.data.as_ref() == Some(k)));
            let deletes: Vec<&str> = old_copy
                .as_deref()
                .into_iter()
                .chain(old_data.as_deref())
                .collect();
            let mut puts: Vec<(&str, &str)> = Vec::with_capacity(3);
            if let (Some(key), Some(text)) = (&data_key, &data_text) {
                puts.push((key, text));
            }
            puts.push((&new_key, &text));
            puts.push((INDEX_KEY, &index_text));
            // One transaction: the table, the copy and the index that
            // points to them commit together or not at all.
            storage::write(&db, &puts, &deletes).await?;
            if let Some(key) = &data_key {
                forget_data_text(key);
            }
        }
        Op::Rename { id, name } => {
            if let Some(p) = index.projects.iter_mut().find(|p| p.id == id) {
                p.name = name;
            }
            let index_text = serde_json::to_string(&index)
                .map_err(|e| storage::StorageError::Failed(e.to_string()))?;
            storage::write(&db, &[(INDEX_KEY, &index_text)], &[]).await?;
        }
        Op::Delete { id } => {
            let gone = index.projects.iter().find(|p| p.id == id).cloned();
            index.projects.retain(|p| p.id != id);
            if index.current.as_deref() == Some(&id) {
                index.current = None;
            }
            let key = gone.as_ref().map(SavedEntry::copy_key);
            // Its table goes too unless another project has the same one.
            let data = gone
                .and_then(|p| p.data)
                .filter(|k| !index.projects.iter().any(|p| p.data.as_ref() == Some(k)));
            let index_text = serde_json::to_string(&index)
                .map_err(|e| storage::StorageError::Failed(e.to_string()))?;
            let deletes: Vec<&str> = key.as_deref().into_iter().chain(data.as_deref()).collect();
            storage::write(&db, &[(INDEX_KEY, &index_text)], &deletes).await?;
        }
    }
    INDEX.with(|i| *i.borrow_mut() = index);
    Ok(())
}

/// Opens the share link in the page's address, if there is one (at
/// start-up, or pasted into the address bar of an open page). The address
/// then loses the project (a reload restores the autosaved copy instead of
/// opening the link again). Whether a link was opened.
pub fn open_link_in_address(dispatcher: &Dispatcher) -> bool {
    let Some(fragment) = link_fragment() else {
        return false;
    };
    gloo::utils::window().location().set_hash("data").ok();
    open_link(dispatcher, &fragment)
}

/// Opens a share link's fragment as a new project (nothing changes when
/// it cannot be read: a message says why). Whether it was opened.
pub fn open_link(dispatcher: &Dispatcher, fragment: &str) -> bool {
    match decode_share_link(fragment) {
        Ok(SharedProject {
            mut project,
            missing_data,
        }) => {
            if let Some(entry) = already_saved(&mut project) {
                // The same analysis is saved here already: no second copy.
                switch_to(dispatcher.clone(), entry.id);
                if missing_data.is_some() && entry.data.is_none() {
                    dispatcher.dispatch(Action::Persist(PersistAction::WaitForData(missing_data)));
                }
                dispatcher.dispatch(Action::Persist(PersistAction::Say(
                    PersistMessage::LinkAlreadySaved(entry.name),
                )));
                return true;
            }
            dispatcher.dispatch(Action::Persist(PersistAction::Load {
                id: new_id(),
                project: Box::new(project),
                origin: SavedOrigin::Other,
            }));
            dispatcher.dispatch(Action::Persist(PersistAction::WaitForData(missing_data)));
            dispatcher.dispatch(Action::Persist(PersistAction::Say(
                PersistMessage::LinkOpened,
            )));
            true
        }
        Err(e) => {
            dispatcher.dispatch(Action::Persist(PersistAction::Say(
                PersistMessage::LinkRejected(e),
            )));
            false
        }
    }
}

/// The saved project with the same table and settings as `project` (its
/// name and language aside), if any. O(cells) for the table's hash.
fn already_saved(project: &mut Project) -> Option<SavedEntry> {
    let data = project.data.take();
    let settings = settings_fingerprint(project);
    let data_key = data
        .as_ref()
        .and_then(|d| serde_json::to_string(d).ok())
        .map(|t| data_key(&content_hash(&t)));
    project.data = data;
    let settings = settings?;
    INDEX.with(|i| {
        i.borrow()
            .projects
            .iter()
            .find(|p| p.settings_hash.as_ref() == Some(&settings) && p.data == data_key)
            .cloned()
    })
}

/// When a table is loaded while a settings-only link waits for it: checks
/// it against the link, sets the case column, warns if it is another file.
pub fn attach_waiting_data(dispatcher: &Dispatcher, state: &AppState) {
    let (Some(description), Some(loaded)) = (&state.persist.waiting_for_data, &state.loaded) else {
        return;
    };
    let mut settings = state.project.clone();
    settings.data = None;
    let shared = SharedProject {
        project: settings,
        missing_data: Some(description.clone()),
    };
    let say = |m| dispatcher.dispatch(Action::Persist(PersistAction::Say(m)));
    match shared.attach_data(loaded.imported.dataset.clone()) {
        Ok((project, matched)) => {
            let case = project.data.as_ref().and_then(|d| d.case_column);
            dispatcher.dispatch(Action::SetCaseColumn(case));
            dispatcher.dispatch(Action::Persist(PersistAction::WaitForData(None)));
            if matched == crate::analysis::project::DataMatch::Different {
                say(PersistMessage::AttachedDifferent);
            } else {
                dispatcher.dispatch(Action::Persist(PersistAction::Dismiss));
            }
        }
        Err(e) => say(PersistMessage::AttachRejected(e)),
    }
}

/// The page address without its fragment.
fn page_address() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// Makes the share link of the project on screen and copies it.
pub fn copy_link(dispatcher: Dispatcher, state: &AppState) {
    let project = state.to_saved_project();
    match encode_share_link(&project) {
        Ok(link) => {
            let length = link.fragment.len();
            let settings_only = link.content == LinkContent::SettingsOnly;
            let url = format!("{}#{}", page_address(), link.fragment);
            dispatcher.dispatch(Action::Persist(PersistAction::Link(Some(url.clone()))));
            spawn_local(async move {
                let clipboard = gloo::utils::window().navigator().clipboard();
                let copied = JsFuture::from(clipboard.write_text(&url)).await.is_ok();
                let message = if copied {
                    PersistMessage::LinkCopied {
                        length,
                        settings_only,
                    }
                } else {
                    PersistMessage::CopyByHand
                };
                dispatcher.dispatch(Action::Persist(PersistAction::Say(message)));
            });
        }
        Err(LinkError::TooLong { length, .. }) => dispatcher.dispatch(Action::Persist(
            PersistAction::Say(PersistMessage::LinkTooLong { length }),
        )),
        Err(e) => dispatcher.dispatch(Action::Persist(PersistAction::Say(
            PersistMessage::SaveFailed(e.to_string()),
        ))),
    }
}

/// A file name made from a project name (characters that file systems
/// refuse are replaced).
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let stem = stem.trim();
    if stem.is_empty() {
        "project".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Downloads the project on screen as `<name>.policylens.json`.
pub fn save_file(dispatcher: &Dispatcher, state: &AppState) {
    let project = state.to_saved_project();
    match project.to_file_json() {
        Ok(text) => download(
            &format!("{}{FILE_EXTENSION}", file_stem(&display_name(&project))),
            "application/json",
            text.as_bytes(),
        ),
        Err(e) => dispatcher.dispatch(Action::Persist(PersistAction::Say(
            PersistMessage::SaveFailed(e.to_string()),
        ))),
    }
}

/// Opens a project file as a new project; a damaged or foreign file gets a
/// message and changes nothing.
pub fn open_file(dispatcher: Dispatcher, file: web_sys::File) {
    spawn_local(async move {
        let name = file.name();
        let bytes = super::browser::read_file(&file).await;
        let text = bytes.map(|b| String::from_utf8_lossy(&b).into_owned());
        let result = match text {
            Ok(text) => Project::from_file_json(&text),
            Err(_) => Err(crate::analysis::project::ProjectError::NotAProject),
        };
        let say = |m| dispatcher.dispatch(Action::Persist(PersistAction::Say(m)));
        match result {
            Ok(project) => {
                dispatcher.dispatch(Action::Persist(PersistAction::Load {
                    id: new_id(),
                    project: Box::new(project),
                    origin: SavedOrigin::Other,
                }));
                say(PersistMessage::FileOpened(name));
            }
            Err(error) => say(PersistMessage::FileRejected { file: name, error }),
        }
    });
}

/// Downloads bytes as a file.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a")
        && let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    // Revoked after the click has started the download.
    let revoke = gloo::timers::callback::Timeout::new(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    });
    revoke.forget();
}

/// Registers the service worker that keeps the bundle for offline use
/// (`sw.js` beside `index.html`, so it works under any sub-path).
pub fn register_service_worker() {
    let navigator = gloo::utils::window().navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !has_sw {
        return;
    }
    let promise = navigator.service_worker().register("./sw.js");
    spawn_local(async move {
        if let Err(e) = JsFuture::from(promise).await {
            log::warn!("offline use not available: {e:?}");
        }
    });
}

/// The story an exported chart carries (title, data, settings, version),
/// from the state on screen.
pub fn chart_story(state: &AppState, title: &str) -> super::download::ChartStory {
    let mut settings = state.to_saved_project();
    let data = settings.data.take().map_or_else(String::new, |d| {
        format!("{} ({} × {})", d.name, d.n_rows(), d.columns.len())
    });
    super::download::ChartStory {
        title: title.to_owned(),
        data,
        settings: serde_json::to_string(&settings).unwrap_or_default(),
        software: format!("PolicyLens {}", crate::analysis::project::APP_VERSION),
    }
}
