"""`vaultkit.toml`: every setting, its default, and how it is checked.

The defaults live in the dataclasses below and nowhere else. A value of the
wrong kind stops the command (`ConfigError`, with the line); a key vaultkit
does not know is a warning, so a typo never goes unnoticed.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from .dates import (MAX_DAYS, MAX_DURATION, Cadence, DailyFormat, in_range, parse_cadence, parse_date, range_problem,
                    zone_name)
from .errors import WARNING, ConfigError, Problem, shown
from .mapping import NO_MAPPING, Mapping, MappingError, parse_keys, parse_statuses, parse_touch_kinds, parse_types
from .vault_root import CONFIG_NAME

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib



@dataclass(frozen=True)
class Me:
    name: str = ""
    email: str = ""
    emails: tuple[str, ...] = ()  # other addresses of the seeker's: `import mail` knows their messages by them
    phone: str = ""
    linkedin: str = ""  # the seeker's profile URL: `import linkedin-messages` knows their messages by it
    signature: str = ""
    timezone: str = ""  # IANA name; the zone of interview times that give none


@dataclass(frozen=True)
class Folders:
    contacts: str = "Contacts"
    interviews: str = "Interviews"
    daily: str = "Daily"
    output: str = "vaultkit"
    templates: str = "Templates/vaultkit"


@dataclass(frozen=True)
class Rules:
    prepare_days_before: int = 2
    confirm_days_before: int = 1
    thank_you_hours: int = 24
    referral_days: int = 7
    close_loop_days: int = 3
    nudge_days: int = 7
    max_unanswered: int = 2
    stay_in_touch: Cadence = Cadence(60, "d")
    announce_days: int = 7
    min_interviews_per_field: int = 3
    min_open_leads: int = 5
    horizon_days: int = 14
    alarm_minutes: int = 60
    application_follow_up_days: int = 10


@dataclass(frozen=True)
class Imports:
    """`[import]`: where `vaultkit import mail` reads when given no PATH."""

    mail: tuple[str, ...] = ()  # mbox files, Maildirs or folders of .eml; `~` expands, relative to the vault


@dataclass(frozen=True)
class Landed:
    date: date
    company: str = ""
    role: str = ""
    email: str = ""


@dataclass(frozen=True)
class Config:
    root: Path
    ignore: tuple[str, ...] = ()
    log_headings: tuple[str, ...] = ("Log", "Timeline", "Contact Log", "Interactions")
    daily_format: DailyFormat = field(default_factory=lambda: DailyFormat.compile("YYYY-MM-DD"))
    targets: tuple[str, ...] = ()  # target companies, as written (besides notes with target: true)
    me: Me = Me()
    folders: Folders = Folders()
    rules: Rules = Rules()
    landed: Landed | None = None
    imports: Imports = Imports()
    mapping: Mapping = NO_MAPPING  # [types], [keys], [touch_kinds], [statuses]: the vault's own words
    warnings: tuple[Problem, ...] = ()
    me_line: int = 1  # where [me] name is set (or [me] opens), for a warning about it
    no_file: bool = False  # the vault has no vaultkit.toml: every setting is its default


def default_config(root: Path) -> Config:
    return Config(root=root)


# ---- checking values ---------------------------------------------------------

class _Bad(ValueError):
    """A value of the wrong kind; the message says what was expected."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text in quotes, got {value!r}")
    return value


def _text_list(value: object, example: str = '["Log", "Timeline"]') -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"expected a list of text, like {example}, got {shown(value)}")
    return tuple(value)


def _addresses(value: object) -> tuple[str, ...]:
    return _text_list(value, '["sam@home.example", "sam@work.example"]')


def _targets(value: object) -> tuple[str, ...]:
    return tuple(v.strip() for v in _text_list(value, '["Globex", "Initech"]') if v.strip())


def _mail_paths(value: object) -> tuple[str, ...]:
    return _text_list(value, '["~/Mail/Sent", "~/Downloads/Takeout/Mail/All mail.mbox"]')


def _number_from(low: int, high: int, what: str = ""):
    """A checker for a whole number from `low` to `high`; bounded so date arithmetic cannot overflow."""
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise _Bad(f"expected a whole number from {low} to {high:,}{what}, got {shown(value)}")
        return value
    return check


_days = _number_from(0, MAX_DAYS, " (ten years)")
_RULE_LIMITS = {  # every other rule is a count of days
    "thank_you_hours": _number_from(0, MAX_DAYS * 24, " (ten years)"),
    "alarm_minutes": _number_from(0, MAX_DURATION, " (a week)"),
    "max_unanswered": _number_from(1, 1000),
    "min_interviews_per_field": _number_from(0, 1000),
    "min_open_leads": _number_from(0, 1000),
}


