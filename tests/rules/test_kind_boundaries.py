"""Every action kind, at its boundary dates."""
import datetime as dt

import pytest

from vaultkit import load_vault
from vaultkit.kinds.action import group_of
from vaultkit.rules import plan

T = dt.date(2026, 11, 20)  # "today" in these tests


def d(offset: int) -> str:
    return (T + dt.timedelta(days=offset)).isoformat()


def D(offset: int) -> dt.date:
    return T + dt.timedelta(days=offset)


def due(vault, kind=None, today=T):
    """(kind, contact, due) of every action, optionally of one kind."""
    result = plan(load_vault(vault.root), today)
    return [(a.kind, a.contact, a.due) for a in result.actions if kind is None or a.kind == kind]


def person(vault, name, front="", log=()):
    body = "## Log\n" + "".join(f"- {line}\n" for line in log) if log else ""
    vault.contact(name, front, body)


def interview(vault, name, offset, front="", body=""):
    vault.interview(f"{d(offset)} {name}", f"contact: '[[{name}]]'\ndate: {d(offset)}\n{front}", body)


QUESTIONS = "## Questions\n- What do you wish you had known?\n"
NOTES = "## Takeaways\n- a point\n"


# ---- interviews ---------------------------------------------------------------

@pytest.mark.parametrize("offset, status, body, expected", [
    (2, "scheduled", "", [("prepare", "Ana", T)]),  # due exactly today
    (3, "confirmed", "", [("prepare", "Ana", D(1))]),
    (0, "requested", "", [("prepare", "Ana", D(-2))]),  # interview today: prepare is overdue
    (2, "scheduled", QUESTIONS, []),
    (-1, "scheduled", "", []),  # past: record-outcome instead
])
def test_prepare(vault, offset, status, body, expected):
    person(vault, "Ana")
    interview(vault, "Ana", offset, f"status: {status}\n", body)
    assert due(vault, "prepare") == expected


def test_confirm_the_day_before_only_when_scheduled(vault):
    for name, offset, status in [("Ana", 1, "scheduled"), ("Ben", 0, ""), ("Cy", 1, "confirmed"), ("Di", 5, "requested")]:
        person(vault, name)
        interview(vault, name, offset, f"status: {status}\n" if status else "", QUESTIONS)
    assert due(vault, "confirm") == [("confirm", "Ben", D(-1)), ("confirm", "Ana", T)]


def test_record_outcome_only_for_a_status_left_behind(vault):
    person(vault, "Ana")
    person(vault, "Ben")
    interview(vault, "Ana", -1, "status: confirmed\n", QUESTIONS)
    interview(vault, "Ben", -1, "", QUESTIONS + NOTES)  # no status: past means done
    assert due(vault, "record-outcome") == [("record-outcome", "Ana", T)]
    assert ("record-outcome", "Ben", T) not in due(vault)


def test_record_notes_until_takeaways_or_reflection(vault):
    for name, body in [("Ana", ""), ("Ben", "## Reflection\nfits me\n"), ("Cy", "## Takeaways\n- [ ]\n")]:
        person(vault, name)
        interview(vault, name, -3, "status: done\n", body)
    assert due(vault, "record-notes") == [("record-notes", "Ana", D(-3)), ("record-notes", "Cy", D(-3))]


def test_thank_you_within_24_hours(vault):
    person(vault, "Ana")
    person(vault, "Ben", log=[f"{d(-1)} #thanks sent it the same evening"])  # a #thanks on the meeting day
    person(vault, "Cy", log=[f"{d(-5)} #thanks for the intro"])  # before the meeting: does not count
    person(vault, "Di")
    interview(vault, "Ana", -1, "", NOTES)
    interview(vault, "Ben", -1, "", NOTES)
    interview(vault, "Cy", -1, "", NOTES)
    interview(vault, "Di", -1, f"thank_you_sent: {d(-1)}\n", NOTES)
    assert due(vault, "thank-you") == [("thank-you", "Ana", T), ("thank-you", "Cy", T)]


def test_thank_you_hours_count_from_the_interview_time(vault):
    vault.config("[rules]\nthank_you_hours = 12\n")
    person(vault, "Ana")
    person(vault, "Ben")
    interview(vault, "Ana", -2, 'time: "16:30"\n', NOTES)
    interview(vault, "Ben", -2, "", NOTES)
    assert due(vault, "thank-you") == [("thank-you", "Ben", D(-2)), ("thank-you", "Ana", D(-1))]


