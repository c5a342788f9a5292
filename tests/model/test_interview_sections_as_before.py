"""An interview's sections, found in one pass, are the ones Body.section finds name by name,
and its points and next steps are the items Body.items_in gives: random interview bodies with
repeated, differently cased and nested headings, lists and tasks."""
from __future__ import annotations

import random

from vaultkit.index.markdown import parse_body
from vaultkit.index.note import parse_note
from vaultkit.model import interviews
from vaultkit.model.interviews import SECTION_NAMES, read_interview

_HEADINGS = ["Questions", "questions", "QUESTIONS", "Takeaways", "Reflection", "Next steps", "Next-steps",
             "next_steps", "Notes", "Log", "Other"]
_LINES = ["- a point", "  - a nested point", "- [ ] call back", "- [x] sent thanks", "- [>] moved", "1. first",
          "plain words", "", "<!-- a comment -->", "| a | b |", "| - | - |", "| 1 | 2 |"]


def _body_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 7)):
        lines.append(f"{'#' * rng.randint(1, 3)} {rng.choice(_HEADINGS)}")
        lines += [rng.choice(_LINES) for _ in range(rng.randint(0, 5))]
    return "\n".join(lines) + "\n"


def _points_as_before(body, section):
    if section is None or not section.has_content:
        return ()
    items = body.items_in(section)
    if items:
        return tuple(i.text for i in items if i.depth == items[0].depth and i.text)
    text = interviews._COMMENTS.sub("", section.text)
    return tuple(part.strip() for part in text.split("\n\n") if part.strip())


def test_sections_and_items_are_those_found_name_by_name():
    rng = random.Random(28)
    for n in range(1500):
        text = _body_text(rng)
        body = parse_body(text)
        expected = {key: body.section(*names) for key, names in SECTION_NAMES.items()}
        assert interviews._sections(body) == expected, text
        note = parse_note(f"Interviews/{n}.md", (f'---\ncontact: "[[Ana]]"\ndate: 2026-11-12\n---\n{text}').encode())
        interview = read_interview(note, [])
        found = {key: note.body.section(*names) for key, names in SECTION_NAMES.items()}
        for key in ("questions", "takeaways", "reflection"):
            assert getattr(interview, key) == _points_as_before(note.body, found[key]), text
        steps = found["next_steps"]
        expected_steps = () if steps is None else tuple(
            (i.text, i.task not in (None, " ")) for i in note.body.items_in(steps) if i.task)
        assert interview.next_steps == expected_steps, text
    assert interviews._sections(None) == dict.fromkeys(SECTION_NAMES)
