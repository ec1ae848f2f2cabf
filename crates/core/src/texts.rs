//! Every user-facing text of a questionnaire or of the helpline directory, walked
//! once: [`Questionnaire::texts`] and
//! [`Directory::texts`](crate::helplines::Directory::texts) list each [`Text`] as a
//! [`TextEntry`], with its field path (for diagnostics), its stable key (built from
//! ids, for the translation files), the subject the validator names, and the
//! element that holds it.
//!
//! Everything that goes over the texts goes through here: the validator's
//! translation checks (`validate/languages.rs`, and `validate_directory` for the
//! directory), the translation workflow (`crates/translations/src/strings.rs`), the
//! CLI's coverage report (`crates/cli/src/report.rs`), and the split and merge of languages
//! (`languages.rs`) through [`Questionnaire::for_each_text`] and
//! [`Directory::for_each_text`](crate::helplines::Directory::for_each_text). A text added to the
//! model is added to the walk here, and every one of them sees it.
//!
//! The order is the model's, as the validator reports it: title, description,
//! dimensions, indicators, sections, questions (text, why, if_unsure, then each
//! option's label), routes, bands; for the directory, countries, then helplines
//! (name, hours).
//!
//! The split and merge need `&mut Text`, the others `&Text` with the element
//! around it. Rust cannot be generic over `&`/`&mut`, so the questionnaire's walk
//! is one `macro_rules!` (`walk_questionnaire!`) that names each text, its element
//! and its path, and both walks are that macro with a different visitor: the
//! immutable one builds entries, the mutable one only calls `f` on the text (the
//! element and the path it is handed are never evaluated, so it borrows nothing
//! else). A macro is simpler than the alternatives: a trait generic over the
//! reference kind needs generic associated types in every signature, and writing
//! the mutable users through keys needs a second lookup per model, which is the
//! second walk this module removes. The directory's walk is a macro of the same
//! kind (`walk_directory!`), next to its model in `helplines.rs` (which this
//! module does not import: the directory's validator there uses the walk). The tests
//! check that both questionnaire walks visit the same texts in the same order, and
//! every text of a full questionnaire.

use crate::diagnostic::FieldPath;
use crate::model::{AnswerOption, Band, Dimension, Indicator, Question, Questionnaire};
use crate::model::{Route, Section, Text};

/// What an element that holds texts says about them: their keys and the subject of
/// their diagnostics. [`Owner`] for a questionnaire's elements,
/// [`DirectoryOwner`](crate::helplines::DirectoryOwner) for the directory's.
pub trait TextOwner {
    /// The key of field `field` of this element (see [`TextEntry::key`]).
    fn key(&self, field: &str) -> String;
    /// The subject of its texts' diagnostics (see [`TextEntry::subject`]).
    fn subject(&self) -> String;
}

