//! `cargo xtask fuzz` and the fuzz smoke stage of `cargo xtask test`: the
//! coverage-guided fuzz targets in `fuzz/` (fuzz/README.md has the details).
//!
//! # The fuzzer
//!
//! libFuzzer, from the `libfuzzer-sys` crate pinned in `fuzz/Cargo.lock` (its build
//! script compiles libFuzzer's C++ source with the system's `c++`). The targets are
//! built exactly as cargo-fuzz 0.13.2 builds them with `--sanitizer none`
//! ([`SANCOV_RUSTFLAGS`], plus `-Cdebug-assertions`, cargo-fuzz's `-a`), by running
//! cargo directly: that needs no nightly flag, so it works on the stable toolchain,
//! and no cargo-fuzz binary, whose install takes minutes (`fuzz/` stays a
//! cargo-fuzz project, so `cargo fuzz run|tmin|cmin -s none` works for anyone who
//! installs it). No sanitizer: AddressSanitizer needs `-Zsanitizer`, a nightly
//! flag, and all of the project's own code is `#![forbid(unsafe_code)]`; a panic
//! (failed assertion, overflow, out-of-bounds index) is what the targets look for.
//!
//! # Inputs
//!
//! Each target runs over, in this order: a working corpus it may add to (a
//! scratch directory in the smoke stage, the git-ignored `fuzz/work/<target>` in
//! `cargo xtask fuzz`), the committed `fuzz/corpus/<target>`, every crash found so
//! far, `fuzz/regressions/<target>` (replayed, so each stays fixed), and the
//! shipped questionnaires and directory as they are now (`questionnaires/*.toml`,
//! and compiled to JSON by the CLI), staged into `fuzz/target/seeds/<target>` so
//! that large files need no committed copy.
//!
//! A run first replays every input in full (`-runs=0`), then fuzzes for the given
//! time with inputs of at most [`MAX_LEN`] bytes (larger seeds are cut there: the
//! shipped files are checked whole by the replay, and small inputs are what make
//! thousands of runs a second).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::project::{probe, run, Project};
use crate::test::Outcome;
use crate::wasm::remove_dir_if_present;

/// The fuzz crate, a cargo workspace of its own.
pub const FUZZ_DIR: &str = "fuzz";

/// What cargo-fuzz 0.13.2 sets in `RUSTFLAGS` for a release build with
/// `--sanitizer none` on Linux (libFuzzer's coverage instrumentation).
pub const SANCOV_RUSTFLAGS: &[&str] = &[
    "-Cpasses=sancov-module",
    "-Cllvm-args=-sanitizer-coverage-level=4",
    "-Cllvm-args=-sanitizer-coverage-inline-8bit-counters",
    "-Cllvm-args=-sanitizer-coverage-pc-table",
    "-Cllvm-args=-sanitizer-coverage-trace-compares",
    "--cfg",
    "fuzzing",
    "-Cllvm-args=-simplifycfg-branch-fold-threshold=0",
    "-Cllvm-args=-sanitizer-coverage-stack-depth",
    "-Ccodegen-units=1",
];

/// The longest input libFuzzer makes while fuzzing (not while replaying).
pub const MAX_LEN: usize = 16 * 1024;

/// How large `cargo xtask fuzz --merge` lets each `fuzz/corpus/<target>` grow
/// (the committed corpora stay under 2 MB together).
pub const CORPUS_BUDGET: u64 = 384 * 1024;

/// Seconds each target fuzzes in the smoke stage of `cargo xtask test`.
pub const SMOKE_SECONDS: u64 = 5;

/// One fuzz target (`fuzz/fuzz_targets/<name>.rs`).
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// The binary's name, also the directory name under corpus/ and regressions/.
    pub name: &'static str,
    /// Its libFuzzer dictionary in `fuzz/dict/`, if any.
    pub dict: Option<&'static str>,
    /// Which shipped files seed it (see [`Seeds`]).
    pub seeds: Seeds,
}

/// The shipped files a target starts from besides its committed corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seeds {
    /// None.
    None,
    /// The questionnaires' TOML sources.
    QuestionnaireToml,
    /// The questionnaires compiled to JSON.
    QuestionnaireJson,
    /// The questionnaires and the helpline directory compiled to JSON.
    AllJson,
    /// The helpline directory's source and its compiled JSON.
    Helplines,
}

