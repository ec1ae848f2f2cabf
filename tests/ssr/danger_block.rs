//! The danger block: 112 and a prompt for the country when none is chosen; with
//! one, the country's line, never a children's line.

use riskscreen::config::Options;
use riskscreen_core::Answer;

use crate::common::{self, options, setup, setup_with};
use crate::support::{floors_result, render, section, tag, tag_with};

#[tokio::test]
async fn danger_block_without_a_country_shows_112_and_asks_where() {
    let setup = setup("floors");
    let state = floors_result(
        &setup,
        [
            ("passport", Answer::No),
            ("contract", Answer::Yes),
            ("address", Answer::Yes),
            ("leave", Answer::Yes),
        ],
        None,
    );
    assert!(state.evaluation.as_ref().unwrap().danger);
    let html = render(&setup, state).await;
    let block = section(&html, "class=\"rs-danger\"");
    let tels: Vec<_> = block.match_indices("href=\"tel:").collect();
    assert_eq!(tels.len(), 1, "112 only: {block}");
    assert!(block.contains("href=\"tel:112\""), "{block}");
    assert!(
        !block.contains("116000") && !block.contains("116 000"),
        "{block}"
    );
    let prompt = tag(block, "class=\"rs-danger-where\"");
    assert!(
        prompt.starts_with("<a") && prompt.contains("href=\"#rs-country\""),
        "{prompt}"
    );
    assert!(
        block.contains("Where are you now? Choose your country to see a helpline there."),
        "{block}"
    );
    // The picker it leads to.
    tag_with(&html, &["<select", "id=\"rs-country\""]);
}

#[tokio::test]
async fn danger_block_with_a_country_shows_its_line_never_a_childrens_line() {
    // Testland gets a children's line and a support line: by kind the children's
    // line sorts first, yet it must not be the line of the danger block.
    let mut directory: serde_json::Value = serde_json::from_str(&common::helplines_json()).unwrap();
    let lines = directory["helpline"].as_array_mut().unwrap();
    let template = lines[0].clone();
    for (id, kind, number, tel, name) in [
        (
            "xx-children",
            "children",
            "116 111",
            "116111",
            "Child helpline",
        ),
        (
            "xx-support",
            "support",
            "0 800 100",
            "0800100",
            "Testland support line",
        ),
    ] {
        let mut line = template.clone();
        line["id"] = id.into();
        line["country"] = "XX".into();
        line["kind"] = kind.into();
        line["number"] = number.into();
        line["tel"] = tel.into();
        line["name"] = serde_json::json!({ "en": name, "uk": name });
        lines.push(line);
    }
    let setup = setup_with(
        Options {
            helplines: Some(directory.to_string()),
            ..options("floors")
        },
        &["en"],
    );
    let danger = |country: &'static str| {
        floors_result(
            &setup,
            [
                ("passport", Answer::No),
                ("contract", Answer::Yes),
                ("address", Answer::Yes),
                ("leave", Answer::Yes),
            ],
            Some(country),
        )
    };
    let html = render(&setup, danger("XX")).await;
    let block = section(&html, "class=\"rs-danger\"");
    let at = |needle: &str| {
        block
            .find(needle)
            .unwrap_or_else(|| panic!("no `{needle}` in {block}"))
    };
    assert!(at("href=\"tel:112\"") < at("href=\"tel:911\""));
    assert!(at("href=\"tel:911\"") < at("href=\"tel:0800100\""));
    assert!(!block.contains("116111"), "{block}");
    assert!(!block.contains("rs-danger-where"), "{block}");
    // The children's line stays in the full list below.
    let list = section(&html, "class=\"rs-helplines\"");
    assert!(list.contains("href=\"tel:116111\""), "{list}");

    // Poland: its anti-trafficking line, not the EU-wide missing-children line.
    let html = render(&setup, danger("PL")).await;
    let block = section(&html, "class=\"rs-danger\"");
    assert!(block.contains("href=\"tel:+48226280120\""), "{block}");
    assert!(!block.contains("116000"), "{block}");
    assert_eq!(block.matches("href=\"tel:").count(), 2, "{block}");
}
