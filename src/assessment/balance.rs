//! The learning/performance balance of the tasks a leader could hand over.

use super::model::{DelegationMode, Task};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    /// Fewer than two tasks have a mode: too early to say anything.
    TooFewToSay,
    Mixed,
    /// Every task is for performance: people deliver but stop growing.
    AllPerformance,
    /// Every task is for learning: results may slow down.
    AllLearning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Balance {
    pub performance: usize,
    pub learning: usize,
    pub undecided: usize,
    pub lean: Lean,
}

pub fn balance(tasks: &[Task]) -> Balance {
    let count = |mode| tasks.iter().filter(|task| task.mode == Some(mode)).count();
    let performance = count(DelegationMode::Performance);
    let learning = count(DelegationMode::Learning);
    let lean = match (performance, learning) {
        (p, l) if p + l < 2 => Lean::TooFewToSay,
        (_, 0) => Lean::AllPerformance,
        (0, _) => Lean::AllLearning,
        _ => Lean::Mixed,
    };
    Balance {
        performance,
        learning,
        undecided: tasks.len() - performance - learning,
        lean,
    }
}
