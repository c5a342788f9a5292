"""The vault model: types, contacts, interviews, touches, links and problems."""
import datetime as dt
import unicodedata

from vaultkit import load_vault
from vaultkit.dates import Cadence

D = dt.date


def problems(vault_model):
    return [str(p) for p in vault_model.problems]


# ---- what a note is ---------------------------------------------------------

def test_type_key_beats_tag_beats_folder(vault):
    vault.write("Contacts/Typed.md", "---\ntype: interview\ncontact: Ana\ndate: 2026-11-02\n---\n")
    vault.write("Contacts/Tagged.md", "---\ntags: [interview]\ncontact: Ana\ndate: 2026-11-02\n---\n")
    vault.write("Contacts/Reading.md", "---\ntype: reading\n---\n")
    vault.write("Contacts/Ana.md", "plain note in the contacts folder\n")
    vault.write("Elsewhere/Nadia.md", "# Nadia\n\n#contact\n")
    vault.write("Elsewhere/Nested.md", "---\ntags: contact/alumni\n---\n")
    vault.write("Interviews/sub/Deep.md", "---\ncontact: Ana\ndate: 2026-11-03\n---\n")
    model = load_vault(vault.root)
    assert sorted(model.contacts) == ["Contacts/Ana.md", "Elsewhere/Nadia.md", "Elsewhere/Nested.md"]
    assert [i.path for i in model.interviews] == ["Contacts/Tagged.md", "Contacts/Typed.md", "Interviews/sub/Deep.md"]


def test_an_inline_tag_in_a_daily_note_does_not_make_it_an_interview(vault):
    vault.contact("Ana", "name: Ana\n")
    vault.write("Daily/2026-11-02.md", "- #interview prep with [[Ana]]\n")
    model = load_vault(vault.root)
    assert model.interviews == () and [t.source for t in model.touches] == ["Daily/2026-11-02.md"]


# ---- contacts ---------------------------------------------------------------

def test_contact_fields_as_people_write_them(messy_vault):
    model = load_vault(messy_vault.root)
    ana = model.contacts["Contacts/Ana Díaz.md"]
    assert ana.name == "Ana Díaz" and ana.aliases == ("Ana",) and ana.field == "UX research"
    assert [r.path for r in ana.referred_by] == ["Contacts/Priya Natarajan.md"]
    priya = model.contacts["Contacts/Priya Natarajan.md"]
    assert priya.name == "Priya Natarajan" and priya.aliases == ("Priya",)
    assert priya.stay_in_touch == Cadence(6, "w")
    assert [(r.written, r.path) for r in priya.referred_by] == [("[[Ana Díaz]]", "Contacts/Ana Díaz.md")]


def test_status_and_cadence_problems(vault):
    vault.contact("A", "status: Do Not Contact\n")
    vault.contact("B", "status: on hold\nstay_in_touch: often\nsnooze_until: next week\n")
    model = load_vault(vault.root)
    assert model.contacts["Contacts/A.md"].status == "do-not-contact"
    b = model.contacts["Contacts/B.md"]
    assert b.status == "active" and b.stay_in_touch is None and b.snooze_until is None  # SPEC: a vault's own word
    assert problems(model) == [
        "Contacts/B.md:2: warning: 1 contact has a status vaultkit does not know: 'on hold' (1); it counts as "
        'active. Say what each word means in vaultkit.toml, e.g. [statuses] active = ["on hold"], paused = [...], '
        "or run vaultkit init --detect",
        "Contacts/B.md:3: warning: stay_in_touch 'often' is not a cadence like 30d, 6w, 3m or a number of days; "
        "using the default",
        "Contacts/B.md:4: error: snooze_until: 'next week' is not a date like 2026-11-12; the snooze is ignored",
    ]


def test_two_contacts_with_one_name(vault):
    vault.contact("Ana", "name: Ana Díaz\n")
    vault.contact("Ana 2", "\nname: ana díaz\n")
    assert problems(load_vault(vault.root)) == [
        "Contacts/Ana.md:2: warning: another contact, Contacts/Ana 2.md, is also named 'Ana Díaz'; "
        "links by that name are ambiguous"
    ]


# ---- interviews -------------------------------------------------------------

