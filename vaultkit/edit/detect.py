"""`vaultkit init --detect`: propose `[types]`, `[keys]`, `[touch_kinds]` and `[statuses]` for a vault kept
its own way.

Reading is one pass over the notes (the walk and the parser of the index);
deciding is pure: a tag or folder whose notes mostly carry person-like keys
holds contacts; a folder or tag whose notes mostly have a date and link those
people holds interactions; the `status` words people's notes use that vaultkit
does not know go under the status they most likely mean (active unless the
word plainly says otherwise). Templates (Templater's `<%`, a templates folder)
are left out, so a template never becomes a person.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..config import Config
from ..dates import parse_date_time
from ..index.discover import walk_notes
from ..index.kind import Classifier, declared_type, is_templater
from ..index.note import Note, parse_note
from ..links import name_of, note_stem
from ..mapping import CONTACT_STATUSES, TypeRule, key_of, word_of
from ..model.interactions import PEOPLE_KEYS

PERSON_KEYS = ("email", "phone", "mobile", "company", "organization", "organisation", "employer", "role",
               "title", "position", "job_title", "linkedin")
_OUTREACH = ("sent", "outgoing", "outbound", "initiated", "i reached out")
_REPLY = ("received", "incoming", "inbound", "reply", "replied")
_THANKS = ("thanks", "thank you", "thank-you")
MOSTLY = 0.6  # the share of a folder's or tag's notes that must look the part
# status words that plainly mean "not now" or "never": every other word of the vault's own is active
_STATUS_WORDS = {
    "paused": ("on hold", "paused", "pause", "later", "snoozed", "dormant", "inactive", "parked"),
    "do-not-contact": ("dnc", "do not contact", "don't contact", "not interested", "declined", "unsubscribed",
                       "opted out", "blocked"),
    "archived": ("archive", "closed", "dead", "lost", "ended", "former"),
}
_KEY_LINE = re.compile(r"^([^\s:#\-][^:\n]*?)\s*:", re.M)


@dataclass
class Read:
    """What one note offers detection."""

    rel: str
    note: Note
    spellings: dict[str, str]  # normalised key -> as written


@dataclass
class Found:
    kind: str
    rule: TypeRule
    paths: list[str]
    evidence: list[str]


@dataclass
class Detection:
    read: int = 0
    templates: list[str] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # vaultkit key -> the user's spelling
    touch_kinds: dict[str, list[str]] = field(default_factory=dict)  # kind -> values as written
    statuses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # status -> (word, notes using it)


def read_vault(config: Config) -> tuple[list[Read], list[str]]:
    """Every note, parsed whole, and the templates left out."""
    rels, _ = walk_notes(config)
    reads, templates = [], []
    for rel in rels:
        try:
            data = (config.root / rel).read_bytes()
        except OSError:
            continue
        note = parse_note(rel, data)
        if not note.readable:
            continue
        if _is_template(rel, note):
            templates.append(rel)
            continue
        head = data[:note_front_end(data)].decode("utf-8", "replace")
        reads.append(Read(rel, note, {key_of(k): k.strip() for k in _KEY_LINE.findall(head)}))
    return reads, templates


def note_front_end(data: bytes) -> int:
    end = data.find(b"\n---", 3)
    return end if data.lstrip(b"\xef\xbb\xbf").startswith(b"---") and end > 0 else 0


def _is_template(rel: str, note: Note) -> bool:
    if any("template" in part.casefold() for part in rel.split("/")[:-1]):
        return True
    return is_templater(note)


def _folder(rel: str) -> str:
    return str(PurePosixPath(rel).parent) if "/" in rel else ""


def _tags(note: Note) -> set[str]:
    return set(note.tags) | set(note.body.tags if note.body else ())


def _groups(reads: list[Read], wanted: set[str]) -> tuple[list[str], list[str], list[str]]:
    """Folders and tags most of whose notes are `wanted`, and the evidence for each."""
    by_folder, by_tag = defaultdict(list), defaultdict(list)
    for r in reads:
        by_folder[_folder(r.rel)].append(r.rel)
        for tag in _tags(r.note):
            by_tag[tag].append(r.rel)
    folders, tags, evidence = [], [], []
    for name, paths, chosen, label in [(f, p, folders, f"notes in {f}/") for f, p in by_folder.items() if f] + \
                                      [(t, p, tags, f"notes tagged #{t}") for t, p in by_tag.items()]:
        hits = sum(p in wanted for p in paths)
        if hits >= 2 and hits >= MOSTLY * len(paths):
            chosen.append(name)
            evidence.append(f"{hits} of {len(paths)} {label}")
    return sorted(folders), sorted(tags), evidence


def _matched(reads: list[Read], rule: TypeRule) -> list[str]:
    """The notes the rule takes, as the classifier would (a folder takes its sub-folders too)."""
    return [r.rel for r in reads
            if any(t in rule.tags for t in _tags(r.note))
            or any(r.rel.casefold().startswith(f.casefold() + "/") for f in rule.folders)]


def _people(reads: list[Read], detection: Detection) -> set[str]:
    typed = {r.rel for r in reads if declared_type(r.note.props.get("type")) == "contact"}
    person = {r.rel: [k for k in PERSON_KEYS if k in r.note.props] for r in reads}
    likely = {rel for rel, keys in person.items() if len(keys) >= 2 and rel not in typed}
    folders, tags, evidence = _groups(reads, likely)
    if not (folders or tags):
        return typed
    rule = TypeRule(tags=tuple(tags), folders=tuple(folders))
    paths = _matched(reads, rule)
    counts = Counter(k for rel in paths for k in person[rel])
    keys = ", ".join(f"{k} {n}" for k, n in counts.most_common(5))
    detection.found.append(Found("contact", rule, paths, [f"{e} carry person keys" for e in evidence]
                                 + [f"keys seen: {keys}"]))
    return typed | set(paths)


def _names(reads: list[Read], people: set[str]) -> dict[str, str]:
    names = {}
    for r in reads:
        if r.rel in people:
            names[note_stem(r.rel).casefold()] = r.rel
            if isinstance(r.note.props.get("name"), str):
                names[r.note.props["name"].casefold()] = r.rel
    return names


def _links_to(value, names: dict[str, str]) -> bool:
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and "[[" in v and name_of(v).rsplit("/", 1)[-1].casefold() in names for v in values)


def _interactions(reads: list[Read], people: set[str], detection: Detection) -> None:
    names = _names(reads, people)
    date_keys, link_keys, dated = Counter(), Counter(), set()
    for r in reads:
        if r.rel in people:
            continue
        dates = [k for k, v in r.note.props.items() if parse_date_time(v) and k not in ("created", "modified")]
        links = [k for k, v in r.note.props.items() if _links_to(v, names)]
        if dates and links:
            dated.add(r.rel)
            date_keys[next((k for k in dates if "date" in k), dates[0])] += 1
            link_keys[links[0]] += 1
    folders, tags, evidence = _groups([r for r in reads if r.rel not in people], dated)
    if not (folders or tags):
        return
    rule = TypeRule(tags=tuple(tags), folders=tuple(folders))
    paths = [p for p in _matched(reads, rule) if p not in people]
    spelling = {k: v for r in reads if r.rel in paths for k, v in r.spellings.items()}
    date_key, link_key = date_keys.most_common(1)[0][0], link_keys.most_common(1)[0][0]
    if date_key != "date":
        detection.keys["date"] = spelling.get(date_key, date_key)
    if link_key not in PEOPLE_KEYS:
        detection.keys["contacts"] = spelling.get(link_key, link_key)
    _touch_kinds(reads, set(paths), {date_key, link_key}, detection)
    detection.found.append(Found("interaction", rule, paths, [f"{e} have a date and link a contact" for e in evidence]
                                 + [f"date from {spelling.get(date_key, date_key)}, "
                                    f"people from {spelling.get(link_key, link_key)}"]))


def _touch_kinds(reads: list[Read], paths: set[str], skip: set[str], detection: Detection) -> None:
    seen = Counter(v.strip() for r in reads if r.rel in paths for k, v in r.note.props.items()
                   if k not in skip and isinstance(v, str) and 0 < len(v.strip()) <= 40)
    for value in sorted(seen):
        folded = value.casefold().replace("_", " ")
        kind = ("outreach" if folded in _OUTREACH else "reply" if folded in _REPLY
                else "thanks" if folded in _THANKS else None)
        if kind:
            detection.touch_kinds.setdefault(kind, []).append(value)


def _statuses(reads: list[Read], people: set[str], config: Config, detection: Detection) -> None:
    """The status words people's notes use that vaultkit does not know, under the status each means."""
    classifier = Classifier(config)
    seen: Counter = Counter()
    written: dict[str, str] = {}
    for r in reads:
        value = r.note.props.get("status")
        if isinstance(value, str) and (r.rel in people or classifier.kind(r.note) == "contact"):
            text = " ".join(name_of(value).lower().split())
            word = word_of(text)
            if word and word not in CONTACT_STATUSES and len(text) <= 40:
                seen[word] += 1
                written.setdefault(word, text)
    for word, count in sorted(seen.items(), key=lambda pair: (-pair[1], pair[0])):
        status = next((s for s, words in _STATUS_WORDS.items() if word in {word_of(w) for w in words}), "active")
        detection.statuses.setdefault(status, []).append((written[word], count))


