//! `policylens-cli` end to end: its JSON equals the R fixtures, and every
//! error goes to stderr with a non-zero exit status.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::{check, fixtures_dir, read_json, strings};
use serde_json::Value;

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policylens-cli"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run policylens-cli: {e}"))
}

/// Runs the CLI, expects success, parses stdout.
fn cli_json(args: &[&str]) -> Value {
    let out = cli(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
}

/// Runs the CLI, expects failure with a message on stderr and nothing on stdout.
fn cli_error(args: &[&str]) -> (i32, String) {
    let out = cli(args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout on error");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.trim().is_empty(), "{args:?}: empty error message");
    (out.status.code().unwrap_or(-1), err)
}

/// A scratch CSV file for one test.
fn temp_csv(name: &str, content: &str) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("policylens-cli-{}-{name}.csv", std::process::id()));
    std::fs::write(&path, content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

fn data_path(fixture: &Value) -> String {
    fixtures_dir()
        .join(fixture["data_csv"].as_str().unwrap_or_default())
        .display()
        .to_string()
}

#[test]
fn necessity_output_equals_r_for_every_data_set() {
    let mut errors = Vec::new();
    for name in common::dataset_names() {
        let fx = read_json(&format!("datasets/{name}.json"));
        let data = data_path(&fx);
        let conditions = strings(&fx["conditions"]).join(",");
        let outcome = fx["outcome"].as_str().unwrap_or_default().to_string();
        for (side, arg) in [
            ("outcome", outcome.clone()),
            ("negated_outcome", format!("~{outcome}")),
        ] {
            let out = cli_json(&[
                "necessity",
                "--data",
                &data,
                "--outcome",
                &arg,
                "--conditions",
                &conditions,
            ]);
            assert_eq!(out["outcome"].as_str(), Some(arg.as_str()));
            let ours = out["rows"].as_array().cloned().unwrap_or_default();
            let r = fx["necessity"][side]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert_eq!(ours.len(), r.len(), "{name} {side}");
            for (o, r) in ours.iter().zip(&r) {
                assert_eq!(o["set"], r["set"], "{name} {side}: row order");
                for field in ["inclN", "RoN", "covN"] {
                    check(
                        &mut errors,
                        &format!("{name} {side} {} {field}", r["set"]),
                        common::num(&o[field]),
                        &r[field],
                    );
                }
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn truth_table_output_equals_r_for_every_analysis() {
    let mut errors = Vec::new();
    let mut tables = 0;
    for name in common::dataset_names() {
        let fx = read_json(&format!("datasets/{name}.json"));
        let data = data_path(&fx);
        for a in fx["analyses"].as_array().cloned().unwrap_or_default() {
            let id = a["id"].as_str().unwrap_or_default();
            let args = &a["truthTable_args"];
            let incl = match &args["incl.cut"] {
                Value::Array(v) => v
                    .iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
                other => other.to_string(),
            };
            let conditions = strings(&a["truth_table"]["conditions"]).join(",");
            let outcome = a["outcome"].as_str().unwrap_or_default();
            let (n_cut, pri_cut) = (args["n.cut"].to_string(), args["pri.cut"].to_string());
            let cmd = [
                "truth-table",
                "--data",
                &data,
                "--outcome",
                outcome,
                "--conditions",
                &conditions,
                "--incl-cut",
                &incl,
                "--n-cut",
                &n_cut,
                "--pri-cut",
                &pri_cut,
            ];
            let out = cli_json(&cmd);
            tables += 1;
            assert_eq!(
                strings(&out["conditions"]),
                strings(&a["truth_table"]["conditions"])
            );
            assert_eq!(out["ambiguous_cases"], Value::Array(vec![]), "{name} {id}");
            let ours = out["rows"].as_array().cloned().unwrap_or_default();
            let r = a["truth_table"]["rows"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert_eq!(ours.len(), r.len(), "{name} {id}: rows");
            for (o, r) in ours.iter().zip(&r) {
                let what = format!("{name} {id} row {}", r["row"]);
                assert_eq!(o["row"], r["row"], "{what}");
                assert_eq!(o["config"], r["values"], "{what}");
                assert_eq!(o["OUT"], r["OUT"], "{what}");
                assert_eq!(o["n"], r["n"], "{what}");
                assert_eq!(o["cases"], r["cases"], "{what}");
                check(
                    &mut errors,
                    &format!("{what} incl"),
                    common::num(&o["incl"]),
                    &r["incl"],
                );
                check(
                    &mut errors,
                    &format!("{what} PRI"),
                    common::num(&o["PRI"]),
                    &r["PRI"],
                );
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(tables >= 4);
}

#[test]
fn calibrate_output_equals_r() {
    let fx = read_json("calibrate.json");
    let entries = fx["entries"].as_array().cloned().unwrap_or_default();
    let pick = |id: &str| {
        entries
            .iter()
            .find(|e| e["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no entry {id}"))
    };
    let cases: [(&str, &[&str]); 5] = [
        ("help.fuzzy.increasing", &["--fuzzy", "165,175,185"]),
        ("help.fuzzy.decreasing", &["--fuzzy", "185,175,165"]),
        (
            "help.fuzzy.linear.below_above_3.5",
            &[
                "--linear",
                "155,175,195",
                "--below",
                "3.5",
                "--above",
                "3.5",
            ],
        ),
        (
            "help.bell",
            &[
                "--bell",
                "155,165,175,175,185,195",
                "--below",
                "3",
                "--above",
                "3",
            ],
        ),
        ("help.crisp.2th", &["--crisp", "170,180"]),
    ];
    let mut errors = Vec::new();
    for (id, method) in cases {
        let e = pick(id);
        let x: Vec<String> = e["x"]
            .as_array()
            .map(|a| a.iter().map(|v| v.to_string()).collect())
            .unwrap_or_default();
        let csv = format!(
            "case,X\n{}\n",
            x.iter()
                .enumerate()
                .map(|(i, v)| format!("c{i},{v}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        let path = temp_csv(id, &csv);
        let p = path.display().to_string();
        let mut args = vec!["calibrate", "--data", &p, "--column", "X"];
        args.extend_from_slice(method);
        let out = cli_json(&args);
        let _ = std::fs::remove_file(&path);
        assert_eq!(out["column"], "X");
        let ours = out["values"].as_array().cloned().unwrap_or_default();
        let r = e["result"].as_array().cloned().unwrap_or_default();
        assert_eq!(ours.len(), r.len(), "{id}");
        for (i, (o, rv)) in ours.iter().zip(&r).enumerate() {
            check(&mut errors, &format!("{id}[{i}]"), common::num(o), rv);
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn calibrate_reports_cases_at_the_crossover() {
    let path = temp_csv("crossover", "name,X\nalpha,1\nbeta,5\ngamma,9\n");
    let p = path.display().to_string();
    let out = cli_json(&[
        "calibrate",
        "--data",
        &p,
        "--cases",
        "name",
        "--column",
        "X",
        "--linear",
        "1,5,9",
    ]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(strings(&out["crossover_cases"]), vec!["beta"]);
    assert_eq!(out["values"], serde_json::json!([0.0, 0.5, 1.0]));
}

#[test]
fn truth_table_lists_cases_at_one_half_as_ambiguous() {
    let path = temp_csv(
        "ambiguous",
        "case,A,B,Y\np,0.9,0.2,0.8\nq,0.5,0.7,0.6\nr,0.1,0.8,0.2\n",
    );
    let p = path.display().to_string();
    let out = cli_json(&[
        "truth-table",
        "--data",
        &p,
        "--outcome",
        "Y",
        "--conditions",
        "A,B",
        "--incl-cut",
        "0.8",
        "--complete",
    ]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(strings(&out["ambiguous_cases"]), vec!["q"]);
    let rows = out["rows"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 4);
    let total: u64 = rows.iter().filter_map(|r| r["n"].as_u64()).sum();
    assert_eq!(total, 2);
    assert_eq!(rows[3]["OUT"], "?");
    assert_eq!(rows[3]["incl"], Value::Null);
}

#[test]
fn superset_finds_necessary_expressions() {
    let fx = read_json("datasets/LF.json");
    let data = data_path(&fx);
    let out = cli_json(&[
        "superset",
        "--data",
        &data,
        "--outcome",
        "SURV",
        "--conditions",
        "DEV,URB,LIT,IND,STB",
        "--incl-cut",
        "0.9",
    ]);
    let rows = out["rows"].as_array().cloned().unwrap_or_default();
    assert!(rows.iter().any(|r| r["set"] == "LIT"));
    assert!(
        rows.iter()
            .all(|r| r["inclN"].as_f64().is_some_and(|v| v >= 0.9 - 1e-8))
    );
}

#[test]
fn every_error_goes_to_stderr_with_a_failure_status() {
    let fx = read_json("datasets/LF.json");
    let data = data_path(&fx);
    let missing = temp_csv("missing", "case,A,Y\np,0.9,0.8\nq,,0.6\n");
    let m = missing.display().to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "necessity",
                "--data",
                "/no/such/file.csv",
                "--outcome",
                "SURV",
            ],
            "cannot read",
        ),
        (
            vec!["necessity", "--data", &data, "--outcome", "NOPE"],
            "NOPE",
        ),
        (
            vec![
                "necessity",
                "--data",
                &data,
                "--outcome",
                "SURV",
                "--conditions",
                "DEV,NOPE",
            ],
            "NOPE",
        ),
        (
            vec!["calibrate", "--data", &data, "--column", "DEV"],
            "exactly one",
        ),
        (
            vec![
                "calibrate",
                "--data",
                &data,
                "--column",
                "DEV",
                "--fuzzy",
                "0.2,0.5",
            ],
            "3 values",
        ),
        (
            vec![
                "calibrate",
                "--data",
                &data,
                "--column",
                "DEV",
                "--fuzzy",
                "0.5,0.2,0.8",
            ],
            "strictly ordered",
        ),
        (
            vec![
                "calibrate",
                "--data",
                &data,
                "--column",
                "DEV",
                "--crisp",
                "5",
            ],
            "outside the range",
        ),
        (
            vec![
                "calibrate",
                "--data",
                &data,
                "--column",
                "DEV",
                "--fuzzy",
                "0.2,0.5,0.8",
                "--idm",
                "0.4",
            ],
            "degree of membership",
        ),
        (
            vec![
                "truth-table",
                "--data",
                &data,
                "--outcome",
                "SURV",
                "--incl-cut",
                "0.9,0.8,0.7",
            ],
            "one or two",
        ),
        (
            vec![
                "necessity",
                "--data",
                &data,
                "--outcome",
                "~SURV",
                "--conditions",
                "DEV,SURV",
            ],
            "both the outcome",
        ),
        (
            vec![
                "truth-table",
                "--data",
                &data,
                "--outcome",
                "SURV",
                "--incl-cut",
                "1.5",
            ],
            "incl.cut",
        ),
        (
            vec![
                "truth-table",
                "--data",
                &data,
                "--outcome",
                "SURV",
                "--n-cut",
                "100",
            ],
            "no configuration",
        ),
        (
            vec![
                "truth-table",
                "--data",
                &m,
                "--outcome",
                "Y",
                "--conditions",
                "A",
            ],
            "missing value in row 2",
        ),
        (
            vec![
                "superset",
                "--data",
                &m,
                "--outcome",
                "Y",
                "--conditions",
                "A",
            ],
            "missing value",
        ),
    ];
    for (args, expected) in &cases {
        let (code, err) = cli_error(args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let _ = std::fs::remove_file(&missing);
    let (code, _) = cli_error(&[
        "truth-table",
        "--data",
        &data,
        "--outcome",
        "SURV",
        "--n-cut",
        "x",
    ]);
    assert_eq!(code, 2, "usage errors exit with 2");
}
