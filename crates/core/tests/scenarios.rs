//! Scenarios for the shipped questionnaires: answers in, expected band, danger state
//! and present indicators out (the present indicators decide which theme and sign
//! advice the result shows; the band decides the main advice).
//!
//! Two parts, one helper ([`check`]):
//!
//! - **Fixtures**, written by hand from each questionnaire:
//!   `fixtures/scenarios/<questionnaire-id>/<scenario>.json`,
//!
//!   ```json
//!   { "about": "what this scenario shows",
//!     "answers": { "host_kind": "organisation", "return_what": ["sex"] },
//!     "expect": { "level": "escalate", "danger": true,
//!                 "present": ["asked_in_return.sex_or_favours"], "unsure": [],
//!                 "declined": [] } }
//!   ```
//!
//!   (`declined` may be left out when empty; `present`, `unsure` and `declined`
//!   compare as sets). Each questionnaire has a clearly safe case, each red flag
//!   alone (for `ngo-intake`: one or two per ILO dimension, the generated part
//!   covers all 69), combinations that reach the highest band, every danger
//!   trigger, and "not sure" everywhere.
//! - **Generated** from the questionnaires themselves: for every answer that marks
//!   an indicator, the smallest answer set that shows that question (walking the
//!   gates) must mark exactly that answer's indicators and reach at least the band
//!   the questionnaire intends for them ([`intended_floor`]: the indicator's own
//!   severity floor, `at_least`, or what its weight or strength is meant to
//!   reach); and "not sure" to every shown question that offers it must never
//!   read as the lowest band (issue #10: "not sure" is never "safe"): it gives the
//!   questionnaire's "cannot tell" band (`undetermined = true`) or higher, nothing
//!   present, no danger, and every such question listed as unsure.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use riskscreen_core::{
    check_answers, load_toml, score, visible_questions, Answer, Answers, Condition, Indicator,
    QuestionKind, Questionnaire,
};
use serde::Deserialize;

fn questionnaires_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires")
}

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scenarios")
}

/// Every shipped questionnaire (`questionnaires/<id>.toml`, the helpline directory
/// excluded), loaded once, by id.
fn shipped() -> &'static BTreeMap<String, Result<Questionnaire, String>> {
    static SHIPPED: OnceLock<BTreeMap<String, Result<Questionnaire, String>>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let mut all = BTreeMap::new();
        for entry in fs::read_dir(questionnaires_dir()).expect("questionnaires/") {
            let path = entry.expect("directory entry").path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if path.extension().is_none_or(|e| e != "toml") || stem == "helplines" {
                continue;
            }
            let name = format!("questionnaires/{stem}.toml");
            let loaded = fs::read_to_string(&path)
                .map_err(|e| format!("{name}: {e}"))
                .and_then(|source| {
                    load_toml(&name, &source)
                        .into_result(&name)
                        .map(|(q, _warnings)| q)
                        .map_err(|e| e.to_string())
                })
                .and_then(|q| match q.id == stem {
                    true => Ok(q),
                    false => Err(format!("{name}: id is `{}`, not `{stem}`", q.id)),
                });
            all.insert(stem.to_owned(), loaded);
        }
        all
    })
}

fn questionnaire(id: &str) -> Result<&'static Questionnaire, String> {
    match shipped().get(id) {
        Some(Ok(q)) => Ok(q),
        Some(Err(e)) => Err(e.clone()),
        None => Err(format!("no questionnaires/{id}.toml")),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    /// What the scenario shows, for the reader; not used.
    #[allow(dead_code)]
    about: String,
    answers: Answers,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// The band id.
    level: String,
    danger: bool,
    present: BTreeSet<String>,
    unsure: BTreeSet<String>,
    #[serde(default)]
    declined: BTreeSet<String>,
    /// Generated scenarios only: `level` is the least band, not the exact one.
    #[serde(skip)]
    at_least: bool,
}

