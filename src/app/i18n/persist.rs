//! Text of keeping and sharing work: autosave, project files, share links,
//! report, R script. Fixed strings are [`PersistText`] keys; messages with
//! values are the functions below, which match error variants.

use super::{Lang, Translate, data_error};
use crate::analysis::project::{LinkError, MAX_FRAGMENT_CHARS, ProjectError};
use crate::app::state::persist::{PersistMessage, Unreadable};

/// Keys of keeping and sharing work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum PersistText {
    BarLabel,
    ProjectName,
    Untitled,
    SavedHere,
    Saving,
    SaveFailedStatus,
    NotSaved,
    Projects,
    ProjectsTitle,
    NoProjects,
    Current,
    Open,
    Rename,
    RenamePrompt,
    Delete,
    DeleteConfirm,
    NewProject,
    SaveFile,
    OpenFile,
    CopyLink,
    LinkLimit,
    LinkLabel,
    Dismiss,
    StorageUnavailable,
    SaveFailed,
    FileOpened,
    LinkOpened,
    CopyByHand,
    AttachedDifferent,
    KeptAside,
    ReportTitle,
    ReportIntro,
    MakeReport,
    DownloadR,
    RIntro,
    NothingToReport,
    OfflineNote,
    PreparingReport,
    ReportFailed,
    DownloadXlsx,
    XlsxIntro,
    XlsxFailed,
}

impl Translate for PersistText {
    fn pair(self) -> (&'static str, &'static str) {
        use PersistText::*;
        match self {
            BarLabel => ("Project", "项目"),
            ProjectName => ("Project name", "项目名称"),
            Untitled => ("Untitled project", "未命名项目"),
            SavedHere => ("Saved in this browser", "已保存在本浏览器中"),
            Saving => ("Saving…", "正在保存…"),
            SaveFailedStatus => ("Not saved: the last save failed", "未保存：上次保存失败"),
            NotSaved => (
                "Not saved: browser storage is unavailable",
                "未保存：浏览器存储不可用",
            ),
            Projects => ("Projects", "项目列表"),
            ProjectsTitle => ("Projects saved in this browser", "保存在本浏览器中的项目"),
            NoProjects => ("No saved projects yet.", "还没有保存的项目。"),
            Current => ("open now", "当前"),
            Open => ("Open", "打开"),
            Rename => ("Rename", "重命名"),
            RenamePrompt => ("New name of the project:", "项目的新名称："),
            Delete => ("Delete", "删除"),
            DeleteConfirm => (
                "Delete this project from the browser? This cannot be undone.",
                "要从浏览器中删除此项目吗？此操作无法撤销。",
            ),
            NewProject => ("New project", "新建项目"),
            SaveFile => ("Save project file", "保存项目文件"),
            OpenFile => ("Open project file", "打开项目文件"),
            CopyLink => ("Copy share link", "复制分享链接"),
            LinkLimit => (
                "A link holds the whole project up to 32,000 characters (about 2,400 rows × 8 columns); beyond that it holds the settings and asks for the data file. The part after # never leaves the browser.",
                "链接最多容纳 32,000 个字符的完整项目（约 2,400 行 × 8 列）；超出时只包含设置，并提示接收者附上数据文件。# 之后的内容不会发送给任何服务器。",
            ),
            LinkLabel => ("Share link", "分享链接"),
            Dismiss => ("Dismiss", "关闭"),
            StorageUnavailable => (
                "This browser does not let the page store data (private window or blocked storage): changes are not kept. Save a project file instead.",
                "此浏览器不允许页面存储数据（隐私窗口或存储被禁用）：更改不会被保留。请改为保存项目文件。",
            ),
            SaveFailed => (
                "Saving in the browser failed; the previous saved copy is intact.",
                "在浏览器中保存失败；之前保存的副本完好无损。",
            ),
            FileOpened => ("Project file opened:", "已打开项目文件："),
            LinkOpened => (
                "The shared project was opened and saved in this browser.",
                "已打开分享的项目，并保存在本浏览器中。",
            ),
            CopyByHand => (
                "The browser did not allow copying: select the link below and copy it.",
                "浏览器不允许复制：请选中下面的链接并复制。",
            ),
            AttachedDifferent => (
                "This data file is not the one the link was made with: the settings were applied, but results may differ.",
                "此数据文件不是生成链接时使用的文件：已应用设置，但结果可能不同。",
            ),
            KeptAside => (
                "It has been kept, not deleted; your new work is saved separately.",
                "它已被保留而未删除；新的工作会另外保存。",
            ),
            ReportTitle => ("Report", "报告"),
            ReportIntro => (
                "One self-contained HTML file of the current analysis, with tables, charts and a methods paragraph; open it in a browser and print it to PDF.",
                "将当前分析生成一个独立的 HTML 文件，包含表格、图表和方法段落；可在浏览器中打开并打印为 PDF。",
            ),
            MakeReport => ("Download the report (HTML)", "下载报告（HTML）"),
            DownloadR => ("Download the R script", "下载 R 脚本"),
            DownloadXlsx => ("Download all tables (XLSX)", "下载全部表格（XLSX）"),
            XlsxIntro => (
                "The report's tables in one Excel workbook, a sheet per table, with the same numbers (full precision, shown with 3 decimals).",
                "将报告中的表格放入一个 Excel 工作簿，每个表格一个工作表，数值相同（保留全部精度，显示 3 位小数）。",
            ),
            XlsxFailed => ("The workbook could not be written:", "无法生成工作簿："),
            PreparingReport => (
                "Preparing the report: minimizing in the background…",
                "正在准备报告：后台最小化中……",
            ),
            ReportFailed => (
                "The minimization for the report stopped; the report was made without the solutions:",
                "报告所需的最小化已中止，报告中未包含解：",
            ),
            RIntro => (
                "A script for the R package QCA that repeats the calibration, truth table and minimization with the same settings, so reviewers can check the results.",
                "用于 R 软件包 QCA 的脚本，以相同设置重复校准、真值表和最小化，便于审稿人核对结果。",
            ),
            NothingToReport => (
                "Load a table first (Data section).",
                "请先载入数据表（数据部分）。",
            ),
            OfflineNote => (
                "After the first visit the page also works offline.",
                "首次访问后，本页面也可离线使用。",
            ),
        }
    }
}

