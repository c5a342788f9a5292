"""A note's body as plain values: sections, list items, tables, links and tags.

One MarkdownIt per process, block rules only (and GitHub's tables): inline
tokens keep their raw text, and code blocks never become inline tokens, so a
regex over inline text finds links and tags outside code. Sections come from
heading line maps.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..links import MD_LINK, WIKILINK, blank_code_spans, link_target, md_target, tags_in


@lru_cache(maxsize=1)
def _parser():
    """Made on first use: a run that parses no body (a warm report) never imports markdown-it."""
    from markdown_it import MarkdownIt  # here: 70 ms at start-up

    return MarkdownIt("commonmark", {"typographer": False}).disable("inline").enable("table")


_CHECKBOX = re.compile(r"\[(.)\][ \t]+|\[(.)\]$")


@dataclass(frozen=True, slots=True)
class Link:
    target: str  # the note named, without `.md`, heading or alias (a Markdown link's: decoded, maybe `../`)
    line: int
    written: str = ""  # a Markdown link as written, whose target is relative to the note; "" for a wikilink


@dataclass(frozen=True, slots=True)
class Item:
    """A list item's first paragraph."""

    line: int
    text: str  # the item's text, checkbox removed, lines joined with spaces
    task: str | None  # None: not a task; " ": open; "x": done; other: a custom status
    depth: int  # 0 for a top-level item
    tags: tuple[str, ...]
    links: tuple[Link, ...]
    end_line: int = 0  # the item's last line, nested items and trailing blank lines included
    marker: str = "-"  # "-", "*", "+", or "." / ")" for a numbered item


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: its cells' text (an escaped `\\|` read as `|`) and the tags in them."""

    line: int
    cells: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    line: int  # the header row's line
    end_line: int  # the last row's line (the delimiter row's, when it has no rows)
    header: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it up to the next heading of its level or higher."""

    title: str
    level: int
    line: int  # the heading's line
    end_line: int  # the section's last line
    heading_end: int  # the heading's last line (a setext heading has two)
    text: str  # the Markdown under the heading, trimmed
    has_content: bool  # any text, not just blank list items, comments or sub-headings


@dataclass(frozen=True, slots=True)
class Body:
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    links: tuple[Link, ...]
    tags: tuple[str, ...]
    tables: tuple[Table, ...] = ()

    def section(self, *names: str) -> Section | None:
        """The first section whose title is one of `names`, ignoring case."""
        wanted = {n.casefold() for n in names}
        return next((s for s in self.sections if s.title.casefold() in wanted), None)

    def items_in(self, section: Section) -> tuple[Item, ...]:
        lines = [i.line for i in self.items]
        lo = bisect.bisect_right(lines, section.line)
        hi = bisect.bisect_right(lines, section.end_line)
        return self.items[lo:hi]

    def tables_in(self, section: Section) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if section.line < t.line <= section.end_line)


def _links(text: str, first_line: int) -> list[Link]:
    out = []
    if "[[" in text:
        for m in WIKILINK.finditer(text):
            target = link_target(m.group(1))
            if target:
                out.append(Link(target, first_line + text.count("\n", 0, m.start())))
    if "](" in text:
        for m in MD_LINK.finditer(text):
            target = md_target(m.group(2))
            if target:
                out.append(Link(target, first_line + text.count("\n", 0, m.start()), m.group()))
        if len(out) > 1:
            out.sort(key=lambda link: link.line)
    return out


def parse_body(text: str, first_line: int = 1) -> Body:
    """Parse Markdown `text` whose first line is line `first_line` of the file."""
    tokens = _parser().parse(text)
    lines = text.split("\n")
    last_line = len(lines) - (1 if text.endswith("\n") else 0)
    headings: list[tuple[int, str, int, int]] = []  # level, title, heading line0, content line0
    content_lines: list[int] = []
    items: list[Item] = []
    links: list[Link] = []
    tags: list[str] = []
    tables: list[Table] = []
    rows: list[Row] = []  # the table being read; its first row is the header
    table_end = 0
    depth = 0
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "table_open":
            table_end = first_line + tok.map[1] - 1
        elif kind == "tr_open":
            rows.append(Row(first_line + tok.map[0], (), ()))
        elif kind == "table_close":
            tables.append(_table(rows, table_end))
            rows = []
        elif kind == "heading_open":
            headings.append((int(tok.tag[1:]), tokens[i + 1].content.strip(), tok.map[0], tok.map[1]))
        elif kind in ("fence", "code_block") and tok.content.strip():
            content_lines.append(tok.map[0])
        elif kind == "inline":
            line0 = tok.map[0] if tok.map else 0
            plain = blank_code_spans(tok.content)
            found = _links(plain, first_line + line0)
            found_tags = tags_in(plain)
            links += found
            tags += found_tags
            parent = tokens[i - 1]
            if parent.type == "heading_open":
                continue
            if parent.type in ("td_open", "th_open"):
                row = rows[-1]
                rows[-1] = Row(row.line, row.cells + (tok.content,), row.tags + tuple(found_tags))
            rest = _CHECKBOX.sub("", tok.content, count=1) if tok.content.startswith("[") else tok.content
            if rest.strip():
                content_lines.append(line0)
            opener = tokens[i - 2] if i >= 2 else None
            if parent.type == "paragraph_open" and opener is not None and opener.type == "list_item_open":
                items.append(_item(tok.content, first_line + opener.map[0], depth - 1, found_tags, found,
                                   first_line + opener.map[1] - 1, opener.markup))
    sections = []
    for n, (level, title, start, content_start) in enumerate(headings):
        end = next((h[2] for h in headings[n + 1 :] if h[0] <= level), last_line)  # exclusive, 0-based
        i = bisect.bisect_left(content_lines, content_start)
        has_content = i < len(content_lines) and content_lines[i] < end
        body_text = "\n".join(lines[content_start:end]).strip()
        sections.append(Section(title, level, first_line + start, first_line + max(end - 1, start),
                                first_line + content_start - 1, body_text, has_content))
    return Body(tuple(sections), tuple(items), tuple(links), tuple(dict.fromkeys(tags)), tuple(tables))


def _table(rows: list[Row], end_line: int) -> Table:
    header, body = rows[0], rows[1:]
    return Table(header.line, body[-1].line if body else end_line, header.cells, tuple(body))


def _item(content: str, line: int, depth: int, tags: list[str], links: list[Link], end_line: int, marker: str) -> Item:
    task = None
    m = _CHECKBOX.match(content)
    if m:
        task = (m.group(1) or m.group(2)).lower()
        content = content[m.end():]
    return Item(line, " ".join(content.split()), task, depth, tuple(tags), tuple(links), end_line, marker)
