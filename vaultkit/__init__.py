"""vaultkit: read a plain-text job-search vault and tell what to do next.

Library use::

    from vaultkit import load_vault
    vault = load_vault("sample-vault")
    for problem in vault.problems:
        print(problem)
"""
from .config import Config, load_config
from .errors import ConfigError, Problem, VaultkitError, VaultNotFound
from .load import load_vault
from .model import Contact, Interview, PersonRef, Touch, Vault, build_vault
from .note import Note, parse_note

__version__ = "0.1.0"
__all__ = [
    "Config", "ConfigError", "Contact", "Interview", "Note", "PersonRef", "Problem", "Touch", "Vault",
    "VaultNotFound", "VaultkitError", "build_vault", "load_config", "load_vault", "parse_note",
]
