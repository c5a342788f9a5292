"""Time `vaultkit report` and `check` on big vaults: cold, warm and after one edit, against a bare loop and `git status`.

    python bench/report.py                       # short, heavy and mixed vaults of 100,000 notes, side by side
    python bench/report.py --shape short --runs 5
    python bench/report.py --shape mixed --notes 20000
    python bench/report.py --vault PATH          # a vault of your own (it is committed to git once)
    python bench/report.py --code /tmp/old --code .   # two vaultkits' source trees, side by side

Each shape's vault is built by bench/make_vault.py at /tmp/vaultkit-bench-SHAPE if missing:
short (100,000 notes of a few lines), heavy (about 1.2 KB a note), mixed (25 folders deep and
shallow, 300 contacts with 3,000 interviews, 2% of the notes with broken front-matter).

The bare loop reads every `.md` and loads its front-matter with PyYAML's C loader (a note
whose front-matter does not parse costs it the attempt): nothing that reads a vault can do
less. Every run is a fresh process (start-up and imports included), after one untimed bare
pass warms the page cache. A round runs every row once on every vault, one vault after the
other, so that each ratio compares runs made under the same load; --runs rounds, and each
row's minimum and median are printed (the targets are judged on the minimum, and on the
median of the ratios too). Peak RSS is the largest total over the process and its workers,
sampled from /proc every 50 ms (on Linux; elsewhere the largest single process).

- cold: `vaultkit report` with an empty cache folder;
- warm: `vaultkit report` again, nothing changed; check: `vaultkit check`, warm;
- one edit: one ordinary note (then one contact note) gets a line appended, then `vaultkit report`;
- git status: on the same vault, committed once: what a tool that only walks and stats can do.

vaultkit runs as an installed package does, from compiled modules: the bench lets Python
write them (it ignores PYTHONDONTWRITEBYTECODE), and the first cold run does. Last, it
prints the lines of vaultkit's speed machinery (MACHINERY below).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent

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
                try:
                    yaml.load(text[4:m.start()], Loader=yaml.CSafeLoader)
                except yaml.YAMLError:
                    pass
print(count)
"""

# (row, measured against, at most): the targets of issue 28
TARGETS = [
    ("report, cold cache", "bare loop (C loader)", 1.2),
    ("report, warm cache", "git status", 3.0),
    ("check, warm cache", "git status", 3.0),
    ("report, one note edited", "git status", 3.5),
    ("report, one contact edited", "git status", 3.5),
]
MAX_RSS_MB = 300

# The code that is there only for speed: the parse cache and its index, the parallel cold
# read, the whole-run memo. Everything else would read the vault the same way without it.
MACHINERY = ["vaultkit/index/cache.py", "vaultkit/index/cache_path.py", "vaultkit/index/cache_peek.py",
             "vaultkit/index/snapshot.py", "vaultkit/index/vault_index.py", "vaultkit/index/parallel.py",
             "vaultkit/index/stats.py", "vaultkit/memo.py", "vaultkit/output/rendered.py", "vaultkit/model/known_facts.py", "vaultkit/index/pickled.py", "vaultkit/outcome.py", "vaultkit/reuse.py",
             "vaultkit/entry.py"]


def machinery_lines(source: Path) -> list[tuple[str, int]]:
    """(module, lines) of each speed module that `source` holds."""
    found = []
    for rel in MACHINERY:
        path = source / rel
        if path.is_file():
            found.append((rel, len(path.read_bytes().splitlines())))
    return found


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
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:  # not pipes: `check` may print 200 KB
        start = time.perf_counter()
        # in the source tree: `python -m` looks in the current folder before PYTHONPATH
        process = subprocess.Popen(argv, env=env, stdout=out, stderr=err, cwd=env.get("PYTHONPATH"))
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed:\n{stderr.decode()}")
    if not peak:  # no /proc: the largest process any run so far had, in KB (Linux) or bytes (macOS)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    return {"seconds": seconds, "rss_mb": peak / 1024, "stdout": stdout.decode()}


def committed(root: Path) -> None:
    """Make `root` a git repository with every note committed, once, for the `git status` row."""
    if (root / ".git").exists():
        return
    print(f"committing {root} to git (once)...", file=sys.stderr)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-C", str(root)]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "bench vault"]):
        subprocess.run([*git, *args], check=True, stdout=subprocess.DEVNULL)


