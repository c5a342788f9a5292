"""vaultkit's front-matter reader against python-frontmatter, the library the design card named.

Every note the tests build (tests/support/fixture_notes.py: the sample vault with vaultkit's own outputs,
the fixture vaults, other tests' vaults, and front-matter as people get it wrong) is read by both.
Where Obsidian's rules and python-frontmatter's agree, both must give the same metadata; a note
where they do not must differ for one of the reasons docs/decisions.md gives, checked case by
case, so a new, unexplained difference fails this test.

vaultkit hands the model its keys normalised (`Referred-By` -> `referred_by`) and its values
tidied (`[[Ana]]` unquoted -> "[[Ana]]"), both documented in docs/notes.md, so python-frontmatter's
mapping goes through the same two functions before the comparison; everything else, where the
block is, how its YAML loads, the values and dates YAML gives, is compared as each library has it.
"""
from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import pytest
import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from vaultkit.index.frontmatter import FrontMatter, clean_value, normalise_key, read_front_matter
from vaultkit.index.note import decode

from ..support.fixture_notes import fixture_notes

try:
    import tomllib
except ImportError:  # Python 3.10: vaultkit depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
BOM = b"\xef\xbb\xbf"

BODY = "body stripped"
# Each difference -> the heading of docs/decisions.md that gives the reason for it.
REASONS = {
    "blank line before ---": "Front-matter starts on the first line",
    "BOM": "A byte-order mark is not part of the text",
    "TOML or JSON block": "YAML only: no TOML or JSON blocks",
    "fence other than ---": "Exactly three dashes",
    "error line": "Error lines count in the file",
    "silent on a broken block": "A broken block is reported, not dropped",
    "refused for safety": "Alias bombs and deep nesting are refused before loading",
    "value YAML cannot build": "A value YAML cannot build stays text",
    "YAML 1.1 keys": "Keys are the text you wrote",
    "YAML 1.1 line breaks": "Lines are the lines you see",
    "not UTF-8 text": "Bytes that are not text are named",
    BODY: "Bodies byte for byte",
}
SAFETY = ("alias bomb", "refers to itself", "nested more than", "over the 1,000,000 limit")
BROKEN_BLOCK = ("is never closed", "front-matter is a list", "front-matter is a single value")
SEPARATORS = re.compile("[\x85\u2028\u2029]")
YAML11_KEY = re.compile(r"y|n|yes|no|on|off|true|false|[-+]?[0-9][0-9_.:]*", re.IGNORECASE)  # not text in YAML 1.1


