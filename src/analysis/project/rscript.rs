//! R script export: a runnable script that reproduces the project's fsQCA
//! analysis with the R package QCA, so reviewers can check the results.
//!
//! The script loads QCA, builds the data (inline as a `data.frame`
//! literal, or `read.csv` of the data file), calibrates each set with
//! `calibrate()` and the same method, anchors, `idm`, `logistic`, `below`,
//! `above` and `ecdf` (and, when the user chose to add a small constant to
//! the cases at exactly 0.5, the line that does it: `0.5` → `0.501`, the
//! memberships within R's `sqrt(.Machine$double.eps)` of 0.5, as
//! PolicyLens finds them), builds the truth table with `truthTable()` (same
//! outcome, negated with `~`, conditions, `incl.cut` — one or two values —
//! `n.cut`, `pri.cut`, `exclude`, `complete`), applies OUT values set by
//! hand to `tt$tt$OUT` (with `complete = TRUE` added when such a row may
//! not be observed, so that R lists it), and calls `minimize()` for the complex,
//! parsimonious (`include = "?"`) and, when directional expectations are
//! set, intermediate (`dir.exp = c(...)`) solutions, with `row.dom` and
//! `all.sol` as chosen.
//!
//! Calls follow the forms of R QCA 3.25 used to produce the reference
//! fixtures (`thresholds = "e=400, c=550, i=900"`, decreasing sets listing
//! `i` first, `dir.exp` as expression strings). The script is checked by
//! parsing its text in the tests; it has **not** been run with `Rscript`
//! in this repository's CI, which has no R (R packages are not reachable
//! from the build machines).
//!
//! Text: the script is UTF-8; strings are double-quoted with `\\`, `\"`
//! and control characters escaped; column names that are not syntactic R
//! names (Chinese names, spaces, reserved words) are written in backticks
//! in the `data.frame` literal, and columns are accessed as `dat[["name"]]`
//! so any name works. Numbers are written in Rust's shortest round-trip
//! form, so R reads back the same doubles; missing values are `NA`.

use std::fmt::Write as _;

use crate::analysis::calibrate::{CROSSOVER_CONSTANT, Calibration, CrossoverCases};
use crate::analysis::data::{ColumnData, MISSING_TOKENS};

use super::file::APP_VERSION;
use super::{Project, ProjectError};

/// Where the script takes the data from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RData {
    /// The data written into the script as a `data.frame` literal.
    #[default]
    Inline,
    /// `read.csv` of a delimited text file saved beside the script.
    ReadCsv {
        /// The file name as the user has it (`"LF.csv"`).
        file_name: String,
        /// The field separator (`,` `;` or tab).
        separator: char,
        /// Whether numbers use a decimal comma (`dec = ","`).
        decimal_comma: bool,
        /// The file's text encoding as detected at import (`encoding_rs`
        /// names such as `"UTF-8"`, `"GBK"`, `"GB18030"`, `"UTF-16LE"`,
        /// which R's iconv also knows), given to R as `fileEncoding`.
        encoding: String,
    },
}

/// Options of the R script export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RScriptOptions {
    /// Inline data or `read.csv`.
    pub data: RData,
}

/// Values per line in the data literal.
const VALUES_PER_LINE: usize = 10;

/// Writes the R script of the project's fsQCA analysis.
///
/// # Example
/// ```
/// use policylens::analysis::data::import;
/// use policylens::analysis::project::{Project, RScriptOptions, r_script};
/// let d = import("t.csv", b"case,A,Y\nx,0.9,0.8\ny,0.1,0.2\n", &Default::default()).unwrap();
/// let mut p = Project::with_data(d.dataset);
/// p.qca.outcome = Some("Y".into());
/// p.qca.conditions = vec!["A".into()];
/// let script = r_script(&p, &RScriptOptions::default()).unwrap();
/// assert!(script.contains("library(QCA)"));
/// assert!(script.contains(r#"tt <- truthTable(dat[, c("A", "Y")], outcome = "Y", conditions = c("A"), incl.cut = 1, n.cut = 1, pri.cut = 0, show.cases = TRUE)"#));
/// ```
///
/// # Errors
/// [`ProjectError::Incomplete`] without outcome or conditions,
/// [`ProjectError::NoData`] for inline data without data, and the errors
/// of [`Project::validate`].
pub fn r_script(project: &Project, options: &RScriptOptions) -> Result<String, ProjectError> {
    project.validate()?;
    let q = &project.qca;
    let outcome = q
        .outcome
        .as_deref()
        .ok_or(ProjectError::Incomplete { what: "outcome" })?;
    if q.conditions.is_empty() {
        return Err(ProjectError::Incomplete { what: "conditions" });
    }
    let mut s = String::new();
    header(&mut s, project);
    data_section(&mut s, project, &options.data)?;
    calibration_section(&mut s, project);
    truth_table_section(&mut s, project, outcome);
    minimize_section(&mut s, project);
    Ok(s)
}

