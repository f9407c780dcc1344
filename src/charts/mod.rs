//! Charts: plain structs drawn by one function generic over plotters'
//! `DrawingBackend`, rendered to canvas in the app and to SVG natively.
//!
//! Every chart holds its data and *all* its text (title, axis labels,
//! legend), passed in by the caller so that it can be English or Chinese.
//! Colours are the colour-blind-safe Okabe–Ito palette, always repeated by
//! a shape or a pattern so the charts survive greyscale print.

mod bars;
mod draw;
pub mod layout;
pub mod palette;
mod stakeholder_custom;
mod stakeholder_feasibility;
mod stakeholder_grid;
mod stakeholder_position;
mod stakeholder_radar;
mod stakeholder_stability;
mod stakeholder_venn;
mod svg;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};

pub use palette::{Shape, Stance};
pub use stakeholder_custom::{CustomScoreChart, CustomScoreRow};
pub use stakeholder_feasibility::{FeasibilityBar, FeasibilityChart};
pub use stakeholder_grid::{Bubble, PowerInterestChart};
pub use stakeholder_position::{PositionMapChart, PositionMapPlayer};
pub use stakeholder_radar::{RadarChart, RadarSeries};
pub use stakeholder_stability::{StabilityChart, StabilityRow};
pub use stakeholder_venn::{SalienceVennChart, VennMember};
pub use svg::{ChartError, render_svg};

/// A chart: data and options, drawn on any plotters backend.
pub trait Chart {
    /// Draws the chart on `area`, filling it.
    ///
    /// # Errors
    /// The backend's drawing error.
    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>;
}

// fsQCA charts.
pub mod qca_calibration;
pub mod qca_common;
pub mod qca_config_chart;
pub mod qca_histogram;
pub mod qca_truth_heatmap;
pub mod qca_venn;
pub mod qca_xy;

pub use qca_calibration::{CalibrationCase, CalibrationChart, CalibrationTexts, Guide};
pub use qca_common::OutValue;
pub use qca_config_chart::{
    Configuration, ConfigurationChart, ConfigurationTexts, Presence, SolutionFit,
};
pub use qca_histogram::{Bin, Bins, HistogramChart, HistogramTexts};
pub use qca_truth_heatmap::{HeatmapRow, HeatmapTexts, TruthTableHeatmap};
pub use qca_venn::{RegionLabels, RegionSpot, VennDiagram, VennRegion, VennTexts};
pub use qca_xy::{CasePosition, XyCase, XyPlot, XyTexts};
