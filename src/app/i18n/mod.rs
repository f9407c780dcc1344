//! The one table of user-visible text, in English and Simplified Chinese.
//!
//! Fixed strings are [`Text`] keys looked up with [`Lang::t`]; text with
//! values in it (counts, file names, error positions) is built by the
//! functions at the bottom, which match on structured values such as
//! [`DataError`] variants so that every message can be translated.

use crate::analysis::data::{ColumnKind, DataError, ImportWarning};

pub mod fsqca;
pub mod persist;
pub mod stakeholders;
#[cfg(test)]
mod tests;

/// A key of fixed text with its English and Simplified Chinese strings.
///
/// [`Text`] holds the shell's and the Data section's keys; each section
/// keeps its own key enum in a submodule of this table.
pub trait Translate {
    /// The English and the Chinese text.
    fn pair(self) -> (&'static str, &'static str);
}

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
}

impl Lang {
    /// Every language, in the order of the language switch.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhHans];

    /// The BCP 47 tag, as used in `<html lang>` and in local storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
        }
    }

    /// Reads a stored tag back (exactly what [`Lang::code`] wrote).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The interface language for a browser language tag such as `zh-CN`:
    /// any Chinese tag gives Simplified Chinese, everything else English.
    pub fn from_browser_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::ZhHans
        } else {
            Lang::En
        }
    }

    /// Looks up a fixed text: a [`Text`] key or a key of a section's own
    /// table ([`fsqca`], [`stakeholders`], [`persist`]).
    pub fn t(self, text: impl Translate) -> &'static str {
        let (en, zh) = text.pair();
        match self {
            Lang::En => en,
            Lang::ZhHans => zh,
        }
    }

    fn pick(self, en: String, zh: String) -> String {
        match self {
            Lang::En => en,
            Lang::ZhHans => zh,
        }
    }
}

/// Keys of the fixed texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Text {
    AppName,
    Tagline,
    LanguageLabel,
    SectionsLabel,
    SectionData,
    SectionStakeholders,
    SectionFsqca,
    SectionReport,
    PrivacyNote,
    BringData,
    OpenFile,
    FileHint,
    DropHere,
    DropActive,
    PasteLabel,
    PastePlaceholder,
    UsePasted,
    ExamplesTitle,
    ExampleAlliances,
    ExampleAlliancesNote,
    ExampleStakeholders,
    ExampleStakeholdersNote,
    ExampleLipset,
    ExampleLipsetNote,
    Illustrative,
    LoadExample,
    ImportOptions,
    EncodingLabel,
    EncodingAuto,
    SheetLabel,
    Reading,
    Parsing,
    ImportProgressLabel,
    Dismiss,
    ErrorTitle,
    KeptPrevious,
    NoDataYet,
    CaseColumnLabel,
    CaseColumnNone,
    ColumnsTitle,
    PreviewTitle,
    ColName,
    ColType,
    ColCount,
    ColMissing,
    ColMin,
    ColMax,
    ColMean,
    TypeNumeric,
    TypeText,
    RowNumber,
    DetectedEncoding,
    DetectedDelimiter,
    DelimiterTab,
    Sheet,
    Pasted,
    ReadFailed,
    SkipToContent,
    MissingCell,
    InternalError,
    Cancel,
    NoValue,
    Warnings,
    PreviewHint,
}

