"""Briefs/: one page per upcoming interview, to read the day before."""
import shutil

from click.testing import CliRunner

from vaultkit import load_vault
from vaultkit.cli import cli
from vaultkit.render.briefs import brief_name, brief_names

from ..conftest import SAMPLE

TODAY = "2026-11-20"


def report(root, today=TODAY):
    result = CliRunner().invoke(cli, ["report", "--vault", str(root), "--today", today], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def briefs(root) -> dict[str, str]:
    folder = root / "vaultkit" / "Briefs"
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))} if folder.exists() else {}


def section(page: str, title: str) -> str:
    return page.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def test_sample_brief_matches_the_committed_one(sample_copy):
    shutil.rmtree(sample_copy / "vaultkit" / "Briefs")
    report(sample_copy)
    name = "2026-11-21 Chloé Martin.md"
    assert list(briefs(sample_copy)) == [name, "2026-11-26 Omar Shaikh.md", "2026-12-03 Isabel Cruz.md"]
    assert (sample_copy / "vaultkit" / "Briefs" / name).read_bytes() == (SAMPLE / "vaultkit" / "Briefs" / name).read_bytes()


def test_a_brief_for_each_upcoming_status_and_none_for_the_rest(vault):
    vault.contact("Ana", "company: Acme\n")
    for stem, front in {
        "2026-11-20 requested today": "status: requested\n",
        "2026-11-22 scheduled": "status: scheduled\n",
        "2026-11-23 confirmed": "status: confirmed\n",
        "2026-11-24 no status": "",
        "2026-11-25 done": "status: done\n",
        "2026-11-26 cancelled": "status: cancelled\n",
        "2026-11-27 no-show": "status: no-show\n",
        "2026-11-10 scheduled but past": "status: scheduled\n",
        "2026-11-11 confirmed but past": "status: confirmed\n",
    }.items():
        vault.interview(stem, f'contact: "[[Ana]]"\ndate: {stem[:10]}\n{front}')
    report(vault.root)
    pages = briefs(vault.root)
    assert list(pages) == ["2026-11-20 requested today.md", "2026-11-22 scheduled.md", "2026-11-23 confirmed.md",
                           "2026-11-24 no status.md"]
    assert "status: requested\n" in pages["2026-11-20 requested today.md"]
    assert "status: scheduled\n" in pages["2026-11-24 no status.md"]  # no status and still to come: scheduled
    assert "- [x] Confirmed" in pages["2026-11-23 confirmed.md"]
    assert "- [ ] Confirm the day before (2026-11-21)" in pages["2026-11-22 scheduled.md"]


def test_the_chain_names_everyone_by_their_note(vault):
    vault.contact("Ana Díaz", "aliases: [Ana]\nfield: UX research\n")
    vault.contact("Ben", "name: Ben Okafor\nreferred_by: \"[[Ana]]\"\nfield: UX research\n")
    vault.contact("Chloé Martin", "field: UX research\n")
    vault.interview("2026-11-12 Ben", 'contact: "[[Ben]]"\ndate: 2026-11-12\nstatus: done\n'
                    'referrals:\n  - "[[Chloé Martin|Chloé]]"\n', "## Takeaways\n- Agencies hire juniors.\n")
    vault.interview("2026-11-21 Chloé", 'contact: "[[Chloé Martin]]"\ndate: 2026-11-21\ntime: "10:00"\n')
    report(vault.root)
    page = briefs(vault.root)["2026-11-21 Chloé.md"]
    assert ("You → [[Contacts/Ana Díaz|Ana Díaz]] → [[Contacts/Ben|Ben Okafor]] → [[Contacts/Chloé Martin|Chloé Martin]]"
            in section(page, "How you reached them"))
    assert "Agencies hire juniors." in section(page, "What you have learned in UX research so far")


def test_someone_reached_directly_has_no_chain(vault):
    vault.contact("Isabel Cruz", "met_via: a panel\n")
    vault.interview("2026-12-03 Isabel", 'contact: "[[Isabel Cruz]]"\ndate: 2026-12-03\n')
    report(vault.root)
    reached = section(briefs(vault.root)["2026-12-03 Isabel.md"], "How you reached them")
    assert "Directly: nobody referred you" in reached and "Met via: a panel." in reached and "→" not in reached


