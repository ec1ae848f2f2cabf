//! The checklist page: a questionnaire, a helpline directory and a language in,
//! one static HTML document out. Pure: no IO, no clock, so the same inputs give
//! the same bytes (the release bundle can rebuild them and compare).
//!
//! Order on the page, top to bottom: the title and one line on what the sheet is
//! for (with `--url`, the QR code beside them); the danger signs (indicators with
//! `danger = true`) with the emergency number, or just the emergency number when
//! the questionnaire has none; the questions by section, each with its "why we
//! ask" and one box to tick per answer that marks a sign ("If yes: …", "If no:
//! …", or the option), the sign's label, the band it reaches on its own
//! (`at_least`) and, for a danger sign, "call 112"; the bands above the first
//! with their advice (what a ticked box means); the helplines; a footer saying
//! that nothing is sent and that this judges no one, with the questionnaire's id
//! and version.
//!
//! Every text from the questionnaire and the directory goes through [`escape`];
//! the only URLs written are the stylesheet's relative name, `tel:` links (the
//! directory's `tel`, digits and `+` only, checked by its validator) and the
//! `--url` checked by the command.

use riskscreen_core::helplines::{Country, Directory, Helpline, Kind};
use riskscreen_core::lang::{autonym, direction};
use riskscreen_core::{Indicator, Question, QuestionKind, Questionnaire, Text};

use super::qr;
use super::strings::Strings;

/// The stylesheet the page links to, written next to it (see the command's docs
/// for why it is not inline).
pub const STYLESHEET: &str = include_str!("checklist.css");

/// The emergency number across the EU, in Ukraine and in Moldova: always shown.
pub const EMERGENCY: &str = "112";

/// Everything a page is made of.
#[derive(Debug)]
pub struct Page<'a> {
    /// The questionnaire, validated.
    pub questionnaire: &'a Questionnaire,
    /// The helpline directory, validated.
    pub directory: &'a Directory,
    /// A language the questionnaire ships and [`Strings`] speaks.
    pub lang: &'a str,
    /// The checklist's own words in `lang`.
    pub strings: &'a Strings,
    /// The country whose helplines to show; `None`: every country's
    /// anti-trafficking line and the EU-wide lines.
    pub country: Option<&'a Country>,
    /// The online check, for the QR code and the link (checked by the command).
    pub url: Option<&'a str>,
    /// The class on `<body>` that picks the printed page size (`paper-a4`, `paper-a5`).
    pub paper_class: &'a str,
    /// The stylesheet's URL relative to the page.
    pub stylesheet: &'a str,
}

/// The page as HTML.
pub fn render(page: &Page<'_>) -> anyhow::Result<String> {
    let q = page.questionnaire;
    let s = page.strings;
    let t = |text: &Text| escape(text.get_or(page.lang, &q.default_language));
    let mut html = String::with_capacity(32 * 1024);

    html.push_str("<!DOCTYPE html>\n");
    html.push_str(&format!(
        "<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{} — {}</title>\n\
         <link rel=\"stylesheet\" href=\"{}\">\n</head>\n",
        escape(page.lang),
        direction(page.lang),
        t(&q.title),
        escape(s.text("checklist")),
        escape(page.stylesheet),
    ));
    html.push_str(&format!("<body class=\"{}\">\n", escape(page.paper_class)));

    // Title, purpose, and the way to the online check.
    html.push_str("<header>\n");
    html.push_str(&format!("<h1>{}</h1>\n", t(&q.title)));
    let purpose = match q.audience {
        riskscreen_core::Audience::SelfCheck => "purpose-self-check",
        riskscreen_core::Audience::Intake => "purpose-intake",
        riskscreen_core::Audience::Platform => "purpose-platform",
    };
    html.push_str(&format!(
        "<p class=\"purpose\">{}</p>\n",
        s.html(purpose, &[])
    ));
    if let Some(url) = page.url {
        let label = s.text("qr-label").replace("{url}", url);
        html.push_str(&format!(
            "<div class=\"online\">\n{}\n<p>{} <a href=\"{}\">{}</a></p>\n</div>\n",
            qr::svg(url, &label)?,
            s.html("online", &[]),
            escape(url),
            escape(url),
        ));
    }
    html.push_str("</header>\n<main>\n");

    danger_section(&mut html, page);
    questions_section(&mut html, page);
    bands_section(&mut html, page);
    helplines_section(&mut html, page);

    html.push_str("</main>\n<footer>\n");
    html.push_str(&format!("<p>{}</p>\n", s.html("footer-private", &[])));
    let mut source = s.html(
        "footer-source",
        &[("id", &escape(&q.id)), ("version", &escape(&q.version))],
    );
    if let Some(date) = oldest_check(&helpline_groups(page)) {
        source.push(' ');
        source.push_str(&s.html("footer-helplines", &[("date", &escape(date))]));
    }
    html.push_str(&format!("<p class=\"source\">{source}</p>\n"));
    html.push_str("</footer>\n</body>\n</html>\n");
    Ok(html)
}

