"""Issue 13 items 2 and 11: one out-of-range value, or one odd character, in one note.

Each vault holds a healthy contact (Ana, met in an interview, so she has actions) next to
the hostile note. A case passes when `report` does not crash, Ana's actions still come out,
and `check` names the hostile value at its `path:line` (or an option says `Error:`).
"""
from __future__ import annotations

from pathlib import Path

from ._kit import contact, interview, make_vault, vaultkit

TODAY = "2026-11-20"
HEALTHY = dict([
    contact("Ana", "company: Northwind\n", "## Log\n- 2026-10-01 #reply said hello\n"),
    interview("2026-10-20 Ana", "contact: \"[[Ana]]\"\ndate: 2026-10-20\nstatus: done\n"),
])


def _vault(tmp: Path, files: dict, config: str = "") -> Path:
    return make_vault(tmp, {**HEALTHY, **files}, config)


def _report_and_check(root: Path, wanted: str, today: str = TODAY) -> tuple[bool, str]:
    """Report must run and still list Ana; check must print `wanted` (a `path:line:` prefix)."""
    report = vaultkit("report", "--vault", str(root), "--today", today, "--format", "json")
    if report.crashed:
        return False, f"report crashed (exit {report.code}): {report.err.strip().splitlines()[-1:]}"
    if "Ana" not in report.out:
        return False, f"report exit {report.code} lost Ana's actions"
    check = vaultkit("check", "--vault", str(root))
    if check.crashed:
        return False, f"check crashed (exit {check.code})"
    lines = [ln for ln in check.out.splitlines() if ln.startswith(wanted)]
    if not lines:
        return False, f"check (exit {check.code}) says nothing at {wanted!r}: {check.out.strip()[:200]!r}"
    return True, lines[0][:120]


def _note_case(files: dict, wanted: str, config: str = ""):
    def case(tmp: Path) -> tuple[bool, str]:
        return _report_and_check(_vault(tmp, files, config), wanted)
    return case


def _config_case(config: str, wanted: str):
    """A config value out of range: `Error:` naming the line (exit 2), never a crash."""
    def case(tmp: Path) -> tuple[bool, str]:
        root = _vault(tmp, {}, config)
        run = vaultkit("report", "--vault", str(root), "--today", TODAY)
        if run.crashed:
            return False, f"report crashed (exit {run.code})"
        if run.code != 2 or wanted not in run.err:
            return False, f"exit {run.code}, stderr {run.err.strip()[:160]!r}"
        return True, run.err.strip().splitlines()[0][:120]
    return case


def _today_case(tmp: Path) -> tuple[bool, str]:
    run = vaultkit("report", "--vault", str(_vault(tmp, {})), "--today", "9999-12-20")
    if run.crashed:
        return False, f"report crashed (exit {run.code})"
    if run.code != 2 or "Error:" not in run.err:
        return False, f"exit {run.code}, stderr {run.err.strip()[:160]!r}"
    return True, run.err.strip().splitlines()[-1][:120]


def _newline_path_case(tmp: Path) -> tuple[bool, str]:
    root = _vault(tmp, {"Contacts/Bad\nname.md": "---\ntype: contact\nstatus: do-not-contat\n---\n"})
    run = vaultkit("check", "--vault", str(root))
    if run.crashed:
        return False, f"check crashed (exit {run.code})"
    lines = [ln for ln in run.out.splitlines() if "do-not-contat" in ln]
    if len(lines) != 1 or not lines[0].startswith("Contacts/Bad\\nname.md:3: error:"):
        return False, f"check printed {run.out!r}"
    return True, lines[0][:120]


def _separator_case(char: str):
    def case(tmp: Path) -> tuple[bool, str]:
        front = (f"company: North{char}wind\nrole: a{char}b\nfield: x{char}y\nemail: e\nphone: p\n"
                 "status: do-not-contat\n")
        root = _vault(tmp, {"Contacts/Sep.md": f"---\ntype: contact\n{front}---\n"})
        return _report_and_check(root, "Contacts/Sep.md:8: error:")
    return case


_C = "Contacts/Far.md"
_I = "Interviews/Far.md"
CASES = [
    ("stay_in_touch: 999999999", _note_case(dict([contact("Far", "stay_in_touch: 999999999\n",
                                                          "## Log\n- 2026-10-01 #reply hi\n")]), f"{_C}:3:")),
    ("stay_in_touch: 99999999m", _note_case(dict([contact("Far", "stay_in_touch: 99999999m\n",
                                                          "## Log\n- 2026-10-01 #reply hi\n")]), f"{_C}:3:")),
    ("stay_in_touch: 20 digits", _note_case(dict([contact("Far", "stay_in_touch: 12345678901234567890\n",
                                                          "## Log\n- 2026-10-01 #reply hi\n")]), f"{_C}:3:")),
    ("duration: 99999999999", _note_case(dict([interview("Far", "contact: Ana\ndate: 2026-12-01\ntime: '10:00'\n"
                                                                "duration: 99999999999\n")]), f"{_I}:6:")),
    ("a 5,000-digit number", _note_case(dict([interview("Far", "contact: Ana\ndate: 2026-12-01\ntime: '10:00'\n"
                                                               f"duration: {'9' * 5000}\n")]), f"{_I}:6:")),
    ("interview date 9999-12-31", _note_case(dict([interview("Far", "contact: Ana\ndate: 9999-12-31\n")]),
                                             f"{_I}:4:")),
    ("Log date 9999-12-31", _note_case(dict([contact("Far", "", "## Log\n- 9999-12-31 #outreach hi\n")]),
                                       f"{_C}:5:")),
    ("--today 9999-12-20", _today_case),
    ("horizon_days = 99999999999", _config_case("[rules]\nhorizon_days = 99999999999\n", "vaultkit.toml:2:")),
    ("[landed] date = 9999-12-31", _config_case("[landed]\ndate = 9999-12-31\n", "vaultkit.toml:2:")),
    ("a newline in a file name", _newline_path_case),
    ("U+2028 in YAML values", _separator_case("\u2028")),
    ("U+0085 in YAML values", _separator_case("\u0085")),
]
