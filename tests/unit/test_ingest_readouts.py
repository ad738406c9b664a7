"""Readouts, wire copy and state-agency dispatches: the home government that a readout never
names, datelines with a filing date, names in readouts' own orders, and the agenda phrasings
they use (db/ingest/home.py, sides.py, text.py, focus.py, names.py, topics.py). The texts are
made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from db.ingest import draft_from_text
from db.ingest.text import split_article

DAY = dt.date(2025, 9, 25)  # a Thursday


def record(text: str, published: dt.date = DAY) -> dict:
    return draft_from_text(text, published).to_record()


def people(text: str, published: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p["role"], p["country_or_org"])
            for p in record(text, published)["participants"]]


@pytest.mark.parametrize(
    ("header", "home"),
    [
        ("(source URL not given; statement of the Irish Department of Foreign Affairs)\n"
         "Minister receives Estonian counterpart", "Ireland"),
        ("Government Offices of Ireland\nMinister receives Estonian counterpart", "Ireland"),
        ("(source URL not given; readout of the Polish Ministry of Foreign Affairs)\n"
         "Minister receives Estonian counterpart", "Poland"),
    ],
)
def test_a_readout_s_own_minister_is_of_its_home_government(header, home):
    text = (f"{header}\n\nOn 24 September 2025 the Minister for Foreign Affairs Aoife Brennan "
            "received her Estonian counterpart Kaarel Tamm for talks on Baltic security.")
    assert people(text) == [
        ("Aoife Brennan", "Minister for Foreign Affairs", home),
        ("Kaarel Tamm", "Minister for Foreign Affairs", "Estonia"),  # a counterpart's office
    ]


def test_a_state_agency_dateline_names_the_home_government():
    text = ("President Tran Minh holds talks with Chilean President\n\n"
            "SANTIAGO (VNA) – As part of his state visit to Chile, President Tran Minh held talks "
            "with Chilean President Pablo Rojas on November 12.")
    assert people(text, dt.date(2025, 11, 13)) == [
        ("Tran Minh", "President", "Vietnam"), ("Pablo Rojas", "President", "Chile")]


def test_the_country_the_lead_names_that_no_one_else_holds():
    text = ("China, Pakistan, Afghanistan agree to extend corridor\n\n"
            "KABUL: The foreign ministers of China, Pakistan and Afghanistan met in Kabul "
            "yesterday.\nChinese Foreign Minister Li Wei, Deputy Prime Minister and Foreign "
            "Minister Imran Baig and Afghanistan's acting Foreign Minister Noor Rahimi discussed "
            "counter-terrorism cooperation, with Islamabad urging the Afghan authorities to act.")
    assert ("Imran Baig", "Deputy Prime Minister and Foreign Minister", "Pakistan") \
        in people(text, dt.date(2025, 8, 21))


def test_a_country_inside_a_longer_name_gives_no_side():
    text = ("Premier to visit next week\n\nChinese Premier Zhou Ming will travel to Australia "
            "next week and meet Prime Minister Tom Hale in Canberra on Monday, June 17.\n"
            "Hale will also raise unsafe encounters in the South China Sea.")
    result = record(text, dt.date(2024, 6, 12))
    assert ("Tom Hale", "Prime Minister", "Australia") in [
        (p["name"], p["role"], p["country_or_org"]) for p in result["participants"]]
    assert result["date"] == "2024-06-17"  # the day inside "next week"


@pytest.mark.parametrize(
    ("text", "date", "dateline"),
    [
        ("Seoul, Sept. 25 -- South Korean Foreign Minister Min Su held a phone call with his "
         "Japanese counterpart Kenji Ota on Wednesday evening, the ministry said Thursday.",
         "2025-09-24", "Seoul, Sept. 25 --"),
        ("Abu Dhabi, 24th September, 2025 (WAM) -- Foreign Minister Omar Al Hameli received "
         "Min Su, Minister of Foreign Affairs of the Republic of Korea, who is on a working "
         "visit to the country.", "2025-09-24", "Abu Dhabi, 24th September, 2025 (WAM) --"),
    ],
)
def test_datelines_with_a_filing_date(text, date, dateline):
    assert split_article(text).dateline == dateline
    assert record(text)["date"] == date


def test_the_republic_of_korea_and_a_hosted_guest_at_the_dateline():
    text = ("Abu Dhabi, 24th September, 2025 (WAM) -- H.H. Sheikh Omar bin Saif Al Hameli, "
            "Minister of Foreign Affairs, received H.E. Min Su, Minister of Foreign Affairs of "
            "the Republic of Korea, who is on a working visit to the country.")
    result = record(text)
    assert result["location"] == {"city": "Abu Dhabi", "country": "United Arab Emirates"}
    assert [(p["name"], p["country_or_org"]) for p in result["participants"]] == [
        ("Omar bin Saif Al Hameli", "United Arab Emirates"), ("Min Su", "South Korea")]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Mr. TANAKA Hiroshi, Prime Minister of Japan, held a telephone talk with President "
         "Park Min of the Republic of Korea on Wednesday.", "Tanaka Hiroshi"),
        ("The Indian delegation was led by Dr. R. Kumar, External Affairs Minister, in Dhaka on "
         "Wednesday.", "R. Kumar"),
        ("The Bangladesh delegation was led by Md. Karim Hossain, Adviser for Foreign Affairs, "
         "in Dhaka on Wednesday.", "Md. Karim Hossain"),
        ("Sheikh Hamad bin Khalid bin Jassim Al Kuwari, Prime Minister and Minister of Foreign "
         "Affairs, met the Egyptian foreign minister in Doha on Wednesday.",
         "Hamad bin Khalid bin Jassim Al Kuwari"),
        ("Xi Ming, general secretary of the party central committee and Chinese president, held "
         "talks in Hanoi on Wednesday with To Van, general secretary of the Vietnamese party.",
         "To Van"),
    ],
)
def test_names_as_readouts_write_them(sentence, name):
    names = [p[0] for p in people(f"Leaders meet\n\n{sentence}")]
    assert name in names


def test_the_state_office_after_a_party_post():
    text = ("Leaders meet\n\nXi Ming, member of the Political Bureau of the party central "
            "committee and Chinese foreign minister, held talks in Brussels on Wednesday with "
            "Anna Berg, EU High Representative for Foreign Affairs and Security Policy.")
    assert ("Xi Ming", "Foreign Minister", "China") in people(text)


def test_a_fuller_title_later_replaces_the_short_one():
    text = ("Minister Jan Nowicki holds call with Lithuanian counterpart\n\n"
            "On 24 September 2025, Minister of Foreign Affairs Jan Nowicki spoke by telephone "
            "with the Minister of Foreign Affairs of Lithuania, Rokas Vilkas.")
    assert ("Jan Nowicki", "Minister of Foreign Affairs", None) in people(text)


def test_people_who_brief_the_meeting_take_part():
    text = ("ASEAN ministers meet\n\nSoutheast Asian foreign ministers met in Langkawi on 24 "
            "September. ASEAN Secretary-General Ravi Tan briefed ministers on the situation.")
    assert ("Ravi Tan", "Secretary-General", "ASEAN") in people(text)


def test_an_organisation_s_officer_belongs_to_the_one_organisation_of_the_lead():
    text = ("NATO defence ministers agree targets\n\nNATO defence ministers met in Brussels on "
            "24 September, with Secretary General Pieter de Wit in the chair.")
    assert ("Pieter de Wit", "Secretary General", "NATO") in people(text)


def test_a_body_named_after_an_office_is_part_of_it():
    text = ("Envoys meet\n\nThe envoys met in Brussels on Wednesday. The EU envoy hosted Marko "
            "Ilic, director of the Serbian government's Office for Kosovo and Metohija, and "
            "Kosovo's First Deputy Prime Minister Arben Kola.")
    assert ("Marko Ilic", "Director of the Office for Kosovo and Metohija", "Serbia") \
        in people(text)


def topics(text: str) -> list[str]:
    return record(f"Ministers meet\n\nThe ministers met in Vienna on Wednesday. {text}")["topics"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Discussions centred on an immediate ceasefire, humanitarian access to the city and "
         "the release of prisoners.",
         ["Immediate ceasefire", "Humanitarian access to the city", "Release of prisoners"]),
        ("Particular attention was paid to the Caspian Sea.", ["Caspian Sea"]),
        ("They shared their assessment of the latest missile launch.", ["Latest missile launch"]),
        ("The ministers discussed in particular the proposed ceasefire, maritime security in "
         "the Indo-Pacific and the situation in Haiti.",
         ["Proposed ceasefire", "Maritime security in the Indo-Pacific", "Situation in Haiti"]),
        ("Both agreed that pressure on the junta must be increased.", ["Pressure on the junta"]),
        ("They agreed to set up a joint security group and had also talked about arms "
         "trafficking.", ["Set up a joint security group", "Arms trafficking"]),
        ("They pledged to reopen their embassies and signed a joint statement.",
         ["Reopen their embassies"]),
        ("The co-chairs signed a protocol on fisheries.", ["Protocol on fisheries"]),
    ],
)
def test_agenda_cues_of_readouts(text, expected):
    assert topics(text) == expected


def test_a_subject_expected_to_dominate_the_talks():
    text = ("Premier to visit\n\nThe premier will hold talks in Canberra on Monday, June 17. "
            "Trade is expected to dominate the talks.")
    assert record(text, dt.date(2024, 6, 12))["topics"] == ["Trade"]


def test_a_list_under_including_gives_the_items_not_the_frame():
    text = ("Joint commission meets\n\nThe joint commission met in Dhaka on 24 September 2025.\n\n"
            "The two sides reviewed the whole range of bilateral relations, including:\n"
            "- sharing of river waters\n- border management\n- visa services for patients")
    assert record(text)["topics"] == ["Sharing of river waters", "Border management",
                                      "Visa services for patients"]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Ministers meet\n\nThe foreign minister of Algeria met his Italian counterpart in Rome "
         "on Tuesday. They prepared the next intergovernmental summit.", "bilateral"),
        ("President meets UN chief\n\nNAIROBI, Sept. 25 (Eastwire) - Kenyan President Sam Kiptoo "
         "met visiting UN Secretary-General Ana Reis at State House on Wednesday.", "visit"),
    ],
)
def test_a_summit_being_prepared_is_another_meeting_and_a_visiting_guest_a_visit(text, fmt):
    assert record(text)["format"] == fmt


def test_a_government_web_site_names_the_home_government():
    text = ("https://www.mofa.go.jp/press/release/example.html\nForeign Minister receives "
            "Estonian counterpart\n\nOn 24 September 2025 Foreign Minister Kenji Ota spoke by "
            "phone with his Estonian counterpart Kaarel Tamm about Baltic security.")
    assert ("Kenji Ota", "Foreign Minister", "Japan") in people(text)
