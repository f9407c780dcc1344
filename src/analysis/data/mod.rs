//! Tables in memory ([`Dataset`]) and getting them in: delimited text
//! (CSV, TSV, semicolon; UTF-8, UTF-16, GB18030/GBK), cells pasted from
//! Excel, and workbooks (XLSX, XLS, ODS).
//!
//! The sharp core is byte-in, table-out with no I/O: the caller (the web
//! app or the CLI) reads the file and hands over its bytes.
//!
//! * [`import`] — any file: workbooks by content sniffing (ZIP or OLE
//!   signature) and extension, everything else as delimited text (the
//!   delimiter from Excel's `sep=;` first line if there is one, else
//!   [`sniff_delimiter`]).
//! * [`DelimitedImport`] — the same delimited-text import in slices, so the
//!   browser can parse a large file between animation frames with progress.
//! * [`import_pasted`] — cells copied from a spreadsheet (tab-separated).
//!
//! # Typing
//! A column is [`ColumnData::Numeric`] when every non-missing cell parses
//! as a number ([`parse_number`]; an all-missing column is numeric), else
//! [`ColumnData::Text`]. Missing cells ([`is_missing`]: empty, `NA`, `N/A`,
//! `.`, `-`, trimmed, case-insensitive) are `None` and never 0; so are
//! spreadsheet error values ([`ERROR_LITERALS`], reported in a warning). Text cells
//! and header names are trimmed. Numbers may use a decimal comma when the
//! delimiter is `;`, and strict thousands grouping (`1,234,567.5`). A column that turns out to be text keeps every cell
//! as written in the file (`007`, `1.50`), not as a reformatted number.
//!
//! # Limits and costs
//! * Files over [`MAX_IMPORT_BYTES`] (300 MiB) are refused unread.
//! * Memory: the file's bytes (UTF-8 is parsed in place; other encodings
//!   are decoded once to UTF-8), 16 bytes per numeric cell, a `String` per
//!   text cell, 8 bytes per row. A 50 MB CSV of 200,000 rows × 25 columns
//!   peaks at about 136 MiB natively, the file's 50 MB included
//!   (`examples/import_bench.rs`).
//! * Time: that file imports in about 0.7 s natively (release build, on a
//!   shared 2-core machine); in slices of 2,000 rows each slice takes
//!   some 10 ms.
//! * Workbooks are read whole by calamine (no slices); a damaged `.xls` may
//!   crash calamine (see [`import_workbook`]).

mod column;
mod delimited;
mod encoding;
mod workbook;

use serde::{Deserialize, Serialize};

pub use column::{ERROR_LITERALS, MISSING_TOKENS, is_error_literal, is_missing, parse_number};
pub use delimited::{
    DECODE_SLICE_BYTES, DECODING_SHARE, DELIMITER_CANDIDATES, DelimitedImport, Phase, Progress,
    import_pasted, sniff_delimiter,
};
pub use workbook::{WorkbookFormat, import_workbook, sniff_workbook};

/// Files larger than this (300 MiB) are refused before decoding: the
/// decoded text plus the columns would not fit a browser tab's memory.
pub const MAX_IMPORT_BYTES: usize = 300 * 1024 * 1024;

