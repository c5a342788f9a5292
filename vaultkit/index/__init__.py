"""The read side, below the model: files -> parsed notes, each with its kind.

    discover      find the vault; walk its notes (ignores, hidden folders, symlinks)
    frontmatter   the YAML header: split, C loader, key normalisation, line numbers
    markdown      the body: sections, list items, wikilinks, tags
    note          parse_note(path, bytes) -> Note (frozen, cacheable)
    kind          what kind of note it is: the one place that decides
    read          one file -> Entry (signature, hash, note, kind)
    store         Entries by path; what must be read again (git's racily-clean rule)
    parallel      a big read on every core
    cache         the store on disk (SQLite), and the snapshot a warm run reads
    cache_peek    contacts' front-matter from the cache, read-only, for tab completion
    vault_index   open_index(): the walk, the store and the cache together

Nothing here imports the model, rules, rendering, the CLI or the daemon.
"""
__all__ = ["VaultIndex", "open_index"]


def __getattr__(name: str):  # loaded when asked for: a TAB imports discover and cache_peek from here, and no more
    if name in __all__:
        from . import vault_index

        return getattr(vault_index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
