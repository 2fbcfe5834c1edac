//! Long text that scrolls: drawing it clamped to its end, and knowing,
//! when a key arrives, how far it may go.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Theme, wrap};
use crate::keymap::{self, Action, Context};

/// Lines moved by PageUp/PageDown: most of the smallest body, so a page
/// turn keeps a little context.
pub const PAGE: i32 = 10;

/// How far a text may scroll, learnt when it was last drawn: a key is
/// handled without knowing the area, so the drawing leaves the answer here.
/// Until the first drawing there is no limit to apply.
#[derive(Clone, Debug, Default)]
pub struct ScrollLimit(pub Cell<Option<u16>>);

impl ScrollLimit {
    pub fn step(&self, scroll: u16, by: i32) -> u16 {
        let max = self.0.get().map_or(i32::from(u16::MAX), i32::from);
        (i32::from(scroll) + by).clamp(0, max) as u16
    }
}

/// The widest a column of prose is drawn: on a wide terminal, lines of
/// 150 characters and more are hard to follow from one to the next.
pub const READING_WIDTH: u16 = 100;

/// The left part of `area` that prose is drawn in.
pub fn reading_area(area: Rect) -> Rect {
    Rect {
        width: area.width.min(READING_WIDTH),
        ..area
    }
}

/// Draws the lines, wrapped, from `scroll`, clamped so the end of the text
/// stays at the bottom. When the text overflows, the last row says whether
/// more follows, so the scroll position never rests on colour or guesswork.
pub fn draw_scrolled(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    limit: &ScrollLimit,
    theme: Theme,
) {
    draw_scrolled_across(frame, reading_area(area), lines, scroll, limit, theme);
}

/// [`draw_scrolled`] across the whole of `area`, for a page whose lines
/// are set in columns (a comparison) rather than prose.
pub fn draw_scrolled_across(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    limit: &ScrollLimit,
    theme: Theme,
) {
    let lines = wrap::lines(lines, area.width);
    let height = lines.len();
    if height <= usize::from(area.height) {
        limit.0.set(Some(0));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let [text, more] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let max = u16::try_from(height - usize::from(text.height)).unwrap_or(u16::MAX);
    limit.0.set(Some(max));
    let scroll = scroll.min(max);
    // Only the rows on screen are handed to the paragraph.
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(text.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), text);
    let marker = if scroll < max {
        format!(
            "▼ more below ({})",
            keymap::key_for(Context::Page, Action::PageDown)
        )
    } else {
        format!(
            "▲ end of the page ({} goes back)",
            keymap::key_for(Context::Page, Action::PageUp)
        )
    };
    frame.render_widget(Paragraph::new(Line::styled(marker, theme.muted())), more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_the_limit_once_drawn() {
        let limit = ScrollLimit::default();
        assert_eq!(limit.step(0, -1), 0);
        assert_eq!(limit.step(0, PAGE), 10, "no limit before the first drawing");
        limit.0.set(Some(4));
        assert_eq!(limit.step(3, PAGE), 4);
        assert_eq!(limit.step(4, -1), 3);
    }
}
