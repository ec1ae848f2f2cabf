//! `cargo xtask build`: the widget as a web page's assets in `www/`.
//!
//! 1. `cargo build --lib --target wasm32-unknown-unknown -p riskscreen`
//!    (release unless `--dev`);
//! 2. `wasm-bindgen --target web` writes `www/pkg/riskscreen.js` and
//!    `www/pkg/riskscreen_bg.wasm`;
//! 3. `wasm-opt -Oz --converge` shrinks the wasm in place (release only: it is
//!    slow and pointless on a debug build; `--converge` repeats the passes while
//!    they still pay: README, Performance and size);
//! 4. every `questionnaires/*.toml` (top level only) is compiled by the CLI to
//!    `www/q/<stem>.json` (every language: embedders and the frame load it) and to
//!    one file per language, `www/q/<stem>.<lang>.json` (that language's texts
//!    only: the self-check page loads the person's), and
//!    `questionnaires/helplines.toml`, if present, to `www/q/helplines.json` and
//!    `www/q/helplines.<lang>.json` (that language's names only) the same way;
//! 5. every questionnaire's printable checklist in each of its languages:
//!    `www/checklist/<stem>.<lang>.html` (`riskscreen checklist`);
//! 6. the self-check page is prerendered from its template [`PAGE_TEMPLATE`]
//!    (`riskscreen-prerender`, crates/prerender): `www/index.<lang>.html` for each
//!    of its languages and `www/index.html`, the widget's start screen already in
//!    the HTML, rendered natively by the widget's own components; its failure
//!    notice links the checklist in its language and it preloads its language's
//!    questionnaire and helpline file, all checked to exist.
//!
//! `www/pkg`, `www/q`, `www/checklist` and the pages are generated (and git-ignored): the
//! directories and the old pages are removed first so that nothing stale ends up
//! in a release.

use std::fs;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::project::{run, Project};
use crate::tools::{self, ensure_tools, Needs, WASM_TARGET};

/// The widget package and its library's file name.
pub const WIDGET_PACKAGE: &str = "riskscreen";
/// The CLI package and binary that compiles questionnaires.
pub const CLI_PACKAGE: &str = "riskscreen-cli";
/// See [`CLI_PACKAGE`].
pub const CLI_BIN: &str = "riskscreen";
/// The questionnaire file compiled with `compile-helplines` instead of `compile`.
pub const HELPLINES: &str = "helplines";
/// The package and binary that prerender the self-check page.
pub const PRERENDER_PACKAGE: &str = "riskscreen-prerender";
/// The self-check page's template, relative to the repository root.
pub const PAGE_TEMPLATE: &str = "pages/index.html";

/// Cargo profile of the wasm build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `--release` (size-optimised, see `[profile.release]`), then `wasm-opt -Oz`.
    Release,
    /// The dev profile, no `wasm-opt`: quicker to build, much larger.
    Dev,
}

impl Profile {
    fn dir(self) -> &'static str {
        match self {
            Profile::Release => "release",
            Profile::Dev => "debug",
        }
    }
}

/// Builds everything `www/` needs: tools, wasm, JS glue, questionnaires.
pub fn build(project: &Project, profile: Profile) -> Result<()> {
    ensure_tools(project, Needs::default())?;
    let wasm = cargo_build(project, profile)?;
    bindgen(project, &wasm)?;
    if profile == Profile::Release {
        optimize(project)?;
    }
    compile_questionnaires(project)?;
    checklists(project)?;
    prerender(project)?;
    check_page_links(&project.www())?;
    println!("built {}", project.www().display());
    Ok(())
}

/// Step 1: compiles the widget for wasm32; returns the `.wasm` path.
pub fn cargo_build(project: &Project, profile: Profile) -> Result<PathBuf> {
    let mut cmd = project.cargo();
    cmd.arg("build");
    if profile == Profile::Release {
        cmd.arg("--release");
    }
    // English UI strings only (the widget's default features build every UI
    // language in, for the native tests and the prerenderer): the page loads the
    // person's language as `ui/<lang>.json` (src/i18n/ui_file.rs), which keeps the
    // other languages' strings out of every first visit (README, Performance and
    // size).
    cmd.args(["--lib", "--target", WASM_TARGET, "-p", WIDGET_PACKAGE]);
    cmd.arg("--no-default-features");
    run(&mut cmd)?;
    let wasm = project
        .target_dir()
        .join(WASM_TARGET)
        .join(profile.dir())
        .join(format!("{}.wasm", WIDGET_PACKAGE.replace('-', "_")));
    if !wasm.is_file() {
        bail!(
            "{} was not produced: is the widget crate a `cdylib`?",
            wasm.display()
        );
    }
    Ok(wasm)
}

