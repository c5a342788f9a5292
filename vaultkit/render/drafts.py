"""Drafts/: a thank-you per interview that owes one, and a landing note per person owed one.

Each draft records a hash of what vaultkit wrote. A draft whose content no
longer matches (you edited it) is never overwritten; a draft no longer owed
is left where it is.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

from ..config import Config
from ..model import Contact, Interview, Vault
from ..rules import Plan
from ..links import note_stem
from ..templating import Templates, yaml_text
from ..write import Output, unique_names
from .text import note_link, wikilink

DRAFTS = "Drafts"
_HASH_LINE = re.compile(r"^vaultkit_hash: \"sha256:([0-9a-f]{64})\"\n", re.MULTILINE)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def long_date(day: date) -> str:
    """`12 November 2026`, the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _me(config: Config) -> dict:
    me = config.me
    return {"name": me.name, "email": me.email, "phone": me.phone, "signature": me.signature}


def _person(name: str, contact: Contact | None) -> dict:
    fields = ("company", "role", "email", "phone", "linkedin", "location")
    info = {f: getattr(contact, f) if contact else "" for f in fields}
    return {"name": name, "first_name": name.split()[0] if name.split() else name, **info}


def _interview(interview: Interview, vault: Vault) -> dict:
    referrals = [vault.contacts[r.path].name if r.path else r.name for r in interview.referrals]
    return {
        "date": interview.date.isoformat(), "date_long": long_date(interview.date),
        "time": interview.time.strftime("%H:%M") if interview.time else "",
        "mode": interview.mode, "location": interview.location, "field": interview.field,
        "company": interview.company, "takeaways": list(interview.takeaways), "referrals": referrals,
    }


def seal(front: dict, body: str) -> bytes:
    """The draft's bytes, with a hash of everything else in it recorded in its front-matter."""
    head = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items())
    unsealed = f"{head}---\n{body}"
    digest = hashlib.sha256(unsealed.encode("utf-8")).hexdigest()
    return f'{head}vaultkit_hash: "sha256:{digest}"\n---\n{body}'.encode("utf-8")


def untouched(existing: bytes) -> bool:
    """Whether a draft on disk is still exactly what vaultkit wrote (so it may be replaced)."""
    try:
        text = existing.decode("utf-8")
    except UnicodeDecodeError:
        return False
    m = _HASH_LINE.search(text)
    if not m:
        return False
    unsealed = text[: m.start()] + text[m.end():]
    return hashlib.sha256(unsealed.encode("utf-8")).hexdigest() == m.group(1)


def render_drafts(vault: Vault, plan: Plan, templates: Templates) -> list[Output]:
    config = vault.config
    interviews = {i.path: i for i in vault.interviews}
    drafts: list[tuple[str, bytes]] = []
    for action in plan.actions:
        if action.kind == "thank-you":
            interview = interviews[action.interview]
            contact = vault.contacts.get(interview.contact.path) if interview.contact.path else None
            body = templates.render("thank-you.md", {
                "me": _me(config), "contact": _person(action.contact, contact),
                "interview": _interview(interview, vault), "today": plan.today.isoformat()})
            front = {"generated": "vaultkit", "draft": "thank-you",
                     "contact": yaml_text(wikilink(contact.path, contact.name) if contact else action.contact),
                     "interview": yaml_text(note_link(interview.path)),
                     "to": yaml_text(contact.email if contact else "")}
            drafts.append((f"Thank you - {note_stem(interview.path)}", seal(front, body)))
        elif action.kind == "announce-landing" and config.landed:
            contact = vault.contacts[action.contact_path]
            met = max(i.date for i in vault.interviews_with(contact.path) if i.status_on(plan.today) == "done")
            landed = config.landed
            body = templates.render("announce-landing.md", {
                "me": _me(config), "contact": _person(contact.name, contact),
                "landed": {"role": landed.role, "company": landed.company, "email": landed.email,
                           "date": landed.date.isoformat(), "date_long": long_date(landed.date)},
                "met_on": met.isoformat(), "met_on_long": long_date(met), "today": plan.today.isoformat()})
            front = {"generated": "vaultkit", "draft": "announce-landing",
                     "contact": yaml_text(wikilink(contact.path, contact.name)), "to": yaml_text(contact.email)}
            drafts.append((f"Landing - {contact.name}", seal(front, body)))
    return _named(drafts)


def _named(drafts: list[tuple[str, bytes]]) -> list[Output]:
    """Safe, unique file names under Drafts/, the same for the same drafts every time."""
    ordered = sorted(drafts, key=lambda d: d[0])
    names = unique_names([title for title, _ in ordered])
    return [Output(f"{DRAFTS}/{name}", content, may_replace=untouched) for name, (_, content) in zip(names, ordered)]
