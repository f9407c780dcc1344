//! Delimited text (CSV, TSV, semicolon-separated) read in slices.

use std::borrow::Cow;

use csv::{ByteRecord, ReaderBuilder};
use encoding_rs::{Encoding, UTF_8};

use super::column::TableBuilder;
use super::encoding::{Source, Transcoder, open};
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

/// Input bytes decoded per [`DelimitedImport::step`] while a non-UTF-8
/// file is transcoded (2 MiB: some 10 ms natively).
pub const DECODE_SLICE_BYTES: usize = 2 * 1024 * 1024;

/// What an incremental import is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Transcoding a non-UTF-8 file to UTF-8 (bytes are input bytes).
    Decoding,
    /// Reading rows (bytes are bytes of UTF-8 text).
    Reading,
}

/// How far an incremental import has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Decoding or reading rows.
    pub phase: Phase,
    /// Data rows read so far (not counting the header).
    pub rows_done: usize,
    /// Bytes done in this phase.
    pub bytes_done: usize,
    /// Bytes in all in this phase.
    pub bytes_total: usize,
    /// The whole text has been read: call [`DelimitedImport::finish`].
    pub done: bool,
    /// The file is (or was) transcoded from another encoding, so the
    /// import has a decoding phase.
    pub transcoded: bool,
}

impl Progress {
    /// Fraction of the current phase done, in [0, 1].
    pub fn phase_fraction(&self) -> f64 {
        if self.bytes_total == 0 {
            1.0
        } else {
            (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0)
        }
    }

    /// Fraction of the whole import done, in [0, 1], for one progress bar
    /// that never goes back: with a decoding phase, decoding fills the
    /// first [`DECODING_SHARE`] of it.
    pub fn fraction(&self) -> f64 {
        let f = self.phase_fraction();
        match (self.transcoded, self.phase) {
            (false, _) => f,
            (true, Phase::Decoding) => DECODING_SHARE * f,
            (true, Phase::Reading) => DECODING_SHARE + (1.0 - DECODING_SHARE) * f,
        }
    }
}

/// Share of [`Progress::fraction`] given to decoding: in
/// `examples/import_bench.rs` a 50 MB GBK file took about 1.2 s against
/// 0.7 s for the same text in UTF-8, so decoding is roughly 40% of it.
pub const DECODING_SHARE: f64 = 0.4;

/// A delimited-text import that runs in slices, so that a browser can
/// parse a large file between animation frames and show progress.
///
/// [`DelimitedImport::new`] chooses the encoding (borrowing UTF-8 input,
/// taking ownership when given a `Vec<u8>`) and, for UTF-8, detects the
/// delimiter and reads the header. Each [`DelimitedImport::step`] then
/// either decodes [`DECODE_SLICE_BYTES`] of a non-UTF-8 file (after the
/// last slice it detects the delimiter and reads the header) or reads up to
/// `max_rows` rows; [`DelimitedImport::finish`] builds the [`Imported`]
/// table. [`super::import`] runs exactly this loop. Memory: the text
/// (borrowed, or the decoded copy) plus the columns (16 bytes per numeric
/// cell, a `String` per text cell) plus 8 bytes per row.
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
    /// Pending transcoding of a non-UTF-8 file; `text` is empty meanwhile.
    transcoder: Option<Transcoder<'a>>,
    text: Cow<'a, [u8]>,
    start: usize,
    pos: usize,
    line: usize,
    /// The user's delimiter, if any.
    chosen_delimiter: Option<u8>,
    /// The delimiter in use (known once the text is decoded).
    delimiter: u8,
    encoding: &'static Encoding,
    table: Option<TableBuilder>,
    done: bool,
    warnings: Vec<ImportWarning>,
    /// Where each data row's record starts (as csv reports it), to fetch
    /// the original spelling when a numeric column turns text.
    row_offsets: Vec<usize>,
}

