//! Several raters: importing ratings in wide or long shape, aggregating them
//! per stakeholder and dimension (mean or median, with spread), agreement
//! between raters (Kendall's W with tie correction and its chi-square test)
//! and the stakeholders on which raters disagree most.

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::error::OutOfScale;
use super::model::{Dimension, Ratings, Stakeholder, check_dimensions, find_dimension, name_key};
use super::stats;
use super::tolerance::{RANK_TIE_EPS, SCALE_EPS};

/// One rating: a respondent's value for a stakeholder on a dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// Index into [`RaterData::respondents`].
    pub respondent: usize,
    /// Index into [`RaterData::stakeholders`].
    pub stakeholder: usize,
    /// Index into [`RaterData::dimensions`].
    pub dimension: usize,
    /// The rating, within the dimension's scale.
    pub value: f64,
    /// 1-based data row it came from (0 when entered by hand).
    pub row: usize,
}

/// All ratings of all respondents (the long shape, validated).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RaterData {
    /// The stakeholders (unique names).
    pub stakeholders: Vec<Stakeholder>,
    /// The dimensions (unique names).
    pub dimensions: Vec<Dimension>,
    /// Respondent identifiers; a wide table without a respondent column has
    /// one respondent named `""`.
    pub respondents: Vec<String>,
    /// The ratings.
    pub ratings: Vec<Rating>,
}

/// The result of an import: the data that could be read, and every
/// problem found in the cells that could not (each says row and column).
/// Nothing is dropped silently: a cell is either in `data` or in `problems`,
/// and names merged because they differ only in case or spaces are listed
/// in `merged`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Import {
    /// The valid ratings.
    pub data: RaterData,
    /// Problems, in row order.
    pub problems: Vec<StakeholderError>,
    /// Spellings that were read as an earlier name (warnings: their
    /// ratings count under the kept name), by kind, then kept name.
    pub merged: Vec<MergedName>,
}

/// What kind of name was merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// A stakeholder name.
    Stakeholder,
    /// A respondent (rater) identifier.
    Respondent,
    /// A dimension name (long form: the dimension column).
    Dimension,
}

impl NameKind {
    /// The English noun ("stakeholder", "respondent", "dimension").
    pub fn noun(self) -> &'static str {
        match self {
            NameKind::Stakeholder => "stakeholder",
            NameKind::Respondent => "respondent",
            NameKind::Dimension => "dimension",
        }
    }
}

/// A spelling of a name that differs from a kept name only in case or
/// white space (see the name key: lower-cased, white space removed) and was
/// therefore read as that name. Leading and trailing spaces alone are
/// trimmed silently, as for every cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error(
    "{} `{spelling}` (row{} {}) was read as `{kept}`{}: the names differ only in case or spaces",
    kind.noun(),
    if rows.len() == 1 { "" } else { "s" },
    row_list(rows),
    kept_row.map(|r| format!(" (first in row {r})")).unwrap_or_default()
)]
pub struct MergedName {
    /// Stakeholder, respondent or dimension.
    pub kind: NameKind,
    /// The name the ratings count under (first spelling met, or the
    /// declared dimension / listed stakeholder).
    pub kept: String,
    /// First data row (1-based) where the kept spelling appears, if it
    /// appears in the data.
    pub kept_row: Option<usize>,
    /// The other spelling found (trimmed).
    pub spelling: String,
    /// Every data row (1-based) with that spelling, ascending.
    pub rows: Vec<usize>,
}

/// Rows as a short list: runs of consecutive rows as ranges ("3–5, 9").
/// O(rows).
pub fn row_list(rows: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = rows.get(i) {
        let mut end = start;
        let mut j = i + 1;
        while let Some(&next) = rows.get(j) {
            if next != end + 1 {
                break;
            }
            end = next;
            j += 1;
        }
        parts.push(if end == start {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i = j;
    }
    parts.join(", ")
}

/// Which columns of a wide table hold what (0-based column indices).
/// Wide: one row per stakeholder (or per respondent × stakeholder when a
/// respondent column is given), one column per dimension.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct WideLayout {
    /// Column of the stakeholder name.
    pub name: usize,
    /// Column of the group, if any.
    pub group: Option<usize>,
    /// Column of the notes, if any.
    pub notes: Option<usize>,
    /// Column of the respondent, if the table holds several raters.
    pub respondent: Option<usize>,
    /// (column, dimension name) pairs.
    pub dimensions: Vec<(usize, String)>,
}

/// Which columns of a long table hold what (0-based column indices).
/// Long: one row per respondent × stakeholder × dimension, as survey tools export.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LongLayout {
    /// Column of the respondent.
    pub respondent: usize,
    /// Column of the stakeholder name.
    pub stakeholder: usize,
    /// Column of the dimension name.
    pub dimension: usize,
    /// Column of the rating.
    pub rating: usize,
    /// Column of the stakeholder's group, if any.
    pub group: Option<usize>,
}

