"""Issue 13, items 1, 7 (one output must not stop the others), 8, 9 and 10: where `report` writes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from ._kit import ROOT, contact, interview, make_vault, vaultkit

TODAY = ("--today", "2026-11-20")
DASHBOARDS = ("Follow-ups.md", "Referrals.md", "Fields.md", "Follow-ups.ics")
NOTES = dict([contact("Ana"), interview("2026-10-10 Ana", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a\n")])


def _report(root: Path, *more: str):
    return vaultkit("report", "--vault", str(root), *TODAY, *more)


def _others_written(root: Path, folder: str, but: str) -> bool:
    return all((root / folder / name).is_file() for name in DASHBOARDS if name != but)


def users_fields_md_in_output_dot(tmp: Path):
    run = vaultkit("report", "--vault", str(make_vault(tmp, {"Fields.md": "mine\n"}, '[folders]\noutput = "."\n')), *TODAY)
    ok = run.code == 2 and "folders.output" in run.err and (tmp / "vault" / "Fields.md").read_text() == "mine\n"
    return ok, f"exit {run.code}: {run.err.strip()[:110]}"


def users_fields_md_in_reading(tmp: Path):
    root = make_vault(tmp, {**NOTES, "Reading/Fields.md": "my reading\n"}, '[folders]\noutput = "Reading"\n')
    run = _report(root)
    kept = (root / "Reading/Fields.md").read_text() == "my reading\n"
    said = "Reading/Fields.md:1: error: not written: this file was not made by vaultkit" in run.err
    ok = run.code == 1 and kept and said and _others_written(root, "Reading", "Fields.md") and not run.crashed
    return ok, f"exit {run.code}, kept {kept}, said {said}"


def users_file_with_a_drafts_name(tmp: Path):
    draft = "vaultkit/Drafts/Thank you - 2026-10-10 Ana.md"
    root = make_vault(tmp, {**NOTES, draft: "my own words\n"})
    run = _report(root)
    kept = (root / draft).read_text() == "my own words\n"
    ok = run.code == 1 and kept and f"{draft}:1: error:" in run.err and _others_written(root, "vaultkit", "")
    return ok, f"exit {run.code}, kept {kept}"


def contact_notes_in_output_people(tmp: Path):
    root = make_vault(tmp, {"People/Ana.md": "---\ntype: contact\n---\n"}, '[folders]\noutput = "People"\n')
    run = _report(root)
    untouched = sorted(p.name for p in (root / "People").iterdir()) == ["Ana.md"]
    ok = run.code == 1 and untouched and "People/Ana.md:1: error: a contact note in the output folder" in run.err
    return ok, f"exit {run.code}, nothing written {untouched}: {run.err.strip()[:90]}"


def one_long_draft_name_does_not_stop_the_others(tmp: Path):
    stem = "😀" * 62  # 248 bytes: a valid file, but "Thank you - " + it is not, unless shortened by bytes
    files = {**NOTES, **dict([contact("Ben"), interview(stem, "contact: '[[Ben]]'\ndate: 2026-10-11\n", "## Takeaways\n- b\n")])}
    root = make_vault(tmp, files)
    run = _report(root)
    drafts = sorted(p.name for p in (root / "vaultkit/Drafts").iterdir()) if (root / "vaultkit/Drafts").is_dir() else []
    ana = "Thank you - 2026-10-10 Ana.md" in drafts
    ok = not run.crashed and ana and _others_written(root, "vaultkit", "") and (run.code == 0 or "not written" in run.err)
    return ok, f"exit {run.code}, {len(drafts)} drafts, Ana's written {ana}"


def a_folder_named_fields_md(tmp: Path):
    root = make_vault(tmp, NOTES)
    (root / "vaultkit/Fields.md").mkdir(parents=True)
    run = _report(root)
    ok = run.code == 1 and "vaultkit/Fields.md:1: error: not written: a folder is in the way" in run.err \
        and _others_written(root, "vaultkit", "Fields.md")
    return ok, f"exit {run.code}: {run.err.strip()[:100]}"


def a_file_named_vaultkit(tmp: Path):
    root = make_vault(tmp, {**NOTES, "vaultkit": "my file\n"})
    run = _report(root)
    ok = run.code == 1 and "File exists" not in run.err and "vaultkit:1: error: this is a file, not a folder" in run.err \
        and (root / "vaultkit").read_text() == "my file\n"
    return ok, f"exit {run.code}: {run.err.strip()[:100]}"


def a_file_named_drafts(tmp: Path):
    root = make_vault(tmp, {**NOTES, "vaultkit/Drafts": "my file\n"})
    run = _report(root)
    ok = run.code == 1 and "vaultkit/Drafts:1: error:" in run.err and _others_written(root, "vaultkit", "")
    return ok, f"exit {run.code}: {run.err.strip()[:100]}"


def _temps_left_by_a_kill(root: Path) -> list[Path]:
    """Kill a report inside its write phase (SIGKILL right after its first temp file appears): its temps."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hook = ("import os, signal\n"
            "real = os.replace\n"  # killed at the first output written (the cache, outside the vault, is saved first)
            f"os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL) if str(dst).startswith({str(root)!r}) "
            "else real(src, dst)\n"
            "from vaultkit.cli import main; main()\n")
    subprocess.run([sys.executable, "-c", hook, "report", "--vault", str(root), *TODAY], env=env, capture_output=True)
    return [p for p in (root / "vaultkit").iterdir() if p.name.endswith(".tmp")]


