"""Wikilinks, Markdown links and tags: the syntax only, not what they point to (see model.resolve)."""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

# [[target#heading|alias]] and ![[embed]]; `\|` is a pipe escaped inside a table
WIKILINK = re.compile(r"!?\[\[([^\[\]\n]+?)\]\]")
# Obsidian tags: after a space, `(` or the line start; letters, digits, _ - /; not all digits
TAG = re.compile(r"(?<![^\s(])#([\w\-/]*[^\W\d][\w\-/]*)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# [label](destination "title"), not an image: a destination in <...> may hold spaces, a bare one none
MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)"
                     r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)")
# a whole front-matter value that is one Markdown link: YAML is no Markdown, so spaces are let pass
_MD_VALUE = re.compile(r"\[([^\[\]\n]*)\]\(\s*(<[^<>\n]*>|[^\n]*?)(?:\s+\"[^\"\n]*\")?\s*\)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:|//")  # http:, mailto:, obsidian:, C:, //host
_LONGEST_LINK = 2000  # characters: no link to a note is longer, and the pattern need not see more
_ATTACHMENT = re.compile(r"\.[A-Za-z0-9]{1,5}$")  # cv.pdf, photo.png: not a note


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


def note_name(path: str) -> str:
    """The name a note goes by: its file name, or a folder note's (`Jane Doe/index.md`) folder's name."""
    stem = note_stem(path)
    if stem.casefold() == "index" and "/" in path:
        return path.rsplit("/", 2)[-2]
    return stem


def md_target(destination: str) -> str | None:
    """The note a Markdown link's destination names, decoded and without `.md`, `#heading` or `?query`:
    `../Jane%20Doe.md#Log` -> `../Jane Doe`; a folder (`jane/`) means its `index`. None for a link
    that leads out of the vault (`https:`, `mailto:`), to a heading of the same note, or to a file
    that is not a note (`cv.pdf`)."""
    target = destination.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1].strip()
    if not target or target.startswith("#") or _SCHEME.match(target):
        return None
    target = unquote(target.split("#", 1)[0].split("?", 1)[0]).strip()
    if target.endswith("/"):
        target += "index"
    if target.lower().endswith(".md"):
        target = target[:-3]
    elif _ATTACHMENT.search(target.rsplit("/", 1)[-1]):
        return None
    return target if target.strip("./") else None


def md_link(value: str) -> tuple[str, str] | None:
    """(label, target) when a property's value is exactly one Markdown link to a note, else None."""
    text = value.strip()
    if not text.startswith("[") or "](" not in text or len(text) > _LONGEST_LINK:
        return None
    m = _MD_VALUE.fullmatch(text)
    if not m:
        return None
    target = md_target(m.group(2))
    return (m.group(1).strip(), target) if target is not None else None


def name_of(value: str) -> str:
    """A name written in a property, without link syntax: `[[Omar Ali|Omar]]` -> `Omar Ali`.

    A plain string is a name as it stands; a string that is exactly one link is
    that link's target, or a Markdown link's label (`[Jane](../jane/index.md)`
    -> `Jane`; with no label, the name of the note it leads to).
    """
    text = value.strip()
    if "[[" not in text:
        if text.startswith("[") and "](" in text:
            found = md_link(text)
            if found:
                return found[0] or note_name(found[1])
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
