"""Two vaults kept the way real ones are (issue 26): what a seeker should be told to do, by the
library and by the command line."""
import datetime as dt
import json

from click.testing import CliRunner

from vaultkit import load_vault, plan
from vaultkit.cli import cli

from ..support.forms_vaults import (FOLDER_ACTIONS, JANE, KAI, LENA, OMAR, RECRUITER_ACTIONS, RECRUITER_QUIET, TODAY,
                           folder_vault, recruiter_vault)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def per_contact(actions) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for action in actions:
        if action.contact:
            found.setdefault(action.contact, set()).add((action.kind, action.due.isoformat()))
    return found


def json_per_contact(report: dict) -> dict[str, set[tuple[str, str]]]:
    found: dict[str, set[tuple[str, str]]] = {}
    for action in report["actions"]:
        if action["contact"]:
            found.setdefault(action["contact"], set()).add((action["kind"], action["due"]))
    return found


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# ---- one folder per person, only Markdown links ------------------------------------------------

def test_a_folder_per_person_vault_names_each_person_and_follows_every_markdown_link(tmp_path):
    vault = load_vault(folder_vault(tmp_path / "v"))
    names = {path: c.name for path, c in vault.contacts.items()}
    assert names == {JANE: "Jane Doe", OMAR: "Omar Ali", LENA: "Lena Fischer", KAI: "Kai Berg"}  # not "index"
    assert [vault.contacts[p].company for p in (JANE, OMAR, LENA, KAI)] == ["Globex", "Initech", "Umbrella", "Hooli"]
    assert vault.contacts[JANE].referred_by[0].path == OMAR
    (interview,) = vault.interviews
    assert interview.contact.path == JANE and interview.contact.name == "Jane Doe"
    assert [r.path for r in interview.referrals] == [LENA]
    assert {(t.contact, t.date.isoformat(), t.kind) for t in vault.touches} == {
        (OMAR, "2026-11-01", "reply"), (KAI, "2026-11-20", "outreach")}
    assert not [p for p in vault.problems if p.severity == "error"]
    assert not [p for p in vault.problems if "Sam" in p.message or "example.org" in p.message]


def test_a_folder_per_person_vault_gets_the_actions_a_seeker_expects(tmp_path):
    root = folder_vault(tmp_path / "v")
    assert per_contact(plan(load_vault(root), day(TODAY)).actions) == FOLDER_ACTIONS
    result = run("report", "--vault", str(root), "--today", TODAY, "--format", "json")
    assert json_per_contact(json.loads(result.stdout)) == FOLDER_ACTIONS


def test_in_a_folder_vault_a_link_by_folder_name_or_wikilink_finds_the_folder_note(tmp_path):
    root = folder_vault(tmp_path / "v")
    (root / "journal/2026-11-02.md").write_text("- lunch with [[person@lena-fischer]] #reply\n"
                                                "- call [[Kai Berg]] #checkin\n", encoding="utf-8")
    touches = {(t.contact, t.kind) for t in load_vault(root).touches if t.date.isoformat() == "2026-11-02"}
    assert touches == {(LENA, "reply"), (KAI, "checkin")}


def test_log_by_name_in_a_folder_vault_writes_the_folder_note(tmp_path):
    root = folder_vault(tmp_path / "v")
    result = run("log", "Lena Fischer", "#outreach hello", "--date", "2026-12-01", "--vault", str(root))
    assert result.exit_code == 0, result.output
    assert (root / LENA).read_text(encoding="utf-8").endswith("## Log\n- 2026-12-01 #outreach hello\n")


# ---- touches only in Log tables -----------------------------------------------------------------

def test_a_recruiter_vault_reads_every_row_as_a_touch(tmp_path):
    vault = load_vault(recruiter_vault(tmp_path / "v"))
    rows = {(vault.contacts[t.contact].name, t.date.isoformat(), t.kind) for t in vault.touches}
    assert rows == {
        ("Ava Stone", "2026-11-20", "outreach"),  # the last_contact property mirrors this row: no second touch
        ("Ben Cole", "2026-11-01", "outreach"), ("Ben Cole", "2026-11-10", "outreach"),
        ("Cara Diaz", "2026-09-28", "outreach"), ("Cara Diaz", "2026-10-03", "reply"),
        ("Eli Park", "2026-11-01", "outreach"), ("Eli Park", "2026-11-02", "reply"),
        ("Eli Park", "2026-11-25", "outreach"),
        ("Dan Moss", "2026-10-01", None),  # last-contacted-at: a plain touch
        ("Fay Lin", "2026-11-28", "outreach"),
    }
    eli = [t.text for t in vault.touches if t.contact == "Contacts/Eli Park.md"]
    assert "following up | again" in eli[-1] and "email" in eli[-1]


