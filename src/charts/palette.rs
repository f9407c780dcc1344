//! The colour-blind-safe palette of Okabe & Ito (2008) and the marker
//! shapes that repeat each colour's meaning for greyscale print.

use plotters::style::RGBColor;
use serde::{Deserialize, Serialize};

/// Okabe–Ito black.
pub const BLACK: RGBColor = RGBColor(0, 0, 0);
/// Okabe–Ito orange.
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
/// Okabe–Ito sky blue.
pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
/// Okabe–Ito bluish green.
pub const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
/// Okabe–Ito yellow.
pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
/// Okabe–Ito blue.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe–Ito vermillion.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Okabe–Ito reddish purple.
pub const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);
/// Neutral grey (safe for every colour vision).
pub const GREY: RGBColor = RGBColor(153, 153, 153);
/// Light grey for grids and quadrant lines.
pub const LIGHT_GREY: RGBColor = RGBColor(220, 220, 220);
/// White.
pub const WHITE: RGBColor = RGBColor(255, 255, 255);

/// The series colours, in order (yellow last: weak on white).
pub const SERIES: [RGBColor; 8] = [
    BLUE,
    VERMILLION,
    BLUISH_GREEN,
    ORANGE,
    REDDISH_PURPLE,
    SKY_BLUE,
    BLACK,
    YELLOW,
];

/// The colour of series `i` (cycles).
pub fn series_color(i: usize) -> RGBColor {
    SERIES.get(i % SERIES.len()).copied().unwrap_or(BLACK)
}

/// A marker shape; together with colour it keeps series apart in greyscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼
    TriangleDown,
    /// ✚
    Plus,
}

/// Shapes in series order.
pub const SHAPES: [Shape; 6] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
    Shape::TriangleDown,
    Shape::Plus,
];

/// The shape of series `i` (cycles).
pub fn series_shape(i: usize) -> Shape {
    SHAPES
        .get(i % SHAPES.len())
        .copied()
        .unwrap_or(Shape::Circle)
}

/// A stakeholder's stance, the colour of its bubble or marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Supports the policy: bluish green, circle glyph.
    Support,
    /// Neutral or non-mobilized: grey, square glyph.
    Neutral,
    /// Opposes the policy: vermillion, triangle glyph.
    Oppose,
}

impl Stance {
    /// Support, neutral, oppose: the order of legend texts.
    pub const ALL: [Stance; 3] = [Stance::Support, Stance::Neutral, Stance::Oppose];

    /// The stance of a position in [−1, 1]: above `band` support, below −`band` oppose.
    pub fn from_position(position: f64, band: f64) -> Self {
        if position > band {
            Stance::Support
        } else if position < -band {
            Stance::Oppose
        } else {
            Stance::Neutral
        }
    }

    /// Its colour.
    pub fn color(self) -> RGBColor {
        match self {
            Stance::Support => BLUISH_GREEN,
            Stance::Neutral => GREY,
            Stance::Oppose => VERMILLION,
        }
    }

    /// Its shape.
    pub fn shape(self) -> Shape {
        match self {
            Stance::Support => Shape::Circle,
            Stance::Neutral => Shape::Square,
            Stance::Oppose => Shape::Triangle,
        }
    }

    /// Index into legend texts.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl From<crate::analysis::stakeholder::Side> for Stance {
    fn from(side: crate::analysis::stakeholder::Side) -> Self {
        use crate::analysis::stakeholder::Side;
        match side {
            Side::Supporters => Stance::Support,
            Side::NonMobilized => Stance::Neutral,
            Side::Opponents => Stance::Oppose,
        }
    }
}

impl From<crate::analysis::stakeholder::Attitude> for Stance {
    fn from(a: crate::analysis::stakeholder::Attitude) -> Self {
        use crate::analysis::stakeholder::Attitude;
        match a {
            Attitude::Support => Stance::Support,
            Attitude::Neutral => Stance::Neutral,
            Attitude::Oppose => Stance::Oppose,
        }
    }
}
