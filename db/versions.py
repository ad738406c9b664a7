"""The schema's version and migration names, apart from db/schema.py: opening a store checks
them before anything needs sqlite-utils, whose import would delay the app's first frame."""

from __future__ import annotations

MIGRATION_SET = "agenda-tui"
# The migrations in db/schema.py, in order; a test checks this against MIGRATIONS.
KNOWN_MIGRATIONS = ("m001_tables", "m002_search")
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)
