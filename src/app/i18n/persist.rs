//! Fixed text of keeping and sharing work: autosave, project files, share links, report, R script.

use super::Translate;

/// Keys of keeping and sharing work: autosave, project files, share links, report, R script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersistText {}

impl Translate for PersistText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {}
    }
}
