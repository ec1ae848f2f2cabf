//! "Share the result": the opt-in hand-over of a result summary to the host page.
//!
//! Rendered on the result screen only when [`crate::config::Setup::share_to`]
//! names a receiving origin (the embedder asked for sharing and the questionnaire
//! is not a self-check). It names that origin, says what would be shared, and
//! nothing leaves the widget until the button
//! is pressed: then a `riskscreen:complete` [`web_sys::CustomEvent`] (bubbling,
//! `composed`, so it crosses a shadow root) is dispatched from this section, with
//! [`summary`] as its `detail`. The embedder listens on the mount element (JS API),
//! the `<risk-screen>` element, or, in the frame embed, `frame.js` forwards it to
//! the one origin the host declared.
//!
//! The summary is the result, not the answers: the questionnaire, the level, the
//! danger flag, and the ids of the signs found and of the questions left open.
//!
//! Markup: `section.rs-share` with `button[data-action="share"]` and a status line
//! `p.rs-share-status[role=status]` that exists before it says "shared".

use crate::i18n::msg;
use riskscreen_core::Evaluation;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::i18n::{use_i18n, Arg};

/// The event's name.
pub const EVENT: &str = "riskscreen:complete";

/// Props of [`ShareResult`].
#[derive(Properties, PartialEq)]
pub struct ShareResultProps {
    /// The result to share.
    pub evaluation: std::rc::Rc<Evaluation>,
    /// The origin that receives it (`https://ngo.example.org`), named to the person.
    pub origin: AttrValue,
}

/// The share section of the result screen.
#[component]
pub fn ShareResult(props: &ShareResultProps) -> Html {
    let i18n = use_i18n();
    let shared = use_state(|| false);
    let section = use_node_ref();
    let onclick = {
        let shared = shared.clone();
        let section = section.clone();
        let evaluation = props.evaluation.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(target) = section.get() {
                if dispatch(&target, &evaluation) {
                    shared.set(true);
                }
            }
        })
    };
    let site = [("site", Arg::Str(&props.origin))];
    html! {
        <section class="rs-share" ref={section}>
            <h3>{ i18n.t(msg::SHARE_HEADING) }</h3>
            <p>{ i18n.t_args(msg::SHARE_TEXT, &site) }</p>
            if !*shared {
                <button type="button" class="rs-primary" data-action="share" {onclick}>
                    { i18n.t(msg::SHARE_BUTTON) }
                </button>
            }
            <p class="rs-share-status" role="status">
                if *shared { { i18n.t_args(msg::SHARE_DONE, &site) } }
            </p>
        </section>
    }
}

/// Dispatches the event from `target`; whether it was dispatched.
fn dispatch(target: &web_sys::Node, evaluation: &Evaluation) -> bool {
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
