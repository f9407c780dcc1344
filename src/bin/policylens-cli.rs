//! `policylens-cli`: the PolicyLens fsQCA engine on the command line.
//!
//! Reads a table (CSV/TSV/XLSX… through `policylens::analysis::data`),
//! runs one analysis and prints JSON on stdout with the field names of R's
//! QCA package; errors go to stderr with exit status 1 (2 for usage errors).
//!
//! ```text
//! policylens-cli calibrate   --data F.csv --column X (--fuzzy E,C,I | --linear E,C,I | --crisp T1[,T2..] | --bell E1,C1,I1,I2,C2,E2 | --indirect T1[,T2..] | --tfr) [--idm 0.95] [--below 1] [--above 1] [--ecdf]
//! policylens-cli necessity   --data F.csv --outcome Y --conditions A,B,C
//! policylens-cli superset    --data F.csv --outcome Y --conditions A,B,C [--incl-cut 1] [--cov-cut 0] [--ron-cut 0] [--depth K]
//! policylens-cli truth-table --data F.csv --outcome Y --conditions A,B,C [--incl-cut 0.8[,0.6]] [--n-cut 1] [--pri-cut 0] [--complete] [--exclude 3,5]
//! policylens-cli minimize    (truth-table options) [--include ?[,C]] [--dir-exp "A, ~B, C"] [--row-dom] [--all-sol] [--first-min] [--max-models N] [--pi-depth N]
//! ```
//! `--outcome ~Y` analyses the negated outcome; `--cases COLUMN` names the
//! column with the case names (default: the first text column whose values
//! are all present and distinct, else the row numbers).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use policylens::analysis::calibrate::{self, Anchors, BellAnchors, Calibration, CalibrationError};
use policylens::analysis::data::{self, DataError, Dataset, ImportOptions};
use policylens::analysis::minimize::{
    DirectionalExpectations, Kind, MinimizeError, Options as MinimizeOptions, minimize,
    minimize_intermediate,
};
use policylens::analysis::necessity::{self, NecessityError, SuperSubsetOptions};
use policylens::analysis::solution::{ModelFit, SolutionError, describe, problem_from_truth_table};
use policylens::analysis::truth_table::{
    TruthTable, TruthTableError, TruthTableOptions, config_of_row,
};

#[derive(Parser)]
#[command(
    name = "policylens-cli",
    version,
    about = "fsQCA as in R's QCA package: calibration, necessity, truth tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Calibrate one column into set memberships (R: calibrate).
    Calibrate(CalibrateArgs),
    /// Necessity of every condition and its negation (R: pof / pofind).
    Necessity(OutcomeArgs),
    /// Necessary conjunctions and disjunctions (R: superSubset).
    Superset(SupersetArgs),
    /// Truth table (R: truthTable).
    TruthTable(TruthTableArgs),
    /// Boolean minimization: complex, parsimonious or intermediate solution (R: minimize).
    Minimize(MinimizeArgs),
}

#[derive(Args)]
struct DataArgs {
    /// The data file (CSV, TSV, XLSX, …).
    #[arg(long)]
    data: PathBuf,
    /// Column holding the case names.
    #[arg(long)]
    cases: Option<String>,
}

#[derive(Args)]
struct CalibrateArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Column to calibrate.
    #[arg(long)]
    column: String,
    /// Logistic direct calibration with anchors exclusion,crossover,inclusion.
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true, num_args = 1)]
    fuzzy: Option<Vec<f64>>,
    /// Linear direct calibration with anchors exclusion,crossover,inclusion.
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true, num_args = 1)]
    linear: Option<Vec<f64>>,
    /// Crisp calibration with one or more thresholds.
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true, num_args = 1)]
    crisp: Option<Vec<f64>>,
    /// Bell-shaped calibration with anchors e1,c1,i1,i2,c2,e2.
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true, num_args = 1)]
    bell: Option<Vec<f64>>,
    /// Indirect calibration with the thresholds between groups.
    #[arg(long, value_delimiter = ',', allow_hyphen_values = true, num_args = 1)]
    indirect: Option<Vec<f64>>,
    /// Totally fuzzy and relative calibration.
    #[arg(long)]
    tfr: bool,
    /// Membership at the inclusion anchor (logistic).
    #[arg(long, default_value_t = 0.95)]
    idm: f64,
    /// Exponent of the lower half (linear, bell).
    #[arg(long, default_value_t = 1.0)]
    below: f64,
    /// Exponent of the upper half (linear, bell).
    #[arg(long, default_value_t = 1.0)]
    above: f64,
    /// Linear calibration along the empirical distribution.
    #[arg(long)]
    ecdf: bool,
}

