//! Small hooks shared by the screens.

use yew::prelude::*;

/// Moves keyboard focus to `heading` when the flow's `step` changes (on every
/// screen change), but not on the first render of the page (`step == 0`): the
/// widget must not steal focus from the host page when it loads.
///
/// The heading needs `tabindex="-1"`. Focusing it also scrolls it into view, and
/// screen readers read it, so the person always knows where they are.
#[hook]
pub fn use_focus_on_step(heading: NodeRef, step: u32) {
    use_effect_with(step, move |&step| {
        if step > 0 {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
