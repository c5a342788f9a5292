"""Problems found in a vault, and the errors that stop a command."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """Something wrong in one file, at one line (1-based)."""

    path: str
    line: int
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "severity": self.severity, "message": self.message}


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
