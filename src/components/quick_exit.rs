//! The "Leave quickly" control, on every screen, and its Shift×3 shortcut.
//!
//! `a.rs-exit[role=button]` (first in the tab order), a link to the exit URL with
//! `rel="noreferrer"`, as GOV.UK's "Exit this page" is: in the prerendered page
//! it leaves before any script has run (the plain link), and once the app runs
//! a click, Enter or Space leaves through [`leave`] (cover, `location.replace`,
//! the frame's parent told), never through the link's own navigation, which
//! would add a history entry. Plus a window key listener (see
//! [`crate::quick_exit`]) installed while the app is mounted. Three dots show
//! how many Shift presses were counted and a polite announcement says how many
//! remain; both reset when the five seconds pass.

use crate::i18n::msg;
use yew::prelude::*;

use crate::config::use_setup;
use crate::i18n::{use_i18n, Arg};
use crate::quick_exit::{leave, Listener, PRESSES};

/// Props of [`QuickExit`].
#[derive(Properties, PartialEq)]
pub struct QuickExitProps {
    /// Runs after leaving started: wipes the flow state.
    pub on_exit: Callback<()>,
    /// Runs when the page is restored from the back/forward cache after leaving.
    pub on_restore: Callback<()>,
}

/// The quick exit.
#[component]
pub fn QuickExit(props: &QuickExitProps) -> Html {
    let setup = use_setup();
    let i18n = use_i18n();
    let presses = use_state_eq(|| 0_u8);
    {
        let url = setup.exit_url.clone();
        let setter = presses.setter();
        let on_count = Callback::from(move |n: u8| setter.set(n));
        let on_exit = props.on_exit.clone();
        let on_restore = props.on_restore.clone();
        use_effect_with((), move |()| {
            let listener = Listener::install(url, on_count, on_exit, on_restore);
            move || drop(listener)
        });
    }
    let exit = {
        let url = setup.exit_url.clone();
        let on_exit = props.on_exit.clone();
        move || {
            leave(&url);
            on_exit.emit(());
        }
    };
    let onclick = {
        let exit = exit.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            exit();
        })
    };
    // A link answers Enter by itself (a click); Space is what a button also
    // answers, and the control says it is one.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == " " {
            e.prevent_default();
            exit();
        }
    });
    let count = *presses;
    let progress = if count > 0 {
        i18n.t_args(
            msg::EXIT_PROGRESS,
            &[(
                "remaining",
                Arg::Num(u64::from(PRESSES.saturating_sub(count))),
            )],
        )
    } else {
        String::new()
    };
    html! {
        <div class="rs-exit-area">
            <a class="rs-exit" href={setup.exit_url.clone()} rel="noreferrer" role="button" {onclick} {onkeydown}>
                { i18n.t(msg::EXIT_BUTTON) }
            </a>
            <span class="rs-exit-hint">
                { i18n.t(msg::EXIT_HINT) }
                <span class="rs-presses" aria-hidden="true" data-presses={count.to_string()}>
                    // Two literal classes, not one chosen by an expression: that goes
                    // through yew's `Classes`, an `IndexSet` (README, Performance and size).
                    { for (0..PRESSES).map(|i| if i < count {
                        html! { <span key={i} class="rs-press rs-press-on"></span> }
                    } else {
                        html! { <span key={i} class="rs-press"></span> }
                    }) }
                </span>
            </span>
            <span class="rs-vh" aria-live="polite">{ progress }</span>
        </div>
    }
}
