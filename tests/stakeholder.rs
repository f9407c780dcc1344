//! Integration tests of stakeholder scoring: the bundled seed-000 example
//! from long-form import to classes, agreement and sensitivity; bad input;
//! reference values; and properties of the models.

use policylens::analysis::stakeholder::*;
use proptest::prelude::*;

/// Tolerance for comparisons with published reference values (3 decimals shown).
const REFERENCE_TOL: f64 = 5e-4;
/// Tolerance for exact arithmetic.
const EXACT_TOL: f64 = 1e-12;

fn s(x: &str) -> String {
    x.to_string()
}

fn example(lang: Lang) -> Result<(Import, Aggregated), StakeholderError> {
    let (header, rows) = example_long(lang);
    let layout = LongLayout {
        respondent: 0,
        stakeholder: 1,
        group: Some(2),
        dimension: 3,
        rating: 4,
    };
    let import = read_long(&header, &rows, &layout, &example_dimensions(), None)?;
    let agg = import.data.aggregate(Aggregation::Mean)?;
    Ok((import, agg))
}

fn four_dim_1_to_5() -> FourDimModel {
    FourDimModel::default()
}

/// A header and rows of strings from string literals.
fn table<const N: usize>(header: [&str; N], rows: &[[&str; N]]) -> (Vec<String>, Vec<Vec<String>>) {
    (
        header.map(String::from).to_vec(),
        rows.iter().map(|r| r.map(String::from).to_vec()).collect(),
    )
}

/// Reads a long table with columns respondent, stakeholder, dimension and
/// rating (header `rater, who, dim, value`) from string literals.
fn read_plain_long(rows: &[[&str; 4]], dims: &[Dimension]) -> Result<Import, StakeholderError> {
    let (header, rows) = table(["rater", "who", "dim", "value"], rows);
    read_long(&header, &rows, &plain_long_layout(), dims, None)
}

/// Settings with one custom model `name`: capability + resources + power,
/// equal weights.
fn with_influence_model(name: &str) -> StakeholderSettings {
    StakeholderSettings {
        custom: vec![influence_model(name)],
        ..StakeholderSettings::default()
    }
}

/// A custom model `name`: capability + resources + power, equal weights.
fn influence_model(name: &str) -> CustomModel {
    CustomModel {
        name: s(name),
        terms: ["capability", "resources", "power"]
            .map(|d| WeightedDimension {
                dimension: s(d),
                weight: 1.0,
                reversed: false,
            })
            .to_vec(),
        ..CustomModel::default()
    }
}

/// The long layout of a table with columns respondent, stakeholder,
/// dimension, rating and no group.
fn plain_long_layout() -> LongLayout {
    LongLayout {
        respondent: 0,
        stakeholder: 1,
        dimension: 2,
        rating: 3,
        group: None,
    }
}

#[test]
fn example_imports_cleanly_and_reports_the_partial_respondent() -> Result<(), StakeholderError> {
    let (import, agg) = example(Lang::En)?;
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    assert_eq!(import.data.stakeholders.len(), 8);
    assert_eq!(import.data.respondents.len(), 5);
    assert!(agg.unrated.is_empty());
    let gaps = import.data.gaps();
    assert_eq!(
        gaps,
        vec![StakeholderError::PartialRespondent {
            respondent: s("R5"),
            stakeholder: s("Medical insurance bureau"),
            row: 3,
            dimensions: EXAMPLE_DIMENSIONS.map(String::from).to_vec(),
        }],
        "one line for R5 and the bureau, with every dimension"
    );
    assert!(gaps.first().map(ToString::to_string).is_some_and(|m| {
        m.starts_with(
        "respondent `R5` did not rate `Medical insurance bureau` (row 3) on `interest`, `cognition`"
    )
    }));
    Ok(())
}

