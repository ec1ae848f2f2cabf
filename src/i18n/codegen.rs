//! Compiles the `.ftl` files into `strings.rs` (tests only, so the bundle carries
//! no Fluent parser).
//!
//! `generated_strings_are_up_to_date` parses every `src/i18n/<lang>.ftl` with
//! `fluent-syntax`, compiles it to [`Part`]s (inlining literals, message and term
//! references) and compares the Rust it renders with `strings.rs`. After editing
//! an `.ftl` file, regenerate with:
//!
//! ```sh
//! UPDATE_EXPECT=1 cargo test -p riskscreen --lib i18n
//! ```
//!
//! Anything the run-time resolver does not support (functions such as `NUMBER()`,
//! attributes, selectors other than a variable, syntax errors) fails the test with
//! the file and the message id.

use std::collections::HashMap;
use std::fmt::Write as _;

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

use super::fluent::{Key, Messages, Part, Variant};

/// A compiled piece, owned (rendered to Rust, or leaked for tests).
#[derive(Debug, Clone, PartialEq)]
pub enum Owned {
    /// Literal text.
    Text(String),
    /// `{ $name }`.
    Var(String),
    /// A select expression: selector variable and `(key, default, value)` variants.
    Select(String, Vec<(Key2, bool, Vec<Owned>)>),
}

/// A compiled file: `(message id, parts)` in file order.
pub type Compiled = Vec<(String, Vec<Owned>)>;

/// A variant key, owned.
#[derive(Debug, Clone, PartialEq)]
pub enum Key2 {
    /// `[3]`
    Num(u64),
    /// `[one]`
    Name(String),
}

const MAX_DEPTH: u8 = 8;

struct Context<'s> {
    messages: HashMap<&'s str, &'s Pattern<&'s str>>,
    terms: HashMap<&'s str, &'s Pattern<&'s str>>,
}

/// Compiles a Fluent source: `(message id, parts)` in file order, or every problem.
pub fn compile(source: &str) -> Result<Compiled, Vec<String>> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("syntax error at byte {}: {:?}", e.pos.start, e.kind))
            .collect::<Vec<_>>()
    })?;
    let mut context = Context {
        messages: HashMap::new(),
        terms: HashMap::new(),
    };
    let mut errors = Vec::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                if !m.attributes.is_empty() {
                    errors.push(format!("`{}`: attributes are not supported", m.id.name));
                }
                if let Some(value) = &m.value {
                    context.messages.insert(m.id.name, value);
                }
            }
            Entry::Term(t) => {
                context.terms.insert(t.id.name, &t.value);
            }
            Entry::Junk { content } => errors.push(format!("junk: {content}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                let mut problems = Vec::new();
                let parts = pattern(&context, value, 0, &mut problems);
                errors.extend(
                    problems
                        .into_iter()
                        .map(|p| format!("`{}`: {p}", m.id.name)),
                );
                out.push((m.id.name.to_owned(), parts));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn pattern(
    context: &Context<'_>,
    pattern: &Pattern<&str>,
    depth: u8,
    errors: &mut Vec<String>,
) -> Vec<Owned> {
    let mut out = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => push_text(&mut out, value),
            PatternElement::Placeable { expression } => {
                expression_parts(context, expression, depth, errors, &mut out)
            }
        }
    }
    out
}

fn push_text(out: &mut Vec<Owned>, text: &str) {
    if let Some(Owned::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        out.push(Owned::Text(text.to_owned()));
    }
}

fn expression_parts(
    context: &Context<'_>,
    expression: &Expression<&str>,
    depth: u8,
    errors: &mut Vec<String>,
    out: &mut Vec<Owned>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                errors.push("a selector must be a variable".into());
                return;
            };
            let compiled = variants
                .iter()
                .map(|v| {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => Key2::Name((*name).to_owned()),
                        VariantKey::NumberLiteral { value } => match value.parse() {
                            Ok(n) => Key2::Num(n),
                            Err(_) => {
                                errors.push(format!("variant key `{value}` is not a whole number"));
                                Key2::Num(0)
                            }
                        },
                    };
                    (key, v.default, pattern(context, &v.value, depth, errors))
                })
                .collect();
            out.push(Owned::Select(id.name.to_owned(), compiled));
        }
        Expression::Inline(inline) => match inline {
            InlineExpression::StringLiteral { value } => {
                push_text(out, &value.replace("\\\"", "\"").replace("\\\\", "\\"))
            }
            InlineExpression::NumberLiteral { value } => push_text(out, value),
            InlineExpression::VariableReference { id } => out.push(Owned::Var(id.name.to_owned())),
            InlineExpression::MessageReference {
                id,
                attribute: None,
            }
            | InlineExpression::TermReference {
                id,
                attribute: None,
                arguments: None,
            } => {
                let is_term = matches!(inline, InlineExpression::TermReference { .. });
                let target = if is_term {
                    context.terms.get(id.name)
                } else {
                    context.messages.get(id.name)
                };
                match target {
                    _ if depth >= MAX_DEPTH => errors.push(format!(
                        "`{}`: references nest too deep (a cycle?)",
                        id.name
                    )),
                    Some(target) => {
                        for part in pattern(context, target, depth + 1, errors) {
                            match part {
                                Owned::Text(text) => push_text(out, &text),
                                other => out.push(other),
                            }
                        }
                    }
                    None => errors.push(format!("unknown reference `{}`", id.name)),
                }
            }
            InlineExpression::Placeable { expression } => {
                expression_parts(context, expression, depth, errors, out)
            }
            _ => {
                errors.push("unsupported expression (functions, attributes, term arguments)".into())
            }
        },
    }
}

