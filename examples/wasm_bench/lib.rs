//! Minimization benchmark core for WebAssembly, timed in headless Chromium by
//! `scripts/bench-minimize-browser.mjs` (built as a cdylib for
//! `wasm32-unknown-unknown` and bound with `wasm-bindgen --target web`).
//!
//! The page hands a timing problem's CSV text to [`BenchProblem::new`] (parsed
//! with the same code as the native `bench` example) and times
//! [`BenchProblem::minimize`] with `performance.now()`. On other targets this
//! crate is empty.

#[cfg(target_arch = "wasm32")]
#[path = "../common/problems.rs"]
mod problems;

#[cfg(target_arch = "wasm32")]
mod web {
    use std::ops::ControlFlow;

    use policylens::analysis::minimize::{
        Completeness, Kind, MinimizeError, Options, Problem, Progress, minimize,
    };
    use wasm_bindgen::prelude::*;

    use super::problems::parse_problem;

    /// A parsed timing problem, kept in wasm memory between runs.
    #[wasm_bindgen]
    pub struct BenchProblem {
        problem: Problem,
        rows: usize,
    }

    #[wasm_bindgen]
    impl BenchProblem {
        /// Parses the CSV text of a timing problem (`X1..Xk,OUT`).
        #[wasm_bindgen(constructor)]
        pub fn new(csv: &str) -> Result<BenchProblem, JsError> {
            let (problem, rows) =
                parse_problem(csv).ok_or_else(|| JsError::new("not a timing problem CSV"))?;
            Ok(BenchProblem { problem, rows })
        }

        /// A generated problem of `problems::GENERATED` by name.
        pub fn generated(name: &str) -> Result<BenchProblem, JsError> {
            super::problems::GENERATED
                .iter()
                .find(|g| g.0 == name)
                .and_then(|&(_, k, n_pos, n_neg)| {
                    super::problems::planted(k, n_pos, n_neg).map(|problem| BenchProblem {
                        problem,
                        rows: n_pos + n_neg,
                    })
                })
                .ok_or_else(|| JsError::new("unknown generated problem"))
        }

        /// The names of the generated problems.
        pub fn generated_names() -> Vec<String> {
            super::problems::GENERATED
                .iter()
                .map(|g| g.0.to_string())
                .collect()
        }

        /// Number of conditions.
        pub fn k(&self) -> usize {
            self.problem.k()
        }

        /// Number of data rows in the CSV.
        pub fn rows(&self) -> usize {
            self.rows
        }

        /// Minimizes (`kind`: "parsimonious" or "complex"), cancelled after
        /// `limit_ms` milliseconds; returns "PIs/models" (a `+` after the
        /// models when the list is incomplete) or "timeout" / "error: …".
        pub fn minimize(&self, kind: &str, limit_ms: f64) -> String {
            let kind = if kind == "complex" {
                Kind::Complex
            } else {
                Kind::Parsimonious
            };
            let start = js_sys::Date::now();
            let mut deadline = |_: Progress| {
                if js_sys::Date::now() - start > limit_ms {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            };
            match minimize(&self.problem, kind, &Options::default(), &mut deadline) {
                Ok(m) => {
                    let more = match m.completeness {
                        Completeness::All => "",
                        _ => "+",
                    };
                    format!("{}/{}{more}", m.prime_implicants.len(), m.models.len())
                }
                Err(MinimizeError::Cancelled) => "timeout".into(),
                Err(e) => format!("error: {e}"),
            }
        }
    }
}
