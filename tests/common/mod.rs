//! Shared helpers for the fixture tests: locate `../shared/fixtures`, read
//! its CSV data sets and JSON reference files, compare numbers.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// Tolerance for comparing our numbers with R's (R prints 15 significant digits).
pub const R_FIXTURE_TOL: f64 = 1e-9;

/// The reference-data directory `<crate>/../shared/fixtures` (CI clones the
/// shared repository beside the crate). A git worktree that lives elsewhere
/// may point to it with the environment variable `POLICYLENS_FIXTURES`.
/// Panics (so the test FAILS, never skips) when it is missing.
pub fn fixtures_dir() -> PathBuf {
    let dir = std::env::var_os("POLICYLENS_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"));
    assert!(
        dir.join("README.md").is_file(),
        "fixture directory {} is missing: clone the shared repository beside this crate",
        dir.display()
    );
    dir
}

/// Reads a JSON file under the fixtures directory.
pub fn read_json(relative: &str) -> Value {
    let path = fixtures_dir().join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Names of the data sets (`datasets/*.json`), sorted.
pub fn dataset_names() -> Vec<String> {
    let dir = fixtures_dir().join("datasets");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no data sets in {}", dir.display());
    names
}

/// A fixture data set: case names, column names and numeric columns (NA = NaN).
pub struct Table {
    pub cases: Vec<String>,
    pub columns: Vec<String>,
    pub values: Vec<Vec<f64>>,
}

impl Table {
    /// The column called `name`.
    pub fn column(&self, name: &str) -> &[f64] {
        let j = self
            .columns
            .iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        &self.values[j]
    }
}

/// Reads `data/NAME.csv` (first column: case names; empty cell = NA).
pub fn read_table(relative: &str) -> Table {
    let path = fixtures_dir().join(relative);
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    let columns: Vec<String> = headers.iter().skip(1).map(str::to_string).collect();
    let mut cases = Vec::new();
    let mut values = vec![Vec::new(); columns.len()];
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        cases.push(record.get(0).unwrap_or_default().to_string());
        for (j, col) in values.iter_mut().enumerate() {
            let cell = record.get(j + 1).unwrap_or_default().trim();
            col.push(if cell.is_empty() || cell == "NA" {
                f64::NAN
            } else {
                cell.parse()
                    .unwrap_or_else(|e| panic!("{}: {cell:?}: {e}", path.display()))
            });
        }
    }
    Table {
        cases,
        columns,
        values,
    }
}

/// A number of the fixture (`null` or absent = R's NA = NaN).
pub fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

/// Compares one of our numbers with R's; NA must match NA.
pub fn close(ours: f64, r: f64) -> bool {
    if r.is_nan() || ours.is_nan() {
        return r.is_nan() && ours.is_nan();
    }
    (ours - r).abs() <= R_FIXTURE_TOL
}

/// Collects a mismatch message when `ours` differs from R's `reference`.
pub fn check(errors: &mut Vec<String>, what: &str, ours: f64, reference: &Value) {
    let r = num(reference);
    if !close(ours, r) {
        errors.push(format!("{what}: ours {ours} vs R {r}"));
    }
}

/// Strings of a JSON array.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
