"""Synthetic text for the generator: ids, timestamps, sentences and notes, from one seeded Random.

Hot paths (ids, timestamps) are written for speed: a 50,000-meeting store needs about two
million ids and a million timestamps.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks import vocabulary as v
from db.stamps import time_ordered_uuid, uuid_text

_EPOCH = dt.date(1970, 1, 1).toordinal()


class Text:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._days: dict[int, str] = {}
        self._day_millis: dict[str, int] = {}

    # -- ids and times ---------------------------------------------------------------------

    def uuid(self, stamp: str) -> str:
        """A time-ordered (version 7) UUID, as the app makes them (db.stamps.new_id), for a
        record created at `stamp` (a stored timestamp): its time part is the stamp, its random
        part comes from the seeded generator, so ids repeat for a seed and differ between seeds.
        """
        bits = self.rng.getrandbits(74)
        return uuid_text(time_ordered_uuid(self.millis(stamp), bits >> 62, bits))

    def millis(self, stamp: str) -> int:
        """Unix milliseconds of a stored timestamp ("2025-05-20T09:30:00.000Z")."""
        day = stamp[:10]
        start = self._day_millis.get(day)
        if start is None:
            ordinal = dt.date.fromisoformat(day).toordinal()
            start = self._day_millis[day] = (ordinal - _EPOCH) * 86_400_000
        return (start + int(stamp[11:13]) * 3_600_000 + int(stamp[14:16]) * 60_000
                + int(stamp[17:19]) * 1000 + int(stamp[20:23]))

    def day(self, ordinal: int) -> str:
        """ISO text of a date ordinal (cached: many rows share a day)."""
        text = self._days.get(ordinal)
        if text is None:
            text = self._days[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return text

    def stamp(self, ordinal: int, seconds: int | None = None) -> str:
        """A UTC timestamp in the store's form (milliseconds, Z) on that day."""
        random = self.rng.random
        if seconds is None:
            seconds = 25200 + int(random() * 46800)  # office hours, 07:00-20:00
        h, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        day = self._days.get(ordinal) or self.day(ordinal)
        return f"{day}T{h:02d}:{m:02d}:{s:02d}.{int(random() * 1000):03d}Z"

    def below(self, n: int) -> int:
        """A random int in [0, n): faster than randrange, which the hot paths call millions of
        times (the tiny bias of float scaling does not matter here)."""
        return int(self.rng.random() * n)

    # -- words -----------------------------------------------------------------------------

    def pick(self, items: list[str]) -> str:
        return items[int(self.rng.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        """Like randint(low, high), faster."""
        return low + int(self.rng.random() * (high - low + 1))

    def sentence(self, foreign: float = 0.15, rare: float = 0.0004) -> str:
        """One sentence; sometimes with a phrase in another script or a rare word."""
        r = self.rng.random
        parts = [self.pick(v.OPENERS), self.pick(v.OBJECTS)]
        if r() < 0.5:
            parts.append("and " + self.pick(v.OBJECTS))
        if r() < 0.6:
            parts.append(self.pick(v.TAILS))
        if r() < rare:
            parts.append("including " + self.pick(v.RARE_WORDS))
        if r() < foreign:
            parts.append(f"({self.pick(v.FOREIGN_PHRASES)})")
        return " ".join(parts) + "."

    def item_text(self, topic_name: str) -> str | None:
        """An agenda item's wording (one line), or None to show the topic name instead."""
        roll = self.rng.random()
        if roll < 0.4:
            return None
        if roll < 0.7:
            return f"{topic_name}: {self.pick(v.OBJECTS)} {self.pick(v.TAILS)}"
        return self.sentence(foreign=0.1)

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def notes(self) -> str | None:
        """Notes of varied length: none, a line, a paragraph, a page, occasionally a long one."""
        roll = self.rng.random()
        if roll < 0.15:
            return None
        if roll < 0.55:
            return self.sentence()
        if roll < 0.85:
            return self.paragraph(self.between(3, 6))
        count = self.between(3, 8) if roll < 0.97 else self.between(20, 40)
        return "\n\n".join(self.paragraph(self.between(3, 6)) for _ in range(count))

    def outcome(self) -> str | None:
        roll = self.rng.random()
        if roll < 0.5:
            return None
        if roll < 0.85:
            return self.sentence(foreign=0.3)
        return self.sentence(foreign=0.3) + "\n" + self.sentence(foreign=0.3)

    def person_name(self) -> str:
        return f"{self.pick(v.FIRST_NAMES)} {self.pick(v.LAST_NAMES)}"
