"""Dates, times, durations and cadences as people write them in notes.

Every function here takes what YAML (or a line of text) gave and returns a
plain value or None; none of them raises on bad input. All dates are calendar
dates: no time zone enters a due date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

# The dates vaultkit plans around. Every rule offset is at most ten years (MAX_DAYS), so a
# date in these years plus or minus any offset stays a real date.
FIRST_YEAR, LAST_YEAR = 1000, 9000
MAX_DAYS = 3660  # the most days a setting may add to a date: ten years
MAX_DURATION = 7 * 24 * 60  # minutes: an interview of a week
_MAX_DIGITS = 15  # longer runs of digits are out of every range; int() of 5,000 would fail


def in_range(day: date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def range_problem(day: date) -> str:
    return f"{day.isoformat()} is out of range (vaultkit plans around the years {FIRST_YEAR} to {LAST_YEAR})"


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Every IANA name, from the tzdata package's list (2 ms; walking the system's zone
    folders, as zoneinfo.available_timezones does, takes 200), by its casefold."""
    from importlib import resources  # here: 7 ms of imports a run that reads no time zone need not pay

    try:
        names = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    except (ImportError, OSError):  # pragma: no cover - tzdata comes with icalendar
        import zoneinfo  # here: as above

        names = sorted(zoneinfo.available_timezones())
    return {name.casefold(): name for name in names}


def zone_name(text: object) -> str | None:
    """The IANA time zone `text` names, spelt as the time zone database spells it
    (`america/new_york` is `America/New_York`), so every system reads it alike; None if none."""
    if not isinstance(text, str):
        return None
    return _zone_names().get(text.strip().casefold())


def add_days(day: date, days: int) -> date:
    """`day + days`, held at the first or last date Python has instead of overflowing."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def _whole(digits: str) -> int:
    """A written count; absurdly long ones become a number too large for any check to pass."""
    return int(digits) if len(digits) <= _MAX_DIGITS else 10**_MAX_DIGITS


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_LINK = re.compile(r"\[\[([^\[\]|#]*)(?:#[^\[\]|]*)?(?:\|[^\[\]]*)?\]\]")


def unlink(text: str) -> str:
    """`[[2026-11-02|Mon]]` -> `2026-11-02`; other text unchanged."""
    m = _LINK.fullmatch(text.strip())
    return m.group(1).strip() if m else text.strip()


def parse_date_time(value: object) -> tuple[date, time | None] | None:
    """A date (and the time, if one was written) from a YAML value.

    Accepts what YAML makes of `2026-11-12` (a date), `2026-11-12 10:00:00`
    (a datetime), and the strings it leaves alone: `2026-11-12T20:35`,
    `"2026-11-12"`, `[[2026-11-12]]`. A datetime with a zone is read in the
    user's local zone, since that is the calendar they live by.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = _local(value)
        t = value.time()
        return value.date(), (t if t != time(0) else None)
    if isinstance(value, date):
        return value, None
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and len(value[0]) == 1:
        value = f"[[{value[0][0]}]]"  # YAML read an unquoted [[2026-11-12]] as a nested list
    if not isinstance(value, str):
        return None
    m = _ISO.fullmatch(unlink(value))
    if not m:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
        if m[4] is None:
            return day, None
        at = datetime(day.year, day.month, day.day, int(m[4]), int(m[5]), int(m[6] or 0))
    except ValueError:
        return None
    if m[7]:
        zone = m[7] if m[7] != "Z" else "+00:00"
        if ":" not in zone:
            zone = zone[:3] + ":" + zone[3:]
        at = _local(datetime.fromisoformat(at.isoformat() + zone))
    return at.date(), at.time()


def _local(moment: datetime) -> datetime:
    """A zoned time in the local zone; as written when that is past the first or last day there is
    (it is out of vaultkit's range either way, and the caller says so)."""
    try:
        return moment.astimezone().replace(tzinfo=None)
    except OverflowError:
        return moment.replace(tzinfo=None)


def parse_date(value: object) -> date | None:
    parsed = parse_date_time(value)
    return parsed[0] if parsed else None


_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def parse_time(value: object) -> time | None:
    """`14:30`, `9:05`, `2pm`, `2:30 PM`; YAML 1.1 reads unquoted `10:00` as 600."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, bool):
        return None
    if isinstance(value, int):  # sexagesimal: 10:00 -> 600 minutes
        return time(*divmod(value, 60)) if 0 <= value < 24 * 60 else None
    if not isinstance(value, str):
        return None
    m = _CLOCK.fullmatch(value.strip())
    if not m or (m[2] is None and m[4] is None):
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[4].lower().startswith("p") else 0)
    try:
        return time(hour, minute, int(m[3] or 0))
    except ValueError:
        return None


_DURATION = re.compile(
    r"(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m|min|mins|minutes?)?)?", re.IGNORECASE
)


def parse_duration(value: object) -> int | None:
    """Minutes from `45`, `45m`, `45 min`, `1h`, `1h30m`, or YAML's 1:30 (= 90)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float) and value > 0 and value.is_integer():
        return int(value)
    if not isinstance(value, str) or not value.strip():
        return None
    m = _DURATION.fullmatch(value.strip())
    if not m or (m[1] is None and m[2] is None):
        return None
    minutes = _whole(m[1] or "0") * 60 + _whole(m[2] or "0")
    return minutes or None


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often to check in: a count of days, weeks, months or years."""

    amount: int
    unit: str  # "d", "w", "m" or "y"

    def after(self, day: date) -> date:
        """The day one cadence after `day`; the last date there is if that is past it."""
        if self.unit in "dw":
            return add_days(day, self.amount * (7 if self.unit == "w" else 1))
        months = self.amount * (12 if self.unit == "y" else 1)
        year, month0 = divmod(day.month - 1 + months, 12)
        year += day.year
        if year > date.max.year:
            return date.max
        return date(year, month0 + 1, min(day.day, _month_days(year, month0 + 1)))

    @property
    def in_range(self) -> bool:
        """At most ten years, so that a check-in lands on a date vaultkit can plan around."""
        return self.amount <= MAX_DAYS // _UNIT_DAYS[self.unit]

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"


def _month_days(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without loading calendar (1.3 ms at every start)."""
    return 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days