/// A project file or link error, in the user's language.
pub fn project_error(lang: Lang, error: &ProjectError) -> String {
    use ProjectError::*;
    let (en, zh) = match error {
        Syntax { line, column, .. } => (
            format!(
                "The file is damaged or incomplete: it is not valid JSON at line {line}, column {column}."
            ),
            format!("文件已损坏或不完整：第 {line} 行第 {column} 列不是有效的 JSON。"),
        ),
        NotAProject => (
            "This is not a PolicyLens project file.".to_owned(),
            "这不是 PolicyLens 项目文件。".to_owned(),
        ),
        MissingVersion => (
            "The project file has no valid version number.".to_owned(),
            "项目文件没有有效的版本号。".to_owned(),
        ),
        NewerVersion { found, supported } => (
            format!(
                "It was saved by a newer PolicyLens (version {found}; this page reads up to {supported}). Reload to update the page."
            ),
            format!(
                "它由更新版本的 PolicyLens 保存（版本 {found}；本页面最多读取版本 {supported}）。请刷新页面以更新。"
            ),
        ),
        Shape { message, .. } => (
            format!("The project file is damaged: {message}."),
            format!("项目文件已损坏：{message}。"),
        ),
        Data(e) => (data_error(Lang::En, e), data_error(Lang::ZhHans, e)),
        other => (
            format!("The project is inconsistent: {other}."),
            format!(
                "项目内容不一致：{}。",
                project_error_zh(other).trim_end_matches('。')
            ),
        ),
    };
    lang.pick(en, zh)
}

/// The Chinese name of a setting or part that a [`ProjectError`] names
/// (its English name when unknown).
fn zh_part(part: &str) -> &str {
    match part {
        "calibration source" => "校准的源列",
        "calibration target" => "校准后的集合",
        "case column" => "案例列",
        "condition" | "conditions" => "条件",
        "outcome" => "结果",
        "set" => "集合",
        "stakeholder" => "利益相关者",
        "dimension" => "维度",
        "respondent" => "评分者",
        other => other,
    }
}