/// Step 2: JS glue and bindgen-processed wasm in `www/pkg`.
fn bindgen(project: &Project, wasm: &std::path::Path) -> Result<()> {
    let pkg = project.www().join("pkg");
    remove_dir_if_present(&pkg)?;
    run(project
        .cmd(tools::wasm_bindgen(project))
        .args(["--target", "web", "--no-typescript", "--out-dir", "www/pkg"])
        .args(["--out-name", WIDGET_PACKAGE])
        .arg(wasm))
    .context(
        "wasm-bindgen failed (a wasm without wasm-bindgen's custom section, \
         i.e. a widget that does not use wasm-bindgen yet, fails here)",
    )
}

/// Step 3: `wasm-opt -Oz --converge` on `www/pkg/riskscreen_bg.wasm`, in place.
fn optimize(project: &Project) -> Result<()> {
    let wasm = format!("www/pkg/{WIDGET_PACKAGE}_bg.wasm");
    let before = fs::metadata(project.path(&wasm))?.len();
    run(project
        .cmd(tools::wasm_opt(project))
        .args(["-Oz", "--converge", &wasm, "-o", &wasm]))?;
    let after = fs::metadata(project.path(&wasm))?.len();
    println!("wasm-opt: {before} → {after} bytes");
    Ok(())
}

/// Step 4: questionnaires → `www/q/*.json` with the CLI
/// (`riskscreen compile X.toml -o www/q/X.json`, then for each of its languages
/// `riskscreen compile X.toml --lang L -o www/q/X.L.json`,
/// `riskscreen compile-helplines helplines.toml -o www/q/helplines.json`, and
/// again per language, `--lang L -o www/q/helplines.L.json`).
pub fn compile_questionnaires(project: &Project) -> Result<()> {
    let out_dir = project.www().join("q");
    remove_dir_if_present(&out_dir)?;
    let stems = questionnaire_stems(project)?;
    if stems.is_empty() {
        println!("no questionnaires/*.toml: nothing to compile");
        return Ok(());
    }
    fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    for stem in &stems {
        let source = format!("questionnaires/{stem}.toml");
        if stem == HELPLINES {
            run(cli(project).args(["compile-helplines", &source, "-o", "www/q/helplines.json"]))
                .with_context(|| format!("compiling {source}"))?;
            for lang in compiled_languages(project, stem)? {
                let out = format!("www/{}", language_file(stem, &lang));
                run(cli(project).args(["compile-helplines", &source, "--lang", &lang, "-o", &out]))
                    .with_context(|| format!("compiling {source} in {lang}"))?;
            }
            continue;
        }
        run(cli(project).args(["compile", &source, "-o", &format!("www/q/{stem}.json")]))
            .with_context(|| format!("compiling {source}"))?;
        for lang in compiled_languages(project, stem)? {
            run(cli(project).args([
                "compile",
                &source,
                "--lang",
                &lang,
                "-o",
                &format!("www/{}", language_file(stem, &lang)),
            ]))
            .with_context(|| format!("compiling {source} in {lang}"))?;
        }
    }
    Ok(())
}

/// The questionnaire `stem` with the texts of `lang` only, relative to `www/`
/// (crates/prerender names it the same way, from the page's `data-questionnaire`).
pub fn language_file(stem: &str, lang: &str) -> String {
    format!("q/{stem}.{lang}.json")
}

/// `cargo run` of the CLI, ready for its arguments.
fn cli(project: &Project) -> std::process::Command {
    let mut cmd = project.cargo();
    cmd.args([
        "run",
        "-q",
        "--release",
        "-p",
        CLI_PACKAGE,
        "--bin",
        CLI_BIN,
        "--",
    ]);
    cmd
}