# ---- referrals ----------------------------------------------------------------

def test_reach_referral_uses_the_name_without_link_syntax(vault):
    person(vault, "Ana")
    interview(vault, "Ana", -7, "referrals:\n  - '[[Omar Ali|Omar]]'\n  - Hiroshi Tanaka\n", NOTES)
    assert due(vault, "reach-referral") == [("reach-referral", "Hiroshi Tanaka", T), ("reach-referral", "Omar Ali", T)]


def test_a_referral_reached_through_a_daily_note_is_done(vault):
    person(vault, "Ana")
    person(vault, "Chloé Martin", "aliases: [Chloé]\n")
    person(vault, "Ben")
    interview(vault, "Ana", -10, "referrals: ['[[Chloé]]', '[[Ben]]']\n", NOTES)
    vault.write(f"Daily/{d(-2)}.md", "- wrote to [[Chloé]] #outreach\n")
    assert due(vault, "reach-referral") == [("reach-referral", "Ben", D(-3))]


def test_reach_referral_once_per_person_the_earliest(vault):
    for name in ("Ana", "Ben", "Omar"):
        person(vault, name)
    interview(vault, "Ana", -10, "referrals: ['[[Omar]]']\n", NOTES)
    interview(vault, "Ben", -4, "referrals: ['[[Omar]]']\n", NOTES)
    assert due(vault, "reach-referral") == [("reach-referral", "Omar", D(-3))]


def test_close_loop_with_a_referrer_linked_through_an_alias(vault):
    person(vault, "Ana Díaz", "aliases: [Ana]\n", [f"{d(-30)} #reply happy to introduce you"])
    person(vault, "Ben", "referred_by: '[[ana]]'\n")
    interview(vault, "Ben", -5, "", NOTES)
    assert due(vault, "close-loop") == [("close-loop", "Ana Díaz", D(-2))]


def test_close_loop_is_done_by_a_touch_or_a_meeting_on_or_after_the_meeting(vault):
    person(vault, "Ana", log=[f"{d(-5)} told her about Ben #update"])  # on the meeting day
    person(vault, "Ben", "referred_by: Ana\n")
    person(vault, "Cy")
    person(vault, "Dee", "referred_by: Cy\n")
    interview(vault, "Ben", -5, "", NOTES)
    interview(vault, "Dee", -8, "", NOTES)
    interview(vault, "Cy", -1, "", NOTES)  # meeting Cy after meeting Dee closes the loop
    assert due(vault, "close-loop") == []


def test_close_loop_for_referrals_given_in_an_interview(vault):
    person(vault, "Ana", log=[f"{d(-40)} #reply"])
    person(vault, "Ben")
    interview(vault, "Ana", -30, "referrals: ['[[Ben]]']\n", NOTES)
    interview(vault, "Ben", -3, "", NOTES)
    assert due(vault, "close-loop") == [("close-loop", "Ana", T)]


# ---- nudge, gone quiet, check-in ------------------------------------------------

def test_nudge_after_one_unanswered_outreach(vault):
    person(vault, "Ana", log=[f"{d(-7)} #outreach asked for 20 minutes"])
    assert due(vault, "nudge") == [("nudge", "Ana", T)]


def test_two_unanswered_outreaches_is_gone_quiet_not_a_nudge(vault):
    person(vault, "Ana", log=[f"{d(-20)} #outreach", f"{d(-10)} #outreach"])
    result = plan(load_vault(vault.root), T)
    assert [g.name for g in result.gone_quiet] == ["Ana"]
    assert [a for a in result.actions if a.contact == "Ana"] == []


def test_a_reply_after_two_outreaches_resets_the_count(vault):
    person(vault, "Ana", log=[f"{d(-30)} #outreach", f"{d(-20)} #outreach", f"{d(-15)} #reply sorry, busy",
                              f"{d(-8)} #outreach"])
    result = plan(load_vault(vault.root), T)
    assert result.gone_quiet == ()
    assert [(a.kind, a.due) for a in result.actions if a.contact == "Ana"] == [("nudge", D(-1))]


def test_an_interview_answers_an_outreach(vault):
    person(vault, "Ana", log=[f"{d(-10)} #outreach"])
    interview(vault, "Ana", 5, "status: confirmed\n", QUESTIONS)
    assert due(vault, "nudge") == []


