"""Where a vault's cache lives: light enough to import before anything else (entry.py)."""
from __future__ import annotations

import hashlib
import os

ENV_CACHE_DIR = "VAULTKIT_CACHE_DIR"
PATHS_SUFFIX = ".paths"  # beside the cache: every note's path, for a stat that starts before the imports


def cache_dir_name(environ=os.environ) -> str:
    if environ.get(ENV_CACHE_DIR):
        return environ[ENV_CACHE_DIR]
    import platformdirs

    return platformdirs.user_cache_dir("vaultkit", appauthor=False)


def cache_file_name(resolved_root: str, environ=os.environ) -> str:
    """The cache of the vault at `resolved_root` (a resolved path): one file per vault."""
    key = hashlib.sha256(resolved_root.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return os.path.join(cache_dir_name(environ), f"notes-{key}.sqlite3")


def paths_header(digest: str, count: int) -> bytes:
    """The first line of the paths file: what it holds, the hash of the paths, how many there are."""
    return f"vaultkit paths {digest} {count}\n".encode()


def read_paths_header(line: bytes) -> tuple[str, int] | None:
    parts = line.split()
    if len(parts) != 4 or parts[:2] != [b"vaultkit", b"paths"] or not parts[3].isdigit():
        return None
    return parts[2].decode("ascii", "replace"), int(parts[3])
