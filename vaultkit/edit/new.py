"""`vaultkit new contact` and `vaultkit new interview`: a new note from a template, never over another."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from ..errors import ERROR, Problem, UsageProblem, VaultkitError
from ..links import name_of, note_stem
from ..model import Vault
from ..model.resolve import plain_key
from ..index.note import parse_note
from ..templates.engine import Templates
from ..output.write import safe_name
from .portable import name_problem, portable_stem


@dataclass(frozen=True)
class NewNote:
    rel: str  # vault-relative path
    folder: str  # the configured folder it goes in
    name: str  # its file name
    content: bytes
    warnings: tuple[str, ...] = ()  # said on stderr; the note is still written


def check_name(name: str, what: str = "name") -> str:
    """A person's name, refusing what would make a path instead of a file."""
    name = " ".join(name.split())
    if not name:
        raise UsageProblem(f"the {what} is empty")
    if "/" in name or "\\" in name:
        raise UsageProblem(f"the {what} {name!r} contains a slash, which would make a folder; leave it out")
    if ".." in name or name.startswith("."):
        raise UsageProblem(f"the {what} {name!r} starts with a dot or contains '..'; leave those out")
    if re.search(r"[\x00-\x1f]", name):
        raise UsageProblem(f"the {what} {name!r} contains control characters")
    return name


def _given_name(vault: Vault, text: str) -> str:
    """The name a NAME argument gives: `[[Ana Díaz]]`, `[[Contacts/Ana Díaz|Ana]]` and `[[Ana Díaz#Log]]`
    give `Ana Díaz`. A link into another folder than the contacts folder is refused: the note goes there."""
    name = name_of(" ".join(text.split()))
    if "[[" not in text or "/" not in name:
        return name
    folder, _, last = name.rpartition("/")
    if folder.casefold() != vault.config.folders.contacts.casefold():
        raise UsageProblem(f"new contact makes its note in {vault.config.folders.contacts}/; give the name without "
                           f"a folder: {last.strip()!r}")
    return last


def portable_name(name: str) -> str:
    """`name`, refused (exit 2) unless every system can hold it and Obsidian can link to it, saying why."""
    problem = name_problem(name)
    if problem:
        raise UsageProblem(f"the name {name!r} cannot be a note's name: {problem}")
    return name


def _listed(vault: Vault, paths) -> str:
    return ", ".join(f"{vault.names.name_of(p)} ({p})" for p in paths)


def resolve_one(vault: Vault, name: str, hint: str = "") -> str:
    """The one contact a typed name means, or an error that lists the likely candidates
    (and `hint` when nobody matches). See NameIndex.typed for the forms accepted."""
    found = vault.names.typed(name).paths
    if len(found) == 1:
        return found[0]
    if found:
        raise VaultkitError(f"{name!r} could mean {len(found)} contacts: {_listed(vault, found)}; "
                            f"type more of the name, or the note's path, e.g. {found[0][:-3]!r}")
    unreadable = _unreadable_note_named(vault, name)
    if unreadable is not None:
        raise VaultkitError(f"no contact matches {name!r}, but {unreadable.path} may be that contact: vaultkit "
                            f"cannot read it ({unreadable}). Fix that note, then try again.")
    close = vault.names.likely(name)
    guess = f" Did you mean: {_listed(vault, close)}?" if close else ""
    raise VaultkitError(f"no contact matches {name!r} (by file name, name, alias, first or last name)."
                        f"{guess}{hint}")


def _unreadable_note_named(vault: Vault, name: str) -> Problem | None:
    """The first error of a note whose file name is `name`, or its first or last word (ignoring case
    and accents, as typed names go): a contact whose front-matter is broken is no contact to vaultkit,
    but it is the one the user means."""
    wanted = plain_key(name_of(name))
    for problem in vault.problems:
        if problem.severity == ERROR and problem.path.endswith(".md"):
            words = plain_key(note_stem(problem.path)).split()
            if wanted and words and (wanted == " ".join(words) or wanted in (words[0], words[-1])):
                return problem
    return None


def link_to(vault: Vault, path: str) -> str:
    """`[[Ana Díaz]]`, or `[[Contacts/Work/Ana]]` when the file name alone is ambiguous."""
    stem = note_stem(path)
    return f"[[{stem}]]" if vault.resolve(stem) == (path,) else f"[[{path[:-3]}]]"


def _render(templates: Templates, template: str, context: dict, rel: str) -> bytes:
    """Render, and refuse (falling back to the built-in template) front-matter that would not parse."""
    text = templates.render(template, context)
    if not parse_note(rel, text.encode("utf-8")).readable:
        templates.problems.append(Problem(f"{templates.config.folders.templates}/{template}", 1, ERROR,
                                          "template makes front-matter that is not valid YAML (quote values with "
                                          "`| yaml`); using the built-in one"))
        text = templates.builtin(template, context)
    return text.encode("utf-8")


