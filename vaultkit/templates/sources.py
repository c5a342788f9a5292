"""Where each template's source comes from: the vault's templates folder, else the built-in one.

No Jinja2 here: a report that finds every draft as it was renders none, and
so never loads it (see output/rendered.py). engine.py compiles and renders.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..config import Config
from ..errors import ERROR, Problem
from ..kinds import KINDS
from ..paths import is_inside

DRAFT_TEMPLATES = tuple(kind.draft.template for kind in KINDS if kind.draft)
TEMPLATES = (*DRAFT_TEMPLATES, "contact.md", "interview.md", "opportunity.md")

BUILTIN = Path(__file__).resolve().parent.parent / "default_templates"


def builtin_source(name: str) -> str:
    # Not importlib.resources: run from a vault, its vaultkit/ output folder joins the package's
    # namespace and files() returns a MultiplexedPath.
    return (BUILTIN / name).read_text(encoding="utf-8")


_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps makes an encoder per call: 3 times slower


def yaml_text(value) -> str:
    """A value as a double-quoted YAML scalar, whatever it contains: `{{ company | yaml }}`."""
    return _JSON_STRING("" if value is None else str(value))


def user_source(config: Config, name: str) -> tuple[str | None, str, Problem | None]:
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


def user_sources(config: Config, problems: list[Problem]) -> dict[str, tuple[str, str]]:
    """The vault's own templates: name -> (vault-relative path, source); trouble reading one goes to `problems`."""
    found = {}
    for name in TEMPLATES:
        source, rel, problem = user_source(config, name)
        if problem:
            problems.append(problem)
        if source is not None:
            found[name] = (rel, source)
    return found


def sources_digest(sources: dict[str, tuple[str, str]]) -> str:
    """A hash of the vault's own templates, as read: a draft rendered from the same ones reads the same."""
    h = hashlib.blake2b(digest_size=16)
    for name in sorted(sources):
        rel, source = sources[name]
        h.update(f"{name}\0{rel}\0{source}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest()
