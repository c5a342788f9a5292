"""Every number the dashboard shows counts the same things: the line at the top, the section
headings, the front-matter, the JSON and the summary a report prints."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from vaultkit.cli import cli

from ..conftest import LANDED


def landed(root) -> None:
    """The sample as README shows it once the search is over: the [landed] lines added."""
    with open(root / "vaultkit.toml", "a", encoding="utf-8") as config:
        config.write(LANDED)


def run(root, *args):
    result = CliRunner().invoke(cli, [*args, "--vault", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def page_numbers(root) -> tuple[dict, dict, dict]:
    """(the top line's numbers, the section headings', the front-matter's), by section."""
    page = (root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    front = dict(re.findall(r"^(\w+): (\d+)$", page.split("\n---\n", 1)[0], re.MULTILINE))
    top = next(line for line in page.splitlines() if line.startswith("**"))
    said = {"announce": re.search(r"(\d+) to tell where you landed", top),
            "now": re.search(r"(\d+) to do now", top), "overdue": re.search(r"\((\d+) overdue", top),
            "today": re.search(r"(\d+) due today", top), "upcoming": re.search(r"(\d+) coming up", top),
            "later": re.search(r"(\d+) later", top), "gone_quiet": re.search(r"(\d+) gone quiet", top)}
    headings = {"announce": r"## Tell people where you landed \((\d+)\)", "now": r"## Do now \((\d+)\)",
                "upcoming": r"## Coming up in the next \d+ days \((\d+)\)", "later": r"## Later \((\d+)\)",
                "gone_quiet": r"## Gone quiet \((\d+)\)"}
    top_numbers = {k: int(m.group(1)) for k, m in said.items() if m}
    heading_numbers = {k: int(m.group(1)) for k, pattern in headings.items() if (m := re.search(pattern, page))}
    front_numbers = {("today" if k == "due_today" else k): int(v) for k, v in front.items()}
    return top_numbers, heading_numbers, front_numbers


@pytest.mark.parametrize("today", ["2026-11-20", "2026-11-25"])  # the announcements due in 3 days, then 2 late
def test_the_top_line_the_headings_the_front_matter_the_json_and_the_summary_agree(sample_copy, today):
    landed(sample_copy)
    result = run(sample_copy, "report", "--today", today)
    top, headings, front = page_numbers(sample_copy)
    assert top["announce"] == headings["announce"] == front["announce"] == 4
    assert top["now"] == headings["now"] == top["overdue"] + top["today"]
    for section in ("upcoming", "later", "gone_quiet"):
        assert top[section] == headings[section] == front[section], section
    assert front["overdue"] == top["overdue"] and front["today"] == top["today"]
    counts = json.loads(run(sample_copy, "report", "--today", today, "--format", "json").stdout)["counts"]
    assert counts == {"announce": 4, "overdue": top["overdue"], "today": top["today"], "upcoming": top["upcoming"],
                      "later": top["later"], "gone_quiet": top["gone_quiet"]}
    assert (f"Follow-ups for {today}: 4 to tell where you landed, {top['overdue']} overdue, {top['today']} today, "
            f"{top['upcoming']} upcoming, {top['later']} later; {top['gone_quiet']} gone quiet.") in result.stdout


def test_the_json_puts_each_action_in_the_section_it_is_counted_in(sample_copy):
    landed(sample_copy)
    data = json.loads(run(sample_copy, "report", "--today", "2026-11-25", "--format", "json").stdout)
    for section, count in data["counts"].items():
        if section != "gone_quiet":
            assert sum(a["group"] == section for a in data["actions"]) == count, section
    assert {a["group"] for a in data["actions"] if a["kind"] == "announce-landing"} == {"announce"}


def test_before_landing_there_is_nobody_to_tell_and_nothing_says_so(sample_copy):
    result = run(sample_copy, "report", "--today", "2026-11-20")
    top, headings, front = page_numbers(sample_copy)
    assert "announce" not in top and "announce" not in headings and "announce" not in front
    assert "to tell" not in result.stdout
    counts = json.loads(run(sample_copy, "report", "--today", "2026-11-20", "--format", "json").stdout)["counts"]
    assert counts["announce"] == 0 and counts["upcoming"] == top["upcoming"] == headings["upcoming"]
