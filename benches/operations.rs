//! What each step of handoff costs on its own, without a terminal: loading
//! and checking the built-in content, scoring and recommending, reading
//! and comparing two assessments, and drawing every screen into ratatui's
//! test backend at 200×60 with 10,000 assessments on file, and the
//! comparison, trend and history with fifty. The terminal
//! benchmark (benches/terminal.rs) shows what a person sees; this shows
//! where the time goes. Results: docs/PERFORMANCE.md.

// The tests' clock and key presses, so a screen is drawn here in the
// state the tests check.
#[path = "../tests/common/mod.rs"]
mod common;
mod many_assessments;

use std::fs;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use handoff::app::{App, Screen, reference_screen};
use handoff::assessment::{Summary, compare};
use handoff::content::load_builtin;
use handoff::store::{Store, read_assessment, to_toml};
use handoff::ui::Theme;
use handoff::ui::screens::{Choice, HomeScreen, SessionScreen, Sheet};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use common::{clock, press};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const HISTORY: usize = 10_000;

fn domain(c: &mut Criterion) {
    c.bench_function("content/load_and_validate_builtin", |b| {
        b.iter(|| black_box(load_builtin().expect("built-in content")))
    });

    let workbook = load_builtin().expect("built-in content");
    let assessment = many_assessments::assessment(&workbook, many_assessments::PERSON, 7);
    c.bench_function("assessment/score_and_recommend", |b| {
        b.iter(|| black_box(Summary::of(&workbook, black_box(&assessment))))
    });

    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<_> = [3, 4]
        .into_iter()
        .map(|number| {
            let assessment =
                many_assessments::assessment(&workbook, many_assessments::PERSON, number);
            let path = dir.path().join(format!("{number}.toml"));
            fs::write(&path, to_toml(&assessment).expect("toml")).expect("write");
            path
        })
        .collect();
    c.bench_function("assessment/read_two_and_compare", |b| {
        b.iter(|| {
            let earlier = read_assessment(&paths[0]).expect("read");
            let later = read_assessment(&paths[1]).expect("read");
            black_box(compare(&workbook, &earlier.assessment, &later.assessment))
        })
    });
}

fn render(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = many_assessments::populate(&store, &workbook, HISTORY);
    let latest = many_assessments::assessment(&workbook, &person.name, HISTORY - 1);

    let mut screens: Vec<(String, App)> = Vec::new();
    let fresh_app = || {
        let mut app = App::new(workbook.clone(), store.clone(), Theme::from_env(), clock);
        app.set_size(WIDTH, HEIGHT);
        app
    };
    screens.push(("people".into(), fresh_app()));

    let mut home_app = fresh_app();
    home_app.open_person(person.clone());
    screens.push(("home".into(), home_app));

    for sheet in Sheet::ALL {
        let mut app = fresh_app();
        let mut session = SessionScreen::new(handoff::session::Session::resume(
            person.clone(),
            latest.clone(),
            None,
            clock,
        ));
        session.session.go_to(sheet);
        app.screens
            .push(Screen::Home(HomeScreen::new(person.clone())));
        app.screens.push(Screen::Session(Box::new(session)));
        app.set_size(WIDTH, HEIGHT);
        screens.push((format!("sheet_{:02}_{sheet:?}", sheet.index() + 1), app));
    }

    let mut reference = fresh_app();
    reference
        .screens
        .push(reference_screen(reference.workbook()));
    screens.push(("reference_cards".into(), reference));

    let history_app = || {
        let mut app = fresh_app();
        app.open_person(person.clone());
        if let Some(Screen::Home(home)) = app.screens.last_mut() {
            home.selected = home
                .choices
                .iter()
                .position(|choice| matches!(choice, Choice::History))
                .expect("a look-back choice");
        }
        press(&mut app, KeyCode::Enter);
        app
    };
    screens.push(("history".into(), history_app()));
    let mut comparison = history_app();
    press(&mut comparison, KeyCode::Char('c'));
    screens.push(("comparison".into(), comparison));
    let mut trend = history_app();
    press(&mut trend, KeyCode::Char('t'));
    screens.push(("trend".into(), trend));
    let mut help = history_app();
    press(&mut help, KeyCode::Char('?'));
    screens.push(("help".into(), help));

    let mut group = c.benchmark_group("render_200x60");
    for (name, app) in &screens {
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| handoff::ui::draw(frame, app))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

/// The pictures of a history of fifty, drawn at 200×60: each must draw
/// in at most a millisecond (issue 18).
fn pictures(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = many_assessments::populate(&store, &workbook, 50);
    let history_app = || {
        let mut app = App::new(workbook.clone(), store.clone(), Theme::from_env(), clock);
        app.set_size(WIDTH, HEIGHT);
        app.open_person(person.clone());
        if let Some(Screen::Home(home)) = app.screens.last_mut() {
            home.selected = home
                .choices
                .iter()
                .position(|choice| matches!(choice, Choice::History))
                .expect("a look-back choice");
        }
        press(&mut app, KeyCode::Enter);
        app
    };
    let mut screens: Vec<(&str, App)> = vec![("history", history_app())];
    let mut comparison = history_app();
    press(&mut comparison, KeyCode::Char('c'));
    screens.push(("comparison", comparison));
    let mut trend = history_app();
    press(&mut trend, KeyCode::Char('t'));
    screens.push(("trend_every_section", trend));
    let mut one = history_app();
    press(&mut one, KeyCode::Char('t'));
    press(&mut one, KeyCode::Right);
    screens.push(("trend_one_section", one));

    let mut group = c.benchmark_group("pictures_200x60_50");
    for (name, app) in &screens {
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        group.bench_function(*name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| handoff::ui::draw(frame, app))
                    .expect("draw");
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30);
    targets = domain, render, pictures
}
criterion_main!(benches);
