"""`vaultkit import mail` on bad input: a file that is not mail is an error before anything is
written; one bad message is skipped, counted and named; it never stops the import."""
from __future__ import annotations

import os

import pytest

from ..conftest import tree_hashes
from ..support.mailboxes import gmail_mbox, message
from .test_import_mail import ME, TODAY, build, run

GOOD = [message("ana@x.example", ME, "2026-11-04 09:00", "fine", msgid="<good@x>")]


def lines_of(vault, name: str) -> list[str]:
    text = (vault.root / f"Contacts/{name}.md").read_text()
    return [line.split(" ^vk-")[0] for line in text.splitlines() if line.startswith("- ")]


def envelope(headers: str, body: str = "Hi\n") -> bytes:
    return f"From - Thu Nov 20 18:22:10 2026\n{headers}\n\n{body}\n".encode("utf-8")


@pytest.mark.parametrize("name, content, why", [
    ("cv.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "(it is a PDF)"),
    ("Connections.csv", b"First Name,Last Name,URL\nAna,Diaz,x\n", "(it starts with 'Firs', not a `From ` line"),
    ("empty.mbox", b"", "is empty: no messages to read"),
    ("export.zip", b"PK\x03\x04rest", "(it is a zip archive: unzip it first)"),
])
def test_a_file_that_is_not_an_mbox_stops_before_anything_is_written(vault, tmp_path, name, content, why):
    build(vault)
    bad = tmp_path / name
    bad.write_bytes(content)
    good = gmail_mbox(tmp_path / "good.mbox", GOOD)
    before = tree_hashes(vault.root)
    result = run(vault.root, "import", "mail", str(good), str(bad))
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: {bad} ") and why in result.output
    assert tree_hashes(vault.root) == before


def test_a_folder_of_other_files_is_not_mail(vault, tmp_path):
    build(vault)
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("From: not really\n")
    result = run(vault.root, "import", "mail", str(folder))
    assert result.exit_code == 1
    assert "is a folder, but not a Maildir (no cur/ and new/ in it) and it holds no .eml files" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_is_refused_without_waiting(vault, tmp_path):
    build(vault)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/null"):
        result = run(vault.root, "import", "mail", str(path))
        assert result.exit_code == 1, result.output
        assert "is not a file or a folder (a FIFO, socket or device)" in result.output


def test_bad_messages_are_skipped_counted_and_named(vault, tmp_path):
    build(vault)
    big = "X-Padding: " + "a" * 1100 * 1024
    raw = b"".join([
        envelope("From: ana@x.example\nTo: sam@me.example\nSubject: no date\nMessage-ID: <a@x>"),  # line 1
        envelope("From: ana@x.example\nTo: sam@me.example\nDate: Fri, 31 Dec 9999 10:00:00 +0000\nSubject: far"),
        envelope("From: ana@x.example\nTo: sam@me.example\nDate: someday\nSubject: what"),
        envelope(f"From: ana@x.example\nTo: sam@me.example\nDate: Wed, 04 Nov 2026 09:00:00 +0000\n{big}"),
        envelope("From: ana@x.example\nTo: sam@me.example\nDate: Thu, 05 Nov 2026 09:00:00 +0000\n"
                 "Subject: still read"),
        b"From - Thu Nov 20 18:22:10 2026\nFrom: ana@x.example\nTo: sam@me.example\nSubj",  # cut short
    ])
    mbox = tmp_path / "broken.mbox"
    mbox.write_bytes(raw)
    result = run(vault.root, "import", "mail", str(mbox), "--today", TODAY)
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert f"{mbox}:1: warning: no Date; skipped" in err
    assert f"{mbox}:9: warning: Date 9999-12-31 is out of range (vaultkit plans around the years 1000 to 9000)" in err
    assert f"{mbox}:17: warning: Date 'someday' is not a date; skipped" in err
    assert f"{mbox}:25: warning: its headers are over 1 MB; skipped" in err
    assert f"{mbox}:41: warning: the file ends inside its headers (cut short?); skipped" in err
    assert lines_of(vault, "Ana Díaz") == ["- 2026-11-05 #reply email: still read"]
    assert "Read 6 messages: added 1 touch (1 #reply), 0 already there; skipped 5 unreadable." in result.stdout


def test_broken_encodings_are_read_as_well_as_they_can_be(vault, tmp_path):
    build(vault)
    raw = b"".join([
        envelope("From: =?x-unknown?q?Ana?= <ana@x.example>\nTo: sam@me.example\n"
                 "Date: Wed, 04 Nov 2026 09:00:00 +0000\nSubject: =?utf-8?b?!!!not base64?="),
        b"From - Thu Nov 20 18:22:10 2026\nFrom: \xc9lodie \xff <ana@x.example>\nTo: sam@me.example\n"
        b"Date: Thu, 05 Nov 2026 09:00:00 +0000\nSubject: caf\xe9 \xe2\x98\x95 =?iso-8859-1?q?caf=E9?=\n\nbody\n\n",
        b"From - Thu Nov 20 18:22:10 2026\nFrom: ana@x.example\nTo: sam@me.example\n"
        b"Date: Fri, 06 Nov 2026 09:00:00 +0000\nSubject: =?utf-8?q?caf=C3=A9?= \xc3\xa9t\xc3\xa9\n\nbody\n\n",
    ])
    mbox = tmp_path / "encodings.mbox"
    mbox.write_bytes(raw)
    result = run(vault.root, "import", "mail", str(mbox), "--today", TODAY)
    assert result.exit_code == 0, result.output
    lines = lines_of(vault, "Ana Díaz")
    assert lines == ["- 2026-11-04 #reply email: =?utf-8?b?!!!not base64?=",  # kept as written
                     "- 2026-11-05 #reply email: caf\ufffd \u2615 café", "- 2026-11-06 #reply email: café été"]


def test_an_unescaped_from_line_in_a_body_stays_in_its_body(vault, tmp_path):
    """mboxo leaves body lines that start with `From ` as they are."""
    build(vault)
    body = ("Hi,\n\nFrom what I heard, the team is hiring.\n\n"
            "From ana@x.example Thu Nov 20 18:22:10 2026\nwith regards\n\nFrom: a quoted header\n")
    raw = (envelope("From: ana@x.example\nTo: sam@me.example\nDate: Wed, 04 Nov 2026 09:00:00 +0000\n"
                    "Subject: one", body)
           + envelope("From: ana@x.example\nTo: sam@me.example\nDate: Thu, 05 Nov 2026 09:00:00 +0000\n"
                      "Subject: two"))
    mbox = tmp_path / "mboxo"
    mbox.write_bytes(raw)
    result = run(vault.root, "import", "mail", str(mbox), "--today", TODAY)
    assert result.exit_code == 0 and "Read 2 messages: added 2 touches" in result.stdout, result.output
    assert lines_of(vault, "Ana Díaz") == ["- 2026-11-04 #reply email: one", "- 2026-11-05 #reply email: two"]


def test_five_thousand_recipients_are_a_blast(vault, tmp_path):
    build(vault)
    crowd = ", ".join(f"Person {n} <p{n}@crowd.example>" for n in range(5000))
    mails = [message(ME, f"ana@x.example, {crowd}", "2026-11-04 09:00", "newsletter"),
             message("ana@x.example", f"{ME}, {crowd}", "2026-11-05 09:00", "reply all")]
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", mails)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "1 sent to more than 5 people" in result.stdout
    assert lines_of(vault, "Ana Díaz") == ["- 2026-11-05 #reply email: reply all"]


def test_a_contact_note_that_cannot_be_read_is_named_and_the_rest_go_in(vault, tmp_path):
    build(vault)
    vault.write("Contacts/Omar Ali.md", "---\ntype: contact\nemail: omar@else.example\nname: [unclosed\n---\n")
    mails = GOOD + [message("omar@else.example", ME, "2026-11-05 09:00", "hi", msgid="<o@x>")]
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", mails)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "Warning: 1 note cannot be read, so a contact in one is left out" in result.stderr
    assert "Contacts/Omar Ali.md:4: error: front-matter is not valid YAML" in result.stderr
    assert lines_of(vault, "Ana Díaz") == ["- 2026-11-04 #reply email: fine"]
    assert (vault.root / "Contacts/Omar Ali.md").read_text().count("\n") == 5


def test_two_contacts_sharing_an_address_are_skipped_and_named(vault, tmp_path):
    build(vault)
    vault.contact("Ana Twin", "type: contact\nemail: ANA@x.example\n", "## Log\n")
    before = {name: (vault.root / f"Contacts/{name}.md").read_bytes() for name in ("Ana Díaz", "Ana Twin")}
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", GOOD)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert ("Warning: ana@x.example is in 2 contacts' notes (Contacts/Ana Díaz.md, Contacts/Ana Twin.md); "
            "its 1 message skipped: keep it in one note") in result.stderr
    assert "skipped 1 ambiguous" in result.stdout
    assert {name: (vault.root / f"Contacts/{name}.md").read_bytes() for name in before} == before


