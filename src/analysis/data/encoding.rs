//! Text encoding: detection and decoding to UTF-8 with `encoding_rs`.
//!
//! Detection, in order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! BOM-less UTF-16 (ASCII-heavy text has NUL bytes at every odd, or every
//! even, position); valid UTF-8; otherwise the bytes must decode without
//! error as GB18030 (a superset of GBK and GB2312: what Excel on Chinese
//! Windows writes). A NUL byte in anything but UTF-16 means binary. A user
//! override skips detection (a BOM of that same encoding is still removed).

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

use super::DataError;

/// How many leading bytes are examined for BOM-less UTF-16.
const UTF16_SNIFF_BYTES: usize = 4096;

/// Decoded text: UTF-8 bytes (valid UTF-8 from `start` on) and the encoding
/// they came from. Borrowed when the input already was UTF-8.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// UTF-8 text, possibly preceded by a BOM to skip.
    pub(crate) bytes: Cow<'a, [u8]>,
    /// Where the text starts (after a UTF-8 BOM).
    pub(crate) start: usize,
    /// The encoding the input was read as.
    pub(crate) encoding: &'static Encoding,
}

/// Decode `bytes` with the user's `label` or, without one, the detected
/// encoding. O(n); does not copy UTF-8 input.
pub(crate) fn decode<'a>(
    bytes: Cow<'a, [u8]>,
    label: Option<&str>,
) -> Result<Decoded<'a>, DataError> {
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
    if !is_utf16 && let Some(offset) = bytes.iter().position(|&b| b == 0) {
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
        return Ok(Decoded {
            bytes,
            start: bom,
            encoding,
        });
    }
    let body = bytes.get(bom..).unwrap_or_default();
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| DataError::Undecodable {
            encoding: encoding.name().to_owned(),
            offset: bom + first_malformed(encoding, body),
        })?
        .into_owned();
    if let Some(offset) = text.bytes().position(|b| b == 0) {
        return Err(DataError::Binary { offset });
    }
    Ok(Decoded {
        bytes: Cow::Owned(text.into_bytes()),
        start: 0,
        encoding,
    })
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
            if GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .is_some()
            {
                Ok(GB18030)
            } else {
                Err(DataError::Undecodable {
                    encoding: UTF_8.name().to_owned(),
                    offset: e.valid_up_to(),
                })
            }
        }
    }
}

/// Byte offset of the first malformed sequence of `bytes` in `encoding`
/// (the length when there is none). Error path only; O(n).
fn first_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(8192);
    let mut read_total = 0usize;
    loop {
        out.clear();
        let rest = bytes.get(read_total..).unwrap_or_default();
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return bytes.len(),
            DecoderResult::OutputFull => {
                if read == 0 && out.is_empty() {
                    return read_total;
                }
            }
            DecoderResult::Malformed(bad, extra) => {
                return read_total.saturating_sub(usize::from(bad) + usize::from(extra));
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

    fn decoded_text(d: &Decoded<'_>) -> String {
        String::from_utf8(d.bytes[d.start..].to_vec()).unwrap()
    }

    #[test]
    fn utf8_is_borrowed_and_its_bom_skipped() {
        let bytes = b"\xEF\xBB\xBFa,b\n1,2\n";
        let d = decode(Cow::Borrowed(bytes), None).unwrap();
        assert!(matches!(d.bytes, Cow::Borrowed(_)));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(decoded_text(&d), "a,b\n1,2\n");
    }

    #[test]
    fn utf16_is_detected_with_and_without_bom() {
        for le in [true, false] {
            for bom in [true, false] {
                let bytes = utf16("名称,x\n甲,1\nab,2\n", le, bom);
                let d = decode(Cow::Owned(bytes), None).unwrap();
                assert_eq!(d.encoding, if le { UTF_16LE } else { UTF_16BE });
                assert_eq!(decoded_text(&d), "名称,x\n甲,1\nab,2\n");
            }
        }
    }

    #[test]
    fn gbk_bytes_are_read_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("地区,得分\n东部,0.5\n");
        let d = decode(Cow::Owned(bytes.into_owned()), None).unwrap();
        assert_eq!(d.encoding, GB18030);
        assert_eq!(decoded_text(&d), "地区,得分\n东部,0.5\n");
    }

    #[test]
    fn a_nul_byte_means_binary() {
        let e = decode(
            Cow::Borrowed(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe"),
            None,
        )
        .unwrap_err();
        assert_eq!(e, DataError::Binary { offset: 8 });
    }

    #[test]
    fn undecodable_bytes_report_where() {
        let e = decode(Cow::Borrowed(b"abc\xff\xff\xff\xff"), None).unwrap_err();
        assert_eq!(
            e,
            DataError::Undecodable {
                encoding: "UTF-8".into(),
                offset: 3
            }
        );
        let e = decode(Cow::Borrowed(b"ab\xffcd"), Some("utf-8")).unwrap_err();
        assert!(matches!(e, DataError::Undecodable { offset: 2, .. }));
        let e = decode(Cow::Borrowed(b"ab\x81"), Some("gbk")).unwrap_err();
        assert!(
            matches!(e, DataError::Undecodable { offset: 2, .. }),
            "{e:?}"
        );
    }

    #[test]
    fn the_user_override_wins_and_unknown_labels_are_refused() {
        let d = decode(Cow::Borrowed(b"caf\xe9"), Some("windows-1252")).unwrap();
        assert_eq!(decoded_text(&d), "café");
        assert_eq!(
            decode(Cow::Borrowed(b"x"), Some("klingon")).unwrap_err(),
            DataError::UnknownEncoding {
                label: "klingon".into()
            }
        );
    }
}
