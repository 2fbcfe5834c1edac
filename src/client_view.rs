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

    /// `text` with every path in it replaced by "(a file)". A path is any
    /// word holding a slash, or the data folder's own path (which may hold
    /// spaces); punctuation after it stays.
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
            if word.contains('/') {
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
    }
}
