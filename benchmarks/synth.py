"""The synthetic world: delegations, people, topics and series, then meetings in batches.

Rows are tuples in the column order of COLUMNS, ready for executemany. Everything comes from
one random.Random(seed), so a seed always gives the same store.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from bisect import bisect
from dataclasses import dataclass, field

from benchmarks import vocabulary as v
from benchmarks.agenda import add_items
from benchmarks.text import Text
from db.countries import all_countries, country_name, fold

COLUMNS = {
    "delegations": "id name name_key country_code kind created_at updated_at",
    "people": "id name name_key office affiliation created_at updated_at",
    "topics": "id name name_key description tags created_at updated_at",
    "meetings": "id title date time timezone precision city country country_code venue format "
                "status series notes created_at updated_at",
    "participants": "id meeting_id person_id delegation_id role created_at updated_at",
    "agenda_items": "id meeting_id topic_id position text status outcome created_at updated_at",
    "status_changes": "id agenda_item_id from_status to_status changed_at note created_at "
                      "updated_at",
    "sources": "id meeting_id outlet author url published excerpt created_at updated_at",
}
COLUMNS = {table: names.split() for table, names in COLUMNS.items()}

# Twenty years of meetings; statuses are set as of AS_OF (a fixed day, so output never depends
# on when the generator runs): before it most meetings were held, after it they are planned.
FIRST_DAY = dt.date(2007, 7, 1).toordinal()
LAST_DAY = dt.date(2027, 6, 30).toordinal()
AS_OF = dt.date(2026, 11, 1).toordinal()
COUNTRIES = 190

_NOUN = {
    "bilateral": "talks", "visit": "visit", "phone call": "phone call",
    "video call": "video call", "multilateral": "meeting", "summit": "summit",
    "working group": "working group", "other": "contacts",
}
_PAST = ("held", "cancelled", "postponed", "planned", "confirmed")
_FUTURE = ("planned", "confirmed", "postponed")
_FORMATS = (["bilateral"] * 45 + ["multilateral"] * 15 + ["visit"] * 10 + ["phone call"] * 10
            + ["video call"] * 6 + ["working group"] * 6 + ["summit"] * 3 + ["other"] * 5)


def _zipf(n: int, s: float) -> list[float]:
    """Cumulative weights: a few countries, topics and people come up far more than others."""
    return list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))


@dataclass
class Series:
    name: str
    delegations: tuple[int, int]
    topics: list[int]
    rounds: int = 0


@dataclass
class World:
    """Everything meetings draw on, with the rows for its tables."""

    rows: dict[str, list[tuple]] = field(default_factory=dict)
    delegations: list[tuple] = field(default_factory=list)  # (id, name, code)
    members: list[list[str]] = field(default_factory=list)  # person ids per delegation
    country_count: int = 0
    topics: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    order: list[int] = field(default_factory=list)  # delegations, most prominent first
    series: list[Series] = field(default_factory=list)


def build_world(text: Text, people: int, topics: int, series: int) -> World:
    rng, world = text.rng, World()
    created = text.stamp(FIRST_DAY - 30)

    codes = sorted(c.code for c in all_countries() if c.code not in v.TERRITORIES)
    wanted = sorted({"TR", "US"} | set(v.CITIES))
    rest = [c for c in codes if c not in wanted]
    chosen = wanted + rng.sample(rest, min(COUNTRIES, len(codes)) - len(wanted))
    rng.shuffle(chosen)  # the order decides which countries meet most (Zipf)
    for code in chosen:
        name = country_name(code) or code
        world.delegations.append((text.uuid(created), name, code))
    world.country_count = len(world.delegations)
    for name in v.ORGANISATIONS:
        world.delegations.append((text.uuid(created), name, None))
    world.rows["delegations"] = [
        (id_, name, fold(name), code, "country" if code else "organisation", created, created)
        for id_, name, code in world.delegations
    ]

    world.members = [[] for _ in world.delegations]
    # Prominence: how often a delegation meets (Zipf over this order). Organisations are mixed
    # in with the countries, so even a small store has some EU or UN participation.
    world.order = list(range(len(world.delegations)))
    rng.shuffle(world.order)
    weights = _zipf(len(world.order), 0.8)
    homes = [world.order[i % len(world.order)]
             for i in range(min(people, 3 * len(world.order)))]
    homes += rng.choices(world.order, cum_weights=weights, k=people - len(homes))
    seen: set[str] = set()
    people_rows = []
    for home in homes:
        name = text.person_name()
        for _ in range(5):  # a few namesakes are realistic; thousands are not
            if fold(name) not in seen:
                break
            name = f"{text.pick(v.FIRST_NAMES)} {chr(65 + rng.randrange(26))}. " \
                   f"{text.pick(v.LAST_NAMES)}"
        seen.add(fold(name))
        office = text.pick(v.OFFICES) if rng.random() < 0.9 else None
        affiliation = None
        if rng.random() < 0.6:
            affiliation = f"{text.pick(v.AFFILIATIONS)} ({world.delegations[home][1]})"
        stamp = text.stamp(rng.randrange(FIRST_DAY - 30, AS_OF))
        person_id = text.uuid(stamp)
        world.members[home].append(person_id)
        people_rows.append((person_id, name, fold(name), office, affiliation, stamp, stamp))
    world.rows["people"] = people_rows

    names = [f"{s}: {q}" for s in v.TOPIC_SUBJECTS for q in v.TOPIC_QUALIFIERS]
    rng.shuffle(names)
    names = names[:topics] + [f"{names[i % len(names)]} ({i // len(names) + 1})"
                              for i in range(len(names), topics)]
    topic_rows = []
    for name in names:
        stamp = text.stamp(rng.randrange(FIRST_DAY - 30, AS_OF))
        description = text.sentence(foreign=0.2) if rng.random() < 0.3 else None
        tags = json.dumps(rng.sample(v.TAGS, rng.randint(0, 3)), ensure_ascii=False)
        topic_id = text.uuid(stamp)
        world.topics.append((topic_id, name))
        topic_rows.append((topic_id, name, fold(name), description, tags, stamp, stamp))
    world.rows["topics"] = topic_rows

    # A series is between two countries that have people in the store.
    staffed = [i for i in world.order if i < world.country_count and world.members[i]]
    weights = _zipf(len(staffed), 0.8)
    for _ in range(series if len(staffed) >= 2 else 0):
        a, b = rng.choices(staffed, cum_weights=weights, k=2)
        while b == a:
            b = rng.choices(staffed, cum_weights=weights)[0]
        name = (f"{world.delegations[a][1]}–{world.delegations[b][1]} "
                f"{text.pick(v.SERIES_KINDS)} on {text.pick(v.TOPIC_QUALIFIERS)}")
        core = rng.sample(range(len(world.topics)), min(len(world.topics), rng.randint(3, 8)))
        world.series.append(Series(name, (a, b), core))
    return world


def _item_counts(rng: random.Random, meetings: int, items: int) -> list[int]:
    """About `items / meetings` per meeting, varied, adding up to exactly `items`."""
    if meetings == 0:
        return []
    mean = items / meetings
    counts = [max(0, round(rng.gauss(mean, mean * 0.35))) for _ in range(meetings)]
    diff = items - sum(counts)
    while diff:
        i = rng.randrange(meetings)
        if diff > 0:
            counts[i] += 1
            diff -= 1
        elif counts[i] > 0:
            counts[i] -= 1
            diff += 1
    return counts


class Meetings:
    """Meeting rows with their participants, items, status changes and sources.

    The plan (dates, item counts, series rounds) is drawn up front from the world's generator;
    each batch then draws from its own generator seeded by (seed, first meeting), so batches
    can be made in any process and in any order and still give the same store.
    """

    def __init__(self, text: Text, world: World, meetings: int, items: int, seed: int) -> None:
        rng = text.rng
        self.world, self.count, self.seed = world, meetings, seed
        self.as_of = AS_OF
        self.items = _item_counts(rng, meetings, items)
        # Dates in rough entry order: sorted, then locally shuffled (analysts enter most
        # meetings around when they happen, not strictly in date order).
        days = sorted(rng.randrange(FIRST_DAY, LAST_DAY + 1) for _ in range(meetings))
        for i in range(0, meetings - 1, 2):
            if rng.random() < 0.3:
                days[i], days[i + 1] = days[i + 1], days[i]
        self.days = days
        # A quarter of meetings are rounds of a series, numbered in entry order.
        self.series_of: list[int] = []
        self.round_of: list[int] = []
        for _ in range(meetings):
            series = -1
            if world.series and rng.random() < 0.25:
                series = rng.randrange(len(world.series))
            self.series_of.append(series)
            if series >= 0:
                world.series[series].rounds += 1
            self.round_of.append(world.series[series].rounds if series >= 0 else 0)
        # Meetings are between delegations with people in the store (all of them in a large
        # store; in a small one, the few that meet most).
        self.staffed = [i for i in world.order if world.members[i]]
        self.delegation_weights = _zipf(len(self.staffed), 0.8)
        self.topic_weights = _zipf(len(world.topics), 0.7)
        self.text = text
        self.rng = rng

    def starts(self, size: int) -> range:
        return range(0, self.count, size)

    def batch(self, start: int, size: int) -> dict[str, list[tuple]]:
        """Rows for meetings start .. start + size - 1, children after their parents."""
        self.text = Text(random.Random(f"{self.seed}/meetings/{start}"))
        self.rng = self.text.rng
        out: dict[str, list[tuple]] = {
            t: [] for t in ("meetings", "participants", "sources", "agenda_items",
                            "status_changes")
        }
        for index in range(start, min(start + size, self.count)):
            self._meeting(index, out)
        return out

    # -- one meeting ---------------------------------------------------------------------

    def _meeting(self, index: int, out: dict[str, list[tuple]]) -> None:
        rng, text, world = self.rng, self.text, self.world
        day = self.days[index]
        below = text.below
        series = world.series[self.series_of[index]] if self.series_of[index] >= 0 else None
        if series:
            fmt, parties = "working group", list(series.delegations)
        else:
            fmt = _FORMATS[below(len(_FORMATS))]
            wanted = {"multilateral": 3 + below(6), "summit": 4 + below(9),
                      "other": 1 + below(3)}.get(fmt, 2)
            parties = []
            while len(parties) < min(wanted, len(self.staffed)):
                pick = self.staffed[bisect(self.delegation_weights,
                                           rng.random() * self.delegation_weights[-1])]
                if pick not in parties:
                    parties.append(pick)

        precision, time, zone = "day", None, None
        roll = rng.random()
        if roll < 0.06:
            precision, day = "month", dt.date.fromordinal(day).replace(day=1).toordinal()
        elif roll < 0.08:
            precision, day = "year", dt.date.fromordinal(day).replace(month=1, day=1).toordinal()
        elif roll < 0.12:
            precision = "approximate"
        elif roll < 0.6:
            time = f"{8 + below(11):02d}:{15 * below(4):02d}:00"
            zone = text.pick(v.TIMEZONES) if rng.random() < 0.6 else None

        if day <= AS_OF:
            status = _PAST[bisect((86, 90, 94, 97, 100), rng.random() * 100)]
        else:
            status = _FUTURE[bisect((60, 95, 100), rng.random() * 100)]

        host = world.delegations[parties[0]]
        city = country = code = venue = None
        if fmt not in ("phone call", "video call") or rng.random() < 0.3:
            code = host[2] or text.pick(list(v.CITIES))
            country = country_name(code)
            cities = v.CITIES.get(code)
            city = text.pick(cities) if cities else None
            venue = text.pick(v.VENUES) if rng.random() < 0.3 else None

        names = [world.delegations[p][1] for p in parties]
        if series:
            title = f"{series.name}, round {self.round_of[index]}"
        else:
            topic_name = world.topics[below(len(world.topics))][1] \
                if world.topics else "current issues"
            who = "–".join(names[:2]) if len(names) <= 2 else f"{names[0]} and partners"
            title = f"{who} {_NOUN[fmt]} on {topic_name}"

        created_day = min(day, AS_OF) - 3 - below(88)
        created = text.stamp(created_day)
        updated = created
        if status != "planned" and day <= AS_OF:
            updated = text.stamp(min(day + below(11), AS_OF))
        meeting_id = text.uuid(created)
        out["meetings"].append((
            meeting_id, title, text.day(day), time, zone, precision, city, country, code, venue,
            fmt, status, series.name if series else None, text.notes(), created, updated,
        ))

        self._participants(meeting_id, fmt, parties, bool(series), created, out)
        self._sources(meeting_id, day, created, out)
        topics = series.topics if series else []
        add_items(self, meeting_id, self.items[index], topics, status, created_day, day, out)

    def _participants(self, meeting_id: str, fmt: str, parties: list[int], co_chairs: bool,
                      created: str, out: dict[str, list[tuple]]) -> None:
        rng, world = self.rng, self.world
        for rank, party in enumerate(parties):
            pool = world.members[party]
            if not pool:
                continue
            size = 1 + self.text.below(4 if len(parties) <= 2 else 2)
            for n, person in enumerate(rng.sample(pool, min(size, len(pool)))):
                if n == 0 and co_chairs and rank < 2:
                    role = "co-chair"
                elif n == 0 and rank == 0 and fmt in ("multilateral", "summit"):
                    role = "host"
                elif n == 0:
                    role = "head of delegation"
                else:
                    role = "observer" if rng.random() < 0.05 else "member"
                out["participants"].append((
                    self.text.uuid(created), meeting_id, person, world.delegations[party][0], role,
                    created, created,
                ))

    def _sources(self, meeting_id: str, day: int, created: str,
                 out: dict[str, list[tuple]]) -> None:
        rng, text = self.rng, self.text
        for _ in range(bisect((30, 80, 100), rng.random() * 100)):
            published = min(day + text.below(3), AS_OF)
            date = text.day(published)
            url = None
            if rng.random() < 0.7:
                url = f"https://news.example.org/{date[:4]}/{date[5:7]}/report-{rng.getrandbits(32):x}"
            out["sources"].append((
                text.uuid(created), meeting_id, text.pick(v.OUTLETS),
                text.person_name() if rng.random() < 0.5 else None, url, date,
                text.sentence(foreign=0.2) if rng.random() < 0.4 else None, created, created,
            ))


def plan(seed: int, meetings: int, items: int, people: int, topics: int,
         series: int) -> Meetings:
    """The world and the meeting plan for a seed: the same in every process that asks."""
    text = Text(random.Random(seed))
    world = build_world(text, people, topics, series)
    return Meetings(text, world, meetings, items, seed)