/// A link that dials `number` (digits and `+`, as the directory's validator
/// requires; escaped all the same).
fn tel(number: &str, shown: &str) -> String {
    format!(
        "<a class=\"tel\" href=\"tel:{}\">{}</a>",
        escape(number),
        escape(shown)
    )
}

fn danger_section(html: &mut String, page: &Page<'_>) {
    let q = page.questionnaire;
    let s = page.strings;
    let emergency = tel(EMERGENCY, EMERGENCY);
    let danger: Vec<&Indicator> = q.indicators.iter().filter(|i| i.danger).collect();
    html.push_str("<section class=\"danger\" aria-labelledby=\"danger-heading\">\n");
    if danger.is_empty() {
        html.push_str(&format!(
            "<h2 id=\"danger-heading\">{}</h2>\n<p class=\"call\">{}</p>\n",
            s.html("emergency-heading", &[]),
            s.html("emergency-only", &[("emergency", &emergency)])
        ));
    } else {
        let intro = if q.audience == riskscreen_core::Audience::SelfCheck {
            "danger-intro-self-check"
        } else {
            "danger-intro-other"
        };
        html.push_str(&format!(
            "<h2 id=\"danger-heading\">{}</h2>\n<p class=\"call\">{}</p>\n<ul class=\"checks\">\n",
            s.html("danger-heading", &[]),
            s.html(intro, &[("emergency", &emergency)])
        ));
        for indicator in danger {
            html.push_str(&format!(
                "<li class=\"check\">{BOX}<span>{}</span></li>\n",
                escape(indicator.label.get_or(page.lang, &q.default_language))
            ));
        }
        html.push_str("</ul>\n");
    }
    if let Some(country) = page.country.filter(|c| c.emergency != EMERGENCY) {
        html.push_str(&format!(
            "<p class=\"call\">{}</p>\n",
            s.html(
                "emergency-country",
                &[
                    (
                        "country",
                        &escape(
                            country
                                .name
                                .get_or(page.lang, &page.directory.default_language)
                        ),
                    ),
                    ("number", &tel(&country.emergency, &country.emergency)),
                ],
            )
        ));
    }
    html.push_str("</section>\n");
}

/// The box a person ticks with a pen: a character, so it survives a page read
/// without its stylesheet; hidden from screen readers, which read the statement.
const BOX: &str = "<span class=\"box\" aria-hidden=\"true\">☐</span>";

fn questions_section(html: &mut String, page: &Page<'_>) {
    let q = page.questionnaire;
    let s = page.strings;
    html.push_str(&format!(
        "<section aria-labelledby=\"questions-heading\">\n<h2 id=\"questions-heading\">{}</h2>\n\
         <p class=\"intro\">{}</p>\n<div class=\"questions-block\">\n",
        s.html("questions-heading", &[]),
        s.html("questions-intro", &[])
    ));
    let mut number = 1;
    for section in &q.sections {
        let questions: Vec<&Question> = q
            .questions
            .iter()
            .filter(|question| question.section == section.id)
            .collect();
        if questions.is_empty() {
            continue;
        }
        html.push_str(&format!(
            "<h3>{}</h3>\n",
            escape(section.title.get_or(page.lang, &q.default_language))
        ));
        if let Some(intro) = &section.intro {
            html.push_str(&format!(
                "<p class=\"section-intro\">{}</p>\n",
                escape(intro.get_or(page.lang, &q.default_language))
            ));
        }
        html.push_str(&format!("<ol class=\"questions\" start=\"{number}\">\n"));
        for question in questions {
            question_item(html, page, question);
            number += 1;
        }
        html.push_str("</ol>\n");
    }
    html.push_str("</div>\n</section>\n");
}

