//! `riskscreen score FILE (--answers A.json | --indicators ID,…)`: an explained result.
//!
//! The questionnaire must validate (errors are printed and the exit code is 1).
//! Then either
//!
//! - `--answers`: a JSON object from question id to answer (`"yes"`, `"no"`,
//!   `"unsure"`, `"declined"`, an option id, or a list of option ids). Every answer is
//!   checked first ([`riskscreen_core::check_answers`], plus the answer's JSON shape);
//!   each problem is reported as `answers.json:line:col: error[bad-answer]: … (question
//!   `id`)` and the exit code is 1. Answers to questions that the other answers hide
//!   are legal but ignored by the scorer; they are reported as warnings; or
//! - `--indicators`: indicators marked present directly (the author's what-if tool);
//!   an unknown id is an error with the nearest known id as a hint.
//!
//! `--format json` prints the core [`Evaluation`] as is. The default text format is
//! what a caseworker reads: emergency help first when a danger sign is present, then
//! the level's label and advice, the signs found grouped by theme with the question
//! behind each, the ILO dimension counts and pattern (for `ilo` questionnaires), the
//! questions answered "not sure" with what to find out, and those declined. It ends
//! by saying that these are signs of risk, not a finding about any person: nothing
//! printed here calls anyone a victim. Questionnaire texts are shown in `--lang`
//! (default: the questionnaire's default language); the CLI's own frame is English.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ArgGroup;
use riskscreen_core::suggest::nearest;
use riskscreen_core::{
    check_answers, score, score_indicators, visible_questions, Answer, Answers, Diagnostic,
    Evaluation, FieldPath, Location, Model, Questionnaire, Text,
};

use crate::input;
use crate::{Format, Status};

/// The emergency number shown with danger signs. The CLI has no country; 112 works
/// across the EU (the widget picks the number from the helpline directory).
const EMERGENCY: &str = "112";

/// The closing sentence of every text result.
pub const NOT_A_FINDING: &str = "These are signs of risk, not a finding about any person.";

/// Arguments of `score`.
#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("marks").required(true).args(["answers", "indicators"])))]
pub struct Args {
    /// The questionnaire (TOML source or compiled JSON).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Answers: a JSON object from question id to "yes", "no", "unsure", "declined",
    /// an option id, or a list of option ids.
    #[arg(long, value_name = "ANSWERS.json")]
    pub answers: Option<PathBuf>,
    /// Mark these indicators present directly instead of answering (comma-separated ids).
    #[arg(long, value_name = "ID,ID,…", value_delimiter = ',')]
    pub indicators: Option<Vec<String>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of the questionnaire's texts in text output (default: its default language).
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
}

/// Scores and prints the result.
pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    let Some(questionnaire) = input::load_questionnaire(&args.file, "score", "", None, err)? else {
        return Ok(Status::Invalid);
    };
    let Some(lang) = language(&questionnaire, args.lang.as_deref(), err)? else {
        return Ok(Status::Invalid);
    };
    let evaluation = match (&args.answers, &args.indicators) {
        (Some(path), _) => match read_answers(&questionnaire, path, err)? {
            Some(answers) => score(&questionnaire, &answers),
            None => return Ok(Status::Invalid),
        },
        (None, Some(ids)) => match marked_indicators(&questionnaire, ids, err)? {
            Some(marked) => score_indicators(&questionnaire, &marked),
            None => return Ok(Status::Invalid),
        },
        // clap requires one of the two; this is only here to never panic.
        (None, None) => anyhow::bail!("give --answers ANSWERS.json or --indicators ID,…"),
    };
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&evaluation)?)?,
        Format::Text => {
            let direct = args.answers.is_none();
            write_text(out, &questionnaire, &evaluation, lang, direct)?;
        }
    }
    Ok(Status::Success)
}

