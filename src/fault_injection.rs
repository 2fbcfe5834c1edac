//! Test hooks, compiled into debug builds only (`cfg(debug_assertions)`,
//! as `cargo test` builds the program): environment variables that make
//! the running program fail on cue, so the fault tests can show that a
//! failed save or an internal error loses nothing. A release build has
//! neither this module nor the fields and calls that use it.
//!
//! - `HANDOFF_TEST_FAIL_SAVE=<step>:<trigger file>`: while the trigger file
//!   exists, every save fails at `<step>` (`create`, `write`, `sync`,
//!   `rename` or `sync-folder`). Removing the file ends the fault, so a test
//!   can check that the next save succeeds.
//! - `HANDOFF_TEST_PANIC_ON=<update|draw>:<character>`: typing the character
//!   panics while the key is handled (`update`) or while the next frame is
//!   drawn (`draw`).

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::store::WriteStep;

pub const FAIL_SAVE_ENV: &str = "HANDOFF_TEST_FAIL_SAVE";
pub const PANIC_ON_ENV: &str = "HANDOFF_TEST_PANIC_ON";

/// Saves fail at `step` while `trigger` exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFault {
    pub step: WriteStep,
    pub trigger: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanicDuring {
    Update,
    Draw,
}

/// A key that makes the program panic, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanicOnKey {
    pub key: char,
    pub during: PanicDuring,
    /// Set once the key is pressed, for a panic in the next draw.
    pub armed: bool,
}

impl PanicOnKey {
    /// Called for every key: panics at once, or arms the draw panic.
    pub fn pressed(&mut self, key: &KeyEvent) {
        if key.code != KeyCode::Char(self.key) {
            return;
        }
        match self.during {
            PanicDuring::Update => panic!("{PANIC_ON_ENV}: a panic on cue while handling a key"),
            PanicDuring::Draw => self.armed = true,
        }
    }

    /// Called at the start of every draw.
    pub fn drawing(&self) {
        if self.armed {
            panic!("{PANIC_ON_ENV}: a panic on cue while drawing");
        }
    }
}

fn step_named(name: &str) -> Option<WriteStep> {
    Some(match name {
        "create" => WriteStep::Create,
        "write" => WriteStep::Write,
        "sync" => WriteStep::Sync,
        "rename" => WriteStep::Rename,
        "sync-folder" => WriteStep::SyncFolder,
        _ => return None,
    })
}

/// The save fault asked for, if any.
pub fn save_fault_from_env() -> Option<SaveFault> {
    let value = std::env::var(FAIL_SAVE_ENV).ok()?;
    let (step, trigger) = value.split_once(':')?;
    Some(SaveFault {
        step: step_named(step)?,
        trigger: PathBuf::from(trigger),
    })
}

/// The panic key asked for, if any.
pub fn panic_on_key_from_env() -> Option<PanicOnKey> {
    let value = std::env::var(PANIC_ON_ENV).ok()?;
    let (during, key) = value.split_once(':')?;
    let during = match during {
        "update" => PanicDuring::Update,
        "draw" => PanicDuring::Draw,
        _ => return None,
    };
    let mut chars = key.chars();
    let key = chars.next().filter(|_| chars.next().is_none())?;
    Some(PanicOnKey {
        key,
        during,
        armed: false,
    })
}
