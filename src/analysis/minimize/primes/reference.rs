//! The previous prime implicant search with remainders (depth-first
//! partition refinement with iterative deepening), kept as a test oracle for
//! the transversal search of the parent module: both must give the same
//! prime implicants, including R's stopping rule.

use std::ops::ControlFlow;

use super::super::implicant::{Implicant, bit_of};
use super::super::{MinimizeError, Progress};
use super::{PROGRESS_EVERY, RemainderPrimes};

/// Prime implicants of the positive rows `pos`, with the negative rows `neg`
/// forbidden and every other configuration a don't-care, up to the level
/// where R's CCubes stops (see the module docs).
///
/// `pi_depth` is R's `pi.depth`: no prime implicant with more literals is
/// searched (`None` or 0: all `k`).
///
/// `pos` and `neg` must be disjoint and `neg` non-empty. Complexity: the
/// depth-first search visits the sets of conditions whose partition still
/// mixes positive and negative rows, O(Σ_d C(k, d) · (p + n)) in the worst
/// case for depth d up to the stopping level; iterative deepening repeats
/// shallower levels: the depth cap doubles until the primes found cover the
/// positive rows, then grows only to the level where R's rule can stop.
pub fn primes_with_remainders(
    k: usize,
    pos: &[u64],
    neg: &[u64],
    pi_depth: Option<usize>,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<RemainderPrimes, MinimizeError> {
    let checker = NegativeIndex::new(k, neg);
    let depth = pi_depth.filter(|&d| d > 0).unwrap_or(k).min(k);
    let mut cap = 4.min(depth);
    loop {
        let mut search = Search {
            k,
            cap,
            checker: &checker,
            candidates: Vec::new(),
            truncated: false,
            nodes: 0,
            rows: vec![Vec::new(); cap + 1],
            groups: vec![Vec::new(); cap + 1],
        };
        // Root: one block with every row.
        if let (Some(rows0), Some(groups0)) = (search.rows.get_mut(0), search.groups.get_mut(0)) {
            rows0.extend_from_slice(pos);
            rows0.extend_from_slice(neg);
            groups0.push(Group {
                start: 0,
                npos: pos.len(),
                nneg: neg.len(),
            });
        }
        search.visit(0, 0, 0, progress)?;
        // The candidates were kept only when prime.
        let mut primes: Vec<Implicant> = std::mem::take(&mut search.candidates);
        primes.sort_unstable();
        primes.dedup();
        // Replay R's stopping rule level by level.
        let mut by_level = vec![0usize; k + 1];
        for t in &primes {
            if let Some(c) = by_level.get_mut(t.literal_count() as usize) {
                *c += 1;
            }
        }
        let cover_level = cover_level(pos, &primes);
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
        let finished = stop.is_some() || !search.truncated || cap >= depth;
        if finished {
            let stop_level = stop.unwrap_or(cap);
            primes.retain(|t| t.literal_count() as usize <= stop_level);
            return Ok(RemainderPrimes { primes });
        }
        // Every prime with at most `cap` literals is known. Once they cover
        // the positive rows, the rule stops after `2 - counter` more empty
        // levels: search only that much deeper (a deeper search would find
        // the same primes up to the stopping level and waste the rest).
        let next = if cover_level <= cap && by_level.iter().take(cap + 1).any(|&c| c > 0) {
            cap + (2 - counter.min(1))
        } else {
            cap * 2
        };
        cap = next.min(depth);
    }
}

/// The smallest level `L` such that the primes with at most `L` literals
/// cover every positive row (`usize::MAX` when some row is not covered).
fn cover_level(pos: &[u64], primes: &[Implicant]) -> usize {
    pos.iter()
        .map(|&p| {
            primes
                .iter()
                .filter(|t| t.covers(p))
                .map(|t| t.literal_count() as usize)
                .min()
                .unwrap_or(usize::MAX)
        })
        .max()
        .unwrap_or(0)
}

/// A block of the partition: `npos` positive rows then `nneg` negative rows,
/// starting at `start` in the level's row buffer.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    npos: usize,
    nneg: usize,
}

struct Search<'a> {
    k: usize,
    cap: usize,
    checker: &'a NegativeIndex,
    candidates: Vec<Implicant>,
    truncated: bool,
    nodes: u64,
    rows: Vec<Vec<u64>>,
    groups: Vec<Vec<Group>>,
}

