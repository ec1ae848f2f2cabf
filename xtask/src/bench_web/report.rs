//! From the samples to the printed table: medians with the fastest and
//! slowest run ([`Stat`], [`Summary`]), cells, widget ÷ floor ratios, and the
//! Markdown table with the line that says how it was made ([`report`]).

use std::fmt::Write as _;

use super::{Sample, FLOOR_DIR, FLOOR_PAGE, MOBILE, UNTHROTTLED, VIEWPORT};
use crate::dist::format_size;

/// The median (the mean of the middle two for an even count); `None` if empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// Median, fastest and slowest of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    /// The median.
    pub median: f64,
    /// The smallest value.
    pub min: f64,
    /// The largest value.
    pub max: f64,
}

impl Stat {
    /// `None` if there is no finite value.
    pub fn of(values: &[f64]) -> Option<Stat> {
        let median = median(values)?;
        let finite = values.iter().copied().filter(|v| v.is_finite());
        Some(Stat {
            median,
            min: finite.clone().fold(f64::INFINITY, f64::min),
            max: finite.fold(f64::NEG_INFINITY, f64::max),
        })
    }
}

/// The figures of one page under one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Bytes raw, gzip, brotli (medians).
    pub raw: Option<Stat>,
    /// See [`Summary::raw`].
    pub gzip: Option<Stat>,
    /// See [`Summary::raw`].
    pub brotli: Option<Stat>,
    /// First contentful paint.
    pub fcp: Option<Stat>,
    /// First control on screen.
    pub control: Option<Stat>,
    /// First question, from navigation start.
    pub question: Option<Stat>,
    /// First question, from the first press of Start.
    pub after_press: Option<Stat>,
}

impl Summary {
    /// The summary of some samples.
    pub fn of(samples: &[Sample]) -> Summary {
        let stat = |f: &dyn Fn(&Sample) -> Option<f64>| {
            Stat::of(&samples.iter().filter_map(f).collect::<Vec<_>>())
        };
        Summary {
            raw: stat(&|s| Some(s.bytes.raw as f64)),
            gzip: stat(&|s| Some(s.bytes.gzip as f64)),
            brotli: stat(&|s| Some(s.bytes.brotli as f64)),
            fcp: stat(&|s| s.fcp),
            control: stat(&|s| Some(s.control)),
            question: stat(&|s| Some(s.question)),
            after_press: stat(&|s| Some(s.question - s.pressed)),
        }
    }
}

/// One profile's figures for both pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The profile's name.
    pub profile: &'static str,
    /// The self-check page.
    pub widget: Summary,
    /// The plain-HTML floor.
    pub floor: Summary,
}

/// How a row's figures are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Bytes,
    Ms,
}

/// A figure of a [`Summary`].
type Figure = fn(&Summary) -> Option<Stat>;

/// The rows of the table: label, unit, figure.
pub(super) const ROWS: &[(&str, Unit, Figure)] = &[
    ("first-visit bytes, raw", Unit::Bytes, |s| s.raw),
    ("first-visit bytes, gzip -9", Unit::Bytes, |s| s.gzip),
    ("first-visit bytes, brotli 11", Unit::Bytes, |s| s.brotli),
    ("first contentful paint, ms", Unit::Ms, |s| s.fcp),
    ("first control on screen (Start), ms", Unit::Ms, |s| {
        s.control
    }),
    ("first question after Start, ms", Unit::Ms, |s| s.question),
    ("… of which after pressing Start, ms", Unit::Ms, |s| {
        s.after_press
    }),
];

/// A cell: bytes as a size (the same in every run, so the median alone); times
/// as `median (min–max)`, rounded to the ms.
pub(super) fn cell(stat: Option<Stat>, unit: Unit) -> String {
    match (stat, unit) {
        (None, _) => "–".to_owned(),
        (Some(s), Unit::Bytes) if s.min == s.max => format_size(s.median.round() as u64),
        (Some(s), Unit::Bytes) => format!(
            "{} ({}–{})",
            format_size(s.median.round() as u64),
            format_size(s.min.round() as u64),
            format_size(s.max.round() as u64)
        ),
        (Some(s), Unit::Ms) => format!("{:.0} ({:.0}–{:.0})", s.median, s.min, s.max),
    }
}

/// `widget ÷ floor` of the medians, `12.3×`; `–` when either is missing or the
/// floor is 0.
pub fn ratio(widget: Option<Stat>, floor: Option<Stat>) -> String {
    match (widget, floor) {
        (Some(w), Some(f)) if f.median > 0.0 => format!("{:.1}×", w.median / f.median),
        _ => "–".to_owned(),
    }
}

/// The Markdown table: a row per figure; per profile, the widget, the floor
/// and their ratio.
pub fn markdown_table(columns: &[Column]) -> String {
    let mut out = String::from("| median of the runs (fastest–slowest) |");
    let mut rule = String::from("|---|");
    for column in columns {
        let p = column.profile;
        let _ = write!(out, " {p}: widget | {p}: floor | {p}: widget ÷ floor |");
        rule.push_str("---:|---:|---:|");
    }
    out.push('\n');
    out.push_str(&rule);
    out.push('\n');
    for (label, unit, figure) in ROWS {
        let _ = write!(out, "| {label} |");
        for column in columns {
            let (w, f) = (figure(&column.widget), figure(&column.floor));
            let _ = write!(
                out,
                " {} | {} | {} |",
                cell(w, *unit),
                cell(f, *unit),
                ratio(w, f)
            );
        }
        out.push('\n');
    }
    out
}

/// What the command prints: a heading line, the table, and how it was made.
pub fn report(columns: &[Column], runs: usize, chromium: &str) -> String {
    let network = MOBILE
        .network
        .expect("the mobile profile throttles the network");
    let (width, height, scale) = VIEWPORT;
    format!(
        "\n`cargo xtask bench-web`: median of {runs} first visit(s) per page and profile, headless \
         Chromium {chromium}, viewport {width}×{height} at {scale}×, cache disabled; \
         {} = {:.0} ms round trip, {:.1} Mbit/s down, {:.0} kbit/s up, CPU {}× slower; \
         {} = none. widget = `dist/` (`/`), floor = `{FLOOR_DIR}/{FLOOR_PAGE}`, both served \
         with the production headers and brotli.\n\n{}",
        MOBILE.name,
        network.latency_ms,
        network.download * 8.0 / 1e6,
        network.upload * 8.0 / 1e3,
        MOBILE.cpu_slowdown,
        UNTHROTTLED.name,
        markdown_table(columns)
    )
}
