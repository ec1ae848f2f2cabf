//! A language picked mid-run that the questionnaire does not carry yet: its file
//! is loaded through the page's `loadLanguage` and merged in, answers kept (and
//! its UI strings through `loadStrings` when they are not there yet,
//! [`crate::i18n::ui_file`]).
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
#[cfg(target_arch = "wasm32")]
use crate::js::loader::Loader;
use crate::state::Action;

/// Loads `lang` for the flow running `current`: its UI strings when they are
/// not there yet ([`crate::i18n::ui_file::ensure`]), and its questionnaire file
/// when the questionnaire does not carry it; then dispatches
/// [`Action::AddLanguage`] (or [`Action::SetLanguage`] when only the strings
/// were missing). Calls `failed` when anything fails, or at once when there is
/// nothing to load with.
pub fn load(
    setup: &Setup,
    current: &Rc<Questionnaire>,
    lang: String,
    dispatch: Callback<Action>,
    failed: Callback<()>,
) {
    #[cfg(target_arch = "wasm32")]
    {
        let carried = current
            .languages
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&lang));
        let questionnaire_loader = setup.load_language.clone();
        let strings_loader = setup.load_strings.clone();
        let current = current.clone();
        yew::platform::spawn_local(async move {
            let loaded = async {
                crate::i18n::ui_file::ensure(strings_loader.as_ref(), &lang).await?;
                if carried {
                    return Ok(None);
                }
                let loader = questionnaire_loader.ok_or("no loadLanguage option")?;
                fetch(&loader, &current, &lang).await.map(Some)
            };
            match loaded.await {
                Ok(Some(texts)) => dispatch.emit(Action::AddLanguage {
                    texts: Rc::new(texts),
                    show: lang,
                }),
                Ok(None) => dispatch.emit(Action::SetLanguage(lang)),
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

/// Calls the loader and reads what it resolves to.
#[cfg(target_arch = "wasm32")]
async fn fetch(
    loader: &Loader,
    current: &Questionnaire,
    lang: &str,
) -> Result<Questionnaire, String> {
    let text = loader.text(lang).await?;
    let texts = crate::config::checked_questionnaire(&text)?;
    if !texts.languages.iter().any(|l| l.eq_ignore_ascii_case(lang)) {
        return Err(format!("the file has no `{lang}` texts"));
    }
    // The reducer merges again; checked here so that a wrong file is reported.
    current.clone().merge_languages(&texts)?;
    Ok(texts)
}
