"""Issue 13, item 11 (last part): a referral that names nobody."""
from __future__ import annotations

import json

from ._kit import contact, interview, make_vault, vaultkit


def pipe_table_referral(tmp):
    root = make_vault(tmp, dict([contact("Ana"), interview(
        "2026-11-12 Ana", "contact: '[[Ana]]'\ndate: 2026-11-12\nreferrals:\n  - '[[| pipe | table |]]'\n")]))
    run = vaultkit("report", "--vault", str(root), "--today", "2026-11-20", "--format", "json")
    if run.crashed:
        return False, f"exit {run.code}"
    data = json.loads(run.out)
    empty = [a for a in data["actions"] if a["kind"] == "reach-referral" and not (a["contact"] or "").strip()]
    warned = [p["message"] for p in data["problems"] if "names nobody" in p["message"]]
    return not empty and bool(warned), f"{len(empty)} reach-referral for an empty name; {warned[:1]}"


CASES = [("a referral written [[| pipe | table |]]", pipe_table_referral)]
