"""Issue 13, items 3 and 4: a note name that is not UTF-8, and workers left alive by a killed `report`."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ._kit import ROOT, make_vault, vaultkit

ANA = "---\ntype: contact\nname: Ana\n---\n## Log\n- 2026-01-02 #outreach hello\n"
LINE = "Contacts/caf\\xe9.md:1: error: file name is not UTF-8; rename it (vaultkit cannot link to it); skipped"


def _latin1_vault(tmp: Path, raw_rel: bytes = b"Contacts/caf\xe9.md") -> Path:
    root = make_vault(tmp, {"Contacts/Ana.md": ANA}, config="[me]\nname = \"Sam Seeker\"\n")  # signed: one problem only
    path = os.path.join(os.fsencode(root), raw_rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b"---\ntype: contact\n---\n")
    return root


def name_in_check(tmp: Path):
    root = _latin1_vault(tmp)
    runs = [vaultkit("check", "--vault", str(root), *flags) for flags in ([], [], ["--no-cache"])]
    bad = [r for r in runs if r.crashed or r.code != 1 or r.out.splitlines() != [LINE]
           or "Checked 1 note (1 contact" not in r.err]
    return not bad, f"exit {[r.code for r in runs]}; {runs[0].out.strip() or runs[0].err.strip()[:120]}"


def name_in_report(tmp: Path):
    root = _latin1_vault(tmp)
    details = []
    for flags in ([], [], ["--no-cache"]):
        md = vaultkit("report", "--vault", str(root), "--today", "2026-03-01", *flags)
        js = vaultkit("report", "--vault", str(root), "--today", "2026-03-01", "--format", "json", *flags)
        if md.crashed or js.crashed or md.code or js.code:
            return False, f"exit {md.code}/{js.code}: {(md.err or js.err).strip()[:160]}"
        facts = json.loads(js.out)
        details.append(f"{[a['contact'] for a in facts['actions'] if a['contact']]} "
                       f"{[p['path'] for p in facts['problems']]}")
    ok = all(d == "['Ana'] ['Contacts/caf\\\\xe9.md']" for d in details)
    return ok, f"md and json, cached and not: Ana planned, problem {details[0].split(' ', 1)[1]}"


def folder_name(tmp: Path):
    root = _latin1_vault(tmp, b"Contacts/Caf\xe9/Bea.md")
    run = vaultkit("check", "--vault", str(root))
    ok = not run.crashed and run.code == 1 and "folder name 'Caf\\xe9' is not UTF-8" in run.out
    return ok, f"exit {run.code}: {run.out.strip()[:110]}"


def vault_under_such_folder(tmp: Path):
    root = make_vault(Path(os.fsdecode(os.path.join(os.fsencode(tmp), b"caf\xe9"))), {"Contacts/Ana.md": ANA})
    runs = [vaultkit(*args, "--vault", str(root)) for args in (["check"], ["check"], ["report"])]
    ok = all(not r.crashed and r.code == 0 for r in runs)
    return ok, f"exit {[r.code for r in runs]} (cache written, then read)"


def terminal_not_utf8(tmp: Path):
    root = _latin1_vault(tmp)
    (root / "Notes").mkdir()
    (root / "Notes" / "王.md").write_text("---\nfoo: [\n---\n", encoding="utf-8")
    run = vaultkit("check", "--vault", str(root), env={"PYTHONIOENCODING": "latin-1"})
    ok = not run.crashed and run.code == 1 and "Notes/\\u738b.md:3: error" in run.out
    return ok, f"latin-1 stdout, exit {run.code}: {run.out.splitlines()[-1][:60] if run.out else run.err[:100]}"


def _children(pid: int) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(name))
            except (OSError, IndexError, ValueError):
                pass
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _workers_after(tmp: Path, signum: int):
    if not sys.platform.startswith("linux"):
        return True, "skipped: reads /proc"
    files = {f"Notes/{i % 30}/N{i}.md": f"---\ntags: [a]\n---\n# N{i}\n\nwords [[N{i - 1}]]\n" for i in range(3000)}
    root = make_vault(tmp, files)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with open(tmp / "out", "wb") as out:
        parent = subprocess.Popen([sys.executable, "-m", "vaultkit", "report", "--no-cache", "--vault", str(root)],
                                  stdout=out, stderr=out, env=env)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            workers = _children(parent.pid)
            time.sleep(0.002)
        if len(workers) < 2:
            return False, f"saw {len(workers)} workers before report ended (exit {parent.poll()})"
        parent.send_signal(signum)
        parent.wait(10)
        killed = time.monotonic()
        while any(map(_alive, workers)) and time.monotonic() - killed < 5:
            time.sleep(0.01)
        left = [pid for pid in workers if _alive(pid)]
        return not left, (f"{len(workers)} workers gone {time.monotonic() - killed:.2f} s after the parent"
                          if not left else f"{len(left)} of {len(workers)} workers alive 5 s after the parent")
    finally:
        parent.kill()
        for pid in filter(_alive, workers):
            os.kill(pid, signal.SIGKILL)


CASES = [
    ("name not UTF-8: check, with and without cache", name_in_check),
    ("name not UTF-8: report md and json, with and without cache", name_in_report),
    ("folder name not UTF-8", folder_name),
    ("vault inside a folder whose name is not UTF-8", vault_under_such_folder),
    ("a stdout that cannot encode a name", terminal_not_utf8),
    ("workers after SIGKILL to report", lambda tmp: _workers_after(tmp, signal.SIGKILL)),
    ("workers after SIGTERM to report", lambda tmp: _workers_after(tmp, signal.SIGTERM)),
    ("workers after SIGHUP to report", lambda tmp: _workers_after(tmp, signal.SIGHUP)),
]