class Bench:
    """One vault's rows: what each runs, and the runs so far."""

    def __init__(self, name: str, root: Path, env: dict, python: str):
        self.name, self.root = name, root
        self.cache = Path(tempfile.mkdtemp(prefix="vaultkit-bench-cache-"))
        self.env = {**env, "VAULTKIT_CACHE_DIR": str(self.cache)}
        command = [python, "-m", "vaultkit"]
        vault_args = ["--vault", str(root), "--today", "2026-11-20"]
        report = [*command, "report", *vault_args]
        self.bare = [python, "-c", BARE, str(root)]
        notes = root / "Notes"
        edited = sorted(notes.rglob("*.md"))[len(list(notes.iterdir())) // 2]
        contact = sorted((root / "Contacts").glob("*.md"))[0]
        self.originals = {path: path.read_bytes() for path in (edited, contact)}
        self.plan = [
            ("bare loop (C loader)", lambda: None, self.bare),
            ("git status", lambda: None, ["git", "-C", str(root), "status", "--short"]),
            ("report, cold cache", self.empty_cache, report),
            ("report, warm cache", lambda: None, report),
            ("check, warm cache", lambda: None, [*command, "check", *vault_args]),
            ("report, one note edited", _append(edited, b"\nOne more line.\n"), report),
            ("report, one contact edited", _append(contact, b"\n- 2026-11-19 #reply one more touch\n"), report),
            ("report --no-cache", lambda: None, [*report, "--no-cache"]),
        ]
        self.runs: dict[str, list[dict]] = {label: [] for label, _, _ in self.plan}

    def empty_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)

    def round(self, first: bool) -> None:
        for label, prepare, argv in self.plan:
            if label == "report --no-cache" and not first:
                continue  # for comparison only: once is enough
            prepare()
            self.runs[label].append(timed(argv, self.env))

    def restore(self) -> None:
        for path, content in self.originals.items():
            path.write_bytes(content)
        shutil.rmtree(self.cache, ignore_errors=True)

    def table(self, rounds: int) -> tuple[list[str], bool]:
        """The printed table, and whether every target was met."""
        seconds = {label: [r["seconds"] for r in runs] for label, runs in self.runs.items()}
        low = {label: min(values) for label, values in seconds.items()}
        mid = {label: statistics.median(values) for label, values in seconds.items()}
        bare, git = "bare loop (C loader)", "git status"
        notes = int(self.runs[bare][0]["stdout"])
        size = sum(p.stat().st_size for p in self.root.rglob("*.md")) / 1e6
        lines = [f"{self.name}: {self.root} ({notes:,} notes, {size:.0f} MB); {rounds} rounds",
                 f"{'':28}{'min s':>7}{'median':>8}{'x bare':>8}{'x git':>7}{'median x':>10}{'target':>14}"
                 f"{'peak RSS':>10}"]
        targets = {row: (base, limit) for row, base, limit in TARGETS}
        met = []
        for label in self.runs:
            target = ratio_mid = ""
            if label in targets:
                base, limit = targets[label]
                ratios = [a / b for a, b in zip(seconds[label], seconds[base])]  # each against its own round
                ratio_mid = f"{statistics.median(ratios):.2f}x"
                ok = low[label] / low[base] <= limit
                met.append(ok)
                target = f"{limit:.1f}x {'bare' if base == bare else 'git'}" + (" ok" if ok else " NO")
            rss = max(r["rss_mb"] for r in self.runs[label])
            lines.append(f"{label:28}{low[label]:7.2f}{mid[label]:8.2f}{low[label] / low[bare]:8.2f}"
                         f"{low[label] / low[git]:7.2f}{ratio_mid:>10}{target:>14}{rss:7.0f} MB")
        rss_ok = all(r["rss_mb"] <= MAX_RSS_MB for runs in self.runs.values() for r in runs)
        return lines, all(met) and rss_ok


def _append(path: Path, line: bytes):
    def append() -> None:
        with open(path, "ab") as handle:
            handle.write(line)
    return append


def vault_for(shape: str, notes: int) -> Path:
    root = Path(f"/tmp/vaultkit-bench-{shape}")
    if not (root / "vaultkit.toml").exists():
        sys.path.insert(0, str(HERE))
        from make_vault import build

        print(f"building {root} ({notes:,} notes, {shape})...", file=sys.stderr)
        build(root, notes, shape=shape)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", action="append", choices=["short", "heavy", "mixed"],
                        help="a vault shape to time (repeatable); default: all three")
    parser.add_argument("--vault", type=Path, action="append", default=[], help="a vault of your own to time")
    parser.add_argument("--notes", type=int, default=100_000, help="size of the vaults to build if missing")
    parser.add_argument("--runs", type=int, default=3, help="rounds; each row's minimum and median are kept")
    parser.add_argument("--code", type=Path, action="append", default=[],
                        help="time the vaultkit of this source tree (repeatable: each is timed in every round, "
                        "for a before and after); default: this one")
    args = parser.parse_args()
    vaults = [(shape, vault_for(shape, args.notes)) for shape in (args.shape or ([] if args.vault else
                                                                                   ["short", "heavy", "mixed"]))]
    vaults += [(path.name, path.resolve()) for path in args.vault]
    sources = [code.resolve() for code in args.code] or [SOURCE]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))  # the notes edited are put back all the same
    benches = []
    try:
        for name, root in vaults:
            committed(root)
            for source in sources:
                env = {**os.environ, "PYTHONPATH": str(source)}
                env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once, not on every run
                label = name if len(sources) == 1 else f"{name}, {source}"
                benches.append(Bench(label, root, env, sys.executable))
        timed(benches[0].bare, benches[0].env)  # warm the page cache (each vault's first round warms its own)
        for number in range(args.runs):
            for bench in benches:
                bench.round(first=number == 0)
    finally:
        for bench in benches:
            bench.restore()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; load average before the runs {load:.1f}")
    every = True
    for bench in benches:
        lines, met = bench.table(args.runs)
        every = every and met
        print("\n".join(["", *lines]))
        print(json.dumps({k: [round(r["seconds"], 3) for r in v] for k, v in bench.runs.items()}), file=sys.stderr)
    for source in sources:
        modules = machinery_lines(source)
        print(f"\nspeed machinery of {source}: {sum(n for _, n in modules):,} lines in {len(modules)} modules: "
              + ", ".join(f"{rel.removeprefix('vaultkit/')} {n}" for rel, n in modules))
    print(f"every target met (and peak RSS at most {MAX_RSS_MB} MB): {'yes' if every else 'NO'}")


if __name__ == "__main__":
    main()
