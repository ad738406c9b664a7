"""SQL for the timeline's filters: the WHERE terms, and the way into the meetings table that
keeps each combination fast at 50,000 meetings (see README, Performance).

A filter on a country (the meeting's place, or any participating delegation) or an
organisation needs care, as SQLite cannot tell a country with 20 meetings from one with
20,000 (the store keeps no ANALYZE statistics). A cheap count of index entries decides:
- few meetings: fetch them by rowid from the two indexes that list them (the country's
  meetings, its delegation's participations) and sort that handful by date;
- many: page by walking idx_meetings_date_id in date order (it holds status, precision,
  country and series, so the other filters are checked without reading the table) with one
  index probe per meeting for the delegation, stopping at `limit`; count as the meetings
  held there plus those elsewhere it attended, each from an index that covers the filters.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from db.countries import fold, resolve_country
from db.views import MeetingFilter

BY_DATE = "idx_meetings_date_id"
BY_ID = "idx_meetings_id_date"
BY_COUNTRY = "idx_meetings_country_code_date"
# Below this many index entries for a country, fetching all its meetings beats walking the
# timeline until `limit` of them turn up (measured at 50,000 meetings: README, Performance).
FEW_MATCHES = 1000


@dataclass(frozen=True)
class FilterSql:
    source: str  # the FROM clause: "meetings m", with the access path when one is chosen
    where: list[str]
    params: list
    # The date range, kept apart so a page can merge it with its cursor into one range:
    # given two lower bounds on the date, SQLite may walk from the wrong one.
    date_from: str | None = None
    date_to: str | None = None


@dataclass(frozen=True)
class _Party:
    code: str | None  # the country's ISO code; None for an organisation
    key: str  # what delegations are matched on: the code, or the folded name
    delegations: str  # SQL: the matching delegations' ids (one parameter: key)
    entries: int  # index entries listing its meetings (counted up to FEW_MATCHES only)

    @property
    def attended(self) -> str:
        return f"SELECT p.meeting_id FROM participants p WHERE p.delegation_id IN " \
               f"({self.delegations})"


def where_sql(conn: sqlite3.Connection, filters: MeetingFilter | None,
              today: dt.date | None = None) -> tuple[list[str], list]:
    """The WHERE terms (over `meetings m`) and parameters of a filter, dates included, for
    queries that read every matching meeting (exports) rather than a page."""
    found = page_sql(conn, filters, today)
    where, params = list(found.where), list(found.params)
    if found.date_from:
        where.append("m.date >= ?")
        params.append(found.date_from)
    if found.date_to:
        where.append("m.date <= ?")
        params.append(found.date_to)
    return where, params


def page_sql(conn: sqlite3.Connection, filters: MeetingFilter | None,
             today: dt.date | None) -> FilterSql:
    """FROM and WHERE for a page of the timeline (the caller adds the date range merged with
    its cursor, and ORDER BY)."""
    where, params = _terms(filters, today, paging=True, dates=False)
    dates = _dates(filters)
    party = _party(conn, filters.country) if filters and filters.country else None
    if party is None:
        return FilterSql("meetings m", where, params, *dates)
    if party.entries < FEW_MATCHES:
        term, values = _rowids(party)
        return FilterSql("meetings m NOT INDEXED", [term, *where], [*values, *params], *dates)
    # One probe of idx_participants_delegation_id_meeting_id per meeting walked.
    term = (f"EXISTS (SELECT 1 FROM participants p WHERE p.meeting_id = m.id "
            f"AND p.delegation_id IN ({party.delegations}))")
    values = [party.key]
    if party.code:
        term, values = f"(m.country_code = ? OR {term})", [party.code, party.key]
    return FilterSql(f"meetings m INDEXED BY {BY_DATE}", [term, *where], [*values, *params],
                     *dates)


def count_sql(conn: sqlite3.Connection, filters: MeetingFilter | None,
              today: dt.date | None) -> tuple[str, list]:
    """A query returning how many meetings pass the filter."""
    where, params = _terms(filters, today, paging=False, dates=True)
    party = _party(conn, filters.country) if filters and filters.country else None
    if party is None:
        return _count("meetings m", where), params
    if party.entries < FEW_MATCHES:
        term, values = _rowids(party)
        return _count("meetings m NOT INDEXED", [term, *where]), [*values, *params]
    # Meetings it attended (each checked in a covering index by id), plus, for a country,
    # those held there that it did not attend: no set of ids is built and nothing is sorted.
    attended = _count(f"meetings m INDEXED BY {BY_ID}", [f"m.id IN ({party.attended})", *where])
    if not where:  # nothing to check on the meetings themselves: count the ids in the index
        attended = (f"SELECT count(DISTINCT p.meeting_id) FROM participants p "
                    f"WHERE p.delegation_id IN ({party.delegations})")
    if party.code is None:
        return attended, [party.key, *params]
    held = _count(f"meetings m INDEXED BY {BY_COUNTRY}", [
        "m.country_code = ?",
        f"NOT EXISTS (SELECT 1 FROM participants p WHERE p.meeting_id = m.id "
        f"AND p.delegation_id IN ({party.delegations}))",
        *where,
    ])
    return (f"SELECT ({attended}) + ({held})",
            [party.key, *params, party.code, party.key, *params])


def _count(source: str, where: list[str]) -> str:
    return f"SELECT count(*) FROM {source}" + (" WHERE " + " AND ".join(where) if where else "")


def _rowids(party: _Party) -> tuple[str, list]:
    """The party's meetings as a list of rowids (NOT INDEXED leaves SQLite only this way in)."""
    rowids = ("SELECT m2.rowid FROM participants p JOIN meetings m2 ON m2.id = p.meeting_id "
              f"WHERE p.delegation_id IN ({party.delegations})")
    if party.code is None:
        return f"m.rowid IN ({rowids})", [party.key]
    return (f"m.rowid IN (SELECT rowid FROM meetings WHERE country_code = ? UNION ALL {rowids})",
            [party.code, party.key])