/// What went wrong reading a table, and where. Line numbers are 1-based
/// physical lines of the (decoded) file, column numbers 1-based; for
/// workbooks "line" is the spreadsheet row number.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DataError {
    /// The file has no content (zero bytes, or only whitespace / blank lines).
    #[error("the file is empty")]
    Empty,
    /// There is a header line but no data row below it.
    #[error("the table has a header but no data rows")]
    NoRows,
    /// Two columns have the same name.
    #[error("columns {first} and {second} are both named `{name}`")]
    DuplicateColumnName {
        /// The repeated name.
        name: String,
        /// 1-based number of the first column with it.
        first: usize,
        /// 1-based number of the second column with it.
        second: usize,
    },
    /// A column with data has no name in the header.
    #[error("column {column} has data but no name in the header")]
    EmptyColumnName {
        /// 1-based column number.
        column: usize,
    },
    /// A row has more or fewer fields than the header.
    #[error("line {line} has {found} fields, but the header has {expected}")]
    RaggedRow {
        /// 1-based line where the row starts.
        line: usize,
        /// Fields in the header.
        expected: usize,
        /// Fields in this row.
        found: usize,
    },
    /// The file contains NUL bytes and is not UTF-16: not a text table.
    #[error("this is not a text table: binary byte 0x00 at byte {offset}")]
    Binary {
        /// 0-based byte offset of the first NUL byte.
        offset: usize,
    },
    /// The bytes are not valid text in the encoding used.
    #[error("the file is not valid {encoding} text (byte {offset}); choose its encoding")]
    Undecodable {
        /// The encoding tried (detected or chosen).
        encoding: String,
        /// 0-based byte offset of the first invalid sequence, where known.
        offset: usize,
    },
    /// The user-chosen encoding label is unknown to the WHATWG encoding standard.
    #[error("unknown encoding `{label}`")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {bytes} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit, [`MAX_IMPORT_BYTES`].
        limit: usize,
    },
    /// A workbook that the spreadsheet reader could not open or read.
    #[error("cannot read the {format} workbook: {message}")]
    UnreadableWorkbook {
        /// "XLSX", "XLS", "ODS", "XLSB".
        format: String,
        /// The reader's own message (English, for the details pane).
        message: String,
    },
    /// The requested sheet is not in the workbook.
    #[error("the workbook has no sheet `{name}` (sheets: {})", .available.join(", "))]
    MissingSheet {
        /// The sheet asked for.
        name: String,
        /// The sheets there are.
        available: Vec<String>,
    },
    /// The sheet has no cells.
    #[error("sheet `{sheet}` is empty")]
    EmptySheet {
        /// The sheet's name.
        sheet: String,
    },
    /// The delimited-text parser failed (malformed input it cannot recover from).
    #[error("line {line}: {message}")]
    Parse {
        /// 1-based line.
        line: usize,
        /// The parser's message.
        message: String,
    },
    /// No column of this name.
    #[error("no column named `{name}`")]
    UnknownColumn {
        /// The name asked for.
        name: String,
    },
    /// A column index past the last column.
    #[error("column index {index} is out of range (the table has {columns} columns)")]
    ColumnOutOfRange {
        /// 0-based index asked for.
        index: usize,
        /// Number of columns.
        columns: usize,
    },
    /// A number was needed, the column holds text.
    #[error("column `{column}` row {row}: {value:?} is not a number")]
    NotNumeric {
        /// Column name.
        column: String,
        /// 1-based data row of the first non-number.
        row: usize,
        /// The cell.
        value: String,
    },
}

/// Something the import did on its own that the user should know about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum ImportWarning {
    /// Rows whose cells were all empty were skipped.
    EmptyRowsSkipped {
        /// How many.
        count: usize,
        /// Line (or sheet row) of the first.
        first_line: usize,
    },
    /// Columns with an empty header and no data were dropped (Excel's
    /// trailing separators).
    EmptyColumnsDropped {
        /// Their 1-based column numbers.
        columns: Vec<usize>,
    },
    /// Spreadsheet error cells (`#DIV/0!`, `#N/A`, …) were read as missing.
    ErrorCells {
        /// Column name.
        column: String,
        /// How many.
        count: usize,
        /// 1-based data row of the first.
        first_row: usize,
    },
    /// Date cells were read as ISO 8601 text (`2024-03-01`,
    /// `2024-03-01 08:30:00`).
    DatesAsText {
        /// Column name.
        column: String,
    },
}

/// Choices the user can make when a file is imported; all default to
/// detection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Text encoding, a WHATWG label as understood by `encoding_rs`
    /// (`"utf-8"`, `"gbk"`, `"gb18030"`, `"utf-16le"`, `"windows-1252"`…).
    /// `None`: BOM, then UTF-8, then GB18030.
    pub encoding: Option<String>,
    /// Field delimiter (`b','`, `b'\t'`, `b';'`, …). `None`: detected.
    pub delimiter: Option<u8>,
    /// Worksheet name. `None`: the first sheet.
    pub sheet: Option<String>,
}

/// A table read from a file, with what was detected.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The table.
    pub dataset: Dataset,
    /// The text encoding used (`encoding_rs` name: "UTF-8", "UTF-16LE",
    /// "GB18030", …); `None` for workbooks.
    pub encoding: Option<&'static str>,
    /// The delimiter used; `None` for workbooks.
    pub delimiter: Option<u8>,
    /// All sheet names of a workbook (empty for text).
    pub sheets: Vec<String>,
    /// The sheet read (workbooks only).
    pub sheet: Option<String>,
    /// What the import did on its own.
    pub warnings: Vec<ImportWarning>,
}

