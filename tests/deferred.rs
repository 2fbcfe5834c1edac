//! A value loaded on another thread is the same value, waited for once.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use handoff::deferred::Deferred;

#[test]
fn a_deferred_value_is_worked_out_once_and_read_many_times() {
    let runs = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&runs);
    let deferred = Deferred::spawn(move || {
        counted.fetch_add(1, Ordering::SeqCst);
        "the workbook".to_string()
    });
    assert_eq!(deferred.get(), "the workbook");
    assert_eq!(deferred.get(), "the workbook");
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(Deferred::ready(7).get(), &7);
}

#[test]
fn a_panic_while_loading_reaches_the_reader() {
    let deferred: Deferred<u8> = Deferred::spawn(|| panic!("built-in content is broken"));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| *deferred.get()));
    let message = caught.expect_err("the panic is carried over");
    let text = message
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| message.downcast_ref::<&str>().map(|text| text.to_string()))
        .unwrap_or_default();
    assert!(text.contains("built-in content is broken"), "{text}");
}
