//! Pieces shared by the fsQCA charts: the OUT coding of truth-table rows,
//! text wrapping that does not depend on the backend (over the shared
//! width estimate of [`super::layout::text_width`]), number formatting,
//! and the numeric axes of the calibration chart and the histogram.
//!
//! Text is measured with a fixed, conservative estimate rather than the
//! backend's font metrics, so that a chart is laid out identically on a
//! canvas, in an SVG file and in a native test (plotters measures text in
//! the DOM in the browser and crudely by byte count natively).

use plotters::chart::{ChartBuilder, ChartContext};
use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::{Cartesian2d, DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontStyle, IntoFont, RGBColor, TextStyle};

/// The outcome code of a truth-table row, as in R QCA's `OUT` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutValue {
    /// `1`: a positive (sufficient) configuration.
    Positive,
    /// `0`: a negative configuration.
    Negative,
    /// `C`: a contradiction (between the two inclusion cuts).
    Contradiction,
    /// `?`: a logical remainder (fewer cases than n.cut).
    Remainder,
}

impl OutValue {
    /// The symbol R QCA prints for this code: `1`, `0`, `C` or `?`.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Positive => "1",
            Self::Negative => "0",
            Self::Contradiction => "C",
            Self::Remainder => "?",
        }
    }

    /// The fill colour that codes this value in the Venn diagram and the
    /// heat map. The four colours differ in lightness as well as hue, so
    /// the coding survives greyscale print (dark = 1, mid = C, light = 0,
    /// white = remainder).
    #[must_use]
    pub(crate) fn fill(self) -> RGBColor {
        match self {
            Self::Positive => OUT_POSITIVE,
            Self::Negative => OUT_NEGATIVE,
            Self::Contradiction => OUT_CONTRADICTION,
            Self::Remainder => OUT_REMAINDER,
        }
    }

    /// A text colour readable on [`OutValue::fill`].
    #[must_use]
    pub(crate) fn ink(self) -> RGBColor {
        match self {
            Self::Positive => WHITE,
            _ => BLACK,
        }
    }
}

/// Memberships closer than this to 0.5 count as "exactly 0.5" (the
/// crossover) when charts flag cases that belong to no truth-table row.
/// R QCA compares exactly; the tolerance only absorbs the last bit of
/// rounding in values that went through text (CSV, JSON).
pub const CROSSOVER_TOLERANCE: f64 = 1e-12;

/// True when `membership` is the crossover 0.5 (within
/// [`CROSSOVER_TOLERANCE`]).
#[must_use]
pub fn is_crossover(membership: f64) -> bool {
    (membership - 0.5).abs() <= CROSSOVER_TOLERANCE
}

pub(crate) use super::palette::{
    BLACK, BLUE, GREY, LIGHT_GREY, ORANGE, SKY_BLUE, VERMILLION, WHITE,
};

/// OUT = 1: Okabe–Ito blue (luminance ≈ 0.4).
const OUT_POSITIVE: RGBColor = BLUE;
/// OUT = C: Okabe–Ito orange (luminance ≈ 0.65).
const OUT_CONTRADICTION: RGBColor = ORANGE;
/// OUT = 0: light grey-blue (luminance ≈ 0.85).
const OUT_NEGATIVE: RGBColor = RGBColor(205, 222, 232);
/// Remainder: white.
const OUT_REMAINDER: RGBColor = RGBColor(255, 255, 255);

/// The font family of every chart text; CJK fonts are picked by fallback.
pub(crate) const FONT: &str = "sans-serif";

pub use super::layout::text_width;

/// True for characters drawn about one em wide (CJK and full-width), where
/// a line may break between any two characters.
fn is_wide(c: char) -> bool {
    text_width(&c.to_string(), 1.0) >= 1.0
}

/// Punctuation that must not start a line (Chinese and Latin).
const CLOSING: &str = "）】》」』〉，。、；：！？,.;:!?)]}%";
/// Punctuation that must not end a line.
const OPENING: &str = "（【《「『〈([{";

