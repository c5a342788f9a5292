"""`vaultkit check` on the vault's own templates: each rendered with sample values.

A vault with no templates of its own has nothing to check, and loads no Jinja2.
"""
from __future__ import annotations

from ..config import Config
from ..errors import Problem
from ..kinds import KINDS
from .sources import user_sources

_ME = {"name": "Sam Lee", "email": "sam@example.com", "phone": "+1 555 0100", "signature": "Sam"}
_PERSON = {"name": "Ana Díaz", "first_name": "Ana", "company": "Northwind", "role": "UX Researcher",
           "email": "ana@example.com", "phone": "+1 555 0101", "linkedin": "https://linkedin.com/in/ana",
           "location": "Lisbon", "field": "UX research"}
# What `check` renders each template with: every name the real context has, none empty.
SAMPLES = {
    **{kind.draft.template: {"me": _ME, "contact": _PERSON, **kind.draft.sample} for kind in KINDS if kind.draft},
    "contact.md": {"name": "Ana Díaz", "company": "Northwind", "role": "UX Researcher", "field": "UX research",
                   "email": "ana@example.com", "referred_by": "[[Priya]]", "phone": "+1 555 0101",
                   "linkedin": "https://www.linkedin.com/in/ana", "met_via": "LinkedIn", "connected": "2023-11-05",
                   "today": "2026-11-13"},
    "interview.md": {"contact": {"name": "Ana Díaz", "link": "[[Ana Díaz]]"}, "date": "2026-11-24",
                     "time": "15:00", "duration": 30, "timezone": "Europe/Lisbon", "mode": "video",
                     "location": "Lisbon", "status": "scheduled",
                     "today": "2026-11-13"},
    "opportunity.md": {"company": "[[Globex]]", "company_name": "Globex", "role": "UX Researcher",
                       "url": "https://jobs.example.com/globex/1", "heard_from": "[[Ana Díaz]]", "stage": "interested",
                       "deadline": "2026-12-15", "today": "2026-11-13"},
}


def check_templates(config: Config) -> list[Problem]:
    """Problems with the vault's own templates (for `vaultkit check`): each is rendered with
    sample values, so a misspelt name or a runaway loop is found as `report` would find it."""
    problems: list[Problem] = []
    sources = user_sources(config, problems)
    if not sources:
        return problems
    from .engine import Templates  # here: only a vault with templates of its own loads Jinja2

    templates = Templates(config, problems, sources)
    for name in templates.own():
        templates.render(name, SAMPLES[name])
    return problems
