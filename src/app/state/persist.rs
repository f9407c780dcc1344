//! State and actions of keeping and sharing work: autosave, project files, share links, report, R script.

use super::AppState;

/// What can happen in keeping and sharing work: autosave, project files, share links, report, R script.
#[derive(Debug, Clone, PartialEq)]
pub enum PersistAction {}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(_state: &mut AppState, action: PersistAction) {
    match action {}
}
