//! The settings a project records besides its data: calibrations, the
//! fsQCA choices (outcome, conditions, truth table, minimization) and the
//! stakeholder section. The truth-table, minimization and stakeholder
//! types are those of their own modules, embedded as they are.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::calibrate::{Calibration, CrossoverCases};
use crate::analysis::minimize::{DirectionalExpectations, Options as MinimizeOptions};
use crate::analysis::stakeholder::{RaterData, StakeholderSettings};
use crate::analysis::truth_table::TruthTableOptions;

/// One calibrated set: the raw column it is computed from, the method with
/// its anchors, and the name of the new set (R:
/// `dat$target <- calibrate(dat$source, ...)`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationSetting {
    /// Name of the raw (numeric) data column.
    pub source: String,
    /// Name of the calibrated set; unique among the sets of the project. It
    /// may equal `source` (the calibrated set then replaces the raw column
    /// in the analysis, as `dat$X <- calibrate(dat$X, ...)` does in R) but
    /// no other data column.
    pub target: String,
    /// Method, anchors and shape.
    pub method: Calibration,
    /// What happens to the cases calibrated to exactly 0.5: left out of
    /// the truth table (R's behaviour, the default, also for files written
    /// before this setting existed) or raised by
    /// [`crate::analysis::calibrate::CROSSOVER_CONSTANT`].
    #[serde(default)]
    pub crossover_cases: CrossoverCases,
}

/// The fsQCA choices: which sets, the truth-table cut-offs, exclusions and
/// manual OUT values, and how to minimize.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QcaSettings {
    /// The outcome set (a data column or a calibrated set). Its negation is
    /// [`TruthTableOptions::negate_outcome`].
    pub outcome: Option<String>,
    /// The condition sets, in the order the truth table uses.
    pub conditions: Vec<String>,
    /// `incl.cut`, `n.cut`, `pri.cut`, `complete`, `exclude`, negated
    /// outcome and OUT values set by hand.
    pub truth_table: TruthTableOptions,
    /// Minimization settings.
    pub minimize: MinimizeSettings,
    /// What happens to the cases at exactly 0.5 of a set used as it is
    /// ("already calibrated": a data column with no calibration of that
    /// name), by set name; a set not listed keeps R's behaviour (left out
    /// of the truth table). A calibrated set has its own
    /// [`CalibrationSetting::crossover_cases`]. Files written before this
    /// setting existed open with the map empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub crossover_as_is: BTreeMap<String, CrossoverCases>,
    /// The conditions drawn in the Venn diagram when there are more than it
    /// can draw legibly (names, in condition order); empty, or fewer than
    /// two of them still among the conditions: the first ones. Saved so
    /// that a file, a link or a reload keeps the user's choice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub venn_conditions: Vec<String>,
}

impl QcaSettings {
    /// The choice for the cases at 0.5 of `set` used as it is.
    #[must_use]
    pub fn crossover_as_is(&self, set: &str) -> CrossoverCases {
        self.crossover_as_is.get(set).copied().unwrap_or_default()
    }
}

/// How the truth table is minimized (R `minimize()` arguments).
///
/// The complex solution uses no remainder; the parsimonious one adds
/// `include = "?"`; the intermediate one adds the directional
/// expectations. Contradictions are included with every solution when
/// `include_contradictions` is set (`include = "C"`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MinimizeSettings {
    /// `row.dom`, `all.sol` and the enumeration limits.
    pub options: MinimizeOptions,
    /// Treat contradictions (`C`) as don't-cares (R `include = "C"`).
    pub include_contradictions: bool,
    /// Directional expectations (R `dir.exp`), indices into
    /// [`QcaSettings::conditions`]. Empty: no intermediate solution.
    pub directional_expectations: DirectionalExpectations,
}

/// The stakeholder part of a project: the ratings as entered or imported,
/// and the model settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StakeholderSection {
    /// Every rating of every respondent.
    pub ratings: RaterData,
    /// Aggregation, models, cut points, weights, sensitivity.
    pub settings: StakeholderSettings,
}

impl StakeholderSection {
    /// True when nothing was entered and every setting is at its default.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == StakeholderSection::default()
    }
}
