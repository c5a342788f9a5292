"""Values the cache keeps, as bytes: pickle, restricted to the classes a kind of row may hold.

Each allowed class is written as a call of the class with its fields, so loading one runs the
class's own __init__: twice as fast as dataclasses' generic __setstate__, which looks up the
fields again for every object (a report after a contact's edit loads thousands). Loading builds
only the allowed classes and Python's plain values, so a doctored cache cannot run code.
"""
from __future__ import annotations

import dataclasses
import importlib
import io
import pickle
from operator import attrgetter

Allowed = dict[str, set[str]]  # module -> the names of its classes a row may hold


class Restricted(pickle.Unpickler):
    """Builds only the classes in `allowed` (a subclass says which), each looked up once per process."""

    allowed: Allowed = {}
    found: dict[tuple[str, str], type] = {}  # a subclass gives its own: every row names the same few classes

    def find_class(self, module: str, name: str):
        cls = self.found.get((module, name))
        if cls is not None:
            return cls
        if name in self.allowed.get(module, ()):
            cls = self.found[module, name] = super().find_class(module, name)
            return cls
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


class Writer:
    """Pickles a value, writing each of vaultkit's classes in `allowed` as a call of the class with its fields."""

    def __init__(self, allowed: Allowed):
        self.allowed = allowed
        self._dispatch: dict[type, object] = {}  # filled on the first value: a cold run writes thousands

    def dumps(self, value) -> bytes:
        if not self._dispatch:
            for module, names in self.allowed.items():
                if module.startswith("vaultkit."):
                    for name in names:
                        cls = getattr(importlib.import_module(module), name)
                        self._dispatch[cls] = _as_call(cls)
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self._dispatch  # asked of class instances only, not of every string and number
        pickler.dump(value)
        return out.getvalue()


def _as_call(cls: type):
    # the fields got in C, as a tuple even for one field (the class is got last, and dropped)
    values = attrgetter(*(f.name for f in dataclasses.fields(cls)), "__class__")
    return lambda obj: (cls, values(obj)[:-1])