/// Every target, in the order they run.
pub const TARGETS: &[Target] = &[
    Target {
        name: "load_toml",
        dict: Some("toml.dict"),
        seeds: Seeds::QuestionnaireToml,
    },
    Target {
        name: "load_json",
        dict: Some("json.dict"),
        seeds: Seeds::QuestionnaireJson,
    },
    Target {
        name: "helplines",
        dict: Some("toml.dict"),
        seeds: Seeds::Helplines,
    },
    Target {
        name: "read_differential",
        dict: Some("json.dict"),
        seeds: Seeds::AllJson,
    },
    Target {
        name: "score_reference",
        dict: None,
        seeds: Seeds::None,
    },
];

/// What one target's run did, from libFuzzer's final statistics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// `stat::number_of_executed_units`: executions while fuzzing.
    pub executions: u64,
    /// `stat::average_exec_per_sec`.
    pub per_second: u64,
    /// Edges covered at the end (`cov:` of the last status line).
    pub coverage: u64,
    /// Features (`ft:`), libFuzzer's finer measure of coverage.
    pub features: u64,
}

/// Options of `cargo xtask fuzz`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Seconds per target; 0: only replay (and merge).
    pub seconds: u64,
    /// Which targets (all when empty).
    pub targets: Vec<String>,
    /// Afterwards, add to `fuzz/corpus/<target>` the inputs of the working corpus
    /// that reach something the committed corpus does not (libFuzzer `-merge=1`).
    pub merge: bool,
}

/// `cargo xtask fuzz`: builds the targets and fuzzes each for `seconds`, keeping
/// what it finds in `fuzz/work/<target>`; prints a table of executions.
pub fn fuzz(project: &Project, options: &Options) -> Result<()> {
    let targets = chosen(&options.targets)?;
    if let Some(reason) = unavailable(project) {
        bail!("cannot build the fuzz targets: {reason}");
    }
    let bin = build(project)?;
    stage_seeds(project, &targets)?;
    let mut table = Vec::new();
    for target in &targets {
        let work = project.path(FUZZ_DIR).join("work").join(target.name);
        fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
        let started = Instant::now();
        let stats = run_target(project, &bin, target, &work, options.seconds)?;
        table.push((target.name, stats, started.elapsed().as_secs()));
        if options.merge {
            merge(project, &bin, target, &work)?;
        }
    }
    println!("\n{}", render_table(&table));
    Ok(())
}

/// The stage of `cargo xtask test`: builds the targets, replays every committed
/// input and regression, and fuzzes each target for [`SMOKE_SECONDS`] in a scratch
/// corpus. Skipped, with the reason, where libFuzzer cannot be built.
pub fn smoke(project: &Project) -> Result<Outcome> {
    if let Some(reason) = unavailable(project) {
        println!("FUZZ SMOKE RUN SKIPPED: {reason}");
        return Ok(Outcome::Skipped(reason));
    }
    let bin = build(project)?;
    stage_seeds(project, TARGETS)?;
    let scratch = fuzz_target_dir(project).join("smoke");
    let mut table = Vec::new();
    for target in TARGETS {
        let work = scratch.join(target.name);
        remove_dir_if_present(&work)?;
        fs::create_dir_all(&work).with_context(|| format!("creating {}", work.display()))?;
        let started = Instant::now();
        let stats = run_target(project, &bin, target, &work, SMOKE_SECONDS)?;
        table.push((target.name, stats, started.elapsed().as_secs()));
    }
    println!("{}", render_table(&table));
    Ok(Outcome::Passed)
}

fn chosen(names: &[String]) -> Result<Vec<Target>> {
    if names.is_empty() {
        return Ok(TARGETS.to_vec());
    }
    names
        .iter()
        .map(|name| {
            TARGETS
                .iter()
                .find(|t| t.name == name)
                .copied()
                .with_context(|| {
                    let all: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
                    format!("no fuzz target `{name}` (there are {})", all.join(", "))
                })
        })
        .collect()
}

/// Why the targets cannot be built here, if they cannot.
fn unavailable(project: &Project) -> Option<String> {
    if !project.path(FUZZ_DIR).join("Cargo.toml").is_file() {
        return Some(format!("{FUZZ_DIR}/Cargo.toml does not exist"));
    }
    let Some(host) = host_triple(project) else {
        return Some("`rustc -vV` names no host triple".into());
    };
    if !(host.starts_with("x86_64-") || host.starts_with("aarch64-")) || !host.contains("-linux-") {
        return Some(format!(
            "the fuzz targets are built for x86_64 and aarch64 Linux only, not {host}"
        ));
    }
    let cxx = std::env::var("CXX").unwrap_or_else(|_| "c++".into());
    if probe(project.cmd(&cxx).arg("--version")).is_none() {
        return Some(format!(
            "no C++ compiler (`{cxx}`) to build libFuzzer with (apt-get install g++)"
        ));
    }
    None
}

