//! Cell typing shared by every import path: missing-value tokens, number
//! parsing (with the optional decimal comma) and the column builder that
//! starts numeric and falls back to text at the first non-number.

use std::borrow::Cow;

use super::{Column, ColumnData, DataError, Dataset, ImportWarning};

/// The tokens read as a missing value (compared trimmed and
/// ASCII-case-insensitively), besides the empty cell.
pub const MISSING_TOKENS: [&str; 4] = ["NA", "N/A", ".", "-"];

/// `str::trim` (Unicode whitespace, so also the ideographic space U+3000),
/// with a fast path for the usual cell that starts and ends with a visible
/// ASCII character.
pub(crate) fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Is this cell text a missing value? Empty (after trimming) or one of
/// [`MISSING_TOKENS`], case-insensitive.
///
/// # Example
/// ```
/// use policylens::analysis::data::is_missing;
/// assert!(is_missing(" na "));
/// assert!(is_missing(""));
/// assert!(!is_missing("0"));
/// ```
pub fn is_missing(cell: &str) -> bool {
    let t = trim(cell);
    t.is_empty() || MISSING_TOKENS.iter().any(|m| t.eq_ignore_ascii_case(m))
}

/// Parse a (trimmed, non-missing) cell as a finite number.
///
/// Accepted: an optional sign, digits with at most one decimal point and an
/// optional exponent (`1`, `-0.5`, `.5`, `3.`, `1e-3`), and digits grouped
/// by thousands separators in the strict form `1,234,567.5` (groups of
/// exactly three digits, no exponent). With `decimal_comma` the roles swap:
/// `0,81` and `1.234.567,5`; a lone `.` still reads as a decimal point
/// (`1.5`, `1.234`), since a file with decimal commas may hold both. Not
/// accepted: `1,5` without `decimal_comma` (it is not a grouping), `inf`,
/// `NaN`, hexadecimal, currency signs. A percentage (`45%`, `12.5 %`, as
/// Excel copies percent-formatted cells) reads as its fraction (0.45,
/// 0.125). O(len).
///
/// # Example
/// ```
/// use policylens::analysis::data::parse_number;
/// assert_eq!(parse_number("0,81", true), Some(0.81));
/// assert_eq!(parse_number("0,81", false), None);
/// assert_eq!(parse_number("1,234.5", false), Some(1234.5));
/// assert_eq!(parse_number("1.234,5", true), Some(1234.5));
/// assert_eq!(parse_number("inf", false), None);
/// ```
pub fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let t = trim(cell);
    if let Some(p) = t.strip_suffix('%') {
        return parse_number(p.strip_suffix(' ').unwrap_or(p), decimal_comma)
            .filter(|_| !p.ends_with('%'))
            .map(|v| v / 100.0);
    }
    let (group, point) = if decimal_comma {
        (b'.', b',')
    } else {
        (b',', b'.')
    };
    let mut has_digit = false;
    let mut groups = 0usize;
    let mut points = 0usize;
    let mut exponent = false;
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => has_digit = true,
            b'+' | b'-' => {}
            b'e' | b'E' => exponent = true,
            b if b == point => points += 1,
            b if b == group => groups += 1,
            _ => return None,
        }
    }
    if !has_digit || points > 1 {
        return None;
    }
    let value = if groups == 0 && (points == 0 || point == b'.') {
        t.parse::<f64>().ok()?
    } else if decimal_comma && points == 0 && groups == 1 {
        // `1.5` in a file with decimal commas: a decimal point
        t.parse::<f64>().ok()?
    } else {
        if groups > 0 && (exponent || !is_grouped(t, group, point)) {
            return None;
        }
        let plain: String = t
            .bytes()
            .filter(|&b| b != group)
            .map(|b| if b == point { '.' } else { char::from(b) })
            .collect();
        plain.parse::<f64>().ok()?
    };
    value.is_finite().then_some(value)
}

