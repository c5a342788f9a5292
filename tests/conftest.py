"""Vault builders: small vaults in tmp_path, messy the way real ones are."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "sample-vault"
UPDATE_GOLDEN = os.environ.get("VAULTKIT_UPDATE_GOLDEN") == "1"
# What README and docs/outputs.md say to add to the sample's vaultkit.toml to see the wrap-up page
LANDED = ('\n[landed]\ndate = 2026-11-16\ncompany = "Northwind Health"\nrole = "UX Researcher"\n'
          'email = "sam.rivera@northwind.example.org"\n')


def check_golden(files: dict[Path, bytes], folder: Path | None = None) -> None:
    """Each produced file must equal the committed one at its path.

    With VAULTKIT_UPDATE_GOLDEN=1 the committed files are rewritten instead (all of
    `folder`, when given), and the test fails: a run that updates cannot also be the
    run that checks, so an update never passes silently.
    """
    if not UPDATE_GOLDEN:
        for path, produced in files.items():
            assert path.is_file(), f"{path} is missing"
            assert produced == path.read_bytes(), f"{path} differs from what was produced"
        return
    changed = [path for path, produced in files.items() if not path.is_file() or path.read_bytes() != produced]
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    for path, produced in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(produced)
    names = ", ".join(str(p.relative_to(SAMPLE.parent)) for p in changed) or "nothing changed"
    pytest.fail(f"VAULTKIT_UPDATE_GOLDEN=1: golden files rewritten ({names}); run the tests again without it "
                "to check them", pytrace=False)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test gets its own parse cache, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("VAULTKIT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def computer_zone(monkeypatch) -> str:
    """`init` writes this computer's time zone under [me]: in tests always the same one, whatever
    the machine's (tests/render/test_time_zones.py reads the real one, from a TZ it sets)."""
    import vaultkit.cli.init

    monkeypatch.setattr(vaultkit.cli.init, "system_zone", lambda: "America/Los_Angeles")
    return "America/Los_Angeles"


class VaultBuilder:
    """Writes notes into a folder; text is written as UTF-8 bytes exactly as given."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def config(self, text: str) -> Path:
        return self.write("vaultkit.toml", text)

    def contact(self, name: str, front: str = "", body: str = "", folder: str = "Contacts") -> Path:
        return self.write(f"{folder}/{name}.md", f"---\n{front}---\n{body}")

    def interview(self, rel: str, front: str, body: str = "") -> Path:
        return self.write(f"Interviews/{rel}.md", f"---\n{front}---\n{body}")


SIGNED = '[me]\nname = "Sam Test"\n'  # drafts are signed; an empty name is a warning of its own


def default_signals() -> None:
    """For a child a test signals (Popen's preexec_fn): a test run started with `&` ignores Ctrl-C,
    under nohup also SIGHUP, and a child inherits that and would never end as the test expects."""
    for name in ("SIGINT", "SIGHUP", "SIGTERM"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)


@pytest.fixture
def vault(tmp_path) -> VaultBuilder:
    builder = VaultBuilder(tmp_path / "vault")
    builder.config(SIGNED)
    return builder


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    target = tmp_path / "sample-vault"
    shutil.copytree(SAMPLE, target)
    return target


def tree_hashes(root: Path) -> dict[str, str]:
    """Every file under root (hidden ones too) -> sha256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


MESSY_FILES: dict[str, bytes | str] = {
    # CRLF and a BOM: must read exactly like LF notes
    "Contacts/Ana Díaz.md": b"\xef\xbb\xbf---\r\nName: Ana D\xc3\xadaz\r\naliases: Ana\r\nfield: UX research\r\n"
    b"Referred-By: '[[Priya]]'\r\n---\r\n## Log\r\n- 2026-11-02 #outreach hello\r\n- 2026-11-05 #reply yes\r\n",
    # capitals and spaces in keys, alias list with an empty item, unquoted wikilink
    "Contacts/Priya Natarajan.md": "---\ntype: contact\nAliases:\n  - Priya\n  -\nStay In Touch: 6w\n"
    "referred by: [[Ana Díaz]]\n---\n# Priya\n\n### timeline\n- [[2026-10-01]] #checkin coffee\n",
    # broken YAML
    "Contacts/Broken.md": "---\nname: [unclosed\n---\nbody\n",
    # dates YAML leaves as strings, a time YAML reads as minutes, nested-list links
    "Interviews/2026-11-12 Ana.md": "---\ntype: interview\ncontact: [[Ana]]\ndate: 2026-11-12T20:35\ntime: 10:00\n"
    "referrals:\n  - [[Omar Ali|Omar]]\n  - Hiroshi Tanaka\n---\n## Takeaways\n- a point\n",
    # a daily note touching a contact through an alias
    "Daily/2026-11-20.md": "- Lunch with [[Priya]] #reply\n- [ ] call [[Ana]] next week\n",
    # an ordinary note: dangling links and odd keys are none of vaultkit's business
    "Reading/Book.md": "---\ntitle: x\ntitle: y\n---\nSee [[Nobody]] and `[[Code]]`.\n",
}


@pytest.fixture
def messy_vault(vault: VaultBuilder) -> VaultBuilder:
    for rel, content in MESSY_FILES.items():
        vault.write(rel, content)
    return vault
