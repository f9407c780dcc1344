//! Boolean expressions in the notation of the R package QCA: `A*~B + C`.
//!
//! * [`Literal`]: a condition (by index into the list of condition names) or
//!   its negation.
//! * [`Term`]: a conjunction (product) of literals, kept in condition order —
//!   the form of prime implicants and solution terms.
//! * [`Sop`]: a disjunction (sum) of terms — the form of solutions.
//! * [`Expr`]: any expression as typed by a user, with parentheses and
//!   negation of sub-expressions; [`parse`] reads it, [`Expr::to_sop`]
//!   expands it.
//!
//! Fuzzy semantics (METHODS.md §1): `~A = 1 − A`, `A*B = min`, `A + B = max`.
//! A missing membership (NaN) makes the result of every operator NaN (R's
//! `pmin`/`pmax` propagate `NA`).
//!
//! Printing follows R: conditions in the order given, `~` for negation, `*`
//! between literals, ` + ` between terms.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

/// An error in an expression or in the data it is evaluated on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExprError {
    /// The expression is empty (or only spaces).
    #[error("the expression is empty")]
    Empty,
    /// A character that cannot appear at this place.
    #[error("unexpected character `{found}` at position {position} (expected {expected})")]
    UnexpectedChar {
        /// The offending character.
        found: char,
        /// 0-based position in characters.
        position: usize,
        /// What the parser expected there.
        expected: &'static str,
    },
    /// The expression stops where more is needed.
    #[error("the expression ends too early at position {position} (expected {expected})")]
    UnexpectedEnd {
        /// 0-based position in characters (the length of the text).
        position: usize,
        /// What the parser expected there.
        expected: &'static str,
    },
    /// A name that is not one of the conditions.
    #[error("`{name}` at position {position} is not one of the conditions")]
    UnknownCondition {
        /// The name as written.
        name: String,
        /// 0-based position of its first character.
        position: usize,
    },
    /// An opening parenthesis without its closing one.
    #[error("the parenthesis opened at position {position} is never closed")]
    UnclosedParen {
        /// 0-based position of the `(`.
        position: usize,
    },
    /// A literal refers to a condition index beyond the data.
    #[error("condition index {index} is out of range ({available} conditions)")]
    ConditionOutOfRange {
        /// The index.
        index: usize,
        /// Number of condition columns given.
        available: usize,
    },
    /// The condition columns do not all have the same number of cases.
    #[error("condition `{condition}` has {found} values, expected {expected}")]
    LengthMismatch {
        /// Index of the condition column.
        condition: usize,
        /// Its length.
        found: usize,
        /// The length of the first column.
        expected: usize,
    },
    /// Expanding the expression into a sum of products would create too many terms.
    #[error("the expression expands into more than {limit} terms")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
}

/// A condition or its negation. `condition` indexes the list of condition
/// names (and the columns of memberships) the expression was built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Literal {
    /// Index of the condition.
    pub condition: usize,
    /// True for `~A` (absence).
    pub negated: bool,
}

impl Literal {
    /// The condition present.
    #[must_use]
    pub fn present(condition: usize) -> Self {
        Literal {
            condition,
            negated: false,
        }
    }

    /// The condition absent (`~A`).
    #[must_use]
    pub fn absent(condition: usize) -> Self {
        Literal {
            condition,
            negated: true,
        }
    }

    /// The literal's membership for one case with membership `m` in the condition.
    #[must_use]
    pub fn membership_of(&self, m: f64) -> f64 {
        if self.negated { 1.0 - m } else { m }
    }

    /// R notation: `A` or `~A`. A missing name prints as `?`.
    #[must_use]
    pub fn display(&self, names: &[String]) -> String {
        let name = names.get(self.condition).map_or("?", String::as_str);
        if self.negated {
            format!("~{name}")
        } else {
            name.to_string()
        }
    }
}

/// NA-propagating minimum (R `pmin`).
fn na_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a < b {
        a
    } else {
        b
    }
}

/// NA-propagating maximum (R `pmax`).
fn na_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a > b {
        a
    } else {
        b
    }
}

