//! Fixed text of the Stakeholders section, the translation of
//! [`StakeholderError`] and access to the engine's own bilingual texts
//! (class names, rules, recommendations: [`engine`]).

use super::{Lang, Translate};
use crate::analysis::stakeholder::{self, StakeholderError};

/// Keys of the Stakeholders section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum StakeholderText {
    Intro,
    TableTitle,
    TableEmpty,
    AddStakeholder,
    ClearAll,
    Name,
    Group,
    Notes,
    Actions,
    MoveUp,
    MoveDown,
    Delete,
    Rater,
    RaterHint,
    ConfirmDeleteDimension,
    ConfirmClear,
    AddDimension,
    DeleteDimension,
    NewRater,
    RatingHint,
    ImportTitle,
    ImportHint,
    NoTable,
    Shape,
    ShapeWide,
    ShapeLong,
    ColumnName,
    ColumnGroup,
    ColumnRespondent,
    ColumnStakeholder,
    ColumnDimension,
    ColumnRating,
    NotMapped,
    DimensionMapping,
    ImportButton,
    ExtraDimensions,
    ScaleMin,
    ScaleMax,
    Problems,
    ModelsTitle,
    Aggregation,
    Mean,
    Median,
    FourDimTitle,
    LowBelow,
    HighFrom,
    InfluenceTable,
    AttitudeTable,
    RoleTable,
    RowsCols,
    PolicyMakerTitle,
    PmPositionHigh,
    PmPositionMedium,
    PmPowerHigh,
    PmPowerMedium,
    PmNonMobilized,
    CustomLow,
    CustomHigh,
    MendelowTitle,
    PowerCut,
    InterestCut,
    Midpoint,
    SalienceTitle,
    ThresholdPower,
    ThresholdLegitimacy,
    ThresholdUrgency,
    SchmeerTitle,
    PowerHigh,
    PowerMedium,
    CustomTitle,
    CustomName,
    CustomAdd,
    CustomDelete,
    CustomNone,
    Weight,
    Reversed,
    Help,
    Formulas,
    References,
    RatersTitle,
    SpreadTitle,
    AgreementTitle,
    Dimension,
    KendallW,
    ChiSquare,
    Df,
    PValue,
    RatersCount,
    Disputed,
    NoDisputes,
    DisputeTop,
    DisputeMin,
    SpreadHeader,
    SensitivityTitle,
    SensitivityHint,
    SpreadPercent,
    Draws,
    Model,
    ClassStability,
    RankStability,
    Class,
    Alternatives,
    ChartsTitle,
    RadarChoose,
    ResultsTitle,
    DownloadCsv,
    CopyCsv,
    Copied,
    Skipped,
    ErrorTitle,
    KeptPrevious,
    NotComputed,
    Unrated,
    /// Heading: raters who rated only some stakeholders.
    PartialRaters,
    /// Heading of the names merged on import.
    MergedNames,
}

