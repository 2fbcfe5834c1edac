//! Reference cards: the gap, its two directions, a scenario, the nearby
//! patterns, the two ways of handing over and related topics, readable at
//! any time. A wide terminal lists the cards beside the open one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::{App, Ctx, Outcome};
use crate::content::{Gap, Item, Modes, Workbook};
use crate::keymap::{Action, Context};
use crate::text::{quoted, sanitize, sanitize_line, text_width};
use crate::ui::Theme;
use crate::ui::widgets::{fit_words, scroll_to};

use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled};

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
            count: cards(workbook, Theme::PLAIN).len(),
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
        let cards = cards(app.workbook(), theme);
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
        draw_scrolled(
            frame,
            body,
            card.body.clone(),
            self.scroll,
            &self.limit,
            theme,
        );
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

struct Card {
    group: &'static str,
    /// The name in the list of cards.
    label: String,
    title: String,
    body: Vec<Line<'static>>,
}

fn cards(workbook: &Workbook, theme: Theme) -> Vec<Card> {
    let mut cards = vec![
        gap_card(&workbook.gap, theme),
        directions_card(&workbook.gap, theme),
        scenario_card(&workbook.gap, theme),
    ];
    cards.extend(
        workbook
            .patterns
            .iter()
            .map(|pattern| pattern_card(pattern, theme)),
    );
    cards.push(modes_card(&workbook.modes, theme));
    cards.extend(workbook.topics.iter().map(|topic| topic_card(topic, theme)));
    cards
}

fn card(group: &'static str, title: &str, text: CardText) -> Card {
    Card {
        group,
        label: title.to_string(),
        title: title.to_string(),
        body: text.lines,
    }
}

fn gap_card(gap: &Gap, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.heading(&gap.title);
    text.paragraph(&gap.summary);
    text.paragraph(&gap.explanation);
    text.heading("What it looks like");
    for characteristic in &gap.characteristics {
        text.bullet(characteristic);
    }
    text.heading("When it lasts");
    text.paragraph(&gap.when_it_lasts);
    card("The gap", "What the gap is", text)
}

fn directions_card(gap: &Gap, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.paragraph(&gap.summary);
    for (index, direction) in gap.directions.iter().enumerate() {
        text.heading(&format!("{}. {}", index + 1, direction.title));
        text.paragraph(&direction.summary);
        text.paragraph(&direction.explanation);
        text.prompts(&direction.prompts);
    }
    card("The gap", "The two directions", text)
}

fn scenario_card(gap: &Gap, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.paragraph(&gap.scenario);
    text.heading("Questions to sit with");
    text.prompts(&gap.scenario_prompts);
    card("The gap", "A short scenario", text)
}

fn pattern_card(pattern: &Item, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.paragraph(&pattern.summary);
    text.paragraph(&pattern.explanation);
    if let Some(difference) = &pattern.difference {
        text.blank();
        text.labelled("How it differs from the gap", difference);
    }
    text.prompts(&pattern.prompts);
    card("Nearby patterns", &pattern.title, text)
}

fn modes_card(modes: &Modes, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.heading(&modes.title);
    text.paragraph(&modes.summary);
    text.paragraph(&modes.explanation);
    for mode in &modes.modes {
        text.heading(&mode.title);
        text.paragraph(&mode.summary);
        text.labelled("Goal", &mode.goal);
        text.labelled("Mindset", &mode.mindset);
        // The example reads as the sentence it is ("Like a report …").
        text.bullet(&mode.example);
    }
    text.heading("Before you hand something over");
    text.prompts(std::slice::from_ref(&modes.question));
    text.heading("When only one is ever used");
    // Each line names its kind ("Always for performance: …").
    text.bullet(&modes.only_performance);
    text.bullet(&modes.only_learning);
    Card {
        label: "Performance or learning".to_string(),
        ..card(
            "Handing over",
            "Handing over for performance or learning",
            text,
        )
    }
}

fn topic_card(topic: &Item, theme: Theme) -> Card {
    let mut text = CardText::new(theme);
    text.paragraph(&topic.summary);
    text.paragraph(&topic.explanation);
    text.prompts(&topic.prompts);
    card("Related topics", &topic.title, text)
}

/// The body of a card; every text passes through `sanitize` here.
struct CardText {
    lines: Vec<Line<'static>>,
    theme: Theme,
    /// A paragraph right under a heading needs no blank line between.
    after_heading: bool,
}

impl CardText {
    fn new(theme: Theme) -> Self {
        Self {
            lines: Vec::new(),
            theme,
            after_heading: false,
        }
    }

    fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
        self.after_heading = false;
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|line| line.width() > 0) {
            self.push(Line::from(""));
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        self.push(Line::styled(sanitize_line(text), self.theme.heading()));
        self.after_heading = true;
    }

    /// A paragraph set off from the one before by a blank line.
    fn paragraph(&mut self, text: &str) {
        if !self.after_heading {
            self.blank();
        }
        for line in sanitize(text).lines() {
            self.push(Line::styled(line.to_string(), self.theme.text()));
        }
    }

    fn bullet(&mut self, text: &str) {
        self.push(Line::from(format!("• {}", sanitize_line(text))));
    }

    fn labelled(&mut self, label: &str, text: &str) {
        self.push(Line::from(vec![
            Span::styled(format!("{label}: "), self.theme.heading()),
            Span::raw(sanitize_line(text)),
        ]));
    }

    fn prompts(&mut self, prompts: &[String]) {
        if !self.after_heading {
            self.blank();
        }
        for prompt in prompts {
            self.push(Line::styled(
                quoted(&sanitize_line(prompt)),
                self.theme.prompt(),
            ));
        }
    }
}
