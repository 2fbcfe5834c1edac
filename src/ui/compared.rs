//! Two assessments side by side, drawn for a column `width` wide: each
//! section's scores as two bars one over the other, and rows of then / now
//! / change as a table when the width allows, stacked when it does not.
//! Then and now differ in fill and in emphasis as well as colour, and each
//! change carries its symbol and its words.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Theme;
use super::wrap;
use crate::report::{BarSide, Mark, Pair, ScoreChange, bar, better_arrow};
use crate::text::{sanitize_line, text_width};

/// Narrower than this, a section's name and change go on a row of their
/// own above its bars.
const SCORES_SIDE_BY_SIDE: usize = 72;
/// Narrower than this, pairs are stacked rather than set in columns.
const PAIRS_IN_COLUMNS: usize = 90;
/// The longest a bar is drawn: longer adds nothing to reading it.
const LONGEST_BAR: usize = 50;
const SHORTEST_BAR: usize = 10;
const GAP: &str = "  ";

/// How a bar of each side looks: its own fill and emphasis, so the two
/// are told apart without colour.
pub fn bar_style(side: BarSide, theme: Theme) -> Style {
    match side {
        BarSide::Then => theme.muted(),
        BarSide::Now => theme.chart().add_modifier(Modifier::BOLD),
    }
}

pub fn mark_style(mark: Mark, theme: Theme) -> Style {
    match mark {
        Mark::Better => theme.good(),
        Mark::Worse => theme.warning(),
        _ => theme.text(),
    }
}

pub fn score_lines(rows: &[ScoreChange], theme: Theme, width: usize) -> Vec<Line<'static>> {
    let label = rows
        .iter()
        .map(|row| text_width(&sanitize_line(&row.section)))
        .max()
        .unwrap_or(0)
        .min(28);
    let change = rows
        .iter()
        .map(|row| text_width(&row.change) + 2)
        .max()
        .unwrap_or(0);
    // Name | arrow | "then " | bar | " 100%" | gap | change.
    let side_by_side = width.saturating_sub(label + 3 + 5 + 5 + 2 + change);
    let mut out = Vec::new();
    if width >= SCORES_SIDE_BY_SIDE && side_by_side >= SHORTEST_BAR {
        let cells = side_by_side.min(LONGEST_BAR);
        for row in rows {
            let title = sanitize_line(&row.section);
            let pad = " ".repeat(label.saturating_sub(text_width(&title)));
            let mut first = vec![
                Span::styled(format!("{title}{pad} "), theme.heading()),
                Span::styled(format!("{} ", better_arrow(row.better)), theme.muted()),
            ];
            first.extend(bar_spans(BarSide::Then, row.then, cells, theme));
            out.push(Line::from(first));
            let mut second = vec![Span::raw(" ".repeat(label + 3))];
            second.extend(bar_spans(BarSide::Now, row.now, cells, theme));
            second.push(Span::raw(GAP));
            second.extend(change_spans(row, theme));
            out.push(Line::from(second));
        }
        return out;
    }
    let cells = width
        .saturating_sub(2 + 5 + 5)
        .clamp(SHORTEST_BAR, LONGEST_BAR);
    for row in rows {
        let mut first = vec![
            Span::styled(sanitize_line(&row.section), theme.heading()),
            Span::styled(format!(" {}", better_arrow(row.better)), theme.muted()),
            Span::raw(GAP),
        ];
        first.extend(change_spans(row, theme));
        out.extend(wrap::line(Line::from(first), width_u16(width)));
        for side in [BarSide::Then, BarSide::Now] {
            let percent = match side {
                BarSide::Then => row.then,
                BarSide::Now => row.now,
            };
            let mut line = vec![Span::raw("  ")];
            line.extend(bar_spans(side, percent, cells, theme));
            out.push(Line::from(line));
        }
    }
    out
}

/// "then ▒▒▒▒▒░░░░░  58%": the label, the bar and the figure.
fn bar_spans(side: BarSide, percent: Option<u8>, cells: usize, theme: Theme) -> Vec<Span<'static>> {
    let label = Span::styled(format!("{:<5}", side.label()), theme.muted());
    match percent {
        Some(percent) => vec![
            label,
            Span::styled(bar(side, percent, cells), bar_style(side, theme)),
            Span::raw(format!(" {percent:>3}%")),
        ],
        None => vec![label, Span::styled("no answers", theme.muted())],
    }
}

fn change_spans(row: &ScoreChange, theme: Theme) -> Vec<Span<'static>> {
    vec![Span::styled(
        format!("{} {}", row.mark.symbol(), sanitize_line(&row.change)),
        mark_style(row.mark, theme),
    )]
}

pub fn pair_lines(first: &str, rows: &[Pair], theme: Theme, width: usize) -> Vec<Line<'static>> {
    if width >= PAIRS_IN_COLUMNS {
        columns(first, rows, theme, width)
    } else {
        stacked(rows, theme, width)
    }
}

