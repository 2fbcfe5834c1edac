//! A person's completed assessments: date and headline scores, newest
//! first, with unreadable files listed and explained. From here an
//! assessment opens read-only, two are compared, or the trend is drawn.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Ctx, Outcome, Screen, Status};
use crate::assessment::{Assessment, chronological, compare};
use crate::content::SectionKind;
use crate::keymap::{self, Action, Context};
use crate::report::comparison_report;
use crate::store::{HistoryEntry, Person, read_completed};
use crate::text::sanitize_line;
use crate::ui::widgets::inset;

use super::{PageScreen, SessionScreen, TrendScreen};
use crate::session::{Session, Sheet};

/// Short column names, explained in the line above the list.
fn short(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Readiness => "Ready",
        SectionKind::Drivers => "Drive",
        SectionKind::Symptoms => "Signs",
        SectionKind::Aggravators => "Worse",
        SectionKind::Remedies => "Helps",
        SectionKind::Support => "Suppt",
    }
}

/// Readable assessments newest first, then unreadable files by path. The
/// sort is stable and cheap on a listing that is already by id, which is
/// how the store returns it.
fn newest_first(entries: &mut [HistoryEntry]) {
    entries.sort_by(|a, b| match (a.header(), b.header()) {
        (Some(a), Some(b)) => (b.created, &b.id).cmp(&(a.created, &a.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.path().cmp(b.path()),
    });
}

pub struct HistoryScreen {
    pub person: Person,
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    pub selected: usize,
    pub marked: Option<usize>,
}

impl HistoryScreen {
    pub fn new(person: Person, cx: &Ctx<'_>) -> Self {
        // Read here rather than handed on by the person's page, which
        // keeps only a summary: with 10,000 assessments this is about
        // 45 ms, and the whole list is held only while this screen is open.
        let mut entries = cx.store.history_headers(&person, cx.workbook);
        newest_first(&mut entries);
        Self {
            person,
            entries,
            selected: 0,
            marked: None,
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::History]
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        let last = self.entries.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Mark => {
                // One mark at a time: the comparison is between it and
                // the highlighted row, so say so as it is set.
                self.marked = if self.marked == Some(self.selected) {
                    *cx.status = Some(Status::info("Mark removed."));
                    None
                } else {
                    let date = self
                        .entries
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
                    Some(self.selected)
                };
            }
            Action::Select => return self.open(cx),
            Action::Compare => return self.compare(cx),
            Action::Trend => {
                let trend = cx.store.trend(&self.person, cx.workbook);
                return Outcome::Push(Screen::Trend(TrendScreen::new(trend)));
            }
            Action::Back => return Outcome::Pop,
            _ => {}
        }
        Outcome::Stay
    }

    fn load(&self, index: usize, cx: &mut Ctx<'_>) -> Option<Assessment> {
        let entry = self.entries.get(index)?;
        match entry {
            HistoryEntry::Unreadable { reason, .. } => {
                *cx.status = Some(Status::error(format!("Cannot open it: {reason}")));
                None
            }
            HistoryEntry::Readable { path, .. } => match read_completed(path) {
                Ok(loaded) => Some(loaded.assessment),
                Err(error) => {
                    *cx.status = Some(Status::error(error.to_string()));
                    None
                }
            },
        }
    }

    fn open(&self, cx: &mut Ctx<'_>) -> Outcome {
        let Some(assessment) = self.load(self.selected, cx) else {
            return Outcome::Stay;
        };
        let mut session = Session::read_only(self.person.clone(), assessment, cx.clock);
        session.go_to(Sheet::Summary);
        Outcome::Push(Screen::Session(Box::new(SessionScreen::new(session))))
    }

    /// The highlighted assessment against the marked one, or against the
    /// one before it (which, by default, is the latest against the one
    /// before that).
    fn compare(&self, cx: &mut Ctx<'_>) -> Outcome {
        let other = match self.marked {
            Some(marked) if marked != self.selected => marked,
            _ => self.selected + 1,
        };
        if other >= self.entries.len() {
            *cx.status = Some(Status::error(format!(
                "There is no earlier assessment to compare with. Mark one with {}, or complete another.",
                keymap::key_for(Context::History, Action::Mark)
            )));
            return Outcome::Stay;
        }
        let (Some(a), Some(b)) = (self.load(self.selected, cx), self.load(other, cx)) else {
            return Outcome::Stay;
        };
        let (earlier, later) = chronological(&a, &b);
        let comparison = compare(cx.workbook, earlier, later);
        let document = comparison_report(cx.workbook, &comparison);
        Outcome::Push(Screen::Page(PageScreen::new("Comparison", document)))
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = inset(area);
        let legend_height = if area.width >= 100 { 2 } else { 3 };
        let [count_line, legend_area, header_line, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(legend_height),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let kinds: Vec<SectionKind> = app
            .workbook()
            .sections
            .iter()
            .map(|section| section.kind)
            .collect();
        let legend: Vec<String> = kinds
            .iter()
            .map(|kind| format!("{} = {}", short(*kind), app.workbook().section(*kind).title))
            .collect();
        let mut header = format!("{:<20}", "   Completed");
        for kind in &kinds {
            header.push_str(&format!("{:>6}", short(*kind)));
        }
        let unreadable = self
            .entries
            .iter()
            .filter(|entry| entry.header().is_none())
            .count();
        let mut count = format!("{} completed", self.entries.len() - unreadable);
        if unreadable > 0 {
            count.push_str(&format!(", {unreadable} unreadable (left untouched)"));
        }
        frame.render_widget(
            Paragraph::new(Line::styled(count, theme.heading())),
            count_line,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!("Scores 0–100: {}", legend.join(" · ")),
                theme.muted(),
            ))
            .wrap(ratatui::widgets::Wrap { trim: true }),
            legend_area,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(header, theme.heading())),
            header_line,
        );
        if self.entries.is_empty() {
            frame.render_widget(
                Paragraph::new(Line::styled("Nothing completed yet.", theme.muted())),
                list,
            );
            return;
        }
        // Only the rows on screen are built, so ten thousand entries cost
        // no more to draw than twenty.
        let height = usize::from(list.height.max(1));
        let offset = (self.selected + 1).saturating_sub(height);
        let rows: Vec<Line> = self.entries[offset..(offset + height).min(self.entries.len())]
            .iter()
            .enumerate()
            .map(|(index, entry)| self.row(offset + index, entry, &kinds, theme))
            .collect();
        frame.render_widget(Paragraph::new(rows), list);
    }

    fn row(
        &self,
        index: usize,
        entry: &HistoryEntry,
        kinds: &[SectionKind],
        theme: crate::ui::Theme,
    ) -> Line<'static> {
        let cursor = if index == self.selected { "▶" } else { " " };
        let mark = if self.marked == Some(index) { "*" } else { " " };
        let style = if index == self.selected {
            theme.selected()
        } else {
            ratatui::style::Style::new()
        };
        match entry {
            HistoryEntry::Readable { header, .. } => {
                let date = header
                    .completed
                    .unwrap_or(header.created)
                    .format("%-d %b %Y %H:%M")
                    .to_string();
                let mut text = format!("{cursor}{mark} {date:<17}");
                for kind in kinds {
                    let value = header
                        .percent(*kind)
                        .map_or("–".to_string(), |percent| percent.to_string());
                    text.push_str(&format!("{value:>6}"));
                }
                if header.read_only {
                    text.push_str("  (newer format, read-only)");
                }
                Line::styled(text, style)
            }
            HistoryEntry::Unreadable { reason, .. } => Line::from(vec![
                Span::styled(format!("{cursor}{mark} unreadable: "), theme.error()),
                Span::styled(sanitize_line(reason), style),
            ]),
        }
    }
}
