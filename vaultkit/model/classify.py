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

    def daily_date(self, path: str) -> date | None:
        return daily_date(path[:-3] if path.endswith(".md") else path, self.daily_format)

    def kind(self, note: Note) -> str | None:
        if not note.readable:
            return None
        is_daily = self.daily_date(note.path) is not None
        declared = note.type_prop or note.tag_type or (None if is_daily else note.inline_type)
        if declared is None:
            folded = note.path.casefold()
            declared = next((kind for prefix, kind in self.folders if folded.startswith(prefix)), None)
        if declared in ("contact", "interview"):
            return declared
        return "daily" if is_daily else None

    def wants_body(self, note: Note) -> bool:
        return self.kind(note) is not None
