# riskscreen widget: UI strings, German.
# NOT reviewed by a native speaker: written by a non-native translator; a native-speaker review is
# required before release (see questionnaires/translations/review-status.toml).
# Fluent syntax (https://projectfluent.org). CLDR plural categories for German: one (1), other (0, 2 and more, fractions).
# The widget speaks to the person checking an offer with informal "du", as many German NGO and
# refugee-help materials do. "I'm not sure" is „Ich bin nicht sicher“ (gender-neutral in German);
# the questionnaires quote these answer labels, so keep them in sync.

## Quick exit (on every screen)

exit-button = Seite schnell verlassen
exit-hint = oder drücke 3-mal Shift
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Notruf: 112
exit-progress = { $remaining ->
    [one] Drücke noch { $remaining } Mal Shift, um die Seite zu verlassen.
   *[other] Drücke noch { $remaining } Mal Shift, um die Seite zu verlassen.
}
exit-cover = Wird geladen…

## Language picker

language-label = Sprache

## Start screen

start-private = Deine Antworten verlassen dieses Gerät nicht. Nichts wird gespeichert oder gesendet. Wenn du die Seite schließt, sind deine Antworten weg.
start-time = { $minutes ->
    [one] Das dauert etwa { $minutes } Minute.
   *[other] Das dauert etwa { $minutes } Minuten.
}
start-questions = { $count ->
    [one] Es gibt { $count } Frage, eine pro Seite.
   *[other] Es gibt etwa { $count } Fragen, eine pro Seite.
}
start-not-verdict = Das Ergebnis zeigt Warnzeichen. Es ist kein Urteil über dich oder über die Person, die dir das Angebot gemacht hat.
start-exit = Wenn jemand in deine Nähe kommt, drücke oben auf „Seite schnell verlassen“ oder drücke dreimal die Shift-Taste. Dann erscheint eine Wetterseite.
start-not-verdict-intake = Das ist eine Ersteinschätzung, kein Urteil über irgendjemanden. Die Person kann jederzeit aufhören und muss nicht jede Frage beantworten.
start-exit-intake = Wenn jemand in die Nähe kommt, der das nicht sehen soll, drücke oben auf „Seite schnell verlassen“ oder drücke dreimal die Shift-Taste. Dann erscheint eine Wetterseite.
# Impersonal on purpose: the platform questionnaire itself addresses moderators with "Sie".
start-not-verdict-platform = Geprüft wird das Angebot, nicht die Person, die es eingestellt hat. Das Ergebnis zeigt Warnzeichen im Angebot und ist kein Beweis.
start-button = Starten

## Question screen

progress = Frage { $position } von etwa { $total }
why-heading = Warum wir fragen:
answer-yes = Ja
answer-no = Nein
answer-unsure = Ich bin nicht sicher
answer-declined = Möchte ich nicht sagen
choose-one = Wähle eine Antwort.
choose-any = Wähle alles, was passt.
error-heading = Es gibt ein Problem
error-choose = Wähle eine Antwort, um weiterzumachen. Wenn du es nicht weißt, wähle „Ich bin nicht sicher“.
error-choose-plain = Wähle eine Antwort, um weiterzumachen.
next-button = Weiter
back-button = Zurück

## Review screen

review-heading = Prüfe deine Antworten
review-intro = { $count ->
    [one] Du hast { $count } Frage beantwortet.
   *[other] Du hast { $count } Fragen beantwortet.
} Du kannst jede Antwort ändern, bevor du das Ergebnis siehst.
review-change = Ändern
review-change-hidden = deine Antwort auf: { $question }
review-return = Zurück zu deinen Antworten
review-result-button = Ergebnis ansehen

## Result screen