/// Is the integer part of `t` (ASCII: sign, digits, separators) grouped
/// as `d{1,3}(G d{3})*`?
fn is_grouped(t: &str, group: u8, point: u8) -> bool {
    let body = t.strip_prefix(['+', '-']).unwrap_or(t).as_bytes();
    let int = match body.iter().position(|&b| b == point) {
        Some(p) => body.get(..p).unwrap_or_default(),
        None => body,
    };
    let mut chunks = int.split(|&b| b == group);
    let first_ok = chunks
        .next()
        .is_some_and(|c| (1..=3).contains(&c.len()) && c.iter().all(u8::is_ascii_digit));
    first_ok && chunks.all(|c| c.len() == 3 && c.iter().all(u8::is_ascii_digit))
}

/// The original text of the earlier cells of a column that turns out to
/// be text: called at most once per column, with the column's index and
/// the number of rows so far; returns one entry per row (`None` where the
/// source has nothing better than the number itself).
pub(crate) type Originals<'s> = &'s mut dyn FnMut(usize, usize) -> Vec<Option<String>>;

/// A column while rows are being read: numeric until the first non-missing
/// cell that is not a number, then text. A numeric column keeps only its
/// values (16 bytes a cell); when it turns text, the earlier cells are
/// spelled as in the source (`007`, `1.50`), fetched once through
/// [`Originals`].
#[derive(Debug)]
pub(crate) enum ColumnBuilder {
    /// Every non-missing cell so far was a number.
    Numeric(Vec<Option<f64>>),
    /// Some cell was text.
    Text(Vec<Option<String>>),
}

impl ColumnBuilder {
    pub(crate) fn new() -> Self {
        ColumnBuilder::Numeric(Vec::new())
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            ColumnBuilder::Numeric(v) => v.len(),
            ColumnBuilder::Text(v) => v.len(),
        }
    }

    /// Every cell so far is missing.
    pub(crate) fn all_missing(&self) -> bool {
        match self {
            ColumnBuilder::Numeric(v) => v.iter().all(Option::is_none),
            ColumnBuilder::Text(v) => v.iter().all(Option::is_none),
        }
    }

    pub(crate) fn push_missing(&mut self) {
        match self {
            ColumnBuilder::Numeric(v) => v.push(None),
            ColumnBuilder::Text(v) => v.push(None),
        }
    }

    /// A cell that is a number in its source (spreadsheet numbers).
    /// `text` is how it shows should the column be text.
    pub(crate) fn push_number(&mut self, value: f64, text: impl FnOnce() -> String) {
        match self {
            ColumnBuilder::Numeric(v) => v.push(Some(value)),
            ColumnBuilder::Text(v) => v.push(Some(text())),
        }
    }

    /// A cell that is text in its source: missing, a number, or text.
    /// `col` is this column's index, for `originals`.
    pub(crate) fn push_text(
        &mut self,
        cell: &str,
        decimal_comma: bool,
        col: usize,
        originals: Originals<'_>,
    ) {
        let t = trim(cell);
        if is_missing(t) {
            self.push_missing();
            return;
        }
        if let ColumnBuilder::Numeric(values) = self {
            if let Some(v) = parse_number(t, decimal_comma) {
                values.push(Some(v));
                return;
            }
            self.convert_to_text(col, originals);
        }
        if let ColumnBuilder::Text(v) = self {
            v.push(Some(t.to_owned()));
        }
    }

    /// A cell that is always text (dates): forces the column to text.
    pub(crate) fn push_forced_text(&mut self, text: String, col: usize, originals: Originals<'_>) {
        self.convert_to_text(col, originals);
        if let ColumnBuilder::Text(v) = self {
            v.push(Some(text));
        }
    }

    fn convert_to_text(&mut self, col: usize, originals: Originals<'_>) {
        if let ColumnBuilder::Numeric(values) = self {
            let values = std::mem::take(values);
            let mut spelled = originals(col, values.len()).into_iter();
            let text = values
                .into_iter()
                .map(|v| {
                    let original = spelled.next().flatten();
                    v.map(|x| original.unwrap_or_else(|| x.to_string()))
                })
                .collect();
            *self = ColumnBuilder::Text(text);
        }
    }

    pub(crate) fn finish(self) -> ColumnData {
        match self {
            ColumnBuilder::Numeric(values) => ColumnData::Numeric(values),
            ColumnBuilder::Text(v) => ColumnData::Text(v),
        }
    }
}

