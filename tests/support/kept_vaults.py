"""Job-search vaults in the shapes people publish and keep (issue 25), to adopt with `init --detect`.

- `records_vault`: the records template: `Records/` with People, Companies, Positions and
  Logs (one note per call or message), keys `Name`, `Company: "[[Acme]]"`, `Job-Title`,
  `App-Stage`, `Applied-Date`, `Comm_DateTime`, `Contacts: ["[[Jo Park]]"]`, the `#person` /
  `#log-communication` tag as the body's last line after a `---` rule, Metadata Menu fileClass
  notes, Templater templates, empty values and flow-list links;
- `notion_vault`: a Notion export as Obsidian's importer leaves it: hex ids in file and folder
  names, `%20` in Markdown links, the page's property table kept in the body;
- `daily_vault`: daily notes that mention people, and a `People/` folder with ONE note;
- `body_tag_vault`: contacts tagged only inside the body (`#networking`);
- `fileclass_vault`: people known only by Metadata Menu's `fileClass: Person`, among other notes.

Dated so that on TODAY each person is due what a seeker expects (see the *_ACTIONS).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .files import write_files as write_vault  # noqa: F401 (the tests write these vaults with it)

TODAY = "2026-12-03"


def _person(name: str, company: str, title: str, email: str) -> str:
    return (f"---\nName: {name}\nCompany: \"[[{company}]]\"\nJob-Title: {title}\nEmail: {email}\nPhone:\n"
            f"LinkedIn:\n---\n\n# {name}\n\nMet through the design meetup.\n\n---\n#person\n")


def _position(name: str, company: str, stage: str, applied: str, contacts: str) -> str:
    return (f"---\nName: {name}\nCompany: \"[[{company}]]\"\nJob-Title: {name}\nApp-Stage: {stage}\n"
            f"Applied-Date: {applied}\nSalary:\nPosting-URL: https://{company.lower()}.example/jobs/1\n"
            f"Contacts: {contacts}\n---\n\n## Notes\nA good fit.\n\n---\n#position\n")


def _log(person_links: str, comm_type: str, when: str, method: str = "Email") -> str:
    return (f"---\nContacts: {person_links}\nContact-Method: {method}\nComm-Type: {comm_type}\n"
            f"Comm_DateTime: {when}\n---\n\nTalked about the team.\n\n---\n#log-communication\n")


RECORDS = {
    "Records/People/Jo Park.md": _person("Jo Park", "Acme", "Design Lead", "jo@acme.example"),
    "Records/People/Lee Wong.md": "---\nName: Lee Wong\nCompany: \"[[Globex]]\"\nJob-Title: Engineer\n---\n\n---\n#person\n",
    "Records/People/Max Ito.md": "---\nName: Max Ito\nCompany: \"[[Initech]]\"\nJob-Title:\n---\n\n---\n#person\n",
    "Records/Companies/Acme.md": "---\nIndustry: Design tools\nWebsite: https://acme.example\nSize: 200\n---\n",
    "Records/Companies/Globex.md": "---\nIndustry: Energy\nWebsite:\nSize:\n---\n",
    "Records/Companies/Initech.md": "---\nIndustry: Software\nWebsite: https://initech.example\nSize:\n---\n",
    "Records/Positions/Acme Product Designer.md": _position("Product Designer", "Acme", "Applied", "2026-11-10",
                                                            '["[[Jo Park]]"]'),
    "Records/Positions/Globex UX Engineer.md": _position("UX Engineer", "Globex", "Interested", "", "[]"),
    "Records/Positions/Initech Researcher.md": _position("Researcher", "Initech", "Applied", "2026-11-28", "[]"),
    "Records/Logs/2026-09-08 Email Jo Park.md": _log('["[[Jo Park]]"]', "Sent", "2026-09-08T10:00"),
    "Records/Logs/2026-09-10 Email Jo Park.md": _log("[[Jo Park]]", "Received", "2026-09-10T18:30"),
    "Records/Logs/2026-11-20 Call Lee Wong.md": _log('["[[Lee Wong]]"]', "Sent", "2026-11-20", "Phone_Call"),
    "Templates/Person.md": ("---\nName: <% tp.file.title %>\nCompany:\nJob-Title:\nEmail:\nPhone:\nLinkedIn:\n---\n"
                            "\n---\n#person\n"),
    "Templates/Log.md": ("---\nContacts: []\nComm-Type:\nComm_DateTime: <% tp.date.now() %>\n---\n"
                         "\n---\n#log-communication\n"),
    "Metadata/fileClass/Person.md": ("---\nfields:\n  - name: Company\n    type: File\n  - name: Email\n"
                                     "    type: Input\n---\n"),
    "Metadata/fileClass/Position.md": "---\nfields:\n  - name: App-Stage\n    type: Select\n---\n",
    "Metadata/Classes/Company.md": "---\nfields:\n  - name: Industry\n    type: Select\n---\n",  # by its fields
    "Settings/Contact fields.md": "---\nName: text\nEmail: text\nPhone: text\n---\nThe fields of a person.\n",
    "Home.md": "# Job search\n\nStart at [[Jo Park]].\n",
}
RECORDS_TYPES = {
    "contact": {"tags": ["person"], "folders": ["Records/People"]},
    "interaction": {"tags": ["log-communication"], "folders": ["Records/Logs"]},
    "company": {"folders": ["Records/Companies"]},
    "opportunity": {"tags": ["position"], "folders": ["Records/Positions"]},
}
RECORDS_KEYS = {"applied": ["Applied-Date"], "date": ["Comm_DateTime"], "role": ["Job-Title"],
                "stage": ["App-Stage"], "url": ["Posting-URL"]}
RECORDS_ACTIONS = {"Jo Park": {("check-in", "2026-11-09")},  # answered on 10 Sep: 60 days on
                   "Lee Wong": {("nudge", "2026-11-27")}}  # one call on 20 Nov, unanswered
RECORDS_LEADS = ["Max Ito"]  # never contacted
RECORDS_APPLICATIONS = {("Records/Positions/Acme Product Designer.md", "2026-11-20"),  # applied 10 Nov, 10 days on
                        ("Records/Positions/Initech Researcher.md", "2026-12-08")}

NOTION_PEOPLE = "People 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6"
NOTION_MEETINGS = "Meetings 9f8e7d6c5b4a43218f7e6d5c4b3a2910"
_ANA = "Ana Reyes 8f1e2d3c4b5a4978a796a5b4c3d2e1f0"
_BEN = "Ben Cho 0a1b2c3d4e5f46789a0b1c2d3e4f5a6b"


def _notion_person(name: str, company: str, email: str, role: str) -> str:
    return (f"---\nName: {name}\nCompany: {company}\nEmail: {email}\nRole: {role}\n---\n\n# {name}\n\n"
            f"| Property | Value |\n|---|---|\n| Company | {company} |\n| Email | {email} |\n| Role | {role} |\n")


def _notion_meeting(title: str, day: str, link: str) -> str:
    return (f"---\nName: {title}\nDate: {day}\nAttendees: \"{link}\"\n---\n\n# {title}\n\n"
            f"| Property | Value |\n|---|---|\n| Date | {day} |\n| Attendees | {link} |\n")


NOTION = {
    f"{NOTION_PEOPLE}/{_ANA}.md": _notion_person("Ana Reyes", "Acme", "ana@acme.example", "Researcher"),
    f"{NOTION_PEOPLE}/{_BEN}.md": _notion_person("Ben Cho", "Globex", "ben@globex.example", "Recruiter"),
    f"{NOTION_MEETINGS}/Coffee with Ana 2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7.md": _notion_meeting(
        "Coffee with Ana", "2026-09-30", f"[Ana Reyes](../{NOTION_PEOPLE.replace(' ', '%20')}/"
                                         f"{_ANA.replace(' ', '%20')}.md)"),
    "Job search 5e6f7a8b9c0d41e2f3a4b5c6d7e8f9a0.md": "# Job search\n\nPeople, meetings.\n",
}
NOTION_TYPES = {"contact": {"folders": [NOTION_PEOPLE]}, "interaction": {"folders": [NOTION_MEETINGS]}}
NOTION_KEYS = {"contacts": ["Attendees"]}
NOTION_ACTIONS = {"Ana Reyes": {("check-in", "2026-11-29")}}  # met on 30 Sep
NOTION_LEADS = ["Ben Cho"]

DAILY = {
    "People/Jo Park.md": "---\ncompany: Acme\nemail: jo@acme.example\n---\n# Jo Park\n",
    "Daily/2026-09-20.md": "- coffee with [[Jo Park]] #reply she will ask her team\n- read a book\n",
    "Daily/2026-09-21.md": "- wrote the portfolio intro\n",
    "Projects/Portfolio.md": "---\nstatus: doing\n---\n# Portfolio\n",
    "Projects/Reading list.md": "# Reading\n",
}
DAILY_TYPES = {"contact": {"folders": ["People"]}}
DAILY_ACTIONS = {"Jo Park": {("check-in", "2026-11-19")}}

BODY_TAGS = {
    "Notes/Ada Quinn.md": ("---\nemail: ada@example.org\ncompany: Acme\n---\n# Ada Quinn\n#networking\n\n## Log\n"
                           "- 2026-09-01 #outreach asked for a call\n- 2026-09-03 #reply happy to talk\n"),
    "Notes/Bo Reyes.md": "---\nphone: 555-0101\n---\n# Bo Reyes\n\nMet at the fair. #networking\n",
    "Notes/Cy Tan.md": "# Cy Tan\n\n#networking from the alumni list; linkedin: cy-tan\n",
    **{f"Notes/Topic {i}.md": f"# Topic {i}\n\nSome thoughts. #idea\n" for i in range(4)},
}
BODY_TYPES = {"contact": {"tags": ["networking"]}}
BODY_ACTIONS = {"Ada Quinn": {("check-in", "2026-11-02")}}
BODY_LEADS = ["Bo Reyes", "Cy Tan"]

FILECLASS = {
    **{f"Notes/{name}.md": f"---\nfileClass: Person\nName: {name}\nCompany: \"[[Acme]]\"\n---\n# {name}\n"
       for name in ("Ida Berg", "Ola Nord")},
    "Notes/Per Lund.md": ("---\nfileClass: Person\nName: Per Lund\n---\n# Per Lund\n\n## Log\n"
                          "- 2026-09-15 #reply glad to help\n"),
    **{f"Notes/Idea {i}.md": f"---\nfileClass: Idea\n---\nSomething to try {i}.\n" for i in range(4)},
}
FILECLASS_TYPES = {"contact": {"property": "fileClass", "value": "Person"}}
FILECLASS_ACTIONS = {"Per Lund": {("check-in", "2026-11-14")}}
FILECLASS_LEADS = ["Ida Berg", "Ola Nord"]


def hashes(root: Path) -> dict[str, str]:
    """Every file's SHA-256, but for vaultkit.toml and the output folder (what detect and report write)."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in ("vaultkit.toml", "vaultkit.toml.bak")
            and p.relative_to(root).parts[0] != "vaultkit"}
