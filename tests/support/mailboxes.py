"""Mailboxes built with the standard library's `email` and `mailbox` modules, the way real
programs write them: Gmail's Takeout mbox, Thunderbird's mbox folders, a Maildir, .eml files."""
from __future__ import annotations

import datetime as dt
import email.message
import email.policy
import email.utils
import mailbox
import time
from pathlib import Path

SECRET = "PRIVATE-BODY-TEXT-7f3a"  # in every body: it must never reach the vault or the output


def message(sender: str, to: str, date: str, subject: str = "hello", msgid: str | None = None, cc: str = "",
            extra: dict[str, str] | None = None, body: str = "") -> email.message.EmailMessage:
    """A message; `date` as `2026-11-02 09:30` in UTC unless it holds a zone (`+0100`)."""
    m = email.message.EmailMessage()
    m["From"] = sender
    m["To"] = to
    if cc:
        m["Cc"] = cc
    if date:
        fmt = "%Y-%m-%d %H:%M %z" if len(date.split()) == 3 else "%Y-%m-%d %H:%M"
        when = dt.datetime.strptime(date, fmt)
        m["Date"] = email.utils.format_datetime(when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc))
    m["Subject"] = subject
    m["Message-ID"] = msgid or email.utils.make_msgid(domain="example.org")
    for key, value in (extra or {}).items():
        m[key] = value
    m.set_content((body or f"Hi,\n\n{SECRET}\n\nFrom the desk of someone: unescaped in mboxo.\n") * 3)
    return m


def _with_attachment(m: email.message.EmailMessage) -> email.message.EmailMessage:
    m.add_attachment(b"%PDF-1.4 fake\n" * 50, maintype="application", subtype="pdf", filename="cv.pdf")
    return m


def gmail_mbox(path: Path, messages: list[email.message.EmailMessage]) -> Path:
    """As Google Takeout writes `All mail Including Spam and Trash.mbox`: a numeric From line,
    X-GM-THRID and X-Gmail-Labels on every message."""
    box = mailbox.mbox(str(path))
    for n, m in enumerate(messages):
        copy = _with_attachment(_copy(m)) if n % 2 else _copy(m)
        copy["X-GM-THRID"] = str(1780297409960417690 + n)
        sent = copy["From"].endswith("sam@me.example>") or copy["From"] == "sam@me.example"
        copy["X-Gmail-Labels"] = "Sent,Opened" if sent else "Inbox,Category Personal,Opened"
        wrapped = mailbox.mboxMessage(copy)
        wrapped.set_from(f"{1780297409960417690 + n}@xxx", time.gmtime(1763662930 + n))
        box.add(wrapped)
    box.close()
    return path


def thunderbird_mbox(path: Path, messages) -> Path:
    """As Thunderbird keeps a folder: `From - <date>` lines and X-Mozilla-Status headers."""
    box = mailbox.mbox(str(path))
    for m in messages:
        copy = _copy(m)
        for key, value in (("X-Mozilla-Status", "0001"), ("X-Mozilla-Status2", "00000000"),
                           ("X-Mozilla-Keys", "")):
            copy[key] = value
        wrapped = mailbox.mboxMessage(copy)
        wrapped.set_from("-", time.gmtime(1763662930))
        box.add(wrapped)
    box.close()
    return path


def maildir(path: Path, messages) -> Path:
    box = mailbox.Maildir(str(path), create=True)
    for m in messages:
        box.add(mailbox.MaildirMessage(_copy(m)))
    box.close()
    return path


def eml_folder(path: Path, messages) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for n, m in enumerate(messages):
        (path / f"{n:03d} {m['Subject'][:20]}.eml").write_bytes(m.as_bytes())
    return path


def _copy(m: email.message.EmailMessage) -> email.message.EmailMessage:
    return email.message_from_bytes(m.as_bytes(), _class=email.message.EmailMessage,
                                    policy=email.policy.default)


WRITERS = {"gmail": lambda p, ms: gmail_mbox(p / "All mail.mbox", ms),
           "thunderbird": lambda p, ms: thunderbird_mbox(p / "Sent", ms),
           "maildir": lambda p, ms: maildir(p / "Maildir", ms),
           "eml": lambda p, ms: eml_folder(p / "saved", ms)}