/// Import a table from a file's name and bytes.
///
/// Workbooks are recognised by their signature (ZIP: XLSX/ODS/XLSB, OLE2:
/// XLS) or their extension and read with `opts.sheet` (default: the first
/// sheet); everything else is read as delimited text through
/// [`DelimitedImport`] (encoding and delimiter detected unless
/// `opts` says otherwise). The first row is the header.
///
/// # Example
/// ```
/// use policylens::analysis::data::{import, ImportOptions};
/// let got = import("t.csv", b"case;x\nA;0,5\nB;NA\n", &ImportOptions::default()).unwrap();
/// assert_eq!(got.delimiter, Some(b';'));
/// assert_eq!(got.dataset.numeric("x").unwrap(), vec![Some(0.5), None]);
/// ```
///
/// # Errors
/// Every [`DataError`] about files: too large, empty, binary, undecodable,
/// unreadable workbook, missing sheet, header problems, ragged rows.
pub fn import(file_name: &str, bytes: &[u8], opts: &ImportOptions) -> Result<Imported, DataError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(DataError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    if let Some(format) = sniff_workbook(file_name, bytes) {
        return import_workbook(file_name, bytes, format, opts);
    }
    let mut job = DelimitedImport::new(file_name, bytes, opts)?;
    while !job.step(usize::MAX)?.done {}
    job.finish()
}

/// The base name of a file without directory and extension, as the
/// dataset's name ("data/LF.csv" → "LF").
pub(crate) fn dataset_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match base.rfind('.') {
        Some(p) if p > 0 => base.get(..p).unwrap_or(base),
        _ => base,
    };
    stem.to_owned()
}

/// The cells of one column: numbers or text, `None` where missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ColumnData {
    /// Every non-missing cell is a finite number.
    Numeric(Vec<Option<f64>>),
    /// At least one cell is not a number; cells are trimmed text.
    Text(Vec<Option<String>>),
}

impl ColumnData {
    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Numeric(v) => v.len(),
            ColumnData::Text(v) => v.len(),
        }
    }

    /// No cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The kind of the column.
    pub fn kind(&self) -> ColumnKind {
        match self {
            ColumnData::Numeric(_) => ColumnKind::Numeric,
            ColumnData::Text(_) => ColumnKind::Text,
        }
    }

    /// Number of missing cells.
    pub fn missing(&self) -> usize {
        match self {
            ColumnData::Numeric(v) => v.iter().filter(|c| c.is_none()).count(),
            ColumnData::Text(v) => v.iter().filter(|c| c.is_none()).count(),
        }
    }

    /// Cell `row` (0-based) as display text: numbers in Rust's shortest
    /// round-trip form, `None` when missing or out of range.
    pub fn text(&self, row: usize) -> Option<String> {
        match self {
            ColumnData::Numeric(v) => v.get(row).copied().flatten().map(|x| x.to_string()),
            ColumnData::Text(v) => v.get(row).cloned().flatten(),
        }
    }
}

/// Numeric or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnKind {
    /// Every non-missing cell is a number.
    Numeric,
    /// Some cell is text.
    Text,
}

/// One named column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The header name (trimmed, unique in its dataset, not empty).
    pub name: String,
    /// The cells.
    pub data: ColumnData,
}

/// Per-column summary shown next to the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    /// Column name.
    pub name: String,
    /// Numeric or text.
    pub kind: ColumnKind,
    /// Non-missing cells.
    pub count: usize,
    /// Missing cells.
    pub missing: usize,
    /// Smallest value (numeric columns with a value).
    pub min: Option<f64>,
    /// Largest value.
    pub max: Option<f64>,
    /// Arithmetic mean of the non-missing values.
    pub mean: Option<f64>,
}

/// A table: named columns of equal length, and optionally the column that
/// names the cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Name shown to the user (the file's base name).
    pub name: String,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// Index into `columns` of the case-name column, if chosen.
    pub case_column: Option<usize>,
}

impl Dataset {
    /// Number of rows (cases).
    pub fn n_rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// Number of columns.
    pub fn n_columns(&self) -> usize {
        self.columns.len()
    }

    /// The column of this name.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Index of the column of this name.
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The values of a numeric column.
    ///
    /// # Errors
    /// [`DataError::UnknownColumn`]; [`DataError::NotNumeric`] for a text
    /// column, naming its first non-number cell.
    pub fn numeric(&self, name: &str) -> Result<Vec<Option<f64>>, DataError> {
        let col = self.column(name).ok_or_else(|| DataError::UnknownColumn {
            name: name.to_owned(),
        })?;
        match &col.data {
            ColumnData::Numeric(v) => Ok(v.clone()),
            ColumnData::Text(v) => {
                let (row, value) = v
                    .iter()
                    .enumerate()
                    .find_map(|(i, c)| match c {
                        Some(t)
                            if parse_number(t, false).is_none()
                                && parse_number(t, true).is_none() =>
                        {
                            Some((i + 1, t.clone()))
                        }
                        _ => None,
                    })
                    .unwrap_or((0, String::new()));
                Err(DataError::NotNumeric {
                    column: name.to_owned(),
                    row,
                    value,
                })
            }
        }
    }

