//! A document (the same one the Markdown export uses) drawn as styled
//! terminal lines: the summary sheet, the reference cards, the comparison
//! page. One renderer, so the screen and an exported report never say
//! different things, and every page looks alike: headings in bold, remarks
//! dim, warnings marked with `!`, labels dim before their value, bullets
//! whose text wraps under itself. Tables become labelled lines, readable at
//! any width. Every text from a file passes through `sanitize` here.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Theme;
use super::wrap;
use crate::keymap::{self, Action, Context};
use crate::report::{Block, Detail, Document, Item, KeyHint, Score, Span as DocSpan, Tone};
use crate::text::{quoted, sanitize, sanitize_line};

/// The document as lines for a column `width` wide. Bulleted lines are
/// wrapped here, so their later rows start under the text; indented lines
/// are left to `scroll::draw_scrolled`, which keeps their indent.
pub fn lines(document: &Document, theme: Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    let mut out = Vec::new();
    let mut before = None;
    for block in &document.blocks {
        let lines = block_lines(block, theme, width);
        // A block with nothing to show (an empty text in a file) leaves
        // no blank row either.
        if lines.iter().all(|line| line.width() == 0) {
            continue;
        }
        if set_apart(block, before) {
            out.push(Line::from(""));
        }
        before = Some(block);
        out.extend(lines);
    }
    out
}

fn block_lines(block: &Block, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match block {
        Block::Heading(level, title) => {
            let style = if *level <= 1 {
                theme.title()
            } else {
                theme.heading()
            };
            out.push(Line::styled(sanitize_line(title), style));
        }
        Block::Paragraph(tone, spans) => out.extend(paragraph(*tone, spans, theme)),
        Block::Aside(remark) => {
            for line in sanitize(remark).lines() {
                out.push(Line::styled(format!("  {line}"), theme.muted()));
            }
        }
        Block::List(items) => {
            for item in items {
                out.extend(item_lines(item, theme, width));
            }
        }
        Block::Details(details) => {
            // Wrapped rows are indented, so each label still starts its
            // own line at the edge.
            for detail in details {
                let line = Line::from(vec![
                    Span::styled(
                        format!("{}: ", sanitize_line(&detail.label)),
                        theme.heading(),
                    ),
                    Span::raw(sanitize_line(detail.value.trim())),
                ]);
                out.extend(hanging(line, 2, width));
            }
        }
        Block::Table { headers, rows } => {
            // A row is an item named by its first cell, with a labelled
            // line for each other cell that has something.
            for cells in rows {
                let title = cells.first().map_or("", String::as_str);
                let details = headers
                    .iter()
                    .zip(cells)
                    .skip(1)
                    .filter(|(_, value)| !value.trim().is_empty())
                    .map(|(header, value)| Detail {
                        label: header.clone(),
                        value: value.clone(),
                    })
                    .collect();
                let item = Item {
                    title: vec![DocSpan::Text(title.to_string())],
                    details,
                };
                out.extend(item_lines(&item, theme, width));
            }
        }
        Block::Scores(scores) => {
            for score in scores {
                out.extend(score_lines(score, theme, width));
            }
        }
        Block::Prompts(prompts) => {
            for prompt in prompts {
                out.push(Line::styled(
                    quoted(&sanitize_line(prompt.trim())),
                    theme.prompt(),
                ));
            }
        }
    }
    out
}

/// Whether a block is set apart from the one before by a blank line. A
/// heading always is, and prose (paragraphs, questions, a remark) is from
/// the prose before it; but what opens a part sits right under its
/// heading, and lists, labelled lines, tables and muted or warning lines
/// stay with what they follow, like the notes in a margin.
fn set_apart(block: &Block, before: Option<&Block>) -> bool {
    match (block, before) {
        (_, None) => false,
        (Block::Heading(..), _) => true,
        (_, Some(Block::Heading(..))) => false,
        (Block::Paragraph(Tone::Plain, _) | Block::Prompts(_) | Block::Aside(_), _) => true,
        _ => false,
    }
}

fn paragraph(tone: Tone, spans: &[DocSpan], theme: Theme) -> Vec<Line<'static>> {
    let base = match tone {
        Tone::Plain => theme.text(),
        Tone::Muted => theme.muted(),
        Tone::Warning => theme.warning(),
    };
    let mut styled = Vec::new();
    if tone == Tone::Warning {
        styled.push(Span::styled("! ", base));
    }
    styled.extend(spans.iter().map(|span| span_styled(span, base, theme)));
    // A paragraph from a file may hold line breaks; each starts a line.
    let mut lines = vec![Vec::new()];
    for span in styled {
        for (index, part) in span.content.split('\n').enumerate() {
            if index > 0 {
                lines.push(Vec::new());
            }
            if let Some(line) = lines.last_mut().filter(|_| !part.is_empty()) {
                line.push(Span::styled(part.to_string(), span.style));
            }
        }
    }
    // A text ending in a line break ends there, not on an empty line.
    while lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines.into_iter().map(Line::from).collect()
}

