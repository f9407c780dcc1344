//! Delimited text (CSV, TSV, semicolon-separated) read in slices.

use std::borrow::Cow;

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs::Encoding;

use super::column::TableBuilder;
use super::encoding::decode;
use super::{DataError, ImportOptions, ImportWarning, Imported, MAX_IMPORT_BYTES, dataset_name};

/// The delimiters [`sniff_delimiter`] chooses from, in order of preference
/// on a tie (a tab or semicolon inside a field is rarer than a comma:
/// decimal commas, lists in notes).
pub const DELIMITER_CANDIDATES: [u8; 4] = [b'\t', b';', b',', b'|'];

/// How much text [`sniff_delimiter`] looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// How many records [`sniff_delimiter`] looks at.
const SNIFF_RECORDS: usize = 100;

/// Guess the field delimiter of delimited text.
///
/// Rule: for each of [`DELIMITER_CANDIDATES`], parse the first 100 records
/// (of at most 64 KiB, honouring quotes) and count the fields of each;
/// candidates whose header has fewer than 2 fields are out. The winner has
/// the largest share of records with as many fields as the header, then
/// the most fields, then comes first in the list. Without any winner the
/// text is one column and `,` is returned. O(min(n, 64 KiB)).
///
/// # Example
/// ```
/// use policylens::analysis::data::sniff_delimiter;
/// assert_eq!(sniff_delimiter(b"a;b\n\"1;2\";3,5\n"), b';');
/// assert_eq!(sniff_delimiter(b"a\tb,c\n1\t2,5\n"), b'\t');
/// ```
pub fn sniff_delimiter(text: &[u8]) -> u8 {
    let truncated = text.len() > SNIFF_BYTES;
    let sample = text.get(..SNIFF_BYTES).unwrap_or(text);
    let mut best: Option<(usize, usize, usize, u8)> = None; // (matching, total, fields, delim)
    for &d in &DELIMITER_CANDIDATES {
        let mut rdr = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(sample);
        let mut counts: Vec<usize> = Vec::new();
        let mut rec = ByteRecord::new();
        while counts.len() <= SNIFF_RECORDS {
            match rdr.read_byte_record(&mut rec) {
                Ok(true) => {
                    if !is_blank(&rec) {
                        counts.push(rec.len());
                    }
                }
                Ok(false) | Err(_) => break,
            }
        }
        if truncated && counts.len() > 1 {
            counts.pop();
        }
        let Some(&header) = counts.first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let matching = counts.iter().filter(|&&c| c == header).count();
        let total = counts.len();
        let better = match best {
            None => true,
            // matching/total > m/t, compared without division
            Some((m, t, f, _)) => {
                let (lhs, rhs) = (matching * t, m * total);
                lhs > rhs || (lhs == rhs && header > f)
            }
        };
        if better {
            best = Some((matching, total, header, d));
        }
    }
    best.map_or(b',', |(.., d)| d)
}

/// Every field of the record is empty or whitespace.
fn is_blank(rec: &ByteRecord) -> bool {
    rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// How far an incremental import has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far (not counting the header).
    pub rows_done: usize,
    /// Bytes of (decoded) text consumed so far.
    pub bytes_done: usize,
    /// Bytes of (decoded) text in all.
    pub bytes_total: usize,
    /// The whole text has been read: call [`DelimitedImport::finish`].
    pub done: bool,
}

impl Progress {
    /// Fraction done in [0, 1].
    pub fn fraction(&self) -> f64 {
        if self.bytes_total == 0 {
            1.0
        } else {
            self.bytes_done as f64 / self.bytes_total as f64
        }
    }
}

/// A delimited-text import that runs in slices, so that a browser can
/// parse a large file between animation frames and show progress.
///
/// [`DelimitedImport::new`] decodes the text (borrowing UTF-8 input,
/// taking ownership when given a `Vec<u8>`), detects the delimiter and
/// reads the header; [`DelimitedImport::step`] reads up to `max_rows` rows;
/// [`DelimitedImport::finish`] builds the [`Imported`] table. [`super::import`]
/// runs exactly this loop. Memory: the decoded text plus the columns
/// (16 bytes per numeric cell; text cells as `String`s).
///
/// # Example
/// ```
/// use policylens::analysis::data::{DelimitedImport, ImportOptions};
/// let mut job = DelimitedImport::new("t.csv", b"a,b\n1,2\n3,4\n".to_vec(), &ImportOptions::default())?;
/// while !job.step(1)?.done {}
/// let imported = job.finish()?;
/// assert_eq!(imported.dataset.n_rows(), 2);
/// # Ok::<(), policylens::analysis::data::DataError>(())
/// ```
#[derive(Debug)]
pub struct DelimitedImport<'a> {
    name: String,
    text: Cow<'a, [u8]>,
    start: usize,
    pos: usize,
    line: usize,
    delimiter: u8,
    encoding: &'static Encoding,
    table: Option<TableBuilder>,
    done: bool,
    warnings: Vec<ImportWarning>,
}