impl Translate for StakeholderText {
    fn pair(self) -> (&'static str, &'static str) {
        use StakeholderText as S;
        match self {
            S::Intro => (
                "Rate each stakeholder on the dimensions (type them here or import them from the loaded table), choose the models, and read the classes, charts and recommendations below.",
                "在各维度上为每个利益相关者评分（可在此直接输入，或从已载入的数据表导入），选择模型，然后查看下方的分类、图表和建议。",
            ),
            S::TableTitle => ("Stakeholders and ratings", "利益相关者与评分"),
            S::TableEmpty => (
                "No stakeholders yet: add one, or import ratings from the loaded table.",
                "尚无利益相关者：请添加，或从已载入的数据表导入评分。",
            ),
            S::AddStakeholder => ("Add a stakeholder", "添加利益相关者"),
            S::ClearAll => ("Remove all", "全部删除"),
            S::Name => ("Name", "名称"),
            S::Group => ("Group", "类别"),
            S::Notes => ("Notes", "备注"),
            S::Actions => ("Actions", "操作"),
            S::MoveUp => ("Move up", "上移"),
            S::MoveDown => ("Move down", "下移"),
            S::Delete => ("Delete", "删除"),
            S::Rater => ("Ratings of rater", "评分者"),
            S::NewRater => ("New rater (name, then Enter)", "新评分者（输入名称后回车）"),
            S::AddDimension => ("Add a dimension", "添加维度"),
            S::DeleteDimension => ("Delete the dimension", "删除该维度"),
            S::ConfirmDeleteDimension => (
                "Delete the dimension “{}” and every rating on it?",
                "删除维度“{}”及其全部评分？",
            ),
            S::ConfirmClear => (
                "Remove every stakeholder and rating?",
                "删除全部利益相关者和评分？",
            ),
            S::RaterHint => (
                "The cells show and edit this rater's ratings; the models use the ratings of all raters combined.",
                "表格显示并编辑该评分者的评分；模型使用所有评分者的汇总评分。",
            ),
            S::RatingHint => (
                "A number within the dimension's scale (shown in the column label), or one of its levels when the scale has levels (e.g. high / moderate / low); empty = not rated.",
                "填写维度量表范围内的数值（见列标签），量表有等级时也可填等级（如高/中/低）；留空表示未评分。",
            ),
            S::ImportTitle => (
                "Import ratings from the loaded table",
                "从已载入的数据表导入评分",
            ),
            S::ImportHint => (
                "Wide: one row per stakeholder (and rater), one column per dimension. Long: one row per rater × stakeholder × dimension. Importing replaces the ratings in the table above.",
                "宽格式：每个利益相关者（及评分者）一行，每个维度一列。长格式：每个评分者×利益相关者×维度一行。导入将替换上表中的评分。",
            ),
            S::NoTable => (
                "Load a table in the Data section (e.g. the example “Stakeholder ratings”) to import ratings from it.",
                "请先在“数据”部分载入数据表（例如示例“利益相关者评分”），再从中导入评分。",
            ),
            S::Shape => ("Shape of the table", "表格形式"),
            S::ShapeWide => ("wide", "宽格式"),
            S::ShapeLong => ("long", "长格式"),
            S::ColumnName => ("Stakeholder column", "利益相关者列"),
            S::ColumnGroup => ("Group column", "类别列"),
            S::ColumnRespondent => ("Rater column", "评分者列"),
            S::ColumnStakeholder => ("Stakeholder column", "利益相关者列"),
            S::ColumnDimension => ("Dimension column", "维度列"),
            S::ColumnRating => ("Rating column", "评分列"),
            S::NotMapped => ("— none —", "— 无 —"),
            S::DimensionMapping => ("Columns → dimensions", "列 → 维度"),
            S::ExtraDimensions => (
                "Further dimensions (tick to import, with their scale)",
                "其他维度（勾选以导入，并设定量表范围）",
            ),
            S::ScaleMin => ("from", "最小"),
            S::ScaleMax => ("to", "最大"),
            S::ImportButton => ("Import ratings", "导入评分"),
            S::Problems => (
                "Problems found (these cells were left out)",
                "发现的问题（这些单元格未导入）",
            ),
            S::ModelsTitle => ("Models", "模型"),
            S::Aggregation => ("Combine raters by", "评分者汇总方式"),
            S::Mean => ("mean", "均值"),
            S::Median => ("median", "中位数"),
            S::FourDimTitle => ("Four-dimension model", "四维度模型"),
            S::LowBelow => (
                "Low below (share of the scale, 0–1)",
                "低于此值为低（量表比例，0–1）",
            ),
            S::HighFrom => (
                "High from (share of the scale, 0–1)",
                "不低于此值为高（量表比例，0–1）",
            ),
            S::InfluenceTable => (
                "Influence: rows capability, columns resources",
                "影响力：行为能力，列为资源",
            ),
            S::AttitudeTable => (
                "Expected attitude: rows interest, columns cognition",
                "预期态度：行为利益，列为认知",
            ),
            S::RoleTable => (
                "Role: rows attitude, columns influence",
                "角色：行为态度，列为影响力",
            ),
            S::RowsCols => ("row \\ column", "行 \\ 列"),
            S::PolicyMakerTitle => ("PolicyMaker (position × power)", "PolicyMaker（立场×权力）"),
            S::PmPositionHigh => ("|position| high from", "|立场| 高的下限"),
            S::PmPositionMedium => ("|position| medium from", "|立场| 中的下限"),
            S::PmPowerHigh => ("Power high from", "权力高的下限"),
            S::PmPowerMedium => ("Power medium from", "权力中的下限"),
            S::PmNonMobilized => ("Intensity of the non-mobilized", "未动员者的强度"),
            S::CustomLow => ("Low below (score)", "低分上限（得分）"),
            S::CustomHigh => ("High from (score)", "高分下限（得分）"),
            S::MendelowTitle => (
                "Power–interest grid (Mendelow)",
                "权力—利益矩阵（Mendelow）",
            ),
            S::PowerCut => ("Power cut point", "权力分界点"),
            S::InterestCut => ("Interest cut point", "利益分界点"),
            S::Midpoint => ("empty = midpoint of the scale", "留空 = 量表中点"),
            S::SalienceTitle => (
                "Salience (Mitchell, Agle & Wood)",
                "显著性模型（Mitchell、Agle 与 Wood）",
            ),
            S::ThresholdPower => ("Power threshold", "权力阈值"),
            S::ThresholdLegitimacy => ("Legitimacy threshold", "合法性阈值"),
            S::ThresholdUrgency => ("Urgency threshold", "紧迫性阈值"),
            S::SchmeerTitle => ("Schmeer", "Schmeer 模型"),
            S::PowerHigh => ("High power from (index 1–3)", "高权力下限（指数 1–3）"),
            S::PowerMedium => ("Medium power from (index 1–3)", "中等权力下限（指数 1–3）"),
            S::CustomTitle => (
                "Custom models (weighted score 0–100)",
                "自定义模型（加权得分 0–100）",
            ),
            S::CustomAdd => ("Add a custom model", "添加自定义模型"),
            S::CustomDelete => ("Delete the custom model", "删除自定义模型"),
            S::CustomNone => (
                "No custom model yet: add one, give it a name, and weigh the dimensions it combines.",
                "尚无自定义模型：添加一个，为其命名，并为其组合的维度设置权重。",
            ),
            S::CustomName => ("Model name", "模型名称"),
            S::Weight => ("weight", "权重"),
            S::Reversed => ("reversed", "反向"),
            S::Help => ("Formulas and rules", "公式与规则"),
            S::Formulas => ("Rules", "规则"),
            S::References => ("References", "参考文献"),
            S::RatersTitle => ("Raters", "评分者"),
            S::SpreadTitle => ("Combined ratings with their spread", "汇总评分及离散程度"),
            S::AgreementTitle => (
                "Agreement between raters (Kendall's W)",
                "评分者一致性（Kendall W）",
            ),
            S::Dimension => ("Dimension", "维度"),
            S::KendallW => ("W", "W"),
            S::ChiSquare => ("χ²", "χ²"),
            S::Df => ("df", "自由度"),
            S::PValue => ("p", "p"),
            S::RatersCount => ("raters", "评分者数"),
            S::Disputed => (
                "Stakeholders on which the raters disagree most",
                "评分者分歧最大的利益相关者",
            ),
            S::NoDisputes => ("No stakeholder is flagged.", "没有被标记的利益相关者。"),
            S::DisputeTop => ("Flag at most", "最多标记"),
            S::DisputeMin => (
                "Minimum spread (share of the scale)",
                "最小离散度（量表比例）",
            ),
            S::SpreadHeader => ("value (SD; min–max)", "值（标准差；最小–最大）"),
            S::SensitivityTitle => ("Sensitivity", "敏感性分析"),
            S::SensitivityHint => (
                "Weights and cut points are moved at random by up to ± the spread, many times; the stability is the share of draws in which a stakeholder keeps its class (and rank).",
                "权重和分界点在 ± 指定幅度内随机变动多次；稳定性为利益相关者保持其类别（及排名）的抽样比例。",
            ),
            S::SpreadPercent => ("Spread (%)", "变动幅度（%）"),
            S::Draws => ("Draws", "抽样次数"),
            S::Model => ("Model", "模型"),
            S::ClassStability => ("class stable", "类别稳定"),
            S::RankStability => ("rank stable", "排名稳定"),
            S::Class => ("class", "类别"),
            S::Alternatives => ("other classes seen", "出现的其他类别"),
            S::ChartsTitle => ("Charts", "图表"),
            S::RadarChoose => ("Stakeholders on the radar chart", "雷达图中的利益相关者"),
            S::ResultsTitle => ("Results and recommendations", "结果与建议"),
            S::DownloadCsv => ("Download CSV", "下载 CSV"),
            S::CopyCsv => ("Copy CSV", "复制 CSV"),
            S::Copied => ("Copied to the clipboard.", "已复制到剪贴板。"),
            S::Skipped => ("Not computed", "未计算"),
            S::ErrorTitle => ("This input was not accepted", "此输入未被接受"),
            S::KeptPrevious => ("What was there before is kept.", "原有内容保持不变。"),
            S::NotComputed => ("Cannot compute the results", "无法计算结果"),
            S::Unrated => ("Missing ratings", "缺少的评分"),
            S::PartialRaters => (
                "Raters who rated only some stakeholders",
                "只对部分利益相关者评分的评分者",
            ),
            S::MergedNames => (
                "Names merged (they differ only in case or spaces)",
                "已合并的名称（仅大小写或空格不同）",
            ),
        }
    }
}

