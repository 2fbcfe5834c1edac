//! The cursor of a worksheet made of records (tasks, commitments), each
//! with the same fixed parts: one position per part of every record.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCursor {
    pub position: usize,
}

impl RecordCursor {
    /// The record and the part the cursor is on.
    pub fn at<P: Copy>(&self, parts: &[P]) -> (usize, P) {
        (
            self.position / parts.len(),
            parts[self.position % parts.len()],
        )
    }

    pub fn is_at(&self, record: usize, part: usize, parts: usize) -> bool {
        self.position == record * parts + part
    }

    pub fn go_to_record(&mut self, record: usize, parts: usize) {
        self.position = record * parts;
    }

    pub fn up(&mut self) {
        self.position = self.position.saturating_sub(1);
    }

    pub fn down(&mut self, records: usize, parts: usize) {
        self.position = (self.position + 1).min((records * parts).saturating_sub(1));
    }

    /// After a record is removed, stay on a record that still exists.
    pub fn clamp(&mut self, records: usize, parts: usize) {
        if self.position >= records * parts {
            self.position = (records * parts).saturating_sub(parts);
        }
    }
}
