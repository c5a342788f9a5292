"""The referral graph as Mermaid flowcharts that Obsidian and GitHub both draw.

Every label is quoted, and the characters Mermaid would read as syntax become
entities (`#` first, since every entity starts with one). Node ids are plain
`p1`, `p2`, ..., so no name can collide with a keyword such as `end`.

A graph of more than MAX_NODES nodes is a tangle no one can follow, so a big
network is cut into diagrams along the chains from you: each diagram starts
from you or from one person, and holds whole branches of the people reached
through them, MAX_NODES nodes at most.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..rules.network import YOU, Network
from ..rules.referrals import MET, NO_NOTE, NOT_CONTACTED, REACHED_OUT

MAX_PEOPLE = 150  # drawn at all; the table lists everyone
MAX_NODES = 40  # in one diagram, its starting node included
_ENTITIES = (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"))
CLASSES = {MET: "met", REACHED_OUT: "reached", NOT_CONTACTED: "waiting", NO_NOTE: "noNote"}
STYLES = {
    "met": "fill:#d9f2d9,stroke:#2e7d32,color:#1b3d1f",
    "reached": "fill:#fff4cc,stroke:#b58900,color:#4d3b00",
    "waiting": "fill:#eeeeee,stroke:#777777,color:#333333",
    "noNote": "fill:#ffffff,stroke:#777777,stroke-dasharray:4 3,color:#333333",
}
ELSEWHERE = "fill:#e8f0fe,stroke:#3366cc,stroke-dasharray:2 2,color:#1a3366"
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


@dataclass(frozen=True)
class Diagram:
    start: str  # YOU, or the person whose branches these are (drawn in full in an earlier diagram)
    keys: tuple[str, ...]  # the people drawn in full, in the network's order
    roots: tuple[str, ...]  # of those, the ones reached straight from `start`


def split(net: Network, keys: list[str], max_nodes: int = MAX_NODES) -> list[Diagram]:
    """The people in `keys` (whose chains are all in `keys`) as diagrams of at most `max_nodes` nodes.

    Along the tree of chains (each person under the one before them on their
    chain), the biggest branches are cut off a person until what stays fits;
    the branches cut off one person are packed, in order, into diagrams that
    start from them.
    """
    room = max_nodes - 1  # the starting node takes one place
    children: dict[str, list[str]] = {YOU: []}
    for key in keys:
        chain = net.chains[key]
        children.setdefault(chain[-2] if len(chain) > 1 else YOU, []).append(key)
    size: dict[str, int] = {}
    kept: dict[str, list[str]] = {}
    cut: dict[str, list[str]] = {}

    def settle(key: str) -> None:  # iteratively, children first: chains may be thousands long
        stack = [(key, False)]
        while stack:
            node, ready = stack.pop()
            if not ready:
                stack.append((node, True))
                stack.extend((c, False) for c in reversed(children.get(node, [])))
                continue
            mine = list(children.get(node, []))
            total = 1 + sum(size[c] for c in mine)
            off = []
            while total > room:
                biggest = max(reversed(mine), key=lambda c: size[c])  # the last of equals: the first stay
                mine.remove(biggest)
                off.append(biggest)
                total -= size[biggest]
            size[node], kept[node], cut[node] = total, mine, [c for c in children.get(node, []) if c in off]

    for root in children[YOU]:
        settle(root)
    cut[YOU] = children[YOU]

    def branch(root: str) -> list[str]:
        found, stack = [], [root]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(kept[node]))
        return found

    order = {key: n for n, key in enumerate(keys)}
    diagrams: list[Diagram] = []

    def pack(start: str) -> None:
        bins: list[list[str]] = []
        for child in cut[start]:
            if not bins or sum(size[c] for c in bins[-1]) + size[child] > room:
                bins.append([])
            bins[-1].append(child)
        for roots in bins:
            drawn = sorted((k for r in roots for k in branch(r)), key=order.__getitem__)
            diagrams.append(Diagram(start, tuple(drawn), tuple(roots)))

    pack(YOU)
    done = 0
    while done < len(diagrams):
        for key in diagrams[done].keys:
            if cut[key]:
                pack(key)
        done += 1
    return diagrams


def render_diagram(net: Network, diagram: Diagram, more: dict[str, int] | None = None) -> str:
    """One ```mermaid block; `more`: person -> how many people reached through them are drawn elsewhere."""
    more = more or {}
    ids = {key: f"p{i}" for i, key in enumerate(diagram.keys, 1)}
    lines = ["```mermaid", "graph LR"]
    if diagram.start == YOU:
        lines.append('  you(["You"])')
    else:
        ids[diagram.start] = "via"
        lines.append(f"  via([{label(net.people[diagram.start].name)}])")
    for key in diagram.keys:
        name = net.people[key].name
        lines.append(f"  {ids[key]}[{label(name + (f' (+{more[key]:,} below)' if more.get(key) else ''))}]")
    if diagram.start == YOU:
        lines += [f"  you --> {ids[k]}" for k in diagram.roots]
    lines += [f"  {ids[a]} --> {ids[b]}" for a, b in net.edges if a in ids and b in ids]
    for name, style in STYLES.items():
        lines.append(f"  classDef {name} {style}")
    if diagram.start != YOU:
        lines.append(f"  classDef elsewhere {ELSEWHERE}")
    by_class: dict[str, list[str]] = {}
    for key in diagram.keys:
        by_class.setdefault(CLASSES[net.people[key].state], []).append(ids[key])
    for name in STYLES:
        if by_class.get(name):
            lines.append(f"  class {','.join(by_class[name])} {name}")
    if diagram.start != YOU:
        lines.append("  class via elsewhere")
    lines.append("```")
    return "\n".join(lines) + "\n"


def render_graphs(net: Network, limit: int = MAX_PEOPLE, max_nodes: int = MAX_NODES) -> tuple[list[tuple[Diagram, str]], int]:
    """([(diagram, its ```mermaid block)], how many people were left out)."""
    keys = core(net, limit)
    diagrams = split(net, keys, max_nodes)
    through = _counts(net.chains[k][:-1] for k in keys)  # person -> people drawn whose chain passes them
    graphs = []
    for d in diagrams:
        here = _counts(net.chains[k][:-1] for k in d.keys)
        more = {k: through[k] - here.get(k, 0) for k in d.keys if through.get(k, 0) > here.get(k, 0)}
        graphs.append((d, render_diagram(net, d, more)))
    return graphs, len(net.people) - len(keys)


def _counts(chains) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chain in chains:
        for key in chain:
            counts[key] = counts.get(key, 0) + 1
    return counts


def render_graph(net: Network, limit: int = MAX_PEOPLE) -> tuple[str, int]:
    """Every diagram's block, one after another, and how many people were left out."""
    graphs, left_out = render_graphs(net, limit)
    return "\n".join(block for _, block in graphs), left_out
