//! Small phones: at 320 CSS px nothing overflows horizontally on any screen;
//! full-page screenshots of every screen at 360 px go to `target/screenshots/`
//! for people to look at (not compared).

use riskscreen_e2e::plan::{self, Chooser};
use riskscreen_e2e::{browser_test, Browser, PageOptions};
use serde_json::Value as Json;

use crate::plan_for;

/// `None` if the page fits `innerWidth`, else a description of what sticks out.
async fn overflow(b: &Browser) -> Option<String> {
    let v: Json = b
        .js("const iw = window.innerWidth, sw = document.documentElement.scrollWidth; \
             if (sw <= iw) return null; \
             const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
               (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : ''); \
             const out = Array.from(document.querySelectorAll('body *')).filter(e => { \
               const r = e.getBoundingClientRect(); return r.width > 0 && r.right > iw + 0.5; }) \
               .slice(0, 10).map(e => name(e) + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ')'); \
             return 'scrollWidth ' + sw + ' > innerWidth ' + iw + '; sticking out: ' + out.join(', ');")
        .await;
    v.as_str().map(str::to_owned)
}

/// Walks a plan by mouse, checking (or photographing) every screen.
async fn walk(b: &Browser, choose: &Chooser<'_>, lang: &str, found: &mut Vec<String>, shots: bool) {
    let plan = plan_for(b, choose);
    b.open_start().await;
    if lang != "en" {
        let select = b.wait_for("select#rs-lang").await;
        select
            .select_by_value(lang)
            .await
            .expect("choosing the language");
        b.wait_until(
            "the language switch",
            &format!(
                "return document.querySelector('.rs-widget').getAttribute('lang') === {lang:?};"
            ),
        )
        .await;
    }
    check(b, &format!("{lang}-00-start"), found, shots).await;
    b.action("start").await;
    for (n, step) in plan.steps.iter().enumerate() {
        b.wait_question(&step.question).await;
        b.answer_by_click(step).await;
        check(
            b,
            &format!("{lang}-{:02}-question-{}", n + 1, step.question),
            found,
            shots,
        )
        .await;
        b.action("next").await;
    }
    let screen = b
        .wait_until(
            "the review or result screen",
            "const s = document.querySelector('.rs-widget').getAttribute('data-screen'); \
             return (s === 'review' || s === 'result') ? s : null;",
        )
        .await;
    if screen == "review" {
        check(b, &format!("{lang}-90-review"), found, shots).await;
        b.action("result").await;
        b.wait_screen("result").await;
    }
    let kind = if plan.expected.danger {
        "danger"
    } else {
        "result"
    };
    check(b, &format!("{lang}-99-{kind}"), found, shots).await;
}

async fn check(b: &Browser, name: &str, found: &mut Vec<String>, shots: bool) {
    if shots {
        b.screenshot_full(name).await;
    } else if let Some(problem) = overflow(b).await {
        found.push(format!("{name}: {problem}"));
        // A picture of the first element that sticks out, for people.
        b.js("const iw = innerWidth; const e = Array.from(document.querySelectorAll('body *')) \
              .find(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > iw + 0.5; }); \
              if (e) e.scrollIntoView({block: 'center'});")
            .await;
        b.screenshot(&format!("OVERFLOW-320-{name}")).await;
    }
}

#[test]
fn no_horizontal_overflow_at_320px() {
    browser_test("overflow_320", PageOptions::self_check(), |b| async move {
        b.set_width(320).await;
        let mut found = Vec::new();
        // Ukrainian words are longer; the danger result has the most content.
        walk(&b, &plan::danger, "uk", &mut found, false).await;
        walk(&b, &plan::concern_with_unsure, "en", &mut found, false).await;
        assert!(
            found.is_empty(),
            "horizontal overflow at 320 px:\n{}",
            found.join("\n")
        );
    });
}

#[test]
fn no_horizontal_overflow_at_320px_fallback() {
    browser_test(
        "overflow_320_fallback",
        PageOptions::panicking(),
        |b| async move {
            b.set_width(320).await;
            b.open_fallback().await;
            if let Some(problem) = overflow(&b).await {
                panic!("horizontal overflow at 320 px on the fallback panel: {problem}");
            }
        },
    );
}

#[test]
fn screenshots_at_360px() {
    browser_test(
        "screenshots_360",
        PageOptions::self_check(),
        |b| async move {
            b.set_width(360).await;
            let mut none = Vec::new();
            walk(&b, &plan::concern_with_unsure, "en", &mut none, true).await;
            walk(&b, &plan::danger, "uk", &mut none, true).await;
        },
    );
}
