//! A value worked out on another thread and waited for only when first
//! needed. The workbook's content takes about a millisecond to parse and
//! check, and the first screen (choosing a person) shows none of it, so
//! the terminal starts and draws while the second core loads it.

use std::sync::{Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

pub struct Deferred<T> {
    value: OnceLock<T>,
    pending: Mutex<Option<JoinHandle<T>>>,
}

impl<T: Send + 'static> Deferred<T> {
    /// A value that is already there.
    pub fn ready(value: T) -> Self {
        Self {
            value: OnceLock::from(value),
            pending: Mutex::new(None),
        }
    }

    /// Starts working out the value on another thread.
    pub fn spawn(work: impl FnOnce() -> T + Send + 'static) -> Self {
        Self {
            value: OnceLock::new(),
            pending: Mutex::new(Some(std::thread::spawn(work))),
        }
    }

    /// The value, waiting for it the first time if it is not ready. A panic
    /// on the other thread is carried over to this one, as if the work had
    /// been done here.
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            let handle = self
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            match handle.map(JoinHandle::join) {
                Some(Ok(value)) => value,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => unreachable!("a Deferred holds either a value or the work for it"),
            }
        })
    }
}
