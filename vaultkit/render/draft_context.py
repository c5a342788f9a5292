"""What a draft's template is given: what every draft has (`me`, `contact`, `today`), and what its
kind makes of the facts its rule found (vaultkit/kinds/).

User text is passed as data, never as template source. Every name here is
listed at the top of the built-in template of its kind.
"""
from __future__ import annotations

from ..kinds.action import Action
from ..config import Config
from ..kinds import Drafted, person_values
from ..model import Contact, Vault
from ..rules import Plan


def _me(config: Config) -> dict:
    me = config.me
    return {"name": me.name, "email": me.email, "phone": me.phone, "signature": me.signature}


def context_for(action: Action, drafted: Drafted, vault: Vault,
                plan: Plan) -> tuple[str, dict, Contact | None, str | None]:
    """(title for the file name, template context, the contact or None, the interview note its
    front-matter links to or None) of the draft `drafted` (its kind's) makes for `action`."""
    contact = vault.contacts.get(action.contact_path) if action.contact_path else None
    message = drafted.message(action.facts, action.contact or "")
    base = {"me": _me(vault.config), "contact": person_values(action.contact or "", contact),
            "today": plan.today.isoformat()}
    return message.title, {**base, **message.context}, contact, message.interview
