"""The topic dossier on a generated store (benchmarks.generate: non-Latin text, multi-line
outcomes, status histories) against the straightforward rendering it had before each
meeting's date, title and place were escaped once per dossier: the same bytes, topic by
topic."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.generate import generate
from db.export import escape, topic_dossier
from db.export.gather import sources_of
from db.export.markdown import long_date, name, source_item
from db.store import Store


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("generated") / "store.db"
    generate(path, 150, 1500, seed=7, people=60, topics=25)
    with Store.open(path, readonly=True) as store:
        yield store


def test_every_topic_dossier_is_as_before(generated):
    topics = [row[0] for row in generated.conn.execute("SELECT id FROM topics ORDER BY id")]
    assert len(topics) == 25
    appearances = 0
    for topic_id in topics:
        expected = _dossier_as_before(generated, topic_id)
        assert topic_dossier(generated, topic_id) == expected
        appearances += expected.count("\n### ")
    assert appearances >= 1000  # the dossiers did have meetings in them


def _dossier_as_before(store, topic_id: str) -> str:
    """db/export/dossier.py's body before the speed-up, kept as the reference."""
    history = store.topic_history(topic_id)
    topic, appearances = history.topic, history.appearances
    out = [f"# {escape.inline(topic.name)}\n\n"]
    if appearances:
        first, last = appearances[0], appearances[-1]
        span = (
            f"from {first.meeting.when_text} to {last.meeting.when_text}"
            if len(appearances) > 1 else f"on {first.meeting.when_text}"
        )
        count = len(appearances)
        out.append(escape.inline(
            f"Topic dossier: on the agenda of {count} meeting{'s' if count != 1 else ''}, "
            f"{span}; latest status {last.item.status}."
        ) + "\n")
    else:
        out.append("Topic dossier: not on the agenda of any meeting yet.\n")
    if topic.tags:
        out.append(f"\n**Tags:** {', '.join(name(tag) for tag in topic.tags)}\n")
    for paragraph in escape.paragraphs(topic.description):
        out.append(f"\n{paragraph}\n")
    if not appearances:
        return "".join(out)
    out.append("\n## On the agenda\n\n| Date | Meeting | Place | Agenda item | Status |\n")
    out.append("| --- | --- | --- | --- | --- |\n")
    for seen in appearances:
        m = seen.meeting
        cells = (m.when_text, m.title, m.place_text, seen.item.text or topic.name)
        out.append("| " + " | ".join(escape.cell(c) for c in cells) + f" | {seen.item.status} |\n")
    out.append("\n## Status history\n")
    for seen in appearances:
        m = seen.meeting
        out.append(f"\n### {escape.inline(m.when_text)}: {escape.inline(m.title)}\n\n")
        if seen.item.text:
            out.append(f"Agenda item: {escape.inline(seen.item.text)}\n\n")
        for change in seen.changes:
            step = (f"{change.from_status} → {change.to_status}" if change.from_status
                    else f"first status {change.to_status}")
            note = f". {escape.inline(change.note)}" if change.note else ""
            moment = dt.datetime.fromisoformat(change.changed_at.replace("Z", "+00:00"))
            out.append(f"- {long_date(moment.date())}, {moment:%H:%M} UTC: {step}{note}\n")
        if not seen.changes:
            out.append(f"- status {seen.item.status} (no recorded changes)\n")
        outcome = escape.paragraphs(seen.item.outcome)
        if outcome:
            out.append(f"\n**Outcome:** {outcome[0]}\n")
            out.extend(f"\n{paragraph}\n" for paragraph in outcome[1:])
    meeting_ids = list(dict.fromkeys(seen.meeting.id for seen in appearances))
    sources = sources_of(store, meeting_ids)
    if sources:
        out.append("\n## Sources\n\n")
        for seen in appearances:
            m = seen.meeting
            for source in sources.pop(m.id, []):
                about = f"{escape.inline(m.when_text)}, {escape.inline(m.title)}"
                out.append(source_item(source, "", about))
    return "".join(out)
