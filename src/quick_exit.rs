//! Quick exit: the "Leave quickly" control and Shift pressed three times.
//!
//! The pattern is GOV.UK's "Exit this page": three presses of Shift, each within
//! five seconds of the last, leave the page; Shift used with another key (capitals)
//! or with Ctrl, Alt or Meta does not count. Esc alone is deliberately not used: it
//! also stops page loads and is not a user activation.
//!
//! Leaving ([`leave`]):
//! 1. adds `rs-exiting` to `<html>`, which the stylesheet uses to hide the whole
//!    page at once (before the next paint, long before the navigation completes);
//! 2. replaces the current history entry with the exit page (`location.replace`,
//!    so Back does not return here); in a frame, the top window's location is
//!    replaced when the browser allows it, else the frame's own;
//! 3. (the caller) dispatches [`crate::state::Action::Exit`], wiping every answer.
//!
//! If the browser restores the page from its back/forward cache, [`Listener`]
//! removes the cover again and the app shows the start screen, answers gone.
//!
//! [`ShiftCounter`] is the pure counting logic, tested natively; [`Listener`] wires
//! it to the window's keyboard events and removes itself when dropped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

/// The class added to `<html>` while leaving.
pub const EXITING_CLASS: &str = "rs-exiting";

/// Presses of Shift needed to leave.
pub const PRESSES: u8 = 3;

/// How long after a press the next one still counts, in milliseconds.
pub const WINDOW_MS: f64 = 5000.0;

/// Counts presses of Shift on its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShiftCounter {
    presses: u8,
    last: f64,
    modified: bool,
}

/// A key event as the counter needs it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Key<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Shift held (for the key up of Shift itself: false).
    pub shift: bool,
    /// Ctrl, Alt or Meta held.
    pub other_modifier: bool,
    /// An auto-repeat.
    pub repeat: bool,
}

impl ShiftCounter {
    /// Presses counted so far in the current sequence.
    pub fn presses(&self) -> u8 {
        self.presses
    }

    /// Notes a key going down: any other key while Shift is held (typing a
    /// capital) spoils the Shift press it belongs to.
    pub fn key_down(&mut self, key: Key<'_>) {
        if key.key != "Shift" && (key.shift || key.other_modifier) {
            self.modified = true;
        }
    }

    /// Notes a key going up at time `now` (ms). Returns the number of presses
    /// counted so far; [`PRESSES`] means leave now (and the count starts over).
    pub fn key_up(&mut self, key: Key<'_>, now: f64) -> u8 {
        if key.key != "Shift" {
            return self.presses;
        }
        let spoiled = std::mem::take(&mut self.modified) || key.other_modifier || key.repeat;
        if spoiled {
            self.presses = 0;
            return 0;
        }
        if self.presses > 0 && now - self.last > WINDOW_MS {
            self.presses = 0;
        }
        self.presses += 1;
        self.last = now;
        if self.presses >= PRESSES {
            self.presses = 0;
            return PRESSES;
        }
        self.presses
    }

    /// Forgets the presses when the sequence timed out (for the on-screen indicator).
    pub fn expire(&mut self, now: f64) -> bool {
        if self.presses > 0 && now - self.last > WINDOW_MS {
            self.presses = 0;
            return true;
        }
        false
    }
}

/// The message a framed widget sends its parent when leaving: the frame embed's
/// `embed.js` then covers and leaves the host page itself, which works even where
/// the browser refuses the frame's own top-level navigation. It carries nothing
/// else (not even the exit URL: the host gave that to `embed.js`).
pub const EXIT_MESSAGE: &str = "riskscreen:exit";

