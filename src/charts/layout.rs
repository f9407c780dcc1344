//! Layout helpers shared by the charts: text width estimates, rectangles,
//! overlap-free label placement and "nice" axis ticks. Pure geometry, no
//! drawing, so it is tested directly.

/// Estimated width in pixels of `text` at font size `size`: full-width
/// (CJK, kana, Hangul, full-width forms) characters count 1 em, capitals,
/// m and w 0.74 em, digits 0.64 em, narrow marks and letters (i, l, space,
/// punctuation) 0.34 em, other characters 0.62 em. Deliberately generous
/// (DejaVu Sans, among the widest common sans fonts, fits) so that boxes
/// built from it contain the rendered text.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u);
            if wide {
                1.0
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' {
                0.74
            } else if c.is_ascii_digit() {
                0.64
            } else if matches!(
                c,
                ' ' | 'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | ':' | ';'
            ) {
                0.34
            } else {
                0.62
            }
        })
        .sum::<f64>()
        * size
}

/// Width of the widest piece of `text` that a word-aware wrapper
/// ([`super::qca_common::wrap_text`]) keeps on one line: the longest run of
/// non-space, non-full-width characters, split after hyphens (a full-width
/// CJK character may be broken after, so it counts alone). A font size at which this fits the
/// line never needs a word broken mid-word. O(length).
pub fn longest_word_width(text: &str, size: f64) -> f64 {
    let mut widest: f64 = 0.0;
    let mut run = String::new();
    for c in text.chars() {
        let wide = text_width(&c.to_string(), 1.0) >= 1.0;
        if c.is_whitespace() || wide {
            widest = widest.max(text_width(&run, size));
            run.clear();
            if wide {
                widest = widest.max(text_width(&c.to_string(), size));
            }
        } else {
            run.push(c);
            if c == '-' {
                widest = widest.max(text_width(&run, size));
                run.clear();
            }
        }
    }
    widest.max(text_width(&run, size))
}

/// An axis-aligned rectangle in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// A rectangle from its corner and size.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Self {
        Self {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        }
    }

    /// Width.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }

    /// Area of the intersection with `o` (0 when disjoint or touching).
    pub fn overlap(&self, o: &Rect) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }

    /// Whether `o` lies entirely inside.
    pub fn contains(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    /// Area of the part of the rectangle that lies over a circle's bounding square.
    pub fn overlap_circle(&self, cx: f64, cy: f64, r: f64) -> f64 {
        self.overlap(&Rect {
            x0: cx - r,
            y0: cy - r,
            x1: cx + r,
            y1: cy + r,
        })
    }
}

/// A point to be labelled: its centre and the radius of its marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Marker radius.
    pub r: f64,
}

/// Places one label box of size `sizes[i]` next to each anchor so that
/// labels do not overlap each other, do not cover markers or `obstacles`
/// (other text already on the chart) and stay inside `bounds`,
/// deterministically.
///
/// Greedy: anchors are served from the most crowded (most neighbours
/// within 4 label heights) to the least, ties by index. For each, 16
/// directions × 6 distances are tried, nearest first (right, left, above,
/// below first); the first candidate with no overlap wins. When none is
/// free, the candidate with the least overlapping area (labels count 10×
/// more than markers) is kept. O(n² · 96).
///
/// Returns the boxes in anchor order.
pub fn place_labels(
    anchors: &[Anchor],
    sizes: &[(f64, f64)],
    obstacles: &[Rect],
    bounds: Rect,
) -> Vec<Rect> {
    let n = anchors.len().min(sizes.len());
    let mut order: Vec<usize> = (0..n).collect();
    let crowd = |i: usize| -> usize {
        let (a, h) = match (anchors.get(i), sizes.get(i)) {
            (Some(a), Some(s)) => (a, s.1.max(1.0)),
            _ => return 0,
        };
        anchors
            .iter()
            .filter(|b| ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt() < 4.0 * h)
            .count()
    };
    order.sort_by_key(|&i| (std::cmp::Reverse(crowd(i)), i));
    let mut placed: Vec<Option<Rect>> = vec![None; n];
    // Direction preference: right, left, up, down, then diagonals, then the rest.
    const DIRS: [f64; 16] = [
        0.0, 180.0, 270.0, 90.0, 315.0, 225.0, 45.0, 135.0, 337.5, 202.5, 292.5, 247.5, 22.5,
        157.5, 67.5, 112.5,
    ];
    for &i in &order {
        let (Some(a), Some(&(w, h))) = (anchors.get(i), sizes.get(i)) else {
            continue;
        };
        let mut best: Option<(f64, Rect)> = None;
        'search: for step in 0..6 {
            let gap = 3.0 + step as f64 * (h * 0.9);
            for deg in DIRS {
                let t = deg.to_radians();
                let (dx, dy) = (t.cos(), t.sin());
                // Point on the marker's edge plus the gap, then put the box
                // so that its nearest side touches that point.
                let px = a.x + dx * (a.r + gap);
                let py = a.y + dy * (a.r + gap);
                let x = px - w / 2.0 + dx * w / 2.0;
                let y = py - h / 2.0 + dy * h / 2.0;
                let cand = Rect::new(x, y, w, h);
                let mut cost = 0.0;
                if !bounds.contains(&cand) {
                    cost += 1e9;
                }
                for other in placed.iter().flatten().chain(obstacles) {
                    cost += 10.0 * cand.overlap(other);
                }
                for b in anchors.iter().take(n) {
                    cost += cand.overlap_circle(b.x, b.y, b.r * 0.85);
                }
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, cand));
                }
                if cost == 0.0 {
                    break 'search;
                }
            }
        }
        if let (Some(slot), Some((_, r))) = (placed.get_mut(i), best) {
            *slot = Some(r);
        }
    }
    placed
        .into_iter()
        .zip(anchors)
        .map(|(p, a)| p.unwrap_or(Rect::new(a.x, a.y, 0.0, 0.0)))
        .collect()
}

