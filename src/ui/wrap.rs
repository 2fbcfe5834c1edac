//! Text wrapped to a width: the one place rows are made. A screen draws
//! the rows made here and counts the same rows (how far a page scrolls,
//! how tall a box must be), so what is drawn and what is counted cannot
//! disagree.
//!
//! textwrap places the words, first fit: a word goes on the row when it
//! fits and starts the next one when it does not. The words are measured
//! here in terminal columns ([`text_width`]), as ratatui draws them. A word
//! wider than a whole row is broken first: after a `/`, so the rows of a
//! path end on whole folder names, and a part still too wide between two
//! graphemes (an accent stays on its letter, an emoji whole).

use std::ops::Range;

use ratatui::text::{Line, Span};
use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::text_width;

/// `text` in rows of at most `width` columns (at least one column; a
/// single character wider than that still gets a row of its own). The
/// spaces where a row breaks are left out, every other character is kept
/// in order.
pub fn rows(text: &str, width: usize) -> Vec<&str> {
    row_ranges(text, width)
        .into_iter()
        .map(|range| &text[range])
        .collect()
}

/// `line` as the rows it takes at `width` columns, each span keeping its
/// style across a break. A line that starts with spaces (a value under its
/// label, "because: …" under its bullet) keeps them on every row, so its
/// text stays in its column; only an indent that would leave less than
/// half the row for words is dropped. A line that fits is returned as it
/// is.
pub fn line(line: Line<'static>, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(1));
    if line.width() <= width {
        return vec![line];
    }
    let text: String = line.spans.iter().map(|span| &*span.content).collect();
    let lead = text.len() - text.trim_start_matches(' ').len();
    let indent = if lead * 2 <= width { lead } else { 0 };
    row_ranges(&text[lead..], width - indent)
        .into_iter()
        .map(|row| {
            let mut spans = Vec::new();
            if indent > 0 {
                spans.push(Span::raw(" ".repeat(indent)));
            }
            spans.extend(styled_slice(&line, row.start + lead..row.end + lead));
            let mut row = Line::from(spans).style(line.style);
            row.alignment = line.alignment;
            row
        })
        .collect()
}

/// Every line wrapped by [`line`], in order.
pub fn lines(lines: Vec<Line<'static>>, width: u16) -> Vec<Line<'static>> {
    lines.into_iter().flat_map(|one| line(one, width)).collect()
}

/// The part of `line` in `range` (bytes of its text), span by span.
fn styled_slice(line: &Line<'_>, range: Range<usize>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for span in &line.spans {
        let (start, end) = (at, at + span.content.len());
        at = end;
        let (from, to) = (range.start.max(start), range.end.min(end));
        if from < to {
            spans.push(Span::styled(
                span.content[from - start..to - start].to_string(),
                span.style,
            ));
        }
    }
    spans
}

/// A word, or a piece of a word too wide for a row, as textwrap places it.
#[derive(Debug)]
struct Piece {
    /// Where it is in the text, in bytes.
    text: Range<usize>,
    /// Columns it takes.
    width: usize,
    /// The spaces after it, a column each; none inside a broken word.
    spaces: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.spaces as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The rows of `text` at `width` columns, as ranges of its bytes.
fn row_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let pieces = pieces(text, width);
    wrap_first_fit(&pieces, &[width as f64])
        .into_iter()
        .map(|row| match (row.first(), row.last()) {
            (Some(first), Some(last)) => first.text.start..last.text.end,
            _ => 0..0,
        })
        .collect()
}

/// The words of `text` split at spaces, each measured; a word wider than
/// `width` comes in pieces that each fit a row.
fn pieces(text: &str, width: usize) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for word in WordSeparator::AsciiSpace.find_words(text) {
        let start = at;
        at += word.word.len() + word.whitespace.len();
        let word_width = text_width(word.word);
        if word_width <= width {
            pieces.push(Piece {
                text: start..start + word.word.len(),
                width: word_width,
                spaces: word.whitespace.len(),
            });
            continue;
        }
        let mut part_start = start;
        for part in word.word.split_inclusive('/') {
            let part_width = text_width(part);
            if part_width <= width {
                pieces.push(Piece {
                    text: part_start..part_start + part.len(),
                    width: part_width,
                    spaces: 0,
                });
            } else {
                break_between_graphemes(part, part_start, width, &mut pieces);
            }
            part_start += part.len();
        }
        if let Some(last) = pieces.last_mut() {
            last.spaces = word.whitespace.len();
        }
    }
    pieces
}