fn header(s: &mut String, project: &Project) {
    let name = project
        .data
        .as_ref()
        .map_or(project.name.as_str(), |d| d.name.as_str());
    let title = if project.name.is_empty() {
        name
    } else {
        project.name.as_str()
    };
    let _ = writeln!(
        s,
        "# fsQCA analysis of the PolicyLens project {}, written by PolicyLens {APP_VERSION}.",
        r_string(title)
    );
    s.push_str(
        "# It needs R and the package QCA (results were checked against QCA 3.25):\n\
         #   install.packages(\"QCA\")\n\
         # The file is UTF-8; with R older than 4.2 on Windows run it as\n\
         #   source(\"this-file.R\", encoding = \"UTF-8\")\n\n\
         library(QCA)\n\n",
    );
}

fn data_section(s: &mut String, project: &Project, how: &RData) -> Result<(), ProjectError> {
    s.push_str("# ---- Data ----\n");
    match how {
        RData::Inline => {
            let data = project.data.as_ref().ok_or(ProjectError::NoData)?;
            s.push_str("dat <- data.frame(\n");
            for c in &data.columns {
                let _ = write!(s, "  {} = c(", r_name(&c.name));
                let cells: Vec<String> = match &c.data {
                    ColumnData::Numeric(v) => v
                        .iter()
                        .map(|x| x.map_or_else(|| "NA".to_owned(), r_number))
                        .collect(),
                    ColumnData::Text(v) => v
                        .iter()
                        .map(|x| x.as_deref().map_or_else(|| "NA".to_owned(), r_string))
                        .collect(),
                };
                for (i, cell) in cells.iter().enumerate() {
                    if i > 0 {
                        s.push_str(if i % VALUES_PER_LINE == 0 {
                            ",\n    "
                        } else {
                            ", "
                        });
                    }
                    s.push_str(cell);
                }
                s.push_str("),\n");
            }
            s.push_str("  check.names = FALSE,\n  stringsAsFactors = FALSE\n)\n");
        }
        RData::ReadCsv {
            file_name,
            separator,
            decimal_comma,
            encoding,
        } => {
            let mut na: Vec<String> = vec![r_string("")];
            na.extend(MISSING_TOKENS.iter().map(|t| r_string(t)));
            let _ = writeln!(
                s,
                "dat <- read.csv({}, sep = {}, dec = {}, na.strings = c({}), check.names = FALSE, stringsAsFactors = FALSE, fileEncoding = {}, strip.white = TRUE)",
                r_string(file_name),
                r_string(&separator.to_string()),
                r_string(if *decimal_comma { "," } else { "." }),
                na.join(", "),
                r_string(encoding)
            );
        }
    }
    if let Some(case) = project
        .data
        .as_ref()
        .and_then(|d| d.case_column.and_then(|i| d.columns.get(i)))
    {
        let _ = writeln!(s, "rownames(dat) <- dat[[{}]]", r_string(&case.name));
    }
    s.push('\n');
    Ok(())
}

