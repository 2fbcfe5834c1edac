//! Assessments: what a person answered, and what those answers add up to.

mod amend;
mod balance;
mod compare;
mod field;
mod leaning;
mod model;
mod score;
mod summary;
pub mod time;
mod trend;

pub use amend::{NotOnlyWording, only_wording};
pub use balance::{Balance, Lean, balance};
pub use compare::{
    Absence, Change, CommitmentFollowUp, Comparison, FollowUpOutcome, ItemComparison,
    PlacementComparison, SectionComparison, chronological, compare,
};
pub use field::{CommitmentField, Field, Rated, TaskField, parse_due};
pub use leaning::{Leaning, Pointer, Towards, leaning};
pub use model::{
    Answer, Answers, Assessment, CheckIn, Commitment, DelegationMode, FollowUp, FollowUpStatus,
    MAX_COMMITMENTS, SCHEMA_VERSION, Task, new_id, started_on,
};
pub use score::{SectionScore, section_score, section_scores};
pub use summary::{Notable, PatternPointer, Recommendation, Summary, notable};
pub use trend::{Scored, SectionTrend, Trend, TrendColumn};
