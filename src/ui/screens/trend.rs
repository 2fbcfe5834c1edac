//! Each section's score over all of a person's completed assessments: one
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
use crate::text::text_width;
use crate::ui::widgets::inset;

const LABEL_WIDTH: u16 = 24;
const VALUE_WIDTH: u16 = 22;

pub struct TrendScreen {
    pub trend: Trend,
}

impl TrendScreen {
    pub fn new(trend: Trend) -> Self {
        Self { trend }
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
        let intro = if count < 2 {
            "A trend needs at least two completed assessments. Here is what there is so far."
                .to_string()
        } else if shown < count {
            format!(
                "Scores over the last {shown} of {count} assessments (widen the window to see more)."
            )
        } else {
            format!(
                "Scores over {count} assessments, oldest on the left. Taller means a higher score."
            )
        };
        let rows = self.trend.sections.len() as u16;
        let heading_height = if area.width >= 90 { 2 } else { 3 };
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
