"""One value out of range, or one odd character, in one note: a problem at its line, never a crash.

Every vault here also holds Ana, met on 2026-10-20 and not yet thanked, so a report that
still works still owes her a thank-you.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.errors import Problem
from vaultkit.load import load_vault
from vaultkit.render.briefs import brief_names
from vaultkit.render.ics import render_ics
from vaultkit.rules import plan
from vaultkit.watch.debounce import Batch
from vaultkit.watch.session import Session

TODAY = "2026-11-20"
DIGITS = "9" * 5000  # past Python's limit for turning text into an int


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def ana(vault):
    vault.contact("Ana", "type: contact\n", "## Log\n- 2026-10-01 #reply said hello\n")
    vault.interview("2026-10-20 Ana", 'type: interview\ncontact: "[[Ana]]"\ndate: 2026-10-20\nstatus: done\n')
    return vault


def report_json(root, today=TODAY) -> dict:
    result = run("report", "--vault", str(root), "--today", today, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_ana_still_thanked(data: dict) -> None:
    assert any(a["kind"] == "thank-you" and a["contact"] == "Ana" for a in data["actions"])


def check_lines(root) -> list[str]:
    return run("check", "--vault", str(root)).stdout.splitlines()


CONTACT_LOG = "## Log\n- 2026-10-01 #reply hi\n"
NOTE_CASES = {
    "stay_in_touch of a billion days": (
        "Contacts/Far.md", "type: contact\nstay_in_touch: 999999999\n", CONTACT_LOG, 3, "warning"),
    "stay_in_touch of 99999999 months": (
        "Contacts/Far.md", "type: contact\nstay_in_touch: 99999999m\n", CONTACT_LOG, 3, "warning"),
    "stay_in_touch of 20 digits": (
        "Contacts/Far.md", "type: contact\nstay_in_touch: 12345678901234567890\n", CONTACT_LOG, 3, "warning"),
    "stay_in_touch of 5,000 digits": (
        "Contacts/Far.md", f"type: contact\nstay_in_touch: {DIGITS}d\n", CONTACT_LOG, 3, "warning"),
    "duration of 99999999999 minutes": (
        "Interviews/Far.md", "type: interview\ncontact: Ana\ndate: 2026-12-01\ntime: '10:00'\nduration: 99999999999\n",
        "", 6, "warning"),
    "duration of 5,000 digits": (
        "Interviews/Far.md", f"type: interview\ncontact: Ana\ndate: 2026-12-01\ntime: '10:00'\nduration: {DIGITS}\n",
        "", 6, "warning"),
    "duration of 5,000 digits and minutes": (
        "Interviews/Far.md", f"type: interview\ncontact: Ana\ndate: 2026-12-01\nduration: {DIGITS}m\n", "", 5, "warning"),
    "interview dated 9999-12-31": (
        "Interviews/Far.md", "type: interview\ncontact: Ana\ndate: 9999-12-31\n", "", 4, "error"),
    "interview dated 9999-12-31 at a time": (
        "Interviews/Far.md", "type: interview\ncontact: Ana\ndate: 9999-12-31 23:00:00\n", "", 4, "error"),
    "interview dated year 1": (
        "Interviews/Far.md", "type: interview\ncontact: Ana\ndate: 0001-01-01\n", "", 4, "error"),
    "snooze until 9999-12-31": (
        "Contacts/Far.md", "type: contact\nsnooze_until: 9999-12-31\n", CONTACT_LOG, 3, "error"),
    "Log dated 9999-12-31": (
        "Contacts/Far.md", "type: contact\n", "## Log\n- 9999-12-31 #outreach hi\n", 5, "warning"),
    "Log dated year 1": (
        "Contacts/Far.md", "type: contact\n", "## Log\n- 0001-01-01 #reply hi\n", 5, "warning"),
}


@pytest.mark.parametrize("case", NOTE_CASES)
def test_an_out_of_range_value_is_a_problem_at_its_line_and_the_rest_still_reports(ana, case):
    rel, front, body, line, severity = NOTE_CASES[case]
    ana.write(rel, f"---\n{front}---\n{body}")
    data = report_json(ana.root)
    assert_ana_still_thanked(data)
    assert {"path": rel, "line": line, "severity": severity} in [
        {k: p[k] for k in ("path", "line", "severity")} for p in data["problems"]]
    found = [ln for ln in check_lines(ana.root) if ln.startswith(f"{rel}:{line}: {severity}: ")]
    assert found and len(found[0]) < 300  # the 5,000 digits are not repeated in full


def test_a_daily_note_named_for_year_9999_is_a_warning_and_counts_no_touch(ana):
    ana.write("Daily/9999-12-31.md", "- met [[Ana]] #reply\n")
    data = report_json(ana.root)
    assert_ana_still_thanked(data)
    assert any(ln.startswith("Daily/9999-12-31.md:1: warning: ") for ln in check_lines(ana.root))


@pytest.mark.parametrize("value", [DIGITS, "0x" + "f" * 5000, "-" + DIGITS])
def test_a_5000_digit_number_in_any_key_reads_as_text(ana, value):
    ana.contact("Huge", f"type: contact\ncompany: {value}\nphone: {value}\nstatus: {value}\n"
                        f"aliases:\n  - {value}\n", CONTACT_LOG)
    data = report_json(ana.root)
    assert_ana_still_thanked(data)
    lines = check_lines(ana.root)
    assert any(ln.startswith("Contacts/Huge.md:5: warning: 1 contact has a status vaultkit does not know")
               and len(ln) < 400 for ln in lines)  # the digits are not repeated in full


def test_today_far_in_the_future_is_an_error_for_the_option(ana):
    result = CliRunner().invoke(cli, ["report", "--vault", str(ana.root), "--today", "9999-12-20"])
    assert result.exit_code == 2
    assert "Error: Invalid value for '--today'" in result.output and "9999-12-20" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("config, line, key", [
    ("[rules]\nhorizon_days = 99999999999\n", 2, "rules.horizon_days"),
    ("[rules]\nnudge_days = 1\nprepare_days_before = 100000000\n", 3, "rules.prepare_days_before"),
    ("[rules]\nthank_you_hours = 99999999999\n", 2, "rules.thank_you_hours"),
    ("[rules]\nalarm_minutes = 99999999999\n", 2, "rules.alarm_minutes"),
    ("[rules]\nmin_open_leads = 0x" + "f" * 5000 + "\n", 2, "rules.min_open_leads"),
    ('[rules]\nstay_in_touch = "99999999m"\n', 2, "rules.stay_in_touch"),
    ("[rules]\nstay_in_touch = 999999999\n", 2, "rules.stay_in_touch"),
    ("[landed]\ndate = 9999-12-31\n", 2, "landed.date"),
    ('[landed]\ndate = "0001-01-01"\n', 2, "landed.date"),
])
def test_an_out_of_range_setting_is_an_error_at_its_line(ana, config, line, key):
    ana.config(config)
    result = CliRunner().invoke(cli, ["report", "--vault", str(ana.root), "--today", TODAY])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Error: vaultkit.toml:{line}: {key}: ")
    assert len(result.output) < 400


def test_a_5000_digit_number_in_the_config_is_an_error_at_its_line(ana):
    ana.config(f"[rules]\nnudge_days = 3\nhorizon_days = {DIGITS}\n")
    result = CliRunner().invoke(cli, ["report", "--vault", str(ana.root), "--today", TODAY])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: vaultkit.toml:3: ")


def test_the_largest_settings_allowed_still_plan_around_the_last_day_allowed(ana):
    ana.config("[rules]\n" + "".join(f"{k} = 3650\n" for k in (
        "prepare_days_before", "confirm_days_before", "referral_days", "close_loop_days", "nudge_days",
        "announce_days", "horizon_days")) + 'thank_you_hours = 87600\nstay_in_touch = "10y"\n'
               "[landed]\ndate = 9000-12-31\n[me]\nname = \"Sam\"\n")
    ana.contact("Late", 'type: contact\nstay_in_touch: 120m\nsnooze_until: 9000-12-31\n',
                "## Log\n- 9000-12-31 #outreach hi\n- 1000-01-01 #reply hi\n")
    ana.interview("Late", "type: interview\ncontact: Late\ndate: 9000-12-31 23:59:00\nduration: 10080\n"
                          "status: done\nreferrals: [Someone]\n")
    ana.interview("Early", "type: interview\ncontact: Late\ndate: 1000-01-01\nstatus: scheduled\n")
    for today in ("9000-12-31", "1000-01-01", TODAY):
        data = report_json(ana.root, today)
        if today > "2026-10-20":  # before it, Ana's interview marked done has not happened yet
            assert_ana_still_thanked(data)
    # the interview marked done in the year 9000 has not happened yet: that is the only problem
    assert [line.split(": warning: ")[0] for line in check_lines(ana.root)] == ["Interviews/Late.md:4"]


def test_rules_and_calendar_never_overflow_whatever_the_values(ana):
    """Values past every check (a library caller's own Config) still give a plan, not OverflowError."""
    ana.contact("Late", "type: contact\n", "## Log\n- 9000-12-31 #outreach hi\n")
    ana.interview("Late", "type: interview\ncontact: Late\ndate: 9000-12-30 23:00:00\nstatus: done\nreferrals: [X]\n")
    ana.interview("Soon", "type: interview\ncontact: Ana\ndate: 9000-12-31 23:00:00\nduration: 10080\n")
    vault = load_vault(ana.root, use_cache=False)
    huge = 10**12
    rules = replace(vault.config.rules, horizon_days=huge, nudge_days=huge, thank_you_hours=huge,
                    referral_days=huge, close_loop_days=huge, prepare_days_before=huge,
                    stay_in_touch=replace(vault.config.rules.stay_in_touch, amount=huge))
    me = replace(vault.config.me, timezone="America/New_York")  # a VTIMEZONE up to the last year
    vault = replace(vault, config=replace(vault.config, rules=rules, me=me))
    for today in (dt.date(9000, 12, 20), dt.date.max, dt.date.min):
        result = plan(vault, today)
        render_ics(vault, result, brief_names(vault))
        result.groups()


# -- item 11: one problem, one line ----------------------------------------------------------

def test_a_newline_in_a_file_name_is_escaped_in_check_and_kept_in_json(ana):
    ana.write("Contacts/Bad\nname.md", "---\ntype: contact\nstatus: on hold\n---\n")
    lines = [ln for ln in check_lines(ana.root) if "on hold" in ln]
    assert len(lines) == 1 and lines[0].startswith("Contacts/Bad\\nname.md:3: warning: 1 contact has a status")
    data = report_json(ana.root)
    assert "Contacts/Bad\nname.md" in [p["path"] for p in data["problems"]]


def test_control_characters_in_a_problem_are_escaped():
    problem = Problem("a\tb\rc\x1b\u2028\x85.md", 2, "error", "bad\nvalue \u2029 here")
    assert str(problem) == "a\\tb\\rc\\x1b\\u2028\\x85.md:2: error: bad\\nvalue \\u2029 here"
    assert problem.as_dict()["path"] == "a\tb\rc\x1b\u2028\x85.md"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("quoted", [True, False])
def test_a_line_separator_in_a_yaml_value_keeps_lines_and_value(ana, separator, quoted):
    value = f'"North{separator}wind"' if quoted else f"North{separator}wind"
    front = (f"type: contact\ncompany: {value}\nrole: a{separator}b\nfield: x\nemail: e{separator}\n"
             f"phone: p\nstatus: on hold\n")
    ana.contact("Sep", front)
    assert [ln for ln in check_lines(ana.root) if ln.startswith("Contacts/Sep.md")] == [
        "Contacts/Sep.md:8: warning: 1 contact has a status vaultkit does not know: 'on hold' (1); it counts as "
        'active. Say what each word means in vaultkit.toml, e.g. [statuses] active = ["on hold"], paused = [...], '
        "or run vaultkit init --detect"]
    vault = load_vault(ana.root, use_cache=False)
    assert vault.contacts["Contacts/Sep.md"].company == f"North{separator}wind"
    assert vault.contacts["Contacts/Sep.md"].role == f"a{separator}b"


# -- watch --------------------------------------------------------------------------------

def test_a_watch_refresh_survives_an_out_of_range_value(ana):
    session = Session(ana.root, use_cache=False, warn=lambda message: None)
    session.start(dt.date(2026, 11, 20))
    ana.interview("Far", "type: interview\ncontact: Ana\ndate: 9999-12-31\n")
    ana.contact("Far", f"type: contact\nstay_in_touch: 999999999\nphone: {DIGITS}\n", CONTACT_LOG)
    refresh = session.refresh(Batch(paths={"Interviews/Far.md", "Contacts/Far.md"}, events=2),
                              dt.date(2026, 11, 20))
    assert refresh.report is not None
    assert {(p.path, p.line) for p in refresh.problems} >= {("Interviews/Far.md", 4), ("Contacts/Far.md", 3)}
    assert "thank-you" in (ana.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")


@pytest.fixture
def far_east(monkeypatch):
    """A local zone ahead of UTC, so a zoned time late on 9999-12-31 falls past the last day there is."""
    import time
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("written", ["9999-12-31 23:00:00+00:00", "'9999-12-31T23:00Z'", "0001-01-01 00:00:00+14:00"])
def test_a_zoned_time_at_the_end_of_the_calendar_is_out_of_range(ana, far_east, written):
    ana.interview("Far", f"type: interview\ncontact: Ana\ndate: {written}\n")
    ana.contact("Far", f"type: contact\nsnooze_until: {written}\n", CONTACT_LOG)
    assert_ana_still_thanked(report_json(ana.root))
    lines = check_lines(ana.root)
    assert any(ln.startswith("Interviews/Far.md:4: error: date: ") for ln in lines)
    assert any(ln.startswith("Contacts/Far.md:3: error: snooze_until: ") for ln in lines)