#[derive(Args)]
struct OutcomeArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Outcome column; `~Y` for its negation.
    #[arg(long, allow_hyphen_values = true)]
    outcome: String,
    /// Conditions, comma-separated (default: every other numeric column).
    #[arg(long, value_delimiter = ',')]
    conditions: Option<Vec<String>>,
}

#[derive(Args)]
struct SupersetArgs {
    #[command(flatten)]
    common: OutcomeArgs,
    /// Minimal necessity consistency.
    #[arg(long = "incl-cut", default_value_t = 1.0)]
    incl_cut: f64,
    /// Minimal necessity coverage.
    #[arg(long = "cov-cut", default_value_t = 0.0)]
    cov_cut: f64,
    /// Minimal relevance of necessity.
    #[arg(long = "ron-cut", default_value_t = 0.0)]
    ron_cut: f64,
    /// Largest number of conditions combined.
    #[arg(long)]
    depth: Option<usize>,
}

#[derive(Args)]
struct TruthTableArgs {
    #[command(flatten)]
    common: OutcomeArgs,
    /// Inclusion cut-off(s): `1` or `0.8,0.6` (the second gives contradictions C).
    #[arg(
        long = "incl-cut",
        value_delimiter = ',',
        num_args = 1,
        default_value = "1"
    )]
    incl_cut: Vec<f64>,
    /// Rows with fewer cases are remainders.
    #[arg(long = "n-cut", default_value_t = 1)]
    n_cut: usize,
    /// PRI cut-off.
    #[arg(long = "pri-cut", default_value_t = 0.0)]
    pri_cut: f64,
    /// List all 2^k rows, remainders included.
    #[arg(long)]
    complete: bool,
    /// Row numbers of remainders to exclude.
    #[arg(long, value_delimiter = ',', num_args = 1)]
    exclude: Vec<u64>,
}

