"""`vaultkit import mail|linkedin-messages|calendar`: touches from the seeker's own exports.

Read (headers only) -> sort out whose messages they are -> decide each kind in date order ->
one Log line per contact, day and kind -> `conversation_writes.apply`. Nothing is written
before every file has been read, so a file that is not what the command expects stops it
with nothing changed.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from ..conversations.calendar_plan import plan_meetings
from ..conversations.people import Directory
from ..conversations.plan import NewLine, Touchpoint, decide_kinds, ids_in, log_lines, sort_out
from ..conversations.records import Unreadable
from ..conversations.tally import Counts
from ..edit.log_in_order import add_touches_in_order
from ..edit.new import NewNote, new_interview
from ..errors import ERROR, UsageProblem, VaultkitError
from ..templates.engine import Templates
from .conversation_writes import Edit, apply, read_note
from .options import cache_option, open_vault, today_option, vault_option

SHOWN_UNREADABLE = 50  # more are counted, not listed


def common_options(command):
    command = click.option("--dry-run", is_flag=True,
                           help="Change nothing; print, per note, the lines it would add and the notes it "
                                "would create.")(command)
    command = click.option("--no-subjects", "no_subjects", is_flag=True,
                           help="Leave subjects (and event titles) out of the Log lines.")(command)
    return cache_option(vault_option(today_option(command)))


def my_zone(vault):
    """The seeker's zone: `[me] timezone`, else None (the computer's own)."""
    if not vault.config.me.timezone:
        return None
    return ZoneInfo(vault.config.me.timezone)


def note_edits(vault, lines: dict[str, list[NewLine]]) -> list[Edit]:
    """A change per note: its new lines, less any whose block id the note holds by the time it is written."""
    config = vault.config

    def change_for(path: str, new_lines: list[NewLine]):
        def change(data: bytes) -> bytes:
            present = ids_in(data.decode("utf-8"))
            wanted = [(line.day, line.text) for line in new_lines if line.id not in present]
            return add_touches_in_order(path, data, wanted, config.log_headings, config.daily_format, config.mapping)
        return change

    return [Edit(path, change_for(path, new_lines)) for path, new_lines in lines.items()]


def present_ids(vault, points: list[Touchpoint]) -> dict[str, set[str]]:
    """The block ids each contact's note holds now (a note that cannot be read holds none)."""
    found = {}
    for path in dict.fromkeys(p.path for p in points):
        data = read_note(vault.config.root, path)
        found[path] = ids_in(data.decode("utf-8", "replace")) if data is not None else set()
    return found


def warn_about_the_vault(vault, counts: Counts) -> None:
    """Contacts vaultkit could not read, and addresses two contacts share: their messages are skipped."""
    readable = set(vault.contacts) | {i.path for i in vault.interviews}
    broken = [p for p in vault.problems if p.severity == ERROR and p.path not in readable and p.path.endswith(".md")]
    if broken:
        click.echo(f"Warning: {len(broken)} note{'s' if len(broken) != 1 else ''} cannot be read, so a contact in "
                   "one is left out (fix it, then import again):", err=True)
        for problem in broken:
            click.echo(f"  {problem}", err=True)
    for party, (paths, messages) in sorted(counts.ambiguous.items()):
        click.echo(f"Warning: {party} is in {len(paths)} contacts' notes ({', '.join(paths)}); its "
                   f"{messages} message{'s' if messages != 1 else ''} skipped: keep it in one note", err=True)


def _plural(n: int, word: str, words: str = "") -> str:
    return f"{n:,} {word if n == 1 else words or word + 's'}"


