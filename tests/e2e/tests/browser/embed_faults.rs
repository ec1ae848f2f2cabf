//! Issue #11 item 2 for the two other ways in: the frame embed (`embed.js`)
//! and the `<risk-screen>` custom element are never a dead end either. When the
//! check cannot start, the frame or the element shows, in the person's
//! language, `www/fallback.js`'s box: a working quick exit, 112, the configured
//! country's helplines, and why.
//!
//! | test | what it proves |
//! |------|----------------|
//! | [`load_faults_end_on_a_way_out_in_the_persons_language`] | the glue (`pkg/riskscreen.js`) or the wasm missing (404), the wasm stalled (the server holds it open): within 8 s of the navigation, the frame and the element show the quick exit, 112 and a Polish national line, in Ukrainian (`lang="uk"`, `uk.ftl`'s strings), the reason for the site owner in English; axe finds nothing; the quick exit leaves the host page with no history entry |
//! | [`no_webassembly_ends_on_a_way_out_in_the_persons_language`] | Chromium `--js-flags=--jitless` (no `WebAssembly`, as under iOS Lockdown Mode): the same, saying to call a helpline instead, with a link to the printable checklist in Ukrainian (served); Chromium only |
//!
//! Both run the one table [`CASES`] (embedding × cause) through one helper,
//! [`assert_fallback`]: a browser without WebAssembly needs a browser of its
//! own. The host pages ask for `lang="uk"` and `country="PL"`; the frame's
//! host is on another origin, as in production. Each page is opened by a script
//! (`location.href`), not WebDriver's navigation, which would wait for the load
//! event, and the time is counted from there.

use std::time::{Duration, Instant};

use riskscreen_e2e::axe::axe_check;
use riskscreen_e2e::browser::{browser_test_within, strings};
use riskscreen_e2e::check::{normalize, UiStrings};
use riskscreen_e2e::embed::{self, assert_left, frame_host_server, HTML};
use riskscreen_e2e::page::NEUTRAL_PATH;
use riskscreen_e2e::server::{Fault, Server};
use riskscreen_e2e::{Browser, PageOptions};
use serde_json::{json, Value as Json};

/// What the issue allows from the navigation to the way out on screen.
const WITHIN: Duration = Duration::from_secs(8);

/// Time for every case of one browser.
const LIMIT: Duration = Duration::from_secs(300);

/// A Polish national line of the widget's directory (shown as "+48 22 628 01 20").
const PL_LINE: &str = "tel:+48226280120";

/// The language and country the host pages ask for.
const LANG: &str = "uk";
const COUNTRY: &str = "PL";

const WASM: &str = "/pkg/riskscreen_bg.wasm";
const GLUE: &str = "/pkg/riskscreen.js";

/// Where the frame's host page is served (on the host server).
const FRAME_HOST_PATH: &str = "/faults-frame.html";
/// Where the element's host page is served (on the widget's server).
const ELEMENT_HOST_PATH: &str = "/faults-element.html";

/// How the widget is put on the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Embedding {
    /// `embed.js`: the widget in a sandboxed iframe of its own origin.
    Frame,
    /// `<risk-screen>`: the widget in the element's shadow root.
    Element,
}

/// Why the check cannot start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cause {
    /// A browser without WebAssembly (Chromium `--jitless`).
    NoWasm,
    /// A file of the widget's origin that fails (`Server::fault`).
    Broken(&'static str, Fault),
}

impl Cause {
    /// The UI string that explains it to the person.
    fn explanation(self) -> &'static str {
        match self {
            Cause::NoWasm => "page-no-wasm-text",
            Cause::Broken(..) => "page-failed-text",
        }
    }

    /// What the line for the site owner names.
    fn detail(self) -> &'static str {
        match self {
            Cause::NoWasm => "WebAssembly",
            Cause::Broken(path, _) => path.trim_start_matches('/'),
        }
    }
}

/// Every case: each embedding with each cause.
const CASES: [(Embedding, Cause); 8] = [
    (Embedding::Frame, Cause::NoWasm),
    (Embedding::Element, Cause::NoWasm),
    (Embedding::Frame, Cause::Broken(GLUE, Fault::NotFound)),
    (Embedding::Element, Cause::Broken(GLUE, Fault::NotFound)),
    (Embedding::Frame, Cause::Broken(WASM, Fault::NotFound)),
    (Embedding::Element, Cause::Broken(WASM, Fault::NotFound)),
    (
        Embedding::Frame,
        Cause::Broken(WASM, Fault::Stall { after: 4096 }),
    ),
    (
        Embedding::Element,
        Cause::Broken(WASM, Fault::Stall { after: 4096 }),
    ),
];

#[test]
fn load_faults_end_on_a_way_out_in_the_persons_language() {
    run_cases("embed_faults_load", Vec::new(), |cause| {
        cause != Cause::NoWasm
    });
}

