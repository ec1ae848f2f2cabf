//! "Share the result": the opt-in hand-over of a result summary to the host page.
//!
//! Rendered on the result screen only when [`crate::config::Setup::share_to`]
//! names a receiving origin (the embedder asked for sharing and the questionnaire
//! is not a self-check). It names that origin, says what would be shared, and
//! nothing leaves the widget until the button
//! is pressed: then a `riskscreen:complete` event is dispatched from this
//! section ([`shared_result::dispatch`], at the wasm boundary, which also makes
//! its `detail`). The embedder listens on the mount element (JS API),
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
use yew::prelude::*;

use crate::i18n::{use_i18n, Arg};
use crate::js::shared_result;

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
                if shared_result::dispatch(&target, &evaluation) {
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