def test_crlf_mbox_reads_like_lf(vault, tmp_path):
    build(vault)
    raw = envelope("From: ana@x.example\nTo: sam@me.example\nDate: Wed, 04 Nov 2026 09:00:00 +0000\n"
                   "Subject: crlf").replace(b"\n", b"\r\n") * 2
    mbox = tmp_path / "crlf.mbox"
    mbox.write_bytes(raw)
    result = run(vault.root, "import", "mail", str(mbox), "--today", TODAY)
    assert result.exit_code == 0 and "Read 2 messages" in result.stdout, result.output
    assert lines_of(vault, "Ana Díaz") == ["- 2026-11-04 #reply email: crlf"]


def test_a_note_edited_during_the_import_loses_nothing(vault, tmp_path, monkeypatch):
    build(vault)
    from vaultkit.cli import import_conversations as conversations

    real = conversations.add_touches_in_order
    edited = []

    def editor_saves_meanwhile(path, data, *args, **kwargs):
        if not edited:  # the user's editor saves the note right after vaultkit read it
            edited.append(path)
            note = vault.root / path
            note.write_bytes(note.read_bytes() + b"- 2026-11-30 #reply typed while importing\n")
        return real(path, data, *args, **kwargs)

    monkeypatch.setattr(conversations, "add_touches_in_order", editor_saves_meanwhile)
    result = run(vault.root, "import", "mail", str(gmail_mbox(tmp_path / "m.mbox", GOOD)), "--today", TODAY)
    text = (vault.root / "Contacts/Ana Díaz.md").read_text()
    assert result.exit_code == 0, result.output
    assert "typed while importing" in text and "fine ^vk-" in text  # the save kept, the touch added on it