def test_check_in_after_the_default_cadence(vault):
    person(vault, "Ana", log=[f"{d(-60)} #reply"])
    person(vault, "Ben", log=[f"{d(-60)} #outreach"])  # only outreach: a nudge, never a check-in
    assert due(vault, "check-in") == [("check-in", "Ana", T)]


def test_stay_in_touch_of_six_weeks(vault):
    person(vault, "Ana", "stay_in_touch: 6w\n", [f"{d(-42)} #checkin"])
    assert due(vault, "check-in") == [("check-in", "Ana", T)]


def test_a_meeting_counts_as_a_touch_for_check_in(vault):
    person(vault, "Ana", log=[f"{d(-90)} #reply"])
    interview(vault, "Ana", -30, f"thank_you_sent: {d(-30)}\n", NOTES)
    assert due(vault, "check-in") == [("check-in", "Ana", D(30))]


def test_no_check_in_while_something_else_is_open(vault):
    person(vault, "Ana", log=[f"{d(-90)} #reply"])
    interview(vault, "Ana", -2, "", NOTES)  # owes a thank-you
    kinds = [k for k, who, _ in due(vault) if who == "Ana"]
    assert kinds == ["thank-you"]


# ---- landing, fields, pipeline --------------------------------------------------

def test_announce_landing_to_everyone_met(vault):
    vault.config(f'[landed]\ndate = {d(-3)}\ncompany = "Northwind"\nrole = "UX Researcher"\n')
    person(vault, "Ana")
    person(vault, "Ben", log=[f"{d(-1)} #update told him the news"])
    person(vault, "Cy", log=[f"{d(-10)} #reply"])  # never met
    interview(vault, "Ana", -40, "thank_you_sent: true\n", NOTES)
    interview(vault, "Ben", -40, "thank_you_sent: true\n", NOTES)
    result = plan(load_vault(vault.root), T)
    (action,) = [a for a in result.actions if a.kind == "announce-landing"]
    assert (action.contact, action.due) == ("Ana", D(4))
    assert action.reason.endswith("tell them you landed: UX Researcher at Northwind.")


def test_no_landing_no_announcement(vault):
    person(vault, "Ana")
    interview(vault, "Ana", -40, "thank_you_sent: true\n", NOTES)
    assert due(vault, "announce-landing") == []


def test_broaden_a_field_with_too_few_done_interviews(vault):
    for name, field in [("Ana", "UX research"), ("Ben", "UX research"), ("Cy", "ux Research"), ("Di", "Data")]:
        person(vault, name, f"field: {field}\nstatus: active\n")
    for name in ("Ana", "Ben", "Cy"):
        interview(vault, name, -30, "thank_you_sent: true\n", NOTES)
    result = plan(load_vault(vault.root), T)
    assert [(a.kind, a.field, a.due) for a in result.actions if a.kind == "broaden-field"] == [
        ("broaden-field", "Data", T)]
    assert [(f.name, len(f.done), f.enough) for f in result.fields] == [("Data", 0, False), ("UX research", 3, True)]


def test_grow_the_pipeline_below_five_leads(vault):
    for name in ("A", "B", "C", "D"):
        person(vault, name)
    person(vault, "Touched", log=[f"{d(-1)} #outreach"])
    assert due(vault, "grow-pipeline") == [("grow-pipeline", None, T)]
    person(vault, "E")
    assert due(vault, "grow-pipeline") == []


# ---- status, snooze, groups, order ------------------------------------------------

@pytest.mark.parametrize("status", ["paused", "do-not-contact", "archived"])
def test_nothing_for_inactive_contacts(vault, status):
    person(vault, "Ana", f"status: {status}\n", [f"{d(-30)} #outreach"])
    interview(vault, "Ana", 1, "status: scheduled\n")
    interview(vault, "Ana", -1, "")
    assert [a for a in due(vault) if a[1] == "Ana"] == []


def test_a_snoozed_contact_comes_back_on_the_day_the_snooze_ends(vault):
    person(vault, "Ana", f"snooze_until: {d(3)}\n", [f"{d(-30)} #outreach"])
    assert due(vault, "nudge") == [("nudge", "Ana", D(3))]
    assert due(vault, "nudge", today=D(3)) == [("nudge", "Ana", D(3))]
    result = plan(load_vault(vault.root), D(3))
    assert result.groups()["today"][0].kind == "nudge"
    assert due(vault, "nudge", today=D(4)) == [("nudge", "Ana", D(3))]


