"""`[types]`, `[keys]`, `[touch_kinds]` and `[statuses]`: a vault's own words for vaultkit's.

A vault kept before vaultkit has its own shape: people tagged `#person` in
`30 Records/20 People`, a `Comm_DateTime` where vaultkit says `date`, `Received`
where it says `#reply`, `contacted` where it says `active`. These tables say so
once, in `vaultkit.toml`; the classifier (index/kind.py), the model
(model/vault.py) and the touch reader use them. Checking a table raises
`MappingError` with the key at fault; config.py turns it into
`Error: vaultkit.toml:LINE: ...`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .links import name_of

MAPPED_KINDS = ("contact", "interview", "interaction", "company", "opportunity")
TOUCH_KINDS = ("outreach", "reply", "thanks", "checkin", "update")
CONTACT_STATUSES = ("active", "paused", "do-not-contact", "archived")
_SEPARATORS = re.compile(r"[\s\-_]+")
_WORD_SEPARATORS = re.compile(r"[\s_]+")


def key_of(name: str) -> str:
    """How every key is matched: `Comm-Type`, `comm type` and `comm_type` are `comm_type`."""
    return _SEPARATORS.sub("_", name.strip().lower()).strip("_")


def word_of(text: str) -> str:
    """How a value from a fixed list is matched: `Do Not Contact`, `do_not_contact` -> `do-not-contact`."""
    return _WORD_SEPARATORS.sub("-", text.strip().lower())


class MappingError(ValueError):
    """A value of the wrong kind in one of the tables; `key` is the offending key."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class TypeRule:
    """What makes a note of one kind, in the user's terms (any one suffices)."""

    tags: tuple[str, ...] = ()  # lower-case, no `#`
    folders: tuple[str, ...] = ()  # vault-relative, as written
    property: str = ""  # a normalised key
    value: str = ""  # case-folded

    def describe(self) -> str:
        parts = [f"tag #{t}" for t in self.tags] + [f"folder {f}/" for f in self.folders]
        if self.property:
            parts.append(f"{self.property}: {self.value}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Mapping:
    types: tuple[tuple[str, TypeRule], ...] = ()  # (kind, rule)
    keys: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (vaultkit key, the user's keys, normalised)
    touch_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (touch kind, values as written)
    statuses: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (contact status, the vault's words, by word_of)

    def rule(self, kind: str) -> TypeRule | None:
        return next((r for k, r in self.types if k == kind), None)

    def fingerprint(self) -> str:
        """What the classifier depends on, for the parse cache."""
        return repr(self.types)

    def touch_kind_of(self, value: str) -> str | None:
        folded = value.strip().casefold()
        return next((kind for kind, values in self.touch_kinds if any(folded == v.casefold() for v in values)), None)

    def status_of(self, word: str) -> str | None:
        """The contact status a vault's own word (already `word_of`) stands for, if [statuses] says."""
        return next((status for status, words in self.statuses if word in words), None)


NO_MAPPING = Mapping()


def _strings(value: object, key: str, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise MappingError(key, f"expected {what}, like [\"{'Sent' if 'value' in what else 'Referrer'}\"], got {value!r}")
    return tuple(v.strip() for v in value)


def parse_types(table: dict) -> tuple[tuple[str, TypeRule], ...]:
    rules = []
    for kind, given in table.items():
        if kind not in MAPPED_KINDS:
            raise MappingError(kind, f"unknown kind {kind!r}; use one of {', '.join(MAPPED_KINDS)}")
        if not isinstance(given, dict):
            raise MappingError(kind, f'expected a table, like {kind} = {{ tags = ["person"] }}, got {given!r}')
        unknown = [k for k in given if k not in ("tags", "folders", "property", "value")]
        if unknown:
            raise MappingError(kind, f"unknown key {unknown[0]!r}; use tags, folders, or property and value")
        tags = tuple(t.lstrip("#").strip().lower() for t in _strings(given.get("tags", []), kind, "a list of tags"))
        folders = tuple(f.strip().strip("/") for f in _strings(given.get("folders", []), kind, "a list of folders"))
        prop, value = given.get("property", ""), given.get("value", "")
        if not isinstance(prop, str) or not isinstance(value, str) or bool(prop.strip()) != bool(value.strip()):
            raise MappingError(kind, 'property and value go together, like { property = "category", value = "person" }')
        if any(f.startswith("/") or ".." in f.split("/") for f in folders):
            raise MappingError(kind, "folders are given relative to the vault's top folder")
        if not (tags or folders or prop):
            raise MappingError(kind, "says nothing: give tags, folders, or a property and value")
        value = name_of(value).lstrip("#").strip().casefold()  # `[[People]]` is the note People
        rules.append((kind, TypeRule(tags, folders, key_of(prop) if prop else "", value)))
    return tuple(rules)


def parse_keys(table: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((key_of(ours), tuple(key_of(k) for k in _strings(theirs, ours, "a list of property names")))
                 for ours, theirs in table.items())


def parse_touch_kinds(table: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    kinds = []
    for kind, values in table.items():
        if kind not in TOUCH_KINDS:
            raise MappingError(kind, f"unknown touch kind {kind!r}; use one of {', '.join(TOUCH_KINDS)}")
        kinds.append((kind, _strings(values, kind, "a list of property values")))
    return tuple(kinds)


def parse_statuses(table: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`active = ["contacted", "replied"]`: the vault's own status words for each of vaultkit's."""
    statuses = []
    for status, words in table.items():
        if word_of(status) not in CONTACT_STATUSES:
            raise MappingError(status, f"unknown status {status!r}; use one of {', '.join(CONTACT_STATUSES)}")
        given = _strings(words, status, "a list of your status words")
        statuses.append((word_of(status), tuple(word_of(w) for w in given)))
    return tuple(statuses)
