"""A report's files: the model and its plan -> every output, rendered, then written where its bytes changed.

Only a report that renders imports this module (reporting.run_report), so a command that
renders nothing (check, a report repeated) never loads the renderers. Given what the last
report rendered (rendered.py), a draft or the calendar that
would come out the same is taken back instead of rendered again.
"""
from __future__ import annotations

from collections.abc import Callable

from ..errors import WARNING, Problem, VaultkitError
from ..memo import hash_of, key_of
from ..model import Vault
from ..render.briefs import brief_names, render_briefs
from ..render.companies import render_companies
from ..render.drafts import as_written, render_drafts, untouched
from ..render.fields import render_fields
from ..render.followups import NO_LINKS, Links, render_followups
from ..render import ics  # called through its module, so a test can count the calendar renders
from ..render.progress import render_progress
from ..render.referrals import render_referrals
from ..rules import Plan
from ..templates.sources import sources_digest, user_sources
from .folder import output_folder_problem
from .rendered import Remembered, Rendered, as_it_was
from .write import NOT_WRITTEN, Output, OutputPaths, _current, made_by_vaultkit, write_outputs


def outputs(vault: Vault, the_plan: Plan, problems: list[Problem] | None = None) -> list[Output]:
    """Every generated file, as bytes; the same vault and day give the same bytes.

    Problems met on the way (a user template that fails) are added to `problems`.
    """
    return _render(vault, the_plan, problems if problems is not None else [])[0]


def _render(vault: Vault, the_plan: Plan, problems: list[Problem], mailto: Callable | None = None,
            last: Rendered = Rendered()):
    """(outputs, drafts, what was rendered). `mailto(draft)`: its email link (by default the draft as
    rendered; a report gives the draft as its file holds it, `_mailto_as_on_disk`)."""
    sources = user_sources(vault.config, problems)
    templates_key = sources_digest(sources)
    compiled = []

    def templates():
        if not compiled:
            from ..templates.engine import Templates  # here: only a report that renders a draft loads Jinja2

            compiled.append(Templates(vault.config, problems, sources))
        return compiled[0]

    if sources and templates_key != last.templates:
        templates()  # a template that does not compile is reported, used or not (these compiled last time)
    remembered = Remembered(templates, last.texts if templates_key == last.templates else {})
    drafts = render_drafts(vault, the_plan, lambda: remembered)
    folder = vault.config.folders.output
    briefs = brief_names(vault)
    mailto = mailto or (lambda draft: draft.mailto())
    links = {d.action: Links(draft=f"{folder}/{d.output.name}", mailto=mailto(d)) for d in drafts}
    for action in the_plan.actions:
        if action.definition.links_brief and action.interview in briefs:
            found = links.get(action, NO_LINKS)
            links[action] = Links(found.draft, found.mailto, f"{folder}/{briefs[action.interview]}")
    parts = ics.calendar_parts(vault, the_plan, briefs)
    calendar_key = key_of(parts)
    calendar = as_it_was(vault.config, "Follow-ups.ics", calendar_key, last.calendar) or ics.calendar_bytes(parts)
    files = [
        Output("Follow-ups.md", render_followups(vault, the_plan, links).encode("utf-8")),
        Output("Referrals.md", render_referrals(the_plan, vault.config.folders.contacts).encode("utf-8")),
        Output("Fields.md", render_fields(vault, the_plan).encode("utf-8")),
        Output("Companies.md", render_companies(vault, the_plan).encode("utf-8")),
        Output("Progress.md", render_progress(the_plan).encode("utf-8")),
        Output("Follow-ups.ics", calendar),
        *(d.output for d in drafts),
        *render_briefs(vault, the_plan, briefs),
    ]
    return files, drafts, Rendered(templates_key, remembered.texts, (calendar_key, hash_of(calendar)))


def write_report(vault: Vault, the_plan: Plan, dry_run: bool = False, last: Rendered = Rendered()
                 ) -> tuple[list[tuple[str, str]], list[Problem], Rendered]:
    """Render every output (taking back what `last` rendered where it would come out the same) and
    write those whose bytes changed: (each output's vault-relative path and status, the problems met
    rendering or writing, what was rendered)."""
    problems: list[Problem] = []
    drafts_as_rendered: set[str] = set()  # drafts whose file holds what was rendered, read for their email link
    files, drafts, rendered = _render(vault, the_plan, problems, _mailto_as_on_disk(vault, problems, drafts_as_rendered),
                                      last)
    folder = vault.config.folders.output
    refusal = output_folder_problem(vault.config)
    if refusal is not None:
        problems.append(refusal)
        results = [(f"{folder}/{file.name}", NOT_WRITTEN) for file in files]
    else:
        results = write_outputs(vault.config.root, folder, files, dry_run, problems, drafts_as_rendered)
    return results, problems, rendered


def _mailto_as_on_disk(vault: Vault, problems: list[Problem], as_rendered: set[str]) -> Callable:
    """A draft's email link as its file will hold it once written: the draft rendered, unless the
    file there is one you edited (write_outputs keeps it): then what you wrote, read now, so the
    link never sends words you replaced. A draft whose file holds what was rendered is added to
    `as_rendered` (writing need not read it again)."""
    folder = vault.config.folders.output
    paths = OutputPaths(vault.config.root, folder)

    def mailto(draft) -> str | None:
        rel = f"{folder}/{draft.output.name}"
        try:
            current = _current(paths.path(draft.output.name))
        except (OSError, VaultkitError):
            return None  # cannot be read, so not written either: write_outputs says why
        if current == draft.output.content:
            as_rendered.add(draft.output.name)
            return draft.mailto()
        if current is None or untouched(current):
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
