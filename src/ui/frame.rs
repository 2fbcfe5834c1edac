//! The frame around every screen: header, status line, key hints, help,
//! and the message shown instead of a cramped layout.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::scroll::draw_scrolled;
use super::widgets::{centered, fit_words, key_hints, split_bottom, split_top};
use super::wrap;
use crate::app::{App, Screen, Status, StatusKind};
use crate::client_view::BADGE;
use crate::keymap;
use crate::text::{sanitize_line, text_width};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// The most rows a long status message may take from the screen above it.
const MAX_STATUS_ROWS: u16 = 3;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    #[cfg(debug_assertions)]
    if let Some(panic_on_key) = &app.panic_on_key {
        panic_on_key.drawing();
    }
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, area, app);
        return;
    }
    let [header, body, bottom] = frame_areas(area);
    let [status, footer] = split_top(bottom, 1);

    let (person, place) = match app.screen() {
        Screen::People(_) => (None, "People".to_string()),
        Screen::Home(home) => (Some(&home.person.name), String::new()),
        Screen::Session(session) => (
            Some(&session.person().name),
            session.breadcrumb(app.workbook()),
        ),
        Screen::Reference(_) => (None, "Reference cards".to_string()),
        Screen::History(history) => (Some(&history.person.name), "History".to_string()),
        Screen::Page(page) => (None, sanitize_line(&page.title)),
        Screen::Trend(_) => (None, "Trend".to_string()),
        Screen::Export(screen) => (Some(&screen.target.person().name), "Export".to_string()),
    };
    // Said in words on every frame, so it shows without colour too.
    let badge = if app.client.is_some() { BADGE } else { "" };
    let crumb = breadcrumb(
        person.map(|name| sanitize_line(name)).as_deref(),
        &place,
        usize::from(header.width).saturating_sub(text_width(TITLE) + text_width(badge) + 1),
    );
    let title = Line::from(vec![
        Span::styled(TITLE, app.theme.title()),
        Span::styled(crumb, app.theme.muted()),
    ]);
    frame.render_widget(Paragraph::new(title), header);
    if !badge.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(badge, app.theme.badge())).right_aligned(),
            header,
        );
    }

    match app.screen() {
        Screen::People(screen) => screen.draw(frame, body, app),
        Screen::Home(screen) => screen.draw(frame, body, app),
        Screen::Session(screen) => screen.draw(frame, body, app),
        Screen::Reference(screen) => screen.draw(frame, body, app),
        Screen::History(screen) => screen.draw(frame, body, app),
        Screen::Page(screen) => screen.draw(frame, body, app),
        Screen::Trend(screen) => screen.draw(frame, body, app),
        Screen::Export(screen) => screen.draw(frame, body, app),
    }

    // A draft not saved is said on every frame, whatever key was pressed
    // since, above any passing message.
    let messages: Vec<Status> = app
        .unsaved_warning()
        .into_iter()
        .chain(app.status.clone())
        .collect();
    if !messages.is_empty() {
        let mut rows = Vec::new();
        for message in &messages {
            // Each kind has its own word or mark as well as colour, so a
            // notice never passes for a success without colour either.
            let (marker, marker_style, style) = match message.kind {
                StatusKind::Info => ("✓ ", app.theme.good(), app.theme.good()),
                StatusKind::Notice => ("note: ", app.theme.warning(), app.theme.text()),
                StatusKind::Error => ("! ", app.theme.error(), app.theme.error()),
            };
            let line = Line::from(vec![
                Span::styled(marker, marker_style),
                Span::styled(sanitize_line(&app.shareable(&message.text)), style),
            ]);
            // A path too long for a row breaks after a slash, not inside
            // a folder's name.
            let mut wrapped = wrap::line(line, status.width);
            wrapped.truncate(usize::from(MAX_STATUS_ROWS));
            rows.extend(wrapped);
        }
        let height = rows.len().max(1) as u16;
        // A message longer than the line rises over the bottom of the
        // screen below it rather than being cut: it is often the only place
        // that names the file and the problem.
        let [_, area] = split_bottom(Rect::union(body, status), height);
        frame.render_widget(Clear, area);
        frame.render_widget(Paragraph::new(rows), area);
    }

    let contexts = app.contexts();
    frame.render_widget(
        key_hints(
            &keymap::active(&contexts),
            footer.width,
            app.scale_top(),
            app.theme,
        ),
        footer,
    );

    if app.help_open {
        draw_help(frame, body, app);
    }
    super::question::draw(frame, body, app);
}

