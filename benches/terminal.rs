//! The terminal benchmark (issue 6): the release binary in a real
//! pseudo-terminal, measured in the same run as a floor, the smallest
//! ratatui program we can write (examples/floor.rs).
//!
//! For each size (200×60, 80×24) and each history (no data, 1,000 and
//! 10,000 completed assessments for one person, and 3,000 people with
//! none) it measures:
//! - start to the first complete frame on screen;
//! - Enter on the person to their home page, where the history is listed
//!   and its newest files read;
//! - with 10,000: opening the history, a page down in it, the trend and a
//!   comparison;
//! - key to redrawn frame for moving between items, rating, typing a
//!   character into a note and switching worksheet, through the pty, and
//!   as handoff itself saw it (input read to frame flushed, from
//!   `HANDOFF_TIMING_LOG`);
//! - peak resident memory (VmHWM) just before quitting;
//! - CPU used while idle, at 200×60.
//!
//! And `handoff list --person` with 10,000 assessments, piped: when its
//! first line comes, and when it ends.
//!
//! "Frame on screen" means: a chunk of output that ends a ratatui frame
//! has been read from the pty, fed to a vt100 parser, and the parsed
//! screen shows the expected text (tests/pty/mod.rs, `watch`/`seen`).
//!
//! Run with `cargo bench --bench terminal`; the results replace the
//! terminal section of docs/PERFORMANCE.md. `-- --runs N` changes the
//! number of runs (default 5), `-- --no-write` only prints.

#[path = "../tests/pty/mod.rs"]
mod pty;

mod many_assessments;
mod release;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

use handoff::content::load_builtin;
use handoff::store::{Person, Store};
use pty::{Key, Tty, Until};

const SIZES: [(u16, u16); 2] = [(200, 60), (80, 24)];
const HISTORIES: [usize; 3] = [0, 1_000, 10_000];
/// People in the folder for the first frame with many people.
const PEOPLE: usize = 3_000;
/// Key presses per interaction per run.
const TRIALS: usize = 16;
/// A pause after each measured key, as a person's between keys: the draft
/// save that follows a change is done before the next key is timed.
const BETWEEN_KEYS: Duration = Duration::from_millis(30);
const IDLE_WINDOW: Duration = Duration::from_secs(2);
/// Home page openings after every file of the history changed, per
/// history size.
const CHANGED_OPENINGS: usize = 3;
/// `list --person` runs.
const LISTINGS: usize = 3;
/// Starts timed per program, size and run: a start is one sample and
/// varies by a few milliseconds; one start per run gives medians that move
/// by 30% between two runs of the same binaries.
const STARTS: usize = 8;
const SECTION: &str = "## Terminal start-up, key latency, memory";
/// Page Down presses timed in the history, per run.
const PAGES_DOWN: usize = 8;
/// The Page Down key, as a terminal sends it.
const PAGE_DOWN: &[u8] = b"\x1b[6~";

// The targets.
const FIRST_FRAME_VS_FLOOR: f64 = 1.3;
const KEY_MEDIAN: Duration = Duration::from_millis(5);
/// One frame at 60 Hz.
const KEY_P99: Duration = Duration::from_micros(16_667);
const MEMORY_VS_FLOOR: f64 = 3.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Interaction {
    Move,
    Rate,
    Type,
    Switch,
    /// The floor's only interaction: any key redraws its paragraph.
    FloorKey,
}

impl Interaction {
    fn label(self) -> &'static str {
        match self {
            Interaction::Move => "move between items (↓/↑)",
            Interaction::Rate => "rate an item (3/1)",
            Interaction::Type => "type a character into a note",
            Interaction::Switch => "switch worksheet (Tab/Shift-Tab)",
            Interaction::FloorKey => "floor: any key redraws",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    Floor,
    Handoff {
        history: usize,
    },
    /// `PEOPLE` people, none with any assessment.
    People {
        people: usize,
    },
}

impl Subject {
    fn label(self) -> String {
        match self {
            Subject::Floor => "floor".into(),
            Subject::Handoff { history: 0 } => "handoff, no data".into(),
            Subject::Handoff { history } => format!("handoff, {} assessments", thousands(history)),
            Subject::People { people } => format!("handoff, {} people", thousands(people)),
        }
    }
}

/// A screen opened from the history, or a move in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Opening {
    History,
    PageDown,
    Trend,
    Compare,
}

impl Opening {
    fn label(self) -> &'static str {
        match self {
            Opening::History => "Enter on \"Look back\": the history",
            Opening::PageDown => "Page Down in the history",
            Opening::Trend => "t: the trend",
            Opening::Compare => "c: the newest two compared",
        }
    }
}

