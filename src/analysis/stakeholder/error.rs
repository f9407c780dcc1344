//! The error type of stakeholder scoring: every variant says what went wrong
//! and where (row, column, stakeholder, dimension, respondent, value).

use thiserror::Error;

/// Everything that can go wrong in stakeholder scoring.
///
/// Rows are 1-based data rows (the header is not counted); columns are the
/// column names of the imported table. The display text is English; the app
/// translates by matching the variants and their fields.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum StakeholderError {
    /// A stakeholder has an empty name.
    #[error("row {row}: the stakeholder name is empty")]
    EmptyName {
        /// 1-based data row (or position in the stakeholder list).
        row: usize,
    },
    /// Two stakeholders share a name (compared after trimming, case-insensitive).
    #[error("row {row}: stakeholder `{name}` is a duplicate of row {first_row}")]
    DuplicateStakeholder {
        /// The repeated name.
        name: String,
        /// Where it first appeared.
        first_row: usize,
        /// Where it appeared again.
        row: usize,
    },
    /// Two dimensions share a name.
    #[error("dimension `{name}` is declared twice")]
    DuplicateDimension {
        /// The repeated name.
        name: String,
    },
    /// A scale whose bounds are not finite and increasing.
    #[error("dimension `{dimension}`: scale {min}..{max} must be finite with min < max")]
    InvalidScale {
        /// The dimension.
        dimension: String,
        /// Lower bound given.
        min: f64,
        /// Upper bound given.
        max: f64,
    },
    /// A model or mapping names a dimension that is not in the ratings.
    #[error("dimension `{dimension}` is not among the rated dimensions")]
    UnknownDimension {
        /// The dimension asked for.
        dimension: String,
    },
    /// A long-form row names a stakeholder that is not in the stakeholder list.
    #[error("row {row}: stakeholder `{stakeholder}` is not in the stakeholder table")]
    UnknownStakeholder {
        /// The stakeholder name found.
        stakeholder: String,
        /// 1-based data row.
        row: usize,
    },
    /// A column index that the table does not have.
    #[error("column {column} does not exist: the table has {width} columns")]
    ColumnOutOfRange {
        /// 0-based column index asked for.
        column: usize,
        /// Number of columns in the header.
        width: usize,
    },
    /// A rating cell that is neither a number nor a label of the scale.
    #[error(
        "row {row}, column `{column}` (stakeholder `{stakeholder}`, dimension `{dimension}`): {value:?} is not a number or a level of the scale"
    )]
    NotNumeric {
        /// 1-based data row.
        row: usize,
        /// Column name.
        column: String,
        /// Stakeholder of the row.
        stakeholder: String,
        /// Dimension of the cell.
        dimension: String,
        /// The text found.
        value: String,
    },
    /// A rating outside the declared scale of its dimension (boxed: it
    /// carries the most detail).
    #[error("{0}")]
    OutOfScale(Box<OutOfScale>),
    /// The same respondent rated the same stakeholder on the same dimension twice.
    #[error(
        "row {row}: respondent `{respondent}` already rated `{stakeholder}` on `{dimension}` in row {first_row}"
    )]
    DuplicateRating {
        /// Respondent.
        respondent: String,
        /// Stakeholder.
        stakeholder: String,
        /// Dimension.
        dimension: String,
        /// Row of the first rating.
        first_row: usize,
        /// Row of the repeated rating.
        row: usize,
    },
    /// A respondent left a stakeholder unrated on dimensions where they
    /// rated other stakeholders (a warning, one per respondent ×
    /// stakeholder: the ratings given still count in the aggregation; the
    /// respondent is left out of Kendall's W for those dimensions).
    #[error(
        "respondent `{respondent}` did not rate `{stakeholder}` (row {row}) on {}",
        dimensions.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ")
    )]
    PartialRespondent {
        /// Respondent.
        respondent: String,
        /// The stakeholder left unrated.
        stakeholder: String,
        /// Its row in the stakeholder table (1-based).
        row: usize,
        /// The dimensions (columns of the stakeholder table) it was not
        /// rated on, in dimension order.
        dimensions: Vec<String>,
    },
    /// Two custom models would have the same name.
    #[error("custom model {model} is already named `{name}`")]
    DuplicateCustomModel {
        /// The name.
        name: String,
        /// 1-based position of the model that has it.
        model: usize,
    },
    /// A model needs a rating that is missing.
    #[error("stakeholder `{stakeholder}` has no rating on `{dimension}`")]
    Missing {
        /// Stakeholder.
        stakeholder: String,
        /// Dimension.
        dimension: String,
    },
    /// A stakeholder without any rating at all.
    #[error("row {row}: stakeholder `{stakeholder}` has no ratings in any column")]
    NoRatings {
        /// Stakeholder.
        stakeholder: String,
        /// Its row in the stakeholder table (1-based).
        row: usize,
    },
    /// The ratings matrix does not match the stakeholders or dimensions.
    #[error("stakeholder `{stakeholder}`: {got} ratings given for {expected} dimensions")]
    ShapeMismatch {
        /// Stakeholder of the offending row.
        stakeholder: String,
        /// Number of dimensions.
        expected: usize,
        /// Number of values given.
        got: usize,
    },
    /// A model setting (weight, cut point, threshold, spread…) is not valid.
    #[error("setting `{setting}` = {value} is not valid: {rule}")]
    InvalidSetting {
        /// Which setting (stable key, e.g. `mendelow.power_cut`).
        setting: String,
        /// The value given.
        value: f64,
        /// The rule it breaks (English).
        rule: &'static str,
    },
    /// Too few raters or stakeholders for an agreement statistic.
    #[error(
        "dimension `{dimension}`: agreement needs at least 2 complete raters and 2 stakeholders, found {raters} and {stakeholders}"
    )]
    TooFewForAgreement {
        /// Dimension.
        dimension: String,
        /// Raters with complete ratings.
        raters: usize,
        /// Stakeholders.
        stakeholders: usize,
    },
    /// Kendall's W is undefined because every rater tied every stakeholder.
    #[error(
        "dimension `{dimension}`: every rater gave all stakeholders the same rating, so agreement is undefined"
    )]
    NoVariation {
        /// Dimension.
        dimension: String,
    },
    /// There are no stakeholders to analyse.
    #[error("there are no stakeholders")]
    NoStakeholders,
}

/// The details of [`StakeholderError::OutOfScale`]: where the rating was
/// found and the scale it breaks.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}stakeholder `{stakeholder}`, dimension `{dimension}`{}: {value} is outside the scale {min}..{max}", where_(*row, column.as_deref()), respondent.as_ref().map(|r| format!(", respondent `{r}`")).unwrap_or_default())]
pub struct OutOfScale {
    /// 1-based data row, when the rating came from a table.
    pub row: Option<usize>,
    /// Column name, when the rating came from a table.
    pub column: Option<String>,
    /// The respondent, when known.
    pub respondent: Option<String>,
    /// Stakeholder rated.
    pub stakeholder: String,
    /// Dimension rated.
    pub dimension: String,
    /// The value found.
    pub value: f64,
    /// Lower bound of the scale.
    pub min: f64,
    /// Upper bound of the scale.
    pub max: f64,
}

/// "row 3, column `power`: " — the location prefix of a message.
fn where_(row: Option<usize>, column: Option<&str>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!("row {r}, column `{c}`: "),
        (Some(r), None) => format!("row {r}: "),
        (None, Some(c)) => format!("column `{c}`: "),
        (None, None) => String::new(),
    }
}
