//! [`Browser`] helpers that act as a person would: pressing the widget's
//! buttons, answering questions by clicking their labels, walking a [`Plan`],
//! and the keyboard (keys, chords, tabbing to an element).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use super::{key, truthy, Browser};
use crate::plan::{Plan, Step};

impl Browser {
    /// Clicks `[data-action=name]` in the widget.
    pub async fn action(&self, name: &str) {
        self.click(&format!(".rs-widget [data-action=\"{name}\"]"))
            .await;
    }

    /// Chooses the answer of `step` with the mouse: clicks each input's `label[for]`.
    pub async fn answer_by_click(&self, step: &Step) {
        for value in step.values() {
            let input = format!(
                "form.rs-question input[name=\"{}\"][value=\"{value}\"]",
                step.question
            );
            let element = self.wait_for(&input).await;
            let id = element.attr("id").await.ok().flatten();
            let label = id.map(|id| format!("label[for=\"{id}\"]"));
            match label {
                Some(label) if self.count(&label).await > 0 => self.click(&label).await,
                _ => self.click(&input).await,
            }
        }
        let checked = self.checked_values(&step.question).await;
        let mut wanted = step.values();
        wanted.sort();
        let mut got = checked.clone();
        got.sort();
        assert_eq!(
            got, wanted,
            "after clicking the labels of {:?} on question `{}`, the checked inputs are {checked:?}",
            step.values(),
            step.question
        );
    }

    /// Answers the question on screen by clicks and presses Next; checks the
    /// question on screen is `step.question` first.
    pub async fn answer_and_next(&self, step: &Step) {
        self.wait_question(&step.question).await;
        self.answer_by_click(step).await;
        self.action("next").await;
    }

    /// From the start screen, answers every step of `plan` by mouse and goes to the
    /// result (through the review screen if there is one).
    pub async fn run_by_clicks(&self, plan: &Plan) {
        self.action("start").await;
        for step in &plan.steps {
            self.answer_and_next(step).await;
        }
        self.finish().await;
    }

    /// After the last question: waits for the review or result screen, and goes on
    /// from review to the result.
    pub async fn finish(&self) {
        let screen = self
            .wait_until(
                "the review or result screen after the last question",
                "const w = document.querySelector('.rs-widget'); \
                 const s = w && w.getAttribute('data-screen'); \
                 return (s === 'review' || s === 'result') ? s : null;",
            )
            .await;
        if screen == "review" {
            self.action("result").await;
        }
        self.wait_screen("result").await;
    }

    /// Presses and releases each key in turn (WebDriver key actions).
    pub async fn keys(&self, keys: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in keys {
            actions = actions
                .then(KeyAction::Down { value: k })
                .then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("key actions failed: {e}"));
    }

    /// Presses one key.
    pub async fn press(&self, k: Key) {
        self.keys(&[key(k)]).await;
    }

    /// Holds every key of `chord` down together, then releases them in reverse order.
    pub async fn chord(&self, chord: &[char]) {
        let mut actions = KeyActions::new("keyboard".into());
        for &k in chord {
            actions = actions.then(KeyAction::Down { value: k });
        }
        for &k in chord.iter().rev() {
            actions = actions.then(KeyAction::Up { value: k });
        }
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("key actions failed: {e}"));
    }

    /// Presses Tab (or Shift+Tab) until `matches` (a JS expression over `e`, the
    /// active element) holds, at most `max` times; panics otherwise.
    pub async fn tab_to(&self, what: &str, matches: &str, backwards: bool, max: usize) {
        let check = format!(
            "const e = document.activeElement; return !!e && e !== document.body && ({matches});"
        );
        for _ in 0..=max {
            if truthy(&self.js(&check).await) {
                return;
            }
            if backwards {
                self.chord(&[key(Key::Shift), key(Key::Tab)]).await;
            } else {
                self.press(Key::Tab).await;
            }
        }
        panic!(
            "{max} presses of {} did not reach {what}; focus is on {}",
            if backwards { "Shift+Tab" } else { "Tab" },
            self.focus().await
        );
    }
}
