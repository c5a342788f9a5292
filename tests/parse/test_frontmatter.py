"""Front-matter: splitting, safe loading, line numbers, YAML's surprises."""
import datetime
import resource
import subprocess
import sys
import time

import pytest

from vaultkit.index.frontmatter import clean_value, normalise_key, read_front_matter, split_front_matter

BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def fm(text):
    return read_front_matter("n.md", text)


def test_keys_are_normalised_and_keep_their_lines():
    result = fm("---\nName: Ana\nReferred-By: x\nstay in touch: 6w\n---\nbody\n")
    assert result.data == {"name": "Ana", "referred_by": "x", "stay_in_touch": "6w"}
    assert result.key_lines == {"name": 2, "referred_by": 3, "stay_in_touch": 4}
    assert result.body_line == 6


@pytest.mark.parametrize("key", ["Referred-By", "referred by", "referred_by", " REFERRED__BY "])
def test_one_key_however_it_is_written(key):
    assert normalise_key(key) == "referred_by"


def test_list_items_keep_their_lines():
    result = fm("---\nreferrals:\n  - a\n  - b\n---\n")
    assert result.item_lines["referrals"] == (3, 4)


def test_no_front_matter_is_an_empty_mapping():
    result = fm("# just a heading\n")
    assert result.data == {} and result.readable and result.body_start == 0


@pytest.mark.parametrize("text", ["---\n---\nbody", "---\n# only a comment\n---\n", "---\n\n---\n"])
def test_an_empty_block_is_an_empty_mapping(text):
    result = fm(text)
    assert result.data == {} and result.readable and not result.problems


def test_unterminated_block_is_an_error_on_line_1():
    result = fm("---\nname: Ana\nno closing fence\n")
    assert not result.readable
    assert [str(p) for p in result.problems] == [
        "n.md:1: error: front-matter opened with --- on line 1 is never closed with a --- line"
    ]


def test_broken_yaml_points_at_the_line():
    result = fm("---\nname: Ana\ncompany: [Acme\nrole: x\n---\n")
    (problem,) = result.problems
    assert problem.severity == "error" and problem.line in (3, 4)
    assert problem.message.startswith("front-matter is not valid YAML:")


def test_a_list_is_not_a_mapping():
    (problem,) = fm("---\n- a\n- b\n---\n").problems
    assert str(problem) == "n.md:2: error: front-matter is a list, not a set of `key: value` lines"


def test_duplicate_keys_warn_and_the_later_wins():
    result = fm("---\nname: A\nrole: r\nNAME: B\n---\n")
    assert result.data["name"] == "B"
    assert [str(p) for p in result.problems] == [
        "n.md:4: warning: duplicate key 'NAME' (also on line 2); this later one wins"
    ]


def test_alias_bomb_is_refused_fast_and_small():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = fm("---\n" + BOMB + "---\nbody\n")
    assert time.perf_counter() - started < 0.5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB
    assert not result.readable
    assert "alias bomb" in result.problems[0].message


def test_an_alias_that_refers_to_itself_is_refused():
    result = fm("---\na: &a [*a]\n---\n")
    assert not result.readable and "refers to itself" in result.problems[0].message


def test_harmless_aliases_are_fine():
    result = fm("---\nbase: &b Acme\ncompany: *b\n---\n")
    assert result.data["company"] == "Acme" and not result.problems


@pytest.mark.parametrize("block", [
    "a: " + "[" * 60_000 + "]" * 60_000,
    "a: " + "{a: " * 60_000,
    "? " * 60_000 + "x",
    "- " * 60_000 + "x",
    "a:\n" + "".join(" " * i + "-\n" for i in range(600)),
])
def test_nesting_that_would_crash_libyaml_is_refused(block):
    # libyaml's C composer overflows the stack near 50,000 levels. Run in a child
    # process, so a regression fails this test instead of killing the whole run.
    code = (
        "import sys; from vaultkit.index.frontmatter import read_front_matter; "
        "r = read_front_matter('n.md', sys.stdin.read()); print(r.problems[0].message)"
    )
    out = subprocess.run([sys.executable, "-c", code], input="---\n" + block + "\n---\n",
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert "nested more than 500 levels deep" in out.stdout


def test_values_yaml_cannot_build_stay_text():
    result = fm("---\ndate: 2026-13-45\nbig: " + "9" * 5000 + "\nodd: !foo bar\nlist: !bar [a]\n"
                "evil: !!python/object:os.system [echo]\n---\n")
    assert result.readable and not result.problems
    assert result.data["date"] == "2026-13-45" and result.data["big"] == "9" * 5000
    assert result.data["odd"] == "bar" and result.data["list"] == ["a"] and result.data["evil"] == ["echo"]


def test_yaml_boolean_words_stay_key_names():
    assert set(fm("---\non: 1\nyes: 2\n2024: 3\n---\n").data) == {"on", "yes", "2024"}


def test_merge_keys_are_expanded():
    result = fm("---\nbase: &b {company: Acme}\n<<: *b\nrole: r\n---\n")
    assert result.data["company"] == "Acme"


def test_yaml_surprises_are_tidied():
    assert clean_value([["Ana"]]) == "[[Ana]]"  # unquoted [[Ana]]
    assert clean_value([[["Ana"]]]) == ["[[Ana]]"]  # [[[Ana]]]
    assert clean_value([[["A"]], [["B"]]]) == ["[[A]]", "[[B]]"]  # a list of unquoted links
    assert clean_value([None]) == []
    assert clean_value(["a", None, " b "]) == ["a", "b"]


def test_dates_and_times_are_left_for_the_model_to_read():
    data = fm("---\nd: 2026-11-12\nt: 10:00\ns: 2026-11-12T20:35\n---\n").data
    assert data == {"d": datetime.date(2026, 11, 12), "t": 600, "s": "2026-11-12T20:35"}


def test_split_reports_the_body_offset():
    text = "---\na: 1\n---\nbody\n"
    block, first, offset, line = split_front_matter(text)
    assert block == "a: 1\n" and first == 2 and text[offset:] == "body\n" and line == 4
    assert split_front_matter("---")[2] == -1
    assert split_front_matter("--- not a fence\n")[0] is None
