"""Reading typed values out of a note's front-matter, reporting what is wrong where."""
from __future__ import annotations

from datetime import date

from ..dates import in_range, parse_date, range_problem
from ..errors import ERROR, WARNING, Problem, shown
from ..links import name_of
from ..mapping import word_of
from ..index.note import Note


def _as_text(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float, date)):
        return str(value).strip()
    return None


def enum_value(text: str) -> str:
    """`Do Not Contact`, `do_not_contact` -> `do-not-contact`."""
    return word_of(text)


class Props:
    """One note's front-matter, read key by key; problems go to a shared list."""

    def __init__(self, note: Note, problems: list[Problem]):
        self.note = note
        self.data = note.props
        self.problems = problems

    def has(self, key: str) -> bool:
        value = self.data.get(key)
        return value is not None and value != "" and value != []

    def line(self, key: str, index: int | None = None) -> int:
        if index is not None:
            lines = self.note.item_lines.get(key, ())
            if index < len(lines):
                return lines[index]
        return self.note.line_of(key)

    def report(self, key: str, severity: str, message: str, index: int | None = None) -> None:
        self.problems.append(Problem(self.note.path, self.line(key, index), severity, message))

    def text(self, key: str) -> str:
        """A single text value; a link becomes its target name, a list its first item."""
        value = self.data.get(key)
        if isinstance(value, list):
            texts = [t for t in (_as_text(v) for v in value) if t]
            if len(texts) > 1:
                self.report(key, WARNING, f"{key} has {len(texts)} values; using the first, {texts[0]!r}")
            value = texts[0] if texts else None
        text = _as_text(value)
        if text is None:
            if value is not None:
                self.report(key, WARNING, f"{key} should be text, not {type(value).__name__}; ignored")
            return ""
        return name_of(text)

    def texts(self, key: str) -> list[tuple[str, int]]:
        """A list of text values (a single string counts as one), each with its line."""
        value = self.data.get(key)
        if value is None or value == "":
            return []
        values = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(values):
            text = _as_text(item)
            if text:
                out.append((text, self.line(key, i if isinstance(value, list) else None)))
            elif item is not None:
                self.report(key, WARNING, f"{key}: an entry that is not text is ignored", i)
        return out

    def date(self, key: str, what: str) -> date | None:
        """A date; a value that is not one is an error (vaultkit would get what is due wrong)."""
        if not self.has(key):
            return None
        day = parse_date(self.data[key])
        if day is None:
            self.report(key, ERROR, f"{key}: {shown(self.data[key])} is not a date like 2026-11-12; {what}")
        elif not in_range(day):
            self.report(key, ERROR, f"{key}: {range_problem(day)}; {what}")
            return None
        return day

    def choice(self, key: str, allowed: tuple[str, ...], what: str) -> str | None:
        if not self.has(key):
            return None
        text = _as_text(self.data[key])
        value = enum_value(name_of(text)) if text else ""
        if value not in allowed:
            self.report(key, ERROR, f"unknown {key} {shown(self.data[key])}; use one of {', '.join(allowed)} ({what})")
            return None
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("yes", "true", "y", "1", "on"):
            return True
        if text in ("no", "false", "n", "0", "off"):
            return False
        self.report(key, WARNING, f"{key}: {shown(value)} is not true or false; using {str(default).lower()}")
        return default
