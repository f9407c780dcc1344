//! Integration tests of the project value: file and link round trips
//! (property tests over generated projects), the migration of a version-1
//! file kept in `tests/data`, hostile links, link sizes of realistic
//! projects, and the R script's calls (parsed, not only searched).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use policylens::analysis::calibrate::{Anchors, BellAnchors, Calibration};
use policylens::analysis::data::{Column, ColumnData, Dataset, import};
use policylens::analysis::minimize::{DirectionalExpectations, Expectation, Options};
use policylens::analysis::project::*;
use policylens::analysis::stakeholder::{
    Aggregation, Lang, LongLayout, example_dimensions, example_long, read_long,
};
use policylens::analysis::truth_table::{Out, TruthTableOptions};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Projects used by several tests

fn lf_dataset() -> Dataset {
    let path = common::fixtures_dir().join("data/LF.csv");
    let bytes = std::fs::read(&path).unwrap();
    let mut d = import("LF.csv", &bytes, &Default::default())
        .unwrap()
        .dataset;
    d.set_case_column(Some(0)).unwrap();
    d
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// LF with the settings of the fixtures' `incl0.8_n1` analysis and the
/// intermediate solution `dir.exp = c("DEV", "STB", "~LIT*IND")`.
fn lf_project() -> Project {
    let mut p = Project::with_data(lf_dataset());
    p.qca.outcome = Some("SURV".into());
    p.qca.conditions = names(&["DEV", "URB", "LIT", "IND", "STB"]);
    p.qca.truth_table.incl_cut = 0.8;
    p.qca.minimize.directional_expectations =
        DirectionalExpectations::parse("DEV, STB, ~LIT*IND", &p.qca.conditions).unwrap();
    p
}

/// A project shaped like seed 001 (county medical alliances): 11 cases,
/// seven conditions and the outcome, Chinese names, raw 0–100 scores
/// calibrated with the direct method.
fn seed001_like_project() -> Project {
    let conditions = [
        "规划实施规模",
        "紧密型组织结构",
        "协同管理制度",
        "信息平台整合",
        "区域资源共享",
        "医保支付改革",
        "激励机制设计",
    ];
    let counties = [
        "尤溪县",
        "天长市",
        "阳西县",
        "德清县",
        "长兴县",
        "浏阳市",
        "宁乡市",
        "武威市凉州区",
        "青海互助县",
        "山西高平市",
        "安徽阜南县",
    ];
    let mut columns = vec![Column {
        name: "县域医共体".into(),
        data: ColumnData::Text(counties.iter().map(|c| Some(c.to_string())).collect()),
    }];
    let mut state: u64 = 0x5394_c03c_8c86_dd9c;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % 10_001) as f64 / 100.0
    };
    for c in conditions.iter().chain(std::iter::once(&"服务能力提升")) {
        columns.push(Column {
            name: format!("{c}_原始"),
            data: ColumnData::Numeric((0..11).map(|_| Some(next())).collect()),
        });
    }
    let data = Dataset {
        name: "县域医共体".into(),
        columns,
        case_column: Some(0),
    };
    let mut p = Project::with_data(data);
    p.language = Some("zh-Hans".into());
    for c in conditions.iter().chain(std::iter::once(&"服务能力提升")) {
        p.calibrations.push(CalibrationSetting {
            source: format!("{c}_原始"),
            target: c.to_string(),
            method: Calibration::Logistic {
                anchors: Anchors::new(10.0, 50.0, 90.0).unwrap(),
                idm: 0.95,
            },
            crossover_cases: Default::default(),
        });
    }
    p.qca.outcome = Some("服务能力提升".into());
    p.qca.conditions = names(&conditions);
    p.qca.truth_table.incl_cut = 0.8;
    p.qca.truth_table.n_cut = 1;
    p.qca.truth_table.pri_cut = 0.7;
    p.qca.minimize.directional_expectations =
        DirectionalExpectations::from_vector(&[Expectation::Present; 7]);
    p
}

fn stakeholder_example() -> StakeholderSection {
    let (header, rows) = example_long(Lang::Zh);
    let layout = LongLayout {
        respondent: 0,
        stakeholder: 1,
        group: Some(2),
        dimension: 3,
        rating: 4,
    };
    let import = read_long(&header, &rows, &layout, &example_dimensions(), None).unwrap();
    let mut s = StakeholderSection {
        ratings: import.data,
        ..Default::default()
    };
    s.settings.aggregation = Aggregation::Median;
    s
}

// ---------------------------------------------------------------------------
// Generated projects

const NAME_POOL: [&str; 10] = [
    "DEV",
    "URB",
    "县域规模",
    "a b",
    "q\"uote",
    "if",
    "back\\slash",
    "紧密型",
    "x.1",
    "SURV",
];

fn finite_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..=100).prop_map(|v| f64::from(v) / 100.0),
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
    ]
}

fn dataset_strategy() -> impl Strategy<Value = Dataset> {
    (2usize..6, 1usize..6).prop_flat_map(|(n_cols, n_rows)| {
        (
            proptest::sample::subsequence(NAME_POOL.to_vec(), n_cols).prop_shuffle(),
            proptest::collection::vec(
                prop_oneof![
                    3 => proptest::collection::vec(proptest::option::weighted(0.9, finite_f64()), n_rows)
                        .prop_map(ColumnData::Numeric),
                    1 => proptest::collection::vec(
                        proptest::option::of("[a-z县域\"\\\\ ,\t]{0,6}"),
                        n_rows
                    )
                    .prop_map(ColumnData::Text),
                ],
                n_cols,
            ),
            proptest::option::of(0..n_cols),
            "[A-Za-z0-9 县]{0,8}",
        )
            .prop_map(|(names, data, case_column, name)| Dataset {
                name,
                columns: names
                    .into_iter()
                    .zip(data)
                    .map(|(n, data)| Column {
                        name: n.to_string(),
                        data,
                    })
                    .collect(),
                case_column,
            })
    })
}

