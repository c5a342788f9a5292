"""A report builds its model and renders with Python's cycle collector paused (the model makes no
cycles worth collecting, and the collector walking 100,000 objects again and again cost 7% of a
report after an edit), and leaves the collector as it found it, even when the report fails."""
from __future__ import annotations

import datetime as dt
import gc

import pytest

import vaultkit
from vaultkit import reporting

TODAY = dt.date(2026, 11, 20)


def test_the_model_and_outputs_are_made_with_the_collector_paused(sample_copy, monkeypatch):
    seen = []
    build, run = reporting.vault_of, reporting.run_report
    monkeypatch.setattr(reporting, "vault_of", lambda index: seen.append(("model", gc.isenabled())) or build(index))
    monkeypatch.setattr(reporting, "run_report",
                        lambda *args: seen.append(("outputs", gc.isenabled())) or run(*args))
    assert gc.isenabled()
    result = vaultkit.report(sample_copy, TODAY, use_cache=True)
    assert seen == [("model", False), ("outputs", False)]
    assert gc.isenabled() and result.results


def test_the_collector_is_left_as_it_was(sample_copy, monkeypatch):
    def failing(index):
        raise RuntimeError("broken")

    monkeypatch.setattr(reporting, "vault_of", failing)
    with pytest.raises(RuntimeError):
        vaultkit.report(sample_copy, TODAY, use_cache=True)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.undo()
        vaultkit.report(sample_copy, TODAY, use_cache=True, fresh=True)
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