#[test]
fn example_roles_match_the_tianchang_study() -> Result<(), StakeholderError> {
    let (_, agg) = example(Lang::Zh)?;
    let roles: Vec<Role> = four_dim_1_to_5()
        .classify(&agg.ratings)?
        .iter()
        .map(|r| r.role)
        .collect();
    use Role::*;
    // health bureau driving force; other departments neutral; insurance bureau
    // (not in the study) driving force; hospitals, township centres, both
    // staff groups … as in the study; patients supporters.
    assert_eq!(
        roles,
        vec![
            DrivingForce,
            Neutral,
            DrivingForce,
            Supporter,
            Supporter,
            Supporter,
            Neutral,
            Supporter
        ]
    );
    assert_eq!(
        agg.ratings.stakeholders().first().map(|x| x.name.as_str()),
        Some("卫生健康局")
    );
    Ok(())
}

#[test]
fn example_runs_every_model() -> Result<(), StakeholderError> {
    let (_, agg) = example(Lang::En)?;
    let r = &agg.ratings;
    let f = PolicyMakerModel::default().feasibility(r)?;
    assert_eq!(f.players.len(), 8);
    assert!(f.supporters > f.opponents);
    let grid = MendelowModel::default().classify(r)?;
    assert_eq!(
        grid.first().map(|g| g.quadrant),
        Some(Quadrant::ManageClosely)
    );
    let sal = SalienceModel::default().classify(r)?;
    assert_eq!(
        sal.first().map(|x| x.class),
        Some(SalienceClass::Definitive)
    );
    let custom = influence_model("influence");
    let scores = custom.score(r)?;
    assert_eq!(scores.first().map(|c| c.rank), Some(1));
    let recs = recommend(r, grid.iter().map(|g| (g.stakeholder, g.quadrant.key())));
    assert_eq!(recs.len(), 8);
    assert!(recs.iter().all(|x| !x.render(Lang::Zh).contains('{')));
    Ok(())
}

#[test]
fn raters_agree_strongly_on_the_example_and_disagree_most_on_patients()
-> Result<(), StakeholderError> {
    let (import, agg) = example(Lang::En)?;
    let w = import.data.kendall_w("capability")?;
    assert_eq!(w.excluded, vec![s("R5")]);
    assert_eq!(w.raters.len(), 4);
    assert_eq!(w.df, 7);
    assert!(w.w > 0.7 && w.p_value < 0.01, "{w:?}");
    let d = disagreement(&agg, &DisagreementSettings::default());
    assert_eq!(d.first().map(|x| x.stakeholder), Some(7));
    assert!(d.first().is_some_and(|x| x.flagged));
    Ok(())
}

/// R's `friedman.test(RoundingTimes)` (the example of ?friedman.test):
/// Friedman chi-squared = 11.143, df = 2, p-value = 0.003805. Friedman's
/// tie-corrected statistic equals m(n − 1)W, so W = 11.143 / 44.
#[test]
fn kendall_w_reproduces_r_friedman_test_on_rounding_times() -> Result<(), StakeholderError> {
    let times: [[f64; 3]; 22] = [
        [5.40, 5.50, 5.55],
        [5.85, 5.70, 5.75],
        [5.20, 5.60, 5.50],
        [5.55, 5.50, 5.40],
        [5.90, 5.85, 5.70],
        [5.45, 5.55, 5.60],
        [5.40, 5.40, 5.35],
        [5.45, 5.50, 5.35],
        [5.25, 5.15, 5.00],
        [5.85, 5.80, 5.70],
        [5.25, 5.20, 5.10],
        [5.65, 5.55, 5.45],
        [5.60, 5.35, 5.45],
        [5.05, 5.00, 4.95],
        [5.50, 5.50, 5.40],
        [5.45, 5.55, 5.50],
        [5.55, 5.55, 5.35],
        [5.45, 5.50, 5.55],
        [5.50, 5.45, 5.25],
        [5.65, 5.60, 5.40],
        [5.70, 5.65, 5.55],
        [6.30, 6.30, 6.25],
    ];
    let mut d = RaterData {
        stakeholders: ["Round Out", "Narrow Angle", "Wide Angle"]
            .map(|n| Stakeholder::new(n, ""))
            .to_vec(),
        dimensions: vec![Dimension::new("time", Scale::new(0.0, 10.0)?)],
        respondents: (1..=22).map(|i| format!("player {i}")).collect(),
        ratings: Vec::new(),
    };
    for (r, row) in times.iter().enumerate() {
        for (o, &v) in row.iter().enumerate() {
            d.ratings.push(Rating {
                respondent: r,
                stakeholder: o,
                dimension: 0,
                value: v,
                row: r + 1,
            });
        }
    }
    let k = d.kendall_w("time")?;
    assert!(
        (k.chi_square - 11.143).abs() < REFERENCE_TOL,
        "chi-square {} (R: 11.143)",
        k.chi_square
    );
    assert!(
        (k.p_value - 0.003805).abs() < 1e-6,
        "p {} (R: 0.003805)",
        k.p_value
    );
    assert_eq!(k.df, 2);
    Ok(())
}