_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 366}
_CADENCE = re.compile(
    r"(\d+)\s*(d|days?|w|wks?|weeks?|m|mos?|months?|y|yrs?|years?)?", re.IGNORECASE
)


def parse_cadence(value: object) -> Cadence | None:
    """`30d`, `6w`, `3m`, `1y`, `2 weeks`, or a bare number of days."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Cadence(value, "d") if value > 0 else None
    if not isinstance(value, str):
        return None
    m = _CADENCE.fullmatch(value.strip())
    if not m or _whole(m[1]) <= 0:
        return None
    unit = (m[2] or "d")[0].lower()
    return Cadence(_whole(m[1]), unit)


# Daily note names, in the moment.js tokens Obsidian's daily-notes plugin uses.
# English, as calendar.month_name is in the C locale Python starts in
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MONTH_ABBR = [month[:3] for month in _MONTHS]
_TOKENS = {
    "YYYY": r"(?P<year>\d{4})",
    "MMMM": r"(?P<month_name>[A-Za-z]+)",
    "MMM": r"(?P<month_abbr>[A-Za-z]{3})",
    "MM": r"(?P<month>\d{2})",
    "M": r"(?P<month>\d{1,2})",
    "Do": r"(?P<day>\d{1,2})(?:st|nd|rd|th)",
    "DD": r"(?P<day>\d{2})",
    "D": r"(?P<day>\d{1,2})",
    "dddd": r"[A-Za-z]+",
    "ddd": r"[A-Za-z]{3}",
}
_TOKEN_RE = re.compile(r"\[[^\]]*\]|" + "|".join(sorted(_TOKENS, key=len, reverse=True)))


@dataclass(frozen=True)
class DailyFormat:
    """A daily-note name format such as `YYYY-MM-DD` or `DD.MM.YYYY`."""

    pattern: str
    regex: re.Pattern

    @classmethod
    def compile(cls, pattern: str) -> "DailyFormat":
        """Raises ValueError when the pattern cannot name a single day."""
        parts, pos, seen = [], 0, set()
        for m in _TOKEN_RE.finditer(pattern):
            parts.append(re.escape(pattern[pos : m.start()]))
            token = m.group()
            if token.startswith("["):
                parts.append(re.escape(token[1:-1]))
            else:
                group = _TOKENS[token]
                name = re.match(r"\(\?P<(\w+)>", group)
                if name:
                    key = "month" if name[1].startswith("month") else name[1]
                    if key in seen:  # `YYYY/MM/YYYY-MM-DD`: later copies only have to match
                        group = "(?:" + group[name.end():]
                    seen.add(key)
                parts.append(group)
            pos = m.end()
        parts.append(re.escape(pattern[pos:]))
        missing = {"year", "month", "day"} - seen
        if missing:
            raise ValueError("needs YYYY, a month (MM, M, MMM or MMMM) and a day (DD, D or Do)")
        return cls(pattern, re.compile("".join(parts), re.IGNORECASE))

    def parse(self, stem_or_path: str) -> date | None:
        """The day a daily note's name stands for, or None."""
        text = stem_or_path if "/" in self.pattern else stem_or_path.rsplit("/", 1)[-1]
        m = self.regex.fullmatch(text) if "/" not in self.pattern else self.regex.search(text)
        if not m or ("/" in self.pattern and m.end() != len(text)):
            return None
        g = m.groupdict()
        if g.get("month_name"):
            name = g["month_name"].lower()
            month = _MONTHS.index(name) + 1 if name in _MONTHS else 0
        elif g.get("month_abbr"):
            abbr = g["month_abbr"].lower()
            month = _MONTH_ABBR.index(abbr) + 1 if abbr in _MONTH_ABBR else 0
        else:
            month = int(g["month"])
        try:
            return date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            return None


ISO_DAILY = DailyFormat.compile("YYYY-MM-DD")


def daily_date(path_without_ext: str, fmt: DailyFormat) -> date | None:
    """A note is a daily note when its name is an ISO date or matches `daily_format`."""
    name = path_without_ext.rsplit("/", 1)[-1]
    iso = ISO_DAILY.parse(name) if len(name) == 10 else None
    if iso is not None or fmt.pattern == "YYYY-MM-DD":
        return iso
    return fmt.parse(path_without_ext)
