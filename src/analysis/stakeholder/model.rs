//! The stakeholder table, rating scales, dimensions and the aggregated
//! ratings matrix (one value per stakeholder and dimension) that every
//! scoring model reads.

use serde::{Deserialize, Serialize};

use super::StakeholderError;
use super::error::OutOfScale;
use super::tolerance::SCALE_EPS;

/// One stakeholder: a person, organisation or group with a stake in the policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stakeholder {
    /// Display name; unique within a table (trimmed, case-insensitive).
    pub name: String,
    /// Free grouping (e.g. "government", "providers", "public").
    #[serde(default)]
    pub group: String,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
}

impl Stakeholder {
    /// A stakeholder with a name and a group and no notes.
    ///
    /// # Example
    /// ```
    /// use policylens::analysis::stakeholder::Stakeholder;
    /// let s = Stakeholder::new("Health bureau", "government");
    /// assert_eq!(s.name, "Health bureau");
    /// ```
    pub fn new(name: impl Into<String>, group: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            group: group.into(),
            notes: String::new(),
        }
    }
}

/// Checks that every name is non-empty and unique (trimmed, case-insensitive).
///
/// Rows in errors are 1-based positions in `stakeholders`.
///
/// # Errors
/// [`StakeholderError::EmptyName`] or [`StakeholderError::DuplicateStakeholder`].
pub fn check_names(stakeholders: &[Stakeholder]) -> Result<(), StakeholderError> {
    let mut seen: Vec<String> = Vec::with_capacity(stakeholders.len());
    for (i, s) in stakeholders.iter().enumerate() {
        let key = name_key(&s.name);
        if key.is_empty() {
            return Err(StakeholderError::EmptyName { row: i + 1 });
        }
        if let Some(first) = seen.iter().position(|k| *k == key) {
            return Err(StakeholderError::DuplicateStakeholder {
                name: s.name.trim().to_string(),
                first_row: first + 1,
                row: i + 1,
            });
        }
        seen.push(key);
    }
    Ok(())
}

