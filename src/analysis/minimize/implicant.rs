//! Implicants as bit patterns, and the order in which R QCA lists them.
//!
//! A configuration of `k` binary conditions is a `u64`: condition `j` (0-based,
//! in the order the user gave) is bit `k - 1 - j`, so the first condition is
//! the most significant bit and R's truth-table row number is `1 + value`.
//! An implicant (a conjunction of literals) is a pair of words: `mask` has a
//! bit set for every condition that appears in the term, `value` holds the
//! required value of those conditions (1 = present, 0 = negated `~X`).

use std::ops::ControlFlow;

use serde::{Deserialize, Serialize};

use super::{MinimizeError, Progress};

/// A conjunction of literals over `k` binary conditions (a "cube").
///
/// Invariant: `value & !mask == 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Implicant {
    mask: u64,
    value: u64,
}

impl Implicant {
    /// The implicant with the given literal mask and values; bits of `value`
    /// outside `mask` are cleared.
    pub fn new(mask: u64, value: u64) -> Self {
        Implicant {
            mask,
            value: value & mask,
        }
    }

    /// The full configuration `config` as a minterm (every condition a literal).
    pub fn minterm(k: usize, config: u64) -> Self {
        Implicant::new(full_mask(k), config)
    }

    /// Bits of the conditions that appear in the term.
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// Required values of the conditions in [`Implicant::mask`].
    pub fn value(&self) -> u64 {
        self.value
    }

    /// Whether the configuration satisfies every literal of the term.
    #[inline]
    pub fn covers(&self, config: u64) -> bool {
        config & self.mask == self.value
    }

    /// Whether every configuration covered by `other` is covered by `self`.
    #[inline]
    pub fn subsumes(&self, other: &Implicant) -> bool {
        self.mask & other.mask == self.mask && other.value & self.mask == self.value
    }

    /// Number of literals (R's "complexity" of a term).
    pub fn literal_count(&self) -> u32 {
        self.mask.count_ones()
    }

    /// R's code of condition `j` in this term: 0 absent, 1 negated, 2 present.
    pub fn code(&self, k: usize, j: usize) -> u8 {
        let bit = bit_of(k, j);
        if self.mask & bit == 0 {
            0
        } else if self.value & bit == 0 {
            1
        } else {
            2
        }
    }

    /// The literals of the term as (condition index, present?) pairs, in
    /// condition order.
    pub fn literals(&self, k: usize) -> Vec<(usize, bool)> {
        (0..k)
            .filter(|&j| self.mask & bit_of(k, j) != 0)
            .map(|j| (j, self.value & bit_of(k, j) != 0))
            .collect()
    }

    /// Writes the term in R QCA notation: conditions in the order given,
    /// `~` for negation, `*` between literals; the empty term is `"1"`.
    ///
    /// `names` must hold one name per condition; a missing name prints as
    /// `X<j+1>`.
    pub fn to_expression<S: AsRef<str>>(&self, names: &[S]) -> String {
        let k = names.len();
        let parts: Vec<String> = self
            .literals(k)
            .into_iter()
            .map(|(j, present)| {
                let name = names
                    .get(j)
                    .map(|s| s.as_ref().to_string())
                    .unwrap_or_else(|| format!("X{}", j + 1));
                if present { name } else { format!("~{name}") }
            })
            .collect();
        if parts.is_empty() {
            "1".to_string()
        } else {
            parts.join("*")
        }
    }

    /// Every configuration the term covers, in increasing order.
    ///
    /// Returns `None` when there would be more than `limit` of them.
    /// Complexity: O(2^(k - literals)).
    pub fn configurations(&self, k: usize, limit: usize) -> Option<Vec<u64>> {
        let free = full_mask(k) & !self.mask;
        let n_free = free.count_ones();
        if n_free >= 63 || (1usize << n_free) > limit {
            return None;
        }
        let mut out = Vec::with_capacity(1usize << n_free);
        // Enumerate subsets of `free` in increasing numeric order.
        let mut sub: u64 = 0;
        loop {
            out.push(self.value | sub);
            if sub == free {
                break;
            }
            sub = (sub.wrapping_sub(free)) & free;
        }
        Some(out)
    }
}

