//! Fixed text of the fsQCA section, and the functions that put values
//! (names, counts, error variants) into its messages.

use super::{Lang, Translate};
use crate::analysis::calibrate::CalibrationError;
use crate::analysis::project::ProjectError;
use crate::analysis::truth_table::TruthTableError;
use crate::app::run::{Failure, Step};

/// Keys of the fsQCA section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsqcaText {
    /// "Load a table in the Data section first (or open the LF or county-alliance example)."
    NeedData,
    /// "1. Outcome and conditions"
    StepSets,
    /// "Outcome"
    Outcome,
    /// "— choose —"
    ChooseOutcome,
    /// "Conditions"
    Conditions,
    /// "2. Calibration"
    StepCalibrate,
    /// "Choose the outcome and at least one condition first."
    ChooseSetsFirst,
    /// "Columns already between 0 and 1 can be used as they are (“already calibrated”); otherwise choose a method and its anchors."
    CalibrateHint,
    /// "Download calibrated sets (CSV)"
    DownloadCalibrated,
    /// "Necessity for"
    NecessityFor,
    /// "Set"
    Set,
    /// "CSV"
    Csv,
    /// "No superset with inclN ≥ 0.9 and covN ≥ 0.6."
    NoSuperset,
    /// "Supersets of the outcome (inclN ≥ 0.9, covN ≥ 0.6)"
    SupersetCaption,
    /// "Expression"
    Expression,
    /// "Search supersets"
    SupersetSearch,
    /// "3. Necessity"
    StepNecessity,
    /// "Rows with inclN ≥ 0.9 are highlighted."
    NecessityHint,
    /// "incl.cut"
    InclCut,
    /// "second incl.cut (contradictions)"
    InclCut0,
    /// "n.cut"
    NCut,
    /// "pri.cut"
    PriCut,
    /// "Negated outcome (~Y)"
    NegateOutcome,
    /// "4. Truth table"
    StepTruthTable,
    /// "Directional expectations (intermediate solution)"
    Expectations,
    /// "present or absent"
    Either,
    /// "present"
    Present,
    /// "absent"
    Absent,
    /// "Treat contradictions as don’t-cares"
    IncludeContradictions,
    /// "Minimization cancelled."
    Cancelled,
    /// "The minimization worker failed"
    WorkerFailed,
    /// "The settings changed since this result: minimize again."
    Stale,
    /// "5. Minimization"
    StepMinimize,
    /// "Minimize"
    Minimize,
    /// "Cancel"
    Cancel,
    /// "Truth table"
    TruthTableCaption,
    /// "Row"
    Row,
    /// "Cases"
    Cases,
    /// "Exclude"
    Exclude,
    /// "auto"
    Auto,
    /// "Term"
    Term,
    /// "Model"
    ModelFit,
    /// "Simplifying assumptions"
    SimplifyingAssumptions,
    /// "Intermediate solution"
    Intermediate,
    /// "Configuration chart"
    ConfigurationChart,
    /// "Complex solution"
    Complex,
    /// "Parsimonious solution"
    Parsimonious,
    /// "6. Solutions"
    StepResults,
    /// "Contradictory simplifying assumptions"
    Contradictory,
    /// "Thresholds"
    Thresholds,
    /// "Full exclusion"
    Exclusion,
    /// "Crossover"
    Crossover,
    /// "Full inclusion"
    Inclusion,
    /// "Already calibrated"
    MethodNone,
    /// "Direct, logistic"
    MethodLogistic,
    /// "Direct, linear"
    MethodLinear,
    /// "Bell-shaped"
    MethodBell,
    /// "Crisp"
    MethodCrisp,
    /// "Indirect"
    MethodIndirect,
    /// "Calibration of"
    CalibrationOf,
    /// "Method"
    Method,
    /// "Suggest anchors:"
    SuggestAnchors,
    /// "percentiles 95/50/5"
    Pct95,
    /// "percentiles 80/50/20"
    Pct80,
    /// "Likert 1–5"
    Likert5,
    /// "Likert 1–7"
    Likert7,
    /// "Calibration curve"
    CalibrationCurve,
    /// "membership"
    Membership,
    /// "Histogram"
    Histogram,
    /// "Calibration curve and histogram"
    ShowCharts,
    /// "Heat map of the truth table"
    HeatMap,
    /// "XY plot"
    XyPlot,
    /// "Plot"
    XyOf,
    /// "Venn diagram"
    Venn,
    /// "Analyse the negated outcome"
    AnalyseNegated,
    /// "Analyse the outcome"
    AnalysePositive,
    /// "Show the remainders (to exclude them)"
    ShowRemainders,
    /// "Membership at full inclusion (idm)"
    Idm,
    /// "Exponent below (below)"
    Below,
    /// "Exponent above (above)"
    Above,
    /// "Shape of the function"
    Shape,
    /// idm hint
    IdmHint,
    /// exponent hint
    ExponentHint,
    /// "Cases at exactly 0.5:"
    AtHalfChoice,
    /// "leave them out, as R QCA does"
    LeaveOutAtHalf,
    /// "add 0.001 to their membership (0.5 → 0.501)"
    AddConstantAtHalf,
    /// "Cases at exactly 0.5"
    AtHalfCases,
    /// "Chart of the"
    ConfigChartOf,
    /// Note of the intermediate solution's chart.
    ConfigNoteIntermediate,
    /// Note of the complex solution's chart.
    ConfigNoteComplex,
    /// Note of the parsimonious solution's chart.
    ConfigNoteParsimonious,
    /// How a Venn diagram of some of the conditions merges rows.
    VennMerged,
}

