"""Split a note's front-matter from its body and load it safely.

YAML is loaded with PyYAML's safe loader (the libyaml C one when present) in
two steps, compose then construct, so that each key keeps its line and the
node graph can be checked before anything walks it: an alias bomb or an alias
that refers to itself is refused, and so is nesting deep enough to overflow
libyaml's C stack (it segfaults near 50,000 levels).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..errors import ERROR, WARNING, Problem
from ..mapping import key_of

def make_loader(base: type) -> type:
    """The safe loader `base`, except that a value YAML cannot build stays text.

    `date: 2026-13-45` would otherwise fail the whole block; as text, the model
    can say which key is wrong. So does a number of more than MAX_NUMBER_TEXT
    characters: no key wants one, and Python cannot even print an int of 5,000
    digits. Unknown tags (`!foo x`) are read as plain values.
    """
    loader = type("VaultkitLoader", (base,), {"resolve": _remembered_resolve(base.resolve)})
    for tag in ("timestamp", "int", "float"):
        full = f"tag:yaml.org,2002:{tag}"
        loader.add_constructor(full, _lenient(yaml.SafeLoader.yaml_constructors[full]))
    loader.add_constructor(None, _untagged)
    return loader


MAX_NUMBER_TEXT = 100  # characters
_REMEMBERED = 20_000  # plain scalars whose tag is kept: the keys and values every note repeats


def _remembered_resolve(resolve):
    """PyYAML's tag resolution (regexes, in Python, for every scalar), remembered per plain scalar:
    for a plain scalar the tag depends on its text alone, and `tags`, `created`, `type: contact`
    recur in note after note. The C parser calls it for each scalar it reads."""
    tags: dict[str, str] = {}

    def remembered(self, kind, value, implicit):
        if kind is yaml.ScalarNode and implicit[0] and not implicit[1] and len(value) <= 64:
            tag = tags.get(value)
            if tag is None:
                tag = resolve(self, kind, value, implicit)
                if len(tags) < _REMEMBERED:
                    tags[value] = tag
            return tag
        return resolve(self, kind, value, implicit)

    return remembered


def _lenient(construct):
    def build(loader, node):
        if len(node.value) > MAX_NUMBER_TEXT:
            return loader.construct_scalar(node)
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)
    return build


def _untagged(loader, node):
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_Loader = make_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C when PyYAML has libyaml
MAX_FRONT_MATTER = 1_000_000  # characters
MAX_NESTING = 500
MAX_EXPANDED_NODES = 10_000  # what aliases may expand to
_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_BRACKETS = re.compile(r"[^\[\]{}]")
_INDICATORS = re.compile(r"[-?:](?=[ \t]|$)")  # each may open a nested block node
# Line breaks to YAML 1.1 and libyaml, which would then count lines differently from us (and
# from Obsidian's YAML 1.2): read as noncharacters, free for a program's own use, then put back.
_SEPARATORS, _STAND_INS = "\x85\u2028\u2029", "\ufdd0\ufdd1\ufdd2"
_TO_STAND_INS = str.maketrans(_SEPARATORS, _STAND_INS)
_FROM_STAND_INS = str.maketrans(_STAND_INS, _SEPARATORS)


_KEYS: dict[str, str] = {}  # the same few keys recur in every note


def normalise_key(key: str) -> str:
    """`Referred-By`, `referred by` and `referred_by` are one key: `referred_by`."""
    found = _KEYS.get(key)
    if found is None:
        found = key_of(key)
        if len(_KEYS) < 10_000:
            _KEYS[key] = found
    return found


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Keys are normalised; values are as YAML gave them, tidied by `clean_value`."""

    data: dict = field(default_factory=dict)
    key_lines: dict = field(default_factory=dict)  # key -> 1-based line
    item_lines: dict = field(default_factory=dict)  # key -> line of each list item
    body_start: int = 0  # index into text where the body begins
    body_line: int = 1  # 1-based line on which the body begins
    problems: tuple = ()
    readable: bool = True  # False when the block could not be read at all