/// The key under which names are compared: lower-cased, with every
/// white-space character removed, so that names differing only in case or
/// spaces ("County hospitals", "county  hospitals", "县级 医院") are one
/// name. O(length).
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A text label that stands for a value of a scale ("high" = 3, "高" = 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleLabel {
    /// The text as it appears in the data (matched trimmed, case-insensitive).
    pub text: String,
    /// The value it stands for.
    pub value: f64,
}

/// A rating scale: finite bounds `min < max` and optional text labels.
///
/// A value of this type is always valid; deserializing checks it too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ScaleRaw")]
pub struct Scale {
    min: f64,
    max: f64,
    labels: Vec<ScaleLabel>,
}

#[derive(Deserialize)]
struct ScaleRaw {
    min: f64,
    max: f64,
    #[serde(default)]
    labels: Vec<ScaleLabel>,
}

impl TryFrom<ScaleRaw> for Scale {
    type Error = StakeholderError;
    fn try_from(raw: ScaleRaw) -> Result<Self, Self::Error> {
        Scale::new(raw.min, raw.max).map(|s| s.with_labels(raw.labels))
    }
}

impl Scale {
    /// A numeric scale from `min` to `max`.
    ///
    /// # Errors
    /// [`StakeholderError::InvalidScale`] unless both are finite and `min < max`
    /// (the `dimension` field is left empty; [`Dimension::new`] fills it).
    pub fn new(min: f64, max: f64) -> Result<Self, StakeholderError> {
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(StakeholderError::InvalidScale {
                dimension: String::new(),
                min,
                max,
            });
        }
        Ok(Self {
            min,
            max,
            labels: Vec::new(),
        })
    }

    /// The same scale with text labels (labels outside the bounds are dropped).
    #[must_use]
    pub fn with_labels(mut self, labels: Vec<ScaleLabel>) -> Self {
        self.labels = labels
            .into_iter()
            .filter(|l| self.contains(l.value))
            .collect();
        self
    }

    /// The three-level scale of the four-dimension model: low = 1,
    /// moderate = 2, high = 3, with English and Chinese labels
    /// (low/l/低, moderate/medium/m/中/较高… see the source).
    pub fn three_level() -> Self {
        let label = |text: &str, value: f64| ScaleLabel {
            text: text.to_string(),
            value,
        };
        Self {
            min: 1.0,
            max: 3.0,
            labels: vec![
                label("low", 1.0),
                label("l", 1.0),
                label("低", 1.0),
                label("较低", 1.0),
                label("moderate", 2.0),
                label("medium", 2.0),
                label("m", 2.0),
                label("中", 2.0),
                label("一般", 2.0),
                label("high", 3.0),
                label("h", 3.0),
                label("高", 3.0),
                label("较高", 3.0),
            ],
        }
    }

    /// A yes/no scale: 0 = no, 1 = yes, with labels (yes/y/true/是/有;
    /// no/n/false/否/无) — e.g. Schmeer's leadership.
    pub fn yes_no() -> Self {
        let label = |text: &str, value: f64| ScaleLabel {
            text: text.to_string(),
            value,
        };
        Self {
            min: 0.0,
            max: 1.0,
            labels: ["yes", "y", "true", "是", "有"]
                .iter()
                .map(|t| label(t, 1.0))
                .chain(
                    ["no", "n", "false", "否", "无"]
                        .iter()
                        .map(|t| label(t, 0.0)),
                )
                .collect(),
        }
    }

    /// A Likert-type integer scale `1..=points`.
    ///
    /// # Errors
    /// [`StakeholderError::InvalidScale`] when `points < 2`.
    pub fn likert(points: u32) -> Result<Self, StakeholderError> {
        Self::new(1.0, f64::from(points))
    }

    /// Lower bound.
    pub fn min(&self) -> f64 {
        self.min
    }

    /// Upper bound.
    pub fn max(&self) -> f64 {
        self.max
    }

    /// Width `max − min` (always positive).
    pub fn range(&self) -> f64 {
        self.max - self.min
    }

    /// The text labels.
    pub fn labels(&self) -> &[ScaleLabel] {
        &self.labels
    }

    /// Midpoint of the scale.
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) / 2.0
    }

    /// Whether `v` lies within the bounds (with tolerance [`SCALE_EPS`]).
    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && v >= self.min - SCALE_EPS && v <= self.max + SCALE_EPS
    }

    /// `v` mapped to `[0, 1]`: `(v − min) / (max − min)`, clamped.
    pub fn normalize(&self, v: f64) -> f64 {
        ((v - self.min) / self.range()).clamp(0.0, 1.0)
    }

    /// Parses a cell: a number (`.` or `,` as the decimal mark), or a label.
    /// Returns `Ok(None)` for a blank cell. Does not check the bounds.
    ///
    /// # Errors
    /// `Err(())` when the text is neither; the caller adds where.
    #[allow(clippy::result_unit_err)]
    pub fn parse(&self, text: &str) -> Result<Option<f64>, ()> {
        let t = text.trim();
        if t.is_empty() || t.eq_ignore_ascii_case("na") {
            return Ok(None);
        }
        if let Ok(v) = t.parse::<f64>() {
            return if v.is_finite() { Ok(Some(v)) } else { Err(()) };
        }
        if let Ok(v) = t.replace(',', ".").parse::<f64>()
            && v.is_finite()
        {
            return Ok(Some(v));
        }
        let key = t.to_lowercase();
        self.labels
            .iter()
            .find(|l| l.text.trim().to_lowercase() == key)
            .map(|l| Some(l.value))
            .ok_or(())
    }
}

/// A rated dimension: a name (unique among dimensions) and its scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    /// Name as used by models and shown in the page.
    pub name: String,
    /// The scale of the ratings.
    pub scale: Scale,
}

impl Dimension {
    /// A dimension named `name` on `scale`.
    pub fn new(name: impl Into<String>, scale: Scale) -> Self {
        Self {
            name: name.into(),
            scale,
        }
    }
}

/// Checks that dimension names are non-empty and unique.
///
/// # Errors
/// [`StakeholderError::DuplicateDimension`].
pub fn check_dimensions(dimensions: &[Dimension]) -> Result<(), StakeholderError> {
    for (i, d) in dimensions.iter().enumerate() {
        let key = name_key(&d.name);
        if dimensions
            .iter()
            .take(i)
            .any(|other| name_key(&other.name) == key)
        {
            return Err(StakeholderError::DuplicateDimension {
                name: d.name.clone(),
            });
        }
    }
    Ok(())
}

