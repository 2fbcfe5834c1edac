use std::path::PathBuf;

use directories::ProjectDirs;

/// Overrides the data folder; tests and people with unusual setups use it.
pub const DATA_DIR_ENV: &str = "HANDOFF_DATA_DIR";

/// The data folder: the `--data-dir` flag, else `HANDOFF_DATA_DIR`, else the
/// platform's data folder (`~/.local/share/handoff` on Linux,
/// `~/Library/Application Support/handoff` on macOS).
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os(DATA_DIR_ENV)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| ProjectDirs::from("", "", "handoff").map(|dirs| dirs.data_dir().to_path_buf()))
}
