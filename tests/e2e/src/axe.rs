//! Accessibility checks with axe-core (npm `axe-core@4`) running in the page.
//!
//! The script is injected through WebDriver `execute`, which the page's CSP does
//! not govern, so the page itself never has to allow it.

use std::sync::OnceLock;

use serde_json::Value as Json;

use crate::browser::Browser;

/// The WCAG 2.2 A/AA rules plus axe's best practices.
pub const TAGS: &[&str] = &[
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22aa",
    "best-practice",
];

/// The source of `axe.min.js` (`AXE_CORE_JS`, else `.tools/npm/node_modules/axe-core/axe.min.js`).
pub fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| {
                crate::repo_root().join(".tools/npm/node_modules/axe-core/axe.min.js")
            });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read axe-core at {}: {e}; `cargo xtask test` installs it, or run \
                 `npm install --prefix .tools/npm axe-core@4`",
                path.display()
            )
        })
    })
}

/// Runs axe-core on the whole document and returns one line per violation:
/// `screen: rule-id [impact] help -> targets`.
pub async fn axe_violations(browser: &Browser, screen: &str) -> Vec<String> {
    let injected = browser.js("return typeof window.axe === 'object';").await;
    if injected != Json::Bool(true) {
        let script = format!("{}\n;return typeof window.axe === 'object';", axe_source());
        let ok = browser.js(&script).await;
        assert_eq!(
            ok,
            Json::Bool(true),
            "injecting axe-core did not define window.axe"
        );
    }
    let tags = serde_json::to_string(TAGS).expect("tags as JSON");
    let result = browser
        .js_async(&format!(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, resultTypes: ['violations'] }}) \
               .then(r => done(r.violations.map(v => ({{ id: v.id, impact: v.impact, help: v.help, \
                  nodes: v.nodes.map(n => ({{ target: n.target, summary: n.failureSummary }})) }})))) \
               .catch(e => done({{ error: String(e && e.stack || e) }}));"
        ))
        .await;
    if let Some(error) = result.get("error") {
        panic!("axe-core failed on screen `{screen}`: {error}");
    }
    let Json::Array(violations) = result else {
        panic!("axe-core returned {result} on screen `{screen}`");
    };
    violations
        .iter()
        .map(|v| {
            let nodes: Vec<String> = v["nodes"]
                .as_array()
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|n| {
                            let target = n["target"].to_string();
                            let summary = n["summary"].as_str().unwrap_or("").replace('\n', " ");
                            format!("      {target}: {summary}")
                        })
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{screen}: {} [{}] {}\n{}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or("?"),
                nodes.join("\n")
            )
        })
        .collect()
}

/// Fails listing every axe-core violation on the current page.
pub async fn axe_check(browser: &Browser, screen: &str) {
    let violations = axe_violations(browser, screen).await;
    assert!(
        violations.is_empty(),
        "axe-core found {} violation(s) on screen `{screen}`:\n{}",
        violations.len(),
        violations.join("\n")
    );
}
