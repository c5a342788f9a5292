"""Follow-ups.md: the day's page. What to do now comes first, what costs most if late at the top.

Each line is a sentence that starts with what to do, then when it is due (with its
weekday, and how late), then one click to everything it needs: the draft, an email
with the draft in it, the brief, and the note that caused it. Once you have landed,
the page is a wrap-up: whom to tell first, then whatever is still open.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..kinds.action import Action, section_of, urgency_key
from ..errors import ERROR, Problem
from ..kinds import TIERS
from ..model import Vault
from ..rules import Plan
from ..wording import long_day, short_day
from .sentences import Style, due_words, headline
from .text import dashboard_head, md_text, note_link, plural, wikilink


@dataclass(frozen=True, slots=True)
class Links:
    """What an action's line links to, besides the person and the note behind it."""

    draft: str | None = None  # vault-relative path of its draft
    mailto: str | None = None  # the draft as an email, when the person has an address
    brief: str | None = None  # vault-relative path of the interview's brief


NO_LINKS = Links()


class MarkdownStyle(Style):
    def __init__(self, contacts_folder: str):
        self.contacts_folder = contacts_folder
        self._links: dict[tuple[str | None, str], str] = {}  # a person has many actions: linked once

    def person(self, action: Action) -> str:
        if action.contact is None:
            return ""
        link = self._links.get((action.contact_path, action.contact))
        if link is None:
            # no note yet: a link to where it would go, so one click in Obsidian creates it
            path = action.contact_path or f"{self.contacts_folder}/{action.contact}.md"
            link = self._links[action.contact_path, action.contact] = wikilink(path, action.contact)
        return link

    def text(self, text: str) -> str:
        return md_text(text)

    def code(self, text: str) -> str:
        return f"`{text}`"


def _line(action: Action, vault: Vault, plan: Plan, style: MarkdownStyle, links: Links, mail: list[str]) -> str:
    parts = [f"**{due_words(action.due, plan.today)}**"]
    if links.draft:
        parts.append(wikilink(links.draft, "draft"))
    if links.mailto:  # a reference link: the long URL waits at the end of the page, the line stays readable
        mail.append(links.mailto)
        parts.append(f"[email][mail-{len(mail)}]")
    if links.brief:
        parts.append(wikilink(links.brief, "brief"))
    if action.source and action.source != action.contact_path:
        parts.append(f"from {note_link(action.source)}")
    if action.contact is None:
        parts.append(md_text(action.reason))  # search-wide: the figures behind it
    parts.append(f"`{action.kind}`")
    sentence = headline(action, plan.today, style, vault.config.me.timezone)
    return f"- [ ] {sentence} · " + " · ".join(parts)


def _lines(actions, vault, plan, style, links: Mapping[Action, Links], mail: list[str]) -> str:
    return "\n".join(_line(a, vault, plan, style, links.get(a, NO_LINKS), mail) for a in actions) + "\n"


def _wrap_up(vault: Vault, plan: Plan, announcements: list[Action]) -> str:
    landed = vault.config.landed
    job = " at ".join(md_text(part) for part in (landed.role, landed.company) if part) or "a new job"
    left = f"tell the {plural(len(announcements), 'person', 'people')} you met" if announcements \
        else "everyone you met has heard"
    return (f"> [!TIP] You landed: {job}, on {long_day(landed.date)}.\n"
            f"> The search is over: {left}, then close what is still open below.\n")


def _problem_lines(problems: list[Problem]) -> str:
    messages: dict[str, str] = {}  # thousands of problems say a dozen things: each is escaped once
    lines = []
    for p in problems:
        message = messages.get(p.message)
        if message is None:
            message = messages[p.message] = md_text(p.message)
        where = wikilink(p.path, p.path) if p.path.endswith(".md") else md_text(p.path)
        lines.append(f"- {where} line {p.line}, {p.severity}: {message}")
    return "\n".join(lines) + "\n"


