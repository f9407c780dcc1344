//! Native tests of the reducers: imports, projects, the fsQCA and
//! Stakeholders sections, keeping and sharing work; and a property test
//! that random action sequences leave a project that reopens from its file.

use std::rc::Rc;

use proptest::prelude::*;

use super::fsqca::FsqcaAction;
use super::persist::{PersistAction, PersistMessage, SavedOrigin};
use super::stakeholders::{StakeholderAction, StakeholderField};
use super::*;
use crate::analysis::calibrate::{Anchors, Calibration, CrossoverCases};
use crate::analysis::data::{ImportOptions, import};
use crate::analysis::minimize::Expectation;
use crate::analysis::project::CalibrationSetting;
use crate::analysis::truth_table::Out;

fn lipset() -> Imported {
    match import("LF.csv", Example::Lipset.bytes(), &ImportOptions::default()) {
        Ok(imported) => imported,
        Err(e) => panic!("the bundled example does not import: {e}"),
    }
}

fn table(imported: Imported) -> Table {
    let summaries = Shared::new(imported.dataset.summaries());
    Table {
        case_column: Some(0),
        imported: Shared::new(imported),
        summaries,
    }
}

fn input() -> Shared<RawInput> {
    Shared::new(RawInput {
        origin: Origin::Example(Example::Lipset),
        bytes: Example::Lipset.bytes().to_vec(),
    })
}

fn run(state: AppState, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions.into_iter().fold(Rc::new(state), AppState::apply)
}

fn started(job: u64) -> Action {
    Action::ImportStarted {
        job,
        input: Some(input()),
        choices: ImportChoices::default(),
    }
}

fn imported(job: u64) -> Action {
    Action::Imported {
        job,
        input: input(),
        result: Ok(table(lipset())),
    }
}

/// A state with the Lipset table loaded.
fn loaded_state() -> Rc<AppState> {
    run(AppState::default(), [started(1), imported(1)])
}

fn logistic(e: f64, c: f64, i: f64) -> Calibration {
    match Anchors::new(e, c, i) {
        Ok(anchors) => Calibration::Logistic { anchors, idm: 0.95 },
        Err(err) => panic!("bad anchors: {err}"),
    }
}

fn calibration(source: &str, target: &str) -> CalibrationSetting {
    CalibrationSetting {
        source: source.into(),
        target: target.into(),
        method: logistic(0.2, 0.5, 0.8),
        crossover_cases: CrossoverCases::default(),
    }
}

fn fs(a: FsqcaAction) -> Action {
    Action::Fsqca(a)
}

fn sh(a: StakeholderAction) -> Action {
    Action::Stakeholder(a)
}

fn pa(a: PersistAction) -> Action {
    Action::Persist(a)
}

/// The project's file round trip: what a saved project reopens as.
fn reopened(state: &AppState) -> Result<Project, String> {
    let saved = state.to_saved_project();
    let text = saved.to_file_json().map_err(|e| e.to_string())?;
    Project::from_file_json(&text).map_err(|e| format!("{e} in {:?}", saved.qca))
}

// Imports

#[test]
fn an_import_that_finishes_is_loaded_with_its_case_column() {
    let s = loaded_state();
    let loaded = s.loaded.as_ref().expect("loaded");
    assert_eq!(loaded.origin, Origin::Example(Example::Lipset));
    assert_eq!(loaded.case_column, Some(0));
    assert_eq!(s.status, ImportStatus::Idle);
}

#[test]
fn progress_and_results_of_a_superseded_import_are_ignored() {
    let before = run(AppState::default(), [started(1), started(2)]);
    for stale in [
        imported(1),
        Action::ImportProgressed {
            job: 1,
            fraction: 0.5,
        },
        Action::InputRead {
            job: 1,
            input: input(),
        },
    ] {
        let after = AppState::apply(Rc::clone(&before), stale);
        assert!(
            Rc::ptr_eq(&before, &after),
            "a stale action changed the state"
        );
    }
    let s = AppState::apply(before, imported(2));
    assert!(s.loaded.is_some());
}

#[test]
fn a_cancelled_import_delivers_nothing() {
    let s = run(
        AppState::default(),
        [started(1), Action::ImportCancelled { job: 2 }, imported(1)],
    );
    assert!(s.loaded.is_none());
    assert_eq!(s.status, ImportStatus::Idle);
}

