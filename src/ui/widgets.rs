//! Small drawing pieces shared by screens.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Editor, Theme, wrap};
use crate::content::Scale;
use crate::keymap::{self, Action, Binding, Context};
use crate::text::text_width;

/// What a person most needs to see when the footer is short: how to finish
/// what they are doing, how to move on, then the rest.
fn footer_rank(action: Action) -> u8 {
    match action {
        Action::FinishEditing
        | Action::CancelEditing
        | Action::NewLine
        | Action::Yes
        | Action::No => 0,
        Action::Rate(_) | Action::Select | Action::Right | Action::Complete => 1,
        Action::NextSheet | Action::NextField | Action::NextPart => 2,
        Action::EditNote | Action::Add => 3,
        Action::Up | Action::Down => 4,
        Action::Quit => 9,
        _ => 5,
    }
}

/// `area` cut into its top `height` rows (fewer if it has fewer) and the
/// rows below them.
///
/// This and [`split_bottom`] do with a subtraction what ratatui's `Layout`
/// does with a constraint solver. For the two layouts every start draws
/// (the frame's rows, the People screen's) the solver costs 845,000
/// instructions, two thirds of drawing the first frame and about 0.3 ms of
/// starting at 80×24 (docs/PERFORMANCE.md). `Layout` caches what it
/// solves, so only the first frame at each size would pay it, but every
/// start draws one.
pub fn split_top(area: Rect, height: u16) -> [Rect; 2] {
    let height = height.min(area.height);
    [
        Rect { height, ..area },
        Rect {
            y: area.y + height,
            height: area.height - height,
            ..area
        },
    ]
}

/// `area` cut into the rows above its bottom `height` rows (fewer if it
/// has fewer) and those rows; see [`split_top`].
pub fn split_bottom(area: Rect, height: u16) -> [Rect; 2] {
    let [above, bottom] = split_top(area, area.height.saturating_sub(height));
    [above, bottom]
}

/// The area less a column each side, so text does not touch the edges.
pub fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// `text` whole when it fits in `width` columns; otherwise cut after the
/// last whole word (or hyphenated part, "Okafor-") that leaves room for
/// "…", so a reader never sees half a word. Only a first word wider than
/// the room itself is cut inside.
pub fn fit_words(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let word_ends = text.char_indices().filter_map(|(at, c)| match c {
        ' ' => Some(at),
        '-' => Some(at + 1),
        _ => None,
    });
    let kept = word_ends
        .map(|end| text[..end].trim_end_matches([' ', ',', ';', ':', '—', '-', '·']))
        .rfind(|kept| !kept.is_empty() && text_width(kept) <= room);
    if let Some(kept) = kept {
        return format!("{kept}…");
    }
    let mut cut = String::new();
    for character in text.chars() {
        let mut next = cut.clone();
        next.push(character);
        if text_width(&next) > room {
            break;
        }
        cut = next;
    }
    format!("{cut}…")
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The footer: the most useful hints that fit, in a steady order, with
/// `? help` always last so a person can find the rest. Only a binding's
/// first key is shown here; help lists them all.
/// `scale_top`, on a rated item, is its scale's highest point, so the
/// digits offered are the ones that rate ("0-2", not "0-9").
pub fn key_hints(
    bindings: &[&Binding],
    width: u16,
    scale_top: Option<u8>,
    theme: Theme,
) -> Paragraph<'static> {
    // Up and Down (and Left and Right) are one hint, "↑↓ item": the
    // pair's second half has no footer text of its own.
    let has = |action: Action| bindings.iter().any(|binding| binding.action == action);
    let hint = |binding: &Binding| {
        let keys = match binding.action {
            Action::Up if has(Action::Down) => "↑↓".to_string(),
            Action::Down if has(Action::Up) => "↑↓".to_string(),
            Action::Right if has(Action::Left) => "←→".to_string(),
            Action::Left if has(Action::Right) => "←→".to_string(),
            _ => binding.keys[0].label_on_scale(scale_top),
        };
        (keys, binding.hint.to_string())
    };
    let mut bindings: Vec<&Binding> = bindings.to_vec();
    bindings.sort_by_key(|binding| footer_rank(binding.action));
    let (help, others): (Vec<_>, Vec<_>) = bindings
        .iter()
        .filter(|binding| !binding.hint.is_empty())
        .partition(|binding| binding.action == Action::Help);
    // Each hint is drawn "keys text   ": a space inside, three after.
    let width_of = |(keys, text): &(String, String)| text_width(keys) + text_width(text) + 4;
    let help: Vec<_> = help.into_iter().map(&hint).collect();
    // The line's leading space in, the last hint's trailing spaces out.
    let mut budget =
        (width as usize + 3).saturating_sub(help.iter().map(width_of).sum::<usize>() + 1);
    let mut shown = Vec::new();
    for pair in others.into_iter().map(hint) {
        let needed = width_of(&pair);
        if needed > budget {
            break;
        }
        budget -= needed;
        shown.push(pair);
    }
    shown.extend(help);
    let mut spans = vec![Span::raw(" ")];
    for (keys, text) in shown {
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::styled(format!(" {text}   "), theme.muted()));
    }
    Paragraph::new(Line::from(spans))
}

