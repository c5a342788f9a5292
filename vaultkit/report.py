"""`report`: model -> plan -> outputs -> files. The library side of the command."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import Problem
from .model import Vault
from .output_folder import output_folder_problem
from .rules import Plan, plan
from .write import NOT_WRITTEN, Output, write_outputs


@dataclass(frozen=True)
class Report:
    plan: Plan
    results: tuple[tuple[str, str], ...]  # (vault-relative path, written / unchanged / would write / kept / not written)
    problems: tuple[Problem, ...]  # found while rendering (a broken template) or writing (a file in the way)

    @property
    def not_written(self) -> int:
        return sum(status == NOT_WRITTEN for _, status in self.results)


def outputs(vault: Vault, the_plan: Plan, problems: list[Problem] | None = None) -> list[Output]:
    """Every generated file, as bytes; the same vault and day give the same bytes.

    Problems met on the way (a user template that fails) are added to `problems`.
    """
    # imported here, not above: a command that renders nothing (check) never loads Jinja2 or icalendar
    from .render.briefs import brief_names, render_briefs
    from .render.drafts import render_drafts
    from .render.fields import render_fields
    from .render.followups import Links, render_followups
    from .render.ics import render_ics
    from .render.referrals import render_referrals
    from .render.progress import render_progress
    from .templating import Templates

    templates = Templates(vault.config, problems if problems is not None else [])
    drafts = render_drafts(vault, the_plan, templates)
    folder = vault.config.folders.output
    briefs = brief_names(vault)
    links = {d.action: Links(draft=f"{folder}/{d.output.name}", mailto=d.mailto()) for d in drafts}
    for action in the_plan.actions:
        if action.kind in ("prepare", "confirm") and action.interview in briefs:
            found = links.get(action, Links())
            links[action] = Links(found.draft, found.mailto, f"{folder}/{briefs[action.interview]}")
    return [
        Output("Follow-ups.md", render_followups(vault, the_plan, links).encode("utf-8")),
        Output("Referrals.md", render_referrals(the_plan, vault.config.folders.contacts).encode("utf-8")),
        Output("Fields.md", render_fields(vault, the_plan).encode("utf-8")),
        Output("Progress.md", render_progress(the_plan).encode("utf-8")),
        Output("Follow-ups.ics", render_ics(vault, the_plan, briefs)),
        *(d.output for d in drafts),
        *render_briefs(vault, the_plan),
    ]


def run_report(vault: Vault, today: date, dry_run: bool = False) -> Report:
    the_plan = plan(vault, today)
    problems: list[Problem] = []
    files = outputs(vault, the_plan, problems)
    folder = vault.config.folders.output
    refusal = output_folder_problem(vault.config)
    if refusal is not None:
        problems.append(refusal)
        results = [(f"{folder}/{file.name}", NOT_WRITTEN) for file in files]
    else:
        results = write_outputs(vault.config.root, folder, files, dry_run, problems)
    return Report(the_plan, tuple(results), tuple(sorted(problems)))
