//! Share links: the project in a URL fragment (`#…`), which browsers never
//! send to a server.
//!
//! # Format
//! `p1.<payload>` carries the whole project, `s1.<payload>` the settings
//! only (the data are too large; the page asks for the data file and
//! checks it against the [`DataDescription`] in the payload). `1` is the
//! link encoding's version. The payload is the compact project file JSON
//! (the same envelope and schema version as the file, so old links are
//! migrated like old files), compressed with raw DEFLATE (RFC 1951, level
//! 9, flate2 with the pure-Rust zlib-rs backend) and written in base64url
//! without padding (RFC 4648 §5), so it needs no percent-encoding.
//!
//! # Size limit
//! A fragment is at most [`MAX_FRAGMENT_CHARS`] = 32,000 characters.
//! Current browsers accept much longer addresses (Chromium documents
//! 2 MB; Firefox and Safari handle at least some tens of thousands of
//! characters — not measured here), so 32,000 leaves a wide margin and
//! room for the page address. Mail and chat tools are the weaker link:
//! some cut or wrap long addresses, so the app should still offer the
//! project file beside any link of more than a few thousand characters.
//! Measured (tests/project.rs): the LF project is about 1,500 characters,
//! and some 2,400 rows of eight two-decimal columns fit. Longer projects
//! fall back to a settings-only link, and when even that is too long, to
//! the project file ([`LinkError::TooLong`]).
//!
//! # Hostile input
//! Decoding never panics: the length is checked first, every character is
//! checked, the DEFLATE stream must end properly (a truncated link is
//! [`LinkError::Truncated`]), and decompression stops at
//! [`MAX_DECOMPRESSED_BYTES`] (a "zip bomb" is [`LinkError::TooLarge`]).
//! The JSON is then read and validated like a project file.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Decompress, FlushDecompress, Status};
use serde::{Deserialize, Serialize};

use super::file::{read_envelope, write_envelope};
use super::{Project, ProjectError};
use crate::analysis::data::Dataset;

/// The longest fragment produced or accepted, in characters (without `#`).
pub const MAX_FRAGMENT_CHARS: usize = 32_000;

/// Decompression stops beyond this many bytes (16 MiB). A fragment of
/// [`MAX_FRAGMENT_CHARS`] holds 24,000 compressed bytes; real projects
/// compress 3–10 times, DEFLATE at most about 1,000 times, so the cap
/// only ever stops crafted input.
pub const MAX_DECOMPRESSED_BYTES: usize = 16 << 20;

const PREFIX_FULL: &str = "p1.";
const PREFIX_SETTINGS: &str = "s1.";

/// Why a share link could not be made or opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The fragment is empty.
    #[error("the link holds no project")]
    Empty,
    /// The link is (or would be) longer than the limit.
    #[error(
        "the link would be {length} characters long; the limit is {limit}: save the project file instead"
    )]
    TooLong {
        /// Its length in characters.
        length: usize,
        /// [`MAX_FRAGMENT_CHARS`].
        limit: usize,
    },
    /// The fragment does not start with a known prefix (`p1.` or `s1.`).
    #[error("this is not a PolicyLens share link (or one made by a newer version)")]
    UnknownPrefix,
    /// A character outside the base64url alphabet.
    #[error("the link is damaged: unexpected character {character:?} at position {position}")]
    InvalidCharacter {
        /// 0-based character position in the fragment (prefix included).
        position: usize,
        /// The character.
        character: char,
    },
    /// The compressed data end too early (the link was cut off).
    #[error("the link is incomplete: it was probably cut off when copied")]
    Truncated,
    /// The compressed data are not a valid DEFLATE stream.
    #[error("the link is damaged: its compressed data are invalid")]
    Corrupt,
    /// The data would decompress to more than the cap.
    #[error("the link's data would be larger than {limit} bytes")]
    TooLarge {
        /// [`MAX_DECOMPRESSED_BYTES`].
        limit: usize,
    },
    /// The decompressed bytes are not UTF-8 text.
    #[error("the link is damaged: its content is not text")]
    NotText,
    /// The prefix says the data are included but they are not, or the
    /// reverse.
    #[error("the link is damaged: its kind does not match its content")]
    KindMismatch,
    /// The content is not a valid project.
    #[error(transparent)]
    Project(#[from] ProjectError),
}

/// What a link carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkContent {
    /// The data and every setting.
    Full,
    /// Every setting; the data file must be attached by the user.
    SettingsOnly,
}

/// A share link's fragment (without `#`) and what it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    /// The fragment, at most [`MAX_FRAGMENT_CHARS`] characters.
    pub fragment: String,
    /// Full or settings only.
    pub content: LinkContent,
}

