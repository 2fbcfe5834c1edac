//! The team map in plain mode.

use std::io::{self, BufRead, Write};

use super::filling::{Filling, Step};

impl<R: BufRead, W: Write> Filling<'_, '_, R, W> {
    /// Not asked in plain mode yet: said plainly, and passed.
    pub(super) fn team(&mut self) -> io::Result<Step> {
        self.talk.say(
            "The team map is not asked in plain mode yet; it can be filled in the full-screen program. Going on to the next worksheet.",
        )?;
        Ok(Step::Next)
    }
}
