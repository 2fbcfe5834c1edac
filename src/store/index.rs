//! A per-person cache of history headers, so listing thousands of
//! assessments reads one small file and a folder of `stat`s instead of
//! parsing every assessment in full.
//!
//! `<person>/index.tsv` records, for each file in `assessments/`, its name,
//! size, modification and change times and inode, plus the header the list
//! shows: id, dates and headline section percents. An entry is trusted only
//! while all of those still match the file; otherwise the file is read again.
//! The index is only ever a cache: if it is missing, unreadable, from
//! another format or scored against different content, it is rebuilt, and
//! failing to write it never fails a listing.
//!
//! It is one tab-separated line per file rather than TOML: with 10,000
//! entries, parsing the TOML form alone took about 350 ms, the line form a
//! few. It is never edited by hand, so readability matters less than speed.
//!
//! Headline percents depend on the workbook (items the content no longer has
//! are not scored), so the caller passes the `Workbook` and the index keeps a
//! fingerprint of what scoring depends on: each section's scale top and item
//! ids, in order. New content means one full rescan, then warm again.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, SecondsFormat};

use crate::assessment::{Assessment, Scored, TrendColumn, section_scores};
use crate::content::{SectionKind, Workbook};

use super::atomic::write_atomic;
use super::plain::{folder_exists, open_checked};
use super::read::read_completed;

/// The index's file name inside a person's folder.
pub const INDEX_FILE: &str = "index.tsv";

/// Bumped whenever the index's layout or the meaning of an entry changes;
/// an index of another format is simply rebuilt. Format 2 vouches only for
/// files with an id and a completion date; format 1 also vouched for files
/// without them, which are unreadable.
const INDEX_FORMAT: u32 = 2;

/// Far above any real index (10,000 entries are about 1.5 MB), yet a stray
/// huge file is not read into memory.
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// What a history list shows of one completed assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub id: String,
    pub created: DateTime<FixedOffset>,
    pub completed: Option<DateTime<FixedOffset>>,
    /// Written by a newer handoff: it can be shown but not saved.
    pub read_only: bool,
    /// Headline percents in the workbook's section order; `None` where the
    /// section was not answered.
    pub scores: Vec<(SectionKind, Option<u8>)>,
}

impl Header {
    pub fn of(workbook: &Workbook, assessment: &Assessment, read_only: bool) -> Header {
        Header {
            id: assessment.id.clone(),
            created: assessment.created,
            completed: assessment.completed,
            read_only,
            scores: section_scores(workbook, assessment)
                .into_iter()
                .map(|score| (score.kind, score.percent))
                .collect(),
        }
    }

    pub fn percent(&self, kind: SectionKind) -> Option<u8> {
        self.scores
            .iter()
            .find(|(found, _)| *found == kind)
            .and_then(|(_, percent)| *percent)
    }

    /// The input a trend chart needs, without loading the file.
    pub fn into_scored(self) -> Scored {
        Scored {
            column: TrendColumn {
                id: self.id,
                created: self.created,
            },
            percents: self.scores,
        }
    }
}

/// One file of a person's history: its header, or why it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryEntry {
    Readable { path: PathBuf, header: Header },
    Unreadable { path: PathBuf, reason: String },
}

impl HistoryEntry {
    pub fn path(&self) -> &Path {
        match self {
            HistoryEntry::Readable { path, .. } | HistoryEntry::Unreadable { path, .. } => path,
        }
    }

    pub fn header(&self) -> Option<&Header> {
        match self {
            HistoryEntry::Readable { header, .. } => Some(header),
            HistoryEntry::Unreadable { .. } => None,
        }
    }
}

/// What identifies one version of a file. Size and times alone can repeat
/// after a restore with preserved times; the inode changes with every
/// atomic save, and the change time with any write at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    size: u64,
    mtime: i64,
    ctime: i64,
    inode: u64,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Stamp {
        let nanos =
            |secs: i64, nsecs: i64| secs.saturating_mul(1_000_000_000).saturating_add(nsecs);
        Stamp {
            size: meta.len(),
            mtime: nanos(meta.mtime(), meta.mtime_nsec()),
            ctime: nanos(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        }
    }
}