/// Covers the page and replaces the current history entry with `url`.
///
/// Plain DOM calls only, so it also works from the panic fallback. The cover is
/// the `rs-exiting` class (the widget's stylesheet) *and* `visibility: hidden`
/// set through the CSSOM (allowed under a strict `style-src`), for host pages that
/// do not load the widget's stylesheet (the custom element, the JS API).
pub fn leave(url: &str) {
    // Silence first: a voice reading the question must not go on while the
    // page changes (read-aloud, issue #14).
    crate::speech::stop();
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.class_list().add_1(EXITING_CLASS);
        if let Some(root) = root.dyn_ref::<web_sys::HtmlElement>() {
            let _ = root.style().set_property("visibility", "hidden");
        }
    }
    no_referrer(&window);
    let top = window.top().ok().flatten().filter(|top| top != &window);
    if let Some(parent) = top.as_ref().and(window.parent().ok().flatten()) {
        let _ = parent.post_message(&EXIT_MESSAGE.into(), "*");
    }
    let replaced_top = top.is_some_and(|top| top.location().replace(url).is_ok());
    if !replaced_top {
        let _ = window.location().replace(url);
    }
}

/// Makes this document's navigations send no `Referer`: the exit page must not
/// learn which page the person left. The widget's own pages say so in their
/// markup; a host page (custom element, JS API) may not, and a `<meta
/// name="referrer">` added now applies to the navigation that follows.
fn no_referrer(window: &web_sys::Window) {
    let Some(document) = window.document() else {
        return;
    };
    let Ok(meta) = document.create_element("meta") else {
        return;
    };
    let _ = meta.set_attribute("name", "referrer");
    let _ = meta.set_attribute("content", "no-referrer");
    let parent = document
        .query_selector("head")
        .ok()
        .flatten()
        .or_else(|| document.document_element());
    if let Some(parent) = parent {
        let _ = parent.append_child(&meta);
    }
}

/// Removes the cover (page restored from the back/forward cache).
pub fn uncover() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().remove_1(EXITING_CLASS);
        if let Some(root) = root.dyn_ref::<web_sys::HtmlElement>() {
            let _ = root.style().remove_property("visibility");
        }
    }
}

type KeyHandler = Closure<dyn FnMut(web_sys::KeyboardEvent)>;
type PageShowHandler = Closure<dyn FnMut(web_sys::PageTransitionEvent)>;

/// The window listeners of the quick exit; removed when dropped.
pub struct Listener {
    window: web_sys::Window,
    down: KeyHandler,
    up: KeyHandler,
    pageshow: PageShowHandler,
    /// The pending timeout that resets the indicator when a sequence times out.
    timer: Rc<Cell<i32>>,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("quick_exit::Listener")
    }
}

