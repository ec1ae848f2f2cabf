//! A small Fluent resolver over messages compiled ahead of time.
//!
//! The UI strings are standard Fluent (`.ftl`) files. They are parsed by
//! `fluent-syntax` (the parser fluent-bundle itself uses) when
//! `super::codegen`'s test (`src/i18n/codegen.rs`) regenerates `strings.rs`, not in the browser: the
//! bundle carries the messages as static [`Part`]s and this resolver, far smaller
//! than fluent-bundle or even fluent-syntax at run time, as measured on the
//! widget's bundle (README, Performance and size).
//!
//! Supported (all the widget's files use, and checked by the generator): text,
//! `{ $variable }`, string and number literals, message and term references
//! (inlined by the generator), and select expressions on a variable whose variants
//! match an exact number (`[0]`), a CLDR plural category (`[one]`, `[few]`,
//! `[many]`, …, by the rules of the core's languages table,
//! [`riskscreen_core::lang::plural`]) or a string (`[yes]`), with `*[other]` as
//! the default. Function calls (`NUMBER()`) and attributes are rejected by the
//! generator.
//!
//! Unicode isolation marks (which fluent-bundle inserts around placeables by
//! default) are never inserted: the arguments are numbers and trusted labels, and
//! the marks would show up in copied text.

use riskscreen_core::lang::plural;

/// A piece of a compiled message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Text(&'static str),
    /// `{ $name }`.
    Var(&'static str),
    /// `{ $name -> [key] … *[other] … }`.
    Select(&'static str, &'static [Variant]),
}

/// One variant of a select expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Variant {
    /// What it matches.
    pub key: Key,
    /// The `*` variant, used when nothing matches.
    pub default: bool,
    /// Its pattern.
    pub value: &'static [Part],
}

/// A variant key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// An exact number, `[0]`.
    Num(u64),
    /// A plural category (`one`, `few`, …) or a string.
    Name(&'static str),
}

/// The id of a UI message, from the generated constants (`msg::EXIT_BUTTON`):
/// only ids that `en.ftl` has exist, and nothing outside `i18n` can make
/// another, so a misspelt one does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MessageId(pub(in crate::i18n) &'static str);

impl MessageId {
    /// The id as written in the `.ftl` files.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// Compiled messages: `(id, pattern)` in file order.
pub type Messages = &'static [(&'static str, &'static [Part])];

/// A value passed to a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// A string, inserted as is.
    Str(&'a str),
    /// A whole number: printed, and selected on by plural category.
    Num(u64),
}

/// Named arguments of a message.
pub type Args<'a> = [(&'a str, Arg<'a>)];

/// The compiled strings of one language.
#[derive(Debug, Clone, Copy)]
pub struct Bundle {
    lang: &'static str,
    messages: Messages,
    /// The prerendered page's messages (`page-*`): empty in the wasm (see
    /// `super::codegen`), where no code asks for them.
    page: Messages,
}

impl Bundle {
    /// The messages of `lang`.
    pub const fn new(lang: &'static str, messages: Messages) -> Self {
        Bundle {
            lang,
            messages,
            page: &[],
        }
    }

    /// The messages of `lang` and those of its prerendered page (`page-*`).
    pub const fn with_page(lang: &'static str, messages: Messages, page: Messages) -> Self {
        Bundle {
            lang,
            messages,
            page,
        }
    }

    /// The language of this bundle.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The widget's messages, in file order (the page's left out).
    pub fn messages(&self) -> Messages {
        self.messages
    }

    /// The ids of every message, in file order (the page's last).
    pub fn message_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.messages.iter().chain(self.page).map(|(id, _)| *id)
    }