/// `part` (at `offset` in the text) cut into pieces of at most `width`
/// columns, between graphemes.
fn break_between_graphemes(part: &str, offset: usize, width: usize, pieces: &mut Vec<Piece>) {
    let mut start = 0;
    let mut used = 0;
    for (at, grapheme) in part.grapheme_indices(true) {
        let grapheme_width = text_width(grapheme);
        if used > 0 && used + grapheme_width > width {
            pieces.push(Piece {
                text: offset + start..offset + at,
                width: used,
                spaces: 0,
            });
            start = at;
            used = 0;
        }
        used += grapheme_width;
    }
    pieces.push(Piece {
        text: offset + start..offset + part.len(),
        width: used,
        spaces: 0,
    });
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Style, Stylize};

    use super::*;

    #[test]
    fn words_go_on_the_row_while_they_fit() {
        assert_eq!(
            rows("Handing over is a skill: it grows with practice", 20),
            ["Handing over is a", "skill: it grows with", "practice"]
        );
        assert_eq!(rows("", 10), [""]);
        assert_eq!(rows("exactly ten", 11), ["exactly ten"]);
        assert_eq!(rows("exactly ten", 10), ["exactly", "ten"]);
    }

    #[test]
    fn a_word_wider_than_a_row_is_broken_after_a_slash_then_anywhere() {
        assert_eq!(
            rows("saved as people/sam-rivera/assessments/20261123.toml", 20),
            [
                "saved as people/",
                "sam-rivera/",
                "assessments/",
                "20261123.toml"
            ]
        );
        assert_eq!(
            rows("a verylongwordwithnoplacetobreak here", 10),
            ["a", "verylongwo", "rdwithnopl", "acetobreak", "here"]
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(rows("李雷 和 韩梅梅 说", 8), ["李雷 和", "韩梅梅", "说"]);
        assert_eq!(rows("李雷韩梅梅", 5), ["李雷", "韩梅", "梅"]);
        assert_eq!(rows("👍👍👍 ok", 6), ["👍👍👍", "ok"]);
        // An accent stays on its letter; an emoji sequence stays whole.
        assert_eq!(
            rows("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        assert_eq!(rows("❤\u{fe0f}❤\u{fe0f}", 3), ["❤\u{fe0f}", "❤\u{fe0f}"]);
    }

    #[test]
    fn an_indented_line_keeps_its_indent_on_every_row() {
        let wrapped = line(
            Line::from("    Share how you will judge the work (recommended by your answers)"),
            40,
        );
        let text: Vec<String> = wrapped.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "    Share how you will judge the work",
                "    (recommended by your answers)"
            ]
        );
        for width in [8, 9, 20, 33, 58, 60] {
            let text = "    because: averyveryverylongwordthatcannotfit and then some more words";
            let rows = line(Line::from(text), width);
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
    fn lines_that_fit_are_left_as_they_are() {
        let short = Line::from("    fits  ").centered();
        assert_eq!(line(short.clone(), 60), vec![short]);
        let long = Line::from("No indent here, so it wraps at the edge").centered();
        let rows = line(long, 20);
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(|row| row.alignment == long_alignment()));
    }

    fn long_alignment() -> Option<ratatui::layout::Alignment> {
        Some(ratatui::layout::Alignment::Center)
    }

    #[test]
    fn a_label_and_its_text_wrap_under_the_indent_each_in_its_own_style() {
        let wrapped = line(
            Line::from(vec![
                Span::raw("    because: ").dim(),
                Span::raw("Perfectionism — Very strongly; Too much to juggle — Strongly"),
            ]),
            40,
        );
        let text: Vec<String> = wrapped.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "    because: Perfectionism — Very",
                "    strongly; Too much to juggle —",
                "    Strongly"
            ]
        );
        assert_eq!(wrapped[0].spans[1], Span::raw("because: ").dim());
        assert_eq!(wrapped[0].spans[2], Span::raw("Perfectionism — Very"));
        assert!(
            wrapped[1]
                .spans
                .iter()
                .all(|span| span.style == Style::default())
        );
    }

    /// Words from every width class: ASCII, accented (composed and with a
    /// combining accent), CJK, emoji (one code point and a sequence),
    /// paths, and one too long for any row.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{1,12}",
            "[A-Za-zéøü—–-]{1,8}",
            "(e\u{301}|a\u{308}|o){1,4}",
            "[李雷韩梅说和中文字]{1,6}",
            "[😀👍🎉✅]{1,3}",
            Just("❤\u{fe0f}".to_string()),
            Just("👩\u{200d}💻".to_string()),
            "([a-z]{1,8}/){1,5}[a-z]{0,8}",
            "[a-z李👍]{20,60}",
        ]
    }

    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec((word(), 1..3usize), 0..25).prop_map(|words| {
            words
                .into_iter()
                .map(|(word, spaces)| format!("{word}{}", " ".repeat(spaces)))
                .collect::<String>()
                .trim_end()
                .to_string()
        })
    }

    fn words_of(text: &str) -> String {
        text.split(' ').collect()
    }

    proptest! {
        // The same cases on every run, as in tests/fuzz.rs.
        #![proptest_config(ProptestConfig {
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x5752_4150),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn no_row_is_wider_than_the_width_and_no_word_is_lost(
            text in sentence(),
            width in 2usize..80,
        ) {
            let wrapped = rows(&text, width);
            for row in &wrapped {
                prop_assert!(text_width(row) <= width, "{row:?} is wider than {width}");
            }
            // Joined up, the rows give back the words, in order.
            prop_assert_eq!(words_of(&wrapped.concat()), words_of(&text));
            // Only a break at a space or inside a word too wide for a row
            // ends a row: words that fit are never split.
            for word in text.split(' ').filter(|word| !word.is_empty() && text_width(word) <= width) {
                prop_assert!(
                    wrapped.iter().any(|row| row.split(' ').any(|part| part == word)),
                    "{word:?} was split"
                );
            }
        }

        #[test]
        fn styled_lines_keep_every_character_in_its_style(
            first in sentence(),
            second in sentence(),
            indent in 0usize..8,
            width in 2u16..80,
        ) {
            let source = Line::from(vec![
                Span::raw(format!("{}{first} ", " ".repeat(indent))).bold(),
                Span::raw(second.clone()).italic(),
            ]);
            let wrapped = line(source.clone(), width);
            let mut kept = Vec::new();
            for row in &wrapped {
                prop_assert!(row.width() <= usize::from(width), "{row} is wider than {width}");
                for span in &row.spans {
                    kept.extend(span.content.chars().filter(|c| *c != ' ').map(|c| (c, span.style)));
                }
            }
            let expected: Vec<(char, Style)> = source
                .spans
                .iter()
                .flat_map(|span| span.content.chars().filter(|c| *c != ' ').map(|c| (c, span.style)))
                .collect();
            prop_assert_eq!(kept, expected);
        }
    }
}