impl Translate for Text {
    /// The (English, Simplified Chinese) pair of a key: the table itself.
    fn pair(self) -> (&'static str, &'static str) {
        use Text::*;
        match self {
            AppName => ("PolicyLens", "PolicyLens 政策透镜"),
            Tagline => (
                "Stakeholder analysis and fuzzy-set QCA in your browser",
                "在浏览器中进行利益相关者分析与模糊集定性比较分析（fsQCA）",
            ),
            LanguageLabel => ("Language", "语言"),
            SectionsLabel => ("Sections", "功能区"),
            SectionData => ("Data", "数据"),
            SectionStakeholders => ("Stakeholders", "利益相关者"),
            SectionFsqca => ("fsQCA", "fsQCA"),
            SectionReport => ("Report", "报告"),
            PrivacyNote => (
                "Your data stays on this computer: files are read and analysed inside the browser and never uploaded.",
                "您的数据只保留在本机：文件在浏览器内读取和分析，不会上传。",
            ),
            BringData => ("Bring a table", "导入数据表"),
            OpenFile => ("Open a file…", "打开文件……"),
            FileHint => (
                "CSV, TSV or semicolon-separated text (UTF-8, UTF-16, GBK/GB18030), Excel XLSX/XLS or OpenDocument ODS.",
                "CSV、TSV 或分号分隔的文本（UTF-8、UTF-16、GBK/GB18030），Excel XLSX/XLS 或 OpenDocument ODS。",
            ),
            DropHere => (
                "or drop it anywhere on this page",
                "或将文件拖放到本页任意位置",
            ),
            DropActive => ("Drop the file to open it", "松开鼠标即可打开文件"),
            PasteLabel => ("Paste cells copied from Excel", "粘贴从 Excel 复制的单元格"),
            PastePlaceholder => (
                "Copy a range with its header row in Excel, then paste it here (Ctrl+V).",
                "在 Excel 中复制包含标题行的区域，然后粘贴到这里（Ctrl+V）。",
            ),
            UsePasted => ("Use pasted cells", "使用粘贴的数据"),
            ExamplesTitle => ("Examples", "示例数据"),
            ExampleAlliances => ("County medical alliances", "县域医共体"),
            ExampleAlliancesNote => (
                "12 county alliances × 7 conditions and the outcome “service capability improved”, raw scores before calibration. Modeled on Xu, Hu & Liu (2024).",
                "12 个县域医共体 × 7 个条件及结果“服务能力提升”，校准前的原始得分。参照 Xu、Hu、Liu（2024）的研究构造。",
            ),
            ExampleStakeholders => ("Stakeholder ratings", "利益相关者评分"),
            ExampleStakeholdersNote => (
                "8 stakeholders of a county medical alliance reform rated by 5 respondents on every dimension of the built-in models (interest, cognition, capability, resources, position, power, legitimacy, urgency, knowledge, ability to mobilize, leadership), in long form: one row per rating, names in English and Chinese. Made-up ratings modelled on a Tianchang county study, not its data.",
                "县域医共体改革的 8 类利益相关者，由 5 位受访者就内置模型所需的全部维度（利益、认知、能力、资源、立场、权力、合法性、紧迫性、知识、动员能力、领导力）评分，长格式：每行一个评分，名称有中英文两列。评分为参照天长市研究编制的示例，并非该研究的数据。",
            ),
            ExampleLipset => (
                "Lipset: survival of democracy (LF)",
                "Lipset：民主存续（LF）",
            ),
            ExampleLipsetNote => (
                "18 European countries between the wars, fuzzy memberships; the classic data set of the R package QCA.",
                "两次世界大战之间的 18 个欧洲国家，模糊集隶属度；R 包 QCA 的经典数据集。",
            ),
            Illustrative => (
                "Illustrative data, not real observations",
                "示意数据，并非真实观测",
            ),
            LoadExample => ("Load", "载入"),
            ImportOptions => ("Import options", "导入选项"),
            EncodingLabel => ("Text encoding", "文本编码"),
            EncodingAuto => ("Detect automatically", "自动检测"),
            SheetLabel => ("Sheet", "工作表"),
            Reading => ("Reading the file…", "正在读取文件……"),
            Parsing => ("Reading the table…", "正在解析数据表……"),
            ImportProgressLabel => ("Import progress", "导入进度"),
            Dismiss => ("Dismiss", "关闭"),
            ErrorTitle => ("This table could not be loaded", "无法导入此数据表"),
            KeptPrevious => (
                "The data loaded before is still loaded.",
                "之前导入的数据仍然保留。",
            ),
            NoDataYet => (
                "No data loaded yet: open a file, drop one here, paste cells or load an example.",
                "尚未导入数据：请打开文件、拖放文件、粘贴单元格或载入示例。",
            ),
            CaseColumnLabel => ("Column with the case names", "案例名称所在列"),
            CaseColumnNone => ("(none: number the cases)", "（无：按行编号）"),
            ColumnsTitle => ("Columns", "列"),
            PreviewTitle => ("Preview", "预览"),
            ColName => ("Column", "列名"),
            ColType => ("Type", "类型"),
            ColCount => ("Values", "有效值"),
            ColMissing => ("Missing", "缺失"),
            ColMin => ("Min", "最小值"),
            ColMax => ("Max", "最大值"),
            ColMean => ("Mean", "均值"),
            TypeNumeric => ("number", "数值"),
            TypeText => ("text", "文本"),
            RowNumber => ("Row", "行"),
            DetectedEncoding => ("encoding", "编码"),
            DetectedDelimiter => ("delimiter", "分隔符"),
            DelimiterTab => ("tab", "制表符"),
            Sheet => ("sheet", "工作表"),
            Pasted => ("pasted cells", "粘贴的单元格"),
            SkipToContent => ("Skip to content", "跳到正文"),
            Cancel => ("Cancel", "取消"),
            InternalError => (
                "PolicyLens stopped because of an internal error. Reload the page to start again; your files were not changed.",
                "PolicyLens 因内部错误而停止。请重新加载页面；您的文件没有被修改。",
            ),
            // R's notation, which the field reads in both languages.
            MissingCell => ("NA", "NA"),
            NoValue => ("–", "–"),
            Warnings => ("Notes on the import", "导入说明"),
            PreviewHint => (
                "Scroll to see every row; only the rows on screen are drawn.",
                "滚动即可查看所有行；只绘制屏幕上可见的行。",
            ),
            ReadFailed => (
                "The browser could not read this file.",
                "浏览器无法读取此文件。",
            ),
        }
    }
}

