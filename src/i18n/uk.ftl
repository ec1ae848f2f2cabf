# riskscreen widget: UI strings, Ukrainian.
# Fluent syntax (https://projectfluent.org). CLDR plural categories for Ukrainian:
# one (1, 21, 31…), few (2–4, 22–24…), many (0, 5–20, 25…), other (fractions).
# "I'm not sure" is «Не знаю напевно»: gender-neutral, unlike «Я не впевнений/впевнена».

## Quick exit (on every screen)

exit-button = Швидко вийти
exit-hint = або натисніть Shift 3 рази
# A way to a helpline on every screen: the emergency number, free across the EU and in Ukraine.
help-emergency = Екстрена допомога: 112
exit-progress = { $remaining ->
    [one] Натисніть Shift ще { $remaining } раз, щоб вийти.
    [few] Натисніть Shift ще { $remaining } рази, щоб вийти.
    [many] Натисніть Shift ще { $remaining } разів, щоб вийти.
   *[other] Натисніть Shift ще { $remaining } раза, щоб вийти.
}
exit-cover = Завантаження…

## Language picker

language-label = Мова

## Start screen

start-private = Ваші відповіді не залишають цей пристрій. Нічого не зберігається і нікуди не надсилається. Коли ви закриєте сторінку, відповіді зникнуть.
start-time = { $minutes ->
    [one] Це займає приблизно { $minutes } хвилину.
    [few] Це займає приблизно { $minutes } хвилини.
    [many] Це займає приблизно { $minutes } хвилин.
   *[other] Це займає приблизно { $minutes } хвилини.
}
start-questions = { $count ->
    [one] Тут { $count } запитання, по одному на екрані.
    [few] Тут приблизно { $count } запитання, по одному на екрані.
    [many] Тут приблизно { $count } запитань, по одному на екрані.
   *[other] Тут приблизно { $count } запитання, по одному на екрані.
}
start-not-verdict = Результат показує тривожні ознаки. Це не висновок про вас чи про людину, яка зробила пропозицію.
start-exit = Якщо хтось підходить, натисніть «Швидко вийти» вгорі або тричі натисніть клавішу Shift. Сторінка зміниться на сайт погоди.
start-button = Почати

## Question screen

progress = Запитання { $position } з приблизно { $total }
why-heading = Чому ми питаємо:
answer-yes = Так
answer-no = Ні
answer-unsure = Не знаю напевно
answer-declined = Не хочу відповідати
choose-one = Виберіть одну відповідь.
choose-any = Виберіть усе, що підходить.
error-heading = Потрібна відповідь
error-choose = Виберіть відповідь, щоб продовжити. Якщо не знаєте, виберіть «Не знаю напевно».
error-choose-plain = Виберіть відповідь, щоб продовжити.
next-button = Далі
back-button = Назад

## Review screen

review-heading = Перевірте свої відповіді
review-intro = { $count ->
    [one] Ви відповіли на { $count } запитання.
    [few] Ви відповіли на { $count } запитання.
    [many] Ви відповіли на { $count } запитань.
   *[other] Ви відповіли на { $count } запитання.
} Перш ніж побачити результат, можна змінити будь-яку відповідь.
review-change = Змінити
review-change-hidden = відповідь на запитання: { $question }
review-return = Повернутися до відповідей
review-result-button = Показати результат

## Result screen

result-heading = Ваш результат
result-disclaimer = Це не вирок. Тут показано тривожні ознаки у ваших відповідях, щоб вам було легше вирішити, що робити далі.
danger-heading = Можливо, вам загрожує небезпека
danger-text = Якщо вам загрожує небезпека зараз або ви не можете піти, зателефонуйте на номер екстреної допомоги. Дзвінок безкоштовний.
danger-emergency = Екстрена допомога
danger-helpline = Національна гаряча лінія
concerns-heading = Що викликає занепокоєння
concerns-none = Жодна з ваших відповідей не збіглася з тривожними ознаками цієї перевірки. Усе одно довіряйте своїм відчуттям, тримайте документи при собі й повідомте людині, якій довіряєте, де ви.
concern-from = Ваша відповідь на запитання: { $question }
theme-pattern = Кілька ознак у цій сфері вказують в одному напрямку.
unsure-heading = Що варто з’ясувати
unsure-intro = Ви не були впевнені щодо цих запитань. Спробуйте з’ясувати це, перш ніж приймати пропозицію.
unsure-none = Ви не відповіли «Не знаю напевно» на жодне запитання.
unsure-generic = Запитайте людину, яка зробила пропозицію, і попросіть відповідь письмово.
declined-heading = Запитання, на які ви вирішили не відповідати
helplines-heading = Куди звернутися по допомогу
country-label = Де ви зараз?
country-other = Інша країна
helpline-free = Безкоштовний дзвінок
helpline-hours = Години роботи: { $hours }
helpline-languages = Мови: { $languages }
helpline-check = Перевірте цей номер: не вдалося підтвердити, що він досі чинний.
helplines-none = У списку ще немає гарячої лінії для цієї країни. У разі небезпеки телефонуйте 112.
emergency-name = Екстрена допомога (поліція, швидка, пожежна)
print-button = Надрукувати або зберегти як PDF
restart-button = Почати знову
restart-hint = Якщо почати знову, усі відповіді буде видалено.
share-heading = Поділитися результатом
share-text = Сайт { $site } просить надіслати йому результат: рівень занепокоєння та знайдені ознаки ризику. Самі ваші відповіді не надсилаються. Нічого не передається, поки ви не натиснете кнопку.
share-button = Поділитися результатом
share-done = Результат передано сайту { $site }.
change-button = Змінити відповіді

## Announcements (live region)

notice-review = Перевірте свої відповіді, перш ніж побачити результат.
notice-result = Ваш результат готовий.
notice-restarted = Усі відповіді видалено. Ви знову на початку.

## Fallback after an internal error

fallback-heading = Щось пішло не так
fallback-text = Перевірка перестала працювати. Нічого з ваших відповідей не збережено й не надіслано. Якщо вам потрібна допомога зараз, зателефонуйте за одним із цих номерів.
