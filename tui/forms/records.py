"""Forms for records edited outside one meeting: a person, a topic."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from db.models import Person, Topic
from tui.forms.base import FormField, FormScreen


class PersonForm(FormScreen):
    def __init__(self, person: Person) -> None:
        super().__init__(f"Edit person · {person.name}")
        self.person = person

    def form_fields(self) -> ComposeResult:
        p = self.person
        yield FormField("Name", Input(p.name, id="name"), required=True)
        yield FormField("Office / title", Input(p.office or "", id="office"))
        yield FormField("Affiliation", Input(p.affiliation or "", id="affiliation"))

    def build(self, values: dict[str, Any]) -> Person:
        return Person.parse({**self.person.model_dump(), **values}, "person")


class TopicForm(FormScreen):
    def __init__(self, topic: Topic) -> None:
        super().__init__(f"Edit topic · {topic.name}")
        self.topic = topic

    def form_fields(self) -> ComposeResult:
        t = self.topic
        yield FormField("Name", Input(t.name, id="name"), required=True)
        yield FormField("Tags (comma-separated)", Input(", ".join(t.tags), id="tags"))
        yield FormField("Description", TextArea(t.description or "", id="description",
                                                soft_wrap=True), classes="short-text")

    def build(self, values: dict[str, Any]) -> Topic:
        return Topic.parse({**self.topic.model_dump(), **values}, "topic")
