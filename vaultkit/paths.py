"""Small facts about paths that the reader, the templates and the writer all need."""
from __future__ import annotations

import os


def is_inside(path: str, folder: str) -> bool:
    """Whether a real path is the folder or lies under it."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def is_utf8(rel: str) -> bool:
    """False for a name decoded with surrogateescape from bytes that are not UTF-8."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(rel: str) -> str:
    """`rel` with each byte that is not UTF-8 shown as \\xNN, so it can be printed and stored."""
    try:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no byte made (Windows names can hold one)
        return rel.encode("utf-8", "backslashreplace").decode("utf-8")


def read_to_end(fd: int, first: int = 1 << 20) -> bytes:
    """An open file's bytes from where it stands to its end, with os.read: `first` bytes at once (its
    size and one more, when known: one call, and one to see the end), then on, should it have grown.
    A third to a half of a file object's time, over the hundreds of files a report reads."""
    chunks = []
    while chunk := os.read(fd, first if not chunks else 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
