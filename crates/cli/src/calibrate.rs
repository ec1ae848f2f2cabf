//! `riskscreen calibrate FILE`: runs a calibration file's situations through the
//! engine and prints, per situation, the story, the band found and the band
//! expected (see `riskscreen_core::calibration`). Exit code 1 when any situation
//! lands elsewhere than expected or is itself unsound.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};
use riskscreen_core::calibration::{from_toml, run as run_situations};
use riskscreen_core::load_toml;

use crate::Status;

/// Characters of a story shown in the table.
const STORY_WIDTH: usize = 60;

pub fn run(file: &Path, out: &mut dyn Write) -> anyhow::Result<Status> {
    let name = file.display().to_string();
    let source = fs::read_to_string(file).with_context(|| format!("reading {name}"))?;
    let calibration = from_toml(&source).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let questionnaire_path = file
        .parent()
        .unwrap_or(Path::new("."))
        .join(&calibration.questionnaire);
    let questionnaire_name = questionnaire_path.display().to_string();
    let questionnaire_source = fs::read_to_string(&questionnaire_path)
        .with_context(|| format!("reading {questionnaire_name} (named in {name})"))?;
    let questionnaire = match load_toml(&questionnaire_name, &questionnaire_source)
        .into_result(&questionnaire_name)
    {
        Ok((questionnaire, _warnings)) => questionnaire,
        Err(e) => {
            writeln!(out, "{e}")?;
            bail!("{questionnaire_name} is not valid; run `riskscreen validate` on it");
        }
    };
    let outcomes = run_situations(&questionnaire, &calibration);
    let id_width = outcomes
        .iter()
        .map(|o| o.id.len())
        .max()
        .unwrap_or(2)
        .max(9);
    let band_width = questionnaire
        .bands
        .iter()
        .map(|b| b.id.len() + 2)
        .max()
        .unwrap_or(4)
        .max(8);
    writeln!(
        out,
        "{:id_width$}  {:STORY_WIDTH$}  {:band_width$}  {:band_width$}  ",
        "situation", "story", "band", "expected"
    )?;
    let mut failed = 0;
    for outcome in &outcomes {
        let mark = |band: &str, danger: bool| {
            if danger {
                format!("{band} !")
            } else {
                band.to_owned()
            }
        };
        let verdict = if outcome.passed() { "ok" } else { "FAIL" };
        failed += usize::from(!outcome.passed());
        writeln!(
            out,
            "{:id_width$}  {:STORY_WIDTH$}  {:band_width$}  {:band_width$}  {verdict}",
            outcome.id,
            shorten(&outcome.story, STORY_WIDTH),
            mark(&outcome.evaluation.level, outcome.evaluation.danger),
            mark(&outcome.expected, outcome.expected_danger),
        )?;
        if let Some(route) = &outcome.expected_route {
            let found = outcome.evaluation.route.as_deref().unwrap_or("none");
            if found != route {
                writeln!(out, "{:id_width$}  route: {found}, expected {route}", "")?;
            }
        }
        for problem in &outcome.problems {
            writeln!(out, "{:id_width$}  problem: {problem}", "")?;
        }
    }
    writeln!(
        out,
        "\n{} situations, {} as expected, {failed} not (\"!\" = danger: emergency help first)",
        outcomes.len(),
        outcomes.len() - failed
    )?;
    Ok(Status::invalid_if(failed > 0))
}

/// `text` cut to `width` characters, with "…" when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