fn cell(row: &[String], col: usize) -> &str {
    row.get(col).map(String::as_str).unwrap_or("")
}

fn check_column(col: usize, width: usize) -> Result<(), StakeholderError> {
    if col < width {
        Ok(())
    } else {
        Err(StakeholderError::ColumnOutOfRange { column: col, width })
    }
}

/// State shared by both importers: the registry of respondents and
/// stakeholders and the cell checks.
struct Builder {
    data: RaterData,
    problems: Vec<StakeholderError>,
    /// (respondent, stakeholder, dimension) → row of the first rating.
    seen: std::collections::HashMap<(usize, usize, usize), usize>,
    /// (kind, index, trimmed spelling) → rows where it was read.
    spellings: std::collections::BTreeMap<(NameKind, usize, String), Vec<usize>>,
}

impl Builder {
    fn new(dimensions: &[Dimension]) -> Result<Self, StakeholderError> {
        check_dimensions(dimensions)?;
        Ok(Self {
            data: RaterData {
                dimensions: dimensions.to_vec(),
                ..RaterData::default()
            },
            problems: Vec::new(),
            seen: std::collections::HashMap::new(),
            spellings: std::collections::BTreeMap::new(),
        })
    }

    /// Notes that `row` spelled name `index` of `kind` as `text`.
    fn spelled(&mut self, kind: NameKind, index: usize, text: &str, row: usize) {
        let rows = self
            .spellings
            .entry((kind, index, text.trim().to_string()))
            .or_default();
        if rows.last() != Some(&row) {
            rows.push(row);
        }
    }

    /// The index of respondent `name` (merged by [`name_key`]), added if new.
    fn respondent(&mut self, name: &str, row: usize) -> usize {
        let key = name_key(name);
        let i = match self
            .data
            .respondents
            .iter()
            .position(|r| name_key(r) == key)
        {
            Some(i) => i,
            None => {
                self.data.respondents.push(name.trim().to_string());
                self.data.respondents.len() - 1
            }
        };
        self.spelled(NameKind::Respondent, i, name, row);
        i
    }

    fn stakeholder(&mut self, name: &str, group: &str, notes: &str, row: usize) -> usize {
        let key = name_key(name);
        let i = match self
            .data
            .stakeholders
            .iter()
            .position(|s| name_key(&s.name) == key)
        {
            Some(i) => i,
            None => {
                self.data.stakeholders.push(Stakeholder {
                    name: name.trim().to_string(),
                    group: group.trim().to_string(),
                    notes: notes.trim().to_string(),
                });
                self.data.stakeholders.len() - 1
            }
        };
        self.spelled(NameKind::Stakeholder, i, name, row);
        i
    }

    /// The spellings that differ from the kept names. O(spellings).
    fn merged(&self) -> Vec<MergedName> {
        let kept_name = |kind: NameKind, i: usize| -> Option<&str> {
            match kind {
                NameKind::Stakeholder => self.data.stakeholders.get(i).map(|s| s.name.as_str()),
                NameKind::Respondent => self.data.respondents.get(i).map(String::as_str),
                NameKind::Dimension => self.data.dimensions.get(i).map(|d| d.name.as_str()),
            }
        };
        self.spellings
            .iter()
            .filter_map(|((kind, i, spelling), rows)| {
                let kept = kept_name(*kind, *i)?;
                (spelling != kept).then(|| MergedName {
                    kind: *kind,
                    kept: kept.to_string(),
                    kept_row: self
                        .spellings
                        .get(&(*kind, *i, kept.to_string()))
                        .and_then(|r| r.first().copied()),
                    spelling: spelling.clone(),
                    rows: rows.clone(),
                })
            })
            .collect()
    }

