//! Rows read for a long list: those on screen and a page either side,
//! read as the list scrolls. Rather than cache what might be shown, a list
//! of ten thousand files reads what is drawn; this holds only those, and
//! goes with its screen.

use std::collections::VecDeque;
use std::ops::Range;

/// The rows a list of `len` rows shows in `height` rows with `selected`
/// highlighted: it scrolls only as far as keeping the highlight in view
/// needs, as ratatui's own `List` does.
pub fn on_screen(selected: usize, height: usize, len: usize) -> Range<usize> {
    let height = height.max(1);
    let first = (selected + 1).saturating_sub(height);
    first.min(len)..(first + height).min(len)
}

/// [`on_screen`] and a page either side, so a step or a page down shows
/// rows already read, and the reading follows a little behind.
pub fn around(selected: usize, height: usize, len: usize) -> Range<usize> {
    let shown = on_screen(selected, height, len);
    shown.start.saturating_sub(height)..(shown.end + height).min(len)
}

/// Whether `held` covers all of `wanted`.
pub fn holds(held: &Range<usize>, wanted: &Range<usize>) -> bool {
    wanted.is_empty() || (held.start <= wanted.start && wanted.end <= held.end)
}

/// Rows read by position, for one contiguous stretch of a list.
#[derive(Debug)]
pub struct ReadRows<T> {
    first: usize,
    rows: VecDeque<T>,
}

impl<T> Default for ReadRows<T> {
    fn default() -> Self {
        Self {
            first: 0,
            rows: VecDeque::new(),
        }
    }
}

impl<T> ReadRows<T> {
    pub fn get(&self, at: usize) -> Option<&T> {
        self.rows.get(at.checked_sub(self.first)?)
    }

    /// Holds exactly the rows of `wanted`: those already read are kept,
    /// the others read with `read`, and every row outside is dropped.
    pub fn keep(&mut self, wanted: Range<usize>, mut read: impl FnMut(usize) -> T) {
        let mut held = std::mem::take(&mut self.rows);
        let mut held_at = self.first;
        let mut rows = VecDeque::with_capacity(wanted.len());
        for at in wanted.clone() {
            // Held rows above this one are no longer wanted.
            while held_at < at && held.pop_front().is_some() {
                held_at += 1;
            }
            let row = if held_at == at {
                held.pop_front().inspect(|_| held_at += 1)
            } else {
                None
            };
            rows.push_back(row.unwrap_or_else(|| read(at)));
        }
        self.first = wanted.start;
        self.rows = rows;
    }

    /// Forgets every row, so each is read again when next wanted.
    pub fn clear(&mut self) {
        self.rows.clear();
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_once_while_they_stay_wanted_and_dropped_after() {
        let mut rows = ReadRows::default();
        let mut reads = Vec::new();
        rows.keep(0..4, |at| {
            reads.push(at);
            at * 10
        });
        rows.keep(2..6, |at| {
            reads.push(at);
            at * 10
        });
        assert_eq!(reads, [0, 1, 2, 3, 4, 5], "2 and 3 were kept");
        assert_eq!(rows.get(1), None, "dropped");
        assert_eq!(rows.get(5), Some(&50));
        reads.clear();
        rows.keep(0..3, |at| {
            reads.push(at);
            at
        });
        assert_eq!(reads, [0, 1], "2 was kept, the rest read again");
        assert_eq!((rows.get(2), rows.len()), (Some(&20), 3));
        rows.keep(100..101, |at| at);
        assert_eq!((rows.get(2), rows.get(100)), (None, Some(&100)));
    }

    #[test]
    fn the_list_scrolls_only_to_keep_the_highlight_in_view() {
        assert_eq!(on_screen(0, 10, 1000), 0..10);
        assert_eq!(on_screen(9, 10, 1000), 0..10);
        assert_eq!(on_screen(10, 10, 1000), 1..11);
        assert_eq!(on_screen(3, 10, 5), 0..5);
        assert_eq!(around(50, 10, 1000), 31..61);
        assert_eq!(around(0, 10, 15), 0..15);
        assert_eq!(on_screen(0, 0, 3), 0..1);
    }
}
