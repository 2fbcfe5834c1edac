//! A grid of cells with headings on both sides, for the team sheet: the
//! ratings per person, the competence map and the decision rights. The row
//! headings and the column headings stay in view; the rows and columns
//! scroll so the focused cell always shows, and an arrow at an edge says
//! more lies that way.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Theme;
use super::widgets::fit_words;
use crate::text::{sanitize_line, text_width};

pub struct Grid {
    /// What the row headings are (shown above them).
    pub corner: String,
    pub columns: Vec<String>,
    pub rows: Vec<String>,
    /// One string per row and column.
    pub cells: Vec<Vec<String>>,
    /// The focused row and column; column 0 is the row's heading, 1 on
    /// the cells. `None` draws nothing focused.
    pub focus: Option<(usize, usize)>,
}

/// The widest a column of cells gets, and the narrowest.
const CELL_MOST: usize = 10;
const CELL_LEAST: usize = 4;
const HEADING_MOST: usize = 22;

impl Grid {
    /// Rows the whole grid would take: its headings and a row each.
    pub fn height(&self) -> u16 {
        u16::try_from(self.rows.len() + 1).unwrap_or(u16::MAX)
    }

    fn heading_width(&self, area: Rect) -> usize {
        let widest = self
            .rows
            .iter()
            .chain(std::iter::once(&self.corner))
            .map(|text| text_width(&sanitize_line(text)))
            .max()
            .unwrap_or(0);
        // The marker of the focused row, and a space before the cells.
        (widest + 3).clamp(8, HEADING_MOST.min(usize::from(area.width) / 3).max(8))
    }

    fn cell_width(&self) -> usize {
        let widest = self
            .columns
            .iter()
            .map(|text| text_width(&sanitize_line(text)))
            .chain(self.cells.iter().flatten().map(|text| text_width(text)))
            .max()
            .unwrap_or(0);
        (widest + 1).clamp(CELL_LEAST, CELL_MOST)
    }

    pub fn draw(&self, buffer: &mut Buffer, area: Rect, theme: Theme) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let heading = self.heading_width(area);
        let cell = self.cell_width();
        let room = usize::from(area.width).saturating_sub(heading);
        let shown_columns = (room / cell).max(1);
        let shown_rows = usize::from(area.height - 1).max(1);
        let (focus_row, focus_column) = self.focus.unwrap_or((0, 0));
        let first_column = first_in_view(
            focus_column.saturating_sub(1),
            shown_columns,
            self.columns.len(),
        );
        let first_row = first_in_view(focus_row, shown_rows, self.rows.len());
        let last_column = (first_column + shown_columns).min(self.columns.len());
        let last_row = (first_row + shown_rows).min(self.rows.len());

        // The headings row: what the rows are, then a heading per column,
        // with ‹ and › where columns lie out of view.
        let mut x = area.x;
        put(
            buffer,
            x,
            area.y,
            &fit(&self.corner, heading),
            heading,
            theme.heading(),
        );
        x += heading as u16;
        for column in first_column..last_column {
            let mut text = fit(&self.columns[column], cell - 1);
            if column == first_column && first_column > 0 {
                text = format!("‹{}", fit(&self.columns[column], cell - 2));
            }
            if column + 1 == last_column && last_column < self.columns.len() {
                text = format!("{}›", fit(&self.columns[column], cell - 2));
            }
            let style = if self.focus.is_some() && column + 1 == focus_column {
                theme.selected()
            } else {
                theme.heading()
            };
            put(buffer, x, area.y, &text, cell - 1, style);
            x += cell as u16;
        }

        for (offset, row) in (first_row..last_row).enumerate() {
            let y = area.y + 1 + offset as u16;
            let focused_row = self.focus.is_some() && row == focus_row;
            let mut marker = if focused_row { "▶ " } else { "  " };
            if offset == 0 && first_row > 0 {
                marker = "↑ ";
            } else if offset + 1 == last_row - first_row && last_row < self.rows.len() {
                marker = "↓ ";
            }
            let heading_style = if focused_row && focus_column == 0 {
                theme.selected()
            } else if focused_row {
                theme.heading()
            } else {
                Style::new()
            };
            put(buffer, area.x, y, marker, 2, theme.key());
            put(
                buffer,
                area.x + 2,
                y,
                &fit(&self.rows[row], heading - 3),
                heading - 3,
                heading_style,
            );
            let mut x = area.x + heading as u16;
            for column in first_column..last_column {
                let text = self
                    .cells
                    .get(row)
                    .and_then(|cells| cells.get(column))
                    .map_or("", String::as_str);
                let focused = focused_row && focus_column == column + 1;
                let style = if focused {
                    theme.selected()
                } else {
                    Style::new()
                };
                let shown = if focused && text.is_empty() {
                    "_"
                } else {
                    text
                };
                put(buffer, x, y, &fit(shown, cell - 1), cell - 1, style);
                x += cell as u16;
            }
        }
    }
}

/// The first of `len` things to show in `room` places so `focus` shows.
fn first_in_view(focus: usize, room: usize, len: usize) -> usize {
    if len <= room {
        0
    } else {
        focus.saturating_sub(room - 1).min(len - room)
    }
}

fn fit(text: &str, width: usize) -> String {
    fit_words(&sanitize_line(text), width)
}

/// Writes `text` at (x, y), padded with spaces to `width` columns, all in
/// `style`.
fn put(buffer: &mut Buffer, x: u16, y: u16, text: &str, width: usize, style: Style) {
    let area = buffer.area;
    if y >= area.bottom() || x >= area.right() {
        return;
    }
    let room = usize::from(area.right() - x).min(width);
    let padded = format!("{text:<room$}");
    buffer.set_stringn(x, y, padded, room, style);
}
