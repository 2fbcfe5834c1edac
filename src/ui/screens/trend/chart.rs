//! The chart itself: a line per section through its answers, dates
//! spaced by time along the bottom with a tick for every assessment, each
//! answer marked with its section's shape, and each line's name and
//! latest score at its right end.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::{SHAPES, View, date, series_style, to_u16};
use crate::assessment::TrendColumn;
use crate::report::better_arrow;
use crate::text::text_width;

use super::super::history::short;

/// Width of the y axis' labels ("100") and the axis itself.
const Y_LABELS: u16 = 4;

impl View<'_> {
    pub(super) fn draw_chart(&self, frame: &mut Frame<'_>, plot: Rect) {
        let times = self.times();
        let span = times.last().copied().unwrap_or(0.0).max(f64::EPSILON);
        // Each stretch of answers is a line of its own: a section left
        // unanswered is a gap, never a fall to zero.
        let mut lines: Vec<(usize, Vec<(f64, f64)>)> = Vec::new();
        for (index, series) in &self.shown {
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
                    .style(series_style(*index, self.theme))
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
                    .style(self.theme.border()),
            )
            .y_axis(
                Axis::default()
                    .bounds([0.0, 100.0])
                    .labels(["0", "50", "100"])
                    .labels_alignment(Alignment::Right)
                    .style(self.theme.border()),
            )
            .legend_position(None);
        frame.render_widget(chart, plot);
        let Some(grid) = Grid::of(plot, span) else {
            return;
        };
        self.draw_points(frame, &grid, &times);
        self.draw_dates(frame, &grid, plot, &times);
    }

    /// Each answer as its section's shape, on the cell its line passes
    /// through; where points are too close to tell apart, only the newest
    /// and any answer standing alone between gaps.
    fn draw_points(&self, frame: &mut Frame<'_>, grid: &Grid, times: &[f64]) {
        let every = self.alone || times.len() * 3 <= usize::from(grid.width);
        let buffer = frame.buffer_mut();
        for (index, series) in &self.shown {
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
                    cell.set_char(shape)
                        .set_style(series_style(*index, self.theme));
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
    fn draw_dates(&self, frame: &mut Frame<'_>, grid: &Grid, plot: Rect, times: &[f64]) {
        let axis_row = plot.bottom() - 2;
        let label_row = plot.bottom() - 1;
        let buffer = frame.buffer_mut();
        for time in times {
            if let Some(cell) = buffer.cell_mut((grid.column(*time), axis_row)) {
                cell.set_symbol("┴").set_style(self.theme.border());
            }
        }
        let labels = date_labels(&self.trend.columns, times, |time| grid.column(time), plot);
        for (x, label) in labels {
            buffer.set_string(x, label_row, label, self.theme.muted());
        }
    }

    /// Each line's name and latest score at its right end, on the row the
    /// line ends on (moved down a row or two where two would meet).
    pub(super) fn draw_ends(&self, frame: &mut Frame<'_>, plot: Rect, ends: Rect) {
        // Only the rows matter here, so any span will do.
        let Some(grid) = Grid::of(plot, 1.0) else {
            return;
        };
        let graph_rows = grid.rows;
        let mut labels: Vec<(u16, Line)> = self
            .shown
            .iter()
            .filter_map(|(index, series)| {
                let movement = series.movement()?;
                let percent = movement.latest.percent;
                let row = grid.row_within(percent);
                let section = self.sections.get(*index)?;
                let text = if self.alone {
                    format!("◀ {percent}")
                } else {
                    format!(
                        "{} {} {} {percent}",
                        SHAPES[index % SHAPES.len()],
                        short(section.kind),
                        better_arrow(section.better)
                    )
                };
                Some((row, Line::styled(text, series_style(*index, self.theme))))
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