#[test]
fn a_failed_import_keeps_the_table_loaded_before_and_says_why() {
    let s = run(
        (*loaded_state()).clone(),
        [
            started(2),
            Action::Imported {
                job: 2,
                input: input(),
                result: Err(ImportFailure::Data(DataError::NoRows)),
            },
        ],
    );
    assert!(s.loaded.is_some());
    assert_eq!(s.error, Some(ImportFailure::Data(DataError::NoRows)));
    let s = AppState::apply(s, Action::DismissError);
    assert_eq!(s.error, None);
}

#[test]
fn a_file_still_being_read_shows_reading_then_parsing() {
    let s = run(
        AppState::default(),
        [Action::ImportStarted {
            job: 1,
            input: None,
            choices: ImportChoices::default(),
        }],
    );
    assert_eq!(s.status, ImportStatus::Reading);
    let s = AppState::apply(
        s,
        Action::InputRead {
            job: 1,
            input: input(),
        },
    );
    assert_eq!(s.status, ImportStatus::Parsing(0.0));
}

#[test]
fn sections_read_back_from_their_fragments() {
    for section in Section::ALL {
        assert_eq!(Section::from_fragment(section.fragment()), Some(section));
        let hashed = format!("#{}", section.fragment());
        assert_eq!(Section::from_fragment(&hashed), Some(section));
    }
    assert_eq!(Section::from_fragment("#nowhere"), None);
}

#[test]
fn every_example_imports_and_names_an_existing_case_column() {
    for example in Example::ALL {
        let imported = import(
            example.file_name(),
            example.bytes(),
            &ImportOptions::default(),
        )
        .expect("example imports");
        let origin = Origin::Example(example);
        let guessed = guess_case_column(&origin, &imported);
        assert_eq!(
            guessed,
            imported.dataset.column_index(example.case_column()),
            "{example:?}"
        );
        assert!(guessed.is_some(), "{example:?}");
    }
}

// Projects: load, new, rename

fn project_with_settings() -> Project {
    let mut s = (*loaded_state()).clone();
    s.lang = Lang::ZhHans;
    let s = run(
        s,
        [
            fs(FsqcaAction::SetOutcome(Some("SURV".into()))),
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            fs(FsqcaAction::SetCondition("URB".into(), true)),
            fs(FsqcaAction::SetCalibration(calibration("DEV", "DEV"))),
            sh(StakeholderAction::Add),
            pa(PersistAction::Rename("Lipset study".into())),
        ],
    );
    s.to_saved_project()
}

#[test]
fn loading_a_project_replaces_the_state_and_bumps_the_generation() {
    let project = project_with_settings();
    let before = run(
        AppState::default(),
        [
            started(1),
            Action::Imported {
                job: 1,
                input: input(),
                result: Err(ImportFailure::Read),
            },
            pa(PersistAction::Link(Some("#p=abc".into()))),
        ],
    );
    let generation = before.persist.generation;
    let s = AppState::apply(
        before,
        pa(PersistAction::Load {
            id: "p1".into(),
            project: Box::new(project.clone()),
            origin: SavedOrigin::Example("LF.csv".into()),
        }),
    );
    assert_eq!(s.persist.generation, generation + 1);
    assert_eq!(s.persist.current, "p1");
    assert_eq!(s.lang, Lang::ZhHans);
    assert_eq!(s.error, None);
    assert_eq!(s.persist.link, None);
    assert!(s.project.data.is_none(), "the table lives in `loaded` only");
    let loaded = s.loaded.as_ref().expect("table restored");
    assert_eq!(loaded.origin, Origin::Example(Example::Lipset));
    assert_eq!(loaded.input.bytes, Example::Lipset.bytes());
    assert_eq!(s.to_saved_project(), project);
}

#[test]
fn a_project_from_a_file_keeps_its_table_without_bytes() {
    let project = project_with_settings();
    let s = run(
        AppState::default(),
        [pa(PersistAction::Load {
            id: "p1".into(),
            project: Box::new(project),
            origin: SavedOrigin::Other,
        })],
    );
    let loaded = s.loaded.as_ref().expect("table restored");
    assert_eq!(
        loaded.origin,
        Origin::File(loaded.imported.dataset.name.clone())
    );
    assert!(loaded.input.bytes.is_empty());
}

#[test]
fn new_clears_the_project_and_the_table_and_bumps_the_generation() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            pa(PersistAction::Rename("x".into())),
            pa(PersistAction::New { id: "p2".into() }),
        ],
    );
    assert_eq!(s.project, Project::default());
    assert!(s.loaded.is_none() && s.input.is_none());
    assert_eq!(s.persist.current, "p2");
    assert_eq!(s.persist.generation, 1);
}

