"""Wikilinks and tags: the syntax only, not what they point to (see model.resolve)."""
from __future__ import annotations

import re
import unicodedata

# [[target#heading|alias]] and ![[embed]]; `\|` is a pipe escaped inside a table
WIKILINK = re.compile(r"!?\[\[([^\[\]\n]+?)\]\]")
# Obsidian tags: after a space, `(` or the line start; letters, digits, _ - /; not all digits
TAG = re.compile(r"(?<![^\s(])#([\w\-/]*[^\W\d][\w\-/]*)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


def link_target(inner: str) -> str:
    """The note a link's inside names: `Contacts/Ana.md#Log|Ana` -> `Contacts/Ana`."""
    inner = inner.replace("\\|", "|")
    target = inner.split("|", 1)[0].split("#", 1)[0].strip()
    if target.lower().endswith(".md"):
        target = target[:-3]
    return target


def note_stem(path: str) -> str:
    """A note's file name without folder or `.md`: `Contacts/Ana Díaz.md` -> `Ana Díaz`."""
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") else name


def name_of(value: str) -> str:
    """A name written in a property, without link syntax: `[[Omar Ali|Omar]]` -> `Omar Ali`.

    A plain string is a name as it stands; a string that is exactly one link is
    that link's target.
    """
    text = value.strip()
    if "[[" not in text:
        return text
    m = WIKILINK.fullmatch(text)
    return link_target(m.group(1)) if m else text


def name_key(name: str) -> str:
    """How names are compared: ignoring case, Unicode form (macOS writes NFD) and spacing."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def plain_key(name: str) -> str:
    """`Ana Díaz` -> `ana diaz`: how a name typed without accents compares."""
    if name.isascii():
        return name_key(name)  # nothing to take off: most names, and a TAB compares hundreds
    decomposed = unicodedata.normalize("NFD", name_key(name))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def blank_code_spans(text: str) -> str:
    """Inline code becomes spaces (newlines kept), so nothing in it reads as a link or tag."""
    if "`" not in text:
        return text
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def tags_in(text: str) -> list[str]:
    """Inline tags, lower-cased, in order of appearance."""
    return [t.lower().rstrip("/") for t in TAG.findall(text)] if "#" in text else []


def tag_values(value) -> list[str]:
    """Front-matter `tags`: a list, or a string split on commas and spaces; `#` optional."""
    if isinstance(value, str):
        items = re.split(r"[,\s]+", value)
    elif isinstance(value, list):
        items = [v for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    else:
        return []
    tags = (name_of(str(item)).lstrip("#").strip().lower().rstrip("/") for item in items)
    return [tag for tag in tags if tag]
