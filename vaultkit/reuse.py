"""Outputs a full report need not render again, because nothing they are made from changed.

When a contact note is edited, most outputs come out as they were: the drafts
for other people, often the calendar. Rendering them means loading Jinja2 and
icalendar and compiling templates, which costs more than the rest of the
report. So each draft and the calendar carries a key: a hash of exactly what it
is rendered from (a draft's kind, template context and front-matter; the
calendar's events). The last full report recorded each key with the file it
wrote. An output whose key is the recorded one, whose file is still the very
file recorded (same inode, size and mtime_ns), and whose templates and
renderer code are unchanged, has the status it had then, and is not rendered.
Anything else, or any doubt, renders it. outcome.py builds this value from the
record (its only I/O: an lstat per recorded output); rendering stays pure.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def key_of(*parts) -> str:
    """A hash of plain values (str, int, dates, tuples, dicts and frozen dataclasses of them).

    repr is exact and stable for these: no sets, no addresses, dicts in insertion order.
    """
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Reuse:
    """Per output (its vault-relative path): the key it was rendered from and the status it has now,
    if its file is still the one recorded; and a draft's rendered subject and body (for its email link)."""

    keys: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)
    templates: str | None = None  # sources_digest of the templates the drafts were rendered with

    def status(self, rel: str, key: str) -> str | None:
        """What a full render would find for `rel`, if it need not render: its key is as recorded."""
        if self.keys.get(rel) != key:
            return None
        return self.statuses.get(rel)

    def draft(self, rel: str, key: str, templates: str) -> tuple[str, str, str] | None:
        """(status, subject, body) of a draft that need not be rendered again, else None."""
        status = self.status(rel, key) if templates == self.templates else None
        text = self.texts.get(rel)
        return None if status is None or text is None else (status, *text)


NOTHING = Reuse()
