//! How long listing one person's history takes with 10,000 assessments:
//! headers from a warm index, headers with the index deleted (every file
//! parsed, index written again), and `Store::history` (every file parsed).
//! Results and how to rerun: docs/PERFORMANCE.md.

mod many_assessments;

use std::fs;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use handoff::content::load_builtin;
use handoff::store::{INDEX_FILE, Store};

const ASSESSMENTS: usize = 10_000;

fn history(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = many_assessments::populate(&store, &workbook, ASSESSMENTS);
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
