//! The languages table: every fact about the languages the project ships, in one
//! place. Per language ([`LANGUAGES`]): its code, English name, name in itself
//! (autonym), writing direction, CLDR plural categories, the plural rule itself
//! and the gettext `Plural-Forms` header.
//!
//! Everyone reads it here, so the facts cannot drift apart: the widget (language
//! picker, helpline languages, `dir`, the plural rules its Fluent resolver
//! selects with), its panic panel and prerendered pages, the CLI (`translations`:
//! the shipped codes, plural checks of the `.ftl` files, PO headers; the
//! printable checklist) and the tests that go over every shipped language.
//!
//! A language the project does not ship may still appear (a questionnaire may
//! add one, a helpline speaks one): [`direction`] knows the scripts written right
//! to left, [`autonym`] the names of a few more languages, and [`plural`] falls
//! back to the English rule.
//!
//! **Adding a language** means a row here (the rule in `lang/plural_rules.rs`, from
//! CLDR's `plurals.xml`, with its samples in the tests); the tests then check
//! the row against itself (the rule yields exactly the declared categories,
//! `Plural-Forms` picks the same form as the rule), and the widget and the CLI
//! take it from here. docs/translating.md says what else a new language needs
//! (its `.ftl` file, a cargo feature).

mod plural_rules;
#[cfg(test)]
mod tests;

pub use plural_rules::{Category, Operands};

/// One shipped language: a row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Language {
    /// BCP 47 code, the primary language subtag alone (`uk`).
    pub code: &'static str,
    /// English name, for messages and the PO header (`Ukrainian`).
    pub name: &'static str,
    /// The language's name in itself, for the language picker (`Українська`).
    pub autonym: &'static str,
    /// `ltr` or `rtl`, as the HTML `dir` attribute takes it.
    pub direction: &'static str,
    /// CLDR cardinal plural categories (CLDR `plurals.xml`), in CLDR's order, those
    /// of fractions included: what a Fluent select on a number must cover in this
    /// language.
    pub plural_categories: &'static [Category],
    /// The CLDR cardinal plural rule: the category of a number.
    pub plural: fn(Operands) -> Category,
    /// The gettext `Plural-Forms` header (as Poedit and the GNU gettext manual give
    /// it): the whole-number categories of [`Language::plural_categories`], in that
    /// order, are its forms 0, 1, 2.
    pub plural_forms: &'static str,
}

use Category::{Few, Many, One, Other};

const ONE_FEW_MANY_OTHER: &[Category] = &[One, Few, Many, Other];
const ONE_OTHER: &[Category] = &[One, Other];

const EAST_SLAVIC_FORMS: &str = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : \
                                 n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
const CZECH_SLOVAK_FORMS: &str = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;";
const ONE_OTHER_FORMS: &str = "nplurals=2; plural=(n != 1);";

