//! The self-contained HTML report of the current analysis (no component:
//! a function that writes the document). Everything is derived from the
//! [`Project`] — data summary, calibration anchors, necessity table, truth
//! table, solutions with their parameters, configuration chart and XY plot
//! (inline SVG from [`charts::render_svg`]) — plus a methods paragraph in
//! the report's language. The CSS is inline and has print rules, so the
//! browser prints it to PDF as it is. Nothing is fetched: the file works
//! offline and can be mailed.
//!
//! The solutions come from the web worker ([`crate::app::worker`]): the
//! Report section runs the minimization there and passes its [`Outcome`]
//! in, so a large problem never freezes the page.

use std::fmt::Write as _;

use crate::analysis::calibrate::Calibration;
use crate::analysis::minimize::{Implicant, Minimization};
use crate::analysis::necessity::necessity_table;
use crate::analysis::project::xlsx::{Cell, Sheet};
use crate::analysis::project::{APP_VERSION, Project, ProjectError};
use crate::analysis::solution::{Solution, configuration_chart, describe};
use crate::analysis::truth_table::{Out, TruthTable};
use crate::app::i18n::Lang;
use crate::app::i18n::fsqca::failure_text;
use crate::app::i18n::persist::project_error;
use crate::app::worker::Outcome;
use crate::charts::{
    Configuration, ConfigurationChart, SolutionFit, XyCase, XyPlot, XyTexts, render_svg,
};

/// Width of the charts in the report, in SVG pixels.
const CHART_WIDTH: u32 = 720;
/// Height of the XY plot.
const XY_HEIGHT: u32 = 520;

/// Escapes text for HTML.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.3}")
    } else {
        "—".to_owned()
    }
}

fn anchor(v: f64) -> String {
    // Shortest round-trip form, as in the R script.
    format!("{v}")
}

fn pick(lang: Lang, en: &str, zh: &str) -> String {
    match lang {
        Lang::En => en.to_owned(),
        Lang::ZhHans => zh.to_owned(),
    }
}

/// The calibration of a set: its method and anchors and, when the user
/// chose it, the small constant added to the cases at exactly 0.5.
pub fn describe_setting(lang: Lang, c: &crate::analysis::project::CalibrationSetting) -> String {
    let method = describe_calibration(lang, &c.method);
    match c.crossover_cases {
        crate::analysis::calibrate::CrossoverCases::AddConstant => {
            let raised = 0.5 + crate::analysis::calibrate::CROSSOVER_CONSTANT;
            format!(
                "{method}; {}",
                match lang {
                    Lang::En => format!("cases at exactly 0.5 raised to {raised}"),
                    Lang::ZhHans => format!("隶属度恰为 0.5 的案例改为 {raised}"),
                }
            )
        }
        _ => method,
    }
}

/// The sets used as they are ("already calibrated") whose cases at exactly
/// 0.5 the user raised, with that choice described.
fn raised_as_is(lang: Lang, project: &crate::analysis::project::Project) -> Vec<(String, String)> {
    let raised = 0.5 + crate::analysis::calibrate::CROSSOVER_CONSTANT;
    project
        .qca
        .outcome
        .iter()
        .chain(&project.qca.conditions)
        .filter(|n| {
            project.calibration(n).is_none()
                && project.qca.crossover_as_is(n)
                    == crate::analysis::calibrate::CrossoverCases::AddConstant
        })
        .map(|n| {
            let d = match lang {
                Lang::En => format!("used as it is; cases at exactly 0.5 raised to {raised}"),
                Lang::ZhHans => format!("按原值使用；隶属度恰为 0.5 的案例改为 {raised}"),
            };
            (n.clone(), d)
        })
        .collect()
}

