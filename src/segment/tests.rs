//! Phenomenon tables: text → expected sentences (team-written, news style), plus invariants on odd input.

use super::*;

fn sentences<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
    segment(text, lang).sentences.into_iter().map(|r| &text[r]).collect()
}

/// Checks every row: `text` split with `lang` gives exactly `expected`.
fn check(lang: &str, table: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in table {
        let got = sentences(text, lang);
        if got != *expected {
            failures.push(format!("{text:?}\n  expected {expected:?}\n  got      {got:?}"));
        }
        check_invariants(text, lang);
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

/// Sentences and paragraphs are ordered, disjoint, trimmed, on char boundaries and cover every non-space char;
/// every sentence lies in a paragraph; tokens cover every non-space char.
fn check_invariants(text: &str, lang: &str) {
    let seg = segment(text, lang);
    for spans in [&seg.sentences, &seg.paragraphs] {
        let mut covered = vec![false; text.len()];
        let mut last = 0;
        for r in spans.iter() {
            assert!(r.start >= last && r.start < r.end, "{text:?}: {r:?} out of order or empty");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{text:?}: {r:?}");
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "{text:?}: span {s:?} not trimmed");
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            last = r.end;
        }
        for (i, c) in text.char_indices() {
            assert!(c.is_whitespace() || covered[i], "{text:?}: {c:?} at {i} not covered");
        }
    }
    for s in &seg.sentences {
        assert!(seg.paragraphs.iter().any(|p| p.start <= s.start && s.end <= p.end), "{text:?}: {s:?} crosses");
    }
    let mut covered = vec![false; text.len()];
    for t in &seg.tokens {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start < t.end);
        covered[t.start..t.end].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in text.char_indices() {
        assert!(c.is_whitespace() || covered[i], "{text:?}: token gap at {i}");
    }
}

#[test]
fn russian_basic_ends() {
    check(
        "ru",
        &[
            ("Мэр прибыл в Астану. Встреча прошла в среду!", &["Мэр прибыл в Астану.", "Встреча прошла в среду!"]),
            ("Кто виноват? Что делать?! Ответа нет.", &["Кто виноват?", "Что делать?!", "Ответа нет."]),
            ("Рост составил 3,5%. Это рекорд.", &["Рост составил 3,5%.", "Это рекорд."]),
            (
                "В 2024 году ВВП вырос. 15 компаний ушли с рынка.",
                &["В 2024 году ВВП вырос.", "15 компаний ушли с рынка."],
            ),
            ("Об этом сообщает ТАСС. Подробности позже.", &["Об этом сообщает ТАСС.", "Подробности позже."]),
            ("Сделка закрыта . Акции выросли.", &["Сделка закрыта .", "Акции выросли."]),
            ("Новости дня", &["Новости дня"]),
            ("", &[]),
            ("   \n\t ", &[]),
        ],
    );
}

#[test]
fn russian_abbreviations() {
    check(
        "ru",
        &[
            ("Встреча прошла в г. Алматы в среду.", &["Встреча прошла в г. Алматы в среду."]),
            ("Завод построен в 1998 г. Сейчас он закрыт.", &["Завод построен в 1998 г.", "Сейчас он закрыт."]),
            ("В 2019–2020 гг. Казахстан нарастил экспорт.", &["В 2019–2020 гг. Казахстан нарастил экспорт."]),
            ("Это было в 2002 г. — в год запуска.", &["Это было в 2002 г. — в год запуска."]),
            ("Продают хлеб, молоко и т. д. Цены растут.", &["Продают хлеб, молоко и т. д.", "Цены растут."]),
            ("Привезли уголь, нефть и т.п. Поставки идут.", &["Привезли уголь, нефть и т.п.", "Поставки идут."]),
            (
                "Приехали министры, депутаты и др. Форум открылся.",
                &["Приехали министры, депутаты и др.", "Форум открылся."],
            ),
            ("Это, т. е. налог, вырос.", &["Это, т. е. налог, вырос."]),
            ("Он живет на ул. Абая, д. 5, кв. 12.", &["Он живет на ул. Абая, д. 5, кв. 12."]),
            ("Школа им. Абая открылась.", &["Школа им. Абая открылась."]),
            ("Выступил проф. Иванов и акад. Петров.", &["Выступил проф. Иванов и акад. Петров."]),
            ("Бюджет — 5 млн. руб. на год.", &["Бюджет — 5 млн. руб. на год."]),
            (
                "Бюджет составил 5 млн. Кроме того, выделят еще.",
                &["Бюджет составил 5 млн.", "Кроме того, выделят еще."],
            ),
            ("Цена 300 руб. Скидок нет.", &["Цена 300 руб.", "Скидок нет."]),
            ("Дело по ч. 2 ст. 105 УК передано в суд.", &["Дело по ч. 2 ст. 105 УК передано в суд."]),
            ("Согласно п. 3 договора, см. выше.", &["Согласно п. 3 договора, см. выше."]),
            (
                "Город основан в XIX в. Тогда здесь была крепость.",
                &["Город основан в XIX в.", "Тогда здесь была крепость."],
            ),
            ("Площадь 120 кв. м. Квартира продана.", &["Площадь 120 кв. м.", "Квартира продана."]),
            ("Ст. Ивановская находится рядом.", &["Ст. Ивановская находится рядом."]),
            ("Его (род. 1948) назначили послом.", &["Его (род. 1948) назначили послом."]),
            ("Ширина ок. 5 м. Длина 10 м.", &["Ширина ок. 5 м.", "Длина 10 м."]),
            ("Станция м. Маяковская закрыта.", &["Станция м. Маяковская закрыта."]),
            ("Это было в V в. до н. э. Затем город опустел.", &["Это было в V в. до н. э.", "Затем город опустел."]),
            // Abbreviations that are also words end a sentence before a common opener.
            ("Мы позвонили им. Они не ответили.", &["Мы позвонили им.", "Они не ответили."]),
            ("Все говорят о нем. Он молчит.", &["Все говорят о нем.", "Он молчит."]),
            ("Прошел час. Потом еще один.", &["Прошел час.", "Потом еще один."]),
            (
                "Под завалами нашли десятки тел. Спасатели работают.",
                &["Под завалами нашли десятки тел.", "Спасатели работают."],
            ),
            ("В 2024 г. Казахстан нарастил экспорт.", &["В 2024 г. Казахстан нарастил экспорт."]),
            ("С 1 января 2025 г. Нацбанк меняет ставку.", &["С 1 января 2025 г. Нацбанк меняет ставку."]),
            ("В середине XIX в. Россия расширилась.", &["В середине XIX в. Россия расширилась."]),
            ("Завод закрыт (и т. д.) Далее — новости.", &["Завод закрыт (и т. д.)", "Далее — новости."]),
        ],
    );
}

#[test]
fn russian_initials() {
    check(
        "ru",
        &[
            ("Указ подписал В. В. Путин.", &["Указ подписал В. В. Путин."]),
            ("Указ подписал В.В. Путин в среду.", &["Указ подписал В.В. Путин в среду."]),
            ("Президент К. Токаев прибыл в Пекин.", &["Президент К. Токаев прибыл в Пекин."]),
            ("Докладчик — Иванов И. И. Он выступил первым.", &["Докладчик — Иванов И. И.", "Он выступил первым."]),
            (
                "Ответственный — Петров А.С. В среду он уволился.",
                &["Ответственный — Петров А.С.", "В среду он уволился."],
            ),
            ("Приказ подписал Петров А.С. и отправил.", &["Приказ подписал Петров А.С. и отправил."]),
            (
                "Сделали ставку на план Б. Однако он не сработал.",
                &["Сделали ставку на план Б.", "Однако он не сработал."],
            ),
            ("Матч группы B. Такие игры редки.", &["Матч группы B.", "Такие игры редки."]),
            ("Днем до +30 °С. Ночью похолодает.", &["Днем до +30 °С.", "Ночью похолодает."]),
            ("Ветер 15–20 м/с. Возможен град.", &["Ветер 15–20 м/с.", "Возможен град."]),
            (
                "Слово дали Токаеву К.-Ж. К. Он рассказал о реформах.",
                &["Слово дали Токаеву К.-Ж. К.", "Он рассказал о реформах."],
            ),
            (
                "Автор — к. т. н. Сейтказин. Он работает в КазНУ.",
                &["Автор — к. т. н. Сейтказин.", "Он работает в КазНУ."],
            ),
            ("Тираж — 5 тыс. экз. Сейчас книгу не найти.", &["Тираж — 5 тыс. экз.", "Сейчас книгу не найти."]),
            ("Рост — 185 см. Вес — 80 кг.", &["Рост — 185 см.", "Вес — 80 кг."]),
            ("Акции выросли на 3 п.п. Аналитики довольны.", &["Акции выросли на 3 п.п.", "Аналитики довольны."]),
            (
                "Перегрузка до 10 G. Из-за ошибки капсула ушла в сторону.",
                &["Перегрузка до 10 G.", "Из-за ошибки капсула ушла в сторону."],
            ),
            (
                "Перегрузка достигла 8 G. «Для меня это тяжело», — сказал пилот.",
                &["Перегрузка достигла 8 G.", "«Для меня это тяжело», — сказал пилот."],
            ),
            ("Как писал А. С. Пушкин, все проходит.", &["Как писал А. С. Пушкин, все проходит."]),
        ],
    );
}

#[test]
fn russian_numbers_urls_and_brackets() {
    check(
        "ru",
        &[
            (
                "Соглашение подписано 16.06.2025. Оно вступит в силу.",
                &["Соглашение подписано 16.06.2025.", "Оно вступит в силу."],
            ),
            ("Инфляция 3.5% за год. Ставка 14.25%.", &["Инфляция 3.5% за год.", "Ставка 14.25%."]),
            ("Встреча в 12.30 в зале.", &["Встреча в 12.30 в зале."]),
            ("Подробнее на сайте kaztag.kz. Там же фото.", &["Подробнее на сайте kaztag.kz.", "Там же фото."]),
            (
                "Пишите на info@gov.kz или https://gov.kz/ru/news?id=5. Ответ придет.",
                &["Пишите на info@gov.kz или https://gov.kz/ru/news?id=5.", "Ответ придет."],
            ),
            (
                "Он выступил (об этом сообщает пресс-служба). Затем ушел.",
                &["Он выступил (об этом сообщает пресс-служба).", "Затем ушел."],
            ),
            (
                "Решение принято. (Фото: пресс-служба акимата.) Работы начнутся.",
                &["Решение принято.", "(Фото: пресс-служба акимата.)", "Работы начнутся."],
            ),
            ("Прибыль выросла (!) вдвое.", &["Прибыль выросла (!) вдвое."]),
            ("Список: 1. Москва; 2. Алматы.", &["Список: 1. Москва; 2. Алматы."]),
        ],
    );
}

#[test]
fn russian_ellipsis_and_glued() {
    check(
        "ru",
        &[
            ("Мы ждали... и дождались.", &["Мы ждали... и дождались."]),
            ("Мы ждали… Ничего не произошло.", &["Мы ждали…", "Ничего не произошло."]),
            ("Посмотрим... «Время покажет», — сказал он.", &["Посмотрим...", "«Время покажет», — сказал он."]),
            ("Он пришел.Потом ушел.", &["Он пришел.", "Потом ушел."]),
            ("Сервис Яндекс.Такси вырос.", &["Сервис Яндекс.Такси вырос."]),
            ("Компания Mail.Ru выросла.", &["Компания Mail.Ru выросла."]),
        ],
    );
}

#[test]
fn russian_quotes_and_direct_speech() {
    check(
        "ru",
        &[
            // The seed-like case: a multi-sentence quote closed by «», — сказал X».
            (
                "«Города-побратимы – это важный инструмент. Мы развиваем отношения со странами «Пояса и Пути». \
                 Китайцы ценят друзей. Побратимов станет больше», - сказал вице-мэр Цзюцзяна.",
                &[
                    "«Города-побратимы – это важный инструмент.",
                    "Мы развиваем отношения со странами «Пояса и Пути».",
                    "Китайцы ценят друзей.",
                    "Побратимов станет больше», - сказал вице-мэр Цзюцзяна.",
                ],
            ),
            ("«Мы готовы!» — заявил министр.", &["«Мы готовы!» — заявил министр."]),
            ("«Вы готовы?» — спросил он. — «Да».", &["«Вы готовы?» — спросил он.", "— «Да»."]),
            (
                "— Вы придете? — Да, — ответил он. — Обязательно.",
                &["— Вы придете?", "— Да, — ответил он.", "— Обязательно."],
            ),
            (
                "Он сказал: «Работа идет. Сроки сдвинутся». Это подтвердили.",
                &["Он сказал: «Работа идет.", "Сроки сдвинутся».", "Это подтвердили."],
            ),
            (
                "Аким заявил: \"Дороги отремонтируют. Деньги есть.\" Работы начались.",
                &["Аким заявил: \"Дороги отремонтируют.", "Деньги есть.\"", "Работы начались."],
            ),
            ("Фильм «Кто я?» вышел в прокат.", &["Фильм «Кто я?» вышел в прокат."]),
            ("Спектакль «Ревизор». Премьера в пятницу.", &["Спектакль «Ревизор».", "Премьера в пятницу."]),
            ("Он сказал ``Все будет хорошо.'' Потом ушел.", &["Он сказал ``Все будет хорошо.''", "Потом ушел."]),
            ("Он сказал: &quot;Все готово.&quot; Потом ушел.", &["Он сказал: &quot;Все готово.&quot;", "Потом ушел."]),
        ],
    );
}

#[test]
fn lines_paragraphs_and_lists() {
    check(
        "ru",
        &[
            (
                "Заголовок без точки\nТекст новости. Второе предложение.",
                &["Заголовок без точки", "Текст новости.", "Второе предложение."],
            ),
            ("Итоги недели:\n- рост цен;\n- новые законы.", &["Итоги недели:", "- рост цен;", "- новые законы."]),
            ("1. Экономика\n2. Политика", &["1. Экономика", "2. Политика"]),
            ("1. Экономика растет. 2. Политика стабильна.", &["1. Экономика растет.", "2. Политика стабильна."]),
            ("Строка\r\nВторая строка\r\n\r\nТретья", &["Строка", "Вторая строка", "Третья"]),
            (
                "Власти города решили построить\nновую школу к осени.",
                &["Власти города решили построить\nновую школу к осени."],
            ),
            ("Власти города решили построить\n\nновую школу.", &["Власти города решили построить", "новую школу."]),
            ("Первый абзац.\u{2029}Второй абзац.", &["Первый абзац.", "Второй абзац."]),
        ],
    );
}

/// A whole article in the style of the seed: a lead, multi-sentence quotes closed by «», — сказал X», a
/// parenthesis with an agency name, a date, a closing line without final punctuation.
#[test]
fn russian_article() {
    let text = "Павлодар и Урумчи подпишут соглашение о побратимстве, сообщает пресс-служба акимата.\n\
        «Мы давно работаем с соседями. Товарооборот вырос на 12,5% за 2024 г. Это хороший результат. Теперь \
        нужен следующий шаг», – сказал аким области А. Б. Сериков в четверг.\n\
        По его словам, первые проекты (строительство логистического центра – ред.) начнутся в 2026 г. \
        Их стоимость оценивается в 40 млрд тенге, т.е. около 80 млн долл.\n\
        «Готовы ли мы? Да! Инвесторы уже есть…» – добавил он.\n\
        Подписание запланировано на 16.09.2025 г. в г. Павлодар.\n\
        Читайте также\n\
        Новости региона в Telegram";
    check(
        "ru",
        &[(
            text,
            &[
                "Павлодар и Урумчи подпишут соглашение о побратимстве, сообщает пресс-служба акимата.",
                "«Мы давно работаем с соседями.",
                "Товарооборот вырос на 12,5% за 2024 г.",
                "Это хороший результат.",
                "Теперь нужен следующий шаг», – сказал аким области А. Б. Сериков в четверг.",
                "По его словам, первые проекты (строительство логистического центра – ред.) начнутся в 2026 г.",
                "Их стоимость оценивается в 40 млрд тенге, т.е. около 80 млн долл.",
                "«Готовы ли мы?",
                "Да!",
                "Инвесторы уже есть…» – добавил он.",
                "Подписание запланировано на 16.09.2025 г. в г. Павлодар.",
                "Читайте также",
                "Новости региона в Telegram",
            ],
        )],
    );
}

#[test]
fn english() {
    check(
        "en",
        &[
            (
                "Mr. Smith met Dr. Jones in Washington. They talked.",
                &["Mr. Smith met Dr. Jones in Washington.", "They talked."],
            ),
            ("The U.S. Senate voted on Monday.", &["The U.S. Senate voted on Monday."]),
            (
                "Talks were held in the U.S. The deal was signed.",
                &["Talks were held in the U.S.", "The deal was signed."],
            ),
            ("Apple Inc. reported profits. Shares rose.", &["Apple Inc. reported profits.", "Shares rose."]),
            ("He works for Apple Inc. The company is big.", &["He works for Apple Inc.", "The company is big."]),
            ("The meeting starts at 9 a.m. Monday in Berlin.", &["The meeting starts at 9 a.m. Monday in Berlin."]),
            ("It ended at 5 p.m. The crowd left.", &["It ended at 5 p.m.", "The crowd left."]),
            ("Apples, pears, etc. Prices rose.", &["Apples, pears, etc.", "Prices rose."]),
            ("He loves modern art. The museum is open.", &["He loves modern art.", "The museum is open."]),
            ("He came in. Then he sat down.", &["He came in.", "Then he sat down."]),
            ("Dr. Watson (b. 1852) served in the army.", &["Dr. Watson (b. 1852) served in the army."]),
            (
                "Mr. and Mrs. Smith arrived. Sen. Warren voted no.",
                &["Mr. and Mrs. Smith arrived.", "Sen. Warren voted no."],
            ),
            (
                "See No. 5 in the list. He said no. Then he left.",
                &["See No. 5 in the list.", "He said no.", "Then he left."],
            ),
            ("John F. Kennedy was elected in 1960.", &["John F. Kennedy was elected in 1960."]),
            ("\"We are ready,\" he said. \"Let's go.\"", &["\"We are ready,\" he said.", "\"Let's go.\""]),
            ("Is it true? Yes! It is.", &["Is it true?", "Yes!", "It is."]),
            ("Growth was 3.5% in 2024. It slowed.", &["Growth was 3.5% in 2024.", "It slowed."]),
            ("The case, e.g. Smith v. Jones, matters.", &["The case, e.g. Smith v. Jones, matters."]),
        ],
    );
}

#[test]
fn other_languages() {
    check(
        "zh",
        &[
            ("今天天气很好。我们去公园吧！你去吗？", &["今天天气很好。", "我们去公园吧！", "你去吗？"]),
            ("他说：“我很高兴。”然后离开了。", &["他说：“我很高兴。”", "然后离开了。"]),
        ],
    );
    check(
        "ja",
        &[
            ("東京は晴れです。明日は雨でしょう。", &["東京は晴れです。", "明日は雨でしょう。"]),
            ("彼は「はい。」と言った。それから帰った。", &["彼は「はい。」と言った。", "それから帰った。"]),
        ],
    );
    check(
        "de",
        &[
            (
                "Am 3. Oktober feiern wir. Dr. Müller kommt auch.",
                &["Am 3. Oktober feiern wir.", "Dr. Müller kommt auch."],
            ),
            ("Das war 2019. Dann kam Corona.", &["Das war 2019.", "Dann kam Corona."]),
            ("Es gibt z. B. Äpfel. Sie sind rot.", &["Es gibt z. B. Äpfel.", "Sie sind rot."]),
            ("Er ging. »Hallo«, sagte sie.", &["Er ging.", "»Hallo«, sagte sie."]),
            ("Sie sagte: »Ja.« Dann ging sie.", &["Sie sagte: »Ja.«", "Dann ging sie."]),
        ],
    );
    check(
        "fr",
        &[(
            "Le président est arrivé. Il a parlé ! Quelle journée.",
            &["Le président est arrivé.", "Il a parlé !", "Quelle journée."],
        )],
    );
    check(
        "fr",
        &[(
            "Il a dit : « Nous sommes prêts. » Puis il est parti.",
            &["Il a dit : « Nous sommes prêts. »", "Puis il est parti."],
        )],
    );
    check("es", &[("¿Qué pasó? ¡No lo sé! Nadie sabe.", &["¿Qué pasó?", "¡No lo sé!", "Nadie sabe."])]);
    check("ar", &[("وصل الرئيس إلى المدينة. بدأ الاجتماع؟ نعم.", &["وصل الرئيس إلى المدينة.", "بدأ الاجتماع؟", "نعم."])]);
    check("hi", &[("राष्ट्रपति दिल्ली पहुंचे। बैठक शुरू हुई।", &["राष्ट्रपति दिल्ली पहुंचे।", "बैठक शुरू हुई।"])]);
    check("el", &[("Τι έγινε; Δεν ξέρω.", &["Τι έγινε;", "Δεν ξέρω."])]);
    check("kk", &[("Жиын 2025 ж. өтті. Бұл маңызды.", &["Жиын 2025 ж. өтті.", "Бұл маңызды."])]);
    check(
        "uk",
        &[(
            "Зустріч відбулася у м. Київ. Вона тривала годину.",
            &["Зустріч відбулася у м. Київ.", "Вона тривала годину."],
        )],
    );
    check(
        "uk",
        &[(
            "Зустріч відбулася 5 берез. 2025 р. Вона тривала годину.",
            &["Зустріч відбулася 5 берез. 2025 р.", "Вона тривала годину."],
        )],
    );
    check("und", &[("Ok. Fine.", &["Ok.", "Fine."])]);
}

#[test]
fn tokens_keep_the_contract() {
    let cases: &[(&str, &[(&str, TokenKind)])] = &[
        (
            "Города-побратимы, 16.06.2025 и 3,5%.",
            &[
                ("Города-побратимы", TokenKind::Word),
                (",", TokenKind::Punct),
                ("16.06.2025", TokenKind::Number),
                ("и", TokenKind::Word),
                ("3,5", TokenKind::Number),
                ("%", TokenKind::Punct),
                (".", TokenKind::Punct),
            ],
        ),
        (
            "O'Neil’s Би́тва в 12:30 COVID19 5G",
            &[
                ("O'Neil’s", TokenKind::Word),
                ("Би́тва", TokenKind::Word),
                ("в", TokenKind::Word),
                ("12:30", TokenKind::Number),
                ("COVID19", TokenKind::Word),
                ("5", TokenKind::Number),
                ("G", TokenKind::Word),
            ],
        ),
        (
            "-слово- т.е. 3. «x»",
            &[
                ("-", TokenKind::Punct),
                ("слово", TokenKind::Word),
                ("-", TokenKind::Punct),
                ("т", TokenKind::Word),
                (".", TokenKind::Punct),
                ("е", TokenKind::Word),
                (".", TokenKind::Punct),
                ("3", TokenKind::Number),
                (".", TokenKind::Punct),
                ("«", TokenKind::Punct),
                ("x", TokenKind::Word),
                ("»", TokenKind::Punct),
            ],
        ),
        ("नमस्ते दुनिया", &[("नमस्ते", TokenKind::Word), ("दुनिया", TokenKind::Word)]),
        ("2,5,", &[("2,5", TokenKind::Number), (",", TokenKind::Punct)]),
    ];
    for (text, expected) in cases {
        let got: Vec<(&str, TokenKind)> = tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect();
        assert_eq!(got, *expected, "{text:?}");
    }
}

#[test]
fn odd_input_keeps_invariants() {
    let odd = [
        "...",
        "!!!",
        "«»",
        ". . .",
        "\u{FEFF}Текст.",
        "a\u{0301}\u{0301}",
        "\u{0301}",
        "&#39;&#39;.",
        "1.",
        "т.",
        "г. ",
        "\r\r\n\n",
        "Слово.\u{200B}Слово",
        "Он ушел.\n\nИ",
        "x\u{2028}y",
        "。。。",
        "A. B. C. D.",
        "«А.» — Б.",
    ];
    for text in odd {
        check_invariants(text, "ru");
        check_invariants(text, "en");
        check_invariants(text, "zh");
    }
    // Long runs of what the rules look ahead or back over stay linear.
    for unit in ["… ", "- ", "« ", ". ", "т. ", "A. ", "1. ", "&#39; ", "\n", "а\n"] {
        let text = unit.repeat(200_000 / unit.len());
        let t0 = std::time::Instant::now();
        let seg = segment(&text, "ru");
        assert!(t0.elapsed().as_secs() < 5, "{unit:?} took {:?}", t0.elapsed());
        assert_eq!(seg.sentences.is_empty(), unit == "\n", "{unit:?}");
    }
    // A deterministic pseudo-random mix of the characters the rules look at.
    let alphabet: Vec<char> =
        "аБв ГдXy.!?…«»\"'()—-–,:;\n\r 1290 г т д. т. U.S. ``''&#39;。！\u{301}\u{a0}".chars().collect();
    let mut state = 0x2545F4914F6CDD1Du64;
    for _ in 0..3000 {
        let len = (state % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        check_invariants(&s, "ru");
        check_invariants(&s, "de");
    }
}

/// Speed of `segment` on the dev texts (when /work/shared is there):
/// `cargo test --release --lib segment::tests::speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn speed() {
    let mut texts = Vec::new();
    for path in ["../shared/eval/dev/factru-dev.gold.jsonl", "../shared/eval/dev/ud-ru-gsd-dev.gold.jsonl"] {
        let Ok(data) = std::fs::read_to_string(path) else { continue };
        for line in data.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(t) = v["text"].as_str()
            {
                texts.push(t.to_string());
            }
        }
    }
    if texts.is_empty() {
        eprintln!("no dev texts found; skipped");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let reps = (50_000_000 / bytes).max(1);
    let mut n_sent = 0;
    let t0 = std::time::Instant::now();
    for _ in 0..reps {
        for t in &texts {
            n_sent += segment(t, "ru").sentences.len();
        }
    }
    let dt = t0.elapsed().as_secs_f64();
    let t1 = std::time::Instant::now();
    let mut n_tok = 0;
    for _ in 0..reps {
        for t in &texts {
            n_tok += tokenize(t).len();
        }
    }
    let dt_tok = t1.elapsed().as_secs_f64();
    let mb = (bytes * reps) as f64 / 1e6;
    eprintln!(
        "segment: {mb:.1} MB in {dt:.2} s = {:.0} MB/s ({n_sent} sentences); tokenize alone: {:.0} MB/s ({n_tok} tokens)",
        mb / dt,
        mb / dt_tok
    );
}
