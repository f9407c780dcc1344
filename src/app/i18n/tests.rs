//! Native tests of the text tables: every key and every translated error
//! variant has English and Chinese text, the Chinese is Chinese, and no
//! placeholder slipped through.

use super::fsqca::{self as fq, FsqcaText};
use super::persist::{self as pt, PersistText};
use super::stakeholders::{self as st, StakeholderText};
use super::*;
use crate::analysis::calibrate::CalibrationError;
use crate::analysis::minimize::MinimizeError;
use crate::analysis::project::{LinkError, ProjectError};
use crate::analysis::stakeholder::{OutOfScale, StakeholderError};
use crate::analysis::truth_table::TruthTableError;
use crate::app::run::{Failure, Step};
use crate::app::state::persist::{PersistMessage, Unreadable};

/// One key of a table with its two texts.
struct Key {
    table: &'static str,
    name: &'static str,
    en: &'static str,
    zh: &'static str,
}

macro_rules! keys {
    ($ty:ident: $($v:ident),* $(,)?) => {
        vec![$({
            let (en, zh) = $ty::$v.pair();
            Key { table: stringify!($ty), name: stringify!($v), en, zh }
        }),*]
    };
}

// The keys of every text table (a key missing here fails
// `the_key_lists_of_these_tests_hold_every_key_of_every_table`).

fn text_keys() -> Vec<Key> {
    keys!(
        Text:
        AppName, Tagline, LanguageLabel, SectionsLabel, SectionData, SectionStakeholders,
        SectionFsqca, SectionReport, PrivacyNote, BringData, OpenFile, FileHint, DropHere,
        DropActive, PasteLabel, PastePlaceholder, UsePasted, ExamplesTitle, ExampleAlliances,
        ExampleAlliancesNote, ExampleStakeholders, ExampleStakeholdersNote, ExampleLipset,
        ExampleLipsetNote, Illustrative, LoadExample, ImportOptions, EncodingLabel, EncodingAuto,
        SheetLabel, Reading, Parsing, ImportProgressLabel, Dismiss, ErrorTitle, KeptPrevious,
        NoDataYet, CaseColumnLabel, CaseColumnNone, ColumnsTitle, PreviewTitle, ColName, ColType,
        ColCount, ColMissing, ColMin, ColMax, ColMean, TypeNumeric, TypeText, RowNumber,
        DetectedEncoding, DetectedDelimiter, DelimiterTab, Sheet, Pasted, ReadFailed,
        SkipToContent, MissingCell, InternalError, Cancel, NoValue, Warnings, PreviewHint,
    )
}

fn fsqca_keys() -> Vec<Key> {
    keys!(
        FsqcaText:
        NeedData, StepSets, Outcome, ChooseOutcome, Conditions, StepCalibrate, ChooseSetsFirst,
        CalibrateHint, DownloadCalibrated, NecessityFor, Set, Csv, NoSuperset, SupersetCaption,
        Expression, SupersetSearch, StepNecessity, NecessityHint, InclCut, InclCut0, NCut,
        PriCut, NegateOutcome, StepTruthTable, Expectations, Either, Present, Absent,
        IncludeContradictions, Cancelled, WorkerFailed, Stale, StepMinimize, Minimize, Cancel,
        TruthTableCaption, Row, Cases, Exclude, Auto, Term, ModelFit, SimplifyingAssumptions,
        Intermediate, ConfigurationChart, Complex, Parsimonious, StepResults, Contradictory,
        Thresholds, Exclusion, Crossover, Inclusion, MethodNone, MethodLogistic, MethodLinear,
        MethodBell, MethodCrisp, MethodIndirect, CalibrationOf, Method, SuggestAnchors, Pct95,
        Pct80, Likert5, Likert7, CalibrationCurve, Membership, Histogram, ShowCharts, HeatMap,
        XyPlot, XyOf, Venn, AnalyseNegated, AnalysePositive, ShowRemainders, Idm, Below, Above,
        Shape, IdmHint, ExponentHint, AtHalfChoice, LeaveOutAtHalf, AddConstantAtHalf,
        AtHalfCases, ConfigChartOf, ConfigNoteIntermediate, ConfigNoteComplex,
        ConfigNoteParsimonious, VennMerged,
    )
}

