//! The serializable [`Project`]: the imported data and every user choice.
//!
//! One value holds the truth. The browser autosaves it, the user saves it
//! as a `*.policylens.json` file ([`Project::to_file_json`],
//! [`Project::from_file_json`]), shares it in a link's fragment
//! ([`encode_share_link`], [`decode_share_link`]) and exports it as an R
//! script ([`r_script`]); the CLI can read the same file through
//! [`Project::from_file_json`] (it has no subcommand for it yet). Results (memberships,
//! truth tables, solutions, stakeholder classes) are derived from it
//! ([`Project::memberships`], [`Project::truth_table`]), never stored as
//! the only copy.
//!
//! A project read from a file or a link is checked ([`Project::validate`]):
//! serde fills private fields without their validating constructors, so
//! anchors, column references, condition lists and rating indices are
//! checked again before the value is handed out.
//!
//! # Example
//! ```
//! use policylens::analysis::data::import;
//! use policylens::analysis::project::Project;
//! let data = import("LF.csv", b"case,DEV,SURV\nAU,0.81,0.05\nBE,0.99,0.95\n", &Default::default()).unwrap();
//! let mut p = Project::with_data(data.dataset);
//! p.qca.outcome = Some("SURV".into());
//! p.qca.conditions = vec!["DEV".into()];
//! let text = p.to_file_json().unwrap();
//! assert_eq!(Project::from_file_json(&text).unwrap(), p);
//! ```

mod file;
mod link;
mod rscript;
mod settings;
pub mod xlsx;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::analysis::calibrate::{
    Anchors, BellAnchors, Calibrated, Calibration, CalibrationError, calibrate,
};
use crate::analysis::data::{ColumnData, DataError, Dataset};
use crate::analysis::minimize::MinimizeError;
use crate::analysis::truth_table::{TruthTable, TruthTableError};

pub use file::{APP_VERSION, FILE_EXTENSION, FILE_FORMAT, SCHEMA_VERSION};
pub use link::{
    DataDescription, DataMatch, LinkContent, LinkError, MAX_DECOMPRESSED_BYTES, MAX_FRAGMENT_CHARS,
    ShareLink, SharedProject, decode_share_link, encode_share_link, encode_share_link_as,
    full_link_length, full_project_fits,
};
pub use rscript::{RData, RScriptOptions, r_script};
pub use settings::{CalibrationSetting, MinimizeSettings, QcaSettings, StakeholderSection};

