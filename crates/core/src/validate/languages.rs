//! The questionnaire's identity and languages, and every user-facing text in each
//! declared language (the texts as [`Questionnaire::texts`](crate::Questionnaire::texts)
//! lists them, in its order).

use std::collections::BTreeSet;

use super::{did_you_mean, is_identifier, root, Validator};
use crate::diagnostic::Diagnostic;
use crate::texts::TextEntry;

/// Language codes that people commonly write instead of the BCP 47 one.
const WRONG_LANGUAGE_CODES: [(&str, &str, &str); 5] = [
    ("ua", "uk", "Ukrainian"),
    ("cz", "cs", "Czech"),
    ("gr", "el", "Greek"),
    ("dk", "da", "Danish"),
    ("se", "sv", "Swedish"),
];

impl<'q> Validator<'q> {
    pub(super) fn identity_and_languages(&mut self) {
        let q = self.q;
        if !is_identifier(&q.id) {
            self.push(
                Diagnostic::error(
                    "bad-id",
                    root().key("id"),
                    format!("`{}` is not a usable id", q.id),
                )
                .hint("use lowercase letters, digits, `-`, `_` and `.`, starting with a letter"),
            );
        }
        if q.languages.is_empty() {
            self.push(
                Diagnostic::error("no-languages", root().key("languages"), "no language is declared")
                    .hint("list the languages this questionnaire ships, e.g. `languages = [\"en\", \"uk\"]`"),
            );
        }
        let mut seen = BTreeSet::new();
        for (i, lang) in q.languages.iter().enumerate() {
            let path = root().key("languages").index(i);
            if !seen.insert(lang) {
                self.push(Diagnostic::error(
                    "duplicate-id",
                    path.clone(),
                    format!("language `{lang}` is listed twice"),
                ));
            }
            if let Some(hint) = language_code_problem(lang) {
                self.push(
                    Diagnostic::error(
                        "bad-language",
                        path,
                        format!("`{lang}` is not a BCP 47 language code"),
                    )
                    .hint(hint),
                );
            }
        }
        if !q.languages.contains(&q.default_language) {
            self.push(
                Diagnostic::error(
                    "bad-language",
                    root().key("default_language"),
                    format!(
                        "default language `{}` is not among `languages`",
                        q.default_language
                    ),
                )
                .maybe_hint(
                    did_you_mean(&q.default_language, q.languages.iter().map(String::as_str))
                        .or_else(|| {
                            Some(format!(
                                "add `{}` to `languages` or pick one of them",
                                q.default_language
                            ))
                        }),
                ),
            );
        }
    }

    pub(super) fn texts(&mut self) {
        let declared: BTreeSet<&str> = self.q.languages.iter().map(String::as_str).collect();
        let mut undeclared_reported = BTreeSet::new();
        for TextEntry {
            path,
            subject,
            text,
            ..
        } in self.q.texts()
        {
            if let Some(d) = crate::limits::text_too_long(text, &path) {
                self.push(d.subject(subject.clone()));
            }
            let missing: Vec<&str> = declared
                .iter()
                .copied()
                .filter(|lang| text.get(lang).is_none())
                .collect();
            for lang in &missing {
                self.push(
                    Diagnostic::error(
                        "missing-translation",
                        path.clone(),
                        format!("no `{lang}` text, but `{lang}` is a declared language"),
                    )
                    .subject(subject.clone())
                    .hint(format!(
                        "add `{lang} = \"…\"` here, or remove `{lang}` from `languages`"
                    )),
                );
            }
            for (lang, value) in &text.0 {
                if value.trim().is_empty() {
                    self.push(
                        Diagnostic::error("empty-text", path.key(lang), format!("the `{lang}` text is empty"))
                            .subject(subject.clone())
                            .hint("write the text, or remove the language from `languages` until it is translated"),
                    );
                }
                if !declared.contains(lang.as_str()) && undeclared_reported.insert(lang.clone()) {
                    self.push(
                        Diagnostic::warning(
                            "undeclared-language",
                            path.key(lang),
                            format!("text in `{lang}`, which `languages` does not declare"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(language_code_problem(lang).or_else(|| {
                            Some(format!(
                                "add `{lang}` to `languages` once every string has it"
                            ))
                        })),
                    );
                }
            }
        }
    }
}

/// A hint if `tag` is not a plausible BCP 47 language tag (`uk`, `de-AT`, `sr-Latn`).
fn language_code_problem(tag: &str) -> Option<String> {
    if let Some((_, right, name)) = WRONG_LANGUAGE_CODES
        .iter()
        .find(|(wrong, _, _)| *wrong == tag)
    {
        return Some(format!("{name} is `{right}` (`{tag}` is a country code)"));
    }
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase());
    let rest_ok =
        parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        None
    } else {
        Some("use a BCP 47 code: a 2- or 3-letter lowercase language (`uk`, `ru`, `de`), optionally a region (`de-AT`)".into())
    }
}
