"""The kind of an imported touch, decided in date order: pure, from the model and what came before.

From the contact: `#reply`. From the seeker: `#thanks` within `thank_you_hours` + 24 h of a
done interview with them that has no thanks yet; else `#update` to a referrer whose
referral the seeker has met and not told of since; else `#outreach` to someone never
touched, or still waiting for an answer to the last outreach (so a second unanswered
message counts toward gone quiet, as a nudge does); else a plain touch.

"What came before" is the vault's touches dated on or before the message's day, and the
touches this import has decided so far. The vault's own items that this import would
write again (its block ids) are left out, so a second run decides exactly as the first.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..model import Interview, Vault
from ..rules.history import History

THANKS, UPDATE, OUTREACH, REPLY = "thanks", "update", "outreach", "reply"


class KindJudge:
    def __init__(self, vault: Vault, today: dt.date, replayed: dict[str, set[tuple[str, int]]] | None = None):
        """`replayed`: per contact, the (source, line) of the vault touches this import writes itself."""
        self.vault = vault
        self.today = today
        self.grace = dt.timedelta(hours=vault.config.rules.thank_you_hours + 24)
        replayed = replayed or {}
        self._touches: dict[str, list[tuple[dt.date, str | None]]] = defaultdict(list)
        for path in vault.contacts:
            skip = replayed.get(path, set())
            self._touches[path] = [(t.date, t.kind) for t in vault.touches_of(path) if (t.source, t.line) not in skip]
        history = History(vault, today)
        self._done = {path: [i for i in vault.interviews_with(path) if i.status_on(today) == "done"]
                      for path in vault.contacts}
        self._referred: dict[str, list[str]] = defaultdict(list)  # referrer -> the people they referred
        for path in vault.contacts:
            for referrer in history.referrers(path):
                self._referred[referrer].append(path)

    def record(self, path: str, day: dt.date, kind: str | None) -> None:
        self._touches[path].append((day, kind))

    def _before(self, path: str, day: dt.date) -> list[tuple[dt.date, str | None]]:
        return [t for t in self._touches[path] if t[0] <= day]

    def decide(self, path: str, moment: dt.datetime, from_me: bool) -> str | None:
        """The kind of a message with the contact at `moment` (the seeker's local time)."""
        if not from_me:
            return REPLY
        day = moment.date()
        touches = self._before(path, day)
        if self._thanks_due(path, moment, touches):
            return THANKS
        if self._update_due(path, day, touches):
            return UPDATE
        if self._awaiting(path, day, touches):
            return OUTREACH
        return None

    def _thanks_due(self, path: str, moment: dt.datetime, touches) -> bool:
        for interview in self._done.get(path, ()):
            start = _start(interview)
            if start <= moment <= start + self.grace and not interview.thank_you_sent \
                    and not any(kind == THANKS and day >= interview.date for day, kind in touches):
                return True
        return False

    def _update_due(self, path: str, day: dt.date, touches) -> bool:
        for person in self._referred.get(path, ()):
            for meeting in self._done.get(person, ()):
                if meeting.date > day:
                    continue
                told = any(d >= meeting.date for d, _ in touches) or any(
                    meeting.date <= i.date <= day for i in self._done.get(path, ()))
                if not told:
                    return True
        return False

    def _awaiting(self, path: str, day: dt.date, touches) -> bool:
        interviews = [i.date for i in self.vault.interviews_with(path) if i.date <= day]
        if not touches and not interviews:
            return True  # never touched
        answers = [d for d, kind in touches if kind != OUTREACH] + interviews
        last_answer = max(answers) if answers else None
        return any(kind == OUTREACH and (last_answer is None or d > last_answer) for d, kind in touches)


def _start(interview: Interview) -> dt.datetime:
    return dt.datetime.combine(interview.date, interview.time or dt.time(0))
