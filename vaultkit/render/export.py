"""`vaultkit export contacts`: every contact, with what vaultkit knows of them, as CSV or JSON.

One record per contact, in the order of their notes' paths, with the same keys in the
same order in both formats (FIELDS). JSON keeps lists as lists, dates as ISO strings
and a missing date or action as null; CSV joins a list with "; ", leaves a missing
value empty, starts with a byte-order mark (Excel reads UTF-8 only with it) and puts a
`'` before a cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
or a carriage return first). The vCard form is in vcard.py.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..model import Contact, Vault
from ..rules import Plan
from ..rules.standing import Standing, standings
from .sentences import headline

FIELDS = ("name", "state", "last_touch", "last_touch_kind", "next_action", "next_action_due", "next_action_text",
          "referred_by", "company", "role", "field", "emails", "phone", "linkedin", "location", "met_via",
          "status", "stay_in_touch", "snooze_until", "aliases", "tags", "note")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
VCARD_PRODID = "-//vaultkit//export contacts//EN"  # every card's PRODID: how an earlier export is known


@dataclass(frozen=True, slots=True)
class Exported:
    """One contact as exported: the note's details, its standing, and the next action's sentence."""

    contact: Contact
    standing: Standing
    next_action_text: str  # the dashboard's sentence for the next action; "" when there is none
    stay_in_touch: str  # the cadence that applies: the note's, else the config's

    def record(self) -> dict:
        """Every field, by FIELDS: what the JSON holds."""
        c, s, action = self.contact, self.standing, self.standing.next_action
        return {
            "name": c.name,
            "state": s.state,
            "last_touch": s.last_touch.isoformat() if s.last_touch else None,
            "last_touch_kind": s.last_touch_kind or None,
            "next_action": action.kind if action else None,
            "next_action_due": action.due.isoformat() if action else None,
            "next_action_text": self.next_action_text or None,
            "referred_by": [name for name, _ in s.referred_by],
            "company": c.company,
            "role": c.role,
            "field": c.field,
            "emails": list(c.emails),
            "phone": c.phone,
            "linkedin": c.linkedin,
            "location": c.location,
            "met_via": c.met_via,
            "status": c.status,
            "stay_in_touch": self.stay_in_touch,
            "snooze_until": c.snooze_until.isoformat() if c.snooze_until else None,
            "aliases": list(c.aliases),
            "tags": list(c.tags),
            "note": c.path,
        }


def exported_contacts(vault: Vault, plan: Plan) -> list[Exported]:
    """Every contact vaultkit could read, by note path, as of the plan's day."""
    found = standings(vault, plan)
    default = vault.config.rules.stay_in_touch
    records = []
    for path, contact in vault.contacts.items():
        standing = found[path]
        action = standing.next_action
        text = ""
        if action is not None:
            text = headline(action, plan.today)
        records.append(Exported(contact, standing, text, str(contact.stay_in_touch or default)))
    return records


def contacts_json(records: list[Exported]) -> bytes:
    """A JSON list of objects, each with every key of FIELDS."""
    return (json.dumps([r.record() for r in records], indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def spreadsheet_cell(value) -> str:
    """A value as a CSV cell a spreadsheet shows as text, never runs."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def contacts_csv(records: list[Exported]) -> bytes:
    """A header row (FIELDS), then one row per contact; UTF-8 with a BOM, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        values = record.record()
        writer.writerow([spreadsheet_cell(values[key]) for key in FIELDS])
    return out.getvalue().encode("utf-8-sig")


def is_export(content: bytes) -> bool:
    """Whether a file's bytes are an earlier `export contacts`, in any format: what -o may replace.
    Known by what every version writes first: the CSV header's first names, the vCard's
    PRODID, JSON objects with a name, a state and a note."""
    text = content.decode("utf-8", "replace").lstrip("\ufeff")
    if text.startswith("name,state,"):
        return True
    if text.startswith("BEGIN:VCARD"):
        return "\r\nPRODID:-//vaultkit//export " in text[:200]
    if text.startswith("["):
        try:
            records = json.loads(text)
        except ValueError:
            return False
        return isinstance(records, list) and all(isinstance(r, dict) and {"name", "state", "note"} <= r.keys()
                                                 for r in records)
    return False
