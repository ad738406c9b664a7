"""iCalendar export: parsed back with the icalendar library, one event per meeting."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from db.export.ics import export_ics, ics_export
from db.models import Meeting
from db.sample import SEED_MEETING_ID, sample_id


def events(text: str) -> dict[str, object]:
    return {str(e["uid"]).removesuffix("@agenda-tui"): e for e in
            Calendar.from_ical(text).walk("VEVENT")}


def test_one_event_per_meeting_with_stable_uids(store):
    found = events(export_ics(store))
    assert len(found) == store.count_meetings()
    seed = found[SEED_MEETING_ID]
    assert str(seed["summary"]) == "Türkiye–US Joint Working Group on Syria"
    assert str(seed["location"]) == "Washington, United States"
    assert "Nuh Yilmaz (co-chair)" in str(seed["description"])


def test_day_precision_is_all_day(store):
    text = export_ics(store)
    seed = events(text)[SEED_MEETING_ID]
    assert seed["dtstart"].dt == dt.date(2025, 5, 20)
    assert seed["dtend"].dt == dt.date(2025, 5, 21)
    assert "DTSTART;VALUE=DATE:20250520" in text


def test_timed_meeting_has_its_zone(store):
    text = export_ics(store)
    contact = events(text)[sample_id("meeting", "contact")]
    start = contact["dtstart"].dt
    assert (start.hour, str(start.tzinfo)) == (14, "Europe/Brussels")
    assert "DTSTART;TZID=Europe/Brussels:20261203T140000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels" in text


def test_month_precision_spans_the_month_and_is_marked(store):
    third = events(export_ics(store))[sample_id("meeting", "third")]
    assert (third["dtstart"].dt, third["dtend"].dt) == (dt.date(2027, 1, 1), dt.date(2027, 2, 1))
    assert "month only" in str(third["summary"]) and str(third["transp"]) == "TRANSPARENT"


def test_year_precision_is_left_out_and_reported(store):
    store.add_meeting(Meeting(title="Some year", date=dt.date(2030, 1, 1), precision="year"))
    result = ics_export(store)
    text = "".join(result.chunks)
    assert "Some year" not in text and result.skipped == ["Some year"]


def test_deterministic_with_stamps_from_the_store(store):
    first, second = export_ics(store), export_ics(store)
    assert first == second
    seed = events(first)[SEED_MEETING_ID]
    assert seed["dtstamp"].dt == dt.datetime(2025, 5, 18, 9, tzinfo=dt.UTC)
    assert first.startswith("BEGIN:VCALENDAR\r\n") and first.endswith("END:VCALENDAR\r\n")


def test_folding_keeps_lines_short_and_characters_whole(store):
    from db.export.ics import fold

    line = "DESCRIPTION:" + "Türkiye 🤝 United States, " * 20
    folded = fold(line)
    physical = folded.split("\r\n")[:-1]
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert "".join(part.removeprefix(" ") if i else part
                   for i, part in enumerate(physical)) == line
    long_notes = "Ankara–Washington: " + "çok uzun bir not 🕊️ " * 40
    store.update_meeting(store.meeting(SEED_MEETING_ID).edit(notes=long_notes))
    seed = events(export_ics(store))[SEED_MEETING_ID]
    assert long_notes.strip() in str(seed["description"])


def test_events_are_written_as_icalendar_writes_them(empty_store):
    """The fast writer (event_lines) gives icalendar's own lines for every kind of date, zone
    and text: markup, iCalendar's special characters, breaks, non-Latin scripts."""
    from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
    from db.export.gather import iter_bundles
    from db.export.ics import event, event_lines

    hostile = 'A; b, c\\d "q" \\N e\nf\r\ng — Türkiye العربية 中文 🇹🇷'
    kinds = [
        {"precision": "day"}, {"precision": "month"}, {"precision": "approximate"},
        {"precision": "day", "time": "09:30"},
        *({"precision": "day", "time": "23:05", "timezone": zone}
          for zone in ("Europe/Istanbul", "America/New_York", "UTC", "Etc/UTC", "Asia/Kolkata")),
    ]
    for number, kind in enumerate(kinds):
        meeting = Meeting(title=f"{hostile.splitlines()[0]} {number}", date="2025-05-20",
                          city="Ankara; old town", country="Türkiye", venue="Hall, 2",
                          series="Series; one" if number % 2 else None, notes=hostile,
                          status=["planned", "held", "cancelled", "postponed"][number % 4],
                          **kind)
        empty_store.save_draft(MeetingDraft(
            meeting=meeting,
            participants=[ParticipantDraft(name="Ayşe, Jr.", delegation="Türkiye")],
            items=[ItemDraft(topic="Topic; a, b", text="Item \\ text", outcome="o; p\nq")],
            sources=[SourceDraft(outlet="Outlet, x", url="https://example.org/a,b;c")],
        ))
    bundles = list(iter_bundles(empty_store))
    assert len(bundles) == len(kinds)
    for bundle in bundles:
        assert event_lines(bundle) == [line for line in event(bundle).content_lines() if line]
