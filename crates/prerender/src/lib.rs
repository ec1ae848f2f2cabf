//! Prerenders the self-check page: its first screen as static HTML, one page per
//! language, so that a person sees the start screen, the quick exit, 112 and the
//! helplines before any script or WebAssembly has arrived, and keeps them when
//! either never does.
//!
//! `cargo xtask build` runs the binary (`riskscreen-prerender --template
//! pages/index.html --www www`) after compiling the questionnaires. For each
//! language the questionnaire ships (and the widget has UI strings for) it
//! writes `www/index.<lang>.html`, and the default language's page again as
//! `www/index.html`, the only one with `lang.js` (the redirect to the page in
//! the browser's language, before anything is painted). Each page holds:
//!
//! - in `<main id="app">`, the widget's start screen: the real [`App`] rendered
//!   by yew's server-side renderer with the options the page mounts it with
//!   ([`template::AppOptions`] read from the same `data-*` attributes boot.js
//!   reads, the language forced to the page's). `boot.js` mounts the widget over
//!   it, which renders the same markup: what a person sees does not change
//!   (ARCHITECTURE.md, "The first screen", says why this is a replacement and
//!   not hydration);
//! - below it, the page's own parts ([`page`]): every country's helplines, the
//!   language links and the hidden failure notice, in the page's language;
//! - in `<head>`, the title, description, `<link rel=alternate hreflang>` and
//!   the preloads of the page's questionnaire and helpline files. The `hreflang` links are
//!   absolute when the build is told where the pages will be served
//!   ([`PublicUrl`], `--public-url`): search engines ignore relative ones. Without
//!   it they stay relative, which is all `lang.js` and `boot.js` read.
//!
//! **One language on the wire.** `data-questionnaire` names the whole
//! questionnaire (`q/self-check.json`); the build also writes it once per
//! language with that language's texts only ([`language_file`]:
//! `q/self-check.uk.json`). Each page lists those languages in `data-languages`
//! and preloads its own language's file, which `boot.js` loads; the others are
//! loaded when the person switches language. The helpline directory goes the
//! same way (`q/helplines.uk.json`), unless the page adds lines to it
//! (`data-helplines-add`), when the whole directory is loaded. The start screen is rendered from
//! that same file, with the picker offering every language, as the widget
//! mounts it.
//!
//! **The embeds' fallback.** The same run writes what the frame embed, the
//! custom element and the JS API show when they cannot start ([`fallback`]):
//! `www/fallback-text.js` (the box's strings in every UI language) and
//! `www/fallback/<lang>.html` (every country's helplines, rendered by the same
//! components as the page's).
//!
//! **The UI strings.** The same run writes `www/ui/<lang>.json`, every UI
//! language but English (built into the wasm) as the file the page's script
//! loads ([`ui_strings`]).
//!
//! Text comes from the widget's UI strings (`src/i18n/<lang>.ftl`, the `page-*`
//! messages that only native builds carry) and the questionnaire: nothing is
//! written twice.

pub mod error;
pub mod fallback;
pub mod page;
pub mod template;
pub mod ui_strings;

use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use riskscreen::components::app::{App, AppProps};
use riskscreen::config::{Options, Setup, SetupContext};
use riskscreen::i18n::{direction, Locales};
use riskscreen::panic::escape;
use riskscreen::state::FlowState;
use yew::{AttrValue, LocalServerRenderer};

pub use error::Error;
pub use fallback::{fallback, write_fallback, FallbackFiles};
use page::{NoScriptParts, NoScriptPartsProps, PageParts, PagePartsProps};
pub use template::Template;
pub use ui_strings::write_ui_strings;

/// The file of the page in `lang`, relative to `www/`.
pub fn page_file(lang: &str) -> String {
    format!("index.{lang}.html")
}

/// The questionnaire `whole` (a path ending in `.json`, relative to `www/`) with
/// the texts of `lang` only: `q/self-check.json` → `q/self-check.uk.json`, as
/// `cargo xtask build` writes it and `boot.js` names it.
pub fn language_file(whole: &str, lang: &str) -> String {
    let stem = whole.strip_suffix(".json").unwrap_or(whole);
    format!("{stem}.{lang}.json")
}

/// The page served for `/`: the default language's, with the redirect.
pub const DEFAULT_PAGE: &str = "index.html";

