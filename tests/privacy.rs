//! Nothing leaks: under umask 000 and 022 every folder handoff makes is
//! 0700 and every file 0600 from the moment it exists (lock, index,
//! temporary files and exports included), a hostile person name typed into
//! the real program stays inside the data folder, and the program makes no
//! network call at all.
//!
//! The real binary runs under `strace`, which records each folder and file
//! created with the mode asked for: a temporary file is caught at its
//! creation however briefly it lives. `.ci/run` installs strace; without it
//! this test fails under CI=true and is skipped, loudly, elsewhere.
//!
//! One test, because the umask is process-wide.

mod cli_run;
mod common;
mod data_folder;
mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use handoff::store::Store;
use pty::{Key, Tty};

/// System calls that reach a network, or could: a socket of any family
/// other than the local pair crossterm uses to wake its own event loop.
const NETWORK: [&str; 10] = [
    "socket(",
    "connect(",
    "bind(",
    "listen(",
    "accept(",
    "accept4(",
    "sendto(",
    "sendmsg(",
    "recvfrom(",
    "recvmsg(",
];

fn strace_available() -> bool {
    Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|output| output.status.success())
}

fn strace_words(trace: &Path) -> Vec<String> {
    [
        "strace",
        "-f",
        "-qq",
        "-o",
        trace.to_str().expect("UTF-8 path"),
        "-e",
        "trace=%network,open,openat,creat,mkdir,mkdirat,fcntl,dup,dup2,dup3",
    ]
    .map(String::from)
    .to_vec()
}

#[track_caller]
fn assert_private_tree(root: &Path, umask: u32) {
    let seen = data_folder::modes(root);
    for (path, mode, is_dir) in &seen {
        let wanted = if *is_dir { 0o700 } else { 0o600 };
        assert_eq!(
            *mode,
            wanted,
            "umask {umask:03o}: {} is {mode:03o}",
            path.display()
        );
    }
}

/// Checks a trace: no network call, every folder made 0700 and every file
/// created 0600 (the umask can only take bits away, so neither is ever
/// more open than that, even for a moment).
fn check_trace(trace: &Path, umask: u32) -> (usize, usize) {
    let text = fs::read_to_string(trace).expect("strace wrote its trace");
    let (mut folders, mut files) = (0, 0);
    // Both ends of local socket pairs: the terminal event source wakes
    // itself on a resize through one (signal-hook's self-pipe), so sending
    // on those never leaves the process.
    let mut local_ends: Vec<String> = Vec::new();
    for line in text.lines() {
        let call = line
            .split_once(' ')
            .map_or(line, |(_, rest)| rest.trim_start());
        if call.starts_with("socketpair(") {
            assert!(call.contains("AF_UNIX"), "{line}");
            if let Some(pair) = call
                .split_once('[')
                .and_then(|(_, rest)| rest.split_once(']'))
            {
                local_ends.extend(pair.0.split(", ").map(str::to_string));
            }
            continue;
        }
        // A copy of a local end (`try_clone`) is a local end too.
        let copied =
            call.starts_with("dup(") || (call.starts_with("fcntl(") && call.contains("F_DUPFD"));
        if copied
            && let Some((source, _)) = call
                .split_once('(')
                .and_then(|(_, args)| args.split_once([',', ')']))
            && local_ends.iter().any(|end| end == source)
            && let Some((_, result)) = call.rsplit_once("= ")
        {
            local_ends.push(result.trim().to_string());
        }
        let on_local_end = ["sendto(", "recvfrom(", "sendmsg(", "recvmsg("]
            .iter()
            .any(|name| call.starts_with(name))
            && call
                .split_once('(')
                .and_then(|(_, args)| args.split_once(','))
                .is_some_and(|(fd, _)| local_ends.iter().any(|end| end == fd));
        for network in NETWORK {
            assert!(
                on_local_end || !call.starts_with(network),
                "umask {umask:03o}: a network call: {line}"
            );
        }
        if call.starts_with("mkdir") && !call.contains("EEXIST") {
            folders += 1;
            assert!(call.contains(", 0700)"), "umask {umask:03o}: {line}");
        }
        if call.starts_with("open") && call.contains("O_CREAT") {
            files += 1;
            assert!(call.contains(", 0600)"), "umask {umask:03o}: {line}");
        }
    }
    (folders, files)
}

