"""Names a note can have everywhere: a file name Windows, macOS and Linux can hold, that Obsidian
accepts and can link to.

Obsidian refuses `* " \\ / < > : | ?` in a file name, and a link cannot name a note whose name holds
`#` (a heading), `^` (a block), `[` `]` or `|`. Windows keeps CON, PRN, AUX, NUL, COM0-9 and LPT0-9
(any case, with any extension) for devices, and drops a name's trailing dot.

`vaultkit new contact` refuses such a name and says what to write instead (name_problem); an import,
which cannot ask, writes the person's name as given in `name:` and gives the file a portable one
(portable_stem).
"""
from __future__ import annotations

import re

_GROUPS = (  # characters, and why, said of one of them and of several
    ("[]", "it makes a link", "they make a link"),
    ("#", "Obsidian reads it as a heading in a link", "Obsidian reads them as a heading in a link"),
    ("^", "Obsidian reads it as a block in a link", "Obsidian reads them as a block in a link"),
    ("|", "it ends a link's target", "they end a link's target"),
    ('*"\\<>:?/', "no file name can hold it on Windows, and Obsidian refuses it",
     "no file name can hold them on Windows, and Obsidian refuses them"),
)
_NOT_PORTABLE = re.compile("[" + re.escape("".join(chars for chars, _, _ in _GROUPS)) + "]")
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³")}


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def device_name(stem: str) -> str | None:
    """`CON`, for `con` or `Con.txt`: the device name Windows keeps that `stem` would be, else None."""
    base = stem.split(".", 1)[0].rstrip(" ").upper()
    return base if base in _DEVICES else None


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a note's name everywhere, and what to write instead; None when it can."""
    found = [c for c in dict.fromkeys(name) if _NOT_PORTABLE.match(c)]
    if found:
        present = []
        for chars, one, several in _GROUPS:
            mine = [c for c in found if c in chars]  # in the order they appear
            if mine:
                present.append((name.index(mine[0]), f"{_listed(mine)} ({one if len(mine) == 1 else several})"))
        reasons = [reason for _, reason in sorted(present)]
        instead = " ".join(_NOT_PORTABLE.sub(" ", name).split())
        hint = f"leave {'it' if len(found) == 1 else 'them'} out" + (f", e.g. {instead!r}" if instead else "")
        return f"{'; '.join(reasons)}; {hint}"
    device = device_name(name)
    if device:
        return (f"{device} is a name Windows keeps for a device, so no file there can be called that; add a last "
                "name or an initial")
    if name.endswith("."):
        return f"it ends with a dot, which Windows drops from a file name; leave it out, e.g. {name.rstrip('.')!r}"
    return None


def portable_stem(text: str) -> str:
    """A file name (without `.md`) for `text` that every system holds and Obsidian links to: the
    characters above become `-`, and a device name gets a `_` (`CON` -> `CON_`)."""
    stem = _NOT_PORTABLE.sub("-", text)
    device = device_name(stem)
    if device:
        stem = stem[: len(device)] + "_" + stem[len(device):]
    return stem
