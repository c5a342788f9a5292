"""Time `vaultkit report` on a big vault: cold, warm and after one edit, against a bare loop.

    python bench/report.py                 # builds /tmp/vaultkit-bench (100,000 notes) if missing
    python bench/report.py PATH --notes N --runs 3

The bare loop reads every `.md` and loads its front-matter with PyYAML's C
loader: nothing that reads a vault can do less. Every run is a fresh process
(start-up and imports included), after one untimed bare pass warms the page
cache; the best of --runs is kept. Peak RSS is the largest total over the
process and its workers, sampled from /proc every 50 ms (on Linux; elsewhere
the largest single process).

- cold: `vaultkit report` with an empty cache folder;
- warm: `vaultkit report` again, nothing changed;
- one edit: one ordinary note gets a line appended, then `vaultkit report`.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, nargs="?", default=Path("/tmp/vaultkit-bench"))
    parser.add_argument("--notes", type=int, default=100_000, help="size of the vault to build if missing")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each kind; the best is kept")
    args = parser.parse_args()
    root = args.root.resolve()
    if not (root / "vaultkit.toml").exists():
        sys.path.insert(0, str(HERE))
        from make_vault import build

        print(f"building {root} ({args.notes:,} notes)...", file=sys.stderr)
        build(root, args.notes)
    cache = Path(tempfile.mkdtemp(prefix="vaultkit-bench-cache-"))
    env = {**os.environ, "VAULTKIT_CACHE_DIR": str(cache)}
    report = [sys.executable, "-m", "vaultkit", "report", "--vault", str(root), "--today", "2026-11-20"]
    bare_argv = [sys.executable, "-c", BARE, str(root)]
    edited = sorted((root / "Notes").rglob("*.md"))[len(list((root / "Notes").iterdir())) // 2]
    original = edited.read_bytes()

    def empty_cache():
        shutil.rmtree(cache, ignore_errors=True)

    def edit():
        with open(edited, "ab") as handle:
            handle.write(b"\nOne more line from the benchmark.\n")

    try:
        timed(bare_argv, env)  # warm the page cache
        rows = {"bare loop (C loader)": best(args.runs, lambda: None, bare_argv, env)}
        rows["report, cold cache"] = best(args.runs, empty_cache, report, env)
        rows["report, warm cache"] = best(args.runs, lambda: None, report, env)
        rows["report, one note edited"] = best(args.runs, edit, report, env)
        rows["report --no-cache"] = best(1, lambda: None, [*report, "--no-cache"], env)
    finally:
        edited.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)

    notes = int(rows["bare loop (C loader)"]["stdout"])
    size = sum(p.stat().st_size for p in root.rglob("*.md")) / 1e6
    bare = rows["bare loop (C loader)"]["seconds"]
    targets = {"report, cold cache": 1.5, "report, warm cache": 0.25, "report, one note edited": 0.3}
    print(f"vault: {root} ({notes:,} notes, {size:.0f} MB)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; best of {args.runs}")
    print(f"{'':26}{'seconds':>9}{'x bare':>8}{'target':>8}{'peak RSS':>11}")
    for label, result in rows.items():
        target = f"{targets[label]:.2f}" if label in targets else ""
        print(f"{label:26}{result['seconds']:9.2f}{result['seconds'] / bare:8.2f}{target:>8}"
              f"{result['rss_mb']:8.0f} MB")
    met = all(rows[k]["seconds"] / bare <= v for k, v in targets.items()) and \
        all(r["rss_mb"] <= 400 for r in rows.values())
    print(f"every target met (and peak RSS at most 400 MB): {'yes' if met else 'NO'}")
    print(json.dumps({k: round(v["seconds"], 3) for k, v in rows.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()
