//! The bundled example: a rating table modelled on seed 000, the
//! health-care alliance reform of Tianchang county (Anhui), with eight key
//! stakeholders rated by five respondents in long form (respondent ×
//! stakeholder × dimension × rating), as a survey tool exports it. It rates
//! every dimension the built-in models need: the four dimensions of the
//! study (interest, cognition, capability, resources), PolicyMaker's
//! position and power, salience's legitimacy and urgency, and Schmeer's
//! knowledge (1–3), ability to mobilize resources (1–3) and leadership
//! (yes/no).
//!
//! The ratings are illustrative, not the study's data: each stakeholder has
//! a profile that follows the study's qualitative findings, and each
//! respondent deviates from it by −1, 0 or +1 (±2 for patients and
//! residents, on whom the respondents disagree), in a pattern whose
//! deviations cancel over the five respondents. The fifth respondent did
//! not rate the medical insurance bureau (a partial respondent).

use super::model::{Dimension, Scale};
use super::text::Lang;

/// (English name, Chinese name, group, profile on [`DIMENSIONS`]).
const PROFILES: [(&str, &str, &str, [f64; 11]); 8] = [
    (
        "Health bureau",
        "卫生健康局",
        "government",
        [5.0, 5.0, 5.0, 5.0, 6.0, 7.0, 5.0, 4.0, 3.0, 3.0, 1.0],
    ),
    (
        "Other government departments",
        "其他政府部门",
        "government",
        [2.0, 2.0, 5.0, 5.0, 0.0, 6.0, 4.0, 2.0, 1.0, 3.0, 0.0],
    ),
    (
        "Medical insurance bureau",
        "医疗保障局",
        "government",
        [4.0, 4.0, 4.0, 5.0, 4.0, 6.0, 5.0, 3.0, 2.0, 3.0, 1.0],
    ),
    (
        "County hospitals",
        "县级医院",
        "providers",
        [5.0, 5.0, 3.0, 3.0, 5.0, 5.0, 4.0, 4.0, 3.0, 2.0, 1.0],
    ),
    (
        "Township health centres",
        "乡镇卫生院",
        "providers",
        [4.0, 4.0, 2.0, 2.0, 4.0, 3.0, 4.0, 4.0, 2.0, 1.0, 0.0],
    ),
    (
        "County-hospital staff",
        "县级医院医务人员",
        "staff",
        [4.0, 4.0, 2.0, 2.0, 3.0, 2.0, 3.0, 3.0, 2.0, 1.0, 0.0],
    ),
    (
        "Primary-care staff",
        "基层医务人员",
        "staff",
        [2.0, 2.0, 1.0, 1.0, -1.0, 2.0, 3.0, 4.0, 1.0, 1.0, 0.0],
    ),
    (
        "Patients and residents",
        "患者和居民",
        "public",
        [5.0, 2.0, 1.0, 1.0, 3.0, 2.0, 5.0, 3.0, 1.0, 1.0, 0.0],
    ),
];

/// The dimension names of the example, in column order of the profiles.
pub const DIMENSIONS: [&str; 11] = [
    "interest",
    "cognition",
    "capability",
    "resources",
    "position",
    "power",
    "legitimacy",
    "urgency",
    "knowledge",
    "mobilization",
    "leadership",
];

/// Deviations of the respondents; respondent r on stakeholder s and
/// dimension d deviates by `PATTERN[(7r + 3s + d) mod 5]`, so over the five
/// respondents each entry occurs once and the deviations sum to zero.
const PATTERN: [f64; 5] = [0.0, 1.0, -1.0, 0.0, 0.0];

/// The dimensions of the example (the standard dimensions of the page):
/// 1–5 scales, except position (−7…+7) and power (1…7), PolicyMaker's
/// scales; knowledge and mobilization 1–3 (Schmeer's "a lot / some /
/// none" and "can / partly / cannot mobilize"); leadership yes/no (1/0).
pub fn example_dimensions() -> Vec<Dimension> {
    DIMENSIONS
        .iter()
        .map(|&d| {
            let scale = match d {
                "position" => Scale::new(-7.0, 7.0),
                "power" => Scale::new(1.0, 7.0),
                "knowledge" | "mobilization" => Scale::new(1.0, 3.0)
                    .map(|s| s.with_labels(Scale::three_level().labels().to_vec())),
                "leadership" => Ok(Scale::yes_no()),
                _ => Scale::likert(5),
            };
            Dimension::new(d, scale.unwrap_or_else(|_| Scale::three_level()))
        })
        .collect()
}

/// Every rating of the example: (respondent, stakeholder index, dimension
/// index, value), respondents in order, then stakeholders, then dimensions.
fn example_ratings() -> Vec<(usize, usize, usize, f64)> {
    let dims = example_dimensions();
    let mut out = Vec::new();
    for r in 0..5usize {
        for (s, (_, _, _, profile)) in PROFILES.iter().enumerate() {
            if r == 4 && s == 2 {
                continue;
            }
            for (d, (dim, base)) in dims.iter().zip(profile).enumerate() {
                let k = PATTERN.get((7 * r + 3 * s + d) % 5).copied().unwrap_or(0.0);
                let k = if s == 7 { 2.0 * k } else { k };
                let v = (base + k).clamp(dim.scale.min(), dim.scale.max());
                out.push((r, s, d, v));
            }
        }
    }
    out
}

/// The example in long form: a header (`respondent, stakeholder, group,
/// dimension, rating`) and the data rows, with stakeholder names in `lang`.
pub fn example_long(lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let header = ["respondent", "stakeholder", "group", "dimension", "rating"]
        .map(String::from)
        .to_vec();
    let rows = example_ratings()
        .into_iter()
        .filter_map(|(r, s, d, v)| {
            let (en, zh, group, _) = PROFILES.get(s)?;
            Some(vec![
                format!("R{}", r + 1),
                match lang {
                    Lang::En => (*en).to_string(),
                    Lang::Zh => (*zh).to_string(),
                },
                (*group).to_string(),
                (*DIMENSIONS.get(d)?).to_string(),
                format!("{v}"),
            ])
        })
        .collect();
    (header, rows)
}

/// The bundled file `assets/examples/stakeholder_ratings_illustrative.csv`:
/// the example in long form with the stakeholder's name in English
/// (`stakeholder`) and in Chinese (`利益相关者`), so either can be mapped
/// as the name column. Header: `respondent, stakeholder, 利益相关者, group,
/// dimension, rating`; one line per rating, `\n` line ends.
pub fn example_csv() -> String {
    let mut out = String::from("respondent,stakeholder,利益相关者,group,dimension,rating\n");
    for (r, s, d, v) in example_ratings() {
        if let (Some((en, zh, group, _)), Some(dim)) = (PROFILES.get(s), DIMENSIONS.get(d)) {
            out.push_str(&format!("R{},{en},{zh},{group},{dim},{v}\n", r + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_lies_within_its_scales() {
        let dims = example_dimensions();
        for (_, _, _, profile) in PROFILES {
            for (d, v) in dims.iter().zip(profile) {
                assert!(d.scale.contains(v), "{} {v}", d.name);
            }
        }
    }

    #[test]
    fn the_csv_has_a_line_per_rating_and_both_names() {
        let csv = example_csv();
        assert_eq!(csv.lines().count(), 1 + 39 * DIMENSIONS.len());
        assert!(csv.contains("R1,Health bureau,卫生健康局,government,knowledge,3\n"));
    }
}