fn host_triple(project: &Project) -> Option<String> {
    let version = probe(project.cmd("rustc").arg("-vV"))?;
    version
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
}

/// `fuzz/target`: cargo's target directory for the fuzz crate, whatever
/// `CARGO_TARGET_DIR` says (the binaries must be found).
fn fuzz_target_dir(project: &Project) -> PathBuf {
    project.path(FUZZ_DIR).join("target")
}

/// Builds every target; returns the directory of the binaries.
pub fn build(project: &Project) -> Result<PathBuf> {
    let host = host_triple(project).context("`rustc -vV` names no host triple")?;
    let mut rustflags: Vec<String> = SANCOV_RUSTFLAGS.iter().map(|&f| f.to_owned()).collect();
    rustflags.push("-Cdebug-assertions".into());
    if let Ok(inherited) = std::env::var("RUSTFLAGS") {
        rustflags.push(inherited);
    }
    let manifest = project.path(FUZZ_DIR).join("Cargo.toml");
    run(project
        .cargo()
        .args(["build", "--release", "--locked", "--bins"])
        .arg("--manifest-path")
        .arg(&manifest)
        .args(["--target", &host])
        .arg("--target-dir")
        .arg(fuzz_target_dir(project))
        .args(["--config", "profile.release.debug=\"line-tables-only\""])
        .env("RUSTFLAGS", rustflags.join(" ")))
    .context(
        "building the fuzz targets (if fuzz/Cargo.lock is out of date because the core's \
         dependencies changed: `cargo update --manifest-path fuzz/Cargo.toml --workspace`)",
    )?;
    Ok(fuzz_target_dir(project).join(host).join("release"))
}

