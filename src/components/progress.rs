//! The progress indicator: "Question 3 of about 9".
//!
//! "About", because skip logic changes how many questions are asked as answers
//! come in. The bar is decorative; the text says it all.

use crate::i18n::msg;
use yew::prelude::*;

use crate::i18n::{Arg, LocaleContext};

/// The progress indicator, `position` (1-based) among the `total` questions
/// shown so far. A function, not a component: each component brings its own
/// create, props-changed and view glue into the wasm (README, Performance and
/// size), and this one has no state of its own.
pub fn progress(i18n: &LocaleContext, position: usize, total: usize) -> Html {
    let text = i18n.t_args(
        msg::PROGRESS,
        &[
            ("position", Arg::Num(position as u64)),
            ("total", Arg::Num(total as u64)),
        ],
    );
    html! {
        <div class="rs-progress">
            <span class="rs-progress-text">{ text }</span>
            <progress
                class="rs-progress-bar"
                aria-hidden="true"
                max={total.max(1).to_string()}
                value={position.to_string()}
            ></progress>
        </div>
    }
}
