# riskscreen widget: UI strings, Czech (cs). Not reviewed by a native speaker.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Czech:
# one (1), few (2–4), many (fractions: 1,5), other (0, 5 and more).
# The reader is addressed with formal "vy", as in Czech public-service and NGO materials.
# "I'm not sure" is „Nevím jistě“: gender-neutral, unlike „Nejsem si jistý/jistá“.

## Quick exit (on every screen)

exit-button = Rychle odejít
exit-hint = nebo stiskněte 3krát Shift
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Tísňová linka: 112
exit-progress = { $remaining ->
    [one] Pro odchod stiskněte Shift ještě { $remaining }krát.
    [few] Pro odchod stiskněte Shift ještě { $remaining }krát.
    [many] Pro odchod stiskněte Shift ještě { $remaining }krát.
   *[other] Pro odchod stiskněte Shift ještě { $remaining }krát.
}
exit-cover = Načítání…

## Language picker

language-label = Jazyk

## Start screen

start-private = Nic z toho, co odpovíte, neopustí toto zařízení. Nic se neukládá ani neodesílá. Když stránku zavřete, vaše odpovědi zmizí.
start-time = { $minutes ->
    [one] Zabere to asi { $minutes } minutu.
    [few] Zabere to asi { $minutes } minuty.
    [many] Zabere to asi { $minutes } minuty.
   *[other] Zabere to asi { $minutes } minut.
}
start-questions = { $count ->
    [one] Čeká vás { $count } otázka, jedna na každé obrazovce.
    [few] Čekají vás asi { $count } otázky, vždy jedna na obrazovce.
    [many] Čeká vás asi { $count } otázky, vždy jedna na obrazovce.
   *[other] Čeká vás asi { $count } otázek, vždy jedna na obrazovce.
}
start-not-verdict = Výsledek ukáže varovné signály. Nejde o hodnocení vás ani člověka, který vám nabídku dal.
start-exit = Pokud se k vám někdo přiblíží, stiskněte nahoře „Rychle odejít“ nebo třikrát stiskněte klávesu Shift. Stránka se přepne na web o počasí.
start-not-verdict-intake = Jde o úvodní posouzení, ne o hodnocení kohokoli. Dotyčný člověk může kdykoli přestat a nemusí odpovídat na všechny otázky.
start-exit-intake = Pokud se přiblíží někdo, kdo by to neměl vidět, stiskněte nahoře „Rychle odejít“ nebo třikrát stiskněte klávesu Shift. Stránka se přepne na web o počasí.
start-not-verdict-platform = Prověřuje se nabídka, ne člověk, který ji zveřejnil. Výsledek ukazuje varovné signály v nabídce a nic nedokazuje.
start-button = Začít

## Question screen

progress = Otázka { $position } z přibližně { $total }
why-heading = Proč se ptáme:
answer-yes = Ano
answer-no = Ne
answer-unsure = Nevím jistě
answer-declined = Nechci odpovídat
choose-one = Vyberte jednu odpověď.
choose-any = Vyberte vše, co platí.
error-heading = Vyskytl se problém
error-choose = Chcete-li pokračovat, vyberte odpověď. Pokud nevíte, vyberte „Nevím jistě“.
error-choose-plain = Chcete-li pokračovat, vyberte odpověď.
next-button = Další
back-button = Zpět

## Review screen

review-heading = Zkontrolujte své odpovědi
review-intro = { $count ->
    [one] Odpověděli jste na { $count } otázku.
    [few] Odpověděli jste na { $count } otázky.
    [many] Odpověděli jste na { $count } otázky.
   *[other] Odpověděli jste na { $count } otázek.
} Než uvidíte výsledek, můžete kteroukoli odpověď změnit.
review-change = Změnit
review-change-hidden = vaši odpověď na otázku: { $question }
review-return = Zpět k odpovědím
review-result-button = Zobrazit výsledek

## Result screen

