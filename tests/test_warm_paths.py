"""Warm paths: each kind of hop with its evidence, and the ranking (state, then hops, then recency)."""
from __future__ import annotations

import datetime as dt

import pytest

from vaultkit.load import load_vault
from vaultkit.rules import plan

TODAY = dt.date(2026, 11, 20)


def _met(vault, name: str, day: str = "2026-10-01", referrals: str = "") -> None:
    vault.interview(f"{day} {name}", f'contact: "[[{name}]]"\ndate: {day}\nstatus: done\n{referrals}')


def _in_touch(day: str = "2026-10-05") -> str:
    return f"## Log\n- {day} #reply happy to help\n"


def _paths(vault, company: str = "globex"):
    return plan(load_vault(vault.root), TODAY).warm_paths.get(company, ())


def _shape(paths):
    return [tuple((h.name, h.kind) for h in p.hops) for p in paths]


def test_works_there_now(vault):
    vault.contact("Lena Fischer", "company: Globex Inc.\n")
    (path,) = _paths(vault)
    assert _shape([path]) == [(("Lena Fischer", "works-at"),)]
    assert path.state == "not contacted"
    assert path.sentence == "Reach out to Lena Fischer, who works at Globex Inc."  # one full stop


def test_worked_there_before(vault):
    vault.contact("Lena Fischer", "company: Initech\npast_companies: [Globex]\n", _in_touch())
    (path,) = _paths(vault)
    assert _shape([path]) == [(("Lena Fischer", "worked-at"),)]
    assert path.sentence == "Ask Lena Fischer about Globex (Lena Fischer worked at Globex; you are in touch)."


def test_referred_them(vault):
    vault.contact("Ana Díaz", "company: Initech\n")
    vault.contact("Lena Fischer", "company: Globex\n")
    _met(vault, "Ana Díaz", referrals='referrals: ["[[Lena Fischer]]"]\n')
    best = _paths(vault)[0]
    assert _shape([best]) == [(("Ana Díaz", "referred"), ("Lena Fischer", "works-at"))]
    assert best.sentence == ("Ask Ana Díaz to introduce you to Lena Fischer (Ana Díaz referred Lena Fischer; "
                             "Lena Fischer works at Globex).")
    assert best.state == "met"


def test_was_referred_by_them(vault):
    vault.contact("Ana Díaz", 'company: Initech\nreferred_by: "[[Lena Fischer]]"\n', _in_touch())
    vault.contact("Lena Fischer", "company: Globex\n")
    best = _paths(vault)[0]
    assert _shape([best]) == [(("Ana Díaz", "referred-by"), ("Lena Fischer", "works-at"))]
    assert best.hops[0].evidence == "was referred by Lena Fischer"


def test_works_at_the_same_company(vault):
    vault.contact("Ana Díaz", "company: Initech\n", _in_touch())
    vault.contact("Lena Fischer", "company: Initech\npast_companies: [Globex]\n")
    best = _paths(vault)[0]
    assert _shape([best]) == [(("Ana Díaz", "works-with"), ("Lena Fischer", "worked-at"))]
    assert best.hops[0].evidence == "works with Lena Fischer at Initech"


def test_no_second_hop_to_someone_already_warm_nor_through_a_cold_contact(vault):
    vault.contact("Ana Díaz", "company: Initech\n")  # not contacted: cannot introduce anybody yet
    vault.contact("Ben Cho", "company: Initech\n", _in_touch())
    vault.contact("Lena Fischer", "company: Initech\npast_companies: [Globex]\n", _in_touch())
    assert _shape(_paths(vault)) == [(("Lena Fischer", "worked-at"),)]  # ask Lena herself


def test_do_not_contact_is_on_no_path(vault):
    vault.contact("Ana Díaz", "company: Initech\nstatus: do-not-contact\n", _in_touch())
    vault.contact("Lena Fischer", "company: Initech\npast_companies: [Globex]\n")
    assert _shape(_paths(vault)) == [(("Lena Fischer", "worked-at"),)]


def test_state_ranks_before_hops(vault):
    """A two-hop path through someone met beats one hop to someone only in touch, and a cold one hop."""
    vault.contact("Ana Díaz", "company: Initech\n")
    vault.contact("Lena Fischer", "company: Globex\n")
    vault.contact("Carl Berg", "company: Globex\n", _in_touch("2026-11-15"))
    _met(vault, "Ana Díaz", "2026-09-01", 'referrals: ["[[Lena Fischer]]"]\n')
    assert _shape(_paths(vault)) == [(("Ana Díaz", "referred"), ("Lena Fischer", "works-at")),
                                     (("Carl Berg", "works-at"),),
                                     (("Lena Fischer", "works-at"),)]


def test_fewer_hops_rank_before_recency(vault):
    """Both met: Ben works there (one hop, met long ago) before Ana's introduction (two hops, met lately)."""
    vault.contact("Ana Díaz", "company: Initech\n")
    vault.contact("Ben Cho", "company: Globex\n")
    vault.contact("Lena Fischer", "company: Globex\n")
    _met(vault, "Ben Cho", "2026-01-05")
    _met(vault, "Ana Díaz", "2026-11-10", 'referrals: ["[[Lena Fischer]]"]\n')
    assert _shape(_paths(vault))[:2] == [(("Ben Cho", "works-at"),),
                                         (("Ana Díaz", "referred"), ("Lena Fischer", "works-at"))]


@pytest.mark.parametrize("ana_day, ben_day, first", [("2026-11-10", "2026-10-01", "Ana Díaz"),
                                                     ("2026-10-01", "2026-11-10", "Ben Cho")])
def test_the_more_recent_touch_ranks_first(vault, ana_day, ben_day, first):
    vault.contact("Ana Díaz", "company: Globex\n", _in_touch(ana_day))
    vault.contact("Ben Cho", "company: Globex\n", _in_touch(ben_day))
    assert _paths(vault)[0].hops[0].name == first


def test_as_dict_carries_hops_and_sentence(vault):
    vault.contact("Lena Fischer", "company: Globex\n")
    (path,) = _paths(vault)
    assert path.as_dict() == {"company": "Globex", "state": "not contacted", "last_touch": None,
                              "hops": [{"name": "Lena Fischer", "path": "Contacts/Lena Fischer.md",
                                        "link": "works-at", "evidence": "works at Globex"}],
                              "sentence": "Reach out to Lena Fischer, who works at Globex."}
