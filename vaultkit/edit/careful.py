"""The careful editor: the one way vaultkit changes a user's note or adds a file to the vault.

`log`, `new`, `import`, `init` and the mail import write through this module and nothing else.
It is a library API (no click). Every refusal and every failure is a VaultkitError (exit 1) that
names the file by its vault-relative path; any OSError while writing is
`cannot write Contacts/Ana.md: No space left on device`.

    edit_note(root, rel, change)      change a note: `change(old bytes) -> new bytes` (None, or the
                                      same bytes: nothing is written); returns what was written
    create_note(root, rel, content)   a new file, never over one that exists (NoteExists)
    replace_file(root, rel, content)  a whole file replaced, the old bytes kept as `NAME.bak`
    make_folder(root, rel)            a folder (and its parents) inside the vault

An edit, step by step:
1. The note is found where it really is (a symlink inside the vault is followed; one that leads out
   of the vault is refused) and read, with its signature: size, mtime_ns, ctime_ns, inode, device.
2. It is refused when the user may not write it: no write bit for its owner (the mode bits, so root
   is refused too), os.access says no, or its folder cannot take a new file; when it has other hard
   links (an edit saved as a new file would leave them on the old one); when it belongs to someone
   else and vaultkit could not keep its owner.
3. `change(bytes)` goes into a temp file beside the note (vaultkit's temp name, write.new_temp),
   fsynced, with the note's mode, owner and group.
4. Just before the rename the note is read again: if its bytes or its signature differ (an editor
   saved it meanwhile), the temp is dropped and the edit redone on what is there now, up to ATTEMPTS
   times; then it is refused: "changed while vaultkit was editing it; nothing written; try again".
5. The temp is renamed over the note (os.replace) and the folder fsynced.

What race remains: a save that lands between the last check (an lstat) and the rename, a window of
microseconds, is lost, and so is a write by a program into a file it opened before the rename (it
goes to the old file, which no name leads to any more). Obsidian saves in place, so its save is lost
only when it opens the note before the rename and writes after it: microseconds apart, unless the
machine is so busy that it is paused in between. An editor that holds the note in memory and later
saves its older copy overwrites the new line; Obsidian reloads a note changed on disk, so it does
not. Extended attributes and ACLs are not copied to the new file.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import VaultkitError
from ..paths import is_inside
from ..output.write import new_file_mode, new_temp, remove_stale_temps

ATTEMPTS = 3  # reads of a note that an editor keeps saving, before giving up
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK}


class NoteExists(VaultkitError):
    """create_note found a file where the new one goes (made since the vault was read)."""


def _before_check(path: str) -> None:
    """Nothing. A seam: tests save the note here, as an editor would between vaultkit's read and rename."""


def _cannot_write(rel: str, exc: OSError) -> VaultkitError:
    return VaultkitError(f"cannot write {rel}: {exc.strerror or exc}")


def _signature(st: os.stat_result) -> tuple[int, ...]:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev


def _real_note(real_root: str, rel: str) -> str:
    real = os.path.realpath(os.path.join(real_root, *rel.split("/")))
    if real == real_root or not is_inside(real, real_root):
        raise VaultkitError(f"{rel} leads outside the vault; not editing it")
    return real


def _read(real: str) -> tuple[bytes, os.stat_result]:
    """The bytes and the signature of the very file read (not followed if it became a symlink)."""
    fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EISDIR, "not a regular file")
        return handle.read(), st


def _read_note(real: str, rel: str) -> tuple[bytes, os.stat_result]:
    try:
        return _read(real)
    except FileNotFoundError:
        raise VaultkitError(f"{rel} is gone (moved or deleted since vaultkit read the vault); nothing written") \
            from None
    except OSError as exc:
        raise VaultkitError(f"cannot read {rel}: {exc.strerror or exc}; nothing written") from None


def _where(real: str, real_root: str) -> str:
    folder = os.path.relpath(os.path.dirname(real), real_root).replace(os.sep, "/")
    return "the vault's top folder" if folder == "." else f"{folder}/"


