//! Browser end-to-end tests of the riskscreen widget: one test binary, one
//! headless Chromium per test (see the `riskscreen_e2e` harness).
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
//! | [`screens`]    | every screen of every questionnaire in every language: texts, no missing string, no overflow at 320 px |

mod a11y;
mod embed;
mod fallback;
mod flow;
mod layout;
mod privacy;
mod quick_exit;
mod screens;

use riskscreen_core::Questionnaire;
use riskscreen_e2e::plan::{self, Chooser, Plan};
use riskscreen_e2e::Browser;

/// The questionnaire the page under test loads.
pub fn questionnaire(browser: &Browser) -> Questionnaire {
    plan::load_questionnaire(&browser.www, &browser.options.questionnaire)
}

/// A plan for the page's questionnaire with `choose`.
pub fn plan_for(browser: &Browser, choose: &Chooser<'_>) -> Plan {
    plan::plan(&questionnaire(browser), choose)
}
