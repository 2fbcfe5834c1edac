//! Runs the real handoff binary in a pseudo-terminal and reads its screen
//! the way a person would see it (parsed by vt100, not raw bytes: ratatui
//! redraws only the cells that change).
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous, because CI machines are slow and busy; a test only waits this
/// long when it is about to fail.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Tty {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on what reached the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    watch: Arc<(Mutex<Watch>, Condvar)>,
}

/// What a screen must show, checked by the reader thread after every chunk
/// of output that ends a frame, so the moment a frame answers is timed
/// when it arrives rather than when a polling test happens to look
/// (benches/terminal.rs).
pub type Until = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

#[derive(Default)]
struct Watch {
    until: Option<Until>,
    seen_at: Option<Instant>,
}

/// ratatui ends every frame by hiding or showing the cursor, after the
/// cells: seeing that sequence means the whole frame has arrived.
const FRAME_END: &[u8] = b"\x1b[?25";

impl Tty {
    pub fn spawn(data_dir: &Path, cols: u16, rows: u16) -> Tty {
        Self::spawn_with(data_dir, cols, rows, &[])
    }

    pub fn spawn_with(data_dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Tty {
        let asks_for_a_fault = env
            .iter()
            .any(|(name, _)| name.starts_with("HANDOFF_TEST_"));
        assert!(
            cfg!(debug_assertions) || !asks_for_a_fault,
            "fault hooks are compiled into debug builds only: run this test with `cargo test`, not `--release`"
        );
        let binary = env!("CARGO_BIN_EXE_handoff").to_string();
        Self::spawn_program(&[binary], data_dir, cols, rows, env, None).0
    }

    /// Runs handoff under another program (`strace -f -o FILE`, say): the
    /// wrapper's words come first, then the handoff binary.
    pub fn spawn_under(
        wrapper: &[&str],
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Tty {
        let mut argv: Vec<String> = wrapper.iter().map(|word| word.to_string()).collect();
        argv.push(env!("CARGO_BIN_EXE_handoff").to_string());
        Self::spawn_program(&argv, data_dir, cols, rows, env, None).0
    }

    /// Starts `program` and times its first frame: returns the moment just
    /// before it was started; `seen` then gives when a frame matching
    /// `first_frame` had fully arrived.
    pub fn spawn_timed(
        program: &Path,
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        first_frame: Until,
    ) -> (Tty, Instant) {
        let argv = [program.display().to_string()];
        Self::spawn_program(&argv, data_dir, cols, rows, env, Some(first_frame))
    }

    /// `argv[0]` is the program, the rest its arguments.
    fn spawn_program(
        argv: &[String],
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        first_frame: Option<Until>,
    ) -> (Tty, Instant) {
        let system = native_pty_system();
        // A fresh pty is 0×0; size it before the program starts or ratatui
        // draws nothing.
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::from_argv(argv.iter().map(Into::into).collect());
        command.env("HANDOFF_DATA_DIR", data_dir);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let watch = Arc::new((
            Mutex::new(Watch {
                until: first_frame,
                seen_at: None,
            }),
            Condvar::new(),
        ));
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start the program");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("writer");
        // Our own copy of the master for reading, polled with a timeout so
        // `hang_up` can stop the reader and really close the terminal.
        let master_fd = pair.master.as_raw_fd().expect("master fd");
        // SAFETY: fcntl only copies a descriptor number we own (close-on-exec,
        // so programs started by other tests do not keep it open).
        let read_fd = unsafe { libc::fcntl(master_fd, libc::F_DUPFD_CLOEXEC, 0) };
        assert!(read_fd >= 0, "dup failed");
        let stop = Arc::new(AtomicBool::new(false));
        let stop_reader = Arc::clone(&stop);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        let watch_in = Arc::clone(&watch);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            let mut for_screen = ScreenFeed::default();
            // The end of the previous chunk, so a frame end split between
            // two reads is still seen.
            let mut tail: Vec<u8> = Vec::new();
            while !stop_reader.load(Ordering::Relaxed) {
                let mut pollfd = libc::pollfd {
                    fd: read_fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: poll and read use the descriptor this thread owns
                // and a buffer that outlives the calls.
                let ready = unsafe { libc::poll(&mut pollfd, 1, 50) };
                if ready <= 0 {
                    continue;
                }
                let count =
                    unsafe { libc::read(read_fd, buffer.as_mut_ptr().cast(), buffer.len()) };
                if count <= 0 {
                    break;
                }
                let read_at = Instant::now();
                let count = count as usize;
                tail.extend_from_slice(&buffer[..count]);
                let frame_ended = tail
                    .windows(FRAME_END.len())
                    .any(|window| window == FRAME_END);
                tail.drain(..tail.len().saturating_sub(FRAME_END.len() - 1));
                if let Ok(mut parser) = screen_in.lock() {
                    parser.process(&for_screen.next(&buffer[..count]));
                    let (watch, arrived) = &*watch_in;
                    if let Ok(mut watch) = watch.lock()
                        && frame_ended
                        && watch.seen_at.is_none()
                        && watch
                            .until
                            .as_ref()
                            .is_some_and(|until| until(parser.screen()))
                    {
                        watch.seen_at = Some(read_at);
                        arrived.notify_all();
                    }
                }
                if let Ok(mut raw) = raw_in.lock() {
                    raw.extend_from_slice(&buffer[..count]);
                }
            }
            // SAFETY: closing the descriptor this thread owns, once.
            unsafe { libc::close(read_fd) };
        });
        let tty = Tty {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            screen,
            raw,
            reader: Some(reader),
            stop,
            watch,
        };
        (tty, started)
    }

    /// From now on, notes when a whole frame has arrived whose screen
    /// satisfies `until`. Fails if the screen already does: the answer
    /// could not then be told apart from what was there before.
    pub fn watch(&self, until: Until) {
        let screen = self.screen.lock().expect("screen");
        assert!(
            !until(screen.screen()),
            "the screen already shows what is awaited:\n{}",
            screen.screen().contents()
        );
        let mut watch = self.watch.0.lock().expect("watch");
        watch.until = Some(until);
        watch.seen_at = None;
    }

    /// Waits for the frame set by `watch` (or `spawn_timed`) and returns
    /// when it arrived.
    pub fn seen(&self) -> Instant {
        let (watch, arrived) = &*self.watch;
        let seen_at = arrived
            .wait_timeout_while(watch.lock().expect("watch"), PATIENCE, |watch| {
                watch.seen_at.is_none()
            })
            .expect("watch")
            .0
            .seen_at;
        seen_at.unwrap_or_else(|| {
            panic!(
                "waited {PATIENCE:?} for a frame; the screen shows:\n{}",
                self.screen()
            )
        })
    }

    /// From the People screen: adds `name`, stopping on their home page.
    pub fn add_person(&mut self, name: &str) {
        self.wait_for("Whose workbook is this?");
        self.type_text("a");
        self.wait_for("Name");
        self.type_text(name);
        self.key(Key::Enter);
        self.wait_for("Start a new assessment");
    }

    /// From the People screen of an empty data folder: adds `name` and
    /// starts their first assessment, stopping on its check-in.
    pub fn start_first_assessment(&mut self, name: &str) {
        self.add_person(name);
        self.key(Key::Enter);
        self.wait_for("Your role and context");
    }

    /// [`Tty::start_first_assessment`], then opens the check-in's role
    /// field for typing.
    pub fn start_typing_role(&mut self, name: &str) {
        self.start_first_assessment(name);
        self.key(Key::Enter);
        self.wait_for("Enter done");
    }

    /// From the role field of a new check-in, Tab to the situation, then
    /// past it to the next worksheet.
    pub fn leave_check_in(&mut self) {
        self.key(Key::Tab);
        self.key(Key::Tab);
        self.wait_for("2/11");
    }

    /// Jumps to the last worksheet, the summary, through the Go-to list.
    pub fn go_to_summary(&mut self) {
        self.type_text("g");
        self.wait_for("Go to worksheet");
        for _ in 0..10 {
            self.type_text("j");
        }
        self.key(Key::Enter);
        self.wait_for("11/11");
    }

    /// Quits with `q` from a screen where nothing is being typed, and
    /// returns the exit code.
    pub fn quit(&mut self) -> Option<u32> {
        self.send(b"q");
        self.wait_exit()
    }

    pub fn screen(&self) -> String {
        self.screen
            .lock()
            .map(|parser| parser.screen().contents())
            .unwrap_or_default()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is still open");
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Pastes `text` as a terminal with bracketed paste sends it: one event.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send(&bytes);
    }

    /// Closes the terminal under the program, as closing its window does.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer = None;
        self.master = None;
    }