def detect(config: Config) -> Detection:
    reads, templates = read_vault(config)
    detection = Detection(read=len(reads) + len(templates), templates=templates)
    people = _people(reads, detection)
    if people:
        _interactions(reads, people, detection)
    _statuses(reads, people, config, detection)
    return detection


def _toml_list(values) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def mapping_toml(detection: Detection) -> str:
    """`[types]`, `[keys]` and `[touch_kinds]` with a comment per line saying why."""
    lines = ["# Mapped by `vaultkit init --detect`: which of your notes are people and conversations,",
             "# in your vault's own terms. Edit freely; `vaultkit check` says what each finds."]
    lines += ["[types]"] if detection.found else []
    for found in detection.found:
        parts = []
        if found.rule.tags:
            parts.append(f"tags = {_toml_list(found.rule.tags)}")
        if found.rule.folders:
            parts.append(f"folders = {_toml_list(found.rule.folders)}")
        lines.append(f"# {len(found.paths)} notes: " + "; ".join(found.evidence))
        lines.append(f"{found.kind} = {{ {', '.join(parts)} }}")
    if detection.keys:
        lines += ["", "# Your property names for vaultkit's keys", "[keys]"]
        lines += [f"{ours} = {_toml_list([theirs])}" for ours, theirs in detection.keys.items()]
    if detection.touch_kinds:
        lines += ["", "# Property values that say what a conversation was", "[touch_kinds]"]
        lines += [f"{kind} = {_toml_list(values)}" for kind, values in detection.touch_kinds.items()]
    if detection.statuses:
        lines += ["", "# Your status words: what each means to vaultkit (active: follow-ups as usual; paused,",
                  "# do-not-contact, archived: no actions for them). Check each one.", "[statuses]"]
        for status, words in detection.statuses.items():
            uses = ", ".join(f"{word} {count}" for word, count in words)
            lines += [f"# notes using each: {uses}", f"{status} = {_toml_list(w for w, _ in words)}"]
    return "\n".join(lines) + "\n"
