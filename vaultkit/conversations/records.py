"""Conversations as plain values: what the readers give the plan, headers only, never a body."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EMAIL, LINKEDIN, CALENDAR = "email", "linkedin", "calendar"


@dataclass(frozen=True, slots=True)
class Party:
    """Someone on a message: an address (an email, casefolded; or a LinkedIn profile URL made
    plain by `plain_profile`) and the name shown with it."""

    address: str
    name: str = ""

    def shown(self) -> str:
        return f"{self.name} <{self.address}>" if self.name and self.address else self.name or self.address


@dataclass(frozen=True, slots=True)
class Message:
    """One email or LinkedIn message."""

    source: str  # EMAIL or LINKEDIN
    position: str  # where it was read: `Inbox.mbox:1234`, `messages.csv:17`, `cur/1700000000.M1P2.host`
    when: dt.datetime | None  # as sent, with a zone when the header gives one; None: not read (no contact in it)
    sender: Party
    recipients: tuple[Party, ...]  # To and Cc (and Bcc, in a copy the seeker sent)
    subject: str
    key: str  # what its block id comes from: Message-ID, or LinkedIn's conversation id
    automated: str = ""  # why it is not a person writing (a header named), or ""
    draft: bool = False  # never sent: a Drafts folder or label
    group: bool = False  # a LinkedIn conversation of more than two people


@dataclass(frozen=True, slots=True)
class Attendee:
    party: Party
    declined: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One occurrence of a calendar event."""

    position: str  # `calendar.ics:120`
    uid: str
    start: dt.datetime | dt.date  # a date: an all-day event
    minutes: int | None  # how long; None when it does not say
    summary: str
    location: str  # the place, or a meeting link
    zone: str  # the IANA zone its time is written in, or "" (floating, UTC or unknown)
    organizer: Party | None
    attendees: tuple[Attendee, ...]
    recurring: bool = False  # one occurrence of a repeating event
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A message or event that could not be read: skipped, counted and named with its reason."""

    position: str
    reason: str
