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
danger-heading = Lehet, hogy veszélyben van
danger-text = Ha most veszélyben van, vagy nem tud elmenni, hívja a segélyhívó számot. A hívás ingyenes.
danger-emergency = Segélyhívó szám
danger-helpline = Országos segélyvonal
concerns-heading = Ami aggodalomra ad okot
concerns-none = Egyik válasza sem egyezett az ellenőrzés figyelmeztető jeleivel. Ennek ellenére bízzon az érzéseiben, tartsa magánál az iratait, és mondja el valakinek, akiben megbízik, hol van.
concern-from = Válasza erre a kérdésre: { $question }
theme-pattern = Ezen a területen több jel is ugyanarra utal.
unsure-heading = Amit érdemes kideríteni
unsure-intro = Ezekben a kérdésekben nem volt biztos. Próbálja kideríteni, mielőtt elfogadja az ajánlatot.
unsure-none = Egyik kérdésre sem válaszolta, hogy „Nem tudom biztosan”.
unsure-generic = Kérdezze meg azt, aki az ajánlatot tette, és kérje a választ írásban.
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
