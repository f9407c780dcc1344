//! Venn diagram of the conditions: every truth-table row is one region
//! (the cases inside all sets where the row has 1 and outside those where
//! it has 0; the row of all 0s is the space around the sets, inside the
//! frame). Regions are filled by their OUT code (dark = 1, orange = C,
//! light = 0, white = remainder), labelled with the number of cases or
//! their names, and the regions covered by the solution are outlined with
//! a thick line — all of which reads in greyscale.
//!
//! Shapes: circles for 1–3 conditions, ellipses for 4 and 5 (the classic
//! choice; 5 rotated copies of one ellipse, Grünbaum's symmetric
//! construction), and for 6 Edwards' construction (two half-planes drawn
//! as rectangles, a circle and three cogwheels around it, the inner names
//! joined to their outlines by leader lines); every region present. More
//! than [`MAX_SETS`] conditions get a message (the caller's text) instead
//! of a diagram.
//!
//! Regions are filled exactly, without a polygon-clipping library: each
//! pixel row is cut at the shapes' boundaries into runs of constant
//! region, and runs of the same colour on consecutive rows are chained
//! into polygons. Labels go to the point of each region farthest from any
//! boundary (a chamfer distance transform on a grid of 3 px). Everything
//! is a pure function of the data and the drawing size.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_common::OutValue;
//! use policylens::charts::qca_venn::*;
//!
//! let venn = VennDiagram {
//!     conditions: vec!["A".into(), "B".into()],
//!     regions: vec![VennRegion {
//!         values: vec![true, true],
//!         out: OutValue::Positive,
//!         cases: vec!["甲".into(), "乙".into()],
//!         in_solution: true,
//!     }],
//!     texts: VennTexts::english(),
//!     labels: RegionLabels::Count,
//!     font_size: 13.0,
//! };
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (500, 500)).into_drawing_area();
//!     venn.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! assert!(svg.lines().any(|line| line.trim() == "2")); // the number of cases
//! ```

use std::collections::HashMap;
use std::f64::consts::{FRAC_PI_2, PI, TAU};

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_common::{
    BLACK, OutValue, WHITE, bold_style, font_px, line_widths, scaled, text_style, text_width,
    wrap_text,
};

/// The largest number of conditions drawn. Edwards' construction exists
/// for any number of sets, but with 7 (looked at, 620 px wide) its
/// smallest regions are about 6 px across, too small for a case count, so
/// the diagram stops at 6 and the page lets the user choose which
/// conditions to draw.
pub const MAX_SETS: usize = 6;

/// One truth-table row as a region of the diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct VennRegion {
    /// The row: one value per condition (true = 1). A region whose length
    /// differs from the number of conditions is ignored.
    pub values: Vec<bool>,
    /// The OUT code of the row.
    pub out: OutValue,
    /// The cases in the row.
    pub cases: Vec<String>,
    /// The row is covered by the solution drawn (including remainders
    /// used as simplifying assumptions).
    pub in_solution: bool,
}

/// What is written in each region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionLabels {
    /// The number of cases.
    Count,
    /// The case names, one per line; the number when they do not fit.
    Names,
}

/// Every text of the diagram, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct VennTexts {
    /// Title; empty for none.
    pub title: String,
    /// Legend text for OUT = 1.
    pub positive: String,
    /// Legend text for OUT = 0.
    pub negative: String,
    /// Legend text for OUT = C.
    pub contradiction: String,
    /// Legend text for remainders.
    pub remainder: String,
    /// Legend text for the solution outline.
    pub solution: String,
    /// Message drawn instead of a diagram with more than [`MAX_SETS`]
    /// conditions.
    pub too_many_sets: String,
}

impl VennTexts {
    /// The English texts.
    #[must_use]
    pub fn english() -> Self {
        Self {
            title: String::new(),
            positive: "OUT = 1".into(),
            negative: "OUT = 0".into(),
            contradiction: "Contradiction (C)".into(),
            remainder: "Remainder".into(),
            solution: "Covered by the solution".into(),
            too_many_sets: format!("Venn diagrams are drawn for up to {MAX_SETS} conditions"),
        }
    }
}

/// The Venn diagram (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct VennDiagram {
    /// Condition (set) names.
    pub conditions: Vec<String>,
    /// The truth-table rows; rows not given are empty remainders.
    pub regions: Vec<VennRegion>,
    /// Texts in the user's language.
    pub texts: VennTexts,
    /// What each region shows.
    pub labels: RegionLabels,
    /// Font size in pixels.
    pub font_size: f64,
}

/// Where a region is labelled: its code (bit k set = condition k is 1),
/// the label's pixel position and the distance in pixels from there to
/// the region's nearest boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionSpot {
    /// Region code: bit k is condition k.
    pub code: usize,
    /// Pixel column of the label centre.
    pub x: f64,
    /// Pixel row of the label centre.
    pub y: f64,
    /// Distance to the nearest boundary, in pixels.
    pub clearance: f64,
}

/// Outer margin in pixels.
const MARGIN: f64 = 10.0;
/// Grid step of the label search, in pixels.
const GRID: f64 = 3.0;
/// Vertices of each ellipse or circle polygon.
const VERTICES: usize = 240;
/// Offset from a boundary at which its two sides are sampled.
const SIDE_OFFSET: f64 = 1.5;
/// Share of the frame the sets and their names may use.
const OUTSIDE_ROOM: f64 = 0.92;
/// Width of the solution outline at the nominal font size.
const SOLUTION_STROKE: f64 = 4.0;

/// An ellipse in unit coordinates (y up): centre, semi-axes, rotation of
/// the first axis (radians), and the direction in which its name goes.
struct Ellipse {
    cx: f64,
    cy: f64,
    a: f64,
    b: f64,
    rotation: f64,
    label_dir: (f64, f64),
}