/// The classic script on [`DEFAULT_PAGE`] that moves a browser preferring
/// another language to that language's page before the first paint.
pub const REDIRECT_SCRIPT: &str = "lang.js";

/// Where the pages will be served, when the deployer says so (`cargo xtask
/// dist --public-url https://help.example.org/check/`): the folder of
/// `index.html`, always ending in `/`. A static build cannot know its own
/// address, and search engines (and Lighthouse's SEO audit) take an `hreflang`
/// link only as an absolute address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// An absolute `http://` or `https://` address with a host, and no query,
    /// fragment, credentials, whitespace or quotes; a `/` is added at the end
    /// when missing.
    pub fn parse(url: &str) -> Result<PublicUrl, Error> {
        let refuse = |reason| {
            Err(Error::PublicUrl {
                url: url.to_owned(),
                reason,
            })
        };
        let Some(rest) = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
        else {
            return refuse("not an http:// or https:// address");
        };
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() {
            return refuse("no host");
        }
        if host.contains('@') {
            return refuse("credentials have no place in a public address");
        }
        if url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\?#".contains(c))
        {
            return refuse("whitespace, quotes, a query or a fragment");
        }
        let mut url = url.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(PublicUrl(url))
    }

    /// The address of `file` (a page of the same folder).
    pub fn of(&self, file: &str) -> String {
        format!("{}{file}", self.0)
    }

    /// The address, ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One prerendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its file, relative to `www/`.
    pub file: String,
    /// Its language.
    pub lang: String,
    /// The HTML.
    pub html: String,
}

/// Every page of `template`, with the questionnaire and directory it names read
/// from `www`; their `hreflang` links absolute under `public_url` when given.
pub fn prerender(
    template: &Template,
    www: &Path,
    public_url: Option<&PublicUrl>,
) -> Result<Vec<Page>, Error> {
    let app = template.app_options()?;
    let read = |relative: &str| read(www, relative);
    let options = page_options(template, www)?;
    // The languages of the questionnaire that have UI strings: a page in a
    // language the chrome would show in English is not worth its own URL.
    let probe = setup(&options, None)?;
    let ui = Locales::new();
    let languages: Vec<AttrValue> = probe
        .questionnaire
        .languages
        .iter()
        .filter(|l| ui.bundles().iter().any(|b| b.lang() == l.as_str()))
        .map(|l| AttrValue::from(l.clone()))
        .collect();
    let default = probe.questionnaire.default_language.clone();
    let runtime = runtime()?;
    let all: Vec<String> = languages.iter().map(|l| l.to_string()).collect();
    let mut pages = Vec::new();
    for lang in &languages {
        let file = language_file(&app.questionnaire, lang);
        // The page's directory in its language only, as boot.js loads it,
        // unless lines are added to it (boot.js then loads the whole one).
        let helplines = match &app.helplines_add {
            None => language_file(&app.helplines, lang),
            Some(_) => app.helplines.clone(),
        };
        let options = Options {
            questionnaire: read(&file)?,
            helplines: Some(read(&helplines)?),
            languages: all.clone(),
            ..options.clone()
        };
        let setup = Rc::new(setup(&options, Some(lang))?);
        let setup = &PageSetup {
            setup,
            questionnaire: file,
            helplines,
            public_url,
        };
        let html = runtime.block_on(render(template, setup, &languages, false))?;
        if lang.as_str() == default {
            let html = runtime.block_on(render(template, setup, &languages, true))?;
            pages.push(Page {
                file: DEFAULT_PAGE.to_owned(),
                lang: lang.to_string(),
                html,
            });
        }
        pages.push(Page {
            file: page_file(lang),
            lang: lang.to_string(),
            html,
        });
    }
    Ok(pages)
}

/// The single-threaded runtime the server-side renderer runs on.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|source| Error::Io {
            path: PathBuf::from("(tokio runtime)"),
            source,
        })
}

/// `www/<relative>`, read.
fn read(www: &Path, relative: &str) -> Result<String, Error> {
    let path = www.join(relative);
    fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
}

/// The widget's options of `template`'s page (`<main id="app">`), with the whole
/// questionnaire and the directory it names read from `www`.
fn page_options(template: &Template, www: &Path) -> Result<Options, Error> {
    let app = template.app_options()?;
    Ok(Options {
        questionnaire: read(www, &app.questionnaire)?,
        helplines: Some(read(www, &app.helplines)?),
        helplines_add: app
            .helplines_add
            .as_deref()
            .map(|f| read(www, f))
            .transpose()?,
        country: app.country.clone(),
        exit_url: app.exit_url.clone(),
        ..Options::default()
    })
}

