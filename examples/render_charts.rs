//! Renders every fsQCA chart to SVG, in English and in Chinese, so the
//! charts can be looked at (and converted to PNG) outside the browser.
//!
//! ```sh
//! cargo run --example render_charts -- /tmp/charts
//! for f in /tmp/charts/*.svg; do rsvg-convert -o "${f%.svg}.png" "$f"; done
//! ```
//!
//! The data are an illustrative medical-alliance example (seed 001's
//! conditions), not an analysis result.

use std::path::{Path, PathBuf};

use policylens::charts::qca_calibration::{
    CalibrationCase, CalibrationChart, CalibrationTexts, Guide,
};
use policylens::charts::qca_common::OutValue;
use policylens::charts::qca_config_chart::{
    Configuration, ConfigurationChart, ConfigurationTexts, Presence, SolutionFit,
};
use policylens::charts::qca_histogram::{Bins, HistogramChart, HistogramTexts};
use policylens::charts::qca_truth_heatmap::{HeatmapRow, HeatmapTexts, TruthTableHeatmap};
use policylens::charts::qca_venn::{RegionLabels, VennDiagram, VennRegion, VennTexts};
use policylens::charts::qca_xy::{XyCase, XyPlot, XyTexts};
use policylens::charts::{Chart, render_svg};

/// Writes `chart` as `dir/name.svg` through the shared SVG renderer and
/// prints the time the rendering took.
fn render(dir: &Path, name: &str, (width, height): (u32, u32), chart: &impl Chart) {
    let path = dir.join(format!("{name}.svg"));
    let start = std::time::Instant::now();
    let rendered = render_svg(chart, width, height);
    let millis = start.elapsed().as_secs_f64() * 1000.0;
    match rendered {
        Ok(svg) => match std::fs::write(&path, svg) {
            Ok(()) => println!("{} ({millis:.1} ms)", path.display()),
            Err(e) => eprintln!("{}: {e}", path.display()),
        },
        Err(e) => eprintln!("{name}: {e}"),
    }
}

fn config_chart(chinese: bool) -> ConfigurationChart {
    use Presence::{
        CoreAbsent as CA, CorePresent as CP, DontCare as DC, PeripheralAbsent as PA,
        PeripheralPresent as PP,
    };
    let conditions: Vec<String> = if chinese {
        [
            "规划实施规模",
            "紧密型组织结构",
            "协同管理制度",
            "信息平台整合",
            "区域资源共享",
            "医保支付方式改革",
            "激励机制设计",
        ]
        .map(String::from)
        .to_vec()
    } else {
        [
            "Planning scale",
            "Close organizational structure",
            "Collaborative management",
            "Information platform",
            "Resource sharing",
            "Insurance payment reform",
            "Incentive design",
        ]
        .map(String::from)
        .to_vec()
    };
    let cells = [
        vec![PP, CP, PP, DC, PP, CP, PP],
        vec![DC, CP, PP, PP, PP, CP, PP],
        vec![PA, CP, PP, PA, CA, CP, PP],
        vec![PA, CP, PP, PA, PP, CP, CA],
    ];
    let fits = [
        (0.364, 0.091, 1.0),
        (0.341, 0.068, 1.0),
        (0.182, 0.182, 1.0),
        (0.182, 0.182, 1.0),
    ];
    let configurations = cells
        .into_iter()
        .zip(fits)
        .enumerate()
        .map(|(i, (cells, (raw, unique, incl)))| Configuration {
            model: if i < 2 { "M1".into() } else { "M2".into() },
            label: if chinese {
                format!("路径{}", i + 1)
            } else {
                format!("S{}", i + 1)
            },
            cells,
            raw_coverage: raw,
            unique_coverage: unique,
            consistency: incl,
        })
        .collect();
    let texts = if chinese {
        ConfigurationTexts {
            title: "县域医共体服务能力提升的组态".into(),
            condition_header: "条件变量".into(),
            raw_coverage: "原始覆盖度".into(),
            unique_coverage: "唯一覆盖度".into(),
            consistency: "一致性".into(),
            solution_consistency: "总体解的一致性".into(),
            solution_coverage: "总体解的覆盖度".into(),
            core_present: "核心条件存在".into(),
            core_absent: "核心条件缺失".into(),
            peripheral_present: "边缘条件存在".into(),
            peripheral_absent: "边缘条件缺失".into(),
            dont_care: "空白：可存在可缺失".into(),
            note: String::new(),
        }
    } else {
        ConfigurationTexts {
            title: "Configurations for high service capability".into(),
            ..ConfigurationTexts::english()
        }
    };
    ConfigurationChart {
        conditions,
        configurations,
        solution_fit: vec![
            SolutionFit {
                model: "M1".into(),
                consistency: 1.0,
                coverage: 0.455,
            },
            SolutionFit {
                model: "M2".into(),
                consistency: 1.0,
                coverage: 0.364,
            },
        ],
        texts,
        font_size: 14.0,
        show_legend: true,
    }
}

