//! The prime implicant chart and its exact solution: every cover with the
//! fewest prime implicants (R QCA's models M1, M2, …), R's row dominance, and
//! R's `all.sol` (every irredundant cover).

use std::collections::HashMap;
use std::ops::ControlFlow;

use super::{MinimizeError, Progress};

/// How often (in search nodes) the progress callback is called.
const PROGRESS_EVERY: u64 = 8192;

/// Entries of the exact-bound memo before it is cleared (bounds memory).
const MEMO_LIMIT: usize = 500_000;

/// A fixed-size set of small integers (chart rows or columns), one bit each.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// The empty set able to hold `0..n`.
    pub fn new(n: usize) -> Self {
        BitSet {
            words: vec![0; n.div_ceil(64)],
        }
    }

    /// The set `0..n`.
    pub fn full(n: usize) -> Self {
        let mut s = BitSet::new(n);
        for i in 0..n {
            s.insert(i);
        }
        s
    }

    /// Adds `i` (ignored when out of range).
    pub fn insert(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i / 64) {
            *w |= 1u64 << (i % 64);
        }
    }

    /// Removes `i`.
    pub fn remove(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i / 64) {
            *w &= !(1u64 << (i % 64));
        }
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// |self ∩ other|.
    pub fn intersection_len(&self, other: &BitSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Whether self ⊆ other.
    pub fn is_subset(&self, other: &BitSet) -> bool {
        self.words
            .iter()
            .zip(&other.words)
            .all(|(a, b)| a & !b == 0)
    }

    /// Whether self ∩ other ≠ ∅.
    pub fn intersects(&self, other: &BitSet) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }

    /// self ← self ∩ other.
    pub fn intersect_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// self ← self \ other.
    pub fn difference_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// self ← self ∪ other.
    pub fn union_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The elements in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    None
                } else {
                    let t = w.trailing_zeros() as usize;
                    w &= w - 1;
                    Some(wi * 64 + t)
                }
            })
        })
    }

    /// The first element, if any.
    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }
}

/// Limits that keep the chart solver from running away on huge charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SolveLimits {
    /// Stop after this many models (the answer is then marked incomplete).
    pub max_models: usize,
    /// Return only the first minimal model found (R's `first.min`).
    pub first_only: bool,
}

/// How the models of a chart were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Completeness {
    /// Every model is listed.
    All,
    /// Only the first model was asked for (and found).
    FirstOnly,
    /// The listing stopped at the model limit; more models exist.
    Truncated,
}

/// Rows of a chart whose coverage is not a strict subset of another row's:
/// R's `row.dom` (QCA `rowDominance()` and the C routine `row_dominance`).
/// Rows with identical coverage are all kept. Returns kept indices in order.
/// Complexity: O(n² · w) for n rows of w words.
pub fn row_dominance(covers: &[BitSet]) -> Vec<usize> {
    // Distinct coverages first: large charts repeat them a lot.
    let mut distinct: HashMap<&BitSet, usize> = HashMap::new();
    let mut sets: Vec<(&BitSet, usize)> = Vec::new();
    for c in covers {
        if !distinct.contains_key(c) {
            distinct.insert(c, sets.len());
            sets.push((c, c.len()));
        }
    }
    let mut order: Vec<usize> = (0..sets.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sets.get(i).map_or(0, |s| s.1)));
    let mut kept = vec![true; sets.len()];
    // For each column, the maximal sets found so far that contain it: a set
    // is dominated only by a larger maximal set containing its rarest column.
    let mut by_column: HashMap<usize, Vec<usize>> = HashMap::new();
    for &i in &order {
        let Some(&(si, li)) = sets.get(i) else {
            continue;
        };
        let rarest = si
            .iter()
            .min_by_key(|c| by_column.get(c).map_or(0, Vec::len));
        let dominated = rarest.and_then(|c| by_column.get(&c)).is_some_and(|list| {
            list.iter().any(|&j| {
                sets.get(j)
                    .is_some_and(|&(sj, lj)| lj > li && si.is_subset(sj))
            })
        });
        if dominated {
            if let Some(k) = kept.get_mut(i) {
                *k = false;
            }
        } else {
            for c in si.iter() {
                by_column.entry(c).or_default().push(i);
            }
        }
    }
    covers
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            distinct
                .get(c)
                .is_some_and(|&i| kept.get(i).copied().unwrap_or(false))
        })
        .map(|(i, _)| i)
        .collect()
}

