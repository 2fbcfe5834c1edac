//! Text that tries to talk to the terminal: escape sequences that clear the
//! screen, set the clipboard (OSC 52) or the window title, a bell, C1
//! controls, bidirectional overrides. Planted in a person's name and in
//! every kind of note, they must never reach the terminal as themselves,
//! and the layout must stay exactly where it would be for harmless text.
//!
//! The real program is run twice in a pseudo-terminal: once on the hostile
//! data, once on a twin whose text is already what the app should show
//! (each unsafe character replaced by U+FFFD). Every screen must be
//! identical between the two, and the raw bytes of the hostile run must
//! hold none of the injected sequences.

mod cli_run;
mod common;
mod pty;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use handoff::assessment::{Answer, Assessment};
use handoff::store::{Store, clean_name};
use handoff::text::{sanitize, sanitize_line};
use handoff::ui::screens::Sheet;

use pty::{Key, PATIENCE, Tty};

/// Each sequence a hostile file might carry, with visible words between
/// them so the leftovers can be seen.
const INJECTED: [(&str, &str); 12] = [
    ("clear", "\u{1b}[2J"),
    ("home", "\u{1b}[H"),
    ("clipboard", "\u{1b}]52;c;aGFja2Vk\u{7}"),
    ("title", "\u{1b}]0;pwned\u{1b}\\"),
    ("bell", "\u{7}"),
    ("c1-csi", "\u{9b}31m"),
    ("c1-osc", "\u{9d}0;x\u{9c}"),
    ("rlo", "\u{202E}"),
    ("isolate", "\u{2066}"),
    ("backspace", "\u{8}\u{8}"),
    ("return", "\r"),
    ("delete", "\u{7f}"),
];

fn hostile(start: &str) -> String {
    let mut text = start.to_string();
    for (word, sequence) in INJECTED {
        text.push(' ');
        text.push_str(word);
        text.push_str(sequence);
    }
    text.push_str(" end");
    text
}

/// What must never appear in the bytes sent to the terminal. The app's own
/// output holds none of these (checked on the twin run), so any one found
/// came from the data.
/// The printable rest of a sequence (`]52;c;…`) is shown on purpose, as
/// text after a U+FFFD: only the ESC or C1 byte that starts it is dangerous.
const NEVER: [(&str, &[u8]); 9] = [
    ("clear screen", b"\x1b[2J"),
    ("OSC", b"\x1b]"),
    ("string terminator", b"\x1b\\"),
    ("bell", b"\x07"),
    ("C1 CSI (U+009B)", "\u{9b}".as_bytes()),
    ("backspace", b"\x08"),
    ("delete", b"\x7f"),
    ("RLO (U+202E)", "\u{202E}".as_bytes()),
    ("LRI (U+2066)", "\u{2066}".as_bytes()),
];

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}

/// Any C1 control or bidi formatting character in what was sent.
fn unsafe_chars(raw: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(raw)
        .chars()
        .filter(|c| {
            ('\u{80}'..='\u{9f}').contains(c)
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        })
        .collect()
}

/// How each field is stored in a data folder.
struct Texts {
    /// The name in `person.toml`.
    name: String,
    /// The name inside the assessment file.
    person: String,
    note: Box<dyn Fn(&str) -> String>,
}

fn plant(data: &Path, texts: &Texts) {
    let store = Store::new(data);
    let person = store.add_person("placeholder").expect("person");
    // Written by hand: a file edited elsewhere can hold any name.
    let mut table = toml::Table::new();
    table.insert("name".into(), toml::Value::String(texts.name.clone()));
    fs::write(
        person.dir.join("person.toml"),
        toml::to_string(&table).expect("toml"),
    )
    .expect("write");
    let note = &texts.note;
    let mut assessment: Assessment = common::full_assessment(&texts.person);
    assessment.check_in.role = note("role");
    assessment.check_in.situation = note("situation\nsecond line");
    for follow_up in &mut assessment.check_in.follow_ups {
        follow_up.note = note("follow-up");
        follow_up.commitment.first_step = note("old step");
    }
    let workbook = handoff::content::load_builtin().expect("content");
    for section in &workbook.sections {
        for item in &section.items {
            assessment.answers_mut(section.kind).insert(
                item.id.clone(),
                Answer {
                    rating: Some(1),
                    note: note(&item.id),
                },
            );
        }
    }
    assessment.placement.note = note("placement");
    for task in &mut assessment.tasks {
        task.title = note("task");
        task.to_whom = note("who");
    }
    for commitment in &mut assessment.commitments {
        commitment.first_step = note("step");
        commitment.checkpoint = note("checkpoint");
    }
    store.save_draft(&person, &assessment).expect("draft");
}

