//! The list of worksheets with how far along each is: beside the sheet on
//! a wide terminal, and in the box `g` opens.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};

use crate::app::App;
use crate::content::Workbook;
use crate::session::{Session, Sheet};
use crate::text::{sanitize_line, text_width};
use crate::ui::Theme;
use crate::ui::widgets::{centered, fit_words, inset};

/// The fewest columns of a row in the worksheet list: its title, then its
/// progress ending in one column, a space short of the list's edge.
const SHEET_ROW: usize = 33;

/// From this width of the body the worksheet list sits beside the sheet.
const SIDEBAR_FROM: u16 = 110;

/// The worksheet list's width at `SIDEBAR_FROM`.
const SIDEBAR_MIN: u16 = SHEET_ROW as u16 + 3;

/// Columns a row of the worksheet list needs for every title whole, with
/// the widest progress ("10/11") beside it.
fn sheet_row_width(workbook: &Workbook) -> usize {
    Sheet::ALL
        .iter()
        .map(|sheet| 4 + text_width(&sanitize_line(&sheet.title(workbook))) + 1 + 5)
        .max()
        .unwrap_or(0)
        .max(SHEET_ROW)
}

/// The worksheet area and the list beside it (on wide terminals).
pub fn areas(body: Rect, workbook: &Workbook) -> (Rect, Option<Rect>) {
    if body.width >= SIDEBAR_FROM {
        // The sheet keeps at least what it had at the narrowest width the
        // list is shown at; a wider terminal gives long titles room.
        let most = usize::from(body.width - (SIDEBAR_FROM - SIDEBAR_MIN));
        let side_width = (sheet_row_width(workbook) + 3).min(most) as u16;
        let [side, main] =
            Layout::horizontal([Constraint::Length(side_width), Constraint::Fill(1)]).areas(body);
        (inset(main), Some(side))
    } else {
        (inset(body), None)
    }
}

/// One row per worksheet, each `width` columns: its number and title, then
/// its progress ending in the last column. A title too long for the row is
/// cut after a whole word.
fn rows(
    session: &Session,
    workbook: &Workbook,
    width: usize,
    theme: Theme,
) -> Vec<ListItem<'static>> {
    Sheet::ALL
        .iter()
        .enumerate()
        .map(|(index, sheet)| {
            let progress = match session.progress(workbook, *sheet) {
                Some((done, total)) if done == total && total > 0 => "✓ done".to_string(),
                Some((done, total)) => format!("{done}/{total}"),
                None => String::new(),
            };
            let marker = if *sheet == session.sheet() {
                "▶"
            } else {
                " "
            };
            let lead = format!("{marker}{:>2} ", index + 1);
            let title = sanitize_line(&sheet.title(workbook));
            // Beside the longest title "✓ done" would push the column out
            // of line; the tick alone says it.
            let progress =
                if text_width(&lead) + text_width(&title) + text_width(&progress) >= width {
                    progress.replace(" done", "")
                } else {
                    progress
                };
            let room = width.saturating_sub(text_width(&lead) + text_width(&progress) + 1);
            let title = format!("{lead}{}", fit_words(&title, room));
            let pad = width.saturating_sub(text_width(&title) + text_width(&progress));
            ListItem::new(Line::from(vec![
                Span::raw(title),
                Span::styled(
                    format!("{}{progress}", " ".repeat(pad.max(1))),
                    theme.muted(),
                ),
            ]))
        })
        .collect()
}

pub fn draw_sidebar(frame: &mut Frame<'_>, area: Rect, session: &Session, app: &App) {
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(app.theme.border())
        .title(" Worksheets ");
    let mut state = ListState::default().with_selected(Some(session.sheet().index()));
    let width = usize::from(area.width.saturating_sub(3));
    frame.render_stateful_widget(
        List::new(rows(session, app.workbook(), width, app.theme))
            .block(block)
            .highlight_style(app.theme.heading()),
        area,
        &mut state,
    );
}

pub fn draw_picker(frame: &mut Frame<'_>, body: Rect, row: usize, session: &Session, app: &App) {
    // As wide as the rows need, with room either side of them.
    let width = u16::try_from(sheet_row_width(app.workbook()) + 11).unwrap_or(u16::MAX);
    let area = centered(body, width, Sheet::ALL.len() as u16 + 2);
    let row_width = usize::from(area.width.saturating_sub(11));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border())
        .title(" Go to worksheet ");
    let mut state = ListState::default().with_selected(Some(row));
    frame.render_widget(Clear, area);
    frame.render_stateful_widget(
        List::new(rows(session, app.workbook(), row_width, app.theme))
            .block(block)
            .highlight_style(app.theme.selected()),
        area,
        &mut state,
    );
}
