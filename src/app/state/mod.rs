//! The application state and its reducer.
//!
//! [`AppState`] is changed only by [`Action`]s through [`Reducible::reduce`],
//! which is pure: reading files, storage and timers are effects in the
//! components and in [`super::browser`].

use std::rc::Rc;

#[cfg(target_arch = "wasm32")]
use yew::prelude::*;

use super::i18n::Lang;
use crate::analysis::data::{ColumnSummary, DataError, Imported};
use crate::analysis::project::Project;

pub mod fsqca;
pub mod persist;
pub mod stakeholders;
#[cfg(test)]
mod tests;

/// A section of the app, reachable from the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    /// Getting a table in, previewing it, choosing the case column.
    #[default]
    Data,
    /// Stakeholder scoring.
    Stakeholders,
    /// Calibration, truth tables and minimization.
    Fsqca,
    /// The report.
    Report,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 4] = [
        Section::Data,
        Section::Stakeholders,
        Section::Fsqca,
        Section::Report,
    ];

    /// The URL fragment (without `#`) that names the section.
    pub fn fragment(self) -> &'static str {
        match self {
            Section::Data => "data",
            Section::Stakeholders => "stakeholders",
            Section::Fsqca => "fsqca",
            Section::Report => "report",
        }
    }

    /// The section named by a URL fragment (with or without `#`).
    pub fn from_fragment(fragment: &str) -> Option<Section> {
        let f = fragment.trim_start_matches('#');
        Section::ALL.into_iter().find(|s| s.fragment() == f)
    }
}

/// A bundled example table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// Illustrative county medical alliances (modeled on seed 001), raw scores.
    CountyAlliances,
    /// Illustrative stakeholder ratings (modeled on seed 000).
    StakeholderRatings,
    /// The Lipset data set `LF` of the R package QCA.
    Lipset,
}

impl Example {
    /// Every example, in menu order.
    pub const ALL: [Example; 3] = [
        Example::CountyAlliances,
        Example::StakeholderRatings,
        Example::Lipset,
    ];

    /// The file name under `examples/` in the bundle.
    pub fn file_name(self) -> &'static str {
        match self {
            Example::CountyAlliances => "county_alliances_illustrative.csv",
            Example::StakeholderRatings => "stakeholder_ratings_illustrative.csv",
            Example::Lipset => "LF.csv",
        }
    }

    /// Whether the data are made up for illustration (not observations).
    pub fn is_illustrative(self) -> bool {
        !matches!(self, Example::Lipset)
    }

    /// The column that names the cases.
    pub fn case_column(self) -> &'static str {
        match self {
            Example::CountyAlliances => "county",
            Example::StakeholderRatings => "stakeholder",
            Example::Lipset => "case",
        }
    }

    /// The bundled bytes of the example's file.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Example::CountyAlliances => {
                include_bytes!("../../../assets/examples/county_alliances_illustrative.csv")
            }
            Example::StakeholderRatings => {
                include_bytes!("../../../assets/examples/stakeholder_ratings_illustrative.csv")
            }
            Example::Lipset => include_bytes!("../../../assets/examples/LF.csv"),
        }
    }
}

/// Where the bytes of a table came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A file the user opened or dropped.
    File(String),
    /// Cells pasted from a spreadsheet.
    Pasted,
    /// A bundled example.
    Example(Example),
}

/// The raw input of an import, kept so that changing the encoding or the
/// sheet can import it again.
#[derive(Debug)]
pub struct RawInput {
    /// Where it came from.
    pub origin: Origin,
    /// The bytes of a file or example.
    pub bytes: Vec<u8>,
}

/// A shared, immutable value that compares by identity, so that large
/// tables are never compared cell by cell when yew diffs props or state.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What a successful import produced, prepared off the render path.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The import result: the dataset and what was detected.
    pub imported: Shared<Imported>,
    /// The summary of every column.
    pub summaries: Shared<Vec<ColumnSummary>>,
    /// The column that names the cases, as guessed.
    pub case_column: Option<usize>,
}

/// A table that was imported successfully.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Where it came from.
    pub origin: Origin,
    /// The input it was imported from (to import it again with another sheet).
    pub input: Shared<RawInput>,
    /// The import result: the dataset and what was detected.
    pub imported: Shared<Imported>,
    /// The summary of every column.
    pub summaries: Shared<Vec<ColumnSummary>>,
    /// The column that names the cases, if any.
    pub case_column: Option<usize>,
}

/// Why an import failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFailure {
    /// The data module rejected the input.
    Data(DataError),
    /// The browser could not read the file.
    Read,
    /// The spreadsheet reader crashed on this file (a damaged workbook);
    /// only its worker died.
    ReaderCrashed {
        /// The file's name.
        file: String,
    },
}

/// What the importer is doing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum ImportStatus {
    /// Nothing running.
    #[default]
    Idle,
    /// Reading the bytes of a file.
    Reading,
    /// Parsing; the fraction of the input done, 0 to 1.
    Parsing(f64),
}

/// User choices that change how the latest input is imported.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportChoices {
    /// An encoding label chosen by the user (`None`: detect).
    pub encoding: Option<String>,
    /// A sheet chosen by the user (`None`: the first).
    pub sheet: Option<String>,
}

