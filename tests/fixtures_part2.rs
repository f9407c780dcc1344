//! Boolean minimization against R QCA 3.25's own results
//! (`shared/fixtures/datasets/*.json`, `solutions[]`): every PI chart, every
//! model (in R's order), the essential prime implicants, the simplifying
//! assumptions, the easy and difficult counterfactuals of every
//! intermediate solution.
//!
//! The test fails when the fixtures are missing.

use std::ops::ControlFlow;
use std::path::PathBuf;

use policylens::analysis::minimize::{
    DirectionalExpectations, Expectation, Kind, Minimization, Options, Problem, Progress, minimize,
    minimize_intermediate,
};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The main checkout sits next to `shared/`; worktrees one level deeper.
    for candidate in [
        manifest.join("../shared/fixtures"),
        manifest.join("../../shared/fixtures"),
    ] {
        if candidate.join("datasets").is_dir() {
            return candidate;
        }
    }
    panic!(
        "fixtures not found next to {} (expected ../shared/fixtures)",
        manifest.display()
    );
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
    let dir = fixtures_dir().join("datasets");
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
                            (Ok(m), false) => compare_chart(&label, &m, sol, &names, &mut errors),
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
                        }
                    }
                    _ => errors.push(format!("{label}: unknown kind")),
                }
                checked += 1;
            }
        }
    }
    eprintln!("checked {checked}");
    assert!(checked > 50, "only {checked} solutions checked");
    assert!(
        errors.is_empty(),
        "{} differences from R in {checked} solutions:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
