//! The languages the project ships, their plural categories and gettext headers.

/// The nine languages the project ships, in the order `status` lists them.
pub const SHIPPED: [&str; 9] = ["uk", "ru", "en", "pl", "ro", "de", "cs", "sk", "hu"];

/// The language of the widget's UI source file (`src/i18n/en.ftl`).
pub const FLUENT_SOURCE: &str = "en";

/// One shipped language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 code.
    pub code: &'static str,
    /// English name, for messages and the PO header.
    pub name: &'static str,
    /// CLDR cardinal plural categories (CLDR `plurals.xml`), which a Fluent select
    /// on a number must cover in this language.
    pub plural_categories: &'static [&'static str],
    /// The gettext `Plural-Forms` header (as Poedit and the GNU gettext manual give it).
    pub plural_forms: &'static str,
}

const SLAVIC_EAST: &str = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : \
                           n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

/// Every shipped language.
pub const LANGUAGES: [Language; 9] = [
    Language {
        code: "uk",
        name: "Ukrainian",
        plural_categories: &["one", "few", "many", "other"],
        plural_forms: SLAVIC_EAST,
    },
    Language {
        code: "ru",
        name: "Russian",
        plural_categories: &["one", "few", "many", "other"],
        plural_forms: SLAVIC_EAST,
    },
    Language {
        code: "en",
        name: "English",
        plural_categories: &["one", "other"],
        plural_forms: "nplurals=2; plural=(n != 1);",
    },
    Language {
        code: "pl",
        name: "Polish",
        plural_categories: &["one", "few", "many", "other"],
        plural_forms: "nplurals=3; plural=(n==1 ? 0 : \
                       n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    },
    Language {
        code: "ro",
        name: "Romanian",
        plural_categories: &["one", "few", "other"],
        plural_forms: "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100>0 && n%100<20)) ? 1 : 2);",
    },
    Language {
        code: "de",
        name: "German",
        plural_categories: &["one", "other"],
        plural_forms: "nplurals=2; plural=(n != 1);",
    },
    Language {
        code: "cs",
        name: "Czech",
        plural_categories: &["one", "few", "many", "other"],
        plural_forms: "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    },
    Language {
        code: "sk",
        name: "Slovak",
        plural_categories: &["one", "few", "many", "other"],
        plural_forms: "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    },
    Language {
        code: "hu",
        name: "Hungarian",
        plural_categories: &["one", "other"],
        plural_forms: "nplurals=2; plural=(n != 1);",
    },
];

/// Every CLDR plural category name: a Fluent variant key among these makes a select
/// a plural select.
pub const CLDR_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The shipped language `code` (its primary subtag: `de-AT` is German).
pub fn language(code: &str) -> Option<&'static Language> {
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    LANGUAGES.iter().find(|l| l.code == primary)
}

/// Whether `code` looks like a BCP 47 language tag (`uk`, `de-AT`): guards paths
/// built from it (`translations/<code>/…`) as much as it catches typos.
pub fn is_language_tag(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_language_is_described_once() {
        for code in SHIPPED {
            assert_eq!(language(code).map(|l| l.code), Some(code));
        }
        assert_eq!(LANGUAGES.len(), SHIPPED.len());
        assert_eq!(language("de-AT").map(|l| l.code), Some("de"));
        assert!(language("it").is_none());
        for l in LANGUAGES {
            assert_eq!(l.plural_categories.last(), Some(&"other"), "{}", l.code);
            assert!(l.plural_forms.starts_with("nplurals="), "{}", l.code);
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["uk", "de-AT", "sr-Latn", "fil"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "UK", "u", "uk/../x", "de_AT", "ukrainian", "de-"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