fn method_strategy() -> impl Strategy<Value = Calibration> {
    let anchors =
        (-1000i32..1000, 1i32..500, 1i32..500, any::<bool>()).prop_map(|(e, d1, d2, up)| {
            let (e, c, i) = (f64::from(e), f64::from(e + d1), f64::from(e + d1 + d2));
            if up {
                Anchors::new(e, c, i).unwrap()
            } else {
                Anchors::new(i, c, e).unwrap()
            }
        });
    prop_oneof![
        (anchors.clone(), 0.51f64..0.99)
            .prop_map(|(anchors, idm)| Calibration::Logistic { anchors, idm }),
        (anchors, 0.5f64..4.0, 0.5f64..4.0, any::<bool>()).prop_map(
            |(anchors, below, above, ecdf)| {
                Calibration::Linear {
                    anchors,
                    below,
                    above,
                    ecdf,
                }
            }
        ),
        (1i32..10, 0.5f64..4.0).prop_map(|(w, below)| Calibration::Bell {
            anchors: BellAnchors::new(
                0.0,
                f64::from(w),
                f64::from(2 * w),
                f64::from(3 * w),
                f64::from(4 * w),
                f64::from(5 * w)
            )
            .unwrap(),
            below,
            above: 1.0,
        }),
        proptest::collection::vec(finite_f64(), 1..4)
            .prop_map(|thresholds| Calibration::Crisp { thresholds }),
        proptest::collection::vec(finite_f64(), 1..4)
            .prop_map(|thresholds| Calibration::Indirect { thresholds }),
        Just(Calibration::Tfr),
    ]
}

fn options_strategy() -> impl Strategy<Value = TruthTableOptions> {
    (
        (
            finite_f64(),
            proptest::option::of(finite_f64()),
            0usize..5,
            finite_f64(),
        ),
        (any::<bool>(), any::<bool>()),
        proptest::collection::btree_set(1u64..64, 0..4),
        proptest::collection::btree_map(
            1u64..64,
            prop_oneof![
                Just(Out::One),
                Just(Out::Zero),
                Just(Out::Contradiction),
                Just(Out::Remainder)
            ],
            0..3,
        ),
    )
        .prop_map(
            |(
                (incl_cut, incl_cut0, n_cut, pri_cut),
                (complete, negate_outcome),
                exclude,
                set_out,
            )| {
                TruthTableOptions {
                    incl_cut,
                    incl_cut0,
                    n_cut,
                    pri_cut,
                    complete,
                    exclude,
                    negate_outcome,
                    set_out,
                }
            },
        )
}

