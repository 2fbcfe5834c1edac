//! Reading a saved assessment without trusting it: only regular files, a
//! size limit, UTF-8 checked, the format version checked before the rest.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::assessment::{Assessment, SCHEMA_VERSION};

use super::error::StoreError;
use super::plain::open_checked;
use super::version::FileVersion;

/// Large enough for years of notes and a pasted document; small enough that
/// a stray video file is refused at once instead of parsed.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A file that parsed. `read_only` is set for a file from a newer handoff:
/// it can be shown, but saving it could drop fields we do not know.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub assessment: Assessment,
    pub read_only: bool,
    /// The version of the file this was read from, so saving it again can
    /// tell whether another program changed it since.
    pub version: Option<FileVersion>,
}

pub fn read_assessment(path: &Path) -> Result<Loaded, StoreError> {
    let (text, version) = read_text_version(path)?;
    let mut loaded = parse_assessment(path, &text)?;
    loaded.version = Some(version);
    Ok(loaded)
}

/// A completed assessment, from the folder of finished ones: as
/// [`read_assessment`], but a file without an id or a completion date is
/// not one (a file holding only `schema_version = 1` would otherwise list
/// as complete, dated 1970-01-01) and is refused with the reason.
pub fn read_completed(path: &Path) -> Result<Loaded, StoreError> {
    let loaded = read_assessment(path)?;
    match completed_problem(&loaded.assessment) {
        None => Ok(loaded),
        Some(problem) => Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            problem: problem.into(),
        }),
    }
}

/// Why an assessment is no completed one, if it is not.
pub fn completed_problem(assessment: &Assessment) -> Option<&'static str> {
    let no_id = assessment.id.trim().is_empty();
    match (no_id, assessment.completed.is_none()) {
        (true, true) => Some("has no id and no completion date"),
        (true, false) => Some("has no id"),
        (false, true) => Some("has no completion date"),
        (false, false) => None,
    }
}

/// Reads a small text file that must be a regular file: a symbolic link, a
/// FIFO (which would block forever) or a device is refused by name.
pub fn read_text(path: &Path) -> Result<String, StoreError> {
    read_text_version(path).map(|(text, _)| text)
}

/// The text and the version it was read from. The version is taken from the
/// open file before reading, so a change during the read makes it stale
/// (and the next save careful), never the other way round.
fn read_text_version(path: &Path) -> Result<(String, FileVersion), StoreError> {
    let unreadable = |problem: String| StoreError::Unreadable {
        path: path.to_path_buf(),
        problem,
    };
    let meta = fs::symlink_metadata(path).map_err(StoreError::io(path))?;
    if meta.file_type().is_symlink() {
        return Err(unreadable(
            "is a symbolic link; handoff reads only regular files in its data folder".into(),
        ));
    }
    if !meta.is_file() {
        return Err(unreadable("is not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(unreadable(format!(
            "is {:.1} MB; handoff reads files up to {} MB",
            meta.len() as f64 / 1_000_000.0,
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = Vec::new();
    // Opened without following a link or waiting on a FIFO, and checked
    // again once open, in case the file was swapped since the look above.
    let (file, meta) = open_checked(path, fs::OpenOptions::new().read(true))?;
    let version = FileVersion::of(&meta);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(StoreError::io(path))?;
    if bytes.is_empty() {
        return Err(unreadable("is empty".into()));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        unreadable(format!(
            "is not UTF-8 text (bad byte at offset {})",
            error.utf8_error().valid_up_to()
        ))
    })?;
    Ok((text, version))
}

pub fn parse_assessment(path: &Path, text: &str) -> Result<Loaded, StoreError> {
    // The usual file, in this build's format, is parsed once: parsing is
    // most of reading a file, and lists read files by the hundred. Any
    // other file, or one that does not parse, takes the careful path
    // below, which parses twice to say exactly what is wrong.
    if in_a_known_format(text)
        && let Ok(assessment) = toml::from_str::<Assessment>(text)
    {
        return Ok(Loaded {
            assessment,
            read_only: false,
            version: None,
        });
    }
    parse_carefully(path, text)
}

/// The format version checked first, then the assessment parsed, each
/// failure said in words with its line.
fn parse_carefully(path: &Path, text: &str) -> Result<Loaded, StoreError> {
    let unreadable = |problem: String| StoreError::Unreadable {
        path: path.to_path_buf(),
        problem,
    };
    let table: toml::Table =
        toml::from_str(text).map_err(|error| unreadable(describe(text, &error)))?;
    let version = match table.get("schema_version") {
        Some(toml::Value::Integer(version)) => u32::try_from(*version)
            .map_err(|_| unreadable(format!("schema_version {version} is not a format number")))?,
        Some(other) => {
            return Err(unreadable(format!(
                "schema_version should be a number, found {}",
                other.type_str()
            )));
        }
        None => {
            return Err(unreadable(
                "has no schema_version; is it a handoff file?".into(),
            ));
        }
    };
    let read_only = version > SCHEMA_VERSION;
    match toml::from_str::<Assessment>(text) {
        Ok(assessment) => Ok(Loaded {
            assessment,
            read_only,
            version: None,
        }),
        Err(_) if read_only => Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
        }),
        Err(error) => Err(unreadable(describe(text, &error))),
    }
}

