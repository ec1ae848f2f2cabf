//! Skip logic: which questions are asked, given the answers so far.
//!
//! Questions are walked in file order. A question is *shown* when its section's
//! condition and its own condition hold, evaluated over the answers to questions
//! shown before it. Answers to hidden questions are ignored entirely: they never
//! satisfy a condition and never mark an indicator. This makes hiding transitive:
//! when a changed answer hides a question, everything that depended on it hides too.
//!
//! A [`Plan`] is the questionnaire's conditions compiled once to question
//! positions, so that an evaluation is one pass over the questions with no string
//! lookups: the widget re-evaluates after every answer, and the intake has dozens of
//! gated questions. Condition values are resolved to option indexes in the plan and
//! each shown answer once per evaluation, so tests compare numbers, not strings.
//! [`visible_questions`] builds a plan on the fly for one-off use.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::answers::{Answer, Answers};
use crate::id::Id;
use crate::model::{Condition, Question, QuestionKind, Questionnaire};
use crate::sort::{sort_dedup, stable_order};
use crate::tables::Tables;

/// A questionnaire's skip logic compiled to positions. Build it once per
/// questionnaire and use it only with that questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// For each question, its section's position (`None` if the section is unknown).
    section_of: Vec<Option<usize>>,
    /// For each question, its own condition.
    question_conditions: Vec<Option<Compiled>>,
    /// For each section, its condition.
    section_conditions: Vec<Option<Compiled>>,
    /// For each route of `scoring`, its `when` (none: one implicit route, always).
    route_conditions: Vec<Option<Compiled>>,
    /// For each question, its kind, option ids and the indicator positions its answers mark.
    marks: Vec<Marks>,
    /// Question ids sorted, with their positions: answers (a sorted map) are matched
    /// to positions in one merge pass instead of one lookup per question.
    sorted_ids: Vec<(u64, Id, usize)>,
    /// The questions' ids, made once: an evaluation shares them instead of copying.
    pub(crate) question_ids: Vec<Id>,
    /// What scoring needs that does not depend on answers (dimension slots).
    pub(crate) tables: Tables,
}

/// What an answer to one question can mark, and the option ids its answers are
/// resolved against.
#[derive(Debug, Clone, PartialEq)]
struct Marks {
    kind: QuestionKind,
    /// The question's option ids, in order, and their [`head`]s.
    option_ids: Vec<String>,
    option_heads: Vec<u64>,
    if_yes: Vec<usize>,
    if_no: Vec<usize>,
    /// Aligned with the question's options.
    options: Vec<Vec<usize>>,
}

/// The fixed answer words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Yes,
    No,
    Unsure,
    Declined,
}

impl Word {
    fn of(value: &str) -> Option<Word> {
        match value {
            "yes" => Some(Word::Yes),
            "no" => Some(Word::No),
            "unsure" => Some(Word::Unsure),
            "declined" => Some(Word::Declined),
            _ => None,
        }
    }
}

/// An answer resolved once against its question's options, so that conditions and
/// marks compare numbers instead of strings: every condition on a question and the
/// question's own marks would otherwise each search the chosen ids again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Word(Word),
    /// A single choice naming option `k` (the first option with that id).
    Option(usize),
    /// A list whose every id names an option: bit `k` is set when option `k`'s id
    /// is chosen (every option with that id, as duplicated ids in an unvalidated
    /// questionnaire each mark their own indicators).
    Options(u64),
    /// Anything else (an unknown option id, a list on a question of more than 64
    /// options): compared as strings, the slow but plain way.
    Raw,
}

impl Form {
    fn new(answer: &Answer, marks: &Marks) -> Form {
        let options = || marks.option_ids.iter().zip(&marks.option_heads);
        match answer {
            Answer::Yes => Form::Word(Word::Yes),
            Answer::No => Form::Word(Word::No),
            Answer::Unsure => Form::Word(Word::Unsure),
            Answer::Declined => Form::Word(Word::Declined),
            Answer::Choice(id) => {
                let id_head = head(id);
                options()
                    .position(|(o, &o_head)| same(o, o_head, id, id_head))
                    .map_or(Form::Raw, Form::Option)
            }
            Answer::Choices(set) if marks.option_ids.len() <= 64 => {
                let mut mask = 0u64;
                for chosen in set {
                    let before = mask;
                    let chosen_head = head(chosen);
                    for (k, (o, &o_head)) in options().enumerate() {
                        if same(o, o_head, chosen, chosen_head) {
                            mask |= 1 << k;
                        }
                    }
                    if mask == before {
                        return Form::Raw;
                    }
                }
                Form::Options(mask)
            }
            Answer::Choices(_) => Form::Raw,
        }
    }
}

