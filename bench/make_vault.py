"""Build a synthetic vault: mostly ordinary notes, a few hundred contacts and interviews.

    python bench/make_vault.py /tmp/big-vault --notes 100000
    python bench/make_vault.py /tmp/light-vault --notes 100000 --short
    python bench/make_vault.py /tmp/other-vault --notes 100000 --shape mixed

Deterministic for a given --seed. Shapes (SHAPES below):

- heavy (the default): about 1.2 KB a note, so 100,000 notes is about 120 MB, the size
  of a large real vault; ordinary notes in 100 folders of one level; 300 contacts, 300
  interviews, 1,000 daily notes.
- short (--short): the ordinary notes are a few lines under a small front-matter (about
  0.16 KB), like most notes in real vaults.
- mixed: another shape of vault: 25 folders, some shallow (thousands of notes side by
  side) and some deep (five levels); notes short and long; 300 contacts with many
  interviews (3,000: ten each), long Logs; about 2% of notes with broken front-matter
  (an unclosed list, a tab, an unclosed quote, a missing closing line), which `check`
  lists and the model carries.

--contacts, --interviews, --broken, --folders and --depth change a shape's figures.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

WORDS = ("research interview product data team user study career network coffee question answer "
         "analysis design market hiring manager project plan notes idea meeting report draft review "
         "feedback goal skill portfolio referral introduction field company role lesson insight").split()
# a tag named like a kind of note types the note (`#company` makes a company note): ordinary notes carry none
TAG_WORDS = [w for w in WORDS if w not in ("interview", "contact", "company", "opportunity", "interaction")]
FIELDS = ["UX research", "Data science", "Product management", "Policy", "Nursing", "Teaching"]
KINDS = ["#outreach", "#reply", "#thanks", "#checkin", "#update", ""]


def sentence(rng: random.Random, links: list[str]) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    if links and rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), f"[[{rng.choice(links)}]]")
    return " ".join(words).capitalize() + "."


def ordinary(rng: random.Random, i: int, names: list[str]) -> str:
    front = [f"created: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             f"tags: [{', '.join(rng.sample(TAG_WORDS, 3))}]"]
    if rng.random() < 0.2:
        front.append(f"aliases: [Alias {i}]")
    if rng.random() < 0.3:
        front.append(f'related: "[[Note {rng.randrange(len(names) or 1)}]]"')
    body = [f"# Note {i}", ""]
    for _ in range(rng.randint(2, 5)):
        body.append(" ".join(sentence(rng, names) for _ in range(rng.randint(2, 4))))
        body.append("")
    if rng.random() < 0.3:
        body += [f"- {sentence(rng, names)}" for _ in range(3)] + [""]
    return "---\n" + "\n".join(front) + "\n---\n" + "\n".join(body)


def contact(rng: random.Random, name: str, start: dt.date, log_lines: tuple[int, int] = (2, 8)) -> str:
    log = []
    day = start
    for _ in range(rng.randint(*log_lines)):
        day += dt.timedelta(days=rng.randint(1, 20))
        log.append(f"- {day.isoformat()} {rng.choice(KINDS)} {sentence(rng, [])}".replace("  ", " "))
    return (f"---\ntype: contact\nname: {name}\ncompany: Company {rng.randint(1, 80)}\nrole: Analyst\n"
            f"field: {rng.choice(FIELDS)}\nemail: {name.lower().replace(' ', '.')}@example.org\n---\n"
            f"# {name}\n\n{sentence(rng, [])}\n\n## Log\n" + "\n".join(log) + "\n")


def interview(rng: random.Random, name: str, day: dt.date, others: list[str]) -> str:
    status = rng.choice(["done", "done", "done", "scheduled", "confirmed", "cancelled"])
    referrals = "".join(f'  - "[[{o}]]"\n' for o in rng.sample(others, 2))
    return (f'---\ntype: interview\ncontact: "[[{name}]]"\ndate: {day.isoformat()}\ntime: "10:00"\n'
            f"status: {status}\nreferrals:\n{referrals}---\n## Questions\n- {sentence(rng, [])}\n\n"
            f"## Takeaways\n- {sentence(rng, [])}\n\n## Reflection\n{sentence(rng, [])}\n")


def short(rng: random.Random, i: int, names: list[str]) -> str:
    front = f"created: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\ntags: [{rng.choice(TAG_WORDS)}]"
    return f"---\n{front}\n---\n# Note {i}\n\n{sentence(rng, names)}\n"


# Front-matter that does not parse, as people break it: each is an error `check` reports
BROKEN = ("tags: [unclosed, list\n", "created: 2025-01-01\n\ttabbed: yes\n", 'title: "an unclosed quote\n',
          "aliases: [[Note 1]]\nkey: : value\n")


@dataclass(frozen=True)
class Shape:
    """What a vault holds besides its number of notes."""

    contacts: int = 300
    interviews: int = 300
    daily: int = 1000
    short: float = 0.0  # the share of ordinary notes that are a few lines (the rest about 1.2 KB)
    broken: float = 0.0  # the share of ordinary notes whose front-matter does not parse
    folders: int = 100  # folders the ordinary notes are spread over
    deep: float = 0.0  # the share of those folders nested five levels down, the rest one level
    log_lines: tuple[int, int] = (2, 8)  # touches in a contact's Log


SHAPES = {
    "heavy": Shape(),
    "short": Shape(short=1.0),
    "mixed": Shape(interviews=3000, short=0.7, broken=0.02, folders=25, deep=0.4, log_lines=(6, 30)),
}


def folder_of(shape: Shape, i: int) -> str:
    """The folder of ordinary note `i`: shallow folders hold many notes side by side, deep ones
    spread theirs over five levels of subfolders."""
    folder = i % shape.folders
    if folder < round(shape.folders * shape.deep):
        sub = i // shape.folders
        return f"Deep {folder:02d}/" + "/".join(f"{sub // 3 ** level % 3}" for level in range(5))
    return f"Notes/{folder:02d}"


def broken(rng: random.Random, i: int) -> str:
    return f"---\n{rng.choice(BROKEN)}---\n# Note {i}\n\n{sentence(rng, [])}\n"


def build(root: Path, notes: int, seed: int = 1, contacts: int | None = None, interviews: int | None = None,
          daily: int | None = None, short_notes: bool = False, shape: Shape | str | None = None) -> None:
    """Build the vault: `shape` (a Shape or one of SHAPES' names; `short_notes`: "short") with the figures given."""
    shape = SHAPES[shape or ("short" if short_notes else "heavy")] if not isinstance(shape, Shape) else shape
    given = {"contacts": contacts, "interviews": interviews, "daily": daily}
    shape = dataclasses.replace(shape, **{k: v for k, v in given.items() if v is not None})
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / ".obsidian").mkdir(parents=True)
    (root / "vaultkit.toml").write_text('[me]\nname = "Bench"\n')
    people = [f"Person {i}" for i in range(shape.contacts)]
    start = dt.date(2025, 1, 1)
    for name in people:
        write(root / "Contacts" / f"{name}.md",
              contact(rng, name, start + dt.timedelta(days=rng.randint(0, 600)), shape.log_lines))
    for i in range(shape.interviews):
        day = start + dt.timedelta(days=rng.randint(0, 700))
        write(root / "Interviews" / f"{day.isoformat()} {i}.md", interview(rng, rng.choice(people), day, people))
    for i in range(shape.daily):
        day = start + dt.timedelta(days=i)
        items = "\n".join(f"- met [[{rng.choice(people)}]] {rng.choice(KINDS)}" for _ in range(3))
        write(root / "Daily" / f"{day.isoformat()}.md", f"# {day}\n\n{items}\n")
    ordinary_count = max(0, notes - shape.contacts - shape.interviews - shape.daily)
    note_names = [f"Note {i}" for i in range(ordinary_count)]
    for i in range(ordinary_count):
        mixed = shape.broken or 0 < shape.short < 1  # a draw only then: the other shapes stay as they were built
        draw = rng.random() if mixed else 0.0 if shape.short else 1.0
        if draw < shape.broken:
            text = broken(rng, i)
        else:
            make = short if draw < shape.broken + shape.short * (1 - shape.broken) else ordinary
            text = make(rng, i, note_names[: i + 1][-500:])
        write(root / folder_of(shape, i) / f"Note {i}.md", text)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short", action="store_true", help="ordinary notes of a few lines (--shape short)")
    parser.add_argument("--shape", choices=sorted(SHAPES), help="the kind of vault (default: heavy)")
    parser.add_argument("--contacts", type=int)
    parser.add_argument("--interviews", type=int)
    parser.add_argument("--broken", type=float, help="the share of notes with broken front-matter, e.g. 0.02")
    parser.add_argument("--folders", type=int, help="folders the ordinary notes are spread over")
    parser.add_argument("--deep", type=float, help="the share of those folders nested five levels down")
    args = parser.parse_args()
    shape = SHAPES[args.shape or ("short" if args.short else "heavy")]
    changes = {k: getattr(args, k) for k in ("broken", "folders", "deep") if getattr(args, k) is not None}
    build(args.root, args.notes, args.seed, args.contacts, args.interviews, shape=dataclasses.replace(shape, **changes))
    size = sum(p.stat().st_size for p in args.root.rglob("*.md"))
    print(f"built {args.root}: {args.notes:,} notes, {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