/// The shapes for `n` sets (1..=MAX_SETS), in unit coordinates.
fn layout(n: usize) -> Vec<Ellipse> {
    let circle = |cx: f64, cy: f64, r: f64, dir: (f64, f64)| Ellipse {
        cx,
        cy,
        a: r,
        b: r,
        rotation: 0.0,
        label_dir: dir,
    };
    match n {
        1 => vec![circle(0.0, 0.0, 0.6, (0.0, 1.0))],
        2 => vec![
            circle(-0.28, 0.0, 0.5, (-0.7, 0.7)),
            circle(0.28, 0.0, 0.5, (0.7, 0.7)),
        ],
        3 => (0..3)
            .map(|i| {
                let t = FRAC_PI_2 + TAU * f64::from(i) / 3.0;
                let (c, s) = (t.cos(), t.sin());
                let dir = if i == 0 { (0.0, 1.0) } else { (c, s) };
                circle(0.3 * c, 0.3 * s - 0.05, 0.52, dir)
            })
            // Order: top, lower left, lower right.
            .collect(),
        4 => {
            let (a, b, dx, dy) = FOUR;
            let r = PI / 4.0;
            let dir_l = (-r.cos(), r.sin());
            let dir_r = (r.cos(), r.sin());
            vec![
                Ellipse {
                    cx: -dx,
                    cy: -dy,
                    a,
                    b,
                    rotation: -r,
                    label_dir: dir_l,
                },
                Ellipse {
                    cx: 0.0,
                    cy: 0.0,
                    a,
                    b,
                    rotation: -r,
                    label_dir: dir_l,
                },
                Ellipse {
                    cx: 0.0,
                    cy: 0.0,
                    a,
                    b,
                    rotation: r,
                    label_dir: dir_r,
                },
                Ellipse {
                    cx: dx,
                    cy: -dy,
                    a,
                    b,
                    rotation: r,
                    label_dir: dir_r,
                },
            ]
        }
        _ => five(FIVE),
    }
}

/// Five rotated copies of one ellipse (Grünbaum's symmetric Venn diagram).
fn five((a, b, d, phi): (f64, f64, f64, f64)) -> Vec<Ellipse> {
    (0..5)
        .map(|i| {
            let t = FRAC_PI_2 + TAU * f64::from(i) / 5.0;
            Ellipse {
                cx: d * t.cos(),
                cy: d * t.sin(),
                a,
                b,
                rotation: t + phi,
                label_dir: (t.cos(), t.sin()),
            }
        })
        .collect()
}

/// Four ellipses: semi-axes a, b; the outer pair centred at (±dx, −dy),
/// the inner pair at the origin; all at ±45°. Chosen by a random search
/// that maximises the smallest of the 16 regions' areas.
const FOUR: (f64, f64, f64, f64) = (0.834, 0.427, 0.234, 0.165);
/// Five ellipses: semi-axes a, b, centres at distance d from the origin,
/// each rotated by its polar angle + phi. Chosen by a random search (2,500
/// candidates, then local refinement) that maximises the smallest of the
/// 32 regions' areas; the smallest region has about 0.13% of the frame.
const FIVE: (f64, f64, f64, f64) = (0.821, 0.539, 0.142, -0.439);

/// A set's outline in unit coordinates (y up, a closed polygon), the
/// direction in which its name goes, and optionally where exactly: the
/// name's anchor point and the point of the outline a leader line joins
/// it to.
struct Shape {
    points: Vec<(f64, f64)>,
    label_dir: (f64, f64),
    name_at: Option<NamePoint>,
}

/// A name's anchor and the outline point its leader starts from.
type NamePoint = ((f64, f64), Option<(f64, f64)>);

/// From this many sets on, the shapes are Edwards' construction.
const EDWARDS_FROM: usize = 6;
/// Edwards: radius of the central circle (the third set).
const EDWARDS_R: f64 = 0.55;
/// Edwards: amplitude of the first cogwheel (the others are smaller in
/// equal steps, so every ring of regions is equally thick).
const EDWARDS_TEETH: f64 = 0.27;
/// Edwards: half-width of the two rectangles (the first two sets).
const EDWARDS_W: f64 = 0.9;
/// Edwards: how far the second rectangle reaches beyond the first.
const EDWARDS_STEP: f64 = 0.07;
/// Edwards: steepness of the cogwheels' teeth (tanh), 0 = a sine.
const EDWARDS_SQUARE: f64 = 4.0;
/// Edwards: vertices per tooth period of a cogwheel.
const EDWARDS_VERTICES_PER_TOOTH: usize = 48;

/// Edwards' construction of a Venn diagram for `n` ≥ 3 sets (A. W. F.
/// Edwards, *Cogwheels of the Mind*, 2004), drawn in the plane: the first
/// two sets are the left and the upper half (rectangles), the third a
/// circle, and set `3 + j` (j from 0) a cogwheel around the circle whose
/// radius is `R + d_j · sq(cos(2^(j+1) θ))`, `sq` a squared-off cosine
/// and `d_j` decreasing. The zeros of cogwheel j are the odd multiples of
/// π/2^(j+2), exactly halfway between the zeros of every earlier curve and
/// the axes, so each set cuts every region of the earlier ones in two: all
/// 2^n regions exist. The names of the circle and
/// the cogwheels stand outside the drawing in the lower right, joined to
/// their outlines by leader lines.
fn edwards(n: usize) -> Vec<Shape> {
    let (w, step, r) = (EDWARDS_W, EDWARDS_STEP, EDWARDS_R);
    let cogs = n.saturating_sub(3);
    // Rectangles with many vertices per side: the solution outline is
    // decided per edge, so a long edge would be all in or all out.
    let rect = |x0: f64, y0: f64, x1: f64, y1: f64| -> Vec<(f64, f64)> {
        let corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
        corners
            .windows(2)
            .flat_map(|side| {
                let (a, b) = (side[0], side[1]);
                (0..VERTICES / 4).map(move |i| {
                    let f = i as f64 / (VERTICES / 4) as f64;
                    (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f)
                })
            })
            .collect()
    };
    let mut shapes = vec![
        Shape {
            points: rect(-w, -w, 0.0, w),
            label_dir: (0.0, -1.0),
            name_at: Some(((-w / 2.0, -w), None)),
        },
        Shape {
            points: rect(-w - step, 0.0, w, w + step),
            label_dir: (0.0, 1.0),
            name_at: Some(((w / 2.0, w + step), None)),
        },
    ];
    let outer = r + EDWARDS_TEETH + 0.12;
    // Names of the inner curves: spread over the lower right quadrant.
    let name_angle = |i: usize| {
        let span = 70.0_f64.to_radians();
        -10.0_f64.to_radians() - span * i as f64 / cogs.max(1) as f64
    };
    let leader = |radius: &dyn Fn(f64) -> f64, i: usize| -> NamePoint {
        let t = name_angle(i);
        let (c, s) = (t.cos(), t.sin());
        let from = radius(t);
        ((outer * c, outer * s), Some((from * c, from * s)))
    };
    let circle = |t: f64| -> f64 {
        let _ = t;
        r
    };
    let t0 = name_angle(0);
    shapes.push(Shape {
        points: (0..VERTICES)
            .map(|k| {
                let t = TAU * k as f64 / VERTICES as f64;
                (r * t.cos(), r * t.sin())
            })
            .collect(),
        label_dir: (t0.cos(), t0.sin()),
        name_at: Some(leader(&circle, 0)),
    });
    let sq = |x: f64| (EDWARDS_SQUARE * x).tanh() / EDWARDS_SQUARE.tanh();
    for j in 0..cogs {
        let amp = EDWARDS_TEETH * (cogs - j) as f64 / cogs as f64;
        let freq = f64::from(1u32 << (j + 1).min(20));
        let radius = move |t: f64| r + amp * sq((freq * t).cos());
        let count = EDWARDS_VERTICES_PER_TOOTH * (1usize << (j + 1).min(20));
        let t = name_angle(j + 1);
        shapes.push(Shape {
            points: (0..count)
                .map(|k| {
                    let t = TAU * k as f64 / count as f64;
                    let rad = radius(t);
                    (rad * t.cos(), rad * t.sin())
                })
                .collect(),
            label_dir: (t.cos(), t.sin()),
            name_at: Some(leader(&radius, j + 1)),
        });
    }
    shapes
}

