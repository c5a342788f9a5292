"""Top connectors: who led, through any chain of referrals, to the most people you met.

The rule counts reachability once per strongly connected part of the referral graph; a plain
search from every person is the oracle here, on random graphs with loops, self-referrals and
people referred by several others."""
from __future__ import annotations

import importlib
import random
from collections import defaultdict

import pytest

network = importlib.import_module("vaultkit.rules.network")
from vaultkit.rules.referrals import MET  # noqa: E402


def _searched(net):
    """Each person's (meetings through them, direct meetings), by a search from each person."""
    children = defaultdict(list)
    for parent, child in net.edges:
        children[parent].append(child)
    found = {}
    for key in net.people:
        seen, stack = set(), list(children[key])
        while stack:
            current = stack.pop()
            if current in seen or current == key:
                continue
            seen.add(current)
            stack.extend(children[current])
        meetings = sum(net.people[k].state == MET for k in seen)
        if meetings:
            found[key] = (meetings, sum(net.people[k].state == MET for k in set(children[key])))
    return found


def _net(seed: int):
    rng = random.Random(seed)
    keys = [f"Contacts/P{i}.md" for i in range(rng.randint(1, 30))]
    people = {k: network.Person(k, k[9:-3], k, MET if rng.random() < 0.5 else "reached out") for k in keys}
    edges = {(rng.choice(keys), rng.choice(keys)) for _ in range(rng.randint(0, 2 * len(keys)))}
    return network.Network(people, tuple(sorted(edges)), {})


@pytest.mark.parametrize("seed", range(300))
def test_connectors_count_everyone_met_down_any_chain_once(seed):
    net = _net(seed)
    got = {c.person.key: (c.meetings, c.direct) for c in network.connectors(net)}
    assert got == _searched(net)


def test_a_loop_of_referrals_counts_the_others_in_it_not_oneself():
    people = {k: network.Person(k, k, k, MET) for k in ("a", "b", "c")}
    net = network.Network(people, (("a", "a"), ("a", "b"), ("b", "c"), ("c", "a")), {})
    assert {c.person.key: (c.meetings, c.direct) for c in network.connectors(net)} == {
        "a": (2, 2), "b": (2, 1), "c": (2, 1)}