def test_who_every_touch_and_only_this_fields_takeaways(vault):
    vault.contact("Omar", "company: Lumen Labs\nrole: APM\nfield: Product\nemail: omar@example.org\n",
                  "## Log\n- 2026-09-24 #outreach Asked about his year.\n- 2026-09-25 #reply Monday works.\n"
                  "- 2026-12-24 #checkin planned, not yet\n")
    vault.contact("Priya", "field: Product\n")
    vault.contact("Dev", "field: Data\n")
    vault.write("Daily/2026-10-01.md", "- Coffee with [[Omar|Omar S.]] #thanks\n")
    vault.interview("2026-10-05 Omar", 'contact: "[[Omar]]"\ndate: 2026-10-05\nstatus: done\n',
                    "## Takeaways\n- Keep a customer doc.\n")
    vault.interview("2026-09-01 Priya", 'contact: "[[Priya]]"\ndate: 2026-09-01\n', "## Takeaways\n- Roadmaps are bets.\n")
    vault.interview("2026-09-02 Dev", 'contact: "[[Dev]]"\ndate: 2026-09-02\n', "## Takeaways\n- SQL first.\n")
    vault.interview("2026-11-26 Omar", 'contact: "[[Omar]]"\ndate: 2026-11-26\nstatus: confirmed\nmode: video\n'
                    'location: https://meet.example.org/omar\n')
    report(vault.root)
    page = briefs(vault.root)["2026-11-26 Omar.md"]
    who = section(page, "Who")
    assert "[[Contacts/Omar|Omar]]: APM at Lumen Labs" in who and "Email: omar@example.org" in who
    assert "- Field: Product" in who
    assert "Video call: https://meet.example.org/omar" in section(page, "When and where")
    touches = section(page, "Every touch so far (4)")
    assert touches.strip().splitlines() == [
        "- 2026-09-24 · outreach from you: Asked about his year. ([[Contacts/Omar|Omar]])",
        "- 2026-09-25 · reply from Omar: Monday works. ([[Contacts/Omar|Omar]])",
        "- 2026-10-01 · thanks from you: Coffee with Omar S. ([[Daily/2026-10-01|2026-10-01]])",
        "- 2026-10-05 · interview, done: [[Interviews/2026-10-05 Omar|2026-10-05 Omar]]",
    ]
    learned = section(page, "What you have learned in product so far")
    assert "Keep a customer doc." in learned and "Roadmaps are bets." in learned and "SQL first" not in learned


