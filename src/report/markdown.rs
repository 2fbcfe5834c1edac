//! Markdown rendering. User text is escaped only as far as it could break
//! the document's structure or reach a terminal: control characters are
//! replaced, pipes cannot split a table cell, `<` cannot open HTML (or a
//! comment that hides the rest), and a newline becomes `<br>` so a note can
//! never start a heading or end a table. Emphasis a person typed is left as
//! it is: it renders as they meant it.

use super::document::{Block, Document, Item, Score, ScoreChange, Span, Tone, pair_table};
use crate::text::{quoted, sanitize};

pub fn render(document: &Document) -> String {
    let parts: Vec<String> = document.blocks.iter().map(block).collect();
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

fn block(block: &Block) -> String {
    match block {
        Block::Heading(level, title) => heading(*level, title),
        Block::Paragraph(Tone::Warning, spans) => format!("**!** {}", spans_text(spans)),
        Block::Paragraph(_, spans) => spans_text(spans),
        Block::Legend(key) => escape(key),
        Block::Aside(remark) => format!("> {}", escape(remark)),
        Block::List(items) => list(items),
        Block::Details(details) => details
            .iter()
            .map(|detail| {
                let label = spans_text(&[Span::Strong(format!("{}:", detail.label))]);
                format!("- {label} {}", escape(detail.value.trim()))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { headers, rows } => table(headers, rows),
        Block::Scores(scores) => {
            let headers = Score::HEADERS.map(String::from);
            table(
                &headers,
                &scores.iter().map(Score::cells).collect::<Vec<_>>(),
            )
        }
        Block::ScoreChanges(rows) => table(
            &ScoreChange::HEADERS.map(String::from),
            &rows.iter().map(ScoreChange::cells).collect::<Vec<_>>(),
        ),
        Block::Pairs { first, rows } => {
            let (headers, cells) = pair_table(first, rows);
            table(&headers, &cells)
        }
        Block::Prompts(prompts) => prompts
            .iter()
            .map(|prompt| format!("- {}", escape(&quoted(prompt.trim()))))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// Each item a bullet, its details a list under it. Where items carry
/// details their titles are bold, so each stands out from the lines under
/// it.
fn list(items: &[Item]) -> String {
    let titled = items.iter().any(|item| !item.details.is_empty());
    let mut lines = Vec::new();
    for item in items {
        let title = if titled {
            spans_text(&[Span::Strong(plain(&item.title))])
        } else {
            spans_text(&item.title)
        };
        lines.push(format!("- {title}"));
        for detail in &item.details {
            lines.push(format!(
                "  - {}: {}",
                escape(&detail.label),
                escape(detail.value.trim())
            ));
        }
    }
    lines.join("\n")
}

fn heading(level: u8, title: &str) -> String {
    let mut title = escape(title);
    // A trailing `#` would be read as the heading's closing sequence.
    if title.ends_with('#') {
        title.pop();
        title.push_str("\\#");
    }
    format!("{} {title}", "#".repeat(usize::from(level.clamp(1, 6))))
}

fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) => escape(text),
            Span::Strong(text) if text.trim().is_empty() => escape(text),
            // Inside `**…**` a stray asterisk would close it early.
            Span::Strong(text) => format!("**{}**", escape(text.trim()).replace('*', "\\*")),
            Span::Key(hint) => escape(hint.words()),
        })
        .collect()
}

/// The words of some spans, without their emphasis.
fn plain(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|span| match span {
            Span::Text(text) | Span::Strong(text) => text.as_str(),
            Span::Key(hint) => hint.words(),
        })
        .collect()
}

fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let row = |cells: &mut dyn Iterator<Item = String>| {
        let cells: Vec<String> = cells.collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut lines = vec![
        row(&mut headers.iter().map(|header| cell(header))),
        row(&mut headers.iter().map(|_| "---".to_string())),
    ];
    for cells in rows {
        // Every row gets exactly as many cells as there are headers.
        let padded = (0..headers.len())
            .map(|index| cells.get(index).map_or(String::new(), |text| cell(text)));
        lines.push(row(&mut padded.into_iter()));
    }
    lines.join("\n")
}

fn cell(text: &str) -> String {
    let escaped = escape(text.trim());
    if escaped.is_empty() {
        " ".to_string()
    } else {
        escaped
    }
}

/// Makes untrusted text safe inside a Markdown line or table cell.
pub fn escape(text: &str) -> String {
    let clean = sanitize(&text.replace("\r\n", "\n").replace('\t', " "));
    let mut out = String::with_capacity(clean.len());
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // Doubled only where it could escape what follows, such as the
            // pipe escaped just below.
            '\\' if chars.peek().is_some_and(|next| next.is_ascii_punctuation()) => {
                out.push_str("\\\\")
            }
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::document::{Item, text};
    use super::*;

    #[test]
    fn an_item_keeps_its_details_under_it_and_its_title_stands_out() {
        let mut document = Document::default();
        document.list(vec![
            Item::new(vec![text("Set checkpoints")]).detail("Because", "Watching | every step"),
            Item::new(vec![text("Hand over in stages")]),
        ]);
        document.warning("Every task is one kind.");
        assert_eq!(
            render(&document),
            "- **Set checkpoints**\n  - Because: Watching \\| every step\n- **Hand over in stages**\n\n**!** Every task is one kind.\n"
        );
    }
}
