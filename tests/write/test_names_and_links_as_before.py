"""File names and wikilinks, made faster, come out as the plain per-character versions made them.

safe_name measures a name's bytes only when it may be too long, and wikilink finds a character
a link cannot hold with one regex; the versions they replaced are the oracles here, on random
text with separators, dots, emoji, joiners, lone surrogates and names far over the limits."""
from __future__ import annotations

import random
import re
from itertools import accumulate
from urllib.parse import quote

from vaultkit.output.write import MAX_NAME, MAX_NAME_BYTES, safe_name, unique_names
from vaultkit.render.text import md_text, wikilink

_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]')
_LINK_BREAKERS = set("[]|#^")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~=$%^])")
_ALPHABET = ["a", "Z", "*", "_", "`", "<", ">", "~", "=", "$", "%", "\\\\",
             " ", ".", "-", "/", "\\", ":", "|", "#", "^", "[", "]", "\n", "\t", "é", "ß", "中",
             "\u200d", "👩", "🏽", "\ud83d", "\ude00", "\x00", "..", "Ana Díaz", "x" * 60, "é" * 70]


def _old_safe_name(text: str, suffix: str = ".md") -> str:
    name = _UNSAFE.sub("-", text)
    name = re.sub(r"\.{2,}", ".", name).strip(" .-") or "untitled"
    name = name[: MAX_NAME - len(suffix)]
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    sizes = accumulate(len(c.encode("utf-8", "surrogatepass")) for c in name)
    name = name[: sum(size <= room for size in sizes)]
    return (name.rstrip(" .\u200d") or "untitled") + suffix


def _old_md_text(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _old_wikilink(path: str, label: str) -> str:
    target = path[:-3] if path.endswith(".md") else path
    shown = " ".join(label.split())
    if _LINK_BREAKERS & set(target) or _LINK_BREAKERS & set(shown) or "\n" in target:
        return f"[{_old_md_text(shown)}]({quote(path)})"
    return f"[[{target}|{shown}]]" if shown != target else f"[[{target}]]"


def _texts(seed: int, count: int, alphabet=tuple(_ALPHABET)) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_safe_name_is_the_per_character_cut():
    for text in _texts(28, 4000) + ["", ".", "..", "é" * 100, "👩‍💻" * 40, "a" * 197 + "é", "a" * 300]:
        for suffix in (".md", " (2).md", ".ics"):
            assert safe_name(text, suffix) == _old_safe_name(text, suffix), (text, suffix)


def test_unique_names_are_the_per_character_cut():
    titles = _texts(7, 1500)
    expected, used = [], set()
    for title in titles:
        name, n = _old_safe_name(title), 1
        while name.casefold() in used:
            n += 1
            name = _old_safe_name(title, f" ({n}).md")
        used.add(name.casefold())
        expected.append(name)
    assert unique_names(titles) == expected


def test_wikilink_is_the_set_test():
    linkable = tuple(c for c in _ALPHABET if c not in ("\ud83d", "\ude00"))  # a lone surrogate cannot be quoted
    paths, labels = _texts(3, 3000, linkable), _texts(4, 3000, linkable)
    for path, label in zip(paths, labels):
        for p in (path, path + ".md", f"Contacts/{path}.md"):
            assert wikilink(p, label) == _old_wikilink(p, label), (p, label)
            assert wikilink(p, p) == _old_wikilink(p, p), p


def test_md_text_is_the_regex_escape():
    for text in _texts(9, 4000) + ["", "  ", "**bold** _it_ `code` <b> ~~s~~ ==h== $x$ 50% ^1 \\ [[A|B]] #tag"]:
        assert md_text(text) == _old_md_text(text), text
