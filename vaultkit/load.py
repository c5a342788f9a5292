"""Files -> notes -> vault model: the read half of every command."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import Config, load_config
from .discover import walk_notes
from .errors import ERROR, Problem
from .model import Classifier, Vault, build_vault
from .note import Note, parse_note


def read_note(root: str, rel: str, classifier: Classifier) -> Note | None:
    """Parse one note from disk; None when it vanished since the walk."""
    try:
        with open(os.path.join(root, rel), "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Note(rel, readable=False, problems=(Problem(rel, 1, ERROR, f"cannot read: {exc.strerror or exc}"),))
    return parse_note(rel, data, classifier.wants_body)


def slim(note: Note) -> Note:
    """What the model needs of a note that is none of vaultkit's business: its type hints and problems."""
    return Note(note.path, type_prop=note.type_prop, tag_type=note.tag_type, inline_type=note.inline_type,
                readable=note.readable, problems=note.problems)


@contextmanager
def _gc_paused():
    """Parsing makes no reference cycles worth collecting; the collector only slows a bulk read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_notes(config: Config, paths: Iterable[str], progress: Callable[[int], None] | None = None) -> list[Note]:
    classifier = Classifier(config)
    root = str(config.root)
    notes = []
    with _gc_paused():
        for rel in paths:
            note = read_note(root, rel, classifier)
            if note is not None:
                notes.append(note if classifier.kind(note) else slim(note))
            if progress is not None:
                progress(1)
    return notes


def load_vault(root: str | os.PathLike, config: Config | None = None,
               progress: Callable[[int], Callable[[int], None]] | None = None) -> Vault:
    """Read the vault at `root` (its `vaultkit.toml` unless `config` is given).

    `progress(total)`, if given, returns a callback that is told of each note read.
    """
    root = Path(root).resolve()
    config = config or load_config(root)
    paths, walk_problems = walk_notes(config)
    notes = read_notes(config, paths, progress(len(paths)) if progress else None)
    return build_vault(notes, config, [*config.warnings, *walk_problems])
