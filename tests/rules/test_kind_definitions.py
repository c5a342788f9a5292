"""An action kind is one definition (vaultkit/kinds/): its rule gives each action the facts, and
every renderer takes the words from the definition, never from the kind's name."""
from __future__ import annotations

import ast
import datetime as dt
import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import vaultkit.kinds
from vaultkit import load_vault
from vaultkit.kinds.action import Action
from vaultkit.kinds import KINDS
from vaultkit.kinds.kind import MESSAGES, Kind, Words
from vaultkit.render.briefs import brief_names
from vaultkit.render.draft_context import context_for
from vaultkit.render.followups import render_followups
from vaultkit.render.ics import render_ics
from vaultkit.render.json_report import render_json
from vaultkit.rules import plan
from vaultkit.templates.check import SAMPLES

from ..conftest import LANDED, SAMPLE

RENDER = Path(vaultkit.__file__).resolve().parent / "render"
DAYS = [dt.date(2026, 9, 15), dt.date(2026, 10, 25), dt.date(2026, 11, 12), dt.date(2026, 11, 20),
        dt.date(2026, 12, 1), dt.date(2027, 1, 20)]


@pytest.fixture(scope="module")
def sample_vaults(tmp_path_factory):
    """The sample vault as it is (searching) and landed (with the [landed] lines README gives)."""
    landed = tmp_path_factory.mktemp("landed") / "vault"
    shutil.copytree(SAMPLE, landed, ignore=shutil.ignore_patterns("vaultkit"))
    with open(landed / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)
    return [load_vault(SAMPLE), load_vault(landed)]


def _is_kind_name(node: ast.AST, names: set[str]) -> bool:
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_kind_name(item, names) for item in node.elts)
    return isinstance(node, ast.Constant) and node.value in names


def _decides_by_kind(node: ast.AST, names: set[str]) -> str | None:
    """Why `node` decides something by an action kind's name: compares one, or keys a table by one.
    (A touch's kind, `touch.kind == "reply"`, is the Log's tag, not an action kind.)"""
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        if any(_is_kind_name(side, names) for side in sides):
            return "compares with a kind's name"
        on_kind = [s for s in sides if isinstance(s, ast.Attribute) and s.attr == "kind"
                   or isinstance(s, ast.Name) and s.id == "kind"]
        if on_kind and any(not isinstance(s, ast.Constant) for s in sides if s not in on_kind):
            return "compares a kind with a list of kinds"
    if isinstance(node, ast.Dict) and any(key is not None and _is_kind_name(key, names) for key in node.keys):
        return "keys a table by a kind's name"
    if isinstance(node, ast.Subscript) and _is_kind_name(node.slice, names):
        return "looks a kind's name up"
    return None


def test_no_renderer_decides_anything_by_a_kinds_name():
    names = {kind.name for kind in KINDS}
    found = []
    for path in sorted(RENDER.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            why = _decides_by_kind(node, names)
            if why:
                found.append(f"render/{path.name}:{node.lineno}: {why}")
    assert found == []


def test_every_action_carries_the_facts_its_kind_says(sample_vaults):
    seen = set()
    for vault in sample_vaults:
        for day in DAYS:
            for action in plan(vault, day).actions:
                assert isinstance(action.facts, action.definition.facts), (action.kind, action.facts)
                seen.add(action.kind)
    assert seen == {kind.name for kind in KINDS}  # the sample vault, some day, asks for every kind


def _names(context: dict, prefix: str = "") -> dict[str, bool]:
    """Each name in a template context, dotted (`interview.date`), and whether its value is not empty."""
    found = {}
    for key, value in context.items():
        found[prefix + key] = value not in ("", [], {}, None)
        if isinstance(value, dict):
            found.update(_names(value, f"{prefix}{key}."))
    return found


def test_what_check_tries_a_template_with_has_every_name_its_draft_is_given(sample_vaults):
    """`check` renders a vault's own template with its kind's sample: a name a real draft fills and
    the sample lacks would pass `check` and break `report`; a name only the sample has would pass
    `check` and break too."""
    named, filled = {}, {}
    for vault in sample_vaults:
        for day in DAYS:
            the_plan = plan(vault, day)
            for action in the_plan.actions:
                drafted = action.definition.draft
                if drafted is not None:
                    names = _names(context_for(action, drafted, vault, the_plan)[1])
                    named.setdefault(drafted.template, set()).update(names)
                    filled.setdefault(drafted.template, set()).update(n for n, full in names.items() if full)
    assert set(named) == {kind.draft.template for kind in KINDS if kind.draft}
    for template in named:
        sample = set(_names(SAMPLES[template]))
        assert filled[template] <= sample <= named[template], template


@dataclass(frozen=True, slots=True)
class Cheer:
    reason_to: str


TOAST = Kind("toast", Cheer, MESSAGES, when="never", due="today",
             headline=lambda facts, say: f"Raise a glass with {say.person} to {say.text(facts.reason_to)}")


def test_a_kind_the_renderers_never_heard_of_is_shown_from_its_definition_alone(sample_vaults, monkeypatch):
    monkeypatch.setitem(vaultkit.kinds._BY_NAME, "toast", TOAST)
    monkeypatch.setitem(vaultkit.kinds._ORDER, "toast", len(KINDS))
    vault, day = sample_vaults[1], dt.date(2026, 11, 20)
    ana = next(c for c in vault.contacts.values() if c.name == "Ana Díaz")
    toast = Action("toast", ana.name, day, "Ana's team shipped.", ana.path, contact_path=ana.path,
                   facts=Cheer("the *launch*"))
    the_plan = plan(vault, day)
    the_plan = replace(the_plan, actions=tuple(sorted((*the_plan.actions, toast), key=Action.sort_key)))
    page = render_followups(vault, the_plan)
    line = f"- [ ] Raise a glass with [[{ana.path[:-3]}|Ana Díaz]] to the \\*launch\\* · **due today** · `toast`"
    assert line in page
    calendar = render_ics(vault, the_plan, brief_names(vault)).decode()
    assert "SUMMARY:Raise a glass with Ana Díaz to the *launch*" in calendar
    row = next(a for a in json.loads(render_json(vault, the_plan))["actions"] if a["kind"] == "toast")
    assert (row["group"], row["contact"], row["reason"]) == ("today", "Ana Díaz", "Ana's team shipped.")


def test_a_headline_is_its_kinds_words_for_the_facts():
    words = Words("Ben", dt.date(2026, 11, 20))
    nudge = vaultkit.kinds.named("nudge")
    assert nudge.headline(nudge.facts(dt.date(2026, 11, 12), "#outreach hello"), words) == \
        "Send Ben one short follow-up to your message of Thu 12 Nov"
