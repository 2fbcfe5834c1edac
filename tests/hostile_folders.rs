//! Files and folders in the data folder that are not what they seem, met
//! through the program a person uses: a person's `.lock` that is a link out
//! of the data folder, a link to nothing, or a FIFO; a data folder that is
//! a file. Each is refused by path, the program stays responsive, and
//! nothing outside the data folder changes.

mod common;
mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use handoff::store::Store;
use pty::{Key, Tty};

/// What sits outside the data folder, to prove afterwards it is untouched.
struct Outside {
    file: PathBuf,
    not_yet: PathBuf,
}

impl Outside {
    fn make(dir: &Path) -> Outside {
        let file = dir.join("someone-elses.txt");
        fs::write(&file, "not handoff's").expect("outside");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).expect("mode");
        Outside {
            file,
            not_yet: dir.join("made-by-following.txt"),
        }
    }

    #[track_caller]
    fn assert_untouched(&self, shape: &str) {
        let mode = fs::metadata(&self.file)
            .expect("outside")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "{shape}: the outside file was chmod-ed"
        );
        assert_eq!(
            fs::read_to_string(&self.file).expect("outside"),
            "not handoff's",
            "{shape}"
        );
        assert!(
            fs::symlink_metadata(&self.not_yet).is_err(),
            "{shape}: a file was created outside the data folder"
        );
    }
}

/// The three `.lock` tricks: (shape, what the message calls it, make it).
type Plant = fn(&Path, &Outside);
const LOCK_SHAPES: [(&str, &str, Plant); 3] = [
    (
        "a link to a file outside",
        "is a symbolic link",
        |lock, outside| std::os::unix::fs::symlink(&outside.file, lock).expect("symlink"),
    ),
    (
        "a link to nothing",
        "is a symbolic link",
        |lock, outside| std::os::unix::fs::symlink(&outside.not_yet, lock).expect("symlink"),
    ),
    ("a FIFO", "is a FIFO", |lock, _| {
        let status = std::process::Command::new("mkfifo")
            .arg(lock)
            .status()
            .expect("mkfifo");
        assert!(status.success());
    }),
];

#[test]
fn starting_an_assessment_over_a_hostile_lock_says_so_and_stays_responsive() {
    for (shape, called, plant) in LOCK_SHAPES {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::new(dir.path().join("data"));
        let person = store.add_person("Ana").expect("person");
        let outside = Outside::make(dir.path());
        let lock = person.dir.join(".lock");
        plant(&lock, &outside);

        let mut tty = Tty::spawn(store.root(), 250, 30);
        tty.wait_for("Ana");
        tty.key(Key::Enter);
        tty.wait_for("Start a new assessment");
        tty.key(Key::Enter);
        let screen = tty.wait_for("Move it away and try again");
        let said = format!("{} {called}", lock.display());
        assert!(
            screen.contains(&said),
            "{shape}: the message names {said:?}:\n{screen}"
        );
        assert!(
            !screen.contains("Your role and context"),
            "{shape}: no session was opened:\n{screen}"
        );
        tty.type_text("q");
        assert_eq!(tty.wait_exit(), Some(0), "{shape}: q quits");
        outside.assert_untouched(shape);
    }
}

#[test]
fn a_data_folder_that_is_a_file_is_named_once_on_screen() {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("data"), "not a folder").expect("file");
    let workbook = handoff::content::load_builtin().expect("content");
    let store = Store::new(dir.path().join("data"));
    let app = handoff::app::App::new(workbook, store, handoff::ui::Theme::PLAIN, common::clock);
    let status = &app.status.as_ref().expect("a status").text;
    let reason = "is a file, not a folder";
    assert_eq!(status.matches(reason).count(), 1, "{status}");
    assert!(status.contains("Could not list people"), "{status}");
    let screen = common::render(&app, 250, 30);
    assert_eq!(screen.matches(reason).count(), 1, "{screen}");
}
