# riskscreen widget: UI strings, Slovak (slovenčina).
# Not reviewed by a native speaker: written by a non-native translator; review needed before release.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Slovak:
# one (1), few (2–4), many (fractions, e.g. 1,5), other (0, 5 and more).
# Address form: formal "vy" (vykanie), as in Slovak public-service and NGO texts; past tense
# in the plural ("ste odpovedali") is gender-neutral. "I'm not sure" is „Neviem naisto“:
# gender-neutral, unlike „Nie som si istý/istá“.

## Quick exit (on every screen)

exit-button = Rýchlo odísť
exit-hint = alebo stlačte 3-krát Shift
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Tiesňová linka: 112
exit-progress = { $remaining ->
    [one] Ak chcete odísť, stlačte Shift ešte { $remaining }-krát.
    [few] Ak chcete odísť, stlačte Shift ešte { $remaining }-krát.
    [many] Ak chcete odísť, stlačte Shift ešte { $remaining }-krát.
   *[other] Ak chcete odísť, stlačte Shift ešte { $remaining }-krát.
}
exit-cover = Načítava sa…

## Language picker

language-label = Jazyk

## Start screen

start-private = Nič z toho, čo odpoviete, neopustí toto zariadenie. Nič sa neukladá ani neodosiela. Keď stránku zavriete, vaše odpovede zmiznú.
start-time = { $minutes ->
    [one] Trvá to približne { $minutes } minútu.
    [few] Trvá to približne { $minutes } minúty.
    [many] Trvá to približne { $minutes } minúty.
   *[other] Trvá to približne { $minutes } minút.
}
start-questions = { $count ->
    [one] Čaká vás { $count } otázka.
    [few] Čakajú vás približne { $count } otázky, po jednej na obrazovke.
    [many] Čaká vás približne { $count } otázky, po jednej na obrazovke.
   *[other] Čaká vás približne { $count } otázok, po jednej na obrazovke.
}
start-not-verdict = Výsledok ukáže varovné signály. Nie je to posudok o vás ani o človeku, ktorý vám ponuku dal.
start-exit = Ak sa k vám niekto priblíži, stlačte hore „Rýchlo odísť“ alebo trikrát stlačte kláves Shift. Stránka sa prepne na stránku o počasí.
start-not-verdict-intake = Ide o úvodné posúdenie, nie o posudok o niekom. Dotyčný človek môže kedykoľvek prestať a nemusí odpovedať na všetky otázky.
start-exit-intake = Ak sa priblíži niekto, kto by to nemal vidieť, stlačte hore „Rýchlo odísť“ alebo trikrát stlačte kláves Shift. Stránka sa prepne na stránku o počasí.
start-not-verdict-platform = Kontroluje sa ponuka, nie človek, ktorý ju zverejnil. Výsledok ukazuje varovné signály v ponuke a nič nedokazuje.
start-button = Začať

## Question screen

progress = Otázka { $position } z približne { $total }
why-heading = Prečo sa pýtame:
answer-yes = Áno
answer-no = Nie
answer-unsure = Neviem naisto
answer-declined = Radšej neodpoviem
choose-one = Vyberte jednu odpoveď.
choose-any = Vyberte všetko, čo platí.
error-heading = Vyskytol sa problém
error-choose = Ak chcete pokračovať, vyberte odpoveď. Ak to neviete, vyberte „Neviem naisto“.
error-choose-plain = Ak chcete pokračovať, vyberte odpoveď.
next-button = Ďalej
back-button = Späť

## Review screen

review-heading = Skontrolujte svoje odpovede
review-intro = { $count ->
    [one] Odpovedali ste na { $count } otázku.
    [few] Odpovedali ste na { $count } otázky.
    [many] Odpovedali ste na { $count } otázky.
   *[other] Odpovedali ste na { $count } otázok.
} Skôr než uvidíte výsledok, môžete zmeniť ktorúkoľvek odpoveď.
review-change = Zmeniť
review-change-hidden = vašu odpoveď na: { $question }
review-return = Späť k vašim odpovediam
review-result-button = Zobraziť výsledok