/// The one helper: checks `answers` against questionnaire `id` (they must be
/// clean), scores them and compares with `expect`. Returns every difference.
fn check(id: &str, answers: &Answers, expect: &Expect) -> Result<(), String> {
    let q = questionnaire(id)?;
    let problems = check_answers(q, answers);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|(k, m)| format!("{k}: {m}")).collect();
        return Err(format!("answers do not fit: {}", lines.join("; ")));
    }
    let result = score(q, answers);
    let mut diffs = Vec::new();
    let want = q
        .bands
        .iter()
        .position(|b| b.id == expect.level)
        .ok_or_else(|| format!("no band `{}`", expect.level))?;
    let level_ok = match expect.at_least {
        true => result.level_index >= want,
        false => result.level_index == want,
    };
    if !level_ok {
        let how = if expect.at_least { "at least " } else { "" };
        diffs.push(format!(
            "level: expected {how}`{}`, got `{}` (score {:?})",
            expect.level, result.level, result.score
        ));
    }
    if result.danger != expect.danger {
        diffs.push(format!(
            "danger: expected {}, got {} ({:?})",
            expect.danger, result.danger, result.danger_indicators
        ));
    }
    for (what, expected, got) in [
        ("present", &expect.present, &result.present),
        ("unsure", &expect.unsure, &result.unsure),
        ("declined", &expect.declined, &result.declined),
    ] {
        let got: BTreeSet<String> = got.iter().map(|id| id.to_string()).collect();
        if &got != expected {
            let missing: Vec<_> = expected.difference(&got).collect();
            let extra: Vec<_> = got.difference(expected).collect();
            diffs.push(format!("{what}: missing {missing:?}, unexpected {extra:?}"));
        }
    }
    match diffs.is_empty() {
        true => Ok(()),
        false => Err(diffs.join("\n    ")),
    }
}

// ------------------------------------------------------------------ fixtures

