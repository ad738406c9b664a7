"""Child process of the kill-during-migration test: opens (and so upgrades) an old store.

    python migrate_child.py STORE

Prints "opening" just before Store.open, then "migrated" when the upgrade has finished.
"""

from __future__ import annotations

import sys

from db.store import Store

if __name__ == "__main__":
    print("opening", flush=True)
    with Store.open(sys.argv[1]) as store:
        print("migrated", store.migrated_from, store.backup, flush=True)