#[test]
fn bad_cells_are_reported_with_row_column_and_nothing_else_is_lost() -> Result<(), StakeholderError>
{
    let (header, rows) = table(
        ["name", "group", "power", "interest"],
        &[
            ["Health bureau", "gov", "5", "4"],
            ["Hospitals", "prov", "six", "3"],
            ["Patients", "public", "9", "5"],
            ["health bureau", "gov", "1", "1"],
            ["Residents", "public", "", ""],
        ],
    );
    let layout = WideLayout {
        name: 0,
        group: Some(1),
        notes: None,
        respondent: None,
        dimensions: vec![(2, s("power")), (3, s("interest"))],
    };
    let dims = vec![
        Dimension::new("power", Scale::likert(5)?),
        Dimension::new("interest", Scale::likert(5)?),
    ];
    let import = read_wide(&header, &rows, &layout, &dims)?;
    assert_eq!(
        import.problems,
        vec![
            StakeholderError::NotNumeric {
                row: 2,
                column: s("power"),
                stakeholder: s("Hospitals"),
                dimension: s("power"),
                value: s("six"),
            },
            StakeholderError::OutOfScale(Box::new(OutOfScale {
                row: Some(3),
                column: Some(s("power")),
                respondent: None,
                stakeholder: s("Patients"),
                dimension: s("power"),
                value: 9.0,
                min: 1.0,
                max: 5.0,
            })),
            StakeholderError::DuplicateStakeholder {
                name: s("health bureau"),
                first_row: 1,
                row: 4,
            },
        ]
    );
    assert_eq!(
        import.problems.get(1).map(ToString::to_string),
        Some(s(
            "row 3, column `power`: stakeholder `Patients`, dimension `power`: 9 is outside the scale 1..5"
        ))
    );
    // The good cells of the bad rows are kept.
    assert_eq!(import.data.stakeholders.len(), 4);
    assert_eq!(import.data.ratings.len(), 2 + 1 + 1);
    let agg = import.data.aggregate(Aggregation::Median)?;
    assert_eq!(
        agg.unrated,
        vec![StakeholderError::NoRatings {
            stakeholder: s("Residents"),
            row: 4,
        }]
    );
    // A model that needs the missing cell says which.
    let e = MendelowModel::default().classify(&agg.ratings);
    assert_eq!(
        e,
        Err(StakeholderError::Missing {
            stakeholder: s("Hospitals"),
            dimension: s("power")
        })
    );
    Ok(())
}

#[test]
fn long_form_reports_unknown_dimensions_and_double_ratings() -> Result<(), StakeholderError> {
    let (header, rows) = table(
        ["who", "stakeholder", "dim", "value"],
        &[
            ["A", "X", "power", "3"],
            ["A", "X", "power", "4"],
            ["A", "X", "color", "2"],
            ["A", "", "power", "2"],
        ],
    );
    let layout = plain_long_layout();
    let import = read_long(
        &header,
        &rows,
        &layout,
        &[Dimension::new("power", Scale::likert(5)?)],
        None,
    )?;
    assert_eq!(
        import.problems,
        vec![
            StakeholderError::DuplicateRating {
                respondent: s("A"),
                stakeholder: s("X"),
                dimension: s("power"),
                first_row: 1,
                row: 2
            },
            StakeholderError::UnknownDimension {
                dimension: s("color")
            },
            StakeholderError::EmptyName { row: 4 },
        ]
    );
    let bad_layout = LongLayout {
        rating: 9,
        ..layout
    };
    assert_eq!(
        read_long(&header, &rows, &bad_layout, &[], None).map(|_| ()),
        Err(StakeholderError::ColumnOutOfRange {
            column: 9,
            width: 4
        })
    );
    Ok(())
}

