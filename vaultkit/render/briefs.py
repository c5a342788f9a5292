"""Briefs/: one page per upcoming interview, to read the day before and take along.

Who they are and how to reach them, how you got to them, every touch so far,
your questions, what the field has taught you, and the day-of checklist.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from ..links import TAG, note_name
from ..model import Touch, Vault
from ..model.touches import KIND_TAGS
from ..rules import Plan
from ..rules.briefs import Brief, briefs
from ..templates.sources import yaml_text
from ..wording import long_date, mid_sentence
from ..output.write import Output, unique_names
from ..zones import other_zone, zone_words
from .text import dashboard_head, md_text, note_link, person_link, plain_text, plural, wikilink

BRIEFS = "Briefs"
_MODES = {"in-person": "In person", "video": "Video call", "phone": "Phone call"}
_KIND_WORDS = {"checkin": "check-in"}  # a touch kind as a brief names it, where it differs


def brief_names(vault: Vault) -> dict[str, str]:
    """Interview note path -> its brief's path in the output folder, e.g. `Briefs/2026-11-21 Chloé Martin.md`.

    Named after the interview note; every interview in the vault takes part in
    making names unique, so a brief keeps its name while other interviews come and go.
    """
    paths = sorted(i.path for i in vault.interviews)
    return {p: f"{BRIEFS}/{name}" for p, name in zip(paths, unique_names([note_name(p) for p in paths]))}


def brief_name(vault: Vault, interview_path: str) -> str:
    """The path of an interview's brief inside the output folder (for linking to it)."""
    return brief_names(vault)[interview_path]


def render_briefs(vault: Vault, plan: Plan, names: dict[str, str] | None = None) -> list[Output]:
    """Every upcoming interview's brief; `names`: brief_names(vault), if the caller has them already."""
    names = brief_names(vault) if names is None else names
    learned_lists: list[tuple[tuple, str]] = []  # briefs in the same field learned the same: each list written once
    return [Output(names[b.interview.path], _page(b, vault, plan, learned_lists).encode("utf-8"))
            for b in briefs(vault, plan.today, plan.actions, plan.network)]


def _clock(day, at, minutes: int = 0) -> str:
    return (datetime.combine(day, at) + timedelta(minutes=minutes)).strftime("%H:%M")


def _page(b: Brief, vault: Vault, plan: Plan, learned_lists: list[tuple[tuple, str]]) -> str:
    i, folder = b.interview, vault.config.folders.contacts
    name = i.contact.name
    contact_link = person_link(i.contact.path, name, folder)
    out = dashboard_head(f"{md_text(name)}, {long_date(i.date)}", plan.today, {
        "date": i.date.isoformat(), "status": b.status,
        "contact": yaml_text(contact_link), "interview": yaml_text(note_link(i.path))})
    out.append(f"Your brief for the informational interview with {contact_link} ({note_link(i.path)}). "
               "Read it the day before; the notes it comes from are the ones to edit.\n")
    out += _when(b, vault.config.me.timezone) + _who(b, folder) + _reached(b, folder) + _touches(b) + _questions(b, vault) + _learned(b, learned_lists)
    out += _checklist(b, vault)
    return "\n".join(out)


def _when(b: Brief, home: str) -> list[str]:
    i = b.interview
    when, yours = long_date(i.date), ""
    if i.time:
        when += f", {_clock(i.date, i.time)} to {_clock(i.date, i.time, i.duration)}"
        label, yours = other_zone(i.date, i.time, i.timezone, home, i.duration)
        if label:  # the zone it was agreed in, when it is not yours: `New York time`
            when += f" {md_text(label)}"
    lines = [f"- {when} ({plural(i.duration, 'minute')})"] + ([f"- Your time: {yours}"] if yours else [])
    if i.mode or i.location:
        how = _MODES.get(i.mode, md_text(i.mode.capitalize()))
        lines.append(f"- {how}{': ' if how and i.location else ''}{md_text(i.location)}")
    state = {"requested": "requested, not agreed yet", "scheduled": "scheduled, not confirmed yet",
             "confirmed": "confirmed"}[b.status]
    lines.append(f"- Status: {state}")
    return ["## When and where\n", "\n".join(lines) + "\n"]


def _who(b: Brief, folder: str) -> list[str]:
    i, c = b.interview, b.contact
    role = c.role if c else ""
    work = " at ".join(md_text(part) for part in (role, i.company) if part)
    lines = [f"- {person_link(i.contact.path, i.contact.name, folder)}" + (f": {work}" if work else "")]
    lines.append(f"- Field: {md_text(i.field)}" if i.field else "- Field: none recorded (add `field:` to their note)")
    reach = [(label, getattr(c, attr)) for label, attr in
             (("Email", "email"), ("Phone", "phone"), ("LinkedIn", "linkedin"), ("Based in", "location"))
             if c and getattr(c, attr)]
    lines += [f"- {label}: {md_text(value)}" for label, value in reach]
    if not reach:
        lines.append("- No email, phone or LinkedIn in their note" if c else
                     "- They have no contact note yet: create one to keep their details")
    return ["## Who\n", "\n".join(lines) + "\n"]


