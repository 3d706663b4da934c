"""Translations of a few demo offers, as providers or volunteers would write them: short and
plain. Keyed by external id; each entry names the German title and a fingerprint of the German
texts it translates (see translations.py), so a change of the seed cannot pair a translation
with another text. Per language: (title, summary, description)."""

ZWNJ = "\u200c"  # Persian joins the parts of some words with it (می‌شود); written visibly here

MARL_COURSE = {
    "de_title": "Deutschkurs für Frauen mit Kinderbetreuung",
    "fingerprint": "7d55c555cc142ab9",
    "en": (
        "German course for women with childcare",
        "Learn German (A1/A2) in a women-only group while your children are looked after next "
        "door – Monday and Wednesday mornings at the Marl-Hüls community centre.",
        "Our German course is for women only. We learn in a small group of no more than twelve "
        "women: German for everyday life – at the paediatrician, at nursery and school, when "
        "shopping and at public offices. The course is for beginners (A1) and for women who "
        "already know a little German (A2).\n\n"
        "During the lessons, two childcare workers look after your children (from 1 year) in "
        "the room next door. Please register yourself and your children beforehand – the easiest "
        "way is to call Ms Kaya. You can join at any time while places are free. If needed, "
        "things are also explained in Arabic, Turkish and Ukrainian.",
    ),
    "ar": (
        "دورة لغة ألمانية للنساء مع رعاية الأطفال",
        "تعلّمي الألمانية (A1/A2) في مجموعة للنساء فقط، بينما يُعتنى بأطفالك في الغرفة المجاورة – "
        "صباح يومي الاثنين والأربعاء في مركز الحي في مارل-هولس.",
        "دورتنا للغة الألمانية مخصّصة للنساء فقط. نتعلّم في مجموعة صغيرة لا تزيد على اثنتي عشرة "
        "مشاركة الألمانية التي نحتاجها في الحياة اليومية: عند طبيب الأطفال، وفي الحضانة والمدرسة، "
        "وعند التسوّق، وفي الدوائر الرسمية. الدورة للمبتدئات (A1) وللنساء اللواتي يعرفن القليل من "
        "الألمانية (A2).\n\n"
        "أثناء الدرس تعتني مربّيتان بأطفالك (من عمر سنة) في الغرفة المجاورة. يُرجى تسجيلك وتسجيل "
        "أطفالك مسبقًا، وأسهل طريقة هي الاتصال بالسيدة كايا. يمكنك الانضمام في أي وقت ما دامت هناك "
        "أماكن شاغرة. ويمكن عند الحاجة الشرح أيضًا بالعربية والتركية والأوكرانية.",
    ),
    "fa": (
        "کلاس زبان آلمانی برای زنان همراه با نگهداری از کودکان",
        f"یادگیری زبان آلمانی (A1/A2) فقط برای زنان، در حالی که از کودکان در اتاق کناری نگهداری "
        f"می{ZWNJ}شود – دوشنبه{ZWNJ}ها و چهارشنبه{ZWNJ}ها صبح در مرکز محله مارل-هولس.",
        f"کلاس آلمانی ما فقط برای زنان است. در یک گروه کوچک با حداکثر دوازده شرکت{ZWNJ}کننده، "
        f"آلمانی را برای زندگی روزمره یاد می{ZWNJ}گیریم: نزد پزشک کودکان، در مهدکودک و مدرسه، "
        f"هنگام خرید و در اداره{ZWNJ}ها. این کلاس برای مبتدیان (A1) و زنانی است که کمی آلمانی "
        f"بلدند (A2).\n\n"
        f"در زمان کلاس، دو مربی از کودکان شما (از یک سالگی) در اتاق کناری نگهداری می{ZWNJ}کنند. "
        f"لطفاً خود و کودکانتان را از قبل ثبت{ZWNJ}نام کنید – ساده{ZWNJ}ترین راه تماس تلفنی با خانم "
        f"کایا است. تا زمانی که جای خالی باشد، هر وقت بخواهید می{ZWNJ}توانید شروع کنید. در صورت "
        f"نیاز توضیحات به زبان{ZWNJ}های عربی، ترکی و اوکراینی هم داده می{ZWNJ}شود.",
    ),
    "tr": (
        "Kadınlar için çocuk bakımlı Almanca kursu",
        "Sadece kadınlar için Almanca (A1/A2): Siz dersteyken çocuklarınıza yan odada bakılır – "
        "pazartesi ve çarşamba sabahları Marl-Hüls Semt Merkezi'nde.",
        "Almanca kursumuz sadece kadınlar içindir. En fazla on iki katılımcıdan oluşan küçük bir "
        "grupta günlük hayat için Almanca öğreniyoruz: çocuk doktorunda, kreşte ve okulda, "
        "alışverişte ve resmî dairelerde. Kurs, yeni başlayanlar (A1) ve biraz Almanca bilen "
        "kadınlar (A2) içindir.\n\n"
        "Ders sırasında çocuklarınıza (1 yaşından itibaren) yan odada iki çocuk eğitmeni bakar. "
        "Lütfen kendinizi ve çocuklarınızı önceden kaydettirin – en kolayı Kaya Hanım'ı telefonla "
        "aramaktır. Boş yer olduğu sürece kursa her zaman katılabilirsiniz. Gerekirse açıklamalar "
        "Arapça, Türkçe ve Ukraynaca da yapılır.",
    ),
    "uk": (
        "Курс німецької мови для жінок із доглядом за дітьми",
        "Німецька мова (A1/A2) лише для жінок, поки за вашими дітьми доглядають у сусідній "
        "кімнаті, – щопонеділка та щосереди зранку в районному центрі Марль-Гюльс.",
        "Наш курс німецької мови – лише для жінок. Ми навчаємося в невеликій групі (не більше "
        "дванадцяти учасниць) німецької для повсякденного життя: у дитячого лікаря, у дитячому "
        "садку та школі, у магазині та в установах. Курс для початківців (A1) і для жінок, які вже "
        "трохи знають німецьку (A2).\n\n"
        "Під час занять дві виховательки доглядають за вашими дітьми (від 1 року) в сусідній "
        "кімнаті. Будь ласка, заздалегідь зареєструйте себе та дітей – найпростіше зателефонувати "
        "пані Каї. Приєднатися можна будь-коли, поки є вільні місця. За потреби пояснюємо також "
        "арабською, турецькою та українською.",
    ),
    "ru": (
        "Курс немецкого языка для женщин с присмотром за детьми",
        "Немецкий язык (A1/A2) только для женщин, пока за вашими детьми присматривают в соседней "
        "комнате, – по понедельникам и средам утром в районном центре Марль-Хюльс.",
        "Наш курс немецкого языка – только для женщин. Мы занимаемся в небольшой группе (не более "
        "двенадцати участниц) и учим немецкий для повседневной жизни: у детского врача, в детском "
        "саду и школе, в магазине и в учреждениях. Курс для начинающих (A1) и для женщин, которые "
        "уже немного знают немецкий (A2).\n\n"
        "Во время занятий две воспитательницы присматривают за вашими детьми (от 1 года) в "
        "соседней комнате. Пожалуйста, заранее запишите себя и детей – проще всего позвонить "
        "госпоже Кае. Присоединиться можно в любое время, пока есть свободные места. При "
        "необходимости объясняем также на арабском, турецком и украинском.",
    ),
}