/// The Chinese text of a project error (the English is its `Display`),
/// shared by the project bar and the fsQCA section.
pub fn project_error_zh(error: &ProjectError) -> String {
    use ProjectError::*;
    match error {
        Syntax { .. }
        | NotAProject
        | MissingVersion
        | NewerVersion { .. }
        | Shape { .. }
        | Data(_) => project_error(Lang::ZhHans, error),
        Migration { from, source } => format!("无法转换版本 {from} 的项目（{source}）"),
        EmptyColumnName { column } => format!("数据的第 {column} 列没有列名"),
        DuplicateColumn { name } => format!("数据中有两列都名为“{name}”"),
        ColumnLength {
            column,
            found,
            expected,
        } => format!("列“{column}”有 {found} 行，而第一列有 {expected} 行"),
        CaseColumnOutOfRange { index, columns } => {
            format!("案例列 {index} 不存在（数据共有 {columns} 列）")
        }
        UnknownSet { setting, name } => format!(
            "{}“{name}”既不是数据中的列，也不是已校准的集合",
            zh_part(setting)
        ),
        NotNumeric {
            target,
            source_column,
        } => format!("校准“{target}”：列“{source_column}”不是数值列"),
        EmptySetName { setting } => format!("{}的名称为空", zh_part(setting)),
        DuplicateSet { setting, name } => format!("{}“{name}”出现了两次", zh_part(setting)),
        OutcomeIsCondition { name } => format!("“{name}”既是结果又是条件"),
        Calibration { target, source } => {
            super::fsqca::calibration_error(Lang::ZhHans, target, source)
        }
        ExpectationOutOfRange { index, conditions } => {
            format!("方向性预期引用了条件 {index}，但只有 {conditions} 个条件")
        }
        RatingOutOfRange { index, what } => {
            format!("第 {index} 条利益相关者评分引用了不存在的{}", zh_part(what))
        }
        NoData => "项目没有数据；请附上数据文件".to_owned(),
        Incomplete { what } => format!("请先选择{}", zh_part(what)),
        TruthTable(t) => super::fsqca::truth_table_error(Lang::ZhHans, t),
    }
}

/// A share link error, in the user's language.
pub fn link_error(lang: Lang, error: &LinkError) -> String {
    use LinkError::*;
    let (en, zh) = match error {
        Empty => (
            "The link holds no project.".to_owned(),
            "链接中没有项目。".to_owned(),
        ),
        TooLong { length, limit } => {
            let (length, limit) = (grouped(*length), grouped(*limit));
            (
            format!("The link is {length} characters long; the limit is {limit}."),
            format!("链接长度为 {length} 个字符，上限为 {limit}。"),
        )
        }
        UnknownPrefix => (
            "This is not a PolicyLens share link (or one made by a newer version).".to_owned(),
            "这不是 PolicyLens 分享链接（或由更新版本生成）。".to_owned(),
        ),
        InvalidCharacter {
            position,
            character,
        } => (
            format!("The link is damaged: unexpected character “{character}” at position {position}."),
            format!("链接已损坏：第 {position} 个位置出现意外字符“{character}”。"),
        ),
        Truncated => (
            "The link is incomplete: it was probably cut off when copied. Ask for the whole link or the project file.".to_owned(),
            "链接不完整：可能在复制时被截断。请索取完整链接或项目文件。".to_owned(),
        ),
        Corrupt | NotText | KindMismatch => (
            "The link is damaged: its content cannot be read.".to_owned(),
            "链接已损坏：无法读取其内容。".to_owned(),
        ),
        TooLarge { limit } => (
            format!("The link's content would be larger than {limit} bytes; it was not opened."),
            format!("链接内容将超过 {limit} 字节，未予打开。"),
        ),
        Project(e) => (project_error(Lang::En, e), project_error(Lang::ZhHans, e)),
    };
    lang.pick(en, zh)
}

