"""Time `vaultkit report` on a big vault: cold, warm and after one edit, against a bare loop and `git status`.

    python bench/report.py                 # builds /tmp/vaultkit-bench (100,000 notes) if missing
    python bench/report.py --short         # /tmp/vaultkit-bench-short: 100,000 notes of a few lines
    python bench/report.py PATH --notes N --runs 3

The bare loop reads every `.md` and loads its front-matter with PyYAML's C
loader: nothing that reads a vault can do less. Every run is a fresh process
(start-up and imports included), after one untimed bare pass warms the page
cache; --runs rounds each run every row once, and the best of each row is kept. Peak RSS is the largest total over the
process and its workers, sampled from /proc every 50 ms (on Linux; elsewhere
the largest single process).

- cold: `vaultkit report` with an empty cache folder;
- warm: `vaultkit report` again, nothing changed;
- one edit: one ordinary note (then one contact note) gets a line appended, then `vaultkit report`;
- check: `vaultkit check`, warm;
- git status: on the same vault, committed once (the bench makes it a git repository if it
  is not one): what a tool that only walks and stats can do.

vaultkit runs as an installed package does, from compiled modules: the bench lets Python
write them (it ignores PYTHONDONTWRITEBYTECODE), and the first cold run does.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BARE = r"""
import os, re, sys, yaml
root = sys.argv[1]
count = 0
close = re.compile(r"^---[ \t]*$", re.M)
for folder, dirs, files in os.walk(root):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("utf-8")
        count += 1
        if text.startswith("---\n"):
            m = close.search(text, 4)
            if m:
                yaml.load(text[4:m.start()], Loader=yaml.CSafeLoader)
print(count)
"""


def _tree_rss_kb(pid: int) -> int:
    """Resident KB of `pid` and its descendants, from /proc (0 where /proc is missing)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo += [child for child, parent in parents.items() if parent == current and child not in tree]
    return sum(rss.get(p, 0) for p in tree)


def timed(argv: list[str], env: dict) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out, err = process.communicate()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed:\n{err.decode()}")
    if not peak:  # no /proc: the largest process any run so far had, in KB (Linux) or bytes (macOS)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    return {"seconds": seconds, "rss_mb": peak / 1024, "stdout": out.decode()}


def best(runs: int, prepare, argv: list[str], env: dict) -> dict:
    results = []
    for _ in range(runs):
        prepare()
        results.append(timed(argv, env))
    return min(results, key=lambda r: r["seconds"])


def committed(root: Path) -> None:
    """Make `root` a git repository with every note committed, once, for the `git status` row."""
    if (root / ".git").exists():
        return
    print(f"committing {root} to git (once)...", file=sys.stderr)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-C", str(root)]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "bench vault"]):
        subprocess.run([*git, *args], check=True, stdout=subprocess.DEVNULL)


# (row, measured against, at most): the targets of issue 14
TARGETS = [
    ("report, cold cache", "bare loop (C loader)", 1.2),
    ("report, warm cache", "git status", 2.0),
    ("check, warm cache", "git status", 2.0),
    ("report, one note edited", "git status", 2.5),
    ("report, one contact edited", "git status", 3.0),
]
MAX_RSS_MB = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, nargs="?")
    parser.add_argument("--notes", type=int, default=100_000, help="size of the vault to build if missing")
    parser.add_argument("--short", action="store_true", help="a vault of short notes (bench/make_vault.py --short)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each kind; the best is kept")
    args = parser.parse_args()
    root = (args.root or Path("/tmp/vaultkit-bench-short" if args.short else "/tmp/vaultkit-bench")).resolve()
    if not (root / "vaultkit.toml").exists():
        sys.path.insert(0, str(HERE))
        from make_vault import build

        print(f"building {root} ({args.notes:,} notes)...", file=sys.stderr)
        build(root, args.notes, short_notes=args.short)
    committed(root)
    cache = Path(tempfile.mkdtemp(prefix="vaultkit-bench-cache-"))
    env = {**os.environ, "VAULTKIT_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once, not on every run
    command = [sys.executable, "-m", "vaultkit"]
    vault_args = ["--vault", str(root), "--today", "2026-11-20"]
    report = [*command, "report", *vault_args]
    bare_argv = [sys.executable, "-c", BARE, str(root)]
    edited = sorted((root / "Notes").rglob("*.md"))[len(list((root / "Notes").iterdir())) // 2]
    contact = sorted((root / "Contacts").glob("*.md"))[0]
    originals = {path: path.read_bytes() for path in (edited, contact)}

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    def edit(path: Path, line: bytes):
        def append():
            with open(path, "ab") as handle:
                handle.write(line)
        return append

    # One round runs every row once, in this order (each warm row after the cold one); the best of
    # --runs rounds is kept. Rounds, not one row at a time: on a shared machine the load changes,
    # and a ratio is only fair between runs made under the same load.
    plan = [
        ("bare loop (C loader)", lambda: None, bare_argv),
        ("git status", lambda: None, ["git", "-C", str(root), "status", "--short"]),
        ("report, cold cache", empty_cache, report),
        ("report, warm cache", lambda: None, report),
        ("check, warm cache", lambda: None, [*command, "check", *vault_args]),
        ("report, one note edited", edit(edited, b"\nOne more line.\n"), report),
        ("report, one contact edited", edit(contact, b"\n- 2026-11-19 #reply one more touch\n"), report),
    ]
    try:
        timed(bare_argv, env)  # warm the page cache
        runs: dict[str, list[dict]] = {label: [] for label, _, _ in plan}
        for _ in range(args.runs):
            for label, prepare, argv in plan:
                prepare()
                runs[label].append(timed(argv, env))
        rows = {label: min(results, key=lambda r: r["seconds"]) for label, results in runs.items()}
        rows["report --no-cache"] = best(1, lambda: None, [*report, "--no-cache"], env)
    finally:
        for path, content in originals.items():
            path.write_bytes(content)
        shutil.rmtree(cache, ignore_errors=True)

    notes = int(rows["bare loop (C loader)"]["stdout"])
    size = sum(p.stat().st_size for p in root.rglob("*.md")) / 1e6
    bare = rows["bare loop (C loader)"]["seconds"]
    git = rows["git status"]["seconds"]
    print(f"vault: {root} ({notes:,} notes, {size:.0f} MB)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; best of {args.runs}")
    print(f"{'':28}{'seconds':>8}{'x bare':>8}{'x git':>7}{'target':>13}{'peak RSS':>10}")
    targets = {row: (base, limit) for row, base, limit in TARGETS}
    met = []
    for label, result in rows.items():
        target = ""
        if label in targets:
            base, limit = targets[label]
            ratio = result["seconds"] / rows[base]["seconds"]
            met.append(ratio <= limit)
            target = f"{limit:.1f}x {'bare' if base.startswith('bare') else 'git'}" + (" ok" if met[-1] else " NO")
        print(f"{label:28}{result['seconds']:8.2f}{result['seconds'] / bare:8.2f}{result['seconds'] / git:7.1f}"
              f"{target:>13}{result['rss_mb']:7.0f} MB")
    rss_ok = all(r["rss_mb"] <= MAX_RSS_MB for r in rows.values())
    print(f"every target met (and peak RSS at most {MAX_RSS_MB} MB): {'yes' if all(met) and rss_ok else 'NO'}")
    print(json.dumps({k: round(v["seconds"], 3) for k, v in rows.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()
