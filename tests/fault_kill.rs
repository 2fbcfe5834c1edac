//! SIGKILL at hundreds of random points of typing and saving, against the
//! real binary in a real pseudo-terminal, one data folder reused by a chain
//! of kill and restart.
//!
//! The promise checked: a keystroke that was on screen before the kill is
//! in the draft after it. Precisely: the test takes a snapshot of the screen
//! *before* sending SIGKILL; every character whose effect that snapshot
//! shows must be in the draft read back afterwards, and the draft holds
//! nothing that was not typed. After every kill, every file in the data
//! folder must parse.
//!
//! The kill points come from a seeded generator. The seed is printed;
//! `HANDOFF_FAULT_SEED=<seed>` replays a run and `HANDOFF_FAULT_TRIALS=<n>`
//! changes the number of trials (200 by default):
//!
//! ```sh
//! HANDOFF_FAULT_SEED=42 HANDOFF_FAULT_TRIALS=1000 cargo test --test fault_kill -- --nocapture
//! ```

mod data_folder;
mod pty;

use std::time::Duration;

use pty::{Key, Tty};

const DEFAULT_TRIALS: usize = 200;

/// splitmix64: tiny, good enough to spread kill points, and the same
/// sequence for the same seed on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    Some(
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={text:?} is not a number")),
    )
}

/// When, after the chosen key, the kill lands.
#[derive(Clone, Copy, Debug)]
enum KillPoint {
    /// At once: the key may still be in the terminal's buffer.
    AtOnce,
    /// A random few microseconds later: often while the key is handled or
    /// its save is being written.
    After(Duration),
    /// Once the key is on screen, then a random short delay.
    Echoed(Duration),
    /// The rest of the keys sent in one burst, as a paste or a fast typist
    /// does, then a random short delay.
    Burst(Duration),
}

impl KillPoint {
    fn pick(random: &mut Random) -> KillPoint {
        let micros = Duration::from_micros(random.below(3000));
        match random.below(4) {
            0 => KillPoint::AtOnce,
            1 => KillPoint::After(micros),
            2 => KillPoint::Echoed(micros),
            _ => KillPoint::Burst(micros),
        }
    }
}

/// The text in the open one-line editor: the row under its title, between
/// the box's sides. The editor scrolls sideways to keep the cursor (at the
/// end) in view, so this is the end of the field's text.
fn editor_text(screen: &str) -> Option<String> {
    let mut rows = screen.lines().skip_while(|row| !row.contains("Enter done"));
    rows.next()?;
    let row = rows.next()?;
    let inside = row.trim().trim_start_matches('│').trim_end_matches('│');
    Some(inside.trim_end().to_string())
}

/// True when the screen shows `text` as the field's content: the editor
/// shows its end, at least a dozen characters of it (all of a short text).
fn shows(screen: &str, text: &str) -> bool {
    editor_text(screen).is_some_and(|visible| {
        text.ends_with(&visible) && visible.chars().count() >= text.chars().count().min(12)
    })
}

fn role_in_draft(path: &std::path::Path) -> String {
    handoff::store::read_assessment(path)
        .expect("the draft parses")
        .assessment
        .check_in
        .role
}

/// Opens the person's draft and the role field for typing.
fn open_role_editor(tty: &mut Tty, first: bool) {
    if first {
        tty.wait_for("Whose workbook is this?");
        tty.type_text("a");
        tty.wait_for("Name");
        tty.type_text("Kim");
        tty.key(Key::Enter);
        tty.wait_for("Start a new assessment");
    } else {
        tty.wait_for("Kim");
        tty.key(Key::Enter);
        tty.wait_for("Resume the draft");
    }
    tty.key(Key::Enter);
    tty.wait_for("Your role and context");
    tty.key(Key::Enter);
    tty.wait_for("Enter done");
}

