//! handoff: a terminal coaching workbook about delegation.
//!
//! The domain (`content`, `assessment`, `store`) knows nothing of the
//! terminal, so another front end can reuse it as it is.

pub mod app;
pub mod assessment;
pub mod cli;
pub mod client_view;
pub mod content;
#[cfg(debug_assertions)]
pub mod fault_injection;
pub mod keymap;
pub mod opening;
pub mod plain;
pub mod report;
pub mod session;
pub mod store;
pub mod text;
pub mod timing_log;
pub mod tui;
pub mod ui;
