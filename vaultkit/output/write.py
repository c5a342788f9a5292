"""Writing generated files: atomically, only when the bytes change, always inside the output folder."""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from ..errors import ERROR, Problem, VaultkitError
from ..paths import is_inside, read_to_end

WRITTEN, UNCHANGED, WOULD_WRITE, KEPT = "written", "unchanged", "would write", "kept (you edited it)"
NOT_WRITTEN = "not written"
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]')
_DOTS = re.compile(r"\.{2,}")
# a name that is not plain: a part that is empty or starts with a dot (`.`, `..`, `.hidden`), or an unsafe character
_NOT_PLAIN = re.compile(r'(?:^|/)[./]|/$|[\x00-\x1f\\:*?"<>|]')
MAX_NAME = 120
# .vaultkit-k3j4h5g6-1f0c9a2e.tmp: a random part and a check of it, so a file of the user's that
# only looks like one (.vaultkit-notebook.tmp) is never taken for vaultkit's and removed
TEMP_PREFIX, TEMP_SUFFIX = ".vaultkit-", ".tmp"
_OWN_TEMP = re.compile(r"\.vaultkit-([a-z0-9]{8})-([0-9a-f]{8})\.tmp")
_TEMP_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
STALE_TEMP_SECONDS = 60  # a run writes its temp file in milliseconds; one this old was left by a killed run
_GENERATED = re.compile(r"^generated:[ \t]*[\"']?vaultkit[\"']?[ \t]*$", re.M | re.I)
MAX_NAME_BYTES = 200  # UTF-8; file systems allow 255, and the temp file written beside it needs room


@dataclass(frozen=True, slots=True)
class Output:
    """A generated file: its path inside the output folder, and its bytes."""

    name: str  # relative to the output folder, `/`-separated, e.g. "Drafts/Thank you - Ana.md"
    content: bytes
    may_replace: Callable[[bytes], bool] | None = None  # False for a file the user has edited


def safe_name(text: str, suffix: str = ".md") -> str:
    """A file name safe on every OS from any text: no separators or reserved characters,
    no leading dot, no `..`, at most MAX_NAME characters and MAX_NAME_BYTES bytes with `suffix`."""
    name = _UNSAFE.sub("-", text)
    if ".." in name:
        name = _DOTS.sub(".", name)
    name = name.strip(" .-") or "untitled"
    name = name[: MAX_NAME - len(suffix)]
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    # cut only a name too long (rare; a character is at most 4 bytes, so most need no counting): per character
    if len(name) * 4 > room and len(name.encode("utf-8", "surrogatepass")) > room:
        sizes = accumulate(len(c.encode("utf-8", "surrogatepass")) for c in name)
        name = name[: sum(size <= room for size in sizes)]  # whole characters, within the bytes
    return (name.rstrip(" .\u200d") or "untitled") + suffix  # no dangling joiner of a cut emoji


def unique_names(titles: list[str]) -> list[str]:
    """A safe `.md` name per title, in the given order; a name taken already (ignoring case) gets ` (2)`, ` (3)`..."""
    names, used = [], set()
    for title in titles:
        name, n = safe_name(title), 1
        key = name.casefold()
        while key in used:  # also two long titles that are the same once shortened
            n += 1
            name = safe_name(title, f" ({n}).md")
            key = name.casefold()
        used.add(key)
        names.append(name)
    return names


def output_folder_path(root: Path, folder_name: str) -> str:
    """The real path of one of the vault's folders, refusing one that leads out of the vault."""
    real_root = os.path.realpath(root)
    real_folder = os.path.realpath(os.path.join(real_root, *folder_name.split("/")))
    if not is_inside(real_folder, real_root):
        raise VaultkitError(f"the folder {folder_name}/ leads outside the vault (a symlink?); not writing there")
    return real_folder


def resolve_output(root: Path, folder_name: str, name: str) -> Path:
    """The real path for `name` in one of the vault's folders, refusing anything that would leave it."""
    return Path(OutputPaths(root, folder_name).path(name))


class OutputPaths:
    """resolve_output for many files of one folder: the folder's real path and each subfolder's
    are looked up once (a realpath costs a stat per step of the path), not once per file."""

    def __init__(self, root: Path, folder_name: str):
        self.root, self.folder_name = root, folder_name
        self._real_folder: str | None = None
        self._parents: dict[str, tuple[str, bool]] = {}  # subfolder -> its path, and whether it stays inside

    def path(self, name: str) -> str:
        """`name`'s real path: a plain `/`-separated name inside the folder, refusing anything else."""
        if not name or _NOT_PLAIN.search(name):
            raise VaultkitError(f"refusing to write {name!r}: not a plain name inside {self.folder_name}/")
        if self._real_folder is None:
            self._real_folder = output_folder_path(self.root, self.folder_name)
        subfolder, _, file_name = name.rpartition("/")
        known = self._parents.get(subfolder)
        if known is None:
            parent = os.path.join(self._real_folder, *subfolder.split("/")) if subfolder else self._real_folder
            known = self._parents[subfolder] = (parent, is_inside(os.path.realpath(parent), self._real_folder))
        parent, inside = known
        if not inside:
            raise VaultkitError(f"refusing to write {self.folder_name}/{name}: it leads outside that folder")
        return os.path.join(parent, file_name)


