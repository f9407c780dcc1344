//! Boolean minimization against R QCA 3.25's own results
//! (`shared/fixtures/datasets/*.json`, `solutions[]`): every PI chart, every
//! model (in R's order), the essential prime implicants, the simplifying
//! assumptions, the easy and difficult counterfactuals of every
//! intermediate solution.
//!
//! The test fails when the fixtures are missing (`../shared/fixtures`, or
//! the directory named by `POLICYLENS_FIXTURES`).

mod common;

use std::ops::ControlFlow;
use std::path::PathBuf;

use policylens::analysis::minimize::{
    DirectionalExpectations, Expectation, Kind, Minimization, Options, Problem, Progress, minimize,
    minimize_intermediate,
};
use policylens::analysis::solution::{Solution, TermFit, describe, problem_from_truth_table};
use policylens::analysis::truth_table::{TruthTable, TruthTableOptions};
use serde_json::Value;

/// The data of one analysis: the truth table built by the engine, the
/// condition columns and the outcome.
struct Data {
    tt: TruthTable,
    columns: Vec<Vec<f64>>,
    y: Vec<f64>,
    cases: Vec<String>,
}

fn data_of(json: &Value, analysis: &Value) -> Option<Data> {
    let csv = json["data_csv"].as_str()?;
    let table = common::read_table(csv);
    let outcome = analysis["outcome"].as_str()?;
    let (negate, column) = match outcome.strip_prefix('~') {
        Some(c) => (true, c),
        None => (false, outcome),
    };
    let conditions = strings(&analysis["truth_table"]["conditions"]);
    let columns: Vec<Vec<f64>> = conditions
        .iter()
        .map(|c| table.column(c).to_vec())
        .collect();
    let args = &analysis["truthTable_args"];
    let (incl_cut, incl_cut0) = match &args["incl.cut"] {
        Value::Array(v) => (common::num(&v[0]), v.get(1).map(common::num)),
        other => (common::num(other), None),
    };
    let options = TruthTableOptions {
        incl_cut,
        incl_cut0,
        n_cut: args["n.cut"].as_u64().unwrap_or(1) as usize,
        pri_cut: args["pri.cut"].as_f64().unwrap_or(0.0),
        negate_outcome: negate,
        ..Default::default()
    };
    let refs: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let y = table.column(column).to_vec();
    let tt = TruthTable::new(&conditions, &refs, &y, &table.cases, &options).ok()?;
    Some(Data {
        tt,
        columns,
        y,
        cases: table.cases.clone(),
    })
}

fn compare_term(
    label: &str,
    ours: &TermFit,
    r: &Value,
    with_cases: bool,
    errors: &mut Vec<String>,
) {
    if r["term"].as_str() != Some(ours.term.as_str()) {
        errors.push(format!("{label}: term {} vs R {}", ours.term, r["term"]));
        return;
    }
    let what = format!("{label} {}", ours.term);
    common::check(errors, &format!("{what} inclS"), ours.incl_s, &r["inclS"]);
    common::check(errors, &format!("{what} PRI"), ours.pri, &r["PRI"]);
    common::check(errors, &format!("{what} covS"), ours.cov_s, &r["covS"]);
    common::check(
        errors,
        &format!("{what} covU"),
        ours.cov_u.unwrap_or(f64::NAN),
        &r["covU"],
    );
    if let Some(cases) = r["cases"].as_str()
        && with_cases
        && cases != ours.r_cases()
    {
        errors.push(format!("{what} cases {:?} vs R {cases:?}", ours.r_cases()));
    }
}

/// Compares every number of a solution with R's.
fn compare_fit(label: &str, ours: &Solution, r: &Value, errors: &mut Vec<String>) {
    let r_models = r["models"].as_array().cloned().unwrap_or_default();
    for (m, (model, rm)) in ours.models.iter().zip(&r_models).enumerate() {
        let ml = format!("{label} M{}", m + 1);
        common::check(errors, &format!("{ml} inclS"), model.incl_s, &rm["inclS"]);
        common::check(errors, &format!("{ml} PRI"), model.pri, &rm["PRI"]);
        common::check(errors, &format!("{ml} covS"), model.cov_s, &rm["covS"]);
        let rt = rm["term_fit"].as_array().cloned().unwrap_or_default();
        if rt.len() != model.terms.len() {
            errors.push(format!(
                "{ml}: {} terms vs R {}",
                model.terms.len(),
                rt.len()
            ));
        }
        for (t, r) in model.terms.iter().zip(&rt) {
            compare_term(&ml, t, r, true, errors);
        }
    }
    let ro = r["terms_overall"].as_array().cloned().unwrap_or_default();
    if ro.len() != ours.terms_overall.len() {
        errors.push(format!(
            "{label}: {} overall terms vs R {}",
            ours.terms_overall.len(),
            ro.len()
        ));
    }
    for (t, r) in ours.terms_overall.iter().zip(&ro) {
        compare_term(&format!("{label} overall"), t, r, true, errors);
    }
}

