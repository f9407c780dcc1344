//! Text encoding: detection and decoding to UTF-8 with `encoding_rs`.
//!
//! Detection, in order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! BOM-less UTF-16 (ASCII-heavy text has NUL bytes at every odd, or every
//! even, position); valid UTF-8; otherwise GB18030 (a superset of GBK and
//! GB2312: what Excel on Chinese Windows writes) if the first 64 KiB decode
//! as GB18030 without error, the rest being checked as it is decoded. A NUL
//! byte in anything but UTF-16 means binary. A user override skips
//! detection (a BOM of that same encoding is still removed).
//!
//! UTF-8 is parsed in place; other encodings are decoded in slices
//! ([`Transcoder`]) so that the browser stays responsive.

use std::borrow::Cow;

use encoding_rs::{Decoder, DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::DataError;

/// How many leading bytes are examined for BOM-less UTF-16.
const UTF16_SNIFF_BYTES: usize = 4096;

/// How much of a BOM-less, non-UTF-8 file must decode as GB18030 before
/// GB18030 is chosen (the rest is checked while decoding).
const GB18030_SNIFF_BYTES: usize = 64 * 1024;

/// The text of a file, ready to parse or still to be transcoded.
#[derive(Debug)]
pub(crate) enum Source<'a> {
    /// Valid UTF-8 from `start` on (after a BOM): parsed in place.
    Utf8 {
        /// The file's bytes.
        bytes: Cow<'a, [u8]>,
        /// Where the text starts.
        start: usize,
    },
    /// Another encoding, decoded to UTF-8 in slices.
    Transcode(Transcoder<'a>),
}

/// Choose the encoding (the user's `label`, else detection) and check the
/// cheap things at once: binary content, and UTF-8 validity (O(n),
/// memchr/SIMD-fast). Does not copy UTF-8 input.
pub(crate) fn open<'a>(
    bytes: Cow<'a, [u8]>,
    label: Option<&str>,
) -> Result<(Source<'a>, &'static Encoding), DataError> {
    let encoding = match label {
        Some(label) => Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            DataError::UnknownEncoding {
                label: label.to_owned(),
            }
        })?,
        None => detect(&bytes)?,
    };
    let bom = match Encoding::for_bom(&bytes) {
        Some((e, len)) if e == encoding => len,
        _ => 0,
    };
    let is_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    // `contains` is memchr-fast; the position is needed only on failure
    if !is_utf16
        && bytes.contains(&0)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        return Err(DataError::Binary { offset });
    }
    if encoding == UTF_8 {
        let body = bytes.get(bom..).unwrap_or_default();
        if let Err(e) = std::str::from_utf8(body) {
            return Err(DataError::Undecodable {
                encoding: encoding.name().to_owned(),
                offset: bom + e.valid_up_to(),
            });
        }
        return Ok((Source::Utf8 { bytes, start: bom }, encoding));
    }
    let transcoder = Transcoder {
        decoder: encoding.new_decoder_without_bom_handling(),
        out: String::new(),
        read: bom,
        source: bytes,
        encoding,
    };
    Ok((Source::Transcode(transcoder), encoding))
}

/// Incremental decoding of a non-UTF-8 file to UTF-8, refusing malformed
/// input (no replacement characters).
pub(crate) struct Transcoder<'a> {
    source: Cow<'a, [u8]>,
    read: usize,
    decoder: Decoder,
    out: String,
    encoding: &'static Encoding,
}

impl std::fmt::Debug for Transcoder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transcoder")
            .field("encoding", &self.encoding.name())
            .field("read", &self.read)
            .field("total", &self.source.len())
            .field("decoded", &self.out.len())
            .finish()
    }
}

