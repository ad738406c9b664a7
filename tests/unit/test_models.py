"""The models are the one definition of valid data: their rules and messages."""

from __future__ import annotations

import datetime as dt

import pytest

from db.errors import ValidationFailed
from db.models import AgendaItem, Delegation, Meeting, Source, Topic
from db.vocab import ItemStatus


def fields_of(exc: ValidationFailed) -> dict[str, str]:
    return {e.field: e.message for e in exc.errors}


def test_meeting_accepts_the_seed_and_derives_the_country_code():
    m = Meeting(title="Türkiye–US JWG", date="2025-05-20", city="Washington",
                country="United States")
    assert m.date == dt.date(2025, 5, 20)
    assert m.country_code == "US"
    assert m.when_text == "20 May 2025"


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        ({"title": "", "date": "2025-05-20"}, "title", "required"),
        ({"title": "   ", "date": "2025-05-20"}, "title", "required"),
        ({"title": "x", "date": "2025-02-30"}, "date", "not a calendar date"),
        ({"title": "x" * 301, "date": "2025-05-20"}, "title", "at most 300"),
        ({"title": "a\x07b", "date": "2025-05-20"}, "title", "control characters"),
        ({"title": "x", "date": "2025-05-20", "status": "maybe"}, "status", "planned"),
        ({"title": "x", "date": "2025-05-20", "timezone": "Mars/Base"}, "timezone", "time zone"),
        ({"title": "x", "date": "2025-05-20", "precision": "month", "time": "10:00"},
         "time", "exact day"),
        ({"title": "x", "date": "2025-05-20", "notes": "n" * 200_001}, "notes", "at most"),
        # A number would otherwise be read as a Unix timestamp (0 is 1970-01-01).
        ({"title": "x", "date": 0}, "date", "YYYY-MM-DD"),
        ({"title": "x", "date": 1747699200}, "date", "YYYY-MM-DD"),
    ],
)
def test_meeting_rules_name_the_field(data, field, fragment):
    with pytest.raises(ValidationFailed) as caught:
        Meeting.parse(data)
    assert fragment in fields_of(caught.value)[field]
    assert field in str(caught.value)


def test_month_precision_keeps_the_first_day_and_says_so():
    m = Meeting(title="x", date="2025-06-17", precision="month")
    assert m.date == dt.date(2025, 6, 1)
    assert m.when_text == "June 2025 (month only)"


def test_overdue_means_still_planned_after_the_date():
    planned = Meeting(title="x", date="2025-05-20", status="planned")
    held = Meeting(title="x", date="2025-05-20", status="held")
    assert planned.is_overdue(dt.date(2025, 5, 21))
    assert not planned.is_overdue(dt.date(2025, 5, 20))
    assert not held.is_overdue(dt.date(2026, 1, 1))
    month = Meeting(title="x", date="2025-05-01", precision="month")
    assert not month.is_overdue(dt.date(2025, 5, 31))
    assert month.is_overdue(dt.date(2025, 6, 1))


def test_text_is_normalised_and_scripts_survive():
    decomposed = "Yi\u0307lmaz"  # combining dot above
    m = Meeting(title=f"  {decomposed} 🇹🇷 اجتماع  ", date="2025-05-20", notes="a\r\nb")
    assert m.title == "Yi\u0307lmaz 🇹🇷 اجتماع"
    assert m.notes == "a\nb"


def test_turkey_and_turkiye_are_one_country():
    assert Delegation(name="Turkey").key == Delegation(name="Türkiye").key == "country:TR"
    eu = Delegation(name="European Union")
    assert eu.country_code is None and eu.key == "org:european union"


def test_source_needs_an_outlet_or_url_and_a_real_url():
    with pytest.raises(ValidationFailed) as caught:
        Source.parse({"meeting_id": "m1"})
    assert "outlet" in fields_of(caught.value)
    with pytest.raises(ValidationFailed) as caught:
        Source.parse({"meeting_id": "m1", "url": "javascript:alert(1)"})
    assert "http" in fields_of(caught.value)["url"]


def test_a_sources_publication_date_is_text_not_a_number():
    with pytest.raises(ValidationFailed) as caught:
        Source.parse({"meeting_id": "m1", "outlet": "Wire", "published": 0})
    assert "YYYY-MM-DD" in fields_of(caught.value)["published"]
    assert Source.parse({"meeting_id": "m1", "outlet": "Wire",
                         "published": "2025-05-21"}).published == dt.date(2025, 5, 21)


@pytest.mark.parametrize("position", [True, "2", 1.5, 2**63])
def test_an_items_position_is_a_whole_number(position):
    with pytest.raises(ValidationFailed) as caught:
        AgendaItem.parse({"meeting_id": "m1", "topic_id": "t1", "position": position})
    assert "position" in fields_of(caught.value)


def test_topic_tags_split_and_deduplicate():
    assert Topic(name="t", tags="Syria, sanctions,Syria").tags == ["Syria", "sanctions"]


def test_item_status_cycles_through_every_status():
    seen = [ItemStatus.PROPOSED]
    while (nxt := seen[-1].next()) != ItemStatus.PROPOSED:
        seen.append(nxt)
    assert seen == list(ItemStatus)


def test_new_ids_are_time_ordered_uuids():
    """Version-7 UUIDs (RFC 9562): later ids sort later, so new rows append to the index."""
    import time
    import uuid

    from db.stamps import new_id

    before = time.time_ns() // 1_000_000
    ids = [new_id() for _ in range(2000)]
    after = time.time_ns() // 1_000_000
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for text in ids[:: 100]:
        value = uuid.UUID(text)
        assert (str(value), value.version, value.variant) == (text, 7, uuid.RFC_4122)
        assert before <= value.int >> 80 <= after + 1  # +1: a full millisecond may carry over
