"""The referral graph as a Mermaid flowchart that Obsidian and GitHub both draw.

Every label is quoted, and the characters Mermaid would read as syntax become
entities (`#` first, since every entity starts with one). Node ids are plain
`p1`, `p2`, ..., so no name can collide with a keyword such as `end`.
"""
from __future__ import annotations

from ..rules.network import Network
from ..rules.referrals import MET, NO_NOTE, NOT_CONTACTED, REACHED_OUT

MAX_PEOPLE = 150
_ENTITIES = (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"))
CLASSES = {MET: "met", REACHED_OUT: "reached", NOT_CONTACTED: "waiting", NO_NOTE: "noNote"}
STYLES = {
    "met": "fill:#d9f2d9,stroke:#2e7d32,color:#1b3d1f",
    "reached": "fill:#fff4cc,stroke:#b58900,color:#4d3b00",
    "waiting": "fill:#eeeeee,stroke:#777777,color:#333333",
    "noNote": "fill:#ffffff,stroke:#777777,stroke-dasharray:4 3,color:#333333",
}
LEGEND = "Green: met. Yellow: reached out. Grey: not contacted yet. Dashed: no note yet."


def label(text: str) -> str:
    text = " ".join(text.split()) or "(no name)"
    for raw, entity in _ENTITIES:
        text = text.replace(raw, entity)
    return f'"{text}"'


def core(net: Network, limit: int = MAX_PEOPLE) -> list[str]:
    """The people to draw when there are too many: those nearest a meeting and to you,
    each with everyone on their chain, so the drawing stays connected."""
    if len(net.people) <= limit:
        return list(net.people)
    rank = {MET: 0, REACHED_OUT: 1, NOT_CONTACTED: 2, NO_NOTE: 3}
    order = sorted(net.people.values(), key=lambda p: (rank[p.state], len(net.chains[p.key]), p.name.casefold(), p.key))
    chosen: dict[str, None] = {}
    for person in order:
        needed = [k for k in net.chains[person.key] if k not in chosen]
        if len(chosen) + len(needed) <= limit:
            chosen.update(dict.fromkeys(needed))
        if len(chosen) >= limit:
            break
    return [k for k in net.people if k in chosen]


def render_graph(net: Network, limit: int = MAX_PEOPLE) -> tuple[str, int]:
    """(the ```mermaid block, how many people were left out)."""
    keys = core(net, limit)
    shown = set(keys)
    ids = {key: f"p{i}" for i, key in enumerate(keys, 1)}
    lines = ["```mermaid", "graph LR", '  you(["You"])']
    lines += [f"  {ids[k]}[{label(net.people[k].name)}]" for k in keys]
    lines += [f"  you --> {ids[k]}" for k in keys if net.chains[k][0] == k]
    lines += [f"  {ids[a]} --> {ids[b]}" for a, b in net.edges if a in shown and b in shown]
    for name, style in STYLES.items():
        lines.append(f"  classDef {name} {style}")
    by_class: dict[str, list[str]] = {}
    for key in keys:
        by_class.setdefault(CLASSES[net.people[key].state], []).append(ids[key])
    for name in STYLES:
        if by_class.get(name):
            lines.append(f"  class {','.join(by_class[name])} {name}")
    lines.append("```")
    return "\n".join(lines) + "\n", len(net.people) - len(keys)

