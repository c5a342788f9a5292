"""A time shows its zone wherever it differs from yours ([me] timezone): the dashboard, the
calendar's reminders, the brief, the confirmation, the JSON. init fills in your zone, and
check says when times have none."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

TODAY = "2026-11-20"
LA = '[me]\nname = "Sam Test"\ntimezone = "America/Los_Angeles"\n'


def run(root, *args, code: int = 0):
    result = CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def omar(vault, me: str, zone: str | None, time: str = "12:00", status: str = "scheduled"):
    """Omar's interview on Thursday 26 November, in `zone` (None: no timezone line), seen as of `TODAY`."""
    vault.config(me)
    vault.contact("Omar Shaikh", "email: omar@example.org\n")
    zone_line = f"timezone: {zone}\n" if zone else ""
    vault.interview("2026-11-26 Omar Shaikh", f"contact: '[[Omar Shaikh]]'\ndate: 2026-11-26\ntime: '{time}'\n"
                    f"{zone_line}status: {status}\nmode: video\n")
    return vault.root


def outputs(root, today: str = TODAY) -> dict[str, str]:
    result = run(root, "report", "--today", today)
    out = root / "vaultkit"
    files = {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file()}
    files["stdout"] = result.output
    files["json"] = run(root, "report", "--today", today, "--format", "json").stdout
    return files


def unfolded(ics: str) -> str:
    return ics.replace("\n ", "").replace("\\,", ",")  # read as text: each CRLF is a LF


def test_an_interview_in_new_york_for_a_seeker_in_los_angeles_shows_both_times_everywhere(vault):
    files = outputs(omar(vault, LA, "America/New_York"))
    page = files["Follow-ups.md"]
    assert ("Prepare questions for Thursday's interview with [[Contacts/Omar Shaikh|Omar Shaikh]] "
            "at 12:00 New York time (09:00 your time) · **due Tue 24 Nov, in 4 days**") in page
    calendar = unfolded(files["Follow-ups.ics"])
    assert "SUMMARY:Prepare questions for Thursday's interview with Omar Shaikh at 12:00 New York time " \
           "(09:00 your time)" in calendar
    assert "DTSTART;TZID=America/New_York:20261126T120000" in calendar  # the event itself was right
    brief = files["Briefs/2026-11-26 Omar Shaikh.md"]
    assert "- 26 November 2026, 12:00 to 12:30 New York time (30 minutes)\n- Your time: 09:00 to 09:30\n" in brief
    assert "Be ready ten minutes early, by 11:50 New York time (08:50 your time)" in brief
    reasons = [a["reason"] for a in json.loads(files["json"])["actions"]]
    assert "Your interview with Omar Shaikh on 2026-11-26 at 12:00 New York time (09:00 your time) " \
           "has no questions prepared yet." in reasons


def test_the_confirmation_names_the_zone_it_was_agreed_in_and_the_overdue_reminder_too(vault):
    root = omar(vault, LA, "America/New_York")
    files = outputs(root, "2026-11-25")
    draft = files["Drafts/Confirm - 2026-11-26 Omar Shaikh.md"]
    assert "Subject: Confirming Thursday at 12:00 New York time\n" in draft
    assert "on Thursday 26 November 2026 at 12:00 New York time, by video" in draft
    assert "your time" not in draft  # it goes to Omar: the zone it was agreed in is his
    overdue = unfolded(files["Follow-ups.ics"]).split("SUMMARY:1 overdue follow-up", 1)[1]
    assert "- Prepare questions for tomorrow's interview with Omar Shaikh at 12:00 New York time (09:00 your " \
           "time), due Tue 24 Nov, 1 day late." in overdue.split("END:VEVENT")[0].replace("\\n", "\n")


@pytest.mark.parametrize("zone", ["America/Los_Angeles", None])
def test_an_interview_in_your_own_zone_shows_no_zone(vault, zone):
    files = outputs(omar(vault, LA, zone))
    assert "Prepare questions for Thursday's 12:00 interview with [[Contacts/Omar Shaikh|Omar Shaikh]] ·" \
           in files["Follow-ups.md"]
    assert "- 26 November 2026, 12:00 to 12:30 (30 minutes)\n- Video call" in files["Briefs/2026-11-26 Omar Shaikh.md"]
    for text in files.values():
        assert " time (" not in text and "Los Angeles time" not in text and "your time" not in text


def test_another_zone_with_the_same_hour_as_yours_shows_none(vault):
    files = outputs(omar(vault, '[me]\nname = "Sam Test"\ntimezone = "America/Detroit"\n', "America/New_York"))
    assert "Thursday's 12:00 interview with" in files["Follow-ups.md"]
    assert "New York time" not in files["Follow-ups.md"]


def test_an_interview_on_another_day_in_your_zone_says_which(vault):
    files = outputs(omar(vault, LA, "Asia/Tokyo", time="08:00"))
    assert "interview with [[Contacts/Omar Shaikh|Omar Shaikh]] at 08:00 Tokyo time (Wed 15:00 your time)" \
        in files["Follow-ups.md"]


