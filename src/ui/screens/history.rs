//! A person's completed assessments: date and headline scores, newest
//! first, with unreadable files listed and explained in their place. From
//! here an assessment opens read-only, two are compared, or the trend is
//! drawn.
//!
//! The folder's listing gives the count and the order; a file is read only
//! when its row is near the screen (`ui::rows`), so ten thousand
//! assessments open as fast as ten.

use std::ffi::OsStr;
use std::ops::Range;
use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Ctx, Open, Outcome, Status};
use crate::assessment::weigh;
use crate::content::{Better, SectionKind, Workbook};
use crate::keymap::{self, Action, Context};
use crate::report::{Mark, better_arrow};
use crate::store::{Around, Header, HistoryEntry, HistoryFiles, Person};
use crate::text::sanitize_line;
use crate::ui::rows::{self, ReadRows};
use crate::ui::widgets::inset;
use crate::ui::wrap;

/// Short names of the sections, for columns and a chart's labels;
/// explained where they are used.
pub(super) fn short(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Readiness => "Ready",
        SectionKind::Drivers => "Drive",
        SectionKind::Symptoms => "Signs",
        SectionKind::Aggravators => "Worse",
        SectionKind::Remedies => "Helps",
        SectionKind::Support => "Suppt",
    }
}

pub struct HistoryScreen {
    pub person: Person,
    /// How many files there are, and the names of a stretch of them around
    /// the rows on screen (positions oldest first; rows newest first).
    pub files: HistoryFiles,
    /// The rows on screen and a page either side, read; by row.
    rows: ReadRows<HistoryEntry>,
    /// Rows, newest first.
    pub selected: usize,
    /// The file marked to compare with.
    marked: Option<PathBuf>,
    /// How many rows the list has, from the size it was last fitted to.
    height: usize,
}

/// The fewest names listed either side of the highlighted row when the
/// list moves past those held: a listing is a few milliseconds at ten
/// thousand files, so one for every dozen pages or so.
const FEWEST_NAMES: usize = 128;

impl HistoryScreen {
    /// Names listed when the history opens: more rows than most screens
    /// show, so fitting to the screen needs no second listing.
    pub const FIRST_NAMES: usize = 256;

    /// A history of the newest `files` (listed with
    /// [`HistoryScreen::FIRST_NAMES`]); none is read until the loop fits
    /// the screen to its size ([`HistoryScreen::fit`]) and it knows which
    /// rows it draws.
    pub fn new(person: Person, files: HistoryFiles) -> Self {
        Self {
            person,
            files,
            rows: ReadRows::default(),
            selected: 0,
            marked: None,
            height: 0,
        }
    }

    /// Reads the rows that drawing in `body` will show, and drops the
    /// rest: opening reads no more than the screen. Called by the loop,
    /// never while a key is handled, as is [`HistoryScreen::read_around`].
    pub fn fit(&mut self, body: Rect, workbook: &Workbook) {
        let [_, _, _, list] = layout(body, workbook);
        self.height = usize::from(list.height);
        // And the row under the last, which its change is measured from.
        self.read_rows(
            |selected, height, len| {
                let shown = rows::on_screen(selected, height, len);
                shown.start..(shown.end + 1).min(len)
            },
            workbook,
        );
    }

    /// Reads the rows `wanted` picks for this screen's height, listing the
    /// folder again around the highlighted row first if their names are
    /// not held.
    fn read_rows(&mut self, wanted: fn(usize, usize, usize) -> Range<usize>, workbook: &Workbook) {
        let rows = wanted(self.selected, self.height, self.files.len());
        if !rows::holds(&self.files.held(), &self.positions(&rows)) {
            self.list_around_selected();
        }
        let rows = wanted(self.selected, self.height, self.files.len());
        let files = &self.files;
        let len = files.len();
        self.rows.keep(rows, |row| {
            let at = len - 1 - row;
            files
                .entry(at, workbook)
                .unwrap_or_else(|| HistoryEntry::Unreadable {
                    path: files.path(at).unwrap_or_default(),
                    reason: "no longer listed".into(),
                })
        });
    }

    /// Lists the folder again, holding names either side of the
    /// highlighted one. The highlight stays on its assessment, wherever a
    /// file added or removed meanwhile puts it.
    fn list_around_selected(&mut self) {
        let reach = (2 * self.height).max(FEWEST_NAMES);
        let total = self.files.len();
        let at = total.saturating_sub(self.selected + 1);
        let files = match self.files.name(at).map(OsStr::to_os_string) {
            Some(name) => {
                let files = HistoryFiles::list(&self.person.dir, Around::Name(&name), reach, reach);
                let kept = files.name(files.anchor()) == Some(name.as_os_str());
                (kept && files.anchor() < files.len()).then_some(files)
            }
            None => None,
        };
        let files = files.unwrap_or_else(|| {
            HistoryFiles::list(&self.person.dir, Around::End, self.selected + reach, 0)
        });
        let selected = match files.len().checked_sub(files.anchor() + 1) {
            Some(row) if files.anchor() < files.len() => row,
            _ => self.selected.min(files.len().saturating_sub(1)),
        };
        if files.len() != total || selected != self.selected {
            // Rows moved: what was read is at other rows now.
            self.rows.clear();
        }
        self.selected = selected;
        self.files = files;
    }

