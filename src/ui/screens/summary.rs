//! The summary worksheet: the summary document (`report::summary`, the
//! same builder as the report a coach sends) as one scrollable page.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::keymap::Action;
use crate::report::summary_sheet;
use crate::ui::document_lines;

use super::worksheet::{Confirmation, SheetOutcome, SheetView};
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled, reading_area};

#[derive(Clone, Debug, Default)]
pub struct SummaryView {
    pub scroll: u16,
    /// Every recommended step, not only the first three.
    pub all_steps: bool,
    limit: ScrollLimit,
}

impl SummaryView {
    pub fn handle(&mut self, action: Action) -> SheetOutcome {
        let by = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -PAGE,
            Action::PageDown => PAGE,
            Action::Complete => return SheetOutcome::Confirm(Confirmation::Complete),
            Action::ShowAll => {
                self.all_steps = !self.all_steps;
                return SheetOutcome::Stay;
            }
            _ => return SheetOutcome::Unhandled,
        };
        self.scroll = self.limit.step(self.scroll, by);
        SheetOutcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let document = summary_sheet(view.workbook, view.assessment, self.all_steps);
        let lines = document_lines(&document, view.theme, reading_area(area).width);
        draw_scrolled(frame, area, lines, self.scroll, &self.limit, view.theme);
    }
}
