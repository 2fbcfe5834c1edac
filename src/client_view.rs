//! The client view: the workbook shown to one client, safe to share on a
//! screen. Only that person's pages can be reached (the people list is not
//! on the screen stack at all), coach notes are not drawn, and no message
//! shows a path: a path names folders, and folders are named after people.

use std::path::PathBuf;

use crate::store::Person;

/// The words on the badge every frame carries while the view is on.
pub const BADGE: &str = " CLIENT VIEW ";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientView {
    pub person: Person,
    /// The data folder, whose path never shows.
    root: PathBuf,
}

impl ClientView {
    pub fn new(person: Person, root: PathBuf) -> Self {
        Self { person, root }
    }

    /// `text` with every path in it replaced by "(a file)": the data
    /// folder's own path (which may hold spaces), and every word that
    /// looks like a path (see [`looks_like_path`]); punctuation after it
    /// stays. A person's own words with a slash ("and/or", "24/7") stay.
    pub fn redact(&self, text: &str) -> String {
        let root = self.root.display().to_string();
        let text = if root.is_empty() {
            text.to_string()
        } else {
            text.replace(&root, "/")
        };
        let mut out = String::with_capacity(text.len());
        for (index, word) in text.split(' ').enumerate() {
            if index > 0 {
                out.push(' ');
            }
            if looks_like_path(word) {
                let kept = word.trim_end_matches([':', ',', '.', ';', ')']);
                out.push_str("(a file)");
                out.push_str(&word[kept.len()..]);
            } else {
                out.push_str(word);
            }
        }
        out
    }
}

/// A word with a slash that starts like a path (`/`, `~`, `.`), names
/// one of handoff's folders, or ends in one of its files' extensions.
/// Paths are what handoff's own messages hold; a slash in a person's
/// words ("and/or") is not one.
fn looks_like_path(word: &str) -> bool {
    const FOLDERS: [&str; 6] = [
        "people/",
        "drafts/",
        "assessments/",
        "notes/",
        "archive/",
        "content/",
    ];
    word.contains('/')
        && (word.starts_with(['/', '~', '.'])
            || FOLDERS.iter().any(|folder| word.contains(folder))
            || [".toml", ".md", ".txt"].iter().any(|extension| {
                word.trim_end_matches([':', ',', '.', ';', ')'])
                    .ends_with(extension)
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_never_show() {
        let view = ClientView::new(
            Person {
                name: "Zoë".into(),
                dir: "/home/coach/my data/people/zoe".into(),
            },
            "/home/coach/my data".into(),
        );
        assert_eq!(
            view.redact("/home/coach/my data/people/zoe/drafts/x.toml: is empty."),
            "(a file): is empty."
        );
        assert_eq!(
            view.redact("Draft NOT saved (No space). File: people/zoe/drafts/x.toml"),
            "Draft NOT saved (No space). File: (a file)"
        );
        assert_eq!(
            view.redact("Nothing to hide here."),
            "Nothing to hide here."
        );
        assert_eq!(
            view.redact("Exported to reports/zoe.md."),
            "Exported to (a file)."
        );
    }

    #[test]
    fn a_persons_own_slashes_stay() {
        let view = ClientView::new(
            Person {
                name: "Zoë".into(),
                dir: "/data/people/zoe".into(),
            },
            "/data".into(),
        );
        assert_eq!(
            view.redact("Review and/or sign off, 24/7 support, Q3/Q4"),
            "Review and/or sign off, 24/7 support, Q3/Q4"
        );
    }
}