/// All `k` condition bits set.
pub fn full_mask(k: usize) -> u64 {
    if k >= 64 { u64::MAX } else { (1u64 << k) - 1 }
}

/// The bit of condition `j` among `k` conditions (first condition = most
/// significant bit).
#[inline]
pub fn bit_of(k: usize, j: usize) -> u64 {
    1u64 << (k - 1 - j)
}

/// Sorts implicants the way R QCA's C routines `sort_cols` / `sort_matrix`
/// do, which fixes the order of the PI chart, of the terms in a model and
/// therefore of the models M1, M2, ….
///
/// Rule: fewer literals first; then, condition by condition from the first,
/// negated literal before present literal before absent condition.
///
/// R quirk reproduced: R sorts by the last condition first (stable,
/// descending codes), then re-sorts ascending the leading block of
/// non-absent codes; when *no* term lacks that condition, R's block ends one
/// element early, so the last term keeps its place. The outcome can then
/// depend on the incoming order, so callers pass terms in the order R finds
/// them (the order of `found_order_key`).
///
/// Each of R's two sorts per condition is a stable partition by code, so a
/// pass is one stable three-way bucket split (negated, present, absent; with
/// the quirk, the last negated term after the present ones), followed by a
/// stable counting sort by number of literals. Complexity: O(k · n) time,
/// O(n) extra memory.
pub fn sort_r_order(k: usize, terms: &mut [Implicant]) {
    // A callback that never cancels: the sort cannot fail.
    let _ = sort_r_order_checked(k, terms, &mut |_| ControlFlow::Continue(()));
}

