//! Histogram of a raw column or of memberships, with optional vertical
//! guides (anchors, 0.5) and the count printed over each bar.
//!
//! Binning ([`Bins`]): explicit edges, a number of equal-width bins, or
//! the automatic rule — Sturges' ⌈log₂ n⌉ + 1 equal-width bins over the
//! data range. Every bin is half-open `[lo, hi)` except the last, which is
//! closed, so the maximum is counted; values outside the edges are not
//! counted. A column whose values are all equal gets one bin of width 1
//! (or 10% of the value) centred on it.
//!
//! # Example
//! ```
//! use plotters::prelude::*;
//! use policylens::charts::qca_histogram::*;
//!
//! let hist = HistogramChart {
//!     values: vec![1.0, 2.0, 2.5, 4.0],
//!     bins: Bins::Count(3),
//!     guides: vec![],
//!     texts: HistogramTexts::english("GDP"),
//!     font_size: 13.0,
//! };
//! assert_eq!(hist.bin_counts().iter().map(|b| b.count).collect::<Vec<_>>(), vec![1, 2, 1]);
//! let mut svg = String::new();
//! {
//!     let root = SVGBackend::with_string(&mut svg, (500, 300)).into_drawing_area();
//!     hist.draw(&root).unwrap();
//!     root.present().unwrap();
//! }
//! ```

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::qca_calibration::Guide;
use super::qca_common::{
    Axes, BLACK, GREY, SKY_BLUE, dash_length, finite_range, font_px, line_widths, numeric_axes,
    padded, text_style, text_width,
};

/// How the values are binned.
#[derive(Debug, Clone, PartialEq)]
pub enum Bins {
    /// Sturges' rule: ⌈log₂ n⌉ + 1 equal-width bins over the data range.
    Auto,
    /// This many equal-width bins over the data range (at least 1).
    Count(usize),
    /// Explicit edges, increasing (k + 1 edges for k bins); non-finite or
    /// non-increasing edges are dropped.
    Edges(Vec<f64>),
}

/// One bin and its count.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    /// Lower edge (inclusive).
    pub lo: f64,
    /// Upper edge (exclusive, inclusive for the last bin).
    pub hi: f64,
    /// Number of values in the bin.
    pub count: usize,
}

/// Every text of the histogram, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramTexts {
    /// Title; empty for none.
    pub title: String,
    /// X axis title (the column).
    pub x_label: String,
    /// Y axis title ("Number of cases").
    pub y_label: String,
}

impl HistogramTexts {
    /// English texts for a histogram of `x_label`.
    #[must_use]
    pub fn english(x_label: &str) -> Self {
        Self {
            title: String::new(),
            x_label: x_label.into(),
            y_label: "Number of cases".into(),
        }
    }
}

/// The histogram (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// The values; non-finite ones are ignored.
    pub values: Vec<f64>,
    /// The binning rule.
    pub bins: Bins,
    /// Vertical guides (anchors, the crossover).
    pub guides: Vec<Guide>,
    /// Texts in the user's language.
    pub texts: HistogramTexts,
    /// Font size in pixels.
    pub font_size: f64,
}

/// Upper bound on the number of bins (a guard against absurd requests).
pub const MAX_BINS: usize = 200;

impl HistogramChart {
    /// The bin edges the histogram uses (see the module documentation).
    /// O(n + bins).
    #[must_use]
    pub fn edges(&self) -> Vec<f64> {
        if let Bins::Edges(edges) = &self.bins {
            let mut kept: Vec<f64> = Vec::new();
            for &e in edges.iter().filter(|e| e.is_finite()) {
                if kept.last().is_none_or(|&last| e > last) {
                    kept.push(e);
                }
            }
            if kept.len() >= 2 {
                return kept;
            }
        }
        let finite: Vec<f64> = self
            .values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let (lo, hi) = finite_range(finite.iter().copied()).unwrap_or((0.0, 1.0));
        let (lo, hi) = if hi > lo {
            (lo, hi)
        } else {
            padded(lo, hi, 0.0)
        };
        let count = match &self.bins {
            Bins::Count(k) => (*k).clamp(1, MAX_BINS),
            _ => sturges(finite.len()),
        };
        let width = (hi - lo) / count as f64;
        (0..=count)
            .map(|i| {
                if i == count {
                    hi
                } else {
                    lo + width * i as f64
                }
            })
            .collect()
    }

    /// The bins with their counts. O(n log bins).
    #[must_use]
    pub fn bin_counts(&self) -> Vec<Bin> {
        let edges = self.edges();
        let mut bins: Vec<Bin> = edges
            .windows(2)
            .map(|w| Bin {
                lo: w[0],
                hi: w[1],
                count: 0,
            })
            .collect();
        let last = bins.len().saturating_sub(1);
        for &v in self.values.iter().filter(|v| v.is_finite()) {
            // Index of the first bin whose upper edge is above v.
            let i = bins.partition_point(|b| b.hi <= v);
            let index = match bins.get(i) {
                Some(bin) => (v >= bin.lo).then_some(i),
                None => bins.last().filter(|b| v == b.hi).map(|_| last),
            };
            if let Some(bin) = index.and_then(|k| bins.get_mut(k)) {
                bin.count += 1;
            }
        }
        bins
    }

