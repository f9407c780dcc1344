//! Fixed text of the fsQCA section: calibration, necessity, truth table, minimization, results.

use super::Translate;

/// Keys of the fsQCA section: calibration, necessity, truth table, minimization, results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsqcaText {}

impl Translate for FsqcaText {
    fn pair(self) -> (&'static str, &'static str) {
        match self {}
    }
}
