//! Where things are, and how child processes are run.
//!
//! [`Project`] knows the repository layout (root, `www/`, `dist/`, the per-repo
//! tool directory `.tools/`) and builds [`Command`]s that run in the repository
//! root with the pinned tools first on `PATH`. [`run`] echoes each command
//! before running it and turns a non-zero exit into an error, so a failing
//! stage always says which command failed.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::{env, fmt};

use anyhow::{bail, Context, Result};

/// The repository and the tools pinned inside it.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
}

impl Project {
    /// The repository this xtask binary was built from (the parent of `xtask/`).
    pub fn locate() -> Project {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .expect("xtask/ always has a parent directory")
            .to_path_buf();
        Project { root }
    }

    /// A project rooted somewhere else (tests).
    pub fn at(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into() }
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A path inside the repository.
    pub fn path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.root.join(relative)
    }

    /// The static site served in development and bundled by `dist`.
    pub fn www(&self) -> PathBuf {
        self.path("www")
    }

    /// The release bundle.
    pub fn dist(&self) -> PathBuf {
        self.path("dist")
    }

    /// Cargo's target directory (`CARGO_TARGET_DIR` if set, else `target/`).
    pub fn target_dir(&self) -> PathBuf {
        match env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => self.root.join(dir),
            _ => self.path("target"),
        }
    }

    /// Per-repository tools (git-ignored): `.tools/cargo` and `.tools/npm`.
    pub fn tools_dir(&self) -> PathBuf {
        self.path(".tools")
    }

    /// `--root` for `cargo install` of pinned Rust tools.
    pub fn cargo_tools_root(&self) -> PathBuf {
        self.tools_dir().join("cargo")
    }

    /// Where pinned Rust tools' binaries end up.
    pub fn cargo_tools_bin(&self) -> PathBuf {
        self.cargo_tools_root().join("bin")
    }

    /// `--prefix` for `npm install` of pinned npm tools.
    pub fn npm_prefix(&self) -> PathBuf {
        self.tools_dir().join("npm")
    }

    /// Binaries of npm packages installed under [`Project::npm_prefix`].
    pub fn npm_bin(&self) -> PathBuf {
        self.npm_prefix().join("node_modules").join(".bin")
    }

    /// `PATH` for child processes: the pinned tools first, then the inherited `PATH`.
    pub fn child_path(&self) -> OsString {
        let mut dirs = vec![self.cargo_tools_bin(), self.npm_bin()];
        if let Some(inherited) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&inherited));
        }
        env::join_paths(dirs).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default())
    }

    /// A command run in the repository root with the pinned tools on `PATH`.
    pub fn cmd(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", self.child_path());
        cmd
    }

    /// `cargo`, the same one that runs this xtask (`$CARGO`), else the one on `PATH`.
    pub fn cargo(&self) -> Command {
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        self.cmd(cargo)
    }
}

/// Prints `$ program args…`, runs the command with inherited stdio and fails
/// unless it exits with status 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = Shown(cmd).to_string();
    println!("$ {shown}");
    let status = cmd
        .status()
        .with_context(|| format!("could not start `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs the command quietly and returns its stdout, or `None` if it could not
/// be started or failed (used to probe whether a tool is present).
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Displays a command as it would be typed in a shell (program and arguments,
/// paths shortened relative to the current directory where possible).
struct Shown<'a>(&'a Command);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let program = Path::new(self.0.get_program());
        // `$CARGO` is an absolute path into the toolchain: show it as `cargo`.
        let program = match program.file_name() {
            Some(name) if program.is_absolute() && name == "cargo" => Path::new("cargo"),
            _ => program,
        };
        write!(f, "{}", quote(program.as_os_str()))?;
        for arg in self.0.get_args() {
            write!(f, " {}", quote(arg))?;
        }
        Ok(())
    }
}

fn quote(arg: &OsStr) -> String {
    let arg = arg.to_string_lossy();
    let plain = !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@+,".contains(c));
    if plain {
        arg.into_owned()
    } else {
        format!("'{}'", arg.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_shown_shell_quoted() {
        let mut cmd = Command::new("cargo");
        cmd.args(["clippy", "--", "-D", "warnings", "it's here"]);
        assert_eq!(
            Shown(&cmd).to_string(),
            r"cargo clippy -- -D warnings 'it'\''s here'"
        );
    }

    #[test]
    fn pinned_tools_come_first_on_path() {
        let project = Project::at("/repo");
        let path = project.child_path();
        let dirs: Vec<PathBuf> = env::split_paths(&path).collect();
        assert_eq!(dirs[0], Path::new("/repo/.tools/cargo/bin"));
        assert_eq!(dirs[1], Path::new("/repo/.tools/npm/node_modules/.bin"));
    }
}
