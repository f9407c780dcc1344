//! The yew application (browser only): state, components, browser glue and
//! the one table of user-visible text.
//!
//! The root component [`App`] owns the reducer ([`state::AppState`]) and
//! shares it through a context; components are one per file under
//! [`components`]; effects live in components, [`importer`] and [`browser`].

pub mod browser;
pub mod components;
pub mod i18n;
pub mod importer;
pub mod state;

pub use components::app::App;
