//! State and actions of the fsQCA section: calibration, necessity, truth
//! table, minimization settings. Every choice lives in
//! [`AppState::project`]; results are derived from it in the components.

use super::AppState;
use crate::analysis::calibrate::CrossoverCases;
use crate::analysis::minimize::{DirectionalExpectations, Expectation};
use crate::analysis::project::CalibrationSetting;
use crate::analysis::truth_table::Out;

/// What can happen in the fsQCA section.
#[derive(Debug, Clone, PartialEq)]
pub enum FsqcaAction {
    /// Choose the outcome set (`None`: none). A condition of that name is
    /// removed from the conditions.
    SetOutcome(Option<String>),
    /// Add (`true`) or remove a condition; directional expectations are
    /// kept per condition.
    SetCondition(String, bool),
    /// Replace (or add) the calibration whose target is `setting.target`.
    SetCalibration(CalibrationSetting),
    /// Use the column as it is ("already calibrated"): remove the
    /// calibration whose target is this name (and, when no column of the
    /// table has that name, the outcome or condition naming the set).
    RemoveCalibration(String),
    /// `incl.cut` (checked by the truth table, which says what is wrong).
    SetInclCut(f64),
    /// The second inclusion cut (`None`: a single cut).
    SetInclCut0(Option<f64>),
    /// `n.cut`.
    SetNCut(usize),
    /// `pri.cut`.
    SetPriCut(f64),
    /// List every row, remainders included (R `complete = TRUE`).
    SetComplete(bool),
    /// Analyse the negated outcome.
    SetNegateOutcome(bool),
    /// Exclude (`true`) or keep a row (1-based row number).
    SetExcluded(u64, bool),
    /// Set OUT of a row by hand (`None`: back to the computed value).
    SetOut(u64, Option<Out>),
    /// Directional expectation of condition `index` (into the conditions).
    SetExpectation(usize, Expectation),
    /// Treat contradictions as don't-cares (`include = "C"`).
    SetIncludeContradictions(bool),
    /// The choice for the cases at exactly 0.5 of a set used as it is
    /// ("already calibrated").
    SetCrossoverAsIs(String, CrossoverCases),
    /// The conditions the Venn diagram draws when there are too many to
    /// draw them all (names).
    SetVennConditions(Vec<String>),
    /// A table was loaded whose columns are these: forget the outcome,
    /// conditions and calibrations that name other columns.
    KeepColumns(Vec<String>),
}

/// The expectation of every condition, read from the project's
/// directional expectations (single-literal terms; any other term is
/// ignored here).
pub fn expectation_vector(dir: &DirectionalExpectations, k: usize) -> Vec<Expectation> {
    let mut v = vec![Expectation::Either; k];
    for term in dir.terms() {
        if let [(j, present)] = term.as_slice()
            && let Some(slot) = v.get_mut(*j)
        {
            *slot = if *present {
                Expectation::Present
            } else {
                Expectation::Absent
            };
        }
    }
    v
}

