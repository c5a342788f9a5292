"""`vaultkit new opportunity`: an opening you are considering, as a note from a template, never over another.

The note goes in the first folder `[types] opportunity` names, else in `Opportunities/`, as
`Company - Role.md`; its company is a link when the company has a note, its `heard_from` a link
when it names a contact (a name that matches nobody is kept as written, with a warning).
"""
from __future__ import annotations

from datetime import date

from ..links import note_stem
from ..model import Vault
from ..templates.engine import Templates
from .new import NewNote, _file_name, _listed, _render, check_name, link_to, resolve_one

FOLDER = "Opportunities"


def opportunities_folder(vault: Vault) -> str:
    """Where a new opportunity goes: the first folder `[types] opportunity` gives, else `Opportunities`."""
    rule = vault.config.mapping.rule("opportunity")
    return rule.folders[0] if rule is not None and rule.folders else FOLDER


def _company_link(vault: Vault, company: str) -> str:
    """`[[Globex Corporation]]` when a company note answers to the name (or an alias, `Inc.` and all), else the name."""
    found = vault.find_company(company)
    return f"[[{note_stem(found.path)}]]" if found is not None and found.path else company


def _person(vault: Vault, name: str, option: str, warnings: list[str]) -> str:
    """A contact's link for a name that matches one (several: an error listing them); else the name, with a warning."""
    if not name.strip():
        return ""
    if vault.names.typed(name).paths:
        return link_to(vault, resolve_one(vault, name))
    close = vault.names.likely(name)
    guess = f"; did you mean {_listed(vault, close)}?" if close else ""
    warnings.append(f"{option} {name!r} matches no contact; written as given{guess}")
    return " ".join(name.split())


def new_opportunity(vault: Vault, templates: Templates, company: str, *, role: str, url: str = "",
                    heard_from: str = "", deadline: date | None = None, today: date) -> NewNote:
    company = check_name(company, "company")
    role = check_name(role, "role")
    warnings: list[str] = []
    heard = _person(vault, heard_from, "--heard-from", warnings)
    folder = opportunities_folder(vault)
    filename = _file_name(vault, folder, f"{company} - {role}")
    rel = f"{folder}/{filename}"
    context = {"company": _company_link(vault, company), "company_name": company, "role": role,
               "url": url.strip(), "heard_from": heard, "stage": "interested",
               "deadline": deadline.isoformat() if deadline else "", "today": today.isoformat()}
    return NewNote(rel, folder, filename, _render(templates, "opportunity.md", context, rel), tuple(warnings))