impl Ellipse {
    /// The ellipse as a polygon of [`VERTICES`] points.
    fn to_shape(&self) -> Shape {
        Shape {
            points: (0..VERTICES)
                .map(|k| self.point(TAU * k as f64 / VERTICES as f64))
                .collect(),
            label_dir: self.label_dir,
            name_at: None,
        }
    }

    fn point(&self, t: f64) -> (f64, f64) {
        let (x, y) = (self.a * t.cos(), self.b * t.sin());
        let (c, s) = (self.rotation.cos(), self.rotation.sin());
        (self.cx + c * x - s * y, self.cy + s * x + c * y)
    }
}

/// Where a set's name goes: anchor point and alignment.
type NameAnchor = (f64, f64, HPos, VPos);

/// A leader line from a set's outline to its name, in pixels.
type Leader = ((f64, f64), (f64, f64));

/// Shapes in pixels, name anchors, leader lines, and the joint bounding
/// box of shapes and names.
type Placement = (
    Vec<Vec<(f64, f64)>>,
    Vec<NameAnchor>,
    Vec<Leader>,
    (f64, f64, f64, f64),
);

/// Pixel geometry of the diagram for one drawing size.
struct Geometry {
    title_lines: Vec<String>,
    /// The frame: left, top, right, bottom.
    frame: (f64, f64, f64, f64),
    /// One closed polygon per set, in pixels.
    shapes: Vec<Vec<(f64, f64)>>,
    /// Name anchor of each set.
    names: Vec<NameAnchor>,
    /// Leader lines joining inner outlines to their names.
    leaders: Vec<Leader>,
    /// Top of the legend.
    legend_top: f64,
}

/// A maximal horizontal run of one region on one pixel row.
#[derive(Debug, Clone, Copy)]
struct Run {
    code: usize,
    x0: f64,
    x1: f64,
}

impl VennDiagram {
    fn set_count(&self) -> usize {
        self.conditions.len()
    }

    /// True when the diagram can be drawn (1..=[`MAX_SETS`] conditions).
    #[must_use]
    pub fn is_drawable(&self) -> bool {
        (1..=MAX_SETS).contains(&self.set_count())
    }

    fn legend_items(&self) -> Vec<(Option<OutValue>, &str)> {
        let t = &self.texts;
        vec![
            (Some(OutValue::Positive), t.positive.as_str()),
            (Some(OutValue::Contradiction), t.contradiction.as_str()),
            (Some(OutValue::Negative), t.negative.as_str()),
            (Some(OutValue::Remainder), t.remainder.as_str()),
            (None, t.solution.as_str()),
        ]
    }

    /// Legend rows for a width: (items per row, row count, row height).
    fn legend_grid(&self, inner: f64, font: f64) -> (usize, usize, f64) {
        let items = self.legend_items();
        let item_w = items
            .iter()
            .map(|(_, t)| font * 2.6 + text_width(t, font * 0.9))
            .fold(0.0, f64::max);
        let per_row = ((inner / item_w).floor() as usize).clamp(1, items.len());
        let rows = items.len().div_ceil(per_row);
        (per_row, rows, font * 1.7)
    }

    fn geometry(&self, width: f64, height: f64) -> Geometry {
        let n = self.set_count().clamp(1, MAX_SETS);
        let shapes = if n >= EDWARDS_FROM {
            edwards(n)
        } else {
            layout(n).iter().map(Ellipse::to_shape).collect()
        };
        self.geometry_with(&shapes, width, height)
    }