/// The calibration method and its anchors, as in R's `calibrate()`.
pub fn describe_calibration(lang: Lang, method: &Calibration) -> String {
    match method {
        Calibration::Logistic { anchors, idm } => format!(
            "{} e = {}, c = {}, i = {}; idm = {}",
            pick(lang, "direct, logistic:", "直接法，逻辑函数："),
            anchor(anchors.exclusion()),
            anchor(anchors.crossover()),
            anchor(anchors.inclusion()),
            anchor(*idm)
        ),
        Calibration::Linear {
            anchors,
            below,
            above,
            ecdf,
        } => format!(
            "{} e = {}, c = {}, i = {}; below = {}, above = {}{}",
            pick(lang, "direct, linear:", "直接法，线性："),
            anchor(anchors.exclusion()),
            anchor(anchors.crossover()),
            anchor(anchors.inclusion()),
            anchor(*below),
            anchor(*above),
            if *ecdf { "; ecdf" } else { "" }
        ),
        Calibration::Bell {
            anchors,
            below,
            above,
        } => {
            let a = anchors.to_array();
            format!(
                "{} e1 = {}, c1 = {}, i1 = {}, i2 = {}, c2 = {}, e2 = {}; below = {}, above = {}",
                pick(lang, "direct, bell-shaped:", "直接法，钟形："),
                anchor(a[0]),
                anchor(a[1]),
                anchor(a[2]),
                anchor(a[3]),
                anchor(a[4]),
                anchor(a[5]),
                anchor(*below),
                anchor(*above)
            )
        }
        Calibration::Crisp { thresholds } => format!(
            "{} {}",
            pick(lang, "crisp, thresholds", "清晰集，阈值"),
            thresholds
                .iter()
                .map(|t| anchor(*t))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Calibration::Tfr => pick(
            lang,
            "totally fuzzy and relative (TFR)",
            "完全模糊相对法（TFR）",
        ),
        Calibration::Indirect { thresholds } => format!(
            "{} {}",
            pick(lang, "indirect, thresholds", "间接法，阈值"),
            thresholds
                .iter()
                .map(|t| anchor(*t))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The solutions of the project, each with its R name.
struct Solved {
    tt: TruthTable,
    columns: Vec<Vec<f64>>,
    y: Vec<f64>,
    cases: Vec<String>,
    /// (name, minimization, solution), complex → parsimonious → intermediate.
    solutions: Vec<(String, Minimization, Solution)>,
    /// The terms of each parsimonious model (P1, P2, …): the core
    /// conditions of a configuration chart are read from one of them.
    parsimonious_models: Vec<Vec<Implicant>>,
    /// Per solution: the parsimonious model its chart reads core
    /// conditions from (its own model for the parsimonious solution, the
    /// pair's `P` for an intermediate one, P1 for the complex solution).
    core_model: Vec<usize>,
    notes: Vec<String>,
}

/// The solutions of `minimized` (the worker's outcome, or why there is
/// none) described on the project's data.
fn solve(
    project: &Project,
    minimized: &Result<Outcome, String>,
    lang: Lang,
) -> Result<Solved, String> {
    let tt = project.truth_table().map_err(|e| e.to_string())?;
    let data = project.data.as_ref().ok_or("no data")?;
    let columns = project
        .qca
        .conditions
        .iter()
        .map(|c| project.memberships(c))
        .collect::<Result<Vec<_>, ProjectError>>()
        .map_err(|e| e.to_string())?;
    let outcome = project.qca.outcome.clone().unwrap_or_default();
    let y = project.memberships(&outcome).map_err(|e| e.to_string())?;
    let cases = data.case_names();
    let refs: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let mut notes = Vec::new();
    let mut solutions = Vec::new();
    let mut parsimonious_models: Vec<Vec<Implicant>> = Vec::new();
    let mut core_model = Vec::new();
    let mut push =
        |name: String, m: &Minimization, core: usize, notes: &mut Vec<String>| match describe(
            m, &tt, &refs, &y, &cases,
        ) {
            Ok(s) => {
                solutions.push((name, m.clone(), s));
                core_model.push(core);
            }
            Err(e) => notes.push(format!("{name}: {e}")),
        };
    match minimized {
        Err(e) => notes.push(e.clone()),
        Ok(minimized) => {
            match &minimized.complex {
                Ok(m) => push("complex".into(), m, 0, &mut notes),
                Err(e) => notes.push(format!("complex: {}", failure_text(lang, e))),
            }
            match &minimized.parsimonious {
                Ok(m) => {
                    parsimonious_models = super::fsqca_charts::model_terms(m);
                    push("parsimonious".into(), m, 0, &mut notes);
                }
                Err(e) => notes.push(format!("parsimonious: {}", failure_text(lang, e))),
            }
            match &minimized.intermediate {
                Some(Ok(result)) => {
                    for (i, pair) in result.pairs.iter().enumerate() {
                        push(
                            format!("intermediate {}", result.key(i)),
                            &pair.solution,
                            pair.parsimonious_model,
                            &mut notes,
                        );
                    }
                }
                Some(Err(e)) => notes.push(format!("intermediate: {}", failure_text(lang, e))),
                None => {}
            }
        }
    }
    Ok(Solved {
        tt,
        columns,
        y,
        cases,
        solutions,
        parsimonious_models,
        core_model,
        notes,
    })
}

/// A cell as the report shows it: measures with 3 decimals.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Number(v) => num(*v),
        Cell::Value(v) => format!("{v}"),
    }
}

/// Writes a table into the HTML and keeps it as a sheet of the workbook
/// (`sheet`: its wished sheet name), so both hold the same numbers.
fn table(
    out: &mut String,
    sheets: &mut Vec<Sheet>,
    sheet: &str,
    caption: &str,
    head: &[String],
    rows: Vec<Vec<Cell>>,
) {
    let _ = write!(out, "<table><caption>{}</caption><thead><tr>", esc(caption));
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(&cell_text(cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
    sheets.push(Sheet {
        name: sheet.to_owned(),
        caption: caption.to_owned(),
        header: head.to_vec(),
        rows,
    });
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn out_label(out: Out) -> &'static str {
    match out {
        Out::One => "1",
        Out::Zero => "0",
        Out::Contradiction => "C",
        Out::Remainder => "?",
    }
}

const CSS: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d2433;max-width:60rem;margin:2rem auto;padding:0 1.5rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d9dee7;padding-bottom:.2rem}
.meta{color:#5b6475;margin:0}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.88rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #d9dee7;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f3f7}
.methods{background:#f6f7f9;border-left:4px solid #1f5fa8;padding:.6rem 1rem}
.note{color:#7a4b00}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}@page{margin:15mm}}
"#;

/// Writes the report. `generated` is the date shown (the caller's clock);
/// `minimized` the worker's solutions of the project's truth table, or why
/// there are none (shown as a note).
pub fn report_html(
    project: &Project,
    lang: Lang,
    generated: &str,
    minimized: &Result<Outcome, String>,
) -> String {
    build(project, lang, generated, minimized).0
}

/// The report's tables, one [`Sheet`] each, for the XLSX workbook (the
/// same values as the HTML report's tables).
pub fn report_tables(
    project: &Project,
    lang: Lang,
    minimized: &Result<Outcome, String>,
) -> Vec<Sheet> {
    build(project, lang, "", minimized).1
}

fn build(
    project: &Project,
    lang: Lang,
    generated: &str,
    minimized: &Result<Outcome, String>,
) -> (String, Vec<Sheet>) {
    let mut sheets = Vec::new();
    let t = |en: &str, zh: &str| pick(lang, en, zh);
    let title = if project.name.is_empty() {
        t("PolicyLens report", "PolicyLens 报告")
    } else {
        project.name.clone()
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"PolicyLens {APP_VERSION}\"><title>{}</title><style>{CSS}</style></head><body>\n<h1>{}</h1>\n",
        lang.code(),
        esc(&title),
        esc(&title)
    );
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} {} · PolicyLens {APP_VERSION}</p>",
        t("Generated", "生成于"),
        esc(generated)
    );
    let Some(data) = &project.data else {
        let _ = write!(
            out,
            "<p>{}</p></body></html>",
            t("No data loaded.", "未载入数据。")
        );
        return (out, sheets);
    };

    // Data summary.
    let _ = write!(
        out,
        "<h2>{}</h2>\n<p>{}</p>\n",
        t("Data", "数据"),
        esc(&match lang {
            Lang::En => format!(
                "{}: {} cases × {} columns.",
                data.name,
                data.n_rows(),
                data.columns.len()
            ),
            Lang::ZhHans => format!(
                "{}：{} 个案例 × {} 列。",
                data.name,
                data.n_rows(),
                data.columns.len()
            ),
        })
    );
    let rows: Vec<Vec<Cell>> = data
        .summaries()
        .iter()
        .map(|s| {
            vec![
                s.name.clone().into(),
                Cell::count(s.count),
                Cell::count(s.missing),
                s.min.map_or_else(Cell::empty, Cell::number),
                s.mean.map_or_else(Cell::empty, Cell::number),
                s.max.map_or_else(Cell::empty, Cell::number),
            ]
        })
        .collect();
    table(
        &mut out,
        &mut sheets,
        &t("Data", "数据"),
        &t("Columns", "各列概况"),
        &[
            t("Column", "列"),
            t("Values", "取值数"),
            t("Missing", "缺失"),
            t("Min", "最小值"),
            t("Mean", "均值"),
            t("Max", "最大值"),
        ],
        rows,
    );

    // Calibration.
    let as_is = raised_as_is(lang, project);
    if !project.calibrations.is_empty() || !as_is.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", t("Calibration", "校准"));
        let rows: Vec<Vec<Cell>> =
            project
                .calibrations
                .iter()
                .map(|c| {
                    vec![
                        c.target.clone().into(),
                        c.source.clone().into(),
                        describe_setting(lang, c).into(),
                    ]
                })
                .chain(as_is.iter().map(|(name, d)| {
                    vec![name.clone().into(), name.clone().into(), d.clone().into()]
                }))
                .collect();
        table(
            &mut out,
            &mut sheets,
            &t("Calibration", "校准"),
            &t("Calibrated sets and anchors", "校准后的集合与锚点"),
            &[
                t("Set", "集合"),
                t("Source column", "原始列"),
                t("Method and anchors", "方法与锚点"),
            ],
            rows,
        );
    }

    let methods = fsqca_part(&mut out, &mut sheets, project, lang, minimized);
    stakeholder_part(&mut out, &mut sheets, project, lang);
    if let Some(methods) = methods {
        let _ = write!(
            out,
            "<h2>{}</h2>\n<p class=\"methods\">{}</p>\n",
            t("Methods (to adapt for a paper)", "方法（可改写后用于论文）"),
            esc(&methods)
        );
    }
    out.push_str("</body></html>\n");
    (out, sheets)
}

/// The fsQCA part; the methods paragraph when there is an analysis.
fn fsqca_part(
    out: &mut String,
    sheets: &mut Vec<Sheet>,
    project: &Project,
    lang: Lang,
    minimized: &Result<Outcome, String>,
) -> Option<String> {
    let t = |en: &str, zh: &str| pick(lang, en, zh);
    let (Some(outcome), false) = (&project.qca.outcome, project.qca.conditions.is_empty()) else {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            t(
                "No fsQCA yet: choose an outcome and conditions in the fsQCA section.",
                "尚未进行 fsQCA：请在 fsQCA 部分选择结果和条件。"
            )
        );
        return None;
    };
    let negated = project.qca.truth_table.negate_outcome;
    let outcome_label = if negated {
        format!("~{outcome}")
    } else {
        outcome.clone()
    };

    let solved = solve(project, minimized, lang);
    let solved = match solved {
        Ok(s) => s,
        Err(e) => {
            let _ = write!(out, "<p class=\"note\">{}</p>", esc(&e));
            return None;
        }
    };

    // Necessity.
    let refs: Vec<&[f64]> = solved.columns.iter().map(Vec::as_slice).collect();
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        t("Necessary conditions", "必要条件分析")
    );
    let other_label = if negated {
        outcome.clone()
    } else {
        format!("~{outcome}")
    };
    for (negate, label) in [(negated, &outcome_label), (!negated, &other_label)] {
        match necessity_table(&project.qca.conditions, &refs, &solved.y, negate) {
            Ok(fits) => {
                let rows: Vec<Vec<Cell>> = fits
                    .iter()
                    .map(|f| {
                        vec![
                            f.set.clone().into(),
                            Cell::number(f.fit.incl_n),
                            Cell::number(f.fit.ron),
                            Cell::number(f.fit.cov_n),
                        ]
                    })
                    .collect();
                table(
                    out,
                    sheets,
                    &format!("{} {label}", t("Necessity", "必要性")),
                    &format!("{} {label}", t("Necessity for", "结果的必要性：")),
                    &strings(&["", "inclN", "RoN", "covN"]),
                    rows,
                );
            }
            Err(e) => {
                let _ = write!(out, "<p class=\"note\">{}</p>", esc(&e.to_string()));
            }
        }
    }

    // Truth table.
    let tt = &solved.tt;
    let o = &tt.options;
    let _ = write!(
        out,
        "<h2>{}</h2>\n<p>{}: incl.cut = {}{}, n.cut = {}, pri.cut = {}{}</p>\n",
        t("Truth table", "真值表"),
        t("Settings", "设置"),
        anchor(o.incl_cut),
        o.incl_cut0
            .map_or_else(String::new, |c| format!(" / {}", anchor(c))),
        o.n_cut,
        anchor(o.pri_cut),
        if o.exclude.is_empty() {
            String::new()
        } else {
            format!(
                ", exclude = {}",
                o.exclude
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    );
    let mut head = vec!["#".to_owned()];
    head.extend(tt.conditions.iter().cloned());
    head.extend(strings(&["OUT", "n", "incl", "PRI"]));
    head.push(t("Cases", "案例"));
    let rows: Vec<Vec<Cell>> = tt
        .rows
        .iter()
        .filter(|r| r.is_observed() || r.excluded || r.overridden)
        .map(|r| {
            let mut row = vec![Cell::value(r.number() as f64)];
            row.extend(r.config.iter().map(|&v| Cell::value(f64::from(v))));
            row.push(out_label(r.out).into());
            row.push(Cell::count(r.n));
            row.push(Cell::number(r.incl));
            row.push(Cell::number(r.pri));
            row.push(r.cases.join(", ").into());
            row
        })
        .collect();
    table(
        out,
        sheets,
        &t("Truth table", "真值表"),
        &format!("{} {outcome_label}", t("Truth table for", "真值表，结果：")),
        &head,
        rows,
    );

    // Solutions.
    let m = &project.qca.minimize;
    let dir_exp: Vec<String> = m
        .directional_expectations
        .terms()
        .iter()
        .map(|term| {
            term.iter()
                .map(|&(j, present)| {
                    let name = tt.conditions.get(j).cloned().unwrap_or_default();
                    if present { name } else { format!("~{name}") }
                })
                .collect::<Vec<_>>()
                .join("*")
        })
        .collect();
    let _ = write!(
        out,
        "<h2>{}</h2>\n<p>{}: row.dom = {}, all.sol = {}, include = {}{}</p>\n",
        t("Solutions", "解"),
        t("Minimization", "最小化"),
        m.options.row_dom,
        m.options.all_sol,
        if m.include_contradictions {
            "\"?, C\""
        } else {
            "\"?\""
        },
        if dir_exp.is_empty() {
            String::new()
        } else {
            format!(", dir.exp = {}", dir_exp.join(", "))
        }
    );
    for note in &solved.notes {
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(note));
    }
    for (name, _, s) in &solved.solutions {
        let label = solution_label(lang, name);
        for (i, model) in s.models.iter().enumerate() {
            let caption = format!("{label} M{}: {} → {outcome_label}", i + 1, model.expression);
            let mut rows: Vec<Vec<Cell>> = model
                .terms
                .iter()
                .map(|term| {
                    vec![
                        term.term.clone().into(),
                        Cell::number(term.incl_s),
                        Cell::number(term.pri),
                        Cell::number(term.cov_s),
                        term.cov_u.map_or_else(Cell::empty, Cell::number),
                        term.r_cases().into(),
                    ]
                })
                .collect();
            rows.push(vec![
                t("Model", "模型").into(),
                Cell::number(model.incl_s),
                Cell::number(model.pri),
                Cell::number(model.cov_s),
                Cell::empty(),
                Cell::empty(),
            ]);
            table(
                out,
                sheets,
                &format!("{} M{}", solution_short(lang, name), i + 1),
                &caption,
                &strings(&["", "inclS", "PRI", "covS", "covU", ""])
                    .into_iter()
                    .enumerate()
                    .map(|(j, h)| if j == 5 { t("Cases", "案例") } else { h })
                    .collect::<Vec<_>>(),
                rows,
            );
        }
    }

    // Configuration chart and XY plot of the most specific solution shown.
    if let Some((name, min, s)) = solved.solutions.last()
        && let Some(model) = s.models.first()
        && let Some(indices) = min.models.first()
    {
        let label = solution_label(lang, name);
        let k = tt.conditions.len();
        let terms: Vec<Implicant> = indices
            .iter()
            .filter_map(|&i| min.prime_implicants.get(i).copied())
            .collect();
        let core = solved
            .core_model
            .get(solved.solutions.len() - 1)
            .and_then(|&p| solved.parsimonious_models.get(p))
            .cloned()
            .unwrap_or_default();
        let cells = configuration_chart(k, &terms, &core);
        let configurations: Vec<Configuration> = cells
            .iter()
            .zip(&model.terms)
            .enumerate()
            .map(|(i, (column, fit))| Configuration {
                model: String::new(),
                label: format!("S{}", i + 1),
                cells: column
                    .iter()
                    .map(|c| super::fsqca_charts::presence(c.as_ref()))
                    .collect(),
                raw_coverage: fit.cov_s,
                unique_coverage: fit.cov_u.unwrap_or(f64::NAN),
                consistency: fit.incl_s,
            })
            .collect();
        let chart = ConfigurationChart {
            conditions: tt.conditions.clone(),
            configurations,
            solution_fit: vec![SolutionFit {
                model: String::new(),
                consistency: model.incl_s,
                coverage: model.cov_s,
            }],
            texts: super::fsqca_charts::config_texts(lang, label.clone()),
            font_size: 14.0,
            show_legend: true,
        };
        let height = chart.preferred_height(CHART_WIDTH);
        figure(
            out,
            &t("Configuration chart", "组态图"),
            render_svg(&chart, CHART_WIDTH, height),
            &format!("{label} M1"),
        );
        // XY plot: membership in the model (max over its terms) vs outcome.
        let columns: Vec<usize> = model
            .terms
            .iter()
            .filter_map(|term| s.table.terms.iter().position(|x| *x == term.term))
            .collect();
        let xy_cases: Vec<XyCase> = s
            .table
            .values
            .iter()
            .zip(&s.table.outcome)
            .zip(&solved.cases)
            .map(|((values, &y), name)| XyCase {
                name: name.clone(),
                x: columns
                    .iter()
                    .filter_map(|&j| values.get(j).copied())
                    .fold(0.0, f64::max),
                y,
            })
            .collect();
        let plot = XyPlot {
            cases: xy_cases,
            consistency: model.incl_s,
            coverage: model.cov_s,
            texts: xy_texts(lang, &model.expression, &outcome_label),
            show_labels: true,
            font_size: 13.0,
        };
        figure(
            out,
            &t("XY plot", "XY 图"),
            render_svg(&plot, CHART_WIDTH, XY_HEIGHT),
            &format!("{label} M1: {}", model.expression),
        );
    }

    Some(methods_paragraph(
        lang,
        project,
        &solved,
        &outcome_label,
        &dir_exp,
    ))
}

/// A short sheet name for a solution (`complex` → "Complex",
/// `intermediate C1P1` → "Intermediate C1P1").
fn solution_short(lang: Lang, name: &str) -> String {
    solution_name(lang, name, false)
}

/// A solution's name in running text (`complex` → "Complex solution",
/// `intermediate C1P1` → "Intermediate solution C1P1").
fn solution_label(lang: Lang, name: &str) -> String {
    solution_name(lang, name, true)
}

/// The name of solution `name` (kind, then its key if any); `long` adds
/// "solution" after the kind in English (Chinese names already say it).
fn solution_name(lang: Lang, name: &str, long: bool) -> String {
    let (kind, key) = name.split_once(' ').unwrap_or((name, ""));
    let kind = match (lang, kind) {
        (Lang::En, "complex") => "Complex",
        (Lang::En, "parsimonious") => "Parsimonious",
        (Lang::En, _) => "Intermediate",
        (Lang::ZhHans, "complex") => "复杂解",
        (Lang::ZhHans, "parsimonious") => "简约解",
        (Lang::ZhHans, _) => "中间解",
    };
    let kind = match (lang, long) {
        (Lang::En, true) => format!("{kind} solution"),
        _ => kind.to_owned(),
    };
    if key.is_empty() {
        kind
    } else {
        format!("{kind} {key}")
    }
}

fn lower_first_word(label: &str) -> String {
    match label.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", first.to_lowercase()),
        None => label.to_lowercase(),
    }
}

fn xy_texts(lang: Lang, x: &str, y: &str) -> XyTexts {
    let mut texts = XyTexts::english(x, y);
    texts.title = format!("{x} → {y}");
    if lang == Lang::ZhHans {
        texts.consistency = "一致性".into();
        texts.coverage = "覆盖度".into();
    }
    texts
}

fn figure(
    out: &mut String,
    title: &str,
    svg: Result<String, crate::charts::ChartError>,
    caption: &str,
) {
    match svg {
        Ok(svg) => {
            let svg = svg.trim_start_matches(|c| c != '<');
            let svg = svg
                .strip_prefix("<?xml")
                .and_then(|s| s.split_once("?>").map(|(_, rest)| rest))
                .unwrap_or(svg);
            let _ = writeln!(
                out,
                "<figure role=\"group\" aria-label=\"{}\">{svg}<figcaption>{}</figcaption></figure>",
                esc(title),
                esc(caption)
            );
        }
        Err(e) => {
            let _ = write!(
                out,
                "<p class=\"note\">{}: {}</p>",
                esc(title),
                esc(&e.to_string())
            );
        }
    }
}

fn methods_paragraph(
    lang: Lang,
    project: &Project,
    solved: &Solved,
    outcome: &str,
    dir_exp: &[String],
) -> String {
    let o = &solved.tt.options;
    let n = solved.cases.len();
    let conditions = project.qca.conditions.join(", ");
    let calibrations: Vec<String> = project
        .calibrations
        .iter()
        .map(|c| format!("{} ({})", c.target, describe_setting(lang, c)))
        .chain(
            raised_as_is(lang, project)
                .into_iter()
                .map(|(name, d)| format!("{name} ({d})")),
        )
        .collect();
    let shown = solved.solutions.last();
    let fit = shown.and_then(|(name, _, s)| {
        s.models.first().map(|m| {
            (
                solution_label(lang, name),
                m.expression.clone(),
                m.incl_s,
                m.cov_s,
            )
        })
    });
    // Sentence by sentence, each in both languages (the same facts).
    let mut p = pick(
        lang,
        &format!(
            "We used fuzzy-set qualitative comparative analysis (fsQCA) with PolicyLens {APP_VERSION}, whose procedures follow the R package QCA 3.25. The data comprise {n} cases; the outcome is {outcome} and the conditions are {conditions}. "
        ),
        &format!(
            "本研究采用模糊集定性比较分析（fsQCA），使用 PolicyLens {APP_VERSION}，其计算程序与 R 软件包 QCA 3.25 一致。数据包括 {n} 个案例；结果变量为 {outcome}，条件变量为 {conditions}。"
        ),
    );
    if !calibrations.is_empty() {
        p += &pick(
            lang,
            &format!(
                "Raw scores were calibrated into fuzzy sets: {}. ",
                calibrations.join("; ")
            ),
            &format!("原始得分被校准为模糊集：{}。", calibrations.join("；")),
        );
    }
    let excluded = |intro: &str, sep: &str| {
        if o.exclude.is_empty() {
            String::new()
        } else {
            let rows: Vec<String> = o.exclude.iter().map(u64::to_string).collect();
            format!("{intro}{}", rows.join(sep))
        }
    };
    let (incl, n_cut, pri) = (anchor(o.incl_cut), o.n_cut, anchor(o.pri_cut));
    p += &pick(
        lang,
        &format!(
            "The truth table used a consistency threshold of {incl} (incl.cut), a frequency threshold of {n_cut} case(s) (n.cut) and a PRI threshold of {pri}{}. ",
            excluded("; remainders ", ", ")
                + if o.exclude.is_empty() {
                    ""
                } else {
                    " were excluded"
                }
        ),
        &format!(
            "真值表采用一致性阈值 {incl}（incl.cut）、案例频数阈值 {n_cut}（n.cut）和 PRI 阈值 {pri}{}。",
            excluded("，并排除了逻辑余项 ", "、")
        ),
    );
    p += &pick(
        lang,
        "Boolean minimization produced the complex and parsimonious solutions",
        "布尔最小化得到复杂解和简约解",
    );
    if !dir_exp.is_empty() {
        p += &pick(
            lang,
            &format!(
                " and the intermediate solution with directional expectations {}",
                dir_exp.join(", ")
            ),
            &format!("，并依据方向性预期 {} 得到中间解", dir_exp.join("、")),
        );
    }
    p += &pick(lang, ". ", "。");
    if let Some((label, expr, incl, cov)) = fit {
        let (incl, cov) = (num(incl), num(cov));
        p += &pick(
            lang,
            &format!(
                "The {} is {expr} → {outcome} (solution consistency = {incl}, solution coverage = {cov}).",
                lower_first_word(&label)
            ),
            &format!("{label}为 {expr} → {outcome}（解的一致性 = {incl}，解的覆盖度 = {cov}）。"),
        );
    }
    p
}

/// Project errors of the report's buttons, translated (the R script).
pub fn script_error(lang: Lang, error: &ProjectError) -> String {
    project_error(lang, error)
}

/// The stakeholder part: the results table (ratings, classes of every
/// model, recommendations) and the power–interest grid, position map and
/// feasibility chart, when ratings were imported.
fn stakeholder_part(out: &mut String, sheets: &mut Vec<Sheet>, project: &Project, lang: Lang) {
    use crate::app::i18n::stakeholders::{engine_lang, stakeholder_error};
    use crate::charts::{FeasibilityChart, PositionMapChart, PowerInterestChart, Stance};
    let section = &project.stakeholder;
    if section.ratings.ratings.is_empty() {
        return;
    }
    let t = |en: &str, zh: &str| pick(lang, en, zh);
    let _ = writeln!(out, "<h2>{}</h2>", t("Stakeholders", "利益相关者"));
    let settings = &section.settings;
    let aggregated = match section.ratings.aggregate(settings.aggregation) {
        Ok(a) => a,
        Err(e) => {
            let _ = write!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&stakeholder_error(lang, &e))
            );
            return;
        }
    };
    let ratings = &aggregated.ratings;
    let elang = engine_lang(lang);
    let results = crate::analysis::stakeholder::results_table(ratings, settings, elang);
    let rows: Vec<Vec<Cell>> = results
        .rows
        .iter()
        .map(|row| row.iter().map(|c| result_cell(c)).collect())
        .collect();
    table(
        out,
        sheets,
        &t("Stakeholders", "利益相关者"),
        &t("Ratings, classes and recommendations", "评分、分类与建议"),
        &results.header,
        rows,
    );
    agreement_table(out, sheets, project, lang);
    for (_, e) in &results.skipped {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&stakeholder_error(lang, e))
        );
    }
    let four = settings.four_dim.classify(ratings);
    let feasibility = settings.policymaker.feasibility(ratings);
    let stances: Vec<Stance> = match (&feasibility, &four) {
        (Ok(f), _) => f.players.iter().map(|p| Stance::from(p.side)).collect(),
        (_, Ok(r)) => r.iter().map(|r| Stance::from(r.attitude)).collect(),
        _ => Vec::new(),
    };
    let size = ratings
        .dimensions()
        .iter()
        .find(|d| d.name == "resources")
        .map(|d| d.name.clone());
    if let Ok(chart) = settings.mendelow.classify(ratings).and_then(|grid| {
        PowerInterestChart::from_grid(
            ratings,
            &settings.mendelow,
            &grid,
            size.as_deref(),
            &stances,
            elang,
        )
    }) {
        let title = chart.title.clone();
        figure(
            out,
            &title,
            render_svg(&chart, CHART_WIDTH, XY_HEIGHT),
            &title,
        );
    }
    // The custom models' scores and ranks (one chart for all of them, when
    // the user built custom models), sized as in the page.
    if !settings.custom.is_empty()
        && let Ok(c) =
            crate::charts::CustomScoreChart::from_models(ratings, &settings.custom, elang)
    {
        let title = c.title.clone();
        let height =
            (150 + ratings.len() as u32 * (14 + 16 * c.models.len() as u32)).clamp(360, 1200);
        figure(out, &title, render_svg(&c, CHART_WIDTH, height), &title);
    }
    if let Ok(f) = &feasibility {
        let map = PositionMapChart::from_feasibility(ratings, f, elang);
        let title = map.title.clone();
        figure(
            out,
            &title,
            render_svg(&map, CHART_WIDTH, XY_HEIGHT),
            &title,
        );
        let bars = FeasibilityChart::from_feasibility(f, elang);
        let title = bars.title.clone();
        figure(out, &title, render_svg(&bars, CHART_WIDTH, 420), &title);
    }
}

