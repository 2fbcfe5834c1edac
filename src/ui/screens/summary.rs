//! The summary worksheet: the summary document (`report::summary`, the
//! same builder as the report a coach sends) as one scrollable page.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::keymap::Action;
use crate::report::{Audience, summary};
use crate::ui::document_lines;

use super::worksheet::{Confirmation, SheetOutcome, SheetView};
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled, reading_area};

#[derive(Clone, Debug, Default)]
pub struct SummaryView {
    pub scroll: u16,
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
            _ => return SheetOutcome::Unhandled,
        };
        self.scroll = self.limit.step(self.scroll, by);
        SheetOutcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, view: &SheetView<'_>) {
        let document = summary(view.workbook, view.assessment, Audience::Sheet);
        let lines = document_lines(&document, view.theme, reading_area(area).width);
        draw_scrolled(frame, area, lines, self.scroll, &self.limit, view.theme);
    }
}
