"""Finding the vault and walking its notes."""
import os

import pytest

from vaultkit.config import load_config
from vaultkit.index.discover import find_vault, glob_regex, walk_notes
from vaultkit.errors import VaultNotFound


def test_explicit_then_env_then_nearest_marker(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "vaultkit.toml").write_text("")
    (tmp_path / "obs" / ".obsidian").mkdir(parents=True)
    deep = tmp_path / "a" / "b"
    assert find_vault(None, {}, deep) == (tmp_path / "a").resolve()
    assert find_vault(None, {"VAULTKIT_VAULT": str(tmp_path / "obs")}, deep) == (tmp_path / "obs").resolve()
    assert find_vault(str(tmp_path / "obs"), {"VAULTKIT_VAULT": "nope"}, deep) == (tmp_path / "obs").resolve()
    assert find_vault(None, {}, tmp_path / "obs") == (tmp_path / "obs").resolve()


def test_no_vault_names_what_was_searched(tmp_path):
    with pytest.raises(VaultNotFound) as caught:
        find_vault(None, {}, tmp_path)
    message = str(caught.value)
    assert "vaultkit.toml or an .obsidian/ folder" in message
    assert str(tmp_path) in message and str(tmp_path.parent) in message


def test_a_missing_explicit_vault(tmp_path):
    with pytest.raises(VaultNotFound, match="--vault nowhere: no such folder"):
        find_vault("nowhere", {}, tmp_path)
    with pytest.raises(VaultNotFound, match="VAULTKIT_VAULT nowhere: no such folder"):
        find_vault(None, {"VAULTKIT_VAULT": "nowhere"}, tmp_path)


def test_walk_skips_hidden_output_templates_and_ignores(vault):
    vault.config('ignore = ["Archive/**", "*.excalidraw.md", "Drafts/"]\n')
    for rel in ["b.md", "A/c.md", "a.md", "note.txt", ".hidden.md", ".git/x.md", ".obsidian/y.md",
                ".trash/z.md", ".stfolder/s.md", "vaultkit/Follow-ups.md", "Templates/vaultkit/t.md",
                "Templates/Other.md", "Archive/old.md", "Archive/deep/older.md", "Sketch.excalidraw.md",
                "X/Drafts/d.md", "Archived.md"]:
        vault.write(rel, "x")
    notes, problems = walk_notes(load_config(vault.root))
    assert notes == ["A/c.md", "Archived.md", "Templates/Other.md", "a.md", "b.md"]
    assert problems == []


@pytest.mark.parametrize("pattern, path, hit", [
    ("Archive/**", "Archive/a/b.md", True),
    ("Archive/**", "Other/Archive/b.md", False),
    ("**/drafts/**", "x/drafts/y.md", True),
    ("*.excalidraw.md", "deep/x.excalidraw.md", True),
    ("Daily/2025-*.md", "Daily/2025-01-01.md", True),
    ("Daily/2025-*.md", "Daily/sub/2025-01-01.md", False),
    ("Private", "Private/x.md", True),
    ("[Tt]emp/*", "temp/x.md", True),
])
def test_globs(pattern, path, hit):
    assert bool(glob_regex(pattern).fullmatch(path)) is hit


def test_symlinks_never_lead_out_of_the_vault_and_never_loop(vault, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntype: contact\n---\n")
    vault.write("Contacts/Ana.md", "x")
    os.symlink(outside, vault.root / "Linked")
    os.symlink(outside / "secret.md", vault.root / "Secret.md")
    os.symlink(vault.root, vault.root / "Contacts" / "loop")
    os.symlink(vault.root / "Contacts", vault.root / "Alias of contacts")
    os.symlink(vault.root / "Contacts" / "Ana.md", vault.root / "Ana link.md")
    os.symlink(vault.root / "missing.md", vault.root / "Dangling.md")
    os.symlink(vault.root / "self.md", vault.root / "self.md")
    notes, problems = walk_notes(load_config(vault.root))
    assert notes == ["Contacts/Ana.md"]  # the link to Ana is not read twice
    assert [str(p) for p in problems] == [
        "Contacts/loop:1: warning: symlink loop (points back to the vault root); skipped",
        "Dangling.md:1: warning: broken symlink; skipped",
        "Linked:1: warning: symlink points outside the vault; not followed",
        "Secret.md:1: warning: symlink points outside the vault; not followed",
        "self.md:1: warning: symlink loop; skipped",
    ]


def test_a_linked_note_whose_target_is_not_read_is_read_under_the_link(vault):
    vault.write(".shared/Ana.md", "x")
    os.symlink(vault.root / ".shared" / "Ana.md", vault.root / "Ana.md")
    assert walk_notes(load_config(vault.root))[0] == ["Ana.md"]
