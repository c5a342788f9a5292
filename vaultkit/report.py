"""`report`: model -> plan -> outputs -> files. The library side of the command."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .errors import WARNING, Problem, VaultkitError
from .model import Vault
from .output_folder import output_folder_problem
from .reuse import NOTHING, Reuse, key_of
from .rules import Plan, plan
from .write import NOT_WRITTEN, Output, _current, made_by_vaultkit, resolve_output, write_outputs


@dataclass(frozen=True)
class Report:
    plan: Plan
    results: tuple[tuple[str, str], ...]  # (vault-relative path, written / unchanged / would write / kept / not written)
    problems: tuple[Problem, ...]  # found while rendering (a broken template) or writing (a file in the way)
    keys: dict[str, str] = field(default_factory=dict)  # vault-relative path -> what it was rendered from (reuse.py)
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # a draft's path -> its subject and body
    templates: str = ""  # sources_digest of the vault's own templates

    @property
    def not_written(self) -> int:
        return sum(status == NOT_WRITTEN for _, status in self.results)


def outputs(vault: Vault, the_plan: Plan, problems: list[Problem] | None = None) -> list[Output]:
    """Every generated file, as bytes; the same vault and day give the same bytes.

    Problems met on the way (a user template that fails) are added to `problems`.
    """
    return _render(vault, the_plan, problems if problems is not None else [], NOTHING)[0]


def _render(vault: Vault, the_plan: Plan, problems: list[Problem], reuse: Reuse, mailto: Callable | None = None):
    """(outputs, drafts, the templates' digest). An output `reuse` knows as it was comes back
    unrendered, with its status (`Output.known`). `mailto(draft)`: its email link (by default
    the draft as rendered; a report gives the draft as its file holds it, `_mailto_as_on_disk`)."""
    # imported here, not above: a command that renders nothing (check) never loads the renderers
    from .render.briefs import brief_names, render_briefs
    from .render.drafts import render_drafts
    from .render.fields import render_fields
    from .render.followups import Links, render_followups
    from .render.ics import calendar_bytes, calendar_parts
    from .render.referrals import render_referrals
    from .render.progress import render_progress
    from .template_sources import sources_digest, user_sources

    sources = user_sources(vault.config, problems)
    templates_key = sources_digest(sources)
    compiled = []

    def templates():
        if not compiled:
            from .templating import Templates  # here: only a report that renders a draft loads Jinja2

            compiled.append(Templates(vault.config, problems, sources))
        return compiled[0]

    if sources and templates_key != reuse.templates:
        templates()  # a template that does not compile is reported, used or not (the same ones compiled last time)
    drafts = render_drafts(vault, the_plan, templates, reuse, templates_key)
    folder = vault.config.folders.output
    briefs = brief_names(vault)
    mailto = mailto or (lambda draft: draft.mailto())
    links = {d.action: Links(draft=f"{folder}/{d.output.name}", mailto=mailto(d)) for d in drafts}
    for action in the_plan.actions:
        if action.definition.links_brief and action.interview in briefs:
            found = links.get(action, Links())
            links[action] = Links(found.draft, found.mailto, f"{folder}/{briefs[action.interview]}")
    calendar = calendar_parts(vault, the_plan, briefs)
    calendar_key = key_of("calendar", calendar)
    calendar_known = reuse.status(f"{folder}/Follow-ups.ics", calendar_key)
    files = [
        Output("Follow-ups.md", render_followups(vault, the_plan, links).encode("utf-8")),
        Output("Referrals.md", render_referrals(the_plan, vault.config.folders.contacts).encode("utf-8")),
        Output("Fields.md", render_fields(vault, the_plan).encode("utf-8")),
        Output("Progress.md", render_progress(the_plan).encode("utf-8")),
        Output("Follow-ups.ics", b"" if calendar_known else calendar_bytes(calendar), key=calendar_key,
               known=calendar_known),
        *(d.output for d in drafts),
        *render_briefs(vault, the_plan),
    ]
    return files, drafts, templates_key


def run_report(vault: Vault, today: date, dry_run: bool = False, reuse: Reuse = NOTHING) -> Report:
    """Plan, render and write. `reuse` (outcome.reuse_of) spares rendering what the last report left as it is."""
    the_plan = plan(vault, today)
    problems: list[Problem] = []
    files, drafts, templates_key = _render(vault, the_plan, problems, reuse, _mailto_as_on_disk(vault, problems))
    folder = vault.config.folders.output
    refusal = output_folder_problem(vault.config)
    if refusal is not None:
        problems.append(refusal)
        results = [(f"{folder}/{file.name}", NOT_WRITTEN) for file in files]
    else:
        results = write_outputs(vault.config.root, folder, files, dry_run, problems)
    keys = {f"{folder}/{file.name}": file.key for file in files if file.key}
    texts = {f"{folder}/{d.output.name}": (d.subject, d.body) for d in drafts}
    return Report(the_plan, tuple(results), tuple(sorted(problems)), keys, texts, templates_key)


def _mailto_as_on_disk(vault: Vault, problems: list[Problem]) -> Callable:
    """A draft's email link as its file will hold it once written: the draft rendered, unless the
    file there is one you edited (write_outputs keeps it): then what you wrote, read now, so the
    link never sends words you replaced. Reused drafts too: the record holds the rendered text."""
    from .render.drafts import as_written, untouched

    root, folder = vault.config.root, vault.config.folders.output

    def mailto(draft) -> str | None:
        rel = f"{folder}/{draft.output.name}"
        try:
            current = _current(resolve_output(root, folder, draft.output.name))
        except (OSError, VaultkitError):
            return None  # cannot be read, so not written either: write_outputs says why
        if current is None or current == draft.output.content or untouched(current):
            return draft.mailto()  # written now, or as written before
        if not made_by_vaultkit(current):
            return None  # someone else's file, not written: no draft to send
        edited = as_written(draft, current)
        if edited is None:
            problems.append(Problem(rel, 1, WARNING, "not UTF-8, so Follow-ups.md has no email link for this draft; "
                                    "save it as UTF-8"))
            return None
        return edited.mailto()

    return mailto
