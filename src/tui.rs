//! Owning the terminal: entering and leaving full-screen mode on every way
//! out, and the event loop that blocks on input instead of ticking.

use std::io::{self, BufWriter, Read, Stdout, stdout};
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

/// How long crossterm may look for an event before the loop sleeps in
/// poll(2) on the terminal and a signal pipe, with no timeout (so an idle
/// app does not wake at all). crossterm's wait rounds what is left of its
/// timeout down to whole milliseconds and polls with zero until it runs
/// out: the 1 ms look this was spun a whole millisecond of CPU after every
/// frame. Zero does not work either: crossterm's /dev/tty source then does
/// not read at all, and the loop would spin on a readable terminal.
const LOOK_FOR_EVENT: Duration = Duration::from_micros(100);

/// How long to wait at a time when stdin is not the terminal and the loop
/// cannot sleep on it.
const WAIT_WITHOUT_TERMINAL_STDIN: Duration = Duration::from_millis(500);

/// Signals that end the program; each also wakes the sleeping loop.
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
/// such as a panic message, was overwritten.
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

/// Restores the terminal before the panic message is printed, so the
/// message is readable and the shell is usable afterwards, and says in
/// plain words what happened before the technical details.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        eprintln!("handoff stopped on an internal error (a bug). The details, to report it:");
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
    let mut wake_on = STOP_SIGNALS.to_vec();
    wake_on.push(signal_hook::consts::SIGWINCH);
    let loop_wakeup = signal_wakeup(&wake_on)?;
    let mut terminal = enter()?;
    // The watchdog starts once the first frame is up, so the thread costs
    // nothing between start and the first frame. Until then the loop
    // itself notices a signal or a hang-up: it checks both before it
    // waits, and a draw to a dead terminal fails.
    let watchdog_stop = Arc::clone(&stop);
    let start_watchdog = move || start_hang_up_watchdog(watchdog_stop);
    let result = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, app, &stop, &loop_wakeup, start_watchdog)
    }));
    // Whatever happened, write what the last updates asked for before
    // leaving, and try again what could not be saved: this is the draft
    // flush on quit, signal, hang-up or panic.
    app.retry_unsaved();
    run_effects(app);
    if result.is_ok() {
        drop(terminal);
    } else {
        // A panic can come in the middle of drawing: the half frame still
        // buffered must never be written once the terminal is given back.
        std::mem::forget(terminal);
    }
    restore_terminal();
    match result {
        Ok(ending) => Ok(ending?),
        Err(panic) => {
            let unsaved = app.unsaved_report();
            if !unsaved.is_empty() {
                for line in unsaved {
                    eprintln!("handoff: {}", crate::text::sanitize(&line));
                }
            } else {
                eprintln!(
                    "handoff: every answer up to the error is saved in the draft; start handoff again to resume."
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
    wakeup: &UnixStream,
    after_first_frame: impl FnOnce() -> io::Result<()>,
) -> io::Result<Ending> {
    let mut after_first_frame = Some(after_first_frame);
    let size = terminal.size()?;
    app.set_size(size.width, size.height);
    let mut timing = TimingLog::from_env();
    // SAFETY: isatty only reads the descriptor number.
    let stdin_is_terminal = unsafe { libc::isatty(libc::STDIN_FILENO) } == 1;
    let mut input_read: Option<Instant> = None;
    loop {
        // Save before drawing: a change shown on screen is already in its
        // file (written, synced, renamed), so a kill right after a person
        // sees a key loses nothing they saw (saving after drawing lost it;
        // tests/fault_kill.rs). The cost is the save's time between a key
        // and the screen answering it.
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
        let event = loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(Ending::Signal);
            }
            if stdin_is_terminal && stdin_hung_up() {
                return Ok(Ending::HungUp);
            }
            match event::poll(LOOK_FOR_EVENT) {
                Ok(true) => match event::read() {
                    Ok(event) => break event,
                    Err(_) => return Ok(Ending::HungUp),
                },
                // crossterm reads /dev/tty when stdin is something else
                // (a file, /dev/null): then its own timed wait is all there is.
                Ok(false) if !stdin_is_terminal => {
                    if event::poll(WAIT_WITHOUT_TERMINAL_STDIN).is_err() {
                        return Ok(Ending::HungUp);
                    }
                }
                Ok(false) => sleep_until_woken(&[libc::STDIN_FILENO], libc::POLLIN, wakeup),
                Err(_) => return Ok(Ending::HungUp),
            }
        };
        if timing.is_on() {
            input_read = Some(Instant::now());
        }
        handle(app, event);
        // Take what crossterm has already parsed and queued before drawing
        // again. (Its /dev/tty source reads nothing on a zero timeout, so
        // bytes still unread wait for the next turn of the loop.)
        while app.running && matches!(event::poll(Duration::ZERO), Ok(true)) {
            match event::read() {
                Ok(event) => handle(app, event),
                Err(_) => return Ok(Ending::HungUp),
            }
        }
    }
}

fn run_effects(app: &mut App) {
    let _saving = SAVING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    app.run_effects();
}

/// When the terminal goes away, crossterm spins inside `poll` reading an
/// endless end-of-file and never returns to our loop (crossterm issue 793).
/// Every change is saved before it is drawn, so nothing is pending
/// while the loop waits: this thread can simply end the process once any
/// save in progress has finished. Answers whose save failed (`App::unsaved`) are not
/// retried or reported from here: this thread cannot reach the app, and
/// the main loop does both when it leaves on its own.
fn start_hang_up_watchdog(stop: Arc<AtomicBool>) -> io::Result<()> {
    // SAFETY: isatty only reads the descriptor number.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } != 1 {
        return Ok(());
    }
    let wakeup = signal_wakeup(&STOP_SIGNALS)?;
    std::thread::spawn(move || {
        loop {
            // Looks before sleeping: a signal that came before the wakeup
            // was registered has set the flag but will never wake us.
            let hung_up = stdin_hung_up();
            if hung_up || stop.load(Ordering::Relaxed) {
                // Give the main loop a moment to notice a signal itself and
                // leave tidily; if it is stuck in a dead terminal, leave for it.
                std::thread::sleep(Duration::from_millis(if hung_up { 50 } else { 1500 }));
                let _saving = SAVING
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                restore_terminal();
                std::process::exit(129);
            }
            // With no events asked for, the terminal wakes this thread only
            // when it hangs up or fails; a stop signal wakes it through
            // the pipe. No timeout, so it never wakes for nothing.
            sleep_until_woken(&[libc::STDIN_FILENO], 0, &wakeup);
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

/// Sleeps until one of `fds` reports `events` (a hang-up or an error is
/// always reported) or `wakeup` is written to, then empties `wakeup`.
fn sleep_until_woken(fds: &[i32], events: libc::c_short, wakeup: &UnixStream) {
    let mut watched: Vec<libc::pollfd> = fds
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    watched.push(libc::pollfd {
        fd: wakeup.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    });
    // SAFETY: poll reads and writes only the pollfds we own, for as many
    // entries as the slice holds.
    unsafe { libc::poll(watched.as_mut_ptr(), watched.len() as libc::nfds_t, -1) };
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
/// speed without reporting it, so we ask the kernel. Not `isatty`: a
/// terminal that hung up answers it with an error, so it no longer counts
/// as one, and the watchdog then spun instead of ending the program.
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
