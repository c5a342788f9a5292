"""Referrals.md, Fields.md, Drafts/ and Follow-ups.ics."""
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultkit import load_vault, plan
from vaultkit.cli import cli
from vaultkit.render.mermaid import label, render_graph
from vaultkit.rules.network import Network, Person
from vaultkit.rules.referrals import MET, NO_NOTE

from ..conftest import LANDED, SAMPLE, UPDATE_GOLDEN, check_golden

TODAY = "2026-11-20"
ROOT = Path(__file__).resolve().parents[2]
MERMAID = ROOT / "tools" / "mermaid"  # the real Mermaid, set up by tools/mermaid/setup.sh
needs_mermaid = pytest.mark.skipif(
    not (MERMAID / "node_modules").is_dir() or shutil.which("node") is None,
    reason="the Mermaid checker is not set up: run `bash tools/mermaid/setup.sh` "
    "(needs Node.js 18.19+ and npm; see tools/mermaid/README.md)")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def report(root, today=TODAY):
    return run("report", "--vault", str(root), "--today", today)


def outputs(root: Path) -> dict[str, bytes]:
    folder = root / "vaultkit"
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- golden -----------------------------------------------------------------

def test_every_sample_output_matches_the_committed_one(sample_copy):
    shutil.rmtree(sample_copy / "vaultkit")
    result = report(sample_copy)
    assert result.exit_code == 0
    produced = outputs(sample_copy)
    assert sorted(produced) == [
        "Briefs/2026-11-21 Chloé Martin.md", "Briefs/2026-11-26 Omar Shaikh.md", "Briefs/2026-12-03 Isabel Cruz.md",
        "Companies.md",
        "Drafts/Application follow-up - Initech Data Analyst.md", "Drafts/Check-in - Nadia Haddad.md",
        "Drafts/Confirm - 2026-11-21 Chloé Martin.md", "Drafts/Follow-up - Dev Patel.md",
        "Drafts/Introduction - Hiroshi Tanaka.md", "Drafts/Introduction - Lena Fischer.md",
        "Drafts/Introduction - Sofia Rossi.md", "Drafts/Introduction to Hana Sato - Ben Okafor.md",
        "Drafts/News for Jordan Kim - Fieldnote Associate Product Manager.md",
        "Drafts/Referral - Lumen Labs - Priya Natarajan.md", "Drafts/Thank you - 2026-11-12 Ben Okafor.md",
        "Drafts/Update for Ana Díaz - Ben Okafor.md",
        "Fields.md", "Follow-ups.ics", "Follow-ups.md", "Progress.md", "Referrals.md",
    ]
    assert sorted(outputs(SAMPLE)) == sorted(produced) or UPDATE_GOLDEN, "files differ from the committed ones"
    check_golden({SAMPLE / "vaultkit" / name: content for name, content in produced.items()},
                 folder=SAMPLE / "vaultkit")


# ---- referrals ----------------------------------------------------------------

def test_referral_states_chains_and_connectors(sample_copy):
    report(sample_copy)
    text = (sample_copy / "vaultkit" / "Referrals.md").read_text(encoding="utf-8")
    assert "9 referrals among 10 people: 4 met, 1 reached out, 2 not contacted, 2 no note yet." in text
    assert ("| [[Contacts/Ben Okafor\\|Ben Okafor]] | [[Contacts/Chloé Martin\\|Chloé Martin]] | reached out | "
            "[[Interviews/2026-11-12 Ben Okafor\\|2026-11-12 Ben Okafor]] |") in text
    assert ("- [[Contacts/Priya Natarajan|Priya Natarajan]]\n  - [[Contacts/Ana Díaz|Ana Díaz]]\n"
            "    - [[Contacts/Ben Okafor|Ben Okafor]]\n      - [[Contacts/Chloé Martin|Chloé Martin]]\n") in text
    assert "1. [[Contacts/Priya Natarajan|Priya Natarajan]]: 4 meetings (3 direct)" in text


def test_json_referrals_hold_the_same_edges(sample_copy):
    import json
    data = json.loads(run("report", "--vault", str(sample_copy), "--today", TODAY, "--format", "json").stdout)
    assert {"from": "Omar Shaikh", "to": "Lena Fischer", "state": "no note yet",
            "source": "Interviews/2026-10-05 Omar Shaikh.md"} in data["referrals"]
    assert len(data["referrals"]) == 9


