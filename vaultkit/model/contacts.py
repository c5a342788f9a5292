"""A contact note -> Contact."""
from __future__ import annotations

import unicodedata

from ..dates import parse_cadence
from ..errors import Problem, WARNING, shown
from ..links import name_of
from ..index.note import Note
from .entities import CONTACT_STATUSES, Contact, PersonRef
from .props import Props

TEXT_KEYS = ("company", "role", "field", "email", "phone", "linkedin", "location", "met_via")


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
    emails = tuple(dict.fromkeys(name_of(text) for text, _ in p.texts("email")))  # SPEC: every address is theirs
    return Contact(
        path=note.path,
        name=unicodedata.normalize("NFC", p.text("name") or note.stem),  # an NFD file name shows as typed
        aliases=tuple(a for a in dict.fromkeys(aliases) if a),
        **{key: p.text(key) for key in TEXT_KEYS if key != "email"},
        email=emails[0] if emails else "",
        emails=emails,
        referred_by=tuple(PersonRef(text, name_of(text), None, line) for text, line in p.texts("referred_by")),
        status=status or "active",
        stay_in_touch=stay,
        snooze_until=p.date("snooze_until", "the snooze is ignored"),
        tags=note.tags,
    )
