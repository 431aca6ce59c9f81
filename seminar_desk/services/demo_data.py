"""Demonstration data: a two-day regional seminar on small arms and light weapons.

Pure literals, no logic. The event is the Regional Seminar on Illicit Trafficking and
Diversion of Small Arms and Light Weapons and Other Conventional Arms and Ammunition in
South-East Asia (Phnom Penh, 19-20 December 2026). People, e-mail addresses and statements
are fictitious; they exercise non-ASCII names, several scripts and characters that need
escaping (apostrophes, "&", "<", ">").

Cross-references are by exact text: agenda titles, participant full names and breakout
group names must match the rows they point to.
"""

from datetime import date, time
from typing import Final

SEMINAR: Final[dict[str, object]] = {
    "title": (
        "Regional Seminar on Illicit Trafficking and Diversion of Small Arms and Light Weapons"
        " and Other Conventional Arms and Ammunition in South-East Asia"
    ),
    "short_title": "SALW Regional Seminar, South-East Asia 2026",
    "venue": "Bassac Ballroom, Sofitel Phnom Penh Phokeethra",
    "city": "Phnom Penh",
    "country": "Cambodia",
    "timezone": "Asia/Phnom_Penh",
    "start_date": date(2026, 12, 19),
    "end_date": date(2026, 12, 20),
    "organisers": (
        "United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific"
        " (UNRCPD)\n"
        "Royal Government of Cambodia, Ministry of Foreign Affairs and International"
        " Cooperation"
    ),
    "donors": "Federal Foreign Office of the Federal Republic of Germany",
    "objectives": (
        "The seminar aims to deepen a shared understanding of the scale, routes and drivers"
        " of the illicit trafficking and diversion of small arms and light weapons (SALW),"
        " other conventional arms and their ammunition in South-East Asia, and of their"
        " implications for regional peace, security and sustainable development.\n"
        "\n"
        "It provides a platform for national authorities responsible for foreign affairs,"
        " policing, customs and border management to exchange experiences and good practices"
        " in marking, record-keeping and tracing, stockpile and ammunition management, border"
        " controls and the detection of emerging threats such as trafficking facilitated by"
        " the dark web and privately made firearms, including 3D-printed firearms.\n"
        "\n"
        "The seminar further seeks to support the implementation of the Programme of Action"
        " to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons"
        " in All Its Aspects and its International Tracing Instrument, the Arms Trade Treaty"
        " and the Firearms Protocol, and to identify practical recommendations and a joint"
        " workplan for strengthened national and regional cooperation."
    ),
    "introduction": (
        "1. The Regional Seminar on Illicit Trafficking and Diversion of Small Arms and Light"
        " Weapons and Other Conventional Arms and Ammunition in South-East Asia was held in"
        " Phnom Penh on 19 and 20 December 2026. It was organized by the United Nations"
        " Regional Centre for Peace and Disarmament in Asia and the Pacific (UNRCPD) in"
        " cooperation with the Royal Government of Cambodia, with the generous financial"
        " support of the Federal Foreign Office of Germany.\n"
        "\n"
        "2. The seminar brought together representatives of the ministries of foreign"
        " affairs, national police forces and customs administrations of the ten member"
        " States of the Association of Southeast Asian Nations and of Timor-Leste, as well as"
        " experts from ASEANAPOL, the Arms Trade Treaty Secretariat, the United Nations"
        " Office for Disarmament Affairs, the United Nations Office on Drugs and Crime, the"
        " World Customs Organization, research institutes and civil society organizations."
        " Participants exchanged national experiences, reviewed regional trends and agreed"
        " on a set of recommendations and a joint workplan, which are contained in the"
        " present report."
    ),
    "language": "en",
}

DAYS: Final[tuple[tuple[date, time, time, str], ...]] = (
    (
        date(2026, 12, 19),
        time(9, 0),
        time(17, 0),
        "Day 1: Threats, trends and national experiences",
    ),
    (
        date(2026, 12, 20),
        time(9, 0),
        time(17, 30),
        "Day 2: Cooperation, international instruments and the way forward",
    ),
)

GROUPS: Final[tuple[tuple[str, str], ...]] = (
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("UN", "United Nations system"),
    ("EU", "European Union"),
)

