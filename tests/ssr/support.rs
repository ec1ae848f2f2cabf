//! What the render tests share: rendering a state with yew's SSR, finding tags
//! and sections in the markup, the contract every screen keeps, and the result
//! of the `floors` fixture.

use std::rc::Rc;

use riskscreen::components::app::{App, AppProps};
use riskscreen::config::Setup;
use riskscreen::state::{Action, FlowState};
use riskscreen_core::Answer;
use yew::LocalServerRenderer;

use crate::common::{answer, initial, run};

/// The markup of `state`, rendered as the app renders it (not hydratable).
pub async fn render(setup: &Rc<Setup>, state: FlowState) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        setup: setup.clone(),
        initial: Rc::new(state),
    })
    .hydratable(false)
    .render()
    .await
}

/// The opening tag of the first element matching `needle` (e.g. `class="rs-widget"`).
pub fn tag<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in\n{html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// The first opening tag that has every one of `attributes` (in any order).
#[track_caller]
pub fn tag_with<'a>(html: &'a str, attributes: &[&str]) -> &'a str {
    html.match_indices('<')
        .filter_map(|(start, _)| {
            let end = start + html[start..].find('>')?;
            Some(&html[start..=end])
        })
        .find(|t| !t.starts_with("</") && attributes.iter().all(|a| t.contains(a)))
        .unwrap_or_else(|| panic!("no tag with {attributes:?} in\n{html}"))
}

#[track_caller]
pub fn has(html: &str, needle: &str) {
    assert!(html.contains(needle), "no `{needle}` in\n{html}");
}

#[track_caller]
pub fn lacks(html: &str, needle: &str) {
    assert!(!html.contains(needle), "unexpected `{needle}` in\n{html}");
}

/// Every screen has the root attributes, the quick exit and the live region.
#[track_caller]
pub fn common_contract(html: &str, screen: &str, lang: &str) {
    let root = tag(html, "class=\"rs-widget\"");
    assert!(root.contains(&format!("lang=\"{lang}\"")), "{root}");
    assert!(root.contains("dir=\"ltr\""), "{root}");
    assert!(
        root.contains(&format!("data-screen=\"{screen}\"")),
        "{root}"
    );
    // A plain link that works before any script runs (the prerendered page),
    // announced as the button it behaves as once the app runs.
    let exit = tag(html, "class=\"rs-exit\"");
    assert!(
        exit.starts_with("<a")
            && exit.contains("href=\"https://www.bbc.com/weather\"")
            && exit.contains("rel=\"noreferrer\"")
            && exit.contains("role=\"button\""),
        "{exit}"
    );
    // A way to a helpline on every screen, not only on the result.
    let help = tag(html, "class=\"rs-help\"");
    assert!(
        help.starts_with("<a") && help.contains("href=\"tel:112\""),
        "{help}"
    );
    let live = tag(html, "class=\"rs-live");
    assert!(
        live.contains("role=\"status\"") && live.contains("aria-live=\"polite\""),
        "{live}"
    );
    lacks(html, "style=");
}

/// The result of the `floors` fixture after answering its four questions in order.
pub fn floors_result(
    setup: &Setup,
    answers: [(&str, Answer); 4],
    country: Option<&str>,
) -> FlowState {
    let mut actions = vec![Action::Start];
    for (question, given) in answers {
        actions.push(answer(question, given));
        actions.push(Action::Next);
    }
    actions.push(Action::ShowResult);
    actions.push(Action::SetCountry(country.map(str::to_owned)));
    run(initial(setup), actions)
}

/// From the first `needle` to the end of its section (for sections without
/// nested sections).
#[track_caller]
pub fn section<'a>(html: &'a str, needle: &str) -> &'a str {
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("no `{needle}` in\n{html}"));
    let end = at + html[at..].find("</section>").expect("a closed section");
    &html[at..end]
}