impl Translate for FsqcaText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {
            FsqcaText::NeedData => (
                "Load a table in the Data section first (or open the LF or county-alliance example).",
                "请先在“数据”部分载入表格（或打开 LF 或县域医共体示例）。",
            ),
            FsqcaText::StepSets => ("1. Outcome and conditions", "1. 结果与条件"),
            FsqcaText::Outcome => ("Outcome", "结果"),
            FsqcaText::ChooseOutcome => ("— choose —", "— 请选择 —"),
            FsqcaText::Conditions => ("Conditions", "条件"),
            FsqcaText::StepCalibrate => ("2. Calibration", "2. 校准"),
            FsqcaText::ChooseSetsFirst => (
                "Choose the outcome and at least one condition first.",
                "请先选择结果和至少一个条件。",
            ),
            FsqcaText::CalibrateHint => (
                "Columns already between 0 and 1 can be used as they are (“already calibrated”); otherwise choose a method and its anchors.",
                "取值已在 0 到 1 之间的列可直接使用（“已校准”）；否则请选择校准方法和锚点。",
            ),
            FsqcaText::DownloadCalibrated => {
                ("Download calibrated sets (CSV)", "下载校准后的集合（CSV）")
            }
            FsqcaText::NecessityFor => ("Necessity for", "必要性分析："),
            FsqcaText::Set => ("Set", "集合"),
            FsqcaText::Csv => ("CSV", "CSV"),
            FsqcaText::NoSuperset => (
                "No superset with inclN ≥ 0.9 and covN ≥ 0.6.",
                "没有 inclN ≥ 0.9 且 covN ≥ 0.6 的超集。",
            ),
            FsqcaText::SupersetCaption => (
                "Supersets of the outcome (inclN ≥ 0.9, covN ≥ 0.6)",
                "结果的超集（inclN ≥ 0.9，covN ≥ 0.6）",
            ),
            FsqcaText::Expression => ("Expression", "表达式"),
            FsqcaText::SupersetSearch => ("Search supersets", "搜索超集"),
            FsqcaText::StepNecessity => ("3. Necessity", "3. 必要性分析"),
            FsqcaText::NecessityHint => (
                "Rows with inclN ≥ 0.9 are highlighted.",
                "inclN ≥ 0.9 的行已高亮显示。",
            ),
            FsqcaText::InclCut => ("incl.cut", "一致性阈值 incl.cut"),
            FsqcaText::InclCut0 => (
                "second incl.cut (contradictions)",
                "第二一致性阈值（矛盾行）",
            ),
            FsqcaText::NCut => ("n.cut", "案例数阈值 n.cut"),
            FsqcaText::PriCut => ("pri.cut", "PRI 阈值 pri.cut"),
            FsqcaText::NegateOutcome => ("Negated outcome (~Y)", "结果取反（~Y）"),
            FsqcaText::StepTruthTable => ("4. Truth table", "4. 真值表"),
            FsqcaText::Expectations => (
                "Directional expectations (intermediate solution)",
                "方向性预期（中间解）",
            ),
            FsqcaText::Either => ("present or absent", "存在或缺失"),
            FsqcaText::Present => ("present", "存在"),
            FsqcaText::Absent => ("absent", "缺失"),
            FsqcaText::IncludeContradictions => {
                ("Treat contradictions as don’t-cares", "将矛盾行视为无关项")
            }
            FsqcaText::Cancelled => ("Minimization cancelled.", "已取消最小化。"),
            FsqcaText::WorkerFailed => ("The minimization worker failed", "最小化工作线程失败"),
            FsqcaText::Stale => (
                "The settings changed since this result: minimize again.",
                "设置已更改，结果已过时：请重新最小化。",
            ),
            FsqcaText::StepMinimize => ("5. Minimization", "5. 最小化"),
            FsqcaText::Minimize => ("Minimize", "开始最小化"),
            FsqcaText::Cancel => ("Cancel", "取消"),
            FsqcaText::TruthTableCaption => ("Truth table", "真值表"),
            FsqcaText::Row => ("Row", "行"),
            FsqcaText::Cases => ("Cases", "案例"),
            FsqcaText::Exclude => ("Exclude", "排除"),
            FsqcaText::Auto => ("auto", "自动"),
            FsqcaText::Term => ("Term", "组态"),
            FsqcaText::ModelFit => ("Model", "模型"),
            FsqcaText::SimplifyingAssumptions => ("Simplifying assumptions", "简化假设"),
            FsqcaText::Intermediate => ("Intermediate solution", "中间解"),
            FsqcaText::ConfigurationChart => ("Configuration chart", "组态图"),
            FsqcaText::Complex => ("Complex solution", "复杂解"),
            FsqcaText::Parsimonious => ("Parsimonious solution", "简约解"),
            FsqcaText::StepResults => ("6. Solutions", "6. 结果"),
            FsqcaText::Contradictory => ("Contradictory simplifying assumptions", "矛盾的简化假设"),
            FsqcaText::Thresholds => ("Thresholds", "阈值"),
            FsqcaText::Exclusion => ("Full exclusion", "完全不隶属"),
            FsqcaText::Crossover => ("Crossover", "交叉点"),
            FsqcaText::Inclusion => ("Full inclusion", "完全隶属"),
            FsqcaText::MethodNone => ("Already calibrated", "已校准（直接使用）"),
            FsqcaText::MethodLogistic => ("Direct, logistic", "直接法（逻辑函数）"),
            FsqcaText::MethodLinear => ("Direct, linear", "直接法（线性）"),
            FsqcaText::MethodBell => ("Bell-shaped", "钟形"),
            FsqcaText::MethodCrisp => ("Crisp", "清晰集"),
            FsqcaText::MethodIndirect => ("Indirect", "间接法"),
            FsqcaText::CalibrationOf => ("Calibration of", "校准："),
            FsqcaText::Method => ("Method", "方法"),
            FsqcaText::SuggestAnchors => ("Suggest anchors:", "建议锚点："),
            FsqcaText::Pct95 => ("percentiles 95/50/5", "百分位 95/50/5"),
            FsqcaText::Pct80 => ("percentiles 80/50/20", "百分位 80/50/20"),
            FsqcaText::Likert5 => ("Likert 1–5", "李克特 1–5"),
            FsqcaText::Likert7 => ("Likert 1–7", "李克特 1–7"),
            FsqcaText::CalibrationCurve => ("Calibration curve", "校准曲线"),
            FsqcaText::Membership => ("membership", "隶属度"),
            FsqcaText::Histogram => ("Histogram", "直方图"),
            FsqcaText::ShowCharts => ("Calibration curve and histogram", "校准曲线与直方图"),
            FsqcaText::HeatMap => ("Heat map of the truth table", "真值表热图"),
            FsqcaText::XyPlot => ("XY plot", "XY 图"),
            FsqcaText::XyOf => ("Plot", "绘制"),
            FsqcaText::Venn => ("Venn diagram", "维恩图"),
            FsqcaText::AnalyseNegated => ("Analyse the negated outcome", "分析结果取反"),
            FsqcaText::AnalysePositive => ("Analyse the outcome", "分析原结果"),
            FsqcaText::ShowRemainders => (
                "Show the remainders (to exclude them)",
                "显示逻辑余项（以便排除）",
            ),
            FsqcaText::Idm => (
                "Membership at full inclusion (idm)",
                "完全隶属锚点处的隶属度（idm）",
            ),
            FsqcaText::Below => (
                "Exponent below the crossover (below)",
                "交叉点以下的指数（below）",
            ),
            FsqcaText::Above => (
                "Exponent above the crossover (above)",
                "交叉点以上的指数（above）",
            ),
            FsqcaText::Shape => ("Shape of the function", "函数形状"),
            FsqcaText::IdmHint => (
                "Above 0.5 and below 1; R's default is 0.95.",
                "须大于 0.5 且小于 1；R 的默认值为 0.95。",
            ),
            FsqcaText::ExponentHint => (
                "Positive numbers (R's below / above); 1 is a straight line; above 1 pulls memberships towards the nearer full anchor (0 below the crossover, 1 above it), below 1 towards 0.5.",
                "须为正数（即 R 的 below / above）；1 为直线；大于 1 时隶属度向较近的完全锚点靠拢（交叉点以下趋向 0，以上趋向 1），小于 1 时向 0.5 靠拢。",
            ),
            FsqcaText::AtHalfChoice => ("Cases at exactly 0.5:", "隶属度恰为 0.5 的案例："),
            FsqcaText::LeaveOutAtHalf => (
                "leave them out of the truth table, as R QCA does",
                "不纳入真值表（R QCA 的做法）",
            ),
            FsqcaText::AddConstantAtHalf => (
                "add a small constant: 0.5 → 0.501",
                "加上一个小常数：0.5 → 0.501",
            ),
            FsqcaText::AtHalfCases => ("Cases at exactly 0.5", "隶属度恰为 0.5 的案例"),
            FsqcaText::VennMerged => (
                "Each region merges the truth-table rows that differ only in the conditions not drawn: its cases are theirs together; it is shaded as a contradiction (C) when their OUT values differ, and outlined when the solution covers all its observed rows.",
                "每个区域合并了仅在未绘制条件上不同的真值表行：区域中的案例为这些行的案例之和；若这些行的 OUT 不同，则按矛盾行 (C) 着色；若解覆盖其全部观测行，则加粗勾勒。",
            ),
            FsqcaText::ConfigChartOf => ("Solution shown", "所示的解"),
            FsqcaText::ConfigNoteIntermediate => (
                "Intermediate solution. Core conditions (large symbols) also appear in the parsimonious solution; peripheral conditions (small) appear only in the intermediate solution (Fiss 2011).",
                "中间解。核心条件（大符号）同时出现在简约解中；边缘条件（小符号）仅出现在中间解中（Fiss 2011）。",
            ),
            FsqcaText::ConfigNoteComplex => (
                "Complex (conservative) solution. Core conditions (large symbols) also appear in a parsimonious term that contains the configuration; peripheral conditions (small) appear only in the complex solution (Fiss 2011's rule applied to the complex solution). When the parsimonious solution has several models, each complex model is shown once per parsimonious model (M1 · P2: complex model M1, core read from parsimonious model M2 only).",
                "复杂解（保守解）。核心条件（大符号）同时出现在包含该组态的简约解项中；边缘条件（小符号）仅出现在复杂解中（将 Fiss 2011 的规则用于复杂解）。简约解有多个模型时，每个复杂解模型按每个简约解模型各列一次（M1 · P2：复杂解模型 M1，核心条件仅依据简约解模型 M2 判定）。",
            ),
            FsqcaText::ConfigNoteParsimonious => (
                "Parsimonious solution: every condition is a core condition (large symbols), since core conditions are by definition those of the parsimonious solution (Fiss 2011).",
                "简约解：所有条件均为核心条件（大符号），因为核心条件按定义即简约解中的条件（Fiss 2011）。",
            ),
        }
    }
}

