//! Owning the terminal: entering and leaving full-screen mode on every way
//! out, and the event loop that sleeps until there is something to do.

use std::io::{self, BufWriter, IsTerminal, Read, Stdout, Write, stdout};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};

use crate::app::App;
use crate::timing_log::TimingLog;
use crate::ui;

/// Signals that end the program.
const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// Held while effects (saves) run, so the hang-up watchdog never ends the
/// process in the middle of a save.
static SAVING: Mutex<()> = Mutex::new(());

/// Whether the terminal is in full-screen mode, so it is restored once.
static FULL_SCREEN: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was. Safe to call more than once and from a
/// panic hook; failures are ignored because there is nothing left to do.
/// Only the first call after entering does anything: leaving the alternate
/// screen a second time also moves the cursor back to where it was when the
/// screen was entered (xterm and vt100 alike), so text printed in between,
/// such as a panic message, would be overwritten.
pub fn restore_terminal() {
    if !FULL_SCREEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

/// Writes `line` to stderr as "handoff: …", made safe to show, and goes on
/// if it cannot be written: after the terminal has closed, stderr is
/// often that closed terminal, and `eprintln!` would panic there.
pub fn say(line: &str) {
    let _ = writeln!(io::stderr(), "handoff: {}", crate::text::sanitize(line));
}

/// Restores the terminal before the panic message is printed, so the
/// message is readable and the shell is usable afterwards, and says in
/// plain words what happened before the technical details.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let _ = writeln!(
            io::stderr(),
            "handoff stopped on an internal error (a bug). The details, to report it:"
        );
        previous(info);
    }));
}

/// Room for a whole frame: ratatui flushes once per frame, so a frame
/// leaves in one `write`. Standard output alone is line-buffered with 1 KiB
/// and a frame has no newlines, so a full 200×60 frame left in dozens of
/// writes, each a system call and a chance for the terminal to show half a
/// frame.
const FRAME_BYTES: usize = 64 * 1024;

type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

fn enter() -> io::Result<Screen> {
    enable_raw_mode()?;
    FULL_SCREEN.store(true, Ordering::SeqCst);
    let entered = execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    if let Err(error) = entered {
        restore_terminal();
        return Err(error);
    }
    let mut output = BufWriter::with_capacity(FRAME_BYTES, stdout());
    // ratatui's first frame writes only the cells that are not blank, as
    // if the screen were empty. It is not always: a terminal without an
    // alternate screen, or one still showing a killed run's last frame,
    // would show that text through every blank cell. Queued, not
    // flushed, so it leaves in the first frame's one write.
    queue!(output, Clear(ClearType::All)).inspect_err(|_| restore_terminal())?;
    Terminal::new(CrosstermBackend::new(output)).inspect_err(|_| restore_terminal())
}

/// Why the loop stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    Quit,
    Signal,
    HungUp,
}

pub fn run(app: &mut App) -> anyhow::Result<Ending> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in STOP_SIGNALS {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = enter()?;
    // The watchdog starts once the first frame is up, so its thread costs
    // nothing before it; the loop does not wait for input until then.
    let watchdog_stop = Arc::clone(&stop);
    let start_watchdog = move || {
        // crossterm makes its event source, and the SIGWINCH pipe its wait
        // listens to, on first use: made now, before the watchdog may raise
        // SIGWINCH, so that no wake-up goes to a pipe not there yet. An
        // error here comes back from the loop's first read.
        let _ = event::poll(Duration::ZERO);
        start_watchdog(watchdog_stop)
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, app, &stop, start_watchdog)
    }));
    // Whatever happened, write what the last updates asked for before
    // leaving, and try again what could not be saved: this is the draft
    // flush on quit, signal, hang-up or panic.
    app.retry_unsaved();
    run_effects(app);
    // Not dropped: ratatui's drop shows the cursor and, if it cannot (the
    // terminal has closed), prints that with `eprintln!`, which panics on a
    // closed terminal too; `restore_terminal` shows it instead. Nor may
    // the half frame a panic can leave in the buffer be written once the
    // terminal is given back. Every whole frame was flushed when drawn.
    std::mem::forget(terminal);
    restore_terminal();
    match result {
        Ok(ending) => Ok(ending?),
        Err(panic) => {
            let unsaved = app.unsaved_report();
            if !unsaved.is_empty() {
                for line in unsaved {
                    say(&line);
                }
            } else {
                say(
                    "every answer up to the error is saved in the draft; start handoff again to resume.",
                );
            }
            std::panic::resume_unwind(panic)
        }
    }
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    stop: &AtomicBool,
    after_first_frame: impl FnOnce() -> io::Result<()>,
) -> io::Result<Ending> {
    let mut after_first_frame = Some(after_first_frame);
    let size = terminal.size()?;
    app.set_size(size.width, size.height);
    let mut timing = TimingLog::from_env();
    let stdin_is_terminal = io::stdin().is_terminal();
    let mut input_read: Option<Instant> = None;
    loop {
        // Save before drawing: a change shown on screen is already in its
        // file, so a kill right after a person sees a key loses nothing
        // they saw (tests/fault_kill.rs). The cost is the save's time
        // between a key and the screen answering it.
        run_effects(app);
        if terminal.draw(|frame| ui::draw(frame, app)).is_err() {
            return Ok(Ending::HungUp);
        }
        if let Some(read_at) = input_read.take() {
            timing.frame_flushed(read_at);
        }
        if let Some(first_frame_is_up) = after_first_frame.take() {
            first_frame_is_up()?;
        }
        if !app.running {
            return Ok(Ending::Quit);
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(Ending::Signal);
        }
        if stdin_is_terminal && stdin_hung_up() {
            return Ok(Ending::HungUp);
        }
        // crossterm's blocking read hands out the events it has already
        // decoded before it waits, and waits in poll(2), with no timeout,
        // on the terminal and on its SIGWINCH pipe: no event is left
        // behind in its buffer, and an idle program never wakes. What else
        // must end the wait (a stop signal, the terminal closing) comes
        // through the watchdog, which raises SIGWINCH.
        let event = match event::read() {
            Ok(event) => event,
            Err(_) => return Ok(Ending::HungUp),
        };
        if timing.is_on() {
            input_read = Some(Instant::now());
        }
        handle(app, event);
    }
}

