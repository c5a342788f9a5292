"""vaultkit: read a plain-text job-search vault and tell what to do next.

Library use::

    import datetime
    from vaultkit import load_vault, plan
    vault = load_vault("sample-vault")
    for action in plan(vault, datetime.date(2026, 11, 20)).actions:
        print(action.due, action.kind, action.contact, action.reason)
"""
from .config import Config, load_config
from .errors import ConfigError, Problem, VaultkitError, VaultNotFound
from .load import load_vault
from .model import Contact, Interview, PersonRef, Touch, Vault, build_vault
from .index.note import Note, parse_note
from .rules import Plan, plan

__version__ = "0.1.0"
__all__ = [
    "Config", "ConfigError", "Contact", "Interview", "Note", "PersonRef", "Plan", "Problem", "Touch", "Vault",
    "VaultNotFound", "VaultkitError", "build_vault", "load_config", "load_vault", "parse_note", "plan",
]