/// The data file a settings-only link needs, so that the page can say
/// which file to attach and check that it is the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataDescription {
    /// The data set's name (the file's base name).
    pub name: String,
    /// Number of rows.
    pub rows: usize,
    /// Column names, in order.
    pub columns: Vec<String>,
    /// The case-name column, by name.
    pub case_column: Option<String>,
    /// FNV-1a 64 hash (16 hex digits) of the columns' names and cells.
    pub fingerprint: String,
}

impl DataDescription {
    /// Describes a data set.
    #[must_use]
    pub fn of(data: &Dataset) -> DataDescription {
        DataDescription {
            name: data.name.clone(),
            rows: data.n_rows(),
            columns: data.columns.iter().map(|c| c.name.clone()).collect(),
            case_column: data
                .case_column
                .and_then(|i| data.columns.get(i))
                .map(|c| c.name.clone()),
            fingerprint: fingerprint(data),
        }
    }
}

/// FNV-1a over the JSON of the columns: stable across platforms, and
/// enough to tell another file from the same one (not a security check).
fn fingerprint(data: &Dataset) -> String {
    let bytes = serde_json::to_vec(&data.columns).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Whether an attached data file is the one the link was made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataMatch {
    /// Same columns and cells.
    Same,
    /// Another file (the settings still apply if the columns exist; the
    /// page should warn that results may differ).
    Different,
}

/// A project opened from a link.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedProject {
    /// The project; without data when `missing_data` is set.
    pub project: Project,
    /// For a settings-only link: the data file to attach.
    pub missing_data: Option<DataDescription>,
}

impl SharedProject {
    /// What the link carried.
    #[must_use]
    pub fn content(&self) -> LinkContent {
        if self.missing_data.is_some() {
            LinkContent::SettingsOnly
        } else {
            LinkContent::Full
        }
    }

    /// Attaches the user's data file to a settings-only project: sets the
    /// case column by name, checks the settings against the columns, and
    /// tells whether it is the same data. For a full link the data are
    /// replaced the same way.
    ///
    /// # Errors
    /// [`ProjectError::UnknownSet`] when the case column or a column the
    /// settings use is missing, and every error of [`Project::validate`].
    pub fn attach_data(self, mut data: Dataset) -> Result<(Project, DataMatch), ProjectError> {
        let mut project = self.project;
        let expected = self
            .missing_data
            .or_else(|| project.data.as_ref().map(DataDescription::of));
        let same = expected
            .as_ref()
            .is_some_and(|d| d.fingerprint == fingerprint(&data));
        if let Some(case) = expected.and_then(|d| d.case_column) {
            let index = data
                .column_index(&case)
                .ok_or_else(|| ProjectError::UnknownSet {
                    setting: "case column",
                    name: case.clone(),
                })?;
            data.case_column = Some(index);
        }
        project.data = Some(data);
        project.validate()?;
        let matched = if same {
            DataMatch::Same
        } else {
            DataMatch::Different
        };
        Ok((project, matched))
    }
}

/// Makes the share link of a project: the whole project when it fits in
/// [`MAX_FRAGMENT_CHARS`], else the settings only.
///
/// # Example
/// ```
/// use policylens::analysis::project::{Project, decode_share_link, encode_share_link, LinkContent};
/// let p = Project { name: "empty".into(), ..Project::default() };
/// let link = encode_share_link(&p).unwrap();
/// assert_eq!(link.content, LinkContent::Full);
/// assert_eq!(decode_share_link(&link.fragment).unwrap().project, p);
/// ```
///
/// # Errors
/// [`LinkError::TooLong`] when even the settings do not fit (then offer
/// the project file).
pub fn encode_share_link(project: &Project) -> Result<ShareLink, LinkError> {
    match encode_share_link_as(project, LinkContent::Full) {
        Err(LinkError::TooLong { .. }) if project.data.is_some() => {
            encode_share_link_as(project, LinkContent::SettingsOnly).map(|fragment| ShareLink {
                fragment,
                content: LinkContent::SettingsOnly,
            })
        }
        other => other.map(|fragment| ShareLink {
            fragment,
            content: LinkContent::Full,
        }),
    }
}

