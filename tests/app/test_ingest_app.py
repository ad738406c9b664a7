"""A news article pasted into the app becomes a reviewed meeting; nothing is saved before the
user confirms, and people and topics already stored are reused."""

from __future__ import annotations

from textual import events
from textual.widgets import SelectionList, TextArea

from db.sample import SEED_MEETING_ID
from tests.app.conftest import SIZE, settle, type_text
from tui.forms.base import FormScreen
from tui.forms.ingest import ReviewForm

ARTICLE = """Ankara and Washington to meet on Syria
Türkiye and the United States will hold a meeting of their joint working group on Syria in
Washington on May 20, Turkish diplomatic sources said. The talks will be co-chaired by Turkish
Deputy Foreign Minister Nuh Yilmaz and US Deputy Secretary of State Christopher Landau.
The agenda will include the fight against ISIS and the timeline for sanctions relief.
By Test Reporter
"""


async def test_paste_review_and_save(store, make_app):
    app = make_app(store)
    before = store.counts()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        area = app.screen.query_one(TextArea)
        area.post_message(events.Paste(ARTICLE))  # what a terminal sends for a paste
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "2025-05-18")
        await pilot.press("ctrl+s")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewForm)
        assert store.counts() == before  # nothing saved while reviewing
        proposed = [f.label for f in review.field_widgets if f.has_class("-proposed")]
        assert "Date" in proposed and "City" in proposed
        people = review.query_one("#participants", SelectionList)
        assert people.option_count == 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    after = store.counts()
    assert after["meetings"] == before["meetings"] + 1
    assert after["people"] == before["people"]  # Yilmaz and Landau were already stored
    [meeting] = [m for m in store.meetings_page(limit=100)
                 if m.date.isoformat() == "2025-05-20" and m.id != SEED_MEETING_ID]
    detail = store.meeting_detail(meeting.id)
    assert (meeting.date.isoformat(), meeting.city) == ("2025-05-20", "Washington")
    assert {p.person.name for p in detail.participants} == {"Nuh Yilmaz", "Christopher Landau"}
    assert len(detail.items) == 2


async def test_text_without_a_meeting_is_refused_beside_the_field(store, make_app):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        app.screen.query_one(TextArea).post_message(events.Paste("The weather was fine."))
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and not isinstance(app.screen, ReviewForm)
        assert "no meeting found" in str(app.screen.query_one(".field-error").render())
