//! Text from files is untrusted when it reaches a terminal: a note or a
//! name could carry escape sequences that clear the screen, set the
//! clipboard (OSC 52) or reorder what is shown (bidi overrides).

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
