//! Native SVG tests of the stakeholder charts: built from the bundled
//! seed-000 example, rendered to SVG, checked on structure and text (never
//! bytes). The SVGs are also written to the test's temporary directory so
//! they can be looked at (`rsvg-convert`).

use policylens::analysis::stakeholder::*;
use policylens::charts::layout::text_width;
use policylens::charts::*;

const W: u32 = 900;
const H: u32 = 640;

fn s(x: &str) -> String {
    x.to_string()
}

fn example(lang: Lang) -> Result<Ratings, StakeholderError> {
    let (header, rows) = example_long(lang);
    let layout = LongLayout {
        respondent: 0,
        stakeholder: 1,
        group: Some(2),
        dimension: 3,
        rating: 4,
    };
    let import = read_long(&header, &rows, &layout, &example_dimensions(), None)?;
    Ok(import.data.aggregate(Aggregation::Mean)?.ratings)
}

fn save(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join(name), svg);
    }
}

fn grid_chart(lang: Lang) -> Result<PowerInterestChart, StakeholderError> {
    let r = example(lang)?;
    let model = MendelowModel::default();
    let grid = model.classify(&r)?;
    let pm = PolicyMakerModel::default().feasibility(&r)?;
    let stances: Vec<Stance> = pm.players.iter().map(|p| Stance::from(p.side)).collect();
    let mut chart =
        PowerInterestChart::from_grid(&r, &model, &grid, Some("resources"), &stances, lang)?;
    if lang == Lang::Zh {
        chart.x_label = s("利益");
        chart.y_label = s("权力");
        chart.size_label = s("气泡大小：资源");
    }
    Ok(chart)
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// The text content of every `<text>` element, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find('>')? + 1;
            let end = chunk.find("</text>")?;
            chunk.get(start..end).map(|t| t.trim().to_string())
        })
        .collect()
}

/// How many `<text>` elements read exactly `label`.
fn count_text(svg: &str, label: &str) -> usize {
    texts(svg).iter().filter(|t| *t == label).count()
}

#[test]
fn bubble_grid_has_one_bubble_and_one_label_per_stakeholder_in_chinese()
-> Result<(), Box<dyn std::error::Error>> {
    let chart = grid_chart(Lang::Zh)?;
    let svg = render_svg(&chart, W, H)?;
    save("grid_zh.svg", &svg);
    for b in &chart.bubbles {
        assert_eq!(count_text(&svg, &b.label), 1, "label {}", b.label);
    }
    for q in &chart.quadrant_labels {
        assert!(svg.contains(q.as_str()), "quadrant {q}");
    }
    assert!(svg.contains("权力—利益矩阵") && svg.contains("气泡大小：资源"));
    // bubbles + 3 legend bubbles + 3 size-legend circles, each bubble drawn as
    // a filled and an outlined circle, plus one circular glyph per supporter.
    let supporters = chart
        .bubbles
        .iter()
        .filter(|b| b.stance == Stance::Support)
        .count();
    let circles = count(&svg, "<circle");
    assert_eq!(
        circles,
        2 * chart.bubbles.len() + 2 * supporters + 2 * 3 + 2 + 3,
        "{circles}"
    );
    Ok(())
}

#[test]
fn bubble_labels_do_not_overlap_each_other() -> Result<(), Box<dyn std::error::Error>> {
    for lang in [Lang::En, Lang::Zh] {
        let chart = grid_chart(lang)?;
        for (w, h) in [(900, 640), (640, 480), (1200, 900)] {
            let boxes = chart.label_boxes(w, h);
            assert_eq!(boxes.len(), chart.bubbles.len());
            for (i, a) in boxes.iter().enumerate() {
                let label = chart.bubbles.get(i).map(|b| b.label.as_str()).unwrap_or("");
                assert!(
                    a.width() >= text_width(label, 13.0),
                    "box too small for {label}"
                );
                for b in boxes.iter().skip(i + 1) {
                    assert_eq!(a.overlap(b), 0.0, "{lang:?} {w}×{h}: {a:?} overlaps {b:?}");
                }
            }
        }
    }
    Ok(())
}

