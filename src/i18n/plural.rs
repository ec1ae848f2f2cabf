//! CLDR cardinal plural rules, hand-encoded for the languages the widget may ship.
//!
//! fluent-bundle would bring `intl_pluralrules` with the rules of every CLDR locale
//! (measured together with the rest of fluent-bundle: README, Performance and
//! size); the widget only needs whole numbers (counts of questions, minutes, key
//! presses) in a handful of languages, so the rules are written out here from
//! CLDR's `plurals.xml` (operands: `i` = the integer, `v` = 0 for whole numbers,
//! so `v`-conditions reduce to constants). A language not listed falls back to the
//! English rule.
//!
//! Each rule is checked against CLDR's sample numbers in the tests below.

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Category {
    /// The category's name as Fluent variant keys spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The plural category of the whole number `n` in `lang` (a BCP 47 tag; only its
/// primary language subtag counts).
pub fn category(lang: &str, n: u64) -> Category {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    let (i10, i100) = (n % 10, n % 100);
    match primary {
        // one: v = 0 and i % 10 = 1 and i % 100 != 11
        // few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14
        // many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14)
        "uk" | "ru" | "be" => {
            if i10 == 1 && i100 != 11 {
                Category::One
            } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
                Category::Few
            } else {
                Category::Many
            }
        }
        // one: i = 1 and v = 0
        // few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14
        // many: v = 0 and (i != 1 and i % 10 = 0..1 or i % 10 = 5..9 or i % 100 = 12..14)
        "pl" => {
            if n == 1 {
                Category::One
            } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
                Category::Few
            } else {
                Category::Many
            }
        }
        // one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0 (never for whole numbers)
        "cs" | "sk" => match n {
            1 => Category::One,
            2..=4 => Category::Few,
            _ => Category::Other,
        },
        // one: i = 1 and v = 0
        // few: v != 0 or n = 0 or n != 1 and n % 100 = 1..19
        "ro" => {
            if n == 1 {
                Category::One
            } else if n == 0 || (1..=19).contains(&i100) {
                Category::Few
            } else {
                Category::Other
            }
        }
        // one: n = 1
        "hu" => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        // en, de and the fallback. one: i = 1 and v = 0
        _ => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{category, Category};

    #[track_caller]
    fn check(lang: &str, expected: Category, samples: &[u64]) {
        for &n in samples {
            assert_eq!(category(lang, n), expected, "{lang} {n}");
        }
    }

    /// Samples from CLDR 46 `plurals.xml` (integer samples of each rule).
    #[test]
    fn rules_match_cldr_samples() {
        use Category::*;
        for lang in ["uk", "ru", "uk-UA"] {
            check(lang, One, &[1, 21, 31, 41, 51, 61, 71, 81, 101, 1001]);
            check(lang, Few, &[2, 3, 4, 22, 23, 24, 32, 33, 34, 102, 1002]);
            check(
                lang,
                Many,
                &[0, 5, 6, 10, 11, 12, 13, 14, 19, 20, 25, 100, 111, 112, 1000],
            );
        }
        check("pl", One, &[1]);
        check("pl", Few, &[2, 3, 4, 22, 23, 24, 32, 102, 1002]);
        check(
            "pl",
            Many,
            &[0, 5, 11, 12, 13, 14, 19, 20, 21, 25, 31, 100, 101, 112],
        );
        for lang in ["cs", "sk"] {
            check(lang, One, &[1]);
            check(lang, Few, &[2, 3, 4]);
            check(lang, Other, &[0, 5, 6, 10, 11, 21, 100, 1000]);
        }
        check("ro", One, &[1]);
        check("ro", Few, &[0, 2, 3, 16, 19, 101, 102, 119, 1001]);
        check("ro", Other, &[20, 21, 35, 100, 120, 1000]);
        for lang in ["en", "de", "hu", "xx"] {
            check(lang, One, &[1]);
            check(lang, Other, &[0, 2, 3, 11, 21, 100]);
        }
    }
}
