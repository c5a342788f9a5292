"""Parsed notes + config -> the vault model: resolved people, interviews and touches."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter
from dataclasses import dataclass, field, replace

from ..config import Config
from ..errors import ERROR, WARNING, Problem
from ..links import md_link, name_key, name_of, note_name
from ..index.kind import Classifier
from ..index.markdown import Link
from ..index.note import Note
from .companies import OPPORTUNITY_KEYS, Company, CompanyNames, Opportunity, read_companies
from .contacts import CONTACT_KEYS, is_own_note, read_contact, unknown_status_warning
from .entities import Contact, Interview, PersonRef, Touch
from .interactions import interaction_touches, with_their_keys
from .interviews import read_interview
from .resolve import NameIndex, relative_link
from .touches import daily_touches, last_contact_touch, log_touches


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

    def touches_of(self, contact_path: str) -> tuple[Touch, ...]:
        return self._touches_by_contact.get(contact_path, ())

    def interviews_with(self, contact_path: str) -> tuple[Interview, ...]:
        return self._interviews_by_contact.get(contact_path, ())

    def interview(self, path: str) -> Interview | None:
        return self._interviews_by_path.get(path)

    def find_company(self, name: str) -> Company | None:
        """The company a written name (or alias, or link) means, if the vault knows it."""
        names = self.company_names or CompanyNames(self.companies)
        return self.companies.get(names.key_of(name))

    def opportunities_at(self, key: str) -> tuple[Opportunity, ...]:
        return tuple(o for o in self.opportunities if o.company == key)

    def resolve(self, name: str) -> tuple[str, ...]:
        """Contact paths a written name may mean (empty: none; several: ambiguous)."""
        return self.names.candidates(name)


def build_vault(notes: Iterable[Note], config: Config, problems: Iterable[Problem] = ()) -> Vault:
    classifier = Classifier(config)
    return assemble_vault([(note, classifier.kind(note)) for note in notes], config, problems)


def assemble_vault(classified: Iterable[tuple[Note, str | None]], config: Config, problems: Iterable[Problem] = (),
                   note_count: int | None = None) -> Vault:
    """The model from notes already classified (the note store keeps each note's kind).

    Notes of no kind only count and carry errors, so a caller may leave out
    those without problems and give `note_count` instead.
    """
    classifier = Classifier(config)
    found: list[Problem] = list(problems)
    contact_notes, interview_notes, daily_notes, interaction_notes = [], [], [], []
    company_notes, opportunity_notes = [], []
    keys = config.mapping.keys
    count = 0
    for note, kind in classified:
        count += 1
        if note.problems:  # SPEC: the rest of a vault is not linted; only unreadable notes are errors everywhere
            found += (p for p in note.problems if kind is not None or p.severity == ERROR)
        if kind is not None and kind != "daily" and keys:
            note = with_their_keys(note, keys)
        if kind == "contact":
            contact_notes.append(with_their_keys(note, CONTACT_KEYS))
        elif kind == "interview":
            interview_notes.append(note)
        elif kind == "daily":
            daily_notes.append(note)
        elif kind == "interaction":
            interaction_notes.append(note)
        elif kind == "company":
            company_notes.append(note)
        elif kind == "opportunity":
            opportunity_notes.append(note)

    contacts, own, unknown_statuses = [], [], {}
    for note in sorted(contact_notes, key=lambda n: n.path):
        scratch: list[Problem] = []
        words: dict[str, list] = {}
        contact = read_contact(note, scratch, config.mapping, words)
        if is_own_note(note, contact, config.me.name):  # the seeker is nobody's contact
            own.append(contact)
            continue
        contacts.append(contact)
        found += scratch
        for word, uses in words.items():
            unknown_statuses.setdefault(word, []).extend(uses)
    found += filter(None, [unknown_status_warning(unknown_statuses)])
    if own:
        contact_notes = [n for n in contact_notes if n.path not in {c.path for c in own}]
    names, own_names, my_name = NameIndex(contacts), NameIndex(own), name_key(config.me.name)
    _report_shared_names(contacts, {n.path: n for n in contact_notes}, found)

    by_path = {c.path: c for c in contacts}

    def resolve(ref: PersonRef, source: str, what: str, warn_missing: bool) -> PersonRef:
        """The person a written name means: once resolved, named by their note (SPEC: Links)."""
        link = md_link(ref.written) if "](" in ref.written else None
        match = names.match_link(link[1], source) if link else names.match(ref.name)
        if len(match.paths) == 1:
            path = match.paths[0]
            if match.stale_folder:
                name = note_name(path)
                better = (f"({relative_link(path, source)})" if link else
                          f"[[{name if names.candidates(name) == (path,) else path[:-3]}]]")
                found.append(Problem(source, ref.line, WARNING,
                                     f"{what} {ref.written!r}: the link's folder is stale (no note is there); "
                                     f"matched by name to {path}; update the link to {better}"))
            return PersonRef(ref.written, by_path[path].name, path, ref.line)
        if (my_name and name_key(ref.name) == my_name) or (
                own and (own_names.match_link(link[1], source) if link else own_names.match(ref.name)).paths):
            return ref  # the seeker, named among the people at a meeting
        if match.paths:
            found.append(Problem(source, ref.line, WARNING,
                                 f"{what} {ref.written!r} could be any of {', '.join(match.paths)}; "
                                 f"link one by its path, e.g. [[{match.paths[0][:-3]}]]"))
        elif warn_missing:
            found.append(Problem(source, ref.line, WARNING,
                                 f"{what} {ref.written!r} matches no contact's file name, name or alias"))
        if "[[" in ref.written and "/" in ref.name:  # someone with no note: `[[Leads/Omar Ali]]` is Omar Ali
            return replace(ref, name=note_name(ref.name))
        return ref

    def resolve_all(refs, source: str, what: str, warn_missing: bool) -> tuple[PersonRef, ...]:
        """Each named person resolved; an entry with no name in it (`[[|x]]`) is dropped with a warning."""
        kept = []
        for ref in refs:
            if ref.name:
                kept.append(resolve(ref, source, what, warn_missing))
            else:
                found.append(Problem(source, ref.line, WARNING, f"{what} {ref.written!r} names nobody; ignored"))
        return tuple(kept)

    contacts = [replace(c, referred_by=resolve_all(c.referred_by, c.path, "referred_by", True)) for c in contacts]
    by_path = {c.path: c for c in contacts}

    companies, opportunities, company_names = read_companies(
        company_notes, [with_their_keys(n, OPPORTUNITY_KEYS) for n in opportunity_notes], contacts, config,
        lambda ref, source, what: resolve(ref, source, what, True), found)

    interviews = []
    for note in interview_notes:
        interview = read_interview(note, found)
        if interview is None:
            continue
        if not interview.contact.name:
            found.append(Problem(note.path, interview.contact.line, ERROR,
                                 f"contact {interview.contact.written!r} names nobody; interview skipped"))
            continue
        person = resolve(interview.contact, note.path, "contact", True)
        contact = by_path.get(person.path)
        interviews.append(replace(
            interview,
            contact=person,
            referrals=resolve_all(interview.referrals, note.path, "referral", False),
            field=interview.field or (contact.field if contact else ""),
            company=interview.company or (contact.company if contact else ""),
        ))
    interviews.sort(key=lambda i: (i.date, i.path))

    touches: list[Touch] = []
    log_headings = {h.casefold() for h in config.log_headings}
    for note in contact_notes:
        touches += log_touches(note, note.path, log_headings, config.daily_format, found, config.mapping)

    def resolve_mention(link: Link, source: str) -> str | None:
        if not link.written:
            match = names.match(link.target)
            if len(match.paths) == 1 and not match.stale_folder:  # the common case, with nothing to warn of
                return match.paths[0]
        written = link.written or f"[[{link.target}]]"
        return resolve(PersonRef(written, name_of(written), None, link.line), source, "link", False).path

    for note in daily_notes:
        touches += daily_touches(note, classifier.daily_date(note.path), resolve_mention, found)
    for note in interaction_notes:
        touches += interaction_touches(note, config.mapping, lambda ref, source: resolve(ref, source, "contact", True),
                                       found)
    touches += _last_contacts(contact_notes, touches, interviews, found)
    touches.sort(key=attrgetter("date", "contact", "source", "line"))  # in C: 4,500 touches

    touches_by, interviews_by = defaultdict(list), defaultdict(list)
    for touch in touches:
        touches_by[touch.contact].append(touch)
    for interview in interviews:
        if interview.contact.path:
            interviews_by[interview.contact.path].append(interview)
    return Vault(
        config=config,
        contacts=by_path,
        interviews=tuple(interviews),
        touches=tuple(touches),
        problems=tuple(sorted(set(found))),
        note_count=count if note_count is None else note_count,
        names=names,
        _touches_by_contact={k: tuple(v) for k, v in touches_by.items()},
        _interviews_by_contact={k: tuple(v) for k, v in interviews_by.items()},
        _interviews_by_path={i.path: i for i in interviews},
        companies=companies,
        opportunities=opportunities,
        company_names=company_names,
    )


def _report_shared_names(contacts: list[Contact], notes: dict[str, Note], problems: list[Problem]) -> None:
    first: dict[str, str] = {}
    for contact in contacts:
        key = name_key(contact.name)
        if key in first:
            problems.append(Problem(contact.path, notes[contact.path].line_of("name"), WARNING,
                                    f"another contact, {first[key]}, is also named {contact.name!r}; "
                                    "links by that name are ambiguous"))
        else:
            first[key] = contact.path


def _last_contacts(notes: list[Note], touches: list[Touch], interviews: list[Interview],
                   problems: list[Problem]) -> list[Touch]:
    """Each contact's last-contact property, as a plain touch when nothing else is recorded that day or
    after: a property that mirrors the Log's newest row must not read as an answer to it."""
    latest: dict[str, object] = {}
    for when, path in [(t.date, t.contact) for t in touches] + [(i.date, i.contact.path) for i in interviews]:
        if path and (path not in latest or when > latest[path]):
            latest[path] = when
    found = []
    for note in notes:
        touch = last_contact_touch(note, note.path, problems)
        if touch is not None and (note.path not in latest or touch.date > latest[note.path]):
            found.append(touch)
    return found