#[test]
fn position_map_names_every_player_in_its_column() -> Result<(), Box<dyn std::error::Error>> {
    for lang in [Lang::Zh, Lang::En] {
        let r = example(lang)?;
        let f = PolicyMakerModel::default().feasibility(&r)?;
        let chart = PositionMapChart::from_feasibility(&r, &f, lang);
        let svg = render_svg(&chart, W, 520)?;
        save(
            if lang == Lang::Zh {
                "position_zh.svg"
            } else {
                "position_en.svg"
            },
            &svg,
        );
        // Names and column headers may wrap onto several lines, but every
        // word is there; at this size the Chinese names fit on one line.
        let all = texts(&svg).join(" ");
        for p in &chart.players {
            if lang == Lang::Zh {
                assert_eq!(count_text(&svg, &p.label), 1, "{}", p.label);
            }
            for word in p.label.split([' ', '-']) {
                assert!(all.contains(word), "{word}");
            }
        }
        for c in &chart.column_labels {
            for word in c.split(' ') {
                assert!(all.contains(word), "{word}");
            }
        }
    }
    Ok(())
}

#[test]
fn feasibility_bars_show_the_three_indices() -> Result<(), Box<dyn std::error::Error>> {
    let lang = Lang::En;
    let r = example(lang)?;
    let f = PolicyMakerModel::default().feasibility(&r)?;
    let chart = FeasibilityChart::from_feasibility(&f, lang);
    assert_eq!(chart.bars.len(), 3);
    assert!(
        chart
            .bars
            .first()
            .is_some_and(|b| (b.value - f.supporters).abs() < 1e-12)
    );
    let svg = render_svg(&chart, 700, 480)?;
    save("feasibility_en.svg", &svg);
    for b in &chart.bars {
        assert!(count_text(&svg, &b.label) == 1);
        assert!(
            count_text(&svg, &policylens::charts::layout::format_number(b.value)) >= 1,
            "value {}",
            b.value
        );
    }
    Ok(())
}

#[test]
fn radar_draws_one_polygon_per_selected_stakeholder() -> Result<(), Box<dyn std::error::Error>> {
    let lang = Lang::Zh;
    let r = example(lang)?;
    let dims = [
        "interest",
        "cognition",
        "capability",
        "resources",
        "legitimacy",
        "urgency",
    ];
    let axes_zh = ["利益", "认知", "能力", "资源", "合法性", "紧迫性"];
    let selected = [0usize, 3, 6, 7];
    let mut chart = RadarChart::from_ratings(&r, &selected, &dims, lang)?;
    chart.axes = axes_zh.map(String::from).to_vec();
    assert_eq!(chart.series.len(), selected.len());
    let svg = render_svg(&chart, W, H)?;
    save("radar_zh.svg", &svg);
    assert_eq!(
        count(&svg, "<polygon"),
        selected.len() + count_glyph_polygons(&chart),
        "{}",
        count(&svg, "<polygon")
    );
    for a in &chart.axes {
        assert!(count_text(&svg, a) == 1);
    }
    Ok(())
}

/// Polygons drawn as vertex markers (every shape but circle and square)
/// on the chart and in its legend.
fn count_glyph_polygons(chart: &RadarChart) -> usize {
    chart
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !matches!(
                policylens::charts::palette::series_shape(*i),
                Shape::Circle | Shape::Square
            )
        })
        .map(|_| chart.axes.len() + 1)
        .sum()
}

