"""Companies and opportunities: company notes, the companies contacts name, and openings.

A company is a note (`type: company`, `[types]`, a `#company` tag or the
`Companies` folder) or simply a name in a contact's `company` or
`past_companies`. Names match ignoring case, accents, punctuation and a legal
suffix (`Globex, Inc.` is `Globex`), and any `aliases` of the company's note.
A company is a target when its note says `target: true`, when config `targets`
names it, or when an opportunity names it.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..config import Config
from ..errors import ERROR, WARNING, Problem, shown
from ..links import name_of, note_name, plain_key
from ..index.note import Note
from .entities import Contact, PersonRef, Touch
from .props import Props, enum_value
from .touches import log_touches

OPPORTUNITY_STAGES = ("interested", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn")
LEGAL_SUFFIXES = ("inc", "llc", "ltd", "gmbh", "sa", "ag", "corp", "corporation", "co")
# Other names real trackers give an opportunity's keys (the vault's [keys] come first)
OPPORTUNITY_KEYS = (("role", ("title", "job_title", "position")),
                    ("url", ("link", "posting", "job_url", "posting_url")),
                    ("company", ("employer", "organization", "organisation", "org", "firm")))
_PUNCTUATION = re.compile(r"[^\w]+")


def company_key(name: str) -> str:
    """How company names compare: `Globex, Inc.`, `globex` and `[[Globex]]` are `globex`;
    `Zürich AG` is `zurich`. A name that is nothing but a suffix (`Co`) keeps it."""
    words = _PUNCTUATION.sub(" ", plain_key(name_of(name))).replace("_", " ").split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Company:
    key: str  # company_key of its name: how vault.companies is keyed
    name: str  # its note's name, else the name as first written (by path order)
    path: str | None = None  # its note, if it has one
    aliases: tuple[str, ...] = ()
    target: bool = False
    target_because: tuple[str, ...] = ()  # "note", "config", "opportunity"
    now: tuple[str, ...] = ()  # contact paths whose `company` it is, in path order
    before: tuple[str, ...] = ()  # contact paths whose `past_companies` hold it (and not working there now)


@dataclass(frozen=True, slots=True)
class Opportunity:
    path: str
    company: str  # company_key of its company ("" when the note names none)
    company_name: str  # the company's name (its note's), else as written
    role: str = ""
    url: str = ""
    stage: str = "interested"  # one of OPPORTUNITY_STAGES
    applied: dt.date | None = None
    stage_date: dt.date | None = None  # when it reached its stage; for `applied`, the applied date by default
    deadline: dt.date | None = None
    heard_from: str | None = None  # contact path, or None (no one, or no note)
    heard_from_name: str = ""  # their name (the note's), else as written; "" when nobody
    referred_by: str | None = None
    referred_by_name: str = ""
    touches: tuple[Touch, ...] = ()  # its Log: touches with the employer, by date
    line: int = 1  # where `stage` is written, for problems about it

    @property
    def title(self) -> str:
        """`Data Analyst at Globex`, or whatever of it is known."""
        parts = [p for p in (self.role, self.company_name) if p]
        return " at ".join(parts) if parts else note_name(self.path)


class CompanyNames:
    """Company names (and aliases) -> company keys."""

    def __init__(self, companies: dict[str, Company]):
        self.by_name: dict[str, str] = {}
        for company in companies.values():
            for alias in company.aliases:
                self.by_name.setdefault(company_key(alias), company.key)
        for company in companies.values():
            self.by_name[company.key] = company.key  # a company's own name beats another's alias

    def key_of(self, written: str) -> str:
        """The key a written company name means: a known company's, else its own key.
        A link with a folder (`Companies/Globex`) that names no known company is taken by its last part."""
        text = name_of(written)
        key = company_key(text)
        if key in self.by_name:
            return self.by_name[key]
        if "/" in text:
            last = company_key(text.rsplit("/", 1)[-1])
            return self.by_name.get(last, last)
        return key


def _company_from_note(note: Note, problems: list[Problem]) -> Company | None:
    p = Props(note, problems)
    name = unicodedata.normalize("NFC", p.text("name") or note_name(note.path))
    key = company_key(name)
    if not key:
        return None
    aliases = tuple(dict.fromkeys(a for a in (name_of(t) for k in ("aliases", "alias") for t, _ in p.texts(k)) if a))
    target = p.flag("target", False)
    return Company(key, name, note.path, aliases, target, ("note",) if target else ())


def _stage(p: Props) -> str:
    if not p.has("stage"):
        return "interested"
    value = p.data["stage"]
    word = enum_value(name_of(str(value))) if isinstance(value, (str, int, float)) else ""
    if word in OPPORTUNITY_STAGES:
        return word
    import difflib  # here: only a broken stage needs it

    near = difflib.get_close_matches(word, OPPORTUNITY_STAGES, n=1, cutoff=0.75)
    reading = near[0] if near else "interested"
    hint = f"did you mean {near[0]}? " if near else ""
    p.report("stage", ERROR, f"unknown stage {shown(value)}; {hint}use one of {', '.join(OPPORTUNITY_STAGES)}; "
                             f"it reads as {reading} until it is fixed")
    return reading


def _person(p: Props, key: str, resolve: Callable[[PersonRef, str, str], PersonRef]) -> tuple[str | None, str]:
    texts = p.texts(key)
    if not texts:
        return None, ""
    if len(texts) > 1:
        p.report(key, WARNING, f"{key} names {len(texts)} people; using the first, {texts[0][0]!r}")
    text, line = texts[0]
    ref = PersonRef(text, name_of(text), None, line)
    if not ref.name:
        return None, ""
    ref = resolve(ref, p.note.path, key)
    return ref.path, ref.name


def _opportunity(note: Note, names: CompanyNames, resolve, config: Config, problems: list[Problem]) -> Opportunity:
    p = Props(note, problems)
    written = p.text("company")
    if not written:
        p.report("company", WARNING, 'opportunity names no company; add one like company: "[[Globex]]"')
    stage = _stage(p)
    applied = p.date("applied", "the applied date is ignored")
    stage_date = p.date("stage_date", "the stage date is ignored")
    if stage_date is None and stage == "applied":
        stage_date = applied
    heard_from, heard_name = _person(p, "heard_from", resolve)
    referred_by, referred_name = _person(p, "referred_by", resolve)
    touches = log_touches(note, note.path, {h.casefold() for h in config.log_headings}, config.daily_format,
                          problems, config.mapping)
    return Opportunity(
        path=note.path, company=names.key_of(written) if written else "", company_name=written,
        role=p.text("role"), url=p.text("url"), stage=stage, applied=applied, stage_date=stage_date,
        deadline=p.date("deadline", "the deadline is ignored"),
        heard_from=heard_from, heard_from_name=heard_name, referred_by=referred_by, referred_by_name=referred_name,
        touches=tuple(sorted(touches, key=lambda t: (t.date, t.line))), line=p.line("stage"),
    )


def read_companies(company_notes: Iterable[Note], opportunity_notes: Iterable[Note], contacts: Iterable[Contact],
                   config: Config, resolve: Callable[[PersonRef, str, str], PersonRef],
                   problems: list[Problem]) -> tuple[dict[str, Company], tuple[Opportunity, ...], CompanyNames]:
    """Every company (by key, sorted by name) and every opportunity (by path).

    `resolve(ref, source, what)` names a person by their contact note, as other person links are."""
    companies: dict[str, Company] = {}
    for note in sorted(company_notes, key=lambda n: n.path):
        company = _company_from_note(note, problems)
        if company is None:
            continue
        if company.key in companies:
            problems.append(Problem(note.path, note.line_of("name"), WARNING,
                                    f"another company note, {companies[company.key].path}, is also {company.name!r}; "
                                    "this one is ignored"))
            continue
        companies[company.key] = company
    names = CompanyNames(companies)
    contacts = sorted(contacts, key=lambda c: c.path)
    now: dict[str, list[str]] = {}
    before: dict[str, list[str]] = {}

    def mention(written: str, people: dict[str, list[str]], path: str) -> None:
        key = names.key_of(written)
        if not key:
            return
        if key not in companies:
            text = name_of(written)
            shown_name = text.rsplit("/", 1)[-1] if key != company_key(text) else text  # `Companies/Globex`
            companies[key] = Company(key, unicodedata.normalize("NFC", shown_name))
        people.setdefault(key, []).append(path)

    for contact in contacts:
        if contact.company:
            mention(contact.company, now, contact.path)
        for past in contact.past_companies:
            mention(past, before, contact.path)
    opportunities = tuple(_opportunity(note, names, resolve, config, problems)
                          for note in sorted(opportunity_notes, key=lambda n: n.path))
    because: dict[str, list[str]] = {}
    for target in config.targets:
        key = names.key_of(target)
        if key:
            companies.setdefault(key, Company(key, name_of(target)))
            because.setdefault(key, []).append("config")
    named = []
    for opportunity in opportunities:
        if opportunity.company:
            company = companies.setdefault(opportunity.company, Company(opportunity.company, opportunity.company_name))
            named.append(replace(opportunity, company_name=company.name))
            because.setdefault(opportunity.company, []).append("opportunity")
        else:
            named.append(opportunity)
    finished = {}
    for key, company in sorted(companies.items(), key=lambda pair: (pair[1].name.casefold(), pair[0])):
        reasons = tuple(dict.fromkeys(company.target_because + tuple(because.get(key, ()))))
        working = tuple(dict.fromkeys(now.get(key, ())))
        finished[key] = replace(company, target=bool(reasons), target_because=reasons, now=working,
                                before=tuple(p for p in dict.fromkeys(before.get(key, ())) if p not in working))
    return finished, tuple(named), names
