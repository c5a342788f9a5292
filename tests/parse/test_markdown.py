"""The body: sections at any level, list items, tasks, links and tags outside code."""
from vaultkit.index.markdown import parse_body

BODY = """# Ana

Intro with [[Ben Okafor|Ben]] and a #tag.

## Questions
- [ ]

### questions for later
<!-- nothing yet -->

## LOG
- 2026-11-02 #outreach asked [[Contacts/Chloé Martin#Log|Chloé]]
  - nested note
- [x] 2026-11-03 done task

```
- [[In Code]] #notatag
```

Inline `[[Code Span]]` and `#nope` and [[Real.md]] and ![[photo.png]].

Setext heading
--------------
text
"""


def test_sections_at_any_level_and_their_content():
    body = parse_body(BODY, first_line=5)
    titles = [(s.title, s.level, s.line) for s in body.sections]
    assert titles == [("Ana", 1, 5), ("Questions", 2, 9), ("questions for later", 3, 12),
                      ("LOG", 2, 15), ("Setext heading", 2, 26)]
    assert body.section("questions").has_content is False  # a blank task and a comment are not content
    assert body.section("log").has_content is True
    assert body.section("Log").end_line == 25
    assert body.section("Setext heading").text == "text"


def test_items_in_a_section_with_depth_and_tasks():
    body = parse_body(BODY, first_line=1)
    items = body.items_in(body.section("Log"))
    assert [(i.line, i.depth, i.task, i.text) for i in items] == [
        (12, 0, None, "2026-11-02 #outreach asked [[Contacts/Chloé Martin#Log|Chloé]]"),
        (13, 1, None, "nested note"),
        (14, 0, "x", "2026-11-03 done task"),
    ]
    assert items[0].tags == ("outreach",)
    assert [l.target for l in items[0].links] == ["Contacts/Chloé Martin"]


def test_links_and_tags_skip_code():
    body = parse_body(BODY, first_line=1)
    assert [l.target for l in body.links] == ["Ben Okafor", "Contacts/Chloé Martin", "Real", "photo.png"]
    assert body.tags == ("tag", "outreach")


def test_link_lines_count_from_the_first_line():
    body = parse_body("para one\nwith [[A]]\n\n- item [[B]]\n", first_line=10)
    assert [(l.target, l.line) for l in body.links] == [("A", 11), ("B", 13)]


def test_table_links_with_escaped_pipes():
    body = parse_body("| who |\n|---|\n| [[Ana Díaz\\|Ana]] |\n")
    assert [l.target for l in body.links] == ["Ana Díaz"]


def test_tags_need_a_letter_and_a_space_before():
    body = parse_body("#123 and x#no and (#yes) #nested/tag #ünïcode\n")
    assert body.tags == ("yes", "nested/tag", "ünïcode")
