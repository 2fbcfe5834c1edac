//! The conversation itself: printed lines out, typed lines in. Every
//! question is asked here, so every one takes the same words (skip, back,
//! help, where, sheets, quit), answers a bad reply with one line and the
//! same question again, and prints nothing from a file or a keyboard
//! without making it safe for the terminal first.

use std::io::{self, BufRead, Write};

use crate::client_view::ClientView;
use crate::text::sanitize_line;

/// A word that does the same at every question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Skip,
    Back,
    Sheets,
    Quit,
}

/// What a question got: an answer, or one of the words that move around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    Word(Word),
}

/// One numbered (or named) answer a question offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What is typed to pick it: its number, or a word.
    pub key: String,
    pub label: String,
}

impl Choice {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            label: label.into(),
        }
    }

    /// Choices numbered from 1.
    pub fn numbered(labels: impl IntoIterator<Item = String>) -> Vec<Choice> {
        labels
            .into_iter()
            .enumerate()
            .map(|(at, label)| Choice::new((at + 1).to_string(), label))
            .collect()
    }
}

pub const HELP: &[&str] = &[
    "Help. At any question you can type one of these words instead of an answer:",
    "skip: leave this question as it is and go on.",
    "back: go to the question before.",
    "where: say where you are and what is left.",
    "sheets: list the worksheets, to go to any of them.",
    "quit: end handoff. Every answer is saved as you give it, and a draft is offered again next time.",
    "At a list of choices, type a choice's number, or the start of its words.",
    "A one-line answer ends when you press Enter. A note can run over several lines and ends with an empty line.",
    "An empty line at a text question keeps what is there.",
    "To answer with one of those words itself, put it in quotation marks, like \"skip\".",
];

pub struct Talk<R, W> {
    input: R,
    output: W,
    /// Where the person is and what is left, for `where`; set by whoever
    /// asks the next question.
    pub place: String,
    /// Standard input has ended: every later question is answered `quit`.
    pub ended: bool,
    /// The last answer was `quit` (or the input ended): whoever asked
    /// passes it on, up to where quitting is done.
    pub quit: bool,
    /// The client view is on: no line said holds a path.
    pub client: Option<ClientView>,
}

impl<R: BufRead, W: Write> Talk<R, W> {
    pub fn new(input: R, output: W) -> Self {
        Self {
            input,
            output,
            place: String::new(),
            ended: false,
            quit: false,
            client: None,
        }
    }

    /// Prints text, one line per line of it, each made safe: a note or a
    /// name from a file could carry escape sequences.
    pub fn say(&mut self, text: &str) -> io::Result<()> {
        for line in text.lines() {
            let line = sanitize_line(line);
            // In the client view no path is said (see
            // `ClientView::redact`); a note read back on one line keeps
            // its " / " between lines.
            let line = match &self.client {
                Some(view) => line
                    .split(" / ")
                    .map(|part| view.redact(part))
                    .collect::<Vec<_>>()
                    .join(" / "),
                None => line,
            };
            writeln!(self.output, "{}", line.trim_end())?;
        }
        self.output.flush()
    }

    /// An empty line, between one part of the conversation and the next.
    pub fn gap(&mut self) -> io::Result<()> {
        writeln!(self.output)?;
        self.output.flush()
    }

    /// The next typed line, as text: bytes that are not UTF-8 become a
    /// stand-in rather than ending the conversation, and what a terminal
    /// sends for keys that are not text (arrows, function keys, other
    /// control characters) is left out.
    fn read(&mut self) -> io::Result<Option<String>> {
        if self.ended {
            self.quit = true;
            return Ok(None);
        }
        loop {
            let mut bytes = Vec::new();
            if self.input.read_until(b'\n', &mut bytes)? == 0 {
                self.ended = true;
                self.quit = true;
                return Ok(None);
            }
            let raw = String::from_utf8_lossy(&bytes);
            let text = typed_text(&raw);
            // Only keys that are not text (an arrow, say): not an empty
            // answer, which would keep what is there and go on.
            if text.is_empty() && !raw.trim_end_matches(['\r', '\n']).is_empty() {
                self.say("Arrow and other special keys do nothing here. Please type your answer, or help.")?;
                continue;
            }
            return Ok(Some(text));
        }
    }

    /// The words every question takes; `help` and `where` are answered
    /// here and the question asked again (`None`).
    fn word(&mut self, typed: &str) -> io::Result<Option<Option<Word>>> {
        let word = match typed.trim().to_lowercase().as_str() {
            "skip" => Word::Skip,
            "back" => Word::Back,
            "sheets" => Word::Sheets,
            "quit" => {
                self.quit = true;
                Word::Quit
            }
            "help" => {
                for line in HELP {
                    self.say(line)?;
                }
                return Ok(Some(None));
            }
            "where" => {
                let place = if self.place.is_empty() {
                    "You are at the start of handoff.".to_string()
                } else {
                    self.place.clone()
                };
                self.say(&place)?;
                return Ok(Some(None));
            }
            _ => return Ok(None),
        };
        Ok(Some(Some(word)))
    }

