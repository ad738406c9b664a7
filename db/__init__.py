"""agenda-tui's data layer: models, the SQLite store, sample data and exports (no Textual)."""
