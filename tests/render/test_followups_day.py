"""Follow-ups.md leads the day: what costs most if late first, each line a sentence with its day."""
import datetime as dt
import re

from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.render.sentences import due_words, short_day
from vaultkit.rules import plan

TODAY = "2026-11-20"  # a Friday
T = dt.date(2026, 11, 20)


def build(vault):
    """One of each kind of thing due now, written so that the less urgent ones are older."""
    vault.contact("Lena Fischer", "email: lena@example.org\n")  # suggested long ago: most overdue
    vault.contact("Ben Okafor", "email: ben@example.org\nreferred_by: '[[Ana Díaz]]'\n")
    vault.contact("Ana Díaz", "field: UX research\n",
                  "## Log\n- 2026-09-01 #reply sure\n")
    vault.contact("Chloé Martin", "")
    vault.contact("Kenji Mori", "")
    vault.contact("Dev Patel", "", "## Log\n- 2026-11-10 #outreach asked for twenty minutes\n")
    vault.interview("2026-10-05 Ana", "contact: '[[Ana Díaz]]'\ndate: 2026-10-05\nthank_you_sent: 2026-10-05\n"
                    "referrals: ['[[Lena Fischer]]']\n", "## Takeaways\n- a point\n")
    vault.interview("2026-11-12 Ben", "contact: '[[Ben Okafor]]'\ndate: 2026-11-12\n", "## Takeaways\n- x\n")
    vault.interview("2026-11-21 Chloé", "contact: '[[Chloé Martin]]'\ndate: 2026-11-21\ntime: '10:00'\n"
                    "status: scheduled\n", "## Questions\n- why?\n")
    vault.interview("2026-11-17 Kenji", "contact: '[[Kenji Mori]]'\ndate: 2026-11-17\nstatus: confirmed\n")