/// The prefix of the messages that only the prerendered page uses (`page-title`,
/// `page-failed-text`, …): `cargo xtask build` writes them into the HTML, and no
/// code of the wasm asks for them, so they are compiled for native builds only
/// (each costs its bytes in every UI language).
pub const PAGE_PREFIX: &str = "page-";

/// Renders compiled languages as the Rust source of `strings.rs`. English is
/// always built in; every other language only with its cargo feature `ui-<lang>`,
/// so a bundle carries the UI languages its questionnaires need (each costs its
/// strings in the wasm: README, Performance and size). The [`PAGE_PREFIX`]
/// messages of each language go to a static of their own, empty on `wasm32`.
pub fn render(languages: &[(String, Compiled)]) -> String {
    let static_name = |lang: &str| lang.to_uppercase().replace('-', "_");
    let gate = |lang: &str| {
        if lang == "en" {
            String::new()
        } else {
            format!("#[cfg(feature = \"ui-{lang}\")]\n")
        }
    };
    let mut out = String::from(
        "//! UI strings compiled from `src/i18n/<lang>.ftl`. GENERATED by\n\
         //! `i18n::codegen` (`UPDATE_EXPECT=1 cargo test -p riskscreen --lib i18n`):\n\
         //! edit the `.ftl` files, not this one. English is always built in; another\n\
         //! language only with the cargo feature `ui-<lang>`. The prerendered page's\n\
         //! messages (`page-*`, `<LANG>_PAGE`) are left out of the wasm.\n\n\
         #![allow(unused_imports)]\n\n\
         use super::fluent::Key::*;\n\
         use super::fluent::Part::*;\n\
         use super::fluent::{Bundle, Messages, Variant};\n\n",
    );
    // The message ids as constants: a misspelt id is a compile error, not a
    // raw id on the person's screen. From English, whose ids every file has.
    if let Some((_, english)) = languages.first() {
        out.push_str(
            "/// Every message id, one constant each (`exit-button` → `EXIT_BUTTON`):\n\
             /// `LocaleContext::t` takes these, so a misspelt id does not compile.\n\
             pub mod msg {\n    use super::super::fluent::MessageId;\n\n",
        );
        for (id, _) in english {
            let name = id.to_uppercase().replace('-', "_");
            let _ = writeln!(out, "    pub const {name}: MessageId = MessageId({id:?});");
        }
        out.push_str("}\n\n");
    }
    let codes: Vec<String> = languages
        .iter()
        .map(|(lang, _)| format!("{lang:?}"))
        .collect();
    let _ = writeln!(
        out,
        "/// Every UI language, built in or not: the others are loaded as\n\
         /// `ui/<lang>.json` (`super::ui_file`), English first.\n\
         pub const LANGUAGES: &[&str] = &[{}];\n",
        codes.join(", ")
    );
    out.push_str("/// The UI languages built in, with their messages, English first.\n");
    out.push_str("#[allow(clippy::vec_init_then_push)]\npub fn all() -> Vec<Bundle> {\n    #[allow(unused_mut)]\n    let mut all = Vec::new();\n");
    for (lang, _) in languages {
        let gate = gate(lang).replace('\n', "\n    ");
        let name = static_name(lang);
        let _ = writeln!(
            out,
            "    {gate}all.push(Bundle::with_page({lang:?}, {name}, {name}_PAGE));"
        );
    }
    out.push_str("    all\n}\n");
    for (lang, messages) in languages {
        let name = static_name(lang);
        let (page, widget): (Vec<_>, Vec<_>) = messages
            .iter()
            .partition(|(id, _)| id.starts_with(PAGE_PREFIX));
        let _ = write!(
            out,
            "\n/// `{lang}.ftl`\n{}pub static {name}: Messages = &[\n",
            gate(lang)
        );
        for (id, parts) in widget {
            let _ = writeln!(out, "    ({id:?}, {}),", render_parts(parts));
        }
        out.push_str("];\n");
        let _ = write!(
            out,
            "\n/// `{lang}.ftl`, the prerendered page's messages.\n{}#[cfg(not(target_arch = \"wasm32\"))]\npub static {name}_PAGE: Messages = &[\n",
            gate(lang)
        );
        for (id, parts) in page {
            let _ = writeln!(out, "    ({id:?}, {}),", render_parts(parts));
        }
        out.push_str("];\n");
        let _ = write!(
            out,
            "\n/// Not in the wasm: nothing there shows the page's messages.\n{}#[cfg(target_arch = \"wasm32\")]\npub static {name}_PAGE: Messages = &[];\n",
            gate(lang)
        );
    }
    out
}

