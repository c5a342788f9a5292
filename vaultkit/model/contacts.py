"""A contact note -> Contact."""
from __future__ import annotations

import json
import re
import unicodedata

from ..dates import parse_cadence
from ..errors import ERROR, Problem, WARNING, shown
from ..links import name_key, name_of, note_name
from ..mapping import NO_MAPPING, Mapping, word_of
from ..index.note import Note
from .entities import CONTACT_STATUSES, Contact, PersonRef
from .props import Props

TEXT_KEYS = ("company", "role", "field", "phone", "linkedin", "location", "met_via")
# Other names real vaults give a contact's keys (a vault's [keys] and vaultkit's own name come first)
CONTACT_KEYS = (("name", ("person", "full_name")),
                ("company", ("firm", "organization", "organisation", "org", "employer")))
_SEPARATORS = re.compile(r"[\s,;]+")
_LISTED = 8  # status words a warning names


def _emails(p: Props) -> tuple[str, ...]:
    """Every address in `email`: a list, or one text holding several (`a@x.org, b@y.org`)."""
    found = []
    for text, _ in p.texts("email"):
        text = name_of(text)
        parts = [part for part in _SEPARATORS.split(text) if part]
        found += parts if len(parts) > 1 and all("@" in part for part in parts) else [text]
    return tuple(dict.fromkeys(found))


def _status(p: Props, mapping: Mapping, unknown: dict[str, list[tuple[str, str, int]]]) -> str:
    """`status` in vaultkit's words or the vault's own ([statuses]); any other word counts as active,
    and goes into `unknown` (word -> (as written, path, line)) for one warning about the whole vault.
    A near miss of a status that stops actions (`do-not-contat`) is a typo, not a pipeline word: it
    reads as paused, with an error, so nobody who asked for quiet is written to by mistake."""
    written = " ".join(p.text("status").lower().split())
    word = word_of(written)
    status = word if word in CONTACT_STATUSES or not word else mapping.status_of(word)
    if status is None:
        import difflib  # here: only a vault with its own status words needs it

        near = difflib.get_close_matches(word, CONTACT_STATUSES[1:], n=1, cutoff=0.8)
        if near:
            p.report("status", ERROR, f"unknown status {shown(p.data['status'])}; did you mean {near[0]}? "
                                      "It reads as paused until it is fixed")
            return "paused"
        unknown.setdefault(word, []).append((written, p.note.path, p.line("status")))
    return status or "active"


def says_it_is_me(note: Note) -> bool:
    """Whether the note says `relationship: me`."""
    relationship = note.props.get("relationship")
    return isinstance(relationship, str) and name_of(relationship).strip().casefold() == "me"


def is_own_note(says_me: bool, contact: Contact, my_name: str) -> bool:
    """The seeker's own note: it says `relationship: me` (`says_me`), or it has the seeker's name ([me] name)."""
    if says_me:
        return True
    mine = name_key(my_name)
    return bool(mine) and mine in (name_key(contact.name), name_key(note_name(contact.path)))


def read_contact(note: Note, problems: list[Problem], mapping: Mapping = NO_MAPPING,
                 unknown_statuses: dict | None = None) -> Contact:
    """The contact as written; `referred_by` is resolved later, once every contact is known."""
    p = Props(note, problems)
    status = _status(p, mapping, {} if unknown_statuses is None else unknown_statuses)
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
        name=unicodedata.normalize("NFC", p.text("name") or note_name(note.path)),  # an NFD file name shows as typed
        aliases=tuple(a for a in dict.fromkeys(aliases) if a),
        **{key: p.text(key) for key in TEXT_KEYS},
        email=emails[0] if emails else "",
        emails=emails,
        referred_by=tuple(PersonRef(text, name_of(text), None, line) for text, line in p.texts("referred_by")),
        status=status,
        stay_in_touch=stay,
        snooze_until=p.date("snooze_until", "the snooze is ignored"),
        tags=note.tags,
        past_companies=tuple(dict.fromkeys(n for n in (name_of(text) for text, _ in p.texts("past_companies")) if n)),
    )


def unknown_status_warning(unknown: dict[str, list[tuple[str, str, int]]]) -> Problem | None:
    """One warning for the vault's own status words, at the first note that uses one: what they count
    as, and how to say what each means."""
    if not unknown:
        return None
    counted = sorted(((uses[0][0], len(uses)) for uses in unknown.values()), key=lambda pair: (-pair[1], pair[0]))
    path, line = min((path, line) for uses in unknown.values() for _, path, line in uses)
    total = sum(n for _, n in counted)
    listed = ", ".join(f"{shown(word)} ({n})" for word, n in counted[:_LISTED])
    if len(counted) > _LISTED:
        listed += f" and {len(counted) - _LISTED} more"
    short = [json.dumps(word, ensure_ascii=False) for word, _ in counted[:_LISTED] if len(word) <= 40]
    example = ", ".join(short) or '"..."'
    return Problem(path, line, WARNING,
                   f"{total} contact{'s have' if total != 1 else ' has'} a status vaultkit does not know: {listed}; "
                   f"{'they count' if total != 1 else 'it counts'} as active. Say what each word means in "
                   f"vaultkit.toml, e.g. [statuses] active = [{example}], paused = [...], "
                   "or run vaultkit init --detect")