def test_groups_at_their_edges():
    assert group_of(D(-1), T, 14) == "overdue"
    assert group_of(T, T, 14) == "today"
    assert group_of(D(1), T, 14) == "upcoming"
    assert group_of(D(14), T, 14) == "upcoming"
    assert group_of(D(15), T, 14) == "later"


def test_ordered_by_due_then_person_then_kind(vault):
    person(vault, "Ben")
    person(vault, "ana")
    interview(vault, "Ben", -1, "")
    interview(vault, "ana", -1, "")
    result = plan(load_vault(vault.root), T)
    people = [(a.due, a.contact, a.kind) for a in result.actions if a.contact]
    assert people == [(D(-1), "ana", "record-notes"), (D(-1), "Ben", "record-notes"),
                      (T, "ana", "thank-you"), (T, "Ben", "thank-you")]
    assert [a.kind for a in result.actions if a.contact is None] == ["grow-pipeline"]


def test_every_action_has_a_reason_naming_the_person(sample_copy):
    result = plan(load_vault(sample_copy), dt.date(2026, 11, 20))
    for action in result.actions:
        about = action.facts.opening.company if hasattr(action.facts, "opening") else "contacts"  # an application
        named = action.contact or action.field or about  # a field reads lower-case mid-sentence: "in data science"
        assert action.reason.endswith(".") and named.casefold() in action.reason.casefold()


# ---- every [rules] setting moves what it should ----------------------------------

@pytest.mark.parametrize("setting, value, build, expected", [
    ("prepare_days_before", 5, lambda v: (person(v, "Ana"), interview(v, "Ana", 5, "status: confirmed\n")),
     [("prepare", "Ana", T)]),
    ("confirm_days_before", 3, lambda v: (person(v, "Ana"), interview(v, "Ana", 3, "status: scheduled\n", QUESTIONS)),
     [("confirm", "Ana", T)]),
    ("thank_you_hours", 72, lambda v: (person(v, "Ana"), interview(v, "Ana", -3, "", NOTES)),
     [("thank-you", "Ana", T)]),
    ("referral_days", 2, lambda v: (person(v, "Ana"), interview(v, "Ana", -2, "referrals: [Zoe]\nthank_you_sent: true\n",
                                                                 NOTES)),
     [("reach-referral", "Zoe", T)]),
    ("close_loop_days", 10, lambda v: (person(v, "Ana", log=[f"{d(-30)} #reply"]), person(v, "Ben", "referred_by: Ana\n"),
                                       interview(v, "Ben", -10, "thank_you_sent: true\n", NOTES)),
     [("close-loop", "Ana", T)]),
    ("nudge_days", 3, lambda v: person(v, "Ana", log=[f"{d(-3)} #outreach"]), [("nudge", "Ana", T)]),
    ("max_unanswered", 3, lambda v: person(v, "Ana", log=[f"{d(-20)} #outreach", f"{d(-7)} #outreach"]),
     [("nudge", "Ana", T)]),
    ("stay_in_touch", "10d", lambda v: person(v, "Ana", log=[f"{d(-10)} #reply"]), [("check-in", "Ana", T)]),
    ("announce_days", 1, lambda v: (v.config(f"[landed]\ndate = {d(-1)}\n[rules]\nannounce_days = 1\n"), person(v, "Ana"),
                                    interview(v, "Ana", -30, "thank_you_sent: true\n", NOTES)),
     [("announce-landing", "Ana", T)]),
])
def test_each_rules_setting_is_honoured(vault, setting, value, build, expected):
    vault.config(f"[rules]\n{setting} = {value!r}\n".replace("'", '"'))
    build(vault)
    kinds = {k for k, _, _ in expected}
    assert [a for a in due(vault) if a[0] in kinds] == expected


def test_min_settings_and_horizon(vault):
    vault.config("[rules]\nmin_interviews_per_field = 1\nmin_open_leads = 1\nhorizon_days = 3\n")
    person(vault, "Ana", "field: Policy\n")
    person(vault, "Ben", "field: Policy\n", [f"{d(-50)} #reply"])
    interview(vault, "Ben", -50, "thank_you_sent: true\n", NOTES)
    result = plan(load_vault(vault.root), T)
    assert [a.kind for a in result.actions if a.kind in ("broaden-field", "grow-pipeline")] == []
    (check_in,) = [a for a in result.actions if a.kind == "check-in"]
    assert check_in.due == D(10) and result.groups()["later"] == [check_in]  # past a 3-day horizon
