//! One questionnaire or helpline directory, some of its languages: the split
//! that puts one language on the wire, and the merge that adds another one back.
//!
//! The self-check page downloads the questionnaire in the person's language only
//! (`riskscreen compile X.toml --lang uk`, written by `cargo xtask build` as
//! `www/q/<stem>.<lang>.json`): [`Questionnaire::only_languages`] keeps the texts
//! of the languages asked for and, where a text has none of them, the default
//! language's (the widget's fallback rule, [`Text::get_or`], then still finds
//! it). When the person switches language mid-run the widget loads the other
//! language's file and [`Questionnaire::merge_languages`] adds its texts to the
//! questionnaire it runs, after checking that both are the same questionnaire
//! (everything but the texts equal), so the answers stay valid. The helpline
//! directory is split and merged the same way (`q/helplines.<lang>.json`), by
//! the same two functions: a switch of language adds names, never numbers.
//!
//! Both walk the texts through [`Questionnaire::for_each_text`] (and
//! [`Directory::for_each_text`]), which visit every [`Text`] in one fixed order:
//! the split and the merge cannot disagree on what a text is. It is the walk of
//! [`crate::texts`], the one the validator and the translation tools use, so they
//! cannot disagree either.

use crate::helplines::Directory;
use crate::model::{Questionnaire, Text};

impl Questionnaire {
    /// The questionnaire without its authors' notes (on indicators, sources and
    /// routes: what is uncertain or unverified, for whoever edits the file; the
    /// widget never shows them). The per-language files the widget downloads
    /// leave them out, a good part of their size (README, Performance and size);
    /// they stay in the TOML and in the whole compiled file. Two files without
    /// notes compare as [`merge_languages`](Self::merge_languages) expects.
    pub fn without_notes(mut self) -> Questionnaire {
        for indicator in &mut self.indicators {
            indicator.note = None;
        }
        for source in &mut self.sources {
            source.note = None;
        }
        for route in &mut self.scoring.routes {
            route.note = None;
        }
        self
    }

    /// The questionnaire with the texts of `langs` only (those it ships; others
    /// are ignored). A text that has none of them keeps its default-language
    /// text, so nothing is ever blank. `languages` becomes the languages kept, in
    /// the questionnaire's order, and `default_language` stays when it is among
    /// them, else becomes the first of them: the result validates whenever the
    /// source does. With none of `langs` shipped, the result has the default
    /// language only.
    pub fn only_languages(&self, langs: &[&str]) -> Questionnaire {
        only_languages(self, langs)
    }

    /// Adds the texts of `other`, the same questionnaire in other languages (a
    /// file of [`only_languages`](Self::only_languages)), to this one: every text
    /// gets `other`'s entries it lacks, and `languages` gets `other`'s, after its
    /// own. Refused, with nothing changed, when `other` is not the same
    /// questionnaire: another id or version, or anything but the texts differs
    /// (questions, options, conditions, scoring), as answers given to one must
    /// mean the same in the other.
    pub fn merge_languages(&mut self, other: &Questionnaire) -> Result<(), String> {
        if self.id != other.id || self.version != other.version {
            return Err(format!(
                "the file is questionnaire `{}` {}, not `{}` {}",
                other.id, other.version, self.id, self.version
            ));
        }
        merge_languages(self, other).map_err(|()| {
            format!(
                "the file of questionnaire `{}` {} differs from this one in more than its texts",
                self.id, self.version
            )
        })
    }
}

impl Directory {
    /// The directory with the names and hours in `langs` only, by the
    /// questionnaire's rule ([`Questionnaire::only_languages`]): what the
    /// self-check page downloads for its language (`q/helplines.<lang>.json`).
    pub fn only_languages(&self, langs: &[&str]) -> Directory {
        only_languages(self, langs)
    }

    /// Adds the texts of `other`, the same directory in other languages, as
    /// [`Questionnaire::merge_languages`] does. Refused, with nothing changed,
    /// when anything but the texts differs: a switch of language must never
    /// change a number the person was shown.
    pub fn merge_languages(&mut self, other: &Directory) -> Result<(), String> {
        merge_languages(self, other).map_err(|()| {
            "the helpline file differs from this directory in more than its texts".to_owned()
        })
    }
}

