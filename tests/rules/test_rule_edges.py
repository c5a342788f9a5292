"""Every rule of docs/actions.md at its edges: the day before, on and after each boundary.

Interviews, referrals, and keeping in touch; the search as a whole, snoozes, statuses and
groups are in test_rule_edges_plan.py, Progress.md's counts in test_rule_edges_progress.py. Each row: the case in words, the input as days from
today, the due day a user sees (days from today) or None.
"""
from __future__ import annotations

import pytest

from ..support.edge_vault import NOTES, QUESTIONS, ZOE, EdgeVault, iso


@pytest.fixture
def edge(vault) -> EdgeVault:
    return EdgeVault(vault)


# ---- before an interview ----------------------------------------------------------------

@pytest.mark.parametrize("case, at, status, body, due", [
    ("in three days: due tomorrow", 3, "scheduled", "", 1),
    ("in two days: due today", 2, "scheduled", "", 0),
    ("tomorrow: overdue since yesterday", 1, "confirmed", "", -1),
    ("today: still to prepare", 0, "confirmed", "", -2),
    ("yesterday: past, nothing to prepare", -1, "confirmed", "", None),
    ("requested counts", 4, "requested", "", 2),
    ("no status ahead reads as scheduled", 2, "", "", 0),
    ("no status today reads as scheduled", 0, "", "", -2),
    ("questions written", 2, "scheduled", QUESTIONS, None),
    ("a Questions heading left empty", 2, "scheduled", "## Questions\n\n## Notes\nx\n", 0),
    ("cancelled", 2, "cancelled", "", None),
    ("done, dated ahead: not an interview to prepare", 2, "done", "", None),
])
def test_prepare(edge, case, at, status, body, due):
    edge.person("Ana")
    edge.interview("Ana", at, f"status: {status}\n" if status else "", body)
    assert edge.due("prepare", "Ana") == due


@pytest.mark.parametrize("case, setting, at, due", [
    ("prepare_days_before 0: on the day", 0, 1, 1),
    ("prepare_days_before 3, three days ahead", 3, 3, 0),
    ("prepare_days_before 3, four days ahead", 3, 4, 1),
])
def test_prepare_days_before(edge, case, setting, at, due):
    edge.rules(prepare_days_before=setting)
    edge.person("Ana")
    edge.interview("Ana", at, "status: scheduled\n")
    assert edge.due("prepare", "Ana") == due


@pytest.mark.parametrize("case, at, status, due", [
    ("in two days: due tomorrow", 2, "scheduled", 1),
    ("tomorrow: due today", 1, "scheduled", 0),
    ("today: overdue since yesterday", 0, "scheduled", -1),
    ("yesterday: record-outcome instead", -1, "scheduled", None),
    ("confirmed", 1, "confirmed", None),
    ("requested", 1, "requested", None),
    ("no status, tomorrow", 1, "", 0),
    ("no status, today: not yet passed", 0, "", -1),
    ("no status, yesterday: done", -1, "", None),
])
def test_confirm(edge, case, at, status, due):
    edge.person("Ana")
    edge.interview("Ana", at, f"status: {status}\n" if status else "", QUESTIONS)
    assert edge.due("confirm", "Ana") == due


def test_confirm_days_before(edge):
    edge.rules(confirm_days_before=3)
    for name, at in [("Ana", 2), ("Ben", 3), ("Cy", 4)]:
        edge.person(name)
        edge.interview(name, at, "status: scheduled\n", QUESTIONS)
    assert [edge.due("confirm", name) for name in ("Ana", "Ben", "Cy")] == [-1, 0, 1]


# ---- after an interview -----------------------------------------------------------------

@pytest.mark.parametrize("case, at, status, due", [
    ("confirmed, yesterday: due today", -1, "confirmed", 0),
    ("scheduled, two days ago: due yesterday", -2, "scheduled", -1),
    ("requested, yesterday", -1, "requested", 0),
    ("confirmed, today: not passed yet", 0, "confirmed", None),
    ("done", -1, "done", None),
    ("no-show", -1, "no-show", None),
    ("cancelled", -1, "cancelled", None),
    ("no status, yesterday: done", -1, "", None),
])
def test_record_outcome(edge, case, at, status, due):
    edge.person("Ana")
    edge.interview("Ana", at, f"status: {status}\n" if status else "", QUESTIONS + NOTES)
    assert edge.due("record-outcome", "Ana") == due


