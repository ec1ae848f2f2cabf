//! The bundle's unit tests: hashing and rewriting, comments, the first visit,
//! SRI, and the real `www/`.

use super::shrink::drop_blank_lines;
use super::*;

fn asset(source: &str, content: &str) -> Asset {
    Asset {
        source: source.into(),
        path: source.into(),
        content: content.as_bytes().to_vec(),
        refs: Vec::new(),
    }
}

#[test]
fn hashed_names_put_the_hash_before_the_extension() {
    let name = hashed_name("riskscreen_bg.wasm", b"\0asm");
    let (stem, rest) = name.split_once('.').unwrap();
    let (hash, ext) = rest.split_once('.').unwrap();
    assert_eq!((stem, ext), ("riskscreen_bg", "wasm"));
    assert_eq!(hash.len(), 8);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(name, hashed_name("riskscreen_bg.wasm", b"\0asm"));
    assert_ne!(name, hashed_name("riskscreen_bg.wasm", b"\0asm\x01"));
    // SHA-256("") starts with e3b0c442.
    assert_eq!(hashed_name("boot.js", b""), "boot.e3b0c442.js");
    assert_eq!(hashed_name("LICENSE", b""), "LICENSE.e3b0c442");
}

#[test]
fn references_are_whole_file_names() {
    let names = ["boot.js", "riskscreen.js", "riskscreen_bg.wasm"];
    let text = "import x from './pkg/riskscreen.js'; new URL('riskscreen_bg.wasm', u)";
    for syntax in [Syntax::Markup, Syntax::Script] {
        assert_eq!(references(text, &names, syntax), vec![1, 2]);
    }
    for text in [
        "reboot.js",
        "a.boot.js",
        "boot.jsx",
        "boot.js.map",
        "boot-js",
        "'reboot.js'",
        "\"boot.jsx\"",
    ] {
        for syntax in [Syntax::Markup, Syntax::Script] {
            assert_eq!(
                references(text, &names, syntax),
                Vec::<usize>::new(),
                "{text}"
            );
        }
    }
    assert_eq!(references("see boot.js.", &names, Syntax::Markup), vec![0]);
}

#[test]
fn in_scripts_only_quoted_paths_are_references() {
    let names = ["boot.js", "options.js", "style.css"];
    for text in [
        "import { a } from \"./options.js\";",
        "import { a } from '../lib/options.js';",
        "new URL(\"options.js\", BASE)",
        "fetch('options.js?v=2')",
    ] {
        assert_eq!(references(text, &names, Syntax::Script), vec![1], "{text}");
    }
    for text in [
        "// Internal to the widget's own scripts (boot.js, frame.js)",
        "/* see options.js */",
        "// `options.js` lists them",
        "\"the options.js file\"",
        "`./options.js`",
    ] {
        assert_eq!(
            references(text, &names, Syntax::Script),
            Vec::<usize>::new(),
            "{text}"
        );
    }
    let renames = [("options.js".to_string(), "options.1234abcd.js".to_string())];
    assert_eq!(
        rewrite(
            "// options.js: the vocabulary\nimport { a } from \"./options.js\";",
            &renames,
            Syntax::Script
        ),
        "// options.js: the vocabulary\nimport { a } from \"./options.1234abcd.js\";"
    );
    let names = ["font.woff2", "widget.js"];
    let css = "/* (<risk-screen>, widget.js) */ @import \"widget.js\"; src: url(./font.woff2)";
    assert_eq!(references(css, &names, Syntax::Style), vec![0, 1]);
    let css = "/* widget.js, font.woff2, (font.woff2) */";
    assert_eq!(references(css, &names, Syntax::Style), Vec::<usize>::new());
    assert_eq!(
        rewrite(
            "<!-- options.js --><script src=options.js>",
            &renames,
            Syntax::Markup
        ),
        "<!-- options.1234abcd.js --><script src=options.1234abcd.js>"
    );
}

#[test]
fn rewrites_each_occurrence_once() {
    let renames = [
        ("a.js".to_string(), "a.1234.js".to_string()),
        ("a.1234.js".to_string(), "wrong.js".to_string()),
    ];
    assert_eq!(
        rewrite(
            "<script src=\"a.js\"></script> a.js; ba.js",
            &renames,
            Syntax::Markup
        ),
        "<script src=\"a.1234.js\"></script> a.1234.js; ba.js"
    );
}