# Said the same way in several offers of the same kind.
FUNDED_BY_NRW = {
    "en": "This service is funded by the state of North Rhine-Westphalia (NRW).",
    "ar": "هذه الخدمة ممولة من ولاية شمال الراين-وستفاليا.",
    "ru": "Проект финансируется землёй Северный Рейн – Вестфалия.",
    "uk": "Проєкт фінансується землею Північний Рейн – Вестфалія.",
}
LETTER_FROM_AN_OFFICE = {
    "en": "You have received a letter from a public office and do not understand it? You are "
          "looking for an integration course? Come to our open consultation hours on {day}. "
          "Bring your documents with you.",
    "ar": "وصلتك رسالة من دائرة رسمية ولم تفهمها؟ تبحث عن دورة اندماج؟ تعال إلى ساعات الاستشارة "
          "المفتوحة {day}. أحضر أوراقك معك.",
}

OTHERS = {
    "demo-0002": {
        "de_title": "Sprachcafé „Deutsch bei Tee“ in Recklinghausen",
        "fingerprint": "dbfbf1d5b7028dc3",
        "en": (
            "Language café “German over tea” in Recklinghausen",
            "No registration, no cost: conversation in German over coffee and tea in Recklinghausen.",
            "Drop in! Over tea and cake we talk about anything and everything – in German, but "
            "without any pressure. Whether you have just arrived or already have B1: everyone is "
            "welcome. We are a team of volunteers from Recklinghausen and look forward to "
            "meeting you.\n\nWe also speak Ukrainian.",
        ),
        "ar": (
            "مقهى اللغة «الألمانية مع الشاي» في ريكلينغهاوزن",
            "بدون تسجيل وبدون تكلفة: محادثة بالألمانية مع القهوة والشاي في ريكلينغهاوزن.",
            "تعالوا إلينا! نتحدث مع الشاي والكعك في كل المواضيع – بالألمانية، ولكن دون أي ضغط. "
            "سواء وصلتم للتو أو لديكم مستوى B1: الجميع مرحَّب بهم. نحن فريق من المتطوعين من "
            "ريكلينغهاوزن ويسعدنا لقاؤكم.\n\nنتحدث الأوكرانية أيضًا.",
        ),
        "uk": (
            "Мовне кафе «Німецька за чаєм» у Реклінггаузені",
            "Без реєстрації та безкоштовно: розмови німецькою за кавою та чаєм у Реклінггаузені.",
            "Приходьте! За чаєм і тістечками говоримо про все на світі – німецькою, але без жодного "
            "тиску. Ви щойно приїхали чи вже маєте рівень B1 – раді всім. Ми – команда волонтерів "
            "із Реклінггаузена і чекаємо на вас.\n\nМи також говоримо українською.",
        ),
    },
    "demo-0003": {
        "de_title": "Internationales Sprachcafé Marl-Lenkerbeck",
        "fingerprint": "de0fc44088f768a9",
        "en": (
            "International language café Marl-Lenkerbeck",
            "Volunteers and newcomers meet on Wednesdays to talk, laugh and learn.",
            "Language café – Wednesdays, 3 to 5 pm\n- Place: Lenkerbeck community centre, "
            "Dorfstraße 48a\n- no registration\n- free of charge\n- drinks and biscuits provided\n"
            "Just come in!\n\n"
            "The language café gives people who are learning German the chance to use it in "
            "conversation. Volunteers join small groups at the tables. Topics are everyday life, "
            "work, school and free time. You do not need to register.\n\n"
            "If you have one, please bring your residence permit.",
        ),
        "ar": (
            "مقهى اللغة الدولي في مارل-لينكربيك",
            "يلتقي المتطوعون والقادمون الجدد أيام الأربعاء للحديث والضحك والتعلّم.",
            "مقهى اللغة – أيام الأربعاء من الساعة 3 إلى 5 عصرًا\n- المكان: مركز حي لينكربيك، "
            "Dorfstraße 48a\n- بدون تسجيل\n- مجانًا\n- تتوفر مشروبات وكعك\nتفضلوا بالدخول!\n\n"
            "يتيح مقهى اللغة لمن يتعلّمون الألمانية فرصة استخدامها في المحادثة. يرافق متطوعون "
            "ومتطوعات مجموعات صغيرة حول الطاولات. المواضيع هي الحياة اليومية والعمل والمدرسة "
            "وأوقات الفراغ. لا حاجة للتسجيل.\n\nيُرجى إحضار تصريح الإقامة إن وُجد.",
        ),
        "fa": (
            f"کافه زبان بین{ZWNJ}المللی مارل-لنکربک",
            f"داوطلبان و تازه{ZWNJ}واردان چهارشنبه{ZWNJ}ها برای گفت{ZWNJ}وگو، خندیدن و یادگیری "
            f"دور هم جمع می{ZWNJ}شوند.",
            f"کافه زبان – چهارشنبه{ZWNJ}ها، ساعت ۱۵ تا ۱۷\n- مکان: مرکز محله لنکربک، Dorfstraße 48a\n"
            f"- بدون ثبت{ZWNJ}نام\n- رایگان\n- نوشیدنی و شیرینی آماده است\nفقط بیایید!\n\n"
            f"کافه زبان به کسانی که آلمانی یاد می{ZWNJ}گیرند فرصت می{ZWNJ}دهد آن را در گفت{ZWNJ}وگو "
            f"به کار ببرند. داوطلبان گروه{ZWNJ}های کوچک سر میزها را همراهی می{ZWNJ}کنند. موضوع{ZWNJ}ها "
            f"زندگی روزمره، کار، مدرسه و اوقات فراغت است. ثبت{ZWNJ}نام لازم نیست.\n\n"
            f"لطفاً اگر کارت اقامت دارید، آن را همراه بیاورید.",
        ),
    },
    "demo-0008": {
        "de_title": "Möbelbörse Brassert",
        "fingerprint": "1018b488764e0b0a",
        "en": (
            "Furniture exchange Brassert",
            "Second-hand furniture, household goods and electrical appliances for little money – "
            "Wednesdays 2 to 5 pm.",
            "Furniture exchange\nOpening hours: Wednesday 2 to 5 pm\nAddress: Am Förderturm 27\n"
            "Collection of donations: by appointment\nDelivery: possible for a fee\n\n"
            "There is parking behind the building and bike racks at the entrance. You are welcome "
            "any time during opening hours.",
        ),
        "ar": (
            "سوق الأثاث المستعمل في براسرت",
            "أثاث مستعمل وأدوات منزلية وأجهزة كهربائية بسعر زهيد – أيام الأربعاء من الساعة 2 إلى 5 "
            "بعد الظهر.",
            "سوق الأثاث\nأوقات الفتح: الأربعاء من 14 إلى 17\nالعنوان: Am Förderturm 27\n"
            "استلام التبرعات: بموعد مسبق\nالنقل: ممكن مقابل رسوم\n\n"
            "توجد مواقف سيارات خلف المبنى وأماكن للدراجات عند المدخل. يمكنكم المجيء في أي وقت "
            "خلال ساعات الفتح.",
        ),
        "uk": (
            "Вживані меблі в Брассерті",
            "Вживані меблі, домашні речі та електроприлади за невеликі гроші – щосереди з 14 до "
            "17 години.",
            "Пункт уживаних меблів\nЧас роботи: середа, 14–17 год.\nАдреса: Am Förderturm 27\n"
            "Вивезення пожертв: за домовленістю\nДоставка: можлива за плату\n\n"
            "Парковка за будинком, велостоянка біля входу. Приходьте будь-коли в години роботи.",
        ),
    },
    "demo-0012": {
        "de_title": "Hausaufgaben-Treff für Grundschulkinder",
        "fingerprint": "fbf4a5f7f15ca78f",
        "en": (
            "Homework club for primary school children",
            "Help with learning in small groups at the Lenkerbeck community hall; the costs can be "
            "covered by the education and participation package (BuT).",
            "After school the children come to us and do their homework. Volunteer helpers explain "
            "what was not clear in class and practise reading and maths. Afterwards there is a "
            "snack and time to play.",
        ),
        "ar": (
            "ملتقى الواجبات المدرسية لأطفال المرحلة الابتدائية",
            "مساعدة في التعلّم ضمن مجموعات صغيرة في دار المواطنين في لينكربيك؛ يمكن تغطية التكاليف "
            "عبر حزمة التعليم والمشاركة (BuT).",
            "بعد المدرسة يأتي الأطفال إلينا ويحلّون واجباتهم المدرسية. يشرح متطوعون ومتطوعات ما لم "
            "يكن واضحًا في الدرس، ويتدرّبون معهم على القراءة والحساب. بعد ذلك هناك وجبة خفيفة "
            "ووقت للّعب.",
        ),
        "tr": (
            "İlkokul çocukları için ödev buluşması",
            "Lenkerbeck Vatandaş Evi'nde küçük gruplarla ders desteği; masraflar Eğitim ve Katılım "
            "Paketi (BuT) ile karşılanabilir.",
            "Çocuklar okuldan sonra bize gelip ödevlerini yapıyor. Gönüllü yardımcılar derste "
            "anlaşılmayan konuları açıklıyor, okuma ve hesap alıştırmaları yapıyor. Ardından bir "
            "ara öğün ve oyun zamanı var.",
        ),
    },
    "demo-0016": {
        "de_title": "MBE – Beratungsstelle Grullbad",
        "fingerprint": "e208df288f34fca4",
        "en": (
            "MBE – migration advice centre Grullbad",
            "Migration advice in Grullbad: we help with letters from public offices, applications "
            "and finding a course.",
            LETTER_FROM_AN_OFFICE["en"].format(day="Thursdays from 10 am to 1 pm")
            + "\n\nThe bus stop is only a few steps away. You can come at any time.",
        ),
        "ar": (
            "MBE – مركز استشارات الهجرة في غرولباد",
            "استشارات للمهاجرين في غرولباد: نساعد في رسائل الدوائر الرسمية وتقديم الطلبات والبحث "
            "عن دورة.",
            LETTER_FROM_AN_OFFICE["ar"].format(day="أيام الخميس من الساعة 10 إلى 13")
            + "\n\nموقف الحافلات على بعد خطوات قليلة. يمكنك المجيء في أي وقت.",
        ),
        "fa": (
            f"MBE – مرکز مشاوره مهاجرت گرول{ZWNJ}باد",
            f"مشاوره مهاجرت در گرول{ZWNJ}باد: در نامه{ZWNJ}های اداری، پر کردن درخواست{ZWNJ}ها و "
            f"پیدا کردن کلاس به شما کمک می{ZWNJ}کنیم.",
            f"نامه{ZWNJ}ای از اداره دریافت کرده{ZWNJ}اید و آن را نمی{ZWNJ}فهمید؟ دنبال کلاس ادغام "
            f"(Integrationskurs) هستید؟ پنجشنبه{ZWNJ}ها از ساعت ۱۰ تا ۱۳ به ساعت مشاوره آزاد ما "
            f"بیایید. مدارک خود را همراه بیاورید.\n\n"
            f"ایستگاه اتوبوس فقط چند قدم فاصله دارد. هر وقت بخواهید می{ZWNJ}توانید بیایید.",
        ),
    },
    "demo-0017": {
        "de_title": "MBE – Beratungsstelle Alt-Marl",
        "fingerprint": "e939824c18dab402",
        "en": (
            "MBE – migration advice centre Alt-Marl",
            "Free advice for immigrants in Marl: applications, public offices, integration course.",
            "MBE\nOpening hours: Wednesday 9 am to 12 noon, other appointments by arrangement\n"
            "Advice in several languages\nfree · confidential\n\n"
            + LETTER_FROM_AN_OFFICE["en"].format(day="Wednesdays from 9 am to 12 noon")
            + "\n\n" + FUNDED_BY_NRW["en"],
        ),
        "ar": (
            "MBE – مركز استشارات الهجرة في ألت-مارل",
            "استشارة مجانية للقادمين الجدد في مارل: الطلبات، الدوائر الرسمية، دورة الاندماج.",
            "MBE\nأوقات الاستشارة: الأربعاء من 9 إلى 12، ومواعيد أخرى بالاتفاق\nاستشارة بعدة لغات\n"
            "مجانًا · بسرية تامة\n\n"
            + LETTER_FROM_AN_OFFICE["ar"].format(day="أيام الأربعاء من الساعة 9 إلى 12")
            + "\n\n" + FUNDED_BY_NRW["ar"],
        ),
        "ru": (
            "MBE – консультация для мигрантов в Альт-Марле",
            "Бесплатная консультация для приезжих в Марле: заявления, ведомства, интеграционный курс.",
            "MBE\nЧасы приёма: среда с 9 до 12, другое время по договорённости\nКонсультации на "
            "нескольких языках\nбесплатно · конфиденциально\n\n"
            "Вы получили письмо из ведомства и не понимаете его? Ищете интеграционный курс? "
            "Приходите на наш открытый приём по средам с 9 до 12 часов. Возьмите с собой "
            "документы.\n\n" + FUNDED_BY_NRW["ru"],
        ),
    },
    "demo-0020": {
        "de_title": "JMD – Beratung für junge Menschen",
        "fingerprint": "84983dd6d6070ff1",
        "en": (
            "JMD – advice for young people",
            "Youth migration service in Recklinghausen: school, vocational training, residence – "
            "we listen and help you further.",
            "You are between 12 and 27 and new in Germany? Just come to our consultation hours – or "
            "message us first on WhatsApp or by e-mail. We speak German, English, Arabic and "
            "Ukrainian.\n\n" + FUNDED_BY_NRW["en"],
        ),
        "ar": (
            "JMD – استشارات للشباب",
            "خدمة هجرة الشباب في ريكلينغهاوزن: المدرسة، التدريب المهني، الإقامة – نستمع إليك "
            "ونساعدك.",
            "عمرك بين 12 و27 عامًا وأنت جديد في ألمانيا؟ تعال ببساطة إلى ساعات الاستشارة – أو راسلنا "
            "قبل ذلك عبر واتساب أو البريد الإلكتروني. نتحدث الألمانية والإنجليزية والعربية "
            "والأوكرانية.\n\n" + FUNDED_BY_NRW["ar"],
        ),
        "uk": (
            "JMD – консультації для молоді",
            "Молодіжна міграційна служба в Реклінггаузені: школа, професійне навчання, дозвіл на "
            "проживання – ми вислухаємо й допоможемо.",
            "Тобі від 12 до 27 років і ти нещодавно в Німеччині? Просто приходь на консультацію – "
            "або спершу напиши нам у WhatsApp чи електронною поштою. Ми говоримо німецькою, "
            "англійською, арабською та українською.\n\n" + FUNDED_BY_NRW["uk"],
        ),
    },
    "demo-0025": {
        "de_title": "Schwimmen lernen nur für Frauen (Oberwiese)",
        "fingerprint": "44cf356bc6fabba2",
        "en": (
            "Learn to swim – women only (Oberwiese)",
            "Learn to swim in a protected setting: women only, female staff, screened windows.",
            "Many women never had the chance to learn to swim. During our course the pool is open "
            "to women only, the windows are covered and female instructors teach. We start in "
            "shallow water and practise in small steps. Wear whatever swimwear you like – a "
            "burkini is welcome too.\n\n"
            "The bus stop is only a few steps away. Natalija Kovalenko is happy to answer "
            "questions by phone.",
        ),
        "ar": (
            "تعلّم السباحة للنساء فقط (أوبرفيزه)",
            "تعلّمي السباحة في أجواء محمية: للنساء فقط، طاقم نسائي، ونوافذ مغطاة.",
            "كثير من النساء لم تُتح لهن فرصة تعلّم السباحة. خلال دورتنا يكون المسبح مفتوحًا للنساء "
            "فقط، والنوافذ مغطاة، والتدريب على أيدي مدرّبات. نبدأ في المياه الضحلة ونتمرّن خطوة "
            "خطوة. يمكنك ارتداء ملابس السباحة التي تختارينها، والبوركيني مرحَّب به أيضًا.\n\n"
            "موقف الحافلات على بعد خطوات قليلة. تجيب ناتاليا كوفالينكو بكل سرور عن الأسئلة هاتفيًا.",
        ),
        "uk": (
            "Навчання плавання лише для жінок (Обервізе)",
            "Навчання плавання в захищеній атмосфері: лише жінки, жіночий персонал, закриті вікна.",
            "Багато жінок ніколи не мали змоги навчитися плавати. Під час нашого курсу басейн "
            "відкритий лише для жінок, вікна закриті, а навчають тренерки. Починаємо на мілкій воді "
            "й просуваємося маленькими кроками. Купальний одяг – на ваш вибір, буркіні теж можна.\n\n"
            "Автобусна зупинка – за кілька кроків. На запитання телефоном охоче відповість "
            "Наталія Коваленко.",
        ),
    },
    "demo-0029": {
        "de_title": "Mietersprechstunde Berghausen",
        "fingerprint": "610b515cce705043",
        "en": (
            "Tenants' advice hours Berghausen",
            "Problems with your landlord, service charges or mould? Advice on tenancy law.",
            "We check service charge statements, rent increases and notices to quit, and advise on "
            "defects such as mould or broken heating. Please bring your tenancy agreement and any "
            "letters.\n\nWe also speak Turkish.",
        ),
        "ar": (
            "استشارات المستأجرين في بيرغهاوزن",
            "مشاكل مع المؤجر أو التكاليف الإضافية أو العفن؟ استشارات في قانون الإيجار.",
            "نراجع كشوفات التكاليف الإضافية وزيادات الإيجار وإنهاء العقود، ونقدّم المشورة في حالات "
            "العيوب مثل العفن أو تعطّل التدفئة. يُرجى إحضار عقد الإيجار والمراسلات.\n\n"
            "نتحدث التركية أيضًا.",
        ),
        "tr": (
            "Berghausen kiracı danışma saati",
            "Ev sahibinizle, yan giderlerle ya da küfle ilgili sorun mu var? Kira hukuku danışmanlığı.",
            "Yan gider hesaplarını, kira artışlarını ve fesih bildirimlerini inceliyor; küf ya da "
            "bozuk kalorifer gibi kusurlarda danışmanlık veriyoruz. Lütfen kira sözleşmenizi ve "
            "yazışmaları yanınızda getirin.\n\nTürkçe de konuşuyoruz.",
        ),
    },
    "demo-0030": {
        "de_title": "Offene Sozialsprechstunde Hochlar",
        "fingerprint": "4ec773e897e83f63",
        "en": (
            "Open social advice hours Hochlar",
            "Social advice on Tuesdays, 9 to 11:30 am: applications, debts, letters from public "
            "offices.",
            "At our social advice service you get help with applications to the Jobcenter, the "
            "Familienkasse (child benefit office) and the housing benefit office. We check "
            "decisions, help you lodge objections and, if needed, refer you to specialist services "
            "such as debt advice or the tenants' association.\n\n"
            "If you have questions, just call or send an e-mail.",
        ),
        "ar": (
            "ساعات الاستشارة الاجتماعية المفتوحة في هوخلار",
            "استشارات اجتماعية أيام الثلاثاء من 9 إلى 11:30: الطلبات، الديون، رسائل الدوائر الرسمية.",
            "تحصل في الاستشارة الاجتماعية على الدعم في تقديم الطلبات إلى مركز العمل (Jobcenter) "
            "وصندوق الأسرة (Familienkasse) ومكتب بدل السكن. نراجع القرارات ونساعد في تقديم "
            "الاعتراضات، ونحيلك عند الحاجة إلى جهات مختصة مثل استشارات الديون أو جمعية "
            "المستأجرين.\n\nإذا كانت لديك أسئلة، اتصل بنا أو اكتب لنا رسالة إلكترونية.",
        ),
        "ru": (
            "Открытая социальная консультация в Хохларе",
            "Социальная консультация по вторникам с 9 до 11:30: заявления, долги, письма из ведомств.",
            "На социальной консультации вам помогут с заявлениями в Jobcenter, Familienkasse "
            "(детские пособия) и отдел жилищных субсидий. Мы проверяем решения ведомств, помогаем "
            "подавать возражения и при необходимости направляем к специалистам, например в "
            "консультацию по долгам или в союз квартиросъёмщиков.\n\n"
            "Если есть вопросы, просто позвоните или напишите по электронной почте.",
        ),
    },
}

TRANSLATED_OFFERS = {"demo-0001": MARL_COURSE, **OTHERS}
