"""What an action kind is made of: the shape every module of this package fills in.

A rule makes an Action with its kind's name and its facts (the kind's `facts`
class, plain values); a renderer asks the kind's definition for words, never
the name: the headline from the facts, and for a kind that means writing to
someone, the draft's title and what its template is given.

Values here and in the kinds' modules are NamedTuples, not dataclasses: every run
that plans imports every kind, and defining a dataclass costs about six times as
much (measured: 13 of them added 8-13 ms to each report that plans).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from ..wording import long_date, relative_day, short_day


class Tier(NamedTuple):
    """Where a kind stands among what is due now: what costs most if late comes first."""

    rank: int
    title: str  # its heading in Follow-ups.md


# The 24-hour and day-before windows, then what memory loses, then messages to people,
# then the search as a whole.
THANKS_AND_CONFIRMATIONS = Tier(0, "Thank-yous and confirmations")
WHILE_YOU_REMEMBER = Tier(1, "Prepare, and write down while you remember")
MESSAGES = Tier(2, "Messages to people")
THE_SEARCH = Tier(3, "The search as a whole")
TIERS = (THANKS_AND_CONFIRMATIONS, WHILE_YOU_REMEMBER, MESSAGES, THE_SEARCH)


def _as_is(text: str) -> str:
    return text


class Words(NamedTuple):
    """What a headline is given besides its facts: the person as the page shows them, how the
    page shows text from notes (`text`) and what to type (`code`), and the day and time zone
    (`[me] timezone`) it is read in."""

    person: str
    today: date
    home: str = ""
    text: Callable[[str], str] = _as_is
    code: Callable[[str], str] = _as_is

    def day(self, day: date) -> str:
        """`Fri 13 Nov`."""
        return short_day(day, self.today)

    def relative(self, day: date) -> str:
        """`tomorrow's`, `Saturday's`, `the Mon 30 Nov`."""
        return relative_day(day, self.today)


class Message(NamedTuple):
    """A draft as its kind makes it from the facts; every draft is also given `me`, `contact` and `today`."""

    title: str  # its file name in Drafts/, without `.md`
    context: dict  # what its template is given besides those
    interview: str | None = None  # the interview note its front-matter links to


class Drafted(NamedTuple):
    """How a kind that means writing to someone is drafted."""

    template: str  # its file in default_templates/, and the name of the vault's own copy
    message: Callable[[Any, str], Message]  # (facts, the person's name) -> the draft
    sample: dict  # what `check` renders the vault's own copy with (besides `me` and `contact`): every name, none empty


class Kind(NamedTuple):
    """One kind of action, all of it: registered, in the order of docs/actions.md, in __init__.py."""

    name: str  # as the dashboard, the JSON and the calendar's UIDs write it
    facts: type  # what its rule computes for it: everything a renderer says
    tier: Tier  # where it stands in Follow-ups.md's "Do now"
    headline: Callable[[Any, Words], str]  # (facts, words) -> what to do, as one sentence without a final stop
    when: str  # docs/actions.md: "you see it when"
    due: str  # docs/actions.md: "due"
    draft: Drafted | None = None  # None: nobody to write to
    section: str = ""  # the dashboard section it shows in instead of its due group (`announce`)
    links_brief: bool = False  # its line links to the interview's brief


def person_values(name: str, contact: Any = None) -> dict:
    """A person as a template sees them: `name`, `first_name`, and what their note says (all "" with no note)."""
    fields = ("company", "role", "email", "phone", "linkedin", "location", "field")
    info = {f: getattr(contact, f) if contact else "" for f in fields}
    return {"name": name, "first_name": name.split()[0] if name.split() else name, **info}


def day_values(day: date) -> dict:
    """A day as a template sees it: `date` (2026-11-12) and `date_long` (12 November 2026)."""
    return {"date": day.isoformat(), "date_long": long_date(day)}
