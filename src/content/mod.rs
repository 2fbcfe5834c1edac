//! The workbook's content: the built-in TOML files, the loader that checks
//! them, and the linked model the rest of the program reads.

mod choice;
mod error;
mod load;
mod model;
mod raw;

pub use choice::{CONTENT_FOLDER, Chosen, ContentRefused, choose_workbook};
pub use error::{ContentError, ContentErrors};
pub use load::{ContentSource, check_dir, load, load_builtin, read_dir_sources};
pub use model::{
    Better, Gap, Item, Leans, Letter, Mode, Modes, Scale, ScalePoint, Section, SectionKind,
    TeamText, Workbook,
};

/// The built-in files, compiled in so the binary runs from any folder.
pub const BUILTIN: &[(&str, &str)] = &[
    ("workbook.toml", include_str!("../../content/workbook.toml")),
    ("gap.toml", include_str!("../../content/gap.toml")),
    ("drivers.toml", include_str!("../../content/drivers.toml")),
    ("symptoms.toml", include_str!("../../content/symptoms.toml")),
    (
        "aggravators.toml",
        include_str!("../../content/aggravators.toml"),
    ),
    ("remedies.toml", include_str!("../../content/remedies.toml")),
    ("patterns.toml", include_str!("../../content/patterns.toml")),
    ("support.toml", include_str!("../../content/support.toml")),
    ("topics.toml", include_str!("../../content/topics.toml")),
    ("modes.toml", include_str!("../../content/modes.toml")),
    ("team.toml", include_str!("../../content/team.toml")),
];
