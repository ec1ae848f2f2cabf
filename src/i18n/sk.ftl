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
danger-heading = Môžete byť v nebezpečenstve
danger-text = Ak ste teraz v nebezpečenstve alebo nemôžete odísť, volajte číslo tiesňového volania. Hovor je bezplatný.
danger-emergency = Tiesňové volanie
danger-helpline = Národná linka pomoci
concerns-heading = Čo vzbudilo obavy
concerns-none = Žiadna z vašich odpovedí v tejto kontrole nezodpovedala varovnému signálu. Napriek tomu verte svojim pocitom, majte doklady pri sebe a povedzte niekomu, komu dôverujete, kde ste.
concern-from = Vaša odpoveď na: { $question }
theme-pattern = Viaceré signály v tejto oblasti ukazujú rovnakým smerom.
unsure-heading = Čo treba zistiť
unsure-intro = Pri týchto otázkach ste nevedeli odpovedať naisto. Skúste to zistiť skôr, než ponuku prijmete.
unsure-none = Na žiadnu otázku ste neodpovedali „Neviem naisto“.
unsure-generic = Opýtajte sa človeka, ktorý vám ponuku dal, a požiadajte ho o odpoveď písomne.
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
