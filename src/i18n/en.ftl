# riskscreen widget: UI strings, English.
# Fluent syntax (https://projectfluent.org). Plural variants use CLDR categories
# (English: one, other). Questionnaire texts are not here: they come with the questionnaire.

## Quick exit (on every screen)

exit-button = Leave quickly
exit-hint = or press Shift 3 times
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Emergency: 112
exit-progress = { $remaining ->
    [one] Press Shift { $remaining } more time to leave.
   *[other] Press Shift { $remaining } more times to leave.
}
exit-cover = Loading…

## Language picker

language-label = Language

## Start screen

start-private = Nothing you answer leaves this device. Nothing is saved or sent. When you close the page, your answers are gone.
start-time = { $minutes ->
    [one] It takes about { $minutes } minute.
   *[other] It takes about { $minutes } minutes.
}
start-questions = { $count ->
    [one] There is { $count } question, one per screen.
   *[other] There are about { $count } questions, one per screen.
}
start-not-verdict = The result shows warning signs. It is not a judgement about you or about the person who made the offer.
start-exit = If someone comes near, press “Leave quickly” at the top, or press the Shift key three times. The page switches to a weather site.
start-not-verdict-intake = This is a screening, not a judgement about anyone. The person can stop at any time and does not have to answer every question.
start-exit-intake = If someone comes near who should not see this, press “Leave quickly” at the top, or press the Shift key three times. The page switches to a weather site.
start-not-verdict-platform = This checks an offer, not the person who posted it. The result shows warning signs in the offer; it is not proof of anything.
start-button = Start

## Question screen

progress = Question { $position } of about { $total }
why-heading = Why we ask:
answer-yes = Yes
answer-no = No
answer-unsure = I'm not sure
answer-declined = I'd rather not say
choose-one = Choose one answer.
choose-any = Choose all that apply.
error-heading = There is a problem
error-choose = Choose an answer to go on. If you do not know, choose “I'm not sure”.
error-choose-plain = Choose an answer to go on.
next-button = Next
back-button = Back

## Review screen

review-heading = Check your answers
review-intro = { $count ->
    [one] You answered { $count } question.
   *[other] You answered { $count } questions.
} You can change any answer before you see the result.
review-change = Change
review-change-hidden = your answer to: { $question }
review-return = Back to your answers
review-result-button = See the result

## Result screen

result-heading = Your result
result-disclaimer = This is not a verdict. It shows warning signs in your answers, to help you decide what to do next.
# Read aloud with a voice on the device (never a network voice).
listen-button = Listen
listen-stop = Stop listening
listen-unavailable = Listening is not available on this device: it has no voice for this language that works without the internet.
danger-heading = You may be in danger
danger-text = If you are in danger now, or cannot leave, call the emergency number. The call is free.
danger-emergency = Emergency number
danger-helpline = National helpline
# With no country chosen: a link that moves focus to the country picker of the helpline list.
danger-country = Where are you now? Choose your country to see a helpline there.
# Why the level is what it is; the sign's label or the question follows the colon.
level-lifted-by = { $count ->
    [one] This sign is serious on its own:
   *[other] These signs are serious on their own:
}
level-lifted-by-unsure = { $count ->
    [one] This check was left open, so the result cannot be “no signs”:
   *[other] These checks were left open, so the result cannot be “no signs”:
}
level-undetermined = Too many questions were answered “I'm not sure” or left unanswered for this check to tell.
# Before the name of the indicator set and rule that gave the result (ILO routes).
level-route = Indicators and rule used:
# Open questions whose answer could have marked a danger sign, shown right after the level.
unsure-danger-heading = What to find out first
unsure-danger-intro = { $count ->
    [one] You were not sure about this, and it matters for your safety.
   *[other] You were not sure about these, and they matter for your safety.
}
# Used when at least one of them was answered “I'd rather not say”.
unsure-danger-intro-declined = { $count ->
    [one] You did not answer this, and it matters for your safety.
   *[other] You were not sure about these or did not answer them, and they matter for your safety.
}
# For a platform moderator checking an offer: the guests' safety, not the reader's.
unsure-danger-intro-platform = { $count ->
    [one] This was left open, and it matters for the safety of future guests. Find it out before the offer is published.
   *[other] These were left open, and they matter for the safety of future guests. Find them out before the offer is published.
}
unsure-danger-help = If you cannot find out, or you feel unsafe, call one of the helplines below.
concerns-heading = What raised concern
concerns-none = None of your answers matched a warning sign in this check. Still, trust your feelings, keep your documents with you, and tell someone you trust where you are.
concern-from = Your answer to: { $question }
theme-pattern = Several signs in this area point the same way.
# A theme that adds weight but cannot complete the pattern (abuse of vulnerability under the narrow ILO rule).
theme-reinforcing = Several signs in this area point the same way. Under the rule used, they add weight to the other areas but cannot replace them.
unsure-heading = What to find out
unsure-intro = You were not sure about these questions. Try to find out before you accept the offer.
unsure-none = You did not answer “I'm not sure” to any question.
unsure-generic = Ask the person who made the offer, and ask for the answer in writing.
unsure-see-above = Everything you were not sure about is listed at the top, with what to find out.
declined-heading = Questions you chose not to answer
helplines-heading = Where to get help
country-label = Where are you now?
country-other = Another country
helpline-free = Free call
helpline-hours = Hours: { $hours }
helpline-languages = Languages: { $languages }
helpline-check = Please check this number: it could not be confirmed as current.
helplines-none = There is no helpline for this country in the list yet. In an emergency, call 112.
emergency-name = Emergency (police, ambulance, fire)
print-button = Print or save as PDF
restart-button = Start again
restart-hint = Starting again deletes all answers.
share-heading = Share this result
share-text = The website { $site } asks for the result: the level of concern and the signs of risk found. Your answers themselves are not sent. Nothing is shared unless you press the button.
share-button = Share the result
share-done = The result was shared with { $site }.
change-button = Change answers

## Announcements (live region)

notice-review = Check your answers before you see the result.
notice-result = Your result is ready.
notice-restarted = All answers are deleted. You are back at the start.

## Fallback after an internal error

fallback-heading = Something went wrong
fallback-text = This check stopped working. Nothing you answered was saved or sent. If you need help now, call one of these numbers.

## The self-check page around the widget, prerendered by `cargo xtask build`: ids page-*
## go into the HTML only, never into the wasm (src/i18n/codegen.rs).

page-title = Check an offer privately
page-failed-heading = This check could not start
page-failed-text = It did not load, perhaps because the connection is weak. You can reload the page to try again. If you need help now, call 112 or one of the helplines below.
page-no-wasm-text = This browser cannot run the check: it needs WebAssembly, which is switched off here (for example by Lockdown Mode on an iPhone, or by a security setting). Instead, you can call one of the helplines below and talk about the offer. In an emergency, call 112.
page-no-script-text = This check needs JavaScript, which is switched off in this browser. If you need help now, call 112 or one of the helplines below.
page-checklist-link = Or open a printable checklist of the same questions: it works without this check, on paper too.
