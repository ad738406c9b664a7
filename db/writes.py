"""The store's write API. Each public method is one transaction and one undoable change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.countries import fold
from db.errors import NotFound
from db.rows import TABLE_OF, to_row
from db.views import ItemView, ParticipantView
from db.vocab import ItemStatus

if TYPE_CHECKING:
    from db.drafts import ItemDraft, MeetingDraft, ParticipantDraft, SourceDraft
    from db.models import Delegation, Meeting, Person, Source, StatusChange, Topic
    from db.records import Records
    from db.undo import Recorder


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class Writes:
    # -- low-level row operations (inside a transaction) ----------------------------------------

    def _insert(self, tx: Recorder, model) -> None:
        table = TABLE_OF[type(model).__name__]
        self.db[table].insert(to_row(model))
        tx.created(table, model.id)

    def _update(self, tx: Recorder, model):
        from db.stamps import now_ts

        table = TABLE_OF[type(model).__name__]
        tx.touch(table, model.id)
        model = model.model_copy(update={"updated_at": now_ts()})
        row = to_row(model)
        del row["id"], row["created_at"]
        from sqlite_utils.db import NotFoundError

        try:
            self.db[table].update(model.id, row)
        except NotFoundError:
            raise NotFound(f"no {type(model).__name__.lower()} with id {model.id}") from None
        return model

    def _delete(self, tx: Recorder, table: str, row_id: str) -> None:
        tx.touch(table, row_id)
        self.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])

    def _ids(self, sql: str, params: list) -> list[str]:
        return [row[0] for row in self.conn.execute(sql, params)]

    # -- matching by name ----------------------------------------------------------------------

    def _ensure_delegation(self, tx: Recorder, name: str) -> Delegation:
        from db.models import Delegation
        from db.rows import from_row

        wanted = Delegation.parse({"name": name}, "delegation")
        if wanted.country_code:
            sql, params = "SELECT * FROM delegations WHERE country_code = ?", [wanted.country_code]
        else:
            sql = "SELECT * FROM delegations WHERE country_code IS NULL AND name_key = ?"
            params = [fold(wanted.name)]
        cursor = self.conn.execute(sql, params)
        found = cursor.fetchone()
        if found:
            names = [c[0] for c in cursor.description]
            return from_row(Delegation, dict(zip(names, found, strict=True)))
        self._insert(tx, wanted)
        return wanted

    def _ensure_person(self, tx: Recorder, name: str, office: str | None) -> Person:
        """The stored person of that name (preferring one with the same office), else a new one.
        A person's office is filled in when it was unknown; an existing one is kept."""
        from db.models import Person
        from db.rows import from_row

        wanted = Person.parse({"name": name, "office": office}, "person")
        cursor = self.conn.execute(
            "SELECT * FROM people WHERE name_key = ? ORDER BY created_at, id", [fold(wanted.name)]
        )
        names = [c[0] for c in cursor.description]
        people = [from_row(Person, dict(zip(names, v, strict=True))) for v in cursor.fetchall()]
        if not people:
            self._insert(tx, wanted)
            return wanted
        same_office = [p for p in people if office and p.office and fold(p.office) == fold(office)]
        person = (same_office or people)[0]
        if wanted.office and not person.office:
            person = self._update(tx, person.model_copy(update={"office": wanted.office}))
        return person

    def _ensure_topic(self, tx: Recorder, name: str) -> Topic:
        from db.models import Topic
        from db.rows import from_row

        wanted = Topic.parse({"name": name}, "topic")
        cursor = self.conn.execute("SELECT * FROM topics WHERE name_key = ?", [fold(wanted.name)])
        found = cursor.fetchone()
        if found:
            names = [c[0] for c in cursor.description]
            return from_row(Topic, dict(zip(names, found, strict=True)))
        self._insert(tx, wanted)
        return wanted

    def ensure_topic(self, name: str) -> Topic:
        with self._write(f"Add topic “{_short(name)}”") as tx:
            return self._ensure_topic(tx, name)

    # -- meetings ------------------------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> Meeting:
        with self._write(f"Add meeting “{_short(meeting.title)}”") as tx:
            self._insert(tx, meeting)
        return meeting

    def update_meeting(self, meeting: Meeting) -> Meeting:
        with self._write(f"Edit meeting “{_short(meeting.title)}”") as tx:
            return self._update(tx, meeting)

    def delete_meeting(self, meeting_id: str) -> None:
        """Delete a meeting with its agenda items (and their history), participants, sources."""
        meeting = self.meeting(meeting_id)
        with self._write(f"Delete meeting “{_short(meeting.title)}”") as tx:
            self._delete_meeting_rows(tx, meeting_id)

    def _delete_meeting_rows(self, tx: Recorder, meeting_id: str) -> None:
        for item_id in self._ids("SELECT id FROM agenda_items WHERE meeting_id = ?", [meeting_id]):
            self._delete_item_rows(tx, item_id)
        for table in ("participants", "sources"):
            for row_id in self._ids(f"SELECT id FROM {table} WHERE meeting_id = ?", [meeting_id]):
                self._delete(tx, table, row_id)
        self._delete(tx, "meetings", meeting_id)

    def save_draft(self, draft: MeetingDraft) -> Meeting:
        """Save a whole meeting (participants, items, sources) in one transaction."""
        with self._write(f"Add meeting “{_short(draft.meeting.title)}”") as tx:
            self._insert(tx, draft.meeting)
            for index, part in enumerate(draft.participants):
                self._add_participant(tx, draft.meeting.id, part, f"participants.{index}.")
            for index, item in enumerate(draft.items):
                self._add_item(tx, draft.meeting.id, item, f"items.{index}.")
            for index, source in enumerate(draft.sources):
                self._add_source(tx, draft.meeting.id, source, f"sources.{index}.")
        return draft.meeting

    # -- people and participants ---------------------------------------------------------------

    def add_participant(self, meeting_id: str, draft: ParticipantDraft) -> ParticipantView:
        self.meeting(meeting_id)
        with self._write(f"Add participant {_short(draft.name)}") as tx:
            part_id = self._add_participant(tx, meeting_id, draft)
        return self.participant(part_id)

    def _add_participant(
        self, tx: Recorder, meeting_id: str, draft: ParticipantDraft, prefix: str = ""
    ) -> str:
        from db.errors import FieldError, ValidationFailed
        from db.models import Participant

        person = self._ensure_person(tx, draft.name, draft.office)
        delegation = self._ensure_delegation(tx, draft.delegation) if draft.delegation else None
        taken = self.conn.execute(
            "SELECT 1 FROM participants WHERE meeting_id = ? AND person_id = ?",
            [meeting_id, person.id],
        ).fetchone()
        if taken:
            raise ValidationFailed(
                "participant", [FieldError(f"{prefix}name", f"{person.name} is already listed")]
            )
        part = Participant(
            meeting_id=meeting_id,
            person_id=person.id,
            delegation_id=delegation.id if delegation else None,
            role=draft.role,
        )
        self._insert(tx, part)
        return part.id

    def update_participant(self, participant_id: str, draft: ParticipantDraft) -> ParticipantView:
        """Change who, for which delegation and in what role; renaming a person here changes
        only this participation (it may point at another or a new person)."""
        current = self.participant(participant_id)
        with self._write(f"Edit participant {_short(draft.name)}") as tx:
            person = current.person
            if fold(draft.name) != fold(person.name):
                person = self._ensure_person(tx, draft.name, draft.office)
            elif (draft.office or None) != person.office:
                person = self._update(tx, person.model_copy(update={"office": draft.office}))
            delegation = self._ensure_delegation(tx, draft.delegation) if draft.delegation else None
            self._update(tx, current.participant.model_copy(update={
                "person_id": person.id,
                "delegation_id": delegation.id if delegation else None,
                "role": draft.role,
            }))
        return self.participant(participant_id)

    def delete_participant(self, participant_id: str) -> None:
        view = self.participant(participant_id)
        with self._write(f"Remove participant {_short(view.person.name)}") as tx:
            self._delete(tx, "participants", participant_id)

    def update_person(self, person: Person) -> Person:
        with self._write(f"Edit person {_short(person.name)}") as tx:
            return self._update(tx, person)

    def delete_person(self, person_id: str) -> None:
        """Delete a person and their participation in every meeting."""
        person = self.person(person_id)
        with self._write(f"Delete person {_short(person.name)}") as tx:
            for row_id in self._ids("SELECT id FROM participants WHERE person_id = ?", [person_id]):
                self._delete(tx, "participants", row_id)
            self._delete(tx, "people", person_id)

    # -- topics and agenda items ---------------------------------------------------------------

    def update_topic(self, topic: Topic) -> Topic:
        with self._write(f"Edit topic “{_short(topic.name)}”") as tx:
            return self._update(tx, topic)

    def delete_topic(self, topic_id: str) -> None:
        """Delete a topic with its agenda items in every meeting."""
        topic = self.topic(topic_id)
        with self._write(f"Delete topic “{_short(topic.name)}”") as tx:
            for item_id in self._ids("SELECT id FROM agenda_items WHERE topic_id = ?", [topic_id]):
                self._delete_item_rows(tx, item_id, renumber=True)
            self._delete(tx, "topics", topic_id)

    def add_item(self, meeting_id: str, draft: ItemDraft) -> ItemView:
        self.meeting(meeting_id)
        with self._write(f"Add agenda item “{_short(draft.text or draft.topic)}”") as tx:
            item_id = self._add_item(tx, meeting_id, draft)
        return self.item(item_id)

    def _add_item(self, tx: Recorder, meeting_id: str, draft: ItemDraft, prefix: str = "") -> str:
        from db.models import AgendaItem, StatusChange

        topic = self._ensure_topic(tx, draft.topic)
        position = self.conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM agenda_items WHERE meeting_id = ?",
            [meeting_id],
        ).fetchone()[0]
        item = AgendaItem.parse(
            {"meeting_id": meeting_id, "topic_id": topic.id, "position": position,
             "text": draft.text, "status": draft.status, "outcome": draft.outcome},
            "agenda item",
            prefix,
        )
        self._insert(tx, item)
        self._insert(tx, StatusChange(
            agenda_item_id=item.id, to_status=item.status, changed_at=item.created_at
        ))
        return item.id

    def update_item(self, item_id: str, draft: ItemDraft, note: str | None = None) -> ItemView:
        """Edit an item's topic, wording, status and outcome; a new status is logged."""
        current = self.item(item_id).item
        with self._write(f"Edit agenda item “{_short(draft.text or draft.topic)}”") as tx:
            topic = self._ensure_topic(tx, draft.topic)
            updated = self._update(tx, current.edit(
                topic_id=topic.id, text=draft.text, outcome=draft.outcome, status=draft.status
            ))
            if updated.status != current.status:
                self._log_status(tx, current.id, current.status, updated.status, note)
        return self.item(item_id)

    def set_item_status(
        self, item_id: str, status: ItemStatus | str, note: str | None = None
    ) -> StatusChange | None:
        """Set an item's status and record the change (with its time and note) in its history."""
        current = self.item(item_id)
        status = ItemStatus(status)
        if status == current.item.status and not note:
            return None
        with self._write(f"Set “{_short(current.label)}” to {status}") as tx:
            self._update(tx, current.item.model_copy(update={"status": status}))
            return self._log_status(tx, item_id, current.item.status, status, note)

    def _log_status(self, tx: Recorder, item_id: str, old, new, note: str | None) -> StatusChange:
        from db.models import StatusChange

        change = StatusChange.parse(
            {"agenda_item_id": item_id, "from_status": old, "to_status": new, "note": note},
            "status change",
        )
        self._insert(tx, change)
        return change

    def move_item(self, item_id: str, delta: int) -> bool:
        """Move an agenda item up (delta < 0) or down; False if it is already at that end."""
        item = self.item(item_id).item
        way = "up" if delta < 0 else "down"
        with self._write(f"Move “{_short(item.text or 'item')}” {way}") as tx:
            ids = self._ids(
                "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
                [item.meeting_id],
            )
            index = ids.index(item_id)
            target = index + (1 if delta > 0 else -1)
            if not 0 <= target < len(ids):
                return False
            ids[index], ids[target] = ids[target], ids[index]
            self._renumber(tx, ids)
        return True

    def _renumber(self, tx: Recorder, ids: list[str]) -> None:
        for position, row_id in enumerate(ids):
            current = self.conn.execute(
                "SELECT position FROM agenda_items WHERE id = ?", [row_id]
            ).fetchone()[0]
            if current != position:
                tx.touch("agenda_items", row_id)
                self.conn.execute(
                    "UPDATE agenda_items SET position = ? WHERE id = ?", [position, row_id]
                )

    def delete_item(self, item_id: str) -> None:
        view = self.item(item_id)
        with self._write(f"Delete agenda item “{_short(view.label)}”") as tx:
            self._delete_item_rows(tx, item_id, renumber=True)

    def _delete_item_rows(self, tx: Recorder, item_id: str, renumber: bool = False) -> None:
        meeting_id = self.conn.execute(
            "SELECT meeting_id FROM agenda_items WHERE id = ?", [item_id]
        ).fetchone()[0]
        for change_id in self._ids(
            "SELECT id FROM status_changes WHERE agenda_item_id = ?", [item_id]
        ):
            self._delete(tx, "status_changes", change_id)
        self._delete(tx, "agenda_items", item_id)
        if renumber:
            self._renumber(tx, self._ids(
                "SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
                [meeting_id],
            ))

    # -- sources -------------------------------------------------------------------------------

    def add_source(self, meeting_id: str, draft: SourceDraft) -> Source:
        self.meeting(meeting_id)
        with self._write(f"Add source {_short(draft.outlet or draft.url or '')}") as tx:
            return self._add_source(tx, meeting_id, draft)

    def _add_source(self, tx: Recorder, meeting_id: str, draft: SourceDraft, prefix: str = ""):
        from db.models import Source

        source = Source.parse({"meeting_id": meeting_id, **draft.model_dump()}, "source", prefix)
        self._insert(tx, source)
        return source

    def update_source(self, source_id: str, draft: SourceDraft) -> Source:
        from db.models import Source

        current = self.source(source_id)
        updated = Source.parse({**current.model_dump(), **draft.model_dump()}, "source")
        with self._write(f"Edit source {_short(updated.outlet or updated.url or '')}") as tx:
            return self._update(tx, updated)

    def delete_source(self, source_id: str) -> None:
        source = self.source(source_id)
        with self._write(f"Delete source {_short(source.outlet or source.url or '')}") as tx:
            self._delete(tx, "sources", source_id)

    # -- bulk ----------------------------------------------------------------------------------

    def insert_records(self, records: Records, label: str = "Import") -> dict[str, int]:
        """Insert validated records (sample data, JSON import) in one transaction; rows whose id
        is already stored are left as they are. Returns how many rows each table gained."""
        from db.schema import TABLES

        added: dict[str, int] = {}
        with self._write(label, undoable=False):
            for table in TABLES:  # parents before children
                rows = [to_row(model) for model in records.table(table)]
                if not rows:
                    added[table] = 0
                    continue
                before = self.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
                self.db[table].insert_all(rows, ignore=True, batch_size=500)
                after = self.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]
                added[table] = after - before
        return added