    fn finish(self) -> Import {
        let merged = self.merged();
        Import {
            data: self.data,
            problems: self.problems,
            merged,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rating(
        &mut self,
        row: usize,
        column: &str,
        respondent: usize,
        stakeholder: usize,
        dimension: usize,
        text: &str,
    ) {
        let Some(dim) = self.data.dimensions.get(dimension) else {
            return;
        };
        let s_name = self
            .data
            .stakeholders
            .get(stakeholder)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let value = match dim.scale.parse(text) {
            Ok(None) => return,
            Ok(Some(v)) => v,
            Err(()) => {
                self.problems.push(StakeholderError::NotNumeric {
                    row,
                    column: column.to_string(),
                    stakeholder: s_name,
                    dimension: dim.name.clone(),
                    value: text.to_string(),
                });
                return;
            }
        };
        let respondent_name = self
            .data
            .respondents
            .get(respondent)
            .cloned()
            .unwrap_or_default();
        if !dim.scale.contains(value) {
            self.problems
                .push(StakeholderError::OutOfScale(Box::new(OutOfScale {
                    row: Some(row),
                    column: Some(column.to_string()),
                    respondent: (!respondent_name.is_empty()).then_some(respondent_name),
                    stakeholder: s_name,
                    dimension: dim.name.clone(),
                    value,
                    min: dim.scale.min(),
                    max: dim.scale.max(),
                })));
            return;
        }
        if let Some(&first_row) = self.seen.get(&(respondent, stakeholder, dimension)) {
            self.problems.push(StakeholderError::DuplicateRating {
                respondent: respondent_name,
                stakeholder: s_name,
                dimension: dim.name.clone(),
                first_row,
                row,
            });
            return;
        }
        self.seen.insert((respondent, stakeholder, dimension), row);
        self.data.ratings.push(Rating {
            respondent,
            stakeholder,
            dimension,
            value: value.clamp(dim.scale.min(), dim.scale.max()),
            row,
        });
    }
}

/// Reads a wide table. `header` names the columns; `rows` are the data rows
/// (row 1 is `rows[0]`). A row with an empty name is reported and skipped;
/// without a respondent column a repeated name is a duplicate stakeholder.
///
/// # Errors
/// Fatal problems only: a column index outside the header, duplicate or
/// unknown dimensions. Cell problems go to [`Import::problems`].
pub fn read_wide(
    header: &[String],
    rows: &[Vec<String>],
    layout: &WideLayout,
    dimensions: &[Dimension],
) -> Result<Import, StakeholderError> {
    let width = header.len();
    let mut b = Builder::new(dimensions)?;
    for col in [
        Some(layout.name),
        layout.group,
        layout.notes,
        layout.respondent,
    ]
    .into_iter()
    .flatten()
    .chain(layout.dimensions.iter().map(|(c, _)| *c))
    {
        check_column(col, width)?;
    }
    let dims: Vec<(usize, usize)> = layout
        .dimensions
        .iter()
        .map(|(c, name)| find_dimension(dimensions, name).map(|d| (*c, d)))
        .collect::<Result<_, _>>()?;
    let mut first_row_of: Vec<(String, usize)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let row = i + 1;
        let name = cell(r, layout.name);
        if name.trim().is_empty() {
            if dims.iter().any(|&(c, _)| !cell(r, c).trim().is_empty()) {
                b.problems.push(StakeholderError::EmptyName { row });
            }
            continue;
        }
        let respondent_text = layout.respondent.map(|c| cell(r, c)).unwrap_or("");
        let dup_key = format!("{}\u{1f}{}", name_key(respondent_text), name_key(name));
        if let Some((_, first_row)) = first_row_of.iter().find(|(k, _)| *k == dup_key) {
            if layout.respondent.is_none() {
                b.problems.push(StakeholderError::DuplicateStakeholder {
                    name: name.trim().to_string(),
                    first_row: *first_row,
                    row,
                });
                continue;
            }
        } else {
            first_row_of.push((dup_key, row));
        }
        let resp = b.respondent(respondent_text, row);
        let s = b.stakeholder(
            name,
            layout.group.map(|c| cell(r, c)).unwrap_or(""),
            layout.notes.map(|c| cell(r, c)).unwrap_or(""),
            row,
        );
        for &(c, d) in &dims {
            let column = header.get(c).cloned().unwrap_or_default();
            b.rating(row, &column, resp, s, d, cell(r, c));
        }
    }
    Ok(b.finish())
}

/// Reads a long table (respondent × stakeholder × dimension × rating).
/// Stakeholders are created in order of first appearance unless `known`
/// lists them (then an unknown name is a problem); a dimension name that is
/// not declared is a problem for that row.
///
/// # Errors
/// Fatal problems only (column out of range, duplicate dimensions).
///
/// # Example
/// ```
/// use policylens::analysis::stakeholder::*;
/// let header: Vec<String> = ["respondent", "stakeholder", "dimension", "rating"].map(String::from).to_vec();
/// let rows: Vec<Vec<String>> = vec![
///     ["R1", "患者", "power", "2"].map(String::from).to_vec(),
///     ["R1", "患者", "power", "9"].map(String::from).to_vec(),
/// ];
/// let layout = LongLayout { respondent: 0, stakeholder: 1, dimension: 2, rating: 3, group: None };
/// let dims = [Dimension::new("power", Scale::likert(5).unwrap())];
/// let import = read_long(&header, &rows, &layout, &dims, None).unwrap();
/// assert_eq!(import.data.ratings.len(), 1);
/// assert_eq!(import.problems.len(), 1); // row 2: 9 is outside 1..5
/// ```
pub fn read_long(
    header: &[String],
    rows: &[Vec<String>],
    layout: &LongLayout,
    dimensions: &[Dimension],
    known: Option<&[Stakeholder]>,
) -> Result<Import, StakeholderError> {
    let width = header.len();
    for col in [
        Some(layout.respondent),
        Some(layout.stakeholder),
        Some(layout.dimension),
        Some(layout.rating),
        layout.group,
    ]
    .into_iter()
    .flatten()
    {
        check_column(col, width)?;
    }
    let mut b = Builder::new(dimensions)?;
    if let Some(known) = known {
        super::model::check_names(known)?;
        b.data.stakeholders = known.to_vec();
    }
    let column = header.get(layout.rating).cloned().unwrap_or_default();
    for (i, r) in rows.iter().enumerate() {
        let row = i + 1;
        let name = cell(r, layout.stakeholder);
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if name.trim().is_empty() {
            b.problems.push(StakeholderError::EmptyName { row });
            continue;
        }
        if known.is_some()
            && !b
                .data
                .stakeholders
                .iter()
                .any(|s| name_key(&s.name) == name_key(name))
        {
            b.problems.push(StakeholderError::UnknownStakeholder {
                stakeholder: name.trim().to_string(),
                row,
            });
            continue;
        }
        let dimension_text = cell(r, layout.dimension);
        let d = match find_dimension(dimensions, dimension_text) {
            Ok(d) => d,
            Err(e) => {
                b.problems.push(e);
                continue;
            }
        };
        b.spelled(NameKind::Dimension, d, dimension_text, row);
        let resp = b.respondent(cell(r, layout.respondent), row);
        let s = b.stakeholder(
            name,
            layout.group.map(|c| cell(r, c)).unwrap_or(""),
            "",
            row,
        );
        b.rating(row, &column, resp, s, d, cell(r, layout.rating));
    }
    Ok(b.finish())
}

/// How ratings of several respondents are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Arithmetic mean.
    #[default]
    Mean,
    /// Median (mean of the two middle values for an even count).
    Median,
}

