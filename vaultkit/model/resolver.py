"""The people the notes name, resolved: each written name to its contact's note, each doubt a warning.

`resolve.NameIndex` says which contacts a name may mean; the resolver decides what to do with
that (SPEC: Links): one match is that contact, named by their note; the seeker is left as
written; several matches or none are a warning in the vault's problems, which it collects.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..errors import WARNING, Problem
from ..index.markdown import Link
from ..links import md_link, name_key, name_of, note_name
from .entities import Contact, PersonRef
from .resolve import NameIndex, relative_link


class Resolver:
    def __init__(self, contacts: Iterable[Contact], own: Iterable[Contact], my_name: str, problems: list[Problem]):
        """`own`: the seeker's own notes (nobody's contact); `problems`: where each warning goes."""
        self.names = NameIndex(contacts)
        self._own = list(own)
        self._own_names = NameIndex(self._own)
        self._my_name = name_key(my_name)
        self.problems = problems

    def person(self, ref: PersonRef, source: str, what: str, warn_missing: bool) -> PersonRef:
        """The person a written name means: once resolved, named by their note (SPEC: Links)."""
        link = md_link(ref.written) if "](" in ref.written else None
        match = self.names.match_link(link[1], source) if link else self.names.match(ref.name)
        if len(match.paths) == 1:
            path = match.paths[0]
            if match.stale_folder:
                self._stale_folder(ref, source, what, path, link is not None)
            return PersonRef(ref.written, self.names.name_of(path), path, ref.line)
        if self._is_me(ref, link, source):
            return ref  # the seeker, named among the people at a meeting
        if match.paths:
            self._warn(source, ref.line, f"{what} {ref.written!r} could be any of {', '.join(match.paths)}; "
                                         f"link one by its path, e.g. [[{match.paths[0][:-3]}]]")
        elif warn_missing:
            self._warn(source, ref.line, f"{what} {ref.written!r} matches no contact's file name, name or alias")
        if "[[" in ref.written and "/" in ref.name:  # someone with no note: `[[Leads/Omar Ali]]` is Omar Ali
            return replace(ref, name=note_name(ref.name))
        return ref

    def people(self, refs: Iterable[PersonRef], source: str, what: str, warn_missing: bool) -> tuple[PersonRef, ...]:
        """Each named person resolved; an entry with no name in it (`[[|x]]`) is dropped with a warning."""
        kept = []
        for ref in refs:
            if ref.name:
                kept.append(self.person(ref, source, what, warn_missing))
            else:
                self._warn(source, ref.line, f"{what} {ref.written!r} names nobody; ignored")
        return tuple(kept)

    def contact(self, ref: PersonRef, source: str) -> PersonRef:
        """The `contact` an interaction note names; one that matches nobody is a warning."""
        return self.person(ref, source, "contact", True)

    def mention(self, link: Link, source: str) -> str | None:
        """The contact's note a link in a daily note means, if any; a name that matches nobody is no warning."""
        if not link.written:
            match = self.names.match(link.target)
            if len(match.paths) == 1 and not match.stale_folder:  # the common case, with nothing to warn of
                return match.paths[0]
        written = link.written or f"[[{link.target}]]"
        return self.person(PersonRef(written, name_of(written), None, link.line), source, "link", False).path

    def _is_me(self, ref: PersonRef, link: tuple | None, source: str) -> bool:
        if self._my_name and name_key(ref.name) == self._my_name:
            return True
        if not self._own:
            return False
        return bool((self._own_names.match_link(link[1], source) if link else self._own_names.match(ref.name)).paths)

    def _stale_folder(self, ref: PersonRef, source: str, what: str, path: str, markdown_link: bool) -> None:
        name = note_name(path)
        better = (f"({relative_link(path, source)})" if markdown_link else
                  f"[[{name if self.names.candidates(name) == (path,) else path[:-3]}]]")
        self._warn(source, ref.line, f"{what} {ref.written!r}: the link's folder is stale (no note is there); "
                                     f"matched by name to {path}; update the link to {better}")

    def _warn(self, source: str, line: int, message: str) -> None:
        self.problems.append(Problem(source, line, WARNING, message))
