//! The shipped questionnaires: every `questionnaires/*.toml` loads without errors, every
//! indicator and helpline cites a source, and `ngo-intake.toml` carries exactly the ILO
//! reference list (ids, dimensions, strengths), every indicator of which some answer
//! reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use riskscreen_core::{
    load_helplines_toml, load_toml, score, Answer, Answers, Condition, QuestionKind, Questionnaire,
};

fn questionnaires_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../questionnaires")
}

const HELPLINES: &str = "helplines.toml";

/// The six ILO dimensions of the adult labour list.
const ILO_DIMENSIONS: [&str; 6] = [
    "deceptive_recruitment",
    "coercive_recruitment",
    "recruitment_abuse_of_vulnerability",
    "exploitative_conditions",
    "coercion_at_destination",
    "abuse_of_vulnerability_at_destination",
];

/// `questionnaires/*.toml` (not the reference lists below it), helplines excluded.
fn questionnaire_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(questionnaires_dir())
        .expect("questionnaires/")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| !p.ends_with(HELPLINES))
        .collect();
    files.sort();
    files
}

/// The one helper: loads a questionnaire, or every error rendered.
fn load(path: &Path) -> Result<Questionnaire, String> {
    let name = format!(
        "questionnaires/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
    );
    let source = fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    load_toml(&name, &source)
        .into_result(&name)
        .map(|(q, _warnings)| q)
        .map_err(|e| e.to_string())
}

