"""Vaults that write people and touches the ways real vaults do (issue 26).

- `folder_vault`: one folder per person (`people/ja/person@jane-doe/index.md`), the name in
  `person`, the company in `firm`, and only Markdown links, relative to the linking note;
- `recruiter_vault`: touches only in `## Contact Log` tables (and a `last_contact` property),
  with the vault's own status words.

Both are dated so that on TODAY each contact is due exactly one thing a seeker expects.
"""
from __future__ import annotations

from pathlib import Path

from .files import write_files

TODAY = "2026-12-03"

FOLDER_CONFIG = """[me]
name = "Sam Rivera"
[types]
contact = { folders = ["people"] }
interaction = { folders = ["meetings"] }
"""

JANE = "people/ja/person@jane-doe/index.md"
OMAR = "people/om/person@omar-ali/index.md"
LENA = "people/le/person@lena-fischer/index.md"
KAI = "people/ka/Kai Berg/Kai Berg.md"
SELF = "people/sa/person@sam-rivera/index.md"


def folder_vault(root: Path) -> Path:
    files = {
        "vaultkit.toml": FOLDER_CONFIG,
        JANE: ("---\nperson: Jane Doe\nfirm: Globex\nrole: Researcher\nfield: UX research\n"
               'referred_by: "[Omar](../../om/person@omar-ali/index.md)"\n---\n\n# Jane\n'),
        OMAR: "---\nperson: Omar Ali\norganization: Initech\nfield: UX research\n---\n\n# Omar\n",
        LENA: "---\nfull name: Lena Fischer\nemployer: Umbrella\n---\n\n# Lena\n",
        KAI: "---\norg: Hooli\n---\n\n# Kai\n",
        SELF: "---\nperson: Sam Rivera\nrelationship: me\n---\n\n# Me\n",
        "interviews/2026-11-20 jane/index.md": (
            '---\ntype: interview\ncontact: "[Jane Doe](../../people/ja/person%40jane-doe/index.md)"\n'
            "date: 2026-11-20\nstatus: done\n"
            'referrals:\n  - "[Lena](<../../people/le/person@lena-fischer/index.md>)"\n---\n\n'
            "## Takeaways\n- talk to Lena\n"),
        # a conversation note listing the seeker too: the seeker is nobody's contact, and no warning
        "meetings/2026-11-20 Kai.md": ('---\ndate: 2026-11-20\ntags: [outreach]\n'
                                       'with:\n  - "[Kai](../people/ka/Kai%20Berg/Kai%20Berg.md)"\n'
                                       '  - "[Sam](../people/sa/person@sam-rivera/index.md)"\n---\nAsked for a call.\n'),
        # a daily note: a Markdown link from the vault's top folder, an external link, a link to no one
        "journal/2026-11-01.md": ("- coffee with [Omar](people/om/person@omar-ali/index.md) #reply\n"
                                  "- read [an article](https://example.org/people/index.md)\n"
                                  "- mail [Nobody](people/no/person@nobody/index.md)\n"),
        "notes/Reading.md": "See [Jane](../people/ja/person@jane-doe/index.md).\n",
    }
    return write_files(root, files)


# the actions due on TODAY in folder_vault, by contact
FOLDER_ACTIONS = {
    "Jane Doe": {("thank-you", "2026-11-21")},  # met on 11-20, no thanks yet
    "Omar Ali": {("close-loop", "2026-11-23")},  # referred Jane, who was met on 11-20
    "Lena Fischer": {("reach-referral", "2026-11-27")},  # suggested in the interview on 11-20
    "Kai Berg": {("nudge", "2026-11-27")},  # one outreach on 11-20, unanswered
}

RECRUITER_CONFIG = """[me]
name = "Sam Rivera"
[touch_kinds]
outreach = ["Sent"]
reply = ["Received"]
"""

TABLE = "| Date | Type (call/email/LinkedIn) | Notes | Next Step |\n|------|------|------|------|\n"
DIRECTION = "| Date | Direction | Channel | Notes |\n| :--- | :---: | --- | --- |\n"


def _contact(name: str, status: str, log: str, extra: str = "") -> str:
    return (f"---\ntype: contact\nname: {name}\ncompany: Acme\nstatus: {status}\n{extra}---\n\n# {name}\n\n"
            f"## Contact Log\n{log}\n## Notes\nRecruiter at Acme.\n")


def recruiter_vault(root: Path) -> Path:
    files = {
        "vaultkit.toml": RECRUITER_CONFIG,
        # one outreach row, unanswered: a nudge a week later
        "Contacts/Ava Stone.md": _contact("Ava Stone", "contacted",
                                          TABLE + "| 2026-11-20 | email outreach | asked for 20 minutes | wait |\n",
                                          "last_contact: 2026-11-20\n"),
        # two outreach rows, unanswered: gone quiet, nothing due
        "Contacts/Ben Cole.md": _contact("Ben Cole", "contacted",
                                         TABLE + "| 2026-11-01 | outreach | first note | |\n"
                                                 "| 2026-11-10 | outreach | second note | |\n"),
        # answered: a check-in 60 days after the reply
        "Contacts/Cara Diaz.md": _contact("Cara Diaz", "in conversation",
                                          TABLE + "| 2026-09-28 | LinkedIn outreach | hello | |\n"
                                                  "| [2026-10-03] | reply | happy to chat | book a call |\n"),
        # the vault's own words in a Direction column, mapped by [touch_kinds]
        "Contacts/Eli Park.md": _contact("Eli Park", "warm",
                                         DIRECTION + "| 2026-11-01 | Sent | email | hi |\n"
                                                     "| 2026-11-02 | Received | email | sure |\n"
                                                     "| 2026-11-25 | Sent | email | following up \\| again |\n"),
        # no table: only the property, a plain touch
        "Contacts/Dan Moss.md": ("---\ntype: contact\nname: Dan Moss\nstatus: replied\n"
                                 "last-contacted-at: 2026-10-01T16:30:00\n---\n\n# Dan Moss\n"),
        # bracketed dates in a list
        "Contacts/Fay Lin.md": ("---\ntype: contact\nname: Fay Lin\n---\n\n## Interactions\n"
                                "- [2026-11-28] #outreach coffee chat request\n"),
    }
    return write_files(root, files)


RECRUITER_ACTIONS = {
    "Ava Stone": {("nudge", "2026-11-27")},
    "Cara Diaz": {("check-in", "2026-12-02")},
    "Eli Park": {("nudge", "2026-12-02")},
    "Dan Moss": {("check-in", "2026-11-30")},
    "Fay Lin": {("nudge", "2026-12-05")},
}
RECRUITER_QUIET = ["Ben Cole"]