/// About `target` "nice" tick values (1, 2, 2.5, 5 × 10^k) covering `[lo, hi]`.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || target == 0 {
        return vec![lo];
    }
    let raw = (hi - lo) / target as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 && out.len() < 100 {
        out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    out
}

/// Width of a column of row labels at 13 px: `pad` plus the widest label,
/// or plus `min` when every label is narrower.
pub fn label_column_width<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    min: f64,
    pad: f64,
) -> f64 {
    pad + labels
        .into_iter()
        .map(|s| text_width(s, 13.0))
        .fold(min, f64::max)
}

/// A number for an axis or a bar: at most 3 decimals, trailing zeros removed.
pub fn format_number(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_word_is_measured_whole_and_cjk_characters_alone() {
        assert_eq!(
            longest_word_width("Other government departments", 10.0),
            text_width("departments", 10.0)
        );
        assert_eq!(longest_word_width("县级医院医务人员", 10.0), 10.0);
        assert_eq!(longest_word_width("", 10.0), 0.0);
    }

    #[test]
    fn chinese_characters_are_wider_than_latin_ones() {
        assert!(text_width("卫生健康局", 10.0) > text_width("Health", 10.0) * 0.9);
        assert_eq!(text_width("中", 12.0), 12.0);
    }

    #[test]
    fn crowded_labels_do_not_overlap() {
        let anchors: Vec<Anchor> = (0..8)
            .map(|i| Anchor {
                x: 200.0 + (i % 3) as f64 * 12.0,
                y: 200.0 + (i / 3) as f64 * 10.0,
                r: 6.0,
            })
            .collect();
        let sizes = vec![(70.0, 14.0); 8];
        let boxes = place_labels(&anchors, &sizes, &[], Rect::new(0.0, 0.0, 400.0, 400.0));
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                assert_eq!(a.overlap(b), 0.0, "{a:?} overlaps {b:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn labels_of_up_to_fifteen_interior_points_never_overlap(
            pts in proptest::collection::vec((100.0f64..500.0, 60.0f64..340.0, 4.0f64..20.0, 30.0f64..130.0), 1..16)
        ) {
            let anchors: Vec<Anchor> = pts.iter().map(|&(x, y, r, _)| Anchor { x, y, r }).collect();
            let sizes: Vec<(f64, f64)> = pts.iter().map(|&(_, _, _, w)| (w, 17.0)).collect();
            let bounds = Rect::new(0.0, 0.0, 600.0, 400.0);
            let boxes = place_labels(&anchors, &sizes, &[], bounds);
            for (i, a) in boxes.iter().enumerate() {
                proptest::prop_assert!(bounds.contains(a));
                for b in boxes.iter().skip(i + 1) {
                    proptest::prop_assert_eq!(a.overlap(b), 0.0, "{:?} overlaps {:?}", a, b);
                }
            }
        }
    }

    #[test]
    fn ticks_are_nice() {
        assert_eq!(nice_ticks(1.0, 5.0, 4), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(format_number(23.1000001), "23.1");
    }
}
