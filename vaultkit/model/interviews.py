"""An interview note -> Interview (or None when it lacks a contact or a date)."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..dates import MAX_DURATION, in_range, parse_date_time, parse_duration, parse_time, range_problem, zone_name
from ..errors import ERROR, WARNING, Problem, shown
from ..links import name_of
from ..index.note import Note
from .entities import INTERVIEW_STATUSES, Interview, PersonRef
from .props import Props, enum_value

_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.S)  # HTML comments, which Obsidian hides

SECTION_NAMES = {
    "questions": ("Questions",),
    "takeaways": ("Takeaways",),
    "reflection": ("Reflection",),
    "next_steps": ("Next steps", "Next-steps", "Next_steps"),
}

_SECTION_OF = {name.casefold(): key for key, names in SECTION_NAMES.items() for name in names}


def _sections(body) -> dict:
    """Each of SECTION_NAMES' keys -> the first section titled by one of its names, ignoring case
    (Body.section for each, in one pass over the sections); None where there is none."""
    found = dict.fromkeys(SECTION_NAMES)
    if body is not None:
        for section in body.sections:
            key = _SECTION_OF.get(section.title.casefold())
            if key is not None and found[key] is None:
                found[key] = section
    return found


def read_interview(note: Note, problems: list[Problem]) -> Interview | None:
    fields = interview_fields(note, problems)
    return None if fields is None else Interview(**fields)


def interview_fields(note: Note, problems: list[Problem]) -> dict | None:
    """read_interview's Interview as its fields, for a caller that resolves its people before making it
    (made once, not made and then replaced: the model reads thousands)."""
    p = Props(note, problems)
    contact_texts = p.texts("contact")
    if not contact_texts:
        p.report("contact", ERROR, 'interview has no contact; add who you met, e.g. contact: "[[Ana Díaz]]"')
    elif len(contact_texts) > 1:
        p.report("contact", WARNING, f"contact names {len(contact_texts)} people; using the first, {contact_texts[0][0]!r}")
    when = None
    if not p.has("date"):
        p.report("date", ERROR, "interview has no date; add one like date: 2026-11-12")
    else:
        when = parse_date_time(p.data["date"])
        if when is None:
            p.report("date", ERROR, f"date: {shown(p.data['date'])} is not a date like 2026-11-12; interview skipped")
        elif not in_range(when[0]):
            p.report("date", ERROR, f"date: {range_problem(when[0])}; interview skipped")
            when = None
    if not contact_texts or when is None:
        return None
    day, time_from_date = when
    at = time_from_date
    if p.has("time"):
        at = parse_time(p.data["time"])
        if at is None:
            p.report("time", WARNING, f"time: {shown(p.data['time'])} is not a time like 14:30")
    zone = None
    if p.has("timezone"):
        zone = zone_name(p.data["timezone"]) or ""
        if not zone:
            p.report("timezone", WARNING, f"timezone: {shown(p.data['timezone'])} is not a time zone name like "
                     "America/New_York or Europe/Paris; the calendar shows this interview at its time "
                     "in whatever zone the calendar is in")
    duration = 30
    if p.has("duration"):
        duration = parse_duration(p.data["duration"]) or 0
        if not duration:
            p.report("duration", WARNING, f"duration: {shown(p.data['duration'])} is not a number of minutes; using 30")
            duration = 30
        elif duration > MAX_DURATION:
            p.report("duration", WARNING, f"duration: {shown(p.data['duration'])} is more than a week "
                     f"({MAX_DURATION:,} minutes); using 30")
            duration = 30
    thanked = p.data.get("thank_you_sent")
    if thanked is not None and thanked != "" and not isinstance(thanked, bool):
        thanked = p.date("thank_you_sent", "write the date you sent it, or true")
    text, line = contact_texts[0]
    body = note.body
    sections = _sections(body)
    item_lines = [i.line for i in body.items] if body else []

    def items_in(section):  # Body.items_in, with the items' lines listed once per note
        return body.items[bisect_right(item_lines, section.line):bisect_right(item_lines, section.end_line)]

    def points(key):
        section = sections[key]
        if section is None:
            return ()
        if not section.has_content:  # blank, or only a comment such as the template's starting points
            return ()
        items = items_in(section)
        if items:
            return tuple(i.text for i in items if i.depth == items[0].depth and i.text)
        text = _COMMENTS.sub("", section.text)
        return tuple(part.strip() for part in text.split("\n\n") if part.strip())

    next_steps = ()
    if sections["next_steps"] is not None:
        next_steps = tuple((i.text, i.task not in (None, " ")) for i in items_in(sections["next_steps"]) if i.task)
    mode = p.text("mode")
    return dict(
        path=note.path,
        contact=PersonRef(text, name_of(text), None, line),
        date=day,
        date_line=p.line("date"),
        time=at,
        timezone=zone,
        duration=duration,
        mode=enum_value(mode) if mode else "",
        location=p.text("location"),
        status=p.choice("status", INTERVIEW_STATUSES, "read from its date until fixed"),
        thank_you_sent=thanked if thanked not in ("", False) else None,
        referrals=tuple(PersonRef(t, name_of(t), None, ln) for t, ln in p.texts("referrals")),
        may_use_name=p.flag("may_use_name", True),
        field=p.text("field"),
        company=p.text("company"),
        has_questions=bool(sections["questions"] and sections["questions"].has_content),
        has_takeaways=bool(sections["takeaways"] and sections["takeaways"].has_content),
        has_reflection=bool(sections["reflection"] and sections["reflection"].has_content),
        questions=points("questions"),
        takeaways=points("takeaways"),
        reflection=points("reflection"),
        next_steps=next_steps,
    )