    /// The case names: the case column's text (a missing cell reads as its
    /// 1-based row number), else `"1"`, `"2"`, ….
    pub fn case_names(&self) -> Vec<String> {
        let col = self.case_column.and_then(|i| self.columns.get(i));
        (0..self.n_rows())
            .map(|row| {
                col.and_then(|c| c.data.text(row))
                    .unwrap_or_else(|| (row + 1).to_string())
            })
            .collect()
    }

    /// Choose the case-name column (`None`: row numbers).
    ///
    /// # Errors
    /// [`DataError::ColumnOutOfRange`] for an index past the last column.
    pub fn set_case_column(&mut self, index: Option<usize>) -> Result<(), DataError> {
        if let Some(i) = index
            && i >= self.columns.len()
        {
            return Err(DataError::ColumnOutOfRange {
                index: i,
                columns: self.columns.len(),
            });
        }
        self.case_column = index;
        Ok(())
    }

    /// Count, missing, min, max and mean of every column, in order. O(cells).
    pub fn summaries(&self) -> Vec<ColumnSummary> {
        self.columns
            .iter()
            .map(|c| {
                let missing = c.data.missing();
                let count = c.data.len() - missing;
                let (mut min, mut max, mut mean) = (None, None, None);
                if let ColumnData::Numeric(v) = &c.data {
                    let values = v.iter().flatten().copied();
                    min = values.clone().reduce(f64::min);
                    max = values.clone().reduce(f64::max);
                    if count > 0 {
                        mean = Some(values.sum::<f64>() / count as f64);
                    }
                }
                ColumnSummary {
                    name: c.name.clone(),
                    kind: c.data.kind(),
                    count,
                    missing,
                    min,
                    max,
                    mean,
                }
            })
            .collect()
    }

    /// Guess the column that names the cases: the first text column whose
    /// cells are all present and all different. O(cells · log rows).
    pub fn guess_case_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| match &c.data {
            ColumnData::Text(v) => {
                let mut seen = std::collections::HashSet::with_capacity(v.len());
                v.iter()
                    .all(|cell| cell.as_ref().is_some_and(|t| seen.insert(t.as_str())))
            }
            ColumnData::Numeric(_) => false,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sample() -> Dataset {
        Dataset {
            name: "t".into(),
            columns: vec![
                Column {
                    name: "x".into(),
                    data: ColumnData::Numeric(vec![Some(1.0), None, Some(3.0)]),
                },
                Column {
                    name: "case".into(),
                    data: ColumnData::Text(vec![
                        Some("a".into()),
                        Some("b".into()),
                        Some("c".into()),
                    ]),
                },
            ],
            case_column: None,
        }
    }

    #[test]
    fn summaries_ignore_missing_values() {
        let s = sample().summaries();
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].count, s[0].missing), (2, 1));
        assert_eq!(
            (s[0].min, s[0].max, s[0].mean),
            (Some(1.0), Some(3.0), Some(2.0))
        );
        assert_eq!(s[1].kind, ColumnKind::Text);
        assert_eq!(s[1].mean, None);
    }

    #[test]
    fn case_names_fall_back_to_row_numbers() {
        let mut d = sample();
        assert_eq!(d.case_names(), vec!["1", "2", "3"]);
        assert_eq!(d.guess_case_column(), Some(1));
        d.set_case_column(Some(1)).unwrap();
        assert_eq!(d.case_names(), vec!["a", "b", "c"]);
        assert!(d.set_case_column(Some(2)).is_err());
    }

    #[test]
    fn numeric_of_a_text_column_names_the_first_non_number() {
        let d = sample();
        assert_eq!(
            d.numeric("case"),
            Err(DataError::NotNumeric {
                column: "case".into(),
                row: 1,
                value: "a".into()
            })
        );
        assert_eq!(d.numeric("x").unwrap(), vec![Some(1.0), None, Some(3.0)]);
        assert!(matches!(
            d.numeric("y"),
            Err(DataError::UnknownColumn { .. })
        ));
    }

    #[test]
    fn dataset_name_is_the_file_stem() {
        assert_eq!(dataset_name("dir/LF.csv"), "LF");
        assert_eq!(dataset_name("C:\\x\\县域.xlsx"), "县域");
        assert_eq!(dataset_name(".hidden"), ".hidden");
        assert_eq!(dataset_name("noext"), "noext");
    }
}
