"""The header fields vaultkit reads, found in a header block by byte search.

A mailbox holds Received, DKIM and ARC lines by the dozen; looking for the dozen fields
that matter (with their continuation lines) is several times faster than parsing them all,
and the parser is then given only these.
"""
from __future__ import annotations

import re

WANTED = ("from", "sender", "to", "cc", "bcc", "date", "subject", "message-id", "list-id", "list-unsubscribe",
          "precedence", "auto-submitted", "x-gmail-labels", "x-mozilla-draft-info", "x-uniform-type-identifier")
ADDRESS_FIELDS = ("from", "sender", "to", "cc", "bcc")
_ANY_ADDRESS = re.compile(rb"[^\s<>,;:\"'()\[\]]+@[^\s<>,;:\"'()\[\]]+")
_FIELD = re.compile(rb"\n(" + b"|".join(name.encode("ascii") for name in WANTED) + rb")[ \t]*:")


def fields_of(block: bytes) -> list[tuple[str, bytes]]:
    """(name, the field's bytes: `Name: value` and its continuation lines, without the last `\\n`) for
    each wanted field, in the order they stand in `block`."""
    lower = b"\n" + block.lower()  # lower[i + 1] is block[i]; a field starts after a line end
    found = []
    for m in _FIELD.finditer(lower):
        at = m.start()
        end = lower.find(b"\n", m.end())
        while end >= 0 and lower[end + 1:end + 2] in (b" ", b"\t"):
            end = lower.find(b"\n", end + 1)
        found.append((m.group(1).decode("ascii"), block[at:end - 1] if end >= 0 else block[at:]))
    return found


def value_of(raw: bytes) -> str:
    """A field's value as the compat32 parser gives it: after the colon, bytes beyond ASCII kept
    as surrogates (headers.decoded reads them as UTF-8), folding and line end removed."""
    value = raw.split(b":", 1)[1].decode("ascii", "surrogateescape")
    return " ".join(value.split()) if "\n" in value else value.strip()


def addresses_in(fields: list[tuple[str, bytes]], names=ADDRESS_FIELDS) -> list[str]:
    """Every string that looks like an address in the fields named, casefolded, in order: all that
    getaddresses can find there, and perhaps more (an address quoted in a display name)."""
    raw = b"\n".join(value for name, value in fields if name in names)
    return [a.decode("utf-8", "replace").casefold().rstrip(".") for a in _ANY_ADDRESS.findall(raw)]
