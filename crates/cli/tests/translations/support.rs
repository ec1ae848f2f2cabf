//! What the translation tests share: a directory of their own holding copies
//! of the fixtures, running the binary there, and filling a PO file as a
//! translator would (with [`POLISH`], every string of `offer.toml`).

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations")
}

/// A fresh directory for one test, holding copies of the fixtures `files`
/// (`review-status.toml` goes to `translations/`, `ui/…` keeps its folder).
pub fn workspace(test: &str, files: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("riskscreen-translations")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in files {
        let to = if *file == "review-status.toml" {
            dir.join("translations").join(file)
        } else {
            dir.join(file)
        };
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(fixtures().join(file), &to).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    dir
}

/// Runs `riskscreen ARGS…` in `dir`: (exit code, stdout, stderr).
pub fn riskscreen(dir: &Path, args: &[&str]) -> (i32, String, String) {
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

/// Runs and expects exit code `code`; returns stdout and stderr.
#[track_caller]
pub fn expect(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let (got, stdout, stderr) = riskscreen(dir, args);
    assert_eq!(
        got, code,
        "riskscreen {args:?}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    (stdout, stderr)
}

pub fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// PO escapes, for writing a `msgstr` as a translator's editor would.
pub fn escaped(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Fills the `msgstr` of the entries with these keys, as a translator would.
pub fn translate(po: &str, translations: &[(&str, &str)]) -> String {
    let mut out = Vec::new();
    let mut current: Option<&str> = None;
    for line in po.lines() {
        if let Some(ctx) = line.strip_prefix("msgctxt ") {
            current = translations
                .iter()
                .find(|(k, _)| format!("\"{k}\"") == ctx)
                .map(|(_, t)| *t);
        }
        match (line.starts_with("msgstr "), current) {
            (true, Some(t)) => {
                out.push(format!("msgstr \"{}\"", escaped(t)));
                current = None;
            }
            _ => out.push(line.to_owned()),
        }
    }
    out.join("\n") + "\n"
}

/// Every string of `offer.toml` in Polish (the quote and the backslash test escapes).
pub const POLISH: [(&str, &str); 16] = [
    ("title", "Sprawdź ofertę"),
    ("description", "Kilka pytań. Nic nie jest zapisywane."),
    ("dimension.documents.label", "Twoje dokumenty"),
    (
        "dimension.documents.advice",
        "Tylko urzędnicy mogą zatrzymać twój paszport.",
    ),
    (
        "indicator.documents.passport_kept.label",
        "Ktoś chce zatrzymać twój paszport",
    ),
    (
        "indicator.documents.fee.label",
        "Opłata za \"papiery\" \\ dokumenty",
    ),
    ("section.offer.title", "Oferta"),
    (
        "question.passport.text",
        "Czy ktoś chce zatrzymać twój paszport?",
    ),
    (
        "question.passport.why",
        "Tylko urzędnicy mogą zatrzymać paszport.",
    ),
    ("question.asked.text", "Czego od ciebie żądają?"),
    ("question.asked.option.fee.label", "Pieniędzy za dokumenty"),
    ("question.asked.option.nothing.label", "Niczego"),
    ("band.low.label", "Brak wyraźnych sygnałów ostrzegawczych"),
    ("band.low.advice", "Zachowaj ostrożność."),
    ("band.high.label", "Sygnały ostrzegawcze"),
    ("band.high.advice", "Zadzwoń na infolinię."),
];
