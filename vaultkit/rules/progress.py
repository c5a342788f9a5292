"""The search at a glance: the networking funnel, the last twelve weeks, and a few rates.

Pure functions of the vault and a day, like every rule. Touches dated after the
day are plans, not facts, so they count for nothing yet. The definitions,
each one a thing you can count by hand in the notes:

- written to: a contact with an `#outreach` touch, or any interview (you asked);
- answered: of those, one with a `#reply` touch, or an interview they agreed to
  (any status but `requested`);
- met: a done interview;
- gave referrals: of those met, one who named someone (in an interview's
  `referrals` or someone's `referred_by`);
- their referrals reached: the people they named whom you have written to or met.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import add_days
from .history import History, is_upcoming, person_key
from .interviews import after_hours
from .referrals import MET, REACHED_OUT, Referral

WEEKS = 12


def percent(count: int, of: int) -> int | None:
    """`count` of `of` as a whole percent, halves rounded up (5 of 8 is 63); None when `of` is 0."""
    return (200 * count + of) // (2 * of) if of else None


@dataclass(frozen=True, slots=True)
class Stage:
    key: str  # people / written_to / answered / met / gave_referrals / referrals_reached
    label: str
    count: int
    of: int | None  # what the rate is out of: the stage before (for referrals_reached, the people named)

    def as_dict(self) -> dict:
        rate = percent(self.count, self.of) if self.of is not None else None
        return {"stage": self.key, "count": self.count, "of": self.of, "percent": rate}


@dataclass(frozen=True, slots=True)
class Week:
    start: date  # a Monday
    outreach: int  # `#outreach` touches
    replies: int  # `#reply` touches
    meetings: int  # done interviews

    def as_dict(self) -> dict:
        return {"week_of": self.start.isoformat(), "outreach": self.outreach, "replies": self.replies,
                "meetings": self.meetings}


@dataclass(frozen=True, slots=True)
class FieldCount:
    field: str  # as first written; "" for interviews with no field
    met: int  # done
    upcoming: int  # requested, scheduled or confirmed, today or later
    other: int  # cancelled, no-show, or past and never recorded

    def as_dict(self) -> dict:
        return {"field": self.field, "met": self.met, "upcoming": self.upcoming, "other": self.other}


@dataclass(frozen=True)
class Progress:
    funnel: tuple[Stage, ...]
    weeks: tuple[Week, ...]  # oldest first; the last holds today
    reply_days: tuple[int, ...]  # per person who replied: days from their first outreach to the first reply
    meetings: int
    thank_you_hours: int
    thanked_on_time: int  # within `thank_you_hours` of the meeting
    thanked_late: int
    thanked_undated: int  # `thank_you_sent: true`: sent, day not recorded
    not_thanked: int
    referrals_named: int  # names in done interviews' `referrals`
    per_field: tuple[FieldCount, ...]
    applications: object = None  # rules/applications.py's Applications, once the vault has opportunities (plan sets it)

    def stage(self, key: str) -> Stage:
        return next(s for s in self.funnel if s.key == key)

    @property
    def median_reply_days(self) -> float | None:
        return _median(self.reply_days) if self.reply_days else None

    @property
    def referrals_per_meeting(self) -> float | None:
        return round(self.referrals_named / self.meetings, 2) if self.meetings else None

    def as_dict(self) -> dict:
        answered, written = self.stage("answered"), self.stage("written_to")
        return {
            "funnel": [s.as_dict() for s in self.funnel],
            "weeks": [w.as_dict() for w in self.weeks],
            "reply_rate": {"answered": answered.count, "written_to": written.count,
                           "percent": percent(answered.count, written.count)},
            "median_days_to_reply": self.median_reply_days,
            "replies_timed": len(self.reply_days),
            "thank_yous": {"hours": self.thank_you_hours, "meetings": self.meetings,
                           "on_time": self.thanked_on_time, "late": self.thanked_late,
                           "day_not_recorded": self.thanked_undated, "not_sent": self.not_thanked,
                           "percent_on_time": percent(self.thanked_on_time, self.meetings)},
            "referrals_per_meeting": self.referrals_per_meeting,
            "referrals_named": self.referrals_named,
            "interviews_per_field": [f.as_dict() for f in self.per_field],
            "applications": self.applications.as_dict() if self.applications else None,
        }


def progress(history: History, referrals: tuple[Referral, ...] | list[Referral]) -> Progress:
    vault, today = history.vault, history.today
    touches = [t for t in vault.touches if t.date <= today]
    outreach = {t.contact for t in touches if t.kind == "outreach"}
    replied = {t.contact for t in touches if t.kind == "reply"}
    asked = {i.contact.path for i in vault.interviews if i.contact.path}
    agreed = {i.contact.path for i, status in zip(vault.interviews, history.statuses)
              if i.contact.path and status != "requested"}
    people = set(vault.contacts)
    written = people & (outreach | asked)
    answered = written & (replied | agreed)
    met = people & {i.contact.path for i in history.done}
    givers = {r.referrer_path for r in referrals if r.referrer_path in met}
    named = {person_key(r.person_path, r.person): r.state for r in referrals if r.referrer_path in givers}
    reached = sum(state in (MET, REACHED_OUT) for state in named.values())
    funnel = (
        Stage("people", "People in the vault", len(people), None),
        Stage("written_to", "Written to", len(written), len(people)),
        Stage("answered", "Answered", len(answered), len(written)),
        Stage("met", "Met", len(met), len(answered)),
        Stage("gave_referrals", "Gave referrals", len(givers), len(met)),
        Stage("referrals_reached", "Their referrals reached", reached, len(named)),
    )
    on_time, late, undated, missing = _thank_yous(history)
    return Progress(
        funnel=funnel,
        weeks=_weeks(history, touches),
        reply_days=_reply_days(touches),
        meetings=len(history.done),
        thank_you_hours=history.rules.thank_you_hours,
        thanked_on_time=on_time, thanked_late=late, thanked_undated=undated, not_thanked=missing,
        referrals_named=sum(len(i.referrals) for i in history.done),
        per_field=_per_field(history),
    )


def _weeks(history: History, touches) -> tuple[Week, ...]:
    """Monday to Sunday, the last twelve weeks up to the one holding today."""
    today = history.today
    first = add_days(today, -today.weekday() - 7 * (WEEKS - 1))  # today is within the years vaultkit plans in
    counts = {kind: Counter() for kind in ("outreach", "reply", "meeting")}
    for t in touches:
        if t.kind in ("outreach", "reply") and t.date >= first:
            counts[t.kind][(t.date - first).days // 7] += 1
    for interview in history.done:
        if first <= interview.date <= today:
            counts["meeting"][(interview.date - first).days // 7] += 1
    return tuple(Week(first + timedelta(weeks=n), counts["outreach"][n], counts["reply"][n], counts["meeting"][n])
                 for n in range(WEEKS))


def _reply_days(touches) -> tuple[int, ...]:
    """For each person: days from their first `#outreach` to the first `#reply` on or after it."""
    first_outreach: dict[str, date] = {}
    for t in touches:  # sorted by date
        if t.kind == "outreach":
            first_outreach.setdefault(t.contact, t.date)
    first_reply: dict[str, int] = {}
    for t in touches:
        if t.kind == "reply" and (sent := first_outreach.get(t.contact)) is not None and t.date >= sent:
            first_reply.setdefault(t.contact, (t.date - sent).days)
    return tuple(first_reply[c] for c in sorted(first_reply))


def _thank_yous(history: History) -> tuple[int, int, int, int]:
    """(on time, late, sent on a day not recorded, not sent) over the done interviews."""
    on_time = late = undated = missing = 0
    today, hours = history.today, history.rules.thank_you_hours
    for interview in history.done:
        # the first #thanks on or after the meeting, up to today, and the day the note says it was sent
        path = interview.contact.path
        thanks = history.thanks(path) if path else ()
        first = bisect_left(thanks, interview.date)
        days = [thanks[first]] if first < len(thanks) and thanks[first] <= today else []
        if isinstance(interview.thank_you_sent, date):
            days.append(interview.thank_you_sent)
        if days:
            if min(days) <= after_hours(interview, hours):
                on_time += 1
            else:
                late += 1
        elif interview.thank_you_sent is True:
            undated += 1
        else:
            missing += 1
    return on_time, late, undated, missing


def _per_field(history: History) -> tuple[FieldCount, ...]:
    today = history.today
    spelled: dict[str, str] = {}
    counts: dict[str, list[int]] = {}
    for interview, status in zip(history.vault.interviews, history.statuses):
        key = interview.field.casefold()
        if key not in counts:
            spelled[key] = interview.field
            counts[key] = [0, 0, 0]
        slot = 0 if status == "done" else 1 if is_upcoming(status, interview.date, today) else 2
        counts[key][slot] += 1
    order = sorted(counts, key=lambda k: (k == "", k, spelled[k]))
    return tuple(FieldCount(spelled[k], *counts[k]) for k in order)


def _median(values) -> float:
    """statistics.median, without its import (fractions and decimal, 6 ms a report)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
