//! State and actions of keeping and sharing work: autosave, project files,
//! share links, report, R script.
//!
//! The reducer only changes the state; reading and writing the browser's
//! storage, files and the clipboard happen in [`crate::app::persist`].

use serde::{Deserialize, Serialize};

use super::{AppState, Example, Loaded, Origin, RawInput, Shared};
use crate::analysis::data::{Dataset, Imported};
use crate::analysis::project::{DataDescription, LinkError, Project, ProjectError};
use crate::app::i18n::Lang;

/// Where a saved project's table came from, so that a restored table shows
/// the same source (and an example keeps its bytes for re-import).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SavedOrigin {
    /// A bundled example, by file name.
    Example(String),
    /// A file, by name.
    File(String),
    /// Pasted cells.
    Pasted,
    /// No table, or a table from a project file or link.
    #[default]
    Other,
}

impl SavedOrigin {
    /// How an origin is remembered.
    pub fn of(origin: &Origin) -> SavedOrigin {
        match origin {
            Origin::Example(e) => SavedOrigin::Example(e.file_name().to_owned()),
            Origin::File(name) => SavedOrigin::File(name.clone()),
            Origin::Pasted => SavedOrigin::Pasted,
        }
    }

    /// The origin and raw input of a restored table: an example gets its
    /// bundled bytes back; a file's bytes are not kept (the table is), so
    /// the import options (encoding, sheet) do not offer to re-read it.
    fn restore(&self, data_name: &str) -> (Origin, Vec<u8>) {
        match self {
            SavedOrigin::Example(file) => {
                match Example::ALL.into_iter().find(|e| e.file_name() == file) {
                    Some(e) => (Origin::Example(e), e.bytes().to_vec()),
                    None => (Origin::File(file.clone()), Vec::new()),
                }
            }
            SavedOrigin::File(name) => (Origin::File(name.clone()), Vec::new()),
            SavedOrigin::Pasted => (Origin::Pasted, Vec::new()),
            SavedOrigin::Other => (Origin::File(data_name.to_owned()), Vec::new()),
        }
    }
}

/// One saved project in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedEntry {
    /// Its id (stable across renames).
    pub id: String,
    /// The name shown in the list.
    pub name: String,
    /// The generation of its good copy (the record `copy:<id>:<generation>`).
    pub generation: u64,
    /// When it was last saved (milliseconds since 1970, browser clock).
    pub saved_at: f64,
    /// Where its table came from.
    #[serde(default)]
    pub origin: SavedOrigin,
    /// The record of its table (`data:<hash>`, see [`data_key`]), shared by
    /// every saved project with the same table; `None`: no table, or a copy
    /// from index version 1 that holds its table itself.
    #[serde(default)]
    pub data: Option<String>,
    /// [`content_hash`] of its settings without name and language (see
    /// [`settings_fingerprint`]): with `data`, recognises a share link
    /// already saved here.
    #[serde(default)]
    pub settings_hash: Option<String>,
}

impl SavedEntry {
    /// The storage key of its good copy.
    pub fn copy_key(&self) -> String {
        copy_key(&self.id, self.generation)
    }
}

/// The storage key of a project copy.
pub fn copy_key(id: &str, generation: u64) -> String {
    format!("copy:{id}:{generation}")
}

/// The storage key of a table record: its content hash.
pub fn data_key(hash: &str) -> String {
    format!("data:{hash}")
}

/// A content hash of text, as hex: two 64-bit multiply–rotate lanes over
/// 8-byte words, a splitmix64 finish and the length (stable across
/// versions and platforms; not cryptographic — the tables are the user's
/// own). O(bytes), about 8× fewer steps than a byte-wise hash: the first
/// save of a 50 MB table hashes it on the page's thread.
pub fn content_hash(text: &str) -> String {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    fn mix(mut z: u64) -> u64 {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    let bytes = text.as_bytes();
    let mut a: u64 = 0x243f_6a88_85a3_08d3;
    let mut b: u64 = 0x1319_8a2e_0370_7344;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        a = (a ^ w).wrapping_mul(K1).rotate_left(27);
        b = (b.rotate_left(31) ^ w).wrapping_mul(K2);
    }
    let mut tail = [0u8; 8];
    for (t, &x) in tail.iter_mut().zip(chunks.remainder()) {
        *t = x;
    }
    let w = u64::from_le_bytes(tail) ^ (bytes.len() as u64);
    a = (a ^ w).wrapping_mul(K1);
    b = (b ^ w).wrapping_mul(K2);
    format!(
        "{:016x}{:016x}{:x}",
        mix(a ^ b.rotate_left(17)),
        mix(b ^ a.rotate_left(41)),
        bytes.len()
    )
}