fn pick(lang: Lang, en: String, zh: String) -> String {
    match lang {
        Lang::En => en,
        Lang::ZhHans => zh,
    }
}

/// Why anchors or thresholds are refused, naming the column.
pub fn calibration_error(lang: Lang, column: &str, e: &CalibrationError) -> String {
    match e {
        CalibrationError::NotFinite { name, .. } => pick(
            lang,
            format!("{column}: {name} must be a number."),
            format!("{column}：{name} 必须是数字。"),
        ),
        CalibrationError::Unordered {
            exclusion,
            crossover,
            inclusion,
        } => pick(
            lang,
            format!(
                "{column}: the anchors must be in order, full exclusion < crossover < full inclusion (or all reversed); got {exclusion}, {crossover}, {inclusion}."
            ),
            format!(
                "{column}：锚点必须有序，完全不隶属 < 交叉点 < 完全隶属（或全部反向）；当前为 {exclusion}、{crossover}、{inclusion}。"
            ),
        ),
        CalibrationError::BellUnordered { .. } => pick(
            lang,
            format!("{column}: bell anchors must satisfy e1 < c1 < i1 ≤ i2 < c2 < e2."),
            format!("{column}：钟形锚点必须满足 e1 < c1 < i1 ≤ i2 < c2 < e2。"),
        ),
        CalibrationError::InvalidIdm { idm } => pick(
            lang,
            format!(
                "{column}: the membership at full inclusion (idm) must be above 0.5 and below 1; got {idm}."
            ),
            format!("{column}：完全隶属锚点处的隶属度（idm）必须大于 0.5 且小于 1；当前为 {idm}。"),
        ),
        CalibrationError::InvalidExponent { name, value } => pick(
            lang,
            format!("{column}: the exponent {name} must be a positive number; got {value}."),
            format!("{column}：指数 {name} 必须为正数；当前为 {value}。"),
        ),
        CalibrationError::NoThresholds => pick(
            lang,
            format!("{column}: give at least one threshold."),
            format!("{column}：请至少输入一个阈值。"),
        ),
        CalibrationError::ThresholdOutsideRange {
            threshold,
            min,
            max,
        } => pick(
            lang,
            format!(
                "{column}: threshold {threshold} is outside the range of the data ({min} to {max})."
            ),
            format!("{column}：阈值 {threshold} 超出数据范围（{min} 至 {max}）。"),
        ),
        CalibrationError::NegativeValue { row, value } => pick(
            lang,
            format!(
                "{column}: row {row} is negative ({value}); the indirect method needs values ≥ 0."
            ),
            format!("{column}：第 {row} 行为负值（{value}）；间接法要求取值 ≥ 0。"),
        ),
        CalibrationError::NoData => pick(
            lang,
            format!("{column}: the column has no values to calibrate."),
            format!("{column}：该列没有可校准的取值。"),
        ),
        CalibrationError::RegressionFailed { reason } => pick(
            lang,
            format!("{column}: the indirect method's regression failed ({reason})."),
            format!("{column}：间接法的回归失败（{reason}）。"),
        ),
        CalibrationError::InvalidPercentile { p } => pick(
            lang,
            format!("{column}: the percentile must lie between 0 and 1; got {p}."),
            format!("{column}：百分位数必须介于 0 与 1 之间；当前为 {p}。"),
        ),
    }
}