fn calibration_section(s: &mut String, project: &Project) {
    // Sets used as they are whose cases at 0.5 the user raised (only those
    // the analysis reads: no calibration of that name replaces them).
    let raised_as_is: Vec<&String> = project
        .qca
        .crossover_as_is
        .iter()
        .filter(|(name, c)| {
            **c == CrossoverCases::AddConstant && project.calibration(name).is_none()
        })
        .map(|(name, _)| name)
        .collect();
    if project.calibrations.is_empty() && raised_as_is.is_empty() {
        return;
    }
    s.push_str("# ---- Calibration ----\n");
    // PolicyLens always calibrates from the raw column; in R a calibration
    // that replaces its own column (`dat$X <- calibrate(dat$X)`) must
    // therefore come after every other calibration reading that column.
    let (replacing, new_sets): (Vec<_>, Vec<_>) = project
        .calibrations
        .iter()
        .partition(|c| c.target == c.source);
    for c in new_sets.into_iter().chain(replacing) {
        let _ = writeln!(
            s,
            "dat[[{}]] <- calibrate(dat[[{}]], {})",
            r_string(&c.target),
            r_string(&c.source),
            calibrate_args(&c.method).join(", ")
        );
        if c.crossover_cases == CrossoverCases::AddConstant {
            raise_crossover(s, &c.target);
        }
    }
    for name in raised_as_is {
        raise_crossover(s, name);
    }
    s.push('\n');
}

/// The R lines that raise the cases of `set` at exactly 0.5 by the small
/// constant (the user's [`CrossoverCases::AddConstant`]).
fn raise_crossover(s: &mut String, set: &str) {
    let t = r_string(set);
    let _ = writeln!(
        s,
        "# {}: cases at exactly 0.5 get a small constant (0.5 -> {})\n\
         dat[[{t}]][which(abs(dat[[{t}]] - 0.5) < sqrt(.Machine$double.eps))] <- {}",
        set.replace(['\n', '\r'], " "),
        r_number(0.5 + CROSSOVER_CONSTANT),
        r_number(0.5 + CROSSOVER_CONSTANT)
    );
}

/// The `calibrate()` arguments after `x`, in the fixtures' forms.
fn calibrate_args(method: &Calibration) -> Vec<String> {
    let s_shape = |a: &crate::analysis::calibrate::Anchors| {
        let (e, c, i) = (
            r_number(a.exclusion()),
            r_number(a.crossover()),
            r_number(a.inclusion()),
        );
        let text = if a.is_increasing() {
            format!("e={e}, c={c}, i={i}")
        } else {
            format!("i={i}, c={c}, e={e}")
        };
        format!("thresholds = {}", r_string(&text))
    };
    let list = |t: &[f64]| {
        let text: Vec<String> = t.iter().map(|v| r_number(*v)).collect();
        format!("thresholds = {}", r_string(&text.join(", ")))
    };
    match method {
        Calibration::Logistic { anchors, idm } => vec![
            "type = \"fuzzy\"".into(),
            s_shape(anchors),
            format!("idm = {}", r_number(*idm)),
        ],
        Calibration::Linear {
            anchors,
            below,
            above,
            ecdf,
        } => {
            let mut v = vec![
                "type = \"fuzzy\"".into(),
                s_shape(anchors),
                "logistic = FALSE".into(),
                format!("below = {}", r_number(*below)),
                format!("above = {}", r_number(*above)),
            ];
            if *ecdf {
                v.push("ecdf = TRUE".into());
            }
            v
        }
        Calibration::Bell {
            anchors,
            below,
            above,
        } => {
            // Listed in increasing value, as R was given them for the
            // fixtures: an inverse bell starts with i1.
            let [e1, c1, i1, i2, c2, e2] = anchors.to_array();
            let named = if anchors.is_inverse() {
                [
                    ("i1", i1),
                    ("c1", c1),
                    ("e1", e1),
                    ("e2", e2),
                    ("c2", c2),
                    ("i2", i2),
                ]
            } else {
                [
                    ("e1", e1),
                    ("c1", c1),
                    ("i1", i1),
                    ("i2", i2),
                    ("c2", c2),
                    ("e2", e2),
                ]
            };
            let text: Vec<String> = named
                .iter()
                .map(|(n, v)| format!("{n}={}", r_number(*v)))
                .collect();
            vec![
                "type = \"fuzzy\"".into(),
                format!("thresholds = {}", r_string(&text.join(", "))),
                format!("below = {}", r_number(*below)),
                format!("above = {}", r_number(*above)),
            ]
        }
        Calibration::Crisp { thresholds } => vec!["type = \"crisp\"".into(), list(thresholds)],
        Calibration::Indirect { thresholds } => vec![
            "type = \"fuzzy\"".into(),
            "method = \"indirect\"".into(),
            list(thresholds),
        ],
        Calibration::Tfr => vec!["type = \"fuzzy\"".into(), "method = \"TFR\"".into()],
    }
}

