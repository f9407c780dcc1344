//! Workbooks (XLSX, XLS, ODS, XLSB) through `calamine`.
//!
//! See [`import_workbook`] for how cells are typed and how robust the
//! readers are.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsb, Xlsx};

use super::column::{TableBuilder, is_error_literal};
use super::{DataError, ImportOptions, Imported, dataset_name};

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
/// The first non-empty row of the sheet's used range is the header. Cells:
/// numbers are numbers; booleans are 1 and 0; strings are typed like text
/// cells (so `"NA"` is missing and `"0.5"` a number); empty cells are
/// missing; error cells (`#DIV/0!`, `#N/A`, …, also as strings) are
/// missing, with an [`super::ImportWarning::ErrorCells`]; dates and times become ISO 8601 text
/// (`2024-03-01`, `2024-03-01 08:30:00`) with an
/// [`super::ImportWarning::DatesAsText`], since a serial day number means nothing
/// to a reader; durations become numbers of days.
///
/// # Robustness
/// calamine's XLSX and ODS readers withstood 20,000 randomly damaged
/// copies of the sample files without a panic. Its XLS reader does not
/// (upstream issues tafia/calamine#684, #714): a damaged `.xls` can make
/// it slice out of range (a panic) or request an absurd allocation (an
/// abort). One cause of such allocations (a damaged DIMENSIONS record) is
/// checked here before calamine runs; the others, and the out-of-range
/// reads, cannot be prevented from outside calamine, and with
/// `panic = "abort"` (the release profile, and always in wasm) they cannot
/// be caught either. So:
/// random bytes and damaged XLSX/ODS files give errors, but a damaged XLS
/// may still crash. The web app should read workbooks in a web worker, so
/// that such a file costs the worker, not the page.
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
    let unreadable = |message: &str| DataError::UnreadableWorkbook {
        format: format.name().to_owned(),
        message: message.to_owned(),
    };
    if format == WorkbookFormat::Xls && !xls_dimensions_plausible(bytes) {
        return Err(unreadable("a sheet's dimensions are out of range"));
    }
    let cursor = Cursor::new(bytes);
    let name = dataset_name(file_name);
    match format {
        WorkbookFormat::Xlsx => read::<Xlsx<_>>(cursor, format, name, opts),
        WorkbookFormat::Xls => read::<Xls<_>>(cursor, format, name, opts),
        WorkbookFormat::Ods => read::<Ods<_>>(cursor, format, name, opts),
        WorkbookFormat::Xlsb => read::<Xlsb<_>>(cursor, format, name, opts),
    }
}

/// Largest sheet an XLS (BIFF8) file can describe: 65,536 rows × 256 columns.
const XLS_MAX_CELLS: u64 = 65_536 * 256;

/// Do all DIMENSIONS records (type 0x0200) found in the raw bytes describe
/// a sheet an XLS file can hold? calamine reserves rows × columns cells
/// from this record before reading any, so a damaged one makes it request
/// terabytes and abort the process (not a catchable panic). The scan
/// looks for the record header bytes anywhere in the file (records are
/// almost never split across sectors), decodes the fields exactly as
/// calamine does and refuses start > end or more than [`XLS_MAX_CELLS`].
/// O(n).
fn xls_dimensions_plausible(bytes: &[u8]) -> bool {
    let u16_at = |r: &[u8], i: usize| -> u32 {
        r.get(i..i + 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map_or(0, |b| u32::from(u16::from_le_bytes(b)))
    };
    let u32_at = |r: &[u8], i: usize| -> u32 {
        r.get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, u32::from_le_bytes)
    };
    for (i, w) in bytes.windows(4).enumerate() {
        let &[0x00, 0x02, len, 0x00] = w else {
            continue;
        };
        let Some(r) = bytes.get(i + 4..i + 4 + usize::from(len)) else {
            continue;
        };
        let (rf, rl, mut cf, cl) = match len {
            10 => (u16_at(r, 0), u16_at(r, 2), u16_at(r, 4), u16_at(r, 6)),
            14 | 16 => (u32_at(r, 0), u32_at(r, 4), u16_at(r, 8), u16_at(r, 10)),
            _ => continue,
        };
        if cf > 0xFF || cl < cf {
            cf = 0;
        }
        if rl >= 1 && cl >= 1 {
            if rf > rl - 1 {
                return false;
            }
            let rows = u64::from(rl - rf);
            let cols = u64::from(cl - cf);
            if rows.saturating_mul(cols) > XLS_MAX_CELLS {
                return false;
            }
        }
    }
    true
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
    // range row index of each data row, to fetch the original spelling
    // when a numeric column turns text
    let mut data_rows: Vec<usize> = Vec::new();
    for (sheet_row, cells) in rows {
        if cells.iter().all(is_blank) {
            table.skip_empty_row(sheet_row);
            continue;
        }
        let data_row = table.rows() + 1;
        let done_rows: &[usize] = &data_rows;
        let mut originals = |col: usize, n: usize| -> Vec<Option<String>> {
            done_rows
                .iter()
                .take(n)
                .map(|&r| range.get((r, col)).and_then(cell_text))
                .collect()
        };
        let TableBuilder { columns, notes, .. } = &mut table;
        for (i, (col, notes)) in columns.iter_mut().zip(notes.iter_mut()).enumerate() {
            match cells.get(i).unwrap_or(&Data::Empty) {
                Data::Empty => col.push_missing(),
                Data::String(s) if is_error_literal(s) => {
                    col.push_missing();
                    notes.error(data_row);
                }
                Data::String(s) => col.push_text(s, false, i, &mut originals),
                Data::Float(f) => col.push_number(*f, || f.to_string()),
                Data::Int(n) => col.push_number(*n as f64, || n.to_string()),
                Data::Bool(b) => col.push_number(f64::from(u8::from(*b)), || bool_text(*b)),
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
                    col.push_forced_text(text, i, &mut originals);
                    notes.dates = true;
                }
                Data::DateTimeIso(s) => {
                    col.push_forced_text(s.replacen('T', " ", 1), i, &mut originals);
                    notes.dates = true;
                }
                Data::DurationIso(s) => col.push_forced_text(s.clone(), i, &mut originals),
                Data::Error(_) => {
                    col.push_missing();
                    notes.error(data_row);
                }
            }
        }
        data_rows.push(sheet_row - first_row - 1);
    }
    let mut warnings = Vec::new();
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

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned()
}

/// A cell as it reads in the sheet (strings trimmed); `None` for empty,
/// error and date cells.
fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => Some(s.trim().to_owned()),
        Data::Float(f) => Some(f.to_string()),
        Data::Int(n) => Some(n.to_string()),
        Data::Bool(b) => Some(bool_text(*b)),
        _ => None,
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
