//! `riskscreen checklist FILE --lang L [--country C] [--url U] [--helplines H] -o OUT.html`:
//! a questionnaire as a printable checklist.
//!
//! For people who cannot run the widget (no WebAssembly, an old phone, no
//! connection at the border) and for NGOs who hand out paper: one static HTML
//! page, one or two printed pages for the self-check, built from the same data as
//! the widget ([`render`] says what goes where), in any language both the
//! questionnaire and the checklist's own words ([`strings`]) have.
//!
//! # Inputs
//!
//! - `FILE`: a questionnaire, TOML or compiled JSON, read and validated as by
//!   `validate` (errors are printed, nothing is written, exit 1).
//! - `--helplines H`: the helpline directory; by default `helplines.toml` in the
//!   questionnaire's own folder (so `questionnaires/self-check.toml` finds
//!   `questionnaires/helplines.toml`), else `helplines.json` there (next to the
//!   compiled `www/q/*.json`). It is validated too.
//! - `--country C`: an ISO code the directory declares (any case): that country's
//!   lines and, for an EU member, the EU-wide ones. Without it: each country's
//!   anti-trafficking line and every EU-wide line.
//! - `--url U`: the online check (`http://` or `https://`), printed as a QR code
//!   ([`qr`]) and a link.
//! - `--paper a4|a5`: the printed page size the page asks for (default A4).
//!
//! An unknown `--lang` or `--country`, or a bad `--url`, is invalid input (exit
//! 1, a `--lang: error[…]` line with the nearest valid value as a hint), like
//! `score`'s `--lang`.
//!
//! # Output: the page and its stylesheet
//!
//! `OUT.html` and `checklist.css` in the same folder. The page has no script, no
//! image and nothing from another origin; it links the stylesheet by its relative
//! name. The stylesheet is a file and not a `<style>` element because the widget's
//! origin sends `style-src 'self'` (`xtask/src/headers.rs`, `WIDGET_CSP`), which
//! blocks inline styles: the page must work when `cargo xtask dist` serves it from
//! there. A hash of the `<style>` in that policy would have done too, but it would
//! tie the headers (and the nginx, Caddy and Cloudflare configs rendered from
//! them) to this stylesheet's exact bytes; a file needs nothing from them. Opened
//! from disk (`file://`), the page finds the stylesheet beside it; without it, it
//! still reads in order, boxes included (they are characters).
//!
//! Both files are written to a temporary sibling and renamed into place. `-o -`
//! is refused: the page needs its stylesheet beside it.

mod qr;
pub mod render;
mod strings;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use riskscreen_core::helplines::Directory;
use riskscreen_core::suggest::nearest;
use riskscreen_core::{Diagnostic, FieldPath, Questionnaire};

use crate::input::{self, Document, Kind};
use crate::Status;
use render::Page;
use strings::{Strings, LANGUAGES};

/// The stylesheet's file name, next to every page.
pub const STYLESHEET_NAME: &str = "checklist.css";

/// Arguments of `checklist`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The questionnaire (TOML source or compiled JSON).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Language of the page: one the questionnaire ships (uk, ru, en, pl, ro, de, cs, sk, hu).
    #[arg(long, value_name = "CODE")]
    pub lang: String,
    /// Show this country's helplines (ISO code, e.g. PL); default: every country's
    /// anti-trafficking line and the EU-wide lines.
    #[arg(long, value_name = "CODE")]
    pub country: Option<String>,
    /// The online check (https://…): printed as a QR code and a link.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The helpline directory (default: helplines.toml, else helplines.json, in FILE's folder).
    #[arg(long, value_name = "FILE")]
    pub helplines: Option<PathBuf>,
    /// The printed page size the page asks for.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    pub paper: Paper,
    /// Where to write the page; checklist.css is written next to it.
    #[arg(short, long, value_name = "OUT.html")]
    pub output: PathBuf,
}

/// Printed page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// ISO A4 (210 × 297 mm); the questions in two columns.
    A4,
    /// ISO A5 (148 × 210 mm), a folded A4; one column.
    A5,
}