fn truth_table_section(s: &mut String, project: &Project, outcome: &str) {
    let q = &project.qca;
    let o = &q.truth_table;
    let mut columns: Vec<String> = q.conditions.iter().map(|c| r_string(c)).collect();
    columns.push(r_string(outcome));
    let outcome_arg = if o.negate_outcome {
        format!("~{outcome}")
    } else {
        outcome.to_owned()
    };
    let incl = match o.incl_cut0 {
        Some(ic0) => format!("c({}, {})", r_number(o.incl_cut), r_number(ic0)),
        None => r_number(o.incl_cut),
    };
    let mut args = vec![
        format!("dat[, c({})]", columns.join(", ")),
        format!("outcome = {}", r_string(&outcome_arg)),
        format!("conditions = {}", r_vector(&q.conditions)),
        format!("incl.cut = {incl}"),
        format!("n.cut = {}", o.n_cut),
        format!("pri.cut = {}", r_number(o.pri_cut)),
    ];
    if !o.exclude.is_empty() {
        let rows: Vec<String> = o.exclude.iter().map(u64::to_string).collect();
        args.push(format!("exclude = c({})", rows.join(", ")));
    }
    // An OUT value set by hand applies in R only to a row listed in
    // `tt$tt`: list every row when one of them may not be observed
    // (`complete` changes what is shown, not the solutions).
    let k = q.conditions.len();
    let in_range = |r: u64| r >= 1 && k < 64 && r <= 1u64 << k;
    let unlisted = !o.complete
        && o.set_out.keys().any(|&r| in_range(r))
        && project.truth_table().map_or(true, |tt| {
            o.set_out
                .keys()
                .any(|&r| in_range(r) && !tt.row(r).is_some_and(|row| row.is_observed()))
        });
    if o.complete || unlisted {
        args.push("complete = TRUE".into());
    }
    args.push("show.cases = TRUE".into());
    s.push_str("# ---- Truth table ----\n");
    let _ = writeln!(s, "tt <- truthTable({})", args.join(", "));
    if !o.set_out.is_empty() {
        s.push_str("# OUT values set by hand in PolicyLens\n");
        for (row, out) in &o.set_out {
            let _ = writeln!(
                s,
                "tt$tt$OUT[rownames(tt$tt) == {}] <- {}",
                r_string(&row.to_string()),
                r_string(out.code())
            );
        }
    }
    s.push_str("tt\n\n");
}

