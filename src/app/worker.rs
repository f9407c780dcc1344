//! Work off the page's thread: minimization runs in one web worker
//! (the `worker` bin, [`run_in_worker`]), reading spreadsheet workbooks
//! and writing the XLSX workbook in another (the `files` bin,
//! [`run_in_files_worker`]), so that every minimization loads a lean
//! worker without the spreadsheet reader and writer. This module holds the
//! messages between the page and the workers, the workers' loops and the
//! page's handles ([`WorkerJob`], [`Minimizer`], [`run_once`],
//! [`read_workbook`], [`write_workbook`]); [`Task::script`] says which
//! worker runs a task.
//!
//! The page posts one [`Task`] per worker, once the worker said
//! [`Reply::Ready`]. Every message is a JS array `[json, bytes?]`: the
//! JSON text of the task or reply and, for file contents, a `Uint8Array`
//! beside it (transferred, not copied through JSON). A minimization
//! replies [`Reply::Progress`] at most every [`PROGRESS_INTERVAL_MS`] and
//! one [`Reply::Done`]; it is synchronous inside the worker, so cancelling
//! terminates the worker ([`WorkerJob`]'s drop); the next run starts a
//! fresh one. (gloo-worker's bridge cannot terminate a busy worker, hence
//! the plain `web_sys::Worker`.)
//!
//! Workbooks are read here because the spreadsheet reader (calamine) can
//! panic on a damaged file, and a panic aborts the wasm instance: in the
//! worker that kills only the worker, which the page sees as an error
//! event and reports as "could not read this file" — the page and the
//! table already loaded survive. The page's bundle no longer contains the
//! reader at all.

use std::cell::RefCell;
use std::ops::ControlFlow;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};
use yew::Callback;

use crate::analysis::data::{
    DataError, Dataset, ImportOptions, ImportWarning, Imported, import_workbook, sniff_workbook,
};
use crate::analysis::project::Project;
use crate::analysis::project::xlsx::{Sheet, write_xlsx};
use crate::analysis::solution::problem_from_truth_table;
use crate::analysis::truth_table::TruthTable;

use crate::analysis::minimize::{
    DirectionalExpectations, IntermediateSolution, Kind, Minimization, Options, Problem, Progress,
    minimize, minimize_intermediate,
};

/// The loader shim trunk emits for the `worker` bin (`data-loader-shim`),
/// relative to the page, which loads `worker.js` and its wasm: the
/// minimization worker.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";

/// The loader shim of the `files` bin: the worker that reads workbooks and
/// writes the XLSX workbook (relative to the page, so it also works when
/// the bundle is hosted under a sub-path).
pub const FILES_SCRIPT: &str = "./files_loader.js";

/// Least time between two progress messages.
pub const PROGRESS_INTERVAL_MS: f64 = 150.0;

/// What to minimize.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The run's id (replies carry it).
    pub id: u64,
    /// The truth table's minimization problem.
    pub problem: Problem,
    /// The problem of the negated outcome, for the contradictory
    /// simplifying assumptions (`None`: not computed).
    pub negated: Option<Problem>,
    /// Chart options.
    pub options: Options,
    /// Directional expectations (empty: no intermediate solution).
    pub expectations: DirectionalExpectations,
}

pub use super::run::{Failure, Step};

/// The solutions of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Complex (conservative) solution.
    pub complex: Result<Minimization, Failure>,
    /// Parsimonious solution.
    pub parsimonious: Result<Minimization, Failure>,
    /// Intermediate solution, when expectations were given.
    pub intermediate: Option<Result<IntermediateSolution, Failure>>,
    /// Rows used as simplifying assumptions both for the outcome and for
    /// its negation (parsimonious solutions), 0-based configurations.
    pub contradictory: Option<Vec<u64>>,
}

