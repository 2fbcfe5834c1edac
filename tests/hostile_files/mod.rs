//! Every hostile shape of a saved file (empty, cut short, binary, Latin-1,
//! 10 MB, nested ten thousand deep, wrong types, unknown fields, a newer
//! format, a symbolic link, a FIFO, a folder), planted for a test, with a
//! way to prove afterwards that not one byte of any of them changed. One
//! list, so every place that reads a stranger's file (a person's folder,
//! an import) is tried with the same shapes.
#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use handoff::assessment::SCHEMA_VERSION;

/// Deep enough to overflow a parser that recurses without a limit.
pub const NESTING: usize = 10_000;

/// What handoff should make of a file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expect {
    /// Listed as unreadable, with this in the reason.
    Unreadable(&'static str),
    /// Written by a newer handoff: shown, never saved.
    ReadOnly,
    /// Odd but harmless: reading is forgiving by design.
    Loads,
}

/// What was on disk, to prove afterwards that nothing changed.
#[derive(Debug, PartialEq)]
pub enum Snapshot {
    Bytes(Vec<u8>),
    Link { target: PathBuf, bytes: Vec<u8> },
    Fifo,
    Folder,
}

pub fn snapshot(path: &Path) -> Snapshot {
    let meta = fs::symlink_metadata(path).expect("still there");
    if meta.file_type().is_symlink() {
        let target = fs::read_link(path).expect("link");
        let bytes = fs::read(&target).expect("link target");
        Snapshot::Link { target, bytes }
    } else if meta.file_type().is_fifo() {
        Snapshot::Fifo
    } else if meta.is_dir() {
        Snapshot::Folder
    } else {
        Snapshot::Bytes(fs::read(path).expect("read"))
    }
}

pub struct Planted {
    pub id: String,
    pub path: PathBuf,
    pub expect: Expect,
    pub before: Snapshot,
}

/// Cuts at a character boundary so the cut is a TOML problem, not UTF-8.
pub fn cut(text: &str, at: usize) -> &str {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

/// Bytes that look like nothing: a fixed sequence, so every run tries the
/// same garbage.
pub fn garbage(count: usize) -> Vec<u8> {
    let mut state: u32 = 0x1234_5678;
    (0..count)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8 | 0x80
        })
        .collect()
}

/// Every hostile shape, as (name, bytes, expectation). The symbolic link,
/// FIFO and folder are made by [`plant`].
pub fn shapes(valid: &str) -> Vec<(&'static str, Vec<u8>, Expect)> {
    let unreadable = Expect::Unreadable;
    let replaced = |from: &str, to: &str| {
        assert!(valid.contains(from), "the valid file has {from}");
        valid.replacen(from, to, 1).into_bytes()
    };
    let mut huge = valid.to_string();
    huge.push_str("\n[future]\nblob = \"");
    huge.push_str(&"x".repeat(10 * 1024 * 1024));
    huge.push_str("\"\n");
    vec![
        ("empty", Vec::new(), unreadable("is empty")),
        (
            "truncated",
            cut(valid, valid.find("Head of").expect("role") + 4)
                .as_bytes()
                .to_vec(),
            unreadable("line "),
        ),
        ("binary", garbage(4096), unreadable("is not UTF-8 text")),
        (
            "latin1",
            b"schema_version = 1\nperson = \"Jos\xe9\"\n".to_vec(),
            unreadable("is not UTF-8 text"),
        ),
        ("huge", huge.into_bytes(), unreadable("MB")),
        (
            "deep-arrays",
            format!("schema_version = 1\nx = {}", "[".repeat(NESTING)).into_bytes(),
            unreadable("line 2"),
        ),
        (
            "deep-tables",
            format!("schema_version = 1\nx = {}", "{a = ".repeat(NESTING)).into_bytes(),
            unreadable("line 2"),
        ),
        (
            "deep-headers",
            format!("schema_version = 1\n[{}]\n", vec!["a"; NESTING].join(".")).into_bytes(),
            unreadable("recursion limit"),
        ),
        (
            "wrong-types",
            replaced("rating = 4", "rating = \"four\""),
            unreadable("line "),
        ),
        (
            "out-of-range",
            replaced("rating = 4", "rating = 300"),
            unreadable("line "),
        ),
        (
            "bad-date",
            replaced("due = 2026-12-15", "due = 2026-13-45"),
            unreadable("line "),
        ),
        (
            "nul",
            b"schema_version = 1\nperson = \"a\0b\"\n".to_vec(),
            unreadable("line 2"),
        ),
        (
            "version-text",
            replaced(
                &format!("schema_version = {SCHEMA_VERSION}"),
                "schema_version = \"one\"",
            ),
            unreadable("schema_version should be a number"),
        ),
        (
            "off-scale",
            replaced("rating = 4", "rating = 200"),
            Expect::Loads,
        ),
        (
            "unknown-fields",
            format!("{valid}\nmystery = 1\n[future]\nnew_idea = [1, 2, 3]\n").into_bytes(),
            Expect::Loads,
        ),
        (
            "newer",
            replaced(
                &format!("schema_version = {SCHEMA_VERSION}"),
                &format!("schema_version = {}", SCHEMA_VERSION + 1),
            ),
            Expect::ReadOnly,
        ),
    ]
}

/// Plants every shape in `folder` with ids `{prefix}-NN-{shape}`, plus a
/// symbolic link to a valid file outside the data folder, a FIFO and a
/// folder with a `.toml` name.
pub fn plant(folder: &Path, prefix: &str, outside: &Path, valid: &str) -> Vec<Planted> {
    fs::create_dir_all(folder).expect("folder");
    let mut planted = Vec::new();
    let mut add = |name: &str, expect: Expect, make: &dyn Fn(&Path)| {
        let id = format!("{prefix}-{:02}{name}", planted.len());
        let path = folder.join(format!("{id}.toml"));
        make(&path);
        planted.push(Planted {
            id,
            before: snapshot(&path),
            path,
            expect,
        });
    };
    for (name, bytes, expect) in shapes(valid) {
        add(name, expect, &|path| {
            fs::write(path, &bytes).expect("plant")
        });
    }
    add("symlink", Expect::Unreadable("symbolic link"), &|path| {
        std::os::unix::fs::symlink(outside, path).expect("symlink")
    });
    add("fifo", Expect::Unreadable("not a regular file"), &|path| {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("mkfifo");
        assert!(status.success());
    });
    add(
        "folder",
        Expect::Unreadable("not a regular file"),
        &|path| fs::create_dir(path).expect("folder"),
    );
    planted
}