/// Spreadsheet error values as Excel writes them into cells and into CSV
/// exports; read as missing, with an [`ImportWarning::ErrorCells`].
pub const ERROR_LITERALS: [&str; 8] = [
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#GETTING_DATA",
];

/// Is this (trimmed) cell one of [`ERROR_LITERALS`]? Case-insensitive.
pub fn is_error_literal(cell: &str) -> bool {
    let t = trim(cell);
    t.starts_with('#') && ERROR_LITERALS.iter().any(|e| t.eq_ignore_ascii_case(e))
}

/// What happened in one column besides its values.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ColumnNotes {
    /// Error cells read as missing.
    pub(crate) errors: usize,
    /// 1-based data row of the first.
    pub(crate) first_error_row: usize,
    /// Some date cell became text.
    pub(crate) dates: bool,
}

/// Header plus column builders: the common end of the delimited and the
/// workbook path.
#[derive(Debug)]
pub(crate) struct TableBuilder {
    names: Vec<String>,
    pub(crate) columns: Vec<ColumnBuilder>,
    pub(crate) notes: Vec<ColumnNotes>,
    pub(crate) decimal_comma: bool,
    empty_rows: usize,
    first_empty_row_line: usize,
}

impl ColumnNotes {
    /// An error cell in 1-based data row `row`.
    pub(crate) fn error(&mut self, row: usize) {
        if self.errors == 0 {
            self.first_error_row = row;
        }
        self.errors += 1;
    }
}

