//! Reference-data test: every necessity, sufficiency, truth-table and
//! calibration result in `../shared/fixtures` (R QCA 3.25.1) is reproduced
//! to 1e-9, row by row and case by case. A missing fixture directory fails.

mod common;

use common::{check, num, read_json, read_table, strings};
use policylens::analysis::calibrate::{
    Anchors, BellAnchors, Calibration, CalibrationError, calibrate,
};
use policylens::analysis::necessity::{necessity_table, sufficiency_table};
use policylens::analysis::truth_table::{TruthTable, TruthTableOptions};
use serde_json::Value;

/// Loads a data set's fixture JSON and its table.
fn load(name: &str) -> (Value, common::Table) {
    let fixture = read_json(&format!("datasets/{name}.json"));
    let csv = fixture["data_csv"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: no data_csv"))
        .to_string();
    (fixture, read_table(&csv))
}

#[test]
fn necessity_and_sufficiency_tables_equal_r_for_every_data_set() {
    let mut errors = Vec::new();
    let mut compared = 0;
    for name in common::dataset_names() {
        let (fx, table) = load(&name);
        let conditions = strings(&fx["conditions"]);
        let outcome = fx["outcome"].as_str().unwrap_or_default();
        let cols: Vec<&[f64]> = conditions.iter().map(|c| table.column(c)).collect();
        let y = table.column(outcome);
        for (side, negate) in [("outcome", false), ("negated_outcome", true)] {
            let nec = necessity_table(&conditions, &cols, y, negate)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let suf = sufficiency_table(&conditions, &cols, y, negate)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let r_nec = fx["necessity"][side]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let r_suf = fx["sufficiency"][side]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert_eq!(
                r_nec.len(),
                nec.len(),
                "{name} {side}: number of necessity rows"
            );
            assert_eq!(
                r_suf.len(),
                suf.len(),
                "{name} {side}: number of sufficiency rows"
            );
            for r in &r_nec {
                let set = r["set"].as_str().unwrap_or_default();
                let ours = nec
                    .iter()
                    .find(|o| o.set == set)
                    .unwrap_or_else(|| panic!("{name}: no set {set}"));
                let what = format!("{name} {side} necessity {set}");
                check(
                    &mut errors,
                    &format!("{what} inclN"),
                    ours.fit.incl_n,
                    &r["inclN"],
                );
                check(&mut errors, &format!("{what} RoN"), ours.fit.ron, &r["RoN"]);
                check(
                    &mut errors,
                    &format!("{what} covN"),
                    ours.fit.cov_n,
                    &r["covN"],
                );
                compared += 3;
            }
            for r in &r_suf {
                let set = r["set"].as_str().unwrap_or_default();
                let ours = suf
                    .iter()
                    .find(|o| o.set == set)
                    .unwrap_or_else(|| panic!("{name}: no set {set}"));
                let what = format!("{name} {side} sufficiency {set}");
                check(
                    &mut errors,
                    &format!("{what} inclS"),
                    ours.fit.incl_s,
                    &r["inclS"],
                );
                check(&mut errors, &format!("{what} PRI"), ours.fit.pri, &r["PRI"]);
                check(
                    &mut errors,
                    &format!("{what} covS"),
                    ours.fit.cov_s,
                    &r["covS"],
                );
                compared += 3;
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(compared > 100, "only {compared} numbers compared");
}

/// R's truthTable arguments of one analysis as our options.
fn options_of(args: &Value, negate: bool) -> TruthTableOptions {
    let (incl_cut, incl_cut0) = match &args["incl.cut"] {
        Value::Array(v) => (num(&v[0]), v.get(1).map(num)),
        other => (num(other), None),
    };
    TruthTableOptions {
        incl_cut,
        incl_cut0,
        n_cut: args["n.cut"].as_u64().unwrap_or(1) as usize,
        pri_cut: args["pri.cut"].as_f64().unwrap_or(0.0),
        negate_outcome: negate,
        ..Default::default()
    }
}

#[test]
fn truth_tables_equal_r_for_every_analysis() {
    let mut errors = Vec::new();
    let mut analyses = 0;
    for name in common::dataset_names() {
        let (fx, table) = load(&name);
        for analysis in fx["analyses"].as_array().cloned().unwrap_or_default() {
            let id = analysis["id"].as_str().unwrap_or_default().to_string();
            let outcome = analysis["outcome"].as_str().unwrap_or_default();
            let (negate, column) = match outcome.strip_prefix('~') {
                Some(c) => (true, c),
                None => (false, outcome),
            };
            let tt_fx = &analysis["truth_table"];
            let conditions = strings(&tt_fx["conditions"]);
            let cols: Vec<&[f64]> = conditions.iter().map(|c| table.column(c)).collect();
            let opts = options_of(&analysis["truthTable_args"], negate);
            let result = TruthTable::new(
                &conditions,
                &cols,
                table.column(column),
                &table.cases,
                &opts,
            );
            if analysis["truthTable_error"].is_string() {
                assert!(result.is_err(), "{name} {id}: R refused, we did not");
                continue;
            }
            let tt = result.unwrap_or_else(|e| panic!("{name} {id}: {e}"));
            analyses += 1;
            let r_rows = tt_fx["rows"].as_array().cloned().unwrap_or_default();
            let ours: Vec<_> = tt.observed_rows().collect();
            let r_numbers: Vec<u64> = r_rows.iter().filter_map(|r| r["row"].as_u64()).collect();
            let our_numbers: Vec<u64> = ours.iter().map(|r| r.number()).collect();
            assert_eq!(our_numbers, r_numbers, "{name} {id}: observed rows");
            for (o, r) in ours.iter().zip(&r_rows) {
                let what = format!("{name} {id} row {}", o.number());
                let values: Vec<u8> = r["values"]
                    .as_array()
                    .map(|v| {
                        v.iter()
                            .filter_map(|x| x.as_u64())
                            .map(|x| x as u8)
                            .collect()
                    })
                    .unwrap_or_default();
                assert_eq!(o.config, values, "{what}: values");
                assert_eq!(
                    o.out.code(),
                    r["OUT"].as_str().unwrap_or_default(),
                    "{what}: OUT"
                );
                assert_eq!(
                    o.out_if_kept.code(),
                    r["OUT_if_kept"].as_str().unwrap_or_default(),
                    "{what}: OUT_if_kept"
                );
                assert_eq!(o.n as u64, r["n"].as_u64().unwrap_or(u64::MAX), "{what}: n");
                assert_eq!(o.cases, strings(&r["cases"]), "{what}: cases");
                check(&mut errors, &format!("{what} incl"), o.incl, &r["incl"]);
                check(&mut errors, &format!("{what} PRI"), o.pri, &r["PRI"]);
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(analyses >= 4, "only {analyses} truth tables compared");
}

/// R's `thresholds` argument: a string like `"e=1, c=2, i=3"` or `"1, 2"`,
/// a number or an array, as (name, value) pairs.
fn thresholds_of(v: &Value) -> Vec<(Option<String>, f64)> {
    match v {
        Value::String(s) => s
            .split(',')
            .map(|part| match part.split_once('=') {
                Some((n, x)) => (
                    Some(n.trim().to_string()),
                    x.trim().parse().unwrap_or(f64::NAN),
                ),
                None => (None, part.trim().parse().unwrap_or(f64::NAN)),
            })
            .collect(),
        Value::Array(a) => a.iter().map(|x| (None, num(x))).collect(),
        Value::Null => Vec::new(),
        other => vec![(None, num(other))],
    }
}

/// Orders named thresholds as R does (`e, c, i` or `e1, c1, i1, i2, c2, e2`).
fn ordered(th: &[(Option<String>, f64)], order: &[&str]) -> Vec<f64> {
    if th.iter().all(|(n, _)| n.is_some()) {
        order
            .iter()
            .map(|want| {
                th.iter()
                    .find(|(n, _)| n.as_deref() == Some(*want))
                    .map_or(f64::NAN, |(_, v)| *v)
            })
            .collect()
    } else {
        th.iter().map(|(_, v)| *v).collect()
    }
}

/// The calibration R ran for one `calibrate.json` entry.
fn calibration_of(args: &Value) -> Result<Calibration, CalibrationError> {
    let kind = args["type"].as_str().unwrap_or("fuzzy");
    let method = args["method"].as_str().unwrap_or("direct");
    let th = thresholds_of(&args["thresholds"]);
    let values: Vec<f64> = th.iter().map(|(_, v)| *v).collect();
    let below = args["below"].as_f64().unwrap_or(1.0);
    let above = args["above"].as_f64().unwrap_or(1.0);
    Ok(match (kind, method) {
        ("crisp", _) => Calibration::Crisp { thresholds: values },
        (_, "indirect") => Calibration::Indirect { thresholds: values },
        (_, "TFR") => Calibration::Tfr,
        _ if th.len() == 6 => {
            let t = ordered(&th, &["e1", "c1", "i1", "i2", "c2", "e2"]);
            Calibration::Bell {
                anchors: BellAnchors::new(t[0], t[1], t[2], t[3], t[4], t[5])?,
                below,
                above,
            }
        }
        _ => {
            let t = ordered(&th, &["e", "c", "i"]);
            let anchors = Anchors::new(t[0], t[1], t[2])?;
            if args["logistic"].as_bool().unwrap_or(true) {
                Calibration::Logistic {
                    anchors,
                    idm: args["idm"].as_f64().unwrap_or(0.95),
                }
            } else {
                Calibration::Linear {
                    anchors,
                    below,
                    above,
                    ecdf: args["ecdf"].as_bool().unwrap_or(false),
                }
            }
        }
    })
}

#[test]
fn calibrations_equal_r_for_every_case() {
    let fx = read_json("calibrate.json");
    let entries = fx["entries"].as_array().cloned().unwrap_or_default();
    assert!(
        entries.len() > 10,
        "only {} calibration entries",
        entries.len()
    );
    let mut errors = Vec::new();
    let mut compared = 0;
    for e in &entries {
        let id = e["id"].as_str().unwrap_or_default();
        let x: Vec<f64> = e["x"]
            .as_array()
            .map(|a| a.iter().map(num).collect())
            .unwrap_or_default();
        let result = calibration_of(&e["args"]).and_then(|m| calibrate(&x, &m));
        if e["error"].is_string() {
            assert!(
                result.is_err(),
                "{id}: R refused ({}), we calibrated",
                e["error"]
            );
            continue;
        }
        let ours = result.unwrap_or_else(|err| panic!("{id}: {err}"));
        let r: Vec<f64> = e["result"]
            .as_array()
            .map(|a| a.iter().map(num).collect())
            .unwrap_or_default();
        assert_eq!(ours.values.len(), r.len(), "{id}: number of values");
        for (i, (o, rv)) in ours.values.iter().zip(&r).enumerate() {
            if !common::close(*o, *rv) {
                errors.push(format!("{id}[{i}] x={}: ours {o} vs R {rv}", x[i]));
            }
            compared += 1;
        }
    }
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(compared > 500, "only {compared} values compared");
}
