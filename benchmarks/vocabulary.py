"""Word lists the generator draws from: names in several scripts, offices, subjects, phrases.

Everything here is invented or generic; the lists are small and mixed so that the generated
store exercises accents, Turkish letters, Cyrillic, Arabic, Chinese and emoji everywhere.
"""

from __future__ import annotations

FIRST_NAMES = [
    # Turkish (dotless ı, ş, ğ, ç, ö, ü, İ)
    "Ayşe", "Mehmet", "Çağrı", "Gülşen", "İsmail", "Şükrü", "Oğuz", "Ebru", "Nuh", "Kerem",
    "Zeynep", "Ömer", "Işıl", "Barış", "Selçuk",
    # English, French, Spanish, German, Nordic
    "Christopher", "Elena", "Margaret", "David", "Sarah", "François", "Zoë", "José", "Inés",
    "Jürgen", "Søren", "Åsa", "Łukasz", "Agnieszka", "Dragoș", "Miloš", "Žana", "Pierre",
    "Lucía", "Thomas", "Anna", "Hannah", "Mateo", "Camille", "Niamh",
    # Arabic (Latin and Arabic script)
    "Ahmad", "Fatima", "Khalid", "Layla", "Youssef", "محمد", "فاطمة", "عمر", "ليلى",
    # Russian, Ukrainian, Kazakh (Cyrillic and Latin)
    "Сергей", "Анна", "Дмитрий", "Ольга", "Олена", "Айгерим", "Sergei", "Olga",
    # Chinese, Japanese, Korean, Hindi
    "伟", "芳", "Wei", "Mei", "Hiroshi", "Yuki", "Ji-woo", "Min-jun", "Priya", "Arjun",
    # Persian, Hebrew, Greek, Armenian, Georgian
    "Dariush", "Shirin", "Noa", "Yael", "Νίκος", "Ελένη", "Արամ", "ნინო",
]

LAST_NAMES = [
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Güneş",
    "Landau", "Marsh", "Whitfield", "Okonkwo", "Dubois", "García", "Müller", "Kowalski",
    "Nowak", "Popescu", "Jovanović", "Novák", "Lindqvist", "O'Brien", "Fitzgerald", "Rossi",
    "Haddad", "Al-Sayed", "Mansour", "الحسيني", "العلي", "Khoury", "Nasser",
    "Иванов", "Петрова", "Смирнов", "Коваленко", "Nurlanov", "Abenova",
    "王", "李", "Zhang", "Chen", "Tanaka", "Sato", "Kim", "Park", "Sharma", "Gupta",
    "Rahimi", "Tehrani", "Cohen", "Levi", "Παπαδόπουλος", "Սարգսյան", "ბერიძე", "Mbeki",
    "Diallo", "Mensah", "Silva", "Santos", "Hernández", "Nguyễn", "Trần",
]

OFFICES = [
    "Foreign Minister", "Deputy Foreign Minister", "Ambassador", "Deputy Secretary of State",
    "Special Envoy", "Director-General for Political Affairs", "Chief Negotiator",
    "Defence Minister", "Trade Minister", "National Security Adviser", "Spokesperson",
    "Head of Mission", "Counsellor", "First Secretary", "Permanent Representative",
    "Minister of Energy", "Deputy Prime Minister", "Chief of Staff", "Legal Adviser",
    "Dışişleri Bakan Yardımcısı", "Заместитель министра иностранных дел", "سفير",
]

AFFILIATIONS = [
    "Ministry of Foreign Affairs", "Ministry of Defence", "Presidential Administration",
    "Office of the Prime Minister", "Ministry of Trade", "Ministry of Energy",
    "National Security Council", "Permanent Mission", "Embassy", "Dışişleri Bakanlığı",
]

# ISO 3166 also lists territories; meetings are between states, so these are left out.
TERRITORIES = {
    "AQ", "AS", "AI", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "FK", "FO",
    "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO",
    "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC",
    "TF", "TK", "UM", "VG", "VI", "WF", "YT", "EH",
}

ORGANISATIONS = [
    "European Union", "United Nations", "NATO", "OSCE", "African Union", "Arab League",
    "ASEAN", "Council of Europe", "IAEA", "World Bank", "International Monetary Fund",
    "Organisation of Islamic Cooperation", "Gulf Cooperation Council",
    "Shanghai Cooperation Organisation", "International Committee of the Red Cross",
]

CITIES = {
    "TR": ["Ankara", "İstanbul", "İzmir"], "US": ["Washington", "New York"],
    "RU": ["Moscow", "Sochi"], "CN": ["Beijing", "Shanghai"], "FR": ["Paris"],
    "DE": ["Berlin"], "GB": ["London"], "BE": ["Brussels"], "CH": ["Geneva", "Bern"],
    "AT": ["Vienna"], "QA": ["Doha"], "AE": ["Abu Dhabi", "Dubai"], "SA": ["Riyadh"],
    "EG": ["Cairo"], "IR": ["Tehran"], "IQ": ["Baghdad"], "SY": ["Damascus"],
    "JO": ["Amman"], "AZ": ["Baku"], "KZ": ["Astana", "Almaty"], "UA": ["Kyiv"],
    "JP": ["Tokyo"], "KR": ["Seoul"], "IN": ["New Delhi"], "BR": ["Brasília"],
    "ZA": ["Pretoria"], "NG": ["Abuja"], "ET": ["Addis Ababa"], "GR": ["Athens"],
    "IT": ["Rome"], "ES": ["Madrid"], "PL": ["Warsaw"], "SE": ["Stockholm"],
}

