//! Saving results: bytes or text downloaded as a file, tables as CSV, CSV
//! copied to the clipboard, and the small PNG/base64 helpers the chart
//! export needs.
//!
//! Everything runs in the page: a download is a `Blob` behind an object URL
//! clicked through a temporary `<a download>`; nothing is sent anywhere.
//!
//! # API for the sections
//! - [`download_bytes`] / [`download_text`]: any file.
//! - [`csv_text`] builds a CSV document (RFC 4180 quoting) from a header
//!   and rows of strings; [`download_csv`] saves it with a UTF-8 byte-order
//!   mark so that Excel shows Chinese text correctly; [`copy_text`] puts
//!   text (e.g. the same CSV, without the mark) on the clipboard.
//! - [`png_insert_chunk`] and [`png_set_dpi`] edit a PNG's chunks (used for
//!   the physical resolution of the 300 dpi export, and for metadata).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A download or clipboard operation failed in the browser.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DownloadError {
    /// The browser refused to create the file (Blob/URL/anchor).
    #[error("the browser could not create the file {file_name}")]
    Browser {
        /// The file that was being saved.
        file_name: String,
    },
    /// The clipboard is not available or refused the text.
    #[error("the clipboard is not available")]
    Clipboard,
    /// A chart could not be drawn into the file.
    #[error("the chart could not be drawn: {message}")]
    Chart {
        /// What the drawing backend said.
        message: String,
    },
    /// The image the canvas produced was not a PNG.
    #[error("the canvas did not produce a PNG image")]
    NotPng,
}

/// MIME type of CSV files.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";
/// MIME type of SVG files.
pub const SVG_MIME: &str = "image/svg+xml;charset=utf-8";
/// MIME type of PNG files.
pub const PNG_MIME: &str = "image/png";

/// Saves `bytes` as a file called `file_name` with MIME type `mime`.
///
/// # Errors
/// [`DownloadError::Browser`] when the browser refuses.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let fail = || DownloadError::Browser {
        file_name: file_name.to_owned(),
    };
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::new();
    parts.push(&array.buffer());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options)
        .map_err(|_| fail())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail())?;
    let result = click_link(&url, file_name);
    // The click starts the download synchronously; the URL can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    result.ok_or_else(fail)
}

fn click_link(url: &str, file_name: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_attribute("style", "display:none").ok()?;
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    body.remove_child(&anchor).ok()?;
    Some(())
}

/// Saves `text` (UTF-8) as a file.
///
/// # Errors
/// [`DownloadError::Browser`] when the browser refuses.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    download_bytes(file_name, mime, text.as_bytes())
}

/// A CSV document: `header` then `rows`, comma-separated, fields quoted
/// when they hold a comma, quote or line break (RFC 4180), lines ended by
/// `\n`. Rows shorter than the header are written as they are.
pub fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let mut line = |fields: &[String]| {
        let cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    };
    line(header);
    for row in rows {
        line(row);
    }
    out
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Saves a table as CSV (see [`csv_text`]) with a UTF-8 byte-order mark,
/// which Excel needs to read Chinese text as UTF-8.
///
/// # Errors
/// [`DownloadError::Browser`] when the browser refuses.
pub fn download_csv(
    file_name: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<(), DownloadError> {
    let text = format!("\u{feff}{}", csv_text(header, rows));
    download_text(file_name, CSV_MIME, &text)
}

/// Puts `text` on the clipboard (asynchronously: the browser may ask).
///
/// # Errors
/// [`DownloadError::Clipboard`] when there is no clipboard or it refuses.
pub async fn copy_text(text: &str) -> Result<(), DownloadError> {
    let window = web_sys::window().ok_or(DownloadError::Clipboard)?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| DownloadError::Clipboard)
}

/// The bytes of a `data:…;base64,` URL (what `canvas.toDataURL` returns),
/// or `None` when it is not base64 data.
pub fn data_url_bytes(url: &str) -> Option<Vec<u8>> {
    let (_, data) = url.split_once(";base64,")?;
    base64_decode(data)
}

/// Decodes standard base64 (with `=` padding, no line breaks).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= value(c)? << (18 - 6 * i);
        }
        let [_, a, b, c] = acc.to_be_bytes();
        match chunk.len() {
            4 => out.extend_from_slice(&[a, b, c]),
            3 => out.extend_from_slice(&[a, b]),
            2 => out.push(a),
            _ => return None,
        }
    }
    Some(out)
}

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// Whether `bytes` start with the PNG signature.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(&PNG_SIGNATURE)
}

