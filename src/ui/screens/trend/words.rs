//! Under the chart, in words: where each section stands now against
//! its first answer and the one before.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{SHAPES, View, date, series_style};
use crate::assessment::{Movement, Point, SectionTrend, TrendColumn, weigh};
use crate::content::{Better, Section};
use crate::report::{Mark, better_arrow, words};
use crate::text::{sanitize_line, text_width};
use crate::ui::Theme;
use crate::ui::compared::mark_style;

use super::super::history::short;

/// Narrower than this, the rows use short names and name each figure.
const WIDE_WORDS: u16 = 100;

impl View<'_> {
    /// Under the chart, in words: for one section, sentences; for every
    /// section, a row each of the latest score, the change since the
    /// first and since the one before, as a table where the width allows.
    pub(super) fn words(&self, width: u16) -> Vec<Line<'static>> {
        let columns = &self.trend.columns;
        if columns.len() < 2 {
            return Vec::new();
        }
        if let (true, [(index, series)]) = (self.alone, self.shown.as_slice()) {
            let Some(section) = self.sections.get(*index) else {
                return Vec::new();
            };
            return sentences(series, section, columns, self.theme);
        }
        let wide = width >= WIDE_WORDS;
        let mut out = Vec::new();
        if wide {
            out.push(Line::styled(
                format!(
                    "{:26}{:>6}  {:28}{}",
                    "", "latest", "since the first", "since the one before"
                ),
                self.theme.heading(),
            ));
        }
        for (index, series) in &self.shown {
            let Some(section) = self.sections.get(*index) else {
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
                series_style(*index, self.theme),
            )];
            let Some(movement) = series.movement() else {
                spans.push(Span::styled("no answers", self.theme.muted()));
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
                let (text, style) = change(&movement, from, section.better, wide, self.theme);
                // Narrow rows name each figure, as there is no header.
                let label = if wide { "" } else { label };
                spans.push(Span::styled(label, self.theme.muted()));
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