fn stakeholder_keys() -> Vec<Key> {
    keys!(
        StakeholderText:
        Intro, TableTitle, TableEmpty, AddStakeholder, ClearAll, Name, Group, Notes, Actions,
        MoveUp, MoveDown, Delete, Rater, RaterHint, ConfirmDeleteDimension, ConfirmClear,
        AddDimension, DeleteDimension, NewRater, RatingHint, ImportTitle, ImportHint, NoTable,
        Shape, ShapeWide, ShapeLong, ColumnName, ColumnGroup, ColumnRespondent,
        ColumnStakeholder, ColumnDimension, ColumnRating, NotMapped, DimensionMapping,
        ImportButton, ExtraDimensions, ScaleMin, ScaleMax, Problems, ModelsTitle, Aggregation,
        Mean, Median, FourDimTitle, LowBelow, HighFrom, InfluenceTable, AttitudeTable, RoleTable,
        RowsCols, PolicyMakerTitle, PmPositionHigh, PmPositionMedium, PmPowerHigh, PmPowerMedium,
        PmNonMobilized, CustomLow, CustomHigh, MendelowTitle, PowerCut, InterestCut, Midpoint,
        SalienceTitle, ThresholdPower, ThresholdLegitimacy, ThresholdUrgency, SchmeerTitle,
        PowerHigh, PowerMedium, CustomTitle, CustomName, CustomAdd, CustomDelete, CustomNone,
        Weight, Reversed, Help, Formulas, References, RatersTitle, SpreadTitle, AgreementTitle,
        Dimension, KendallW, ChiSquare, Df, PValue, RatersCount, Disputed, NoDisputes,
        DisputeTop, DisputeMin, SpreadHeader, SensitivityTitle, SensitivityHint, SpreadPercent,
        Draws, Model, ClassStability, RankStability, Class, Alternatives, ChartsTitle,
        RadarChoose, ResultsTitle, DownloadCsv, CopyCsv, Copied, Skipped, ErrorTitle,
        KeptPrevious, NotComputed, Unrated, PartialRaters, MergedNames,
    )
}

fn persist_keys() -> Vec<Key> {
    keys!(
        PersistText:
        BarLabel, ProjectName, Untitled, SavedHere, Saving, SaveFailedStatus, NotSaved, Projects, ProjectsTitle,
        NoProjects, Current, Open, Rename, RenamePrompt, Delete, DeleteConfirm, NewProject,
        SaveFile, OpenFile, CopyLink, LinkLimit, LinkLabel, Dismiss, StorageUnavailable,
        SaveFailed, FileOpened, LinkOpened, CopyByHand, AttachedDifferent, KeptAside,
        ReportTitle, ReportIntro, MakeReport, DownloadR, RIntro, NothingToReport, OfflineNote,
        PreparingReport, ReportFailed, DownloadXlsx, XlsxIntro, XlsxFailed,
    )
}

fn all_keys() -> Vec<Key> {
    let mut all = text_keys();
    all.extend(fsqca_keys());
    all.extend(stakeholder_keys());
    all.extend(persist_keys());
    all
}

/// Chinese text that is rightly without Chinese characters: symbols,
/// abbreviations and names that are the same in both languages.
const NOT_CHINESE_ALLOWED: &[&str] = &[
    "SectionFsqca", // the method's name
    "MissingCell",  // R's NA
    "NoValue",      // a dash
    "Csv",          // the file format
    "KendallW",     // statistics symbols
    "ChiSquare",
    "PValue",
];

/// Text that reads as a placeholder rather than a translation.
const PLACEHOLDERS: &[&str] = &["todo", "xxx", "fixme", "tbd", "lorem", "placeholder text"];

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3400}'..='\u{4dbf}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

fn has_ideograph(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn placeholder_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    PLACEHOLDERS.iter().copied().find(|p| lower.contains(p))
}

/// A `{name}` left unformatted.
fn unfilled_brace(text: &str) -> bool {
    text.split('{').skip(1).any(|rest| {
        rest.split_once('}').is_some_and(|(inside, _)| {
            !inside.is_empty()
                && inside
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':' || c == '?')
        })
    })
}

