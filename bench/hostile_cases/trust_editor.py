"""Issue 23 ("Trust: no edit is ever lost"): the careful editor, the commands that write notes, names.

Real disks where this machine allows it: a full tmpfs and a read-only one, each mounted in a mount
namespace of its own (`unshare -m`, which needs root); a note made read-only by its owner, run as
that owner (`setpriv` to nobody, which needs root too). Where that is not possible the case says
so and does not count as a pass.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from ._kit import ROOT, contact, make_vault, vaultkit

ANA = "---\ntype: contact\n---\n## Log\n- 2026-11-01 #outreach hi\n"
CSV = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
       "Omar,Ali,https://www.linkedin.com/in/omar,,Globex,PM,05 Nov 2023\n")
NOBODY = 65534
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _vault(tmp: Path, *more: tuple[str, str]) -> Path:
    return make_vault(tmp, {"Contacts/Ana.md": ANA, **dict(more)}, config='[me]\nname = "Sam"\n')


def _temps(root: Path) -> list[str]:
    return [p.name for p in root.rglob(".vaultkit-*.tmp")]


# ---- real disks: full, read-only -------------------------------------------------------

_COMMANDS = [  # (label, arguments after `vaultkit`, the path the error names)
    ("log", ["log", "Ana", "#reply hi", "--vault", "{vault}"], "Contacts/Ana.md"),
    ("new contact", ["new", "contact", "Ben Okafor", "--vault", "{vault}"], "Contacts/Ben Okafor.md"),
    ("new interview", ["new", "interview", "Ana", "--date", "2026-12-01", "--vault", "{vault}"],
     "Interviews/2026-12-01 Ana.md"),
    ("import linkedin", ["import", "linkedin", "{csv}", "--vault", "{vault}"], "Contacts/Omar Ali.md"),
    ("init", ["init", "{vault}"], ""),  # the first of its folders or templates the disk refuses
]


def _on_own_mount(tmp: Path, prepare: str, reason: str):
    """Mount a small tmpfs at tmp/mnt in a mount namespace of our own, copy the vault onto it, run
    `prepare` (shell: fill it, or make it read-only), then every writing command; each must fail with
    `Error: cannot write PATH: reason`, exit 1, and leave the vault's bytes and no temp behind."""
    if not AS_ROOT or shutil.which("unshare") is None:
        return False, "not run: needs root for unshare -m and mount (see the tests' monkeypatched disk errors)"
    src = _vault(tmp)
    (tmp / "Connections.csv").write_text(CSV, encoding="utf-8")
    mnt, out = tmp / "mnt", tmp / "out"
    mnt.mkdir()
    out.mkdir()
    env = {"PYTHONPATH": str(ROOT), "VAULTKIT_CACHE_DIR": str(tmp / "cache")}
    runs = []
    for n, (label, args, _) in enumerate(_COMMANDS):
        words = " ".join(f"'{a}'" for a in args).replace("{vault}", f"{mnt}/vault").replace("{csv}",
                                                                                          f"{tmp}/Connections.csv")
        runs.append(f"{sys.executable} -m vaultkit {words} >{out}/{n}.out 2>{out}/{n}.err; echo $? >{out}/{n}.rc")
    script = "\n".join([
        "set -e",
        f"mount -t tmpfs -o size=1m tmpfs {mnt}",
        f"cp -a {src} {mnt}/vault",
        f"rm -rf {mnt}/vault/Interviews",  # init has a folder to make
        prepare.format(mnt=mnt),
        f"find {mnt}/vault -type f -exec sha256sum {{}} + | sort >{out}/before",
        "set +e",
        *runs,
        f"find {mnt}/vault -type f -exec sha256sum {{}} + | sort >{out}/after",
        f"find {mnt} -name '.vaultkit-*.tmp' >{out}/temps",
    ])
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})
    if done.returncode != 0 or not (out / "after").exists():
        return False, f"could not set up the mount: {done.stderr.strip()[:200]}"
    bad = []
    for n, (label, _, rel) in enumerate(_COMMANDS):
        code, err = (out / f"{n}.rc").read_text().strip(), (out / f"{n}.err").read_text()
        said = f"Error: cannot write {rel}: {reason}" if rel else "Error: cannot write "
        if code != "1" or said not in err or reason not in err or "Traceback" in err:
            bad.append(f"{label}: exit {code}, {err.strip()[-160:]!r}")
    if (out / "before").read_text() != (out / "after").read_text():
        bad.append("a file in the vault changed")
    if (out / "temps").read_text().strip():
        bad.append(f"temp files left: {(out / 'temps').read_text().split()}")
    return not bad, "; ".join(bad) or f"{len(_COMMANDS)} commands: exit 1, 'cannot write PATH: {reason}', nothing changed"


