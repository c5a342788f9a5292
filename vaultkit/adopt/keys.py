"""The vault's own key names for vaultkit's (`App-Stage` is `stage`), its values for touch kinds (`Sent` is
outreach), and its status words for contact statuses. Pure: notes in, tables out."""
from __future__ import annotations

from collections import Counter

from ..index.kind import PEOPLE_KEYS
from ..links import name_of
from ..mapping import CONTACT_STATUSES, word_of
from .evidence import Look
from .reading import Seen

_OUTREACH = ("sent", "outgoing", "outbound", "initiated", "i reached out")
_REPLY = ("received", "incoming", "inbound", "reply", "replied")
_THANKS = ("thanks", "thank you", "thank-you")
# status words that plainly mean "not now" or "never": every other word of the vault's own is active
_STATUS_WORDS = {
    "paused": ("on hold", "paused", "pause", "later", "snoozed", "dormant", "inactive", "parked"),
    "do-not-contact": ("dnc", "do not contact", "don't contact", "not interested", "declined", "unsubscribed",
                       "opted out", "blocked"),
    "archived": ("archive", "closed", "dead", "lost", "ended", "former"),
}


def _opportunity_key(key: str) -> str | None:
    """vaultkit's key for one of an opening's own (`app_stage` -> stage, `job_title` -> role)."""
    tokens = set(key.split("_"))
    if "stage" in tokens:
        return "stage"
    if "applied" in tokens or key in ("application_date", "date_of_application"):
        return "applied"
    if key in ("job_title", "title", "position", "job", "job_role"):
        return "role"
    if "deadline" in tokens:
        return "deadline"
    if key in ("posting_url", "job_url", "posting", "job_link", "link", "job_posting"):
        return "url"
    return None


def _person_key(key: str) -> str | None:
    return "role" if key in ("job_title", "title", "position", "job_role") else None


def _most(counter: Counter) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def key_names(seen: list[Seen], kinds: dict[str, str], looks: dict[str, Look]) -> dict[str, list[str]]:
    """vaultkit key -> the user's key names as written, from the notes of each kind (`kinds`: path -> kind)."""
    wanted: dict[str, Counter] = {}
    spelling: dict[str, str] = {}
    for s in seen:
        kind = kinds.get(s.rel)
        spelling.update(s.spellings)
        if kind in ("interaction", "interview"):
            theirs_for = {"interaction": "contacts", "interview": "contact"}[kind]
            if s.date_key and s.date_key != "date":
                wanted.setdefault("date", Counter())[s.date_key] += 1
            people = looks[s.rel].people_key
            if people and people not in (PEOPLE_KEYS if kind == "interaction" else ("contact",)):
                wanted.setdefault(theirs_for, Counter())[people] += 1
        elif kind in ("opportunity", "contact"):
            for key in s.keys:
                ours = _opportunity_key(key) if kind == "opportunity" else _person_key(key)
                if ours and ours != key and ours not in s.keys:
                    wanted.setdefault(ours, Counter())[key] += 1
    keys = {}
    for ours in sorted(wanted):
        names = [spelling.get(k, k) for k, _ in wanted[ours].most_common()]
        keys[ours] = list(dict.fromkeys(names))
    return keys


def touch_kinds(seen: list[Seen], paths: set[str], skip: set[str]) -> dict[str, list[str]]:
    """Property values of the conversation notes that say which way a message went."""
    found: dict[str, list[str]] = {}
    values = Counter(v.strip() for s in seen if s.rel in paths for k, v in s.note.props.items()
                     if k not in skip and isinstance(v, str) and 0 < len(v.strip()) <= 40)
    for value in sorted(values):
        folded = value.casefold().replace("_", " ")
        kind = ("outreach" if folded in _OUTREACH else "reply" if folded in _REPLY
                else "thanks" if folded in _THANKS else None)
        if kind:
            found.setdefault(kind, []).append(value)
    return found


def statuses(seen: list[Seen], people: set[str]) -> dict[str, list[tuple[str, int]]]:
    """The status words people's notes use that vaultkit does not know, under the status each means."""
    count: Counter = Counter()
    written: dict[str, str] = {}
    for s in seen:
        value = s.note.props.get("status")
        if isinstance(value, str) and s.rel in people:
            text = " ".join(name_of(value).lower().split())
            word = word_of(text)
            if word and word not in CONTACT_STATUSES and len(text) <= 40:
                count[word] += 1
                written.setdefault(word, text)
    found: dict[str, list[tuple[str, int]]] = {}
    for word, n in sorted(count.items(), key=lambda pair: (-pair[1], pair[0])):
        status = next((st for st, said in _STATUS_WORDS.items() if word in {word_of(w) for w in said}), "active")
        found.setdefault(status, []).append((written[word], n))
    return found
