//! The prime implicant chart and its exact solution: every cover with the
//! fewest prime implicants (R QCA's models M1, M2, …), R's row dominance, and
//! R's `all.sol` (every irredundant cover).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::ControlFlow;

use super::implicant::Implicant;
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

/// Bit-sliced rows (configurations): for each condition bit and value, the
/// set of rows with that value, so that the rows a cube covers are an AND of
/// one slice per literal. Complexity: O(literals · n / 64) per cube instead
/// of O(n).
pub(crate) struct RowIndex {
    n: usize,
    words: usize,
    /// `slices[(2 * b + v) * words ..]`: rows whose bit `b` equals `v`.
    slices: Vec<u64>,
}

impl RowIndex {
    /// Indexes `rows` (configurations over `k` conditions).
    pub(crate) fn new(k: usize, rows: &[u64]) -> Self {
        let words = rows.len().div_ceil(64).max(1);
        let mut slices = vec![0u64; 2 * k * words];
        for (i, &r) in rows.iter().enumerate() {
            for b in 0..k {
                let v = usize::from(r >> b & 1 == 1);
                if let Some(w) = slices.get_mut((2 * b + v) * words + i / 64) {
                    *w |= 1u64 << (i % 64);
                }
            }
        }
        RowIndex {
            n: rows.len(),
            words,
            slices,
        }
    }

    /// Rows covered by the cube with conditions `mask` and values `value`,
    /// in word `w` (bits of rows beyond the last are 0).
    #[inline]
    fn word(&self, w: usize, mask: u64, value: u64) -> u64 {
        let mut acc = if (w + 1) * 64 <= self.n {
            u64::MAX
        } else {
            (1u64 << (self.n % 64)) - 1
        };
        let mut bits = mask;
        while bits != 0 && acc != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let v = usize::from(value >> b & 1 == 1);
            acc &= self
                .slices
                .get((2 * b + v) * self.words + w)
                .copied()
                .unwrap_or(0);
        }
        acc
    }

    /// Writes the rows the term covers into `out` (one word per 64 rows):
    /// an AND of one contiguous slice per literal.
    pub(crate) fn cover_into(&self, t: &Implicant, out: &mut [u64]) {
        let n_words = self.n.div_ceil(64);
        for (w, o) in out.iter_mut().enumerate() {
            *o = match (w + 1).cmp(&n_words) {
                std::cmp::Ordering::Less => u64::MAX,
                std::cmp::Ordering::Equal if self.n.is_multiple_of(64) => u64::MAX,
                std::cmp::Ordering::Equal => (1u64 << (self.n % 64)) - 1,
                std::cmp::Ordering::Greater => 0,
            };
        }
        let mut bits = t.mask();
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let v = usize::from(t.value() >> b & 1 == 1);
            let start = (2 * b + v) * self.words;
            let Some(slice) = self.slices.get(start..start + self.words) else {
                out.fill(0);
                return;
            };
            for (o, x) in out.iter_mut().zip(slice) {
                *o &= x;
            }
        }
    }

    /// The first row the term covers (`scratch` holds one word per 64
    /// rows).
    pub(crate) fn first_covered(&self, t: &Implicant, scratch: &mut [u64]) -> Option<usize> {
        self.cover_into(t, scratch);
        scratch
            .iter()
            .enumerate()
            .find(|(_, x)| **x != 0)
            .map(|(w, x)| w * 64 + x.trailing_zeros() as usize)
    }

    /// Whether the cube with conditions `mask` and the values of `value`
    /// covers a row before `row`.
    pub(crate) fn covers_before(&self, row: usize, mask: u64, value: u64) -> bool {
        (0..=row / 64).any(|w| {
            let before = if w == row / 64 {
                (1u64 << (row % 64)) - 1
            } else {
                u64::MAX
            };
            before != 0 && self.word(w, mask, value) & before != 0
        })
    }
}

/// A fast hasher for bitsets (FxHash's multiply-rotate on whole words);
/// chart coverages are not attacker-chosen keys.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// Prime implicants grouped by identical coverage: `classes[c]` is a
/// coverage and `class_of[i]` the class of prime implicant `i`; classes are
/// numbered in order of their first member.
pub(crate) struct Classes {
    /// The distinct coverages.
    pub(crate) classes: Vec<BitSet>,
    /// The class of each prime implicant.
    pub(crate) class_of: Vec<u32>,
}

