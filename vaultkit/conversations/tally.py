"""Counting what is read: why each message is no touch, and who writes that is not a contact yet.

Kept apart from plan.py (and the model) so that a worker reading part of a mailbox can tally
the messages that name no contact, and send back only the counts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .people import Seeker
from .records import Message, Party

BLAST = 5  # more recipients than this: a message to many is not a conversation with each


@dataclass
class Counts:
    """What happened to what was read, for the summary."""

    read: int = 0
    unreadable: list = field(default_factory=list)  # Unreadable records
    skipped: Counter = field(default_factory=Counter)  # reason -> messages
    added: Counter = field(default_factory=Counter)  # kind ("" plain) -> Log items
    already: int = 0  # Log items (or interview notes) already in the vault
    strangers: Counter = field(default_factory=Counter)  # address -> messages with someone not a contact
    names: dict = field(default_factory=dict)  # address -> a name seen with it
    ambiguous: dict = field(default_factory=dict)  # shown party -> (contact paths, messages)

    def merge(self, other: Counts) -> None:
        """Add what `other` counted (a part of a mailbox read by another process)."""
        self.read += other.read
        self.unreadable += other.unreadable
        self.skipped.update(other.skipped)
        self.added.update(other.added)
        self.already += other.already
        self.strangers.update(other.strangers)
        for key, name in other.names.items():
            self.names.setdefault(key, name)
        for party, (paths, n) in other.ambiguous.items():
            self.ambiguous[party] = (paths, self.ambiguous.get(party, (paths, 0))[1] + n)

    def stranger(self, party: Party) -> None:
        key = party.address or party.name
        self.strangers[key] += 1
        if party.name and key not in self.names:
            self.names[key] = party.name

    def top_strangers(self, limit: int = 10) -> list[tuple[str, int]]:
        ranked = sorted(self.strangers.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(Party(a, self.names.get(a, "")).shown() if "@" in a or "/" in a else a, n) for a, n in ranked]


def tally_glanced(message: Message, seeker: Seeker, counts: Counts) -> None:
    """Count a message that holds no contact's address, as sort_out would: it is never a touch."""
    counts.read += 1
    reason = skip_reason(message, seeker)
    others = None if reason else others_of(message, seeker)
    if reason:
        counts.skipped[reason] += 1
    elif others is None:
        counts.skipped[f"sent to more than {BLAST} people"] += 1
    else:
        for party in others:
            counts.stranger(party)
        counts.skipped["not with a contact"] += 1


def others_of(message: Message, seeker: Seeker) -> list[Party] | None:
    """Who the seeker wrote to (None: more than BLAST people), or who wrote to them."""
    if not seeker.is_me(message.sender):
        return [message.sender]
    others = list({p.address or p.name: p for p in message.recipients if not seeker.is_me(p)}.values())
    return None if len(others) > BLAST else others


def skip_reason(message: Message, seeker: Seeker) -> str:
    """Why a message is no conversation with anyone: a draft, automated, a group, not the seeker's."""
    if message.draft:
        return "drafts, never sent"
    if message.automated:
        return "automated"
    if message.group:
        return "group conversations"
    if not seeker.is_me(message.sender) and not any(seeker.is_me(p) for p in message.recipients):
        return "neither from nor to you"
    return ""