impl<'a> DelimitedImport<'a> {
    /// Decode `bytes`, detect the delimiter (unless `opts` sets them) and
    /// read the header.
    ///
    /// # Errors
    /// [`DataError::TooLarge`], [`DataError::Empty`], [`DataError::Binary`],
    /// [`DataError::Undecodable`], [`DataError::UnknownEncoding`],
    /// [`DataError::DuplicateColumnName`], [`DataError::Parse`].
    pub fn new(
        file_name: &str,
        bytes: impl Into<Cow<'a, [u8]>>,
        opts: &ImportOptions,
    ) -> Result<Self, DataError> {
        let bytes = bytes.into();
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(DataError::TooLarge {
                bytes: bytes.len(),
                limit: MAX_IMPORT_BYTES,
            });
        }
        if bytes.is_empty() {
            return Err(DataError::Empty);
        }
        let decoded = decode(bytes, opts.encoding.as_deref())?;
        let body = decoded.bytes.get(decoded.start..).unwrap_or_default();
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(DataError::Empty);
        }
        let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(body));
        let mut job = DelimitedImport {
            name: dataset_name(file_name),
            start: decoded.start,
            pos: decoded.start,
            text: decoded.bytes,
            line: 1,
            delimiter,
            encoding: decoded.encoding,
            table: None,
            done: false,
            warnings: Vec::new(),
        };
        job.read(1)?;
        if job.table.is_none() {
            return Err(DataError::Empty);
        }
        Ok(job)
    }

    /// The encoding the text was read as (`encoding_rs` name).
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// The delimiter in use.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Where the import stands.
    pub fn progress(&self) -> Progress {
        Progress {
            rows_done: self.table.as_ref().map_or(0, TableBuilder::rows),
            bytes_done: self.pos - self.start,
            bytes_total: self.text.len() - self.start,
            done: self.done,
        }
    }

    /// Read up to `max_rows` more rows (records, counting skipped blank
    /// ones). O(bytes read).
    ///
    /// # Errors
    /// [`DataError::RaggedRow`] for a row with the wrong number of fields,
    /// [`DataError::Parse`] when the parser fails.
    pub fn step(&mut self, max_rows: usize) -> Result<Progress, DataError> {
        self.read(max_rows)?;
        Ok(self.progress())
    }

    /// Read what is left and build the table.
    ///
    /// # Errors
    /// Those of [`DelimitedImport::step`], and [`DataError::NoRows`],
    /// [`DataError::EmptyColumnName`].
    pub fn finish(mut self) -> Result<Imported, DataError> {
        while !self.done {
            self.read(usize::MAX)?;
        }
        let table = self.table.ok_or(DataError::Empty)?;
        let mut warnings = self.warnings;
        let dataset = table.finish(self.name, &mut warnings)?;
        Ok(Imported {
            dataset,
            encoding: Some(self.encoding.name()),
            delimiter: Some(self.delimiter),
            sheets: Vec::new(),
            sheet: None,
            warnings,
        })
    }

    /// Read up to `max_records` records from `pos`; the first non-blank
    /// record is the header.
    fn read(&mut self, max_records: usize) -> Result<(), DataError> {
        if self.done {
            return Ok(());
        }
        let rest = self.text.get(self.pos..).unwrap_or_default();
        let mut rdr = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(rest);
        let mut rec = ByteRecord::new();
        let mut n = 0usize;
        while n < max_records {
            let more = rdr
                .read_byte_record(&mut rec)
                .map_err(|e| DataError::Parse {
                    line: self.line
                        + e.position()
                            .map_or(0, |p| p.line() as usize)
                            .saturating_sub(1),
                    message: e.to_string(),
                })?;
            if !more {
                self.done = true;
                break;
            }
            n += 1;
            let line = self.line + rec.position().map_or(1, |p| p.line() as usize) - 1;
            match &mut self.table {
                None => {
                    if is_blank(&rec) && rec.len() == 1 {
                        continue;
                    }
                    let names = rec.iter().map(field_str).map(Cow::into_owned).collect();
                    self.table = Some(TableBuilder::new(names, self.delimiter == b';')?);
                    if max_records == 1 {
                        // `new` reads only the header
                        break;
                    }
                }
                Some(table) => {
                    if is_blank(&rec) {
                        if rec.len() == 1 {
                            continue; // a blank line
                        }
                        if rec.len() == table.width() {
                            table.skip_empty_row(line);
                            continue;
                        }
                    }
                    if rec.len() != table.width() {
                        return Err(DataError::RaggedRow {
                            line,
                            expected: table.width(),
                            found: rec.len(),
                        });
                    }
                    let dc = table.decimal_comma;
                    for (col, field) in table.columns.iter_mut().zip(rec.iter()) {
                        col.push_text(&field_str(field), dc);
                    }
                }
            }
        }
        let p = rdr.position();
        self.pos += p.byte() as usize;
        self.line += (p.line() as usize).saturating_sub(1);
        Ok(())
    }
}