/// Eleven county alliances (names as in Chinese case studies).
const COUNTIES_ZH: [&str; 11] = [
    "天长市",
    "尤溪县",
    "阳西县",
    "德清县",
    "长兴县",
    "定远县",
    "浚县",
    "郏县",
    "庆元县",
    "大田县",
    "临朐县",
];
const COUNTIES_EN: [&str; 11] = [
    "Tianchang",
    "Youxi",
    "Yangxi",
    "Deqing",
    "Changxing",
    "Dingyuan",
    "Xunxian",
    "Jiaxian",
    "Qingyuan",
    "Datian",
    "Linqu",
];

fn xy_plot(chinese: bool) -> XyPlot {
    let xs = [
        0.67, 0.33, 0.67, 0.95, 0.05, 0.33, 0.33, 0.05, 0.67, 0.95, 0.33,
    ];
    let ys = [
        0.95, 0.67, 0.67, 0.95, 0.33, 0.33, 0.67, 0.05, 0.95, 0.95, 0.33,
    ];
    let names = if chinese { COUNTIES_ZH } else { COUNTIES_EN };
    let cases = names
        .iter()
        .zip(xs.iter().zip(ys))
        .map(|(n, (x, y))| XyCase {
            name: (*n).into(),
            x: *x,
            y,
        })
        .collect();
    let texts = if chinese {
        XyTexts {
            title: "解 M1 与结果的 XY 图".into(),
            x_label: "规划实施规模*紧密型组织结构 + 信息平台整合".into(),
            y_label: "服务能力提升".into(),
            consistency: "一致性".into(),
            coverage: "覆盖度".into(),
        }
    } else {
        XyTexts {
            title: "XY plot of model M1".into(),
            ..XyTexts::english("PLAN*ORG + INFO", "CAPACITY")
        }
    };
    XyPlot {
        cases,
        consistency: 0.912,
        coverage: 0.754,
        texts,
        show_labels: true,
        font_size: 13.0,
    }
}

fn calibration(chinese: bool) -> (CalibrationChart, HistogramChart) {
    // Direct calibration with anchors 20 / 50 / 80 (logistic, log-odds ±3).
    let (e, c, i) = (20.0, 50.0, 80.0);
    let membership = |x: f64| {
        let scale = if x >= c { 3.0 / (i - c) } else { 3.0 / (c - e) };
        1.0 / (1.0 + (-(x - c) * scale).exp())
    };
    let raw = [
        12.0, 35.0, 50.0, 64.0, 88.0, 41.0, 50.0, 73.0, 95.0, 27.0, 58.0,
    ];
    let names = if chinese { COUNTIES_ZH } else { COUNTIES_EN };
    let cases = names
        .iter()
        .zip(raw)
        .map(|(n, x)| CalibrationCase {
            name: (*n).into(),
            raw: x,
            membership: membership(x),
        })
        .collect();
    let anchors = vec![
        Guide {
            value: e,
            label: if chinese {
                "完全不隶属 20".into()
            } else {
                "exclusion 20".into()
            },
        },
        Guide {
            value: c,
            label: if chinese {
                "交叉点 50".into()
            } else {
                "crossover 50".into()
            },
        },
        Guide {
            value: i,
            label: if chinese {
                "完全隶属 80".into()
            } else {
                "inclusion 80".into()
            },
        },
    ];
    let texts = if chinese {
        CalibrationTexts {
            title: "直接校准：信息平台整合".into(),
            x_label: "原始值".into(),
            y_label: "隶属度".into(),
            cases: "案例".into(),
            crossover_cases: "隶属度恰为 0.5".into(),
            curve: "校准函数".into(),
        }
    } else {
        CalibrationTexts {
            title: "Direct calibration: information platform".into(),
            ..CalibrationTexts::english("Raw value", "Membership")
        }
    };
    let curve = (0..=200)
        .map(|k| {
            let x = f64::from(k) / 2.0;
            (x, membership(x))
        })
        .collect();
    let chart = CalibrationChart {
        curve,
        cases,
        anchors: anchors.clone(),
        texts,
        font_size: 13.0,
    };
    let hist_texts = if chinese {
        HistogramTexts {
            title: "原始值分布".into(),
            x_label: "原始值".into(),
            y_label: "案例数".into(),
        }
    } else {
        HistogramTexts {
            title: "Distribution of the raw values".into(),
            ..HistogramTexts::english("Raw value")
        }
    };
    let hist = HistogramChart {
        values: raw.to_vec(),
        bins: Bins::Auto,
        guides: anchors,
        texts: hist_texts,
        font_size: 13.0,
    };
    (chart, hist)
}

