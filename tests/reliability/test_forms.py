"""Bad input through the app's real forms (Pilot): text arrives as a terminal sends it (one key
event per character, or a bracketed paste for long text and control characters), the form is
saved with ctrl+s, and each value is either saved and shown correctly (read back from the store
and from the screen) or refused with its message beside the field it concerns, the form still
open and the store exactly as before (nothing half-saved)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from textual.widgets import Input, TextArea

from db.sample import SEED_MEETING_ID, load_sample
from db.store import Store
from tests.app.conftest import TODAY
from tests.reliability.app_tools import (
    burst,
    field_errors,
    paste,
    record_notifications,
    region_text,
    screen_text,
    settle,
    type_keys,
)
from tests.reliability.helpers import contents
from tui.app import AgendaApp
from tui.forms.base import FormScreen
from tui.screens.main import MainScreen

SIZE = (120, 40)
OPEN = {"meeting": ("1", "n"), "participant": ("2", "a"), "item": ("3", "a"),
        "source": ("4", "a")}


@dataclass(frozen=True)
class Entry:
    field: str
    text: str
    pasted: bool = False


def typed(field: str, text: str) -> Entry:
    return Entry(field, text)


def pasted(field: str, text: str) -> Entry:
    return Entry(field, text, pasted=True)


@pytest.fixture
def sample_path(tmp_path):
    path = tmp_path / "agenda.db"
    with Store.open(path) as store:
        load_sample(store)
    return path


class Session:
    """One app on the sample store, the seed meeting selected."""

    def __init__(self, pilot, store) -> None:
        self.pilot, self.app, self.store = pilot, pilot.app, store
        self.shown = record_notifications(self.app)

    @property
    def main(self) -> MainScreen:
        return self.app.screen_stack[0]  # the app's default screen

    async def open_form(self, form: str) -> FormScreen:
        await self.pilot.press(*OPEN[form])
        await settle(self.pilot, 2)
        assert isinstance(self.app.screen, FormScreen), f"{OPEN[form]} opened {self.app.screen}"
        return self.app.screen

    async def clear(self, form: FormScreen) -> None:
        """Empty every text entry of a form that stayed open, for the next case (cheaper than
        closing and opening it again)."""
        for field in form.field_widgets:
            if isinstance(field.widget, Input):
                field.widget.value = ""
            elif isinstance(field.widget, TextArea):
                field.widget.clear()
        await settle(self.pilot, 1)

    async def fill(self, entries: list[Entry]) -> None:
        for entry in entries:
            self.app.screen.query_one(f"#{entry.field}").focus()
            await self.pilot.pause()
            if entry.pasted:
                await paste(self.pilot, entry.text)
            else:
                await type_keys(self.pilot, entry.text)
        await settle(self.pilot, 2)

    async def save(self) -> None:
        await self.pilot.press("ctrl+s")
        await settle(self.pilot)

    async def close_form(self) -> None:
        await self.pilot.press("escape")
        if not isinstance(self.app.screen, MainScreen):
            await self.pilot.press("y")  # discard what was typed
        await settle(self.pilot)
        assert isinstance(self.app.screen, MainScreen)


async def start(pilot, store) -> Session:
    await settle(pilot)
    pilot.app.screen.jump_to(SEED_MEETING_ID)
    await settle(pilot)
    return Session(pilot, store)


# -- refused, beside the field ---------------------------------------------------------------

REFUSED = {
    "meeting": [
        ("empty required fields", [], {"title": "is required", "date": "is required"}),
        ("30 February", [pasted("title", "Talks"), typed("date", "2025-02-30")],
         {"date": "'2025-02-30' is not a calendar date"}),
        ("month 13", [pasted("title", "Talks"), typed("date", "2025-13-01")],
         {"date": "'2025-13-01' is not a calendar date"}),
        ("title of 500 characters", [pasted("title", "T" * 500), pasted("date", "2025-05-20")],
         {"title": "must be at most 300 characters (this is 500)"}),
        ("bell in the title", [pasted("title", "Ta\x07lks"), pasted("date", "2025-05-20")],
         {"title": "must be one line without control characters"}),
        ("terminal escape in the notes",
         [pasted("title", "Talks"), pasted("date", "2025-05-20"),
          pasted("notes", "red \x1b[31m text\nsecond line")],
         {"notes": "must not contain control characters"}),
        ("unknown time zone",
         [pasted("title", "Talks"), pasted("date", "2025-05-20"), pasted("timezone", "Mars/Base")],
         {"timezone": "'Mars/Base' is not a time zone name"}),
    ],
    "participant": [
        ("empty name", [], {"name": "is required"}),
        ("name of 500 characters", [pasted("name", "N" * 500)],
         {"name": "must be at most 200 characters (this is 500)"}),
        ("NUL in the name", [pasted("name", "Nuh\x00Yilmaz")],
         {"name": "must be one line without control characters"}),
        # Refused by the store when the form saves, not by the form itself.
        ("a person already listed, in capitals", [typed("name", "NUH YILMAZ")],
         {"name": "Nuh Yilmaz is already listed"}),
    ],
    "item": [
        ("empty topic", [], {"topic": "is required"}),
        ("outcome of 100 KB", [pasted("topic", "Energy"), pasted("outcome", "o" * 100_000)],
         {"outcome": "must be at most 20,000 characters (this is 100,000)"}),
        ("terminal escape in the wording",
         [pasted("topic", "Energy"), pasted("text", "say \x1b[31mred")],
         {"text": "must be one line without control characters"}),
    ],
    "source": [
        ("neither outlet nor link", [pasted("author", "Someone")],
         {"outlet": "a source needs an outlet or a URL"}),
        ("30 February", [pasted("outlet", "Wire"), typed("published", "2025-02-30")],
         {"published": "'2025-02-30' is not a calendar date"}),
        ("a javascript: link", [typed("url", "javascript:alert(1)")],
         {"url": "must be a web address starting with http:// or https://"}),
    ],
}


@pytest.mark.parametrize("form", list(REFUSED))
async def test_bad_values_are_refused_beside_their_field(sample_path, form):
    problems = []
    with Store.open(sample_path) as store:
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            s = await start(pilot, store)
            screen = await s.open_form(form)
            for case, entries, expected in REFUSED[form]:
                before = contents(sample_path)
                await s.clear(screen)
                await s.fill(entries)
                await s.save()
                shown = field_errors(screen)
                text = screen_text(app)
                if app.screen is not screen:
                    problems.append(f"{case}: the form closed")
                    break
                if sorted(shown) != sorted(expected):
                    problems.append(f"{case}: errors shown beside {shown}, expected {expected}")
                for field, message in expected.items():
                    if message not in shown.get(field, ""):
                        problems.append(f"{case}: {field} says {shown.get(field)!r}")
                    if shown.get(field, "")[:14] not in text:
                        problems.append(f"{case}: {field}'s message is not on the screen")
                if contents(sample_path) != before:
                    problems.append(f"{case}: the store changed")
            errors = [n for n in s.shown if n["severity"] == "error"]
    assert not problems, "\n\n".join(problems)
    assert errors == []


# -- accepted, read back from the store and from the screen ----------------------------------

ARABIC_TITLE = "اجتماع فريق العمل المشترك بشأن سوريا"
ARABIC_CITY = "أنقرة"
EMOJI_TITLE = "Talks 🇹🇷🤝🇺🇸 👍🏽 ✅"
ZWJ_NOTES = "The team 👩🏽‍💼 and a family 👨‍👩‍👧 were there."
# 100 KB of notes in paragraphs of several lines, several scripts (no outer blank space:
# the models trim it).
BIG_NOTES = "\n\n".join(
    f"Paragraph {n}: Ankara and Washington discussed the corridor; "
    f"ناقش الطرفان الممر الإنساني. 🇹🇷🤝🇺🇸\nSecond line of paragraph {n} — çeşme, délégation."
    for n in range(1, 2000)
)[:100_000].rstrip()

MEETINGS = [
    ("right-to-left Arabic",
     [pasted("title", ARABIC_TITLE), pasted("date", "2025-06-10"), typed("city", ARABIC_CITY),
      typed("country", "Turkey")],
     {"title": ARABIC_TITLE, "city": ARABIC_CITY, "country_code": "TR"}),
    ("combining characters",
     [typed("title", "Mu\u0308nchen, Ays\u0327e"), pasted("date", "2025-06-11")],
     {"title": "München, Ayşe"}),
    ("emoji",
     [typed("title", EMOJI_TITLE), pasted("date", "2025-06-12"), pasted("notes", ZWJ_NOTES)],
     {"title": EMOJI_TITLE, "notes": ZWJ_NOTES}),
    ("100 KB of notes",
     [pasted("title", "Long notes"), pasted("date", "2025-06-13"), pasted("notes", BIG_NOTES)],
     {"notes": BIG_NOTES}),
]


async def test_meeting_form_saves_and_shows_any_script(sample_path):
    assert len(BIG_NOTES) == 100_000
    problems = []
    with Store.open(sample_path) as store:
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            s = await start(pilot, store)
            for case, entries, expected in MEETINGS:
                before = store.count_meetings()
                await s.open_form("meeting")
                await s.fill(entries)
                await s.save()
                if not isinstance(app.screen, MainScreen):
                    problems.append(f"{case}: not saved: {field_errors(app.screen)}")
                    await s.close_form()
                    continue
                meeting = store.meeting(s.main.timeline.current.id)
                stored = {field: getattr(meeting, field) for field in expected}
                if stored != expected or store.count_meetings() != before + 1:
                    problems.append(f"{case}: stored {stored!r}")
                detail = region_text(app, s.main.detail_pane)
                timeline = region_text(app, s.main.timeline)
                # The timeline cuts long titles to its column ("…").
                if meeting.title not in detail or meeting.title[:25] not in timeline:
                    problems.append(f"{case}: the title is not shown:\n{timeline}\n{detail}")
                if meeting.city and meeting.city not in detail:
                    problems.append(f"{case}: the city is not shown:\n{detail}")
                first_words = (meeting.notes or "No notes.").split("\n")[0][:40]
                if first_words not in detail:
                    problems.append(f"{case}: the notes are not shown:\n{detail}")
            errors = [n for n in s.shown if n["severity"] == "error"]
    assert not problems, "\n\n".join(problems)
    assert errors == []


PARTICIPANTS = [
    ("Arabic name and office, delegation typed as Turkey",
     [typed("name", "هاكان فيدان"), pasted("office", "وزير الخارجية"),
      typed("delegation", "Turkey")],
     {"name": "هاكان فيدان", "office": "وزير الخارجية"}),
    ("decomposed name, delegation TURKIYE",
     [typed("name", "Ays\u0327e Demir"), typed("delegation", "TURKIYE")],
     {"name": "Ayşe Demir"}),
    ("emoji in the office, delegation Republic of Turkey",
     [pasted("name", "Elif Kaya"), typed("office", "Envoy 🕊️"),
      pasted("delegation", "Republic of Turkey")],
     {"name": "Elif Kaya", "office": "Envoy 🕊️"}),
]


async def test_participant_form_matches_turkiye_and_keeps_names(sample_path):
    problems = []
    with Store.open(sample_path) as store:
        turkiye = store.meeting_detail(SEED_MEETING_ID).participants[0].delegation
        assert turkiye.name == "Türkiye"
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            s = await start(pilot, store)
            for case, entries, expected in PARTICIPANTS:
                await s.open_form("participant")
                await s.fill(entries)
                await s.save()
                if not isinstance(app.screen, MainScreen):
                    problems.append(f"{case}: not saved: {field_errors(app.screen)}")
                    await s.close_form()
                    continue
                view = store.participant(s.main.participants.current.participant.id)
                stored = {field: getattr(view.person, field) for field in expected}
                if stored != expected or view.delegation.id != turkiye.id:
                    problems.append(f"{case}: stored {stored!r} in {view.delegation.name}")
                lines = region_text(app, s.main.participants).splitlines()
                at = {name: next((i for i, line in enumerate(lines) if name in line), None)
                      for name in ("Türkiye (TR)", "United States (US)", view.person.name)}
                if None in at.values() or not (
                        at["Türkiye (TR)"] < at[view.person.name] < at["United States (US)"]):
                    problems.append(f"{case}: not shown under Türkiye:\n" + "\n".join(lines))
            counts = store.counts()
            errors = [n for n in s.shown if n["severity"] == "error"]
    assert not problems, "\n\n".join(problems)
    assert errors == []
    assert counts["delegations"] == 3  # Türkiye, United States, the EU: no new one
    assert counts["people"] == 4 + 3


ITEMS = [
    ("Arabic topic, wording with a flag",
     [typed("topic", "إعادة الإعمار"), pasted("text", "نقاش 🇸🇾 reconstruction")],
     {"topic": "إعادة الإعمار", "text": "نقاش 🇸🇾 reconstruction"}),
    ("a stored topic typed in capitals without accents",
     [pasted("topic", "SANCTIONS RELIEF FOR SYRIA")],
     {"topic": "Sanctions relief for Syria", "text": None}),
    ("outcome of exactly 20,000 characters",
     [pasted("topic", "Energy"), pasted("outcome", "Agreed. " * 2500)],
     {"topic": "Energy", "outcome": ("Agreed. " * 2500).strip()}),
]


async def test_item_form_saves_any_script_and_matches_stored_topics(sample_path):
    problems = []
    with Store.open(sample_path) as store:
        topics_before = store.counts()["topics"]
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            s = await start(pilot, store)
            for case, entries, expected in ITEMS:
                await s.open_form("item")
                await s.fill(entries)
                await s.save()
                if not isinstance(app.screen, MainScreen):
                    problems.append(f"{case}: not saved: {field_errors(app.screen)}")
                    await s.close_form()
                    continue
                view = store.item(s.main.topics.current.item.id)
                stored = {"topic": view.topic.name, "text": view.item.text,
                          "outcome": view.item.outcome}
                if {field: stored[field] for field in expected} != expected:
                    problems.append(f"{case}: stored {stored!r}")
                shown = region_text(app, s.main.topics)
                if view.label[:20] not in shown:
                    problems.append(f"{case}: {view.label!r} is not shown:\n{shown}")
            topics_after = store.counts()["topics"]
            errors = [n for n in s.shown if n["severity"] == "error"]
    assert not problems, "\n\n".join(problems)
    assert errors == []
    assert topics_after == topics_before + 2  # the Arabic one and Energy; sanctions reused


async def test_a_save_pressed_twice_in_a_burst_saves_once(sample_path):
    """ctrl+s tapped twice (or enter on the last line, then ctrl+s) before the first save is
    written: one record, and the main screen stays (the second save used to store a second
    copy and its dismiss closed the main screen, which ended the app with a traceback)."""
    with Store.open(sample_path) as store:
        before = store.counts()
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            s = await start(pilot, store)
            await s.open_form("meeting")
            await s.fill([pasted("title", "Saved once"), pasted("date", "2025-06-01")])
            burst(app, "ctrl+s", "ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            s.main.jump_to(SEED_MEETING_ID)
            await settle(pilot)
            await s.open_form("participant")
            await s.fill([pasted("name", "Hakan Fidan")])
            app.screen.query_one("#delegation").focus()  # the last line: enter saves
            burst(app, "enter", "ctrl+s", "ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            after = store.counts()
            errors = [n for n in s.shown if n["severity"] == "error"]
    assert (after["meetings"], after["participants"]) == (
        before["meetings"] + 1, before["participants"] + 1)
    assert errors == []


async def test_wide_characters_keep_a_timeline_row_on_one_line(sample_path):
    from db.models import Meeting

    titles = ["日本とトルコの外相による戦略対話の第三回会合について", "Talks 🇹🇷🤝🇺🇸 👍🏽 ✅ 🕊️"]
    with Store.open(sample_path) as store:
        for n, title in enumerate(titles):
            store.add_meeting(Meeting(title=title, date=f"2025-06-1{n}", status="held"))
        app = AgendaApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            lines = region_text(app, app.screen.timeline).splitlines()
    rows = [line for line in lines if "Jun 2025" in line]
    assert len(rows) == 2
    assert all(line.rstrip(" │").endswith("held") for line in rows), "\n".join(lines)
