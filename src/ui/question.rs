//! The app's own questions (see `App::question`), drawn over any screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::widgets::centered;
use super::wrap;
use crate::app::{App, Question};
use crate::keymap::{self, Action, Context};
use crate::text::sanitize_line;

/// Widest the box gets, so the question reads as a few lines.
const WIDTH: u16 = 64;

/// The keys that answer, as the key table names them: "y" and "n/Esc".
fn answer_keys(action: Action) -> String {
    keymap::active(&[Context::Confirm])
        .into_iter()
        .find(|binding| binding.action == action)
        .map(|binding| binding.keys_label(None))
        .unwrap_or_default()
}

/// The question and its answers as text, for a screen too small for the
/// box.
pub fn plain(app: &App) -> Option<String> {
    let (question, yes) = app.question_text()?;
    Some(format!(
        "{} ({} {yes}, {} stay.)",
        sanitize_line(&app.shareable(&question)),
        answer_keys(Action::Yes),
        answer_keys(Action::No)
    ))
}

pub fn draw(frame: &mut Frame<'_>, body: Rect, app: &App) {
    let Some((question, yes)) = app.question_text() else {
        return;
    };
    let question = sanitize_line(&app.shareable(&question));
    let width = WIDTH.min(body.width);
    let inner = width.saturating_sub(2);
    let theme = app.theme;
    // The question, a blank row, the answers.
    let mut lines: Vec<Line> = wrap::rows(&question, usize::from(inner))
        .into_iter()
        .map(|row| Line::styled(row.to_string(), theme.error()))
        .collect();
    lines.push(Line::from(""));
    let answers = Line::from(vec![
        Span::styled(answer_keys(Action::Yes), theme.key()),
        Span::raw(format!(" {yes}   ")),
        Span::styled(answer_keys(Action::No), theme.key()),
        Span::raw(" stay"),
    ]);
    lines.extend(wrap::line(answers, inner));
    // And the border.
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(body, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(match app.question {
            Some(Question::LeaveClientView) => " Client view ",
            _ => " Not saved ",
        });
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
