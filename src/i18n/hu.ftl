# riskscreen widget: UI strings, Hungarian.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Hungarian:
# one (1), other (0, 2 and more). Nouns stay singular after numbers ("3 kérdés").
# Not reviewed by a native speaker yet. Register: formal address (magázás) through the
# verb forms, the pronoun "Ön" only where needed, never "maga". "I'm not sure" is
# „Nem tudom biztosan” (short enough for a 320 px button). Placeholders never take
# Hungarian case endings (their vowel harmony depends on the number).

## Quick exit (on every screen)

exit-button = Gyors kilépés
exit-hint = vagy nyomja meg háromszor a Shiftet
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Segélyhívó: 112
exit-progress = { $remaining ->
    [one] A kilépéshez nyomja meg a Shiftet még { $remaining } alkalommal.
   *[other] A kilépéshez nyomja meg a Shiftet még { $remaining } alkalommal.
}
exit-cover = Betöltés…

## Language picker

language-label = Nyelv

## Start screen

start-private = Semmi, amit válaszol, nem hagyja el ezt az eszközt. Semmit nem mentünk és nem küldünk el. Ha bezárja az oldalt, a válaszai törlődnek.
start-time = { $minutes ->
    [one] Körülbelül { $minutes } percig tart.
   *[other] Körülbelül { $minutes } percig tart.
}
start-questions = { $count ->
    [one] { $count } kérdés van, képernyőnként egy.
   *[other] Körülbelül { $count } kérdés van, képernyőnként egy.
}
start-not-verdict = Az eredmény figyelmeztető jeleket mutat. Nem ítélet sem Önről, sem arról, aki az ajánlatot tette.
start-exit = Ha valaki a közelébe jön, nyomja meg fent a „Gyors kilépés” gombot, vagy nyomja meg háromszor a Shift billentyűt. Az oldal átvált egy időjárás-oldalra.
start-not-verdict-intake = Ez egy előzetes felmérés, nem ítélet senkiről. Az érintett bármikor abbahagyhatja, és nem kell minden kérdésre válaszolnia.
start-exit-intake = Ha olyasvalaki jön a közelbe, akinek ezt nem kellene látnia, nyomja meg fent a „Gyors kilépés” gombot, vagy nyomja meg háromszor a Shift billentyűt. Az oldal átvált egy időjárás-oldalra.
start-not-verdict-platform = Ez az ellenőrzés az ajánlatról szól, nem arról, aki feltette. Az eredmény az ajánlat figyelmeztető jeleit mutatja, és semmit sem bizonyít.
start-button = Kezdés

## Question screen

progress = { $position }. kérdés (összesen kb. { $total })
why-heading = Miért kérdezzük:
answer-yes = Igen
answer-no = Nem
answer-unsure = Nem tudom biztosan
answer-declined = Nem szeretnék válaszolni
choose-one = Jelöljön meg egy választ.
choose-any = Jelöljön meg mindent, ami igaz.
error-heading = Hiba
error-choose = A továbblépéshez jelöljön meg egy választ. Ha nem tudja, válassza ezt: „Nem tudom biztosan”.
error-choose-plain = A továbblépéshez jelöljön meg egy választ.
next-button = Tovább
back-button = Vissza

## Review screen

review-heading = Ellenőrizze a válaszait
review-intro = { $count ->
    [one] { $count } kérdésre válaszolt.
   *[other] { $count } kérdésre válaszolt.
} Az eredmény megtekintése előtt bármelyik válaszát módosíthatja.
review-change = Módosítás
review-change-hidden = (válasza erre a kérdésre: { $question })
review-return = Vissza a válaszaihoz
review-result-button = Az eredmény megtekintése

## Result screen