/// The spread of the ratings of one stakeholder on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Number of ratings.
    pub n: usize,
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// Sample standard deviation (n − 1); `None` for a single rating.
    pub sd: Option<f64>,
    /// First quartile (R type 7).
    pub q1: f64,
    /// Third quartile (R type 7).
    pub q3: f64,
    /// Interquartile range q3 − q1.
    pub iqr: f64,
    /// Smallest rating.
    pub min: f64,
    /// Largest rating.
    pub max: f64,
}

/// Aggregated ratings with the spread behind every value (a result:
/// derived from [`RaterData`], not saved).
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregated {
    /// The aggregated matrix the models read.
    pub ratings: Ratings,
    /// `spread[s][d]`, `None` where nobody rated.
    pub spread: Vec<Vec<Option<Spread>>>,
    /// Stakeholders without any rating (also present in `ratings`, all missing).
    pub unrated: Vec<StakeholderError>,
}

impl RaterData {
    /// Adds a stakeholder at the end and returns its index.
    ///
    /// # Errors
    /// [`StakeholderError::EmptyName`] or [`StakeholderError::DuplicateStakeholder`]
    /// (rows are 1-based positions in the table).
    pub fn add_stakeholder(&mut self, stakeholder: Stakeholder) -> Result<usize, StakeholderError> {
        let mut all = self.stakeholders.clone();
        all.push(stakeholder);
        super::model::check_names(&all)?;
        self.stakeholders = all;
        Ok(self.stakeholders.len() - 1)
    }

    /// Renames stakeholder `index` (group and notes are plain fields).
    ///
    /// # Errors
    /// Empty or duplicate name; nothing changes then.
    pub fn rename_stakeholder(&mut self, index: usize, name: &str) -> Result<(), StakeholderError> {
        let mut all = self.stakeholders.clone();
        if let Some(s) = all.get_mut(index) {
            s.name = name.trim().to_string();
        }
        super::model::check_names(&all)?;
        self.stakeholders = all;
        Ok(())
    }

    /// Removes stakeholder `index` and its ratings; later indices shift down.
    /// Out-of-range indices are ignored.
    pub fn remove_stakeholder(&mut self, index: usize) {
        if index >= self.stakeholders.len() {
            return;
        }
        self.stakeholders.remove(index);
        self.ratings.retain(|r| r.stakeholder != index);
        for r in &mut self.ratings {
            if r.stakeholder > index {
                r.stakeholder -= 1;
            }
        }
    }

    /// Moves stakeholder `from` to position `to` (table order), keeping its
    /// ratings. Out-of-range indices are ignored.
    pub fn move_stakeholder(&mut self, from: usize, to: usize) {
        let n = self.stakeholders.len();
        if from >= n || to >= n || from == to {
            return;
        }
        let s = self.stakeholders.remove(from);
        self.stakeholders.insert(to, s);
        let map = |i: usize| -> usize {
            if i == from {
                to
            } else if from < to && i > from && i <= to {
                i - 1
            } else if to < from && i >= to && i < from {
                i + 1
            } else {
                i
            }
        };
        for r in &mut self.ratings {
            r.stakeholder = map(r.stakeholder);
        }
    }

    /// The index of respondent `name`, added if new.
    pub fn respondent_index(&mut self, name: &str) -> usize {
        let key = name.trim();
        if let Some(i) = self.respondents.iter().position(|r| r == key) {
            return i;
        }
        self.respondents.push(key.to_string());
        self.respondents.len() - 1
    }

