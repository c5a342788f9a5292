"""A vault kept before vaultkit: the mapping, interaction notes, `init --detect`, and the hint (issue 17)."""
import json

from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.config import tomllib  # tomli on Python 3.10

from ..support.adopted_vaults import LOGS, PEOPLE, notion_like_vault, snapshot, tagged_vault

TODAY = "2026-12-03"
MAPPING = f"""[me]
name = "Sam"
[types]
contact = {{ tags = ["person"], folders = ["{PEOPLE}"] }}
interaction = {{ folders = ["{LOGS}"] }}
[keys]
date = ["Comm_DateTime"]
[touch_kinds]
outreach = ["Sent"]
reply = ["Received"]
"""


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def notes_of(root):
    return {rel: data for rel, data in snapshot(root).items() if rel.endswith(".md")}


def by_contact(report: dict) -> dict[str, set[str]]:
    kinds: dict[str, set[str]] = {}
    for action in report["actions"]:
        kinds.setdefault(action["contact"], set()).add(action["kind"])
    return kinds


def test_a_kept_vault_without_a_mapping_says_how_to_map_it(tmp_path):
    root = notion_like_vault(tmp_path / "v")
    checked = run("check", "--vault", str(root))
    assert "Checked 18 notes (0 contacts, 0 interviews)" in checked.stderr
    assert "Hint: no contact among 18 notes" in checked.stderr and "vaultkit init --detect" in checked.stderr
    reported = run("report", "--vault", str(root), "--today", TODAY)
    assert "vaultkit init --detect" in reported.stderr
    assert run("report", "--vault", str(root), "--today", TODAY, "-q").output == ""


def test_a_small_empty_vault_gets_no_hint(vault):
    vault.write("Ideas.md", "# Ideas\n")
    assert "Hint" not in run("check", "--vault", str(vault.root)).stderr


def test_detect_maps_the_vault_so_report_finds_every_person_and_touch(tmp_path):
    root = notion_like_vault(tmp_path / "v")
    before = notes_of(root)
    result = run("init", str(root), "--detect")
    assert result.exit_code == 0, result.output
    assert "Contacts: 4 notes, by tag #person, folder 30 Records/20 People/" in result.output
    assert "Conversations (interaction notes): 6 notes" in result.output
    assert f"  e.g. {PEOPLE}/Sample Person 1.md" in result.output
    assert "2 templates left out" in result.output
    config = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert config["types"]["contact"] == {"tags": ["person"], "folders": [PEOPLE]}
    assert config["keys"] == {"date": ["Comm_DateTime"]}
    assert config["touch_kinds"] == {"outreach": ["Sent"], "reply": ["Received"]}
    assert notes_of(root) == before  # not a byte of a note changed
    vault = load_vault(root)
    assert sorted(c.name for c in vault.contacts.values()) == [f"Sample Person {i}" for i in (1, 2, 3, 4)]
    touches = [(vault.contacts[t.contact].name, t.date.isoformat(), t.kind) for t in vault.touches]
    assert touches == [
        ("Sample Person 1", "2026-09-01", "outreach"), ("Sample Person 1", "2026-09-03", "reply"),
        ("Sample Person 3", "2026-10-01", "outreach"), ("Sample Person 3", "2026-10-12", "outreach"),
        ("Sample Person 2", "2026-10-20", "outreach"), ("Sample Person 4", "2026-11-15", "reply"),
    ]


def test_the_mapped_touches_give_check_ins_nudges_and_gone_quiet(tmp_path):
    root = notion_like_vault(tmp_path / "v")
    (root / "vaultkit.toml").write_text(MAPPING, encoding="utf-8")
    report = json.loads(run("report", "--vault", str(root), "--today", TODAY, "--format", "json").stdout)
    kinds = by_contact(report)
    assert kinds["Sample Person 1"] == {"check-in"}  # answered on 3 Sep, quiet for 60 days since
    assert kinds["Sample Person 2"] == {"nudge"}  # one message on 20 Oct, no answer
    assert "Sample Person 3" not in kinds and report["gone_quiet"] == ["Sample Person 3"]  # two unanswered
    assert kinds["Sample Person 4"] == {"check-in"}
    page = (root / "vaultkit" / "Follow-ups.md").read_text(encoding="utf-8")
    assert "one short follow-up to your message of Tue 20 Oct" in page
    assert f"from [[{LOGS}/2026-10-20 Email Sent Sample Person 2|" in page  # the conversation that caused it