def split_front_matter(text: str) -> tuple[str | None, int, int, int]:
    """(YAML block or None, its first line, body offset, body line).

    A body offset of -1 means the block was opened and never closed.
    """
    m = _OPEN.match(text)
    if not m:
        return ("", 2, -1, 1) if text.rstrip(" \t") == "---" else (None, 1, 0, 1)
    close = _CLOSE.search(text, m.end())
    if close is None:
        return text[m.end():], 2, -1, 1
    end = close.end() + (text[close.end() : close.end() + 1] == "\n")
    return text[m.end() : close.start()], 2, end, text.count("\n", 0, end) + 1


def read_front_matter(path: str, text: str) -> FrontMatter:
    block, first_line, body_start, body_line = split_front_matter(text)
    if block is None:
        return FrontMatter()
    if body_start < 0:
        problem = Problem(path, 1, ERROR, "front-matter opened with --- on line 1 is never closed with a --- line")
        return FrontMatter(problems=(problem,), readable=False)
    fail = _refuse(path, block, first_line)
    if fail:
        return FrontMatter(body_start=body_start, body_line=body_line, problems=(fail,), readable=False)
    swapped = not block.isascii() and any(c in block for c in _SEPARATORS) and not any(c in block for c in _STAND_INS)
    try:
        return _load(path, block.translate(_TO_STAND_INS) if swapped else block, first_line, body_start, body_line,
                     swapped)
    except yaml.MarkedYAMLError as exc:
        problem = Problem(path, *_yaml_error(exc, first_line, block.count("\n")))
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        problem = Problem(path, first_line, ERROR, f"front-matter is not valid YAML: {exc}")
    return FrontMatter(body_start=body_start, body_line=body_line, problems=(problem,), readable=False)


_YAML_WORDS = {"flow sequence": "[...] list", "flow mapping": "{...} mapping", "block mapping": "key: value block",
               "block collection": "indented block", "quoted scalar": "quoted text", "simple key": "key",
               "plain scalar": "value", "block scalar": "| or > text", "directive": "% directive", "tag": "tag"}


def _yaml_error(exc: yaml.MarkedYAMLError, first_line: int, block_lines: int) -> tuple[int, str, str]:
    """(line, severity, message): at the fault, or where the broken part began
    when the fault is only noticed at the closing fence."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and (mark is None or mark.line >= block_lines):
        mark = exc.context_mark
    line = first_line + (mark.line if mark else 0)
    message = (exc.problem or exc.context or "unreadable").strip()
    context = re.match(r"while (?:parsing|scanning) an? (.+)", exc.context or "")
    if exc.problem and context and exc.context_mark:
        what = _YAML_WORDS.get(context.group(1), context.group(1))
        message += f" (in the {what} that starts on line {first_line + exc.context_mark.line})"
    return line, ERROR, f"front-matter is not valid YAML: {message}"


def _refuse(path: str, block: str, first_line: int) -> Problem | None:
    """Input that must never reach libyaml, or that no note needs."""
    if len(block) > MAX_FRONT_MATTER:
        return Problem(path, 1, ERROR, f"front-matter is {len(block):,} characters; over the {MAX_FRONT_MATTER:,} limit, not read")
    if len(block) <= MAX_NESTING:  # every level of nesting takes at least one character
        return None
    depth = 0
    for number, line in enumerate(block.split("\n")):
        indent = len(line) - len(line.lstrip(" "))
        peak = depth
        if "[" in line or "{" in line or depth:
            for ch in _BRACKETS.sub("", line):
                depth = depth + 1 if ch in "[{" else max(0, depth - 1)
                peak = max(peak, depth)
        if peak + indent + len(_INDICATORS.findall(line)) > MAX_NESTING:
            return Problem(path, first_line + number, ERROR, f"front-matter is nested more than {MAX_NESTING} levels deep; not read")
    return None


def _load(path: str, block: str, first_line: int, body_start: int, body_line: int, swapped: bool) -> FrontMatter:
    loader = _Loader(block)
    try:
        root = loader.get_single_node()
        if root is None:  # empty block or only comments: an empty mapping
            return FrontMatter(body_start=body_start, body_line=body_line)
        if "*" in block:
            trouble = _alias_trouble(root)
            if trouble:
                return FrontMatter(body_start=body_start, body_line=body_line, readable=False,
                                   problems=(Problem(path, first_line, ERROR, trouble),))
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            problem = Problem(path, first_line + root.start_mark.line, ERROR,
                              f"front-matter is {kind}, not a set of `key: value` lines")
            return FrontMatter(body_start=body_start, body_line=body_line, problems=(problem,), readable=False)
        return _mapping(loader, root, path, first_line, body_start, body_line, swapped)
    finally:
        loader.dispose()


def _mapping(loader, root, path, first_line, body_start, body_line, swapped) -> FrontMatter:
    data: dict = {}
    key_lines: dict = {}
    item_lines: dict = {}
    problems: list[Problem] = []
    for key_node, value_node in _pairs(loader, root):
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
            problems.append(Problem(path, line, WARNING, "a front-matter key must be a plain name; this entry is ignored"))
            continue
        written = key_node.value.translate(_FROM_STAND_INS) if swapped else key_node.value
        key = normalise_key(written)  # the raw text: `on:` stays "on", not True
        if key in key_lines:
            problems.append(Problem(path, line, WARNING,
                                    f"duplicate key {written!r} (also on line {key_lines[key]}); this later one wins"))
        data[key] = _value(loader, value_node) if not swapped else _restored(loader, value_node)
        key_lines[key] = line
        if type(value_node) is yaml.SequenceNode:
            item_lines[key] = tuple(first_line + item.start_mark.line for item in value_node.value)
        elif key in item_lines:
            del item_lines[key]
    return FrontMatter(data, key_lines, item_lines, body_start, body_line, tuple(problems))


_STR = "tag:yaml.org,2002:str"


def _value(loader, node):
    """A value built from its node; plain text (most values) skips PyYAML's constructor machinery."""
    if type(node) is yaml.ScalarNode and node.tag == _STR:
        return node.value.strip()
    if type(node) is yaml.SequenceNode and all(type(n) is yaml.ScalarNode and n.tag == _STR for n in node.value):
        return [n.value.strip() for n in node.value]
    return clean_value(loader.construct_object(node, deep=True))