/// The variant names of `pub enum <name>` in a source file (rustfmt'd:
/// variants are the lines indented by exactly four spaces).
fn variants_in_source(source: &str, name: &str) -> Vec<String> {
    let head = format!("pub enum {name} {{");
    let Some(start) = source.find(&head) else {
        return Vec::new();
    };
    source[start + head.len()..]
        .lines()
        .take_while(|l| *l != "}")
        .filter_map(|l| {
            let rest = l.strip_prefix("    ")?;
            let first = rest.chars().next()?;
            if !first.is_ascii_uppercase() {
                return None;
            }
            Some(
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect(),
            )
        })
        .collect()
}

/// The variant name of a value, from its `Debug` text.
fn variant_of(value: &impl std::fmt::Debug) -> String {
    format!("{value:?}")
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Asserts that `samples` hold every variant of enum `name` in `source`.
fn assert_covers<T: std::fmt::Debug>(source: &str, name: &str, samples: &[T]) {
    let declared = variants_in_source(source, name);
    assert!(!declared.is_empty(), "enum {name} not found in its source");
    let built: Vec<String> = samples.iter().map(variant_of).collect();
    let missing: Vec<&String> = declared.iter().filter(|v| !built.contains(v)).collect();
    assert!(
        missing.is_empty(),
        "the tests build no value of {name}::{missing:?}: add one"
    );
}

/// Checks one message in both languages; `strict`: the Chinese must not
/// just carry the English message (`english_detail`) inside.
fn check_message(what: &str, en: &str, zh: &str, english_detail: Option<&str>) {
    assert!(!en.trim().is_empty(), "{what}: English is empty");
    assert!(!zh.trim().is_empty(), "{what}: Chinese is empty");
    assert_ne!(en, zh, "{what}: the Chinese is the English");
    assert!(
        has_ideograph(zh),
        "{what}: the Chinese has no Chinese: {zh}"
    );
    assert!(!has_cjk(en), "{what}: the English has Chinese: {en}");
    for text in [en, zh] {
        assert!(
            placeholder_in(text).is_none(),
            "{what}: placeholder in {text}"
        );
        assert!(!unfilled_brace(text), "{what}: unfilled braces in {text}");
    }
    if let Some(detail) = english_detail {
        assert!(
            !zh.contains(detail),
            "{what}: the Chinese only wraps the English message: {zh}"
        );
    }
}

fn both(f: impl Fn(Lang) -> String) -> (String, String) {
    (f(Lang::En), f(Lang::ZhHans))
}

#[test]
fn the_key_lists_of_these_tests_hold_every_key_of_every_table() {
    let tables: [(&str, &str, Vec<Key>); 4] = [
        (include_str!("mod.rs"), "Text", text_keys()),
        (include_str!("fsqca.rs"), "FsqcaText", fsqca_keys()),
        (
            include_str!("stakeholders.rs"),
            "StakeholderText",
            stakeholder_keys(),
        ),
        (include_str!("persist.rs"), "PersistText", persist_keys()),
    ];
    for (source, name, keys) in tables {
        let declared = variants_in_source(source, name);
        let listed: Vec<&str> = keys.iter().map(|k| k.name).collect();
        let missing: Vec<&String> = declared
            .iter()
            .filter(|d| !listed.contains(&d.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "add {name}::{missing:?} to the key lists in src/app/i18n/tests.rs"
        );
        assert_eq!(declared.len(), listed.len(), "{name}");
    }
}

#[test]
fn every_key_has_english_and_chinese_text() {
    for k in all_keys() {
        assert!(!k.en.trim().is_empty(), "{}::{} English", k.table, k.name);
        assert!(!k.zh.trim().is_empty(), "{}::{} Chinese", k.table, k.name);
    }
}

#[test]
fn chinese_text_is_written_in_chinese_unless_it_is_a_symbol_or_abbreviation() {
    let wrong: Vec<String> = all_keys()
        .iter()
        .filter(|k| !has_ideograph(k.zh) && !NOT_CHINESE_ALLOWED.contains(&k.name))
        .map(|k| format!("{}::{} = {:?}", k.table, k.name, k.zh))
        .collect();
    assert!(wrong.is_empty(), "Chinese text without Chinese: {wrong:#?}");
}

#[test]
fn the_allow_list_of_text_without_chinese_holds_only_such_text() {
    let keys = all_keys();
    for name in NOT_CHINESE_ALLOWED {
        let k = keys.iter().find(|k| k.name == *name);
        assert!(
            k.is_some_and(|k| !has_ideograph(k.zh)),
            "{name} is allowed without Chinese but has Chinese or does not exist"
        );
    }
}

#[test]
fn english_text_has_no_chinese() {
    let wrong: Vec<String> = all_keys()
        .iter()
        .filter(|k| has_cjk(k.en))
        .map(|k| format!("{}::{} = {:?}", k.table, k.name, k.en))
        .collect();
    assert!(wrong.is_empty(), "English text with Chinese: {wrong:#?}");
}

#[test]
fn no_text_is_a_placeholder_or_has_unfilled_braces() {
    for k in all_keys() {
        for text in [k.en, k.zh] {
            assert!(
                placeholder_in(text).is_none(),
                "{}::{}: placeholder in {text:?}",
                k.table,
                k.name
            );
            assert!(
                !unfilled_brace(text),
                "{}::{}: unfilled braces in {text:?}",
                k.table,
                k.name
            );
        }
    }
}

#[test]
fn a_chinese_text_equal_to_its_english_is_on_the_allow_list() {
    let wrong: Vec<String> = all_keys()
        .iter()
        .filter(|k| k.en == k.zh && !NOT_CHINESE_ALLOWED.contains(&k.name))
        .map(|k| format!("{}::{}", k.table, k.name))
        .collect();
    assert!(wrong.is_empty(), "untranslated: {wrong:?}");
}

#[test]
fn languages_read_back_from_their_codes_and_browser_tags() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code("zh"), None);
    assert_eq!(Lang::from_browser_tag("zh-CN"), Lang::ZhHans);
    assert_eq!(Lang::from_browser_tag("ZH-tw"), Lang::ZhHans);
    assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_browser_tag(""), Lang::En);
}

