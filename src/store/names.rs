//! Some of a folder's entry names in sorted order, and where they fall
//! among all of them. A list of thousands shows a screenful and holds a
//! few screens' worth, whatever the folder's size: the folder is listed
//! again, around the row on screen, when the list moves past what it holds.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ffi::{OsStr, OsString};
use std::ops::Range;

/// Where in the sorted names a stretch is taken.
#[derive(Clone, Copy, Debug)]
pub enum Around<'a> {
    /// The first (smallest) names.
    Start,
    /// The last (largest) names.
    End,
    /// Around this name, or where it would be if it is gone: the names
    /// before it, and the names from it on.
    Name(&'a OsStr),
}

/// Some of a folder's names, sorted bytewise, and where they fall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stretch {
    /// How many names there are in all.
    pub total: usize,
    /// Where `names[0]` falls among all of them.
    pub first: usize,
    /// Where the anchor falls: how many names come before it.
    pub anchor: usize,
    pub names: Vec<OsString>,
}

impl Stretch {
    /// From every name, in any order, in one pass that never holds more
    /// than `before + after` of them: up to `before` names just before the
    /// anchor and up to `after` from it on. `Start` has none before it,
    /// `End` none after.
    pub fn of(
        names: impl IntoIterator<Item = OsString>,
        around: Around<'_>,
        before: usize,
        after: usize,
    ) -> Stretch {
        let mut gathering = Gathering::new(around, before, after);
        for name in names {
            gathering.add(name);
        }
        gathering.finish()
    }

    /// The positions held.
    pub fn held(&self) -> Range<usize> {
        self.first..self.first + self.names.len()
    }

    /// The name at position `at`, if it is held.
    pub fn get(&self, at: usize) -> Option<&OsStr> {
        let name = self.names.get(at.checked_sub(self.first)?)?;
        Some(name.as_os_str())
    }
}

/// A [`Stretch`] being gathered, one name at a time.
#[derive(Debug)]
pub struct Gathering<'a> {
    around: Around<'a>,
    before: usize,
    after: usize,
    total: usize,
    anchor: usize,
    /// The largest names before the anchor, the smallest of them on top
    /// to be dropped first.
    lower: BinaryHeap<Reverse<OsString>>,
    /// The smallest names from the anchor on, the largest on top.
    upper: BinaryHeap<OsString>,
}

impl<'a> Gathering<'a> {
    pub fn new(around: Around<'a>, before: usize, after: usize) -> Self {
        Self {
            around,
            before,
            after,
            total: 0,
            anchor: 0,
            lower: BinaryHeap::new(),
            upper: BinaryHeap::new(),
        }
    }

    pub fn add(&mut self, name: OsString) {
        self.total += 1;
        let is_before = match self.around {
            Around::Start => false,
            Around::End => true,
            Around::Name(at) => name.as_os_str() < at,
        };
        if is_before {
            self.anchor += 1;
            if self.lower.len() < self.before {
                self.lower.push(Reverse(name));
            } else if let Some(mut smallest) = self.lower.peek_mut()
                && name > smallest.0
            {
                *smallest = Reverse(name);
            }
        } else if self.upper.len() < self.after {
            self.upper.push(name);
        } else if let Some(mut largest) = self.upper.peek_mut()
            && name < *largest
        {
            *largest = name;
        }
    }

    pub fn finish(self) -> Stretch {
        // Sorted, `Reverse` comes out largest name first.
        let mut names: Vec<OsString> = self
            .lower
            .into_sorted_vec()
            .into_iter()
            .rev()
            .map(|Reverse(name)| name)
            .collect();
        let first = self.anchor - names.len();
        names.extend(self.upper.into_sorted_vec());
        Stretch {
            total: self.total,
            first,
            anchor: self.anchor,
            names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stretch(given: &[&str], around: Around<'_>, before: usize, after: usize) -> Stretch {
        Stretch::of(given.iter().map(OsString::from), around, before, after)
    }

    fn names(stretch: &Stretch) -> Vec<&str> {
        stretch
            .names
            .iter()
            .filter_map(|name| name.to_str())
            .collect()
    }

    const GIVEN: [&str; 9] = [
        "20261123-093000-beef.toml",
        "20261123-093000-abcd.toml",
        "2026",
        "20261123-093000-abcd-2.toml",
        "ana",
        "zoë-o-brien",
        "20251123-093000-beef.toml",
        "20261123-091000-beef.toml",
        "a",
    ];

    #[test]
    fn a_stretch_holds_what_a_sort_would_put_there() {
        let mut sorted = GIVEN.to_vec();
        sorted.sort();
        let all = stretch(&GIVEN, Around::Start, 0, usize::MAX);
        assert_eq!(names(&all), sorted);
        assert_eq!((all.total, all.first, all.anchor), (9, 0, 0));

        let first = stretch(&GIVEN, Around::Start, 5, 3);
        assert_eq!(names(&first), sorted[..3], "nothing before the start");
        let last = stretch(&GIVEN, Around::End, 4, 3);
        assert_eq!(names(&last), sorted[5..]);
        assert_eq!((last.first, last.anchor, last.held()), (5, 9, 5..9));
        assert_eq!(last.get(6), Some(OsStr::new(sorted[6])));
        assert_eq!(last.get(4), None, "not held");

        let anchor = OsStr::new("20261123-093000-abcd.toml");
        let around = stretch(&GIVEN, Around::Name(anchor), 2, 2);
        let at = sorted
            .iter()
            .position(|name| *name == "20261123-093000-abcd.toml");
        assert_eq!(Some(around.anchor), at);
        assert_eq!(names(&around), sorted[around.anchor - 2..around.anchor + 2]);

        // A name that is gone: where it would be.
        let gone = stretch(&GIVEN, Around::Name(OsStr::new("20261123-092")), 1, 1);
        assert_eq!(
            names(&gone),
            ["20261123-091000-beef.toml", "20261123-093000-abcd-2.toml"]
        );
        assert_eq!(gone.anchor, 3);
    }
}
