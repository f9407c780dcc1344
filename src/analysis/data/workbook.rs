//! Workbooks (XLSX, XLS, ODS, XLSB) through `calamine`.
//!
//! The first non-empty row of the sheet's used range is the header. Cells:
//! numbers are numbers; booleans are 1 and 0; strings are typed like text
//! cells (so `"NA"` is missing and `"0.5"` a number); empty cells are
//! missing; error cells (`#DIV/0!`, `#N/A`, …) are missing, with an
//! [`ImportWarning::ErrorCells`]; dates and times become ISO 8601 text
//! (`2024-03-01`, `2024-03-01 08:30:00`) with an
//! [`ImportWarning::DatesAsText`], since a serial day number means nothing
//! to a reader; durations become numbers of days.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsb, Xlsx};

use super::column::TableBuilder;
use super::{DataError, ImportOptions, ImportWarning, Imported, dataset_name};

/// A spreadsheet file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookFormat {
    /// Office Open XML (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel 97–2003 (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
}

impl WorkbookFormat {
    /// Short upper-case name, as in messages.
    pub fn name(self) -> &'static str {
        match self {
            WorkbookFormat::Xlsx => "XLSX",
            WorkbookFormat::Xls => "XLS",
            WorkbookFormat::Ods => "ODS",
            WorkbookFormat::Xlsb => "XLSB",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Is this file a workbook, and which? By signature: a ZIP archive is ODS
/// when its first entry is the ODS `mimetype` (or the extension is
/// `.ods`), XLSB when the extension says so, else XLSX; an OLE2 compound
/// file is XLS. A file with a workbook extension but no signature is a
/// workbook only if it holds NUL bytes (else it is text saved under the
/// wrong name, as some statistics systems do). O(1) but for that NUL scan.
pub fn sniff_workbook(file_name: &str, bytes: &[u8]) -> Option<WorkbookFormat> {
    let ext = extension(file_name);
    if bytes.starts_with(ZIP_MAGIC) {
        let head = bytes.get(..200).unwrap_or(bytes);
        let ods = ext == "ods" || head.windows(ODS_MIMETYPE.len()).any(|w| w == ODS_MIMETYPE);
        return Some(if ods {
            WorkbookFormat::Ods
        } else if ext == "xlsb" {
            WorkbookFormat::Xlsb
        } else {
            WorkbookFormat::Xlsx
        });
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Some(WorkbookFormat::Xls);
    }
    let by_ext = match ext.as_str() {
        "xlsx" | "xlsm" => Some(WorkbookFormat::Xlsx),
        "xls" => Some(WorkbookFormat::Xls),
        "ods" => Some(WorkbookFormat::Ods),
        "xlsb" => Some(WorkbookFormat::Xlsb),
        _ => None,
    };
    by_ext.filter(|_| bytes.contains(&0))
}

/// Read one sheet of a workbook (`opts.sheet`, default the first) into a
/// table. O(cells).
///
/// # Errors
/// [`DataError::UnreadableWorkbook`], [`DataError::MissingSheet`],
/// [`DataError::EmptySheet`], and the header errors of text files.
pub fn import_workbook(
    file_name: &str,
    bytes: &[u8],
    format: WorkbookFormat,
    opts: &ImportOptions,
) -> Result<Imported, DataError> {
    let cursor = Cursor::new(bytes);
    let name = dataset_name(file_name);
    match format {
        WorkbookFormat::Xlsx => read::<Xlsx<_>>(cursor, format, name, opts),
        WorkbookFormat::Xls => read::<Xls<_>>(cursor, format, name, opts),
        WorkbookFormat::Ods => read::<Ods<_>>(cursor, format, name, opts),
        WorkbookFormat::Xlsb => read::<Xlsb<_>>(cursor, format, name, opts),
    }
}

fn read<'b, R>(
    cursor: Cursor<&'b [u8]>,
    format: WorkbookFormat,
    name: String,
    opts: &ImportOptions,
) -> Result<Imported, DataError>
where
    R: Reader<Cursor<&'b [u8]>>,
    R::Error: std::fmt::Display,
{
    let unreadable = |e: R::Error| DataError::UnreadableWorkbook {
        format: format.name().to_owned(),
        message: e.to_string(),
    };
    let mut wb = R::new(cursor).map_err(unreadable)?;
    let sheets = wb.sheet_names();
    let sheet = match &opts.sheet {
        Some(s) => {
            sheets
                .iter()
                .find(|n| *n == s)
                .cloned()
                .ok_or_else(|| DataError::MissingSheet {
                    name: s.clone(),
                    available: sheets.clone(),
                })?
        }
        None => sheets.first().cloned().ok_or(DataError::Empty)?,
    };
    let range = wb.worksheet_range(&sheet).map_err(unreadable)?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = range
        .rows()
        .enumerate()
        .map(|(i, r)| (first_row + i + 1, r));
    let header = loop {
        match rows.next() {
            None => return Err(DataError::EmptySheet { sheet }),
            Some((_, r)) if r.iter().all(is_blank) => continue,
            Some((_, r)) => break r,
        }
    };
    let names = header.iter().map(header_text).collect();
    let mut table = TableBuilder::new(names, false)?;
    let width = table.width();
    let mut errors: Vec<(usize, usize)> = vec![(0, 0); width]; // (count, first data row)
    let mut dates = vec![false; width];
    for (sheet_row, cells) in rows {
        if cells.iter().all(is_blank) {
            table.skip_empty_row(sheet_row);
            continue;
        }
        let data_row = table.rows() + 1;
        for (i, col) in table.columns.iter_mut().enumerate() {
            match cells.get(i).unwrap_or(&Data::Empty) {
                Data::Empty => col.push_missing(),
                Data::String(s) => col.push_text(s, false),
                Data::Float(f) => col.push_number(*f, || f.to_string()),
                Data::Int(n) => col.push_number(*n as f64, || n.to_string()),
                Data::Bool(b) => col.push_number(f64::from(u8::from(*b)), || {
                    if *b { "TRUE" } else { "FALSE" }.to_owned()
                }),
                Data::DateTime(dt) if dt.is_duration() => {
                    col.push_number(dt.as_f64(), || dt.as_f64().to_string());
                }
                Data::DateTime(dt) => {
                    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
                    let text = if (h, mi, s) == (0, 0, 0) {
                        format!("{y:04}-{mo:02}-{d:02}")
                    } else {
                        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
                    };
                    col.push_forced_text(text);
                    if let Some(flag) = dates.get_mut(i) {
                        *flag = true;
                    }
                }
                Data::DateTimeIso(s) => {
                    col.push_forced_text(s.replacen('T', " ", 1));
                    if let Some(flag) = dates.get_mut(i) {
                        *flag = true;
                    }
                }
                Data::DurationIso(s) => col.push_forced_text(s.clone()),
                Data::Error(_) => {
                    col.push_missing();
                    if let Some(e) = errors.get_mut(i) {
                        if e.0 == 0 {
                            e.1 = data_row;
                        }
                        e.0 += 1;
                    }
                }
            }
        }
    }
    let mut warnings = Vec::new();
    let names: Vec<String> = header.iter().map(header_text).collect();
    for (i, col_name) in names.iter().enumerate() {
        if let Some(&(count, first_row)) = errors.get(i).filter(|e| e.0 > 0) {
            warnings.push(ImportWarning::ErrorCells {
                column: col_name.trim().to_owned(),
                count,
                first_row,
            });
        }
        if dates.get(i).copied().unwrap_or(false) {
            warnings.push(ImportWarning::DatesAsText {
                column: col_name.trim().to_owned(),
            });
        }
    }
    let dataset = table.finish(name, &mut warnings)?;
    Ok(Imported {
        dataset,
        encoding: None,
        delimiter: None,
        sheets,
        sheet: Some(sheet),
        warnings,
    })
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn header_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_are_recognised_by_signature_then_extension() {
        assert_eq!(
            sniff_workbook("a.bin", b"PK\x03\x04rest"),
            Some(WorkbookFormat::Xlsx)
        );
        assert_eq!(
            sniff_workbook("a.xlsb", b"PK\x03\x04rest"),
            Some(WorkbookFormat::Xlsb)
        );
        let mut ods = b"PK\x03\x04".to_vec();
        ods.extend_from_slice(&[0; 26]);
        ods.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK");
        assert_eq!(sniff_workbook("a", &ods), Some(WorkbookFormat::Ods));
        assert_eq!(
            sniff_workbook("a.csv", OLE_MAGIC),
            Some(WorkbookFormat::Xls)
        );
        assert_eq!(sniff_workbook("a.xls", b"a,b\n1,2\n"), None);
        assert_eq!(
            sniff_workbook("a.XLSX", b"a\0b"),
            Some(WorkbookFormat::Xlsx)
        );
        assert_eq!(sniff_workbook("a.csv", b"a,b"), None);
    }
}