ORGANISATIONS: Final[tuple[tuple[str, str, str, str, tuple[str, ...]], ...]] = (
    ("BRN", "Brunei Darussalam", "member_state", "Brunei Darussalam", ("ASEAN",)),
    ("KHM", "Cambodia", "government_host", "Cambodia", ("ASEAN",)),
    ("IDN", "Indonesia", "member_state", "Indonesia", ("ASEAN",)),
    (
        "LAO",
        "Lao People's Democratic Republic",
        "member_state",
        "Lao People's Democratic Republic",
        ("ASEAN",),
    ),
    ("MYS", "Malaysia", "member_state", "Malaysia", ("ASEAN",)),
    ("MMR", "Myanmar", "member_state", "Myanmar", ("ASEAN",)),
    ("PHL", "Philippines", "member_state", "Philippines", ("ASEAN",)),
    ("SGP", "Singapore", "member_state", "Singapore", ("ASEAN",)),
    ("THA", "Thailand", "member_state", "Thailand", ("ASEAN",)),
    ("VNM", "Viet Nam", "member_state", "Viet Nam", ("ASEAN",)),
    ("TLS", "Timor-Leste", "member_state", "Timor-Leste", ()),
    (
        "ASEANAPOL",
        "ASEAN National Police (ASEANAPOL) Secretariat",
        "regional_organisation",
        "",
        (),
    ),
    ("ATTS", "Arms Trade Treaty Secretariat", "international_organisation", "", ()),
    (
        "UNODA",
        "United Nations Office for Disarmament Affairs",
        "international_organisation",
        "",
        ("UN",),
    ),
    (
        "UNRCPD",
        "United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific",
        "international_organisation",
        "",
        ("UN",),
    ),
    (
        "UNODC",
        "United Nations Office on Drugs and Crime",
        "international_organisation",
        "",
        ("UN",),
    ),
    ("WCO", "World Customs Organization", "international_organisation", "", ()),
    ("DEU", "Germany (Federal Foreign Office)", "donor", "Germany", ("EU",)),
    ("SAS", "Small Arms Survey", "research", "Switzerland", ()),
    ("CAR", "Conflict Armament Research", "research", "United Kingdom", ()),
    ("CTRLA", "Control Arms", "ngo", "", ()),
    ("WGWR", "Working Group for Weapons Reduction, Cambodia", "ngo", "Cambodia", ()),
    ("NISEA", "Nonviolence International Southeast Asia", "ngo", "Thailand", ()),
)