fn heatmap(chinese: bool) -> TruthTableHeatmap {
    let conditions: Vec<String> = if chinese {
        [
            "规划实施规模",
            "紧密型组织结构",
            "协同管理制度",
            "信息平台整合",
            "区域资源共享",
        ]
        .map(String::from)
        .to_vec()
    } else {
        ["PLAN", "ORG", "MGMT", "INFO", "SHARE"]
            .map(String::from)
            .to_vec()
    };
    let outs = [
        OutValue::Positive,
        OutValue::Positive,
        OutValue::Contradiction,
        OutValue::Negative,
        OutValue::Negative,
        OutValue::Remainder,
        OutValue::Remainder,
    ];
    let rows = [31usize, 27, 14, 6, 1, 0, 9]
        .iter()
        .zip(outs)
        .enumerate()
        .map(|(k, (code, out))| HeatmapRow {
            label: (code + 1).to_string(),
            values: (0..5).map(|c| (code >> (4 - c)) & 1 == 1).collect(),
            out,
            n: if out == OutValue::Remainder {
                0
            } else {
                3 - k % 3
            },
            incl: if out == OutValue::Remainder {
                None
            } else {
                Some(1.0 - 0.11 * k as f64)
            },
        })
        .collect();
    let texts = if chinese {
        HeatmapTexts {
            title: "真值表".into(),
            row_header: "行".into(),
            out: "结果".into(),
            n: "案例数".into(),
            incl: "一致性".into(),
        }
    } else {
        HeatmapTexts {
            title: "Truth table".into(),
            ..HeatmapTexts::english()
        }
    };
    TruthTableHeatmap {
        conditions,
        rows,
        texts,
        font_size: 13.0,
    }
}

fn venn(n: usize, chinese: bool, labels: RegionLabels) -> VennDiagram {
    let all_zh = [
        "规划实施规模",
        "紧密型组织结构",
        "协同管理制度",
        "信息平台整合",
        "区域资源共享",
        "医保支付改革",
        "绩效激励机制",
    ];
    let all_en = ["PLAN", "ORG", "MGMT", "INFO", "SHARE", "PAY", "INCENT"];
    let conditions: Vec<String> = (0..n)
        .map(|k| if chinese { all_zh[k] } else { all_en[k] }.to_string())
        .collect();
    let names = if chinese { COUNTIES_ZH } else { COUNTIES_EN };
    // Deterministic pseudo-random assignment of the 11 cases to rows.
    let mut regions: Vec<VennRegion> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let code = (i * 7 + 3) % (1 << n);
        let code = if i < 4 { (1 << n) - 1 - (i % 2) } else { code };
        let values: Vec<bool> = (0..n).map(|k| (code >> k) & 1 == 1).collect();
        match regions.iter_mut().find(|r| r.values == values) {
            Some(r) => r.cases.push((*name).into()),
            None => regions.push(VennRegion {
                values,
                out: OutValue::Negative,
                cases: vec![(*name).into()],
                in_solution: false,
            }),
        }
    }
    for (k, r) in regions.iter_mut().enumerate() {
        r.out = match (r.cases.len(), k % 3) {
            (c, _) if c >= 2 => OutValue::Positive,
            (_, 0) => OutValue::Contradiction,
            _ => OutValue::Negative,
        };
        r.in_solution = r.out == OutValue::Positive;
    }
    // One remainder used as a simplifying assumption.
    let values: Vec<bool> = (0..n).map(|k| k != 0).collect();
    if !regions.iter().any(|r| r.values == values) {
        regions.push(VennRegion {
            values,
            out: OutValue::Remainder,
            cases: vec![],
            in_solution: true,
        });
    }
    let texts = if chinese {
        VennTexts {
            title: format!("{n} 个条件的维恩图"),
            positive: "结果 = 1".into(),
            negative: "结果 = 0".into(),
            contradiction: "矛盾组态 (C)".into(),
            remainder: "逻辑余项".into(),
            solution: "解覆盖的区域".into(),
            too_many_sets: "维恩图最多显示 6 个条件".into(),
        }
    } else {
        VennTexts {
            title: format!("Venn diagram of {n} conditions"),
            ..VennTexts::english()
        }
    };
    VennDiagram {
        conditions,
        regions,
        texts,
        labels,
        font_size: 13.0,
    }
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/charts".into()),
    );
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return;
    }
    for (lang, chinese) in [("en", false), ("zh", true)] {
        let plot = xy_plot(chinese);
        render(&dir, &format!("xy_{lang}"), (560, 560), &plot);
        let (calibration, hist) = calibration(chinese);
        render(
            &dir,
            &format!("calibration_{lang}"),
            (640, 420),
            &calibration,
        );
        render(&dir, &format!("histogram_{lang}"), (640, 380), &hist);
        let map = heatmap(chinese);
        render(
            &dir,
            &format!("heatmap_{lang}"),
            (640, map.preferred_height(640)),
            &map,
        );
        for n in 1..=6 {
            let labels = if n <= 3 {
                RegionLabels::Names
            } else {
                RegionLabels::Count
            };
            let diagram = venn(n, chinese, labels);
            render(&dir, &format!("venn{n}_{lang}"), (620, 620), &diagram);
        }
        let chart = config_chart(chinese);
        let height = chart.preferred_height(640);
        render(&dir, &format!("config_{lang}"), (640, height), &chart);
    }
    stress(&dir);
}

