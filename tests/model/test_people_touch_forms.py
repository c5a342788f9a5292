"""Each form real vaults write people and touches in, read as vaultkit's own (issue 26)."""
import datetime as dt
import json

from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.config import load_config

D = dt.date


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def problems(model):
    return [str(p) for p in model.problems]


def touches(model):
    return [(t.contact, t.date, t.kind, t.text, t.line) for t in model.touches]


# ---- Log tables, bracketed dates, the last-contact property --------------------------------------

def test_a_contact_log_table_is_one_touch_per_row(vault):
    vault.contact("Ana", "", "# Ana\n\n## Contact Log\n"
                  "| Date | Type (call/email/LinkedIn) | Notes | Next Step |\n"
                  "|------|------|------|------|\n"
                  "| 2026-11-02 | email | asked for 20 minutes | wait |\n"
                  "| 2026-11-05 | Reply | happy to meet | book it |\n"
                  "| [[2026-11-07]] | call | #thanks said thank you [[Ben]] | |\n"
                  "| | | | |\n")
    model = load_vault(vault.root)
    assert touches(model) == [
        ("Contacts/Ana.md", D(2026, 11, 2), None, "email; asked for 20 minutes; wait", 8),
        ("Contacts/Ana.md", D(2026, 11, 5), "reply", "Reply; happy to meet; book it", 9),
        ("Contacts/Ana.md", D(2026, 11, 7), "thanks", "call; #thanks said thank you [[Ben]]", 10),
    ]
    assert problems(model) == []  # the empty row a template leaves is no touch and no problem


def test_a_table_s_date_column_may_be_any_column_and_its_kind_words_are_mapped(vault):
    vault.config('[touch_kinds]\noutreach = ["Sent"]\nreply = ["Received"]\n')
    vault.contact("Ana", "", "## Log\n"
                  "Channel | When | Direction | Date | Notes\n"
                  "--- | --- | --- | --- | ---\n"
                  "email | morning | sent | 2026-11-02 | hi\n"
                  "email | evening | Received | 2026-11-03 | yes\n"
                  "call | - | - | 2026-13-01 | bad day\n"
                  "call | - | - | soon | no date\n")
    model = load_vault(vault.root)
    assert [(t.date, t.kind) for t in model.touches] == [(D(2026, 11, 2), "outreach"), (D(2026, 11, 3), "reply")]
    assert problems(model) == [
        "Contacts/Ana.md:8: warning: Log table row's date '2026-13-01' is not a real date; not counted",
        "Contacts/Ana.md:9: warning: Log table row has no date like 2026-11-02 in its Date column; "
        "not counted as a touch",
    ]


def test_a_table_outside_a_log_heading_is_no_touch(vault):
    vault.contact("Ana", "", "## Jobs\n| Date | Notes |\n|---|---|\n| 2026-11-02 | applied |\n")
    assert load_vault(vault.root).touches == ()


def test_bracketed_dates_and_the_new_default_log_headings(vault):
    vault.contact("Ana", "", "## Interactions\n- [2026-02-19] coffee chat\n- **[2026-02-20]** #reply thanks\n")
    vault.contact("Ben", "", "## Contact Log\n- [2026-03-01]: #outreach hello\n- [2026-02-30] no such day\n")
    model = load_vault(vault.root)
    assert [(t.contact, t.date, t.kind, t.text) for t in model.touches] == [
        ("Contacts/Ana.md", D(2026, 2, 19), None, "coffee chat"),
        ("Contacts/Ana.md", D(2026, 2, 20), "reply", "#reply thanks"),
        ("Contacts/Ben.md", D(2026, 3, 1), "outreach", "#outreach hello"),
    ]
    assert problems(model) == [
        "Contacts/Ben.md:5: warning: Log item starts with '[2026-02-30]', which is not a real date; not counted"]
    assert load_config(vault.root).log_headings == ("Log", "Timeline", "Contact Log", "Interactions")


