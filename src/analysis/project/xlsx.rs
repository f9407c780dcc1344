//! Tables as one XLSX workbook: the report's tables (data summary,
//! calibrations, necessity, truth table, solutions, stakeholder results…),
//! one sheet each, written with `rust_xlsxwriter`.
//!
//! A [`Sheet`] is a caption, a header row and typed [`Cell`]s; the same
//! value is rendered as an HTML table by the report, so the workbook and
//! the report hold the same numbers. [`write_xlsx`] lays each sheet out as
//! the caption in row 1, the header in row 2 and the rows below, numbers
//! as numbers (3 decimals shown, full precision kept), sheet names made
//! valid for Excel by [`sheet_names`]. Complexity O(cells).

use std::collections::HashSet;

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde::{Deserialize, Serialize};

/// Longest sheet name Excel accepts, in characters.
pub const MAX_SHEET_NAME_CHARS: usize = 31;

/// Characters Excel does not allow in a sheet name.
const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];

/// Excel's number format of [`Cell::Number`]: 3 decimals, as everywhere
/// in the app.
pub const NUMBER_FORMAT: &str = "0.000";

/// One cell of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A measure (consistency, coverage, membership…): shown with 3
    /// decimals, stored in full. Always finite (see [`Cell::number`]).
    Number(f64),
    /// A count or raw value: shown as it is. Always finite.
    Value(f64),
}

impl Cell {
    /// A measure; a non-finite value becomes the text "—" (JSON and Excel
    /// have no NaN).
    pub fn number(v: f64) -> Cell {
        if v.is_finite() {
            Cell::Number(v)
        } else {
            Cell::Text("—".to_owned())
        }
    }

    /// A count or raw value; a non-finite value becomes "—".
    pub fn value(v: f64) -> Cell {
        if v.is_finite() {
            Cell::Value(v)
        } else {
            Cell::Text("—".to_owned())
        }
    }

    /// A count.
    pub fn count(n: usize) -> Cell {
        Cell::Value(n as f64)
    }

