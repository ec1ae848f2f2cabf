//! What can go wrong while prerendering, as data: each error names the file, the
//! template part or the option at fault, so `cargo xtask build` says what to fix.

use std::fmt;
use std::path::PathBuf;

/// A prerendering failure.
#[derive(Debug)]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The page template is not what the prerenderer fills in: no `<main
    /// id="app">`, an unknown or unfilled `{{placeholder}}`, a missing option.
    Template(String),
    /// The widget refused the page's options (the questionnaire or the helpline
    /// directory the page names is not valid): the page would not start either.
    Setup {
        /// The page's language.
        lang: String,
        /// The widget's own message.
        message: String,
    },
    /// `--public-url` is not an absolute `http(s)://` address of a folder.
    PublicUrl {
        /// What was given.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Template(problem) => write!(f, "page template: {problem}"),
            Error::Setup { lang, message } => {
                write!(
                    f,
                    "the widget refuses the page's options ({lang}): {message}"
                )
            }
            Error::PublicUrl { url, reason } => write!(
                f,
                "--public-url {url:?}: {reason} (expected the address the pages are served at, \
                 like https://help.example.org/check/)"
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