/// The language to show texts in: `requested` if the questionnaire ships it.
fn language<'q>(
    questionnaire: &'q Questionnaire,
    requested: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<&'q str>> {
    let Some(requested) = requested else {
        return Ok(Some(&questionnaire.default_language));
    };
    if let Some(lang) = questionnaire.languages.iter().find(|l| *l == requested) {
        return Ok(Some(lang));
    }
    let known = questionnaire.languages.join(", ");
    let d = Diagnostic::error(
        "unknown-language",
        FieldPath::root(),
        format!(
            "questionnaire `{}` has no language `{requested}`; it has {known}",
            questionnaire.id
        ),
    )
    .maybe_hint(
        nearest(
            requested,
            questionnaire.languages.iter().map(String::as_str),
        )
        .map(|n| format!("did you mean `{n}`?")),
    );
    writeln!(err, "{}", d.render("--lang"))?;
    Ok(None)
}

/// Reads and checks the answers file; `None` after printing its problems.
fn read_answers(
    questionnaire: &Questionnaire,
    path: &Path,
    err: &mut dyn Write,
) -> anyhow::Result<Option<Answers>> {
    let name = input::name(path);
    let text = input::read(path)?;
    const SHAPE: &str = "answers are a JSON object from question id to \"yes\", \"no\", \
                         \"unsure\", \"declined\", an option id, or a list of option ids";
    let object = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(object)) => object,
        Ok(_) => {
            let d = Diagnostic::error("bad-answers", FieldPath::root(), "not a JSON object")
                .hint(SHAPE);
            writeln!(err, "{}", d.render(&name))?;
            return Ok(None);
        }
        Err(e) => {
            let mut d = Diagnostic::error("syntax", FieldPath::root(), e.to_string()).hint(SHAPE);
            d.location = Some(Location {
                line: e.line(),
                column: e.column(),
            });
            writeln!(err, "{}", d.render(&name))?;
            return Ok(None);
        }
    };

    // Each answer's JSON shape first, so that one bad value does not hide the others.
    let mut answers = Answers::new();
    let mut problems = Vec::new();
    for (id, value) in object {
        match serde_json::from_value::<Answer>(value) {
            Ok(answer) => {
                answers.insert(id, answer);
            }
            Err(_) => problems.push((
                id,
                "expected \"yes\", \"no\", \"unsure\", \"declined\", an option id, or a list of option ids"
                    .to_owned(),
            )),
        }
    }
    problems.extend(check_answers(questionnaire, &answers));
    if !problems.is_empty() {
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|(id, message)| {
                let mut d = Diagnostic::error("bad-answer", FieldPath::root().key(&id), message)
                    .subject(format!("question `{id}`"));
                d.location = locate_key(&text, &id);
                d
            })
            .collect();
        diagnostics.sort_by_key(|d| d.location);
        for d in &diagnostics {
            writeln!(err, "{}", d.render(&name))?;
        }
        writeln!(err, "{}", input::summary(&name, diagnostics.len(), 0))?;
        return Ok(None);
    }

    let shown: BTreeSet<&str> = visible_questions(questionnaire, &answers)
        .into_iter()
        .map(|i| questionnaire.questions[i].id.as_str())
        .collect();
    for id in answers.keys().filter(|id| !shown.contains(id.as_str())) {
        let mut d = Diagnostic::warning(
            "hidden-answer",
            FieldPath::root().key(id),
            "this question is not asked with these answers (its condition does not hold), so its answer is ignored",
        )
        .subject(format!("question `{id}`"));
        d.location = locate_key(&text, id);
        writeln!(err, "{}", d.render(&name))?;
    }
    Ok(Some(answers))
}

/// Where the key `"id"` of a JSON object is: the first `"id"` followed by `:`.
fn locate_key(text: &str, id: &str) -> Option<Location> {
    let quoted = format!("\"{id}\"");
    text.match_indices(&quoted)
        .find(|(at, _)| text[at + quoted.len()..].trim_start().starts_with(':'))
        .map(|(at, _)| Location::of_offset(text, at))
}