def full_disk(tmp: Path):
    return _on_own_mount(tmp, "dd if=/dev/zero of={mnt}/fill bs=4k 2>/dev/null || true", "No space left on device")


def read_only_disk(tmp: Path):
    return _on_own_mount(tmp, "mount -o remount,ro {mnt}", "Read-only file system")


# ---- a note the user may not write, as that user -----------------------------------------

def _as_nobody(root: Path, *args: str):
    """vaultkit run as `nobody`, the owner of the vault (setpriv drops root and every capability)."""
    cache = root.parent / "cache-nobody"
    cache.mkdir(exist_ok=True)
    for path in [root.parent, cache, *root.rglob("*"), root]:
        os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VAULTKIT_CACHE_DIR": str(cache), "HOME": str(root.parent)}
    done = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", sys.executable,
                           "-m", "vaultkit", *args], capture_output=True, text=True, timeout=120, env=env)
    return done.returncode, done.stdout, done.stderr


def read_only_note_as_its_owner(tmp: Path):
    if not AS_ROOT or shutil.which("setpriv") is None:
        return False, "not run: needs root to run vaultkit as another user (setpriv)"
    root = _vault(tmp)
    note = root / "Contacts" / "Ana.md"
    os.chmod(tmp, 0o755)
    os.chmod(note, 0o444)
    code, _, err = _as_nobody(root, "log", "Ana", "#reply hi", "--vault", str(root))
    kept = note.read_text(encoding="utf-8") == ANA and note.stat().st_mode & 0o777 == 0o444
    ok = code == 1 and "Error: Contacts/Ana.md is read-only" in err and kept and note.stat().st_uid == NOBODY
    return ok, f"exit {code}; {err.strip()[-120:]}; note unchanged: {kept}"


def note_in_a_read_only_folder_as_its_owner(tmp: Path):
    if not AS_ROOT or shutil.which("setpriv") is None:
        return False, "not run: needs root to run vaultkit as another user (setpriv)"
    root = _vault(tmp)
    os.chmod(tmp, 0o755)
    folder = root / "Contacts"
    _as_nobody(root, "check", "--vault", str(root))  # chown everything first
    os.chmod(folder, 0o555)
    logged = _as_nobody(root, "log", "Ana", "#reply hi", "--vault", str(root))
    made = _as_nobody(root, "new", "contact", "Ben", "--vault", str(root))
    os.chmod(folder, 0o755)
    ok = (logged[0] == 1 and "its folder Contacts/ is read-only" in logged[2]
          and made[0] == 1 and "Error: cannot write Contacts/Ben.md: Permission denied" in made[2]
          and (folder / "Ana.md").read_text(encoding="utf-8") == ANA and not _temps(root))
    return ok, f"log: exit {logged[0]} {logged[2].strip()[-90:]}; new: exit {made[0]} {made[2].strip()[-70:]}"


def hard_linked_note(tmp: Path):
    root = _vault(tmp)
    note = root / "Contacts" / "Ana.md"
    os.link(note, tmp / "Ana backup.md")
    run = vaultkit("log", "Ana", "#reply hi", "--vault", str(root))
    ok = (run.code == 1 and "has 1 other hard link" in run.err and note.read_text(encoding="utf-8") == ANA
          and os.path.samefile(note, tmp / "Ana backup.md"))
    return ok, f"exit {run.code}; {run.err.strip()[-120:]}"


def read_only_config_with_detect_force(tmp: Path):
    root = make_vault(tmp, {f"People/P{i}.md": f"---\nemail: p{i}@x.org\nphone: '1'\n---\n" for i in range(6)},
                      config="# mine\n")
    os.chmod(root / "vaultkit.toml", 0o444)
    run = vaultkit("init", str(root), "--detect", "--force")
    ok = (run.code == 1 and "Error: vaultkit.toml is read-only" in run.err
          and (root / "vaultkit.toml").read_text() == "# mine\n" and not list(root.glob("vaultkit.toml.bak*")))
    return ok, f"exit {run.code}; {run.err.strip()[-120:]}"


# ---- an editor saving while `log` runs ---------------------------------------------------