    /// Asks until one of `choices` (or a word) is given; `keep` says what
    /// an empty line means, when it means anything.
    pub fn choose(
        &mut self,
        question: &str,
        choices: &[Choice],
        keep: Option<&str>,
    ) -> io::Result<Reply<Option<usize>>> {
        self.list(question, choices)?;
        self.answer(question, choices, keep)
    }

    /// As [`Talk::choose`], without reading the choices out: for a list
    /// too long to hear, answered by the start of a name.
    pub fn choose_unlisted(
        &mut self,
        question: &str,
        choices: &[Choice],
        keep: Option<&str>,
    ) -> io::Result<Reply<Option<usize>>> {
        self.say(question)?;
        self.answer(question, choices, keep)
    }

    fn answer(
        &mut self,
        question: &str,
        choices: &[Choice],
        keep: Option<&str>,
    ) -> io::Result<Reply<Option<usize>>> {
        loop {
            if let Some(keep) = keep {
                self.say(&format!("Your answer, or an empty line {keep}:"))?;
            } else {
                self.say("Your answer:")?;
            }
            let Some(typed) = self.read()? else {
                return Ok(Reply::Word(Word::Quit));
            };
            if typed.trim().is_empty() {
                if keep.is_some() {
                    return Ok(Reply::Answer(None));
                }
                self.say("Please answer with a number or a word, or type help.")?;
                self.say(question)?;
                continue;
            }
            match self.word(&typed)? {
                Some(Some(word)) => return Ok(Reply::Word(word)),
                Some(None) => {
                    self.list(question, choices)?;
                    continue;
                }
                None => {}
            }
            match pick(&typed, choices) {
                Ok(at) => return Ok(Reply::Answer(Some(at))),
                Err(why) => {
                    self.say(&why)?;
                    self.say(question)?;
                }
            }
        }
    }

    fn list(&mut self, question: &str, choices: &[Choice]) -> io::Result<()> {
        self.say(question)?;
        for choice in choices {
            self.say(&format!("{}: {}", choice.key, choice.label))?;
        }
        Ok(())
    }

    /// A yes-or-no question; no word but yes counts as yes.
    pub fn confirm(&mut self, question: &str) -> io::Result<bool> {
        let choices = [Choice::new("1", "yes"), Choice::new("2", "no")];
        Ok(matches!(
            self.choose(question, &choices, None)?,
            Reply::Answer(Some(0))
        ))
    }

    /// A one-line answer; `None` keeps what is there (an empty line).
    pub fn line(&mut self, question: &str, now: &str) -> io::Result<Reply<Option<String>>> {
        self.say(question)?;
        if now.trim().is_empty() {
            self.say("Type it and press Enter; an empty line leaves it empty.")?;
        } else {
            self.say(&format!("Now: {}", one_line(now)))?;
            self.say("Type a new answer and press Enter, or an empty line to keep it.")?;
        }
        Ok(match self.first_line(question)? {
            Ok(text) => Reply::Answer(Some(text)),
            Err(reply) => reply,
        })
    }

    /// The first line typed as an answer to `question`, or what answers
    /// it instead (`Err`): a word, the end of input, or an empty line,
    /// which keeps what is there.
    fn first_line(&mut self, question: &str) -> io::Result<Result<String, Reply<Option<String>>>> {
        loop {
            let Some(typed) = self.read()? else {
                return Ok(Err(Reply::Word(Word::Quit)));
            };
            match self.word(&typed)? {
                Some(Some(word)) => return Ok(Err(Reply::Word(word))),
                Some(None) => self.say(question)?,
                None if typed.trim().is_empty() => return Ok(Err(Reply::Answer(None))),
                None => return Ok(Ok(unquote(&typed))),
            }
        }
    }

    /// A note of any number of lines, ended by an empty line; `None` keeps
    /// what is there (an empty first line). Only a first line can be a
    /// word: once a note has begun, every line is text.
    pub fn note(&mut self, question: &str, now: &str) -> io::Result<Reply<Option<String>>> {
        self.say(question)?;
        if now.trim().is_empty() {
            self.say("Type your note; it can run over several lines. An empty line ends it.")?;
        } else {
            self.say(&format!("Now: {}", one_line(now)))?;
            self.say(
                "Type a new note to replace it; an empty line ends the note. An empty line first keeps it.",
            )?;
        }
        let first = match self.first_line(question)? {
            Ok(first) => first,
            Err(reply) => return Ok(reply),
        };
        let mut lines = vec![first];
        // Input ending mid-note keeps the lines typed so far.
        while let Some(typed) = self.read()? {
            if typed.trim().is_empty() {
                break;
            }
            lines.push(typed);
        }
        Ok(Reply::Answer(Some(lines.join("\n"))))
    }
}

