"""Time reading every note's front-matter with vaultkit's reader and with python-frontmatter.

    python bench/frontmatter_speed.py                 # sample-vault, and 10,000 notes made by make_vault.py
    python bench/frontmatter_speed.py PATH ...        # any folders of notes

Both get each note's bytes from memory and read the same text: vaultkit with `decode` and
`read_front_matter` (what `parse_note` does before the body), python-frontmatter with
`frontmatter.loads` (what `frontmatter.load(path)` does after reading the file). Both load
YAML with PyYAML's libyaml (C) safe loader. Best of five runs, one core. python-frontmatter
is a test dependency: `pip install -e '.[test]'`.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import frontmatter
import yaml

from vaultkit.index.frontmatter import read_front_matter
from vaultkit.index.note import decode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_vault  # noqa: E402  (a sibling script, not a package)


def ours(notes: list[bytes]) -> None:
    for data in notes:
        text, problem = decode("n.md", data)
        if text is not None:
            read_front_matter("n.md", text)


def theirs(notes: list[bytes]) -> None:
    for data in notes:
        try:
            frontmatter.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError):
            pass  # python-frontmatter raises on a broken block; vaultkit reports it


def best(read, notes: list[bytes], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read(notes)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="*")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folders = args.folders
        if not folders:
            made = Path(scratch) / "vault"
            make_vault.build(made, 10_000)
            folders = [HERE.parent / "sample-vault", made]
        print(f"{'notes':>8} {'vaultkit':>10} {'python-frontmatter':>19} {'ratio':>6}  folder")
        for folder in folders:
            notes = [p.read_bytes() for p in sorted(folder.rglob("*.md"))]
            mine, other = best(ours, notes), best(theirs, notes)
            print(f"{len(notes):>8,} {mine * 1000:>8.1f}ms {other * 1000:>17.1f}ms {other / mine:>5.1f}x  {folder}")


if __name__ == "__main__":
    main()
