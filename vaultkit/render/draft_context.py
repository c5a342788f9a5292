"""What each kind of draft's template is given: plain values, looked up from the model and the plan.

User text is passed as data, never as template source. Every name here is
listed at the top of the built-in template of its kind.
"""
from __future__ import annotations

from datetime import date

from ..actions import MESSAGE_KINDS as KINDS, Action
from ..config import Config
from ..links import note_stem
from ..model import Contact, Interview, Vault
from ..rules import Plan
from ..rules.cadence import something_to_share
from ..zones import other_zone
from .sentences import long_date

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _me(config: Config) -> dict:
    me = config.me
    return {"name": me.name, "email": me.email, "phone": me.phone, "signature": me.signature}


def person(name: str, contact: Contact | None) -> dict:
    fields = ("company", "role", "email", "phone", "linkedin", "location", "field")
    info = {f: getattr(contact, f) if contact else "" for f in fields}
    return {"name": name, "first_name": name.split()[0] if name.split() else name, **info}


def _day(day: date) -> dict:
    return {"date": day.isoformat(), "date_long": long_date(day)}


def _interview(interview: Interview, vault: Vault) -> dict:
    referrals = [vault.contacts[r.path].name if r.path else r.name for r in interview.referrals]
    return {
        **_day(interview.date), "weekday": _WEEKDAYS[interview.date.weekday()],
        "time": interview.time.strftime("%H:%M") if interview.time else "",
        # the zone it was agreed in, when it is not yours: the message goes to someone who may live there
        "zone": other_zone(interview.date, interview.time, interview.timezone, vault.config.me.timezone)[0]
        if interview.time else "",
        "duration": interview.duration,
        "mode": interview.mode, "location": interview.location, "field": interview.field,
        "company": interview.company, "takeaways": list(interview.takeaways), "referrals": referrals,
    }


def context_for(action: Action, vault: Vault, plan: Plan):
    """(title for the file name, template context, the contact or None, the interview or None)."""
    contact = vault.contacts.get(action.contact_path) if action.contact_path else None
    source = vault.interview(action.source) if action.source else None
    base = {"me": _me(vault.config), "contact": person(action.contact or "", contact), "today": plan.today.isoformat()}
    name = action.contact or ""
    kind = action.kind
    if kind == "thank-you" and source:
        return (f"Thank you - {note_stem(source.path)}", {**base, "interview": _interview(source, vault)},
                contact, source)
    if kind == "confirm" and source:
        return f"Confirm - {note_stem(source.path)}", {**base, "interview": _interview(source, vault)}, contact, source
    if kind == "reach-referral" and source:
        named = source.may_use_name and action.other
        referrer = person(action.other, None) if named else {"name": "", "first_name": ""}
        field = (contact.field if contact else "") or source.field
        return f"Introduction - {name}", {**base, "referrer": referrer, "field": field}, contact, None
    if kind == "close-loop" and source:
        met = {**person(source.contact.name, None), **_day(source.date), "takeaways": list(source.takeaways)}
        return f"Update for {name} - {source.contact.name}", {**base, "met": met}, contact, source
    if kind == "nudge" and action.since and contact:
        sent = [t for t in vault.touches_of(contact.path) if t.kind == "outreach" and t.date == action.since]
        outreach = {**_day(action.since), "text": sent[-1].text if sent else ""}
        return f"Follow-up - {name}", {**base, "outreach": outreach}, contact, None
    if kind == "check-in" and action.since and contact:
        context = {**base, "last": _day(action.since), "to_share": something_to_share(plan.fields, contact)}
        return f"Check-in - {name}", context, contact, None
    if kind == "announce-landing" and vault.config.landed and contact and action.since:
        landed = vault.config.landed
        context = {**base, "met_on": action.since.isoformat(), "met_on_long": long_date(action.since),
                   "landed": {"role": landed.role, "company": landed.company, "email": landed.email,
                              **_day(landed.date)}}
        return f"Landing - {name}", context, contact, None
    return None
