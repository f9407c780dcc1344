//! The fsQCA charts rendered to SVG natively: structure and text are
//! checked (labels in Chinese survive, one marker per case, the right
//! number of ● and ⊗ …), never bytes; and every chart draws without error
//! on edge cases.

use policylens::charts::qca_venn::MAX_SETS;
use policylens::charts::{
    Bins, CalibrationCase, CalibrationChart, CalibrationTexts, Chart, Configuration,
    ConfigurationChart, ConfigurationTexts, Guide, HeatmapRow, HeatmapTexts, HistogramChart,
    HistogramTexts, OutValue, Presence, RegionLabels, SolutionFit, TruthTableHeatmap, VennDiagram,
    VennRegion, VennTexts, XyCase, XyPlot, XyTexts, render_svg,
};
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

fn svg(chart: &impl Chart, width: u32, height: u32) -> String {
    match render_svg(chart, width, height) {
        Ok(svg) => svg,
        Err(e) => panic!("chart did not render at {width}x{height}: {e}"),
    }
}

/// The text content of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find('>')? + 1;
            let end = chunk.find("</text>")?;
            Some(chunk.get(start..end)?.trim().to_string())
        })
        .collect()
}

/// The `<tag …>` elements (their attribute text).
fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.split(open.as_str())
        .skip(1)
        .filter_map(|chunk| chunk.split('>').next())
        .collect()
}

fn count_with(svg: &str, tag: &str, attrs: &[&str]) -> usize {
    elements(svg, tag)
        .iter()
        .filter(|e| attrs.iter().all(|a| e.contains(a)))
        .count()
}

const FILLED_BLACK: [&str; 2] = ["fill=\"#000000\"", "stroke=\"none\""];
const OUTLINED_BLACK: [&str; 2] = ["fill=\"none\"", "stroke=\"#000000\""];

const CONDITIONS_ZH: [&str; 4] = [
    "规划实施规模",
    "紧密型组织结构",
    "协同管理制度",
    "医保支付方式改革",
];

fn long_chinese() -> String {
    "县域医疗卫生服务共同体内部协同管理制度与激励机制设计的综合水平".to_string()
}

// ---------------------------------------------------------------- configuration chart

fn config_chart(chinese: bool) -> ConfigurationChart {
    use Presence::*;
    let conditions: Vec<String> = if chinese {
        CONDITIONS_ZH.map(String::from).to_vec()
    } else {
        ["PLAN", "ORG", "MGMT", "PAY"].map(String::from).to_vec()
    };
    let cells = [
        vec![CorePresent, PeripheralPresent, DontCare, CoreAbsent],
        vec![PeripheralAbsent, CorePresent, PeripheralPresent, DontCare],
        vec![DontCare, CorePresent, CoreAbsent, CorePresent],
    ];
    ConfigurationChart {
        conditions,
        configurations: cells
            .into_iter()
            .enumerate()
            .map(|(i, cells)| Configuration {
                model: String::new(),
                label: if chinese {
                    format!("组态{}", i + 1)
                } else {
                    format!("S{}", i + 1)
                },
                cells,
                raw_coverage: 0.412 + i as f64 / 100.0,
                unique_coverage: 0.104,
                consistency: 0.937,
            })
            .collect(),
        solution_fit: vec![SolutionFit {
            model: String::new(),
            consistency: 0.921,
            coverage: 0.688,
        }],
        texts: if chinese {
            ConfigurationTexts {
                title: "组态分析结果".into(),
                condition_header: "条件变量".into(),
                raw_coverage: "原始覆盖度".into(),
                unique_coverage: "唯一覆盖度".into(),
                consistency: "一致性".into(),
                solution_consistency: "总体一致性".into(),
                solution_coverage: "总体覆盖度".into(),
                core_present: "核心条件存在".into(),
                core_absent: "核心条件缺失".into(),
                peripheral_present: "边缘条件存在".into(),
                peripheral_absent: "边缘条件缺失".into(),
                dont_care: "空白表示可有可无".into(),
                note: String::new(),
            }
        } else {
            ConfigurationTexts::english()
        },
        font_size: 14.0,
        show_legend: true,
    }
}

#[test]
fn configuration_chart_draws_one_symbol_per_cell_plus_the_legend() {
    let chart = config_chart(false);
    let (present, absent) = chart.symbol_counts();
    assert_eq!((present, absent), (6, 3));
    let out = svg(&chart, 640, 480);
    // ● filled circles; ⊗ outlined circles crossed by two lines.
    assert_eq!(count_with(&out, "circle", &FILLED_BLACK), present + 2);
    assert_eq!(count_with(&out, "circle", &OUTLINED_BLACK), absent + 2);
}

