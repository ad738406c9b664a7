"""Offices written in more ways, and whose side a participant is on when the office phrase
does not say (db/ingest/sides.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.ingest import draft_from_text
from db.ingest.offices import office_key

DAY = dt.date(2024, 3, 4)


def people(text: str, title: str = "Ministers meet"):
    result = draft_from_text(f"{title}\n\n{text}", DAY)
    return [(p.name, p.office, p.delegation) for p in result.draft.participants]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Poland's Deputy Prime Minister and Foreign Minister Adam Nowak will visit Kyiv on "
         "Friday.", ("Adam Nowak", "Deputy Prime Minister and Foreign Minister", "Poland")),
        ("Ilze Berzina, the foreign minister of Latvia, told reporters on arrival in Riga on "
         "Friday that talks were slow.", ("Ilze Berzina", "Foreign Minister", "Latvia")),
        ("The Secretary-General met President Luis Cano of the Dominican Republic in New York on "
         "Friday.", ("Luis Cano", "President", "Dominican Republic")),
        ("Hungary's top diplomat Ede Kovacs spoke by phone on Friday with officials.",
         ("Ede Kovacs", "Foreign Minister", "Hungary")),
        ("OSCE Secretary General Helga Brandt opened the session in Vienna on Friday.",
         ("Helga Brandt", "Secretary General", "OSCE")),
        ("The GCC's Assistant Secretary-General for Political Affairs and Negotiation, Omar "
         "Saleh, took part in the call on Friday.",
         ("Omar Saleh", "Assistant Secretary-General for Political Affairs and Negotiation",
          "Gulf Cooperation Council")),
        ("Luca Bruni, the European Union's Special Representative for the Gulf region, held a "
         "call on Friday.", ("Luca Bruni", "Special Representative for the Gulf Region",
                             "European Union")),
    ],
)
def test_more_office_patterns(sentence, expected):
    assert people(sentence)[0] == expected


def test_the_counterpart_of_a_double_office_holds_the_second():
    found = people("Poland's Deputy Prime Minister and Foreign Minister Adam Nowak will travel to "
                   "Kyiv on Friday for talks with his Ukrainian counterpart Olena Bilyk.")
    assert found[1] == ("Olena Bilyk", "Foreign Minister", "Ukraine")
    assert office_key("Deputy Prime Minister and Minister of Foreign Affairs") == office_key(
        "Deputy Prime Minister and Foreign Minister")


def test_the_side_a_person_represents():
    found = people("Japan was represented by Foreign Minister Aiko Mori and Defence Minister Ken "
                   "Sato; the Philippine side by Foreign Affairs Secretary Jose Cruz, in Manila "
                   "on Friday.")
    assert [party for _, _, party in found] == ["Japan", "Japan", "Philippines"]
    stand_in = people("Ministers met in Vienna on Friday. US Secretary of State Dan Hughes did "
                      "not attend and was represented by Deputy Secretary Laura Pine.")
    assert stand_in == [("Laura Pine", "Deputy Secretary", "United States")]


def test_a_second_office_holder_shares_the_first_ones_country():
    found = people("NATO Secretary-General Mark Rutte visited Warsaw on Friday for talks with "
                   "President Adam Nowak of Poland and Prime Minister Jan Kowal.")
    assert found[2] == ("Jan Kowal", "Prime Minister", "Poland")


def test_accompanying_a_leader_puts_one_on_the_leaders_side():
    found = people("The Secretary-General met President Luis Cano of the Dominican Republic in "
                   "New York on Friday. Foreign Minister Rosa Vidal accompanied the president.")
    assert found[-1] == ("Rosa Vidal", "Foreign Minister", "Dominican Republic")


def test_offices_that_belong_to_one_party_and_the_one_country_a_sentence_names():
    found = people("EU foreign ministers met in Luxembourg on Friday for a council chaired by the "
                   "High Representative for Foreign Affairs and Security Policy, Ana Ruiz.")
    assert found == [("Ana Ruiz", "High Representative for Foreign Affairs and Security Policy",
                      "European Union")]
    host = people("Deputy Prime Minister and Foreign Minister Kham Vong will chair the ASEAN "
                  "meeting on Friday, which Laos is hosting in Vientiane.")
    assert host == [("Kham Vong", "Deputy Prime Minister and Foreign Minister", "Laos")]
    away = people("Prime Minister Kham Vong will travel to China on Friday for talks.")
    assert away == [("Kham Vong", "Prime Minister", None)]


def test_ministers_the_lead_says_meet_count_when_quoted():
    found = people(
        "EU foreign ministers met in Luxembourg on Friday. Tom Visser, the Dutch foreign "
        "minister, said the listings were right. Finance Minister Eva Berg said costs were high. "
        "US Secretary of State Anne Lee sent a message to the ministers welcoming the measures. "
        "Ministry spokesperson Ewa Kot said the talks were long.")
    assert found == [("Tom Visser", "Foreign Minister", "Netherlands")]


def test_a_relative_clause_about_another_event_is_left_out():
    found = people(
        "Brazil's Foreign Minister Rui Costa will host his Colombian counterpart Ana Gil in "
        "Brasilia on Friday. President Joao Silva, who spoke with Colombian President Pedro Ruiz "
        "by telephone on Monday, is not expected to take part.", title="Ministers to meet")
    assert [name for name, _, _ in found] == ["Rui Costa", "Ana Gil"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("UN chief Ana Ruiz met officials in Amman on Friday.",
         ("Ana Ruiz", "Secretary-General", "United Nations")),
        ("EU foreign policy chief Ana Ruiz held talks in Brussels on Friday.",
         ("Ana Ruiz", "High Representative for Foreign Affairs and Security Policy",
          "European Union")),
        ("The delegation met King Abdullah II of Jordan in Amman on Friday.",
         ("Abdullah II", "King", "Jordan")),
        ("President Santiago Peña of Paraguay will host talks in Asunción on Friday.",
         ("Santiago Peña", "President", "Paraguay")),
        ("Sofia Rossi, Italy's deputy foreign minister, will co-chair the meeting in Rome on "
         "Friday.", ("Sofia Rossi", "Deputy Foreign Minister", "Italy")),
    ],
)
def test_newspaper_titles_and_names_that_are_also_cities(sentence, expected):
    assert people(sentence)[0] == expected


def test_in_a_visit_abroad_the_unnamed_side_is_the_host():
    found = people("German Chancellor Jan Weber travelled to Beijing on Sunday for a three-day "
                   "visit, where he met President Li Wei.")
    assert found == [("Jan Weber", "Chancellor", "Germany"), ("Li Wei", "President", "China")]


def test_plural_counterparts_and_lists_of_names_with_countries():
    found = people("Foreign Minister Anna Berg of Germany hosted her Polish and French "
                   "counterparts, Adam Nowak and Luc Martin, in Berlin on Friday.")
    assert found == [("Anna Berg", "Foreign Minister", "Germany"),
                     ("Adam Nowak", "Foreign Minister", "Poland"),
                     ("Luc Martin", "Foreign Minister", "France")]
    listed = people("The Quad foreign ministers – Tom Hale of the United States, Mia Reed of "
                    "Australia and Ravi Rao of India – met in Tokyo on Friday.")
    assert listed == [("Tom Hale", "Secretary of State", "United States"),
                      ("Mia Reed", "Foreign Minister", "Australia"),
                      ("Ravi Rao", "Foreign Minister", "India")]
    leaders = people("G7 leaders, including Tom Hale (United States) and Kurt Bauer (Germany), "
                     "gathered in Rome on Friday.")
    assert leaders == [("Tom Hale", None, "United States"), ("Kurt Bauer", None, "Germany")]


def test_the_counterpart_of_a_foreign_secretary_is_a_foreign_minister():
    found = people("British Foreign Secretary Tom Hale met his Indian counterpart Ravi Rao in "
                   "London on Friday.")
    assert found == [("Tom Hale", "Foreign Secretary", "United Kingdom"),
                     ("Ravi Rao", "Foreign Minister", "India")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister was joined in Delhi on Friday by Deputy Minister for Economic Diplomacy "
         "Kostas Pappas.", ("Kostas Pappas", "Deputy Minister for Economic Diplomacy", None)),
        ("Federal President Jan Weber of Germany will pay a state visit to Accra on Friday.",
         ("Jan Weber", "Federal President", "Germany")),
    ],
)
def test_titles_with_portfolios_and_ranks(sentence, expected):
    assert people(sentence)[0] == expected


def test_sides_in_a_list_of_delegations():
    found = people("Foreign ministers of the NB8 met in Tallinn on Friday. Sweden was represented "
                   "by Foreign Minister Tom Berg and Norway by State Secretary Eva Lund, while "
                   "Finland's Aino Koski joined by video from Helsinki.",
                   title="NB8 foreign ministers meet")
    assert found == [("Tom Berg", "Foreign Minister", "Sweden"),
                     ("Eva Lund", "State Secretary", "Norway"),
                     ("Aino Koski", "Foreign Minister", "Finland")]


def test_a_second_name_with_only_a_country_holds_the_first_ones_office():
    found = people("Prince Omar bin Saleh, the Saudi foreign minister, and Ali Rezaei of Iran "
                   "met in Beijing on Friday.")
    assert found == [("Omar bin Saleh", "Foreign Minister", "Saudi Arabia"),
                     ("Ali Rezaei", "Foreign Minister", "Iran")]


def test_an_organisation_named_by_its_last_word():
    found = people("Leaders of the Pacific Islands Forum held a virtual meeting on Friday. Forum "
                   "Secretary General Tom Waqa briefed leaders on the budget.")
    assert found == [("Tom Waqa", "Secretary General", "Pacific Islands Forum")]


def test_clauses_of_a_sentence_about_another_event():
    later = people("The assembly will meet in Asunción on Friday. US Secretary of State Dan Hale "
                   "attended last year's assembly, but the US delegation will this time be led "
                   "by Deputy Secretary of State Kurt Cole.")
    assert later == [("Kurt Cole", "Deputy Secretary of State", "United States")]
    speaker = people("Leaders of the Pacific Islands Forum held a virtual meeting on Friday. "
                     "Secretary General Tom Waqa of the Pacific Islands Forum briefed leaders "
                     "on preparations for the summit in August.")
    assert [name for name, _, _ in speaker] == ["Tom Waqa"]
    before = people("The ministers met in Oslo on Friday. Ede Kovacs, Hungary's foreign "
                    "minister, and Ali Demir last met in Ankara in May.")
    assert before == []


def test_an_organ_named_by_its_last_word_holds_the_office():
    found = people("African Union leaders will meet in Addis Ababa on Friday to elect a new "
                   "chairperson of the African Union Commission. The outgoing Commission "
                   "chairperson, Ana Diop of Chad, will present her report.")
    assert found == [("Ana Diop", "Chairperson of the African Union Commission",
                      "African Union")]
