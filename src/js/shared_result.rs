//! The shared-result contract with the embedder: the `riskscreen:complete`
//! [`web_sys::CustomEvent`] (bubbling, `composed`, so it crosses a shadow root)
//! that "Share the result" ([`crate::components::share_result`]) dispatches, and
//! its `detail`, [`summary`]. The embedder listens on the mount element (JS
//! API), the `<risk-screen>` element, or, in the frame embed, `frame.js`
//! forwards it to the one origin the host declared (README, "Embedding").
//!
//! The summary is the result, not the answers: the questionnaire, the level, the
//! danger flag, and the ids of the signs found and of the questions left open.
//! It is not the CLI's `score --format json`, which prints the whole
//! `Evaluation` (which answer marked which sign included) for the person at the
//! terminal: this summary leaves the widget, so it carries the result only.

use riskscreen_core::Evaluation;
use wasm_bindgen::JsValue;

/// The event's name.
pub const EVENT: &str = "riskscreen:complete";

/// Dispatches the event from `target`; whether it was dispatched.
pub fn dispatch(target: &web_sys::Node, evaluation: &Evaluation) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&summary(evaluation));
    web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init)
        .is_ok_and(|event| target.dispatch_event(&event).is_ok())
}

/// The `detail` of the event: `{ questionnaire, version, level, danger,
/// dangerSigns, signs, unsure, declined, score?, patternMet?, route? }` (ids only).
pub fn summary(evaluation: &Evaluation) -> JsValue {
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    let list = |ids: &[riskscreen_core::Id]| -> JsValue {
        ids.iter()
            .map(|id| JsValue::from_str(id))
            .collect::<js_sys::Array>()
            .into()
    };
    set(
        "questionnaire",
        JsValue::from_str(&evaluation.questionnaire),
    );
    set("version", JsValue::from_str(&evaluation.version));
    set("level", JsValue::from_str(&evaluation.level));
    set("danger", JsValue::from_bool(evaluation.danger));
    set("dangerSigns", list(&evaluation.danger_indicators));
    set("signs", list(&evaluation.present));
    set("unsure", list(&evaluation.unsure));
    set("declined", list(&evaluation.declined));
    if let Some(score) = evaluation.score {
        set("score", JsValue::from_f64(f64::from(score)));
    }
    if let Some(met) = evaluation.pattern_met {
        set("patternMet", JsValue::from_bool(met));
    }
    if let Some(route) = &evaluation.route {
        set("route", JsValue::from_str(route));
    }
    object.into()
}
