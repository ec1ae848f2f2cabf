//! The hardening of issue #9, in the browser, each entry point at a time, one
//! attack surface per module:
//!
//! | module | test | what it proves |
//! |--------|------|----------------|
//! | [`data_sources`] | [`data_sources::frame_url_names_only_files_the_widget_ships`] | `frame.html` refuses inline JSON and URLs for `questionnaire`, `helplines`, `helplines-add` (top level and through `embed.js`): the start-failure panel with the widget's own lines, nothing fetched, the forged number nowhere; `index.html` reads nothing from its URL |
//! | [`data_sources`] | [`data_sources::api_and_element_refuse_a_directory_that_dials_another_number`] | a directory (object or JSON text) whose `tel` differs from its `number` refuses the mount: panel, `number-mismatch`, rejected `mount()`, the fake line nowhere |
//! | [`sharing`] | [`sharing::sharing_goes_only_to_the_page_that_really_embeds_the_frame`] | a declared `share-origin` counts only when it is the embedding page's origin, never top level; the share text names the receiving origin |
//! | [`heights`] | [`heights::frame_height_is_fixed_from_start_on`] | after Start the frame posts the same heights (one fixed height) whatever the answers |
//! | [`exit`] | [`exit::exit_url_with_control_characters_falls_back_to_the_default`] | `"/\t/evil.example"` never leads to evil.example (`embed.js`, `<risk-screen>`, JS API, frame URL) |
//! | [`exit`] | [`exit::quick_exit_sends_no_referrer`] | the exit page gets no `Referer` and an empty `document.referrer`, from a host that sets no referrer policy |
//! | [`sandbox`] | [`sandbox::embed_js_on_the_widgets_own_origin_drops_allow_same_origin`] | `embed.js` served from the host's origin leaves `allow-same-origin` out and says so |
//! | [`panics`] | [`panics::one_panic_hook_for_a_hundred_mounts`] | 100 mounts and destroys, then a panic: one "riskscreen: panicked" error, one root |
//! | [`panics`] | [`panics::debug_switches_never_come_from_a_url`] | `test-panic` / `testPanic` in a frame URL (or an `embed.js` attribute) change nothing |
//!
//! Every test prints what it saw (heights, the frame's `data-rs-embedder-check`,
//! the refusal text), so a run shows the behaviour and not only "ok".
//!
//! The module names stay clear of the libtest filters of `cargo xtask test`
//! (`OTHER_ENGINE_FILTERS` in `xtask/src/test.rs` match by substring): every
//! test here is picked by `hardening::`, and none by another module's filter.
//! This module holds what more than one of them uses.

mod data_sources;
mod exit;
mod heights;
mod panics;
mod sandbox;
mod sharing;

use std::time::Duration;

use riskscreen_e2e::browser::strings;
use riskscreen_e2e::Browser;

/// Long enough for several complete runs.
const LIMIT: Duration = Duration::from_secs(600);

/// The recorder's `console.warn` lines.
async fn warnings(b: &Browser) -> Vec<String> {
    strings(
        &b.js("return window.__e2e ? window.__e2e.warnings : null;")
            .await,
    )
}

/// `data-rs-embedder-check` of the frame's root element (in the frame's context).
async fn embedder_check(b: &Browser) -> Option<String> {
    b.js("return document.documentElement.getAttribute('data-rs-embedder-check');")
        .await
        .as_str()
        .map(str::to_owned)
}