result-heading = Dein Ergebnis
result-disclaimer = Das ist kein Urteil. Das Ergebnis zeigt Warnzeichen in deinen Antworten. Es soll dir helfen zu entscheiden, was du als Nächstes tust.
danger-heading = Du bist vielleicht in Gefahr
danger-text = Wenn du jetzt in Gefahr bist oder nicht weggehen kannst, ruf den Notruf an. Der Anruf ist kostenlos.
danger-emergency = Notruf
danger-helpline = Nationales Hilfetelefon
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Wo bist du gerade? Wähle das Land aus, dann siehst du ein Hilfetelefon dort.
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
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = Was du zuerst herausfinden solltest
unsure-danger-intro = { $count ->
    [one] Bei dieser Frage warst du nicht sicher, und sie ist wichtig für deine Sicherheit.
   *[other] Bei diesen Fragen warst du nicht sicher, und sie sind wichtig für deine Sicherheit.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] Diese Frage hast du nicht beantwortet, und sie ist wichtig für deine Sicherheit.
   *[other] Bei diesen Fragen warst du nicht sicher oder hast sie nicht beantwortet, und sie sind wichtig für deine Sicherheit.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's. Impersonal (see above).
unsure-danger-intro-platform = { $count ->
    [one] Diese Frage ist offen geblieben und ist wichtig für die Sicherheit künftiger Gäste. Sie sollte geklärt sein, bevor das Angebot veröffentlicht wird.
   *[other] Diese Fragen sind offen geblieben und sind wichtig für die Sicherheit künftiger Gäste. Sie sollten geklärt sein, bevor das Angebot veröffentlicht wird.
}
unsure-danger-help = Wenn du es nicht herausfinden kannst oder dich nicht sicher fühlst, ruf eines der Hilfetelefone unten an.
concerns-heading = Was Sorgen macht
concerns-none = Keine deiner Antworten passt zu einem Warnzeichen in diesem Check. Trotzdem: Vertrau deinem Gefühl, behalte deine Dokumente bei dir und sag einer Person, der du vertraust, wo du bist.
concern-from = Deine Antwort auf: { $question }
theme-pattern = Mehrere Zeichen in diesem Bereich weisen in dieselbe Richtung.
unsure-heading = Was du herausfinden solltest
unsure-intro = Bei diesen Fragen warst du nicht sicher. Versuche, es herauszufinden, bevor du das Angebot annimmst.
unsure-none = Du hast bei keiner Frage „Ich bin nicht sicher“ gewählt.
unsure-generic = Frag die Person, die das Angebot gemacht hat, und lass dir die Antwort schriftlich geben.
unsure-see-above = Alles, bei dem du nicht sicher warst, steht oben, zusammen mit dem, was du herausfinden solltest.
declined-heading = Fragen, die du nicht beantworten wolltest
helplines-heading = Hier bekommst du Hilfe
country-label = Wo bist du gerade?
country-other = Ein anderes Land
helpline-free = Anruf kostenlos
helpline-hours = Erreichbar: { $hours }
helpline-languages = Sprachen: { $languages }
helpline-check = Bitte prüfe diese Nummer: Wir konnten nicht bestätigen, dass sie noch aktuell ist.
helplines-none = Für dieses Land gibt es noch kein Hilfetelefon in der Liste. Im Notfall ruf die 112 an.
emergency-name = Notruf (Polizei, Rettungsdienst, Feuerwehr)
print-button = Drucken oder als PDF speichern
restart-button = Neu beginnen
restart-hint = Wenn du neu beginnst, werden alle Antworten gelöscht.
share-heading = Ergebnis teilen
share-text = Die Website { $site } bittet um das Ergebnis: wie groß die Sorge ist und welche Warnzeichen gefunden wurden. Deine Antworten selbst werden nicht gesendet. Nichts wird geteilt, bevor du auf den Knopf drückst.
share-button = Ergebnis teilen
share-done = Das Ergebnis wurde an { $site } übermittelt.
change-button = Antworten ändern

## Announcements (live region)

notice-review = Prüfe deine Antworten, bevor du das Ergebnis siehst.
notice-result = Dein Ergebnis ist da.
notice-restarted = Alle Antworten sind gelöscht. Du bist wieder am Anfang.

## Fallback after an internal error

fallback-heading = Etwas ist schiefgelaufen
fallback-text = Dieser Check funktioniert nicht mehr. Keine deiner Antworten wurde gespeichert oder gesendet. Wenn du jetzt Hilfe brauchst, ruf eine dieser Nummern an.