PARTICIPANTS: Final[tuple[tuple[str, str, str, str, str, str, str, tuple[int, ...]], ...]] = (
    # Cambodia (host)
    (
        "H.E. Mr.",
        "Chea Sophal",
        "KHM",
        "Secretary of State, Ministry of Foreign Affairs and International Cooperation",
        "chair",
        "male",
        "chea.sophal@mfaic.gov.kh",
        (1, 2),
    ),
    (
        "H.E. Ms.",
        "Sok Chanthy",
        "KHM",
        "Under-Secretary of State, Ministry of Interior",
        "chair",
        "female",
        "sok.chanthy@interior.gov.kh",
        (1, 2),
    ),
    (
        "Ms.",
        "Kim Sreymom",
        "KHM",
        "Deputy Director, Anti-Smuggling Department, General Department of Customs and Excise",
        "delegate",
        "female",
        "kim.sreymom@customs.gov.kh",
        (1, 2),
    ),
    (
        "Pol. Col.",
        "Heng Dara",
        "KHM",
        "Deputy Director, Department of Weapons and Explosives Management, National Police",
        "delegate",
        "male",
        "heng.dara@police.gov.kh",
        (1, 2),
    ),
    # Brunei Darussalam
    (
        "Mr.",
        "Mohd Hafiz bin Haji Abdullah",
        "BRN",
        "Assistant Director, Department of Multilateral Affairs, Ministry of Foreign Affairs",
        "delegate",
        "male",
        "hafiz.abdullah@mfa.gov.bn",
        (1, 2),
    ),
    (
        "Ms.",
        "Nurul Aini binti Haji Yusof",
        "BRN",
        "Senior Customs Officer, Royal Customs and Excise Department",
        "delegate",
        "female",
        "nurulaini.yusof@customs.gov.bn",
        (2,),
    ),
    # Indonesia
    (
        "Mr.",
        "Rizky Pratama Wibowo",
        "IDN",
        "First Secretary, Directorate of International Security and Disarmament, Ministry of"
        " Foreign Affairs",
        "delegate",
        "male",
        "rizky.wibowo@kemlu.go.id",
        (1, 2),
    ),
    (
        "Pol. Sr. Comr.",
        "Sri Wahyuni",
        "IDN",
        "Head of Sub-Directorate for Transnational Crime, Criminal Investigation Agency,"
        " Indonesian National Police",
        "delegate",
        "female",
        "sri.wahyuni@polri.go.id",
        (1, 2),
    ),
    (
        "Mr.",
        "Agus Setiawan",
        "IDN",
        "Head of Enforcement Section, Directorate General of Customs and Excise",
        "delegate",
        "male",
        "agus.setiawan@beacukai.go.id",
        (1, 2),
    ),
    # Lao People's Democratic Republic
    (
        "Mr.",
        "Khamphoui Vongsavanh",
        "LAO",
        "Deputy Director-General, Department of International Organizations, Ministry of"
        " Foreign Affairs",
        "delegate",
        "male",
        "khamphoui.v@mofa.gov.la",
        (1, 2),
    ),
    (
        "Pol. Lt. Col.",
        "Souksavanh Phommachanh",
        "LAO",
        "Deputy Head, Division against Transnational Crime, Ministry of Public Security",
        "delegate",
        "female",
        "souksavanh.p@mps.gov.la",
        (1, 2),
    ),
    # Malaysia
    (
        "Mr.",
        "Ahmad Faizal bin Ismail",
        "MYS",
        "Principal Assistant Secretary, Disarmament Division, Ministry of Foreign Affairs",
        "delegate",
        "male",
        "ahmadfaizal.ismail@kln.gov.my",
        (1, 2),
    ),
    (
        "ASP",
        "Siti Aminah binti Rahman",
        "MYS",
        "Assistant Superintendent, Criminal Investigation Department, Royal Malaysia Police",
        "delegate",
        "female",
        "siti.aminah@rmp.gov.my",
        (1, 2),
    ),
    (
        "Mr.",
        "Lim Wei Jie",
        "MYS",
        "Senior Assistant Director, Enforcement Division, Royal Malaysian Customs Department",
        "delegate",
        "male",
        "lim.weijie@customs.gov.my",
        (1, 2),
    ),
    # Myanmar
    (
        "Mr.",
        "Kyaw Zin Htet",
        "MMR",
        "Deputy Director, International Organizations and Economic Department, Ministry of"
        " Foreign Affairs",
        "delegate",
        "male",
        "kyawzinhtet@mofa.gov.mm",
        (1, 2),
    ),
    (
        "Ms.",
        "Thandar Aye",
        "MMR",
        "Staff Officer, Transnational Crime Department, Myanmar Police Force",
        "delegate",
        "female",
        "thandar.aye@police.gov.mm",
        (2,),
    ),
    # Philippines
    (
        "Ms.",
        "Ma. Cristina Santos-Reyes",
        "PHL",
        "Director, Office of United Nations and International Organizations, Department of"
        " Foreign Affairs",
        "delegate",
        "female",
        "cristina.santosreyes@dfa.gov.ph",
        (1, 2),
    ),
    (
        "P/Col.",
        "Jose Miguel Dela Cruz",
        "PHL",
        "Chief, Firearms and Explosives Office, Philippine National Police",
        "delegate",
        "male",
        "josemiguel.delacruz@pnp.gov.ph",
        (1, 2),
    ),
    (
        "Mr.",
        "Ramon Villanueva",
        "PHL",
        "Intelligence Officer, Customs Intelligence and Investigation Service, Bureau of Customs",
        "delegate",
        "male",
        "ramon.villanueva@customs.gov.ph",
        (1, 2),
    ),
    # Singapore
    (
        "Ms.",
        "Tan Hui Ling",
        "SGP",
        "Deputy Director, International Organisations Directorate, Ministry of Foreign Affairs",
        "delegate",
        "female",
        "tan_hui_ling@mfa.gov.sg",
        (1, 2),
    ),
    (
        "Dr.",
        "Goh Kian Seng",
        "SGP",
        "Deputy Director, Forensic R&D, Home Team Science and Technology Agency",
        "delegate",
        "male",
        "goh_kian_seng@htx.gov.sg",
        (1, 2),
    ),
    # Thailand
    (
        "Pol. Col.",
        "Somchai Wongsawat",
        "THA",
        "Superintendent, Arms Control Division, Royal Thai Police",
        "delegate",
        "male",
        "somchai.w@royalthaipolice.go.th",
        (1, 2),
    ),
    (
        "Ms.",
        "Pimchanok Srisuk",
        "THA",
        "First Secretary, Department of International Organizations, Ministry of Foreign Affairs",
        "delegate",
        "female",
        "pimchanok.s@mfa.go.th",
        (1, 2),
    ),
    (
        "Mr.",
        "Anucha Thongdee",
        "THA",
        "Customs Technical Officer, Investigation and Suppression Bureau, Customs Department",
        "delegate",
        "male",
        "anucha.t@customs.go.th",
        (1, 2),
    ),
    # Viet Nam
    (
        "Mr.",
        "Nguyễn Văn Đức",
        "VNM",
        "Deputy Director-General, Department of International Organizations, Ministry of"
        " Foreign Affairs",
        "delegate",
        "male",
        "nguyen.van.duc@mofa.gov.vn",
        (1, 2),
    ),
    (
        "Lt. Col.",
        "Trần Thị Hương",
        "VNM",
        "Deputy Head of Division, Police Department for Administrative Management of Social"
        " Order, Ministry of Public Security",
        "delegate",
        "female",
        "tran.thi.huong@bocongan.gov.vn",
        (1, 2),
    ),
    (
        "Mr.",
        "Lê Minh Tuấn",
        "VNM",
        "Deputy Director, Anti-Smuggling and Investigation Department, General Department of"
        " Viet Nam Customs",
        "delegate",
        "male",
        "le.minh.tuan@customs.gov.vn",
        (1, 2),
    ),
    # Timor-Leste
    (
        "Supt.",
        "Joaquim da Costa Soares",
        "TLS",
        "Commander, Border Patrol Unit, Polícia Nacional de Timor-Leste",
        "delegate",
        "male",
        "joaquim.soares@pntl.tl",
        (1, 2),
    ),
    # ASEANAPOL
    (
        "Pol. Col.",
        "Rahmat Hidayat",
        "ASEANAPOL",
        "Director for Police Services, ASEANAPOL Secretariat",
        "speaker",
        "male",
        "rahmat.hidayat@aseanapol.org",
        (1, 2),
    ),
    # Arms Trade Treaty Secretariat
    (
        "Ms.",
        "Elena Marchetti",
        "ATTS",
        "Legal and Implementation Officer, Arms Trade Treaty Secretariat",
        "speaker",
        "female",
        "elena.marchetti@thearmstradetreaty.org",
        (1, 2),
    ),
    # UNODA
    (
        "Ms.",
        "Hannah Lindqvist",
        "UNODA",
        "Political Affairs Officer, Conventional Arms Branch",
        "speaker",
        "female",
        "hannah.lindqvist@un.org",
        (1, 2),
    ),
    # UNRCPD
    (
        "Mr.",
        "Arjun Mehta",
        "UNRCPD",
        "Director, UNRCPD",
        "speaker",
        "male",
        "arjun.mehta@un.org",
        (1, 2),
    ),
    (
        "Ms.",
        "Chiara Bellini",
        "UNRCPD",
        "Political Affairs Officer",
        "facilitator",
        "female",
        "chiara.bellini@un.org",
        (1, 2),
    ),
    (
        "Mr.",
        "Tomasz Kowalczyk",
        "UNRCPD",
        "Programme Management Officer, Conventional Arms Programme",
        "facilitator",
        "male",
        "tomasz.kowalczyk@un.org",
        (1, 2),
    ),
    (
        "Mr.",
        "Daniel Ferreira",
        "UNRCPD",
        "Consultant, Border Security and Law Enforcement Cooperation",
        "facilitator",
        "male",
        "daniel.ferreira@un.org",
        (1, 2),
    ),
    (
        "Ms.",
        "Priya Raghavan",
        "UNRCPD",
        "Associate Political Affairs Officer",
        "rapporteur",
        "female",
        "priya.raghavan@un.org",
        (1, 2),
    ),
    (
        "Mr.",
        "Kenji Watanabe",
        "UNRCPD",
        "Associate Programme Management Officer",
        "rapporteur",
        "male",
        "kenji.watanabe@un.org",
        (1, 2),
    ),
    (
        "Ms.",
        "Lina Haddad",
        "UNRCPD",
        "Research Assistant",
        "rapporteur",
        "female",
        "lina.haddad@un.org",
        (1, 2),
    ),
    (
        "Ms.",
        "Lim Sophea",
        "UNRCPD",
        "Programme Assistant, Seminar Secretariat",
        "secretariat",
        "female",
        "lim.sophea@un.org",
        (1, 2),
    ),
    # UNODC
    (
        "Mr.",
        "Marco Rinaldi",
        "UNODC",
        "Crime Prevention and Criminal Justice Officer, Global Firearms Programme",
        "speaker",
        "male",
        "marco.rinaldi@un.org",
        (1, 2),
    ),
    # WCO
    (
        "Ms.",
        "Keiko Yamamoto",
        "WCO",
        "Technical Officer, Regional Intelligence Liaison Office for Asia and the Pacific"
        " (RILO A/P)",
        "speaker",
        "female",
        "keiko.yamamoto@wcoomd.org",
        (1, 2),
    ),
    # Germany (donor)
    (
        "Dr.",
        "Katrin Hoffmann",
        "DEU",
        "Deputy Head of Mission, Embassy of the Federal Republic of Germany in Phnom Penh",
        "speaker",
        "female",
        "katrin.hoffmann@phno.diplo.de",
        (1,),
    ),
    (
        "Mr.",
        "Felix Bauer",
        "DEU",
        "Desk Officer, Conventional Arms Control Division, Federal Foreign Office",
        "speaker",
        "male",
        "felix.bauer@auswaertiges-amt.de",
        (1, 2),
    ),
    # Research institutes
    (
        "Dr.",
        "Matthias Keller",
        "SAS",
        "Senior Researcher, Weapons and Markets",
        "resource_person",
        "male",
        "matthias.keller@smallarmssurvey.org",
        (1, 2),
    ),
    (
        "Mr.",
        "James Whitfield",
        "CAR",
        "Regional Investigator, South-East Asia",
        "resource_person",
        "male",
        "james.whitfield@conflictarm.com",
        (1, 2),
    ),
    # Non-governmental organizations
    (
        "Ms.",
        "Aoife O'Sullivan",
        "CTRLA",
        "Policy and Advocacy Manager, Control Arms Secretariat",
        "speaker",
        "female",
        "aoife.osullivan@controlarms.org",
        (1, 2),
    ),
    (
        "Mr.",
        "Ly Sovann",
        "WGWR",
        "Executive Director",
        "observer",
        "male",
        "ly.sovann@wgwr.org",
        (1,),
    ),
    (
        "Ms.",
        "Jiraporn Chaiyasit",
        "NISEA",
        "Programme Coordinator, Arms Control and Human Security",
        "observer",
        "female",
        "jiraporn.c@nonviolenceinternational.net",
        (1, 2),
    ),
)