    /// Sets (or with `None` clears) one rating entered by hand.
    ///
    /// # Errors
    /// [`StakeholderError::OutOfScale`] (nothing changes), or
    /// [`StakeholderError::UnknownDimension`] / [`StakeholderError::NoStakeholders`]
    /// for indices out of range.
    pub fn set_rating(
        &mut self,
        respondent: usize,
        stakeholder: usize,
        dimension: usize,
        value: Option<f64>,
    ) -> Result<(), StakeholderError> {
        let dim =
            self.dimensions
                .get(dimension)
                .ok_or_else(|| StakeholderError::UnknownDimension {
                    dimension: format!("#{}", dimension + 1),
                })?;
        let st = self
            .stakeholders
            .get(stakeholder)
            .ok_or(StakeholderError::NoStakeholders)?;
        if let Some(v) = value
            && !dim.scale.contains(v)
        {
            return Err(StakeholderError::OutOfScale(Box::new(OutOfScale {
                row: None,
                column: None,
                respondent: self.respondents.get(respondent).cloned(),
                stakeholder: st.name.clone(),
                dimension: dim.name.clone(),
                value: v,
                min: dim.scale.min(),
                max: dim.scale.max(),
            })));
        }
        while self.respondents.len() <= respondent {
            self.respondents
                .push(format!("R{}", self.respondents.len() + 1));
        }
        self.ratings.retain(|r| {
            !(r.respondent == respondent
                && r.stakeholder == stakeholder
                && r.dimension == dimension)
        });
        if let Some(v) = value {
            self.ratings.push(Rating {
                respondent,
                stakeholder,
                dimension,
                value: v,
                row: 0,
            });
        }
        Ok(())
    }

    /// The ratings of stakeholder `s` on dimension `d`, in input order.
    pub fn values(&self, s: usize, d: usize) -> Vec<f64> {
        self.ratings
            .iter()
            .filter(|r| r.stakeholder == s && r.dimension == d)
            .map(|r| r.value)
            .collect()
    }

    /// Respondents who rated some but not all stakeholders on a dimension,
    /// as [`StakeholderError::PartialRespondent`] warnings, one per
    /// respondent × stakeholder left out, listing the dimensions and the
    /// stakeholder's row. A dimension counts when the respondent rated
    /// another stakeholder on it; stakeholders nobody rated at all are left
    /// out here (they are reported as [`StakeholderError::NoRatings`]).
    /// Their ratings still count in the aggregation. Ordered by respondent,
    /// then table row. O(ratings + respondents × dimensions × stakeholders).
    pub fn gaps(&self) -> Vec<StakeholderError> {
        let rated: std::collections::HashSet<(usize, usize, usize)> = self
            .ratings
            .iter()
            .map(|x| (x.respondent, x.dimension, x.stakeholder))
            .collect();
        let anyone: std::collections::HashSet<usize> =
            self.ratings.iter().map(|x| x.stakeholder).collect();
        let n_rated = anyone.len();
        let mut out = Vec::new();
        for (ri, r) in self.respondents.iter().enumerate() {
            // missing[s] = dimensions on which respondent ri left s out.
            let mut missing: Vec<Vec<String>> = vec![Vec::new(); self.stakeholders.len()];
            for (di, d) in self.dimensions.iter().enumerate() {
                let left: Vec<usize> = (0..self.stakeholders.len())
                    .filter(|s| anyone.contains(s) && !rated.contains(&(ri, di, *s)))
                    .collect();
                if left.len() < n_rated {
                    for s in left {
                        if let Some(m) = missing.get_mut(s) {
                            m.push(d.name.clone());
                        }
                    }
                }
            }
            for (s, dimensions) in missing.into_iter().enumerate() {
                if dimensions.is_empty() {
                    continue;
                }
                out.push(StakeholderError::PartialRespondent {
                    respondent: r.clone(),
                    stakeholder: self
                        .stakeholders
                        .get(s)
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                    row: s + 1,
                    dimensions,
                });
            }
        }
        out
    }

    /// Aggregates every stakeholder × dimension by `how`, with the spread.
    /// O(ratings · log ratings).
    ///
    /// # Errors
    /// [`StakeholderError::NoStakeholders`], or invalid names (see [`Ratings::new`]).
    pub fn aggregate(&self, how: Aggregation) -> Result<Aggregated, StakeholderError> {
        if self.stakeholders.is_empty() {
            return Err(StakeholderError::NoStakeholders);
        }
        let nd = self.dimensions.len();
        let mut buckets: Vec<Vec<f64>> = vec![Vec::new(); self.stakeholders.len() * nd];
        for r in &self.ratings {
            if r.dimension < nd
                && let Some(b) = buckets.get_mut(r.stakeholder * nd + r.dimension)
            {
                b.push(r.value);
            }
        }
        let mut values = Vec::with_capacity(self.stakeholders.len());
        let mut spread = Vec::with_capacity(self.stakeholders.len());
        for row in buckets.chunks(nd.max(1)).take(self.stakeholders.len()) {
            let mut vrow = Vec::with_capacity(nd);
            let mut srow = Vec::with_capacity(nd);
            for xs in row.iter().take(nd) {
                let sp = summarize(xs);
                vrow.push(sp.map(|sp| match how {
                    Aggregation::Mean => sp.mean,
                    Aggregation::Median => sp.median,
                }));
                srow.push(sp);
            }
            values.push(vrow);
            spread.push(srow);
        }
        if nd == 0 {
            values = vec![Vec::new(); self.stakeholders.len()];
            spread = vec![Vec::new(); self.stakeholders.len()];
        }
        let ratings = Ratings::new(self.stakeholders.clone(), self.dimensions.clone(), values)?;
        let unrated = ratings.unrated();
        Ok(Aggregated {
            ratings,
            spread,
            unrated,
        })
    }

