"""Companies and opportunities in the model: names matched across `Inc.`, accents, aliases and links;
past employers; targets; opportunity stages; messy values reported, never a crash."""
from __future__ import annotations

import datetime as dt

from vaultkit.load import load_vault
from vaultkit.model import company_key


def _vault(vault):
    return load_vault(vault.root)


def test_company_key_ignores_case_accents_punctuation_and_legal_suffix():
    assert company_key("Globex, Inc.") == company_key("globex") == company_key("[[Globex]]") == "globex"
    assert company_key("Zürich AG") == company_key("zurich") == "zurich"
    assert company_key("Initech LLC") == company_key("INITECH") == "initech"
    assert company_key("Hooli Co., Ltd.") == "hooli"
    assert company_key("Co") == "co"  # a name that is only a suffix keeps it


def test_one_company_by_alias_inc_accent_and_link(vault):
    vault.write("Companies/Globex Corporation.md", "---\naliases: [Globex, GX]\ntarget: true\n---\n")
    vault.contact("Ana Díaz", "company: Globex, Inc.\n")
    vault.contact("Lena Fischer", 'company: "[[Globex Corporation]]"\n')
    vault.contact("Omar Ali", "company: gx\n")
    vault.contact("Zoe Brun", "company: Société Générale SA\n")
    vault.contact("Yves Roux", "company: societe generale\n")
    model = _vault(vault)
    globex = model.companies["globex"]
    assert globex.name == "Globex Corporation" and globex.path == "Companies/Globex Corporation.md"
    assert globex.now == ("Contacts/Ana Díaz.md", "Contacts/Lena Fischer.md", "Contacts/Omar Ali.md")
    assert globex.target and globex.target_because == ("note",)
    societe = model.companies[company_key("Société Générale")]
    assert societe.now == ("Contacts/Yves Roux.md", "Contacts/Zoe Brun.md")
    assert model.find_company("GX") is globex
    assert model.find_company("[[Globex Corporation|Globex]]") is globex
    assert model.find_company("Nobody Inc") is None


def test_company_by_type_tag_or_types_config(vault):
    vault.config('[types]\ncompany = { folders = ["Orgs"] }\n')
    vault.write("Notes/Initech.md", "---\ntype: company\n---\n")
    vault.write("Notes/Hooli.md", "---\ntags: [company]\n---\n")
    vault.write("Orgs/Umbrella.md", "---\nindustry: pharma\n---\n")
    vault.write("Notes/Acme.md", "---\nindustry: anvils\n---\n")  # no sign of a company: not one
    model = _vault(vault)
    assert {c.path for c in model.companies.values()} == {"Notes/Initech.md", "Notes/Hooli.md", "Orgs/Umbrella.md"}


def test_past_companies_and_now_are_kept_apart(vault):
    vault.contact("Ana Díaz", 'company: Initech\npast_companies: ["[[Globex]]", Hooli Inc.]\n')
    vault.contact("Ben Cho", "company: Globex\npast_companies: Globex\n")
    model = _vault(vault)
    assert model.companies["globex"].now == ("Contacts/Ben Cho.md",)
    assert model.companies["globex"].before == ("Contacts/Ana Díaz.md",)  # Ben still works there
    assert model.companies["hooli"].before == ("Contacts/Ana Díaz.md",)
    assert model.contacts["Contacts/Ana Díaz.md"].past_companies == ("Globex", "Hooli Inc.")


def test_targets_from_note_config_and_opportunity(vault):
    vault.config('targets = ["Initech, Inc.", "Massive Dynamic"]\n')
    vault.write("Companies/Globex.md", "---\ntarget: yes\n---\n")
    vault.write("Companies/Hooli.md", "---\ntarget: false\n---\n")
    vault.write("Jobs/Analyst.md", "---\ntype: opportunity\ncompany: Umbrella Corp\nrole: Analyst\n---\n")
    vault.contact("Ana Díaz", "company: Initech\n")
    model = _vault(vault)
    targets = {k: c.target_because for k, c in model.companies.items() if c.target}
    assert targets == {"globex": ("note",), "initech": ("config",), "massive dynamic": ("config",),
                       "umbrella": ("opportunity",)}
    assert model.companies["initech"].name == "Initech"  # the contact's spelling, not the config's
    assert not model.companies["hooli"].target


