//! Any text → `load_toml`: never a panic; a usable questionnaire exactly when no
//! diagnostic is an error, and a model kept despite errors is the one they
//! describe; and whatever loads validates, scores as the reference
//! scorer does, and survives compiling to JSON (see `common`).

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};

mod common;
mod mutate;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let loaded = riskscreen_core::load_toml("fuzz.toml", &source);
    common::check_loaded(&loaded, "fuzz.toml");
    if let Some(q) = loaded.usable() {
        common::check_questionnaire(q);
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    mutate::mutate(data, size, max_size, seed)
});