/// A file whose texts come in several languages: a questionnaire or the helpline
/// directory. The split and the merge are written once, over this.
trait Multilingual: Clone + PartialEq {
    /// The languages every text has.
    fn languages(&self) -> &[String];
    /// The languages every text has, and the one a text falls back to.
    fn language_fields(&mut self) -> (&mut Vec<String>, &mut String);
    /// Every text, in the file's one fixed order ([`crate::texts`]).
    fn visit_texts(&mut self, f: &mut dyn FnMut(&mut Text));
}

impl Multilingual for Questionnaire {
    fn languages(&self) -> &[String] {
        &self.languages
    }
    fn language_fields(&mut self) -> (&mut Vec<String>, &mut String) {
        (&mut self.languages, &mut self.default_language)
    }
    fn visit_texts(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.for_each_text(f);
    }
}

impl Multilingual for Directory {
    fn languages(&self) -> &[String] {
        &self.languages
    }
    fn language_fields(&mut self) -> (&mut Vec<String>, &mut String) {
        (&mut self.languages, &mut self.default_language)
    }
    fn visit_texts(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.for_each_text(f);
    }
}

/// `file` with the texts of `langs` only (see [`Questionnaire::only_languages`]).
fn only_languages<T: Multilingual>(file: &T, langs: &[&str]) -> T {
    let mut out = file.clone();
    let (languages, default_language) = out.language_fields();
    let default = default_language.clone();
    let mut kept: Vec<String> = languages
        .iter()
        .filter(|l| langs.contains(&l.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        kept.push(default.clone());
    }
    out.visit_texts(&mut |text| {
        let fallback = text.0.get(&default).cloned();
        text.0.retain(|lang, _| kept.contains(lang));
        if text.0.is_empty() {
            if let Some(fallback) = fallback {
                text.0.insert(default.clone(), fallback);
            }
        }
    });
    let (languages, default_language) = out.language_fields();
    if !kept.contains(default_language) {
        *default_language = kept[0].clone();
    }
    *languages = kept;
    out
}

/// Adds the texts of `other` to `mine` when the two are the same file but for
/// their texts and languages; `Err` and nothing changed otherwise.
fn merge_languages<T: Multilingual>(mine: &mut T, other: &T) -> Result<(), ()> {
    let (mut mine_bare, _) = skeleton(mine.clone());
    let (mut theirs_bare, texts) = skeleton(other.clone());
    for file in [&mut mine_bare, &mut theirs_bare] {
        let (languages, default_language) = file.language_fields();
        languages.clear();
        default_language.clear();
    }
    if mine_bare != theirs_bare {
        return Err(());
    }
    let mut texts = texts.into_iter();
    mine.visit_texts(&mut |text| {
        if let Some(added) = texts.next() {
            for (lang, value) in added.0 {
                text.0.entry(lang).or_insert(value);
            }
        }
    });
    let (languages, _) = mine.language_fields();
    for lang in other.languages() {
        if !languages.contains(lang) {
            languages.push(lang.clone());
        }
    }
    Ok(())
}

/// `file` with every text emptied, and the texts taken out, in the file's
/// order.
fn skeleton<T: Multilingual>(mut file: T) -> (T, Vec<Text>) {
    let mut texts = Vec::new();
    file.visit_texts(&mut |text| texts.push(std::mem::take(text)));
    (file, texts)
}

#[cfg(test)]
mod tests {
    use crate::model::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text(
            pairs
                .iter()
                .map(|(l, t)| ((*l).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    fn questionnaire() -> Questionnaire {
        let both = |en: &str, uk: &str| text(&[("en", en), ("uk", uk)]);
        Questionnaire {
            id: "q".into(),
            version: "1".into(),
            audience: Audience::SelfCheck,
            languages: vec!["en".into(), "uk".into()],
            default_language: "en".into(),
            title: both("Title", "Назва"),
            description: both("About", "Про"),
            minutes: Some(3),
            scoring: Scoring {
                model: Model::Weighted,
                pattern: Vec::new(),
                routes: Vec::new(),
            },
            sources: Vec::new(),
            dimensions: vec![Dimension {
                id: "d".into(),
                label: both("Dimension", "Вимір"),
                advice: Some(both("Advice", "Порада")),
            }],
            indicators: Vec::new(),
            sections: vec![Section {
                id: "s".into(),
                title: both("Section", "Розділ"),
                intro: None,
                show_if: None,
            }],
            questions: vec![Question {
                id: "choice".into(),
                section: "s".into(),
                kind: QuestionKind::SingleChoice,
                // English only: the fallback case.
                text: text(&[("en", "Which?")]),
                why: Some(both("Because", "Тому що")),
                if_unsure: None,
                show_if: None,
                if_yes: Vec::new(),
                if_no: Vec::new(),
                options: vec![AnswerOption {
                    id: "a".into(),
                    label: both("A", "А"),
                    indicators: Vec::new(),
                    exclusive: false,
                }],
                allow_unsure: true,
                allow_decline: false,
                unsure_at_least: None,
            }],
            bands: vec![Band {
                id: "low".into(),
                label: both("Low", "Низький"),
                advice: both("Fine", "Добре"),
                min_score: Some(0),
                when: None,
                undetermined: false,
            }],
        }
    }

    #[test]
    fn one_language_keeps_its_texts_and_falls_back_to_the_default() {
        let uk = questionnaire().only_languages(&["uk"]);
        assert_eq!(uk.languages, ["uk"]);
        assert_eq!(uk.default_language, "uk");
        assert_eq!(uk.title, text(&[("uk", "Назва")]));
        assert_eq!(uk.questions[0].options[0].label, text(&[("uk", "А")]));
        // No Ukrainian text: the default language's stays, and the widget's rule finds it.
        assert_eq!(uk.questions[0].text, text(&[("en", "Which?")]));
        assert_eq!(
            uk.questions[0].text.get_or("uk", &uk.default_language),
            "Which?"
        );

        let en = questionnaire().only_languages(&["en"]);
        assert_eq!(
            (en.languages.as_slice(), en.default_language.as_str()),
            (&["en".to_owned()][..], "en")
        );
        assert_eq!(en.bands[0].advice, text(&[("en", "Fine")]));

        let none = questionnaire().only_languages(&["xx"]);
        assert_eq!(none.languages, ["en"]);
        assert_eq!(none.title, text(&[("en", "Title")]));
    }

    #[test]
    fn merging_the_languages_back_gives_the_whole_questionnaire() {
        let whole = questionnaire();
        let mut merged = whole.only_languages(&["en"]);
        merged
            .merge_languages(&whole.only_languages(&["uk"]))
            .unwrap();
        assert_eq!(merged, whole);

        let mut merged = whole.only_languages(&["uk"]);
        merged
            .merge_languages(&whole.only_languages(&["en"]))
            .unwrap();
        assert_eq!(merged.languages, ["uk", "en"]);
        assert_eq!(merged.default_language, "uk");
        assert_eq!(merged.title, whole.title);
        assert_eq!(merged.questions[0].text, whole.questions[0].text);
    }

    #[test]
    fn the_wire_files_leave_the_authors_notes_out_and_still_merge() {
        let mut whole = questionnaire();
        whole.sources.push(Source {
            id: "src".into(),
            title: "A source".into(),
            url: None,
            note: Some("what is not verified".into()),
        });
        let en = whole.only_languages(&["en"]).without_notes();
        let uk = whole.only_languages(&["uk"]).without_notes();
        assert!(en.indicators.iter().all(|i| i.note.is_none()));
        assert!(en.sources.iter().all(|s| s.note.is_none()));
        assert!(en.scoring.routes.iter().all(|r| r.note.is_none()));
        let mut merged = en.clone();
        merged.merge_languages(&uk).unwrap();
        assert_eq!(merged, whole.clone().without_notes());
        // A file with notes is another version of the file: refused.
        let mut mixed = en;
        assert!(mixed
            .merge_languages(&whole.only_languages(&["uk"]))
            .is_err());
    }

    #[test]
    fn another_questionnaire_is_refused_and_nothing_changes() {
        let whole = questionnaire();
        let en = whole.only_languages(&["en"]);
        let mut other = whole.only_languages(&["uk"]);
        other.questions[0].options[0].id = "b".into();
        let mut merged = en.clone();
        assert!(merged.merge_languages(&other).is_err());
        assert_eq!(merged, en);

        let mut newer = whole.only_languages(&["uk"]);
        newer.version = "2".into();
        assert!(merged.merge_languages(&newer).is_err());
        assert_eq!(merged, en);
    }
}
