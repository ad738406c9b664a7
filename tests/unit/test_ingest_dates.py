"""Date expressions and their resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from db.ingest.dates import adjust_for_span, find_mentions, resolve
from db.vocab import Precision


def read(text: str, published: dt.date | None, future: bool | None = None, context=None):
    mentions = find_mentions(1, text)
    for m in mentions:
        resolve(m, published or dt.date(2030, 6, 1), future, published is not None, context)
        adjust_for_span(m, text)
    return mentions


@pytest.mark.parametrize(
    ("text", "published", "future", "first", "precision"),
    [
        ("will meet in Washington on May 20", dt.date(2025, 5, 18), True, "2025-05-20", "day"),
        ("met on 20 May", dt.date(2026, 1, 3), False, "2025-05-20", "day"),
        ("will meet on January 10", dt.date(2025, 12, 20), True, "2026-01-10", "day"),
        ("when they meet Monday", dt.date(2018, 5, 20), True, "2018-05-21", "day"),
        ("they met on Friday", dt.date(2007, 1, 27), False, "2007-01-26", "day"),
        ("on 5-6 December 2023", None, None, "2023-12-05", "day"),
        ("November 30-December 1", dt.date(2018, 5, 20), True, "2018-11-30", "day"),
        ("in December 2017", None, None, "2017-12-01", "month"),
        ("in July", dt.date(2025, 6, 20), True, "2025-07-01", "month"),
        ("next week", dt.date(2025, 9, 3), True, "2025-09-08", "approximate"),
        ("on 2025-05-20", None, None, "2025-05-20", "day"),
    ],
)
def test_resolution(text, published, future, first, precision):
    mention = read(text, published, future)[0]
    assert mention.first.isoformat() == first
    assert mention.precision == Precision(precision)


def test_year_from_the_text_when_there_is_no_publication_date():
    mention = read("they will meet on May 20", None, True, context=2019)[0]
    assert mention.first == dt.date(2019, 5, 20)
    assert "2019" in mention.assumed


def test_nth_day_of_a_multi_day_meeting_gives_its_first_day():
    mention = read("talks on the second day of the three-day round on Friday",
                   dt.date(2007, 1, 27), False)[0]
    assert (mention.first, mention.last) == (dt.date(2007, 1, 25), dt.date(2007, 1, 27))


def test_reporting_possessive_and_deadline_dates_are_flagged():
    said, election, target = read("the ministry said Sunday that Sunday's election and the "
                                  "goal by 2030", dt.date(2018, 5, 20))
    assert said.reported and election.possessive and target.deadline


def test_the_verb_may_is_not_a_month():
    assert read("the ministers may meet again", dt.date(2025, 1, 1)) == []


def test_a_written_date_holding_the_weekday_wins():
    from db.ingest import draft_from_text

    result = draft_from_text("OSCE meeting ends\n\nThe council closed in Valletta on Friday after "
                             "two days of talks on 5 and 6 December.", dt.date(2024, 12, 7))
    assert result.meeting.date == dt.date(2024, 12, 5)
    assert result.date_text == "5 and 6 December"


def test_a_date_in_a_relative_clause_does_not_make_the_sentence_another_event():
    from db.ingest import draft_from_text

    result = draft_from_text(
        "Ministers meet\n\nThe ministers met in Valletta on 5 December. Finland's Foreign "
        "Minister Elina Valtonen, whose country takes over the chair in January, attended the "
        "talks.", dt.date(2024, 12, 7))
    assert [p.name for p in result.draft.participants] == ["Elina Valtonen"]


def test_talks_that_ended_after_some_days_began_earlier_but_a_written_range_stays():
    (ended,) = read("Talks wrapped up in Geneva on Wednesday after two days.", dt.date(2024, 3, 4),
                    future=False)
    assert ended.first == dt.date(2024, 2, 27)
    mentions = read("The council closed on Friday after two days of talks on 5 and 6 December.",
                    dt.date(2024, 12, 7), future=False)
    assert [m.first for m in mentions] == [dt.date(2024, 12, 5), dt.date(2024, 12, 5)]