/// Why a project could not be read, checked or exported, and where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// The text is not JSON (damaged or truncated file). Line and column
    /// are 1-based, as serde_json reports them.
    #[error("the file is damaged: not valid JSON at line {line}, column {column} ({message})")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's message (English, for the details pane).
        message: String,
    },
    /// Valid JSON, but not a PolicyLens project (no `"format":
    /// "policylens-project"` marker).
    #[error("this is not a PolicyLens project file")]
    NotAProject,
    /// The file has no usable `schema_version`.
    #[error("the project file has no valid schema_version")]
    MissingVersion,
    /// Written by a newer PolicyLens than this one.
    #[error(
        "the project was saved by a newer PolicyLens (file version {found}, this version reads up to {supported}); please update"
    )]
    NewerVersion {
        /// The file's schema version.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// The JSON has the marker but a field has the wrong shape. Line and
    /// column are known when the file is read without migration.
    #[error("the project file is damaged: {message}{}", location(*line, *column))]
    Shape {
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// serde_json's message (names the field and the expected type).
        message: String,
    },
    /// A migration from an older version could not be applied.
    #[error("cannot convert the version {from} project: {source}")]
    Migration {
        /// The version migrated from.
        from: u64,
        /// Why (a directional expectation naming an unknown condition, …).
        source: MinimizeError,
    },
    /// A column of the data has no name.
    #[error("column {column} of the data has no name")]
    EmptyColumnName {
        /// 1-based column number.
        column: usize,
    },
    /// Two data columns share a name.
    #[error("the data has two columns named `{name}`")]
    DuplicateColumn {
        /// The name.
        name: String,
    },
    /// Columns of different lengths.
    #[error("column `{column}` has {found} rows, the first column {expected}")]
    ColumnLength {
        /// The column.
        column: String,
        /// Its rows.
        found: usize,
        /// Rows of the first column.
        expected: usize,
    },
    /// The case-name column index is past the last column.
    #[error("the case column {index} does not exist (the data has {columns} columns)")]
    CaseColumnOutOfRange {
        /// 0-based index.
        index: usize,
        /// Number of columns.
        columns: usize,
    },
    /// A setting names a column or set that does not exist.
    #[error("{setting} `{name}` is not a column of the data nor a calibrated set")]
    UnknownSet {
        /// Which setting (`calibration source`, `condition`, `outcome`, `case column`).
        setting: &'static str,
        /// The name.
        name: String,
    },
    /// A calibration's source column holds text.
    #[error("calibration `{target}`: column `{source_column}` is not numeric")]
    NotNumeric {
        /// The calibrated set.
        target: String,
        /// The source column.
        source_column: String,
    },
    /// A set name is empty.
    #[error("{setting} has an empty name")]
    EmptySetName {
        /// Which setting.
        setting: &'static str,
    },
    /// Two calibrations make the same set, a calibration's target clashes
    /// with another data column, or a condition is listed twice.
    #[error("{setting} `{name}` is given twice")]
    DuplicateSet {
        /// Which setting (`calibration target`, `condition`).
        setting: &'static str,
        /// The name.
        name: String,
    },
    /// The outcome is also a condition.
    #[error("`{name}` is both the outcome and a condition")]
    OutcomeIsCondition {
        /// The name.
        name: String,
    },
    /// Invalid calibration settings (anchors out of order, …).
    #[error("calibration `{target}`: {source}")]
    Calibration {
        /// The calibrated set.
        target: String,
        /// What is wrong.
        source: CalibrationError,
    },
    /// A directional expectation refers to a condition index that does not exist.
    #[error("a directional expectation refers to condition {index}, but there are {conditions}")]
    ExpectationOutOfRange {
        /// 0-based condition index.
        index: usize,
        /// Number of conditions.
        conditions: usize,
    },
    /// A stakeholder rating refers to a stakeholder, dimension or
    /// respondent that does not exist.
    #[error("stakeholder rating {index} refers to a {what} that does not exist")]
    RatingOutOfRange {
        /// 0-based index of the rating.
        index: usize,
        /// `stakeholder`, `dimension` or `respondent`.
        what: &'static str,
    },
    /// The operation needs the data, and the project has none (a
    /// settings-only link whose data file was not attached yet).
    #[error("the project has no data; attach the data file")]
    NoData,
    /// The operation needs a setting that is not chosen yet.
    #[error("choose the {what} first")]
    Incomplete {
        /// `outcome` or `conditions`.
        what: &'static str,
    },
    /// Reading a column failed.
    #[error(transparent)]
    Data(#[from] DataError),
    /// Building the truth table failed.
    #[error(transparent)]
    TruthTable(#[from] TruthTableError),
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
        _ => String::new(),
    }
}

/// Everything a user has chosen, and the data it applies to.
///
/// Every field has a default, so a file that lacks a field written by a
/// later minor change still opens (`#[serde(default)]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// The project's name (shown in the project list and the report).
    pub name: String,
    /// Interface language the user chose (`"en"`, `"zh-Hans"`), if any.
    pub language: Option<String>,
    /// The imported table, with its case-name column. `None` before an
    /// import, or when a settings-only link waits for its data file.
    pub data: Option<Dataset>,
    /// Calibrated sets, in the order they were defined.
    pub calibrations: Vec<CalibrationSetting>,
    /// Outcome, conditions, truth table and minimization.
    pub qca: QcaSettings,
    /// Stakeholder ratings and models.
    pub stakeholder: StakeholderSection,
}

impl Project {
    /// A new project on imported data, named after it, every setting at
    /// its default.
    #[must_use]
    pub fn with_data(data: Dataset) -> Project {
        Project {
            name: data.name.clone(),
            data: Some(data),
            ..Project::default()
        }
    }

    /// The calibration that makes the set `name`, if any.
    #[must_use]
    pub fn calibration(&self, name: &str) -> Option<&CalibrationSetting> {
        self.calibrations.iter().find(|c| c.target == name)
    }

