//! Records which of handoff's functions a session runs into
//! `src/hot_code.txt`; the build script (src/build.rs)
//! asks the linker to lay those functions out together, so the pages of
//! code a session touches are few and the rest of the binary is never
//! loaded. Why: docs/PERFORMANCE.md, "Where the memory goes".
//!
//! Run with `cargo bench --bench hot_code` after changing the code or the
//! dependencies, then rebuild. It needs valgrind: two tours of the release
//! binary run under callgrind in a pseudo-terminal, one through a whole
//! first assessment, one through a history of 1,000 assessments (history,
//! comparison, trend, a past assessment). `-- --check` only reports how
//! many of the listed names the current binary still has.

#[path = "../tests/pty/mod.rs"]
mod pty;

mod many_assessments;
mod release;

use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use handoff::content::load_builtin;
use handoff::store::Store;
use pty::{Key, Tty};

const LIST: &str = "src/hot_code.txt";
const HISTORY: usize = 1_000;

fn main() {
    let binary = &release::release_build(["--bin", "handoff"]);
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join(LIST);
    let check_only = std::env::args().any(|arg| arg == "--check");
    match release::hot_code_coverage(binary) {
        Some((found, listed)) => eprintln!(
            "{found} of the {listed} listed functions are in {}",
            binary.display()
        ),
        None => eprintln!("cannot check the list (no list yet, or no `nm`)"),
    }
    if check_only {
        return;
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("hot_code: valgrind is needed (apt-get install valgrind); nothing written");
        std::process::exit(2);
    }
    let work = tempfile::tempdir().expect("temp dir");
    let first = work.path().join("first.callgrind");
    let later = work.path().join("later.callgrind");
    first_assessment_tour(&work.path().join("empty"), &first);
    let store = Store::new(work.path().join("history"));
    let workbook = load_builtin().expect("built-in content");
    many_assessments::populate(&store, &workbook, HISTORY);
    history_tour(store.root(), &later);

    let mut seen = HashSet::new();
    let mut names = Vec::new();
    for profile in [&first, &later] {
        let text = fs::read_to_string(profile).expect("callgrind's output");
        for name in functions_run_in(&text, binary) {
            if seen.insert(name.clone()) {
                names.push(name);
            }
        }
    }
    let mut text = String::from(
        "# Written by `cargo bench --bench hot_code`: the functions a session runs.\n\
         # The linker puts them together, in this order (src/build.rs).\n",
    );
    for name in &names {
        text.push_str(name);
        text.push('\n');
    }
    fs::write(&list, text).expect("write the list");
    eprintln!("{} functions written to {}", names.len(), list.display());
    eprintln!("rebuild (cargo build --release) for the new layout to take effect");
}

/// `valgrind` and its options, with handoff's path after them.
fn under_callgrind(profile: &Path) -> Vec<String> {
    vec![
        "valgrind".into(),
        "--tool=callgrind".into(),
        "--demangle=no".into(),
        format!("--callgrind-out-file={}", profile.display()),
    ]
}

fn spawn(data: &Path, profile: &Path) -> Tty {
    let wrapper = under_callgrind(profile);
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    Tty::spawn_under(&wrapper, data, 200, 60, &[])
}

fn first_assessment_tour(data: &Path, profile: &Path) {
    let mut tty = spawn(data, profile);
    tty.start_typing_role(many_assessments::PERSON);
    tty.type_text("Team lead");
    tty.key(Key::Enter);
    tty.type_text("?");
    tty.wait_for("Keys on this screen");
    tty.type_text("x");
    tty.wait_until_gone("Keys on this screen");
    for sheet in 2..=10 {
        tty.key(Key::Tab);
        tty.wait_for(&format!("{sheet}/10"));
        tty.type_text("j31k");
        if sheet == 3 {
            tty.type_text("n");
            tty.wait_for("Esc done");
            tty.type_text("A note");
            tty.key(Key::Esc);
        }
    }
    tty.key(Key::BackTab);
    tty.wait_for("9/10");
    tty.type_text("r");
    tty.wait_for("Reference cards");
    tty.type_text("jj");
    tty.key(Key::Esc);
    tty.go_to_summary();
    tty.type_text("c");
    tty.wait_for("Please confirm");
    tty.type_text("y");
    tty.wait_for("Completed");
    quit(&mut tty);
}

fn history_tour(data: &Path, profile: &Path) {
    let mut tty = spawn(data, profile);
    tty.wait_for(many_assessments::PERSON);
    tty.key(Key::Enter);
    tty.wait_for("Completed assessments");
    tty.key(Key::Enter);
    tty.wait_for("1/10");
    tty.key(Key::Esc);
    tty.wait_for("Completed assessments");
    tty.type_text("j");
    tty.key(Key::Enter);
    tty.wait_for("History");
    tty.type_text("j ");
    tty.type_text("c");
    tty.wait_for("Comparison");
    tty.key(Key::Esc);
    tty.type_text("t");
    tty.wait_for("Trend");
    tty.key(Key::Esc);
    tty.key(Key::Enter);
    tty.wait_for("read-only");
    tty.key(Key::Esc);
    quit(&mut tty);
}

fn quit(tty: &mut Tty) {
    tty.type_text("q");
    // callgrind writes its profile as the program exits.
    tty.wait_exit();
}

/// The functions of `binary` that ran, in the order callgrind lists them.
/// Its output names each object (`ob=`) and function (`fn=`) once in
/// full, then by number: `fn=(12) name` the first time, `fn=(12)` after.
fn functions_run_in(profile: &str, binary: &Path) -> Vec<String> {
    let binary = binary.display().to_string();
    let mut objects = std::collections::HashMap::new();
    let mut functions = std::collections::HashMap::new();
    let mut in_binary = false;
    let mut names = Vec::new();
    for line in profile.lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let (number, name) = match value.split_once(')') {
            Some((number, name)) => (number.trim_start_matches('('), name.trim()),
            None => continue,
        };
        match key {
            "ob" | "cob" => {
                if !name.is_empty() {
                    objects.insert(number.to_string(), name.to_string());
                }
                if key == "ob" {
                    in_binary = objects.get(number).is_some_and(|object| *object == binary);
                }
            }
            "fn" | "cfn" => {
                if !name.is_empty() {
                    functions.insert(number.to_string(), name.to_string());
                }
                if key == "fn" && in_binary {
                    let name = &functions[number];
                    // Unnamed code has no symbol the linker could move.
                    if !name.starts_with("0x") && !name.starts_with('(') {
                        names.push(name.clone());
                    }
                }
            }
            _ => {}
        }
    }
    names
}