    /// Draws the histogram on `area`.
    ///
    /// # Errors
    /// Any error of the drawing backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font = font_px(self.font_size);
        let (thin, _) = line_widths(font);
        let dash_len = |n: f64| dash_length(font, n);
        area.fill(&WHITE)?;
        let bins = self.bin_counts();
        let x_values = bins
            .iter()
            .flat_map(|b| [b.lo, b.hi])
            .chain(self.guides.iter().map(|g| g.value));
        let (lo, hi) = finite_range(x_values).unwrap_or((0.0, 1.0));
        let (x0, x1) = padded(lo, hi, 0.03);
        let max_count = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
        let y1 = max_count as f64 * 1.18 + 0.2;
        let chart = numeric_axes(
            area,
            Axes {
                title: &self.texts.title,
                x_label: &self.texts.x_label,
                y_label: &self.texts.y_label,
                x: x0..x1,
                y: 0.0..y1,
                font,
                bottom_extra: 0,
                top_extra: 0,
                integer_y: true,
            },
        )?;
        let plot = chart.plotting_area();
        // Guides first, so that the bars and counts lie over them.
        let base = area.get_base_pixel();
        for guide in self.guides.iter().filter(|g| g.value.is_finite()) {
            plot.draw(&DashedPathElement::new(
                vec![(guide.value, 0.0), (guide.value, y1)],
                dash_len(5.0),
                dash_len(4.0),
                GREY.stroke_width(thin),
            ))?;
            let (x, y) = chart.backend_coord(&(guide.value, y1));
            area.draw_text(
                &guide.label,
                &text_style(font * 0.85, BLACK, HPos::Left, VPos::Top),
                (x + 3 - base.0, y + 3 - base.1),
            )?;
        }
        for bin in &bins {
            if bin.count == 0 {
                continue;
            }
            let top = bin.count as f64;
            plot.draw(&Rectangle::new(
                [(bin.lo, 0.0), (bin.hi, top)],
                SKY_BLUE.filled(),
            ))?;
            plot.draw(&Rectangle::new(
                [(bin.lo, 0.0), (bin.hi, top)],
                BLACK.stroke_width(thin),
            ))?;
        }
        // Counts over the bars, when the bars are wide enough to hold them.
        for bin in bins.iter().filter(|b| b.count > 0) {
            let (l, top) = chart.backend_coord(&(bin.lo, bin.count as f64));
            let (r, _) = chart.backend_coord(&(bin.hi, 0.0));
            let text = bin.count.to_string();
            if f64::from(r - l) >= text_width(&text, font * 0.85) * 0.8 {
                area.draw_text(
                    &text,
                    &text_style(font * 0.85, BLACK, HPos::Center, VPos::Bottom),
                    ((l + r) / 2 - base.0, top - 2 - base.1),
                )?;
            }
        }
        Ok(())
    }
}

/// Sturges' number of bins for `n` values: ⌈log₂ n⌉ + 1 (1 for n ≤ 1).
#[must_use]
pub fn sturges(n: usize) -> usize {
    if n <= 1 {
        1
    } else {
        ((n as f64).log2().ceil() as usize + 1).min(MAX_BINS)
    }
}

impl super::Chart for HistogramChart {
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        HistogramChart::draw(self, area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hist(values: Vec<f64>, bins: Bins) -> HistogramChart {
        HistogramChart {
            values,
            bins,
            guides: vec![],
            texts: HistogramTexts::english("x"),
            font_size: 12.0,
        }
    }

    #[test]
    fn sturges_rule_gives_the_textbook_numbers() {
        assert_eq!(sturges(1), 1);
        assert_eq!(sturges(8), 4);
        assert_eq!(sturges(11), 5);
        assert_eq!(sturges(100), 8);
    }

    #[test]
    fn the_maximum_falls_in_the_last_bin() {
        let h = hist(vec![0.0, 0.5, 1.0], Bins::Edges(vec![0.0, 0.5, 1.0]));
        let counts: Vec<usize> = h.bin_counts().iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![1, 2]);
    }

    #[test]
    fn values_outside_explicit_edges_are_not_counted() {
        let h = hist(vec![-1.0, 0.2, 3.0], Bins::Edges(vec![0.0, 1.0]));
        assert_eq!(h.bin_counts()[0].count, 1);
    }

    #[test]
    fn equal_values_get_one_bin_around_them() {
        let h = hist(vec![3.0, 3.0], Bins::Auto);
        let bins = h.bin_counts();
        assert_eq!(bins.len(), 2); // Sturges(2) = 2 bins over 2.5..3.5
        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 2);
        assert!(bins[0].lo < 3.0 && bins[1].hi > 3.0);
    }

    proptest! {
        #[test]
        fn every_finite_value_is_counted_once_with_automatic_bins(
            values in proptest::collection::vec(-1e6f64..1e6, 0..60),
            k in 1usize..30,
        ) {
            for bins in [Bins::Auto, Bins::Count(k)] {
                let h = hist(values.clone(), bins);
                let total: usize = h.bin_counts().iter().map(|b| b.count).sum();
                prop_assert_eq!(total, values.len());
            }
        }
    }
}