/// A set-cover instance: `sets[i]` are the columns (positive rows) that
/// prime implicant `i` covers; every column in `0..n_cols` must be covered.
struct Cover<'a> {
    sets: &'a [BitSet],
    /// For each column, the sets covering it, in index order.
    by_col: Vec<Vec<usize>>,
    /// For each column, the sets covering it, as a bit set over sets.
    col_sets: Vec<BitSet>,
    nodes: u64,
    /// Sets allowed at the root of the search (the exact bound ignores the
    /// exclusions made while enumerating, so it stays a valid lower bound).
    root_allowed: BitSet,
    /// Memo of the exact bound: uncovered columns → (value, exact?); when not
    /// exact, the value is a lower bound.
    memo: HashMap<BitSet, (usize, bool)>,
}

impl<'a> Cover<'a> {
    fn new(sets: &'a [BitSet], n_cols: usize) -> Self {
        let mut by_col = vec![Vec::new(); n_cols];
        for (i, s) in sets.iter().enumerate() {
            for c in s.iter() {
                if let Some(v) = by_col.get_mut(c) {
                    v.push(i);
                }
            }
        }
        let col_sets = by_col
            .iter()
            .map(|v| {
                let mut b = BitSet::new(sets.len());
                for &i in v {
                    b.insert(i);
                }
                b
            })
            .collect();
        Cover {
            sets,
            by_col,
            col_sets,
            nodes: 0,
            root_allowed: BitSet::full(sets.len()),
            memo: HashMap::new(),
        }
    }

    fn tick(
        &mut self,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
        found: usize,
    ) -> Result<(), MinimizeError> {
        self.nodes += 1;
        if self.nodes.is_multiple_of(PROGRESS_EVERY)
            && let ControlFlow::Break(()) = progress(Progress::ChartSearch {
                nodes: self.nodes,
                models: found,
            })
        {
            return Err(MinimizeError::Cancelled);
        }
        Ok(())
    }

    /// The uncovered column with the fewest allowed covering sets, with
    /// those sets.
    fn branch_column(&self, uncovered: &BitSet, allowed: &BitSet) -> Option<Vec<usize>> {
        let mut best: Option<Vec<usize>> = None;
        for c in uncovered.iter() {
            let cands: Vec<usize> = self
                .by_col
                .get(c)
                .map(|v| v.iter().copied().filter(|&i| allowed.contains(i)).collect())
                .unwrap_or_default();
            if best.as_ref().is_none_or(|b| cands.len() < b.len()) {
                let done = cands.len() <= 1;
                best = Some(cands);
                if done {
                    break;
                }
            }
        }
        best
    }

    /// Lower bound on the number of allowed sets still needed: the larger of
    /// ⌈uncovered / largest coverage⌉ and a greedy set of uncovered columns
    /// that no allowed set covers two of (each needs its own set).
    /// `usize::MAX` when some column cannot be covered.
    fn lower_bound(&self, uncovered: &BitSet, allowed: &BitSet) -> usize {
        let need = uncovered.len();
        if need == 0 {
            return 0;
        }
        let mut best = 0;
        for i in allowed.iter() {
            if let Some(s) = self.sets.get(i) {
                best = best.max(s.intersection_len(uncovered));
            }
        }
        if best == 0 {
            return usize::MAX;
        }
        let coverage_bound = need.div_ceil(best);
        let mut cols: Vec<(usize, BitSet)> = uncovered
            .iter()
            .filter_map(|c| {
                let mut cands = self.col_sets.get(c)?.clone();
                cands.intersect_with(allowed);
                Some((cands.len(), cands))
            })
            .collect();
        if cols.iter().any(|(n, _)| *n == 0) {
            return usize::MAX;
        }
        cols.sort_by_key(|(n, _)| *n);
        let mut used = BitSet::new(self.sets.len());
        let mut independent = 0;
        for (_, cands) in &cols {
            if !cands.intersects(&used) {
                independent += 1;
                used.union_with(cands);
            }
        }
        coverage_bound.max(independent)
    }