## Result screen

result-heading = Váš výsledok
result-disclaimer = Nie je to verdikt. Výsledok ukazuje varovné signály vo vašich odpovediach, aby ste sa ľahšie rozhodli, čo robiť ďalej.
# Read aloud with a voice on the device (never a network voice).
listen-button = Vypočuť
listen-stop = Zastaviť
listen-unavailable = Počúvanie nie je na tomto zariadení k dispozícii: nemá hlas pre tento jazyk, ktorý funguje bez internetu.
danger-heading = Môžete byť v nebezpečenstve
danger-text = Ak ste teraz v nebezpečenstve alebo nemôžete odísť, volajte číslo tiesňového volania. Hovor je bezplatný.
danger-emergency = Tiesňové volanie
danger-helpline = Národná linka pomoci
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Kde ste teraz? Vyberte krajinu a uvidíte tamojšiu linku pomoci.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Tento signál je vážny sám osebe:
    [few] Tieto signály sú vážne samy osebe:
    [many] Tieto signály sú vážne samy osebe:
   *[other] Tieto signály sú vážne samy osebe:
}
level-lifted-by-unsure = { $count ->
    [one] Táto otázka zostala bez odpovede, preto výsledok nemôže znieť „žiadne signály“:
    [few] Tieto otázky zostali bez odpovede, preto výsledok nemôže znieť „žiadne signály“:
    [many] Tieto otázky zostali bez odpovede, preto výsledok nemôže znieť „žiadne signály“:
   *[other] Tieto otázky zostali bez odpovede, preto výsledok nemôže znieť „žiadne signály“:
}
level-undetermined = Na príliš veľa otázok znie odpoveď „Neviem naisto“ alebo chýba, preto táto kontrola nemôže dať výsledok.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Použité indikátory a pravidlo:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Čo zistiť najskôr
unsure-danger-intro = { $count ->
    [one] Pri tejto otázke ste nevedeli odpovedať naisto, a pritom je dôležitá pre vašu bezpečnosť.
    [few] Pri týchto otázkach ste nevedeli odpovedať naisto, a pritom sú dôležité pre vašu bezpečnosť.
    [many] Pri týchto otázkach ste nevedeli odpovedať naisto, a pritom sú dôležité pre vašu bezpečnosť.
   *[other] Pri týchto otázkach ste nevedeli odpovedať naisto, a pritom sú dôležité pre vašu bezpečnosť.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Na túto otázku ste neodpovedali, a pritom je dôležitá pre vašu bezpečnosť.
    [few] Pri týchto otázkach ste nevedeli odpovedať naisto alebo ste na ne neodpovedali, a pritom sú dôležité pre vašu bezpečnosť.
    [many] Pri týchto otázkach ste nevedeli odpovedať naisto alebo ste na ne neodpovedali, a pritom sú dôležité pre vašu bezpečnosť.
   *[other] Pri týchto otázkach ste nevedeli odpovedať naisto alebo ste na ne neodpovedali, a pritom sú dôležité pre vašu bezpečnosť.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] Táto otázka zostala otvorená, a pritom je dôležitá pre bezpečnosť budúcich hostí. Treba ju vyjasniť pred zverejnením ponuky.
    [few] Tieto otázky zostali otvorené, a pritom sú dôležité pre bezpečnosť budúcich hostí. Treba ich vyjasniť pred zverejnením ponuky.
    [many] Tieto otázky zostali otvorené, a pritom sú dôležité pre bezpečnosť budúcich hostí. Treba ich vyjasniť pred zverejnením ponuky.
   *[other] Tieto otázky zostali otvorené, a pritom sú dôležité pre bezpečnosť budúcich hostí. Treba ich vyjasniť pred zverejnením ponuky.
}
unsure-danger-help = Ak to nemôžete zistiť alebo sa necítite v bezpečí, zavolajte na niektorú z liniek pomoci nižšie.
concerns-heading = Čo vzbudilo obavy
concerns-none = Žiadna z vašich odpovedí v tejto kontrole nezodpovedala varovnému signálu. Napriek tomu verte svojim pocitom, majte doklady pri sebe a povedzte niekomu, komu dôverujete, kde ste.
concern-from = Vaša odpoveď na: { $question }
theme-pattern = Viaceré signály v tejto oblasti ukazujú rovnakým smerom.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Viaceré signály v tejto oblasti ukazujú rovnakým smerom. Podľa použitého pravidla posilňujú ostatné oblasti, ale nemôžu ich nahradiť.
unsure-heading = Čo treba zistiť
unsure-intro = Pri týchto otázkach ste nevedeli odpovedať naisto. Skúste to zistiť skôr, než ponuku prijmete.
unsure-none = Na žiadnu otázku ste neodpovedali „Neviem naisto“.
unsure-generic = Opýtajte sa človeka, ktorý vám ponuku dal, a požiadajte ho o odpoveď písomne.
unsure-see-above = Všetko, pri čom ste nevedeli odpovedať naisto, je uvedené hore spolu s tým, čo treba zistiť.
declined-heading = Otázky, na ktoré ste sa rozhodli neodpovedať
helplines-heading = Kde nájsť pomoc
country-label = Kde ste teraz?
country-other = Iná krajina
helpline-free = Bezplatné volanie
helpline-hours = Dostupnosť: { $hours }
helpline-languages = Jazyky: { $languages }
helpline-check = Overte si toto číslo: nepodarilo sa potvrdiť, že je aktuálne.
helplines-none = Pre túto krajinu zatiaľ v zozname nie je žiadna linka pomoci. V núdzi volajte 112.
emergency-name = Tiesňové volanie (polícia, záchranná služba, hasiči)
print-button = Vytlačiť alebo uložiť ako PDF
restart-button = Začať znova
restart-hint = Ak začnete znova, všetky odpovede sa vymažú.
share-heading = Zdieľať výsledok
share-text = Web { $site } žiada o výsledok: mieru obáv a nájdené znaky rizika. Vaše odpovede samotné sa neodosielajú. Nič sa nezdieľa, kým nestlačíte tlačidlo.
share-button = Zdieľať výsledok
share-done = Výsledok bol odovzdaný webu { $site }.
change-button = Zmeniť odpovede