/// Harder inputs: many crowded cases, long Chinese labels, a decreasing
/// calibration, memberships binned by tenths, a 32-row truth table.
fn stress(dir: &Path) {
    // 40 cases on a grid of typical fsQCA values (many coincide).
    let values = [0.05, 0.17, 0.33, 0.5, 0.67, 0.83, 0.95];
    let cases: Vec<XyCase> = (0..40)
        .map(|i| XyCase {
            name: format!("案例{}", i + 1),
            x: values[(i * 3) % 7],
            y: values[(i * 5 + 2) % 7].max(values[(i * 3) % 7] * 0.9),
        })
        .collect();
    let mut plot = xy_plot(true);
    plot.cases = cases;
    render(dir, "stress_xy_crowded", (560, 560), &plot);

    // A 300-dpi export: three times the pixels and three times the font.
    let mut big = xy_plot(true);
    big.font_size *= 3.0;
    render(dir, "stress_xy_300dpi", (1680, 1680), &big);
    let mut big = config_chart(false);
    big.font_size *= 3.0;
    let height = big.preferred_height(1920);
    render(dir, "stress_config_300dpi", (1920, height), &big);

    let mut chart = config_chart(true);
    chart.conditions[1] = "县域医疗卫生服务共同体内部紧密型组织结构与统一管理".into();
    chart.configurations[0].label = "高水平服务能力路径一（规模驱动型）".into();
    chart.texts.title = "县域医共体服务能力提升的组态路径（核心条件与边缘条件）".into();
    let height = chart.preferred_height(520);
    render(dir, "stress_config_long", (520, height), &chart);
    render(dir, "stress_config_squeezed", (420, 300), &chart);

    let (mut decreasing, _) = calibration(false);
    decreasing.curve = decreasing
        .curve
        .iter()
        .map(|&(x, m)| (x, 1.0 - m))
        .collect();
    for c in &mut decreasing.cases {
        c.membership = 1.0 - c.membership;
    }
    decreasing.texts.title = "Decreasing calibration (negated set)".into();
    render(
        dir,
        "stress_calibration_decreasing",
        (640, 420),
        &decreasing,
    );
    let (mut narrow, _) = calibration(true);
    narrow.anchors[0].value = 0.0;
    narrow.anchors[2].value = 100.0;
    render(dir, "stress_calibration_narrow", (360, 300), &narrow);

    let hist = HistogramChart {
        values: vec![
            0.05, 0.17, 0.33, 0.33, 0.5, 0.67, 0.67, 0.67, 0.83, 0.95, 0.95,
        ],
        bins: Bins::Edges((0..=10).map(|k| f64::from(k) / 10.0).collect()),
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
    render(dir, "stress_histogram_memberships", (640, 380), &hist);

    let mut map = heatmap(true);
    map.rows = (0..32)
        .map(|code: usize| HeatmapRow {
            label: (code + 1).to_string(),
            values: (0..5).map(|c| (code >> (4 - c)) & 1 == 1).collect(),
            out: [
                OutValue::Positive,
                OutValue::Negative,
                OutValue::Remainder,
                OutValue::Remainder,
            ][code % 4],
            n: if code % 4 >= 2 { 0 } else { code % 3 + 1 },
            incl: if code % 4 >= 2 {
                None
            } else {
                Some(0.7 + (code % 5) as f64 * 0.07)
            },
        })
        .collect();
    render(dir, "stress_heatmap_32", (640, 480), &map);
    map.conditions = [
        "规划实施规模",
        "紧密型组织结构与统一管理",
        "协同管理制度",
        "信息平台整合",
        "区域资源共享",
    ]
    .map(String::from)
    .to_vec();
    render(dir, "stress_heatmap_narrow", (380, 520), &map);
}
