"""Where `import mail` reads: an mbox file, a Maildir, a folder of `.eml` files, or one `.eml`.

`mail_source` looks at a path and says which it is, or why it is none of them (an error
before anything is read or written); `read_mail` gives its messages, headers only.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import VaultkitError
from .headers import read_headers
from .mbox import HEADER_LINE, MAX_HEADER, looks_like_mbox, read_blocks
from .records import Message, Unreadable
from .tally import Counts

MBOX, MAILDIR, EML_FOLDER, EML = "mbox", "Maildir", "folder of .eml files", ".eml file"
_SNIFF = 64 * 1024


@dataclass(frozen=True)
class MailSource:
    path: Path
    shown: str  # the path as the user gave it, for messages
    kind: str  # MBOX, MAILDIR, EML_FOLDER or EML


def open_regular(path: Path):
    """The file opened for reading, refusing a FIFO, device or socket (opening a FIFO would wait)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError("not a regular file")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _starts_like_a_message(head: bytes) -> bool:
    return bool(HEADER_LINE.match(head.lstrip(b"\r\n")))


def mail_source(given: str) -> MailSource:
    """What `given` is, or a VaultkitError (exit 1) saying why it is not mail vaultkit reads."""
    path = Path(os.path.expanduser(given))
    what = "an mbox file, a Maildir or a folder of .eml files"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise VaultkitError(f"cannot read {given}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return MailSource(path, given, MAILDIR)
        if any(_eml_files(path)):
            return MailSource(path, given, EML_FOLDER)
        raise VaultkitError(f"{given} is a folder, but not a Maildir (no cur/ and new/ in it) and it holds no .eml "
                            f"files; give {what} (Thunderbird keeps each folder as an mbox file: give those files)")
    if not stat.S_ISREG(mode):
        raise VaultkitError(f"{given} is not a file or a folder (a FIFO, socket or device); give {what}")
    try:
        with open_regular(path) as handle:
            head = handle.read(_SNIFF)
    except OSError as exc:
        raise VaultkitError(f"cannot read {given}: {exc.strerror or exc}") from None
    if not head:
        raise VaultkitError(f"{given} is empty: no messages to read; give {what}")
    if looks_like_mbox(head):
        return MailSource(path, given, MBOX)
    if path.suffix.casefold() == ".eml" and _starts_like_a_message(head):
        return MailSource(path, given, EML)
    start = head[:4].decode("ascii", "replace")
    hint = " (it is a PDF)" if head.startswith(b"%PDF") else " (it is a zip archive: unzip it first)" \
        if head.startswith(b"PK\x03\x04") else f" (it starts with {start!r}, not a `From ` line and mail headers)"
    raise VaultkitError(f"{given} is not {what}{hint}")


def _eml_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.casefold().endswith(".eml"):
                yield Path(root) / name


def _maildir_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Each message file of a Maildir (new/ and cur/), with its flags (`S`, `D` a draft, `T` trashed)."""
    for sub in ("new", "cur"):
        try:
            names = sorted(os.listdir(folder / sub))
        except OSError:
            continue
        for name in names:
            if not name.startswith("."):
                yield folder / sub / name, name.rsplit(":2,", 1)[1] if ":2," in name else ""


def _file_headers(path: Path, shown: str, worth_parsing=None) -> Message | Unreadable:
    """The headers of a file that holds one message (a Maildir entry, an .eml)."""
    try:
        with open_regular(path) as handle:
            data = b""
            while True:
                piece = handle.read(65536)
                data += piece
                cut = data.find(b"\n\n")
                crlf = data.find(b"\n\r\n")
                ends = [c for c in (cut, crlf) if c >= 0]
                if ends:
                    data = data[:min(ends) + 1]
                    break
                if not piece:
                    break  # a message with no body: all headers
                if len(data) > MAX_HEADER:
                    return Unreadable(shown, "its headers are over 1 MB")
    except OSError as exc:
        return Unreadable(shown, f"cannot read it: {exc.strerror or exc}")
    if data.startswith(b"From ") and b":" not in data.split(b"\n", 1)[0].split(b" ", 1)[0]:
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""  # an mbox-style envelope line
    return read_headers(data, shown, worth_parsing)


def read_mail(source: MailSource, worth_parsing=None, addresses: frozenset[str] | None = None,
              seeker=None) -> Iterator[Message | Unreadable | Counts]:
    """Every message of `source`, in file order, headers only. Given `addresses` (the contacts'),
    a message that names none of them is only glanced at (see read_headers); given the `seeker`
    too, a big mbox is read on every core, and the messages glanced at there come back tallied
    (a Counts for each part), not one by one."""
    if addresses is not None:
        def worth_parsing(found: set[str]) -> bool:
            return not addresses.isdisjoint(found)
    if source.kind == MBOX and addresses is not None and seeker is not None and (os.cpu_count() or 1) > 1:
        from .mbox_parallel import PARALLEL_FROM, read_in_parallel  # here: multiprocessing, only for a big mbox

        try:
            big = os.stat(source.path).st_size >= PARALLEL_FROM
        except OSError:
            big = False
        if big:
            yield from read_in_parallel(source.path, source.shown, addresses, seeker)
            return
    if source.kind == MBOX:
        try:
            with open_regular(source.path) as handle:
                for line, block, reason in read_blocks(handle):
                    position = f"{source.shown}:{line}"
                    yield (read_headers(block, position, worth_parsing) if block is not None
                           else Unreadable(position, reason))
        except OSError as exc:
            yield Unreadable(source.shown, f"cannot read the rest of it: {exc.strerror or exc}")
    elif source.kind == MAILDIR:
        for path, flags in _maildir_files(source.path):
            shown = f"{source.shown.rstrip('/')}/{path.parent.name}/{path.name}"
            found = _file_headers(path, shown, worth_parsing)
            if isinstance(found, Message) and "D" in flags:
                found = replace(found, draft=True)
            yield found
    elif source.kind == EML_FOLDER:
        for path in _eml_files(source.path):
            yield _file_headers(path, f"{source.shown.rstrip('/')}/{path.relative_to(source.path).as_posix()}",
                                worth_parsing)
    else:
        yield _file_headers(source.path, source.shown, worth_parsing)