/// The first eight bytes of `text` as a big-endian number, zero-padded.
///
/// Comparing heads compares the starts of two strings without a call to `memcmp`:
/// ids are mostly a few bytes long, and at a thousand questions those calls (in the
/// answer merge and in resolving options) were a fifth of an evaluation. A plan
/// keeps the heads of its ids; an answer's is taken once.
fn head(text: &str) -> u64 {
    let bytes = text.as_bytes();
    // Whole loads, each shifted to where its bytes' positions put them (where the
    // two loads of a 4 to 7 byte id overlap they carry the same bytes). Written out
    // without closures or loops: at `opt-level = "z"` those stay calls.
    if let Some(first) = bytes.first_chunk::<8>() {
        return u64::from_be_bytes(*first);
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let shift = 64 - 8 * bytes.len();
        return u64::from(u32::from_be_bytes(*first)) << 32
            | u64::from(u32::from_be_bytes(*last)) << shift;
    }
    match *bytes {
        [a, b, c] => u64::from(a) << 56 | u64::from(b) << 48 | u64::from(c) << 40,
        [a, b] => u64::from(a) << 56 | u64::from(b) << 48,
        [a] => u64::from(a) << 56,
        _ => 0,
    }
}

/// `a == b`, given their [`head`]s.
fn same(a: &str, a_head: u64, b: &str, b_head: u64) -> bool {
    // Equal heads and lengths of at most eight bytes: every byte was compared.
    a_head == b_head
        && a.len() == b.len()
        && (a.len() <= 8 || a.as_bytes()[8..] == b.as_bytes()[8..])
}

/// `a.cmp(b)`, given their [`head`]s. Different heads order the strings as their
/// first differing byte does (a string that ends is padded with zeros, so it sorts
/// before any longer one); equal heads of short strings leave only the length.
fn order(a: &str, a_head: u64, b: &str, b_head: u64) -> Ordering {
    match a_head.cmp(&b_head) {
        Ordering::Equal if a.len() <= 8 && b.len() <= 8 => a.len().cmp(&b.len()),
        Ordering::Equal => a.cmp(b),
        different => different,
    }
}

/// A given answer with its resolved form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Given<'a> {
    pub(crate) answer: &'a Answer,
    form: Form,
}

impl Given<'_> {
    /// Whether the answer is "not sure".
    pub(crate) fn is_unsure(&self) -> bool {
        matches!(self.form, Form::Word(Word::Unsure))
    }

    /// Whether the answer is "rather not say".
    pub(crate) fn is_declined(&self) -> bool {
        matches!(self.form, Form::Word(Word::Declined))
    }
}

/// The test of one `equals` / `includes` condition, its value resolved in advance
/// against the tested question the same way answers are.
#[derive(Debug, Clone, PartialEq)]
struct Test {
    /// The tested question's position (`None`: unknown, never holds).
    position: Option<usize>,
    value: String,
    /// The value as an answer word, if it is one.
    word: Option<Word>,
    /// The first of the tested question's options whose id is the value.
    option: Option<usize>,
}

impl Test {
    fn new(
        question: &str,
        value: &str,
        questionnaire: &Questionnaire,
        position: &HashMap<&str, usize>,
    ) -> Self {
        let position = position.get(question).copied();
        Test {
            position,
            value: value.to_owned(),
            word: Word::of(value),
            option: position.and_then(|p| {
                questionnaire.questions[p]
                    .options
                    .iter()
                    .position(|o| o.id == value)
            }),
        }
    }

    /// [`Answer::equals`] (`exact`) or [`Answer::includes`] of the value, from the
    /// resolved form. For a resolved list every chosen id is an option id, so a value
    /// that names no option is not among them; a single option `k` equals the value
    /// exactly when the value's first option is `k` too.
    fn holds(&self, given: &Given, exact: bool) -> bool {
        match given.form {
            Form::Word(word) => self.word == Some(word),
            Form::Option(k) => self.option == Some(k),
            Form::Options(mask) => {
                let chosen = self.option.is_some_and(|k| k < 64 && mask & (1 << k) != 0);
                // `equals` on a list: only that option is chosen.
                chosen && (!exact || matches!(given.answer, Answer::Choices(set) if set.len() == 1))
            }
            Form::Raw if exact => given.answer.equals(&self.value),
            Form::Raw => given.answer.includes(&self.value),
        }
    }
}

