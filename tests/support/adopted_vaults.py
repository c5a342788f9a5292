"""Vaults kept before vaultkit, in the shapes people really use (issue 17)."""
from __future__ import annotations

from pathlib import Path

from .files import write_files

PEOPLE = "30 Records/20 People"
LOGS = "30 Records/40 Logs"


def _person(name: str, company: str, role: str, email: str = "", phone: str = "") -> str:
    return (f"---\nName: {name}\nCompany: \"[[{company}]]\"\nRole: {role}\nPhone: {phone}\nEmail: {email}\n"
            f"Created: 2025-10-01\n---\n\n# {name}\n\nMet at the spring meetup.\n\n---\n#person\n")


def _log(day: str, method: str, direction: str, person: str, when: str) -> tuple[str, str]:
    rel = f"{LOGS}/{day} {method} {direction} {person}.md"
    text = (f"---\nContacts: [\"[[{person}]]\"]\nContact-Method: {method}\nComm-Type: {direction}\n"
            f"Comm_DateTime: {when}\n---\n\nTalked about the team.\n\n#log-communication\n")
    return rel, text


def notion_like_vault(root: Path) -> Path:
    """People by folder and an inline #person tag, one note per conversation, templates, Bases, fileClass."""
    files = {
        f"{PEOPLE}/Sample Person 1.md": _person("Sample Person 1", "Sample Company 1", "Designer", "p1@example.org"),
        f"{PEOPLE}/Sample Person 2.md": _person("Sample Person 2", "Sample Company 2", "Engineer", phone="555-0102"),
        f"{PEOPLE}/Sample Person 3.md": _person("Sample Person 3", "Sample Company 1", "Manager"),
        f"{PEOPLE}/Sample Person 4.md": _person("Sample Person 4", "Sample Company 3", "Recruiter", "p4@example.org"),
        "30 Records/10 Companies/Sample Company 1.md": "---\nIndustry: Health\nWebsite: https://example.org\n---\n",
        "30 Records/10 Companies/Sample Company 2.md": "---\nIndustry: Retail\n---\n",
        "30 Records/10 Companies/Sample Company 3.md": "---\nIndustry: Media\n---\n",
        "90 Templates/Person.md": ("---\nName: <% tp.file.title %>\nCompany:\nRole:\nPhone:\nEmail:\n"
                                   "Created: <% tp.date.now() %>\n---\n\n---\n#person\n"),
        "90 Templates/Log.md": ("---\nContacts: []\nContact-Method:\nComm-Type:\n"
                                "Comm_DateTime: <% tp.date.now(\"YYYY-MM-DDTHH:mm\") %>\n---\n#log-communication\n"),
        "fileClass/Person.md": "---\nfields:\n  - name: Company\n    type: File\n---\n",
        "40 Views/People.base": "views:\n  - type: table\n    name: People\n",
        "00 Home.md": "# Home\n\nMy job search. See [[Sample Person 1]].\n",
        "Inbox/Ideas.md": "---\ntags: [idea]\n---\nWrite to more designers.\n",
    }
    for args in [
        ("2026-09-01", "Email", "Sent", "Sample Person 1", "2026-09-01T09:15"),
        ("2026-09-03", "Email", "Received", "Sample Person 1", "2026-09-03T18:40"),
        ("2026-10-20", "Email", "Sent", "Sample Person 2", "2026-10-20"),
        ("2026-10-01", "Email", "Sent", "Sample Person 3", "2026-10-01T10:00"),
        ("2026-10-12", "Email", "Sent", "Sample Person 3", "2026-10-12T10:00"),
        ("2026-11-15", "Phone_Call", "Received", "Sample Person 4", "2026-11-15T14:30"),
    ]:
        rel, text = _log(*args)
        files[rel] = text
    return write_files(root, files)


def tagged_vault(root: Path) -> Path:
    """People found by a front-matter tag only, anywhere in the vault; no conversations."""
    files = {
        f"Notes/{name}.md": (f"---\ntags: [people, network]\nemail: {name.split()[0].lower()}@example.org\n"
                             f"company: Acme\nlinkedin: https://www.linkedin.com/in/{name.split()[0].lower()}\n---\n"
                             f"# {name}\n")
        for name in ("Ada Quinn", "Bo Reyes", "Cy Tan")
    }
    files.update({f"Notes/Topic {i}.md": f"---\ntags: [topic]\n---\nSome thoughts {i}.\n" for i in range(5)})
    return write_files(root, files)



def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "vaultkit" not in p.relative_to(root).parts[:1]}
