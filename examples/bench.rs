//! Minimization benchmark on `shared/fixtures/timing/`.
//!
//! `cargo run --release --example bench [-- --scale | --scale-only] [--only NAME] [--max-models N]`
//!
//! For every problem and kind (parsimonious, complex) prints: k, rows, our
//! native time, our peak heap memory (counting allocator), R QCA's recorded
//! time or outcome, the number of prime implicants and models, and whether
//! our models equal R's (where R has them). The problems are the fixtures'
//! and the generated ones of `common/problems.rs` (larger k, no R time). With `--scale` it then times
//! planted problems of growing k to see how far 10 s goes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use policylens::analysis::minimize::{
    Completeness, Kind, Minimization, MinimizeError, Options, Problem, Progress, minimize,
};
use serde_json::Value;

#[path = "common/problems.rs"]
mod problems;

/// Heap allocator that records the current and peak number of bytes.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded to the system allocator with the same layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn reset_peak() {
    PEAK.store(CURRENT.load(Ordering::Relaxed), Ordering::Relaxed);
}

fn peak_mib() -> f64 {
    PEAK.load(Ordering::Relaxed) as f64 / (1024.0 * 1024.0)
}

fn timing_dir() -> PathBuf {
    let dir = std::env::var_os("POLICYLENS_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures"))
        .join("timing");
    if !dir.is_dir() {
        eprintln!(
            "timing fixtures not found at {} (set POLICYLENS_FIXTURES)",
            dir.display()
        );
        std::process::exit(1);
    }
    dir
}

fn read_problem(path: &Path) -> Option<(Problem, usize)> {
    problems::parse_problem(&std::fs::read_to_string(path).ok()?)
}

fn go(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

fn model_sets(exprs: &[String]) -> BTreeSet<BTreeSet<String>> {
    exprs
        .iter()
        .map(|e| e.split(" + ").map(|t| t.trim().to_string()).collect())
        .collect()
}

struct Run {
    seconds: f64,
    peak: f64,
    result: Result<Minimization, MinimizeError>,
}

fn max_models() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--max-models")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(policylens::analysis::minimize::DEFAULT_MAX_MODELS)
}

fn run(problem: &Problem, kind: Kind) -> Run {
    run_with(problem, kind, f64::INFINITY, None)
}