/// A condition with question ids replaced by positions.
#[derive(Debug, Clone, PartialEq)]
enum Compiled {
    All(Vec<Compiled>),
    Any(Vec<Compiled>),
    Not(Box<Compiled>),
    /// `equals` (`true`) or `includes`.
    Test(Test, bool),
}

impl Compiled {
    fn new(
        condition: &Condition,
        questionnaire: &Questionnaire,
        position: &HashMap<&str, usize>,
    ) -> Self {
        let compile_all = |list: &[Condition]| {
            list.iter()
                .map(|c| Compiled::new(c, questionnaire, position))
                .collect()
        };
        match condition {
            Condition::All(list) => Compiled::All(compile_all(list)),
            Condition::Any(list) => Compiled::Any(compile_all(list)),
            Condition::Not(inner) => {
                Compiled::Not(Box::new(Compiled::new(inner, questionnaire, position)))
            }
            Condition::Equals(test) => Compiled::Test(
                Test::new(&test.question, &test.value, questionnaire, position),
                true,
            ),
            Condition::Includes(test) => Compiled::Test(
                Test::new(&test.question, &test.value, questionnaire, position),
                false,
            ),
        }
    }

    /// Whether the condition holds over `effective` (answers of shown questions, by
    /// position; `None` for hidden, unanswered or not yet reached questions).
    fn holds(&self, effective: &[Option<Given>]) -> bool {
        // Loops and a plain match rather than iterator adapters and closures: at
        // `opt-level = "z"` those stay calls, and this runs for most questions.
        match self {
            Compiled::All(all) => {
                for c in all {
                    if !c.holds(effective) {
                        return false;
                    }
                }
                true
            }
            Compiled::Any(any) => {
                for c in any {
                    if c.holds(effective) {
                        return true;
                    }
                }
                false
            }
            Compiled::Not(inner) => !inner.holds(effective),
            Compiled::Test(test, exact) => match test.position.and_then(|p| effective.get(p)) {
                Some(Some(given)) => test.holds(given, *exact),
                _ => false,
            },
        }
    }
}

impl Plan {
    /// Compiles `questionnaire`'s conditions. Works on unvalidated questionnaires
    /// too: references to unknown questions never hold.
    pub fn new(questionnaire: &Questionnaire) -> Self {
        let position: HashMap<&str, usize> = questionnaire
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .rev() // the first of duplicate ids wins, as in `Questionnaire::question`
            .collect();
        let section_position: HashMap<&str, usize> = questionnaire
            .sections
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let indicator_position: HashMap<&str, usize> = questionnaire
            .indicators
            .iter()
            .enumerate()
            .rev()
            .map(|(i, ind)| (ind.id.as_str(), i))
            .collect();
        let positions = |ids: &[String]| -> Vec<usize> {
            let mut found: Vec<usize> = ids
                .iter()
                .filter_map(|id| indicator_position.get(id.as_str()).copied())
                .collect();
            sort_dedup(&mut found);
            found
        };
        let question_ids: Vec<Id> = questionnaire
            .questions
            .iter()
            .map(|q| Id::from(&q.id))
            .collect();
        // Stable sort: among duplicate ids the first question comes first. Through
        // `crate::sort`, whose one sort serves every such list in the wasm.
        let sorted_ids: Vec<(u64, Id, usize)> = stable_order(question_ids.len(), &mut |a, b| {
            question_ids[a].cmp(&question_ids[b])
        })
        .into_iter()
        .map(|i| (head(&question_ids[i]), question_ids[i].clone(), i))
        .collect();
        Plan {
            sorted_ids,
            question_ids,
            tables: Tables::new(questionnaire),
            marks: questionnaire
                .questions
                .iter()
                .map(|q| Marks {
                    kind: q.kind,
                    option_ids: q.options.iter().map(|o| o.id.clone()).collect(),
                    option_heads: q.options.iter().map(|o| head(&o.id)).collect(),
                    if_yes: positions(&q.if_yes),
                    if_no: positions(&q.if_no),
                    options: q.options.iter().map(|o| positions(&o.indicators)).collect(),
                })
                .collect(),
            section_of: questionnaire
                .questions
                .iter()
                .map(|q| section_position.get(q.section.as_str()).copied())
                .collect(),
            question_conditions: questionnaire
                .questions
                .iter()
                .map(|q| {
                    q.show_if
                        .as_ref()
                        .map(|c| Compiled::new(c, questionnaire, &position))
                })
                .collect(),
            section_conditions: questionnaire
                .sections
                .iter()
                .map(|s| {
                    s.show_if
                        .as_ref()
                        .map(|c| Compiled::new(c, questionnaire, &position))
                })
                .collect(),
            route_conditions: questionnaire
                .scoring
                .routes
                .iter()
                .map(|r| {
                    r.when
                        .as_ref()
                        .map(|c| Compiled::new(c, questionnaire, &position))
                })
                .collect(),
        }
    }