/// The cases at exactly 0.5: how many, which, and that the user chooses
/// what happens to them.
pub fn crossover_cases(lang: Lang, column: &str, cases: &[String]) -> String {
    let list = cases.join(", ");
    pick(
        lang,
        format!(
            "{column}: {} case(s) at exactly 0.5 ({list}). A case at 0.5 is neither in nor out of the set, so it belongs to no truth-table row. Choose: leave it out, as R QCA does, or add a small constant (0.001) to its membership, as R users do by hand, so that it counts as slightly in.",
            cases.len()
        ),
        format!(
            "{column}：有 {} 个案例的隶属度恰为 0.5（{list}）。隶属度为 0.5 的案例既不能算作属于该集合，也不能算作不属于该集合，因此不进入任何真值表行。请选择：按 R QCA 的做法将其排除，或像 R 用户手工处理那样给其隶属度加上一个小常数（0.001），使其略微属于该集合。",
            cases.len()
        ),
    )
}

/// One case at 0.5 and what the user's choice does to it.
pub fn crossover_case_flag(
    lang: Lang,
    case: &str,
    choice: crate::analysis::calibrate::CrossoverCases,
    raised: f64,
) -> String {
    use crate::analysis::calibrate::CrossoverCases;
    match choice {
        CrossoverCases::AddConstant => pick(
            lang,
            format!("{case}: 0.5 → {raised} (constant added; in the truth table)"),
            format!("{case}：0.5 → {raised}（已加常数；纳入真值表）"),
        ),
        _ => pick(
            lang,
            format!("{case}: 0.5 (left out of the truth table)"),
            format!("{case}：0.5（不纳入真值表）"),
        ),
    }
}

