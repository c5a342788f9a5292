"""Once landed the search is over, and every page and draft reads as a person would write it."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.rules import plan

T = dt.date(2026, 11, 20)
TODAY = T.isoformat()
LANDED = '[me]\nname = "Sam Test"\n[landed]\ndate = 2026-11-16\ncompany = "Northwind"\nrole = "UX Researcher"\n'


def searching_vault(vault):
    """Ana, met, suggested Lena (not yet written to); Dev was written to and has not answered."""
    vault.contact("Ana Díaz", "field: Product management\nemail: ana@example.org\n")
    vault.contact("Lena Fischer", "field: Product management\nemail: lena@example.org\n")
    vault.contact("Dev Patel", "email: dev@example.org\n", "## Log\n- 2026-11-10 #outreach asked for a chat\n")
    vault.interview("2026-11-05 Ana", "contact: '[[Ana Díaz]]'\ndate: 2026-11-05\nthank_you_sent: 2026-11-05\n"
                    "referrals: ['[[Lena Fischer]]']\n", "## Takeaways\n- talk to more PMs\n")


def kinds(vault) -> set[str]:
    return {a.kind for a in plan(load_vault(vault.root, use_cache=False), T).actions}


def report(vault):
    result = CliRunner().invoke(cli, ["report", "--vault", str(vault.root), "--today", TODAY])
    assert result.exit_code == 0, result.output
    return vault.root / "vaultkit"


def drafts(out) -> dict[str, str]:
    linked = (out / "Follow-ups.md").read_text(encoding="utf-8")
    return {p.name: p.read_text(encoding="utf-8") for p in (out / "Drafts").glob("*.md") if p.stem in linked}


def test_while_searching_introductions_and_nudges_are_due(vault):
    searching_vault(vault)
    assert {"reach-referral", "nudge"} <= kinds(vault)
    assert {"Introduction - Lena Fischer.md", "Follow-up - Dev Patel.md"} <= set(drafts(report(vault)))


def test_once_landed_no_introduction_no_nudge_and_no_draft_says_still_exploring(vault):
    searching_vault(vault)
    vault.config(LANDED)
    found = kinds(vault)
    assert "reach-referral" not in found and "nudge" not in found and "announce-landing" in found
    out = report(vault)
    page = (out / "Follow-ups.md").read_text(encoding="utf-8")
    assert "`reach-referral`" not in page and "`nudge`" not in page
    linked = drafts(out)
    assert "Landing - Ana Díaz.md" in linked
    assert not any("Introduction" in name or "Follow-up" in name for name in linked)
    assert not any("exploring" in text for text in linked.values())


# ---- a field inside a sentence ------------------------------------------------------

@pytest.mark.parametrize("written, inside", [
    ("Product management", "product management"),
    ("Écologie urbaine", "écologie urbaine"),
    ("Marketing", "marketing"),
    ("UX research", "UX research"),  # an acronym first
    ("iOS development", "iOS development"),
    ("Data Science", "Data Science"),  # every word capitalised: a name, as written
    ("Head of Product", "Head of Product"),
    ("product management", "product management"),
    ("", ""),
])
def test_a_field_reads_mid_sentence_without_a_capital_unless_it_is_a_name(written, inside):
    from vaultkit.wording import mid_sentence

    assert mid_sentence(written) == inside


def field_vault(vault, field: str):
    vault.contact("Ana Díaz", f"field: {field}\nemail: ana@example.org\n")
    vault.contact("Lena Fischer", "email: lena@example.org\n")
    vault.interview("2026-11-18 Ana", "contact: '[[Ana Díaz]]'\ndate: 2026-11-18\n"
                    "referrals: ['[[Lena Fischer]]']\n", "## Takeaways\n- talk to more PMs\n")
    vault.interview("2026-11-25 Ana", "contact: '[[Ana Díaz]]'\ndate: 2026-11-25\nstatus: scheduled\n")
    return report(vault)


def test_drafts_and_briefs_say_product_management_mid_sentence(vault):
    out = field_vault(vault, "Product management")
    intro = (out / "Drafts" / "Introduction - Lena Fischer.md").read_text(encoding="utf-8")
    assert "I am exploring product management." in intro
    thanks = (out / "Drafts" / "Thank you - 2026-11-18 Ana.md").read_text(encoding="utf-8")
    assert "a much clearer picture of product management." in thanks
    brief = (out / "Briefs" / "2026-11-25 Ana.md").read_text(encoding="utf-8")
    assert "## What you have learned in product management so far" in brief
    assert "- Field: Product management" in brief  # a label, not a sentence: as written
    page = (out / "Follow-ups.md").read_text(encoding="utf-8")
    assert "Meet more people in product management" in page
    assert "done in product management; aim for" in page
    everything = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "exploring Product management" not in everything and " in Product management" not in everything


def test_an_acronym_field_stays_as_written(vault):
    out = field_vault(vault, "UX research")
    intro = (out / "Drafts" / "Introduction - Lena Fischer.md").read_text(encoding="utf-8")
    assert "I am exploring UX research." in intro


# ---- who wrote: a brief's touches ---------------------------------------------------

def test_a_briefs_touch_says_who_wrote_to_whom(vault):
    vault.contact("Chloé Martin", "aliases: [Chloé]\n", "## Log\n- 2026-11-16 #thanks for the tip\n")
    vault.write("Daily/2026-11-14.md", "- [[Chloé Martin]] #outreach wrote to ask for twenty minutes.\n"
                "- [[Chloé]]: #reply coffee on Saturday the 21st.\n- [[Chloé Martin]] bumped into her\n")
    vault.interview("2026-11-21 Chloé", "contact: '[[Chloé Martin]]'\ndate: 2026-11-21\nstatus: scheduled\n")
    brief = (report(vault) / "Briefs" / "2026-11-21 Chloé.md").read_text(encoding="utf-8")
    assert "- 2026-11-14 · outreach from you: wrote to ask for twenty minutes. ([[Daily/2026-11-14|2026-11-14]])" \
        in brief
    assert "- 2026-11-14 · reply from Chloé Martin: coffee on Saturday the 21st." in brief
    assert "- 2026-11-14 · touch: bumped into her" in brief
    assert "- 2026-11-16 · thanks from you: for the tip" in brief
    assert "Chloé Martin wrote" not in brief


# ---- chains from you: a tree, each name once --------------------------------------------

def test_chains_from_you_are_a_tree_not_the_same_prefix_over_and_over(sample_copy):
    from markdown_it import MarkdownIt

    out = (CliRunner().invoke(cli, ["report", "--vault", str(sample_copy), "--today", TODAY]), sample_copy)[1]
    page = (out / "vaultkit" / "Referrals.md").read_text(encoding="utf-8")
    chains = page.split("## Chains from you\n", 1)[1].split("\n## ", 1)[0]
    assert "You →" not in chains
    link = "[[Contacts/{0}|{0}]]".format
    assert ("- " + link("Priya Natarajan") + "\n"
            "  - " + link("Ana Díaz") + "\n"
            "    - " + link("Ben Okafor") + "\n"
            "      - " + link("Chloé Martin") + "\n"
            "      - " + link("Hana Sato") + "\n"
            "    - " + link("Hiroshi Tanaka") + "\n"
            "  - " + link("Marcus Lee") + "\n"
            "    - " + link("Sofia Rossi") + "\n"
            "  - " + link("Omar Shaikh") + "\n"
            "    - " + link("Lena Fischer") + "\n") in chains
    assert chains.count(link("Priya Natarajan")) == 1
    html = MarkdownIt("commonmark").render(chains)
    assert html.count("<ul>") == 6 and "<pre>" not in html and "<code>" not in html  # nested lists, no code block


def test_a_chain_deeper_than_the_tree_shows_the_rest_on_one_line():
    from vaultkit.render.referrals import TREE_DEPTH, _chain_tree, _person
    from vaultkit.rules.network import Network, Person

    keys = [f"k{i}" for i in range(TREE_DEPTH + 3)]
    people = {k: Person(k, f"P{i}", None, "met") for i, k in enumerate(keys)}
    net = Network(people, tuple(zip(keys, keys[1:])), {k: tuple(keys[:i + 1]) for i, k in enumerate(keys)})
    lines = _chain_tree(net, {key: _person(person, "Contacts") for key, person in people.items()})
    assert len(lines) == len(keys) and lines[0] == "- [[Contacts/P0|P0]]"
    assert lines[TREE_DEPTH] == "  " * TREE_DEPTH + f"- [[Contacts/P{TREE_DEPTH}|P{TREE_DEPTH}]]"
    assert lines[-1] == "  " * TREE_DEPTH + " → ".join(f"- [[Contacts/P{i}|P{i}]]" if i == TREE_DEPTH else
                                                      f"[[Contacts/P{i}|P{i}]]" for i in range(TREE_DEPTH, len(keys)))


# ---- the weekly chart's axis fits the data ---------------------------------------------

def axis_tops(page: str) -> list[int]:
    import re

    return [int(top) for top in re.findall(r'^  y-axis "[^"]*" 0 --> (\d+)$', page, re.M)]


@pytest.mark.parametrize("peak, top", [(0, 4), (1, 4), (3, 4), (4, 4), (5, 5), (6, 8), (8, 8), (9, 10), (10, 10),
                                       (11, 15), (17, 20), (43, 50)])
def test_a_charts_axis_runs_just_past_its_peak_with_ticks_mermaid_draws_evenly(peak, top):
    from vaultkit.render.progress import axis_top

    assert axis_top([0, peak]) == top


def test_the_weekly_chart_of_the_sample_peaks_at_3_and_its_axis_runs_to_4(sample_copy):
    CliRunner().invoke(cli, ["report", "--vault", str(sample_copy), "--today", TODAY])
    page = (sample_copy / "vaultkit" / "Progress.md").read_text(encoding="utf-8")
    assert axis_tops(page) == [20, 4]  # the funnel (17 people), then the weeks (at most 3)
