//! Asking before doing something that matters, on the command line. With
//! no one at a terminal to answer, the answer is no: a script must say
//! what it wants with a flag.

use std::io::{BufRead, Write};

/// Where an answer comes from: the lines typed, or nobody (input is not a
/// terminal).
pub enum Answer<'a> {
    Typed(&'a mut dyn BufRead),
    Nobody,
}

/// Asks a yes-or-no question; only `y` or `yes` is a yes.
pub fn ask(question: &str, input: Answer<'_>, out: &mut dyn Write) -> anyhow::Result<bool> {
    let line = match typed(question, "(y/N)", input, out)? {
        Some(line) => line,
        None => return Ok(false),
    };
    Ok(matches!(line.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// Asks for a line of text; `None` when nobody can answer.
pub fn typed(
    question: &str,
    hint: &str,
    input: Answer<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<Option<String>> {
    let Answer::Typed(input) = input else {
        writeln!(
            out,
            "{question} Nobody is at a terminal to answer, so no (see --help for the flag that answers)."
        )?;
        return Ok(None);
    };
    if hint.is_empty() {
        write!(out, "{question} ")?;
    } else {
        write!(out, "{question} {hint} ")?;
    }
    out.flush()?;
    let mut line = String::new();
    input.read_line(&mut line)?;
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}