def temp_left_by_a_kill_is_cleaned(tmp: Path):
    """A temp file left by a killed run, a while ago, is removed by the next run."""
    root = make_vault(tmp, NOTES)
    left = _temps_left_by_a_kill(root)
    if not left:
        return False, "the kill left no temp file to clean"
    for path in left:  # as if the kill was a while ago
        os.utime(path, (time.time() - 120, time.time() - 120))
    run = _report(root)
    after = [p.name for p in (root / "vaultkit").iterdir() if p.name.endswith(".tmp")]
    ok = run.code == 0 and after == []
    return ok, f"left {[p.name for p in left]}, after the next report {after}"


def a_fresh_temp_of_another_run_is_kept(tmp: Path):
    """A temp file of vaultkit's own name, made just now (another run writing), is left alone."""
    root = make_vault(tmp, NOTES)
    left = _temps_left_by_a_kill(root)
    if not left:
        return False, "the kill left no temp file"
    run = _report(root)
    kept = all(p.exists() for p in left)
    return run.code == 0 and kept, f"exit {run.code}, {[p.name for p in left]} kept {kept}"


def _config_case(value: str, key: str = "output"):
    def case(tmp: Path):
        root = make_vault(tmp, NOTES, f'# settings\n[folders]\n{key} = "{value}"\n')
        run = _report(root, "--dry-run")
        ok = run.code == 2 and run.err.startswith(f"Error: vaultkit.toml:3: folders.{key}") and not run.crashed
        return ok, f"exit {run.code}: {run.err.strip()[:130]}"
    return case


CASES = [
    ("a user's Fields.md with output = \".\"", users_fields_md_in_output_dot),
    ("a user's Fields.md with output = \"Reading\"", users_fields_md_in_reading),
    ("a user's file named like a draft", users_file_with_a_drafts_name),
    ("contact notes in output = \"People\"", contact_notes_in_output_people),
    ("one draft name too long does not stop the others", one_long_draft_name_does_not_stop_the_others),
    ("a folder named vaultkit/Fields.md", a_folder_named_fields_md),
    ("a regular file named vaultkit", a_file_named_vaultkit),
    ("a regular file named vaultkit/Drafts", a_file_named_drafts),
    ("a temp file left by a kill is cleaned by the next run", temp_left_by_a_kill_is_cleaned),
    ("a fresh temp file (another run) is kept", a_fresh_temp_of_another_run_is_kept),
    ("output = absolute /tmp/x", _config_case("/tmp/x")),
    ("output = .git", _config_case(".git")),
    ("output with a NUL", _config_case("a\\u0000b")),
    ("output = ~/x", _config_case("~/x")),
    ("output = C:\\\\x", _config_case("C:\\\\x")),
    ("output inside the contacts folder", _config_case("Contacts/out")),
    ("templates = absolute /etc", _config_case("/etc", "templates")),
    ("templates = .", _config_case(".", "templates")),
    ("contacts = ~/People", _config_case("~/People", "contacts")),
    ("interviews = .obsidian", _config_case(".obsidian", "interviews")),
    ("daily with a NUL", _config_case("D\\u0000", "daily")),
]
