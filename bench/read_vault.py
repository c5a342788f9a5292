"""Time reading and modelling a vault against a bare loop that only loads front-matter.

    python bench/read_vault.py                 # builds /tmp/vaultkit-bench (100,000 notes) if missing
    python bench/read_vault.py PATH --notes N

The bare loop reads every `.md` and loads its front-matter with PyYAML's C
loader: nothing that reads a vault can do less. Each side runs in a fresh
process (for a clean peak RSS), after one untimed pass warms the page cache.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

BARE = r"""
import os, re, resource, sys, time, yaml
root = sys.argv[1]
start = time.perf_counter()
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
seconds = time.perf_counter() - start
print(f'{{"notes": {count}, "seconds": {seconds}, "rss_mb": {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}}')
"""

VAULTKIT = r"""
import resource, sys, time
start = time.perf_counter()
from vaultkit import load_vault
vault = load_vault(sys.argv[1])
seconds = time.perf_counter() - start
print(f'{{"notes": {vault.note_count}, "seconds": {seconds}, '
      f'"rss_mb": {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, '
      f'"contacts": {len(vault.contacts)}, "interviews": {len(vault.interviews)}, "touches": {len(vault.touches)}}}')
"""


def measure(code: str, root: Path, runs: int) -> dict:
    best = None
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout)
        if best is None or result["seconds"] < best["seconds"]:
            best = result
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, nargs="?", default=Path("/tmp/vaultkit-bench"))
    parser.add_argument("--notes", type=int, default=100_000, help="size of the vault to build if missing")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per side; the best is kept")
    args = parser.parse_args()
    if not (args.root / "vaultkit.toml").exists():
        sys.path.insert(0, str(HERE))
        from make_vault import build
        print(f"building {args.root} ({args.notes:,} notes)...", file=sys.stderr)
        build(args.root, args.notes)
    measure(BARE, args.root, 1)  # warm the page cache
    bare = measure(BARE, args.root, args.runs)
    ours = measure(VAULTKIT, args.root, args.runs)
    size = sum(p.stat().st_size for p in args.root.rglob("*.md")) / 1e6
    print(f"vault: {args.root} ({bare['notes']:,} notes, {size:.0f} MB; "
          f"{ours['contacts']} contacts, {ours['interviews']} interviews, {ours['touches']:,} touches)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"{'':24}{'seconds':>9}{'notes/s':>10}{'peak RSS':>11}")
    for label, r in (("bare loop (C loader)", bare), ("vaultkit load_vault", ours)):
        print(f"{label:24}{r['seconds']:9.2f}{r['notes'] / r['seconds']:10,.0f}{r['rss_mb']:9.0f} MB")
    print(f"ratio vaultkit / bare: {ours['seconds'] / bare['seconds']:.2f}x (target: at most 1.5x)")


if __name__ == "__main__":
    main()