def test_interview_values_yaml_mangles_are_recovered(messy_vault):
    model = load_vault(messy_vault.root)
    (interview,) = model.interviews
    assert interview.contact.path == "Contacts/Ana Díaz.md"
    assert interview.date == D(2026, 11, 12) and interview.time == dt.time(10, 0)
    assert [(r.name, r.path) for r in interview.referrals] == [("Omar Ali", None), ("Hiroshi Tanaka", None)]
    assert interview.field == "UX research"  # from the contact
    assert interview.has_takeaways and interview.takeaways == ("a point",)
    assert interview.status_on(D(2026, 11, 13)) == "done" and interview.status_on(D(2026, 11, 12)) == "scheduled"


def test_missing_and_bad_interview_values(vault):
    vault.contact("Ana", "")
    vault.interview("no contact", "date: 2026-11-02\n")
    vault.interview("no date", "\ncontact: '[[Ana]]'\n")
    vault.interview("bad date", "contact: Ana\ndate: 2026-13-45\n")
    vault.interview("odd values", "contact: Ana\ndate: 2026-11-02\ntime: teatime\nduration: long\n"
                    "status: postponed\nthank_you_sent: soon\nmay_use_name: perhaps\n")
    vault.interview("unknown", "contact: '[[Zed]]'\ndate: 2026-11-02\n")
    model = load_vault(vault.root)
    assert problems(model) == [
        "Interviews/bad date.md:3: error: date: '2026-13-45' is not a date like 2026-11-12; interview skipped",
        "Interviews/no contact.md:1: error: interview has no contact; add who you met, e.g. contact: \"[[Ana Díaz]]\"",
        "Interviews/no date.md:1: error: interview has no date; add one like date: 2026-11-12",
        "Interviews/odd values.md:4: warning: time: 'teatime' is not a time like 14:30",
        "Interviews/odd values.md:5: warning: duration: 'long' is not a number of minutes; using 30",
        "Interviews/odd values.md:6: error: unknown status 'postponed'; use one of requested, scheduled, confirmed, "
        "done, cancelled, no-show (read from its date until fixed)",
        "Interviews/odd values.md:7: error: thank_you_sent: 'soon' is not a date like 2026-11-12; "
        "write the date you sent it, or true",
        "Interviews/odd values.md:8: warning: may_use_name: 'perhaps' is not true or false; using true",
        "Interviews/unknown.md:2: warning: contact '[[Zed]]' matches no contact's file name, name or alias",
    ]
    assert sorted(i.path for i in model.interviews) == ["Interviews/odd values.md", "Interviews/unknown.md"]


def test_an_empty_interview_file_lacks_its_required_keys(vault):
    vault.write("Interviews/empty.md", b"")
    assert problems(load_vault(vault.root)) == [
        "Interviews/empty.md:1: error: interview has no contact; add who you met, e.g. contact: \"[[Ana Díaz]]\"",
        "Interviews/empty.md:1: error: interview has no date; add one like date: 2026-11-12",
    ]


def test_thank_you_sent_may_be_true(vault):
    vault.interview("i", "contact: Ana\ndate: 2026-11-02\nthank_you_sent: yes\n")
    assert load_vault(vault.root).interviews[0].thank_you_sent is True


# ---- touches ----------------------------------------------------------------

def test_log_touches_at_any_heading_level(messy_vault):
    model = load_vault(messy_vault.root)
    touches = [(t.contact, t.date, t.kind, t.source, t.line) for t in model.touches]
    assert touches == [
        ("Contacts/Priya Natarajan.md", D(2026, 10, 1), "checkin", "Contacts/Priya Natarajan.md", 12),
        ("Contacts/Ana Díaz.md", D(2026, 11, 2), "outreach", "Contacts/Ana Díaz.md", 8),
        ("Contacts/Ana Díaz.md", D(2026, 11, 5), "reply", "Contacts/Ana Díaz.md", 9),
        ("Contacts/Priya Natarajan.md", D(2026, 11, 20), "reply", "Daily/2026-11-20.md", 1),
    ]


def test_log_items_without_a_real_date_are_warned_about(vault):
    vault.contact("Ana", "", "## Log\n- 2026-11-02 ok\n- called her last week\n  - a nested remark\n"
                  "- 2026-02-30 no such day\n- [ ] 2026-12-01 a plan, not a touch\n- **2026-11-03** bold date\n")
    model = load_vault(vault.root)
    assert [(t.date, t.text) for t in model.touches] == [(D(2026, 11, 2), "ok"), (D(2026, 11, 3), "bold date")]
    assert problems(model) == [
        "Contacts/Ana.md:5: warning: Log item does not start with a date like 2026-11-02; not counted as a touch",
        "Contacts/Ana.md:7: warning: Log item starts with '2026-02-30', which is not a real date; not counted",
    ]


