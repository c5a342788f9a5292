"""Who is on a message: the seeker, a contact, several contacts (ambiguous), or someone else.

Built once from the vault model; answers from plain values. A contact is known by every
address in their `email` (a list, or text holding several), ignoring case; by their
`linkedin` profile, ignoring scheme, `www.` and a trailing slash; on LinkedIn also by
name, as links resolve names (file name, name, alias).
"""
from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import unquote

from ..config import Me
from ..links import name_key
from ..model import Vault
from .records import Party

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


class Directory:
    """The seeker's own addresses and every contact's, from the vault and `[me]`."""

    def __init__(self, vault: Vault, me: Me):
        self.vault = vault
        self.my_addresses = {a for text in (me.email, *me.emails) for a in addresses_in(text)}
        self.my_profile = plain_profile(me.linkedin) if me.linkedin.strip() else ""
        self.my_name = name_key(me.name)
        by_address: dict[str, list[str]] = defaultdict(list)
        by_profile: dict[str, list[str]] = defaultdict(list)
        for path, contact in vault.contacts.items():
            for address in dict.fromkeys(a for text in contact.emails for a in addresses_in(text)):
                by_address[address].append(path)
            if contact.linkedin.strip():
                by_profile[plain_profile(contact.linkedin)].append(path)
        self.by_address = {a: tuple(p) for a, p in by_address.items()}
        self.by_profile = {u: tuple(p) for u, p in by_profile.items()}

    def is_me(self, party: Party) -> bool:
        if "@" in party.address:
            return party.address in self.my_addresses
        if party.address and self.my_profile:
            return party.address == self.my_profile
        return bool(self.my_name) and name_key(party.name) == self.my_name

    def contacts_of(self, party: Party) -> tuple[str, ...]:
        """The contact notes `party` may be: none, one, or several (ambiguous)."""
        if "@" in party.address:
            return self.by_address.get(party.address, ())
        if party.address and party.address in self.by_profile:
            return self.by_profile[party.address]
        if party.name:
            return self.vault.names.candidates(party.name)
        return ()