impl TableBuilder {
    /// Check the header (trimmed names; duplicates are refused here, empty
    /// names when the table is finished, see [`TableBuilder::finish`]).
    pub(crate) fn new(names: Vec<String>, decimal_comma: bool) -> Result<Self, DataError> {
        let names: Vec<String> = names.into_iter().map(|n| n.trim().to_owned()).collect();
        for (i, name) in names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            if let Some(j) = names.iter().take(i).position(|n| n == name) {
                return Err(DataError::DuplicateColumnName {
                    name: name.clone(),
                    first: j + 1,
                    second: i + 1,
                });
            }
        }
        let columns = names.iter().map(|_| ColumnBuilder::new()).collect();
        let notes = vec![ColumnNotes::default(); names.len()];
        Ok(TableBuilder {
            names,
            columns,
            notes,
            decimal_comma,
            empty_rows: 0,
            first_empty_row_line: 0,
        })
    }

    pub(crate) fn width(&self) -> usize {
        self.names.len()
    }

    pub(crate) fn rows(&self) -> usize {
        self.columns.first().map_or(0, ColumnBuilder::len)
    }

    /// Push one text cell into every column (the row has the table's
    /// width): missing, error literal, number or text.
    pub(crate) fn push_text_row<'c>(
        &mut self,
        cells: impl Iterator<Item = Cow<'c, str>>,
        originals: Originals<'_>,
    ) {
        let data_row = self.rows() + 1;
        let dc = self.decimal_comma;
        let columns = self.columns.iter_mut().zip(self.notes.iter_mut());
        for (j, ((col, notes), cell)) in columns.zip(cells).enumerate() {
            if is_error_literal(&cell) {
                col.push_missing();
                notes.error(data_row);
            } else {
                col.push_text(&cell, dc, j, originals);
            }
        }
    }

    /// Note a row whose cells are all empty, at `line` (skipped).
    pub(crate) fn skip_empty_row(&mut self, line: usize) {
        if self.empty_rows == 0 {
            self.first_empty_row_line = line;
        }
        self.empty_rows += 1;
    }

    /// Build the dataset. Columns whose header is empty and whose cells are
    /// all missing (the trailing separators Excel writes) are dropped with a
    /// warning; an empty header over data is an error.
    pub(crate) fn finish(
        self,
        name: String,
        warnings: &mut Vec<ImportWarning>,
    ) -> Result<Dataset, DataError> {
        let rows = self.rows();
        for (col_name, notes) in self.names.iter().zip(&self.notes) {
            if notes.errors > 0 {
                warnings.push(ImportWarning::ErrorCells {
                    column: col_name.clone(),
                    count: notes.errors,
                    first_row: notes.first_error_row,
                });
            }
            if notes.dates {
                warnings.push(ImportWarning::DatesAsText {
                    column: col_name.clone(),
                });
            }
        }
        if self.empty_rows > 0 {
            warnings.push(ImportWarning::EmptyRowsSkipped {
                count: self.empty_rows,
                first_line: self.first_empty_row_line,
            });
        }
        let mut dropped = Vec::new();
        let mut columns = Vec::with_capacity(self.names.len());
        for (i, (col_name, builder)) in self.names.into_iter().zip(self.columns).enumerate() {
            if col_name.is_empty() {
                if builder.all_missing() {
                    dropped.push(i + 1);
                    continue;
                }
                return Err(DataError::EmptyColumnName { column: i + 1 });
            }
            columns.push(Column {
                name: col_name,
                data: builder.finish(),
            });
        }
        if !dropped.is_empty() {
            warnings.push(ImportWarning::EmptyColumnsDropped { columns: dropped });
        }
        if columns.is_empty() {
            return Err(DataError::Empty);
        }
        if rows == 0 {
            return Err(DataError::NoRows);
        }
        Ok(Dataset {
            name,
            columns,
            case_column: None,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn missing_tokens_are_trimmed_and_case_insensitive() {
        for t in [
            "",
            "  ",
            "NA",
            "na",
            " n/a ",
            ".",
            "-",
            "\tNa",
            "\u{3000}NA\u{3000}",
        ] {
            assert!(is_missing(t), "{t:?}");
        }
        for t in ["0", "NaN", "none", "--", "x"] {
            assert!(!is_missing(t), "{t:?}");
        }
    }

    #[test]
    fn numbers_parse_with_optional_decimal_comma() {
        assert_eq!(parse_number("1", false), Some(1.0));
        assert_eq!(parse_number(" -0.5 ", false), Some(-0.5));
        assert_eq!(parse_number("1e-3", false), Some(0.001));
        assert_eq!(parse_number("0,5", true), Some(0.5));
        assert_eq!(parse_number("0,5", false), None);
        assert_eq!(parse_number("1,2,3", true), None);
        assert_eq!(parse_number("1.5", true), Some(1.5));
        assert_eq!(parse_number("45%", false), Some(0.45));
        assert_eq!(parse_number("12,5 %", true), Some(0.125));
        assert_eq!(parse_number("%", false), None);
        assert_eq!(parse_number("5%%", false), None);
    }

    #[test]
    fn thousands_separators_are_accepted_only_in_strict_groups() {
        assert_eq!(parse_number("1,234", false), Some(1234.0));
        assert_eq!(parse_number("-12,345,678.25", false), Some(-12_345_678.25));
        assert_eq!(parse_number("1.000,5", true), Some(1000.5));
        assert_eq!(parse_number("1.234.567", true), Some(1_234_567.0));
        for bad in ["1,23", "1234,567", ",123", "1,234e3", "1,,234", "12,34.5"] {
            assert_eq!(parse_number(bad, false), None, "{bad}");
        }
        for bad in ["1.23,5", "1.2.3", "1.234,5,6"] {
            assert_eq!(parse_number(bad, true), None, "{bad}");
        }
        assert_eq!(parse_number("NaN", false), None);
        assert_eq!(parse_number("1e999", false), None);
        assert_eq!(parse_number("e", false), None);
        assert_eq!(parse_number("12abc", false), None);
    }

    #[test]
    fn a_column_turning_text_keeps_the_original_spelling() {
        let cells = ["007", "1", "NA", "1.50", "abc"];
        let mut calls = 0;
        let mut originals = |col: usize, rows: usize| {
            calls += 1;
            assert_eq!(col, 3);
            cells[..rows].iter().map(|c| Some(c.to_string())).collect()
        };
        let mut c = ColumnBuilder::new();
        for cell in cells {
            c.push_text(cell, false, 3, &mut originals);
        }
        assert_eq!(calls, 1);
        assert_eq!(
            c.finish(),
            ColumnData::Text(vec![
                Some("007".into()),
                Some("1".into()),
                None,
                Some("1.50".into()),
                Some("abc".into())
            ])
        );
    }
}