/// A message of the project bar, in the user's language.
pub fn message(lang: Lang, message: &PersistMessage) -> String {
    use PersistMessage::*;
    let limit = grouped(MAX_FRAGMENT_CHARS);
    match message {
        StorageUnavailable(_) => lang.t(PersistText::StorageUnavailable).to_owned(),
        SaveFailed(detail) => format!("{} ({detail})", lang.t(PersistText::SaveFailed)),
        Unreadable(u) => format!("{} {}", unreadable(lang, u), lang.t(PersistText::KeptAside)),
        FileRejected { file, error } => lang.pick(
            format!(
                "“{file}” could not be opened: {} Nothing was changed.",
                project_error(Lang::En, error)
            ),
            format!(
                "无法打开“{file}”：{}未做任何更改。",
                project_error(Lang::ZhHans, error)
            ),
        ),
        FileOpened(file) => lang.pick(
            format!("{} {file}", lang.t(PersistText::FileOpened)),
            format!("{}{file}", lang.t(PersistText::FileOpened)),
        ),
        LinkRejected(e) => lang.pick(
            format!(
                "The share link could not be opened: {} Nothing was changed.",
                link_error(Lang::En, e)
            ),
            format!(
                "无法打开分享链接：{}未做任何更改。",
                link_error(Lang::ZhHans, e)
            ),
        ),
        LinkOpened => lang.t(PersistText::LinkOpened).to_owned(),
        LinkAlreadySaved(name) => match lang {
            Lang::En => format!(
                "This link's analysis is already saved in this browser as “{name}”: switched to it (no second copy)."
            ),
            Lang::ZhHans => {
                format!(
                    "此链接中的分析已保存在本浏览器中（“{name}”），已切换到该项目，未重复保存。"
                )
            }
        },
        LinkCopied {
            length,
            settings_only,
        } => {
            let length = grouped(*length);
            let (en, zh) = if *settings_only {
                (
                    format!(
                        "Link copied ({length} of {limit} characters). The data are too large for a link: it holds the settings only, and asks the recipient to open the same data file. Send the data file (or the project file) with it."
                    ),
                    format!(
                        "链接已复制（{length} / {limit} 个字符）。数据太大，链接只包含设置，接收者需要打开同一个数据文件。请同时发送数据文件（或项目文件）。"
                    ),
                )
            } else {
                (
                    format!(
                        "Link copied ({length} of {limit} characters): it holds the data and every setting."
                    ),
                    format!("链接已复制（{length} / {limit} 个字符）：包含数据和全部设置。"),
                )
            };
            lang.pick(en, zh)
        }
        LinkTooLong { length } => {
            let length = grouped(*length);
            lang.pick(
            format!(
                "Even the settings alone would make a link of {length} characters (the limit is {limit}). Save the project file and send it instead."
            ),
            format!(
                "仅设置就会生成 {length} 个字符的链接（上限 {limit}）。请保存项目文件并发送该文件。"
            ),
            )
        }
        CopyByHand => lang.t(PersistText::CopyByHand).to_owned(),
        AttachRejected(e) => lang.pick(
            format!(
                "This data file does not fit the shared settings: {}",
                project_error(Lang::En, e)
            ),
            format!(
                "此数据文件与分享的设置不符：{}",
                project_error(Lang::ZhHans, e)
            ),
        ),
        AttachedDifferent => lang.t(PersistText::AttachedDifferent).to_owned(),
    }
}

/// Whether a message reports a problem (shown as an alert).
pub fn is_problem(message: &PersistMessage) -> bool {
    use PersistMessage::*;
    matches!(
        message,
        StorageUnavailable(_)
            | SaveFailed(_)
            | Unreadable(_)
            | FileRejected { .. }
            | LinkRejected(_)
            | LinkTooLong { .. }
            | AttachRejected(_)
            | AttachedDifferent
    )
}

fn unreadable(lang: Lang, u: &Unreadable) -> String {
    match u {
        Unreadable::Index { key } => lang.pick(
            format!("The list of saved projects is damaged and could not be read (kept as “{key}”)."),
            format!("已保存项目的列表已损坏，无法读取（保留为“{key}”）。"),
        ),
        Unreadable::NewerIndex { found } => lang.pick(
            format!(
                "The saved projects were written by a newer PolicyLens (list version {found}). Reload to update the page; nothing is saved until then."
            ),
            format!(
                "已保存的项目由更新版本的 PolicyLens 写入（列表版本 {found}）。请刷新页面以更新；在此之前不会保存任何内容。"
            ),
        ),
        Unreadable::Missing { name } => lang.pick(
            format!("The saved project “{name}” could not be found in the browser storage."),
            format!("在浏览器存储中找不到已保存的项目“{name}”。"),
        ),
        Unreadable::Project { name, error } => lang.pick(
            format!(
                "The saved project “{name}” could not be read: {}",
                project_error(Lang::En, error)
            ),
            format!(
                "无法读取已保存的项目“{name}”：{}",
                project_error(Lang::ZhHans, error)
            ),
        ),
    }
}

/// The waiting-for-data notice of a settings-only link.
pub fn waiting_for_data(lang: Lang, name: &str, rows: usize, columns: usize) -> String {
    lang.pick(
        format!(
            "This shared project holds the settings only. Open the data file “{name}” ({rows} rows, {columns} columns) in the Data section to see the analysis."
        ),
        format!(
            "此分享项目只包含设置。请在“数据”部分打开数据文件“{name}”（{rows} 行，{columns} 列）以查看分析。"
        ),
    )
}

/// When a project was last saved, as shown in the list.
pub fn saved_at(lang: Lang, when: &str) -> String {
    lang.pick(format!("saved {when}"), format!("保存于 {when}"))
}

/// A count with thousands separators (`32,000`), as in the fixed texts.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
