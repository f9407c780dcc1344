//! The pure parts of a minimization run that the page shows: the step it
//! is in and why a solution could not be found. They travel between the
//! page and the worker ([`super::worker`]) and are translated in
//! [`super::i18n::fsqca`]; kept out of the worker module so that they
//! compile (and are tested) natively.

use serde::{Deserialize, Serialize};

use crate::analysis::minimize::MinimizeError;

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