/// The fragment of a project with the given content.
///
/// # Errors
/// [`LinkError::TooLong`] beyond [`MAX_FRAGMENT_CHARS`].
pub fn encode_share_link_as(project: &Project, content: LinkContent) -> Result<String, LinkError> {
    let fragment = encode_unlimited(project, content)?;
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong {
            length: fragment.len(),
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    Ok(fragment)
}

/// The length of the full project's link, whether or not it fits; it fits
/// when this is at most [`MAX_FRAGMENT_CHARS`].
///
/// # Errors
/// Only if the project cannot be serialized (see [`Project::to_file_json`]).
pub fn full_link_length(project: &Project) -> Result<usize, LinkError> {
    Ok(encode_unlimited(project, LinkContent::Full)?.len())
}

/// Whether the whole project (data included) fits in a share link.
#[must_use]
pub fn full_project_fits(project: &Project) -> bool {
    full_link_length(project).is_ok_and(|n| n <= MAX_FRAGMENT_CHARS)
}

fn encode_unlimited(project: &Project, content: LinkContent) -> Result<String, LinkError> {
    let (json, prefix) = match (content, &project.data) {
        (LinkContent::SettingsOnly, Some(data)) => {
            let description = DataDescription::of(data);
            let settings = Project {
                data: None,
                ..project.clone()
            };
            (
                write_envelope(&settings, Some(&description), false)?,
                PREFIX_SETTINGS,
            )
        }
        _ => (write_envelope(project, None, false)?, PREFIX_FULL),
    };
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    let compressed = encoder
        .write_all(json.as_bytes())
        .and_then(|()| encoder.finish())
        .map_err(|_| LinkError::Corrupt)?;
    let mut fragment = String::with_capacity(prefix.len() + compressed.len() * 4 / 3 + 4);
    fragment.push_str(prefix);
    base64url_encode(&compressed, &mut fragment);
    Ok(fragment)
}

/// Opens a share link's fragment (with or without the leading `#`).
///
/// # Example
/// ```
/// use policylens::analysis::project::{Project, LinkError, decode_share_link, encode_share_link};
/// let link = encode_share_link(&Project::default()).unwrap().fragment;
/// let cut = &link[..link.len() - 4]; // cut off when copied
/// assert!(matches!(decode_share_link(cut), Err(LinkError::Truncated | LinkError::Corrupt)));
/// assert_eq!(decode_share_link("#not-a-link"), Err(LinkError::UnknownPrefix));
/// ```
///
/// # Errors
/// [`LinkError`]: empty, too long, unknown prefix, bad character,
/// truncated or corrupt compressed data, too large, not text, kind
/// mismatch, or any [`ProjectError`] of the content.
pub fn decode_share_link(fragment: &str) -> Result<SharedProject, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(LinkError::Empty);
    }
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong {
            length: fragment.len(),
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    let (content, payload) = if let Some(rest) = fragment.strip_prefix(PREFIX_FULL) {
        (LinkContent::Full, rest)
    } else if let Some(rest) = fragment.strip_prefix(PREFIX_SETTINGS) {
        (LinkContent::SettingsOnly, rest)
    } else {
        return Err(LinkError::UnknownPrefix);
    };
    let compressed = base64url_decode(payload, PREFIX_FULL.len())?;
    let bytes = inflate_capped(&compressed, MAX_DECOMPRESSED_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::NotText)?;
    let (project, missing_data) = read_envelope(&text)?;
    let shared = SharedProject {
        project,
        missing_data,
    };
    let consistent = match content {
        LinkContent::Full => shared.missing_data.is_none(),
        LinkContent::SettingsOnly => shared.missing_data.is_some() && shared.project.data.is_none(),
    };
    if !consistent {
        return Err(LinkError::KindMismatch);
    }
    Ok(shared)
}

