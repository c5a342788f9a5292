"""`vaultkit import linkedin-messages` and `vaultkit import calendar`, through the CLI."""
from __future__ import annotations

import pytest

from vaultkit import load_vault

from ..conftest import tree_hashes
from .test_import_mail import run

CONFIG = ('[me]\nname = "Sam Rivera"\nemail = "sam@me.example"\nlinkedin = "https://linkedin.com/in/sam-rivera/"\n'
          'timezone = "Europe/Paris"\n')
TODAY = "2026-12-01"
HEADER = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT"
SAM, ANA = ("Sam Rivera", "https://www.linkedin.com/in/sam-rivera"), ("Ana Díaz", "https://www.linkedin.com/in/ana-diaz")
BEN = ("Ben Okafor", "https://www.linkedin.com/in/ACoAAB123")  # no URL in his note: matched by name
ROWS = [  # conversation, sender, recipients, date, subject, content
    ("c-ana", ANA, [SAM], "2026-11-02 08:00:00 UTC", "Coffee?", "Hi Sam, PRIVATE words"),
    ("c-ana", SAM, [ANA], "2026-11-02 23:30:00 UTC", "", "Yes please"),  # 00:30 in Paris: the next day
    ("c-ben", SAM, [BEN], "2026-11-05 10:00:00 UTC", "Ana suggested", "Hello"),
    ("c-grp", SAM, [ANA, BEN], "2026-11-06 10:00:00 UTC", "All of us", "Group hello"),
]


def csv_text(rows, header=HEADER, order=None) -> str:
    names = header.split(",")
    lines = [header]
    for conversation, (sender, sender_url), recipients, date, subject, content in rows:
        cells = {"CONVERSATION ID": conversation, "CONVERSATION TITLE": "", "FROM": sender,
                 "SENDER PROFILE URL": sender_url, "TO": ",".join(n for n, _ in recipients),
                 "RECIPIENT PROFILE URLS": ",".join(u for _, u in recipients), "DATE": date, "SUBJECT": subject,
                 "CONTENT": content, "FOLDER": "INBOX", "ATTACHMENTS": "", "IS MESSAGE DRAFT": "No"}
        lines.append(",".join(f'"{cells[name]}"' for name in names))
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture
def people(vault):
    vault.config(CONFIG)
    vault.contact("Ana Díaz", "type: contact\nlinkedin: linkedin.com/in/Ana-Diaz/\n", "## Log\n")
    vault.contact("Ben Okafor", "type: contact\naliases: [Ben]\n", "## Log\n")
    return vault


def lines_of(vault, name: str) -> list[str]:
    text = (vault.root / f"Contacts/{name}.md").read_text()
    return [line.split(" ^vk-")[0] for line in text.splitlines() if line.startswith("- ")]