AGENDA: Final[
    tuple[tuple[int, str, str, int, time | None, str, str, tuple[str, ...], str], ...]
] = (
    # Day 1
    (
        1,
        "ceremony",
        "Registration and opening ceremony",
        45,
        time(9, 0),
        "Bassac Ballroom",
        "Chea Sophal",
        ("Chea Sophal", "Arjun Mehta", "Katrin Hoffmann"),
        "Registration opens at 08:15. Welcome remarks by the Royal Government of Cambodia,"
        " opening remarks by the Director of UNRCPD and remarks by the Embassy of Germany"
        " on behalf of the donor.",
    ),
    (
        1,
        "break",
        "Group photo and coffee break",
        30,
        None,
        "Bassac Ballroom foyer",
        "",
        (),
        "Official group photograph on the terrace, followed by coffee in the foyer.",
    ),
    (
        1,
        "panel",
        "Session 1: Regional security implications of illicit SALW trafficking",
        60,
        None,
        "Bassac Ballroom",
        "Sok Chanthy",
        ("Hannah Lindqvist", "Matthias Keller", "Somchai Wongsawat"),
        "How illicit small arms and light weapons and their ammunition fuel armed violence,"
        " organized crime and insurgency in the region, and their links to other forms of"
        " transnational crime such as drug trafficking and online scam operations.",
    ),
    (
        1,
        "panel",
        "Session 2: Trends and sources of illicit arms flows in South-East Asia",
        75,
        None,
        "Bassac Ballroom",
        "Chiara Bellini",
        ("James Whitfield", "Marco Rinaldi", "Jose Miguel Dela Cruz"),
        "Findings from field tracing and seizure data: diversion from national stockpiles,"
        " legacy weapons from past conflicts, craft production, conversion of replica and"
        " blank-firing weapons, and maritime and land routes used by traffickers.",
    ),
    (
        1,
        "meal",
        "Lunch hosted by the Royal Government of Cambodia",
        60,
        time(12, 30),
        "La Coupole restaurant",
        "",
        (),
        "Buffet lunch.",
    ),
    (
        1,
        "panel",
        "Session 3: The dark web and emerging technologies",
        75,
        None,
        "Bassac Ballroom",
        "Tomasz Kowalczyk",
        ("James Whitfield", "Goh Kian Seng", "Marco Rinaldi"),
        "Online marketplaces, encrypted messaging and cryptocurrency payments; parcel and"
        " express-courier shipments of parts and components; 3D-printed and other privately"
        " made firearms; polymer and modular weapons and their implications for marking and"
        " tracing.",
    ),
    (
        1,
        "break",
        "Afternoon coffee break",
        15,
        None,
        "Bassac Ballroom foyer",
        "",
        (),
        "",
    ),
    (
        1,
        "tour_de_table",
        "Tour de table: national experiences and priorities",
        90,
        None,
        "Bassac Ballroom",
        "Chea Sophal",
        (),
        "Each delegation is invited to present, in no more than five minutes, its national"
        " legal and institutional framework, recent seizures and investigations, challenges"
        " and priority needs for assistance.",
    ),
    (
        1,
        "plenary",
        "Wrap-up of Day 1",
        30,
        None,
        "Bassac Ballroom",
        "Arjun Mehta",
        ("Priya Raghavan",),
        "Summary of the main points raised during the day by the rapporteurs, and"
        " practical arrangements for Day 2.",
    ),
    # Day 2
    (
        2,
        "plenary",
        "Recap of Day 1",
        15,
        None,
        "Bassac Ballroom",
        "Sok Chanthy",
        ("Kenji Watanabe",),
        "Brief recap of the discussions of the first day.",
    ),
    (
        2,
        "panel",
        "Session 4: Consolidating national and regional efforts",
        90,
        None,
        "Bassac Ballroom",
        "Sok Chanthy",
        ("Rahmat Hidayat", "Keiko Yamamoto", "Lê Minh Tuấn", "Agus Setiawan"),
        "Regional police cooperation through ASEANAPOL, customs intelligence sharing through"
        " the WCO Customs Enforcement Network and RILO A/P, joint border operations and"
        " national coordination mechanisms on small arms and light weapons.",
    ),
    (
        2,
        "break",
        "Morning coffee break",
        15,
        None,
        "Bassac Ballroom foyer",
        "",
        (),
        "",
    ),
    (
        2,
        "panel",
        "Session 5: International instruments on small arms and light weapons",
        90,
        None,
        "Bassac Ballroom",
        "Chiara Bellini",
        ("Elena Marchetti", "Hannah Lindqvist", "Marco Rinaldi", "Aoife O'Sullivan"),
        "The Arms Trade Treaty, the UN Programme of Action and the International Tracing"
        " Instrument, the Firearms Protocol to the United Nations Convention against"
        " Transnational Organized Crime, and the Global Framework for Through-life"
        " Conventional Ammunition Management: obligations, reporting and available"
        " assistance.",
    ),
    (
        2,
        "meal",
        "Lunch",
        60,
        time(12, 30),
        "La Coupole restaurant",
        "",
        (),
        "Buffet lunch.",
    ),
    (
        2,
        "breakout",
        "Breakout groups: Practical measures against trafficking and diversion",
        90,
        None,
        "Breakout rooms A-C",
        "",
        (),
        "Three parallel working groups discuss practical measures and draft recommendations"
        " for the plenary.",
    ),
    (
        2,
        "break",
        "Afternoon refreshments",
        15,
        None,
        "Bassac Ballroom foyer",
        "",
        (),
        "",
    ),
    (
        2,
        "plenary",
        "Report-back from breakout groups",
        45,
        None,
        "Bassac Ballroom",
        "Chea Sophal",
        ("Priya Raghavan", "Kenji Watanabe", "Lina Haddad"),
        "Each group rapporteur presents the main findings and draft recommendations of the"
        " group, followed by discussion.",
    ),
    (
        2,
        "plenary",
        "Recommendations and joint workplan",
        60,
        None,
        "Bassac Ballroom",
        "Chea Sophal",
        ("Arjun Mehta", "Tomasz Kowalczyk"),
        "Consideration and adoption of the seminar recommendations and of a joint workplan"
        " for 2027.",
    ),
    (
        2,
        "ceremony",
        "Closing ceremony",
        30,
        time(17, 0),
        "Bassac Ballroom",
        "Chea Sophal",
        ("Sok Chanthy", "Felix Bauer", "Arjun Mehta"),
        "Closing remarks by the Royal Government of Cambodia, Germany and UNRCPD.",
    ),
)