fn data_errors() -> Vec<DataError> {
    vec![
        DataError::Empty,
        DataError::NoRows,
        DataError::DuplicateColumnName {
            name: "x".into(),
            first: 1,
            second: 3,
        },
        DataError::EmptyColumnName { column: 2 },
        DataError::RaggedRow {
            line: 4,
            expected: 3,
            found: 5,
        },
        DataError::Binary { offset: 17 },
        DataError::Undecodable {
            encoding: "UTF-8".into(),
            offset: 9,
        },
        DataError::UnknownEncoding {
            label: "klingon".into(),
        },
        DataError::TooLarge {
            bytes: 70_000_000,
            limit: 50_000_000,
        },
        DataError::UnreadableWorkbook {
            format: "xlsx".into(),
            message: "bad zip".into(),
        },
        DataError::MissingSheet {
            name: "S2".into(),
            available: vec!["S1".into()],
        },
        DataError::EmptySheet { sheet: "S1".into() },
        DataError::Parse {
            line: 3,
            message: "bad quote".into(),
        },
        DataError::UnknownColumn { name: "x".into() },
        DataError::ColumnOutOfRange {
            index: 7,
            columns: 3,
        },
        DataError::NotNumeric {
            column: "x".into(),
            row: 2,
            value: "abc".into(),
        },
    ]
}

fn import_warnings() -> Vec<ImportWarning> {
    vec![
        ImportWarning::EmptyRowsSkipped {
            count: 2,
            first_line: 5,
        },
        ImportWarning::EmptyColumnsDropped {
            columns: vec![2, 4],
        },
        ImportWarning::ErrorCells {
            column: "x".into(),
            count: 3,
            first_row: 2,
        },
        ImportWarning::DatesAsText { column: "x".into() },
    ]
}

