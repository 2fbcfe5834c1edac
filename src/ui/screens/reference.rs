//! Reference cards (`report::cards`), readable at any time. A wide
//! terminal lists the cards beside the open one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::{App, Ctx, Outcome};
use crate::content::Workbook;
use crate::keymap::{Action, Context};
use crate::report::cards::{Card, cards};
use crate::text::{sanitize_line, text_width};
use crate::ui::Theme;
use crate::ui::document_lines;
use crate::ui::widgets::{fit_words, scroll_to};

use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled, reading_area};

/// From this width the list of cards sits beside the open card.
const WIDE: u16 = 90;
/// The list's width at `WIDE`, and the least it takes.
const LIST_WIDTH: u16 = 32;

/// Columns the list of cards would like: every label whole after its
/// marker, and the border.
fn list_width(cards: &[Card]) -> u16 {
    let widest = cards
        .iter()
        .map(|card| (2 + text_width(&sanitize_line(&card.label))).max(text_width(card.group)))
        .max()
        .unwrap_or(0);
    u16::try_from(widest + 1)
        .unwrap_or(u16::MAX)
        .max(LIST_WIDTH)
}

pub struct ReferenceScreen {
    pub selected: usize,
    pub scroll: u16,
    count: usize,
    limit: ScrollLimit,
}

impl ReferenceScreen {
    pub fn new(workbook: &Workbook) -> Self {
        Self {
            selected: 0,
            scroll: 0,
            count: cards(workbook).len(),
            limit: ScrollLimit::default(),
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Reference]
    }

    pub fn handle(&mut self, action: Action, _cx: &mut Ctx<'_>) -> Outcome {
        match action {
            Action::Up => self.open(self.selected.saturating_sub(1)),
            Action::Down => self.open((self.selected + 1).min(self.count.saturating_sub(1))),
            Action::PageUp => self.scroll = self.limit.step(self.scroll, -PAGE),
            Action::PageDown => self.scroll = self.limit.step(self.scroll, PAGE),
            Action::Back => return Outcome::Pop,
            _ => {}
        }
        Outcome::Stay
    }

    /// Another card starts at its top; its length is known once drawn.
    fn open(&mut self, index: usize) {
        if index != self.selected {
            self.selected = index;
            self.scroll = 0;
            self.limit = ScrollLimit::default();
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let cards = cards(app.workbook());
        let Some(card) = cards.get(self.selected) else {
            return;
        };
        let wide = area.width >= WIDE;
        let area = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        let detail = if wide {
            // The card keeps at least what it had at the narrowest width
            // the list is shown at; a wider terminal gives long labels room.
            let most = area.width.saturating_sub(WIDE - 2 - LIST_WIDTH);
            let list_width = list_width(&cards).min(most);
            let [list, detail] =
                Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)])
                    .spacing(1)
                    .areas(area);
            self.draw_list(frame, list, &cards, theme);
            detail
        } else {
            area
        };
        let [header, _, body] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(detail);
        let header_lines = vec![
            Line::styled(
                format!(
                    "Card {} of {} · {}",
                    self.selected + 1,
                    cards.len(),
                    card.group
                ),
                theme.muted(),
            ),
            Line::styled(sanitize_line(&card.title), theme.title()),
        ];
        frame.render_widget(Paragraph::new(header_lines), header);
        let lines = document_lines(&card.body, theme, reading_area(body).width);
        draw_scrolled(frame, body, lines, self.scroll, &self.limit, theme);
    }

    /// Cards under their group headings; the open one marked with ▶ as
    /// well as reversed, so it shows without colour.
    fn draw_list(&self, frame: &mut Frame<'_>, area: Rect, cards: &[Card], theme: Theme) {
        let width = usize::from(area.width.saturating_sub(3));
        let mut lines = Vec::new();
        let mut focus = 0;
        for (index, card) in cards.iter().enumerate() {
            if index == 0 || cards[index - 1].group != card.group {
                if index > 0 {
                    lines.push(Line::from(""));
                }
                lines.push(Line::styled(card.group, theme.heading()));
            }
            let label = fit_words(&sanitize_line(&card.label), width);
            if index == self.selected {
                focus = lines.len();
                lines.push(Line::styled(format!("▶ {label}"), theme.selected()));
            } else {
                lines.push(Line::from(format!("  {label}")));
            }
        }
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        let scroll = scroll_to(focus, area.height);
        frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
    }
}