def test_linkedin_messages_become_touches_by_profile_then_name(people, tmp_path):
    export = tmp_path / "messages.csv"
    export.write_text(csv_text(ROWS), encoding="utf-8")
    result = run(people.root, "import", "linkedin-messages", str(export), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert lines_of(people, "Ana Díaz") == ["- 2026-11-02 #reply linkedin: Coffee?", "- 2026-11-03 linkedin"]
    assert lines_of(people, "Ben Okafor") == ["- 2026-11-05 #outreach linkedin: Ana suggested"]
    assert "skipped 1 group conversations" in result.stdout
    assert "PRIVATE" not in result.output and all("PRIVATE" not in p.read_text() for p in people.root.rglob("*.md"))
    before = tree_hashes(people.root)
    again = run(people.root, "import", "linkedin-messages", str(export), "--today", TODAY)
    assert "added 0 touches, 3 already there" in again.stdout and tree_hashes(people.root) == before


def test_a_newer_export_with_more_columns_in_another_order_reads_alike(people, tmp_path):
    export = tmp_path / "messages.csv"
    newer = "FOLDER,DATE,FROM,TO,SUBJECT,CONVERSATION ID,SENDER PROFILE URL,RECIPIENT PROFILE URLS,CONTENT," \
            "ATTACHMENTS,IS MESSAGE DRAFT,CONVERSATION TITLE"
    export.write_text("\ufeff" + csv_text(ROWS, header=newer), encoding="utf-8")
    result = run(people.root, "import", "linkedin-messages", str(export), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert lines_of(people, "Ana Díaz") == ["- 2026-11-02 #reply linkedin: Coffee?", "- 2026-11-03 linkedin"]


def test_the_seeker_is_known_by_name_when_no_profile_is_set(people, tmp_path):
    people.config(CONFIG.replace('linkedin = "https://linkedin.com/in/sam-rivera/"\n', ""))
    export = tmp_path / "messages.csv"
    export.write_text(csv_text(ROWS[:2]), encoding="utf-8")
    assert run(people.root, "import", "linkedin-messages", str(export), "--today", TODAY).exit_code == 0
    assert lines_of(people, "Ana Díaz") == ["- 2026-11-02 #reply linkedin: Coffee?", "- 2026-11-03 linkedin"]


@pytest.mark.parametrize("content, why", [
    ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,D,x,,,,\n",
     "is not LinkedIn's messages.csv: no header row with CONVERSATION ID, FROM"),
    ("", "is not LinkedIn's messages.csv"),
    ("%PDF-1.4 binary\x00\x01", "is not LinkedIn's messages.csv"),
])
def test_a_file_without_linkedins_header_is_an_error(people, tmp_path, content, why):
    export = tmp_path / "messages.csv"
    export.write_text(content, encoding="utf-8")
    before = tree_hashes(people.root)
    result = run(people.root, "import", "linkedin-messages", str(export))
    assert result.exit_code == 1 and why in result.output, result.output
    assert tree_hashes(people.root) == before


def test_a_bad_row_is_skipped_counted_and_named(people, tmp_path):
    export = tmp_path / "messages.csv"
    text = csv_text(ROWS[:1] + [("c-ana", ANA, [SAM], "yesterday", "x", "y")]) + "short,row\r\n"
    export.write_text(text, encoding="utf-8")
    result = run(people.root, "import", "linkedin-messages", str(export), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert f"{export}:3: warning: DATE 'yesterday' is not a date like 2026-11-20 18:22:10 UTC; skipped" in result.stderr
    assert f"{export}:4: warning: row has 2 fields, the header 9; skipped" in result.stderr
    assert "skipped 2 unreadable" in result.stdout and lines_of(people, "Ana Díaz") == [
        "- 2026-11-02 #reply linkedin: Coffee?"]


# ---- calendar -----------------------------------------------------------------

def event(uid: str, start: str, summary: str, attendees: list[str], extra: str = "", end: str = "") -> str:
    lines = [f"UID:{uid}", start, f"SUMMARY:{summary}", "ORGANIZER;CN=Sam Rivera:mailto:sam@me.example"]
    lines += [f"ATTENDEE;CN=x;PARTSTAT=ACCEPTED:mailto:{a}" for a in attendees]
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines + ([end] if end else []) + ([extra] if extra else [])) + \
        "\r\nEND:VEVENT\r\n"


def calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n" + \
        "".join(events) + "END:VCALENDAR\r\n"


@pytest.fixture
def meeting_vault(vault):
    vault.config(CONFIG)
    vault.contact("Ana Díaz", "type: contact\nemail: ana@x.example\n", "## Log\n")
    vault.contact("Ben Okafor", "type: contact\nemail: [ben@y.example, b.okafor@work.example]\n", "## Log\n")
    vault.interview("2026-12-03 Ben Okafor", 'type: interview\ncontact: "[[Ben Okafor]]"\ndate: 2026-12-03\n')
    return vault


def test_past_events_are_met_touches_and_future_ones_interview_notes(meeting_vault, tmp_path):
    ics = tmp_path / "calendar.ics"
    ics.write_text(calendar(
        event("past-1", "DTSTART:20261110T150000Z", "Coffee with Ana", ["ana@x.example"], end="DTEND:20261110T153000Z"),
        event("future-1", "DTSTART;TZID=America/New_York:20261204T100000", "Video call", ["ANA@x.example"],
              end="DURATION:PT45M", extra="LOCATION:https://meet.example.com/abc"),
        event("future-2", "DTSTART:20261203T090000Z", "Ben again", ["b.okafor@work.example"]),  # his note exists
        event("gone", "DTSTART:20261112T090000Z", "Called off", ["ana@x.example"], extra="STATUS:CANCELLED"),
        event("no", "DTSTART:20261113T090000Z", "Declined", ["nobody@else.example"],
              extra="ATTENDEE;PARTSTAT=DECLINED:mailto:ben@y.example"),
        event("broken", "DTSTART:2026-13-45", "Broken", ["ana@x.example"]),
    ), encoding="utf-8")
    result = run(meeting_vault.root, "import", "calendar", str(ics), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert lines_of(meeting_vault, "Ana Díaz") == ["- 2026-11-10 met: Coffee with Ana"]
    assert lines_of(meeting_vault, "Ben Okafor") == []
    note = meeting_vault.root / "Interviews/2026-12-04 Ana Díaz.md"
    assert f"Created Interviews/2026-12-04 Ana Díaz.md (scheduled 2026-12-04 10:00, from {ics}:" in result.stdout
    interview = load_vault(meeting_vault.root).interview("Interviews/2026-12-04 Ana Díaz.md")
    assert (interview.contact.path, str(interview.time), interview.duration, interview.timezone, interview.mode,
            interview.location, interview.status) == ("Contacts/Ana Díaz.md", "10:00:00", 45, "America/New_York",
                                                      "video", "https://meet.example.com/abc", "scheduled")
    assert note.read_text().startswith('---\ntype: interview\ncontact: "[[Ana Díaz]]"\ndate: 2026-12-04\n'
                                       'time: "10:00"\ntimezone: "America/New_York"\nduration: 45\nmode: "video"\n')
    assert "warning: event 'broken': DTSTART does not parse; skipped" in result.stderr
    assert "1 cancelled" in result.stdout and "1 unreadable" in result.stdout
    before = tree_hashes(meeting_vault.root)
    again = run(meeting_vault.root, "import", "calendar", str(ics), "--today", TODAY)
    assert "added 0 touches, 3 already there" in again.stdout and tree_hashes(meeting_vault.root) == before


def test_a_repeating_event_counts_within_the_last_year_and_the_horizon(meeting_vault, tmp_path):
    ics = tmp_path / "calendar.ics"
    ics.write_text(calendar(event("weekly", "DTSTART:20241104T090000Z", "Weekly chat", ["ana@x.example"],
                                  extra="RRULE:FREQ=WEEKLY;BYDAY=MO")), encoding="utf-8")
    result = run(meeting_vault.root, "import", "calendar", str(ics), "--today", TODAY, "--no-subjects")
    assert result.exit_code == 0, result.output
    met = lines_of(meeting_vault, "Ana Díaz")
    assert met[0] == "- 2025-12-01 met" and met[-1] == "- 2026-11-30 met" and len(met) == 53  # a year back
    created = sorted(p.name for p in (meeting_vault.root / "Interviews").glob("*Ana*"))
    assert created == ["2026-12-07 Ana Díaz.md", "2026-12-14 Ana Díaz.md"]  # horizon_days: 14


def test_calendar_dry_run_writes_nothing(meeting_vault, tmp_path):
    ics = tmp_path / "calendar.ics"
    ics.write_text(calendar(event("f", "DTSTART;VALUE=DATE:20261210", "All day", ["ana@x.example"]),
                            event("p", "DTSTART:20261110T150000Z", "Past", ["ana@x.example"])), encoding="utf-8")
    before = tree_hashes(meeting_vault.root)
    result = run(meeting_vault.root, "import", "calendar", str(ics), "--today", TODAY, "--dry-run")
    assert result.exit_code == 0 and tree_hashes(meeting_vault.root) == before
    assert "Contacts/Ana Díaz.md: would add 1\n  - 2026-11-10 met: Past ^vk-" in result.stdout
    assert "Would create Interviews/2026-12-10 Ana Díaz.md (scheduled 2026-12-10, from" in result.stdout


@pytest.mark.parametrize("content, why", [
    ("Subject,Start Date\nCoffee,2026-11-10\n", "is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR"),
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nthis is not a property line\r\n", "does not parse as iCalendar"),
])
def test_a_file_that_is_not_a_calendar_is_an_error(meeting_vault, tmp_path, content, why):
    ics = tmp_path / "calendar.ics"
    ics.write_text(content, encoding="utf-8")
    before = tree_hashes(meeting_vault.root)
    result = run(meeting_vault.root, "import", "calendar", str(ics))
    assert result.exit_code == 1 and why in result.output, result.output
    assert tree_hashes(meeting_vault.root) == before


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["linkedin-messages", "calendar"])
def test_a_fifo_or_device_is_refused_without_waiting(meeting_vault, tmp_path, command):
    import os

    fifo = tmp_path / "export"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/null"):
        result = run(meeting_vault.root, "import", command, str(path))
        assert result.exit_code == 1 and f"Error: cannot read {path}: not a regular file" in result.output


def test_an_all_day_event_and_a_teams_meeting_make_plain_interview_notes(meeting_vault, tmp_path):
    ics = tmp_path / "calendar.ics"
    ics.write_text(calendar(
        event("all-day", "DTSTART;VALUE=DATE:20261210", "Lunch", ["ana@x.example"], end="DTEND;VALUE=DATE:20261211"),
        event("teams", "DTSTART:20261211T170000Z", "Catch-up", ["ben@y.example"], end="DTEND:20261211T180000Z",
              extra="LOCATION:Microsoft Teams Meeting")), encoding="utf-8")
    assert run(meeting_vault.root, "import", "calendar", str(ics), "--today", TODAY).exit_code == 0
    model = load_vault(meeting_vault.root)
    lunch = model.interview("Interviews/2026-12-10 Ana Díaz.md")
    catch_up = model.interview("Interviews/2026-12-11 Ben Okafor.md")
    assert (lunch.time, lunch.duration, lunch.mode, lunch.timezone) == (None, 30, "", None)
    assert (str(catch_up.time), catch_up.duration, catch_up.mode, catch_up.timezone) == (
        "18:00:00", 60, "video", "Europe/Paris")  # a UTC time, put in [me] timezone
