//! Helpline directories, as the CLI and the widget handle them.
//!
//! The input, as text, goes to `load_helplines_toml` (the authors' source). Split
//! at its first NUL byte, each part is also read as a compiled `Directory` (JSON,
//! by serde, and by `load_helplines_json` when it is UTF-8). Every directory that
//! reads is validated in both forms and turned into the widget form; every ordered
//! pair is merged as `helplinesAdd` is (`merge_directory`), the result checked as
//! the widget checks it, and listed for every country (`for_country`).
//!
//! Checked: no panic; both loaders give a usable directory exactly when no
//! diagnostic is an error, and keep a model despite errors only with the problems
//! `validate_directory` finds in it; `load_helplines_json` reads what serde reads;
//! a source that loads has no error in either form, nor has its
//! widget form (`riskscreen compile-helplines` output must be accepted by the
//! widget); dropping the provenance (`for_widget`) changes no widget-form error;
//! a merge adds or replaces by code and id exactly as documented; `for_country`
//! gives the country's lines, then the EU-wide ones for an EU member, in order.

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use riskscreen_core::helplines::{
    validate_directory, validate_directory_form, Directory, Form, Kind,
};
use riskscreen_core::limits::MAX_SOURCE_BYTES;
use riskscreen_core::{Diagnostic, Loaded};

mod mutate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut directories: Vec<Directory> = Vec::new();
    let loaded = riskscreen_core::load_helplines_toml("fuzz.toml", &text);
    check_loaded(&loaded);
    match loaded.into_result("fuzz.toml") {
        Ok((directory, diagnostics)) => {
            assert!(diagnostics.iter().all(|d| !d.is_error()));
            render(&diagnostics);
            assert!(errors(&directory, Form::Source).is_empty());
            assert!(errors(&directory, Form::Widget).is_empty());
            assert!(
                errors(&directory.for_widget(), Form::Widget).is_empty(),
                "the widget refuses the compiled form of a valid source"
            );
            directories.push(directory);
        }
        Err(e) => {
            assert!(e.diagnostics.iter().any(Diagnostic::is_error));
            let _ = e.to_string();
        }
    }
    let (first, second) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    for part in std::iter::once(first).chain(second) {
        let by_serde = serde_json::from_slice::<Directory>(part).ok();
        if let Ok(json) = std::str::from_utf8(part) {
            let loaded = riskscreen_core::load_helplines_json("fuzz.json", json);
            check_loaded(&loaded);
            if json.len() <= MAX_SOURCE_BYTES {
                assert_eq!(
                    loaded.model.as_ref(),
                    by_serde.as_ref(),
                    "load_helplines_json reads otherwise than serde"
                );
            }
        }
        directories.extend(by_serde);
    }

    for directory in &directories {
        render(&validate_directory_form(directory, Form::Source));
        let widget = errors(directory, Form::Widget);
        assert_eq!(
            errors(&directory.for_widget(), Form::Widget),
            widget,
            "the widget form's errors depend on what for_widget drops"
        );
        check_for_country(directory);
    }
    for base in &directories {
        for extra in &directories {
            let mut merged = base.clone();
            merged.merge_directory(extra.clone());
            check_merge(base, extra, &merged);
            render(&validate_directory_form(&merged, Form::Widget));
            check_for_country(&merged);
        }
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    mutate::mutate(data, size, max_size, seed)
});

/// A usable directory exactly when no diagnostic is an error; no model only with an
/// error saying why; a model kept despite errors has exactly the problems
/// `validate_directory` finds in it, only located; every diagnostic renders.
fn check_loaded(loaded: &Loaded<Directory>) {
    let has_errors = loaded.diagnostics.iter().any(Diagnostic::is_error);
    assert_eq!(loaded.has_errors(), has_errors);
    assert_eq!(
        loaded.usable().is_some(),
        loaded.model.is_some() && !has_errors
    );
    match &loaded.model {
        Some(directory) => assert_eq!(
            unlocated(&loaded.diagnostics),
            unlocated(&validate_directory(directory)),
            "the diagnostics are not those of the directory kept"
        ),
        None => assert!(has_errors, "nothing was read, yet no error says why"),
    }
    render(&loaded.diagnostics);
}

/// Diagnostics without their locations, in a fixed order.
fn unlocated(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            d.location = None;
            d
        })
        .collect();
    diagnostics.sort_by_cached_key(|d| format!("{d:?}"));
    diagnostics
}

fn render(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let _ = d.render("fuzz");
    }
}

/// The errors of `directory` in `form`, as (code, path, message).
fn errors(directory: &Directory, form: Form) -> Vec<(&'static str, String, String)> {
    validate_directory_form(directory, form)
        .into_iter()
        .filter(Diagnostic::is_error)
        .map(|d| (d.code, d.path.to_string(), d.message))
        .collect()
}

/// `merge_directory`: every country, source and line of `extra` is in `merged`
/// (the last of `extra`'s with a code or id wins and is the one found first), and
/// everything of `base` not named in `extra` is still there, unchanged.
fn check_merge(base: &Directory, extra: &Directory, merged: &Directory) {
    assert_eq!(merged.languages, base.languages);
    assert_eq!(merged.default_language, base.default_language);
    fn keyed<'a, T: PartialEq + std::fmt::Debug>(
        base: &'a [T],
        extra: &'a [T],
        merged: &'a [T],
        key: impl Fn(&T) -> &str,
    ) {
        for item in extra {
            let last = extra.iter().rev().find(|e| key(e) == key(item)).unwrap();
            assert_eq!(merged.iter().find(|m| key(m) == key(item)), Some(last));
        }
        let mut added: Vec<&str> = Vec::new();
        for item in base {
            if !extra.iter().any(|e| key(e) == key(item)) {
                let first = base.iter().find(|b| key(b) == key(item)).unwrap();
                assert_eq!(merged.iter().find(|m| key(m) == key(item)), Some(first));
            }
        }
        for item in extra {
            if !base.iter().any(|b| key(b) == key(item)) && !added.contains(&key(item)) {
                added.push(key(item));
            }
        }
        assert_eq!(merged.len(), base.len() + added.len());
    }
    keyed(&base.countries, &extra.countries, &merged.countries, |c| {
        &c.code
    });
    keyed(&base.sources, &extra.sources, &merged.sources, |s| &s.id);
    keyed(&base.helplines, &extra.helplines, &merged.helplines, |h| {
        &h.id
    });
}

/// `for_country`: the lines of the country, then (for an EU member, or `EU`) the
/// EU-wide ones; anti-trafficking lines first within each, then by kind.
fn check_for_country(directory: &Directory) {
    let mut codes: Vec<&str> = directory
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    codes.extend(["EU", "", "XX"]);
    for code in codes {
        let eu_wide = code == "EU" || directory.country(code).is_some_and(|c| c.eu);
        let lines = directory.for_country(code);
        let expected = directory
            .helplines
            .iter()
            .filter(|h| h.country == code || (eu_wide && h.country == "EU"))
            .count();
        assert_eq!(
            lines.len(),
            expected,
            "for_country({code:?}) lost or added lines"
        );
        let rank = |h: &riskscreen_core::helplines::Helpline| {
            (h.country != code, h.kind != Kind::AntiTrafficking, h.kind)
        };
        assert!(
            lines.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
            "for_country({code:?}) is out of order"
        );
    }
}
