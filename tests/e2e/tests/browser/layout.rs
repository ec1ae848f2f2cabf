//! Small phones: at 320 CSS px nothing overflows horizontally on any screen, nor
//! on the danger result in any language with any country's numbers;
//! full-page screenshots of every screen at 360 px go to `target/screenshots/`
//! for people to look at (not compared).

use riskscreen_e2e::check;
use riskscreen_e2e::plan::{self, Chooser};
use riskscreen_e2e::{browser_test, Browser, PageOptions};

use crate::plan_for;

/// `None` if the page fits `innerWidth`, else a description of what sticks out.
async fn overflow(b: &Browser) -> Option<String> {
    check::overflow(b).await
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
        check::picture_overflow(b, &format!("320-{name}")).await;
    }
}

/// On the danger result: switches to every language the questionnaire ships and,
/// in each, to every country of the helpline picker (the danger block shows that
/// country's own emergency number and helpline), checking each.
async fn danger_result_everywhere(b: &Browser, found: &mut Vec<String>) {
    assert_eq!(b.screen().await.as_deref(), Some("result"));
    assert_eq!(
        b.count(".rs-danger").await,
        1,
        "the danger result has no `.rs-danger`"
    );
    let q = crate::questionnaire(b);
    let countries = riskscreen_e2e::browser::strings(
        &b.js("return Array.from(document.querySelectorAll('select#rs-country option'), o => o.value);")
            .await,
    );
    for lang in &q.languages {
        let offered = b
            .count(&format!("select#rs-lang option[value=\"{lang}\"]"))
            .await;
        assert_eq!(offered, 1, "the language picker does not offer `{lang}`");
        b.wait_for("select#rs-lang")
            .await
            .select_by_value(lang)
            .await
            .unwrap_or_else(|e| panic!("cannot choose `{lang}`: {e}"));
        b.wait_until(
            &format!("lang=\"{lang}\" on the result"),
            &format!(
                "const w = document.querySelector('.rs-widget'); \
                 return !!w && w.getAttribute('lang') === {lang:?} && w.getAttribute('data-screen') === 'result';"
            ),
        )
        .await;
        for country in &countries {
            b.wait_for("select#rs-country")
                .await
                .select_by_value(country)
                .await
                .unwrap_or_else(|e| panic!("cannot choose country `{country}`: {e}"));
            // Let the widget render the change (Yew renders in a later task).
            b.js_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => setTimeout(() => done(true), 0));",
            )
            .await;
            let shown = if country.is_empty() { "none" } else { country };
            check(
                b,
                &format!("{lang}-99-danger-country-{shown}"),
                found,
                false,
            )
            .await;
        }
    }
}

#[test]
fn no_horizontal_overflow_at_320px() {
    browser_test("overflow_320", PageOptions::self_check(), |b| async move {
        b.set_width(320).await;
        let mut found = Vec::new();
        walk(&b, &plan::concern_with_unsure, "en", &mut found, false).await;
        // Ukrainian words are longer; the danger result has the most content.
        walk(&b, &plan::danger, "uk", &mut found, false).await;
        // The danger result in every language, with every country's numbers.
        danger_result_everywhere(&b, &mut found).await;
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