/// [`sort_r_order`], calling `progress` after each condition's pass (it may
/// cancel between passes).
pub(crate) fn sort_r_order_checked(
    k: usize,
    terms: &mut [Implicant],
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<(), MinimizeError> {
    let n = terms.len();
    if n < 2 {
        return Ok(());
    }
    // Two buffers used in turn: each pass reads one and writes the other.
    let mut buf: Vec<Implicant> = terms.to_vec();
    let mut in_buf = false;
    for j in (0..k).rev() {
        if n > 1 << 14
            && let ControlFlow::Break(()) = progress(Progress::ChartSearch {
                nodes: (k - j) as u64,
                models: 0,
            })
        {
            return Err(MinimizeError::Cancelled);
        }
        let (src, dst): (&[Implicant], &mut [Implicant]) = if in_buf {
            (&buf, &mut *terms)
        } else {
            (&*terms, &mut buf)
        };
        let bit = bit_of(k, j);
        let mut negated = 0;
        let mut present = 0;
        let mut last_negated = None;
        for (i, t) in src.iter().enumerate() {
            if t.mask & bit != 0 {
                if t.value & bit == 0 {
                    negated += 1;
                    last_negated = Some(i);
                } else {
                    present += 1;
                }
            }
        }
        // R's quirk: with no absent term, the last negated term (the last
        // element after the descending sort) stays at the end.
        let held = if negated + present == n {
            last_negated
        } else {
            None
        };
        let shift = usize::from(held.is_some());
        let mut next = [0, negated - shift, negated + present - shift];
        for (i, t) in src.iter().enumerate() {
            let slot = if held == Some(i) {
                n - 1
            } else {
                let class = if t.mask & bit == 0 {
                    2
                } else if t.value & bit == 0 {
                    0
                } else {
                    1
                };
                let Some(at) = next.get_mut(class) else {
                    continue;
                };
                *at += 1;
                *at - 1
            };
            if let Some(x) = dst.get_mut(slot) {
                *x = *t;
            }
        }
        in_buf = !in_buf;
    }
    if !in_buf {
        buf.copy_from_slice(terms);
    }
    // Stable counting sort by number of literals.
    let mut counts = vec![0usize; 66];
    for t in terms.iter() {
        if let Some(c) = counts.get_mut(t.literal_count() as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..counts.len() {
        let prev = counts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(i) {
            *c += prev;
        }
    }
    // `buf` holds the order of the last pass.
    for t in &buf {
        if let Some(c) = counts.get_mut(t.literal_count() as usize)
            && let Some(slot) = terms.get_mut(*c)
        {
            *slot = *t;
            *c += 1;
        }
    }
    Ok(())
}

/// [`sort_r_order`] as one key sort, when the incoming order cannot matter:
/// every condition is absent from some term (so R's quirk never applies,
/// each pass is a stable partition, and the result is the order of the key
/// (literals, then per condition negated < present < absent), which tells
/// distinct terms apart). Returns `false`, leaving `terms` as they are, when
/// some condition is in every term or `k > 60` (the key would not fit).
/// Complexity: O(k · n + n log n).
pub(crate) fn sort_r_order_by_key(k: usize, terms: &mut [Implicant]) -> bool {
    let shared = terms.iter().fold(full_mask(k), |a, t| a & t.mask);
    if k > 60 || (shared != 0 && terms.len() > 1) {
        return false;
    }
    let key = |t: &Implicant| -> u128 {
        let mut key = u128::from(t.literal_count()) << 120;
        for j in 0..k {
            let bit = bit_of(k, j);
            let c: u128 = if t.mask & bit == 0 {
                2
            } else if t.value & bit == 0 {
                0
            } else {
                1
            };
            key |= c << (2 * (k - 1 - j));
        }
        key
    };
    let mut keys: Vec<u128> = terms.iter().map(key).collect();
    keys.sort_unstable();
    // The key determines the term: decode it back.
    for (t, &key) in terms.iter_mut().zip(&keys) {
        let (mut mask, mut value) = (0u64, 0u64);
        for j in 0..k {
            let bit = bit_of(k, j);
            match (key >> (2 * (k - 1 - j))) & 3 {
                0 => mask |= bit,
                1 => {
                    mask |= bit;
                    value |= bit;
                }
                _ => {}
            }
        }
        *t = Implicant { mask, value };
    }
    true
}

/// The key of the order in which R's CCubes search meets a prime implicant,
/// given the index of the first positive row (in increasing order) that the
/// term covers: by number of literals, then by the combination of
/// conditions (lexicographic on condition indices), then by that first
/// positive row. For terms with the same number of literals, lexicographic
/// order on the condition indices is decreasing order of the masks (the
/// first condition is the most significant bit), so no allocation is needed.
pub fn found_order_key(term: &Implicant, first: usize) -> (u32, std::cmp::Reverse<u64>, usize) {
    (term.literal_count(), std::cmp::Reverse(term.mask), first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// R's two sorts per condition, literally (the previous implementation).
    fn sort_r_order_reference(k: usize, terms: &mut [Implicant]) {
        let n = terms.len();
        if n < 2 {
            return;
        }
        for j in (0..k).rev() {
            terms.sort_by_key(|t| std::cmp::Reverse(t.code(k, j)));
            let mut z = terms.iter().take_while(|t| t.code(k, j) != 0).count();
            if z == n {
                z = n - 1;
            }
            if let Some(block) = terms.get_mut(..z) {
                block.sort_by_key(|t| t.code(k, j));
            }
        }
        terms.sort_by_key(|t| t.literal_count());
    }

    proptest! {
        #[test]
        fn linear_r_order_equals_r_two_sorts_per_condition(
            k in 1usize..6,
            codes in proptest::collection::vec(proptest::collection::vec(0u8..3, 6), 0..40),
            dense in any::<bool>(),
        ) {
            // `dense`: no absent literal, so that R's quirk applies.
            let mut terms: Vec<Implicant> = codes
                .iter()
                .map(|c| {
                    let c: Vec<u8> = c.iter().take(k).map(|&x| if dense { 1 + x % 2 } else { x }).collect();
                    term(k, &c)
                })
                .collect();
            let mut expected = terms.clone();
            sort_r_order_reference(k, &mut expected);
            sort_r_order(k, &mut terms);
            prop_assert_eq!(terms, expected);
        }

        #[test]
        fn key_sort_equals_r_passes_when_it_applies(
            k in 1usize..6,
            codes in proptest::collection::vec(proptest::collection::vec(0u8..3, 6), 0..40),
        ) {
            let mut terms: Vec<Implicant> = codes
                .iter()
                .map(|c| term(k, &c.iter().take(k).copied().collect::<Vec<u8>>()))
                .collect();
            terms.sort_unstable();
            terms.dedup();
            let mut expected = terms.clone();
            sort_r_order_reference(k, &mut expected);
            let before = terms.clone();
            if sort_r_order_by_key(k, &mut terms) {
                prop_assert_eq!(terms, expected);
            } else {
                prop_assert_eq!(terms, before);
            }
        }

        #[test]
        fn found_order_key_orders_conditions_lexicographically(
            k in 1usize..7,
            a in 0u64..128, b in 0u64..128, va in 0u64..128, vb in 0u64..128,
        ) {
            let full = full_mask(k);
            let (ta, tb) = (Implicant::new(a & full, va), Implicant::new(b & full, vb));
            let conds = |t: &Implicant| -> (u32, Vec<usize>) {
                (t.literal_count(), (0..k).filter(|&j| t.mask() & bit_of(k, j) != 0).collect())
            };
            let slow = conds(&ta).cmp(&conds(&tb));
            let fast = found_order_key(&ta, 0).cmp(&found_order_key(&tb, 0));
            prop_assert_eq!(slow, fast);
        }
    }

    fn term(k: usize, codes: &[u8]) -> Implicant {
        let mut mask = 0;
        let mut value = 0;
        for (j, &c) in codes.iter().enumerate() {
            if c > 0 {
                mask |= bit_of(k, j);
                if c == 2 {
                    value |= bit_of(k, j);
                }
            }
        }
        Implicant::new(mask, value)
    }

    #[test]
    fn expression_uses_condition_order_and_tilde() {
        let names = ["A", "B", "C"];
        assert_eq!(term(3, &[2, 1, 0]).to_expression(&names), "A*~B");
        assert_eq!(term(3, &[0, 0, 0]).to_expression(&names), "1");
    }

    #[test]
    fn configurations_enumerate_the_cube() {
        let t = term(3, &[2, 0, 0]);
        assert_eq!(t.configurations(3, 100), Some(vec![4, 5, 6, 7]));
        assert_eq!(t.configurations(3, 3), None);
    }

    #[test]
    fn r_order_puts_negation_before_presence_before_absence() {
        let k = 3;
        let mut v = vec![
            term(k, &[0, 2, 2]),
            term(k, &[2, 2, 0]),
            term(k, &[1, 2, 0]),
            term(k, &[2, 0, 2]),
        ];
        sort_r_order(k, &mut v);
        let names = ["A", "B", "C"];
        let s: Vec<String> = v.iter().map(|t| t.to_expression(&names)).collect();
        assert_eq!(s, vec!["~A*B", "A*B", "A*C", "B*C"]);
    }

    #[test]
    fn r_order_reproduces_the_full_block_quirk() {
        // CVF, incl.cut 0.8, n.cut 2: R lists rows 5, 30, 24, 15 in this order.
        let k = 5;
        let mut v: Vec<Implicant> = [4u64, 14, 23, 29]
            .iter()
            .map(|&c| Implicant::minterm(k, c))
            .collect();
        sort_r_order(k, &mut v);
        let rows: Vec<u64> = v.iter().map(|t| t.value() + 1).collect();
        assert_eq!(rows, vec![5, 30, 24, 15]);
    }
}
