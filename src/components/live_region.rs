//! The live region: progress, errors and screen changes, announced politely.
//!
//! `div.rs-live[role=status][aria-live=polite]` is rendered from the first render
//! on (a live region must exist before its content changes). Each notice is a new
//! keyed `<span>`, so the same text (the same error twice) is announced again.

use crate::i18n::msg;
use yew::prelude::*;

use crate::i18n::{use_i18n, Arg, LocaleContext};
use crate::state::{FlowError, Notice};

/// Props of [`LiveRegion`].
#[derive(Properties, PartialEq)]
pub struct LiveRegionProps {
    /// What to announce.
    pub notice: Option<Notice>,
    /// Changes when the notice must be announced again.
    pub seq: u32,
}

/// The live region.
#[component]
pub fn LiveRegion(props: &LiveRegionProps) -> Html {
    let i18n = use_i18n();
    let text = props.notice.map(|n| notice_text(&i18n, n));
    html! {
        <div class="rs-live rs-vh" role="status" aria-live="polite">
            { for text.map(|t| html! { <span key={props.seq}>{ t }</span> }) }
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
