//! State and actions of the fsQCA section: calibration, necessity, truth table, minimization, results.

use super::AppState;

/// What can happen in the fsQCA section: calibration, necessity, truth table, minimization, results.
#[derive(Debug, Clone, PartialEq)]
pub enum FsqcaAction {}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(_state: &mut AppState, action: FsqcaAction) {
    match action {}
}
