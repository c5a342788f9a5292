"""A big mbox read on every core: the file cut at message boundaries, each part read by a worker.

Reading headers is CPU-bound Python; a 1 GB mailbox read on two cores takes half as long.
Workers die with the parent (index.parallel's rules); the parts' messages come back in file
order, so the result is the one a single reader gives.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .headers import read_headers
from .mbox import next_message_at, read_blocks
from .people import Seeker
from .records import Message, Unreadable
from .tally import Counts, tally_glanced

PARALLEL_FROM = 64 << 20  # bytes: a smaller mbox is read faster than workers start


def _lines_before(path: Path, offsets: list[int]) -> list[int]:
    """The line number each offset (sorted) is on."""
    found, line, done = [], 1, 0
    with open(path, "rb") as handle:
        for offset in offsets:
            while done < offset:
                piece = handle.read(min(8 << 20, offset - done))
                if not piece:
                    break
                line += piece.count(b"\n")
                done += len(piece)
            found.append(line)
    return found


def parts_of(path: Path, parts: int) -> list[tuple[int, int, int | None]]:
    """(start offset, its line, end offset or None) of up to `parts` pieces cut where messages start."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        starts = sorted({s for s in (next_message_at(handle, size * k // parts) for k in range(parts)) if s >= 0})
    lines = _lines_before(path, starts)
    ends = starts[1:] + [None]
    return list(zip(starts, lines, ends))


def _read_part(path: str, shown: str, start: int, line: int, end: int | None, addresses: frozenset[str],
               seeker: Seeker) -> list[Message | Unreadable | Counts]:
    """One part's messages that name a contact, and what could not be read, in file order; then the
    tally of the others (sending 100,000 messages back would cost more than reading them)."""
    def worth_parsing(found: set[str]) -> bool:
        return not addresses.isdisjoint(found)

    out: list[Message | Unreadable | Counts] = []
    glanced = Counts()
    with open(path, "rb") as handle:
        handle.seek(start)
        for at, block, reason in read_blocks(handle, base=start, first_line=line, end=end):
            position = f"{shown}:{at}"
            found = read_headers(block, position, worth_parsing) if block is not None else Unreadable(position, reason)
            if isinstance(found, Message) and found.when is None:
                tally_glanced(found, seeker, glanced)
            else:
                out.append(found)
    out.append(glanced)
    return out


def read_in_parallel(path: Path, shown: str, addresses: frozenset[str], seeker: Seeker,
                     workers: int | None = None) -> Iterator[Message | Unreadable | Counts]:
    """The mbox at `path` read by `workers` processes, as `read_mail` gives it."""
    from ..index.parallel import _context, _die_with, _kill_workers  # the vault reader's worker rules

    workers = workers or min(os.cpu_count() or 1, 4)
    parts = parts_of(path, workers)
    pool = ProcessPoolExecutor(max_workers=len(parts), mp_context=_context(), initializer=_die_with,
                               initargs=(os.getpid(),))
    try:
        futures = [pool.submit(_read_part, str(path), shown, start, line, end, addresses, seeker)
                   for start, line, end in parts]
        for future in futures:
            yield from future.result()
    except BaseException:
        _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
