//! The salience Venn diagram (Mitchell, Agle & Wood 1997): three circles —
//! power, legitimacy, urgency — and each stakeholder written in the region
//! of the attributes it possesses; stakeholders with none are listed
//! outside. The circles differ in colour and in outline (solid, dashed,
//! dotted) for greyscale print.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::{longest_word_width, text_width};
use super::palette::{BLACK, BLUE, GREY, ORANGE, VERMILLION, WHITE};
use super::qca_common::wrap_balanced;
use crate::analysis::stakeholder::{Lang, Ratings, SalienceClass, SalienceResult, text};

/// One stakeholder and the attributes it possesses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VennMember {
    /// Name.
    pub label: String,
    /// Has power.
    pub power: bool,
    /// Has legitimacy.
    pub legitimacy: bool,
    /// Has urgency.
    pub urgency: bool,
}

/// The salience Venn diagram. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SalienceVennChart {
    /// Title.
    pub title: String,
    /// Circle labels: power, legitimacy, urgency.
    pub set_labels: [String; 3],
    /// Region (class) names in `SalienceClass::ALL` order: dormant,
    /// discretionary, demanding, dominant, dangerous, dependent,
    /// definitive, none. Empty strings are not drawn.
    pub class_labels: [String; 8],
    /// The stakeholders.
    pub members: Vec<VennMember>,
}

/// Index into `class_labels` of an attribute combination.
fn region(p: bool, l: bool, u: bool) -> usize {
    match (p, l, u) {
        (true, false, false) => 0,
        (false, true, false) => 1,
        (false, false, true) => 2,
        (true, true, false) => 3,
        (true, false, true) => 4,
        (false, true, true) => 5,
        (true, true, true) => 6,
        (false, false, false) => 7,
    }
}

impl SalienceVennChart {
    /// The diagram of a salience result, with texts in `lang`.
    pub fn from_salience(ratings: &Ratings, salience: &[SalienceResult], lang: Lang) -> Self {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        Self {
            title: t("chart.venn.title"),
            set_labels: [
                "salience.attr.power",
                "salience.attr.legitimacy",
                "salience.attr.urgency",
            ]
            .map(t),
            class_labels: SalienceClass::ALL.map(|c| t(c.key())),
            members: salience
                .iter()
                .map(|x| VennMember {
                    label: ratings
                        .stakeholders()
                        .get(x.stakeholder)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    power: x.power,
                    legitimacy: x.legitimacy,
                    urgency: x.urgency,
                })
                .collect(),
        }
    }

    /// Centres of the three circles, their radius, and the anchor point of
    /// each of the seven regions (`class_labels` order), for a w × h area.
    #[allow(clippy::type_complexity)]
    pub fn geometry(&self, w: f64, h: f64) -> ([(f64, f64); 3], f64, [(f64, f64); 7]) {
        // The three circles span 2r + √3·d = 2.953r vertically; keep 50 px
        // for the title, 24 px for the bottom set label and 40 px for the
        // list of stakeholders without attributes, and centre the rest.
        let avail = (h - 50.0 - 24.0 - 40.0).max(60.0);
        let r = ((w - 40.0) / 3.3).min(avail / 2.953).max(20.0);
        let d = 0.55 * r;
        let top = 50.0 + (avail - 2.953 * r).max(0.0) / 2.0;
        let (cx, cy) = (w / 2.0, top + r + 0.577 * d);
        let c = [
            (cx - d, cy - 0.577 * d),
            (cx + d, cy - 0.577 * d),
            (cx, cy + 1.155 * d),
        ];
        let away = |(x, y): (f64, f64), dist: f64| {
            let (dx, dy) = (x - cx, y - cy);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            (cx + dx / len * dist, cy + dy / len * dist)
        };
        let mid = |a: (f64, f64), b: (f64, f64)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let [c0, c1, c2] = c;
        let single = 1.155 * d + 0.45 * r;
        let pair = 0.80 * r;
        let anchors = [
            away(c0, single),
            away(c1, single),
            away(c2, single),
            away(mid(c0, c1), pair),
            away(mid(c0, c2), pair),
            away(mid(c1, c2), pair),
            (cx, cy),
        ];
        (c, r, anchors)
    }
}

