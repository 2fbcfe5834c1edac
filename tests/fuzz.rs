//! Property tests over the two loaders that read what people can edit by
//! hand: saved assessments and content files. Whatever the bytes, loading
//! never panics, and every error names the file it is about.
//!
//! The seed is fixed and the case counts bounded, so CI runs the same
//! cases every time in a few seconds. For a deeper run on a new seed:
//! `HANDOFF_FUZZ_CASES=20000 HANDOFF_FUZZ_SEED=7 cargo test --test fuzz`.

mod common;

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};

use handoff::content::{self, BUILTIN, ContentSource};
use handoff::store::{Header, read_assessment};

const SEED: u64 = 0x4841_4e44_4f46_4621;

fn config(cases: u32) -> Config {
    let setting = |name: &str| std::env::var(name).ok();
    Config {
        cases: setting("HANDOFF_FUZZ_CASES")
            .and_then(|text| text.parse().ok())
            .unwrap_or(cases),
        rng_seed: RngSeed::Fixed(
            setting("HANDOFF_FUZZ_SEED")
                .and_then(|text| text.parse().ok())
                .unwrap_or(SEED),
        ),
        failure_persistence: None,
        ..Config::default()
    }
}

/// One edit to a byte string: what a slip of the hand, a bad disk or a
/// careless merge does to a file.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Duplicate { at: usize, len: usize, to: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<usize>();
    let interesting = prop::sample::select(vec![
        b"[".to_vec(),
        b"]".to_vec(),
        b"\"".to_vec(),
        b"=".to_vec(),
        b"\n".to_vec(),
        b"[[tasks]]\n".to_vec(),
        b"rating = 255\n".to_vec(),
        b"schema_version = 99\n".to_vec(),
        b"\\u001b".to_vec(),
        "\u{202E}".as_bytes().to_vec(),
        b"\xff\xfe".to_vec(),
        b"{a = {a = {a = ".to_vec(),
        b"1979-05-27T07:32:00Z".to_vec(),
        b"-99999999999999999999".to_vec(),
    ]);
    prop_oneof![
        (index, 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (index, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            index,
            prop_oneof![interesting, prop::collection::vec(any::<u8>(), 1..16)]
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (index, 1usize..200, index).prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        index.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::Flip { at, bits } => {
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte ^= bits;
            }
        }
        Mutation::Delete { at, len: count } => {
            let start = (at % len).min(bytes.len());
            let end = (start + count).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert { at, bytes: new } => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Duplicate { at, len: count, to } => {
            let start = (at % len).min(bytes.len());
            let end = (start + count).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            let to = (to % len).min(bytes.len());
            bytes.splice(to..to, copy);
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
    }
}

/// Writes `bytes` as an assessment file, reads it back through the store,
/// and checks the outcome: an error naming the file, or an assessment whose
/// scores and report can be worked out.
fn check_assessment_file(dir: &Path, bytes: &[u8]) -> Result<(), TestCaseError> {
    let path = dir.join("20260101-000000-fuzz.toml");
    fs::write(&path, bytes).map_err(|error| TestCaseError::fail(error.to_string()))?;
    match read_assessment(&path) {
        Ok(loaded) => {
            let workbook = content::load_builtin().expect("content");
            let header = Header::of(&workbook, &loaded.assessment, loaded.read_only);
            for (_, percent) in &header.scores {
                prop_assert!(percent.is_none_or(|value| value <= 100), "{header:?}");
            }
            let report = handoff::report::assessment_report(&workbook, &loaded.assessment);
            let _ = report.plain();
            let _ = report.markdown();
        }
        Err(error) => {
            let message = error.to_string();
            prop_assert!(
                message.contains(&path.display().to_string()),
                "error does not name the file: {message}"
            );
        }
    }
    prop_assert_eq!(fs::read(&path).expect("still there"), bytes);
    Ok(())
}

fn valid_assessment() -> Vec<u8> {
    handoff::store::to_toml(&common::full_assessment("Ana"))
        .expect("toml")
        .into_bytes()
}

#[test]
fn arbitrary_bytes_as_an_assessment_never_panic_and_errors_name_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    let mut runner = TestRunner::new(config(600));
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..2048), |bytes| {
            check_assessment_file(dir.path(), &bytes)
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    // Text that is at least UTF-8 gets past the first gate into the parser.
    runner
        .run(&"\\PC{0,600}", |text| {
            check_assessment_file(dir.path(), text.as_bytes())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}

#[test]
fn mutated_valid_assessments_never_panic_and_errors_name_the_file() {
    let dir = tempfile::tempdir().expect("temp");
    let valid = valid_assessment();
    let mut runner = TestRunner::new(config(1500));
    runner
        .run(&prop::collection::vec(mutation(), 1..6), |mutations| {
            let mut bytes = valid.clone();
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            check_assessment_file(dir.path(), &bytes)
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}

/// Loads the built-in content with one file replaced by `text`: never a
/// panic, and every error names a file that was given (or the workbook as
/// a whole).
fn check_content(file: &str, text: String) -> Result<(), TestCaseError> {
    let names: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    let sources: Vec<ContentSource> = BUILTIN
        .iter()
        .map(|(name, builtin)| {
            if *name == file {
                ContentSource::new(*name, text.clone())
            } else {
                ContentSource::new(*name, *builtin)
            }
        })
        .collect();
    if let Err(errors) = content::load(&sources) {
        prop_assert!(!errors.0.is_empty());
        for error in &errors.0 {
            // Something missing from the whole workbook (no `drivers`
            // section anywhere) belongs to no one file, and says so.
            prop_assert!(
                names.contains(&error.file.as_str()) || error.file == "(workbook)",
                "error names no given file: {error}"
            );
        }
    }
    Ok(())
}

#[test]
fn mutated_content_files_never_panic_and_errors_name_the_file() {
    let mut runner = TestRunner::new(config(400));
    let file = (0..BUILTIN.len(), prop::collection::vec(mutation(), 1..4));
    runner
        .run(&file, |(index, mutations)| {
            let (name, text) = BUILTIN[index];
            let mut bytes = text.as_bytes().to_vec();
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            // Content reaches the loader as text: a file that is not UTF-8
            // is refused before it (see tests/bad_input.rs).
            check_content(name, String::from_utf8_lossy(&bytes).into_owned())
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    runner
        .run(&(0..BUILTIN.len(), "\\PC{0,400}"), |(index, text)| {
            check_content(BUILTIN[index].0, text)
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
}