/// The points of a scale, one per line, the chosen one marked with a
/// symbol and a word as well as colour.
pub fn scale_lines(
    scale: &Scale,
    chosen: Option<u8>,
    focused: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    scale
        .points
        .iter()
        .map(|point| {
            let is_chosen = chosen == Some(point.value);
            let marker = if is_chosen { "●" } else { "○" };
            let style = match (is_chosen, focused) {
                (true, true) => theme.selected(),
                (true, false) => theme.chosen(),
                _ => Style::new(),
            };
            let mut spans = vec![
                Span::styled(format!(" {} ", point.value), theme.key()),
                Span::styled(format!("{marker} {}", point.label), style),
            ];
            if is_chosen {
                spans.push(Span::styled("  ← your answer", theme.muted()));
            }
            Line::from(spans)
        })
        .collect()
}

/// One field of a form: its label, then its value (or a hint when empty)
/// indented beneath; the highlighted field is marked with ▶ and reversed.
pub fn field_lines(
    label: &str,
    value: &str,
    placeholder: &str,
    selected: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    let marker = if selected { "▶ " } else { "  " };
    let label_style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(marker.to_string(), theme.key()),
        Span::styled(crate::text::sanitize_line(label), label_style),
    ])];
    if value.trim().is_empty() {
        lines.push(Line::styled(format!("    {placeholder}"), theme.muted()));
    } else {
        for line in crate::text::sanitize(value).lines() {
            lines.push(Line::from(format!("    {line}")));
        }
    }
    lines
}

/// A choice among a few words, the chosen one shown as `(•) word`.
pub fn choice_line(
    label: &str,
    options: &[&str],
    chosen: Option<usize>,
    selected: bool,
    theme: Theme,
) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let label_style = if selected {
        theme.selected()
    } else {
        theme.heading()
    };
    let mut spans = vec![
        Span::styled(marker.to_string(), theme.key()),
        Span::styled(format!("{label} "), label_style),
    ];
    for (index, option) in options.iter().enumerate() {
        let (mark, style) = if chosen == Some(index) {
            ("(•)", theme.chosen())
        } else {
            ("( )", Style::new())
        };
        spans.push(Span::styled(format!(" {mark} {option}"), style));
    }
    Line::from(spans)
}

/// A worksheet made of fields: its lines, scrolled so the highlighted field
/// shows, with the open editor (if any) beneath them.
pub fn draw_form(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    focus_line: usize,
    editor: Option<&Editor>,
) {
    let editor_height = editor.map_or(0, Editor::height);
    let [body, editor_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(editor_height)]).areas(area);
    // Scrolling counts rows on screen, so a long value above the focus
    // moves it down by every row it wraps to.
    let mut rows = Vec::with_capacity(lines.len());
    let mut focus_row = 0;
    for (index, line) in lines.into_iter().enumerate() {
        if index == focus_line {
            focus_row = rows.len();
        }
        rows.extend(wrap::line(line, body.width));
    }
    let scroll = scroll_to(focus_row, body.height);
    frame.render_widget(Paragraph::new(rows).scroll((scroll, 0)), body);
    if let Some(editor) = editor {
        editor.draw(frame, editor_area);
    }
}

const CONFIRM_WIDTH: u16 = 56;

/// Rows [`confirm_box`] takes in an area `width` wide: the question, the
/// keys and the border.
pub fn confirm_height(width: u16, question: &str) -> u16 {
    u16::try_from(confirm_rows(width, question).len() + 3)
        .unwrap_or(u16::MAX)
        .max(5)
}