def editor_saving_meanwhile(tmp: Path):
    """An editor saves every 20 ms (a hundred times Obsidian's autosave) while `log` runs ten times:
    it reloads the note, adds a line and saves it as most editors do, into a file of its own renamed
    over the note. Every line it saved must be there at the end; each log went in or was refused.
    (An editor that writes into the note in place, as Obsidian does, can still lose vaultkit's race
    when its write lands just after the rename: see careful.py.)"""
    root = _vault(tmp)
    note = root / "Contacts" / "Ana.md"
    stop, saved = threading.Event(), []

    def editor() -> None:
        while not stop.is_set():
            line = f"- editor save {len(saved) + 1}\n"
            text = note.read_text(encoding="utf-8") + line
            (tmp / "editor.tmp").write_text(text, encoding="utf-8")
            os.replace(tmp / "editor.tmp", note)
            saved.append(line)
            time.sleep(0.02)

    thread = threading.Thread(target=editor)
    thread.start()
    try:
        runs = [vaultkit("log", "Ana", f"#reply touch {n}", "--vault", str(root)) for n in range(10)]
    finally:
        stop.set()
        thread.join()
    text = note.read_text(encoding="utf-8")
    lost = [line.strip() for line in saved if line not in text]
    added = sum(r.code == 0 for r in runs)
    refused = sum(r.code == 1 and "changed while vaultkit was editing it" in r.err for r in runs)
    ok = not lost and added + refused == len(runs) and not _temps(root)
    return ok, (f"{len(saved)} editor saves, {len(lost)} lost; {added} touches added ({text.count('#reply touch')} "
                f"still there after the editor's later saves), {refused} refused")


# ---- names ------------------------------------------------------------------------------

def names_at_the_shell(tmp: Path):
    root = make_vault(tmp, dict([contact("Ana Díaz"), contact("Ben Okafor"), contact("Chloé Martin")]))
    taken = vaultkit("new", "contact", "[[Ana Díaz]]", "--vault", str(root))
    made = vaultkit("new", "contact", "[[Contacts/Zed Zhao|Zed]]", "--vault", str(root))
    refused = {name: vaultkit("new", "contact", name, "--vault", str(root))
               for name in ("#tag", "Eve [[x]]", "CON", "lpt1.txt", "Jr.")}
    logged = vaultkit("log", "[[Ben Okafor#Log]]", "#reply hi", "--vault", str(root))
    bad = []
    if taken.code != 1 or "already exists: Contacts/Ana Díaz.md" not in taken.err:
        bad.append(f"[[Ana Díaz]]: exit {taken.code}")
    if made.code != 0 or not (root / "Contacts" / "Zed Zhao.md").is_file():
        bad.append(f"[[Contacts/Zed Zhao|Zed]]: exit {made.code} {made.err.strip()[-80:]}")
    bad += [f"{name}: exit {r.code}" for name, r in refused.items() if r.code != 2 or "cannot be a note's name" not in r.err]
    if logged.code != 0:
        bad.append(f"log [[Ben Okafor#Log]]: exit {logged.code}")
    files = sorted(p.name for p in (root / "Contacts").iterdir())
    return not bad, "; ".join(bad) or f"files: {files}"


def completion_forms(tmp: Path):
    root = make_vault(tmp, dict([contact("Ana Díaz", "aliases: [Ani]\n"), contact("Ben Okafor"),
                                 contact("Chloé Martin")]))
    vaultkit("check", "--vault", str(root))
    got = {}
    for typed in ("chloe", "okaf", "diaz", "ani"):
        run = vaultkit(env={"_VAULTKIT_COMPLETE": "bash_complete", "COMP_WORDS": f"vaultkit log {typed}",
                            "COMP_CWORD": "2", "VAULTKIT_VAULT": str(root)})
        got[typed] = [line.split(",", 1)[-1] for line in run.out.splitlines()]
    want = {"chloe": ["Chloé\\\\ Martin"], "okaf": ["Ben\\\\ Okafor"], "diaz": ["Ana\\\\ Díaz"], "ani": ["Ana\\\\ Díaz"]}
    return got == want, str(got)


CASES = [
    ("a full disk: log, new, import, init say cannot write", full_disk),
    ("a read-only file system: log, new, import, init say cannot write", read_only_disk),
    ("a note its owner made read-only (chmod 444, run as that user)", read_only_note_as_its_owner),
    ("a note in a folder its owner made read-only", note_in_a_read_only_folder_as_its_owner),
    ("a note with another hard link", hard_linked_note),
    ("init --detect --force on a read-only vaultkit.toml", read_only_config_with_detect_force),
    ("an editor saving every 20 ms while log runs", editor_saving_meanwhile),
    ("[[links]] and names Windows or Obsidian cannot take", names_at_the_shell),
    ("completion: chloe, okaf, diaz, an alias", completion_forms),
]