fn go(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn numbers(v: &Value) -> Vec<u64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// The problem of one analysis: OUT 1 positive, OUT 0 and C negative,
/// unlisted rows remainders.
fn problem_of(tt: &Value, k: usize) -> Problem {
    let mut pos = Vec::new();
    let mut neg = Vec::new();
    for row in tt["rows"].as_array().into_iter().flatten() {
        let config = row["row"].as_u64().unwrap_or(0).saturating_sub(1);
        match row["OUT"].as_str() {
            Some("1") => pos.push(config),
            Some("0") | Some("C") => neg.push(config),
            _ => {}
        }
    }
    match Problem::new(k, pos, neg, vec![]) {
        Ok(p) => p,
        Err(e) => panic!("bad fixture truth table: {e}"),
    }
}

fn rows(configs: &[u64]) -> Vec<u64> {
    configs.iter().map(|c| c + 1).collect()
}

/// Compares one solved chart with R's; pushes differences to `errors`.
fn compare_chart(
    label: &str,
    ours: &Minimization,
    r: &Value,
    names: &[String],
    errors: &mut Vec<String>,
) {
    let pis: Vec<String> = ours
        .prime_implicants
        .iter()
        .map(|t| t.to_expression(names))
        .collect();
    let r_pis = strings(&r["PIchart"]["PIs"]);
    if pis != r_pis {
        errors.push(format!("{label}: PIs\n  ours {pis:?}\n  R    {r_pis:?}"));
    }
    let cols = rows(&ours.columns);
    let r_cols = numbers(&r["PIchart"]["columns"]);
    if cols != r_cols {
        errors.push(format!("{label}: columns ours {cols:?} R {r_cols:?}"));
    }
    let models = ours.model_expressions(names);
    let r_models: Vec<String> = r["models"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["expression"].as_str().map(str::to_string))
        .collect();
    if models != r_models {
        errors.push(format!(
            "{label}: models\n  ours {models:?}\n  R    {r_models:?}"
        ));
    }
    if r["n_models"].as_u64() != Some(models.len() as u64) {
        errors.push(format!(
            "{label}: n_models {} vs R {}",
            models.len(),
            r["n_models"]
        ));
    }
    let essential: Vec<String> = ours
        .essential
        .iter()
        .filter_map(|&i| ours.prime_implicants.get(i))
        .map(|t| t.to_expression(names))
        .collect();
    let r_ess = strings(&r["essential"]);
    if essential != r_ess {
        errors.push(format!("{label}: essential ours {essential:?} R {r_ess:?}"));
    }
    if let Some(sa) = r["SA"].as_object() {
        for (m, assumptions) in ours.simplifying_assumptions.iter().enumerate() {
            let key = format!("M{}", m + 1);
            let r_sa = sa.get(&key).map(numbers).unwrap_or_default();
            let ours_sa = assumptions.as_deref().map(rows).unwrap_or_default();
            if ours_sa != r_sa {
                errors.push(format!("{label}: SA {key} ours {ours_sa:?} R {r_sa:?}"));
            }
        }
    }
}

/// Compares the numbers of one chart's solution; returns 1 when compared.
fn compare_numbers(
    label: &str,
    m: &Minimization,
    data: Option<&Data>,
    r: &Value,
    errors: &mut Vec<String>,
) -> usize {
    let Some(d) = data else { return 0 };
    let refs: Vec<&[f64]> = d.columns.iter().map(Vec::as_slice).collect();
    match describe(m, &d.tt, &refs, &d.y, &d.cases) {
        Ok(sol) => {
            compare_fit(label, &sol, r, errors);
            1
        }
        Err(e) => {
            errors.push(format!("{label}: {e}"));
            0
        }
    }
}

fn expectations(sol: &Value, names: &[String]) -> DirectionalExpectations {
    let items = strings(&sol["dir_exp"]);
    if sol["dir_exp_form"].as_str() == Some("vector") {
        let v: Vec<Expectation> = items
            .iter()
            .map(|s| match s.as_str() {
                "1" => Expectation::Present,
                "0" => Expectation::Absent,
                _ => Expectation::Either,
            })
            .collect();
        DirectionalExpectations::from_vector(&v)
    } else {
        match DirectionalExpectations::parse(&items.join(", "), names) {
            Ok(d) => d,
            Err(e) => panic!("bad dir.exp in fixture: {e}"),
        }
    }
}

#[test]
fn every_r_solution_is_reproduced_model_for_model() {
    let dir = common::fixtures_dir().join("datasets");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no fixture data sets in {}",
        dir.display()
    );
    let mut errors = Vec::new();
    let mut checked = 0;
    let mut fit_checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let json: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let names = strings(&json["conditions"]);
        let k = names.len();
        for analysis in json["analyses"].as_array().into_iter().flatten() {
            if !analysis["truthTable_error"].is_null() {
                continue;
            }
            let problem = problem_of(&analysis["truth_table"], k);
            let data = data_of(&json, analysis);
            match &data {
                Some(d) => {
                    if problem_from_truth_table(&d.tt, false).ok().as_ref() != Some(&problem) {
                        errors.push(format!("{}: engine truth table differs", analysis["id"]));
                    }
                }
                None => errors.push(format!("{}: no data / truth table", analysis["id"])),
            }
            for sol in analysis["solutions"].as_array().into_iter().flatten() {
                let name = sol["name"].as_str().unwrap_or("");
                let label = format!(
                    "{} {} {}",
                    json["dataset"].as_str().unwrap_or("?"),
                    analysis["id"].as_str().unwrap_or("?"),
                    name
                );
                let options = Options {
                    row_dom: name.contains("rowdom"),
                    all_sol: name.contains("allsol"),
                    ..Options::default()
                };
                let r_error = !sol["error"].is_null();
                match sol["kind"].as_str() {
                    Some("complex") | Some("parsimonious") => {
                        let kind = if sol["kind"] == "complex" {
                            Kind::Complex
                        } else {
                            Kind::Parsimonious
                        };
                        match (minimize(&problem, kind, &options, &mut go), r_error) {
                            (Ok(m), false) => {
                                compare_chart(&label, &m, sol, &names, &mut errors);
                                fit_checked +=
                                    compare_numbers(&label, &m, data.as_ref(), sol, &mut errors);
                            }
                            (Err(_), true) => {}
                            (Ok(_), true) => errors.push(format!("{label}: R failed, we did not")),
                            (Err(e), false) => errors.push(format!("{label}: {e}")),
                        }
                    }
                    Some("intermediate") => {
                        let d = expectations(sol, &names);
                        let result = minimize_intermediate(&problem, &d, &options, &mut go);
                        let Ok(result) = result else {
                            if !r_error {
                                errors.push(format!("{label}: failed"));
                            }
                            continue;
                        };
                        let r_pairs = sol["intermediate"].as_array().cloned().unwrap_or_default();
                        if r_pairs.len() != result.pairs.len() {
                            errors.push(format!(
                                "{label}: {} pairs vs R {}",
                                result.pairs.len(),
                                r_pairs.len()
                            ));
                        }
                        for (i, (pair, r)) in result.pairs.iter().zip(&r_pairs).enumerate() {
                            let key = result.key(i);
                            if r["key"].as_str() != Some(key.as_str()) {
                                errors.push(format!("{label}: key {key} vs R {}", r["key"]));
                            }
                            let plabel = format!("{label} {key}");
                            if rows(&pair.easy) != numbers(&r["EC"]) {
                                errors.push(format!(
                                    "{plabel}: EC ours {:?} R {:?}",
                                    rows(&pair.easy),
                                    numbers(&r["EC"])
                                ));
                            }
                            let dc = pair.difficult.as_deref().map(rows).unwrap_or_default();
                            if dc != numbers(&r["DC"]) {
                                errors.push(format!(
                                    "{plabel}: DC ours {dc:?} R {:?}",
                                    numbers(&r["DC"])
                                ));
                            }
                            compare_chart(&plabel, &pair.solution, r, &names, &mut errors);
                            fit_checked += compare_numbers(
                                &plabel,
                                &pair.solution,
                                data.as_ref(),
                                r,
                                &mut errors,
                            );
                        }
                    }
                    _ => errors.push(format!("{label}: unknown kind")),
                }
                checked += 1;
            }
        }
    }
    eprintln!("checked {checked} solutions, {fit_checked} with every number");
    assert!(checked > 50, "only {checked} solutions checked");
    assert!(fit_checked > 100, "only {fit_checked} fits checked");
    assert!(
        errors.is_empty(),
        "{} differences from R in {checked} solutions:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn cli_minimize_prints_the_r_models_with_their_fit() {
    let fixtures = common::fixtures_dir();
    let json: Value = common::read_json("datasets/LF.json");
    let analysis = &json["analyses"][0];
    let r = analysis["solutions"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["name"] == "intermediate_2"))
        .cloned()
        .unwrap_or(Value::Null);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policylens-cli"))
        .args(["minimize", "--data"])
        .arg(fixtures.join("data/LF.csv"))
        .args([
            "--outcome",
            "SURV",
            "--conditions",
            "DEV,URB,LIT,IND,STB",
            "--incl-cut",
            "0.8",
            "--include",
            "?",
            "--dir-exp",
            "DEV, STB, ~LIT*IND",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run the CLI: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert_eq!(v["solution"], "intermediate");
    let pair = &r["intermediate"][0];
    let model = &v["models"][0];
    assert_eq!(model["expression"], pair["models"][0]["expression"]);
    let mut errors = Vec::new();
    common::check(
        &mut errors,
        "inclS",
        common::num(&model["inclS"]),
        &pair["models"][0]["inclS"],
    );
    common::check(
        &mut errors,
        "covS",
        common::num(&model["covS"]),
        &pair["models"][0]["covS"],
    );
    assert!(errors.is_empty(), "{errors:?}");
    let easy: Vec<u64> = v["intermediate"][0]["easy_counterfactuals"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            1 + c
                .as_array()
                .into_iter()
                .flatten()
                .fold(0u64, |acc, b| (acc << 1) | b.as_u64().unwrap_or(0))
        })
        .collect();
    assert_eq!(easy, numbers(&pair["EC"]));
}