/// Whether the keys before the first table (which are the file's top-level
/// keys) say `schema_version` is a format this build knows. Only they are
/// parsed, a few lines: a cut that falls inside a longer value leaves text
/// that does not parse, and the answer is then no.
fn in_a_known_format(text: &str) -> bool {
    let mut head = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            break;
        }
        head += line.len();
    }
    let Ok(top) = toml::from_str::<toml::Table>(&text[..head]) else {
        return false;
    };
    matches!(top.get("schema_version"), Some(toml::Value::Integer(version))
        if u32::try_from(*version).is_ok_and(|version| version <= SCHEMA_VERSION))
}

/// A TOML error in one line: "line 12: invalid type …".
pub fn describe(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim().replace('\n', " ");
    match error.span() {
        Some(span) => {
            let line = text
                .get(..span.start)
                .map_or(1, |before| before.matches('\n').count() + 1);
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever a file holds, parsing it once says what parsing it
    /// carefully says.
    #[test]
    fn the_quick_way_and_the_careful_way_agree() {
        let path = Path::new("people/ana/assessments/x.toml");
        let full = "schema_version = 1\nid = \"20261123-093000-beef\"\n\
                    completed = 2026-11-23T10:15:00+01:00\n\
                    [check_in]\nrole = \"Lead\"\n[drivers.perfectionism]\nrating = 4\n";
        let texts = [
            full.to_string(),
            full.replace("schema_version = 1", "schema_version = 2"),
            full.replace("schema_version = 1", "schema_version = 0"),
            full.replace("schema_version = 1", "schema_version = -1"),
            full.replace("schema_version = 1", "schema_version = \"1\""),
            full.replace("schema_version = 1", "\"schema_version\" = 1"),
            full.replace("schema_version = 1\n", ""),
            full.replace("[check_in]", "[drivers]\n[check_in]"),
            full.replace("rating = 4", "rating = \"four\""),
            full.replace("rating = 4", "rating = 4\nrating = 4"),
            format!("note = \"\"\"\n[check_in]\n\"\"\"\n{full}"),
            format!("x = [\n[1],\n]\n{full}"),
            format!("[check_in]\nrole = \"Lead\"\n{full}"),
            "schema_version = 1\n".to_string(),
            String::new(),
        ];
        for text in &texts {
            let quick = parse_assessment(path, text).map_err(|error| error.to_string());
            let careful = parse_carefully(path, text).map_err(|error| error.to_string());
            assert_eq!(quick, careful, "{text}");
        }
        assert!(parse_assessment(path, &texts[0]).is_ok_and(|loaded| !loaded.read_only));
        assert!(in_a_known_format(&texts[0]) && !in_a_known_format(&texts[10]));
    }
}