def _reached(b: Brief, folder: str) -> list[str]:
    i = b.interview
    lines = []
    if b.referred_through:
        steps = [person_link(p.path, p.name, folder) for p in b.referred_through]
        lines.append("You → " + " → ".join(steps + [person_link(i.contact.path, i.contact.name, folder)]))
    else:
        lines.append("Directly: nobody referred you to them.")
    if b.contact and b.contact.met_via:
        lines.append(f"\nMet via: {md_text(b.contact.met_via)}.")
    return ["## How you reached them\n", "\n".join(lines) + "\n"]


def _touch_text(touch: Touch, names: list[str]) -> str:
    """What the touch says, without the tag that gave its kind (shown already), link brackets, or
    the person's own name in front: in a daily note `[[Chloé Martin]] #outreach wrote to ask ...`
    says whom it was with, and left in, it would read as if Chloé wrote."""
    text = TAG.sub(lambda m: "" if m.group(1).lower() in KIND_TAGS else m.group(0), plain_text(touch.text))
    text = " ".join(text.split())
    for name in names:
        rest = text[len(name):]
        if text[:len(name)].casefold() == name.casefold() and not rest[:1].isalnum():
            text = rest.lstrip(" :,;-–—")
            break
    return md_text(text) or "(no text)"


def _touch_kind(touch: Touch, name: str) -> str:
    """Who it came from: a reply is theirs, every other kind of touch is yours; a plain touch says neither."""
    if not touch.kind:
        return "touch"
    sender = md_text(name) if touch.from_them else "you"
    return f"{_KIND_WORDS.get(touch.kind, touch.kind)} from {sender}"


def _touches(b: Brief) -> list[str]:
    person = b.interview.contact
    names = [person.name, *(b.contact.aliases if b.contact else ()), note_name(person.path or "")]
    names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)  # the longest first
    rows = [(t.date, f"- {t.date.isoformat()} · {_touch_kind(t, person.name)}: {_touch_text(t, names)} "
                     f"({note_link(t.source)})") for t in b.touches]
    rows += [(e.date, f"- {e.date.isoformat()} · interview, {status}: {note_link(e.path)}") for e, status in b.earlier]
    body = "\n".join(line for _, line in sorted(rows, key=lambda r: r[0])) if rows else \
        "None recorded yet: log what you send and receive in their note's Log."
    return [f"## Every touch so far ({len(rows)})\n", body + "\n"]


def _questions(b: Brief, vault: Vault) -> list[str]:
    i = b.interview
    if i.questions:
        body = "\n".join(f"- {md_text(q)}" for q in i.questions)
    elif i.has_questions:
        body = f"Your questions are in the Questions section of {note_link(i.path)}."
    else:
        due = f", due {b.prepare_due.isoformat()}" if b.prepare_due else ""
        follow_ups = wikilink(f"{vault.config.folders.output}/Follow-ups.md", "Follow-ups")
        body = (f"None yet. Write a few specific ones under `## Questions` in {note_link(i.path)}: "
                f"the `prepare` action in {follow_ups} reminds you{due}.")
    return ["## Your questions\n", body + "\n"]


def _learned(b: Brief, written: list[tuple[tuple, str]]) -> list[str]:
    """`written`: each list of what was learned written before, with its lines (a list compares in
    microseconds when it is the same, so a field's hundreds of lines are written once)."""
    field = b.interview.field
    if not field:
        return []
    if b.learned:
        body = next((lines for learned, lines in written if learned == b.learned), None)
        if body is None:
            links = {i.path: wikilink(i.path, f"{i.contact.name}, {i.date.isoformat()}") for i, _ in b.learned}
            body = "\n".join(f"- {md_text(point)} ({links[i.path]})" for i, point in b.learned)
            written.append((b.learned, body))
    else:
        body = "Nothing written down yet: this may be your first conversation in this field."
    return [f"## What you have learned in {md_text(mid_sentence(field))} so far\n", body + "\n"]


def _checklist(b: Brief, vault: Vault) -> list[str]:
    i = b.interview
    if b.status == "confirmed":
        confirm = "- [x] Confirmed"
    elif b.status == "scheduled":
        by = f" ({b.confirm_due.isoformat()})" if b.confirm_due else ""
        confirm = f"- [ ] Confirm the day before{by}: date, time and place"
    else:
        confirm = "- [ ] Agree a date and time, then confirm the day before"
    early = ""
    if i.time:
        at = datetime.combine(i.date, i.time) - timedelta(minutes=10)
        zone = md_text(zone_words(at.date(), at.time(), i.timezone, vault.config.me.timezone))
        early = f", by {at:%H:%M}{' ' if zone else ''}{zone}"
    arrive = "Arrive" if i.mode in ("in-person", "") else "Be ready"
    hours = vault.config.rules.thank_you_hours
    lines = [
        confirm,
        f"- [ ] {arrive} ten minutes early{early}",
        "- [ ] Bring your résumé and a notebook",
        "- [ ] Ask for two or three names of others to talk to, and whether you may say they sent you",
        f"- [ ] Keep to the {plural(i.duration, 'minute')} you asked for",
        f"- [ ] Afterwards: write down the takeaways, and send a thank-you within {plural(hours, 'hour')}",
    ]
    return ["## On the day\n", "\n".join(lines) + "\n"]