/// Title | then | now | change, each cell wrapped in its column, the notes
/// of each side under its answer.
fn columns(first: &str, rows: &[Pair], theme: Theme, width: usize) -> Vec<Line<'static>> {
    // The same columns for every block at a width, so the parts of a page
    // line up under each other.
    // Capped so then and now stay close enough to read across.
    let title = (width / 4).min(36);
    let change = 26;
    let value = (width.saturating_sub(title + change + 3 * GAP.len()) / 2).min(48);
    let widths = [title, value, value, change];
    let mut out = vec![table_row(
        &[sanitize_line(first).as_str(), "Then", "Now", "Change"]
            .map(|text| (text.to_string(), theme.heading())),
        &widths,
    )];
    for row in rows {
        let mark = row
            .mark
            .map_or(theme.text(), |mark| mark_style(mark, theme));
        out.extend(wrapped_row(
            &[
                (row.title.clone(), theme.text()),
                (row.then.clone(), theme.text()),
                (row.now.clone(), theme.text()),
                (row.change_text(), mark),
            ],
            &widths,
        ));
        if row.has_notes() {
            let note = |text: &str| {
                let text = text.trim();
                if text.is_empty() {
                    String::new()
                } else {
                    format!("note: {text}")
                }
            };
            out.extend(wrapped_row(
                &[
                    (String::new(), theme.muted()),
                    (note(&row.note_then), theme.muted()),
                    (note(&row.note_now), theme.muted()),
                    (String::new(), theme.muted()),
                ],
                &widths,
            ));
        }
    }
    out
}

/// One table row of cells wrapped in their columns, as many lines as the
/// tallest cell needs.
fn wrapped_row(cells: &[(String, Style)], widths: &[usize]) -> Vec<Line<'static>> {
    let wrapped: Vec<(Vec<String>, Style)> = cells
        .iter()
        .zip(widths)
        .map(|((text, style), width)| {
            let clean = sanitize_line(text.trim());
            let rows = wrap::rows(&clean, (*width).max(1))
                .into_iter()
                .map(str::to_string)
                .collect();
            (rows, *style)
        })
        .collect();
    let height = wrapped
        .iter()
        .map(|(rows, _)| rows.len())
        .max()
        .unwrap_or(0);
    (0..height)
        .map(|at| {
            let cells: Vec<(String, Style)> = wrapped
                .iter()
                .map(|(rows, style)| (rows.get(at).cloned().unwrap_or_default(), *style))
                .collect();
            table_row(&cells, widths)
        })
        .collect()
}

/// Cells padded to their columns, with a gap between; trailing spaces
/// left off.
fn table_row(cells: &[(String, Style)], widths: &[usize]) -> Line<'static> {
    let mut spans = Vec::new();
    let last = cells
        .iter()
        .rposition(|(text, _)| !text.is_empty())
        .unwrap_or(0);
    for (at, ((text, style), width)) in cells.iter().zip(widths).enumerate().take(last + 1) {
        if at > 0 {
            spans.push(Span::raw(GAP));
        }
        let pad = if at == last {
            String::new()
        } else {
            " ".repeat(width.saturating_sub(text_width(text)))
        };
        spans.push(Span::styled(text.clone(), *style));
        spans.push(Span::raw(pad));
    }
    Line::from(spans)
}

/// "• Skills  ▲ better", then "then → now" under it when it fits a row,
/// else a row for each, and the notes.
fn stacked(rows: &[Pair], theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for row in rows {
        let mut title = vec![Span::raw(format!("• {}", sanitize_line(&row.title)))];
        if !row.change.is_empty() {
            let mark = row
                .mark
                .map_or(theme.text(), |mark| mark_style(mark, theme));
            title.push(Span::raw(GAP));
            title.push(Span::styled(sanitize_line(&row.change_text()), mark));
        }
        out.extend(wrap::line(Line::from(title), width_u16(width)));
        let (then, now) = (
            sanitize_line(row.then.trim()),
            sanitize_line(row.now.trim()),
        );
        let both = format!("    {then} → {now}");
        if text_width(&both) <= width {
            out.push(Line::from(both));
        } else {
            for (label, value) in [("then", then), ("now", now)] {
                out.push(labelled(label, &value, theme.muted(), theme.text()));
            }
        }
        for (label, note) in [("note then", &row.note_then), ("note now", &row.note_now)] {
            if !note.trim().is_empty() {
                out.push(labelled(label, note, theme.muted(), theme.muted()));
            }
        }
    }
    out
}

fn labelled(label: &str, value: &str, label_style: Style, style: Style) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("    {label}: "), label_style),
        Span::styled(sanitize_line(value.trim()), style),
    ])
}

fn width_u16(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
}
