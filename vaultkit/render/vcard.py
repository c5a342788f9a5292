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

import unicodedata
import uuid

from .export import VCARD_PRODID, Exported
_NAMESPACE = uuid.UUID("6f1c9a52-3b0e-4d5e-9a63-2f8a4c1d7e90")  # vaultkit's own: UIDs are ours alone


def card_uid(note_path: str) -> str:
    """`urn:uuid:...` from the note's path (NFC, so a vault copied to macOS keeps its UIDs)."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, unicodedata.normalize('NFC', note_path))}"


def _family_and_given(name: str) -> tuple[str, str]:
    words = name.split()
    if len(words) < 2:
        return "", name.strip()
    return words[-1], " ".join(words[:-1])


def _note_text(record: Exported) -> str:
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
    return "\n".join(lines)


def _card(record: Exported, uids: dict[str, str]) -> str:
    import vobject  # here: only a vCard export loads it

    c = record.contact
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("prodid").value = VCARD_PRODID
    card.add("uid").value = uids[c.path]
    card.add("kind").value = "individual"
    card.add("fn").value = c.name
    family, given = _family_and_given(c.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    for alias in c.aliases:  # a line each: vobject would escape the commas of a list in one
        card.add("nickname").value = alias
    for index, email in enumerate(c.emails):
        line = card.add("email")
        line.value = email
        if index == 0:
            line.params["PREF"] = ["1"]
    if c.phone:
        card.add("tel").value = c.phone
    if c.company:
        card.add("org").value = [c.company]
    if c.role:
        card.add("title").value = c.role
    if c.linkedin:
        card.add("url").value = c.linkedin
    if c.field:
        card.add("categories").value = [c.field]
    for name, path in record.standing.referred_by:
        line = card.add("related")
        line.params["TYPE"] = ["contact"]
        if path in uids:
            line.value = uids[path]
        else:
            line.value = name
            line.params["VALUE"] = ["text"]
    card.add("note").value = _note_text(record)
    card.add("x-vaultkit-state").value = record.standing.state
    card.add("x-vaultkit-note").value = c.path
    return card.serialize()


def contacts_vcards(records: list[Exported]) -> bytes:
    """Every contact's card, one after another (a .vcf file); nothing for no contacts."""
    uids = {r.contact.path: card_uid(r.contact.path) for r in records}
    return "".join(_card(r, uids) for r in records).encode("utf-8")
