# riskscreen widget: UI strings, German.
# NOT reviewed by a native speaker: written by a non-native translator; a native-speaker review is
# required before release (see questionnaires/translations/review-status.toml).
# Fluent syntax (https://projectfluent.org). CLDR plural categories for German: one (1), other (0, 2 and more, fractions).
# The widget addresses every reader with formal "Sie", as every German questionnaire and the helpline
# directory do: one register per language (questionnaires/translations/review-status.toml, `register`).
# "I'm not sure" is „Ich bin nicht sicher“ (gender-neutral in German); the questionnaires quote these
# answer labels, so keep them in sync.

## Quick exit (on every screen)

exit-button = Seite schnell verlassen
exit-hint = oder drücken Sie 3-mal Shift
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Notruf: 112
exit-progress = { $remaining ->
    [one] Drücken Sie noch { $remaining } Mal Shift, um die Seite zu verlassen.
   *[other] Drücken Sie noch { $remaining } Mal Shift, um die Seite zu verlassen.
}
exit-cover = Wird geladen…

## Language picker

language-label = Sprache

## Start screen

start-private = Ihre Antworten verlassen dieses Gerät nicht. Nichts wird gespeichert oder gesendet. Wenn Sie die Seite schließen, sind Ihre Antworten weg.
start-time = { $minutes ->
    [one] Das dauert etwa { $minutes } Minute.
   *[other] Das dauert etwa { $minutes } Minuten.
}
start-questions = { $count ->
    [one] Es gibt { $count } Frage, eine pro Seite.
   *[other] Es gibt etwa { $count } Fragen, eine pro Seite.
}
start-not-verdict = Das Ergebnis zeigt Warnzeichen. Es ist kein Urteil über Sie oder über die Person, die Ihnen das Angebot gemacht hat.
start-exit = Wenn jemand in Ihre Nähe kommt, drücken Sie oben auf „Seite schnell verlassen“ oder drücken Sie dreimal die Shift-Taste. Dann erscheint eine Wetterseite.
start-not-verdict-intake = Das ist eine Ersteinschätzung, kein Urteil über irgendjemanden. Die Person kann jederzeit aufhören und muss nicht jede Frage beantworten.
start-exit-intake = Wenn jemand in die Nähe kommt, der das nicht sehen soll, drücken Sie oben auf „Seite schnell verlassen“ oder drücken Sie dreimal die Shift-Taste. Dann erscheint eine Wetterseite.
# Impersonal: it speaks of the offer, not of the moderator reading it.
start-not-verdict-platform = Geprüft wird das Angebot, nicht die Person, die es eingestellt hat. Das Ergebnis zeigt Warnzeichen im Angebot und ist kein Beweis.
start-button = Starten

## Question screen

progress = Frage { $position } von etwa { $total }
why-heading = Warum wir fragen:
answer-yes = Ja
answer-no = Nein
answer-unsure = Ich bin nicht sicher
answer-declined = Möchte ich nicht sagen
choose-one = Wählen Sie eine Antwort.
choose-any = Wählen Sie alles, was passt.
error-heading = Es gibt ein Problem
error-choose = Wählen Sie eine Antwort, um weiterzumachen. Wenn Sie es nicht wissen, wählen Sie „Ich bin nicht sicher“.
error-choose-plain = Wählen Sie eine Antwort, um weiterzumachen.
next-button = Weiter
back-button = Zurück

## Review screen

review-heading = Prüfen Sie Ihre Antworten
review-intro = { $count ->
    [one] Sie haben { $count } Frage beantwortet.
   *[other] Sie haben { $count } Fragen beantwortet.
} Sie können jede Antwort ändern, bevor Sie das Ergebnis sehen.
review-change = Ändern
review-change-hidden = Ihre Antwort auf: { $question }
review-return = Zurück zu Ihren Antworten
review-result-button = Ergebnis ansehen

## Result screen

