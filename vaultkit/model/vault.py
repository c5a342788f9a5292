"""Parsed notes + config -> the vault model: resolved people, interviews and touches."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter
from dataclasses import dataclass, field, replace

from ..config import Config
from ..errors import ERROR, WARNING, Problem
from ..index.kind import Classifier
from ..index.note import Note
from ..links import name_key
from .companies import OPPORTUNITY_KEYS, Company, CompanyNames, Opportunity, read_companies
from .contacts import is_own_note, unknown_status_warning
from .entities import Contact, Interview, Touch
from .facts import INTERVIEW_FIELDS, NoteFacts, facts_of
from .interactions import interaction_touches, with_their_keys
from .resolve import NameIndex
from .resolver import Resolver
from .touches import daily_touches


_PROBLEM_ORDER = attrgetter("path", "line", "severity", "message")  # Problem's own order, compared in C
_CONTACT, _REFERRALS, _FIELD, _COMPANY = map(INTERVIEW_FIELDS.index, ("contact", "referrals", "field", "company"))


@dataclass(frozen=True)
class Vault:
    """Everything the rules need, computed once; no method reads a file."""

    config: Config
    contacts: dict[str, Contact]  # by note path, in path order
    interviews: tuple[Interview, ...]  # by date, then path
    touches: tuple[Touch, ...]  # by date, then contact, source and line
    problems: tuple[Problem, ...]  # sorted by path and line
    note_count: int
    names: NameIndex = field(repr=False)
    _touches_by_contact: dict = field(repr=False, default_factory=dict)
    _interviews_by_contact: dict = field(repr=False, default_factory=dict)
    _interviews_by_path: dict = field(repr=False, default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)  # by company_key, in name order
    opportunities: tuple[Opportunity, ...] = ()  # by path
    company_names: CompanyNames | None = field(repr=False, default=None)
    conversation_notes: int = 0  # interaction notes read (one per conversation)

    def find_company(self, name: str) -> Company | None:
        """The company a written name (or alias, or link) means, if the vault knows it."""
        names = self.company_names or CompanyNames(self.companies)
        return self.companies.get(names.key_of(name))

    def opportunities_at(self, key: str) -> tuple[Opportunity, ...]:
        return tuple(o for o in self.opportunities if o.company == key)

    def touches_of(self, contact_path: str) -> tuple[Touch, ...]:
        return self._touches_by_contact.get(contact_path, ())

    def interviews_with(self, contact_path: str) -> tuple[Interview, ...]:
        return self._interviews_by_contact.get(contact_path, ())

    def interview(self, path: str) -> Interview | None:
        return self._interviews_by_path.get(path)

    def resolve(self, name: str) -> tuple[str, ...]:
        """Contact paths a written name may mean (empty: none; several: ambiguous)."""
        return self.names.candidates(name)


def build_vault(notes: Iterable[Note], config: Config, problems: Iterable[Problem] = ()) -> Vault:
    classifier = Classifier(config)
    return assemble_vault([facts_of(note, classifier.kind(note), config) for note in notes], config, problems)


def assemble_vault(facts: Iterable[NoteFacts], config: Config, problems: Iterable[Problem] = (),
                   note_count: int | None = None) -> Vault:
    """The model from the facts of each note (facts.py), which resolve only here, with every note known.

    Notes of no kind only count and carry errors, so a caller may leave out
    those without problems and give `note_count` instead.
    """
    found: list[Problem] = list(problems)
    notes = _sorted_by_kind(facts, found)
    contacts, own = _read_contacts(notes, config, found)
    people = Resolver(contacts, own, config.me.name, found)
    _report_shared_names(contacts, {n.path: n.contact.name_line for n in notes.contacts}, found)
    contacts = [replace(c, referred_by=people.people(c.referred_by, c.path, "referred_by", True)) for c in contacts]
    by_path = {c.path: c for c in contacts}
    companies = read_companies([n.note for n in notes.companies],
                               [with_their_keys(n.note, OPPORTUNITY_KEYS) for n in notes.opportunities],
                               contacts, config, lambda ref, source, what: people.person(ref, source, what, True), found)
    interviews = _read_interviews(notes.interviews, by_path, people, found)
    touches = _read_touches(notes, config, people, interviews, found)
    return _vault(config, by_path, interviews, touches, found,
                  notes.count if note_count is None else note_count, people.names, companies, len(notes.interactions))


@dataclass
class _ByKind:
    """A vault's notes of each kind the model reads, as facts, in the order given, and how many notes there were."""

    contacts: list[NoteFacts] = field(default_factory=list)
    interviews: list[NoteFacts] = field(default_factory=list)
    daily: list[NoteFacts] = field(default_factory=list)
    interactions: list[NoteFacts] = field(default_factory=list)
    companies: list[NoteFacts] = field(default_factory=list)
    opportunities: list[NoteFacts] = field(default_factory=list)
    count: int = 0


def _sorted_by_kind(facts: Iterable[NoteFacts], found: list[Problem]) -> _ByKind:
    """Each note's facts to its kind's list, and its own problems to `found`."""
    notes = _ByKind()
    lists = {"contact": notes.contacts, "interview": notes.interviews, "daily": notes.daily,
             "interaction": notes.interactions, "company": notes.companies, "opportunity": notes.opportunities}
    for note in facts:
        notes.count += 1
        found += note.problems
        kind_list = lists.get(note.kind)
        if kind_list is not None:
            kind_list.append(note)
    return notes


