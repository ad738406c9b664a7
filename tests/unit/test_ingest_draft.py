"""The whole extraction: the seed-like fixture exactly, the fixture set against the targets,
matching against the store, saving, and refusing text without a meeting."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from benchmarks.ingest import run
from db.errors import IngestError
from db.ingest import draft_from_text
from db.ingest.markdown import to_markdown
from db.ingest.words import phrase_similarity

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
SEED = ARTICLES / "09.txt"


def seed(store=None):
    return draft_from_text(SEED.read_bytes(), dt.date(2025, 5, 18), store)


def test_seed_like_article_comes_out_exactly():
    record = seed().to_record()
    expected = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
    for key in ("date", "date_text", "location", "format", "status", "participants"):
        got = record[key]
        if key == "participants":
            got = [{k: p[k] for k in ("name", "role", "country_or_org")} for p in got]
        assert got == expected[key], key
    assert record["source"]["outlet"] == "Caliber.Az"
    assert record["source"]["author"] == "Vafa Guliyeva"
    assert len(record["topics"]) == 7
    for want, got in zip(expected["topics"], record["topics"], strict=True):
        assert phrase_similarity(want, got) >= 0.5, (want, got)


def test_year_comes_from_the_publication_date_and_is_noted():
    result = draft_from_text(SEED.read_bytes(), dt.date(2024, 5, 1))
    assert result.meeting.date == dt.date(2024, 5, 20)
    assert any("2024 assumed from the article's date" in note for note in result.notes)
    assert "date" in result.proposed and "participants" in result.proposed


HELDOUT = ARTICLES.parent / "articles_heldout"


@pytest.mark.parametrize("folder", [ARTICLES, HELDOUT, HELDOUT / "after_rules", HELDOUT / "third",
                                    HELDOUT / "dev4", HELDOUT / "dev5", HELDOUT / "fourth"],
                         ids=["articles", "heldout", "heldout-after-rules", "heldout-third",
                              "dev4", "dev5", "fourth"])
def test_fixture_sets_meet_the_targets(folder):
    # The held-out sets were scored blind once (see the README); now they guard against
    # regressions like the others.
    totals = run([str(folder)], out=io.StringIO())
    date_place = totals["date+place"]
    assert date_place.f1 >= 0.8
    assert totals["participants"].f1 >= 0.8
    assert totals["topics"].f1 >= 0.6


def test_the_fifth_set_keeps_its_blind_scores():
    # No rule has been changed for it yet (README): its first-contact scores are a floor, so
    # a change that generalises worse shows here before the next blind set.
    totals = run([str(HELDOUT / "fifth")], out=io.StringIO())
    assert totals["date+place"].f1 >= 0.8
    assert totals["participants"].f1 >= 0.7
    assert totals["topics"].f1 >= 0.65


def test_store_matching_reuses_people_topics_and_series(store):
    result = seed(store)
    assert result.meeting.series == "Türkiye–US Joint Working Group on Syria"
    assert result.new_people == 0 and result.new_topics == 0
    topics = {item.topic for item in result.draft.items}
    assert "Sanctions relief for Syria" in topics
    before = store.counts()
    store.save_draft(result.draft)
    after = store.counts()
    assert after["meetings"] == before["meetings"] + 1
    assert after["people"] == before["people"] and after["topics"] == before["topics"]


def test_saving_into_an_empty_store_creates_everything_once(empty_store):
    result = seed(empty_store)
    empty_store.save_draft(result.draft)
    counts = empty_store.counts()
    assert (counts["meetings"], counts["people"], counts["topics"]) == (1, 2, 7)
    again = seed(empty_store)
    assert again.new_people == 0 and again.new_topics == 0


def test_month_only_date_is_shown_as_such():
    result = draft_from_text(
        "EU and China to hold summit\n\nThe European Union and China will hold a summit in "
        "Beijing in July, officials said. Chinese Premier Li Wen will host the talks.",
        dt.date(2025, 6, 20))
    record = result.to_record()
    assert record["date"] is None and record["date_text"] == "July 2025 (month only)"
    assert record["format"] == "summit" and record["location"]["city"] == "Beijing"


def test_markdown_names_every_part():
    text = to_markdown(seed())
    for part in ("# Türkiye–US joint working group on Syria", "20 May 2025", "Washington",
                 "| Nuh Yilmaz | Deputy Foreign Minister | Türkiye | co-chair |", "Caliber.Az"):
        assert part in text


@pytest.mark.parametrize("text", [
    "The weather in the valley stayed sunny all week and the farmers were pleased with it.",
    "Prices of wheat rose by three percent in the second quarter, the statistics office said.",
])
def test_text_without_a_meeting_is_refused(text):
    with pytest.raises(IngestError, match="no meeting"):
        draft_from_text(text, dt.date(2025, 1, 1))