/// Each language's page counts its own preloads (its questionnaire and UI
/// strings), not the English page nor the English files.
#[test]
fn each_page_counts_what_it_preloads() {
    let preload =
        |href: &str| format!("<link rel=\"preload\" href=\"{href}\" as=\"fetch\" crossorigin>");
    let assets = vec![
        asset(
            "index.html",
            &(preload("q/self-check.en.json")
                + &preload("q/helplines.en.json")
                + "<script type=module src=boot.js></script>"),
        ),
        asset(
            "index.uk.html",
            &(preload("q/self-check.uk.json")
                + &preload("q/helplines.uk.json")
                + &preload("ui/uk.json")
                + "<script type=module src=boot.js></script>"),
        ),
        asset("boot.js", "// boot"),
        asset("q/helplines.json", "{}"),
        asset("q/helplines.en.json", "{}"),
        asset("q/helplines.uk.json", "{}"),
        asset("q/self-check.en.json", "{}"),
        asset("q/self-check.uk.json", "{}"),
        asset("ui/pl.json", "{}"),
        asset("ui/uk.json", "{}"),
    ];
    let out = hash_assets(assets).unwrap();
    let of = |page: &str| -> Vec<&str> {
        let mut sources: Vec<&str> = first_visit_of(&out, page)
            .into_iter()
            .map(|i| out[i].source.as_str())
            .collect();
        sources.sort_unstable();
        sources
    };
    assert_eq!(
        of("index.uk.html"),
        [
            "boot.js",
            "index.uk.html",
            "q/helplines.uk.json",
            "q/self-check.uk.json",
            "ui/uk.json"
        ]
    );
    assert_eq!(
        of("index.html"),
        [
            "boot.js",
            "index.html",
            "q/helplines.en.json",
            "q/self-check.en.json"
        ]
    );
}

#[test]
fn hashes_bottom_up_and_rewrites_references() {
    let assets = vec![
        asset(
            "boot.js",
            "import init from './pkg/riskscreen.js'; await init();",
        ),
        asset(
            "index.html",
            "<link rel=stylesheet href=style.css><script type=module src=boot.js></script>",
        ),
        asset(
            "pkg/riskscreen.js",
            "module_or_path = new URL('riskscreen_bg.wasm', import.meta.url);",
        ),
        asset("pkg/riskscreen_bg.wasm", "\0asm"),
        asset("q/helplines.json", "{}"),
        asset("q/ilo.json", "{\"riskscreen.js\": 1}"),
        asset("style.css", "body{}"),
    ];
    let out = hash_assets(assets).unwrap();
    let by_source = |s: &str| out.iter().find(|a| a.source == s).unwrap();
    let wasm = by_source("pkg/riskscreen_bg.wasm");
    let glue = by_source("pkg/riskscreen.js");
    let boot = by_source("boot.js");
    let html = by_source("index.html");
    assert_eq!(
        wasm.path,
        format!("pkg/{}", hashed_name("riskscreen_bg.wasm", b"\0asm"))
    );
    let wasm_name = file_name(&wasm.path);
    let glue_text = String::from_utf8(glue.content.clone()).unwrap();
    assert!(glue_text.contains(&format!("new URL('{wasm_name}', import.meta.url)")));
    assert_eq!(
        glue.path,
        format!("pkg/{}", hashed_name("riskscreen.js", &glue.content))
    );
    let boot_text = String::from_utf8(boot.content.clone()).unwrap();
    assert!(boot_text.contains(&format!("'./pkg/{}'", file_name(&glue.path))));
    assert_eq!(html.path, "index.html");
    let html_text = String::from_utf8(html.content.clone()).unwrap();
    assert!(html_text.contains(&format!("src={}", boot.path)));
    assert!(html_text.contains(&format!("href={}", by_source("style.css").path)));
    // JSON is neither renamed nor rewritten.
    assert_eq!(by_source("q/ilo.json").content, b"{\"riskscreen.js\": 1}");

    let first: Vec<&str> = first_visit(&out)
        .into_iter()
        .map(|i| out[i].source.as_str())
        .collect();
    assert_eq!(
        first,
        [
            "boot.js",
            "index.html",
            "pkg/riskscreen.js",
            "pkg/riskscreen_bg.wasm",
            "style.css"
        ],
        "JSON the page does not preload does not count"
    );
}

#[test]
fn duplicate_names_and_cycles_are_errors() {
    let dup = vec![asset("a/x.js", ""), asset("b/x.js", "")];
    assert!(hash_assets(dup).is_err());
    let cycle = vec![
        asset("a.js", "import 'b.js'"),
        asset("b.js", "import 'a.js'"),
    ];
    let error = hash_assets(cycle).unwrap_err().to_string();
    assert!(error.contains("cycle"), "{error}");
}

