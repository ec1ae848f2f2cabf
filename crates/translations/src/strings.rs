//! Every user-facing string of a questionnaire or of the helpline directory, under a
//! stable key built from ids.
//!
//! The strings are the texts of the core's one walk, [`Questionnaire::texts`] and
//! [`Directory::texts`] (the walk the validator checks and the language split
//! uses), in its order and under its keys, built from ids rather than array
//! indexes, so a key survives reordering and insertions:
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
//! and extracted comments for translators, both from the element the walk names
//! and the text's field. The routes' labels (`route.<id>.label`, in
//! `[[scoring.route]]` inside `[scoring]`) are left out: [`Place`] cannot address
//! a table nested in another yet, so `import` could not write them back.

use std::collections::BTreeSet;

use riskscreen_core::helplines::{Directory, DirectoryOwner, Helpline};
use riskscreen_core::texts::{Owner, TextEntry};
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

/// The strings of a questionnaire, in the order of [`Questionnaire::texts`] (the
/// validator's), less those [`place`] cannot write back.
pub fn of_questionnaire(q: &Questionnaire) -> Strings {
    let entries = q
        .texts()
        .into_iter()
        .filter_map(|e| {
            Some(Entry {
                place: place(&e)?,
                context: context(q, &e),
                key: e.key,
                text: e.text.clone(),
            })
        })
        .collect();
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

/// Where a questionnaire's text is in the TOML, for `import`; `None` for the
/// routes' labels, in `[[scoring.route]]` inside `[scoring]`, which the editor
/// cannot address yet (they are left out of the translation files).
fn place(e: &TextEntry<'_>) -> Option<Place> {
    let element = |array, id: &str| Place::Element {
        array,
        id_key: "id",
        id: id.to_owned(),
        field: e.field,
    };
    Some(match e.owner {
        Owner::Questionnaire => Place::Root(e.field),
        Owner::Dimension(d) => element("dimension", &d.id),
        Owner::Indicator(i) => element("indicator", &i.id),
        Owner::Section(s) => element("section", &s.id),
        Owner::Question(x) => element("question", &x.id),
        Owner::AnswerOption(x, o) => Place::OptionLabel {
            question: x.id.clone(),
            option: o.id.clone(),
        },
        Owner::Route(_) => return None,
        Owner::Band(_, b) => element("band", &b.id),
    })
}

/// What translators are told about a questionnaire's text (none for a text this
/// does not know yet).
fn context(q: &Questionnaire, e: &TextEntry<'_>) -> Vec<String> {
    let lang = q.default_language.as_str();
    let src = |t: &Text| short(t.get_or(lang, lang), 120);
    match (e.owner, e.field) {
        (Owner::Questionnaire, "title") => {
            vec!["Title of the questionnaire, on the start screen.".into()]
        }
        (Owner::Questionnaire, "description") => {
            vec!["Description of the questionnaire, on the start screen.".into()]
        }
        (Owner::Dimension(_), "label") => {
            vec!["Name of a theme: groups the warning signs in the result.".into()]
        }
        (Owner::Dimension(d), "advice") => vec![format!(
            "Advice shown under the theme \"{}\" when any of its warning signs is present.",
            src(&d.label)
        )],
        (Owner::Indicator(i), "label") => {
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
            context
        }
        (Owner::Indicator(i), "advice") => vec![format!(
            "Advice shown when this warning sign is present: \"{}\"",
            src(&i.label)
        )],
        (Owner::Section(_), "title") => vec!["Heading of a section of questions.".into()],
        (Owner::Section(s), "intro") => {
            let what = if q.audience == Audience::Intake {
                "Interview guidance for the caseworker"
            } else {
                "Introduction"
            };
            vec![format!(
                "{what} at the start of the section \"{}\".",
                src(&s.title)
            )]
        }
        (Owner::Question(x), "text") => {
            let section = q
                .sections
                .iter()
                .find(|s| s.id == x.section)
                .map_or_else(|| x.section.clone(), |s| src(&s.title));
            vec![format!(
                "Question ({}) in the section \"{section}\".",
                kind_words(x)
            )]
        }
        (Owner::Question(x), "why") => vec![format!(
            "\"Why we ask\", shown under the question: \"{}\"",
            src(&x.text)
        )],
        (Owner::Question(x), "if_unsure") => vec![format!(
            "What to find out, shown in the result after \"I'm not sure\" to the question: \"{}\"",
            src(&x.text)
        )],
        (Owner::AnswerOption(x, o), _) => {
            let mut context = vec![format!(
                "Answer option of the question: \"{}\"",
                src(&x.text)
            )];
            if o.exclusive {
                context.push(
                    "Choosing this option clears the others (e.g. \"none of these\").".into(),
                );
            }
            context
        }
        (Owner::Band(n, _), "label") => vec![format!(
            "Result level {} of {}, from the least concern to the most. Plain words, never a verdict about a person.",
            n + 1,
            q.bands.len()
        )],
        (Owner::Band(_, b), "advice") => vec![format!(
            "What to do, shown with the result level \"{}\".",
            src(&b.label)
        )],
        _ => Vec::new(),
    }
}

fn kind_words(q: &Question) -> &'static str {
    match q.kind {
        QuestionKind::YesNo => "yes/no",
        QuestionKind::SingleChoice => "single choice: one answer",
        QuestionKind::MultipleChoice => "multiple choice: any number of answers",
    }
}

/// The strings of the helpline directory, in the order of [`Directory::texts`]
/// (the one `validate_directory` checks them in).
pub fn of_directory(dir: &Directory) -> Strings {
    let lang = dir.default_language.as_str();
    let entries = dir
        .texts()
        .into_iter()
        .map(|e| {
            let (place, context) = match e.owner {
                DirectoryOwner::Country(c) => (
                    Place::Element {
                        array: "country",
                        id_key: "code",
                        id: c.code.clone(),
                        field: e.field,
                    },
                    vec![format!(
                        "Name of a country (code {}), in the list \"Where are you now?\".",
                        c.code
                    )],
                ),
                DirectoryOwner::Helpline(h) => (
                    Place::Element {
                        array: "helpline",
                        id_key: "id",
                        id: h.id.clone(),
                        field: e.field,
                    },
                    helpline_context(dir, h, e.field, lang),
                ),
            };
            Entry {
                key: e.key,
                place,
                text: e.text.clone(),
                context,
            }
        })
        .collect();
    Strings {
        describe: "helpline directory".into(),
        audience: "Read by a person looking for help, possibly in danger: short, exact words."
            .into(),
        default_language: dir.default_language.clone(),
        languages: dir.languages.clone(),
        entries,
    }
}

/// What translators are told about text `field` of helpline `h`.
fn helpline_context(dir: &Directory, h: &Helpline, field: &str, lang: &str) -> Vec<String> {
    match field {
        "name" => {
            let country = dir.country(&h.country).map_or_else(
                || h.country.clone(),
                |c| c.name.get_or(lang, lang).to_owned(),
            );
            vec![format!(
                "Name of a helpline ({country}, number {}): who runs it or what it is for.",
                h.number
            )]
        }
        "hours" => vec![format!(
            "When the helpline \"{}\" answers; shown after \"Hours:\".",
            short(h.name.get_or(lang, lang), 80)
        )],
        _ => Vec::new(),
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