def test_the_body_is_never_read_into_memory(vault, tmp_path, monkeypatch):
    """A 20 MB body is passed over in chunks: the largest bytes object the reader makes stays small."""
    build(vault)
    from vaultkit.conversations import mbox as mbox_module

    raw = envelope("From: ana@x.example\nTo: sam@me.example\nDate: Wed, 04 Nov 2026 09:00:00 +0000\nSubject: big",
                   ("x" * 1000 + "\n") * 20_000) + envelope(
        "From: ana@x.example\nTo: sam@me.example\nDate: Thu, 05 Nov 2026 09:00:00 +0000\nSubject: next")
    path = tmp_path / "big.mbox"
    path.write_bytes(raw)
    sizes = []
    real_more = mbox_module._Stream.more

    def watched(self):
        found = real_more(self)
        sizes.append(len(self.buf))
        return found

    monkeypatch.setattr(mbox_module._Stream, "more", watched)
    with open(path, "rb") as handle:
        blocks = list(mbox_module.read_blocks(handle, chunk=1 << 20))
    assert [b[0] for b in blocks] == [1, 20_008] and max(sizes) < 3 << 20, (blocks, max(sizes))
    assert len(raw) > 20_000_000


def test_a_big_mbox_read_on_every_core_gives_what_one_reader_gives(vault, tmp_path, monkeypatch):
    """The parallel reader (for an mbox over 64 MB) cuts the file where messages start: each message
    is read once, positions keep their lines, and the counts and the notes are the same."""
    from vaultkit.conversations import mbox_parallel

    build(vault)
    mails = [message("ana@x.example" if n % 3 else f"s{n % 7}@else.example", ME, f"2026-11-{1 + n % 28:02d} 09:00",
                     f"m{n}", msgid=f"<m{n}@x>", extra={"List-Id": "<l>"} if n % 5 == 0 else None)
             for n in range(60)]
    raw = gmail_mbox(tmp_path / "m.mbox", mails).read_bytes()
    raw += envelope("From: ana@x.example\nTo: sam@me.example\nSubject: no date")
    (tmp_path / "m.mbox").write_bytes(raw)
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(vault.root, copy)
    one = run(vault.root, "import", "mail", str(tmp_path / "m.mbox"), "--today", TODAY)
    monkeypatch.setattr(mbox_parallel, "PARALLEL_FROM", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    used = []
    real_parts = mbox_parallel.parts_of
    monkeypatch.setattr(mbox_parallel, "parts_of", lambda *args: used.append(args) or real_parts(*args))
    for parts in (2, 3, 7):
        starts = [start for start, _, _ in mbox_parallel.parts_of(tmp_path / "m.mbox", parts)]
        assert len(starts) == parts and all(raw[s:s + 5] == b"From " for s in starts)
    many = run(copy, "import", "mail", str(tmp_path / "m.mbox"), "--today", TODAY)
    assert one.exit_code == many.exit_code == 0, many.output
    assert len(used) == 4 and used[-1][1] == 2  # the import read it in two parts
    assert one.output == many.output
    assert "warning: no Date; skipped" in one.stderr and "Read 61 messages" in one.stdout
    assert tree_hashes(vault.root) == tree_hashes(copy)