/// Checks that every column has the length of the first; returns it.
fn case_count(columns: &[&[f64]]) -> Result<usize, ExprError> {
    let expected = columns.first().map_or(0, |c| c.len());
    for (condition, c) in columns.iter().enumerate() {
        if c.len() != expected {
            return Err(ExprError::LengthMismatch {
                condition,
                found: c.len(),
                expected,
            });
        }
    }
    Ok(expected)
}

/// A conjunction of literals, sorted by condition, each condition at most
/// once. The empty term is the tautology (membership 1 everywhere).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Term {
    literals: Vec<Literal>,
}

impl Term {
    /// Builds a term from literals in any order. Duplicates are merged.
    /// Returns `None` when the term is contradictory (`A*~A`), i.e. empty
    /// for every case.
    #[must_use]
    pub fn new(mut literals: Vec<Literal>) -> Option<Term> {
        literals.sort();
        literals.dedup();
        if literals
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.condition == b.condition))
        {
            return None;
        }
        Some(Term { literals })
    }

    /// Builds a term from R's implicant coding, one value per condition:
    /// 0 = condition absent from the term, 1 = negated (`~A`), 2 = present.
    /// Any other value is treated as 0.
    #[must_use]
    pub fn from_implicant(codes: &[u8]) -> Term {
        let literals = codes
            .iter()
            .enumerate()
            .filter_map(|(condition, &c)| match c {
                1 => Some(Literal::absent(condition)),
                2 => Some(Literal::present(condition)),
                _ => None,
            })
            .collect();
        Term { literals }
    }

    /// The term covering exactly one truth-table configuration (0/1 per
    /// condition: 0 gives `~A`, anything else `A`).
    #[must_use]
    pub fn from_config(config: &[u8]) -> Term {
        let literals = config
            .iter()
            .enumerate()
            .map(|(condition, &v)| Literal {
                condition,
                negated: v == 0,
            })
            .collect();
        Term { literals }
    }

    /// R's implicant coding for `k` conditions (see [`Term::from_implicant`]).
    #[must_use]
    pub fn to_implicant(&self, k: usize) -> Vec<u8> {
        let mut codes = vec![0; k];
        for l in &self.literals {
            if let Some(c) = codes.get_mut(l.condition) {
                *c = if l.negated { 1 } else { 2 };
            }
        }
        codes
    }

    /// The literals, in condition order.
    #[must_use]
    pub fn literals(&self) -> &[Literal] {
        &self.literals
    }

    /// Number of literals.
    #[must_use]
    pub fn len(&self) -> usize {
        self.literals.len()
    }

    /// True for the empty term (the tautology).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.literals.is_empty()
    }

    /// The conjunction of two terms; `None` if contradictory.
    #[must_use]
    pub fn and(&self, other: &Term) -> Option<Term> {
        let mut lits = self.literals.clone();
        lits.extend_from_slice(&other.literals);
        Term::new(lits)
    }

    /// True when every literal of `self` is in `other` (then `other` ⊆ `self` as sets).
    #[must_use]
    pub fn subsumes(&self, other: &Term) -> bool {
        self.literals.iter().all(|l| other.literals.contains(l))
    }

    /// Membership of one case whose condition memberships are `row`.
    /// Missing (NaN) or absent values make it NaN.
    #[must_use]
    pub fn membership_of_case(&self, row: &[f64]) -> f64 {
        self.literals.iter().fold(1.0, |acc, l| {
            let m = row.get(l.condition).copied().unwrap_or(f64::NAN);
            na_min(acc, l.membership_of(m))
        })
    }

    /// Membership of every case: `columns[c][i]` is case `i`'s membership in
    /// condition `c`.
    ///
    /// # Errors
    /// [`ExprError::LengthMismatch`] if columns differ in length,
    /// [`ExprError::ConditionOutOfRange`] if a literal has no column.
    ///
    /// Complexity: O(n · literals).
    pub fn membership(&self, columns: &[&[f64]]) -> Result<Vec<f64>, ExprError> {
        let n = case_count(columns)?;
        let mut out = vec![1.0; n];
        for l in &self.literals {
            let col = columns
                .get(l.condition)
                .ok_or(ExprError::ConditionOutOfRange {
                    index: l.condition,
                    available: columns.len(),
                })?;
            for (o, &m) in out.iter_mut().zip(col.iter()) {
                *o = na_min(*o, l.membership_of(m));
            }
        }
        Ok(out)
    }

    /// R notation, e.g. `DEV*~URB`; the empty term prints as `1`.
    #[must_use]
    pub fn display(&self, names: &[String]) -> String {
        if self.literals.is_empty() {
            return "1".to_string();
        }
        self.literals
            .iter()
            .map(|l| l.display(names))
            .collect::<Vec<_>>()
            .join("*")
    }
}

