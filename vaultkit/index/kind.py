"""What a note is: contact, interview, company, opportunity, daily note, or none of vaultkit's business.

The one place that decides it. SPEC order: front-matter `type:`, then a
`contact`/`interview` tag (in the front-matter, or inline), then the folder. A
note named as a date is a daily note unless it says otherwise; inline tags in a
daily note are about the day (`#interview with [[Ana]]`), so they do not turn it
into an interview.

Parsing (note.py) records the hints with the functions here (`declared_type`,
`type_from_tags`, `has_inline_hint`); `Classifier.kind` weighs them with the
note's path and the config. `[types]` in the config adds the vault's own tags,
folders and property values (mapping.py); a Templater template (`<%` in its
front-matter) is never a note of any kind.

Built in, after `[types]`: the widely copied `categories: ["[[People]]"]` makes a
contact, and `categories: ["[[Meetings]]"]` an interaction when the note has a
date and people to have met (a meeting with nobody in it is no conversation).
"""
from __future__ import annotations

import re
from datetime import date

from ..config import Config
from ..dates import daily_date
from ..links import name_of

KINDS = ("contact", "interview", "interaction", "daily", "company", "opportunity")  # new kinds go last: cached codes
PEOPLE_KEYS = ("contacts", "contact", "with", "people")  # who an interaction note was with
_TYPED = ("contact", "interview", "interaction", "company", "opportunity")
COMPANY_FOLDER = "Companies"  # SPEC: a note in a `Companies` folder is a company
BUILT_IN_TAGS = {kind: kind for kind in _TYPED}  # tag -> the kind it makes a note
_HINTS: dict[tuple[str, ...], re.Pattern] = {}


def declared_type(value) -> str | None:
    """Front-matter `type:` lower-cased (`[[Contact]]` and `#contact` too); a list's first known type."""
    if isinstance(value, list):
        names = [name_of(v).lower() for v in value if isinstance(v, str)]
        return next((n for n in names if n in _TYPED), names[0] if names else None)
    if isinstance(value, str) and value.strip():
        return name_of(value).lstrip("#").lower()
    return None


def type_from_tags(tags, kind_tags: dict[str, str] = BUILT_IN_TAGS) -> str | None:
    """The kind a tag gives (nested tags like `contact/alumni` count), or None."""
    for tag in tags:
        kind = kind_tags.get(tag) or kind_tags.get(tag.split("/", 1)[0])
        if kind:
            return kind
    return None


def has_inline_hint(body: str, kind_tags: dict[str, str] = BUILT_IN_TAGS) -> bool:
    """A possible inline tag that gives a kind; a plain substring test first, as most notes have none."""
    lowered = body.lower()
    if not any(f"#{tag}" in lowered for tag in kind_tags):
        return False
    names = tuple(sorted(kind_tags))
    pattern = _HINTS.get(names)
    if pattern is None:
        alternatives = "|".join(re.escape(t) for t in sorted(names, key=len, reverse=True))
        pattern = _HINTS[names] = re.compile(rf"(?<![^\s(])#(?:{alternatives})(?:/|(?![\w\-]))", re.I)
    return pattern.search(body) is not None


def is_templater(note) -> bool:
    """A Templater template: `<%` in a front-matter value."""
    return any(isinstance(v, str) and "<%" in v for v in note.props.values())


def _has_value(found, wanted: str) -> bool:
    values = found if isinstance(found, list) else [found]
    return any(isinstance(v, (str, int, float)) and name_of(str(v)).lstrip("#").casefold() == wanted for v in values)


def _by_category(props: dict) -> str | None:
    """The built-in `categories` convention: People are contacts, Meetings with a date and people interactions."""
    found = props["categories"]
    if _has_value(found, "people"):
        return "contact"
    if _has_value(found, "meetings") and props.get("date") and any(props.get(k) for k in PEOPLE_KEYS):
        return "interaction"
    return None


class Classifier:
    """`kind(note)` for one config's folders and daily-note format."""

    def __init__(self, config: Config):
        rules = config.mapping.types
        folders = [(config.folders.contacts, "contact"), (config.folders.interviews, "interview"),
                   (COMPANY_FOLDER, "company")]
        folders += [(folder, kind) for kind, rule in rules for folder in rule.folders]
        # the deepest folder first: a mapped `People/Logs` inside `People` wins
        self.folders = tuple(sorted(((f.casefold().rstrip("/") + "/", k) for f, k in folders),
                                    key=lambda pair: -len(pair[0])))
        self.kind_tags = {**BUILT_IN_TAGS, **{t: kind for kind, rule in reversed(rules) for t in rule.tags}}
        self.properties = tuple((rule.property, rule.value, kind) for kind, rule in rules if rule.property)
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
        if note.props and is_templater(note):
            return None
        declared = note.type_prop or note.tag_type
        if declared == "contact" or declared == "interview" or declared == "interaction":
            return declared
        if declared == "company" or declared == "opportunity":
            return declared
        for key, value, kind in self.properties:
            if key in note.props and _has_value(note.props[key], value):
                return kind
        if "categories" in note.props:
            kind = _by_category(note.props)
            if kind:
                return kind
        is_daily = self._is_daily(note.path)
        if declared is None:
            if note.inline_type and not is_daily:
                return note.inline_type
            folded = note.path.casefold()
            for prefix, kind in self.folders:
                if folded.startswith(prefix):
                    return kind
        return "daily" if is_daily else None