/// A typed line without its line ending, escape sequences or other
/// control characters; a tab is a space.
fn typed_text(line: &str) -> String {
    let mut text = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => text.push(' '),
            // ESC [ … final byte, ESC O x, or ESC and one character.
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    while chars
                        .next()
                        .is_some_and(|c| !('\u{40}'..='\u{7e}').contains(&c))
                    {}
                }
                Some('O') => {
                    chars.next();
                }
                _ => {}
            },
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    text
}

/// The most choices a "could be" names; past that, how many more.
const NAMED: usize = 5;

/// Which choice `typed` picks: its key, or the start of its words.
fn pick(typed: &str, choices: &[Choice]) -> Result<usize, String> {
    let typed = typed.trim().to_lowercase();
    if let Some(at) = choices.iter().position(|c| c.key.to_lowercase() == typed) {
        return Ok(at);
    }
    let numbers: Vec<&str> = choices
        .iter()
        .map(|c| c.key.as_str())
        .filter(|key| key.parse::<u32>().is_ok())
        .collect();
    if typed.parse::<i64>().is_ok() {
        return Err(match (numbers.first(), numbers.last()) {
            (Some(first), Some(last)) => format!(
                "There is no {typed} here; the numbers run from {first} to {last}. Please answer again."
            ),
            _ => format!("There is no {typed} here. Please answer with a word."),
        });
    }
    // The closest kind of match wins: a whole label, then the start of
    // one, then the start of any word in one.
    let tiers: [&dyn Fn(&str) -> bool; 3] = [
        &|label| label == typed,
        &|label| label.starts_with(&typed),
        &|label| {
            label
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word.starts_with(&typed))
        },
    ];
    let found: Vec<usize> = tiers
        .iter()
        .map(|matches| {
            (0..choices.len())
                .filter(|&at| matches(&choices[at].label.to_lowercase()))
                .collect::<Vec<usize>>()
        })
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!(
            "“{}” is not one of the choices. Type a number, the start of a choice, or help.",
            sanitize_line(&typed)
        )),
        many => {
            let mut names: Vec<String> = many
                .iter()
                .take(NAMED)
                .map(|&at| choices[at].label.clone())
                .collect();
            if many.len() > NAMED {
                names.push(format!("{} more", many.len() - NAMED));
            }
            Err(format!(
                "“{}” could be {}. Type more of it, or its number.",
                sanitize_line(&typed),
                names.join(" or ")
            ))
        }
    }
}

/// A word in quotation marks is the word itself, as an answer.
fn unquote(typed: &str) -> String {
    let trimmed = typed.trim();
    let inner = trimmed
        .strip_prefix(['"', '“'])
        .and_then(|rest| rest.strip_suffix(['"', '”']));
    match inner {
        Some(word)
            if ["skip", "back", "help", "where", "sheets", "quit"]
                .contains(&word.trim().to_lowercase().as_str()) =>
        {
            word.to_string()
        }
        _ => typed.to_string(),
    }
}

/// A text of several lines said on one, to read back what is there.
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        vec![
            Choice::new("0", "Not at all"),
            Choice::new("1", "Sometimes"),
            Choice::new("2", "Strongly"),
            Choice::new("note", "write a note"),
        ]
    }

    #[test]
    fn a_choice_is_picked_by_number_or_by_the_start_of_a_word() {
        assert_eq!(pick("2", &choices()), Ok(2));
        assert_eq!(pick("str", &choices()), Ok(2));
        assert_eq!(pick("ALL", &choices()), Ok(0));
        assert_eq!(pick("note", &choices()), Ok(3));
        assert_eq!(pick("not", &choices()), Ok(0));
        assert!(pick("s", &choices()).is_err_and(|why| why.contains("Sometimes or Strongly")));
        assert!(pick("7", &choices()).is_err_and(|why| why.contains("from 0 to 2")));
        assert!(pick("zebra", &choices()).is_err());
    }

    #[test]
    fn keys_that_are_not_text_are_left_out_of_a_typed_line() {
        assert_eq!(typed_text("Team lead\r\n"), "Team lead");
        assert_eq!(typed_text("ab\u{1b}[Dc\u{1b}OPd\u{7}\te\n"), "abcd e");
        assert_eq!(typed_text("li\u{1b}[1;5Ce 🙂 李"), "lie 🙂 李");
    }

    #[test]
    fn a_quoted_word_is_the_word_as_text() {
        assert_eq!(unquote("\"quit\""), "quit");
        assert_eq!(unquote("“Back”"), "Back");
        assert_eq!(unquote("\"fine\""), "\"fine\"");
    }
}