impl<'a> DelimitedImport<'a> {
    /// Choose the encoding and, for UTF-8 text, detect the delimiter
    /// (unless `opts` set them) and read the header.
    ///
    /// # Errors
    /// [`DataError::TooLarge`], [`DataError::Empty`], [`DataError::Binary`],
    /// [`DataError::Undecodable`], [`DataError::UnknownEncoding`],
    /// [`DataError::DuplicateColumnName`], [`DataError::Parse`]. For other
    /// encodings the errors about the text come from [`DelimitedImport::step`].
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
        let (source, encoding) = open(bytes, opts.encoding.as_deref())?;
        let (text, start, transcoder) = match source {
            Source::Utf8 { bytes, start } => (bytes, start, None),
            Source::Transcode(t) => (Cow::Borrowed(&[][..]), 0, Some(t)),
        };
        let mut job = DelimitedImport {
            name: dataset_name(file_name),
            transcoder,
            text,
            start,
            pos: start,
            line: 1,
            chosen_delimiter: opts.delimiter,
            delimiter: opts.delimiter.unwrap_or(b','),
            encoding,
            table: None,
            done: false,
            warnings: Vec::new(),
            row_offsets: Vec::new(),
        };
        if job.transcoder.is_none() {
            job.begin()?;
        }
        Ok(job)
    }

    /// With the whole text in UTF-8: refuse an empty one, detect the
    /// delimiter, read the header.
    fn begin(&mut self) -> Result<(), DataError> {
        let body = self.text.get(self.start..).unwrap_or_default();
        if body.iter().all(u8::is_ascii_whitespace) {
            return Err(DataError::Empty);
        }
        let hinted = excel_separator_hint(body);
        if let Some((_, len)) = hinted {
            self.pos += len;
            self.line += 1;
        }
        let body = self.text.get(self.pos..).unwrap_or_default();
        self.delimiter = match (self.chosen_delimiter, hinted) {
            (Some(d), _) | (None, Some((d, _))) => d,
            (None, None) => sniff_delimiter(body),
        };
        while self.table.is_none() && !self.done {
            self.read(1)?;
        }
        if self.table.is_none() {
            return Err(DataError::Empty);
        }
        Ok(())
    }

    /// The encoding the text is read as (`encoding_rs` name: "UTF-8",
    /// "UTF-16LE", "gb18030", …).
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }

    /// The delimiter in use; `None` while the text is still being decoded.
    pub fn delimiter(&self) -> Option<u8> {
        self.transcoder.is_none().then_some(self.delimiter)
    }

    /// Where the import stands.
    pub fn progress(&self) -> Progress {
        if let Some(t) = &self.transcoder {
            let (bytes_done, bytes_total) = t.progress();
            return Progress {
                phase: Phase::Decoding,
                rows_done: 0,
                bytes_done,
                bytes_total,
                done: false,
                transcoded: true,
            };
        }
        Progress {
            phase: Phase::Reading,
            rows_done: self.table.as_ref().map_or(0, TableBuilder::rows),
            bytes_done: self.pos - self.start,
            bytes_total: self.text.len() - self.start,
            done: self.done,
            transcoded: self.encoding != UTF_8,
        }
    }

    /// Decode the next [`DECODE_SLICE_BYTES`] of a non-UTF-8 file, or read
    /// up to `max_rows` more rows (records, counting skipped blank ones).
    /// O(bytes handled).
    ///
    /// # Errors
    /// While decoding: [`DataError::Undecodable`], [`DataError::Binary`],
    /// then the header errors of [`DelimitedImport::new`]. While reading:
    /// [`DataError::RaggedRow`], [`DataError::Parse`].
    pub fn step(&mut self, max_rows: usize) -> Result<Progress, DataError> {
        if let Some(t) = &mut self.transcoder {
            if t.step(DECODE_SLICE_BYTES)? {
                if let Some(t) = self.transcoder.take() {
                    self.text = Cow::Owned(t.into_text()?);
                }
                self.begin()?;
            }
        } else {
            self.read(max_rows)?;
        }
        Ok(self.progress())
    }

    /// Read what is left and build the table.
    ///
    /// # Errors
    /// Those of [`DelimitedImport::step`], and [`DataError::NoRows`],
    /// [`DataError::EmptyColumnName`].
    pub fn finish(mut self) -> Result<Imported, DataError> {
        while !self.done {
            self.step(usize::MAX)?;
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
        let DelimitedImport {
            text,
            pos,
            line: base_line,
            delimiter,
            table,
            done,
            row_offsets,
            ..
        } = self;
        if *done {
            return Ok(());
        }
        let delimiter = *delimiter;
        let text: &[u8] = text;
        let rest = text.get(*pos..).unwrap_or_default();
        let mut rdr = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(rest);
        let mut rec = ByteRecord::new();
        let mut n = 0usize;
        while n < max_records {
            let more = rdr
                .read_byte_record(&mut rec)
                .map_err(|e| DataError::Parse {
                    line: *base_line
                        + e.position()
                            .map_or(0, |p| p.line() as usize)
                            .saturating_sub(1),
                    message: e.to_string(),
                })?;
            if !more {
                *done = true;
                break;
            }
            n += 1;
            // csv positions a record where its read began, before the blank
            // lines it skipped: add those.
            let (rec_line, rec_byte) = rec
                .position()
                .map_or((1, 0), |p| (p.line() as usize, p.byte() as usize));
            let line = *base_line + rec_line - 1
                + leading_line_ends(rest.get(rec_byte..).unwrap_or_default());
            match table {
                None => {
                    if is_blank(&rec) && rec.len() == 1 {
                        continue;
                    }
                    let names = rec.iter().map(field_str).map(Cow::into_owned).collect();
                    *table = Some(TableBuilder::new(names, delimiter == b';')?);
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
                    let offsets: &[usize] = row_offsets;
                    let mut originals = |col: usize, rows: usize| {
                        originals_from_text(text, offsets, delimiter, col, rows)
                    };
                    table.push_text_row(rec.iter().map(field_str), &mut originals);
                    row_offsets.push(*pos + rec_byte);
                }
            }
        }
        let p = rdr.position();
        *pos += p.byte() as usize;
        *base_line += (p.line() as usize).saturating_sub(1);
        Ok(())
    }
}

