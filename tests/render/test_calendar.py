"""Follow-ups.ics: time zones, one event for everything overdue, the dashboard's sentences."""
import datetime as dt
import os
import subprocess
import sys

import icalendar
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import SAMPLE

TODAY = "2026-11-20"
UTC = dt.timezone.utc


def report(root, today=TODAY):
    return CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", today], catch_exceptions=False)


def calendar(root) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((root / "vaultkit" / "Follow-ups.ics").read_bytes())


def events(root) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in calendar(root).walk("VEVENT")}


def test_the_calendar_round_trips_through_icalendar(sample_copy):
    report(sample_copy)
    written = (sample_copy / "vaultkit" / "Follow-ups.ics").read_bytes()
    assert icalendar.Calendar.from_ical(written).to_ical() == written
    uids = [str(e["UID"]) for e in calendar(sample_copy).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 3 + 1 + 5 + 4  # interviews, overdue, today, upcoming


def test_an_interview_at_10_in_new_york_is_15_utc(vault):
    vault.contact("Ana", "type: contact\n")
    vault.interview("2026-11-24 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-24\ntime: "10:00"\n'
                                      "timezone: America/New_York\nduration: 45\n")
    report(vault.root)
    (event,) = [e for e in calendar(vault.root).walk("VEVENT") if str(e["SUMMARY"]).startswith("Informational")]
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").astimezone(UTC) == dt.datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert event.decoded("DTEND").astimezone(UTC) == dt.datetime(2026, 11, 24, 15, 45, tzinfo=UTC)
    (zone,) = calendar(vault.root).walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/New_York"
    assert {part["TZOFFSETTO"].to_ical() for part in zone.walk("STANDARD")} == {"-0500"}


def test_me_timezone_applies_to_interviews_that_give_none(sample_copy):
    report(sample_copy)
    found = events(sample_copy)
    chloe = found["Informational interview with Chloé Martin"]  # [me] timezone: America/Los_Angeles
    omar = found["Informational interview with Omar Shaikh"]  # timezone: America/New_York
    assert chloe.decoded("DTSTART").astimezone(UTC) == dt.datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
    assert omar.decoded("DTSTART").astimezone(UTC) == dt.datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    assert [str(z["TZID"]) for z in calendar(sample_copy).walk("VTIMEZONE")] == [
        "America/Los_Angeles", "America/New_York"]


def test_with_no_zone_anywhere_the_time_floats(vault):
    vault.contact("Ana", "type: contact\n")
    vault.interview("2026-11-24 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-24\ntime: "10:00"\n')
    report(vault.root)
    ics = (vault.root / "vaultkit" / "Follow-ups.ics").read_bytes()
    assert b"DTSTART:20261124T100000\r\n" in ics and b"VTIMEZONE" not in ics and b"TZID" not in ics


def test_an_unknown_zone_is_a_warning_and_the_event_floats(vault):
    vault.config('[me]\ntimezone = "europe/paris"\n')  # any case: it is spelt as the database spells it
    vault.contact("Ana", "type: contact\n")
    vault.interview("2026-11-24 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-24\ntime: "10:00"\ntimezone: Mars/Olympus\n')
    vault.interview("2026-11-25 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-25\ntime: "09:00"\n')
    checked = CliRunner().invoke(cli, ["check", "--vault", str(vault.root)])
    assert checked.exit_code == 0
    assert "Interviews/2026-11-24 Ana.md:5: warning: timezone: 'Mars/Olympus' is not a time zone name" in checked.output
    report(vault.root)
    ics = (vault.root / "vaultkit" / "Follow-ups.ics").read_bytes()
    assert b"DTSTART:20261124T100000\r\n" in ics  # floating, not Paris: the zone written was meant, not mine
    assert b"DTSTART;TZID=Europe/Paris:20261125T090000\r\n" in ics


def test_a_misspelt_me_timezone_stops_the_command(vault):
    vault.config('[me]\nname = "Sam"\ntimezone = "Europe/Pariss"\n')
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root)])
    assert result.exit_code != 0 and "vaultkit.toml:3: me.timezone: expected a time zone name" in result.output


def test_overdue_actions_are_one_event_on_today_in_the_dashboards_words(sample_copy):
    report(sample_copy)
    found = events(sample_copy)
    overdue = found["10 overdue follow-ups: see Follow-ups.md"]
    assert overdue.decoded("DTSTART") == dt.date(2026, 11, 20)
    lines = str(overdue["DESCRIPTION"]).split("\n")
    assert lines[0] == "Overdue, the most urgent first:" and lines[-1] == "Dashboard: vaultkit/Follow-ups.md"
    assert lines[1] == "- Send Ben Okafor a thank-you for your conversation on Thu 12 Nov, due Fri 13 Nov, 7 days late."
    assert len(lines) == 10 + 2
    assert not [e for e in found.values() if e.decoded("DTSTART") == dt.date(2026, 11, 20) and e is not overdue
                and "overdue" in str(e["DESCRIPTION"])]
    confirm = found["Confirm tomorrow's 10:00 interview with Chloé Martin"]
    assert str(confirm["DESCRIPTION"]).startswith("Confirm tomorrow's 10:00 interview with Chloé Martin, due today.")
    assert not [s for s in found if s.split(":")[0] in ("thank-you", "reach-referral", "confirm", "check-in")]
    assert not [s for s, e in found.items() if "`" in s + str(e["DESCRIPTION"]) or "[[" in s + str(e["DESCRIPTION"])]


def test_an_interview_event_names_its_brief(sample_copy):
    report(sample_copy)
    chloe = events(sample_copy)["Informational interview with Chloé Martin"]
    assert "\nBrief: vaultkit/Briefs/2026-11-21 Chloé Martin.md\n" in str(chloe["DESCRIPTION"])
    assert (sample_copy / "vaultkit" / "Briefs" / "2026-11-21 Chloé Martin.md").is_file()


def test_uids_stay_the_same_from_day_to_day(sample_copy):
    def uids(day):
        report(sample_copy, day)
        return {str(e["UID"]): str(e["SUMMARY"]) for e in calendar(sample_copy).walk("VEVENT")}

    first, second = uids("2026-11-20"), uids("2026-11-21")
    shared = set(first) & set(second)
    assert len(shared) >= 10
    overdue = [u for u in shared if "overdue" in first[u]]
    assert len(overdue) == 1 and second[overdue[0]] == "11 overdue follow-ups: see Follow-ups.md"


def test_the_calendar_bytes_do_not_depend_on_the_process(sample_copy):
    """Sets and dicts order by hash in some places; the VTIMEZONEs and events must not."""
    env = {**os.environ, "PYTHONHASHSEED": "12345", "VAULTKIT_CACHE_DIR": str(sample_copy.parent / "cache")}
    subprocess.run([sys.executable, "-m", "vaultkit", "report", "--vault", str(sample_copy), "--today", TODAY],
                   check=True, capture_output=True, env=env)
    assert (sample_copy / "vaultkit" / "Follow-ups.ics").read_bytes() == (SAMPLE / "vaultkit" / "Follow-ups.ics").read_bytes()