#[test]
fn adopt_keeps_the_table_the_user_loaded_meanwhile() {
    let s = AppState::apply(loaded_state(), pa(PersistAction::Adopt { id: "p3".into() }));
    assert!(s.loaded.is_some());
    assert_eq!(s.persist.current, "p3");
    assert_eq!(s.persist.generation, 0);
}

#[test]
fn rename_names_the_project_and_an_unnamed_project_saves_under_its_tables_name() {
    let s = loaded_state();
    let table_name = s
        .loaded
        .as_ref()
        .expect("loaded")
        .imported
        .dataset
        .name
        .clone();
    assert_eq!(s.to_saved_settings().name, table_name);
    let s = AppState::apply(s, pa(PersistAction::Rename("Mine".into())));
    assert_eq!(s.project.name, "Mine");
    assert_eq!(s.to_saved_settings().name, "Mine");
}

#[test]
fn messages_lists_and_links_are_shown_and_hidden() {
    let s = run(
        AppState::default(),
        [
            pa(PersistAction::Say(PersistMessage::LinkOpened)),
            pa(PersistAction::ToggleList),
            pa(PersistAction::Ready),
            pa(PersistAction::Link(Some("#p=1".into()))),
        ],
    );
    assert_eq!(s.persist.message, Some(PersistMessage::LinkOpened));
    assert!(s.persist.list_open && s.persist.ready);
    assert_eq!(s.persist.link.as_deref(), Some("#p=1"));
    let s = run(
        (*s).clone(),
        [pa(PersistAction::Dismiss), pa(PersistAction::ToggleList)],
    );
    assert_eq!(s.persist.message, None);
    assert!(!s.persist.list_open);
}

#[test]
fn a_saved_project_records_the_interface_language_and_the_case_column() {
    let s = run(
        (*loaded_state()).clone(),
        [Action::SetLang(Lang::ZhHans), Action::SetCaseColumn(None)],
    );
    let p = s.to_saved_project();
    assert_eq!(p.language.as_deref(), Some("zh-Hans"));
    assert_eq!(p.data.as_ref().and_then(|d| d.case_column), None);
}

// fsQCA

#[test]
fn a_condition_cannot_also_be_the_outcome() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetOutcome(Some("SURV".into()))),
            fs(FsqcaAction::SetCondition("SURV".into(), true)),
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
        ],
    );
    assert_eq!(s.project.qca.conditions, vec!["DEV".to_string()]);
}

#[test]
fn changing_the_conditions_forgets_row_exclusions_and_hand_set_outs() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            fs(FsqcaAction::SetExcluded(2, true)),
            fs(FsqcaAction::SetOut(3, Some(Out::One))),
        ],
    );
    assert!(s.project.qca.truth_table.exclude.contains(&2));
    assert_eq!(s.project.qca.truth_table.set_out.get(&3), Some(&Out::One));
    let s = AppState::apply(s, fs(FsqcaAction::SetCondition("URB".into(), true)));
    assert!(s.project.qca.truth_table.exclude.is_empty());
    assert!(s.project.qca.truth_table.set_out.is_empty());
}

#[test]
fn negating_the_outcome_forgets_hand_set_outs_and_exclusions_toggle() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetOut(1, Some(Out::Zero))),
            fs(FsqcaAction::SetExcluded(4, true)),
            fs(FsqcaAction::SetExcluded(4, false)),
            fs(FsqcaAction::SetNegateOutcome(true)),
        ],
    );
    let tt = &s.project.qca.truth_table;
    assert!(tt.negate_outcome && tt.set_out.is_empty() && tt.exclude.is_empty());
}

#[test]
fn a_calibration_is_replaced_by_target_and_removed_by_target() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCalibration(calibration("DEV", "DEV"))),
            fs(FsqcaAction::SetCalibration(CalibrationSetting {
                method: logistic(0.1, 0.4, 0.9),
                ..calibration("DEV", "DEV")
            })),
        ],
    );
    assert_eq!(s.project.calibrations.len(), 1);
    assert_eq!(s.project.calibrations[0].method, logistic(0.1, 0.4, 0.9));
    let s = AppState::apply(s, fs(FsqcaAction::RemoveCalibration("DEV".into())));
    assert!(s.project.calibrations.is_empty());
}

