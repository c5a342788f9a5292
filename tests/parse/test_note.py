"""One note from bytes: decoding, bad input, when the body is parsed, and never raising."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaultkit.index.note import Note, parse_note

LF = b"---\nname: Ana\ntags: [contact]\n---\n# Ana\n\n## Log\n- 2026-11-02 #outreach hi [[Ben]]\n"


def test_bom_and_crlf_read_exactly_like_the_lf_twin():
    twin = parse_note("Contacts/Ana.md", LF)
    assert parse_note("Contacts/Ana.md", b"\xef\xbb\xbf" + LF.replace(b"\n", b"\r\n")) == twin
    assert parse_note("Contacts/Ana.md", LF.replace(b"\n", b"\r")) == twin


def test_a_note_is_a_plain_comparable_value():
    assert parse_note("a.md", LF) == parse_note("a.md", LF)
    assert isinstance(parse_note("a.md", LF), Note)


def test_nul_bytes_mean_binary():
    note = parse_note("x.md", b"hello\nwor\x00ld\n")
    assert not note.readable
    assert [str(p) for p in note.problems] == ["x.md:2: error: binary file (a NUL byte on line 2); not read"]


def test_utf16_is_named():
    note = parse_note("x.md", "hi".encode("utf-16"))
    assert str(note.problems[0]) == "x.md:1: error: UTF-16 text; save it as UTF-8 to have it read"


def test_non_utf8_points_at_the_line():
    note = parse_note("x.md", b"---\nname: Ana\n---\ncaf\xe9\n")
    assert str(note.problems[0]) == "x.md:4: error: not UTF-8 text (byte 0xE9 on line 4); save it as UTF-8"


def test_empty_file_is_an_empty_note():
    note = parse_note("empty.md", b"")
    assert note.readable and note.props == {} and not note.problems


def test_ordinary_notes_skip_the_markdown_parse():
    note = parse_note("Reading/x.md", b"---\ntitle: t\n---\nSee [[Ana]].\n", wants_body=lambda n: False)
    assert note.body is None and note.props == {"title": "t"}


def test_an_inline_type_tag_gets_the_body_parsed():
    note = parse_note("People/x.md", b"# Nadia\n\nTags: #contact #pm\n", wants_body=lambda n: False)
    assert note.inline_type == "contact" and note.body is not None


def test_a_type_tag_inside_code_does_not_count():
    note = parse_note("x.md", b"```\n#contact\n```\nand `#interview`\n", wants_body=lambda n: False)
    assert note.inline_type is None


def test_type_comes_from_the_type_key_then_tags():
    assert parse_note("x.md", b"---\ntype: Interview\n---\n").type_prop == "interview"
    assert parse_note("x.md", b"---\ntype: '[[Contact]]'\n---\n").type_prop == "contact"
    assert parse_note("x.md", b"---\ntags: 'person, #contact/alumni'\n---\n").tag_type == "contact"


def test_a_huge_body_is_not_parsed():
    data = b"---\ntype: contact\n---\n" + b"- 2026-11-02 line of log\n" * 440_000  # about 11 MB
    note = parse_note("Contacts/Big.md", data)
    assert note.body is None and note.props == {"type": "contact"}
    assert [str(p) for p in note.problems] == [
        "Contacts/Big.md:4: warning: note is 11.0 MB; only its front-matter was read (bodies over 1 MB are skipped)"
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.text(min_size=1, max_size=40).map(lambda s: s.replace("\x00", "") + ".md"),
    data=st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda s: ("---\n" + s).encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(["---\n", "- ", "[[", "]]", "#contact ", "*a", "&a ", "[", "{", ": ", "\r\n",
                                  "## Log\n", "2026-11-02", "```\n", "\xef\xbb\xbf", "tags: ", "date: ", "\t"]),
                 max_size=80).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    ),
)
def test_any_bytes_under_any_path_never_raise(path, data):
    note = parse_note(path, data)
    assert isinstance(note, Note)
    assert all(p.line >= 1 and p.severity in ("error", "warning") for p in note.problems)
