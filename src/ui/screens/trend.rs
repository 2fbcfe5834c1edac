//! Each section's score over a person's newest completed assessments, as
//! a line chart with the dates spaced by time (an assessment after a long
//! gap sits further along), every section at once or one at a time; under
//! it, in words, where each stands against the first and the one before.
//!
//! Without colour the sections are told apart by the shape of their
//! points and by their names at the end of their lines.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::app::{App, Ctx, Outcome};
use crate::assessment::{Movement, Point, SectionTrend, Trend, TrendColumn, weigh};
use crate::content::{Better, Section};
use crate::keymap::{self, Action, Context};
use crate::report::{Mark, better_arrow, better_words, words};
use crate::store::NewestTrend;
use crate::text::{sanitize_line, text_width};
use crate::ui::compared::mark_style;
use crate::ui::widgets::inset;
use crate::ui::{Theme, wrap};

use super::history::short;

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
/// Width of the y axis' labels ("100") and the axis itself.
const Y_LABELS: u16 = 4;
/// The chart is given at least this many rows, words or not.
const FEWEST_CHART_ROWS: u16 = 7;
/// Narrower than this, the words under the chart use short names.
const WIDE_WORDS: u16 = 100;

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
        let words = self.words(&shown, workbook.sections.as_slice(), theme, area.width);
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
        self.draw_chart(frame, plot, &shown, theme);
        self.draw_ends(
            frame,
            plot,
            ends,
            &shown,
            workbook.sections.as_slice(),
            theme,
        );
    }

    fn draw_chart(
        &self,
        frame: &mut Frame<'_>,
        plot: Rect,
        shown: &[(usize, &SectionTrend)],
        theme: Theme,
    ) {
        let times = self.times();
        let span = times.last().copied().unwrap_or(0.0).max(f64::EPSILON);
        // Each stretch of answers is a line of its own: a section left
        // unanswered is a gap, never a fall to zero.
        let mut lines: Vec<(usize, Vec<(f64, f64)>)> = Vec::new();
        for (index, series) in shown {
            let mut stretch: Vec<(f64, f64)> = Vec::new();
            for (column, percent) in series.percents.iter().enumerate() {
                match percent {
                    Some(percent) => stretch.push((times[column], f64::from(*percent))),
                    None if stretch.len() > 1 => lines.push((*index, std::mem::take(&mut stretch))),
                    None => stretch.clear(),
                }
            }
            if stretch.len() > 1 {
                lines.push((*index, stretch));
            }
        }
        let datasets: Vec<Dataset> = lines
            .iter()
            .map(|(index, data)| {
                Dataset::default()
                    .data(data)
                    .graph_type(GraphType::Line)
                    .marker(Marker::Braille)
                    .style(series_style(*index, theme))
            })
            .collect();
        // Blank labels keep the axis line and a row for the dates, which
        // are placed below by time rather than evenly.
        let chart = Chart::new(datasets)
            .x_axis(
                Axis::default()
                    .bounds([0.0, span])
                    .labels(["", ""])
                    .labels_alignment(Alignment::Right)
                    .style(theme.border()),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 100.0])
                    .labels(["0", "50", "100"])
                    .labels_alignment(Alignment::Right)
                    .style(theme.border()),
            )
            .legend_position(None);
        frame.render_widget(chart, plot);
        let Some(grid) = Grid::of(plot, span) else {
            return;
        };
        self.draw_points(frame, &grid, &times, shown, theme);
        self.draw_dates(frame, &grid, plot, &times, theme);
    }

    /// Each answer as its section's shape, on the cell its line passes
    /// through; where points are too close to tell apart, only the newest
    /// and any answer standing alone between gaps.
    fn draw_points(
        &self,
        frame: &mut Frame<'_>,
        grid: &Grid,
        times: &[f64],
        shown: &[(usize, &SectionTrend)],
        theme: Theme,
    ) {
        let every = self.alone.is_some() || times.len() * 3 <= usize::from(grid.width);
        let buffer = frame.buffer_mut();
        for (index, series) in shown {
            let percents = &series.percents;
            let newest = series.points().last().map(|(column, _)| column);
            for (column, percent) in series.points() {
                let alone = (column == 0 || percents[column - 1].is_none())
                    && percents.get(column + 1).is_none_or(Option::is_none);
                if !(every || alone || Some(column) == newest) {
                    continue;
                }
                let at = (grid.column(times[column]), grid.row(percent));
                if let Some(cell) = buffer.cell_mut(at) {
                    let shape = SHAPES[index % SHAPES.len()];
                    cell.set_char(shape).set_style(series_style(*index, theme));
                }
            }
        }
    }

    /// Each assessment's time, in days after the first.
    fn times(&self) -> Vec<f64> {
        let Some(first) = self.trend.columns.first() else {
            return Vec::new();
        };
        self.trend
            .columns
            .iter()
            .map(|column| (column.created - first.created).num_seconds() as f64 / 86_400.0)
            .collect()
    }

    /// A tick on the axis at every assessment, and under them as many
    /// dates as fit without touching: always the first and the newest.
    fn draw_dates(
        &self,
        frame: &mut Frame<'_>,
        grid: &Grid,
        plot: Rect,
        times: &[f64],
        theme: Theme,
    ) {
        let axis_row = plot.bottom() - 2;
        let label_row = plot.bottom() - 1;
        let buffer = frame.buffer_mut();
        for time in times {
            if let Some(cell) = buffer.cell_mut((grid.column(*time), axis_row)) {
                cell.set_symbol("┴").set_style(theme.border());
            }
        }
        let labels = date_labels(&self.trend.columns, times, |time| grid.column(time), plot);
        for (x, label) in labels {
            buffer.set_string(x, label_row, label, theme.muted());
        }
    }

    /// Each line's name and latest score at its right end, on the row the
    /// line ends on (moved down a row or two where two would meet).
    fn draw_ends(
        &self,
        frame: &mut Frame<'_>,
        plot: Rect,
        ends: Rect,
        shown: &[(usize, &SectionTrend)],
        sections: &[Section],
        theme: Theme,
    ) {
        let Some(grid) = Grid::of(plot, 1.0) else {
            return;
        };
        let graph_rows = grid.rows;
        let mut labels: Vec<(u16, Line)> = shown
            .iter()
            .filter_map(|(index, series)| {
                let movement = series.movement()?;
                let percent = movement.latest.percent;
                let row = grid.row_within(percent);
                let section = sections.get(*index)?;
                let text = if self.alone.is_some() {
                    format!("◀ {percent}")
                } else {
                    format!(
                        "{} {} {} {percent}",
                        SHAPES[index % SHAPES.len()],
                        short(section.kind),
                        better_arrow(section.better)
                    )
                };
                Some((row, Line::styled(text, series_style(*index, theme))))
            })
            .collect();
        labels.sort_by_key(|(row, _)| *row);
        labels.truncate(usize::from(graph_rows));
        // Pushed down where two would meet, then up from the bottom where
        // that ran out of rows; more labels than rows keep the highest.
        let mut next_free = 0;
        for (row, _) in &mut labels {
            *row = (*row).max(next_free);
            next_free = *row + 1;
        }
        let mut limit = graph_rows;
        for (row, _) in labels.iter_mut().rev() {
            limit = limit.saturating_sub(1);
            *row = (*row).min(limit);
        }
        for (row, line) in labels {
            let area = Rect {
                y: ends.y + row,
                height: 1,
                ..ends
            };
            frame.render_widget(Paragraph::new(line), area);
        }
    }

    /// Under the chart, in words: for one section, sentences; for every
    /// section, a row each of the latest score, the change since the
    /// first and since the one before, as a table where the width allows.
    fn words(
        &self,
        shown: &[(usize, &SectionTrend)],
        sections: &[Section],
        theme: Theme,
        width: u16,
    ) -> Vec<Line<'static>> {
        let columns = &self.trend.columns;
        if columns.len() < 2 {
            return Vec::new();
        }
        if let (Some(_), [(index, series)]) = (self.alone, shown) {
            let Some(section) = sections.get(*index) else {
                return Vec::new();
            };
            return sentences(series, section, columns, theme);
        }
        let wide = width >= WIDE_WORDS;
        let mut out = Vec::new();
        if wide {
            out.push(Line::styled(
                format!(
                    "{:26}{:>6}  {:28}{}",
                    "", "latest", "since the first", "since the one before"
                ),
                theme.heading(),
            ));
        }
        for (index, series) in shown {
            let Some(section) = sections.get(*index) else {
                continue;
            };
            let name = if wide {
                sanitize_line(&section.title)
            } else {
                short(section.kind).to_string()
            };
            let name = format!(
                "{} {} {name}",
                SHAPES[index % SHAPES.len()],
                better_arrow(section.better)
            );
            let mut spans = vec![Span::styled(
                padded(&name, if wide { 26 } else { 10 }),
                series_style(*index, theme),
            )];
            let Some(movement) = series.movement() else {
                spans.push(Span::styled("no answers", theme.muted()));
                out.push(Line::from(spans));
                continue;
            };
            let latest = if movement.latest_is_newest {
                format!("{}%", movement.latest.percent)
            } else {
                format!("({}%)", movement.latest.percent)
            };
            spans.push(Span::raw(format!("{latest:>6}  ")));
            let first_cells = if wide { 28 } else { 11 };
            let since = [
                ("first ", movement.first, first_cells),
                ("before ", movement.before, 11),
            ];
            for (label, from, cells) in since {
                let (text, style) = change(&movement, from, section.better, wide, theme);
                // Narrow rows name each figure, as there is no header.
                let label = if wide { "" } else { label };
                spans.push(Span::styled(label, theme.muted()));
                spans.push(Span::styled(padded(&text, cells), style));
                spans.push(Span::raw(" "));
            }
            out.push(Line::from(spans));
        }
        out
    }
}