/// Everything that can stop the CLI.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Data { path: String, source: DataError },
    #[error("no column named `{name}` in the data")]
    UnknownColumn { name: String },
    #[error("{0}")]
    Calibration(#[from] CalibrationError),
    #[error("{0}")]
    Necessity(#[from] NecessityError),
    #[error("{0}")]
    TruthTable(#[from] TruthTableError),
    #[error("give exactly one of --fuzzy, --linear, --crisp, --bell, --indirect, --tfr")]
    CalibrationMethod,
    #[error("--{option} needs {expected} values, got {found}")]
    WrongCount {
        option: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("--incl-cut takes one or two values, got {found}")]
    InclCut { found: usize },
    #[error("no conditions: give --conditions")]
    NoConditions,
    #[error("`{name}` cannot be both the outcome and a condition")]
    OutcomeIsCondition { name: String },
    #[error("{0}")]
    Minimize(#[from] MinimizeError),
    #[error("{0}")]
    Solution(#[from] SolutionError),
    #[error("--include takes `?`, `C` or `?,C`, got `{value}`")]
    Include { value: String },
    #[error("--dir-exp needs the remainders: add --include ?")]
    DirExpWithoutRemainders,
}

/// The outcome and conditions of an analysis, read from the table.
struct Problem {
    outcome: String,
    negated: bool,
    y: Vec<f64>,
    conditions: Vec<String>,
    columns: Vec<Vec<f64>>,
}

impl Problem {
    fn refs(&self) -> Vec<&[f64]> {
        self.columns.iter().map(Vec::as_slice).collect()
    }

    /// `Y` or `~Y`.
    fn label(&self) -> String {
        if self.negated {
            format!("~{}", self.outcome)
        } else {
            self.outcome.clone()
        }
    }
}

/// The data set and its case names.
struct Table {
    dataset: Dataset,
    cases: Vec<String>,
}

impl Table {
    fn read(args: &DataArgs) -> Result<Table, CliError> {
        let path = args.data.display().to_string();
        let bytes = std::fs::read(&args.data).map_err(|source| CliError::Io {
            path: path.clone(),
            source,
        })?;
        let file_name = args
            .data
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("data.csv");
        let imported =
            data::import(file_name, &bytes, &ImportOptions::default()).map_err(|source| {
                CliError::Data {
                    path: path.clone(),
                    source,
                }
            })?;
        let mut dataset = imported.dataset;
        let case_column = match &args.cases {
            Some(name) => Some(
                dataset
                    .column_index(name)
                    .ok_or_else(|| CliError::UnknownColumn { name: name.clone() })?,
            ),
            None => dataset.guess_case_column(),
        };
        dataset
            .set_case_column(case_column)
            .map_err(|source| CliError::Data {
                path: path.clone(),
                source,
            })?;
        let cases = dataset.case_names();
        Ok(Table { dataset, cases })
    }

    /// A numeric column, missing values as NaN.
    fn numeric(&self, name: &str) -> Result<Vec<f64>, CliError> {
        if self.dataset.column(name).is_none() {
            return Err(CliError::UnknownColumn {
                name: name.to_string(),
            });
        }
        let path = self.dataset.name.clone();
        let values = self
            .dataset
            .numeric(name)
            .map_err(|source| CliError::Data { path, source })?;
        Ok(values.into_iter().map(|v| v.unwrap_or(f64::NAN)).collect())
    }

    /// Outcome column (and whether it is negated) and the condition columns.
    fn problem(&self, args: &OutcomeArgs) -> Result<Problem, CliError> {
        let trimmed = args.outcome.trim();
        let (negated, name) = match trimmed.strip_prefix('~') {
            Some(rest) => (true, rest.trim()),
            None => (false, trimmed),
        };
        let y = self.numeric(name)?;
        let conditions: Vec<String> = match &args.conditions {
            Some(list) => list
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
            None => self
                .dataset
                .columns
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    c.name != name
                        && Some(*i) != self.dataset.case_column
                        && matches!(c.data, data::ColumnData::Numeric(_))
                })
                .map(|(_, c)| c.name.clone())
                .collect(),
        };
        if conditions.is_empty() {
            return Err(CliError::NoConditions);
        }
        if conditions.iter().any(|c| c == name) {
            return Err(CliError::OutcomeIsCondition {
                name: name.to_string(),
            });
        }
        let columns = conditions
            .iter()
            .map(|c| self.numeric(c))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Problem {
            outcome: name.to_string(),
            negated,
            y,
            conditions,
            columns,
        })
    }
}

/// The values of `--option` as an array of exactly `N` numbers.
fn exactly<const N: usize>(option: &'static str, v: &[f64]) -> Result<[f64; N], CliError> {
    <[f64; N]>::try_from(v).map_err(|_| CliError::WrongCount {
        option,
        expected: N,
        found: v.len(),
    })
}

fn calibration_of(args: &CalibrateArgs) -> Result<Calibration, CliError> {
    let given = [
        args.fuzzy.is_some(),
        args.linear.is_some(),
        args.crisp.is_some(),
        args.bell.is_some(),
        args.indirect.is_some(),
        args.tfr,
    ];
    if given.iter().filter(|&&g| g).count() != 1 {
        return Err(CliError::CalibrationMethod);
    }
    if let Some(a) = &args.fuzzy {
        let [e, c, i] = exactly("fuzzy", a)?;
        return Ok(Calibration::Logistic {
            anchors: Anchors::new(e, c, i)?,
            idm: args.idm,
        });
    }
    if let Some(a) = &args.linear {
        let [e, c, i] = exactly("linear", a)?;
        return Ok(Calibration::Linear {
            anchors: Anchors::new(e, c, i)?,
            below: args.below,
            above: args.above,
            ecdf: args.ecdf,
        });
    }
    if let Some(a) = &args.bell {
        let [e1, c1, i1, i2, c2, e2] = exactly("bell", a)?;
        return Ok(Calibration::Bell {
            anchors: BellAnchors::new(e1, c1, i1, i2, c2, e2)?,
            below: args.below,
            above: args.above,
        });
    }
    if let Some(t) = &args.crisp {
        return Ok(Calibration::Crisp {
            thresholds: t.clone(),
        });
    }
    if let Some(t) = &args.indirect {
        return Ok(Calibration::Indirect {
            thresholds: t.clone(),
        });
    }
    Ok(Calibration::Tfr)
}

fn run_calibrate(args: &CalibrateArgs) -> Result<Output, CliError> {
    let method = calibration_of(args)?;
    let table = Table::read(&args.data)?;
    let x = table.numeric(&args.column)?;
    let out = calibrate::calibrate(&x, &method)?;
    let crossover_cases = out
        .at_crossover
        .iter()
        .filter_map(|&i| table.cases.get(i))
        .cloned()
        .collect();
    Ok(Output::Calibrate(CalibrateOut {
        column: args.column.clone(),
        values: out.values,
        crossover_cases,
    }))
}

fn run_necessity(args: &OutcomeArgs) -> Result<Output, CliError> {
    let table = Table::read(&args.data)?;
    let p = table.problem(args)?;
    let rows = necessity::necessity_table(&p.conditions, &p.refs(), &p.y, p.negated)?;
    let rows = rows
        .iter()
        .map(|r| NecessityRow {
            set: r.set.clone(),
            incl_n: r.fit.incl_n,
            ron: r.fit.ron,
            cov_n: r.fit.cov_n,
        })
        .collect();
    Ok(Output::Necessity(NecessityOut {
        outcome: p.label(),
        rows,
    }))
}

fn run_superset(args: &SupersetArgs) -> Result<Output, CliError> {
    let table = Table::read(&args.common.data)?;
    let p = table.problem(&args.common)?;
    let options = SuperSubsetOptions {
        incl_cut: args.incl_cut,
        cov_cut: args.cov_cut,
        ron_cut: args.ron_cut,
        depth: args.depth,
        negate_outcome: p.negated,
    };
    let rows = necessity::super_subset(&p.conditions, &p.refs(), &p.y, &options)?;
    let rows = rows
        .iter()
        .map(|r| NecessityRow {
            set: r.expression.clone(),
            incl_n: r.fit.incl_n,
            ron: r.fit.ron,
            cov_n: r.fit.cov_n,
        })
        .collect();
    Ok(Output::Necessity(NecessityOut {
        outcome: p.label(),
        rows,
    }))
}

fn run_truth_table(args: &TruthTableArgs) -> Result<Output, CliError> {
    let (incl_cut, incl_cut0) = match args.incl_cut.as_slice() {
        [a] => (*a, None),
        [a, b] => (*a, Some(*b)),
        other => return Err(CliError::InclCut { found: other.len() }),
    };
    let table = Table::read(&args.common.data)?;
    let p = table.problem(&args.common)?;
    let options = TruthTableOptions {
        incl_cut,
        incl_cut0,
        n_cut: args.n_cut,
        pri_cut: args.pri_cut,
        complete: args.complete,
        exclude: args.exclude.iter().copied().collect(),
        negate_outcome: p.negated,
        ..TruthTableOptions::default()
    };
    let tt = TruthTable::new(&p.conditions, &p.refs(), &p.y, &table.cases, &options)?;
    let rows = tt
        .rows
        .iter()
        .filter(|r| args.complete || r.is_observed() || r.excluded)
        .map(|r| TruthTableRow {
            row: r.number(),
            config: r.config.clone(),
            out: r.out.code(),
            n: r.n,
            incl: r.incl,
            pri: r.pri,
            cases: r.cases.clone(),
        })
        .collect();
    let ambiguous_cases = tt.ambiguous_cases.iter().map(|a| a.name.clone()).collect();
    Ok(Output::TruthTable(TruthTableOut {
        conditions: tt.conditions,
        rows,
        ambiguous_cases,
    }))
}

/// `calibrate` output; NaN (missing) prints as `null`.
#[derive(Serialize)]
struct CalibrateOut {
    column: String,
    values: Vec<f64>,
    /// Cases whose membership is 0.5 (they belong to no truth-table row).
    crossover_cases: Vec<String>,
}

/// One row of `necessity` / `superset` output.
#[derive(Serialize)]
struct NecessityRow {
    set: String,
    #[serde(rename = "inclN")]
    incl_n: f64,
    #[serde(rename = "RoN")]
    ron: f64,
    #[serde(rename = "covN")]
    cov_n: f64,
}

/// `necessity` / `superset` output.
#[derive(Serialize)]
struct NecessityOut {
    outcome: String,
    rows: Vec<NecessityRow>,
}

/// One row of `truth-table` output.
#[derive(Serialize)]
struct TruthTableRow {
    row: u64,
    config: Vec<u8>,
    #[serde(rename = "OUT")]
    out: &'static str,
    n: usize,
    incl: f64,
    #[serde(rename = "PRI")]
    pri: f64,
    cases: Vec<String>,
}

/// `truth-table` output.
#[derive(Serialize)]
struct TruthTableOut {
    conditions: Vec<String>,
    rows: Vec<TruthTableRow>,
    ambiguous_cases: Vec<String>,
}

/// What a subcommand prints.
#[derive(Serialize)]
#[serde(untagged)]
enum Output {
    Calibrate(CalibrateOut),
    Necessity(NecessityOut),
    TruthTable(TruthTableOut),
    Minimize(Box<MinimizeOut>),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Calibrate(a) => run_calibrate(a),
        Command::Necessity(a) => run_necessity(a),
        Command::Superset(a) => run_superset(a),
        Command::TruthTable(a) => run_truth_table(a),
        Command::Minimize(a) => run_minimize(a),
    };
    match result.and_then(|v| {
        serde_json::to_string_pretty(&v).map_err(|e| CliError::Io {
            path: "stdout".into(),
            source: e.into(),
        })
    }) {
        Ok(text) => {
            use std::io::Write as _;
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("policylens-cli: error: {e}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------- minimize

#[derive(Args)]
struct MinimizeArgs {
    #[command(flatten)]
    tt: TruthTableArgs,
    /// What may be used besides the positive rows: `?` (remainders:
    /// parsimonious), `C` (contradictions), or `?,C`.
    #[arg(long, default_value = "")]
    include: String,
    /// Directional expectations (intermediate solution): terms such as
    /// "A, ~B, C*~D", or one of 1/0/- per condition.
    #[arg(long = "dir-exp", allow_hyphen_values = true)]
    dir_exp: Option<String>,
    /// Drop dominated prime implicants before solving the chart (R: row.dom).
    #[arg(long = "row-dom")]
    row_dom: bool,
    /// Every irredundant model, not only the smallest (R: all.sol).
    #[arg(long = "all-sol")]
    all_sol: bool,
    /// Only the first minimal model.
    #[arg(long = "first-min")]
    first_min: bool,
    /// Stop listing models after this many.
    #[arg(long = "max-models", default_value_t = policylens::analysis::minimize::DEFAULT_MAX_MODELS)]
    max_models: usize,
    /// Longest prime implicant searched with remainders (R: pi.depth).
    #[arg(long = "pi-depth")]
    pi_depth: Option<usize>,
}

/// One term of a model in `minimize` output.
#[derive(Serialize)]
struct TermOut {
    term: String,
    #[serde(rename = "inclS")]
    incl_s: f64,
    #[serde(rename = "PRI")]
    pri: f64,
    #[serde(rename = "covS")]
    cov_s: f64,
    #[serde(rename = "covU")]
    cov_u: Option<f64>,
    cases: Vec<String>,
}

/// One model in `minimize` output.
#[derive(Serialize)]
struct ModelOut {
    /// `C1P1`… for intermediate solutions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pair: Option<String>,
    expression: String,
    #[serde(rename = "inclS")]
    incl_s: f64,
    #[serde(rename = "PRI")]
    pri: f64,
    #[serde(rename = "covS")]
    cov_s: f64,
    terms: Vec<TermOut>,
    /// R row numbers of the simplifying assumptions of this model.
    simplifying_assumptions: Option<Vec<u64>>,
}

/// Easy and difficult counterfactuals of one intermediate solution.
#[derive(Serialize)]
struct PairOut {
    key: String,
    easy_counterfactuals: Vec<Vec<u8>>,
    difficult_counterfactuals: Option<Vec<Vec<u8>>>,
}

/// `minimize` output.
#[derive(Serialize)]
struct MinimizeOut {
    truth_table: TruthTableOut,
    solution: &'static str,
    prime_implicants: Vec<String>,
    models: Vec<ModelOut>,
    /// Remainders used by any model, as configurations.
    simplifying_assumptions: Vec<Vec<u8>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    intermediate: Vec<PairOut>,
    /// False when the model listing was cut (limit or --first-min).
    all_models_listed: bool,
}

fn model_out(m: &ModelFit, pair: Option<String>) -> ModelOut {
    ModelOut {
        pair,
        expression: m.expression.clone(),
        incl_s: m.incl_s,
        pri: m.pri,
        cov_s: m.cov_s,
        terms: m
            .terms
            .iter()
            .map(|t| TermOut {
                term: t.term.clone(),
                incl_s: t.incl_s,
                pri: t.pri,
                cov_s: t.cov_s,
                cov_u: t.cov_u,
                cases: t.cases.concat(),
            })
            .collect(),
        simplifying_assumptions: m.simplifying_assumptions.clone(),
    }
}

fn run_minimize(args: &MinimizeArgs) -> Result<Output, CliError> {
    let truth_table = match run_truth_table(&args.tt)? {
        Output::TruthTable(t) => t,
        _ => return Err(CliError::NoConditions),
    };
    let (incl_cut, incl_cut0) = match args.tt.incl_cut.as_slice() {
        [a] => (*a, None),
        [a, b] => (*a, Some(*b)),
        other => return Err(CliError::InclCut { found: other.len() }),
    };
    let mut remainders = false;
    let mut contradictions = false;
    for part in args
        .include
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match part {
            "?" => remainders = true,
            "C" => contradictions = true,
            _ => {
                return Err(CliError::Include {
                    value: args.include.clone(),
                });
            }
        }
    }
    let table = Table::read(&args.tt.common.data)?;
    let p = table.problem(&args.tt.common)?;
    let options = TruthTableOptions {
        incl_cut,
        incl_cut0,
        n_cut: args.tt.n_cut,
        pri_cut: args.tt.pri_cut,
        exclude: args.tt.exclude.iter().copied().collect(),
        negate_outcome: p.negated,
        ..TruthTableOptions::default()
    };
    let tt = TruthTable::new(&p.conditions, &p.refs(), &p.y, &table.cases, &options)?;
    let problem = problem_from_truth_table(&tt, contradictions)?;
    let opts = MinimizeOptions {
        row_dom: args.row_dom,
        all_sol: args.all_sol,
        first_min: args.first_min,
        max_models: args.max_models,
        pi_depth: args.pi_depth,
        ..MinimizeOptions::default()
    };
    let mut go = |_| std::ops::ControlFlow::Continue(());
    let k = p.conditions.len();
    let configs =
        |rows: &[u64]| -> Vec<Vec<u8>> { rows.iter().map(|&c| config_of_row(c + 1, k)).collect() };
    let mut out = MinimizeOut {
        truth_table,
        solution: "complex",
        prime_implicants: Vec::new(),
        models: Vec::new(),
        simplifying_assumptions: Vec::new(),
        intermediate: Vec::new(),
        all_models_listed: true,
    };
    let mut sa: Vec<u64> = Vec::new();
    let mut charts = Vec::new();
    if let Some(text) = &args.dir_exp {
        if !remainders {
            return Err(CliError::DirExpWithoutRemainders);
        }
        out.solution = "intermediate";
        let dir = DirectionalExpectations::parse(text, &p.conditions)?;
        let result = minimize_intermediate(&problem, &dir, &opts, &mut go)?;
        for (i, pair) in result.pairs.iter().enumerate() {
            let key = result.key(i);
            out.intermediate.push(PairOut {
                key: key.clone(),
                easy_counterfactuals: configs(&pair.easy),
                difficult_counterfactuals: pair.difficult.as_deref().map(configs),
            });
            sa.extend(&pair.easy);
            charts.push((Some(key), pair.solution.clone()));
        }
    } else {
        let kind = if remainders {
            Kind::Parsimonious
        } else {
            Kind::Complex
        };
        out.solution = if remainders {
            "parsimonious"
        } else {
            "complex"
        };
        let m = minimize(&problem, kind, &opts, &mut go)?;
        for s in m.simplifying_assumptions.iter().flatten() {
            sa.extend(s);
        }
        charts.push((None, m));
    }
    for (key, m) in &charts {
        let solution = describe(m, &tt, &p.refs(), &p.y, &table.cases)?;
        for pi in solution.prime_implicants {
            if !out.prime_implicants.contains(&pi) {
                out.prime_implicants.push(pi);
            }
        }
        out.models
            .extend(solution.models.iter().map(|x| model_out(x, key.clone())));
        out.all_models_listed &=
            m.completeness == policylens::analysis::minimize::Completeness::All;
    }
    sa.sort_unstable();
    sa.dedup();
    out.simplifying_assumptions = configs(&sa);
    Ok(Output::Minimize(Box::new(out)))
}
