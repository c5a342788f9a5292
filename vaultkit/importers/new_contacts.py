"""`vaultkit import`: a new contact note for each person a file lists who is not in the vault yet.

A person is already there when their name (cleaned, see linkedin_vcard.clean_name), or the
name as the file gives it, is a contact's file name, name or alias, ignoring case and
accents, or when their email is a contact's. Such a note is never touched. Two rows with
the same name (or the same email) are one person: the first counts, the second is skipped
as a duplicate, so a second run of the same file adds nothing. The vault is read once;
each person planned joins the names and emails taken, so thousands of rows stay quick.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..errors import WARNING, Problem, VaultkitError
from ..index.frontmatter import normalise_key
from ..links import note_name
from ..model import Vault
from ..model.resolve import plain_key
from ..index.note import parse_note
from ..templates.check import SAMPLES
from ..templates.engine import Templates
from .linkedin_vcard import Person, read_linkedin, read_vcards
from ..edit.new import NewNote, new_contact

READERS = {"linkedin": (read_linkedin, "LinkedIn"), "vcard": (read_vcards, "address book")}
# What an imported note carries, by template name: a vault's own contact template should write them.
IMPORTED_KEYS = ("email", "company", "role", "linkedin", "phone", "met_via", "connected")


@dataclass(frozen=True)
class Matched:
    person: Person
    path: str  # the contact already in the vault
    by: str  # "name" or "email"


@dataclass(frozen=True)
class Skipped:
    problem: Problem  # `file:line: warning: why; skipped`
    why: str  # the short reason the summary counts


@dataclass
class ImportPlan:
    source: str
    new: list[tuple[Person, NewNote]] = field(default_factory=list)
    matched: list[Matched] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)  # imported, with something left out
    warnings: list[str] = field(default_factory=list)  # about the run, not a row

    def summary(self) -> str:
        def counted(counter: Counter) -> str:
            return ", ".join(f"{n} {why}" for why, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

        text = f"{self.source}: {len(self.new)} new, {len(self.matched)} already in the vault"
        if self.matched:
            text += f" ({counted(Counter(f'by {m.by}' for m in self.matched))})"
        text += f", {len(self.skipped)} skipped"
        if self.skipped:
            text += f" ({counted(Counter(s.why for s in self.skipped))})"
        return text + "."


def _emails(text: str) -> list[str]:
    return [e for e in re.split(r"[\s,;]+", text.casefold().removeprefix("mailto:")) if "@" in e]


def _taken(vault: Vault) -> tuple[dict[str, str], dict[str, str]]:
    """Every contact's names (file name, name, aliases) and emails, as compared -> its path."""
    names: dict[str, str] = {}
    emails: dict[str, str] = {}
    for path, contact in vault.contacts.items():
        for written in (note_name(path), contact.name, *contact.aliases):
            names.setdefault(plain_key(written), path)
        for email in (e for written in contact.emails for e in _emails(written)):
            emails.setdefault(email, path)
    return names, emails


def _template_gaps(templates: Templates, config_templates: str) -> list[str]:
    """A warning when the vault's own contact template leaves out a key an import fills."""
    if "contact.md" not in templates.own():
        return []
    problems_before = len(templates.problems)
    text = templates.render("contact.md", SAMPLES["contact.md"])
    if len(templates.problems) > problems_before:
        return []  # broken: the built-in one is used, and the problem says so
    props = parse_note("probe.md", text.encode("utf-8")).props
    missing = [key for key in IMPORTED_KEYS if normalise_key(key) not in props]
    if not missing:
        return []
    return [f"{config_templates}/contact.md does not write {', '.join(missing)}; the imported notes leave "
            f"{'it' if len(missing) == 1 else 'them'} out (add e.g. `{missing[0]}: {{{{ {missing[0]} | yaml }}}}`, "
            "see `vaultkit init` for the built-in template)"]


def plan_import(vault: Vault, templates: Templates, kind: str, data: bytes, source: str, *,
                today: date, met_via: str | None = None) -> ImportPlan:
    """What importing `data` (the bytes of `source`) would create, match and skip; writes nothing."""
    reader, default_met_via = READERS[kind]
    people, skipped, notices = reader(data, source)
    plan = ImportPlan(source, notices=notices, skipped=[Skipped(p, "bad row" if kind == "linkedin" else "bad card") for p in skipped])
    plan.warnings = _template_gaps(templates, vault.config.folders.templates)
    names, emails = _taken(vault)
    folder = vault.config.folders.contacts
    files = {p.name.casefold() for p in (vault.config.root / folder).glob("*.md")}
    seen_names: dict[str, Person] = {}  # earlier rows of this file
    seen_emails: dict[str, Person] = {}

    def skip(person: Person, why: str, message: str) -> None:
        plan.skipped.append(Skipped(Problem(source, person.line, WARNING, f"{message}; skipped"), why))

    for person in people:
        keys = list(dict.fromkeys(plain_key(n) for n in (person.name, person.written) if plain_key(n)))
        own = _emails(person.email)
        if not person.name:
            skip(person, "no name", f"no name in {person.written!r}" if person.written else "no name")
            continue
        twin = seen_names.get(keys[0]) or next((seen_emails[e] for e in own if e in seen_emails), None)
        if twin is not None:
            same = "name" if seen_names.get(keys[0]) is twin else "email"
            differ = same == "name" and own and _emails(twin.email) and not set(own) & set(_emails(twin.email))
            hint = (" (their emails differ: if they are two people, add this one with `vaultkit new contact` "
                    "under a name that tells them apart)") if differ else ""
            skip(person, "duplicate in the file", f"{person.name}: same {same} as line {twin.line}{hint}")
            continue
        seen_names.setdefault(keys[0], person)
        for email in own:
            seen_emails.setdefault(email, person)
        path = next((names[k] for k in keys if k in names), None)
        if path is not None:
            plan.matched.append(Matched(person, path, "name"))
            continue
        path = next((emails[e] for e in own if e in emails), None)
        if path is not None:
            plan.matched.append(Matched(person, path, "email"))
            continue
        try:
            note = new_contact(vault, templates, person.name, company=person.company, role=person.role,
                               email=person.email, phone=person.phone, linkedin=person.linkedin,
                               met_via=default_met_via if met_via is None else met_via,
                               connected=person.connected, today=today, taken=files)
        except VaultkitError as exc:  # a name no file can hold (a slash, ..), or a file in the way
            skip(person, "bad name", str(exc))
            continue
        files.add(note.name.casefold())
        plan.new.append((person, note))
    written = {person.line for person, _ in plan.new}
    plan.notices = [p for p in plan.notices if p.line in written]  # what a matched person lacks is moot
    plan.skipped.sort(key=lambda s: s.problem.line)
    return plan
