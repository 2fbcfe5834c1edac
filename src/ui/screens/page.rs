//! A read-only page that scrolls: a comparison of two assessments, built
//! from the same report document the Markdown export uses. Its lines are
//! set in columns and bars rather than prose, so it is drawn across the
//! whole width.

use ratatui::Frame;
use std::cell::RefCell;

use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::{App, Ctx, Outcome};
use crate::keymap::{Action, Context};
use crate::report::Document;
use crate::ui::document_lines;
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled_across};
use crate::ui::widgets::inset;
use crate::ui::wrap;

use super::ExportTarget;

pub struct PageScreen {
    pub title: String,
    pub document: Document,
    /// What `x` writes to a file, on a page that can be exported.
    pub export: Option<ExportTarget>,
    pub scroll: u16,
    limit: ScrollLimit,
    /// The page's lines at the width last drawn: the document never
    /// changes, so they are laid out again only when the width does.
    laid_out: RefCell<Option<(u16, Vec<Line<'static>>)>>,
}

impl PageScreen {
    pub fn new(title: impl Into<String>, document: Document) -> Self {
        Self {
            title: title.into(),
            document,
            export: None,
            scroll: 0,
            limit: ScrollLimit::default(),
            laid_out: RefCell::new(None),
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
        let mut laid_out = self.laid_out.borrow_mut();
        let lines = match &*laid_out {
            Some((width, lines)) if *width == area.width => lines.clone(),
            _ => {
                let lines = wrap::lines(
                    document_lines(&self.document, app.theme, area.width),
                    area.width,
                );
                *laid_out = Some((area.width, lines.clone()));
                lines
            }
        };
        draw_scrolled_across(frame, area, lines, self.scroll, &self.limit, app.theme);
    }
}
