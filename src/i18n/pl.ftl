# riskscreen widget: UI strings, Polish.
# Not reviewed by a native speaker yet.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Polish:
# one (1), few (2–4, 22–24, 102…), many (0, 5–21, 25–31, 112…), other (fractions).
# Informal "ty" (lower case), as in every Polish text of the widget, the questionnaires and the
# helplines included: one register per language (questionnaires/translations/review-status.toml).
# Gender-neutral wording throughout (no past-tense forms like "odpowiedziałeś/odpowiedziałaś").
# "I'm not sure" is „Nie mam pewności”: gender-neutral, unlike „Nie jestem pewien/pewna”.
# Questionnaire texts are not here: they come with the questionnaire.

## Quick exit (on every screen)

exit-button = Szybko wyjdź
exit-hint = lub naciśnij 3 razy Shift
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Numer alarmowy: 112
exit-progress = { $remaining ->
    [one] Naciśnij Shift jeszcze { $remaining } raz, aby wyjść.
    [few] Naciśnij Shift jeszcze { $remaining } razy, aby wyjść.
    [many] Naciśnij Shift jeszcze { $remaining } razy, aby wyjść.
   *[other] Naciśnij Shift jeszcze { $remaining } razu, aby wyjść.
}
exit-cover = Ładowanie…

## Language picker

language-label = Język

## Start screen

start-private = Żadna twoja odpowiedź nie opuszcza tego urządzenia. Nic nie jest zapisywane ani wysyłane. Gdy zamkniesz stronę, odpowiedzi znikną.
start-time = { $minutes ->
    [one] To zajmie około { $minutes } minuty.
    [few] To zajmie około { $minutes } minut.
    [many] To zajmie około { $minutes } minut.
   *[other] To zajmie około { $minutes } minuty.
}
start-questions = { $count ->
    [one] Jest { $count } pytanie, jedno na ekranie.
    [few] Jest około { $count } pytań, po jednym na ekranie.
    [many] Jest około { $count } pytań, po jednym na ekranie.
   *[other] Jest około { $count } pytania, po jednym na ekranie.
}
start-not-verdict = Wynik pokazuje sygnały ostrzegawcze. Nie jest to ocena ciebie ani osoby, która złożyła ofertę.
start-exit = Jeśli ktoś się zbliża, naciśnij „Szybko wyjdź” na górze strony albo naciśnij 3 razy klawisz Shift. Strona przełączy się na serwis pogodowy.
start-not-verdict-intake = To wstępne sprawdzenie, a nie ocena kogokolwiek. Osoba może przerwać w każdej chwili i nie musi odpowiadać na każde pytanie.
start-exit-intake = Jeśli zbliża się ktoś, kto nie powinien tego widzieć, naciśnij „Szybko wyjdź” na górze strony albo naciśnij 3 razy klawisz Shift. Strona przełączy się na serwis pogodowy.
start-not-verdict-platform = To sprawdzenie dotyczy oferty, a nie osoby, która ją zamieściła. Wynik pokazuje sygnały ostrzegawcze w ofercie i niczego nie dowodzi.
start-button = Zacznij

## Question screen

progress = Pytanie { $position } z około { $total }
why-heading = Dlaczego o to pytamy:
answer-yes = Tak
answer-no = Nie
answer-unsure = Nie mam pewności
answer-declined = Wolę nie odpowiadać
choose-one = Wybierz jedną odpowiedź.
choose-any = Wybierz wszystkie pasujące odpowiedzi.
error-heading = Wystąpił problem
error-choose = Wybierz odpowiedź, aby przejść dalej. Jeśli nie wiesz, wybierz „Nie mam pewności”.
error-choose-plain = Wybierz odpowiedź, aby przejść dalej.
next-button = Dalej
back-button = Wstecz

## Review screen

review-heading = Sprawdź swoje odpowiedzi
review-intro = { $count ->
    [one] Masz odpowiedź na { $count } pytanie.
    [few] Masz odpowiedzi na { $count } pytania.
    [many] Masz odpowiedzi na { $count } pytań.
   *[other] Masz odpowiedzi na { $count } pytania.
} Zanim zobaczysz wynik, możesz zmienić każdą odpowiedź.
review-change = Zmień
review-change-hidden = swoją odpowiedź na pytanie: { $question }
review-return = Wróć do odpowiedzi
review-result-button = Zobacz wynik