def test_detect_never_overwrites_unless_forced_and_then_keeps_a_backup(tmp_path):
    root = notion_like_vault(tmp_path / "v")
    (root / "vaultkit.toml").write_text('[me]\nname = "Sam Rivera"\n', encoding="utf-8")
    refused = run("init", str(root), "--detect")
    assert refused.exit_code == 1 and "--force" in refused.output
    assert (root / "vaultkit.toml").read_text(encoding="utf-8") == '[me]\nname = "Sam Rivera"\n'
    dry = run("init", str(root), "--detect", "--dry-run")
    assert dry.exit_code == 0 and "[types]" in dry.stdout and 'name = "Sam Rivera"' in dry.stdout
    assert not (root / "vaultkit.toml.bak").exists()
    forced = run("init", str(root), "--detect", "--force")
    assert forced.exit_code == 0 and "vaultkit.toml.bak" in forced.output
    assert (root / "vaultkit.toml.bak").read_text(encoding="utf-8") == '[me]\nname = "Sam Rivera"\n'
    written = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert written["me"]["name"] == "Sam Rivera" and "contact" in written["types"]  # your name is kept


def test_people_found_by_a_tag_alone(tmp_path):
    root = tagged_vault(tmp_path / "v")
    assert run("init", str(root), "--detect").exit_code == 0
    config = tomllib.loads((root / "vaultkit.toml").read_text(encoding="utf-8"))
    assert config["types"] == {"contact": {"tags": ["network", "people"]}}  # Notes/ is mostly topics
    assert sorted(c.name for c in load_vault(root).contacts.values()) == ["Ada Quinn", "Bo Reyes", "Cy Tan"]


def test_a_property_value_and_the_users_key_names(vault):
    vault.write("vaultkit.toml", '[types]\ncontact = { property = "Category", value = "Person" }\n'
                                 '[keys]\nreferred_by = ["Introduced by"]\n')
    vault.write("People/Ana.md", "---\ncategory: person\n---\n")
    vault.write("People/Ben.md", '---\nCategory: "[[Person]]"\nIntroduced-By: "[[Ana]]"\n---\n')
    vault.write("People/Topic.md", "---\ncategory: topic\n---\n")
    model = load_vault(vault.root)
    assert sorted(c.name for c in model.contacts.values()) == ["Ana", "Ben"]
    assert [r.name for r in model.contacts["People/Ben.md"].referred_by] == ["Ana"]


def test_a_mapping_change_reclassifies_what_the_cache_knows(tmp_path):
    root = notion_like_vault(tmp_path / "v")
    assert "0 contacts" in run("check", "--vault", str(root)).stderr  # the cache now knows every note
    (root / "vaultkit.toml").write_text(MAPPING, encoding="utf-8")
    cached = run("check", "--vault", str(root))
    assert "Checked 18 notes (4 contacts, 0 interviews)" in cached.stderr
    args = ("report", "--vault", str(root), "--today", TODAY, "--format", "json")
    assert run(*args).stdout == run(*args, "--no-cache").stdout


def test_a_bad_mapping_stops_with_its_line(vault):
    vault.write("vaultkit.toml", '[me]\nname = "Sam"\n[types]\nperson = { tags = ["person"] }\n')
    result = run("check", "--vault", str(vault.root))
    assert result.exit_code == 2
    assert "Error: vaultkit.toml:4: types.person: unknown kind 'person'; use one of contact, interview, interaction" \
        in result.output


def test_an_interaction_note_with_no_date_or_nobody_is_a_warning(vault):
    vault.contact("Ana")
    vault.write("Calls/One.md", "---\ntype: interaction\ncontacts: [\"[[Ana]]\"]\n---\n")
    vault.write("Calls/Two.md", "---\ntype: interaction\ndate: 2026-11-02\n---\n")
    vault.write("Calls/Three.md", "---\ntype: interaction\ndate: 2026-11-03T22:30\nwith: \"[[Ana]]\"\n---\n#reply\n")
    model = load_vault(vault.root)
    messages = [(p.path, p.message.split(";")[0]) for p in model.problems]
    assert ("Calls/One.md", "interaction note has no date (a date property, or one named in [keys] date)") in messages
    assert ("Calls/Two.md", 'interaction note links nobody (contacts: ["[[Name]]"], or a key named in '
                            "[keys] contacts)") in messages
    assert [(t.date.isoformat(), t.kind, t.source) for t in model.touches] == [("2026-11-03", "reply", "Calls/Three.md")]


def test_a_bad_date_under_the_users_key_is_named_by_that_key(vault):
    vault.write("vaultkit.toml", '[types]\ninteraction = { folders = ["Calls"] }\n[keys]\ndate = ["Comm_DateTime"]\n')
    vault.contact("Ana")
    vault.write("Calls/One.md", '---\nContacts: ["[[Ana]]"]\nComm_DateTime: 2026-13-40\n---\n')
    problems = [str(p) for p in load_vault(vault.root).problems]
    assert "Calls/One.md:3: warning: comm_datetime '2026-13-40' is not a date like 2026-11-12; not counted" in problems
