//! One language's walk: picks the language, goes through every screen of the run
//! that shows the most questions (start, each question, review, the result with
//! the danger block and the helplines) and lists what each must read.

use riskscreen_core::QuestionKind;
use riskscreen_e2e::check::Expect;
use riskscreen_e2e::Browser;

use super::tools::{answer, answer_text, grouped, press, screen, ui_expect};
use super::{Context, WIDTH};

/// One language: picks it, walks every screen, checks each, fails at the end.
pub async fn walk(b: &Browser, c: &Context) {
    let q = &c.questionnaire;
    let lang = c.lang.as_str();
    let mut problems = Vec::new();
    b.set_width(WIDTH).await;
    b.open_start().await;

    // The picker offers every language the questionnaire ships.
    let offered = b
        .js("return Array.from(document.querySelectorAll('select#rs-lang option'), o => o.value);")
        .await;
    let offered = riskscreen_e2e::browser::strings(&offered);
    let missing: Vec<&String> = q
        .languages
        .iter()
        .filter(|l| !offered.contains(l))
        .collect();
    assert!(
        missing.is_empty(),
        "the language picker (select#rs-lang) does not offer {missing:?}; it offers {offered:?}, \
         the questionnaire ships {:?}",
        q.languages
    );
    if b.attr_of(".rs-widget", "lang").await.as_deref() != Some(lang) {
        b.wait_for("select#rs-lang")
            .await
            .select_by_value(lang)
            .await
            .unwrap_or_else(|e| panic!("cannot choose `{lang}` in select#rs-lang: {e}"));
        b.wait_until(
            &format!("the root to say lang=\"{lang}\""),
            &format!("const w = document.querySelector('.rs-widget'); return !!w && w.getAttribute('lang') === {lang:?};"),
        )
        .await;
    }

    // UI strings compiled out of the bundle fall back to English: say so once.
    if let Some((_, english)) = c.english.iter().find(|(id, _)| id == "start-button") {
        if b.text_of("[data-action=start]").await.as_deref() == Some(english.as_str()) {
            problems.push((
                "00-start".to_owned(),
                format!(
                    "the UI strings of `{lang}` are not in this build: the widget shows its English \
                     chrome though src/i18n/{lang}.ftl exists (build the widget with the Cargo \
                     feature `ui-{lang}` or `ui-all`)"
                ),
            ));
        }
    }

    // Start.
    let mut expects = Vec::new();
    let mut p = Vec::new();
    if let Some(t) = c.text(&q.title, "the title", &mut p) {
        expects.push(Expect::exact(".rs-start .rs-heading", &t, "title"));
    }
    if let Some(t) = c.text(&q.description, "the description", &mut p) {
        expects.push(Expect::exact(".rs-start .rs-lead", &t, "description"));
    }
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=start]",
        "start-button",
    );
    ui_expect(c, &mut expects, &mut p, ".rs-fact-private", "start-private");
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-widget .rs-exit",
        "exit-button",
    );
    screen(b, c, "00-start", expects, p, &mut problems).await;
    press(b, "start").await;

    // Every question.
    let mut sections_seen: Vec<&str> = Vec::new();
    for (n, step) in c.plan.steps.iter().enumerate() {
        b.wait_question(&step.question).await;
        answer(b, step).await;
        let question = q
            .question(&step.question)
            .expect("a planned question exists");
        let qid = &question.id;
        let mut expects = Vec::new();
        let mut p = Vec::new();
        let what = format!("question `{qid}`");
        if let Some(t) = c.text(&question.text, &what, &mut p) {
            expects.push(Expect::exact("h2.rs-question-heading", &t, what.clone()));
        }
        let mut choices: Vec<(String, Option<String>)> = match question.kind {
            QuestionKind::YesNo => vec![
                ("yes".into(), c.ui("answer-yes", &mut p)),
                ("no".into(), c.ui("answer-no", &mut p)),
            ],
            _ => question
                .options
                .iter()
                .map(|o| {
                    let t = c.text(&o.label, &format!("option `{qid}/{}`", o.id), &mut p);
                    (o.id.clone(), t)
                })
                .collect(),
        };
        if question.allow_unsure {
            choices.push(("unsure".into(), c.ui("answer-unsure", &mut p)));
        }
        if question.allow_decline {
            choices.push(("declined".into(), c.ui("answer-declined", &mut p)));
        }
        for (value, text) in &choices {
            if let Some(text) = text {
                expects.push(Expect::exact(
                    format!("label[for=\"rs-{qid}-{value}\"]"),
                    text,
                    format!("option `{qid}/{value}`"),
                ));
            }
        }
        let count = b
            .count(&format!("form.rs-question input[name=\"{qid}\"]"))
            .await;
        if count != choices.len() {
            p.push(format!(
                "question `{qid}` shows {count} inputs, expected {} ({:?})",
                choices.len(),
                choices.iter().map(|(v, _)| v).collect::<Vec<_>>()
            ));
        }
        if let Some(section) = q.section(&question.section) {
            let what = format!("section `{}`", section.id);
            if let Some(t) = c.text(&section.title, &format!("the title of {what}"), &mut p) {
                expects.push(Expect::exact(
                    "p.rs-section",
                    &t,
                    format!("title of {what}"),
                ));
            }
            if !sections_seen.contains(&section.id.as_str()) {
                sections_seen.push(&section.id);
                if let Some(intro) = &section.intro {
                    if let Some(t) = c.text(intro, &format!("the intro of {what}"), &mut p) {
                        expects.push(Expect::exact("p.rs-intro", &t, format!("intro of {what}")));
                    }
                }
            }
        }
        if let Some(why) = &question.why {
            let heading = c.ui("why-heading", &mut p);
            let text = c.text(why, &format!("the “why” of `{qid}`"), &mut p);
            if let (Some(h), Some(t)) = (heading, text) {
                expects.push(Expect::exact(
                    "p.rs-why",
                    &format!("{h} {t}"),
                    format!("“why” of `{qid}`"),
                ));
            }
        }
        let hint = if question.kind == QuestionKind::MultipleChoice {
            "choose-any"
        } else {
            "choose-one"
        };
        ui_expect(
            c,
            &mut expects,
            &mut p,
            &format!("p.rs-hint#rs-hint-{qid}"),
            hint,
        );
        ui_expect(c, &mut expects, &mut p, "[data-action=next]", "next-button");
        ui_expect(c, &mut expects, &mut p, "[data-action=back]", "back-button");
        screen(
            b,
            c,
            &format!("{:02}-question-{qid}", n + 1),
            expects,
            p,
            &mut problems,
        )
        .await;
        press(b, "next").await;
    }

    // Review.
    b.wait_screen("review").await;
    let mut expects = Vec::new();
    let mut p = Vec::new();
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-review-screen .rs-heading",
        "review-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=result]",
        "review-result-button",
    );
    for step in &c.plan.steps {
        let question = q
            .question(&step.question)
            .expect("a planned question exists");
        let item = format!(".rs-review-item[data-question=\"{}\"]", question.id);
        if let Some(t) = c.text(
            &question.text,
            &format!("question `{}`", question.id),
            &mut p,
        ) {
            expects.push(Expect::exact(
                format!("{item} .rs-review-question"),
                &t,
                format!("review of `{}`", question.id),
            ));
        }
        if let Some(t) = answer_text(c, question, &step.answer, &mut p) {
            expects.push(Expect::exact(
                format!("{item} .rs-review-answer"),
                &t,
                format!("answer to `{}`", question.id),
            ));
        }
        if let Some(t) = c.ui("review-change", &mut p) {
            expects.push(Expect::prefix(
                format!("{item} [data-action=edit]"),
                &t,
                format!("change button of `{}`", question.id),
            ));
        }
    }
    let items = b.count(".rs-review-item").await;
    if items != c.plan.steps.len() {
        p.push(format!(
            "the review lists {items} answers, expected {}",
            c.plan.steps.len()
        ));
    }
    screen(b, c, "90-review", expects, p, &mut problems).await;
    press(b, "result").await;

    // Result, with the danger block and the helplines.
    b.wait_screen("result").await;
    let mut expects = Vec::new();
    let mut p = Vec::new();
    let evaluation = &c.plan.expected;
    let danger_blocks = b.count(".rs-danger").await;
    if evaluation.danger {
        if danger_blocks != 1 {
            p.push(
                "the result has no `.rs-danger` block, though the answers mark a danger sign"
                    .into(),
            );
        }
        ui_expect(
            c,
            &mut expects,
            &mut p,
            ".rs-danger-heading",
            "danger-heading",
        );
        ui_expect(
            c,
            &mut expects,
            &mut p,
            ".rs-danger li:first-child .rs-tel-label",
            "danger-emergency",
        );
    } else if danger_blocks != 0 {
        p.push("the result shows a `.rs-danger` block, though no danger sign is present".into());
    }
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-result > h2.rs-heading",
        "result-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-disclaimer",
        "result-disclaimer",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-concerns > h3",
        "concerns-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-helplines > h3",
        "helplines-heading",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "label[for=rs-country]",
        "country-label",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-line-emergency .rs-line-name",
        "emergency-name",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=print]",
        "print-button",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        ".rs-result-actions [data-action=back]",
        "change-button",
    );
    ui_expect(
        c,
        &mut expects,
        &mut p,
        "[data-action=restart]",
        "restart-button",
    );
    if let Some(band) = q.band(&evaluation.level) {
        let what = format!("band `{}`", evaluation.level);
        if let Some(t) = c.text(&band.label, &format!("the label of {what}"), &mut p) {
            expects.push(Expect::exact(
                ".rs-level-label",
                &t,
                format!("label of {what}"),
            ));
        }
        if let Some(t) = c.text(&band.advice, &format!("the advice of {what}"), &mut p) {
            expects.push(Expect::exact(
                ".rs-level-advice",
                &t,
                format!("advice of {what}"),
            ));
        }
    }
    for id in &evaluation.present {
        let Some(indicator) = q.indicator(id) else {
            continue;
        };
        if q.dimensions.iter().all(|d| d.id != indicator.dimension) {
            continue;
        }
        let what = format!("indicator `{id}`");
        if let Some(t) = c.text(&indicator.label, &format!("the label of {what}"), &mut p) {
            expects.push(Expect::exact(
                format!(".rs-concern[data-indicator=\"{id}\"] > .rs-concern-label"),
                &t,
                format!("label of {what}"),
            ));
        }
    }
    for dimension in &q.dimensions {
        let shown = evaluation
            .present
            .iter()
            .any(|id| q.indicator(id).is_some_and(|i| i.dimension == dimension.id));
        if shown {
            let what = format!("dimension `{}`", dimension.id);
            if let Some(t) = c.text(&dimension.label, &format!("the label of {what}"), &mut p) {
                expects.push(Expect::exact(
                    format!(".rs-theme[data-dimension=\"{}\"] > h4", dimension.id),
                    &t,
                    format!("label of {what}"),
                ));
            }
        }
    }
    // No country chosen: the EU-wide lines, less the emergency numbers shown first.
    let lines: Vec<_> = c
        .directory
        .for_country("EU")
        .into_iter()
        .filter(|h| h.tel != "112")
        .collect();
    for line in &lines {
        let name = match line.name.get(&c.lang) {
            Some(name) => name.to_owned(),
            None => {
                if c.directory.languages.contains(&c.lang) {
                    p.push(format!(
                        "helpline `{}` has no `{}` name, though the directory ships `{}`",
                        line.id, c.lang, c.lang
                    ));
                }
                line.name
                    .get_or(&c.lang, &c.directory.default_language)
                    .to_owned()
            }
        };
        expects.push(Expect::exact(
            format!(".rs-line[data-helpline=\"{}\"] > .rs-line-name", line.id),
            &name,
            format!("helpline `{}`", line.id),
        ));
    }
    if b.count(".rs-helplines a[href^=\"tel:\"]").await == 0 {
        p.push("the helplines list has no tel: link".into());
    }
    screen(b, c, "99-danger-result", expects, p, &mut problems).await;

    b.assert_no_page_errors().await;
    assert!(
        problems.is_empty(),
        "{} problem(s) in `{lang}` at {WIDTH} px:\n  {}",
        problems.len(),
        grouped(&problems).join("\n  ")
    );
}
