"""Every kind of action, each one definition in a module of its own (kind.py says what one holds).

Below the rules and the renderers, which both read it: a rule makes an Action
with a kind's name and its facts; a renderer asks the kind (`named`) for its
words. Adding a kind takes its module here, its place in TABLES, its rule
(vaultkit/rules/) and, if it means writing to someone, its template in
default_templates/. docs/actions.md's tables are written from TABLES by
tools/kinds_reference.py (a test checks they are current).
"""
from __future__ import annotations

from .announce_landing import ANNOUNCE_LANDING
from .ask_intro import ASK_INTRO
from .ask_referral import ASK_REFERRAL
from .broaden_field import BROADEN_FIELD
from .check_in import CHECK_IN
from .close_loop import CLOSE_LOOP
from .confirm import CONFIRM
from .follow_up_application import FOLLOW_UP_APPLICATION
from .grow_pipeline import GROW_PIPELINE
from .kind import TIERS, Drafted, Kind, Message, Tier, Words, person_values
from .nudge import NUDGE
from .prepare import PREPARE
from .reach_referral import REACH_REFERRAL
from .record_notes import RECORD_NOTES
from .record_outcome import RECORD_OUTCOME
from .thank_you import THANK_YOU
from .update_helper import UPDATE_HELPER

__all__ = ["KINDS", "TABLES", "TIERS", "Drafted", "Kind", "Message", "Tier", "Words", "named", "order", "person_values"]

# docs/actions.md's tables, each under its heading. Their order is the kinds' order: actions
# due the same day for the same person follow it.
TABLES: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    ("Before an interview", (PREPARE, CONFIRM)),
    ("After an interview", (RECORD_OUTCOME, RECORD_NOTES, THANK_YOU)),
    ("Referrals", (REACH_REFERRAL, CLOSE_LOOP)),
    ("Companies and openings", (ASK_INTRO, ASK_REFERRAL, FOLLOW_UP_APPLICATION, UPDATE_HELPER)),
    ("Keeping in touch without pestering", (NUDGE, CHECK_IN)),
    ("The search as a whole", (ANNOUNCE_LANDING, BROADEN_FIELD, GROW_PIPELINE)),
)
KINDS: tuple[Kind, ...] = tuple(kind for _, kinds in TABLES for kind in kinds)
_BY_NAME = {kind.name: kind for kind in KINDS}
_ORDER = {kind.name: rank for rank, kind in enumerate(KINDS)}


def named(name: str) -> Kind:
    return _BY_NAME[name]


def order(name: str) -> int:
    """Its place in KINDS."""
    return _ORDER[name]
