//! `riskscreen checklist` through the binary: every shipped questionnaire in every
//! language it ships, for Poland and Germany and for no country, and the inputs it
//! must refuse.
//!
//! The page is checked against the same data it is made from: each question's text
//! and each helpline of the country (name, number, `tel:` link) must appear,
//! escaped as HTML; the danger signs come before the first question; there is no
//! script, no inline style (the widget's CSP forbids both) and no URL but `tel:`
//! links, the stylesheet beside the page and the `--url`; the QR code is there
//! exactly when `--url` is. Browser checks (axe-core, the page count of a print
//! to PDF) are in `tests/e2e/tests/browser/checklist.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use riskscreen_core::helplines::{Directory, Helpline, Kind};
use riskscreen_core::{load_helplines_toml, load_toml, Questionnaire};

/// The shipped questionnaires.
const QUESTIONNAIRES: [&str; 3] = ["self-check", "platform-offer", "ngo-intake"];

/// The countries every language is checked with (plus none).
const COUNTRIES: [&str; 2] = ["PL", "DE"];

/// The `--url` of the runs with a QR code.
const URL: &str = "https://widget.example.org/?questionnaire=self-check&lang=uk";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs `riskscreen ARGS…` in `dir`: (exit code, stdout, stderr).
fn riskscreen_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_riskscreen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the riskscreen binary runs");
    (
        output.status.code().expect("exited, not killed"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// A fresh folder for one test's pages.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("riskscreen-checklist")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn questionnaire(name: &str) -> Questionnaire {
    let path = repo().join(format!("questionnaires/{name}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    load_toml(&path.display().to_string(), &text)
        .into_usable()
        .unwrap_or_else(|| panic!("{name} does not validate"))
}

fn directory() -> Directory {
    let text = std::fs::read_to_string(repo().join("questionnaires/helplines.toml")).unwrap();
    load_helplines_toml("questionnaires/helplines.toml", &text)
        .into_usable()
        .unwrap_or_else(|| panic!("the helpline directory does not validate"))
}

/// The HTML escaping the page uses for every text from the data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The value of every `name="…"` attribute in `html`.
fn attribute_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').expect("a closed attribute")]
        })
        .collect()
}

/// How a helpline's entry starts on the page: its name, then its number as a
/// link that dials it.
fn line_entry(line: &Helpline, lang: &str, directory: &Directory) -> String {
    format!(
        "<span class=\"line-name\">{}</span> <a class=\"tel\" href=\"tel:{}\">{}</a>",
        escape(line.name.get_or(lang, &directory.default_language)),
        line.tel,
        escape(&line.number)
    )
}

/// Writes the checklist of questionnaire `name` and returns the page.
fn checklist(dir: &Path, name: &str, lang: &str, country: Option<&str>, url: bool) -> String {
    let out = dir.join(format!("{name}.{lang}.{}.html", country.unwrap_or("all")));
    let out_arg = out.display().to_string();
    let file = format!("questionnaires/{name}.toml");
    let mut args = vec!["checklist", &file, "--lang", lang, "-o", &out_arg];
    if let Some(country) = country {
        args.extend(["--country", country]);
    }
    if url {
        args.extend(["--url", URL]);
    }
    let (code, stdout, stderr) = riskscreen_in(&repo(), &args);
    assert_eq!(
        code, 0,
        "riskscreen {args:?}\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(
        dir.join("checklist.css").is_file(),
        "no stylesheet next to {out_arg}"
    );
    std::fs::read_to_string(&out).unwrap()
}

/// What every page must be, whatever its data.
#[track_caller]
fn check_page(html: &str, what: &str, lang: &str, url: bool) {
    assert!(
        html.starts_with(&format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"ltr\">"
        )),
        "{what}: no lang/dir on <html>"
    );
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{what}: a script");
    assert!(!lower.contains("<style"), "{what}: an inline <style>");
    assert!(!lower.contains(" style="), "{what}: a style attribute");
    assert!(
        !lower.contains("<img") && !lower.contains("<iframe"),
        "{what}: an image or frame"
    );
    for attribute in ["href", "src", "action", "srcset"] {
        for value in attribute_values(html, attribute) {
            let allowed = value.starts_with("tel:")
                || value == "checklist.css"
                || (url && value == escape(URL));
            assert!(allowed, "{what}: {attribute}=\"{value}\"");
        }
    }
    let qr = html.contains("<svg class=\"qr-code\" role=\"img\" aria-label=");
    assert_eq!(qr, url, "{what}: the QR code is there exactly with --url");
    assert_eq!(
        html.matches("<svg").count(),
        usize::from(url),
        "{what}: svg count"
    );
    assert_eq!(html.matches("<h1>").count(), 1, "{what}: one h1");
    assert!(html.contains("<footer>"), "{what}: no footer");
}