#[test]
fn entry_points_keep_their_names_and_what_they_import_is_hashed() {
    let sources = vec![
        asset(
            "boot.js",
            "// the vocabulary in options.js\nimport { a } from \"./options.js\";",
        ),
        asset(
            "embed.js",
            "// the vocabulary of options.js, frame.js\nnew URL(\"frame.html\", w);",
        ),
        asset(
            "frame.html",
            "<link rel=stylesheet href=style.css><script type=module src=frame.js></script>",
        ),
        asset("frame.js", "import { a } from \"./options.js\";"),
        asset("index.html", "<script type=module src=boot.js></script>"),
        asset(
            "options.js",
            "// Imported by boot.js, frame.js, widget.js, risk-screen.js; hosts use embed.js",
        ),
        asset(
            "risk-screen.js",
            "import { mount } from \"./widget.js\";\nimport { b } from \"./options.js\";",
        ),
        asset("style.css", "body{}"),
        asset(
            "widget.js",
            "import { a } from \"./options.js\"; new URL(\"style.css\", BASE)",
        ),
    ];
    let out = hash_assets(sources.clone()).expect("comments make no cycle");
    check_verbatim(&sources, &out).unwrap();
    let by_source = |s: &str| out.iter().find(|a| a.source == s).unwrap();
    for name in [
        "embed.js",
        "widget.js",
        "risk-screen.js",
        "index.html",
        "frame.html",
    ] {
        assert_eq!(by_source(name).path, name, "{name} keeps its name");
    }
    for name in ["boot.js", "frame.js", "options.js", "style.css"] {
        assert_ne!(by_source(name).path, name, "{name} is hashed");
    }
    let options = file_name(&by_source("options.js").path).to_string();
    let text = |s: &str| String::from_utf8(by_source(s).content.clone()).unwrap();
    assert!(text("widget.js").contains(&format!("\"./{options}\"")));
    assert!(text("widget.js").contains(&format!("\"{}\"", by_source("style.css").path)));
    assert!(text("risk-screen.js").contains("\"./widget.js\""));
    assert!(text("risk-screen.js").contains(&format!("\"./{options}\"")));
    assert!(text("boot.js").starts_with("// the vocabulary in options.js\n"));
    assert_eq!(by_source("embed.js").content, sources[1].content);

    let first: Vec<&str> = first_visit(&out)
        .into_iter()
        .map(|i| out[i].source.as_str())
        .collect();
    assert_eq!(first, ["boot.js", "index.html", "options.js", "style.css"]);
}

#[test]
fn a_hashed_file_must_not_import_a_stable_one() {
    let assets = vec![
        asset("helper.js", "import { mount } from \"./widget.js\";"),
        asset("widget.js", ""),
    ];
    let error = hash_assets(assets).unwrap_err().to_string();
    assert!(
        error.contains("helper.js") && error.contains("keeps its name"),
        "{error}"
    );
}

#[test]
fn embed_js_must_come_out_unchanged() {
    let sources = vec![
        asset("embed.js", "import \"./options.js\";"),
        asset("options.js", ""),
    ];
    let out = hash_assets(sources.clone()).unwrap();
    let error = check_verbatim(&sources, &out).unwrap_err().to_string();
    assert!(error.contains("byte-identical"), "{error}");
}

