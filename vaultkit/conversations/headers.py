"""One message's header block -> a Message: who, when, what about; nothing of the body.

Headers are read as the standard library reads them (BytesHeaderParser, getaddresses,
parsedate_to_datetime, RFC 2047 decoded words), and every way they can be broken
(an unknown charset, 8-bit bytes, a date that is no date) gives a value or a reason, never
an exception.
"""
from __future__ import annotations

import re
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from ..dates import in_range, range_problem
from .records import EMAIL, Message, Party, Unreadable

_WANTED = {"from", "sender", "to", "cc", "bcc", "date", "subject", "message-id", "list-id", "list-unsubscribe",
           "precedence", "auto-submitted", "x-gmail-labels", "x-mozilla-draft-info", "x-uniform-type-identifier"}
_NO_REPLY = re.compile(r"no-?_?reply|do-?not-?reply|mailer-daemon", re.I)
_PARSER = BytesHeaderParser(policy=policy.compat32)
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
_BETWEEN_WORDS = re.compile(r"(=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)")


def _word(match: re.Match) -> str:
    """One RFC 2047 encoded word decoded; a broken one (unknown charset, bad base64) as written."""
    try:
        return str(make_header(decode_header(match.group())))
    except (HeaderParseError, LookupError, UnicodeError, ValueError, TypeError, AssertionError):
        return match.group()


def decoded(value: str) -> str:
    """A header's text: 8-bit bytes read as UTF-8, encoded words decoded one by one (so raw 8-bit
    text beside them stays as it is), folding undone."""
    text = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if "=?" in text:
        text = _BETWEEN_WORDS.sub(r"\1", text)  # RFC 2047: space between two encoded words is not text
        text = _ENCODED_WORD.sub(_word, text)
    return " ".join(text.split())


def _parties(values: list[str]) -> list[Party]:
    found = []
    for name, address in getaddresses(values):
        address = address.strip().strip("<>").casefold()
        if "@" in address:
            found.append(Party(address, decoded(name)))
    return found


def _labels(value: str) -> set[str]:
    return {label.strip().strip('"').casefold() for label in value.split(",")}


def automated_reason(headers: dict[str, str], sender: str) -> str:
    """Why a message is a machine's, not a person's: the header that says so, or ""."""
    for name in ("list-id", "list-unsubscribe"):
        if name in headers:
            return name.title()
    if headers.get("precedence", "").strip().casefold() in ("bulk", "list", "junk"):
        return f"Precedence: {headers['precedence'].strip().casefold()}"
    submitted = headers.get("auto-submitted", "").strip().casefold()
    if submitted and not submitted.startswith("no"):
        return f"Auto-Submitted: {submitted.split(';')[0]}"
    if _NO_REPLY.search(sender.split("@", 1)[0]):
        return "a no-reply sender"
    return ""


def is_draft(headers: dict[str, str]) -> bool:
    """Never sent: Gmail's Drafts label, Thunderbird's or Apple Mail's draft headers."""
    return ("drafts" in _labels(headers.get("x-gmail-labels", "")) or "x-mozilla-draft-info" in headers
            or "mail-draft" in headers.get("x-uniform-type-identifier", ""))


def read_headers(block: bytes, position: str) -> Message | Unreadable:
    """The Message a header block describes, or why it cannot be one."""
    try:
        parsed = _PARSER.parsebytes(block)
    except Exception as exc:  # the parser is lenient; this is for what it has never seen
        return Unreadable(position, f"headers do not parse ({type(exc).__name__})")
    headers: dict[str, str] = {}
    addresses: dict[str, list[str]] = {}
    for name, value in parsed.raw_items():
        key = name.strip().casefold()
        if key not in _WANTED:
            continue
        if key in ("to", "cc", "bcc", "from", "sender"):
            addresses.setdefault(key, []).append(value)
        headers.setdefault(key, value)
    senders = _parties(addresses.get("from", []) or addresses.get("sender", []))
    if not senders:
        return Unreadable(position, "no From address")
    if "date" not in headers:
        return Unreadable(position, "no Date")
    try:
        when = parsedate_to_datetime(decoded(headers["date"]))
    except (TypeError, ValueError, IndexError, OverflowError):
        return Unreadable(position, f"Date {decoded(headers['date'])[:60]!r} is not a date")
    if not in_range(when.date()):
        return Unreadable(position, f"Date {range_problem(when.date())}")
    recipients = _parties([v for key in ("to", "cc", "bcc") for v in addresses.get(key, [])])
    message_id = decoded(headers.get("message-id", "")).strip("<> ")
    subject = decoded(headers.get("subject", ""))
    return Message(EMAIL, position, when, senders[0], tuple(dict.fromkeys(recipients)), subject,
                   message_id or f"{when.isoformat()} {senders[0].address} {subject}",
                   automated=automated_reason(headers, senders[0].address), draft=is_draft(headers))