/// Splits `text` into lines no wider than `max_width` (by [`text_width`]).
///
/// Latin text breaks at spaces and after a hyphen inside a word
/// ("County-" / "hospital"); CJK text may break between any two
/// characters, except that closing punctuation never starts a line (it
/// overhangs instead) and opening punctuation never ends one; a single
/// word wider than the line is broken between characters. Never returns an empty vector (an empty text gives one
/// empty line). O(length²) in the worst case, for short labels.
#[must_use]
pub fn wrap_text(text: &str, max_width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for c in paragraph.chars() {
            let mut candidate = line.clone();
            candidate.push(c);
            let fits = text_width(candidate.trim_end(), size) <= max_width;
            // Closing punctuation never starts a line (it may overhang).
            if fits || line.trim().is_empty() || CLOSING.contains(c) {
                line = candidate;
                continue;
            }
            // Break: at the last space, or after the last hyphen inside a
            // word, if that leaves something on the line.
            let break_at = if is_wide(c) || c == ' ' {
                None
            } else {
                let space = line
                    .rfind(' ')
                    .filter(|&i| !line[..i].trim().is_empty())
                    .map(|i| (i, i + 1));
                let hyphen = line
                    .rfind('-')
                    .filter(|&i| line[..i].chars().last().is_some_and(char::is_alphanumeric))
                    .map(|i| (i + 1, i + 1));
                space
                    .into_iter()
                    .chain(hyphen)
                    .max_by_key(|&(_, rest)| rest)
            };
            match break_at {
                Some((end, start)) => {
                    let rest = line[start..].to_string();
                    lines.push(line[..end].trim_end().to_string());
                    line = rest;
                    line.push(c);
                }
                None => {
                    // Opening punctuation never ends a line.
                    let mut carried = String::new();
                    while let Some(last) = line.chars().last().filter(|l| OPENING.contains(*l)) {
                        if line.chars().count() == 1 {
                            break;
                        }
                        line.pop();
                        carried.insert(0, last);
                    }
                    lines.push(line.trim_end().to_string());
                    line = carried;
                    if c != ' ' || !line.is_empty() {
                        line.push(c);
                    }
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Like [`wrap_text`], with lines of even length: the same number of
/// lines as the greedy wrap, at the narrowest width that keeps that number
/// (so "紧密型组织结构" becomes 紧密型组 / 织结构, not 紧密型组织结 / 构).
/// Bisection over the width: O(log(width) · wrap).
#[must_use]
pub fn wrap_balanced(text: &str, max_width: f64, size: f64) -> Vec<String> {
    let greedy = wrap_text(text, max_width, size);
    if greedy.len() < 2 {
        return greedy;
    }
    // Never narrower than the longest word: balancing must not break a
    // word the greedy wrap kept whole.
    let (mut lo, mut hi) = (
        super::layout::longest_word_width(text, size).min(max_width),
        max_width,
    );
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if wrap_text(text, mid, size).len() <= greedy.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap_text(text, hi, size)
}

/// Splits a QCA expression (`"A*~B + C*D -> Y"`) into lines no wider than
/// `max_width`, breaking where a reader expects it: between terms, with
/// the `+` (or `→`, `->`) starting the next line; a term wider than the
/// line is broken after a `*`; only a literal wider than the line is
/// broken between characters ([`wrap_text`]). Also fit for plain text
/// (it breaks at spaces). Never returns an empty vector.
/// O(length²) in the worst case, for short labels.
#[must_use]
pub fn wrap_expression(text: &str, max_width: f64, size: f64) -> Vec<String> {
    // Words at spaces; an operator standing alone is glued to the word after it.
    let mut words: Vec<String> = Vec::new();
    let mut glue = String::new();
    for w in text.split(' ').filter(|w| !w.is_empty()) {
        if matches!(w, "+" | "→" | "->" | "<-" | "←" | "=>") {
            glue.push_str(w);
            glue.push(' ');
        } else {
            words.push(format!("{glue}{w}"));
            glue.clear();
        }
    }
    if !glue.is_empty() {
        words.push(glue.trim_end().to_owned());
    }
    let fits = |s: &str| text_width(s, size) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        // A term wider than a line: pieces ending in `*`.
        let pieces: Vec<String> = if fits(&word) {
            vec![word]
        } else {
            word.split_inclusive('*').map(str::to_owned).collect()
        };
        for (i, piece) in pieces.into_iter().enumerate() {
            let sep = if i == 0 && !line.is_empty() { " " } else { "" };
            let candidate = format!("{line}{sep}{piece}");
            if line.is_empty() || fits(&candidate) {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = piece;
            }
        }
    }
    lines.push(line);
    lines
        .into_iter()
        .flat_map(|l| {
            if fits(&l) {
                vec![l]
            } else {
                wrap_text(&l, max_width, size)
            }
        })
        .collect()
}

/// Smallest font size a chart uses.
pub const MIN_FONT: f64 = 6.0;
/// Largest font size a chart uses.
pub const MAX_FONT: f64 = 96.0;

/// A caller's font size made usable: within [`MIN_FONT`, `MAX_FONT`],
/// and [`MIN_FONT`] for NaN.
#[must_use]
pub fn font_px(size: f64) -> f64 {
    if size.is_nan() {
        MIN_FONT
    } else {
        size.clamp(MIN_FONT, MAX_FONT)
    }
}

/// The font size at which markers and lines have their nominal size.
pub const NOMINAL_FONT: f64 = 13.0;

/// A length given for the nominal font, scaled to `font`, so that a chart
/// drawn with a larger font (a 300-dpi export) keeps its proportions.
#[must_use]
pub fn scaled(font: f64, nominal: f64) -> f64 {
    nominal * font / NOMINAL_FONT
}

/// Thin (1 px nominal) and thick (2 px nominal) line widths for `font`.
#[must_use]
pub fn line_widths(font: f64) -> (u32, u32) {
    let w = |n: f64| scaled(font, n).round().max(1.0) as u32;
    (w(1.0), w(2.0))
}

/// A dash or gap length given for the nominal font, scaled to `font`.
#[must_use]
pub fn dash_length(font: f64, nominal: f64) -> u32 {
    scaled(font, nominal).round().max(1.0) as u32
}

/// Formats a parameter of fit as the field's tools do: 3 decimals.
#[must_use]
pub fn fmt3(value: f64) -> String {
    format!("{value:.3}")
}

/// A text style in the chart font.
pub(crate) fn text_style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size).into_font(),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// A bold text style in the chart font.
pub(crate) fn bold_style(size: f64, color: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size, FontStyle::Bold).into_font(),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// A Cartesian chart over two `f64` axes.
pub(crate) type NumericChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What [`numeric_axes`] draws.
pub(crate) struct Axes<'t> {
    /// Title; empty for none.
    pub title: &'t str,
    /// X axis title.
    pub x_label: &'t str,
    /// Y axis title.
    pub y_label: &'t str,
    /// X range.
    pub x: std::ops::Range<f64>,
    /// Y range.
    pub y: std::ops::Range<f64>,
    /// Font size.
    pub font: f64,
    /// Pixels left free under the x axis title (for a legend).
    pub bottom_extra: u32,
    /// Pixels left free between the title and the plot (for guide labels).
    pub top_extra: u32,
    /// Label the y axis with whole numbers only.
    pub integer_y: bool,
}

/// The axes of a numeric chart: draws the title (if any) in a strip at
/// the top of `area`, then a Cartesian frame with a light horizontal
/// grid, tick labels and axis titles; returns the chart to draw on.
pub(crate) fn numeric_axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    axes: Axes<'_>,
) -> Result<NumericChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let Axes {
        title,
        x_label,
        y_label,
        x,
        y,
        font,
        bottom_extra,
        top_extra,
        integer_y,
    } = axes;
    let (w, _) = area.dim_in_pixel();
    let title_h = if title.is_empty() {
        0
    } else {
        (font * 2.0) as u32
    };
    if !title.is_empty() {
        area.draw_text(
            title,
            &bold_style(font * 1.15, BLACK, HPos::Center, VPos::Top),
            ((w / 2) as i32, 8),
        )?;
    }
    let mut chart = ChartBuilder::on(area)
        .margin_top(10 + title_h + top_extra)
        .margin_right(18)
        .margin_left(8)
        .margin_bottom(6 + bottom_extra)
        .x_label_area_size((font * 3.0) as u32)
        .y_label_area_size((font * 4.6) as u32)
        .build_cartesian_2d(x, y)?;
    let whole = |v: &f64| {
        if v.fract().abs() < 1e-9 {
            format!("{v:.0}")
        } else {
            String::new()
        }
    };
    let mut mesh = chart.configure_mesh();
    if integer_y {
        mesh.y_label_formatter(&whole);
    }
    mesh.disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(LIGHT_GREY)
        .axis_style(BLACK)
        .x_labels(8)
        .y_labels(6)
        .label_style(text_style(font * 0.9, BLACK, HPos::Center, VPos::Center))
        .axis_desc_style(text_style(font, BLACK, HPos::Center, VPos::Center))
        .x_desc(x_label)
        .y_desc(y_label)
        .draw()?;
    Ok(chart)
}