/// A sum (disjunction) of terms, e.g. a solution. Terms keep the order
/// they were given in (R orders solution terms itself).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Sop {
    /// The terms; an empty list is the contradiction (membership 0).
    pub terms: Vec<Term>,
}

impl Sop {
    /// Membership of every case (maximum over the terms).
    ///
    /// # Errors
    /// As [`Term::membership`].
    ///
    /// Complexity: O(n · total literals).
    pub fn membership(&self, columns: &[&[f64]]) -> Result<Vec<f64>, ExprError> {
        let n = case_count(columns)?;
        let mut out = vec![0.0; n];
        for t in &self.terms {
            let m = t.membership(columns)?;
            for (o, v) in out.iter_mut().zip(m) {
                *o = na_max(*o, v);
            }
        }
        Ok(out)
    }

    /// R notation: terms joined by ` + `; the empty sum prints as `0`.
    #[must_use]
    pub fn display(&self, names: &[String]) -> String {
        if self.terms.is_empty() {
            return "0".to_string();
        }
        self.terms
            .iter()
            .map(|t| t.display(names))
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// Any Boolean expression over the conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expr {
    /// A condition (or its negation).
    Lit(Literal),
    /// Negation of a sub-expression: `~(A + B)`.
    Not(Box<Expr>),
    /// Conjunction: `A*B*…`.
    And(Vec<Expr>),
    /// Disjunction: `A + B + …`.
    Or(Vec<Expr>),
}

/// Largest number of terms [`Expr::to_sop`] builds before giving up.
pub const MAX_SOP_TERMS: usize = 100_000;

impl Expr {
    /// The negation `~self`, with double negations removed (`~~A = A`).
    #[must_use]
    pub fn negate(self) -> Expr {
        match self {
            Expr::Lit(l) => Expr::Lit(Literal {
                negated: !l.negated,
                ..l
            }),
            Expr::Not(inner) => *inner,
            other => Expr::Not(Box::new(other)),
        }
    }

    /// Membership of every case (`columns[c][i]`: case `i` in condition `c`).
    ///
    /// # Errors
    /// [`ExprError::LengthMismatch`], [`ExprError::ConditionOutOfRange`].
    ///
    /// Complexity: O(n · size of the expression).
    pub fn membership(&self, columns: &[&[f64]]) -> Result<Vec<f64>, ExprError> {
        let n = case_count(columns)?;
        self.eval(columns, n)
    }

    fn eval(&self, columns: &[&[f64]], n: usize) -> Result<Vec<f64>, ExprError> {
        match self {
            Expr::Lit(l) => {
                let col = columns
                    .get(l.condition)
                    .ok_or(ExprError::ConditionOutOfRange {
                        index: l.condition,
                        available: columns.len(),
                    })?;
                Ok(col.iter().map(|&m| l.membership_of(m)).collect())
            }
            Expr::Not(e) => Ok(e.eval(columns, n)?.into_iter().map(|m| 1.0 - m).collect()),
            Expr::And(es) => {
                let mut out = vec![1.0; n];
                for e in es {
                    for (o, v) in out.iter_mut().zip(e.eval(columns, n)?) {
                        *o = na_min(*o, v);
                    }
                }
                Ok(out)
            }
            Expr::Or(es) => {
                let mut out = vec![0.0; n];
                for e in es {
                    for (o, v) in out.iter_mut().zip(e.eval(columns, n)?) {
                        *o = na_max(*o, v);
                    }
                }
                Ok(out)
            }
        }
    }