## Announcements (live region)

notice-review = Skôr než uvidíte výsledok, skontrolujte svoje odpovede.
notice-result = Váš výsledok je pripravený.
notice-restarted = Všetky odpovede sú vymazané. Ste znova na začiatku.

## Fallback after an internal error

fallback-heading = Niečo sa pokazilo
fallback-text = Táto kontrola prestala fungovať. Nič z toho, čo ste odpovedali, sa neuložilo ani neodoslalo. Ak teraz potrebujete pomoc, zavolajte na niektoré z týchto čísel.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Overte si ponuku v súkromí
page-failed-heading = Kontrolu sa nepodarilo spustiť
page-failed-text = Nenačítala sa, možno pre slabé pripojenie. Môžete stránku načítať znova a skúsiť to ešte raz. Ak teraz potrebujete pomoc, zavolajte na 112 alebo na niektorú z liniek pomoci nižšie.
page-no-wasm-text = Tento prehliadač nemôže kontrolu spustiť: potrebuje na ňu WebAssembly, ktorý je tu vypnutý (napríklad režimom uzamknutia (Lockdown Mode) na iPhone alebo bezpečnostným nastavením). Namiesto toho môžete zavolať na niektorú z liniek pomoci nižšie a porozprávať sa o ponuke. V núdzi volajte 112.
page-no-script-text = Táto kontrola potrebuje JavaScript, ktorý je v tomto prehliadači vypnutý. Ak teraz potrebujete pomoc, zavolajte na 112 alebo na niektorú z liniek pomoci nižšie.
page-checklist-link = Alebo si otvorte kontrolný zoznam s rovnakými otázkami na tlač: funguje aj bez tejto kontroly, aj na papieri.
