//! Reading content files: the built-in ones from the binary, a coach's
//! from a folder.

use std::borrow::Cow;
use std::path::Path;

use super::check::file_error;
use crate::content::error::{ContentError, ContentErrors};

/// One content file's name (for messages) and text. The built-in files are
/// borrowed from the binary, not copied: a copy of their 64 kB would be a
/// quarter of the memory loading takes at its peak.
#[derive(Clone, Debug)]
pub struct ContentSource {
    pub name: Cow<'static, str>,
    pub text: Cow<'static, str>,
}

impl ContentSource {
    pub fn new(name: impl Into<Cow<'static, str>>, text: impl Into<Cow<'static, str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }
}

pub(super) fn builtin_sources() -> Vec<ContentSource> {
    crate::content::BUILTIN
        .iter()
        .map(|(name, text)| ContentSource::new(*name, *text))
        .collect()
}

/// Reads every `*.toml` file of a folder, in name order. Unreadable files are
/// reported, not skipped, so a coach never wonders why an item is missing.
pub fn read_dir_sources(dir: &Path) -> Result<Vec<ContentSource>, ContentErrors> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|error| {
        ContentErrors(vec![ContentError {
            file: shown.clone(),
            line: None,
            item: None,
            problem: format!("cannot read this folder: {error}"),
        }])
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();

    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match read_content_file(&path) {
            Ok(text) => sources.push(ContentSource::new(name, text)),
            Err(problem) => errors.push(file_error(&name, &problem)),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(ContentErrors(errors))
    }
}

/// Far more than a whole workbook (the built-in one is under 100 kB), yet a
/// stray video file is refused at once instead of parsed.
pub const MAX_CONTENT_FILE_BYTES: u64 = 1024 * 1024;

/// One content file's text. A link is followed (the coach chose the folder,
/// and content is only ever read), but only to a regular file: reading a
/// FIFO would wait forever, and a device could be endless.
fn read_content_file(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|error| format!("cannot be read: {error}"))?;
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    if meta.len() > MAX_CONTENT_FILE_BYTES {
        return Err(format!(
            "is {:.1} MB; content files can be up to {} MB",
            meta.len() as f64 / 1_000_000.0,
            MAX_CONTENT_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_CONTENT_FILE_BYTES).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot be read: {error}"))?;
    String::from_utf8(bytes).map_err(|_| "is not valid UTF-8 text".to_string())
}