/// The minimization request (id 0) for a project's truth table `tt`: the
/// problem, the negated outcome's problem (for the contradictory
/// simplifying assumptions), the options and directional expectations —
/// what the fsQCA section and the report run.
///
/// # Errors
/// [`Failure`] when the truth table has no minimization problem.
pub fn request_for(project: &Project, tt: &TruthTable) -> Result<Request, Failure> {
    let include = project.qca.minimize.include_contradictions;
    let problem = problem_from_truth_table(tt, include).map_err(Failure::from)?;
    let mut neg = project.clone();
    neg.qca.truth_table.negate_outcome = !neg.qca.truth_table.negate_outcome;
    neg.qca.truth_table.set_out.clear();
    let negated = neg
        .truth_table()
        .ok()
        .and_then(|nt| problem_from_truth_table(&nt, include).ok());
    Ok(Request {
        id: 0,
        problem,
        negated,
        options: project.qca.minimize.options,
        expectations: project.qca.minimize.directional_expectations.clone(),
    })
}

/// What the page asks a worker to do (one task per worker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// Minimize a truth table.
    Minimize(Request),
    /// Read a workbook (XLSX, XLS, ODS, XLSB); its bytes travel beside the
    /// message.
    ReadWorkbook {
        /// The file's name (its extension helps recognise the format).
        name: String,
        /// The sheet to read.
        options: ImportOptions,
    },
    /// Write tables as an XLSX workbook (the writer lives in the worker's
    /// bundle, beside the reader, not in the page's).
    WriteWorkbook {
        /// One sheet per table.
        sheets: Vec<Sheet>,
    },
}

impl Task {
    /// The script of the worker that runs this task: [`WORKER_SCRIPT`] for
    /// a minimization, [`FILES_SCRIPT`] for reading or writing workbooks.
    pub fn script(&self) -> &'static str {
        match self {
            Task::Minimize(_) => WORKER_SCRIPT,
            Task::ReadWorkbook { .. } | Task::WriteWorkbook { .. } => FILES_SCRIPT,
        }
    }
}

/// A table read from a workbook: [`Imported`] in a form that crosses the
/// worker boundary (workbooks have no encoding or delimiter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkbookTable {
    /// The table.
    pub dataset: Dataset,
    /// All sheet names.
    pub sheets: Vec<String>,
    /// The sheet read.
    pub sheet: Option<String>,
    /// What the import did on its own.
    pub warnings: Vec<ImportWarning>,
}

impl From<Imported> for WorkbookTable {
    fn from(i: Imported) -> Self {
        WorkbookTable {
            dataset: i.dataset,
            sheets: i.sheets,
            sheet: i.sheet,
            warnings: i.warnings,
        }
    }
}

impl From<WorkbookTable> for Imported {
    fn from(t: WorkbookTable) -> Self {
        Imported {
            dataset: t.dataset,
            encoding: None,
            delimiter: None,
            sheets: t.sheets,
            sheet: t.sheet,
            warnings: t.warnings,
        }
    }
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded and waits for its request (messages posted
    /// before that would be lost).
    Ready,
    /// Work in progress.
    Progress {
        /// The run.
        id: u64,
        /// Its step.
        step: Step,
        /// Prime implicants found or chart nodes visited so far.
        count: u64,
    },
    /// The run ended.
    Done {
        /// The run.
        id: u64,
        /// The solutions.
        outcome: Box<Outcome>,
    },
    /// The XLSX workbook was written: its bytes travel beside the message
    /// (or why not, in English).
    WorkbookWritten {
        /// `Err`: the writer's message.
        result: Result<(), String>,
    },
    /// A workbook was read (or rejected with a message).
    WorkbookRead {
        /// The table, or why it could not be read.
        result: Result<Box<WorkbookTable>, DataError>,
    },
    /// The task was posted to a worker that does not run it (see
    /// [`Task::script`]); ends the task so that the page never waits.
    WrongWorker,
}

impl Reply {
    /// Whether this reply ends the task (not [`Reply::Ready`] nor
    /// [`Reply::Progress`]).
    pub fn is_final(&self) -> bool {
        !matches!(self, Reply::Ready | Reply::Progress { .. })
    }
}

/// A message as posted: `[json, Uint8Array?]`; the bytes' buffer goes in
/// the transfer list.
fn encode_message(json: &str, bytes: Option<&[u8]>) -> (JsValue, js_sys::Array) {
    let message = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    message.push(&JsValue::from_str(json));
    if let Some(bytes) = bytes {
        let array = js_sys::Uint8Array::from(bytes);
        transfer.push(&array.buffer());
        message.push(&array);
    }
    (message.into(), transfer)
}

/// Reads a message posted by [`encode_message`]: its JSON text and bytes.
fn decode_message(data: &JsValue) -> Option<(String, Option<Vec<u8>>)> {
    let message: &js_sys::Array = data.dyn_ref()?;
    let json = message.get(0).as_string()?;
    let bytes = message
        .get(1)
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec);
    Some((json, bytes))
}