    /// Kendall's coefficient of concordance W for one dimension.
    ///
    /// Each respondent who rated every stakeholder on the dimension is a
    /// rater (m of them); each ranks the n stakeholders (ties get average
    /// ranks). With R_i the rank sum of stakeholder i and T_j = Σ(t³ − t)
    /// over the tie groups of rater j:
    ///
    /// W = 12 Σ(R_i − R̄)² / (m²(n³ − n) − m Σ_j T_j)
    ///
    /// (Kendall & Babington Smith 1939; tie correction as in Siegel &
    /// Castellan 1988 and R `irr::kendall(correct = TRUE)`). The test
    /// statistic χ² = m(n − 1)W has n − 1 degrees of freedom (equal to
    /// Friedman's tie-corrected statistic). Respondents with an incomplete
    /// ranking are left out and listed in [`KendallW::excluded`]. O(m·n log n).
    ///
    /// # Errors
    /// Unknown dimension, fewer than 2 complete raters or 2 stakeholders,
    /// or no variation at all ([`StakeholderError::NoVariation`]).
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::stakeholder::*;
    /// let mut d = RaterData {
    ///     dimensions: vec![Dimension::new("power", Scale::likert(5).unwrap())],
    ///     ..RaterData::default()
    /// };
    /// for name in ["Health bureau", "Hospitals", "Patients"] {
    ///     d.add_stakeholder(Stakeholder::new(name, "")).unwrap();
    /// }
    /// for (rater, values) in [("A", [5.0, 3.0, 1.0]), ("B", [5.0, 4.0, 2.0])] {
    ///     let r = d.respondent_index(rater);
    ///     for (s, v) in values.into_iter().enumerate() {
    ///         d.set_rating(r, s, 0, Some(v)).unwrap();
    ///     }
    /// }
    /// let w = d.kendall_w("power").unwrap();
    /// assert!((w.w - 1.0).abs() < 1e-12);   // identical rankings
    /// assert_eq!(w.df, 2);
    /// ```
    pub fn kendall_w(&self, dimension: &str) -> Result<KendallW, StakeholderError> {
        let d = find_dimension(&self.dimensions, dimension)?;
        let n = self.stakeholders.len();
        let mut rank_sums = vec![0.0; n];
        let mut tie_sum = 0.0;
        let mut used = Vec::new();
        let mut excluded = Vec::new();
        for (ri, name) in self.respondents.iter().enumerate() {
            let mut row: Vec<Option<f64>> = vec![None; n];
            for r in self
                .ratings
                .iter()
                .filter(|r| r.respondent == ri && r.dimension == d)
            {
                if let Some(slot) = row.get_mut(r.stakeholder) {
                    *slot = Some(r.value);
                }
            }
            let any = row.iter().any(Option::is_some);
            let complete: Option<Vec<f64>> = row.into_iter().collect();
            match complete {
                Some(values) if n > 0 => {
                    let (ranks, ties) = stats::average_ranks(&values, RANK_TIE_EPS);
                    for (sum, r) in rank_sums.iter_mut().zip(ranks) {
                        *sum += r;
                    }
                    tie_sum += ties
                        .iter()
                        .map(|&t| {
                            let t = t as f64;
                            t * t * t - t
                        })
                        .sum::<f64>();
                    used.push(name.clone());
                }
                _ if any => excluded.push(name.clone()),
                _ => {}
            }
        }
        let m = used.len();
        let dim_name = self
            .dimensions
            .get(d)
            .map(|x| x.name.clone())
            .unwrap_or_default();
        if m < 2 || n < 2 {
            return Err(StakeholderError::TooFewForAgreement {
                dimension: dim_name,
                raters: m,
                stakeholders: n,
            });
        }
        let (mf, nf) = (m as f64, n as f64);
        let mean_sum = mf * (nf + 1.0) / 2.0;
        let s: f64 = rank_sums
            .iter()
            .map(|r| (r - mean_sum) * (r - mean_sum))
            .sum();
        let denom = mf * mf * (nf * nf * nf - nf) - mf * tie_sum;
        if denom <= SCALE_EPS {
            return Err(StakeholderError::NoVariation {
                dimension: dim_name,
            });
        }
        let w = (12.0 * s / denom).clamp(0.0, 1.0);
        let chi_square = mf * (nf - 1.0) * w;
        let df = n - 1;
        Ok(KendallW {
            dimension: dim_name,
            w,
            chi_square,
            df,
            p_value: stats::chi_square_sf(chi_square, df as f64),
            raters: used,
            excluded,
            stakeholders: n,
        })
    }

