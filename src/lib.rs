//! PolicyLens: stakeholder analysis and fuzzy-set QCA, in the browser.
pub mod analysis;
#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod charts;
