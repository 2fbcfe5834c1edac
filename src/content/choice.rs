//! Which workbook a run uses: the built-in one, or the built-in one with a
//! coach's own files. The files come from `--content DIR` when given,
//! otherwise from the `content` folder of the data folder when it exists,
//! so a coach can drop a file there once and every run picks it up.

use std::path::{Path, PathBuf};

use super::{ContentErrors, Workbook, check_dir, load_builtin};

/// The folder inside the data folder that is read when no folder is named.
pub const CONTENT_FOLDER: &str = "content";

/// A workbook ready to use, and a warning for the person when their own
/// content could not be used.
#[derive(Debug)]
pub struct Chosen {
    pub workbook: Workbook,
    pub warning: Option<String>,
}

/// The problem that stops a run: content that was asked for by name and
/// has problems, or a broken built-in workbook.
#[derive(Debug, thiserror::Error)]
#[error("the content in {folder} has problems:\n{errors}")]
pub struct ContentRefused {
    pub folder: String,
    pub errors: ContentErrors,
}

/// Named content with problems refuses the run, listing every problem: the
/// person asked for it, so quietly using something else would mislead.
/// The data folder's own `content` folder only warns and falls back to the
/// built-in workbook, so a typo in a coach's file never blocks a session.
pub fn choose_workbook(named: Option<&Path>, data_dir: &Path) -> Result<Chosen, ContentRefused> {
    let builtin = || {
        load_builtin().map_err(|errors| ContentRefused {
            folder: "the built-in workbook".into(),
            errors,
        })
    };
    if let Some(folder) = named {
        return check_dir(folder)
            .map(|workbook| Chosen {
                workbook,
                warning: None,
            })
            .map_err(|errors| ContentRefused {
                folder: folder.display().to_string(),
                errors,
            });
    }
    let default_folder: PathBuf = data_dir.join(CONTENT_FOLDER);
    if !default_folder.is_dir() {
        return builtin().map(|workbook| Chosen {
            workbook,
            warning: None,
        });
    }
    match check_dir(&default_folder) {
        Ok(workbook) => Ok(Chosen {
            workbook,
            warning: None,
        }),
        Err(errors) => {
            let count = errors.0.len();
            let first = errors
                .0
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            let folder = default_folder.display();
            Ok(Chosen {
                workbook: builtin()?,
                // What happened and what is in use first: a narrow status
                // line cuts the rest.
                warning: Some(format!(
                    "Your own content was not loaded; using the built-in workbook. \
                     {first} ({count} problem{} in all: `handoff content check {folder}` \
                     lists them)",
                    if count == 1 { "" } else { "s" }
                )),
            })
        }
    }
}