/// Why the Venn diagram shows only some conditions, and the choice.
pub fn venn_too_many(lang: Lang, k: usize, max: usize) -> String {
    pick(
        lang,
        format!(
            "{k} conditions: a Venn diagram stays legible up to {max} (with 7 and more its regions become too small to read). Choose the {max} conditions to draw:"
        ),
        format!(
            "共 {k} 个条件：维恩图最多可清晰绘制 {max} 个条件（7 个及以上时区域过小，无法辨读）。请选择要绘制的 {max} 个条件："
        ),
    )
}

/// Cases that the truth table left out (a membership of exactly 0.5).
pub fn ambiguous_cases(lang: Lang, cases: &[String]) -> String {
    let list = cases.join(", ");
    pick(
        lang,
        format!("Left out of the truth table (a membership of exactly 0.5): {list}."),
        format!("以下案例因隶属度恰为 0.5 未进入真值表：{list}。"),
    )
}

/// How many rows are observed and how many have OUT = 1.
pub fn tt_summary(lang: Lang, observed: usize, ones: usize) -> String {
    pick(
        lang,
        format!("{observed} observed configuration(s), {ones} with OUT = 1."),
        format!("共 {observed} 个观测组态，其中 {ones} 个 OUT = 1。"),
    )
}

/// The button that shows every truth-table row.
pub fn show_all_rows(lang: Lang, shown: usize, total: usize) -> String {
    pick(
        lang,
        format!("Showing {shown} of {total} rows: show all"),
        format!("已显示 {total} 行中的 {shown} 行：显示全部"),
    )
}

