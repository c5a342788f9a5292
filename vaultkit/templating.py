"""Templates the user can edit, rendered safely.

Jinja2's SandboxedEnvironment with StrictUndefined: a template can only read
the plain values it is given, and a misspelt name is an error, not a blank.
User text is always passed as data, never as template source, so `{{ 7*7 }}`
in a note comes out as written. A template in the vault's templates folder
wins over the built-in one; if it is broken, or runs away (see sandbox.py),
the problem names its line and the built-in one is used instead.
"""
from __future__ import annotations

import json
import os
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .config import Config
from .errors import ERROR, Problem
from .paths import is_inside
from .sandbox import LimitedSandbox, TemplateLimit

DRAFT_TEMPLATES = ("reach-referral.md", "nudge.md", "confirm.md", "thank-you.md", "close-loop.md", "check-in.md",
                   "announce-landing.md")
TEMPLATES = (*DRAFT_TEMPLATES, "contact.md", "interview.md")


BUILTIN = Path(__file__).resolve().parent / "default_templates"


def builtin_source(name: str) -> str:
    # Not importlib.resources: run from a vault, its vaultkit/ output folder joins the package's
    # namespace and files() returns a MultiplexedPath.
    return (BUILTIN / name).read_text(encoding="utf-8")


def yaml_text(value) -> str:
    """A value as a double-quoted YAML scalar, whatever it contains: `{{ company | yaml }}`."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def _environment(sources: dict[str, str], limited: bool = False) -> SandboxedEnvironment:
    def load(name: str):
        return (sources[name], name, lambda: True) if name in sources else None

    env = (LimitedSandbox if limited else SandboxedEnvironment)(
        loader=jinja2.FunctionLoader(load),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_text
    return env


def _user_source(config: Config, name: str) -> tuple[str | None, str, Problem | None]:
    """(source or None, vault-relative path, a problem reading it)."""
    rel = f"{config.folders.templates}/{name}"
    path = os.path.join(config.root, *rel.split("/"))
    if not os.path.isfile(path):
        return None, rel, None
    if not is_inside(os.path.realpath(path), os.path.realpath(config.root)):
        return None, rel, Problem(rel, 1, ERROR, "template is a symlink out of the vault; using the built-in one")
    try:
        data = open(path, "rb").read()
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
        return None, rel, Problem(rel, 1, ERROR, f"template cannot be read ({reason}); using the built-in one")
    return text, rel, None


@dataclass
class Templates:
    """The templates for one vault, ready to render; problems are collected as they occur."""

    config: Config
    problems: list[Problem]

    def __post_init__(self):
        self._user: dict[str, jinja2.Template] = {}
        self._paths: dict[str, str] = {}
        builtin = {f"builtin/{n}": builtin_source(n) for n in TEMPLATES}
        self._builtin = _environment(builtin)
        user_sources = {}
        for name in TEMPLATES:
            source, rel, problem = _user_source(self.config, name)
            if problem:
                self.problems.append(problem)
            if source is not None:
                user_sources[rel] = source
                self._paths[name] = rel
        env = self._limited = _environment(user_sources, limited=True)
        for name, rel in self._paths.items():
            try:
                self._user[name] = env.get_template(rel)
            except jinja2.TemplateSyntaxError as exc:
                self.problems.append(Problem(rel, exc.lineno or 1, ERROR,
                                             f"template error: {exc.message}; using the built-in {name} instead"))

    def render(self, name: str, context: dict) -> str:
        user = self._user.get(name)
        if user is not None:
            try:
                return self._limited.render(user, context)
            except Exception as exc:  # any failure of the user's template: fall back, say where
                rel = self._paths[name]
                self._user.pop(name)
                self.problems.append(Problem(rel, _template_line(exc, rel), ERROR,
                                             f"template {_describe(exc)}; using the built-in {name} instead"))
        return self.builtin(name, context)

    def own(self) -> list[str]:
        """The names of the vault's own templates that compiled."""
        return list(self._user)

    def builtin(self, name: str, context: dict) -> str:
        return self._builtin.get_template(f"builtin/{name}").render(context)


def _template_line(exc: BaseException, rel: str) -> int:
    """The template line Jinja's rewritten traceback points at."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == rel]
    return lines[-1] if lines and lines[-1] else 1


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TemplateLimit):
        return str(exc)  # "took longer than 2 s"
    if isinstance(exc, jinja2.UndefinedError):
        return f"error: {exc.message} (see the list of names at the top of the built-in template)"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"error: not allowed: {exc}"
    return f"error: {type(exc).__name__}: {exc}"


_ME = {"name": "Sam Lee", "email": "sam@example.com", "phone": "+1 555 0100", "signature": "Sam"}
_PERSON = {"name": "Ana Díaz", "first_name": "Ana", "company": "Northwind", "role": "UX Researcher",
           "email": "ana@example.com", "phone": "+1 555 0101", "linkedin": "https://linkedin.com/in/ana",
           "location": "Lisbon", "field": "UX research"}
# What `check` renders each template with: every name the real context has, none empty.
SAMPLES = {
    "thank-you.md": {"me": _ME, "contact": _PERSON, "today": "2026-11-13", "interview": {
        "date": "2026-11-12", "date_long": "12 November 2026", "weekday": "Thursday", "time": "10:00",
        "duration": 30, "mode": "video",
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
        "duration": 30, "mode": "video", "location": "https://meet.example.com/ana", "field": "UX research",
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
                     "time": "15:00", "mode": "video", "location": "Lisbon", "status": "scheduled",
                     "today": "2026-11-13"},
}


def check_templates(config: Config) -> list[Problem]:
    """Problems with the vault's own templates (for `vaultkit check`): each is rendered with
    sample values, so a misspelt name or a runaway loop is found as `report` would find it."""
    problems: list[Problem] = []
    templates = Templates(config, problems)
    for name in templates.own():
        templates.render(name, SAMPLES[name])
    return problems