def _cadence(value: object) -> Cadence:
    cadence = parse_cadence(value)
    if cadence is None:
        raise _Bad(f'expected a cadence such as 60, "30d", "6w" or "3m", got {shown(value)}')
    if not cadence.in_range:
        raise _Bad(f"expected a cadence of ten years or less, got {shown(value)}")
    return cadence


def _date(value: object) -> date:
    day = parse_date(value.isoformat() if isinstance(value, date) else value)
    if day is None:
        raise _Bad(f"expected a date like 2026-12-01, got {shown(value)}")
    if not in_range(day):
        raise _Bad(range_problem(day))
    return day


def _zone(value: object) -> str:
    if _text(value).strip() == "":
        return ""  # not set: interview times float unless an interview gives its zone
    name = zone_name(value)
    if name is None:
        raise _Bad(f"expected a time zone name like \"America/New_York\" or \"Europe/Paris\", got {value!r}")
    return name


def _daily_format(value: object) -> DailyFormat:
    try:
        return DailyFormat.compile(_text(value))
    except ValueError as exc:
        raise _Bad(f"daily_format {value!r} {exc}") from None


def _folder(value: object) -> str:
    """A vault-relative folder; anything that would lead elsewhere is refused, never quietly rewritten."""
    given = _text(value)
    text = given.strip().replace("\\", "/")
    parts = [p for p in text.split("/") if p not in ("", ".")]
    relative = "give it relative to the vault's top folder"
    why = (
        "it is empty" if not text else
        "it has a control character" if any(ord(c) < 32 or ord(c) == 127 for c in text) else
        f"an absolute path; {relative}" if text.startswith("/") or re.match(r"^[A-Za-z]:", text) else
        f'vaultkit does not expand "~"; {relative}' if text.startswith("~") else
        "" if ".." in parts else
        "that is the vault's top folder; give a folder of its own" if not parts else
        "a hidden folder, like .git, is not part of the vault" if any(p.startswith(".") for p in parts) else None
    )
    if why is not None:
        reason = f" ({why})" if why else ""
        raise _Bad(f"expected a folder inside the vault, like \"Contacts\", got {given!r}{reason}")
    return "/".join(parts)


_TABLES = {
    "me": (Me, {f.name: {"timezone": _zone, "emails": _addresses}.get(f.name, _text) for f in fields(Me)}),
    "folders": (Folders, {f.name: _folder for f in fields(Folders)}),
    "rules": (Rules, {f.name: {"stay_in_touch": _cadence, **_RULE_LIMITS}.get(f.name, _days) for f in fields(Rules)}),
    "landed": (Landed, {"date": _date, "company": _text, "role": _text, "email": _text}),
    "import": (Imports, {"mail": _mail_paths}),
}
_FIELD_OF_TABLE = {"import": "imports"}  # `import` is a Python keyword
_TOP = {"ignore": _text_list, "log_headings": _text_list, "daily_format": _daily_format, "targets": _targets}
_MAPPING_TABLES = {"types": parse_types, "keys": parse_keys, "touch_kinds": parse_touch_kinds,
                   "statuses": parse_statuses}


# ---- locating keys in the file -----------------------------------------------