impl Listener {
    /// Listens on the window (capture phase, so a host page stopping propagation
    /// does not disarm it). `exit_url` is left to on the third press, before
    /// `on_exit` runs (so leaving never waits for the app); `on_count` gets the
    /// presses so far for the indicator; `on_restore` runs when the page comes back
    /// from the back/forward cache.
    pub fn install(
        exit_url: yew::AttrValue,
        on_count: Callback<u8>,
        on_exit: Callback<()>,
        on_restore: Callback<()>,
    ) -> Option<Self> {
        let window = web_sys::window()?;
        let counter = Rc::new(RefCell::new(ShiftCounter::default()));
        let timer = Rc::new(Cell::new(0));
        let expire = {
            let counter = counter.clone();
            let on_count = on_count.clone();
            Rc::new(Closure::<dyn FnMut()>::new(move || {
                if counter.borrow_mut().expire(js_sys::Date::now()) {
                    on_count.emit(0);
                }
            }))
        };
        let key = |e: &web_sys::KeyboardEvent| -> (String, bool, bool, bool) {
            (
                e.key(),
                e.shift_key(),
                e.ctrl_key() || e.alt_key() || e.meta_key(),
                e.repeat(),
            )
        };
        let down = {
            let counter = counter.clone();
            Closure::<dyn FnMut(_)>::new(move |e: web_sys::KeyboardEvent| {
                let (k, shift, other_modifier, repeat) = key(&e);
                counter.borrow_mut().key_down(Key {
                    key: &k,
                    shift,
                    other_modifier,
                    repeat,
                });
            })
        };
        let up = {
            let window = window.clone();
            let (expire, timer) = (expire.clone(), timer.clone());
            Closure::<dyn FnMut(_)>::new(move |e: web_sys::KeyboardEvent| {
                let (k, shift, other_modifier, repeat) = key(&e);
                if k != "Shift" {
                    return;
                }
                let now = js_sys::Date::now();
                let count = counter.borrow_mut().key_up(
                    Key {
                        key: &k,
                        shift,
                        other_modifier,
                        repeat,
                    },
                    now,
                );
                if count >= PRESSES {
                    leave(&exit_url);
                    on_exit.emit(());
                } else {
                    on_count.emit(count);
                    window.clear_timeout_with_handle(timer.get());
                    if let Ok(handle) = window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            (*expire).as_ref().unchecked_ref(),
                            WINDOW_MS as i32 + 50,
                        )
                    {
                        timer.set(handle);
                    }
                }
            })
        };
        let pageshow = Closure::<dyn FnMut(_)>::new(move |e: web_sys::PageTransitionEvent| {
            if e.persisted() {
                uncover();
                on_restore.emit(());
            }
        });
        let target: &web_sys::EventTarget = window.as_ref();
        let _ = target.add_event_listener_with_callback_and_bool(
            "keydown",
            down.as_ref().unchecked_ref(),
            true,
        );
        let _ = target.add_event_listener_with_callback_and_bool(
            "keyup",
            up.as_ref().unchecked_ref(),
            true,
        );
        let _ =
            target.add_event_listener_with_callback("pageshow", pageshow.as_ref().unchecked_ref());
        Some(Listener {
            window,
            down,
            up,
            pageshow,
            timer,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.timer.get());
        let target: &web_sys::EventTarget = self.window.as_ref();
        let _ = target.remove_event_listener_with_callback_and_bool(
            "keydown",
            self.down.as_ref().unchecked_ref(),
            true,
        );
        let _ = target.remove_event_listener_with_callback_and_bool(
            "keyup",
            self.up.as_ref().unchecked_ref(),
            true,
        );
        let _ = target.remove_event_listener_with_callback(
            "pageshow",
            self.pageshow.as_ref().unchecked_ref(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift() -> Key<'static> {
        Key {
            key: "Shift",
            ..Key::default()
        }
    }

    fn press(c: &mut ShiftCounter, now: f64) -> u8 {
        c.key_down(Key {
            shift: true,
            ..shift()
        });
        c.key_up(shift(), now)
    }

    #[test]
    fn three_presses_within_five_seconds_each_leave() {
        let mut c = ShiftCounter::default();
        assert_eq!(press(&mut c, 0.0), 1);
        assert_eq!(press(&mut c, 4000.0), 2);
        assert_eq!(press(&mut c, 8500.0), PRESSES);
        assert_eq!(c.presses(), 0, "starts over after leaving");
    }

    #[test]
    fn a_slow_press_starts_a_new_sequence() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        press(&mut c, 1000.0);
        assert_eq!(press(&mut c, 6500.0), 1);
        assert!(!c.expire(7000.0));
        assert!(c.expire(12000.0));
        assert_eq!(c.presses(), 0);
    }

    #[test]
    fn shift_with_another_key_or_modifier_does_not_count() {
        let mut c = ShiftCounter::default();
        press(&mut c, 0.0);
        // Typing a capital: A goes down while Shift is held.
        c.key_down(Key {
            key: "A",
            shift: true,
            ..Key::default()
        });
        c.key_up(
            Key {
                key: "A",
                shift: true,
                ..Key::default()
            },
            100.0,
        );
        assert_eq!(c.key_up(shift(), 200.0), 0);
        // Ctrl+Shift.
        let ctrl_shift = Key {
            other_modifier: true,
            ..shift()
        };
        assert_eq!(c.key_up(ctrl_shift, 300.0), 0);
        // Auto-repeat.
        assert_eq!(
            c.key_up(
                Key {
                    repeat: true,
                    ..shift()
                },
                400.0
            ),
            0
        );
        // Other keys alone neither count nor reset.
        press(&mut c, 500.0);
        c.key_down(Key {
            key: "Escape",
            ..Key::default()
        });
        assert_eq!(
            c.key_up(
                Key {
                    key: "Escape",
                    ..Key::default()
                },
                600.0
            ),
            1
        );
        assert_eq!(press(&mut c, 700.0), 2);
    }
}
