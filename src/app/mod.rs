//! The yew application: state, components, browser glue and the one table
//! of user-visible text. Components and effects are browser only; the
//! state, its reducers and the text tables are pure and tested natively.
//!
//! The root component [`App`] owns the reducer ([`state::AppState`]) and
//! shares it through a context; components are one per file under
//! [`components`]; effects live in components, [`importer`] and [`browser`].
//!
//! # Sections
//! Each section (Data, Stakeholders, fsQCA, Report) is a component under
//! `components/` chosen in `components/app.rs`. It reads the shared state
//! with `use_context::<importer::AppContext>()`: the loaded table is
//! `ctx.loaded` ([`state::Loaded`]: `imported.dataset`, `summaries`,
//! `case_column` — the user's choice, which is not written into the
//! dataset), the language `ctx.lang`. Its text goes into [`i18n::Text`]
//! (one key, both languages) or a function in [`i18n`] for text with
//! values, or into the section's own table (`i18n::fsqca`,
//! `i18n::stakeholders`, `i18n::persist`); its own state changes through
//! the section's actions (`state::fsqca`, `state::stakeholders`,
//! `state::persist`), wired into [`state::Action`].

// Browser-only modules (effects, components): compiled for wasm only. The
// rest (state, i18n, run) is pure and also compiles and is tested natively.
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod download;
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod importer;
#[cfg(target_arch = "wasm32")]
pub mod persist;
pub mod run;
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod worker;

#[cfg(target_arch = "wasm32")]
pub use components::app::App;