def _restored(loader, node):
    """`_value`, with the line separators put back before values are tidied."""
    return clean_value(_put_back(loader.construct_object(node, deep=True)))


def _put_back(value):
    if isinstance(value, str):
        return value.translate(_FROM_STAND_INS)
    if isinstance(value, list):
        return [_put_back(v) for v in value]
    if isinstance(value, dict):
        return {_put_back(k): _put_back(v) for k, v in value.items()}
    return value


def _pairs(loader, root):
    """The mapping's (key, value) nodes, with YAML merge keys (`<<: *base`) expanded in place."""
    for key_node, value_node in root.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for sub in merged:
                if isinstance(sub, yaml.MappingNode):
                    for sub_key, sub_value in sub.value:
                        yield (yaml.ScalarNode(sub_key.tag, sub_key.value, key_node.start_mark, key_node.end_mark)
                               if isinstance(sub_key, yaml.ScalarNode) else sub_key), sub_value
            continue
        yield key_node, value_node


def _alias_trouble(root) -> str | None:
    """Size of the data once aliases are expanded, counted without expanding them."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        children = _children(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[key] > MAX_EXPANDED_NODES:
                return (f"front-matter uses YAML aliases that expand past {MAX_EXPANDED_NODES:,} values "
                        "(an alias bomb?); not read")
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            return "front-matter has a YAML alias that refers to itself; not read"
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return None


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def clean_value(value):
    """Undo YAML's surprises that are the same for every key.

    An unquoted `[[Ana]]` is read as a list in a list: it becomes the link
    text again. Empty list items (`-` alone, read as None) are dropped.
    """
    kind = type(value)
    if kind is str:
        return value.strip()
    if kind is not list and kind is not dict:
        return value
    if kind is list:
        items = [v.strip() if type(v) is str else clean_value(v) for v in value if v is not None]
        if len(items) == 1 and isinstance(items[0], list) and len(items[0]) == 1 and isinstance(items[0][0], str):
            return f"[[{items[0][0]}]]"
        return items
    return {str(k): clean_value(v) for k, v in value.items()}
