"""People from the files other tools export: LinkedIn's Connections.csv and vCards.

Each reader returns the people in file order, each with the line it starts on, a
problem (`file:line: warning: ...`) for every row or card it skipped (one bad row never
stops the rest), and notices about what a person's note leaves out. Names are cleaned for a note: credentials after a comma
(`Ana Díaz, PhD`), pronouns in brackets and emoji are left out, since a draft greets
the person by their first name.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import vobject

from ..errors import WARNING, Problem, VaultkitError

LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), 1)}
_UNDECODABLE = re.compile(r"[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
# A vCard 2.1 property whose value is quoted-printable: `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:...`.
_QUOTED_PRINTABLE = re.compile(r"^[^:]*;(ENCODING=)?QUOTED-PRINTABLE(;[^:]*)?:", re.IGNORECASE)


@dataclass(frozen=True)
class Person:
    line: int  # where their row or card starts in the file
    name: str  # cleaned; empty when the file gives none
    email: str = ""
    company: str = ""
    role: str = ""
    linkedin: str = ""
    phone: str = ""
    connected: date | None = None
    written: str = ""  # the name as the file gives it, before cleaning


def clean_name(text: str) -> str:
    """`🚀 Ana Díaz, PhD (she/her)` -> `Ana Díaz`: the name a note and a greeting want."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if not _decoration(c))
    text = text.split(",", 1)[0]  # `, PhD`, `, MBA, PMP`: credentials, not name
    text = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", " ", text)  # `(she/her)`, `[remote]`
    return " ".join(text.split()).strip(" -|·•")


def _decoration(c: str) -> bool:
    """Emoji, their joiners and variation selectors, skin tones, pictographs."""
    return (unicodedata.category(c) in ("So", "Cs", "Co") or c in "\u200d\ufe0e\ufe0f"
            or 0x1F3FB <= ord(c) <= 0x1F3FF)


def _text(data: bytes) -> str:
    """Bytes as text; what is not UTF-8 is kept as surrogates, so the row holding it can be named."""
    text = data.decode("utf-8", "surrogateescape")
    return text[1:] if text.startswith("\ufeff") else text


def linkedin_date(text: str) -> date | None:
    """`05 Nov 2023` (LinkedIn's form, in English whatever the locale), or `2023-11-05`."""
    text = text.strip()
    parts = text.split()
    try:
        if len(parts) == 3 and parts[1][:3].lower() in _MONTHS:
            return date(int(parts[2]), _MONTHS[parts[1][:3].lower()], int(parts[0]))
        return date.fromisoformat(text)
    except ValueError:
        return None


def _find_header(rows) -> tuple[int, dict[str, int]] | None:
    """The row naming LinkedIn's columns (after its lines of notes): (its index, column by name)."""
    for index, (_, row) in enumerate(rows):
        names = [cell.strip().casefold() for cell in row]
        if "first name" in names and "last name" in names:
            return index, {cell.strip().casefold(): i for i, cell in enumerate(row)}
    return None