def render_followups(vault: Vault, plan: Plan, links: Mapping[Action, Links] | None = None) -> str:
    links = links or {}
    mail: list[str] = []  # mailto URLs, in the order their lines appear
    today = plan.today
    style = MarkdownStyle(vault.config.folders.contacts)
    groups = plan.groups()
    counts = plan.counts()  # per section: an announcement counts where it is shown, not in its due group
    landed = vault.config.landed is not None
    front = {("due_today" if k == "today" else k): v for k, v in counts.items() if landed or k != "announce"}
    out = dashboard_head("Follow-ups", today, front)
    told = f"{counts['announce']} to tell where you landed · " if counts["announce"] else ""
    out.append(f"**{long_day(today)}.** {told}{counts['overdue'] + counts['today']} to do now "
               f"({counts['overdue']} overdue, {counts['today']} due today) · {counts['upcoming']} coming up in "
               f"the next {plural(plan.horizon_days, 'day')} · {counts['later']} later · "
               f"{counts['gone_quiet']} gone quiet.\n")
    announcements = []
    if landed:
        announcements = sorted((a for a in plan.actions if section_of(a, today, plan.horizon_days) == "announce"),
                               key=lambda a: a.sort_key())
        out.append(_wrap_up(vault, plan, announcements))
        if announcements:
            out.append(f"## Tell people where you landed ({len(announcements)})\n")
            out.append(_lines(announcements, vault, plan, style, links, mail))
    rest = set(announcements)  # (an action's hash is not free: looked up only when there are some)
    now = sorted((a for a in groups["overdue"] + groups["today"] if not rest or a not in rest), key=urgency_key)
    out.append(f"## Do now ({len(now)})\n")
    if not now:
        out.append("Nothing is due today or overdue.\n")
    for tier in TIERS:
        actions = [a for a in now if a.definition.tier == tier]
        if actions:
            out.append(f"### {tier.title}\n")
            out.append(_lines(actions, vault, plan, style, links, mail))
    for group, title in (("upcoming", f"Coming up in the next {plural(plan.horizon_days, 'day')}"), ("later", "Later")):
        actions = [a for a in groups[group] if not rest or a not in rest]
        out.append(f"## {title} ({len(actions)})\n")
        out.append(_lines(actions, vault, plan, style, links, mail) if actions else "Nothing here.\n")
    out.append(f"## Gone quiet ({len(plan.gone_quiet)})\n")
    if plan.gone_quiet:
        limit = vault.config.rules.max_unanswered
        rest_of_it = ("the search is over, so there is nothing to chase" if landed else
                      "leave them be for now and put your energy into other people")
        out.append(f"No answer to {plural(limit, 'message')} in a row: {rest_of_it}.\n")
        out.append("\n".join(
            f"- {wikilink(g.path, g.name)}: last wrote on {short_day(g.last_outreach, today)}, "
            f"{plural(g.unanswered, 'message')} unanswered" for g in plan.gone_quiet) + "\n")
    else:
        out.append("Nobody: everyone you wrote to has answered or still has time to.\n")
    problems = sorted([*vault.problems, *plan.problems])
    if problems:
        errors = sum(p.severity == ERROR for p in problems)
        out.append(f"## Problems in notes ({len(problems)})\n")
        out.append(f"{plural(errors, 'error')} and {plural(len(problems) - errors, 'warning')}; "
                   "a note with an error may be missing above. `vaultkit check` lists them too.\n")
        out.append(_problem_lines(problems))
    if mail:
        out.append("\n".join(f"[mail-{n}]: {url}" for n, url in enumerate(mail, 1)) + "\n")
    out.append(f"---\nWritten by vaultkit from {plural(vault.note_count, 'note')}. Ticking a box here "
               "changes nothing: record what you did in the person's Log, and the next report "
               "moves on.\n")
    return "\n".join(out)