    fn geometry_with(&self, ellipses: &[Shape], width: f64, height: f64) -> Geometry {
        let font = font_px(self.font_size);
        let inner_w = (width - 2.0 * MARGIN).max(10.0);
        let title_font = font * 1.15;
        let title_lines = if self.texts.title.is_empty() {
            Vec::new()
        } else {
            wrap_text(&self.texts.title, inner_w, title_font)
        };
        let top = MARGIN + title_lines.len() as f64 * title_font * 1.3;
        let (_, legend_rows, legend_row_h) = self.legend_grid(inner_w, font);
        let legend_h = legend_rows as f64 * legend_row_h + font * 0.5;
        let bottom = (height - MARGIN - legend_h).max(top + 10.0);
        let frame = (MARGIN, top + font * 0.3, MARGIN + inner_w, bottom);
        let legend_top = bottom + font * 0.5;

        // Fit the shapes (plus room for the names) into the frame.
        let unit: Vec<Vec<(f64, f64)>> = ellipses.iter().map(|e| e.points.clone()).collect();
        // Largest scale at which the shapes and their names fit the frame
        // (bisection: names keep their size while the shapes grow), then
        // centre the whole drawing.
        let pad = font * 0.6;
        // Keep some of the frame for the region outside every set.
        let room_w = ((frame.2 - frame.0) * OUTSIDE_ROOM - 2.0 * pad).max(10.0);
        let room_h = ((frame.3 - frame.1) * OUTSIDE_ROOM - 2.0 * pad).max(10.0);
        let fits = |scale: f64| {
            let (_, _, _, b) = self.place(ellipses, &unit, scale, (0.0, 0.0), font);
            b.2 - b.0 <= room_w && b.3 - b.1 <= room_h
        };
        let (mut lo, mut hi) = (1.0, room_w.max(room_h));
        if fits(lo) {
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if fits(mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        let (_, _, _, b) = self.place(ellipses, &unit, lo, (0.0, 0.0), font);
        let centre = (
            (frame.0 + frame.2) / 2.0 - (b.0 + b.2) / 2.0,
            (frame.1 + frame.3) / 2.0 - (b.1 + b.3) / 2.0,
        );
        let (shapes, names, leaders, _) = self.place(ellipses, &unit, lo, centre, font);

        Geometry {
            title_lines,
            frame,
            shapes,
            names,
            leaders,
            legend_top,
        }
    }

    /// The shapes scaled by `scale` pixels per unit around `origin`, the
    /// anchors of their names (beyond each shape's farthest point in its
    /// name direction), and the bounding box of both (left, top, right,
    /// bottom).
    fn place(
        &self,
        ellipses: &[Shape],
        unit: &[Vec<(f64, f64)>],
        scale: f64,
        origin: (f64, f64),
        font: f64,
    ) -> Placement {
        let to_px = |(x, y): (f64, f64)| (origin.0 + x * scale, origin.1 - y * scale);
        let shapes: Vec<Vec<(f64, f64)>> = unit
            .iter()
            .map(|poly| poly.iter().map(|&p| to_px(p)).collect())
            .collect();
        let mut bounds = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let mut grow = |x0: f64, y0: f64, x1: f64, y1: f64| {
            bounds = (
                bounds.0.min(x0),
                bounds.1.min(y0),
                bounds.2.max(x1),
                bounds.3.max(y1),
            );
        };
        for &(x, y) in shapes.iter().flatten() {
            grow(x, y, x, y);
        }
        let mut names = Vec::new();
        let mut leaders = Vec::new();
        for (k, (e, poly)) in ellipses.iter().zip(&shapes).enumerate() {
            let (dx, dy) = (e.label_dir.0, -e.label_dir.1);
            let far = match e.name_at {
                Some((at, from)) => {
                    if let Some(from) = from {
                        leaders.push((to_px(from), to_px(at)));
                    }
                    to_px(at)
                }
                None => poly
                    .iter()
                    .copied()
                    .max_by(|p, q| (p.0 * dx + p.1 * dy).total_cmp(&(q.0 * dx + q.1 * dy)))
                    .unwrap_or(origin),
            };
            let gap = font * 0.5;
            let (x, y) = (far.0 + dx * gap, far.1 + dy * gap);
            let w = self
                .conditions
                .get(k)
                .map_or(0.0, |c| text_width(c, font) * 1.05);
            let h = font * 1.25;
            let (hpos, x0) = if dx > 0.3 {
                (HPos::Left, x)
            } else if dx < -0.3 {
                (HPos::Right, x - w)
            } else {
                (HPos::Center, x - w / 2.0)
            };
            let (vpos, y0) = if dy < -0.3 {
                (VPos::Bottom, y - h)
            } else if dy > 0.3 {
                (VPos::Top, y)
            } else {
                (VPos::Center, y - h / 2.0)
            };
            grow(x0, y0, x0 + w, y0 + h);
            names.push((x, y, hpos, vpos));
        }
        (shapes, names, leaders, bounds)
    }

    /// The region of each pixel row: runs of constant code between the
    /// frame's left and right edges. O(rows × edges per row).
    fn scan(geometry: &Geometry) -> Vec<(f64, Vec<Run>)> {
        let (l, t, r, b) = geometry.frame;
        let index = EdgeIndex::new(&geometry.shapes);
        let mut rows = Vec::new();
        let mut y = t.floor() + 0.5;
        while y < b {
            let mut crossings = index.crossings(y);
            crossings.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut runs = Vec::new();
            let mut code = 0usize;
            let mut x = l;
            for (cx, k) in crossings {
                let cx = cx.clamp(l, r);
                if cx > x {
                    runs.push(Run {
                        code,
                        x0: x,
                        x1: cx,
                    });
                    x = cx;
                }
                code ^= 1 << k;
            }
            if r > x {
                runs.push(Run { code, x0: x, x1: r });
            }
            rows.push((y, runs));
            y += 1.0;
        }
        rows
    }

    fn region_map(&self) -> HashMap<usize, &VennRegion> {
        let n = self.set_count();
        self.regions
            .iter()
            .filter(|r| r.values.len() == n)
            .map(|r| {
                let code = r
                    .values
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v)
                    .fold(0, |acc, (k, _)| acc | (1 << k));
                (code, r)
            })
            .collect()
    }

    /// Label spot of every region present in a `width` × `height`
    /// drawing: the grid point farthest from any boundary (ties: the
    /// first in reading order). Empty when the diagram is not drawable.
    #[must_use]
    pub fn region_spots(&self, width: u32, height: u32) -> Vec<RegionSpot> {
        if !self.is_drawable() {
            return Vec::new();
        }
        let g = self.geometry(f64::from(width), f64::from(height));
        Self::spots(&g, &Self::scan(&g))
    }

    fn spots(g: &Geometry, rows: &[(f64, Vec<Run>)]) -> Vec<RegionSpot> {
        let (l, t, r, b) = g.frame;
        let cols = ((r - l) / GRID).floor() as usize;
        let nrows = ((b - t) / GRID).floor() as usize;
        if cols == 0 || nrows == 0 {
            return Vec::new();
        }
        let first_y = rows.first().map_or(t, |row| row.0);
        let code_at = |x: f64, y: f64| -> Option<usize> {
            let i = ((y - first_y).round().max(0.0)) as usize;
            let runs = &rows.get(i)?.1;
            runs.iter()
                .find(|run| x >= run.x0 && x < run.x1)
                .map(|run| run.code)
        };
        let mut codes = vec![usize::MAX; cols * nrows];
        for j in 0..nrows {
            for i in 0..cols {
                let x = l + (i as f64 + 0.5) * GRID;
                let y = t + (j as f64 + 0.5) * GRID;
                codes[j * cols + i] = code_at(x, y).unwrap_or(usize::MAX);
            }
        }
        // Chamfer (3, 4) distance to the nearest cell of another region or
        // the frame.
        const FAR: u32 = u32::MAX / 2;
        let mut dist = vec![FAR; cols * nrows];
        for j in 0..nrows {
            for i in 0..cols {
                let c = codes[j * cols + i];
                let edge = i == 0 || j == 0 || i + 1 == cols || j + 1 == nrows;
                let differs = [(0i64, -1i64), (0, 1), (-1, 0), (1, 0)]
                    .iter()
                    .any(|(di, dj)| {
                        let (ni, nj) = (i as i64 + di, j as i64 + dj);
                        ni >= 0
                            && nj >= 0
                            && (ni as usize) < cols
                            && (nj as usize) < nrows
                            && codes[nj as usize * cols + ni as usize] != c
                    });
                if edge || differs {
                    dist[j * cols + i] = 0;
                }
            }
        }
        let relax = |dist: &mut Vec<u32>, i: usize, j: usize, di: i64, dj: i64, w: u32| {
            let (ni, nj) = (i as i64 + di, j as i64 + dj);
            if ni >= 0 && nj >= 0 && (ni as usize) < cols && (nj as usize) < nrows {
                let d = dist[nj as usize * cols + ni as usize] + w;
                if d < dist[j * cols + i] {
                    dist[j * cols + i] = d;
                }
            }
        };
        for j in 0..nrows {
            for i in 0..cols {
                relax(&mut dist, i, j, -1, 0, 3);
                relax(&mut dist, i, j, 0, -1, 3);
                relax(&mut dist, i, j, -1, -1, 4);
                relax(&mut dist, i, j, 1, -1, 4);
            }
        }
        for j in (0..nrows).rev() {
            for i in (0..cols).rev() {
                relax(&mut dist, i, j, 1, 0, 3);
                relax(&mut dist, i, j, 0, 1, 3);
                relax(&mut dist, i, j, 1, 1, 4);
                relax(&mut dist, i, j, -1, 1, 4);
            }
        }
        let mut best: HashMap<usize, (u32, usize)> = HashMap::new();
        for (cell, (&code, &d)) in codes.iter().zip(&dist).enumerate() {
            if code == usize::MAX {
                continue;
            }
            let entry = best.entry(code).or_insert((d, cell));
            if d > entry.0 {
                *entry = (d, cell);
            }
        }
        let mut spots: Vec<RegionSpot> = best
            .into_iter()
            .map(|(code, (d, cell))| RegionSpot {
                code,
                x: l + ((cell % cols) as f64 + 0.5) * GRID,
                y: t + ((cell / cols) as f64 + 0.5) * GRID,
                clearance: f64::from(d) / 3.0 * GRID,
            })
            .collect();
        spots.sort_by_key(|s| s.code);
        spots
    }

    /// Draws the diagram on `area`.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (w, h) = area.dim_in_pixel();
        let px = |v: f64| v.round() as i32;
        area.fill(&WHITE)?;
        let font = font_px(self.font_size);
        if !self.is_drawable() {
            for (i, line) in wrap_text(&self.texts.too_many_sets, f64::from(w) - 2.0 * MARGIN, font)
                .iter()
                .enumerate()
            {
                area.draw_text(
                    line,
                    &text_style(font, BLACK, HPos::Center, VPos::Center),
                    (
                        px(f64::from(w) / 2.0),
                        px(f64::from(h) / 2.0 + i as f64 * font * 1.3),
                    ),
                )?;
            }
            return Ok(());
        }
        let g = self.geometry(f64::from(w), f64::from(h));
        let (thin, _) = line_widths(font);
        let solution_stroke = scaled(font, SOLUTION_STROKE).round().max(2.0) as u32;
        let regions = self.region_map();
        let out_of = |code: usize| regions.get(&code).map_or(OutValue::Remainder, |r| r.out);
        let solution_of = |code: usize| regions.get(&code).is_some_and(|r| r.in_solution);

        let title_font = font * 1.15;
        for (i, line) in g.title_lines.iter().enumerate() {
            area.draw_text(
                line,
                &bold_style(title_font, BLACK, HPos::Center, VPos::Top),
                (
                    px(f64::from(w) / 2.0),
                    px(MARGIN + i as f64 * title_font * 1.3),
                ),
            )?;
        }

        // Region fills.
        let rows = Self::scan(&g);
        for (out, points) in chain_runs(&rows, out_of) {
            let fill = out.fill();
            area.draw(&Polygon::new(points.clone(), fill.filled()))?;
            let mut closed = points;
            if let Some(&first) = closed.first() {
                closed.push(first);
            }
            area.draw(&PathElement::new(closed, fill.stroke_width(thin)))?;
        }

        // Set outlines, frame, solution outline.
        for poly in &g.shapes {
            let mut points: Vec<(i32, i32)> = poly.iter().map(|&(x, y)| (px(x), px(y))).collect();
            if let Some(&first) = points.first() {
                points.push(first);
            }
            area.draw(&PathElement::new(points, BLACK.stroke_width(thin)))?;
        }
        let (fl, ft, fr, fb) = g.frame;
        area.draw(&Rectangle::new(
            [(px(fl), px(ft)), (px(fr), px(fb))],
            BLACK.stroke_width(thin),
        ))?;
        for path in solution_outline(&g, &solution_of) {
            let points: Vec<(i32, i32)> = path.iter().map(|&(x, y)| (px(x), px(y))).collect();
            area.draw(&PathElement::new(
                points,
                BLACK.stroke_width(solution_stroke),
            ))?;
        }

        // Region labels.
        let label_font = font * 0.95;
        for spot in Self::spots(&g, &rows) {
            let Some(region) = regions.get(&spot.code) else {
                continue;
            };
            if region.cases.is_empty() {
                continue;
            }
            let count = vec![region.cases.len().to_string()];
            let lines = match self.labels {
                RegionLabels::Count => count,
                RegionLabels::Names => {
                    let width = spot.clearance * 1.8;
                    let lines = pack_names(&region.cases, width, label_font);
                    // A name broken inside a word reads badly: the count then.
                    let whole = region
                        .cases
                        .iter()
                        .all(|c| text_width(c, label_font) <= width);
                    let fits = whole && lines.len() as f64 * label_font * 1.2 <= width;
                    if fits { lines } else { count }
                }
            };
            let ink = region.out.ink();
            let style = if region.in_solution {
                bold_style(label_font, ink, HPos::Center, VPos::Center)
            } else {
                text_style(label_font, ink, HPos::Center, VPos::Center)
            };
            let n = lines.len() as f64;
            for (i, line) in lines.iter().enumerate() {
                let y = spot.y + (i as f64 - (n - 1.0) / 2.0) * label_font * 1.2;
                area.draw_text(line, &style, (px(spot.x), px(y)))?;
            }
        }

        // Leader lines from inner outlines to their names, with a dot on
        // the outline.
        for &(from, to) in &g.leaders {
            area.draw(&PathElement::new(
                vec![(px(from.0), px(from.1)), (px(to.0), px(to.1))],
                BLACK.stroke_width(thin),
            ))?;
            area.draw(&Circle::new(
                (px(from.0), px(from.1)),
                (font * 0.25).round().max(2.0) as u32,
                BLACK.filled(),
            ))?;
        }

        // Set names.
        for (name, &(x, y, hpos, vpos)) in self.conditions.iter().zip(&g.names) {
            area.draw_text(name, &bold_style(font, BLACK, hpos, vpos), (px(x), px(y)))?;
        }

        // Legend.
        let inner = f64::from(w) - 2.0 * MARGIN;
        let (per_row, _, row_h) = self.legend_grid(inner, font);
        for (k, (out, text)) in self.legend_items().into_iter().enumerate() {
            let x = MARGIN + (k % per_row) as f64 * (inner / per_row as f64);
            let y = g.legend_top + (k / per_row) as f64 * row_h + row_h / 2.0;
            let sw = [
                (px(x), px(y - font * 0.5)),
                (px(x + font * 1.6), px(y + font * 0.5)),
            ];
            match out {
                Some(out) => {
                    area.draw(&Rectangle::new(sw, out.fill().filled()))?;
                    area.draw(&Rectangle::new(sw, BLACK.stroke_width(thin)))?;
                }
                // The SVG backend ignores a rectangle's stroke width: a
                // closed path carries the thick solution line.
                None => {
                    let [(x0, y0), (x1, y1)] = sw;
                    area.draw(&PathElement::new(
                        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
                        BLACK.stroke_width(solution_stroke),
                    ))?;
                }
            }
            area.draw_text(
                text,
                &text_style(font * 0.9, BLACK, HPos::Left, VPos::Center),
                (px(x + font * 2.1), px(y)),
            )?;
        }
        Ok(())
    }
}

