//! The widget's function components, one per file.
//!
//! [`app::App`] owns the flow state and provides the context
//! ([`crate::config::WidgetContext`]); every other component gets what it shows
//! through props (typed: question indexes, answers, `Callback<Action>`) and the
//! setup and locale through that context. The parts with no state of their own
//! (progress, live region, answer options, danger block, helpline list,
//! language picker) are plain functions given the setup and locale by their
//! caller: a component costs its own glue in the wasm (README, Performance and
//! size).

pub mod answer_options;
pub mod app;
pub mod danger_block;
pub mod helpline_list;
pub mod language_picker;
pub mod listen_button;
pub mod live_region;
pub mod progress;
pub mod question_screen;
pub mod quick_exit;
pub mod result_screen;
pub mod review_screen;
pub mod share_result;
pub mod start_screen;

/// `a` then `b`, for keys, ids and `tel:` links. Not `format!`: each `format!`
/// site builds its `fmt::Arguments` (pieces, arguments, formatter pointers)
/// inline, where this call passes two pointers and lengths (README, Performance
/// and size).
pub(crate) fn concat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}
