//! Browser end-to-end tests of the riskscreen widget: one test binary, one
//! browser per test: headless Chromium, or Firefox or WebKit with
//! `RISKSCREEN_BROWSER` (see the `riskscreen_e2e` harness, `engine.rs`).
//!
//! Build the widget first (`cargo xtask build`); `cargo xtask test` does that and
//! then runs `cargo test -p riskscreen-e2e`.
//!
//! | module         | what it checks |
//! |----------------|----------------|
//! | [`flow`]       | mouse and keyboard-only runs to the result, language switch, error announcement |
//! | [`quick_exit`] | the exit button and Shift ×3 leave no answers behind |
//! | [`fallback`]   | a panic shows the fallback panel with 112 and a quick exit |
//! | [`a11y`]       | axe-core finds no violation on any screen |
//! | [`privacy`]    | no storage, no requests and no CSP violations during a run |
//! | [`layout`]     | no horizontal overflow at 320 px; screenshots at 360 px |
//! | [`embed`]      | frame embed, custom element and JS API: privacy per questionnaire, isolation, result event, quick exit |
//! | [`hardening`]  | issue #9: frame URL file names only, forged directories refused, sharing only to the real embedder, fixed heights, exit URL and referrer, one panic hook, no debug switch from a URL |
//! | [`screens`]    | every screen of every questionnaire in every language: texts, no missing string, no overflow at 320 px |
//! | [`long_session`] | issue #12: 1,000 mounts and destroys, 1,000 attribute changes: listeners on window and document, nodes and wasm memory stay bounded |
//! | [`scale`] | issue #12: a questionnaire over the size limit and a condition nested 10,000 deep end on the failure screen with a readable reason; the time is printed |
//! | [`read_aloud`] | issue #14: Listen speaks with a local voice only, none without one, stops on Next and the quick exit |
//! | [`first_screen`] | issue #11: the prerendered first screen equals the mounted one; every load failure (no WebAssembly, 404, truncated, stalled) ends on a quick exit, 112 and a national line in the page's language; the language before the first paint |
//! | [`embed_faults`] | issue #11: the frame embed and the custom element, when the check cannot start (no WebAssembly, the glue or the wasm missing, the wasm stalled), show within 8 s a working quick exit, 112 and the country's lines in the person's language; axe finds nothing |

mod a11y;
mod checklist;
mod embed;
mod embed_faults;
mod fallback;
mod first_screen;
mod flow;
mod hardening;
mod layout;
mod long_session;
mod privacy;
mod quick_exit;
mod read_aloud;
mod scale;
mod screens;

use riskscreen_core::Questionnaire;
use riskscreen_e2e::plan::{self, Chooser, Plan};
use riskscreen_e2e::Browser;

/// Every shipped questionnaire, by the name the embed options use.
pub const QUESTIONNAIRES: [&str; 3] = ["self-check", "ngo-intake", "platform-offer"];

/// A plan for the shipped questionnaire `name` (`www/q/{name}.json`) with `choose`.
pub fn plan_named(b: &Browser, name: &str, choose: &Chooser<'_>) -> Plan {
    plan::plan(
        &plan::load_questionnaire(&b.www, &format!("q/{name}.json")),
        choose,
    )
}

/// The questionnaire the page under test loads.
pub fn questionnaire(browser: &Browser) -> Questionnaire {
    plan::load_questionnaire(&browser.www, &browser.options.questionnaire)
}

/// A plan for the page's questionnaire with `choose`.
pub fn plan_for(browser: &Browser, choose: &Chooser<'_>) -> Plan {
    plan::plan(&questionnaire(browser), choose)
}
