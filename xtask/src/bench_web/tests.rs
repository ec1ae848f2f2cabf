//! The benchmark's unit tests: statistics and the table, the probe's result
//! and script, the files of request targets, HTTP responses, and the floor page.

use std::io::{self, Read};
use std::path::Path;

use serde_json::json;

use super::report::{cell, Unit, ROWS};
use super::*;

#[test]
fn medians() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[3.0]), Some(3.0));
    assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    assert_eq!(median(&[f64::NAN, 2.0, 9.0, 1.0]), Some(2.0));
    let stat = Stat::of(&[40.0, 10.0, 30.0, 20.0, 50.0]).unwrap();
    assert_eq!(
        stat,
        Stat {
            median: 30.0,
            min: 10.0,
            max: 50.0
        }
    );
}

fn sample(control: f64, pressed: f64, question: f64, brotli: u64) -> Sample {
    Sample {
        fcp: Some(control - 10.0),
        control,
        pressed,
        presses: 1,
        control_in_view: true,
        question,
        documents: 1,
        bytes: Bytes {
            raw: brotli * 3,
            gzip: brotli * 2,
            brotli,
            files: 2,
        },
    }
}

#[test]
fn formats_the_table() {
    let widget = Summary::of(&[
        sample(4000.0, 4010.0, 4100.0, 190_000),
        sample(4400.0, 4410.0, 4520.0, 190_000),
        sample(4200.0, 4205.0, 4300.0, 190_000),
    ]);
    let floor = Summary::of(&[
        sample(500.0, 501.0, 520.0, 4_000),
        sample(480.0, 481.0, 500.0, 4_000),
        sample(520.0, 521.0, 560.0, 4_000),
    ]);
    let table = markdown_table(&[Column {
        profile: "mobile",
        widget,
        floor,
    }]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0],
        "| median of the runs (fastest–slowest) | mobile: widget | mobile: floor | \
         mobile: widget ÷ floor |"
    );
    assert_eq!(lines[1], "|---|---:|---:|---:|");
    assert_eq!(
        lines[4],
        "| first-visit bytes, brotli 11 | 185.5 KiB | 3.9 KiB | 47.5× |"
    );
    assert_eq!(
        lines[6],
        "| first control on screen (Start), ms | 4200 (4000–4400) | 500 (480–520) | 8.4× |"
    );
    assert_eq!(
        lines[8],
        "| … of which after pressing Start, ms | 95 (90–110) | 19 (19–39) | 5.0× |"
    );
    assert_eq!(lines.len(), 2 + ROWS.len());
    for line in &lines {
        assert_eq!(line.matches('|').count(), 5, "{line}");
    }
}

#[test]
fn cells_and_ratios() {
    let stat = |median, min, max| Some(Stat { median, min, max });
    assert_eq!(cell(None, Unit::Ms), "–");
    assert_eq!(cell(stat(12.4, 10.0, 19.6), Unit::Ms), "12 (10–20)");
    assert_eq!(cell(stat(2048.0, 2048.0, 2048.0), Unit::Bytes), "2.0 KiB");
    assert_eq!(
        cell(stat(2048.0, 1024.0, 4096.0), Unit::Bytes),
        "2.0 KiB (1.0 KiB–4.0 KiB)"
    );
    assert_eq!(ratio(stat(10.0, 0.0, 0.0), stat(4.0, 0.0, 0.0)), "2.5×");
    assert_eq!(ratio(stat(10.0, 0.0, 0.0), stat(0.0, 0.0, 0.0)), "–");
    assert_eq!(ratio(None, stat(1.0, 1.0, 1.0)), "–");
}

#[test]
fn reads_the_probe_result() {
    let result = json!({
        "fcp": 310.5, "control": 400.25, "pressed": 410.0, "presses": 2,
        "question": 900.0, "documents": 1,
        "resources": [
            { "url": "http://127.0.0.1:1/", "status": 200, "decoded": 100 },
            { "url": "http://127.0.0.1:1/favicon.ico", "status": 404, "decoded": 10 },
        ],
    });
    let sample = parse_sample(&result, |resources| {
        assert_eq!(resources.len(), 2);
        assert_eq!(resources[1].status, 404);
        Ok(Bytes {
            raw: 100,
            gzip: 80,
            brotli: 70,
            files: 1,
        })
    })
    .unwrap();
    assert_eq!(sample.control, 400.25);
    assert_eq!(sample.presses, 2);
    assert_eq!(sample.fcp, Some(310.5));
    assert_eq!(sample.bytes.brotli, 70);
    let incomplete = json!({ "control": 1.0, "resources": [] });
    assert!(parse_sample(&incomplete, |_| Ok(Bytes::default())).is_err());
}

#[test]
fn finds_the_files_of_request_targets() {
    let root = std::env::temp_dir().join(format!("xtask-bench-web-{}", std::process::id()));
    std::fs::create_dir_all(root.join("q")).unwrap();
    std::fs::write(root.join("index.html"), "x").unwrap();
    std::fs::write(root.join("q/self-check.json"), "{}").unwrap();
    std::fs::write(root.join("q/index.html"), "x").unwrap();
    let found = |target: &str| relative_file(&root, target);
    assert_eq!(found("/").as_deref(), Some("index.html"));
    assert_eq!(
        found("/q/self-check.json?v=1").as_deref(),
        Some("q/self-check.json")
    );
    assert_eq!(found("/q/").as_deref(), Some("q/index.html"));
    assert_eq!(found("/missing.js"), None);
    assert_eq!(found("/../etc/passwd"), None);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn reads_http_responses() {
    let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
    assert_eq!(parse_http_response(plain).unwrap(), (200, b"{}".to_vec()));
    let chunked =
        b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4;x=y\r\n\":1}\r\n0\r\n\r\n";
    assert_eq!(
        parse_http_response(chunked).unwrap(),
        (404, b"{\"a\":1}".to_vec())
    );
    assert!(parse_http_response(b"HTTP/1.1 200 OK\r\n").is_err());
    // chromedriver's own spelling, and a connection it keeps open.
    let answer = b"HTTP/1.1 200 OK\r\nContent-Length:2\r\nConnection:close\r\n\r\n{}";
    assert!(http_response_complete(answer));
    assert!(!http_response_complete(&answer[..answer.len() - 1]));
    assert!(http_response_complete(chunked));
    assert!(!http_response_complete(&chunked[..chunked.len() - 2]));
    let mut stream = io::Cursor::new(answer.to_vec()).chain(io::repeat(b'x'));
    assert_eq!(read_http_response(&mut stream).unwrap(), answer);
    assert_eq!(
        chromedriver_port("ChromeDriver was started successfully on port 36417."),
        Some(36417)
    );
    assert_eq!(chromedriver_port("Starting ChromeDriver 156.0"), None);
}

#[test]
fn the_probe_names_its_selectors() {
    let probe = probe_script();
    assert!(
        probe.contains(r#"const START = "[data-action=\"start\"]""#),
        "{probe}"
    );
    assert!(probe.contains("form.rs-question fieldset input"));
    for placeholder in ["__START__", "__QUESTION__", "__REPRESS__"] {
        assert!(
            !probe.contains(placeholder),
            "{placeholder} is filled: {probe}"
        );
    }
}

#[test]
fn the_floor_has_what_the_probe_looks_for() {
    let floor = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(FLOOR_DIR)
        .join(FLOOR_PAGE);
    let html = std::fs::read_to_string(&floor).unwrap();
    assert!(html.contains("data-action=\"start\""));
    assert!(html.contains("<form id=\"questions\" class=\"rs-question\""));
    assert!(!html.contains("<script"), "the floor has no script");
}