def test_a_referral_loop_still_gets_chains(vault):
    vault.contact("A", "referred_by: B\n")
    vault.contact("B", "referred_by: A\n")
    the_plan = plan(load_vault(vault.root), dt.date(2026, 11, 20))
    chains = {the_plan.network.people[k].name: [p.name for p in the_plan.network.chain(k)] for k in the_plan.network.people}
    assert chains == {"A": ["A"], "B": ["A", "B"]}


HOSTILE = ['Ana "the PM" Díaz', "Ben [lead] (ops)", "end", "subgraph", "graph", "C#quot; Sharp", "Zoë 🎉",
           "<b>bold</b>", "a|b;c:d&e", "x --> y", "`tick`", "%%comment", "click", "style", "#35;", "  spaced  "]


def _hostile_network(count: int) -> Network:
    names = [HOSTILE[i % len(HOSTILE)] + (f" {i}" if i >= len(HOSTILE) else "") for i in range(count)]
    people = {f"k{i}": Person(f"k{i}", n, None, MET if i % 3 else NO_NOTE) for i, n in enumerate(names)}
    edges = tuple((f"k{i // 3}", f"k{i}") for i in range(1, count))
    chains = {}
    for i in range(count):
        path, step = [], i
        while True:
            path.append(f"k{step}")
            if step == 0:
                break
            step //= 3
        chains[f"k{i}"] = tuple(reversed(path))
    return Network(people, edges, chains)


def test_mermaid_labels_never_carry_syntax():
    for name in HOSTILE + ["", "\n\t", "a\u2028b"]:
        quoted = label(name)
        inner = quoted[1:-1]
        assert quoted.startswith('"') and quoted.endswith('"')
        assert not re.search(r'["<>`\n]', inner), name
        assert re.fullmatch(r"(?:[^#]|#(?:35|quot|lt|gt|96);)+", inner), name


