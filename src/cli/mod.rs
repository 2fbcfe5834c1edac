//! The command line: arguments, and the subcommands that print and exit.

mod confirm;
mod content_check;
mod export;
mod import;
mod list;
mod lookup;
mod out;
mod person;
mod prepare;
mod reports;
mod revisit;
mod where_cmd;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

pub use confirm::Answer;
pub use content_check::content_check;
pub use import::{Import, import};
pub use list::list;
pub use lookup::client as client_person;
pub use person::person;
pub use reports::{Destination, show, show_comparison};
pub use revisit::revisit;
pub use where_cmd::where_data;

#[derive(Debug, Parser)]
#[command(
    name = "handoff",
    version,
    about = "A coaching workbook about delegation, in your terminal.",
    long_about = "A coaching workbook about delegation, in your terminal.\n\n\
        Run with no arguments to open the workbook. Everything you write stays \
        in a folder on this machine (see `handoff where`)."
)]
pub struct Cli {
    /// Keep data in this folder instead of the usual one.
    #[arg(long, global = true, value_name = "DIR", env = "HANDOFF_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Add a coach's own content files from this folder to the workbook
    /// (check them first with `handoff content check DIR`). Without it,
    /// the data folder's `content` folder is used when it exists.
    #[arg(long, global = true, value_name = "DIR", env = "HANDOFF_CONTENT_DIR")]
    pub content: Option<PathBuf>,

    /// Open in the client view: only this person's workbook, safe to
    /// share on screen (no other names, no coach notes, no paths). The
    /// name, or its folder name.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,

    /// The workbook as printed lines and numbered choices, read line by
    /// line from standard input: for screen readers, dumb terminals and
    /// serial consoles. Also used when TERM=dumb.
    #[arg(long)]
    pub plain: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check workbook content files.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Print where handoff keeps its data.
    Where,
    /// List everyone saved, or one person's assessments.
    ///
    /// With --person, each assessment is one line: its id, date, whether it
    /// is complete or a draft, and its section scores ("-" for a section
    /// left unanswered). Files that cannot be read are listed with the
    /// reason.
    List {
        /// Whose assessments to list: the name, or its folder name.
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// List the people archived instead.
        #[arg(long, conflicts_with = "person")]
        archived: bool,
    },
    /// Show one assessment: every answer and the summary.
    Show {
        /// The assessment's id, as `handoff list --person NAME` shows it.
        id: String,
        /// Print Markdown instead of plain text.
        #[arg(long)]
        markdown: bool,
        /// Look only at this person's assessments (when an id is shared).
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
    },
    /// Compare two assessments: scores, every answer, and how the earlier
    /// commitments went.
    ///
    /// The older one is "before" whichever order the ids are given in.
    Compare {
        /// One assessment's id.
        id_a: String,
        /// The other assessment's id.
        id_b: String,
        /// Print Markdown instead of plain text.
        #[arg(long)]
        markdown: bool,
        /// Look only at this person's assessments (when an id is shared).
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
    },
    /// Write one assessment, or a comparison of two, as Markdown; or one
    /// assessment as a file to send (--format toml).
    ///
    /// Prints to standard output unless --out names a file. The file is
    /// readable by you alone (0600) and is never written over unless you
    /// pass --force. A client copy (the default) holds the client's own
    /// answers and notes; a coach copy adds your coach notes on the person.
    Export {
        /// One id for an assessment's report, two for a comparison.
        #[arg(required = true, num_args = 1..=2, value_name = "ID")]
        ids: Vec<String>,
        /// Write the report to this file instead.
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long, requires = "out")]
        force: bool,
        /// Look only at this person's assessments (when an id is shared).
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Whose copy: the client's (never any coach note) or yours.
        #[arg(long, value_enum, default_value_t = CopyArg::Client)]
        copy: CopyArg,
        /// markdown: a report to read. toml: the assessment itself, for
        /// `handoff import` on another machine (a client copy only).
        #[arg(long, value_enum, default_value_t = FormatArg::Markdown)]
        format: FormatArg,
    },
    /// Add an assessment someone filled in on their own machine and sent
    /// (written there with `handoff export ID --format toml`).
    ///
    /// The file is checked like any saved assessment, and what it adds and
    /// to whom is shown before anything is written. It never replaces an
    /// assessment already on file.
    Import {
        /// The file that was sent.
        file: PathBuf,
        /// Whose assessment it is; by default the name in the file. Someone
        /// new is added.
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// Add it without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Rename, archive, restore or forget a person; write a coach note;
    /// set the next session's date.
    #[command(subcommand)]
    Person(PersonCommand),
    /// What to look at before the next session with a person: the last and
    /// next session, commitments falling due, how earlier ones went, what
    /// moved most, and your last coach note.
    Prepare {
        /// Whose session: the name, or its folder name.
        #[arg(long, value_name = "NAME")]
        person: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CopyArg {
    Client,
    Coach,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Markdown,
    Toml,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Give someone a new name. Their assessments and notes stay with them.
    Rename {
        /// Their name now, or its folder name.
        name: String,
        /// The new name.
        new_name: String,
    },
    /// Take someone off the list, keeping every file (restore brings them
    /// back).
    Archive {
        /// Their name, or its folder name.
        name: String,
    },
    /// Bring an archived person back into the list.
    Restore {
        /// Their name, or its folder name.
        name: String,
    },
    /// Write a private coach note on a person, dated now. It never goes
    /// into an assessment file or a client copy.
    Note {
        /// Their name, or its folder name.
        name: String,
        /// The note.
        text: String,
    },
    /// Set the next session's date (YYYY-MM-DD), or clear it with "none".
    Next {
        /// Their name, or its folder name.
        name: String,
        /// The date, like 2026-12-15, or none.
        date: String,
    },
    /// Delete every file of a person: assessments, drafts, coach notes and
    /// the name. It cannot be undone.
    ///
    /// Asks you to type their name to confirm; --confirm NAME does the
    /// same without asking (for scripts).
    Forget {
        /// Their name, or its folder name.
        name: String,
        /// Their name again, exactly as `handoff list` shows it.
        #[arg(long, value_name = "NAME")]
        confirm: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check a folder of content files and report every problem.
    ///
    /// A folder with a [workbook] table is checked as a whole workbook; any
    /// other folder as an extension of the built-in one. With no folder, the
    /// built-in content is checked.
    Check {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
}
