//! Turning a person's display name into a folder name that is safe on any
//! file system and can never point outside the data folder, and telling
//! whether two names are the same name written differently.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The longest folder name we derive from a display name. Long names still
/// work; their folder name is simply shortened.
const MAX_SLUG_CHARS: usize = 40;

/// The longest display name kept, in characters.
pub const MAX_NAME_CHARS: usize = 500;

/// The name as it will be stored and shown: control characters removed,
/// whitespace trimmed. `None` if nothing visible is left.
pub fn clean_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Letters and digits of any script, lower-cased, with every run of other
/// characters turned into one dash. Dots, slashes and NULs can never appear,
/// so `..` or `/etc` cannot escape the data folder. Two names with the same
/// slug are kept apart by the store, which adds a number.
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    let mut count = 0;
    for c in name.chars().flat_map(char::to_lowercase) {
        if count >= MAX_SLUG_CHARS {
            break;
        }
        if c.is_alphanumeric() {
            slug.push(c);
            count += 1;
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
            count += 1;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "person".to_string()
    } else {
        slug.to_string()
    }
}

/// Whether two names differ only in case, accents, spacing or punctuation
/// ("Zoë O'Brien" and "zoe obrien", "Sam Okafor-Lindqvist" and
/// "sam okafor lindqvist"): likely one person typed twice, or a name typed
/// without its accents. Names made of no letters or digits at all are
/// alike only when they are the same apart from case.
pub fn names_alike(a: &str, b: &str) -> bool {
    let (folded_a, folded_b) = (fold(a), fold(b));
    if folded_a.is_empty() && folded_b.is_empty() {
        return a.trim().to_lowercase() == b.trim().to_lowercase();
    }
    folded_a == folded_b
}

/// Letters and digits only, lower-cased, accents dropped (each letter
/// split from its accents by compatibility decomposition, which also turns
/// "ﬁ" into "fi" and full-width letters into plain ones), and "ß" written
/// "ss" as Unicode's case folding does.
fn fold(name: &str) -> String {
    name.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .fold(String::new(), |mut folded, c| {
            if c == 'ß' {
                folded.push_str("ss");
            } else {
                folded.push(c);
            }
            folded
        })
}

#[cfg(test)]
mod tests {
    use super::names_alike;

    #[test]
    fn names_that_differ_only_in_how_they_are_written_are_alike() {
        for (a, b) in [
            ("Sam Okafor-Lindqvist", "sam okafor-lindqvist"),
            ("Sam Okafor-Lindqvist", "Sam Okafor Lindqvist"),
            ("Sam  Okafor-Lindqvist ", "Sam Okafor-Lindqvist"),
            ("Zoë O'Brien", "Zoe O'Brien"),
            ("Zoë O'Brien", "zoe obrien"),
            ("René", "RENE"),
            ("José Núñez", "Jose Nunez"),
            ("Jürgen Straße", "Jurgen Strasse"),
            ("Jürgen Straße", "JÜRGEN STRASSE"),
            ("Ｚｏｅ", "Zoe"),
            ("李雷", "李雷 "),
            ("🙂", "🙂"),
        ] {
            assert!(names_alike(a, b), "{a:?} and {b:?}");
        }
    }

    #[test]
    fn different_names_are_not_alike() {
        for (a, b) in [
            ("Ana", "Anna"),
            ("Zoë", "Zoya"),
            ("Sam Okafor", "Sam Okafor-Lindqvist"),
            ("李雷", "韩梅梅"),
            ("🙂", "🙃"),
            ("Priya 2", "Priya 3"),
        ] {
            assert!(!names_alike(a, b), "{a:?} and {b:?}");
        }
    }
}
