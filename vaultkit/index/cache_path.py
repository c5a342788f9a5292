"""Where a vault's cache lives: light enough for tab completion to import."""
from __future__ import annotations

import hashlib
import os

ENV_CACHE_DIR = "VAULTKIT_CACHE_DIR"


def cache_dir_name(environ=os.environ) -> str:
    if environ.get(ENV_CACHE_DIR):
        return environ[ENV_CACHE_DIR]
    import platformdirs  # here: 4 ms a run given $VAULTKIT_CACHE_DIR, or a TAB with no cache, need not pay

    return platformdirs.user_cache_dir("vaultkit", appauthor=False)


def cache_file_name(resolved_root: str, environ=os.environ) -> str:
    """The cache of the vault at `resolved_root` (a resolved path): one file per vault."""
    key = hashlib.sha256(resolved_root.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return os.path.join(cache_dir_name(environ), f"notes-{key}.sqlite3")
