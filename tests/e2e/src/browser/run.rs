//! The test runner: [`browser_test`] and [`browser_test_within`] serve the page,
//! start the engine's driver and browser, run the body under a time limit, print
//! the page state and server log on failure, and always close what they started.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::ClientBuilder;
use hyper_util::client::legacy::connect::HttpConnector;

use super::capabilities::{
    engine_capabilities, engine_env, engine_flags, firefox_profile, EngineFlags,
};
use super::driver::Driver;
use super::{Browser, PAGE_PATH, TEST_TIMEOUT, WINDOW};
use crate::engine::{self, Engine};
use crate::page::{self, PageOptions};
use crate::server::Server;

/// How a test body failed, kept until the browser is closed and then re-raised:
/// a panic as itself (so `should_panic` and the message survive), anything else
/// (time-out, cancelled task) as a message.
enum Failure {
    Panic(Box<dyn std::any::Any + Send>),
    Message(String),
}

/// Runs `body` against a fresh browser on a page configured by `options`, then
/// closes the session and stops chromedriver whatever the outcome; a failure is
/// re-raised after that, with the server log and the page state printed.
pub fn browser_test<F, Fut>(name: &str, options: PageOptions, body: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    browser_test_within(name, options, TEST_TIMEOUT, body);
}

/// [`browser_test`] with another time limit for the body than [`TEST_TIMEOUT`]
/// (a walk through a long questionnaire).
pub fn browser_test_within<F, Fut>(name: &str, options: PageOptions, limit: Duration, body: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let engine = Engine::current();
    let flags = match engine {
        Engine::Chromium => EngineFlags::default(),
        _ => match engine_flags(&options.chromium_args) {
            Ok(flags) => flags,
            Err(flag) => {
                engine::report_skip(&format!(
                    "the test runs Chromium with `{flag}`, which has no equivalent set up for {engine}"
                ));
                return;
            }
        },
    };
    let www = crate::require_build(&options);
    let index = std::fs::read_to_string(www.join(&options.page))
        .unwrap_or_else(|e| panic!("reading www/{}: {e}", options.page));
    let html = page::variant(&index, &options).unwrap_or_else(|e| panic!("{e}"));

    let server = Arc::new(Server::start(&www).expect("starting the test server"));
    server.put(PAGE_PATH, "text/html; charset=utf-8", html);
    server.put(
        page::RECORDER_PATH,
        "text/javascript; charset=utf-8",
        page::RECORDER_JS,
    );
    server.put(
        page::NEUTRAL_PATH,
        "text/html; charset=utf-8",
        page::NEUTRAL_HTML,
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut driver = Driver::start_for(engine, &engine_env(engine, &flags));
    if engine == Engine::Firefox {
        driver.profile = Some(firefox_profile());
    }
    let caps = engine_capabilities(
        engine,
        &options.chromium_args,
        &flags,
        driver.profile.as_deref(),
    );
    let client = runtime.block_on(async {
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a {engine} session: {e}"));
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(60)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("setting WebDriver timeouts");
        client
    });
    driver.session = runtime.block_on(client.session_id()).ok().flatten();

    let browser = Browser {
        client: client.clone(),
        server: Arc::clone(&server),
        options,
        www,
        name: name.to_owned(),
        scope: None,
    };
    runtime.block_on(browser.set_viewport(WINDOW.0, WINDOW.1));
    let outcome = runtime.block_on(async {
        let handle = tokio::spawn(body(browser.clone()));
        let abort = handle.abort_handle();
        match tokio::time::timeout(limit, handle).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) if e.is_panic() => Err(Failure::Panic(e.into_panic())),
            Ok(Err(e)) => Err(Failure::Message(format!("the test task failed: {e}"))),
            Err(_) => {
                abort.abort();
                Err(Failure::Message(format!(
                    "the test did not finish within {limit:?}"
                )))
            }
        }
    });

    if outcome.is_err() {
        runtime.block_on(async {
            let state = tokio::time::timeout(Duration::from_secs(15), browser.describe()).await;
            eprintln!(
                "--- {name} failed; page state: {}",
                state.unwrap_or_else(|_| "(browser did not answer)".into())
            );
            let _ = tokio::time::timeout(
                Duration::from_secs(10),
                browser.screenshot(&format!("FAILED-{name}")),
            )
            .await;
        });
        eprintln!("--- server log:\n{}", server.log_text());
    }

    // Close the session (the browser quits), then the guard kills the driver.
    let closed = runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(15), client.close()).await });
    if matches!(closed, Ok(Ok(()))) {
        driver.session = None;
    }
    drop(browser);
    drop(driver);
    drop(runtime);

    match outcome {
        Ok(()) => {}
        Err(Failure::Panic(payload)) => std::panic::resume_unwind(payload),
        Err(Failure::Message(message)) => panic!("{message}"),
    }
}