    /// Removes from `uncovered` every column whose allowed covering sets
    /// include all the allowed covering sets of another uncovered column
    /// (covering the latter covers the former). Keeps the set of minimal
    /// covers unchanged.
    fn drop_dominated_columns(&self, uncovered: &mut BitSet, allowed: &BitSet) {
        let cols: Vec<(usize, BitSet)> = uncovered
            .iter()
            .filter_map(|c| {
                let mut cands = self.col_sets.get(c)?.clone();
                cands.intersect_with(allowed);
                Some((c, cands))
            })
            .collect();
        for (i, (c2, s2)) in cols.iter().enumerate() {
            let dominated = cols
                .iter()
                .enumerate()
                .any(|(j, (_, s1))| j != i && s1.is_subset(s2) && (s1 != s2 || j < i));
            if dominated {
                uncovered.remove(*c2);
            }
        }
    }

    /// The fewest root-allowed sets covering `uncovered`, exactly when it is
    /// at most `limit`; otherwise some value above `limit`. Memoized branch
    /// and bound on the uncovered columns.
    fn exact_min(&mut self, uncovered: &BitSet, limit: usize) -> usize {
        if uncovered.is_empty() {
            return 0;
        }
        if let Some(&(v, exact)) = self.memo.get(uncovered)
            && (exact || v > limit)
        {
            return v;
        }
        let root = self.root_allowed.clone();
        let lb = self.lower_bound(uncovered, &root);
        if lb > limit {
            self.remember(uncovered, lb, false);
            return lb;
        }
        let Some(cands) = self.branch_column(uncovered, &root) else {
            self.remember(uncovered, usize::MAX / 2, true);
            return usize::MAX / 2;
        };
        let mut best = limit.saturating_add(1);
        for i in cands {
            if best <= lb.max(1) {
                break;
            }
            let Some(set) = self.sets.get(i) else {
                continue;
            };
            let mut next = uncovered.clone();
            next.difference_with(set);
            let v = self.exact_min(&next, best.saturating_sub(2));
            if v.saturating_add(1) < best {
                best = v + 1;
            }
        }
        if best <= limit {
            self.remember(uncovered, best, true);
        } else {
            self.remember(uncovered, limit + 1, false);
        }
        best
    }

    fn remember(&mut self, uncovered: &BitSet, value: usize, exact: bool) {
        if self.memo.len() >= MEMO_LIMIT {
            self.memo.clear();
        }
        let entry = self.memo.entry(uncovered.clone()).or_insert((0, false));
        if exact || !entry.1 {
            *entry = (value.max(if exact { 0 } else { entry.0 }), exact);
        }
    }