    /// For each route (`Tables`' order), whether it is scored: its `when` holds over
    /// the effective answers, or it has none; the last route when no other does.
    /// Without routes, the one rule of `scoring.pattern`.
    pub(crate) fn routes_holding(&self, effective: &[Option<Given>]) -> Vec<bool> {
        let mut holding: Vec<bool> = self
            .route_conditions
            .iter()
            .map(|c| c.as_ref().is_none_or(|c| c.holds(effective)))
            .collect();
        if !holding.contains(&true) {
            match holding.last_mut() {
                Some(last) => *last = true,
                None => holding.push(true),
            }
        }
        holding
    }

    /// For each question position, its answer (resolved) if the question is shown and
    /// answered, with which questions are shown.
    ///
    /// `answers` holds every given answer by position, shown or not; the answers of
    /// hidden questions are cleared in place. A condition is evaluated over the part
    /// before its question only, so it sees no answer to a question not yet reached
    /// (an unvalidated questionnaire can refer forward).
    pub(crate) fn effective<'a>(
        &self,
        mut answers: Vec<Option<Given<'a>>>,
    ) -> (Vec<bool>, Vec<Option<Given<'a>>>) {
        let n = self.question_conditions.len().min(answers.len());
        let mut shown = vec![false; n];
        // A section's condition refers only to questions before the section starts
        // (validated), so it is evaluated once, at its first question.
        let mut section_shown: Vec<Option<bool>> = vec![None; self.section_conditions.len()];
        for i in 0..n {
            let before = &answers[..i];
            let section_ok = match self.section_of[i] {
                Some(s) => *section_shown[s].get_or_insert_with(|| {
                    self.section_conditions[s]
                        .as_ref()
                        .is_none_or(|c| c.holds(before))
                }),
                None => true,
            };
            if section_ok
                && self.question_conditions[i]
                    .as_ref()
                    .is_none_or(|c| c.holds(before))
            {
                shown[i] = true;
            } else {
                answers[i] = None;
            }
        }
        (shown, answers)
    }

    /// The given answers by question position, resolved. Every question of a
    /// duplicated id (an unvalidated questionnaire) takes the answer to that id.
    ///
    /// Answers are resolved here, while the merge walks the answers in their map's
    /// order, rather than when a question is shown: the answer then sits next to its
    /// id, just read, instead of being fetched again in question order (a few percent
    /// of an evaluation at a thousand questions). Answers to hidden questions are
    /// resolved too, and ignored.
    pub(crate) fn by_position<'a>(&self, answers: &'a Answers) -> Vec<Option<Given<'a>>> {
        let mut by_position = vec![None; self.sorted_ids.len()];
        let mut given = answers
            .iter()
            .map(|(answered, answer)| (answered.as_str(), head(answered), answer));
        let mut next = given.next();
        for (id_head, id, position) in &self.sorted_ids {
            while let Some((answered, answered_head, answer)) = next {
                match order(answered, answered_head, id, *id_head) {
                    Ordering::Less => next = given.next(),
                    Ordering::Equal => {
                        // Not consumed: a duplicated id (next in `sorted_ids`) takes it too.
                        by_position[*position] = self.marks.get(*position).map(|marks| Given {
                            answer,
                            form: Form::new(answer, marks),
                        });
                        break;
                    }
                    Ordering::Greater => break,
                }
            }
        }
        by_position
    }

    /// The indicator positions that `given`, the answer to the question at
    /// `position`, marks, each once, in indicator order: the plan's own list when one
    /// list applies, else merged in `found`, a buffer (this runs for every answer of
    /// every evaluation).
    /// Every indicator (by index) some answer to the question at `position` can
    /// mark.
    pub(crate) fn can_mark(&self, position: usize) -> impl Iterator<Item = usize> + '_ {
        self.marks.get(position).into_iter().flat_map(|marks| {
            marks
                .if_yes
                .iter()
                .chain(&marks.if_no)
                .chain(marks.options.iter().flatten())
                .copied()
        })
    }

    pub(crate) fn marked_by<'a>(
        &'a self,
        position: usize,
        given: &Given,
        found: &'a mut Vec<usize>,
    ) -> &'a [usize] {
        let Some(marks) = self.marks.get(position) else {
            return &[];
        };
        let option = |k: usize| marks.options.get(k).map_or(&[][..], Vec::as_slice);
        // Kind mismatches (a "yes" to a choice question) and unknown options mark
        // nothing, as in `Answer::indicators`; checked answers never have them.
        match (marks.kind, given.form, given.answer) {
            (QuestionKind::YesNo, Form::Word(Word::Yes), _) => &marks.if_yes,
            (QuestionKind::YesNo, Form::Word(Word::No), _) => &marks.if_no,
            (QuestionKind::SingleChoice, Form::Option(k), _) => option(k),
            // One option's list is already sorted and without repeats.
            (QuestionKind::MultipleChoice, Form::Options(mask), _) if mask.count_ones() <= 1 => {
                option(mask.trailing_zeros() as usize)
            }
            (QuestionKind::MultipleChoice, Form::Options(mask), _) => {
                found.clear();
                let mut rest = mask;
                while rest != 0 {
                    found.extend_from_slice(option(rest.trailing_zeros() as usize));
                    rest &= rest - 1;
                }
                sort_dedup(found);
                found
            }
            (QuestionKind::MultipleChoice, Form::Raw, Answer::Choices(set)) => {
                found.clear();
                for (id, marked) in marks.option_ids.iter().zip(&marks.options) {
                    if set.contains(id) {
                        found.extend_from_slice(marked);
                    }
                }
                sort_dedup(found);
                found
            }
            _ => &[],
        }
    }

    /// The positions of the questions shown for `answers`, in order.
    pub fn visible(&self, answers: &Answers) -> Vec<usize> {
        let (shown, _) = self.effective(self.by_position(answers));
        shown
            .iter()
            .enumerate()
            .filter_map(|(i, &s)| s.then_some(i))
            .collect()
    }

    /// The answers that count: those to questions that are shown, in question order.
    pub fn effective_answers<'a>(
        &self,
        questionnaire: &'a Questionnaire,
        answers: &'a Answers,
    ) -> Vec<(&'a Question, &'a Answer)> {
        let (_, effective) = self.effective(self.by_position(answers));
        questionnaire
            .questions
            .iter()
            .zip(effective)
            .filter_map(|(q, g)| g.map(|g| (q, g.answer)))
            .collect()
    }
}

