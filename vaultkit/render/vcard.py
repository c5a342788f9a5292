"""`vaultkit export contacts --format vcf`: a vCard 4.0 (RFC 6350) per contact, through vobject.

What an address book shows: FN (the name as the note has it), N (the last word as the
family name, the rest as given names), NICKNAME (the aliases), EMAIL (every address,
the first with PREF=1), TEL, ORG, TITLE (the role), URL (LinkedIn), CATEGORIES (the
field being explored), RELATED (who referred them: their card's UID when they have a
note). What vaultkit knows goes in NOTE, in words, and in X-VAULTKIT-STATE and
X-VAULTKIT-NOTE (the note's path). UID is a UUID made from the note's path, so a
second export updates the cards an address book has instead of adding them again.
No REV: the same vault and day give the same bytes.
"""
from __future__ import annotations

import re
import unicodedata
import uuid

from .export import VCARD_PRODID, Exported

_NAMESPACE = uuid.UUID("6f1c9a52-3b0e-4d5e-9a63-2f8a4c1d7e90")  # vaultkit's own: UIDs are ours alone
# What some readers take for the end of a line (Python's splitlines, vaultkit's own import among
# them), and other control characters: a card's value holds none of them.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def _line(value: str) -> str:
    """A value fit for a card: on one line, each run of line breaks or control characters a space."""
    return _BREAKS.sub(" ", value).strip()


def card_uid(note_path: str) -> str:
    """`urn:uuid:...` from the note's path (NFC, so a vault copied to macOS keeps its UIDs)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, unicodedata.normalize('NFC', note_path))}"


def _family_and_given(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    return words[-1], " ".join(words[:-1])


def _note_text(record: Exported) -> str:
    """What vaultkit knows, a fact a line (vobject writes the line breaks as `\\n`)."""
    c, s, action = record.contact, record.standing, record.standing.next_action
    lines = [f"State: {s.state}"]
    if s.last_touch:
        lines.append(f"Last touch: {s.last_touch.isoformat()} ({s.last_touch_kind})")
    if action is not None:
        lines.append(f"Next: {action.kind}, due {action.due.isoformat()}: {record.next_action_text}")
    if s.referred_by:
        lines.append(f"Referred by: {', '.join(name for name, _ in s.referred_by)}")
    for label, value in (("Field", c.field), ("Met via", c.met_via), ("Location", c.location)):
        if value:
            lines.append(f"{label}: {value}")
    lines.append(f"In the vault: {c.path}")
    return "\n".join(_line(line) for line in lines)


def _card(record: Exported, uids: dict[str, str]) -> str:
    import vobject  # here: only a vCard export loads it

    c = record.contact
    card = vobject.vCard()

    def add(key: str, value, **params):
        line = card.add(key)
        line.value = _line(value) if isinstance(value, str) else value
        for name, param in params.items():
            line.params[name.upper()] = [param]

    add("version", "4.0")
    add("prodid", VCARD_PRODID)
    add("uid", uids[c.path])
    add("kind", "individual")
    name = _line(c.name)
    add("fn", name)
    family, given = _family_and_given(name)
    add("n", vobject.vcard.Name(family=family, given=given))
    for alias in c.aliases:  # a line each: vobject would escape the commas of a list in one
        add("nickname", alias)
    for index, email in enumerate(c.emails):
        add("email", email, **({"pref": "1"} if index == 0 else {}))
    for key, value in (("tel", c.phone), ("title", c.role), ("url", c.linkedin)):
        if value:
            add(key, value)
    if c.company:
        add("org", [_line(c.company)])
    if c.field:
        add("categories", [_line(c.field)])
    for referrer, path in record.standing.referred_by:
        if path in uids:  # their own card
            add("related", uids[path], type="contact")
        else:
            add("related", referrer, type="contact", value="text")
    card.add("note").value = _note_text(record)
    add("x-vaultkit-state", record.standing.state)
    add("x-vaultkit-note", c.path)
    return card.serialize()


def contacts_vcards(records: list[Exported]) -> bytes:
    """Every contact's card, one after another (a .vcf file); nothing for no contacts."""
    uids = {r.contact.path: card_uid(r.contact.path) for r in records}
    return "".join(_card(r, uids) for r in records).encode("utf-8")