#[test]
fn salience_venn_puts_every_stakeholder_in_one_region() -> Result<(), Box<dyn std::error::Error>> {
    for lang in [Lang::En, Lang::Zh] {
        let r = example(lang)?;
        let sal = SalienceModel {
            thresholds: [Some(4.0), Some(4.0), Some(3.5)],
            ..SalienceModel::default()
        }
        .classify(&r)?;
        let zh = lang == Lang::Zh;
        let chart = SalienceVennChart::from_salience(&r, &sal, lang);
        let svg = render_svg(&chart, W, H)?;
        save(if zh { "venn_zh.svg" } else { "venn_en.svg" }, &svg);
        // Every name is written (wrapped at spaces or keyed by number).
        let all = texts(&svg).concat().replace(' ', "");
        for m in &chart.members {
            assert!(all.contains(&m.label.replace(' ', "")), "{}", m.label);
        }
        assert_eq!(count(&svg, "<circle"), 3);
        // Each region anchor lies inside exactly the circles of its attributes.
        let (centres, radius, anchors) = chart.geometry(f64::from(W), f64::from(H));
        let combos = [
            [true, false, false],
            [false, true, false],
            [false, false, true],
            [true, true, false],
            [true, false, true],
            [false, true, true],
            [true, true, true],
        ];
        for (a, want) in anchors.iter().zip(combos) {
            let inside: Vec<bool> = centres
                .iter()
                .map(|c| ((a.0 - c.0).powi(2) + (a.1 - c.1).powi(2)).sqrt() < radius)
                .collect();
            assert_eq!(inside, want.to_vec());
        }
    }
    Ok(())
}

#[test]
fn empty_size_is_an_error_not_a_panic() -> Result<(), StakeholderError> {
    let chart = grid_chart(Lang::En)?;
    assert!(matches!(
        render_svg(&chart, 0, 100),
        Err(ChartError::EmptySize { .. })
    ));
    Ok(())
}

#[test]
fn english_grid_without_size_dimension_has_no_size_legend() -> Result<(), Box<dyn std::error::Error>>
{
    let r = example(Lang::En)?;
    let model = MendelowModel::default();
    let grid = model.classify(&r)?;
    let four = FourDimModel::default().classify(&r)?;
    let stances: Vec<Stance> = four.iter().map(|x| Stance::from(x.attitude)).collect();
    let chart = PowerInterestChart::from_grid(&r, &model, &grid, None, &stances, Lang::En)?;
    let svg = render_svg(&chart, W, H)?;
    save("grid_en.svg", &svg);
    assert_eq!(count_text(&svg, "manage closely"), 1);
    assert_eq!(count_text(&svg, "Health bureau"), 1);
    let supporters = stances.iter().filter(|s| **s == Stance::Support).count();
    assert_eq!(
        count(&svg, "<circle"),
        2 * chart.bubbles.len() + 2 * supporters + 2 * 3 + 2
    );
    Ok(())
}

#[test]
fn stability_chart_shows_class_and_rank_shares() -> Result<(), Box<dyn std::error::Error>> {
    let r = example(Lang::Zh)?;
    let model = SalienceModel::default();
    let st = sensitivity(&model, &r, &SensitivitySettings::default())?;
    let mut chart = StabilityChart::from_stability(&r, &st, Lang::Zh);
    chart.title = s("敏感性分析：±20% 阈值变动下的稳定性");
    let svg = render_svg(&chart, W, H)?;
    save("stability_zh.svg", &svg);
    for row in &chart.rows {
        assert_eq!(count_text(&svg, &row.label), 1, "{}", row.label);
    }
    // one solid and one hatched value label per stakeholder (salience ranks)
    let pct = texts(&svg).iter().filter(|t| t.ends_with('%')).count();
    assert_eq!(pct, 2 * chart.rows.len());
    assert!(svg.contains("类型不变") && svg.contains("排名不变"));
    Ok(())
}

