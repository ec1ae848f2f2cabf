//! The languages table checked against itself: codes, names, directions, each
//! rule against its declared categories, and each `Plural-Forms` against its rule.

use super::plural_rules::decimal;
use super::*;

#[test]
fn codes_directions_and_names() {
    assert_eq!(primary("uk-UA"), "uk");
    assert_eq!(primary("pt_BR"), "pt");
    assert_eq!(primary(""), "");
    assert_eq!(direction("ar"), "rtl");
    assert_eq!(direction("fa-IR"), "rtl");
    assert_eq!(direction("iw"), "rtl");
    assert_eq!(direction("uk"), "ltr");
    assert_eq!(direction("xx"), "ltr");
    assert_eq!(autonym("uk-UA"), "Українська");
    assert_eq!(autonym("UK"), "Українська");
    assert_eq!(autonym("fr-BE"), "Français");
    assert_eq!(autonym("xx"), "xx");
}

#[test]
fn every_shipped_language_is_described_once() {
    assert_eq!(
        SHIPPED,
        ["uk", "ru", "en", "pl", "ro", "de", "cs", "sk", "hu"]
    );
    for code in SHIPPED {
        assert_eq!(language(code).map(|l| l.code), Some(code));
        assert_eq!(SHIPPED.iter().filter(|c| **c == code).count(), 1, "{code}");
        assert!(
            MORE_AUTONYMS.iter().all(|(c, _)| *c != code),
            "{code} is shipped: its autonym belongs in the table"
        );
    }
    assert_eq!(language("de-AT").map(|l| l.code), Some("de"));
    assert_eq!(language("pt_BR").map(|l| l.code), None);
    assert!(language("it").is_none());
    assert!(language("").is_none());
    for l in LANGUAGES {
        assert_eq!(primary(l.code), l.code);
        assert!(["ltr", "rtl"].contains(&l.direction), "{}", l.code);
        assert_eq!(l.direction, direction(l.code));
        assert_eq!(autonym(l.code), l.autonym);
        assert!(!l.name.is_empty() && !l.autonym.is_empty(), "{}", l.code);
        assert!(l.plural_forms.starts_with("nplurals="), "{}", l.code);
    }
}

#[test]
fn categories_are_in_cldr_order_and_end_with_other() {
    let rank = |c: &Category| Category::ALL.iter().position(|a| a == c);
    for l in LANGUAGES {
        assert_eq!(
            l.plural_categories.last(),
            Some(&Category::Other),
            "{}",
            l.code
        );
        assert!(
            l.plural_categories
                .windows(2)
                .all(|w| rank(&w[0]) < rank(&w[1])),
            "{}: {:?}",
            l.code,
            l.plural_categories
        );
    }
}

/// Whole numbers, up to 200 and a few larger ones.
fn integers() -> impl Iterator<Item = u64> {
    (0..=200).chain([1000, 1001, 1002, 1005, 1011, 1012, 1021, 1101, 1111, 1112])
}

/// Fractions, written as CLDR's samples write them.
const DECIMALS: [&str; 12] = [
    "0.0", "0.5", "1.0", "1.00", "1.5", "2.0", "2.5", "5.5", "10.0", "11.5", "21.0", "101.5",
];

