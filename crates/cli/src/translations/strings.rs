//! Every user-facing string of a questionnaire or of the helpline directory, under a
//! stable key built from ids.
//!
//! The walk is the one `riskscreen_core::validate` makes (`all_texts`) and the
//! helpline directory's `validate_directory`, in the same order, but keyed by ids
//! rather than array indexes, so a key survives reordering and insertions:
//!
//! | key | string |
//! | --- | --- |
//! | `title`, `description` | the questionnaire's |
//! | `dimension.<id>.label`, `dimension.<id>.advice` | a theme |
//! | `indicator.<id>.label`, `indicator.<id>.advice` | a warning sign (ids may contain dots) |
//! | `section.<id>.title`, `section.<id>.intro` | a section |
//! | `question.<id>.text`, `.why`, `.if_unsure` | a question |
//! | `question.<id>.option.<option id>.label` | an answer option |
//! | `band.<id>.label`, `band.<id>.advice` | a result level |
//! | `country.<code>.name` | the directory's countries |
//! | `helpline.<id>.name`, `helpline.<id>.hours` | a helpline |
//!
//! Each string also gets a [`Place`] (where its table is in the TOML, for `import`)
//! and extracted comments for translators.

use std::collections::BTreeSet;

use riskscreen_core::helplines::Directory;
use riskscreen_core::{Audience, Question, QuestionKind, Questionnaire, Text};

/// Where a string's table is in the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A top-level key (`title`).
    Root(&'static str),
    /// `field` of the element of array `array` whose `id_key` is `id`
    /// (`[[question]] id = "q1"` → `text`).
    Element {
        /// The array of tables (`question`).
        array: &'static str,
        /// The key that identifies an element (`id`, or `code` for countries).
        id_key: &'static str,
        /// The element's id.
        id: String,
        /// The text's key in the element.
        field: &'static str,
    },
    /// The label of option `option` of question `question`.
    OptionLabel {
        /// The question's id.
        question: String,
        /// The option's id.
        option: String,
    },
}

/// One user-facing string.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The stable key (PO `msgctxt`).
    pub key: String,
    /// Where it is in the TOML.
    pub place: Place,
    /// Its texts by language.
    pub text: Text,
    /// Context for translators (PO `#.` comments).
    pub context: Vec<String>,
}

/// The strings of one file.
#[derive(Debug, Clone)]
pub struct Strings {
    /// What the file is, for headers: "questionnaire self-check 0.1.0" or "helpline directory".
    pub describe: String,
    /// Who reads the strings, for translators.
    pub audience: String,
    /// The source language.
    pub default_language: String,
    /// The declared languages.
    pub languages: Vec<String>,
    /// Every string, in file order.
    pub entries: Vec<Entry>,
}

impl Strings {
    /// The entry with key `key`.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Keys used by more than one string (only in a file with duplicate ids, which
    /// does not validate): such a key cannot be translated safely.
    pub fn duplicate_keys(&self) -> Vec<&str> {
        let mut seen = BTreeSet::new();
        let mut dups = BTreeSet::new();
        for e in &self.entries {
            if !seen.insert(e.key.as_str()) {
                dups.insert(e.key.as_str());
            }
        }
        dups.into_iter().collect()
    }

    /// Every language some string has a text in, besides the declared ones.
    pub fn languages_used(&self) -> BTreeSet<&str> {
        self.entries
            .iter()
            .flat_map(|e| e.text.0.keys().map(String::as_str))
            .collect()
    }
}

/// The source text of `text`: its text in `lang`, if not blank.
pub fn non_blank<'t>(text: &'t Text, lang: &str) -> Option<&'t str> {
    text.get(lang).filter(|s| !s.trim().is_empty())
}

