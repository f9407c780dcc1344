//! One component per file.

pub mod app;
pub mod case_column_picker;
pub mod chart_view;
pub mod column_summary;
pub mod data_section;
pub mod error_message;
pub mod examples_menu;
pub mod fsqca_section;
pub mod header;
pub mod import_options;
pub mod import_status;
pub mod language_switch;
pub mod not_available;
pub mod paste_box;
pub mod persist_bar;
pub mod preview_grid;
pub mod report_html;
pub mod report_section;
pub mod section_nav;
pub mod stakeholder_import;
pub mod stakeholder_models;
pub mod stakeholder_results;
pub mod stakeholder_table;
pub mod stakeholders_section;
pub mod table_info;