    /// Kendall's W for every dimension that has at least two complete raters;
    /// the others give their error (the page shows both).
    pub fn agreement(&self) -> Vec<Result<KendallW, StakeholderError>> {
        self.dimensions
            .iter()
            .map(|d| self.kendall_w(&d.name))
            .collect()
    }
}

/// The spread of a set of ratings; `None` when empty.
pub fn summarize(xs: &[f64]) -> Option<Spread> {
    let mean = stats::mean(xs)?;
    let q1 = stats::quantile(xs, 0.25)?;
    let q3 = stats::quantile(xs, 0.75)?;
    Some(Spread {
        n: xs.len(),
        mean,
        median: stats::median(xs)?,
        sd: stats::sd(xs),
        q1,
        q3,
        iqr: q3 - q1,
        min: xs.iter().copied().fold(f64::INFINITY, f64::min),
        max: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    })
}

/// Kendall's W for one dimension and its chi-square test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KendallW {
    /// Dimension.
    pub dimension: String,
    /// W in [0, 1]: 0 no agreement, 1 identical rankings.
    pub w: f64,
    /// χ² = m(n − 1)W.
    pub chi_square: f64,
    /// Degrees of freedom n − 1.
    pub df: usize,
    /// P(χ²_df ≥ chi_square).
    pub p_value: f64,
    /// Respondents used (complete rankings).
    pub raters: Vec<String>,
    /// Respondents left out because they did not rate every stakeholder.
    pub excluded: Vec<String>,
    /// Number of stakeholders ranked.
    pub stakeholders: usize,
}

/// How disagreement is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DisagreementSettings {
    /// Flag at most this many stakeholders (the most disputed first).
    pub top: usize,
    /// …and only those whose spread (SD as a share of the scale width) is at least this.
    pub min_spread: f64,
}

impl Default for DisagreementSettings {
    fn default() -> Self {
        Self {
            top: 3,
            min_spread: 0.15,
        }
    }
}

/// How much the raters disagree on one stakeholder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Stakeholder index.
    pub stakeholder: usize,
    /// Mean over dimensions of SD / scale width (0 = unanimous; ≤ ~0.5).
    pub spread: f64,
    /// The dimension with the largest SD / width, if any has an SD.
    pub worst_dimension: Option<usize>,
    /// Whether it is flagged as most disputed.
    pub flagged: bool,
}