@pytest.mark.parametrize("case, at, status, body, due", [
    ("done yesterday, nothing written: due yesterday", -1, "done", "", -1),
    ("done today: due today", 0, "done", "", 0),
    ("done tomorrow: not happened yet", 1, "done", "", None),
    ("no status, yesterday", -1, "", "", -1),
    ("no status, today: not met yet", 0, "", "", None),
    ("takeaways written", -1, "done", NOTES, None),
    ("reflection written", -1, "done", "## Reflection\nfits me\n", None),
    ("an empty Takeaways heading", -1, "done", "## Takeaways\n\n## Notes\nx\n", -1),
    ("still confirmed: the outcome first", -1, "confirmed", "", None),
])
def test_record_notes(edge, case, at, status, body, due):
    edge.person("Ana")
    edge.interview("Ana", at, f"status: {status}\n" if status else "", body)
    assert edge.due("record-notes", "Ana") == due


@pytest.mark.parametrize("case, at, front, log, due", [
    ("met yesterday: due today", -1, "", [], 0),
    ("done today: due tomorrow", 0, "status: done\n", [], 1),
    ("done tomorrow: not happened yet", 1, "status: done\n", [], None),
    ("no status today: not met yet", 0, "", [], None),
    ("#thanks the day before the meeting", -3, "", [(-4, "#thanks")], -2),
    ("#thanks on the day of the meeting", -3, "", [(-3, "#thanks")], None),
    ("#thanks the day after", -3, "", [(-2, "#thanks")], None),
    ("a #reply after is not a thank-you", -3, "", [(-2, "#reply")], -2),
    ("thank_you_sent with a date", -3, f"thank_you_sent: {iso(-3)}\n", [], None),
    ("thank_you_sent: true", -3, "thank_you_sent: true\n", [], None),
    ("thank_you_sent: false", -3, "thank_you_sent: false\n", [], -2),
])
def test_thank_you(edge, case, at, front, log, due):
    edge.person("Ana", log=log)
    edge.interview("Ana", at, front, NOTES)
    assert edge.due("thank-you", "Ana") == due


@pytest.mark.parametrize("case, hours, time, due", [
    ("12 hours, no time: the same day", 12, None, -1),
    ("12 hours from 11:59: the same day", 12, "11:59", -1),
    ("12 hours from 12:00: the next day", 12, "12:00", 0),
    ("24 hours from 23:59: the next day", 24, "23:59", 0),
    ("25 hours from 23:00: two days on", 25, "23:00", 1),
    ("25 hours from 22:59: the next day", 25, "22:59", 0),
])
def test_thank_you_hours_from_the_interview_time(edge, case, hours, time, due):
    edge.rules(thank_you_hours=hours)
    edge.person("Ana")
    edge.interview("Ana", -1, f'time: "{time}"\n' if time else "", NOTES)
    assert edge.due("thank-you", "Ana") == due


# ---- referrals ---------------------------------------------------------------------------

@pytest.mark.parametrize("case, suggested_at, zoe, due", [
    ("seven days ago: due today", -7, "no note", 0),
    ("eight days ago: due yesterday", -8, "no note", -1),
    ("six days ago: due tomorrow", -6, "no note", 1),
    ("with a note, untouched", -7, "a note, untouched", 0),
    ("with a note, written to", -7, "a note, one #outreach", None),
    ("any touch counts, even before", -7, "a note, a touch before she was suggested", None),
    ("with a note, an interview asked for", -7, "a note, an interview ahead", None),
    ("no note, an interview asked for", -7, "no note, an interview ahead", None),
    ("no note, already met", -7, "no note, already met", None),
    ("no note, met today", -7, "no note, met today", None),
])
def test_reach_referral(edge, case, suggested_at, zoe, due):
    edge.person("Ana")
    edge.met("Ana", suggested_at, "referrals: [Zoe]\n")
    ZOE[zoe](edge)
    assert edge.due("reach-referral", "Zoe") == due


@pytest.mark.parametrize("case, status, due", [
    ("suggested in a done interview", "done", 0),
    ("suggested in a cancelled one", "cancelled", None),
    ("suggested in one still marked confirmed", "confirmed", None),
])
def test_reach_referral_only_from_done_interviews(edge, case, status, due):
    edge.person("Ana")
    edge.interview("Ana", -7, f"status: {status}\nthank_you_sent: true\nreferrals: ['[[Zoe Park|Zoe]]']\n", NOTES)
    assert edge.due("reach-referral", "Zoe Park") == due


def test_referral_days(edge):
    edge.rules(referral_days=0)
    edge.person("Ana")
    edge.met("Ana", -1, "referrals: [Zoe]\n")
    assert edge.due("reach-referral", "Zoe") == -1