/// One span, sanitised (line breaks kept for the paragraph to split), in
/// `base` unless it stands out.
fn span_styled(span: &DocSpan, base: Style, theme: Theme) -> Span<'static> {
    match span {
        DocSpan::Text(text) => Span::styled(sanitize(text), base),
        DocSpan::Strong(text) => Span::styled(sanitize(text), base.patch(theme.heading())),
        DocSpan::Key(hint) => Span::styled(key_name(*hint), theme.key()),
    }
}

/// The key for a hint, from the key table as it is now.
fn key_name(hint: KeyHint) -> String {
    match hint {
        KeyHint::Complete => keymap::key_for(Context::Summary, Action::Complete),
        KeyHint::Cards => keymap::key_for(Context::Sheet, Action::Reference),
        KeyHint::AllSteps => keymap::key_for(Context::Summary, Action::ShowAll),
    }
}

/// "• title", then each detail as "    Label: value" under it, the label
/// dim so the value reads first.
fn item_lines(item: &Item, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut title = vec![Span::raw("• ")];
    title.extend(item.title.iter().map(|span| {
        let span = span_styled(span, theme.text(), theme);
        Span::styled(sanitize_line(&span.content), span.style)
    }));
    let mut out = hanging(Line::from(title), 2, width);
    for detail in &item.details {
        let clean = sanitize(detail.value.trim());
        let mut value_lines = clean.lines();
        let head = value_lines.next().unwrap_or_default().to_string();
        out.push(Line::from(vec![
            Span::styled(
                format!("    {}: ", sanitize_line(&detail.label)),
                theme.muted(),
            ),
            Span::styled(head.clone(), value_style(&head, theme)),
        ]));
        for more in value_lines {
            out.push(Line::from(format!("      {more}")));
        }
    }
    out
}

/// "• What drives it  (lower means less in your way)", then the score as a
/// bar of ten cells with how much was answered beside it. A section with no
/// answers has no score: a bar at 0% would read as answers never given.
fn score_lines(score: &Score, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let title = Line::from(vec![
        Span::raw(format!("• {}", sanitize_line(&score.section))),
        Span::styled(
            format!("  ({})", sanitize_line(&score.reading)),
            theme.muted(),
        ),
    ]);
    let mut out = hanging(title, 2, width);
    let level = match score.percent {
        Some(percent) => format!("{} {percent:>3}%", bar(percent)),
        None => "no answers".to_string(),
    };
    let skipped = match score.total.saturating_sub(score.answered) {
        0 => "none skipped".to_string(),
        count => format!("{count} skipped"),
    };
    out.push(Line::from(vec![
        Span::raw(format!("    {level}")),
        Span::styled(
            format!(
                "   answered {} of {} · {skipped}",
                score.answered, score.total
            ),
            theme.muted(),
        ),
    ]));
    out
}

/// Ten cells, filled to the nearest tenth.
fn bar(percent: u8) -> String {
    let filled = ((usize::from(percent) + 5) / 10).min(10);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// A line that starts at the edge (a bullet, a label), wrapped to `width`
/// with its later rows `indent` columns in, so a bullet's text stays in
/// one column. Ratatui would start them at the edge, and `draw_scrolled`
/// only keeps the indent of lines that start with spaces.
fn hanging(line: Line<'static>, indent: usize, width: usize) -> Vec<Line<'static>> {
    // Too narrow to keep the indent: the paragraph wraps it as it can.
    if line.width() <= width || indent * 2 > width {
        return vec![line];
    }
    let row_width = u16::try_from(width).unwrap_or(u16::MAX);
    let Some(first) = wrap::line(line.clone(), row_width).into_iter().next() else {
        return vec![line];
    };
    // The characters the first row took, found again in the line as the
    // wrapper takes them (it drops runs of spaces between words), so the
    // rest keeps its styles and is wrapped to the narrower column.
    let styled: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|span| span.content.chars().map(move |c| (c, span.style)))
        .collect();
    let mut taken = styled.iter().take_while(|(c, _)| *c == ' ').count();
    for c in first.spans.iter().flat_map(|span| span.content.chars()) {
        if c != ' ' {
            while styled.get(taken).is_some_and(|(found, _)| *found == ' ') {
                taken += 1;
            }
        }
        taken += 1;
    }
    let mut rest: Vec<Span<'static>> = Vec::new();
    for (c, style) in styled.into_iter().skip(taken) {
        match rest.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push(c),
            _ => rest.push(Span::styled(c.to_string(), style)),
        }
    }
    let mut out = vec![first];
    if rest.iter().any(|span| !span.content.trim().is_empty()) {
        // Led by the indent, the rest wraps with every row kept in its
        // column (see `wrap::line`).
        if let Some(head) = rest.first_mut() {
            *head.content.to_mut() = head.content.trim_start().to_string();
        }
        rest.insert(0, Span::raw(" ".repeat(indent)));
        out.extend(wrap::line(Line::from(rest), row_width));
    }
    out
}

