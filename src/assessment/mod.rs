//! Assessments: what a person answered, and what those answers add up to.

mod balance;
mod compare;
mod field;
mod leaning;
mod model;
mod score;
mod summary;
mod team;
mod team_compare;
mod team_map;
mod time;
mod trend;

pub use balance::{Balance, Lean, balance};
pub use compare::{
    Absence, Change, CommitmentFollowUp, Comparison, FollowUpOutcome, ItemComparison,
    PlacementComparison, SectionComparison, chronological, compare,
};
pub use field::{CommitmentField, DecisionField, Field, MemberField, Rated, TaskField, parse_due};
pub use leaning::{Leaning, Pointer, Towards, leaning};
pub use model::{
    Answer, Answers, Assessment, CheckIn, Commitment, DelegationMode, FollowUp, FollowUpStatus,
    MAX_COMMITMENTS, SCHEMA_VERSION, Task, new_id,
};
pub use score::{SectionScore, section_score, section_scores};
pub use summary::{
    MapTally, Notable, PatternPointer, Recommendation, Summary, TeamEvidence, notable,
};
pub use team::{
    Decision, MAX_DECISIONS, MAX_MEMBERS, MAX_SKILLS, MIN_SKILLS, Member, Raci, Skill, Team, YOU,
};
pub use team_compare::{
    DecisionChange, LevelChange, PersonChange, Presence, TeamComparison, compare_teams,
};
pub use team_map::{
    Alignment, Placed, Readiness, Suggested, TeamNote, alignment_words, columns, competence_notes,
    decision_notes, display_name, handoffs, place, placements, suggested_mode,
};
pub use trend::{Scored, SectionTrend, Trend, TrendColumn};
