"""Export files for the import tests: the sample store's export, altered record by record, and
big ones written straight to disk (tens of megabytes of valid records, or one huge string)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from pydantic_core import to_json

from db.export.json_io import export_json
from db.sample import load_sample
from db.store import Store

MB = 1024 * 1024
NOTES_WORDS = ["talks", "sanctions", "camps", "corridor", "ceasefire", "Ankara", "Washington",
               "çeşme", "العربية", "délégation", "🇹🇷🤝🇺🇸", "working", "group", "round"]


def sample_export(folder: Path) -> dict:
    """The sample store's export as a document (dict), for altering one record at a time."""
    path = folder / "for-export.db"
    with Store.open(path) as store:
        load_sample(store)
        text = export_json(store)
    path.unlink()
    return json.loads(text)


def write_document(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def big_export(path: Path, size: int, *, seed: int) -> dict:
    """Write a valid export of about `size` bytes: meetings (each with notes of ~2 KB, two
    agenda items with their first status, a participant and a source) on the sample's topics,
    people and delegations, which the file carries too. Returns the counts per table.

    Written record by record from templates, not through the models: 50 MB in a few seconds.
    """
    rng = random.Random(seed)
    base = sample_export(path.parent)
    topics = [t["id"] for t in base["topics"]]
    people = [p["id"] for p in base["people"]]
    delegations = [d["id"] for d in base["delegations"]]
    template = dict(base["meetings"][0], series=None)
    stamp = template["created_at"]
    counts = {table: len(base[table]) for table in base if isinstance(base[table], list)}
    tables: dict[str, list[bytes]] = {table: [to_json(r) for r in base[table]] for table in counts}

    def uid() -> str:  # random, as real ids are (each insert lands on a random index page)
        return f"{rng.getrandbits(128):032x}"

    def add(table: str, record: dict) -> None:
        nonlocal written
        line = to_json(record)  # pydantic-core: several times faster than json.dumps
        tables[table].append(line)
        counts[table] += 1
        written += len(line) + 2

    # A few dozen different notes, reused: generating fresh words for every meeting would
    # take longer than the import being tested.
    notes_pool = [" ".join(rng.choice(NOTES_WORDS) for _ in range(250)) for _ in range(40)]

    shapes = {table: dict(base[table][0]) for table in ("participants", "agenda_items",
                                                         "status_changes", "sources")}

    def add_like(table: str, **values) -> str:
        record_id = uid()
        add(table, shapes[table] | {"id": record_id, "created_at": stamp,
                                    "updated_at": stamp} | values)
        return record_id

    written, number = 0, 0
    while written < size:
        number += 1
        meeting_id = uid()
        notes = rng.choice(notes_pool)
        add("meetings", dict(template, id=meeting_id, title=f"Generated meeting {number}",
                             date=f"{rng.randint(1995, 2030)}-{rng.randint(1, 12):02}-"
                                  f"{rng.randint(1, 28):02}", notes=notes))
        add_like("participants", meeting_id=meeting_id, person_id=rng.choice(people),
                 delegation_id=rng.choice(delegations), role="member")
        for position, topic in enumerate(rng.sample(topics, 2)):
            item_id = add_like("agenda_items", meeting_id=meeting_id, topic_id=topic,
                               position=position, text=f"Point {position + 1}",
                               status="discussed", outcome=None)
            add_like("status_changes", agenda_item_id=item_id, from_status=None,
                     to_status="discussed", changed_at=stamp, note=None)
        add_like("sources", meeting_id=meeting_id, outlet="Wire", author=None,
                 url=f"https://example.org/{number}", published=None, excerpt=None)
    with path.open("wb") as out:
        out.write(b'{\n"format": "agenda-tui",\n"version": 1')
        for table, rows in tables.items():
            out.write(b',\n"%s": [\n' % table.encode() + b",\n".join(rows) + b"\n]")
        out.write(b"\n}\n")
    return counts


def huge_string_export(path: Path, size: int) -> str:
    """An export whose one meeting has notes of `size` characters; returns that meeting's id."""
    meeting_id = "00000000-0000-4000-8000-000000000001"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "agenda-tui", "version": 1, "meetings": [{"id": "' + meeting_id
                  + '", "title": "Huge", "date": "2025-05-20", "notes": "')
        chunk = "lorem ipsum " * (MB // 12)
        left = size
        while left > 0:
            out.write(chunk[:left])
            left -= len(chunk)
        out.write('"}]}\n')
    return meeting_id
