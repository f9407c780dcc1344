//! Prime implicant generation.
//!
//! Two searches, as in R QCA:
//!
//! * [`primes_of_on_set`] — every prime implicant of an explicit on-set
//!   (positive rows, plus any configurations that may be used), with every
//!   other configuration forbidden. This is R's `C_QMC` (complex and
//!   intermediate solutions); we run Quine–McCluskey merging over hash sets of
//!   (mask, value) words.
//! * [`primes_with_remainders`] — prime implicants of the positive rows when
//!   only the listed negative rows are forbidden and every other
//!   configuration (logical remainder) is a don't-care. This is R's CCubes
//!   (Dușa 2018): terms are searched by increasing number of literals, built
//!   from positive rows, kept when they cover no negative row and are not
//!   subsumed by a shorter prime implicant. We list the same terms as the
//!   minimal transversals of each positive row's difference sets with the
//!   negative rows (see [`primes_with_remainders`]); the earlier depth-first
//!   partition refinement is kept as a test oracle (`primes/reference.rs`).
//!
//! R quirk reproduced (CCubes stopping rule): once the prime implicants found
//! so far cover every positive row, R stops after two consecutive complexity
//! levels that bring no new prime implicant. Longer prime implicants are then
//! not in R's PI chart, so they are not in ours.

use std::collections::HashSet;
use std::ops::ControlFlow;

use super::chart::RowIndex;
use super::implicant::{Implicant, full_mask};
use super::{MinimizeError, Progress};

/// How often (in search nodes) the progress callback is called.
const PROGRESS_EVERY: u64 = 4096;

#[cfg(test)]
mod reference;