    /// Expands into a sum of products (De Morgan, distribution), dropping
    /// contradictory terms (`A*~A`) and duplicate terms. Exact for fuzzy
    /// sets except for the dropped contradictions (`min(A, 1−A)` is not 0 in
    /// fuzzy logic; R's `simplify` drops them too).
    ///
    /// # Errors
    /// [`ExprError::TooLarge`] past [`MAX_SOP_TERMS`] terms.
    ///
    /// Complexity: exponential in the worst case (bounded by the limit).
    pub fn to_sop(&self) -> Result<Sop, ExprError> {
        let terms = self.sop_terms(false)?;
        let mut out: Vec<Term> = Vec::new();
        for t in terms {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        Ok(Sop { terms: out })
    }

    fn sop_terms(&self, negated: bool) -> Result<Vec<Term>, ExprError> {
        match (self, negated) {
            (Expr::Lit(l), neg) => Ok(vec![Term {
                literals: vec![Literal {
                    negated: l.negated != neg,
                    ..*l
                }],
            }]),
            (Expr::Not(e), neg) => e.sop_terms(!neg),
            (Expr::Or(es), false) | (Expr::And(es), true) => {
                let mut out = Vec::new();
                for e in es {
                    out.extend(e.sop_terms(negated)?);
                    if out.len() > MAX_SOP_TERMS {
                        return Err(ExprError::TooLarge {
                            limit: MAX_SOP_TERMS,
                        });
                    }
                }
                Ok(out)
            }
            (Expr::And(es), false) | (Expr::Or(es), true) => {
                let mut acc = vec![Term::default()];
                for e in es {
                    let part = e.sop_terms(negated)?;
                    let mut next = Vec::new();
                    for a in &acc {
                        for b in &part {
                            if let Some(t) = a.and(b) {
                                next.push(t);
                            }
                        }
                    }
                    if next.len() > MAX_SOP_TERMS {
                        return Err(ExprError::TooLarge {
                            limit: MAX_SOP_TERMS,
                        });
                    }
                    acc = next;
                }
                Ok(acc)
            }
        }
    }

    /// Prints the expression in R notation, with parentheses only where
    /// needed (`A*(B + C)`, `~(A*B)`).
    #[must_use]
    pub fn display(&self, names: &[String]) -> String {
        let mut s = String::new();
        self.write(names, &mut s, 0);
        s
    }

    /// `level`: 0 = top / inside Or, 1 = inside And, 2 = inside Not.
    fn write(&self, names: &[String], s: &mut String, level: u8) {
        match self {
            Expr::Lit(l) => s.push_str(&l.display(names)),
            Expr::Not(e) => {
                s.push('~');
                e.write(names, s, 2);
            }
            Expr::And(es) => {
                let paren = level >= 2 && es.len() > 1;
                if paren {
                    s.push('(');
                }
                for (i, e) in es.iter().enumerate() {
                    if i > 0 {
                        s.push('*');
                    }
                    e.write(names, s, 1);
                }
                if paren {
                    s.push(')');
                }
            }
            Expr::Or(es) => {
                let paren = level >= 1 && es.len() > 1;
                if paren {
                    s.push('(');
                }
                for (i, e) in es.iter().enumerate() {
                    if i > 0 {
                        let _ = write!(s, " + ");
                    }
                    e.write(names, s, 0);
                }
                if paren {
                    s.push(')');
                }
            }
        }
    }
}

/// True for characters that may appear in a condition name: any Unicode
/// letter or digit, `_` and `.` (R's syntactic names).
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    names: &'a [String],
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.chars.get(self.pos).copied()
    }