/// `text` followed by spaces to `cells` columns.
fn padded(text: &str, cells: usize) -> String {
    format!(
        "{text}{}",
        " ".repeat(cells.saturating_sub(text_width(text)))
    )
}

/// "▲ better, up 45 points", or "▲ up 45" where room is short; the
/// symbol is explained by the words beside it in the wide form and by
/// the comparison's legend, and never by colour alone.
fn change(
    movement: &Movement,
    from: Option<Point>,
    better: Better,
    wide: bool,
    theme: Theme,
) -> (String, Style) {
    let Some(from) = from else {
        return ("–".to_string(), theme.muted());
    };
    let moved = weigh(Some(from.percent), Some(movement.latest.percent), better);
    let mark = Mark::from(moved);
    let delta = movement.delta(from);
    let text = if wide {
        format!("{} {}", mark.symbol(), words::moved(moved, Some(delta)))
    } else if delta == 0 {
        format!("{} same", mark.symbol())
    } else {
        let by = delta.unsigned_abs();
        let way = if delta < 0 { "down" } else { "up" };
        format!("{} {way} {by}", mark.symbol())
    };
    (text, mark_style(mark, theme))
}

/// One section's story in sentences: the latest score, then the change
/// since the first and since the one before, each with its date.
fn sentences(
    series: &SectionTrend,
    section: &Section,
    columns: &[TrendColumn],
    theme: Theme,
) -> Vec<Line<'static>> {
    let Some(movement) = series.movement() else {
        return vec![Line::styled("Never answered.", theme.muted())];
    };
    let when = |point: Point| {
        columns
            .get(point.column)
            .map_or(String::new(), |c| date(&c.created))
    };
    let latest = movement.latest;
    let mut out = vec![Line::from(if movement.latest_is_newest {
        format!("Latest: {}% on {}.", latest.percent, when(latest))
    } else {
        format!(
            "Not answered in the newest; the last answer, on {}, was {}%.",
            when(latest),
            latest.percent
        )
    })];
    for (label, from) in [
        ("Since the first", movement.first),
        ("Since the one before", movement.before),
    ] {
        let Some(from) = from else { continue };
        let (text, style) = change(&movement, Some(from), section.better, true, theme);
        out.push(Line::from(vec![
            Span::raw(format!("{label}, {} ({}%): ", when(from), from.percent)),
            Span::styled(text, style),
        ]));
    }
    out
}

