"""A tiny vault per case, planned as of one fixed day: the helpers of the rule-edge tables.

A table row says its case in words, the input as days from today (`-1` yesterday,
`0` today), and the due day a user would see, also as days from today, or None
when no such action shows.
"""
from __future__ import annotations

import datetime as dt

from vaultkit import Vault, load_vault
from vaultkit.rules import Plan, plan

from ..conftest import SIGNED, VaultBuilder

T = dt.date(2026, 11, 20)  # "today" in every table
QUESTIONS = "## Questions\n- What do you wish you had known?\n"
NOTES = "## Takeaways\n- a point\n"
MET = "thank_you_sent: true\n"  # with NOTES: a meeting that asks for nothing more


def day(offset: int) -> dt.date:
    return T + dt.timedelta(days=offset)


def iso(offset: int) -> str:
    return day(offset).isoformat()


class EdgeVault:
    """People, interviews and settings written as notes; `due` asks the plan what a user sees."""

    def __init__(self, builder: VaultBuilder):
        self.builder = builder
        self.interviews = 0

    @property
    def root(self):
        return self.builder.root

    def settings(self, text: str, me: str = SIGNED) -> None:
        self.builder.config(me + text)

    def rules(self, **values) -> None:
        self.settings("[rules]\n" + "".join(f"{k} = {v!r}\n".replace("'", '"') for k, v in values.items()))

    def person(self, name: str, front: str = "", log=()) -> None:
        """`log`: (days from today, the rest of the Log line) pairs."""
        body = "## Log\n" + "".join(f"- {iso(at)} {text}\n" for at, text in log) if log else ""
        self.builder.contact(name, front, body)

    def interview(self, name: str, at: int, front: str = "", body: str = "") -> None:
        self.interviews += 1  # two interviews on one day with one person are two notes
        self.builder.interview(f"{iso(at)} {name} {self.interviews}",
                               f"contact: '[[{name}]]'\ndate: {iso(at)}\n{front}", body)

    def met(self, name: str, at: int, front: str = "") -> None:
        """A done interview that owes nothing itself (thanked, takeaways written)."""
        self.interview(name, at, "status: done\n" + MET + front, NOTES)

    def load(self) -> Vault:
        return load_vault(self.root)

    def plan(self, today: dt.date = T) -> Plan:
        return plan(self.load(), today)

    def actions(self, kind: str | None = None, today: dt.date = T) -> list[tuple[str, str | None, dt.date]]:
        return [(a.kind, a.contact, a.due) for a in self.plan(today).actions if kind in (None, a.kind)]

    def due(self, kind: str, who: str | None, today: dt.date = T) -> int | None:
        """Days from `today` to the one `kind` action for `who`, or None when there is none."""
        found = [due for k, contact, due in self.actions(kind, today) if contact == who]
        assert len(found) <= 1, f"{kind} for {who} shows {len(found)} times: {found}"
        return (found[0] - today).days if found else None


ZOE = {  # what the vault holds about Zoe, whom Ana suggested: for reach-referral and referral states
    "no note": lambda e: None,
    "no note, an interview ahead": lambda e: e.interview("Zoe", 3, "status: requested\n"),
    "no note, already met": lambda e: e.interview("Zoe", -2, "", NOTES),
    "no note, met today": lambda e: e.interview("Zoe", 0, "status: done\n", NOTES),
    "no note, marked done for tomorrow": lambda e: e.interview("Zoe", 1, "status: done\n"),
    "a note, untouched": lambda e: e.person("Zoe"),
    "a note, one #outreach": lambda e: e.person("Zoe", log=[(-1, "#outreach")]),
    "a note, a touch before she was suggested": lambda e: e.person("Zoe", log=[(-60, "#reply")]),
    "a note, an interview ahead": lambda e: (e.person("Zoe"), e.interview("Zoe", 3, "status: requested\n")),
    "a note, met today": lambda e: (e.person("Zoe"), e.interview("Zoe", 0, "status: done\n", NOTES)),
}