/// Largest and smallest font of the names in a region.
const MAX_NAME_FONT: f64 = 13.0;
const MIN_NAME_FONT: f64 = 10.0;

/// Whether (x, y) lies in region `k` (`class_labels` order) of the three
/// circles, at least `margin` px from every circle's edge.
fn in_region(centres: &[(f64, f64); 3], r: f64, k: usize, x: f64, y: f64, margin: f64) -> bool {
    let want: [bool; 3] = match k {
        0 => [true, false, false],
        1 => [false, true, false],
        2 => [false, false, true],
        3 => [true, true, false],
        4 => [true, false, true],
        5 => [false, true, true],
        _ => [true, true, true],
    };
    centres.iter().zip(want).all(|(&(cx, cy), inside)| {
        let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
        if inside {
            d <= r - margin
        } else {
            d >= r + margin
        }
    })
}

/// A block of text lines centred at (x, y): (text, is the class name).
/// A line that starts a name (not the first) gets a small gap above it
/// when some name is wrapped, so the lines of one name stay together.
struct Block {
    x: f64,
    y: f64,
    size: f64,
    lines: Vec<(String, bool)>,
    /// Per line: whether it starts a new name after another name.
    starts: Vec<bool>,
}

impl Block {
    fn line_height(&self) -> f64 {
        self.size * 1.25
    }

    fn gap(&self) -> f64 {
        let names = self.lines.iter().filter(|l| !l.1).count();
        let starts = self.starts.iter().filter(|s| **s).count() + 1;
        if names > starts { self.size * 0.4 } else { 0.0 }
    }

    fn height(&self) -> f64 {
        self.lines.len() as f64 * self.line_height()
            + self.starts.iter().filter(|s| **s).count() as f64 * self.gap()
    }

    fn width(&self) -> f64 {
        self.lines
            .iter()
            .map(|(t, class)| text_width(t, if *class { self.size - 1.0 } else { self.size }))
            .fold(0.0, f64::max)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let lh = self.line_height();
        let gap = self.gap();
        let mut y = self.y - self.height() / 2.0 + lh / 2.0;
        for (i, (t, class)) in self.lines.iter().enumerate() {
            if self.starts.get(i).copied().unwrap_or(false) {
                y += gap;
            }
            let (size, color) = if *class {
                (self.size - 1.0, GREY)
            } else {
                (self.size, BLACK)
            };
            draw::text(
                area,
                t,
                (self.x, y),
                size,
                &color,
                HPos::Center,
                VPos::Center,
            )?;
            y += lh;
        }
        Ok(())
    }
}

