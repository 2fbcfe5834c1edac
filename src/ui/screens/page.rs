//! A read-only page that scrolls: a comparison of two assessments, built
//! from the same report document the Markdown export uses.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, Ctx, Outcome};
use crate::keymap::{Action, Context};
use crate::report::Document;
use crate::ui::document_lines;
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled, reading_area};
use crate::ui::widgets::inset;

use super::ExportTarget;

pub struct PageScreen {
    pub title: String,
    pub document: Document,
    /// What `x` writes to a file, on a page that can be exported.
    pub export: Option<ExportTarget>,
    pub scroll: u16,
    limit: ScrollLimit,
}

impl PageScreen {
    pub fn new(title: impl Into<String>, document: Document) -> Self {
        Self {
            title: title.into(),
            document,
            export: None,
            scroll: 0,
            limit: ScrollLimit::default(),
        }
    }

    pub fn with_export(mut self, target: ExportTarget) -> Self {
        self.export = Some(target);
        self
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Page]
    }

    pub fn handle(&mut self, action: Action, _cx: &mut Ctx<'_>) -> Outcome {
        let by = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => PAGE,
            Action::PageUp => -PAGE,
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Stay,
        };
        self.scroll = self.limit.step(self.scroll, by);
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let area = inset(area);
        let lines = document_lines(&self.document, app.theme, reading_area(area).width);
        draw_scrolled(frame, area, lines, self.scroll, &self.limit, app.theme);
    }
}