    fn expr(&mut self) -> Result<Expr, ExprError> {
        let mut terms = vec![self.term()?];
        while self.peek() == Some('+') {
            self.pos += 1;
            terms.push(self.term()?);
        }
        Ok(if terms.len() == 1 {
            terms.swap_remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn term(&mut self) -> Result<Expr, ExprError> {
        let mut factors = vec![self.factor()?];
        while self.peek() == Some('*') {
            self.pos += 1;
            factors.push(self.factor()?);
        }
        Ok(if factors.len() == 1 {
            factors.swap_remove(0)
        } else {
            Expr::And(factors)
        })
    }

    fn factor(&mut self) -> Result<Expr, ExprError> {
        const EXPECTED: &str = "a condition, `~` or `(`";
        match self.peek() {
            None => Err(ExprError::UnexpectedEnd {
                position: self.chars.len(),
                expected: EXPECTED,
            }),
            Some('~') => {
                self.pos += 1;
                Ok(self.factor()?.negate())
            }
            Some('(') => {
                let open = self.pos;
                self.pos += 1;
                let e = self.expr()?;
                match self.peek() {
                    Some(')') => {
                        self.pos += 1;
                        Ok(e)
                    }
                    None => Err(ExprError::UnclosedParen { position: open }),
                    Some(found) => Err(ExprError::UnexpectedChar {
                        found,
                        position: self.pos,
                        expected: "`)`, `*` or `+`",
                    }),
                }
            }
            Some(c) if is_name_char(c) => {
                let start = self.pos;
                while self.chars.get(self.pos).copied().is_some_and(is_name_char) {
                    self.pos += 1;
                }
                let name: String = self
                    .chars
                    .get(start..self.pos)
                    .unwrap_or_default()
                    .iter()
                    .collect();
                match self.names.iter().position(|n| *n == name) {
                    Some(i) => Ok(Expr::Lit(Literal::present(i))),
                    None => Err(ExprError::UnknownCondition {
                        name,
                        position: start,
                    }),
                }
            }
            Some(found) => Err(ExprError::UnexpectedChar {
                found,
                position: self.pos,
                expected: EXPECTED,
            }),
        }
    }
}

/// Parses an expression in QCA notation over the given condition names.
///
/// Grammar: `expr := term ('+' term)*`, `term := factor ('*' factor)*`,
/// `factor := '~' factor | '(' expr ')' | name`; spaces are ignored. A name
/// is a run of letters (any script), digits, `_` and `.` and must equal one
/// of `names` exactly.
///
/// # Example
/// ```
/// use policylens::analysis::expr::parse;
/// let names = vec!["DEV".to_string(), "URB".to_string(), "城市".to_string()];
/// let e = parse("DEV*~URB + 城市", &names).unwrap();
/// assert_eq!(e.display(&names), "DEV*~URB + 城市");
/// ```
///
/// # Errors
/// An [`ExprError`] giving the 0-based character position of the problem.
pub fn parse(text: &str, names: &[String]) -> Result<Expr, ExprError> {
    let mut p = Parser {
        chars: text.chars().collect(),
        pos: 0,
        names,
    };
    if p.peek().is_none() {
        return Err(ExprError::Empty);
    }
    let e = p.expr()?;
    match p.peek() {
        None => Ok(e),
        Some(found) => Err(ExprError::UnexpectedChar {
            found,
            position: p.pos,
            expected: "`*`, `+` or the end",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names() -> Vec<String> {
        ["A", "B", "C", "条件_1"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn parses_and_prints_in_r_notation() {
        let n = names();
        let e = parse(" A*~B+C ", &n).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.display(&n), "A*~B + C");
        let e = parse("~(A + B)*条件_1", &n).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.display(&n), "~(A + B)*条件_1");
    }

    #[test]
    fn evaluates_fuzzy_operators() {
        let n = names();
        let a = [0.2, 0.9];
        let b = [0.7, 0.4];
        let c = [0.1, 0.3];
        let d = [0.0, 0.0];
        let cols: Vec<&[f64]> = vec![&a, &b, &c, &d];
        let m = parse("A*~B + C", &n)
            .and_then(|e| e.membership(&cols))
            .unwrap_or_default();
        assert_eq!(m.len(), 2);
        assert!((m[0] - 0.2).abs() < 1e-12);
        assert!((m[1] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn missing_values_propagate() {
        let a = [f64::NAN, 0.9];
        let b = [0.7, 0.4];
        let t = Term::new(vec![Literal::present(0), Literal::absent(1)]).unwrap_or_default();
        let m = t.membership(&[&a, &b]).unwrap_or_default();
        assert!(m[0].is_nan());
        assert!((m[1] - 0.6).abs() < 1e-12);
    }

    #[test]
    fn terms_print_conditions_in_the_given_order() {
        let n = names();
        let t = Term::new(vec![Literal::absent(2), Literal::present(0)]).unwrap_or_default();
        assert_eq!(t.display(&n), "A*~C");
        assert_eq!(t.to_implicant(3), vec![2, 0, 1]);
        assert_eq!(Term::from_implicant(&[2, 0, 1]), t);
        assert!(Term::new(vec![Literal::absent(1), Literal::present(1)]).is_none());
        let s = Sop {
            terms: vec![t, Term::from_config(&[0, 1, 0])],
        };
        assert_eq!(s.display(&n), "A*~C + ~A*B*~C");
    }

    #[test]
    fn expands_to_sum_of_products() {
        let n = names();
        let e = parse("~(A*B) * C", &n).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            e.to_sop().map(|s| s.display(&n)).ok(),
            Some("~A*C + ~B*C".to_string())
        );
    }

    #[test]
    fn every_error_points_at_the_character() {
        let n = names();
        assert_eq!(parse("  ", &n), Err(ExprError::Empty));
        assert_eq!(
            parse("A*D", &n),
            Err(ExprError::UnknownCondition {
                name: "D".into(),
                position: 2
            })
        );
        assert!(matches!(
            parse("A+", &n),
            Err(ExprError::UnexpectedEnd { position: 2, .. })
        ));
        assert!(matches!(
            parse("A $ B", &n),
            Err(ExprError::UnexpectedChar {
                found: '$',
                position: 2,
                ..
            })
        ));
        assert!(matches!(
            parse("*A", &n),
            Err(ExprError::UnexpectedChar {
                found: '*',
                position: 0,
                ..
            })
        ));
        assert_eq!(
            parse("(A + B", &n),
            Err(ExprError::UnclosedParen { position: 0 })
        );
        assert!(matches!(
            parse("(A B)", &n),
            Err(ExprError::UnexpectedChar {
                found: 'B',
                position: 3,
                ..
            })
        ));
        let a = [0.1];
        let b = [0.1, 0.2];
        assert!(matches!(
            parse("A*B", &n).and_then(|e| e.membership(&[&a, &b])),
            Err(ExprError::LengthMismatch { condition: 1, .. })
        ));
        assert!(matches!(
            parse("C", &n).and_then(|e| e.membership(&[&a])),
            Err(ExprError::ConditionOutOfRange { index: 2, .. })
        ));
    }

    proptest! {
        #[test]
        fn double_negation_is_identity(vals in proptest::collection::vec(0.0..=1.0f64, 1..20)) {
            let n = names();
            let e = parse("A", &n).unwrap_or_else(|e| panic!("{e}"));
            let ee = parse("~~A", &n).unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(&ee, &e);
            let cols: Vec<&[f64]> = vec![&vals];
            let twice = Expr::Not(Box::new(Expr::Not(Box::new(e.clone()))));
            let m1 = e.membership(&cols).unwrap_or_default();
            let m2 = twice.membership(&cols).unwrap_or_default();
            for (x, y) in m1.iter().zip(&m2) {
                prop_assert!((x - y).abs() < 1e-12);
            }
        }

        #[test]
        fn sop_expansion_preserves_crisp_membership(bits in proptest::collection::vec(0u8..2, 3)) {
            let n = names();
            let e = parse("~(A*~B + C)*(A + ~C)", &n).unwrap_or_else(|e| panic!("{e}"));
            let cols: Vec<Vec<f64>> = bits.iter().map(|&b| vec![f64::from(b)]).collect();
            let refs: Vec<&[f64]> = cols.iter().map(Vec::as_slice).collect();
            let direct = e.membership(&refs).unwrap_or_default();
            let sop = e.to_sop().and_then(|s| s.membership(&refs)).unwrap_or_default();
            prop_assert_eq!(direct, sop);
        }
    }
}