/// Fits the class name and `names` inside a region: first one line per
/// name at font sizes from 13 down to 11 px, then names wrapped (balanced)
/// at spaces (never mid-word; CJK between characters) to narrower widths
/// down to the longest word, at 12 down to 10 px, then one line per name at
/// 10 px; each on positions of a 5 px grid
/// within half a radius of `anchor`, nearest first. A position fits when
/// 24 points of the block's outline lie inside the region (3 px from every
/// edge). `None` when nothing fits. O(sizes × widths × positions × 24).
fn fit_block(
    class: &str,
    names: &[&str],
    anchor: (f64, f64),
    r: f64,
    inside: &dyn Fn(f64, f64) -> bool,
) -> Option<Block> {
    let step = 5.0;
    let reach = (0.5 * r / step).floor().max(0.0) as i32;
    let mut offsets: Vec<(f64, f64)> = (-reach..=reach)
        .flat_map(|i| (-reach..=reach).map(move |j| (f64::from(i) * step, f64::from(j) * step)))
        .collect();
    offsets.sort_by(|a, b| (a.0.hypot(a.1)).total_cmp(&b.0.hypot(b.1)));
    let sizes = |top: f64| {
        (0..)
            .map(move |k| top - f64::from(k))
            .take_while(|s| *s >= MIN_NAME_FONT - 1e-9)
    };
    let natural = |size: f64| {
        names
            .iter()
            .map(|n| text_width(n, size))
            .fold(0.0, f64::max)
    };
    let unwrapped = sizes(MAX_NAME_FONT)
        .take_while(|s| *s > MIN_NAME_FONT + 0.5)
        .map(|size| (size, natural(size)));
    let wrapped = sizes(MAX_NAME_FONT - 1.0).flat_map(|size| {
        let natural = names
            .iter()
            .map(|n| text_width(n, size))
            .fold(0.0, f64::max);
        let word = names
            .iter()
            .map(|n| longest_word_width(n, size))
            .fold(0.0, f64::max);
        let mut widths: Vec<f64> = Vec::new();
        for f in [0.8, 0.65, 0.5, 0.35] {
            let w = (natural * f).max(word);
            if w < natural - 1.0 && widths.last().is_none_or(|last| w < *last - 1.0) {
                widths.push(w);
            }
        }
        widths.into_iter().map(move |w| (size, w))
    });
    let smallest = std::iter::once((MIN_NAME_FONT, natural(MIN_NAME_FONT)));
    for (size, width) in unwrapped.chain(wrapped).chain(smallest) {
        {
            let mut lines: Vec<(String, bool)> = Vec::new();
            let mut starts: Vec<bool> = Vec::new();
            if !class.is_empty() {
                lines.push((class.to_string(), true));
                starts.push(false);
            }
            for (i, n) in names.iter().enumerate() {
                for (j, l) in wrap_balanced(n, width + 0.5, size).into_iter().enumerate() {
                    lines.push((l, false));
                    starts.push(i > 0 && j == 0);
                }
            }
            let mut block = Block {
                x: anchor.0,
                y: anchor.1,
                size,
                lines,
                starts,
            };
            let (bw, bh) = (block.width() / 2.0 + 2.0, block.height() / 2.0);
            for &(dx, dy) in &offsets {
                let (x, y) = (anchor.0 + dx, anchor.1 + dy);
                let fits = (0..24).all(|i| {
                    // 24 points around the outline: 7 per long edge, corners included
                    let t = f64::from(i % 6) / 6.0;
                    let (px, py) = match i / 6 {
                        0 => (x - bw + 2.0 * bw * t, y - bh),
                        1 => (x + bw, y - bh + 2.0 * bh * t),
                        2 => (x + bw - 2.0 * bw * t, y + bh),
                        _ => (x - bw, y + bh - 2.0 * bh * t),
                    };
                    inside(px, py)
                });
                if fits {
                    block.x = x;
                    block.y = y;
                    return Some(block);
                }
            }
        }
    }
    None
}