result-heading = Váš výsledek
result-disclaimer = Nejde o verdikt. Výsledek ukazuje varovné signály ve vašich odpovědích, aby vám pomohl rozhodnout se, co dál.
# Read aloud with a voice on the device (never a network voice).
listen-button = Poslechnout
listen-stop = Zastavit
listen-unavailable = Poslech není na tomto zařízení k dispozici: nemá hlas pro tento jazyk, který funguje bez internetu.
danger-heading = Možná jste v nebezpečí
danger-text = Pokud jste teď v nebezpečí nebo nemůžete odejít, zavolejte na tísňové číslo. Hovor je zdarma.
danger-emergency = Tísňové číslo
danger-helpline = Národní linka pomoci
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Kde teď jste? Vyberte zemi a uvidíte tamní linku pomoci.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Tento signál je vážný sám o sobě:
    [few] Tyto signály jsou vážné samy o sobě:
    [many] Tyto signály jsou vážné samy o sobě:
   *[other] Tyto signály jsou vážné samy o sobě:
}
level-lifted-by-unsure = { $count ->
    [one] Tato otázka zůstala bez odpovědi, a tak výsledek nemůže znít „žádné signály“:
    [few] Tyto otázky zůstaly bez odpovědi, a tak výsledek nemůže znít „žádné signály“:
    [many] Tyto otázky zůstaly bez odpovědi, a tak výsledek nemůže znít „žádné signály“:
   *[other] Tyto otázky zůstaly bez odpovědi, a tak výsledek nemůže znít „žádné signály“:
}
level-undetermined = Na příliš mnoho otázek zní odpověď „Nevím jistě“ nebo chybí, a tak tato kontrola nemůže dát výsledek.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Použité indikátory a pravidlo:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Co zjistit nejdřív
unsure-danger-intro = { $count ->
    [one] U této otázky jste si nebyli jistí, a přitom je důležitá pro vaši bezpečnost.
    [few] U těchto otázek jste si nebyli jistí, a přitom jsou důležité pro vaši bezpečnost.
    [many] U těchto otázek jste si nebyli jistí, a přitom jsou důležité pro vaši bezpečnost.
   *[other] U těchto otázek jste si nebyli jistí, a přitom jsou důležité pro vaši bezpečnost.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Na tuto otázku jste neodpověděli, a přitom je důležitá pro vaši bezpečnost.
    [few] U těchto otázek jste si nebyli jistí nebo jste na ně neodpověděli, a přitom jsou důležité pro vaši bezpečnost.
    [many] U těchto otázek jste si nebyli jistí nebo jste na ně neodpověděli, a přitom jsou důležité pro vaši bezpečnost.
   *[other] U těchto otázek jste si nebyli jistí nebo jste na ně neodpověděli, a přitom jsou důležité pro vaši bezpečnost.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] Tato otázka zůstala otevřená, a přitom je důležitá pro bezpečnost budoucích hostů. Je třeba ji vyjasnit před zveřejněním nabídky.
    [few] Tyto otázky zůstaly otevřené, a přitom jsou důležité pro bezpečnost budoucích hostů. Je třeba je vyjasnit před zveřejněním nabídky.
    [many] Tyto otázky zůstaly otevřené, a přitom jsou důležité pro bezpečnost budoucích hostů. Je třeba je vyjasnit před zveřejněním nabídky.
   *[other] Tyto otázky zůstaly otevřené, a přitom jsou důležité pro bezpečnost budoucích hostů. Je třeba je vyjasnit před zveřejněním nabídky.
}
unsure-danger-help = Pokud to nemůžete zjistit nebo se necítíte v bezpečí, zavolejte na některou z linek pomoci níže.
concerns-heading = Co vzbudilo obavy
concerns-none = Žádná z vašich odpovědí neodpovídala varovnému signálu v této kontrole. Přesto důvěřujte svým pocitům, mějte doklady u sebe a řekněte někomu, komu důvěřujete, kde jste.
concern-from = Vaše odpověď na otázku: { $question }
theme-pattern = Několik signálů v této oblasti ukazuje stejným směrem.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Několik signálů v této oblasti ukazuje stejným směrem. Podle použitého pravidla posilují ostatní oblasti, ale nemohou je nahradit.
unsure-heading = Co je třeba zjistit
unsure-intro = U těchto otázek jste si nebyli jistí. Zkuste to zjistit, než nabídku přijmete.
unsure-none = Na žádnou otázku jste neodpověděli „Nevím jistě“.
unsure-generic = Zeptejte se člověka, který vám nabídku dal, a požádejte o odpověď písemně.
unsure-see-above = Vše, čím jste si nebyli jistí, je uvedeno nahoře spolu s tím, co je třeba zjistit.
declined-heading = Otázky, na které jste se rozhodli neodpovídat
helplines-heading = Kde najít pomoc
country-label = Kde jste teď?
country-other = Jiná země
helpline-free = Volání zdarma
helpline-hours = Provozní doba: { $hours }
helpline-languages = Jazyky: { $languages }
helpline-check = Ověřte si prosím toto číslo: nepodařilo se potvrdit, že stále platí.
helplines-none = Pro tuto zemi zatím v seznamu žádnou linku pomoci nemáme. V nouzi volejte 112.
emergency-name = Tísňové volání (policie, záchranná služba, hasiči)
print-button = Vytisknout nebo uložit jako PDF
restart-button = Začít znovu
restart-hint = Když začnete znovu, všechny odpovědi se smažou.
share-heading = Sdílet výsledek
share-text = Web { $site } žádá o výsledek: míru obav a nalezené známky rizika. Vaše odpovědi samotné se neodesílají. Nic se nesdílí, dokud nestisknete tlačítko.
share-button = Sdílet výsledek
share-done = Výsledek byl předán webu { $site }.
change-button = Změnit odpovědi

## Announcements (live region)

notice-review = Než uvidíte výsledek, zkontrolujte své odpovědi.
notice-result = Váš výsledek je připraven.
notice-restarted = Všechny odpovědi jsou smazány. Jste zpět na začátku.

## Fallback after an internal error

fallback-heading = Něco se pokazilo
fallback-text = Tato kontrola přestala fungovat. Nic z toho, co jste odpověděli, se neuložilo ani neodeslalo. Pokud teď potřebujete pomoc, zavolejte na některé z těchto čísel.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Prověřte si nabídku v soukromí
page-failed-heading = Kontrolu se nepodařilo spustit
page-failed-text = Nenačetla se, možná kvůli slabému připojení. Můžete stránku načíst znovu a zkusit to ještě jednou. Pokud teď potřebujete pomoc, zavolejte na 112 nebo na některou z linek pomoci níže.
page-no-wasm-text = Tento prohlížeč nemůže kontrolu spustit: potřebuje k ní WebAssembly, který je tady vypnutý (například režimem uzamčení (Lockdown Mode) na iPhonu nebo bezpečnostním nastavením). Místo toho můžete zavolat na některou z linek pomoci níže a promluvit si o nabídce. V nouzi volejte 112.
page-no-script-text = Tato kontrola potřebuje JavaScript, který je v tomto prohlížeči vypnutý. Pokud teď potřebujete pomoc, zavolejte na 112 nebo na některou z linek pomoci níže.
page-checklist-link = Nebo si otevřete kontrolní seznam se stejnými otázkami k tisku: funguje i bez této kontroly, také na papíře.
