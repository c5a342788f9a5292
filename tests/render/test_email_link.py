"""The dashboard's email link sends the draft as its file holds it now: edited or not,
rendered again, taken as the last report left it, or the whole report repeated."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from click.testing import CliRunner

from vaultkit.cli import cli

from ..reuse.test_parse_cache import age_vault
from ..reuse.test_render_reuse import rendered, set_line  # noqa: F401 (a fixture)

REPORT = ["report", "--today", "2026-11-20"]
THANK_YOU = "Thank you - 2026-11-12 Ben Okafor.md"


def run(root, *args):
    result = CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def email_link(root, words: str) -> tuple[str, dict] | None:
    """(address, query) of the email link on the dashboard line that holds `words`; None: the line has none."""
    page = (root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    line = next(line for line in page.splitlines() if words in line)
    ref = re.search(r"\[email\]\[(mail-\d+)\]", line)
    if ref is None:
        return None
    url = re.search(rf"^\[{ref.group(1)}\]: (\S+)$", page, re.MULTILINE).group(1)
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True)


def edit_thank_you(root) -> None:
    draft = root / "vaultkit" / "Drafts" / THANK_YOU
    text = draft.read_text(encoding="utf-8")
    text = text.replace("Subject: Thank you for your time, Ben", "Subject: Thanks, Ben!")
    text = text.replace("It gave me a much clearer picture", "You showed me a clearer picture")
    draft.write_text(text, encoding="utf-8")


def test_an_edited_draft_s_email_link_sends_the_words_you_wrote(sample_copy):
    run(sample_copy, *REPORT)
    edit_thank_you(sample_copy)
    result = run(sample_copy, *REPORT, "-v")
    assert f"kept (you edited it): vaultkit/Drafts/{THANK_YOU}" in result.stdout
    to, query = email_link(sample_copy, "a thank-you")
    assert to == "ben@civicdesign.example.org"
    assert query["subject"] == ["Thanks, Ben!"]
    assert "You showed me a clearer picture" in query["body"][0]
    assert "It gave me a much clearer picture" not in query["body"][0]


def test_the_edited_words_stay_in_the_link_when_the_draft_is_taken_as_the_last_report_left_it(
        sample_copy, rendered):  # noqa: F811
    age_vault(sample_copy)
    run(sample_copy, *REPORT)
    edit_thank_you(sample_copy)
    run(sample_copy, *REPORT)  # renders the edited draft again, finds it edited, keeps it
    rendered.clear()
    set_line(sample_copy / "Contacts" / "Dev Patel.md", "email:", "email: dev@riverbend.example")
    result = run(sample_copy, *REPORT, "-v")
    assert not any(call.startswith("thank-you.md") for call in rendered)  # taken as it was
    assert f"kept (you edited it): vaultkit/Drafts/{THANK_YOU}" in result.stdout
    assert email_link(sample_copy, "a thank-you")[1]["subject"] == ["Thanks, Ben!"]
    page = (sample_copy / "vaultkit" / "Follow-ups.md").read_bytes()
    run(sample_copy, *REPORT)  # nothing changed since: the report is repeated, the page stays
    assert (sample_copy / "vaultkit" / "Follow-ups.md").read_bytes() == page
    assert email_link(sample_copy, "a thank-you")[1]["subject"] == ["Thanks, Ben!"]


def test_a_draft_without_its_subject_line_links_with_the_body_alone(sample_copy):
    run(sample_copy, *REPORT)
    draft = sample_copy / "vaultkit" / "Drafts" / THANK_YOU
    draft.write_text(draft.read_text(encoding="utf-8").replace("Subject: Thank you for your time, Ben\n\n", ""),
                     encoding="utf-8")
    run(sample_copy, *REPORT)
    _, query = email_link(sample_copy, "a thank-you")
    assert "subject" not in query
    assert query["body"][0].startswith("Hi Ben,\r\n\r\nThank you for talking with me")


def test_the_link_writes_to_the_address_in_the_draft_s_to_line(sample_copy):
    run(sample_copy, *REPORT)
    draft = sample_copy / "vaultkit" / "Drafts" / THANK_YOU
    set_line(draft, "to:", 'to: "ben.okafor@home.example"')
    run(sample_copy, *REPORT)
    assert email_link(sample_copy, "a thank-you")[0] == "ben.okafor@home.example"
    set_line(draft, "to:", "")  # the line taken out: the address in Ben's note
    run(sample_copy, *REPORT)
    assert email_link(sample_copy, "a thank-you")[0] == "ben@civicdesign.example.org"


def test_a_draft_saved_with_crlf_and_a_bom_links_like_its_lf_twin(sample_copy):
    run(sample_copy, *REPORT)
    edit_thank_you(sample_copy)
    draft = sample_copy / "vaultkit" / "Drafts" / THANK_YOU
    run(sample_copy, *REPORT)
    lf = email_link(sample_copy, "a thank-you")
    draft.write_bytes(b"\xef\xbb\xbf" + draft.read_bytes().replace(b"\n", b"\r\n"))
    run(sample_copy, *REPORT)
    assert email_link(sample_copy, "a thank-you") == lf


def test_a_draft_that_is_no_longer_utf8_has_no_email_link_and_says_why(sample_copy):
    run(sample_copy, *REPORT)
    draft = sample_copy / "vaultkit" / "Drafts" / THANK_YOU
    draft.write_bytes(draft.read_bytes().replace("Chloé".encode(), "Chloé".encode("latin-1")))
    result = run(sample_copy, *REPORT)
    assert email_link(sample_copy, "a thank-you") is None
    assert f"vaultkit/Drafts/{THANK_YOU}:1: warning: not UTF-8" in result.output
