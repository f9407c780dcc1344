//! The project file (`*.policylens.json`): an envelope with a format
//! marker and a schema version around the [`Project`], and the migrations
//! that bring files of older versions to the current shape.
//!
//! ```json
//! {
//!   "format": "policylens-project",
//!   "schema_version": 2,
//!   "app_version": "0.1.0",
//!   "project": { "name": "LF", "data": { ... }, "calibrations": [ ... ], ... }
//! }
//! ```
//!
//! A settings-only file (the form a share link takes when the data are too
//! large, see the `link` module) adds `"missing_data"`, a description of
//! the data file to attach, and has `"data": null`.
//!
//! # Versions
//! * **1** — the first shape of the file, written while the minimization
//!   and stakeholder modules were still being built: minimization settings
//!   as R's arguments (`row_dom`, `all_sol`, `include_contradictions`, and
//!   `dir_exp` as R expression strings by condition name, e.g.
//!   `["DEV", "~LIT*IND"]`); no `stakeholder` and no `language` field. No
//!   public release wrote it; `tests/data/project_v1.policylens.json` keeps
//!   one such file so that the migration is exercised on a real change.
//! * **2** (current) — `qca.minimize` embeds the minimize module's types:
//!   `options` (row dominance, all solutions, enumeration limits) and
//!   `directional_expectations` (terms over condition indices); the
//!   `stakeholder` section (ratings and model settings) and `language`.
//!
//! Migrations work on the JSON value, one step per version
//! ([`MIGRATIONS`]), before the value is read into the current types; a
//! file of the current version is read straight from the text, so shape
//! errors name the line and column.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::link::DataDescription;
use super::{Project, ProjectError};
use crate::analysis::minimize::{DirectionalExpectations, Options as MinimizeOptions};

/// The value of the envelope's `"format"` field.
pub const FILE_FORMAT: &str = "policylens-project";
/// The schema version this build writes (and the newest it reads).
pub const SCHEMA_VERSION: u64 = 2;
/// The file name ending the app uses when saving.
pub const FILE_EXTENSION: &str = ".policylens.json";
/// The PolicyLens version recorded in files (informative only).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One migration step: the envelope of version `n + 1` from that of
/// version `n` (`MIGRATIONS[n - 1]`).
type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, ProjectError>;

/// The migration steps, `MIGRATIONS[0]` taking version 1 to version 2.
const MIGRATIONS: [Migration; (SCHEMA_VERSION - 1) as usize] = [v1_to_v2];

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema_version: u64,
    app_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing_data: Option<&'a DataDescription>,
    project: &'a Project,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    project: Project,
    #[serde(default)]
    missing_data: Option<DataDescription>,
}

/// Just enough of the envelope to decide how to read the rest.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    schema_version: Option<Value>,
}

impl Project {
    /// The project file's text (pretty-printed JSON, current schema).
    ///
    /// JSON has no NaN or infinity: a non-finite number in a setting is
    /// written as `null`, which [`Project::from_file_json`] refuses.
    ///
    /// # Errors
    /// [`ProjectError::Shape`] if serde_json fails, which the project's
    /// types do not cause (every map key is a string or an integer).
    pub fn to_file_json(&self) -> Result<String, ProjectError> {
        write_envelope(self, None, true)
    }

    /// Reads a project file of this or any older schema version, migrates
    /// it, and checks it ([`Project::validate`]). A settings-only file
    /// gives a project without data.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::project::{Project, ProjectError};
    /// let err = Project::from_file_json(r#"{"format": "policylens-project", "schema_version": 99}"#);
    /// assert_eq!(err, Err(ProjectError::NewerVersion { found: 99, supported: 2 }));
    /// assert_eq!(Project::from_file_json("[1, 2]"), Err(ProjectError::NotAProject));
    /// ```
    ///
    /// # Errors
    /// [`ProjectError::Syntax`] (not JSON, truncated: line and column),
    /// [`ProjectError::NotAProject`], [`ProjectError::MissingVersion`],
    /// [`ProjectError::NewerVersion`], [`ProjectError::Shape`],
    /// [`ProjectError::Migration`], and every error of
    /// [`Project::validate`].
    pub fn from_file_json(text: &str) -> Result<Project, ProjectError> {
        read_envelope(text).map(|(p, _)| p)
    }
}

