//! A language picked mid-run that the questionnaire does not carry yet: its file
//! is loaded through the page's `loadLanguage` and merged in, answers kept (and
//! its UI strings through `loadStrings` when they are not there yet,
//! [`crate::i18n::ui_file`], and the helpline names through `loadHelplines` when
//! the page's directory is its language's only, `q/helplines.<lang>.json`).
//!
//! The self-check page downloads the questionnaire in its own language only
//! (`q/<stem>.<lang>.json`, README "Performance and size"). When the person picks
//! another language, [`load`] calls the `loadLanguage` function the page passed to
//! `mount` (`www/boot.js`: a fetch of that language's file from the widget's own
//! origin, with the same stall timeout as every other download). The JSON text it
//! resolves to is read and checked as the questionnaire was
//! ([`crate::config::checked_questionnaire`]) and must be the same questionnaire
//! ([`riskscreen_core::Questionnaire::merge_languages`]); then
//! [`Action::AddLanguage`] merges it into the flow state, and every later switch
//! to it is instant. Nothing about the answers is in the request: it names a
//! language file, and it is made by the page's script, not by the widget, which
//! makes no request of its own (ARCHITECTURE.md). When anything fails the flow
//! stays in its language, the picker shows that language again, and the console
//! says why.

use std::rc::Rc;

use riskscreen_core::Questionnaire;
use yew::Callback;

use crate::config::Setup;
use crate::state::Action;

/// Loads `lang` for the flow running `current`: its UI strings when they are
/// not there yet ([`crate::i18n::ui_file::ensure`]), its questionnaire file
/// when the questionnaire does not carry it, and its helpline file when the
/// directory does not (all three requested at once); then dispatches
/// [`Action::AddLanguage`] (or [`Action::SetLanguage`] when only the strings
/// were missing). Calls `failed` when the strings or the questionnaire cannot be
/// had, or at once when there is nothing to load with. A helpline file that
/// cannot be had does not stop the switch: the names then show in the
/// directory's default language, the page's, and the console says why.
pub fn load(
    setup: &Setup,
    current: &Rc<Questionnaire>,
    lang: String,
    dispatch: Callback<Action>,
    failed: Callback<()>,
) {
    #[cfg(target_arch = "wasm32")]
    {
        let carried =
            |languages: &[String]| languages.iter().any(|l| l.eq_ignore_ascii_case(&lang));
        let texts = (!carried(&current.languages)).then(|| match &setup.load_language {
            Some(loader) => Ok(loader.text(&lang)),
            None => Err("no loadLanguage option".to_owned()),
        });
        let base = setup.directory.clone();
        let helplines = match &setup.load_helplines {
            Some(loader) if !carried(&base.languages) => Some(loader.text(&lang)),
            _ => None,
        };
        let strings_loader = setup.load_strings.clone();
        let current = current.clone();
        yew::platform::spawn_local(async move {
            let helplines = match helplines {
                Some(file) => match read_helplines(file.await, &base, &lang) {
                    Ok(file) => Some(crate::state::AddedHelplines {
                        base,
                        file: Rc::new(file),
                    }),
                    Err(problem) => {
                        crate::js::warn(&format!(
                            "riskscreen: the helplines in `{lang}` could not be loaded: {problem}"
                        ));
                        None
                    }
                },
                None => None,
            };
            let loaded = async {
                crate::i18n::ui_file::ensure(strings_loader.as_ref(), &lang).await?;
                match texts {
                    None => Ok(None),
                    Some(started) => read_questionnaire(started?.await, &current, &lang).map(Some),
                }
            };
            match loaded.await {
                Ok(None) if helplines.is_none() => dispatch.emit(Action::SetLanguage(lang)),
                Ok(texts) => dispatch.emit(Action::AddLanguage {
                    texts: texts.map(Rc::new),
                    helplines,
                    show: lang,
                }),
                Err(problem) => {
                    crate::js::warn(&format!(
                        "riskscreen: `{lang}` could not be loaded: {problem}"
                    ));
                    failed.emit(());
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Natively (render tests, the prerenderer) nothing runs a loader.
        let _ = (setup, current, lang, dispatch);
        failed.emit(());
    }
}

/// Reads what `loadLanguage` resolved to: the same questionnaire, with `lang`.
#[cfg(target_arch = "wasm32")]
fn read_questionnaire(
    text: Result<String, String>,
    current: &Questionnaire,
    lang: &str,
) -> Result<Questionnaire, String> {
    let texts = crate::config::checked_questionnaire(&text?)?;
    if !texts.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
        return Err(format!("the file has no `{lang}` texts"));
    }
    // The reducer merges again; checked here so that a wrong file is reported.
    current.clone().merge_languages(&texts)?;
    Ok(texts)
}

/// Reads what `loadHelplines` resolved to: the same directory, with `lang`,
/// checked with the widget's rules like every directory.
#[cfg(target_arch = "wasm32")]
fn read_helplines(
    text: Result<String, String>,
    current: &riskscreen_core::helplines::Directory,
    lang: &str,
) -> Result<riskscreen_core::helplines::Directory, String> {
    let file = crate::config::checked_directory("loadHelplines", &text?)?;
    if !file.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
        return Err(format!("the file has no `{lang}` names"));
    }
    current.clone().merge_languages(&file)?;
    Ok(file)
}