/// The encodings offered in the encoding override: WHATWG label (as the
/// data module takes it), English name, Chinese name.
pub const ENCODINGS: [(&str, &str, &str); 7] = [
    (
        "utf-8",
        "UTF-8 (with or without BOM)",
        "UTF-8（含或不含 BOM）",
    ),
    (
        "gb18030",
        "GBK / GB18030 (Excel on Chinese Windows)",
        "GBK / GB18030（中文 Windows 版 Excel）",
    ),
    ("utf-16le", "UTF-16 LE", "UTF-16 LE"),
    ("utf-16be", "UTF-16 BE", "UTF-16 BE"),
    ("big5", "Big5 (Traditional Chinese)", "Big5（繁体中文）"),
    (
        "windows-1252",
        "Windows-1252 (Western European)",
        "Windows-1252（西欧）",
    ),
    ("shift_jis", "Shift_JIS (Japanese)", "Shift_JIS（日文）"),
];

/// The name of an encoding label from [`ENCODINGS`], else the label itself.
pub fn encoding_name(lang: Lang, label: &str) -> String {
    ENCODINGS
        .iter()
        .find(|(l, _, _)| l.eq_ignore_ascii_case(label))
        .map(|(_, en, zh)| lang.pick((*en).to_owned(), (*zh).to_owned()))
        .unwrap_or_else(|| label.to_owned())
}

/// How a delimiter is shown.
pub fn delimiter_name(lang: Lang, delimiter: u8) -> String {
    match delimiter {
        b'\t' => lang.t(Text::DelimiterTab).to_owned(),
        other => format!("“{}”", char::from(other)),
    }
}

/// "N rows × M columns".
pub fn rows_by_columns(lang: Lang, rows: usize, columns: usize) -> String {
    lang.pick(
        format!(
            "{rows} {} × {columns} {}",
            plural(rows, "row", "rows"),
            plural(columns, "column", "columns")
        ),
        format!("{rows} 行 × {columns} 列"),
    )
}

/// The label of the progress bar: "Reading the table… 42%".
pub fn progress(lang: Lang, fraction: f64) -> String {
    let pct = (fraction.clamp(0.0, 1.0) * 100.0).round();
    format!("{} {pct}%", lang.t(Text::Parsing))
}