/// Runs a request (pure apart from `progress`, which may stop it by
/// returning `Break`). Complexity: that of [`minimize`] for each solution.
pub fn compute(
    request: &Request,
    progress: &mut dyn FnMut(Step, u64) -> ControlFlow<()>,
) -> Outcome {
    let o = &request.options;
    let step_progress = |step: Step| {
        move |p: Progress| match p {
            Progress::PrimeSearch { found, .. } => (step, found as u64),
            Progress::ChartSearch { nodes, .. } => (step, nodes),
        }
    };
    let mut run = |step: Step, kind: Kind, problem: &Problem| {
        let map = step_progress(step);
        minimize(problem, kind, o, &mut |p| {
            let (s, c) = map(p);
            progress(s, c)
        })
        .map_err(Failure::from)
    };
    let complex = run(Step::Complex, Kind::Complex, &request.problem);
    let parsimonious = run(Step::Parsimonious, Kind::Parsimonious, &request.problem);
    let contradictory = match (&parsimonious, &request.negated) {
        (Ok(p), Some(neg)) => run(Step::Negation, Kind::Parsimonious, neg).ok().map(|n| {
            let sa = |m: &Minimization| -> Vec<u64> {
                m.simplifying_assumptions
                    .iter()
                    .flatten()
                    .flatten()
                    .copied()
                    .collect()
            };
            crate::analysis::minimize::contradictory_simplifying_assumptions(&sa(p), &sa(&n))
        }),
        _ => None,
    };
    let intermediate = if request.expectations.is_empty() || parsimonious.is_err() {
        None
    } else {
        let map = step_progress(Step::Intermediate);
        Some(
            minimize_intermediate(&request.problem, &request.expectations, o, &mut |p| {
                let (s, c) = map(p);
                progress(s, c)
            })
            .map_err(Failure::from),
        )
    };
    Outcome {
        complex,
        parsimonious,
        intermediate,
        contradictory,
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Sends a reply from inside a worker, its bytes transferred.
fn post_reply(scope: &DedicatedWorkerGlobalScope, reply: &Reply, bytes: Option<&[u8]>) {
    if let Ok(s) = serde_json::to_string(reply) {
        let (message, transfer) = encode_message(&s, bytes);
        let _ = scope.post_message_with_transfer(&message, &transfer);
    }
}

/// A worker's loop: hands every task posted to it to `handle` (with the
/// bytes beside it and the scope to reply through), then says
/// [`Reply::Ready`].
fn serve(handle: impl Fn(&DedicatedWorkerGlobalScope, Task, Option<Vec<u8>>) + 'static) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let poster = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Some((text, bytes)) = decode_message(&e.data()) else {
            return;
        };
        let Ok(task) = serde_json::from_str::<Task>(&text) else {
            return;
        };
        handle(&poster, task, bytes);
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post_reply(&scope, &Reply::Ready, None);
}

/// The minimization worker's main loop (the `worker` bin): answers
/// [`Task::Minimize`]; any other task gets [`Reply::WrongWorker`].
pub fn run_in_worker() {
    serve(|scope, task, _bytes| {
        let Task::Minimize(request) = task else {
            post_reply(scope, &Reply::WrongWorker, None);
            return;
        };
        let mut last = now();
        let id = request.id;
        let outcome = compute(&request, &mut |step, count| {
            let t = now();
            if t - last >= PROGRESS_INTERVAL_MS {
                last = t;
                post_reply(scope, &Reply::Progress { id, step, count }, None);
            }
            ControlFlow::Continue(())
        });
        post_reply(
            scope,
            &Reply::Done {
                id,
                outcome: Box::new(outcome),
            },
            None,
        );
    });
}

/// The files worker's main loop (the `files` bin): reads workbooks
/// ([`Task::ReadWorkbook`]) and writes the XLSX workbook
/// ([`Task::WriteWorkbook`]); a minimization gets [`Reply::WrongWorker`].
pub fn run_in_files_worker() {
    serve(|scope, task, bytes| match task {
        Task::ReadWorkbook { name, options } => {
            let bytes = bytes.unwrap_or_default();
            // Only the workbook readers: the page parses text itself.
            let result = match sniff_workbook(&name, &bytes) {
                Some(format) => import_workbook(&name, &bytes, format, &options),
                None => Err(DataError::UnreadableWorkbook {
                    format: "?".to_owned(),
                    message: "not a workbook".to_owned(),
                }),
            }
            .map(|i| Box::new(WorkbookTable::from(i)));
            post_reply(scope, &Reply::WorkbookRead { result }, None);
        }
        Task::WriteWorkbook { sheets } => match write_xlsx(&sheets) {
            Ok(bytes) => post_reply(
                scope,
                &Reply::WorkbookWritten { result: Ok(()) },
                Some(&bytes),
            ),
            Err(e) => post_reply(
                scope,
                &Reply::WorkbookWritten {
                    result: Err(e.to_string()),
                },
                None,
            ),
        },
        Task::Minimize(_) => post_reply(scope, &Reply::WrongWorker, None),
    });
}

/// A task running in its own worker; dropping it terminates the worker
/// (cancel).
pub struct WorkerJob {
    worker: Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// A running minimization (a [`WorkerJob`] started by [`Minimizer::start`]).
pub type Minimizer = WorkerJob;

impl std::fmt::Debug for WorkerJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WorkerJob")
    }
}