    /// Names of every set the analysis can use: the calibrated sets, then
    /// the numeric data columns that are not replaced by a calibration.
    #[must_use]
    pub fn set_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.calibrations.iter().map(|c| c.target.clone()).collect();
        let targets: HashSet<&str> = self
            .calibrations
            .iter()
            .map(|c| c.target.as_str())
            .collect();
        if let Some(d) = &self.data {
            for c in &d.columns {
                if matches!(c.data, ColumnData::Numeric(_)) && !targets.contains(c.name.as_str()) {
                    names.push(c.name.clone());
                }
            }
        }
        names
    }

    /// Checks that the value is consistent, as a file or link may hold
    /// anything: data columns named, unique and of equal length; the case
    /// column in range; calibration anchors valid (checked again through
    /// [`Anchors::new`] / [`BellAnchors::new`]), their sources numeric
    /// columns and their targets unique; conditions unique and known, the
    /// outcome not a condition; directional expectations within the
    /// conditions; stakeholder ratings within their lists.
    ///
    /// Cut-off values are not checked here: the truth table refuses them
    /// with its own error when it is built, and the app shows that.
    ///
    /// Complexity: O(cells + settings) expected (hash sets of names), so
    /// that a crafted file or link with many columns cannot stall the page.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::project::{Project, ProjectError};
    /// let mut p = Project::default();
    /// p.qca.conditions = vec!["A".into(), "A".into()];
    /// assert!(matches!(p.validate(), Err(ProjectError::DuplicateSet { .. })));
    /// ```
    ///
    /// # Errors
    /// The first inconsistency found, as a [`ProjectError`].
    pub fn validate(&self) -> Result<(), ProjectError> {
        if let Some(d) = &self.data {
            validate_data(d)?;
        }
        let columns: HashSet<&str> = self
            .data
            .iter()
            .flat_map(|d| d.columns.iter().map(|c| c.name.as_str()))
            .collect();
        let mut targets: HashSet<&str> = HashSet::new();
        for c in &self.calibrations {
            if c.target.is_empty() {
                return Err(ProjectError::EmptySetName {
                    setting: "calibration target",
                });
            }
            if !targets.insert(&c.target) {
                return Err(ProjectError::DuplicateSet {
                    setting: "calibration target",
                    name: c.target.clone(),
                });
            }
            revalidate_method(&c.method).map_err(|source| ProjectError::Calibration {
                target: c.target.clone(),
                source,
            })?;
            if let Some(d) = &self.data {
                match d.column(&c.source) {
                    None => {
                        return Err(ProjectError::UnknownSet {
                            setting: "calibration source",
                            name: c.source.clone(),
                        });
                    }
                    Some(col) if !matches!(col.data, ColumnData::Numeric(_)) => {
                        return Err(ProjectError::NotNumeric {
                            target: c.target.clone(),
                            source_column: c.source.clone(),
                        });
                    }
                    Some(_) => {}
                }
                if c.target != c.source && columns.contains(c.target.as_str()) {
                    return Err(ProjectError::DuplicateSet {
                        setting: "calibration target",
                        name: c.target.clone(),
                    });
                }
            }
        }
        self.validate_qca(&columns, &targets)?;
        self.validate_stakeholder()
    }

    fn validate_qca(
        &self,
        columns: &HashSet<&str>,
        targets: &HashSet<&str>,
    ) -> Result<(), ProjectError> {
        let known =
            |name: &str| targets.contains(name) || self.data.is_none() || columns.contains(name);
        let q = &self.qca;
        let mut seen: HashSet<&str> = HashSet::new();
        for c in &q.conditions {
            if c.is_empty() {
                return Err(ProjectError::EmptySetName {
                    setting: "condition",
                });
            }
            if !seen.insert(c) {
                return Err(ProjectError::DuplicateSet {
                    setting: "condition",
                    name: c.clone(),
                });
            }
            if !known(c) {
                return Err(ProjectError::UnknownSet {
                    setting: "condition",
                    name: c.clone(),
                });
            }
        }
        if let Some(o) = &q.outcome {
            if o.is_empty() {
                return Err(ProjectError::EmptySetName { setting: "outcome" });
            }
            if seen.contains(o.as_str()) {
                return Err(ProjectError::OutcomeIsCondition { name: o.clone() });
            }
            if !known(o) {
                return Err(ProjectError::UnknownSet {
                    setting: "outcome",
                    name: o.clone(),
                });
            }
        }
        let k = q.conditions.len();
        for term in q.minimize.directional_expectations.terms() {
            if let Some(&(index, _)) = term.iter().find(|(j, _)| *j >= k) {
                return Err(ProjectError::ExpectationOutOfRange {
                    index,
                    conditions: k,
                });
            }
        }
        Ok(())
    }

    fn validate_stakeholder(&self) -> Result<(), ProjectError> {
        let r = &self.stakeholder.ratings;
        for (index, rating) in r.ratings.iter().enumerate() {
            let what = if rating.stakeholder >= r.stakeholders.len() {
                "stakeholder"
            } else if rating.dimension >= r.dimensions.len() {
                "dimension"
            } else if rating.respondent >= r.respondents.len() {
                "respondent"
            } else {
                continue;
            };
            return Err(ProjectError::RatingOutOfRange { index, what });
        }
        Ok(())
    }

    /// The memberships of set `name` (NaN where the raw value is missing):
    /// the calibration of that name applied to its source column (cases at
    /// exactly 0.5 raised when its [`CalibrationSetting::crossover_cases`]
    /// says so), or else the data column itself (already calibrated
    /// data; its cases at 0.5 raised when
    /// [`QcaSettings::crossover_as_is`] says so).
    ///
    /// # Errors
    /// [`ProjectError::NoData`], [`ProjectError::UnknownSet`],
    /// [`ProjectError::Data`] (a text column),
    /// [`ProjectError::Calibration`].
    pub fn memberships(&self, name: &str) -> Result<Vec<f64>, ProjectError> {
        let data = self.data.as_ref().ok_or(ProjectError::NoData)?;
        let raw = |column: &str| -> Result<Vec<f64>, ProjectError> {
            Ok(data
                .numeric(column)?
                .into_iter()
                .map(|v| v.unwrap_or(f64::NAN))
                .collect())
        };
        if let Some(c) = self.calibration(name) {
            let x = raw(&c.source)?;
            return calibrate(&x, &c.method)
                .map(|out| out.with_choice(c.crossover_cases).values)
                .map_err(|source| ProjectError::Calibration {
                    target: c.target.clone(),
                    source,
                });
        }
        if data.column(name).is_none() {
            return Err(ProjectError::UnknownSet {
                setting: "set",
                name: name.to_owned(),
            });
        }
        // Used as it is: the user's choice for its cases at 0.5 applies.
        Ok(Calibrated::as_is(raw(name)?)
            .with_choice(self.qca.crossover_as_is(name))
            .values)
    }

    /// The truth table of the current settings, derived from the data.
    ///
    /// # Errors
    /// [`ProjectError::Incomplete`] without outcome or conditions, the
    /// errors of [`Project::memberships`], and [`ProjectError::TruthTable`].
    pub fn truth_table(&self) -> Result<TruthTable, ProjectError> {
        let outcome = self
            .qca
            .outcome
            .as_deref()
            .ok_or(ProjectError::Incomplete { what: "outcome" })?;
        if self.qca.conditions.is_empty() {
            return Err(ProjectError::Incomplete { what: "conditions" });
        }
        let data = self.data.as_ref().ok_or(ProjectError::NoData)?;
        let columns = self
            .qca
            .conditions
            .iter()
            .map(|c| self.memberships(c))
            .collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
        let y = self.memberships(outcome)?;
        Ok(TruthTable::new(
            &self.qca.conditions,
            &refs,
            &y,
            &data.case_names(),
            &self.qca.truth_table,
        )?)
    }
}

