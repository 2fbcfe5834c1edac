//! A rated worksheet: one item at a time with its scale, prompt and note;
//! on a wide terminal the list of items sits beside it.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph};

use crate::assessment::{Field, Rated};
use crate::content::{Scale, Workbook};
use crate::keymap::{self, Action, Context};
use crate::text::{quoted, sanitize, sanitize_line, text_width};
use crate::ui::scroll::{PAGE, ScrollLimit, draw_scrolled, reading_area};
use crate::ui::widgets::{scale_lines, split_bottom};
use crate::ui::wrap;

use super::worksheet::{SheetOutcome, SheetView};
use crate::session::{Session, Sheet};

/// The words shown for one rated thing, gathered from content.
pub struct RowText {
    pub title: String,
    pub summary: String,
    pub prompts: Vec<String>,
    pub explanation: String,
    pub question: String,
    pub extra: Vec<String>,
    /// How the item shows up on the other side of the gap, and a question
    /// for a leader there: after the item's own prompts, so a leader who
    /// hands off too fast finds something that speaks to them too.
    pub other_direction: Option<String>,
    pub other_prompt: Option<String>,
    pub scale: Scale,
}

pub fn row_text(workbook: &Workbook, rated: &Rated) -> RowText {
    match rated {
        Rated::Placement => {
            let gap = &workbook.gap;
            let mut extra = Vec::new();
            for (side, direction) in ["Low end", "High end"].iter().zip(&gap.directions) {
                extra.push(format!(
                    "{side} — {}: {}",
                    direction.title, direction.summary
                ));
            }
            RowText {
                title: "Where you sit".to_string(),
                summary: gap.summary.clone(),
                prompts: gap
                    .directions
                    .iter()
                    .flat_map(|d| d.prompts.first().cloned())
                    .collect(),
                explanation: gap.explanation.clone(),
                question: gap.placement_question.clone(),
                extra,
                other_direction: None,
                other_prompt: None,
                scale: gap.placement_scale.clone(),
            }
        }
        Rated::Item(kind, id) => {
            let section = workbook.section(*kind);
            let item = section.item(id);
            let mut extra = Vec::new();
            if let Some(who) = item.and_then(|item| item.who.as_ref()) {
                extra.push(format!("Who can help: {who}"));
            }
            RowText {
                title: item.map_or_else(|| id.clone(), |item| item.title.clone()),
                summary: item.map(|item| item.summary.clone()).unwrap_or_default(),
                prompts: item.map(|item| item.prompts.clone()).unwrap_or_default(),
                explanation: item
                    .map(|item| item.explanation.clone())
                    .unwrap_or_default(),
                question: section.question.clone(),
                extra,
                other_direction: item.and_then(|item| item.other_direction.clone()),
                other_prompt: item.and_then(|item| item.other_prompt.clone()),
                scale: section.scale.clone(),
            }
        }
    }
}

/// From this width the list of items sits beside the current one.
const LIST_BESIDE_FROM: u16 = 80;

/// The fewest columns the current item keeps beside the list: what it has
/// where the list first appears, so the longest scale labels still fit.
const DETAIL_MIN_WIDTH: u16 = 45;

/// Columns the list of items would like: its longest title or answer
/// label whole, a space, and its border.
fn list_width(workbook: &Workbook, rows: &[Rated]) -> u16 {
    let widest = rows
        .iter()
        .map(|rated| {
            let text = row_text(workbook, rated);
            let title = 2 + text_width(&sanitize_line(&text.title));
            let labels = text
                .scale
                .points
                .iter()
                .map(|point| point.label.as_str())
                .chain([NOT_RATED_YET, SKIPPED])
                .map(|label| 3 + text_width(&sanitize_line(label)))
                .max()
                .unwrap_or(0);
            title.max(labels)
        })
        .max()
        .unwrap_or(0);
    u16::try_from(widest + 2).unwrap_or(u16::MAX)
}

/// The list of items, where there is room for it, and the part of the
/// sheet that shows the current item. The list takes the width its titles
/// need while the item keeps `DETAIL_MIN_WIDTH`; narrower, titles wrap.
fn columns(area: Rect, workbook: &Workbook, rows: &[Rated]) -> (Option<Rect>, Rect) {
    if area.width < LIST_BESIDE_FROM {
        return (None, reading_area(area));
    }
    let width = list_width(workbook, rows).min(area.width.saturating_sub(DETAIL_MIN_WIDTH + 1));
    let list = Rect { width, ..area };
    let detail = Rect {
        x: area.x + width + 1,
        width: area.width - width - 1,
        ..area
    };
    (Some(list), reading_area(detail))
}

const NOT_RATED_YET: &str = "not rated yet";
const SKIPPED: &str = "skipped";

#[derive(Clone, Debug, Default)]
pub struct RatedView {
    pub selected: usize,
    /// The whole item, with its longer explanation, replaces the scale and
    /// note while shown.
    pub explain: bool,
    scroll: u16,
    limit: ScrollLimit,
    /// Where the scale was last drawn and its top point, so a click rates
    /// the point it lands on, wherever the layout put it.
    drawn_scale: Cell<Option<(Rect, u8)>>,
}

