"""Writing generated files: atomically, only when the bytes change, always inside the output folder."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import VaultkitError

WRITTEN, UNCHANGED, WOULD_WRITE, KEPT = "written", "unchanged", "would write", "kept (you edited it)"
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]')
MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class Output:
    """A generated file: its path inside the output folder, and its bytes."""

    name: str  # relative to the output folder, `/`-separated, e.g. "Drafts/Thank you - Ana.md"
    content: bytes
    may_replace: Callable[[bytes], bool] | None = None  # False for a file the user has edited


def safe_name(text: str, suffix: str = ".md") -> str:
    """A file name safe on every OS from any text: no separators or reserved characters,
    no leading dot, no `..`, length-capped."""
    name = _UNSAFE.sub("-", text)
    name = re.sub(r"\.{2,}", ".", name).strip(" .-") or "untitled"
    return name[: MAX_NAME - len(suffix)].rstrip(" .") + suffix


def unique_names(titles: list[str]) -> list[str]:
    """A safe `.md` name per title, in the given order; a name taken already (ignoring case) gets ` (2)`, ` (3)`..."""
    names, used = [], set()
    for title in titles:
        base = safe_name(title)[:-3]  # capped with room for ".md"
        name, n = f"{base}.md", 1
        while name.casefold() in used:
            n += 1
            name = f"{base[:100]} ({n}).md"
        used.add(name.casefold())
        names.append(name)
    return names


def is_inside(path: str, folder: str) -> bool:
    """Whether a real path is the folder or lies under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def resolve_output(root: Path, folder_name: str, name: str) -> Path:
    """The real path for `name` in one of the vault's folders, refusing anything that would leave it."""
    parts = name.split("/")
    if not name or any(p in ("", ".", "..") or _UNSAFE.search(p) or p.startswith(".") for p in parts):
        raise VaultkitError(f"refusing to write {name!r}: not a plain name inside {folder_name}/")
    real_root = os.path.realpath(root)
    folder = os.path.join(real_root, *folder_name.split("/"))
    real_folder = os.path.realpath(folder)
    if not is_inside(real_folder, real_root):
        raise VaultkitError(f"the folder {folder_name}/ leads outside the vault (a symlink?); not writing there")
    target = os.path.join(real_folder, *parts)
    if not is_inside(os.path.realpath(os.path.dirname(target)), real_folder):
        raise VaultkitError(f"refusing to write {folder_name}/{name}: it leads outside that folder")
    return Path(target)


def _current(path: Path) -> bytes | None:
    """The file's bytes, or None if it is missing or a symlink (which is replaced, never followed)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def write_atomic(path: Path, content: bytes, mode: int | None = None, replace: bool = True) -> None:
    """Temp file in the same folder, then rename: a reader sees the old file or the new, never half.

    `mode` keeps an edited note's permissions; `replace=False` never clobbers a file that exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else 0o666 & ~_umask())
        if replace:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if the file appeared meanwhile; rename would clobber it
            os.unlink(temp)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


_UMASK: list[int] = []


def _umask() -> int:
    if not _UMASK:
        current = os.umask(0o022)
        os.umask(current)
        _UMASK.append(current)
    return _UMASK[0]


def write_outputs(root: Path, output_folder: str, outputs: list[Output], dry_run: bool = False) -> list[tuple[str, str]]:
    """Write each output whose bytes changed; returns (vault-relative path, what happened)."""
    results = []
    for output in outputs:
        path = resolve_output(root, output_folder, output.name)
        rel = f"{output_folder}/{output.name}"
        current = _current(path)
        if current == output.content:
            results.append((rel, UNCHANGED))
            continue
        if current is not None and output.may_replace is not None and not output.may_replace(current):
            results.append((rel, KEPT))
            continue
        if dry_run:
            results.append((rel, WOULD_WRITE))
            continue
        try:
            write_atomic(path, output.content)
        except OSError as exc:
            raise VaultkitError(f"cannot write {rel}: {exc.strerror or exc}") from None
        results.append((rel, WRITTEN))
    return results
