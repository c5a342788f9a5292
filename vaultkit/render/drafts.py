"""Drafts/: a ready-to-edit message for every open action that means writing to someone.

Each draft records a hash of what vaultkit wrote. A draft whose content no
longer matches (you edited it) is never overwritten; a draft no longer owed
is left where it is. A draft opens with `Subject: ...`; the rest is the body.
The dashboard's email link carries the draft as its file holds it: what is
rendered here, or for a draft you edited, what `as_written` reads from it.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..kinds.action import Action
from ..dates import add_days
from ..model import Vault
from ..rules import Plan
from ..templates.sources import yaml_text
from ..output.write import Output, unique_names
from .draft_context import context_for
from .text import note_link, wikilink

if TYPE_CHECKING:
    from ..templates.engine import Templates

DRAFTS = "Drafts"
_HASH_LINE = re.compile(r"^vaultkit_hash: \"sha256:([0-9a-f]{64})\"\n", re.MULTILINE)


@dataclass(frozen=True)
class Draft:
    action: Action
    output: Output  # named inside the output folder: `Drafts/Thank you - 2026-11-12 Ben Okafor.md`
    to: str  # the person's email, or ""
    subject: str
    body: str

    def mailto(self) -> str | None:
        """The draft as a `mailto:` link (RFC 6068): every character percent-encoded, lines as CRLF;
        no subject field when it has no subject."""
        if not self.to:
            return None
        body = self.body.strip("\n").replace("\r\n", "\n").replace("\n", "\r\n")
        subject = f"subject={_percent(self.subject)}&" if self.subject else ""
        return f"mailto:{quote(self.to, safe='@')}?{subject}body={_percent(body)}"


# each byte as `quote(text, safe="")` writes it: itself if unreserved (RFC 3986), else %XX
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_PERCENT = [chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256)]


def _percent(text: str) -> str:
    """`quote(text, safe="")` in a third less time: its UTF-8 bytes, one character each, through a table."""
    return text.encode("utf-8").decode("latin-1").translate(_PERCENT)


def seal(front: dict, body: str) -> bytes:
    """The draft's bytes, with a hash of everything else in it recorded in its front-matter."""
    head = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items())
    unsealed = f"{head}---\n{body}"
    digest = hashlib.sha256(unsealed.encode("utf-8")).hexdigest()
    return f'{head}vaultkit_hash: "sha256:{digest}"\n---\n{body}'.encode("utf-8")


def untouched(existing: bytes) -> bool:
    """Whether a draft on disk is still exactly what vaultkit wrote (so it may be replaced)."""
    try:
        text = existing.decode("utf-8")
    except UnicodeDecodeError:
        return False
    m = _HASH_LINE.search(text)
    if not m:
        return False
    unsealed = text[: m.start()] + text[m.end():]
    return hashlib.sha256(unsealed.encode("utf-8")).hexdigest() == m.group(1)


def split_subject(text: str) -> tuple[str, str]:
    """`Subject: Hello\\n\\nHi Ana, ...` -> ("Hello", "Hi Ana, ..."); no subject line gives ""."""
    first, _, rest = text.lstrip("\n").partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:"):].strip(), rest.lstrip("\n")
    return "", text.lstrip("\n")


def as_written(draft: Draft, existing: bytes) -> Draft | None:
    """`draft` as its file `existing` holds it, edited: the address in its `to:` line (the
    person's, if the line is gone or empty), the `Subject:` line that opens the body (none if it
    was taken out: all of it is the body). A BOM and CRLF read as in a note. None: not UTF-8."""
    try:
        text = existing.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None
    from ..index.frontmatter import read_front_matter, split_front_matter  # here: it loads the YAML parser

    _, _, body_start, _ = split_front_matter(text)
    to = read_front_matter("", text).data.get("to")
    to = to.strip() if isinstance(to, str) else ""
    subject, body = split_subject(text[max(body_start, 0):])
    return replace(draft, to=to or draft.to, subject=subject, body=body)


def render_drafts(vault: Vault, plan: Plan, templates: Callable[[], Templates]) -> list[Draft]:
    """A draft per open action that means writing to someone, due within `horizon_days`
    (a check-in three months out would be stale by the time it is sent).

    `templates()` gives the compiled templates; it is called only if some draft is rendered.
    """
    planned = []
    horizon = add_days(plan.today, plan.horizon_days)
    for action in plan.actions:
        drafted = action.definition.draft
        if drafted is None or action.due > horizon:
            continue
        title, context, contact, interview = context_for(action, drafted, vault, plan)
        front = {"generated": "vaultkit", "draft": action.kind,
                 "contact": yaml_text(wikilink(contact.path, contact.name) if contact else action.contact)}
        if interview is not None:
            front["interview"] = yaml_text(note_link(interview))
        front["to"] = yaml_text(contact.email if contact else "")
        planned.append((title, action, contact, context, front, drafted.template))
    planned.sort(key=lambda d: d[0])
    names = unique_names([d[0] for d in planned])
    drafts = []
    for name, (_, action, contact, context, front, template) in zip(names, planned):
        text = templates().render(template, context)
        subject, body = split_subject(text)
        output = Output(f"{DRAFTS}/{name}", seal(front, text), untouched)
        drafts.append(Draft(action, output, contact.email if contact else "", subject, body))
    return drafts