/// The text lines of a chart's SVG with their font size, x and y.
fn text_lines(svg: &str) -> Vec<(String, f64, f64, f64)> {
    let attr = |chunk: &str, name: &str| -> f64 {
        chunk
            .split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|t| t.split('"').next())
            .and_then(|v| v.trim_end_matches("px").parse().ok())
            .unwrap_or(f64::NAN)
    };
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find('>')? + 1;
            let end = chunk.find("</text>")?;
            let t = chunk.get(start..end)?.trim().to_string();
            Some((
                t,
                attr(chunk, "font-size"),
                attr(chunk, "x"),
                attr(chunk, "y"),
            ))
        })
        .collect()
}

/// With the page's settings and the example's real names, in both
/// languages and at the page's sizes, the salience Venn writes every name
/// inside its region's circles, never broken mid-word, and the position map
/// never breaks an English word.
#[test]
fn salience_and_position_labels_fit_with_the_examples_names()
-> Result<(), Box<dyn std::error::Error>> {
    for lang in [Lang::En, Lang::Zh] {
        let r = example(lang)?;
        let sal = SalienceModel::default().classify(&r)?;
        let venn = SalienceVennChart::from_salience(&r, &sal, lang);
        let pm = PolicyMakerModel::default().feasibility(&r)?;
        let map = PositionMapChart::from_feasibility(&r, &pm, lang);
        let words: Vec<String> = r
            .stakeholders()
            .iter()
            .flat_map(|s| {
                s.name
                    .split(' ')
                    .flat_map(|w| w.split_inclusive('-'))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        // The page draws every chart at 800 px wide (then scales it); 640 px
        // is a margin for narrower exports.
        for (w, h) in [(800, 560), (1100, 560), (640, 560)] {
            let tag = format!("{}_{w}", if lang == Lang::Zh { "zh" } else { "en" });
            let svg = render_svg(&venn, w, h)?;
            save(&format!("venn_page_{tag}.svg"), &svg);
            let all = texts(&svg).concat().replace(' ', "");
            for m in &venn.members {
                assert!(
                    all.contains(&m.label.replace(' ', "")),
                    "{tag}: {}",
                    m.label
                );
            }
            let svg = render_svg(&map, w, 520)?;
            save(&format!("position_page_{tag}.svg"), &svg);
            for (line, size, _, _) in text_lines(&svg) {
                assert!(size >= 8.0, "{tag}: {line} at {size}px");
                if lang == Lang::En {
                    for piece in line
                        .split(' ')
                        .flat_map(|w| w.split_inclusive('-'))
                        .filter(|p| !p.is_empty())
                    {
                        assert!(
                            words.iter().any(|wd| wd == piece)
                                || !words.iter().any(|wd| wd.starts_with(piece) && wd != piece),
                            "{tag}: {piece} is a broken word"
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

/// The `x` attribute of the first `<text>` element reading exactly `label`.
fn text_x(svg: &str, label: &str) -> Option<f64> {
    svg.split("<text").skip(1).find_map(|chunk| {
        let start = chunk.find('>')? + 1;
        let end = chunk.find("</text>")?;
        if chunk.get(start..end)?.trim() != label {
            return None;
        }
        let x = chunk.split("x=\"").nth(1)?.split('"').next()?;
        x.parse().ok()
    })
}

#[test]
fn radar_legend_names_keep_a_margin_from_the_right_edge_in_chinese()
-> Result<(), Box<dyn std::error::Error>> {
    // The page's size at a 1024 px window.
    let (w, h) = (800u32, 560u32);
    let r = example(Lang::Zh)?;
    let dims = ["interest", "cognition", "capability", "resources", "power"];
    let chart = RadarChart::from_ratings(&r, &[0, 1, 2], &dims, Lang::Zh)?;
    let svg = render_svg(&chart, w, h)?;
    save("radar_legend_zh.svg", &svg);
    for s in &chart.series {
        let x = text_x(&svg, &s.label).ok_or(format!("no legend text {}", s.label))?;
        let right = x + text_width(&s.label, 13.0);
        assert!(right <= f64::from(w) - 8.0, "{} ends at {right}", s.label);
    }
    Ok(())
}