def _file_name(vault: Vault, folder: str, text: str, taken: set[str] | None = None) -> str:
    """`text.md`, refused if it exists. When the file name cannot be `text` as written (too long, or
    a character file names cannot hold), it is another person's or day's file that holds the name
    first, so a free one is picked instead: `Shortened name (2).md`. `taken` (the folder's file
    names, casefolded) saves a caller that creates many notes from listing the folder each time."""
    if taken is None:
        taken = {p.name.casefold() for p in (vault.config.root / folder).glob("*.md")}
    name, n = safe_name(portable_stem(text)), 1
    if name[:-3] == text and name.casefold() in taken:
        raise VaultkitError(f"{folder}/{name} already exists; vaultkit never overwrites a note")
    while name.casefold() in taken:
        n += 1
        name = safe_name(text, f" ({n}).md")
    return name


def new_contact(vault: Vault, templates: Templates, name: str, *, company: str = "", role: str = "",
                field: str = "", email: str = "", referred_by: str = "", phone: str = "", linkedin: str = "",
                met_via: str = "", connected: date | None = None, today: date,
                taken: set[str] | None = None, portable: bool = False) -> NewNote:
    """A new contact note. A link stands for the name it names. `portable`: refuse (exit 2) a name
    that cannot be a file name everywhere, as typed at the shell; else (an import) the file gets a
    portable name and `name:` keeps the name as given."""
    written = name_of(" ".join(name.split()))
    existing = vault.resolve(written)  # a link with a folder: that note, else one of its name
    if existing:
        raise VaultkitError(f"a contact named {written.rsplit('/', 1)[-1]!r} already exists: {', '.join(existing)}")
    name = check_name(_given_name(vault, name))
    if portable:
        portable_name(name)
    referrer, warnings = referred_by, []  # a name that matches no contact is kept as written
    if referred_by:
        if vault.names.typed(referred_by).paths:
            referrer = link_to(vault, resolve_one(vault, referred_by))  # several matches: an error listing them
        else:
            close = vault.names.likely(referred_by)
            guess = f"; did you mean {_listed(vault, close)}?" if close else ""
            warnings.append(f"--referred-by {referred_by!r} matches no contact; written as given{guess}")
    folder = vault.config.folders.contacts
    filename = _file_name(vault, folder, name, taken)
    rel = f"{folder}/{filename}"
    context = {"name": name, "company": company, "role": role, "field": field, "email": email,
               "referred_by": referrer, "phone": phone, "linkedin": linkedin, "met_via": met_via,
               "connected": connected.isoformat() if connected else "", "today": today.isoformat()}
    content = _render(templates, "contact.md", context, rel)
    if filename[:-3] != name and parse_note(rel, content).props.get("name") != name:
        templates.problems.append(Problem(f"{templates.config.folders.templates}/contact.md", 1, ERROR,
                                          "template does not write `name:` (`name: {{ name | yaml }}`), which "
                                          f"keeps the name as written when the file is {filename!r}; "
                                          "using the built-in one"))
        content = templates.builtin("contact.md", context).encode("utf-8")
    return NewNote(rel, folder, filename, content, tuple(warnings))


def new_interview(vault: Vault, templates: Templates, name: str, *, day: date, at: time | None = None,
                  mode: str = "", location: str = "", contact_path: str | None = None, today: date,
                  duration: int | None = None, timezone: str = "", taken: set[str] | None = None) -> NewNote:
    """`contact_path` is the contact's note when the caller has just created it (or knows it); else
    `name` is resolved. `timezone` is the IANA zone `at` is in, when it is not `[me] timezone`."""
    path = contact_path or resolve_one(vault, name, " Add --create-contact to create the contact too.")
    person = vault.contacts[path].name if path in vault.contacts else check_name(_given_name(vault, name))
    link = link_to(vault, path) if path in vault.contacts else f"[[{note_stem(path)}]]"
    folder = vault.config.folders.interviews
    filename = _file_name(vault, folder, f"{day.isoformat()} {person}", taken)
    rel = f"{folder}/{filename}"
    content = _render(templates, "interview.md", {
        "contact": {"name": person, "link": link}, "date": day.isoformat(),
        "time": at.strftime("%H:%M") if at else "", "mode": mode, "location": location,
        "duration": duration or 30, "timezone": timezone,
        "status": "scheduled" if day >= today else "done", "today": today.isoformat()}, rel)
    return NewNote(rel, folder, filename, content)