    /// Depth-first enumeration of the covers with at most `budget` more sets.
    /// Each cover is produced once: when branching on a column, the sets
    /// tried earlier are forbidden in later branches.
    #[allow(clippy::too_many_arguments)]
    fn enumerate_min(
        &mut self,
        uncovered: &BitSet,
        allowed: &BitSet,
        chosen: &mut Vec<usize>,
        budget: usize,
        out: &mut Vec<Vec<usize>>,
        limits: &SolveLimits,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<bool, MinimizeError> {
        self.tick(progress, out.len())?;
        if uncovered.is_empty() {
            out.push(chosen.clone());
            return Ok(limits.first_only || out.len() >= limits.max_models);
        }
        if budget == 0 {
            return Ok(false);
        }
        let root = self.root_allowed.clone();
        let lb = self.lower_bound(uncovered, &root);
        if lb > budget || self.exact_min(uncovered, budget) > budget {
            return Ok(false);
        }
        let Some(cands) = self.branch_column(uncovered, allowed) else {
            return Ok(false);
        };
        let mut allowed_here = allowed.clone();
        for &i in &cands {
            allowed_here.remove(i);
            let Some(set) = self.sets.get(i) else {
                continue;
            };
            let mut next = uncovered.clone();
            next.difference_with(set);
            if self.exact_min(&next, budget - 1) > budget - 1 {
                continue;
            }
            chosen.push(i);
            let stop = self.enumerate_min(
                &next,
                &allowed_here,
                chosen,
                budget - 1,
                out,
                limits,
                progress,
            )?;
            chosen.pop();
            if stop {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Depth-first enumeration of the irredundant covers (each chosen set
    /// keeps a column no other chosen set covers).
    #[allow(clippy::too_many_arguments)]
    fn enumerate_irredundant(
        &mut self,
        uncovered: &BitSet,
        allowed: &BitSet,
        chosen: &mut Vec<usize>,
        counts: &mut Vec<u32>,
        out: &mut Vec<Vec<usize>>,
        limits: &SolveLimits,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<bool, MinimizeError> {
        self.tick(progress, out.len())?;
        if uncovered.is_empty() {
            out.push(chosen.clone());
            return Ok(out.len() >= limits.max_models);
        }
        let Some(cands) = self.branch_column(uncovered, allowed) else {
            return Ok(false);
        };
        let mut allowed_here = allowed.clone();
        for &i in &cands {
            allowed_here.remove(i);
            let Some(set) = self.sets.get(i) else {
                continue;
            };
            for c in set.iter() {
                if let Some(x) = counts.get_mut(c) {
                    *x += 1;
                }
            }
            chosen.push(i);
            let irredundant = chosen.iter().all(|&s| {
                self.sets
                    .get(s)
                    .is_some_and(|set| set.iter().any(|c| counts.get(c) == Some(&1)))
            });
            let mut stop = false;
            if irredundant {
                let mut next = uncovered.clone();
                next.difference_with(set);
                stop = self.enumerate_irredundant(
                    &next,
                    &allowed_here,
                    chosen,
                    counts,
                    out,
                    limits,
                    progress,
                )?;
            }
            chosen.pop();
            for c in set.iter() {
                if let Some(x) = counts.get_mut(c) {
                    *x = x.saturating_sub(1);
                }
            }
            if stop {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Models (sorted set indices) and whether the listing is complete.
pub type Solved = (Vec<Vec<usize>>, Completeness);

/// The size of the smallest cover found greedily (an upper bound).
fn greedy_upper_bound(sets: &[BitSet], n_cols: usize) -> Option<usize> {
    let mut uncovered = BitSet::full(n_cols);
    let mut n = 0;
    while !uncovered.is_empty() {
        let best = sets.iter().max_by_key(|s| s.intersection_len(&uncovered))?;
        if best.intersection_len(&uncovered) == 0 {
            return None;
        }
        uncovered.difference_with(best);
        n += 1;
    }
    Some(n)
}

/// Every cover of the columns `0..n_cols` with the fewest sets, each as
/// sorted set indices, in R's order (lexicographic on the index tuples, as
/// R's `find_models` enumerates combinations).
///
/// Exact: sets covering a column that no other set covers are forced
/// (essential), then a branch-and-bound search over the column with the
/// fewest candidates, pruned by a coverage bound, runs for k = lower bound,
/// lower bound + 1, … until covers exist. Returns `Ok(None)` when some
/// column cannot be covered.
pub fn minimal_covers(
    sets: &[BitSet],
    n_cols: usize,
    limits: &SolveLimits,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Option<Solved>, MinimizeError> {
    let mut cover = Cover::new(sets, n_cols);
    if cover.by_col.iter().any(Vec::is_empty) {
        return Ok(None);
    }
    // Essential sets: the only cover of some column.
    let mut forced: Vec<usize> = cover
        .by_col
        .iter()
        .filter(|v| v.len() == 1)
        .filter_map(|v| v.first().copied())
        .collect();
    forced.sort_unstable();
    forced.dedup();
    let mut uncovered = BitSet::full(n_cols);
    for &i in &forced {
        if let Some(s) = sets.get(i) {
            uncovered.difference_with(s);
        }
    }
    let mut allowed = BitSet::new(sets.len());
    for (i, s) in sets.iter().enumerate() {
        if !forced.contains(&i) && s.intersection_len(&uncovered) > 0 {
            allowed.insert(i);
        }
    }
    cover.drop_dominated_columns(&mut uncovered, &allowed);
    for i in 0..sets.len() {
        if allowed.contains(i) && !sets.get(i).is_some_and(|s| s.intersects(&uncovered)) {
            allowed.remove(i);
        }
    }
    let Some(ub) = greedy_upper_bound(sets, n_cols) else {
        return Ok(None);
    };
    // The exact bound may ignore dominated sets: a set whose columns are a
    // strict subset of another's can be swapped for it in any cover, so the
    // smallest cover size of any column set is unchanged.
    // Sets with the same columns are interchangeable there too: one of each.
    let mut root = BitSet::new(sets.len());
    let mut seen: std::collections::HashSet<&BitSet> = std::collections::HashSet::new();
    for i in row_dominance(sets) {
        if allowed.contains(i)
            && let Some(s) = sets.get(i)
            && seen.insert(s)
        {
            root.insert(i);
        }
    }
    cover.root_allowed = root;
    let mut budget = cover.lower_bound(&uncovered, &allowed).min(ub);
    if uncovered.is_empty() {
        budget = 0;
    }
    let mut out = Vec::new();
    let mut stopped = false;
    while out.is_empty() && budget <= ub {
        let mut chosen = forced.clone();
        stopped = cover.enumerate_min(
            &uncovered,
            &allowed,
            &mut chosen,
            budget,
            &mut out,
            limits,
            progress,
        )?;
        budget += 1;
    }
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort();
    let completeness = if limits.first_only {
        Completeness::FirstOnly
    } else if stopped {
        Completeness::Truncated
    } else {
        Completeness::All
    };
    Ok(Some((out, completeness)))
}

/// Every irredundant cover (no set can be dropped), R's `all.sol = TRUE`:
/// ordered by number of sets, then lexicographically on the index tuples.
pub fn irredundant_covers(
    sets: &[BitSet],
    n_cols: usize,
    limits: &SolveLimits,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Option<Solved>, MinimizeError> {
    let mut cover = Cover::new(sets, n_cols);
    if cover.by_col.iter().any(Vec::is_empty) {
        return Ok(None);
    }
    let uncovered = BitSet::full(n_cols);
    let allowed = BitSet::full(sets.len());
    let mut counts = vec![0u32; n_cols];
    let mut out = Vec::new();
    let mut chosen = Vec::new();
    let stopped = cover.enumerate_irredundant(
        &uncovered,
        &allowed,
        &mut chosen,
        &mut counts,
        &mut out,
        limits,
        progress,
    )?;
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    let completeness = if stopped {
        Completeness::Truncated
    } else {
        Completeness::All
    };
    Ok(Some((out, completeness)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go(_: Progress) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    fn set(n: usize, items: &[usize]) -> BitSet {
        let mut s = BitSet::new(n);
        for &i in items {
            s.insert(i);
        }
        s
    }

    const ALL: SolveLimits = SolveLimits {
        max_models: usize::MAX,
        first_only: false,
    };

    #[test]
    fn cyclic_chart_has_two_minimal_covers() {
        // Columns 0..6 in a cycle, each set covers two neighbours.
        let n = 6;
        let sets: Vec<BitSet> = (0..n).map(|i| set(n, &[i, (i + 1) % n])).collect();
        let r = minimal_covers(&sets, n, &ALL, &mut go);
        let Ok(Some((models, c))) = r else {
            panic!("no covers");
        };
        assert_eq!(models, vec![vec![0, 2, 4], vec![1, 3, 5]]);
        assert_eq!(c, Completeness::All);
    }

    #[test]
    fn row_dominance_keeps_maximal_and_equal_rows() {
        let n = 3;
        let sets = vec![
            set(n, &[0, 1]),
            set(n, &[0]),
            set(n, &[1, 2]),
            set(n, &[1, 2]),
        ];
        assert_eq!(row_dominance(&sets), vec![0, 2, 3]);
    }

    #[test]
    fn irredundant_covers_include_larger_ones() {
        // LC, include "?", all.sol: DEV*STB alone, or DEV*~IND + IND*STB.
        let n = 3;
        let sets = vec![
            set(n, &[0]),
            set(n, &[0, 1, 2]),
            set(n, &[2]),
            set(n, &[1, 2]),
        ];
        let r = irredundant_covers(&sets, n, &ALL, &mut go);
        let Ok(Some((models, _))) = r else {
            panic!("no covers");
        };
        assert_eq!(models, vec![vec![1], vec![0, 3]]);
    }
}
