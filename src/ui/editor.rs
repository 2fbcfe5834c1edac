//! A text field: a multi-line note or a one-line answer, built on
//! ratatui-textarea so cursor movement, word wrap, Unicode and undo come
//! from a maintained widget rather than from us.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders};
use ratatui_textarea::{CursorMove, Scrolling, TextArea, WrapMode};

use super::Theme;
use crate::text::{sanitize_line, text_width};

pub struct Editor {
    area: TextArea<'static>,
    multiline: bool,
    /// Columns inside the border when last drawn.
    drawn_width: Cell<u16>,
}

/// Text that can safely sit in the editor: no control characters (a note
/// loaded from a file might carry escape sequences), tabs as spaces.
fn clean(text: &str, multiline: bool) -> String {
    text.replace('\t', "    ")
        .chars()
        .filter_map(|c| match c {
            '\n' if multiline => Some('\n'),
            '\n' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl Editor {
    pub fn new(text: &str, multiline: bool, title: &str, theme: Theme) -> Self {
        let text = clean(text, multiline);
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(if multiline {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.set_cursor_line_style(Style::new());
        area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
        area.set_block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(theme.focus_border())
                .title(format!(" {} ", sanitize_line(title))),
        );
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Self {
            area,
            multiline,
            drawn_width: Cell::new(0),
        }
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Rows the editor wants: a one-line field needs its border and a line;
    /// a note gets room to see a paragraph.
    pub fn height(&self) -> u16 {
        if self.multiline { 7 } else { 3 }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Feeds a key to the editor; true if the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let changed = self.area.input(key);
        self.fill_from_the_left();
        changed
    }

    /// A one-line field scrolls sideways, and the widget scrolls back only
    /// when the cursor passes the left edge: deleting from the end of a long
    /// answer left an empty box over text still there. Scrolls back so the
    /// text's end, and the cursor after it, sit at the right edge.
    fn fill_from_the_left(&mut self) {
        let (_, left) = self.area.scroll_offset();
        let width = self.drawn_width.get();
        if self.multiline || left == 0 || width == 0 {
            return;
        }
        let line = self.area.lines().first().map_or("", String::as_str);
        // One column more than the text: the cursor after its end.
        let used = u16::try_from(text_width(line) + 1).unwrap_or(u16::MAX);
        let shown = used.saturating_sub(left);
        if shown < width {
            let back = (width - shown).min(left);
            let back = i16::try_from(back).unwrap_or(i16::MAX);
            self.area.scroll(Scrolling::Delta {
                rows: 0,
                cols: -back,
            });
        }
    }

    /// Inserts pasted text (the widget ignores paste events).
    pub fn paste(&mut self, text: &str) -> bool {
        let text = clean(
            &text.replace("\r\n", "\n").replace('\r', "\n"),
            self.multiline,
        );
        let changed = !text.is_empty() && self.area.insert_str(text);
        self.fill_from_the_left();
        changed
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect) {
        let inner = self.area.block().map_or(area, |block| block.inner(area));
        self.drawn_width.set(inner.width);
        frame.render_widget(&self.area, area);
    }
}
