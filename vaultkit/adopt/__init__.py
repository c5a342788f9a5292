"""`vaultkit init --detect`: propose `[types]`, `[keys]`, `[touch_kinds]` and `[statuses]` for a vault kept
its own way, from the evidence a person would use.

reading.py reads each note once; evidence.py scores how much each looks like
a person, an opening, a company or a conversation; groups.py decides which
folders and tags hold which kind; keys.py finds the vault's own key names and
values. The notes each kind then holds are counted by the classifier itself,
with the proposed mapping, so what is printed is what `report` will read.
Nothing here writes: cli/detecting.py does, and never to a note.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from ..config import Config
from ..index.kind import Classifier, type_from_tags
from ..mapping import TypeRule, key_of
from .evidence import KINDS, look_at
from .groups import Group, choose
from .keys import key_names, statuses, touch_kinds
from .reading import read_vault

_CONFIDENCE = ("low", "medium", "high")


@dataclass
class Found:
    kind: str
    rule: TypeRule  # empty when only vaultkit's own `type:` and tags find these notes
    paths: list[str]  # every note the mapping makes this kind, as the classifier decides
    groups: list[Group] = field(default_factory=list)

    @property
    def confidence(self) -> str:
        if not self.groups:
            return "high"  # the notes say `type: contact` themselves
        return min((g.confidence for g in self.groups), key=_CONFIDENCE.index)

    @property
    def evidence(self) -> list[str]:
        return [g.line() for g in self.groups]


@dataclass
class Detection:
    read: int = 0
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (path, template / settings / fileClass ...)
    found: list[Found] = field(default_factory=list)
    keys: dict[str, list[str]] = field(default_factory=dict)  # vaultkit key -> the user's spellings
    touch_kinds: dict[str, list[str]] = field(default_factory=dict)  # kind -> values as written
    statuses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # status -> (word, notes using it)

    @property
    def templates(self) -> list[str]:
        return [rel for rel, why in self.left_out if why == "template"]

    def of(self, kind: str) -> Found | None:
        return next((f for f in self.found if f.kind == kind), None)


def _rules(groups: list[Group]) -> tuple[tuple[str, TypeRule], ...]:
    rules = []
    for kind in KINDS:
        mine = [g for g in groups if g.kind == kind]
        if mine:
            prop = next((g for g in mine if g.what == "property"), None)
            rules.append((kind, TypeRule(tags=tuple(g.name for g in mine if g.what == "tag"),
                                         folders=tuple(g.name for g in mine if g.what == "folder"),
                                         property=key_of(prop.key) if prop else "",
                                         value=prop.name.casefold() if prop else "")))
    return tuple(rules)


def _classified(config: Config, rules, seen) -> dict[str, str]:
    """path -> kind, as vaultkit will read each note under the proposed `[types]`."""
    mapped = replace(config, mapping=replace(config.mapping, types=rules))
    classifier = Classifier(mapped)
    kinds = {}
    for s in seen:
        note = s.note
        note = replace(note, tag_type=type_from_tags(note.tags, classifier.kind_tags),
                       inline_type=type_from_tags(note.body.tags if note.body else (), classifier.kind_tags))
        kind = classifier.kind(note)
        if kind in KINDS:
            kinds[s.rel] = kind
    return kinds


def detect(config: Config) -> Detection:
    seen, left_out = read_vault(config)
    looks = look_at(seen)
    groups = choose(seen, looks)
    rules = _rules(groups)
    kinds = _classified(config, rules, seen)
    detection = Detection(read=len(seen) + len(left_out), left_out=left_out)
    by_rule = dict(rules)
    for kind in KINDS:
        paths = [rel for rel, k in kinds.items() if k == kind]
        if paths:
            detection.found.append(Found(kind, by_rule.get(kind, TypeRule()), paths,
                                         [g for g in groups if g.kind == kind]))
    detection.keys = key_names(seen, kinds, looks)
    conversations = {rel for rel, k in kinds.items() if k == "interaction"}
    skip = {s.date_key for s in seen if s.rel in conversations} | {looks[r].people_key for r in conversations}
    detection.touch_kinds = touch_kinds(seen, conversations, skip)
    detection.statuses = statuses(seen, {rel for rel, k in kinds.items() if k == "contact"})
    return detection


def _toml_list(values) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def mapping_toml(detection: Detection, kept_touch_kinds: dict[str, list[str]] | None = None) -> str:
    """`[types]`, `[keys]`, `[touch_kinds]` and `[statuses]` with a comment per line saying why.
    `kept_touch_kinds` (a hand-written table) come first; detected values are added to them."""
    lines = ["# Mapped by `vaultkit init --detect`: which of your notes are people, interviews, conversations,",
             "# companies and openings, in your vault's own terms. Edit freely; `vaultkit check` says what each finds."]
    mapped = [f for f in detection.found if f.rule.tags or f.rule.folders or f.rule.property]
    lines += ["[types]"] if mapped else []
    for found in mapped:
        parts = []
        if found.rule.tags:
            parts.append(f"tags = {_toml_list(found.rule.tags)}")
        if found.rule.folders:
            parts.append(f"folders = {_toml_list(found.rule.folders)}")
        prop = next((g for g in found.groups if g.what == "property"), None)
        if prop:
            parts.append(f"property = {_toml_list([prop.key])[1:-1]}, value = {_toml_list([prop.name])[1:-1]}")
        count = f"{len(found.paths)} note" + ("" if len(found.paths) == 1 else "s")
        lines += [f"# {count} ({found.confidence} confidence): " + "; ".join(found.evidence)]
        lines.append(f"{found.kind} = {{ {', '.join(parts)} }}")
    if detection.keys:
        lines += ["", "# Your property names for vaultkit's keys", "[keys]"]
        lines += [f"{ours} = {_toml_list(theirs)}" for ours, theirs in detection.keys.items()]
    kinds = {k: list(v) for k, v in (kept_touch_kinds or {}).items()}
    for kind, values in detection.touch_kinds.items():
        known = {v.casefold() for vs in kinds.values() for v in vs}
        kinds.setdefault(kind, []).extend(v for v in values if v.casefold() not in known)
    kinds = {k: v for k, v in kinds.items() if v}
    if kinds:
        lines += ["", "# Property values that say what a conversation was", "[touch_kinds]"]
        lines += [f"{kind} = {_toml_list(values)}" for kind, values in kinds.items()]
    if detection.statuses:
        lines += ["", "# Your status words: what each means to vaultkit (active: follow-ups as usual; paused,",
                  "# do-not-contact, archived: no actions for them). Check each one.", "[statuses]"]
        for status, words in detection.statuses.items():
            uses = ", ".join(f"{word} {count}" for word, count in words)
            lines += [f"# notes using each: {uses}", f"{status} = {_toml_list(w for w, _ in words)}"]
    return "\n".join(lines) + "\n"