#[test]
fn a_table_without_a_column_drops_its_calibration_and_its_sets() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCalibration(calibration("DEV", "DEV"))),
            fs(FsqcaAction::SetCalibration(calibration("URB", "URB"))),
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            fs(FsqcaAction::SetCondition("URB".into(), true)),
            fs(FsqcaAction::SetOutcome(Some("SURV".into()))),
            fs(FsqcaAction::KeepColumns(vec!["URB".into(), "SURV".into()])),
        ],
    );
    let targets: Vec<&str> = s
        .project
        .calibrations
        .iter()
        .map(|c| c.target.as_str())
        .collect();
    assert_eq!(targets, ["URB"]);
    assert_eq!(s.project.qca.conditions, vec!["URB".to_string()]);
    assert_eq!(s.project.qca.outcome.as_deref(), Some("SURV"));
}

#[test]
fn expectations_of_out_of_range_conditions_are_ignored() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCondition("DEV".into(), true)),
            fs(FsqcaAction::SetExpectation(5, Expectation::Present)),
            fs(FsqcaAction::SetExpectation(0, Expectation::Present)),
        ],
    );
    assert_eq!(
        super::fsqca::expectation_vector(&s.project.qca.minimize.directional_expectations, 1),
        vec![Expectation::Present]
    );
    assert!(reopened(&s).is_ok());
}

// Stakeholders

#[test]
fn adding_stakeholders_sets_the_standard_dimensions_and_fresh_names() {
    let s = run(
        AppState::default(),
        [
            sh(StakeholderAction::Add),
            sh(StakeholderAction::Edit {
                index: 0,
                field: StakeholderField::Name,
                value: "Stakeholder 2".into(),
            }),
            sh(StakeholderAction::Add),
        ],
    );
    let r = &s.project.stakeholder.ratings;
    assert!(!r.dimensions.is_empty());
    let names: Vec<&str> = r.stakeholders.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert_ne!(names[0], names[1]);
}

#[test]
fn a_stakeholder_cannot_be_renamed_to_another_ones_name_or_to_nothing() {
    let s = run(
        AppState::default(),
        [sh(StakeholderAction::Add), sh(StakeholderAction::Add)],
    );
    let before = s.project.stakeholder.ratings.clone();
    for bad in ["Stakeholder 1", "  "] {
        let s = AppState::apply(
            Rc::clone(&s),
            sh(StakeholderAction::Edit {
                index: 1,
                field: StakeholderField::Name,
                value: bad.into(),
            }),
        );
        assert_eq!(s.project.stakeholder.ratings, before, "{bad:?}");
    }
}

#[test]
fn moving_and_removing_stakeholders_keeps_their_ratings_with_them() {
    let rate = |respondent: &str, stakeholder, value| {
        sh(StakeholderAction::SetRating {
            respondent: respondent.into(),
            stakeholder,
            dimension: 0,
            value: Some(value),
        })
    };
    let s = run(
        AppState::default(),
        [
            sh(StakeholderAction::Add),
            sh(StakeholderAction::Add),
            sh(StakeholderAction::Add),
            rate("r", 0, 1.0),
            rate("r", 1, 2.0),
            rate("r", 2, 3.0),
            sh(StakeholderAction::Move { from: 0, to: 2 }),
            sh(StakeholderAction::Remove(0)),
            sh(StakeholderAction::Move { from: 9, to: 0 }),
            sh(StakeholderAction::Remove(9)),
        ],
    );
    let r = &s.project.stakeholder.ratings;
    let by_name: Vec<(String, f64)> = r
        .ratings
        .iter()
        .map(|x| (r.stakeholders[x.stakeholder].name.clone(), x.value))
        .collect();
    assert_eq!(r.stakeholders.len(), 2);
    assert!(by_name.contains(&("Stakeholder 1".into(), 1.0)));
    assert!(by_name.contains(&("Stakeholder 3".into(), 3.0)));
    assert_eq!(by_name.len(), 2);
}

#[test]
fn a_rating_outside_the_scale_or_for_no_stakeholder_is_refused() {
    let s = run(AppState::default(), [sh(StakeholderAction::Add)]);
    let before = s.project.stakeholder.ratings.clone();
    for (stakeholder, dimension, value) in [(0, 0, 1e9), (5, 0, 1.0), (0, 99, 1.0)] {
        let s = AppState::apply(
            Rc::clone(&s),
            sh(StakeholderAction::SetRating {
                respondent: "r".into(),
                stakeholder,
                dimension,
                value: Some(value),
            }),
        );
        assert_eq!(s.project.stakeholder.ratings, before);
    }
}