/// The smallest and largest finite values, or `None` when there are none.
#[must_use]
pub(crate) fn finite_range(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// Pads a data range by `fraction` of its width on both sides; a range of
/// zero width becomes ±0.5 (or ±5% of the value when that is larger).
#[must_use]
pub(crate) fn padded(lo: f64, hi: f64, fraction: f64) -> (f64, f64) {
    let width = hi - lo;
    if width > 0.0 {
        (lo - width * fraction, hi + width * fraction)
    } else {
        let half = (lo.abs() * 0.05).max(0.5);
        (lo - half, hi + half)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_expression_breaks_between_terms_with_the_plus_leading() {
        let lines = wrap_expression(
            "AAAA*BBBB + CCCC*DDDD",
            text_width("AAAA*BBBB +", 13.0),
            13.0,
        );
        assert_eq!(lines, vec!["AAAA*BBBB", "+ CCCC*DDDD"]);
    }

    #[test]
    fn a_term_wider_than_the_line_breaks_after_a_star() {
        let lines = wrap_expression("AAAA*~BBBB*CCCC", text_width("AAAA*~BBBB*", 13.0), 13.0);
        assert_eq!(lines, vec!["AAAA*~BBBB*", "CCCC"]);
    }

    #[test]
    fn wrapped_expression_lines_keep_every_character_and_fit() {
        let text = "DEV*~IND*URB + ~DEV*LIT*STB*IND + URB*LIT*STB → SURV";
        for width in [40.0, 90.0, 150.0, 400.0] {
            let lines = wrap_expression(text, width, 13.0);
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let expected: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, expected, "{lines:?}");
            for l in &lines {
                assert!(
                    text_width(l, 13.0) <= width || l.chars().count() == 1,
                    "{l} at {width}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn chinese_characters_are_measured_wider_than_latin_ones() {
        assert!(text_width("规划", 10.0) > text_width("ab", 10.0));
        assert!((text_width("规划", 10.0) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn wrapping_keeps_every_character_and_respects_the_width() {
        for text in [
            "planning and implementation scale",
            "规划实施规模与紧密型组织结构",
            "a verylongwordthatdoesnotfit at all",
            "",
        ] {
            let lines = wrap_text(text, 60.0, 10.0);
            assert!(!lines.is_empty());
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, original, "{lines:?}");
            for line in &lines {
                assert!(
                    text_width(line, 10.0) <= 60.0 || line.chars().count() == 1,
                    "{line}"
                );
            }
        }
    }

    #[test]
    fn english_breaks_at_spaces_and_after_hyphens_never_mid_word() {
        assert_eq!(
            wrap_text("Other government departments", 90.0, 12.0),
            vec!["Other", "government", "departments"]
        );
        assert_eq!(
            wrap_text("Primary-care staff", 75.0, 12.0),
            vec!["Primary-", "care staff"]
        );
        // a leading or lone hyphen is not a break
        assert_eq!(wrap_text("-x", 4.0, 12.0).concat(), "-x");
    }

    #[test]
    fn chinese_punctuation_follows_the_line_breaking_rules() {
        let lines = wrap_text("高水平服务能力路径一（规模驱动型）", 50.0, 10.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('）') && !l.ends_with('（')),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), "高水平服务能力路径一（规模驱动型）");
    }

    #[test]
    fn balanced_wrapping_evens_out_the_lines() {
        let greedy = wrap_text("紧密型组织结构", 60.0, 10.0);
        let balanced = wrap_balanced("紧密型组织结构", 60.0, 10.0);
        assert_eq!(greedy, vec!["紧密型组织结", "构"]);
        assert_eq!(balanced, vec!["紧密型组", "织结构"]);
    }

    #[test]
    fn latin_text_breaks_at_spaces() {
        let lines = wrap_text("close organizational structure", 100.0, 10.0);
        assert_eq!(lines, vec!["close", "organizational", "structure"]);
    }

    proptest::proptest! {
        #[test]
        fn wrapping_never_loses_a_character(
            text in "[a-z 规划（）。,]{0,40}",
            width in 5.0f64..200.0,
        ) {
            let lines = wrap_text(&text, width, 10.0);
            let kept: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, original);
        }
    }

    #[test]
    fn crossover_is_exactly_one_half() {
        assert!(is_crossover(0.5));
        assert!(!is_crossover(0.501));
    }

    #[test]
    fn padding_a_constant_range_gives_a_nonempty_range() {
        let (lo, hi) = padded(3.0, 3.0, 0.05);
        assert!(lo < 3.0 && hi > 3.0);
    }
}