    /// Positions (oldest first) of rows (newest first).
    fn positions(&self, rows: &Range<usize>) -> Range<usize> {
        let len = self.files.len();
        len.saturating_sub(rows.end)..len.saturating_sub(rows.start)
    }

    /// How many rows are held read: those on screen and a page either
    /// side, never the whole list.
    pub fn rows_read(&self) -> usize {
        self.rows.len()
    }

    /// The file of a row.
    fn path(&self, row: usize) -> Option<PathBuf> {
        let at = self.files.len().checked_sub(row + 1)?;
        self.files.path(at)
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::History]
    }

    /// Reads the rows on screen and a page either side, so the next keys
    /// find theirs read: the loop's work after a key.
    pub fn read_around(&mut self, workbook: &Workbook) {
        self.read_rows(rows::around, workbook);
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let last = self.files.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Mark => {
                // One mark at a time: the comparison is between it and
                // the highlighted row, so say so as it is set.
                let selected = self.path(self.selected);
                self.marked = if self.marked.is_some() && self.marked == selected {
                    *cx.status = Some(Status::info("Mark removed."));
                    None
                } else {
                    let date = self
                        .rows
                        .get(self.selected)
                        .and_then(HistoryEntry::header)
                        .map(|header| {
                            header
                                .completed
                                .unwrap_or(header.created)
                                .format("the one from %-d %b %Y")
                                .to_string()
                        })
                        .unwrap_or_else(|| "this one".to_string());
                    let compare = keymap::key_for(Context::History, Action::Compare);
                    *cx.status = Some(Status::info(format!(
                        "Marked {date} (*). Move to another and press {compare} to compare the two."
                    )));
                    selected
                };
            }
            Action::Select => return self.open(cx),
            Action::Compare => return self.compare(),
            Action::Trend => return Outcome::open(Open::Trend(self.person.clone())),
            Action::Back => return Outcome::Pop,
            _ => {}
        }
        Outcome::Stay
    }

    /// The highlighted assessment's file, if it could be read: what `x`
    /// exports.
    pub fn highlighted(&self) -> Option<PathBuf> {
        match self.rows.get(self.selected) {
            Some(HistoryEntry::Readable { path, .. }) => Some(path.clone()),
            _ => None,
        }
    }

    /// The highlighted assessment, read-only, at its summary.
    fn open(&self, cx: &mut Ctx<'_>) -> Outcome {
        if let Some(HistoryEntry::Unreadable { reason, .. }) = self.rows.get(self.selected) {
            *cx.status = Some(Status::error(format!("Cannot open it: {reason}")));
            return Outcome::Stay;
        }
        match self.path(self.selected) {
            Some(path) => Outcome::open(Open::Completed {
                person: self.person.clone(),
                path,
            }),
            None => Outcome::Stay,
        }
    }

    /// The highlighted assessment against the marked one or, with none
    /// marked, against the one before it (by default, the latest against
    /// the one before that).
    fn compare(&self) -> Outcome {
        let Some(path) = self.path(self.selected) else {
            return Outcome::Stay;
        };
        let with = self.marked.clone().filter(|marked| *marked != path);
        Outcome::open(Open::Compare {
            person: self.person.clone(),
            path,
            with,
        })
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let workbook = app.workbook();
        let [count_line, legend_area, header_line, list] = layout(area, workbook);
        let columns = Columns::new(workbook, list.width);
        // How many files, from the folder's listing: whether each can be
        // read is known only for the rows read, so an unreadable one is
        // said in its own row.
        let count = format!("{} completed, newest first", self.files.len());
        frame.render_widget(
            Paragraph::new(Line::styled(count, theme.heading())),
            count_line,
        );
        let legend: Vec<Line> = legend(workbook, legend_area.width)
            .into_iter()
            .map(|row| Line::styled(row, theme.muted()))
            .collect();
        frame.render_widget(Paragraph::new(legend), legend_area);
        frame.render_widget(
            Paragraph::new(Line::styled(columns.header(), theme.heading())),
            header_line,
        );
        if self.files.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled("Nothing completed yet.", theme.muted())),
                list,
            );
            return;
        }
        // Only the rows on screen are built, from the rows read for them.
        let shown = rows::on_screen(self.selected, usize::from(list.height), self.files.len());
        let lines: Vec<Line> = shown
            .map(|row| match self.rows.get(row) {
                Some(entry) => self.row(row, entry, &columns, app),
                // Only when drawn at a size the screen was not fitted to.
                None => Line::styled("   …", theme.muted()),
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }

    /// The readable assessment before (older than) a row, among those
    /// read: what its change is measured from.
    fn previous(&self, row: usize) -> Option<&Header> {
        (row + 1..self.files.len())
            .map_while(|older| self.rows.get(older))
            .find_map(HistoryEntry::header)
    }

    fn row(
        &self,
        index: usize,
        entry: &HistoryEntry,
        columns: &Columns,
        app: &App,
    ) -> Line<'static> {
        let theme = app.theme;
        let cursor = if index == self.selected { "▶" } else { " " };
        let mark = if self.marked.as_deref() == Some(entry.path()) {
            "*"
        } else {
            " "
        };
        let style = if index == self.selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        match entry {
            HistoryEntry::Readable { header, .. } => {
                let mut text = format!("{cursor}{mark} {}", columns.date(header));
                text.push_str(&columns.scores(header, self.previous(index)));
                if header.read_only {
                    text.push_str("  (newer format, read-only)");
                }
                Line::styled(text, style)
            }
            HistoryEntry::Unreadable { reason, .. } => Line::from(vec![
                Span::styled(format!("{cursor}{mark} unreadable: "), theme.error()),
                Span::styled(sanitize_line(&app.shareable(reason)), style),
            ]),
        }
    }
}