_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\s*(?:#.*)?$")


def _key_line(text: str, table: str, key: str) -> int:
    """The line that sets `key` in `[table]` (or `table.key` at the top); 1 if not found."""
    current = ""
    bare = re.compile(r'^\s*["\']?' + re.escape(key) + r'["\']?\s*=')
    dotted = re.compile(r'^\s*' + re.escape(table) + r"\s*\.\s*" + re.escape(key) + r"\s*=") if table else None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = header.group(1).replace('"', "").strip()
            if current == (f"{table}.{key}" if table and key else table or key):
                return number  # the table itself, e.g. an unknown [colours]
            continue
        if key and current == table and bare.match(line):
            return number
        if key and dotted and current == "" and dotted.match(line):
            return number
    return 1


def _toml_error_line(exc: Exception, text: str) -> tuple[int, str]:
    message = str(exc)
    m = re.search(r"\s*\(at line (\d+), column \d+\)", message)
    if m:
        return int(m.group(1)), message[: m.start()] + message[m.end():]
    m = re.search(r"\s*\(at end of document\)", message)
    if m:
        return max(1, text.count("\n") + 1), message[: m.start()]
    return getattr(exc, "lineno", 1) or 1, message


def _unknown(keys: list[str], known: list[str], where: str, text: str, table: str) -> list[Problem]:
    import difflib  # here: only a config with a mistake needs it

    problems = []
    for key in keys:
        hint = difflib.get_close_matches(key, known, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(sorted(known))}"
        problems.append(
            Problem(CONFIG_NAME, _key_line(text, table, key), WARNING, f"unknown key {key!r} {where}{suggestion}")
        )
    return problems


# ---- loading -----------------------------------------------------------------

def load_config(root: Path) -> Config:
    """Read `vaultkit.toml` at the vault root; no file means every default."""
    path = root / CONFIG_NAME
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        return replace(default_config(root), no_file=True)
    except OSError as exc:
        raise ConfigError(CONFIG_NAME, 1, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        raise ConfigError(CONFIG_NAME, line, "not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, message = _toml_error_line(exc, text)
        raise ConfigError(CONFIG_NAME, line, f"not valid TOML: {message}") from None
    except ValueError:  # a number too long for Python to read (over 4,300 digits)
        digits = re.search(r"\d{4000,}", text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else 1
        raise ConfigError(CONFIG_NAME, line, "a number here is thousands of digits long; no setting needs one") from None
    return parse_config(root, data, text)


def parse_config(root: Path, data: dict, text: str = "") -> Config:
    """Check a loaded TOML mapping and build the Config (the file's text gives lines)."""
    values: dict[str, object] = {}
    warnings: list[Problem] = []

    def check(table: str, key: str, checker, value):
        try:
            return checker(value)
        except _Bad as exc:
            name = f"{table}.{key}" if table else key
            raise ConfigError(CONFIG_NAME, _key_line(text, table, key), f"{name}: {exc}") from None

    unknown_top = [k for k in data if k not in _TOP and k not in _TABLES and k not in _MAPPING_TABLES]
    warnings += _unknown(unknown_top, [*_TOP, *_TABLES, *_MAPPING_TABLES], "at the top level", text, "")
    for key, checker in _TOP.items():
        if key in data:
            values[key] = check("", key, checker, data[key])

    for table, (cls, checkers) in _TABLES.items():
        if table not in data:
            continue
        given = data[table]
        if not isinstance(given, dict):
            raise ConfigError(CONFIG_NAME, _key_line(text, "", table), f"{table} must be a table, like [{table}]")
        warnings += _unknown([k for k in given if k not in checkers], list(checkers), f"in [{table}]", text, table)
        kwargs = {k: check(table, k, checkers[k], v) for k, v in given.items() if k in checkers}
        if table == "landed" and "date" not in kwargs:
            raise ConfigError(CONFIG_NAME, _key_line(text, "landed", ""), "[landed] needs a date, like date = 2026-12-01")
        values[_FIELD_OF_TABLE.get(table, table)] = cls(**kwargs)

    values["mapping"] = _mapping(data, text)
    me_line = _key_line(text, "me", "name" if "name" in data.get("me", {}) else "")
    config = replace(default_config(root), **values, warnings=tuple(sorted(warnings)), me_line=me_line)
    _check_folders(config, text)
    return config


def _mapping(data: dict, text: str) -> Mapping:
    parts = {}
    for table, parse in _MAPPING_TABLES.items():
        given = data.get(table, {})
        if not isinstance(given, dict):
            raise ConfigError(CONFIG_NAME, _key_line(text, "", table), f"{table} must be a table, like [{table}]")
        try:
            parts[table] = parse(given)
        except MappingError as exc:
            raise ConfigError(CONFIG_NAME, _key_line(text, table, exc.key), f"{table}.{exc.key}: {exc}") from None
    return Mapping(**parts)


def _check_folders(config: Config, text: str) -> None:
    """Notes inside the output folder are never read, and a file vaultkit writes in a note
    folder would sit among the notes, so neither may hold the other."""
    output = config.folders.output.lower()
    for name in ("contacts", "interviews", "daily"):
        folder = getattr(config.folders, name).lower()
        if folder == output or folder.startswith(output + "/") or output.startswith(folder + "/"):
            harm = ("vaultkit would write its files among your notes" if output.startswith(folder + "/")
                    else "vaultkit would read its own output as notes")
            raise ConfigError(
                CONFIG_NAME,
                _key_line(text, "folders", "output"),
                f"folders.output {config.folders.output!r} overlaps folders.{name} "
                f"{getattr(config.folders, name)!r}; {harm}",
            )