#[test]
fn sensitivity_is_deterministic_and_full_without_spread() -> Result<(), StakeholderError> {
    let (_, agg) = example(Lang::En)?;
    let m = MendelowModel::default();
    let settings = SensitivitySettings {
        spread: 0.2,
        draws: 300,
        seed: 42,
    };
    let a = sensitivity(&m, &agg.ratings, &settings)?;
    let b = sensitivity(&m, &agg.ratings, &settings)?;
    assert_eq!(a, b);
    assert!(a.iter().all(|x| (0.0..=100.0).contains(&x.class_stability)));
    assert!(
        a.iter().any(|x| x.class_stability < 100.0),
        "±20 % moves somebody"
    );
    let zero = sensitivity(
        &m,
        &agg.ratings,
        &SensitivitySettings {
            spread: 0.0,
            ..settings
        },
    )?;
    assert!(
        zero.iter()
            .all(|x| x.class_stability == 100.0 && x.alternatives.is_empty())
    );
    let custom = CustomModel {
        terms: ["power", "interest"]
            .map(|d| WeightedDimension {
                dimension: s(d),
                weight: 1.0,
                reversed: false,
            })
            .to_vec(),
        ..CustomModel::default()
    };
    let c = sensitivity(&custom, &agg.ratings, &settings)?;
    assert!(
        c.iter()
            .all(|x| x.rank.is_some()
                && x.rank_stability.is_some_and(|p| (0.0..=100.0).contains(&p)))
    );
    Ok(())
}

#[test]
fn settings_round_trip_through_json() -> Result<(), serde_json::Error> {
    let mut st = StakeholderSettings::default();
    st.four_dim.rules.role[1][2] = Role::Supporter;
    st.mendelow.power_cut = Some(3.5);
    let json = serde_json::to_string(&st)?;
    let back: StakeholderSettings = serde_json::from_str(&json)?;
    assert_eq!(back, st);
    Ok(())
}

#[test]
fn chi_square_sf_is_a_decreasing_probability() {
    let mut last = 1.0;
    for i in 0..200 {
        let p = chi_square_sf(f64::from(i) * 0.25, 5.0);
        assert!((0.0..=1.0).contains(&p) && p <= last + EXACT_TOL);
        last = p;
    }
}

fn ratings_strategy() -> impl Strategy<Value = Ratings> {
    (1usize..12).prop_flat_map(|n| {
        proptest::collection::vec(proptest::collection::vec(1.0f64..=5.0, 4), n).prop_map(|rows| {
            let dims = ["power", "interest", "legitimacy", "urgency"]
                .map(|d| {
                    Dimension::new(d, Scale::likert(5).unwrap_or_else(|_| Scale::three_level()))
                })
                .to_vec();
            let names = (0..rows.len())
                .map(|i| Stakeholder::new(format!("S{i}"), ""))
                .collect();
            let values = rows
                .into_iter()
                .map(|r| r.into_iter().map(Some).collect())
                .collect();
            Ratings::new(names, dims, values).unwrap_or_else(|_| unreachable_ratings())
        })
    })
}