fn calibration_errors() -> Vec<CalibrationError> {
    vec![
        CalibrationError::NotFinite {
            name: "crossover",
            value: f64::NAN,
        },
        CalibrationError::Unordered {
            exclusion: 3.0,
            crossover: 2.0,
            inclusion: 4.0,
        },
        CalibrationError::BellUnordered {
            e1: 1.0,
            c1: 2.0,
            i1: 3.0,
            i2: 2.5,
            c2: 5.0,
            e2: 6.0,
        },
        CalibrationError::InvalidIdm { idm: 0.4 },
        CalibrationError::InvalidExponent {
            name: "below",
            value: -1.0,
        },
        CalibrationError::NoThresholds,
        CalibrationError::ThresholdOutsideRange {
            threshold: 9.0,
            min: 0.0,
            max: 5.0,
        },
        CalibrationError::NoData,
        CalibrationError::NegativeValue {
            row: 3,
            value: -2.0,
        },
        CalibrationError::RegressionFailed { reason: "singular" },
        CalibrationError::InvalidPercentile { p: 1.5 },
    ]
}

fn truth_table_errors() -> Vec<TruthTableError> {
    vec![
        TruthTableError::NoConditions,
        TruthTableError::TooManyConditions { count: 40, max: 30 },
        TruthTableError::CompleteTooLarge { count: 20, max: 16 },
        TruthTableError::DuplicateCondition { name: "A".into() },
        TruthTableError::NamesMismatch {
            names: 2,
            columns: 3,
        },
        TruthTableError::LengthMismatch {
            column: "A".into(),
            found: 3,
            expected: 4,
        },
        TruthTableError::MissingValue {
            column: "A".into(),
            row: 2,
        },
        TruthTableError::NotCalibrated {
            column: "A".into(),
            row: 2,
            value: 7.0,
        },
        TruthTableError::InvalidCut {
            name: "incl.cut",
            value: 1.5,
        },
        TruthTableError::NoConfigurations { n_cut: 3 },
    ]
}

fn project_errors() -> Vec<ProjectError> {
    vec![
        ProjectError::Syntax {
            line: 2,
            column: 5,
            message: "expected value".into(),
        },
        ProjectError::NotAProject,
        ProjectError::MissingVersion,
        ProjectError::NewerVersion {
            found: 9,
            supported: 2,
        },
        ProjectError::Shape {
            line: Some(3),
            column: Some(1),
            message: "missing field `qca`".into(),
        },
        ProjectError::Migration {
            from: 1,
            source: MinimizeError::ExpectationCount {
                expected: 2,
                found: 3,
            },
        },
        ProjectError::EmptyColumnName { column: 2 },
        ProjectError::DuplicateColumn { name: "A".into() },
        ProjectError::ColumnLength {
            column: "A".into(),
            found: 3,
            expected: 4,
        },
        ProjectError::CaseColumnOutOfRange {
            index: 5,
            columns: 3,
        },
        ProjectError::UnknownSet {
            setting: "condition",
            name: "A".into(),
        },
        ProjectError::NotNumeric {
            target: "A".into(),
            source_column: "A".into(),
        },
        ProjectError::EmptySetName {
            setting: "condition",
        },
        ProjectError::DuplicateSet {
            setting: "condition",
            name: "A".into(),
        },
        ProjectError::OutcomeIsCondition { name: "A".into() },
        ProjectError::Calibration {
            target: "A".into(),
            source: CalibrationError::NoThresholds,
        },
        ProjectError::ExpectationOutOfRange {
            index: 3,
            conditions: 2,
        },
        ProjectError::RatingOutOfRange {
            index: 0,
            what: "dimension",
        },
        ProjectError::NoData,
        ProjectError::Incomplete { what: "outcome" },
        ProjectError::Data(DataError::NoRows),
        ProjectError::TruthTable(TruthTableError::NoConditions),
    ]
}

fn link_errors() -> Vec<LinkError> {
    vec![
        LinkError::Empty,
        LinkError::TooLong {
            length: 90_000,
            limit: 60_000,
        },
        LinkError::UnknownPrefix,
        LinkError::InvalidCharacter {
            position: 12,
            character: '!',
        },
        LinkError::Truncated,
        LinkError::Corrupt,
        LinkError::TooLarge { limit: 1_000_000 },
        LinkError::NotText,
        LinkError::KindMismatch,
        LinkError::Project(ProjectError::NotAProject),
    ]
}