def test_questions_are_shown_or_the_prepare_action_is_pointed_to(vault):
    vault.contact("Ana")
    vault.interview("2026-11-21 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-21\n',
                    "## Questions\n- How did you start?\n  - nested detail\n- What would you learn first?\n")
    vault.interview("2026-11-30 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-30\n', "## Questions\n\n## Notes\n")
    assert load_vault(vault.root).interviews[0].questions == ("How did you start?", "What would you learn first?")
    report(vault.root)
    pages = briefs(vault.root)
    assert section(pages["2026-11-21 Ana.md"], "Your questions").strip().splitlines() == [
        "- How did you start?", "- What would you learn first?"]
    empty = section(pages["2026-11-30 Ana.md"], "Your questions")
    assert "None yet" in empty and "`prepare` action in [[vaultkit/Follow-ups|Follow-ups]]" in empty
    assert "due 2026-11-28" in empty


def test_the_day_of_checklist(vault):
    vault.contact("Ana")
    vault.interview("2026-11-21 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-21\ntime: "10:00"\nduration: 20\n'
                    "mode: in-person\n")
    report(vault.root)
    day = section(briefs(vault.root)["2026-11-21 Ana.md"], "On the day")
    for line in ("- [ ] Confirm the day before (2026-11-20)", "- [ ] Arrive ten minutes early, by 09:50",
                 "- [ ] Bring your résumé and a notebook",
                 "- [ ] Ask for two or three names of others to talk to, and whether you may say they sent you",
                 "- [ ] Keep to the 20 minutes you asked for"):
        assert line in day


def test_user_text_is_escaped(vault):
    vault.contact("Ana", 'company: "<b>Acme</b> *Inc*"\nfield: "UX_research #1"\n',
                  "## Log\n- 2026-11-01 #outreach sent `code` and [link](x) | pipe\n")
    vault.interview("2026-11-21 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-21\nlocation: "<script>x</script>"\n',
                    "## Questions\n- Is *this* [[linked]] or <i>html</i>?\n")
    report(vault.root)
    page = briefs(vault.root)["2026-11-21 Ana.md"]
    assert "\\<b\\>Acme\\</b\\> \\*Inc\\*" in page
    assert "\\<script\\>x\\</script\\>" in page
    assert "- Is \\*this\\* \\[\\[linked\\]\\] or \\<i\\>html\\</i\\>?" in page
    assert "## What you have learned in UX\\_research \\#1 so far" in page
    assert "sent \\`code\\` and \\[link\\](x) \\| pipe" in page
    assert "<b>" not in page and "<script>" not in page


def test_a_contact_linked_by_folder_or_alias_is_named_by_the_note(vault):
    vault.contact("Ana Díaz", "aliases: [Ana]\n")
    vault.interview("2026-11-21 by folder", 'contact: "[[Contacts/Ana Díaz]]"\ndate: 2026-11-21\n')
    vault.interview("2026-11-22 by alias", 'contact: "[[Ana]]"\ndate: 2026-11-22\n')
    report(vault.root)
    for page in briefs(vault.root).values():
        assert "# Ana Díaz, " in page and 'contact: "[[Contacts/Ana Díaz|Ana Díaz]]"' in page


def test_someone_with_no_note_still_gets_a_brief(vault):
    vault.interview("2026-11-21 Lena", 'contact: "[[Lena Fischer]]"\ndate: 2026-11-21\n')
    report(vault.root)
    page = briefs(vault.root)["2026-11-21 Lena.md"]
    assert "# Lena Fischer, 21 November 2026" in page and "[[Contacts/Lena Fischer|Lena Fischer]]" in page
    assert "no contact note yet" in page


def test_brief_names_are_unique_stable_and_where_the_brief_is(vault):
    vault.contact("Ana")
    vault.interview("2026-11-21 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-21\n')
    vault.interview("a/2026-11-21 Ana", 'contact: "[[Ana]]"\ndate: 2026-11-10\n')  # same file name, past
    vault.interview("b/2026-11-21 ana", 'contact: "[[Ana]]"\ndate: 2026-11-22\n')
    model = load_vault(vault.root)
    assert brief_names(model) == {
        "Interviews/2026-11-21 Ana.md": "Briefs/2026-11-21 Ana.md",
        "Interviews/a/2026-11-21 Ana.md": "Briefs/2026-11-21 Ana (2).md",
        "Interviews/b/2026-11-21 ana.md": "Briefs/2026-11-21 ana (3).md",
    }
    report(vault.root)
    assert sorted(briefs(vault.root)) == ["2026-11-21 Ana.md", "2026-11-21 ana (3).md"]
    assert (vault.root / "vaultkit" / brief_name(model, "Interviews/b/2026-11-21 ana.md")).is_file()


def test_briefs_are_the_same_bytes_every_time(sample_copy):
    before = briefs(sample_copy)
    result = report(sample_copy)
    assert "Briefs" not in result.stdout and briefs(sample_copy) == before


def test_the_templates_starting_points_in_a_comment_are_not_your_questions(vault):
    """`new interview` leaves starter questions in an HTML comment; the brief must not show them as yours."""
    run = CliRunner().invoke(cli, ["new", "interview", "Ana Díaz", "--date", "2026-11-21", "--create-contact",
                                   "--vault", str(vault.root)], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    note = next((vault.root / "Interviews").glob("*.md"))
    note.write_text(note.read_text(encoding="utf-8").replace("status: done", "status: scheduled"), encoding="utf-8")
    report(vault.root)
    asked = section(briefs(vault.root)["2026-11-21 Ana Díaz.md"], "Your questions")
    assert "None yet" in asked and "<!--" not in asked and "Starting points" not in asked
    text = note.read_text(encoding="utf-8").replace("## Questions\n", "## Questions\nWhat surprised you most?\n\n")
    note.write_text(text, encoding="utf-8")
    report(vault.root)
    asked = section(briefs(vault.root)["2026-11-21 Ana Díaz.md"], "Your questions")
    assert asked.strip().splitlines() == ["- What surprised you most?"]