/// The dates under the axis: the first and the newest always, then, in
/// order, each assessment whose date fits without touching another.
fn date_labels(
    columns: &[TrendColumn],
    times: &[f64],
    column_of: impl Fn(f64) -> u16,
    plot: Rect,
) -> Vec<(u16, String)> {
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return Vec::new();
    };
    let short_span = (last.created - first.created).num_days() < 2;
    let text = |column: &TrendColumn| {
        if short_span {
            column.created.format("%-d %b %H:%M").to_string()
        } else {
            date(&column.created)
        }
    };
    // Centred on its tick, kept inside the chart.
    let place = |time: f64, label: &str| {
        let width = to_u16(text_width(label));
        let centre = column_of(time);
        let x = centre.saturating_sub(width / 2).max(plot.x);
        x.min(plot.right().saturating_sub(width))
    };
    let last_label = text(last);
    let last_x = place(times.last().copied().unwrap_or(0.0), &last_label);
    let mut placed: Vec<(u16, String)> = Vec::new();
    let mut free_from = plot.x;
    for (column, time) in columns.iter().zip(times).take(columns.len() - 1) {
        let label = text(column);
        let x = place(*time, &label);
        let end = x + to_u16(text_width(&label));
        if x >= free_from && end + 2 <= last_x {
            placed.push((x, label));
            free_from = end + 3;
        }
    }
    placed.push((last_x, last_label));
    placed
}

/// Where the chart's graph lies on screen (as ratatui's `Chart` lays it
/// out: the y labels and axis on the left, the axis and a row of dates
/// at the bottom), so points, ticks and labels fall on its cells.
struct Grid {
    left: u16,
    width: u16,
    top: u16,
    rows: u16,
    /// Days from the first assessment to the newest.
    span: f64,
}

impl Grid {
    fn of(plot: Rect, span: f64) -> Option<Grid> {
        let rows = plot.height.checked_sub(2).filter(|rows| *rows > 0)?;
        let width = plot
            .width
            .checked_sub(Y_LABELS)
            .filter(|width| *width > 1)?;
        Some(Grid {
            left: plot.x + Y_LABELS,
            width,
            top: plot.y,
            rows,
            span,
        })
    }

    /// The screen column of a time, in days after the first.
    fn column(&self, time: f64) -> u16 {
        let offset = (time / self.span * f64::from(self.width - 1)).round() as u16;
        self.left + offset.min(self.width - 1)
    }

    /// The screen row of a score, 100 at the top.
    fn row(&self, percent: u8) -> u16 {
        self.top + self.row_within(percent)
    }

    fn row_within(&self, percent: u8) -> u16 {
        let from_top = (100 - u16::from(percent.min(100))) * (self.rows - 1);
        (from_top + 50) / 100
    }
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