fn unreachable_ratings() -> Ratings {
    Ratings::new(Vec::new(), Vec::new(), Vec::new()).unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn custom_scores_stay_within_0_to_100_and_ranks_within_1_to_n(
        r in ratings_strategy(),
        w in proptest::collection::vec(0.01f64..10.0, 4),
        rev in proptest::collection::vec(any::<bool>(), 4),
    ) {
        let terms = ["power", "interest", "legitimacy", "urgency"]
            .iter()
            .zip(w)
            .zip(rev)
            .map(|((d, weight), reversed)| WeightedDimension { dimension: s(d), weight, reversed })
            .collect();
        let m = CustomModel { terms, ..CustomModel::default() };
        let out = m.score(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(out.len(), r.len());
        for c in &out {
            prop_assert!((0.0..=100.0).contains(&c.score));
            prop_assert!(c.rank >= 1 && c.rank <= r.len());
        }
        prop_assert!(out.iter().any(|c| c.rank == 1));
    }

    #[test]
    fn every_stakeholder_gets_exactly_one_class_in_every_model(r in ratings_strategy(), cut in 1.0f64..5.0) {
        let grid = MendelowModel { power_cut: Some(cut), ..MendelowModel::default() }
            .classify(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(grid.len(), r.len());
        let four = FourDimModel {
            interest: s("interest"),
            cognition: s("legitimacy"),
            capability: s("power"),
            resources: s("urgency"),
            rules: FourDimRules::default(),
        }
        .classify(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(four.len(), r.len());
        for x in &four {
            prop_assert!((0.0..=1.0).contains(&x.influence_score) && (-1.0..=1.0).contains(&x.position));
        }
        let sal = SalienceModel { thresholds: [Some(cut); 3], ..SalienceModel::default() }
            .classify(&r).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(sal.len(), r.len());
        for x in &sal {
            prop_assert_eq!(x.class.attributes(), (x.power, x.legitimacy, x.urgency));
        }
    }

    #[test]
    fn kendall_w_lies_in_unit_interval_and_ignores_rater_order(
        m in proptest::collection::vec(proptest::collection::vec(1u8..=5, 6), 2..6),
    ) {
        let build = |rows: &[Vec<u8>]| {
            let mut d = RaterData {
                stakeholders: (0..6).map(|i| Stakeholder::new(format!("S{i}"), "")).collect(),
                dimensions: vec![Dimension::new("x", Scale::likert(5).unwrap_or_else(|_| Scale::three_level()))],
                respondents: (0..rows.len()).map(|i| format!("R{i}")).collect(),
                ratings: Vec::new(),
            };
            for (r, row) in rows.iter().enumerate() {
                for (o, &v) in row.iter().enumerate() {
                    d.ratings.push(Rating { respondent: r, stakeholder: o, dimension: 0, value: f64::from(v), row: 0 });
                }
            }
            d
        };
        let a = build(&m).kendall_w("x");
        let mut rev = m.clone();
        rev.reverse();
        let b = build(&rev).kendall_w("x");
        match (a, b) {
            (Ok(a), Ok(b)) => {
                prop_assert!((0.0..=1.0).contains(&a.w));
                prop_assert!((a.w - b.w).abs() < EXACT_TOL);
                prop_assert!((0.0..=1.0).contains(&a.p_value));
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "order changed the outcome"),
        }
    }
}

#[test]
fn results_table_of_the_example_has_every_model_in_chinese() -> Result<(), StakeholderError> {
    let (_, agg) = example(Lang::Zh)?;
    let settings = with_influence_model("综合影响力");
    let table = results_table(&agg.ratings, &settings, Lang::Zh);
    // The example rates every dimension the models need: none is skipped.
    assert!(table.skipped.is_empty(), "{:?}", table.skipped);
    assert!(table.header.iter().any(|h| h == "Schmeer 领导力"));
    assert_eq!(table.rows.len(), 8);
    assert!(table.rows.iter().all(|r| r.len() == table.header.len()));
    let csv = table.to_csv();
    assert!(
        csv.contains("主要推动力量")
            && csv.contains("重点管理")
            && csv.contains("综合影响力: 排名")
    );
    if std::env::var_os("POLICYLENS_PRINT").is_some() {
        println!("{csv}");
    }
    Ok(())
}

#[test]
fn wide_table_with_a_respondent_column_aggregates_several_raters() -> Result<(), StakeholderError> {
    let (header, rows) = table(
        ["rater", "name", "power"],
        &[
            ["r1", "A", "高"],
            ["r2", "A", "moderate"],
            ["r3", "A", "high"],
            ["r1", "B", "low"],
            ["r2", "B", "low"],
            ["r1", "A", "low"],
        ],
    );
    let layout = WideLayout {
        name: 1,
        respondent: Some(0),
        dimensions: vec![(2, s("power"))],
        ..WideLayout::default()
    };
    let import = read_wide(
        &header,
        &rows,
        &layout,
        &[Dimension::new("power", Scale::three_level())],
    )?;
    assert_eq!(
        import.problems,
        vec![StakeholderError::DuplicateRating {
            respondent: s("r1"),
            stakeholder: s("A"),
            dimension: s("power"),
            first_row: 1,
            row: 6
        }]
    );
    let mean = import.data.aggregate(Aggregation::Mean)?;
    let median = import.data.aggregate(Aggregation::Median)?;
    assert!((mean.ratings.get(0, 0).unwrap_or(0.0) - 8.0 / 3.0).abs() < EXACT_TOL);
    assert_eq!(median.ratings.get(0, 0), Some(3.0));
    let spread = mean
        .spread
        .first()
        .and_then(|r| r.first())
        .copied()
        .flatten();
    assert_eq!(
        spread.map(|x| (x.n, x.min, x.max, x.iqr)),
        Some((3, 2.0, 3.0, 0.5))
    );
    assert_eq!(
        import.data.gaps(),
        vec![StakeholderError::PartialRespondent {
            respondent: s("r3"),
            stakeholder: s("B"),
            row: 2,
            dimensions: vec![s("power")],
        }]
    );
    Ok(())
}

/// Friedman's statistic with the tie correction, written from its own
/// textbook formula (Conover 1999): χ²_F = (12/(m n (n+1)) Σ R_i² − 3 m (n+1)) / (1 − Σ T / (m (n³ − n))).
fn friedman(matrix: &[Vec<u8>]) -> Option<f64> {
    let m = matrix.len() as f64;
    let n = matrix.first()?.len();
    let nf = n as f64;
    let mut sums = vec![0.0; n];
    let mut ties = 0.0;
    for row in matrix {
        for (i, &v) in row.iter().enumerate() {
            let below = row.iter().filter(|&&x| x < v).count() as f64;
            let equal = row.iter().filter(|&&x| x == v).count() as f64;
            sums[i] += below + (equal + 1.0) / 2.0;
        }
        let mut seen: Vec<u8> = Vec::new();
        for &v in row {
            if !seen.contains(&v) {
                seen.push(v);
                let t = row.iter().filter(|&&x| x == v).count() as f64;
                ties += t * t * t - t;
            }
        }
    }
    let num = 12.0 / (m * nf * (nf + 1.0)) * sums.iter().map(|r| r * r).sum::<f64>()
        - 3.0 * m * (nf + 1.0);
    let den = 1.0 - ties / (m * (nf * nf * nf - nf));
    (den > 1e-12).then(|| num / den)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn kendall_chi_square_equals_friedmans_tie_corrected_statistic(
        n in 2usize..8,
        rows in proptest::collection::vec(proptest::collection::vec(1u8..=4, 8), 2..7),
    ) {
        let matrix: Vec<Vec<u8>> = rows.iter().map(|r| r[..n].to_vec()).collect();
        let mut d = RaterData {
            stakeholders: (0..n).map(|i| Stakeholder::new(format!("S{i}"), "")).collect(),
            dimensions: vec![Dimension::new("x", Scale::likert(4).map_err(|e| TestCaseError::fail(e.to_string()))?)],
            ..RaterData::default()
        };
        for (ri, row) in matrix.iter().enumerate() {
            let r = d.respondent_index(&format!("R{ri}"));
            for (s, &v) in row.iter().enumerate() {
                d.set_rating(r, s, 0, Some(f64::from(v))).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
        }
        match (d.kendall_w("x"), friedman(&matrix)) {
            (Ok(k), Some(f)) => prop_assert!((k.chi_square - f).abs() < 1e-9 * f.abs().max(1.0), "{} vs {}", k.chi_square, f),
            (Err(StakeholderError::NoVariation { .. }), None) => {}
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a, b),
        }
    }

    #[test]
    fn stability_shares_add_up_to_one_hundred(spread in 0.0f64..0.5, seed in any::<u64>()) {
        let (_, agg) = example(Lang::En).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let settings = SensitivitySettings { spread, draws: 50, seed };
        let st = sensitivity(&SalienceModel::default(), &agg.ratings, &settings)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for x in &st {
            let total = x.class_stability + x.alternatives.iter().map(|a| a.1).sum::<f64>();
            prop_assert!((total - 100.0).abs() < 1e-9);
        }
    }
}

/// The bundled file is the generated example (one source of truth); run
/// with `POLICYLENS_WRITE_EXAMPLE=1` to rewrite it after changing the
/// profiles in `src/analysis/stakeholder/example.rs`.
#[test]
fn the_bundled_rating_table_is_the_generated_example_in_long_form() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/examples/stakeholder_ratings_illustrative.csv"
    );
    if std::env::var_os("POLICYLENS_WRITE_EXAMPLE").is_some() {
        std::fs::write(path, example_csv()).expect("the example is written");
    }
    let bundled = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(bundled, example_csv());
}

/// The bundled CSV read as the page reads it (long form, English name
/// column), with the custom model the browser test builds: the classes the
/// browser test checks, computed natively, several by hand in comments.
#[test]
fn the_bundled_csv_gives_the_classes_the_browser_test_checks() -> Result<(), StakeholderError> {
    let csv = example_csv();
    let mut lines = csv
        .lines()
        .map(|l| l.split(',').map(String::from).collect::<Vec<_>>());
    let header = lines.next().unwrap_or_default();
    let rows: Vec<Vec<String>> = lines.collect();
    let layout = LongLayout {
        respondent: 0,
        stakeholder: 1,
        group: Some(3),
        dimension: 4,
        rating: 5,
    };
    let import = read_long(&header, &rows, &layout, &example_dimensions(), None)?;
    assert!(import.problems.is_empty());
    assert_eq!(import.data.ratings.len(), 39 * 11);
    let agg = import.data.aggregate(Aggregation::Mean)?;
    let settings = with_influence_model("Influence");
    let table = results_table(&agg.ratings, &settings, Lang::En);
    assert!(table.skipped.is_empty(), "{:?}", table.skipped);
    if std::env::var_os("POLICYLENS_PRINT").is_some() {
        println!("{}", table.to_csv());
        for d in EXAMPLE_DIMENSIONS {
            if let Ok(k) = import.data.kendall_w(d) {
                println!(
                    "{d}: W {:.3} chi2 {:.2} df {} p {:.4} raters {}",
                    k.w,
                    k.chi_square,
                    k.df,
                    k.p_value,
                    k.raters.len()
                );
            }
        }
    }
    let col = |h: &str| table.header.iter().position(|x| x == h);
    let cell = |row: usize, h: &str| {
        col(h)
            .and_then(|c| table.rows.get(row).and_then(|r| r.get(c)))
            .cloned()
            .unwrap_or_default()
    };
    // Health bureau: means 4.8 (5,5,4,5,5) on the four dimensions → high
    // influence, support, driving force; position 6 × power 6.8 = 40.8;
    // knowledge 2.8 → high; power index ((1 + 2·3.8/4) + 2.8) / 2 = 2.85 →
    // high; leadership 0.8 ≥ 0.5 → yes; influence (0.95 + 0.95 + 5.8/6) / 3.
    assert_eq!(cell(0, "role"), "driving force");
    assert_eq!(cell(0, "feasibility contribution"), "40.8");
    assert_eq!(cell(0, "salience class"), "definitive");
    assert_eq!(cell(0, "Schmeer knowledge"), "high");
    assert_eq!(cell(0, "Schmeer power index"), "2.85");
    assert_eq!(cell(0, "Schmeer leadership"), "yes");
    assert_eq!(cell(0, "Influence: score"), "95.556");
    // Other departments: position 0 → non-mobilized, 5 × 6 = 30.
    assert_eq!(cell(1, "PolicyMaker position"), "non-mobilized");
    assert_eq!(cell(1, "feasibility contribution"), "30");
    assert_eq!(cell(1, "Schmeer position"), "neutral");
    // Medical insurance bureau: 4 raters; power 6 ≥ 4, legitimacy 4.75 ≥ 3,
    // urgency 2.75 < 3 → dominant.
    assert_eq!(cell(2, "salience class"), "dominant");
    assert_eq!(cell(2, "Schmeer power index"), "2.875");
    // Primary-care staff: position −1 → low opposition, 1 × 2 = 2; Schmeer
    // band of −1 on −7…+7 is (6/14)·5 = 2.14 → neutral.
    assert_eq!(cell(6, "PolicyMaker position"), "low opposition");
    assert_eq!(cell(6, "power–interest quadrant"), "monitor");
    assert_eq!(cell(6, "Schmeer position"), "neutral");
    assert_eq!(cell(6, "Influence: rank"), "8");
    Ok(())
}

#[test]
fn long_names_differing_only_in_case_or_spaces_are_merged_and_listed()
-> Result<(), StakeholderError> {
    let import = read_plain_long(
        &[
            ["R1", "County hospitals", "power", "2"],
            ["R1", "Patients", "power", "3"],
            ["r1 ", "county  Hospitals", "Power", "4"],
            ["R2", " Patients ", "power", "1"],
            ["R2", "PATIENTS", "power ", "5"],
            ["R 2", "County hospitals", "po wer", "1"],
        ],
        &[Dimension::new("power", Scale::likert(5)?)],
    )?;
    assert_eq!(
        import
            .data
            .stakeholders
            .iter()
            .map(|x| x.name.as_str())
            .collect::<Vec<_>>(),
        ["County hospitals", "Patients"]
    );
    assert_eq!(import.data.respondents, [s("R1"), s("R2")]);
    // Merged names meet in one key: R1 rated County hospitals twice (rows 1
    // and 3), R2 rated Patients twice (rows 4 and 5).
    assert_eq!(import.problems.len(), 2, "{:?}", import.problems);
    let merged = |kind, spelling: &str| {
        import
            .merged
            .iter()
            .find(|m| m.kind == kind && m.spelling == spelling)
            .map(|m| (m.kept.clone(), m.kept_row, m.rows.clone()))
    };
    for (kind, spelling, kept, kept_row, row) in [
        (
            NameKind::Stakeholder,
            "county  Hospitals",
            "County hospitals",
            1,
            3,
        ),
        (NameKind::Stakeholder, "PATIENTS", "Patients", 2, 5),
        (NameKind::Respondent, "r1", "R1", 1, 3),
        (NameKind::Respondent, "R 2", "R2", 4, 6),
        (NameKind::Dimension, "Power", "power", 1, 3),
        (NameKind::Dimension, "po wer", "power", 1, 6),
    ] {
        assert_eq!(
            merged(kind, spelling),
            Some((s(kept), Some(kept_row), vec![row])),
            "{spelling}"
        );
    }
    // Leading and trailing spaces alone are trimmed silently.
    assert_eq!(import.merged.len(), 6, "{:?}", import.merged);
    assert_eq!(
        import.merged.first().map(ToString::to_string),
        Some(s(
            "stakeholder `county  Hospitals` (row 3) was read as `County hospitals` (first in row 1): the names differ only in case or spaces"
        ))
    );
    Ok(())
}

#[test]
fn merged_rows_are_listed_as_ranges() {
    assert_eq!(row_list(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
    assert_eq!(row_list(&[]), "");
}

#[test]
fn the_bundled_example_merges_no_names() -> Result<(), StakeholderError> {
    for lang in [Lang::En, Lang::Zh] {
        let (import, _) = example(lang)?;
        assert!(import.merged.is_empty(), "{:?}", import.merged);
    }
    Ok(())
}

#[test]
fn a_respondent_gets_one_gap_per_stakeholder_left_out_listing_the_dimensions()
-> Result<(), StakeholderError> {
    let dims = [
        Dimension::new("x", Scale::new(1.0, 3.0)?),
        Dimension::new("y", Scale::new(1.0, 3.0)?),
    ];
    let import = read_plain_long(
        &[
            ["R1", "A", "x", "1"],
            ["R1", "A", "y", "2"],
            ["R1", "B", "x", "3"],
            ["R1", "B", "y", "1"],
            ["R1", "C", "x", "2"],
            ["R1", "C", "y", "3"],
            ["R2", "A", "x", "2"],
            ["R2", "A", "y", "2"],
            ["R2", "B", "x", "1"],
        ],
        &dims,
    )?;
    assert_eq!(
        import.data.gaps(),
        vec![
            StakeholderError::PartialRespondent {
                respondent: s("R2"),
                stakeholder: s("B"),
                row: 2,
                dimensions: vec![s("y")],
            },
            StakeholderError::PartialRespondent {
                respondent: s("R2"),
                stakeholder: s("C"),
                row: 3,
                dimensions: vec![s("x"), s("y")],
            },
        ]
    );
    Ok(())
}