#[derive(Default)]
struct Run {
    /// One per start (see `STARTS`).
    first_frames: Vec<Duration>,
    home_opened: Option<Duration>,
    /// With a long history: the history, the trend and a comparison.
    openings: BTreeMap<Opening, Vec<Duration>>,
    /// Key to frame on screen, through the pty.
    keys: BTreeMap<Interaction, Vec<Duration>>,
    /// Input read to frame flushed, as handoff logged it.
    app_keys: BTreeMap<Interaction, Vec<Duration>>,
    peak_kib: u64,
    idle: Option<Idle>,
}

#[derive(Clone, Copy)]
struct Idle {
    /// From the scheduler's nanosecond counters, all threads.
    cpu_per_second: Duration,
    /// utime + stime from /proc/<pid>/stat (clock ticks, 10 ms each).
    ticks: u64,
    /// Voluntary context switches of all threads in the window.
    wakeups: u64,
}

/// Keyed by size, largest first, then program.
type Results = BTreeMap<(Reverse<(u16, u16)>, Subject), Vec<Run>>;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|arg| arg == "--runs")
        .and_then(|at| args.get(at + 1))
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(5);
    let write = !args.iter().any(|arg| arg == "--no-write");
    let began = Instant::now();

    let handoff = release::release_build(["--bin", "handoff"]);
    let floor = release::release_build(["--example", "floor"]);
    let work = tempfile::tempdir().expect("temp dir");
    let workbook = load_builtin().expect("built-in content");
    let mut people = BTreeMap::new();
    for history in HISTORIES.into_iter().filter(|&history| history > 0) {
        let store = Store::new(work.path().join(format!("data-{history}")));
        let person = many_assessments::populate(&store, &workbook, history);
        people.insert(history, (store, person));
    }
    let crowd = work.path().join("data-people");
    many_assessments::populate_people(&Store::new(&crowd), PEOPLE);
    eprintln!("data ready in {:.1?}", began.elapsed());

    let mut results = Results::new();
    let log = work.path().join("timing.log");
    for run in 0..runs {
        for size in SIZES {
            let idle = size == SIZES[0];
            let floor_run = floor_session(&floor, work.path(), size, idle);
            results
                .entry((Reverse(size), Subject::Floor))
                .or_default()
                .push(floor_run);
            let crowd_run = crowd_session(&handoff, &crowd, size);
            results
                .entry((Reverse(size), Subject::People { people: PEOPLE }))
                .or_default()
                .push(crowd_run);
            for history in HISTORIES {
                let session = match people.get(&history) {
                    Some((store, person)) => {
                        reset(person);
                        handoff_session(&handoff, store.root(), size, history, &log, idle)
                    }
                    None => {
                        let empty = work.path().join(format!("empty-{run}-{}", size.0));
                        handoff_session(&handoff, &empty, size, 0, &log, idle)
                    }
                };
                results
                    .entry((Reverse(size), Subject::Handoff { history }))
                    .or_default()
                    .push(session);
            }
        }
        eprintln!("run {} of {runs} done at {:.1?}", run + 1, began.elapsed());
    }
    let mut changed = BTreeMap::new();
    for (history, (store, person)) in &people {
        let openings = (0..CHANGED_OPENINGS)
            .map(|_| {
                reset(person);
                change_every_file(person);
                changed_home_opening(&handoff, store.root(), *history)
            })
            .collect::<Vec<_>>();
        changed.insert(*history, openings);
    }
    let listings = people.get(&10_000).map(|(store, _)| {
        (0..LISTINGS)
            .map(|_| list_person(&handoff, store.root()))
            .collect::<Vec<_>>()
    });

    let report = report(
        &results,
        &changed,
        listings.as_deref().unwrap_or_default(),
        runs,
        began.elapsed(),
    );
    println!("{report}");
    if write {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/PERFORMANCE.md");
        write_section(&path, &report);
        eprintln!("written to {}", path.display());
    }
}

/// Each run starts from the same files: no draft left by the run before.
fn reset(person: &Person) {
    let _ = fs::remove_dir_all(person.dir.join("drafts"));
}

fn shows(text: impl Into<String>) -> Until {
    let text = text.into();
    Box::new(move |screen| screen.contents().contains(&text))
}

fn shows_all(texts: Vec<String>) -> Until {
    Box::new(move |screen| {
        let contents = screen.contents();
        texts.iter().all(|text| contents.contains(text))
    })
}

