"""Whether the output folder is a folder of its own.

vaultkit reads no notes in its output folder (its own files are there), so a contact,
interview or daily note there would silently drop out of the report, and a folder of notes
that is the output folder, through a symlink either way, would get vaultkit's files among
the notes. Either way nothing is written. Other files there are fine: only one that has
the name of a file vaultkit writes is in the way (see write.py).
"""
from __future__ import annotations

import os

from ..config import Config
from ..errors import ERROR, Problem
from ..index.discover import NoteFilter
from ..index.kind import Classifier
from ..index.note import parse_note
from ..paths import is_inside, read_to_end
from .write import made_by_vaultkit

_HEAD = 4096  # enough to see `generated: vaultkit` in a front-matter
_FIX = 'set [folders] output in vaultkit.toml to a folder of its own, like "vaultkit"'


def output_folder_problem(config: Config) -> Problem | None:
    """Why nothing may be written in the output folder, or None."""
    output = config.folders.output
    root = os.path.realpath(config.root)
    real_output = os.path.realpath(os.path.join(root, *output.split("/")))
    for key in ("contacts", "interviews", "daily"):
        folder = getattr(config.folders, key)
        real = os.path.realpath(os.path.join(root, *folder.split("/")))
        if is_inside(real, real_output) or is_inside(real_output, real):
            return Problem(output, 1, ERROR, f"the output folder {output}/ leads into the {key} folder {folder}/ "
                                             f"(a symlink?), where your notes are; nothing written; {_FIX}")
    if not is_inside(real_output, root):
        return None  # writing refuses it, and nothing outside the vault is read
    among_notes = NoteFilter(config).output_among_notes
    if among_notes is not None:
        return Problem(output, 1, ERROR, f"the output folder {output}/ leads to {among_notes}/ (a symlink?), "
                                         f"a folder where vaultkit reads notes: its files would be read as your "
                                         f"notes, and your notes there are not read; nothing written; {_FIX}")
    return _first_note(config, real_output, output)


def _first_note(config: Config, real_output: str, output: str) -> Problem | None:
    """The first contact, interview or daily note under the output folder, as a problem."""
    keep, classifier = NoteFilter(config), Classifier(config)
    stack = [(real_output, output)]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError:
            continue  # no folder yet, or not one: writing says what is wrong
        for entry in entries:
            rel = f"{rel_folder}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(".") and not any(rx.fullmatch(rel) for rx in keep.ignores):
                    stack.append((entry.path, rel))
            elif keep.takes_file(rel, entry.name) and entry.is_file(follow_symlinks=False):
                kind = _kind(classifier, entry.path, rel)
                if kind:
                    article = "an" if kind == "interview" else "a"
                    return Problem(rel, 1, ERROR, f"{article} {kind} note in the output folder {output}/, where "
                                                  f"vaultkit reads no notes and writes its own files; nothing "
                                                  f"written; move the note, or {_FIX}")
    return None


def _kind(classifier: Classifier, path: str, rel: str) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        data = os.read(fd, _HEAD)
        if made_by_vaultkit(data):
            return None
        data += read_to_end(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    return classifier.kind(parse_note(rel, data, wants_body=lambda note: False, kind_tags=classifier.kind_tags))