def test_the_last_contact_property_is_a_plain_touch_unless_the_log_says_as_much(vault):
    vault.contact("Ana", "last_contact: 2026-10-01\n")
    vault.contact("Ben", "Last Contacted: 2026-10-02\n")
    vault.contact("Cy", "last-contacted-at: 2026-10-03T22:15:00\n")
    vault.contact("Di", "last_contact: 2026-11-05\n", "## Log\n- 2026-11-05 #outreach hi\n")  # a mirror
    vault.contact("Ed", "last_contact: 2026-11-01\n", "## Log\n- 2026-11-05 #outreach hi\n")  # behind the Log
    vault.contact("Flo", "last_contact: someday\n")
    model = load_vault(vault.root)
    assert [(t.contact, t.date, t.kind) for t in model.touches] == [
        ("Contacts/Ana.md", D(2026, 10, 1), None), ("Contacts/Ben.md", D(2026, 10, 2), None),
        ("Contacts/Cy.md", D(2026, 10, 3), None),
        ("Contacts/Di.md", D(2026, 11, 5), "outreach"), ("Contacts/Ed.md", D(2026, 11, 5), "outreach"),
    ]
    assert problems(model) == [
        "Contacts/Flo.md:2: warning: last_contact 'someday' is not a date like 2026-11-12; not counted as a touch"]


# ---- Markdown links -------------------------------------------------------------------------------

def test_markdown_links_resolve_like_wikilinks_everywhere_a_person_is_named(vault):
    vault.contact("Jane Doe", "")
    vault.contact("Omar", "referred_by: '[Jane](Contacts/Jane%20Doe.md)'\n")
    vault.interview("2026-11-02 Jane", 'contact: "[J](../Contacts/Jane Doe.md)"\ndate: 2026-11-02\nstatus: done\n'
                    'referrals: ["[Omar](<../Contacts/Omar.md>)", "[Lea](Leads/Lea%20Ray.md)"]\n')
    vault.write("Daily/2026-11-03.md", "- lunch with [Jane](../Contacts/Jane%20Doe) #reply\n"
                "- [site](https://example.org/Contacts/Omar.md) and [mail](mailto:omar@example.org)\n")
    vault.write("Logs/call.md", '---\ntype: interaction\ndate: 2026-11-04\n'
                'with: ["[Omar](../Contacts/Omar.md#Log)"]\n---\n')
    model = load_vault(vault.root)
    assert [r.path for r in model.contacts["Contacts/Omar.md"].referred_by] == ["Contacts/Jane Doe.md"]
    (interview,) = model.interviews
    assert interview.contact.path == "Contacts/Jane Doe.md" and interview.contact.name == "Jane Doe"
    assert [(r.name, r.path) for r in interview.referrals] == [("Omar", "Contacts/Omar.md"), ("Lea", None)]
    assert [(t.contact, t.source) for t in model.touches] == [
        ("Contacts/Jane Doe.md", "Daily/2026-11-03.md"), ("Contacts/Omar.md", "Logs/call.md")]
    assert problems(model) == []


def test_an_unresolved_or_ambiguous_markdown_link_is_the_same_warning_as_a_wikilink(vault):
    vault.contact("Ana", "", folder="Contacts/Work")
    vault.contact("Ana", "", folder="Contacts/Friends")
    vault.contact("Ben", "referred_by: '[Ana](Ana.md)'\n")
    vault.interview("2026-11-02 X", 'contact: "[X](../Contacts/X%20Y.md)"\ndate: 2026-11-02\n')
    vault.interview("2026-11-03 Ana", 'contact: "[Ana](../Old/Work/Ana.md)"\ndate: 2026-11-03\n')
    vault.contact("Jane Doe", "", folder="Contacts/Work")
    vault.interview("2026-11-04 Jane", 'contact: "[Jane](../Old/Jane%20Doe.md)"\ndate: 2026-11-04\n')
    model = load_vault(vault.root)
    assert [p for p in problems(model) if "also named" not in p] == [
        "Contacts/Ben.md:2: warning: referred_by '[Ana](Ana.md)' could be any of Contacts/Friends/Ana.md, "
        "Contacts/Work/Ana.md; link one by its path, e.g. [[Contacts/Friends/Ana]]",
        "Interviews/2026-11-02 X.md:2: warning: contact '[X](../Contacts/X%20Y.md)' matches no contact's file name, "
        "name or alias",
        "Interviews/2026-11-03 Ana.md:2: warning: contact '[Ana](../Old/Work/Ana.md)' could be any of "
        "Contacts/Friends/Ana.md, Contacts/Work/Ana.md; link one by its path, e.g. [[Contacts/Friends/Ana]]",
        "Interviews/2026-11-04 Jane.md:2: warning: contact '[Jane](../Old/Jane%20Doe.md)': the link's folder is "
        "stale (no note is there); matched by name to Contacts/Work/Jane Doe.md; update the link to "
        "(../Contacts/Work/Jane%20Doe.md)",
    ]
    names = [i.contact.name for i in model.interviews]
    assert names == ["X", "Ana", "Jane Doe"]  # no note: named as written, without link syntax


