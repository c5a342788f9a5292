"""Calendar events -> meetings: a plain `met:` touch for a past one, an interview note for a future one.

Pure, like plan.py. An event is a meeting with each contact among its organiser and
attendees (one who declined is not met); a cancelled event, one the seeker declined, and
one with more than five other people (a talk, a team meeting) are not.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Vault
from .people import Directory
from .plan import Touchpoint, block_id, local_time
from .records import Event
from .tally import BLAST, Counts


_VIDEO = re.compile(r"https?://|\b(zoom|teams|meet|webex|whereby|jitsi|hangouts?|video)\b", re.I)


@dataclass(frozen=True, slots=True)
class Meeting:
    """A future meeting with a contact that has no interview note on its day: one to create."""

    path: str  # the contact's note
    day: dt.date
    time: dt.time | None
    minutes: int | None
    location: str
    zone: str  # the IANA zone the time is in, or ""
    position: str

    @property
    def mode(self) -> str:
        """`video` for a meeting link or a video service's name; else left for the seeker to fill."""
        return "video" if _VIDEO.search(self.location) else ""


def _when(event: Event, my_zone, my_zone_name: str) -> tuple[dt.date, dt.time | None, str]:
    """The day, time and zone a meeting is written with: the event's own zone when it has one,
    else the seeker's; an all-day event has no time."""
    start = event.start
    if not isinstance(start, dt.datetime):
        return start, None, ""
    if event.zone or start.tzinfo is None:
        naive = start.replace(tzinfo=None)
        return naive.date(), naive.time(), event.zone
    moment = local_time(start, my_zone)
    return moment.date(), moment.time(), my_zone_name


def plan_meetings(vault: Vault, events, directory: Directory, counts: Counts, today: dt.date, my_zone,
                  my_zone_name: str) -> tuple[list[Touchpoint], list[Meeting]]:
    """The past meetings as touchpoints (plain, `met`), and the future ones that need a note."""
    points: list[Touchpoint] = []
    meetings: dict[tuple[str, dt.date], Meeting] = {}
    for event in events:
        counts.read += 1
        if event.cancelled:
            counts.skipped["cancelled"] += 1
            continue
        people = ([event.organizer] if event.organizer else []) + [a.party for a in event.attendees if not a.declined]
        if any(a.declined and directory.is_me(a.party) for a in event.attendees):
            counts.skipped["declined by you"] += 1
            continue
        others = list({p.address: p for p in people if not directory.is_me(p)}.values())
        if len(others) > BLAST:
            counts.skipped[f"with more than {BLAST} people"] += 1
            continue
        paths = []
        for party in others:
            found = directory.contacts_of(party)
            if len(found) == 1:
                paths.append(found[0])
            elif found:
                counts.ambiguous[party.shown()] = (found, counts.ambiguous.get(party.shown(), (found, 0))[1] + 1)
            else:
                counts.stranger(party)
        if not paths:
            counts.skipped["not with a contact"] += 1
            continue
        day, at, zone = _when(event, my_zone, my_zone_name)
        for path in dict.fromkeys(paths):
            if day >= today:
                if any(i.date == day for i in vault.interviews_with(path)) or (path, day) in meetings:
                    counts.already += 1
                    continue
                meetings[(path, day)] = Meeting(path, day, at, event.minutes, event.location, zone, event.position)
                continue
            moment = local_time(event.start, my_zone) if isinstance(event.start, dt.datetime) else \
                dt.datetime.combine(event.start, dt.time(0))
            key = f"event:{event.uid}" + (f":{moment.date().isoformat()}" if event.recurring else "")
            points.append(Touchpoint(path, moment, None, "met", event.summary, block_id(key), event.position))
    return sorted(points, key=lambda p: (p.moment, p.position)), list(meetings.values())