# Ben, whom Ana referred, was met five days ago; close_loop_days is 3.
ANA = {
    "no touch since": lambda e: e.person("Ana", log=[(-30, "#reply")]),
    "a touch the day before the meeting": lambda e: e.person("Ana", log=[(-6, "#update")]),
    "a touch on the day of the meeting": lambda e: e.person("Ana", log=[(-5, "#update")]),
    "a touch the day after": lambda e: e.person("Ana", log=[(-4, "#update")]),
    "met the day before": lambda e: (e.person("Ana"), e.met("Ana", -6)),
    "met on the same day": lambda e: (e.person("Ana"), e.met("Ana", -5)),
    "met the day after": lambda e: (e.person("Ana"), e.met("Ana", -4)),
    "an outreach after": lambda e: e.person("Ana", log=[(-4, "#outreach")]),
}


@pytest.mark.parametrize("case, ana, due", [
    ("no touch since: due three days after the meeting", "no touch since", -2),
    ("a touch the day before the meeting", "a touch the day before the meeting", -2),
    ("a touch on the day of the meeting", "a touch on the day of the meeting", None),
    ("a touch the day after", "a touch the day after", None),
    ("met the day before", "met the day before", -2),
    ("met on the same day", "met on the same day", None),
    ("met the day after", "met the day after", None),
    ("any touch closes it, an outreach too", "an outreach after", None),
])
def test_close_loop(edge, case, ana, due):
    ANA[ana](edge)
    edge.person("Ben", "referred_by: '[[Ana]]'\n")
    edge.met("Ben", -5)
    assert edge.due("close-loop", "Ana") == due


@pytest.mark.parametrize("case, ben_at, status, due", [
    ("met today: due in three days", 0, "done", 3),
    ("met three days ago: due today", -3, "done", 0),
    ("met four days ago: due yesterday", -4, "done", -1),
    ("not met yet: nothing to tell", 2, "scheduled", None),
    ("a no-show: nothing to tell", -4, "no-show", None),
])
def test_close_loop_counts_from_the_meeting(edge, case, ben_at, status, due):
    edge.person("Ana", log=[(-30, "#reply")])
    edge.person("Ben", "referred_by: Ana\n")
    edge.interview("Ben", ben_at, f"status: {status}\nthank_you_sent: true\n", NOTES)
    assert edge.due("close-loop", "Ana") == due


def test_close_loop_for_a_referral_given_in_an_interview_and_not_for_oneself(edge):
    edge.person("Ana")
    edge.met("Ana", -30, "referrals: ['[[Ben]]']\n")
    edge.person("Ben")
    edge.met("Ben", -5)
    edge.person("Cy", "referred_by: Cy\n")  # names themselves
    edge.met("Cy", -5)
    assert (edge.due("close-loop", "Ana"), edge.due("close-loop", "Cy")) == (-2, None)


# ---- keeping in touch without pestering -----------------------------------------------------

@pytest.mark.parametrize("case, log, meeting, due", [
    ("outreach seven days ago: due today", [(-7, "#outreach")], None, 0),
    ("eight days ago: due yesterday", [(-8, "#outreach")], None, -1),
    ("six days ago: due tomorrow", [(-6, "#outreach")], None, 1),
    ("a reply the day before the outreach", [(-8, "#reply"), (-7, "#outreach")], None, 0),
    ("a reply on the day of the outreach", [(-7, "#outreach"), (-7, "#reply")], None, None),
    ("written on the same day, reply first", [(-7, "#reply"), (-7, "#outreach")], None, None),
    ("a reply the day after", [(-7, "#outreach"), (-6, "#reply")], None, None),
    ("a plain touch after answers", [(-7, "#outreach"), (-6, "met at a meetup")], None, None),
    ("a #thanks after answers", [(-7, "#outreach"), (-6, "#thanks")], None, None),
    ("met the day before the outreach", [(-7, "#outreach")], -8, 0),
    ("met on the day of the outreach", [(-7, "#outreach")], -7, None),
    ("an interview ahead answers", [(-7, "#outreach")], 5, None),
    ("answered, then a new outreach", [(-20, "#outreach"), (-19, "#reply"), (-10, "#outreach")], None, -3),
    ("an old reply, an outreach, a new reply", [(-30, "#reply"), (-20, "#outreach"), (-10, "#reply")], None, None),
])
def test_nudge(edge, case, log, meeting, due):
    edge.person("Ana", log=log)
    if meeting is not None:
        edge.interview("Ana", meeting, "thank_you_sent: true\n" if meeting < 0 else "status: confirmed\n", NOTES)
    assert edge.due("nudge", "Ana") == due


OUTREACHES = [-40, -30, -20, -10]