fn project_strategy() -> impl Strategy<Value = Project> {
    dataset_strategy().prop_flat_map(|data| {
        let numeric: Vec<String> = data
            .columns
            .iter()
            .filter(|c| matches!(c.data, ColumnData::Numeric(_)))
            .map(|c| c.name.clone())
            .collect();
        let n_numeric = numeric.len();
        (
            Just(data),
            proptest::collection::vec(
                (0..n_numeric.max(1), method_strategy()),
                0..=n_numeric.min(3),
            ),
            proptest::sample::subsequence((0..8usize).collect::<Vec<_>>(), 0..5),
            any::<bool>(),
            options_strategy(),
            (any::<bool>(), any::<bool>(), any::<bool>(), 1usize..100_000),
            proptest::collection::vec(
                prop_oneof![
                    Just(Expectation::Present),
                    Just(Expectation::Absent),
                    Just(Expectation::Either)
                ],
                8,
            ),
            (
                proptest::option::of(prop_oneof![
                    Just("en".to_string()),
                    Just("zh-Hans".to_string())
                ]),
                any::<bool>(),
                "[a-z ]{0,10}",
            ),
        )
            .prop_map(
                move |(
                    data,
                    cals,
                    picks,
                    with_outcome,
                    tt,
                    (row_dom, all_sol, inc_c, max_models),
                    exps,
                    (language, with_stakeholder, name),
                )| {
                    let mut p = Project::with_data(data);
                    p.name = name;
                    p.language = language;
                    for (k, (src, method)) in cals.into_iter().enumerate() {
                        if let Some(source) = numeric.get(src) {
                            p.calibrations.push(CalibrationSetting {
                                source: source.clone(),
                                target: format!("cal{k}"),
                                method,
                                crossover_cases: if k % 2 == 1 {
                                    policylens::analysis::calibrate::CrossoverCases::AddConstant
                                } else {
                                    policylens::analysis::calibrate::CrossoverCases::LeaveOut
                                },
                            });
                        }
                    }
                    let sets = p.set_names();
                    let mut chosen: Vec<String> =
                        picks.iter().filter_map(|&i| sets.get(i).cloned()).collect();
                    chosen.dedup();
                    if with_outcome && !chosen.is_empty() {
                        p.qca.outcome = Some(chosen.remove(0));
                    }
                    p.qca.truth_table = tt;
                    p.qca.minimize = MinimizeSettings {
                        options: Options {
                            row_dom,
                            all_sol,
                            max_models,
                            ..Options::default()
                        },
                        include_contradictions: inc_c,
                        directional_expectations: DirectionalExpectations::from_vector(
                            exps.get(..chosen.len()).unwrap_or_default(),
                        ),
                    };
                    p.qca.conditions = chosen;
                    if inc_c {
                        // The Venn choice and a set used as it is, raised at 0.5.
                        p.qca.venn_conditions = p.qca.conditions.iter().skip(1).cloned().collect();
                        if let Some(first) = numeric.first() {
                            p.qca.crossover_as_is.insert(
                                first.clone(),
                                policylens::analysis::calibrate::CrossoverCases::AddConstant,
                            );
                        }
                    }
                    if with_stakeholder {
                        p.stakeholder = stakeholder_example();
                    }
                    p
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn project_to_file_to_project_is_identity(p in project_strategy()) {
        prop_assert_eq!(p.validate(), Ok(()));
        let text = p.to_file_json().unwrap();
        prop_assert_eq!(Project::from_file_json(&text).unwrap(), p);
    }

    #[test]
    fn project_to_link_to_project_is_identity(p in project_strategy()) {
        let fragment = encode_share_link_as(&p, LinkContent::Full).unwrap();
        let shared = decode_share_link(&format!("#{fragment}")).unwrap();
        prop_assert_eq!(shared.content(), LinkContent::Full);
        prop_assert_eq!(shared.project, p);
    }

    #[test]
    fn a_settings_link_plus_the_same_data_is_the_project(p in project_strategy()) {
        let fragment = encode_share_link_as(&p, LinkContent::SettingsOnly).unwrap();
        let shared = decode_share_link(&fragment).unwrap();
        prop_assert!(shared.project.data.is_none());
        prop_assert_eq!(shared.content(), LinkContent::SettingsOnly);
        let mut data = p.data.clone().unwrap();
        data.case_column = None;
        let (back, matched) = shared.attach_data(data).unwrap();
        prop_assert_eq!(matched, DataMatch::Same);
        prop_assert_eq!(back, p);
    }

    #[test]
    fn a_mutated_link_gives_a_project_or_an_error_never_a_panic(
        pos in 0usize..10_000, c in proptest::sample::select(b"Aa0-_.#=".to_vec()),
    ) {
        let fragment = encode_share_link_as(&lf_project(), LinkContent::Full).unwrap();
        let mut bytes = fragment.into_bytes();
        let i = pos % bytes.len();
        bytes[i] = c;
        let _ = decode_share_link(&String::from_utf8(bytes).unwrap());
    }
}

// ---------------------------------------------------------------------------
// Files

#[test]
fn the_version_one_file_opens_migrated_to_the_current_shape() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/project_v1.policylens.json"),
    )
    .unwrap();
    assert!(text.contains("\"schema_version\": 1"));
    let p = Project::from_file_json(&text).unwrap();
    assert_eq!(p.name, "Lipset fuzzy (GDP calibrated)");
    assert_eq!(
        p.qca.conditions,
        names(&["DEV", "URB", "LIT", "IND", "STB"])
    );
    assert_eq!(p.qca.truth_table.exclude, BTreeSet::from([3]));
    assert_eq!(p.qca.truth_table.set_out, BTreeMap::new());
    assert!(p.qca.minimize.options.row_dom);
    assert!(!p.qca.minimize.options.all_sol);
    assert_eq!(
        p.qca.minimize.options.max_models,
        Options::default().max_models
    );
    assert_eq!(
        p.qca.minimize.directional_expectations,
        DirectionalExpectations::parse("DEV, STB, ~LIT*IND", &p.qca.conditions).unwrap()
    );
    assert!(p.stakeholder.is_empty());
    assert_eq!(p.language, None);
    // Results are derived: the calibrated DEV equals R's calibrate() of
    // the LR GDP values (fixture LR.DEV.fuzzy.logistic, first cases).
    let dev = p.memberships("DEV").unwrap();
    for (got, want) in dev
        .iter()
        .zip([0.806925632987392, 0.990147709556608, 0.57514068276979])
    {
        assert!(
            (got - want).abs() < common::R_FIXTURE_TOL,
            "{got} vs {want}"
        );
    }
    let tt = p.truth_table().unwrap();
    assert!(tt.rows.iter().any(|r| r.out == Out::One));
    // Saved again it is a current file, and reads back the same.
    let again = p.to_file_json().unwrap();
    assert!(again.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
    assert_eq!(Project::from_file_json(&again).unwrap(), p);
}

#[test]
fn a_file_from_a_newer_version_has_its_own_error() {
    let text = lf_project().to_file_json().unwrap().replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        "\"schema_version\": 7",
        1,
    );
    assert_eq!(
        Project::from_file_json(&text),
        Err(ProjectError::NewerVersion {
            found: 7,
            supported: SCHEMA_VERSION
        })
    );
}

#[test]
fn every_truncation_of_a_file_is_an_error() {
    let text = lf_project().to_file_json().unwrap();
    for cut in (0..text.len()).step_by(7) {
        if let Some(part) = text.get(..cut) {
            assert!(Project::from_file_json(part).is_err(), "cut at {cut}");
        }
    }
}

#[test]
fn a_file_with_inconsistent_settings_is_refused_with_what_is_wrong() {
    let text = lf_project()
        .to_file_json()
        .unwrap()
        .replacen("\"STB\"\n", "\"GDP\"\n", 1);
    assert_eq!(
        Project::from_file_json(&text),
        Err(ProjectError::UnknownSet {
            setting: "condition",
            name: "GDP".into()
        })
    );
    let foreign = r#"{"type": "FeatureCollection", "features": []}"#;
    assert_eq!(
        Project::from_file_json(foreign),
        Err(ProjectError::NotAProject)
    );
}

// ---------------------------------------------------------------------------
// Links

#[test]
fn link_sizes_of_realistic_projects() {
    let lf = lf_project();
    let lf_link = encode_share_link(&lf).unwrap();
    assert_eq!(lf_link.content, LinkContent::Full);
    let seed = seed001_like_project();
    let seed_link = encode_share_link(&seed).unwrap();
    assert_eq!(seed_link.content, LinkContent::Full);
    let mut with_stakeholders = seed.clone();
    with_stakeholders.stakeholder = stakeholder_example();
    let both = encode_share_link(&with_stakeholders).unwrap();
    println!(
        "link lengths: LF {} chars (file {} bytes); seed-001-like {} chars (file {} bytes); with the seed-000 stakeholder example {} chars",
        lf_link.fragment.len(),
        lf.to_file_json().unwrap().len(),
        seed_link.fragment.len(),
        seed.to_file_json().unwrap().len(),
        both.fragment.len(),
    );
    // How many rows of eight two-decimal columns fit in a full link.
    let fits = |rows: usize| {
        let mut state: u64 = 1;
        let columns = (0..8)
            .map(|j| Column {
                name: format!("C{j}"),
                data: ColumnData::Numeric(
                    (0..rows)
                        .map(|_| {
                            state = state
                                .wrapping_mul(6364136223846793005)
                                .wrapping_add(1442695040888963407);
                            Some(((state >> 33) % 101) as f64 / 100.0)
                        })
                        .collect(),
                ),
            })
            .collect();
        full_project_fits(&Project::with_data(Dataset {
            name: "t".into(),
            columns,
            case_column: None,
        }))
    };
    let (mut lo, mut hi) = (1usize, 20_000usize);
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        if fits(mid) { lo = mid } else { hi = mid }
    }
    println!("a full link holds up to {lo} rows of 8 random two-decimal columns");
    assert!(lo >= 100, "{lo}");
    assert!(full_project_fits(&lf));
    assert_eq!(full_link_length(&lf).unwrap(), lf_link.fragment.len());
    // Results derived from the link equal those of the original.
    let back = decode_share_link(&seed_link.fragment).unwrap().project;
    assert_eq!(back.truth_table().unwrap(), seed.truth_table().unwrap());
}

fn large_project(rows: usize) -> Project {
    let mut state: u64 = 7;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let columns = (0..8)
        .map(|j| Column {
            name: format!("C{j}"),
            data: ColumnData::Numeric((0..rows).map(|_| Some(next())).collect()),
        })
        .collect();
    let mut p = Project::with_data(Dataset {
        name: "large".into(),
        columns,
        case_column: None,
    });
    p.qca.outcome = Some("C0".into());
    p.qca.conditions = names(&["C1", "C2", "C3"]);
    p
}

#[test]
fn a_large_project_falls_back_to_a_settings_link_that_asks_for_the_data() {
    let p = large_project(2_000);
    assert!(!full_project_fits(&p));
    let n = full_link_length(&p).unwrap();
    assert!(n > MAX_FRAGMENT_CHARS, "{n}");
    assert!(matches!(
        encode_share_link_as(&p, LinkContent::Full),
        Err(LinkError::TooLong {
            limit: MAX_FRAGMENT_CHARS,
            ..
        })
    ));
    let link = encode_share_link(&p).unwrap();
    assert_eq!(link.content, LinkContent::SettingsOnly);
    println!(
        "2,000 × 8 random doubles: full link would be {n} chars; settings-only link {} chars",
        link.fragment.len()
    );
    let shared = decode_share_link(&link.fragment).unwrap();
    let wanted = shared.missing_data.clone().unwrap();
    assert_eq!((wanted.rows, wanted.columns.len()), (2_000, 8));
    // The same data: Same. Other data with the same columns: Different.
    let (back, m) = shared.clone().attach_data(p.data.clone().unwrap()).unwrap();
    assert_eq!((back, m), (p.clone(), DataMatch::Same));
    let other = large_project(50).data.unwrap();
    assert_eq!(
        shared.clone().attach_data(other).unwrap().1,
        DataMatch::Different
    );
    // Data without the columns the settings use: refused.
    let mut wrong = lf_dataset();
    wrong.case_column = None;
    assert!(matches!(
        shared.attach_data(wrong),
        Err(ProjectError::UnknownSet { .. })
    ));
}

#[test]
fn every_truncation_of_a_link_is_an_error() {
    let fragment = encode_share_link(&lf_project()).unwrap().fragment;
    for cut in 0..fragment.len() {
        let got = decode_share_link(fragment.get(..cut).unwrap());
        assert!(got.is_err(), "cut at {cut} of {}", fragment.len());
    }
}

#[test]
fn a_link_whose_kind_does_not_match_its_content_is_refused() {
    let p = lf_project();
    let full = encode_share_link_as(&p, LinkContent::Full).unwrap();
    let relabelled = format!("s1.{}", full.strip_prefix("p1.").unwrap());
    assert_eq!(decode_share_link(&relabelled), Err(LinkError::KindMismatch));
}

// ---------------------------------------------------------------------------
// R script: a small parser of the subset of R the export writes.

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Str(String),
    Num(f64),
    Name(String),
    Op(&'static str),
    Newline,
}

fn tokenize(src: &str) -> Vec<Tok> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\n' => {
                if depth == 0 && out.last() != Some(&Tok::Newline) {
                    out.push(Tok::Newline);
                }
            }
            ' ' | '\t' | '\r' => {}
            '"' | '`' => {
                let quote = c;
                let mut s = String::new();
                i += 1;
                while chars[i] != quote {
                    if chars[i] == '\\' {
                        i += 1;
                        match chars[i] {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            'r' => s.push('\r'),
                            'u' => {
                                assert_eq!(chars[i + 1], '{');
                                let end = (i..chars.len()).find(|&k| chars[k] == '}').unwrap();
                                let hex: String = chars[i + 2..end].iter().collect();
                                s.push(
                                    char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap(),
                                );
                                i = end;
                            }
                            other => s.push(other),
                        }
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                out.push(if quote == '"' {
                    Tok::Str(s)
                } else {
                    Tok::Name(s)
                });
            }
            '0'..='9' => {
                let start = i;
                while i + 1 < chars.len()
                    && (chars[i + 1].is_ascii_digit()
                        || chars[i + 1] == '.'
                        || chars[i + 1] == 'e'
                        || (chars[i + 1] == '-' && chars[i] == 'e'))
                {
                    i += 1;
                }
                let text: String = chars[start..=i].iter().collect();
                out.push(Tok::Num(
                    text.parse().unwrap_or_else(|_| panic!("number {text}")),
                ));
            }
            c if c.is_alphabetic() || c == '.' => {
                let start = i;
                while i + 1 < chars.len()
                    && (chars[i + 1].is_alphanumeric()
                        || chars[i + 1] == '.'
                        || chars[i + 1] == '_')
                {
                    i += 1;
                }
                out.push(Tok::Name(chars[start..=i].iter().collect()));
            }
            _ => {
                let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
                let op: &'static str = match two.as_str() {
                    "<-" => "<-",
                    "==" => "==",
                    "[[" => "[[",
                    "]]" => "]]",
                    _ => match c {
                        '(' => "(",
                        ')' => ")",
                        '[' => "[",
                        ']' => "]",
                        ',' => ",",
                        '=' => "=",
                        '~' => "~",
                        '-' => "-",
                        '$' => "$",
                        other => panic!("unexpected character {other:?} in the R script"),
                    },
                };
                if op.len() == 2 {
                    i += 1;
                }
                match op {
                    "(" | "[" | "[[" => depth += 1,
                    ")" | "]" | "]]" => depth -= 1,
                    _ => {}
                }
                out.push(Tok::Op(op));
            }
        }
        i += 1;
    }
    assert_eq!(depth, 0, "unbalanced brackets");
    out
}