/// Every prime implicant of the on-set `on` (sorted, distinct configurations)
/// over `k` conditions, where configurations outside `on` are forbidden.
///
/// Quine–McCluskey: cubes with `m` free conditions are merged pairwise into
/// cubes with `m + 1` free conditions; cubes that merge with no neighbour are
/// prime. Complexity: O(c · k) hash operations for `c` implicants of the
/// on-set (all, not only primes) — small for the sparse on-sets of QCA.
pub fn primes_of_on_set(
    k: usize,
    on: &[u64],
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<Vec<Implicant>, MinimizeError> {
    let full = full_mask(k);
    let mut level: HashSet<Implicant> = on.iter().map(|&c| Implicant::new(full, c)).collect();
    let mut primes = Vec::new();
    let mut step = 0u64;
    while !level.is_empty() {
        let mut merged: HashSet<Implicant> = HashSet::new();
        let mut used: HashSet<Implicant> = HashSet::new();
        for t in &level {
            step += 1;
            if step.is_multiple_of(PROGRESS_EVERY)
                && let ControlFlow::Break(()) = progress(Progress::PrimeSearch {
                    level: t.literal_count() as usize,
                    found: primes.len(),
                })
            {
                return Err(MinimizeError::Cancelled);
            }
            let mut bits = t.mask();
            while bits != 0 {
                let b = bits & bits.wrapping_neg();
                bits &= bits - 1;
                let neighbour = Implicant::new(t.mask(), t.value() ^ b);
                if level.contains(&neighbour) {
                    used.insert(*t);
                    merged.insert(Implicant::new(t.mask() & !b, t.value() & !b));
                }
            }
        }
        primes.extend(level.iter().filter(|t| !used.contains(t)).copied());
        level = merged;
    }
    Ok(primes)
}

/// The result of the search with remainders.
#[derive(Debug, Clone)]
pub struct RemainderPrimes {
    /// Prime implicants up to R's stopping level, in no particular order.
    pub primes: Vec<Implicant>,
}

/// Edges examined when choosing the uncovered edge to branch on.
const CHOOSE_SCAN: usize = 8;

/// Words of difference sets kept between passes (64 MiB); rows beyond it
/// rebuild theirs.
const CACHE_WORDS: usize = 1 << 23;

/// Search nodes cut by the cap that are kept to resume from in the next pass
/// (16 bytes each); rows beyond it search again from the root.
const FRONTIER_BUDGET: usize = 1 << 20;

/// Prime implicants of the positive rows `pos`, with the negative rows `neg`
/// forbidden and every other configuration a don't-care, up to the level
/// where R's CCubes stops (see the module docs).
///
/// `pi_depth` is R's `pi.depth`: no prime implicant with more literals is
/// searched (`None` or 0: all `k`).
///
/// `pos` and `neg` must be disjoint and `neg` non-empty.
///
/// Rule: the cube with conditions `S` and the values of positive row `p`
/// covers no negative row `n` exactly when `S` meets the difference set
/// `n XOR p`, and it is prime exactly when no condition can be dropped, so
/// the prime implicants covering `p` are the minimal transversals of the
/// (subset-minimal) difference sets of `p`. Each positive row's
/// transversals are enumerated with MMCS (Murakami & Uno 2014: branch on an
/// uncovered edge, keep every chosen condition critical, edges as bitsets),
/// bounded by a literal cap; a prime implicant is kept from the first
/// positive row it covers only, so each is produced once. When R's rule
/// cannot stop yet, the cap grows and only the rows whose search was cut by
/// the cap go on: from the nodes the cap cut (kept up to
/// `FRONTIER_BUDGET`), else again from the root listing only the longer
/// terms; their difference sets are kept up to `CACHE_WORDS`. The budgets
/// change the time, never the result.
///
/// Complexity: per positive row O(n log n + n · m) to build its `m`
/// subset-minimal difference sets from `n` negative rows, then
/// O((s + 2) · m / 64) per search node with `s` chosen conditions; the
/// number of nodes is about twice the number of prime implicants covering
/// the row up to the cap. Memory: the prime implicants (16 bytes each) plus
/// O(k · m / 64 + cap² · m / 64) words of scratch and the two budgets
/// (64 MiB, 16 MiB).
pub fn primes_with_remainders(
    k: usize,
    pos: &[u64],
    neg: &[u64],
    pi_depth: Option<usize>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<RemainderPrimes, MinimizeError> {
    let budget = Budget {
        cache_words: CACHE_WORDS,
        frontier: FRONTIER_BUDGET,
    };
    search_with_remainders(k, pos, neg, pi_depth, budget, progress)
}

/// Memory kept between passes of the remainder search.
#[derive(Debug, Clone, Copy)]
struct Budget {
    /// Words of difference sets.
    cache_words: usize,
    /// Cut nodes to resume from.
    frontier: usize,
}

/// [`primes_with_remainders`] with the given memory budget (the result does
/// not depend on it).
fn search_with_remainders(
    k: usize,
    pos: &[u64],
    neg: &[u64],
    pi_depth: Option<usize>,
    budget: Budget,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<RemainderPrimes, MinimizeError> {
    let depth = pi_depth.filter(|&d| d > 0).unwrap_or(k).min(k);
    let earlier = RowIndex::new(k, pos);
    let mut found = Found {
        primes: Vec::new(),
        by_level: vec![0usize; k + 1],
    };
    // Per positive row: the fewest literals of a prime implicant covering it.
    let mut shortest = vec![usize::MAX; pos.len()];
    let mut pending: Vec<usize> = (0..pos.len()).collect();
    let mut search = Transversals::new(k);
    // What a row cut by the cap keeps for the next pass.
    let mut states: Vec<RowState> = (0..pos.len()).map(|_| RowState::default()).collect();
    let mut cached_words: usize = 0;
    let mut done = 0;
    let mut cap = 4.min(depth);
    loop {
        let mut cut = Vec::new();
        let mut frontier_total = 0;
        for &row in &pending {
            let (Some(&p), Some(state)) = (pos.get(row), states.get_mut(row)) else {
                continue;
            };
            match state.prepared.take() {
                Some(prepared) => {
                    cached_words = cached_words.saturating_sub(prepared.words_held());
                    search.load(prepared);
                }
                None => search.prepare(p, neg),
            }
            let pass = Pass {
                row,
                p,
                cap,
                done,
                earlier: &earlier,
            };
            search.start_frontier(budget.frontier.saturating_sub(frontier_total));
            let outcome = match state.frontier.take() {
                Some(frontier) => search.resume(&pass, &frontier, &mut found, progress)?,
                None => search.run(&pass, &mut found, progress)?,
            };
            if let Some(s) = shortest.get_mut(row) {
                *s = (*s).min(outcome.shortest);
            }
            if outcome.truncated {
                cut.push(row);
                if let Some(frontier) = search.take_frontier() {
                    frontier_total += frontier.len();
                    state.frontier = Some(frontier);
                }
                if cached_words + search.words_held() <= budget.cache_words {
                    let prepared = search.unload();
                    cached_words += prepared.words_held();
                    state.prepared = Some(prepared);
                }
            }
        }
        pending = cut;
        // Replay R's stopping rule level by level.
        let by_level = &found.by_level;
        let cover_level = shortest.iter().copied().max().unwrap_or(0);
        let mut counter = 0;
        let mut stop = None;
        for level in 1..=cap {
            let found_here = by_level.get(level).copied().unwrap_or(0) > 0;
            let any = by_level.iter().take(level + 1).any(|&c| c > 0);
            if any && level >= cover_level {
                if found_here {
                    counter = 0;
                } else {
                    counter += 1;
                }
            }
            if counter > 1 {
                stop = Some(level);
                break;
            }
        }
        let finished = stop.is_some() || pending.is_empty() || cap >= depth;
        if finished {
            let stop_level = stop.unwrap_or(cap);
            let mut primes = found.primes;
            primes.retain(|t| t.literal_count() as usize <= stop_level);
            return Ok(RemainderPrimes { primes });
        }
        // Every prime with at most `cap` literals is known. Once they cover
        // the positive rows, the rule stops after `2 - counter` more empty
        // levels: search only that much deeper.
        let next = if cover_level <= cap && by_level.iter().take(cap + 1).any(|&c| c > 0) {
            cap + (2 - counter.min(1))
        } else {
            cap * 2
        };
        done = cap;
        cap = next.min(depth);
    }
}

/// Prime implicants found so far and their number per literal count.
struct Found {
    primes: Vec<Implicant>,
    by_level: Vec<usize>,
}

/// A row's minimal difference sets, as [`Transversals`] uses them.
#[derive(Debug, Default)]
struct Prepared {
    words: usize,
    edges: Vec<u64>,
    by_bit: Vec<u64>,
}

impl Prepared {
    /// Memory held, in words.
    fn words_held(&self) -> usize {
        self.edges.len() + self.by_bit.len()
    }
}

/// What a row whose search was cut by the cap keeps for the next pass.
#[derive(Debug, Default)]
struct RowState {
    /// Its difference sets (when the cache had room).
    prepared: Option<Prepared>,
    /// The cut nodes as (chosen conditions, allowed conditions), to resume
    /// from (when the budget had room).
    frontier: Option<Vec<(u64, u64)>>,
}

/// One positive row's search in one pass.
struct Pass<'a> {
    /// Index of the row in the positive rows.
    row: usize,
    /// The row.
    p: u64,
    /// Most literals searched in this pass.
    cap: usize,
    /// Terms with at most this many literals were listed by earlier passes.
    done: usize,
    earlier: &'a RowIndex,
}

/// What one positive row's search found out.
struct Outcome {
    /// Fewest literals of a prime implicant covering the row (`usize::MAX`
    /// when none has at most `cap`).
    shortest: usize,
    /// Whether the cap cut a branch (longer prime implicants may exist).
    truncated: bool,
}

/// A child of a search node.
enum Child {
    /// A chosen condition would lose its last critical edge.
    NotMinimal,
    /// Every edge is met: a minimal transversal.
    Complete,
    /// Some edge is still unmet.
    Open,
}

/// MMCS over the minimal difference sets of one positive row, with reusable
/// buffers. Edges are condition masks; sets of edges are bitsets of `words`
/// words.
struct Transversals {
    k: usize,
    words: usize,
    /// Subset-minimal difference sets, by increasing size.
    edges: Vec<u64>,
    /// `by_bit[b * words ..]`: the edges that contain condition bit `b`.
    by_bit: Vec<u64>,
    /// `uncov[d * words ..]`: edges not met at depth `d`.
    uncov: Vec<u64>,
    /// At depth `d`, `d` slots of `words` words from `d (d - 1) / 2 * words`:
    /// the critical edges of each chosen condition (met by it alone).
    crit: Vec<u64>,
    /// The difference sets before reduction (reused buffer).
    scratch: Vec<u64>,
    nodes: u64,
    /// Nodes cut by the cap in this run, while `frontier_room` allows.
    frontier: Vec<(u64, u64)>,
    frontier_room: usize,
    frontier_whole: bool,
}

impl Transversals {
    fn new(k: usize) -> Self {
        Transversals {
            k,
            words: 1,
            edges: Vec::new(),
            by_bit: Vec::new(),
            uncov: Vec::new(),
            crit: Vec::new(),
            scratch: Vec::new(),
            nodes: 0,
            frontier: Vec::new(),
            frontier_room: 0,
            frontier_whole: false,
        }
    }

    /// Builds the subset-minimal difference sets `n XOR p` of the negative
    /// rows. Complexity: O(n log n + n · m).
    fn prepare(&mut self, p: u64, neg: &[u64]) {
        self.scratch.clear();
        self.scratch.extend(neg.iter().map(|&n| n ^ p));
        self.scratch.sort_unstable_by_key(|&d| (d.count_ones(), d));
        self.scratch.dedup();
        self.edges.clear();
        for &d in &self.scratch {
            // Sorted by size and distinct: only a smaller edge can be a
            // proper subset of `d`. Branch-free chunks vectorize.
            let contains_edge = self
                .edges
                .chunks(16)
                .any(|c| c.iter().fold(false, |a, &m| a | (m & !d == 0)));
            if !contains_edge {
                self.edges.push(d);
            }
        }
        self.words = self.edges.len().div_ceil(64).max(1);
        self.by_bit.clear();
        self.by_bit.resize(self.k * self.words, 0);
        for (e, &d) in self.edges.iter().enumerate() {
            let mut bits = d;
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if let Some(w) = self.by_bit.get_mut(b * self.words + e / 64) {
                    *w |= 1u64 << (e % 64);
                }
            }
        }
    }

    /// Uses difference sets built earlier by [`Transversals::prepare`].
    fn load(&mut self, prepared: Prepared) {
        self.words = prepared.words;
        self.edges = prepared.edges;
        self.by_bit = prepared.by_bit;
    }

    /// Hands the current difference sets over (for a later [`Transversals::load`]).
    fn unload(&mut self) -> Prepared {
        Prepared {
            words: self.words,
            edges: std::mem::take(&mut self.edges),
            by_bit: std::mem::take(&mut self.by_bit),
        }
    }

    /// Memory held by the current difference sets, in words.
    fn words_held(&self) -> usize {
        self.edges.len() + self.by_bit.len()
    }

    /// Records up to `room` nodes cut by the cap in the next run.
    fn start_frontier(&mut self, room: usize) {
        self.frontier.clear();
        self.frontier_room = room;
        self.frontier_whole = true;
    }

    /// The nodes cut by the cap in the last run, when all were recorded.
    fn take_frontier(&mut self) -> Option<Vec<(u64, u64)>> {
        let whole = std::mem::replace(&mut self.frontier_whole, false);
        let frontier = std::mem::take(&mut self.frontier);
        whole.then_some(frontier)
    }

    /// Sets up depth 0: every edge unmet.
    fn reset(&mut self, cap: usize) {
        let w = self.words;
        self.uncov.clear();
        self.uncov.resize((cap + 1) * w, 0);
        for (e, word) in self.uncov.iter_mut().take(w).enumerate() {
            let left = self.edges.len().saturating_sub(e * 64);
            *word = if left >= 64 {
                u64::MAX
            } else {
                (1u64 << left) - 1
            };
        }
        let need = self.crit_offset(cap + 1);
        self.crit.clear();
        self.crit.resize(need, 0);
    }

    /// Continues the search below the nodes an earlier pass cut (each at
    /// the earlier cap, with some edge unmet), up to `pass.cap`.
    fn resume(
        &mut self,
        pass: &Pass,
        frontier: &[(u64, u64)],
        found: &mut Found,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<Outcome, MinimizeError> {
        let mut outcome = Outcome {
            shortest: usize::MAX,
            truncated: false,
        };
        self.reset(pass.cap);
        let w = self.words;
        let mut verts: Vec<usize> = Vec::new();
        let mut suffix: Vec<u64> = Vec::new();
        let mut prefix: Vec<u64> = Vec::new();
        for &(s, cand) in frontier {
            let d = s.count_ones() as usize;
            if d >= pass.cap {
                outcome.truncated = true;
                continue;
            }
            // Rebuild depth d: unmet edges, and each chosen condition's
            // critical edges (met by no other chosen condition), with
            // prefix and suffix unions.
            verts.clear();
            let mut bits = s;
            while bits != 0 {
                verts.push(bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
            suffix.clear();
            suffix.resize((d + 1) * w, 0);
            for (i, &b) in verts.iter().enumerate().rev() {
                let (Some(ev), Some((this, after))) = (
                    self.by_bit.get(b * w..(b + 1) * w),
                    suffix
                        .get_mut(i * w..(i + 2) * w)
                        .map(|x| x.split_at_mut(w)),
                ) else {
                    continue;
                };
                for ((x, y), z) in this.iter_mut().zip(after.iter()).zip(ev) {
                    *x = y | z;
                }
            }
            let lo = self.crit_offset(d);
            let (level0, rest) = self.uncov.split_at_mut(w);
            let Some(uncov_d) = d
                .checked_sub(1)
                .and_then(|i| rest.get_mut(i * w..(i + 1) * w))
            else {
                continue;
            };
            prefix.clear();
            prefix.resize(w, 0);
            for (i, &b) in verts.iter().enumerate() {
                let (Some(ev), Some(after), Some(slot)) = (
                    self.by_bit.get(b * w..(b + 1) * w),
                    suffix.get((i + 1) * w..(i + 2) * w),
                    self.crit.get_mut(lo + i * w..lo + (i + 1) * w),
                ) else {
                    continue;
                };
                for ((((c, e), a), p), all) in slot
                    .iter_mut()
                    .zip(ev)
                    .zip(after)
                    .zip(&prefix)
                    .zip(level0.iter())
                {
                    *c = e & all & !(a | p);
                }
                for (p, e) in prefix.iter_mut().zip(ev) {
                    *p |= e;
                }
            }
            for ((u, all), p) in uncov_d.iter_mut().zip(level0.iter()).zip(&prefix) {
                *u = all & !p;
            }
            self.node(d, s, cand, pass, found, &mut outcome, progress)?;
        }
        Ok(outcome)
    }

    /// Offset of depth `d`'s critical-edge slots in `crit`.
    fn crit_offset(&self, d: usize) -> usize {
        d * d.saturating_sub(1) / 2 * self.words
    }

    /// Enumerates the minimal transversals with at most `pass.cap`
    /// conditions, adding those longer than `pass.done` whose first covered
    /// positive row is this one to `found`.
    fn run(
        &mut self,
        pass: &Pass,
        found: &mut Found,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<Outcome, MinimizeError> {
        let mut outcome = Outcome {
            shortest: usize::MAX,
            truncated: false,
        };
        if self.edges.is_empty() {
            // No negative row: the empty term; not a prime implicant of the
            // chart (the caller reports the tautology).
            outcome.shortest = 0;
            return Ok(outcome);
        }
        self.reset(pass.cap);
        self.node(0, 0, full_mask(self.k), pass, found, &mut outcome, progress)?;
        Ok(outcome)
    }

    /// The node with chosen conditions `s` at depth `d` (some edge unmet),
    /// where only conditions in `cand` may be added.
    #[allow(clippy::too_many_arguments)]
    fn node(
        &mut self,
        d: usize,
        s: u64,
        cand: u64,
        pass: &Pass,
        found: &mut Found,
        outcome: &mut Outcome,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<(), MinimizeError> {
        self.nodes += 1;
        if self.nodes.is_multiple_of(PROGRESS_EVERY)
            && let ControlFlow::Break(()) = progress(Progress::PrimeSearch {
                level: d + 1,
                found: found.primes.len(),
            })
        {
            return Err(MinimizeError::Cancelled);
        }
        let branch = self.choose(d, cand);
        if branch == 0 {
            // An unmet edge that no allowed condition can meet.
            return Ok(());
        }
        if d >= pass.cap {
            outcome.truncated = true;
            return Ok(());
        }
        let mut cand = cand & !branch;
        let mut bits = branch;
        while bits != 0 {
            let v = bits & bits.wrapping_neg();
            bits &= bits - 1;
            let b = v.trailing_zeros() as usize;
            match self.extend(d, b) {
                Child::NotMinimal => {}
                Child::Complete => {
                    let size = d + 1;
                    outcome.shortest = outcome.shortest.min(size);
                    let mask = s | v;
                    if size > pass.done && !pass.earlier.covers_before(pass.row, mask, pass.p) {
                        found.primes.push(Implicant::new(mask, pass.p));
                        if let Some(c) = found.by_level.get_mut(size) {
                            *c += 1;
                        }
                    }
                }
                Child::Open => {
                    if d + 1 >= pass.cap {
                        outcome.truncated = true;
                        if self.frontier_whole {
                            if self.frontier.len() < self.frontier_room {
                                self.frontier.push((s | v, cand));
                            } else {
                                self.frontier_whole = false;
                                self.frontier = Vec::new();
                            }
                        }
                    } else {
                        self.node(d + 1, s | v, cand, pass, found, outcome, progress)?;
                    }
                }
            }
            cand |= v;
        }
        Ok(())
    }

    /// Among the first unmet edges at depth `d`, the allowed conditions of
    /// the one with the fewest (0 when an unmet edge has none).
    fn choose(&self, d: usize, cand: u64) -> u64 {
        let w = self.words;
        let Some(uncov) = self.uncov.get(d * w..(d + 1) * w) else {
            return 0;
        };
        let mut best = 0u64;
        let mut best_n = u32::MAX;
        let mut seen = 0;
        for (wi, &word) in uncov.iter().enumerate() {
            let mut x = word;
            while x != 0 {
                let e = wi * 64 + x.trailing_zeros() as usize;
                x &= x - 1;
                let c = self.edges.get(e).copied().unwrap_or(0) & cand;
                let n = c.count_ones();
                if n < best_n {
                    best = c;
                    best_n = n;
                    if n <= 1 {
                        return best;
                    }
                }
                seen += 1;
                if seen >= CHOOSE_SCAN {
                    return best;
                }
            }
        }
        best
    }

    /// Builds depth `d + 1` from depth `d` by choosing condition bit `b`.
    fn extend(&mut self, d: usize, b: usize) -> Child {
        let w = self.words;
        let (lo, hi) = (self.crit_offset(d), self.crit_offset(d + 1));
        let Some(ev) = self.by_bit.get(b * w..(b + 1) * w) else {
            return Child::NotMinimal;
        };
        let (parent_crit, child_crit) = self.crit.split_at_mut(hi);
        let (Some(parent_crit), Some(child_crit)) =
            (parent_crit.get(lo..), child_crit.get_mut(..(d + 1) * w))
        else {
            return Child::NotMinimal;
        };
        // Every chosen condition keeps a critical edge not met by `b`.
        for (pc, cc) in parent_crit
            .chunks_exact(w)
            .zip(child_crit.chunks_exact_mut(w))
        {
            let mut any = 0;
            for ((x, y), z) in pc.iter().zip(ev).zip(cc.iter_mut()) {
                let t = x & !y;
                *z = t;
                any |= t;
            }
            if any == 0 {
                return Child::NotMinimal;
            }
        }
        let (parent_uncov, child_uncov) = self.uncov.split_at_mut((d + 1) * w);
        let (Some(pu), Some(cu), Some(last)) = (
            parent_uncov.get(d * w..),
            child_uncov.get_mut(..w),
            child_crit.chunks_exact_mut(w).last(),
        ) else {
            return Child::NotMinimal;
        };
        let mut open = 0;
        for (((x, y), u), c) in pu.iter().zip(ev).zip(cu.iter_mut()).zip(last.iter_mut()) {
            *c = x & y;
            let t = x & !y;
            *u = t;
            open |= t;
        }
        if open == 0 {
            Child::Complete
        } else {
            Child::Open
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn go(_: Progress) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }

    #[test]
    fn quine_mccluskey_finds_all_primes_of_a_small_function() {
        // f(A,B,C) = Σ(0,1,2,5,6,7): primes ~A~B, ~B C... (cyclic chart)
        let mut p = primes_of_on_set(3, &[0, 1, 2, 5, 6, 7], &mut go).unwrap_or_default();
        p.sort();
        assert_eq!(p.len(), 6);
        assert!(p.iter().all(|t| t.literal_count() == 2));
    }

    #[test]
    fn remainder_search_matches_brute_force_on_lf() {
        // LF, incl.cut 0.8: positives rows 22, 32; negatives 1,2,5,6,23,24,31.
        let pos = [21u64, 31];
        let neg = [0u64, 1, 4, 5, 22, 23, 30];
        let r = primes_with_remainders(5, &pos, &neg, None, &mut go);
        let Ok(r) = r else {
            panic!("search failed");
        };
        let names = ["DEV", "URB", "LIT", "IND", "STB"];
        let mut s: Vec<String> = r.primes.iter().map(|t| t.to_expression(&names)).collect();
        s.sort();
        assert_eq!(s, vec!["DEV*~IND", "URB*STB"]);
    }

    /// Random problems for the oracle: k conditions, each configuration
    /// positive, negative or remainder.
    fn roles() -> impl Strategy<Value = (usize, Vec<u8>, Option<usize>)> {
        (1usize..=8).prop_flat_map(|k| {
            (
                Just(k),
                proptest::collection::vec(
                    prop_oneof![2 => Just(1u8), 3 => Just(0u8), 5 => Just(3u8)],
                    1usize << k,
                ),
                proptest::option::of(1usize..=k),
            )
        })
    }

    /// Memory budgets: none, tiny (some rows resume, others restart), ample.
    fn budget() -> impl Strategy<Value = Budget> {
        (
            prop_oneof![Just(0usize), Just(40), Just(1 << 20)],
            prop_oneof![Just(0usize), Just(3), Just(1 << 20)],
        )
            .prop_map(|(cache_words, frontier)| Budget {
                cache_words,
                frontier,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn transversal_search_equals_the_partition_search(
            (k, roles, depth) in roles(),
            budget in budget(),
        ) {
            let pick = |r: u8| -> Vec<u64> {
                roles.iter().enumerate().filter(|(_, x)| **x == r).map(|(c, _)| c as u64).collect()
            };
            let (pos, neg) = (pick(1), pick(0));
            prop_assume!(!pos.is_empty() && !neg.is_empty());
            let mut new = search_with_remainders(k, &pos, &neg, depth, budget, &mut go)
                .map(|r| r.primes)
                .unwrap_or_default();
            let mut old = reference::primes_with_remainders(k, &pos, &neg, depth, &mut go)
                .map(|r| r.primes)
                .unwrap_or_default();
            new.sort_unstable();
            old.sort_unstable();
            let n = new.len();
            new.dedup();
            prop_assert_eq!(n, new.len(), "a prime implicant listed twice");
            prop_assert_eq!(new, old);
        }
    }

    #[test]
    fn cancelling_stops_the_remainder_search() {
        // 12 conditions, alternating rows: many nodes, so the callback runs.
        let pos: Vec<u64> = (0..4096u64).filter(|c| c.count_ones() % 2 == 0).collect();
        let neg: Vec<u64> = (0..4096u64).filter(|c| c.count_ones() % 2 == 1).collect();
        let r = primes_with_remainders(12, &pos, &neg, None, &mut |_| ControlFlow::Break(()));
        assert!(matches!(r, Err(MinimizeError::Cancelled)));
    }

    #[test]
    fn pi_depth_bounds_the_number_of_literals() {
        let pos = [21u64, 31];
        let neg = [0u64, 1, 4, 5, 22, 23, 30];
        let Ok(one) = primes_with_remainders(5, &pos, &neg, Some(1), &mut go) else {
            panic!("search failed");
        };
        assert!(one.primes.is_empty());
        let Ok(two) = primes_with_remainders(5, &pos, &neg, Some(2), &mut go) else {
            panic!("search failed");
        };
        assert_eq!(two.primes.len(), 2);
    }
}