def _party(conn: sqlite3.Connection, text: str) -> _Party:
    found = resolve_country(text)
    if found:
        delegations, key = "SELECT d.id FROM delegations d WHERE d.country_code = ?", found.code
    else:
        delegations, key = "SELECT d.id FROM delegations d WHERE d.name_key = ?", fold(text)
    # Counting stops at the threshold: a busy country costs no more to classify than a quiet one.
    entries = conn.execute(
        f"SELECT (SELECT count(*) FROM (SELECT 1 FROM participants p WHERE p.delegation_id IN "
        f"({delegations}) LIMIT {FEW_MATCHES})) + (SELECT count(*) FROM (SELECT 1 FROM meetings "
        f"WHERE country_code = ? LIMIT {FEW_MATCHES}))",
        [key, found.code if found else None],
    ).fetchone()[0]
    return _Party(found.code if found else None, key, delegations, entries)


def _dates(filters: MeetingFilter | None) -> tuple[str | None, str | None]:
    if filters is None:
        return None, None
    return (filters.date_from.isoformat() if filters.date_from else None,
            filters.date_to.isoformat() if filters.date_to else None)


def _terms(filters: MeetingFilter | None, today: dt.date | None,
           *, paging: bool, dates: bool) -> tuple[list[str], list]:
    """WHERE terms for everything but the country. When paging, terms that would tempt SQLite
    into an unordered index and a sort of every match (a list of statuses, overdue) are kept
    off their indexes with a unary +, so the timeline walks the date index and stops early."""
    where: list[str] = []
    params: list = []
    if filters is None:
        return where, params
    if filters.statuses:
        keep_off = "+" if paging and len(filters.statuses) > 1 else ""
        where.append(f"{keep_off}m.status IN ({', '.join('?' for _ in filters.statuses)})")
        params += sorted(filters.statuses)
    if filters.series:
        # Matches idx_meetings_series_date, which is declared COLLATE NOCASE.
        where.append("m.series = ? COLLATE NOCASE")
        params.append(filters.series)
    if dates and filters.date_from:
        where.append("m.date >= ?")
        params.append(filters.date_from.isoformat())
    if dates and filters.date_to:
        where.append("m.date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.overdue_only:
        today = today or dt.date.today()
        # Mirrors db.dates.last_possible_day: a month-dated meeting is overdue after its month.
        # The first term bounds the walk: nothing dated today or later is overdue.
        keep_off = "+" if paging else ""
        where.append(
            f"m.date < ? AND {keep_off}m.status IN ('planned', 'confirmed') AND ("
            "(m.precision = 'day' AND m.date < ?) OR (m.precision = 'month' AND m.date < ?) OR "
            "(m.precision = 'year' AND m.date < ?) OR (m.precision = 'approximate' AND m.date < ?))"
        )
        params += [
            today.isoformat(),
            today.isoformat(),
            today.replace(day=1).isoformat(),
            today.replace(month=1, day=1).isoformat(),
            (today - dt.timedelta(days=7)).isoformat(),
        ]
    return where, params