/// Finds a dimension by name (trimmed, case-insensitive).
///
/// # Errors
/// [`StakeholderError::UnknownDimension`].
pub fn find_dimension(dimensions: &[Dimension], name: &str) -> Result<usize, StakeholderError> {
    let key = name_key(name);
    dimensions
        .iter()
        .position(|d| name_key(&d.name) == key)
        .ok_or_else(|| StakeholderError::UnknownDimension {
            dimension: name.to_string(),
        })
}

/// A three-valued level: the four-dimension model's high / moderate / low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Low.
    Low,
    /// Moderate.
    Moderate,
    /// High.
    High,
}

impl Level {
    /// All levels, low to high (the index order of rule tables).
    pub const ALL: [Level; 3] = [Level::Low, Level::Moderate, Level::High];

    /// 0 for low, 1 for moderate, 2 for high.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The text key (`level.low`, `level.moderate`, `level.high`).
    pub fn key(self) -> &'static str {
        match self {
            Level::Low => "level.low",
            Level::Moderate => "level.moderate",
            Level::High => "level.high",
        }
    }
}

/// The aggregated ratings: one optional value per stakeholder and dimension.
///
/// A value of this type is valid: names unique, values within their scales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RatingsRaw")]
pub struct Ratings {
    stakeholders: Vec<Stakeholder>,
    dimensions: Vec<Dimension>,
    values: Vec<Vec<Option<f64>>>,
}

#[derive(Deserialize)]
struct RatingsRaw {
    stakeholders: Vec<Stakeholder>,
    dimensions: Vec<Dimension>,
    values: Vec<Vec<Option<f64>>>,
}

impl TryFrom<RatingsRaw> for Ratings {
    type Error = StakeholderError;
    fn try_from(r: RatingsRaw) -> Result<Self, Self::Error> {
        Ratings::new(r.stakeholders, r.dimensions, r.values)
    }
}

impl Ratings {
    /// Builds the matrix; `values[s][d]` is stakeholder `s` on dimension `d`.
    ///
    /// # Errors
    /// Empty or duplicate names, duplicate dimensions, a row of the wrong
    /// length ([`StakeholderError::ShapeMismatch`]) or a value outside its
    /// scale ([`StakeholderError::OutOfScale`]).
    pub fn new(
        stakeholders: Vec<Stakeholder>,
        dimensions: Vec<Dimension>,
        values: Vec<Vec<Option<f64>>>,
    ) -> Result<Self, StakeholderError> {
        check_names(&stakeholders)?;
        check_dimensions(&dimensions)?;
        if values.len() != stakeholders.len() {
            return Err(StakeholderError::ShapeMismatch {
                stakeholder: format!(
                    "({} rows for {} stakeholders)",
                    values.len(),
                    stakeholders.len()
                ),
                expected: stakeholders.len(),
                got: values.len(),
            });
        }
        for (s, row) in stakeholders.iter().zip(&values) {
            if row.len() != dimensions.len() {
                return Err(StakeholderError::ShapeMismatch {
                    stakeholder: s.name.clone(),
                    expected: dimensions.len(),
                    got: row.len(),
                });
            }
            for (d, v) in dimensions.iter().zip(row) {
                if let Some(v) = *v
                    && !d.scale.contains(v)
                {
                    return Err(StakeholderError::OutOfScale(Box::new(OutOfScale {
                        row: None,
                        column: None,
                        respondent: None,
                        stakeholder: s.name.clone(),
                        dimension: d.name.clone(),
                        value: v,
                        min: d.scale.min(),
                        max: d.scale.max(),
                    })));
                }
            }
        }
        Ok(Self {
            stakeholders,
            dimensions,
            values,
        })
    }

    /// The stakeholders, in table order.
    pub fn stakeholders(&self) -> &[Stakeholder] {
        &self.stakeholders
    }

    /// The dimensions, in table order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }

    /// The raw matrix (stakeholder × dimension).
    pub fn values(&self) -> &[Vec<Option<f64>>] {
        &self.values
    }

    /// Number of stakeholders.
    pub fn len(&self) -> usize {
        self.stakeholders.len()
    }

    /// Whether there are no stakeholders.
    pub fn is_empty(&self) -> bool {
        self.stakeholders.is_empty()
    }