#[test]
fn removing_a_dimension_drops_its_ratings_and_keeps_the_others() {
    let s = run(
        AppState::default(),
        [
            sh(StakeholderAction::Add),
            sh(StakeholderAction::SetRating {
                respondent: "r".into(),
                stakeholder: 0,
                dimension: 0,
                value: Some(1.0),
            }),
            sh(StakeholderAction::SetRating {
                respondent: "r".into(),
                stakeholder: 0,
                dimension: 1,
                value: Some(2.0),
            }),
        ],
    );
    let second = s.project.stakeholder.ratings.dimensions[1].name.clone();
    let s = AppState::apply(s, sh(StakeholderAction::RemoveDimension(0)));
    let r = &s.project.stakeholder.ratings;
    assert_eq!(r.ratings.len(), 1);
    assert_eq!(r.dimensions[r.ratings[0].dimension].name, second);
    assert_eq!(r.ratings[0].value, 2.0);
    let s = AppState::apply(s, sh(StakeholderAction::Clear));
    assert_eq!(s.project.stakeholder.ratings, Default::default());
}

// Random sequences

fn set_name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "case", "DEV", "URB", "LIT", "IND", "STB", "SURV", "DEV_fz", "Zed",
    ])
    .prop_map(str::to_owned)
}

fn numeric_column() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["DEV", "URB", "LIT", "IND", "STB", "SURV"]).prop_map(str::to_owned)
}

fn fsqca_action() -> impl Strategy<Value = FsqcaAction> {
    prop_oneof![
        prop::option::of(set_name()).prop_map(FsqcaAction::SetOutcome),
        (set_name(), any::<bool>()).prop_map(|(n, on)| FsqcaAction::SetCondition(n, on)),
        (
            numeric_column(),
            any::<bool>(),
            0.0..0.3,
            0.35..0.6,
            0.65..1.0
        )
            .prop_map(|(source, fresh, e, c, i)| {
                let target = if fresh {
                    format!("{source}_fz")
                } else {
                    source.clone()
                };
                FsqcaAction::SetCalibration(CalibrationSetting {
                    method: logistic(e, c, i),
                    ..calibration(&source, &target)
                })
            }),
        set_name().prop_map(FsqcaAction::RemoveCalibration),
        (0.5..1.0f64).prop_map(FsqcaAction::SetInclCut),
        prop::sample::select(vec![f64::NAN, f64::INFINITY, -1.0, 2.0])
            .prop_map(FsqcaAction::SetInclCut),
        prop::option::of(0.0..0.5f64).prop_map(FsqcaAction::SetInclCut0),
        (0usize..4).prop_map(FsqcaAction::SetNCut),
        (0.0..1.0f64).prop_map(FsqcaAction::SetPriCut),
        any::<bool>().prop_map(FsqcaAction::SetComplete),
        any::<bool>().prop_map(FsqcaAction::SetNegateOutcome),
        (1u64..40, any::<bool>()).prop_map(|(r, on)| FsqcaAction::SetExcluded(r, on)),
        (
            1u64..40,
            prop::option::of(prop::sample::select(vec![Out::One, Out::Zero]))
        )
            .prop_map(|(r, o)| FsqcaAction::SetOut(r, o)),
        (
            0usize..6,
            prop::sample::select(vec![
                Expectation::Present,
                Expectation::Absent,
                Expectation::Either
            ])
        )
            .prop_map(|(i, e)| FsqcaAction::SetExpectation(i, e)),
        any::<bool>().prop_map(FsqcaAction::SetIncludeContradictions),
        prop::collection::vec(set_name(), 0..7).prop_map(FsqcaAction::KeepColumns),
    ]
}

fn stakeholder_action() -> impl Strategy<Value = StakeholderAction> {
    prop_oneof![
        Just(StakeholderAction::Add),
        (0usize..5, "[A-C ]{0,3}").prop_map(|(index, value)| StakeholderAction::Edit {
            index,
            field: StakeholderField::Name,
            value,
        }),
        (0usize..5, "[a-z]{0,3}").prop_map(|(index, value)| StakeholderAction::Edit {
            index,
            field: StakeholderField::Group,
            value,
        }),
        (0usize..5, 0usize..5).prop_map(|(from, to)| StakeholderAction::Move { from, to }),
        (0usize..5).prop_map(StakeholderAction::Remove),
        ("[rs]", 0usize..5, 0usize..4, prop::option::of(-8.0..8.0f64)).prop_map(
            |(respondent, stakeholder, dimension, value)| {
                StakeholderAction::SetRating {
                    respondent,
                    stakeholder,
                    dimension,
                    value,
                }
            }
        ),
        (0usize..4).prop_map(StakeholderAction::RemoveDimension),
        Just(StakeholderAction::Clear),
    ]
}

