//! Owning the terminal: entering and leaving full-screen mode on every way
//! out, and the event loop that blocks on input instead of ticking.

use std::io::{self, Stdout, stdout};
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
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::App;
use crate::timing_log::TimingLog;
use crate::ui;

/// How often the loop wakes, with no input, to notice a signal or a closed
/// terminal. It draws nothing when it wakes, so an idle app stays idle.
const WAKE_EVERY: Duration = Duration::from_millis(500);

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

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
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
    Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| restore_terminal())
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
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = enter()?;
    start_hang_up_watchdog(Arc::clone(&stop));
    let result = catch_unwind(AssertUnwindSafe(|| event_loop(&mut terminal, app, &stop)));
    // Whatever happened, write what the last updates asked for before
    // leaving: this is the draft flush on quit, signal, hang-up or panic.
    run_effects(app);
    restore_terminal();
    match result {
        Ok(ending) => Ok(ending?),
        Err(panic) => {
            if app.save_failed {
                eprintln!(
                    "handoff: the draft could not be saved on the way out; the last change may be missing."
                );
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
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<Ending> {
    let size = terminal.size()?;
    app.set_size(size.width, size.height);
    let mut timing = TimingLog::from_env();
    let mut input_read: Option<Instant> = None;
    loop {
        // Save before drawing: a change shown on screen is already on disk,
        // so a kill right after a person sees a key loses nothing they saw
        // (saving after drawing lost it; tests/fault_kill.rs). The cost is
        // the save's time between a key and the screen answering it.
        run_effects(app);
        if terminal.draw(|frame| ui::draw(frame, app)).is_err() {
            return Ok(Ending::HungUp);
        }
        if let Some(read_at) = input_read.take() {
            timing.frame_flushed(read_at);
        }
        // Between frames, while the person reads: the next save then skips
        // creating its temporary file, the slowest part of a save.
        app.store.prepare_next_save();
        // The first frame is up; the workbook has been loading meanwhile.
        if app.finish_loading() && terminal.draw(|frame| ui::draw(frame, app)).is_err() {
            return Ok(Ending::HungUp);
        }
        if !app.running {
            return Ok(Ending::Quit);
        }
        let event = loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(Ending::Signal);
            }
            if stdin_hung_up() {
                return Ok(Ending::HungUp);
            }
            match event::poll(WAKE_EVERY) {
                Ok(true) => match event::read() {
                    Ok(event) => break event,
                    Err(_) => return Ok(Ending::HungUp),
                },
                Ok(false) => continue,
                Err(_) => return Ok(Ending::HungUp),
            }
        };
        if timing.is_on() {
            input_read = Some(Instant::now());
        }
        handle(app, event);
        // Take everything already typed (a paste without bracketed paste, a
        // burst of keys) before drawing again.
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
/// save in progress has finished.
fn start_hang_up_watchdog(stop: Arc<AtomicBool>) {
    // SAFETY: isatty only reads the descriptor number.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } != 1 {
        return;
    }
    std::thread::spawn(move || {
        loop {
            let mut fd = libc::pollfd {
                fd: libc::STDIN_FILENO,
                events: 0,
                revents: 0,
            };
            // SAFETY: poll reads and writes only the pollfd we own. With no
            // events asked for, it wakes only for hang-up or error.
            let woke = unsafe { libc::poll(&mut fd, 1, 1000) };
            let hung_up =
                woke > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
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
        }
    });
}

fn handle(app: &mut App, event: Event) {
    if let Event::Resize(width, height) = event {
        app.set_size(width, height);
    }
    app.handle_event(event);
}

/// True once the terminal has gone away. crossterm keeps polling a closed
/// terminal at full speed without reporting it, so we ask the kernel.
fn stdin_hung_up() -> bool {
    // SAFETY: isatty and poll only read the descriptor number and the
    // pollfd we own; neither keeps pointers beyond the call.
    unsafe {
        if libc::isatty(libc::STDIN_FILENO) != 1 {
            return false;
        }
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        libc::poll(&mut fd, 1, 0) > 0
            && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}
