"""`vaultkit import mail`: touches from the seeker's own mailbox, through the CLI, on mailboxes
built with the `email` and `mailbox` modules (Gmail's Takeout, Thunderbird, Maildir, .eml)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import tree_hashes
from ..support.mailboxes import SECRET, WRITERS, gmail_mbox, message

ME = "Sam Rivera <sam@me.example>"
CONFIG = ('[me]\nname = "Sam Rivera"\nemail = "sam@me.example"\nemails = ["Sam.Rivera@Work.example"]\n'
          'timezone = "Europe/Paris"\n')
TODAY = "2026-12-01"
CONTACTS = {
    "Ana Díaz": "type: contact\nemail: [ana@x.example, ana.diaz@northwind.example]\n",
    "Ben Okafor": 'type: contact\nemail: "Ben Okafor <ben@y.example>"\nreferred_by: "[[Ana Díaz]]"\n',
    "Chloé Martin": "type: contact\nemail: chloe@z.example\n",
    "Dev Patel": "type: contact\nemail: dev@w.example\n",
    "Eve Stone": "type: contact\nemail: eve@v.example\n",
}
INTERVIEWS = {
    "2026-11-10 Ana Díaz": 'type: interview\ncontact: "[[Ana Díaz]]"\ndate: 2026-11-10\ntime: "10:00"\n'
                           "status: done\n",
    "2026-11-20 Ben Okafor": 'type: interview\ncontact: "[[Ben Okafor]]"\ndate: 2026-11-20\nstatus: done\n',
}
# (from, to, when in UTC, subject): the kind each should get, as a seeker would type it
MESSAGES = [
    (ME, "Ana <ana@x.example>", "2026-11-02 08:00", "Twenty minutes?", "#outreach"),
    ("Ana Díaz <ANA.DIAZ@northwind.example>", "sam.rivera@work.example", "2026-11-04 16:00", "Re: Twenty minutes?",
     "#reply"),
    (ME, "ana@x.example", "2026-11-10 17:00", "Thank you", "#thanks"),  # the interview was at 10:00 that day
    (ME, "ben@y.example", "2026-11-12 09:00", "Ana suggested I write", "#outreach"),
    ("ben@y.example", ME, "2026-11-13 09:00", "Re: Ana suggested I write", "#reply"),
    (ME, "ben@y.example", "2026-11-14 09:00", "See you on the 20th", ""),  # answered: a plain touch
    (ME, "chloe@z.example", "2026-11-05 09:00", "Hello from Sam", "#outreach"),
    (ME, "chloe@z.example", "2026-11-15 09:00", "Following up", "#outreach"),  # still unanswered: gone quiet
    (ME, "ana@x.example", "2026-11-22 09:00", "I met Ben!", "#update"),  # Ana referred Ben, met on the 20th
    (ME, "dev@w.example", "2026-11-25 09:00", "Coffee?", "#outreach"),
    ("Eve <eve@v.example>", ME, "2026-10-01 09:00", "Saw your post", "#reply"),
]


def run(vault_root, *args):
    return CliRunner().invoke(cli, [*args, "--vault", str(vault_root)])


def build(vault, typed: bool = False) -> None:
    """The scenario vault; `typed`: with the touches written by hand, as the import should write them."""
    vault.config(CONFIG)
    logs: dict[str, list[str]] = {name: [] for name in CONTACTS}
    if typed:
        for sender, to, when, subject, kind in sorted(MESSAGES, key=lambda m: m[2]):
            other = to if sender == ME else sender
            name = next(n for n, front in CONTACTS.items() if other.split("<")[-1].strip(">").lower() in front.lower()
                        or (n == "Ana Díaz" and "northwind" in other.lower()))
            logs[name].append(f"- {when[:10]} {kind} typed by hand".replace("  ", " "))
    for name, front in CONTACTS.items():
        vault.contact(name, front, "# " + name + "\n\n## Log\n" + "".join(line + "\n" for line in logs[name]))
    for rel, front in INTERVIEWS.items():
        vault.interview(rel, front)


def messages():
    return [message(sender, to, when, subject, msgid=f"<m{n}@example.org>")
            for n, (sender, to, when, subject, _) in enumerate(MESSAGES)]


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_each_mailbox_format_gives_the_kinds_a_seeker_would_type(vault, tmp_path, kind):
    build(vault)
    source = WRITERS[kind](tmp_path, messages())
    result = run(vault.root, "import", "mail", str(source), "--today", TODAY)
    assert result.exit_code == 0, result.output
    ana = (vault.root / "Contacts/Ana Díaz.md").read_text()
    lines = [line for line in ana.splitlines() if line.startswith("- ")]
    assert [line.split(" ^vk-")[0] for line in lines] == [
        "- 2026-11-02 #outreach email: Twenty minutes?",
        "- 2026-11-04 #reply email: Re: Twenty minutes?",
        "- 2026-11-10 #thanks email: Thank you",
        "- 2026-11-22 #update email: I met Ben!",
    ]
    assert all(len(line.split(" ^vk-")[1]) == 8 for line in lines)
    ben = (vault.root / "Contacts/Ben Okafor.md").read_text()
    assert "- 2026-11-14 email: See you on the 20th ^vk-" in ben
    assert ("Read 11 messages: added 11 touches (5 #outreach, 3 #reply, 1 plain, 1 #thanks, 1 #update), "
            "0 already there.") in result.stdout
    assert SECRET not in result.output
    assert all(SECRET not in p.read_text() for p in vault.root.rglob("*.md"))


def test_every_format_writes_the_same_bytes(tmp_path):
    from ..conftest import VaultBuilder

    notes = {}
    for kind in sorted(WRITERS):
        vault = VaultBuilder(tmp_path / kind / "vault")
        build(vault)
        source = WRITERS[kind](tmp_path / kind, messages())
        assert run(vault.root, "import", "mail", str(source), "--today", TODAY).exit_code == 0
        notes[kind] = {rel: digest for rel, digest in tree_hashes(vault.root).items() if rel.startswith("Contacts")}
    assert len({tuple(sorted(n.items())) for n in notes.values()}) == 1


def test_the_dashboard_from_an_imported_mailbox_is_the_one_from_typed_touches(tmp_path):
    from ..conftest import VaultBuilder

    typed, imported = VaultBuilder(tmp_path / "typed"), VaultBuilder(tmp_path / "imported")
    build(typed, typed=True)
    build(imported)
    source = gmail_mbox(tmp_path / "mail.mbox", messages())
    assert run(imported.root, "import", "mail", str(source), "--today", TODAY).exit_code == 0
    for root in (typed.root, imported.root):
        result = run(root, "report", "--today", TODAY)
        assert result.exit_code == 0, result.output
    followups = (typed.root / "vaultkit/Follow-ups.md").read_bytes()
    assert followups == (imported.root / "vaultkit/Follow-ups.md").read_bytes()
    text = followups.decode()
    assert "Chloé Martin" in text and "Dev Patel" in text  # gone quiet; a nudge due


def test_a_second_import_changes_nothing(vault, tmp_path):
    build(vault)
    source = gmail_mbox(tmp_path / "mail.mbox", messages())
    assert run(vault.root, "import", "mail", str(source), "--today", TODAY).exit_code == 0
    before = tree_hashes(vault.root)
    again = run(vault.root, "import", "mail", str(source), "--today", TODAY)
    assert again.exit_code == 0
    assert "added 0 touches, 11 already there" in again.stdout
    assert tree_hashes(vault.root) == before


def test_a_newer_export_adds_only_what_is_new(vault, tmp_path):
    build(vault)
    first = gmail_mbox(tmp_path / "old.mbox", messages()[:6])
    assert run(vault.root, "import", "mail", str(first), "--today", TODAY).exit_code == 0
    newer = gmail_mbox(tmp_path / "new.mbox", messages())
    result = run(vault.root, "import", "mail", str(newer), "--today", TODAY)
    assert "added 5 touches" in result.stdout and "6 already there" in result.stdout
    ana = (vault.root / "Contacts/Ana Díaz.md").read_text()
    assert "- 2026-11-22 #update email: I met Ben!" in ana  # decided seeing the touches already imported


def test_dry_run_changes_nothing_and_shows_each_line(vault, tmp_path):
    build(vault)
    source = gmail_mbox(tmp_path / "mail.mbox", messages())
    before = tree_hashes(vault.root)
    result = run(vault.root, "import", "mail", str(source), "--today", TODAY, "--dry-run")
    assert result.exit_code == 0, result.output
    assert tree_hashes(vault.root) == before
    out = result.stdout
    assert "Contacts/Ana Díaz.md: would add 4\n  - 2026-11-02 #outreach email: Twenty minutes? ^vk-" in out
    assert out.startswith("Contacts/Ana Díaz.md") and "Dry run, nothing written." in out
    real = run(vault.root, "import", "mail", str(source), "--today", TODAY)
    assert real.stdout.replace("added", "would add").splitlines()[:-1] == out.splitlines()[:-1]


def test_several_messages_a_day_are_one_line_with_the_first_id(vault, tmp_path):
    build(vault)
    day = [message("ana@x.example", ME, "2026-11-04 09:00", "first", msgid="<one@x>"),
           message("ana@x.example", ME, "2026-11-04 15:00", "second", msgid="<two@x>"),
           message("Ana <ana@x.example>", ME, "2026-11-04 23:30", "next day in Paris", msgid="<three@x>")]
    source = gmail_mbox(tmp_path / "mail.mbox", day)
    assert run(vault.root, "import", "mail", str(source), "--today", TODAY, "--no-subjects").exit_code == 0
    lines = [l for l in (vault.root / "Contacts/Ana Díaz.md").read_text().splitlines() if l.startswith("- ")]
    from vaultkit.conversations.plan import block_id

    assert lines == [f"- 2026-11-04 #reply email ^{block_id('mail:one@x')}",
                     f"- 2026-11-05 #reply email ^{block_id('mail:three@x')}"]


def test_automated_mail_and_blasts_are_not_touches(vault, tmp_path):
    build(vault)
    many = ", ".join(f"p{n}@else.example" for n in range(5))
    mails = [
        message("ana@x.example", ME, "2026-11-02 09:00", "list", extra={"List-Id": "<jobs.lists.example>"}),
        message("ana@x.example", ME, "2026-11-02 09:00", "news", extra={"List-Unsubscribe": "<mailto:u@x>"}),
        message("ana@x.example", ME, "2026-11-02 09:00", "bulk", extra={"Precedence": "bulk"}),
        message("ana@x.example", ME, "2026-11-02 09:00", "ooo", extra={"Auto-Submitted": "auto-replied"}),
        message("noreply@x.example", ME, "2026-11-02 09:00", "receipt"),
        message(ME, f"ana@x.example, {many}", "2026-11-03 09:00", "to six people"),
        message(ME, "ben@y.example, " + ", ".join(f"p{n}@else.example" for n in range(4)), "2026-11-03 09:00",
                "to five"),
        message("ana@x.example", ME, "2026-11-04 09:00", "not auto", extra={"Auto-Submitted": "no"}),
        message("lena@else.example", ME, "2026-11-05 09:00", "hi"),
        message("Lena F <lena@else.example>", ME, "2026-11-06 09:00", "hi again"),
        message("omar@else.example", ME, "2026-11-06 09:00", "hi"),
        message("ana@x.example", "someone@else.example", "2026-11-06 09:00", "not to me"),
    ]
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", mails)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    ana = (vault.root / "Contacts/Ana Díaz.md").read_text()
    assert [l.split(" ^")[0] for l in ana.splitlines() if l.startswith("- ")] == ["- 2026-11-04 #reply email: not auto"]
    assert "- 2026-11-03 #outreach email: to five" in (vault.root / "Contacts/Ben Okafor.md").read_text()
    assert "5 automated" in result.stdout and "1 sent to more than 5 people" in result.stdout
    assert "1 neither from nor to you" in result.stdout
    assert ("Most frequent correspondents who are not contacts yet: Lena F <lena@else.example> (2), "
            "omar@else.example (1), p0@else.example (1)") in result.stdout


def test_a_log_keeps_its_bytes_its_order_and_its_newest_first_way(vault, tmp_path):
    build(vault)
    crlf = ("\ufeff---\r\ntype: contact\r\nemail: ana@x.example\r\n---\r\n## Log\r\n- 2026-11-01 #outreach a\r\n"
            "- 2026-11-30 #reply b\r\n\r\n## Notes\r\nkeep  this   \r\nno final newline")
    vault.write("Contacts/Ana Díaz.md", crlf.encode("utf-8"))
    vault.contact("Chloé Martin", "type: contact\nemail: chloe@z.example\n",
                  "## Timeline\n* [[2026-11-20]] #reply newest first\n* 2026-11-01 #outreach oldest\n")
    mails = [message("ana@x.example", ME, "2026-11-15 09:00", "middle"),
             message(ME, "chloe@z.example", "2026-11-10 09:00", "between")]
    assert run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", mails)),
               "--today", TODAY).exit_code == 0
    ana = (vault.root / "Contacts/Ana Díaz.md").read_bytes().decode("utf-8")
    line = ana.split("\r\n")[6]
    assert line.startswith("- 2026-11-15 #reply email: middle ^vk-")
    assert ana.replace(line + "\r\n", "") == crlf
    chloe = (vault.root / "Contacts/Chloé Martin.md").read_text()
    assert "* [[2026-11-20]] #reply newest first\n* 2026-11-10 #outreach email: between ^vk-" in chloe


def test_subjects_cannot_become_tags_links_or_markup(vault, tmp_path):
    build(vault)
    mails = [message("ana@x.example", ME, "2026-11-15 09:00", "Re: #thanks [[Ben Okafor]] <b>hi</b> ^vk-00000000")]
    assert run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", mails)),
               "--today", TODAY).exit_code == 0
    from vaultkit import load_vault

    model = load_vault(vault.root)
    (touch,) = model.touches_of("Contacts/Ana Díaz.md")
    assert touch.kind == "reply" and model.touches_of("Contacts/Ben Okafor.md") == ()
    assert r"email: Re: \#thanks \[\[Ben Okafor\]\] \<b\>hi\</b\> \^vk-00000000 ^vk-" in touch.text


def test_with_no_path_it_reads_the_configured_ones(vault, tmp_path):
    build(vault)
    (vault.root / "exports").mkdir()
    gmail_mbox(vault.root / "exports" / "mail.mbox", messages())
    vault.config(CONFIG + '[import]\nmail = ["exports/mail.mbox"]\n')
    result = run(vault.root, "import", "mail", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "added 11 touches" in result.stdout


@pytest.mark.parametrize("config, message_part", [
    ('[me]\nname = "Sam"\n', "set email (and emails, for your other addresses) under [me]"),
    (CONFIG.replace('["Sam.Rivera@Work.example"]', '"one@x.example"'), "me.emails: expected a list of text"),
])
def test_without_the_seekers_addresses_it_says_what_to_set(vault, tmp_path, config, message_part):
    build(vault)
    vault.config(config)
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", messages())))
    assert result.exit_code == 2 and message_part in result.output


def test_no_path_and_nothing_configured_is_a_usage_error(vault):
    build(vault)
    result = run(vault.root, "import", "mail")
    assert result.exit_code == 2 and "no PATH given and no [import] mail" in result.output


def test_importing_an_old_export_then_a_newer_one_gives_what_the_newer_one_gives_at_once(tmp_path):
    """The second import decides the kinds as the first did (it sets its own earlier items aside),
    so a message added on a day already imported gets the kind it would have had."""
    from ..conftest import VaultBuilder

    newer = messages() + [message(ME, "ana@x.example", "2026-11-10 19:00", "One more thing", msgid="<late@x>")]
    stepwise, at_once = VaultBuilder(tmp_path / "stepwise"), VaultBuilder(tmp_path / "at-once")
    for vault in (stepwise, at_once):
        build(vault)
    old = gmail_mbox(tmp_path / "old.mbox", messages())
    new = gmail_mbox(tmp_path / "new.mbox", newer)
    assert run(stepwise.root, "import", "mail", str(old), "--today", TODAY).exit_code == 0
    assert "added 1 touch (1 plain), 11 already there" in run(stepwise.root, "import", "mail", str(new),
                                                               "--today", TODAY).stdout
    assert run(at_once.root, "import", "mail", str(new), "--today", TODAY).exit_code == 0
    assert tree_hashes(stepwise.root) == tree_hashes(at_once.root)
    ana = (at_once.root / "Contacts/Ana Díaz.md").read_text()
    assert "- 2026-11-10 #thanks email: Thank you ^vk-" in ana and "- 2026-11-10 email: One more thing ^vk-" in ana


def test_drafts_are_never_touches(vault, tmp_path):
    """Never sent: Gmail's Drafts label, Thunderbird's draft header, a Maildir message flagged D."""
    import mailbox

    build(vault)
    gmail = gmail_mbox(tmp_path / "g.mbox", [message(ME, "ana@x.example", "2026-11-02 08:00", "draft one")])
    gmail.write_bytes(gmail.read_bytes().replace(b"X-Gmail-Labels: Sent,Opened", b"X-Gmail-Labels: Drafts,Opened"))
    thunderbird = WRITERS["thunderbird"](tmp_path, [message(ME, "ana@x.example", "2026-11-03 08:00", "draft two",
                                                            extra={"X-Mozilla-Draft-Info": "internal/draft; vcard=0"})])
    box = mailbox.Maildir(str(tmp_path / "Drafts"), create=True)
    flagged = mailbox.MaildirMessage(message(ME, "ana@x.example", "2026-11-04 08:00", "draft three"))
    flagged.set_subdir("cur")
    flagged.set_flags("DS")
    box.add(flagged)
    result = run(vault.root, "import", "mail", str(gmail), str(thunderbird), str(tmp_path / "Drafts"), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "Read 3 messages: added 0 touches, 0 already there; skipped 3 drafts, never sent." in result.stdout