impl RatedView {
    pub fn handle(
        &mut self,
        sheet: Sheet,
        action: Action,
        workbook: &Workbook,
        session: &mut Session,
    ) -> SheetOutcome {
        let rows = sheet.rated(workbook);
        let Some(current) = rows.get(self.selected).cloned() else {
            return SheetOutcome::Stay;
        };
        match action {
            Action::Up => self.move_to(self.selected.saturating_sub(1)),
            Action::Down => self.move_to((self.selected + 1).min(rows.len() - 1)),
            Action::Rate(value) => return session.rate(workbook, &current, value).into(),
            Action::Left => return session.step_rating(workbook, &current, false).into(),
            Action::Right => return session.step_rating(workbook, &current, true).into(),
            Action::ClearRating => return session.clear_rating(&current).into(),
            Action::EditNote => return SheetOutcome::Edit(Field::Note(current)),
            Action::ToggleExplanation => {
                self.explain = !self.explain;
                self.scroll = 0;
            }
            Action::PageDown if self.explain => self.scroll = self.limit.step(self.scroll, PAGE),
            Action::PageUp if self.explain => self.scroll = self.limit.step(self.scroll, -PAGE),
            _ => return SheetOutcome::Unhandled,
        }
        SheetOutcome::Stay
    }

    fn move_to(&mut self, index: usize) {
        if index != self.selected {
            self.selected = index;
            self.explain = false;
            self.scroll = 0;
        }
    }

    /// The point of the scale drawn at screen row `row`, column `column`,
    /// as last drawn; none while the scale is not on screen.
    pub fn point_at(&self, column: u16, row: u16) -> Option<u8> {
        let (scale, max) = self.drawn_scale.get()?;
        let inside =
            (scale.x..scale.right()).contains(&column) && (scale.y..scale.bottom()).contains(&row);
        let value = u8::try_from(row.checked_sub(scale.y)?).ok()?;
        (inside && value <= max).then_some(value)
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, cx: &SheetView<'_>) {
        self.drawn_scale.set(None);
        let theme = cx.theme;
        let rows = cx.sheet.rated(cx.workbook);
        let Some(current) = rows.get(self.selected) else {
            return;
        };
        let (list, detail) = columns(area, cx.workbook, &rows);
        if let Some(list) = list {
            self.draw_list(frame, list, &rows, cx);
        }
        let text = row_text(cx.workbook, current);
        let note_rows = note_rows(current.note(cx.assessment).is_empty(), cx.editor.is_some());
        let parts = detail_layout(detail, &text, self.explain, note_rows);
        let rating = current.rating(cx.assessment);

        let position = format!("{} of {}", self.selected + 1, rows.len());
        let title = Line::from(vec![
            Span::styled(sanitize_line(&text.title), theme.heading()),
            Span::styled(format!("   {position}"), theme.muted()),
        ]);
        let mut body = vec![title];
        if self.explain {
            // Everything there is to read about the item, so a small
            // terminal that cut the text beside the scale loses nothing.
            body.push(Line::from(sanitize(&text.summary)));
            for extra in &text.extra {
                body.push(Line::styled(sanitize(extra), theme.muted()));
            }
            body.push(Line::from(""));
            body.extend(
                sanitize(&text.explanation)
                    .lines()
                    .map(|line| Line::from(line.to_string())),
            );
            body.push(Line::from(""));
            for prompt in &text.prompts {
                body.push(Line::styled(quoted(&sanitize(prompt)), theme.prompt()));
            }
            if text.other_direction.is_some() || text.other_prompt.is_some() {
                body.push(Line::from(""));
                push_other_side(&mut body, &text, theme);
            }
            body.push(Line::styled(
                format!(
                    "Press {} to go back to the scale.",
                    keymap::key_for(Context::Rated, Action::ToggleExplanation)
                ),
                theme.muted(),
            ));
            draw_scrolled(frame, detail, body, self.scroll, &self.limit, theme);
            return;
        } else {
            body.push(Line::from(sanitize(&text.summary)));
            for extra in &text.extra {
                body.push(Line::styled(sanitize(extra), theme.muted()));
            }
            for prompt in &text.prompts {
                body.push(Line::styled(quoted(&sanitize(prompt)), theme.prompt()));
            }
            push_other_side(&mut body, &text, theme);
        }
        let mut text_area = parts.text;
        if parts.text_is_cut && text_area.height >= 2 {
            let [shown, more] = split_bottom(text_area, 1);
            text_area = shown;
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(
                        "… more: press {} to read it all",
                        keymap::key_for(Context::Rated, Action::ToggleExplanation)
                    ),
                    theme.muted(),
                )),
                more,
            );
        }
        frame.render_widget(
            Paragraph::new(wrap::lines(body, text_area.width)),
            text_area,
        );
        let question = Line::styled(sanitize_line(&text.question), theme.heading());
        frame.render_widget(
            Paragraph::new(wrap::line(question, parts.question.width)),
            parts.question,
        );
        frame.render_widget(
            Paragraph::new(scale_lines(&text.scale, rating, true, theme)),
            parts.scale,
        );
        self.drawn_scale.set(Some((parts.scale, text.scale.max())));

        match cx.editor {
            Some(editor) => editor.draw(frame, parts.note),
            None => {
                let note = current.note(cx.assessment);
                let lines = if note.is_empty() {
                    vec![Line::styled(
                        if cx.read_only {
                            "No note.".to_string()
                        } else {
                            format!(
                                "No note yet. Press {} to add one.",
                                keymap::key_for(Context::Rated, Action::EditNote)
                            )
                        },
                        theme.muted(),
                    )]
                } else {
                    sanitize(note)
                        .lines()
                        .map(|line| Line::from(line.to_string()))
                        .collect()
                };
                let block = Block::new()
                    .borders(Borders::TOP)
                    .border_style(theme.border())
                    .title(" Note ");
                frame.render_widget(
                    Paragraph::new(wrap::lines(lines, parts.note.width)).block(block),
                    parts.note,
                );
            }
        }
    }

    fn draw_list(&self, frame: &mut Frame<'_>, area: Rect, rows: &[Rated], cx: &SheetView<'_>) {
        let theme = cx.theme;
        let items: Vec<ListItem> = rows
            .iter()
            .map(|rated| {
                let text = row_text(cx.workbook, rated);
                let rating = rated.rating(cx.assessment);
                let mark = if rating.is_some() { "●" } else { "○" };
                let label = match rating.and_then(|value| text.scale.label(value)) {
                    Some(label) => label.to_string(),
                    // Left unrated in a completed assessment, it was skipped;
                    // in a draft it may simply not be reached yet.
                    None if cx.read_only => SKIPPED.to_string(),
                    None => NOT_RATED_YET.to_string(),
                };
                // A title wider than the list goes on under itself rather
                // than being cut: the list is how a person finds an item.
                let title_width = usize::from(area.width.saturating_sub(4)).max(1);
                let mut lines: Vec<Line> = wrap::rows(&sanitize_line(&text.title), title_width)
                    .into_iter()
                    .enumerate()
                    .map(|(row, words)| {
                        let lead = if row == 0 { mark } else { " " };
                        Line::from(format!("{lead} {words}"))
                    })
                    .collect();
                lines.push(Line::styled(
                    format!("   {}", sanitize_line(&label)),
                    theme.muted(),
                ));
                ListItem::new(lines)
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        let block = Block::new()
            .borders(Borders::RIGHT)
            .border_style(theme.border());
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected()),
            area,
            &mut state,
        );
    }
}

