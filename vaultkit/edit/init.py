"""`vaultkit init`: a vaultkit.toml with every setting, the folders, and the templates to edit.

Nothing that exists is ever overwritten, so running it twice changes nothing. Every file and folder
is made through the careful editor (careful.py): a disk error is `cannot write PATH: reason`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path

from ..config import CONFIG_NAME, Config, Folders, Imports, Me, Rules, load_config
from ..dates import zone_name
from ..templates.sources import TEMPLATES, builtin_source
from .careful import create_note, make_folder

CREATED, EXISTS = "created", "already there"

_EXPLAIN = {
    "ignore": 'Notes to skip: globs relative to the vault, e.g. ["Archive/**", "*.excalidraw.md"]',
    "log_headings": "Headings whose dated list items and table rows are touches (any heading level, any case)",
    "daily_format": 'How daily notes are named, in moment.js tokens as in Obsidian, e.g. "DD.MM.YYYY"',
    "me": "You: used to sign the drafts. signature may span lines, e.g. \"Thanks again,\\nSam\"",
    "emails": 'your other addresses, e.g. ["sam@work.example"]: `import mail` knows your messages by all of them',
    "linkedin": "your profile URL: `import linkedin-messages` knows your messages by it",
    "import": "What `vaultkit import mail` reads when given no path: mbox files, Maildirs, folders of .eml",
    "mail": 'e.g. ["~/Mail/Sent", "~/Mail/Inbox"]; a relative path is from the vault folder',
    "timezone": 'yours, e.g. "Europe/Paris": interview times are in it unless an interview gives its own',
    "folders": "Where notes go (subfolders count) and where vaultkit writes; all inside the vault",
    "rules": "When things are due, in days unless said otherwise",
    "prepare_days_before": "prepare questions this many days before an interview",
    "confirm_days_before": "confirm a scheduled interview this many days before",
    "thank_you_hours": "send a thank-you within this many hours",
    "referral_days": "reach someone you were referred to within this many days",
    "close_loop_days": "tell the referrer you met their contact within this many days",
    "nudge_days": "follow up an unanswered outreach after this many days",
    "max_unanswered": "stop after this many unanswered outreaches in a row (they have gone quiet)",
    "stay_in_touch": 'check in this often unless a contact says otherwise: "30d", "6w", "3m", or days',
    "announce_days": "tell the people you met where you landed within this many days",
    "min_interviews_per_field": "informational interviews to do in a field before judging it",
    "min_open_leads": "contacts to keep waiting for a first message",
    "horizon_days": "upcoming means due within this many days (also the calendar's reach)",
    "alarm_minutes": "calendar alarm this many minutes before an interview",
}


def system_zone(environ: Mapping[str, str] = os.environ, localtime: str = "/etc/localtime",
                timezone_file: str = "/etc/timezone") -> str:
    """This computer's IANA time zone, or "" if nothing says: $TZ (`Europe/Paris`, `:Europe/Paris`), then
    where /etc/localtime links to (`.../zoneinfo/Europe/Paris`), then /etc/timezone. A value that is not a
    zone's name (a POSIX rule like `CET-1CEST`, a copied /etc/localtime) says nothing."""
    found = [environ.get("TZ", "").removeprefix(":")]
    try:
        target = os.path.realpath(localtime) if os.path.islink(localtime) else ""
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        found.append(target.split("/zoneinfo/", 1)[1].removeprefix("posix/").removeprefix("right/"))
    try:
        with open(timezone_file, encoding="utf-8", errors="replace") as handle:
            found.append(handle.read(200).strip())
    except OSError:
        pass
    return next((name for name in map(zone_name, found) if name), "")


def _value(value) -> str:
    if isinstance(value, (str, list, tuple)):
        return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
    if hasattr(value, "amount"):  # a Cadence
        return json.dumps(str(value))
    return str(value)


def config_text(me: Me = Me()) -> str:
    """Every setting with its default and what it does, `me` filled in; [landed] ready to uncomment."""
    lines = ["# vaultkit settings. Every value below is the default: change what you like,",
             "# delete what you do not need. The note format: docs/notes.md in vaultkit.", ""]
    defaults = Config(root=Path("."))
    for key, default in (("ignore", defaults.ignore), ("log_headings", defaults.log_headings),
                         ("daily_format", defaults.daily_format.pattern)):
        lines += [f"# {_EXPLAIN[key]}", f"{key} = {_value(default)}", ""]
    for table, cls in (("me", Me), ("folders", Folders), ("rules", Rules), ("import", Imports)):
        lines += [f"# {_EXPLAIN[table]}", f"[{table}]"]
        for f in fields(cls):
            note = f"  # {_EXPLAIN[f.name]}" if f.name in _EXPLAIN else ""
            value = getattr(me if cls is Me else cls(), f.name)
            lines.append(f"{f.name} = {_value(value)}{note}")
        lines.append("")
    lines += ["# Once you accept an offer, uncomment these lines: vaultkit then drafts a note telling",
              "# each person you met where you landed.",
              "# [landed]", "# date = 2026-12-01", '# company = ""', '# role = ""',
              '# email = ""  # your new work address, for the announcement']
    return "\n".join(lines) + "\n"


def init_vault(root: Path, dry_run: bool = False, me: Me = Me()) -> list[tuple[str, str]]:
    """Create what is missing; returns (vault-relative path, CREATED or EXISTS) for each item."""
    results = []
    config_path = root / CONFIG_NAME
    if config_path.exists():
        results.append((CONFIG_NAME, EXISTS))
        folders = load_config(root).folders  # an invalid file stops here, with its line
    else:
        if not dry_run:
            create_note(root, CONFIG_NAME, config_text(me).encode("utf-8"))
        results.append((CONFIG_NAME, CREATED))
        folders = Folders()
    for name in ("contacts", "interviews", "daily", "output", "templates"):
        rel = getattr(folders, name)
        exists = (root / rel).is_dir()
        if not exists and not dry_run:
            make_folder(root, rel)  # a file in the way, a full or read-only disk: `cannot write FOLDER/`
        results.append((f"{rel}/", EXISTS if exists else CREATED))
    for name in TEMPLATES:
        rel = f"{folders.templates}/{name}"
        exists = (root / rel).exists()
        if not exists and not dry_run:
            create_note(root, rel, builtin_source(name).encode("utf-8"))
        results.append((rel, EXISTS if exists else CREATED))
    return results
