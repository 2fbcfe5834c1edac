//! Drawing. Everything here reads the `App` and draws it; nothing here
//! changes state, so any screen can be drawn into a test backend from a
//! hand-built app.

mod document;
mod editor;
mod frame;
pub mod grid;
mod question;
pub mod rows;
pub mod screens;
pub mod scroll;
mod theme;
pub mod widgets;
pub mod wrap;

pub use document::lines as document_lines;
pub use editor::Editor;
pub use frame::{MIN_HEIGHT, MIN_WIDTH, body_area, draw};
pub use theme::Theme;