fn minimize_section(s: &mut String, project: &Project) {
    let m = &project.qca.minimize;
    let extra = |include: &[&str]| {
        let mut args = vec!["tt".to_owned()];
        if !include.is_empty() {
            let inc: Vec<String> = include.iter().map(|i| r_string(i)).collect();
            args.push(if inc.len() == 1 {
                format!("include = {}", inc.join(""))
            } else {
                format!("include = c({})", inc.join(", "))
            });
        }
        args
    };
    let flags = |args: &mut Vec<String>| {
        if m.options.row_dom {
            args.push("row.dom = TRUE".into());
        }
        if m.options.all_sol {
            args.push("all.sol = TRUE".into());
        }
        args.push("details = TRUE".into());
    };
    let c: &[&str] = if m.include_contradictions {
        &["C"]
    } else {
        &[]
    };
    let rc: &[&str] = if m.include_contradictions {
        &["?", "C"]
    } else {
        &["?"]
    };
    s.push_str("# ---- Minimization ----\n# Complex (conservative) solution: no remainders\n");
    let mut args = extra(c);
    flags(&mut args);
    let _ = writeln!(s, "sol_c <- minimize({})\nsol_c\n", args.join(", "));
    s.push_str("# Parsimonious solution: remainders as don't-cares\n");
    let mut args = extra(rc);
    flags(&mut args);
    let _ = writeln!(s, "sol_p <- minimize({})\nsol_p\n", args.join(", "));
    let terms = m.directional_expectations.terms();
    if !terms.is_empty() {
        let conditions = &project.qca.conditions;
        let exp: Vec<String> = terms
            .iter()
            .map(|t| {
                t.iter()
                    .map(|&(j, present)| {
                        let name = conditions.get(j).map_or("", String::as_str);
                        if present {
                            name.to_owned()
                        } else {
                            format!("~{name}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("*")
            })
            .collect();
        s.push_str("# Intermediate solution: easy counterfactuals from directional expectations\n");
        let mut args = extra(rc);
        args.push(format!("dir.exp = {}", r_vector(&exp)));
        flags(&mut args);
        let _ = writeln!(s, "sol_i <- minimize({})\nsol_i\n", args.join(", "));
    }
}

/// `c("a", "b")`.
fn r_vector(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| r_string(i)).collect();
    format!("c({})", quoted.join(", "))
}

/// A number as R reads it back exactly (shortest round-trip form).
fn r_number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else if x.is_nan() {
        "NA".to_owned()
    } else if x > 0.0 {
        "Inf".to_owned()
    } else {
        "-Inf".to_owned()
    }
}

/// A double-quoted R string literal. R strings cannot hold NUL, which is
/// dropped (imported text never contains it).
pub(crate) fn r_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    escape_into(&mut out, text, '"');
    out.push('"');
    out
}

fn escape_into(out: &mut String, text: &str, quote: char) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => {}
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

const R_RESERVED: [&str; 20] = [
    "if",
    "else",
    "repeat",
    "while",
    "function",
    "for",
    "next",
    "break",
    "TRUE",
    "FALSE",
    "NULL",
    "Inf",
    "NaN",
    "NA",
    "NA_integer_",
    "NA_real_",
    "NA_character_",
    "NA_complex_",
    "in",
    "...",
];

/// Is `name` a syntactic R name in every locale: ASCII letters, digits,
/// `.` and `_`, starting with a letter or a `.` not followed by a digit,
/// and not a reserved word?
pub(crate) fn is_syntactic(name: &str) -> bool {
    let b = name.as_bytes();
    let start_ok = match (b.first(), b.get(1)) {
        (Some(c), _) if c.is_ascii_alphabetic() => true,
        (Some(b'.'), Some(d)) => !d.is_ascii_digit(),
        (Some(b'.'), None) => true,
        _ => false,
    };
    start_ok
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'_')
        && !R_RESERVED.contains(&name)
        && !(name.starts_with("..") && name.get(2..).is_some_and(|r| r.parse::<u32>().is_ok()))
}