fn stakeholder_errors() -> Vec<StakeholderError> {
    vec![
        StakeholderError::EmptyName { row: 2 },
        StakeholderError::DuplicateStakeholder {
            name: "MoH".into(),
            first_row: 2,
            row: 5,
        },
        StakeholderError::DuplicateDimension {
            name: "power".into(),
        },
        StakeholderError::InvalidScale {
            dimension: "power".into(),
            min: 5.0,
            max: 1.0,
        },
        StakeholderError::UnknownDimension {
            dimension: "zeal".into(),
        },
        StakeholderError::UnknownStakeholder {
            stakeholder: "MoF".into(),
            row: 3,
        },
        StakeholderError::ColumnOutOfRange {
            column: 9,
            width: 4,
        },
        StakeholderError::NotNumeric {
            row: 2,
            column: "power".into(),
            stakeholder: "MoH".into(),
            dimension: "power".into(),
            value: "high".into(),
        },
        StakeholderError::OutOfScale(Box::new(OutOfScale {
            row: Some(2),
            column: Some("power".into()),
            respondent: Some("r1".into()),
            stakeholder: "MoH".into(),
            dimension: "power".into(),
            value: 9.0,
            min: 1.0,
            max: 7.0,
        })),
        StakeholderError::DuplicateRating {
            respondent: "r1".into(),
            stakeholder: "MoH".into(),
            dimension: "power".into(),
            first_row: 2,
            row: 4,
        },
        StakeholderError::PartialRespondent {
            respondent: "r1".into(),
            stakeholder: "MoH".into(),
            row: 2,
            dimensions: vec!["power".into(), "interest".into()],
        },
        StakeholderError::DuplicateCustomModel {
            name: "mine".into(),
            model: 1,
        },
        StakeholderError::Missing {
            stakeholder: "MoH".into(),
            dimension: "power".into(),
        },
        StakeholderError::NoRatings {
            stakeholder: "MoH".into(),
            row: 2,
        },
        StakeholderError::ShapeMismatch {
            stakeholder: "MoH".into(),
            expected: 4,
            got: 3,
        },
        StakeholderError::InvalidSetting {
            setting: "four_dim.low_below".into(),
            value: 2.0,
            rule: "must lie in [0, 1]",
        },
        StakeholderError::TooFewForAgreement {
            dimension: "power".into(),
            raters: 1,
            stakeholders: 3,
        },
        StakeholderError::NoVariation {
            dimension: "power".into(),
        },
        StakeholderError::NoStakeholders,
    ]
}

fn failures() -> Vec<Failure> {
    vec![
        Failure::NothingToExplain,
        Failure::Tautology,
        Failure::TooManyConditions { k: 40, max: 30 },
        Failure::TooLarge,
        Failure::Other("x".into()),
    ]
}

fn unreadables() -> Vec<Unreadable> {
    vec![
        Unreadable::Index {
            key: "index.damaged".into(),
        },
        Unreadable::NewerIndex { found: 9 },
        Unreadable::Missing {
            name: "Project 1".into(),
        },
        Unreadable::Project {
            name: "Project 1".into(),
            error: ProjectError::NotAProject,
        },
    ]
}

fn persist_messages() -> Vec<PersistMessage> {
    let mut all = vec![
        PersistMessage::StorageUnavailable("SecurityError".into()),
        PersistMessage::SaveFailed("QuotaExceededError".into()),
        PersistMessage::FileRejected {
            file: "a.policylens.json".into(),
            error: ProjectError::NotAProject,
        },
        PersistMessage::FileOpened("a.policylens.json".into()),
        PersistMessage::LinkRejected(LinkError::Corrupt),
        PersistMessage::LinkOpened,
        PersistMessage::LinkAlreadySaved("Project 1".into()),
        PersistMessage::LinkCopied {
            length: 1234,
            settings_only: false,
        },
        PersistMessage::LinkCopied {
            length: 1234,
            settings_only: true,
        },
        PersistMessage::LinkTooLong { length: 90_000 },
        PersistMessage::CopyByHand,
        PersistMessage::AttachRejected(ProjectError::NoData),
        PersistMessage::AttachedDifferent,
    ];
    all.extend(unreadables().into_iter().map(PersistMessage::Unreadable));
    all
}