/// A minimization failure.
pub fn failure_text(lang: Lang, f: &Failure) -> String {
    match f {
        Failure::NothingToExplain => pick(
            lang,
            "No row has OUT = 1: nothing to explain (lower incl.cut or check the outcome).".into(),
            "没有 OUT = 1 的行：无可解释（请降低 incl.cut 或检查结果变量）。".into(),
        ),
        Failure::Tautology => pick(
            lang,
            "No row has OUT = 0: the parsimonious solution would be the tautology.".into(),
            "没有 OUT = 0 的行：简约解将为恒真式。".into(),
        ),
        Failure::TooManyConditions { k, max } => pick(
            lang,
            format!("{k} conditions are too many (at most {max})."),
            format!("条件数 {k} 过多（最多 {max}）。"),
        ),
        Failure::TooLarge => pick(
            lang,
            "Too many models or assumptions to list.".into(),
            "模型或假设过多，无法全部列出。".into(),
        ),
        Failure::Other(s) => s.clone(),
    }
}

/// The progress line of a running minimization.
pub fn progress_text(lang: Lang, p: Option<(Step, u64)>) -> String {
    let Some((step, count)) = p else {
        return pick(lang, "Minimizing…".into(), "正在最小化…".into());
    };
    let (en, zh) = match step {
        Step::Complex => ("complex solution", "复杂解"),
        Step::Parsimonious => ("parsimonious solution", "简约解"),
        Step::Intermediate => ("intermediate solution", "中间解"),
        Step::Negation => ("negated outcome", "结果取反"),
    };
    pick(
        lang,
        format!("Minimizing: {en}, {count} steps…"),
        format!("正在最小化：{zh}，已完成 {count} 步…"),
    )
}