fn run_effects(app: &mut App) {
    let _saving = SAVING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    app.run_effects();
}

/// Wakes the loop, which waits inside crossterm's `read`, for what ends it
/// besides a key: a stop signal, or the terminal closing, on which
/// crossterm would spin at full speed inside `read` and never return
/// (crossterm issue 793). crossterm's wait listens to the terminal and to
/// SIGWINCH only, so this thread raises SIGWINCH: `read` returns a resize,
/// and the loop finds the stop flag or the hang-up and leaves tidily.
///
/// If the loop is stuck and has not ended the program a moment later, this
/// thread ends it (exit 129), never in the middle of a save. Every change
/// is saved before it is drawn, so nothing is pending while the loop
/// waits; answers whose save failed (`App::unsaved`) are then not retried
/// or reported, as this thread cannot reach the app.
fn start_watchdog(stop: Arc<AtomicBool>) -> io::Result<()> {
    let watch_stdin = io::stdin().is_terminal();
    let wakeup = signal_wakeup(&STOP_SIGNALS)?;
    std::thread::spawn(move || {
        loop {
            // Looks before sleeping: a signal that came before the wakeup
            // was registered has set the flag but will never wake us.
            let hung_up = watch_stdin && stdin_hung_up();
            if hung_up || stop.load(Ordering::Relaxed) {
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
                std::thread::sleep(Duration::from_millis(if hung_up { 50 } else { 1500 }));
                let _saving = SAVING
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                restore_terminal();
                std::process::exit(129);
            }
            sleep_until_woken(watch_stdin, &wakeup);
        }
    });
    Ok(())
}

/// A socket that becomes readable whenever one of `signals` arrives, so a
/// thread can sleep in poll(2) with no timeout and still hear about it.
fn signal_wakeup(signals: &[i32]) -> io::Result<UnixStream> {
    let (read, write) = UnixStream::pair()?;
    read.set_nonblocking(true)?;
    write.set_nonblocking(true)?;
    for &signal in signals {
        signal_hook::low_level::pipe::register(signal, write.try_clone()?)?;
    }
    Ok(read)
}

/// Sleeps until `wakeup` is written to or, when `watch_stdin`, the
/// terminal on stdin hangs up or fails, then empties `wakeup`. No events
/// are asked of stdin, so typing does not wake this thread: poll(2)
/// reports a hang-up or an error whatever was asked. No timeout, so it
/// never wakes for nothing.
fn sleep_until_woken(watch_stdin: bool, wakeup: &UnixStream) {
    let mut watched = [
        libc::pollfd {
            fd: wakeup.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: 0,
            revents: 0,
        },
    ];
    let count = if watch_stdin { 2 } else { 1 };
    // SAFETY: poll reads and writes only the pollfds we own, and `count`
    // is at most the array's length.
    unsafe { libc::poll(watched.as_mut_ptr(), count, -1) };
    let mut sink = [0u8; 64];
    while (&*wakeup).read(&mut sink).is_ok_and(|read| read > 0) {}
}

fn handle(app: &mut App, event: Event) {
    if let Event::Resize(width, height) = event {
        app.set_size(width, height);
    }
    app.handle_event(event);
}

/// True once the terminal on stdin has gone away; ask only when stdin was
/// a terminal at start. crossterm keeps polling a closed terminal at full
/// speed without reporting it, so we ask the kernel. Not "is it still a
/// terminal": a terminal that hung up answers that with an error, so a
/// closed terminal would look like no terminal rather than a closed one.
fn stdin_hung_up() -> bool {
    // SAFETY: poll only reads and writes the pollfd we own.
    unsafe {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        libc::poll(&mut fd, 1, 0) > 0
            && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}
