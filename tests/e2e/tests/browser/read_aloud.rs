//! Read-aloud (issue #14 item 1) with a scripted `speechSynthesis`: the page's
//! own is replaced before Start by a fake that lists chosen voices, records what
//! it is asked to speak and with which voice, and counts `cancel()`. Chromium's
//! real voices differ by machine; the fake makes the test say exactly which
//! voices exist.
//!
//! Checked: the "Listen" button speaks the visible question with a local voice
//! of the page's language, never a network voice; with only network voices
//! there is no button and the first question says listening is not available;
//! Next and the quick exit cancel the speech; axe-core stays clean.

use riskscreen_e2e::axe::axe_violations;
use riskscreen_e2e::browser::truthy;
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::{json, Value as Json};

/// Installs the fake with `voices` (`[name, lang, localService]`).
async fn fake_speech(b: &Browser, voices: Json) {
    b.js_args(
        "const voices = arguments[0].map(([name, lang, local]) => {
           const v = Object.create(FakeVoice.prototype);
           return Object.assign(v, { name, lang, localService: local, voiceURI: name, default: false });
         });
         function FakeVoice() {}
         window.SpeechSynthesisVoice = FakeVoice;
         window.SpeechSynthesisUtterance = class {
           constructor(text) { this.text = text; this.voice = null; this.lang = ''; this.onend = null; this.onerror = null; }
         };
         const log = window.__speech = { spoken: [], cancelled: 0 };
         const fake = {
           getVoices: () => voices.slice(),
           speak: (u) => log.spoken.push({ text: u.text, voice: u.voice && u.voice.name, lang: u.lang }),
           cancel: () => { log.cancelled += 1; },
           addEventListener: () => {}, removeEventListener: () => {},
           speaking: false, pending: false, paused: false,
         };
         Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
         return true;",
        vec![voices],
    )
    .await;
}

fn page(lang: &str) -> PageOptions {
    PageOptions {
        page: format!("index.{lang}.html"),
        ..PageOptions::self_check()
    }
}

#[test]
fn listen_speaks_the_question_with_a_local_voice_only() {
    browser_test("read_aloud_local", page("uk"), |b| async move {
        b.open_start().await;
        fake_speech(
            &b,
            json!([
                ["Google українська", "uk-UA", false],
                ["Lesya", "uk-UA", true],
                ["Daniel", "en-GB", true],
            ]),
        )
        .await;
        b.action("start").await;
        b.wait_for("form.rs-question").await;
        let listen = "button.rs-listen[data-action=\"listen\"]";
        b.wait_for(listen).await;
        assert_eq!(b.count(".rs-listen-missing").await, 0);
        let heading = b.text_of(".rs-question-heading").await.unwrap_or_default();
        b.click(listen).await;
        let log = b.js("return window.__speech;").await;
        println!("spoken: {log}");
        let spoken = log["spoken"].as_array().cloned().unwrap_or_default();
        assert!(!spoken.is_empty(), "nothing was spoken: {log}");
        assert!(
            spoken
                .iter()
                .all(|u| u["voice"] == json!("Lesya") && u["lang"] == json!("uk-UA")),
            "every part with the local Ukrainian voice, never the network one: {log}"
        );
        assert!(
            spoken[0]["text"]
                .as_str()
                .unwrap_or_default()
                .contains(heading.trim()),
            "the question is read first: {heading:?} in {log}"
        );
        // The button now stops; its label changed, and it is still a real button.
        let label = b.text_of(listen).await.unwrap_or_default();
        assert!(!label.trim().is_empty());
        assert!(axe_violations(&b, "question with Listen").await.is_empty());

        // Next (after an answer) cancels the speech.
        let before = b.js("return window.__speech.cancelled;").await;
        b.js("document.querySelector('form.rs-question input').click(); return true;")
            .await;
        b.action("next").await;
        b.wait_until(
            "the speech to be cancelled on Next",
            &format!("return window.__speech.cancelled > {before};"),
        )
        .await;

        // The quick exit cancels too, before it leaves.
        b.click(listen).await;
        let before = b.js("return window.__speech.cancelled;").await;
        // The click runs the exit synchronously; the fake's count is read in the
        // same script, before the navigation replaces the page.
        let cancelled_on_exit = b
            .js(&format!(
                "document.querySelector('.rs-exit').click();
                 return window.__speech.cancelled > {before};"
            ))
            .await;
        assert!(
            truthy(&cancelled_on_exit),
            "the quick exit stops the speech first"
        );
    });
}

#[test]
fn no_listen_button_with_network_voices_only() {
    browser_test("read_aloud_network_only", page("uk"), |b| async move {
        b.open_start().await;
        fake_speech(
            &b,
            json!([
                ["Google українська", "uk-UA", false],
                ["Daniel", "en-GB", true]
            ]),
        )
        .await;
        b.action("start").await;
        b.wait_for("form.rs-question").await;
        b.wait_for(".rs-listen-missing").await;
        assert_eq!(
            b.count("button.rs-listen").await,
            0,
            "no Listen without a local voice for Ukrainian (an English one does not count)"
        );
        let said = b.text_of(".rs-listen-missing").await.unwrap_or_default();
        println!("said: {said}");
        assert!(
            said.contains("Прослуховування"),
            "in the page's language: {said}"
        );
        assert!(axe_violations(&b, "question without Listen")
            .await
            .is_empty());
    });
}
