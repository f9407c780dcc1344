//! Fixed text of the Stakeholders section.

use super::Translate;

/// Keys of the Stakeholders section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StakeholderText {}

impl Translate for StakeholderText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {}
    }
}