/// The regions of a diagram of some of the conditions: `regions` are
/// truth-table rows over every condition, `drawn` the indices of the
/// conditions drawn (in order). Rows that differ only in the conditions
/// not drawn are merged into one region: its cases are theirs together;
/// its OUT is the OUT shared by its observed rows (those with cases), `C`
/// when they differ, a remainder when none is observed; it is outlined
/// (in the solution) when the solution covers every observed row in it,
/// or, without observed rows, some row in it. Regions come in the order
/// of their first row. O(rows × regions).
///
/// # Example
/// ```
/// use policylens::charts::qca_common::OutValue;
/// use policylens::charts::qca_venn::{VennRegion, project_regions};
/// let row = |values: Vec<bool>, out, case: &str| VennRegion {
///     values, out, cases: vec![case.to_string()], in_solution: out == OutValue::Positive,
/// };
/// let rows = [
///     row(vec![true, true, true], OutValue::Positive, "a"),
///     row(vec![true, true, false], OutValue::Negative, "b"),
/// ];
/// let merged = project_regions(&rows, &[0, 1]);
/// assert_eq!(merged.len(), 1);
/// assert_eq!(merged[0].out, OutValue::Contradiction);
/// assert!(!merged[0].in_solution);
/// ```
#[must_use]
pub fn project_regions(regions: &[VennRegion], drawn: &[usize]) -> Vec<VennRegion> {
    struct Merge {
        region: VennRegion,
        shared: Option<OutValue>,
        all_observed_covered: bool,
        some_covered: bool,
    }
    let mut merged: Vec<Merge> = Vec::new();
    for r in regions {
        let values: Vec<bool> = drawn
            .iter()
            .map(|&j| r.values.get(j).copied().unwrap_or(false))
            .collect();
        let i = match merged.iter().position(|m| m.region.values == values) {
            Some(i) => i,
            None => {
                merged.push(Merge {
                    region: VennRegion {
                        values,
                        out: OutValue::Remainder,
                        cases: Vec::new(),
                        in_solution: false,
                    },
                    shared: None,
                    all_observed_covered: true,
                    some_covered: false,
                });
                merged.len() - 1
            }
        };
        let Some(m) = merged.get_mut(i) else {
            continue;
        };
        m.some_covered |= r.in_solution;
        if r.cases.is_empty() {
            continue;
        }
        m.region.cases.extend(r.cases.iter().cloned());
        m.all_observed_covered &= r.in_solution;
        m.region.out = match m.shared {
            None => r.out,
            Some(o) if o == r.out => o,
            Some(_) => OutValue::Contradiction,
        };
        m.shared.get_or_insert(r.out);
    }
    merged
        .into_iter()
        .map(|m| VennRegion {
            in_solution: if m.shared.is_some() {
                m.all_observed_covered
            } else {
                m.some_covered
            },
            ..m.region
        })
        .collect()
}

