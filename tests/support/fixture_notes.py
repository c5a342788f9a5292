"""Every realistic note the tests build, in one place, for checks that must hold for any note
(tests/parse/test_frontmatter_reference.py reads each with vaultkit and with python-frontmatter)."""
from __future__ import annotations

import sys
from pathlib import Path

from . import adopted_vaults, network_vault
from ..conftest import MESSY_FILES, SAMPLE
from ..importers.test_export_contacts import PEOPLE
from ..model.test_people_by_any_link import LINKED_FILES

ROOT = Path(__file__).resolve().parents[2]

# Front-matter as people get it wrong, or as other tools write it.
EDGE_NOTES: dict[str, bytes | str] = {
    # a template that leaves a blank line (or spaces) above the block: Obsidian shows it as text
    "Contacts/Blank line first.md": "\n---\ntype: contact\nname: Lea Blank\n---\n# Lea\n",
    "Contacts/Spaces first.md": "   \n---\ntype: contact\n---\n",
    # a Hugo or Zola page dropped into the vault: TOML between +++ lines
    "Reading/Hugo page.md": '+++\ntitle = "Informational interviews"\ndate = 2026-11-02\n+++\nSome text.\n',
    # a note that opens with a JSON object (a pasted API answer)
    "Reading/Pasted JSON.md": '{\n"name": "Ana",\n"company": "Globex"\n}\nFrom the API.\n',
    # four dashes, Markdown's thematic break, not Obsidian's fence
    "Reading/Four dashes.md": "----\ntitle: Notes\n----\nbody\n",
    "Reading/Long close.md": "---\ntitle: Notes\n-----\nbody\n",
    # a thematic break on line 1 and another further down
    "Reading/Rules.md": "---\n\nA paragraph between two rules.\n\n---\nMore.\n",
    # YAML errors, where the fault is and where it is noticed
    "Contacts/Tabbed.md": "---\ntype: contact\nfield: Data\naliases:\n\t- Tab\n---\n",
    "Contacts/Colon.md": "---\ntype: contact\nname: Ana\nrole: Head: UX\n---\n",
    "Contacts/Gap.md": "---\n\n\ntype: contact\nrole: Head: UX\n---\n",
    "Interviews/2026-11-30 Quote.md": "---\ntype: interview\ncontact: \"[[Ana]]\ndate: 2026-11-30\n---\n",
    # values YAML cannot build: vaultkit keeps them as text, to report the one key
    "Interviews/2026-13-45 Typo.md": "---\ntype: interview\ncontact: Ana\ndate: 2026-13-45\n---\n",
    "Contacts/Tagged value.md": "---\ntype: contact\nfield: !important Data\n---\n",
    # YAML 1.1 reads these keys as a boolean and a number; Obsidian (YAML 1.2) and vaultkit as names
    "Reading/Switches.md": "---\non: 2026-11-02\nyes: sure\n2024: a year\n---\n",
    # keys written twice, once differently
    "Contacts/Twice.md": "---\ntype: contact\nName: Ana\nname: Ana Díaz\nReferred-By: Ben\nreferred_by: Priya\n---\n",
    # merge keys
    "Contacts/Merged.md": "---\nbase: &b {company: Acme, field: Data}\n<<: *b\ntype: contact\n---\n",
    # the edge cases of `vaultkit check`'s own test
    "Contacts/Unclosed.md": "---\nname: x\n",
    "Contacts/Fence only.md": "---",
    "Contacts/Scalar.md": "---\njust text\n---\n",
    "Contacts/List.md": "---\n- a\n- b\n---\n",
    "Contacts/Empty.md": b"",
    "Contacts/Empty block.md": "---\n---\n## Log\n",
    "Contacts/Bomb.md": "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
    "Contacts/Deep.md": "---\na: " + "[" * 600 + "]" * 600 + "\n---\n",
    "Contacts/Latin1.md": "---\nname: Ren\xe9\n---\n".encode("latin-1"),
    "Contacts/Binary.md": b"\x89PNG\r\n\x1a\n\x00\x00",
    "Contacts/UTF-16.md": "---\nname: Ana\n---\n".encode("utf-16"),
    # line endings and a BOM, the whole way round
    "Contacts/Old Mac.md": b"---\rtype: contact\rname: Cy\r---\r## Log\r- 2026-11-01 #outreach hi\r",
    "Contacts/BOM only.md": "\ufeff---\ntype: contact\n---\n\n\n## Log\n- 2026-11-01 #outreach hi\n\n",
    # a line separator inside a value (pasted from a web page)
    "Contacts/Pasted.md": "---\ntype: contact\nrole: Head of\u2028UX\n---\n",
}


def fixture_notes(scratch: Path) -> dict[str, bytes]:
    """Label -> bytes of every note: the sample vault with vaultkit's outputs in it, conftest's
    MESSY_FILES, the vaults of tests/support/adopted_vaults.py and network_vault.py, a small
    bench/make_vault.py vault, the vaults of model/test_people_by_any_link.py and
    importers/test_export_contacts.py, and EDGE_NOTES.
    Builders write into `scratch`."""
    notes: dict[str, bytes] = {}
    notes.update(_folder("sample-vault", SAMPLE))
    for source, files in (("messy", MESSY_FILES), ("linked", LINKED_FILES), ("export", PEOPLE),
                          ("edge", EDGE_NOTES)):
        notes.update({f"{source}:{rel}": _bytes(text) for rel, text in files.items()})
    notes.update(_folder("notion-like", adopted_vaults.notion_like_vault(scratch / "notion")))
    notes.update(_folder("tagged", adopted_vaults.tagged_vault(scratch / "tagged")))
    network_vault.build(scratch / "network", 40)
    notes.update(_folder("network", scratch / "network"))
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import make_vault
    finally:
        sys.path.remove(str(ROOT / "bench"))
    make_vault.build(scratch / "bench", 120, contacts=30, interviews=30, daily=20)
    notes.update(_folder("bench", scratch / "bench"))
    return notes


def _folder(label: str, root: Path) -> dict[str, bytes]:
    return {f"{label}:{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*.md"))}


def _bytes(text: bytes | str) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")
