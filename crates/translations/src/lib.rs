//! The translation workflow of riskscreen, as a library: what `riskscreen
//! translations` and `riskscreen report` know about translating questionnaires,
//! the helpline directory and the widget's UI strings.
//!
//! Questionnaires and the helpline directory keep every user-facing string as a
//! table of languages in the TOML source (`text = { en = "…", uk = "…" }`).
//! Translators get a gettext PO file for their language, and the PO is written back
//! into the TOML keeping its comments and layout. `docs/translating.md` is the
//! translator's guide; the commands are described in the CLI
//! (`crates/cli/src/translations.rs`).
//!
//! # Why a library
//!
//! The CLI stays a thin shell, as ripgrep's binary is over its crates: it parses
//! arguments, reads and writes files, prints and turns outcomes into exit codes.
//! Everything here is text in, a value out: no file IO, no printing, no `anyhow`;
//! errors are typed ([`po::PoError`], [`review::ReviewError`],
//! [`edit::EditError`], [`import::LanguageError`], [`import::ApplyError`]). That keeps the workflow's rules testable without files,
//! and in one place for any other front end.
//!
//! # Modules
//!
//! - [`strings`]: every string to translate, from the core's walk: its stable key
//!   (the PO `msgctxt`), the [`strings::Place`] `import` writes it to and the
//!   translators' comments.
//! - [`po`]: the gettext PO format, read ([`po::parse`]) and written ([`po::write`]).
//! - [`record`]: records of what each translation was made from
//!   (`<dir>/translations/<lang>/<stem>.po`), and the coverage they give (stale and
//!   unrecorded strings).
//! - [`review`]: native-speaker review status (`translations/review-status.toml`).
//! - [`fluent`]: the coverage of the widget's UI strings (`src/i18n/<lang>.ftl`).
//! - [`edit`]: writing a translation into the TOML source with `toml_edit`.
//! - [`export`], [`import`], [`status`]: the planning of the commands, pure: the PO
//!   catalog an export writes; what an import takes, skips and refuses, the TOML edited
//!   in memory and the lines that report it; the languages and the table of `status`.
//! - [`languages`]: the languages, from the core's table, and what is the
//!   workflow's own (the Fluent source language, language tags).

pub mod edit;
pub mod export;
pub mod fluent;
pub mod import;
pub mod languages;
pub mod po;
pub mod record;
pub mod review;
pub mod status;
pub mod strings;