/// The hash that says whether two projects have the same settings: of
/// `settings` (a project whose table was taken out: `data` is `None`, as
/// cloning a table would cost) without name and language — a renamed
/// copy, or one opened in the other language, is the same analysis.
pub fn settings_fingerprint(settings: &Project) -> Option<String> {
    let mut p = settings.clone();
    p.data = None;
    p.name.clear();
    p.language = None;
    serde_json::to_string(&p).ok().map(|t| content_hash(&t))
}

/// The version of the index record's shape: 2 stores each table once, in
/// its own record (`data`); version 1 entries (their copy holds the
/// table) are still read.
pub const INDEX_VERSION: u32 = 2;

/// The list of saved projects, as stored in the `index` record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedIndex {
    /// [`INDEX_VERSION`] when written.
    pub version: u32,
    /// The id of the project on screen.
    pub current: Option<String>,
    /// The projects, most recently created last.
    pub projects: Vec<SavedEntry>,
}

impl Default for SavedIndex {
    fn default() -> Self {
        SavedIndex {
            version: INDEX_VERSION,
            current: None,
            projects: Vec::new(),
        }
    }
}

/// Why a saved record could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// The list of projects is damaged (kept aside under `key`).
    Index {
        /// Where the damaged text is kept.
        key: String,
    },
    /// The list was written by a newer PolicyLens.
    NewerIndex {
        /// Its version.
        found: u32,
    },
    /// A project's copy is missing.
    Missing {
        /// The project's name.
        name: String,
    },
    /// A project's copy does not read as a project.
    Project {
        /// The project's name.
        name: String,
        /// Why.
        error: ProjectError,
    },
}

/// A message of the project bar (shown until dismissed or replaced).
#[derive(Debug, Clone, PartialEq)]
pub enum PersistMessage {
    /// The browser storage does not work: changes are not kept.
    StorageUnavailable(String),
    /// Saving failed; the previous copy is intact.
    SaveFailed(String),
    /// A saved record could not be read; it was kept, not wiped.
    Unreadable(Unreadable),
    /// A project file could not be opened; nothing changed.
    FileRejected {
        /// The file's name.
        file: String,
        /// Why.
        error: ProjectError,
    },
    /// A project file was opened.
    FileOpened(String),
    /// A share link could not be opened; nothing changed.
    LinkRejected(LinkError),
    /// A share link was opened (a new project in the list).
    LinkOpened,
    /// A share link's project was already saved here (under this name):
    /// switched to it instead of saving it twice.
    LinkAlreadySaved(String),
    /// The share link was copied; `settings_only` when the data did not fit.
    LinkCopied {
        /// Its length in characters.
        length: usize,
        /// Whether only the settings are in it.
        settings_only: bool,
    },
    /// The link is too long even without the data: save the file instead.
    LinkTooLong {
        /// Its length.
        length: usize,
    },
    /// The clipboard refused: the link is shown to copy by hand.
    CopyByHand,
    /// The data file attached to a settings-only link does not fit it.
    AttachRejected(ProjectError),
    /// The attached data file is another file than the link was made with.
    AttachedDifferent,
}

/// The persistence part of the state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersistState {
    /// Whether the saved work has been restored (no autosave before).
    pub ready: bool,
    /// The saved projects.
    pub index: SavedIndex,
    /// The id of the project on screen.
    pub current: String,
    /// The last message.
    pub message: Option<PersistMessage>,
    /// A settings-only link waiting for its data file.
    pub waiting_for_data: Option<DataDescription>,
    /// The share link last made (shown to copy by hand if needed).
    pub link: Option<String>,
    /// Whether the project list is open.
    pub list_open: bool,
    /// Whether the autosave has written what is on screen.
    pub save: SaveStatus,
    /// How many times a project was put on screen from outside (restored,
    /// switched to, opened, new). Editors that keep typed text of their own
    /// are keyed by it, so they start again from the project's settings.
    pub generation: u64,
}

/// Where the autosave stands, shown in the project bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SaveStatus {
    /// Every save asked for has been written (also: nothing to save yet).
    #[default]
    Saved,
    /// A save (or rename, delete) is queued or being written.
    Saving,
    /// The last storage operation failed (the message says why).
    Failed,
}