def summary(counts: Counts, what: str, dry_run: bool) -> list[str]:
    kinds = ", ".join(f"{n} {'#' + k if k else 'plain'}" for k, n in sorted(counts.added.items(),
                                                                             key=lambda kv: (-kv[1], kv[0])))
    added = sum(counts.added.values())
    text = (f"{'Dry run, nothing written. ' if dry_run else ''}Read {_plural(counts.read, what)}: "
            f"{'would add' if dry_run else 'added'} {_plural(added, 'touch', 'touches')}"
            f"{f' ({kinds})' if kinds else ''}, {counts.already:,} already there")
    skipped = sorted(counts.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    if counts.unreadable:
        skipped.append(("unreadable", len(counts.unreadable)))
    if skipped:
        text += "; skipped " + ", ".join(f"{n:,} {why}" for why, n in skipped)
    lines = [text + "."]
    top = counts.top_strangers()
    if top:
        lines.append("Most frequent correspondents who are not contacts yet: "
                     + ", ".join(f"{who} ({n})" for who, n in top) + ".")
    return lines


def report(vault, lines: dict[str, list[NewLine]], notes: list[tuple[NewNote, str]], counts: Counts, what: str,
           dry_run: bool) -> None:
    """Say what was (or would be) done, write it unless `dry_run`, then the summary."""
    warn_about_the_vault(vault, counts)
    for item in counts.unreadable[:SHOWN_UNREADABLE]:
        click.echo(f"{item.position}: warning: {item.reason}; skipped", err=True)
    if len(counts.unreadable) > SHOWN_UNREADABLE:
        click.echo(f"... and {len(counts.unreadable) - SHOWN_UNREADABLE:,} more unreadable, skipped", err=True)
    errors: list[str] = []
    if not dry_run:
        written, errors = apply(vault.config.root, note_edits(vault, lines), [note for note, _ in notes])
        lines = {path: found for path, found in lines.items() if path in written}
        notes = [(note, why) for note, why in notes if note.rel in written]
    for path, found in lines.items():
        click.echo(f"{path}: {'would add' if dry_run else 'added'} {len(found)}")
        for line in found:
            click.echo(f"  - {line.text}")
    for note, why in notes:
        click.echo(f"{'Would create' if dry_run else 'Created'} {note.rel} ({why})")
    for line in summary(counts, what, dry_run):
        click.echo(line)
    if errors:
        raise VaultkitError("; ".join(errors))


def mail_paths(vault, given: tuple[str, ...]) -> list[str]:
    if given:
        return list(given)
    configured = vault.config.imports.mail
    if not configured:
        raise UsageProblem("no PATH given and no [import] mail in vaultkit.toml; give the mbox file, Maildir or "
                           'folder of .eml files, or set e.g. mail = ["~/Mail/Sent"] under [import]')
    root = vault.config.root
    return [str(root / os.path.expanduser(p)) if not os.path.isabs(os.path.expanduser(p)) else os.path.expanduser(p)
            for p in configured]


def need_my_addresses(vault) -> None:
    me = vault.config.me
    if not (me.email.strip() or any(e.strip() for e in me.emails)):
        raise UsageProblem("vaultkit knows your messages by your addresses: set email (and emails, for your "
                           'other addresses) under [me] in vaultkit.toml, e.g. email = "sam@example.org"')


def import_messages(vault, directory, messages, today: dt.date, subjects: bool,
                    counts: Counts) -> dict[str, list[NewLine]]:
    """Messages (and Unreadable records, counted) -> the Log lines to add, per contact note."""
    def readable():
        for item in messages:
            if isinstance(item, Unreadable):
                counts.read += 1
                counts.unreadable.append(item)
            else:
                yield item

    exchanges = sort_out(readable(), directory, counts)
    points = decide_kinds(vault, exchanges, my_zone(vault), today)
    return log_lines(points, present_ids(vault, points), counts, subjects)


@click.command("mail")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@common_options
def mail(paths, dry_run, no_subjects, today, vault_path, no_cache) -> None:
    """Touches from your mail: an mbox file, a Maildir or a folder of .eml files.

    Reads headers only (From, To, Cc, Date, Subject, Message-ID); a message
    body is never read, kept or written. A message between you ([me] email
    and emails) and a contact (any address in their `email`) is a touch on
    its day in [me] timezone: one Log line per contact, day and kind, with a
    block id so importing again adds only what is new. Mailing lists, bulk
    and no-reply mail, drafts and messages you sent to more than five people
    are skipped and counted. With no PATH, the paths in [import] mail.

    \b
    Examples:
      vaultkit init ~/notes --name "Sam Rivera" --email sam@example.org
      cd ~/notes
      vaultkit import mail ~/Downloads/Takeout/Mail/"All mail Including Spam and Trash.mbox" --dry-run
      vaultkit import mail ~/.thunderbird/abc.default/Mail/"Local Folders"/Sent
      vaultkit import mail ~/Maildir ~/Desktop/saved-emails/
    """
    from ..conversations.mail import mail_source, read_mail  # here: each reader costs 20 ms; a command loads its own

    vault = open_vault(vault_path, no_cache)
    need_my_addresses(vault)
    sources = [mail_source(path) for path in mail_paths(vault, paths)]  # every path checked before any is read
    directory = Directory(vault, vault.config.me)
    contact_addresses = frozenset(directory.by_address)

    def messages():
        for source in sources:  # a message that names no contact's address is only glanced at
            yield from read_mail(source, addresses=contact_addresses, seeker=directory.seeker)

    counts = Counts()
    lines = import_messages(vault, directory, messages(), today, not no_subjects, counts)
    report(vault, lines, [], counts, "message", dry_run)


@click.command("linkedin-messages")
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False))
@common_options
def linkedin_messages(file, dry_run, no_subjects, today, vault_path, no_cache) -> None:
    """Touches from LinkedIn: the messages.csv of your data export.

    A message between you ([me] linkedin, your profile URL; else [me] name)
    and a contact (by their `linkedin` URL, else by name as links match) is a
    touch on its day, as `import mail` makes them; the block id comes from
    the conversation and day. Group conversations are skipped; CONTENT is
    never read.

    \b
    Examples:
      vaultkit init ~/notes --name "Sam Rivera"
      cd ~/notes
      vaultkit import linkedin-messages ~/Downloads/Basic_LinkedInDataExport/messages.csv --dry-run
      vaultkit import linkedin-messages ~/Downloads/Basic_LinkedInDataExport/messages.csv --no-subjects
    """
    from ..conversations.linkedin_messages import read_linkedin_messages  # here: as mail's reader

    vault = open_vault(vault_path, no_cache)
    me = vault.config.me
    if not me.linkedin.strip() and not me.name.strip():
        raise UsageProblem("vaultkit knows your LinkedIn messages by your profile: set linkedin (your profile URL) "
                           'or name under [me] in vaultkit.toml, e.g. linkedin = "https://www.linkedin.com/in/sam"')
    messages = list(read_linkedin_messages(Path(os.path.expanduser(file)), file))  # the whole file read first
    counts = Counts()
    lines = import_messages(vault, Directory(vault, me), messages, today, not no_subjects, counts)
    report(vault, lines, [], counts, "message", dry_run)


