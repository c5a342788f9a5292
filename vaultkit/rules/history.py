"""What has happened with each person, as of a given day: the questions rules ask.

A meeting is a done interview; it counts as a touch wherever a rule asks for
one. An answer to an outreach is any later touch that is not an outreach, or
any interview dated on or after it.

Each answer is worked out once per person (or per interview) and kept: the rules
ask the same questions of the same people many times (of every referrer of every
meeting, of every person on every warm path).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cached_property

from ..links import name_key
from ..model import Interview, Touch, Vault

UPCOMING = ("requested", "scheduled", "confirmed")


def is_upcoming(status: str, day: date, today: date) -> bool:
    """An interview still to happen: its status on the day requested, scheduled or confirmed, and
    dated today or later."""
    return status in UPCOMING and day >= today


def person_key(path: str | None, name: str) -> str:
    """A person: their note's path, or their name for someone with no note."""
    return path or f"name:{name_key(name)}"


class History:
    def __init__(self, vault: Vault, today: date):
        self.vault = vault
        self.today = today
        self.rules = vault.config.rules
        self._last_contacts: dict[str | None, date | None] = {}
        self._unanswered: dict[str, list[Touch]] = {}
        self._referrers: dict[str, list[str]] = {}
        self.touches = vault.touches_of  # (path) -> the contact's touches, by date

    @cached_property
    def statuses(self) -> tuple[str, ...]:
        """Each interview's status as of the day, in the order of `vault.interviews`."""
        today = self.today
        return tuple(i.status_on(today) for i in self.vault.interviews)

    @cached_property
    def done(self) -> tuple[Interview, ...]:
        return tuple(i for i, status in zip(self.vault.interviews, self.statuses) if status == "done")

    @cached_property
    def planned(self) -> frozenset[str]:
        """Contact paths with an interview still to happen (requested, scheduled or confirmed, today or later)."""
        today = self.today
        return frozenset(i.contact.path for i, status in zip(self.vault.interviews, self.statuses)
                         if is_upcoming(status, i.date, today) and i.contact.path)

    @cached_property
    def _meetings(self) -> dict[str, list[Interview]]:
        by_contact = defaultdict(list)
        for interview in self.done:
            if interview.contact.path:
                by_contact[interview.contact.path].append(interview)
        return by_contact

    def meetings(self, path: str) -> list[Interview]:
        """Done interviews with the contact, oldest first."""
        return self._meetings.get(path, [])

    @cached_property
    def _thanks(self) -> dict[str, list[date]]:
        by_contact = defaultdict(list)
        for touch in self.vault.touches:  # by date
            if touch.kind == "thanks":
                by_contact[touch.contact].append(touch.date)
        return by_contact

    def thanks(self, path: str) -> list[date]:
        """The dates of the contact's #thanks touches, oldest first."""
        return self._thanks.get(path, [])

    def in_touch_since(self, path: str, day: date) -> bool:
        """Any touch or meeting dated on or after `day`."""
        last = self.last_contact(path)
        return last is not None and last >= day

    def last_contact(self, path: str) -> date | None:
        """The date of the latest touch or meeting."""
        if path not in self._last_contacts:
            touches, meetings = self.touches(path), self.meetings(path)  # each by date
            dates = ([touches[-1].date] if touches else []) + ([meetings[-1].date] if meetings else [])
            self._last_contacts[path] = max(dates) if dates else None
        return self._last_contacts[path]

    def unanswered(self, path: str) -> list[Touch]:
        """The outreaches after the last answer, oldest first (an answer on the same day counts)."""
        if path not in self._unanswered:
            touches = self.touches(path)
            answers = [t.date for t in touches if t.kind != "outreach"]
            answers += [i.date for i in self.vault.interviews_with(path)]
            last_answer = max(answers) if answers else None
            self._unanswered[path] = [t for t in touches if t.kind == "outreach"
                                      and (last_answer is None or t.date > last_answer)]
        return self._unanswered[path]

    def gone_quiet(self, path: str) -> bool:
        return len(self.unanswered(path)) >= self.rules.max_unanswered

    @cached_property
    def _touched(self) -> frozenset[str]:
        """Contact paths with a touch or an interview."""
        return frozenset({t.contact for t in self.vault.touches}
                         | {i.contact.path for i in self.vault.interviews if i.contact.path})

    def never_touched(self, path: str) -> bool:
        return path not in self._touched

    @cached_property
    def _referred_in(self) -> dict[str, list[Interview]]:
        """Person (path, or name key for someone with no note) -> done interviews that suggested them."""
        by_person = defaultdict(list)
        for interview in self.done:
            for ref in interview.referrals:
                by_person[person_key(ref.path, ref.name)].append(interview)
        return by_person

    def referrers(self, path: str) -> list[str]:
        """Contact paths of the person's referrers: their `referred_by`, and whoever suggested them."""
        if path not in self._referrers:
            contact = self.vault.contacts[path]
            found = [r.path for r in contact.referred_by if r.path]
            found += [i.contact.path for i in self._referred_in.get(path, []) if i.contact.path]
            self._referrers[path] = [p for p in dict.fromkeys(found) if p != path]
        return self._referrers[path]

    @cached_property
    def _named(self) -> dict[str, list[Interview]]:
        by_name = defaultdict(list)
        for interview in self.vault.interviews:
            if interview.contact.path is None:
                by_name[name_key(interview.contact.name)].append(interview)
        return by_name

    def interviews_named(self, name: str) -> list[Interview]:
        """Interviews with someone who has no note, by the name written in them."""
        return self._named.get(name_key(name), [])