const TITLE: &str = " handoff ";

/// The title line, the screen's own area, and the status and key lines.
fn frame_areas(area: Rect) -> [Rect; 3] {
    let [header, below] = split_top(area, 1);
    let [body, bottom] = split_bottom(below, 2);
    [header, body, bottom]
}

/// Where a screen is drawn in a terminal of this size, so a screen can
/// read the rows it will draw before it is drawn.
pub fn body_area(width: u16, height: u16) -> Rect {
    let [_, body, _] = frame_areas(Rect::new(0, 0, width, height));
    body
}

/// "· Person · place" in `width` columns. A long name is shortened first,
/// so the place (which worksheet, which page) stays whole; only when even
/// a name cut to a few letters leaves too little room is the place cut.
fn breadcrumb(person: Option<&str>, place: &str, width: usize) -> String {
    const SEPARATOR: &str = " · ";
    let Some(person) = person else {
        return format!("· {}", fit_words(place, width.saturating_sub(2)));
    };
    if place.is_empty() {
        return format!("· {}", fit_words(person, width.saturating_sub(2)));
    }
    let whole = format!("· {person}{SEPARATOR}{place}");
    if text_width(&whole) <= width {
        return whole;
    }
    /// The fewest columns a shortened name keeps: enough to recognise it.
    const NAME_MIN: usize = 6;
    let for_name = width.saturating_sub(2 + text_width(SEPARATOR) + text_width(place));
    let name = fit_words(person, for_name.max(NAME_MIN));
    let room = width.saturating_sub(2 + text_width(&name) + text_width(SEPARATOR));
    format!("· {name}{SEPARATOR}{}", fit_words(place, room))
}

fn draw_too_small(frame: &mut Frame<'_>, area: Rect, app: &App) {
    // Nothing else fits, but a question or an unsaved draft must still be
    // read.
    let text = match (super::question::plain(app), app.unsaved_warning()) {
        (Some(question), _) => question,
        (None, warning) => format!(
            "{}handoff needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {}×{}. \
             Make the window larger and the workbook comes back as it was. (q quits.)",
            warning.map_or(String::new(), |warning| format!(
                "{} ",
                sanitize_line(&app.shareable(&warning.text))
            )),
            area.width,
            area.height
        ),
    };
    let rows: Vec<Line> = wrap::rows(&text, usize::from(area.width))
        .into_iter()
        .map(|row| Line::from(row.to_string()))
        .collect();
    frame.render_widget(Paragraph::new(rows).style(app.theme.warning()), area);
}

fn draw_help(frame: &mut Frame<'_>, body: Rect, app: &App) {
    let contexts = app.contexts();
    let bindings = keymap::active(&contexts);
    let width = body.width.saturating_sub(4).min(76);
    let key_width = bindings
        .iter()
        .map(|binding| text_width(&binding.keys_label(app.scale_top())))
        .max()
        .unwrap_or(0);
    // A description too long for its row goes on under itself, not under
    // the keys.
    let keys_columns = key_width + 3;
    let help_width = usize::from(width.saturating_sub(2))
        .saturating_sub(keys_columns)
        .max(10);
    let mut lines: Vec<Line> = Vec::new();
    for binding in &bindings {
        for (row, text) in wrap::rows(binding.help, help_width).into_iter().enumerate() {
            let keys = if row == 0 {
                let label = binding.keys_label(app.scale_top());
                let pad = key_width.saturating_sub(text_width(&label));
                format!(" {}{label}  ", " ".repeat(pad))
            } else {
                " ".repeat(keys_columns)
            };
            lines.push(Line::from(vec![
                Span::styled(keys, app.theme.key()),
                Span::raw(text.to_string()),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        " ↑↓ scroll; any other key closes this help.",
        app.theme.muted(),
    ));
    // The lines and the border; wider than the body, the text scrolls.
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height + 1);
    let area = centered(body, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border())
        .title(" Keys on this screen ");
    frame.render_widget(Clear, area);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    draw_scrolled(
        frame,
        inner,
        lines,
        app.help_scroll,
        &app.help_limit,
        app.theme,
    );
}