/// The trimmed text of field `col` of the first `rows` data rows, which
/// start (as the csv reader reports record starts) at `offsets`: one
/// sequential re-parse from the first row. Rows it cannot find are `None`.
fn originals_from_text(
    text: &[u8],
    offsets: &[usize],
    delimiter: u8,
    col: usize,
    rows: usize,
) -> Vec<Option<String>> {
    let mut out = Vec::with_capacity(rows);
    let Some(&first) = offsets.first() else {
        return out;
    };
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.get(first..).unwrap_or_default());
    let mut rec = ByteRecord::new();
    let mut wanted = offsets.iter().take(rows).peekable();
    while let Some(&&next) = wanted.peek() {
        if !matches!(rdr.read_byte_record(&mut rec), Ok(true)) {
            break;
        }
        let at = first + rec.position().map_or(0, |p| p.byte() as usize);
        if at < next {
            continue; // a skipped row
        }
        if at > next {
            break; // out of step: let the caller format the numbers
        }
        wanted.next();
        out.push(
            rec.get(col)
                .map(|f| String::from_utf8_lossy(f).trim().to_owned()),
        );
    }
    out
}

/// Excel's `sep=;` first line, which names the delimiter: the delimiter
/// and the length of the line with its line end.
fn excel_separator_hint(text: &[u8]) -> Option<(u8, usize)> {
    let prefix = text.get(..4)?;
    if !prefix.eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let d = *text.get(4).filter(|&&b| b != b'\n' && b != b'\r')?;
    match text.get(5..) {
        Some([]) | None => Some((d, 5)),
        Some([b'\r', b'\n', ..]) => Some((d, 7)),
        Some([b'\n' | b'\r', ..]) => Some((d, 6)),
        Some(_) => None,
    }
}

/// Number of line ends (`\n`, `\r\n` or a lone `\r`) before the first
/// other byte.
fn leading_line_ends(text: &[u8]) -> usize {
    let mut n = 0;
    let mut iter = text.iter().peekable();
    while let Some(&b) = iter.next() {
        match b {
            b'\n' => n += 1,
            b'\r' => {
                if iter.peek() != Some(&&b'\n') {
                    n += 1;
                }
            }
            _ => break,
        }
    }
    n
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
