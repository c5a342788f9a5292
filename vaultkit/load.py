"""Files -> notes -> vault model: the read half of every command."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .config import Config, load_config
from .index import VaultIndex, open_index
from .index.vault_index import Prepare, Progress

if TYPE_CHECKING:
    from .model import Vault

# What `check` and `report` take: a vault's folder, its index (open, as the command line reads it
# with a progress bar), or its model already built
Source = Union[str, os.PathLike, VaultIndex, "Vault"]


def vault_of(index: VaultIndex) -> Vault:
    """The model of what `index` holds now."""
    from .model import assemble_vault  # here: a run with nothing new to say builds no model
    from .model.known_facts import model_facts

    return assemble_vault(model_facts(index), index.config, index.problems, index.note_count)


def prepare_model(index: VaultIndex) -> None:
    """Building the model begun early (open_index's `prepare`, while a second process stats the notes):
    the model's modules imported, and the facts kept of every note taken back (60 to 80 ms on the
    mixed bench vault, and as much of the stat left to the other process)."""
    from .model.known_facts import model_facts  # here: as vault_of
    from . import model  # noqa: F401  # here: as vault_of

    model_facts(index, kept_only=True)


def load_vault(root: str | os.PathLike, config: Config | None = None, progress: Progress | None = None,
               use_cache: bool = False, warn: Callable[[str], None] | None = None) -> Vault:
    """Read the vault at `root` (its `vaultkit.toml` unless `config` is given).

    `progress(total)`, if given, may return a callback that is told of each
    note read. `use_cache` keeps parsed notes in the user's cache folder so
    the next read only parses notes that changed. Cache trouble is never an
    error: it goes to `warn` and the notes are read from their files.
    """
    root = Path(root).resolve()
    config = config or load_config(root)
    return vault_of(open_index(config, use_cache, progress, warn, prepare_model))


def index_of(source: Source, use_cache: bool = False, progress: Progress | None = None,
             warn: Callable[[str], None] | None = None, prepare: Prepare | None = None) -> VaultIndex | None:
    """The index of `source`, read now if it is a path; None if `source` is a model already built."""
    if isinstance(source, (str, os.PathLike)):
        root = Path(source).resolve()
        return open_index(load_config(root), use_cache, progress, warn, prepare)
    if isinstance(source, VaultIndex):
        return source
    return None