@click.command("calendar")
@click.argument("file", metavar="FILE.ics", type=click.Path(dir_okay=False))
@common_options
def calendar(file, dry_run, no_subjects, today, vault_path, no_cache) -> None:
    """Meetings from your calendar: an .ics export.

    An event (not cancelled) with a contact as organiser or attendee is a
    meeting. A past one adds a plain touch `met: TITLE` to their Log; a
    future one with no interview note for them that day creates one
    (status scheduled, with its time, length, place or link and time zone)
    from your interview template, as `new interview` does. A repeating event
    counts within the last year and the next horizon_days.

    \b
    Examples:
      vaultkit import calendar ~/Downloads/calendar.ics --dry-run
      vaultkit import calendar ~/Downloads/calendar.ics
    """
    from ..conversations.calendar import read_calendar  # here: as mail's reader

    vault = open_vault(vault_path, no_cache)
    horizon = vault.config.rules.horizon_days
    window = (today - dt.timedelta(days=365), today + dt.timedelta(days=horizon))
    found = list(read_calendar(Path(os.path.expanduser(file)), file, window))  # the whole file read first
    counts = Counts()
    counts.unreadable = [item for item in found if isinstance(item, Unreadable)]
    counts.read = len(counts.unreadable)
    events = [item for item in found if not isinstance(item, Unreadable)]
    points, meetings = plan_meetings(vault, events, Directory(vault, vault.config.me), counts, today,
                                     my_zone(vault), vault.config.me.timezone)
    lines = log_lines(points, present_ids(vault, points), counts, not no_subjects)
    report(vault, lines, interview_notes(vault, meetings, today), counts, "event", dry_run)


def interview_notes(vault, meetings, today: dt.date) -> list[tuple[NewNote, str]]:
    """A new interview note, from the vault's template, for each future meeting that has none."""
    if not meetings:
        return []
    templates = Templates(vault.config, [])
    folder = vault.config.root / vault.config.folders.interviews
    taken = {p.name.casefold() for p in folder.glob("*.md")}
    notes = []
    for meeting in sorted(meetings, key=lambda m: (m.day, m.path)):
        note = new_interview(vault, templates, vault.contacts[meeting.path].name, day=meeting.day, at=meeting.time,
                             mode=meeting.mode, location=meeting.location, contact_path=meeting.path, today=today,
                             duration=meeting.minutes, timezone=meeting.zone, taken=taken)
        taken.add(note.name.casefold())
        at = f" {meeting.time.strftime('%H:%M')}" if meeting.time else ""
        notes.append((note, f"scheduled {meeting.day.isoformat()}{at}, from {meeting.position}"))
    for problem in dict.fromkeys(templates.problems):
        click.echo(str(problem), err=True)
    return notes
