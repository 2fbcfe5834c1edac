//! Long text that scrolls: drawing it clamped to its end, and knowing,
//! when a key arrives, how far it may go.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
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

/// Draws wrapped lines from `scroll`, clamped so the end of the text stays
/// at the bottom. When the text overflows, the last row says whether more
/// follows, so the scroll position never rests on colour or guesswork.
pub fn draw_scrolled(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    limit: &ScrollLimit,
    theme: Theme,
) {
    let area = reading_area(area);
    let lines: Vec<Line<'static>> = lines
        .into_iter()
        .flat_map(|line| with_hanging_indent(line, area.width))
        .collect();
    let height = wrapped_height(&lines, area.width);
    if height <= usize::from(area.height) {
        limit.0.set(Some(0));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
        return;
    }
    let [text, more] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let max = u16::try_from(height - usize::from(text.height)).unwrap_or(u16::MAX);
    limit.0.set(Some(max));
    let scroll = scroll.min(max);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text,
    );
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

/// Rows the lines take when word-wrapped to `width`, following the greedy
/// rule ratatui's wrapper uses (its own count sits behind an unstable
/// feature flag).
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> usize {
    let width = usize::from(width.max(1));
    lines
        .iter()
        .map(|line| {
            let text: String = line
                .spans
                .iter()
                .map(|span| span.content.as_ref())
                .collect();
            wrapped_rows(&text, width)
        })
        .sum()
}

/// Rows one paragraph takes when word-wrapped to `width`.
pub fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    for (index, word) in text.split(' ').enumerate() {
        let word_width = Span::raw(word).width();
        let space = usize::from(index > 0);
        if used + space + word_width <= width {
            used += space + word_width;
            continue;
        }
        if word_width == 0 {
            // A space that does not fit is dropped at the end of the row.
            continue;
        }
        if used > 0 {
            rows += 1;
        }
        // A word wider than the row is broken across as many as it needs.
        rows += (word_width - 1) / width;
        used = word_width - (word_width - 1) / width * width;
    }
    rows
}

/// One line as the rows it takes at `width`. A line that starts with
/// spaces (a value under its label, "because: …" under its bullet) and
/// does not fit is wrapped here, every row indented like the first and
/// each word keeping its style, so the text stays in its column; ratatui
/// would start the rows after the first at the left edge. Other lines are
/// returned as they are, for the paragraph to wrap.
pub fn with_hanging_indent(line: Line<'static>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let Some(first) = line.spans.first() else {
        return vec![line];
    };
    let indent = first.content.len() - first.content.trim_start_matches(' ').len();
    if indent == 0 || line.width() <= width {
        return vec![line];
    }
    // An indent that leaves too little room for words is not kept.
    let indent = if indent * 2 <= width { indent } else { 0 };
    wrap_line(&line, width, indent)
}

/// `line` word-wrapped (by [`wrap_words`]) into rows of `width` columns,
/// each after `indent` spaces, every character keeping the style it had.
pub fn wrap_line(line: &Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let styled: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|span| span.content.chars().map(move |c| (c, span.style)))
        .collect();
    let text: String = styled.iter().map(|(c, _)| c).collect();
    let prefix = " ".repeat(indent);
    // The wrapper keeps every character but runs of spaces, in order, so
    // each row's characters are found again in the line to take their
    // style.
    let mut source = styled.iter().skip_while(|(c, _)| *c == ' ').peekable();
    wrap_words(&text, width.saturating_sub(indent).max(1))
        .into_iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for c in row.chars() {
                if c != ' ' {
                    while source.next_if(|(found, _)| *found == ' ').is_some() {}
                }
                let style = source.next().map_or(Style::new(), |(_, style)| *style);
                match spans.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
            }
            if indent > 0 {
                spans.insert(0, Span::raw(prefix.clone()));
            }
            Line::from(spans).style(line.style)
        })
        .collect()
}