impl Transcoder<'_> {
    /// Input bytes decoded so far, and in all.
    pub(crate) fn progress(&self) -> (usize, usize) {
        (self.read, self.source.len())
    }

    /// Decode up to `max_input` more input bytes; true when all is decoded.
    /// O(max_input).
    pub(crate) fn step(&mut self, max_input: usize) -> Result<bool, DataError> {
        let total = self.source.len();
        let first = self.out.is_empty();
        let begin = self.read;
        let end = self.read.saturating_add(max_input.max(1)).min(total);
        let last = end == total;
        while self.read < end {
            let src = self.source.get(self.read..end).unwrap_or_default();
            let need = self
                .decoder
                .max_utf8_buffer_length_without_replacement(src.len())
                .unwrap_or(src.len().saturating_mul(3));
            self.out.reserve(need);
            let (result, read) =
                self.decoder
                    .decode_to_string_without_replacement(src, &mut self.out, last);
            self.read += read;
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => {
                    if read == 0 {
                        self.out.reserve(self.out.capacity().max(64));
                    }
                }
                DecoderResult::Malformed(bad, extra) => {
                    return Err(DataError::Undecodable {
                        encoding: self.encoding.name().to_owned(),
                        offset: self
                            .read
                            .saturating_sub(usize::from(bad) + usize::from(extra)),
                    });
                }
            }
        }
        if first && self.read > begin {
            // Size the output once from the first slice's expansion ratio
            // (+5%), rather than doubling a large buffer several times.
            let ratio = self.out.len() as f64 / (self.read - begin) as f64;
            let estimate = ((total - begin) as f64 * ratio * 1.05) as usize;
            self.out.reserve(estimate.saturating_sub(self.out.len()));
        }
        // with `last`, the decoder has also checked for a sequence cut at
        // the very end (reported as Malformed above)
        Ok(last && self.read >= total)
    }

    /// The decoded text; a NUL character in it means binary content.
    pub(crate) fn into_text(self) -> Result<Vec<u8>, DataError> {
        let text = self.out.into_bytes();
        if text.contains(&0)
            && let Some(offset) = text.iter().position(|&b| b == 0)
        {
            return Err(DataError::Binary { offset });
        }
        Ok(text)
    }
}

