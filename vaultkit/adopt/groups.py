"""Which folders and tags hold which kind, weighed as a person would: the name, and what the notes look like.

A folder or tag is taken for a kind when most of its notes look like it (two at
least), or when its name says the kind and its notes bear it out (one is
enough: a `People` folder with one person in it). The top folder that holds
only one kind is taken, not each of its sub-folders. Each decision keeps its
evidence, the runner-up kind it was not, and a confidence.
"""
from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass

from ..mapping import TOUCH_KINDS
from .evidence import KINDS, LABELS, Look, name_kind
from ..links import name_of
from .reading import TYPE_KEYS, Seen, words

MOSTLY = 0.6  # the share of a group's notes that must look the part


@dataclass
class Group:
    what: str  # "folder", "tag" or "property"
    name: str  # the folder's path, the tag without `#`, or the property's value (`key` says which property)
    kind: str
    paths: list[str]
    evidence: str  # "Job-Title + App-Stage + Applied-Date"
    runner_up: str | None
    confidence: str  # high, medium, low
    check: str = ""  # what to look at when the evidence is weak
    key: str = ""  # for a property: the key as written (`fileClass`)

    @property
    def shown(self) -> str:
        return {"folder": self.name, "tag": f"#{self.name}"}.get(self.what, f"{self.key}: {self.name}")

    def line(self) -> str:
        """`30 Records/10 Positions: 5 notes, Job-Title + App-Stage: opportunities, not people`."""
        rejected = f", not {LABELS[self.runner_up]}" if self.runner_up else ""
        count = f"{len(self.paths)} note" + ("" if len(self.paths) == 1 else "s")
        return f"{self.shown}: {count}, {self.evidence}: {LABELS[self.kind]}{rejected}"


def _evidence(kind: str, members: list[Seen], looks: dict[str, Look]) -> str:
    keys = Counter(k for s in members if looks[s.rel].best in (kind, None) for k in looks[s.rel].keys.get(kind, ()))
    spell = {k: v for s in members for k, v in s.spellings.items()}
    parts = [spell.get(k, k) for k, _ in keys.most_common(3)]
    if kind in ("interaction", "interview"):
        dates = Counter(s.date_key for s in members if looks[s.rel].people_key)
        people = Counter(looks[s.rel].people_key for s in members if looks[s.rel].people_key)
        if dates:
            parts = [f"a date ({spell.get(dates.most_common(1)[0][0], dates.most_common(1)[0][0])})",
                     f"people linked ({spell.get(people.most_common(1)[0][0], people.most_common(1)[0][0])})"]
    linked = sum(looks[s.rel].linked for s in members)
    if kind == "contact" and linked:
        parts.append(f"listed by {linked} dated note{'s' if linked > 1 else ''}" if len(members) > 1
                     else "listed by a dated note")
    logs = sum(looks[s.rel].log for s in members)
    if kind == "contact" and logs:
        parts.append(f"{logs} with a Log")
    named = sum(looks[s.rel].named for s in members)
    if kind == "company" and named:
        parts.append("named as a company")
    typed = sum(name_kind(s.type_words) == kind for s in members)
    if typed:
        parts.append(f"type {kind}")
    return " + ".join(parts) if parts else "its name"


def decide(what: str, name: str, members: list[Seen], looks: dict[str, Look]) -> Group | None:
    """The kind a folder or tag holds, or None when its notes are a mix or look like nothing."""
    said = name_kind(words(posixpath.basename(name) if what == "folder" else name))
    if what == "property" and said is None:
        return None  # a property value is taken only for the kind it names
    best = Counter(looks[s.rel].best for s in members if looks[s.rel].best)
    kind, hits = best.most_common(1)[0] if best else (None, 0)
    total = len(members)
    if said == "interview" and kind == "interaction":
        kind = "interview"  # conversations kept in an Interviews folder are interviews
    if kind and hits >= 2 and hits >= MOSTLY * total:
        confidence = "high" if said == kind else "medium"
    elif said and kind in (said, None) and (hits >= 0.5 * total or _leans(said, members, looks)):
        confidence = "medium" if hits >= 0.5 * total else "low"
        kind = said
    else:
        return None
    sums = {k: sum(looks[s.rel].scores[k] for s in members) for k in KINDS if k != kind}
    sums = {k: v for k, v in sums.items() if v > 0 and not (kind == "interview" and k == "interaction")}
    runner_up = max(sums, key=lambda k: sums[k]) if sums else None
    check = ""
    if confidence != "high":
        check = (f"its name does not say {LABELS[kind]}: open a few to be sure" if said != kind else
                 "one note: open it to be sure" if total == 1 else
                 f"only {hits} of {total} look the part, the others have little to go by: open a few to be sure")
    return Group(what, name, kind, [s.rel for s in members], _evidence(kind, members, looks), runner_up,
                 confidence, check)


def _leans(kind: str, members: list[Seen], looks: dict[str, Look]) -> bool:
    """Most notes have some evidence of the kind their folder or tag names (a person with an email and nothing
    else), and none looks like another kind."""
    some = sum(looks[s.rel].scores[kind] >= 1 for s in members)
    return some >= MOSTLY * len(members) and not any(looks[s.rel].best not in (None, kind) for s in members)


def choose(seen: list[Seen], looks: dict[str, Look]) -> list[Group]:
    """The folders (top-most first, a sub-folder only for another kind) and tags taken, each with its kind."""
    by_folder: dict[str, list[Seen]] = {}
    by_tag: dict[str, list[Seen]] = {}
    for s in seen:
        folder = s.folder
        while folder:
            by_folder.setdefault(folder, []).append(s)
            folder = posixpath.dirname(folder)
        for tag in s.tags:
            by_tag.setdefault(tag, []).append(s)
    chosen: list[Group] = []
    for folder in sorted(by_folder, key=lambda f: (f.count("/"), f)):
        group = decide("folder", folder, by_folder[folder], looks)
        if group and not any(g.kind == group.kind and folder.startswith(g.name + "/") for g in chosen):
            chosen.append(group)
    chosen += _by_property(seen, looks, chosen)
    covered = {p for g in chosen for p in g.paths}
    for tag in sorted(by_tag):
        if tag in KINDS or tag in TOUCH_KINDS:
            continue  # `#contact`, `#outreach`: vaultkit's own tags need no mapping
        group = decide("tag", tag, by_tag[tag], looks)
        if group is None:
            continue
        if name_kind(words(tag)) == group.kind or (  # else only a tag all of whose notes look the part, for more
                all(looks[p].best == group.kind for p in group.paths) and set(group.paths) - covered):
            chosen.append(group)
    return chosen


def _by_property(seen: list[Seen], looks: dict[str, Look], chosen: list[Group]) -> list[Group]:
    """`fileClass: Person`, `category: person`: a type-like value naming a kind, for notes that no folder
    taken holds (one property per kind, the one on most notes); vaultkit's own `type: contact` needs none."""
    by_value: dict[tuple[str, str], list[Seen]] = {}
    for s in seen:
        for key in TYPE_KEYS:
            value = s.note.props.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and name_of(item).strip():
                    by_value.setdefault((key, name_of(item).strip()), []).append(s)
    covered = {p for g in chosen for p in g.paths}
    found: dict[str, Group] = {}
    for (key, value), members in sorted(by_value.items(), key=lambda pair: -len(pair[1])):
        if key == "type" and value.casefold() in KINDS:
            continue
        group = decide("property", value, members, looks)
        if group and group.kind not in found and set(group.paths) - covered:
            group.key = next((s.spellings.get(key, key) for s in members), key)
            found[group.kind] = group
    return list(found.values())
