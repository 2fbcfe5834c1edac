//! Folders are 0700 and files 0600 whatever the umask. This lives in its own
//! test binary because the umask is process-wide.

mod common;
mod data_folder;

use handoff::store::Store;

#[test]
fn everything_is_private_under_any_umask() {
    for umask in [0o022, 0o000, 0o077] {
        // SAFETY: umask has no memory-safety preconditions; this test binary
        // runs this one test, so no other thread depends on the mask.
        unsafe { libc::umask(umask) };
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("data");
        let store = Store::new(&root);
        let person = store.add_person("Ana").expect("person");
        let mut assessment = common::full_assessment("Ana");
        store.save_draft(&person, &assessment).expect("draft");
        assessment.id = "20261124-000000-0001".into();
        store
            .complete(&person, &mut assessment, common::at("2026-11-24T00:00:00Z"))
            .expect("complete");
        let seen = data_folder::modes(&root);
        assert!(seen.len() >= 6, "{seen:?}");
        for (path, mode, is_dir) in seen {
            let wanted = if is_dir { 0o700 } else { 0o600 };
            assert_eq!(
                mode,
                wanted,
                "umask {umask:03o}: {} is {mode:03o}",
                path.display()
            );
        }
    }
}