/// Raw-DEFLATE decompression that stops at `cap` bytes and requires the
/// stream's end.
fn inflate_capped(input: &[u8], cap: usize) -> Result<Vec<u8>, LinkError> {
    const STEP: usize = 64 * 1024;
    let mut d = Decompress::new(false);
    let mut out: Vec<u8> = Vec::with_capacity((input.len() * 8).min(cap + 1));
    loop {
        if out.len() == out.capacity() {
            if out.len() > cap {
                return Err(LinkError::TooLarge { limit: cap });
            }
            out.reserve(STEP.min(cap + 1 - out.len()).max(1));
        }
        let consumed = usize::try_from(d.total_in()).map_err(|_| LinkError::Corrupt)?;
        let rest = input.get(consumed..).unwrap_or_default();
        let (in_before, out_before) = (d.total_in(), out.len());
        let status = d
            .decompress_vec(rest, &mut out, FlushDecompress::Finish)
            .map_err(|_| LinkError::Corrupt)?;
        if out.len() > cap {
            return Err(LinkError::TooLarge { limit: cap });
        }
        match status {
            Status::StreamEnd => {
                if usize::try_from(d.total_in()).ok() != Some(input.len()) {
                    // Bytes after the end of the stream.
                    return Err(LinkError::Corrupt);
                }
                return Ok(out);
            }
            Status::Ok | Status::BufError => {
                let stalled = d.total_in() == in_before && out.len() == out_before;
                if stalled && out.len() < out.capacity() {
                    return Err(LinkError::Truncated);
                }
            }
        }
    }
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url_encode(bytes: &[u8], out: &mut String) {
    let symbol = |v: u32| char::from(BASE64URL.get((v & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(symbol(n >> 18));
        out.push(symbol(n >> 12));
        if chunk.len() > 1 {
            out.push(symbol(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(symbol(n));
        }
    }
}

fn base64url_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Decodes base64url without padding; `offset` is added to positions in
/// errors (the prefix's length). Unused low bits of the last symbol are
/// ignored.
fn base64url_decode(text: &str, offset: usize) -> Result<Vec<u8>, LinkError> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for (position, c) in text.chars().enumerate() {
        let v =
            u8::try_from(c)
                .ok()
                .and_then(base64url_value)
                .ok_or(LinkError::InvalidCharacter {
                    position: offset + position,
                    character: c,
                })?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if text.len() % 4 == 1 {
        // One symbol holds only 6 bits: not a whole byte.
        return Err(LinkError::Truncated);
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut s = String::new();
            base64url_encode(&bytes, &mut s);
            prop_assert!(s.bytes().all(|b| base64url_value(b).is_some()));
            prop_assert_eq!(s.len(), (bytes.len() * 4).div_ceil(3));
            prop_assert_eq!(base64url_decode(&s, 0).unwrap(), bytes);
        }

        #[test]
        fn any_fragment_decodes_to_a_value_or_an_error(s in "[-_A-Za-z0-9.#+/=%]{0,300}") {
            let _ = decode_share_link(&s);
            let _ = decode_share_link(&format!("p1.{s}"));
        }
    }

    #[test]
    fn base64url_matches_the_rfc_examples() {
        let mut s = String::new();
        base64url_encode(b"foobar", &mut s);
        assert_eq!(s, "Zm9vYmFy");
        s.clear();
        base64url_encode(b"fo", &mut s);
        assert_eq!(s, "Zm8");
        s.clear();
        base64url_encode(&[0xfb, 0xff], &mut s);
        assert_eq!(s, "-_8");
    }

    #[test]
    fn a_bad_character_is_reported_with_its_position() {
        assert_eq!(
            decode_share_link("p1.ab+c"),
            Err(LinkError::InvalidCharacter {
                position: 5,
                character: '+'
            })
        );
        assert_eq!(
            decode_share_link("#p1.a€"),
            Err(LinkError::InvalidCharacter {
                position: 4,
                character: '€'
            })
        );
    }

    #[test]
    fn a_zip_bomb_stops_at_the_cap() {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::best());
        e.write_all(&vec![b' '; 1 << 20]).unwrap();
        let bomb = e.finish().unwrap();
        assert!(bomb.len() < 2_000, "{}", bomb.len());
        assert_eq!(
            inflate_capped(&bomb, 100_000),
            Err(LinkError::TooLarge { limit: 100_000 })
        );
        assert_eq!(inflate_capped(&bomb, 1 << 20).unwrap().len(), 1 << 20);
    }

    #[test]
    fn a_cut_or_extended_stream_is_an_error() {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::best());
        e.write_all(b"{\"format\": \"policylens-project\"} and some more text to compress")
            .unwrap();
        let z = e.finish().unwrap();
        for cut in 0..z.len() {
            let got = inflate_capped(z.get(..cut).unwrap(), 1 << 20);
            assert!(
                matches!(got, Err(LinkError::Truncated | LinkError::Corrupt)),
                "cut {cut}: {got:?}"
            );
        }
        let mut longer = z.clone();
        longer.push(0);
        assert_eq!(inflate_capped(&longer, 1 << 20), Err(LinkError::Corrupt));
    }

    #[test]
    fn prefixes_and_lengths_are_checked_first() {
        assert_eq!(decode_share_link(""), Err(LinkError::Empty));
        assert_eq!(decode_share_link("#"), Err(LinkError::Empty));
        assert_eq!(decode_share_link("x1.abc"), Err(LinkError::UnknownPrefix));
        assert_eq!(
            decode_share_link(&"p1.".repeat(20_000)),
            Err(LinkError::TooLong {
                length: 60_000,
                limit: MAX_FRAGMENT_CHARS
            })
        );
    }
}
