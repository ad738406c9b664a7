"""Where a meeting is (capitals by description, venues, the dateline) and what kind it is."""

from __future__ import annotations

import datetime as dt

import pytest

from db.ingest import draft_from_text
from db.vocab import MeetingFormat

DAY = dt.date(2024, 3, 4)


def meeting(body: str, title: str = "Ministers meet"):
    return draft_from_text(f"{title}\n\n{body}", DAY).meeting


@pytest.mark.parametrize(
    ("body", "city", "country"),
    [
        ("Foreign ministers of ASEAN will gather in the Lao capital on Friday for talks.",
         "Vientiane", "Laos"),
        ("The Secretary-General met the president at UN Headquarters on Friday for talks.",
         "New York", "United States"),
        ("EU foreign ministers met in Luxembourg on Friday for talks.", "Luxembourg",
         "Luxembourg"),
        ("NEW YORK – The two presidents met on Friday for talks on trade.", "New York",
         "United States"),
        ("VIENTIANE – Foreign ministers will gather in Laos on Friday for talks.", "Vientiane",
         "Laos"),
        ("MOSCOW – The two ministers met in Geneva on Friday for talks on trade.", "Geneva",
         "Switzerland"),
        ("The president will pay a state visit to Ghana on Friday. In Accra, he is due to hold "
         "talks on trade.", "Accra", "Ghana"),
    ],
)
def test_places(body, city, country):
    found = meeting(body)
    assert (found.city, found.country) == (city, country)


def test_a_call_takes_no_place_from_the_dateline():
    found = meeting("BUDAPEST, Feb 7 – Foreign Minister Ede Kovacs spoke by telephone on Friday "
                    "with his Turkish counterpart Ali Demir.")
    assert found.format is MeetingFormat.PHONE_CALL
    assert (found.city, found.country) == (None, None)


@pytest.mark.parametrize(
    ("title", "body", "fmt"),
    [
        ("NATO chief in Warsaw", "NATO Secretary-General Mark Rutte visited the Polish capital on "
         "Friday for talks with the president.", MeetingFormat.VISIT),
        ("Minister to go to Kyiv", "Foreign Minister Adam Nowak will travel to Kyiv on Friday for "
         "talks with his Ukrainian counterpart. EU leaders meet at a summit that day.",
         MeetingFormat.VISIT),
        ("EU ministers meet", "EU foreign ministers met in Luxembourg on Friday. Ukraine's "
         "Foreign Minister Olena Bilyk joined the discussion by video link from Kyiv.",
         MeetingFormat.MULTILATERAL),
        ("What the Japan–Philippines 2+2 delivered", "The Foreign and Defence Ministerial "
         "Meeting was held in Manila on Friday.", MeetingFormat.BILATERAL),
        ("G7 ministers discuss Russia-Ukraine war", "G7 foreign ministers met in Capri on "
         "Friday.", MeetingFormat.MULTILATERAL),
        ("Belgrade-Pristina dialogue resumes", "The EU envoy will host the chief negotiators of "
         "Serbia and Kosovo and an EU official in Brussels on Friday.", MeetingFormat.BILATERAL),
    ],
)
def test_formats(title, body, fmt):
    assert meeting(body, title).format is fmt


def test_a_speaker_named_by_its_building_is_not_the_place():
    found = meeting("The talks between the two foreign ministers in Geneva on Friday have been "
                    "postponed, the Kremlin said.")
    assert found.city == "Geneva"
    assert meeting("The ministers met at the Kremlin on Friday.").city == "Moscow"


def test_the_ministers_of_two_countries_meet_bilaterally():
    two = meeting("The foreign ministers of Armenia and Azerbaijan will meet in Almaty on Friday.")
    three = meeting("The foreign ministers of Armenia, Azerbaijan and Georgia will meet in Almaty "
                    "on Friday.")
    assert (two.format, three.format) == (MeetingFormat.BILATERAL, MeetingFormat.MULTILATERAL)


def record(body: str, published: dt.date = DAY, title: str = "Ministers meet") -> dict:
    return draft_from_text(f"{title}\n\n{body}", published).to_record()


@pytest.mark.parametrize(
    ("body", "date", "city", "country"),
    [
        # a dateline with the filing day: its city is the place, its day is not the meeting's
        ("OSLO, 1 Mar – The two envoys will meet on 6 March for talks on fisheries.",
         "2024-03-06", "Oslo", "Norway"),
        ("OSLO, Mar 1 (Wire) – The two envoys met on Friday for talks on fisheries.",
         "2024-03-01", "Oslo", "Norway"),
        # a city outside the gazetteer, vouched for by the country after it
        ("SVOLVAER, Norway – The envoys held talks on fisheries on 2 March.", "2024-03-02",
         "Svolvaer", "Norway"),
        ("Santiago de Chile (Wire) – The envoys held talks on fisheries on 2 March.",
         "2024-03-02", "Santiago", "Chile"),
        # a later trip does not move the meeting
        ("ROME – The envoys held talks on fisheries on Friday. The minister travels on to "
         "Milan on Saturday to see shipyards.", "2024-03-01", "Rome", "Italy"),
        # a country in a subject ("the war in X") is not where they meet
        ("ROME – The envoys held talks on Friday. The war in Sudan was raised as well.",
         "2024-03-01", "Rome", "Italy"),
    ],
)
def test_dateline_and_later_trips(body, date, city, country):
    found = record(body)
    assert (found["date"], found["location"]["city"], found["location"]["country"]) == (
        date, city, country)


def test_a_repeated_call_and_a_target_month_do_not_hide_the_meeting_day():
    found = record("Regional ministers used a retreat, held on 2 March, to call again for a "
                   "truce. The talks also covered a membership bid that the chair hopes to "
                   "complete in October.")
    assert found["date"] == "2024-03-02"


def test_the_history_of_a_venue_does_not_make_a_coming_meeting_held():
    found = record("Canada will host the next ministerial talks in Halifax on 9 March, the "
                   "first time the talks have been held in Nova Scotia.")
    assert (found["date"], found["status"]) == ("2024-03-09", "planned")
