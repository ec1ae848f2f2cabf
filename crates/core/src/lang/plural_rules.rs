//! CLDR cardinal plural rules, written out for the shipped languages from CLDR's
//! `plurals.xml` (the rows of the languages table point at them).
//!
//! Why by hand: fluent-bundle would bring `intl_pluralrules` with the rules of
//! every CLDR locale (measured together with the rest of fluent-bundle: README,
//! Performance and size), while the widget needs a handful of languages, and the
//! core is in the widget's wasm anyway. The rules take CLDR's operands
//! ([`Operands`]), fractions included, so that each language's rule yields every
//! category the table declares for it (the tests check it); the widget only
//! counts whole numbers, for which the `v`- and `f`-conditions are constants.
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
    /// Every category, in CLDR's order.
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The category's name as CLDR and Fluent variant keys spell it.
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

/// The operands of a number that CLDR's rules read (`plurals.xml`, "Operands"):
/// `1.50` is `i` = 1, `v` = 2, `f` = 50. (`n`, the absolute value, is `i` when
/// `f` is 0 and never needed otherwise by these rules.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operands {
    /// `i`: the integer digits.
    pub i: u64,
    /// `v`: how many fraction digits are written (with trailing zeros).
    pub v: u32,
    /// `f`: the fraction digits written (with trailing zeros), as a number.
    pub f: u64,
}

impl From<u64> for Operands {
    /// A whole number, written without a fraction.
    fn from(n: u64) -> Self {
        Operands { i: n, v: 0, f: 0 }
    }
}

use Category::{Few, Many, One, Other};

/// Ukrainian and Russian.
/// one: v = 0 and i % 10 = 1 and i % 100 != 11;
/// few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
/// many: v = 0 and (i % 10 = 0 or i % 10 = 5..9 or i % 100 = 11..14);
/// other: the rest (fractions).
pub(super) fn east_slavic(o: Operands) -> Category {
    let (i10, i100) = (o.i % 10, o.i % 100);
    if o.v != 0 {
        Other
    } else if i10 == 1 && i100 != 11 {
        One
    } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
        Few
    } else {
        Many
    }
}

/// Polish.
/// one: i = 1 and v = 0;
/// few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
/// many: v = 0 and (i != 1 and i % 10 = 0..1 or i % 10 = 5..9 or i % 100 = 12..14);
/// other: the rest (fractions).
pub(super) fn polish(o: Operands) -> Category {
    let (i10, i100) = (o.i % 10, o.i % 100);
    if o.v != 0 {
        Other
    } else if o.i == 1 {
        One
    } else if (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
        Few
    } else {
        Many
    }
}

/// Czech and Slovak.
/// one: i = 1 and v = 0; few: i = 2..4 and v = 0; many: v != 0; other: the rest.
pub(super) fn czech_slovak(o: Operands) -> Category {
    match (o.i, o.v) {
        (_, 1..) => Many,
        (1, 0) => One,
        (2..=4, 0) => Few,
        _ => Other,
    }
}

/// Romanian.
/// one: i = 1 and v = 0;
/// few: v != 0 or n = 0 or n != 1 and n % 100 = 1..19;
/// other: the rest.
pub(super) fn romanian(o: Operands) -> Category {
    if o.v != 0 {
        Few
    } else if o.i == 1 {
        One
    } else if o.i == 0 || (1..=19).contains(&(o.i % 100)) {
        Few
    } else {
        Other
    }
}

/// Hungarian. one: n = 1 (`1.0` too); other: the rest.
pub(super) fn hungarian(o: Operands) -> Category {
    if o.i == 1 && o.f == 0 {
        One
    } else {
        Other
    }
}

/// English and German, and the fallback for a language not shipped.
/// one: i = 1 and v = 0; other: the rest.
pub(super) fn one_other(o: Operands) -> Category {
    if o.i == 1 && o.v == 0 {
        One
    } else {
        Other
    }
}

/// The operands of a decimal written as `1.50`.
#[cfg(test)]
pub(super) fn decimal(written: &str) -> Operands {
    let (int, fraction) = written.split_once('.').unwrap_or((written, ""));
    Operands {
        i: int.parse().unwrap(),
        v: u32::try_from(fraction.len()).unwrap(),
        f: if fraction.is_empty() {
            0
        } else {
            fraction.parse().unwrap()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal, Category, Operands};
    use crate::lang::language;

    #[track_caller]
    fn check(lang: &str, expected: Category, integers: &[u64], decimals: &[&str]) {
        let rule = language(lang).unwrap().plural;
        for &n in integers {
            assert_eq!(rule(Operands::from(n)), expected, "{lang} {n}");
        }
        for &d in decimals {
            assert_eq!(rule(decimal(d)), expected, "{lang} {d}");
        }
    }

    /// Samples from CLDR 46 `plurals.xml` (integer and decimal samples of each
    /// rule).
    #[test]
    fn rules_match_cldr_samples() {
        use Category::*;
        for lang in ["uk", "ru", "uk-UA"] {
            check(lang, One, &[1, 21, 31, 41, 51, 61, 71, 81, 101, 1001], &[]);
            check(
                lang,
                Few,
                &[2, 3, 4, 22, 23, 24, 32, 33, 34, 102, 1002],
                &[],
            );
            check(
                lang,
                Many,
                &[0, 5, 6, 10, 11, 12, 13, 14, 19, 20, 25, 100, 111, 112, 1000],
                &[],
            );
            check(
                lang,
                Other,
                &[],
                &["0.0", "0.5", "1.0", "1.5", "10.0", "100.0"],
            );
        }
        check("pl", One, &[1], &[]);
        check("pl", Few, &[2, 3, 4, 22, 23, 24, 32, 102, 1002], &[]);
        check(
            "pl",
            Many,
            &[0, 5, 11, 12, 13, 14, 19, 20, 21, 25, 31, 100, 101, 112],
            &[],
        );
        check("pl", Other, &[], &["0.0", "1.0", "1.5", "10.0", "100.0"]);
        for lang in ["cs", "sk"] {
            check(lang, One, &[1], &[]);
            check(lang, Few, &[2, 3, 4], &[]);
            check(lang, Many, &[], &["0.0", "1.0", "1.5", "10.0", "100.0"]);
            check(lang, Other, &[0, 5, 6, 10, 11, 21, 100, 1000], &[]);
        }
        check("ro", One, &[1], &[]);
        check(
            "ro",
            Few,
            &[0, 2, 3, 16, 19, 101, 102, 119, 1001],
            &["0.0", "1.0", "1.5", "10.0", "100.0"],
        );
        check("ro", Other, &[20, 21, 35, 100, 120, 1000], &[]);
        check("hu", One, &[1], &["1.0", "1.00", "1.000"]);
        check(
            "hu",
            Other,
            &[0, 2, 3, 11, 21, 100],
            &["0.0", "0.9", "1.1", "1.6", "10.0"],
        );
        for lang in ["en", "de"] {
            check(lang, One, &[1], &[]);
            check(
                lang,
                Other,
                &[0, 2, 3, 11, 21, 100],
                &["0.0", "1.0", "1.5", "10.0"],
            );
        }
    }

    #[test]
    fn decimals_are_read_as_written() {
        assert_eq!(decimal("1.50"), Operands { i: 1, v: 2, f: 50 });
        assert_eq!(decimal("7"), Operands::from(7));
    }
}
