"""No edit is ever lost: the careful editor (vaultkit/edit/careful.py) and every command that writes a note.

An editor's save between vaultkit's read and its rename is kept (the edit is redone on it) or the
edit is refused; a note the user may not write, or one with other hard links, is refused; a disk
that is full or read-only is `Error: cannot write PATH: reason`, exit 1, from every command.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli
from vaultkit.edit import careful
from vaultkit.errors import VaultkitError

from ..conftest import VaultBuilder, tree_hashes

LOG = "---\ntype: contact\n---\n## Log\n- 2026-11-01 #outreach hi\n"
LINKEDIN = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Omar,Ali,https://www.linkedin.com/in/omar,,Globex,PM,05 Nov 2023\n")
VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Omar Ali\nEND:VCARD\n"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def invoke(root: Path, *args: str):
    return CliRunner().invoke(cli, [*args, "--vault", str(root)])


def temps_in(root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in root.rglob(".vaultkit-*.tmp")]


# ---- item 1: an editor's save in between is never lost ----------------------------------

def test_an_editor_save_between_read_and_rename_is_kept_and_the_touch_added_to_it(vault, monkeypatch):
    note = vault.write("Contacts/Ana.md", LOG)
    saved = "---\ntype: contact\n---\nWritten in Obsidian meanwhile.\n\n## Log\n- 2026-11-01 #outreach hi\n"
    saves = [saved]

    def editor_saves(path: str) -> None:  # Obsidian's autosave, in place, while vaultkit is at work
        if saves:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(saves.pop())

    monkeypatch.setattr(careful, "_before_check", editor_saves)
    result = invoke(vault.root, "log", "Ana", "#reply glad to help", "--date", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert note.read_text(encoding="utf-8") == saved + "- 2026-11-22 #reply glad to help\n"
    assert result.stdout == "Added to Contacts/Ana.md:8: - 2026-11-22 #reply glad to help\n"
    assert temps_in(vault.root) == []


def test_a_note_that_keeps_changing_is_refused_and_left_as_the_editor_saved_it(vault, monkeypatch):
    note = vault.write("Contacts/Ana.md", LOG)
    count = []

    def editor_keeps_saving(path: str) -> None:
        count.append(1)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"- save {len(count)}\n")

    monkeypatch.setattr(careful, "_before_check", editor_keeps_saving)
    result = invoke(vault.root, "log", "Ana", "#reply glad to help")
    assert result.exit_code == 1
    assert ("Error: Contacts/Ana.md changed while vaultkit was editing it (an editor saving it?); nothing "
            "written; try again") in result.stderr
    assert note.read_text(encoding="utf-8") == LOG + "".join(f"- save {n}\n" for n in range(1, len(count) + 1))
    assert len(count) == careful.ATTEMPTS and temps_in(vault.root) == []


def test_a_save_the_clock_cannot_tell_apart_is_still_seen(vault, monkeypatch):
    """A coarse clock (FAT keeps 2 s, no ctime) and a save of the same size: the bytes tell."""
    note = vault.write("Contacts/Ana.md", LOG)
    saves = [LOG.replace("hi", "yo")]

    def editor_saves(path: str) -> None:
        if saves:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(saves.pop())

    monkeypatch.setattr(careful, "_signature", lambda st: (st.st_size,))
    monkeypatch.setattr(careful, "_before_check", editor_saves)
    careful.edit_note(vault.root, "Contacts/Ana.md", lambda old: old + b"- 2026-11-22 #reply x\n")
    assert note.read_text(encoding="utf-8") == LOG.replace("hi", "yo") + "- 2026-11-22 #reply x\n"


def test_a_change_that_changes_nothing_writes_nothing(vault):
    note = vault.write("Contacts/Ana.md", LOG)
    before = os.stat(note)
    assert careful.edit_note(vault.root, "Contacts/Ana.md", lambda old: old) is None
    after = os.stat(note)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


# ---- item 2: a note the user may not write ---------------------------------------------

def test_log_refuses_a_read_only_note_even_as_root(vault):
    note = vault.write("Contacts/Ana.md", LOG)
    os.chmod(note, 0o444)
    result = invoke(vault.root, "log", "Ana", "#reply hi")
    assert result.exit_code == 1
    assert ("Error: Contacts/Ana.md is read-only (its owner may not write it); vaultkit does not edit it "
            "(chmod u+w to allow it)") in result.stderr
    assert note.read_text(encoding="utf-8") == LOG and note.stat().st_mode & 0o777 == 0o444


def test_log_refuses_a_note_that_has_other_hard_links(vault):
    note = vault.write("Contacts/Ana.md", LOG)
    other = vault.root / "elsewhere.txt"
    os.link(note, other)
    result = invoke(vault.root, "log", "Ana", "#reply hi")
    assert result.exit_code == 1
    assert ("Error: Contacts/Ana.md has 1 other hard link (another name for the same file); an edit saves a "
            "new file, and the other name would keep the old one, so vaultkit does not edit it") in result.stderr
    assert note.read_text(encoding="utf-8") == LOG and os.stat(note).st_nlink == 2
    assert os.path.samefile(note, other)


def test_log_refuses_a_note_whose_folder_is_read_only(vault):
    note = vault.write("Contacts/Ana.md", LOG)
    os.chmod(note.parent, 0o555)
    try:
        result = invoke(vault.root, "log", "Ana", "#reply hi")
    finally:
        os.chmod(note.parent, 0o755)
    assert result.exit_code == 1
    assert "Error: Contacts/Ana.md: its folder Contacts/ is read-only" in result.stderr
    assert note.read_text(encoding="utf-8") == LOG


@pytest.mark.skipif(not AS_ROOT, reason="only root can give a note to another user")
def test_log_keeps_the_owner_and_mode_of_a_note_it_edits(vault):
    note = vault.write("Contacts/Ana.md", LOG)
    os.chown(note, 4321, 4321)
    os.chmod(note, 0o640)
    result = invoke(vault.root, "log", "Ana", "#reply hi", "--date", "2026-11-22")
    assert result.exit_code == 0, result.output
    after = note.stat()
    assert (after.st_uid, after.st_gid, after.st_mode & 0o7777) == (4321, 4321, 0o640)
    assert note.read_text(encoding="utf-8").endswith("- 2026-11-22 #reply hi\n")


def test_a_note_whose_owner_cannot_be_kept_is_refused(vault, monkeypatch):
    note = vault.write("Contacts/Ana.md", LOG)
    mine = os.stat(note).st_uid
    monkeypatch.setattr(os, "geteuid", lambda: mine + 1)  # vaultkit runs as someone else, not root
    result = invoke(vault.root, "log", "Ana", "#reply hi")
    assert result.exit_code == 1
    assert (f"Error: Contacts/Ana.md belongs to another user (uid {mine}); vaultkit could not keep its owner, "
            "so it does not edit it") in result.stderr
    assert note.read_text(encoding="utf-8") == LOG


def test_a_linked_note_out_of_the_vault_is_refused(vault, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(LOG, encoding="utf-8")
    (vault.root / "Contacts").mkdir()
    os.symlink(outside, vault.root / "Contacts" / "Ana.md")
    with pytest.raises(VaultkitError, match="Contacts/Ana.md leads outside the vault; not editing it"):
        careful.edit_note(vault.root, "Contacts/Ana.md", lambda old: old + b"x")
    assert outside.read_text(encoding="utf-8") == LOG


# ---- item 3: a full disk, a read-only file system ---------------------------------------

def _fail_writes(monkeypatch, code: int) -> None:
    """Every new file or folder fails with `code`, as on a full or read-only disk (os.link and
    os.replace are never reached). mkdir of a folder that exists says so first, as Linux does."""
    message = os.strerror(code)
    real_mkdir = os.mkdir

    def mkstemp(*args, **kwargs):
        raise OSError(code, message)

    def mkdir(path, *args, **kwargs):
        if os.path.isdir(path):
            return real_mkdir(path, *args, **kwargs)  # FileExistsError
        raise OSError(code, message, str(path))

    real_open = os.open

    def open_(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:  # a new file: a temp file, or a note created in place
            raise OSError(code, message, str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "mkdir", mkdir)


def _disk_full_at_fsync(monkeypatch, code: int) -> None:
    def fsync(fd):
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(os, "fsync", fsync)


@pytest.fixture
def ready(vault: VaultBuilder, tmp_path) -> VaultBuilder:
    vault.write("Contacts/Ana.md", LOG)
    (tmp_path / "Connections.csv").write_text(LINKEDIN, encoding="utf-8")
    (tmp_path / "contacts.vcf").write_text(VCARD, encoding="utf-8")
    return vault


COMMANDS = {
    "log": (["log", "Ana", "#reply hi"], "Contacts/Ana.md"),
    "new contact": (["new", "contact", "Ben Okafor"], "Contacts/Ben Okafor.md"),
    "new interview": (["new", "interview", "Ana", "--date", "2026-12-01"], "Interviews/2026-12-01 Ana.md"),
    "import linkedin": (["import", "linkedin", "{tmp}/Connections.csv"], "Contacts/Omar Ali.md"),
    "import vcard": (["import", "vcard", "{tmp}/contacts.vcf"], "Contacts/Omar Ali.md"),
}


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
@pytest.mark.parametrize("break_it", [_fail_writes, _disk_full_at_fsync])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_disk_error_is_cannot_write_path_exit_1(ready, tmp_path, monkeypatch, command, break_it, code):
    args, rel = COMMANDS[command]
    before = tree_hashes(ready.root)
    break_it(monkeypatch, code)
    result = invoke(ready.root, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"Error: cannot write {rel}: {os.strerror(code)}\n" in result.stderr
    assert tree_hashes(ready.root) == before and temps_in(ready.root) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
@pytest.mark.parametrize("break_it", [_fail_writes, _disk_full_at_fsync])
def test_init_on_a_broken_disk_is_cannot_write_exit_1(tmp_path, monkeypatch, break_it, code):
    root = tmp_path / "vault"
    root.mkdir()
    break_it(monkeypatch, code)
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"Error: cannot write vaultkit.toml: {os.strerror(code)}\n" in result.stderr
    assert temps_in(root) == []


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_init_detect_force_on_a_broken_disk_is_cannot_write_and_keeps_the_old_file(sample_copy, monkeypatch, code):
    config = sample_copy / "vaultkit.toml"
    before = config.read_bytes()
    _disk_full_at_fsync(monkeypatch, code)
    result = CliRunner().invoke(cli, ["init", str(sample_copy), "--detect", "--force"])
    assert result.exit_code == 1, result.output
    assert "Error: cannot write vaultkit.toml" in result.stderr and os.strerror(code) in result.stderr
    assert config.read_bytes() == before and temps_in(sample_copy) == []


def test_init_with_a_file_where_a_folder_goes_is_an_error_not_a_crash(tmp_path):
    """A real OSError, as root too: `Contacts` is a file."""
    root = tmp_path / "vault"
    root.mkdir()
    (root / "Contacts").write_text("not a folder\n")
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert ("Error: cannot write Contacts/: a file of that name is in the way; move it or rename it"
            in result.stderr)
    assert (root / "Contacts").read_text() == "not a folder\n"


def test_new_contact_with_a_file_where_its_folder_goes_is_an_error_not_a_crash(vault):
    vault.write("Contacts", "not a folder\n")
    result = invoke(vault.root, "new", "contact", "Ana")
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Error: cannot write Contacts/Ana.md: Contacts is a file, not a folder" in result.stderr


@pytest.mark.skipif(AS_ROOT, reason="root may write into a read-only folder")
def test_import_into_a_read_only_folder_is_cannot_write(vault, tmp_path):  # pragma: no cover (as root)
    (vault.root / "Contacts").mkdir()
    os.chmod(vault.root / "Contacts", 0o555)
    (tmp_path / "Connections.csv").write_text(LINKEDIN, encoding="utf-8")
    try:
        result = invoke(vault.root, "import", "linkedin", str(tmp_path / "Connections.csv"))
    finally:
        os.chmod(vault.root / "Contacts", 0o755)
    assert result.exit_code == 1
    assert "Error: cannot write Contacts/Omar Ali.md: Permission denied" in result.stderr


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs")
def test_a_read_only_file_system_is_said_as_such_not_as_permission_denied(vault, monkeypatch):
    note = vault.write("Contacts/Ana.md", LOG)
    real_statvfs = os.statvfs

    class ReadOnly:
        def __init__(self, path):
            self.f_flag = real_statvfs(path).f_flag | os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", ReadOnly)
    result = invoke(vault.root, "log", "Ana", "#reply hi")
    assert result.exit_code == 1
    assert "Error: cannot write Contacts/Ana.md: Read-only file system\n" in result.stderr
    assert note.read_text(encoding="utf-8") == LOG


# ---- create and replace -----------------------------------------------------------------

def test_create_note_on_a_file_system_without_hard_links_still_never_replaces(vault, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    careful.create_note(vault.root, "Contacts/Ben.md", b"made\n")
    assert (vault.root / "Contacts/Ben.md").read_bytes() == b"made\n"
    with pytest.raises(careful.NoteExists):
        careful.create_note(vault.root, "Contacts/Ben.md", b"again\n")
    assert (vault.root / "Contacts/Ben.md").read_bytes() == b"made\n" and temps_in(vault.root) == []


def test_create_note_never_replaces_a_file(vault):
    vault.write("Contacts/Ana.md", "mine\n")
    with pytest.raises(careful.NoteExists, match="Contacts/Ana.md already exists; vaultkit never overwrites a note"):
        careful.create_note(vault.root, "Contacts/Ana.md", b"theirs\n")
    assert (vault.root / "Contacts/Ana.md").read_text() == "mine\n" and temps_in(vault.root) == []
    careful.create_note(vault.root, "New/Folder/Ben.md", b"made\n")
    made = vault.root / "New/Folder/Ben.md"
    assert made.read_bytes() == b"made\n" and made.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def test_replace_file_keeps_a_backup_and_refuses_a_read_only_file(vault):
    config = vault.root / "vaultkit.toml"
    old = config.read_bytes()
    assert careful.replace_file(vault.root, "vaultkit.toml", b"new = 1\n") == "vaultkit.toml.bak"
    assert config.read_bytes() == b"new = 1\n" and (vault.root / "vaultkit.toml.bak").read_bytes() == old
    assert careful.replace_file(vault.root, "vaultkit.toml", b"newer = 2\n") == "vaultkit.toml.bak2"
    os.chmod(config, 0o444)
    with pytest.raises(VaultkitError, match="vaultkit.toml is read-only"):
        careful.replace_file(vault.root, "vaultkit.toml", b"newest = 3\n")
    assert config.read_bytes() == b"newer = 2\n" and not (vault.root / "vaultkit.toml.bak3").exists()


def test_replace_file_backs_up_the_bytes_it_replaced_after_a_save_meanwhile(vault, monkeypatch):
    config = vault.root / "vaultkit.toml"
    saves = [b"# saved meanwhile\n"]

    def editor_saves(path: str) -> None:
        if saves:
            Path(path).write_bytes(saves.pop())

    monkeypatch.setattr(careful, "_before_check", editor_saves)
    assert careful.replace_file(vault.root, "vaultkit.toml", b"new = 1\n") == "vaultkit.toml.bak"
    assert config.read_bytes() == b"new = 1\n"
    assert (vault.root / "vaultkit.toml.bak").read_bytes() == b"# saved meanwhile\n"
    assert sorted(p.name for p in vault.root.glob("vaultkit.toml*")) == ["vaultkit.toml", "vaultkit.toml.bak"]


def test_init_detect_force_refuses_a_read_only_vaultkit_toml(sample_copy):
    config = sample_copy / "vaultkit.toml"
    before = config.read_bytes()
    os.chmod(config, 0o444)
    result = CliRunner().invoke(cli, ["init", str(sample_copy), "--detect", "--force"])
    assert result.exit_code == 1, result.output
    assert "Error: vaultkit.toml is read-only" in result.stderr
    assert config.read_bytes() == before and not list(sample_copy.glob("vaultkit.toml.bak*"))
