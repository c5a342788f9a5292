"""The job search as plain values: contacts, interviews, touches."""
from __future__ import annotations

from dataclasses import dataclass
import datetime as dt

from ..dates import Cadence
from ..mapping import CONTACT_STATUSES  # re-exported: the model names the statuses it reads

INTERVIEW_STATUSES = ("requested", "scheduled", "confirmed", "done", "cancelled", "no-show")
DONE_AHEAD = "done-ahead"  # marked done, dated after today
TOUCH_KINDS = ("outreach", "reply", "thanks", "checkin", "update")


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person named in a note, and the contact note that name resolves to (if any)."""

    written: str  # as in the note: `[[Omar Ali|Omar]]`
    name: str  # without link syntax: `Omar Ali`
    path: str | None  # the contact's note, or None when no note matches
    line: int


@dataclass(frozen=True, slots=True)
class Contact:
    path: str
    name: str
    aliases: tuple[str, ...] = ()
    company: str = ""
    role: str = ""
    field: str = ""
    email: str = ""  # the first of `emails`: where a draft goes
    emails: tuple[str, ...] = ()  # every address in `email` (SPEC: a list, all of them theirs)
    phone: str = ""
    linkedin: str = ""
    location: str = ""
    met_via: str = ""
    referred_by: tuple[PersonRef, ...] = ()
    status: str = "active"  # a word vaultkit does not know reads as active (one warning for the vault)
    stay_in_touch: Cadence | None = None  # None: the config's default
    snooze_until: dt.date | None = None
    tags: tuple[str, ...] = ()
    past_companies: tuple[str, ...] = ()  # where they worked before, as written (link syntax taken off)

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True, slots=True)
class Interview:
    path: str
    contact: PersonRef
    date: dt.date
    date_line: int = 1  # where `date` is written, for problems found as of a day
    time: dt.time | None = None
    timezone: str | None = None  # IANA name; None: not written ([me] timezone applies); "": unknown, so floating
    duration: int = 30
    mode: str = ""
    location: str = ""
    status: str | None = None  # None: not written, so it follows from the date
    thank_you_sent: dt.date | bool | None = None  # True: sent, date not recorded
    referrals: tuple[PersonRef, ...] = ()
    may_use_name: bool = True
    field: str = ""
    company: str = ""
    has_questions: bool = False
    has_takeaways: bool = False
    has_reflection: bool = False
    questions: tuple[str, ...] = ()
    takeaways: tuple[str, ...] = ()
    reflection: tuple[str, ...] = ()
    next_steps: tuple[tuple[str, bool], ...] = ()  # (task text, done)

    def status_on(self, today: dt.date) -> str:
        """SPEC: when absent, `done` if the date is past, else `scheduled`. A `done` dated after
        today has not happened yet, so it is neither upcoming nor met (the rules warn about it)."""
        if self.status:
            return DONE_AHEAD if self.status == "done" and self.date > today else self.status
        return "done" if self.date < today else "scheduled"


@dataclass(frozen=True, slots=True)
class Touch:
    """A dated interaction with a contact, from a Log item or a daily note."""

    contact: str  # the contact's note path
    date: dt.date
    kind: str | None  # one of TOUCH_KINDS, or None for a plain touch
    text: str
    source: str  # the note it was written in
    line: int

    @property
    def from_them(self) -> bool:
        """Whether the contact wrote it (a reply); every other kind of touch is the seeker's."""
        return self.kind == "reply"
