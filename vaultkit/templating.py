"""Templates the user can edit, rendered safely.

Jinja2's SandboxedEnvironment with StrictUndefined: a template can only read
the plain values it is given, and a misspelt name is an error, not a blank.
User text is always passed as data, never as template source, so `{{ 7*7 }}`
in a note comes out as written. A template in the vault's templates folder
wins over the built-in one; if it is broken, the problem names its line and
the built-in one is used instead.
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
from .write import is_inside

TEMPLATES = ("thank-you.md", "announce-landing.md", "contact.md", "interview.md")


BUILTIN = Path(__file__).resolve().parent / "default_templates"


def builtin_source(name: str) -> str:
    # Not importlib.resources: run from a vault, its vaultkit/ output folder joins the package's
    # namespace and files() returns a MultiplexedPath.
    return (BUILTIN / name).read_text(encoding="utf-8")


def yaml_text(value) -> str:
    """A value as a double-quoted YAML scalar, whatever it contains: `{{ company | yaml }}`."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def _environment(sources: dict[str, str]) -> SandboxedEnvironment:
    def load(name: str):
        return (sources[name], name, lambda: True) if name in sources else None

    env = SandboxedEnvironment(
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
        env = _environment(user_sources)
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
                return user.render(context)
            except Exception as exc:  # any failure of the user's template: fall back, say where
                rel = self._paths[name]
                self._user.pop(name)
                self.problems.append(Problem(rel, _template_line(exc, rel), ERROR,
                                             f"template error: {_describe(exc)}; using the built-in {name} instead"))
        return self.builtin(name, context)

    def builtin(self, name: str, context: dict) -> str:
        return self._builtin.get_template(f"builtin/{name}").render(context)


def _template_line(exc: BaseException, rel: str) -> int:
    """The template line Jinja's rewritten traceback points at."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == rel]
    return lines[-1] if lines and lines[-1] else 1


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        return f"{exc.message} (see the list of names at the top of the built-in template)"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"not allowed: {exc}"
    return f"{type(exc).__name__}: {exc}"


def check_templates(config: Config) -> list[Problem]:
    """Problems with the vault's own templates, without rendering anything (for `vaultkit check`)."""
    problems: list[Problem] = []
    Templates(config, problems)
    return problems
