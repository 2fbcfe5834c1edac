//! Colours and emphasis in one place. With `NO_COLOR` set every colour is
//! dropped; meaning still shows through symbols, words and bold/reverse.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Self { color: !no_color }
    }

    pub const PLAIN: Theme = Theme { color: false };

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn text(self) -> Style {
        Style::new()
    }

    pub fn muted(self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn prompt(self) -> Style {
        self.fg(Color::LightYellow).add_modifier(Modifier::ITALIC)
    }

    /// The row or choice under the cursor: reversed, so it shows without
    /// colour too.
    pub fn selected(self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The chosen point of a scale (also marked with a symbol).
    pub fn chosen(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    pub fn chart(self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn border(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The client view's badge: reversed, so it stands out without colour.
    pub fn badge(self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn focus_border(self) -> Style {
        self.fg(Color::Cyan)
    }
}