/// How many prime implicants are handled between two progress calls while
/// the chart is built.
pub(crate) const BUILD_PROGRESS_EVERY: usize = 1 << 15;

/// Calls `progress` at the start of a chart-building step and every
/// [`BUILD_PROGRESS_EVERY`] items (`i` items done); `Err(Cancelled)` when it
/// asks to stop.
pub(crate) fn checkpoint(
    i: usize,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<(), MinimizeError> {
    if i.is_multiple_of(BUILD_PROGRESS_EVERY)
        && let ControlFlow::Break(()) = progress(Progress::ChartSearch {
            nodes: i as u64,
            models: 0,
        })
    {
        return Err(MinimizeError::Cancelled);
    }
    Ok(())
}

/// Groups the terms by the rows of `index` they cover. Complexity:
/// O(n · literals · w) for n terms and w words per coverage; memory: one
/// bitset per distinct coverage.
pub(crate) fn coverage_classes(
    index: &RowIndex,
    terms: &[Implicant],
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Classes, MinimizeError> {
    // Coverage hash → classes with that hash (no allocation per term).
    let mut lookup: HashMap<u64, Vec<u32>, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut classes: Vec<BitSet> = Vec::new();
    let mut class_of = Vec::with_capacity(terms.len());
    let mut scratch = BitSet::new(index.n);
    for (i, t) in terms.iter().enumerate() {
        checkpoint(i, progress)?;
        index.cover_into(t, &mut scratch.words);
        let mut h = WordHasher::default();
        for &x in &scratch.words {
            h.write_u64(x);
        }
        let same = lookup.entry(h.finish()).or_default();
        let known = same
            .iter()
            .copied()
            .find(|&c| classes.get(c as usize) == Some(&scratch));
        let c = match known {
            Some(c) => c,
            None => {
                let c = u32::try_from(classes.len()).map_err(|_| MinimizeError::TooLarge {
                    what: "prime implicant coverages",
                })?;
                classes.push(scratch.clone());
                same.push(c);
                c
            }
        };
        class_of.push(c);
    }
    Ok(Classes { classes, class_of })
}

/// Expands covers by coverage classes into covers by prime implicants: every
/// choice of one member per class (a minimal or irredundant cover never
/// holds two terms with the same coverage, so this lists each cover once).
/// At most `max_models` covers are produced; the flag says whether some
/// were left out. Each cover is sorted.
pub(crate) fn expand_class_models(
    class_models: &[Vec<usize>],
    class_of: &[u32],
    max_models: usize,
) -> (Vec<Vec<usize>>, bool) {
    let n_classes = class_models
        .iter()
        .flatten()
        .map(|&c| c + 1)
        .max()
        .unwrap_or(0);
    let mut in_model = vec![false; n_classes];
    for &c in class_models.iter().flatten() {
        if let Some(x) = in_model.get_mut(c) {
            *x = true;
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); n_classes];
    for (i, &c) in class_of.iter().enumerate() {
        let c = c as usize;
        if in_model.get(c).copied().unwrap_or(false)
            && let Some(list) = members.get_mut(c)
        {
            list.push(i);
        }
    }
    let mut out = Vec::new();
    let mut cut = false;
    'models: for m in class_models {
        let lists: Vec<&Vec<usize>> = m.iter().filter_map(|&c| members.get(c)).collect();
        if lists.iter().any(|l| l.is_empty()) {
            continue;
        }
        // Odometer over the members of each class.
        let mut pick = vec![0usize; lists.len()];
        loop {
            if out.len() >= max_models {
                cut = true;
                break 'models;
            }
            let mut model: Vec<usize> = lists
                .iter()
                .zip(&pick)
                .filter_map(|(l, &p)| l.get(p).copied())
                .collect();
            model.sort_unstable();
            out.push(model);
            let mut pos = 0;
            loop {
                let (Some(p), Some(l)) = (pick.get_mut(pos), lists.get(pos)) else {
                    continue 'models;
                };
                *p += 1;
                if *p < l.len() {
                    break;
                }
                *p = 0;
                pos += 1;
            }
        }
    }
    (out, cut)
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
    let mut distinct: HashMap<&BitSet, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut sets: Vec<(&BitSet, usize)> = Vec::new();
    // Per distinct set, its columns folded onto 64 bits: a quick necessary
    // test for inclusion.
    let mut signatures: Vec<u64> = Vec::new();
    for c in covers {
        if !distinct.contains_key(c) {
            distinct.insert(c, sets.len());
            sets.push((c, c.len()));
            signatures.push(c.words.iter().fold(0, |a, w| a | w));
        }
    }
    let mut order: Vec<usize> = (0..sets.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sets.get(i).map_or(0, |s| s.1)));
    let mut kept = vec![true; sets.len()];
    // For each column, the maximal sets found so far that contain it: a set
    // is dominated only by a larger maximal set containing its rarest column.
    let mut by_column: HashMap<usize, Vec<usize>, BuildHasherDefault<WordHasher>> =
        HashMap::default();
    for &i in &order {
        let Some(&(si, li)) = sets.get(i) else {
            continue;
        };
        let rarest = si
            .iter()
            .min_by_key(|c| by_column.get(c).map_or(0, Vec::len));
        // The lists hold sets in processing order (size non-increasing):
        // only the larger ones at their head can strictly contain `si`.
        let sig = signatures.get(i).copied().unwrap_or(0);
        let dominated = rarest.and_then(|c| by_column.get(&c)).is_some_and(|list| {
            list.iter()
                .map_while(|&j| {
                    sets.get(j)
                        .filter(|&&(_, lj)| lj > li)
                        .map(|&(sj, _)| (sj, signatures.get(j).copied().unwrap_or(u64::MAX)))
                })
                .any(|(sj, sig_j)| sig & !sig_j == 0 && si.is_subset(sj))
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
///
/// Nothing proportional to the number of sets is copied per search node:
/// exclusions are counters, bounds use a small "root" list of sets.
struct Cover<'a> {
    sets: &'a [BitSet],
    n_cols: usize,
    /// For each column, the sets covering it, in index order.
    by_col: Vec<Vec<usize>>,
    nodes: u64,
    /// Sets that may be chosen (not forced, not useless).
    base: BitSet,
    /// Per set: > 0 while excluded by an earlier branch.
    excluded: Vec<u32>,
    /// One set per distinct non-dominated coverage: enough for the exact
    /// bound, which ignores exclusions and so stays a valid lower bound.
    root_by_col: Vec<Vec<usize>>,
    /// The root sets with their sizes, largest first.
    root_by_size: Vec<(usize, usize)>,
    /// Per column: the columns sharing a root set with it (itself included).
    neighbours: Vec<BitSet>,
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
        let mut cover = Cover {
            sets,
            n_cols,
            root_by_col: Vec::new(),
            by_col,
            nodes: 0,
            base: BitSet::full(sets.len()),
            excluded: vec![0; sets.len()],
            root_by_size: Vec::new(),
            neighbours: Vec::new(),
            memo: HashMap::new(),
        };
        cover.set_root(&(0..sets.len()).collect::<Vec<_>>());
        cover
    }

    /// Makes `root` (set indices) the sets of the exact bound. Complexity:
    /// O(Σ |set| · w + r log r) for `r` root sets of `w` words.
    fn set_root(&mut self, root: &[usize]) {
        let mut by_col = vec![Vec::new(); self.n_cols];
        let mut neighbours = vec![BitSet::new(self.n_cols); self.n_cols];
        for &i in root {
            if let Some(s) = self.sets.get(i) {
                for c in s.iter() {
                    if let Some(v) = by_col.get_mut(c) {
                        v.push(i);
                    }
                    if let Some(n) = neighbours.get_mut(c) {
                        n.union_with(s);
                    }
                }
            }
        }
        let mut by_size: Vec<(usize, usize)> = root
            .iter()
            .filter_map(|&i| self.sets.get(i).map(|s| (i, s.len())))
            .collect();
        by_size.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        self.root_by_col = by_col;
        self.root_by_size = by_size;
        self.neighbours = neighbours;
        self.memo.clear();
    }

    fn allowed(&self, i: usize) -> bool {
        self.base.contains(i) && self.excluded.get(i) == Some(&0)
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

    /// The uncovered column with the fewest covering sets in `lists`.
    fn rarest_column(uncovered: &BitSet, lists: &[Vec<usize>]) -> Option<usize> {
        uncovered
            .iter()
            .min_by_key(|&c| lists.get(c).map_or(0, Vec::len))
    }

    /// Lower bound on the number of sets covering `uncovered`, from the root
    /// sets: the larger of ⌈uncovered / largest coverage⌉ and a greedy set of
    /// columns no set covers two of. `usize::MAX` when a column cannot be
    /// covered.
    fn lower_bound(&self, uncovered: &BitSet) -> usize {
        let need = uncovered.len();
        if need == 0 {
            return 0;
        }
        // Largest sets first: stop once no set can beat the best overlap.
        let mut best = 0;
        for &(i, size) in &self.root_by_size {
            if size <= best {
                break;
            }
            if let Some(s) = self.sets.get(i) {
                best = best.max(s.intersection_len(uncovered));
            }
        }
        if best == 0 {
            return usize::MAX;
        }
        let mut cols: Vec<(usize, usize)> = uncovered
            .iter()
            .map(|c| (self.root_by_col.get(c).map_or(0, Vec::len), c))
            .collect();
        if cols.iter().any(|&(n, _)| n == 0) {
            return usize::MAX;
        }
        cols.sort_unstable();
        // Greedy independent columns: a column is free unless it shares a
        // root set with a column already taken.
        let mut blocked = BitSet::new(self.n_cols);
        let mut independent = 0;
        for &(_, c) in &cols {
            if !blocked.contains(c) {
                independent += 1;
                if let Some(n) = self.neighbours.get(c) {
                    blocked.union_with(n);
                }
            }
        }
        need.div_ceil(best).max(independent)
    }

    /// Removes from `uncovered` every column whose allowed covering sets
    /// include all the allowed covering sets of another uncovered column
    /// (covering the latter covers the former). Keeps the set of minimal
    /// covers unchanged.
    fn drop_dominated_columns(&self, uncovered: &mut BitSet) {
        let cols: Vec<(usize, Vec<usize>)> = uncovered
            .iter()
            .map(|c| {
                let list = self
                    .by_col
                    .get(c)
                    .map(|v| v.iter().copied().filter(|&i| self.allowed(i)).collect())
                    .unwrap_or_default();
                (c, list)
            })
            .collect();
        let subset = |a: &[usize], b: &[usize]| -> bool {
            // Both sorted: merge.
            let mut j = 0;
            a.iter().all(|x| {
                while b.get(j).is_some_and(|y| y < x) {
                    j += 1;
                }
                b.get(j) == Some(x)
            })
        };
        for (i, (c2, s2)) in cols.iter().enumerate() {
            let dominated = cols.iter().enumerate().any(|(j, (_, s1))| {
                j != i && s1.len() <= s2.len() && subset(s1, s2) && (s1 != s2 || j < i)
            });
            if dominated {
                uncovered.remove(*c2);
            }
        }
    }

    /// The fewest root sets covering `uncovered`, exactly when it is at most
    /// `limit`; otherwise some value above `limit`. Memoized branch and
    /// bound on the uncovered columns.
    fn exact_min(
        &mut self,
        uncovered: &BitSet,
        limit: usize,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<usize, MinimizeError> {
        if uncovered.is_empty() {
            return Ok(0);
        }
        if let Some(&(v, exact)) = self.memo.get(uncovered)
            && (exact || v > limit)
        {
            return Ok(v);
        }
        self.tick(progress, 0)?;
        let lb = self.lower_bound(uncovered);
        if lb > limit {
            self.remember(uncovered, lb, false);
            return Ok(lb);
        }
        let Some(cands) = Self::rarest_column(uncovered, &self.root_by_col)
            .and_then(|c| self.root_by_col.get(c))
            .cloned()
        else {
            return Ok(usize::MAX / 2);
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
            let v = self.exact_min(&next, best.saturating_sub(2), progress)?;
            if v.saturating_add(1) < best {
                best = v + 1;
            }
        }
        if best <= limit {
            self.remember(uncovered, best, true);
        } else {
            self.remember(uncovered, limit + 1, false);
        }
        Ok(best)
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

    /// The allowed sets covering the uncovered column with the fewest
    /// covering sets.
    fn branch_candidates(&self, uncovered: &BitSet) -> Vec<usize> {
        Self::rarest_column(uncovered, &self.by_col)
            .and_then(|c| self.by_col.get(c))
            .map(|v| v.iter().copied().filter(|&i| self.allowed(i)).collect())
            .unwrap_or_default()
    }

    /// Depth-first enumeration of the covers with at most `budget` more sets.
    /// Each cover is produced once: when branching on a column, the sets
    /// tried earlier are excluded from later branches.
    fn enumerate_min(
        &mut self,
        uncovered: &BitSet,
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
        if budget == 0
            || self.lower_bound(uncovered) > budget
            || self.exact_min(uncovered, budget, progress)? > budget
        {
            return Ok(false);
        }
        let cands = self.branch_candidates(uncovered);
        let mut stop = false;
        let mut tried = 0;
        for &i in &cands {
            tried += 1;
            if let Some(x) = self.excluded.get_mut(i) {
                *x += 1;
            }
            let Some(set) = self.sets.get(i) else {
                continue;
            };
            let mut next = uncovered.clone();
            next.difference_with(set);
            if self.exact_min(&next, budget - 1, progress)? > budget - 1 {
                continue;
            }
            chosen.push(i);
            stop = self.enumerate_min(&next, chosen, budget - 1, out, limits, progress)?;
            chosen.pop();
            if stop {
                break;
            }
        }
        for &i in cands.iter().take(tried) {
            if let Some(x) = self.excluded.get_mut(i) {
                *x -= 1;
            }
        }
        Ok(stop)
    }

    /// Depth-first enumeration of the irredundant covers (each chosen set
    /// keeps a column no other chosen set covers).
    fn enumerate_irredundant(
        &mut self,
        uncovered: &BitSet,
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
        let cands = self.branch_candidates(uncovered);
        let mut stop = false;
        let mut tried = 0;
        for &i in &cands {
            tried += 1;
            if let Some(x) = self.excluded.get_mut(i) {
                *x += 1;
            }
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
            if irredundant {
                let mut next = uncovered.clone();
                next.difference_with(set);
                stop = self.enumerate_irredundant(&next, chosen, counts, out, limits, progress)?;
            }
            chosen.pop();
            for c in set.iter() {
                if let Some(x) = counts.get_mut(c) {
                    *x = x.saturating_sub(1);
                }
            }
            if stop {
                break;
            }
        }
        for &i in cands.iter().take(tried) {
            if let Some(x) = self.excluded.get_mut(i) {
                *x -= 1;
            }
        }
        Ok(stop)
    }
}

/// Models (sorted set indices) and whether the listing is complete.
pub type Solved = (Vec<Vec<usize>>, Completeness);

/// The size of the cover found greedily (an upper bound on the smallest).
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
/// (essential), columns whose covering sets include another column's are
/// dropped, then a depth-first search branches on the column with the
/// fewest covering sets, pruned by an exact, memoized minimum-cover bound
/// computed on one set per distinct non-dominated coverage (dominated and
/// duplicate sets never lower the minimum). Budgets from the lower bound
/// upwards are tried until covers exist. Returns `Ok(None)` when some
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
    let mut base = BitSet::new(sets.len());
    for (i, s) in sets.iter().enumerate() {
        if forced.binary_search(&i).is_err() && s.intersects(&uncovered) {
            base.insert(i);
        }
    }
    cover.base = base;
    cover.drop_dominated_columns(&mut uncovered);
    for i in 0..sets.len() {
        if cover.base.contains(i) && !sets.get(i).is_some_and(|s| s.intersects(&uncovered)) {
            cover.base.remove(i);
        }
    }
    let Some(ub) = greedy_upper_bound(sets, n_cols) else {
        return Ok(None);
    };
    let mut seen: std::collections::HashSet<&BitSet> = std::collections::HashSet::new();
    let root: Vec<usize> = row_dominance(sets)
        .into_iter()
        .filter(|&i| cover.base.contains(i) && sets.get(i).is_some_and(|s| seen.insert(s)))
        .collect();
    cover.set_root(&root);
    let mut budget = if uncovered.is_empty() {
        0
    } else {
        cover.lower_bound(&uncovered).min(ub)
    };
    let mut out = Vec::new();
    let mut stopped = false;
    while out.is_empty() && budget <= ub {
        let mut chosen = forced.clone();
        stopped =
            cover.enumerate_min(&uncovered, &mut chosen, budget, &mut out, limits, progress)?;
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
    let mut counts = vec![0u32; n_cols];
    let mut out = Vec::new();
    let mut chosen = Vec::new();
    let stopped = cover.enumerate_irredundant(
        &uncovered,
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