/// Serializes the envelope (pretty for files, compact for links).
pub(crate) fn write_envelope(
    project: &Project,
    missing_data: Option<&DataDescription>,
    pretty: bool,
) -> Result<String, ProjectError> {
    let envelope = EnvelopeOut {
        format: FILE_FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        missing_data,
        project,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&envelope)
    } else {
        serde_json::to_string(&envelope)
    };
    text.map_err(|e| shape_error(&e, false))
}

/// Reads, migrates and validates an envelope.
pub(crate) fn read_envelope(
    text: &str,
) -> Result<(Project, Option<DataDescription>), ProjectError> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ProjectError::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            }
        } else {
            ProjectError::NotAProject
        }
    })?;
    if probe.format.as_deref() != Some(FILE_FORMAT) {
        return Err(ProjectError::NotAProject);
    }
    let version = probe
        .schema_version
        .as_ref()
        .and_then(Value::as_u64)
        .filter(|&v| v >= 1)
        .ok_or(ProjectError::MissingVersion)?;
    if version > SCHEMA_VERSION {
        return Err(ProjectError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let envelope: EnvelopeIn = if version == SCHEMA_VERSION {
        serde_json::from_str(text).map_err(|e| shape_error(&e, true))?
    } else {
        let value: Value = serde_json::from_str(text).map_err(|e| shape_error(&e, true))?;
        let Value::Object(mut map) = value else {
            return Err(ProjectError::NotAProject);
        };
        for step in MIGRATIONS.iter().skip((version - 1) as usize) {
            map = step(map)?;
        }
        map.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
        serde_json::from_value(Value::Object(map)).map_err(|e| shape_error(&e, false))?
    };
    envelope.project.validate()?;
    Ok((envelope.project, envelope.missing_data))
}

fn shape_error(e: &serde_json::Error, located: bool) -> ProjectError {
    ProjectError::Shape {
        line: (located && e.line() > 0).then(|| e.line()),
        column: (located && e.line() > 0).then(|| e.column()),
        message: e.to_string(),
    }
}

fn object_mut<'a>(
    map: &'a mut Map<String, Value>,
    key: &str,
) -> Option<&'a mut Map<String, Value>> {
    map.get_mut(key).and_then(Value::as_object_mut)
}

