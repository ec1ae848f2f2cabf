//! Read-aloud on the device only (issue #14): the browser's `speechSynthesis`,
//! with voices that run on the device.
//!
//! Some browsers list network voices beside the device's own (Chrome's "Google …"
//! voices, Edge's "Online (Natural)" ones): speaking with one sends the text, a
//! question about someone's passport or debts, to a server. So only voices with
//! `localService === true` are ever used, and an utterance always names its voice:
//! the browser's default voice may be a network one. With no local voice for the
//! screen's language there is no "Listen" control at all, rather than a voice of
//! another language reading Ukrainian words.
//!
//! Natively (tests, prerendering) there is no speech: no voice is ever available.

#[cfg(target_arch = "wasm32")]
mod device {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

    fn synthesis() -> Option<SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    /// The first voice on this device that speaks `lang` (a primary subtag).
    pub fn local_voice(lang: &str) -> Option<SpeechSynthesisVoice> {
        synthesis()?
            .get_voices()
            .iter()
            .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
            .find(|v| v.local_service() && crate::i18n::primary(&v.lang()) == lang)
    }

    /// Whether the device has a voice of its own for `lang`.
    pub fn available(lang: &str) -> bool {
        local_voice(lang).is_some()
    }

    /// Speaks `parts` in turn with a local voice for `lang`, after stopping whatever
    /// was being spoken; `on_end` runs when the last part ends or speech is stopped.
    /// Returns `false` (and says nothing) when there is no local voice.
    pub fn speak(parts: &[String], lang: &str, on_end: impl FnOnce() + 'static) -> bool {
        let (Some(synthesis), Some(voice)) = (synthesis(), local_voice(lang)) else {
            return false;
        };
        synthesis.cancel();
        let mut on_end = Some(on_end);
        let mut last = None;
        for part in parts.iter().filter(|p| !p.trim().is_empty()) {
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(part) else {
                continue;
            };
            utterance.set_voice(Some(&voice));
            utterance.set_lang(&voice.lang());
            synthesis.speak(&utterance);
            last = Some(utterance);
        }
        let Some(last) = last else {
            return false;
        };
        // `end` fires after the last part, and also when speech is cancelled
        // (`error` in some engines): either way the control goes back to "Listen".
        let done = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = on_end.take() {
                f();
            }
        });
        last.set_onend(Some(done.as_ref().unchecked_ref()));
        last.set_onerror(Some(done.as_ref().unchecked_ref()));
        // One closure per press, kept alive until the page goes: a few bytes each.
        done.forget();
        true
    }

    /// Stops speaking.
    pub fn stop() {
        if let Some(synthesis) = synthesis() {
            synthesis.cancel();
        }
    }

    /// Calls `changed` whenever the device's list of voices changes (voices load
    /// after the page in most browsers); the listener goes when the guard drops.
    pub fn on_voices_changed(changed: impl Fn() + 'static) -> Option<VoicesListener> {
        let synthesis = synthesis()?;
        let closure = Closure::<dyn FnMut()>::new(changed);
        synthesis
            .add_event_listener_with_callback("voiceschanged", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(VoicesListener { synthesis, closure })
    }

    /// Removes its `voiceschanged` listener when dropped.
    pub struct VoicesListener {
        synthesis: SpeechSynthesis,
        closure: Closure<dyn FnMut()>,
    }

    impl Drop for VoicesListener {
        fn drop(&mut self) {
            let _ = self.synthesis.remove_event_listener_with_callback(
                "voiceschanged",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod device {
    /// No speech natively.
    pub fn available(_lang: &str) -> bool {
        false
    }

    /// No speech natively.
    pub fn speak(_parts: &[String], _lang: &str, _on_end: impl FnOnce() + 'static) -> bool {
        false
    }

    /// No speech natively.
    pub fn stop() {}

    /// No voices natively.
    pub struct VoicesListener;

    /// No voices natively.
    pub fn on_voices_changed(_changed: impl Fn() + 'static) -> Option<VoicesListener> {
        None
    }
}

pub use device::{available, on_voices_changed, speak, stop, VoicesListener};
