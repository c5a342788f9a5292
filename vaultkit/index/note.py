"""One note file -> one plain, immutable `Note`.

A Note depends only on the file's vault-relative path and its bytes, so it
can be cached and reused. The body is parsed only when the caller wants it
(`wants_body`, which decides from the front-matter and path) or when the body
has an inline `#contact` / `#interview` tag that could make it one.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..errors import ERROR, WARNING, Problem
from ..links import note_stem, tag_values
from .frontmatter import read_front_matter
from .kind import BUILT_IN_TAGS, declared_type, has_inline_hint, type_from_tags
from .markdown import Body, parse_body

MAX_BODY = 1_000_000  # characters; a body past this is not parsed
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Note:
    path: str  # vault-relative, POSIX separators
    props: dict = field(default_factory=dict)  # normalised keys -> cleaned YAML values
    key_lines: dict = field(default_factory=dict)
    item_lines: dict = field(default_factory=dict)
    type_prop: str | None = None  # front-matter `type:`, lower-cased
    tag_type: str | None = None  # the kind a front-matter tag gives (`#contact`, or a tag in [types])
    inline_type: str | None = None  # the same from an inline tag in the body
    tags: tuple[str, ...] = ()
    body: Body | None = None
    body_line: int = 1
    readable: bool = True  # False: bytes or front-matter could not be read
    problems: tuple[Problem, ...] = ()

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    @property
    def stem(self) -> str:
        return note_stem(self.path)


def decode(path: str, data: bytes) -> tuple[str | None, Problem | None]:
    """Text with BOM removed and line ends made `\\n`, or the reason it is not text."""
    if data.startswith(_UTF16_BOMS):
        return None, Problem(path, 1, ERROR, "UTF-16 text; save it as UTF-8 to have it read")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return None, Problem(path, line, ERROR, f"binary file (a NUL byte on line {line}); not read")
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, start + exc.start) + 1
        byte = data[start + exc.start]
        return None, Problem(path, line, ERROR, f"not UTF-8 text (byte 0x{byte:02X} on line {line}); save it as UTF-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def parse_note(path: str, data: bytes, wants_body: Callable[[Note], bool] | None = None,
               kind_tags: dict[str, str] = BUILT_IN_TAGS) -> Note:
    """Parse one note; never raises on any bytes.

    `wants_body(note)` sees the note without its body and says whether the
    body is needed; by default every body is parsed. `kind_tags` are the tags
    that give a note its kind (the classifier's, with the vault's `[types]`).
    """
    text, problem = decode(path, data)
    if problem:
        return Note(path, readable=False, problems=(problem,))
    fm = read_front_matter(path, text)
    tags = tuple(tag_values(fm.data.get("tags", fm.data.get("tag"))))
    note = Note(
        path,
        props=fm.data,
        key_lines=fm.key_lines,
        item_lines=fm.item_lines,
        type_prop=declared_type(fm.data.get("type")),
        tag_type=type_from_tags(tags, kind_tags),
        tags=tags,
        body_line=fm.body_line,
        readable=fm.readable,
        problems=fm.problems,
    )
    if not fm.readable:
        return note  # vaultkit cannot tell what it was meant to be: the error is all it yields
    body_text = text[fm.body_start:]
    hinted = note.type_prop is None and note.tag_type is None and has_inline_hint(body_text, kind_tags)
    if not hinted and not (wants_body is None or wants_body(note)):
        return note
    if len(body_text) > MAX_BODY:
        size = len(data) / 1_000_000
        warning = Problem(path, fm.body_line, WARNING,
                          f"note is {size:.1f} MB; only its front-matter was read (bodies over 1 MB are skipped)")
        return replace(note, problems=note.problems + (warning,))
    body = parse_body(body_text, fm.body_line)
    inline = type_from_tags(body.tags, kind_tags) if hinted else None
    return replace(note, body=body, inline_type=inline)