BREAKOUT_GROUPS: Final[tuple[tuple[str, str, str, str, str, tuple[str, ...], str], ...]] = (
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "Breakout room A",
        "Tomasz Kowalczyk",
        "Priya Raghavan",
        (
            "Kim Sreymom",
            "Nurul Aini binti Haji Yusof",
            "Agus Setiawan",
            "Lim Wei Jie",
            "Ramon Villanueva",
            "Anucha Thongdee",
            "Lê Minh Tuấn",
            "Joaquim da Costa Soares",
            "Keiko Yamamoto",
        ),
        "Which border crossings, seaports and postal or express-courier channels present the"
        " highest risk?\n"
        "How can risk profiling and non-intrusive inspection be better targeted at arms,"
        " parts, components and ammunition?\n"
        "What prevents customs administrations from sharing seizure data regionally?\n"
        "Which training and equipment needs are most urgent?",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group B: Law enforcement cooperation and information exchange",
        "Breakout room B",
        "Daniel Ferreira",
        "Kenji Watanabe",
        (
            "Heng Dara",
            "Sri Wahyuni",
            "Souksavanh Phommachanh",
            "Siti Aminah binti Rahman",
            "Thandar Aye",
            "Jose Miguel Dela Cruz",
            "Somchai Wongsawat",
            "Trần Thị Hương",
            "Rahmat Hidayat",
            "Marco Rinaldi",
            "James Whitfield",
        ),
        "How can tracing requests between States be answered faster and more completely?\n"
        "What role should ASEANAPOL databases and INTERPOL tools play in firearms"
        " investigations?\n"
        "How can cases involving the dark web and cryptocurrency be investigated across"
        " borders?\n"
        "What legal obstacles hinder joint investigations and the exchange of evidence?",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group C: Stockpile management and diversion prevention",
        "Breakout room C",
        "Chiara Bellini",
        "Lina Haddad",
        (
            "Mohd Hafiz bin Haji Abdullah",
            "Rizky Pratama Wibowo",
            "Khamphoui Vongsavanh",
            "Ahmad Faizal bin Ismail",
            "Kyaw Zin Htet",
            "Ma. Cristina Santos-Reyes",
            "Tan Hui Ling",
            "Goh Kian Seng",
            "Pimchanok Srisuk",
            "Nguyễn Văn Đức",
            "Elena Marchetti",
            "Hannah Lindqvist",
            "Matthias Keller",
            "Aoife O'Sullivan",
            "Jiraporn Chaiyasit",
        ),
        "Where does diversion most often occur: in transfer, in storage or at end use?\n"
        "What good practices exist for physical security and stockpile management of arms"
        " and ammunition?\n"
        "How can end-user certificates and post-shipment verification be strengthened?\n"
        "How should surplus, seized and obsolete weapons and ammunition be disposed of?",
    ),
)