/// What can happen in keeping and sharing work.
#[derive(Debug, Clone, PartialEq)]
pub enum PersistAction {
    /// Put a project on screen (restored, switched to, opened from a file
    /// or link): its settings, table, case column and language.
    Load {
        /// The id it is saved under.
        id: String,
        /// The project, with its data.
        project: Box<Project>,
        /// Where its table came from.
        origin: SavedOrigin,
    },
    /// Start an empty project under a new id (the table stays unloaded).
    New {
        /// The id.
        id: String,
    },
    /// Save what is on screen under this id from now on, changing nothing
    /// else (start-up with nothing to restore: a table the user loaded
    /// meanwhile stays).
    Adopt {
        /// The id.
        id: String,
    },
    /// The list of saved projects changed (after a save, rename, delete).
    Listed(SavedIndex),
    /// Restoring is done: autosave may start.
    Ready,
    /// Rename the project on screen.
    Rename(String),
    /// Show a message.
    Say(PersistMessage),
    /// Hide the message.
    Dismiss,
    /// A settings-only link waits for the data file it describes.
    WaitForData(Option<DataDescription>),
    /// The share link made.
    Link(Option<String>),
    /// Open or close the project list.
    ToggleList,
    /// A storage operation was queued: the status says "Saving…".
    Saving,
    /// The storage queue ran empty; `ok`: its last operation was written
    /// (otherwise it failed, and the status says so).
    SaveDone {
        /// Whether the last operation succeeded.
        ok: bool,
    },
}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(state: &mut AppState, action: PersistAction) {
    match action {
        PersistAction::Load {
            id,
            project,
            origin,
        } => load(state, id, *project, &origin),
        PersistAction::New { id } => {
            state.persist.generation += 1;
            state.project = Project::default();
            state.loaded = None;
            state.input = None;
            state.error = None;
            state.persist.current = id;
            state.persist.waiting_for_data = None;
            state.persist.link = None;
        }
        PersistAction::Adopt { id } => state.persist.current = id,
        PersistAction::Listed(index) => state.persist.index = index,
        PersistAction::Ready => state.persist.ready = true,
        PersistAction::Rename(name) => state.project.name = name,
        PersistAction::Say(message) => state.persist.message = Some(message),
        PersistAction::Dismiss => state.persist.message = None,
        PersistAction::WaitForData(description) => state.persist.waiting_for_data = description,
        PersistAction::Link(link) => state.persist.link = link,
        PersistAction::ToggleList => state.persist.list_open = !state.persist.list_open,
        PersistAction::Saving => state.persist.save = SaveStatus::Saving,
        PersistAction::SaveDone { ok } => {
            state.persist.save = if ok {
                SaveStatus::Saved
            } else {
                SaveStatus::Failed
            }
        }
    }
}

fn load(state: &mut AppState, id: String, mut project: Project, origin: &SavedOrigin) {
    state.persist.generation += 1;
    if let Some(lang) = project.language.as_deref().and_then(Lang::from_code) {
        state.lang = lang;
    }
    state.loaded = project.data.take().map(|dataset| loaded(dataset, origin));
    state.input = state.loaded.as_ref().map(|l| l.input.clone());
    state.project = project;
    state.error = None;
    state.persist.current = id;
    state.persist.waiting_for_data = None;
    state.persist.link = None;
}

/// The loaded table of a restored dataset (its case column kept).
fn loaded(dataset: Dataset, origin: &SavedOrigin) -> Loaded {
    let (origin, bytes) = origin.restore(&dataset.name);
    let case_column = dataset.case_column;
    let summaries = Shared::new(dataset.summaries());
    let imported = Imported {
        dataset,
        encoding: None,
        delimiter: None,
        sheets: Vec::new(),
        sheet: None,
        warnings: Vec::new(),
    };
    Loaded {
        input: Shared::new(RawInput {
            origin: origin.clone(),
            bytes,
        }),
        origin,
        imported: Shared::new(imported),
        summaries,
        case_column,
    }
}

impl AppState {
    /// The project as saved: [`AppState::to_project`] with the interface
    /// language and a name (the table's when the user gave none).
    pub fn to_saved_project(&self) -> Project {
        let mut project = self.to_saved_settings();
        project.data = self.to_project().data;
        project
    }

    /// [`AppState::to_saved_project`] without the table (`data` is `None`;
    /// the table is not cloned): what an autosave writes besides the
    /// table's own record.
    pub fn to_saved_settings(&self) -> Project {
        let mut project = self.project.clone();
        project.data = None;
        project.language = Some(self.lang.code().to_owned());
        if project.name.is_empty()
            && let Some(l) = &self.loaded
        {
            project.name = l.imported.dataset.name.clone();
        }
        project
    }

    /// Where the table on screen came from, as saved.
    pub fn saved_origin(&self) -> SavedOrigin {
        self.loaded
            .as_ref()
            .map_or(SavedOrigin::Other, |l| SavedOrigin::of(&l.origin))
    }
}