def _refuse_unless_writable(real: str, st: os.stat_result, rel: str, real_root: str) -> None:
    """Refuse a note the user may not write, or one an edit would take from its owner or its other names."""
    folder = os.path.dirname(real)
    if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:  # os.access would say "no" too
        raise VaultkitError(f"cannot write {rel}: {os.strerror(errno.EROFS)}")
    if not st.st_mode & stat.S_IWUSR:
        raise VaultkitError(f"{rel} is read-only (its owner may not write it); vaultkit does not edit it "
                            "(chmod u+w to allow it)")
    if not os.access(real, os.W_OK):
        raise VaultkitError(f"{rel}: you may not write it (permission denied); vaultkit does not edit it")
    if not os.stat(folder).st_mode & stat.S_IWUSR or not os.access(folder, os.W_OK | os.X_OK):
        raise VaultkitError(f"{rel}: its folder {_where(real, real_root)} is read-only, and vaultkit saves an "
                            "edit as a new file beside the note; nothing written")
    if st.st_nlink > 1:
        others = st.st_nlink - 1
        raise VaultkitError(f"{rel} has {others} other hard link{'' if others == 1 else 's'} (another name for the "
                            f"same file); an edit saves a new file, and the other name{'' if others == 1 else 's'} "
                            "would keep the old one, so vaultkit does not edit it")
    me = os.geteuid() if hasattr(os, "geteuid") else None
    if me not in (None, 0, st.st_uid):
        raise VaultkitError(f"{rel} belongs to another user (uid {st.st_uid}); vaultkit could not keep its owner, "
                            "so it does not edit it")