/// Runs once (cancelled after `limit` seconds through the progress
/// callback), repeating quick runs for a stable time.
fn run_with(problem: &Problem, kind: Kind, limit: f64, pi_depth: Option<usize>) -> Run {
    let options = Options {
        max_models: max_models(),
        pi_depth,
        ..Options::default()
    };
    reset_peak();
    let start = Instant::now();
    let mut deadline = |_: Progress| {
        if start.elapsed().as_secs_f64() > limit {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let mut result = minimize(problem, kind, &options, &mut deadline);
    let mut seconds = start.elapsed().as_secs_f64();
    // Repeat quick runs to get a stable time.
    if seconds < 0.05 {
        let reps = 20;
        let start = Instant::now();
        for _ in 0..reps {
            result = minimize(problem, kind, &options, &mut go);
        }
        seconds = start.elapsed().as_secs_f64() / reps as f64;
    }
    Run {
        seconds,
        peak: peak_mib(),
        result,
    }
}

fn r_outcome(r: Option<&Value>) -> (String, Option<f64>) {
    let Some(r) = r else {
        return ("-".into(), None);
    };
    if r["timed_out"].as_bool() == Some(true) {
        return ("timeout >150s".into(), None);
    }
    if let Some(e) = r["error"].as_str() {
        let short: String = e.chars().take(22).collect();
        return (format!("error: {short}"), None);
    }
    match r["minimize_seconds_median"].as_f64() {
        Some(s) => (format!("{s:.3}s"), Some(s)),
        None => ("?".into(), None),
    }
}

fn main() {
    if std::env::args().any(|a| a == "--scale-only") {
        scale();
        return;
    }
    let dir = timing_dir();
    let mut runs: Vec<Value> = Vec::new();
    for f in ["results.json", "results_medium.json"] {
        let text = std::fs::read_to_string(dir.join(f)).unwrap_or_default();
        if let Ok(v) = serde_json::from_str::<Value>(&text) {
            runs.extend(v["runs"].as_array().cloned().unwrap_or_default());
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "csv"));
    files.sort();
    let mut problems: Vec<(String, Option<(Problem, usize)>)> = files
        .iter()
        .map(|file| {
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("?")
                .to_string();
            (name, read_problem(file))
        })
        .collect();
    // Generated problems beyond the fixtures (no R time: R gave up at k = 16).
    for (name, k, n_pos, n_neg) in problems::GENERATED {
        let p = problems::planted(k, n_pos, n_neg).map(|p| (p, n_pos + n_neg));
        problems.push((name.to_string(), p));
    }
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--only") {
        let pat = args.get(pos + 1).cloned().unwrap_or_default();
        problems.retain(|(name, _)| name.contains(&pat));
    }
    println!(
        "{:<22} {:>3} {:>5} {:<13} {:>10} {:>9} {:<24} {:>7} {:>8} {:>7} {:<10}",
        "problem",
        "k",
        "rows",
        "kind",
        "ours",
        "peak MiB",
        "R (CCubes)",
        "R/ours",
        "PIs",
        "models",
        "vs R"
    );
    for (name, parsed) in &problems {
        let Some((problem, n_rows)) = parsed else {
            println!("{name}: unreadable");
            continue;
        };
        let n_rows = *n_rows;
        let names: Vec<String> = (1..=problem.k()).map(|i| format!("X{i}")).collect();
        for kind in [Kind::Parsimonious, Kind::Complex] {
            let kind_s = match kind {
                Kind::Complex => "complex",
                _ => "parsimonious",
            };
            let r = runs.iter().find(|r| {
                r["problem"] == name.as_str() && r["kind"] == kind_s && r["method"] == "CCubes"
            });
            let (r_text, r_secs) = r_outcome(r);
            let out = run(problem, kind);
            let (pis, models, agree) = match &out.result {
                Ok(m) => {
                    let n_models = match m.completeness {
                        Completeness::All => format!("{}", m.models.len()),
                        _ => format!("{}+", m.models.len()),
                    };
                    let agree = match r.and_then(|r| r["models"].as_array()) {
                        Some(r_models) => {
                            let theirs: Vec<String> = r_models
                                .iter()
                                .filter_map(|x| x.as_str().map(String::from))
                                .collect();
                            let same_models =
                                model_sets(&m.model_expressions(&names)) == model_sets(&theirs);
                            let same_pis = r.and_then(|r| r["n_PIs"].as_u64())
                                == Some(m.prime_implicants.len() as u64);
                            match (same_models, same_pis) {
                                (true, true) => "same".to_string(),
                                (true, false) => "models=,PIs≠".to_string(),
                                _ => "DIFFERENT".to_string(),
                            }
                        }
                        None => "(no R)".to_string(),
                    };
                    (m.prime_implicants.len().to_string(), n_models, agree)
                }
                Err(e) => ("-".into(), "-".into(), format!("error: {e}")),
            };
            let ratio = r_secs
                .map(|s| format!("{:.0}x", s / out.seconds.max(1e-9)))
                .unwrap_or_else(|| "-".into());
            println!(
                "{:<22} {:>3} {:>5} {:<13} {:>9.4}s {:>9.2} {:<24} {:>7} {:>8} {:>7} {:<10}",
                name,
                problem.k(),
                n_rows,
                kind_s,
                out.seconds,
                out.peak,
                r_text,
                ratio,
                pis,
                models,
                agree
            );
        }
    }
    if std::env::args().any(|a| a == "--scale") {
        scale();
    }
}

/// Planted problems as in the fixtures: 4 random terms of 3–4 literals,
/// 3600 distinct random rows labelled by the formula; each run is cancelled
/// (through the progress callback) after 30 s.
fn scale() {
    const LIMIT: f64 = 30.0;
    println!("\nScaling (planted, 3600 rows; parsimonious cancelled after {LIMIT} s):");
    println!(
        "{:>3} {:>5} {:>5} {:>10} {:>9} {:>8} {:>7} {:>14} {:>9} {:>6}",
        "k", "pos", "neg", "pars", "peak MiB", "PIs", "models", "pars pi.depth 6", "complex", "PIs"
    );
    for k in [12usize, 14, 16, 18, 20, 22, 24, 26, 28, 30] {
        let (mut rng, terms) = problems::planted_formula(k);
        let mut rows = BTreeSet::new();
        while rows.len() < 3600 {
            rows.insert(rng.next_u64() & ((1u64 << k) - 1));
        }
        let (pos, neg): (Vec<u64>, Vec<u64>) = rows
            .into_iter()
            .partition(|&r| terms.iter().any(|&(m, v)| r & m == v));
        let Ok(problem) = Problem::new(k, pos.clone(), neg.clone(), vec![]) else {
            continue;
        };
        let p = run_with(&problem, Kind::Parsimonious, LIMIT, None);
        let d = run_with(&problem, Kind::Parsimonious, LIMIT, Some(6));
        let c = run_with(&problem, Kind::Complex, LIMIT, None);
        let show = |r: &Run| match &r.result {
            Ok(m) => (
                m.prime_implicants.len().to_string(),
                m.models.len().to_string(),
            ),
            Err(MinimizeError::Cancelled) => (format!(">{LIMIT}s"), "-".into()),
            Err(e) => (format!("{e}"), "-".into()),
        };
        let (pp, pm) = show(&p);
        let (cp, _) = show(&c);
        let (dp, dm) = show(&d);
        println!(
            "{:>3} {:>5} {:>5} {:>9.3}s {:>9.2} {:>8} {:>7} {:>7.3}s {:>6} {:>8.4}s {:>6}",
            k,
            pos.len(),
            neg.len(),
            p.seconds,
            p.peak,
            pp,
            pm,
            d.seconds,
            format!("{dp}/{dm}"),
            c.seconds,
            cp
        );
    }
}
