//! Each section's score over a person's newest completed assessments, as
//! a line chart with the dates spaced by time (an assessment after a long
//! gap sits further along), every section at once or one at a time; under
//! it, in words, where each stands against the first and the one before.
//!
//! Without colour the sections are told apart by the shape of their
//! points and by their names at the end of their lines.

mod chart;
mod words;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Ctx, Outcome};
use crate::assessment::{SectionTrend, Trend};
use crate::content::Section;
use crate::keymap::{self, Action, Context};
use crate::report::better_words;
use crate::store::NewestTrend;
use crate::text::sanitize_line;
use crate::ui::widgets::inset;
use crate::ui::{Theme, wrap};

/// A point's shape for each section, in the workbook's order, so lines
/// are told apart without colour.
const SHAPES: [char; 6] = ['●', '■', '◆', '✚', '○', '□'];
const COLOURS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::LightRed,
    Color::Green,
    Color::LightBlue,
];
/// The chart is given at least this many rows, words or not.
const FEWEST_CHART_ROWS: u16 = 7;

pub struct TrendScreen {
    pub trend: Trend,
    /// Older assessments left out (not read): see [`TrendScreen::MOST`].
    pub older: usize,
    /// Files among the newest that could not be read, so are not plotted.
    pub unreadable: usize,
    /// The section drawn alone (by its place in the workbook), or None for
    /// every section.
    pub alone: Option<usize>,
}

impl TrendScreen {
    /// The most assessments a trend shows, the newest: two years of
    /// weekly check-ins, and more points than most windows have columns.
    /// Reading more would make a long history slow to chart for points no
    /// one could tell apart.
    pub const MOST: usize = 100;

    pub fn new(trend: Trend) -> Self {
        Self {
            trend,
            older: 0,
            unreadable: 0,
            alone: None,
        }
    }

    /// The trend of the newest assessments, saying what it leaves out.
    pub fn newest(newest: NewestTrend) -> Self {
        Self {
            older: newest.older,
            unreadable: newest.unreadable,
            ..Self::new(newest.trend)
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Trend]
    }

    /// → and ← step through the sections one at a time, with every
    /// section between the last and the first.
    pub fn handle(&mut self, action: Action, _cx: &mut Ctx<'_>) -> Outcome {
        let count = self.trend.sections.len();
        // 0 is every section; 1.. is each section alone.
        let at = self.alone.map_or(0, |index| index + 1);
        let next = match action {
            Action::Right => (at + 1) % (count + 1),
            Action::Left => (at + count) % (count + 1),
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Stay,
        };
        self.alone = next.checked_sub(1);
        Outcome::Stay
    }

    /// The series drawn, with their place in the workbook.
    fn shown(&self) -> Vec<(usize, &SectionTrend)> {
        self.trend
            .sections
            .iter()
            .enumerate()
            .filter(|(index, _)| self.alone.is_none_or(|alone| alone == *index))
            .collect()
    }

    /// What the chart covers and how to read it, in words.
    fn intro(&self) -> String {
        let columns = &self.trend.columns;
        let mut intro = match (columns.first(), columns.last()) {
            (Some(first), Some(last)) if columns.len() > 1 => {
                let count = match self.older {
                    0 => format!("{} assessments", columns.len()),
                    older => format!(
                        "The newest {} of {} assessments",
                        columns.len(),
                        columns.len() + self.unreadable + older
                    ),
                };
                // One section's title says which way is better, and the
                // words under it say better or worse.
                let legend = match self.alone {
                    Some(_) => "",
                    None => " ↑ higher is better, ↓ lower is better; ▲ better, ▼ worse.",
                };
                format!(
                    "{count}, {} to {}, spaced by date.{legend}",
                    date(&first.created),
                    date(&last.created)
                )
            }
            (Some(only), _) => format!(
                "One assessment, {}: a trend needs at least two.",
                date(&only.created)
            ),
            _ => "Nothing completed yet: a trend needs at least two assessments.".to_string(),
        };
        let earlier = self.shown().iter().any(|(_, series)| {
            series
                .movement()
                .is_some_and(|moved| !moved.latest_is_newest)
        });
        if self.alone.is_none() && earlier {
            intro.push_str(" (In brackets: not answered in the newest; the last answer given.)");
        }
        match self.unreadable {
            0 => {}
            1 => intro.push_str(" 1 unreadable file left out."),
            many => intro.push_str(&format!(" {many} unreadable files left out.")),
        }
        intro
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = inset(area);
        let workbook = app.workbook();
        let shown = self.shown();
        let title = match self.alone.and_then(|index| workbook.sections.get(index)) {
            Some(section) => format!(
                "Trend: {} ({} is better)",
                sanitize_line(&section.title),
                better_words(section.better)
            ),
            None => "Trend: every section".to_string(),
        };
        let keys = format!(
            "  {}/{} one at a time",
            keymap::key_for(Context::Trend, Action::Left),
            keymap::key_for(Context::Trend, Action::Right)
        );
        let heading = vec![
            Line::from(vec![
                Span::styled(title, theme.title()),
                Span::styled(keys, theme.muted()),
            ]),
            Line::styled(self.intro(), theme.muted()),
        ];
        let heading = wrap::lines(heading, area.width);
        let view = View {
            trend: &self.trend,
            shown,
            sections: workbook.sections.as_slice(),
            alone: self.alone.is_some(),
            theme,
        };
        let words = view.words(area.width);
        let words = wrap::lines(words, area.width);
        let heading_rows = heading.len();
        // A row between the chart and the words when there is room for it.
        let spacer = u16::from(area.height >= 30);
        let room = area.height.saturating_sub(to_u16(heading_rows) + spacer);
        let words_height = to_u16(words.len()).min(room.saturating_sub(FEWEST_CHART_ROWS));
        let [heading_area, chart_area, _, words_area] = Layout::vertical([
            Constraint::Length(to_u16(heading_rows)),
            Constraint::Fill(1),
            Constraint::Length(spacer),
            Constraint::Length(words_height),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(heading), heading_area);
        frame.render_widget(Paragraph::new(words), words_area);
        if self.trend.columns.is_empty() {
            return;
        }
        let ends_width = if self.alone.is_some() { 6 } else { 12 };
        let [plot, ends] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(ends_width)])
                .areas(chart_area);
        view.draw_chart(frame, plot);
        view.draw_ends(frame, plot, ends);
    }
}

/// What drawing the chart and the words under it needs: the series
/// shown, with their place in the workbook, and whether one is alone.
struct View<'a> {
    trend: &'a Trend,
    shown: Vec<(usize, &'a SectionTrend)>,
    sections: &'a [Section],
    alone: bool,
    theme: Theme,
}

fn series_style(index: usize, theme: Theme) -> Style {
    if theme.color {
        Style::new().fg(COLOURS[index % COLOURS.len()])
    } else {
        Style::new()
    }
}

fn date(at: &DateTime<FixedOffset>) -> String {
    at.format("%-d %b %Y").to_string()
}

fn to_u16(value: usize) -> u16 {
    u16::try_from(value).unwrap_or(u16::MAX)
}
