"""Reading the file an import is given: a regular file of bounded size, or a clear refusal.

A FIFO, a device (`/dev/zero`), a folder or a socket is never a LinkedIn or address-book
export, and reading one can block or never end; so is a file far larger than any export.
The file is opened without blocking and checked on the opened descriptor (what is checked
is what is read), and at most MAX_IMPORT_BYTES + 1 bytes are read, so a file that grows
while it is read is refused too.
"""
from __future__ import annotations

import os
import stat

from ..errors import VaultkitError

# LinkedIn's Connections.csv for 30,000 connections is about 3 MB; an address book of
# 10,000 cards with photos stays well under this.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size % (1024 * 1024) == 0 else f"{size:,} bytes"


def _not_regular(file: str, mode: int) -> VaultkitError:
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return VaultkitError(f"{file} is not a regular file ({kind}); import the exported file itself")


def _too_large(file: str, limit: int) -> VaultkitError:
    return VaultkitError(f"{file} is larger than {_megabytes(limit)}, the most an import reads; "
                         "no export of contacts is that large: is it the right file?")


def _mode(file: str) -> int | None:
    try:
        return os.stat(file).st_mode
    except OSError:
        return None


def read_export(file: str) -> bytes:
    """The bytes of FILE, a regular file of at most MAX_IMPORT_BYTES; else VaultkitError."""
    limit = MAX_IMPORT_BYTES
    mode = _mode(file)
    if mode is not None and not stat.S_ISREG(mode):  # before opening: opening a device can do things
        raise _not_regular(file, mode)
    try:
        fd = os.open(file, _FLAGS)
    except OSError as exc:
        raise VaultkitError(f"cannot read {file}: {exc.strerror}") from None
    try:
        info = os.fstat(fd)  # again on what was opened: the path may have changed since
        if not stat.S_ISREG(info.st_mode):
            raise _not_regular(file, info.st_mode)
        if info.st_size > limit:
            raise _too_large(file, limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1024 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise VaultkitError(f"cannot read {file}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise _too_large(file, limit)
    return b"".join(chunks)
