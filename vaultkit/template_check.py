"""`vaultkit check` on the vault's own templates: each rendered with sample values.

A vault with no templates of its own has nothing to check, and loads no Jinja2.
"""
from __future__ import annotations

from .config import Config
from .errors import Problem
from .template_sources import user_sources

_ME = {"name": "Sam Lee", "email": "sam@example.com", "phone": "+1 555 0100", "signature": "Sam"}
_PERSON = {"name": "Ana Díaz", "first_name": "Ana", "company": "Northwind", "role": "UX Researcher",
           "email": "ana@example.com", "phone": "+1 555 0101", "linkedin": "https://linkedin.com/in/ana",
           "location": "Lisbon", "field": "UX research"}
# What `check` renders each template with: every name the real context has, none empty.
SAMPLES = {
    "thank-you.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-13", "interview": {
        "date": "2026-11-12", "date_long": "12 November 2026", "weekday": "Thursday", "time": "10:00",
        "zone": "New York time", "duration": 30, "mode": "video",
        "location": "Lisbon", "field": "UX research", "company": "Northwind",
        "takeaways": ["Research ops is a growing niche."], "referrals": ["Ben Okafor"]}},
    "announce-landing.md": {"me": _ME, "contact": _PERSON, "met_on": "2026-11-12", "met_on_long": "12 November 2026",
                            "today": "2026-12-01", "landed": {"role": "UX Researcher", "company": "Contoso",
                                                              "email": "sam@contoso.com", "date": "2026-12-01",
                                                              "date_long": "1 December 2026"}},
    "reach-referral.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-13", "field": "UX research",
                          "referrer": {"name": "Ben Okafor", "first_name": "Ben"}},
    "nudge.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-20", "outreach": {
        "date": "2026-11-12", "date_long": "12 November 2026", "text": "#outreach asked for twenty minutes"}},
    "confirm.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-23", "interview": {
        "date": "2026-11-24", "date_long": "24 November 2026", "weekday": "Tuesday", "time": "15:00",
        "zone": "New York time", "duration": 30, "mode": "video", "location": "https://meet.example.com/ana", "field": "UX research",
        "company": "Northwind", "takeaways": [], "referrals": []}},
    "close-loop.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-15", "met": {
        "name": "Ben Okafor", "first_name": "Ben", "date": "2026-11-12", "date_long": "12 November 2026",
        "takeaways": ["Research ops is a growing niche."]}},
    "check-in.md": {"me": _ME, "contact": _PERSON, "today": "2027-01-10",
                    "last": {"date": "2026-11-12", "date_long": "12 November 2026"},
                    "to_share": "Research ops is a growing niche."},
    "contact.md": {"name": "Ana Díaz", "company": "Northwind", "role": "UX Researcher", "field": "UX research",
                   "email": "ana@example.com", "referred_by": "[[Priya]]", "phone": "+1 555 0101",
                   "linkedin": "https://www.linkedin.com/in/ana", "met_via": "LinkedIn", "connected": "2023-11-05",
                   "today": "2026-11-13"},
    "interview.md": {"contact": {"name": "Ana Díaz", "link": "[[Ana Díaz]]"}, "date": "2026-11-24",
                     "time": "15:00", "duration": 30, "timezone": "Europe/Lisbon", "mode": "video",
                     "location": "Lisbon", "status": "scheduled",
                     "today": "2026-11-13"},
}


def check_templates(config: Config) -> list[Problem]:
    """Problems with the vault's own templates (for `vaultkit check`): each is rendered with
    sample values, so a misspelt name or a runaway loop is found as `report` would find it."""
    problems: list[Problem] = []
    sources = user_sources(config, problems)
    if not sources:
        return problems
    from .templating import Templates  # here: only a vault with templates of its own loads Jinja2

    templates = Templates(config, problems, sources)
    for name in templates.own():
        templates.render(name, SAMPLES[name])
    return problems