/// The other side of the gap: its text as it reads, its question quoted
/// like the item's own prompts.
fn push_other_side(body: &mut Vec<Line<'static>>, text: &RowText, theme: crate::ui::Theme) {
    if let Some(other) = &text.other_direction {
        body.push(Line::styled(sanitize(other), theme.muted()));
    }
    if let Some(prompt) = &text.other_prompt {
        body.push(Line::styled(quoted(&sanitize(prompt)), theme.prompt()));
    }
}

struct DetailParts {
    text: Rect,
    /// The terminal is too small for the whole text above the scale.
    text_is_cut: bool,
    question: Rect,
    scale: Rect,
    note: Rect,
}

/// The fewest rows the note keeps: an open editor or a written note needs
/// four; "No note yet" needs two, and on a small terminal the rows it does
/// not take go to the item's text.
fn note_rows(note_is_empty: bool, editing: bool) -> u16 {
    if note_is_empty && !editing { 2 } else { 4 }
}

/// Text first, sized to what it needs; then the question and scale; the
/// note takes what is left (at least `note_rows`).
fn detail_layout(area: Rect, text: &RowText, explain: bool, note_rows: u16) -> DetailParts {
    let wrapped_height = |text: &str, width: u16| {
        u16::try_from(wrap::rows(text, usize::from(width)).len()).unwrap_or(u16::MAX)
    };
    let points = text.scale.points.len() as u16;
    let question_height = wrapped_height(&text.question, area.width);
    let mut paragraphs = vec![text.title.clone()];
    paragraphs.push(text.summary.clone());
    paragraphs.extend(text.extra.iter().cloned());
    if explain {
        paragraphs.push(String::new());
        paragraphs.extend(text.explanation.lines().map(str::to_string));
    }
    paragraphs.extend(text.prompts.iter().map(|prompt| quoted(prompt)));
    paragraphs.extend(text.other_direction.iter().cloned());
    paragraphs.extend(text.other_prompt.iter().map(|prompt| quoted(prompt)));
    let needed: u16 = paragraphs
        .iter()
        .map(|line| wrapped_height(line, area.width))
        .sum();
    // And a blank row before the question, where there is room for it.
    let wanted = needed + 1;
    let room = area
        .height
        .saturating_sub(question_height + points + note_rows);
    let [text_area, question, scale, note] = Layout::vertical([
        Constraint::Length(wanted.min(room)),
        Constraint::Length(question_height),
        Constraint::Length(points),
        Constraint::Fill(1),
    ])
    .areas(area);
    DetailParts {
        text: text_area,
        text_is_cut: needed > room,
        question,
        scale,
        note,
    }
}
