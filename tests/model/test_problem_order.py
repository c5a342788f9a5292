"""The model lists problems in Problem's own order (path, line, severity, message), compared by a key in C."""
from __future__ import annotations

import random

from vaultkit.errors import ERROR, WARNING, Problem
from vaultkit.model import vault as model_vault
from vaultkit.model.vault import build_vault
from vaultkit.config import load_config


def test_the_key_is_problems_own_order():
    rng = random.Random(28)
    problems = [Problem(rng.choice(["A.md", "a.md", "B/é.md", "Daily/2026-11-02.md", "b.md"]), rng.randint(1, 12),
                        rng.choice([ERROR, WARNING]), rng.choice(["x", "y", "date: 13", "Date: 2"]))
                for _ in range(3000)]
    assert sorted(set(problems), key=model_vault._PROBLEM_ORDER) == sorted(set(problems))


def test_a_vaults_problems_are_sorted_and_once_each(sample_copy):
    given = [Problem("zz.md", 3, WARNING, "later"), Problem("A.md", 2, ERROR, "first"),
             Problem("A.md", 2, ERROR, "first"), Problem("A.md", 10, WARNING, "after line 2")]
    vault = build_vault([], load_config(sample_copy), given)
    assert vault.problems == (given[1], given[3], given[0])