VENUES = [
    "Ministry of Foreign Affairs", "Presidential Palace", "Palais des Nations",
    "Çankaya Köşkü", "Vahdettin Köşkü", "Europa building", "State Guest House",
    "Lancaster House", "Blair House", "Дом приёмов МИД", "قصر الضيافة", "钓鱼台国宾馆",
]

TIMEZONES = [
    "Europe/Istanbul", "America/New_York", "Europe/Brussels", "Europe/Moscow", "Asia/Shanghai",
    "Europe/London", "Asia/Dubai", "Africa/Cairo", "Asia/Tokyo", "Europe/Zurich",
]

SERIES_KINDS = [
    "Joint Working Group", "Strategic Dialogue", "Political Consultations",
    "High-Level Cooperation Council", "Joint Economic Commission", "Security Dialogue",
]

# Topic names are "subject: qualifier"; a few are written in other scripts.
TOPIC_SUBJECTS = [
    "Sanctions relief", "Border security", "Energy transit", "Water sharing", "Refugee returns",
    "Counter-terrorism cooperation", "Trade tariffs", "Visa liberalisation",
    "Nuclear safeguards", "Maritime delimitation", "Grain corridor", "Prisoner exchange",
    "Ceasefire monitoring", "Humanitarian access", "Reconstruction funding", "Cyber security",
    "Climate finance", "Debt restructuring", "Arms control", "Migration management",
    "Critical minerals", "Pipeline construction", "Air defence procurement", "Fisheries quotas",
    "Election observation", "Demining", "Cultural heritage", "Student exchanges",
    "Public health cooperation", "Investment protection", "Customs union modernisation",
    "Space cooperation", "Transport corridors", "Judicial cooperation", "Food security",
    "Displacement camps", "Military deployments", "Peacekeeping mandate", "Electricity grid",
    "Göç yönetimi", "Enerji güvenliği", "Энергетическое сотрудничество", "Безопасность границ",
    "التعاون الأمني", "إعادة الإعمار", "经济合作", "能源安全",
]

TOPIC_QUALIFIERS = [
    "Syria", "Black Sea", "Caucasus", "Eastern Mediterranean", "Gulf", "Sahel", "Balkans",
    "Central Asia", "Horn of Africa", "Caspian", "Arctic", "Indo-Pacific", "Levant", "Iraq",
    "Libya", "Ukraine", "Afghanistan", "Yemen", "Cyprus", "Kosovo", "Nagorno-Karabakh",
    "Red Sea", "Danube", "Nile basin", "Strait of Hormuz", "Western Balkans", "Maghreb",
    "South China Sea", "Korean Peninsula", "Great Lakes", "Baltic", "Adriatic",
    "bilateral track", "multilateral track", "phase one", "phase two", "implementation",
    "verification", "financing", "legal framework", "timeline", "Türkiye", "Kırım",
]

TAGS = [
    "security", "economy", "energy", "humanitarian", "sanctions", "trade", "migration",
    "military", "legal", "climate", "health", "Syria", "Türkiye", "EU", "UN",
]

OUTLETS = [
    "Caliber.Az", "Daily Dispatch", "Anadolu Ajansı", "The Capital Ledger", "Diplomatic Wire",
    "Балтийский вестник", "الأخبار اليومية", "环球简报", "Le Courrier diplomatique",
    "Official readout", "Joint statement", "Ministry press release",
]

# Sentences are built from these; "security" and "cooperation" are deliberately common words
# (the benchmark's "common word" searches), the RARE_WORDS appear in a few texts only.
OPENERS = [
    "The sides reviewed", "Both delegations discussed", "The co-chairs welcomed progress on",
    "Participants exchanged views on", "The meeting took stock of", "Officials agreed to study",
    "The parties reaffirmed their commitment to", "Experts briefed the delegations on",
    "Concerns were raised about", "A joint statement is expected on",
    "The host side presented proposals on", "Technical teams will report on",
]
OBJECTS = [
    "security cooperation", "regional security", "economic cooperation", "energy security",
    "the sanctions regime", "humanitarian access", "the timeline for implementation",
    "border management", "trade and investment", "the return of displaced people",
    "counter-terrorism cooperation", "the monitoring mechanism", "reconstruction priorities",
    "visa facilitation", "the next round of talks", "confidence-building measures",
    "the legal framework", "maritime security", "the joint action plan", "grain exports",
]
TAILS = [
    "in the coming months", "before the next round", "at expert level",
    "within the agreed framework", "with the support of international partners",
    "as a matter of priority", "without preconditions", "on a step-by-step basis",
    "in line with previous understandings", "subject to further consultations",
]
# Short phrases in other scripts and emoji, mixed into notes and outcomes.
FOREIGN_PHRASES = [
    "işbirliği ve güvenlik", "Dışişleri Bakanlığı açıklaması", "görüşmeler olumlu geçti",
    "сотрудничество в области безопасности", "переговоры продолжатся", "совместное заявление",
    "التعاون الاقتصادي", "بيان مشترك", "الأمن الإقليمي",
    "经济合作", "联合声明", "安全合作",
    "🤝", "✅", "🇹🇷🇺🇸", "📄", "⚠️", "🕊️",
]
RARE_WORDS = [
    "desalination", "phosphates", "hydrography", "ombudsman", "seismology", "lithium",
    "apiculture", "cartography", "heliport", "quarantine", "sericulture", "geothermal",
]
