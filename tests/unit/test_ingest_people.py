"""Offices, countries and who takes part."""

from __future__ import annotations

import datetime as dt

import pytest

from db.ingest import draft_from_text
from db.ingest.offices import office_key

DAY = dt.date(2024, 3, 4)


def people(text: str):
    result = draft_from_text(f"Ministers meet\n\n{text}", DAY)
    return [(p.name, p.office, p.delegation) for p in result.draft.participants]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkish Deputy Foreign Minister Nuh Yilmaz will meet officials in Ankara on Friday.",
         ("Nuh Yilmaz", "Deputy Foreign Minister", "Türkiye")),
        ("Foreign Minister of Armenia Edward Nalbandian will hold talks in Vienna on Friday.",
         ("Edward Nalbandian", "Foreign Minister", "Armenia")),
        ("Ekaterina Zaharieva, Bulgaria's foreign minister, will attend the meeting on Friday.",
         ("Ekaterina Zaharieva", "Foreign Minister", "Bulgaria")),
        ("The EU's special envoy for Libya, Anna Berg, will host talks in Rome on Friday.",
         ("Anna Berg", "Special Envoy for Libya", "European Union")),
        ("President Joana Ferreira of Portugal will host talks in Lisbon on Friday.",
         ("Joana Ferreira", "President", "Portugal")),
        ("Japanese Vice Minister for Foreign Affairs Yachi Shotaro held talks on Friday.",
         ("Yachi Shotaro", "Vice Minister for Foreign Affairs", "Japan")),
    ],
)
def test_office_patterns(sentence, expected):
    assert people(sentence)[0] == expected


def test_counterpart_takes_the_office_of_the_first_person():
    found = people("Egyptian Foreign Minister Omar Fathy received his Jordanian counterpart "
                   "Layla Haddad in Cairo on Monday.")
    assert found == [("Omar Fathy", "Foreign Minister", "Egypt"),
                     ("Layla Haddad", "Foreign Minister", "Jordan")]


def test_absent_mentioned_and_reporting_people_are_left_out():
    found = people(
        "In the absence of EU foreign policy chief Kaja Lind, Polish Foreign Minister Adam Nowak "
        "will attend the meeting in Warsaw on Friday. US President Sam Reed's decision was "
        "noted. Ministry spokesperson Ewa Kot said the talks would be long. Canadian Foreign "
        "Minister Paul Roy did not attend."
    )
    assert [name for name, _, _ in found] == ["Adam Nowak"]


def test_people_at_another_meeting_are_left_out():
    found = people(
        "Latvian Foreign Minister Ilze Berzina will meet Estonian Foreign Minister Mart Kask in "
        "Riga on Friday. The last meeting, with Finnish Foreign Minister Aino Lahti, took place "
        "in Helsinki in 2021."
    )
    assert [name for name, _, _ in found] == ["Ilze Berzina", "Mart Kask"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Minister for Foreign Affairs", "Foreign Minister"),
     ("Vice Minister for Foreign Affairs", "Vice Foreign Minister"),
     ("President of the European Council", "European Council President"),
     ("Chairman", "chairperson")],
)
def test_office_key_equates_ways_of_writing_an_office(a, b):
    assert office_key(a) == office_key(b)


def test_office_key_keeps_ranks_apart():
    assert office_key("Deputy Foreign Minister") != office_key("Foreign Minister")


def test_particles_short_first_names_and_longer_forms_of_one_name():
    found = people("German Defence Minister Gen Kessler and Dutch Foreign Minister Anna van der "
                   "Berg met in Bonn on Friday. Later Minister Anna van der Berg Smit thanked "
                   "Kessler for the talks.")
    assert [(name, party) for name, _, party in found] == [("Gen Kessler", "Germany"),
                                                           ("Anna van der Berg Smit",
                                                            "Netherlands")]


def test_a_programme_named_after_a_party_is_not_a_person():
    found = people("Dutch Foreign Minister Anna Berg met in Bonn on Friday to discuss the EU's "
                   "Blue Harbour programme.")
    assert [name for name, _, _ in found] == ["Anna Berg"]
