"""Which contact a written name means: by path, file name, `name`, then alias.

Names compare ignoring case, Unicode form and spacing. The tiers follow
Obsidian: a file name beats someone else's alias; a folder note
(`Jane Doe/index.md`) goes by its folder's name. Within the first tier that
matches, more than one contact is ambiguous. A link with a folder means that
path; when no contact is there (the note was moved), its last part is looked
up like a plain name, and the match says the folder was stale. A Markdown
link's path is relative to the linking note, else to the vault's top folder.
"""
from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from ..links import name_key, name_of, note_name, plain_key  # plain_key: here too, as callers know it
from .entities import Contact


def relative_link(path: str, source: str) -> str:
    """A Markdown link's destination for the note at `path`, from the note `source`: `../Jane%20Doe.md`."""
    folder = source.rsplit("/", 1)[0] if "/" in source else "."
    return quote(posixpath.relpath(path, folder))


@dataclass(frozen=True, slots=True)
class Match:
    paths: tuple[str, ...]  # none, exactly one, or several (ambiguous)
    stale_folder: bool = False  # found by the last part of a link whose folder holds no such note


class NameIndex:
    def __init__(self, contacts: Iterable[Contact]):
        self._paths: dict[str, str] = {}
        self._names: dict[str, str] = {}  # path -> the contact's own name
        self._written: dict[str, tuple[str, ...]] = {}  # path -> file name, name and aliases
        self._tiers: tuple[dict[str, list[str]], ...] = (defaultdict(list), defaultdict(list), defaultdict(list))
        self._matches: dict[str, Match] = {}  # a vault's daily notes name the same people again and again
        stems, names, aliases = self._tiers
        for contact in contacts:
            without_ext = contact.path[:-3] if contact.path.endswith(".md") else contact.path
            self._paths[name_key(without_ext)] = contact.path
            self._names[contact.path] = contact.name
            own_name = note_name(contact.path)  # the file name, or a folder note's folder
            self._written[contact.path] = tuple(dict.fromkeys((own_name, contact.name, *contact.aliases)))
            stems[name_key(own_name)].append(contact.path)
            names[name_key(contact.name)].append(contact.path)
            for alias in contact.aliases:
                aliases[name_key(alias)].append(contact.path)

    def _by_name(self, key: str) -> tuple[str, ...]:
        for tier in self._tiers:
            found = tier.get(key)
            if found:
                return tuple(dict.fromkeys(found))
        return ()

    def match(self, name: str) -> Match:
        """The contacts `name` may mean, and whether a folder in it had to be ignored."""
        found = self._matches.get(name)
        if found is None:
            found = self._matches[name] = self._match(name)
        return found

    def _match(self, name: str) -> Match:
        key = name_key(name)
        if not key:
            return Match(())
        if "/" not in key:
            return Match(self._by_name(key))
        exact = self._paths.get(key)
        if exact:
            return Match((exact,))
        tail = "/" + key  # a partial path, as Obsidian accepts: `[[2026/Chloé]]`
        under = tuple(sorted(p for k, p in self._paths.items() if k.endswith(tail)))
        if under:
            return Match(under)
        named = self._by_name(key)  # someone whose name or alias holds a slash
        if named:
            return Match(named)
        return Match(self._by_name(note_name(key).strip()), stale_folder=True)

    def match_link(self, target: str, source: str) -> Match:
        """The contacts a Markdown link's target (`../jane/index`) in the note `source` may mean."""
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        joined = posixpath.normpath(posixpath.join(folder, target))
        exact = self._paths.get(name_key(joined)) if not joined.startswith("..") else None
        if exact:
            return Match((exact,))
        rooted = posixpath.normpath(target).lstrip("/")
        while rooted.startswith("../"):
            rooted = rooted[3:]
        return self.match(rooted) if rooted not in ("", ".", "..") else Match(())

    def candidates(self, name: str) -> tuple[str, ...]:
        """Contact paths `name` may mean: none, exactly one, or several (ambiguous)."""
        return self.match(name).paths

    def name_of(self, path: str) -> str:
        return self._names[path]

    def typed(self, text: str) -> Match:
        """A name typed at the shell: as a link would resolve it, else by a unique unaccented
        form (`ana diaz`), first name (`Ben`) or last name (`okafor`)."""
        name = name_of(text)
        strict = self.match(name)
        if strict.paths:
            return strict
        key = plain_key(name)
        if not key:
            return Match(())
        whole = [p for p, written in self._written.items() if any(plain_key(w) == key for w in written)]
        if whole or " " in key:
            return Match(tuple(sorted(whole)))
        parts = [p for p, own in self._names.items() if key in (plain_key(own).split()[:1] + plain_key(own).split()[-1:])]
        return Match(tuple(sorted(parts)))

    def likely(self, text: str, limit: int = 5) -> list[str]:
        """Contacts a mistyped name may have meant, closest first: for an error message."""
        import difflib  # here: only an error message needs it, and with heapq it costs a report 15 ms

        key = plain_key(name_of(text))
        scored = []
        for path, written in self._written.items():
            words = {w for name in written for w in plain_key(name).split()}
            score = max(difflib.SequenceMatcher(None, key, plain_key(name)).ratio() for name in written)
            if key and any(w.startswith(key) or key.startswith(w) for w in words):
                score = max(score, 0.8)
            if score >= 0.6:
                scored.append((-score, self._names[path].casefold(), path))
        return [path for _, _, path in sorted(scored)[:limit]]
