"""Openings (opportunity notes): ask for a referral before applying, follow up an application that
has had no answer, and tell whoever helped when it moves on. None once you have landed: the
search is over (SPEC, and the brief of issue 27 for update-helper too: announce-landing tells them)."""
from __future__ import annotations

from datetime import date

from ..kinds.action import Action
from ..dates import add_days
from ..kinds.ask_referral import ASK_REFERRAL, BeforeApplying
from ..kinds.follow_up_application import FOLLOW_UP_APPLICATION, NoAnswer
from ..kinds.opening import Opening
from ..kinds.update_helper import STAGE_NEWS, UPDATE_HELPER, Progressed
from .history import History
from .standing import KNOWN, contact_state

REFERRAL_DAYS_BEFORE_DEADLINE = 3  # SPEC: ask-referral is due the deadline minus 3 days
MOVED_ON = tuple(STAGE_NEWS)  # interviewing, offer, accepted: news worth telling a helper


def opening(opportunity) -> Opening:
    return Opening(opportunity.path, opportunity.company_name, opportunity.role, opportunity.url)


def known(history: History, path: str) -> tuple[int, date] | None:
    """How well you know a contact, for choosing whom to ask: (0 met, 1 in touch or a meeting
    planned) and the last day you were in touch; None when you are not (not yet, or not any more)."""
    rank = KNOWN.get(contact_state(history, path))
    if rank is None:
        return None
    return rank, history.last_contact(path) or history.today


def best_known(history: History, paths) -> str | None:
    """Of `paths`, the active contact you know best: met before in touch, then the more recent, then by name."""
    ranked = []
    for path in paths:
        contact = history.vault.contacts.get(path)
        how = known(history, path) if contact is not None and contact.active else None
        if how is not None:
            ranked.append((how[0], -how[1].toordinal(), contact.name.casefold(), path))
    return min(ranked)[-1] if ranked else None


def ask_referral(history: History) -> list[Action]:
    """An opening you are `interested` in, not applied for and with nobody referring you yet, at a
    company where someone you have met or are in touch with works now; not after its deadline."""
    vault, today = history.vault, history.today
    if vault.config.landed is not None:
        return []
    actions = []
    for opportunity in vault.opportunities:
        if opportunity.stage != "interested" or opportunity.applied is not None or opportunity.referred_by_name:
            continue
        if opportunity.deadline is not None and opportunity.deadline < today:
            continue  # closed: too late to ask
        company = vault.companies.get(opportunity.company)
        insider = best_known(history, company.now) if company else None
        if insider is None:
            continue
        name = vault.contacts[insider].name
        due = add_days(opportunity.deadline, -REFERRAL_DAYS_BEFORE_DEADLINE) if opportunity.deadline else today
        closes = f" before it closes on {opportunity.deadline.isoformat()}" if opportunity.deadline else ""
        actions.append(Action(
            ASK_REFERRAL.name, name, due,
            f"{name} works at {opportunity.company_name}; ask them to refer you for {opportunity.title}{closes}.",
            opportunity.path, contact_path=insider, facts=BeforeApplying(opening(opportunity), opportunity.deadline)))
    return actions


def follow_up_application(history: History) -> list[Action]:
    """An application with no touch in its Log since the day you applied, and no change of stage."""
    vault = history.vault
    if vault.config.landed is not None:
        return []
    days = history.rules.application_follow_up_days
    actions = []
    for opportunity in vault.opportunities:
        applied = opportunity.applied
        if opportunity.stage != "applied" or applied is None:
            continue
        if opportunity.stage_date not in (None, applied):
            continue  # a stage change since: it is no longer waiting on the application
        if any(t.date >= applied for t in opportunity.touches):
            continue
        actions.append(Action(
            FOLLOW_UP_APPLICATION.name, None, add_days(applied, days),
            f"No word from {opportunity.company_name or 'the employer'} in the opening's Log since you applied on "
            f"{applied.isoformat()}; after {days} days a short, polite note to the recruiter is fair.",
            opportunity.path, facts=NoAnswer(opening(opportunity), applied)))
    return actions


def update_helper(history: History) -> list[Action]:
    """An opening that reached interviewing, offer or accepted: tell the people in its `heard_from` and
    `referred_by`, unless you have been in touch with them since (since `stage_date`; with no
    stage_date, since `applied`; with neither, any `#update` touch counts)."""
    vault, today = history.vault, history.today
    if vault.config.landed is not None:
        return []
    days = history.rules.close_loop_days
    actions = []
    for opportunity in vault.opportunities:
        if opportunity.stage not in MOVED_ON:
            continue
        helpers = [(opportunity.referred_by, opportunity.referred_by_name, True),
                   (opportunity.heard_from, opportunity.heard_from_name, False)]
        since = opportunity.stage_date or opportunity.applied
        due = add_days(opportunity.stage_date, days) if opportunity.stage_date else today
        for path, name, referred in helpers:  # one person in both keys: plan keeps one, the referral's
            if not name:
                continue
            if path is not None and _told(history, path, since):
                continue
            contact = vault.contacts.get(path) if path else None
            name = contact.name if contact else name
            how = "referred you" if referred else "told you about it"
            actions.append(Action(
                UPDATE_HELPER.name, name, due,
                f"{opportunity.title} reached {opportunity.stage}; {name}, who {how}, has not heard from you since.",
                opportunity.path, contact_path=path,
                facts=Progressed(opening(opportunity), opportunity.stage, opportunity.stage_date, referred)))
    return actions


def _told(history: History, path: str, since: date | None) -> bool:
    if since is not None:
        return history.in_touch_since(path, since)
    return any(t.kind == "update" for t in history.touches(path))
