//! How long handoff itself takes from reading input to having the answering
//! frame flushed, written one line per frame (microseconds) to the file
//! named by `HANDOFF_TIMING_LOG`. The terminal benchmark measures through a
//! pseudo-terminal, which adds the pty and the terminal's own parsing; this
//! is the app alone. Unset, it costs nothing but a check.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::time::Instant;

pub const ENV_VAR: &str = "HANDOFF_TIMING_LOG";

pub struct TimingLog {
    file: Option<File>,
}

impl TimingLog {
    /// A log that cannot be opened is no log: timing must never stop the
    /// workbook from running.
    pub fn from_env() -> Self {
        let file = std::env::var_os(ENV_VAR)
            .and_then(|path| OpenOptions::new().create(true).append(true).open(path).ok());
        Self { file }
    }

    pub fn is_on(&self) -> bool {
        self.file.is_some()
    }

    pub fn frame_flushed(&mut self, input_read: Instant) {
        if let Some(file) = &mut self.file {
            let _ = writeln!(file, "{}", input_read.elapsed().as_micros());
        }
    }
}
