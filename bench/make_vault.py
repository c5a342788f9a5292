"""Build a synthetic vault: mostly ordinary notes, a few hundred contacts and interviews.

    python bench/make_vault.py /tmp/big-vault --notes 100000
    python bench/make_vault.py /tmp/light-vault --notes 100000 --short

Deterministic for a given --seed. About 1.2 KB a note, so 100,000 notes is
about 120 MB, the size of a large real vault. With --short the ordinary notes
are a few lines under a small front-matter (about 0.16 KB), like most notes
in real vaults.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

WORDS = ("research interview product data team user study career network coffee question answer "
         "analysis design market hiring manager project plan notes idea meeting report draft review "
         "feedback goal skill portfolio referral introduction field company role lesson insight").split()
TAG_WORDS = [w for w in WORDS if w not in ("interview", "contact")]  # those tags would type the note
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


def contact(rng: random.Random, name: str, start: dt.date) -> str:
    log = []
    day = start
    for _ in range(rng.randint(2, 8)):
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


def build(root: Path, notes: int, seed: int = 1, contacts: int = 300, interviews: int = 300, daily: int = 1000,
          short_notes: bool = False) -> None:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    (root / ".obsidian").mkdir(parents=True)
    (root / "vaultkit.toml").write_text('[me]\nname = "Bench"\n')
    people = [f"Person {i}" for i in range(contacts)]
    start = dt.date(2025, 1, 1)
    for name in people:
        write(root / "Contacts" / f"{name}.md", contact(rng, name, start + dt.timedelta(days=rng.randint(0, 600))))
    for i in range(interviews):
        day = start + dt.timedelta(days=rng.randint(0, 700))
        write(root / "Interviews" / f"{day.isoformat()} {i}.md", interview(rng, rng.choice(people), day, people))
    for i in range(daily):
        day = start + dt.timedelta(days=i)
        items = "\n".join(f"- met [[{rng.choice(people)}]] {rng.choice(KINDS)}" for _ in range(3))
        write(root / "Daily" / f"{day.isoformat()}.md", f"# {day}\n\n{items}\n")
    ordinary_count = max(0, notes - contacts - interviews - daily)
    note_names = [f"Note {i}" for i in range(ordinary_count)]
    for i in range(ordinary_count):
        make = short if short_notes else ordinary
        write(root / f"Notes/{i % 100:02d}" / f"Note {i}.md", make(rng, i, note_names[: i + 1][-500:]))


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", type=Path)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short", action="store_true", help="ordinary notes of a few lines")
    args = parser.parse_args()
    build(args.root, args.notes, args.seed, short_notes=args.short)
    size = sum(p.stat().st_size for p in args.root.rglob("*.md"))
    print(f"built {args.root}: {args.notes:,} notes, {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
