use std::io::{self, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use handoff::app::{App, Status, local_now};
use handoff::cli::{Answer, Cli, Command, ContentCommand, content_check, where_data};
use handoff::content::{Chosen, choose_workbook};
use handoff::store::{Store, resolve_data_dir};
use handoff::text::sanitize;
use handoff::ui::Theme;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            handoff::tui::say(&format!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = || {
        resolve_data_dir(cli.data_dir.clone()).context("no home folder found; pass --data-dir DIR")
    };
    match &cli.command {
        Some(Command::Content(ContentCommand::Check { dir })) => Ok(content_check(
            dir.as_deref(),
            &mut io::stdout().lock(),
            &mut io::stderr().lock(),
        )),
        Some(Command::Where) => Ok(where_data(&data_dir()?, &mut io::stdout().lock())),
        Some(Command::Import { file, person, yes }) => {
            let (store, workbook) = open_store(&cli, data_dir()?)?;
            let mut stdin = io::stdin().lock();
            let input = answer(&mut stdin);
            let asked = handoff::cli::Import {
                file,
                person: person.as_deref(),
                yes: *yes,
            };
            handoff::cli::import(&store, &workbook, &asked, input, &mut io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Person(command)) => {
            let (store, _) = open_store(&cli, data_dir()?)?;
            let mut stdin = io::stdin().lock();
            handoff::cli::person(
                &store,
                command,
                answer(&mut stdin),
                &mut io::stdout().lock(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(command) => {
            let data_dir = data_dir()?;
            let chosen = choose_workbook(cli.content.as_deref(), &data_dir)?;
            if let Some(warning) = &chosen.warning {
                eprintln!("handoff: {}", sanitize(warning));
            }
            let store = Store::new(data_dir);
            store.finish_forgetting();
            handoff::cli::revisit(command, &store, &chosen.workbook, &mut io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            // Named first: a name not on file is said plainly, terminal
            // or not.
            let client = match &cli.client {
                Some(name) => Some(handoff::cli::client_person(&Store::new(data_dir()?), name)?),
                None => None,
            };
            let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
            if cli.plain || dumb {
                // The client view in plain mode too: only that person's
                // workbook, never the list of people.
                return run_plain(data_dir()?, cli.content.as_deref(), client);
            }
            if !io::stdout().is_terminal() {
                eprintln!(
                    "handoff: the workbook needs a terminal to draw in, and its output is not a terminal. \
                     handoff --plain runs it as printed lines read from standard input. \
                     These work without one too: handoff list, show, compare, export, where \
                     and content check (handoff --help says more)."
                );
                return Ok(ExitCode::FAILURE);
            }
            let data_dir = data_dir()?;
            // Before the terminal is taken, so a workbook that cannot be
            // used is reported plainly and the run stops.
            let chosen = choose_workbook(cli.content.as_deref(), &data_dir)?;
            let store = Store::new(data_dir);
            store.finish_forgetting();
            #[cfg(debug_assertions)]
            let store = match handoff::fault_injection::save_fault_from_env() {
                Some(fault) => store.failing_while(fault.step, fault.trigger),
                None => store,
            };
            run_workbook(store, chosen, client)
        }
    }
}

/// The store and the workbook for a subcommand that changes the data
/// folder, with a warning about the coach's content said first.
fn open_store(
    cli: &Cli,
    data_dir: std::path::PathBuf,
) -> anyhow::Result<(Store, handoff::content::Workbook)> {
    let chosen = choose_workbook(cli.content.as_deref(), &data_dir)?;
    if let Some(warning) = &chosen.warning {
        eprintln!("handoff: {}", sanitize(warning));
    }
    let store = Store::new(data_dir);
    store.finish_forgetting();
    Ok((store, chosen.workbook))
}

/// Answers to a question come from the terminal, or from nobody when
/// input is a pipe or a file: a script answers with a flag instead.
fn answer<'a>(stdin: &'a mut io::StdinLock<'static>) -> Answer<'a> {
    if stdin.is_terminal() {
        Answer::Typed(stdin)
    } else {
        Answer::Nobody
    }
}

/// The workbook as a conversation of printed lines (`--plain`, or a
/// terminal that cannot move its cursor): nothing is drawn, so it works
/// in a pipe, a dumb terminal or with a screen reader.
fn run_plain(
    data_dir: std::path::PathBuf,
    content: Option<&std::path::Path>,
    client: Option<handoff::store::Person>,
) -> anyhow::Result<ExitCode> {
    let chosen = choose_workbook(content, &data_dir)?;
    let store = Store::new(data_dir);
    #[cfg(debug_assertions)]
    let store = match handoff::fault_injection::save_fault_from_env() {
        Some(fault) => store.failing_while(fault.step, fault.trigger),
        None => store,
    };
    let plain = handoff::plain::Plain {
        store: &store,
        workbook: &chosen.workbook,
        clock: local_now,
    };
    let (input, output, warning) = (
        io::stdin().lock(),
        io::stdout().lock(),
        chosen.warning.as_deref(),
    );
    let ending = match client {
        Some(person) => plain.run_client(person, input, output, warning)?,
        None => plain.run(input, output, warning)?,
    };
    Ok(match ending {
        handoff::plain::Ending::Quit => ExitCode::SUCCESS,
        handoff::plain::Ending::QuitUnsaved => ExitCode::from(QUIT_UNSAVED),
    })
}

fn run_workbook(
    store: Store,
    chosen: Chosen,
    client: Option<handoff::store::Person>,
) -> anyhow::Result<ExitCode> {
    // Hooks first, terminal second: a panic must find the terminal
    // restorable.
    handoff::tui::install_panic_hook();
    let mut app = App::new(chosen.workbook, store, Theme::from_env(), local_now);
    // A coach's content with problems is left out; the first screen says so.
    if let Some(warning) = chosen.warning {
        app.status = Some(Status::error(warning));
    }
    if let Some(person) = client {
        app.enter_client_view(person);
    }
    #[cfg(debug_assertions)]
    {
        app.panic_on_key = handoff::fault_injection::panic_on_key_from_env();
    }
    let ending = handoff::tui::run(&mut app)?;
    if let Some(status) = &app.status
        && status.kind == handoff::app::StatusKind::Error
    {
        handoff::tui::say(&app.shareable(&status.text));
    }
    let unsaved = app.unsaved_report();
    for line in &unsaved {
        handoff::tui::say(&app.shareable(line));
    }
    Ok(match ending {
        handoff::tui::Ending::Quit if unsaved.is_empty() => ExitCode::SUCCESS,
        // Quit although answers could not be saved, as the person agreed
        // to: not a normal quit.
        handoff::tui::Ending::Quit => ExitCode::from(QUIT_UNSAVED),
        // Exiting on a signal or a closed terminal is expected, but not a
        // normal quit; scripts can tell the difference.
        handoff::tui::Ending::Signal | handoff::tui::Ending::HungUp => ExitCode::from(130),
    })
}

/// The exit code of a quit that left answers unsaved (README: "Quitting,
/// and when a save fails").
const QUIT_UNSAVED: u8 = 3;
