//! `riskscreen`: validate, compile, score and report questionnaires from the shell.
//!
//! This is the edge of the program: it reads files, calls the pure engine in
//! `riskscreen-core`, prints, and turns the outcome into an exit code. `anyhow` is
//! used here only, for IO and output failures; every problem with a questionnaire
//! or an answers file is a core [`riskscreen_core::Diagnostic`] or a located message.
//!
//! One module per command (`validate`, `compile`, `score`, `schema`, `report`,
//! `translations`, `calibrate`, `checklist`);
//! `input` holds what they share: reading a file and telling a questionnaire from
//! the helpline directory.
//!
//! # Exit codes
//!
//! - 0: success (warnings do not count);
//! - 1: invalid input: an error diagnostic, a bad answers file, an unknown
//!   indicator id, `--lang` or `--country` code, a bad `--url`, a file that cannot
//!   be read or an output that cannot be written;
//! - 2: usage error: the command line itself is wrong (unknown command or flag,
//!   missing file argument, `--answers` and `--indicators` both or neither).
//!
//! The rule is "2 exactly when the command line cannot be parsed": everything that
//! can only be judged once a file is read is invalid input, so 1.
//!
//! # Why clap
//!
//! Subcommands with flags, a required either/or (`--answers` | `--indicators`)
//! and enumerated values (`--format json|text`) are what clap's derive does well:
//! `--help` for every subcommand, "did you mean" for misspelt flags and exit code 2
//! on usage errors come for free and stay in sync with the code. Hand-parsing would
//! be a few hundred lines to get the same. The cost is build time only (the CLI is
//! a native tool, never part of the WebAssembly bundle), kept down by turning off
//! clap's `color` feature; `strsim`, `syn` and friends are already built for core.
//!
//! # Broken pipes
//!
//! Rust ignores `SIGPIPE`, so writing to a closed pipe (`riskscreen schema | head`)
//! is an `io::Error` rather than a silent death. All output goes through one
//! buffered writer whose errors propagate; a broken pipe then ends the program
//! quietly with exit code 0 (nobody is left to read the output), instead of a
//! panic from `println!`.

mod calibrate;
mod checklist;
mod compile;
mod input;
mod report;
mod schema;
mod score;
mod translations;
mod validate;
mod write;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (warnings do not count)
  1  invalid input: an error in a questionnaire, helpline directory or answers file,
     an unknown indicator id, --lang or --country code, a bad --url, a file that
     cannot be read, or an output file that cannot be written
  2  usage error: unknown command or flag, missing file argument, bad flag value

Files ending in .json are read as compiled JSON, anything else as TOML. A file named
helplines.toml, or whose TOML has a top-level `helpline` key, is the helpline directory.";

/// Check, compile, score and describe riskscreen questionnaires.
#[derive(Debug, Parser)]
#[command(name = "riskscreen", version, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check files and print every problem as file:line:column (errors and warnings).
    ///
    /// Each file may be a questionnaire (TOML or compiled JSON) or the helpline
    /// directory. Exits 1 if any file has an error.
    #[command(after_help = EXIT_CODES)]
    Validate {
        /// Questionnaire or helpline directory files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Check a questionnaire and write it as JSON for the widget; nothing is written on errors.
    ///
    /// A helpline directory is detected and compiled as one (see compile-helplines).
    #[command(after_help = EXIT_CODES)]
    Compile {
        /// The questionnaire (or helpline directory) source.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the JSON (`-` for standard output).
        #[arg(short, long, value_name = "OUT.json")]
        output: PathBuf,
        /// Keep the texts of this language only (repeat for more), and the default
        /// language's where a text has none of them; written compact. The
        /// self-check page loads one such file per language.
        #[arg(long = "lang", value_name = "LANG")]
        langs: Vec<String>,
    },
    /// Check the helpline directory and write it as JSON for the widget.
    #[command(after_help = EXIT_CODES)]
    CompileHelplines {
        /// The helpline directory source, e.g. questionnaires/helplines.toml.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the JSON (`-` for standard output).
        #[arg(short, long, value_name = "OUT.json")]
        output: PathBuf,
        /// Keep the names and hours in this language only (repeat for more), as
        /// `compile --lang` does. The self-check page loads one such file per
        /// language.
        #[arg(long = "lang", value_name = "LANG")]
        langs: Vec<String>,
    },
    /// Score answers (or indicators marked directly) and explain the result.
    #[command(after_help = EXIT_CODES)]
    Score(score::Args),
    /// Print the JSON Schema of the questionnaire format (for editors).
    #[command(after_help = EXIT_CODES)]
    Schema {
        /// Print the helpline directory's schema instead.
        #[arg(long)]
        helplines: bool,
    },
    /// Describe a questionnaire: sections, languages, indicators, gaps.
    ///
    /// Also reports on a questionnaire that has errors, as far as its shape allows
    /// (useful while translating), and then exits 1.
    #[command(after_help = EXIT_CODES)]
    Report {
        /// The questionnaire (or helpline directory).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Translator workflow: status, PO export and import, records of translations.
    ///
    /// See docs/translating.md.
    #[command(subcommand)]
    Translations(translations::Command),
    /// Run a calibration file's situations through the engine and print story → band → expected.
    #[command(after_help = EXIT_CODES)]
    Calibrate {
        /// A calibration file (questionnaires/calibration/<id>.toml).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Write a questionnaire as a printable checklist: static HTML, no script, one or two pages.
    ///
    /// Danger signs with 112 first, then each question with what its answers mean,
    /// the helplines of --country (or every country's anti-trafficking line), and
    /// with --url a QR code to the online check. checklist.css is written next to
    /// OUT.html.
    #[command(after_help = EXIT_CODES)]
    Checklist(checklist::Args),
}

/// Output format of `score` and `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for people.
    Text,
    /// Pretty-printed JSON for programs.
    Json,
}

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Exit 0.
    Success,
    /// Exit 1: the input has errors (already printed).
    Invalid,
}

impl Status {
    /// `Invalid` if `invalid` holds.
    pub fn invalid_if(invalid: bool) -> Self {
        if invalid {
            Status::Invalid
        } else {
            Status::Success
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse(); // exits 2 on usage errors, 0 after --help / --version
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut err = io::stderr().lock();
    let result = run(cli.command, &mut out, &mut err).and_then(|status| {
        out.flush()?;
        Ok(status)
    });
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Invalid) => ExitCode::from(1),
        // The reader went away (`| head`): nothing left to tell anyone.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<Status> {
    match command {
        Command::Validate { files } => validate::run(&files, out),
        Command::Compile {
            file,
            output,
            langs,
        } => compile::run(None, &file, &output, &langs, out, err),
        Command::CompileHelplines {
            file,
            output,
            langs,
        } => compile::run(
            Some(input::Kind::Helplines),
            &file,
            &output,
            &langs,
            out,
            err,
        ),
        Command::Score(args) => score::run(&args, out, err),
        Command::Schema { helplines } => schema::run(helplines, out),
        Command::Report { file, format } => report::run(&file, format, out, err),
        Command::Translations(command) => translations::run(command, out, err),
        Command::Calibrate { file } => calibrate::run(&file, out),
        Command::Checklist(args) => checklist::run(&args, out, err),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
