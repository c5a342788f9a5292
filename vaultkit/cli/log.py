"""`vaultkit log`: add a dated touch to a contact's Log."""
from __future__ import annotations

import datetime as dt

import click

from ..errors import UsageProblem, VaultkitError
from .options import cache_option, complete_contact, date_value, open_vault, vault_option, warn


_KIND_NOUNS = {"outreach": "an outreach", "reply": "a reply", "thanks": "a thank-you", "checkin": "a check-in",
               "update": "an update"}


def _doubts(text: str, day: dt.date | None, today: dt.date) -> list[str]:
    """What is written all the same but may not be what was meant: the line still goes in."""
    from ..links import tags_in  # here: model.touches costs 60 ms, and a TAB that completes NAME needs neither
    from ..model.touches import KIND_TAGS, touch_kind

    found = []
    tags = tags_in(text)
    if tags and touch_kind(tags) is None:
        kinds = ", ".join(f"#{k}" for k in dict.fromkeys(KIND_TAGS.values()))
        found.append(f"#{tags[0]} is not a kind of touch ({kinds}), so this counts as a plain touch")
    first = text.split()[0].casefold().rstrip(":,;.") if text.split() else ""
    if first in KIND_TAGS and touch_kind(tags) is None:  # `reply hi`: the # forgotten
        kind = _KIND_NOUNS[KIND_TAGS[first]]
        found.append(f"{text.split()[0]!r} is a kind of touch, but without # it counts as a plain touch; to count it "
                     f'as {kind}, write "#{text}"')
    if day is not None and day > today:
        found.append(f"{day.isoformat()} is after today; the touch counts from that day")
    return found


@click.command()
@click.argument("name", shell_complete=complete_contact)
@click.argument("text")
@click.option("--date", "day", callback=date_value, metavar="YYYY-MM-DD", help="When it happened. Default: today.")
@click.option("--dry-run", is_flag=True, help="Change nothing; show the line that would be added.")
@vault_option
@cache_option
def log(name: str, text: str, day: dt.date | None, dry_run: bool, vault_path: str | None, no_cache: bool) -> None:
    """Add a touch to a contact's Log: `- DATE TEXT`.

    NAME is resolved like a link (file name, name or alias, ignoring case and
    accents; `[[Ana Díaz]]` works too), and may also be a unique first or
    last name. Put the kind of touch in TEXT as a tag: #outreach, #reply,
    #thanks, #checkin or #update. The line goes after the last item of the
    note's Log section, or in a new `## Log` section at the end; a Log kept
    as a table gets a row instead (date, kind and text in their columns, in
    the table's own form). Nothing else in the note changes. If an editor saves the note meanwhile, the line goes
    into what it saved. A note you made read-only, or one with other hard
    links, is left alone (exit 1).

    \b
    Examples:
      vaultkit new contact "Ana Díaz"
      vaultkit log "Ana Díaz" "#reply happy to meet next Tuesday"
      vaultkit log ana "#thanks sent a thank-you" --date 2026-11-21
    """
    from ..edit.careful import edit_note  # here: a TAB that completes NAME loads none of these
    from ..edit.log import add_touch
    from ..edit.new import resolve_one

    vault = open_vault(vault_path, no_cache)
    path = resolve_one(vault, name)
    entry = " ".join(text.split())
    if not entry:
        raise UsageProblem("the text of the touch is empty")
    today = dt.date.today()
    for message in _doubts(entry, day, today):
        warn(message)
    entry = f"{(day or today).isoformat()} {entry}"
    added = []

    def add(data: bytes) -> bytes:  # called again on the new bytes if an editor saves the note meanwhile
        try:
            added[:] = [add_touch(path, data, entry, vault.config.log_headings, vault.config.mapping)]
        except UnicodeDecodeError:
            raise VaultkitError(f"{path} is not UTF-8 text; not editing it") from None
        return added[0].content

    edit_note(vault.config.root, path, add, dry_run=dry_run)
    click.echo(f"{'Would add' if dry_run else 'Added'} to {path}:{added[0].line}: {added[0].text}")
