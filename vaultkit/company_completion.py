"""Company names for tab completion (`vaultkit who COMPANY`), fast as completion.py is for contacts.

The names come from the parse cache the last run left: company notes (file name, `name`,
aliases), contacts' `company` and `past_companies`, opportunities' `company`. With no cache
yet, the vault is read once, which makes one for the next TAB.
"""
from __future__ import annotations

from .completion import _texts
from .config import Config
from .links import note_name
from .model.companies import company_key


def company_names(config: Config) -> list[str]:
    """Every company name the vault writes (one spelling per company, the note's where there is one)."""
    from .index.cache_peek import cached_props_of_kind  # sqlite, not the YAML parser

    notes = cached_props_of_kind(config, "company")
    contacts = cached_props_of_kind(config, "contact")
    openings = cached_props_of_kind(config, "opportunity")
    if notes is None or contacts is None or openings is None:
        from .load import load_vault

        vault = load_vault(config.root, config, use_cache=True)
        return [c.name for c in vault.companies.values()] + [a for c in vault.companies.values() for a in c.aliases]
    names: dict[str, str] = {}
    for path, props in notes.items():
        forms = [*_texts(props.get("name"))[:1], note_name(path)]
        names.setdefault(company_key(forms[0]), forms[0])
        for alias in [*_texts(props.get("aliases")), *_texts(props.get("alias"))]:
            names.setdefault(company_key(alias), alias)
    for props in [*contacts.values(), *openings.values()]:
        for key in ("company", "past_companies"):
            for name in _texts(props.get(key)):
                name = name.rsplit("/", 1)[-1] if "/" in name else name
                names.setdefault(company_key(name), name)
    names.pop("", None)
    return list(names.values())


def company_offers(names: list[str], incomplete: str) -> list[str]:
    """The names that what was typed starts (or starts a word of), ignoring case, accents and punctuation."""
    typed = company_key(incomplete.lstrip("[")) if incomplete.strip("[ ") else ""
    found = {n for n in names if not typed or any(w.startswith(typed) for w in _starts_of(company_key(n)))}
    return sorted(found, key=lambda name: (name.casefold(), name))


def _starts_of(key: str) -> list[str]:
    words = key.split()
    return [" ".join(words[i:]) for i in range(len(words))]