impl Search<'_> {
    /// Visits the children of the node `mask` at `depth` (conditions with an
    /// index of at least `next` may be added).
    fn visit(
        &mut self,
        depth: usize,
        mask: u64,
        next: usize,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<(), MinimizeError> {
        for j in next..self.k {
            self.nodes += 1;
            if self.nodes.is_multiple_of(PROGRESS_EVERY)
                && let ControlFlow::Break(()) = progress(Progress::PrimeSearch {
                    level: depth + 1,
                    found: self.candidates.len(),
                })
            {
                return Err(MinimizeError::Cancelled);
            }
            let bit = bit_of(self.k, j);
            let child_mask = mask | bit;
            let has_mixed = self.split(depth, child_mask, bit);
            if has_mixed {
                if depth + 1 < self.cap {
                    self.visit(depth + 1, child_mask, j + 1, progress)?;
                } else if j + 1 < self.k {
                    self.truncated = true;
                }
            }
        }
        Ok(())
    }

    /// Splits every mixed block of level `depth` by `bit` into the buffer of
    /// level `depth + 1`, records pure-positive blocks as candidates, and
    /// returns whether any mixed block remains.
    fn split(&mut self, depth: usize, child_mask: u64, bit: u64) -> bool {
        let (parents, children) = self.rows.split_at_mut(depth + 1);
        let (pgroups, cgroups) = self.groups.split_at_mut(depth + 1);
        let (Some(prow), Some(crow), Some(pg), Some(cg)) = (
            parents.last(),
            children.first_mut(),
            pgroups.last(),
            cgroups.first_mut(),
        ) else {
            return false;
        };
        crow.clear();
        cg.clear();
        for g in pg {
            let Some(p_rows) = prow.get(g.start..g.start + g.npos) else {
                continue;
            };
            let Some(n_rows) = prow.get(g.start + g.npos..g.start + g.npos + g.nneg) else {
                continue;
            };
            let p1 = p_rows.iter().filter(|&&r| r & bit != 0).count();
            let n1 = n_rows.iter().filter(|&&r| r & bit != 0).count();
            let (p0, n0) = (g.npos - p1, g.nneg - n1);
            // A block that the condition does not split cannot give a prime
            // implicant below this node: the new literal would be removable.
            if p0 + n0 == 0 || p1 + n1 == 0 {
                continue;
            }
            for (side, p_count, n_count, n_other) in [(0u64, p0, n0, n1), (bit, p1, n1, n0)] {
                // No positive row, or the new literal is removable (the other
                // side holds no negative row): nothing prime below.
                if p_count == 0 || n_other == 0 {
                    continue;
                }
                if n_count == 0 {
                    if let Some(&r) = p_rows.iter().find(|&&r| r & bit == side) {
                        let t = Implicant::new(child_mask, r);
                        if self.checker.is_prime_given_last(&t, bit) {
                            self.candidates.push(t);
                        }
                    }
                } else {
                    let start = crow.len();
                    crow.extend(p_rows.iter().filter(|&&r| r & bit == side));
                    crow.extend(n_rows.iter().filter(|&&r| r & bit == side));
                    cg.push(Group {
                        start,
                        npos: p_count,
                        nneg: n_count,
                    });
                }
            }
        }
        !cg.is_empty()
    }
}

/// Bit-sliced index of the negative rows: for each condition and value, the
/// set of negative rows with that value, so that "does this cube cover a
/// negative row?" is an AND of a few bitsets.
struct NegativeIndex {
    k: usize,
    words: usize,
    /// `slices[2 * j + v]`: negatives whose condition `j` equals `v`.
    slices: Vec<Vec<u64>>,
}

impl NegativeIndex {
    fn new(k: usize, neg: &[u64]) -> Self {
        let words = neg.len().div_ceil(64).max(1);
        let mut slices = vec![vec![0u64; words]; 2 * k];
        for (i, &n) in neg.iter().enumerate() {
            for j in 0..k {
                let v = usize::from(n & bit_of(k, j) != 0);
                if let Some(w) = slices.get_mut(2 * j + v).and_then(|s| s.get_mut(i / 64)) {
                    *w |= 1u64 << (i % 64);
                }
            }
        }
        NegativeIndex { k, words, slices }
    }

    /// Whether the cube covers at least one negative row (no allocation:
    /// the literals are read from the mask). Complexity: O(words · literals),
    /// stopping at the first word with a match.
    fn covers_negative(&self, t: &Implicant) -> bool {
        if t.mask() == 0 {
            return !self.slices.is_empty();
        }
        for w in 0..self.words {
            let mut acc = u64::MAX;
            let mut bits = t.mask();
            // First condition first (most significant bit): measurably faster
            // on the benchmark than the reverse order.
            while bits != 0 && acc != 0 {
                let b = 63 - bits.leading_zeros() as usize;
                bits &= !(1u64 << b);
                let j = self.k - 1 - b;
                let present = usize::from(t.value() & (1u64 << b) != 0);
                acc &= self
                    .slices
                    .get(2 * j + present)
                    .and_then(|s| s.get(w))
                    .copied()
                    .unwrap_or(0);
            }
            if acc != 0 {
                return true;
            }
        }
        false
    }

    /// Whether the implicant `t` (which covers no negative row) is prime:
    /// dropping any one literal makes it cover a negative row. The literal
    /// `known` is already known to be needed (its parent block was mixed).
    fn is_prime_given_last(&self, t: &Implicant, known: u64) -> bool {
        let mut bits = t.mask() & !known;
        while bits != 0 {
            let b = bits & bits.wrapping_neg();
            bits &= bits - 1;
            let bigger = Implicant::new(t.mask() & !b, t.value());
            if !self.covers_negative(&bigger) {
                return false;
            }
        }
        true
    }
}