    /// Types text one key at a time, as a person does, waiting for the
    /// program to echo its effect is left to `wait_for`.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            let mut buffer = [0u8; 4];
            self.send(c.encode_utf8(&mut buffer).as_bytes());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn key(&mut self, key: Key) {
        let read_before = self.bytes_read();
        self.send(key.bytes());
        if matches!(key, Key::Esc) {
            // A lone ESC read together with the next byte is Alt and that
            // key, in a terminal as in this harness. A fixed pause was not
            // enough on a busy machine, where the program may not read for
            // a while: wait until it has read the ESC on its own.
            self.wait_until_input_read(read_before);
        }
        std::thread::sleep(Duration::from_millis(5));
    }

    /// How many bytes the program has read so far, from anything
    /// (`rchar` in /proc/<pid>/io); None where that cannot be read.
    fn bytes_read(&self) -> Option<u64> {
        let io = std::fs::read_to_string(format!("/proc/{}/io", self.pid())).ok()?;
        io.lines()
            .find_map(|line| line.strip_prefix("rchar:"))
            .and_then(|count| count.trim().parse().ok())
    }

    /// Waits until the program has read everything typed so far: it has
    /// read since `read_before`, and the bytes still queued on the
    /// terminal's program side (`FIONREAD`) are none. An empty queue alone
    /// was not enough: a pty hands written bytes to the program's side a
    /// moment later, from a kernel work queue, so on a busy machine the
    /// queue could still be empty when the next key was sent, and the
    /// program read ESC and that key together as Alt and the key.
    fn wait_until_input_read(&self, read_before: Option<u64>) {
        use std::os::fd::AsRawFd;
        let slave = self
            .master
            .as_ref()
            .and_then(|master| master.tty_name())
            .and_then(|name| {
                use std::os::unix::fs::OpenOptionsExt;
                // O_NOCTTY: never become the test's controlling terminal.
                std::fs::OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NOCTTY)
                    .open(name)
                    .ok()
            });
        let Some(slave) = slave else {
            std::thread::sleep(Duration::from_millis(120));
            return;
        };
        let start = Instant::now();
        loop {
            let mut queued: libc::c_int = 0;
            // SAFETY: FIONREAD writes one int into `queued`, which outlives
            // the call; the descriptor is open for its duration.
            let asked = unsafe { libc::ioctl(slave.as_raw_fd(), libc::FIONREAD, &mut queued) };
            let has_read = match (read_before, self.bytes_read()) {
                (Some(before), Some(now)) => now > before,
                _ => true,
            };
            if asked != 0 || (queued == 0 && has_read) || start.elapsed() > PATIENCE {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            if start.elapsed() > PATIENCE {
                panic!(
                    "waited {PATIENCE:?} for {text:?} to go; the screen shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`; on failure the message shows
    /// what was on screen instead.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Like `wait_for`, but polls every millisecond and takes any test of
    /// the screen: for tests that drive many keys and must not idle.
    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited {PATIENCE:?} for {what}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), read
    /// from the pty itself, so it holds even after the program has exited.
    pub fn raw_mode(&self) -> bool {
        let fd = self
            .master
            .as_ref()
            .and_then(|master| master.as_raw_fd())
            .expect("the terminal is still open");
        // SAFETY: tcgetattr fills the termios we own from a descriptor we own.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let read = unsafe { libc::tcgetattr(fd, &mut termios) };
        assert_eq!(read, 0, "tcgetattr on the pty failed");
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// Waits for the program to exit without polling; for a program just
    /// sent SIGKILL, which cannot linger.
    pub fn wait_killed(&mut self) {
        let _ = self.child.wait();
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        // The screen parser takes the new size first and stays locked until
        // the terminal has it too. Resized after the terminal, a frame the
        // program drew for the new size could be parsed at the old one on a
        // busy machine, and the screen stayed garbled: the program redraws
        // in full only when the size changes.
        let mut parser = self.screen.lock().expect("screen");
        parser.set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("the terminal is still open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().map(|pid| pid as i32).expect("pid")
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: kill only takes numbers; the pid is our own child.
        unsafe { libc::kill(self.pid(), signal) };
    }

    /// Waits for the program to exit and returns its exit code.
    /// Waits, briefly, for the reader to take everything the program wrote
    /// before it exited: the last bytes (the terminal being given back)
    /// can still sit in the pty when the exit is seen.
    fn drain_output(&mut self) {
        let start = Instant::now();
        while self
            .reader
            .as_ref()
            .is_some_and(|reader| !reader.is_finished())
            && start.elapsed() < Duration::from_secs(2)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn wait_exit(&mut self) -> Option<u32> {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.drain_output();
                return Some(status.exit_code());
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("handoff did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // SAFETY: as in `signal`.
            unsafe { libc::kill(self.pid(), libc::SIGKILL) };
            let _ = self.child.wait();
        }
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

/// vt100 drops U+FFFD without moving the cursor, where real terminals
/// draw it one cell wide; handoff shows it in place of unsafe characters,
/// so the screen parser is fed a `?` instead (the raw bytes keep U+FFFD).
/// A sequence split between two reads is held back until it is whole.
#[derive(Default)]
struct ScreenFeed {
    held: Vec<u8>,
}

impl ScreenFeed {
    const REPLACEMENT: &'static [u8] = "\u{FFFD}".as_bytes();

    fn next(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut input = std::mem::take(&mut self.held);
        input.extend_from_slice(bytes);
        let mut output = Vec::with_capacity(input.len());
        let mut index = 0;
        while index < input.len() {
            let rest = &input[index..];
            if rest.starts_with(Self::REPLACEMENT) {
                output.push(b'?');
                index += Self::REPLACEMENT.len();
            } else if Self::REPLACEMENT.starts_with(rest) {
                self.held = rest.to_vec();
                break;
            } else {
                output.push(input[index]);
                index += 1;
            }
        }
        output
    }
}

fn nonzero(value: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(value).unwrap_or(std::num::NonZeroU16::MIN)
}

#[derive(Clone, Copy, Debug)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    CtrlC,
}

impl Key {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Key::Enter => b"\r",
            Key::Esc => b"\x1b",
            Key::Tab => b"\t",
            Key::BackTab => b"\x1b[Z",
            Key::Backspace => b"\x7f",
            Key::Up => b"\x1b[A",
            Key::Down => b"\x1b[B",
            Key::Left => b"\x1b[D",
            Key::Right => b"\x1b[C",
            Key::CtrlC => b"\x03",
        }
    }
}
