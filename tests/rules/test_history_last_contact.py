"""History's last contact, worked out once per person, answers `in_touch_since` as the scan of
every touch and meeting did: on the sample vault, for every person and every day around their dates."""
from __future__ import annotations

from datetime import date, timedelta

from vaultkit.load import load_vault
from vaultkit.rules.history import History


def _scanned(history: History, path, day) -> bool:
    return any(t.date >= day for t in history.touches(path)) or any(m.date >= day for m in history.meetings(path))


def test_in_touch_since_is_the_scan_of_every_touch_and_meeting(sample_copy):
    vault = load_vault(sample_copy)
    dates = sorted({t.date for t in vault.touches} | {i.date for i in vault.interviews})
    assert len(dates) > 5 and vault.contacts
    days = [dates[0] - timedelta(days=1), *dates, dates[-1] + timedelta(days=1)]
    paths = [*vault.contacts, None, "Contacts/Nobody.md"]
    for today in (dates[0], dates[len(dates) // 2], dates[-1], date(2026, 11, 20)):
        asked_first, last_first = History(vault, today), History(vault, today)
        for path in paths:
            found = [t.date for t in last_first.touches(path)] + [m.date for m in last_first.meetings(path)]
            assert last_first.last_contact(path) == (max(found) if found else None)
            for day in days:
                expected = _scanned(asked_first, path, day)
                assert asked_first.in_touch_since(path, day) == expected, (path, day)
                assert last_first.in_touch_since(path, day) == expected, (path, day)
    assert any(History(vault, dates[-1]).in_touch_since(p, dates[0]) for p in vault.contacts)