## Result screen

result-heading = Twój wynik
result-disclaimer = To nie jest wyrok. Wynik pokazuje sygnały ostrzegawcze w twoich odpowiedziach, żeby pomóc ci zdecydować, co robić dalej.
# Read aloud with a voice on the device (never a network voice).
listen-button = Odsłuchaj
listen-stop = Zatrzymaj
listen-unavailable = Odsłuchiwanie nie jest dostępne na tym urządzeniu: nie ma na nim głosu dla tego języka, który działa bez internetu.
danger-heading = Może ci grozić niebezpieczeństwo
danger-text = Jeśli grozi ci niebezpieczeństwo albo nie możesz odejść, zadzwoń na numer alarmowy. Połączenie jest bezpłatne.
danger-emergency = Numer alarmowy
danger-helpline = Krajowy telefon zaufania
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Gdzie teraz jesteś? Wybierz kraj, aby zobaczyć tamtejszy telefon zaufania.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Ten sygnał jest poważny sam w sobie:
    [few] Te sygnały są poważne same w sobie:
    [many] Te sygnały są poważne same w sobie:
   *[other] Te sygnały są poważne same w sobie:
}
level-lifted-by-unsure = { $count ->
    [one] To pytanie zostało bez odpowiedzi, więc wynik nie może brzmieć „brak sygnałów”:
    [few] Te pytania zostały bez odpowiedzi, więc wynik nie może brzmieć „brak sygnałów”:
    [many] Te pytania zostały bez odpowiedzi, więc wynik nie może brzmieć „brak sygnałów”:
   *[other] Te pytania zostały bez odpowiedzi, więc wynik nie może brzmieć „brak sygnałów”:
}
level-undetermined = Przy zbyt wielu pytaniach wybrano „Nie mam pewności” albo nie ma odpowiedzi, więc to sprawdzenie nie może dać wyniku.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Zastosowane wskaźniki i reguła:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Co sprawdzić najpierw
unsure-danger-intro = { $count ->
    [one] Przy tym pytaniu nie masz pewności, a ma ono znaczenie dla twojego bezpieczeństwa.
    [few] Przy tych pytaniach nie masz pewności, a mają one znaczenie dla twojego bezpieczeństwa.
    [many] Przy tych pytaniach nie masz pewności, a mają one znaczenie dla twojego bezpieczeństwa.
   *[other] Przy tych pytaniach nie masz pewności, a mają one znaczenie dla twojego bezpieczeństwa.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] To pytanie zostało bez odpowiedzi, a ma ono znaczenie dla twojego bezpieczeństwa.
    [few] Przy tych pytaniach nie masz pewności albo zostały bez odpowiedzi, a mają one znaczenie dla twojego bezpieczeństwa.
    [many] Przy tych pytaniach nie masz pewności albo zostały bez odpowiedzi, a mają one znaczenie dla twojego bezpieczeństwa.
   *[other] Przy tych pytaniach nie masz pewności albo zostały bez odpowiedzi, a mają one znaczenie dla twojego bezpieczeństwa.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] To pytanie pozostało otwarte, a ma znaczenie dla bezpieczeństwa przyszłych gości. Wyjaśnij je przed publikacją oferty.
    [few] Te pytania pozostały otwarte, a mają znaczenie dla bezpieczeństwa przyszłych gości. Wyjaśnij je przed publikacją oferty.
    [many] Te pytania pozostały otwarte, a mają znaczenie dla bezpieczeństwa przyszłych gości. Wyjaśnij je przed publikacją oferty.
   *[other] Te pytania pozostały otwarte, a mają znaczenie dla bezpieczeństwa przyszłych gości. Wyjaśnij je przed publikacją oferty.
}
unsure-danger-help = Jeśli nie możesz się tego dowiedzieć albo nie czujesz się bezpiecznie, zadzwoń pod jeden z numerów pomocy poniżej.
concerns-heading = Co budzi niepokój
concerns-none = Żadna z twoich odpowiedzi nie pasuje do sygnałów ostrzegawczych z tego sprawdzenia. Mimo to ufaj swoim odczuciom, trzymaj dokumenty przy sobie i powiedz komuś, komu ufasz, gdzie jesteś.
concern-from = Twoja odpowiedź na pytanie: { $question }
theme-pattern = Kilka sygnałów w tym obszarze wskazuje na to samo.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Kilka sygnałów w tym obszarze wskazuje na to samo. Według zastosowanej reguły wzmacniają one pozostałe obszary, ale nie mogą ich zastąpić.
unsure-heading = Co warto sprawdzić
unsure-intro = Przy tych pytaniach nie masz pewności. Spróbuj się tego dowiedzieć, zanim przyjmiesz ofertę.
unsure-none = Przy żadnym pytaniu nie wybrano odpowiedzi „Nie mam pewności”.
unsure-generic = Zapytaj osobę, która złożyła ofertę, i poproś o odpowiedź na piśmie.
unsure-see-above = Wszystkie pytania, przy których nie masz pewności, są wymienione na górze, razem z tym, co warto sprawdzić.
declined-heading = Pytania, na które wolisz nie odpowiadać
helplines-heading = Gdzie szukać pomocy
country-label = Gdzie teraz jesteś?
country-other = Inny kraj
helpline-free = Bezpłatne połączenie
helpline-hours = Godziny: { $hours }
helpline-languages = Języki: { $languages }
helpline-check = Sprawdź ten numer: nie udało się potwierdzić, że jest aktualny.
helplines-none = Na liście nie ma jeszcze telefonu zaufania dla tego kraju. W nagłej sytuacji zadzwoń pod numer 112.
emergency-name = Numer alarmowy (policja, pogotowie ratunkowe, straż pożarna)
print-button = Drukuj lub zapisz jako PDF
restart-button = Zacznij od nowa
restart-hint = Rozpoczęcie od nowa usuwa wszystkie odpowiedzi.
share-heading = Udostępnij wynik
share-text = Strona { $site } prosi o wynik: poziom obaw i znalezione sygnały ryzyka. Same odpowiedzi nie są wysyłane. Nic nie zostanie przekazane, dopóki nie naciśniesz przycisku.
share-button = Udostępnij wynik
share-done = Wynik został przekazany stronie { $site }.
change-button = Zmień odpowiedzi