/// Shortens `s` to about `max` characters for a comment.
fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut cut: String = s.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// The strings of a questionnaire, in the order `validate` lists them.
pub fn of_questionnaire(q: &Questionnaire) -> Strings {
    let lang = q.default_language.as_str();
    let src = |t: &Text| short(t.get_or(lang, lang), 120);
    let mut entries = Vec::new();
    let mut push = |key: String, place: Place, text: &Text, context: Vec<String>| {
        entries.push(Entry {
            key,
            place,
            text: text.clone(),
            context,
        });
    };
    push(
        "title".into(),
        Place::Root("title"),
        &q.title,
        vec!["Title of the questionnaire, on the start screen.".into()],
    );
    push(
        "description".into(),
        Place::Root("description"),
        &q.description,
        vec!["Description of the questionnaire, on the start screen.".into()],
    );
    let element = |array, id: &str, field| Place::Element {
        array,
        id_key: "id",
        id: id.to_owned(),
        field,
    };
    for d in &q.dimensions {
        push(
            format!("dimension.{}.label", d.id),
            element("dimension", &d.id, "label"),
            &d.label,
            vec!["Name of a theme: groups the warning signs in the result.".into()],
        );
        if let Some(advice) = &d.advice {
            push(
                format!("dimension.{}.advice", d.id),
                element("dimension", &d.id, "advice"),
                advice,
                vec![format!(
                    "Advice shown under the theme \"{}\" when any of its warning signs is present.",
                    src(&d.label)
                )],
            );
        }
    }
    for i in &q.indicators {
        let theme = q
            .dimensions
            .iter()
            .find(|d| d.id == i.dimension)
            .map_or_else(|| i.dimension.clone(), |d| src(&d.label));
        let mut context = vec![format!(
            "Warning sign, listed in the result under the theme \"{theme}\"."
        )];
        if i.danger {
            context.push("A danger sign: the result shows emergency help first.".into());
        }
        push(
            format!("indicator.{}.label", i.id),
            element("indicator", &i.id, "label"),
            &i.label,
            context,
        );
        if let Some(advice) = &i.advice {
            push(
                format!("indicator.{}.advice", i.id),
                element("indicator", &i.id, "advice"),
                advice,
                vec![format!(
                    "Advice shown when this warning sign is present: \"{}\"",
                    src(&i.label)
                )],
            );
        }
    }
    for s in &q.sections {
        push(
            format!("section.{}.title", s.id),
            element("section", &s.id, "title"),
            &s.title,
            vec!["Heading of a section of questions.".into()],
        );
        if let Some(intro) = &s.intro {
            let what = if q.audience == Audience::Intake {
                "Interview guidance for the caseworker"
            } else {
                "Introduction"
            };
            push(
                format!("section.{}.intro", s.id),
                element("section", &s.id, "intro"),
                intro,
                vec![format!(
                    "{what} at the start of the section \"{}\".",
                    src(&s.title)
                )],
            );
        }
    }
    for x in &q.questions {
        let section = q
            .sections
            .iter()
            .find(|s| s.id == x.section)
            .map_or_else(|| x.section.clone(), |s| src(&s.title));
        push(
            format!("question.{}.text", x.id),
            element("question", &x.id, "text"),
            &x.text,
            vec![format!(
                "Question ({}) in the section \"{section}\".",
                kind_words(x)
            )],
        );
        let question = src(&x.text);
        if let Some(why) = &x.why {
            push(
                format!("question.{}.why", x.id),
                element("question", &x.id, "why"),
                why,
                vec![format!(
                    "\"Why we ask\", shown under the question: \"{question}\""
                )],
            );
        }
        if let Some(unsure) = &x.if_unsure {
            push(
                format!("question.{}.if_unsure", x.id),
                element("question", &x.id, "if_unsure"),
                unsure,
                vec![format!(
                    "What to find out, shown in the result after \"I'm not sure\" to the question: \"{question}\""
                )],
            );
        }
        for o in &x.options {
            let mut context = vec![format!("Answer option of the question: \"{question}\"")];
            if o.exclusive {
                context.push(
                    "Choosing this option clears the others (e.g. \"none of these\").".into(),
                );
            }
            push(
                format!("question.{}.option.{}.label", x.id, o.id),
                Place::OptionLabel {
                    question: x.id.clone(),
                    option: o.id.clone(),
                },
                &o.label,
                context,
            );
        }
    }
    let bands = q.bands.len();
    for (n, b) in q.bands.iter().enumerate() {
        push(
            format!("band.{}.label", b.id),
            element("band", &b.id, "label"),
            &b.label,
            vec![format!(
                "Result level {} of {bands}, from the least concern to the most. Plain words, never a verdict about a person.",
                n + 1
            )],
        );
        push(
            format!("band.{}.advice", b.id),
            element("band", &b.id, "advice"),
            &b.advice,
            vec![format!(
                "What to do, shown with the result level \"{}\".",
                src(&b.label)
            )],
        );
    }
    let audience = match q.audience {
        Audience::SelfCheck => {
            "Read by a person on their own, on their own phone, possibly under stress: plain, calm, neutral words."
        }
        Audience::Intake => "Read by a caseworker who asks the questions in an interview.",
        Audience::Platform => "Read by a moderator who checks an offer before it is published.",
    };
    Strings {
        describe: format!("questionnaire {} {}", q.id, q.version),
        audience: audience.to_owned(),
        default_language: q.default_language.clone(),
        languages: q.languages.clone(),
        entries,
    }
}

fn kind_words(q: &Question) -> &'static str {
    match q.kind {
        QuestionKind::YesNo => "yes/no",
        QuestionKind::SingleChoice => "single choice: one answer",
        QuestionKind::MultipleChoice => "multiple choice: any number of answers",
    }
}

/// The strings of the helpline directory, in the order `validate_directory` checks them.
pub fn of_directory(dir: &Directory) -> Strings {
    let lang = dir.default_language.as_str();
    let mut entries = Vec::new();
    for c in &dir.countries {
        entries.push(Entry {
            key: format!("country.{}.name", c.code),
            place: Place::Element {
                array: "country",
                id_key: "code",
                id: c.code.clone(),
                field: "name",
            },
            text: c.name.clone(),
            context: vec![format!(
                "Name of a country (code {}), in the list \"Where are you now?\".",
                c.code
            )],
        });
    }
    for h in &dir.helplines {
        let country = dir.country(&h.country).map_or_else(
            || h.country.clone(),
            |c| c.name.get_or(lang, lang).to_owned(),
        );
        let element = |field| Place::Element {
            array: "helpline",
            id_key: "id",
            id: h.id.clone(),
            field,
        };
        entries.push(Entry {
            key: format!("helpline.{}.name", h.id),
            place: element("name"),
            text: h.name.clone(),
            context: vec![format!(
                "Name of a helpline ({country}, number {}): who runs it or what it is for.",
                h.number
            )],
        });
        if let Some(hours) = &h.hours {
            entries.push(Entry {
                key: format!("helpline.{}.hours", h.id),
                place: element("hours"),
                text: hours.clone(),
                context: vec![format!(
                    "When the helpline \"{}\" answers; shown after \"Hours:\".",
                    short(h.name.get_or(lang, lang), 80)
                )],
            });
        }
    }
    Strings {
        describe: "helpline directory".into(),
        audience: "Read by a person looking for help, possibly in danger: short, exact words."
            .into(),
        default_language: dir.default_language.clone(),
        languages: dir.languages.clone(),
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_cuts_at_a_word() {
        assert_eq!(short("  a few words  ", 20), "a few words");
        assert_eq!(short("one two three four", 10), "one two…");
        assert_eq!(short("Перевірте пропозицію", 12), "Перевірте…");
    }
}