/// The widget's setup for the page in `lang` (`None`: the default language), as
/// `mount` builds it from the page's options.
fn setup(options: &Options, lang: Option<&AttrValue>) -> Result<Setup, Error> {
    let options = Options {
        lang: lang.map(|l| l.to_string()),
        ..options.clone()
    };
    let label = options.lang.clone().unwrap_or_else(|| "default".into());
    let setup = Setup::new(options, &[]).map_err(|message| Error::Setup {
        lang: label.clone(),
        message,
    })?;
    for warning in &setup.warnings {
        eprintln!("riskscreen-prerender ({label}): {warning}");
    }
    Ok(setup)
}

/// What a page is rendered from: the widget's setup and the questionnaire and
/// helpline files it was read from.
struct PageSetup<'a> {
    setup: Rc<Setup>,
    questionnaire: String,
    helplines: String,
    public_url: Option<&'a PublicUrl>,
}

/// One page: the template filled for `setup`'s language.
async fn render(
    template: &Template,
    page: &PageSetup<'_>,
    languages: &[AttrValue],
    redirect: bool,
) -> Result<String, Error> {
    let setup = &page.setup;
    let lang = setup.lang.to_string();
    let initial = FlowState::new(
        setup.questionnaire.clone(),
        setup.lang.clone(),
        setup.country.clone(),
    );
    let widget = LocalServerRenderer::<App>::with_props(AppProps {
        setup: setup.clone(),
        initial: Rc::new(initial),
    })
    .hydratable(false)
    .render()
    .await;
    let parts = LocalServerRenderer::<PageParts>::with_props(PagePartsProps {
        setup: SetupContext(setup.clone()),
        languages: languages.to_vec(),
    })
    .hydratable(false)
    .render()
    .await;
    let noscript = LocalServerRenderer::<NoScriptParts>::with_props(NoScriptPartsProps {
        setup: SetupContext(setup.clone()),
    })
    .hydratable(false)
    .render()
    .await;
    let title = setup.locales.format(&lang, "page-title", &[]);
    let description = setup
        .questionnaire
        .description
        .get_or(&lang, &setup.questionnaire.default_language);
    let address = |file: &str| match page.public_url {
        Some(base) => base.of(file),
        None => file.to_owned(),
    };
    let mut alternates: Vec<String> = languages
        .iter()
        .map(|l| {
            format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape(l),
                escape(&address(&page_file(l)))
            )
        })
        .collect();
    alternates.push(format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
        escape(&address(DEFAULT_PAGE))
    ));
    let redirect = if redirect {
        format!("<script src=\"{REDIRECT_SCRIPT}\"></script>")
    } else {
        String::new()
    };
    template.fill(&[
        ("lang", escape(&lang)),
        ("dir", direction(&lang).to_owned()),
        ("title", escape(&title)),
        ("description", escape(description)),
        ("alternates", alternates.join("\n  ")),
        ("redirect", redirect),
        ("questionnaire", escape(&page.questionnaire)),
        ("helplines", escape(&page.helplines)),
        ("strings", strings_preload(&lang)),
        (
            "languages",
            escape(
                &languages
                    .iter()
                    .map(AttrValue::as_str)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ),
        ("noscript", noscript),
        ("widget", widget),
        ("page", parts),
    ])
}

/// The preload of the UI strings of `lang`, the same request `www/options.js`
/// makes for the wasm; none for English, which the wasm carries.
fn strings_preload(lang: &str) -> String {
    if riskscreen::i18n::strings_missing_in_wasm(lang) {
        format!(
            "<link rel=\"preload\" href=\"{}/{}.json\" as=\"fetch\" type=\"application/json\" crossorigin>",
            ui_strings::UI_DIR,
            escape(&riskscreen::i18n::primary(lang))
        )
    } else {
        String::new()
    }
}

/// Writes `pages` into `www`.
pub fn write(pages: &[Page], www: &Path) -> Result<(), Error> {
    for page in pages {
        let path = www.join(&page.file);
        fs::write(&path, &page.html).map_err(|source| Error::Io { path, source })?;
    }
    Ok(())
}
