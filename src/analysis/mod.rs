//! Pure analysis code: data import, fsQCA and stakeholder scoring.
//!
//! Nothing in here touches the browser: it compiles and is tested natively,
//! and both the web app and `policylens-cli` are thin shells over it.
#![deny(clippy::unwrap_used)]

pub mod calibrate;
pub mod data;
pub mod expr;
pub mod fit;
pub mod minimize;
pub mod necessity;
pub mod project;
pub mod solution;
pub mod stakeholder;
pub mod truth_table;
