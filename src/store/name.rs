//! Turning a person's display name into a folder name that is safe on any
//! file system and can never point outside the data folder.

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
