"""Find the vault, and list the notes in it.

Symlinks: a link to a file or folder outside the vault is never followed (a
warning says so). A linked folder inside the vault is not walked either: its
notes are read where they really are, so nothing is read twice and a link
back to a parent cannot loop. A linked note inside the vault is read under its
own name only when its target would not be read anyway.

A note whose path is not valid UTF-8 (a Latin-1 `caf\\xe9.md` from an old
archive) is an error and is not read: no link can name it, and its name
could not be stored in the cache or written into an output.
"""
from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..config import CONFIG_NAME, Config
from ..errors import ERROR, WARNING, Problem, VaultNotFound
from ..paths import is_inside, is_utf8, printable
from ..vault_root import ENV_VAR, given_folder, marked_folder

MARKERS = (CONFIG_NAME, ".obsidian/")


def find_vault(explicit: str | os.PathLike | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """`--vault`, else `$VAULTKIT_VAULT`, else the nearest folder up from `cwd` with a marker."""
    given = given_folder(explicit, environ)
    if given:
        source, folder = given
        path = (cwd / Path(folder).expanduser()).resolve()
        if not path.is_dir():
            raise VaultNotFound(f"{source} {folder}: no such folder")
        return path
    found, searched = marked_folder(str(cwd))
    if found is not None:
        return Path(found).resolve()
    raise VaultNotFound(
        "no vault found: no folder holding vaultkit.toml or an .obsidian/ folder at or above the current one "
        f"(searched {', '.join(searched)}). To start a vault here: vaultkit init. For notes you already keep: "
        f"vaultkit init --detect. Or pass --vault PATH, or set {ENV_VAR}."
    )


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    """A gitignore-like glob as a regex over vault-relative POSIX paths.

    `*` stays within one folder, `**` spans folders, and a pattern without a
    slash matches a name at any depth (`*.excalidraw.md`).
    """
    pattern = pattern.strip().replace("\\", "/")
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/").rstrip("/") if pattern != "/" else ""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out) + "(?:/.*)?")


def not_utf8_problem(rel: str) -> Problem:
    *folders, _ = rel.split("/")
    bad_folder = next((f for f in folders if not is_utf8(f)), None)
    if bad_folder is None:
        message = "file name is not UTF-8; rename it (vaultkit cannot link to it); skipped"
    else:
        message = (f"folder name '{printable(bad_folder)}' is not UTF-8; rename it "
                   "(vaultkit cannot link to its notes); skipped")
    return Problem(printable(rel), 1, ERROR, message)


class NoteFilter:
    """Decides which paths are notes, from the SPEC's exclusions and the config.

    The output folder is never read, whichever path leads there: when a symlink on its
    path leads to another folder the walk would read (`vaultkit` -> `Reading`), that
    folder is skipped too (`output_among_notes`; report refuses to write there), and a
    linked note whose target is in the output folder is not read.
    """

    def __init__(self, config: Config):
        self.skip_folders = tuple(f.rstrip("/") for f in (config.folders.output, config.folders.templates))
        self.ignores = tuple(glob_regex(p) for p in config.ignore if p.strip())
        # one regex for every ignore pattern: the walk asks it of 100,000 paths
        self.ignored = re.compile("|".join(f"(?:{rx.pattern})" for rx in self.ignores)).fullmatch \
            if self.ignores else None
        root = os.path.realpath(config.root)
        real = os.path.realpath(os.path.join(root, *config.folders.output.split("/")))
        self.real_output = real if real != root and is_inside(real, root) else None
        self.output_among_notes: str | None = None  # where the output folder really is, when the walk reads there
        if self.real_output is not None:
            rel = os.path.relpath(real, root).replace(os.sep, "/")
            if self.reads_folder(rel):
                self.output_among_notes = rel
                self.skip_folders += (rel,)

    def skips_folder(self, rel: str, name: str) -> bool:
        if name.startswith("."):
            return True
        if any(rel == f or rel.startswith(f + "/") for f in self.skip_folders):
            return True
        return self.ignored is not None and self.ignored(rel) is not None

    def takes_file(self, rel: str, name: str) -> bool:
        if name.startswith(".") or not name.endswith(".md"):
            return False
        return self.ignored is None or self.ignored(rel) is None

    def reads_folder(self, rel: str) -> bool:
        """Whether a walk would go into the folder `rel` (and every folder on the way)."""
        parts = rel.split("/")
        return not any(self.skips_folder("/".join(parts[:i]), parts[i - 1]) for i in range(1, len(parts) + 1))

    def takes_path(self, rel: str) -> bool:
        """Whether a walk would read `rel` (used for a symlink's target, and by `watch`)."""
        if not is_utf8(rel):
            return False
        folder, _, name = rel.rpartition("/")
        return (not folder or self.reads_folder(folder)) and self.takes_file(rel, name)


def walk_notes(config: Config) -> tuple[list[str], list[Problem]]:
    """Every note's vault-relative POSIX path, sorted, and problems met on the way."""
    root = str(config.root.resolve())
    keep = NoteFilter(config)
    ignored = keep.ignored
    notes: list[str] = []
    problems: list[Problem] = []
    if keep.output_among_notes is not None:
        problems.append(Problem(keep.output_among_notes, 1, WARNING, f"not read: the output folder "
                                f"{config.folders.output}/ leads here (a symlink?), and vaultkit reads no notes "
                                "where it writes its files"))
    stack = [(root, "")]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            problems.append(Problem(rel_folder or ".", 1, WARNING, f"cannot list folder: {exc.strerror or exc}"))
            continue
        prefix = f"{rel_folder}/" if rel_folder else ""
        for entry in entries:  # the hot loop of a warm run: the common case (a plain note) first
            name = entry.name
            if name.endswith(".md") and not name.startswith(".") and entry.is_file(follow_symlinks=False):
                rel = prefix + name
                if ignored is None or ignored(rel) is None:
                    notes.append(rel)
                continue
            rel = prefix + name
            if entry.is_symlink():
                _symlink(entry, rel, root, keep, notes, problems)
            elif entry.is_dir(follow_symlinks=False):
                if not keep.skips_folder(rel, name):
                    stack.append((entry.path, rel))
    every_name = "\0".join(notes)  # one check for the whole vault: a big one has 100,000 names
    if not every_name.isascii() and not is_utf8(every_name):
        problems += [not_utf8_problem(rel) for rel in notes if not is_utf8(rel)]
        notes = [rel for rel in notes if is_utf8(rel)]
    notes.sort()
    problems = sorted(Problem(printable(p.path), p.line, p.severity, printable(p.message)) for p in problems)
    return notes, problems


def _symlink(entry: os.DirEntry, rel: str, root: str, keep: NoteFilter, notes: list, problems: list) -> None:
    name = entry.name
    try:
        target = os.path.realpath(entry.path, strict=True)
    except OSError as exc:
        if not name.startswith(".") and (name.endswith(".md") or "." not in name):
            looped = "loop" in str(exc).lower() or getattr(exc, "errno", None) == 40
            what = "symlink loop" if looped else "broken symlink"
            problems.append(Problem(rel, 1, WARNING, f"{what}; skipped"))
        return
    inside = is_inside(target, root)
    is_dir = os.path.isdir(target)
    if is_dir and keep.skips_folder(rel, name):
        return
    if not is_dir and not keep.takes_file(rel, name):
        return
    if not inside:
        problems.append(Problem(rel, 1, WARNING, "symlink points outside the vault; not followed"))
        return
    if keep.real_output is not None and is_inside(target, keep.real_output):
        return  # one of vaultkit's own files (or folders), not a note
    target_rel = "" if target == root else os.path.relpath(target, root).replace(os.sep, "/")
    if is_dir:
        link_dir = os.path.dirname(entry.path)
        if target == root or link_dir == target or link_dir.startswith(target + os.sep):
            problems.append(Problem(rel, 1, WARNING, f"symlink loop (points back to {target_rel or 'the vault root'}); skipped"))
        return  # its notes are read where they really are
    if not keep.takes_path(target_rel) and os.path.isfile(target):
        notes.append(rel)
