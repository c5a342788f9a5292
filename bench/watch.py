"""Time `vaultkit watch` from one saved note to rewritten outputs, on a big vault.

    python bench/watch.py                  # builds /tmp/vaultkit-bench-heavy (100,000 notes) if missing
    python bench/watch.py PATH --edits 10

Starts the daemon in this process (inotify, default 300 ms quiet window),
waits for the first report and its catch-up check, then saves one contact
note at a time with an atomic rename, as editors do, and measures until the
refresh that follows has rewritten the outputs. The figure includes the wait
for events to settle (50 ms for a save of one note); the line below it is the
refresh alone (check the note, rebuild the model, rules, render, write).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path, nargs="?", default=Path("/tmp/vaultkit-bench-heavy"))
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--debounce", type=int, default=300, help="quiet window in ms")
    args = parser.parse_args()
    root = args.root.resolve()
    if not (root / "vaultkit.toml").exists():
        sys.path.insert(0, str(HERE))
        from make_vault import build

        build(root, args.notes)
    os.environ.setdefault("VAULTKIT_CACHE_DIR", tempfile.mkdtemp(prefix="vaultkit-bench-cache-"))
    from vaultkit.watch.daemon import Daemon
    from vaultkit.watch.session import Session

    refreshes = []
    done = threading.Event()

    def on_refresh(refresh) -> None:
        refreshes.append(refresh)
        if refresh.report is not None:
            done.set()

    session = Session(root)
    daemon = Daemon(session, lambda line: None, quiet=args.debounce / 1000, on_refresh=on_refresh)
    start = time.perf_counter()
    daemon.start()
    while not refreshes:
        time.sleep(0.01)
    print(f"vault: {root} ({session.index.note_count:,} notes); first report {time.perf_counter() - start:.1f} s")
    time.sleep(3)  # let the catch-up check after the first report finish
    contacts = sorted((root / "Contacts").glob("*.md"))
    followups = root / "vaultkit" / "Follow-ups.md"
    latencies, work = [], []
    originals = {}
    try:
        for i in range(args.edits):
            note = contacts[i * 7 % len(contacts)]
            originals.setdefault(note, note.read_bytes())
            marker = f"bench-{os.getpid()}-{i}"
            text = note.read_text(encoding="utf-8") + f"\n- 2026-11-19 #reply {marker}\n"
            done.clear()
            temp = note.with_name(f".{note.name}.tmp")
            temp.write_text(text, encoding="utf-8")
            edited = time.perf_counter()
            os.replace(temp, note)
            done.wait()  # no polling loop here: it would take the GIL from the refresh it measures
            latencies.append(time.perf_counter() - edited)
            work.append(refreshes[-1].seconds)
            assert followups.exists()
            time.sleep(args.debounce / 1000 + 0.2)
    finally:
        daemon.stop()
        for note, data in originals.items():
            note.write_bytes(data)
    ms = [x * 1000 for x in latencies]
    print(f"edit -> outputs rewritten: median {statistics.median(ms):.0f} ms, worst {max(ms):.0f} ms "
          f"over {len(ms)} edits (includes the settle wait)")
    print(f"refresh work alone:        median {statistics.median(work) * 1000:.0f} ms, "
          f"worst {max(work) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