/// The question's rows inside a box in an area `width` wide.
fn confirm_rows(width: u16, question: &str) -> Vec<&str> {
    let inner = usize::from(CONFIRM_WIDTH.min(width).saturating_sub(2));
    wrap::rows(question, inner)
}

/// A yes/no question in a box over the middle of `body`, tall enough for
/// the whole question.
pub fn confirm_box(frame: &mut Frame<'_>, body: Rect, question: &str, theme: Theme) {
    let width = CONFIRM_WIDTH.min(body.width);
    let area = centered(body, width, confirm_height(width, question));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(" Please confirm ");
    let mut lines: Vec<Line> = confirm_rows(width, question)
        .into_iter()
        .map(|row| Line::from(row.to_string()))
        .collect();
    lines.push(Line::from(vec![
        Span::styled(keymap::key_for(Context::Confirm, Action::Yes), theme.key()),
        Span::raw(" yes   "),
        Span::styled(keymap::key_for(Context::Confirm, Action::No), theme.key()),
        Span::raw(" no"),
    ]));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Scrolls a list of lines so that line `focus` is visible in `height`.
pub fn scroll_to(focus: usize, height: u16) -> u16 {
    let height = height as usize;
    if height == 0 || focus < height.saturating_sub(2) {
        0
    } else {
        (focus + 3).saturating_sub(height) as u16
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout, Rect};

    use super::{fit_words, split_bottom, split_top};
    use crate::ui::{MIN_HEIGHT, MIN_WIDTH};

    /// The frame's rows, cut as `Layout` cuts them, at every height the
    /// frame is drawn at.
    #[test]
    fn the_frame_rows_are_the_ones_layout_solved() {
        for height in MIN_HEIGHT..=300 {
            let area = Rect::new(0, 0, MIN_WIDTH, height);
            let solved: [Rect; 4] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(area);
            let [header, below] = split_top(area, 1);
            let [body, bottom] = split_bottom(below, 2);
            let [status, footer] = split_top(bottom, 1);
            assert_eq!([header, body, status, footer], solved, "height {height}");
        }
    }

    /// The People screen's rows: an intro, a list as tall as its rows
    /// allow, a gap, and the name editor while one is added, for every
    /// height its area has in a frame, lists shorter than the room, as
    /// tall and taller, and both states of the editor.
    #[test]
    fn the_people_rows_are_the_ones_layout_solved() {
        for height in MIN_HEIGHT - 3..=120 {
            let area = Rect::new(1, 1, MIN_WIDTH - 2, height);
            for adding in [0, 3] {
                let room = height - 4 - adding;
                for rows in [1, 2, room - 1, room, room + 1, height + 5] {
                    let solved: [Rect; 4] = Layout::vertical([
                        Constraint::Length(4),
                        Constraint::Max(rows),
                        Constraint::Fill(1),
                        Constraint::Length(adding),
                    ])
                    .areas(area);
                    let [intro, below] = split_top(area, 4);
                    let [middle, add] = split_bottom(below, adding);
                    let [list, gap] = split_top(middle, rows);
                    assert_eq!(
                        [intro, list, gap, add],
                        solved,
                        "height {height}, {rows} rows, editor {adding}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_cut_deeper_than_the_area_takes_all_of_it() {
        let area = Rect::new(2, 3, 10, 2);
        assert_eq!(split_top(area, 5), [area, Rect::new(2, 5, 10, 0)]);
        assert_eq!(split_bottom(area, 5), [Rect::new(2, 3, 10, 0), area]);
    }

    #[test]
    fn text_that_does_not_fit_is_cut_after_a_whole_word() {
        assert_eq!(fit_words("Falling morale", 20), "Falling morale");
        assert_eq!(
            fit_words("Falling morale or people leaving", 30),
            "Falling morale or people…"
        );
        assert_eq!(fit_words("Sam Okafor-Lindqvist", 18), "Sam Okafor…");
        assert_eq!(fit_words("Sam Okafor-Lindqvist", 8), "Sam…");
        assert_eq!(fit_words("Work handed over, then", 20), "Work handed over…");
        // A first word wider than the room is all there is to cut.
        assert_eq!(fit_words("Okafor-Lindqvist", 5), "Okaf…");
        assert_eq!(fit_words("李雷 said so", 5), "李雷…");
    }
}