fn header_shows(text: &'static str) -> Until {
    Box::new(move |screen| {
        let (_, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .next()
            .is_some_and(|row| row.contains(text))
    })
}

/// Sends a key and returns how long until the frame that answers it was on
/// screen.
fn timed_key(tty: &mut Tty, bytes: &[u8], until: Until) -> Duration {
    tty.watch(until);
    let sent = Instant::now();
    tty.send(bytes);
    let answered = tty.seen().saturating_duration_since(sent);
    sleep(BETWEEN_KEYS);
    answered
}

/// Reads what handoff appended to its timing log since the last call.
struct TimingLog {
    path: PathBuf,
    read: usize,
}

impl TimingLog {
    fn new(path: &Path) -> Self {
        let _ = fs::remove_file(path);
        Self {
            path: path.to_path_buf(),
            read: 0,
        }
    }

    fn take(&mut self) -> Vec<Duration> {
        let text = fs::read_to_string(&self.path).unwrap_or_default();
        let new = text.get(self.read..).unwrap_or_default();
        self.read = text.len();
        new.lines()
            .filter_map(|line| line.trim().parse().ok())
            .map(Duration::from_micros)
            .collect()
    }
}

/// Every start's first frame, over all runs.
fn first_frames_of(runs: &[Run]) -> Option<Spread> {
    spread(
        &runs
            .iter()
            .flat_map(|run| run.first_frames.iter().copied())
            .collect::<Vec<_>>(),
    )
}

/// Starts `program` `STARTS - 1` times and quits each once its first
/// frame is on screen; the session that follows is the last start.
fn first_frames(
    program: &Path,
    data: &Path,
    (cols, rows): (u16, u16),
    env: &[(&str, &str)],
    first_screen: &dyn Fn() -> Until,
) -> Vec<Duration> {
    (1..STARTS)
        .map(|_| {
            let (mut tty, started) =
                Tty::spawn_timed(program, data, cols, rows, env, first_screen());
            let first_frame = tty.seen().saturating_duration_since(started);
            tty.quit();
            first_frame
        })
        .collect()
}

fn floor_session(floor: &Path, data: &Path, (cols, rows): (u16, u16), idle: bool) -> Run {
    let first_screen = || shows("floor: one paragraph");
    let mut first = first_frames(floor, data, (cols, rows), &[], &first_screen);
    let (mut tty, started) = Tty::spawn_timed(floor, data, cols, rows, &[], first_screen());
    first.push(tty.seen().saturating_duration_since(started));
    let mut run = Run {
        first_frames: first,
        ..Run::default()
    };
    let keys = (1..=TRIALS * 2)
        .map(|count| timed_key(&mut tty, b"x", shows(format!("floor: {count} keys"))))
        .collect();
    run.keys.insert(Interaction::FloorKey, keys);
    finish(&mut tty, &mut run, idle);
    run
}

fn handoff_session(
    handoff: &Path,
    data: &Path,
    (cols, rows): (u16, u16),
    history: usize,
    log_path: &Path,
    idle: bool,
) -> Run {
    let mut log = TimingLog::new(log_path);
    let log_env = log_path.to_string_lossy().into_owned();
    let mut people = vec!["Whose workbook is this?".to_string(), "? help".to_string()];
    people.push(if history == 0 {
        "No one yet".to_string()
    } else {
        many_assessments::PERSON.to_string()
    });
    let first_screen = || shows_all(people.clone());
    let env = [(handoff::timing_log::ENV_VAR, log_env.as_str())];
    let mut first = first_frames(handoff, data, (cols, rows), &env, &first_screen);
    let (mut tty, started) = Tty::spawn_timed(handoff, data, cols, rows, &env, first_screen());
    first.push(tty.seen().saturating_duration_since(started));
    let mut run = Run {
        first_frames: first,
        ..Run::default()
    };
    if history == 0 {
        tty.add_person(many_assessments::PERSON);
    } else {
        run.home_opened = Some(open_home(&mut tty, history));
        // At every history size, so the peak memory below compares alike.
        run.openings = open_from_history(&mut tty, history);
    }
    tty.key(Key::Enter);
    tty.wait_for("1/11");
    // Straight to the first rated worksheet: Tab on the check-in walks its
    // fields, and how many there are depends on the history.
    tty.type_text("g");
    tty.wait_for("Go to worksheet");
    tty.type_text("4");
    tty.wait_for("4/11");
    tty.wait_for("1 of 6");
    log.take();

    let mut measure = |tty: &mut Tty, run: &mut Run, interaction, bytes: &[u8], until| {
        log.take();
        let answered = timed_key(tty, bytes, until);
        run.keys.entry(interaction).or_default().push(answered);
        if let Some(&own) = log.take().first() {
            run.app_keys.entry(interaction).or_default().push(own);
        }
    };
    for _ in 0..TRIALS / 2 {
        measure(
            &mut tty,
            &mut run,
            Interaction::Move,
            Key::Down.bytes(),
            shows("2 of 6"),
        );
        measure(
            &mut tty,
            &mut run,
            Interaction::Move,
            Key::Up.bytes(),
            shows("1 of 6"),
        );
    }
    for _ in 0..TRIALS / 2 {
        measure(
            &mut tty,
            &mut run,
            Interaction::Rate,
            b"3",
            shows("3 ● Strongly"),
        );
        measure(
            &mut tty,
            &mut run,
            Interaction::Rate,
            b"1",
            shows("1 ● A little"),
        );
    }
    tty.type_text("n");
    tty.wait_for("Esc done");
    tty.type_text("zq");
    tty.wait_for("zq");
    for _ in 0..TRIALS {
        measure(&mut tty, &mut run, Interaction::Type, b"x", shows("zqx"));
        // Taking the character out again keeps the note short; it is not
        // one of the timed interactions.
        tty.watch(Box::new(|screen| !screen.contents().contains("zqx")));
        tty.send(Key::Backspace.bytes());
        tty.seen();
        sleep(BETWEEN_KEYS);
    }
    tty.key(Key::Esc);
    tty.wait_until_gone("Esc done");
    for _ in 0..TRIALS / 2 {
        measure(
            &mut tty,
            &mut run,
            Interaction::Switch,
            Key::Tab.bytes(),
            header_shows("5/11"),
        );
        measure(
            &mut tty,
            &mut run,
            Interaction::Switch,
            Key::BackTab.bytes(),
            header_shows("4/11"),
        );
    }
    finish(&mut tty, &mut run, idle);
    run
}

/// Enter on the person: the home page reads the history (index headers).
fn open_home(tty: &mut Tty, history: usize) -> Duration {
    tty.watch(shows_all(vec![
        format!("Hello, {}.", many_assessments::PERSON),
        format!("Completed assessments: {history}"),
    ]));
    let sent = Instant::now();
    tty.send(Key::Enter.bytes());
    tty.seen().saturating_duration_since(sent)
}

/// From the home page, with nothing else selected: the history, a few
/// pages down it, the trend and a comparison, each timed from its key to
/// its frame; then back to the home page.
fn open_from_history(tty: &mut Tty, history: usize) -> BTreeMap<Opening, Vec<Duration>> {
    let mut openings: BTreeMap<Opening, Vec<Duration>> = BTreeMap::new();
    let counted = format!("{history} completed, newest first");
    tty.key(Key::Down);
    let opened = timed_key(tty, Key::Enter.bytes(), shows(counted.clone()));
    openings.entry(Opening::History).or_default().push(opened);
    // Each page down highlights the assessment ten rows further: its
    // completion time is on the highlighted line, with the marker.
    for page in 1..=PAGES_DOWN {
        let row = page * 10;
        let date = many_assessments::completed(history - 1 - row)
            .format("%-d %b %Y %H:%M")
            .to_string();
        let until: Until = Box::new(move |screen| {
            screen
                .contents()
                .lines()
                .any(|line| line.contains('▶') && line.contains(&date))
        });
        let moved = timed_key(tty, PAGE_DOWN, until);
        openings.entry(Opening::PageDown).or_default().push(moved);
    }
    let trend = timed_key(tty, b"t", shows("Scores over the last"));
    openings.entry(Opening::Trend).or_default().push(trend);
    tty.key(Key::Esc);
    tty.wait_for(&counted);
    let compared = timed_key(tty, b"c", header_shows("Comparison"));
    openings.entry(Opening::Compare).or_default().push(compared);
    tty.key(Key::Esc);
    tty.wait_for(&counted);
    tty.key(Key::Esc);
    tty.wait_for("Start a new assessment");
    openings
}

/// Touches every file of the history, as copying them in or restoring a
/// backup would: whatever a listing could have remembered of them is
/// then out of date.
fn change_every_file(person: &Person) {
    let folder = person.dir.join("assessments");
    let now = std::time::SystemTime::now();
    for entry in fs::read_dir(&folder)
        .expect("history")
        .filter_map(Result::ok)
    {
        let _ = fs::File::options()
            .write(true)
            .open(entry.path())
            .and_then(|file| file.set_modified(now));
    }
}

fn changed_home_opening(handoff: &Path, data: &Path, history: usize) -> Duration {
    let (mut tty, _) = Tty::spawn_timed(
        handoff,
        data,
        SIZES[0].0,
        SIZES[0].1,
        &[],
        shows_all(vec![
            "Whose workbook is this?".into(),
            many_assessments::PERSON.into(),
        ]),
    );
    tty.seen();
    let opened = open_home(&mut tty, history);
    tty.quit();
    opened
}

/// Start-up with `PEOPLE` people, then peak memory on the People screen.
fn crowd_session(handoff: &Path, data: &Path, (cols, rows): (u16, u16)) -> Run {
    let first_screen = || {
        shows_all(vec![
            "Whose workbook is this?".to_string(),
            "? help".to_string(),
            many_assessments::person_name(0),
        ])
    };
    let mut first = first_frames(handoff, data, (cols, rows), &[], &first_screen);
    let (mut tty, started) = Tty::spawn_timed(handoff, data, cols, rows, &[], first_screen());
    first.push(tty.seen().saturating_duration_since(started));
    let mut run = Run {
        first_frames: first,
        ..Run::default()
    };
    finish(&mut tty, &mut run, false);
    run
}

/// How long `handoff list --person` takes to print its first line and to
/// end, with its output piped, and how many lines it printed.
fn list_person(handoff: &Path, data: &Path) -> (Duration, Duration, usize) {
    use std::io::BufRead;
    let started = Instant::now();
    let mut child = std::process::Command::new(handoff)
        .arg("--data-dir")
        .arg(data)
        .args(["list", "--person", many_assessments::PERSON])
        .env_remove("HANDOFF_DATA_DIR")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run handoff list");
    let stdout = child.stdout.take().expect("piped");
    let mut lines = std::io::BufReader::new(stdout).lines();
    let first = lines.next().map(|_| started.elapsed()).unwrap_or_default();
    let count = 1 + lines.count();
    let status = child.wait().expect("wait");
    let ended = started.elapsed();
    assert!(status.success(), "handoff list --person failed");
    (first, ended, count)
}

/// Idle CPU (when asked), peak memory, then a normal quit.
fn finish(tty: &mut Tty, run: &mut Run, idle: bool) {
    let pid = tty.pid();
    if idle {
        // Let the last save and the terminal settle first.
        sleep(Duration::from_millis(300));
        let before = (cpu_time(pid), ticks(pid), wakeups(pid));
        sleep(IDLE_WINDOW);
        let after = (cpu_time(pid), ticks(pid), wakeups(pid));
        let seconds = IDLE_WINDOW.as_secs_f64();
        run.idle = Some(Idle {
            cpu_per_second: (after.0 - before.0).div_f64(seconds),
            ticks: after.1 - before.1,
            wakeups: after.2 - before.2,
        });
    }
    run.peak_kib = status_field(pid, "VmHWM:");
    tty.quit();
}

fn threads(pid: i32) -> Vec<PathBuf> {
    fs::read_dir(format!("/proc/{pid}/task"))
        .map(|tasks| {
            tasks
                .filter_map(Result::ok)
                .map(|task| task.path())
                .collect()
        })
        .unwrap_or_default()
}

fn cpu_time(pid: i32) -> Duration {
    threads(pid)
        .iter()
        .filter_map(|task| fs::read_to_string(task.join("schedstat")).ok())
        .filter_map(|text| text.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .sum()
}

fn ticks(pid: i32) -> u64 {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold
    // spaces; utime and stime are fields 14 and 15.
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|field| field.parse::<u64>().ok())
        .sum()
}

fn wakeups(pid: i32) -> u64 {
    threads(pid)
        .iter()
        .filter_map(|task| fs::read_to_string(task.join("status")).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|line| line.starts_with("voluntary_ctxt_switches:"))
                .filter_map(|line| line.split_whitespace().nth(1)?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

fn status_field(pid: i32, field: &str) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|line| line.starts_with(field))
        .and_then(|line| line.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

// ---- Report ----

struct Spread {
    median: Duration,
    min: Duration,
    max: Duration,
}

fn spread(samples: &[Duration]) -> Option<Spread> {
    let mut sorted = samples.to_vec();
    sorted.sort();
    Some(Spread {
        median: median(&sorted)?,
        min: *sorted.first()?,
        max: *sorted.last()?,
    })
}

/// The 99th percentile, nearest rank: the smallest sample at or above 99%
/// of them.
fn p99(samples: &[Duration]) -> Option<Duration> {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let rank = (sorted.len() * 99).div_ceil(100);
    sorted.get(rank.checked_sub(1)?).copied()
}

fn median(sorted: &[Duration]) -> Option<Duration> {
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        len if len % 2 == 1 => Some(sorted[middle]),
        _ => Some((sorted[middle - 1] + sorted[middle]) / 2),
    }
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn shown(spread: &Option<Spread>) -> String {
    match spread {
        Some(spread) => format!(
            "{} ({}–{})",
            ms(spread.median),
            ms(spread.min).trim_end_matches(" ms"),
            ms(spread.max)
        ),
        None => "–".into(),
    }
}

fn ratio(value: f64, floor: f64) -> String {
    if floor > 0.0 {
        format!("{:.2}×", value / floor)
    } else {
        "–".into()
    }
}

fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "met" at every size, or which sizes missed.
fn verdict_by_size(missed: &BTreeSet<(u16, u16)>) -> String {
    if missed.is_empty() {
        return verdict(true).to_string();
    }
    let sizes: Vec<String> = SIZES
        .iter()
        .filter(|size| missed.contains(size))
        .map(|(cols, rows)| format!("{cols}×{rows}"))
        .collect();
    let met: Vec<String> = SIZES
        .iter()
        .filter(|size| !missed.contains(size))
        .map(|(cols, rows)| format!("{cols}×{rows}"))
        .collect();
    if met.is_empty() {
        format!("{} at {}", verdict(false), sizes.join(" and "))
    } else {
        format!(
            "met at {}, {} at {}",
            met.join(" and "),
            verdict(false),
            sizes.join(" and ")
        )
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "**missed**" }
}

fn report(
    results: &Results,
    changed: &BTreeMap<usize, Vec<Duration>>,
    listings: &[(Duration, Duration, usize)],
    runs: usize,
    took: Duration,
) -> String {
    let cores = std::thread::available_parallelism().map_or(0, |cores| cores.get());
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, name)| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{SECTION}\n");
    let _ = writeln!(
        w,
        "Measured {} on {cores} cores ({cpu}); {runs} runs, {TRIALS} presses of each key per run, \
         the whole benchmark in {:.0} s. Rerun and rewrite this section with:\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M"),
        took.as_secs_f64()
    );
    let _ = writeln!(w, "```sh\ncargo bench --bench terminal\n```\n");
    let _ = writeln!(
        w,
        "The release binary and the floor (`examples/floor.rs`: one paragraph, redrawn \
         with a count on each key) run in a pseudo-terminal; a reader thread feeds the \
         output to a vt100 parser and notes when a chunk that ends a ratatui frame leaves \
         the screen showing the expected text. Figures are medians (min–max): over every \
         start for start-up ({STARTS} per run), over every press for keys. The data folder holds one person with \
         the given number of completed assessments, or {} people with none.\n",
        thousands(PEOPLE)
    );
    // Sizes where a target was missed; the issue names no size for these.
    let mut first_frame_missed = BTreeSet::new();
    let mut memory_missed = BTreeSet::new();
    let mut keys_met = true;

    let _ = writeln!(w, "### Start to first complete frame\n");
    let _ = writeln!(w, "| size | program | first frame | vs floor |");
    let _ = writeln!(w, "| --- | --- | --- | --- |");
    for ((Reverse(size), subject), runs) in results {
        let first = first_frames_of(runs);
        let floor = results
            .get(&(Reverse(*size), Subject::Floor))
            .and_then(|runs| first_frames_of(runs));
        let vs = match (&first, &floor) {
            (Some(first), Some(floor)) => {
                let ratio_value = first.median.as_secs_f64() / floor.median.as_secs_f64();
                if !matches!(subject, Subject::Floor) && ratio_value > FIRST_FRAME_VS_FLOOR {
                    first_frame_missed.insert(*size);
                }
                ratio(first.median.as_secs_f64(), floor.median.as_secs_f64())
            }
            _ => "–".into(),
        };
        let _ = writeln!(
            w,
            "| {}×{} | {} | {} | {vs} |",
            size.0,
            size.1,
            subject.label(),
            shown(&first)
        );
    }

    let _ = writeln!(w, "\n### Enter on the person to their home page\n");
    let _ = writeln!(
        w,
        "The People screen reads no history; the home page lists the person's \
         `assessments/` folder (its count) and reads its newest five files \
         (src/store/history.rs). Nothing is cached, so there is no warm or cold \
         opening: \"every file changed\" is an opening right after every file of the \
         history was touched, as copying them in or restoring a backup would \
         ({CHANGED_OPENINGS} openings at 200×60).\n"
    );
    let _ = writeln!(
        w,
        "| size | history | as usual | every file changed | target ≤ 20 ms |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    let mut home_met = true;
    for ((Reverse(size), subject), runs) in results {
        let Subject::Handoff { history } = subject else {
            continue;
        };
        if *history == 0 {
            continue;
        }
        let usual = spread(
            &runs
                .iter()
                .filter_map(|run| run.home_opened)
                .collect::<Vec<_>>(),
        );
        let after_change = if *size == SIZES[0] {
            changed.get(history).and_then(|changed| spread(changed))
        } else {
            None
        };
        let target = if *history == 10_000 {
            let met = [&usual, &after_change].iter().all(|spread| {
                spread
                    .as_ref()
                    .is_none_or(|spread| spread.median <= Duration::from_millis(20))
            });
            home_met &= met;
            verdict(met)
        } else {
            ""
        };
        let _ = writeln!(
            w,
            "| {}×{} | {} | {} | {} | {target} |",
            size.0,
            size.1,
            thousands(*history),
            shown(&usual),
            shown(&after_change)
        );
    }

    let _ = writeln!(w, "\n### The history, the trend and a comparison\n");
    let _ = writeln!(
        w,
        "From the key to its frame on screen, through the pty, once per run ({PAGES_DOWN} \
         page downs per run). The history lists the folder and reads the rows on \
         screen and a page below; a page down reads the rows that come into reach; \
         the trend reads the newest 100 files; a comparison reads two.\n"
    );
    let _ = writeln!(w, "| size | history | what | time | target ≤ 30 ms |");
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    let mut openings_met = true;
    for ((Reverse(size), subject), runs) in results {
        let Subject::Handoff { history } = subject else {
            continue;
        };
        let mut kinds: Vec<Opening> = runs
            .iter()
            .flat_map(|run| run.openings.keys().copied())
            .collect();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            let times = spread(
                &runs
                    .iter()
                    .flat_map(|run| run.openings.get(&kind).cloned().unwrap_or_default())
                    .collect::<Vec<_>>(),
            );
            let target = match (&times, kind) {
                (Some(times), Opening::History | Opening::Trend | Opening::Compare)
                    if *history == 10_000 =>
                {
                    let met = times.median <= Duration::from_millis(30);
                    openings_met &= met;
                    verdict(met)
                }
                _ => "",
            };
            let _ = writeln!(
                w,
                "| {}×{} | {} | {} | {} | {target} |",
                size.0,
                size.1,
                thousands(*history),
                kind.label(),
                shown(&times)
            );
        }
    }

    let _ = writeln!(
        w,
        "\n### `handoff list --person` (10,000 assessments, piped)\n"
    );
    let _ = writeln!(
        w,
        "From the start of the process; each file is read as its line is printed \
         ({LISTINGS} runs).\n"
    );
    let _ = writeln!(
        w,
        "| first line | last line, process ended | lines | target: at once, ≤ 1 s |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- |");
    let firsts = spread(
        &listings
            .iter()
            .map(|(first, _, _)| *first)
            .collect::<Vec<_>>(),
    );
    let ends = spread(&listings.iter().map(|(_, end, _)| *end).collect::<Vec<_>>());
    let lines = listings.first().map_or(0, |(_, _, lines)| *lines);
    // "At once": before a person would notice a wait.
    let listing_met = firsts
        .as_ref()
        .is_some_and(|first| first.median <= Duration::from_millis(100))
        && ends
            .as_ref()
            .is_some_and(|end| end.median <= Duration::from_secs(1));
    let _ = writeln!(
        w,
        "| {} | {} | {} | {} |",
        shown(&firsts),
        shown(&ends),
        thousands(lines),
        verdict(listing_met)
    );

    let _ = writeln!(w, "\n### Key to redrawn frame\n");
    let _ = writeln!(
        w,
        "\"Through the pty\" is from writing the key to the pty until the answering frame \
         is parsed on screen: it includes the pty, the reader thread and vt100, which the \
         floor's row shows on its own. \"handoff itself\" is from handoff reading the key \
         to the frame flushed to the terminal, logged by the app (`HANDOFF_TIMING_LOG`); \
         the targets (at 200×60) are about this one. A change is saved to the draft \
         (written, synced, renamed, its folder synced) before its frame is drawn, so the \
         save is inside these figures. p99 is the 99th percentile (nearest rank) of every \
         press of that key in every run.\n"
    );
    let _ = writeln!(
        w,
        "| size | program | interaction | through the pty | p99 | handoff itself | p99 | target |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- | --- | --- | --- |");
    for ((Reverse(size), subject), runs) in results {
        let mut interactions: Vec<Interaction> = runs
            .iter()
            .flat_map(|run| run.keys.keys().copied())
            .collect();
        interactions.sort();
        interactions.dedup();
        for interaction in interactions {
            let samples = |map: fn(&Run) -> &BTreeMap<Interaction, Vec<Duration>>| {
                runs.iter()
                    .flat_map(|run| map(run).get(&interaction).cloned().unwrap_or_default())
                    .collect::<Vec<_>>()
            };
            let through = samples(|run| &run.keys);
            let own = samples(|run| &run.app_keys);
            let (own_spread, own_p99) = (spread(&own), p99(&own));
            let target = match (&own_spread, own_p99, subject) {
                (Some(own), Some(own_p99), Subject::Handoff { .. }) if *size == SIZES[0] => {
                    let met = own.median <= KEY_MEDIAN && own_p99 < KEY_P99;
                    keys_met &= met;
                    verdict(met)
                }
                _ => "",
            };
            let _ = writeln!(
                w,
                "| {}×{} | {} | {} | {} | {} | {} | {} | {target} |",
                size.0,
                size.1,
                subject.label(),
                interaction.label(),
                shown(&spread(&through)),
                p99(&through).map_or("–".into(), ms),
                shown(&own_spread),
                own_p99.map_or("–".into(), ms),
            );
        }
    }

    let _ = writeln!(
        w,
        "\n### Peak resident memory (VmHWM, just before quitting)\n"
    );
    let _ = writeln!(w, "| size | program | peak | vs floor |");
    let _ = writeln!(w, "| --- | --- | --- | --- |");
    for ((Reverse(size), subject), runs) in results {
        let mut peaks: Vec<u64> = runs.iter().map(|run| run.peak_kib).collect();
        peaks.sort();
        let floor_peak = results
            .get(&(Reverse(*size), Subject::Floor))
            .map(|runs| {
                let mut peaks: Vec<u64> = runs.iter().map(|run| run.peak_kib).collect();
                peaks.sort();
                peaks[peaks.len() / 2]
            })
            .unwrap_or(0);
        let peak = peaks[peaks.len() / 2];
        if !matches!(subject, Subject::Floor) && peak as f64 > MEMORY_VS_FLOOR * floor_peak as f64 {
            memory_missed.insert(*size);
        }
        let _ = writeln!(
            w,
            "| {}×{} | {} | {:.1} MiB ({:.1}–{:.1}) | {} |",
            size.0,
            size.1,
            subject.label(),
            peak as f64 / 1024.0,
            peaks[0] as f64 / 1024.0,
            peaks[peaks.len() - 1] as f64 / 1024.0,
            ratio(peak as f64, floor_peak as f64)
        );
    }

    let _ = writeln!(
        w,
        "\n### CPU while idle (200×60, {IDLE_WINDOW:?} untouched after the last key)\n"
    );
    let _ = writeln!(
        w,
        "CPU time is the sum of every thread's scheduler run time \
         (`/proc/<pid>/task/*/schedstat`, nanoseconds); `/proc/<pid>/stat` utime+stime \
         counts only whole 10 ms ticks, so it is shown as well but cannot resolve less \
         than that. Wake-ups are voluntary context switches of all threads, the most in any run.\n"
    );
    let _ = writeln!(
        w,
        "| program | CPU per idle second | stat ticks in the window | wake-ups in the window | target: no wake-ups |"
    );
    let _ = writeln!(w, "| --- | --- | --- | --- | --- |");
    let mut idle_met = true;
    for ((_, subject), runs) in results {
        let idles: Vec<Idle> = runs.iter().filter_map(|run| run.idle).collect();
        if idles.is_empty() {
            continue;
        }
        let cpu = spread(
            &idles
                .iter()
                .map(|idle| idle.cpu_per_second)
                .collect::<Vec<_>>(),
        );
        let most_ticks = idles.iter().map(|idle| idle.ticks).max().unwrap_or(0);
        let most_wakeups = idles.iter().map(|idle| idle.wakeups).max().unwrap_or(0);
        let target = match subject {
            Subject::Handoff { .. } | Subject::People { .. } => {
                let met = most_wakeups == 0;
                idle_met &= met;
                verdict(met)
            }
            Subject::Floor => "",
        };
        let _ = writeln!(
            w,
            "| {} | {} | at most {most_ticks} | at most {most_wakeups} | {target} |",
            subject.label(),
            shown(&cpu),
        );
    }

    let _ = writeln!(w, "\n### Targets\n");
    let _ = writeln!(
        w,
        "- First frame at most {FIRST_FRAME_VS_FLOOR}× the floor's, with no data, 1,000 and 10,000 assessments and {} people: {}",
        thousands(PEOPLE),
        verdict_by_size(&first_frame_missed)
    );
    let _ = writeln!(
        w,
        "- Enter on the person to the home page at most 20 ms with 10,000 assessments, as usual and after every file changed: {}",
        verdict(home_met)
    );
    let _ = writeln!(
        w,
        "- History, trend and comparison open in at most 30 ms with 10,000 assessments: {}",
        verdict(openings_met)
    );
    let _ = writeln!(
        w,
        "- `list --person` with 10,000: first line at once (≤ 100 ms), done in at most 1 s: {}",
        verdict(listing_met)
    );
    let _ = writeln!(
        w,
        "- Key to redrawn frame, the durable save included, at 200×60 (handoff itself): \
         median at most {} and 99th percentile under {}, for every interaction: {}",
        ms(KEY_MEDIAN),
        ms(KEY_P99),
        verdict(keys_met)
    );
    let _ = writeln!(
        w,
        "- Peak memory at most {MEMORY_VS_FLOOR}× the floor's: {}",
        verdict_by_size(&memory_missed)
    );
    let _ = writeln!(w, "- No wake-ups while idle: {}", verdict(idle_met));
    out
}

/// Replaces the terminal section of docs/PERFORMANCE.md, keeping the rest.
fn write_section(path: &Path, section: &str) {
    let text = fs::read_to_string(path).unwrap_or_default();
    let (before, after) = match text.find(SECTION) {
        Some(start) => {
            let rest = &text[start + SECTION.len()..];
            let end = rest
                .find("\n## ")
                .map_or(text.len(), |offset| start + SECTION.len() + offset + 1);
            (&text[..start], &text[end..])
        }
        None => (text.as_str(), ""),
    };
    let joined = format!(
        "{}{}\n{}",
        before,
        section.trim_end(),
        if after.is_empty() {
            String::new()
        } else {
            format!("\n{after}")
        }
    );
    fs::write(path, joined).expect("write docs/PERFORMANCE.md");
}