/// Fills `fuzz/target/seeds/<target>` with the shipped files as they are now.
fn stage_seeds(project: &Project, targets: &[Target]) -> Result<()> {
    let root = fuzz_target_dir(project).join("seeds");
    let sources = project.path("questionnaires");
    let helplines = sources.join("helplines.toml");
    let mut stems: Vec<String> = Vec::new();
    if sources.is_dir() {
        for entry in
            fs::read_dir(&sources).with_context(|| format!("reading {}", sources.display()))?
        {
            let path = entry?.path();
            if path.is_file() && path.extension().is_some_and(|e| e == "toml") && path != helplines
            {
                stems.extend(path.file_stem().and_then(|s| s.to_str()).map(str::to_owned));
            }
        }
    }
    stems.sort();
    for target in targets {
        let dir = root.join(target.name);
        remove_dir_if_present(&dir)?;
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let copy = |from: &Path, name: &str| -> Result<()> {
            fs::copy(from, dir.join(name))
                .with_context(|| format!("copying {}", from.display()))
                .map(|_| ())
        };
        match target.seeds {
            Seeds::None => {}
            Seeds::QuestionnaireToml => {
                for stem in &stems {
                    copy(
                        &sources.join(format!("{stem}.toml")),
                        &format!("{stem}.toml"),
                    )?;
                }
            }
            Seeds::QuestionnaireJson | Seeds::AllJson => {
                for stem in &stems {
                    compile(
                        project,
                        "compile",
                        &sources.join(format!("{stem}.toml")),
                        &dir.join(format!("{stem}.json")),
                    )?;
                }
                if target.seeds == Seeds::AllJson && helplines.is_file() {
                    compile(
                        project,
                        "compile-helplines",
                        &helplines,
                        &dir.join("helplines.json"),
                    )?;
                }
            }
            Seeds::Helplines => {
                if helplines.is_file() {
                    copy(&helplines, "helplines.toml")?;
                    compile(
                        project,
                        "compile-helplines",
                        &helplines,
                        &dir.join("helplines.json"),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `riskscreen <subcommand> <source> -o <out>`, with the CLI of this checkout.
fn compile(project: &Project, subcommand: &str, source: &Path, out: &Path) -> Result<()> {
    run(project
        .cargo()
        .args([
            "run",
            "-q",
            "-p",
            crate::wasm::CLI_PACKAGE,
            "--bin",
            crate::wasm::CLI_BIN,
            "--",
            subcommand,
        ])
        .arg(source)
        .arg("-o")
        .arg(out))
    .with_context(|| format!("compiling {} into a fuzz seed", source.display()))
}

/// The input directories of `target` after `work`: those that exist.
fn inputs(project: &Project, target: &Target) -> Vec<PathBuf> {
    let fuzz = project.path(FUZZ_DIR);
    [
        fuzz.join("corpus").join(target.name),
        fuzz.join("regressions").join(target.name),
        fuzz_target_dir(project).join("seeds").join(target.name),
    ]
    .into_iter()
    .filter(|dir| dir.is_dir())
    .collect()
}

/// Replays every input of `target` in full, then fuzzes it for `seconds`, adding
/// to `work`. A crash fails, naming the input libFuzzer saved.
fn run_target(
    project: &Project,
    bin: &Path,
    target: &Target,
    work: &Path,
    seconds: u64,
) -> Result<Stats> {
    let binary = bin.join(target.name);
    let logs = fuzz_target_dir(project).join("logs");
    fs::create_dir_all(&logs).with_context(|| format!("creating {}", logs.display()))?;
    let artifacts = project.path(FUZZ_DIR).join("artifacts").join(target.name);
    fs::create_dir_all(&artifacts).with_context(|| format!("creating {}", artifacts.display()))?;
    let inputs = inputs(project, target);

    println!("\n--- {}: replaying every input", target.name);
    let mut replay = project.cmd(&binary);
    replay
        .arg("-runs=0")
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .args(&inputs);
    let log = logs.join(format!("{}-replay.log", target.name));
    libfuzzer(project, &mut replay, &log, target)?;
    if seconds == 0 {
        return Ok(Stats::default());
    }

    println!("--- {}: fuzzing for {seconds} s", target.name);
    let mut fuzz = project.cmd(&binary);
    fuzz.arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .arg("-print_final_stats=1")
        .arg(format!("-artifact_prefix={}/", artifacts.display()));
    if let Some(dict) = target.dict {
        fuzz.arg(format!(
            "-dict={}",
            project.path(FUZZ_DIR).join("dict").join(dict).display()
        ));
    }
    fuzz.arg(work).args(&inputs);
    let log = logs.join(format!("{}.log", target.name));
    let text = libfuzzer(project, &mut fuzz, &log, target)?;
    let stats = parse_stats(&text);
    println!(
        "{}: {} executions ({}/s), coverage {} edges / {} features, no crash",
        target.name, stats.executions, stats.per_second, stats.coverage, stats.features
    );
    Ok(stats)
}

/// Runs a libFuzzer command with its (copious) output in `log`; on failure prints
/// the end of the log and how to reproduce.
fn libfuzzer(project: &Project, cmd: &mut Command, log: &Path, target: &Target) -> Result<String> {
    let file = fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
    let root = format!("{}/", project.root().display());
    let shown: Vec<String> = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|arg| arg.to_string_lossy().replace(&root, ""))
        .collect();
    println!(
        "$ {} > {} 2>&1",
        shown.join(" "),
        log.display().to_string().replace(&root, "")
    );
    let status = cmd
        .stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file)
        .status()
        .with_context(|| format!("could not start {}", target.name))?;
    let text = fs::read_to_string(log).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "fuzz target `{}` failed ({status}); the end of {}:\n{}\n\nThe input that failed is \
             the `Test unit written to …` above (under fuzz/artifacts/{}/). Reproduce with \
             `fuzz/target/<host>/release/{} <that file>`; once fixed, add it to \
             fuzz/regressions/{}/ (fuzz/README.md).",
            target.name,
            log.display(),
            tail.join("\n"),
            target.name,
            target.name,
            target.name,
        );
    }
    Ok(text)
}

/// Adds to `fuzz/corpus/<target>` the inputs of `work` that reach code (edges)
/// the committed corpus does not, smallest first, while the directory stays within
/// [`CORPUS_BUDGET`]. libFuzzer's `-merge=1` picks them (`-use_counters=0`: new
/// edges only, not new hit counts of known edges, which would add thousands).
fn merge(project: &Project, bin: &Path, target: &Target, work: &Path) -> Result<()> {
    let corpus = project.path(FUZZ_DIR).join("corpus").join(target.name);
    fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
    let scratch = fuzz_target_dir(project).join("merge").join(target.name);
    remove_dir_if_present(&scratch)?;
    fs::create_dir_all(&scratch).with_context(|| format!("creating {}", scratch.display()))?;
    let committed = files(&corpus)?;
    for (_, path) in &committed {
        if let Some(name) = path.file_name() {
            fs::copy(path, scratch.join(name))
                .with_context(|| format!("copying {}", path.display()))?;
        }
    }
    let mut cmd = project.cmd(bin.join(target.name));
    cmd.arg("-merge=1")
        .arg("-use_counters=0")
        .arg(format!("-max_len={MAX_LEN}"))
        .arg(&scratch)
        .arg(work);
    let log = fuzz_target_dir(project)
        .join("logs")
        .join(format!("{}-merge.log", target.name));
    libfuzzer(project, &mut cmd, &log, target)?;
    let known: Vec<_> = committed
        .iter()
        .filter_map(|(_, p)| p.file_name())
        .collect();
    let mut new: Vec<(u64, PathBuf)> = files(&scratch)?
        .into_iter()
        .filter(|(_, p)| p.file_name().is_some_and(|n| !known.contains(&n)))
        .collect();
    new.sort();
    let mut used: u64 = committed.iter().map(|(size, _)| size).sum();
    let (mut added, mut left_out) = (0, 0);
    for (size, path) in new {
        if used + size > CORPUS_BUDGET {
            left_out += 1;
            continue;
        }
        if let Some(name) = path.file_name() {
            fs::copy(&path, corpus.join(name))
                .with_context(|| format!("copying {}", path.display()))?;
            used += size;
            added += 1;
        }
    }
    println!(
        "{}: added {added} inputs that reach new code to {} ({} KiB now){}",
        target.name,
        corpus.display(),
        used / 1024,
        if left_out > 0 {
            format!(
                "; {left_out} more left out, over the {} KiB budget",
                CORPUS_BUDGET / 1024
            )
        } else {
            String::new()
        }
    );
    Ok(())
}

/// The files directly in `dir`, with their sizes.
fn files(dir: &Path) -> Result<Vec<(u64, PathBuf)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push((entry.metadata()?.len(), entry.path()));
        }
    }
    Ok(files)
}