/// Packs names into lines no wider than `max_width`, breaking only
/// between names (", " separated); a name wider than a line is wrapped.
fn pack_names(names: &[String], max_width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let last = i + 1 == names.len();
        let item = if last {
            name.clone()
        } else {
            format!("{name},")
        };
        let joined = lines.last().map(|l| format!("{l} {item}"));
        match joined {
            Some(j) if text_width(&j, size) <= max_width => {
                if let Some(l) = lines.last_mut() {
                    *l = j;
                }
            }
            _ => lines.extend(wrap_text(&item, max_width, size)),
        }
    }
    lines
}

/// One pixel row of runs labelled by key: (y, [(key, x0, x1)]).
type KeyedRow<K> = (f64, Vec<(K, f64, f64)>);

/// Chains runs of the same key on consecutive rows into polygons: a run
/// continues the chain of the run above when each is the other's only
/// overlapping run of that key. Returns (key, polygon in whole pixels)
/// pairs. O(runs).
fn chain_runs<K: Copy + PartialEq>(
    rows: &[(f64, Vec<Run>)],
    key: impl Fn(usize) -> K,
) -> Vec<(K, Vec<(i32, i32)>)> {
    struct Chain<K> {
        key: K,
        left: Vec<(f64, f64)>,
        right: Vec<(f64, f64)>,
        last: (f64, f64),
    }
    // Merge adjacent runs of the same key within a row first.
    let merged: Vec<KeyedRow<K>> = rows
        .iter()
        .map(|(y, runs)| {
            let mut out: Vec<(K, f64, f64)> = Vec::new();
            for run in runs {
                let k = key(run.code);
                match out.last_mut() {
                    Some(last) if last.0 == k && (last.2 - run.x0).abs() < 1e-9 => last.2 = run.x1,
                    _ => out.push((k, run.x0, run.x1)),
                }
            }
            (*y, out)
        })
        .collect();
    let mut done: Vec<(K, Vec<(f64, f64)>)> = Vec::new();
    let finish = |c: Chain<K>, done: &mut Vec<(K, Vec<(f64, f64)>)>| {
        let mut poly = c.left;
        poly.extend(c.right.into_iter().rev());
        done.push((c.key, poly));
    };
    let mut active: Vec<Chain<K>> = Vec::new();
    for (y, runs) in &merged {
        let overlaps = |a: (f64, f64), b: (f64, f64)| a.0 < b.1 && b.0 < a.1;
        let mut next: Vec<Chain<K>> = Vec::new();
        let mut taken = vec![false; active.len()];
        for &(k, x0, x1) in runs {
            let above: Vec<usize> = active
                .iter()
                .enumerate()
                .filter(|(_, c)| c.key == k && overlaps(c.last, (x0, x1)))
                .map(|(i, _)| i)
                .collect();
            let unique = match above.as_slice() {
                [i] if !taken[*i] => {
                    let below = runs
                        .iter()
                        .filter(|r| r.0 == k && overlaps(active[*i].last, (r.1, r.2)))
                        .count();
                    (below == 1).then_some(*i)
                }
                _ => None,
            };
            match unique {
                Some(i) => {
                    taken[i] = true;
                    let c = &mut active[i];
                    c.left.push((x0, *y));
                    c.right.push((x1, *y));
                    c.last = (x0, x1);
                }
                None => next.push(Chain {
                    key: k,
                    left: vec![(x0, y - 0.5), (x0, *y)],
                    right: vec![(x1, y - 0.5), (x1, *y)],
                    last: (x0, x1),
                }),
            }
        }
        let mut kept = Vec::new();
        for (i, mut c) in active.drain(..).enumerate() {
            if taken[i] {
                kept.push(c);
            } else {
                if let (Some(&(lx, ly)), Some(&(rx, _))) = (c.left.last(), c.right.last()) {
                    c.left.push((lx, ly + 0.5));
                    c.right.push((rx, ly + 0.5));
                }
                finish(c, &mut done);
            }
        }
        kept.extend(next);
        active = kept;
    }
    for mut c in active {
        if let (Some(&(lx, ly)), Some(&(rx, _))) = (c.left.last(), c.right.last()) {
            c.left.push((lx, ly + 0.5));
            c.right.push((rx, ly + 0.5));
        }
        finish(c, &mut done);
    }
    // Simplify: drop points collinear with their neighbours.
    done.into_iter()
        .map(|(k, poly)| (k, simplify(&poly)))
        .collect()
}

