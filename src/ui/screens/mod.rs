//! One file per screen and per worksheet: each owns its view state, its
//! keys and its drawing.

mod checkin;
mod commitments;
mod history;
mod home;
mod modes;
mod page;
mod people;
mod rated;
mod records;
mod reference;
mod session;
mod sheet_list;
mod summary;
mod team;
mod trend;
mod typing;
mod worksheet;

pub use crate::session::Sheet;
pub use history::HistoryScreen;
pub use home::{Choice, HomeScreen, Recent};
pub use page::PageScreen;
pub use people::PeopleScreen;
pub use reference::ReferenceScreen;
pub use session::SessionScreen;
pub use summary::SummaryView;
pub use team::{Part as TeamPart, TeamView, map_chart, map_words};
pub use trend::TrendScreen;
pub use worksheet::{Confirmation, SheetOutcome, SheetView};