SPEECHES: Final[tuple[tuple[str, str, str, str, str, str, int], ...]] = (
    # Session 2 questions
    (
        "Session 2: Trends and sources of illicit arms flows in South-East Asia",
        "Somchai Wongsawat",
        "THA",
        "national",
        "question",
        "12:05",
        95,
    ),
    (
        "Session 2: Trends and sources of illicit arms flows in South-East Asia",
        "Sri Wahyuni",
        "IDN",
        "national",
        "question",
        "12:08",
        80,
    ),
    # Session 3 question
    (
        "Session 3: The dark web and emerging technologies",
        "Goh Kian Seng",
        "SGP",
        "national",
        "question",
        "14:21",
        120,
    ),
    # Tour de table
    (
        "Tour de table: national experiences and priorities",
        "Ma. Cristina Santos-Reyes",
        "PHL",
        "group",
        "statement",
        "15:02",
        305,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Heng Dara",
        "KHM",
        "national",
        "statement",
        "15:08",
        415,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Mohd Hafiz bin Haji Abdullah",
        "BRN",
        "national",
        "statement",
        "15:15",
        290,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Rizky Pratama Wibowo",
        "IDN",
        "national",
        "statement",
        "15:20",
        375,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Khamphoui Vongsavanh",
        "LAO",
        "national",
        "statement",
        "15:27",
        280,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Ahmad Faizal bin Ismail",
        "MYS",
        "national",
        "statement",
        "15:32",
        340,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Tan Hui Ling",
        "SGP",
        "national",
        "point_of_order",
        "15:38",
        45,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Kyaw Zin Htet",
        "MMR",
        "national",
        "statement",
        "15:39",
        300,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Jose Miguel Dela Cruz",
        "PHL",
        "national",
        "statement",
        "15:45",
        330,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Tan Hui Ling",
        "SGP",
        "national",
        "statement",
        "15:51",
        295,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Pimchanok Srisuk",
        "THA",
        "national",
        "statement",
        "15:56",
        350,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Nguyễn Văn Đức",
        "VNM",
        "national",
        "statement",
        "16:02",
        385,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Joaquim da Costa Soares",
        "TLS",
        "national",
        "statement",
        "16:09",
        265,
    ),
    (
        "Tour de table: national experiences and priorities",
        "Ly Sovann",
        "WGWR",
        "organisation",
        "statement",
        "16:14",
        240,
    ),
)