/// Disagreement per stakeholder, sorted from the most disputed; the first
/// `settings.top` with spread ≥ `settings.min_spread` are flagged.
/// Dimensions with fewer than two ratings do not count.
pub fn disagreement(aggregated: &Aggregated, settings: &DisagreementSettings) -> Vec<Disagreement> {
    let dims = aggregated.ratings.dimensions();
    let mut out: Vec<Disagreement> = aggregated
        .spread
        .iter()
        .enumerate()
        .map(|(s, row)| {
            let rel: Vec<(usize, f64)> = row
                .iter()
                .enumerate()
                .filter_map(|(d, sp)| {
                    let sd = sp.as_ref()?.sd?;
                    Some((d, sd / dims.get(d)?.scale.range()))
                })
                .collect();
            let spread = stats::mean(&rel.iter().map(|x| x.1).collect::<Vec<_>>()).unwrap_or(0.0);
            let worst = rel
                .iter()
                .copied()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|x| x.0);
            Disagreement {
                stakeholder: s,
                spread,
                worst_dimension: worst,
                flagged: false,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.spread
            .total_cmp(&a.spread)
            .then(a.stakeholder.cmp(&b.stakeholder))
    });
    for d in out.iter_mut().take(settings.top) {
        d.flagged = d.spread >= settings.min_spread;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stakeholder::model::Scale;

    fn s(x: &str) -> String {
        x.to_string()
    }

    fn data(matrix: &[&[f64]], scale: Scale) -> RaterData {
        // matrix[rater][object]
        let n = matrix.first().map_or(0, |r| r.len());
        let mut d = RaterData {
            stakeholders: (0..n)
                .map(|i| Stakeholder::new(format!("S{i}"), ""))
                .collect(),
            dimensions: vec![Dimension::new("x", scale)],
            respondents: (0..matrix.len()).map(|i| format!("R{i}")).collect(),
            ratings: Vec::new(),
        };
        for (r, row) in matrix.iter().enumerate() {
            for (o, &v) in row.iter().enumerate() {
                d.ratings.push(Rating {
                    respondent: r,
                    stakeholder: o,
                    dimension: 0,
                    value: v,
                    row: 0,
                });
            }
        }
        d
    }

    #[test]
    fn identical_rankings_give_w_one() -> Result<(), StakeholderError> {
        let d = data(
            &[
                &[1.0, 2.0, 3.0, 4.0],
                &[1.0, 2.0, 3.0, 4.0],
                &[1.0, 2.0, 3.0, 4.0],
            ],
            Scale::new(1.0, 4.0)?,
        );
        let k = d.kendall_w("x")?;
        assert!((k.w - 1.0).abs() < 1e-12);
        assert!((k.chi_square - 9.0).abs() < 1e-12);
        assert_eq!(k.df, 3);
        Ok(())
    }

    #[test]
    fn opposite_rankings_of_two_raters_give_w_zero() -> Result<(), StakeholderError> {
        let d = data(&[&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]], Scale::new(1.0, 3.0)?);
        assert!(d.kendall_w("x")?.w.abs() < 1e-12);
        Ok(())
    }

    #[test]
    fn hand_computed_w_with_ties() -> Result<(), StakeholderError> {
        // Rater A: 1 2 2 4 → ranks 1, 2.5, 2.5, 4 (one tie of 2: T = 6)
        // Rater B: 1 3 2 4 → ranks 1, 3, 2, 4
        // R = 2, 5.5, 4.5, 8; mean 5; S = 9 + 0.25 + 0.25 + 9 = 18.5
        // W = 12·18.5 / (4·60 − 2·6) = 222 / 228
        let d = data(
            &[&[1.0, 2.0, 2.0, 4.0], &[1.0, 3.0, 2.0, 4.0]],
            Scale::new(1.0, 4.0)?,
        );
        let k = d.kendall_w("x")?;
        assert!((k.w - 222.0 / 228.0).abs() < 1e-12, "{}", k.w);
        Ok(())
    }

    #[test]
    fn incomplete_raters_are_excluded_and_named() -> Result<(), StakeholderError> {
        let mut d = data(
            &[&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0], &[2.0, 1.0, 3.0]],
            Scale::new(1.0, 3.0)?,
        );
        d.ratings
            .retain(|r| !(r.respondent == 2 && r.stakeholder == 0));
        let k = d.kendall_w("x")?;
        assert_eq!(k.excluded, vec![s("R2")]);
        assert_eq!(k.raters.len(), 2);
        assert_eq!(
            d.gaps(),
            vec![StakeholderError::PartialRespondent {
                respondent: s("R2"),
                stakeholder: s("S0"),
                row: 1,
                dimensions: vec![s("x")],
            }]
        );
        Ok(())
    }

    #[test]
    fn all_ties_make_agreement_undefined() -> Result<(), StakeholderError> {
        let d = data(&[&[2.0, 2.0], &[3.0, 3.0]], Scale::new(1.0, 3.0)?);
        assert!(matches!(
            d.kendall_w("x"),
            Err(StakeholderError::NoVariation { .. })
        ));
        Ok(())
    }

    #[test]
    fn editing_keeps_ratings_with_their_stakeholders() -> Result<(), StakeholderError> {
        let mut d = data(&[&[1.0, 2.0, 3.0]], Scale::new(1.0, 5.0)?);
        d.move_stakeholder(2, 0);
        let names: Vec<&str> = d.stakeholders.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, vec!["S2", "S0", "S1"]);
        assert_eq!(d.values(0, 0), vec![3.0]);
        assert_eq!(d.values(2, 0), vec![2.0]);
        d.remove_stakeholder(1);
        assert_eq!(d.values(1, 0), vec![2.0]);
        assert!(matches!(
            d.add_stakeholder(Stakeholder::new(" s2 ", "")),
            Err(StakeholderError::DuplicateStakeholder { .. })
        ));
        assert!(matches!(
            d.set_rating(0, 0, 0, Some(9.0)),
            Err(StakeholderError::OutOfScale(_))
        ));
        d.set_rating(0, 0, 0, Some(5.0))?;
        assert_eq!(d.values(0, 0), vec![5.0]);
        d.set_rating(0, 0, 0, None)?;
        assert!(d.values(0, 0).is_empty());
        d.rename_stakeholder(0, "Health bureau")?;
        assert_eq!(
            d.stakeholders.first().map(|s| s.name.as_str()),
            Some("Health bureau")
        );
        Ok(())
    }

    #[test]
    fn spread_reports_sd_iqr_and_range() {
        let sp = summarize(&[1.0, 2.0, 3.0, 4.0]);
        let sp = sp.as_ref();
        assert_eq!(sp.map(|s| s.iqr), Some(1.5));
        assert_eq!(sp.map(|s| (s.min, s.max)), Some((1.0, 4.0)));
        assert!(
            sp.and_then(|s| s.sd)
                .is_some_and(|sd| (sd - (5.0f64 / 3.0).sqrt()).abs() < 1e-12)
        );
    }
}