/// The name of a column type.
pub fn column_kind(lang: Lang, kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Numeric => lang.t(Text::TypeNumeric),
        ColumnKind::Text => lang.t(Text::TypeText),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// The message when the spreadsheet reader crashed on `file` (a damaged
/// workbook), in the user's language.
pub fn reader_crashed(lang: Lang, file: &str) -> String {
    match lang {
        Lang::En => format!(
            "Could not read this file: {file}. The spreadsheet looks damaged; open it in Excel, WPS or LibreOffice, save it again (or as CSV) and load the new file."
        ),
        Lang::ZhHans => format!(
            "无法读取此文件：{file}。该电子表格似乎已损坏；请在 Excel、WPS 或 LibreOffice 中打开并重新保存（或另存为 CSV），再载入新文件。"
        ),
    }
}

/// A data import error in the user's language, saying what and where.
pub fn data_error(lang: Lang, error: &DataError) -> String {
    // No wildcard arm: a variant added to the data module must be translated here.
    use DataError::*;
    let (en, zh) = match error {
        Empty => ("The file is empty.".to_owned(), "文件是空的。".to_owned()),
        NoRows => (
            "The table has a header line but no data rows below it.".to_owned(),
            "数据表只有标题行，下面没有数据行。".to_owned(),
        ),
        DuplicateColumnName {
            name,
            first,
            second,
        } => (
            format!(
                "Columns {first} and {second} are both named “{name}”. Give each column its own name."
            ),
            format!("第 {first} 列和第 {second} 列都叫“{name}”。请为每一列取不同的名称。"),
        ),
        EmptyColumnName { column } => (
            format!("Column {column} has data but no name in the header line."),
            format!("第 {column} 列有数据，但标题行中没有列名。"),
        ),
        RaggedRow {
            line,
            expected,
            found,
        } => (
            format!("Line {line} has {found} fields, but the header has {expected}."),
            format!("第 {line} 行有 {found} 个字段，而标题行有 {expected} 个。"),
        ),
        Binary { offset } => (
            format!(
                "This is not a text table or spreadsheet: it contains binary data (byte {offset})."
            ),
            format!("这不是文本表格或电子表格：文件含有二进制数据（第 {offset} 字节）。"),
        ),
        Undecodable { encoding, offset } => (
            format!(
                "The file is not valid {encoding} text (byte {offset}). Choose its encoding under “Import options”."
            ),
            format!(
                "文件不是有效的 {encoding} 文本（第 {offset} 字节）。请在“导入选项”中选择文件编码。"
            ),
        ),
        UnknownEncoding { label } => (
            format!("Unknown text encoding “{label}”."),
            format!("未知的文本编码“{label}”。"),
        ),
        TooLarge { bytes, limit } => (
            format!(
                "The file is {} MB; the browser can hold tables up to {} MB.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            format!(
                "文件大小为 {} MB；浏览器最多能载入 {} MB 的数据表。",
                megabytes(*bytes),
                megabytes(*limit)
            ),
        ),
        UnreadableWorkbook { format, message } => (
            format!("This {format} workbook cannot be read ({message})."),
            format!("无法读取此 {format} 工作簿（{message}）。"),
        ),
        MissingSheet { name, available } => (
            format!(
                "The workbook has no sheet “{name}”. Its sheets: {}.",
                available.join(", ")
            ),
            format!(
                "工作簿中没有名为“{name}”的工作表。现有工作表：{}。",
                available.join("、")
            ),
        ),
        EmptySheet { sheet } => (
            format!("Sheet “{sheet}” is empty."),
            format!("工作表“{sheet}”是空的。"),
        ),
        Parse { line, message } => (
            format!("Line {line} cannot be read ({message})."),
            format!("第 {line} 行无法读取（{message}）。"),
        ),
        UnknownColumn { name } => (
            format!("There is no column named “{name}”."),
            format!("没有名为“{name}”的列。"),
        ),
        ColumnOutOfRange { index, columns } => (
            format!(
                "Column {} does not exist: the table has {columns} columns.",
                index + 1
            ),
            format!("第 {} 列不存在：数据表只有 {columns} 列。", index + 1),
        ),
        NotNumeric { column, row, value } => (
            format!("Column “{column}”, row {row}: “{value}” is not a number."),
            format!("列“{column}”第 {row} 行：“{value}”不是数值。"),
        ),
    };
    lang.pick(en, zh)
}

/// Something the import did on its own, in the user's language.
pub fn import_warning(lang: Lang, warning: &ImportWarning) -> String {
    use ImportWarning::*;
    let (en, zh) = match warning {
        EmptyRowsSkipped { count, first_line } => (
            format!(
                "{count} empty {} skipped (the first on line {first_line}).",
                plural(*count, "row was", "rows were")
            ),
            format!("跳过了 {count} 个空行（第一个在第 {first_line} 行）。"),
        ),
        EmptyColumnsDropped { columns } => {
            let list = columns.iter().map(|c| c.to_string()).collect::<Vec<_>>();
            (
                format!(
                    "Empty columns without a name were dropped: {}.",
                    list.join(", ")
                ),
                format!("已删除没有列名的空列：第 {} 列。", list.join("、")),
            )
        }
        ErrorCells {
            column,
            count,
            first_row,
        } => (
            format!(
                "Column “{column}”: {count} spreadsheet error {} (#N/A, #DIV/0!…) read as missing, the first in row {first_row}.",
                plural(*count, "cell", "cells")
            ),
            format!(
                "列“{column}”：{count} 个电子表格错误值（#N/A、#DIV/0! 等）按缺失值处理，第一个在第 {first_row} 行。"
            ),
        ),
        DatesAsText { column } => (
            format!("Column “{column}”: dates were read as text (YYYY-MM-DD)."),
            format!("列“{column}”：日期按文本读取（YYYY-MM-DD）。"),
        ),
    };
    lang.pick(en, zh)
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}