/// Version 1 → 2: minimization settings into the minimize module's types.
///
/// `qca.minimize` of version 1 is `{row_dom, all_sol,
/// include_contradictions, dir_exp: [R expression strings]}`; version 2
/// is `{options: minimize::Options, include_contradictions,
/// directional_expectations}`. The expressions are parsed with
/// [`DirectionalExpectations::parse`] against `qca.conditions` (an unknown
/// condition is a [`ProjectError::Migration`]). The stakeholder section
/// and the language did not exist and take their defaults.
fn v1_to_v2(mut envelope: Map<String, Value>) -> Result<Map<String, Value>, ProjectError> {
    let Some(project) = object_mut(&mut envelope, "project") else {
        return Ok(envelope);
    };
    let Some(qca) = object_mut(project, "qca") else {
        return Ok(envelope);
    };
    let conditions: Vec<String> = qca
        .get("conditions")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let old = qca
        .remove("minimize")
        .and_then(|v| match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .unwrap_or_default();
    let flag = |name: &str| old.get(name).and_then(Value::as_bool).unwrap_or(false);
    let options = MinimizeOptions {
        row_dom: flag("row_dom"),
        all_sol: flag("all_sol"),
        ..MinimizeOptions::default()
    };
    let dir_exp: Vec<&str> = old
        .get("dir_exp")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let expectations = DirectionalExpectations::parse(&dir_exp.join(", "), &conditions)
        .map_err(|source| ProjectError::Migration { from: 1, source })?;
    let mut new = Map::new();
    new.insert(
        "options".into(),
        serde_json::to_value(options).map_err(|e| shape_error(&e, false))?,
    );
    new.insert(
        "include_contradictions".into(),
        Value::Bool(flag("include_contradictions")),
    );
    new.insert(
        "directional_expectations".into(),
        serde_json::to_value(expectations).map_err(|e| shape_error(&e, false))?,
    );
    qca.insert("minimize".into(), Value::Object(new));
    Ok(envelope)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::minimize::MinimizeError;

    fn v1(dir_exp: &str) -> String {
        format!(
            r#"{{"format": "policylens-project", "schema_version": 1,
                "project": {{"name": "t", "qca": {{"outcome": null, "conditions": ["A", "B"],
                "minimize": {{"row_dom": true, "all_sol": false, "include_contradictions": true,
                "dir_exp": {dir_exp}}}}}}}}}"#
        )
    }

    #[test]
    fn version_one_minimize_settings_become_the_minimize_types() {
        let p = Project::from_file_json(&v1(r#"["A", "~B"]"#)).unwrap();
        let m = &p.qca.minimize;
        assert!(m.options.row_dom);
        assert!(!m.options.all_sol);
        assert!(m.include_contradictions);
        assert_eq!(
            m.directional_expectations.terms(),
            &[vec![(0, true)], vec![(1, false)]]
        );
    }

    #[test]
    fn a_version_one_expectation_on_an_unknown_condition_is_a_migration_error() {
        let err = Project::from_file_json(&v1(r#"["C"]"#)).unwrap_err();
        assert!(matches!(
            err,
            ProjectError::Migration {
                from: 1,
                source: MinimizeError::UnknownCondition { .. }
            }
        ));
    }

    #[test]
    fn truncated_text_reports_line_and_column() {
        let text = Project::default().to_file_json().unwrap();
        let cut = text.get(..text.len() - 3).unwrap();
        match Project::from_file_json(cut) {
            Err(ProjectError::Syntax { line, column, .. }) => {
                assert_eq!(line, cut.lines().count());
                assert!(column > 0);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_wrong_field_type_in_a_current_file_names_line_and_column() {
        let text = "{\"format\": \"policylens-project\", \"schema_version\": 2,\n\"project\": {\"name\": 5}}";
        match Project::from_file_json(text) {
            Err(ProjectError::Shape {
                line: Some(2),
                column: Some(_),
                message,
            }) => assert!(message.contains("invalid type"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn foreign_json_and_missing_versions_are_told_apart() {
        assert_eq!(
            Project::from_file_json(r#"{"name": "x"}"#),
            Err(ProjectError::NotAProject)
        );
        assert_eq!(
            Project::from_file_json(r#"{"format": "other"}"#),
            Err(ProjectError::NotAProject)
        );
        assert_eq!(
            Project::from_file_json(r#"{"format": "policylens-project"}"#),
            Err(ProjectError::MissingVersion)
        );
        assert_eq!(
            Project::from_file_json(r#"{"format": "policylens-project", "schema_version": 0}"#),
            Err(ProjectError::MissingVersion)
        );
        assert_eq!(
            Project::from_file_json(r#"{"format": "policylens-project", "schema_version": "2"}"#),
            Err(ProjectError::MissingVersion)
        );
        assert!(matches!(
            Project::from_file_json("not json"),
            Err(ProjectError::Syntax { line: 1, .. })
        ));
    }

    #[test]
    fn the_envelope_names_format_version_and_app() {
        let v: Value = serde_json::from_str(&Project::default().to_file_json().unwrap()).unwrap();
        assert_eq!(v["format"], FILE_FORMAT);
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert_eq!(v["app_version"], APP_VERSION);
        assert!(v.get("missing_data").is_none());
    }
}