#[test]
fn every_questionnaire_and_the_helpline_directory_load_without_errors() {
    let files = questionnaire_files();
    assert!(!files.is_empty(), "no questionnaires/*.toml");
    let mut failures: Vec<String> = files.iter().filter_map(|p| load(p).err()).collect();
    let helplines = questionnaires_dir().join(HELPLINES);
    if helplines.exists() {
        let source = fs::read_to_string(&helplines).expect("helplines.toml");
        let name = "questionnaires/helplines.toml";
        if let Err(e) = load_helplines_toml(name, &source).into_result(name) {
            failures.push(e.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_indicator_and_every_helpline_cites_a_declared_source() {
    let mut problems = Vec::new();
    let mut indicators = 0;
    for path in questionnaire_files() {
        let Ok(q) = load(&path) else { continue }; // reported by the test above
        let declared: BTreeSet<&str> = q.sources.iter().map(|s| s.id.as_str()).collect();
        for indicator in &q.indicators {
            indicators += 1;
            if indicator.sources.is_empty()
                || indicator
                    .sources
                    .iter()
                    .any(|s| !declared.contains(s.as_str()))
            {
                problems.push(format!(
                    "{}: indicator `{}` sources {:?}",
                    path.display(),
                    indicator.id,
                    indicator.sources
                ));
            }
        }
    }
    assert!(indicators > 0, "no indicators found at all");
    let helplines = questionnaires_dir().join(HELPLINES);
    if helplines.exists() {
        let source = fs::read_to_string(&helplines).expect("helplines.toml");
        if let Some(directory) =
            load_helplines_toml("questionnaires/helplines.toml", &source).into_usable()
        {
            let declared: BTreeSet<&str> =
                directory.sources.iter().map(|s| s.id.as_str()).collect();
            for line in &directory.helplines {
                let checked = &line.verification.checked;
                let is_date = checked.len() == 10
                    && checked.char_indices().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            c == '-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                if line.sources.is_empty()
                    || line.sources.iter().any(|s| !declared.contains(s.as_str()))
                    || !is_date
                {
                    problems.push(format!(
                        "helpline `{}`: sources {:?}, checked {checked:?}",
                        line.id, line.sources
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// (id, dimension, strength) of every indicator in the ILO reference list.
fn ilo_reference() -> BTreeSet<(String, String, String)> {
    let path = questionnaires_dir().join("reference/ilo-adult-labour-indicators.toml");
    let table: toml::Table = fs::read_to_string(path)
        .expect("reference list")
        .parse()
        .expect("reference list is TOML");
    table["indicator"]
        .as_array()
        .expect("[[indicator]]")
        .iter()
        .map(|i| {
            let field = |k: &str| i[k].as_str().expect(k).to_owned();
            (field("id"), field("dimension"), field("strength"))
        })
        .collect()
}

fn ngo_intake() -> Questionnaire {
    load(&questionnaires_dir().join("ngo-intake.toml")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn ngo_intake_has_exactly_the_67_ilo_indicators_and_extras_only_outside_ilo_dimensions() {
    let reference = ilo_reference();
    assert_eq!(reference.len(), 67, "the reference list itself changed");
    let q = ngo_intake();
    let mut ilo = BTreeSet::new();
    let mut problems = Vec::new();
    for indicator in &q.indicators {
        let strength = serde_json::to_value(indicator.strength).expect("strength");
        let entry = (
            indicator.id.clone(),
            indicator.dimension.clone(),
            strength.as_str().unwrap_or("(none)").to_owned(),
        );
        if ILO_DIMENSIONS.contains(&indicator.dimension.as_str()) {
            if !ilo.insert(entry.clone()) {
                problems.push(format!("{entry:?} twice"));
            }
        } else if reference.iter().any(|(id, _, _)| *id == indicator.id) {
            problems.push(format!("ILO indicator {entry:?} outside its ILO dimension"));
        }
    }
    for missing in reference.difference(&ilo) {
        problems.push(format!("missing or different: {missing:?}"));
    }
    for extra in ilo.difference(&reference) {
        problems.push(format!("not in the reference list: {extra:?}"));
    }
    let declared: BTreeSet<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
    for dimension in ILO_DIMENSIONS {
        if !declared.contains(dimension) {
            problems.push(format!("ILO dimension `{dimension}` is not declared"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every ILO indicator of `ngo-intake` is marked by some complete set of answers: the
/// answer that marks it, plus answers to the questions that conditions look at which
/// make its question shown. Scored for real, so skip logic counts.
#[test]
fn ngo_intake_reaches_every_ilo_indicator_through_some_answers() {
    let q = ngo_intake();
    let gates = condition_values(&q);
    let combinations = combinations(&gates);
    assert!(
        combinations.len() <= 50_000,
        "{} combinations of gate answers; make this test smarter",
        combinations.len()
    );
    let mut unreachable = Vec::new();
    for indicator in &q.indicators {
        if !ILO_DIMENSIONS.contains(&indicator.dimension.as_str()) {
            continue;
        }
        let marking = marking_answers(&q, &indicator.id);
        let reached = marking.iter().any(|(question, answer)| {
            combinations.iter().any(|gate_answers| {
                let mut answers = gate_answers.clone();
                answers.insert(question.clone(), answer.clone());
                score(&q, &answers)
                    .present
                    .iter()
                    .any(|id| *id == indicator.id)
            })
        });
        if !reached {
            unreachable.push(format!("{} (marked by {marking:?})", indicator.id));
        }
    }
    assert!(
        unreachable.is_empty(),
        "no answers reach:\n{}",
        unreachable.join("\n")
    );
}

/// Question id → the values conditions compare it with.
fn condition_values(q: &Questionnaire) -> BTreeMap<String, BTreeSet<String>> {
    fn walk(c: &Condition, out: &mut BTreeMap<String, BTreeSet<String>>) {
        match c {
            Condition::All(list) | Condition::Any(list) => list.iter().for_each(|c| walk(c, out)),
            Condition::Not(inner) => walk(inner, out),
            Condition::Equals(t) | Condition::Includes(t) => {
                out.entry(t.question.clone())
                    .or_default()
                    .insert(t.value.clone());
            }
        }
    }
    let mut out = BTreeMap::new();
    let conditions = q
        .questions
        .iter()
        .filter_map(|x| x.show_if.as_ref())
        .chain(q.sections.iter().filter_map(|s| s.show_if.as_ref()));
    for c in conditions {
        walk(c, &mut out);
    }
    out
}

/// Every way of answering the gate questions with one of their tested values, or not at all.
fn combinations(gates: &BTreeMap<String, BTreeSet<String>>) -> Vec<Answers> {
    let mut all = vec![Answers::new()];
    for (question, values) in gates {
        let mut next = Vec::new();
        for answers in &all {
            next.push(answers.clone());
            for value in values {
                let mut with = answers.clone();
                with.insert(question.clone(), answer_from_word(value));
                next.push(with);
            }
        }
        all = next;
    }
    all
}

fn answer_from_word(word: &str) -> Answer {
    serde_json::from_value(serde_json::Value::String(word.to_owned())).expect("an answer word")
}

/// The (question, answer) pairs that mark `indicator`.
fn marking_answers(q: &Questionnaire, indicator: &str) -> Vec<(String, Answer)> {
    let mut out = Vec::new();
    for question in &q.questions {
        let id = question.id.clone();
        if question.if_yes.iter().any(|i| i == indicator) {
            out.push((id.clone(), Answer::Yes));
        }
        if question.if_no.iter().any(|i| i == indicator) {
            out.push((id.clone(), Answer::No));
        }
        for option in &question.options {
            if option.indicators.iter().any(|i| i == indicator) {
                let answer = match question.kind {
                    QuestionKind::MultipleChoice => {
                        Answer::Choices(BTreeSet::from([option.id.clone()]))
                    }
                    _ => Answer::Choice(option.id.clone()),
                };
                out.push((id.clone(), answer));
            }
        }
    }
    out
}