#[test]
fn no_webassembly_ends_on_a_way_out_in_the_persons_language() {
    run_cases(
        "embed_faults_no_wasm",
        vec!["--js-flags=--jitless".to_owned()],
        |cause| cause == Cause::NoWasm,
    );
}

/// Runs the [`CASES`] whose cause `pick` takes in one browser started with
/// `chromium_args`.
fn run_cases(name: &str, chromium_args: Vec<String>, pick: fn(Cause) -> bool) {
    let cases: Vec<(Embedding, Cause)> = CASES.into_iter().filter(|(_, c)| pick(*c)).collect();
    browser_test_within(
        name,
        PageOptions {
            chromium_args,
            ..PageOptions::self_check()
        },
        LIMIT,
        move |b| async move {
            assert!(
                b.www.join("fallback-text.js").is_file(),
                "www/fallback-text.js is missing: run `cargo xtask build`"
            );
            let host = frame_host_server(&b);
            host.put(
                FRAME_HOST_PATH,
                HTML,
                embed::frame_host(
                    &b.server.origin(),
                    &[
                        ("lang", LANG),
                        ("country", COUNTRY),
                        ("exit-url", &host.url(NEUTRAL_PATH)),
                    ],
                ),
            );
            b.server.put(
                ELEMENT_HOST_PATH,
                HTML,
                embed::element_host(
                    &[&[
                        ("lang", LANG),
                        ("country", COUNTRY),
                        ("exit-url", NEUTRAL_PATH),
                    ]],
                    false,
                ),
            );
            for (embedding, cause) in cases {
                assert_fallback(&b, &host, embedding, cause).await;
            }
        },
    );
}

/// The fallback in the current context (a document or, scoped, a shadow root):
/// null until it shows with the directory's Polish line; only what is on
/// screen counts (an element inside a closed `<details>` has no box).
const PROBE: &str = "const w = document.querySelector('.rs-widget.rs-fallback'); \
    if (!w) return null; \
    const shown = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; \
    const tels = Array.from(w.querySelectorAll('a[href^=\"tel:\"]')).filter(shown).map(a => a.getAttribute('href')); \
    if (!tels.includes(arguments[0])) return null; \
    const exit = Array.from(w.querySelectorAll('.rs-exit')).find(shown); \
    const own = w.querySelector('details[data-country=\"' + arguments[1] + '\"]'); \
    const detail = w.querySelector('pre.rs-boot-detail'); \
    const checklist = w.querySelector('.rs-boot-checklist a'); \
    return { lang: w.getAttribute('lang'), screen: w.getAttribute('data-screen'), \
      alert: !!w.querySelector('[role=\"alert\"] .rs-heading'), \
      exit: exit ? exit.textContent.trim() : null, tels, \
      own: own ? { open: own.open, first: own === w.querySelector('details'), \
        check: own.querySelector('.rs-check') ? own.querySelector('.rs-check').textContent.trim() : null } : null, \
      text: w.innerText.replace(/\\s+/g, ' '), \
      detail: detail ? { lang: detail.getAttribute('lang'), text: detail.textContent } : null, \
      checklist: checklist ? { href: checklist.href, target: checklist.getAttribute('target') } : null };";

/// Starts loading `url` in the top page from a script and returns at once.
async fn visit(b: &Browser, url: &str) {
    let _ = b.client.enter_parent_frame().await;
    let _ = b
        .client
        .execute(
            "const url = arguments[0]; setTimeout(() => { location.href = url; }, 0);",
            vec![json!(url)],
        )
        .await;
}