/// One file's line of the index: the stamp the file had when it was read,
/// and its header. The file name is the key it is found under.
#[derive(Debug)]
struct Cached {
    stamp: Stamp,
    header: Header,
}

/// `file size mtime ctime inode id created completed access scores`,
/// tab-separated, scores in the workbook's section order (`-` for none).
/// `None` for text that would break the line; such a file is simply not
/// cached and is read every time.
fn index_line(file: &str, stamp: Stamp, header: &Header) -> Option<String> {
    let unsafe_text = |text: &str| text.contains(['\t', '\n', '\r']);
    if unsafe_text(file) || unsafe_text(&header.id) {
        return None;
    }
    let date = |date: &DateTime<FixedOffset>| date.to_rfc3339_opts(SecondsFormat::AutoSi, false);
    let scores: Vec<String> = header
        .scores
        .iter()
        .map(|(_, percent)| percent.map_or_else(|| "-".to_string(), |value| value.to_string()))
        .collect();
    let Stamp {
        size,
        mtime,
        ctime,
        inode,
    } = stamp;
    Some(format!(
        "{file}\t{size}\t{mtime}\t{ctime}\t{inode}\t{}\t{}\t{}\t{}\t{}",
        header.id,
        date(&header.created),
        header
            .completed
            .as_ref()
            .map_or_else(|| "-".to_string(), date),
        if header.read_only {
            "read-only"
        } else {
            "writable"
        },
        scores.join(","),
    ))
}

/// A line back as its file name and entry, or `None` if the line is
/// damaged (then the file is simply read again).
fn parse_line<'a>(line: &'a str, workbook: &Workbook) -> Option<(&'a str, Cached)> {
    // Fields are taken one by one rather than collected, and split by a
    // plain byte loop: with 10,000 lines, per-line allocations and
    // searcher set-up were most of a warm listing's time.
    let mut tabbed = fields(line, b'\t');
    let mut next = || tabbed.next();
    let (file, size, mtime, ctime, inode) = (next()?, next()?, next()?, next()?, next()?);
    let (id, created, completed, access, scores) = (next()?, next()?, next()?, next()?, next()?);
    if next().is_some() {
        return None;
    }
    let date = |text: &str| DateTime::parse_from_rfc3339(text).ok();
    // Only complete assessments with an id are listed as readable; a line
    // vouching for anything else is not trusted, and the file is read.
    if id.trim().is_empty() {
        return None;
    }
    let completed = Some(date(completed)?);
    let mut percents = fields(scores, b',');
    let mut scores = Vec::with_capacity(workbook.sections.len());
    for section in &workbook.sections {
        let percent = match percents.next()? {
            "-" => None,
            number => Some(number.parse::<u8>().ok().filter(|value| *value <= 100)?),
        };
        scores.push((section.kind, percent));
    }
    if percents.next().is_some() {
        return None;
    }
    let cached = Cached {
        stamp: Stamp {
            size: size.parse().ok()?,
            mtime: mtime.parse().ok()?,
            ctime: ctime.parse().ok()?,
            inode: inode.parse().ok()?,
        },
        header: Header {
            id: id.to_string(),
            created: date(created)?,
            completed,
            read_only: access == "read-only",
            scores,
        },
    };
    Some((file, cached))
}