#[test]
fn scenario_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    for id in shipped().keys() {
        let dir = scenarios_dir().join(id);
        let Ok(entries) = fs::read_dir(&dir) else {
            failures.push(format!("{id}: no scenarios in {}", dir.display()));
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        let mut danger_seen = BTreeSet::new();
        for path in files {
            count += 1;
            let name = format!("{id}/{}", path.file_name().unwrap().to_string_lossy());
            let scenario: Scenario = match fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            {
                Ok(s) => s,
                Err(e) => {
                    failures.push(format!("{name}: bad scenario file: {e}"));
                    continue;
                }
            };
            if let Err(e) = check(id, &scenario.answers, &scenario.expect) {
                failures.push(format!("{name}:\n    {e}"));
            }
            if scenario.expect.present.len() == 1 {
                danger_seen.extend(scenario.expect.present.iter().cloned());
            }
        }
        // Every danger trigger has a scenario of its own.
        if let Ok(q) = questionnaire(id) {
            for ind in q.indicators.iter().filter(|i| i.danger) {
                if !danger_seen.contains(&ind.id) {
                    failures.push(format!(
                        "{id}: no scenario has danger trigger `{}` alone",
                        ind.id
                    ));
                }
            }
        }
    }
    for dir in fs::read_dir(scenarios_dir()).expect("fixtures/scenarios") {
        let dir = dir.expect("directory entry").file_name();
        let dir = dir.to_string_lossy();
        if !shipped().contains_key(dir.as_ref()) {
            failures.push(format!("scenarios/{dir}: no questionnaires/{dir}.toml"));
        }
    }
    assert!(count > 0, "no scenario fixtures");
    assert!(
        failures.is_empty(),
        "{} of {count} scenarios failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ------------------------------------------------------------------ generated

/// The least band each questionnaire intends for one red flag alone: the higher of
/// the indicator's own severity floor (`at_least`, a rule stated in the file) and
/// what its weight or strength is meant to reach.
fn intended_floor(q: &Questionnaire, ind: &Indicator) -> Result<String, String> {
    let by_model = intended_by_model(q, ind)?;
    let index = |id: &str| {
        q.bands
            .iter()
            .position(|b| b.id == id)
            .ok_or_else(|| format!("no band `{id}`"))
    };
    Ok(match &ind.at_least {
        Some(floor) if index(floor)? > index(by_model)? => floor.clone(),
        _ => by_model.to_owned(),
    })
}

/// What a red flag's weight or strength alone is meant to reach.
fn intended_by_model(q: &Questionnaire, ind: &Indicator) -> Result<&'static str, String> {
    let weight = ind.weight.unwrap_or(0);
    Ok(match q.id.as_str() {
        // A red flag (weight 3) is "some warning signs"; a weak sign (1) alone is not.
        // Strong signs carry weight 0 and a floor; a danger trigger is serious.
        "self-check" if ind.danger => "serious_signs",
        "self-check" if weight >= 3 => "some_signs",
        "self-check" => "no_clear_signs",
        // Any sign asks for more; a strong flag (6) or the danger trigger escalates.
        "platform-offer" if ind.danger || weight >= 6 => "escalate",
        "platform-offer" => "ask_more",
        // One ILO sign alone is recorded, but never makes a dimension positive.
        "ngo-intake" => "some_indicators",
        other => {
            return Err(format!(
                "{other}: add its intended floor to intended_floor()"
            ))
        }
    })
}

/// The answer to `question_id` that a condition's `value` names.
fn answer_for(q: &Questionnaire, question_id: &str, value: &str) -> Option<Answer> {
    let question = q.question(question_id)?;
    Some(match value {
        "yes" => Answer::Yes,
        "no" => Answer::No,
        "unsure" => Answer::Unsure,
        "declined" => Answer::Declined,
        option => match question.kind {
            QuestionKind::MultipleChoice => Answer::Choices(BTreeSet::from([option.to_owned()])),
            _ => Answer::Choice(option.to_owned()),
        },
    })
}

/// Every way to make `condition` hold by adding answers to `base` (each way also
/// shows the questions it answers). `not` adds nothing: the final visibility check
/// rejects the ways where it fails.
fn satisfy(q: &Questionnaire, condition: &Condition, base: Answers) -> Vec<Answers> {
    match condition {
        Condition::All(all) => all.iter().fold(vec![base], |ways, c| {
            ways.into_iter().flat_map(|w| satisfy(q, c, w)).collect()
        }),
        Condition::Any(any) => any
            .iter()
            .flat_map(|c| satisfy(q, c, base.clone()))
            .collect(),
        Condition::Not(_) => vec![base],
        Condition::Equals(test) | Condition::Includes(test) => {
            let Some(wanted) = answer_for(q, &test.question, &test.value) else {
                return Vec::new();
            };
            let mut answers = base;
            let merged = match (answers.get(&test.question), wanted) {
                (None, wanted) => wanted,
                (Some(Answer::Choices(had)), Answer::Choices(add))
                    if matches!(condition, Condition::Includes(_)) =>
                {
                    Answer::Choices(had.union(&add).cloned().collect())
                }
                (Some(had), wanted) if *had == wanted => wanted,
                _ => return Vec::new(),
            };
            answers.insert(test.question.clone(), merged);
            shown(q, &test.question, answers)
        }
    }
}

/// Every way to show `question_id` by adding answers to `base`.
fn shown(q: &Questionnaire, question_id: &str, base: Answers) -> Vec<Answers> {
    let Some(question) = q.question(question_id) else {
        return Vec::new();
    };
    let section = q
        .section(&question.section)
        .and_then(|s| s.show_if.as_ref());
    [section, question.show_if.as_ref()]
        .into_iter()
        .flatten()
        .fold(vec![base], |ways, c| {
            ways.into_iter().flat_map(|w| satisfy(q, c, w)).collect()
        })
}

/// The smallest clean answer set in which `question_id` is shown and answered
/// `answer`, with every answer shown, marking as few indicators as possible.
fn minimal(q: &Questionnaire, question_id: &str, answer: Answer) -> Option<Answers> {
    let base = Answers::from([(question_id.to_owned(), answer)]);
    shown(q, question_id, base)
        .into_iter()
        .filter(|a| check_answers(q, a).is_empty())
        .filter(|a| {
            let visible: BTreeSet<&str> = visible_questions(q, a)
                .into_iter()
                .map(|i| q.questions[i].id.as_str())
                .collect();
            a.keys().all(|k| visible.contains(k.as_str()))
        })
        .min_by_key(|a| (score(q, a).present.len(), a.len()))
}

#[test]
fn every_red_flag_alone_is_present_and_reaches_its_band() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (id, loaded) in shipped() {
        let Ok(q) = loaded else { continue }; // reported by tests/questionnaires.rs
        for question in &q.questions {
            let marking: Vec<(Answer, &[String])> = match question.kind {
                QuestionKind::YesNo => vec![
                    (Answer::Yes, question.if_yes.as_slice()),
                    (Answer::No, question.if_no.as_slice()),
                ],
                QuestionKind::SingleChoice => question
                    .options
                    .iter()
                    .map(|o| (Answer::Choice(o.id.clone()), o.indicators.as_slice()))
                    .collect(),
                QuestionKind::MultipleChoice => question
                    .options
                    .iter()
                    .map(|o| {
                        let one = BTreeSet::from([o.id.clone()]);
                        (Answer::Choices(one), o.indicators.as_slice())
                    })
                    .collect(),
            };
            for (answer, marks) in marking.into_iter().filter(|(_, m)| !m.is_empty()) {
                count += 1;
                let what = format!("{id}: `{}` = {answer:?}", question.id);
                let Some(answers) = minimal(q, &question.id, answer) else {
                    failures.push(format!("{what}: no answer set shows this question"));
                    continue;
                };
                let indicators: Vec<&Indicator> =
                    marks.iter().filter_map(|m| q.indicator(m)).collect();
                let floors: Result<Vec<usize>, String> = indicators
                    .iter()
                    .map(|ind| {
                        let band = intended_floor(q, ind)?;
                        q.bands
                            .iter()
                            .position(|b| b.id == band)
                            .ok_or_else(|| format!("no band `{band}`"))
                    })
                    .collect();
                let floor = match floors {
                    Ok(f) => f.into_iter().max().unwrap_or(0),
                    Err(e) => {
                        failures.push(format!("{what}: {e}"));
                        continue;
                    }
                };
                let expect = Expect {
                    level: q.bands[floor].id.clone(),
                    danger: indicators.iter().any(|i| i.danger),
                    present: marks.iter().cloned().collect(),
                    unsure: answers
                        .iter()
                        .filter(|(_, a)| **a == Answer::Unsure)
                        .map(|(k, _)| k.clone())
                        .collect(),
                    declined: BTreeSet::new(),
                    at_least: true,
                };
                if let Err(e) = check(id, &answers, &expect) {
                    failures.push(format!("{what} with {answers:?}:\n    {e}"));
                }
            }
        }
    }
    assert!(count > 0, "no answer marks any indicator");
    assert!(
        failures.is_empty(),
        "{} of {count} red flags failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// "Not sure" to every shown question that offers it. Where a question does not,
/// the answer that marks nothing and opens the most: "yes" if it marks nothing,
/// every option that marks nothing. Questions are answered in order, so an answer
/// only ever changes which later questions are shown.
fn unsure_everywhere(q: &Questionnaire) -> Result<Answers, String> {
    let mut answers = Answers::new();
    while let Some(i) = visible_questions(q, &answers)
        .into_iter()
        .find(|&i| !answers.contains_key(&q.questions[i].id))
    {
        let question = &q.questions[i];
        let benign = |o: &&riskscreen_core::AnswerOption| o.indicators.is_empty();
        let answer = match question.kind {
            _ if question.allow_unsure => Answer::Unsure,
            QuestionKind::YesNo if question.if_yes.is_empty() => Answer::Yes,
            QuestionKind::YesNo if question.if_no.is_empty() => Answer::No,
            QuestionKind::SingleChoice => match question.options.iter().find(benign) {
                Some(o) => Answer::Choice(o.id.clone()),
                None => return Err(format!("`{}`: every answer marks something", question.id)),
            },
            QuestionKind::MultipleChoice => {
                let open: BTreeSet<String> = question
                    .options
                    .iter()
                    .filter(benign)
                    .filter(|o| !o.exclusive)
                    .map(|o| o.id.clone())
                    .collect();
                match open.is_empty() {
                    false => Answer::Choices(open),
                    true => Answer::Choices(BTreeSet::new()),
                }
            }
            QuestionKind::YesNo => {
                return Err(format!("`{}`: every answer marks something", question.id))
            }
        };
        answers.insert(question.id.clone(), answer);
    }
    Ok(answers)
}

/// Issue #10: "not sure" is never "safe". "Not sure" everywhere must not read as
/// the lowest band: it is the "cannot tell" band (`undetermined = true`, right
/// after the lowest) or higher, for instance through an unsure floor
/// (`unsure_at_least`) on a safety question. (A questionnaire without a "cannot
/// tell" band passes only if its unsure floors lift the result above the lowest.)
#[test]
fn unsure_everywhere_is_never_the_lowest_band_and_lists_every_question() {
    let mut failures = Vec::new();
    for (id, loaded) in shipped() {
        let Ok(q) = loaded else { continue };
        let answers = match unsure_everywhere(q) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{id}: {e}"));
                continue;
            }
        };
        // The "cannot tell" band ranks right after the lowest (the validator keeps it
        // there); without one, any band above the lowest (an unsure floor's).
        let Some(least) = q
            .bands
            .iter()
            .find(|b| b.undetermined)
            .or_else(|| q.bands.get(1))
        else {
            failures.push(format!(
                "{id}: one band only: \"not sure\" everywhere would read as `{}`",
                q.bands[0].id
            ));
            continue;
        };
        let shown: Vec<usize> = visible_questions(q, &answers);
        let expect = Expect {
            level: least.id.clone(),
            danger: false,
            present: BTreeSet::new(),
            unsure: shown
                .iter()
                .map(|&i| &q.questions[i])
                .filter(|question| question.allow_unsure)
                .map(|question| question.id.clone())
                .collect(),
            declined: BTreeSet::new(),
            at_least: true,
        };
        if expect.unsure.is_empty() {
            failures.push(format!("{id}: no question offers \"not sure\""));
        }
        if let Err(e) = check(id, &answers, &expect) {
            failures.push(format!("{id}:\n    {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
