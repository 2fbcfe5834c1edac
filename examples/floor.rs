//! The smallest ratatui program we can write: it draws one paragraph and
//! quits on any key. The benchmark measures it in the same run as handoff
//! so handoff's start-up, key latency and memory are judged against what
//! the terminal stack itself costs on the same machine, at the same moment.

use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::Paragraph;

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = (|| -> std::io::Result<()> {
        terminal.draw(|frame| {
            frame.render_widget(
                Paragraph::new("floor: one paragraph; press any key"),
                frame.area(),
            );
        })?;
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                return Ok(());
            }
        }
    })();
    ratatui::restore();
    result
}
