"""File events -> what a refresh must look at: paths in, a Batch out.

The event's type is only a hint (macOS merges them; an editor's atomic save is
a create, a move or a delete + create): every note path named by an event is
checked against the files later, by size, mtime and hash. Paths that are not
notes (editor swap and backup files, vim's `4913`, `.git`, `.obsidian`,
vaultkit's own temp files) are dropped here, as is everything in the output
folder, where vaultkit writes, wherever it really is, but for a generated file
deleted and a draft saved (you may have edited it). The only I/O: a stat when
an output seems deleted (a poller sees a file replaced by a rename as deleted
and created: it is still there), and where the output folder leads, when it
comes or goes.
"""
from __future__ import annotations

import os

from ..config import Config
from ..index.discover import NoteFilter
from ..output.write import is_own_temp
from .debounce import Batch

CONFIG_FILE = "vaultkit.toml"


class EventSorter:
    def __init__(self, config: Config):
        self.config = config
        self.root = str(config.root)
        self.notes = NoteFilter(config)
        self.output = config.folders.output.strip("/")
        self.drafts = f"{self.output}/Drafts/"
        self.templates = config.folders.templates.strip("/")

    def relative(self, path: str | bytes | None) -> str | None:
        if not path:
            return None
        path = os.fsdecode(path)
        if path == self.root:
            return ""
        if not path.startswith(self.root + os.sep):
            return None
        return path[len(self.root) + 1:].replace(os.sep, "/")

    def sort(self, kind: str, src: str | bytes | None, dest: str | bytes | None = None,
             is_dir: bool = False) -> Batch:
        """One watchdog event (kind: created, modified, deleted, moved, closed, opened...)."""
        batch = Batch(events=1, arrived=kind != "deleted")
        if kind in ("opened", "closed_no_write") or (is_dir and kind not in ("created", "deleted", "moved")):
            return Batch()  # a folder is "modified" whenever a file in it comes or goes: the file's event says more
        gone = kind in ("deleted", "moved")
        for rel, vanished in ((self.relative(src), gone), (self.relative(dest), False)):
            if rel is not None:
                self._add(batch, rel, is_dir, vanished)
        return batch if batch else Batch()

    def _add(self, batch: Batch, rel: str, is_dir: bool, vanished: bool) -> None:
        if rel == "" or is_own_temp(rel.rpartition("/")[2]):
            return
        if rel == self.output or self.output.startswith(rel + "/"):
            self._follow_output(batch)
        if rel == self.output or rel.startswith(self.output + "/"):
            # vaultkit's own writes land here; a generated file vanishing needs a new write, and a
            # draft saved may be yours: the dashboard's email link sends what it holds
            hidden = os.path.basename(rel).startswith(".")
            if vanished and not hidden and not self._still_there(rel):
                batch.outputs = True
            elif not (hidden or is_dir) and rel.startswith(self.drafts) and rel.endswith(".md"):
                batch.drafts.add(rel)
            return
        if rel == CONFIG_FILE:
            batch.config = True
            return
        if rel == self.templates or rel.startswith(self.templates + "/"):
            if not os.path.basename(rel).startswith(".") and (is_dir or rel.endswith(".md")):
                batch.templates = True
            return
        if is_dir:
            if self.templates.startswith(rel + "/"):  # the templates may have come or gone with this folder
                batch.templates = True
            parent, _, name = rel.rpartition("/")
            if not self.notes.skips_folder(rel, name) and not self._inside_skipped(parent):
                batch.folders.add(rel)
            return
        if self.notes.takes_path(rel):
            batch.paths.add(rel)

    def _inside_skipped(self, rel: str) -> bool:
        parts = rel.split("/") if rel else []
        return any(self.notes.skips_folder("/".join(parts[:i + 1]), parts[i]) for i in range(len(parts)))

    def _still_there(self, rel: str) -> bool:
        """An output "deleted" that is there now was replaced (vaultkit's write: a poller sees the new inode)."""
        return os.path.lexists(os.path.join(self.root, *rel.split("/")))

    def _follow_output(self, batch: Batch) -> None:
        """The output folder (or a folder on its path) came, went or was replaced: if it now leads
        elsewhere among the notes, or no longer does, the notes there come or go (a rescan)."""
        notes = NoteFilter(self.config)
        before, now = self.notes.output_among_notes, notes.output_among_notes
        if before != now:
            self.notes = notes
            batch.folders.update(rel for rel in (before, now) if rel is not None)
