# riskscreen widget: UI strings, Romanian.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Romanian:
# one (1), few (0, 2–19, 101–119…), other (20–100, 120–200…: "20 de minute", with "de").
# Not reviewed by a native speaker: written by a non-native translator for the project.
# Polite "dumneavoastră" form, as UNHCR and La Strada use in Romanian for refugees.
# [one] variants spell out "o"/"un" (1) instead of the digit, as Romanian prose does.
# "I'm not sure" is „Nu știu sigur”: gender-neutral, unlike „Nu sunt sigur/sigură”.

## Quick exit (on every screen)

exit-button = Ieșiți rapid
exit-hint = sau apăsați Shift de 3 ori
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Urgențe: 112
exit-progress = { $remaining ->
    [one] Mai apăsați Shift o dată ca să ieșiți.
    [few] Mai apăsați Shift de { $remaining } ori ca să ieșiți.
   *[other] Mai apăsați Shift de { $remaining } de ori ca să ieșiți.
}
exit-cover = Se încarcă…

## Language picker

language-label = Limba

## Start screen

start-private = Nimic din ce răspundeți nu pleacă de pe acest dispozitiv. Nimic nu se salvează și nimic nu se trimite. Când închideți pagina, răspunsurile dispar.
start-time = { $minutes ->
    [one] Durează aproximativ un minut.
    [few] Durează aproximativ { $minutes } minute.
   *[other] Durează aproximativ { $minutes } de minute.
}
start-questions = { $count ->
    [one] Este o singură întrebare.
    [few] Sunt aproximativ { $count } întrebări, câte una pe ecran.
   *[other] Sunt aproximativ { $count } de întrebări, câte una pe ecran.
}
start-not-verdict = Rezultatul arată semne de avertizare. Nu este o judecată despre dumneavoastră sau despre persoana care a făcut oferta.
start-exit = Dacă se apropie cineva, apăsați „Ieșiți rapid” sus sau apăsați de trei ori tasta Shift. Pagina se schimbă într-un site cu prognoza meteo.
start-not-verdict-intake = Aceasta este o evaluare preliminară, nu o judecată despre cineva. Persoana se poate opri oricând și nu este obligată să răspundă la toate întrebările.
start-exit-intake = Dacă se apropie cineva care nu ar trebui să vadă asta, apăsați „Ieșiți rapid” sus sau apăsați de trei ori tasta Shift. Pagina se schimbă într-un site cu prognoza meteo.
start-not-verdict-platform = Această verificare privește oferta, nu persoana care a publicat-o. Rezultatul arată semne de avertizare în ofertă și nu dovedește nimic.
start-button = Începeți

## Question screen

progress = Întrebarea { $position } din aproximativ { $total }
why-heading = De ce întrebăm:
answer-yes = Da
answer-no = Nu
answer-unsure = Nu știu sigur
answer-declined = Prefer să nu răspund
choose-one = Alegeți un singur răspuns.
choose-any = Alegeți tot ce se potrivește.
error-heading = A apărut o problemă
error-choose = Alegeți un răspuns ca să mergeți mai departe. Dacă nu știți, alegeți „Nu știu sigur”.
error-choose-plain = Alegeți un răspuns ca să mergeți mai departe.
next-button = Înainte
back-button = Înapoi

## Review screen

review-heading = Verificați-vă răspunsurile
review-intro = { $count ->
    [one] Ați răspuns la o întrebare.
    [few] Ați răspuns la { $count } întrebări.
   *[other] Ați răspuns la { $count } de întrebări.
} Puteți schimba orice răspuns înainte să vedeți rezultatul.
review-change = Schimbați
review-change-hidden = răspunsul dumneavoastră la: { $question }
review-return = Înapoi la răspunsurile dumneavoastră
review-result-button = Vedeți rezultatul

## Result screen

