"""Which contact a written name means: by path, file name, `name`, then alias.

Names compare ignoring case, Unicode form and spacing. The tiers follow
Obsidian: a file name beats someone else's alias. Within the first tier that
matches, more than one contact is ambiguous.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..links import name_key, note_stem
from .entities import Contact


class NameIndex:
    def __init__(self, contacts: Iterable[Contact]):
        self._paths: dict[str, str] = {}
        self._tiers: tuple[dict[str, list[str]], ...] = (defaultdict(list), defaultdict(list), defaultdict(list))
        stems, names, aliases = self._tiers
        for contact in contacts:
            without_ext = contact.path[:-3] if contact.path.endswith(".md") else contact.path
            self._paths[name_key(without_ext)] = contact.path
            stems[name_key(note_stem(contact.path))].append(contact.path)
            names[name_key(contact.name)].append(contact.path)
            for alias in contact.aliases:
                aliases[name_key(alias)].append(contact.path)

    def candidates(self, name: str) -> tuple[str, ...]:
        """Contact paths `name` may mean: none, exactly one, or several (ambiguous)."""
        key = name_key(name)
        if not key:
            return ()
        if "/" in key:
            exact = self._paths.get(key)
            if exact:
                return (exact,)
            tail = "/" + key
            return tuple(sorted(p for k, p in self._paths.items() if k.endswith(tail)))
        for tier in self._tiers:
            found = tier.get(key)
            if found:
                return tuple(dict.fromkeys(found))
        return ()