/// The questionnaire element a text belongs to.
#[derive(Debug, Clone, Copy)]
pub enum Owner<'a> {
    /// The questionnaire itself (`title`, `description`).
    Questionnaire,
    /// A dimension (a theme).
    Dimension(&'a Dimension),
    /// An indicator (a warning sign).
    Indicator(&'a Indicator),
    /// A section of questions.
    Section(&'a Section),
    /// A question.
    Question(&'a Question),
    /// An answer option, with its question.
    AnswerOption(&'a Question, &'a AnswerOption),
    /// A scoring route (`[[scoring.route]]`).
    Route(&'a Route),
    /// A band (a result level), with its position among the bands (from 0).
    Band(usize, &'a Band),
}

/// One user-facing text and what names it; `O` is the element that holds it,
/// [`Owner`] in a questionnaire.
#[derive(Debug, Clone)]
pub struct TextEntry<'a, O = Owner<'a>> {
    /// Where it is in the file, e.g. `question[2].option[0].label`.
    pub path: FieldPath,
    /// Its stable key, built from ids rather than positions so that it survives
    /// reordering: `title`, `dimension.<id>.advice`,
    /// `question.<id>.option.<option id>.label`, `route.<id>.label`,
    /// `country.<code>.name`, `helpline.<id>.hours`, … (the PO `msgctxt` of the
    /// translation files).
    pub key: String,
    /// What it belongs to, as the validator's diagnostics name it: "the
    /// questionnaire", "question `q3`", "option `a` of question `q3`"; in the
    /// directory, "`UA`" or "`pl-kcik`".
    pub subject: String,
    /// Its key in its element (`title`, `label`, `advice`, `why`, `name`, …), as
    /// written in the TOML.
    pub field: &'static str,
    /// The element that holds it.
    pub owner: O,
    /// The text, by language.
    pub text: &'a Text,
}

impl TextOwner for Owner<'_> {
    fn key(&self, field: &str) -> String {
        match self {
            Owner::Questionnaire => field.to_owned(),
            Owner::Dimension(d) => format!("dimension.{}.{field}", d.id),
            Owner::Indicator(i) => format!("indicator.{}.{field}", i.id),
            Owner::Section(s) => format!("section.{}.{field}", s.id),
            Owner::Question(x) => format!("question.{}.{field}", x.id),
            Owner::AnswerOption(x, o) => format!("question.{}.option.{}.{field}", x.id, o.id),
            Owner::Route(r) => format!("route.{}.{field}", r.id),
            Owner::Band(_, b) => format!("band.{}.{field}", b.id),
        }
    }

    fn subject(&self) -> String {
        match self {
            Owner::Questionnaire => "the questionnaire".to_owned(),
            Owner::Dimension(d) => format!("dimension `{}`", d.id),
            Owner::Indicator(i) => format!("indicator `{}`", i.id),
            Owner::Section(s) => format!("section `{}`", s.id),
            Owner::Question(x) => format!("question `{}`", x.id),
            Owner::AnswerOption(x, o) => format!("option `{}` of question `{}`", o.id, x.id),
            Owner::Route(r) => format!("route `{}`", r.id),
            Owner::Band(_, b) => format!("band `{}`", b.id),
        }
    }
}

impl<'a, O: TextOwner> TextEntry<'a, O> {
    /// The entry for field `field` of `owner`, the element at `element`.
    pub fn new(owner: O, element: FieldPath, field: &'static str, text: &'a Text) -> Self {
        TextEntry {
            path: element.key(field),
            key: owner.key(field),
            subject: owner.subject(),
            field,
            owner,
            text,
        }
    }
}

/// The walks' visitor that lists each text as a [`TextEntry`] in `$entries`
/// (for [`Questionnaire::texts`] and the directory's `texts`).
macro_rules! push_entry {
    ($entries:ident; $owner:expr, $element:expr; $field:ident: $text:expr) => {
        $entries.push($crate::texts::TextEntry::new(
            $owner,
            $element,
            stringify!($field),
            &$text,
        ))
    };
    ($entries:ident; $owner:expr, $element:expr; $field:ident?: $text:expr) => {
        if let Some(text) = &$text {
            $entries.push($crate::texts::TextEntry::new(
                $owner,
                $element,
                stringify!($field),
                text,
            ));
        }
    };
}

/// The walks' visitor that calls `$f` on each text, mutably, and leaves the
/// owner and the path unevaluated (for the `for_each_text` of both models).
macro_rules! call_on_text {
    ($f:ident; $owner:expr, $element:expr; $field:ident: $text:expr) => {
        $f(&mut $text)
    };
    ($f:ident; $owner:expr, $element:expr; $field:ident?: $text:expr) => {
        if let Some(text) = &mut $text {
            $f(text);
        }
    };
}

pub(crate) use {call_on_text, push_entry};

/// The one walk over a questionnaire's texts: for each, in order, calls
/// `$visit!($ctx; owner, element path; field: text)` (or `field?: text` for an optional
/// text), with `$iter` (`iter` or `iter_mut`) choosing how the lists are borrowed.
/// A visitor that does not use the owner or the path leaves them unevaluated.
macro_rules! walk_questionnaire {
    ($q:expr, $iter:ident, $visit:ident, $ctx:ident) => {{
        let q = $q;
        $visit!($ctx; Owner::Questionnaire, FieldPath::root(); title: q.title);
        $visit!($ctx; Owner::Questionnaire, FieldPath::root(); description: q.description);
        for (i, d) in q.dimensions.$iter().enumerate() {
            $visit!($ctx; Owner::Dimension(d), at("dimension", i); label: d.label);
            $visit!($ctx; Owner::Dimension(d), at("dimension", i); advice?: d.advice);
        }
        for (i, ind) in q.indicators.$iter().enumerate() {
            $visit!($ctx; Owner::Indicator(ind), at("indicator", i); label: ind.label);
            $visit!($ctx; Owner::Indicator(ind), at("indicator", i); advice?: ind.advice);
        }
        for (i, s) in q.sections.$iter().enumerate() {
            $visit!($ctx; Owner::Section(s), at("section", i); title: s.title);
            $visit!($ctx; Owner::Section(s), at("section", i); intro?: s.intro);
        }
        for (i, x) in q.questions.$iter().enumerate() {
            $visit!($ctx; Owner::Question(x), at("question", i); text: x.text);
            $visit!($ctx; Owner::Question(x), at("question", i); why?: x.why);
            $visit!($ctx; Owner::Question(x), at("question", i); if_unsure?: x.if_unsure);
            for (j, o) in x.options.$iter().enumerate() {
                let option = || at("question", i).key("option").index(j);
                $visit!($ctx; Owner::AnswerOption(x, o), option(); label: o.label);
            }
        }
        for (i, r) in q.scoring.routes.$iter().enumerate() {
            let route = || FieldPath::root().key("scoring").key("route").index(i);
            $visit!($ctx; Owner::Route(r), route(); label: r.label);
        }
        for (i, b) in q.bands.$iter().enumerate() {
            $visit!($ctx; Owner::Band(i, b), at("band", i); label: b.label);
            $visit!($ctx; Owner::Band(i, b), at("band", i); advice: b.advice);
        }
    }};
}

/// The path of element `i` of the array of tables `array`.
fn at(array: &str, i: usize) -> FieldPath {
    FieldPath::root().key(array).index(i)
}

impl Questionnaire {
    /// Every user-facing text, in the model's order (see the [module](self) doc).
    pub fn texts(&self) -> Vec<TextEntry<'_>> {
        let mut entries = Vec::new();
        walk_questionnaire!(self, iter, push_entry, entries);
        entries
    }

    /// Calls `f` on every user-facing text, in the order of [`texts`](Self::texts)
    /// (the same walk: see the [module](self) doc).
    // The walk's indexes are for the element paths, which this visitor leaves out.
    #[allow(unused_variables)]
    pub fn for_each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        walk_questionnaire!(self, iter_mut, call_on_text, f);
    }
}

#[cfg(test)]
mod tests;
