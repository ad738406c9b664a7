"""The demo data: the Türkiye–US working group on Syria of 20 May 2025 (recorded from a Caliber.Az
report by Vafa Guliyeva), plus invented meetings, marked as samples, that move its topics along.

Ids and timestamps are fixed, so the sample (and every export of it) is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import uuid

from db.models import (
    AgendaItem,
    Delegation,
    Meeting,
    Participant,
    Person,
    Source,
    StatusChange,
    Topic,
)
from db.records import Records

_NS = uuid.UUID("5b0c1f9e-3d52-4a57-9e57-6a2f1c0d7e11")
SERIES = "Türkiye–US Joint Working Group on Syria"
SAMPLE_NOTE = "Sample meeting, invented for the demo; not a real event."


def sample_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(_NS, f"{kind}/{key}"))


SEED_MEETING_ID = sample_id("meeting", "seed")


def _ts(day: str, hour: int = 9) -> str:
    return f"{day}T{hour:02d}:00:00.000Z"


class _Builder:
    def __init__(self) -> None:
        self.records = Records()
        self._topics: dict[str, Topic] = {}
        self._people: dict[str, Person] = {}
        self._delegations: dict[str, Delegation] = {}

    def topic(self, key: str, name: str, tags: list[str]) -> None:
        topic = Topic(id=sample_id("topic", key), name=name, tags=tags,
                      created_at=_ts("2025-05-18"), updated_at=_ts("2025-05-18"))
        self._topics[key] = topic
        self.records.topics.append(topic)

    def person(self, key: str, name: str, office: str, affiliation: str | None = None) -> None:
        person = Person(id=sample_id("person", key), name=name, office=office,
                        affiliation=affiliation, created_at=_ts("2025-05-18"),
                        updated_at=_ts("2025-05-18"))
        self._people[key] = person
        self.records.people.append(person)

    def delegation(self, key: str, name: str) -> None:
        delegation = Delegation(id=sample_id("delegation", key), name=name,
                                created_at=_ts("2025-05-18"), updated_at=_ts("2025-05-18"))
        self._delegations[key] = delegation
        self.records.delegations.append(delegation)

    def meeting(self, key: str, created: str, **fields) -> str:
        meeting = Meeting(id=sample_id("meeting", key), created_at=_ts(created),
                          updated_at=_ts(created), **fields)
        self.records.meetings.append(meeting)
        return meeting.id

    def attend(self, meeting_id: str, person: str, delegation: str, role: str, day: str) -> None:
        self.records.participants.append(Participant(
            id=sample_id("participant", f"{meeting_id}/{person}"), meeting_id=meeting_id,
            person_id=self._people[person].id, delegation_id=self._delegations[delegation].id,
            role=role, created_at=_ts(day), updated_at=_ts(day),
        ))

    def item(self, meeting_id: str, topic: str, text: str | None, history: list[tuple],
             outcome: str | None = None) -> None:
        """`history` is [(day, status, note)...]: the first entry is the item's first status."""
        position = sum(1 for i in self.records.agenda_items if i.meeting_id == meeting_id)
        item_id = sample_id("item", f"{meeting_id}/{topic}")
        first_day, status = history[0][0], history[-1][1]
        self.records.agenda_items.append(AgendaItem(
            id=item_id, meeting_id=meeting_id, topic_id=self._topics[topic].id,
            position=position, text=text, status=status, outcome=outcome,
            created_at=_ts(first_day), updated_at=_ts(history[-1][0]),
        ))
        previous = None
        for index, (day, new_status, note) in enumerate(history):
            self.records.status_changes.append(StatusChange(
                id=sample_id("status", f"{item_id}/{index}"), agenda_item_id=item_id,
                from_status=previous, to_status=new_status, changed_at=_ts(day, 9 + index),
                note=note, created_at=_ts(day, 9 + index), updated_at=_ts(day, 9 + index),
            ))
            previous = new_status

    def source(self, meeting_id: str, day: str, **fields) -> None:
        self.records.sources.append(Source(
            id=sample_id("source", f"{meeting_id}/{fields.get('outlet')}"), meeting_id=meeting_id,
            created_at=_ts(day), updated_at=_ts(day), **fields,
        ))


