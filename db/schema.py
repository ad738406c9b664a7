"""The store's tables, indexes and full-text search, as sqlite-utils Migrations.

Each migration sets PRAGMA user_version to its number, so the schema version is in the file
itself and a store written by a newer agenda-tui can be recognised and refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# Kept in db/versions.py so opening a store need not import sqlite-utils; still importable here.
from db.versions import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION  # noqa: F401

MIGRATIONS = Migrations(MIGRATION_SET)

# Folding accents lets "Turkiye" find "Türkiye" and "Yilmaz" find "Yılmaz".
FTS_TOKENIZE = "unicode61 remove_diacritics 2"

# Full-text indexed columns per table; sqlite-utils' triggers keep the *_fts tables in step.
FTS_COLUMNS = {
    "meetings": ["title", "series", "city", "country", "venue", "notes"],
    "agenda_items": ["text", "outcome"],
    # name_key (the folded name) lets "Yilmaz" find "Yılmaz": ı is not an accented i.
    "topics": ["name", "name_key", "description", "tags"],
    "people": ["name", "name_key", "office", "affiliation"],
}

STAMPS = {"created_at": str, "updated_at": str}
STAMPS_NOT_NULL = {"id", "created_at", "updated_at"}
# Columns the timeline filters on, carried after the keys of the meetings indexes.
_FILTERED = ["status", "precision", "country_code", "series"]


@MIGRATIONS(name="m001_tables")
def m001_tables(db: Database) -> None:
    db["meetings"].create(
        {
            "id": str, "title": str, "date": str, "time": str, "timezone": str,
            "precision": str, "city": str, "country": str, "country_code": str,
            "venue": str, "format": str, "status": str, "series": str, "notes": str,
            **STAMPS,
        },
        pk="id",
        not_null=STAMPS_NOT_NULL | {"title", "date", "precision", "format", "status"},
        strict=True,
    )
    db["delegations"].create(
        {"id": str, "name": str, "name_key": str, "country_code": str, "kind": str, **STAMPS},
        pk="id",
        not_null=STAMPS_NOT_NULL | {"name", "name_key", "kind"},
        strict=True,
    )
    db["people"].create(
        {"id": str, "name": str, "name_key": str, "office": str, "affiliation": str, **STAMPS},
        pk="id",
        not_null=STAMPS_NOT_NULL | {"name", "name_key"},
        strict=True,
    )
    db["participants"].create(
        {
            "id": str, "meeting_id": str, "person_id": str, "delegation_id": str,
            "role": str, **STAMPS,
        },
        pk="id",
        not_null=STAMPS_NOT_NULL | {"meeting_id", "person_id", "role"},
        foreign_keys=[
            ("meeting_id", "meetings", "id"),
            ("person_id", "people", "id"),
            ("delegation_id", "delegations", "id"),
        ],
        strict=True,
    )
    db["topics"].create(
        {"id": str, "name": str, "name_key": str, "description": str, "tags": str, **STAMPS},
        pk="id",
        not_null=STAMPS_NOT_NULL | {"name", "name_key", "tags"},
        strict=True,
    )
    db["agenda_items"].create(
        {
            "id": str, "meeting_id": str, "topic_id": str, "position": int, "text": str,
            "status": str, "outcome": str, **STAMPS,
        },
        pk="id",
        not_null=STAMPS_NOT_NULL | {"meeting_id", "topic_id", "position", "status"},
        foreign_keys=[("meeting_id", "meetings", "id"), ("topic_id", "topics", "id")],
        strict=True,
    )
    db["status_changes"].create(
        {
            "id": str, "agenda_item_id": str, "from_status": str, "to_status": str,
            "changed_at": str, "note": str, **STAMPS,
        },
        pk="id",
        not_null=STAMPS_NOT_NULL | {"agenda_item_id", "to_status", "changed_at"},
        foreign_keys=[("agenda_item_id", "agenda_items", "id")],
        strict=True,
    )
    db["sources"].create(
        {
            "id": str, "meeting_id": str, "outlet": str, "author": str, "url": str,
            "published": str, "excerpt": str, **STAMPS,
        },
        pk="id",
        not_null=STAMPS_NOT_NULL | {"meeting_id"},
        foreign_keys=[("meeting_id", "meetings", "id")],
        strict=True,
    )
    # Indexes for what the panes ask at 50,000 meetings (README, Performance, says why each
    # one is shaped as it is). The meetings indexes carry status, precision, country and
    # series after their keys, so a filter is checked in the index without reading the
    # (wide: notes) table row.
    # The timeline: keyset paging on (date, id), filtered by anything.
    db["meetings"].create_index(["date", "id", *_FILTERED], index_name="idx_meetings_date_id")
    # Meetings by id with their date: finding a topic's or a person's latest meeting, and
    # counting the meetings a busy delegation attended, never touch the table.
    db["meetings"].create_index(["id", "date", *_FILTERED], index_name="idx_meetings_id_date")
    db["meetings"].create_index(["status", "date", "id", "precision", "country_code", "series"],
                                index_name="idx_meetings_status_date")
    db["meetings"].create_index(["country_code", "date", "id", "status", "precision", "series"],
                                index_name="idx_meetings_country_code_date")
    # The series filter matches without case, so the index must be NOCASE to serve it.
    db.execute(
        "CREATE INDEX idx_meetings_series_date ON meetings(series COLLATE NOCASE, date, id)"
    )
    db["participants"].create_index(["meeting_id", "person_id"], unique=True)
    db["participants"].create_index(["person_id", "meeting_id"])
    db["participants"].create_index(["delegation_id", "meeting_id"])
    db["people"].create_index(["name_key", "id"])
    db["topics"].create_index(["name_key"], unique=True)
    db["agenda_items"].create_index(["meeting_id", "position"])
    db["agenda_items"].create_index(["topic_id", "meeting_id"])
    db["status_changes"].create_index(["agenda_item_id", "changed_at"])
    db["sources"].create_index(["meeting_id"])
    # A country is one party whatever it is called; organisations are one party per name.
    db.execute(
        "CREATE UNIQUE INDEX idx_delegations_country ON delegations(country_code) "
        "WHERE country_code IS NOT NULL"
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_delegations_org ON delegations(name_key) "
        "WHERE country_code IS NULL"
    )
    db.execute("PRAGMA user_version = 1")


@MIGRATIONS(name="m002_search")
def m002_search(db: Database) -> None:
    for table, columns in FTS_COLUMNS.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize=FTS_TOKENIZE)
    db.execute("PRAGMA user_version = 2")


TABLES = [
    "meetings", "delegations", "people", "participants",
    "topics", "agenda_items", "status_changes", "sources",
]
