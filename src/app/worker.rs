//! Minimization in a web worker: the messages between the page and the
//! worker, the worker's loop ([`run_in_worker`], called by the `worker`
//! bin) and the page's handle ([`Minimizer`]).
//!
//! The page posts one [`Request`] (JSON text) per worker; the worker posts
//! [`Reply::Progress`] at most every [`PROGRESS_INTERVAL_MS`] and one
//! [`Reply::Done`]. The minimization is synchronous inside the worker, so
//! cancelling terminates the worker ([`Minimizer`]'s drop); the next run
//! starts a fresh one. (gloo-worker's bridge cannot terminate a busy
//! worker, hence the plain `web_sys::Worker`.)

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};
use yew::Callback;

use crate::analysis::minimize::{
    DirectionalExpectations, IntermediateSolution, Kind, Minimization, MinimizeError, Options,
    Problem, Progress, minimize, minimize_intermediate,
};

/// The loader shim trunk emits for the `worker` bin (`data-loader-shim`),
/// relative to the page, which loads `worker.js` and its wasm.
pub const WORKER_SCRIPT: &str = "./worker_loader.js";

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

/// The step a run is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Complex solution.
    Complex,
    /// Parsimonious solution.
    Parsimonious,
    /// Intermediate solution.
    Intermediate,
    /// Parsimonious solution of the negated outcome.
    Negation,
}

/// Why a solution could not be found (a serializable [`MinimizeError`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Failure {
    /// No row has OUT = 1.
    NothingToExplain,
    /// No negative row: the parsimonious solution is the tautology.
    Tautology,
    /// Too many conditions.
    TooManyConditions {
        /// Conditions given.
        k: usize,
        /// Largest number allowed.
        max: usize,
    },
    /// Too many models or assumptions to enumerate.
    TooLarge,
    /// Any other error, in English.
    Other(String),
}

impl From<MinimizeError> for Failure {
    fn from(e: MinimizeError) -> Self {
        match e {
            MinimizeError::NothingToExplain => Failure::NothingToExplain,
            MinimizeError::Tautology => Failure::Tautology,
            MinimizeError::TooManyConditions { k, max } => Failure::TooManyConditions { k, max },
            MinimizeError::TooLarge { .. } => Failure::TooLarge,
            other => Failure::Other(other.to_string()),
        }
    }
}

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

/// The worker's main loop: answers every request posted to it.
pub fn run_in_worker() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let poster = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(text) = e.data().as_string() else {
            return;
        };
        let Ok(request) = serde_json::from_str::<Request>(&text) else {
            return;
        };
        let post = |reply: &Reply| {
            if let Ok(s) = serde_json::to_string(reply) {
                let _ = poster.post_message(&JsValue::from_str(&s));
            }
        };
        let mut last = now();
        let id = request.id;
        let outcome = compute(&request, &mut |step, count| {
            let t = now();
            if t - last >= PROGRESS_INTERVAL_MS {
                last = t;
                post(&Reply::Progress { id, step, count });
            }
            ControlFlow::Continue(())
        });
        post(&Reply::Done {
            id,
            outcome: Box::new(outcome),
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    if let Ok(s) = serde_json::to_string(&Reply::Ready) {
        let _ = scope.post_message(&JsValue::from_str(&s));
    }
}

/// A running minimization in its own worker; dropping it terminates the
/// worker (cancel).
pub struct Minimizer {
    worker: Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl std::fmt::Debug for Minimizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Minimizer")
    }
}

impl Minimizer {
    /// Starts a worker on `request`; `on_reply` gets every reply,
    /// `on_error` a message when the worker fails to start or crashes.
    ///
    /// # Errors
    /// The browser's error text when the worker cannot be created.
    pub fn start(
        request: &Request,
        on_reply: Callback<Reply>,
        on_error: Callback<String>,
    ) -> Result<Minimizer, String> {
        let worker = Worker::new(WORKER_SCRIPT).map_err(|e| format!("{e:?}"))?;
        let text = serde_json::to_string(request).map_err(|e| e.to_string())?;
        let poster = worker.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            match e
                .data()
                .as_string()
                .and_then(|t| serde_json::from_str::<Reply>(&t).ok())
            {
                Some(Reply::Ready) => {
                    let _ = poster.post_message(&JsValue::from_str(&text));
                }
                Some(reply) => on_reply.emit(reply),
                None => {}
            }
        });
        let onerror =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                on_error.emit(e.message());
            });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        Ok(Minimizer {
            worker,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }
}

impl Drop for Minimizer {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
