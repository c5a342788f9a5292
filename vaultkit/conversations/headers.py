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
from .fields import ADDRESS_FIELDS, addresses_in, fields_of, value_of
from .records import EMAIL, Message, Party, Unreadable

_NOT_PLAIN = re.compile(r'["()\\;:\[\]]|=\?')
_PLAIN_ADDRESS = re.compile(r"\s*(?:([^<>,@]*?)\s*<([^<>\s,]+@[^<>\s,]+)>|([^<>\s,]+@[^<>\s,]+))\s*")
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


def _plain_pairs(values: list[str]) -> list[tuple[str, str]] | None:
    """(name, address) pairs of address lists in the plain form nearly all mail uses
    (`Ana Díaz <ana@x.org>, bob@y.org`), found without getaddresses' parser; None for
    anything else (quotes, comments, groups, encoded words), which getaddresses reads."""
    pairs = []
    for value in values:
        if _NOT_PLAIN.search(value):
            return None
        for piece in value.split(","):
            m = _PLAIN_ADDRESS.fullmatch(piece)
            if m is None:
                if piece.strip():
                    return None
                continue
            pairs.append((m[1] or "", m[2] or m[3]))
    return pairs


def _parties(values: list[str]) -> list[Party]:
    found = []
    pairs = _plain_pairs(values)
    for name, address in getaddresses(values) if pairs is None else pairs:
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


def read_headers(block: bytes, position: str, worth_parsing=None) -> Message | Unreadable:
    """The Message a header block describes, or why it cannot be one.

    `worth_parsing(addresses)`, when given, says whether a message with these addresses (From,
    To, Cc...) may be a touch; one that may not is only glanced at, enough to count it: its
    Date is not read (`when` is None) nor its Subject."""
    fields = fields_of(block)
    if worth_parsing is not None and not worth_parsing(set(addresses_in(fields))):
        return _glance(fields, position)
    try:
        parsed = _PARSER.parsebytes(b"".join(raw + b"\n" for _, raw in fields))
    except Exception as exc:  # the parser is lenient; this is for what it has never seen
        return Unreadable(position, f"headers do not parse ({type(exc).__name__})")
    headers, addresses = _by_name((name.strip().casefold(), value) for name, value in parsed.raw_items())
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


def _by_name(items) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The first value of each field, and every value of each address field."""
    headers: dict[str, str] = {}
    addresses: dict[str, list[str]] = {}
    for key, value in items:
        if key in ADDRESS_FIELDS:
            addresses.setdefault(key, []).append(value)
        headers.setdefault(key, value)
    return headers, addresses


_FLAGS = ("list-id", "list-unsubscribe", "precedence", "auto-submitted", "x-gmail-labels", "x-mozilla-draft-info",
          "x-uniform-type-identifier")


def _glance(fields, position: str) -> Message | Unreadable:
    """Who a message is from and to, and whether it is automated or a draft, from the fields as
    found: no parser, no date, no subject, no recipients' names. Enough to count a message that
    cannot be a touch."""
    first: dict[str, bytes] = {}
    for name, raw in fields:
        first.setdefault(name, raw)
    sender_field = first.get("from") or first.get("sender")
    senders = _parties([value_of(sender_field)]) if sender_field is not None else []
    if not senders:
        return Unreadable(position, "no From address")
    if "date" not in first:
        return Unreadable(position, "no Date")
    recipients = tuple(Party(a) for a in dict.fromkeys(addresses_in(fields, ("to", "cc", "bcc"))))
    flags = {name: value_of(first[name]) for name in _FLAGS if name in first}
    message_id = value_of(first["message-id"]).strip("<> ") if "message-id" in first else ""
    return Message(EMAIL, position, None, senders[0], recipients, "", message_id or f"{position} {senders[0].address}",
                   automated=automated_reason(flags, senders[0].address), draft=is_draft(flags))