fn question_item(html: &mut String, page: &Page<'_>, question: &Question) {
    let q = page.questionnaire;
    let s = page.strings;
    let t = |text: &Text| escape(text.get_or(page.lang, &q.default_language));
    html.push_str(&format!(
        "<li class=\"question\">\n<p class=\"text\">{}</p>\n",
        t(&question.text)
    ));
    if let Some(why) = &question.why {
        html.push_str(&format!(
            "<p class=\"why\"><span class=\"why-label\">{}</span> {}</p>\n",
            s.html("why", &[]),
            t(why)
        ));
    }
    // One box per answer that marks a sign, then what it means. Options next to
    // each other that mark the same signs share one line of meaning.
    let signs = |ids: &[String]| -> (String, bool) {
        let indicators: Vec<&Indicator> = ids.iter().filter_map(|id| q.indicator(id)).collect();
        let html: Vec<String> = indicators.iter().map(|i| sign(page, i)).collect();
        (html.join("; "), indicators.iter().any(|i| i.danger))
    };
    let class = |danger: bool| if danger { "check danger-sign" } else { "check" };
    let mut items: Vec<String> = Vec::new();
    match question.kind {
        QuestionKind::YesNo => {
            for (key, ids) in [("if-yes", &question.if_yes), ("if-no", &question.if_no)] {
                if ids.is_empty() {
                    continue;
                }
                let (meaning, danger) = signs(ids);
                items.push(format!(
                    "<li class=\"{}\">{BOX}<span><strong>{}</strong> {meaning}</span></li>",
                    class(danger),
                    s.html(key, &[])
                ));
            }
        }
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let marking: Vec<_> = question
                .options
                .iter()
                .filter(|o| !o.indicators.is_empty())
                .collect();
            for group in marking.chunk_by(|a, b| a.indicators == b.indicators) {
                let (meaning, danger) = signs(&group[0].indicators);
                if let [option] = group {
                    items.push(format!(
                        "<li class=\"{}\">{BOX}<span>{} <span class=\"means\">– {meaning}</span></span></li>",
                        class(danger),
                        t(&option.label)
                    ));
                    continue;
                }
                for option in group {
                    items.push(format!(
                        "<li class=\"{}\">{BOX}<span>{}</span></li>",
                        class(danger),
                        t(&option.label)
                    ));
                }
                items.push(format!("<li class=\"means\">– {meaning}</li>"));
            }
        }
    }
    if !items.is_empty() {
        html.push_str("<ul class=\"checks\">\n");
        for item in items {
            html.push_str(&item);
            html.push('\n');
        }
        html.push_str("</ul>\n");
    } else if !question.options.is_empty() {
        // A question no answer of which marks a sign (what is offered, …): its
        // options, so the questions after it read in context; nothing to tick.
        let options: Vec<String> = question.options.iter().map(|o| t(&o.label)).collect();
        html.push_str(&format!(
            "<p class=\"answers\">{}</p>\n",
            options.join(" · ")
        ));
    }
    html.push_str("</li>\n");
}

/// A sign's label, the band it reaches on its own, and "call 112" for danger.
fn sign(page: &Page<'_>, indicator: &Indicator) -> String {
    let q = page.questionnaire;
    let s = page.strings;
    let mut html = escape(indicator.label.get_or(page.lang, &q.default_language));
    if indicator.danger {
        html.push_str(&format!(
            " <strong class=\"danger-now\">{}</strong>",
            s.html("danger-now", &[("emergency", &tel(EMERGENCY, EMERGENCY))])
        ));
    } else if let Some(band) = indicator.at_least.as_deref().and_then(|id| q.band(id)) {
        html.push_str(&format!(
            " <span class=\"floor\">({} <strong>{}</strong>)</span>",
            s.html("alone", &[]),
            escape(band.label.get_or(page.lang, &q.default_language))
        ));
    }
    html
}

/// What a ticked box means: every band above the first (the "nothing found"
/// one), except "cannot tell", which is about questions left open, with its advice.
fn bands_section(html: &mut String, page: &Page<'_>) {
    let q = page.questionnaire;
    let bands: Vec<_> = q
        .bands
        .iter()
        .skip(1)
        .filter(|band| !band.undetermined)
        .collect();
    if bands.is_empty() {
        return;
    }
    html.push_str(&format!(
        "<section aria-labelledby=\"bands-heading\">\n<h2 id=\"bands-heading\">{}</h2>\n<dl class=\"bands\">\n",
        page.strings.html("bands-heading", &[])
    ));
    for band in bands {
        html.push_str(&format!(
            "<dt>{}</dt>\n<dd>{}</dd>\n",
            escape(band.label.get_or(page.lang, &q.default_language)),
            escape(band.advice.get_or(page.lang, &q.default_language))
        ));
    }
    html.push_str("</dl>\n</section>\n");
}