def test_opportunity_fields_and_people(vault):
    vault.contact("Ana Díaz", "company: Globex\n")
    vault.write("Companies/Globex Corporation.md", "---\naliases: [Globex]\n---\n")
    vault.write("Jobs/Globex analyst.md", "---\ntype: opportunity\ncompany: \"[[Globex Corporation]]\"\n"
                "title: Data Analyst\nurl: https://globex.example/jobs/1\nstage: Applied\napplied: 2026-11-02\n"
                "deadline: 2026-11-20\nheard_from: \"[[Ana Díaz|Ana]]\"\nreferred_by: Omar Ali\n---\n"
                "## Log\n- 2026-11-09 #outreach asked the recruiter for news\n")
    model = _vault(vault)
    (opp,) = model.opportunities
    assert (opp.company, opp.company_name, opp.role, opp.stage) == ("globex", "Globex Corporation", "Data Analyst",
                                                                    "applied")
    assert opp.applied == opp.stage_date == dt.date(2026, 11, 2) and opp.deadline == dt.date(2026, 11, 20)
    assert (opp.heard_from, opp.heard_from_name) == ("Contacts/Ana Díaz.md", "Ana Díaz")
    assert (opp.referred_by, opp.referred_by_name) == (None, "Omar Ali")
    assert [(t.date, t.kind) for t in opp.touches] == [(dt.date(2026, 11, 9), "outreach")]
    assert opp.url == "https://globex.example/jobs/1" and opp.title == "Data Analyst at Globex Corporation"
    assert model.opportunities_at("globex") == (opp,)
    assert any("referred_by 'Omar Ali' matches no contact" in p.message for p in model.problems)


def test_stage_defaults_to_interested(vault):
    vault.write("Jobs/a.md", "---\ntype: opportunity\ncompany: Globex\n---\n")
    (opp,) = _vault(vault).opportunities
    assert opp.stage == "interested" and opp.stage_date is None


def test_messy_opportunity_and_company_values(vault):
    vault.write("Jobs/typo.md", "---\ntype: opportunity\ncompany: Globex\nstage: aplied\napplied: 2026-13-40\n---\n")
    vault.write("Jobs/nonsense.md", "---\ntype: opportunity\ncompany: [Globex, Initech]\nstage: dreaming\n---\n")
    vault.write("Jobs/list.md", "---\ntype: opportunity\ncompany:\nstage: [1, 2]\n---\n")
    vault.contact("Ana Díaz", "company: [Hooli, Initech]\npast_companies: [[Globex]]\n")
    vault.contact("Ben Cho", 'company: "[[Companies/Umbrella Corp]]"\npast_companies: {a: 1}\n')
    model = _vault(vault)
    stages = {o.path: o.stage for o in model.opportunities}
    assert stages == {"Jobs/typo.md": "applied", "Jobs/nonsense.md": "interested", "Jobs/list.md": "interested"}
    messages = {(p.path, p.line, p.severity): p.message for p in model.problems}
    assert "did you mean applied?" in messages[("Jobs/typo.md", 4, "error")]
    assert "unknown stage 'dreaming'" in messages[("Jobs/nonsense.md", 4, "error")]
    assert "2026-13-40" in messages[("Jobs/typo.md", 5, "error")]
    assert "names no company" in messages[("Jobs/list.md", 3, "warning")]
    assert model.companies["hooli"].now == ("Contacts/Ana Díaz.md",)  # a list: the first, with a warning
    assert model.companies["umbrella"].now == ("Contacts/Ben Cho.md",)  # a link with a folder: its last part
    assert model.companies["umbrella"].name == "Umbrella Corp"
    assert model.companies["globex"].before == ("Contacts/Ana Díaz.md",)