impl Chart for SalienceVennChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let (centres, r, anchors) = self.geometry(w, h);
        let colors = [BLUE, ORANGE, VERMILLION];
        for (k, &(x, y)) in centres.iter().enumerate() {
            let c = colors.get(k).copied().unwrap_or(BLACK);
            area.draw(&Circle::new(
                draw::px(x, y),
                r.round() as u32,
                c.mix(0.12).filled(),
            ))?;
        }
        for (k, &(x, y)) in centres.iter().enumerate() {
            let c = colors.get(k).copied().unwrap_or(BLACK);
            // outline: solid, dashed, dotted
            let segs = 120;
            let (on, off) = match k {
                0 => (segs, 0),
                1 => (3, 2),
                _ => (1, 1),
            };
            let mut i = 0;
            while i < segs {
                let pts: Vec<(i32, i32)> = (i..=(i + on).min(segs))
                    .map(|j| {
                        let t = j as f64 / segs as f64 * 2.0 * std::f64::consts::PI;
                        draw::px(x + r * t.cos(), y + r * t.sin())
                    })
                    .collect();
                area.draw(&PathElement::new(pts, c.stroke_width(2)))?;
                i += on + off;
            }
        }
        // set labels outside each circle, away from the centre of the diagram
        let (cx, cy) = (
            centres.iter().map(|c| c.0).sum::<f64>() / 3.0,
            centres.iter().map(|c| c.1).sum::<f64>() / 3.0,
        );
        for (k, &(x, y)) in centres.iter().enumerate() {
            let label = self.set_labels.get(k).map(String::as_str).unwrap_or("");
            let c = colors.get(k).copied().unwrap_or(BLACK);
            let (dx, dy) = (x - cx, y - cy);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let (lx, ly) = (x + dx / len * (r + 8.0), y + dy / len * (r + 8.0));
            let hpos = if dx < -1.0 {
                HPos::Right
            } else if dx > 1.0 {
                HPos::Left
            } else {
                HPos::Center
            };
            let vpos = if dy > 1.0 { VPos::Top } else { VPos::Bottom };
            draw::text(area, label, (lx, ly), 16.0, &c, hpos, vpos)?;
        }
        // regions: class name (grey) and the members below it, fitted
        // inside the region; names that cannot fit are numbered and keyed.
        let mut groups: Vec<Vec<&str>> = vec![Vec::new(); 8];
        for m in &self.members {
            if let Some(g) = groups.get_mut(region(m.power, m.legitimacy, m.urgency)) {
                g.push(m.label.as_str());
            }
        }
        let mut key: Vec<String> = Vec::new();
        for (k, &anchor) in anchors.iter().enumerate() {
            let names = groups.get(k).map(Vec::as_slice).unwrap_or(&[]);
            let class = self.class_labels.get(k).map(String::as_str).unwrap_or("");
            let inside = |x: f64, y: f64| in_region(&centres, r, k, x, y, 3.0);
            let block = fit_block(class, names, anchor, r, &inside).unwrap_or_else(|| {
                // numbered: "1, 2, 3" in the region, the names in the key
                let first = key.len() + 1;
                let numbers: Vec<String> = (first..first + names.len())
                    .map(|i| i.to_string())
                    .collect();
                for (i, n) in names.iter().enumerate() {
                    key.push(format!("{} {n}", first + i));
                }
                let joined = numbers.join(", ");
                fit_block(class, &[joined.as_str()], anchor, r, &inside).unwrap_or(Block {
                    x: anchor.0,
                    y: anchor.1,
                    size: MIN_NAME_FONT,
                    lines: std::iter::once((class.to_string(), true))
                        .filter(|(c, _)| !c.is_empty())
                        .chain(std::iter::once((joined.clone(), false)))
                        .collect(),
                    starts: Vec::new(),
                })
            });
            block.draw(area)?;
        }
        // the key of numbered names, bottom right, upwards
        let lh = 16.0;
        for (i, line) in key.iter().rev().enumerate() {
            draw::text(
                area,
                line,
                (w - 16.0, h - 14.0 - i as f64 * lh),
                12.0,
                &BLACK,
                HPos::Right,
                VPos::Bottom,
            )?;
        }
        // stakeholders with no attribute, left of the key
        let key_w = key
            .iter()
            .map(|l| text_width(l, 12.0) + 24.0)
            .fold(0.0, f64::max);
        let right = w - 16.0 - key_w;
        let none = groups.get(7).map(Vec::as_slice).unwrap_or(&[]);
        if !none.is_empty() {
            // the class name, then one text per stakeholder, wrapping to
            // new lines upwards from the bottom edge
            let label = self.class_labels.get(7).map(String::as_str).unwrap_or("");
            let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
            let mut x = 16.0 + text_width(label, 12.0) + 12.0;
            for n in none {
                let nw = text_width(n, 13.0) + 14.0;
                if x + nw > right && lines.last().is_some_and(|l| !l.is_empty()) {
                    lines.push(Vec::new());
                    x = 16.0 + text_width(label, 12.0) + 12.0;
                }
                if let Some(l) = lines.last_mut() {
                    l.push(n);
                }
                x += nw;
            }
            let top = h - 14.0 - (lines.len() as f64 - 1.0) * lh;
            draw::text(
                area,
                label,
                (16.0, top),
                12.0,
                &GREY,
                HPos::Left,
                VPos::Bottom,
            )?;
            for (k, l) in lines.iter().enumerate() {
                let y = top + k as f64 * lh;
                let mut x = 16.0 + text_width(label, 12.0) + 12.0;
                for n in l {
                    draw::text(area, n, (x, y), 13.0, &BLACK, HPos::Left, VPos::Bottom)?;
                    x += text_width(n, 13.0) + 14.0;
                }
            }
        }
        Ok(())
    }
}