# ---- folder notes, the name and company keys --------------------------------------------------------

def test_folder_notes_are_named_by_their_name_key_or_their_folder(vault):
    vault.write("Contacts/Jane Doe/index.md", "---\nrole: Researcher\n---\n")
    vault.write("Contacts/Kai Berg/Kai Berg.md", "---\nfirm: Hooli\n---\n")
    vault.write("Contacts/person@lena/index.md", "---\nperson: Lena Fischer\nemployer: Umbrella\n---\n")
    vault.write("Contacts/x/index.md", "---\nfull name: Mo Zed\norg: '[[Initech]]'\n---\n")
    vault.write("Contacts/Ann.md", "---\nname: Ann Lee\nperson: Someone Else\ncompany: Acme\norganization: Other\n---\n")
    vault.write("Daily/2026-11-02.md", "- [[Jane Doe]] and [[Lena Fischer]] and [[person@lena]] #reply\n")
    model = load_vault(vault.root)
    assert {c.name: c.company for c in model.contacts.values()} == {
        "Jane Doe": "", "Kai Berg": "Hooli", "Lena Fischer": "Umbrella", "Mo Zed": "Initech", "Ann Lee": "Acme"}
    assert [t.contact for t in model.touches] == ["Contacts/Jane Doe/index.md", "Contacts/person@lena/index.md"]
    assert model.resolve("index") == ()  # every folder note is called index: none is named so
    assert problems(model) == []


# ---- a type-like property -----------------------------------------------------------------------------

def test_categories_people_and_meetings_are_contacts_and_conversations(vault):
    vault.write("People/Jane.md", '---\ncategories:\n  - "[[People]]"\norg: "[[Globex]]"\n---\n')
    vault.write("Meetings/2026-11-02 Jane.md", '---\ncategories: ["[[Meetings]]"]\ndate: 2026-11-02\n'
                'people: ["[[Jane]]"]\ntags: [reply]\n---\n')
    vault.write("Meetings/Team sync.md", '---\ncategories: ["[[Meetings]]"]\ndate: 2026-11-03\npeople: []\n---\n')
    vault.write("Books/Humans.md", '---\ncategories: ["[[Books]]"]\nauthor: "[[People]]"\n---\n')
    model = load_vault(vault.root)
    assert list(model.contacts) == ["People/Jane.md"] and model.contacts["People/Jane.md"].company == "Globex"
    assert [(t.contact, t.date, t.kind) for t in model.touches] == [("People/Jane.md", D(2026, 11, 2), "reply")]
    assert problems(model) == []  # a meeting with nobody in it is not a conversation to warn about


def test_types_may_name_a_property_whose_value_is_a_link_or_a_list(vault):
    vault.config('[types]\ncontact = { property = "category", value = "[[Person]]" }\n'
                 'interaction = { property = "kind", value = "call" }\n')
    vault.write("A.md", '---\ncategory: ["[[Person]]", "[[Friends]]"]\n---\n')
    vault.write("B.md", "---\ncategory: Person\n---\n")
    vault.write("C.md", "---\ncategory: '[[Persons]]'\n---\n")
    vault.write("Calls/1.md", "---\nkind: [[call]]\ndate: 2026-11-02\nwith: '[[A]]'\n---\n")
    model = load_vault(vault.root)
    assert list(model.contacts) == ["A.md", "B.md"]
    assert [(t.contact, t.source) for t in model.touches] == [("A.md", "Calls/1.md")]


# ---- status words, the seeker's own note -------------------------------------------------------------