result-heading = Ihr Ergebnis
result-disclaimer = Das ist kein Urteil. Das Ergebnis zeigt Warnzeichen in Ihren Antworten. Es soll Ihnen helfen zu entscheiden, was Sie als Nächstes tun.
# Read aloud with a voice on the device (never a network voice).
listen-button = Vorlesen
listen-stop = Vorlesen beenden
listen-unavailable = Vorlesen ist auf diesem Gerät nicht möglich: Es hat keine Stimme für diese Sprache, die ohne Internet funktioniert.
danger-heading = Sie sind vielleicht in Gefahr
danger-text = Wenn Sie jetzt in Gefahr sind oder nicht weggehen können, rufen Sie den Notruf an. Der Anruf ist kostenlos.
danger-emergency = Notruf
danger-helpline = Nationales Hilfetelefon
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Wo sind Sie gerade? Wählen Sie das Land aus, dann sehen Sie ein Hilfetelefon dort.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] Dieses Zeichen ist schon für sich allein ernst:
   *[other] Diese Zeichen sind schon für sich allein ernst:
}
level-lifted-by-unsure = { $count ->
    [one] Diese Frage ist offen geblieben, darum kann das Ergebnis nicht „keine Warnzeichen“ lauten:
   *[other] Diese Fragen sind offen geblieben, darum kann das Ergebnis nicht „keine Warnzeichen“ lauten:
}
level-undetermined = Zu viele Fragen wurden mit „Ich bin nicht sicher“ oder gar nicht beantwortet. Darum kann dieser Check kein Ergebnis nennen.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Verwendete Indikatoren und Regel:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Was Sie zuerst herausfinden sollten
unsure-danger-intro = { $count ->
    [one] Bei dieser Frage waren Sie nicht sicher, und sie ist wichtig für Ihre Sicherheit.
   *[other] Bei diesen Fragen waren Sie nicht sicher, und sie sind wichtig für Ihre Sicherheit.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Diese Frage haben Sie nicht beantwortet, und sie ist wichtig für Ihre Sicherheit.
   *[other] Bei diesen Fragen waren Sie nicht sicher oder haben sie nicht beantwortet, und sie sind wichtig für Ihre Sicherheit.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's. Impersonal (see above).
unsure-danger-intro-platform = { $count ->
    [one] Diese Frage ist offen geblieben und ist wichtig für die Sicherheit künftiger Gäste. Sie sollte geklärt sein, bevor das Angebot veröffentlicht wird.
   *[other] Diese Fragen sind offen geblieben und sind wichtig für die Sicherheit künftiger Gäste. Sie sollten geklärt sein, bevor das Angebot veröffentlicht wird.
}
unsure-danger-help = Wenn Sie es nicht herausfinden können oder sich nicht sicher fühlen, rufen Sie eines der Hilfetelefone unten an.
concerns-heading = Was Sorgen macht
concerns-none = Keine Ihrer Antworten passt zu einem Warnzeichen in diesem Check. Trotzdem: Vertrauen Sie Ihrem Gefühl, behalten Sie Ihre Dokumente bei sich und sagen Sie einer Person, der Sie vertrauen, wo Sie sind.
concern-from = Ihre Antwort auf: { $question }
theme-pattern = Mehrere Zeichen in diesem Bereich weisen in dieselbe Richtung.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Mehrere Zeichen in diesem Bereich weisen in dieselbe Richtung. Nach der verwendeten Regel verstärken sie die anderen Bereiche, können sie aber nicht ersetzen.
unsure-heading = Was Sie herausfinden sollten
unsure-intro = Bei diesen Fragen waren Sie nicht sicher. Versuchen Sie, es herauszufinden, bevor Sie das Angebot annehmen.
unsure-none = Sie haben bei keiner Frage „Ich bin nicht sicher“ gewählt.
unsure-generic = Fragen Sie die Person, die das Angebot gemacht hat, und lassen Sie sich die Antwort schriftlich geben.
unsure-see-above = Alles, bei dem Sie nicht sicher waren, steht oben, zusammen mit dem, was Sie herausfinden sollten.
declined-heading = Fragen, die Sie nicht beantworten wollten
helplines-heading = Hier bekommen Sie Hilfe
country-label = Wo sind Sie gerade?
country-other = Ein anderes Land
helpline-free = Anruf kostenlos
helpline-hours = Erreichbar: { $hours }
helpline-languages = Sprachen: { $languages }
helpline-check = Bitte prüfen Sie diese Nummer: Wir konnten nicht bestätigen, dass sie noch aktuell ist.
helplines-none = Für dieses Land gibt es noch kein Hilfetelefon in der Liste. Im Notfall rufen Sie die 112 an.
emergency-name = Notruf (Polizei, Rettungsdienst, Feuerwehr)
print-button = Drucken oder als PDF speichern
restart-button = Neu beginnen
restart-hint = Wenn Sie neu beginnen, werden alle Antworten gelöscht.
share-heading = Ergebnis teilen
share-text = Die Website { $site } bittet um das Ergebnis: wie groß die Sorge ist und welche Warnzeichen gefunden wurden. Ihre Antworten selbst werden nicht gesendet. Nichts wird geteilt, bevor Sie auf den Knopf drücken.
share-button = Ergebnis teilen
share-done = Das Ergebnis wurde an { $site } übermittelt.
change-button = Antworten ändern

## Announcements (live region)

notice-review = Prüfen Sie Ihre Antworten, bevor Sie das Ergebnis sehen.
notice-result = Ihr Ergebnis ist da.
notice-restarted = Alle Antworten sind gelöscht. Sie sind wieder am Anfang.

## Fallback after an internal error

fallback-heading = Etwas ist schiefgelaufen
fallback-text = Dieser Check funktioniert nicht mehr. Keine Ihrer Antworten wurde gespeichert oder gesendet. Wenn Sie jetzt Hilfe brauchen, rufen Sie eine dieser Nummern an.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Ein Angebot vertraulich prüfen
page-failed-heading = Der Check konnte nicht starten
page-failed-text = Er wurde nicht geladen, vielleicht wegen einer schwachen Verbindung. Sie können die Seite neu laden und es noch einmal versuchen. Wenn Sie jetzt Hilfe brauchen, rufen Sie die 112 oder eines der Hilfetelefone unten an.
page-no-wasm-text = Dieser Browser kann den Check nicht ausführen: Er braucht WebAssembly, und das ist hier ausgeschaltet (zum Beispiel durch den Blockierungsmodus (Lockdown Mode) auf einem iPhone oder durch eine Sicherheitseinstellung). Stattdessen können Sie eines der Hilfetelefone unten anrufen und über das Angebot sprechen. Im Notfall rufen Sie die 112 an.
page-no-script-text = Dieser Check braucht JavaScript, das in diesem Browser ausgeschaltet ist. Wenn Sie jetzt Hilfe brauchen, rufen Sie die 112 oder eines der Hilfetelefone unten an.
page-checklist-link = Oder öffnen Sie eine Checkliste mit denselben Fragen zum Ausdrucken: Sie funktioniert ohne diese Prüfung, auch auf Papier.