/// Applies an action to the state (pure: no effects).
pub(super) fn reduce(state: &mut AppState, action: FsqcaAction) {
    let qca = &mut state.project.qca;
    match action {
        FsqcaAction::SetOutcome(name) => {
            if let Some(n) = &name {
                remove_condition(state, n);
            }
            state.project.qca.outcome = name;
            clear_row_choices(state);
        }
        FsqcaAction::SetCondition(name, on) => {
            if on {
                if !qca.conditions.contains(&name) && qca.outcome.as_ref() != Some(&name) {
                    let k = qca.conditions.len();
                    let mut v = expectation_vector(&qca.minimize.directional_expectations, k);
                    qca.conditions.push(name);
                    v.push(Expectation::Either);
                    qca.minimize.directional_expectations =
                        DirectionalExpectations::from_vector(&v);
                }
            } else {
                remove_condition(state, &name);
            }
            clear_row_choices(state);
        }
        FsqcaAction::SetCalibration(setting) => {
            let cals = &mut state.project.calibrations;
            match cals.iter_mut().find(|c| c.target == setting.target) {
                Some(c) => *c = setting,
                None => cals.push(setting),
            }
        }
        FsqcaAction::RemoveCalibration(target) => {
            state.project.calibrations.retain(|c| c.target != target);
            // A calibrated set named unlike any column of the table (from a
            // project file) is gone: the outcome or condition naming it
            // would leave a project that does not open again.
            let is_column = state
                .loaded
                .as_ref()
                .is_none_or(|l| l.imported.dataset.column_index(&target).is_some());
            if !is_column {
                if state.project.qca.outcome.as_ref() == Some(&target) {
                    state.project.qca.outcome = None;
                }
                if state.project.qca.conditions.contains(&target) {
                    remove_condition(state, &target);
                    clear_row_choices(state);
                }
            }
        }
        FsqcaAction::SetInclCut(v) if v.is_finite() => qca.truth_table.incl_cut = v,
        FsqcaAction::SetInclCut0(v) if v.is_none_or(f64::is_finite) => {
            qca.truth_table.incl_cut0 = v;
        }
        FsqcaAction::SetNCut(v) => qca.truth_table.n_cut = v,
        FsqcaAction::SetPriCut(v) if v.is_finite() => qca.truth_table.pri_cut = v,
        // Not a number: ignored (a project file cannot hold it).
        FsqcaAction::SetInclCut(_) | FsqcaAction::SetInclCut0(_) | FsqcaAction::SetPriCut(_) => {}
        FsqcaAction::SetComplete(v) => qca.truth_table.complete = v,
        FsqcaAction::SetNegateOutcome(v) => {
            qca.truth_table.negate_outcome = v;
            qca.truth_table.set_out.clear();
        }
        FsqcaAction::SetExcluded(row, on) => {
            if on {
                qca.truth_table.exclude.insert(row);
            } else {
                qca.truth_table.exclude.remove(&row);
            }
        }
        FsqcaAction::SetOut(row, out) => match out {
            Some(o) => {
                qca.truth_table.set_out.insert(row, o);
            }
            None => {
                qca.truth_table.set_out.remove(&row);
            }
        },
        FsqcaAction::SetExpectation(index, e) => {
            let k = qca.conditions.len();
            let mut v = expectation_vector(&qca.minimize.directional_expectations, k);
            if let Some(slot) = v.get_mut(index) {
                *slot = e;
            }
            qca.minimize.directional_expectations = DirectionalExpectations::from_vector(&v);
        }
        FsqcaAction::SetIncludeContradictions(v) => qca.minimize.include_contradictions = v,
        FsqcaAction::SetCrossoverAsIs(name, choice) => {
            // Only the departures from R's default are recorded.
            if choice == CrossoverCases::default() {
                qca.crossover_as_is.remove(&name);
            } else {
                qca.crossover_as_is.insert(name, choice);
            }
        }
        FsqcaAction::SetVennConditions(names) => qca.venn_conditions = names,
        FsqcaAction::KeepColumns(columns) => {
            let known = |n: &String| columns.contains(n);
            state.project.calibrations.retain(|c| known(&c.source));
            state
                .project
                .qca
                .crossover_as_is
                .retain(|n, _| columns.contains(n));
            let targets: Vec<String> = state
                .project
                .calibrations
                .iter()
                .map(|c| c.target.clone())
                .collect();
            let known = |n: &String| columns.contains(n) || targets.contains(n);
            state.project.qca.venn_conditions.retain(known);
            if state
                .project
                .qca
                .outcome
                .as_ref()
                .is_some_and(|o| !known(o))
            {
                state.project.qca.outcome = None;
            }
            let gone: Vec<String> = state
                .project
                .qca
                .conditions
                .iter()
                .filter(|c| !known(c))
                .cloned()
                .collect();
            if !gone.is_empty() {
                for c in &gone {
                    remove_condition(state, c);
                }
                clear_row_choices(state);
            }
        }
    }
}

/// Removes a condition and its expectation (the others keep theirs).
fn remove_condition(state: &mut AppState, name: &str) {
    let qca = &mut state.project.qca;
    if let Some(i) = qca.conditions.iter().position(|c| c == name) {
        let k = qca.conditions.len();
        let mut v = expectation_vector(&qca.minimize.directional_expectations, k);
        v.remove(i);
        qca.conditions.remove(i);
        qca.minimize.directional_expectations = DirectionalExpectations::from_vector(&v);
    }
}

/// Row exclusions and hand-set OUT values refer to row numbers, which
/// change meaning with the conditions: forget them.
fn clear_row_choices(state: &mut AppState) {
    let tt = &mut state.project.qca.truth_table;
    tt.exclude.clear();
    tt.set_out.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(actions: &[FsqcaAction]) -> AppState {
        let mut s = AppState::default();
        for a in actions {
            reduce(&mut s, a.clone());
        }
        s
    }

    #[test]
    fn expectations_follow_their_condition_when_another_is_removed() {
        let s = with(&[
            FsqcaAction::SetCondition("A".into(), true),
            FsqcaAction::SetCondition("B".into(), true),
            FsqcaAction::SetExpectation(1, Expectation::Absent),
            FsqcaAction::SetCondition("A".into(), false),
        ]);
        let q = &s.project.qca;
        assert_eq!(q.conditions, vec!["B".to_string()]);
        assert_eq!(
            expectation_vector(&q.minimize.directional_expectations, 1),
            vec![Expectation::Absent]
        );
    }

    #[test]
    fn loading_another_table_forgets_the_sets_it_does_not_have() {
        let s = with(&[
            FsqcaAction::SetCondition("A".into(), true),
            FsqcaAction::SetCondition("B".into(), true),
            FsqcaAction::SetOutcome(Some("Y".into())),
            FsqcaAction::KeepColumns(vec!["B".into(), "Z".into()]),
        ]);
        assert_eq!(s.project.qca.conditions, vec!["B".to_string()]);
        assert_eq!(s.project.qca.outcome, None);
    }

    #[test]
    fn choosing_a_condition_as_outcome_removes_it_from_the_conditions() {
        let s = with(&[
            FsqcaAction::SetCondition("A".into(), true),
            FsqcaAction::SetOutcome(Some("A".into())),
        ]);
        assert!(s.project.qca.conditions.is_empty());
        assert_eq!(s.project.qca.outcome.as_deref(), Some("A"));
    }
}
