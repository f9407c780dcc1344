//! State and actions of the Stakeholders section.
//!
//! Everything lives in `AppState.project.stakeholder`
//! ([`crate::analysis::project::StakeholderSection`]): the ratings of every
//! respondent ([`RaterData`]) and the model settings. Results are derived
//! from them by the components, never stored. Components validate what the
//! user typed (and show the message) before dispatching, so the reducer
//! only sees valid edits; an edit the engine still refuses leaves the state
//! as it was.

use super::AppState;
use crate::analysis::stakeholder::{
    RaterData, Stakeholder, StakeholderSettings, example_dimensions,
};

/// A field of a stakeholder's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StakeholderField {
    /// Its name (unique).
    Name,
    /// Its group.
    Group,
    /// Free notes.
    Notes,
}

/// What can happen in the Stakeholders section.
#[derive(Debug, Clone, PartialEq)]
pub enum StakeholderAction {
    /// Adds a stakeholder with a fresh name; with no dimensions yet, the
    /// standard dimensions (those of the bundled example) are set first.
    Add,
    /// Changes one field of stakeholder `index`.
    Edit {
        /// Stakeholder index.
        index: usize,
        /// Which field.
        field: StakeholderField,
        /// New text.
        value: String,
    },
    /// Moves a stakeholder from one position to another.
    Move {
        /// Current index.
        from: usize,
        /// New index.
        to: usize,
    },
    /// Deletes a stakeholder and its ratings.
    Remove(usize),
    /// Sets (or clears) the rating of `respondent` (created when new).
    SetRating {
        /// Respondent name.
        respondent: String,
        /// Stakeholder index.
        stakeholder: usize,
        /// Dimension index.
        dimension: usize,
        /// The value, `None` to clear.
        value: Option<f64>,
    },
    /// Replaces every rating with an import.
    Replace(Box<RaterData>),
    /// Removes every stakeholder and rating.
    Clear,
    /// Replaces the model settings.
    SetSettings(Box<StakeholderSettings>),
}

/// A name `Stakeholder n` not yet taken.
fn fresh_name(data: &RaterData) -> String {
    (data.stakeholders.len() + 1..)
        .map(|n| format!("Stakeholder {n}"))
        .find(|name| !data.stakeholders.iter().any(|s| &s.name == name))
        .unwrap_or_default()
}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(state: &mut AppState, action: StakeholderAction) {
    let section = &mut state.project.stakeholder;
    let data = &mut section.ratings;
    match action {
        StakeholderAction::Add => {
            if data.dimensions.is_empty() {
                data.dimensions = example_dimensions();
            }
            let name = fresh_name(data);
            let _ = data.add_stakeholder(Stakeholder::new(name, ""));
        }
        StakeholderAction::Edit {
            index,
            field,
            value,
        } => match field {
            StakeholderField::Name => {
                let _ = data.rename_stakeholder(index, value.trim());
            }
            StakeholderField::Group => {
                if let Some(s) = data.stakeholders.get_mut(index) {
                    s.group = value;
                }
            }
            StakeholderField::Notes => {
                if let Some(s) = data.stakeholders.get_mut(index) {
                    s.notes = value;
                }
            }
        },
        StakeholderAction::Move { from, to } => {
            if from < data.stakeholders.len() && to < data.stakeholders.len() {
                data.move_stakeholder(from, to);
            }
        }
        StakeholderAction::Remove(index) => {
            if index < data.stakeholders.len() {
                data.remove_stakeholder(index);
            }
        }
        StakeholderAction::SetRating {
            respondent,
            stakeholder,
            dimension,
            value,
        } => {
            let mut copy = data.clone();
            let r = copy.respondent_index(&respondent);
            if copy.set_rating(r, stakeholder, dimension, value).is_ok() {
                *data = copy;
            }
        }
        StakeholderAction::Replace(new) => *data = *new,
        StakeholderAction::Clear => *data = RaterData::default(),
        StakeholderAction::SetSettings(settings) => section.settings = *settings,
    }
}
