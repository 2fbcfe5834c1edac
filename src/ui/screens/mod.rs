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
mod sheet;
mod summary;
mod trend;

pub use history::HistoryScreen;
pub use home::{Choice, HomeScreen, Recent};
pub use page::PageScreen;
pub use people::PeopleScreen;
pub use reference::ReferenceScreen;
pub use session::{Pending, SessionScreen, SheetOutcome, SheetView};
pub use sheet::Sheet;
pub use summary::{SummaryView, summary_lines};
pub use trend::TrendScreen;
