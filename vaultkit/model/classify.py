"""What a note is: contact, interview, daily note, or none of vaultkit's business.

SPEC order: front-matter `type:`, then a `contact`/`interview` tag (in the
front-matter, or inline), then the folder. A note named as a date is a daily
note unless it says otherwise; inline tags in a daily note are about the day
(`#interview with [[Ana]]`), so they do not turn it into an interview.
"""
from __future__ import annotations

from datetime import date

from ..config import Config
from ..dates import daily_date
from ..note import Note


class Classifier:
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

    def kind(self, note: Note) -> str | None:
        """Called for every note of the vault, so the common cases come first."""
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

    def wants_body(self, note: Note) -> bool:
        return self.kind(note) is not None
