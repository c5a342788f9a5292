"""Templates the user can edit, rendered safely.

Jinja2's SandboxedEnvironment with StrictUndefined: a template can only read
the plain values it is given, and a misspelt name is an error, not a blank.
User text is always passed as data, never as template source, so `{{ 7*7 }}`
in a note comes out as written. A template in the vault's templates folder
wins over the built-in one; if it is broken, or runs away (see sandbox.py),
the problem names its line and the built-in one is used instead.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..config import Config
from ..errors import ERROR, Problem
from .sandbox import LimitedSandbox, TemplateLimit
from .sources import (BUILTIN, DRAFT_TEMPLATES, TEMPLATES, builtin_source, user_source, user_sources,
                               yaml_text)
from ..wording import mid_sentence

__all__ = ["BUILTIN", "DRAFT_TEMPLATES", "TEMPLATES", "Templates", "builtin_source", "user_source", "yaml_text"]


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
    env.filters["mid_sentence"] = lambda value: mid_sentence(str(value))  # `Product management` -> `product ...`
    return env


@dataclass
class Templates:
    """The templates for one vault, ready to render; problems are collected as they occur."""

    config: Config
    problems: list[Problem]
    sources: dict[str, tuple[str, str]] | None = None  # user_sources(config, ...), if read already

    def __post_init__(self):
        self._user: dict[str, jinja2.Template] = {}
        builtin = {f"builtin/{n}": builtin_source(n) for n in TEMPLATES}
        self._builtin = _environment(builtin)
        found = self.sources if self.sources is not None else user_sources(self.config, self.problems)
        self._paths = {name: rel for name, (rel, _) in found.items()}
        env = self._limited = _environment({rel: source for rel, source in found.values()}, limited=True)
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
