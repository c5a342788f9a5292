"""Problems found in a vault, and the errors that stop a command."""
from __future__ import annotations

import re
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Characters that would break `path:line: ...` across lines or into a terminal's control codes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """A newline becomes the two characters `\\n`, and so on: one problem is one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: its repr, cut short (a 5,000-digit int has no repr at all)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"a number of about {round(value.bit_length() * 0.30103):,} digits"
    text = repr(value)
    if len(text) <= limit:
        return text
    quote = text[-1] if text[-1] in "'\"" else ""
    return text[: limit - 3 - len(quote)] + "..." + quote


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """Something wrong in one file, at one line (1-based)."""

    path: str
    line: int
    severity: str
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}: {self.severity}: {self.message}")

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity, "message": self.message}


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the command ends as Ctrl-C ends it (its temp files removed on the way
    out), with 128 + the signal as its status. A KeyboardInterrupt, so every Ctrl-C path takes it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def stop_on_signal(signum, frame) -> None:
    """The handler the command line sets for SIGTERM and SIGHUP."""
    raise Stopped(signum)


class VaultkitError(Exception):
    """A problem that stops a command; the CLI prints it as `Error: ...`."""

    exit_code = 1


class UsageProblem(VaultkitError):
    """The command cannot run as asked (no vault, bad config): exit 2."""

    exit_code = 2


class VaultNotFound(UsageProblem):
    pass


class ConfigError(UsageProblem):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message