#[derive(Debug, Clone, PartialEq)]
enum RExpr {
    Str(String),
    Num(f64),
    Name(String),
    Neg(Box<RExpr>),
    Call(String, Vec<(Option<String>, RExpr)>),
    Index(Box<RExpr>, Vec<Option<RExpr>>),
    Field(Box<RExpr>, String),
    Eq(Box<RExpr>, Box<RExpr>),
    Assign(Box<RExpr>, Box<RExpr>),
}

/// A call's arguments: optional name and value.
type Arg = (Option<String>, RExpr);

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Tok {
        self.pos += 1;
        self.toks[self.pos - 1].clone()
    }
    fn expect(&mut self, op: &'static str) {
        assert_eq!(self.next(), Tok::Op(op), "at token {}", self.pos);
    }
    fn statements(&mut self) -> Vec<RExpr> {
        let mut out = Vec::new();
        while let Some(t) = self.peek() {
            if *t == Tok::Newline {
                self.pos += 1;
                continue;
            }
            let e = self.expr();
            if self.peek() == Some(&Tok::Op("<-")) {
                self.pos += 1;
                let rhs = self.expr();
                out.push(RExpr::Assign(Box::new(e), Box::new(rhs)));
            } else {
                out.push(e);
            }
        }
        out
    }
    fn expr(&mut self) -> RExpr {
        let lhs = self.postfix();
        if self.peek() == Some(&Tok::Op("==")) {
            self.pos += 1;
            let rhs = self.postfix();
            return RExpr::Eq(Box::new(lhs), Box::new(rhs));
        }
        lhs
    }
    fn postfix(&mut self) -> RExpr {
        let mut e = match self.next() {
            Tok::Str(s) => RExpr::Str(s),
            Tok::Num(x) => RExpr::Num(x),
            Tok::Name(n) => RExpr::Name(n),
            Tok::Op("-") => RExpr::Neg(Box::new(self.postfix())),
            t => panic!("unexpected {t:?} at token {}", self.pos),
        };
        loop {
            match self.peek() {
                Some(Tok::Op("(")) => {
                    self.pos += 1;
                    let RExpr::Name(f) = e else {
                        panic!("call of a non-name")
                    };
                    let mut args = Vec::new();
                    while self.peek() != Some(&Tok::Op(")")) {
                        let named = matches!(
                            (self.toks.get(self.pos), self.toks.get(self.pos + 1)),
                            (Some(Tok::Name(_)), Some(Tok::Op("=")))
                        );
                        let name = if named {
                            let Tok::Name(n) = self.next() else {
                                unreachable!()
                            };
                            self.pos += 1;
                            Some(n)
                        } else {
                            None
                        };
                        args.push((name, self.expr()));
                        if self.peek() == Some(&Tok::Op(",")) {
                            self.pos += 1;
                        }
                    }
                    self.expect(")");
                    e = RExpr::Call(f, args);
                }
                Some(Tok::Op("[[")) => {
                    self.pos += 1;
                    let i = self.expr();
                    self.expect("]]");
                    e = RExpr::Index(Box::new(e), vec![Some(i)]);
                }
                Some(Tok::Op("[")) => {
                    self.pos += 1;
                    let mut args = Vec::new();
                    loop {
                        match self.peek() {
                            Some(Tok::Op(",")) => {
                                self.pos += 1;
                                args.push(None);
                            }
                            Some(Tok::Op("]")) => break,
                            _ => {
                                args.push(Some(self.expr()));
                                if self.peek() == Some(&Tok::Op(",")) {
                                    self.pos += 1;
                                }
                            }
                        }
                    }
                    self.expect("]");
                    e = RExpr::Index(Box::new(e), args);
                }
                Some(Tok::Op("$")) => {
                    self.pos += 1;
                    let Tok::Name(n) = self.next() else {
                        panic!("$ without a name")
                    };
                    e = RExpr::Field(Box::new(e), n);
                }
                _ => return e,
            }
        }
    }
}