    /// Index of dimension `name`.
    ///
    /// # Errors
    /// [`StakeholderError::UnknownDimension`].
    pub fn dimension_index(&self, name: &str) -> Result<usize, StakeholderError> {
        find_dimension(&self.dimensions, name)
    }

    /// The scale of dimension `name`.
    ///
    /// # Errors
    /// [`StakeholderError::UnknownDimension`].
    pub fn scale(&self, name: &str) -> Result<&Scale, StakeholderError> {
        let d = self.dimension_index(name)?;
        self.dimensions
            .get(d)
            .map(|d| &d.scale)
            .ok_or_else(|| StakeholderError::UnknownDimension {
                dimension: name.to_string(),
            })
    }

    /// The rating of stakeholder `s` on dimension index `d`, if present.
    pub fn get(&self, s: usize, d: usize) -> Option<f64> {
        self.values
            .get(s)
            .and_then(|row| row.get(d))
            .copied()
            .flatten()
    }

    /// The rating of stakeholder `s` on dimension `name`, which a model needs.
    ///
    /// # Errors
    /// [`StakeholderError::UnknownDimension`] or [`StakeholderError::Missing`].
    pub fn require(&self, s: usize, name: &str) -> Result<f64, StakeholderError> {
        let d = self.dimension_index(name)?;
        self.get(s, d).ok_or_else(|| StakeholderError::Missing {
            stakeholder: self
                .stakeholders
                .get(s)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            dimension: name.to_string(),
        })
    }

    /// Stakeholders without a single rating, as errors (for the page to list).
    pub fn unrated(&self) -> Vec<StakeholderError> {
        self.stakeholders
            .iter()
            .zip(&self.values)
            .enumerate()
            .filter(|(_, (_, row))| row.iter().all(Option::is_none))
            .map(|(i, (s, _))| StakeholderError::NoRatings {
                stakeholder: s.name.clone(),
                row: i + 1,
            })
            .collect()
    }
}

/// Ranks scores from the highest (rank 1) down, "competition" style: tied
/// scores share the best rank and the next rank is skipped (1, 2, 2, 4).
/// Scores closer than [`super::tolerance::SCORE_EPS`] are ties. O(n²).
pub fn rank_descending(scores: &[f64]) -> Vec<usize> {
    scores
        .iter()
        .map(|&s| {
            1 + scores
                .iter()
                .filter(|&&o| o > s + super::tolerance::SCORE_EPS)
                .count()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_level_scale_reads_english_and_chinese_labels() -> Result<(), ()> {
        let s = Scale::three_level();
        assert_eq!(s.parse(" High ")?, Some(3.0));
        assert_eq!(s.parse("中")?, Some(2.0));
        assert_eq!(s.parse("2,5")?, Some(2.5));
        assert_eq!(s.parse("")?, None);
        assert!(s.parse("very").is_err());
        Ok(())
    }

    #[test]
    fn duplicate_names_are_reported_with_both_rows() {
        let e = check_names(&[
            Stakeholder::new("A", ""),
            Stakeholder::new("B", ""),
            Stakeholder::new(" a ", ""),
        ]);
        assert_eq!(
            e,
            Err(StakeholderError::DuplicateStakeholder {
                name: "a".into(),
                first_row: 1,
                row: 3
            })
        );
    }

    #[test]
    fn ratings_reject_values_outside_the_scale() -> Result<(), StakeholderError> {
        let dims = vec![Dimension::new("power", Scale::new(1.0, 5.0)?)];
        let e = Ratings::new(vec![Stakeholder::new("A", "")], dims, vec![vec![Some(6.0)]]);
        assert!(matches!(e, Err(StakeholderError::OutOfScale(e)) if e.value == 6.0));
        Ok(())
    }

    #[test]
    fn scale_deserialization_validates_bounds() {
        let bad: Result<Scale, _> = serde_json::from_str(r#"{"min":5,"max":1}"#);
        assert!(bad.is_err());
        let good: Result<Scale, _> = serde_json::from_str(r#"{"min":1,"max":5}"#);
        assert!(good.is_ok());
    }

    #[test]
    fn ranks_share_ties_and_skip() {
        assert_eq!(rank_descending(&[3.0, 5.0, 3.0, 1.0]), vec![2, 1, 2, 4]);
    }
}
