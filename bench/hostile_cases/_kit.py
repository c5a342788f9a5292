"""What every hostile case needs: a vault on disk and vaultkit run as a separate process."""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def crashed(self) -> bool:
        """Exit 70 or a traceback: a bug that reached the user."""
        return self.code == 70 or "Traceback" in self.err


def make_vault(folder: Path, files: dict[str, str | bytes], config: str = "") -> Path:
    """A vault with `vaultkit.toml` (given text) and the files given, as UTF-8 bytes."""
    root = folder / "vault"
    root.mkdir(parents=True, exist_ok=True)
    (root / "vaultkit.toml").write_text(config, encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def vaultkit(*args: str, timeout: float = 120, cwd: Path | None = None, env: dict | None = None) -> Run:
    """`python -m vaultkit ARGS` with this checkout first on the path and a private cache."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-m", "vaultkit", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=environment, errors="replace")
    return Run(done.returncode, done.stdout, done.stderr)


def contact(name: str, front: str = "", body: str = "") -> tuple[str, str]:
    return f"Contacts/{name}.md", f"---\ntype: contact\n{front}---\n{body}"


def interview(stem: str, front: str, body: str = "") -> tuple[str, str]:
    return f"Interviews/{stem}.md", f"---\ntype: interview\n{front}---\n{body}"