def test_custom_log_headings_and_daily_format(vault):
    vault.config('log_headings = ["Contact log"]\ndaily_format = "DD.MM.YYYY"\n')
    vault.contact("Ana", "", "## Contact Log\n- [[02.11.2026]] #outreach hi\n## Log\n- 2026-11-09 not a log here\n")
    vault.write("Journal/05.11.2026.md", "- met [[Ana]] #reply\n")
    vault.write("Journal/2026-11-06.md", "- also ISO names: [[Ana]]\n")
    model = load_vault(vault.root)
    assert [(t.date, t.kind) for t in model.touches] == [
        (D(2026, 11, 2), "outreach"), (D(2026, 11, 5), "reply"), (D(2026, 11, 6), None)]


def test_daily_notes_touch_each_contact_once_per_item(vault):
    vault.contact("Ana Díaz", "aliases: [Ana]\n")
    vault.contact("Ben", "")
    vault.write("Daily/2026-11-02.md", "- [[Ana]] and [[Ana Díaz|A]] and [[Ben]] #thank-you\n"
                "- [[Nobody]] is fine\n\n[[Ana]] in a paragraph is no touch\n")
    model = load_vault(vault.root)
    assert [(t.contact, t.kind) for t in model.touches] == [("Contacts/Ana Díaz.md", "thanks"), ("Contacts/Ben.md", "thanks")]
    assert problems(model) == []


# ---- resolution -------------------------------------------------------------

def test_links_resolve_by_path_name_alias_case_and_unicode_form(vault):
    vault.contact("Ana Díaz", "name: Ana D.\naliases: [Ani]\n")
    model = load_vault(vault.root)
    for written in ["Ana Díaz", "ana díaz", "ANA D.", "ani", "Contacts/Ana Díaz", "contacts/ana díaz",
                    unicodedata.normalize("NFD", "Ana Díaz"), "Ana  Díaz"]:
        assert model.resolve(written) == ("Contacts/Ana Díaz.md",), written
    assert model.resolve("Nobody") == ()


def test_file_name_beats_another_contacts_alias(vault):
    vault.contact("Ana", "")
    vault.contact("Ana Díaz", "aliases: [Ana]\n")
    assert load_vault(vault.root).resolve("Ana") == ("Contacts/Ana.md",)


def test_ambiguous_names_warn_with_the_line(vault):
    vault.contact("Ana", "", folder="Contacts/Work")
    vault.contact("Ana", "", folder="Contacts/Friends")
    vault.contact("Ben", "referred_by: '[[Ana]]'\n")
    vault.write("Daily/2026-11-02.md", "text\n- lunch with [[Ana]]\n")
    model = load_vault(vault.root)
    assert problems(model) == [
        "Contacts/Ben.md:2: warning: referred_by '[[Ana]]' could be any of Contacts/Friends/Ana.md, "
        "Contacts/Work/Ana.md; link one by its path, e.g. [[Contacts/Friends/Ana]]",
        "Contacts/Work/Ana.md:1: warning: another contact, Contacts/Friends/Ana.md, is also named 'Ana'; "
        "links by that name are ambiguous",
        "Daily/2026-11-02.md:2: warning: link '[[Ana]]' could be any of Contacts/Friends/Ana.md, "
        "Contacts/Work/Ana.md; link one by its path, e.g. [[Contacts/Friends/Ana]]",
    ]
    assert model.resolve("Work/Ana") == ("Contacts/Work/Ana.md",)


# ---- problems ---------------------------------------------------------------

def test_only_unreadable_notes_are_problems_outside_vaultkits_notes(messy_vault):
    messy_vault.write("Reading/Binary.md", b"\x00\x01")
    messy_vault.write("Reading/Unclosed.md", "---\ntitle: x\n")
    assert problems(load_vault(messy_vault.root)) == [
        "Contacts/Broken.md:2: error: front-matter is not valid YAML: did not find expected ',' or ']' "
        "(in the [...] list that starts on line 2)",
        "Reading/Binary.md:1: error: binary file (a NUL byte on line 1); not read",
        "Reading/Unclosed.md:1: error: front-matter opened with --- on line 1 is never closed with a --- line",
    ]