/// A spelling read as another name on import: which name, which rows.
pub fn merged_name(lang: Lang, m: &stakeholder::MergedName) -> String {
    use stakeholder::NameKind as K;
    let rows = stakeholder::row_list(&m.rows);
    let (kind_en, kind_zh) = match m.kind {
        K::Stakeholder => ("Stakeholder", "利益相关者"),
        K::Respondent => ("Rater", "评分者"),
        K::Dimension => ("Dimension", "维度"),
    };
    let plural = if m.rows.len() == 1 { "" } else { "s" };
    let first_en = m
        .kept_row
        .map(|r| format!(" (first in row {r})"))
        .unwrap_or_default();
    let first_zh = m
        .kept_row
        .map(|r| format!("（首见于第 {r} 行）"))
        .unwrap_or_default();
    lang.pick(
        format!(
            "{kind_en} “{}” in row{plural} {rows} was counted as “{}”{first_en}: the two differ only in case or spaces.",
            m.spelling, m.kept
        ),
        format!(
            "第 {rows} 行的{kind_zh}“{}”按“{}”{first_zh}计入：两者仅大小写或空格不同。",
            m.spelling, m.kept
        ),
    )
}

/// The engine's language for the app's.
pub fn engine_lang(lang: Lang) -> stakeholder::Lang {
    match lang {
        Lang::En => stakeholder::Lang::En,
        Lang::ZhHans => stakeholder::Lang::Zh,
    }
}