result-heading = Rezultatul dumneavoastră
result-disclaimer = Acesta nu este un verdict. Arată semnele de avertizare din răspunsurile dumneavoastră, ca să vă ajute să hotărâți ce faceți mai departe.
# Read aloud with a voice on the device (never a network voice).
listen-button = Ascultați
listen-stop = Opriți
listen-unavailable = Ascultarea nu este disponibilă pe acest dispozitiv: nu are o voce pentru această limbă care să funcționeze fără internet.
danger-heading = Este posibil să fiți în pericol
danger-text = Dacă sunteți în pericol acum sau nu puteți pleca, sunați la numărul de urgență. Apelul este gratuit.
danger-emergency = Numărul de urgență
danger-helpline = Linia națională de asistență
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Unde vă aflați acum? Alegeți țara ca să vedeți linia de asistență de acolo.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Acest semn este grav în sine:
    [few] Aceste semne sunt grave în sine:
   *[other] Aceste semne sunt grave în sine:
}
level-lifted-by-unsure = { $count ->
    [one] Această întrebare a rămas fără răspuns, deci rezultatul nu poate fi „niciun semn”:
    [few] Aceste întrebări au rămas fără răspuns, deci rezultatul nu poate fi „niciun semn”:
   *[other] Aceste întrebări au rămas fără răspuns, deci rezultatul nu poate fi „niciun semn”:
}
level-undetermined = Prea multe întrebări au primit răspunsul „Nu știu sigur” sau au rămas fără răspuns, așa că această verificare nu poate da un rezultat.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Indicatorii și regula folosite:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Ce trebuie să aflați mai întâi
unsure-danger-intro = { $count ->
    [one] Nu ați știut sigur răspunsul la această întrebare, iar ea contează pentru siguranța dumneavoastră.
    [few] Nu ați știut sigur răspunsul la aceste întrebări, iar ele contează pentru siguranța dumneavoastră.
   *[other] Nu ați știut sigur răspunsul la aceste întrebări, iar ele contează pentru siguranța dumneavoastră.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Nu ați răspuns la această întrebare, iar ea contează pentru siguranța dumneavoastră.
    [few] Nu ați știut sigur răspunsul la aceste întrebări sau nu ați răspuns la ele, iar ele contează pentru siguranța dumneavoastră.
   *[other] Nu ați știut sigur răspunsul la aceste întrebări sau nu ați răspuns la ele, iar ele contează pentru siguranța dumneavoastră.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] Această întrebare a rămas deschisă, iar ea contează pentru siguranța viitorilor oaspeți. Aflați răspunsul înainte de publicarea ofertei.
    [few] Aceste întrebări au rămas deschise, iar ele contează pentru siguranța viitorilor oaspeți. Aflați răspunsurile înainte de publicarea ofertei.
   *[other] Aceste întrebări au rămas deschise, iar ele contează pentru siguranța viitorilor oaspeți. Aflați răspunsurile înainte de publicarea ofertei.
}
unsure-danger-help = Dacă nu puteți afla sau nu vă simțiți în siguranță, sunați la una dintre liniile de asistență de mai jos.
concerns-heading = Ce a atras atenția
concerns-none = Niciunul dintre răspunsurile dumneavoastră nu corespunde unui semn de avertizare din această verificare. Totuși, aveți încredere în ce simțiți, păstrați actele la dumneavoastră și spuneți unei persoane în care aveți încredere unde sunteți.
concern-from = Răspunsul dumneavoastră la: { $question }
theme-pattern = Mai multe semne din acest domeniu arată în aceeași direcție.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Mai multe semne din acest domeniu arată în aceeași direcție. După regula folosită, ele întăresc celelalte domenii, dar nu le pot înlocui.
unsure-heading = Ce trebuie să aflați
unsure-intro = Nu ați știut sigur răspunsul la aceste întrebări. Încercați să aflați înainte să acceptați oferta.
unsure-none = Nu ați răspuns „Nu știu sigur” la nicio întrebare.
unsure-generic = Întrebați persoana care a făcut oferta și cereți răspunsul în scris.
unsure-see-above = Tot ce nu ați știut sigur este enumerat mai sus, împreună cu ce trebuie să aflați.
declined-heading = Întrebări la care ați ales să nu răspundeți
helplines-heading = Unde găsiți ajutor
country-label = Unde vă aflați acum?
country-other = Altă țară
helpline-free = Apel gratuit
helpline-hours = Program: { $hours }
helpline-languages = Limbi: { $languages }
helpline-check = Verificați acest număr: nu s-a putut confirma că este încă valabil.
helplines-none = Lista nu are încă nicio linie de asistență pentru această țară. În caz de urgență, sunați la 112.
emergency-name = Urgențe (poliție, ambulanță, pompieri)
print-button = Tipăriți sau salvați ca PDF
restart-button = Începeți din nou
restart-hint = Dacă începeți din nou, toate răspunsurile se șterg.
share-heading = Trimiteți acest rezultat
share-text = Site-ul { $site } cere rezultatul: nivelul de îngrijorare și semnele de risc găsite. Răspunsurile dumneavoastră nu sunt trimise. Nu se trimite nimic până nu apăsați butonul.
share-button = Trimiteți rezultatul
share-done = Rezultatul a fost trimis către { $site }.
change-button = Schimbați răspunsurile

## Announcements (live region)

notice-review = Verificați-vă răspunsurile înainte să vedeți rezultatul.
notice-result = Rezultatul dumneavoastră este gata.
notice-restarted = Toate răspunsurile au fost șterse. Sunteți din nou la început.

## Fallback after an internal error

fallback-heading = Ceva nu a funcționat
fallback-text = Această verificare nu mai funcționează. Nimic din ce ați răspuns nu a fost salvat sau trimis. Dacă aveți nevoie de ajutor acum, sunați la unul dintre aceste numere.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Verificați o ofertă în mod confidențial
page-failed-heading = Verificarea nu a putut porni
page-failed-text = Nu s-a încărcat, poate din cauza unei conexiuni slabe. Puteți reîncărca pagina ca să încercați din nou. Dacă aveți nevoie de ajutor acum, sunați la 112 sau la una dintre liniile de asistență de mai jos.
page-no-wasm-text = Acest browser nu poate rula verificarea: are nevoie de WebAssembly, care aici este dezactivat (de exemplu de modul Lockdown de pe un iPhone sau de o setare de securitate). În schimb, puteți suna la una dintre liniile de asistență de mai jos și puteți vorbi despre ofertă. În caz de urgență, sunați la 112.
page-no-script-text = Această verificare are nevoie de JavaScript, care este dezactivat în acest browser. Dacă aveți nevoie de ajutor acum, sunați la 112 sau la una dintre liniile de asistență de mai jos.
page-checklist-link = Sau deschideți o listă de verificare cu aceleași întrebări, pentru tipărit: funcționează fără această verificare, și pe hârtie.
