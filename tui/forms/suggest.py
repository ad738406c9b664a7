"""Completion from what is already in the store (people, countries, topics, series...)."""

from __future__ import annotations

import asyncio
from functools import cache

from textual.suggester import Suggester, SuggestFromList


class StoreSuggester(Suggester):
    """Suggests the first stored value starting with what was typed; the query runs in a
    thread so a large store never stalls typing."""

    def __init__(self, store, field: str) -> None:
        super().__init__(use_cache=True, case_sensitive=False)
        self.store = store
        self.field = field

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        found = await asyncio.to_thread(self.store.suggestions, self.field, value, 1)
        # Suggestions must extend what was typed, so keep the user's own first letters.
        if found and found[0].casefold().startswith(value.casefold()):
            return value + found[0][len(value):]
        return None


@cache
def timezone_names() -> list[str]:
    from zoneinfo import available_timezones

    return sorted(available_timezones())


def timezone_suggester() -> SuggestFromList:
    return SuggestFromList(timezone_names(), case_sensitive=False)
