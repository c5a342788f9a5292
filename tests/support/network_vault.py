"""A vault of N people who referred each other, for the referral graph at any size.

Deterministic for a given N: people hang off earlier people in a few big
trees, some were written to, some met (a done interview naming no one).
"""
from __future__ import annotations

import random
from pathlib import Path


def build(root: Path, people: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "vaultkit.toml").write_text("", encoding="utf-8")
    (root / "Contacts").mkdir(exist_ok=True)
    (root / "Interviews").mkdir(exist_ok=True)
    names = [f"Person {i:03d}" for i in range(people)]
    for i, name in enumerate(names):
        front = [f"name: {name}", "type: contact"]
        if i >= 4 and rng.random() < 0.95:  # the first four, and a few more, nobody referred
            hub = min(i - 1, int(rng.random() ** 2 * i))  # early people refer the most
            front.append(f'referred_by: "[[{names[hub]}]]"')
        log = ""
        state = rng.random()
        if state < 0.6:
            log = f"\n## Log\n- 2026-10-{1 + i % 28:02d} #outreach Asked for twenty minutes.\n"
        if state < 0.3:
            (root / "Interviews" / f"2026-11-{1 + i % 28:02d} {name}.md").write_text(
                f'---\ntype: interview\ncontact: "[[{name}]]"\ndate: 2026-11-{1 + i % 28:02d}\nstatus: done\n'
                "thank_you_sent: true\n---\n## Takeaways\n- Learned something.\n", encoding="utf-8")
        (root / "Contacts" / f"{name}.md").write_text("---\n" + "\n".join(front) + "\n---\n" + log, encoding="utf-8")
