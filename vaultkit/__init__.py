"""vaultkit: read a plain-text job-search vault and tell what to do next.

Library use::

    import datetime
    import vaultkit
    today = datetime.date(2026, 11, 20)
    found = vaultkit.check("sample-vault", today)          # what `vaultkit check` prints, as a value
    done = vaultkit.report("sample-vault", today, dry_run=True)  # what `vaultkit report` prints and writes
    for action in done.plan.actions:
        print(action.due, action.kind, action.contact, action.reason)
"""
import importlib

__version__ = "0.1.0"
__all__ = [
    "CheckResult", "Config", "ConfigError", "Contact", "Interview", "Note", "PersonRef", "Plan", "Problem",
    "ReportResult", "Touch", "Vault", "VaultNotFound", "VaultkitError", "build_vault", "check", "load_config",
    "load_vault", "parse_note", "plan", "report",
]
# Loaded when first asked for: the command line imports this package first, and a report with
# nothing new to say must not pay for the parser, the model or the rules.
_LAZY = {"Config": "config", "load_config": "config", "ConfigError": "errors", "Problem": "errors",
         "VaultkitError": "errors", "VaultNotFound": "errors", "load_vault": "load", "Contact": "model",
         "Interview": "model", "PersonRef": "model", "Touch": "model", "Vault": "model", "build_vault": "model",
         "Note": "index.note", "parse_note": "index.note", "Plan": "rules", "plan": "rules",
         "check": "checking", "CheckResult": "checking", "report": "reporting", "ReportResult": "reporting"}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