/// The whole state of the app.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The interface language.
    pub lang: Lang,
    /// The section on screen.
    pub section: Section,
    /// The last table imported successfully (kept when a later import fails).
    pub loaded: Option<Loaded>,
    /// The input of the latest import, successful or not.
    pub input: Option<Shared<RawInput>>,
    /// The choices the latest input is imported with.
    pub choices: ImportChoices,
    /// The id of the latest import; results of older ones are ignored.
    pub job: u64,
    /// What the importer is doing.
    pub status: ImportStatus,
    /// Why the latest import failed, until dismissed or a new import starts.
    pub error: Option<ImportFailure>,
    /// Every analysis choice (calibrations, outcome and conditions, truth
    /// table and minimization settings, stakeholder ratings and models).
    /// Its `data` stays `None` here — the table lives in [`AppState::loaded`]
    /// and is shared, not copied, on every state change; saving and sharing
    /// assemble the whole [`Project`] with [`AppState::to_project`].
    pub project: Project,
    /// Saved projects, messages and links (see [`persist`]).
    pub persist: persist::PersistState,
}

impl AppState {
    /// The whole project: the settings with the loaded table (and the
    /// user's case column) put in.
    pub fn to_project(&self) -> Project {
        let mut project = self.project.clone();
        project.data = self.loaded.as_ref().map(|loaded| {
            let mut dataset = loaded.imported.dataset.clone();
            dataset.case_column = loaded.case_column;
            dataset
        });
        project
    }
}

/// Everything that can happen to the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a section.
    Show(Section),
    /// An import began: `job` identifies it; `input` is set when its bytes
    /// are known (`None` while a file is still being read).
    ImportStarted {
        /// The import's id.
        job: u64,
        /// Its raw input, if already read.
        input: Option<Shared<RawInput>>,
        /// The choices it runs with.
        choices: ImportChoices,
    },
    /// A file's bytes were read.
    InputRead {
        /// The import's id.
        job: u64,
        /// The bytes and their origin.
        input: Shared<RawInput>,
    },
    /// Parsing advanced to `fraction` (0 to 1).
    ImportProgressed {
        /// The import's id.
        job: u64,
        /// How much is done.
        fraction: f64,
    },
    /// An import finished.
    Imported {
        /// The import's id.
        job: u64,
        /// The input it read.
        input: Shared<RawInput>,
        /// The table, or why there is none.
        result: Result<Table, ImportFailure>,
    },
    /// The user stopped the running import; `job` is the id that replaces it.
    ImportCancelled {
        /// The new id (no import runs under it).
        job: u64,
    },
    /// Choose the column that names the cases.
    SetCaseColumn(Option<usize>),
    /// Hide the error message.
    DismissError,
    /// Something in the fsQCA section.
    Fsqca(fsqca::FsqcaAction),
    /// Something in the Stakeholders section.
    Stakeholder(stakeholders::StakeholderAction),
    /// Keeping and sharing work (restore, open, rename…).
    Persist(persist::PersistAction),
}

#[cfg(target_arch = "wasm32")]
impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        AppState::apply(self, action)
    }
}

impl AppState {
    /// The state after `action` (pure; the body of yew's
    /// `Reducible::reduce`): `self` itself, unchanged, when the action is
    /// the progress or result of a superseded import.
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Show(section) => s.section = section,
            Action::ImportStarted {
                job,
                input,
                choices,
            } => {
                s.job = job;
                s.status = if input.is_some() {
                    ImportStatus::Parsing(0.0)
                } else {
                    ImportStatus::Reading
                };
                if input.is_some() {
                    s.input = input;
                }
                s.choices = choices;
                s.error = None;
            }
            Action::InputRead { job, input } if job == s.job => {
                s.input = Some(input);
                s.status = ImportStatus::Parsing(0.0);
            }
            Action::ImportProgressed { job, fraction } if job == s.job => {
                s.status = ImportStatus::Parsing(fraction);
            }
            Action::Imported { job, input, result } if job == s.job => {
                s.status = ImportStatus::Idle;
                match result {
                    Ok(table) => {
                        s.loaded = Some(Loaded {
                            origin: input.origin.clone(),
                            input,
                            imported: table.imported,
                            summaries: table.summaries,
                            case_column: table.case_column,
                        });
                        s.error = None;
                    }
                    Err(failure) => s.error = Some(failure),
                }
            }
            Action::ImportCancelled { job } => {
                s.job = job;
                s.status = ImportStatus::Idle;
            }
            Action::SetCaseColumn(column) => {
                if let Some(loaded) = s.loaded.as_mut() {
                    loaded.case_column = column;
                }
            }
            Action::DismissError => s.error = None,
            Action::Fsqca(action) => fsqca::reduce(&mut s, action),
            Action::Stakeholder(action) => stakeholders::reduce(&mut s, action),
            Action::Persist(action) => persist::reduce(&mut s, action),
            // Progress or results of an import that was superseded.
            Action::InputRead { .. }
            | Action::ImportProgressed { .. }
            | Action::Imported { .. } => {
                return self;
            }
        }
        Rc::new(s)
    }
}

/// The case column an example names, else the data module's guess (the
/// first text column whose values are all present and distinct).
pub fn guess_case_column(origin: &Origin, imported: &Imported) -> Option<usize> {
    let dataset = &imported.dataset;
    if let Origin::Example(example) = origin
        && let Some(i) = dataset.column_index(example.case_column())
    {
        return Some(i);
    }
    dataset.guess_case_column()
}