impl WorkerJob {
    /// Starts the worker that runs `task` ([`Task::script`]) on it (with
    /// `bytes` beside it); `on_reply` gets
    /// every reply after [`Reply::Ready`] with the bytes that came with it,
    /// `on_error` a message when the worker fails to start or crashes (a
    /// panic inside the worker).
    ///
    /// # Errors
    /// The browser's error text when the worker cannot be created.
    pub fn spawn(
        task: &Task,
        bytes: Option<Vec<u8>>,
        on_reply: Callback<(Reply, Option<Vec<u8>>)>,
        on_error: Callback<String>,
    ) -> Result<WorkerJob, String> {
        let worker = Worker::new(task.script()).map_err(|e| format!("{e:?}"))?;
        let text = serde_json::to_string(task).map_err(|e| e.to_string())?;
        let poster = worker.clone();
        let mut bytes = bytes;
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some((json, reply_bytes)) = decode_message(&e.data()) else {
                return;
            };
            match serde_json::from_str::<Reply>(&json) {
                Ok(Reply::Ready) => {
                    let (message, transfer) = encode_message(&text, bytes.take().as_deref());
                    let _ = poster.post_message_with_transfer(&message, &transfer);
                }
                Ok(reply) => on_reply.emit((reply, reply_bytes)),
                Err(_) => {}
            }
        });
        let onerror =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                on_error.emit(e.message());
            });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(WorkerJob {
            worker,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    /// Starts a worker on a minimization `request`; `on_reply` gets every
    /// reply, `on_error` a message when the worker fails to start or
    /// crashes.
    ///
    /// # Errors
    /// The browser's error text when the worker cannot be created.
    pub fn start(
        request: &Request,
        on_reply: Callback<Reply>,
        on_error: Callback<String>,
    ) -> Result<WorkerJob, String> {
        WorkerJob::spawn(
            &Task::Minimize(request.clone()),
            None,
            on_reply.reform(|(reply, _)| reply),
            on_error,
        )
    }
}

impl Drop for WorkerJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The final reply of a task with the bytes that came with it, or why the
/// worker failed (the browser's message: it could not start, or crashed).
pub type TaskResult = Result<(Reply, Option<Vec<u8>>), String>;

/// Runs `task` in a fresh worker and waits for its final reply; the
/// worker is terminated afterwards. `on_progress` gets the progress
/// replies.
pub async fn run_once(
    task: Task,
    bytes: Option<Vec<u8>>,
    on_progress: Callback<Reply>,
) -> TaskResult {
    let result: Rc<RefCell<Option<TaskResult>>> = Rc::default();
    let job: Rc<RefCell<Option<WorkerJob>>> = Rc::default();
    let mut start = Some((task, bytes));
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _reject| {
        let Some((task, bytes)) = start.take() else {
            return;
        };
        let on_reply = {
            let (resolve, result) = (resolve.clone(), result.clone());
            let on_progress = on_progress.clone();
            Callback::from(move |(reply, bytes): (Reply, Option<Vec<u8>>)| {
                if reply.is_final() {
                    result.borrow_mut().get_or_insert(Ok((reply, bytes)));
                    let _ = resolve.call0(&JsValue::NULL);
                } else {
                    on_progress.emit(reply);
                }
            })
        };
        let on_error = {
            let (resolve, result) = (resolve.clone(), result.clone());
            Callback::from(move |e: String| {
                result.borrow_mut().get_or_insert(Err(e));
                let _ = resolve.call0(&JsValue::NULL);
            })
        };
        match WorkerJob::spawn(&task, bytes, on_reply, on_error) {
            Ok(j) => *job.borrow_mut() = Some(j),
            Err(e) => {
                *result.borrow_mut() = Some(Err(e));
                let _ = resolve.call0(&JsValue::NULL);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
    job.borrow_mut().take();
    let outcome = result.borrow_mut().take();
    outcome.unwrap_or_else(|| Err("the worker stopped without an answer".to_owned()))
}

/// Why a workbook could not be read in the worker.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookFailure {
    /// The reader rejected it with a message (damaged in a way it detects,
    /// no such sheet, an empty sheet, …).
    Data(DataError),
    /// The worker died while reading (the reader panicked on a damaged
    /// file) or could not start; the browser's message.
    Crashed(String),
}

/// Reads a workbook in a worker (see the module docs for why).
///
/// # Errors
/// [`WorkbookFailure`].
pub async fn read_workbook(
    name: &str,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> Result<Imported, WorkbookFailure> {
    let task = Task::ReadWorkbook {
        name: name.to_owned(),
        options,
    };
    match run_once(task, Some(bytes), Callback::noop()).await {
        Ok((Reply::WorkbookRead { result }, _)) => result
            .map(|t| Imported::from(*t))
            .map_err(WorkbookFailure::Data),
        Ok(_) => Err(WorkbookFailure::Crashed(
            "unexpected reply from the worker".to_owned(),
        )),
        Err(e) => Err(WorkbookFailure::Crashed(e)),
    }
}

/// Writes `sheets` as an XLSX workbook in a worker; the file's bytes.
///
/// # Errors
/// The writer's or the browser's message.
pub async fn write_workbook(sheets: Vec<Sheet>) -> Result<Vec<u8>, String> {
    match run_once(Task::WriteWorkbook { sheets }, None, Callback::noop()).await? {
        (Reply::WorkbookWritten { result: Ok(()) }, Some(bytes)) => Ok(bytes),
        (Reply::WorkbookWritten { result: Err(e) }, _) => Err(e),
        _ => Err("unexpected reply from the worker".to_owned()),
    }
}