def test_unknown_statuses_read_as_active_with_one_warning_for_the_vault(vault):
    vault.contact("Ana", "status: contacted\n")
    vault.contact("Ben", "status: Contacted\n")
    vault.contact("Cy", "status: in conversation\n")
    vault.contact("Di", "status: paused\n")
    model = load_vault(vault.root)
    assert {c.name: c.status for c in model.contacts.values()} == {
        "Ana": "active", "Ben": "active", "Cy": "active", "Di": "paused"}
    assert problems(model) == [
        "Contacts/Ana.md:2: warning: 3 contacts have a status vaultkit does not know: 'contacted' (2), "
        "'in conversation' (1); they count as active. Say what each word means in vaultkit.toml, e.g. "
        '[statuses] active = ["contacted", "in conversation"], paused = [...], or run vaultkit init --detect']


def test_a_typo_of_a_status_that_stops_actions_reads_as_paused_with_an_error(vault):
    vault.contact("Ana", "status: do-not-contat\n")
    vault.contact("Ben", "status: Archive\n")
    vault.contact("Cy", "status: actve\n")
    model = load_vault(vault.root)
    assert {c.name: c.status for c in model.contacts.values()} == {"Ana": "paused", "Ben": "paused", "Cy": "active"}
    assert problems(model)[:2] == [
        "Contacts/Ana.md:2: error: unknown status 'do-not-contat'; did you mean do-not-contact? It reads as paused "
        "until it is fixed",
        "Contacts/Ben.md:2: error: unknown status 'Archive'; did you mean archived? It reads as paused until it is "
        "fixed"]
    assert problems(model)[2].startswith("Contacts/Cy.md:2: warning: 1 contact has a status vaultkit does not know")


def test_statuses_map_the_vault_s_words(vault):
    vault.config('[statuses]\nactive = ["contacted", "In Conversation"]\npaused = ["on hold"]\n'
                 'do-not-contact = ["not interested"]\narchived = ["closed"]\n')
    for name, status in [("Ana", "contacted"), ("Ben", "on_hold"), ("Cy", "Not Interested"), ("Di", "closed"),
                         ("Ed", "in-conversation"), ("Flo", "archived")]:
        vault.contact(name, f"status: {status}\n")
    model = load_vault(vault.root)
    assert {c.name: c.status for c in model.contacts.values()} == {
        "Ana": "active", "Ben": "paused", "Cy": "do-not-contact", "Di": "archived", "Ed": "active", "Flo": "archived"}
    assert problems(model) == []


def test_a_statuses_table_with_an_unknown_status_is_a_config_error(vault):
    vault.config('[statuses]\nsleeping = ["later"]\n')
    vault.contact("Ana", "")
    result = CliRunner().invoke(cli, ["check", "--vault", str(vault.root)])
    assert result.exit_code == 2 and "statuses.sleeping" in result.output and "paused" in result.output


def test_the_seeker_s_own_note_is_never_a_contact(vault):
    vault.config('[me]\nname = "Sam Rivera"\n')
    vault.contact("Sam Rivera", "status: weird\n", "## Log\n- 2026-11-02 #outreach myself\n")
    vault.contact("Me", "relationship: Me\nname: Samuel\n")
    vault.contact("Ana", "")
    vault.write("Logs/call.md", "---\ntype: interaction\ndate: 2026-11-04\nwith: ['[[Ana]]', '[[Sam Rivera]]', "
                "'[[Samuel]]', '[Me](../Contacts/Me.md)']\n---\n")
    vault.write("Logs/other.md", "---\ntype: interaction\ndate: 2026-11-05\nwith: ['[[Ana]]', 'sam rivera']\n---\n")
    model = load_vault(vault.root)
    assert list(model.contacts) == ["Contacts/Ana.md"]
    assert [t.contact for t in model.touches] == ["Contacts/Ana.md", "Contacts/Ana.md"]
    assert problems(model) == []
    report = json.loads(run("report", "--vault", str(vault.root), "--today", "2026-12-01", "--format", "json").stdout)
    assert {a["contact"] for a in report["actions"]} <= {"Ana", None}


def test_the_seeker_named_among_the_people_at_a_meeting_is_no_unresolved_link(vault):
    vault.config('[me]\nname = "Sam Rivera"\n')
    vault.contact("Ana", "")
    vault.write("Logs/call.md", "---\ntype: interaction\ndate: 2026-11-04\nwith: ['[[Ana]]', '[[Sam Rivera]]', "
                "'[[Nobody]]']\n---\n")
    assert problems(load_vault(vault.root)) == [
        "Logs/call.md:4: warning: contact '[[Nobody]]' matches no contact's file name, name or alias"]