/// An engine text (class name, rule, recommendation) by key, in `lang`;
/// the key itself when unknown.
pub fn engine(lang: Lang, key: &str) -> String {
    stakeholder::text(key, engine_lang(lang))
        .unwrap_or(key)
        .to_owned()
}

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "Imported n stakeholders, m ratings from k raters."
pub fn imported_summary(lang: Lang, stakeholders: usize, ratings: usize, raters: usize) -> String {
    lang.pick(
        format!("Imported {stakeholders} stakeholders, {ratings} ratings from {raters} raters."),
        format!("已导入 {stakeholders} 个利益相关者、{raters} 位评分者的 {ratings} 个评分。"),
    )
}

/// A share already in percent (0–100), with at most one decimal.
pub fn percent(v: f64) -> String {
    let s = format!("{v:.1}");
    format!("{} %", s.trim_end_matches('0').trim_end_matches('.'))
}

/// A stakeholder error in the user's language, saying what and where.
pub fn stakeholder_error(lang: Lang, e: &StakeholderError) -> String {
    use StakeholderError as E;
    match e {
        E::EmptyName { row } => lang.pick(
            format!("Row {row}: the stakeholder name is empty."),
            format!("第 {row} 行：利益相关者名称为空。"),
        ),
        E::DuplicateStakeholder {
            name,
            first_row,
            row,
        } => lang.pick(
            format!("Row {row}: stakeholder “{name}” is already in row {first_row}."),
            format!("第 {row} 行：利益相关者“{name}”与第 {first_row} 行重复。"),
        ),
        E::DuplicateCustomModel { name, model } => lang.pick(
            format!("Custom model {model} is already named “{name}”: choose another name."),
            format!("第 {model} 个自定义模型已使用名称“{name}”：请换一个名称。"),
        ),
        E::DuplicateDimension { name } => lang.pick(
            format!("Dimension “{name}” already exists."),
            format!("维度“{name}”已存在。"),
        ),
        E::InvalidScale {
            dimension,
            min,
            max,
        } => lang.pick(
            format!("Dimension “{dimension}”: the scale {min}…{max} is not valid."),
            format!("维度“{dimension}”：量表 {min}…{max} 无效。"),
        ),
        E::UnknownDimension { dimension } => lang.pick(
            format!("Dimension “{dimension}” is not among the rated dimensions."),
            format!("维度“{dimension}”不在已评分的维度中。"),
        ),
        E::UnknownStakeholder { stakeholder, row } => lang.pick(
            format!("Row {row}: stakeholder “{stakeholder}” is not in the stakeholder table."),
            format!("第 {row} 行：利益相关者“{stakeholder}”不在利益相关者表中。"),
        ),
        E::ColumnOutOfRange { column, width } => lang.pick(
            format!("Column {} does not exist: the table has {width} columns.", column + 1),
            format!("第 {} 列不存在：该表只有 {width} 列。", column + 1),
        ),
        E::NotNumeric {
            row,
            column,
            stakeholder,
            dimension,
            value,
        } => lang.pick(
            format!(
                "Row {row}, column “{column}” (stakeholder “{stakeholder}”, dimension “{dimension}”): “{value}” is not a number or a level of the scale."
            ),
            format!(
                "第 {row} 行，“{column}”列（利益相关者“{stakeholder}”，维度“{dimension}”）：“{value}”不是数值，也不是量表的等级。"
            ),
        ),
        E::OutOfScale(o) => {
            let place_en = match (o.row, o.column.as_deref()) {
                (Some(r), Some(c)) => format!("Row {r}, column “{c}”: "),
                (Some(r), None) => format!("Row {r}: "),
                (None, Some(c)) => format!("Column “{c}”: "),
                (None, None) => String::new(),
            };
            let place_zh = match (o.row, o.column.as_deref()) {
                (Some(r), Some(c)) => format!("第 {r} 行，“{c}”列："),
                (Some(r), None) => format!("第 {r} 行："),
                (None, Some(c)) => format!("“{c}”列："),
                (None, None) => String::new(),
            };
            let who_en = o
                .respondent
                .as_ref()
                .map(|r| format!(", rater “{r}”"))
                .unwrap_or_default();
            let who_zh = o
                .respondent
                .as_ref()
                .map(|r| format!("，评分者“{r}”"))
                .unwrap_or_default();
            lang.pick(
                format!(
                    "{place_en}stakeholder “{}”, dimension “{}”{who_en}: {} is outside the scale {}…{}.",
                    o.stakeholder,
                    o.dimension,
                    num(o.value),
                    num(o.min),
                    num(o.max)
                ),
                format!(
                    "{place_zh}利益相关者“{}”，维度“{}”{who_zh}：{} 超出量表范围 {}…{}。",
                    o.stakeholder,
                    o.dimension,
                    num(o.value),
                    num(o.min),
                    num(o.max)
                ),
            )
        }
        E::DuplicateRating {
            respondent,
            stakeholder,
            dimension,
            first_row,
            row,
        } => lang.pick(
            format!(
                "Row {row}: rater “{respondent}” already rated “{stakeholder}” on “{dimension}” in row {first_row}."
            ),
            format!(
                "第 {row} 行：评分者“{respondent}”已在第 {first_row} 行对“{stakeholder}”的“{dimension}”评分。"
            ),
        ),
        E::PartialRespondent {
            respondent,
            stakeholder,
            row,
            dimensions,
        } => {
            let en: Vec<String> = dimensions.iter().map(|d| format!("“{d}”")).collect();
            let count = dimensions.len();
            let (columns_en, those_en) = if count == 1 {
                (format!("column {}", en.join("")), format!("on {}", en.join("")))
            } else {
                (
                    format!("{count} columns: {}", en.join(", ")),
                    "on these columns".to_owned(),
                )
            };
            let (columns_zh, those_zh) = if count == 1 {
                (format!("{}列", en.join("")), format!("{}的", en.join("")))
            } else {
                (format!(" {count} 列：{}", en.join("、")), "这些列的".to_owned())
            };
            lang.pick(
                format!(
                    "Rater “{respondent}” did not rate row {row} (“{stakeholder}”) in {columns_en}. The other raters' ratings are used there, and this rater is left out of the agreement {those_en}."
                ),
                format!(
                    "评分者“{respondent}”未对第 {row} 行（“{stakeholder}”）的{columns_zh}评分。该处按其他评分者的评分计算，该评分者不计入{those_zh}一致性分析。"
                ),
            )
        }
        E::Missing {
            stakeholder,
            dimension,
        } => lang.pick(
            format!("Stakeholder “{stakeholder}” has no rating on “{dimension}”."),
            format!("利益相关者“{stakeholder}”在“{dimension}”上没有评分。"),
        ),
        E::NoRatings { stakeholder, row } => lang.pick(
            format!("Row {row}: stakeholder “{stakeholder}” has no ratings in any column: rate it (or delete the row) to compute the models that need it."),
            format!("第 {row} 行：利益相关者“{stakeholder}”在所有列都没有评分：请为其评分（或删除该行），才能计算需要这些评分的模型。"),
        ),
        E::ShapeMismatch {
            stakeholder,
            expected,
            got,
        } => lang.pick(
            format!("Stakeholder “{stakeholder}”: {got} ratings for {expected} dimensions."),
            format!("利益相关者“{stakeholder}”：{expected} 个维度却有 {got} 个评分。"),
        ),
        E::InvalidSetting {
            setting,
            value,
            rule,
        } => lang.pick(
            format!("Setting “{setting}” = {} is not valid: {rule}.", num(*value)),
            format!("设置“{setting}” = {} 无效：{rule}。", num(*value)),
        ),
        E::TooFewForAgreement {
            dimension,
            raters,
            stakeholders,
        } => lang.pick(
            format!(
                "Dimension “{dimension}”: agreement needs at least 2 complete raters and 2 stakeholders (found {raters} and {stakeholders})."
            ),
            format!(
                "维度“{dimension}”：一致性至少需要 2 位完整评分者和 2 个利益相关者（现有 {raters} 和 {stakeholders}）。"
            ),
        ),
        E::NoVariation { dimension } => lang.pick(
            format!(
                "Dimension “{dimension}”: every rater gave all stakeholders the same rating, so agreement is undefined."
            ),
            format!("维度“{dimension}”：所有评分者给所有利益相关者的评分相同，一致性无法定义。"),
        ),
        E::NoStakeholders => lang.pick(
            "There are no stakeholders.".to_owned(),
            "没有利益相关者。".to_owned(),
        ),
    }
}
