"""The referral network: who reached whom through whom, and who opened the most doors.

Nodes are people: a contact note's path, or `name:<key>` for someone with no
note. "You" reach everyone nobody referred; a chain is the shortest path from
you. People caught in a loop of referrals with no way in are reached directly.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass

from .history import History, person_key
from .referrals import MET, Referral, referral_state

YOU = ""


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    name: str
    path: str | None
    state: str  # met / reached out / not contacted / no note yet


@dataclass(frozen=True)
class Network:
    people: dict[str, Person]  # by key, sorted by name
    edges: tuple[tuple[str, str], ...]  # (referrer key, person key), sorted
    chains: dict[str, tuple[str, ...]]  # key -> keys from the first person after you to them

    def chain(self, key: str) -> tuple[Person, ...]:
        return tuple(self.people[k] for k in self.chains.get(key, (key,)))

    def referred_through(self, key: str) -> tuple[Person, ...]:
        """The people between you and this person, first step first; empty when nobody referred them."""
        return self.chain(key)[:-1] if key in self.people else ()


@dataclass(frozen=True, slots=True)
class Connector:
    person: Person
    meetings: int  # people met through them, directly or further down
    direct: int  # of those, people they referred themselves


def network(history: History, referrals: list[Referral]) -> Network:
    people: dict[str, Person] = {}

    def person(path: str | None, name: str, state: str | None = None) -> str:
        key = person_key(path, name)
        if key not in people:
            if state is None:
                state = referral_state(history, path, name)
            people[key] = Person(key, name, path, state)
        return key

    edges = set()
    for r in referrals:
        edges.add((person(r.referrer_path, r.referrer), person(r.person_path, r.person, r.state)))
    ordered = dict(sorted(people.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))
    edge_list = tuple(sorted(edges, key=lambda e: (ordered[e[0]].name.casefold(), ordered[e[1]].name.casefold(), e)))
    return Network(ordered, edge_list, _chains(ordered, edge_list))


def _chains(people: dict[str, Person], edges) -> dict[str, tuple[str, ...]]:
    children, has_parent = defaultdict(list), set()
    for parent, child in edges:
        children[parent].append(child)
        has_parent.add(child)
    previous: dict[str, str] = {}
    queue = deque()
    for key in people:  # sorted by name, so ties resolve the same way every time
        if key not in has_parent:
            previous[key] = YOU
            queue.append(key)
    while True:
        while queue:
            current = queue.popleft()
            for child in children[current]:
                if child not in previous:
                    previous[child] = current
                    queue.append(child)
        stranded = next((k for k in people if k not in previous), None)
        if stranded is None:
            break
        previous[stranded] = YOU  # a loop nobody leads into
        queue.append(stranded)
    chains = {}
    for key in people:
        path, step = [], key
        while step != YOU:
            path.append(step)
            step = previous[step]
        chains[key] = tuple(reversed(path))
    return chains


def connectors(net: Network) -> list[Connector]:
    """People who led to meetings, most first; only those who led to at least one."""
    children = defaultdict(list)
    for parent, child in net.edges:
        children[parent].append(child)
    found = []
    for key, who in net.people.items():
        seen, stack = set(), list(children[key])
        while stack:
            current = stack.pop()
            if current in seen or current == key:
                continue
            seen.add(current)
            stack.extend(children[current])
        meetings = sum(net.people[k].state == MET for k in seen)
        if meetings:
            direct = sum(net.people[k].state == MET for k in set(children[key]))
            found.append(Connector(who, meetings, direct))
    return sorted(found, key=lambda c: (-c.meetings, -c.direct, c.person.name.casefold(), c.person.key))