/// A cell of the stakeholder results table (text from the engine): a
/// plain number becomes a number cell with its value, shown as written.
fn result_cell(text: &str) -> Cell {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && !text.trim().is_empty() && format!("{v}") == text.trim() => {
            Cell::Value(v)
        }
        _ => Cell::Text(text.to_owned()),
    }
}

/// Kendall's W per dimension when several respondents rated.
fn agreement_table(out: &mut String, sheets: &mut Vec<Sheet>, project: &Project, lang: Lang) {
    let ratings = &project.stakeholder.ratings;
    let agreement = ratings.agreement();
    let rows: Vec<Vec<Cell>> = agreement
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|k| {
            vec![
                k.dimension.clone().into(),
                Cell::number(k.w),
                Cell::number(k.chi_square),
                Cell::count(k.df),
                Cell::number(k.p_value),
                Cell::count(k.raters.len()),
                k.excluded.join(", ").into(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let t = |en: &str, zh: &str| pick(lang, en, zh);
    table(
        out,
        sheets,
        &t("Rater agreement", "评分者一致性"),
        &t(
            "Rater agreement (Kendall's W)",
            "评分者一致性（肯德尔 W 系数）",
        ),
        &[
            t("Dimension", "维度"),
            "W".to_owned(),
            "χ²".to_owned(),
            "df".to_owned(),
            "p".to_owned(),
            t("Respondents", "评分者"),
            t("Left out (incomplete)", "未纳入（评分不完整）"),
        ],
        rows,
    );
}
