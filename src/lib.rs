//! PolicyLens: stakeholder analysis and fuzzy-set QCA, in the browser.
pub mod analysis;
pub mod app;
pub mod charts;