/// A change in words gets a colour as well; the words carry the meaning.
fn value_style(value: &str, theme: Theme) -> Style {
    match value.trim() {
        "better" | "kept" => theme.good(),
        "worse" | "not yet" => theme.warning(),
        _ => Style::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Document, strong, text};

    fn rows(document: &Document, width: u16) -> Vec<String> {
        lines(document, Theme::PLAIN, width)
            .iter()
            .map(|line| line.to_string())
            .collect()
    }

    #[test]
    fn the_bar_fills_to_the_nearest_tenth() {
        assert_eq!(bar(0), "░░░░░░░░░░");
        assert_eq!(bar(64), "██████░░░░");
        assert_eq!(bar(100), "██████████");
    }

    #[test]
    fn a_wrapped_bullet_keeps_its_text_in_one_column() {
        let mut document = Document::default();
        document.list(vec![vec![
            strong("Towards holding on:"),
            text(" Perfectionism — Very strongly; Tight timelines — Strongly"),
        ]]);
        assert_eq!(
            rows(&document, 30),
            [
                "• Towards holding on:",
                "  Perfectionism — Very",
                "  strongly; Tight timelines —",
                "  Strongly",
            ]
        );
    }

    #[test]
    fn a_wrapped_label_line_loses_no_word_and_keeps_each_style() {
        let mut document = Document::default();
        document.details([("Goal", "Development: averyveryverylongword and a bit more")]);
        let drawn = lines(&document, Theme::PLAIN, 20);
        let rows: Vec<String> = drawn.iter().map(|line| line.to_string()).collect();
        assert_eq!(
            rows,
            [
                "Goal: Development:",
                "  averyveryverylongw",
                "  ord and a bit more",
            ]
        );
        assert_eq!(
            drawn[0].spans[0],
            Span::styled("Goal: ", Theme::PLAIN.heading())
        );
        assert!(
            drawn[1..]
                .iter()
                .all(|row| row.spans[1].style == Style::new())
        );
    }

    #[test]
    fn a_key_hint_is_the_key_in_the_table_now() {
        let mut document = Document::default();
        document.paragraph(vec![
            text("Press "),
            crate::report::key(KeyHint::Complete),
            text(" to complete."),
        ]);
        let key = keymap::key_for(Context::Summary, Action::Complete);
        assert_eq!(rows(&document, 60), [format!("Press {key} to complete.")]);
    }

    #[test]
    fn parts_are_set_apart_and_what_belongs_to_them_is_not() {
        let mut document = Document::default();
        document.heading(1, "Summary");
        document.aside("A remark.");
        document.heading(2, "Part");
        document.line("Opens the part.");
        document.muted_line("Said in passing.");
        document.list(vec![vec![text("An item")]]);
        document.line("Prose after the list.");
        document.warning("Worth stopping at.");
        assert_eq!(
            rows(&document, 60),
            [
                "Summary",
                "  A remark.",
                "",
                "Part",
                "Opens the part.",
                "Said in passing.",
                "• An item",
                "",
                "Prose after the list.",
                "! Worth stopping at.",
            ]
        );
    }

    #[test]
    fn control_characters_in_any_block_are_replaced() {
        let hostile = "a\u{1b}[2J\u{7}b";
        let mut document = Document::default();
        document.heading(2, hostile);
        document.line(hostile);
        document.list(vec![
            crate::report::Item::new(vec![text(hostile)]).detail(hostile, hostile),
        ]);
        document.details([(hostile, hostile)]);
        document.table(&["A", hostile], vec![vec![hostile.into(), hostile.into()]]);
        document.prompts(&[hostile.to_string()]);
        document.aside(hostile);
        let all = rows(&document, 60).join("\n");
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all}");
        assert!(all.contains("a\u{FFFD}[2J\u{FFFD}b"), "{all}");
    }
}