result-heading = Az eredménye
result-disclaimer = Ez nem ítélet. A válaszaiban talált figyelmeztető jeleket mutatja, hogy könnyebben eldönthesse, mit tegyen.
# Read aloud with a voice on the device (never a network voice).
listen-button = Felolvasás
listen-stop = Felolvasás leállítása
listen-unavailable = Ezen az eszközön nem érhető el a felolvasás: nincs rajta ehhez a nyelvhez olyan hang, amely internet nélkül működik.
danger-heading = Lehet, hogy veszélyben van
danger-text = Ha most veszélyben van, vagy nem tud elmenni, hívja a segélyhívó számot. A hívás ingyenes.
danger-emergency = Segélyhívó szám
danger-helpline = Országos segélyvonal
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Hol van most? Válassza ki az országot, és megjelenik az ottani segélyvonal.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Ez a jel önmagában is súlyos:
   *[other] Ezek a jelek önmagukban is súlyosak:
}
level-lifted-by-unsure = { $count ->
    [one] Ez a kérdés megválaszolatlan maradt, ezért az eredmény nem lehet „nincs jel”:
   *[other] Ezek a kérdések megválaszolatlanok maradtak, ezért az eredmény nem lehet „nincs jel”:
}
level-undetermined = Túl sok kérdésre „Nem tudom biztosan” volt a válasz, vagy nem volt válasz, ezért ez az ellenőrzés nem tud eredményt adni.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Az alkalmazott indikátorok és szabály:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Amit először érdemes kideríteni
unsure-danger-intro = { $count ->
    [one] Ebben a kérdésben nem volt biztos, pedig fontos az Ön biztonsága szempontjából.
   *[other] Ezekben a kérdésekben nem volt biztos, pedig fontosak az Ön biztonsága szempontjából.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Erre a kérdésre nem válaszolt, pedig fontos az Ön biztonsága szempontjából.
   *[other] Ezekben a kérdésekben nem volt biztos, vagy nem válaszolt rájuk, pedig fontosak az Ön biztonsága szempontjából.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] Ez a kérdés nyitva maradt, pedig fontos a leendő vendégek biztonsága szempontjából. Az ajánlat közzététele előtt tisztázni kell.
   *[other] Ezek a kérdések nyitva maradtak, pedig fontosak a leendő vendégek biztonsága szempontjából. Az ajánlat közzététele előtt tisztázni kell őket.
}
unsure-danger-help = Ha nem tudja kideríteni, vagy nem érzi magát biztonságban, hívja az alábbi segélyvonalak egyikét.
concerns-heading = Ami aggodalomra ad okot
concerns-none = Egyik válasza sem egyezett az ellenőrzés figyelmeztető jeleivel. Ennek ellenére bízzon az érzéseiben, tartsa magánál az iratait, és mondja el valakinek, akiben megbízik, hol van.
concern-from = Válasza erre a kérdésre: { $question }
theme-pattern = Ezen a területen több jel is ugyanarra utal.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Ezen a területen több jel is ugyanarra utal. Az alkalmazott szabály szerint megerősítik a többi területet, de nem helyettesíthetik őket.
unsure-heading = Amit érdemes kideríteni
unsure-intro = Ezekben a kérdésekben nem volt biztos. Próbálja kideríteni, mielőtt elfogadja az ajánlatot.
unsure-none = Egyik kérdésre sem válaszolta, hogy „Nem tudom biztosan”.
unsure-generic = Kérdezze meg azt, aki az ajánlatot tette, és kérje a választ írásban.
unsure-see-above = Mindaz, amiben nem volt biztos, fent szerepel, azzal együtt, hogy mit érdemes kideríteni.
declined-heading = Kérdések, amelyekre nem kívánt válaszolni
helplines-heading = Hol kaphat segítséget
country-label = Hol van most?
country-other = Másik ország
helpline-free = Ingyenes hívás
helpline-hours = Hívható: { $hours }
helpline-languages = Nyelvek: { $languages }
helpline-check = Kérjük, ellenőrizze ezt a számot: nem tudtuk megerősíteni, hogy még érvényes.
helplines-none = Ehhez az országhoz még nincs segélyvonal a listában. Vészhelyzetben hívja a 112-t.
emergency-name = Segélyhívó (rendőrség, mentők, tűzoltóság)
print-button = Nyomtatás vagy mentés PDF-ként
restart-button = Újrakezdés
restart-hint = Az újrakezdés minden választ töröl.
share-heading = Az eredmény megosztása
share-text = Ez a webhely kéri az eredményt: { $site }. Az aggodalom szintjét és a talált kockázati jeleket kapja meg; magukat a válaszait nem küldjük el. Semmi sem kerül megosztásra, amíg meg nem nyomja a gombot.
share-button = Eredmény megosztása
share-done = Az eredményt megkapta: { $site }.
change-button = Válaszok módosítása

## Announcements (live region)

notice-review = Az eredmény megtekintése előtt ellenőrizze a válaszait.
notice-result = Elkészült az eredménye.
notice-restarted = Minden válasz törölve. Újra az elején van.

## Fallback after an internal error

fallback-heading = Valami hiba történt
fallback-text = Az ellenőrzés leállt. Semmit nem mentettünk és nem küldtünk el a válaszaiból. Ha most segítségre van szüksége, hívja az alábbi számok egyikét.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Ellenőrizze az ajánlatot bizalmasan
page-failed-heading = Az ellenőrzést nem sikerült elindítani
page-failed-text = Nem töltődött be, talán a gyenge kapcsolat miatt. Frissítheti az oldalt, és újra megpróbálhatja. Ha most segítségre van szüksége, hívja a 112-t vagy az alábbi segélyvonalak egyikét.
page-no-wasm-text = Ez a böngésző nem tudja futtatni az ellenőrzést: WebAssembly kell hozzá, ami itt ki van kapcsolva (például egy iPhone zárolási módja (Lockdown Mode) vagy egy biztonsági beállítás miatt). Ehelyett felhívhatja az alábbi segélyvonalak egyikét, és beszélhet velük az ajánlatról. Vészhelyzetben hívja a 112-t.
page-no-script-text = Ehhez az ellenőrzéshez JavaScript kell, ami ebben a böngészőben ki van kapcsolva. Ha most segítségre van szüksége, hívja a 112-t vagy az alábbi segélyvonalak egyikét.
page-checklist-link = Vagy nyissa meg ugyanezen kérdések nyomtatható ellenőrzőlistáját: enélkül az ellenőrzés nélkül is használható, papíron is.
