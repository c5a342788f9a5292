"""What the model reads from one note on its own: the note's facts, before any name in it is resolved.

A note's facts depend on its bytes, its path and the vault's settings, never on
another note. So a run can build the model from the facts the last run kept
(known_facts.py) and read again only the notes that changed; assemble_vault
(vault.py) then does what needs every note at once: resolve names, order
touches, find the seeker's own note. A contact's Log, an interview's fields and
sections, a daily note's mentions: each is worked out here, once per version of
the note.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from ..config import Config
from ..errors import ERROR, Problem
from ..index.markdown import Link
from ..index.note import Note
from .contacts import CONTACT_KEYS, read_contact, says_it_is_me
from .entities import Contact, Interview, Touch
from .interactions import with_their_keys
from .interviews import interview_fields
from .touches import last_contact_touch, log_touches, touch_kind


INTERVIEW_FIELDS = tuple(f.name for f in fields(Interview))  # a few thousand are kept: without the names


@dataclass(frozen=True, slots=True)
class Mention:
    """A daily note's list item that links someone: a touch with each contact its links mean."""

    links: tuple[Link, ...]
    kind: str | None
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ContactFacts:
    contact: Contact  # as written: `referred_by` is resolved once every contact is known
    says_me: bool  # `relationship: me`: the seeker's own note whatever [me] name says
    name_line: int  # where `name` is written, for a warning about a shared name
    unknown_statuses: tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]  # status word -> its uses
    touches: tuple[Touch, ...]  # the Log's
    last_contact: Touch | None  # the last-contact property's


@dataclass(frozen=True, slots=True)
class NoteFacts:
    path: str
    kind: str | None
    problems: tuple[Problem, ...]  # the note's own problems that every run reports
    found: tuple[Problem, ...] = ()  # what reading it as its kind found (not reported for the seeker's own note)
    contact: ContactFacts | None = None
    interview: tuple | None = None  # an Interview's fields as written, in INTERVIEW_FIELDS order; None: not readable
    mentions: tuple[Mention, ...] = ()  # a daily note's
    note: Note | None = None  # an interaction, company or opportunity note, which the model reads whole


def facts_of(note: Note, kind: str | None, config: Config) -> NoteFacts:
    """The facts of `note`, of the kind the index gave it."""
    # SPEC: the rest of a vault is not linted; only unreadable notes are errors everywhere
    problems = note.problems if kind is not None else tuple(p for p in note.problems if p.severity == ERROR)
    keys = config.mapping.keys
    if kind is not None and kind != "daily" and keys:
        note = with_their_keys(note, keys)
    if kind == "contact":
        return _contact(note, kind, problems, config)
    found: list[Problem] = []
    if kind == "interview":
        fields = interview_fields(note, found)
        return NoteFacts(note.path, kind, problems, tuple(found),
                         interview=None if fields is None else tuple(fields[name] for name in INTERVIEW_FIELDS))
    if kind == "daily":
        return NoteFacts(note.path, kind, problems, mentions=mentions_of(note))
    if kind in ("interaction", "company", "opportunity"):
        return NoteFacts(note.path, kind, problems, note=note)
    return NoteFacts(note.path, kind, problems)


def _contact(note: Note, kind: str, problems: tuple[Problem, ...], config: Config) -> NoteFacts:
    note = with_their_keys(note, CONTACT_KEYS)
    found: list[Problem] = []
    words: dict[str, list] = {}
    contact = read_contact(note, found, config.mapping, words)
    log_headings = {h.casefold() for h in config.log_headings}
    touches = log_touches(note, note.path, log_headings, config.daily_format, found, config.mapping)
    facts = ContactFacts(contact, says_it_is_me(note), note.line_of("name"),
                         tuple((word, tuple(uses)) for word, uses in words.items()),
                         tuple(touches), last_contact_touch(note, note.path, found))
    return NoteFacts(note.path, kind, problems, tuple(found), contact=facts)


def mentions_of(note: Note) -> tuple[Mention, ...]:
    """Each list item of a daily note that links someone (an open task is a plan, not a touch)."""
    body = note.body
    if body is None:
        return ()
    return tuple(Mention(tuple(dict.fromkeys(item.links)), touch_kind(item.tags), item.text, item.line)
                 for item in body.items if item.task != " " and item.links)
