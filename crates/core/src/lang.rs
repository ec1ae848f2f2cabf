//! Facts about language codes, the one place for them: the primary subtag, the
//! writing direction and each language's name in itself. The widget (language
//! picker, helpline languages, `dir`), its panic panel and the CLI's printable
//! checklist all read them here, so they cannot drift apart.

/// The primary language subtag, lower case: `uk` of `uk-UA`, `pt` of `pt_BR`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `rtl` for the languages written right to left, else `ltr` (all nine shipped
/// languages are `ltr`; a questionnaire may add others).
pub fn direction(lang: &str) -> &'static str {
    match primary(lang).as_str() {
        "ar" | "ckb" | "dv" | "fa" | "he" | "iw" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi" => {
            "rtl"
        }
        _ => "ltr",
    }
}

/// A language's name in itself; the code for a language not listed.
pub fn autonym(code: &str) -> &str {
    match primary(code).as_str() {
        "en" => "English",
        "uk" => "Українська",
        "ru" => "Русский",
        "pl" => "Polski",
        "cs" => "Čeština",
        "sk" => "Slovenčina",
        "ro" => "Română",
        "de" => "Deutsch",
        "hu" => "Magyar",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pt" => "Português",
        "be" => "Беларуская",
        "bg" => "Български",
        "lt" => "Lietuvių",
        "lv" => "Latviešu",
        "et" => "Eesti",
        "ka" => "ქართული",
        "tr" => "Türkçe",
        "ar" => "العربية",
        "fa" => "فارسی",
        _ => code,
    }
}

#[cfg(test)]
mod tests {
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
        assert_eq!(autonym("uk-UA"), "Українська");
        assert_eq!(autonym("xx"), "xx");
    }
}