fn render_parts(parts: &[Owned]) -> String {
    let items: Vec<String> = parts
        .iter()
        .map(|part| match part {
            Owned::Text(text) => format!("Text({text:?})"),
            Owned::Var(name) => format!("Var({name:?})"),
            Owned::Select(name, variants) => {
                let variants: Vec<String> = variants
                    .iter()
                    .map(|(key, default, value)| {
                        let key = match key {
                            Key2::Num(n) => format!("Num({n})"),
                            Key2::Name(name) => format!("Name({name:?})"),
                        };
                        format!(
                            "Variant {{ key: {key}, default: {default}, value: {} }}",
                            render_parts(value)
                        )
                    })
                    .collect();
                format!("Select({name:?}, &[{}])", variants.join(", "))
            }
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// Compiles `source` into static messages by leaking them (tests only).
pub fn compile_leaked(source: &str) -> Result<Messages, Vec<String>> {
    fn leak_str(s: &str) -> &'static str {
        Box::leak(s.to_owned().into_boxed_str())
    }
    fn leak_parts(parts: &[Owned]) -> &'static [Part] {
        let parts: Vec<Part> = parts
            .iter()
            .map(|part| match part {
                Owned::Text(text) => Part::Text(leak_str(text)),
                Owned::Var(name) => Part::Var(leak_str(name)),
                Owned::Select(name, variants) => {
                    let variants: Vec<Variant> = variants
                        .iter()
                        .map(|(key, default, value)| Variant {
                            key: match key {
                                Key2::Num(n) => Key::Num(*n),
                                Key2::Name(name) => Key::Name(leak_str(name)),
                            },
                            default: *default,
                            value: leak_parts(value),
                        })
                        .collect();
                    Part::Select(leak_str(name), Box::leak(variants.into_boxed_slice()))
                }
            })
            .collect();
        Box::leak(parts.into_boxed_slice())
    }
    let messages: Vec<(&'static str, &'static [Part])> = compile(source)?
        .iter()
        .map(|(id, parts)| (leak_str(id), leak_parts(parts)))
        .collect();
    Ok(Box::leak(messages.into_boxed_slice()))
}

#[cfg(test)]
mod tests {
    use super::{compile, render};

    /// `strings.rs` is what the `.ftl` files compile to.
    #[test]
    fn generated_strings_are_up_to_date() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".ftl").map(str::to_owned)
            })
            .collect();
        // English first: the fallback.
        files.sort_by_key(|lang| (lang != "en", lang.clone()));
        let manifest =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
        let mut languages: Vec<(String, super::Compiled)> = Vec::new();
        for lang in files {
            let path = format!("{dir}/{lang}.ftl");
            let source = std::fs::read_to_string(&path).unwrap();
            let messages = compile(&source).unwrap_or_else(|e| panic!("{path}:\n{}", e.join("\n")));
            if let Some((_, english)) = languages.first() {
                let ids =
                    |m: &super::Compiled| m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
                assert_eq!(
                    ids(&messages),
                    ids(english),
                    "{path}: not the messages of en.ftl, in order"
                );
            }
            if lang != "en" {
                assert!(
                    manifest.contains(&format!("\nui-{lang} = []")),
                    "Cargo.toml has no feature `ui-{lang} = []` for {path}"
                );
            }
            languages.push((lang, messages));
        }
        let rendered = render(&languages);
        let target = format!("{dir}/strings.rs");
        let current = std::fs::read_to_string(&target).unwrap_or_default();
        if current != rendered {
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::write(&target, rendered).unwrap();
            } else {
                panic!(
                    "{target} is out of date with the .ftl files: run\n  \
                     UPDATE_EXPECT=1 cargo test -p riskscreen --lib i18n"
                );
            }
        }
    }
}