/// The languages of the compiled `www/q/<stem>.json`.
fn compiled_languages(project: &Project, stem: &str) -> Result<Vec<String>> {
    let json = project.www().join("q").join(format!("{stem}.json"));
    let text = fs::read_to_string(&json).with_context(|| format!("reading {}", json.display()))?;
    let compiled: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("reading {}", json.display()))?;
    Ok(compiled["languages"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

/// The printable checklist of questionnaire `stem` in `lang`, relative to `www/`.
/// The page's failure notice links it (crates/prerender); [`check_page_links`]
/// makes sure the two agree.
pub fn checklist_file(stem: &str, lang: &str) -> String {
    format!("checklist/{stem}.{lang}.html")
}

/// Step 5: the printable checklist of every questionnaire in each of its
/// languages, with every country's helplines (`riskscreen checklist X.toml --lang
/// L -o www/checklist/X.L.html`; one `checklist.css` beside them), for people who
/// cannot run the check (issue #14). An NGO makes one for its country with the
/// CLI and `--country` (README, "Printable checklist").
pub fn checklists(project: &Project) -> Result<()> {
    let out_dir = project.www().join("checklist");
    remove_dir_if_present(&out_dir)?;
    fs::create_dir_all(&out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    for stem in questionnaire_stems(project)?
        .iter()
        .filter(|s| s.as_str() != HELPLINES)
    {
        for lang in compiled_languages(project, stem)? {
            let lang = lang.as_str();
            run(cli(project).args([
                "checklist",
                &format!("questionnaires/{stem}.toml"),
                "--lang",
                lang,
                "-o",
                &format!("www/{}", checklist_file(stem, lang)),
            ]))
            .with_context(|| format!("the checklist of questionnaires/{stem}.toml in {lang}"))?;
        }
    }
    Ok(())
}

/// Every `checklist/…` link and `q/…` preload of the prerendered pages names a
/// file that steps 4 and 5 wrote: the page and the build agree on the names.
pub fn check_page_links(www: &std::path::Path) -> Result<()> {
    for entry in fs::read_dir(www).with_context(|| format!("reading {}", www.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !(name.starts_with("index") && name.ends_with(".html")) {
            continue;
        }
        let page = fs::read_to_string(&path)?;
        let links = page
            .match_indices("href=\"checklist/")
            .chain(page.match_indices("href=\"q/"));
        for (at, _) in links {
            let target = page[at + "href=\"".len()..]
                .split('"')
                .next()
                .unwrap_or_default();
            if !www.join(target).is_file() {
                bail!("{name} links {target}, which the build did not write");
            }
        }
    }
    Ok(())
}

/// Step 6: the self-check page in every language, from [`PAGE_TEMPLATE`] and the
/// JSON of step 4 (`riskscreen-prerender --template pages/index.html --www www`).
/// A debug build: it renders ten small pages, and shares its compiled yew with
/// the widget's render tests.
///
/// With [`PUBLIC_URL_VAR`] set (`cargo xtask dist --public-url URL` sets it),
/// the pages' `hreflang` links are absolute under that address
/// (`--public-url`), as search engines need them.
pub fn prerender(project: &Project) -> Result<()> {
    remove_pages(&project.www())?;
    let mut cmd = project.cargo();
    cmd.args(["run", "-q", "-p", PRERENDER_PACKAGE, "--"])
        .args(["--template", PAGE_TEMPLATE, "--www", "www"]);
    if let Some(url) = std::env::var_os(PUBLIC_URL_VAR).filter(|u| !u.is_empty()) {
        cmd.arg("--public-url").arg(url);
    }
    run(&mut cmd).context("prerendering the self-check page")
}

/// The address the pages will be served at (the folder of `index.html`), for
/// their `hreflang` links; unset, they stay relative (docs/deploying.md).
pub const PUBLIC_URL_VAR: &str = "RISKSCREEN_PUBLIC_URL";

/// Removes the prerendered pages (`index.html`, `index.<lang>.html`) of `www`.
fn remove_pages(www: &std::path::Path) -> Result<()> {
    let Ok(entries) = fs::read_dir(www) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("index.") && name.ends_with(".html") {
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

/// File stems of `questionnaires/*.toml` (not subdirectories), sorted.
fn questionnaire_stems(project: &Project) -> Result<Vec<String>> {
    let dir = project.path("questionnaires");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut stems = Vec::new();
    for entry in fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                stems.push(stem.to_string());
            }
        }
    }
    stems.sort();
    Ok(stems)
}

pub(crate) fn remove_dir_if_present(dir: &std::path::Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("removing {}", dir.display())),
    }
}
