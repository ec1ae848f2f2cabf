//! `cargo xtask`: argument parsing and dispatch; the work is in the library
//! modules (see `lib.rs`). Arguments are parsed by hand: a handful of flags do
//! not justify a parser dependency.

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use xtask::project::Project;
use xtask::tools::{ensure_tools, Needs};
use xtask::wasm::Profile;
use xtask::{bench_web, codegen, dist, serve, test, wasm};

const HELP: &str = "\
Project automation for riskscreen.

Usage: cargo xtask <COMMAND> [OPTIONS]

Commands:
  test [--quick]     Run every test, stage by stage, stopping at the first failure:
                     cargo fmt --check, cargo clippy -D warnings, cargo deny (licences,
                     bans, sources; advisories where GitHub is reachable), cargo test,
                     a fuzz smoke run (fuzz/: replay + 5 s per target), then tools, wasm build, release bundle + size budget, the
                     production headers served by nginx and Caddy (docs/deploying.md),
                     wasm tests in Chromium (if tests/ has any) and browser
                     end-to-end tests (if tests/e2e/Cargo.toml exists).
                     --quick  only these native stages (format, lints, cargo deny,
                              native tests, fuzz smoke run)
  build [--dev] [--public-url URL]
                     Build www/: the widget for wasm32 (release), wasm-bindgen into
                     www/pkg, wasm-opt -Oz, questionnaires/*.toml into www/q/*.json.
                     --dev    debug build, no wasm-opt (quicker, much larger)
                     --public-url URL  where the pages will be served (the folder
                              of index.html): their hreflang links are absolute
                              under it, as search engines need (also read from
                              RISKSCREEN_PUBLIC_URL)
  serve [OPTIONS]    Build, then serve www/ at http://127.0.0.1:PORT/ with the
                     production security headers (Ctrl-C stops it): the self-check
                     page, the NGO intake demo (demo/intake.html), and on the next
                     port (another origin) the offer listing demo (frame embed).
                     --port N    first port to try (default 8080; if busy, the next ones)
                     --dev       debug build (see build --dev)
                     --no-build  serve www/ as it is
                     --dist      serve the release bundle dist/ instead (built by
                                 `cargo xtask dist` unless --no-build)
                     --compress  send brotli (else gzip) copies, made once at
                                 start, as a CDN would (for Lighthouse and other
                                 page-load measurements)
  dist [--public-url URL]
                     Release build (--public-url as for build), then dist/: content-hashed assets, a size table
                     (raw, gzip, brotli), the first-visit brotli total of each
                     language's page (fails when the largest is over 175 KiB)
                     and Subresource Integrity hashes (dist/sri.txt).
  tidy               What is written in two places says the same: the quick exit's
                     default URL, the option names, the CSP of pages and servers,
                     every relative link of the Markdown files, the wasm boundary,
                     no hand-written file over 700 lines (xtask/src/tidy.rs;
                     `cargo test -p xtask` runs it too).
  codegen            Rewrite the generated files: src/i18n/strings.rs (UI strings,
                     typed message ids) from the .ftl files, and the server configs
                     of docs/deploying.md from xtask/src/headers.rs; says which
                     changed (their tests fail in CI while they are out of date).
  bench-web [OPTIONS]
                     Build dist/, then load the self-check page and the plain-HTML
                     floor (tests/bench/floor.html) in headless Chromium, throttled
                     like a phone (150 ms, 1.6 Mbit/s, CPU 4x) and unthrottled;
                     print a Markdown table of the medians: first-visit bytes,
                     first control on screen, first question after Start, and
                     widget/floor ratios (xtask/src/bench_web.rs). Not a test.
                     --runs N    page loads per page and profile (default 5)
                     --no-build  measure dist/ as it is
  fuzz [OPTIONS] [TARGET...]
                     Build the libFuzzer targets in fuzz/ and fuzz each (all, or
                     those named) for a while, keeping what it finds in fuzz/work/;
                     prints executions per target (fuzz/README.md).
                     --time SECS  seconds per target (default 60; 0: only replay
                                  the corpus, regressions and shipped files)
                     --merge      then add what reaches new code to fuzz/corpus/
                                  (smallest first, 384 KiB per target at most)
  tools [--browser]  Install the pinned tools into .tools/ (done by the commands
                     above as needed; cargo-deny by `test`). --browser  also Chromium
                     and ChromeDriver from apt
  help               Print this help (also -h, --help)
";

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Tidy,
    Codegen,
    Test {
        quick: bool,
    },
    Build {
        profile: Profile,
        public_url: Option<String>,
    },
    Serve {
        port: u16,
        profile: Profile,
        build: bool,
        dist: bool,
        compress: bool,
    },
    Dist {
        public_url: Option<String>,
    },
    BenchWeb(bench_web::Options),
    Fuzz(xtask::fuzz::Options),
    Tools {
        browser: bool,
    },
}

fn parse(args: &[String]) -> Result<Command> {
    let Some((command, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    if rest.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(Command::Help);
    }
    let mut flags = Flags {
        rest,
        used: vec![false; rest.len()],
    };
    let parsed = match command.as_str() {
        "help" | "-h" | "--help" => Command::Help,
        "test" => Command::Test {
            quick: flags.switch("--quick"),
        },
        "build" => Command::Build {
            profile: profile(flags.switch("--dev")),
            public_url: flags.value("--public-url")?,
        },
        "serve" => Command::Serve {
            port: match flags.value("--port")? {
                Some(port) => port
                    .parse()
                    .with_context(|| format!("--port {port}: not a port number"))?,
                None => 8080,
            },
            profile: profile(flags.switch("--dev")),
            build: !flags.switch("--no-build"),
            dist: flags.switch("--dist"),
            compress: flags.switch("--compress"),
        },
        "dist" => Command::Dist {
            public_url: flags.value("--public-url")?,
        },
        "tidy" => Command::Tidy,
        "codegen" => Command::Codegen,
        "bench-web" => Command::BenchWeb(bench_web::Options {
            runs: match flags.value("--runs")? {
                Some(runs) => match runs.parse() {
                    Ok(n) if n > 0 => n,
                    _ => bail!("--runs {runs}: not a number of runs (1 or more)"),
                },
                None => bench_web::DEFAULT_RUNS,
            },
            build: !flags.switch("--no-build"),
        }),
        "fuzz" => Command::Fuzz(xtask::fuzz::Options {
            seconds: match flags.value("--time")? {
                Some(secs) => secs
                    .parse()
                    .with_context(|| format!("--time {secs}: not a number of seconds"))?,
                None => 60,
            },
            merge: flags.switch("--merge"),
            targets: flags.positional(),
        }),
        "tools" => Command::Tools {
            browser: flags.switch("--browser"),
        },
        other => bail!("unknown command `{other}` (see `cargo xtask --help`)"),
    };
    flags.finish(command)?;
    Ok(parsed)
}

/// Hands `--public-url` to the prerenderer through [`wasm::PUBLIC_URL_VAR`]
/// (set before any thread starts), which it checks.
fn set_public_url(url: Option<String>) {
    if let Some(url) = url {
        std::env::set_var(wasm::PUBLIC_URL_VAR, url);
    }
}

fn profile(dev: bool) -> Profile {
    if dev {
        Profile::Dev
    } else {
        Profile::Release
    }
}

/// The options after the command, each to be used exactly once.
struct Flags<'a> {
    rest: &'a [String],
    used: Vec<bool>,
}

impl Flags<'_> {
    fn switch(&mut self, name: &str) -> bool {
        let mut found = false;
        for (arg, used) in self.rest.iter().zip(&mut self.used) {
            if arg == name {
                *used = true;
                found = true;
            }
        }
        found
    }

    /// `--name VALUE` or `--name=VALUE`.
    fn value(&mut self, name: &str) -> Result<Option<String>> {
        let prefix = format!("{name}=");
        for i in 0..self.rest.len() {
            if let Some(value) = self.rest[i].strip_prefix(&prefix) {
                self.used[i] = true;
                return Ok(Some(value.to_string()));
            }
            if self.rest[i] == name {
                let Some(value) = self.rest.get(i + 1) else {
                    bail!("{name} needs a value");
                };
                self.used[i] = true;
                self.used[i + 1] = true;
                return Ok(Some(value.clone()));
            }
        }
        Ok(None)
    }

    /// The arguments that are not flags (do not start with `-`) and not yet used.
    fn positional(&mut self) -> Vec<String> {
        let mut found = Vec::new();
        for (arg, used) in self.rest.iter().zip(&mut self.used) {
            if !*used && !arg.starts_with('-') {
                *used = true;
                found.push(arg.clone());
            }
        }
        found
    }

    fn finish(self, command: &str) -> Result<()> {
        match self.rest.iter().zip(&self.used).find(|(_, used)| !**used) {
            Some((arg, _)) => bail!(
                "unexpected argument `{arg}` for `cargo xtask {command}` (see `cargo xtask --help`)"
            ),
            None => Ok(()),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args).and_then(dispatch) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nerror: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(command: Command) -> Result<()> {
    let project = Project::locate();
    match command {
        Command::Help => print!("{HELP}"),
        Command::Test { quick } => test::test(&project, quick)?,
        Command::Build {
            profile,
            public_url,
        } => {
            set_public_url(public_url);
            wasm::build(&project, profile)?
        }
        Command::Tidy => xtask::tidy::tidy(&project)?,
        Command::Codegen => codegen::codegen(&project)?,
        Command::Serve {
            port,
            profile,
            build,
            dist,
            compress,
        } => {
            let dir = match (dist, build) {
                (true, _) if profile == Profile::Dev => {
                    bail!("--dist is a release build: drop --dev")
                }
                (true, true) => {
                    dist::dist(&project)?;
                    project.dist()
                }
                (true, false) => project.dist(),
                (false, true) => {
                    wasm::build(&project, profile)?;
                    project.www()
                }
                (false, false) => project.www(),
            };
            let server = serve::serve_dir(&dir, port)
                .with_context(|| format!("serving {}", dir.display()))?;
            let server = if compress {
                let copies = xtask::compress::precompress_dir(&dir)
                    .with_context(|| format!("compressing {}", dir.display()))?;
                server.with_compression(std::sync::Arc::new(copies))?
            } else {
                server
            };
            let widget = server.url();
            // The listing demo on a second origin, so its frame is cross-origin.
            let listing = dir.join("demo/listing");
            let host = if listing.is_dir() {
                let next = if port == 0 {
                    0
                } else {
                    server.addr().port() + 1
                };
                let host = serve::serve_demo_host(&listing, next, &widget)
                    .with_context(|| format!("serving {}", listing.display()))?;
                Some(host.spawn())
            } else {
                None
            };
            // frame.html may be framed by the listing demo only (docs/deploying.md).
            let server = match &host {
                Some(host) => server.with_embedders(vec![host.origin()])?,
                None => server,
            };
            println!("\nServing {} (Ctrl-C to stop):", dir.display());
            println!("  self-check page               {widget}");
            if dir.join("demo/intake.html").is_file() {
                println!("  NGO intake demo (<risk-screen>) {widget}demo/intake.html");
            }
            if let Some(host) = &host {
                println!(
                    "  offer listing demo (embed.js, another origin) {}",
                    host.url()
                );
            }
            server.run()?;
        }
        Command::Dist { public_url } => {
            set_public_url(public_url);
            dist::dist(&project)?
        }
        Command::BenchWeb(options) => bench_web::bench_web(&project, &options)?,
        Command::Fuzz(options) => xtask::fuzz::fuzz(&project, &options)?,
        Command::Tools { browser } => ensure_tools(&project, Needs { browser })?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Command> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    #[test]
    fn parses_commands_and_flags() {
        assert_eq!(parse_str("").unwrap(), Command::Help);
        assert_eq!(parse_str("test").unwrap(), Command::Test { quick: false });
        assert_eq!(
            parse_str("test --quick").unwrap(),
            Command::Test { quick: true }
        );
        assert_eq!(
            parse_str("build --dev").unwrap(),
            Command::Build {
                profile: Profile::Dev,
                public_url: None,
            }
        );
        assert_eq!(
            parse_str("dist --public-url https://help.example.org/check/").unwrap(),
            Command::Dist {
                public_url: Some("https://help.example.org/check/".to_owned()),
            }
        );
        assert_eq!(
            parse_str("serve --port 9000 --no-build").unwrap(),
            Command::Serve {
                port: 9000,
                profile: Profile::Release,
                build: false,
                dist: false,
                compress: false,
            }
        );
        assert_eq!(
            parse_str("serve --port=9001").unwrap(),
            Command::Serve {
                port: 9001,
                profile: Profile::Release,
                build: true,
                dist: false,
                compress: false,
            }
        );
        assert_eq!(parse_str("dist --help").unwrap(), Command::Help);
        assert_eq!(
            parse_str("bench-web").unwrap(),
            Command::BenchWeb(bench_web::Options {
                runs: 5,
                build: true
            })
        );
        assert_eq!(
            parse_str("bench-web --no-build --runs=3").unwrap(),
            Command::BenchWeb(bench_web::Options {
                runs: 3,
                build: false
            })
        );
        assert_eq!(
            parse_str("fuzz --time 600 load_toml --merge").unwrap(),
            Command::Fuzz(xtask::fuzz::Options {
                seconds: 600,
                targets: vec!["load_toml".into()],
                merge: true,
            })
        );
    }

    #[test]
    fn rejects_unknown_input() {
        for line in [
            "frobnicate",
            "test --quik",
            "dist --dev",
            "serve --port",
            "serve --port x",
            "bench-web --runs",
            "bench-web --runs 0",
            "bench-web --runs five",
            "bench-web --quick",
        ] {
            assert!(parse_str(line).is_err(), "{line}");
        }
    }
}