fn parse_r(src: &str) -> Vec<RExpr> {
    let mut p = Parser {
        toks: tokenize(src),
        pos: 0,
    };
    p.statements()
}

/// The call assigned to `target` (a name), e.g. `tt <- truthTable(...)`.
fn assigned_call<'a>(stmts: &'a [RExpr], target: &str) -> Option<(&'a str, &'a [Arg])> {
    stmts.iter().find_map(|s| match s {
        RExpr::Assign(lhs, rhs) if **lhs == RExpr::Name(target.into()) => match &**rhs {
            RExpr::Call(f, args) => Some((f.as_str(), args.as_slice())),
            _ => None,
        },
        _ => None,
    })
}

fn arg<'a>(args: &'a [Arg], name: &str) -> Option<&'a RExpr> {
    args.iter()
        .find(|(n, _)| n.as_deref() == Some(name))
        .map(|(_, v)| v)
}

fn strings(e: &RExpr) -> Vec<String> {
    match e {
        RExpr::Call(f, args) if f == "c" => args
            .iter()
            .map(|(_, v)| match v {
                RExpr::Str(s) => s.clone(),
                other => panic!("not a string: {other:?}"),
            })
            .collect(),
        RExpr::Str(s) => vec![s.clone()],
        other => panic!("not a character vector: {other:?}"),
    }
}

fn numbers(e: &RExpr) -> Vec<f64> {
    let num = |v: &RExpr| match v {
        RExpr::Num(x) => *x,
        RExpr::Neg(inner) => match **inner {
            RExpr::Num(x) => -x,
            _ => panic!("not a number"),
        },
        other => panic!("not a number: {other:?}"),
    };
    match e {
        RExpr::Call(f, args) if f == "c" => args.iter().map(|(_, v)| num(v)).collect(),
        other => vec![num(other)],
    }
}

fn flag(args: &[Arg], name: &str) -> bool {
    match arg(args, name) {
        None => false,
        Some(RExpr::Name(n)) if n == "TRUE" => true,
        Some(RExpr::Name(n)) if n == "FALSE" => false,
        Some(other) => panic!("{name} = {other:?}"),
    }
}

