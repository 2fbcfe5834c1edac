//! How long listing one person's history takes with 10,000 assessments:
//! headers from a warm index, headers with the index deleted (every file
//! parsed, index written again), and `Store::history` (every file parsed).
//! Results and how to rerun: docs/PERFORMANCE.md.

use std::fs;
use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, Duration as Days, FixedOffset};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use handoff::assessment::{Answer, Assessment, Commitment};
use handoff::content::{Workbook, load_builtin};
use handoff::store::{INDEX_FILE, Person, Store, to_toml};

const ASSESSMENTS: usize = 10_000;

/// A realistic file: every rated item answered, a note on some, tasks and
/// commitments; ratings vary so scores differ between files.
fn assessment(workbook: &Workbook, person: &str, number: usize) -> Assessment {
    let start =
        DateTime::<FixedOffset>::parse_from_rfc3339("2020-01-01T09:00:00+01:00").expect("date");
    let created = start + Days::hours(number as i64 * 6);
    let mut assessment = Assessment::start(person, &workbook.version, created);
    assessment.id = format!("{}-{number:05}", created.format("%Y%m%d-%H%M%S"));
    assessment.completed = Some(created + Days::minutes(45));
    assessment.check_in.role = "Head of analytics".into();
    assessment.check_in.situation = "Handing the monthly report to Priya; she is new.".into();
    for section in &workbook.sections {
        for (index, item) in section.items.iter().enumerate() {
            let rating = ((number + index) % (usize::from(section.scale.max()) + 1)) as u8;
            let note = if index % 3 == 0 {
                "An example from last week, in a sentence or two."
            } else {
                ""
            };
            let answer = Answer {
                rating: Some(rating),
                note: note.into(),
            };
            assessment
                .answers_mut(section.kind)
                .insert(item.id.clone(), answer);
        }
    }
    assessment.commitments = vec![Commitment {
        remedy: "checkpoints".into(),
        first_step: "Agree two review points".into(),
        with_whom: "Priya".into(),
        due: None,
        checkpoint: "After the first draft".into(),
    }];
    assessment
}

/// Files are written directly: the benchmark measures reading, and 10,000
/// synced atomic saves would only make setup slow.
fn populate(store: &Store, workbook: &Workbook) -> Person {
    let person = store.add_person("Bench Person").expect("person");
    let folder = person.dir.join("assessments");
    fs::create_dir_all(&folder).expect("folder");
    for number in 0..ASSESSMENTS {
        let assessment = assessment(workbook, &person.name, number);
        let text = to_toml(&assessment).expect("toml");
        fs::write(store.assessment_path(&person, &assessment.id), text).expect("write");
    }
    person
}

fn history(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = populate(&store, &workbook);
    let index = person.dir.join(INDEX_FILE);

    let mut group = c.benchmark_group("history_10k");
    group.sample_size(10);
    group.bench_function("headers_warm_index", |b| {
        store.history_headers(&person, &workbook);
        b.iter(|| black_box(store.history_headers(&person, &workbook)));
    });
    group.bench_function("headers_cold_index", |b| {
        b.iter_batched(
            || {
                let _ = fs::remove_file(&index);
            },
            |()| black_box(store.history_headers(&person, &workbook)),
            BatchSize::PerIteration,
        );
    });
    group.bench_function("full_history", |b| {
        b.iter(|| black_box(store.history(&person)));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = history
}
criterion_main!(benches);
