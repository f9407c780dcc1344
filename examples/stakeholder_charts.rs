//! Renders every stakeholder chart of the bundled seed-000-style example
//! in English and Chinese to SVG files, for looking at them:
//!
//! ```text
//! cargo run --example stakeholder_charts -- /tmp/charts
//! for f in /tmp/charts/*.svg; do rsvg-convert "$f" -o "${f%.svg}.png"; done
//! ```

use std::path::PathBuf;

use policylens::analysis::stakeholder::*;
use policylens::charts::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/stakeholder_charts".into()),
    );
    std::fs::create_dir_all(&dir)?;
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let (header, rows) = example_long(lang);
        let layout = LongLayout {
            respondent: 0,
            stakeholder: 1,
            group: Some(2),
            dimension: 3,
            rating: 4,
        };
        let import = read_long(&header, &rows, &layout, &example_dimensions(), None)?;
        for p in import.problems.iter().chain(&import.data.gaps()) {
            eprintln!("{tag}: {p}");
        }
        let r = import.data.aggregate(Aggregation::Mean)?.ratings;

        let mendelow = MendelowModel::default();
        let grid = mendelow.classify(&r)?;
        let pm = PolicyMakerModel::default().feasibility(&r)?;
        let stances: Vec<Stance> = pm.players.iter().map(|p| Stance::from(p.side)).collect();
        let salience = SalienceModel::default();
        let sal = salience.classify(&r)?;
        let stability = sensitivity(&salience, &r, &SensitivitySettings::default())?;

        let stab = StabilityChart::from_stability(&r, &stability, lang);

        let files: Vec<(&str, String)> = vec![
            (
                "grid",
                render_svg(
                    &PowerInterestChart::from_grid(
                        &r,
                        &mendelow,
                        &grid,
                        Some("resources"),
                        &stances,
                        lang,
                    )?,
                    900,
                    640,
                )?,
            ),
            (
                "position",
                render_svg(&PositionMapChart::from_feasibility(&r, &pm, lang), 900, 520)?,
            ),
            (
                "feasibility",
                render_svg(&FeasibilityChart::from_feasibility(&pm, lang), 700, 480)?,
            ),
            (
                "radar",
                render_svg(
                    &RadarChart::from_ratings(
                        &r,
                        &[0, 3, 6, 7],
                        &[
                            "interest",
                            "cognition",
                            "capability",
                            "resources",
                            "legitimacy",
                            "urgency",
                        ],
                        lang,
                    )?,
                    900,
                    640,
                )?,
            ),
            (
                "venn",
                render_svg(&SalienceVennChart::from_salience(&r, &sal, lang), 900, 640)?,
            ),
            ("stability", render_svg(&stab, 900, 640)?),
        ];
        for (name, svg) in files {
            let path = dir.join(format!("{name}_{tag}.svg"));
            std::fs::write(&path, svg)?;
            println!("{}", path.display());
        }
        std::fs::write(
            dir.join(format!("results_{tag}.csv")),
            results_table(&r, &StakeholderSettings::default(), lang).to_csv(),
        )?;
    }
    Ok(())
}
