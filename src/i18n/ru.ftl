# riskscreen widget: UI strings, Russian.
# Not reviewed by a native speaker yet.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Russian:
# one (1, 21, 31…), few (2–4, 22–24…), many (0, 5–20, 25…), other (fractions).
# Polite «вы» (lower case), as in UNHCR/IOM/La Strada materials in Russian.
# "I'm not sure" is «Не знаю точно»: gender-neutral, unlike «Я не уверен/уверена».

## Quick exit (on every screen)

exit-button = Быстро выйти
exit-hint = или нажмите Shift 3 раза
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Экстренная помощь: 112
exit-progress = { $remaining ->
    [one] Нажмите Shift ещё { $remaining } раз, чтобы выйти.
    [few] Нажмите Shift ещё { $remaining } раза, чтобы выйти.
    [many] Нажмите Shift ещё { $remaining } раз, чтобы выйти.
   *[other] Нажмите Shift ещё { $remaining } раза, чтобы выйти.
}
exit-cover = Загрузка…

## Language picker

language-label = Язык

## Start screen

start-private = Ваши ответы не покидают это устройство. Ничего не сохраняется и никуда не отправляется. Когда вы закроете страницу, ответы исчезнут.
start-time = { $minutes ->
    [one] Это займёт примерно { $minutes } минуту.
    [few] Это займёт примерно { $minutes } минуты.
    [many] Это займёт примерно { $minutes } минут.
   *[other] Это займёт примерно { $minutes } минуты.
}
start-questions = { $count ->
    [one] Здесь { $count } вопрос, по одному на экране.
    [few] Здесь примерно { $count } вопроса, по одному на экране.
    [many] Здесь примерно { $count } вопросов, по одному на экране.
   *[other] Здесь примерно { $count } вопроса, по одному на экране.
}
start-not-verdict = Результат показывает тревожные признаки. Это не оценка вас или человека, который сделал предложение.
start-exit = Если кто-то подходит, нажмите «Быстро выйти» вверху или три раза нажмите клавишу Shift. Откроется сайт с прогнозом погоды.
start-button = Начать

## Question screen

progress = Вопрос { $position }, всего около { $total }
why-heading = Почему мы спрашиваем:
answer-yes = Да
answer-no = Нет
answer-unsure = Не знаю точно
answer-declined = Не хочу отвечать
choose-one = Выберите один ответ.
choose-any = Выберите всё, что подходит.
error-heading = Нужен ответ
error-choose = Выберите ответ, чтобы продолжить. Если не знаете, выберите «Не знаю точно».
error-choose-plain = Выберите ответ, чтобы продолжить.
next-button = Далее
back-button = Назад

## Review screen

review-heading = Проверьте свои ответы
review-intro = { $count ->
    [one] Вы ответили на { $count } вопрос.
    [few] Вы ответили на { $count } вопроса.
    [many] Вы ответили на { $count } вопросов.
   *[other] Вы ответили на { $count } вопроса.
} Прежде чем посмотреть результат, вы можете изменить любой ответ.
review-change = Изменить
review-change-hidden = ответ на вопрос: { $question }
review-return = Вернуться к ответам
review-result-button = Показать результат

## Result screen

result-heading = Ваш результат
result-disclaimer = Это не приговор. Здесь показаны тревожные признаки в ваших ответах, чтобы вам было легче решить, что делать дальше.
danger-heading = Возможно, вам угрожает опасность
danger-text = Если вам угрожает опасность прямо сейчас или вы не можете уйти, позвоните по номеру экстренной помощи. Звонок бесплатный.
danger-emergency = Экстренная помощь
danger-helpline = Национальная горячая линия
concerns-heading = Что вызывает беспокойство
concerns-none = Ни один из ваших ответов не совпал с тревожными признаками этой проверки. И всё же доверяйте своим ощущениям, держите документы при себе и сообщите человеку, которому доверяете, где вы находитесь.
concern-from = Ваш ответ на вопрос: { $question }
theme-pattern = Несколько признаков в этой области указывают в одном направлении.
unsure-heading = Что стоит выяснить
unsure-intro = В этих вопросах вы не были уверены. Постарайтесь выяснить это, прежде чем принимать предложение.
unsure-none = Вы не ответили «Не знаю точно» ни на один вопрос.
unsure-generic = Спросите человека, который сделал предложение, и попросите ответ в письменном виде.
declined-heading = Вопросы, на которые вы решили не отвечать
helplines-heading = Куда обратиться за помощью
country-label = Где вы сейчас?
country-other = Другая страна
helpline-free = Бесплатный звонок
helpline-hours = Часы работы: { $hours }
helpline-languages = Языки: { $languages }
helpline-check = Проверьте этот номер: не удалось подтвердить, что он действует сейчас.
helplines-none = В списке пока нет горячей линии для этой страны. В случае опасности звоните 112.
emergency-name = Экстренная помощь (полиция, скорая помощь, пожарные)
print-button = Распечатать или сохранить в PDF
restart-button = Начать заново
restart-hint = Если начать заново, все ответы будут удалены.
share-heading = Поделиться результатом
share-text = Сайт { $site } просит передать ему результат: уровень беспокойства и найденные признаки риска. Сами ваши ответы не передаются. Ничего не передаётся, пока вы не нажмёте кнопку.
share-button = Поделиться результатом
share-done = Результат передан сайту { $site }.
change-button = Изменить ответы

## Announcements (live region)

notice-review = Проверьте свои ответы, прежде чем посмотреть результат.
notice-result = Ваш результат готов.
notice-restarted = Все ответы удалены. Вы снова в начале.

## Fallback after an internal error

fallback-heading = Что-то пошло не так
fallback-text = Проверка перестала работать. Ничего из ваших ответов не было сохранено или отправлено. Если вам нужна помощь прямо сейчас, позвоните по одному из этих номеров.