/// Greedy word wrap to `width` columns (at least one), breaking a word
/// longer than a row across rows (after a `/` where it has one); runs of
/// spaces between words become one.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows = Vec::new();
    let mut row = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        let word_width = Span::raw(word).width();
        let space = usize::from(used > 0);
        if used + space + word_width <= width {
            if space == 1 {
                row.push(' ');
            }
            row.push_str(word);
            used += space + word_width;
            continue;
        }
        if used > 0 {
            rows.push(std::mem::take(&mut row));
            used = 0;
        }
        // A path is broken after a slash, so each row ends on a whole
        // folder name; only a part still wider than a row is cut inside.
        for part in word.split_inclusive('/') {
            let part_width = Span::raw(part).width();
            if used + part_width <= width {
                row.push_str(part);
                used += part_width;
                continue;
            }
            if used > 0 {
                rows.push(std::mem::take(&mut row));
                used = 0;
            }
            for character in part.chars() {
                let mut buffer = [0; 4];
                let character_width = Span::raw(&*character.encode_utf8(&mut buffer)).width();
                if used + character_width > width && used > 0 {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                row.push(character);
                used += character_width;
            }
        }
    }
    rows.push(row);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::widgets::Widget;

    fn rendered_rows(lines: &[Line<'static>], width: u16) -> usize {
        let area = Rect::new(0, 0, width, 2000);
        let mut buffer = Buffer::empty(area);
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .render(area, &mut buffer);
        let blank = |y: u16| (0..width).all(|x| buffer[(x, y)].symbol() == " ");
        (0..area.height)
            .rev()
            .find(|y| !blank(*y))
            .map_or(0, |y| usize::from(y) + 1)
    }

    #[test]
    fn the_wrapped_height_matches_what_ratatui_draws() {
        let text = "Handing over is a skill: it grows with practice, and a little support early on saves a lot of rework later.";
        let lines = vec![
            Line::from(text),
            Line::from(format!("    because: {text}")),
            Line::from(
                "averyveryverylongwordthatcannotfitonanyrowatallbecauseitkeepsgoing and then some",
            ),
            Line::from("• Perfectionism — Very strongly; Micromanagement — Often"),
            Line::from("end"),
        ];
        for width in [20, 33, 58, 60, 90] {
            assert_eq!(
                wrapped_height(&lines, width),
                rendered_rows(&lines, width),
                "width {width}"
            );
        }
    }

    #[test]
    fn an_indented_line_keeps_its_indent_on_every_row() {
        let line =
            Line::from("    Share how you will judge the work (recommended by your answers)");
        let rows: Vec<String> = with_hanging_indent(line, 40)
            .iter()
            .map(|row| row.to_string())
            .collect();
        assert_eq!(
            rows,
            [
                "    Share how you will judge the work",
                "    (recommended by your answers)"
            ]
        );
        for width in [8, 9, 20, 33, 58, 60] {
            let text = "    because: averyveryverylongwordthatcannotfit and then some more words";
            let rows = with_hanging_indent(Line::from(text), width);
            for row in &rows {
                assert!(
                    row.width() <= usize::from(width),
                    "{row} wider than {width}"
                );
            }
            let words: String = rows
                .iter()
                .map(|row| row.to_string().replace(' ', ""))
                .collect();
            assert_eq!(words, text.replace(' ', ""), "words lost at width {width}");
            if width >= 20 {
                assert!(rows.iter().all(|row| row.to_string().starts_with("    ")));
            }
        }
    }

    #[test]
    fn lines_that_fit_or_are_not_indented_are_left_to_the_paragraph() {
        let short = Line::from("    fits");
        assert_eq!(with_hanging_indent(short.clone(), 60), vec![short]);
        let flush = Line::from("No indent here, so ratatui wraps it as it always has");
        assert_eq!(with_hanging_indent(flush.clone(), 20), vec![flush]);
    }

    #[test]
    fn a_label_and_its_text_wrap_under_the_indent_each_in_its_own_style() {
        use ratatui::style::Stylize;
        let line = Line::from(vec![
            Span::raw("    because: ").dim(),
            Span::raw("Perfectionism — Very strongly; Too much to juggle — Strongly"),
        ]);
        let rows = with_hanging_indent(line, 40);
        let text: Vec<String> = rows.iter().map(|row| row.to_string()).collect();
        assert_eq!(
            text,
            [
                "    because: Perfectionism — Very",
                "    strongly; Too much to juggle —",
                "    Strongly"
            ]
        );
        assert_eq!(rows[0].spans[1], Span::raw("because: ").dim());
        assert_eq!(rows[0].spans[2], Span::raw("Perfectionism — Very"));
        assert!(
            rows[1]
                .spans
                .iter()
                .all(|span| span.style == Default::default())
        );
    }

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