#[test]
fn every_question_and_every_helpline_of_the_country_in_every_language() {
    let dir = scratch("every");
    let directory = directory();
    let mut pages = 0;
    for name in QUESTIONNAIRES {
        let q = questionnaire(name);
        for lang in &q.languages {
            for (n, country) in COUNTRIES.iter().enumerate() {
                // The QR code on every other run, so both kinds are checked everywhere.
                let url = n == 0;
                let what = format!("{name} {lang} {country}");
                let html = checklist(&dir, name, lang, Some(country), url);
                check_page(&html, &what, lang, url);
                pages += 1;

                let first_question = q
                    .questions
                    .iter()
                    .map(|question| escape(question.text.get_or(lang, &q.default_language)))
                    .map(|text| {
                        html.find(&text)
                            .unwrap_or_else(|| panic!("{what}: question missing: {text}"))
                    })
                    .min()
                    .expect("questions");
                // Danger signs first, before any question.
                for indicator in q.indicators.iter().filter(|i| i.danger) {
                    let label = escape(indicator.label.get_or(lang, &q.default_language));
                    let at = html
                        .find(&label)
                        .unwrap_or_else(|| panic!("{what}: danger sign missing: {label}"));
                    assert!(
                        at < first_question,
                        "{what}: danger sign after the questions"
                    );
                }
                assert!(
                    html[..first_question].contains("href=\"tel:112\""),
                    "{what}: 112 is not before the questions"
                );

                let lines = directory.for_country(country);
                assert!(!lines.is_empty(), "{country} has lines");
                for line in lines {
                    assert!(
                        html.contains(&line_entry(line, lang, &directory)),
                        "{what}: helpline {} missing (name, number and tel: link)",
                        line.id
                    );
                }
                // Another country's own lines are not on the page.
                for line in directory.helplines.iter().filter(|h| h.country == "UA") {
                    assert!(
                        !html.contains(&line_entry(line, lang, &directory)),
                        "{what}: a Ukrainian line ({}) on a page for {country}",
                        line.id
                    );
                }
            }
        }
    }
    assert!(pages >= 3 * 9 * 2, "only {pages} pages checked");
}

#[test]
fn without_a_country_every_anti_trafficking_line_and_every_eu_line() {
    let dir = scratch("all");
    let directory = directory();
    for lang in ["en", "uk"] {
        let html = checklist(&dir, "self-check", lang, None, false);
        check_page(&html, &format!("self-check {lang} all"), lang, false);
        for line in &directory.helplines {
            let wanted = line.country == "EU" || line.kind == Kind::AntiTrafficking;
            let shown = html.contains(&line_entry(line, lang, &directory));
            assert_eq!(shown, wanted, "{lang}: line {} ({:?})", line.id, line.kind);
        }
        for country in directory.countries.iter().filter(|c| {
            directory.helplines.iter().any(|h| {
                h.country == c.code && (h.country == "EU" || h.kind == Kind::AntiTrafficking)
            })
        }) {
            let heading = format!(
                "<h3>{}</h3>",
                escape(country.name.get_or(lang, &directory.default_language))
            );
            assert!(html.contains(&heading), "{lang}: no heading {heading}");
        }
    }
}

#[test]
fn unverified_numbers_are_marked_and_signs_say_what_they_mean() {
    let dir = scratch("marks");
    let directory = directory();
    let html = checklist(&dir, "self-check", "en", Some("PL"), false);
    let unverified = directory
        .for_country("PL")
        .iter()
        .filter(|line| !line.verification.verified)
        .count();
    assert!(unverified > 0);
    assert_eq!(
        html.matches("Not verified: check the number before relying on it.")
            .count(),
        unverified
    );
    // A yes/no question, an option, a severity floor and a band's advice, from the data.
    assert!(html.contains("<strong>If yes:</strong> Someone who is not an official wants to take or keep your passport or ID"));
    assert!(html.contains("(on its own: <strong>Serious warning signs</strong>)"));
    assert!(
        html.contains("<strong>If no:</strong>"),
        "the contract question marks a sign on no"
    );
    assert!(html.contains("Danger now: call <a class=\"tel\" href=\"tel:112\">112</a>"));
    assert!(html.contains("<dt>Some warning signs</dt>"));
    assert!(
        !html.contains("<dt>No clear warning signs</dt>"),
        "the first band means nothing ticked"
    );
    assert!(html
        .contains("Nothing you mark here is sent anywhere. This is not a judgement about anyone."));
    assert!(html.contains("Questionnaire “self-check”, version"));
    // The platform questionnaire has no danger sign: 112 all the same.
    let html = checklist(&dir, "platform-offer", "pl", Some("PL"), false);
    assert!(html.contains("<h2 id=\"danger-heading\">W nagłej sytuacji</h2>"));
    assert!(html.contains("href=\"tel:112\""));
}