fn persist_action() -> impl Strategy<Value = PersistAction> {
    prop_oneof![
        Just(PersistAction::New { id: "new".into() }),
        Just(PersistAction::Load {
            id: "lipset".into(),
            project: Box::new(project_with_settings()),
            origin: SavedOrigin::Example("LF.csv".into()),
        }),
        Just(PersistAction::Say(PersistMessage::CopyByHand)),
        Just(PersistAction::Dismiss),
        Just(PersistAction::ToggleList),
        Just(PersistAction::Link(Some("#p=x".into()))),
        Just(PersistAction::WaitForData(None)),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => fsqca_action().prop_map(Action::Fsqca),
        3 => stakeholder_action().prop_map(Action::Stakeholder),
        1 => "[a-z ]{0,6}".prop_map(|n| Action::Persist(PersistAction::Rename(n))),
        1 => prop::sample::select(vec![Lang::En, Lang::ZhHans]).prop_map(Action::SetLang),
        1 => prop::option::of(0usize..7).prop_map(Action::SetCaseColumn),
        1 => persist_action().prop_map(Action::Persist),
    ]
}

/// Whether the page offers the action: the outcome and conditions are
/// chosen among the table's columns and the calibrated sets.
fn offered(s: &AppState, action: &Action) -> bool {
    let known = |name: &str| {
        s.project.calibrations.iter().any(|c| c.target == name)
            || s.loaded
                .as_ref()
                .is_some_and(|l| l.imported.dataset.column_index(name).is_some())
    };
    match action {
        Action::Fsqca(FsqcaAction::SetOutcome(Some(name)))
        | Action::Fsqca(FsqcaAction::SetCondition(name, true)) => known(name),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_actions_leave_a_project_that_reopens_from_its_file(
        actions in prop::collection::vec(action(), 0..40)
    ) {
        let mut s = loaded_state();
        for a in actions {
            if !offered(&s, &a) {
                continue;
            }
            s = AppState::apply(s, a);
            let q = &s.project.qca;
            prop_assert!(q.outcome.as_ref().is_none_or(|o| !q.conditions.contains(o)));
            let reopened = reopened(&s);
            prop_assert!(reopened.is_ok(), "{:?}", reopened);
            let saved = s.to_saved_project();
            prop_assert_eq!(reopened.ok(), Some(saved));
            let r = &s.project.stakeholder.ratings;
            let mut names: Vec<&str> = r.stakeholders.iter().map(|x| x.name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            prop_assert_eq!(names.len(), r.stakeholders.len(), "stakeholder names unique");
            prop_assert!(names.iter().all(|n| !n.trim().is_empty()));
        }
    }
}

#[test]
fn removing_a_calibrated_set_in_use_leaves_a_project_that_reopens() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetCalibration(calibration("DEV", "DEV_fz"))),
            fs(FsqcaAction::SetCalibration(calibration("SURV", "SURV_fz"))),
            fs(FsqcaAction::SetCondition("DEV_fz".into(), true)),
            fs(FsqcaAction::SetOutcome(Some("SURV_fz".into()))),
            fs(FsqcaAction::RemoveCalibration("DEV_fz".into())),
            fs(FsqcaAction::RemoveCalibration("SURV_fz".into())),
        ],
    );
    assert_eq!(reopened(&s), Ok(s.to_saved_project()));
}

#[test]
fn cut_offs_that_are_not_numbers_leave_a_project_that_reopens() {
    let s = run(
        (*loaded_state()).clone(),
        [
            fs(FsqcaAction::SetInclCut(f64::INFINITY)),
            fs(FsqcaAction::SetInclCut0(Some(f64::NAN))),
            fs(FsqcaAction::SetPriCut(f64::NEG_INFINITY)),
        ],
    );
    assert_eq!(reopened(&s), Ok(s.to_saved_project()));
    assert_eq!(s.project.qca.truth_table, Default::default());
}
