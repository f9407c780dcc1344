//! Cell typing shared by every import path: missing-value tokens, number
//! parsing (with the optional decimal comma) and the column builder that
//! starts numeric and falls back to text at the first non-number.

use super::{Column, ColumnData, DataError, Dataset, ImportWarning};

/// The tokens read as a missing value (compared trimmed and
/// ASCII-case-insensitively), besides the empty cell.
pub const MISSING_TOKENS: [&str; 4] = ["NA", "N/A", ".", "-"];

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
    let t = cell.trim();
    t.is_empty() || MISSING_TOKENS.iter().any(|m| t.eq_ignore_ascii_case(m))
}

/// Parse a (trimmed, non-missing) cell as a finite number.
///
/// Accepted: an optional sign, digits with at most one decimal separator and
/// an optional exponent (`1`, `-0.5`, `.5`, `3.`, `1e-3`). With
/// `decimal_comma` a single `,` is also accepted as the decimal separator
/// (`0,81`), but not together with a `.`. Not accepted: thousands
/// separators, `inf`, `NaN`, percentages, hexadecimal. O(len).
///
/// # Example
/// ```
/// use policylens::analysis::data::parse_number;
/// assert_eq!(parse_number("0,81", true), Some(0.81));
/// assert_eq!(parse_number("0,81", false), None);
/// assert_eq!(parse_number("inf", false), None);
/// ```
pub fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let t = cell.trim();
    let mut has_digit = false;
    let mut commas = 0usize;
    let mut dots = 0usize;
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => has_digit = true,
            b'+' | b'-' | b'e' | b'E' => {}
            b'.' => dots += 1,
            b',' if decimal_comma => commas += 1,
            _ => return None,
        }
    }
    if !has_digit || commas > 1 || (commas == 1 && dots > 0) {
        return None;
    }
    let value = if commas == 1 {
        t.replacen(',', ".", 1).parse::<f64>().ok()?
    } else {
        t.parse::<f64>().ok()?
    };
    value.is_finite().then_some(value)
}

/// Does `text` read back exactly from `value`'s `Display` form? True for
/// plain decimals without superfluous zeros and at most 15 significant
/// digits (`12`, `-0.5`, `3.25`); false for `007`, `1.50`, `+1`, `1e3`,
/// `0,5`. Numeric cells whose text is not canonical keep their original
/// text while the column is still being typed, so that a column that turns
/// out to be text shows the cells as they were written.
fn is_canonical(text: &str) -> bool {
    let b = text.as_bytes();
    let body = match b.first() {
        Some(b'-') => b.get(1..).unwrap_or_default(),
        _ => b,
    };
    let (int, frac) = match body.iter().position(|&c| c == b'.') {
        Some(p) => (
            body.get(..p).unwrap_or_default(),
            Some(body.get(p + 1..).unwrap_or_default()),
        ),
        None => (body, None),
    };
    if int.is_empty() || !int.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if int.len() > 1 && int.first() == Some(&b'0') {
        return false;
    }
    let mut significant = int.iter().skip_while(|&&c| c == b'0').count();
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) || frac.last() == Some(&b'0') {
            return false;
        }
        significant += if significant == 0 {
            frac.iter().skip_while(|&&c| c == b'0').count()
        } else {
            frac.len()
        };
    }
    // "-0" displays as "-0" in Rust, which is fine, but keep it simple.
    significant <= 15 && text != "-0"
}

/// A column while rows are being read: numeric until the first non-missing
/// cell that is not a number, then text.
#[derive(Debug)]
pub(crate) enum ColumnBuilder {
    /// Every non-missing cell so far was a number. `raw` holds, sorted by
    /// row, the original text of cells whose text is not the canonical
    /// form of their value (dropped when the column stays numeric).
    Numeric {
        values: Vec<Option<f64>>,
        raw: Vec<(usize, Box<str>)>,
    },
    /// Some cell was text.
    Text(Vec<Option<String>>),
}

impl ColumnBuilder {
    pub(crate) fn new() -> Self {
        ColumnBuilder::Numeric {
            values: Vec::new(),
            raw: Vec::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            ColumnBuilder::Numeric { values, .. } => values.len(),
            ColumnBuilder::Text(v) => v.len(),
        }
    }

