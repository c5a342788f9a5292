"""Who is on a message: the seeker, a contact, several contacts (ambiguous), or someone else.

Built once from the vault model; answers from plain values. A contact is known by every
address in their `email` (a list, or text holding several), ignoring case; by their
`linkedin` profile, ignoring scheme, `www.` and a trailing slash; on LinkedIn also by
name, as links resolve names (file name, name, alias).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..config import Me
from ..links import name_key
from .records import Party

if TYPE_CHECKING:
    from ..model import Vault

_ADDRESS = re.compile(r"[^\s<>,;:\"'()\[\]]+@[^\s<>,;:\"'()\[\]]+\.[^\s<>,;:\"'()\[\]]+")
_PROFILE_HOST = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com(?=/|$)")


def addresses_in(text: str) -> list[str]:
    """The email addresses written in `text` (`Ana <ana@x.org>; mailto:a@y.org`), casefolded."""
    return [m.group().casefold().removeprefix("mailto:") for m in _ADDRESS.finditer(text or "")]


def plain_profile(url: str) -> str:
    """`https://www.linkedin.com/in/Ana-Diaz/?x=1` -> `linkedin.com/in/ana-diaz`: how profiles compare."""
    text = unquote((url or "").strip()).casefold()
    text = re.sub(r"^[a-z]+://", "", text).split("?", 1)[0].split("#", 1)[0].rstrip("/")
    text = text.removeprefix("www.")
    return _PROFILE_HOST.sub("linkedin.com", text)


@dataclass(frozen=True)
class Seeker:
    """How the seeker is known on a message: `[me] email` and `emails`, `[me] linkedin`, `[me] name`."""

    addresses: frozenset[str]
    profile: str = ""
    name: str = ""  # as name_key gives it

    @classmethod
    def from_me(cls, me: Me) -> Seeker:
        return cls(frozenset(a for text in (me.email, *me.emails) for a in addresses_in(text)),
                   plain_profile(me.linkedin) if me.linkedin.strip() else "", name_key(me.name))

    def is_me(self, party: Party) -> bool:
        if "@" in party.address:
            return party.address in self.addresses
        if party.address and self.profile:
            return party.address == self.profile
        return bool(self.name) and name_key(party.name) == self.name


class Directory:
    """The seeker's own addresses and every contact's, from the vault and `[me]`."""

    def __init__(self, vault: Vault, me: Me):
        self.vault = vault
        self.seeker = Seeker.from_me(me)
        self.is_me = self.seeker.is_me
        by_address: dict[str, list[str]] = defaultdict(list)
        by_profile: dict[str, list[str]] = defaultdict(list)
        for path, contact in vault.contacts.items():
            for address in dict.fromkeys(a for text in contact.emails for a in addresses_in(text)):
                by_address[address].append(path)
            if contact.linkedin.strip():
                by_profile[plain_profile(contact.linkedin)].append(path)
        self.by_address = {a: tuple(p) for a, p in by_address.items()}
        self.by_profile = {u: tuple(p) for u, p in by_profile.items()}

    def contacts_of(self, party: Party) -> tuple[str, ...]:
        """The contact notes `party` may be: none, one, or several (ambiguous)."""
        if "@" in party.address:
            return self.by_address.get(party.address, ())
        if party.address and party.address in self.by_profile:
            return self.by_profile[party.address]
        if party.name:
            return self.vault.names.candidates(party.name)
        return ()
