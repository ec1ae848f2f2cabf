//! `riskscreen-prerender --template pages/index.html --www www [--public-url URL]`: writes the
//! self-check page in every language into `www/`, and the embeds' fallback
//! (`www/fallback-text.js`, `www/fallback/<lang>.html`; see the library's doc).
//! Run by `cargo xtask build`; exit code 1 on any problem, 2 on a usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use riskscreen_prerender::fallback::TEXT_MODULE;
use riskscreen_prerender::{
    fallback, prerender, write, write_fallback, write_ui_strings, Error, PublicUrl, Template,
};

const USAGE: &str = "usage: riskscreen-prerender --template FILE --www DIR [--public-url URL]";

fn main() -> ExitCode {
    let mut template = None;
    let mut www = None;
    let mut public_url = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--template" => template = args.next().map(PathBuf::from),
            "--www" => www = args.next().map(PathBuf::from),
            "--public-url" => public_url = args.next(),
            _ => {
                eprintln!("riskscreen-prerender: unexpected argument `{arg}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(template), Some(www)) = (template, www) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let public_url = match public_url.as_deref().map(PublicUrl::parse).transpose() {
        Ok(url) => url,
        Err(error) => {
            eprintln!("riskscreen-prerender: {error}");
            return ExitCode::from(2);
        }
    };
    match run(&template, &www, public_url.as_ref()) {
        Ok(files) => {
            println!("prerendered {}", files.join(", "));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("riskscreen-prerender: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(template: &Path, www: &Path, public_url: Option<&PublicUrl>) -> Result<Vec<String>, Error> {
    let text = std::fs::read_to_string(template).map_err(|source| Error::Io {
        path: template.to_path_buf(),
        source,
    })?;
    let template = Template::parse(&text)?;
    let pages = prerender(&template, www, public_url)?;
    write(&pages, www)?;
    let fallback = fallback(&template, www)?;
    write_fallback(&fallback, www)?;
    let ui_strings = write_ui_strings(www)?;
    Ok(pages
        .into_iter()
        .chain(fallback.fragments)
        .map(|p| p.file)
        .chain([TEXT_MODULE.to_owned()])
        .chain(ui_strings)
        .collect())
}