impl Paper {
    fn class(self) -> &'static str {
        match self {
            Paper::A4 => "paper-a4",
            Paper::A5 => "paper-a5",
        }
    }
}

/// Writes the checklist.
pub fn run(args: &Args, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    if args.output == Path::new("-") {
        writeln!(
            err,
            "-o: error[bad-output]: the checklist cannot go to standard output: its \
             stylesheet ({STYLESHEET_NAME}) is written next to it\n  hint: give a file name, \
             e.g. -o checklist/self-check.en.html"
        )?;
        return Ok(Status::Invalid);
    }
    let Some(questionnaire) = input::load_questionnaire(
        &args.file,
        "checklist",
        "; nothing written",
        Some("give the directory with --helplines"),
        err,
    )?
    else {
        return Ok(Status::Invalid);
    };
    let Some((lang, strings)) = language(&questionnaire, &args.lang, err)? else {
        return Ok(Status::Invalid);
    };
    let Some(directory) = load_directory(&args.file, args.helplines.as_deref(), err)? else {
        return Ok(Status::Invalid);
    };
    let country = match args.country.as_deref() {
        None => None,
        Some(code) => match country(&directory, code, err)? {
            Some(code) => directory.country(&code),
            None => return Ok(Status::Invalid),
        },
    };
    if let Some(url) = args.url.as_deref() {
        if let Some(d) = url_problem(url) {
            writeln!(err, "{}", d.render("--url"))?;
            return Ok(Status::Invalid);
        }
    }
    if !directory.languages.iter().any(|l| l == lang) {
        let d = Diagnostic::warning(
            "language-fallback",
            FieldPath::root(),
            format!(
                "the helpline directory has no `{lang}` texts; its names and hours are shown in `{}`",
                directory.default_language
            ),
        );
        writeln!(err, "{}", d.render("--lang"))?;
    }

    let page = Page {
        questionnaire: &questionnaire,
        directory: &directory,
        lang,
        strings: &strings,
        country,
        url: args.url.as_deref(),
        paper_class: args.paper.class(),
        stylesheet: STYLESHEET_NAME,
    };
    let html = render::render(&page)?;
    let stylesheet = args.output.with_file_name(STYLESHEET_NAME);
    if let Some(folder) = args.output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder)
            .with_context(|| format!("cannot create the folder {}", folder.display()))?;
    }
    crate::write::atomically(&stylesheet, render::STYLESHEET)?;
    crate::write::atomically(&args.output, &html)?;
    writeln!(
        out,
        "wrote {} and {}",
        args.output.display(),
        stylesheet.display()
    )?;
    Ok(Status::Success)
}

/// `requested` if the questionnaire ships it and the checklist speaks it, with
/// the checklist's strings; `None` after saying why not.
fn language<'q>(
    questionnaire: &'q Questionnaire,
    requested: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Option<(&'q str, Strings)>> {
    let Some(lang) = questionnaire.languages.iter().find(|l| *l == requested) else {
        let d = Diagnostic::error(
            "unknown-language",
            FieldPath::root(),
            format!(
                "questionnaire `{}` has no language `{requested}`; it has {}",
                questionnaire.id,
                questionnaire.languages.join(", ")
            ),
        )
        .maybe_hint(
            nearest(
                requested,
                questionnaire.languages.iter().map(String::as_str),
            )
            .map(|n| format!("did you mean `{n}`?"))
            .or_else(|| {
                (requested.eq_ignore_ascii_case("ua")
                    && questionnaire.languages.iter().any(|l| l == "uk"))
                .then(|| "Ukrainian is `uk`: `UA` is the country".to_owned())
            }),
        );
        writeln!(err, "{}", d.render("--lang"))?;
        return Ok(None);
    };
    match Strings::new(lang)? {
        Some(strings) => Ok(Some((lang, strings))),
        None => {
            let d = Diagnostic::error(
                "unknown-language",
                FieldPath::root(),
                format!(
                    "the checklist's own texts have no `{lang}`; they have {}",
                    LANGUAGES.join(", ")
                ),
            )
            .hint("add the language to crates/cli/src/checklist/strings.toml");
            writeln!(err, "{}", d.render("--lang"))?;
            Ok(None)
        }
    }
}

