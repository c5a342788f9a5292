"""Messages -> the Log lines to add: whose message, which contact, what kind, one item a day.

Pure: takes the vault model, the messages read, the block ids each contact's note holds
already, and returns what to write and what to count. Never reads a file.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from ..model import Vault
from .kinds import KindJudge
from .people import Directory
from .records import LINKEDIN, Message
from .tally import BLAST, Counts, others_of, skip_reason, tally_glanced

BLOCK_ID = re.compile(r"\^(vk-[0-9a-f]{8})(?![0-9A-Za-z-])")
_ESCAPE = re.compile(r"([\\#\[\]<>^|`$])")  # tags, links, block ids, HTML, tables, code, maths
SUBJECT_LIMIT = 120


def block_id(key: str) -> str:
    return "vk-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def ids_in(text: str) -> set[str]:
    return set(BLOCK_ID.findall(text))


def plain_subject(text: str) -> str:
    """A subject as Log text: one line, shortened, with nothing that Markdown or Obsidian would read
    as a tag, link, block id or markup (`#hiring` stays text, not a tag)."""
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    if len(text) > SUBJECT_LIMIT:
        text = text[:SUBJECT_LIMIT - 1].rstrip() + "…"
    return _ESCAPE.sub(r"\\\1", text)


@dataclass(frozen=True, slots=True)
class Touchpoint:
    """One message or meeting with one contact, its kind decided."""

    path: str  # the contact's note
    moment: dt.datetime  # the seeker's local time (naive)
    kind: str | None
    label: str  # "email", "linkedin", "met"
    subject: str
    id: str  # its block id, without `^`
    position: str


@dataclass(frozen=True, slots=True)
class NewLine:
    day: dt.date
    text: str  # the item without `- `: `2026-11-20 #reply email: Re: coffee ^vk-3f2a9c1b`
    kind: str | None
    id: str


@dataclass(frozen=True, slots=True)
class Exchange:
    """A message between the seeker and one contact."""

    message: Message
    path: str
    from_me: bool


def local_time(when: dt.datetime, zone) -> dt.datetime:
    """`when` in the seeker's zone (`zone`, a tzinfo; None: the computer's), without the zone."""
    if when.tzinfo is None:
        return when
    try:
        return when.astimezone(zone).replace(tzinfo=None)
    except (OverflowError, ValueError):
        return when.replace(tzinfo=None)


def sort_out(items, directory: Directory, counts: Counts) -> list[Exchange]:
    """Which messages are between the seeker and a contact; every other is counted by why not.

    `items` are Messages, and Counts of messages already tallied elsewhere (a part of a mailbox
    another process read), which are added in. A message that was only glanced at (no `when`:
    no contact's address is in it) is tallied as `tally_glanced` says."""
    exchanges, seen = [], set()
    for message in items:
        if isinstance(message, Counts):
            counts.merge(message)
            continue
        if message.when is None:
            tally_glanced(message, directory.seeker, counts)
            continue
        counts.read += 1
        if message.source != LINKEDIN:
            if message.key in seen:
                counts.skipped["the same message twice"] += 1
                continue
            seen.add(message.key)
        reason = skip_reason(message, directory.seeker)
        if reason:
            counts.skipped[reason] += 1
            continue
        others = others_of(message, directory.seeker)
        if others is None:
            counts.skipped[f"sent to more than {BLAST} people"] += 1
            continue
        found = False
        for party in others:
            paths = directory.contacts_of(party)
            if len(paths) == 1:
                exchanges.append(Exchange(message, paths[0], directory.is_me(message.sender)))
                found = True
            elif paths:
                counts.ambiguous[party.shown()] = (paths, counts.ambiguous.get(party.shown(), (paths, 0))[1] + 1)
            else:
                counts.stranger(party)
        if not found:
            counts.skipped["ambiguous" if any(len(directory.contacts_of(p)) > 1 for p in others)
                           else "not with a contact"] += 1
    return exchanges


def decide_kinds(vault: Vault, exchanges: list[Exchange], zone, today: dt.date) -> list[Touchpoint]:
    """Each exchange's kind, in date order, seeing the vault's touches and those decided before it."""
    timed = sorted(((local_time(e.message.when, zone), n, e) for n, e in enumerate(exchanges)), key=lambda t: t[:2])
    keys = [_message_id(exchange.message, moment.date()) for moment, _, exchange in timed]
    judge = KindJudge(vault, today, replayed_touches(vault, {(e.path, key) for (_, _, e), key in zip(timed, keys)}))
    points = []
    for (moment, _, exchange), key in zip(timed, keys):
        message = exchange.message
        kind = judge.decide(exchange.path, moment, exchange.from_me)
        judge.record(exchange.path, moment.date(), kind)
        linkedin = message.source == LINKEDIN
        points.append(Touchpoint(exchange.path, moment, kind, "linkedin" if linkedin else "email", message.subject,
                                 block_id(f"{key}|{kind}" if linkedin else key), message.position))
    return points


def _message_id(message: Message, day: dt.date) -> str:
    """What a message's block id comes from: its Message-ID; LinkedIn's conversation and day."""
    return f"linkedin:{message.key}:{day.isoformat()}" if message.source == LINKEDIN else f"mail:{message.key}"


def replayed_touches(vault: Vault, ids: set[tuple[str, str]]) -> dict[str, set[tuple[str, int]]]:
    """The vault's touches this import would write again, by their block id: per contact, (source, line).
    `ids` holds (contact path, id key) pairs; every kind a LinkedIn key may take is tried."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for path, key in ids:
        if key.startswith("linkedin:"):
            wanted[path].update(block_id(f"{key}|{k}") for k in ("thanks", "update", "outreach", "reply", None))
        else:
            wanted[path].add(block_id(key))
    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for path, own in wanted.items():
        for touch in vault.touches_of(path):
            if "^vk-" in touch.text and ids_in(touch.text) & own:
                found[path].add((touch.source, touch.line))
    return found


def log_lines(points: list[Touchpoint], present: dict[str, set[str]], counts: Counts,
              subjects: bool = True) -> dict[str, list[NewLine]]:
    """One Log item per contact, day and kind, for the groups none of whose ids the note holds yet."""
    groups: dict[tuple[str, dt.date, str | None], list[Touchpoint]] = {}
    for point in points:
        groups.setdefault((point.path, point.moment.date(), point.kind), []).append(point)
    lines: dict[str, list[NewLine]] = defaultdict(list)
    for (path, day, kind), members in groups.items():
        first = members[0]
        if any(m.id in present.get(path, ()) for m in members):
            counts.already += 1
            continue
        subject = plain_subject(first.subject) if subjects else ""
        text = " ".join(part for part in (day.isoformat(), f"#{kind}" if kind else "",
                                          f"{first.label}: {subject}" if subject else first.label,
                                          f"^{first.id}") if part)
        lines[path].append(NewLine(day, text, kind, first.id))
        counts.added[kind or ""] += 1
    return {path: sorted(found, key=lambda line: line.day) for path, found in sorted(lines.items())}
