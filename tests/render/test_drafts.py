"""A draft for every message: what each says, whom it names, and its mailto link."""
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import LANDED, SAMPLE

TODAY = "2026-11-20"


def report(root: Path):
    result = CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return root / "vaultkit"


def referral_vault(vault, may_use_name: str):
    vault.contact("Ana Díaz", "field: UX research\nemail: ana@example.org\n")
    vault.contact("Lena Fischer", "email: lena@example.org\n")
    vault.interview("2026-11-05 Ana", f"contact: '[[Ana Díaz]]'\ndate: 2026-11-05\nthank_you_sent: 2026-11-05\n"
                    f"may_use_name: {may_use_name}\nreferrals: ['[[Lena Fischer]]']\n", "## Takeaways\n- x\n")
    return (report(vault.root) / "Drafts" / "Introduction - Lena Fischer.md").read_text(encoding="utf-8")


def test_an_introduction_names_the_referrer_and_the_field_and_asks_for_twenty_minutes(vault):
    text = referral_vault(vault, "true")
    assert "Subject: Ana suggested I get in touch\n\nHi Lena,\n" in text
    assert "Ana Díaz suggested I write to you" in text and "UX research" in text
    assert "20 to 30 minutes" in text and text.rstrip().endswith("Sam Test")


def test_may_use_name_false_keeps_the_referrer_out_of_the_introduction(vault):
    text = referral_vault(vault, "false")
    assert "Ana" not in text.split("---\n", 2)[2]
    assert "UX research" in text and "20 to 30 minutes" in text


def test_the_email_link_carries_the_draft_exactly(sample_copy):
    out = report(sample_copy)
    page = (out / "Follow-ups.md").read_text(encoding="utf-8")
    line = next(l for l in page.splitlines() if "a thank-you" in l and "Ben Okafor" in l)
    ref = re.search(r"\[email\]\[(mail-\d+)\]", line).group(1)
    url = re.search(rf"^\[{ref}\]: (\S+)$", page, re.MULTILINE).group(1)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "ben@civicdesign.example.org"
    query = parse_qs(parts.query, keep_blank_values=True)
    draft = (out / "Drafts" / "Thank you - 2026-11-12 Ben Okafor.md").read_text(encoding="utf-8")
    text = draft.split("---\n", 2)[2]
    subject, body = text.split("\n", 1)
    assert query["subject"] == [subject.removeprefix("Subject: ")]
    assert query["body"] == [body.strip("\n").replace("\n", "\r\n")]
    assert "Chloé Martin" in query["body"][0]  # every character survives the encoding


def draft_kinds(folder: Path) -> set[str]:
    return {re.search(r"^draft: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1)
            for path in folder.glob("*.md")}


def test_sample_vault_has_a_draft_of_every_kind_and_none_that_stop_once_landed(sample_copy):
    every = {"reach-referral", "nudge", "confirm", "thank-you", "close-loop", "check-in", "announce-landing",
             "ask-intro", "ask-referral", "follow-up-application", "update-helper"}
    stop_once_landed = {"reach-referral", "nudge", "ask-intro", "ask-referral", "follow-up-application",
                        "update-helper"}
    assert draft_kinds(SAMPLE / "vaultkit" / "Drafts") == every - {"announce-landing"}  # still searching
    shutil.rmtree(sample_copy / "vaultkit")
    with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)
    assert draft_kinds(report(sample_copy) / "Drafts") == every - stop_once_landed


def test_a_check_in_gives_something_back_from_their_field(sample_copy):
    text = (report(sample_copy) / "Drafts" / "Check-in - Nadia Haddad.md").read_text(encoding="utf-8")
    assert "Something I heard recently that made me think of you:" in text


def test_a_draft_s_email_link_percent_encodes_every_character_as_rfc_6068_asks():
    from urllib.parse import quote

    from vaultkit.output.write import Output
    from vaultkit.render.drafts import Draft

    every = "".join(map(chr, range(1, 128))) + " é € 😀 \u2028"
    draft = Draft(None, Output("Drafts/x.md", b""), "ana+jobs@example.org", f"Hi {every}", f"\n{every}\nBye\n")
    body = every.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\nBye"
    assert draft.mailto() == (f"mailto:{quote('ana+jobs@example.org', safe='@')}?subject={quote('Hi ' + every, safe='')}"
                              f"&body={quote(body, safe='')}")
    assert re.fullmatch(r"[A-Za-z0-9_.~%&=?:@+-]+", draft.mailto())
