"""Word lists of the synthetic corpus (:mod:`generator.editorial.synth`): names in many scripts, places, publishers.

Every person, publisher and outlet here is made up; places and countries are
real so that dates, coordinates and country codes look like a desk's.  Native
spellings are given where the culture writes its names in another script, so
the corpus exercises Cyrillic, Hangul, Han, kana, Arabic, Hebrew, Greek,
Georgian, Armenian and Devanagari text as well as Latin with diacritics.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Culture:
    """How one culture writes people's names.

    ``given``: (Latin, native or "", "m"/"f"/"") ; ``family``: (Latin m, native m, Latin f, native f).
    """

    country: str
    family_first: bool
    native_separator: str
    given: tuple[tuple[str, str, str], ...]
    family: tuple[tuple[str, str, str, str], ...]


def _same(*pairs: tuple[str, str]) -> tuple[tuple[str, str, str, str], ...]:
    """Family names that do not change with gender."""
    return tuple((latin, native, latin, native) for latin, native in pairs)


def _latin(*names: str) -> tuple[tuple[str, str, str], ...]:
    return tuple((name, "", "") for name in names)


CULTURES: tuple[Culture, ...] = (
    Culture("UA", False, " ", (
        ("Olena", "Олена", "f"), ("Andrii", "Андрій", "m"), ("Oksana", "Оксана", "f"), ("Taras", "Тарас", "m"),
        ("Iryna", "Ірина", "f"), ("Mykola", "Микола", "m"), ("Yuliia", "Юлія", "f"), ("Serhii", "Сергій", "m"),
        ("Nataliia", "Наталія", "f"), ("Dmytro", "Дмитро", "m"), ("Halyna", "Галина", "f"), ("Bohdan", "Богдан", "m"),
        ("Kateryna", "Катерина", "f"), ("Volodymyr", "Володимир", "m"),
    ), _same(
        ("Kovalenko", "Коваленко"), ("Shevchenko", "Шевченко"), ("Bondarenko", "Бондаренко"),
        ("Tkachenko", "Ткаченко"), ("Kravchenko", "Кравченко"), ("Melnyk", "Мельник"), ("Oliinyk", "Олійник"),
        ("Lysenko", "Лисенко"), ("Moroz", "Мороз"), ("Savchenko", "Савченко"), ("Rudenko", "Руденко"),
        ("Marchenko", "Марченко"), ("Petrenko", "Петренко"), ("Polishchuk", "Поліщук"),
    )),
    Culture("RU", False, " ", (
        ("Dmitry", "Дмитрий", "m"), ("Anna", "Анна", "f"), ("Sergei", "Сергей", "m"), ("Yelena", "Елена", "f"),
        ("Alexei", "Алексей", "m"), ("Olga", "Ольга", "f"), ("Mikhail", "Михаил", "m"), ("Tatiana", "Татьяна", "f"),
        ("Igor", "Игорь", "m"), ("Irina", "Ирина", "f"), ("Nikolai", "Николай", "m"), ("Svetlana", "Светлана", "f"),
    ), (
        ("Sokolov", "Соколов", "Sokolova", "Соколова"), ("Volkov", "Волков", "Volkova", "Волкова"),
        ("Morozov", "Морозов", "Morozova", "Морозова"), ("Lebedev", "Лебедев", "Lebedeva", "Лебедева"),
        ("Kozlov", "Козлов", "Kozlova", "Козлова"), ("Novikov", "Новиков", "Novikova", "Новикова"),
        ("Orlov", "Орлов", "Orlova", "Орлова"), ("Zaitsev", "Зайцев", "Zaitseva", "Зайцева"),
        ("Pavlov", "Павлов", "Pavlova", "Павлова"), ("Belov", "Белов", "Belova", "Белова"),
    )),
    Culture("KR", True, "", (
        ("Min-jun", "민준", ""), ("Seo-yeon", "서연", ""), ("Ji-ho", "지호", ""), ("Ha-eun", "하은", ""),
        ("Do-yun", "도윤", ""), ("Su-bin", "수빈", ""), ("Ye-jin", "예진", ""), ("Hyun-woo", "현우", ""),
        ("Ji-won", "지원", ""), ("Seung-min", "승민", ""), ("Eun-ji", "은지", ""), ("Tae-yang", "태양", ""),
    ), _same(
        ("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"),
        ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Shin", "신"),
    )),
    Culture("JP", True, "", (
        ("Haruto", "陽翔", ""), ("Yui", "結衣", ""), ("Sota", "蒼太", ""), ("Hina", "陽菜", ""), ("Ren", "蓮", ""),
        ("Sakura", "さくら", ""), ("Takumi", "拓海", ""), ("Aoi", "葵", ""), ("Kenji", "健二", ""),
        ("Yuki", "由紀", ""),
    ), _same(
        ("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Tanaka", "田中"), ("Watanabe", "渡辺"),
        ("Ito", "伊藤"), ("Yamamoto", "山本"), ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"),
    )),
    Culture("CN", True, "", (
        ("Wei", "伟", ""), ("Fang", "芳", ""), ("Min", "敏", ""), ("Jing", "静", ""), ("Lei", "磊", ""),
        ("Yan", "艳", ""), ("Jun", "军", ""), ("Jie", "杰", ""), ("Tao", "涛", ""), ("Hui", "慧", ""),
        ("Xiuying", "秀英", ""), ("Haoran", "浩然", ""),
    ), _same(
        ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
        ("Huang", "黄"), ("Zhao", "赵"), ("Wu", "吴"), ("Zhou", "周"),
    )),
    Culture("SA", False, " ", (
        ("Ahmed", "أحمد", "m"), ("Fatima", "فاطمة", "f"), ("Omar", "عمر", "m"), ("Layla", "ليلى", "f"),
        ("Khaled", "خالد", "m"), ("Nour", "نور", "f"), ("Yousef", "يوسف", "m"), ("Mariam", "مريم", "f"),
        ("Hassan", "حسن", "m"), ("Amal", "أمل", "f"),
    ), _same(
        ("Al-Masri", "المصري"), ("Haddad", "حداد"), ("Khalil", "خليل"), ("Mansour", "منصور"), ("Nasser", "ناصر"),
        ("Saleh", "صالح"), ("Abbas", "عباس"), ("Hamdan", "حمدان"), ("Darwish", "درويش"), ("Aziz", "عزيز"),
    )),
    Culture("IL", False, " ", (
        ("Noa", "נועה", "f"), ("David", "דוד", "m"), ("Tamar", "תמר", "f"), ("Yosef", "יוסף", "m"),
        ("Maya", "מאיה", "f"), ("Avi", "אבי", "m"), ("Shira", "שירה", "f"), ("Eitan", "איתן", "m"),
    ), _same(
        ("Cohen", "כהן"), ("Levi", "לוי"), ("Mizrahi", "מזרחי"), ("Peretz", "פרץ"), ("Biton", "ביטון"),
        ("Friedman", "פרידמן"), ("Katz", "כץ"), ("Azoulay", "אזולאי"),
    )),
    Culture("GR", False, " ", (
        ("Nikos", "Νίκος", "m"), ("Maria", "Μαρία", "f"), ("Giorgos", "Γιώργος", "m"), ("Eleni", "Ελένη", "f"),
        ("Dimitris", "Δημήτρης", "m"), ("Katerina", "Κατερίνα", "f"), ("Kostas", "Κώστας", "m"),
        ("Sofia", "Σοφία", "f"),
    ), (
        ("Papadopoulos", "Παπαδόπουλος", "Papadopoulou", "Παπαδοπούλου"),
        ("Georgiou", "Γεωργίου", "Georgiou", "Γεωργίου"),
        ("Nikolaidis", "Νικολαΐδης", "Nikolaidou", "Νικολαΐδου"),
        ("Oikonomou", "Οικονόμου", "Oikonomou", "Οικονόμου"),
        ("Vlachos", "Βλάχος", "Vlachou", "Βλάχου"),
        ("Karagiannis", "Καραγιάννης", "Karagianni", "Καραγιάννη"),
        ("Dimitriou", "Δημητρίου", "Dimitriou", "Δημητρίου"),
    )),
    Culture("IN", False, " ", (
        ("Priya", "प्रिया", ""), ("Rahul", "राहुल", ""), ("Anjali", "अंजलि", ""), ("Arjun", "अर्जुन", ""),
        ("Sunita", "सुनीता", ""), ("Vikram", "विक्रम", ""), ("Kavita", "कविता", ""), ("Amit", "अमित", ""),
        ("Neha", "नेहा", ""), ("Rohan", "रोहन", ""),
    ), _same(
        ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"), ("Singh", "सिंह"), ("Patel", "पटेल"),
        ("Mehta", "मेहता"), ("Joshi", "जोशी"), ("Rao", "राव"), ("Iyer", "अय्यर"), ("Nair", "नायर"),
    )),
    Culture("GE", False, " ", (
        ("Giorgi", "გიორგი", ""), ("Nino", "ნინო", ""), ("Davit", "დავით", ""), ("Tamar", "თამარ", ""),
        ("Levan", "ლევან", ""), ("Ana", "ანა", ""), ("Irakli", "ირაკლი", ""), ("Mariam", "მარიამ", ""),
    ), _same(
        ("Beridze", "ბერიძე"), ("Kapanadze", "კაპანაძე"), ("Gelashvili", "გელაშვილი"), ("Maisuradze", "მაისურაძე"),
        ("Giorgadze", "გიორგაძე"), ("Lomidze", "ლომიძე"), ("Tsiklauri", "წიკლაური"), ("Bolkvadze", "ბოლქვაძე"),
    )),
    Culture("AM", False, " ", (
        ("Aram", "Արամ", ""), ("Anahit", "Անահիտ", ""), ("Tigran", "Տիգրան", ""), ("Lilit", "Լիլիթ", ""),
        ("Armen", "Արմեն", ""), ("Nare", "Նարե", ""), ("Hayk", "Հայկ", ""), ("Mane", "Մանե", ""),
    ), _same(
        ("Petrosyan", "Պետրոսյան"), ("Hovhannisyan", "Հովհաննիսյան"), ("Sargsyan", "Սարգսյան"),
        ("Grigoryan", "Գրիգորյան"), ("Harutyunyan", "Հարությունյան"), ("Khachatryan", "Խաչատրյան"),
        ("Karapetyan", "Կարապետյան"), ("Vardanyan", "Վարդանյան"),
    )),
    Culture("DE", False, " ", _latin(
        "Jürgen", "Sabine", "Björn", "Käthe", "Matthias", "Anke", "Jörg", "Ulrike", "Stefan", "Heike",
    ), _same(*((n, "") for n in (
        "Müller", "Schröder", "Weiß", "Köhler", "Schäfer", "Groß", "Hoffmann", "Krüger", "Schulz", "Fuchs",
    )))),
    Culture("PL", False, " ", (
        ("Małgorzata", "", "f"), ("Paweł", "", "m"), ("Agnieszka", "", "f"), ("Łukasz", "", "m"),
        ("Katarzyna", "", "f"), ("Wojciech", "", "m"), ("Zofia", "", "f"), ("Michał", "", "m"),
        ("Joanna", "", "f"), ("Krzysztof", "", "m"),
    ), (
        ("Wiśniewski", "", "Wiśniewska", ""), ("Kowalski", "", "Kowalska", ""), ("Wójcik", "", "Wójcik", ""),
        ("Kamiński", "", "Kamińska", ""), ("Lewandowski", "", "Lewandowska", ""), ("Zieliński", "", "Zielińska", ""),
        ("Szymański", "", "Szymańska", ""), ("Woźniak", "", "Woźniak", ""), ("Dąbrowski", "", "Dąbrowska", ""),
    )),
    Culture("CZ", False, " ", (
        ("Tomáš", "", "m"), ("Petra", "", "f"), ("Jiří", "", "m"), ("Lucie", "", "f"), ("Ondřej", "", "m"),
        ("Tereza", "", "f"), ("Jan", "", "m"), ("Kateřina", "", "f"),
    ), (
        ("Dvořák", "", "Dvořáková", ""), ("Novák", "", "Nováková", ""), ("Svoboda", "", "Svobodová", ""),
        ("Černý", "", "Černá", ""), ("Procházka", "", "Procházková", ""), ("Kučera", "", "Kučerová", ""),
        ("Veselý", "", "Veselá", ""), ("Horák", "", "Horáková", ""),
    )),
    Culture("TR", False, " ", _latin(
        "Ayşe", "Mehmet", "Zeynep", "Mustafa", "Elif", "Emre", "Şule", "Oğuz", "Gül", "Çağlar",
    ), _same(*((n, "") for n in (
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan",
    )))),
    Culture("VN", True, " ", _latin(
        "Văn An", "Thị Lan", "Minh Tuấn", "Thu Hà", "Đức Anh", "Ngọc Mai", "Quang Huy", "Thanh Hương",
    ), _same(*((n, "") for n in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ")))),
    Culture("FR", False, " ", _latin(
        "Hélène", "François", "Amélie", "Jérôme", "Céline", "Benoît", "Élodie", "Stéphane", "Zoé", "Loïc",
    ), _same(*((n, "") for n in (
        "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine", "Chevalier", "Lemaître", "Mercier", "Dubois",
    )))),
    Culture("ES", False, " ", _latin(
        "José", "María", "Jesús", "Lucía", "Ramón", "Inés", "Andrés", "Begoña", "Iñaki", "Sofía",
    ), _same(*((n, "") for n in (
        "Núñez", "García", "Peña", "Muñoz", "Jiménez", "Ibáñez", "Álvarez", "Martín", "Sánchez", "Gómez",
    )))),
    Culture("MD", False, " ", _latin(
        "Ștefan", "Ioana", "Andrei", "Mădălina", "Mihai", "Ana-Maria", "Radu", "Cătălina",
    ), _same(*((n, "") for n in ("Popescu", "Ionescu", "Țurcanu", "Rusu", "Ciobanu", "Munteanu", "Lupu", "Bălan")))),
    Culture("US", False, " ", _latin(
        "John", "Sarah", "Michael", "Emily", "David", "Laura", "Robert", "Megan", "James", "Rachel",
    ), _same(*((n, "") for n in (
        "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Anderson", "O'Neill", "Moore",
    )))),
)

# (name, ISO code, adjective)
STATES: tuple[tuple[str, str, str], ...] = (
    ("Ukraine", "UA", "Ukrainian"), ("Russia", "RU", "Russian"), ("United States", "US", "US"),
    ("Germany", "DE", "German"), ("France", "FR", "French"), ("United Kingdom", "GB", "British"),
    ("Poland", "PL", "Polish"), ("North Korea", "KP", "North Korean"), ("South Korea", "KR", "South Korean"),
    ("Japan", "JP", "Japanese"), ("China", "CN", "Chinese"), ("Türkiye", "TR", "Turkish"),
    ("Moldova", "MD", "Moldovan"), ("Georgia", "GE", "Georgian"), ("Romania", "RO", "Romanian"),
    ("Lithuania", "LT", "Lithuanian"), ("Latvia", "LV", "Latvian"), ("Estonia", "EE", "Estonian"),
    ("Finland", "FI", "Finnish"), ("Sweden", "SE", "Swedish"), ("Norway", "NO", "Norwegian"),
    ("Czechia", "CZ", "Czech"), ("Slovakia", "SK", "Slovak"), ("Hungary", "HU", "Hungarian"),
    ("Italy", "IT", "Italian"), ("Spain", "ES", "Spanish"), ("Netherlands", "NL", "Dutch"),
    ("Belgium", "BE", "Belgian"), ("Canada", "CA", "Canadian"), ("India", "IN", "Indian"),
    ("Iran", "IR", "Iranian"), ("Israel", "IL", "Israeli"), ("Saudi Arabia", "SA", "Saudi"),
    ("Qatar", "QA", "Qatari"), ("Armenia", "AM", "Armenian"), ("Azerbaijan", "AZ", "Azerbaijani"),
    ("Belarus", "BY", "Belarusian"), ("Kazakhstan", "KZ", "Kazakh"), ("Greece", "GR", "Greek"),
    ("Bulgaria", "BG", "Bulgarian"), ("Denmark", "DK", "Danish"), ("Switzerland", "CH", "Swiss"),
    ("Austria", "AT", "Austrian"), ("Brazil", "BR", "Brazilian"), ("South Africa", "ZA", "South African"),
    ("Vietnam", "VN", "Vietnamese"), ("Côte d'Ivoire", "CI", "Ivorian"),
)

# (name, ISO code, latitude, longitude)
CITIES: tuple[tuple[str, str, float, float], ...] = (
    ("Kyiv", "UA", 50.4501, 30.5234), ("Kharkiv", "UA", 49.9935, 36.2304), ("Odesa", "UA", 46.4825, 30.7233),
    ("Lviv", "UA", 49.8397, 24.0297), ("Dnipro", "UA", 48.4647, 35.0462), ("Zaporizhzhia", "UA", 47.8388, 35.1396),
    ("Kherson", "UA", 46.6354, 32.6169), ("Mykolaiv", "UA", 46.975, 31.9946), ("Sumy", "UA", 50.9077, 34.7981),
    ("Chernihiv", "UA", 51.4982, 31.2893), ("Poltava", "UA", 49.5883, 34.5514), ("Moscow", "RU", 55.7558, 37.6173),
    ("Belgorod", "RU", 50.5997, 36.5983), ("Kursk", "RU", 51.7304, 36.1926), ("Rostov-on-Don", "RU", 47.2357, 39.7015),
    ("Washington", "US", 38.9072, -77.0369), ("New York", "US", 40.7128, -74.006), ("Berlin", "DE", 52.52, 13.405),
    ("München", "DE", 48.1351, 11.582), ("Paris", "FR", 48.8566, 2.3522), ("London", "GB", 51.5072, -0.1276),
    ("Warsaw", "PL", 52.2297, 21.0122), ("Rzeszów", "PL", 50.0412, 21.9991), ("Kraków", "PL", 50.0647, 19.945),
    ("Gdańsk", "PL", 54.352, 18.6466), ("Seoul", "KR", 37.5665, 126.978), ("Busan", "KR", 35.1796, 129.0756),
    ("Pyongyang", "KP", 39.0392, 125.7625), ("Tokyo", "JP", 35.6762, 139.6503), ("Beijing", "CN", 39.9042, 116.4074),
    ("İstanbul", "TR", 41.0082, 28.9784), ("Ankara", "TR", 39.9334, 32.8597), ("Chișinău", "MD", 47.0105, 28.8638),
    ("Tbilisi", "GE", 41.7151, 44.8271), ("Bucharest", "RO", 44.4268, 26.1025), ("Vilnius", "LT", 54.6872, 25.2797),
    ("Rīga", "LV", 56.9496, 24.1052), ("Tallinn", "EE", 59.437, 24.7536), ("Helsinki", "FI", 60.1699, 24.9384),
    ("Stockholm", "SE", 59.3293, 18.0686), ("Oslo", "NO", 59.9139, 10.7522), ("Praha", "CZ", 50.0755, 14.4378),
    ("Bratislava", "SK", 48.1486, 17.1077), ("Budapest", "HU", 47.4979, 19.0402), ("Rome", "IT", 41.9028, 12.4964),
    ("Madrid", "ES", 40.4168, -3.7038), ("Brussels", "BE", 50.8503, 4.3517), ("The Hague", "NL", 52.0705, 4.3007),
    ("Genève", "CH", 46.2044, 6.1432), ("Zürich", "CH", 47.3769, 8.5417), ("Vienna", "AT", 48.2082, 16.3738),
    ("Ottawa", "CA", 45.4215, -75.6972), ("New Delhi", "IN", 28.6139, 77.209), ("Tehran", "IR", 35.6892, 51.389),
    ("Jerusalem", "IL", 31.7683, 35.2137), ("Riyadh", "SA", 24.7136, 46.6753), ("Doha", "QA", 25.2854, 51.531),
    ("Yerevan", "AM", 40.1792, 44.4991), ("Baku", "AZ", 40.4093, 49.8671), ("Minsk", "BY", 53.9006, 27.559),
    ("Astana", "KZ", 51.1694, 71.4491), ("Athens", "GR", 37.9838, 23.7275), ("Sofia", "BG", 42.6977, 23.3219),
    ("Copenhagen", "DK", 55.6761, 12.5683), ("Malmö", "SE", 55.605, 13.0038), ("Reykjavík", "IS", 64.1466, -21.9426),
    ("Hà Nội", "VN", 21.0278, 105.8342), ("São Paulo", "BR", -23.5505, -46.6333),
)

# (name, web domain, language): fictional outlets.
PUBLISHERS: tuple[tuple[str, str, str], ...] = (
    ("The Kyiv Ledger", "kyiv-ledger.example", "en"),
    ("Dnipro Daily", "dnipro-daily.example", "uk"),
    ("Вечірній Харків Онлайн", "vecherniy-kharkiv.example", "uk"),
    ("Seoul Harbour Wire", "seoul-harbour.example", "ko"),
    ("Baltic Observer", "baltic-observer.example", "en"),
    ("Le Courrier de l'Est", "courrier-est.example", "fr"),
    ("Münchner Abendpost", "abendpost.example", "de"),
    ("Gazeta Wschodnia", "gazeta-wschodnia.example", "pl"),
    ("東亜時報", "toa-jiho.example", "ja"),
    ("Black Sea Monitor", "black-sea-monitor.example", "en"),
    ("Caucasus Dispatch", "caucasus-dispatch.example", "en"),
    ("El Mirador Internacional", "mirador.example", "es"),
    ("Newsroom Atlantic & Co.", "atlantic-co.example", "en"),
    ("Ελληνικός Ταχυδρόμος", "tachydromos.example", "el"),
)

TOPICS: tuple[tuple[str, str, str], ...] = (
    ("attacks-and-front-line", "Attacks and the front line", "Strikes, shelling and the state of the fighting."),
    ("diplomacy-and-aid", "Diplomacy and aid", "Talks, visits, pledges and appeals between states."),
    ("sanctions", "Sanctions", "Measures against war economies and those accused of helping them."),
    ("energy", "Energy", "Power grids, gas transit, blackouts and repairs."),
    ("humanitarian", "Humanitarian", "Civilians, evacuations, refugees and aid deliveries."),
    ("north-korea", "North Korea", "Pyongyang's troops, weapons tests and ties with Moscow."),
    ("russia-domestic", "Inside Russia", "Politics, courts and officials in Russia."),
    ("region", "Region", "Elections and politics in the neighbourhood that bear on the war."),
    ("economy", "Economy", "Budgets, markets, trade and reconstruction."),
    ("cyber-and-information", "Cyber and information", "Hacks, outages and disinformation campaigns."),
)

ORGANISATION_PATTERNS: tuple[str, ...] = (
    "Ministry of Defence of {state}", "Ministry of Foreign Affairs of {state}", "{adj} Armed Forces",
    "{adj} Energy Regulator", "{adj} Central Bank", "{adj} Red Cross Society", "Parliament of {state}",
    "{adj} Prosecutor General's Office",
)
CITY_ORGANISATION_PATTERNS: tuple[str, ...] = (
    "{city} City Council", "{city} Regional Military Administration", "{city} Emergency Service",
)
GROUP_PATTERNS: tuple[str, ...] = (
    "{city} Volunteer Battalion", "{city} Civic Watch", "{family} Brigade", "{family} Hackers Collective",
)
COMPANY_PATTERNS: tuple[str, ...] = ("{family} Energy Holdings", "{family} Logistics", "{family} & Partners Bank")

ROLE_TITLES: tuple[str, ...] = (
    "Foreign minister", "Defence minister", "Spokesperson", "Mayor", "Governor", "Ambassador",
    "Prime minister", "Head of the energy regulator", "Chief of the general staff", "Member of parliament",
    "Prosecutor", "Economy minister",
)
PARTICIPANT_ROLES: tuple[str, ...] = (
    "attacker", "target", "spokesperson", "host", "visitor", "mediator", "donor", "recipient",
    "source of the estimate", "investigator", "signatory",
)
THINGS: tuple[str, ...] = (
    "drones", "missiles", "glide bombs", "artillery shells", "air-defence systems", "generators",
    "transformers", "armoured vehicles", "grain shipments",
)
FACILITIES: tuple[str, ...] = (
    "a thermal power plant", "a substation", "a grain terminal", "a railway junction", "a gas compressor station",
    "an oil depot", "a hospital", "a water-pumping station",
)
AID: tuple[str, ...] = (
    "winter aid", "air-defence support", "humanitarian aid", "budget support", "reconstruction loans",
    "demining equipment",
)
