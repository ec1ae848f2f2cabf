//! Any bytes → `load_json` (what `riskscreen` does with compiled JSON): never a
//! panic; a usable questionnaire exactly when no diagnostic is an error, and a
//! model kept despite errors is the one they describe; and whatever
//! loads validates, scores as the reference scorer does, and survives being
//! written out and read again (see `common`).

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};

mod common;
mod mutate;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let loaded = riskscreen_core::load_json("fuzz.json", &json);
    common::check_loaded(&loaded, "fuzz.json");
    if let Some(q) = loaded.usable() {
        common::check_questionnaire(q);
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    mutate::mutate(data, size, max_size, seed)
});