/// Each rule yields every category its row declares and no other, over whole
/// numbers and fractions.
#[test]
fn each_rule_yields_exactly_its_declared_categories() {
    for l in LANGUAGES {
        let mut seen: Vec<Category> = Vec::new();
        let numbers = integers()
            .map(Operands::from)
            .chain(DECIMALS.iter().map(|d| decimal(d)));
        for o in numbers {
            let c = (l.plural)(o);
            assert!(
                l.plural_categories.contains(&c),
                "{}: {o:?} is {c:?}, not one of {:?}",
                l.code,
                l.plural_categories
            );
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
        for c in l.plural_categories {
            assert!(seen.contains(c), "{}: the rule never yields {c:?}", l.code);
        }
    }
}

#[test]
fn plural_takes_the_rule_of_the_primary_subtag_else_english() {
    assert_eq!(plural("uk-UA", 5), Category::Many);
    assert_eq!(plural("ru", 21), Category::One);
    assert_eq!(plural("cs", 0), Category::Other);
    assert_eq!(plural("xx", 1), Category::One);
    assert_eq!(plural("xx", 0), Category::Other);
    assert_eq!(plural("it", 2), Category::Other);
}

/// The gettext header gives, for every whole number, the form the rule's
/// category has: forms 0, 1, 2 are the row's categories of whole numbers in its
/// order (those of fractions only, such as Czech `many`, have none), and
/// `nplurals` counts them.
#[test]
fn plural_forms_agree_with_the_rule() {
    for l in LANGUAGES {
        let (nplurals, expression) = plural_forms(l.plural_forms);
        let whole: Vec<Category> = l
            .plural_categories
            .iter()
            .copied()
            .filter(|c| integers().any(|n| (l.plural)(Operands::from(n)) == *c))
            .collect();
        assert_eq!(nplurals, whole.len() as i64, "{}: nplurals", l.code);
        for n in integers() {
            let category = (l.plural)(Operands::from(n));
            let form = whole.iter().position(|c| *c == category).unwrap() as i64;
            assert_eq!(
                eval(expression, n as i64),
                form,
                "{}: n = {n} is {category:?}, form {form} in `{}`",
                l.code,
                l.plural_forms
            );
        }
    }
}

/// `nplurals` and the `plural=` expression of a `Plural-Forms` header.
fn plural_forms(header: &str) -> (i64, &str) {
    let rest = header.strip_prefix("nplurals=").expect("nplurals= first");
    let (count, rest) = rest.split_once(';').expect("nplurals=N;");
    let expression = rest
        .trim()
        .strip_prefix("plural=")
        .expect("plural= second")
        .trim_end()
        .strip_suffix(';')
        .expect("a final `;`");
    (count.trim().parse().expect("a number"), expression)
}

#[test]
fn the_evaluator_reads_c_as_gettext_does() {
    assert_eq!(eval("n != 1", 1), 0);
    assert_eq!(eval("(n != 1)", 2), 1);
    assert_eq!(eval("n==1 ? 0 : n==2 ? 1 : 2", 2), 1);
    assert_eq!(eval("(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2", 5), 2);
    assert_eq!(eval("n%10==1 && n%100!=11 ? 0 : 1", 111), 1);
    assert_eq!(eval("n<10 || n>=20", 15), 0);
    assert_eq!(eval("1 + 2 * 3 - 4 / 2", 0), 5);
    assert_eq!(eval("!(n > 1)", 0), 1);
}

/// Evaluates a gettext plural expression (C syntax: `?:`, `||`, `&&`,
/// comparisons, `+ - * / %`, `!`, parentheses, `n`, integers) for `n`.
fn eval(expression: &str, n: i64) -> i64 {
    let tokens = tokens(expression);
    let mut at = 0;
    let value = ternary(&tokens, &mut at, n);
    assert_eq!(at, tokens.len(), "`{expression}`: left over from {at}");
    value
}

fn tokens(expression: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = expression.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if c.is_whitespace() {
            at += 1;
        } else if c.is_ascii_digit() {
            let start = at;
            while at < chars.len() && chars[at].is_ascii_digit() {
                at += 1;
            }
            out.push(chars[start..at].iter().collect());
        } else {
            let two: String = chars[at..(at + 2).min(chars.len())].iter().collect();
            if ["==", "!=", "<=", ">=", "&&", "||"].contains(&two.as_str()) {
                out.push(two);
                at += 2;
            } else {
                assert!("n?:<>+-*/%!()".contains(c), "`{c}` in `{expression}`");
                out.push(c.to_string());
                at += 1;
            }
        }
    }
    out
}

/// `a ? b : c`, right-associative, below every binary operator.
fn ternary(t: &[String], at: &mut usize, n: i64) -> i64 {
    let condition = binary(t, at, n, 0);
    if t.get(*at).map(String::as_str) != Some("?") {
        return condition;
    }
    *at += 1;
    let yes = ternary(t, at, n);
    assert_eq!(t.get(*at).map(String::as_str), Some(":"), "`?` without `:`");
    *at += 1;
    let no = ternary(t, at, n);
    if condition != 0 {
        yes
    } else {
        no
    }
}

/// The binary operators by C's precedence, loosest first.
const LEVELS: [&[&str]; 6] = [
    &["||"],
    &["&&"],
    &["==", "!="],
    &["<", "<=", ">", ">="],
    &["+", "-"],
    &["*", "/", "%"],
];

fn binary(t: &[String], at: &mut usize, n: i64, level: usize) -> i64 {
    if level == LEVELS.len() {
        return unary(t, at, n);
    }
    let mut left = binary(t, at, n, level + 1);
    while let Some(op) = t.get(*at).filter(|op| LEVELS[level].contains(&op.as_str())) {
        *at += 1;
        let right = binary(t, at, n, level + 1);
        left = match op.as_str() {
            "||" => i64::from(left != 0 || right != 0),
            "&&" => i64::from(left != 0 && right != 0),
            "==" => i64::from(left == right),
            "!=" => i64::from(left != right),
            "<" => i64::from(left < right),
            "<=" => i64::from(left <= right),
            ">" => i64::from(left > right),
            ">=" => i64::from(left >= right),
            "+" => left + right,
            "-" => left - right,
            "*" => left * right,
            "/" => left / right,
            _ => left % right,
        };
    }
    left
}

fn unary(t: &[String], at: &mut usize, n: i64) -> i64 {
    let token = t.get(*at).expect("an operand").as_str();
    *at += 1;
    match token {
        "!" => i64::from(unary(t, at, n) == 0),
        "n" => n,
        "(" => {
            let value = ternary(t, at, n);
            assert_eq!(t.get(*at).map(String::as_str), Some(")"), "unclosed `(`");
            *at += 1;
            value
        }
        number => number.parse().expect("a number"),
    }
}