def made_by_vaultkit(content: bytes) -> bool:
    """Whether a file's bytes say vaultkit wrote it: `generated: vaultkit` in its front-matter
    (a Markdown file) or vaultkit's PRODID (the calendar)."""
    head = content[:4096]
    if head.startswith(b"---\ngenerated: vaultkit\n") and head.find(b"\n---\n") > 0:
        return True  # as vaultkit writes it (the front-matter's first line, then closed): no need to parse
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return _calendar_prodid(head).startswith(b"-//vaultkit//")
    from ..index.frontmatter import split_front_matter  # here: loading it loads the YAML parser

    text = head.decode("utf-8", errors="replace").lstrip("\ufeff").replace("\r\n", "\n")
    block, _, body_start, _ = split_front_matter(text)
    return block is not None and body_start >= 0 and _GENERATED.search(block) is not None


def _calendar_prodid(head: bytes) -> bytes:
    """The calendar's own PRODID: the first one of the top-level VCALENDAR, before any component
    (a merged calendar may hold vaultkit's further down, or inside an event); b"" if none."""
    unfolded = re.sub(rb"\r?\n[ \t]", b"", head)  # RFC 5545: a line break then a space or tab continues the line
    lines = unfolded.replace(b"\r\n", b"\n").split(b"\n")
    if lines[0].strip().upper() != b"BEGIN:VCALENDAR":
        return b""
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.split(b";", 1)[0].strip().upper()
        if name == b"PRODID":
            return value.strip()
        if name in (b"BEGIN", b"END"):
            return b""  # a component, or the end: the calendar's own properties are over
    return b""


def _current(path: str | os.PathLike) -> bytes | None:
    """The file's bytes, or None if it is missing. Anything else that stops the read is an OSError
    (a symlink put there since the lstat included: never followed): a file vaultkit cannot read is never replaced."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EISDIR, "not a regular file")
        return read_to_end(fd, info.st_size + 1)
    finally:
        os.close(fd)


def write_atomic(path: Path, content: bytes, mode: int | None = None, replace: bool = True) -> None:
    """Temp file in the same folder, then rename: a reader sees the old file or the new, never half.

    `mode` keeps an edited note's permissions; `replace=False` never clobbers a file that exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = new_temp(path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode if mode is not None else new_file_mode())
        if replace:
            os.replace(temp, path)
        else:
            os.link(temp, path)  # fails if the file appeared meanwhile; rename would clobber it
            os.unlink(temp)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def temp_name() -> str:
    """A new temp file name: `.vaultkit-` and a random part, then a check of it (see is_own_temp)."""
    random_part = "".join(_TEMP_LETTERS[byte % 36] for byte in os.urandom(8))
    return f"{TEMP_PREFIX}{random_part}-{_temp_check(random_part)}{TEMP_SUFFIX}"


def _temp_check(random_part: str) -> str:
    return hashlib.blake2b(random_part.encode(), digest_size=4, person=b"vaultkit.tmp").hexdigest()


def is_own_temp(name: str) -> bool:
    """Whether a file name is one of vaultkit's temp files (as temp_name makes them), and nobody else's."""
    match = _OWN_TEMP.fullmatch(name)
    return match is not None and match[2] == _temp_check(match[1])


def new_temp(folder: str | os.PathLike) -> tuple[int, str]:
    """A new temp file of vaultkit's own name in `folder`, created here and now (never one that was
    there), open for writing: its fd and path."""
    folder = os.fspath(folder)
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = os.path.join(folder, temp_name())
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue  # another run's, by a chance of one in 36**8
    raise FileExistsError(errno.EEXIST, "no free name for a temp file", folder)


def new_file_mode() -> int:
    """The mode a new file gets: 0o666 less the umask, as an editor's new file would."""
    return 0o666 & ~_umask()


_UMASK: list[int] = []


def _umask() -> int:
    if not _UMASK:
        current = os.umask(0o022)
        os.umask(current)
        _UMASK.append(current)
    return _UMASK[0]