/// A short session in the real program: a person with a hostile name, a
/// new assessment, one rating, one note, quit.
fn tui_session(data: &Path, wrapper: &[String], name: &str) {
    let words: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let mut tty = Tty::spawn_under(&words, data, 100, 30, &[]);
    tty.start_first_assessment(name);
    tty.leave_check_in();
    tty.type_text("3");
    tty.type_text("n");
    tty.type_text("private");
    tty.key(Key::Esc);
    tty.wait_until_gone("Esc done");
    tty.type_text("q");
    assert_eq!(tty.wait_exit(), Some(0));
}

fn draft_id(data: &Path) -> String {
    let store = Store::new(data);
    let people = store.people().expect("people").people;
    let person = people.first().expect("a person");
    let drafts = store.drafts(person);
    drafts
        .first()
        .and_then(|draft| draft.path().file_stem())
        .map(|stem| stem.to_string_lossy().into_owned())
        .expect("a draft")
}

#[test]
fn everything_is_private_and_nothing_touches_the_network_under_any_umask() {
    let traced = strace_available();
    if !traced {
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is missing; .ci/run installs it (apt-get install -y strace)"
        );
        eprintln!("SKIPPED the strace half: strace is not installed");
    }
    for umask in [0o000, 0o022] {
        // SAFETY: umask has no memory-safety preconditions; this test binary
        // runs this one test, and programs it starts inherit the mask.
        unsafe { libc::umask(umask) };
        let temp = tempfile::tempdir().expect("temp");
        let outside = temp.path().join("outside");
        fs::create_dir(&outside).expect("folder");
        let data = outside.join("data");
        let traces = tempfile::tempdir().expect("traces");

        // Through the library: lock and a completed assessment too.
        let store = Store::new(&data);
        let person = store.add_person("Ana").expect("person");
        let _lock = handoff::store::lock_person(&person).expect("lock");
        let mut assessment = common::full_assessment("Ana");
        store.save_draft(&person, &assessment).expect("draft");
        assessment.id = "20261124-000000-0001".into();
        store
            .complete(&person, &mut assessment, common::at("2026-11-24T00:00:00Z"))
            .expect("complete");
        assert!(person.dir.join(".lock").exists());
        assert_private_tree(&data, umask);

        // The real program, with a name that tries to climb out.
        let wrapper = if traced {
            strace_words(&traces.path().join("tui"))
        } else {
            Vec::new()
        };
        tui_session(&data, &wrapper, "../../../escape");
        let id = draft_id(&data);
        let report = outside.join("report.md");
        for (trace, args) in [
            ("list", vec!["list"]),
            ("show", vec!["show", id.as_str()]),
            (
                "export",
                vec![
                    "export",
                    id.as_str(),
                    "--out",
                    report.to_str().expect("path"),
                ],
            ),
        ] {
            let mut command = if traced {
                let words = strace_words(&traces.path().join(trace));
                let mut command = Command::new(&words[0]);
                command.args(&words[1..]).arg(env!("CARGO_BIN_EXE_handoff"));
                command
            } else {
                Command::new(env!("CARGO_BIN_EXE_handoff"))
            };
            command
                .arg("--data-dir")
                .arg(&data)
                .args(&args)
                .env_remove("HANDOFF_DATA_DIR");
            let finished = cli_run::run(command);
            assert!(finished.status.success(), "{args:?}: {}", finished.stderr());
        }
        assert_eq!(
            fs::metadata(&report).expect("report").permissions().mode() & 0o777,
            0o600
        );
        fs::remove_file(&report).expect("remove the report");
        assert_private_tree(&data, umask);
        let beside: Vec<_> = fs::read_dir(temp.path())
            .expect("list")
            .chain(fs::read_dir(&outside).expect("list"))
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(
            beside,
            ["outside", "data"],
            "something escaped the data folder"
        );
        let people = Store::new(&data).people().expect("people").people;
        assert!(
            people.iter().any(|person| person.name == "../../../escape"),
            "the name is kept whole: {people:?}"
        );

        if traced {
            let (mut folders, mut files) = (0, 0);
            for trace in ["tui", "list", "show", "export"] {
                let (made, created) = check_trace(&traces.path().join(trace), umask);
                folders += made;
                files += created;
            }
            // The person's folder, drafts/, a lock, a temporary file per
            // save, the index, the report's temporary file.
            eprintln!(
                "umask {umask:03o}: {folders} folders made, {files} files created, all private"
            );
            assert!(
                folders >= 2 && files >= 4,
                "{folders} folders, {files} files"
            );
        }
    }
}
