//! What reading one person's history costs with 10,000 assessments, part
//! by part: listing the folder (the count, and the names of three screens),
//! the person's page (the count and the newest five read), opening the
//! history screen (a listing and a 200×60 screen's rows read), a trend
//! (the newest 100), every file's row on one thread, and `Store::history`
//! (every file parsed in full). Results and how to rerun:
//! docs/PERFORMANCE.md.

mod many_assessments;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use handoff::content::load_builtin;
use handoff::store::{Around, Store};

const ASSESSMENTS: usize = 10_000;
/// Rows a 200×60 history screen draws.
const SCREEN_ROWS: usize = 51;

fn history(c: &mut Criterion) {
    let workbook = load_builtin().expect("built-in content");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(dir.path().join("data"));
    let person = many_assessments::populate(&store, &workbook, ASSESSMENTS);

    let mut group = c.benchmark_group("history_10k");
    group.sample_size(10);
    group.bench_function("list_the_folder_keeping_three_pages", |b| {
        b.iter(|| black_box(store.history_files(&person, Around::End, 3 * SCREEN_ROWS, 0)));
    });
    group.bench_function("persons_page_count_and_newest_5", |b| {
        b.iter(|| black_box(store.newest_history(&person, &workbook, 5)));
    });
    group.bench_function("history_screen_list_and_a_screen_of_rows", |b| {
        b.iter(|| {
            let files = store.history_files(&person, Around::End, 256, 0);
            let rows = files.len() - SCREEN_ROWS..files.len();
            black_box(files.entries(rows, &workbook).count())
        });
    });
    group.bench_function("trend_newest_100", |b| {
        b.iter(|| black_box(store.newest_trend(&person, &workbook, 100)));
    });
    group.bench_function("every_row_one_reader", |b| {
        b.iter(|| {
            let files = store.history_files(&person, Around::Start, 0, usize::MAX);
            black_box(files.entries(0..files.len(), &workbook).count())
        });
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
