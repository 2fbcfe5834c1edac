//! Each section's score over a person's newest completed assessments: one
//! sparkline per section, the latest value and the change since the first
//! in words, and the dates along the bottom.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, SparklineBar, Wrap};

use crate::app::{App, Ctx, Outcome};
use crate::assessment::Trend;
use crate::content::Better;
use crate::keymap::{Action, Context};
use crate::store::NewestTrend;
use crate::text::text_width;
use crate::ui::widgets::inset;
use crate::ui::wrap;

const LABEL_WIDTH: u16 = 24;
const VALUE_WIDTH: u16 = 22;

pub struct TrendScreen {
    pub trend: Trend,
    /// Older assessments left out (not read): see [`TrendScreen::MOST`].
    pub older: usize,
    /// Files among the newest that could not be read, so are not plotted.
    pub unreadable: usize,
}

impl TrendScreen {
    /// The most assessments a trend shows, the newest. A hundred points
    /// are two years of weekly check-ins, and wider than most windows draw
    /// (the chart has a column each); reading more would make a long
    /// history slow to chart for points no one could see.
    pub const MOST: usize = 100;

    pub fn new(trend: Trend) -> Self {
        Self {
            trend,
            older: 0,
            unreadable: 0,
        }
    }

    /// The trend of the newest assessments, saying what it leaves out.
    pub fn newest(newest: NewestTrend) -> Self {
        Self {
            trend: newest.trend,
            older: newest.older,
            unreadable: newest.unreadable,
        }
    }

    /// What the chart covers, in words, and what it leaves out.
    fn intro(&self, shown: usize) -> String {
        let plotted = self.trend.columns.len();
        let total = plotted + self.unreadable + self.older;
        let mut intro = if plotted < 2 {
            "A trend needs at least two completed assessments. Here is what there is so far."
                .to_string()
        } else if shown < plotted {
            let more = if self.older > 0 {
                format!("widen the window to see up to {plotted}")
            } else {
                "widen the window to see more".to_string()
            };
            format!("Scores over the last {shown} of {total} assessments ({more}).")
        } else if self.older > 0 {
            format!(
                "Scores over the last {shown} of {total} assessments, oldest on the left: a trend shows the newest {}.",
                Self::MOST
            )
        } else {
            format!(
                "Scores over {plotted} assessments, oldest on the left. Taller means a higher score."
            )
        };
        match self.unreadable {
            0 => {}
            1 => intro.push_str(" 1 unreadable file left out."),
            many => intro.push_str(&format!(" {many} unreadable files left out.")),
        }
        intro
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Page]
    }

    pub fn handle(&mut self, action: Action, _cx: &mut Ctx<'_>) -> Outcome {
        match action {
            Action::Back => Outcome::Pop,
            _ => Outcome::Stay,
        }
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = inset(area);
        let count = self.trend.columns.len();
        let chart_width = area.width.saturating_sub(LABEL_WIDTH + VALUE_WIDTH).max(1);
        let shown = count.min(usize::from(chart_width));
        let first_shown = count - shown;
        // With few assessments each gets a wider bar, so two are as easy
        // to compare as fifty.
        let bar_width = (usize::from(chart_width) / shown.max(1)).clamp(1, 6);
        let intro = self.intro(shown);
        let rows = self.trend.sections.len() as u16;
        let intro_rows = wrap::rows(&intro, usize::from(area.width)).len();
        let heading_height = u16::try_from(1 + intro_rows).unwrap_or(u16::MAX);
        let [heading, chart, axis, _] = Layout::vertical([
            Constraint::Length(heading_height),
            Constraint::Length(rows * 2),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled("Trend", theme.title()),
                Line::styled(intro, theme.muted()),
            ])
            .wrap(Wrap { trim: true }),
            heading,
        );
        let row_areas =
            Layout::vertical(vec![Constraint::Length(2); self.trend.sections.len()]).split(chart);
        for (series, row) in self.trend.sections.iter().zip(row_areas.iter()) {
            let section = app.workbook().section(series.kind);
            // The words sit right after the bars, not at the far edge of a
            // wide window where the eye loses the row.
            let [label, spark, value] = Layout::horizontal([
                Constraint::Length(LABEL_WIDTH),
                Constraint::Length((shown * bar_width) as u16),
                Constraint::Length(VALUE_WIDTH),
            ])
            .areas(*row);
            frame.render_widget(
                Paragraph::new(section.title.clone()).wrap(Wrap { trim: true }),
                label,
            );
            let bars: Vec<SparklineBar> = series.percents[first_shown..]
                .iter()
                .flat_map(|percent| std::iter::repeat_n(*percent, bar_width))
                .map(|percent| SparklineBar::from(percent.map(u64::from)))
                .collect();
            frame.render_widget(
                Sparkline::default()
                    .data(bars)
                    .max(100)
                    .absent_value_symbol("·")
                    .style(theme.chart()),
                spark,
            );
            frame.render_widget(
                Paragraph::new(change_words(series.percents.as_slice(), section.better)),
                value,
            );
        }
        let axis_width = (shown * bar_width) as u16;
        frame.render_widget(
            Paragraph::new(axis_lines(&self.trend, first_shown, axis_width, theme)),
            axis,
        );
    }
}

/// The latest score and the change since the first answered, in words,
/// on the row's two lines: "now 63" over "12 better than first". When
/// the newest assessment left the section unanswered, the score shown is
/// the last one given, and it says so.
fn change_words(percents: &[Option<u8>], better: Better) -> Vec<Line<'static>> {
    let answered: Vec<u8> = percents.iter().filter_map(|percent| *percent).collect();
    let (Some(first), Some(last)) = (answered.first(), answered.last()) else {
        return vec![Line::from(" no answers")];
    };
    let latest = if percents.last().is_some_and(Option::is_some) {
        format!(" now {last}")
    } else {
        format!(" last answered: {last}")
    };
    if answered.len() < 2 {
        return vec![Line::from(latest)];
    }
    let delta = i16::from(*last) - i16::from(*first);
    let change = match (delta.signum(), better) {
        (0, _) => " same as the first".to_string(),
        (1, Better::Higher) | (-1, Better::Lower) => {
            format!(" {} better than first", delta.abs())
        }
        _ => format!(" {} worse than first", delta.abs()),
    };
    vec![Line::from(latest), Line::from(change)]
}

fn axis_lines(
    trend: &Trend,
    first_shown: usize,
    width: u16,
    theme: crate::ui::Theme,
) -> Vec<Line<'static>> {
    let columns = &trend.columns[first_shown.min(trend.columns.len())..];
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return Vec::new();
    };
    let left = first.created.format("%-d %b %Y").to_string();
    let right = last.created.format("%-d %b %Y").to_string();
    let width = usize::from(width);
    let gap = width.saturating_sub(text_width(&left) + text_width(&right));
    let dates = match (columns.len(), gap) {
        (1, _) => left,
        (_, 0) => format!("{left} → {right}"),
        _ => format!("{left}{}{right}", " ".repeat(gap)),
    };
    vec![
        Line::from(vec![
            Span::raw(" ".repeat(LABEL_WIDTH as usize)),
            Span::styled("─".repeat(width.max(1)), theme.border()),
        ]),
        Line::from(vec![
            Span::raw(" ".repeat(LABEL_WIDTH as usize)),
            Span::styled(dates, theme.muted()),
        ]),
    ]
}