/// The positions (indexes into `questionnaire.questions`) of the questions shown for
/// `answers`, in order. Builds a [`Plan`]; keep one instead when evaluating often.
pub fn visible_questions(questionnaire: &Questionnaire, answers: &Answers) -> Vec<usize> {
    Plan::new(questionnaire).visible(answers)
}

/// The answers that count: those to shown questions, in question order.
pub fn effective_answers<'a>(
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
) -> Vec<(&'a Question, &'a Answer)> {
    Plan::new(questionnaire).effective_answers(questionnaire, answers)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{head, order, same};

    proptest! {
        /// Heads decide exactly as the string operations they stand in for, also for
        /// zero bytes, ids longer than eight bytes and text that is not ASCII.
        #[test]
        fn heads_compare_like_strings(
            a in "(\\PC|\\x00){0,12}",
            b in "(\\PC|\\x00){0,12}",
            common in "[a-z\\x00é]{0,10}",
        ) {
            for (a, b) in [(a.clone(), b.clone()), (common.clone() + &a, common + &b), (a.clone(), a)] {
                let (ha, hb) = (head(&a), head(&b));
                prop_assert_eq!(same(&a, ha, &b, hb), a == b, "{:?} {:?}", a, b);
                prop_assert_eq!(order(&a, ha, &b, hb), a.cmp(&b), "{:?} {:?}", a, b);
            }
        }
    }
}