    /// Every cell so far is missing.
    pub(crate) fn all_missing(&self) -> bool {
        match self {
            ColumnBuilder::Numeric { values, .. } => values.iter().all(Option::is_none),
            ColumnBuilder::Text(v) => v.iter().all(Option::is_none),
        }
    }

    pub(crate) fn push_missing(&mut self) {
        match self {
            ColumnBuilder::Numeric { values, .. } => values.push(None),
            ColumnBuilder::Text(v) => v.push(None),
        }
    }

    /// A cell that is a number in its source (spreadsheet numbers).
    /// `text` is how it shows should the column become text.
    pub(crate) fn push_number(&mut self, value: f64, text: impl FnOnce() -> String) {
        match self {
            ColumnBuilder::Numeric { values, .. } => values.push(Some(value)),
            ColumnBuilder::Text(v) => v.push(Some(text())),
        }
    }

    /// A cell that is text in its source: missing, a number, or text.
    pub(crate) fn push_text(&mut self, cell: &str, decimal_comma: bool) {
        let t = cell.trim();
        if is_missing(t) {
            self.push_missing();
            return;
        }
        if let ColumnBuilder::Numeric { values, raw } = self {
            if let Some(v) = parse_number(t, decimal_comma) {
                if !is_canonical(t) {
                    raw.push((values.len(), t.into()));
                }
                values.push(Some(v));
                return;
            }
            self.convert_to_text();
        }
        if let ColumnBuilder::Text(v) = self {
            v.push(Some(t.to_owned()));
        }
    }

    /// A cell that is always text (spreadsheet strings that are not
    /// numbers, dates): forces the column to text.
    pub(crate) fn push_forced_text(&mut self, text: String) {
        if matches!(self, ColumnBuilder::Numeric { .. }) {
            self.convert_to_text();
        }
        if let ColumnBuilder::Text(v) = self {
            v.push(Some(text));
        }
    }

    fn convert_to_text(&mut self) {
        if let ColumnBuilder::Numeric { values, raw } = self {
            let mut raw = std::mem::take(raw).into_iter().peekable();
            let text = std::mem::take(values)
                .into_iter()
                .enumerate()
                .map(|(row, v)| {
                    let original = raw.next_if(|(r, _)| *r == row).map(|(_, t)| t);
                    match (v, original) {
                        (None, _) => None,
                        (Some(_), Some(t)) => Some(t.into_string()),
                        (Some(v), None) => Some(v.to_string()),
                    }
                })
                .collect();
            *self = ColumnBuilder::Text(text);
        }
    }

    pub(crate) fn finish(self) -> ColumnData {
        match self {
            ColumnBuilder::Numeric { values, .. } => ColumnData::Numeric(values),
            ColumnBuilder::Text(v) => ColumnData::Text(v),
        }
    }
}

/// Header plus column builders: the common end of the delimited and the
/// workbook path.
#[derive(Debug)]
pub(crate) struct TableBuilder {
    names: Vec<String>,
    pub(crate) columns: Vec<ColumnBuilder>,
    pub(crate) decimal_comma: bool,
    empty_rows: usize,
    first_empty_row_line: usize,
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
        Ok(TableBuilder {
            names,
            columns,
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
        for t in ["", "  ", "NA", "na", " n/a ", ".", "-", "\tNa"] {
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
        assert_eq!(parse_number("1.000,5", true), None);
        assert_eq!(parse_number("1,2,3", true), None);
        assert_eq!(parse_number("NaN", false), None);
        assert_eq!(parse_number("1e999", false), None);
        assert_eq!(parse_number("e", false), None);
        assert_eq!(parse_number("12abc", false), None);
    }

    #[test]
    fn canonical_text_is_what_display_prints() {
        for t in [
            "0",
            "12",
            "-3",
            "0.5",
            "3.25",
            "0.000123",
            "123456789012345",
        ] {
            assert!(is_canonical(t), "{t}");
            let v: f64 = t.parse().unwrap_or(f64::NAN);
            assert_eq!(v.to_string(), t);
        }
        for t in [
            "007",
            "1.50",
            "+1",
            "1e3",
            ".5",
            "5.",
            "0,5",
            "1234567890123456",
            "-0",
        ] {
            assert!(!is_canonical(t), "{t}");
        }
    }

    #[test]
    fn a_column_turning_text_keeps_the_original_spelling() {
        let mut c = ColumnBuilder::new();
        for cell in ["007", "1", "NA", "1.50", "abc"] {
            c.push_text(cell, false);
        }
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
