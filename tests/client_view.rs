//! A session in the client view, in a real terminal, with three people on
//! file: every byte the program writes while the view is on is checked,
//! not just the last screen. No other person's name, no coach note and no
//! data path ever reaches the terminal: not in the pages, the help, the
//! status line after an error, nor the question to leave.

mod client_fixture;
mod common;
mod pty;

use std::path::Path;

use pty::{Key, Tty};

use client_fixture::{CLIENT, OTHERS, SECRETS, three_people};

/// The bytes written so far, and the same with escape sequences taken out,
/// so a word split by colour codes is still found.
fn wire(tty: &Tty) -> (String, String) {
    let raw = tty.raw.lock().expect("raw").clone();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            plain.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    (text, plain)
}

#[track_caller]
fn nothing_leaked(tty: &Tty, data: &Path, when: &str) {
    let (raw, plain) = wire(tty);
    let data = data.display().to_string();
    for text in [&raw, &plain] {
        for secret in SECRETS.iter().copied().chain([data.as_str()]) {
            assert!(
                !text.contains(secret),
                "{when}: “{secret}” reached the terminal; screen now:\n{}",
                tty.screen()
            );
        }
    }
}

#[test]
fn a_session_in_the_client_view_never_shows_another_name_a_note_or_a_path() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    three_people(&data);
    let mut tty = Tty::spawn_args(&data, 60, 20, &["--client", "zoe obrien"]);
    let first = tty.wait_for("CLIENT VIEW");
    assert!(first.contains("Hello, Zoë O'Brien."), "{first}");
    nothing_leaked(&tty, &data, "the first frame");

    // Help, and Esc, which goes nowhere from her page.
    tty.send(b"?");
    tty.wait_for("Keys on this screen");
    tty.key(Key::Esc);
    tty.wait_until_gone("Keys on this screen");
    tty.key(Key::Esc);
    tty.wait_for("This is the client view");
    nothing_leaked(&tty, &data, "help and Esc");

    // Her history; its newest file cannot be read.
    tty.key(Key::Down);
    tty.key(Key::Enter);
    tty.wait_for("unreadable");
    tty.key(Key::Enter);
    let error = tty.wait_for("Cannot open it");
    assert!(
        error.contains("(a file)"),
        "the file is mentioned, not its path:\n{error}"
    );
    tty.send(b"?");
    tty.wait_for("Keys on this screen");
    tty.key(Key::Esc);
    tty.wait_until_gone("Keys on this screen");
    tty.key(Key::Down);
    tty.send(b"t");
    tty.wait_for("Trend");
    tty.key(Key::Esc);
    tty.key(Key::Esc);
    tty.wait_for("Hello, Zoë");
    nothing_leaked(&tty, &data, "history, an error and the trend");

    // A new assessment, with a sentence typed into it.
    tty.key(Key::Enter);
    tty.wait_for("Check-in");
    tty.key(Key::Enter);
    tty.type_text("Head of analytics, quietly proud of it.");
    tty.key(Key::Enter);
    tty.wait_for("quietly proud");
    tty.send(b"?");
    tty.wait_for("Keys on this screen");
    tty.key(Key::Esc);
    tty.wait_until_gone("Keys on this screen");
    tty.key(Key::Esc);
    tty.wait_for("Resume the draft");
    nothing_leaked(&tty, &data, "a worksheet");
    let (_, plain) = wire(&tty);
    assert!(
        plain.contains("Hello, Zoë O'Brien.") && plain.contains("quietly proud"),
        "the check reads the text as it was written"
    );

    // Asked to leave, she stays.
    tty.send(b"v");
    let asked = tty.wait_for("Leave the client view?");
    assert!(asked.contains("CLIENT VIEW"), "the badge stays:\n{asked}");
    tty.send(b"n");
    tty.wait_until_gone("Leave the client view?");
    let screen = tty.screen();
    assert!(
        screen.contains("CLIENT VIEW") && screen.contains("Hello, Zoë"),
        "{screen}"
    );
    nothing_leaked(&tty, &data, "the question to leave");

    // Only a yes leaves; then the coach's list is back, with every name.
    tty.send(b"v");
    tty.wait_for("Leave the client view?");
    tty.send(b"y");
    tty.wait_for("The client view is off.");
    tty.key(Key::Esc);
    tty.wait_for("Quentin Marlowe");
    tty.send(b"q");
    assert_eq!(tty.wait_exit(), Some(0));
}

#[test]
fn an_unknown_client_is_refused_without_listing_who_is_on_file() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    three_people(&data);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args([
            "--data-dir",
            data.to_str().expect("utf-8"),
            "--client",
            "Nobody Here",
        ])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        said.contains("no one called “Nobody Here” is on file"),
        "{said}"
    );
    for name in [CLIENT, OTHERS[0], OTHERS[1]] {
        assert!(!said.contains(name), "{said}");
    }
}

#[test]
fn plain_mode_keeps_to_the_client_view() {
    // Plain mode honours --client (tests/plain_client.rs walks a whole
    // run): with nothing typed it opens only the client's page.
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    three_people(&data);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_handoff"))
        .args([
            "--data-dir",
            data.to_str().expect("utf-8"),
            "--plain",
            "--client",
            CLIENT,
        ])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{said}");
    assert!(said.contains(CLIENT), "{said}");
    for secret in SECRETS {
        assert!(!said.contains(secret), "{said}");
    }
}
