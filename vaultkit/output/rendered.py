"""What a report rendered, for the next report to take back instead of rendering it again.

After an edit most outputs come out as they were: the drafts for other people,
often the calendar. Rendering them means loading Jinja2 and icalendar and
compiling templates, a fifth to a half of a warm run's time (docs/performance.md).
So a full report keeps, in its record (memo.py, sealed), each draft's text by a
hash of what it was rendered from (the template's name and its context, plain
values) with the digest of the vault's own templates, and the calendar's events'
hash with the hash of the bytes written. The next report takes a draft's text
back when it would render it from the same, and the calendar's bytes from its
file when its events are the same and the file still holds those bytes; anything
else is rendered. The renderers know nothing of it (files.py passes them
a `Remembered` as their templates).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import VaultkitError
from ..memo import hash_of, key_of
from .write import _current, resolve_output


@dataclass(frozen=True)
class Rendered:
    templates: str = ""  # sources_digest of the vault's own templates
    texts: dict[str, str] = field(default_factory=dict)  # key_of(template name, context) -> the text rendered
    calendar: tuple[str, str] = ("", "")  # key_of(the calendar's parts), hash_of(its bytes)

    def as_record(self) -> dict:
        return {"templates": self.templates, "texts": self.texts, "calendar": list(self.calendar)}

    @classmethod
    def from_record(cls, record: dict | None) -> Rendered:
        """What a report's record says it rendered (nothing, if it says nothing of the kind)."""
        try:
            known = record["rendered"]
            texts = {key: text for key, text in known["texts"].items() if isinstance(text, str)}
            return cls(str(known["templates"]), texts, (str(known["calendar"][0]), str(known["calendar"][1])))
        except (TypeError, KeyError, IndexError, AttributeError):
            return cls()


class Remembered:
    """The templates as render_drafts uses them: a text rendered before from the same template and
    context is taken back; any other is rendered by `compiled()` (which loads Jinja2)."""

    def __init__(self, compiled: Callable, known: dict[str, str]):
        self._compiled, self._known, self.texts = compiled, known, {}

    def render(self, name: str, context: dict) -> str:
        key = key_of(name, context)
        text = self._known.get(key)
        self.texts[key] = text if text is not None else self._compiled().render(name, context)
        return self.texts[key]


def as_it_was(config, name: str, key: str, last: tuple[str, str]) -> bytes | None:
    """Output `name`'s bytes as its file holds them, if they were made from `key` last time and the
    file still holds the bytes written then; else None (render it)."""
    if key != last[0]:
        return None
    try:
        current = _current(resolve_output(config.root, config.folders.output, name))
    except (OSError, VaultkitError):
        return None
    return current if current is not None and hash_of(current) == last[1] else None