class TomlHandler(BaseHandler):
    """python-frontmatter's TOMLHandler, which needs the `toml` package; the same with tomllib."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)

    def load(self, fm):
        return tomllib.loads(fm)


HANDLERS = [*frontmatter.handlers] + ([] if frontmatter.TOMLHandler else [TomlHandler()])


@dataclass
class Theirs:
    """What python-frontmatter gives: metadata and content, or the exception it raises."""

    metadata: dict | None = None
    content: str | None = None
    error: Exception | None = None
    handler: BaseHandler | None = None
    text: str = ""


@dataclass
class Ours:
    text: str | None
    fm: FrontMatter | None
    decode_problem: str = ""

    def problem(self, *words: str) -> bool:
        messages = [self.decode_problem] + [p.message for p in (self.fm.problems if self.fm else ())]
        return any(w in m for m in messages for w in words)


def read_ours(data: bytes) -> Ours:
    text, problem = decode("note.md", data)
    if problem:
        return Ours(None, None, problem.message)
    return Ours(text, read_front_matter("note.md", text))


def read_theirs(data: bytes) -> Theirs:
    """As `frontmatter.load(path)` reads a file (text mode: universal newlines, UTF-8), through
    `frontmatter.parse`: `load` also raises TypeError where a key is not text (`on:`)."""
    try:
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
        handler = frontmatter.detect_format(text.strip(), HANDLERS)
        metadata, content = frontmatter.parse(text, handler=handler)
        return Theirs(metadata, content, handler=handler, text=text)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, TypeError) as exc:
        return Theirs(error=exc)


def as_ours(metadata: dict) -> dict:
    """python-frontmatter's mapping with vaultkit's key normalising and value tidying."""
    return {normalise_key(k): clean_value(v) for k, v in metadata.items()}


def same_metadata(ours: Ours, theirs: Theirs) -> bool:
    return (theirs.error is None and all(isinstance(k, str) for k in theirs.metadata)
            and as_ours(theirs.metadata) == ours.fm.data)


def differences(data: bytes) -> set[str]:
    """The documented reasons this note reads differently in the two; empty when it reads the same.
    Fails when the difference is none of them, or a reason does not hold up."""
    ours = read_ours(data)
    if ours.text is None:
        theirs = read_theirs(data)
        assert isinstance(theirs.error, UnicodeDecodeError) or "binary file" in ours.decode_problem, theirs
        return {"not UTF-8 text"}
    if ours.problem(*SAFETY):
        return {"refused for safety"}  # never handed to python-frontmatter: libyaml overflows its stack
    theirs = read_theirs(data)
    if data.startswith(BOM) and theirs.metadata == {} and ours.fm.data:
        assert not differences(data[len(BOM):]) - {BODY}, "only the BOM differs"
        return {"BOM"}
    if ours.text[:1].isspace() and not ours.fm.data and (theirs.metadata or theirs.error):
        assert re.match(r"\s+---[ \t]*\n", ours.text) and not ours.fm.problems
        assert not differences(ours.text.lstrip().encode()) - {BODY}, "only the blank line differs"
        return {"blank line before ---"}
    if theirs.handler is not None and not isinstance(theirs.handler, YAMLHandler) and not same_metadata(ours, theirs):
        assert ours.fm.data == {} and not ours.fm.problems and theirs.text.lstrip()[:1] in "{+"
        return {"TOML or JSON block"}
    fences = re.findall(r"^-{3,}[ \t]*$", ours.text, re.MULTILINE)[:2]
    if any(f.rstrip() != "---" for f in fences) and not same_metadata(ours, theirs):
        three = re.sub(r"^-{4,}([ \t]*)$", r"---\1", ours.text, count=2, flags=re.MULTILINE)
        assert not differences(three.encode()) - {BODY}, "only the fence differs"
        return {"fence other than ---"}
    if ours.fm.problems and ours.problem("front-matter is not valid YAML"):
        assert isinstance(theirs.error, yaml.MarkedYAMLError), theirs
        return error_line(ours, theirs)
    if ours.problem(*BROKEN_BLOCK):
        assert theirs.metadata == {} and theirs.error is None, "python-frontmatter gives no metadata and no error"
        return {"silent on a broken block"}
    if SEPARATORS.search(ours.text[:ours.fm.body_start]):
        assert not differences(SEPARATORS.sub(" ", ours.text).encode()) - {BODY}
        return {"YAML 1.1 line breaks"}
    if theirs.error is not None:
        assert ours.fm.readable and not ours.fm.problems, ours.fm.problems
        assert isinstance(theirs.error, (yaml.constructor.ConstructorError, ValueError)), theirs.error
        assert any(isinstance(v, str) for v in ours.fm.data.values()), "kept as text"
        return {"value YAML cannot build"}
    if any(not isinstance(k, str) for k in theirs.metadata):
        texts = as_ours({k: v for k, v in theirs.metadata.items() if isinstance(k, str)})
        assert texts.items() <= ours.fm.data.items()
        lines = ours.text.split("\n")
        for key in ours.fm.data.keys() - texts.keys():  # each as written on its line, a word YAML 1.1 reads as no text
            written = lines[ours.fm.key_lines[key] - 1].split(":", 1)[0].strip()
            assert normalise_key(written) == key and YAML11_KEY.fullmatch(written), (key, written)
        return {"YAML 1.1 keys"}
    assert as_ours(theirs.metadata) == ours.fm.data, "an unexplained difference in the metadata"
    return body_difference(ours, theirs)


def error_line(ours: Ours, theirs: Theirs) -> set[str]:
    """Both refuse the block; python-frontmatter's line counts from where it cut the block (the end
    of the fence, after any blank lines it stripped or its fence pattern took), and it names where
    the fault was noticed, often the closing fence, not where the broken part begins."""
    (problem,) = ours.fm.problems
    error = theirs.error
    stripped = ours.text.strip()
    cut = YAMLHandler.FM_BOUNDARY.search(stripped).end()
    first = ours.text[: len(ours.text) - len(ours.text.lstrip())].count("\n") + stripped.count("\n", 0, cut) + 1
    marks = [m for m in (error.problem_mark, error.context_mark) if m is not None]
    assert problem.line in {first + m.line for m in marks}, "vaultkit's line is one of the places YAML named"
    return set() if problem.line == error.problem_mark.line + 1 else {"error line"}


def body_difference(ours: Ours, theirs: Theirs) -> set[str]:
    if not ours.fm.readable:
        return set()
    body = ours.text[ours.fm.body_start:]
    assert theirs.content == body.strip(), "the same body, bar the whitespace python-frontmatter strips"
    assert ours.text.endswith(body) and ours.fm.body_line == ours.text.count("\n", 0, ours.fm.body_start) + 1
    return set() if theirs.content == body else {BODY}


@pytest.fixture(scope="module")
def readings(tmp_path_factory) -> dict[str, set[str]]:
    notes = fixture_notes(tmp_path_factory.mktemp("fixtures"))
    found = {}
    for label, data in notes.items():
        try:
            found[label] = differences(data)
        except AssertionError as exc:
            raise AssertionError(f"{label}: {exc}\n  vaultkit: {read_ours(data)}\n  python-frontmatter: "
                                 f"{read_theirs(data)}") from exc
    return found


def test_every_note_reads_the_same_or_differs_for_a_documented_reason(readings):
    by_reason = defaultdict(list)
    for label, reasons in readings.items():
        for reason in reasons:
            by_reason[reason].append(label)
    assert set(by_reason) == set(REASONS), "each documented difference is shown by a fixture note"
    agree = [label for label, reasons in readings.items() if not reasons - {BODY}]
    assert len(agree) >= 0.9 * len(readings), "most notes read the same"


EDGE_DIFFERENCES = {  # what each of fixture_notes.EDGE_NOTES shows
    "Contacts/Blank line first.md": {"blank line before ---"},
    "Contacts/Spaces first.md": {"blank line before ---"},
    "Reading/Hugo page.md": {"TOML or JSON block"},
    "Reading/Pasted JSON.md": {"TOML or JSON block"},
    "Reading/Four dashes.md": {"fence other than ---"},
    "Reading/Long close.md": {"fence other than ---"},
    "Reading/Rules.md": {"silent on a broken block"},
    "Contacts/Tabbed.md": set(),
    "Contacts/Colon.md": set(),
    "Contacts/Gap.md": {"error line"},
    "Interviews/2026-11-30 Quote.md": {"error line"},
    "Interviews/2026-13-45 Typo.md": {"value YAML cannot build"},
    "Contacts/Tagged value.md": {"value YAML cannot build"},
    "Reading/Switches.md": {"YAML 1.1 keys"},
    "Contacts/Twice.md": set(),
    "Contacts/Merged.md": set(),
    "Contacts/Unclosed.md": {"silent on a broken block"},
    "Contacts/Fence only.md": {"silent on a broken block"},
    "Contacts/Scalar.md": {"silent on a broken block"},
    "Contacts/List.md": {"silent on a broken block"},
    "Contacts/Empty.md": set(),
    "Contacts/Empty block.md": {BODY},
    "Contacts/Bomb.md": {"refused for safety"},
    "Contacts/Deep.md": {"refused for safety"},
    "Contacts/Latin1.md": {"not UTF-8 text"},
    "Contacts/Binary.md": {"not UTF-8 text"},
    "Contacts/UTF-16.md": {"not UTF-8 text"},
    "Contacts/Old Mac.md": {BODY},
    "Contacts/BOM only.md": {"BOM"},
    "Contacts/Pasted.md": {"YAML 1.1 line breaks"},
}


def test_each_edge_note_shows_its_difference(readings):
    edge = {label.removeprefix("edge:"): reasons for label, reasons in readings.items() if label.startswith("edge:")}
    assert edge == EDGE_DIFFERENCES


def test_the_sample_vault_and_vaultkits_outputs_read_the_same(readings):
    sample = {label: reasons for label, reasons in readings.items() if label.startswith("sample-vault:")}
    assert len(sample) >= 50 and any(label.startswith("sample-vault:vaultkit/") for label in sample)
    assert all(reasons <= {BODY} for reasons in sample.values()), sample


def test_each_difference_has_its_reason_in_the_decisions_page():
    text = (ROOT / "docs" / "decisions.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+)$", text, re.MULTILINE)
    assert sorted(REASONS.values()) == sorted(headings)
    assert "](docs/decisions.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, reason", [
    ("\n---\ntype: contact\n---\n", "blank line before ---"),
    ("\ufeff---\ntype: contact\n---\n", "BOM"),
    ('+++\ntitle = "x"\n+++\n', "TOML or JSON block"),
    ("----\ntitle: x\n----\n", "fence other than ---"),
    ("---\n\n\nrole: Head: UX\n---\n", "error line"),
    ("---\nname: x\n", "silent on a broken block"),
    ("---\ndate: 2026-13-45\n---\n", "value YAML cannot build"),
    ("---\non: 1\n---\n", "YAML 1.1 keys"),
    ("---\nrole: Head of\u2028UX\n---\n", "YAML 1.1 line breaks"),
    ("---\ntitle: x\n---\n\nbody\n", "body stripped"),
])
def test_the_decisions_pages_examples_differ_for_their_reason(text, reason):
    assert differences(text.encode("utf-8")) == {reason}


def test_an_unexplained_difference_fails(monkeypatch):
    import vaultkit.index.frontmatter as reader

    monkeypatch.setattr(reader, "clean_value", lambda value: value)  # vaultkit stops tidying values
    with pytest.raises(AssertionError, match="unexplained difference in the metadata"):
        differences(b"---\nreferred_by: [[Ana]]\n---\n")
