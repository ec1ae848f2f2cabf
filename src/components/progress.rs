//! The progress indicator: "Question 3 of about 9".
//!
//! "About", because skip logic changes how many questions are asked as answers
//! come in. The bar is decorative; the text says it all.

use crate::i18n::msg;
use yew::prelude::*;

use crate::i18n::{use_i18n, Arg};

/// Props of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// 1-based position of the current question among those shown.
    pub position: usize,
    /// How many questions are shown so far.
    pub total: usize,
}

/// The progress indicator.
#[component]
pub fn Progress(props: &ProgressProps) -> Html {
    let i18n = use_i18n();
    let text = i18n.t_args(
        msg::PROGRESS,
        &[
            ("position", Arg::Num(props.position as u64)),
            ("total", Arg::Num(props.total as u64)),
        ],
    );
    html! {
        <div class="rs-progress">
            <span class="rs-progress-text">{ text }</span>
            <progress
                class="rs-progress-bar"
                aria-hidden="true"
                max={props.total.max(1).to_string()}
                value={props.position.to_string()}
            ></progress>
        </div>
    }
}
