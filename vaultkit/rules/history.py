"""What has happened with each person, as of a given day: the questions rules ask.

A meeting is a done interview; it counts as a touch wherever a rule asks for
one. An answer to an outreach is any later touch that is not an outreach, or
any interview dated on or after it.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cached_property

from ..links import name_key
from ..model import Interview, Touch, Vault


def person_key(path: str | None, name: str) -> str:
    """A person: their note's path, or their name for someone with no note."""
    return path or f"name:{name_key(name)}"


class History:
    def __init__(self, vault: Vault, today: date):
        self.vault = vault
        self.today = today
        self.rules = vault.config.rules
        self._last_contacts: dict[str | None, date | None] = {}

    @cached_property
    def done(self) -> tuple[Interview, ...]:
        return tuple(i for i in self.vault.interviews if i.status_on(self.today) == "done")

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

    def touches(self, path: str) -> tuple[Touch, ...]:
        return self.vault.touches_of(path)

    def in_touch_since(self, path: str, day: date) -> bool:
        """Any touch or meeting dated on or after `day`."""
        last = self.last_contact(path)
        return last is not None and last >= day

    def last_contact(self, path: str) -> date | None:
        """The date of the latest touch or meeting (worked out once per person: rules ask it of
        every referrer of every meeting)."""
        if path not in self._last_contacts:
            dates = [t.date for t in self.touches(path)] + [m.date for m in self.meetings(path)]
            self._last_contacts[path] = max(dates) if dates else None
        return self._last_contacts[path]

    def unanswered(self, path: str) -> list[Touch]:
        """The outreaches after the last answer, oldest first (an answer on the same day counts)."""
        answers = [t.date for t in self.touches(path) if t.kind != "outreach"]
        answers += [i.date for i in self.vault.interviews_with(path)]
        last_answer = max(answers) if answers else None
        return [t for t in self.touches(path) if t.kind == "outreach" and (last_answer is None or t.date > last_answer)]

    def gone_quiet(self, path: str) -> bool:
        return len(self.unanswered(path)) >= self.rules.max_unanswered

    def never_touched(self, path: str) -> bool:
        return not self.touches(path) and not self.vault.interviews_with(path)

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
        contact = self.vault.contacts[path]
        found = [r.path for r in contact.referred_by if r.path]
        found += [i.contact.path for i in self._referred_in.get(path, []) if i.contact.path]
        return [p for p in dict.fromkeys(found) if p != path]

    def interviews_named(self, name: str) -> list[Interview]:
        """Interviews with someone who has no note, by the name written in them."""
        key = name_key(name)
        return [i for i in self.vault.interviews if i.contact.path is None and name_key(i.contact.name) == key]
