"""Referrals.md: every referral and its state, chains from you, top connectors, and the graph."""
from __future__ import annotations

from ..rules import Plan
from ..rules.network import YOU, Network, Person, person_key
from ..rules.referrals import MET, NO_NOTE, NOT_CONTACTED, REACHED_OUT
from .mermaid import LEGEND, MAX_NODES, render_graphs
from .text import dashboard_head, md_text, note_link, person_link, plural

STATES = (MET, REACHED_OUT, NOT_CONTACTED, NO_NOTE)
TREE_DEPTH = 8  # the deepest a chain nests in "Chains from you" (a list nested deeper is hard to read)


def _person(person: Person, contacts_folder: str) -> str:
    return person_link(person.path, person.name, contacts_folder)


def _cell(link: str) -> str:
    """A link in a table cell: a wikilink's `|` must be escaped there."""
    return link.replace("|", "\\|") if link.startswith("[[") else link


def render_referrals(plan: Plan, contacts_folder: str) -> str:
    net: Network = plan.network
    states = [r.state for r in plan.referrals]
    by_state = {s: states.count(s) for s in STATES}
    out = dashboard_head("Referrals", plan.today, {"referrals": len(plan.referrals), "people": len(net.people)})
    if not plan.referrals:
        out.append("No referrals yet. Ask each person you meet for two or three names, and write them under "
                   "`referrals:` in the interview note, or as `referred_by:` in a contact note.\n")
        return "\n".join(out)
    out.append(f"{plural(len(plan.referrals), 'referral')} among {plural(len(net.people), 'person', 'people')}: "
               + ", ".join(f"{by_state[s]} {s}" for s in STATES) + ".\n")

    out.append("## Who referred whom\n")
    rows = ["| From | To | State | Written in |", "|---|---|---|---|"]
    # each person and each note is in many rows and chains: its link is written once
    person_links = {key: _person(person, contacts_folder) for key, person in net.people.items()}
    person_cells = {key: _cell(link) for key, link in person_links.items()}
    source_cells: dict[str, str] = {}
    for r in plan.referrals:
        source = source_cells.get(r.source)
        if source is None:
            source = source_cells[r.source] = _cell(note_link(r.source))
        rows.append(f"| {person_cells[person_key(r.referrer_path, r.referrer)]} "
                    f"| {person_cells[person_key(r.person_path, r.person)]} | {r.state} | {source} |")
    out.append("\n".join(rows) + "\n")

    out.append("## Chains from you\n")
    tree = _chain_tree(net, person_links)
    if tree:
        out.append("How you reached each person someone referred you to, by the shortest route: each name "
                   "sits under the person who referred them, and the names furthest left are people you "
                   "reached yourself.\n")
        out.append("\n".join(tree) + "\n")
    else:
        out.append("Everyone here was a first step: nobody is more than one referral away from you.\n")

    out.append("## Top connectors\n")
    top = plan.connectors[:10]
    if top:
        out.append("Who led to the most meetings, counting people met through the people they referred.\n")
        out.append("\n".join(
            f"{i}. {_person(c.person, contacts_folder)}: {plural(c.meetings, 'meeting')} ({c.direct} direct)"
            for i, c in enumerate(top, 1)) + "\n")
    else:
        out.append("No meetings have come from a referral yet.\n")

    out.append("## Graph\n")
    graphs, left_out = render_graphs(net)
    note = LEGEND
    if left_out:
        note += (f" The graph shows the {len(net.people) - left_out} people nearest a meeting, with everyone on "
                 f"their chains; {plural(left_out, 'more person', 'more people')} are in the table above.")
    if len(graphs) == 1:
        out.append(graphs[0][1])
        out.append(note + "\n")
        return "\n".join(out)
    out.append(f"In {len(graphs)} parts of at most {MAX_NODES} names each, so that each stays readable. A part "
               "starts from you, or from the person (outlined in blue) who led to everyone in it; that person "
               "is drawn in full in an earlier part, marked with how many more were reached through them. "
               "A referral between people in different parts is only in the table. " + note + "\n")
    for n, (diagram, block) in enumerate(graphs, 1):
        out.append(f"### {n}. {_title(diagram, net)}\n")
        out.append(block)
    return "\n".join(out)


def _chain_tree(net: Network, person_links: dict[str, str]) -> list[str]:
    """The chains as one nested list, each person once under the one before them on their chain
    (not `You → Priya → ...` repeated for everyone Priya led to); only branches that reach someone
    through a referral. Chains are shortest paths, so every chain's start is a chain of its own.
    Past TREE_DEPTH levels a line shows the rest of its chain (`A → B → C`) rather than nest deeper."""
    children: dict[str, list[str]] = {}
    for key in net.people:  # by name, so siblings are in name order
        chain = net.chains.get(key, (key,))
        children.setdefault(chain[-2] if len(chain) > 1 else YOU, []).append(key)
    lines: list[str] = []
    stack = [(key, 0) for key in reversed(children.get(YOU, [])) if key in children]
    while stack:  # depth first, without recursion: a chain may be thousands of people long
        key, depth = stack.pop()
        chain = net.chains.get(key, (key,))[TREE_DEPTH:] if depth > TREE_DEPTH else (key,)
        shown = " → ".join(person_links[k] for k in chain)
        lines.append(f"{'  ' * min(depth, TREE_DEPTH)}- {shown}")
        stack += [(child, depth + 1) for child in reversed(children.get(key, []))]
    return lines


def _title(diagram, net: Network) -> str:
    if diagram.start != YOU:
        return f"Through {md_text(net.people[diagram.start].name)}"
    names = [md_text(net.people[k].name) for k in diagram.roots]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
    return f"From you: {shown}"

