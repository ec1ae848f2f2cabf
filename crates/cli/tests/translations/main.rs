//! End-to-end tests of `riskscreen translations …` and the "Translations" section
//! of `riskscreen report`.
//!
//! `import` and `record` write next to the questionnaire, so every test copies the
//! fixtures it needs (`tests/fixtures/translations/`) into a directory of its own
//! and runs the binary there:
//!
//! - `offer.toml`: a valid questionnaire in en and uk, its layout varied on purpose
//!   (spaced and compact inline tables, a standard table, trailing comments);
//! - `offer.pl.expected.toml`: `offer.toml` after importing the Polish of [`support::POLISH`];
//! - `incomplete.toml`: declares pl, two strings lack it;
//! - `helplines.toml`: a helpline directory in en and uk;
//! - `review-status.toml`: copied to `translations/review-status.toml`;
//! - `ui/*.ftl`: UI strings: `uk` complete, `pl` lacking a plural category, `de`
//!   lacking messages and with an extra one.
//!
//! One module per job of the commands; what they share is in [`support`]:
//!
//! | module | what it checks |
//! |--------|----------------|
//! | [`export_import`] | `export` gives one entry per string with its key as context; `import` after it keeps comments and layout and writes the record |
//! | [`refusals`] | unknown or repeated keys, a PO file of another questionnaire, a broken one, the source language: refused, nothing written |
//! | [`review`] | a changed source makes translations stale until reviewed; `record` records existing ones and keeps stale ones stale |
//! | [`status`] | `status` exits 1 only for missing strings of declared languages; Fluent UI files by message id and plural category |
//! | [`report`] | the "Translations" section of `riskscreen report`: coverage and native review per declared language |

mod support;

mod export_import;
mod refusals;
mod report;
mod review;
mod status;