def test_a_recruiter_vault_gets_nudges_check_ins_and_gone_quiet(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    planned = plan(load_vault(root), day(TODAY))
    assert per_contact(planned.actions) == RECRUITER_ACTIONS
    assert [q.name for q in planned.gone_quiet] == RECRUITER_QUIET
    report = json.loads(run("report", "--vault", str(root), "--today", TODAY, "--format", "json").stdout)
    assert json_per_contact(report) == RECRUITER_ACTIONS and report["gone_quiet"] == RECRUITER_QUIET


def test_one_unanswered_row_is_a_nudge_and_two_are_gone_quiet(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    ben = root / "Contacts/Ben Cole.md"
    ben.write_text(ben.read_text(encoding="utf-8").replace("| 2026-11-10 | outreach | second note | |\n", ""),
                   encoding="utf-8")
    planned = plan(load_vault(root), day(TODAY))
    assert per_contact(planned.actions)["Ben Cole"] == {("nudge", "2026-11-08")}
    assert planned.gone_quiet == ()


def test_a_nudge_is_due_a_week_after_the_row_not_before(tmp_path):
    vault = load_vault(recruiter_vault(tmp_path / "v"))
    for today, due in (("2026-11-26", "2026-11-27"), ("2026-11-27", "2026-11-27")):
        assert per_contact(plan(vault, day(today)).actions)["Ava Stone"] == {("nudge", due)}


def test_a_reply_row_turns_a_nudge_into_a_check_in(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    result = run("log", "Ava Stone", "#reply happy to chat", "--date", "2026-11-28", "--vault", str(root))
    assert result.exit_code == 0, result.output
    assert "| 2026-11-28 | Received | happy to chat | |" in (root / "Contacts/Ava Stone.md").read_text(encoding="utf-8")
    assert per_contact(plan(load_vault(root), day(TODAY)).actions)["Ava Stone"] == {("check-in", "2027-01-27")}


def test_the_vault_s_status_words_are_one_warning_not_an_error_per_note(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    result = run("check", "--vault", str(root))
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.output.splitlines() if "status" in ln]
    assert len(lines) == 1 and "warning" in lines[0], result.output
    for word in ("contacted", "in conversation", "warm", "replied"):
        assert repr(word) in lines[0]
    assert "[statuses]" in lines[0] and "init --detect" in lines[0]


def test_init_detect_maps_the_vault_s_status_words_into_the_config(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    (root / "vaultkit.toml").unlink()
    (root / "Contacts/Gil Roy.md").write_text("---\ntype: contact\nstatus: Not Interested\n---\n", encoding="utf-8")
    result = run("init", str(root), "--detect")
    assert result.exit_code == 0, result.output
    assert "Status words of your own: contacted (2), in conversation (1), replied (1), warm (1) -> active; " \
           "not interested (1) -> do-not-contact" in result.output
    written = (root / "vaultkit.toml").read_text(encoding="utf-8")
    assert '[statuses]\n# notes using each: contacted 2, in conversation 1, replied 1, warm 1\n' \
           'active = ["contacted", "in conversation", "replied", "warm"]\n' in written
    assert 'do-not-contact = ["not interested"]' in written
    checked = run("check", "--vault", str(root))
    assert checked.exit_code == 0 and "status" not in checked.output, checked.output
    assert load_vault(root).contacts["Contacts/Gil Roy.md"].status == "do-not-contact"


def test_a_status_word_mapped_later_changes_the_next_report(tmp_path):
    root = recruiter_vault(tmp_path / "v")
    args = ("report", "--vault", str(root), "--today", TODAY, "--format", "json")
    assert "Ava Stone" in json_per_contact(json.loads(run(*args).stdout))
    with open(root / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write('[statuses]\npaused = ["contacted"]\n')
    after = json_per_contact(json.loads(run(*args).stdout))
    assert "Ava Stone" not in after and "Ben Cole" not in after and "Cara Diaz" in after


def test_drafts_for_an_interview_kept_as_a_folder_note_are_named_by_its_folder(tmp_path):
    root = folder_vault(tmp_path / "v")
    (root / "interviews/2026-12-10 omar").mkdir(parents=True)
    (root / "interviews/2026-12-10 omar/index.md").write_text(
        '---\ntype: interview\ncontact: "[Omar](../../people/om/person@omar-ali/index.md)"\ndate: 2026-12-10\n'
        'time: "10:00"\n---\n', encoding="utf-8")
    assert run("report", "--vault", str(root), "--today", "2026-12-09").exit_code == 0
    drafts = sorted(p.name for p in (root / "vaultkit/Drafts").iterdir())
    assert "Thank you - 2026-11-20 jane.md" in drafts and "Confirm - 2026-12-10 omar.md" in drafts
    assert sorted(p.name for p in (root / "vaultkit/Briefs").iterdir()) == ["2026-12-10 omar.md"]
    assert "[[interviews/2026-11-20 jane/index|2026-11-20 jane]]" in (root / "vaultkit/Follow-ups.md").read_text()
