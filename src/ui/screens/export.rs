//! Writing a report from inside the program: which copy (a client copy,
//! never with a coach note; or a coach copy, with them), then the file's
//! name; a file already there is replaced only after a yes.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Ctx, Open, Outcome};
use crate::keymap::{self, Action, Context};
use crate::report::Copy;
use crate::store::{Person, slug};
use crate::text::sanitize_line;
use crate::ui::Editor;
use crate::ui::widgets::{confirm_box, inset, split_top};

/// What is exported: one completed assessment, or two compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportTarget {
    Assessment {
        person: Person,
        path: std::path::PathBuf,
    },
    Comparison {
        person: Person,
        earlier: std::path::PathBuf,
        later: std::path::PathBuf,
    },
}

impl ExportTarget {
    pub fn person(&self) -> &Person {
        match self {
            ExportTarget::Assessment { person, .. } | ExportTarget::Comparison { person, .. } => {
                person
            }
        }
    }

    fn words(&self) -> &'static str {
        match self {
            ExportTarget::Assessment { .. } => "this assessment",
            ExportTarget::Comparison { .. } => "this comparison",
        }
    }
}

enum Step {
    Choose,
    Naming { copy: Copy, editor: Box<Editor> },
    Replace { copy: Copy, file: String },
}

pub struct ExportScreen {
    pub target: ExportTarget,
    step: Step,
    /// In the client view only a client copy may be written.
    client_only: bool,
    today: String,
}

impl ExportScreen {
    pub fn new(target: ExportTarget, client_only: bool, today: String) -> Self {
        Self {
            target,
            step: Step::Choose,
            client_only,
            today,
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        match (&self.step, self.client_only) {
            (Step::Choose, true) => vec![Context::ExportClient],
            (Step::Choose, false) => vec![Context::ExportCoach, Context::ExportClient],
            (Step::Naming { .. }, _) => vec![Context::EditingLine, Context::Editing],
            (Step::Replace { .. }, _) => vec![Context::Confirm],
        }
    }

    pub fn handle(&mut self, action: Action, cx: &mut Ctx<'_>) -> Outcome {
        match (&self.step, action) {
            (Step::Choose, Action::ClientCopy) => self.name(Copy::Client, cx),
            (Step::Choose, Action::CoachCopy) if !self.client_only => self.name(Copy::Coach, cx),
            (Step::Choose, Action::Back) => return Outcome::Pop,
            (Step::Naming { copy, editor }, Action::FinishEditing) => {
                let file = editor.text().trim().to_string();
                if !file.is_empty() {
                    return self.export(*copy, file, false);
                }
            }
            (Step::Replace { copy, file }, Action::Yes) => {
                return self.export(*copy, file.clone(), true);
            }
            (Step::Replace { copy, file }, Action::No) => {
                let (copy, file) = (*copy, file.clone());
                self.step = Step::Naming {
                    copy,
                    editor: Box::new(Editor::new(&file, false, TITLE, cx.theme)),
                };
            }
            _ => {}
        }
        Outcome::Stay
    }

    fn name(&mut self, copy: Copy, cx: &Ctx<'_>) {
        let which = match copy {
            Copy::Client => "client",
            Copy::Coach => "coach",
        };
        let file = format!(
            "{}-{}-{which}.md",
            slug(&self.target.person().name),
            self.today
        );
        self.step = Step::Naming {
            copy,
            editor: Box::new(Editor::new(&file, false, TITLE, cx.theme)),
        };
    }

    fn export(&self, copy: Copy, file: String, replace: bool) -> Outcome {
        Outcome::open(Open::Export {
            target: self.target.clone(),
            copy,
            file,
            replace,
        })
    }

    /// The file is there already: ask before replacing it.
    pub fn ask_to_replace(&mut self, copy: Copy, file: String) {
        self.step = Step::Replace { copy, file };
    }

    pub fn edit_key(&mut self, key: KeyEvent) -> Outcome {
        if let Step::Naming { editor, .. } = &mut self.step {
            editor.key(key);
        }
        Outcome::Stay
    }

    pub fn paste(&mut self, text: &str) -> Outcome {
        if let Step::Naming { editor, .. } = &mut self.step {
            editor.paste(text);
        }
        Outcome::Stay
    }

    pub fn draw(&self, frame: &mut Frame<'_>, area: Rect, app: &App) {
        let theme = app.theme;
        let area = inset(area);
        let key = |action| keymap::key_for(Context::ExportClient, action);
        let mut lines = vec![
            Line::styled(format!("Export {}", self.target.words()), theme.heading()),
            Line::from(format!(
                "{} a client copy: {}'s own answers and notes, never a coach note.",
                key(Action::ClientCopy),
                sanitize_line(&self.target.person().name)
            )),
        ];
        if !self.client_only {
            lines.push(Line::from(format!(
                "{} a coach copy: the same, with your coach notes on them.",
                keymap::key_for(Context::ExportCoach, Action::CoachCopy)
            )));
        }
        lines.push(Line::styled(
            "The file goes in the folder handoff was started from, readable by you alone.",
            theme.muted(),
        ));
        let [text, below] = split_top(area, 6);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), text);
        match &self.step {
            Step::Choose => {}
            Step::Naming { editor, .. } => {
                let [place, _] = split_top(below, editor.height());
                editor.draw(frame, place);
            }
            Step::Replace { file, .. } => confirm_box(
                frame,
                below,
                &format!("{} is there already. Replace it?", sanitize_line(file)),
                theme,
            ),
        }
    }
}

const TITLE: &str = "File name · Enter writes it";
