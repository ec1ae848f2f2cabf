//! What the walk does on each screen: answers and presses from a script,
//! expects UI strings and answers in words, runs the checks every screen gets,
//! and groups the problems found for the report.

use riskscreen_core::Answer;
use riskscreen_e2e::check::{self, Expect};
use riskscreen_e2e::plan::Step;
use riskscreen_e2e::Browser;
use serde_json::json;

use super::{Context, WIDTH};

/// The problems (`(screen, problem)`), each problem once with the screens it was
/// found on, in the order first found.
pub fn grouped(problems: &[(String, String)]) -> Vec<String> {
    let mut order: Vec<(&str, Vec<&str>)> = Vec::new();
    for (screen, problem) in problems {
        match order.iter_mut().find(|(p, _)| *p == problem.as_str()) {
            Some((_, screens)) => screens.push(screen),
            None => order.push((problem, vec![screen])),
        }
    }
    order
        .into_iter()
        .map(|(problem, screens)| {
            let at = if screens.len() > 4 {
                format!("{}, … ({} screens)", screens[..3].join(", "), screens.len())
            } else {
                screens.join(", ")
            };
            format!("[{at}] {problem}")
        })
        .collect()
}

/// Chooses the answer of `step` by clicking the inputs' labels from a script (one
/// round trip; the mouse itself is tested in `flow`), and checks what is checked.
pub async fn answer(b: &Browser, step: &Step) {
    let checked = b
        .js_args(
            "const [name, values] = arguments; \
             for (const v of values) { \
               const i = document.querySelector('form.rs-question input[name=\"' + CSS.escape(name) + '\"][value=\"' + CSS.escape(v) + '\"]'); \
               if (!i) return 'no input ' + name + '=' + v; \
               const l = i.id && document.querySelector('label[for=\"' + CSS.escape(i.id) + '\"]'); \
               (l || i).click(); \
             } \
             return Array.from(document.querySelectorAll('input[name=\"' + CSS.escape(name) + '\"]')).filter(i => i.checked).map(i => i.value).sort();",
            vec![json!(step.question), json!(step.values())],
        )
        .await;
    let mut wanted = step.values();
    wanted.sort();
    assert_eq!(
        checked,
        json!(wanted),
        "answering `{}` with {wanted:?} by clicking the labels",
        step.question
    );
}

/// Clicks `[data-action=name]` in the widget from a script.
pub async fn press(b: &Browser, action: &str) {
    let css = format!(".rs-widget [data-action=\"{action}\"]");
    b.wait_for(&css).await;
    b.js_args(
        "document.querySelector(arguments[0]).click();",
        vec![json!(css)],
    )
    .await;
}

/// Expects every match of `css` to read the UI string `id` of the language.
pub fn ui_expect(c: &Context, expects: &mut Vec<Expect>, p: &mut Vec<String>, css: &str, id: &str) {
    if let Some(t) = c.ui(id, p) {
        expects.push(Expect::exact(css, &t, format!("UI string `{id}`")));
    }
}

/// An answer in words, as the review shows it.
pub fn answer_text(
    c: &Context,
    question: &riskscreen_core::Question,
    answer: &Answer,
    p: &mut Vec<String>,
) -> Option<String> {
    let option = |id: &str, p: &mut Vec<String>| {
        question
            .option(id)
            .and_then(|o| c.text(&o.label, &format!("option `{}/{}`", question.id, o.id), p))
    };
    match answer {
        Answer::Yes => c.ui("answer-yes", p),
        Answer::No => c.ui("answer-no", p),
        Answer::Unsure => c.ui("answer-unsure", p),
        Answer::Declined => c.ui("answer-declined", p),
        Answer::Choice(id) => option(id, p),
        Answer::Choices(set) => {
            let labels: Option<Vec<String>> = question
                .options
                .iter()
                .filter(|o| set.contains(&o.id))
                .map(|o| option(&o.id, p))
                .collect();
            labels.map(|l| l.join(", "))
        }
    }
}

/// The checks every screen gets; adds each problem, prefixed with the screen's
/// name, to `problems`.
pub async fn screen(
    b: &Browser,
    c: &Context,
    name: &str,
    expects: Vec<Expect>,
    mut found: Vec<String>,
    problems: &mut Vec<(String, String)>,
) {
    let report = check::screen_report(b, &c.ids, &c.english, &expects).await;
    if report.lang.as_deref() != Some(c.lang.as_str()) {
        found.push(format!(
            "the root .rs-widget has lang={:?}, expected {:?}",
            report.lang, c.lang
        ));
    }
    if let Some(overflow) = report.overflow {
        found.push(format!("horizontal overflow at {WIDTH} px: {overflow}"));
        check::picture_overflow(
            b,
            &format!("{WIDTH}-{}-{}-{name}", c.questionnaire.id, c.lang),
        )
        .await;
    }
    found.extend(report.problems);
    problems.extend(found.into_iter().map(|f| (name.to_owned(), f)));
}