/// Rounds a polygon to whole pixels and removes repeated points and
/// points exactly on the straight line between their neighbours (which
/// leaves the rounded shape unchanged).
fn simplify(poly: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(poly.len());
    for &(x, y) in poly {
        let p = (x.round() as i32, y.round() as i32);
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let cross = i64::from(b.0 - a.0) * i64::from(p.1 - a.1)
                - i64::from(b.1 - a.1) * i64::from(p.0 - a.0);
            let forward = i64::from(b.0 - a.0) * i64::from(p.0 - b.0)
                + i64::from(b.1 - a.1) * i64::from(p.1 - b.1);
            if cross == 0 && forward >= 0 {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// An edge of set `.0`'s outline, from `.1` to `.2`.
type Edge = (usize, (f64, f64), (f64, f64));

/// The edges of every set outline, bucketed by pixel row, so that the
/// crossings of a horizontal line are found without visiting every edge.
struct EdgeIndex {
    /// y of the top of bucket 0.
    y0: f64,
    /// Per row: (set, start, end) of the edges whose y-range meets it.
    buckets: Vec<Vec<Edge>>,
}

impl EdgeIndex {
    /// Buckets the edges of `shapes`. O(vertices + total edge heights).
    fn new(shapes: &[Vec<(f64, f64)>]) -> Self {
        let ys = shapes.iter().flatten().map(|p| p.1);
        let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        if lo > hi {
            return Self {
                y0: 0.0,
                buckets: Vec::new(),
            };
        }
        let y0 = lo.floor();
        let mut buckets = vec![Vec::new(); (hi - y0).floor() as usize + 1];
        for (k, poly) in shapes.iter().enumerate() {
            for (i, &p) in poly.iter().enumerate() {
                let q = poly.get(i + 1).copied().unwrap_or(poly[0]);
                let first = (p.1.min(q.1) - y0).floor() as usize;
                let last = (p.1.max(q.1) - y0).floor() as usize;
                for bucket in buckets.iter_mut().take(last + 1).skip(first) {
                    bucket.push((k, p, q));
                }
            }
        }
        Self { y0, buckets }
    }

    /// The x of every crossing of the line at height `y`, with its set.
    fn crossings(&self, y: f64) -> Vec<(f64, usize)> {
        let row = (y - self.y0).floor();
        if row < 0.0 {
            return Vec::new();
        }
        self.buckets
            .get(row as usize)
            .map(|edges| {
                edges
                    .iter()
                    .filter(|(_, p, q)| (p.1 <= y && y < q.1) || (q.1 <= y && y < p.1))
                    .map(|&(k, p, q)| (p.0 + (y - p.1) * (q.0 - p.0) / (q.1 - p.1), k))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The region code at `(x, y)`: bit k set when inside set k (even-odd
    /// rule on each outline).
    fn code_at(&self, (x, y): (f64, f64)) -> usize {
        self.crossings(y)
            .into_iter()
            .filter(|(cx, _)| x < *cx)
            .fold(0, |acc, (_, k)| acc ^ (1 << k))
    }
}

/// The boundary of the union of the solution's regions, as polylines: the
/// pieces of set outlines with a solution region on exactly one side, and
/// the pieces of the frame along a solution region.
fn solution_outline(g: &Geometry, in_solution: &dyn Fn(usize) -> bool) -> Vec<Vec<(f64, f64)>> {
    let index = EdgeIndex::new(&g.shapes);
    let code_at = |p: (f64, f64)| index.code_at(p);
    let mut paths: Vec<Vec<(f64, f64)>> = Vec::new();
    let push_segment = |paths: &mut Vec<Vec<(f64, f64)>>,
                        a: (f64, f64),
                        b: (f64, f64),
                        joined: bool| match paths.last_mut() {
        Some(path) if joined => path.push(b),
        _ => paths.push(vec![a, b]),
    };
    for poly in &g.shapes {
        let mut previous = false;
        for (i, &a) in poly.iter().enumerate() {
            let b = poly.get(i + 1).copied().unwrap_or(poly[0]);
            let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(1e-9);
            let (nx, ny) = (-dy / len * SIDE_OFFSET, dx / len * SIDE_OFFSET);
            let one = code_at((mx + nx, my + ny));
            let other = code_at((mx - nx, my - ny));
            let on = in_solution(one) != in_solution(other);
            if on {
                push_segment(&mut paths, a, b, previous);
            }
            previous = on;
        }
    }
    // The frame, where the outside region (code 0) is in the solution.
    let (l, t, r, b) = g.frame;
    let corners = [(l, t), (r, t), (r, b), (l, b), (l, t)];
    for side in corners.windows(2) {
        let (a, z) = (side[0], side[1]);
        let steps = (((z.0 - a.0).abs() + (z.1 - a.1).abs()) / 4.0)
            .ceil()
            .max(1.0) as usize;
        let mut previous = false;
        for s in 0..steps {
            let f0 = s as f64 / steps as f64;
            let f1 = (s + 1) as f64 / steps as f64;
            let p0 = (a.0 + (z.0 - a.0) * f0, a.1 + (z.1 - a.1) * f0);
            let p1 = (a.0 + (z.0 - a.0) * f1, a.1 + (z.1 - a.1) * f1);
            let mid = ((p0.0 + p1.0) / 2.0, (p0.1 + p1.1) / 2.0);
            let towards = ((l + r) / 2.0 - mid.0, (t + b) / 2.0 - mid.1);
            let norm = (towards.0.powi(2) + towards.1.powi(2)).sqrt().max(1e-9);
            let probe = (
                mid.0 + towards.0 / norm * SIDE_OFFSET * 2.0,
                mid.1 + towards.1 / norm * SIDE_OFFSET * 2.0,
            );
            let on = in_solution(code_at(probe));
            if on {
                push_segment(&mut paths, p0, p1, previous);
            }
            previous = on;
        }
    }
    paths
}

impl super::Chart for VennDiagram {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        VennDiagram::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when `p` is inside the closed polygon (even-odd rule).
    fn inside(poly: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
        let mut c = false;
        for (i, &(px, py)) in poly.iter().enumerate() {
            let (qx, qy) = poly.get(i + 1).copied().unwrap_or(poly[0]);
            if (py <= y && y < qy) || (qy <= y && y < py) {
                let cx = px + (y - py) * (qx - px) / (qy - py);
                if x < cx {
                    c = !c;
                }
            }
        }
        c
    }

    fn venn(n: usize) -> VennDiagram {
        VennDiagram {
            conditions: (0..n).map(|i| format!("C{i}")).collect(),
            regions: vec![],
            texts: VennTexts::english(),
            labels: RegionLabels::Count,
            font_size: 13.0,
        }
    }

    #[test]
    fn every_region_exists_with_room_for_a_label() {
        for n in 1..=MAX_SETS {
            let spots = venn(n).region_spots(600, 600);
            let codes: Vec<usize> = spots.iter().map(|s| s.code).collect();
            assert_eq!(codes, (0..1 << n).collect::<Vec<_>>(), "n = {n}");
            for s in &spots {
                assert!(s.clearance >= 5.0, "n = {n}: {s:?}");
            }
        }
    }

    #[test]
    fn the_label_spot_lies_in_its_region() {
        for n in 1..=MAX_SETS {
            let v = venn(n);
            let g = v.geometry(500.0, 500.0);
            let index = EdgeIndex::new(&g.shapes);
            for s in v.region_spots(500, 500) {
                assert_eq!(index.code_at((s.x, s.y)), s.code, "n = {n}");
                let slow = g
                    .shapes
                    .iter()
                    .enumerate()
                    .filter(|(_, poly)| inside(poly, (s.x, s.y)))
                    .fold(0, |acc, (k, _)| acc | (1 << k));
                assert_eq!(slow, s.code, "n = {n}");
            }
        }
    }

    #[test]
    fn rows_differing_only_in_undrawn_conditions_are_merged() {
        let row = |values: Vec<bool>, out: OutValue, cases: &[&str], covered: bool| VennRegion {
            values,
            out,
            cases: cases.iter().map(|c| (*c).to_string()).collect(),
            in_solution: covered,
        };
        let rows = [
            row(vec![true, true, true], OutValue::Positive, &["c1"], true),
            row(vec![false, true, false], OutValue::Positive, &["c3"], true),
            row(vec![true, true, false], OutValue::Negative, &["c2"], false),
            row(vec![false, false, false], OutValue::Remainder, &[], true),
            row(vec![false, false, true], OutValue::Remainder, &[], false),
            row(vec![true, false, true], OutValue::Positive, &["c4"], true),
            row(vec![true, false, false], OutValue::Positive, &["c5"], true),
        ];
        let merged = project_regions(&rows, &[0, 1]);
        let at = |v: [bool; 2]| {
            merged
                .iter()
                .find(|r| r.values == v)
                .unwrap_or_else(|| panic!("{v:?} missing"))
        };
        assert_eq!(merged.len(), 4);
        let both = at([true, true]);
        assert_eq!(both.out, OutValue::Contradiction);
        assert_eq!(both.cases, ["c1", "c2"]);
        assert!(!both.in_solution, "the observed row 110 is not covered");
        assert_eq!(
            (at([false, true]).out, at([false, true]).in_solution),
            (OutValue::Positive, true)
        );
        let empty = at([false, false]);
        assert_eq!((empty.out, empty.in_solution), (OutValue::Remainder, true));
        let a_only = at([true, false]);
        assert_eq!((a_only.out, a_only.in_solution), (OutValue::Positive, true));
        assert_eq!(a_only.cases, ["c4", "c5"]);
        // Every row kept: nothing merged.
        assert_eq!(project_regions(&rows, &[0, 1, 2]).len(), rows.len());
    }

    #[test]
    fn names_are_packed_without_breaking_a_short_name() {
        let names: Vec<String> = ["天长市", "阳西县", "定远县"].map(String::from).to_vec();
        let lines = pack_names(&names, 110.0, 13.0);
        assert_eq!(lines, vec!["天长市, 阳西县,", "定远县"]);
    }

    #[test]
    fn a_point_in_a_square_is_inside_and_one_outside_is_not() {
        let square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        assert!(inside(&square, (1.0, 1.0)));
        assert!(!inside(&square, (3.0, 1.0)));
    }

    #[test]
    fn chained_polygons_cover_every_run() {
        let v = venn(3);
        let g = v.geometry(300.0, 300.0);
        let rows = VennDiagram::scan(&g);
        let polygons = chain_runs(&rows, |code| code);
        let keys: std::collections::BTreeSet<usize> = polygons.iter().map(|p| p.0).collect();
        assert_eq!(keys.len(), 8);
    }

    #[test]
    fn no_solution_draws_no_outline_and_a_full_solution_only_the_frame() {
        let v = venn(2);
        let g = v.geometry(300.0, 300.0);
        assert!(solution_outline(&g, &|_| false).is_empty());
        let all: f64 = solution_outline(&g, &|_| true)
            .iter()
            .flat_map(|p| {
                p.windows(2)
                    .map(|w| (w[1].0 - w[0].0).abs() + (w[1].1 - w[0].1).abs())
            })
            .sum();
        let (l, t, r, b) = g.frame;
        assert!((all - 2.0 * ((r - l) + (b - t))).abs() < 1.0, "{all}");
    }
}