## Announcements (live region)

notice-review = Sprawdź swoje odpowiedzi, zanim zobaczysz wynik.
notice-result = Twój wynik jest gotowy.
notice-restarted = Wszystkie odpowiedzi zostały usunięte. Jesteś znowu na początku.

## Fallback after an internal error

fallback-heading = Coś poszło nie tak
fallback-text = To sprawdzenie przestało działać. Żadna twoja odpowiedź nie została zapisana ani wysłana. Jeśli potrzebujesz pomocy teraz, zadzwoń pod jeden z tych numerów.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Sprawdź ofertę prywatnie
page-failed-heading = Nie udało się uruchomić sprawdzenia
page-failed-text = Nie załadowało się, może z powodu słabego połączenia. Możesz odświeżyć stronę i spróbować jeszcze raz. Jeśli potrzebujesz pomocy teraz, zadzwoń pod numer 112 albo pod jeden z numerów pomocy poniżej.
page-no-wasm-text = Ta przeglądarka nie może uruchomić sprawdzenia: potrzebuje do tego WebAssembly, który jest tu wyłączony (na przykład przez tryb blokady (Lockdown Mode) w iPhonie albo przez ustawienie bezpieczeństwa). Zamiast tego możesz zadzwonić pod jeden z numerów pomocy poniżej i porozmawiać o ofercie. W nagłej sytuacji zadzwoń pod numer 112.
page-no-script-text = To sprawdzenie potrzebuje JavaScriptu, który jest wyłączony w tej przeglądarce. Jeśli potrzebujesz pomocy teraz, zadzwoń pod numer 112 albo pod jeden z numerów pomocy poniżej.
page-checklist-link = Możesz też otworzyć listę kontrolną z tymi samymi pytaniami do wydruku: działa bez tego sprawdzenia, także na papierze.
