"""Contact names for tab completion: every form a NAME argument accepts, offered at once.

Each TAB runs vaultkit as a new process, so this loads neither the model nor the templates and
parses no note: a contact's names (its file name, `name` and aliases) come from the parse cache
the last run left, and the contacts folder's file names add any note written since. With no cache
yet, the vault is read once, which makes one for the next TAB.

A contact is offered when what was typed, ignoring case and accents, starts its file name, its
name, an alias or any word of them (`chloe` -> Chloé Martin, `okaf` -> Ben Okafor), or its path
from any folder on (`2026/chl`, as a link may name it).
"""
from __future__ import annotations

import re
from collections import Counter

from .config import Config
from .links import name_of, note_name, plain_key

_WORDS = re.compile(r"[\s\-]+")  # `Díaz-López` starts a word at López too


def _texts(value) -> list[str]:
    """A front-matter value as the names it holds (a list, or one), without link syntax."""
    values = value if isinstance(value, list) else [value]
    return [name_of(str(v).strip()) for v in values
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip()]


def contact_forms(config: Config) -> dict[str, tuple[str, ...]]:
    """Each contact's note path -> the names it goes by: file name, `name`, aliases."""
    from .index.cache_peek import cached_props_of_kind  # sqlite, not the YAML parser

    notes = cached_props_of_kind(config, "contact")
    if notes is None:  # no cache yet: read the vault once, which makes one for the next keypress
        from .load import load_vault  # here: only a vault with no cache loads the model for a TAB

        vault = load_vault(config.root, config, use_cache=True)
        forms = {p: (note_name(p), c.name, *c.aliases) for p, c in vault.contacts.items()}
    else:
        forms = {p: (note_name(p), *_texts(props.get("name"))[:1], *_texts(props.get("aliases")),
                     *_texts(props.get("alias"))) for p, props in notes.items()}
    folder = config.root / config.folders.contacts
    for path in folder.rglob("*.md"):  # written since the last run
        forms.setdefault(path.relative_to(config.root).as_posix(), (path.stem,))
    return forms


def _starts(key: str, typed: str) -> bool:
    return key.startswith(typed) or any(word.startswith(typed) for word in _WORDS.split(key))


def offers(forms: dict[str, tuple[str, ...]], incomplete: str) -> list[str]:
    """What to offer for `incomplete`: each matching contact's file name, or its path (without
    `.md`) when another contact has the same file name; sorted, ignoring case."""
    typed = plain_key(incomplete.lstrip("["))  # `[[Ana` is Ana
    found = [path for path, written in forms.items()
             if not typed or f"/{typed}" in f"/{plain_key(path)}" or any(_starts(plain_key(w), typed) for w in written)]
    if not found:
        return []
    stems = Counter(plain_key(note_name(path)) for path in forms)
    return sorted({note_name(p) if stems[plain_key(note_name(p))] == 1 else p[:-3] for p in found},
                  key=lambda name: (name.casefold(), name))
