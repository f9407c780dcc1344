//! State and actions of the Stakeholders section.

use super::AppState;

/// What can happen in the Stakeholders section.
#[derive(Debug, Clone, PartialEq)]
pub enum StakeholderAction {}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(_state: &mut AppState, action: StakeholderAction) {
    match action {}
}