    /// An empty cell.
    pub fn empty() -> Cell {
        Cell::Text(String::new())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

/// One table: a sheet of the workbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The wished sheet name (made valid and unique by [`sheet_names`]).
    pub name: String,
    /// The table's caption (row 1).
    pub caption: String,
    /// Column headers (row 2).
    pub header: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// Why the workbook could not be written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WorkbookError {
    /// The writer refused a sheet or a cell.
    #[error("cannot write sheet `{sheet}`: {message}")]
    Sheet {
        /// The sheet's (valid) name.
        sheet: String,
        /// The writer's message.
        message: String,
    },
    /// The writer could not assemble the file.
    #[error("cannot assemble the workbook: {message}")]
    Assemble {
        /// The writer's message.
        message: String,
    },
}

/// Valid, unique sheet names for `wished`, in order: characters Excel
/// forbids (`[ ] : * ? / \`) become `_`, leading and trailing apostrophes
/// go, an empty name becomes `Sheet<n>`, names are cut to
/// [`MAX_SHEET_NAME_CHARS`] characters, and a name already used (Excel
/// compares without case) gets ` (2)`, ` (3)`… within the limit.
/// Complexity O(total characters · duplicates).
pub fn sheet_names(wished: &[&str]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(wished.len());
    for (i, raw) in wished.iter().enumerate() {
        let clean: String = raw
            .chars()
            .map(|c| {
                if FORBIDDEN.contains(&c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let clean = clean.trim().trim_matches('\'').trim().to_owned();
        let base = if clean.is_empty() || clean.eq_ignore_ascii_case("history") {
            format!("Sheet{}", i + 1)
        } else {
            clean
        };
        let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>();
        let mut name = cut(&base, MAX_SHEET_NAME_CHARS);
        let mut k = 2;
        while used.contains(&name.to_lowercase()) {
            let suffix = format!(" ({k})");
            let keep = MAX_SHEET_NAME_CHARS.saturating_sub(suffix.chars().count());
            name = format!("{}{suffix}", cut(&base, keep).trim_end());
            k += 1;
        }
        used.insert(name.to_lowercase());
        out.push(name);
    }
    out
}

/// Writes `sheets` as an XLSX workbook (the file's bytes). An empty list
/// gives a workbook with one empty sheet (Excel needs one).
///
/// # Errors
/// [`WorkbookError`] when the writer refuses a value (it should not for
/// valid names and finite numbers) or cannot zip the file.
pub fn write_xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let number = Format::new().set_num_format(NUMBER_FORMAT);
    let names = sheet_names(&sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>());
    for (sheet, name) in sheets.iter().zip(&names) {
        let err = |e: XlsxError| WorkbookError::Sheet {
            sheet: name.clone(),
            message: e.to_string(),
        };
        let ws = workbook.add_worksheet();
        ws.set_name(name).map_err(err)?;
        ws.write_string_with_format(0, 0, &sheet.caption, &bold)
            .map_err(err)?;
        for (j, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(1, col(j), h, &bold)
                .map_err(err)?;
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(i + 2).map_err(|_| WorkbookError::Sheet {
                sheet: name.clone(),
                message: "too many rows".to_owned(),
            })?;
            for (j, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(t) if t.is_empty() => {}
                    Cell::Text(t) => {
                        ws.write_string(r, col(j), t).map_err(err)?;
                    }
                    Cell::Number(v) => {
                        ws.write_number_with_format(r, col(j), *v, &number)
                            .map_err(err)?;
                    }
                    Cell::Value(v) => {
                        ws.write_number(r, col(j), *v).map_err(err)?;
                    }
                }
            }
        }
        ws.set_freeze_panes(2, 0).map_err(err)?;
    }
    if sheets.is_empty() {
        workbook.add_worksheet();
    }
    workbook
        .save_to_buffer()
        .map_err(|e| WorkbookError::Assemble {
            message: e.to_string(),
        })
}

/// A column index for the writer (tables have far fewer than 16,384
/// columns; wider ones are cut at Excel's limit by the writer's error).
fn col(j: usize) -> u16 {
    u16::try_from(j).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;

    fn read_back(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        match Xlsx::new(Cursor::new(bytes)) {
            Ok(x) => x,
            Err(e) => panic!("not a readable xlsx: {e}"),
        }
    }

    fn sample() -> Vec<Sheet> {
        vec![
            Sheet {
                name: "Truth table Y".into(),
                caption: "真值表，结果：SURV".into(),
                header: vec!["#".into(), "DEV".into(), "incl".into(), "案例".into()],
                rows: vec![
                    vec![
                        Cell::count(32),
                        Cell::count(1),
                        Cell::number(0.904_321),
                        "AU, 甲县".into(),
                    ],
                    vec![
                        Cell::count(2),
                        Cell::count(0),
                        Cell::number(f64::NAN),
                        Cell::empty(),
                    ],
                ],
            },
            Sheet {
                name: "Solutions: complex [M1] / *?".into(),
                caption: "c".into(),
                header: vec![],
                rows: vec![],
            },
        ]
    }

    #[test]
    fn the_workbook_reads_back_with_the_same_sheets_text_and_numbers() {
        let bytes = write_xlsx(&sample()).unwrap_or_default();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        let mut x = read_back(bytes);
        assert_eq!(
            x.sheet_names(),
            vec![
                "Truth table Y".to_owned(),
                "Solutions_ complex _M1_ _ __".into()
            ]
        );
        let range = match x.worksheet_range("Truth table Y") {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(
            range.get_value((0, 0)),
            Some(&Data::String("真值表，结果：SURV".into()))
        );
        assert_eq!(range.get_value((1, 3)), Some(&Data::String("案例".into())));
        assert_eq!(range.get_value((2, 0)), Some(&Data::Float(32.0)));
        assert_eq!(range.get_value((2, 2)), Some(&Data::Float(0.904_321)));
        assert_eq!(
            range.get_value((2, 3)),
            Some(&Data::String("AU, 甲县".into()))
        );
        assert_eq!(range.get_value((3, 2)), Some(&Data::String("—".into())));
        assert!(matches!(range.get_value((3, 3)), None | Some(Data::Empty)));
    }

    #[test]
    fn sheet_names_are_valid_unique_and_at_most_31_characters() {
        let long = "Necessity for the negated outcome ~SERVICE_CAPABILITY";
        let names = sheet_names(&[long, long, "", "a/b", "'quoted'", "History", "A", "a"]);
        assert_eq!(names.len(), 8);
        for n in &names {
            assert!(n.chars().count() <= MAX_SHEET_NAME_CHARS, "{n}");
            assert!(!n.contains(FORBIDDEN), "{n}");
            assert!(!n.is_empty());
            assert!(!n.starts_with('\'') && !n.ends_with('\''));
        }
        let lower: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
        assert_eq!(lower.len(), names.len());
        assert_eq!(
            names.get(1).map(String::as_str),
            Some("Necessity for the negated o (2)")
        );
        assert_eq!(names.get(2).map(String::as_str), Some("Sheet3"));
        assert_eq!(names.get(3).map(String::as_str), Some("a_b"));
        assert_eq!(names.get(7).map(String::as_str), Some("a (2)"));
    }

    #[test]
    fn chinese_sheet_names_are_cut_by_characters_not_bytes() {
        let name = "必要条件分析".repeat(8);
        let names = sheet_names(&[&name]);
        assert_eq!(names.first().map(|n| n.chars().count()), Some(31));
        let sheets = vec![Sheet {
            name,
            caption: "必要条件".into(),
            header: vec!["条件".into()],
            rows: vec![vec!["~发展".into()]],
        }];
        let mut x = read_back(write_xlsx(&sheets).unwrap_or_default());
        let first = x.sheet_names().first().cloned().unwrap_or_default();
        assert_eq!(first.chars().count(), 31);
        let range = x.worksheet_range(&first).unwrap_or_default();
        assert_eq!(range.get_value((2, 0)), Some(&Data::String("~发展".into())));
    }

    #[test]
    fn an_empty_list_still_makes_a_valid_workbook() {
        let x = read_back(write_xlsx(&[]).unwrap_or_default());
        assert_eq!(x.sheet_names().len(), 1);
    }
}