/// The final statistics of a libFuzzer run, from its output.
pub fn parse_stats(text: &str) -> Stats {
    let stat = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().parse().ok())
            .unwrap_or(0)
    };
    let status = text
        .lines()
        .rev()
        .find(|line| line.starts_with('#') && line.contains(" cov: "))
        .unwrap_or("");
    let field = |name: &str| {
        status
            .split_whitespace()
            .skip_while(|w| *w != name)
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    Stats {
        executions: stat("stat::number_of_executed_units:"),
        per_second: stat("stat::average_exec_per_sec:"),
        coverage: field("cov:"),
        features: field("ft:"),
    }
}

/// The table printed at the end (Markdown, as in the README).
pub fn render_table(rows: &[(&str, Stats, u64)]) -> String {
    let mut out = String::from(
        "| target | seconds | executions | per second | edges | features |\n|---|---:|---:|---:|---:|---:|\n",
    );
    let mut total = 0;
    for (name, stats, seconds) in rows {
        total += stats.executions;
        out.push_str(&format!(
            "| `{name}` | {seconds} | {} | {} | {} | {} |\n",
            stats.executions, stats.per_second, stats.coverage, stats.features
        ));
    }
    out.push_str(&format!("| total | | {total} | | | |\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzers_final_statistics() {
        let log = "\
#1048576\tpulse  cov: 3800 ft: 10936 corp: 1937/2085Kb lim: 16384 exec/s: 12633 rss: 37Mb
#2809408\tDONE   cov: 4249 ft: 15172 corp: 2581/13916Kb lim: 16384 exec/s: 10184 rss: 63Mb
Done 2809408 runs in 276 second(s)
stat::number_of_executed_units: 2809408
stat::average_exec_per_sec:     10184
stat::new_units_added:          13578
";
        assert_eq!(
            parse_stats(log),
            Stats {
                executions: 2_809_408,
                per_second: 10_184,
                coverage: 4249,
                features: 15172,
            }
        );
    }

    #[test]
    fn every_target_has_a_source_and_a_bin_entry() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let manifest = fs::read_to_string(root.join("fuzz/Cargo.toml")).unwrap();
        for target in TARGETS {
            let source = format!("fuzz_targets/{}.rs", target.name);
            assert!(root.join("fuzz").join(&source).is_file(), "{source}");
            assert!(
                manifest.contains(&format!("name = \"{}\"", target.name)),
                "{} has no [[bin]] in fuzz/Cargo.toml",
                target.name
            );
            if let Some(dict) = target.dict {
                assert!(root.join("fuzz/dict").join(dict).is_file(), "{dict}");
            }
        }
        let bins = manifest.matches("[[bin]]").count();
        assert_eq!(
            bins,
            TARGETS.len(),
            "a [[bin]] of fuzz/Cargo.toml is not in TARGETS"
        );
    }
}