#[test]
fn sigkill_at_random_points_loses_no_keystroke_that_was_on_screen() {
    let seed = env_number("HANDOFF_FAULT_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|since| since.as_nanos() as u64)
            .unwrap_or(1)
    });
    let trials = env_number("HANDOFF_FAULT_TRIALS").unwrap_or(DEFAULT_TRIALS as u64) as usize;
    // Printed first, so a failing run can be replayed exactly.
    eprintln!("fault_kill: HANDOFF_FAULT_SEED={seed} HANDOFF_FAULT_TRIALS={trials}");
    let mut random = Random(seed);

    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzéß".chars().collect();
    let mut role = String::new();
    let (mut mid_save, mut typed_total, mut kept_total) = (0, 0, 0);

    for trial in 0..trials {
        let mut tty = Tty::spawn(&data, 100, 30);
        open_role_editor(&mut tty, trial == 0);

        let count = 1 + random.below(8) as usize;
        let keys: Vec<char> = (0..count)
            .map(|_| alphabet[random.below(alphabet.len() as u64) as usize])
            .collect();
        let kill_after = random.below(count as u64) as usize;
        let point = KillPoint::pick(&mut random);
        let context =
            format!("trial {trial}, keys {keys:?}, kill after key {kill_after}, {point:?}");

        let typed = |upto: usize| -> String {
            let mut text = role.clone();
            text.extend(&keys[..upto]);
            text
        };
        for (index, key) in keys.iter().enumerate().take(kill_after) {
            tty.type_text(&key.to_string());
            let wanted = typed(index + 1);
            tty.wait_until(&format!("{wanted:?} ({context})"), |screen| {
                shows(screen, &wanted)
            });
        }
        let sent = match point {
            KillPoint::Burst(delay) => {
                let rest: String = keys[kill_after..].iter().collect();
                tty.send(rest.as_bytes());
                std::thread::sleep(delay);
                count
            }
            KillPoint::AtOnce => {
                tty.send(keys[kill_after].to_string().as_bytes());
                kill_after + 1
            }
            KillPoint::After(delay) => {
                tty.send(keys[kill_after].to_string().as_bytes());
                std::thread::sleep(delay);
                kill_after + 1
            }
            KillPoint::Echoed(delay) => {
                tty.send(keys[kill_after].to_string().as_bytes());
                let wanted = typed(kill_after + 1);
                tty.wait_until(&format!("{wanted:?} ({context})"), |screen| {
                    shows(screen, &wanted)
                });
                std::thread::sleep(delay);
                kill_after + 1
            }
        };
        // What the person could see before the kill; anything drawn later
        // is not promised.
        let seen = tty.screen();
        tty.signal(libc::SIGKILL);
        tty.wait_killed();
        drop(tty);

        let echoed = (0..=sent)
            .rev()
            .find(|&upto| upto == 0 || shows(&seen, &typed(upto)))
            .unwrap_or(0);
        let survey = data_folder::survey(&data);
        assert_eq!(
            survey.drafts.len(),
            1,
            "one draft expected ({context}): {survey:?}"
        );
        mid_save += usize::from(!survey.leftovers.is_empty());
        let on_disk = role_in_draft(&survey.drafts[0]);
        let promised = typed(echoed);
        assert!(
            on_disk.starts_with(&promised),
            "lost a keystroke that was on screen ({context}; seed {seed}):\n on screen: {promised:?}\n on disk:   {on_disk:?}"
        );
        assert!(
            typed(sent).starts_with(&on_disk),
            "the draft holds text never typed ({context}; seed {seed}): {on_disk:?}"
        );
        typed_total += sent;
        kept_total += on_disk.chars().count() - role.chars().count();
        role = on_disk;
    }

    // Reopened one last time: the draft reads back whole on screen, and
    // opening the person clears what interrupted saves left behind.
    let mut tty = Tty::spawn(&data, 100, 30);
    open_role_editor(&mut tty, false);
    tty.wait_until(&format!("{role:?} back on screen"), |screen| {
        shows(screen, &role)
    });
    tty.key(Key::Esc);
    tty.type_text("q");
    tty.wait_exit();
    let survey = data_folder::survey(&data);
    assert!(
        survey.leftovers.is_empty(),
        "temporary files left: {:?}",
        survey.leftovers
    );
    eprintln!(
        "fault_kill: {trials} kills, {mid_save} left a temporary file (killed mid-save), \
         {typed_total} keys sent, {kept_total} in the draft, none on screen lost"
    );
}