#[test]
fn the_r_script_reproduces_every_setting_of_the_lf_analysis() {
    let mut p = lf_project();
    p.qca.truth_table.incl_cut0 = Some(0.6);
    p.qca.truth_table.pri_cut = 0.51;
    p.qca.truth_table.exclude = BTreeSet::from([2, 17]);
    p.qca.truth_table.negate_outcome = true;
    p.qca.truth_table.set_out = BTreeMap::from([(12, Out::One), (30, Out::Remainder)]);
    p.qca.minimize.options.row_dom = true;
    p.qca.minimize.options.all_sol = true;
    p.qca.minimize.include_contradictions = true;
    let script = r_script(&p, &RScriptOptions::default()).unwrap();
    let stmts = parse_r(&script);
    assert_eq!(
        stmts[0],
        RExpr::Call("library".into(), vec![(None, RExpr::Name("QCA".into()))])
    );

    // Data: every column, every cell.
    let (f, args) = assigned_call(&stmts, "dat").unwrap();
    assert_eq!(f, "data.frame");
    let data = p.data.as_ref().unwrap();
    for col in &data.columns {
        let v = arg(args, &col.name).unwrap_or_else(|| panic!("column {}", col.name));
        match &col.data {
            ColumnData::Numeric(x) => {
                assert_eq!(numbers(v), x.iter().map(|c| c.unwrap()).collect::<Vec<_>>())
            }
            ColumnData::Text(x) => {
                assert_eq!(
                    strings(v),
                    x.iter().map(|c| c.clone().unwrap()).collect::<Vec<_>>()
                )
            }
        }
    }
    let false_ = RExpr::Name("FALSE".into());
    assert_eq!(arg(args, "stringsAsFactors"), Some(&false_));
    assert_eq!(arg(args, "check.names"), Some(&false_));

    // Truth table.
    let (f, args) = assigned_call(&stmts, "tt").unwrap();
    assert_eq!(f, "truthTable");
    assert_eq!(strings(arg(args, "outcome").unwrap()), vec!["~SURV"]);
    assert_eq!(strings(arg(args, "conditions").unwrap()), p.qca.conditions);
    assert_eq!(numbers(arg(args, "incl.cut").unwrap()), vec![0.8, 0.6]);
    assert_eq!(numbers(arg(args, "n.cut").unwrap()), vec![1.0]);
    assert_eq!(numbers(arg(args, "pri.cut").unwrap()), vec![0.51]);
    assert_eq!(numbers(arg(args, "exclude").unwrap()), vec![2.0, 17.0]);
    // Row 30 (DEV*URB*LIT*IND*~STB) is not observed in LF: R must list
    // every row for the edit to apply.
    let tt = p.truth_table().unwrap();
    assert!(!tt.row(30).unwrap().is_observed());
    assert!(flag(args, "complete"));
    assert!(flag(args, "show.cases"));
    let RExpr::Index(_, sub) = &args[0].1 else {
        panic!("data argument")
    };
    assert_eq!(sub[0], None);
    let mut used = p.qca.conditions.clone();
    used.push("SURV".into());
    assert_eq!(strings(sub[1].as_ref().unwrap()), used);

    // OUT set by hand.
    let edits: Vec<(String, String)> = stmts
        .iter()
        .filter_map(|s| match s {
            RExpr::Assign(lhs, rhs) => match (&**lhs, &**rhs) {
                (RExpr::Index(target, sub), RExpr::Str(out))
                    if matches!(&**target, RExpr::Field(_, f) if f == "OUT") =>
                {
                    match &sub[0] {
                        Some(RExpr::Eq(_, row)) => match &**row {
                            RExpr::Str(r) => Some((r.clone(), out.clone())),
                            _ => None,
                        },
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(
        edits,
        vec![("12".into(), "1".into()), ("30".into(), "?".into())]
    );

    // Minimization.
    let (f, args) = assigned_call(&stmts, "sol_c").unwrap();
    assert_eq!(f, "minimize");
    assert_eq!(strings(arg(args, "include").unwrap()), vec!["C"]);
    assert!(flag(args, "row.dom") && flag(args, "all.sol"));
    let (_, args) = assigned_call(&stmts, "sol_p").unwrap();
    assert_eq!(strings(arg(args, "include").unwrap()), vec!["?", "C"]);
    assert!(arg(args, "dir.exp").is_none());
    let (_, args) = assigned_call(&stmts, "sol_i").unwrap();
    assert_eq!(strings(arg(args, "include").unwrap()), vec!["?", "C"]);
    assert_eq!(
        strings(arg(args, "dir.exp").unwrap()),
        vec!["DEV", "STB", "~LIT*IND"]
    );
}

#[test]
fn the_r_script_calibrates_with_the_same_methods_and_chinese_names() {
    let mut p = seed001_like_project();
    p.calibrations[1].method = Calibration::Linear {
        anchors: Anchors::new(90.0, 50.0, 10.0).unwrap(),
        below: 2.0,
        above: 0.5,
        ecdf: true,
    };
    p.calibrations[2].method = Calibration::Crisp {
        thresholds: vec![25.0, 75.5],
    };
    p.calibrations[3].method = Calibration::Indirect {
        thresholds: vec![20.0, 40.0, 60.0, 80.0],
    };
    p.calibrations[4].method = Calibration::Tfr;
    p.calibrations[5].method = Calibration::Bell {
        anchors: BellAnchors::new(10.0, 20.0, 30.0, 40.0, 50.0, 60.0).unwrap(),
        below: 3.0,
        above: 3.0,
    };
    p.qca.minimize.directional_expectations = DirectionalExpectations::default();
    let script = r_script(&p, &RScriptOptions::default()).unwrap();
    // Non-syntactic (Chinese) names are backticked in the data literal.
    assert!(script.contains("`规划实施规模_原始` = c("), "{script}");
    let stmts = parse_r(&script);
    let calls: BTreeMap<String, (String, Vec<Arg>)> = stmts
        .iter()
        .filter_map(|s| match s {
            RExpr::Assign(lhs, rhs) => match (&**lhs, &**rhs) {
                (RExpr::Index(d, t), RExpr::Call(f, args))
                    if f == "calibrate" && **d == RExpr::Name("dat".into()) =>
                {
                    let Some(RExpr::Str(target)) = &t[0] else {
                        return None;
                    };
                    let RExpr::Index(_, src) = &args[0].1 else {
                        return None;
                    };
                    let Some(RExpr::Str(source)) = &src[0] else {
                        return None;
                    };
                    Some((target.clone(), (source.clone(), args.clone())))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(calls.len(), p.calibrations.len());
    let get = |i: usize| {
        let c = &p.calibrations[i];
        let (source, args) = &calls[&c.target];
        assert_eq!(source, &c.source);
        args.clone()
    };
    let a = get(0);
    assert_eq!(strings(arg(&a, "type").unwrap()), vec!["fuzzy"]);
    assert_eq!(
        strings(arg(&a, "thresholds").unwrap()),
        vec!["e=10, c=50, i=90"]
    );
    assert_eq!(numbers(arg(&a, "idm").unwrap()), vec![0.95]);
    let a = get(1);
    assert_eq!(
        strings(arg(&a, "thresholds").unwrap()),
        vec!["i=10, c=50, e=90"]
    );
    assert!(!flag(&a, "logistic") && arg(&a, "logistic").is_some());
    assert_eq!(numbers(arg(&a, "below").unwrap()), vec![2.0]);
    assert_eq!(numbers(arg(&a, "above").unwrap()), vec![0.5]);
    assert!(flag(&a, "ecdf"));
    let a = get(2);
    assert_eq!(strings(arg(&a, "type").unwrap()), vec!["crisp"]);
    assert_eq!(strings(arg(&a, "thresholds").unwrap()), vec!["25, 75.5"]);
    let a = get(3);
    assert_eq!(strings(arg(&a, "method").unwrap()), vec!["indirect"]);
    assert_eq!(
        strings(arg(&a, "thresholds").unwrap()),
        vec!["20, 40, 60, 80"]
    );
    let a = get(4);
    assert_eq!(strings(arg(&a, "method").unwrap()), vec!["TFR"]);
    assert!(arg(&a, "thresholds").is_none());
    let a = get(5);
    assert_eq!(
        strings(arg(&a, "thresholds").unwrap()),
        vec!["e1=10, c1=20, i1=30, i2=40, c2=50, e2=60"]
    );
    assert_eq!(numbers(arg(&a, "below").unwrap()), vec![3.0]);
    // Case names from the case column; no intermediate solution without expectations.
    assert!(stmts.iter().any(
        |s| matches!(s, RExpr::Assign(l, _) if matches!(&**l, RExpr::Call(f, _) if f == "rownames"))
    ));
    assert!(assigned_call(&stmts, "sol_i").is_none());
    let (_, args) = assigned_call(&stmts, "tt").unwrap();
    assert_eq!(strings(arg(args, "conditions").unwrap()), p.qca.conditions);
    assert_eq!(numbers(arg(args, "pri.cut").unwrap()), vec![0.7]);
}

#[test]
fn complete_is_added_only_when_an_edited_row_may_be_unlisted() {
    let mut p = lf_project();
    let tt = p.truth_table().unwrap();
    let observed = tt.rows.iter().find(|r| r.is_observed()).unwrap().number();
    let unobserved = (1..=32).find(|&r| tt.row(r).is_none()).unwrap();
    let complete_of = |p: &Project| {
        let stmts = parse_r(&r_script(p, &RScriptOptions::default()).unwrap());
        flag(assigned_call(&stmts, "tt").unwrap().1, "complete")
    };
    assert!(!complete_of(&p));
    p.qca.truth_table.set_out = BTreeMap::from([(observed, Out::Zero), (99, Out::One)]);
    assert!(!complete_of(&p));
    p.qca.truth_table.set_out.insert(unobserved, Out::One);
    assert!(complete_of(&p));
}

#[test]
fn the_r_script_can_read_the_csv_instead_and_quotes_hostile_text() {
    let mut p = lf_project();
    if let Some(ColumnData::Text(cases)) = p.data.as_mut().map(|d| &mut d.columns[0].data) {
        cases[0] = Some("A\"U\\ \n#not a comment".into());
    }
    p.name = "it's \"LF\"".into();
    let inline = r_script(&p, &RScriptOptions::default()).unwrap();
    let stmts = parse_r(&inline);
    let (_, args) = assigned_call(&stmts, "dat").unwrap();
    assert_eq!(
        strings(arg(args, "case").unwrap())[0],
        "A\"U\\ \n#not a comment"
    );

    let opts = RScriptOptions {
        data: RData::ReadCsv {
            file_name: "数据/LF.csv".into(),
            separator: ';',
            decimal_comma: true,
            encoding: "GB18030".into(),
        },
    };
    let script = r_script(&p, &opts).unwrap();
    let stmts = parse_r(&script);
    let (f, args) = assigned_call(&stmts, "dat").unwrap();
    assert_eq!(f, "read.csv");
    assert_eq!(args[0].1, RExpr::Str("数据/LF.csv".into()));
    assert_eq!(strings(arg(args, "sep").unwrap()), vec![";"]);
    assert_eq!(strings(arg(args, "dec").unwrap()), vec![","]);
    assert_eq!(strings(arg(args, "fileEncoding").unwrap()), vec!["GB18030"]);
    assert_eq!(
        strings(arg(args, "na.strings").unwrap()),
        vec!["", "NA", "N/A", ".", "-"]
    );
    assert!(!script.contains("data.frame("));
}

#[test]
fn the_r_script_needs_an_outcome_conditions_and_inline_data() {
    let mut p = lf_project();
    p.qca.outcome = None;
    assert_eq!(
        r_script(&p, &RScriptOptions::default()),
        Err(ProjectError::Incomplete { what: "outcome" })
    );
    let mut p = lf_project();
    p.data = None;
    p.qca.minimize.directional_expectations = DirectionalExpectations::default();
    assert_eq!(
        r_script(&p, &RScriptOptions::default()),
        Err(ProjectError::NoData)
    );
}

// ---------------------------------------------------------------------------
// The script's calls against the calls R was given for the fixtures.

fn named_args(args: &[Arg]) -> BTreeMap<String, RExpr> {
    args.iter()
        .filter_map(|(n, v)| n.clone().map(|n| (n, v.clone())))
        .collect()
}

fn call_of(text: &str) -> (String, Vec<Arg>) {
    match parse_r(text).into_iter().next() {
        Some(RExpr::Call(f, args)) => (f, args),
        other => panic!("not a call: {other:?}"),
    }
}

#[test]
fn truth_table_and_minimize_calls_equal_those_of_the_r_fixtures() {
    let mut checked = 0;
    for name in common::dataset_names() {
        let json = common::read_json(&format!("datasets/{name}.json"));
        let bytes = std::fs::read(common::fixtures_dir().join(format!("data/{name}.csv"))).unwrap();
        let mut data = import(&format!("{name}.csv"), &bytes, &Default::default())
            .unwrap()
            .dataset;
        data.set_case_column(Some(0)).unwrap();
        for analysis in json["analyses"].as_array().unwrap() {
            let (f, tt_args) = call_of(analysis["truthTable_call"].as_str().unwrap());
            assert_eq!(f, "truthTable");
            let want = named_args(&tt_args);
            let outcome = strings(&want["outcome"]).remove(0);
            let mut p = Project::with_data(data.clone());
            p.qca.truth_table.negate_outcome = outcome.starts_with('~');
            p.qca.outcome = Some(outcome.trim_start_matches('~').to_string());
            p.qca.conditions = strings(&want["conditions"]);
            let incl = numbers(&want["incl.cut"]);
            p.qca.truth_table.incl_cut = incl[0];
            p.qca.truth_table.incl_cut0 = incl.get(1).copied();
            p.qca.truth_table.n_cut = numbers(&want["n.cut"])[0] as usize;
            p.qca.truth_table.pri_cut = numbers(&want["pri.cut"])[0];
            for solution in analysis["solutions"].as_array().unwrap() {
                let (f, m_args) = call_of(solution["call"].as_str().unwrap());
                assert_eq!(f, "minimize");
                let m_want = named_args(&m_args);
                let mut q = p.clone();
                q.qca.minimize.options.row_dom = flag(&m_args, "row.dom");
                q.qca.minimize.options.all_sol = flag(&m_args, "all.sol");
                let dir_exp = m_want.get("dir.exp").map(strings);
                if let Some(d) = &dir_exp {
                    q.qca.minimize.directional_expectations =
                        DirectionalExpectations::parse(&d.join(", "), &q.qca.conditions).unwrap();
                }
                let stmts = parse_r(&r_script(&q, &RScriptOptions::default()).unwrap());
                let (_, ours) = assigned_call(&stmts, "tt").unwrap();
                assert_eq!(named_args(ours), want, "{name} {}", analysis["id"]);
                let target = match (m_want.contains_key("include"), &dir_exp) {
                    (false, _) => "sol_c",
                    (true, None) => "sol_p",
                    (true, Some(_)) => "sol_i",
                };
                let (_, ours) = assigned_call(&stmts, target).unwrap();
                let mut ours = named_args(ours);
                assert_eq!(ours.remove("details"), Some(RExpr::Name("TRUE".into())));
                let mut m_want = m_want;
                if let (Some(ours_exp), Some(_)) =
                    (ours.remove("dir.exp"), m_want.remove("dir.exp"))
                {
                    // R's vector form ("1", "-", "0") means these expressions.
                    let meaning = match solution["dir_exp_form"].as_str() {
                        Some("vector") => solution["dir_exp_meaning"].clone(),
                        _ => solution["dir_exp"].clone(),
                    };
                    let meaning: Vec<String> = serde_json::from_value(meaning).unwrap();
                    assert_eq!(strings(&ours_exp), meaning, "{name} {}", solution["call"]);
                }
                assert_eq!(ours, m_want, "{name} {}", solution["call"]);
                checked += 1;
            }
        }
    }
    println!("{checked} minimize() calls and their truthTable() calls compared with R's");
    assert!(checked > 50, "{checked}");
}

/// A `thresholds` value as (name, number) pairs, from R's string form
/// (`"e=400, c=550, i=900"`, `"550, 850"`) or a plain number.
fn thresholds_of(e: &serde_json::Value) -> Vec<(Option<String>, f64)> {
    match e {
        serde_json::Value::Number(n) => vec![(None, n.as_f64().unwrap())],
        serde_json::Value::Array(a) => a.iter().flat_map(thresholds_of).collect(),
        serde_json::Value::String(s) => s
            .split(',')
            .map(|part| match part.split_once('=') {
                Some((k, v)) => (Some(k.trim().to_string()), v.trim().parse().unwrap()),
                None => (None, part.trim().parse().unwrap()),
            })
            .collect(),
        other => panic!("thresholds {other}"),
    }
}

#[test]
fn calibrate_calls_equal_those_of_the_r_fixtures() {
    let json = common::read_json("calibrate.json");
    let defaults = &json["defaults"];
    let mut checked = 0;
    for entry in json["entries"].as_array().unwrap() {
        let args = &entry["args"];
        let get = |k: &str| {
            if args.get(k).is_some() {
                &args[k]
            } else {
                &defaults[k]
            }
        };
        let ths = args
            .get("thresholds")
            .map(thresholds_of)
            .unwrap_or_default();
        let named = |n: &str| {
            ths.iter()
                .find(|(k, _)| k.as_deref() == Some(n))
                .map(|(_, v)| *v)
                .unwrap()
        };
        let plain: Vec<f64> = ths.iter().map(|(_, v)| *v).collect();
        let method = match (
            get("type").as_str().unwrap(),
            get("method").as_str().unwrap(),
            ths.len(),
        ) {
            ("crisp", _, _) => Calibration::Crisp { thresholds: plain },
            (_, "indirect", _) => Calibration::Indirect { thresholds: plain },
            (_, "TFR", _) => Calibration::Tfr,
            (_, _, 6) => Calibration::Bell {
                anchors: BellAnchors::new(
                    named("e1"),
                    named("c1"),
                    named("i1"),
                    named("i2"),
                    named("c2"),
                    named("e2"),
                )
                .unwrap(),
                below: get("below").as_f64().unwrap(),
                above: get("above").as_f64().unwrap(),
            },
            (_, _, 3) => {
                let anchors = Anchors::new(named("e"), named("c"), named("i")).unwrap();
                if get("logistic").as_bool().unwrap() {
                    Calibration::Logistic {
                        anchors,
                        idm: get("idm").as_f64().unwrap(),
                    }
                } else {
                    Calibration::Linear {
                        anchors,
                        below: get("below").as_f64().unwrap(),
                        above: get("above").as_f64().unwrap(),
                        ecdf: get("ecdf").as_bool().unwrap(),
                    }
                }
            }
            other => panic!("{other:?}"),
        };
        let x: Vec<Option<f64>> = entry["x"]
            .as_array()
            .unwrap()
            .iter()
            .map(serde_json::Value::as_f64)
            .collect();
        let n = x.len();
        let mut p = Project::with_data(Dataset {
            name: "x".into(),
            columns: vec![
                Column {
                    name: "x".into(),
                    data: ColumnData::Numeric(x),
                },
                Column {
                    name: "y".into(),
                    data: ColumnData::Numeric(vec![Some(0.5); n]),
                },
            ],
            case_column: None,
        });
        p.calibrations.push(CalibrationSetting {
            source: "x".into(),
            target: "m".into(),
            method,
            crossover_cases: Default::default(),
        });
        p.qca.outcome = Some("y".into());
        p.qca.conditions = vec!["m".into()];
        let stmts = parse_r(&r_script(&p, &RScriptOptions::default()).unwrap());
        let ours = stmts
            .iter()
            .find_map(|s| match s {
                RExpr::Assign(_, rhs) => match &**rhs {
                    RExpr::Call(f, a) if f == "calibrate" => Some(named_args(a)),
                    _ => None,
                },
                _ => None,
            })
            .unwrap();
        let id = entry["id"].as_str().unwrap();
        for (k, v) in &ours {
            let want = get(k);
            match k.as_str() {
                "thresholds" => {
                    let RExpr::Str(s) = v else {
                        panic!("{id}: thresholds {v:?}")
                    };
                    assert_eq!(
                        thresholds_of(&serde_json::Value::String(s.clone())),
                        ths,
                        "{id}"
                    );
                    // The very text R was given, where it was a string.
                    if let Some(t) = args["thresholds"].as_str() {
                        assert_eq!(s, t, "{id}");
                    }
                }
                "type" | "method" => {
                    assert_eq!(strings(v), vec![want.as_str().unwrap()], "{id} {k}")
                }
                "idm" | "below" | "above" => {
                    assert_eq!(numbers(v), vec![want.as_f64().unwrap()], "{id} {k}")
                }
                "logistic" | "ecdf" => assert_eq!(
                    flag(&[(Some(k.clone()), v.clone())], k),
                    want.as_bool().unwrap(),
                    "{id} {k}"
                ),
                other => panic!("{id}: unexpected argument {other}"),
            }
        }
        // Every argument R was given is in our call (or is R's default).
        for k in args.as_object().unwrap().keys() {
            assert!(
                ours.contains_key(k) || args[k] == defaults[k],
                "{id}: {k} missing"
            );
        }
        checked += 1;
    }
    println!("{checked} calibrate() calls compared with R's");
    assert!(checked > 20, "{checked}");
}
