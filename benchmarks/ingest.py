"""Evaluate `agenda-tui ingest` on a folder of articles with expected records.

    python -m benchmarks.ingest DIR [DIR or NN.txt ...]

Each NN.txt (the article) is read with the publication date of NN.json (its `published`), and
the draft's record is compared with NN.json field by field. Prints precision, recall and F1
per field and the time per article.

Matching rules (documented in the README, "Ingesting articles"):

- date: the meeting's first day (`date`, ISO); when the record has no day, a month written
  "December 2017 (month only)" in `date_text` counts as the month 2017-12. Equal keys match;
  a record with neither has nothing to find and is not counted.
- place: (city, country) with the city folded (accents and case; a city the gazetteer knows by
  its name there: "St Petersburg" = "Saint Petersburg") and the country as its ISO
  code (names, aliases and demonyms resolved as the store does); both parts must agree. A
  record with neither has nothing to find.
- date+place: the date and place counts added up.
- participants: one-to-one. Names match when their folded words are the same set ("Yachi
  Shotaro" = "Shotaro Yachi") or the shorter name (two words or more) is contained in the other
  (middle names, initials); roles match when their normal forms are equal (db.ingest.offices.
  office_key: folded, "Minister for Foreign Affairs" = "Foreign Minister", "President of the
  European Council" = "European Council President", chair = chairman = chairperson; ranks such
  as deputy or vice are kept); countries or organisations match when they resolve to the same
  country code or organisation ("EU" = "European Union"), else when equal folded. A participant
  counts only when name, role and country all match ("participant names" is also shown).
- topics: one-to-one. Each phrase becomes the set of stems of its content words (folded, stop
  words removed, British and American spellings merged, light suffix stripping); two phrases
  match when the Dice coefficient of their sets, 2|A∩B| / (|A|+|B|), is at least 0.5. Pairs
  are taken greedily, most similar first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from db.countries import fold
from db.ingest.offices import office_key
from db.ingest.words import content_stems, dice

TOPIC_THRESHOLD = 0.5
_MONTH_ONLY = re.compile(r"^([A-Z][a-z]+) (\d{4}) \(month only\)$")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def single(expected, got) -> Counts:
    """One value per article: right (tp), wrong (fp and fn), missing (fn) or invented (fp)."""
    if expected is None and got is None:
        return Counts()
    if expected == got:
        return Counts(tp=1)
    return Counts(fp=int(got is not None), fn=int(expected is not None))


def date_key(record: dict):
    if record.get("date"):
        return record["date"]
    m = _MONTH_ONLY.match(record.get("date_text") or "")
    if m:
        month = dt.datetime.strptime(m.group(1), "%B").month
        return f"{m.group(2)}-{month:02d}"
    return None


def place_key(record: dict):
    location = record.get("location") or {}
    city, country = location.get("city"), location.get("country")
    if not city and not country:
        return None
    from db.ingest.gazetteer import find_city

    known = find_city(city) if city else None  # "St Petersburg" = "Saint Petersburg"
    return fold(known[0] if known else city or ""), party_key(country)


def party_key(text: str | None) -> str:
    if not text:
        return ""
    from db.ingest.parties import resolve_party

    party = resolve_party(text)
    return party.key if party else f"org:{fold(text)}"


def names_match(a: str, b: str) -> bool:
    ta = fold(a).replace("-", " ").replace(".", " ").split()
    tb = fold(b).replace("-", " ").replace(".", " ").split()
    if set(ta) == set(tb):
        return True
    short, long = sorted((set(ta), set(tb)), key=len)
    return len(short) >= 2 and short <= long


def match_pairs(expected: list, got: list, similar) -> tuple[int, list[tuple[int, int]]]:
    """Greedy one-to-one matching, most similar pairs first; returns (matched, pairs)."""
    scored = sorted(((similar(e, g), i, j) for i, e in enumerate(expected)
                     for j, g in enumerate(got)), reverse=True)
    used_e, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if score <= 0 or i in used_e or j in used_g:
            continue
        used_e.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return len(pairs), pairs


def participants(expected: list[dict], got: list[dict], full: bool) -> Counts:
    def similar(e, g):
        if not names_match(e["name"], g["name"]):
            return 0
        if not full:
            return 1
        same_role = office_key(e.get("role")) == office_key(g.get("role"))
        same_party = party_key(e.get("country_or_org")) == party_key(g.get("country_or_org"))
        return 1 if same_role and same_party else 0

    n, _ = match_pairs(expected, got, similar)
    return Counts(tp=n, fp=len(got) - n, fn=len(expected) - n)


def topic_similarity(a: str, b: str) -> float:
    score = dice(content_stems(a), content_stems(b))
    return score if score >= TOPIC_THRESHOLD else 0


def topics(expected: list[str], got: list[str]) -> Counts:
    n, _ = match_pairs(expected, got, topic_similarity)
    return Counts(tp=n, fp=len(got) - n, fn=len(expected) - n)


FIELDS = ["date", "place", "date+place", "participants", "participant names", "topics",
          "format", "status"]


def score(expected: dict, got: dict) -> dict[str, Counts]:
    result = {
        "date": single(date_key(expected), date_key(got)),
        "place": single(place_key(expected), place_key(got)),
        "participants": participants(expected.get("participants") or [],
                                     got.get("participants") or [], full=True),
        "participant names": participants(expected.get("participants") or [],
                                          got.get("participants") or [], full=False),
        "topics": topics(expected.get("topics") or [], got.get("topics") or []),
        "format": single(expected.get("format"), got.get("format")),
        "status": single(expected.get("status"), got.get("status")),
    }
    both = Counts()
    both.add(result["date"])
    both.add(result["place"])
    result["date+place"] = both
    return result


def articles(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return [p for p in found if p.with_suffix(".json").exists()]


def explain(expected: dict, got: dict, out) -> None:
    """Print what a draft missed (-) and invented (+), field by field: for finding failure
    classes."""
    for name, key in (("date", date_key), ("place", place_key)):
        if key(expected) != key(got):
            print(f"    {name}: expected {key(expected)}, got {key(got)}", file=out)

    def person(p: dict) -> str:
        return f"{p.get('name')} | {p.get('role')} | {p.get('country_or_org')}"

    def same_person(e, g):
        return int(names_match(e["name"], g["name"])
                   and office_key(e.get("role")) == office_key(g.get("role"))
                   and party_key(e.get("country_or_org")) == party_key(g.get("country_or_org")))

    lists = (("participant", expected.get("participants") or [], got.get("participants") or [],
              same_person, person),
             ("topic", expected.get("topics") or [], got.get("topics") or [], topic_similarity,
              str))
    for label, want, have, similar, show in lists:
        _, pairs = match_pairs(want, have, similar)
        for i, item in enumerate(want):
            if i not in {a for a, _ in pairs}:
                print(f"    - {label}: {show(item)}", file=out)
        for j, item in enumerate(have):
            if j not in {b for _, b in pairs}:
                print(f"    + {label}: {show(item)}", file=out)


def run(paths: list[str], verbose: int = 0, out=sys.stdout) -> dict[str, Counts]:
    from db.errors import AgendaError
    from db.ingest import draft_from_text

    totals = {name: Counts() for name in FIELDS}
    times = []
    files = articles(paths)
    for path in files:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        published = expected.get("published")
        started = time.perf_counter()
        try:
            got = draft_from_text(path.read_bytes(),
                                  dt.date.fromisoformat(published) if published else None,
                                  today=dt.date(2000, 1, 1) if not published else None
                                  ).to_record()
        except AgendaError as exc:
            print(f"{path.name}: no draft ({exc.msg})", file=out)
            got = {}
        times.append(time.perf_counter() - started)
        scores = score(expected, got)
        for name, counts in scores.items():
            totals[name].add(counts)
        if verbose:
            misses = [n for n, c in scores.items() if c.fp or c.fn]
            print(f"{path.name}: {'ok' if not misses else 'misses ' + ', '.join(misses)}",
                  file=out)
            if verbose > 1 and misses:
                explain(expected, got, out)
    print(f"{len(files)} articles; {'field':<18} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)",
          file=out)
    for name in FIELDS:
        c = totals[name]
        print(f"  {name:<30} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}  "
              f"({c.tp}/{c.fp}/{c.fn})", file=out)
    if times:
        print(f"  time per article: mean {sum(times) / len(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms (the first includes loading dateparser)", file=out)
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="folders of NN.txt + NN.json, or NN.txt files")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="one line per article; -vv also what each missed (-) or invented (+)")
    args = parser.parse_args(argv)
    if not articles(args.paths):
        print("no NN.txt + NN.json pairs found", file=sys.stderr)
        return 1
    run(args.paths, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
