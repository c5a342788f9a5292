"""The referral graph stays legible at any size: no diagram over MAX_NODES nodes, nobody drawn twice."""
import datetime as dt
import os
import re
from pathlib import Path

from vaultkit import load_vault, plan
from vaultkit.render.mermaid import MAX_NODES, render_graphs
from vaultkit.render.referrals import render_referrals

from ..conftest import SAMPLE
from ..support.network_vault import build
from .test_referrals_fields_drafts import _hostile_network

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "referrals-150.md"
NODE = re.compile(r"^  (p\d+|via|you)[\[(]", re.M)
EDGE = re.compile(r"^  (p\d+|via|you) --> (p\d+|via)$", re.M)


def blocks(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, re.S)


def check_diagrams(text: str, people: int) -> None:
    """Every diagram small and whole; each person drawn in full exactly once."""
    full = []
    for block in blocks(text):
        nodes = NODE.findall(block)
        assert len(nodes) <= MAX_NODES, len(nodes)
        assert len(nodes) == len(set(nodes))
        for a, b in EDGE.findall(block):
            assert a in nodes and b in nodes
        full += re.findall(r'^  p\d+\["(.*?)(?: \(\+[\d,]+ below\))?"\]$', block, re.M)
    assert len(full) == len(set(full)) == people


def referrals_page(root: Path) -> str:
    the_plan = plan(load_vault(root, use_cache=False), dt.date(2026, 11, 30))
    return render_referrals(the_plan, "Contacts")


def test_a_generated_500_person_vault_gives_no_diagram_over_the_limit(tmp_path):
    build(tmp_path / "vault", 500)
    text = referrals_page(tmp_path / "vault")
    assert len(blocks(text)) >= 4
    check_diagrams(text, 150)  # the 150 nearest a meeting are drawn; the table has everyone
    assert "more people are in the table above." in text


def test_the_split_graph_of_150_people_matches_the_golden_file(tmp_path):
    build(tmp_path / "vault", 150)
    text = referrals_page(tmp_path / "vault")
    if os.environ.get("VAULTKIT_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    check_diagrams(text, 146)  # the people in some referral; a few of the 150 are in none
    assert re.findall(r"^### \d+\. .*$", text, re.M)[:2] == ["### 1. From you: Person 000", "### 2. From you: Person 001"]
    assert "### 4. Through Person 000" in text and 'via(["Person 000"])' in text


def test_a_small_network_is_one_diagram_as_before(sample_copy):
    text = (SAMPLE / "vaultkit" / "Referrals.md").read_text(encoding="utf-8")
    assert len(blocks(text)) == 1 and "###" not in text.split("## Graph")[1]


def test_a_hostile_network_splits_along_its_chains():
    net = _hostile_network(500)
    graphs, left_out = render_graphs(net)
    assert left_out == 350
    text = "\n".join(block for _, block in graphs)
    check_diagrams(text, 150)
    for diagram, _ in graphs:  # each diagram is whole branches: everyone's chain runs back to its start
        for key in diagram.keys:
            chain = net.chains[key]
            start = chain.index(diagram.start) + 1 if diagram.start in chain else 0
            assert set(chain[start:]) <= set(diagram.keys)
