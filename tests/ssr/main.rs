//! Render tests: each screen's markup, rendered natively with yew's SSR
//! (`LocalServerRenderer`), checked against the contract the browser tests and
//! assistive technology rely on: the root's lang/dir/data-screen, the quick exit,
//! the live region from the first render, fieldset + legend, real inputs with
//! labels, plural-correct progress, the result's danger block with 112 first.
//!
//! One module per screen or topic:
//!
//! | module | what it renders |
//! |--------|-----------------|
//! | [`questions`] | the start screen, each kind of question, an error, plural forms, right-to-left, the review |
//! | [`result`] | the result of the `demo` fixture: levels, concerns, "not sure", helplines by country, sharing, the exit screen |
//! | [`floors`] | the result of the `floors` fixture: "cannot tell", open danger questions first, why a sign or an open check set the level |
//! | [`danger_block`] | the danger block: 112, the country's line (never a children's line), or, with no country chosen, a prompt to choose one |
//! | [`audience`] | the wording per audience (self-check, intake, platform) |
//! | [`ilo_routes`] | the ILO routes of the shipped NGO intake (issue #10 item 4) |
//!
//! [`support`] renders a state and looks into the markup; `tests/common` (shared
//! with the other native tests) builds the fixtures and the states.

#[path = "../common/mod.rs"]
mod common;
mod support;

mod audience;
mod danger_block;
mod floors;
mod ilo_routes;
mod questions;
mod result;
