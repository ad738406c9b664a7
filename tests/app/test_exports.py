"""Exporting from the app: a key on a meeting, a topic, or the timeline's filter asks for a
path (with a default), writes the file, and says where it went."""

from __future__ import annotations

import datetime as dt

from db.export import meeting_brief, range_agenda, topic_dossier
from db.sample import SEED_MEETING_ID
from db.views import MeetingFilter
from tests.app.conftest import SIZE, settle, type_text
from tui.forms.base import FormScreen


async def export_to(pilot, path) -> None:
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, str(path))
    await pilot.press("enter")
    await settle(pilot)


async def test_meeting_brief_dossier_and_filtered_agenda(store, make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.jump_to(SEED_MEETING_ID)
        await settle(pilot)

        await pilot.press("x")
        await settle(pilot)
        written = tmp_path / "brief-2025-05-20-turkiye-us-joint-working-group-on-syria.md"
        assert app.screen.query_one("#path").value == str(written)
        await pilot.press("enter")
        await settle(pilot)
        assert written.read_text() == meeting_brief(store, SEED_MEETING_ID)
        assert any(str(written) in n.message for n in app._notifications)

        await pilot.press("3", "end", "x")
        await export_to(pilot, tmp_path / "sanctions.md")
        topic = app.screen.topics.current.topic
        assert (tmp_path / "sanctions.md").read_text() == topic_dossier(store, topic.id)

        window = MeetingFilter(date_from=dt.date(2025, 5, 1), date_to=dt.date(2025, 9, 30))
        app.screen.set_filters(window)
        await settle(pilot)
        await pilot.press("1", "X")
        await export_to(pilot, tmp_path / "summer.md")
        text = (tmp_path / "summer.md").read_text()
        assert text == range_agenda(store, window)
        assert "Landau" in text and "Conference on north-east Syria" in text


async def test_a_missing_folder_is_refused_beside_the_field(store, make_app, tmp_path):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await export_to(pilot, tmp_path / "nowhere" / "brief.md")
        assert isinstance(app.screen, FormScreen)
        error = app.screen.query_one(".field-error").render()
        assert "does not exist" in str(error)