@pytest.mark.parametrize("case, limit, count, nudge, quiet", [
    ("limit 2, one unanswered: a nudge", 2, 1, -3, False),
    ("limit 2, two: gone quiet", 2, 2, None, True),
    ("limit 2, three: gone quiet", 2, 3, None, True),
    ("limit 3, two: a nudge from the last", 3, 2, -3, False),
    ("limit 3, three: gone quiet", 3, 3, None, True),
    ("limit 3, four: gone quiet", 3, 4, None, True),
])
def test_unanswered_count_below_at_above_the_limit(edge, case, limit, count, nudge, quiet):
    edge.rules(max_unanswered=limit)
    edge.person("Ana", log=[(-100, "#reply")] + [(at, "#outreach") for at in OUTREACHES[-count:]])
    result = edge.plan()
    assert edge.due("nudge", "Ana") == nudge
    assert [g.name for g in result.gone_quiet] == (["Ana"] if quiet else [])
    assert "check-in" not in [a.kind for a in result.actions if a.contact == "Ana"]  # a nudge, or quiet


@pytest.mark.parametrize("case, front, log, quiet", [
    ("two unanswered", "", [(-20, "#outreach"), (-10, "#outreach")], True),
    ("a reply after them brings her back", "", [(-20, "#outreach"), (-10, "#outreach"), (-2, "#reply")], False),
    ("a reply on the day of the last", "", [(-20, "#outreach"), (-10, "#outreach"), (-10, "#reply")], False),
    ("paused people are not listed", "status: paused\n", [(-20, "#outreach"), (-10, "#outreach")], False),
])
def test_gone_quiet(edge, case, front, log, quiet):
    edge.person("Ana", front, log)
    assert [g.name for g in edge.plan().gone_quiet] == (["Ana"] if quiet else [])


@pytest.mark.parametrize("case, front, log, meeting, due", [
    ("a reply 60 days ago: due today", "", [(-60, "#reply")], None, 0),
    ("61 days ago: due yesterday", "", [(-61, "#reply")], None, -1),
    ("59 days ago: due tomorrow", "", [(-59, "#reply")], None, 1),
    ("every 6w, 42 days ago", "stay_in_touch: 6w\n", [(-42, "#checkin")], None, 0),
    ("every 6w, 43 days ago", "stay_in_touch: 6w\n", [(-43, "#checkin")], None, -1),
    ("every 3m, from 20 August", "stay_in_touch: 3m\n", [(-92, "#reply")], None, 0),
    ("every 3m, from 19 August", "stay_in_touch: 3m\n", [(-93, "#reply")], None, -1),
    ("every 3m, from 21 August", "stay_in_touch: 3m\n", [(-91, "#reply")], None, 1),
    ("every 10 days (a bare number)", "stay_in_touch: 10\n", [(-10, "#reply")], None, 0),
    ("a plain touch is hearing from them", "", [(-60, "coffee")], None, 0),
    ("met, never logged as replying", "", [], -60, 0),
    ("the later of a touch and a meeting", "", [(-90, "#reply")], -30, 30),
    ("the later of a meeting and a touch", "", [(-30, "#reply")], -90, 30),
    ("only outreach: never a check-in", "", [(-70, "#outreach")], None, None),
    ("a nudge open: no check-in", "", [(-100, "#reply"), (-3, "#outreach")], None, None),
    ("gone quiet: no check-in", "", [(-100, "#reply"), (-30, "#outreach"), (-20, "#outreach")], None, None),
])
def test_check_in(edge, case, front, log, meeting, due):
    edge.person("Ana", front, log)
    if meeting is not None:
        edge.met("Ana", meeting)
    assert edge.due("check-in", "Ana") == due


def test_no_check_in_while_another_action_is_open(edge):
    edge.person("Ana", log=[(-100, "#reply")])
    edge.interview("Ana", -2, "", NOTES)  # owes a thank-you
    edge.person("Ben", log=[(-100, "#reply")])
    edge.interview("Ben", 5, "status: confirmed\n", QUESTIONS)  # prepared and confirmed: nothing open
    edge.person("Cy", log=[(-100, "#reply")])
    edge.interview("Cy", 5, "status: confirmed\n")  # prepare is open
    assert [edge.due("check-in", name) for name in ("Ana", "Ben", "Cy")] == [None, -40, None]


def test_stay_in_touch_default_from_the_settings(edge):
    edge.rules(stay_in_touch="30d")
    edge.person("Ana", log=[(-30, "#reply")])
    edge.person("Ben", "stay_in_touch: 2w\n", [(-14, "#reply")])  # a contact's own cadence wins
    assert (edge.due("check-in", "Ana"), edge.due("check-in", "Ben")) == (0, 0)