def _keep_owner(fd: int, st: os.stat_result, rel: str) -> None:
    """Give the new file the note's owner and group; refuse rather than hand the note to us."""
    mine = os.fstat(fd)
    if not hasattr(os, "fchown") or (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.fchown(fd, st.st_uid if mine.st_uid != st.st_uid else -1, st.st_gid if mine.st_gid != st.st_gid else -1)
    except PermissionError:
        raise VaultkitError(f"{rel} belongs to uid {st.st_uid}, group {st.st_gid}, which vaultkit (uid "
                            f"{mine.st_uid}) could not keep; so it does not edit it") from None


def _write_temp(folder: str, content: bytes, rel: str, like: os.stat_result | None = None) -> str:
    """A temp file beside the target holding `content`, synced, with the mode (and owner) of `like`."""
    fd, temp = new_temp(folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
            if like is not None:
                _keep_owner(handle.fileno(), like, rel)
        os.chmod(temp, stat.S_IMODE(like.st_mode) if like is not None else new_file_mode())
    except BaseException:
        _discard(temp)
        raise
    return temp


def _discard(temp: str) -> None:
    try:
        os.unlink(temp)
    except OSError:
        pass  # gone already; a temp left behind is removed by a later run (write.remove_stale_temps)


def _sync_folder(folder: str) -> None:
    """Make the rename durable; a folder that cannot be opened (Windows) or synced only loses that."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unchanged(real: str, data: bytes, st: os.stat_result) -> bool:
    """Whether the note is still the one read: the same bytes (a coarse clock may hide a save from
    the signature), then the same signature, checked last, right before the rename."""
    try:
        again, _ = _read(real)
        return again == data and _signature(os.lstat(real)) == _signature(st)
    except OSError:
        return False  # the next attempt says what is wrong


def edit_note(root: str | os.PathLike, rel: str, change: Callable[[bytes], bytes | None], *,
              dry_run: bool = False) -> bytes | None:
    """Apply `change` to the note at `rel` (vault-relative, `/`-separated) and save it, only if the note
    is still the one read; returns the bytes written (with dry_run: that would be), None if none.

    `change` may be called more than once (once per read, when an editor saves meanwhile), so it
    must depend only on the bytes it is given. A VaultkitError it raises stops the edit."""
    real_root = os.path.realpath(root)
    for attempt in range(ATTEMPTS):
        real = _real_note(real_root, rel)
        data, st = _read_note(real, rel)
        _refuse_unless_writable(real, st, rel, real_root)
        new = change(data)
        if new is None or new == data:
            return None
        if dry_run:
            return new
        folder = os.path.dirname(real)
        if attempt == 0:
            remove_stale_temps(folder)
        temp: str | None = None
        try:
            temp = _write_temp(folder, new, rel, st)
            _before_check(real)
            if _unchanged(real, data, st):
                os.replace(temp, real)
                temp = None
                _sync_folder(folder)
                return new
        except OSError as exc:
            raise _cannot_write(rel, exc) from None
        finally:
            if temp is not None:
                _discard(temp)
    raise VaultkitError(f"{rel} changed while vaultkit was editing it (an editor saving it?); nothing written; "
                        "try again")


def _make_folders(real_root: str, parts: list[str], rel: str) -> str:
    """The real path of the folder `parts` under the vault, made if missing; refused if it would be
    outside the vault, or if a file stands where one of its folders goes."""
    here = real_root
    for n, part in enumerate(parts, 1):
        here = os.path.join(here, part)
        if not is_inside(os.path.realpath(here), real_root):
            raise VaultkitError(f"cannot write {rel}: {'/'.join(parts[:n])}/ leads outside the vault")
        try:
            os.mkdir(here)
        except FileExistsError:
            if not os.path.isdir(here):
                raise VaultkitError(f"cannot write {rel}: {'/'.join(parts[:n])} is a file, not a folder; "
                                    "move it or rename it") from None
        except OSError as exc:
            raise _cannot_write(rel, exc) from None
    return os.path.realpath(here)


def _link_new(temp: str, target: str) -> None:
    """Give the finished temp the target's name, failing (FileExistsError) if that name is taken."""
    try:
        os.link(temp, target)  # fails if the name is taken, where a rename would replace it
    except OSError as exc:
        if isinstance(exc, FileExistsError) or exc.errno not in _NO_HARD_LINKS:
            raise
        # a file system without hard links (FAT, some shares): claim the name, then rename onto the claim
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temp, target)
        return
    _discard(temp)


def create_note(root: str | os.PathLike, rel: str, content: bytes) -> None:
    """Write a new file at `rel` (its folders made as needed), never over a file that exists: a
    reader sees no file or the whole file. NoteExists when the name is taken."""
    real_root = os.path.realpath(root)
    parts = rel.split("/")
    folder = _make_folders(real_root, parts[:-1], rel)
    temp: str | None = None
    try:
        temp = _write_temp(folder, content, rel)
        _link_new(temp, os.path.join(folder, parts[-1]))
        temp = None
        _sync_folder(folder)
    except FileExistsError:
        raise NoteExists(f"{rel} already exists; vaultkit never overwrites a note") from None
    except OSError as exc:
        raise _cannot_write(rel, exc) from None
    finally:
        if temp is not None and os.path.lexists(temp):
            _discard(temp)


def make_folder(root: str | os.PathLike, rel: str) -> bool:
    """Make the folder `rel` inside the vault; False when it is there already."""
    real_root = os.path.realpath(root)
    path = os.path.join(real_root, *rel.split("/"))
    if os.path.isdir(path):
        return False
    if os.path.lexists(path):
        raise VaultkitError(f"cannot write {rel}/: a file of that name is in the way; move it or rename it")
    _make_folders(real_root, rel.split("/"), f"{rel}/")
    return True


def _backup(root: str | os.PathLike, rel: str, content: bytes) -> str:
    """`content` as `rel.bak` (or `.bak2`, `.bak3`, ...: never over an older backup)."""
    n = 1
    while True:
        name = f"{rel}.bak" if n == 1 else f"{rel}.bak{n}"
        try:
            create_note(root, name, content)
            return name
        except NoteExists:
            n += 1


def replace_file(root: str | os.PathLike, rel: str, content: bytes) -> str | None:
    """Replace the file at `rel` with `content` as edit_note would (refused if the user may not write
    it; redone if it changes meanwhile), keeping the bytes replaced in a backup beside it.
    Returns the backup's vault-relative path; None when the file held `content` already."""
    made: list[str] = []

    def drop_backups() -> None:
        for name in made:
            _discard(str(Path(root, name)))
        made.clear()

    def change(old: bytes) -> bytes | None:
        drop_backups()  # one made for bytes that have since changed
        if old == content:
            return None
        made.append(_backup(root, rel, old))
        return content

    try:
        edit_note(root, rel, change)
    except BaseException:
        drop_backups()
        raise
    return made[-1] if made else None