/// A heading (a country's name) and its lines.
type Group<'a> = (&'a Country, Vec<&'a Helpline>);

/// The lines to show, grouped by country: with a country, its lines and (for an
/// EU member) the EU-wide ones, as the widget orders them; without, each
/// country's anti-trafficking lines and every EU-wide line.
fn helpline_groups<'a>(page: &Page<'a>) -> Vec<Group<'a>> {
    let directory = page.directory;
    let lines: Vec<&Helpline> = match page.country {
        Some(country) => directory.for_country(&country.code),
        None => directory
            .helplines
            .iter()
            .filter(|h| h.country == "EU" || h.kind == Kind::AntiTrafficking)
            .collect(),
    };
    let mut codes: Vec<&str> = Vec::new();
    if let Some(country) = page.country {
        codes.push(&country.code);
    }
    for country in &directory.countries {
        if !codes.contains(&country.code.as_str()) && country.code != "EU" {
            codes.push(&country.code);
        }
    }
    if !codes.contains(&"EU") {
        codes.push("EU");
    }
    codes
        .into_iter()
        .filter_map(|code| {
            let country = directory.country(code)?;
            let group: Vec<&Helpline> = lines
                .iter()
                .copied()
                .filter(|h| h.country == code)
                .collect();
            (!group.is_empty()).then_some((country, group))
        })
        .collect()
}

/// The oldest `verification.checked` of the lines shown (ISO dates sort as text).
fn oldest_check<'a>(groups: &[Group<'a>]) -> Option<&'a str> {
    groups
        .iter()
        .flat_map(|(_, lines)| lines.iter())
        .map(|line| line.verification.checked.as_str())
        .filter(|date| !date.is_empty())
        .min()
}

fn helplines_section(html: &mut String, page: &Page<'_>) {
    let s = page.strings;
    let directory = page.directory;
    let name = |text: &Text| escape(text.get_or(page.lang, &directory.default_language));
    html.push_str(&format!(
        "<section class=\"helplines\" aria-labelledby=\"helplines-heading\">\n\
         <h2 id=\"helplines-heading\">{}</h2>\n",
        s.html("helplines-heading", &[])
    ));
    if page.country.is_none() {
        html.push_str(&format!(
            "<p class=\"intro\">{}</p>\n",
            s.html("helplines-all", &[])
        ));
    }
    let groups = helpline_groups(page);
    if groups.is_empty() {
        html.push_str(&format!("<p>{}</p>\n", s.html("helplines-none", &[])));
    }
    // Every country's lines are many short entries: three columns on A4.
    html.push_str(if page.country.is_none() {
        "<div class=\"helplines-block all-countries\">\n"
    } else {
        "<div class=\"helplines-block\">\n"
    });
    for (country, lines) in groups {
        html.push_str(&format!(
            "<h3>{}</h3>\n<ul class=\"lines\">\n",
            name(&country.name)
        ));
        for line in lines {
            let mut meta = Vec::new();
            if line.free {
                meta.push(s.html("free", &[]));
            }
            if let Some(hours) = &line.hours {
                meta.push(s.html("hours", &[("hours", &name(hours))]));
            }
            if !line.languages.is_empty() {
                let names: Vec<String> = line
                    .languages
                    .iter()
                    .map(|code| {
                        format!(
                            "<span lang=\"{}\">{}</span>",
                            escape(code),
                            escape(autonym(code))
                        )
                    })
                    .collect();
                meta.push(s.html("languages", &[("languages", &names.join(", "))]));
            }
            html.push_str(&format!(
                "<li class=\"line\">\n<p class=\"line-head\"><span class=\"line-name\">{}</span> {}</p>\n",
                name(&line.name),
                tel(&line.tel, &line.number)
            ));
            if !line.verification.verified {
                meta.push(format!(
                    "<span class=\"unverified\">{}</span>",
                    s.html("unverified", &[])
                ));
            }
            if !meta.is_empty() {
                html.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</div>\n</section>\n");
}

/// Text made safe for HTML (the core's one rule).
pub use riskscreen_core::html::escape;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn directions() {
        assert_eq!(direction("uk"), "ltr");
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("fa-IR"), "rtl");
    }
}