def followups(vault) -> str:
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return (vault.root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")


def do_now(page: str) -> list[str]:
    section = page.split("## Do now", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- [ ]")]


def test_thank_yous_and_confirmations_come_before_older_reminders(vault):
    build(vault)
    lines = do_now(followups(vault))
    kinds = [re.search(r"`([a-z-]+)`$", line).group(1) for line in lines]
    assert kinds[:2] == ["thank-you", "confirm"]
    assert kinds.index("record-outcome") < kinds.index("reach-referral")
    assert kinds.index("reach-referral") < kinds.index("broaden-field")
    assert kinds[-1] in ("broaden-field", "grow-pipeline") and "grow-pipeline" in kinds


def test_within_a_tier_the_most_overdue_comes_first(vault):
    build(vault)
    messages = [line for line in do_now(followups(vault)) if "`reach-referral`" in line or "`nudge`" in line
                or "`close-loop`" in line]
    assert "Lena Fischer" in messages[0] and "39 days late" in messages[0]
    assert messages == sorted(messages, key=lambda l: -int(re.search(r"(\d+) days? late", l).group(1)))


def test_each_line_starts_with_the_verb_and_shows_weekday_and_lateness(vault):
    build(vault)
    lines = do_now(followups(vault))
    assert lines[0].startswith("- [ ] Send [[Contacts/Ben Okafor|Ben Okafor]] a thank-you for your conversation "
                               "on Thu 12 Nov · **due Fri 13 Nov, 7 days late**")
    assert lines[1].startswith("- [ ] Confirm tomorrow's 10:00 interview with [[Contacts/Chloé Martin|Chloé Martin]]"
                               " · **due today**")
    outcome = next(line for line in lines if "`record-outcome`" in line)
    assert "set `status: done` or `no-show`, or a new `date`" in outcome
    assert all(not line.startswith("- [ ] **") for line in lines)  # no kind identifiers up front


def test_due_words_and_days_are_plain_and_deterministic():
    assert short_day(dt.date(2026, 11, 21), T) == "Sat 21 Nov"
    assert short_day(dt.date(2027, 1, 5), T) == "Tue 5 Jan 2027"
    assert due_words(T, T) == "due today"
    assert due_words(dt.date(2026, 11, 21), T) == "due tomorrow, Sat 21 Nov"
    assert due_words(dt.date(2026, 11, 19), T) == "due Thu 19 Nov, 1 day late"
    assert due_words(dt.date(2026, 11, 24), T) == "due Tue 24 Nov, in 4 days"


def test_once_landed_there_are_no_pipeline_or_field_actions_and_announcements_lead(vault):
    build(vault)
    vault.config('[landed]\ndate = 2026-11-16\ncompany = "Northwind"\nrole = "UX Researcher"\n')
    kinds = {a.kind for a in plan(load_vault(vault.root), T).actions}
    assert "broaden-field" not in kinds and "grow-pipeline" not in kinds and "announce-landing" in kinds
    page = followups(vault)
    body = page.split("# Follow-ups\n", 1)[1]
    assert "> [!TIP] You landed: UX Researcher at Northwind, on Monday 16 November 2026." in body
    assert body.index("## Tell people where you landed") < body.index("## Do now")
    assert "so the search keeps moving" not in page


def test_gone_quiet_asks_to_look_elsewhere_while_searching_and_nothing_once_landed(vault):
    vault.contact("Elena Volkov", "", "## Log\n- 2026-10-01 #outreach hello\n- 2026-10-15 #outreach again\n")
    searching = followups(vault).split("## Gone quiet (1)\n\n", 1)[1]
    assert searching.startswith("No answer to 2 messages in a row: leave them be for now and put your energy "
                                "into other people.\n")
    vault.config('[me]\nname = "Sam Test"\n[landed]\ndate = 2026-11-16\ncompany = "Northwind"\n')
    landed = followups(vault).split("## Gone quiet (1)\n\n", 1)[1]
    assert landed.startswith("No answer to 2 messages in a row: the search is over, so there is nothing to chase.\n")


def test_an_interview_marked_done_before_its_date_is_a_warning_not_a_meeting(vault):
    vault.contact("Ana", "")
    vault.interview("2026-11-21 Ana", "contact: '[[Ana]]'\nstatus: done\ndate: 2026-11-21\n")
    check = CliRunner().invoke(cli, ["check", "--vault", str(vault.root), "--today", TODAY])
    assert "Interviews/2026-11-21 Ana.md:4: warning: status is done, but the interview is dated 2026-11-21, " \
           "after today (2026-11-20)" in check.stdout
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", TODAY, "--format", "json"])
    assert '"kind": "thank-you"' not in result.stdout and "You met" not in result.stdout
    assert "status is done, but the interview is dated" in result.stdout


def test_log_warns_about_a_tag_that_is_no_touch_kind_and_a_future_date_and_still_writes(vault):
    vault.contact("Ana", "")
    result = CliRunner().invoke(cli, ["log", "Ana", "#thx sent a note", "--date", "2999-01-01",
                                      "--vault", str(vault.root)])
    assert result.exit_code == 0, result.output
    assert "Warning: #thx is not a kind of touch (#outreach, #reply, #thanks, #checkin, #update)" in result.stderr
    assert "Warning: 2999-01-01 is after today; the touch counts from that day" in result.stderr
    assert "- 2999-01-01 #thx sent a note" in (vault.root / "Contacts" / "Ana.md").read_text(encoding="utf-8")
    quiet = CliRunner().invoke(cli, ["log", "Ana", "#thanks sent a note", "--vault", str(vault.root)])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_drafts_due_without_a_name_to_sign_with_are_a_warning(vault):
    vault.config("[me]\nemail = 'sam@example.org'\n")
    vault.contact("Ana", "")
    vault.interview("2026-11-12 Ana", "contact: '[[Ana]]'\ndate: 2026-11-12\n")
    check = CliRunner().invoke(cli, ["check", "--vault", str(vault.root), "--today", TODAY])
    assert check.stdout == ('vaultkit.toml:1: warning: [me] has no name, so 1 draft would end unsigned; '
                            'add name = "Your Name" under [me]\n')
    vault.config("[me]\nname = 'Sam'\n")
    assert CliRunner().invoke(cli, ["check", "--vault", str(vault.root), "--today", TODAY]).stdout == ""


def test_init_signs_with_the_name_given(tmp_path):
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "v"), "--name", "Sam Rivera"])
    assert result.exit_code == 0, result.output
    assert '\nname = "Sam Rivera"' in (tmp_path / "v" / "vaultkit.toml").read_text(encoding="utf-8")
    unnamed = CliRunner().invoke(cli, ["init", str(tmp_path / "w")])
    assert "Your drafts are signed with [me] name in vaultkit.toml" in unnamed.stdout
