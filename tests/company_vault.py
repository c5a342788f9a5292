"""A small vault with companies, past employers, a referral chain and opportunities (Companies.md, `who`)."""
from __future__ import annotations

TODAY = "2026-11-20"


def write_company_vault(vault) -> None:
    vault.config('targets = ["Initech"]\n[me]\nname = "Sam Test"\n')
    vault.write("Companies/Globex Corporation.md", "---\naliases: [Globex, GX]\ntarget: true\n---\n")
    vault.write("Companies/Société Générale.md", "---\ntype: company\n---\n")
    vault.contact("Ana Díaz", "company: Hooli\nfield: data\n")
    vault.contact("Lena Fischer", 'company: "Globex, Inc."\nreferred_by: "[[Ana Díaz]]"\n')
    vault.contact("Ben Cho", "company: Hooli\npast_companies: [Initech]\n", "## Log\n- 2026-10-02 #reply sure\n")
    vault.contact("Zoe Brun", "company: societe generale SA\n")
    vault.contact("Yves Roux", "company: Societe Generale\n")
    vault.interview("2026-10-01 Ana Díaz", 'contact: "[[Ana Díaz]]"\ndate: 2026-10-01\nstatus: done\n'
                    'thank_you_sent: 2026-10-01\n', "## Takeaways\n- talk to Lena\n")
    vault.write("Jobs/Globex analyst.md", "---\ntype: opportunity\ncompany: GX\nrole: Data Analyst\n"
                "url: https://globex.example/jobs/7\nstage: applied\napplied: 2026-11-02\n"
                'referred_by: "[[Lena Fischer]]"\n---\n')
    vault.write("Jobs/Umbrella.md", "---\ntype: opportunity\ncompany: Umbrella Corp\nrole: Analyst\n"
                "deadline: 2026-12-01\n---\n")