def remove_stale_temps(folder: str, now: float | None = None) -> None:
    """Remove vaultkit's own temp files that a killed run left in `folder`. One younger than
    STALE_TEMP_SECONDS may be another run's, being written right now, so it stays. Only names
    is_own_temp knows are removed: older versions' temp names (.vaultkit-k3j4h5g6.tmp,
    .Fields.md.k3j4h5g6.tmp) could be a user's own file's, so those stay."""
    limit = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not is_own_temp(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove: either way nothing to do


_NOT_OURS = "not written: this file was not made by vaultkit ({}); move it or rename it"


class _NotWritten(Exception):
    """Why one output is not written; `path` is what is in the way (the output itself, or a folder)."""

    def __init__(self, message: str, path: str):
        super().__init__(message)
        self.path = path


def _blocker(real_folder: str, output_folder: str, name: str) -> _NotWritten | None:
    """Why nothing can be written to `name`: a file stands where a folder on the way must be."""
    rel, here = output_folder, real_folder
    for part in ["", *name.split("/")[:-1]]:
        if part:
            rel, here = f"{rel}/{part}", os.path.join(here, part)
        try:
            mode = os.stat(here).st_mode
        except FileNotFoundError:
            return None  # made when written
        except OSError as exc:
            return _NotWritten(f"cannot reach {rel}/: {exc.strerror or exc}", rel)
        if not stat.S_ISDIR(mode):
            return _NotWritten("this is a file, not a folder, and vaultkit writes its files into a folder here; "
                               "move it or rename it", rel)
    return None


_SYMLINK = ("not written: this is a symlink, and vaultkit neither follows nor replaces a link it did not make; "
            "remove the link (what it points to stays as it is) and the next report writes the file here")


def _read_target(path: str, rel: str, read_before: bytes | None = None) -> bytes | None:
    """The bytes now at `path` (None: nothing there). A symlink is never followed or replaced,
    wherever it points (even to a file vaultkit made, or nowhere): the user put it there.
    `read_before`: the bytes this run read there a moment ago, taken if it is still a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _NotWritten(f"not written: cannot read it: {exc.strerror or exc}", rel) from None
    if stat.S_ISLNK(mode):
        raise _NotWritten(_SYMLINK, rel)
    if stat.S_ISDIR(mode):
        raise _NotWritten("not written: a folder is in the way, where vaultkit writes this file; "
                          "move it or rename it", rel)
    if not stat.S_ISREG(mode):
        raise _NotWritten("not written: something that is not a regular file is in the way; move it or rename it", rel)
    if read_before is not None:
        return read_before
    try:
        current = _current(path)
    except OSError as exc:
        raise _NotWritten(f"not written: cannot read it: {exc.strerror or exc}", rel) from None
    return current


def write_outputs(root: Path, output_folder: str, outputs: list[Output], dry_run: bool = False,
                  problems: list[Problem] | None = None, read_same: Collection[str] = ()) -> list[tuple[str, str]]:
    """Write each output whose bytes changed; returns (vault-relative path, what happened).

    An output that cannot be written safely (a file vaultkit did not make in its place, a folder
    in the way, an error from the disk) is NOT_WRITTEN, with an error added to `problems`; the
    others are still written. `read_same`: names of outputs whose file this run has just read and
    found to hold these very bytes (a report reads each draft for its email link): not read again.
    """
    problems = problems if problems is not None else []
    rels = [f"{output_folder}/{output.name}" for output in outputs]
    try:
        real_folder = output_folder_path(root, output_folder)
    except VaultkitError as exc:
        problems.append(Problem(output_folder, 1, ERROR, str(exc)))
        return [(rel, NOT_WRITTEN) for rel in rels]
    results, blocked = [], {}
    cleaned: set[str] = set()
    paths = OutputPaths(root, output_folder)
    in_the_way: dict[str, _NotWritten | None] = {}  # per subfolder: what stands where it must be (once per folder)
    for output, rel in zip(outputs, rels):
        try:
            subfolder = output.name.rpartition("/")[0]
            if subfolder not in in_the_way:
                in_the_way[subfolder] = _blocker(real_folder, output_folder, output.name)
            blocker = in_the_way[subfolder]
            if blocker is not None:
                raise _NotWritten(str(blocker), blocker.path)
            path = paths.path(output.name)
            parent = os.path.dirname(path)
            if not dry_run and parent not in cleaned:
                cleaned.add(parent)
                remove_stale_temps(parent)
            current = _read_target(path, rel, output.content if output.name in read_same else None)
            if current == output.content:
                results.append((rel, UNCHANGED))
                continue
            if current is not None and not made_by_vaultkit(current):
                raise _NotWritten(_NOT_OURS.format("it is not vaultkit's calendar" if rel.endswith(".ics") else
                                                   'no "generated: vaultkit" in its front-matter'), rel)
            if current is not None and output.may_replace is not None and not output.may_replace(current):
                results.append((rel, KEPT))
                continue
            if dry_run:
                results.append((rel, WOULD_WRITE))
                continue
            try:
                write_atomic(Path(path), output.content)
            except OSError as exc:
                raise _NotWritten(f"not written: cannot write it: {exc.strerror or exc}", rel) from None
            results.append((rel, WRITTEN))
        except VaultkitError as exc:
            problems.append(Problem(rel, 1, ERROR, f"not written: {exc}"))
            results.append((rel, NOT_WRITTEN))
        except _NotWritten as exc:
            results.append((rel, NOT_WRITTEN))
            blocked.setdefault((exc.path, str(exc)), []).append(rel)
    for (path, message), rels_blocked in blocked.items():
        count = len(rels_blocked)
        more = "" if rels_blocked == [path] else f" ({count} file{'' if count == 1 else 's'} not written)"
        problems.append(Problem(path, 1, ERROR, message + more))
    return results