#[test]
fn demos_stay_out_of_the_bundle() {
    let dir = std::env::temp_dir().join(format!("riskscreen-dist-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("demo/listing")).unwrap();
    fs::create_dir_all(dir.join("q")).unwrap();
    fs::write(dir.join("index.html"), "").unwrap();
    fs::write(dir.join("demo/intake.html"), "").unwrap();
    fs::write(dir.join("demo/listing/index.html"), "").unwrap();
    fs::write(dir.join("q/demo.json"), "{}").unwrap();
    fs::write(dir.join(".hidden"), "").unwrap();
    let sources: Vec<String> = collect(&dir)
        .unwrap()
        .into_iter()
        .map(|a| a.source)
        .collect();
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(sources, ["index.html", "q/demo.json"]);
}

fn repo() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real `www/` (with or without the build output in `pkg/` and `q/`).
#[test]
fn the_real_www_bundles_with_stable_entry_points() {
    let sources = collect(&repo().join("www")).unwrap();
    assert!(
        sources.iter().all(|a| !a.source.starts_with("demo/")),
        "www/demo/ stays out of dist"
    );
    let out = hash_assets(sources.clone()).unwrap();
    check_verbatim(&sources, &out).unwrap();
    for name in [
        "embed.js",
        "widget.js",
        "risk-screen.js",
        "index.html",
        "frame.html",
    ] {
        if let Some(a) = out.iter().find(|a| a.source == name) {
            assert_eq!(a.path, name, "{name} keeps its name");
        }
    }
    let Some(options) = out.iter().find(|a| a.source == "options.js") else {
        return;
    };
    assert_ne!(options.path, "options.js");
    for (i, a) in out.iter().enumerate() {
        if ["boot.js", "frame.js", "widget.js", "risk-screen.js"].contains(&a.source.as_str()) {
            let text = String::from_utf8_lossy(&a.content);
            assert!(
                text.contains(&format!("\"./{}\"", options.path)),
                "{} imports the hashed options.js",
                a.source
            );
            let index = out.iter().position(|o| o.source == "options.js").unwrap();
            assert!(a.refs.contains(&index), "{} (asset {i})", a.source);
        }
    }
    if let (Some(glue), Some(wasm)) = (
        out.iter().find(|a| a.source == "pkg/riskscreen.js"),
        out.iter()
            .position(|a| a.source == "pkg/riskscreen_bg.wasm"),
    ) {
        assert_eq!(
            glue.refs,
            [wasm],
            "the glue loads the wasm, and nothing else"
        );
    }
    let first: Vec<&str> = first_visit(&out)
        .into_iter()
        .map(|i| out[i].source.as_str())
        .collect();
    assert!(first.contains(&"options.js"), "{first:?}");
    if out.iter().any(|a| a.source == "q/self-check.en.json") {
        assert!(first.contains(&"q/self-check.en.json"), "{first:?}");
        assert!(!first.contains(&"q/self-check.json"), "{first:?}");
        assert!(!first.contains(&"q/self-check.uk.json"), "{first:?}");
    }
    assert!(!first.contains(&"embed.js"), "{first:?}");
}

/// The `integrity` values of README.md's `<script … src="…/embed.js" …>` tags.
fn readme_embed_integrity(readme: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = readme;
    while let Some(start) = rest.find("<script") {
        let tag_and_more = &rest[start..];
        let end = tag_and_more.find('>').unwrap_or(tag_and_more.len());
        let tag = &tag_and_more[..end];
        if tag.contains("/embed.js\"") {
            let value = tag
                .split_once("integrity=\"")
                .and_then(|(_, v)| v.split_once('"'))
                .map_or(String::new(), |(v, _)| v.to_string());
            found.push(value);
        }
        rest = &tag_and_more[end..];
    }
    found
}

/// Keeps the README honest: its frame-embed snippet pins today's `www/embed.js`.
#[test]
fn readme_snippet_carries_the_sri_of_embed_js() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let embed = fs::read(repo().join("www/embed.js")).unwrap();
    let expected = sri_sha384(&embed);
    let found = readme_embed_integrity(&readme);
    assert!(
        !found.is_empty(),
        "README.md has no <script src=\"…/embed.js\" integrity=\"…\"> snippet"
    );
    for value in found {
        assert_eq!(
            value, expected,
            "README.md's embed.js snippet has integrity=\"{value}\", but www/embed.js is \
             {expected}. After changing www/embed.js, put the new hash in README.md \
             (`openssl dgst -sha384 -binary www/embed.js | openssl base64 -A`, prefixed \
             with sha384-, or the embed.js line printed by `cargo xtask dist`)"
        );
    }
}

#[test]
fn readme_snippets_are_found() {
    let text = "a <script src=\"https://w.example/embed.js\"\n  integrity=\"sha384-abc\"\n  \
                crossorigin=\"anonymous\"></script> <script type=module src=\"x.js\"></script>";
    assert_eq!(readme_embed_integrity(text), ["sha384-abc"]);
    assert_eq!(
        readme_embed_integrity("<script src=\"/embed.js\"></script>"),
        [""]
    );
}

#[test]
fn sri_of_the_empty_file() {
    assert_eq!(
        sri_sha384(b""),
        "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
    );
}

#[test]
fn sizes_are_human_readable() {
    assert_eq!(format_size(0), "0 B");
    assert_eq!(format_size(1023), "1023 B");
    assert_eq!(format_size(1024), "1.0 KiB");
    assert_eq!(format_size(200 * 1024), "200.0 KiB");
    assert_eq!(format_size(12_595), "12.3 KiB");
    assert_eq!(format_size(1_310_720), "1.25 MiB");
}

#[test]
fn comments_go_and_strings_and_markup_stay() {
    let css = "/* a */\n.a::before { content: \"/* not */\"; }\n\n/* b\n c */ .b{x:y}\n";
    assert_eq!(
        drop_blank_lines(&strip_css_comments(css)),
        ".a::before { content: \"/* not */\"; }\n .b{x:y}\n"
    );
    let html = "<p>a</p>\n  <!-- note\n more -->\n<p>b <!--x--> c</p>\n";
    assert_eq!(
        drop_blank_lines(&strip_html_comments(html)),
        "<p>a</p>\n<p>b  c</p>\n"
    );
}