    fn message(&self, id: &str) -> Option<&'static [Part]> {
        self.messages
            .iter()
            .chain(self.page)
            .find(|(m, _)| *m == id)
            .map(|(_, parts)| *parts)
    }

    /// Formats message `id`, or `None` if this bundle lacks it. A missing argument
    /// leaves a visible `{$name}` and never panics.
    pub fn format(&self, id: &str, args: &Args<'_>) -> Option<String> {
        let parts = self.message(id)?;
        let mut out = String::new();
        self.resolve(parts, args, &mut out, &mut |_| {});
        Some(out)
    }

    /// Formats message `id` and returns every problem met on the way (for tests).
    pub fn check(&self, id: &str, args: &Args<'_>) -> Result<String, Vec<String>> {
        let Some(parts) = self.message(id) else {
            return Err(vec![format!("no message `{id}`")]);
        };
        let mut out = String::new();
        let mut errors = Vec::new();
        self.resolve(parts, args, &mut out, &mut |e| errors.push(e.to_owned()));
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    fn resolve(
        &self,
        parts: &[Part],
        args: &Args<'_>,
        out: &mut String,
        error: &mut dyn FnMut(&str),
    ) {
        for part in parts {
            match *part {
                Part::Text(text) => out.push_str(text),
                Part::Var(name) => match lookup(args, name) {
                    Some(Arg::Str(s)) => out.push_str(s),
                    Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                    None => {
                        error(name);
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Part::Select(name, variants) => {
                    let value = lookup(args, name);
                    if value.is_none() {
                        error(name);
                    }
                    let chosen = value
                        .and_then(|v| {
                            variants
                                .iter()
                                .find(|variant| matches(variant.key, v, self.lang))
                        })
                        .or_else(|| variants.iter().find(|v| v.default));
                    if let Some(variant) = chosen {
                        self.resolve(variant.value, args, out, error);
                    }
                }
            }
        }
    }
}

fn lookup<'a>(args: &Args<'a>, name: &str) -> Option<Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn matches(key: Key, value: Arg<'_>, lang: &str) -> bool {
    match (key, value) {
        (Key::Num(k), Arg::Num(n)) => k == n,
        (Key::Name(name), Arg::Num(n)) => name == plural(lang, n).as_str(),
        (Key::Name(name), Arg::Str(s)) => name == s,
        (Key::Num(_), Arg::Str(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Arg, Bundle};
    use crate::i18n::codegen::compile_leaked;

    const SOURCE: &str = r#"
-brand = riskscreen
hello = Hello, { $name }!
about = About { -brand }
minutes = { $n ->
    [0] no minutes
    [one] { $n } хвилину
    [few] { $n } хвилини
   *[many] { $n } хвилин
}
nested = See: { about }
quote = { "{" }x{ "}" }
multiline =
    First line
    second line
kind = { $kind ->
    [job] a job
   *[other] something
}
"#;

    fn bundle() -> Bundle {
        Bundle::new("uk", compile_leaked(SOURCE).unwrap())
    }

    #[test]
    fn variables_terms_and_references() {
        let b = bundle();
        assert_eq!(
            b.check("hello", &[("name", Arg::Str("Olena"))]).unwrap(),
            "Hello, Olena!"
        );
        assert_eq!(b.check("about", &[]).unwrap(), "About riskscreen");
        assert_eq!(b.check("nested", &[]).unwrap(), "See: About riskscreen");
        assert_eq!(b.check("quote", &[]).unwrap(), "{x}");
        assert_eq!(
            b.check("multiline", &[]).unwrap(),
            "First line\nsecond line"
        );
        assert_eq!(
            b.check("kind", &[("kind", Arg::Str("job"))]).unwrap(),
            "a job"
        );
        assert_eq!(
            b.check("kind", &[("kind", Arg::Str("x"))]).unwrap(),
            "something"
        );
        assert!(
            b.message_ids().all(|id| !id.starts_with('-')),
            "terms are not messages"
        );
    }

    #[test]
    fn plural_selection_uses_exact_numbers_then_categories() {
        let b = bundle();
        let f = |n| b.check("minutes", &[("n", Arg::Num(n))]).unwrap();
        assert_eq!(f(0), "no minutes");
        assert_eq!(f(1), "1 хвилину");
        assert_eq!(f(3), "3 хвилини");
        assert_eq!(f(5), "5 хвилин");
        assert_eq!(f(11), "11 хвилин");
        assert_eq!(f(21), "21 хвилину");
        assert_eq!(f(22), "22 хвилини");
    }

    #[test]
    fn problems_are_reported_not_panicked() {
        let b = bundle();
        assert!(b.check("hello", &[]).is_err());
        assert_eq!(b.format("hello", &[]).unwrap(), "Hello, {$name}!");
        assert!(b.format("missing", &[]).is_none());
        assert!(
            b.check("minutes", &[]).is_err(),
            "missing selector variable"
        );
        assert_eq!(
            b.format("minutes", &[]).unwrap(),
            "{$n} хвилин",
            "default variant"
        );
        // What the generator refuses.
        assert!(compile_leaked("n = { NUMBER($n) }").is_err());
        assert!(compile_leaked("ok = fine\n= oops\n").is_err());
        assert!(compile_leaked("a = { b }\nb = { a }").is_err(), "cycles");
    }
}
