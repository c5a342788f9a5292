"""One vault's index: the walk's paths and problems, the parsed notes, and the cache behind them.

`open_index` is how every reader starts (`load_vault`, and the first report of
`watch`): walk, check every note against what the cache knew, parse what
changed, save. The daemon then keeps the same index current with `rescan`
and `check`. Cache trouble is never an error: it goes to `warn`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..config import Config
from ..errors import Problem
from .discover import walk_notes
from .kind import Classifier
from .note import Note
from .store import NoteStore, Update

Progress = Callable[[int], Callable[[int], None] | None]
Warn = Callable[[str], None]


class VaultIndex:
    def __init__(self, config: Config, use_cache: bool = True, warn: Warn | None = None):
        self.use_cache = use_cache
        self.warn = warn
        self.paths: set[str] = set()
        self.walk_problems: list[Problem] = []
        self._configure(config, {})

    def _configure(self, config: Config, entries: dict) -> None:
        self.config = config
        self.cache = None
        if self.use_cache:
            from .cache import NoteCache  # sqlite3 only for a run that uses it

            self.cache = NoteCache(config)
        self.store = NoteStore(config, entries)

    @property
    def note_count(self) -> int:
        return len(self.store.entries)

    @property
    def problems(self) -> list[Problem]:
        """The config's warnings and the walk's problems (the notes' own are in each note)."""
        return [*self.config.warnings, *self.walk_problems]

    def classified(self) -> list[tuple[Note, str | None]]:
        return self.store.classified()

    @property
    def classifier(self) -> Classifier:
        return self.store.classifier

    def open(self, progress: Progress | None = None) -> Update:
        """Every note, from the cache where its file is unchanged; the cache is brought up to date."""
        entries = self._cached_entries()
        self.store = NoteStore(self.config, entries)
        return self.rescan(progress=progress, fresh=self.cache is not None and not entries)

    def reconfigure(self, config: Config) -> None:
        """New settings: the parsed notes stay if they decide nothing differently, else all are read again."""
        self._configure(config, self.store.entries if _fingerprint(config) == _fingerprint(self.config) else {})

    def rescan(self, only: Iterable[str] | None = None, progress: Progress | None = None,
               fresh: bool = False) -> Update:
        """Walk the vault; check `only` those paths (and new ones), or every note when None."""
        paths, self.walk_problems = walk_notes(self.config)
        self.paths = set(paths)
        if only is not None:
            only = set(only) | (self.paths - self.store.entries.keys())
        return self._saved(self.store.update(paths, only=only, progress=progress), fresh)

    def check(self, changed: Iterable[str]) -> Update:
        """Check just `changed` (the daemon's events named them), without a walk."""
        changed = set(changed)
        root = self.config.root
        for rel in changed:
            if (root / rel).is_file():
                self.paths.add(rel)
            else:
                self.paths.discard(rel)
        return self._saved(self.store.update(self.paths, only=changed))

    def _cached_entries(self) -> dict:
        if self.cache is None:
            return {}
        from .cache import CacheWarning

        try:
            return self.cache.load()
        except CacheWarning as exc:
            self._warn(exc)
            return {}

    def _saved(self, update: Update, fresh: bool = False) -> Update:
        """Write what `update` changed to the cache; trouble is a warning, never an error."""
        if self.cache is None or not (update.parsed or update.confirmed or update.dropped or fresh):
            return update
        from .cache import CacheWarning

        try:
            self.cache.save(self.store.entries, update.parsed + update.confirmed, update.dropped, fresh=fresh)
        except CacheWarning as exc:
            self._warn(exc)
        return update

    def _warn(self, exc: Exception) -> None:
        if self.warn:
            self.warn(str(exc))


def _fingerprint(config: Config) -> str:
    from .cache import fingerprint

    return fingerprint(config)


def open_index(config: Config, use_cache: bool = False, progress: Progress | None = None,
               warn: Warn | None = None) -> VaultIndex:
    """The index of the vault `config` describes, read and checked: every note as it is now."""
    index = VaultIndex(config, use_cache, warn)
    index.open(progress)
    return index
