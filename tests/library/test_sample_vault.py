"""sample-vault/: the demo, and an end-to-end fixture that shows every feature."""
import datetime as dt

import yaml

from vaultkit import load_vault
from vaultkit.index import frontmatter

from ..conftest import SAMPLE

README_TODAY = dt.date(2026, 11, 20)


def test_the_sample_has_no_problems():
    assert load_vault(SAMPLE).problems == ()


def test_the_sample_shows_a_realistic_search():
    model = load_vault(SAMPLE)
    assert len(model.contacts) == 19 and len(model.interviews) == 12
    fields = {c.field for c in model.contacts.values()}
    assert fields == {"UX research", "Data science", "Product management"}
    statuses = {i.status_on(README_TODAY) for i in model.interviews}
    assert statuses == {"requested", "scheduled", "confirmed", "done", "cancelled", "no-show"}
    assert {c.status for c in model.contacts.values()} == {"active", "paused", "do-not-contact"}
    assert any(c.snooze_until for c in model.contacts.values())
    # an alias used in a link, and a contact typed only by an inline #contact tag
    assert model.contacts["Contacts/Ben Okafor.md"].referred_by[0].written == "[[Ana]]"
    assert "People/Nadia Haddad.md" in model.contacts
    # touches from daily notes; referrals with and without notes
    assert {t.source for t in model.touches if t.source.startswith("Daily/")} == {
        "Daily/2026-09-12.md", "Daily/2026-11-14.md", "Daily/2026-11-15.md", "Daily/2026-11-19.md"}
    referrals = [r for i in model.interviews for r in i.referrals]
    assert any(r.path is None for r in referrals) and any(r.path for r in referrals)


def test_the_sample_has_companies_to_aim_for_and_openings_at_every_step():
    """Two target companies, one reached through a referral (Ben referred Hana, at Globex), one
    through a past employer (Kenji worked at Initech); three openings at different stages, one referred."""
    from vaultkit.rules import plan

    model = load_vault(SAMPLE)
    targets = {c.name for c in model.companies.values() if "note" in c.target_because}
    assert targets == {"Globex", "Initech"}
    paths = plan(model, README_TODAY).warm_paths
    globex, initech = paths[model.find_company("Globex, Inc.").key], paths[model.find_company("initech").key]
    assert [h.kind for h in globex[0].hops] == ["referred", "works-at"]
    assert [(h.name, h.kind) for h in initech[0].hops] == [("Kenji Mori", "worked-at")]
    stages = sorted(o.stage for o in model.opportunities)
    assert stages == ["applied", "interested", "interviewing"]
    assert [o.referred_by_name for o in model.opportunities if o.referred_by_name] == ["Jordan Kim"]


def test_c_and_python_yaml_loaders_agree_on_the_sample(monkeypatch):
    with_c = load_vault(SAMPLE)
    monkeypatch.setattr(frontmatter, "_Loader", frontmatter.make_loader(yaml.SafeLoader))
    with_python = load_vault(SAMPLE)
    assert with_python.contacts == with_c.contacts
    assert with_python.interviews == with_c.interviews
    assert with_python.touches == with_c.touches