def test_with_no_zone_of_yours_a_zoned_time_still_says_its_zone(vault):
    files = outputs(omar(vault, '[me]\nname = "Sam Test"\n', "America/New_York"))
    assert "interview with [[Contacts/Omar Shaikh|Omar Shaikh]] at 12:00 New York time ·" in files["Follow-ups.md"]
    assert "your time" not in files["Follow-ups.md"]


def test_times_with_no_zone_at_all_float_and_check_says_what_to_add_once(vault):
    root = omar(vault, '[me]\nname = "Sam Test"\n', None)
    vault.interview("2026-11-30 Omar Shaikh", "contact: '[[Omar Shaikh]]'\ndate: 2026-11-30\ntime: '15:00'\n")
    files = outputs(root)
    assert "Thursday's 12:00 interview with" in files["Follow-ups.md"]
    assert "DTSTART:20261126T120000\n" in files["Follow-ups.ics"]  # floating, as before
    result = run(root, "check", "--today", TODAY)
    warnings = [line for line in result.stdout.splitlines() if "time zone" in line]
    assert warnings == [
        'vaultkit.toml:2: warning: 2 upcoming interviews have a time but no time zone, and [me] has none, so '
        'each is at that hour wherever your calendar is; add timezone = "Region/City" under [me] '
        '(yours, e.g. "America/Chicago"), and to an interview agreed in another zone']
    assert warnings[0].split(": ", 1)[1] in files["Follow-ups.md"].replace("\\", "")  # the report lists it too
    vault.config(LA)
    assert "time zone" not in run(root, "check", "--today", TODAY).stdout


def test_check_is_quiet_about_zones_when_each_timed_interview_has_its_own(vault):
    root = omar(vault, '[me]\nname = "Sam Test"\n', "America/New_York")
    vault.interview("2026-11-30 Omar Shaikh", "contact: '[[Omar Shaikh]]'\ndate: 2026-11-30\n")  # no time
    assert "time zone" not in run(root, "check", "--today", TODAY).stdout


# ---- init: your zone, from this computer ------------------------------------------------------

def test_init_writes_this_computer_s_zone_under_me(tmp_path, monkeypatch):
    import vaultkit.cli.init
    from vaultkit.edit.init import system_zone

    monkeypatch.setattr(vaultkit.cli.init, "system_zone", system_zone)  # the real one, not conftest's
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "v"), "--name", "Sam"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "v" / "vaultkit.toml").read_text(encoding="utf-8")
    me = text.split("[me]\n", 1)[1].split("\n\n", 1)[0]
    assert 'timezone = "Europe/Lisbon"' in me
    (tmp_path / "v" / "Contacts").mkdir(exist_ok=True)
    assert "time zone" not in run(tmp_path / "v", "check").stdout


def test_init_says_so_when_this_computer_names_no_zone(tmp_path, monkeypatch):
    import vaultkit.cli.init

    monkeypatch.setattr(vaultkit.cli.init, "system_zone", lambda: "")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "v"), "--name", "Sam"])
    assert result.exit_code == 0, result.output
    assert 'timezone = ""' in (tmp_path / "v" / "vaultkit.toml").read_text(encoding="utf-8")
    assert "[me] timezone" in result.output


def fake_zoneinfo(tmp_path: Path, name: str) -> Path:
    zone = tmp_path / "usr" / "share" / "zoneinfo" / name
    zone.parent.mkdir(parents=True)
    zone.write_bytes(b"TZif")
    return zone


def test_the_system_zone_comes_from_tz_then_etc_localtime_then_etc_timezone(tmp_path):
    from vaultkit.edit.init import system_zone

    localtime, timezone_file = tmp_path / "localtime", tmp_path / "timezone"
    fake = dict(localtime=str(localtime), timezone_file=str(timezone_file))
    assert system_zone({}, **fake) == ""  # nothing says
    timezone_file.write_text("Europe/Berlin\n")
    assert system_zone({}, **fake) == "Europe/Berlin"
    os.symlink(fake_zoneinfo(tmp_path, "Asia/Tokyo"), localtime)
    assert system_zone({}, **fake) == "Asia/Tokyo"
    assert system_zone({"TZ": ":America/Chicago"}, **fake) == "America/Chicago"
    assert system_zone({"TZ": "not/a zone"}, **fake) == "Asia/Tokyo"  # not a zone's name: the next place
    localtime.unlink()
    localtime.write_bytes(b"TZif")  # a copy, not a link: its name is not known
    timezone_file.write_text("Mars/Olympus\n")
    assert system_zone({}, **fake) == ""


def test_init_detect_writes_this_computer_s_zone_and_keeps_one_you_chose(tmp_path):
    from ..support.adopted_vaults import notion_like_vault

    root = notion_like_vault(tmp_path / "v")
    assert CliRunner().invoke(cli, ["init", str(root), "--detect"]).exit_code == 0
    config = root / "vaultkit.toml"
    assert 'timezone = "America/Los_Angeles"' in config.read_text(encoding="utf-8")  # conftest's computer
    config.write_text(config.read_text(encoding="utf-8").replace("America/Los_Angeles", "Asia/Kolkata"),
                      encoding="utf-8")
    assert CliRunner().invoke(cli, ["init", str(root), "--detect", "--force"]).exit_code == 0
    assert 'timezone = "Asia/Kolkata"' in config.read_text(encoding="utf-8")
