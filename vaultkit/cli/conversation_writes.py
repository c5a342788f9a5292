"""The reads and writes of `import mail|linkedin-messages|calendar`: every write goes through `apply`.

`apply` is the one place these commands change the vault: a list of note edits (the
note's path and a change from its bytes to its new bytes, applied to the bytes as they are
at that moment) and a list of new notes (never over an existing file).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from ..edit.careful import NoteExists, create_note, edit_note
from ..edit.new import NewNote
from ..errors import VaultkitError
from ..paths import is_inside

Change = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Edit:
    path: str  # vault-relative
    change: Change


def note_file(root: Path, rel: str) -> str:
    """The real path of a note, refusing one that leads out of the vault (a symlink)."""
    real = os.path.realpath(root / rel)
    if not is_inside(real, os.path.realpath(root)):
        raise VaultkitError(f"{rel} leads outside the vault; not editing it")
    return real


def read_note(root: Path, rel: str) -> bytes | None:
    """A note's bytes now, or None when it cannot be read (it is then left alone)."""
    try:
        with open(note_file(root, rel), "rb") as handle:
            return handle.read()
    except (OSError, VaultkitError):
        return None


def apply(root: Path, edits: list[Edit], notes: list[NewNote]) -> tuple[list[str], list[str]]:
    """Make every edit and create every note; (the vault-relative paths written, the errors).

    Both go through the careful editor (edit/careful.py): an edit is made on the note as it is
    when it is saved (an editor's save meanwhile is redone, never lost), never on a note the user
    may not write; a new note never goes over a file. A note that cannot be written is an error
    (`cannot write PATH: reason`, or why it was refused); the others are still written.
    """
    written, errors = [], []
    for edit in edits:
        try:
            if edit_note(root, edit.path, edit.change) is not None:
                written.append(edit.path)
        except UnicodeDecodeError:
            errors.append(f"{edit.path} is not UTF-8 text; not editing it")
        except VaultkitError as exc:
            errors.append(str(exc))
    for note in notes:
        try:
            create_note(root, note.rel, note.content)
            written.append(note.rel)
        except NoteExists:  # made since the vault was read: left as it is
            click.echo(f"Warning: {note.rel} appeared meanwhile; left as it is", err=True)
        except VaultkitError as exc:
            errors.append(str(exc))
    return written, errors