/// Every language the project ships, in the order `translations status` lists
/// them.
pub const LANGUAGES: [Language; 9] = [
    Language {
        code: "uk",
        name: "Ukrainian",
        autonym: "Українська",
        direction: "ltr",
        plural_categories: ONE_FEW_MANY_OTHER,
        plural: plural_rules::east_slavic,
        plural_forms: EAST_SLAVIC_FORMS,
    },
    Language {
        code: "ru",
        name: "Russian",
        autonym: "Русский",
        direction: "ltr",
        plural_categories: ONE_FEW_MANY_OTHER,
        plural: plural_rules::east_slavic,
        plural_forms: EAST_SLAVIC_FORMS,
    },
    Language {
        code: "en",
        name: "English",
        autonym: "English",
        direction: "ltr",
        plural_categories: ONE_OTHER,
        plural: plural_rules::one_other,
        plural_forms: ONE_OTHER_FORMS,
    },
    Language {
        code: "pl",
        name: "Polish",
        autonym: "Polski",
        direction: "ltr",
        plural_categories: ONE_FEW_MANY_OTHER,
        plural: plural_rules::polish,
        plural_forms: "nplurals=3; plural=(n==1 ? 0 : \
                       n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    },
    Language {
        code: "ro",
        name: "Romanian",
        autonym: "Română",
        direction: "ltr",
        plural_categories: &[One, Few, Other],
        plural: plural_rules::romanian,
        plural_forms: "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100>0 && n%100<20)) ? 1 : 2);",
    },
    Language {
        code: "de",
        name: "German",
        autonym: "Deutsch",
        direction: "ltr",
        plural_categories: ONE_OTHER,
        plural: plural_rules::one_other,
        plural_forms: ONE_OTHER_FORMS,
    },
    Language {
        code: "cs",
        name: "Czech",
        autonym: "Čeština",
        direction: "ltr",
        plural_categories: ONE_FEW_MANY_OTHER,
        plural: plural_rules::czech_slovak,
        plural_forms: CZECH_SLOVAK_FORMS,
    },
    Language {
        code: "sk",
        name: "Slovak",
        autonym: "Slovenčina",
        direction: "ltr",
        plural_categories: ONE_FEW_MANY_OTHER,
        plural: plural_rules::czech_slovak,
        plural_forms: CZECH_SLOVAK_FORMS,
    },
    Language {
        code: "hu",
        name: "Hungarian",
        autonym: "Magyar",
        direction: "ltr",
        plural_categories: ONE_OTHER,
        plural: plural_rules::hungarian,
        plural_forms: ONE_OTHER_FORMS,
    },
];

/// The codes of [`LANGUAGES`], in its order: `uk`, `ru`, `en`, `pl`, `ro`, `de`,
/// `cs`, `sk`, `hu`.
pub const SHIPPED: [&str; LANGUAGES.len()] = {
    let mut codes = [""; LANGUAGES.len()];
    let mut at = 0;
    while at < LANGUAGES.len() {
        codes[at] = LANGUAGES[at].code;
        at += 1;
    }
    codes
};

/// The names in themselves of languages the project does not ship but a
/// helpline may speak or a questionnaire add.
const MORE_AUTONYMS: [(&str, &str); 14] = [
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("nl", "Nederlands"),
    ("pt", "Português"),
    ("be", "Беларуская"),
    ("bg", "Български"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("et", "Eesti"),
    ("ka", "ქართული"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
];

/// The shipped language of `tag` (by its primary subtag, in any case: `de-AT` is
/// German), if the project ships it.
pub fn language(tag: &str) -> Option<&'static Language> {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    LANGUAGES
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(primary))
}

/// The primary language subtag, lower case: `uk` of `uk-UA`, `pt` of `pt_BR`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `rtl` for the languages written right to left, else `ltr`: a shipped
/// language's from the table, any other's from the list of right-to-left scripts'
/// languages (a questionnaire may add one).
pub fn direction(lang: &str) -> &'static str {
    if let Some(language) = language(lang) {
        return language.direction;
    }
    match primary(lang).as_str() {
        "ar" | "ckb" | "dv" | "fa" | "he" | "iw" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi" => {
            "rtl"
        }
        _ => "ltr",
    }
}

/// A language's name in itself; the code for a language not known.
pub fn autonym(code: &str) -> &str {
    if let Some(language) = language(code) {
        return language.autonym;
    }
    let primary = primary(code);
    MORE_AUTONYMS
        .iter()
        .find(|(c, _)| *c == primary)
        .map_or(code, |(_, name)| name)
}

/// The plural category of the whole number `n` in `lang` (a BCP 47 tag; only its
/// primary language subtag counts): the table's rule, the English one for a
/// language not shipped.
pub fn plural(lang: &str, n: u64) -> Category {
    let rule = language(lang).map_or(plural_rules::one_other as fn(Operands) -> Category, |l| {
        l.plural
    });
    rule(Operands::from(n))
}