NOTES: Final[tuple[tuple[str, str, str, str, str], ...]] = (
    (
        "Registration and opening ceremony",
        "",
        "summary",
        "Priya Raghavan",
        "H.E. Mr. Chea Sophal, Secretary of State, welcomed participants to Phnom Penh on"
        " behalf of the Royal Government of Cambodia. He recalled Cambodia's experience in"
        " collecting and destroying more than 200,000 weapons after decades of conflict and"
        " stressed that illicit arms trafficking (ការជួញដូរអាវុធខុសច្បាប់) remains a threat"
        " to the security of all countries of the region.\n"
        "\n"
        "Mr. Arjun Mehta, Director of UNRCPD, underlined that the illicit trade in small arms"
        " and light weapons and their ammunition undermines the achievement of Sustainable"
        " Development Goal target 16.4 and that no State can address it alone.\n"
        "\n"
        "Dr. Katrin Hoffmann, Deputy Head of Mission of Germany, reaffirmed Germany's"
        " long-standing support for small arms control in South-East Asia and its commitment"
        " to the full implementation of the Programme of Action and the Arms Trade Treaty.",
    ),
    (
        "Session 1: Regional security implications of illicit SALW trafficking",
        "",
        "summary",
        "Kenji Watanabe",
        "Panellists described how illicit small arms and light weapons sustain armed"
        " violence, organized crime and non-State armed groups in parts of the region, and"
        " how they are increasingly linked to drug trafficking, human trafficking and"
        " online scam compounds along porous borders. Ammunition was identified as a"
        " particular gap: it is consumed, traded and diverted in large quantities but rarely"
        " marked or traced.",
    ),
    (
        "Session 1: Regional security implications of illicit SALW trafficking",
        "",
        "key_points",
        "Kenji Watanabe",
        "- Illicit arms flows are a cross-cutting threat linked to other transnational crimes\n"
        "- Ammunition diversion receives less attention than weapons diversion\n"
        "- Gender-disaggregated data on armed violence remain scarce\n"
        "- Legacy weapons from past conflicts continue to surface in criminal markets",
    ),
    (
        "Session 2: Trends and sources of illicit arms flows in South-East Asia",
        "",
        "summary",
        "Lina Haddad",
        "Conflict Armament Research presented tracing findings showing that a significant"
        " share of documented illicit weapons had originally been legally manufactured and"
        " exported before being diverted. UNODC presented seizure data collected through the"
        " Illicit Arms Flows Questionnaire. The Philippine National Police described craft"
        " production and the conversion of replica firearms. The Thai delegation used the"
        " expression การค้าอาวุธเถื่อน (illicit arms trade) to describe the cross-border"
        " trade it faces along its land borders.",
    ),
    (
        "Session 2: Trends and sources of illicit arms flows in South-East Asia",
        "",
        "key_points",
        "Lina Haddad",
        "- Diversion from national stockpiles remains a main source of illicit weapons\n"
        "- Seizure data are fragmented and seldom shared across borders\n"
        "- Maritime routes and small ports are under-monitored\n"
        "- Tracing requests often go unanswered or receive incomplete replies",
    ),
    (
        "Session 3: The dark web and emerging technologies",
        "",
        "summary",
        "Priya Raghavan",
        "Speakers noted that firearms, parts and ammunition are offered on dark web"
        " marketplaces and, increasingly, on encrypted messaging channels, with payment in"
        " cryptocurrency and delivery through postal and express-courier services. 3D-printed"
        " and other privately made firearms, which bear no serial number, were reported in"
        " several countries of the region. Singapore described its forensic research on the"
        " identification of printed components.",
    ),
    (
        "Session 3: The dark web and emerging technologies",
        "",
        "discussion",
        "Priya Raghavan",
        "Several delegations noted that forensic R&D <budget> x<y applies in most national"
        " plans: the allocation x remains below the estimated cost y.\n"
        "Participants asked how the Open-ended Technical Expert Group established by the"
        " Fourth Review Conference of the Programme of Action would address polymer, modular"
        " and 3D-printed weapons.\n"
        "Law enforcement officers called for training on cryptocurrency tracing and on the"
        " preservation of digital evidence.",
    ),
    (
        "Tour de table: national experiences and priorities",
        "",
        "summary",
        "Kenji Watanabe",
        "Eleven States and one civil society organization took the floor. The Philippines,"
        " speaking on behalf of ASEAN, recalled the work of the ASEAN Senior Officials"
        " Meeting on Transnational Crime on arms smuggling. Delegations reported on recent"
        " legislative reforms, national points of contact, marking and record-keeping"
        " systems, weapons collection and destruction campaigns, and joint border"
        " operations. Common needs included marking machines, electronic record-keeping,"
        " training in tracing and ammunition management, and secure storage.",
    ),
    (
        "Tour de table: national experiences and priorities",
        "",
        "discussion",
        "Kenji Watanabe",
        "The delegate of Viet Nam summarized his country's position in Vietnamese:"
        ' "Việt Nam cam kết tăng cường hợp tác khu vực để ngăn chặn buôn lậu vũ khí."\n'
        "Singapore raised a point of order on the time limit for statements; the Chair"
        " reminded delegations of the five-minute limit.\n"
        "The Working Group for Weapons Reduction, Cambodia, stressed the role of"
        " communities and civil society in voluntary weapons collection.",
    ),
    (
        "Wrap-up of Day 1",
        "",
        "action_items",
        "Priya Raghavan",
        "- Secretariat to circulate the presentations of Sessions 1 to 3 by e-mail\n"
        "- Delegations to confirm breakout group membership at registration on Day 2\n"
        "- Rapporteurs to prepare a one-page recap for the opening of Day 2",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "summary",
        "Priya Raghavan",
        "The group identified postal and express-courier consignments, small seaports and"
        " informal land crossings as the highest-risk channels. Participants agreed that"
        " risk profiling should cover parts, components and ammunition, not only complete"
        " weapons, and that customs seizure data should be entered systematically into the"
        " WCO Customs Enforcement Network.",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "key_points",
        "Priya Raghavan",
        "- Harmonized System codes for firearms parts are applied inconsistently\n"
        "- Non-intrusive inspection equipment is lacking at many land crossings\n"
        "- Customs-police cooperation at the national level should be formalized\n"
        "- Joint training with neighbouring administrations is a priority",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group B: Law enforcement cooperation and information exchange",
        "summary",
        "Kenji Watanabe",
        "The group discussed obstacles to international tracing, including the absence of"
        " designated national points of contact in some States and language barriers. It"
        " recommended greater use of INTERPOL's iARMS database and of the ASEANAPOL"
        " electronic database system, and proposed a regional network of firearms"
        " investigators with expertise in dark web and cryptocurrency investigations.",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group B: Law enforcement cooperation and information exchange",
        "recommendations",
        "Kenji Watanabe",
        "- Designate a national point of contact for tracing in every State\n"
        "- Establish a regional network of firearms investigators\n"
        "- Develop a standard operating procedure for cross-border tracing requests",
    ),
)

