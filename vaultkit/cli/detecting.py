"""`vaultkit init --detect`: say what was found, then write (or print) the mapping."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ..config import CONFIG_NAME, Me, default_config, load_config
from ..adopt import Detection, detect, mapping_toml
from ..edit.init import config_text
from ..errors import ConfigError, UsageProblem, VaultkitError
from ..render.text import plural
from ..edit.careful import create_note, replace_file

_LABELS = {"contact": "Contacts", "interview": "Interviews", "interaction": "Conversations (interaction notes)",
           "company": "Companies", "opportunity": "Opportunities"}
_KEY_WORDS = {"date": "a conversation's date", "contacts": "its people", "contact": "an interview's person"}


def _left_out(detection: Detection) -> str:
    if not detection.left_out:
        return "."
    whys: dict[str, list[str]] = {}
    for rel, why in detection.left_out:
        whys.setdefault(why, []).append(rel)
    parts = [f"{plural(len(rels), why)} left out, e.g. {rels[0]}" for why, rels in whys.items()]
    return f" ({'; '.join(parts)})."


def _describe(detection: Detection) -> list[str]:
    lines = [f"Read {plural(detection.read, 'note')}{_left_out(detection)}"]
    for found in detection.found:
        by = found.rule.describe() or f"their own type: {found.kind}"
        lines.append(f"{_LABELS[found.kind]}: {plural(len(found.paths), 'note')}, by {by} "
                     f"(confidence: {found.confidence})")
        for group in found.groups:
            lines.append(f"  evidence: {group.line()}")
            if group.check:
                lines.append(f"  check: {group.shown}: {group.check}")
        lines += [f"  e.g. {p}" for p in found.paths[:2]]
    if detection.keys:
        keys = ", ".join(f"{' or '.join(theirs)} -> {_KEY_WORDS.get(ours, ours)}"
                         for ours, theirs in detection.keys.items())
        lines.append(f"Your key names: {keys}")
    if detection.touch_kinds:
        kinds = "; ".join(f"{', '.join(v)} -> {k}" for k, v in detection.touch_kinds.items())
        lines.append(f"  kinds of conversation: {kinds}")
    if detection.statuses:
        words = "; ".join(f"{', '.join(f'{w} ({n})' for w, n in found)} -> {status}"
                          for status, found in detection.statuses.items())
        lines.append(f"Status words of your own: {words}")
    if not detection.of("contact"):
        lines.append("No notes that look like people: no folder or tag named like People or Contacts, or whose "
                     "notes mostly carry email, phone, role or linkedin, or that dated notes list as their people.")
    return lines


def detect_and_write(root: Path, me: Me, force: bool, dry_run: bool) -> None:
    if not root.is_dir():
        raise UsageProblem(f"{root} is not a folder: --detect reads a vault that already holds notes")
    target = root / CONFIG_NAME
    try:
        config = load_config(root)
    except ConfigError:
        config = default_config(root)  # the walk needs no setting; a broken file is replaced only with --force
    if target.exists() and not force and not dry_run:
        raise VaultkitError(f"{target} exists; run with --dry-run to see the mapping, or --force to replace "
                            "the file (a backup is kept)")
    detection = detect(config)
    for line in _describe(detection):
        click.echo(line, err=dry_run)
    if not detection.found and not detection.statuses:
        return
    keep = me if me.name or me.email else config.me
    keep = replace(keep, timezone=config.me.timezone or me.timezone)  # a zone you chose before stays
    kept = {kind: list(values) for kind, values in config.mapping.touch_kinds}  # yours stay, --force or not
    text = config_text(keep) + "\n" + mapping_toml(detection, kept)
    if dry_run:
        click.echo(text, nl=False)
        return
    if target.exists():  # --force: the old file is kept beside it; refused if the user may not write it
        backup = replace_file(root, CONFIG_NAME, text.encode("utf-8"))
    else:
        backup = None
        create_note(root, CONFIG_NAME, text.encode("utf-8"))
    old = f" (the old one is {backup})" if backup else ""
    click.echo(f"Wrote {CONFIG_NAME}{old}. Next: vaultkit check --vault {root}, then vaultkit report.")
