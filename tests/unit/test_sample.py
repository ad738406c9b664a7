"""The demo data holds the seed meeting as the article reports it."""

from __future__ import annotations

import datetime as dt

from db.sample import SEED_MEETING_ID, load_sample, sample_records


def test_seed_meeting_is_recorded_faithfully(store):
    detail = store.meeting_detail(SEED_MEETING_ID)
    m = detail.meeting
    assert (m.date, m.precision, m.city, m.country_code) == (
        dt.date(2025, 5, 20), "day", "Washington", "US")
    assert (m.format, m.status) == ("working group", "planned")
    assert m.series == "Türkiye–US Joint Working Group on Syria"
    chairs = {(p.person.name, p.person.office, p.delegation.name, p.participant.role)
              for p in detail.participants}
    assert chairs == {
        ("Nuh Yilmaz", "Deputy Foreign Minister", "Türkiye", "co-chair"),
        ("Christopher Landau", "Deputy Secretary of State", "United States", "co-chair"),
    }
    assert len(detail.items) == 7
    texts = " | ".join(i.label.lower() for i in detail.items)
    for phrase in ["territorial integrity", "isis (daesh)", "regional security initiatives",
                   "stabilisation", "displacement camps", "military deployments",
                   "sanctions relief"]:
        assert phrase in texts
    [source] = detail.sources
    assert (source.outlet, source.author) == ("Caliber.Az", "Vafa Guliyeva")


def test_seed_meeting_needs_an_update_today(store):
    assert store.meeting(SEED_MEETING_ID).is_overdue(dt.date(2026, 11, 25))


def test_invented_meetings_say_so():
    for meeting in sample_records().meetings:
        if meeting.id != SEED_MEETING_ID:
            assert "Sample meeting" in meeting.notes


def test_sample_is_deterministic_and_loads_once(store):
    assert sample_records() == sample_records()
    assert set(load_sample(store).values()) == {0}