/// A project error (an unusable set or truth-table setting).
pub fn project_error(lang: Lang, e: &ProjectError) -> String {
    match e {
        ProjectError::TruthTable(t) => truth_table_error(lang, t),
        ProjectError::Calibration { target, source } => calibration_error(lang, target, source),
        other => pick(
            lang,
            other.to_string(),
            format!(
                "无法使用该设置：{}",
                super::persist::project_error_zh(other)
            ),
        ),
    }
}

/// A truth-table error, e.g. a cut-off outside [0, 1].
pub fn truth_table_error(lang: Lang, e: &TruthTableError) -> String {
    match e {
        TruthTableError::InvalidCut { name, value } => pick(
            lang,
            format!("{name} = {value} must be between 0 and 1."),
            format!("{name} = {value} 必须介于 0 与 1 之间。"),
        ),
        TruthTableError::NoConfigurations { n_cut } => pick(
            lang,
            format!("No configuration has at least {n_cut} case(s): lower n.cut."),
            format!("没有任何组态的案例数达到 {n_cut}：请降低 n.cut。"),
        ),
        TruthTableError::NotCalibrated { .. } | TruthTableError::MissingValue { .. } => pick(
            lang,
            format!("{e} Calibrate the column first (section 2)."),
            format!("{}（请先在第 2 步校准该列。）", truth_table_error_zh(e)),
        ),
        other => pick(lang, other.to_string(), truth_table_error_zh(other)),
    }
}

/// The Chinese text of a truth-table error (the English is its `Display`).
fn truth_table_error_zh(e: &TruthTableError) -> String {
    match e {
        TruthTableError::NoConditions => "没有选择条件。".to_owned(),
        TruthTableError::TooManyConditions { count, max } => {
            format!("选择了 {count} 个条件；最多只能有 {max} 个。")
        }
        TruthTableError::CompleteTooLarge { count, max } => {
            format!("无法列出含 {count} 个条件的真值表的所有行（最多 {max} 个条件）。")
        }
        TruthTableError::DuplicateCondition { name } => format!("条件“{name}”出现了两次。"),
        TruthTableError::NamesMismatch { names, columns } => {
            format!("{names} 个条件名称对应 {columns} 列。")
        }
        TruthTableError::LengthMismatch {
            column,
            found,
            expected,
        } => format!("列“{column}”有 {found} 个值，应为 {expected} 个。"),
        TruthTableError::MissingValue { column, row } => {
            format!("列“{column}”第 {row} 行缺少取值；QCA 不允许缺失值。")
        }
        TruthTableError::NotCalibrated { column, row, value } => {
            format!("列“{column}”第 {row} 行：{value} 不是 0 到 1 之间的隶属度。")
        }
        TruthTableError::InvalidCut { name, value } => {
            format!("{name} = {value} 必须介于 0 与 1 之间。")
        }
        TruthTableError::NoConfigurations { n_cut } => {
            format!("没有任何组态的案例数达到 {n_cut}。")
        }
    }
}
