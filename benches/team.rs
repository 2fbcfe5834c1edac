//! Drawing each part of the team sheet at 200×60 with fifteen people and
//! ten skills (the largest team the tests draw), into ratatui's test
//! backend, and working out the summary with that team on the map. Each
//! part should draw in under a millisecond. Results: docs/PERFORMANCE.md.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use handoff::app::{App, Screen};
use handoff::assessment::Summary;
use handoff::content::load_builtin;
use handoff::store::Store;
use handoff::ui::Theme;
use handoff::ui::screens::{HomeScreen, SessionScreen, Sheet, TeamPart};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn team(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = store.add_person("Ana").expect("person");
    let mut assessment = common::full_assessment("Ana");
    assessment.team = common::team(15, 10);

    c.bench_function("team/summary_with_15_people_10_skills", |b| {
        b.iter(|| black_box(Summary::of(&workbook, &assessment)))
    });

    let mut group = c.benchmark_group("render_team_200x60");
    // A rated worksheet drawn in the same run, as the yardstick: on a busy
    // machine every figure moves together.
    for (sheet, part) in [
        (Sheet::Drivers, TeamPart::People),
        (Sheet::Team, TeamPart::People),
        (Sheet::Team, TeamPart::Ratings),
        (Sheet::Team, TeamPart::Map),
        (Sheet::Team, TeamPart::Skills),
        (Sheet::Team, TeamPart::Decisions),
    ] {
        let mut app = App::new(
            workbook.clone(),
            store.clone(),
            Theme::from_env(),
            common::clock,
        );
        let mut session = SessionScreen::new(handoff::session::Session::resume(
            person.clone(),
            assessment.clone(),
            None,
            common::clock,
        ));
        session.session.go_to(sheet);
        session.team.part = part;
        app.screens
            .push(Screen::Home(HomeScreen::new(person.clone())));
        app.screens.push(Screen::Session(Box::new(session)));
        app.set_size(WIDTH, HEIGHT);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        let name = if sheet == Sheet::Team {
            format!("{part:?}")
        } else {
            format!("yardstick_{sheet:?}")
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| handoff::ui::draw(frame, &app))
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
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = team
}
criterion_main!(benches);