/// A name as an R argument name: itself when syntactic, else in backticks
/// (non-ASCII names such as Chinese ones, spaces, reserved words).
pub(crate) fn r_name(name: &str) -> String {
    if is_syntactic(name) {
        name.to_owned()
    } else {
        let mut out = String::from("`");
        escape_into(&mut out, name, '`');
        out.push('`');
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_r() {
        assert_eq!(r_string(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(r_string("x\ny\tz"), r#""x\ny\tz""#);
        assert_eq!(r_string("县域"), "\"县域\"");
        assert_eq!(r_string("\u{7}"), "\"\\u{7}\"");
    }

    #[test]
    fn only_non_syntactic_names_get_backticks() {
        assert_eq!(r_name("DEV"), "DEV");
        assert_eq!(r_name("dev.2_x"), "dev.2_x");
        assert_eq!(r_name(".x"), ".x");
        assert_eq!(r_name("县域规模"), "`县域规模`");
        assert_eq!(r_name("2x"), "`2x`");
        assert_eq!(r_name(".5a"), "`.5a`");
        assert_eq!(r_name("a b"), "`a b`");
        assert_eq!(r_name("if"), "`if`");
        assert_eq!(r_name("..1"), "`..1`");
        assert_eq!(r_name("a`b"), "`a\\`b`");
    }

    #[test]
    fn a_calibration_replacing_its_column_comes_after_those_reading_it() {
        use crate::analysis::calibrate::Anchors;
        use crate::analysis::data::{Column, Dataset};
        use crate::analysis::project::CalibrationSetting;
        let data = Dataset {
            name: "t".into(),
            columns: vec![
                Column {
                    name: "X".into(),
                    data: ColumnData::Numeric(vec![Some(1.0), Some(5.0)]),
                },
                Column {
                    name: "Y".into(),
                    data: ColumnData::Numeric(vec![Some(0.0), Some(1.0)]),
                },
            ],
            case_column: None,
        };
        let mut p = Project::with_data(data);
        let method = Calibration::Logistic {
            anchors: Anchors::new(1.0, 3.0, 5.0).unwrap(),
            idm: 0.95,
        };
        for target in ["X", "X2"] {
            p.calibrations.push(CalibrationSetting {
                source: "X".into(),
                target: target.into(),
                method: method.clone(),
                crossover_cases: Default::default(),
            });
        }
        p.qca.outcome = Some("Y".into());
        p.qca.conditions = vec!["X".into(), "X2".into()];
        let script = r_script(&p, &RScriptOptions::default()).unwrap();
        let x2 = script
            .find("dat[[\"X2\"]] <- calibrate(dat[[\"X\"]]")
            .unwrap();
        let x = script
            .find("dat[[\"X\"]] <- calibrate(dat[[\"X\"]]")
            .unwrap();
        assert!(x2 < x, "{script}");
    }

    #[test]
    fn a_small_constant_for_the_cases_at_one_half_follows_its_calibration() {
        use crate::analysis::calibrate::Anchors;
        use crate::analysis::data::{Column, Dataset};
        use crate::analysis::project::CalibrationSetting;
        let data = Dataset {
            name: "t".into(),
            columns: vec![
                Column {
                    name: "X".into(),
                    data: ColumnData::Numeric(vec![Some(1.0), Some(3.0), Some(5.0)]),
                },
                Column {
                    name: "Y".into(),
                    data: ColumnData::Numeric(vec![Some(0.0), Some(1.0), Some(1.0)]),
                },
            ],
            case_column: None,
        };
        let mut p = Project::with_data(data);
        p.calibrations.push(CalibrationSetting {
            source: "X".into(),
            target: "X".into(),
            method: Calibration::Logistic {
                anchors: Anchors::new(1.0, 3.0, 5.0).unwrap(),
                idm: 0.95,
            },
            crossover_cases: Default::default(),
        });
        p.qca.outcome = Some("Y".into());
        p.qca.conditions = vec!["X".into()];
        let line = RAISED_X;
        let script = r_script(&p, &RScriptOptions::default()).unwrap();
        assert!(!script.contains(line), "{script}");
        if let Some(c) = p.calibrations.first_mut() {
            c.crossover_cases = crate::analysis::calibrate::CrossoverCases::AddConstant;
        }
        let script = r_script(&p, &RScriptOptions::default()).unwrap();
        let calibrated = script.find("dat[[\"X\"]] <- calibrate(").unwrap();
        let raised = script.find(line).unwrap();
        let truth_table = script.find("truthTable(").unwrap();
        assert!(calibrated < raised && raised < truth_table, "{script}");
    }

    /// The R line that raises the cases of `X` at 0.5.
    const RAISED_X: &str =
        "dat[[\"X\"]][which(abs(dat[[\"X\"]] - 0.5) < sqrt(.Machine$double.eps))] <- 0.501";

    #[test]
    fn a_set_used_as_it_is_gets_the_constant_in_the_script_when_chosen() {
        let data = crate::analysis::data::import(
            "d.csv",
            b"case,X,Y\na,0.5,0.9\nb,0.8,0.2\n",
            &Default::default(),
        )
        .unwrap()
        .dataset;
        let mut p = Project::with_data(data);
        p.qca.outcome = Some("Y".into());
        p.qca.conditions = vec!["X".into()];
        let line = RAISED_X;
        let script = r_script(&p, &RScriptOptions::default()).unwrap();
        assert!(!script.contains(line), "{script}");
        p.qca.crossover_as_is.insert(
            "X".into(),
            crate::analysis::calibrate::CrossoverCases::AddConstant,
        );
        let script = r_script(&p, &RScriptOptions::default()).unwrap();
        let raised = script.find(line).unwrap();
        assert!(raised < script.find("truthTable(").unwrap(), "{script}");
        assert_eq!(p.memberships("X").unwrap(), vec![0.501, 0.8]);
    }

    #[test]
    fn numbers_are_written_in_shortest_round_trip_form() {
        for x in [0.81, 0.1 + 0.2, 1e-7, -3.0, 123_456.789, 5e-324] {
            assert_eq!(r_number(x).parse::<f64>().unwrap(), x);
        }
        assert_eq!(r_number(400.0), "400");
        assert_eq!(r_number(f64::NAN), "NA");
    }
}
