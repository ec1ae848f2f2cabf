//! What a run may leave behind, checked the same way for the self-check page and
//! for every embed mode: requests after the widget loaded (the test servers'
//! logs), storage of any kind, and answers in the URL.

use std::time::Duration;

use riskscreen_core::Answers;
use serde_json::{json, Value as Json};

use crate::plan::answer_values;
use crate::server::Server;
use crate::Browser;

/// Waits until none of `servers` has seen a request for 500 ms (the page and
/// its assets are loaded); returns their log marks, in order.
pub async fn quiet(servers: &[&Server]) -> Vec<usize> {
    let mut marks: Vec<usize> = servers.iter().map(|s| s.mark()).collect();
    let mut still = 0;
    while still < 5 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now: Vec<usize> = servers.iter().map(|s| s.mark()).collect();
        if now == marks {
            still += 1;
        } else {
            marks = now;
            still = 0;
        }
    }
    marks
}

/// Panics, listing them, if any of `servers` logged a request after its mark.
pub fn assert_no_requests_since(servers: &[&Server], marks: &[usize], what: &str) {
    for (server, mark) in servers.iter().zip(marks) {
        let later = server.requests_since(*mark);
        assert!(
            later.is_empty(),
            "{what}: requests after the widget loaded (answers could leave the device):\n{}",
            later
                .iter()
                .map(|r| format!("  {r}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Panics unless the browsing context `b` runs scripts in stores nothing (cookies,
/// localStorage, sessionStorage, IndexedDB, Cache Storage), its URL is still
/// `href`, and no answer of `answers` is in it.
pub async fn assert_nothing_stored(b: &Browser, href: &Json, answers: &Answers, what: &str) {
    let report = b.storage_report().await;
    assert_eq!(report["cookie"], json!(""), "{what}: cookies: {report}");
    assert_eq!(report["local"], json!(0), "{what}: localStorage: {report}");
    assert_eq!(
        report["session"],
        json!(0),
        "{what}: sessionStorage: {report}"
    );
    assert_eq!(report["idb"], json!([]), "{what}: IndexedDB: {report}");
    assert_eq!(
        report["caches"],
        json!([]),
        "{what}: Cache Storage: {report}"
    );
    assert_eq!(
        &report["href"], href,
        "{what}: the URL changed during the run"
    );
    let url = report["href"].as_str().unwrap_or_default();
    for (id, answer) in answers {
        for value in answer_values(answer) {
            assert!(
                !url.contains(&format!("={value}")) && !url.contains(id.as_str()),
                "{what}: the URL holds an answer ({id} = {value}): {url}"
            );
        }
    }
}