/// The list's columns at a width: the date (with the time where there is
/// room), then a score per section headed by its short name and which way
/// is better, each with its change against the assessment before.
struct Columns {
    sections: Vec<(SectionKind, Better)>,
    with_time: bool,
}

/// Columns of the date, with and without the time of day.
const DATE_WITH_TIME: usize = 18;
const DATE_ONLY: usize = 12;
/// "Ready↑" or "83 ▲", right-aligned.
const SCORE: usize = 7;

impl Columns {
    fn new(workbook: &Workbook, width: u16) -> Self {
        let sections: Vec<(SectionKind, Better)> = workbook
            .sections
            .iter()
            .map(|section| (section.kind, section.better))
            .collect();
        let with_time = 3 + DATE_WITH_TIME + SCORE * sections.len() <= usize::from(width);
        Self {
            sections,
            with_time,
        }
    }

    fn date_width(&self) -> usize {
        if self.with_time {
            DATE_WITH_TIME
        } else {
            DATE_ONLY
        }
    }

    fn header(&self) -> String {
        let mut header = format!("   {:<width$}", "Completed", width = self.date_width());
        for (kind, better) in &self.sections {
            let name = format!("{}{}", short(*kind), better_arrow(*better));
            header.push_str(&format!("{name:>SCORE$}"));
        }
        header
    }

    fn date(&self, header: &Header) -> String {
        let at = header.completed.unwrap_or(header.created);
        let date = if self.with_time {
            at.format("%-d %b %Y %H:%M").to_string()
        } else {
            at.format("%-d %b %Y").to_string()
        };
        format!("{date:<width$}", width = self.date_width())
    }

    /// Each score with ▲, ▼ or = against `previous`; a blank where there
    /// is nothing to weigh.
    fn scores(&self, header: &Header, previous: Option<&Header>) -> String {
        let mut text = String::new();
        for (kind, better) in &self.sections {
            let now = header.percent(*kind);
            let value = now.map_or("–".to_string(), |percent| percent.to_string());
            let then = previous.and_then(|previous| previous.percent(*kind));
            let symbol = match (then, now) {
                (Some(_), Some(_)) => Mark::from(weigh(then, now, *better)).symbol(),
                _ => " ",
            };
            text.push_str(&format!("{:>SCORE$}", format!("{value} {symbol}")));
        }
        text
    }
}

/// What the columns mean: the short names, which way is better, and the
/// change marks; as the rows it takes at `width`.
fn legend(workbook: &Workbook, width: u16) -> Vec<String> {
    let names: Vec<String> = workbook
        .sections
        .iter()
        .map(|section| format!("{} = {}", short(section.kind), section.title))
        .collect();
    let lines = [
        format!("Scores 0–100: {}", names.join(" · ")),
        format!(
            "↑ higher is better, ↓ lower is better. Against the one before: {} better, {} worse, {} same.",
            Mark::Better.symbol(),
            Mark::Worse.symbol(),
            Mark::Same.symbol()
        ),
    ];
    lines
        .iter()
        .flat_map(|line| {
            wrap::rows(&sanitize_line(line), usize::from(width))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The count line, the legend, the column headings and the list.
fn layout(area: Rect, workbook: &Workbook) -> [Rect; 4] {
    let area = inset(area);
    let legend_height = u16::try_from(legend(workbook, area.width).len()).unwrap_or(u16::MAX);
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(legend_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area)
}
