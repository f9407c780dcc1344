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
use super::layout::text_width;
use super::palette::{BLACK, BLUE, GREY, ORANGE, VERMILLION, WHITE};
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
        // regions: class name (grey) and the members below it
        let mut groups: Vec<Vec<&str>> = vec![Vec::new(); 8];
        for m in &self.members {
            if let Some(g) = groups.get_mut(region(m.power, m.legitimacy, m.urgency)) {
                g.push(m.label.as_str());
            }
        }
        let lh = 16.0;
        for (k, &(x, y)) in anchors.iter().enumerate() {
            let names = groups.get(k).map(Vec::as_slice).unwrap_or(&[]);
            let class = self.class_labels.get(k).map(String::as_str).unwrap_or("");
            let lines = names.len() as f64 + if class.is_empty() { 0.0 } else { 1.0 };
            let mut yy = y - (lines - 1.0) * lh / 2.0;
            if !class.is_empty() {
                draw::text(
                    area,
                    class,
                    (x, yy),
                    12.0,
                    &GREY,
                    HPos::Center,
                    VPos::Center,
                )?;
                yy += lh;
            }
            for n in names {
                draw::text(area, n, (x, yy), 13.0, &BLACK, HPos::Center, VPos::Center)?;
                yy += lh;
            }
        }
        // stakeholders with no attribute
        let none = groups.get(7).map(Vec::as_slice).unwrap_or(&[]);
        if !none.is_empty() {
            // the class name, then one text per stakeholder, wrapping to
            // new lines upwards from the bottom edge
            let label = self.class_labels.get(7).map(String::as_str).unwrap_or("");
            let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
            let mut x = 16.0 + text_width(label, 12.0) + 12.0;
            for n in none {
                let nw = text_width(n, 13.0) + 14.0;
                if x + nw > w - 16.0 && lines.last().is_some_and(|l| !l.is_empty()) {
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