fn validate_data(d: &Dataset) -> Result<(), ProjectError> {
    let expected = d.n_rows();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, c) in d.columns.iter().enumerate() {
        if c.name.is_empty() {
            return Err(ProjectError::EmptyColumnName { column: i + 1 });
        }
        if !seen.insert(&c.name) {
            return Err(ProjectError::DuplicateColumn {
                name: c.name.clone(),
            });
        }
        if c.data.len() != expected {
            return Err(ProjectError::ColumnLength {
                column: c.name.clone(),
                found: c.data.len(),
                expected,
            });
        }
        if let ColumnData::Numeric(v) = &c.data
            && v.iter().flatten().any(|x| !x.is_finite())
        {
            // serde_json cannot produce these, but a value built by hand can.
            return Err(ProjectError::Data(DataError::NotNumeric {
                column: c.name.clone(),
                row: v
                    .iter()
                    .position(|x| x.is_some_and(|x| !x.is_finite()))
                    .map_or(0, |p| p + 1),
                value: String::from("not finite"),
            }));
        }
    }
    if let Some(index) = d.case_column
        && index >= d.columns.len()
    {
        return Err(ProjectError::CaseColumnOutOfRange {
            index,
            columns: d.columns.len(),
        });
    }
    Ok(())
}

/// Runs the validating constructors again on anchors that serde filled in.
fn revalidate_method(method: &Calibration) -> Result<(), CalibrationError> {
    match method {
        Calibration::Logistic { anchors, .. } | Calibration::Linear { anchors, .. } => {
            Anchors::new(
                anchors.exclusion(),
                anchors.crossover(),
                anchors.inclusion(),
            )
            .map(|_| ())
        }
        Calibration::Bell { anchors, .. } => {
            let [e1, c1, i1, i2, c2, e2] = anchors.to_array();
            BellAnchors::new(e1, c1, i1, i2, c2, e2).map(|_| ())
        }
        Calibration::Crisp { thresholds } | Calibration::Indirect { thresholds } => {
            if thresholds.is_empty() {
                return Err(CalibrationError::NoThresholds);
            }
            match thresholds.iter().find(|t| !t.is_finite()) {
                Some(&value) => Err(CalibrationError::NotFinite {
                    name: "threshold",
                    value,
                }),
                None => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::data::import;

    fn lf() -> Project {
        let csv = "case,DEV,URB,SURV\nAU,0.81,0.12,0.05\nBE,0.99,0.89,0.95\nCZ,0.58,0.98,0.89\nEE,0.16,0.07,0.12\n";
        let mut d = import("LF.csv", csv.as_bytes(), &Default::default())
            .unwrap()
            .dataset;
        d.set_case_column(Some(0)).unwrap();
        let mut p = Project::with_data(d);
        p.qca.outcome = Some("SURV".into());
        p.qca.conditions = vec!["DEV".into(), "URB".into()];
        p
    }

    #[test]
    fn a_consistent_project_validates() {
        assert_eq!(lf().validate(), Ok(()));
        assert_eq!(Project::default().validate(), Ok(()));
    }

    #[test]
    fn unknown_and_duplicate_conditions_are_refused() {
        let mut p = lf();
        p.qca.conditions.push("LIT".into());
        assert!(matches!(
            p.validate(),
            Err(ProjectError::UnknownSet { setting: "condition", ref name }) if name == "LIT"
        ));
        p.qca.conditions = vec!["DEV".into(), "DEV".into()];
        assert!(matches!(
            p.validate(),
            Err(ProjectError::DuplicateSet { .. })
        ));
        p.qca.conditions = vec!["DEV".into(), "SURV".into()];
        assert!(matches!(
            p.validate(),
            Err(ProjectError::OutcomeIsCondition { .. })
        ));
    }

    #[test]
    fn a_calibrated_set_is_known_and_derived_from_its_source() {
        let mut p = lf();
        p.calibrations.push(CalibrationSetting {
            source: "DEV".into(),
            target: "DEVc".into(),
            method: Calibration::Crisp {
                thresholds: vec![0.5],
            },
            crossover_cases: Default::default(),
        });
        p.qca.conditions = vec!["DEVc".into(), "URB".into()];
        assert_eq!(p.validate(), Ok(()));
        assert_eq!(p.memberships("DEVc").unwrap(), vec![1.0, 1.0, 1.0, 0.0]);
        assert!(p.set_names().contains(&"DEVc".to_string()));
        let tt = p.truth_table().unwrap();
        assert_eq!(tt.rows.len(), 3);
    }

    #[test]
    fn a_calibration_target_may_not_shadow_another_column() {
        let mut p = lf();
        p.calibrations.push(CalibrationSetting {
            source: "DEV".into(),
            target: "URB".into(),
            method: Calibration::Tfr,
            crossover_cases: Default::default(),
        });
        assert!(matches!(
            p.validate(),
            Err(ProjectError::DuplicateSet {
                setting: "calibration target",
                ..
            })
        ));
    }

    #[test]
    fn anchors_filled_by_serde_are_checked_again() {
        let mut p = lf();
        let json = r#"{"Logistic":{"anchors":{"exclusion":3.0,"crossover":1.0,"inclusion":2.0},"idm":0.95}}"#;
        p.calibrations.push(CalibrationSetting {
            source: "DEV".into(),
            target: "DEVc".into(),
            method: serde_json::from_str(json).unwrap(),
            crossover_cases: Default::default(),
        });
        assert!(matches!(
            p.validate(),
            Err(ProjectError::Calibration {
                source: CalibrationError::Unordered { .. },
                ..
            })
        ));
    }

    #[test]
    fn ragged_data_and_a_case_column_out_of_range_are_refused() {
        let mut p = lf();
        if let Some(d) = p.data.as_mut() {
            d.case_column = Some(9);
        }
        assert!(matches!(
            p.validate(),
            Err(ProjectError::CaseColumnOutOfRange {
                index: 9,
                columns: 4
            })
        ));
        let mut p = lf();
        if let Some(ColumnData::Numeric(v)) = p.data.as_mut().map(|d| &mut d.columns[1].data) {
            v.pop();
        }
        assert!(matches!(
            p.validate(),
            Err(ProjectError::ColumnLength {
                found: 3,
                expected: 4,
                ..
            })
        ));
    }

    #[test]
    fn duplicate_and_empty_column_names_are_refused() {
        let mut p = lf();
        if let Some(d) = p.data.as_mut() {
            d.columns[2].name = "DEV".into();
        }
        assert_eq!(
            p.validate(),
            Err(ProjectError::DuplicateColumn { name: "DEV".into() })
        );
        if let Some(d) = p.data.as_mut() {
            d.columns[2].name = String::new();
        }
        assert_eq!(
            p.validate(),
            Err(ProjectError::EmptyColumnName { column: 3 })
        );
    }

    #[test]
    fn the_truth_table_needs_outcome_and_conditions() {
        let mut p = lf();
        p.qca.outcome = None;
        assert_eq!(
            p.truth_table().unwrap_err(),
            ProjectError::Incomplete { what: "outcome" }
        );
        let mut p = lf();
        p.data = None;
        assert_eq!(p.truth_table().unwrap_err(), ProjectError::NoData);
    }

    #[test]
    fn cases_at_one_half_are_left_out_unless_the_user_adds_the_constant() {
        use crate::analysis::calibrate::{CROSSOVER_CONSTANT, CrossoverCases};
        let csv = "case,X,Y\na,1,0.1\nb,2,0.8\nc,3,0.9\nd,2,0.7\n";
        let mut d = import("t.csv", csv.as_bytes(), &Default::default())
            .unwrap()
            .dataset;
        d.set_case_column(Some(0)).unwrap();
        let mut p = Project::with_data(d);
        p.calibrations.push(CalibrationSetting {
            source: "X".into(),
            target: "X".into(),
            method: Calibration::Logistic {
                anchors: Anchors::new(1.0, 2.0, 3.0).unwrap(),
                idm: 0.95,
            },
            crossover_cases: CrossoverCases::LeaveOut,
        });
        p.qca.outcome = Some("Y".into());
        p.qca.conditions = vec!["X".into()];
        let x = p.memberships("X").unwrap();
        assert_eq!((x[1], x[3]), (0.5, 0.5));
        let left = p.truth_table().unwrap();
        let names: Vec<&str> = left
            .ambiguous_cases
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["b", "d"]);
        p.calibrations[0].crossover_cases = CrossoverCases::AddConstant;
        let x = p.memberships("X").unwrap();
        assert_eq!(
            (x[1], x[3]),
            (0.5 + CROSSOVER_CONSTANT, 0.5 + CROSSOVER_CONSTANT)
        );
        let kept = p.truth_table().unwrap();
        assert!(kept.ambiguous_cases.is_empty());
        assert_eq!(kept.rows.iter().map(|r| r.n).sum::<usize>(), 4);
    }

    #[test]
    fn a_calibration_written_before_the_crossover_choice_leaves_the_cases_out() {
        let json = r#"{"source":"X","target":"X","method":{"Logistic":{"anchors":{"exclusion":1.0,"crossover":2.0,"inclusion":3.0},"idm":0.95}}}"#;
        let c: CalibrationSetting = serde_json::from_str(json).unwrap();
        assert_eq!(
            c.crossover_cases,
            crate::analysis::calibrate::CrossoverCases::LeaveOut
        );
    }
}