fn hostile_texts() -> Texts {
    Texts {
        name: hostile("Ana"),
        person: hostile("Ana"),
        note: Box::new(hostile),
    }
}

/// What the app should show for the hostile texts, stored as plain text.
fn twin_texts() -> Texts {
    let name = clean_name(&hostile("Ana")).expect("a visible name");
    Texts {
        name: sanitize_line(&name),
        person: sanitize_line(&hostile("Ana")),
        note: Box::new(|start| sanitize(&hostile(start))),
    }
}

/// The screen once it has stopped changing, so a capture never catches a
/// frame half drawn.
fn settled(tty: &Tty) -> String {
    let start = Instant::now();
    let mut last = tty.screen();
    loop {
        std::thread::sleep(Duration::from_millis(120));
        let now = tty.screen();
        if now == last {
            return now;
        }
        assert!(start.elapsed() < PATIENCE, "the screen never settled");
        last = now;
    }
}

/// Walks the people list, the home page and every worksheet, capturing
/// each screen; then opens the note editor on the hostile note.
fn walk(data: &Path) -> (Vec<String>, Vec<u8>) {
    let mut tty = Tty::spawn(data, 100, 32);
    let mut screens = Vec::new();
    tty.wait_for("Ana clear");
    screens.push(settled(&tty));
    tty.key(Key::Enter);
    tty.wait_for("Resume the draft");
    screens.push(settled(&tty));
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    screens.push(settled(&tty));
    // The long name pushes "k/10" off the title row, so each jump waits
    // for the screen to change. Each sheet is opened by its number from
    // the worksheet list (Tab would walk the fields of the forms first).
    let workbook = handoff::content::load_builtin().expect("content");
    let headings: Vec<String> = Sheet::ALL
        .iter()
        .map(|sheet| sheet.title(&workbook))
        .collect();
    for (number, heading) in (2..).zip(&headings[1..]) {
        let before = tty.screen();
        tty.type_text("g");
        tty.wait_for("Go to worksheet");
        // 0 opens the summary; the tenth sheet is the row above it.
        if number == 10 {
            tty.type_text("0");
            tty.type_text("g");
            tty.wait_for("Go to worksheet");
            tty.type_text("k");
            tty.key(Key::Enter);
        } else {
            tty.type_text(&(number % 11).to_string());
        }
        let start = Instant::now();
        while tty.screen() == before {
            assert!(start.elapsed() < PATIENCE, "Tab did not open {heading}");
            std::thread::sleep(Duration::from_millis(20));
        }
        screens.push(settled(&tty));
        tty.type_text("j");
        screens.push(settled(&tty));
    }
    tty.type_text("g");
    tty.wait_for("Go to worksheet");
    for _ in 0..7 {
        tty.type_text("k");
    }
    tty.key(Key::Enter);
    // Six drivers: "Perfectionism   2 of 6".
    tty.wait_for(" of 6");
    tty.type_text("n");
    tty.wait_for("Esc done");
    settled(&tty);
    tty.key(Key::Esc);
    tty.wait_until_gone("Esc done");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
    let raw = tty.raw.lock().map(|raw| raw.clone()).unwrap_or_default();
    (screens, raw)
}

#[test]
fn escape_sequences_in_names_and_notes_never_reach_the_terminal() {
    let temp = tempfile::tempdir().expect("temp");
    let hostile_data = temp.path().join("hostile");
    let twin_data = temp.path().join("twin");
    plant(&hostile_data, &hostile_texts());
    plant(&twin_data, &twin_texts());

    let (twin_screens, twin_raw) = walk(&twin_data);
    let (screens, raw) = walk(&hostile_data);

    for (label, needle) in NEVER {
        // handoff clears the screen once itself, as it takes the terminal.
        let own = count(&twin_raw, needle);
        let allowed = usize::from(label == "clear screen");
        assert!(
            own <= allowed,
            "handoff itself sends {label} {own} times; this test needs to allow for it"
        );
        assert_eq!(
            count(&raw, needle),
            own,
            "{label} from the data reached the terminal"
        );
    }
    assert_eq!(unsafe_chars(&raw), Vec::<char>::new());
    assert_eq!(screens.len(), twin_screens.len());
    for (index, (screen, twin)) in screens.iter().zip(&twin_screens).enumerate() {
        assert_eq!(
            screen, twin,
            "screen {index} differs from the harmless twin:\n{screen}\n---- twin ----\n{twin}"
        );
        let rows: Vec<&str> = screen.lines().collect();
        assert!(
            rows.first().is_some_and(|row| row.contains("handoff")),
            "the title row moved:\n{screen}"
        );
    }
    // The hostile words are still there to read, their sequences defused.
    assert!(
        String::from_utf8_lossy(&raw).contains("clipboard\u{FFFD}]52;c;aGFja2Vk\u{FFFD}"),
        "{}",
        screens[2]
    );
}