/// Where the helpline directory is when `--helplines` is not given: in the
/// questionnaire's folder, `helplines.toml`, else `helplines.json`.
fn default_directory(questionnaire: &Path) -> (PathBuf, Option<PathBuf>) {
    let folder = questionnaire.parent().unwrap_or(Path::new(""));
    let toml = folder.join("helplines.toml");
    let json = folder.join("helplines.json");
    let found = [&toml, &json].into_iter().find(|p| p.is_file()).cloned();
    (toml, found)
}

/// The helpline directory, validated; `None` after printing its problems.
fn load_directory(
    questionnaire: &Path,
    given: Option<&Path>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<Directory>> {
    let path = match given {
        Some(path) => path.to_path_buf(),
        None => match default_directory(questionnaire) {
            (_, Some(found)) => found,
            (looked_for, None) => {
                writeln!(
                    err,
                    "{}: error[no-helplines]: no helpline directory next to the questionnaire \
                     (looked for {} and helplines.json there)\n  hint: give one with \
                     --helplines FILE, e.g. --helplines questionnaires/helplines.toml",
                    input::name(questionnaire),
                    looked_for.display()
                )?;
                return Ok(None);
            }
        },
    };
    let checked = input::load(&path, Some(Kind::Helplines))?;
    for line in checked.rendered() {
        writeln!(err, "{line}")?;
    }
    let summary = checked.summary();
    match checked.into_document() {
        Some(Document::Helplines(directory)) => Ok(Some(directory)),
        _ => {
            writeln!(err, "{summary}; nothing written")?;
            Ok(None)
        }
    }
}

/// The directory's code for `requested` (compared without case); `None` after
/// saying which codes there are.
fn country(
    directory: &Directory,
    requested: &str,
    err: &mut dyn Write,
) -> anyhow::Result<Option<String>> {
    let wanted = requested.trim().to_ascii_uppercase();
    if directory.country(&wanted).is_some() {
        return Ok(Some(wanted));
    }
    let codes: Vec<&str> = directory
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    let d = Diagnostic::error(
        "unknown-country",
        FieldPath::root(),
        format!(
            "the helpline directory has no country `{requested}`; it has {}",
            codes.join(", ")
        ),
    )
    .maybe_hint(
        nearest(&wanted, codes.iter().copied())
            .map(|n| format!("did you mean `{n}`?"))
            .or_else(|| {
                Some("leave out --country for every country's anti-trafficking line".to_owned())
            }),
    );
    writeln!(err, "{}", d.render("--country"))?;
    Ok(None)
}

/// What is wrong with `url`, if anything: it must be an absolute `http(s)`
/// address with a host, without spaces, control characters, backslashes, quotes
/// or angle brackets (the widget refuses the same in an exit URL).
fn url_problem(url: &str) -> Option<Diagnostic> {
    let problem = |message: String| {
        Some(
            Diagnostic::error("bad-url", FieldPath::root(), message).hint(
                "give the full address of the online check, e.g. https://widget.example.org/",
            ),
        )
    };
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return problem(format!("`{url}` is not an http:// or https:// address"));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with('@') || host.starts_with(':') {
        return problem(format!("`{url}` names no host"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '<' | '>'))
    {
        return problem(
            "the address has a space, a control character, a backslash, a quote or an angle \
             bracket"
                .to_owned(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_absolute_http() {
        for good in [
            "https://widget.example.org/",
            "http://127.0.0.1:8080/?lang=uk",
            "https://example.org/check#start",
        ] {
            assert!(url_problem(good).is_none(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "widget.example.org",
            "//widget.example.org",
            "https://",
            "https:///path",
            "https://exa mple.org/",
            "https://example.org/\t",
            "https://example.org/\\evil",
            "https://example.org/\"><script>",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn the_directory_is_looked_for_next_to_the_questionnaire() {
        let (looked_for, _) = default_directory(Path::new("questionnaires/self-check.toml"));
        assert_eq!(looked_for, Path::new("questionnaires/helplines.toml"));
        let (looked_for, _) = default_directory(Path::new("self-check.toml"));
        assert_eq!(looked_for, Path::new("helplines.toml"));
    }
}