/// Inserts a chunk of type `kind` (e.g. `*b"tEXt"`, `*b"pHYs"`) holding
/// `data` right after the IHDR chunk, with its CRC. Returns `None` when
/// `bytes` is not a PNG starting with IHDR.
pub fn png_insert_chunk(bytes: &[u8], kind: [u8; 4], data: &[u8]) -> Option<Vec<u8>> {
    if !is_png(bytes) || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let ihdr_len = u32::from_be_bytes(bytes.get(8..12)?.try_into().ok()?) as usize;
    // signature + length + type + data + crc
    let end = 8 + 4 + 4 + ihdr_len + 4;
    let (head, tail) = (bytes.get(..end)?, bytes.get(end..)?);
    let mut crc = flate2::Crc::new();
    crc.update(&kind);
    crc.update(data);
    let mut out = Vec::with_capacity(bytes.len() + data.len() + 12);
    out.extend_from_slice(head);
    out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
    out.extend_from_slice(&kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out.extend_from_slice(tail);
    Some(out)
}

/// Adds a pHYs chunk saying the image has `dpi` pixels per inch, so that
/// word processors place it at its print size.
pub fn png_set_dpi(bytes: &[u8], dpi: f64) -> Option<Vec<u8>> {
    // pixels per metre, rounded
    let ppm = (dpi / 0.0254).round() as u32;
    let mut data = Vec::with_capacity(9);
    data.extend_from_slice(&ppm.to_be_bytes());
    data.extend_from_slice(&ppm.to_be_bytes());
    data.push(1); // unit: metre
    png_insert_chunk(bytes, *b"pHYs", &data)
}

/// A file name made safe: characters other than letters (any script),
/// digits, `-`, `_` and `.` become `_`.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "policylens".to_owned()
    } else {
        cleaned
    }
}

/// What an exported chart carries so that it can be traced back when it is
/// shared alone: its title, the data it was drawn from, the analysis
/// settings (compact project JSON without the data) and the app version.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartStory {
    /// The chart's title (its caption on the page).
    pub title: String,
    /// The data set's name (`rows × columns`), empty without data.
    pub data: String,
    /// The settings as compact JSON.
    pub settings: String,
    /// `PolicyLens <version>`.
    pub software: String,
}

/// Adds the story to a PNG as text chunks after IHDR: `Title`, `Source`
/// (the data), `Comment` (the settings) and `Software`. Latin-1 text goes
/// in `tEXt` chunks; other text (Chinese titles, column names) in
/// uncompressed `iTXt` chunks, which hold UTF-8 (PNG 1.2 §4.2.3).
/// Returns the input unchanged if it is not a PNG.
pub fn png_with_story(bytes: &[u8], story: &ChartStory) -> Vec<u8> {
    let mut out = bytes.to_vec();
    // Inserted right after IHDR each time: reverse order keeps Title first.
    for (keyword, text) in [
        ("Software", &story.software),
        ("Comment", &story.settings),
        ("Source", &story.data),
        ("Title", &story.title),
    ] {
        if text.is_empty() {
            continue;
        }
        let latin1: Option<Vec<u8>> = text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok().filter(|b| *b != 0))
            .collect();
        let (kind, data) = match latin1 {
            Some(latin1) => {
                let mut d = keyword.as_bytes().to_vec();
                d.push(0);
                d.extend_from_slice(&latin1);
                (*b"tEXt", d)
            }
            None => {
                // keyword \0 compression-flag compression-method language \0 translated \0 text
                let mut d = keyword.as_bytes().to_vec();
                d.extend_from_slice(&[0, 0, 0, 0, 0]);
                d.extend_from_slice(text.replace('\0', "").as_bytes());
                (*b"iTXt", d)
            }
        };
        if let Some(next) = png_insert_chunk(&out, kind, &data) {
            out = next;
        }
    }
    out
}

fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Adds the story to an SVG document: a `<title>` (shown by viewers and
/// read by screen readers) and a `<metadata>` element with the data, the
/// settings and the software, right after the opening `<svg …>` tag.
/// Returns the input unchanged if it has no `<svg` element.
pub fn svg_with_story(svg: &str, story: &ChartStory) -> String {
    let Some(open) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(close) = svg
        .get(open..)
        .and_then(|s| s.find('>'))
        .map(|i| open + i + 1)
    else {
        return svg.to_owned();
    };
    let (head, tail) = svg.split_at(close);
    format!(
        "{head}\n<title>{}</title>\n<metadata><policylens:chart xmlns:policylens=\"urn:policylens:chart\"><policylens:title>{}</policylens:title><policylens:data>{}</policylens:data><policylens:settings>{}</policylens:settings><policylens:software>{}</policylens:software></policylens:chart></metadata>{tail}",
        xml_escape(&story.title),
        xml_escape(&story.title),
        xml_escape(&story.data),
        xml_escape(&story.settings),
        xml_escape(&story.software),
    )
}