#[test]
fn configuration_chart_without_legend_has_exactly_the_cell_symbols() {
    let mut chart = config_chart(false);
    chart.show_legend = false;
    let out = svg(&chart, 640, 400);
    assert_eq!(count_with(&out, "circle", &FILLED_BLACK), 6);
    assert_eq!(count_with(&out, "circle", &OUTLINED_BLACK), 3);
}

#[test]
fn core_symbols_are_larger_than_peripheral_ones() {
    let out = svg(&config_chart(false), 640, 480);
    let radius = |e: &&str| -> u32 {
        e.split("r=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|r| r.parse().ok())
            .unwrap_or(0)
    };
    let mut radii: Vec<u32> = elements(&out, "circle").iter().map(radius).collect();
    radii.sort_unstable();
    radii.dedup();
    assert!(radii.len() >= 2, "{radii:?}");
}

#[test]
fn configuration_chart_prints_chinese_labels_and_every_parameter() {
    let out = svg(&config_chart(true), 640, 480);
    let t = texts(&out);
    for label in CONDITIONS_ZH.iter().chain(&[
        "组态1",
        "组态3",
        "原始覆盖度",
        "唯一覆盖度",
        "总体一致性",
        "核心条件缺失",
    ]) {
        assert!(t.iter().any(|x| x == label), "missing {label} in {t:?}");
    }
    for value in ["0.412", "0.432", "0.104", "0.937", "0.921", "0.688"] {
        assert!(t.iter().any(|x| x == value), "missing {value}");
    }
}

#[test]
fn configuration_chart_groups_columns_under_their_model() {
    let mut chart = config_chart(false);
    for (i, c) in chart.configurations.iter_mut().enumerate() {
        c.model = if i < 2 { "M1".into() } else { "M2".into() };
    }
    chart.solution_fit = vec![
        SolutionFit {
            model: "M1".into(),
            consistency: 0.901,
            coverage: 0.555,
        },
        SolutionFit {
            model: "M2".into(),
            consistency: 0.902,
            coverage: 0.444,
        },
    ];
    let t = texts(&svg(&chart, 640, 480));
    assert_eq!(t.iter().filter(|x| *x == "M1").count(), 1);
    assert_eq!(t.iter().filter(|x| *x == "M2").count(), 1);
    for v in ["0.901", "0.555", "0.902", "0.444"] {
        assert!(t.iter().any(|x| x == v));
    }
}

// ---------------------------------------------------------------- XY plot

fn xy(cases: &[(&str, f64, f64)]) -> XyPlot {
    XyPlot {
        cases: cases
            .iter()
            .map(|(n, x, y)| XyCase {
                name: (*n).into(),
                x: *x,
                y: *y,
            })
            .collect(),
        consistency: 0.912,
        coverage: 0.754,
        texts: XyTexts {
            title: "解与结果".into(),
            x_label: "规划实施规模*紧密型组织结构".into(),
            y_label: "服务能力".into(),
            consistency: "一致性".into(),
            coverage: "覆盖度".into(),
        },
        show_labels: true,
        font_size: 13.0,
    }
}

const XY_CASES: [(&str, f64, f64); 6] = [
    ("天长市", 0.67, 0.95),
    ("尤溪县", 0.33, 0.67),
    ("阳西县", 0.67, 0.67),
    ("德清县", 0.95, 0.95),
    ("长兴县", 0.05, 0.33),
    ("郏县", 0.05, 0.05),
];

#[test]
fn xy_plot_draws_one_point_and_one_label_per_case() {
    let plot = xy(&XY_CASES);
    let out = svg(&plot, 560, 560);
    assert_eq!(
        count_with(&out, "circle", &["fill=\"#0072B2\""]),
        XY_CASES.len()
    );
    let t = texts(&out);
    for (name, _, _) in XY_CASES {
        assert!(t.iter().any(|x| x == name), "missing label {name}");
    }
    for label in [
        "一致性: 0.912",
        "覆盖度: 0.754",
        "服务能力",
        "规划实施规模*紧密型组织结构",
    ] {
        assert!(t.iter().any(|x| x == label), "missing {label} in {t:?}");
    }
}

#[test]
fn xy_hover_positions_are_the_drawn_points() {
    let plot = xy(&XY_CASES);
    let out = svg(&plot, 500, 420);
    let centres: Vec<(i32, i32)> = elements(&out, "circle")
        .iter()
        .filter(|e| e.contains("fill=\"#0072B2\""))
        .filter_map(|e| {
            let attr = |name: &str| -> Option<i32> {
                e.split(&format!("{name}=\""))
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()
            };
            Some((attr("cx")?, attr("cy")?))
        })
        .collect();
    let positions = plot.case_positions(500, 420);
    assert_eq!(positions.len(), XY_CASES.len());
    for p in &positions {
        assert!(centres.contains(&(p.x, p.y)), "{p:?} not among {centres:?}");
        assert_eq!(plot.cases_at(500, 420, p.x, p.y, 2).first(), Some(&p.index));
    }
}

#[test]
fn xy_plot_leaves_out_cases_with_missing_values() {
    let plot = xy(&[
        ("a", 0.2, 0.3),
        ("b", f64::NAN, 0.4),
        ("c", 0.5, f64::INFINITY),
    ]);
    assert_eq!(plot.case_positions(400, 400).len(), 1);
    let out = svg(&plot, 400, 400);
    assert_eq!(count_with(&out, "circle", &["fill=\"#0072B2\""]), 1);
}

// ---------------------------------------------------------------- calibration and histogram

fn calibration(memberships: &[(f64, f64)]) -> CalibrationChart {
    CalibrationChart {
        curve: (0..=100)
            .map(|k| {
                let x = f64::from(k);
                (x, 1.0 / (1.0 + (-(x - 50.0) / 10.0).exp()))
            })
            .collect(),
        cases: memberships
            .iter()
            .enumerate()
            .map(|(i, (raw, m))| CalibrationCase {
                name: format!("案例{i}"),
                raw: *raw,
                membership: *m,
            })
            .collect(),
        anchors: vec![
            Guide {
                value: 20.0,
                label: "完全不隶属 20".into(),
            },
            Guide {
                value: 50.0,
                label: "交叉点 50".into(),
            },
            Guide {
                value: 80.0,
                label: "完全隶属 80".into(),
            },
        ],
        texts: CalibrationTexts {
            title: "直接校准".into(),
            x_label: "原始值".into(),
            y_label: "隶属度".into(),
            cases: "案例".into(),
            crossover_cases: "隶属度恰为 0.5".into(),
            curve: "校准函数".into(),
        },
        font_size: 13.0,
    }
}

#[test]
fn calibration_chart_marks_cases_at_one_half_apart_from_the_others() {
    let chart = calibration(&[(10.0, 0.05), (50.0, 0.5), (70.0, 0.88), (90.0, 0.98)]);
    let out = svg(&chart, 640, 420);
    // Ordinary cases: white circles (one more in the legend).
    assert_eq!(count_with(&out, "circle", &["fill=\"#FFFFFF\""]), 3 + 1);
    // Cases at 0.5: vermillion diamonds (one more in the legend).
    assert_eq!(count_with(&out, "polygon", &["fill=\"#D55E00\""]), 1 + 1);
    let t = texts(&out);
    for label in [
        "案例1",
        "完全不隶属 20",
        "交叉点 50",
        "完全隶属 80",
        "原始值",
        "隶属度",
        "隶属度恰为 0.5",
    ] {
        assert!(t.iter().any(|x| x == label), "missing {label} in {t:?}");
    }
    assert!(
        !t.iter().any(|x| x == "案例0"),
        "only cases at 0.5 are named"
    );
}

#[test]
fn calibration_curve_is_one_line_through_every_sample() {
    let chart = calibration(&[]);
    let out = svg(&chart, 640, 420);
    let longest = elements(&out, "polyline")
        .iter()
        .map(|e| e.matches(',').count())
        .max()
        .unwrap_or(0);
    assert!(longest >= 90, "the curve has {longest} points");
}

#[test]
fn histogram_prints_the_count_of_every_nonempty_bin() {
    let hist = HistogramChart {
        values: vec![0.05, 0.1, 0.15, 0.5, 0.55, 0.6, 0.65, 0.95],
        bins: Bins::Edges(vec![0.0, 0.25, 0.5, 0.75, 1.0]),
        guides: vec![Guide {
            value: 0.5,
            label: "0.5".into(),
        }],
        texts: HistogramTexts {
            title: "隶属度分布".into(),
            x_label: "隶属度".into(),
            y_label: "案例数".into(),
        },
        font_size: 13.0,
    };
    let counts: Vec<usize> = hist.bin_counts().iter().map(|b| b.count).collect();
    assert_eq!(counts, vec![3, 0, 4, 1]);
    let out = svg(&hist, 640, 380);
    let t = texts(&out);
    for label in ["3", "4", "1", "隶属度分布", "案例数"] {
        assert!(t.iter().any(|x| x == label), "missing {label}");
    }
    // Each non-empty bin: one filled bar and its outline.
    assert_eq!(count_with(&out, "rect", &["fill=\"#56B4E9\""]), 3);
}

// ---------------------------------------------------------------- truth-table heat map

fn heatmap(rows: usize, conditions: &[&str]) -> TruthTableHeatmap {
    let k = conditions.len();
    let outs = [
        OutValue::Positive,
        OutValue::Negative,
        OutValue::Contradiction,
        OutValue::Remainder,
    ];
    TruthTableHeatmap {
        conditions: conditions.iter().map(|c| (*c).to_string()).collect(),
        rows: (0..rows)
            .map(|r| HeatmapRow {
                label: (r + 1).to_string(),
                values: (0..k).map(|c| (r >> c) & 1 == 1).collect(),
                out: outs[r % 4],
                n: if r % 4 == 3 { 0 } else { 2 },
                incl: if r % 4 == 3 { None } else { Some(0.8125) },
            })
            .collect(),
        texts: HeatmapTexts {
            title: "真值表".into(),
            row_header: "行".into(),
            out: "结果".into(),
            n: "案例数".into(),
            incl: "一致性".into(),
        },
        font_size: 12.0,
    }
}

#[test]
fn heatmap_draws_a_dark_cell_for_every_one() {
    let map = heatmap(8, &CONDITIONS_ZH[..3]);
    let ones: usize = map
        .rows
        .iter()
        .map(|r| r.values.iter().filter(|v| **v).count())
        .sum();
    let out = svg(&map, 600, 400);
    assert_eq!(count_with(&out, "rect", &["fill=\"#373737\""]), ones);
    let t = texts(&out);
    for label in ["真值表", "结果", "案例数", "一致性", "C", "?", "0.812", "-"] {
        assert!(t.iter().any(|x| x == label), "missing {label} in {t:?}");
    }
    for c in &CONDITIONS_ZH[..3] {
        assert!(
            t.iter().any(|x| x.contains(c) || c.starts_with(x.as_str())),
            "missing {c}"
        );
    }
}

#[test]
fn heatmap_of_many_rows_fits_and_drops_texts_that_would_not_fit() {
    let map = heatmap(128, &["A", "B", "C", "D", "E", "F", "G"]);
    let out = svg(&map, 500, 300);
    assert!(!texts(&out).iter().any(|x| x == "0.812"));
    let natural = map.preferred_height(500);
    assert!(natural > 1000, "{natural}");
    let roomy = svg(&map, 500, natural);
    assert!(texts(&roomy).iter().any(|x| x == "0.812"));
}

// ---------------------------------------------------------------- Venn diagram

fn venn(n: usize, labels: RegionLabels) -> VennDiagram {
    let conditions: Vec<String> = (0..n).map(|k| format!("条件{k}")).collect();
    let regions = (0..1usize << n)
        .filter(|code| code % 3 != 2)
        .map(|code| VennRegion {
            values: (0..n).map(|k| (code >> k) & 1 == 1).collect(),
            out: if code % 3 == 0 {
                OutValue::Positive
            } else {
                OutValue::Negative
            },
            cases: (0..(code % 3 + 1))
                .map(|i| format!("县{code}-{i}"))
                .collect(),
            in_solution: code % 3 == 0,
        })
        .collect();
    VennDiagram {
        conditions,
        regions,
        texts: VennTexts {
            title: "维恩图".into(),
            positive: "结果 = 1".into(),
            negative: "结果 = 0".into(),
            contradiction: "矛盾".into(),
            remainder: "逻辑余项".into(),
            solution: "解".into(),
            too_many_sets: "条件过多".into(),
        },
        labels,
        font_size: 13.0,
    }
}

#[test]
fn venn_labels_every_region_with_its_number_of_cases() {
    for n in 1..=MAX_SETS {
        let v = venn(n, RegionLabels::Count);
        let out = svg(&v, 620, 620);
        let t = texts(&out);
        for k in 0..n {
            assert!(
                t.iter().any(|x| *x == format!("条件{k}")),
                "n={n}: set name {k}"
            );
        }
        let expected: Vec<String> = v
            .regions
            .iter()
            .map(|r| r.cases.len().to_string())
            .collect();
        let numbers: Vec<String> = t
            .iter()
            .filter(|x| x.chars().all(|c| c.is_ascii_digit()))
            .cloned()
            .collect();
        let mut expected_sorted = expected.clone();
        expected_sorted.sort();
        let mut numbers_sorted = numbers.clone();
        numbers_sorted.sort();
        assert_eq!(numbers_sorted, expected_sorted, "n={n}");
        // Filled regions in the OUT colours; a thick solution outline.
        assert!(
            count_with(&out, "polygon", &["fill=\"#0072B2\""]) >= 1,
            "n={n}"
        );
        assert!(
            count_with(&out, "polyline", &["stroke-width=\"4\""]) >= 1,
            "n={n}"
        );
    }
}

#[test]
fn venn_writes_case_names_where_they_fit() {
    let v = venn(2, RegionLabels::Names);
    let t = texts(&svg(&v, 620, 620));
    assert!(t.iter().any(|x| x.contains("县0-0")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("县3-0")), "{t:?}");
}

#[test]
fn venn_with_too_many_conditions_shows_the_message_only() {
    let v = venn(MAX_SETS + 1, RegionLabels::Count);
    assert!(!v.is_drawable());
    let out = svg(&v, 400, 400);
    assert_eq!(texts(&out), vec!["条件过多".to_string()]);
    assert!(v.region_spots(400, 400).is_empty());
}

#[test]
fn venn_region_spots_cover_every_truth_table_row() {
    for n in 1..=MAX_SETS {
        let spots = venn(n, RegionLabels::Count).region_spots(500, 500);
        assert_eq!(spots.len(), 1 << n, "n={n}");
    }
}

// ---------------------------------------------------------------- edge cases

fn every_chart(
    cases: &[(&str, f64, f64)],
    label: &str,
) -> (
    ConfigurationChart,
    XyPlot,
    CalibrationChart,
    HistogramChart,
    TruthTableHeatmap,
    VennDiagram,
) {
    let mut config = config_chart(true);
    config.conditions = vec![label.to_string(); cases.len().min(4)];
    config.configurations.truncate(cases.len());
    for c in &mut config.configurations {
        c.label = label.to_string();
    }
    config.texts.title = label.to_string();
    let mut plot = xy(cases);
    plot.texts.x_label = label.to_string();
    let mut calib = calibration(&cases.iter().map(|c| (c.1 * 100.0, c.2)).collect::<Vec<_>>());
    calib.texts.title = label.to_string();
    if cases.is_empty() {
        calib.curve.clear();
        calib.anchors.clear();
    }
    let hist = HistogramChart {
        values: cases.iter().map(|c| c.1).collect(),
        bins: Bins::Auto,
        guides: vec![],
        texts: HistogramTexts {
            title: label.into(),
            x_label: label.into(),
            y_label: label.into(),
        },
        font_size: 13.0,
    };
    let mut map = heatmap(cases.len(), &[label, label]);
    map.texts.title = label.to_string();
    let mut diagram = venn(cases.len().clamp(1, 3), RegionLabels::Names);
    diagram.conditions = vec![label.to_string(); cases.len().clamp(1, 3)];
    (config, plot, calib, hist, map, diagram)
}

fn draws_everywhere(cases: &[(&str, f64, f64)], label: &str) {
    let (config, plot, calib, hist, map, diagram) = every_chart(cases, label);
    for (w, h) in [(640, 480), (300, 200), (60, 40), (1, 1)] {
        svg(&config, w, h);
        svg(&plot, w, h);
        svg(&calib, w, h);
        svg(&hist, w, h);
        svg(&map, w, h);
        svg(&diagram, w, h);
    }
}

#[test]
fn every_chart_draws_with_no_cases() {
    draws_everywhere(&[], "标签");
}

#[test]
fn every_chart_draws_with_one_case() {
    draws_everywhere(&[("唯一案例", 0.7, 0.8)], "标签");
}

#[test]
fn every_chart_draws_when_all_values_are_equal() {
    draws_everywhere(&[("a", 0.5, 0.5), ("b", 0.5, 0.5), ("c", 0.5, 0.5)], "x");
}

#[test]
fn every_chart_draws_with_long_chinese_labels_and_keeps_them() {
    let long = long_chinese();
    draws_everywhere(&[("甲", 0.2, 0.9), ("乙", 0.8, 0.3)], &long);
    let (config, plot, ..) = every_chart(&[("甲", 0.2, 0.9), ("乙", 0.8, 0.3)], &long);
    // The long label is wrapped, never cut: all its characters are drawn.
    let t = texts(&svg(&config, 640, 480)).concat();
    let occurrences = long.chars().filter(|c| t.contains(*c)).count();
    assert_eq!(occurrences, long.chars().count());
    assert!(texts(&svg(&plot, 640, 640)).contains(&long));
}

#[test]
fn an_empty_size_is_an_error_not_a_panic() {
    assert!(render_svg(&config_chart(false), 0, 100).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn xy_points_stay_inside_the_drawing_for_any_memberships(
        points in proptest::collection::vec((0.0f64..=1.0, 0.0f64..=1.0), 0..40),
        width in 120u32..900,
        height in 120u32..900,
    ) {
        let cases: Vec<(String, f64, f64)> = points
            .iter()
            .enumerate()
            .map(|(i, (x, y))| (format!("c{i}"), *x, *y))
            .collect();
        let refs: Vec<(&str, f64, f64)> = cases.iter().map(|(n, x, y)| (n.as_str(), *x, *y)).collect();
        let plot = xy(&refs);
        for p in plot.case_positions(width, height) {
            prop_assert!(p.x >= 0 && p.y >= 0);
            prop_assert!(p.x <= width as i32 && p.y <= height as i32);
        }
        prop_assert!(plot.placed_label_count(width, height) <= points.len());
    }

    #[test]
    fn venn_draws_for_any_outcome_coding(
        n in 1usize..=MAX_SETS,
        codes in proptest::collection::vec((0usize..32, 0u8..4, 0usize..4, any::<bool>()), 0..32),
    ) {
        let outs = [OutValue::Positive, OutValue::Negative, OutValue::Contradiction, OutValue::Remainder];
        let mut v = venn(n, RegionLabels::Names);
        v.regions = codes
            .iter()
            .map(|(code, out, cases, sol)| VennRegion {
                values: (0..n).map(|k| (code >> k) & 1 == 1).collect(),
                out: outs[usize::from(*out)],
                cases: (0..*cases).map(|i| format!("c{i}")).collect(),
                in_solution: *sol,
            })
            .collect();
        let out = svg(&v, 400, 400);
        prop_assert!(out.contains("</svg>"));
    }
}

#[test]
fn every_chart_draws_with_absurd_font_sizes_and_values() {
    for font in [f64::NAN, f64::INFINITY, 0.0, -3.0, 1e9] {
        let (mut config, mut plot, mut calib, mut hist, mut map, mut diagram) =
            every_chart(&[("甲", 0.2, 0.9), ("乙", f64::NAN, 0.3)], "标签");
        config.font_size = font;
        config.configurations[0].raw_coverage = f64::NAN;
        config.solution_fit[0].coverage = f64::INFINITY;
        plot.font_size = font;
        plot.consistency = f64::NAN;
        calib.font_size = font;
        calib.anchors.push(Guide {
            value: f64::NAN,
            label: "NaN".into(),
        });
        hist.font_size = font;
        hist.values.push(f64::NEG_INFINITY);
        hist.bins = Bins::Edges(vec![f64::NAN, 0.0, 0.0, -1.0]);
        map.font_size = font;
        diagram.font_size = font;
        for (w, h) in [(640, 480), (90, 70)] {
            svg(&config, w, h);
            svg(&plot, w, h);
            svg(&calib, w, h);
            svg(&hist, w, h);
            svg(&map, w, h);
            svg(&diagram, w, h);
        }
    }
}

#[test]
fn markers_grow_with_the_font_for_high_resolution_exports() {
    let radius = |font: f64| -> u32 {
        let mut plot = xy(&XY_CASES);
        plot.font_size = font;
        let out = svg(&plot, 1500, 1500);
        elements(&out, "circle")
            .iter()
            .filter(|e| e.contains("fill=\"#0072B2\""))
            .filter_map(|e| e.split("r=\"").nth(1)?.split('"').next()?.parse().ok())
            .max()
            .unwrap_or(0)
    };
    assert_eq!(radius(39.0), 3 * radius(13.0));
}
