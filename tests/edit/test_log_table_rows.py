"""`vaultkit log` and the mail import write a row when a note's Log is a table (issue 26)."""
import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.edit.log import add_touch

from ..support.mailboxes import gmail_mbox, message

HEADINGS = ("Log", "Timeline", "Contact Log", "Interactions")
ENTRY = "2026-11-22 #reply glad to help"


def run(root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)


@pytest.mark.parametrize("before, after", [
    # the kind in the kind column, the text in the Notes column, the rest empty; the table's own padding
    ("## Contact Log\n| Date | Type (call/email/LinkedIn) | Notes | Next Step |\n|---|---|---|---|\n"
     "| 2026-11-01 | email | hi | wait |\n\n## Notes\nx\n",
     "## Contact Log\n| Date | Type (call/email/LinkedIn) | Notes | Next Step |\n|---|---|---|---|\n"
     "| 2026-11-01 | email | hi | wait |\n| 2026-11-22 | reply | glad to help | |\n\n## Notes\nx\n"),
    # a table padded so its pipes line up stays lined up; a centred column is centred
    ("## Log\n| Date       | Direction | Notes        |\n| ---------- | :-------: | ------------ |\n"
     "| 2026-11-01 |   Sent    | hi           |\n",
     "## Log\n| Date       | Direction | Notes        |\n| ---------- | :-------: | ------------ |\n"
     "| 2026-11-01 |   Sent    | hi           |\n| 2026-11-22 |   reply   | glad to help |\n"),
    # no kind column: the tag stays in the text; no outer pipes, as the table has none
    ("## Log\nDate | What\n--- | ---\n2026-11-01 | hi\n", "## Log\nDate | What\n--- | ---\n2026-11-01 | hi\n"
     "2026-11-22 | #reply glad to help\n"),
    # CRLF, a BOM and no final newline are kept
    ("\ufeff## Log\r\n| Date | Kind | Notes |\r\n|--|--|--|\r\n| 2026-11-01 | outreach | hi |",
     "\ufeff## Log\r\n| Date | Kind | Notes |\r\n|--|--|--|\r\n| 2026-11-01 | outreach | hi |\r\n"
     "| 2026-11-22 | reply | glad to help |"),
    # a table with no rows yet: under its delimiter row
    ("## Log\n| Date | Notes |\n|---|---|\n\ntext\n", "## Log\n| Date | Notes |\n|---|---|\n"
     "| 2026-11-22 | #reply glad to help |\n\ntext\n"),
    # a Log kept as a list, with a table beside it, stays a list
    ("## Log\n- 2026-11-01 hi\n\n| Date | Notes |\n|---|---|\n| x | y |\n",
     "## Log\n- 2026-11-01 hi\n- 2026-11-22 #reply glad to help\n\n| Date | Notes |\n|---|---|\n| x | y |\n"),
])
def test_log_adds_a_row_in_the_table_s_own_form(before, after):
    added = add_touch("Contacts/Ana.md", before.encode("utf-8"), ENTRY, HEADINGS)
    assert added.content.decode("utf-8") == after


def test_a_pipe_in_the_text_is_escaped_and_the_kind_word_is_the_vault_s_own(vault):
    vault.config('[touch_kinds]\noutreach = ["Sent"]\nreply = ["Received"]\n')
    vault.contact("Ana", "type: contact\n", "## Contact Log\n| Date | Direction | Notes |\n|---|---|---|\n"
                  "| 2026-11-01 | sent | hi |\n")
    for text in ("#reply a | b", "#outreach again", "#checkin coffee"):
        assert run(vault.root, "log", "Ana", text, "--date", "2026-11-22").exit_code == 0
    written = (vault.root / "Contacts/Ana.md").read_text(encoding="utf-8")
    assert written.endswith("| 2026-11-01 | sent | hi |\n| 2026-11-22 | Received | a \\| b |\n"
                            "| 2026-11-22 | sent | again |\n| 2026-11-22 | checkin | coffee |\n")
    kinds = [(t.kind, t.text) for t in load_vault(vault.root).touches]
    assert kinds[1:] == [("reply", "Received; a | b"), ("outreach", "sent; again"), ("checkin", "checkin; coffee")]


def test_log_says_which_row_it_added(vault):
    vault.contact("Ana", "", "## Contact Log\n| Date | Notes |\n|---|---|\n| 2026-11-01 | hi |\n")
    result = run(vault.root, "log", "Ana", "#reply yes", "--date", "2026-11-22", "--dry-run")
    assert result.stdout.strip() == "Would add to Contacts/Ana.md:7: | 2026-11-22 | #reply yes |"


ME = "Sam Rivera <sam@me.example>"


def test_the_mail_import_adds_rows_in_date_order_once(vault, tmp_path):
    vault.config('[me]\nname = "Sam Rivera"\nemail = "sam@me.example"\ntimezone = "UTC"\n')
    table = ("| Date | Type | Notes | Next Step |\n|------|------|-------|-----------|\n"
             "| 2026-11-01 | outreach | first | |\n| 2026-11-20 | call | talked | send CV |\n")
    vault.contact("Ana", "type: contact\nemail: ana@x.example\n", f"## Contact Log\n{table}\n## Notes\nx\n")
    mails = [message("ana@x.example", ME, "2026-11-04 09:00", "Re: a | b", msgid="<m1@example.org>"),
             message(ME, "ana@x.example", "2026-11-25 09:00", "Thanks!", msgid="<m2@example.org>")]
    box = gmail_mbox(tmp_path / "m.mbox", mails)
    assert run(vault.root, "import", "mail", str(box), "--today", "2026-12-01").exit_code == 0
    rows = [ln for ln in (vault.root / "Contacts/Ana.md").read_text(encoding="utf-8").splitlines()
            if ln.startswith("| 2026")]
    assert [r.split(" ^vk-")[0] for r in rows] == [
        "| 2026-11-01 | outreach | first | |",
        "| 2026-11-04 | reply | email: Re: a \\| b",
        "| 2026-11-20 | call | talked | send CV |",
        "| 2026-11-25 | | email: Thanks!",
    ]
    assert rows[1].endswith(" | |") and rows[3].endswith(" | |")
    touches = load_vault(vault.root).touches
    assert [(t.date.isoformat(), t.kind) for t in touches] == [
        ("2026-11-01", "outreach"), ("2026-11-04", "reply"), ("2026-11-20", None), ("2026-11-25", None)]
    again = run(vault.root, "import", "mail", str(box), "--today", "2026-12-01")
    assert "added 0 touches, 2 already there" in again.stdout