/// The ids given to `--indicators`, all known; `None` after printing the unknown ones.
fn marked_indicators(
    questionnaire: &Questionnaire,
    ids: &[String],
    err: &mut dyn Write,
) -> anyhow::Result<Option<BTreeSet<String>>> {
    let mut marked = BTreeSet::new();
    let mut unknown = 0;
    for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
        if questionnaire.indicator(id).is_some() {
            marked.insert(id.to_owned());
            continue;
        }
        unknown += 1;
        let known = questionnaire.indicators.iter().map(|i| i.id.as_str());
        let d = Diagnostic::error(
            "unknown-indicator",
            FieldPath::root(),
            format!(
                "questionnaire `{}` has no indicator `{id}`",
                questionnaire.id
            ),
        )
        .maybe_hint(nearest(id, known).map(|n| format!("did you mean `{n}`?")));
        writeln!(err, "{}", d.render("--indicators"))?;
    }
    Ok((unknown == 0).then_some(marked))
}

/// The result for a caseworker, in `lang`. `direct`: indicators were given directly.
pub fn write_text(
    out: &mut dyn Write,
    q: &Questionnaire,
    e: &Evaluation,
    lang: &str,
    direct: bool,
) -> std::io::Result<()> {
    let t = |text: &'_ Text| -> String { text.get_or(lang, &q.default_language).to_owned() };
    let question_text = |id: &str| q.question(id).map_or_else(|| id.to_owned(), |x| t(&x.text));

    // Emergency help before anything else.
    if e.danger {
        let labels: Vec<String> = e
            .danger_indicators
            .iter()
            .map(|id| {
                q.indicator(id)
                    .map_or_else(|| id.to_string(), |i| t(&i.label))
            })
            .collect();
        writeln!(out, "Immediate danger signs: {}.", labels.join("; "))?;
        writeln!(
            out,
            "Call {EMERGENCY} now if anyone is in immediate danger ({EMERGENCY} is the emergency number across the EU)."
        )?;
        writeln!(out)?;
    }

    writeln!(out, "{}", t(&q.title))?;
    if let Some(band) = q.band(&e.level) {
        writeln!(out, "Level: {}", t(&band.label))?;
        writeln!(out, "{}", t(&band.advice))?;
    }
    if let Some(score) = e.score {
        writeln!(out, "Score: {score}")?;
    }
    // Why this level, when a rule above the model set it.
    let label = |id: &str| {
        q.indicator(id)
            .map_or_else(|| id.to_owned(), |i| t(&i.label))
    };
    if !e.lifted_by.is_empty() {
        let signs: Vec<String> = e.lifted_by.iter().map(|id| label(id)).collect();
        writeln!(
            out,
            "Why this level: serious enough on its own (severity floor): {}",
            signs.join("; ")
        )?;
    }
    if !e.lifted_by_unsure.is_empty() {
        let checks: Vec<String> = e
            .lifted_by_unsure
            .iter()
            .map(|id| question_text(id))
            .collect();
        writeln!(
            out,
            "Why this level: left open, so the result cannot be lower (unsure floor): {}",
            checks.join("; ")
        )?;
    }
    if e.undetermined {
        writeln!(out, "Why this level: at least as many questions were left open as were answered, too few to tell.")?;
    }

    writeln!(out)?;
    if e.present.is_empty() {
        writeln!(out, "Signs of risk found: none")?;
    } else {
        writeln!(out, "Signs of risk found")?;
        if direct {
            writeln!(
                out,
                "  (marked directly with --indicators, not from answers)"
            )?;
        }
        for concern in e.concerns(q) {
            let dimension = concern.dimension;
            writeln!(out, "  {}", t(&dimension.label))?;
            if let Some(advice) = &dimension.advice {
                writeln!(out, "    Advice: {}", t(advice))?;
            }
            for indicator in concern.indicators {
                writeln!(out, "    - {}", t(&indicator.label))?;
                let mut seen = BTreeSet::new();
                for evidence in e.evidence.iter().filter(|x| x.indicator == indicator.id) {
                    if seen.insert(evidence.question.as_str()) {
                        writeln!(out, "      asked: {}", question_text(&evidence.question))?;
                    }
                }
                if let Some(advice) = &indicator.advice {
                    writeln!(out, "      advice: {}", t(advice))?;
                }
            }
        }
    }

    if q.scoring.model == Model::Ilo {
        if let Some(dimensions) = &e.dimensions {
            let route = e.route.as_deref().and_then(|id| q.route(id));
            let pattern = q.pattern_of(e.route.as_deref());
            writeln!(out)?;
            if let Some(route) = route {
                writeln!(out, "Indicator set and rule: {}", t(&route.label))?;
            }
            writeln!(
                out,
                "ILO dimensions (strong, medium and weak signs found; positive or negative)"
            )?;
            for dimension in &q.dimensions {
                let Some(r) = dimensions.get(&dimension.id) else {
                    continue;
                };
                let in_pattern = pattern.iter().flatten().any(|d| *d == dimension.id);
                let reinforcing = route.is_some_and(|r| r.reinforcing.contains(&dimension.id));
                writeln!(
                    out,
                    "  {}: {} strong, {} medium, {} weak: {}{}",
                    t(&dimension.label),
                    r.strong,
                    r.medium,
                    r.weak,
                    if r.positive { "positive" } else { "negative" },
                    if in_pattern {
                        ""
                    } else if reinforcing {
                        " (reinforcing: never completes the pattern)"
                    } else {
                        " (not part of the pattern)"
                    }
                )?;
            }
            let parts = e.pattern_parts.as_deref().unwrap_or_default();
            for (part, met) in pattern.iter().zip(parts) {
                let names: Vec<String> = part
                    .iter()
                    .map(|id| q.dimension(id).map_or_else(|| id.clone(), |d| t(&d.label)))
                    .collect();
                writeln!(
                    out,
                    "  needs one positive of: {}: {}",
                    names.join(" / "),
                    if *met { "yes" } else { "no" }
                )?;
            }
            if e.pattern_met == Some(true) {
                writeln!(out, "The signs match the ILO pattern.")?;
            } else {
                writeln!(out, "The signs do not match the ILO pattern.")?;
            }
        }
    }

    if !e.unsure_danger.is_empty() {
        writeln!(out)?;
        writeln!(out, "Left open, and it matters for safety")?;
        for id in &e.unsure_danger {
            writeln!(out, "  - {}", question_text(id))?;
            if let Some(guidance) = q.question(id).and_then(|x| x.if_unsure.as_ref()) {
                writeln!(out, "    To find out: {}", t(guidance))?;
            }
        }
    }
    let ordinary: Vec<&riskscreen_core::Id> = e
        .unsure
        .iter()
        .filter(|id| !e.unsure_danger.contains(id))
        .collect();
    if !ordinary.is_empty() {
        writeln!(out)?;
        writeln!(out, "Answered 'not sure'")?;
        for id in ordinary {
            writeln!(out, "  - {}", question_text(id))?;
            if let Some(guidance) = q.question(id).and_then(|x| x.if_unsure.as_ref()) {
                writeln!(out, "    To find out: {}", t(guidance))?;
            }
        }
    }
    if e.declined.iter().any(|id| !e.unsure_danger.contains(id)) {
        writeln!(out)?;
        writeln!(out, "Declined to answer")?;
        for id in e.declined.iter().filter(|id| !e.unsure_danger.contains(id)) {
            writeln!(out, "  - {}", question_text(id))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "{NOT_A_FINDING}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::locate_key;
    use riskscreen_core::Location;

    #[test]
    fn locates_keys_not_values() {
        let text = "{\n  \"a\": \"passport\",\n  \"passport\": \"yes\"\n}";
        assert_eq!(
            locate_key(text, "passport"),
            Some(Location { line: 3, column: 3 })
        );
        assert_eq!(locate_key(text, "missing"), None);
    }
}