/// A field as text (always valid UTF-8: the text was validated and fields
/// are split at ASCII bytes; lossy conversion keeps this panic-free).
fn field_str(field: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(field)
}

/// Import cells copied from a spreadsheet: tab-separated text (as Excel,
/// LibreOffice and WPS put on the clipboard), first row the header. Text
/// without any tab is read with the delimiter detected.
///
/// # Example
/// ```
/// use policylens::analysis::data::import_pasted;
/// let got = import_pasted("县\t得分\n甲\t0.5\n乙\tNA\n").unwrap();
/// assert_eq!(got.dataset.n_rows(), 2);
/// assert_eq!(got.delimiter, Some(b'\t'));
/// ```
///
/// # Errors
/// As [`super::import`] for text.
pub fn import_pasted(text: &str) -> Result<Imported, DataError> {
    let opts = ImportOptions {
        encoding: None,
        delimiter: text.contains('\t').then_some(b'\t'),
        sheet: None,
    };
    let mut job = DelimitedImport::new("pasted", text.as_bytes(), &opts)?;
    while !job.step(usize::MAX)?.done {}
    job.finish()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::data::ColumnData;

    #[test]
    fn delimiters_are_sniffed_despite_quotes() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b\n0,5;1,5\n"), b';');
        assert_eq!(sniff_delimiter(b"\"x;y\",b\n\"1;2\",3\n"), b',');
        assert_eq!(sniff_delimiter(b"single\n1\n2\n"), b',');
    }

    #[test]
    fn steps_resume_where_they_stopped_and_count_lines() {
        let text = b"a,b\n1,2\n\n3,\"x\ny\"\n5,6,7\n";
        let mut job = DelimitedImport::new("t.csv", &text[..], &ImportOptions::default()).unwrap();
        let p = job.step(1).unwrap();
        assert_eq!((p.rows_done, p.done), (1, false));
        let p = job.step(1).unwrap();
        assert_eq!(p.rows_done, 2);
        assert_eq!(&text[p.bytes_done..], b"5,6,7\n");
        assert_eq!(
            job.step(1).unwrap_err(),
            DataError::RaggedRow {
                line: 6,
                expected: 2,
                found: 3
            }
        );
    }

    #[test]
    fn slice_size_does_not_change_the_result() {
        let text = "id,v,w\nA,1,x\n\nB,NA,2\n,,\nC,3.5,\"q,r\"\n";
        let whole =
            super::super::import("t.csv", text.as_bytes(), &ImportOptions::default()).unwrap();
        for k in 1..4 {
            let mut job =
                DelimitedImport::new("t.csv", text.as_bytes(), &ImportOptions::default()).unwrap();
            while !job.step(k).unwrap().done {}
            assert_eq!(job.finish().unwrap(), whole);
        }
        assert_eq!(
            whole.dataset.columns[1].data,
            ColumnData::Numeric(vec![Some(1.0), None, Some(3.5)])
        );
        assert_eq!(
            whole.warnings,
            vec![ImportWarning::EmptyRowsSkipped {
                count: 1,
                first_line: 5
            }]
        );
    }
}