#[test]
fn command_line_reports_replace_control_characters_whatever_the_output() {
    let temp = tempfile::tempdir().expect("temp");
    let data = temp.path().join("data");
    plant(&data, &hostile_texts());
    let id = "20261123-093000-beef";
    let file = temp.path().join("report.md");
    let outputs = [
        cli_run::handoff(&data, &["list"]).stdout,
        cli_run::handoff(&data, &["list", "--person", "placeholder"]).stdout,
        cli_run::handoff(&data, &["show", id]).stdout,
        cli_run::handoff(&data, &["show", id, "--markdown"]).stdout,
        cli_run::handoff(&data, &["export", id]).stdout,
        {
            let written = cli_run::handoff(
                &data,
                &["export", id, "--out", file.to_str().expect("UTF-8 path")],
            );
            assert!(written.status.success(), "{}", written.stderr());
            fs::read(&file).expect("report")
        },
        cli_run::handoff(&data, &["show", "nobody", "--person", &hostile("x")]).stderr,
    ];
    for output in &outputs {
        let text = String::from_utf8_lossy(output);
        assert!(!text.is_empty());
        for byte in output {
            assert!(
                (*byte >= 0x20 && *byte != 0x7f) || *byte == b'\n',
                "control byte {byte:#04x} in:\n{text}"
            );
        }
        assert_eq!(unsafe_chars(output), Vec::<char>::new(), "{text}");
        assert!(
            text.contains('\u{FFFD}'),
            "the defused text is shown: {text}"
        );
    }
}

/// Renders `app` and returns every cell's symbol, for checks on what the
/// terminal would be sent.
fn symbols(app: &handoff::app::App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| handoff::ui::draw(frame, app))
        .expect("draw");
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol().to_string())
        .collect()
}

#[test]
fn content_text_is_checked_for_controls_and_shown_without_bidi_overrides() {
    use handoff::content::{self, BUILTIN, ContentSource};
    let with = |file: &str, from: &str, to: &str| -> Vec<ContentSource> {
        BUILTIN
            .iter()
            .map(|(name, text)| {
                let text = if *name == file {
                    text.replacen(from, to, 1)
                } else {
                    text.to_string()
                };
                ContentSource::new(*name, text)
            })
            .collect()
    };
    // Control characters are refused by the checker, naming file and line.
    for sequence in [
        "\\u001b[2J",
        "\\u0007",
        "\\u009b31m",
        "\\u001b]52;c;eA==\\u0007",
    ] {
        let errors = match content::load(&with(
            "gap.toml",
            "title = \"The delegation",
            &format!("title = \"{sequence}The delegation"),
        )) {
            Ok(_) => panic!("{sequence} accepted"),
            Err(errors) => errors.to_string(),
        };
        assert!(
            errors.contains("gap.toml:") && errors.contains("`title` contains a control character"),
            "{errors}"
        );
    }
    // Bidi overrides are not controls; they are let through the checker and
    // defused on screen.
    let workbook = content::load(&with(
        "gap.toml",
        "title = \"The delegation",
        "title = \"\\u202eThe\\u2066 delegation",
    ))
    .unwrap_or_else(|errors| panic!("{errors}"));
    let dir = tempfile::tempdir().expect("temp");
    let store = Store::new(dir.path().join("data"));
    let mut app = handoff::app::App::new(
        workbook.clone(),
        store,
        handoff::ui::Theme::PLAIN,
        common::clock,
    );
    app.screens.push(handoff::app::reference_screen(&workbook));
    let drawn = symbols(&app, 120, 40);
    assert!(drawn.contains("\u{FFFD}The\u{FFFD} delegation"), "{drawn}");
    assert_eq!(unsafe_chars(drawn.as_bytes()), Vec::<char>::new());
}
