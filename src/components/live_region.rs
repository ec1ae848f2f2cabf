//! The live region: progress, errors and screen changes, announced politely.
//!
//! `div.rs-live[role=status][aria-live=polite]` is rendered from the first render
//! on (a live region must exist before its content changes). Each notice is a new
//! keyed `<span>`, so the same text (the same error twice) is announced again.

use crate::i18n::msg;
use yew::prelude::*;

use crate::i18n::{Arg, LocaleContext};
use crate::state::{FlowError, Notice};

/// The live region, announcing `notice`; a new `seq` announces it again. A
/// function, not a component: each component brings its own create,
/// props-changed and view glue into the wasm (README, Performance and size),
/// and this one has no state of its own.
pub fn live_region(i18n: &LocaleContext, notice: Option<Notice>, seq: u32) -> Html {
    let text = notice.map(|n| notice_text(i18n, n));
    html! {
        <div class="rs-live rs-vh" role="status" aria-live="polite">
            { for text.map(|t| html! { <span key={seq}>{ t }</span> }) }
        </div>
    }
}

/// The words of a notice in the active language.
pub fn notice_text(i18n: &LocaleContext, notice: Notice) -> String {
    match notice {
        Notice::Progress { position, total } => i18n.t_args(
            msg::PROGRESS,
            &[
                ("position", Arg::Num(position as u64)),
                ("total", Arg::Num(total as u64)),
            ],
        ),
        Notice::Error(FlowError::NothingChosen) => i18n.t(msg::ERROR_CHOOSE_PLAIN),
        Notice::Review => i18n.t(msg::NOTICE_REVIEW),
        Notice::Result => i18n.t(msg::NOTICE_RESULT),
        Notice::Restarted => i18n.t(msg::NOTICE_RESTARTED),
    }
}
