"""What a note is: contact, interview, daily note, or none of vaultkit's business.

The one place that decides it. SPEC order: front-matter `type:`, then a
`contact`/`interview` tag (in the front-matter, or inline), then the folder. A
note named as a date is a daily note unless it says otherwise; inline tags in a
daily note are about the day (`#interview with [[Ana]]`), so they do not turn it
into an interview.

Parsing (note.py) records the hints with the functions here (`declared_type`,
`type_from_tags`, `has_inline_hint`); `Classifier.kind` weighs them with the
note's path and the config.
"""
from __future__ import annotations

import re
from datetime import date

from ..config import Config
from ..dates import daily_date
from ..links import name_of

KINDS = ("contact", "interview", "daily")
_TYPED_TAGS = ("contact", "interview")
_INLINE_HINT = re.compile(r"(?<![^\s(])#(?:contact|interview)(?:/|(?![\w\-]))", re.I)


def declared_type(value) -> str | None:
    """Front-matter `type:` lower-cased (`[[Contact]]` and `#contact` too); a list's first known type."""
    if isinstance(value, list):
        names = [name_of(v).lower() for v in value if isinstance(v, str)]
        return next((n for n in names if n in _TYPED_TAGS), names[0] if names else None)
    if isinstance(value, str) and value.strip():
        return name_of(value).lstrip("#").lower()
    return None


def type_from_tags(tags) -> str | None:
    """`contact` or `interview` if a tag says so (nested tags like `contact/alumni` count)."""
    for tag in tags:
        head = tag.split("/", 1)[0]
        if head in _TYPED_TAGS:
            return head
    return None


def has_inline_hint(body: str) -> bool:
    """A possible inline #contact / #interview; a plain substring test first, as most notes have none."""
    lowered = body.lower()
    if "#contact" not in lowered and "#interview" not in lowered:
        return False
    return _INLINE_HINT.search(body) is not None


class Classifier:
    """`kind(note)` for one config's folders and daily-note format."""

    def __init__(self, config: Config):
        self.folders = (
            (config.folders.contacts.casefold().rstrip("/") + "/", "contact"),
            (config.folders.interviews.casefold().rstrip("/") + "/", "interview"),
        )
        self.daily_format = config.daily_format
        self.iso_only = config.daily_format.pattern == "YYYY-MM-DD"

    def daily_date(self, path: str) -> date | None:
        return daily_date(path[:-3] if path.endswith(".md") else path, self.daily_format)

    def _is_daily(self, path: str) -> bool:
        if self.iso_only and (len(path) - path.rfind("/") != 14 or path[-6] != "-" or path[-9] != "-"):
            return False  # not "/YYYY-MM-DD.md": most notes are rejected here, before any date parsing
        return self.daily_date(path) is not None

    def kind(self, note) -> str | None:
        """A parsed Note's kind. Called for every note of the vault, so the common cases come first."""
        if not note.readable:
            return None
        declared = note.type_prop or note.tag_type
        if declared == "contact" or declared == "interview":
            return declared
        is_daily = self._is_daily(note.path)
        if declared is None:
            if note.inline_type and not is_daily:
                return note.inline_type
            folded = note.path.casefold()
            for prefix, kind in self.folders:
                if folded.startswith(prefix):
                    return kind
        return "daily" if is_daily else None
