"""The participants pane: the selected meeting's people grouped by delegation (co-chairs first),
or, toggled, everyone in the store with how many meetings each attended and the latest."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from db.views import MeetingDetail, ParticipantView, PersonSummary
from tui.widgets.pane import ListPane


class ParticipantsPane(ListPane):
    TITLES = ("Participants", "All people")
    BINDINGS = [
        Binding("enter", "screen.open_participant", "Open"),
        Binding("a", "screen.add_participant", "Add"),
        Binding("e", "screen.edit_participant", "Edit"),
        Binding("d,delete", "screen.delete_participant", "Del", key_display="d"),
        Binding("v", "toggle_all", "All", tooltip="Toggle: everyone in the store / this meeting"),
    ]

    def show_meeting(self, detail: MeetingDetail | None, keep: str | None = None) -> None:
        self.detail = detail
        if self.show_all:
            return
        keep = keep or self._kept_id()
        self.stop_paging()
        self._views = {}
        options: list[Option] = []
        if detail is None:
            self.border_subtitle = ""
        elif not detail.participants:
            key = self.app.key_for("screen.add_participant", self)
            options.append(Option(Content.styled(f"No participants yet: press {key} to add one.",
                                                 "$text-muted italic"), disabled=True))
            self.border_subtitle = "0 people"
        else:
            for delegation, views in detail.delegations():
                name = delegation.name if delegation else "No delegation"
                code = delegation.country_code if delegation else None
                code = f" ({code})" if code else ""
                options.append(Option(Content.styled(name + code, "bold $text-accent"),
                                      disabled=True))
                for view in views:
                    self._views[view.participant.id] = view
                    options.append(Option(_participant_line(view), id=view.participant.id))
            self.border_subtitle = f"{len(detail.participants)} people"
        self._fill(options, keep)

    # -- everyone ------------------------------------------------------------------------------

    def load_all(self, keep: str | None = None) -> None:
        store = self.app.store
        self.load_paged(lambda offset: store.people_page(limit=self.PAGE, offset=offset),
                        store.count_people, self._person_option, noun="people", keep=keep)

    def _person_option(self, summary: PersonSummary) -> Option:
        self._views[summary.person.id] = summary
        latest = summary.latest
        where = f"{latest.short_date.strip()} {latest.title}" if latest else "no meetings"
        return Option(Content.assemble(
            (summary.person.name, "bold"),
            (f" · {summary.person.office}" if summary.person.office else "", "$text-muted"),
            "\n  ",
            (f"{summary.meetings} meeting{'s' if summary.meetings != 1 else ''}", "$secondary"),
            (f" · latest {where}", "$text-muted"),
        ), id=summary.person.id)


def _participant_line(view: ParticipantView) -> Content:
    role = str(view.participant.role)
    leading = role in ("co-chair", "head of delegation", "host")
    parts: list = [
        ("★ " if role == "co-chair" else "  ", "$warning"),
        (view.person.name, "bold"),
        ("  " + role, "$text-secondary" if leading else "$text-muted"),
    ]
    if view.person.office:
        parts += ["\n    ", (view.person.office, "$text-muted")]
    return Content.assemble(*parts)
