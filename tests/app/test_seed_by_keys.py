"""A desk officer enters the seed meeting into an empty store with the keyboard only."""

from __future__ import annotations

import datetime as dt

from tests.app.conftest import SIZE, settle, type_text

# Pilot types one key at a time (tens of milliseconds each), so the topics are short names;
# one item also gets its wording at this meeting.
SEED_TOPICS = [
    ("Syria security and integrity", ""),
    ("Fight against ISIS (Daesh)", ""),
    ("Türkiye's security initiatives", ""),
    ("Syrian stabilisation", ""),
    ("Displacement camps", ""),
    ("US deployments in Syria", ""),
    ("Sanctions relief", "Timeline of sanctions relief"),
]
# Pilot cannot type an en dash, so the key-typed title uses a hyphen.
TITLE = "Türkiye-US Joint Working Group on Syria"


async def pick(pilot, text: str) -> None:
    """Choose in a Select by typing the start of the option (the menu searches as you type)."""
    await pilot.press("enter")
    await type_text(pilot, text)
    await pilot.press("enter")


async def save(pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_enter_the_seed_meeting_by_keystrokes(empty_store, make_app):
    app = make_app(empty_store, today=dt.date(2025, 5, 20))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, TITLE)
        await pilot.press("tab")
        await type_text(pilot, "May 20")
        await pilot.press("tab", "tab", "tab")  # time, time zone
        await type_text(pilot, "Washington")
        await pilot.press("tab")
        await type_text(pilot, "United States")
        await pilot.press("tab", "tab")  # venue
        await pick(pilot, "work")
        await pilot.press("tab")  # status stays "planned"
        await pilot.press("tab")
        await type_text(pilot, TITLE)
        await save(pilot)

        await pilot.press("2")
        for name, office, country in [
            ("Nuh Yilmaz", "Deputy Foreign Minister", "Türkiye"),
            ("Christopher Landau", "Deputy Secretary of State", "United States"),
        ]:
            await pilot.press("a")
            await type_text(pilot, name)
            await pilot.press("tab")
            await type_text(pilot, office)
            await pilot.press("tab")
            await type_text(pilot, country)
            await pilot.press("tab")
            await pick(pilot, "co")
            await save(pilot)

        await pilot.press("3")
        for topic, wording in SEED_TOPICS:
            await pilot.press("a")
            await type_text(pilot, topic)
            if wording:
                await pilot.press("tab")
                await type_text(pilot, wording)
            await save(pilot)

        await pilot.press("4", "a")
        await type_text(pilot, "Caliber.Az")
        await pilot.press("tab")
        await type_text(pilot, "Vafa Guliyeva")
        await save(pilot)

    [row] = empty_store.meetings_page()
    detail = empty_store.meeting_detail(row.id)
    m = detail.meeting
    assert m.title == TITLE
    assert (m.date, m.precision) == (dt.date(2025, 5, 20), "day")
    assert (m.city, m.country, m.country_code) == ("Washington", "United States", "US")
    assert (m.format, m.status) == ("working group", "planned")
    assert m.series == TITLE
    assert {(p.person.name, p.person.office, p.delegation.country_code, p.participant.role)
            for p in detail.participants} == {
        ("Nuh Yilmaz", "Deputy Foreign Minister", "TR", "co-chair"),
        ("Christopher Landau", "Deputy Secretary of State", "US", "co-chair"),
    }
    assert [i.topic.name for i in detail.items] == [t for t, _ in SEED_TOPICS]
    assert [i.item.text for i in detail.items] == [w or None for _, w in SEED_TOPICS]
    assert [(s.outlet, s.author) for s in detail.sources] == [("Caliber.Az", "Vafa Guliyeva")]
    counts = empty_store.counts()
    assert (counts["meetings"], counts["people"], counts["delegations"], counts["topics"]) == (
        1, 2, 2, 7)