@needs_mermaid
@pytest.mark.parametrize("count", [len(HOSTILE), 500])
def test_hostile_graphs_parse_with_the_real_mermaid(tmp_path, count):
    graph, _ = render_graph(_hostile_network(count))
    page = tmp_path / "graph.md"
    page.write_text(graph, encoding="utf-8")
    out = subprocess.run(["node", str(MERMAID / "check.mjs"), str(page)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


# ---- fields -------------------------------------------------------------------

def test_fields_mark_the_thin_ones_and_link_what_was_learned(sample_copy):
    report(sample_copy)
    text = (sample_copy / "vaultkit" / "Fields.md").read_text(encoding="utf-8")
    assert "| UX research | 2 (below 3) | 6 | 6 |" in text and "| Product management | 3 | 4 | 2 |" in text
    assert ("- Run a small diary study on my own team's support tickets and write it up. "
            "([[Interviews/2026-10-20 Ana Díaz|Ana Díaz, 2026-10-20]], takeaway)") in text


# ---- drafts -------------------------------------------------------------------

THANKS = "vaultkit/Drafts/Thank you - 2026-11-12 Ben Okafor.md"


def test_thank_you_names_takeaways_referrals_and_signs_with_me(sample_copy):
    report(sample_copy)
    text = (sample_copy / THANKS).read_text(encoding="utf-8")
    assert "- One page per project: the question, the method, and what changed because of it." in text
    assert "suggesting I talk to Chloé Martin" in text
    assert text.endswith("Thanks again,\nSam\n+1 503 555 0142\nsam.rivera@example.org\n")  # [me] under the signature
    assert 'to: "ben@civicdesign.example.org"' in text


def test_landing_draft_gives_the_new_role_company_and_details(sample_copy):
    with open(sample_copy / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)
    report(sample_copy)
    text = (sample_copy / "vaultkit/Drafts/Landing - Jordan Kim.md").read_text(encoding="utf-8")
    assert "a position as UX Researcher at Northwind Health, from 16 November 2026" in text
    assert "sam.rivera@northwind.example.org or +1 503 555 0142" in text
    assert "Our conversation on 10 September 2026" in text


def test_an_edited_draft_survives_three_reports(sample_copy):
    report(sample_copy)
    draft = sample_copy / THANKS
    edited = draft.read_text(encoding="utf-8").replace("Hi Ben,", "Dear Ben,")
    draft.write_text(edited, encoding="utf-8")
    for day in ("2026-11-21", "2026-11-22", "2026-11-23"):
        result = report(sample_copy, day)
        assert f"kept (you edited it): {THANKS}" in result.stdout
        assert draft.read_text(encoding="utf-8") == edited


def test_a_draft_no_longer_owed_is_left_where_it_is(sample_copy):
    report(sample_copy)
    interview = sample_copy / "Interviews" / "2026-11-12 Ben Okafor.md"
    interview.write_text(interview.read_text(encoding="utf-8").replace("status: done", "status: done\nthank_you_sent: 2026-11-13"),
                         encoding="utf-8")
    before = (sample_copy / THANKS).read_bytes()
    report(sample_copy)
    assert (sample_copy / THANKS).read_bytes() == before


EVIL = "{{ 7*7 }} {% raw %}x{% endraw %} {# c #} {{ ''.__class__ }}"


def test_template_syntax_in_user_text_comes_out_literally(vault):
    vault.config(f'[me]\nname = "{EVIL}"\nsignature = "{EVIL}"\n[landed]\ndate = 2026-11-01\ncompany = "{EVIL}"\n'
                 f'role = "{EVIL}"\n')
    vault.contact("Ana", f"name: \"Ana {EVIL}\"\ncompany: \"{EVIL}\"\nfield: \"{EVIL}\"\nemail: \"{EVIL}\"\n")
    vault.interview("i", f"contact: '[[Ana]]'\ndate: 2026-10-10\nreferrals: [\"{EVIL}\"]\n",
                    f"## Takeaways\n- {EVIL}\n")
    result = report(vault.root)
    assert result.exit_code == 0
    drafts = list((vault.root / "vaultkit" / "Drafts").iterdir())
    assert len(drafts) == 2
    for draft in drafts:
        text = draft.read_text(encoding="utf-8")
        assert "49" not in text and "<class" not in text
        assert text.count(EVIL) >= 3, draft.name


@pytest.mark.parametrize("name", ["../../escape", "a/b", "C:evil", ".hidden", "x" * 300, "..", "con:aux|nul"])
def test_hostile_contact_names_make_safe_draft_files(vault, tmp_path, name):
    vault.config("[landed]\ndate = 2026-11-01\n")
    vault.write("Contacts/person.md", f"---\nname: {name!r}\n---\n".replace("'", '"'))
    vault.interview("i", "contact: '[[person]]'\ndate: 2026-10-10\nthank_you_sent: true\n", "## Takeaways\n- a\n")
    report(vault.root)
    drafts_dir = (vault.root / "vaultkit" / "Drafts").resolve()
    (draft,) = [p for p in drafts_dir.iterdir()]
    assert draft.resolve().parent == drafts_dir
    assert not draft.name.startswith(".") and len(draft.name) <= 120
    assert not set('/\\:*?"<>|') & set(draft.name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]  # nothing written beside the vault


def test_a_user_template_wins(vault):
    vault.write("Templates/vaultkit/thank-you.md", "Thanks {{ contact.first_name }} from {{ me.name }}!\n")
    vault.config('[me]\nname = "Sam"\n')
    vault.contact("Ana Díaz", "")
    vault.interview("i", "contact: '[[Ana Díaz]]'\ndate: 2026-10-10\n", "## Takeaways\n- a\n")
    report(vault.root)
    text = (vault.root / "vaultkit" / "Drafts" / "Thank you - i.md").read_text(encoding="utf-8")
    assert text.endswith("---\nThanks Ana from Sam!\n")


@pytest.mark.parametrize("template, line, message", [
    ("Hi\n{% if %}\n", 2, "template error: Expected an expression, got 'end of statement block'; "
                          "using the built-in thank-you.md instead"),
    ("Hi\n\n{{ contact.nickname }}\n", 3, "template error: 'dict object' has no attribute 'nickname' "
                                          "(see the list of names at the top of the built-in template); "
                                          "using the built-in thank-you.md instead"),
    ("{{ ''.__class__.__mro__ }}\n", 1, "template error: not allowed: access to attribute '__class__' of 'str' "
                                        "object is unsafe.; using the built-in thank-you.md instead"),
])
def test_a_broken_user_template_falls_back_and_says_where(vault, template, line, message):
    vault.write("Templates/vaultkit/thank-you.md", template)
    vault.contact("Ana", "")
    vault.interview("i", "contact: '[[Ana]]'\ndate: 2026-10-10\n", "## Takeaways\n- a point\n")
    result = report(vault.root)
    assert result.exit_code == 0
    assert f"Templates/vaultkit/thank-you.md:{line}: error: {message}\n" in result.stderr
    assert "- a point" in (vault.root / "vaultkit" / "Drafts" / "Thank you - i.md").read_text(encoding="utf-8")
    if line == 2:  # a syntax error is found by `check` too
        checked = run("check", "--vault", str(vault.root))
        assert checked.exit_code == 1 and f"Templates/vaultkit/thank-you.md:2: error: {message}" in checked.stdout