RECOMMENDATIONS: Final[tuple[tuple[str, str, str, str, str], ...]] = (
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "Extend customs risk profiling and targeting to firearms parts, components and"
        " ammunition, including in postal and express-courier consignments.",
        "Customs administrations",
        "agreed",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "Systematically record seizures of arms and ammunition in the WCO Customs"
        " Enforcement Network and share them with neighbouring administrations.",
        "Customs administrations",
        "proposed",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group B: Law enforcement cooperation and information exchange",
        "Designate, where not yet done, a national point of contact for international"
        " tracing requests and communicate it to ASEANAPOL and UNODA.",
        "ASEAN member states",
        "agreed",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group B: Law enforcement cooperation and information exchange",
        "Establish a regional network of firearms investigators, including specialists in"
        " dark web and cryptocurrency investigations.",
        "ASEANAPOL",
        "proposed",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Mark all small arms and light weapons at manufacture and import, and keep accurate"
        " records in accordance with the International Tracing Instrument.",
        "ASEAN member states",
        "agreed",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Strengthen the physical security and stockpile management of arms and ammunition,"
        " drawing on the Modular Small-arms-control Implementation Compendium (MOSAIC) and"
        " the International Ammunition Technical Guidelines (IATG).",
        "ASEAN member states",
        "agreed",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Consider accession to or ratification of the Arms Trade Treaty and the Firearms"
        " Protocol, and submit national reports under the Programme of Action.",
        "ASEAN member states",
        "noted",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Organize a regional training course on tracing, including of 3D-printed and other"
        " privately made firearms, for police, customs and forensic officers.",
        "UNRCPD",
        "agreed",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Include illicit arms trafficking as a standing item on the agenda of the ASEANAPOL"
        " Conference and share trend analyses annually.",
        "ASEANAPOL",
        "proposed",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Involve civil society and research institutes in awareness-raising, voluntary"
        " weapons collection and independent monitoring of illicit arms flows.",
        "ASEAN member states",
        "noted",
    ),
)

ACTION_ITEMS: Final[tuple[tuple[str, str, str, str, date, str], ...]] = (
    (
        "Recommendations and joint workplan",
        "",
        "Circulate the draft seminar report to all participants for comments.",
        "UNRCPD",
        date(2027, 1, 15),
        "in_progress",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Compile and circulate the list of national points of contact for tracing.",
        "ASEANAPOL",
        date(2027, 3, 31),
        "open",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Prepare the concept note for a regional training course on tracing and privately"
        " made firearms.",
        "UNRCPD",
        date(2027, 4, 30),
        "open",
    ),
    (
        "Recommendations and joint workplan",
        "",
        "Confirm funding for the 2027 joint workplan activities.",
        "Germany (Federal Foreign Office)",
        date(2027, 2, 28),
        "open",
    ),
    (
        "Breakout groups: Practical measures against trafficking and diversion",
        "Group A: Border and customs controls",
        "Share the WCO guidance on Harmonized System classification of firearms parts with"
        " all customs administrations of the region.",
        "WCO RILO A/P",
        date(2027, 1, 31),
        "open",
    ),
    (
        "Wrap-up of Day 1",
        "",
        "Circulate the presentations of Sessions 1 to 3 to participants.",
        "UNRCPD Secretariat",
        date(2026, 12, 20),
        "done",
    ),
)