#[test]
fn the_error_samples_hold_every_variant() {
    let data = include_str!("../../analysis/data/mod.rs");
    assert_covers(data, "DataError", &data_errors());
    assert_covers(data, "ImportWarning", &import_warnings());
    let calibrate = include_str!("../../analysis/calibrate.rs");
    assert_covers(calibrate, "CalibrationError", &calibration_errors());
    let tt = include_str!("../../analysis/truth_table.rs");
    assert_covers(tt, "TruthTableError", &truth_table_errors());
    let project = include_str!("../../analysis/project/mod.rs");
    assert_covers(project, "ProjectError", &project_errors());
    let link = include_str!("../../analysis/project/link.rs");
    assert_covers(link, "LinkError", &link_errors());
    let stakeholder = include_str!("../../analysis/stakeholder/error.rs");
    assert_covers(stakeholder, "StakeholderError", &stakeholder_errors());
    assert_covers(include_str!("../run.rs"), "Failure", &failures());
    let persist = include_str!("../state/persist.rs");
    assert_covers(persist, "PersistMessage", &persist_messages());
    assert_covers(persist, "Unreadable", &unreadables());
}

#[test]
fn every_data_error_and_import_warning_is_translated() {
    for e in data_errors() {
        let (en, zh) = both(|l| data_error(l, &e));
        check_message(&format!("{e:?}"), &en, &zh, Some(&e.to_string()));
    }
    for w in import_warnings() {
        let (en, zh) = both(|l| import_warning(l, &w));
        check_message(&format!("{w:?}"), &en, &zh, None);
    }
    let (en, zh) = both(|l| reader_crashed(l, "book.xlsx"));
    check_message("reader crashed", &en, &zh, None);
}

#[test]
fn every_calibration_error_is_translated() {
    for e in calibration_errors() {
        let (en, zh) = both(|l| fq::calibration_error(l, "x", &e));
        check_message(&format!("{e:?}"), &en, &zh, Some(&e.to_string()));
    }
}

#[test]
fn every_truth_table_error_is_translated() {
    for e in truth_table_errors() {
        let (en, zh) = both(|l| fq::truth_table_error(l, &e));
        check_message(&format!("{e:?}"), &en, &zh, Some(&e.to_string()));
    }
}

#[test]
fn every_project_error_is_translated_in_the_fsqca_section_and_the_project_bar() {
    for e in project_errors() {
        // A migration error carries the minimizer's English message.
        let display = e.to_string();
        let detail = (!matches!(e, ProjectError::Migration { .. })).then_some(display.as_str());
        let (en, zh) = both(|l| fq::project_error(l, &e));
        check_message(&format!("fsqca {e:?}"), &en, &zh, detail);
        let (en, zh) = both(|l| pt::project_error(l, &e));
        check_message(&format!("persist {e:?}"), &en, &zh, detail);
        assert!(!zh.contains("。。"), "{zh}");
    }
}

#[test]
fn every_link_error_is_translated() {
    for e in link_errors() {
        let (en, zh) = both(|l| pt::link_error(l, &e));
        check_message(&format!("{e:?}"), &en, &zh, Some(&e.to_string()));
    }
}

#[test]
fn every_stakeholder_error_is_translated() {
    for e in stakeholder_errors() {
        let (en, zh) = both(|l| st::stakeholder_error(l, &e));
        check_message(&format!("{e:?}"), &en, &zh, Some(&e.to_string()));
    }
}

#[test]
fn every_minimization_failure_and_step_is_translated() {
    for f in failures() {
        if matches!(f, Failure::Other(_)) {
            continue; // carries an English message of the engine as it is
        }
        let (en, zh) = both(|l| fq::failure_text(l, &f));
        check_message(&format!("{f:?}"), &en, &zh, None);
    }
    for step in [
        Step::Complex,
        Step::Parsimonious,
        Step::Intermediate,
        Step::Negation,
    ] {
        let (en, zh) = both(|l| fq::progress_text(l, Some((step, 12))));
        check_message(&format!("{step:?}"), &en, &zh, None);
    }
    let (en, zh) = both(|l| fq::progress_text(l, None));
    check_message("no progress yet", &en, &zh, None);
}

#[test]
fn every_project_bar_message_is_translated() {
    for m in persist_messages() {
        let (en, zh) = both(|l| pt::message(l, &m));
        check_message(&format!("{m:?}"), &en, &zh, None);
    }
}
