//! The smallest ratatui program we can write: it draws one paragraph,
//! draws it again with a count on every key, and quits on `q`. The
//! benchmark (benches/terminal.rs) measures it in the same run as handoff so
//! handoff's start-up, key latency and memory are judged against what the
//! terminal stack itself costs on the same machine, at the same moment.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> std::io::Result<()> {
        let mut keys = 0u64;
        loop {
            let text = if keys == 0 {
                "floor: one paragraph; press any key, q quits".to_string()
            } else {
                format!("floor: {keys} keys pressed; q quits")
            };
            terminal.draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))?;
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                if key.code == KeyCode::Char('q') {
                    return Ok(());
                }
                keys += 1;
            }
        }
    })();
    ratatui::restore();
    result
}
