"""Re-runs the hostile and out-of-range cases of issue 13, one line per case.

Each module in bench/hostile_cases/ holds a list CASES of (name, function); a
function gets a fresh temporary folder and returns (passed, detail). Every case
runs vaultkit as a user would, as a separate process.

    python bench/hostile.py            # every case
    python bench/hostile.py output     # only cases whose name contains "output"
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str]) -> int:
    import hostile_cases

    wanted = argv[0] if argv else ""
    failed = total = 0
    for info in sorted(pkgutil.iter_modules(hostile_cases.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"hostile_cases.{info.name}")
        for name, case in module.CASES:
            label = f"{info.name}: {name}"
            if wanted not in label:
                continue
            total += 1
            start = time.monotonic()
            with tempfile.TemporaryDirectory(prefix="vaultkit-hostile-") as tmp:
                os.environ["VAULTKIT_CACHE_DIR"] = str(Path(tmp) / "cache")  # each case its own cache
                try:
                    passed, detail = case(Path(tmp))
                except Exception as exc:  # a broken case is a failed case, and the rest still run
                    passed, detail = False, f"case raised {type(exc).__name__}: {exc}"
            failed += not passed
            print(f"{'ok  ' if passed else 'FAIL'} {label} ({time.monotonic() - start:.1f} s): {detail}", flush=True)
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
