//! The PolicyMaker-style position map: a table whose columns are the seven
//! positions (high opposition … high support) and whose rows are the three
//! power bands (high at the top), with each player named in its cell.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use serde::{Deserialize, Serialize};

use super::Chart;
use super::draw::{self, DrawResult};
use super::layout::{label_column_width, longest_word_width, text_width};
use super::palette::{BLACK, BLUISH_GREEN, GREY, Stance, VERMILLION, WHITE};
use super::qca_common::wrap_balanced;
use crate::analysis::stakeholder::{Feasibility, Lang, Level, PositionBand, Ratings, Side, text};

/// One player on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionMapPlayer {
    /// Name.
    pub label: String,
    /// Position band (the column).
    pub band: PositionBand,
    /// Power band (the row).
    pub power: Level,
}

/// The position map. All text comes from the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PositionMapChart {
    /// Title.
    pub title: String,
    /// Column headers in [`PositionBand::ALL`] order (high opposition first).
    pub column_labels: [String; 7],
    /// Row headers for high, medium and low power (top to bottom).
    pub row_labels: [String; 3],
    /// Header of the row-label column (e.g. "Power").
    pub power_label: String,
    /// The players.
    pub players: Vec<PositionMapPlayer>,
}

fn stance(side: Side) -> Stance {
    Stance::from(side)
}

impl PositionMapChart {
    /// The map of a PolicyMaker result, with titles and band names in `lang`
    /// (every field stays public: override any text).
    pub fn from_feasibility(ratings: &Ratings, feasibility: &Feasibility, lang: Lang) -> Self {
        let t = |k: &str| text(k, lang).unwrap_or(k).to_string();
        Self {
            title: t("chart.position.title"),
            column_labels: PositionBand::ALL.map(|b| t(b.key())),
            row_labels: [Level::High, Level::Moderate, Level::Low].map(|l| t(l.key())),
            power_label: t("chart.position.power"),
            players: feasibility
                .players
                .iter()
                .map(|p| PositionMapPlayer {
                    label: ratings
                        .stakeholders()
                        .get(p.stakeholder)
                        .map(|s| s.name.clone())
                        .unwrap_or_default(),
                    band: p.band,
                    power: p.power_band,
                })
                .collect(),
        }
    }
}

