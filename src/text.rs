//! Text from files is untrusted when it reaches a terminal: a note or a
//! name could carry escape sequences that clear the screen, set the
//! clipboard (OSC 52) or reorder what is shown (bidi overrides).

use unicode_width::UnicodeWidthStr;

/// Columns `text` takes in a terminal: two for a CJK character or most
/// emoji, none for a combining accent. Every width on screen is measured
/// with this (ratatui measures with the same crate), never with a count
/// of characters or bytes.
pub fn text_width(text: &str) -> usize {
    text.width()
}

/// Replaces every control character (C0, DEL, C1) and bidirectional
/// formatting character with a visible stand-in; keeps newlines.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || !is_unsafe(c) {
                c
            } else {
                '\u{FFFD}'
            }
        })
        .collect()
}

/// One line of text for a single-line place (a list row, a title):
/// newlines become spaces as well.
pub fn sanitize_line(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => ' ',
            c if is_unsafe(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Double quotation marks as people type them, straight or curly.
const DOUBLE_QUOTES: [char; 6] = ['"', '“', '”', '„', '«', '»'];

/// `text` set in quotation marks, “like this”, unless it already holds
/// double quotation marks of its own: wrapping it again would nest them
/// (“Every chart has to be “just so””), so it is shown as written.
pub fn quoted(text: &str) -> String {
    if text.contains(DOUBLE_QUOTES) {
        text.to_string()
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use super::{quoted, text_width};

    #[test]
    fn width_is_counted_in_columns_not_characters() {
        assert_eq!(text_width("Sam"), 3);
        assert_eq!(text_width("李雷"), 4);
        assert_eq!(text_width("👍 ok"), 5);
        assert_eq!(text_width("Zoe\u{301}"), 3);
    }

    #[test]
    fn text_is_quoted_once() {
        assert_eq!(quoted("I redo the charts"), "“I redo the charts”");
        assert_eq!(
            quoted("Every chart has to be “just so”"),
            "Every chart has to be “just so”"
        );
        assert_eq!(quoted("“Already quoted”"), "“Already quoted”");
        assert_eq!(quoted("She said \"fine\""), "She said \"fine\"");
        assert_eq!(quoted("It's hers now"), "“It's hers now”");
    }
}
