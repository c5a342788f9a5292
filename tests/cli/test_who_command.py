"""`vaultkit who COMPANY` through the CLI, Companies.md on a fixture vault, and company completion."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.support.company_vault import TODAY, write_company_vault
from tests.conftest import check_golden
from vaultkit.cli import cli

GOLDEN = Path(__file__).parents[1] / "golden" / "companies.md"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def who(vault, *args):
    return run("who", *args, "--vault", str(vault.root), "--today", TODAY)


def test_who_by_alias_lists_people_and_paths_best_first(vault):
    write_company_vault(vault)
    result = who(vault, "gx")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:6] == [
        "Globex Corporation (target: note, opportunity)",
        "Also called: Globex, GX",
        "Works there now:",
        "  Lena Fischer (not contacted) - Contacts/Lena Fischer.md",
        "Warm paths, best first:",
        "  1. Ask Ana Díaz to introduce you to Lena Fischer (Ana Díaz referred Lena Fischer; "
        "Lena Fischer works at Globex Corporation).",
    ]
    assert "  2. Reach out to Lena Fischer, who works at Globex Corporation.\n" in result.stdout
    assert "  Data Analyst: applied since 2026-11-02 - Jobs/Globex analyst.md\n" in result.stdout


def test_who_with_inc_and_accents(vault):
    write_company_vault(vault)
    assert who(vault, "Globex, Inc.").stdout == who(vault, "[[Globex Corporation]]").stdout
    result = who(vault, "SOCIETE GENERALE", "--format", "json")
    data = json.loads(result.stdout)
    assert data["name"] == "Société Générale" and data["note"] == "Companies/Société Générale.md"
    assert [p["name"] for p in data["now"]] == ["Yves Roux", "Zoe Brun"]


def test_who_json_carries_people_paths_and_opportunities(vault):
    write_company_vault(vault)
    data = json.loads(who(vault, "initech", "--format", "json").stdout)
    assert data["target"] and data["target_because"] == ["config"]
    assert data["before"] == [{"name": "Ben Cho", "note": "Contacts/Ben Cho.md", "state": "in touch"}]
    assert data["warm_paths"][0]["hops"] == [{"name": "Ben Cho", "path": "Contacts/Ben Cho.md", "link": "worked-at",
                                              "evidence": "worked at Initech"}]
    umbrella = json.loads(who(vault, "umbrella", "--format", "json").stdout)
    assert umbrella["opportunities"][0]["deadline"] == "2026-12-01" and umbrella["now"] == []
    assert umbrella["next_step"].startswith("Nobody you know works at Umbrella Corp yet")


def test_unknown_company_exits_1_with_the_closest(vault):
    write_company_vault(vault)
    result = who(vault, "Globx")
    assert result.exit_code == 1
    assert result.output == "Error: no company matches 'Globx'; the closest: Globex Corporation\n"
    assert "Traceback" not in result.output


def test_companies_md_golden(vault):
    write_company_vault(vault)
    result = run("report", "--vault", str(vault.root), "--today", TODAY)
    assert result.exit_code == 0, result.output
    check_golden({GOLDEN: (vault.root / "vaultkit" / "Companies.md").read_bytes()})


def test_companies_md_caps_a_vault_of_300_companies(vault):
    for n in range(300):
        for person in ("a", "b"):
            vault.contact(f"{person}{n:03}", f"company: Company {n:03}\n")
    vault.config('targets = ["Company 299"]\n')
    assert run("report", "--vault", str(vault.root), "--today", TODAY).exit_code == 0
    text = (vault.root / "vaultkit" / "Companies.md").read_text(encoding="utf-8")
    assert text.count("\n### ") == 31  # the target and 30 others have a section; the rest are table rows
    assert "269 more companies, one row each" in text and text.count("\n| Company 2") == 99
    assert len(text) < 120_000


def test_completion_offers_the_vaults_companies(vault, monkeypatch):
    from vaultkit.cli.who import complete_company

    write_company_vault(vault)
    run("report", "--vault", str(vault.root), "--today", TODAY)  # leaves a cache, as a real run does
    monkeypatch.chdir(vault.root)

    class Ctx:
        params = {"vault_path": str(vault.root)}

    def offered(typed):
        return [item.value for item in complete_company(Ctx(), None, typed)]

    assert offered("glo") == ["Globex Corporation"]  # one name per company: `Globex` is the same one
    assert offered("gx") == ["GX"]  # an alias of its own
    assert offered("soc") == ["Société Générale"]
    assert offered("gen") == ["Société Générale"]  # a later word
    assert "Hooli" in offered("") and "Umbrella Corp" in offered("")


def test_an_introduction_into_a_company_is_that_companys_step_not_the_askers_employers(vault):
    """Ana works at Hooli; asking her for an introduction to Lena at Globex (named by its alias in the
    action's facts) is the next step at Globex, and nothing at Hooli."""
    import dataclasses
    import datetime as dt

    from vaultkit import load_vault, plan
    from vaultkit.rules.company_facts import all_company_facts

    write_company_vault(vault)
    model = load_vault(vault.root)
    the_plan = plan(model, dt.date.fromisoformat(TODAY))
    intro = next(a for a in the_plan.actions if a.kind == "ask-intro" and a.contact == "Ana Díaz")
    intro = dataclasses.replace(intro, facts=intro.facts._replace(company="GX"), source=intro.contact_path)
    facts = all_company_facts(model, dataclasses.replace(the_plan, actions=(intro,)))
    assert facts[model.find_company("Globex").key].next_action is intro
    assert facts[model.find_company("Hooli").key].next_action is None