#[test]
fn the_stylesheet_prints_a4_and_a5_and_fetches_nothing() {
    let dir = scratch("css");
    let html = checklist(&dir, "self-check", "en", Some("PL"), false);
    assert!(html.contains("<body class=\"paper-a4\">"));
    let css = std::fs::read_to_string(dir.join("checklist.css")).unwrap();
    assert!(css.contains("size: A4 portrait"), "{css}");
    assert!(css.contains("size: A5 portrait"), "{css}");
    assert!(!css.contains("url(") && !css.contains("@import"), "{css}");

    let out = dir.join("a5.html").display().to_string();
    let args = [
        "checklist",
        "questionnaires/self-check.toml",
        "--lang",
        "cs",
        "--country",
        "cz",
        "--paper",
        "a5",
        "-o",
        &out,
    ];
    let (code, _, stderr) = riskscreen_in(&repo(), &args);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<body class=\"paper-a5\">"));
    assert!(html.contains("<html lang=\"cs\" dir=\"ltr\">"));
}

#[test]
fn questionnaire_and_directory_texts_are_escaped() {
    let dir = scratch("escape");
    let source = std::fs::read_to_string(fixtures().join("weighted.toml")).unwrap();
    let hostile = source
        .replace(
            "en = \"Check a job offer\"",
            "en = \"Check <script>alert(1)</script> & \\\"this\\\"\"",
        )
        .replace(
            "en = \"Does someone want to keep your passport?\"",
            "en = \"Passport <img src=x onerror=alert(1)>?\"",
        );
    assert_ne!(hostile, source);
    std::fs::write(dir.join("hostile.toml"), hostile).unwrap();
    let directory = std::fs::read_to_string(fixtures().join("helplines.toml"))
        .unwrap()
        .replace(
            "name = { en = \"Test line\" }",
            "name = { en = \"Line <a href='//evil.example'>x</a>\" }",
        );
    std::fs::write(dir.join("helplines.toml"), directory).unwrap();

    let (code, stdout, stderr) = riskscreen_in(
        &dir,
        &[
            "checklist",
            "hostile.toml",
            "--lang",
            "en",
            "--country",
            "PL",
            "-o",
            "out.html",
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(dir.join("out.html")).unwrap();
    check_page(&html, "hostile", "en", false);
    assert!(html
        .contains("<h1>Check &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;this&quot;</h1>"));
    assert!(html.contains("Passport &lt;img src=x onerror=alert(1)&gt;?"));
    assert!(html.contains("Line &lt;a href=&#39;//evil.example&#39;&gt;x&lt;/a&gt;"));
}

#[test]
fn the_directory_is_found_next_to_the_questionnaire() {
    let dir = scratch("default-directory");
    let out = dir.join("weighted.html").display().to_string();
    // fixtures/ has helplines.toml (English only): the Ukrainian page says it
    // falls back to English for the lines.
    let (code, stdout, stderr) = riskscreen_in(
        &fixtures(),
        &["checklist", "weighted.toml", "--lang", "uk", "-o", &out],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("wrote "), "{stdout}");
    assert!(
        stderr.contains("--lang: warning[language-fallback]"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Test line") && html.contains("href=\"tel:+48800000000\""));
    assert!(html.contains("Чи хоче хтось забрати ваш паспорт?"));

    // With no directory beside it and none given: a clear error, nothing written.
    std::fs::copy(fixtures().join("weighted.toml"), dir.join("alone.toml")).unwrap();
    let (code, _, stderr) = riskscreen_in(
        &dir,
        &[
            "checklist",
            "alone.toml",
            "--lang",
            "en",
            "-o",
            "alone.html",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with("alone.toml: error[no-helplines]:"),
        "{stderr}"
    );
    assert!(stderr.contains("--helplines"), "{stderr}");
    assert!(!dir.join("alone.html").exists());
}

#[test]
fn bad_inputs_are_invalid_input_with_a_located_message() {
    let dir = scratch("bad");
    let out = dir.join("out.html").display().to_string();
    let q = "questionnaires/self-check.toml";
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["checklist", q, "--lang", "ua", "-o", &out],
            "--lang: error[unknown-language]: questionnaire `self-check` has no language `ua`",
            "hint: Ukrainian is `uk`",
        ),
        (
            &[
                "checklist",
                q,
                "--lang",
                "en",
                "--country",
                "FR",
                "-o",
                &out,
            ],
            "--country: error[unknown-country]: the helpline directory has no country `FR`",
            "PL",
        ),
        (
            &["checklist", q, "--lang", "EN", "-o", &out],
            "--lang: error[unknown-language]",
            "did you mean `en`?",
        ),
        (
            &[
                "checklist",
                q,
                "--lang",
                "en",
                "--country",
                "POL",
                "-o",
                &out,
            ],
            "--country: error[unknown-country]",
            "did you mean `PL`?",
        ),
        (
            &[
                "checklist",
                q,
                "--lang",
                "en",
                "--url",
                "javascript:alert(1)",
                "-o",
                &out,
            ],
            "--url: error[bad-url]",
            "https://",
        ),
        (
            &[
                "checklist",
                q,
                "--lang",
                "en",
                "--url",
                "https://a.example/\"><script>",
                "-o",
                &out,
            ],
            "--url: error[bad-url]",
            "quote",
        ),
        (
            &["checklist", q, "--lang", "en", "-o", "-"],
            "-o: error[bad-output]",
            "checklist.css",
        ),
        (
            &[
                "checklist",
                "questionnaires/helplines.toml",
                "--lang",
                "en",
                "-o",
                &out,
            ],
            "questionnaires/helplines.toml: error: this is the helpline directory",
            "--helplines",
        ),
        (
            &[
                "checklist",
                q,
                "--lang",
                "en",
                "--helplines",
                "questionnaires/nowhere.toml",
                "-o",
                &out,
            ],
            "error: cannot read questionnaires/nowhere.toml",
            "",
        ),
    ];
    for (args, first, also) in cases {
        let (code, stdout, stderr) = riskscreen_in(&repo(), args);
        assert_eq!(
            code, 1,
            "riskscreen {args:?}\nstdout: {stdout}\nstderr: {stderr}"
        );
        assert!(
            stderr.starts_with(first),
            "riskscreen {args:?}\nstderr: {stderr}"
        );
        assert!(
            stderr.contains(also),
            "riskscreen {args:?}\nstderr: {stderr}"
        );
        assert!(stdout.is_empty(), "riskscreen {args:?}\nstdout: {stdout}");
        assert!(
            !Path::new(&out).exists(),
            "riskscreen {args:?} wrote a page"
        );
    }

    // A broken questionnaire: every problem located as file:line:column, nothing written.
    let (code, _, stderr) = riskscreen_in(
        &fixtures(),
        &["checklist", "broken.toml", "--lang", "en", "-o", &out],
    );
    assert_eq!(code, 1, "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    let mut parts = first.splitn(4, ':');
    assert_eq!(parts.next(), Some("broken.toml"), "{stderr}");
    assert!(
        parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
            && parts.next().is_some_and(|c| c.parse::<usize>().is_ok()),
        "not located: {stderr}"
    );
    assert!(stderr.trim_end().ends_with("nothing written"), "{stderr}");
    assert!(!Path::new(&out).exists());

    // A broken helpline directory: its problems, nothing written.
    let (code, _, stderr) = riskscreen_in(
        &fixtures(),
        &[
            "checklist",
            "weighted.toml",
            "--lang",
            "en",
            "--helplines",
            "broken.toml",
            "-o",
            &out,
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.starts_with("broken.toml:"), "{stderr}");
    assert!(!Path::new(&out).exists());
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &["checklist"],
        &[
            "checklist",
            "questionnaires/self-check.toml",
            "-o",
            "x.html",
        ],
        &[
            "checklist",
            "questionnaires/self-check.toml",
            "--lang",
            "en",
        ],
        &[
            "checklist",
            "questionnaires/self-check.toml",
            "--lang",
            "en",
            "--paper",
            "a3",
            "-o",
            "x.html",
        ],
        &[
            "checklist",
            "questionnaires/self-check.toml",
            "--lang",
            "en",
            "--colour",
            "-o",
            "x.html",
        ],
    ];
    for args in cases {
        let (code, stdout, stderr) = riskscreen_in(&repo(), args);
        assert_eq!(
            code, 2,
            "riskscreen {args:?}\nstdout: {stdout}\nstderr: {stderr}"
        );
        assert!(
            stdout.is_empty() && !stderr.is_empty(),
            "riskscreen {args:?}"
        );
    }
    let (code, stdout, _) = riskscreen_in(&repo(), &["checklist", "--help"]);
    assert_eq!(code, 0);
    for word in [
        "--lang",
        "--country",
        "--url",
        "--helplines",
        "--paper",
        "checklist.css",
    ] {
        assert!(stdout.contains(word), "--help lacks {word}:\n{stdout}");
    }
}
