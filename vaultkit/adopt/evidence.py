"""How much each note looks like each kind: its type words, its keys, and how other notes link it.

Pure: the notes come in as `Seen` (reading.py), scores go out. A person has a
name, email, phone, role, linkedin; an opportunity a job title, posting URL,
stage, applied date, salary; a company an industry, website, size; a
conversation a date and people linked; a note with a Log of dated items is a
person's. A `company` key is evidence of nothing
by itself: people and openings both name one, so an opening is never taken for
a person for it. The notes that dated notes list under `Contacts`, `with`,
`attendees` or `people` are people; the notes people and openings name as their
`company` are companies.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..index.kind import declared_type
from ..links import name_key
from .reading import Seen

KINDS = ("contact", "interview", "interaction", "company", "opportunity")
LABELS = {"contact": "people", "interview": "interviews", "interaction": "conversations",
          "company": "companies", "opportunity": "opportunities"}
# the words folder, tag and type names use for each kind (checked in this order: interviews are conversations too)
NAME_WORDS = {
    "interview": {"interview", "interviews"},
    "contact": {"people", "person", "persons", "contact", "contacts", "network", "networking", "humans", "crm"},
    "company": {"company", "companies", "organization", "organizations", "organisation", "organisations", "orgs",
                "employer", "employers", "firms"},
    "opportunity": {"position", "positions", "application", "applications", "job", "jobs", "opening", "openings",
                    "opportunity", "opportunities", "posting", "postings", "roles", "pipeline"},
    "interaction": {"log", "logs", "meeting", "meetings", "conversation", "conversations", "call", "calls",
                    "interaction", "interactions", "communication", "communications", "touchpoints"},
}
PEOPLE_LINK_KEYS = ("contacts", "contact", "with", "attendees", "attendee", "people", "participants", "person",
                    "persons", "who")
_PERSON_EXACT = {"name", "full_name", "first_name", "last_name", "role", "met_via", "referred_by", "relationship",
                 "stay_in_touch", "pronouns", "last_contact", "last_contacted", "aliases_name"}
_PERSON_TOKENS = {"email", "emails", "phone", "mobile", "linkedin", "cell"}
_OPPORTUNITY_TOKENS = {"job", "salary", "stage", "applied", "posting", "deadline", "compensation", "requisition"}
_OPPORTUNITY_EXACT = {"position", "application_date", "application_status", "offer", "job_url"}
_COMPANY_TOKENS = {"industry", "website", "size", "employees", "headquarters", "hq", "sector", "founded", "careers",
                   "glassdoor"}
_COMPANY_KEYS = ("company", "employer", "organization", "organisation", "org", "firm")
LOG_HEADINGS = ("Log", "Timeline", "Contact Log", "Interactions")  # the default log_headings
MINIMUM = 2.0  # the score a note needs to look like anything


def kind_of_key(key: str) -> str | None:
    """The kind a key is evidence of (`App-Stage` -> opportunity), or None."""
    tokens = set(key.split("_"))
    if tokens & _OPPORTUNITY_TOKENS or key in _OPPORTUNITY_EXACT:
        return "opportunity"
    if key in _PERSON_EXACT or tokens & _PERSON_TOKENS:
        return "contact"
    if tokens & _COMPANY_TOKENS:
        return "company"
    return None


def name_kind(words: set[str]) -> str | None:
    """The kind a folder's, tag's or type's words name, if any."""
    return next((kind for kind, said in NAME_WORDS.items() if words & said), None)


@dataclass
class Look:
    """One note's scores, and the evidence behind the best."""

    scores: dict[str, float] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)  # kind -> its keys this note has
    linked: bool = False  # a dated note lists it among its people
    named: bool = False  # a note names it as its company
    people_key: str | None = None  # the key under which it, dated, lists people
    log: bool = False  # it has a Log section: a person's history

    @property
    def best(self) -> str | None:
        ranked = sorted(self.scores.items(), key=lambda pair: -pair[1])
        if not ranked or ranked[0][1] < MINIMUM or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]


def _names(s: Seen) -> set[str]:
    name = s.note.props.get("name")
    return {name_key(s.name)} | ({name_key(name)} if isinstance(name, str) and name.strip() else set())


def look_at(seen: list[Seen]) -> dict[str, Look]:
    """Every note's Look, by path."""
    listed = Counter(n for s in seen if s.date_key for k in PEOPLE_LINK_KEYS for n in s.links.get(k, ()))
    as_company = {n for s in seen for k in _COMPANY_KEYS for n in s.links.get(k, ())}
    looks = {}
    for s in seen:
        keys: dict[str, list[str]] = {}
        for key in sorted(s.keys):
            kind = kind_of_key(key)
            if kind:
                keys.setdefault(kind, []).append(key)
        names = _names(s)
        look = Look(keys=keys, linked=any(listed[n] for n in names), named=bool(names & as_company))
        scores = {kind: 0.0 for kind in KINDS}
        look.log = bool(s.note.body and s.note.body.section(*LOG_HEADINGS))
        scores["contact"] = len(keys.get("contact", ())) + (2 if look.linked else 0) + (2 if look.log else 0)
        scores["opportunity"] = 1.5 * len(keys.get("opportunity", ()))
        scores["company"] = 1.5 * len(keys.get("company", ())) + (2 if look.named and not look.linked else 0)
        said = name_kind(s.type_words) or type_from(s)
        if said:
            scores[said] += 3
        look.scores = scores
        looks[s.rel] = look
    _conversations(seen, looks)
    return looks


def type_from(s: Seen) -> str | None:
    declared = declared_type(s.note.props.get("type"))
    return declared if declared in KINDS else None


def _conversations(seen: list[Seen], looks: dict[str, Look]) -> None:
    """A dated note that lists people (under a people key, or linking notes that look like people)."""
    people = {n for s in seen if looks[s.rel].best == "contact" or looks[s.rel].linked for n in _names(s)}
    for s in seen:
        look = looks[s.rel]
        if not s.date_key or kind_of_key(s.date_key) == "opportunity" or look.best == "contact":
            continue
        key = next((k for k in PEOPLE_LINK_KEYS if s.links.get(k)), None) or \
            next((k for k, names in s.links.items() if set(names) & people and k not in _COMPANY_KEYS), None)
        if key is None:
            continue
        look.people_key = key
        look.scores["interaction"] += 3
        if look.scores["interview"] >= 3:  # a conversation its type calls an interview
            look.scores["interview"] += 3
