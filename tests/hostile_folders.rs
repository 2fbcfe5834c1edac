//! Files and folders in the data folder that are not what they seem, met
//! through the program a person uses.

mod common;

use std::fs;

use handoff::store::Store;

#[test]
fn a_data_folder_that_is_a_file_is_named_once_on_screen() {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("data"), "not a folder").expect("file");
    let workbook = handoff::content::load_builtin().expect("content");
    let store = Store::new(dir.path().join("data"));
    let app = handoff::app::App::new(workbook, store, handoff::ui::Theme::PLAIN, common::clock);
    let status = &app.status.as_ref().expect("a status").text;
    let reason = "is a file, not a folder";
    assert_eq!(status.matches(reason).count(), 1, "{status}");
    assert!(status.contains("Could not list people"), "{status}");
    let screen = common::render(&app, 250, 30);
    assert_eq!(screen.matches(reason).count(), 1, "{screen}");
}
