//! The JS entry points: `mount(element, options)`, `showFailure(element,
//! options, problem)` and the [`MountHandle`] `mount` resolves to (README,
//! "Embedding"; `www/widget.js`, `www/risk-screen.js`, `www/frame.js` and
//! `www/boot.js` call them).

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::components::app::{App, AppProps};
use crate::config::{self, Options, Setup};
use crate::state::FlowState;
use crate::{i18n, panic};

/// A mounted widget; `destroy()` unmounts it and removes its listeners.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<yew::AppHandle<App>>,
    element: web_sys::Element,
}

#[wasm_bindgen]
impl MountHandle {
    /// Unmounts the widget: its state (every answer) is dropped, its window
    /// listeners removed and the element emptied.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        panic::uninstall(&self.element);
        self.element.set_text_content(None);
    }
}

/// Mounts the widget into `element`, replacing its content; a promise of the
/// handle.
///
/// `options` is a plain object (see [`config`]): `{ questionnaire, helplines,
/// helplinesAdd?, lang?, country?, exitUrl?, shareResult?, shareTo?, languages?,
/// loadLanguage?, loadStrings?, testPanic? }`, the first three being the
/// compiled JSON texts. Asynchronous because the UI strings of the language
/// shown may have to be loaded first (`loadStrings`, [`i18n::ui_file`]); the
/// element keeps what it has until then (the prerendered start screen on the
/// self-check page). When the questionnaire or a helpline directory is not
/// valid, the element shows the fallback panel (quick exit, 112, the valid
/// directory's lines, in the person's language) with every problem for the site
/// owner, and the promise is rejected with the same text; so it is when the UI
/// strings cannot be loaded (the page's script then shows its own notice).
#[wasm_bindgen]
pub async fn mount(element: web_sys::Element, options: JsValue) -> Result<MountHandle, JsValue> {
    let options = Options::from_js(&options).map_err(|e| JsValue::from_str(&e))?;
    let preferred = preferred_languages();
    let setup = match Setup::new(options.clone(), &preferred) {
        Ok(setup) => setup,
        Err(problem) => {
            show_failure_panel(&element, &options, &preferred, &problem).await;
            return Err(JsValue::from_str(&problem));
        }
    };
    i18n::ui_file::ensure(setup.load_strings.as_ref(), &setup.lang)
        .await
        .map_err(|e| JsValue::from_str(&format!("riskscreen: {e}")))?;
    for warning in &setup.warnings {
        super::warn(warning);
    }
    panic::install(&element, setup.fallback());
    let initial = FlowState::new(
        setup.questionnaire.clone(),
        setup.lang.clone(),
        setup.country.clone(),
    );
    element.set_text_content(None);
    let props = AppProps {
        setup: Rc::new(setup),
        initial: Rc::new(initial),
    };
    let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
    Ok(MountHandle {
        app: Some(app),
        element,
    })
}

/// Shows, in `element`, the panel of a widget that could not start: the quick exit,
/// 112 and the lines of `options.helplines` (when valid), in the person's language,
/// and `problem` for the site owner. For the JS entry points, which refuse some
/// options before mounting (a frame URL may name only the widget's own files).
/// A promise, settled once the panel shows (after loading its UI strings
/// through `options.loadStrings` when the language needs them; in English
/// when they cannot be loaded).
#[wasm_bindgen(js_name = showFailure)]
pub async fn show_failure(element: web_sys::Element, options: JsValue, problem: String) {
    let options = Options::from_js_partial(&options);
    show_failure_panel(&element, &options, &preferred_languages(), &problem).await;
}

/// The panel of a widget that cannot start, in the person's language when its
/// strings can be loaded.
async fn show_failure_panel(
    element: &web_sys::Element,
    options: &Options,
    preferred: &[String],
    problem: &str,
) {
    let lang = config::failure_language(options, preferred);
    if let Err(e) = i18n::ui_file::ensure(options.load_strings.as_ref(), &lang).await {
        super::warn(&format!("riskscreen: {e}"));
    }
    panic::show_failure(
        element,
        &config::failure_fallback(options, preferred),
        problem,
    );
}

/// `navigator.languages`, best first (`navigator.language` if that is empty).
fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}
