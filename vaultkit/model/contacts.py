"""A contact note -> Contact."""
from __future__ import annotations

import re
import unicodedata

from ..dates import parse_cadence
from ..errors import Problem, WARNING, shown
from ..links import name_of
from ..index.note import Note
from .entities import CONTACT_STATUSES, Contact, PersonRef
from .props import Props

TEXT_KEYS = ("company", "role", "field", "phone", "linkedin", "location", "met_via")
_SEPARATORS = re.compile(r"[\s,;]+")


def _emails(p: Props) -> tuple[str, ...]:
    """Every address in `email`: a list, or one text holding several (`a@x.org, b@y.org`)."""
    found = []
    for text, _ in p.texts("email"):
        text = name_of(text)
        parts = [part for part in _SEPARATORS.split(text) if part]
        found += parts if len(parts) > 1 and all("@" in part for part in parts) else [text]
    return tuple(dict.fromkeys(found))


def read_contact(note: Note, problems: list[Problem]) -> Contact:
    """The contact as written; `referred_by` is resolved later, once every contact is known."""
    p = Props(note, problems)
    status = p.choice("status", CONTACT_STATUSES, "no actions for them until it is fixed")
    if status is None and p.has("status"):
        status = "paused"
    stay = None
    if p.has("stay_in_touch"):
        stay = parse_cadence(p.data["stay_in_touch"])
        if stay is None:
            p.report("stay_in_touch", WARNING,
                     f"stay_in_touch {shown(p.data['stay_in_touch'])} is not a cadence like 30d, 6w, 3m "
                     "or a number of days; using the default")
        elif not stay.in_range:
            p.report("stay_in_touch", WARNING,
                     f"stay_in_touch {shown(p.data['stay_in_touch'])} is more than ten years; using the default")
            stay = None
    aliases = [name_of(text) for key in ("aliases", "alias") for text, _ in p.texts(key)]
    emails = _emails(p)
    return Contact(
        path=note.path,
        name=unicodedata.normalize("NFC", p.text("name") or note.stem),  # an NFD file name shows as typed
        aliases=tuple(a for a in dict.fromkeys(aliases) if a),
        **{key: p.text(key) for key in TEXT_KEYS},
        email=emails[0] if emails else "",
        emails=emails,
        referred_by=tuple(PersonRef(text, name_of(text), None, line) for text, line in p.texts("referred_by")),
        status=status or "active",
        stay_in_touch=stay,
        snooze_until=p.date("snooze_until", "the snooze is ignored"),
        tags=note.tags,
    )
