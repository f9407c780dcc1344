//! Charts: plain structs drawn by one function generic over plotters'
//! `DrawingBackend`, rendered to canvas in the app and to SVG natively.

pub mod qca_calibration;
pub mod qca_common;
pub mod qca_config_chart;
pub mod qca_histogram;
pub mod qca_truth_heatmap;
pub mod qca_venn;
pub mod qca_xy;
