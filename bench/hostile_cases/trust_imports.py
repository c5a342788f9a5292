"""Issue 23, items 7, 10, 19 and 21: what `import` reads, Android's vCards, a vault with no
vaultkit.toml, and a search that is over."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from ._kit import contact, interview, make_vault, vaultkit

SIGNED = '[me]\nname = "Sam Seeker"\n'
LANDED = SIGNED + '[landed]\ndate = 2026-11-16\ncompany = "Northwind"\n'


def _refused(run, file: str, kind: str) -> bool:
    return (not run.crashed and run.code == 1 and run.out == ""
            and run.err.startswith(f"Error: {file} is not a regular file ({kind})"))


def named_pipe(tmp: Path):
    root = make_vault(tmp, {}, SIGNED)
    fifo = tmp / "Connections.csv"
    os.mkfifo(fifo)
    try:
        run = vaultkit("import", "linkedin", str(fifo), "--vault", str(root), timeout=60)
    except subprocess.TimeoutExpired:
        return False, "still reading the pipe after 60 s"
    ok = _refused(run, str(fifo), "a named pipe") and not (root / "Contacts").exists()
    return ok, f"exit {run.code}: {run.err.strip()[:110]}"


def dev_zero(tmp: Path):
    root = make_vault(tmp, {}, SIGNED)
    try:
        run = vaultkit("import", "vcard", "/dev/zero", "--vault", str(root), timeout=60)
    except subprocess.TimeoutExpired:
        return False, "still reading /dev/zero after 60 s"
    return _refused(run, "/dev/zero", "a device"), f"exit {run.code}: {run.err.strip()[:110]}"


def huge_sparse_file(tmp: Path):
    root = make_vault(tmp, {}, SIGNED)
    big = tmp / "Connections.csv"
    with open(big, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # 65 MB that take no disk
    run = vaultkit("import", "linkedin", str(big), "--vault", str(root), timeout=60)
    ok = not run.crashed and run.code == 1 and "is larger than 64 MB" in run.err and not (root / "Contacts").exists()
    return ok, f"exit {run.code}: {run.err.strip()[:110]}"


def _qp(head: str, value: str) -> str:
    """Android's way: every byte `=XX`, a soft break (a line ending in `=`) before 76 columns."""
    units = [";" if c == ";" else f"={b:02X}" for c in value for b in (c.encode() if c != ";" else b";")]
    lines, line = [], head
    for unit in units:
        if len(line) + len(unit) > 74:
            lines.append(line + "=")
            line = ""
        line += unit
    return "\r\n".join([*lines, line])


def android_vcard(tmp: Path):
    root = make_vault(tmp, {}, SIGNED)
    name = ("Dupont-Lefebvre de la Tour d'Auvergne", "Hélène-Éléonore Marie Émilie")
    card = "\r\n".join(["BEGIN:VCARD", "VERSION:2.1",
                        _qp("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", f"{name[0]};{name[1]};;;"),
                        _qp("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", f"{name[1]} {name[0]}"),
                        "TEL;CELL:+33 6 12 34 56 78", "END:VCARD", ""])
    (tmp / "contacts.vcf").write_bytes(card.encode("ascii"))
    run = vaultkit("import", "vcard", str(tmp / "contacts.vcf"), "--vault", str(root))
    made = sorted(p.name for p in (root / "Contacts").glob("*.md")) if (root / "Contacts").exists() else []
    ok = not run.crashed and run.code == 0 and made == [f"{name[1]} {name[0]}.md"] and "=C3=\r\n=" in card
    return ok, f"exit {run.code}: {made or run.err.strip()[:110]}"


def no_vaultkit_toml(tmp: Path):
    root = make_vault(tmp, dict([contact("Ana"), interview("2026-11-12 Ana", "contact: '[[Ana]]'\ndate: 2026-11-12\n")]))
    (root / "vaultkit.toml").unlink()
    run = vaultkit("check", "--vault", str(root), "--today", "2026-11-20")
    ok = (not run.crashed and run.code == 0 and "vaultkit.toml:" not in run.out + run.err
          and "has no vaultkit.toml" in run.err and "vaultkit init" in run.err)
    return ok, f"exit {run.code}: {(run.out + run.err).strip()[-120:]}"


def no_vault_found(tmp: Path):
    (tmp / "here").mkdir()
    run = vaultkit("check", cwd=tmp / "here", env={"VAULTKIT_VAULT": ""})
    ok = (not run.crashed and run.code == 2 and "vaultkit init." in run.err and "vaultkit init --detect" in run.err
          and "create a vaultkit.toml" not in run.err)
    return ok, f"exit {run.code}: {run.err.strip()[-110:]}"


def landed_search_is_over(tmp: Path):
    root = make_vault(tmp, dict([
        contact("Ana", "field: Product management\n"), contact("Dev", "", "## Log\n- 2026-11-10 #outreach hi\n"),
        interview("2026-11-05 Ana", "contact: '[[Ana]]'\ndate: 2026-11-05\nthank_you_sent: true\n"
                  "referrals: [Lena Fischer]\n")]), LANDED)
    run = vaultkit("report", "--vault", str(root), "--today", "2026-11-20", "--format", "json")
    if run.crashed or run.code:
        return False, f"exit {run.code}: {run.err.strip()[:110]}"
    kinds = sorted({a["kind"] for a in json.loads(run.out)["actions"]})
    drafts = " ".join(p.read_text(encoding="utf-8") for p in (root / "vaultkit" / "Drafts").glob("*.md"))
    ok = "reach-referral" not in kinds and "nudge" not in kinds and "announce-landing" in kinds \
        and "exploring" not in drafts
    return ok, f"kinds {kinds}"


CASES = [
    ("import from a named pipe returns at once", named_pipe),
    ("import /dev/zero is refused, not read", dev_zero),
    ("import of a 65 MB file is refused", huge_sparse_file),
    ("an Android vCard 2.1 name across soft breaks", android_vcard),
    ("check on a folder without vaultkit.toml", no_vaultkit_toml),
    ("no vault found says vaultkit init", no_vault_found),
    ("landed: no introduction, no nudge", landed_search_is_over),
]