def _csv_rows(text: str, source: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """(first line, fields) per row; a row the csv module refuses is a problem, and reading goes on."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, line = [], 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as exc:
            problems.append(Problem(source, line, WARNING, f"row cannot be read ({exc}); skipped"))
        else:
            rows.append((line, row))
        line = reader.line_num + 1


def read_linkedin(data: bytes, source: str) -> tuple[list[Person], list[Problem], list[Problem]]:
    problems: list[Problem] = []
    notices: list[Problem] = []
    rows = _csv_rows(_text(data), source, problems)
    found = _find_header(rows)
    if found is None:
        raise VaultkitError(f"{source} has no header line {','.join(LINKEDIN_HEADER)!r}: is it the "
                            "Connections.csv of a LinkedIn data export?")
    start, columns = found
    problems = [p for p in problems if p.line > rows[start][0]]  # the notes above the header are not rows
    width = len(rows[start][1])

    def cell(row: list[str], name: str) -> str:
        i = columns.get(name.casefold())
        return " ".join(row[i].split()) if i is not None else ""

    people = []
    for line, row in rows[start + 1:]:
        if not any(field.strip() for field in row):
            continue  # a blank line
        if len(row) != width:
            problems.append(Problem(source, line, WARNING, f"row has {len(row)} fields, the header has "
                                    f"{width}; skipped"))
            continue
        if any(_UNDECODABLE.search(field) for field in row):
            problems.append(Problem(source, line, WARNING, "row is not UTF-8 text; skipped"))
            continue
        written = f"{cell(row, 'First Name')} {cell(row, 'Last Name')}"
        connected_on = cell(row, "Connected On")
        connected = linkedin_date(connected_on) if connected_on else None
        if connected_on and connected is None:
            notices.append(Problem(source, line, WARNING, f"Connected On {connected_on!r} is not a date like "
                                    "05 Nov 2023; the note is written without it"))
        people.append(Person(line, clean_name(written), email=cell(row, "Email Address"),
                             company=cell(row, "Company"), role=cell(row, "Position"),
                             linkedin=cell(row, "URL"), connected=connected, written=written.strip()))
    return people, problems, notices


def _cards(text: str) -> list[tuple[int, str]]:
    """(first line, text) per BEGIN:VCARD ... END:VCARD, so one broken card cannot hide the rest."""
    cards, start, lines = [], None, []
    for number, line in enumerate(text.splitlines(), 1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            start, lines = number, []
        if start is not None:
            lines.append(line)
        if word == "END:VCARD" and start is not None:
            cards.append((start, "\r\n".join(_join_soft_breaks(lines)) + "\r\n"))
            start = None
    return cards


def _join_soft_breaks(lines: list[str]) -> list[str]:
    """A quoted-printable value's lines as one: vCard 2.1 (Android's export) breaks a long value with
    a line ending in `=`, even between the two bytes of an `É`; vobject then decodes it with its CHARSET.
    A trailing `=` is always a soft break there, since a real `=` is written `=3D`."""
    joined: list[str] = []
    continued = False
    for line in lines:
        if continued and line.strip().upper() != "END:VCARD":
            joined[-1] = joined[-1][:-1] + line
        else:
            joined.append(line)
        continued = joined[-1].endswith("=") and bool(_QUOTED_PRINTABLE.match(joined[-1]))
    return joined


def _values(card, key: str) -> list:
    return [item.value for item in card.contents.get(key, [])]


def _first_text(card, key: str) -> str:
    for value in _values(card, key):
        value = value[0] if isinstance(value, list) and value else value  # ORG: company;department
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _preferred(card, key: str) -> str:
    """The card's preferred EMAIL or TEL (PREF=1 in vCard 4, TYPE=PREF in 3), else its first."""
    items = card.contents.get(key, [])
    pref = [i for i in items if "1" in i.params.get("PREF", []) or
            any(t.lower() == "pref" for ts in i.params.get("TYPE", []) for t in ts.split(","))]
    for item in pref + items:
        if isinstance(item.value, str) and item.value.strip():
            return item.value.strip()
    return ""


def _emails(card) -> str:
    """Every EMAIL of the card, the preferred first, as one text (`a@x.org, b@y.org`): all are theirs."""
    found = [_preferred(card, "email"), *(v.strip() for v in _values(card, "email") if isinstance(v, str))]
    return ", ".join(dict.fromkeys(e.removeprefix("mailto:") for e in found if e))


def _card_name(card) -> str:
    name = _first_text(card, "fn")
    if name:
        return name
    for value in _values(card, "n"):  # no FN (vCard 3 requires it; some exports leave it out)
        parts = [getattr(value, part, "") for part in ("prefix", "given", "additional", "family")]
        text = " ".join(" ".join(p) if isinstance(p, list) else p for p in parts)
        if text.strip():
            return text
    return ""


def read_vcards(data: bytes, source: str) -> tuple[list[Person], list[Problem], list[Problem]]:
    problems: list[Problem] = []
    cards = _cards(_text(data))
    if not cards:
        raise VaultkitError(f"{source} holds no vCard (no BEGIN:VCARD line): is it a .vcf file?")
    people = []
    for line, text in cards:
        if _UNDECODABLE.search(text):
            problems.append(Problem(source, line, WARNING, "card is not UTF-8 text; skipped"))
            continue
        try:
            card = vobject.readOne(text, ignoreUnreadable=False)
            name = _card_name(card)
        except Exception as exc:  # vobject raises more than ParseError on odd input
            reason = re.sub(r"^At line \d+: ", "", " ".join(str(exc).split())) or type(exc).__name__
            problems.append(Problem(source, line, WARNING, f"card cannot be read ({reason}); skipped"))
            continue
        urls = [u.strip() for key in ("url", "x-socialprofile") for u in _values(card, key) if isinstance(u, str)]
        linkedin = next((u for u in urls if "linkedin.com" in u.lower()), "")
        phone = _preferred(card, "tel")
        people.append(Person(line, clean_name(name), email=_emails(card),
                             company=_first_text(card, "org"), role=_first_text(card, "title"),
                             linkedin=linkedin, phone=phone[4:] if phone.lower().startswith("tel:") else phone, written=name))
    return people, problems, []
