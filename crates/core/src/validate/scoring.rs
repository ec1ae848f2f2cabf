//! The scoring model's needs: the `ilo` pattern and routes or the `weighted` model's
//! absence of them, bands in ascending order, and the bands that floors name.

use std::collections::{BTreeSet, HashMap};

use super::{did_you_mean, is_identifier, root, Validator};
use crate::diagnostic::{Diagnostic, FieldPath};
use crate::model::{Band, IloStage, Model};

impl Validator<'_> {
    pub(super) fn scoring_and_bands(&mut self) {
        let q = self.q;
        match q.scoring.model {
            Model::Ilo => {
                let routes = &q.scoring.routes;
                if q.scoring.pattern.is_empty() && routes.is_empty() {
                    self.push(
                        Diagnostic::error("missing-field", root().key("scoring"), "the `ilo` model needs a `pattern`")
                            .hint("e.g. pattern = [[\"deceptive_recruitment\", \"coercive_recruitment\"], [\"exploitative_conditions\"]], or [[scoring.route]] tables"),
                    );
                }
                if !q.scoring.pattern.is_empty() && !routes.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("pattern"),
                            "`pattern` is not used when there are routes: each route has its own",
                        )
                        .hint("move the pattern into the route it belongs to, or remove the [[scoring.route]] tables"),
                    );
                }
                self.pattern(
                    &q.scoring.pattern,
                    &root().key("scoring").key("pattern"),
                    None,
                );
                self.routes();
            }
            Model::Weighted => {
                if !q.scoring.pattern.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("pattern"),
                            "`pattern` belongs to the `ilo` model",
                        )
                        .hint("remove it, or set `model = \"ilo\"`"),
                    );
                }
                if !q.scoring.routes.is_empty() {
                    self.push(
                        Diagnostic::error(
                            "ignored-field",
                            root().key("scoring").key("route"),
                            "routes belong to the `ilo` model",
                        )
                        .hint("remove the [[scoring.route]] tables, or set `model = \"ilo\"`"),
                    );
                }
            }
        }

        if q.bands.is_empty() {
            self.push(
                Diagnostic::error("no-bands", root(), "no result bands")
                    .hint("add [[band]] tables from the lowest level of concern to the highest"),
            );
        }
        match q.scoring.model {
            Model::Weighted => self.ordered_bands(|b| b.min_score, "min_score", 0, "0", "when"),
            Model::Ilo => self.ordered_bands(
                |b| b.when,
                "when",
                IloStage::Always,
                "\"always\"",
                "min_score",
            ),
        }
    }

    /// An `ilo` pattern: non-empty parts of declared dimensions.
    fn pattern(&mut self, pattern: &[Vec<String>], path: &FieldPath, subject: Option<&str>) {
        let dims: Vec<&str> = self.q.dimensions.iter().map(|d| d.id.as_str()).collect();
        for (i, part) in pattern.iter().enumerate() {
            let p = path.index(i);
            if part.is_empty() {
                self.push(
                    Diagnostic::error(
                        "bad-pattern",
                        p.clone(),
                        "an empty part of the pattern can never be met",
                    )
                    .maybe_subject(subject)
                    .hint("list at least one dimension id in each part"),
                );
            }
            for (j, dim) in part.iter().enumerate() {
                if !dims.contains(&dim.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            p.index(j),
                            format!("pattern names dimension `{dim}`, which is not declared"),
                        )
                        .maybe_subject(subject)
                        .maybe_hint(did_you_mean(dim, dims.iter().copied())),
                    );
                }
            }
        }
    }

    /// `[[scoring.route]]`: unique ids, a pattern each, known dimensions, indicators
    /// and sources, conditions over known questions.
    fn routes(&mut self) {
        let q = self.q;
        let dims: Vec<&str> = q.dimensions.iter().map(|d| d.id.as_str()).collect();
        let indicators: Vec<&str> = q.indicators.iter().map(|i| i.id.as_str()).collect();
        let sources: Vec<&str> = q.sources.iter().map(|s| s.id.as_str()).collect();
        let position: HashMap<&str, usize> = q
            .questions
            .iter()
            .enumerate()
            .map(|(i, question)| (question.id.as_str(), i))
            .collect();
        let mut seen = BTreeSet::new();
        for (i, route) in q.scoring.routes.iter().enumerate() {
            let p = root().key("scoring").key("route").index(i);
            let subject = format!("route `{}`", route.id);
            if !is_identifier(&route.id) {
                self.push(
                    Diagnostic::error(
                        "bad-id",
                        p.key("id"),
                        format!("`{}` is not a usable id", route.id),
                    )
                    .hint(
                        "use lowercase letters, digits, `-`, `_` and `.`, starting with a letter",
                    ),
                );
            }
            if !seen.insert(route.id.as_str()) {
                self.push(Diagnostic::error(
                    "duplicate-id",
                    p.key("id"),
                    format!("route `{}` is declared twice", route.id),
                ));
            }
            if route.pattern.is_empty() {
                self.push(
                    Diagnostic::error("missing-field", p.key("id"), "a route needs a `pattern`")
                        .subject(subject.clone())
                        .hint("e.g. pattern = [[\"exploitative_conditions\"]]"),
                );
            }
            self.pattern(&route.pattern, &p.key("pattern"), Some(&subject));
            let lists = [
                ("reinforcing", &route.reinforcing, "a reinforcing dimension is one that must not complete the pattern: remove it from one of the two"),
                ("counted", &route.counted, "a counted dimension is one outside the pattern: remove it from one of the two"),
            ];
            for (key, list, hint) in lists {
                for (j, dim) in list.iter().enumerate() {
                    let at = p.key(key).index(j);
                    if !dims.contains(&dim.as_str()) {
                        self.push(
                            Diagnostic::error(
                                "unknown-reference",
                                at,
                                format!("dimension `{dim}` is not declared"),
                            )
                            .subject(subject.clone())
                            .maybe_hint(did_you_mean(dim, dims.iter().copied())),
                        );
                    } else if route.pattern.iter().flatten().any(|d| d == dim) {
                        self.push(
                            Diagnostic::warning(
                                "bad-pattern",
                                at,
                                format!("dimension `{dim}` is in the pattern already"),
                            )
                            .subject(subject.clone())
                            .hint(hint),
                        );
                    } else if key == "counted" && route.reinforcing.contains(dim) {
                        self.push(
                            Diagnostic::warning(
                                "bad-pattern",
                                at,
                                format!("dimension `{dim}` is both reinforcing and counted"),
                            )
                            .subject(subject.clone())
                            .hint("reinforcing dimensions are reported only; counted ones count for the bands: choose one"),
                        );
                    }
                }
            }
            let named = route
                .strengths
                .keys()
                .map(|id| (p.key("strengths").key(id), id))
                .chain(
                    route
                        .exclude
                        .iter()
                        .enumerate()
                        .map(|(j, id)| (p.key("exclude").index(j), id)),
                );
            for (at, id) in named {
                if !indicators.contains(&id.as_str()) {
                    self.push(
                        Diagnostic::error(
                            "unknown-reference",
                            at,
                            format!("indicator `{id}` is not declared"),
                        )
                        .subject(subject.clone())
                        .maybe_hint(did_you_mean(id, indicators.iter().copied())),
                    );
                }
            }
            self.cited_sources(
                &p,
                &subject,
                "route",
                "a set and rule",
                &route.sources,
                &sources,
            );
            if let Some(when) = &route.when {
                // Routes are chosen after the last answer: any question may be named.
                self.check_condition(when, &p.key("when"), &subject, None, &position);
            }
        }
    }

    /// Bands must all carry `key`, start at `first`, and rise strictly.
    fn ordered_bands<T: PartialOrd + Copy + serde::Serialize>(
        &mut self,
        get: impl Fn(&Band) -> Option<T>,
        key: &str,
        first: T,
        first_text: &str,
        other_key: &str,
    ) {
        let model = self.q.scoring.model.as_str();
        let mut previous: Option<T> = None;
        for (i, band) in self.q.bands.iter().enumerate() {
            let p = root().key("band").index(i);
            let subject = format!("band `{}`", band.id);
            if band.undetermined {
                self.undetermined_band(i, band);
                continue;
            }
            let other_present = match other_key {
                "when" => band.when.is_some(),
                _ => band.min_score.is_some(),
            };
            if other_present {
                self.push(
                    Diagnostic::error(
                        "ignored-field",
                        p.key(other_key),
                        format!("`{other_key}` is not used by the `{model}` model"),
                    )
                    .subject(subject.clone())
                    .hint(format!("use `{key}` instead")),
                );
            }
            let Some(value) = get(band) else {
                self.push(
                    Diagnostic::error(
                        "missing-field",
                        p.key("id"),
                        format!("the `{model}` model needs `{key}` on every band"),
                    )
                    .subject(subject)
                    .hint(format!(
                        "add `{key} = …`; bands go from lowest concern to highest"
                    )),
                );
                continue;
            };
            if i == 0 && value != first {
                self.push(
                    Diagnostic::error(
                        "band-order",
                        p.key(key),
                        format!("the first band must start at `{key} = {first_text}`"),
                    )
                    .subject(subject.clone())
                    .hint("otherwise some results fall in no band"),
                );
            }
            if let Some(prev) = previous {
                if value <= prev {
                    self.push(
                        Diagnostic::error(
                            "band-order",
                            p.key(key),
                            format!(
                                "thresholds out of order: {} does not come after {}",
                                spelled(&value),
                                spelled(&prev)
                            ),
                        )
                        .subject(subject)
                        .hint("list bands from the lowest level of concern to the highest, each strictly above the one before"),
                    );
                }
            }
            previous = Some(value);
        }
    }

    /// The "cannot tell" band: one at most, right after the first band, and off the
    /// ladder (no threshold: the scorer chooses it, not the model).
    fn undetermined_band(&mut self, i: usize, band: &Band) {
        let p = root().key("band").index(i);
        let subject = format!("band `{}`", band.id);
        if i != 1 {
            self.push(
                Diagnostic::error(
                    "band-order",
                    p.key("undetermined"),
                    "the \"cannot tell\" band must come right after the first band",
                )
                .subject(subject.clone())
                .hint("it replaces the lowest band when too much was left open, so it ranks just above it"),
            );
        }
        if band.min_score.is_some() || band.when.is_some() {
            let key = if band.min_score.is_some() {
                "min_score"
            } else {
                "when"
            };
            self.push(
                Diagnostic::error(
                    "ignored-field",
                    p.key(key),
                    format!(
                        "an `undetermined` band has no `{key}`: it is not a step of the ladder"
                    ),
                )
                .subject(subject)
                .hint(format!("remove `{key}`")),
            );
        }
    }

    /// Severity and unsure floors name bands.
    pub(super) fn floors(&mut self) {
        let q = self.q;
        let bands: Vec<&str> = q.bands.iter().map(|b| b.id.as_str()).collect();
        let check = |d: &mut Vec<Diagnostic>, path: FieldPath, subject: String, id: &str| {
            if !bands.contains(&id) {
                d.push(
                    Diagnostic::error(
                        "unknown-reference",
                        path,
                        format!("band `{id}` is not declared"),
                    )
                    .subject(subject)
                    .maybe_hint(did_you_mean(id, bands.iter().copied())),
                );
            }
        };
        let mut found = Vec::new();
        for (i, ind) in q.indicators.iter().enumerate() {
            if let Some(id) = &ind.at_least {
                let path = root().key("indicator").index(i).key("at_least");
                check(&mut found, path, format!("indicator `{}`", ind.id), id);
            }
        }
        for (i, question) in q.questions.iter().enumerate() {
            if let Some(id) = &question.unsure_at_least {
                let path = root().key("question").index(i).key("unsure_at_least");
                check(&mut found, path, format!("question `{}`", question.id), id);
                if !question.allow_unsure && !question.allow_decline {
                    found.push(
                        Diagnostic::warning(
                            "ignored-field",
                            root().key("question").index(i).key("unsure_at_least"),
                            "this question offers neither \"not sure\" nor \"rather not say\"",
                        )
                        .subject(format!("question `{}`", question.id)),
                    );
                }
            }
        }
        let undetermined = q.bands.iter().filter(|b| b.undetermined).count();
        if undetermined > 1 {
            found.push(
                Diagnostic::error(
                    "duplicate-id",
                    root().key("band"),
                    "more than one band is `undetermined`",
                )
                .hint("keep one \"cannot tell\" band"),
            );
        }
        for d in found {
            self.push(d);
        }
    }
}

/// A value as the file spells it (`pattern_met`, `3`), for messages.
fn spelled<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::from("?"),
    }
}