/// The pieces of `text` between `separator`s. The separator is ASCII, so
/// every cut falls on a character boundary.
fn fields(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|byte| byte == separator) {
            Some(at) => {
                rest = Some(&text[at + 1..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// The history of the folder `assessments` under `person_dir`, by file
/// name (ids sort by creation time), refreshing the index as needed.
pub fn history_headers(person_dir: &Path, workbook: &Workbook) -> Vec<HistoryEntry> {
    fold_history(person_dir, workbook, Vec::new, |entries, entry| {
        entries.push(entry)
    })
}

/// Hands each entry of the history, in the order of [`history_headers`],
/// to `add`, so a caller that keeps only a summary never holds the whole
/// list. When the index is current, it is read one line at a time and
/// nothing else is held. If it turns out not to be, what `add` gathered
/// is dropped and the walk starts again from `start()` on the full listing,
/// which repairs the index.
pub fn fold_history<T>(
    person_dir: &Path,
    workbook: &Workbook,
    start: impl Fn() -> T,
    mut add: impl FnMut(&mut T, HistoryEntry),
) -> T {
    // A linked person or history folder is reported, never read through
    // (nor an index written into it).
    for folder in [person_dir.to_path_buf(), person_dir.join("assessments")] {
        if let Err(error) = folder_exists(&folder) {
            let mut gathered = start();
            let reason = error.to_string();
            add(
                &mut gathered,
                HistoryEntry::Unreadable {
                    path: folder,
                    reason,
                },
            );
            return gathered;
        }
    }
    if let Some(done) = fold_current_index(person_dir, workbook, start(), &mut add) {
        return done;
    }
    let mut gathered = start();
    for entry in refresh_history(person_dir, workbook) {
        add(&mut gathered, entry);
    }
    gathered
}

/// The index line by line, each line checked against its file's stamp as
/// it is read, when every line is current and the folder holds no file the
/// index lacks. `None` as soon as anything disagrees: a damaged, stale or
/// out-of-order line, a file that changed or went, or a count that differs.
///
/// Names must rise strictly and each must be a file the full listing would
/// show, so equal counts mean the same set of files: nothing new is missed.
fn fold_current_index<T>(
    person_dir: &Path,
    workbook: &Workbook,
    mut gathered: T,
    add: &mut impl FnMut(&mut T, HistoryEntry),
) -> Option<T> {
    let folder = person_dir.join("assessments");
    let listed = count_listed(&folder);
    let mut index = open_index(&person_dir.join(INDEX_FILE))?;
    let mut line = String::new();
    let mut next_line = |line: &mut String| -> Option<bool> {
        loop {
            line.clear();
            if index.read_line(line).ok()? == 0 {
                return Some(false);
            }
            let text = line.strip_suffix('\n').unwrap_or(line);
            let text = text.strip_suffix('\r').unwrap_or(text);
            if !text.starts_with('#') {
                line.truncate(text.len());
                return Some(true);
            }
        }
    };
    if !next_line(&mut line)? || line != first_line(&scoring_fingerprint(workbook)) {
        return None;
    }
    let mut previous = String::new();
    let mut seen = 0usize;
    while next_line(&mut line)? {
        let (name, cached) = parse_line(&line, workbook)?;
        if !is_listed(name) || (seen > 0 && name <= previous.as_str()) {
            return None;
        }
        let path = folder.join(name);
        let meta = fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || Stamp::of(&meta) != cached.stamp {
            return None;
        }
        previous.clear();
        previous.push_str(name);
        seen += 1;
        add(
            &mut gathered,
            HistoryEntry::Readable {
                path,
                header: cached.header,
            },
        );
    }
    (seen == listed).then_some(gathered)
}

/// The full walk: every file of the folder paired with its index entry, the
/// files without a current one read in full, and the index written again
/// if anything changed.
fn refresh_history(person_dir: &Path, workbook: &Workbook) -> Vec<HistoryEntry> {
    let index_path = person_dir.join(INDEX_FILE);
    let folder = person_dir.join("assessments");
    let scoring = scoring_fingerprint(workbook);
    let index_text = read_index_text(&index_path);
    // Checking every file's stamp is mostly waiting on the kernel and
    // parsing the index is all computing, so with two cores they overlap:
    // on a long history this nearly halves a warm listing.
    let (index, files) = std::thread::scope(|scope| {
        let listing = scope.spawn(|| assessment_files(&folder));
        let index = index_text
            .as_deref()
            .and_then(|text| parse_index(text, &scoring, workbook));
        let files = listing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (index, files)
    });
    // A missing or rejected index is written even if nothing else changes.
    let mut changed = index.is_none();
    // Files and entries are both sorted by name: one walk pairs them up.
    let mut cached = index.unwrap_or_default().into_iter().peekable();
    let mut headers: Vec<Option<Result<Header, String>>> = files
        .iter()
        .map(|file| {
            // Entries before this file's name belong to files that are gone.
            while cached
                .next_if(|(name, _)| *name < file.name.as_str())
                .is_some()
            {
                changed = true;
            }
            let (_, entry) = cached.next_if(|(name, _)| *name == file.name)?;
            let current = file.stamp == Some(entry.stamp);
            // A stale entry is replaced or dropped: either way the index changes.
            changed |= !current;
            current.then_some(Ok(entry.header))
        })
        .collect();
    // Entries left over belong to files that are gone, or repeat a name.
    changed |= cached.next().is_some();
    // Freed before any path is made: with 10,000 files, the index's text,
    // its entries and the files' paths held at once were most of the
    // program's peak memory.
    drop(cached);
    drop(index_text);
    let stale: Vec<PathBuf> = files
        .iter()
        .zip(&headers)
        .filter(|(_, header)| header.is_none())
        .map(|(file, _)| file.path_in(&folder))
        .collect();
    let mut read = read_headers(&stale, workbook).into_iter();
    for (file, header) in files.iter().zip(headers.iter_mut()) {
        if header.is_some() {
            continue;
        }
        let fresh = read
            .next()
            .unwrap_or_else(|| Err("could not be read".into()));
        // Unreadable files, and files that are not regular files (no stamp),
        // get no entry: they are read again next time, so a repaired file
        // shows up at once, and a corrupt one does not rewrite the index on
        // every listing.
        changed |= fresh.is_ok() && file.stamp.is_some();
        *header = Some(fresh);
    }
    if changed {
        let entries =
            files
                .iter()
                .zip(&headers)
                .filter_map(|(file, header)| match (file.stamp, header) {
                    (Some(stamp), Some(Ok(header))) => index_line(&file.name, stamp, header),
                    _ => None,
                });
        write_index(&index_path, &scoring, entries);
    }
    files
        .into_iter()
        .zip(headers)
        .map(|(file, header)| {
            let path = file.path_in(&folder);
            match header {
                Some(Ok(header)) => HistoryEntry::Readable { path, header },
                Some(Err(reason)) => HistoryEntry::Unreadable { path, reason },
                None => HistoryEntry::Unreadable {
                    path,
                    reason: "could not be read".into(),
                },
            }
        })
        .collect()
}

/// Reads and scores files in full, on every core when there are many (a
/// first listing, or new content): parsing dominates a cold listing.
fn read_headers(paths: &[PathBuf], workbook: &Workbook) -> Vec<Result<Header, String>> {
    let read = |path: &PathBuf| {
        read_completed(path)
            .map(|loaded| Header::of(workbook, &loaded.assessment, loaded.read_only))
            .map_err(|error| error.to_string())
    };
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    // Below a few dozen files a thread costs more than it saves.
    let workers = cores.min(paths.len() / 32).max(1);
    if workers == 1 {
        return paths.iter().map(read).collect();
    }
    let per_worker = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(per_worker)
            .map(|chunk| scope.spawn(move || chunk.iter().map(read).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// A visible `*.toml` file of the folder, with its stamp if it is a
/// regular file. No path: the folder is known, and 10,000 paths made here
/// would be held through the whole listing.
struct Listing {
    name: String,
    /// The name as the folder has it, when it is not UTF-8 and `name` is
    /// only its readable form.
    raw_name: Option<std::ffi::OsString>,
    stamp: Option<Stamp>,
}

impl Listing {
    fn path_in(&self, folder: &Path) -> PathBuf {
        match &self.raw_name {
            Some(raw) => folder.join(raw),
            None => folder.join(&self.name),
        }
    }
}

/// Every visible `*.toml` file, sorted by name. The stamp comes from the
/// directory entry (`fstatat`, no symlink followed), which is the cheapest
/// way to check 10,000 files. It is taken before any reading: if a file
/// changes in between, its entry is stale next time, never wrongly trusted.
fn assessment_files(dir: &Path) -> Vec<Listing> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<Listing> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            // Lossy, like `Store::history`: an odd name is still listed.
            let raw_name = entry.file_name();
            let (name, raw_name) = match raw_name.into_string() {
                Ok(name) => (name, None),
                Err(raw) => (raw.to_string_lossy().into_owned(), Some(raw)),
            };
            if !is_listed(&name) {
                return None;
            }
            let stamp = entry
                .metadata()
                .ok()
                .filter(fs::Metadata::is_file)
                .map(|meta| Stamp::of(&meta));
            Some(Listing {
                name,
                raw_name,
                stamp,
            })
        })
        .collect();
    files.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Whether a folder entry is one of the history's files: visible, `.toml`.
fn is_listed(name: &str) -> bool {
    !name.starts_with('.') && name.ends_with(".toml")
}

/// How many entries [`assessment_files`] would list, without keeping them.
fn count_listed(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| is_listed(&entry.file_name().to_string_lossy()))
        .count()
}

/// The index file, if there is a plausible one at all.
fn open_index(path: &Path) -> Option<BufReader<io::Take<fs::File>>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    let (file, _) = open_checked(path, fs::OpenOptions::new().read(true)).ok()?;
    Some(BufReader::new(file.take(MAX_INDEX_BYTES)))
}

/// The index's text, if there is a plausible index file at all.
fn read_index_text(path: &Path) -> Option<String> {
    let mut text = String::new();
    open_index(path)?.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The index's entries sorted by file name if it can be used; `None` when
/// it is damaged, of another format or scored against other content. A
/// damaged line only loses its own entry.
///
/// A sorted list, not a hash map: the index is written in name order, so
/// it usually needs no sorting, and with 10,000 entries the map's spare
/// buckets alone were 1 MB of the program's peak memory.
fn parse_index<'a>(
    text: &'a str,
    scoring: &str,
    workbook: &Workbook,
) -> Option<Vec<(&'a str, Cached)>> {
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    if lines.next()? != first_line(scoring) {
        return None;
    }
    let mut entries = Vec::with_capacity(text.lines().count());
    entries.extend(lines.filter_map(|line| parse_line(line, workbook)));
    if !entries.is_sorted_by(|(a, _), (b, _)| a <= b) {
        entries.sort_by_key(|(name, _)| *name);
    }
    Some(entries)
}

fn first_line(scoring: &str) -> String {
    format!("handoff-history-index\t{INDEX_FORMAT}\t{scoring}")
}

/// Best effort: a read-only folder or a full disk only means the next
/// listing is slower, so errors are dropped on purpose.
fn write_index(path: &Path, scoring: &str, lines: impl Iterator<Item = String>) {
    let mut text = String::from(
        "# handoff's cache of this person's history, so long histories list quickly.\n\
         # Safe to delete: it is rebuilt from the files in assessments/.\n",
    );
    text.push_str(&first_line(scoring));
    text.push('\n');
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    let _ = write_atomic(path, text.as_bytes(), None);
}

/// What headline scores depend on: each section's scale top and its item
/// ids. FNV-1a by hand, because std's hasher may change between releases.
fn scoring_fingerprint(workbook: &Workbook) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for byte in text.bytes().chain([0xff]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for section in &workbook.sections {
        feed(section.kind.key());
        feed(&section.scale.max().to_string());
        for item in &section.items {
            feed(&item.id);
        }
    }
    format!("{hash:016x}")
}