impl Chart for PositionMapChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        area.fill(&WHITE)?;
        draw::title(area, &self.title, w)?;
        let left = label_column_width(
            self.row_labels
                .iter()
                .chain(std::iter::once(&self.power_label))
                .map(String::as_str),
            50.0,
            20.0,
        );
        let (x0, y0, x1, y1) = (left, 50.0, w - 16.0, h - 16.0);
        let head = 46.0;
        let cw = (x1 - x0) / 7.0;
        let rh = (y1 - y0 - head) / 3.0;
        // column tints and headers
        for (c, band) in PositionBand::ALL.iter().enumerate() {
            let cx0 = x0 + c as f64 * cw;
            let st = stance(band.side());
            let tint = match st {
                Stance::Support => BLUISH_GREEN.mix(0.10 + 0.06 * (c as f64 - 4.0)),
                Stance::Neutral => GREY.mix(0.12),
                Stance::Oppose => VERMILLION.mix(0.10 + 0.06 * (2.0 - c as f64)),
            };
            area.draw(&Rectangle::new(
                [draw::px(cx0, y0 + head), draw::px(cx0 + cw, y1)],
                tint.filled(),
            ))?;
            let label = self.column_labels.get(c).map(String::as_str).unwrap_or("");
            // 12 px, smaller only when a word would not fit the column.
            let hsize = (0..9)
                .map(|k| 12.0 - 0.5 * f64::from(k))
                .find(|&z| longest_word_width(label, z) <= cw - 6.0)
                .unwrap_or(8.0);
            let lines = wrap_balanced(label, cw - 6.0, hsize);
            let n = lines.len() as f64;
            for (k, line) in lines.iter().enumerate() {
                let y = y0 + head / 2.0 + (k as f64 - (n - 1.0) / 2.0) * hsize * 1.25;
                draw::text(
                    area,
                    line,
                    (cx0 + cw / 2.0, y),
                    hsize,
                    &BLACK,
                    HPos::Center,
                    VPos::Center,
                )?;
            }
        }
        // rows
        draw::text(
            area,
            &self.power_label,
            (x0 - 8.0, y0 + head / 2.0),
            13.0,
            &BLACK,
            HPos::Right,
            VPos::Center,
        )?;
        for (r, label) in self.row_labels.iter().enumerate() {
            let yc = y0 + head + (r as f64 + 0.5) * rh;
            draw::text(
                area,
                label,
                (x0 - 8.0, yc),
                13.0,
                &BLACK,
                HPos::Right,
                VPos::Center,
            )?;
        }
        // grid lines
        for c in 0..=7 {
            let x = x0 + c as f64 * cw;
            draw::line(area, (x, y0), (x, y1), BLACK.mix(0.4).stroke_width(1))?;
        }
        for r in 0..=3 {
            let y = y0 + head + r as f64 * rh;
            draw::line(area, (x0, y), (x1, y), BLACK.mix(0.4).stroke_width(1))?;
        }
        draw::line(area, (x0, y0), (x1, y0), BLACK.mix(0.4).stroke_width(1))?;
        // players
        for (c, band) in PositionBand::ALL.iter().enumerate() {
            for (r, level) in [Level::High, Level::Moderate, Level::Low]
                .iter()
                .enumerate()
            {
                let names: Vec<&PositionMapPlayer> = self
                    .players
                    .iter()
                    .filter(|p| p.band == *band && p.power == *level)
                    .collect();
                if names.is_empty() {
                    continue;
                }
                let cx0 = x0 + c as f64 * cw;
                let cy0 = y0 + head + r as f64 * rh;
                let text_w = cw - 20.0;
                // Prefer one line per name at the largest size from 13 px
                // down to 10.5 px; otherwise wrap names at spaces (CJK
                // between characters) at the largest size from 12 px down
                // to 8 px at which every word fits the cell and the lines
                // fit its height; words are broken only if even 8 px is
                // too wide.
                let height_of = |w: &[Vec<String>], size: f64| {
                    let lines: usize = w.iter().map(Vec::len).sum();
                    lines as f64 * size * 1.25 + (w.len() as f64 - 1.0) * size * 0.35
                };
                let one_line = (0..6).map(|k| 13.0 - 0.5 * f64::from(k)).find(|&size| {
                    names.iter().all(|p| text_width(&p.label, size) <= text_w)
                        && height_of(
                            &names
                                .iter()
                                .map(|p| vec![p.label.clone()])
                                .collect::<Vec<_>>(),
                            size,
                        ) <= rh - 8.0
                });
                let wrap_all = |size: f64| -> Vec<Vec<String>> {
                    names
                        .iter()
                        .map(|p| wrap_balanced(&p.label, text_w, size))
                        .collect()
                };
                let (size, wrapped) = match one_line {
                    Some(size) => (
                        size,
                        names
                            .iter()
                            .map(|p| vec![p.label.clone()])
                            .collect::<Vec<_>>(),
                    ),
                    None => (0..9)
                        .map(|k| 12.0 - 0.5 * f64::from(k))
                        .find(|&size| {
                            names
                                .iter()
                                .all(|p| longest_word_width(&p.label, size) <= text_w)
                                && height_of(&wrap_all(size), size) <= rh - 8.0
                        })
                        .or_else(|| {
                            (0..9).map(|k| 12.0 - 0.5 * f64::from(k)).find(|&size| {
                                names
                                    .iter()
                                    .all(|p| longest_word_width(&p.label, size) <= text_w)
                            })
                        })
                        .map_or_else(|| (8.0, wrap_all(8.0)), |size| (size, wrap_all(size))),
                };
                let lh = size * 1.25;
                let gap = size * 0.35;
                let st = stance(band.side());
                let total: f64 = wrapped.iter().map(|w| w.len() as f64 * lh).sum::<f64>()
                    + (wrapped.len() as f64 - 1.0) * gap;
                let mut y = cy0 + ((rh - total) / 2.0).max(4.0);
                for (k, lines) in wrapped.iter().enumerate() {
                    let need = lines.len() as f64 * lh;
                    if y + need > cy0 + rh - 2.0 {
                        // no room: say how many are not shown
                        let more = format!("… +{}", wrapped.len() - k);
                        let yy = (cy0 + rh - lh / 2.0 - 2.0).min(y + lh / 2.0);
                        draw::text(
                            area,
                            &more,
                            (cx0 + 15.0, yy),
                            size,
                            &BLACK,
                            HPos::Left,
                            VPos::Center,
                        )?;
                        break;
                    }
                    draw::marker(
                        area,
                        st.shape(),
                        (cx0 + 8.0, y + lh / 2.0),
                        3.5,
                        &st.color(),
                        1.0,
                        &BLACK,
                    )?;
                    for line in lines {
                        draw::text(
                            area,
                            line,
                            (cx0 + 15.0, y + lh / 2.0),
                            size,
                            &BLACK,
                            HPos::Left,
                            VPos::Center,
                        )?;
                        y += lh;
                    }
                    y += gap;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_at_spaces_and_cjk_between_characters_within_the_width() {
        assert_eq!(
            wrap_balanced("Other government departments", 90.0, 12.0),
            vec!["Other", "government", "departments"]
        );
        assert_eq!(
            wrap_balanced("Medical insurance bureau", 70.0, 12.0),
            vec!["Medical", "insurance", "bureau"]
        );
        assert_eq!(
            wrap_balanced("县级医院医务人员", 100.0, 13.0),
            vec!["县级医院", "医务人员"]
        );
    }
}