def _read_contacts(notes: _ByKind, config: Config, found: list[Problem]) -> tuple[list[Contact], list[Contact]]:
    """(contacts, the seeker's own notes), in path order. The seeker's own notes leave `notes.contacts`:
    nothing of theirs is a touch, and what reading them found is not reported."""
    contacts, own, unknown_statuses = [], [], {}
    notes.contacts.sort(key=lambda n: n.path)
    kept = []
    for note in notes.contacts:
        facts = note.contact
        if is_own_note(facts.says_me, facts.contact, config.me.name):  # the seeker is nobody's contact
            own.append(facts.contact)
            continue
        kept.append(note)
        contacts.append(facts.contact)
        found += note.found
        for word, uses in facts.unknown_statuses:
            unknown_statuses.setdefault(word, []).extend(uses)
    found += filter(None, [unknown_status_warning(unknown_statuses)])
    notes.contacts = kept
    return contacts, own


def _read_interviews(notes: list[NoteFacts], contacts: dict[str, Contact], people: Resolver,
                     found: list[Problem]) -> list[Interview]:
    """Each readable interview with its people resolved, its field and company its contact's when it
    names none; by date, then path."""
    interviews = []
    for note in notes:
        found += note.found
        if note.interview is None:
            continue
        values = list(note.interview)  # the facts stay as they were: a daemon builds the model again from them
        written = values[_CONTACT]
        if not written.name:
            found.append(Problem(note.path, written.line, ERROR,
                                 f"contact {written.written!r} names nobody; interview skipped"))
            continue
        person = people.person(written, note.path, "contact", True)
        contact = contacts.get(person.path)
        values[_CONTACT] = person
        values[_REFERRALS] = people.people(values[_REFERRALS], note.path, "referral", False)
        if contact is not None:
            values[_FIELD] = values[_FIELD] or contact.field
            values[_COMPANY] = values[_COMPANY] or contact.company
        interviews.append(Interview(*values))
    interviews.sort(key=lambda i: (i.date, i.path))
    return interviews


def _read_touches(notes: _ByKind, config: Config, people: Resolver, interviews: list[Interview],
                  found: list[Problem]) -> list[Touch]:
    """Every touch: contacts' Logs, daily notes, interaction notes, then last-contact properties;
    by date, then contact, source and line."""
    touches: list[Touch] = []
    for note in notes.contacts:
        touches += note.contact.touches
    classifier = Classifier(config)
    for note in notes.daily:
        touches += daily_touches(note.path, note.mentions, classifier.daily_date(note.path), people.mention, found)
    for note in notes.interactions:
        touches += interaction_touches(note.note, config.mapping, people.contact, found)
    touches += _last_contacts(notes.contacts, touches, interviews)
    touches.sort(key=attrgetter("date", "contact", "source", "line"))  # in C: 4,500 touches
    return touches


def _vault(config: Config, contacts: dict[str, Contact], interviews: list[Interview], touches: list[Touch],
           found: list[Problem], note_count: int, names: NameIndex,
           companies: tuple[dict[str, Company], tuple[Opportunity, ...], CompanyNames],
           conversation_notes: int = 0) -> Vault:
    touches_by, interviews_by = defaultdict(list), defaultdict(list)
    for touch in touches:
        touches_by[touch.contact].append(touch)
    for interview in interviews:
        if interview.contact.path:
            interviews_by[interview.contact.path].append(interview)
    return Vault(
        config=config,
        contacts=contacts,
        interviews=tuple(interviews),
        touches=tuple(touches),
        problems=tuple(sorted(set(found), key=_PROBLEM_ORDER)),
        note_count=note_count,
        names=names,
        companies=companies[0],
        opportunities=companies[1],
        company_names=companies[2],
        conversation_notes=conversation_notes,
        _touches_by_contact={k: tuple(v) for k, v in touches_by.items()},
        _interviews_by_contact={k: tuple(v) for k, v in interviews_by.items()},
        _interviews_by_path={i.path: i for i in interviews},
    )


def _report_shared_names(contacts: list[Contact], name_lines: dict[str, int], problems: list[Problem]) -> None:
    first: dict[str, str] = {}
    for contact in contacts:
        key = name_key(contact.name)
        if key in first:
            problems.append(Problem(contact.path, name_lines[contact.path], WARNING,
                                    f"another contact, {first[key]}, is also named {contact.name!r}; "
                                    "links by that name are ambiguous"))
        else:
            first[key] = contact.path


def _last_contacts(notes: list[NoteFacts], touches: list[Touch], interviews: list[Interview]) -> list[Touch]:
    """Each contact's last-contact property, as a plain touch when nothing else is recorded that day or
    after: a property that mirrors the Log's newest row must not read as an answer to it."""
    latest: dict[str, object] = {}
    for when, path in [(t.date, t.contact) for t in touches] + [(i.date, i.contact.path) for i in interviews]:
        if path and (path not in latest or when > latest[path]):
            latest[path] = when
    found = []
    for note in notes:
        touch = note.contact.last_contact
        if touch is not None and (note.path not in latest or touch.date > latest[note.path]):
            found.append(touch)
    return found