/// Polls `script` with `args` in `w`'s context until it gives something truthy
/// (returned), or panics after `deadline`.
async fn until(w: &Browser, what: &str, script: &str, args: &[Json], deadline: Instant) -> Json {
    loop {
        let script = match &w.scope {
            Some(host) => format!(
                "const host = document.querySelector({host:?}); if (!host || !host.shadowRoot) return null; \
                 return ((document) => {{ {script} }})(host.shadowRoot);"
            ),
            None => script.to_owned(),
        };
        if let Ok(value) = w.client.execute(&script, args.to_vec()).await {
            if riskscreen_e2e::browser::truthy(&value) {
                return value;
            }
        }
        if Instant::now() > deadline {
            panic!(
                "not within {WITHIN:?}: {what}; page state: {}\nserver log:\n{}",
                w.describe().await,
                w.server.log_text()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One case: breaks what `cause` says, opens the host page of `embedding` and
/// checks, within [`WITHIN`], the fallback's way out in Ukrainian; runs axe;
/// leaves by its quick exit.
async fn assert_fallback(b: &Browser, host: &Server, embedding: Embedding, cause: Cause) {
    let what = format!("{embedding:?}, {cause:?}");
    b.server.clear_faults();
    if let Cause::Broken(path, fault) = cause {
        b.server.fault(path, fault);
    }
    let started = Instant::now();
    let deadline = started + WITHIN;
    let w = match embedding {
        Embedding::Frame => {
            visit(b, &host.url(FRAME_HOST_PATH)).await;
            until(
                b,
                &format!("{what}: the embed's iframe"),
                "return location.pathname === arguments[0] && \
                   !!document.querySelector('iframe.riskscreen-frame');",
                &[json!(FRAME_HOST_PATH)],
                deadline,
            )
            .await;
            b.client.enter_frame(0).await.expect("entering the frame");
            b.clone()
        }
        Embedding::Element => {
            visit(b, &b.server.url(ELEMENT_HOST_PATH)).await;
            b.scoped(Some("risk-screen"))
        }
    };
    let seen = until(
        &w,
        &format!("{what}: the fallback with {PL_LINE}"),
        PROBE,
        &[json!(PL_LINE), json!(COUNTRY)],
        deadline,
    )
    .await;
    let elapsed = started.elapsed();
    let ui = UiStrings::load(LANG).expect("the UI strings");
    let text = normalize(seen["text"].as_str().unwrap_or_default());
    let tels = strings(&seen["tels"]);
    println!(
        "{what}: after {:.1}s, lang {}, {} numbers on screen, exit {}, detail {}",
        elapsed.as_secs_f64(),
        seen["lang"],
        tels.len(),
        seen["exit"],
        seen["detail"]["text"]
    );
    assert_eq!(seen["lang"], json!(LANG), "{what}: {seen}");
    assert_eq!(seen["screen"], json!("fallback"), "{what}: {seen}");
    assert_eq!(seen["alert"], json!(true), "{what}: a role=alert notice");
    assert_eq!(
        seen["exit"].as_str(),
        ui.get("exit-button"),
        "{what}: the quick exit, in {LANG}"
    );
    assert_eq!(
        tels.first().map(String::as_str),
        Some("tel:112"),
        "{what}: 112 first: {tels:?}"
    );
    for id in [
        "page-failed-heading",
        cause.explanation(),
        "helplines-heading",
    ] {
        let wanted = ui.get(id).expect("a simple UI string");
        assert!(text.contains(wanted), "{what}: {id} in {LANG}: {text}");
    }
    assert_eq!(
        seen["own"],
        json!({ "open": true, "first": true, "check": ui.get("helpline-check") }),
        "{what}: {COUNTRY}'s lines first and open, unverified numbers marked as the widget marks them"
    );
    assert_eq!(
        seen["detail"]["lang"],
        json!("en"),
        "{what}: the site owner's line"
    );
    let detail = seen["detail"]["text"].as_str().unwrap_or_default();
    assert!(
        detail.starts_with("For the site owner: ") && detail.contains(cause.detail()),
        "{what}: the reason for the site owner names {:?}: {detail:?}",
        cause.detail()
    );
    if cause == Cause::NoWasm {
        let checklist = &seen["checklist"];
        let href = checklist["href"].as_str().unwrap_or_default();
        assert_eq!(
            href,
            b.server.url(&format!("/checklist/self-check.{LANG}.html")),
            "{what}: the printable checklist in {LANG}: {seen}"
        );
        let target = if embedding == Embedding::Frame {
            json!("_top")
        } else {
            Json::Null
        };
        assert_eq!(
            checklist["target"], target,
            "{what}: where the checklist opens"
        );
        let status = w
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 fetch(arguments[0]).then(r => done(r.status), e => done(String(e)));",
                vec![json!(href)],
            )
            .await
            .expect("fetching the checklist");
        assert_eq!(status, json!(200), "{what}: the checklist is served");
    }
    let errors = b.page_errors().await;
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("console.error: riskscreen failed to start:")),
        "{what}: the reason in the console for integrators: {errors:#?}"
    );
    let csp = b.csp_violations().await;
    assert!(csp.is_empty(), "{what}: CSP violations: {csp:#?}");
    b.screenshot(&format!(
        "embed-fault-{}",
        what.replace([' ', ',', '(', ')', '"', '/', '{', '}', ':'], "-")
    ))
    .await;
    // axe-core on the frame's document, or on the host document (the shadow
    // root included).
    axe_check(b, &what).await;

    match embedding {
        Embedding::Frame => {
            b.client
                .enter_parent_frame()
                .await
                .expect("back to the host");
            let height = b
                .js("return document.querySelector('iframe.riskscreen-frame').getBoundingClientRect().height;")
                .await;
            assert!(
                height.as_f64().unwrap_or(0.0) > 400.0,
                "{what}: the frame keeps room for the box (the fixed height): {height}"
            );
        }
        Embedding::Element => {
            let focus = b
                .js("return document.activeElement === document.body;")
                .await;
            assert_eq!(
                focus,
                json!(true),
                "{what}: the box took the focus from the host page"
            );
        }
    }
    let history = b.js("return history.length;").await;
    if embedding == Embedding::Frame {
        b.client.enter_frame(0).await.expect("entering the frame");
    }
    w.click(".rs-fallback .rs-exit").await;
    assert_left(b, &what).await;
    assert_eq!(
        b.js("return history.length;").await,
        history,
        "{what}: the quick exit adds no history entry"
    );
}
