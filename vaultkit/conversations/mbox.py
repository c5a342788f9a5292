"""An mbox file as a stream of header blocks: bodies are passed over, never kept.

A message starts at a `From ` line (mboxo, mboxrd, Gmail's Takeout, Thunderbird) that
follows a blank line, carries a time (`From - Thu Nov 20 18:22:10 2026`) and is followed by
a header line. A body line that starts with `From ` but is not escaped (`>From `), as mboxo
writers leave them, is mostly prose (`From what I heard...`) and fails those tests, so it
stays part of its body.

The file is read in chunks; at most one chunk and one header block are in memory.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

MAX_HEADER = 1 << 20  # a header block larger than this is not a real message's
CHUNK = 1 << 22
_SEPARATOR_LINE = re.compile(rb"From [^\n]*\d{1,2}:\d{2}")
HEADER_LINE = re.compile(rb"[\x21-\x39\x3b-\x7e]+[ \t]*:")
_BLANK = re.compile(rb"\n\r?\n")

# what read_blocks yields: (line of its From line, header bytes) or (line, a reason it is unreadable)
Block = tuple[int, bytes | None, str]


def looks_like_mbox(head: bytes) -> bool:
    """Whether the first bytes of a file are an mbox's: a `From ` line, then a header line."""
    if not head.startswith(b"From "):
        return False
    end = head.find(b"\n")
    if end < 0 or not _SEPARATOR_LINE.match(head, 0, end):
        return False
    return bool(HEADER_LINE.match(head, end + 1))


class _Stream:
    """A growing window on the file: `buf` holds the bytes from file offset `base`."""

    def __init__(self, handle: BinaryIO, chunk: int, base: int = 0, first_line: int = 1):
        """`handle` is at file offset `base`, which is on line `first_line`."""
        self.handle = handle
        self.chunk = chunk
        self.buf = b""
        self.base = base
        self.eof = False
        self._line_pos = base  # absolute offset up to which newlines are counted
        self._lines = first_line  # the line number at _line_pos

    def more(self) -> bool:
        """Read another chunk onto the window; False at the end of the file."""
        if self.eof:
            return False
        data = self.handle.read(self.chunk)
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def drop_before(self, pos: int) -> None:
        """Forget the bytes before window position `pos` (counting their lines first)."""
        if pos <= 0:
            return
        self.line_at(pos)
        self.buf = self.buf[pos:]
        self.base += pos

    def line_at(self, pos: int) -> int:
        """The line number of window position `pos` (never behind the last asked)."""
        absolute = self.base + pos
        if absolute > self._line_pos:
            self._lines += self.buf.count(b"\n", self._line_pos - self.base, pos)
            self._line_pos = absolute
        return self._lines


def _is_separator(buf: bytes, pos: int) -> bool | None:
    """Whether the line at `pos` (after a blank line) starts a message; None: need more bytes."""
    end = buf.find(b"\n", pos)
    if end < 0:
        return None
    if not _SEPARATOR_LINE.match(buf, pos, end):
        return False
    if end + 1 >= len(buf) or len(buf) - end - 1 < 80 and buf.find(b"\n", end + 1) < 0:
        return None  # the next line is not all here yet
    return bool(HEADER_LINE.match(buf, end + 1))


def _next_separator(stream: _Stream, start: int) -> int:
    """The window position of the next message's `From ` line at or after `start`, or -1 at the end
    of the file. Bytes before it are dropped as the search goes (a body is never kept)."""
    pos = start
    while True:
        buf = stream.buf
        found = buf.find(b"\nFrom ", pos)
        undecided = -1
        while found >= 0:
            blank_before = buf[found - 1:found] == b"\n" or buf[found - 2:found] == b"\n\r"
            verdict = _is_separator(buf, found + 1) if blank_before else False
            if verdict is None:
                undecided = found  # decide once more is read
                break
            if verdict:
                return found + 1
            found = buf.find(b"\nFrom ", found + 1)
        resume = undecided if undecided >= 0 else max(len(buf) - 6, pos)  # a `\nFrom ` cut by the chunk's end
        keep_from = max(resume - 2, 0)  # and the two bytes that tell a blank line before it
        stream.drop_before(keep_from)
        pos = resume - keep_from
        if not stream.more():
            return -1


def read_blocks(handle: BinaryIO, chunk: int = CHUNK, max_header: int = MAX_HEADER, base: int = 0,
                first_line: int = 1, end: int | None = None) -> Iterator[Block]:
    """Each message's header block, with the line of its `From ` line; a block that cannot be
    read (the file ends inside it, it is over `max_header`) comes as None with the reason.

    `handle` is at offset `base` (on line `first_line`), where a message starts; with `end`, the
    messages that start before that offset (a part of the file, read alongside the others)."""
    stream = _Stream(handle, chunk, base, first_line)
    stream.more()
    start = 0 if stream.buf.startswith(b"From ") else _next_separator(stream, 0)
    while start >= 0 and (end is None or stream.base + start < end):
        if start > chunk:  # forget what is behind, now and then (each drop copies what is kept)
            stream.drop_before(start)
            start = 0
        line = stream.line_at(start)
        block_end = first = -1
        while True:
            first = stream.buf.find(b"\n", start)
            if first >= 0:
                blank = _BLANK.search(stream.buf, first, first + max_header + 3)
                if blank is not None:
                    block_end = blank.start() + 1
                    break
                if len(stream.buf) - first > max_header:
                    break
            stream.drop_before(start)
            start = 0
            if not stream.more():
                first = stream.buf.find(b"\n", start)
                break
        if block_end >= 0:
            yield line, stream.buf[first + 1:block_end], ""
            start = _next_separator(stream, block_end - 1)
        elif first >= 0 and len(stream.buf) - first > max_header:
            yield line, None, "its headers are over 1 MB"
            start = _next_separator(stream, first)
        else:
            yield line, None, "the file ends inside its headers (cut short?)"
            return


def next_message_at(handle: BinaryIO, offset: int) -> int:
    """The file offset of the first message that starts at or after `offset`, or -1."""
    begin = max(offset - 2, 0)  # the bytes that tell whether a blank line comes before
    handle.seek(begin)
    stream = _Stream(handle, 1 << 20, begin)
    stream.more()
    if offset == 0 and stream.buf.startswith(b"From "):
        return 0
    found = _next_separator(stream, 0)
    return -1 if found < 0 else stream.base + found