def sample_records() -> Records:
    b = _Builder()
    b.topic("syria", "Syria: security, stability and territorial integrity", ["Syria", "security"])
    b.topic("isis", "Fight against ISIS (Daesh) and other terrorist organisations",
            ["counter-terrorism", "Syria"])
    b.topic("initiatives", "Türkiye's regional security initiatives", ["Türkiye", "security"])
    b.topic("stabilisation", "Support for the Syrian government's stabilisation efforts",
            ["Syria", "stabilisation"])
    b.topic("camps", "Displacement camps in north-east Syria", ["humanitarian", "Syria"])
    b.topic("deployments", "US military deployments in Syria", ["United States", "military"])
    b.topic("sanctions", "Sanctions relief for Syria", ["sanctions", "Syria"])

    b.delegation("tr", "Türkiye")
    b.delegation("us", "United States")
    b.delegation("eu", "European Union")
    b.person("yilmaz", "Nuh Yilmaz", "Deputy Foreign Minister",
             "Ministry of Foreign Affairs of Türkiye")
    b.person("landau", "Christopher Landau", "Deputy Secretary of State", "US Department of State")
    b.person("marsh", "Elena Marsh", "Special Envoy for Syria (sample)",
             "European External Action Service")
    b.person("aydin", "Kerem Aydın", "Director-General for Middle East (sample)",
             "Ministry of Foreign Affairs of Türkiye")

    call = b.meeting(
        "call", "2025-04-20", title="Türkiye–US preparatory call on Syria",
        date=dt.date(2025, 4, 24), format="phone call", status="held", series=SERIES,
        notes=f"{SAMPLE_NOTE}\n\nShows a topic's history before the working group met.",
    )
    b.attend(call, "yilmaz", "tr", "head of delegation", "2025-04-20")
    b.attend(call, "landau", "us", "head of delegation", "2025-04-20")
    b.item(call, "isis", None, [("2025-04-20", "scheduled", None),
                                ("2025-04-24", "discussed", None)])
    b.item(call, "camps", None, [("2025-04-20", "scheduled", None),
                                 ("2025-04-24", "discussed", None)])
    b.item(call, "sanctions", "Timing of any easing of sanctions",
           [("2025-04-20", "proposed", None),
            ("2025-04-24", "deferred", "Sample: left for the working group")])

    seed = b.meeting(
        "seed", "2025-05-18", title=SERIES, date=dt.date(2025, 5, 20), city="Washington",
        country="United States", format="working group", status="planned", series=SERIES,
        notes=(
            "High-level bilateral round of the joint working group, in an inter-institutional "
            "format, co-chaired by the two deputy ministers. Announced by Turkish diplomatic "
            "sources before the meeting.\n\n"
            "Context: it came soon after US–Syria contacts and the US announcement that "
            "sanctions on Syria would be lifted. Ankara was expected to stress Syria's "
            "territorial unity and a Syria free of terrorist groups."
        ),
    )
    b.attend(seed, "yilmaz", "tr", "co-chair", "2025-05-18")
    b.attend(seed, "landau", "us", "co-chair", "2025-05-18")
    for topic, text in [
        ("syria", "Both countries' Syria policies: security, stability and territorial "
                  "integrity of Syria"),
        ("isis", "The fight against ISIS (Daesh) and other terrorist organisations"),
        ("initiatives", "Türkiye's regional security initiatives"),
        ("stabilisation", "Support for the Syrian government's stabilisation efforts"),
        ("camps", "Humanitarian and security challenges in north-east Syria's displacement camps"),
        ("deployments", "US briefing on restructuring and consolidating its military "
                        "deployments in Syria"),
        ("sanctions", "Procedural framework and timeline of sanctions relief"),
    ]:
        b.item(seed, topic, text, [("2025-05-18", "scheduled", None)])
    b.source(seed, "2025-05-18", outlet="Caliber.Az", author="Vafa Guliyeva")

    donors = b.meeting(
        "donors", "2025-06-20", title="Conference on north-east Syria's camps",
        date=dt.date(2025, 7, 3), city="Brussels", country="Belgium", venue="Europa building",
        format="multilateral", status="held", notes=SAMPLE_NOTE,
    )
    b.attend(donors, "marsh", "eu", "host", "2025-06-20")
    b.attend(donors, "aydin", "tr", "head of delegation", "2025-06-20")
    b.item(donors, "camps", "Services, security and returns from the camps",
           [("2025-06-20", "scheduled", None), ("2025-07-03", "agreed", "Sample: pledges made")],
           outcome="Sample outcome: pledges for camp services and a framework for returns.")
    b.item(donors, "sanctions", None, [("2025-06-20", "proposed", None),
                                       ("2025-07-03", "discussed", None)])

    second = b.meeting(
        "second", "2025-08-25", title=f"{SERIES}, second round", date=dt.date(2025, 9, 15),
        city="Ankara", country="Türkiye", format="working group", status="held", series=SERIES,
        notes=SAMPLE_NOTE,
    )
    b.attend(second, "yilmaz", "tr", "co-chair", "2025-08-25")
    b.attend(second, "landau", "us", "co-chair", "2025-08-25")
    b.attend(second, "aydin", "tr", "member", "2025-08-25")
    b.item(second, "sanctions", "Sequencing of sanctions relief",
           [("2025-08-25", "proposed", None), ("2025-09-01", "scheduled", None),
            ("2025-09-15", "agreed", "Sample: sequencing agreed in principle")],
           outcome="Sample outcome: both sides agreed a sequence for relief steps.")
    b.item(second, "isis", None, [("2025-08-25", "scheduled", None),
                                  ("2025-09-15", "discussed", None)])
    b.item(second, "deployments", None, [("2025-08-25", "scheduled", None),
                                         ("2025-09-15", "discussed", None)])

    contact = b.meeting(
        "contact", "2026-11-10", title="Syria stabilisation contact group",
        date=dt.date(2026, 12, 3), time=dt.time(14, 0), timezone="Europe/Brussels",
        format="video call", status="confirmed", notes=SAMPLE_NOTE,
    )
    b.attend(contact, "marsh", "eu", "host", "2026-11-10")
    b.attend(contact, "aydin", "tr", "member", "2026-11-10")
    b.item(contact, "stabilisation", None, [("2026-11-10", "scheduled", None)])
    b.item(contact, "camps", None, [("2026-11-10", "scheduled", None)])

    third = b.meeting(
        "third", "2026-11-12", title=f"{SERIES}, third round", date=dt.date(2027, 1, 1),
        precision="month", city="Washington", country="United States", format="working group",
        status="planned", series=SERIES, notes=SAMPLE_NOTE,
    )
    b.attend(third, "yilmaz", "tr", "co-chair", "2026-11-12")
    b.attend(third, "landau", "us", "co-chair", "2026-11-12")
    b.item(third, "sanctions", "Review of relief steps taken", [("2026-11-12", "proposed", None)])
    b.item(third, "camps", None, [("2026-11-12", "proposed", None)])
    return b.records


def load_sample(store) -> dict[str, int]:
    """Write the sample into a store; ids are fixed, so loading it twice adds nothing."""
    return store.insert_records(sample_records(), label="Load sample data")
