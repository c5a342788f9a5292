"""Issue 13, items 5 and 7 (names): runaway user templates, and names too long in bytes."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from ._kit import ROOT, contact, interview, make_vault, vaultkit

THANKS = "Templates/vaultkit/thank-you.md"
TODAY = "2026-11-20"


def _owing(extra: dict[str, str] | None = None) -> dict[str, str]:
    return dict([contact("Ana"), interview("i", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a point\n"),
                 *(extra or {}).items()])


def _runaway(tmp: Path, template: str, says: str, seconds: float) -> tuple[bool, str]:
    root = make_vault(tmp, _owing({THANKS: template}))
    start = time.monotonic()
    run = vaultkit("report", "--vault", str(root), "--today", TODAY, timeout=60)
    took = time.monotonic() - start
    draft = root / "vaultkit" / "Drafts" / "Thank you - i.md"
    size = draft.stat().st_size if draft.exists() else 0
    ok = (run.code == 0 and not run.crashed and says in run.err and "using the built-in thank-you.md" in run.err
          and 0 < size < 10_000 and took < seconds)
    line = next((ln for ln in run.err.splitlines() if THANKS in ln), run.err.strip()[-120:])
    return ok, f"exit {run.code} in {took:.1f} s, draft {size} bytes: {line}"


def nested_range_loops(tmp):
    return _runaway(tmp, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
                    "loops more than", 15)


def loops_over_a_set_range(tmp):
    return _runaway(tmp, "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}\n",
                    "loops more than", 15)


def string_times_200_million(tmp):
    return _runaway(tmp, "{{ 'x' * 200000000 }}\n", "makes a value of more than", 15)


def doubling_with_tilde(tmp):
    return _runaway(tmp, "{% set ns = namespace(s='x') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
                         "{% endfor %}{{ ns.s }}\n", "makes a value of more than", 15)


def padding_a_billion(tmp):
    return _runaway(tmp, "{{ 'x'.ljust(10**9) }}{{ '%0999999999d' % 1 }}\n", "makes a value of more than", 15)


def writes_ten_megabytes(tmp):
    return _runaway(tmp, "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}\n", "writes more than", 15)


def exponential_macro(tmp):
    return _runaway(tmp, "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
                         "{{ f(60) }}\n", "took longer than 2 s", 15)


def check_reports_runaway(tmp):
    root = make_vault(tmp, _owing({THANKS: "Hi\n{% for i in range(100000) %}{% for j in range(100000) %}"
                                           "{% endfor %}{% endfor %}\n"}))
    run = vaultkit("check", "--vault", str(root), timeout=60)
    want = f"{THANKS}:2: error: template loops more than 1,000,000 times; using the built-in thank-you.md instead"
    return run.code == 1 and want in run.out, f"exit {run.code}: {run.out.strip()[-160:]}"


def watch_survives_runaway(tmp):
    root = make_vault(tmp, _owing())
    command = [sys.executable, "-m", "vaultkit", "watch", "--poll", "--vault", str(root), "--today", TODAY]
    log = tmp / "watch.log"
    with open(log, "w") as out:
        daemon = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True,
                                  env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
        try:
            _wait_for(log, "Watching", 30)
            time.sleep(1)
            (root / THANKS).parent.mkdir(parents=True, exist_ok=True)
            (root / THANKS).write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                                       "{% endfor %}\n", encoding="utf-8")
            seen = _wait_for(log, "loops more than", 30)
            alive = daemon.poll() is None
        finally:
            daemon.terminate()
            daemon.wait(10)
    text = log.read_text(errors="replace")
    return seen and alive and "Traceback" not in text, text.strip().splitlines()[-1][:160] if text.strip() else "no log"


def _wait_for(log: Path, text: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in log.read_text(errors="replace"):
            return True
        time.sleep(0.2)
    return False


def draft_name_too_long_in_bytes(tmp):
    long = "面" * 79
    root = make_vault(tmp, dict([contact("Ana"),
                                 interview(long, "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a\n"),
                                 interview(long[:-1] + "木", "contact: '[[Ana]]'\ndate: 2026-10-11\n"),
                                 interview("short", "contact: '[[Ana]]'\ndate: 2026-10-12\n")]))
    run = vaultkit("report", "--vault", str(root), "--today", TODAY)
    names = sorted(p.name for p in (root / "vaultkit" / "Drafts").glob("*.md"))
    longest = max((len(n.encode()) for n in names), default=0)
    ok = run.code == 0 and not run.crashed and len(names) == 3
    return ok, f"exit {run.code}, {len(names)} drafts, longest name {longest} bytes {run.err.strip()[-100:]}"


def new_contact_seventy_emoji(tmp):
    root = make_vault(tmp, {})
    name = "😀" * 70
    run = vaultkit("new", "contact", name, "--vault", str(root))
    files = list((root / "Contacts").glob("*.md")) if (root / "Contacts").is_dir() else []
    kept = bool(files) and f'name: "{name}"' in files[0].read_text(encoding="utf-8")
    size = len(files[0].name.encode()) if files else 0
    return run.code == 0 and kept, f"exit {run.code}, file name {size} bytes, full name kept: {kept} " \
                                   f"{(run.out + run.err).strip()[-80:]}"


def new_interview_long_name(tmp):
    root = make_vault(tmp, {})
    name = "面" * 100
    run = vaultkit("new", "interview", name, "--date", "2026-12-01", "--create-contact", "--vault", str(root))
    check = vaultkit("check", "--vault", str(root))
    notes = sorted(p.name for p in root.rglob("*.md"))
    return (run.code == 0 and check.code == 0 and len(notes) == 2,
            f"exit {run.code}, check exit {check.code}, {len(notes)} notes {(run.err + check.out).strip()[-100:]}")


CASES = [
    ("nested range() loops in a template", nested_range_loops),
    ("nested loops over one range", loops_over_a_set_range),
    ("{{ 'x' * 200000000 }}", string_times_200_million),
    ("a string doubled with ~ in a loop", doubling_with_tilde),
    ("ljust(10**9) and %0999999999d", padding_a_billion),
    ("a template writing 10 MB", writes_ten_megabytes),
    ("a macro calling itself twice, 60 deep", exponential_macro),
    ("check reports a runaway template", check_reports_runaway),
    ("watch keeps going after a runaway template", watch_survives_runaway),
    ("interviews named with 79 x 面", draft_name_too_long_in_bytes),
    ("new contact with 70 emoji", new_contact_seventy_emoji),
    ("new interview --create-contact with 100 x 面", new_interview_long_name),
]
