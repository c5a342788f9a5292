"""Referrals: reach the people you were given, tell referrers you met them, and the edges between people."""
from __future__ import annotations

from dataclasses import dataclass

from ..kinds.action import Action
from ..dates import add_days
from ..kinds.close_loop import CLOSE_LOOP, Met
from ..kinds.reach_referral import REACH_REFERRAL, Suggested
from .history import History, person_key

NO_NOTE, NOT_CONTACTED, REACHED_OUT, MET = "no note yet", "not contacted", "reached out", "met"


def reach_referral(history: History) -> list[Action]:
    """Someone suggested in a done interview, with no touch and no interview yet; none once you
    have landed (SPEC: the search is over, and an introduction would say you are still exploring)."""
    if history.vault.config.landed is not None:
        return []
    days = history.rules.referral_days
    actions = []
    for interview in history.done:
        for ref in interview.referrals:
            if ref.path is not None and not history.never_touched(ref.path):
                continue
            if ref.path is None and history.interviews_named(ref.name):
                continue
            contact = history.vault.contacts[ref.path] if ref.path else None
            name = contact.name if contact else ref.name
            not_yet = "you have not reached out yet" if ref.path else "you have not reached out, and they have no note yet"
            by = interview.contact.name
            facts = Suggested(by, interview.date, by if interview.may_use_name else "",
                              (contact.field if contact else "") or interview.field)
            actions.append(Action(
                REACH_REFERRAL.name, name, add_days(interview.date, days),
                f"{by} suggested {name} on {interview.date.isoformat()}; {not_yet}.",
                interview.path, contact_path=ref.path, facts=facts))
    return actions


def close_loop(history: History) -> list[Action]:
    """You met X; X's referrer Y has had no touch from you since."""
    days = history.rules.close_loop_days
    actions = []
    for meeting in history.done:
        met = meeting.contact.path
        if met is None:
            continue
        for referrer in history.referrers(met):  # both worked out once per person (History)
            if history.in_touch_since(referrer, meeting.date):
                continue
            name = history.vault.contacts[referrer].name
            facts = Met(meeting.contact.name, meeting.path, meeting.date, tuple(meeting.takeaways))
            actions.append(Action(
                CLOSE_LOOP.name, name, add_days(meeting.date, days),
                f"You met {meeting.contact.name} on {meeting.date.isoformat()}; tell {name}, "
                "who put you in touch, how it went.",
                meeting.path, contact_path=referrer, facts=facts))
    return actions


@dataclass(frozen=True, slots=True)
class Referral:
    """One person pointing you to another, and how far you have got with them."""

    referrer: str  # canonical name, or as written when they have no note
    person: str
    state: str  # NO_NOTE, NOT_CONTACTED, REACHED_OUT or MET
    source: str  # the interview or contact note the referral is written in
    referrer_path: str | None = None
    person_path: str | None = None

    def as_dict(self) -> dict:
        return {"from": self.referrer, "to": self.person, "state": self.state, "source": self.source}


def referral_state(history: History, path: str | None, name: str) -> str:
    """How far you have got with a person: met, reached out, not contacted, or no note yet."""
    if path is None:
        met = any(i.status_on(history.today) == "done" for i in history.interviews_named(name))
        return MET if met else NO_NOTE
    if history.meetings(path):
        return MET
    return NOT_CONTACTED if history.never_touched(path) else REACHED_OUT


def referral_edges(history: History) -> list[Referral]:
    """Every edge from `referred_by` and from done interviews' `referrals`; one per pair,
    the interview's when both say it."""
    vault = history.vault
    edges: dict[tuple[str, str], Referral] = {}
    states: dict[str, str] = {}  # by person key: the same people are named again and again

    def state(key: str, path: str | None, name: str) -> str:
        if key not in states:
            states[key] = referral_state(history, path, name)
        return states[key]

    for interview in history.done:
        by = interview.contact
        referrer = person_key(by.path, by.name)
        for ref in interview.referrals:
            person = ref.path or person_key(None, ref.name)
            if person != referrer:  # the interview's word wins over a contact's `referred_by`
                name = vault.contacts[ref.path].name if ref.path else ref.name
                edges[referrer, person] = Referral(by.name, name, state(person, ref.path, name),
                                                   interview.path, by.path, ref.path)
    for contact in vault.contacts.values():
        for ref in contact.referred_by:
            key = (person_key(ref.path, ref.name), contact.path)
            if key[0] != key[1] and key not in edges:
                ref_name = vault.contacts[ref.path].name if ref.path else ref.name
                edges[key] = Referral(ref_name, contact.name,
                                      state(contact.path, contact.path, contact.name),
                                      contact.path, ref.path, contact.path)
    return sorted(edges.values(), key=lambda e: (e.referrer.casefold(), e.person.casefold(), e.source))