/// Detect the encoding (see the module docs).
fn detect(bytes: &[u8]) -> Result<&'static Encoding, DataError> {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return Ok(e);
    }
    let sample = bytes.get(..UTF16_SNIFF_BYTES).unwrap_or(bytes);
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let pairs = sample.len() / 2;
    if even + odd > 0 {
        // ASCII-heavy UTF-16: most code units have a NUL high byte.
        if even == 0 && odd * 4 >= pairs {
            return Ok(UTF_16LE);
        }
        if odd == 0 && even * 4 >= pairs {
            return Ok(UTF_16BE);
        }
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(DataError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(UTF_8),
        Err(e) => {
            // Invalid UTF-8: GB18030 if its start decodes cleanly (a sequence
            // cut at the sample's end is fine); the rest is checked while
            // decoding.
            let head = bytes.get(..GB18030_SNIFF_BYTES).unwrap_or(bytes);
            let mut decoder = GB18030.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(head.len() * 2);
            let (result, _) = decoder.decode_to_string_without_replacement(
                head,
                &mut out,
                head.len() == bytes.len(),
            );
            if matches!(result, DecoderResult::Malformed(..)) {
                Err(DataError::Undecodable {
                    encoding: UTF_8.name().to_owned(),
                    offset: e.valid_up_to(),
                })
            } else {
                Ok(GB18030)
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom
            .then_some(0xFEFF_u16)
            .into_iter()
            .chain(text.encode_utf16());
        for u in units {
            if le {
                out.extend(u.to_le_bytes());
            } else {
                out.extend(u.to_be_bytes());
            }
        }
        out
    }

    /// Open and decode all, in slices of `slice` input bytes.
    fn decode(
        bytes: &[u8],
        label: Option<&str>,
        slice: usize,
    ) -> Result<(String, &'static str), DataError> {
        let (source, encoding) = open(Cow::Borrowed(bytes), label)?;
        let text = match source {
            Source::Utf8 { bytes, start } => bytes[start..].to_vec(),
            Source::Transcode(mut t) => {
                while !t.step(slice)? {}
                t.into_text()?
            }
        };
        Ok((String::from_utf8(text).unwrap(), encoding.name()))
    }

    #[test]
    fn utf8_is_borrowed_and_its_bom_skipped() {
        let bytes = b"\xEF\xBB\xBFa,b\n1,2\n";
        let (source, encoding) = open(Cow::Borrowed(bytes), None).unwrap();
        assert_eq!(encoding, UTF_8);
        assert!(matches!(
            source,
            Source::Utf8 {
                bytes: Cow::Borrowed(_),
                start: 3
            }
        ));
        assert_eq!(decode(bytes, None, 1).unwrap().0, "a,b\n1,2\n");
    }

    #[test]
    fn utf16_is_detected_with_and_without_bom() {
        for le in [true, false] {
            for bom in [true, false] {
                let bytes = utf16("名称,x\n甲,1\nab,2\n", le, bom);
                for slice in [1, 3, 1000] {
                    let (text, name) = decode(&bytes, None, slice).unwrap();
                    assert_eq!(name, if le { "UTF-16LE" } else { "UTF-16BE" });
                    assert_eq!(text, "名称,x\n甲,1\nab,2\n");
                }
            }
        }
    }

    #[test]
    fn gbk_bytes_are_read_as_gb18030_in_any_slices() {
        let (bytes, _, _) = GB18030.encode("地区,得分\n东部,0.5\n");
        for slice in [1, 2, 5, 1000] {
            let (text, name) = decode(&bytes, None, slice).unwrap();
            assert_eq!((text.as_str(), name), ("地区,得分\n东部,0.5\n", "gb18030"));
        }
    }

    #[test]
    fn a_nul_byte_means_binary() {
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", None, 64).unwrap_err();
        assert_eq!(e, DataError::Binary { offset: 8 });
        let e = decode(&utf16("a,b\n\0", true, true), None, 64).unwrap_err();
        assert_eq!(e, DataError::Binary { offset: 4 });
    }

    #[test]
    fn undecodable_bytes_report_where() {
        let e = decode(b"abc\xff\xff\xff\xff", None, 64).unwrap_err();
        assert_eq!(
            e,
            DataError::Undecodable {
                encoding: "UTF-8".into(),
                offset: 3
            }
        );
        let e = decode(b"ab\xffcd", Some("utf-8"), 64).unwrap_err();
        assert!(matches!(e, DataError::Undecodable { offset: 2, .. }));
        for slice in [1, 2, 64] {
            let e = decode(b"ab\x81", Some("gbk"), slice).unwrap_err();
            assert!(
                matches!(e, DataError::Undecodable { offset: 2..=3, .. }),
                "{e:?}"
            );
            // within the sniffed head: not GB18030 either, so "not UTF-8"
            let e = decode(b"\xb5\xd8ab\xff,", None, slice).unwrap_err();
            assert!(
                matches!(e, DataError::Undecodable { offset: 0, ref encoding } if encoding == "UTF-8")
            );
        }
        // beyond the sniffed head: found while decoding
        let text = "地区,得分\n".repeat(10_000);
        let mut bytes = GB18030.encode(&text).0.into_owned();
        let at = bytes.len();
        bytes.extend_from_slice(b"\xff,1\n");
        for slice in [1000, 4096, 1 << 20] {
            assert_eq!(
                decode(&bytes, None, slice).unwrap_err(),
                DataError::Undecodable {
                    encoding: "gb18030".into(),
                    offset: at
                },
                "slice {slice}"
            );
        }
    }

    #[test]
    fn the_user_override_wins_and_unknown_labels_are_refused() {
        assert_eq!(
            decode(b"caf\xe9", Some("windows-1252"), 2).unwrap().0,
            "café"
        );
        assert_eq!(
            decode(b"x", Some("klingon"), 2).unwrap_err(),
            DataError::UnknownEncoding {
                label: "klingon".into()
            }
        );
    }
}
